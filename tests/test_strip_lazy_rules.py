"""Rule patterns are compiled when a document first needs them (``LazyPattern``).

Loading French + English rules compiled ~770 ``regex`` patterns (about 1.5 s,
most of the "import + first document" time of issue 12), while a document
tries a few dozen. Lazy compilation defers any pattern error to the first
document that triggers it, so every pattern of every language file is
compiled here.
"""

from __future__ import annotations

import regex

from cleannews.strip._rules import LazyPattern, RuleSet, _data_text

LANGS = ("fr", "en", "de", "es", "it")


def _ruleset(lang: str) -> RuleSet:
    import json

    return RuleSet([json.loads(_data_text(f"{lang}.json"))])  # a fresh one, not the cache


def _lazy_patterns(rs: RuleSet) -> list[LazyPattern]:
    pats = [p for _, p in rs._phrase_patterns] + [p for _, p in rs._span_patterns]
    for index in (rs._line, rs._prefix, rs._protect_index):
        if index is not None:
            pats.extend(p for _, p in index.patterns)
    if rs._protect is not None:
        pats.append(rs._protect)
    return pats


def test_every_pattern_of_every_language_compiles() -> None:
    total = 0
    for lang in LANGS:
        for p in _lazy_patterns(_ruleset(lang)):
            assert isinstance(p, LazyPattern)
            p.search("")  # compiles; a bad pattern raises regex.error here
            assert isinstance(p.compiled, regex.Pattern), (lang, p.pattern)
            total += 1
    assert total > 700


def test_loading_compiles_nothing_and_a_document_compiles_few() -> None:
    rs = _ruleset("fr")
    pats = _lazy_patterns(rs)
    assert all(p.compiled is None for p in pats)
    from cleannews.strip._rules import start_key

    lines = ["Abonnez-vous à notre newsletter", "Le conseil municipal a voté mardi le budget."]
    for line in lines:
        low = line.casefold()
        rs.match_line(line, len(line.split()), low, start_key(line, low))
        rs.phrases(line, low)
    used = [p for p in pats if p.compiled is not None]
    # the compiled patterns still decide
    assert "newsletter_signup" in {r.name for r, _, _ in rs.phrases(lines[0])}
    assert not rs.phrases(lines[1])
    assert 0 < len(used) < len(pats) // 10


def test_a_compiled_lazy_pattern_answers_like_the_pattern() -> None:
    p = LazyPattern(r"\bpartager\s+sur\s+(?:facebook|x)\b", regex.I | regex.V0)
    ref = regex.compile(p.pattern, p.flags)
    for text in ("Partager sur Facebook", "partager sur  X !", "à partager", ""):
        assert bool(p.search(text)) == bool(ref.search(text))
        assert [m.span() for m in p.finditer(text)] == [m.span() for m in ref.finditer(text)]
        assert bool(p.match(text)) == bool(ref.match(text))
    assert p.match.__self__ is p.compiled  # after the first call: the pattern's own method

"""The strip stage's speed shortcuts decide exactly what the slow forms decide.

Each shortcut of branch perf-strip (issue 12) is checked against the form it skips:
exhaustively where the input space is small (every Unicode character), else on real
pages (the seeds, ``fixtures/strip`` and the TRAIN pages of ``fixtures/strip_real``).
The whole stage is also pinned bit for bit by ``tests/test_strip_regression.py`` and
compared with the reference rule path by ``tests/test_strip_fast_equivalence.py``.
"""

from __future__ import annotations

import sys

from cleannews.strip import _pagelang as P


def test_unspaced_screen_holds_every_unspaced_letter():
    """No character :data:`UNSPACED` matches is in :data:`UNSPACED_FREE_BLOCKS` (all of
    Unicode, with the installed ``regex``'s tables): a document the screen passes has no
    unspaced letter, so :func:`recount_unspaced` may return at once."""
    missed = [
        c for c in range(sys.maxunicode + 1)
        if not 0xD800 <= c <= 0xDFFF
        and P.UNSPACED.match(chr(c)) is not None
        and P._MAYBE_UNSPACED.match(chr(c)) is None
    ]
    assert not missed, [hex(c) for c in missed[:10]]
    # the screen is not vacuous: it passes the characters of French typography and mojibake
    typo = "L’été « à Noël » — 3 000 € … œuvre ½ ™ • № ‰ \u202f\u00a0\ufffd Ã©"
    assert P._MAYBE_UNSPACED.search(typo) is None
    assert P._MAYBE_UNSPACED.search("東京") is not None
    assert P._MAYBE_UNSPACED.search("emoji \U0001f600") is not None  # beyond U+FFFF: searched


def test_recount_unspaced_unchanged_by_the_screen():
    """A line of Thai / Han is still recounted when the document also holds Latin text."""
    from cleannews.strip.detectors import _Line

    lines = [_Line("Le marché", frozenset()), _Line("离别的话最难说出口", frozenset())]
    P.recount_unspaced(lines, "Le marché\n离别的话最难说出口")
    assert [ln.n for ln in lines] == [2, 5]


def _pages() -> list[str]:
    from pathlib import Path

    from _helpers import train_pages
    from cleannews.evaluate import read_fixture

    root = Path(__file__).resolve().parent.parent
    docs = [p.read_text("utf-8") for p in sorted((root / "seeds").glob("*.txt"))]
    docs += [read_fixture(p)[0] for p in sorted((root / "fixtures" / "strip").glob("*.txt"))]
    docs += [d for _, d, _ in train_pages()]
    return docs


def test_head_words_from_the_lines_equal_the_guess_tokenizer():
    """:func:`build_lines` reads the page-language words from its lines: the same list as
    ``\\w+`` over the lower-cased first characters, or None (then the guess tokenizes), on
    real pages, their typeset forms and pages with the characters where lowering, case
    folding or :func:`match_text` differ (ʼ, final sigma, İ, ß, ligatures), a cut inside a
    word and lines longer than the head."""
    import re

    from cleannews._lines import split_lines
    from cleannews.strip.detectors import build_lines

    base = _pages()
    docs = list(base)
    docs += [d.replace("'", "’").replace(" :", "\u202f:").replace("« ", "«\u00a0") for d in base]
    tricky = ["Lʼété", "ΟΔΟΣ ΑΘΗΝΑΣ", "İstanbul", "Straße", "ﬁnance", "naïve\u00a0ville",
              "a\u2009b"]
    for k, d in enumerate(base[:200]):
        t = tricky[k % len(tricky)]
        docs.append(t + " " + d)
        docs.append(d[:990] + t + d[990:])
        docs.append(" ".join(d.split("\n")))  # one line longer than the head
    word = re.compile(r"\w+")
    read = 0
    for d in docs:
        got = build_lines(d, split_lines(d)).head_words
        if got is not None:
            read += 1
            assert got == word.findall(d[: P.PAGE_LANGUAGE_CHARS].lower()), d[:120]
    assert read > len(docs) // 2  # the shortcut is taken on most pages


def test_strip_text_guess_uses_line_words_without_changing_it(monkeypatch):
    """The whole stage gives the same text and Changes whether the guess reads the lines'
    words or tokenizes the head itself (the words are dropped on purpose)."""
    import cleannews
    from cleannews.strip import detectors as D
    from cleannews.strip import strip_text

    cfg = cleannews.CleanConfig()
    docs = [cleannews.repair(d).text for d in _pages()[::3]]
    fast = [strip_text(d, cfg) for d in docs]
    monkeypatch.setattr(D, "_head_words", lambda *a: None)
    slow = [strip_text(d, cfg) for d in docs]
    for a, b in zip(fast, slow, strict=True):
        assert a.text == b.text
        assert [(c.rule, c.span, c.reason) for c in a.changes] == [
            (c.rule, c.span, c.reason) for c in b.changes
        ]


def _anchored_patterns() -> list[str]:
    """The line, prefix and protect patterns of every rule file that have no ``requires``."""
    import json
    from pathlib import Path

    data = Path(__file__).resolve().parent.parent / "src" / "cleannews" / "strip" / "data"
    out = []
    for lang in ("fr", "en", "de", "es", "it"):
        d = json.loads((data / f"{lang}.json").read_text("utf-8"))
        out += [p for r in d.get("rules", ()) if r["kind"] in ("line", "prefix")
                and not r.get("requires") for p in r["patterns"]]
        out += [p for block in d.get("protect", ()) for p in block["patterns"]]
    return out


def test_literal_chars_fold_one_to_one():
    """Every character ``regex`` matches case-insensitively with one of LITERAL_CHARS folds
    (``str.casefold``) to that character's folding: all of Unicode."""
    import regex

    from cleannews.strip._triggers import LITERAL_CHARS

    cls = regex.compile(
        "[" + "".join(regex.escape(c) for c in sorted(LITERAL_CHARS)) + "]",
        regex.IGNORECASE | regex.V0,
    )
    folded = {c.casefold() for c in LITERAL_CHARS}
    bad = []
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        if cls.fullmatch(c) is None:
            continue
        y = c.casefold()
        # c matches exactly the literal characters of its own folding
        same = {x for x in LITERAL_CHARS if regex.fullmatch(regex.escape(x), c, regex.I | regex.V0)}
        if y not in folded or {x.casefold() for x in same} != {y}:
            bad.append(hex(cp))
    assert not bad, bad[:10]
    assert "i" not in LITERAL_CHARS and "I" not in LITERAL_CHARS  # İ folds to two characters


def test_required_literal_is_in_every_generated_match():
    """For each anchored pattern of the rule files with a required literal, strings generated
    to match the pattern (Hypothesis ``from_regex``, case-insensitive, for the patterns the
    standard ``re`` can read) hold the literal in their case folding, and ``regex`` matches
    them too."""
    import re

    import regex
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from cleannews.strip._triggers import required_literal

    pats = []
    for p in _anchored_patterns():
        lit = required_literal(p)
        if lit is None:
            continue
        try:
            pats.append((p, lit, st.from_regex(re.compile(p, re.IGNORECASE), fullmatch=True)))
        except re.error:
            continue  # \p{…} and other regex-only syntax
    assert len(pats) > 500

    @settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(range(len(pats))).flatmap(
        lambda k: st.tuples(st.just(k), pats[k][2])
    ))
    def check(case):
        k, s = case
        p, lit, _ = pats[k]
        if regex.fullmatch(p, s, regex.IGNORECASE | regex.V0) is None:
            return  # the two engines read a construct differently: no claim
        assert lit in s.casefold(), (p, lit, s)

    check()

"""The literal gates of the rules (perf-strip5) change no rule hit and no stage output.

:func:`cleannews.strip._rules.required_any` reads literals one of which every match of a
pattern holds (its required literal or character, else the alternatives of a top-level
group): the phrase and span patterns whose start is not read are indexed by them instead
of running on every line, and the anchored indexes test them before a pattern.
:func:`cleannews.strip._rules.pattern_gate` gives each phrase and span pattern a second
such test before it is tried. ``_rules.REFERENCE_ALWAYS = True`` builds rule sets without
either (the behaviour before): both must give the same hits line by line, and the same
stage output (text and every Change) on real pages.
"""

from __future__ import annotations

import json
import re
import warnings

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleannews
from cleannews.strip import _rules as R
from cleannews.strip import strip_text
from test_strip_fast_equivalence import _documents

LANGS = ("fr", "en", "de", "es", "it")


def _data(langs: tuple[str, ...]) -> list[dict]:
    return [json.loads(R._data_text(f"{lang}.json")) for lang in langs]


def _rule_sets(langs: tuple[str, ...], monkeypatch) -> tuple[R.RuleSet, R.RuleSet]:
    """(gated, without gates) rule sets of ``langs``."""
    gated = R.RuleSet(_data(langs))
    with monkeypatch.context() as m:
        m.setattr(R, "REFERENCE_ALWAYS", True)
        plain = R.RuleSet(_data(langs))
    return gated, plain


@pytest.fixture(scope="module")
def lines() -> list[str]:
    docs = [cleannews.repair(d).text for d in _documents()[::3]]
    out = [x.strip() for d in docs for x in d.split("\n") if x.strip()]
    # case variants exercise the case folding the gates are tested in
    return out + [x.upper() for x in out[::4]] + [x.lower() for x in out[1::4]]


def test_gates_exist_where_they_help(monkeypatch):
    gated, plain = _rule_sets(("fr", "en"), monkeypatch)
    # the two caption patterns that ran on every line are indexed by their literals now
    assert plain._phrase_index[0] and not gated._phrase_index[0]
    gates = [R.pattern_gate(p.pattern) for _, p in gated._phrase_patterns]
    assert sum(map(bool, gates)) > 100
    assert plain._gates["phrase"] == [()] * len(gates)
    # the always-tried line patterns all need a literal: the index's gate is on
    assert gated._line._gate is not None


def test_phrase_and_span_hits_equal_without_gates(lines, monkeypatch):
    gated, plain = _rule_sets(LANGS, monkeypatch)
    n_hits = 0
    for text in lines:
        text = R.match_text(text)
        low = text[: R.MAX_SCAN_CHARS].casefold()
        a = [(r.name, s, e) for r, s, e in gated.phrases(text, low)]
        b = [(r.name, s, e) for r, s, e in plain.phrases(text, low)]
        assert a == b, text[:200]
        sa = [(r.name, s, e) for r, s, e in gated.spans(text, low)]
        assert sa == [(r.name, s, e) for r, s, e in plain.spans(text, low)], text[:200]
        n_hits += len(a)
    assert len(lines) > 3000 and n_hits > 300


def test_anchored_matches_equal_reference(lines):
    rs = R.load_rules(LANGS)
    seen = 0
    for text in lines:
        text = R.match_text(text)
        if len(text) > 700:
            continue
        low = text.casefold()
        for ix in (rs._line, rs._prefix, rs._protect_index):
            got = ix.match(text, low)
            assert got is ix.match_reference(text, low), text[:200]
            seen += got is not None
    assert seen > 200


def test_stage_output_equal_without_gates(monkeypatch):
    cfg = cleannews.CleanConfig()
    docs = [cleannews.repair(d).text for d in _documents()[1::3]]

    def signatures() -> list[tuple]:
        R.load_rules.cache_clear()
        out = []
        for d in docs:
            r = strip_text(d, cfg)
            out.append((r.text, [(c.rule, c.span, c.before, c.reason) for c in r.changes]))
        return out

    try:
        fast = signatures()
        monkeypatch.setattr(R, "REFERENCE_ALWAYS", True)
        slow = signatures()
    finally:
        monkeypatch.setattr(R, "REFERENCE_ALWAYS", False)
        R.load_rules.cache_clear()
    differ = [i for i in range(len(docs)) if fast[i] != slow[i]]
    assert not differ, [docs[i][:200] for i in differ[:3]]
    assert sum(len(ch) for _, ch in fast) > 300


def _gated_patterns() -> list[tuple[str, tuple[str, ...]]]:
    rs = R.load_rules(LANGS)
    out = []
    for pats in (rs._phrase_patterns, rs._span_patterns):
        for _, pat in pats:
            gate = R.pattern_gate(pat.pattern)
            if gate:
                out.append((pat.pattern, gate))
    for ix in (rs._line, rs._prefix, rs._protect_index):
        for (r, pat), need in zip(ix.patterns, ix.needs, strict=True):
            if need and not r.requires:
                out.append((pat.pattern, need))
    return out


GATED = _gated_patterns()
#: ``regex`` classes the patterns use, as ``re`` classes that generate some of their members.
_AS_RE = {
    r"\p{Lu}": "[A-ZÉÀ]", r"\p{Ll}": "[a-zéà]", r"\p{L}": "[A-Za-zéà]", r"\p{M}": "\u0301",
    r"\p{So}": "©", r"\p{Sk}": "\\^", r"\p{N}": "[0-9]", r"\p{Latin}": "[A-Za-z]",
    r"\p{P}": "[.,;]", r"\p{Zs}": " ",
}


def _as_re(p: str) -> re.Pattern | None:
    """``p`` with its ``\\p{..}`` classes replaced for :mod:`re` (None if ``re`` cannot read it):
    hypothesis generates strings from it, the check runs the true pattern on them."""
    for a, b in _AS_RE.items():
        p = p.replace(a, b)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            return re.compile(p, re.I)
    except (re.error, Warning, RecursionError):
        return None


GENERATED = [(k, q) for k, (p, _) in enumerate(GATED) if (q := _as_re(p)) is not None]


def test_most_gated_patterns_get_generated_examples():
    assert len(GENERATED) > 0.6 * len(GATED)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_every_match_of_generated_text_holds_a_gate_literal(data):
    k, q = data.draw(st.sampled_from(GENERATED))
    pattern, gate = GATED[k]
    text = data.draw(st.from_regex(q, fullmatch=False))
    case = data.draw(st.sampled_from((str, str.upper, str.lower, str.title)))
    text = case(text)
    for m in regex.compile(pattern, regex.I | regex.V0).finditer(text, overlapped=True):
        assert any(x in m.group().casefold() for x in gate), (pattern, text)


#: Pieces text is built from: words the rules hold, separators, credits, cases.
PIECES = [
    "Photo", "photo", "PHOTO", "(", ")", " / ", " - ", "©", "AFP", "Reuters", "DR", "dr",
    "Getty Images", "next", "weiter", "nächste", "Lire aussi", ": ", "1", "12", "2024",
    "Image", "crédit", "Crédits", " ", ", ", ".", "»", "Partager", "e-mail", "|", "abonnés",
    "X", "Le", "la", "illustration", "archives", "pdf", "cc by", "vous a ", "été envoyé",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(range(len(GATED))), st.lists(st.sampled_from(PIECES), max_size=14))
def test_every_match_holds_a_gate_literal(k, parts):
    pattern, gate = GATED[k]
    text = "".join(parts)
    pat = regex.compile(pattern, regex.I | regex.V0)
    for m in pat.finditer(text, overlapped=True):
        assert any(x in m.group().casefold() for x in gate), (pattern, text)

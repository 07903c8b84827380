"""Sixth strip speed round: phrase / span patterns that open with a zero-width assertion
(a look-behind, ``\\b``) or a case-sensitive group (``(?-i:DR)``) are tried only where one
of their start literals occurs (:func:`cleannews.strip._rules._zero_width_lead`), like the
patterns whose first literal could already be read.

The fast path must find exactly the hits of the reference path (every triggered pattern
run over the whole line): checked on real lines (and upper / lower-cased copies) and on
text hypothesis generates from the patterns themselves.
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleannews.strip import _rules as R
from cleannews.strip._triggers import _group_end, first_fragments
from test_strip_perf5 import LANGS, _as_re, lines  # noqa: F401  (fixture)


def _read_past_lead() -> list[tuple[str, tuple[str, ...]]]:
    """(pattern, start literals) of the phrase / span patterns whose start literals are
    read only past a zero-width lead (the new cases of this round)."""
    rs = R.load_rules(LANGS)
    out = []
    for pats in (rs._phrase_patterns, rs._span_patterns):
        for _, pat in pats:
            p = pat.pattern
            starts = R._match_starts(p)
            if starts is not None and first_fragments(p, skip_common=False, at_start=True) is None:
                out.append((p, starts))
    return out


def _without_look_arounds(p: str) -> str:
    """``p`` without its look-around groups: it matches more strings (an assertion only
    restricts), from which hypothesis generates text (``re`` cannot read variable-width
    look-behinds); the check runs the true pattern on that text.

    >>> _without_look_arounds(r"(?<!a|bc)\\bx(?=y)z")
    '\\\\bxz'
    """
    i = 0
    while (i := min((j for o in R._LOOK_AROUNDS if (j := p.find(o, i)) >= 0), default=-1)) >= 0:
        if i and p[i - 1] == "\\":
            i += 1
            continue
        end = _group_end(p, i)
        if end < 0:
            break
        p = p[:i] + p[end + 1 :]
    return p


LEAD = _read_past_lead()
LEAD_RE = [
    (k, q) for k, (p, _) in enumerate(LEAD) if (q := _as_re(_without_look_arounds(p))) is not None
]


def test_the_slow_caption_patterns_get_start_literals():
    # the photo-credit pattern behind a look-behind ran over whole lines 1,568 times a pass
    # of the bench corpus, the case-sensitive "DR" credit 1,187 times
    got = {p[:40]: s for p, s in LEAD}
    assert any("photo" in s and "crédit" in s for s in got.values()), got
    assert ("dr",) in got.values(), got
    assert LEAD_RE, "no pattern of this kind can be generated from"


def test_zero_width_lead_keeps_what_it_cannot_read():
    assert R._zero_width_lead(r"(?<=a)?b") == r"(?<=a)?b"  # a quantified assertion
    assert R._zero_width_lead(r"\b?x") == r"\b?x"
    assert R._zero_width_lead(r"(?<!a") == r"(?<!a"  # unclosed
    assert R._zero_width_lead("plain") == "plain"
    assert R._zero_width_lead(r"(?=x)(?<!y)\bz") == "z"
    assert R._match_starts(r"(?<!\w)\s*x") is None  # spaces after the assertion: unknown start


def test_phrase_and_span_hits_equal_reference(lines, monkeypatch):  # noqa: F811
    rs = R.load_rules(LANGS)
    n_hits = 0
    for text in lines:
        text = R.match_text(text)
        low = text[: R.MAX_SCAN_CHARS].casefold()
        fast = [(r.name, s, e) for r, s, e in rs.phrases(text, low)]
        fast_spans = [(r.name, s, e) for r, s, e in rs.spans(text, low)]
        with monkeypatch.context() as m:
            m.setattr(R, "REFERENCE", True)
            assert fast == [(r.name, s, e) for r, s, e in rs.phrases(text, low)], text[:200]
            assert fast_spans == [(r.name, s, e) for r, s, e in rs.spans(text, low)], text[:200]
        n_hits += len(fast)
    assert n_hits > 300


def _check_starts(pattern: str, starts: tuple[str, ...], text: str) -> None:
    """Every non-empty match of ``pattern`` in ``text`` starts with one of ``starts`` in the
    case-folded text (when folding keeps the length: the only case the fast path trusts)."""
    low = text.casefold()
    if len(low) != len(text):
        return
    for m in regex.compile(pattern, regex.I | regex.V0).finditer(text, overlapped=True):
        if m.end() > m.start():
            assert low.startswith(starts, m.start()), (pattern, text, m.start())


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_generated_matches_start_with_a_start_literal(data):
    k, q = data.draw(st.sampled_from(LEAD_RE))
    pattern, starts = LEAD[k]
    text = data.draw(st.from_regex(q, fullmatch=False))
    case = data.draw(st.sampled_from((str, str.upper, str.lower, str.title)))
    _check_starts(pattern, starts, case(text))


PIECES = [
    "Photo", "photo", "PHOTOS", "photographe", "Crédit photo", "crédits", "image", "Images",
    "illustration", "Picture", "DR", "Dr", "dr", "©", " ", " - ", " | ", " / ", ": ", ".",
    "les ", "des ", "galerie ", "Jean Dupont", "AFP", "(", ")", "\u00a0", "ß", "İ", "K",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(range(len(LEAD))), st.lists(st.sampled_from(PIECES), max_size=14))
def test_assembled_matches_start_with_a_start_literal(k, parts):
    pattern, starts = LEAD[k]
    _check_starts(pattern, starts, "".join(parts))


# --- end literals: caption patterns that end the line -------------------------------------


def _end_gated() -> list[tuple[str, tuple[str, ...]]]:
    rs = R.load_rules(LANGS)
    return [
        (pat.pattern, e)
        for pats in (rs._phrase_patterns, rs._span_patterns)
        for _, pat in pats
        if (e := R.end_literals(pat.pattern))
    ]


ENDS = _end_gated()
ENDS_RE = [
    (k, q) for k, (p, _) in enumerate(ENDS) if (q := _as_re(_without_look_arounds(p))) is not None
]


def test_regex_spaces_are_what_regex_reads_as_spaces():
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    spaces = regex.compile(r"\s", regex.V0 | regex.I).findall(every)
    assert "".join(spaces) == R.REGEX_SPACES
    assert all(c.casefold() == c for c in R.REGEX_SPACES)


def test_the_credit_patterns_get_end_literals():
    assert len(ENDS) >= 10 and len(ENDS_RE) >= 5
    assert any("afp" in e and "reuters" in e for _, e in ENDS)
    assert R.end_literals(r"(?m)x$") == () and R.end_literals(r"x$|y") == ()
    assert R.end_literals(r"(?:a b|c )\s*$") == ()  # a literal ending with a space


def _check_end(pattern: str, ends: tuple[str, ...], text: str) -> None:
    """A text holding a non-empty match of ``pattern`` ends with one of ``ends`` (folded,
    white space stripped), when folding keeps its length."""
    low = text.casefold()
    if len(low) != len(text):
        return
    for m in regex.compile(pattern, regex.I | regex.V0).finditer(text):
        if m.end() > m.start():
            assert low.rstrip(R.REGEX_SPACES).endswith(ends), (pattern, text)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_generated_matches_end_with_an_end_literal(data):
    k, q = data.draw(st.sampled_from(ENDS_RE))
    pattern, ends = ENDS[k]
    text = data.draw(st.from_regex(q, fullmatch=False))
    tail = data.draw(st.sampled_from(("", " ", "\n", "\u00a0 ", "\u2028", ".", "x")))
    case = data.draw(st.sampled_from((str, str.upper, str.lower, str.title)))
    _check_end(pattern, ends, case(text + tail))


END_PIECES = [
    "Photo", "(photo : ", "Crédit", "Jean Dupont", "Marie Curie", " / ", "/", " - ", " | ",
    "AFP", "afp", "Reuters", "REUTERS", "Getty Images", "DR", "dr", "©", "(", ")", "[", "]",
    "archives", "illustration", " ", "\u00a0", "\n", ".", "Le Monde", "Xinhua", "Sipa",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(range(len(ENDS))), st.lists(st.sampled_from(END_PIECES), max_size=12))
def test_assembled_matches_end_with_an_end_literal(k, parts):
    pattern, ends = ENDS[k]
    _check_end(pattern, ends, "".join(parts))


@pytest.mark.parametrize(
    ("pattern", "line"),
    [
        (r"user ?name", "Username"),
        (r"user\s?name", "Username:"),
        (r"mot\s*de passe", "Motde passe"),
        (r"e-?mail\s{0,2}address", "emailaddress"),
    ],
)
def test_a_word_before_an_optional_separator_is_no_exact_key(pattern, line):
    """A pattern whose first word is followed by an optional separator also matches the
    run-together form, so the prefilter's key must be a word prefix (``user*``), not the
    exact word ``user`` a line "Username" never has (strip-gen10 hit this: the rule was
    silently never tried)."""
    keys = first_fragments(pattern)
    assert regex.match(pattern, line, regex.I)
    first = regex.match(r"\w+", line).group().casefold()
    assert any(
        first.startswith(k.rstrip("*")) if k.endswith("*") else first == k for k in keys
    ), keys


def test_atoms_and_pieces_are_one_walk_of_the_pattern():
    """``_triggers._top_level_atoms`` (start and required literals) and
    ``_rules._top_level_pieces`` (end literals) read a pattern's top level with one walker
    (``_top_level_spans``; round 13): the same atoms, the same quantifiers, the same refusals,
    and an atom's literal is its text (a character, or an escaped one)."""
    from cleannews.strip._triggers import _top_level_atoms

    pats = [p for kind in ("line", "prefix", "phrase", "span")
            for r in R.load_rules(LANGS).rules[kind] for p in r.patterns]
    assert len(pats) > 1000
    read = 0
    for p in [*pats, r"\N{BULLET} ?(?:afp|ap)$", r"a|b", r"(?x)a b", r"\1x", r"*a"]:
        atoms, pieces = _top_level_atoms(p), R._top_level_pieces(p)
        assert (atoms is None) == (pieces is None), p
        if atoms is None:
            continue
        read += 1
        assert [q for _, q in atoms] == [q for _, q in pieces], p
        for (lit, _), (text, _) in zip(atoms, pieces, strict=True):
            assert lit is None or text in (lit, "\\" + lit), (p, lit, text)
    assert read > len(pats) // 2


def test_a_named_character_is_one_atom_for_the_end_literals():
    """``\\N{…}`` was refused by ``_top_level_pieces`` alone (``_top_level_atoms`` read it):
    with one walker, the end literals after it are read, and a match ends with them."""
    p = r"\N{BULLET} ?(?:afp|ap)$"
    assert R.end_literals(p) == ("afp", "ap")
    _check_end(p, R.end_literals(p), "Légende • AFP")


@pytest.mark.parametrize(
    ("pattern", "alternatives"),
    [
        (r"\((?:photo|image)s?\s*:", ("photo", "mage")),  # no "i" (LITERAL_CHARS)
        (r"(?:next)?\s*(?:suivant|weiter)", ("vant", "ter")),  # the quantified one: no
        (r"[(](?:ab)x(?:abc|abcd)", ("abc", "abcd")),  # the longest shortest literal wins
        (r"\p{L}{2}(?:foo|bar)", ("foo", "bar")),  # a class escape with a brace, a quantifier
        (r"\\(?:a|b)", ("a", "b")),  # an escaped backslash, then a group
        (r"(?<=x)y|(?:foo|bar)", ()),  # a top-level |: not read
    ],
)
def test_group_alternatives_walk_the_top_level(pattern, alternatives):
    """``_group_alternatives`` reads the unquantified top-level groups on the shared walker
    (``_top_level_spans``, round 13); each match of the pattern holds one of them."""
    assert R._group_alternatives(pattern) == alternatives

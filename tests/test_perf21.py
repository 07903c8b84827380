"""Round 21 (perf21): exact speed-ups, same outputs.

* ``_profile.profile_of`` reads its Zipf and gap bins from tables built once: it equals the
  formula it replaced (kept here) on every lexicon entry and on every combination of the
  bits it reads; it reads no other bit (``PROFILE_BITS``);
* ``_features._llr_of`` (the substitute LLR of a new content word) memoises by
  ``p & PROFILE_BITS``: entries equal on those bits share one memo entry, and the values
  equal ``substitute_llr`` of the entry itself;
* ``detectors._glued_tail`` maps, folds and keys the tail once for its line and prefix
  rules (it mapped it twice when no line rule took it): same results as the former code
  (kept here) on the lines of the TRAIN pages with furniture glued after them.

Outputs of the whole stages: ``benchmarks/oracle_strip.py``, the regression pins, the golden
spin scores and ``benchmarks/bench_spin_compare.py --texts dev`` (see docs/performance-history.md).
"""

from __future__ import annotations

import pytest

from cleannews.score import _features as F
from cleannews.score import _profile as P
from cleannews.score._lexicon import GAP_OFFSET, GAP_SHIFT, ZIPF_MASK, get_lexicon
from cleannews.strip import detectors as D
from cleannews.strip._assemble import split_lines
from cleannews.strip._rules import load_rules, match_text

# --- profiles and the substitute LLR --------------------------------------------------------


def profile_reference(packed: int) -> int:
    """``profile_of`` as it was written before perf21 (the bins computed per call)."""
    z = packed & ZIPF_MASK
    zbin = min(P.ZIPF_BINS - 1, z // 5)
    g = (packed >> GAP_SHIFT) & ZIPF_MASK
    if not g:
        gbin = 0
    else:
        gap = (g - GAP_OFFSET) / 10
        gbin = 1 + sum(gap >= e for e in P.GAP_EDGES)
    if packed & P._V:
        cbin = 2
    elif packed & P._A:
        cbin = 1
    elif packed & P._N:
        cbin = 0
    else:
        cbin = 3
    return (zbin * P.GAP_BINS + gbin) * P.CLASS_BINS + cbin


def test_profile_of_equals_the_formula_on_every_lexicon_entry() -> None:
    entries = set(get_lexicon().words.values()) | {0}
    assert len(entries) > 10_000
    for p in entries:
        assert P.profile_of(p) == profile_reference(p)
        assert P.profile_of(p & P.PROFILE_BITS) == P.profile_of(p)


def test_profile_of_on_every_combination_of_the_bits_it_reads() -> None:
    flags = [0, P._N, P._A, P._V, P._N | P._A, P._N | P._V, P._A | P._V, P._N | P._A | P._V]
    other = ~P.PROFILE_BITS & ((1 << 40) - 1)  # bits profile_of must not read
    for z in range(ZIPF_MASK + 1):
        for g in range(ZIPF_MASK + 1):
            for f in flags:
                p = z | (g << GAP_SHIFT) | f
                want = profile_reference(p)
                assert P.profile_of(p) == want
                assert P.profile_of(p | other) == want


@pytest.fixture()
def empty_llr_memo():
    saved = dict(F._LLR_OF)
    F._LLR_OF.clear()
    yield F._LLR_OF
    F._LLR_OF.clear()
    F._LLR_OF.update(saved)


def test_llr_memo_is_keyed_by_the_profile_bits(empty_llr_memo) -> None:
    entries = sorted(set(get_lexicon().words.values()))
    for p in entries:
        assert F._llr_of(p) == P.substitute_llr(p)
    keys = {p & P.PROFILE_BITS for p in entries}
    # one memo entry per profile key, not per lexicon entry (34 k entries, 13 k keys)
    assert set(empty_llr_memo) == keys
    assert len(keys) < len(entries) / 2


def test_new_token_facts_share_the_memo_and_keep_their_llr(empty_llr_memo) -> None:
    words = get_lexicon().words
    by_key: dict[int, list[str]] = {}
    for w, p in words.items():
        if w.isalpha() and w.islower() and len(w) >= F.MIN_CONTENT_LEN:
            by_key.setdefault(p & P.PROFILE_BITS, []).append(w)
    pairs = [(ws[0], ws[1]) for ws in by_key.values()
             if len(ws) > 1 and words[ws[0]] != words[ws[1]]][:200]
    assert len(pairs) == 200
    for a, b in pairs:
        fa = F._new_token_info(a)
        if fa[F.I_KIND] != F.KIND_CONTENT:
            continue
        n = len(empty_llr_memo)
        fb = F._new_token_info(b)
        assert len(empty_llr_memo) == n  # b found a's profile key
        assert fa[F.I_LLR] == P.substitute_llr(words[a])
        if fb[F.I_KIND] == F.KIND_CONTENT:
            assert fb[F.I_LLR] == P.substitute_llr(words[b])


# --- glued tails ----------------------------------------------------------------------------


def glued_tail_reference(line: str, rs):
    """``detectors._glued_tail`` before perf21 (the tail mapped once per rule kind)."""
    start = max(0, len(line) - D.GLUED_TAIL_MAX_CHARS)
    if not D._GLUE_CHAR.search(line, max(0, start - 1)):
        return None
    matches = list(D._GLUE_BOUNDARY.finditer(line, start))
    if not matches:
        return None
    m = matches[-1]
    rest = line[m.end():].strip()
    if rest.count(" ") >= D.GLUED_TAIL_MAX_WORDS:
        return None
    n = len(D._WORD.findall(rest))
    if not rest or n > D.GLUED_TAIL_MAX_WORDS or not line[: m.start()].strip():
        return None
    rule = rs.match_line(match_text(rest), n) or rs.match_prefix(match_text(rest), n)
    if rule is None:
        return None
    if rule.yields_to_protect and (  # round 34: a photo credit takes an unprotected tail
        rule.name not in D.GLUED_CREDIT_RULES or rs.is_protected(match_text(rest))
    ):
        return None
    if D._dated_clock(line[: m.start()], rule.name):  # round 28: a date line keeps its time
        return None
    reason = rule.reason + " (glued to the line)"
    return D.SpanRemoval(m.start(), len(line.rstrip()), rule.name, reason)


TAILS = (
    "Partager l’article", "PUBLICITÉ", "Lire aussi : le budget", "Abonnez-vous",
    "S’abonner\u00a0: 1 € le premier mois", "Share this article", "Photo : AFP",
    "© Le Monde", "Bonjour tout le monde", "À lire également", "Newsletter",
    "ÉTRANGE STRASSE", "Publicité — suite ci-dessous", "(AFP)", "Crédit\u00a0photo : X",
)


def test_glued_tail_equals_the_former_code_on_real_lines(strip_real_docs) -> None:
    pages = [doc for rec, doc, _ in strip_real_docs.values() if rec["split"] == "train"]
    lines = [ln.strip() for doc in pages for ln in doc.splitlines() if ln.strip()]
    assert len(lines) > 5_000
    found = 0
    for langs in (("fr", "en"), ("de", "en")):
        rs = load_rules(langs)
        for k, line in enumerate(lines):
            for text in (line, f"{line}. {TAILS[k % len(TAILS)]}",
                         f"{line} | {TAILS[(k + 7) % len(TAILS)]}"):
                got = D._glued_tail(text, rs)
                assert got == glued_tail_reference(text, rs), text
                found += got is not None
    assert found > 1_000  # the tails are found, not only refused


def test_glued_tail_maps_the_tail_once(monkeypatch) -> None:
    rs = load_rules(("fr",))
    calls: list[str] = []

    def counting(text: str) -> str:
        calls.append(text)
        return match_text(text)

    monkeypatch.setattr(D, "match_text", counting)
    # no line rule takes this tail: the former code mapped it again for the prefix rules
    line = "Le club fête ses 60 ans. Bonjour tout le monde"
    assert rs.match_line(match_text("Bonjour tout le monde"), 4) is None
    assert D._glued_tail(line, rs) is None
    assert calls == ["Bonjour tout le monde"]
    calls.clear()
    got = D._glued_tail("Le club fête ses 60 ans. Partager l’article", rs)
    assert got is not None and got.rule == "share_bar"
    assert calls == ["Partager l’article"]


def test_glued_tails_inside_a_page_are_removed_as_before() -> None:
    text = "Le club fête ses 60 ans. Partager l’article\n\nLe maire a parlé longuement."
    lines = D.judge_lines(text, split_lines(text), ("fr",))[0]
    assert lines[0].key_text == "Le club fête ses 60 ans."

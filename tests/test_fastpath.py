"""The fast path is sound: whatever it lets through, ftfy and the full path would not change."""

from __future__ import annotations

import itertools
from pathlib import Path

import ftfy
from ftfy.badness import BADNESS_RE
from hypothesis import given, settings
from hypothesis import strategies as st

import cleannews
from _helpers import load_script
from cleannews import CleanConfig
from cleannews.repairs.fastpath import SAFE_CHARS, SAFE_NON_ASCII, needs_repair

ROOT = Path(__file__).resolve().parents[1]
REPAIR_ONLY = CleanConfig(strip_boilerplate=False, score_spin=False)
FTFY_CFG = ftfy.TextFixerConfig(unescape_html=False, uncurl_quotes=False)


def _accepted_chains(max_len: int) -> list[str]:
    """Every run of 1..max_len non-ASCII characters the fast path accepts (a run can
    only continue with an allowed pair)."""
    nxt = {x: [y for y in SAFE_NON_ASCII if not needs_repair(x + y)] for x in SAFE_NON_ASCII}
    chains = [x for x in SAFE_NON_ASCII if not needs_repair(x)]
    out = list(chains)
    for _ in range(max_len - 1):
        chains = [c + y for c in chains for y in nxt[c[-1]]]
        out.extend(chains)
    return out


def test_no_accepted_run_looks_like_mojibake_to_ftfy() -> None:
    """Brute force: every run of up to three non-ASCII characters the fast path
    accepts, between any ASCII neighbours, is also clean for ftfy's detector, and
    ftfy's fixers leave it alone."""
    contexts = ["", " ", "a", "A", ".", "1"]
    checked = 0
    for core in _accepted_chains(3):
        for left, right in itertools.product(contexts, repeat=2):
            text = left + core + right
            if not needs_repair(text):
                checked += 1
                assert not BADNESS_RE.search(text), repr(text)
        assert ftfy.fix_text(core, FTFY_CFG) == core, repr(core)
    assert checked > 100_000


safe_text = st.text(alphabet=st.sampled_from(SAFE_CHARS + "\u2019\u2019ééàè  "), max_size=200)
any_text = st.text(max_size=200)


@settings(max_examples=400, deadline=None)
@given(safe_text)
def test_text_the_fast_path_accepts_is_left_alone_by_ftfy(text: str) -> None:
    if not needs_repair(text):
        assert ftfy.fix_text(text, FTFY_CFG) == text


@settings(max_examples=300, deadline=None)
@given(st.one_of(safe_text, any_text))
def test_fast_and_full_path_give_the_same_document(text: str) -> None:
    fast = cleannews.repair(text, REPAIR_ONLY)
    full = cleannews.repair(text, REPAIR_ONLY.replace(fast_path=False))
    assert fast.text == full.text
    assert [c.to_dict() for c in fast.changes] == [c.to_dict() for c in full.changes]


def test_fast_path_accepts_the_clean_seeds_and_corpus() -> None:
    clean = 0
    lines = (ROOT / "fixtures" / "repair" / "fr_ud_sample.tsv").read_text("utf-8").splitlines()
    for line in lines:
        text = line.split("\t", 1)[1].replace("'", "\u2019")
        clean += not needs_repair(text)
    assert clean / len(lines) >= 0.95  # the rest: Spanish/German letters, symbols
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        text = seed.read_text("utf-8")
        suspect = [line for line in text.split("\n") if needs_repair(line)]
        assert len(suspect) <= 3, suspect


def test_fast_path_rejects_known_mojibake() -> None:
    for text in (
        "L\u00c3\u00a9t\u00c3\u00a9",  # Ã©
        "l\u00e2\u20ac\u2122\u00e9t\u00e9",  # â€™
        "c\u00c5\u201cur",  # Å“
        "\u00c2\u00a0\u00c2\u00bb",  # Â»
        "mus\u0102\u00a9um",  # Windows-1250
        "caf&eacute;",
        "co\u00c2 t",  # Â + space (no-break space turned into a space)
        "s\u0153",  # œ at the end of a word
    ):
        assert needs_repair(text), text


# --- real French typography ------------------------------------------------------

_TYPO = ["’", "« ", " »", "«\u202f", "\u202f»", "“", "”", "…", "(…)", " — ", "1ᵉʳ", "2ᵉ",
         "1ʳᵉ", "©\u00a0AFP", "\u202f;", "\u202f!", "\u202f?", "\u00a0:", "3\u00a0000\u00a0€",
         "\u00a0", "\u202f"]
_WORDS = ["l", "économie", "été", "à", "Élysée", "œuvre", "ça", "dit-il", "Le", "marché", " ",
          " ", ".", ",", "1er", "2e", "\n", "\n\n"]
_MOJIBAKE = ["Ã©", "Ã¨", "â€™", "Ã\u00a0", "Â\u00a0", "Â»", "Ă©", "√©", "&eacute;", "&amp;",
             "\u00ad", "Ã", "Â", "\u200b", "Ð¼", "\n\u00a0\n", "\n\n\n", "\r\n"]
typography_text = st.lists(
    st.sampled_from(_TYPO + _WORDS), min_size=1, max_size=60
).map("".join)
damaged_typography = st.lists(
    st.sampled_from(_TYPO + _WORDS * 2 + _MOJIBAKE), min_size=1, max_size=60
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(typography_text, damaged_typography))
def test_fast_and_slow_path_agree_on_typography_and_mojibake(text: str) -> None:
    fast = cleannews.repair(text, REPAIR_ONLY)
    slow = cleannews.repair(text, REPAIR_ONLY.replace(fast_path=False))
    assert fast.text == slow.text
    assert [c.to_dict() for c in fast.changes] == [c.to_dict() for c in slow.changes]


def test_typeset_ud_sentences_take_the_fast_path() -> None:
    import random

    french_text = load_script(ROOT / "benchmarks" / "french_text.py", "french_text")
    rng = random.Random(5)
    rows = (ROOT / "fixtures" / "repair" / "fr_ud_sample.tsv").read_text("utf-8").splitlines()
    typeset = [french_text.typeset(r.split("\t", 1)[1], rng) for r in rows]
    typeset += list(french_text.EXTRAS)
    fast = [t for t in typeset if not needs_repair(t)]
    assert len(fast) / len(typeset) >= 0.95, [t for t in typeset if needs_repair(t)][:10]
    for text in typeset[:60]:
        slow = cleannews.repair(text, REPAIR_ONLY.replace(fast_path=False))
        assert cleannews.repair(text, REPAIR_ONLY).text == slow.text == text

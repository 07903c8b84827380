"""Round 31 (issue 11), careful and light spins: the development harness
``tools/spin/dev_spin38.py`` reads the context term word by word exactly as the package computes
it, and the facts its diagnosis rests on hold on real development spins (MyThes V spins of
``fixtures/spin/validation.jsonl.gz`` and the dev negatives; never a held-out set):

* a careful spin loses context-checked words (its substitutes fall out of the count table or
  have no synonym) while its words with a large gain grow;
* a light spin whose base logit is under the context term's floor gets no term, although its
  words would give one (the main escape of the Wiktionnaire and English-pivot spins).

docs/spin-history.md, "Careful and light spins: where they escape, levers measured (issue 11,
round 31)".
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import pytest

from _helpers import dev_negatives, read_jsonl

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools/spin"))

import dev_spin38  # noqa: E402
from dev_careful8 import _doc_key  # noqa: E402

from cleannews.score._context import get_context_term  # noqa: E402


@pytest.fixture(scope="module")
def validation() -> list[dict]:
    return read_jsonl(REPO / "fixtures/spin/validation.jsonl.gz")


def _spins(validation, mode: str, rate: float, n: int) -> list[tuple[dict, dict]]:
    """The first ``n`` spins of one style with the clean document each was spun from."""
    clean = {_doc_key(r["id"]): r for r in validation if r["label"] == 0}
    spins = [r for r in validation if r["label"] == 1 and r["mode"] == mode and r["rate"] == rate
             and not r.get("partial")]
    return [(r, clean[_doc_key(r["id"])]) for r in spins[:n]]


def test_the_word_table_gives_the_package_term(validation):
    term = get_context_term()
    texts = [t for pair in _spins(validation, "careful", 0.2, 8) for t in
             (pair[0]["text"], pair[1]["text"])] + dev_negatives()[:8]
    for text in texts:
        a = term.analyse(text)
        wt = dev_spin38.word_table(text)
        assert len(wt["words"]) == a["n"]
        assert dev_spin38.term_from_gains([g for _, g in wt["words"]], wt["gate"],
                                          term.params) == a["term"]
        assert wt["gate"] == pytest.approx(a["gate"], abs=0)


def test_recomputed_logits_are_the_package_logits(validation):
    recs = []
    for spin, clean in _spins(validation, "careful", 0.2, 10):
        recs += [dev_spin38.score_record(spin, "V"), dev_spin38.score_record(clean, "UD")]
    recs += [dev_spin38.score_record({"id": str(i), "text": t}, "NEG")
             for i, t in enumerate(dev_negatives()[:10])]
    recs = [r for r in recs if "logit" in r["signals"]]
    assert any(r["signals"]["context_term"] > 0 for r in recs)  # the term is exercised
    got = dev_spin38.lever_logits(recs)
    for r, x in zip(recs, got, strict=True):
        if r["signals"]["logit"] < dev_spin38.QUARANTINE_LOGIT:
            assert x == pytest.approx(r["signals"]["logit"], abs=1e-3)


def test_careful_spins_lose_checked_words_and_gain_misfits(validation):
    pairs = _spins(validation, "careful", 0.3, 30)
    term = get_context_term()
    lost, misfits = [], []
    for spin, clean in pairs:
        ws = dev_spin38.word_table(spin["text"], term)["words"]
        wc = dev_spin38.word_table(clean["text"], term)["words"]
        lost.append(len(wc) - len(ws))
        misfits.append(sum(g > 2 for _, g in ws) - sum(g > 2 for _, g in wc))
    assert statistics.mean(lost) > 5  # development: -15.2 checked words on all 154
    assert sum(x > 0 for x in lost) >= 25
    assert statistics.mean(misfits) > 1  # development: +3.1 words of gain > 2 nats


def test_the_floor_keeps_the_term_off_a_light_spin(validation):
    term = get_context_term()
    floor = term.params["logit_floor"]
    found = None
    for spin, _clean in _spins(validation, "careful", 0.1, 154):
        r = dev_spin38.score_record(spin, "V", term)
        s = r["signals"]
        if "logit" not in s or s["logit"] - s["context_term"] >= floor:
            continue
        if dev_spin38.term_from_gains([g for _, g in r["words"]], r["gate"], term.params) > 0.5:
            found = r
            break
    assert found is not None
    assert found["signals"]["context_term"] == 0.0
    lower = dev_spin38.lever_logits([found], floor=floor - 1.0)[0]
    assert lower > found["signals"]["logit"] + 0.5


def _synthetic(ud: list[float], neg: list[float], spins: list[float]) -> tuple[list, list]:
    recs, logits = [], []
    for x in ud:
        recs.append({"set": "UD", "mode": "clean", "rate": 0.0})
        logits.append(x)
    for x in neg:
        recs.append({"set": "NEG", "mode": None, "rate": None})
        logits.append(x)
    for src in dev_spin38.SOURCES:
        for mode, rates in dev_spin38.STYLES:
            for x in spins:
                recs.append({"set": src, "mode": mode, "rate": rates[0]})
                logits.append(x)
    return recs, logits


def test_recall_table_flags_above_the_1_percent_threshold():
    recs, logits = _synthetic([float(i) for i in range(100)],
                              [float(i) - 1 for i in range(200)], [98.0, 99.0])
    tab = dev_spin38.recall_table(recs, logits)
    assert tab["t_ud"] == 98.0 and tab["t_neg"] == 196.0
    assert tab[("mean", "careful", 0.15)] == (0.5, 0.0)
    assert tab[("E", "naive", 0.15)] == (0.5, 0.0)
    assert tab["neg_above_t_ud"] == 100  # 99 .. 198
    assert tab["neg_suspect"] == 199  # -1 is not suspect, 0 is


def test_the_harness_docstring_examples():
    import doctest

    assert doctest.testmod(dev_spin38).failed == 0

"""Validation gate: rescore the committed held-out spin set and check the pinned floors.

The figures come from ``fixtures/spin/validation.jsonl.gz`` (documents never
used in training, spun with the dictionary split the detector never saw)
and must stay at or above ``fixtures/spin/floors.json``; a regression fails CI.
``python tools/spin/validate.py`` prints the same figures.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

import cleannews
from _helpers import read_jsonl

ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "fixtures" / "spin"
FLOORS = json.loads((FIXTURES / "floors.json").read_text(encoding="utf-8"))
QUARANTINE = cleannews.DEFAULT_CONFIG.spin_quarantine_threshold
FP_BUDGET = 0.01


def _records() -> list[dict]:
    return read_jsonl(FIXTURES / "validation.jsonl.gz")


@pytest.fixture(scope="module")
def figures() -> dict:
    """Recall per spinner group at the quarantine threshold and at 1 % false positives."""
    clean: list[float] = []
    groups: dict[str, list[float]] = defaultdict(list)
    for r in _records():
        s = cleannews.spin_score(r["text"]).score
        if r["label"] == 0:
            clean.append(s)
            continue
        if r.get("partial"):
            groups[f"{r['mode']}@partial"].append(s)
            continue
        groups[f"{r['mode']}@{r['rate']}"].append(s)
        if r["rate"] >= 0.2:
            groups[f"{r['mode']}@>=0.2"].append(s)
    ranked = sorted(clean, reverse=True)
    t1 = ranked[int(FP_BUDGET * len(ranked))]
    return {
        "clean_flagged": sum(s >= QUARANTINE for s in clean) / len(clean),
        "recall_at_quarantine": {
            k: sum(s >= QUARANTINE for s in v) / len(v) for k, v in groups.items()
        },
        "recall_at_1pct_fp": {k: sum(s > t1 for s in v) / len(v) for k, v in groups.items()},
    }


def test_validation_set_is_big_enough(figures):
    assert len(figures["recall_at_quarantine"]) >= 8


def test_clean_false_positives_stay_under_ceiling(figures):
    assert figures["clean_flagged"] <= FLOORS["max_clean_flagged_at_quarantine"]


@pytest.mark.parametrize("kind", ["recall_at_quarantine", "recall_at_1pct_fp"])
def test_recall_floors(figures, kind):
    failures = {
        g: (round(figures[kind][g], 4), floor)
        for g, floor in FLOORS[kind].items()
        if figures[kind][g] < floor
    }
    assert failures == {}, f"{kind} below pinned floors (got, floor): {failures}"


def test_seed_floors():
    seeds = {p.name[:3]: p.read_text(encoding="utf-8") for p in (ROOT / "seeds").glob("*.txt")}
    for name, floor in FLOORS["spun_seeds_min_score"].items():
        assert cleannews.spin_score(seeds[name]).score >= floor
        assert cleannews.clean(seeds[name]).spin.score >= floor
    for name, ceiling in FLOORS["clean_seeds_max_score"].items():
        assert cleannews.spin_score(seeds[name]).score <= ceiling
        assert cleannews.clean(seeds[name]).spin.score <= ceiling


def test_heldout_synonym_source_floors():
    """Spins by a synonym source the model never saw (word-vector neighbours), same documents."""
    recs = read_jsonl(FIXTURES / "heldout_embedding.jsonl.gz")
    clean = sorted(
        (cleannews.spin_score(r["text"]).score for r in recs if r["label"] == 0), reverse=True
    )
    t1 = clean[int(FP_BUDGET * len(clean))]
    groups: dict[str, list[float]] = defaultdict(list)
    for r in recs:
        if r["label"] == 1 and r["mode"] != "careful_freq":
            groups[f"{r['mode']}@{r['rate']}"].append(cleannews.spin_score(r["text"]).score)
    got = {k: sum(s > t1 for s in v) / len(v) for k, v in groups.items()}
    floors = FLOORS["heldout_source_recall_at_1pct_fp"]
    failures = {g: (round(got[g], 4), f) for g, f in floors.items() if got[g] < f}
    assert failures == {}, failures

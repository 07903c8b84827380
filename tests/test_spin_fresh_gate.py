"""Eval gate on the FRESH held-out human-French set (fixtures/spin/fresh, never used to
train or tune the spin detector): the number of human documents quarantined per genre may
not rise above what the detector reached when the set was first measured (2026-12-01:
1 of 702 human documents, a forum post with its own gender slips; 1 of 150 typo copies,
two injected typos). A change that quarantines more human French cannot land silently.
Figures and per-genre table: ``python benchmarks/spin_fresh_fp.py`` (the same scoring)."""

from __future__ import annotations

from pathlib import Path

import cleannews
from _helpers import load_script

ROOT = Path(__file__).parent.parent
fresh_fp = load_script(ROOT / "benchmarks" / "spin_fresh_fp.py", "spin_fresh_fp")

# Most documents the detector may quarantine, per genre (reached figures, pinned).
MAX_QUARANTINED = {
    "administrative": 0, "encyclopedic": 0, "medical": 0, "news": 0,
    "questions": 1, "spoken": 0, "typos": 1,
}


def test_fresh_human_french_quarantine_does_not_rise():
    quarantine = cleannews.DEFAULT_CONFIG.spin_quarantine_threshold
    scores, _kinds = fresh_fp.score_fresh()
    assert set(scores) == set(MAX_QUARANTINED)
    assert sum(len(rows) for rows in scores.values()) >= 850
    quarantined = {g: [i for sc, i, _ in rows if sc >= quarantine] for g, rows in scores.items()}
    over = {g: ids for g, ids in quarantined.items() if len(ids) > MAX_QUARANTINED[g]}
    assert not over, over

"""The strip line model's recall-leaning point, printed by the trainer (issue 10, round 36).

Retrained on the TRAIN pages of round 36 (site-grouped loso CV, r41 left out), the line
model's own removals over the rules are right 80-88 % of the time at every ``remove_p`` of the
grid, under the trainer's MODEL_MIN_PRECISION (95 %): the guarded search then ships
``remove_p`` 1.01 (the model removes nothing but the article's lists). The trainer now also
prints the point the recall-leaning rule (each threshold step's added lines at least
RECALL_MIN_FURNITURE furniture, the rule that chose ``RECALL_REMOVE_P`` in round 30) would
choose, so that a change of policy can be read off one training run
(:func:`tools.strip_model.train.recall_step_point`). On the round-start code the function does
not exist.
"""

from __future__ import annotations

import pytest

pytest.importorskip("numpy", reason="training tools need numpy")

from tools.strip_model import train as line_train

#: (remove_p, furniture lines removed, content lines removed) of the site-grouped CV of the
#: line model retrained without r41 (1,564 pages, round 36; lists and give-back off):
#: ``STRIP_MODEL_EXCLUDE=r41 python -m tools.strip_model``.
SWEEP_R36 = [
    (1.01, 2023, 73), (0.96, 2027, 74), (0.94, 2043, 76), (0.92, 2072, 81), (0.90, 2107, 84),
    (0.88, 2133, 90), (0.85, 2173, 95), (0.80, 2234, 109), (0.75, 2278, 131),
    (0.70, 2317, 149), (0.60, 2385, 192),
]


def _steps(rows):
    return [(t, {"tp": tp, "fp": fp}) for t, tp, fp in rows]


def test_recall_point_of_the_round36_sweep():
    """0.85 -> 0.80 adds 61 furniture and 14 content lines (81 %); 0.80 -> 0.75 adds 44 and
    22 (67 %): the walk stops at 0.80."""
    rp, fig = line_train.recall_step_point(_steps(SWEEP_R36))
    assert rp == 0.80
    assert (fig["tp"], fig["fp"]) == (2234, 109)


def test_recall_point_stops_at_the_first_step_under_the_share():
    """A judged step under the share ends the walk even when the next step would pass alone."""
    rows = [(1.01, 100, 5), (0.9, 118, 6), (0.8, 126, 14), (0.7, 176, 15)]
    assert line_train.recall_step_point(_steps(rows))[0] == 0.9
    assert line_train.recall_step_point(_steps(rows), min_share=0.4)[0] == 0.7


#: The same sweep with a head-distance feature added (an experiment of round 36, not kept):
#: 1.01 -> 0.96 adds 2 furniture and 1 content line; judged alone (67 %) it stopped the walk
#: at the rules.
SWEEP_R36_HEAD_DIST = [
    (1.01, 2023, 73), (0.96, 2025, 74), (0.94, 2046, 74), (0.92, 2078, 81), (0.90, 2102, 87),
    (0.88, 2125, 88), (0.85, 2166, 92), (0.80, 2226, 111), (0.75, 2271, 134),
]


def test_small_steps_are_pooled_before_they_are_judged():
    """1.01 -> 0.94 pooled: 23 furniture, 1 content line; 0.85 -> 0.80: 60 and 19 (76 %)."""
    assert line_train.recall_step_point(_steps(SWEEP_R36_HEAD_DIST))[0] == 0.85
    assert line_train.recall_step_point(_steps(SWEEP_R36_HEAD_DIST), min_lines=1)[0] == 1.01


def test_recall_point_walks_past_steps_that_add_nothing():
    rows = [(1.01, 100, 5), (0.96, 100, 5), (0.94, 114, 5)]
    assert line_train.recall_step_point(_steps(rows)) == (0.94, {"tp": 114, "fp": 5})

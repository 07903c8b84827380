"""False positives on independent human French (``fixtures/spin/negatives.jsonl.gz``).

The negatives (many genres, split dev/test by source, frozen before tuning) are human
French that was never spun. Issue 11's target is **at most 0.5 % quarantined in every
genre** (0 on clean news, never from one typo). The CI gate checks it on the **dev**
split, per genre: at most ``floor(0.005 x n)`` quarantined of the ``n`` scored documents of a
genre, so a genre with fewer than 200 scored dev documents (medical, news, spoken,
encyclopedic, legal, questions, technical, typos) may have none at all; ``news`` has none
whatever its size. The dev split is development data (``DECIDED_LOGIT`` was set on it), so
this gate is a regression pin of the target, not a held-out figure. Ceilings in
``fixtures/spin/floors.json`` (``negatives_dev_max_quarantined``).

The **test** split is held out: ``test_test_split_ceiling`` scores it against
``negatives_test_max_quarantined`` as a pass/fail eval gate (as trafilatura's CI does with its
evaluation set), so a change that makes false positives worse cannot land silently. It runs by
default (as before round 6); ``CLEANNEWS_SPIN_HELDOUT=0`` skips it. Nobody tunes on its output:
figures for the notes come from one logged look at the end of a round. Neither test prints
a document's text: failures show counts and ids only.
"""

from __future__ import annotations

import gzip
import json
import math
import os
from collections import defaultdict
from pathlib import Path

import pytest

import cleannews

FIXTURES = Path(__file__).parent.parent / "fixtures" / "spin"
NEGATIVES = FIXTURES / "negatives.jsonl.gz"
FLOORS = json.loads((FIXTURES / "floors.json").read_text("utf-8"))


def _quarantined(split: str) -> dict[str, list[tuple[str, bool]]]:
    """``genre -> [(id, quarantined)]`` over the scored documents of ``split``."""
    by_genre: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    with gzip.open(NEGATIVES, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r.get("split") != split:
                continue
            s = cleannews.spin_score(r["text"])
            if s.label in ("insufficient", "unsupported_language"):
                continue
            by_genre[r["genre"]].append((r["id"], s.label == "spun"))
    return by_genre


def allowed(n: int, rate: float) -> int:
    """Documents a genre of ``n`` scored documents may have quarantined at ``rate``.

    >>> allowed(199, 0.005), allowed(200, 0.005), allowed(619, 0.005)
    (0, 1, 3)
    """
    return math.floor(n * rate + 1e-9)


@pytest.mark.skipif(not NEGATIVES.exists(), reason="independent negatives not in this tree")
def test_dev_split_meets_the_per_genre_target():
    ceiling = FLOORS["negatives_dev_max_quarantined"]
    by_genre = _quarantined("dev")
    flags = [f for v in by_genre.values() for _, f in v]
    assert len(flags) > 1500
    assert sum(flags) <= allowed(len(flags), ceiling["all"]), sum(flags)
    over = {}
    for genre, rows in by_genre.items():
        rate = ceiling["per_genre"].get(genre, ceiling["per_genre"]["default"])
        q = [i for i, f in rows if f]
        if len(q) > allowed(len(rows), rate):
            over[genre] = (len(q), len(rows), q)
    assert not over, over


@pytest.mark.skipif(
    os.environ.get("CLEANNEWS_SPIN_HELDOUT") == "0",
    reason="held-out negatives test split gate skipped (CLEANNEWS_SPIN_HELDOUT=0)",
)
def test_test_split_ceiling():
    ceiling = FLOORS["negatives_test_max_quarantined"]
    by_genre = _quarantined("test")
    flags = [f for v in by_genre.values() for _, f in v]
    assert len(flags) > 300
    assert sum(flags) / len(flags) <= ceiling["all"]
    worst = {g: sum(f for _, f in v) / len(v) for g, v in by_genre.items() if len(v) >= 20}
    assert all(rate <= ceiling["per_genre"] for rate in worst.values()), worst

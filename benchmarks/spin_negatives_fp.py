"""False positives of the spin detector on human French of many genres.

    python benchmarks/spin_negatives_fp.py              # both splits
    python benchmarks/spin_negatives_fp.py --split dev  # tuning figures only

Scores every document of ``fixtures/spin/negatives.jsonl.gz`` with
``cleannews.spin_score`` and prints, per genre and split, the number of
documents, the share labelled ``spun`` (score >= the quarantine threshold, i.e.
quarantined), the share at least ``suspect`` and the mean score. ``dev`` figures
are for tuning; ``test`` sources are held out (whole sources) and report a
held-out figure only while nothing was tuned on them.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import defaultdict
from pathlib import Path

import cleannews

ROOT = Path(__file__).parent.parent
NEGATIVES = ROOT / "fixtures" / "spin" / "negatives.jsonl.gz"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "both"), default="both")
    args = ap.parse_args()
    quarantine = cleannews.DEFAULT_CONFIG.spin_quarantine_threshold
    suspect = cleannews.DEFAULT_CONFIG.spin_suspect_threshold
    rows: dict[tuple[str, str], list[float]] = defaultdict(list)
    with gzip.open(NEGATIVES, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if args.split != "both" and r["split"] != args.split:
                continue
            rows[(r["genre"], r["split"])].append(cleannews.spin_score(r["text"]).score)
    print(f"{'genre':13s} {'split':5s} {'n':>5s} {'spun':>7s} {'>=susp':>7s} {'mean':>6s}")
    totals: dict[str, list[float]] = defaultdict(list)
    for (genre, split), scores in sorted(rows.items()):
        totals[split].extend(scores)
        _line(genre, split, scores, quarantine, suspect)
    for split, scores in sorted(totals.items()):
        _line("ALL", split, scores, quarantine, suspect)
    return 0


def _line(genre: str, split: str, scores: list[float], quarantine: float, suspect: float) -> None:
    n = len(scores)
    spun = sum(s >= quarantine for s in scores) / n
    susp = sum(s >= suspect for s in scores) / n
    print(f"{genre:13s} {split:5s} {n:5d} {spun:7.1%} {susp:7.1%} {sum(scores) / n:6.3f}")


if __name__ == "__main__":
    raise SystemExit(main())

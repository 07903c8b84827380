"""False positives of the spin detector on the FRESH human-French set (held out).

    python benchmarks/spin_fresh_fp.py            # per-genre table
    python benchmarks/spin_fresh_fp.py --show 5   # also the 5 highest-scored docs per genre

Scores every document of ``fixtures/spin/fresh/fresh.jsonl.gz`` (human French from
sources used nowhere else in the repository, never used to train or tune the detector)
with ``cleannews.spin_score`` and prints, per genre: ``n``, the number and share
quarantined (score >= ``spin_quarantine_threshold``), the number at least suspect
(score >= ``spin_suspect_threshold``), the mean score, and the evidence kinds
(``Evidence.signal``) found on quarantined documents, with the number of quarantined
documents each kind appears on. No pass/fail gate: this is a measurement.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter, defaultdict
from pathlib import Path

import cleannews

ROOT = Path(__file__).parent.parent
FRESH = ROOT / "fixtures" / "spin" / "fresh" / "fresh.jsonl.gz"


def score_fresh() -> tuple[dict[str, list[tuple[float, str, str]]], dict[str, Counter]]:
    """Score every document: per genre ``(score, id, label)`` rows, and the evidence
    kinds seen on the quarantined ones (also the gate ``tests/test_spin_fresh_gate.py``)."""
    quarantine = cleannews.DEFAULT_CONFIG.spin_quarantine_threshold
    scores: dict[str, list[tuple[float, str, str]]] = defaultdict(list)
    kinds: dict[str, Counter] = defaultdict(Counter)
    with gzip.open(FRESH, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            s = cleannews.spin_score(r["text"])
            scores[r["genre"]].append((s.score, r["id"], s.label))
            if s.score >= quarantine:
                kinds[r["genre"]].update({e.signal for e in s.evidence})
    return scores, kinds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=0,
                    help="print the N highest-scored documents per genre")
    args = ap.parse_args()
    quarantine = cleannews.DEFAULT_CONFIG.spin_quarantine_threshold
    suspect = cleannews.DEFAULT_CONFIG.spin_suspect_threshold
    scores, kinds = score_fresh()
    print(f"quarantine >= {quarantine}, suspect >= {suspect}")
    print(f"{'genre':15s} {'n':>5s} {'quar':>5s} {'quar%':>6s} {'>=susp':>6s} {'mean':>6s}"
          "  evidence kinds on quarantined")
    total = [0, 0, 0]
    human = [0, 0, 0]
    for genre in sorted(scores):
        rows = scores[genre]
        n = len(rows)
        q = sum(sc >= quarantine for sc, _, _ in rows)
        su = sum(sc >= suspect for sc, _, _ in rows)
        for acc in (total, human) if genre != "typos" else (total,):
            acc[0] += n
            acc[1] += q
            acc[2] += su
        ev = ", ".join(f"{k} {v}" for k, v in kinds[genre].most_common())
        mean = sum(sc for sc, _, _ in rows) / n
        print(f"{genre:15s} {n:5d} {q:5d} {q / n:6.1%} {su:6d} {mean:6.3f}  {ev}")
    for name, (n, q, su) in (("ALL w/o typos", human), ("ALL", total)):
        print(f"{name:15s} {n:5d} {q:5d} {q / max(n, 1):6.1%} {su:6d}")
    if args.show:
        for genre in sorted(scores):
            for sc, i, label in sorted(scores[genre], reverse=True)[: args.show]:
                print(f"  {genre:15s} {sc:.3f} {label:8s} {i}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""ftfy's own test cases: cleannews.repair against ftfy.fix_text(uncurl_quotes=False).

    .venv/bin/python benchmarks/bench_ftfy_suite.py [--cases ../shared/peer/ftfy-test-cases]

Prints, per file of ftfy's suite and in all, how many cases each tool gets
exactly right and right ignoring quote style (ftfy's expected outputs
straighten quotes; cleannews keeps them curly on purpose), and lists the cases
where one tool is right and the other is not. A held-out set: the repair rules
were not tuned on it case by case.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import ftfy
import ftfy.fixes

import cleannews
from cleannews import CleanConfig

ROOT = Path(__file__).resolve().parents[1]
REPAIR_ONLY = CleanConfig(strip_boilerplate=False, score_spin=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--cases", type=Path, default=ROOT.parent / "shared/peer/ftfy-test-cases")
    args = ap.parse_args()
    unquoted = ftfy.fixes.uncurl_quotes
    total = {"n": 0, "ours": [0, 0], "ftfy": [0, 0]}
    differ: list[str] = []
    head = f"{'file':16s} {'cases':>5s}   {'cleannews exact/quotes':>22s}"
    print(f"{head}   {'ftfy exact/quotes':>17s}")
    for path in sorted(args.cases.glob("*.json")):
        row = {"n": 0, "ours": [0, 0], "ftfy": [0, 0]}
        for case in json.loads(path.read_text("utf-8")):
            expected = case["fixed"]
            outs = {
                "ours": cleannews.repair(case["original"], REPAIR_ONLY).text,
                "ftfy": ftfy.fix_text(case["original"], uncurl_quotes=False),
            }
            row["n"] += 1
            ok = {}
            for name, out in outs.items():
                row[name][0] += out == expected
                ok[name] = unquoted(out) == unquoted(expected)
                row[name][1] += ok[name]
            if ok["ours"] != ok["ftfy"]:
                who = "cleannews" if ok["ours"] else "ftfy"
                differ.append(f"  only {who} right: {path.stem}: {case['label']}")
        total["n"] += row["n"]
        for name in ("ours", "ftfy"):
            total[name] = [a + b for a, b in zip(total[name], row[name], strict=True)]
        print(
            f"{path.stem:16s} {row['n']:5d}   {row['ours'][0]:14d} / {row['ours'][1]:<5d}"
            f"   {row['ftfy'][0]:9d} / {row['ftfy'][1]:<5d}"
        )
    print(
        f"{'all':16s} {total['n']:5d}   {total['ours'][0]:14d} / {total['ours'][1]:<5d}"
        f"   {total['ftfy'][0]:9d} / {total['ftfy'][1]:<5d}"
    )
    print("\n".join(differ) if differ else "no case where one tool is right and the other is not")


if __name__ == "__main__":
    main()

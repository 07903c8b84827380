"""Verify the corpus: page text equals the saved raw excerpt, labels valid, stats.

    python tools/strip_corpus/check.py [--batch fr-a] [--strict]

--strict also requires every page labelled, typed and reviewed, and every page of a
held-out-side site in a frozen list of split.json (test, test2 to test5:
``freeze_split.LISTS``).
Exit 1 on any problem.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from common import (
    KINDS,
    PAGE_TYPES,
    ROOT,
    document_text,
    glue_problems,
    is_test_site,
    manifest_records,
    page_path,
    raw_results,
    read_page,
)
from freeze_split import LISTS


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch")
    ap.add_argument("--strict", action="store_true")
    args = ap.parse_args()
    raw = raw_results()
    recs = manifest_records(args.batch)
    problems: list[str] = []
    kinds: Counter = Counter()
    langs: Counter = Counter()
    sites: dict[str, set] = {}
    split: Counter = Counter()
    frozen = json.loads((ROOT / "split.json").read_text("utf-8"))
    lists = {name: set(frozen.get(f"{name}_ids", ())) for name in ("test", *LISTS)}
    for r in recs:
        path = page_path(r)
        if not path.exists():
            problems.append(f"{r['id']}: page file missing")
            continue
        rows = read_page(path)
        text = "\n".join(document_text(lab, t) for lab, t in rows)  # ⟦…⟧ brackets removed
        if r["url"] not in raw:
            problems.append(f"{r['id']}: URL not in any raw answer")
        elif raw[r["url"]]["excerpt"] != text:
            problems.append(f"{r['id']}: text differs from the raw excerpt")
        for i, (lab, line_text) in enumerate(rows, 1):
            if lab is None:
                continue
            problems += [f"{r['id']}:{i}: {p}" for p in glue_problems(lab, line_text)]
            if lab == "?":
                if args.strict:
                    problems.append(f"{r['id']}:{i}: unlabelled")
                continue
            if lab != "C" and not (lab.startswith("B:") and lab[2:] in KINDS):
                problems.append(f"{r['id']}:{i}: bad label {lab!r}")
            kinds[lab] += 1
        if args.strict and (r["page_type"] not in PAGE_TYPES or not r.get("reviewed")):
            problems.append(f"{r['id']}: page_type or review missing")
        langs[r["lang"]] += 1
        sites.setdefault(r["lang"], set()).add(r["site"])
        side = next((name for name, ids in lists.items() if r["id"] in ids), None)
        if side is None:
            side = "held" if is_test_site(r["site"]) else "train"
        if side == "held" and args.strict:
            problems.append(f"{r['id']}: held-out-side site in no frozen list (freeze_split.py)")
        if side == "train" and r["site"] in frozen.get("test_sites", ()):
            problems.append(f"{r['id']}: TRAIN page of a frozen test site")
        split[side] += 1
    for p in problems[:200]:
        print("PROBLEM", p)
    print(
        f"pages {len(recs)}; per language "
        + ", ".join(f"{k} {v} ({len(sites[k])} sites)" for k, v in sorted(langs.items()))
    )
    print(f"split (frozen lists in split.json): {dict(split)}")
    print("labels: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

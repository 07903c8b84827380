"""Set the labels of a page by line number (text is never touched).

    python tools/strip_corpus/label.py ID --type article --by NAME \\
        "1-3 B:nav; 4 C; 5-20 C; 21 B:share; 22- B:related"

Line numbers are those printed by show.py (1-based, over all document lines;
empty lines are skipped). ``N-`` runs to the last line. Lines not named keep
their label. ``--review NAME`` marks the page reviewed by NAME (after a second,
whole-page read). Refuses unknown kinds.
"""

from __future__ import annotations

import argparse

from common import (
    KINDS,
    MANIFESTS,
    PAGE_TYPES,
    page_path,
    read_jsonl,
    read_page,
    write_jsonl,
    write_page,
)

from cleannews.evaluate import page_batch


def parse_spec(spec: str, n: int) -> dict[int, str]:
    out: dict[int, str] = {}
    for part in filter(None, (p.strip() for p in spec.replace("\n", ";").split(";"))):
        rng, _, label = part.partition(" ")
        label = label.strip()
        if label != "C":
            if not label.startswith("B:") or label[2:] not in KINDS:
                raise SystemExit(f"unknown label {label!r} in {part!r}")
        a, dash, b = rng.partition("-")
        lo = int(a)
        hi = (int(b) if b else n) if dash else lo
        if not 1 <= lo <= hi <= n:
            raise SystemExit(f"bad range {rng!r} (page has {n} lines)")
        for i in range(lo, hi + 1):
            out[i] = label
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("id")
    ap.add_argument("spec", nargs="?", default="")
    ap.add_argument("--type", choices=sorted(PAGE_TYPES))
    ap.add_argument("--by", help="labeller name")
    ap.add_argument("--review", metavar="NAME", help="mark reviewed by NAME")
    ap.add_argument("--note", help="set the manifest note")
    args = ap.parse_args()
    batch = page_batch(args.id)
    mpath = MANIFESTS / f"{batch}.jsonl"
    recs = read_jsonl(mpath)
    rec = next((r for r in recs if r["id"] == args.id), None)
    if rec is None:
        raise SystemExit(f"no page {args.id} in {mpath}")
    path = page_path(rec)
    rows = read_page(path)
    if args.spec:
        for i, label in parse_spec(args.spec, len(rows)).items():
            # empty lines stay unlabelled; whitespace-only lines keep B:whitespace
            if rows[i - 1][0] is not None and rows[i - 1][1].strip():
                rows[i - 1] = (label, rows[i - 1][1])
        write_page(path, rows)
    if args.type:
        rec["page_type"] = args.type
    if args.by:
        rec["labeller"] = args.by
    if args.review:
        if any(lab == "?" for lab, _ in rows):
            raise SystemExit("cannot mark reviewed: unlabelled lines remain")
        rec["reviewed"] = args.review
    if args.note is not None:
        rec["notes"] = args.note
    write_jsonl(mpath, recs)
    left = sum(1 for lab, _ in rows if lab == "?")
    print(f"{args.id}: {len(rows)} lines, {left} unlabelled, type={rec['page_type']}")


if __name__ == "__main__":
    main()

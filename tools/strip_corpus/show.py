"""Print pages with numbered lines, for labelling and review.

python tools/strip_corpus/show.py ID [ID ...]      # or --batch fr-a [--unlabelled]
"""

from __future__ import annotations

import argparse

from common import manifest_records, page_path, read_page


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("ids", nargs="*")
    ap.add_argument("--batch")
    ap.add_argument("--unlabelled", action="store_true", help="only pages with '?' lines")
    ap.add_argument("--width", type=int, default=220, help="cut long lines for display")
    args = ap.parse_args()
    recs = manifest_records(args.batch)
    if args.ids:
        recs = [r for r in recs if r["id"] in set(args.ids)]
    for r in recs:
        rows = read_page(page_path(r))
        if args.unlabelled and not any(lab == "?" for lab, _ in rows):
            continue
        print(f"=== {r['id']}  {r['url']}  type={r['page_type']}")
        for i, (lab, text) in enumerate(rows, 1):
            if lab is None:
                continue
            t = (
                text
                if len(text) <= args.width
                else text[: args.width] + f"… [+{len(text) - args.width}]"
            )
            print(f"{i:3d} {lab:<14} {t}")


if __name__ == "__main__":
    main()

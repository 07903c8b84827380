"""Remove pages from the corpus (not news, wrong language, empty…), keeping why.

python tools/strip_corpus/drop.py ID [ID ...] --why "not news: a shop"
"""

from __future__ import annotations

import argparse

from common import DROPPED, MANIFESTS, page_path, read_jsonl, write_jsonl

from cleannews.evaluate import page_batch


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("ids", nargs="+")
    ap.add_argument("--why", required=True)
    args = ap.parse_args()
    by_batch: dict[str, list[str]] = {}
    for i in args.ids:
        by_batch.setdefault(page_batch(i), []).append(i)
    DROPPED.mkdir(parents=True, exist_ok=True)
    for batch, ids in by_batch.items():
        mpath = MANIFESTS / f"{batch}.jsonl"
        recs = read_jsonl(mpath)
        gone = [r for r in recs if r["id"] in ids]
        dpath = DROPPED / f"{batch}.jsonl"
        write_jsonl(
            dpath,
            read_jsonl(dpath)
            + [{"url": r["url"], "site": r["site"], "why": args.why} for r in gone],
        )
        for r in gone:
            page_path(r).unlink(missing_ok=True)
        write_jsonl(mpath, [r for r in recs if r["id"] not in ids])
        print(f"{batch}: dropped {len(gone)}")


if __name__ == "__main__":
    main()

"""Turn saved search answers into unlabelled page files and manifest records.

    python tools/strip_corpus/extract.py --batch fr-a --lang fr [--fetched 2026-12-01]

Reads ``raw/<batch>/*.json`` (verbatim tool answers), skips URLs already in a
manifest (also other worktrees' batches, see --peers) or dropped, and sites that already
have 3 pages (over all batches), and writes ``pages/<lang>/<batch>-NNNN.txt`` with every
non-empty line prefixed ``?| `` (to be labelled with label.py). Lines of only whitespace get
``B:whitespace`` directly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter

from common import (
    DROPPED,
    MANIFESTS,
    MAX_PAGES_PER_SITE,
    RAW,
    all_records,
    page_path,
    read_jsonl,
    site_of,
    write_jsonl,
    write_page,
)

LICENCE = (
    "publisher's copyright; beginning of a public page as stored by the search tool's pages "
    "corpus, kept with its URL for research evaluation of text cleaning"
)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", required=True)
    ap.add_argument("--lang", required=True, choices=["fr", "en", "de", "es", "it"])
    ap.add_argument("--fetched", default=dt.date.today().isoformat())
    ap.add_argument("--min-chars", type=int, default=400)
    ap.add_argument(
        "--peers",
        default=None,
        help="other batches' manifests (other worktrees) to respect the site cap",
    )
    args = ap.parse_args()
    if not args.batch.startswith(args.lang + "-"):
        ap.error("--batch must start with the language, e.g. fr-a, en-m")

    mine_path = MANIFESTS / f"{args.batch}.jsonl"
    manifest = read_jsonl(mine_path)
    everyone = all_records(MANIFESTS, args.peers)
    dropped = all_records(DROPPED)
    seen = {r["url"] for r in everyone} | {r["url"] for r in dropped}
    per_site = Counter(r["site"] for r in everyone)
    prefix = args.batch
    n = max([int(r["id"].rsplit("-", 1)[1]) for r in manifest], default=0)
    added = 0
    for f in sorted((RAW / args.batch).glob("*.json")):
        data = json.loads(f.read_text(encoding="utf-8"))
        for r in data.get("results", []):
            url, text = r.get("url"), r.get("excerpt")
            if not url or not isinstance(text, str) or url in seen:
                continue
            site = site_of(url)
            if per_site[site] >= MAX_PAGES_PER_SITE or len(text.strip()) < args.min_chars:
                continue
            seen.add(url)
            per_site[site] += 1
            n += 1
            rec = {
                "id": f"{prefix}-{n:04d}",
                "url": url,
                "site": site,
                "lang": args.lang,
                "page_type": "?",
                "fetched": args.fetched,
                "source": "search:pages",
                "raw": str(f.relative_to(RAW.parent)),
                "licence": LICENCE,
                "labeller": "",
                "reviewed": False,
                "notes": "",
            }
            rows = []
            for line in text.split("\n"):
                if line == "":
                    rows.append((None, ""))
                elif line.strip() == "":
                    rows.append(("B:whitespace", line))
                else:
                    rows.append(("?", line))
            write_page(page_path(rec), rows)
            manifest.append(rec)
            added += 1
    MANIFESTS.mkdir(parents=True, exist_ok=True)
    write_jsonl(mine_path, manifest)
    print(f"added {added} pages from raw/{args.batch}; manifest has {len(manifest)} pages")


if __name__ == "__main__":
    main()

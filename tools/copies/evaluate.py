"""Evaluate copy detection on the batches of ``build_eval.py`` (pair precision / recall per kind).

    .venv/bin/python tools/copies/evaluate.py tools/copies/build/eval_test.jsonl.gz
    .venv/bin/python tools/copies/evaluate.py fixtures/copies/eval_small.jsonl.gz --show 5

Per batch (one variant kind): ``found`` = share of planted pairs linked
(any kind), ``kind_ok`` = linked with the expected kind (``copy`` for
copy_*, ``spun_copy`` for spun_*), ``precision`` = linked pairs that are
planted pairs, ``direction`` = spun links whose source is the base,
``dt_min`` = expected share of the planted pairs that datatrove's default
MinHash dedup (word 5-grams, 14 x 8 bands) would even make candidates
(emulated from exact Jaccard, see :func:`datatrove_expected`).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from cleannews.copies import find_copies


def load(path: Path) -> dict[str, list[dict]]:
    """Batches of an evaluation file: ``{batch: records}``."""
    batches: dict[str, list[dict]] = defaultdict(list)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            batches[r["batch"]].append(r)
    return dict(batches)


#: datatrove's MinhashConfig defaults: word 5-grams, 14 buckets of 8 hashes.
DT_NGRAMS, DT_BUCKETS, DT_ROWS = 5, 14, 8


def datatrove_expected(a: str, b: str) -> float:
    """Probability that datatrove's default MinHash makes ``(a, b)`` a candidate (emulated).

    Exact Jaccard of the lower-cased word 5-gram sets (punctuation removed, as
    datatrove's ``simplify_text`` does), then the banding curve 1 - (1 - J^8)^14.
    """
    from cleannews.copies._verify import _word_tokens

    def grams(t: str) -> set[tuple[str, ...]]:
        w = [x.lower() for x in _word_tokens(t)]
        return {tuple(w[i : i + DT_NGRAMS]) for i in range(max(1, len(w) - DT_NGRAMS + 1))}

    ga, gb = grams(a), grams(b)
    j = len(ga & gb) / max(1, len(ga | gb))
    return 1 - (1 - j**DT_ROWS) ** DT_BUCKETS


def score_batch(name: str, recs: list[dict], show: int = 0) -> dict:
    """Run :func:`find_copies` on one batch and score its links against the planted pairs."""
    by_id = {r["id"]: r for r in recs}
    t0 = time.perf_counter()
    links = find_copies([r["text"] for r in recs], [r["id"] for r in recs])
    secs = time.perf_counter() - t0
    expected = "copy" if name.startswith("copy") else "spun_copy"
    planted = {r["base"]: r["id"] for r in recs if r["kind"] not in ("base", "negative")}
    found, kind_ok, true_links, dir_ok, dir_n = set(), set(), 0, 0, 0
    wrong = []
    for link in links:
        ra, rb = by_id[link.a], by_id[link.b]
        true = ra["group"] == rb["group"] and "negative" not in (ra["kind"], rb["kind"])
        if not true:
            wrong.append(link)
            continue
        true_links += 1
        base = ra["base"]
        found.add(base)
        if link.kind == expected:
            kind_ok.add(base)
        if link.kind == "spun_copy" and expected == "spun_copy":
            dir_n += 1
            dir_ok += link.source == base
    n = len(planted)
    dt = sum(datatrove_expected(by_id[b]["text"], by_id[c]["text"]) for b, c in planted.items())
    out = {
        "batch": name, "pairs": n, "links": len(links),
        "found": round(len(found) / n, 4), "kind_ok": round(len(kind_ok) / n, 4),
        "precision": round(true_links / len(links), 4) if links else 1.0,
        "direction": round(dir_ok / dir_n, 4) if dir_n else None,
        "seconds": round(secs, 2),
        "datatrove_expected": round(dt / n, 4),
    }
    if show:
        for link in wrong[:show]:
            print("  FALSE", link.kind, link.a, link.b, link.reason, file=sys.stderr)
        for base in list(set(planted) - kind_ok)[:show]:
            print("  MISSED", name, base, file=sys.stderr)
    return out


def hard_negatives() -> dict:
    """Pair-level check on real pages: same site (shared template) and same search (same event).

    Every pair of pages of one site, and every pair of pages returned by one
    search (the same topic, written by different outlets), is compared with
    their furniture on; none of them is a copy.
    """
    sys.path.insert(0, str(Path(__file__).parent))
    from build_eval import read_pages

    from cleannews.copies import compare_texts

    pages = read_pages()
    out = {}
    for key in ("site", "event"):
        groups: dict[str, list[dict]] = defaultdict(list)
        for p in pages:
            groups[p[key]].append(p)
        n = fp = 0
        top = 0.0
        for ps in groups.values():
            for i in range(len(ps)):
                for j in range(i + 1, len(ps)):
                    v = compare_texts(ps[i]["full"], ps[j]["full"], spin_direction=False)
                    n += 1
                    fp += v.kind is not None
                    top = max(top, v.share)
        out[key] = {"pairs": n, "linked": fp, "max_share": round(top, 3)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--show", type=int, default=0, help="print up to N errors per batch")
    ap.add_argument("--json", action="store_true", help="one JSON line per batch")
    ap.add_argument("--hard-negatives", action="store_true",
                    help="also compare all same-site and same-event page pairs")
    args = ap.parse_args()
    if args.hard_negatives:
        print("hard negatives (pairs, wrongly linked, max aligned share):", hard_negatives())
    rows = [score_batch(k, v, args.show) for k, v in load(args.path).items()]
    if args.json:
        for r in rows:
            print(json.dumps(r))
        return
    print(f"{'batch':28} {'pairs':>5} {'links':>5} {'found':>6} {'kind_ok':>7} "
          f"{'prec':>6} {'dir':>6} {'s':>5} {'dt_min':>6}")
    for r in rows:
        d = "-" if r["direction"] is None else f"{r['direction']:.3f}"
        print(f"{r['batch']:28} {r['pairs']:5} {r['links']:5} {r['found']:6.3f} "
              f"{r['kind_ok']:7.3f} {r['precision']:6.3f} {d:>6} {r['seconds']:5.1f} "
              f"{r['datatrove_expected']:6.3f}")


if __name__ == "__main__":
    main()

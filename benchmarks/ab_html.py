"""HTML front end: this checkout against another, in one process (outputs compared, a ratio).

    PYTHONPATH=src .venv/bin/python benchmarks/ab_html.py /path/to/other/checkout/src \\
        /work/cache/html-fr6 [--traf /work/cache/strip-html/traf/tests] [--rounds 5] [--every 1]

Pages: the **dev** part of the gold HTML pages (``benchmarks/html_gold_split.json`` "dev",
files named by ``manifest.jsonl`` under ``<gold>/pages``) and, with ``--traf``, the **dev**
half of trafilatura's evaluation set (the sites :func:`bench_html_trafilatura._half` puts in
"dev"). Never the test part or half. The other checkout's ``cleannews`` is copied under the
name ``cleannews_old`` (as ``ab_strip.py`` does); :func:`cleannews.strip.html.html_to_text`
of both must give the same text, Changes and metadata on every page (the script stops on the
first difference; with ``--allow-diff``, for a change meant to move outputs, it lists the pages
that differ and times anyway), then each round times both over the gold dev pages
(``time.process_time``) and prints the medians and the median of the per-round ratios.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from ab_strip import _copy_as_old

ROOT = Path(__file__).resolve().parent.parent


def gold_dev_pages(gold: Path) -> list[tuple[str, bytes]]:
    """(id, bytes) of the gold pages of the dev part."""
    split = json.loads((ROOT / "benchmarks" / "html_gold_split.json").read_text("utf-8"))
    files = {}
    for line in (gold / "manifest.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            files[row["id"]] = row["file"]
    return [(pid, (gold / "pages" / f"{files[pid]}.html").read_bytes()) for pid in split["dev"]]


def traf_dev_pages(tests: Path) -> list[tuple[str, bytes]]:
    """(url, bytes) of the pages of trafilatura's evaluation set in the dev half."""
    from bench_html_trafilatura import _half, page_file

    evaldata = json.loads((tests / "evaldata.json").read_text("utf-8"))
    out = []
    for url in sorted(evaldata):
        if _half(url) != "dev":
            continue
        path = page_file(tests, evaldata[url]["file"])
        if path is not None:
            out.append((url, path.read_bytes()))
    return out


def _signature(result) -> tuple:
    changes = [(c.stage, c.rule, c.span, c.before, c.after, c.reason) for c in result.changes]
    return result.text, changes, sorted(result.metadata.items())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("other", type=Path, help="the other checkout's src directory")
    ap.add_argument("gold", type=Path, help="the gold HTML cache (manifest.jsonl, pages/)")
    ap.add_argument("--traf", type=Path, help="trafilatura's tests/ folder (dev half compared)")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--every", type=int, default=1,
                    help="compare and time every N-th page only (a quicker run)")
    ap.add_argument(
        "--allow-diff",
        action="store_true",
        help="an intended output change: list the pages whose outputs differ, then time anyway",
    )
    args = ap.parse_args(argv)

    tmp = Path(tempfile.mkdtemp())
    _copy_as_old(args.other, tmp)
    sys.path.insert(0, str(tmp))
    import cleannews_old  # type: ignore[import-not-found]
    from cleannews_old.strip.html import html_to_text as old  # type: ignore[import-not-found]

    import cleannews
    from cleannews._input import decode_input
    from cleannews.strip.html import html_to_text as new

    cfg_new, cfg_old = cleannews.CleanConfig(), cleannews_old.CleanConfig()
    gold = [(k, decode_input(b, html=True)[0])
            for k, b in gold_dev_pages(args.gold)[:: args.every]]
    compared = list(gold)
    if args.traf:
        compared += [(k, decode_input(b, html=True)[0])
                     for k, b in traf_dev_pages(args.traf)[:: args.every]]
    differ = []
    for key, page in compared:
        if _signature(new(page, cfg_new)) != _signature(old(page, cfg_old)):
            print(f"outputs differ on {key}")
            if not args.allow_diff:
                return 1
            differ.append(key)
    if differ:
        print(f"{len(compared)} dev pages: html_to_text differs on {len(differ)} (--allow-diff)")
    else:
        print(f"{len(compared)} dev pages: html_to_text identical (text, Changes, metadata)")

    def run(fn, cfg) -> float:
        t0 = time.process_time()
        for _, page in gold:
            fn(page, cfg)
        return time.process_time() - t0

    here, other, ratios = [], [], []
    for _ in range(args.rounds):
        o, h = run(old, cfg_old), run(new, cfg_new)
        other.append(o)
        here.append(h)
        ratios.append(o / h)
    print(f"{len(gold)} gold dev pages, {args.rounds} rounds (CPU time, medians): here "
          f"{statistics.median(here):.2f} s, other {statistics.median(other):.2f} s; "
          f"other / here {statistics.median(ratios):.3f}x "
          f"({', '.join(f'{r:.3f}' for r in ratios)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

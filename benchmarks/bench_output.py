"""Output size of ``cleannews run`` and the memory of a run that meets one huge record.

Two measurements on a generated corpus (seed paragraphs, see bench_batch.py):

1. bytes out / bytes in for the default records (evidence that moved the
   score, compact JSON), ``--evidence all`` and ``--out FILE.jsonl.gz``;
2. peak RSS of the process tree (main + workers) of ``cleannews run -j 2``
   on the corpus alone, then with one single-line record of ``--big-mb`` MB
   inserted (above the default ``--max-record-mb 16``: it goes to the errors
   sink, refused by its size in the main process; workers never receive it)::

    python benchmarks/bench_output.py                     # 2000 docs, a 50 MB record
    python benchmarks/bench_output.py --docs 500 --big-mb 20

Linux only (reads /proc). Nothing here is a test: numbers vary with the load.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_batch import generate, run_once

_MB = 1_000_000


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*.jsonl*") if p.is_file())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--big-mb", type=float, default=50.0)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="cleannews-bench-out-"))
    try:
        corpus = tmp / "corpus.jsonl"
        n, size = generate(corpus, args.docs, None)
        print(f"corpus: {n} documents, {size / _MB:.2f} MB")
        for label, out, extra in (("default", tmp / "a", []),
                                  ("--evidence all", tmp / "b", ["--evidence", "all"]),
                                  ("--compress", tmp / "c", ["--compress"])):
            r = run_once(corpus, out, args.jobs, extra)
            print(f"  {label:16} out {_size(out) / _MB:7.2f} MB = {_size(out) / size:5.2f} x in"
                  f"   ({r['seconds']:.1f} s, peak tree RSS {r['peak_rss_mb']:.0f} MB)")
        base = run_once(corpus, tmp / "d", args.jobs, [])
        big = tmp / "big.jsonl"
        with open(big, "wb") as f, open(corpus, "rb") as src:
            lines = src.readlines()
            f.writelines(lines[: len(lines) // 2])
            text = b"Une phrase assez longue. " * int(args.big_mb * _MB / 25)
            f.write(b'{"id": "big", "text": "' + text + b'"}\n')
            f.writelines(lines[len(lines) // 2:])
        with_big = run_once(big, tmp / "e", args.jobs, [])
        print(f"peak RSS, jobs {args.jobs}: corpus alone {base['peak_rss_mb']:.0f} MB tree / "
              f"{base['peak_main_mb']:.0f} MB main; with a {args.big_mb:g} MB line "
              f"{with_big['peak_rss_mb']:.0f} MB tree / {with_big['peak_main_mb']:.0f} MB main "
              f"(errors: {with_big['report']['errors']})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

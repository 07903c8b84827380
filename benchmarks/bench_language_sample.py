"""Does a shorter sample change the identified language? And what does it save?

    .venv/bin/python benchmarks/bench_language_sample.py [--sizes 3000 2000 1500 1000]

Runs :func:`cleannews._lang.identify_language`'s two steps (function-word test,
then py3langid) on the first N characters of every document of the mixed
benchmark corpus (``bench_pipeline.corpus``), the spin negatives and validation
sets and the strip fixtures, each repaired and stripped as ``clean`` does, and
counts the documents whose language differs from the one found with 3000
characters (the sample size before issue 12), with the time of each size.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def documents() -> list[str]:
    import bench_pipeline

    docs = [d for group in bench_pipeline.corpus().values() for d in group]
    for name in ("negatives.jsonl.gz", "validation.jsonl.gz"):
        with gzip.open(ROOT / "fixtures" / "spin" / name, "rt", encoding="utf-8") as fh:
            docs += [json.loads(line)["text"] for line in fh]
    docs += [p.read_text("utf-8") for p in sorted((ROOT / "fixtures" / "strip").glob("*.txt"))]
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[3000, 2000, 1500, 1000])
    args = ap.parse_args()
    import cleannews
    from cleannews import _lang
    from cleannews.strip import strip_text

    cfg = cleannews.CleanConfig()
    texts = [strip_text(cleannews.repair(d).text, cfg).text for d in documents()]
    _lang.identify_language("Die Regierung hat am Dienstag eine Reform angekündigt.")  # load
    base = None
    for size in [3000, *[s for s in args.sizes if s != 3000]]:
        _lang.SAMPLE_CHARS = size
        t0 = time.perf_counter()
        got = [_lang.identify_language(t) for t in texts]
        secs = time.perf_counter() - t0
        if base is None:
            base = got
            print(f"{len(texts)} documents: " + ", ".join(
                f"{k} {n}" for k, n in collections.Counter(got).most_common(8)))
        flips = collections.Counter((a, b) for a, b in zip(base, got, strict=True) if a != b)
        print(f"sample {size:5d} characters: {secs:6.2f} s, "
              f"{sum(flips.values())} documents change language {dict(flips)}")


if __name__ == "__main__":
    main()

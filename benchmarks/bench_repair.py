"""Repair-stage throughput against ftfy in the same run, on clean and damaged French.

    python benchmarks/bench_repair.py [--mb 4]

Prints MB/s (UTF-8 bytes of input per second), the speed ratio against
``ftfy.fix_text`` (defaults, and with ``uncurl_quotes=False`` as cleannews
uses it), time per size to show linear scaling, and peak memory.
Machines here are noisy: read the ratios, which are measured in one run.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
import tracemalloc
from pathlib import Path

import ftfy

import cleannews
from cleannews import CleanConfig

ROOT = Path(__file__).resolve().parents[1]
REPAIR_ONLY = CleanConfig(strip_boilerplate=False, score_spin=False)


def corpus(mb: float, damaged: bool) -> str:
    """Clean French news-like text (seeds + UD sentences with curly apostrophes)."""
    rows = (ROOT / "fixtures" / "repair" / "fr_ud_sample.tsv").read_text("utf-8").splitlines()
    sentences = [r.split("\t", 1)[1].replace("'", "\u2019") for r in rows]
    seeds = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    rng = random.Random(1)
    parts: list[str] = []
    size = 0
    while size < mb * 1_000_000:
        para = " ".join(rng.choice(sentences) for _ in range(5))
        if rng.random() < 0.05:
            para = rng.choice(seeds)
        if damaged and rng.random() < 0.3:
            para = para.encode("utf-8").decode("cp1252", errors="replace")
        parts.append(para + "\n\n")
        size += len(parts[-1].encode())
    return "".join(parts)


def best_of(fn, text: str, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--mb", type=float, default=4.0, help="size of the clean corpus (MB)")
    args = ap.parse_args()
    cleannews.repair("warm-up")
    ftfy_sample_mb = min(args.mb, 0.5)  # ftfy is slow: time it on a slice, report MB/s
    for label, damaged in (("clean French", False), ("30% of paragraphs mojibake", True)):
        text = corpus(args.mb, damaged)
        mb = len(text.encode()) / 1e6
        sample = corpus(ftfy_sample_mb, damaged)
        smb = len(sample.encode()) / 1e6
        ours = mb / best_of(lambda t: cleannews.repair(t, REPAIR_ONLY), text)
        ours_slow = smb / best_of(
            lambda t: cleannews.repair(t, REPAIR_ONLY.replace(fast_path=False)), sample, 1
        )
        f_default = smb / best_of(ftfy.fix_text, sample, 1)
        f_curly = smb / best_of(lambda t: ftfy.fix_text(t, uncurl_quotes=False), sample, 1)
        print(f"== {label}: {mb:.1f} MB")
        rows = [
            ("cleannews.repair (fast path)", ours, None),
            ("cleannews.repair (fast path off)", ours_slow, None),
            ("ftfy.fix_text (defaults)", f_default, ours / f_default),
            ("ftfy.fix_text (uncurl off)", f_curly, ours / f_curly),
        ]
        for name, speed, ratio in rows:
            tail = f"   repair is {ratio:5.1f}x faster" if ratio else ""
            print(f"  {name:34s} {speed:8.2f} MB/s{tail}")
    print("== linear scaling, clean French (seconds per size)")
    for factor in (1, 2, 4, 8):
        text = corpus(args.mb * factor / 8, False)
        dt = best_of(lambda t: cleannews.repair(t, REPAIR_ONLY), text, 2)
        size = len(text.encode()) / 1e6
        print(f"  {size:6.2f} MB  {dt:7.3f} s  {size / dt:7.2f} MB/s")
    text = corpus(args.mb, False)
    tracemalloc.start()
    cleannews.repair(text, REPAIR_ONLY)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = len(text.encode()) / 1e6
    print(f"== memory: peak Python allocations {peak / 1e6:.1f} MB for {size:.1f} MB of input;")
    print(f"   process peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()

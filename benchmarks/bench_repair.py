"""Repair-stage throughput against ftfy in the same run, on clean and damaged French.

    .venv/bin/python benchmarks/bench_repair.py [--mb 2]

Corpora (``french_text.py``: UD sentences in news typography, grouped into
documents, plus the seeds), repeated to ``--mb``:

* clean French;
* 30 % of the documents damaged (one way each, from ``damage.CODECS``);
* mojibake-heavy: every document damaged, the kinds in turn (cp1252,
  latin-1, cp1250, mac_roman, double UTF-8, HTML entities), and each kind alone.

Prints MB/s (UTF-8 bytes of input per second) of ``cleannews.repair`` and of
``ftfy.fix_text(uncurl_quotes=False)`` (and ftfy's defaults on clean text),
the ratio, seconds per size to show linear scaling, and peak memory. Each
timing is the best of ``--repeat`` runs, ours and ftfy's interleaved: the
machines here are noisy, read the ratios.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
import tracemalloc

import ftfy

import cleannews
from cleannews import CleanConfig
from damage import CODECS
from french_text import documents, seeds

REPAIR_ONLY = CleanConfig(strip_boilerplate=False, score_spin=False)


def corpus(mb: float, damaged: float = 0.0, kinds: list[str] | None = None) -> list[str]:
    """Documents up to ``mb`` MB; a share ``damaged`` of them damaged, kinds in turn."""
    base = documents() + seeds()
    kinds = kinds or list(CODECS)
    rng = random.Random(1)
    out: list[str] = []
    size = k = 0
    while size < mb * 1_000_000:
        doc = base[len(out) % len(base)]
        if damaged and rng.random() < damaged:
            doc = CODECS[kinds[k % len(kinds)]](doc)
            k += 1
        out.append(doc)
        size += len(doc.encode())
    return out


def seconds(fn, docs: list[str]) -> float:
    t = time.perf_counter()
    for d in docs:
        fn(d)
    return time.perf_counter() - t


def compare(docs: list[str], repeat: int, also_default: bool = False) -> list[tuple[str, float]]:
    """MB/s of each tool, best of ``repeat`` interleaved runs."""
    tools = {
        "cleannews.repair": lambda d: cleannews.repair(d, REPAIR_ONLY),
        "ftfy.fix_text(uncurl_quotes=False)": lambda d: ftfy.fix_text(d, uncurl_quotes=False),
    }
    if also_default:
        tools["ftfy.fix_text (defaults)"] = ftfy.fix_text
    mb = sum(len(d.encode()) for d in docs) / 1e6
    best = dict.fromkeys(tools, float("inf"))
    for _ in range(repeat):
        for name, fn in tools.items():
            best[name] = min(best[name], seconds(fn, docs))
    return [(name, mb / t) for name, t in best.items()]


def report(label: str, docs: list[str], repeat: int, also_default: bool = False) -> None:
    mb = sum(len(d.encode()) for d in docs) / 1e6
    rows = compare(docs, repeat, also_default)
    ours = rows[0][1]
    print(f"== {label}: {mb:.2f} MB, {len(docs)} documents")
    for name, speed in rows:
        tail = "" if name == rows[0][0] else f"   cleannews is {ours / speed:5.2f}x this"
        print(f"  {name:36s} {speed:7.2f} MB/s{tail}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--mb", type=float, default=2.0, help="size of each corpus (MB)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    cleannews.repair("warm-up")
    report("clean French (news typography)", corpus(args.mb), args.repeat, also_default=True)
    report("30% of documents damaged", corpus(args.mb / 2, 0.3), args.repeat)
    report("mojibake-heavy: every document damaged", corpus(args.mb / 2, 1.0), args.repeat)
    for kind in CODECS:
        report(f"  every document: {kind}", corpus(args.mb / 8, 1.0, [kind]), args.repeat)
    print("== linear scaling, clean French (seconds per size)")
    for factor in (1, 2, 4, 8):
        docs = corpus(args.mb * factor / 8)
        dt = min(seconds(lambda d: cleannews.repair(d, REPAIR_ONLY), docs) for _ in range(2))
        size = sum(len(d.encode()) for d in docs) / 1e6
        print(f"  {size:6.2f} MB  {dt:7.3f} s  {size / dt:7.2f} MB/s")
    text = "\n\n".join(corpus(args.mb))
    size = len(text.encode()) / 1e6
    tracemalloc.start()
    cleannews.repair(text, REPAIR_ONLY)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"== memory: peak Python allocations {peak / 1e6:.1f} MB for {size:.1f} MB of input;")
    print(f"   process peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()

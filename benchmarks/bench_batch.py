"""Batch throughput, multi-process speed-up and peak memory of ``cleannews run``.

Generates a JSONL corpus from the seed articles (paragraphs shuffled into
documents of realistic size), runs ``cleannews run`` on it with 1 and N
jobs, and prints docs/s, MB/s, the speed-up and the peak RSS of the whole
process tree (main process + workers, sampled from /proc every 50 ms)::

    python benchmarks/bench_batch.py                    # 2000 docs, jobs 1 and 2
    python benchmarks/bench_batch.py --docs 500 --jobs 1 2
    python benchmarks/bench_batch.py --size-mb 200 --jobs 2 --run-args "--no-spin --no-strip"

Linux only (reads /proc). Nothing here is a test: numbers vary with the load.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
#: Paragraphs per generated document (drawn at random from the seeds).
PARAGRAPHS_PER_DOC = (3, 12)
#: RSS sampling period, seconds.
SAMPLE_EVERY = 0.05
_MB = 1_000_000


def paragraphs() -> list[str]:
    """Non-empty lines of the seed articles."""
    out = []
    for seed in sorted(SEEDS.glob("*.txt")):
        out += [x for x in seed.read_text("utf-8").splitlines() if x.strip()]
    return out


def generate(path: Path, docs: int | None, size_mb: float | None, seed: int = 7) -> tuple[int, int]:
    """Write the corpus (``docs`` documents, or until ``size_mb``); return (docs, bytes)."""
    rng = random.Random(seed)
    paras = paragraphs()
    n = size = 0
    limit = size_mb * _MB if size_mb else None
    with open(path, "wb") as f:
        while (docs is None or n < docs) and (limit is None or size < limit):
            k = rng.randint(*PARAGRAPHS_PER_DOC)
            text = "\n".join(rng.choice(paras) for _ in range(k))
            line = json.dumps({"id": f"doc-{n}", "url": f"https://site{n % 50}.fr/{n}",
                               "text": text}, ensure_ascii=False).encode() + b"\n"
            f.write(line)
            n += 1
            size += len(line)
    return n, size


def _pss_kb(pid: int) -> int:
    """Proportional set size (kB): shared pages divided among the processes sharing them."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree_rss_kb(pid: int) -> tuple[int, int, int]:
    """Resident memory (kB) of ``pid``, of its whole process tree, and the tree's PSS."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as f:
                status = f.read()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        p = int(entry)
        children.setdefault(int(fields.get("PPid", "0").strip()), []).append(p)
        rss[p] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    total, pss, stack = 0, 0, [pid]
    while stack:
        p = stack.pop()
        total += rss.get(p, 0)
        pss += _pss_kb(p)
        stack += children.get(p, [])
    return rss.get(pid, 0), total, pss


#: Iterations of the pure-Python control loop (about 1.5 s on one core).
CONTROL_LOOPS = 10_000_000
_CONTROL = f"s = 0\nfor i in range({CONTROL_LOOPS}):\n    s += i * i\n"


def control_speedup(jobs: int) -> float:
    """Speed-up the machine gives *right now* to ``jobs`` independent CPU-bound processes.

    Runs a pure-Python loop once alone, then ``jobs`` copies at the same
    time: ``jobs * t1 / tN``. On idle cores this is ~``jobs``; when other
    processes share the CPUs it is lower, and the pipeline cannot do better.
    """
    def wall(n: int) -> float:
        start = time.monotonic()
        procs = [subprocess.Popen([sys.executable, "-c", _CONTROL]) for _ in range(n)]
        for p in procs:
            p.wait()
        return time.monotonic() - start

    return jobs * wall(1) / wall(jobs)


def run_once(corpus: Path, out: Path, jobs: int, extra: list[str]) -> dict[str, float]:
    """One ``cleannews run``; returns seconds, peak tree RSS (MB) and the report."""
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "cleannews", "-q", "run", str(corpus), "--out", str(out),
           "--jobs", str(jobs), *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = peak_main = peak_pss = 0
    while proc.poll() is None:
        main_kb, tree_kb, pss_kb = _tree_rss_kb(proc.pid)
        peak, peak_main = max(peak, tree_kb), max(peak_main, main_kb)
        peak_pss = max(peak_pss, pss_kb)
        time.sleep(SAMPLE_EVERY)
    secs = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"cleannews run failed ({proc.returncode}): {proc.stderr.read().decode()}")
    report = json.loads((out / "report.json").read_text())
    return {"seconds": secs, "cpu": cpu, "peak_rss_mb": peak / 1024,
            "peak_main_mb": peak_main / 1024, "peak_pss_mb": peak_pss / 1024, "report": report}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=2000, help="documents to generate")
    ap.add_argument("--size-mb", type=float, default=None,
                    help="generate this many MB instead of --docs")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=1, help="runs per job count (best is kept)")
    ap.add_argument("--no-spin", action="store_true", help="pass --no-spin to cleannews run")
    ap.add_argument("--run-args", default="", help="more arguments for cleannews run, "
                    "e.g. \"--no-spin --no-strip\" to measure the runner itself")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_batch_"))
    corpus = tmp / "corpus.jsonl"
    n, size = generate(corpus, None if args.size_mb else args.docs, args.size_mb)
    print(f"corpus: {n} documents, {size / _MB:.1f} MB ({corpus}); "
          f"CPUs available: {len(os.sched_getaffinity(0))}; "
          f"load average: {os.getloadavg()[0]:.2f}")
    extra = (["--no-spin"] if args.no_spin else []) + args.run_args.split()
    top = max(args.jobs)
    if top > 1:
        print(f"control: {top} independent CPU-bound processes run "
              f"{control_speedup(top):.2f}x faster than one on this machine right now")
    base = base_cpu = None
    for jobs in args.jobs:
        runs = [run_once(corpus, tmp / f"out{jobs}", jobs, extra) for _ in range(args.repeat)]
        best = min(runs, key=lambda r: r["seconds"])
        secs = best["seconds"]
        base = base or (secs * jobs if jobs == 1 else None)
        base_cpu = base_cpu or (best["cpu"] if jobs == 1 else None)
        speedup = f"{base / secs:.2f}x" if base else "n/a"
        overhead = f", CPU vs jobs=1 x{best['cpu'] / base_cpu:.2f}" if base_cpu else ""
        docs = best["report"]["documents"]
        print(f"jobs={jobs}: {secs:.2f} s wall, {best['cpu']:.2f} s CPU "
              f"({best['cpu'] / secs:.2f} cores busy), {n / secs:.1f} docs/s, "
              f"{size / _MB / secs:.2f} MB/s, speed-up {speedup}{overhead}, "
              f"peak RSS {best['peak_rss_mb']:.0f} MB (tree; main process "
              f"{best['peak_main_mb']:.0f} MB; tree PSS {best['peak_pss_mb']:.0f} MB), "
              f"out/quarantined/failed {docs['out']}/{docs['quarantined']}/{docs['failed']}, "
              f"all runs: {', '.join(format(r['seconds'], '.2f') for r in runs)} s")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Spin detector benchmark: import + first score time, throughput (MB/s per core), peak memory.

    python benchmarks/bench_spin.py            # French text from the seeds and the validation set
    python benchmarks/bench_spin.py --mb 20    # score about 20 MB

Import + first score is measured in a fresh interpreter (cold: tables load
lazily on the first score). Throughput counts UTF-8 bytes of the scored text.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).parent.parent
COLD = (
    "import time; t=time.perf_counter(); import cleannews; "
    "s=cleannews.spin_score(open({seed!r}, encoding='utf-8').read()); "
    "print(time.perf_counter()-t)"
)


def corpus() -> list[str]:
    """French documents to score: the seeds plus the committed validation set."""
    docs = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    with gzip.open(ROOT / "fixtures/spin/validation.jsonl.gz", "rt", encoding="utf-8") as fh:
        docs += [json.loads(line)["text"] for line in fh]
    return docs


def cold_start() -> float:
    """Seconds from ``import cleannews`` to the end of the first score, in a new process."""
    seed = str(next((ROOT / "seeds").glob("003_*.txt")))
    out = subprocess.run(
        [sys.executable, "-c", COLD.format(seed=seed)], capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="megabytes of text to score")
    args = ap.parse_args()
    cold = min(cold_start() for _ in range(3))
    import cleannews

    docs = corpus()
    cleannews.spin_score(docs[0])
    target = args.mb * 1e6
    n_bytes = 0
    n_docs = 0
    t0 = time.perf_counter()
    while n_bytes < target:
        for d in docs:
            cleannews.spin_score(d)
            n_bytes += len(d.encode("utf-8"))
            n_docs += 1
            if n_bytes >= target:
                break
    dt = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"import + first score (cold, best of 3): {cold:.3f} s")
    print(
        f"throughput: {n_bytes / dt / 1e6:.2f} MB/s ({n_docs} documents, {n_bytes / 1e6:.1f} MB "
        f"in {dt:.1f} s, one core)"
    )
    print(f"peak resident memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()

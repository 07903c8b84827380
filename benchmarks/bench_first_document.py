"""Start-up cost: ``import cleannews`` + the first document, in fresh processes.

French text never loads the language model (function-word test); the first
non-French document of a process loads py3langid's model once. Prints the
median of ``--runs`` fresh interpreters for each case, and peak RSS.

    .venv/bin/python benchmarks/bench_first_document.py --runs 5
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = {
    "French seed 000": ROOT / "seeds" / "000_51a21282db567c1f.txt",
    "English fixture 012": ROOT / "fixtures" / "strip" / "012_en_wire_football_reuters.txt",
}
PROBE = """
import json, resource, sys, time
t = time.perf_counter()
import cleannews
doc = cleannews.clean(open(sys.argv[1], "rb").read())
dt = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": dt, "language": doc.language, "rss_mb": rss}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    for name, path in CASES.items():
        rows = [json.loads(subprocess.run([sys.executable, "-c", PROBE, str(path)],
                                          capture_output=True, check=True, text=True).stdout)
                for _ in range(args.runs)]
        secs = statistics.median(r["seconds"] for r in rows)
        rss = max(r["rss_mb"] for r in rows)
        print(f"{name:22s} language={rows[0]['language']}  import + first document: "
              f"median {secs:.2f} s (min {min(r['seconds'] for r in rows):.2f})  "
              f"peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()

"""Start-up cost: ``import cleannews`` + the first document, in fresh processes.

French and plainly English text never load the language model (function-word
screens); the first document of a process in another language loads py3langid's
model once (1-2 s). Prints the
median of ``--runs`` fresh interpreters for each case, and peak RSS, with a
control measured in the same run: ``import ftfy`` + ``ftfy.fix_text(text,
uncurl_quotes=False)`` on the same file (the machine's speed at that moment).

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
CONTROL = """
import json, sys, time
t = time.perf_counter()
import ftfy
ftfy.fix_text(open(sys.argv[1], encoding="utf-8").read(), uncurl_quotes=False)
print(json.dumps({"seconds": time.perf_counter() - t}))
"""


def _median(code: str, path: Path, runs: int) -> tuple[float, list[dict]]:
    rows = [json.loads(subprocess.run([sys.executable, "-c", code, str(path)],
                                      capture_output=True, check=True, text=True).stdout)
            for _ in range(runs)]
    return statistics.median(r["seconds"] for r in rows), rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    for name, path in CASES.items():
        secs, rows = _median(PROBE, path, args.runs)
        control, _ = _median(CONTROL, path, args.runs)
        rss = max(r["rss_mb"] for r in rows)
        print(f"{name:22s} language={rows[0]['language']}  import + first document: "
              f"median {secs:.2f} s (min {min(r['seconds'] for r in rows):.2f}), "
              f"{secs / control:.1f}x the ftfy control ({control:.2f} s); "
              f"peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()

"""Per-process start-up cost of cleannews, old tree against new, in fresh interpreters.

What every CLI call, batch worker, engine task and CLI-spawning test pays before (and for)
its first document. Each case runs in a fresh interpreter per source tree, the trees
interleaved run by run; the figure is the CPU time (user + system) of the child process
(``os.wait4``), median of ``--runs``, and its peak RSS. The machine is shared and noisy:
read the ratios of one run, not the seconds.

Cases:

* ``import``: ``import cleannews``;
* ``cli-fr``: ``python -m cleannews clean seeds/000_….txt`` (a French article);
* ``api-fr``: ``import cleannews; cleannews.clean(seed 000)``;
* ``api-short``: ``cleannews.clean`` of a 9-word French sentence (too short for the
  language screens: py3langid's model is loaded, as for most test inputs);
* ``api-it``: a 60-word Italian-and-French text the screens do not settle (the model).

Bytecode: by default each tree gets its own ``PYTHONPYCACHEPREFIX`` under a temporary folder,
filled by a first, unmeasured run (as an installed wheel, whose ``.pyc`` files pip writes);
``--compile`` sets ``PYTHONDONTWRITEBYTECODE=1`` and no prefix instead, so every process
compiles the package's sources (the editable install of a development session that sets that
variable). ``--valgrind`` also counts instructions (cachegrind, deterministic up to a few
million; slow: about a minute a case and tree).

    PYTHONPATH=src .venv/bin/python benchmarks/bench_startup.py --src /tmp/old/src --runs 7
    PYTHONPATH=src .venv/bin/python benchmarks/bench_startup.py --src /tmp/old/src --compile
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_51a21282db567c1f.txt"
SHORT = "Le gouvernement a présenté jeudi son projet de loi de finances."
MIXED = (
    "Il governo ha presentato giovedì il progetto di legge di bilancio per il prossimo anno, "
    "con nuove misure per le famiglie e le imprese. Le ministre a dit que la réforme sera "
    "votée avant la fin de l'année, selon les syndicats qui ont été reçus mardi. "
) * 2
CASES = {
    "import": ["-c", "import cleannews"],
    "cli-fr": ["-m", "cleannews", "clean", str(SEED)],
    "api-fr": ["-c", "import sys, cleannews; cleannews.clean(open(sys.argv[1], 'rb').read())",
               str(SEED)],
    "api-short": ["-c", f"import cleannews; cleannews.clean({SHORT!r})"],
    "api-it": ["-c", f"import cleannews; cleannews.clean({MIXED!r})"],
}


def _env(src: str, cache: str | None) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=src, PYTHONHASHSEED="0")
    if cache is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = cache
    return env


def _cpu(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds, peak RSS in MB) of one child process."""
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen([sys.executable, *args], env=env, stdout=null, cwd=ROOT)
        _, status, ru = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{args} failed with status {proc.returncode}")
    return ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


def _instructions(args: list[str], env: dict[str, str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            ["valgrind", "--tool=cachegrind", "--cache-sim=no",
             f"--cachegrind-out-file={tmp}/cg.out", sys.executable, *args],
            env=env, cwd=ROOT, capture_output=True, text=True, check=True,
        ).stderr
    return int(re.search(r"I\s+refs:\s+([\d,]+)", out).group(1).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", action="append", default=[],
                    help="another source tree (its src folder) to compare with this one's")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--cases", nargs="+", choices=list(CASES), default=list(CASES))
    ap.add_argument("--compile", action="store_true",
                    help="PYTHONDONTWRITEBYTECODE=1: every process compiles the sources")
    ap.add_argument("--valgrind", action="store_true", help="also count instructions")
    args = ap.parse_args()
    trees = [str(ROOT / "src"), *args.src]
    with tempfile.TemporaryDirectory() as tmp:
        caches = [None if args.compile else f"{tmp}/pyc{i}" for i in range(len(trees))]
        envs = [_env(src, cache) for src, cache in zip(trees, caches, strict=True)]
        for case in args.cases:
            if not args.compile:
                for env in envs:  # fill the bytecode caches, unmeasured
                    _cpu(CASES[case], env)
            rows: list[list[tuple[float, float]]] = [[] for _ in trees]
            for _ in range(args.runs):
                for i, env in enumerate(envs):
                    rows[i].append(_cpu(CASES[case], env))
            med = [statistics.median(c for c, _ in r) for r in rows]
            line = f"{case:10s}"
            for i, tree in enumerate(trees):
                rss = max(m for _, m in rows[i])
                tag = "this" if i == 0 else f"--src {tree}"
                line += f"  {tag}: {med[i]:.3f} s CPU, {rss:.0f} MB"
            if len(trees) > 1:
                line += "  | this / other: " + ", ".join(f"{med[0] / m:.3f}" for m in med[1:])
                per_run = [a[0] / b[0] for a, b in zip(rows[0], rows[1], strict=True)]
                line += f" (per-run median {statistics.median(per_run):.3f})"
            print(line, flush=True)
            if args.valgrind:
                counts = [_instructions(CASES[case], env) for env in envs]
                text = ", ".join(f"{c / 1e6:,.1f} M" for c in counts)
                ratio = (f"  | this / other: {counts[0] / counts[1]:.3f}"
                         if len(counts) > 1 else "")
                print(f"{'':10s}  instructions: {text}{ratio}", flush=True)


if __name__ == "__main__":
    main()

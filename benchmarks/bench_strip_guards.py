"""Old code against this code, in one process, for the strip functions branch perf8 changed.

    .venv/bin/python benchmarks/bench_strip_guards.py --old /work/main/src [--rounds 7]

The inputs are the states ``clean`` hands ``paywall_blocks``, ``give_back`` and ``head_zone``
on the documents of ``bench_pipeline.py``'s mixed corpus (recorded once with this code,
deep-copied before each timed pass, the copy not timed). Each function of the old package
(``--old``: a ``src`` directory, imported as ``cleannews_old`` by ``bench_spin_compare``)
and of this one runs over all of them, in interleaved rounds (the order alternating), CPU
time (``time.process_time``). Printed: medians, and old/new (median of the per-round ratios
too). The resulting line states are compared first (class, rule, reason of every line):
exit status 1 on a difference. Whole-``clean`` figures: ``bench_spin_compare.py``.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
#: The functions compared: ``name in detectors`` -> (module, name) in each package.
FUNCTIONS = {
    "paywall_blocks": ("strip._credits", "paywall_blocks"),
    "give_back": ("strip._keep", "give_back"),
    "head_zone": ("strip._headzone", "head_zone"),
}


def record(docs: list[str]) -> dict[str, list[tuple]]:
    """The arguments (deep copies) of each function of :data:`FUNCTIONS` while ``clean``
    runs over ``docs``."""
    import cleannews
    from cleannews.strip import detectors

    states: dict[str, list[tuple]] = {k: [] for k in FUNCTIONS}
    originals = {k: getattr(detectors, k) for k in FUNCTIONS}

    def recorder(name):
        f = originals[name]

        def rec(*args):
            states[name].append(copy.deepcopy(args))
            return f(*args)

        return rec

    try:
        for k in FUNCTIONS:
            setattr(detectors, k, recorder(k))
        for d in docs:
            cleannews.clean(d)
    finally:
        for k, f in originals.items():
            setattr(detectors, k, f)
    return states


def _view(args: tuple) -> list[tuple]:
    return [(ln.cls, ln.removal.rule if ln.removal else None,
             ln.removal.reason if ln.removal else None) for ln in args[0]]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", type=Path, required=True, help="the src directory of the old code")
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    import importlib

    sys.path.insert(0, str(HERE))
    from bench_pipeline import corpus
    from bench_spin_compare import import_old

    with tempfile.TemporaryDirectory(prefix="bench_strip_guards_") as tmp:
        import_old(args.old, Path(tmp))
        docs = [d for group in corpus().values() for d in group]
        states = record(docs)
        ok = True
        for name, (module, attr) in FUNCTIONS.items():
            new_f = getattr(importlib.import_module(f"cleannews.{module}"), attr)
            old_f = getattr(importlib.import_module(f"cleannews_old.{module}"), attr)
            a, b = copy.deepcopy(states[name]), copy.deepcopy(states[name])
            for x, y in zip(a, b, strict=True):
                new_f(*x)
                old_f(*y)
            differ = sum(_view(x) != _view(y) for x, y in zip(a, b, strict=True))
            ok &= differ == 0
            times: dict[str, list[float]] = {"old": [], "new": []}
            for r in range(args.rounds):
                for which in ("old", "new") if r % 2 == 0 else ("new", "old"):
                    f = old_f if which == "old" else new_f
                    inputs = copy.deepcopy(states[name])
                    t0 = time.process_time()
                    for x in inputs:
                        f(*x)
                    times[which].append(time.process_time() - t0)
            mo, mn = statistics.median(times["old"]), statistics.median(times["new"])
            per_round = statistics.median(
                o / n for o, n in zip(times["old"], times["new"], strict=True)
            )
            print(
                f"{name}: {len(states[name])} calls; old {mo * 1000:.1f} ms, new {mn * 1000:.1f} ms"
                f" a pass (medians of {args.rounds} rounds, CPU time); old/new {mo / mn:.2f}"
                f" (median of per-round ratios {per_round:.2f}); states differ on {differ} calls"
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

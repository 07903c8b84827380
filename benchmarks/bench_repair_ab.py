"""Two versions of cleannews in one process: repair and language identification, A/B.

    .venv/bin/python benchmarks/bench_repair_ab.py --old /tmp/main_copy/src \\
        [--new src] [--stage repair|repair-mix|language|clean] [--rounds 5]

Both source trees are imported into the same interpreter: each version's
``cleannews`` modules are kept apart and put back into ``sys.modules`` before its
batch (the pipeline imports its stages at call time, so a batch runs that
version's code throughout). Rounds interleave old, new and
``ftfy.fix_text(uncurl_quotes=False)`` on the same documents; each batch is timed
in CPU time of the process; the medians are printed as ratios to ftfy and new
against old. Documents: the mixed corpus of ``bench_pipeline.py``: ``repair``
runs ``cleannews.repair`` on the documents without mojibake (three times over),
``repair-mix`` on all, ``language`` runs ``_lang.identify_language`` on the
documents repaired and stripped by the new version, ``clean`` the whole pipeline.
Get the old tree with ``git archive main | tar -x -C /tmp/main_copy``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))


def load(src: str) -> dict[str, Any]:
    """Import the cleannews of the source tree ``src``; its modules, by name."""
    for name in [k for k in sys.modules if k == "cleannews" or k.startswith("cleannews.")]:
        del sys.modules[name]
    sys.path.insert(0, src)
    try:
        import cleannews
        import cleannews._lang
        import cleannews.repairs
        import cleannews.route
        import cleannews.score
        import cleannews.strip  # noqa: F401
    finally:
        sys.path.remove(src)
    mods = {k: v for k, v in sys.modules.items() if k == "cleannews" or k.startswith("cleannews.")}
    if not str(Path(mods["cleannews"].__file__).resolve()).startswith(str(Path(src).resolve())):
        raise SystemExit(f"{src}: imported {mods['cleannews'].__file__} instead")
    return mods


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", required=True, help="src directory of the old version")
    ap.add_argument("--new", default=str(Path(__file__).parents[1] / "src"))
    ap.add_argument("--stage", default="repair",
                    choices=["repair", "repair-mix", "language", "clean"])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    versions = {"old": load(args.old), "new": load(args.new)}

    def use(name: str) -> dict[str, Any]:
        sys.modules.update(versions[name])
        return versions[name]

    import ftfy

    import bench_pipeline

    use("new")
    groups = bench_pipeline.corpus()
    everything = [d for g in groups.values() for d in g]
    docs = {
        "repair": [d for k in ("real", "ud", "typo") for d in groups[k]] * 3,
        "repair-mix": everything,
        "clean": everything,
    }.get(args.stage)
    if docs is None:  # language: on text repaired and stripped as clean does
        cn = versions["new"]["cleannews"]
        strip = versions["new"]["cleannews.strip"].strip_text
        docs = [strip(cn.repair(d).text, cn.CleanConfig()).text for d in everything]

    def function(name: str) -> Any:
        mods = use(name)
        if args.stage == "language":
            return mods["cleannews._lang"].identify_language
        return mods["cleannews"].clean if args.stage == "clean" else mods["cleannews"].repair

    for name in ("old", "new"):  # warm: models, caches, first calls
        fn = function(name)
        for d in docs[:50]:
            fn(d)
    times: dict[str, list[float]] = {"old": [], "new": [], "ftfy": []}
    for r in range(args.rounds):
        for name in ("old", "new", "ftfy"):
            if name == "ftfy" and args.stage == "clean" and r % 2:
                continue  # ftfy is the slow part of a clean round: every other round
            if name == "ftfy":
                fn = lambda d: ftfy.fix_text(d, uncurl_quotes=False)  # noqa: E731
            else:
                fn = function(name)
            t0 = time.process_time()
            for d in docs:
                fn(d)
            times[name].append(time.process_time() - t0)
        print(f"round {r}: " + ", ".join(f"{k} {v[-1]:.3f} s" for k, v in times.items() if v),
              flush=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    print(f"{args.stage}: {len(docs)} documents, {size:.2f} MB; medians of {args.rounds} rounds "
          f"(CPU): old {med['old']:.3f} s, new {med['new']:.3f} s, ftfy {med['ftfy']:.3f} s")
    print(f"  old {med['ftfy'] / med['old']:.2f}x ftfy, new {med['ftfy'] / med['new']:.2f}x ftfy; "
          f"new is {med['old'] / med['new']:.3f}x as fast as old")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Strip-stage speed in CPU time, and where it goes, on the corpus of ``bench_pipeline.py``.

    .venv/bin/python benchmarks/profile_strip.py [--repeat 7] [--passes 3] [--top 25]

1. **Rate in CPU time.** :func:`cleannews.strip.strip_text` on the repaired
   documents of ``bench_pipeline.corpus()`` and ``ftfy.fix_text(uncurl_quotes=False)``
   on the same documents as ``bench_pipeline.py`` gives it, each the best of
   ``--repeat`` passes of ``time.process_time`` (CPU time of this process: on a
   shared machine other jobs barely move it, unlike wall time), and their ratio.
2. **Memory.** Peak traced allocations (``tracemalloc``) of ``strip_text`` on the
   ~1 MB document ``bench_pipeline.py`` cleans for its memory figure (repaired first),
   and of the whole ``cleannews.clean`` on it, both after every table is loaded,
   with the lines of code holding most of the strip stage's memory at its peak.
3. **Steps in CPU time.** The stage's per-document steps (:data:`TIMED_STEPS`) wrapped
   with ``time.process_time`` (a few calls per document: the wrappers cost little,
   unlike cProfile's cost per Python call), each step's share of the stage's CPU time.
4. **Profile.** The same documents under ``cProfile``: the share of the stage's
   time in each of its steps (inclusive: a step counts what it calls), then the
   functions with the most time of their own. cProfile adds a cost per Python
   call, so read the shares, not the seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

#: (label, file suffix, function name): the steps of the stage, in order.
STEPS = [
    ("line features (_Line)", "detectors.py", "__init__"),
    ("rules: line / prefix / phrase / protect", "detectors.py", "_rule_pass"),
    ("  line + prefix rules", "_rules.py", "match"),
    ("  phrase rules", "detectors.py", "_phrase_verdict"),
    ("  per-document trigger plan", "_rules.py", "plan"),
    ("glued spans at line ends", "detectors.py", "_glued_tail"),
    ("structural detectors", "detectors.py", "_structural_pass"),
    ("neighbour rules (menus, context …)", "detectors.py", "_neighbour_pass"),
    ("title and its repeats", "detectors.py", "_title_pass"),
    ("line model (linemodel.py)", "linemodel.py", "apply_line_model"),
    ("  its features (a generator: cProfile counts each resume)", "linemodel.py",
     "iter_line_features"),
    ("page language (one guess per document)", "_pagelang.py", "guess_page_language"),
    ("  its trees (stage 1 + 2)", "linemodel.py", "proba"),
    ("assemble output and Changes", "_assemble.py", "assemble"),
]


#: (module, function) of the steps timed one by one (each called a few times per document).
#: The line and run models' feature vectors are generators consumed inside
#: ``apply_line_model`` / ``apply_run_model`` (a wrapper would time their creation only):
#: the cProfile part below shows their share.
TIMED_STEPS = [
    ("cleannews.strip.detectors", "build_lines"),
    ("cleannews.strip._pagelang", "guess_page_language"),
    ("cleannews.strip.detectors", "judge_lines"),
    ("cleannews.strip.detectors", "_rule_pass"),
    ("cleannews.strip.detectors", "_glued_tail"),
    ("cleannews.strip.detectors", "_structural_pass"),
    ("cleannews.strip.detectors", "_neighbour_pass"),
    ("cleannews.strip.detectors", "_title_pass"),
    ("cleannews.strip.detectors", "plan_lines"),
    ("cleannews.strip.linemodel", "apply_line_model"),
    ("cleannews.strip.runmodel", "apply_run_model"),
    ("cleannews.strip._assemble", "assemble"),
]


def step_times(texts: list[str], cfg, passes: int) -> dict[str, float]:
    """CPU seconds of each step of :data:`TIMED_STEPS` (inclusive) and of the whole stage
    (key ``"strip_text"``) over ``passes`` passes of ``texts``; the functions are restored.

    The stage looks its steps up at call time (``judge_page`` imports them in its body,
    ``plan_lines`` through ``detectors._models``, ``strip_text`` through ``_IMPL``):
    those caches are cleared so that the wrappers are the functions called.
    """
    import importlib

    import cleannews.strip as stage
    from cleannews.strip import detectors

    spent: dict[str, float] = dict.fromkeys((n for _, n in TIMED_STEPS), 0.0)
    saved = []
    clock = time.process_time
    for mod_name, name in TIMED_STEPS:
        mod = importlib.import_module(mod_name)
        fn = getattr(mod, name)

        def timed(*a, _fn=fn, _name=name, **kw):
            t0 = clock()
            try:
                return _fn(*a, **kw)
            finally:
                spent[_name] += clock() - t0

        saved.append((mod, name, fn))
        setattr(mod, name, timed)
    detectors._models.cache_clear()
    stage._IMPL = ()
    try:
        t0 = clock()
        for _ in range(passes):
            for t in texts:
                stage.strip_text(t, cfg)
        spent["strip_text"] = clock() - t0
    finally:
        for mod, name, fn in saved:
            setattr(mod, name, fn)
        detectors._models.cache_clear()
        stage._IMPL = ()
    return spent


def memory(groups: dict[str, list[str]], cfg) -> None:
    """Peak traced memory of the strip stage (and of ``clean``) on a ~1 MB document."""
    import tracemalloc

    import cleannews
    from cleannews.strip import strip_text

    big = "\n\n".join(groups["real"])
    big = (big * (1 + 1_000_000 // max(len(big), 1)))[:1_000_000]
    size = len(big.encode("utf-8"))
    repaired = cleannews.repair(big).text
    cleannews.clean(big)  # every table loaded before tracing
    tracemalloc.start()
    cleannews.clean(big)
    clean_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    tracemalloc.start()
    strip_text(repaired, cfg)
    strip_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"peak allocations on a {size / 1e6:.2f} MB document: "
          f"strip_text {strip_peak / 1e6:.1f} MB ({strip_peak / size:.1f}x the input), "
          f"clean {clean_peak / 1e6:.1f} MB "
          f"({clean_peak / size:.1f}x): strip = {strip_peak / clean_peak:.0%} of clean's peak")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=7, help="timed passes (best one counts)")
    ap.add_argument("--passes", type=int, default=3, help="profiled passes over the corpus")
    ap.add_argument("--top", type=int, default=25, help="functions listed by own time")
    args = ap.parse_args(argv)
    import bench_pipeline
    import cleannews
    from cleannews.strip import strip_text

    groups = bench_pipeline.corpus()
    docs = [d for g in groups.values() for d in g]
    random.Random(1).shuffle(docs)
    repaired = [cleannews.repair(d).text for d in docs]
    cfg = cleannews.CleanConfig()
    strip_text(repaired[0], cfg)  # load the rules and the model outside the profile
    import ftfy

    def best(fn, texts) -> float:
        size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        out = 0.0
        for _ in range(args.repeat):
            t0 = time.process_time()
            for t in texts:
                fn(t)
            out = max(out, size / max(time.process_time() - t0, 1e-9))
        return out

    strip_mbs = best(lambda d: strip_text(d, cfg), repaired)
    ftfy_mbs = best(lambda d: ftfy.fix_text(d, uncurl_quotes=False), docs)
    print(f"CPU time, best of {args.repeat}: strip {strip_mbs:.2f} MB/s, ftfy.fix_text "
          f"{ftfy_mbs:.2f} MB/s, strip = {strip_mbs / ftfy_mbs:.2f} x ftfy")
    memory(groups, cfg)
    spent = step_times(repaired, cfg, args.passes)
    total = spent.pop("strip_text")
    print(f"steps in CPU time ({args.passes} passes, inclusive; a step counts what it calls):")
    for name, sec in spent.items():
        print(f"  {name:28s} {sec / total:6.1%}")
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(args.passes):
        for d in repaired:
            strip_text(d, cfg)
    prof.disable()
    stats = pstats.Stats(prof)
    raw = stats.stats  # {(file, line, name): (cc, nc, tottime, cumtime, callers)}
    total = max(v[3] for k, v in raw.items() if k[2] == "strip_text")
    print(f"strip_text: {len(repaired)} documents x {args.passes} passes, "
          f"{total:.2f} s under cProfile")
    for label, suffix, name in STEPS:
        cum = sum(v[3] for k, v in raw.items() if k[0].endswith(suffix) and k[2] == name)
        print(f"  {label:42s} {cum / total:6.1%}")
    print(f"functions by own time (top {args.top}):")
    rows = sorted(raw.items(), key=lambda kv: -kv[1][2])[: args.top]
    for (file, line, name), v in rows:
        where = f"{Path(file).name}:{line}" if line else file
        print(f"  {v[2] / total:6.1%}  {name:32s} {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Peak traced memory of the strip stage's steps on ``bench_pipeline.py``'s 1 MB document.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_strip_steps.py

Each step (``build_lines``, the rule pass, the neighbour pass, ``_context``, the line and
run models, the guards of ``_keep``, ``assemble`` …) is wrapped: MB alive when it starts,
the peak it reaches (``tracemalloc.reset_peak`` at its start) and MB alive when it returns,
during the second ``clean`` of the document (the first fills the stages' caches). The last
line is ``clean``'s own peak and its ratio to the document's UTF-8 size (perf22).
"""

from __future__ import annotations

import functools
import sys
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

STEPS = {
    "cleannews.strip.detectors": (
        "build_lines", "judge_lines", "plan_lines", "_rule_pass", "_structural_pass",
        "paywall_blocks", "_neighbour_pass", "_context", "_title_pass", "give_back",
    ),
    "cleannews.strip.linemodel": ("apply_line_model",),
    "cleannews.strip.runmodel": ("apply_run_model",),
    "cleannews.strip._assemble": ("assemble",),
}


def main() -> int:
    import importlib

    import bench_pipeline as bp
    import cleannews
    import cleannews.strip as S
    from cleannews.strip import detectors as D

    rows: list[tuple[str, int, int, int]] = []
    high = [0]

    def wrap(mod, name: str) -> None:
        f = getattr(mod, name)

        @functools.wraps(f)
        def w(*a, **k):
            if not tracemalloc.is_tracing():
                return f(*a, **k)
            start, before = tracemalloc.get_traced_memory()
            tracemalloc.reset_peak()
            r = f(*a, **k)
            end, peak = tracemalloc.get_traced_memory()
            high[0] = max(high[0], before, peak)
            rows.append((name, start, peak, end))
            return r

        setattr(mod, name, w)

    for modname, names in STEPS.items():
        mod = importlib.import_module(modname)
        for name in names:
            wrap(mod, name)
    D._models.cache_clear()  # the models' functions are looked up again: the wrapped ones
    S._IMPL = ()
    groups = bp.corpus()
    big = "\n\n".join(groups["real"])
    big = (big * (1 + 1_000_000 // max(len(big), 1)))[:1_000_000]
    utf8 = len(big.encode("utf-8"))
    cleannews.clean(big)
    rows.clear()
    tracemalloc.start()
    cleannews.clean(big)
    peak = max(high[0], tracemalloc.get_traced_memory()[1])
    tracemalloc.stop()
    for name, start, top, end in rows:
        print(f"  {name:18s} {start / 1e6:6.2f} MB -> peak {top / 1e6:6.2f} "
              f"(+{(top - start) / 1e6:5.2f}), end {end / 1e6:6.2f}")
    print(f"clean: peak {peak / 1e6:.2f} MB = {peak / utf8:.2f}x the document's UTF-8 size "
          f"({utf8 / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

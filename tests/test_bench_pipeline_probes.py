"""The stage probes of ``benchmarks/bench_pipeline.py`` still see every stage.

The benchmark splits the time and memory of ``clean`` by wrapping the stage
functions the pipeline calls; if a stage is renamed or called another way,
its figures would silently become zero. This runs the probes on two seeds.
No timing is asserted.
"""

from __future__ import annotations

from pathlib import Path

import cleannews
from _helpers import load_script

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    return load_script(ROOT / "benchmarks" / "bench_pipeline.py", "bench_pipeline")


def _seeds() -> list[str]:
    return [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))[:2]]


def test_time_per_stage_sees_every_stage():
    bench = _bench()
    spent = bench.time_per_stage(cleannews.clean, _seeds())
    for stage in ("repair", "strip", "language", "spin", "route"):
        assert spent[stage] > 0, stage
    assert abs(sum(v for k, v in spent.items() if k != "total") - spent["total"]) < 1e-9
    # the probes are removed afterwards
    from cleannews import strip

    assert strip.strip_text.__module__.startswith("cleannews")


def test_memory_per_stage_sees_every_stage():
    bench = _bench()
    doc = "\n\n".join(_seeds())
    rows = bench.memory_per_stage(cleannews.clean, doc)
    assert set(rows) == {"repair", "strip", "language", "spin", "route", "clean"}
    assert rows["clean"]["peak_added"] >= max(r["peak_added"] for r in rows.values())
    assert rows["spin"]["alive_at_start"] > 0

"""Round-18 user audit (branch audit18): each test fails on the code before it (0c81c97)."""

from __future__ import annotations

import json
import multiprocessing
import threading
from pathlib import Path

import pytest

from _helpers import read_jsonl, run_cli
from cleannews.cli import main

TEXT = ("Le maire de Paris a parlé hier soir devant le conseil municipal. Il a annoncé un plan "
        "pour les écoles de la ville et les transports en commun.")


def _records(path: Path, ids: list[str]) -> Path:
    path.write_text("".join(json.dumps({"id": i, "text": f"{TEXT} ({k})"}) + "\n"
                            for k, i in enumerate(ids)), "utf-8")
    return path


# 1. `cleannews score … | head -1` (or `| wc -l`) printed, now and then, "Exception ignored in
#    atexit callback … OSError: [Errno 9] Bad file descriptor": the pool was shut down with
#    `wait=False`, so its manager thread was still closing its wake-up pipe when the
#    interpreter's exit hook of concurrent.futures wrote to it (unlocked on Python < 3.12).
#    The pool is now stopped and its manager thread joined before the run returns (workers
#    killed first when the run stops early), so nothing of it is left at exit.

def _pool_leftovers() -> list[str]:
    threads = [t.name for t in threading.enumerate() if t is not threading.main_thread()
               and t.is_alive() and "watchdog" not in t.name]
    return threads + [p.name for p in multiprocessing.active_children()]


@pytest.mark.parametrize("stop_early", [True, False])
def test_the_pool_is_gone_when_the_run_stops(tmp_path, stop_early):
    from cleannews.batch.process import BatchOptions
    from cleannews.batch.runner import _parallel
    from cleannews.batch.sources import iter_items

    src = _records(tmp_path / "in.jsonl", [f"d{i}" for i in range(40)])
    items = list(iter_items([str(src)], "auto"))
    before = _pool_leftovers()
    gen = _parallel(iter([items[i:i + 2] for i in range(0, len(items), 2)]), BatchOptions(), 2)
    first = next(gen)
    assert [r.id for r in first] == ["d0", "d1"]
    if stop_early:  # what a closed stdout pipe does to the run
        gen.close()
    else:
        assert sum(len(r) for r in gen) == 38
    assert _pool_leftovers() == before

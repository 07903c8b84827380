"""Sizes of a batch run's work units and the CPUs it may use (no heavy imports: the command
line reads them to build ``--help`` and its defaults without loading the runner)."""

from __future__ import annotations

import os

__all__ = ["CHUNK_BYTES", "CHUNK_DOCS", "IN_FLIGHT_PER_JOB", "available_cpus"]

#: A chunk holds at most this many documents …
CHUNK_DOCS = 64
#: … or this many input bytes (whichever comes first).
CHUNK_BYTES = 2 * 1024 * 1024
#: Chunks queued per worker process (bounds memory, keeps workers busy).
IN_FLIGHT_PER_JOB = 3


def available_cpus() -> int:
    """CPUs this process may run on (``os.sched_getaffinity``), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)

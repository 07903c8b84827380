"""Batch runs: folders and JSONL corpora through the pipeline, into three sinks.

* :func:`run_batch` (what ``cleannews run`` and ``cleannews score`` call):
  chunked, ordered, multi-process, resumable; see docs/batch.md.
* :func:`clean_frame` / :func:`clean_record` (pandas: text, verdict, score,
  evidence as columns), :func:`clean_batch` (``datasets.map(batched=True,
  num_proc=N)``) and :func:`clean_text` (the cleaned text alone, no verdict).

    >>> from cleannews.batch import clean_text
    >>> clean_text("Un titre.")
    'Un titre.'
"""

from __future__ import annotations

import importlib
from typing import Any

#: Where each public name lives. The submodules are imported when a name is first read
#: (PEP 562), not with the package: ``cleannews clean`` reads ``batch.sources`` alone, and a
#: pool worker or an engine's task (integrations) that reads ``batch.api`` does not load the
#: runner, its sinks and ``multiprocessing`` (perf18).
_EXPORTS = {
    "BatchOptions": "process",
    "ResumeError": "sinks",
    "RunSettings": "runner",
    "available_cpus": "limits",
    "batch_features": "api",
    "clean_batch": "api",
    "clean_frame": "api",
    "clean_record": "api",
    "clean_text": "api",
    "paths_for": "runner",
    "run_batch": "runner",
}

__all__ = [
    "BatchOptions",
    "ResumeError",
    "RunSettings",
    "available_cpus",
    "batch_features",
    "clean_batch",
    "clean_frame",
    "clean_record",
    "clean_text",
    "paths_for",
    "run_batch",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})

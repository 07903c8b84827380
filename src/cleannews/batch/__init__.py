"""Batch runs: folders and JSONL corpora through the pipeline, into three sinks.

* :func:`run_batch` (what ``cleannews run`` and ``cleannews score`` call):
  chunked, ordered, multi-process, resumable; see docs/batch.md.
* :func:`clean_text` and :func:`clean_batch`: picklable functions for
  ``pandas.Series.map`` and ``datasets.map(batched=True, num_proc=N)``.

    >>> from cleannews.batch import clean_text
    >>> clean_text("Un titre.")
    'Un titre.'
"""

from cleannews.batch.api import clean_batch, clean_text
from cleannews.batch.process import BatchOptions
from cleannews.batch.runner import RunSettings, available_cpus, paths_for, run_batch
from cleannews.batch.sinks import ResumeError

__all__ = [
    "BatchOptions",
    "ResumeError",
    "RunSettings",
    "available_cpus",
    "clean_batch",
    "clean_text",
    "paths_for",
    "run_batch",
]

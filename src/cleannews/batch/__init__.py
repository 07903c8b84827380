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

from cleannews.batch.api import clean_batch, clean_frame, clean_record, clean_text
from cleannews.batch.process import BatchOptions
from cleannews.batch.runner import RunSettings, available_cpus, paths_for, run_batch
from cleannews.batch.sinks import ResumeError

__all__ = [
    "BatchOptions",
    "ResumeError",
    "RunSettings",
    "available_cpus",
    "clean_batch",
    "clean_frame",
    "clean_record",
    "clean_text",
    "paths_for",
    "run_batch",
]

"""Sizes of a batch run's work units, the CPUs it may use and the names of its files (no
heavy imports: the command line reads them to build ``--help`` and its defaults without
loading the runner)."""

from __future__ import annotations

import os

__all__ = ["CHUNK_BYTES", "CHUNK_DOCS", "FORMATS", "IN_FLIGHT_PER_JOB", "MAX_RECORD_MB",
           "REPORT_NAME", "SINK_FILES", "STATE_NAME", "STDOUT_SINK_FOLDERS", "available_cpus"]

#: A chunk holds at most this many documents …
CHUNK_DOCS = 64
#: … or this many input bytes (whichever comes first).
CHUNK_BYTES = 2 * 1024 * 1024
#: Default ``--max-record-mb`` of every command (``run``, ``score``, ``clean``, ``explain``):
#: a record or file above it is refused as ``too_large`` (``clean`` took 6 s and 82 MB on
#: one 2.4 MB line, so at most about 40 s on one of 16 MB).
MAX_RECORD_MB = 16.0
#: Report file name inside the output folder (``run``'s default ``--report``).
REPORT_NAME = "report.json"
#: State file of a run, inside the output folder (``DIR/.cleannews-run.json``; beside an
#: output file ``NAME.jsonl``: ``.NAME.jsonl.cleannews-run.json``).
STATE_NAME = ".cleannews-run.json"
#: File names of the JSONL sinks inside their folders.
SINK_FILES = {"out": "clean.jsonl", "quarantine": "quarantine.jsonl", "errors": "errors.jsonl",
              "duplicates": "duplicates.jsonl"}
#: Folders of the quarantine, errors and duplicates sinks of a run to standard output
#: (``--out -``), in the current folder, when no ``--quarantine`` / ``--errors`` is given.
STDOUT_SINK_FOLDERS = {"quarantine": "cleannews-quarantine", "errors": "cleannews-errors",
                       "duplicates": "cleannews-duplicates"}
#: Values of ``--format`` (``BatchOptions.fmt``): sniffed, or every input read as text / HTML.
FORMATS = ("auto", "text", "html")
#: Chunks queued per worker process (bounds memory, keeps workers busy).
IN_FLIGHT_PER_JOB = 3


def available_cpus() -> int:
    """CPUs this process may run on (``os.sched_getaffinity``), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)

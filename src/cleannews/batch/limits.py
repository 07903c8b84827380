"""Sizes of a batch run's work units, the CPUs it may use and the names of its files (no
heavy imports: the command line reads them to build ``--help`` and its defaults without
loading the runner)."""

from __future__ import annotations

import os

__all__ = ["CHUNK_BYTES", "CHUNK_DOCS", "FORMATS", "IN_FLIGHT_PER_JOB", "MAX_INPUT_SETTING",
           "MAX_RECORD_MB", "MB", "OUT_FILE_SUFFIXES", "REPORT_NAME", "SINK_FILES", "STATE_NAME",
           "STDOUT_SINK_FOLDERS", "available_cpus", "input_limit", "limit_setting", "mb_bytes",
           "names_folder", "out_file_stem"]

#: A chunk holds at most this many documents …
CHUNK_DOCS = 64
#: … or this many input bytes (whichever comes first).
CHUNK_BYTES = 2 * 1024 * 1024
#: Default ``--max-record-mb`` of every command (``run``, ``score``, ``clean``, ``explain``):
#: a record or file above it is refused as ``too_large`` (``clean`` took 6 s and 82 MB on
#: one 2.4 MB line, so at most about 40 s on one of 16 MB). The library has no limit unless
#: ``CleanConfig(max_input_mb=…)`` sets one (``max_input_mb=MAX_RECORD_MB``: the commands').
MAX_RECORD_MB = 16.0
#: Bytes in a megabyte of ``--max-record-mb`` and ``CleanConfig.max_input_mb``.
MB = 1024 * 1024


def mb_bytes(mb: float, shown: object = None) -> int:
    """A size limit given in MB (``--max-record-mb``, ``CleanConfig.max_input_mb``) in bytes;
    a ``ValueError`` saying why for a limit that is no size: the one check of both
    (``shown``: the value as the user wrote it, for the message; default ``mb``).

    >>> mb_bytes(16.0), mb_bytes(0.5)
    (16777216, 524288)
    >>> mb_bytes(-1)
    Traceback (most recent call last):
    ...
    ValueError: must be above 0, got -1
    >>> mb_bytes(1e-30)
    Traceback (most recent call last):
    ...
    ValueError: must be at least one byte (1e-06 MB), got 1e-30
    """
    shown = mb if shown is None else shown
    if not mb > 0:
        raise ValueError(f"must be above 0, got {shown}")
    if mb * MB == float("inf"):
        # `inf` was "must be above 0, got inf"; `1e308` (finite, but not in bytes) ended in
        # an OverflowError traceback (audit22)
        raise ValueError(f"must be a finite number of MB, got {shown} (for no practical limit "
                         "give a large one, e.g. 100000)")
    if int(mb * MB) < 1:  # `1e-30`: a limit of 0 bytes refused every document,
        # "record is 2628 bytes, above the limit of 0 bytes" (audit20)
        raise ValueError(f"must be at least one byte (1e-06 MB), got {shown}")
    return int(mb * MB)
def input_limit(limit: int, max_input_mb: float | None) -> int:
    """The size limit, in bytes, a command applies to a record or file: ``limit``
    (``--max-record-mb``, ``BatchOptions.max_record_bytes``), or ``CleanConfig.max_input_mb``
    when that is lower (``None``: no limit of its own). ``cleannews run`` and
    :func:`cleannews.batch.run_batch` refuse such an input as ``too_large`` before reading
    it, a text record and an HTML one alike (``run_batch`` refused only HTML records, as an
    ``input`` error, and cleaned text ones whatever their size; round 27).

    >>> input_limit(16 * MB, None), input_limit(16 * MB, 0.5), input_limit(1000, 0.5)
    (16777216, 524288, 1000)
    """
    return limit if max_input_mb is None else min(limit, mb_bytes(max_input_mb))


#: How a ``too_large`` message names ``CleanConfig.max_input_mb`` when it set the limit
#: (``--set max_input_mb=…`` / ``--config`` on the command line).
MAX_INPUT_SETTING = "CleanConfig max_input_mb"


def limit_setting(limit: int, max_input_mb: float | None, option: str = "--max-record-mb"
                  ) -> str:
    """The setting that set ``limit`` (what :func:`input_limit` gave), for the ``too_large``
    message: :data:`MAX_INPUT_SETTING` when ``max_input_mb`` is that limit, else ``option``
    (a record above ``--set max_input_mb=0.001`` was "above the limit of 1048 bytes
    (--max-record-mb)", a flag the user had not given; polish, round 27).

    >>> limit_setting(16 * MB, None), limit_setting(input_limit(16 * MB, 0.5), 0.5)
    ('--max-record-mb', 'CleanConfig max_input_mb')
    >>> limit_setting(input_limit(1000, 0.5), 0.5)
    '--max-record-mb'
    """
    return MAX_INPUT_SETTING if max_input_mb is not None and mb_bytes(max_input_mb) == limit \
        else option


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
#: ``--out`` names ending like this are one output file (not a folder).
OUT_FILE_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")


def out_file_stem(name: str) -> str:
    """NAME of an output file name ``NAME.jsonl`` (``.jsonl.gz``, ``.ndjson`` …), dots kept:
    the name of its report, ``NAME.report.json`` (``crawl.2024.jsonl`` and
    ``crawl.2025.jsonl`` shared ``crawl.report.json`` when NAME ended at the first dot).

    >>> out_file_stem("crawl.2024.jsonl.gz"), out_file_stem("notes.txt")
    ('crawl.2024', 'notes.txt')
    """
    return next((name[:-len(x)] for x in OUT_FILE_SUFFIXES if name.lower().endswith(x)), name)


def names_folder(value: object) -> bool:
    """Whether a path given as a string ends with a slash: a folder, whatever its name says
    (``--out results.jsonl/`` wrote the file ``results.jsonl``).

    >>> names_folder("out/all.jsonl/"), names_folder("out/all.jsonl")
    (True, False)
    """
    return isinstance(value, str) and value.endswith(("/", os.sep))


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

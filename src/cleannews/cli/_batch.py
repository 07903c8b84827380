"""Flags and plumbing shared by ``cleannews run`` and ``cleannews score``."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from typing import Any

from cleannews.batch.stop import Terminated, stop_on_signals
from cleannews.cli._common import (
    add_config_flags,
    add_size_flag,
    config_from_args,
    positive_mb,
    record_limit,
    seconds_limit,
)

__all__ = ["add_batch_flags", "batch_options", "execute", "positive_int", "positive_mb",
           "seconds_limit", "usage_problem"]

log = logging.getLogger("cleannews")

EXIT_OK, EXIT_FAILURES, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
#: Exit status of a run stopped by SIGTERM (128 + 15, the shell's convention, as 130 is
#: 128 + SIGINT after Ctrl-C).
EXIT_TERMINATED = 128 + int(signal.SIGTERM)
_MB = 1024 * 1024


def positive_int(value: str) -> int:
    """argparse type: an integer >= 1.

    >>> positive_int("3")
    3
    """
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def field_name(value: str) -> str:
    """argparse type: a JSONL field (``--text-field``, ``--id-field``, ``--source-field``),
    a key or a dotted path into nested objects (``doc.text``); not empty (``--text-field ''``
    sent every record to the errors sink, "record has no '' field").

    >>> field_name("doc.text")
    'doc.text'
    """
    if not value:
        raise argparse.ArgumentTypeError("must name a field, got an empty name")
    return value


def usage_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with option values argparse cannot check alone (``None``: all fine).

    >>> usage_problem(argparse.Namespace(quarantine_threshold=1.5))
    'argument --quarantine-threshold: must be between 0 and 1, got 1.5'
    """
    thr = getattr(args, "quarantine_threshold", None)
    if thr is not None and not 0.0 <= thr <= 1.0:
        return f"argument --quarantine-threshold: must be between 0 and 1, got {thr}"
    return None


def add_batch_flags(p: argparse.ArgumentParser) -> None:
    """INPUT..., --jobs, --text-field, --id-field, --max-record-mb and the pipeline flags."""
    from cleannews.batch.limits import CHUNK_DOCS, available_cpus

    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help=".txt/.html files (.gz too), folders of them (recursive), .jsonl/.jsonl.gz "
                   "files; - reads stdin (JSONL, or one HTML/text document: sniffed)")
    p.add_argument("-j", "--jobs", type=positive_int, default=available_cpus(), metavar="N",
                   help="worker processes (default: the CPUs this process may use, "
                   "%(default)s here)")
    p.add_argument("--chunk-size", type=positive_int, default=CHUNK_DOCS, metavar="N",
                   help="documents per chunk: the unit of work, ordering and commit "
                   "(default %(default)s)")
    p.add_argument("--limit", type=positive_int, default=None, metavar="N",
                   help="process only the first N documents (to try a command on a big corpus)")
    p.add_argument("--doc-timeout", type=seconds_limit, default=None, metavar="SECONDS",
                   help="stop a document that takes longer than SECONDS to clean and file it "
                   "in the errors sink as a timeout, with its id; the batch goes on (default: "
                   "no limit). With --jobs 1 only Python code is interrupted (POSIX); with more "
                   "jobs a worker stuck longer is killed and replaced")
    p.add_argument("--no-progress", action="store_true",
                   help="no progress bar (it is shown only when stderr is a terminal)")
    g = p.add_argument_group("JSONL records")
    g.add_argument("--text-field", default="text", metavar="FIELD", type=field_name,
                   help="field holding the text (default %(default)s; a dotted path such as "
                   "doc.text reads a nested object)")
    g.add_argument("--id-field", default="id", metavar="FIELD", type=field_name,
                   help="field holding the id (default %(default)s; else PATH:LINE; dotted "
                   "path: meta.id)")
    add_size_flag(g)
    add_config_flags(p)


def jobs_of(args: argparse.Namespace) -> int:
    """``--jobs``, at most one worker per CPU this process may use (a warning says so).

    With the "fork" start method every worker starts at once: ``-j 1000`` started a thousand
    processes for five documents. (``run_batch`` itself takes ``jobs`` as given.)
    """
    from cleannews.batch.runner import available_cpus, capped_jobs

    jobs = capped_jobs(args.jobs)
    if jobs != args.jobs:
        log.warning("--jobs %d is more than the %d CPU(s) this process may use: %d worker "
                    "process(es)", args.jobs, available_cpus(), jobs)
    return jobs


def batch_options(args: argparse.Namespace, mode: str) -> Any:
    """The :class:`~cleannews.batch.BatchOptions` described by the flags."""
    from cleannews.batch import BatchOptions

    problem = usage_problem(args)
    if problem is not None:  # before any work: nothing created, exit 2 as argparse does
        print(f"cleannews {args.command}: error: {problem}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)
    return BatchOptions(config=config_from_args(args), text_field=args.text_field,
                        id_field=args.id_field, fmt=args.format,
                        max_record_bytes=record_limit(args), mode=mode,
                        doc_timeout=args.doc_timeout)


def show_progress(args: argparse.Namespace) -> bool:
    """A progress bar only when stderr is a terminal and neither -q nor --no-progress was given."""
    return (sys.stderr.isatty() and not getattr(args, "quiet", False)
            and not getattr(args, "no_progress", False))


def after_failure(settings: Any, fix: bool = False) -> str:
    """What to do after a run stopped half-way: only what works for this run.

    ``--resume`` needs the run state kept in an output folder; a run that
    wrote to standard output or read standard input can only be run again.
    """
    first = "fix this, then " if fix else ""
    state = settings.paths.state
    if state is not None and not state.exists():  # failed before the run state was written
        return f"nothing was committed; {first}run the same command again"
    if state is None:  # --out - of run, and score (which keeps no run state)
        where = "stdout" if settings.paths.out is None else str(settings.paths.out)
        # the records this run left in its sink files: the next run moves those of the
        # default `./cleannews-quarantine/` and `./cleannews-errors/` of `--out -` aside (a
        # dated name), and refuses to write over those of a folder the user named
        paths = settings.paths
        left = [(n, p) for n, p in ((n, paths.sink(n)) for n in paths.names() if n != "out")
                if p is not None and p.is_file() and p.stat().st_size]
        kept = [str(p) for n, p in left if n in paths.drop_if_empty]
        named = [str(p) for n, p in left if n not in paths.drop_if_empty]
        force = (f" with --force (it refuses to write over the records this run left in "
                 f"{', '.join(named)})" if named else "")
        aside = (f" (the partial records this run left in {', '.join(kept)} are then kept "
                 "under a dated name beside the new ones: delete them)" if kept else "")
        return (f"the output written to {where} is incomplete; {first}run the whole command "
                f"again{force}{aside}")
    from cleannews.batch.sources import is_stream

    # the state is written at the start (done 0): a run stopped before its first commit has
    # one, and "committed work is kept" told of work that was never written
    kept = _kept(state)
    if any(n == "-" or is_stream(n) for n in settings.inputs):  # stdin, <(zcat …)
        return f"{kept}; {first}pipe the same data again to the same command with --resume"
    return f"{kept}; {first}run the same command with --resume"


def _kept(state: Any) -> str:
    """What the run state at ``state`` says is kept of a stopped run: nothing yet, or how many
    input documents are committed and whether the sinks hold records written after them
    (a chunk written but not committed when the run stopped: ``--resume`` truncates it away
    and does those documents again; the message said only "committed work is kept", and the
    sinks held more records than the run state, with no word on which count holds). An
    unreadable state counts as committed work (the cautious answer: --resume then says what
    is wrong with it)."""
    import json

    try:
        saved = json.loads(state.read_text("utf-8"))
        done, sizes = saved.get("done"), saved.get("sizes") or {}
        if not (done or saved.get("stats")):
            return "nothing was committed yet (--resume starts from the first document)"
    except (OSError, ValueError, AttributeError):
        return "committed work is kept"
    beyond = False
    for path, size in sizes.items() if isinstance(sizes, dict) else ():
        try:
            beyond = beyond or os.path.getsize(path) > size
        except (OSError, TypeError):  # a sink removed since, a state written by hand
            pass
    after = ("; the sinks also hold records written after them, which --resume drops and "
             "writes again" if beyond else "")
    return f"committed work is kept (the first {done} input documents{after})"


def command_line() -> str:
    """The command as typed, quoted for a shell (for the report)."""
    import shlex

    return shlex.join(["cleannews", *sys.argv[1:]])


def execute(settings: Any, quiet: bool) -> tuple[int, dict[str, Any] | None]:
    """Run a batch and map what can go wrong onto exit codes; print the summary on stderr."""
    from cleannews.batch import ResumeError, run_batch
    from cleannews.batch.stats import summary

    if getattr(settings, "command_line", None) is None:
        settings.command_line = command_line()
    try:
        # Ctrl-C and SIGTERM raise, and are recorded for the runner's safe points: one whose
        # raise Python swallowed in a callback still stops the run (batch.stop, round 28)
        with stop_on_signals():
            report = run_batch(settings)
    except ResumeError as exc:
        log.error("%s", exc)
        return EXIT_USAGE, None
    except Terminated:
        log.error("terminated (SIGTERM): %s", after_failure(settings))
        return EXIT_TERMINATED, None
    except KeyboardInterrupt:
        log.error("interrupted: %s", after_failure(settings))
        return EXIT_INTERRUPTED, None
    except OSError as exc:
        if isinstance(exc, BrokenPipeError) and settings.paths.out is None:
            # `score crawl | head`: the reader went away; main stops quietly, exit code 1
            # when a document handled before had failed (run_batch counted it), else 0
            from cleannews.batch.runner import FAILED_ATTR
            from cleannews.cli._common import reader_gone

            failed = getattr(exc, FAILED_ATTR, 0)
            reader_gone(exc, EXIT_FAILURES if failed else EXIT_OK)
            raise
        reason = exc.strerror or str(exc)
        where = f"{exc.filename}: " if exc.filename else ""
        log.error("%s%s (%s)", where, reason, after_failure(settings, fix=True))
        return EXIT_USAGE, None
    if not quiet:
        print(summary(report), file=sys.stderr)
    return (EXIT_FAILURES if report["documents"]["failed"] else EXIT_OK), report

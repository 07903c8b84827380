"""Run the pipeline over many documents: chunked, ordered, in N processes, resumable.

The main process reads the inputs and writes the sinks; worker processes
parse, clean and serialise. At most ``IN_FLIGHT_PER_JOB * jobs`` chunks are
in flight, so memory stays flat however large the input is. Results are
written in input order, which is what makes ``--resume`` exact.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "in.jsonl").write_text('{"id": "a", "text": "Bonjour."}\\n{"id": "b"}\\n')
    >>> report = run_batch(RunSettings([str(d / "in.jsonl")], paths_for(d / "out"), jobs=1))
    >>> report["documents"]
    {'in': 2, 'out': 1, 'quarantined': 0, 'failed': 1}
"""

from __future__ import annotations

import itertools
import json
import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import tempfile
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures import wait as wait_futures
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, NamedTuple

from cleannews.__about__ import __version__
from cleannews.batch.ids import safe_relpath, shown_id
from cleannews.batch.limits import (
    CHUNK_BYTES,
    CHUNK_DOCS,
    IN_FLIGHT_PER_JOB,
    OUT_FILE_SUFFIXES,
    REPORT_NAME,
    STDOUT_SINK_FOLDERS,
    available_cpus,
    names_folder,
    out_file_stem,
)
from cleannews.batch.process import (
    BatchOptions,
    DocResult,
    crash_result,
    init_worker,
    process_chunk,
    process_item,
    timeout_result,
    too_large,
    warm_up,
)
from cleannews.batch.sinks import (
    SINK_FILES,
    STATE_NAME,
    ResumeError,
    SinkPaths,
    Sinks,
    atomic_write,
    owner_report,
    read_owner,
)
from cleannews.batch.sources import (
    MISSING_INPUT,
    PARQUET_SUFFIXES,
    InputsChanged,
    Item,
    gzip_document,
    is_stdout_file,
    is_stream,
    iter_items,
    json_kind,
    kind_of,
    log_files,
    place,
    read_problem,
    stdout_file,
)
from cleannews.batch.stats import REPEATED_IDS_LISTED, RunStats, SeenIds, build_report
from cleannews.batch.stop import check as check_stop
from cleannews.batch.timeout import HARD_TIMEOUT_GRACE_S, can_interrupt
from cleannews.config import checked_keywords

__all__ = ["MissingInput", "RunSettings", "UnsupportedInput", "available_cpus", "paths_for",
           "run_batch"]

log = logging.getLogger("cleannews")


def _unwritable_place(path: Path) -> str | None:
    """Why a file cannot be created at ``path`` (its folders are created when it is
    written), or ``None``: checked before any work for files written only at the end.

    >>> _unwritable_place(Path(__file__) / "report.json")[-20:]
    'a file, not a folder'
    >>> _unwritable_place(Path("new-folder") / "report.json") is None
    True
    >>> _unwritable_place(Path("/dev/null")) is None  # written through, /dev need not be
    True
    """
    if path.is_symlink() or (path.exists() and not path.is_file()):
        return None  # a link or a device (/dev/stdout) is written through, not replaced
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # a folder the run will create
    if folder.exists() and not folder.is_dir():
        return f"{folder} is a file, not a folder"
    if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
        return f"{folder}: Permission denied"
    if folder.is_dir():  # os.access says yes to root everywhere: /proc, a read-only mount
        try:
            fd, probe = tempfile.mkstemp(prefix=".cleannews-probe-", dir=folder)
        except OSError as exc:
            return f"cannot create a file in {folder} ({exc.strerror or exc})"
        os.close(fd)
        os.unlink(probe)
    return None


def _output_problem(settings: RunSettings) -> str | None:
    """Why an output of the run (a sink, the run state) cannot be written where it is
    named, or ``None``: ``run --out /proc/x`` failed on its lock file, "/proc/.x.cleannews.lock:
    No such file or directory (nothing was committed …)", and ``--errors /proc/e`` alike."""
    paths = settings.paths
    seen: set[Path] = set()
    for name, path in (*((n, paths.sink(n)) for n in paths.names()), ("state", paths.state)):
        if path is None or path in seen:
            continue
        seen.add(path)
        problem = _unwritable_place(path)
        if problem is not None:
            return f"cannot write the output {path}: {problem}; {_output_hint(settings, name)}"
    return None


def _output_hint(settings: RunSettings, sink: str) -> str:
    """What to give instead of the output ``sink`` (a sink name, or ``state``) that cannot be
    written: the option that names it and what that option is for this command — ``score
    --out`` is a file, ``run --out`` a folder or a ``FILE.jsonl`` (``score --out /proc/x``
    said "give a folder you can write to"; round 31).

    >>> _output_hint(RunSettings(inputs=[], paths=paths_for("o")), "state")
    'give --out a folder you can write to'
    >>> _output_hint(RunSettings(inputs=[], paths=paths_for("o.jsonl")), "out")
    'give --out a FILE.jsonl in a folder you can write to'
    >>> _output_hint(RunSettings(inputs=[], paths=paths_for("o", errors="e")), "errors")
    'give --errors a folder you can write to'
    """
    paths = settings.paths
    if settings.command == "score":
        if sink == "errors" and paths.errors != paths.out:
            return "give --errors a folder you can write to"
        return "give --out a file in a folder you can write to"
    if sink in ("quarantine", "errors"):
        return f"give --{sink} a folder you can write to"
    if paths.out is None:  # --out -: ./cleannews-duplicates, in the current folder
        return "run it from a folder you can write to, or give --out a folder"
    if paths.mirror_out is None:  # --out FILE.jsonl: the run state and sinks beside it
        return "give --out a FILE.jsonl in a folder you can write to"
    return "give --out a folder you can write to"


def capped_jobs(jobs: int) -> int:
    """``jobs`` worker processes, at most one per CPU this process may use.

    The work is CPU-bound: more processes than CPUs only share the same CPUs, and each
    one costs memory (with the "fork" start method every one of them is started at once:
    ``-j 10000`` started ten thousand processes for five documents).

    >>> capped_jobs(1), capped_jobs(10_000) == available_cpus()
    (1, True)
    """
    return max(1, min(jobs, available_cpus()))


def is_out_file(out: Path) -> bool:
    """``--out clean.jsonl.gz`` names a file; anything else (or an existing folder) a folder.

    >>> is_out_file(Path("x/clean.jsonl.gz")), is_out_file(Path("out"))
    (True, False)
    """
    return out.name.lower().endswith(OUT_FILE_SUFFIXES) and not out.is_dir()


def paths_for(
    out: str | os.PathLike | None, quarantine: str | os.PathLike | None = None,
    errors: str | os.PathLike | None = None,
    *, compress: bool = False,
) -> SinkPaths:
    """Sink paths for ``--out DIR`` (``None``: stdout) with the documented defaults.

    Defaults: ``DIR/quarantine`` and ``DIR/errors``; with ``--out -`` they are
    ``./cleannews-quarantine`` and ``./cleannews-errors``, made only when a document goes
    there (removed at the end when the run left them empty). ``--out FILE.jsonl.gz``
    (or ``.jsonl``) writes the clean records to that file, the other sinks and
    the run state beside it, and mirrors no text files; ``compress`` (or a
    ``.gz`` out file) writes every sink as ``.jsonl.gz``.

    >>> p = paths_for(Path("o"))
    >>> p.out.as_posix(), p.quarantine.as_posix(), p.errors.as_posix()
    ('o/clean.jsonl', 'o/quarantine/quarantine.jsonl', 'o/errors/errors.jsonl')
    >>> p.state.as_posix(), p.report.as_posix()
    ('o/.cleannews-run.json', 'o/report.json')
    >>> p = paths_for(Path("d/all.jsonl.gz"))
    >>> p.out.as_posix(), p.errors.as_posix(), p.state.as_posix(), p.mirror_out
    ('d/all.jsonl.gz', 'd/errors/errors.jsonl.gz', 'd/.all.jsonl.gz.cleannews-run.json', None)
    >>> p.report.as_posix(), paths_for("crawl.2024.jsonl").report.as_posix()
    ('d/all.report.json', 'crawl.2024.report.json')

    A name given as a string that ends with a slash is a folder, whatever its name says
    (``--out results.jsonl/`` wrote the file ``results.jsonl``; audit22):

    >>> paths_for("d/all.jsonl/").out.as_posix()
    'd/all.jsonl/clean.jsonl'
    """
    # a str is a path too (`paths_for("out")` was an AttributeError traceback)
    as_folder = names_folder(out)
    out, quarantine, errors = (None if p is None else Path(p) for p in (out, quarantine, errors))
    folder = out
    out_file = None
    if out is not None and not as_folder and is_out_file(out):
        folder, out_file = out.parent, out
        compress = compress or out.name.lower().endswith(".gz")
    gz = ".gz" if compress else ""
    if folder is None:
        qdir = quarantine or Path(STDOUT_SINK_FOLDERS["quarantine"])
        edir = errors or Path(STDOUT_SINK_FOLDERS["errors"])
    else:
        qdir = quarantine or folder / "quarantine"
        edir = errors or folder / "errors"
    if out_file is not None:
        # NAME of NAME.jsonl(.gz): `crawl.2024.jsonl` and `crawl.2025.jsonl` (the name up to
        # its first dot) shared `crawl.report.json`, each run writing over the other's (audit22)
        stem = out_file_stem(out_file.name)
        return SinkPaths(out=out_file, quarantine=qdir / (SINK_FILES["quarantine"] + gz),
                         errors=edir / (SINK_FILES["errors"] + gz),
                         state=folder / f".{out_file.name}{STATE_NAME}",
                         report=folder / f"{stem}.{REPORT_NAME}")
    lazy = () if folder is not None else tuple(
        name for name, given in (("quarantine", quarantine), ("errors", errors)) if given is None)
    return SinkPaths(
        out=None if folder is None else folder / (SINK_FILES["out"] + gz),
        quarantine=qdir / (SINK_FILES["quarantine"] + gz),
        errors=edir / (SINK_FILES["errors"] + gz),
        state=None if folder is None else folder / STATE_NAME,
        mirror_out=folder,
        mirror_quarantine=qdir,
        report=None if folder is None else folder / REPORT_NAME,
        drop_if_empty=lazy,
    )


def _refuse_foreign_outputs(paths: SinkPaths) -> None:
    """``score``'s outputs checked before they are opened: ``score`` writes its ``--out FILE``
    (and ``--errors DIR``'s file) again whole on every run, as ``--force`` does for ``run``,
    so a file that holds other data (not lines a cleannews command writes) is refused, as
    ``run`` refuses it without ``--force``: ``score a.jsonl --out b.jsonl``, where
    ``b.jsonl`` was another dataset, emptied it without a word (audit21).
    """
    from cleannews.batch.sinks import written_by_cleannews

    for name in paths.names():
        p = paths.sink(name)
        try:
            held = p is not None and p.is_file() and p.stat().st_size > 0
        except OSError:
            continue  # the open says what is wrong
        if held and not written_by_cleannews(p):  # type: ignore[arg-type]
            flag = "--errors" if name == "errors" and p != paths.out else "-o/--out"
            raise ResumeError(
                f"{p}: not a cleannews output (it already holds other data, not the lines "
                f"'cleannews score' writes): choose another place with {flag}, or remove "
                "the file first to write over it")


class Writer(NamedTuple):
    """What wrote an output folder, output file or sink file (:func:`writer_of`)."""

    #: the run state of the run writing there (it may not exist), ``None``: none named
    state: Path | None
    #: the report file the ``cleannews score`` run that wrote it was asked for (it may not
    #: exist; :func:`~cleannews.batch.sinks.score_owner`)
    scored: Path | None


def writer_of(path: Path) -> Writer:
    """What wrote the output folder, output file or sink file ``path``: a folder's run state,
    else what its owner file names (:func:`~cleannews.batch.sinks.owner_file`), read once
    (``cleannews report`` read it up to four times; round 34).

    >>> writer_of(Path("out")).state is None or True, writer_of(Path("/nonexistent/x.jsonl"))
    (True, Writer(state=None, scored=None))
    """
    if path.is_dir():
        return Writer(path / STATE_NAME, None)
    try:
        owner = read_owner(path)
    except OSError:
        return Writer(None, None)
    return Writer(Path(owner), owner_report(owner))


def unfinished_run(writer: Writer) -> int | None:
    """How many documents the run state of ``writer`` (:func:`writer_of`) says are committed
    when that run has not finished, else ``None`` (no state, a finished run)."""
    state = writer.state
    try:
        saved = json.loads(state.read_text("utf-8")) if state is not None else None
        return None if not isinstance(saved, dict) or saved.get("finished") else int(
            saved.get("done", 0))
    except (OSError, ValueError, TypeError):
        return None


def run_report_of(writer: Writer) -> Path | None:
    """The report of the run that wrote an output folder, output file or sink file
    (``writer``: :func:`writer_of`), when that report exists, else ``None``.

    A sink file names the run state that writes it (:func:`~cleannews.batch.sinks.owner_file`),
    and the state names the report (a run state of an earlier version does not: its report
    is then where :func:`paths_for` puts it). ``cleannews report out/clean.jsonl`` said "not a
    readable cleannews report (Extra data: line 2 column 1 …)".

    The output of ``cleannews score … --report FILE`` names its report in its owner file
    (:func:`~cleannews.batch.sinks.score_report`; round 33).
    """
    if writer.scored is not None:
        return writer.scored if writer.scored.is_file() else None
    state = writer.state
    if state is None:
        return None
    report = None
    try:
        saved = json.loads(state.read_text("utf-8"))
        report = Path(saved["report"]) if isinstance(saved.get("report"), str) else None
    except (OSError, ValueError, AttributeError):  # no state (a copied folder), or damaged
        pass
    if report is None:  # the places paths_for gives the report
        name = state.name
        report = (state.parent / REPORT_NAME if name == STATE_NAME else
                  paths_for(state.parent / name[1:-len(STATE_NAME)]).report
                  if name.startswith(".") and name.endswith(STATE_NAME) else None)
    return report if report is not None and report.is_file() else None


@checked_keywords
@dataclass
class RunSettings:
    """One batch run: inputs, options, sinks and how to run it."""

    inputs: list[str]
    paths: SinkPaths
    options: BatchOptions = field(default_factory=BatchOptions)
    jobs: int = 1
    resume: bool = False
    force: bool = False
    report: Path | None = None
    progress: bool = False
    min_score: float | None = None
    command: str = "run"
    templates: dict[str, Any] | None = None
    #: ``--find-copies`` settings (``{"drop_duplicates": bool}``), ``None`` when off
    copies: dict[str, Any] | None = None
    chunk_docs: int = CHUNK_DOCS
    chunk_bytes: int = CHUNK_BYTES
    #: the command line as typed (for the report), e.g. ``cleannews run seeds --out out``
    command_line: str | None = None
    #: process only the first ``limit`` documents (``--limit``)
    limit: int | None = None

    def __post_init__(self) -> None:
        """Paths given as ``Path`` are taken (``inputs=[Path("a.txt")]`` ended in an
        ``AttributeError`` traceback); one path given alone instead of a list is refused
        (``inputs="corpus"`` was read letter by letter: "c: no such file or folder"), and so
        are wrong types and counts below 1 (audit20)."""
        from cleannews.config import checked_count
        from cleannews.errors import ConfigError

        if isinstance(self.inputs, (str, bytes, os.PathLike)):
            raise ConfigError(f"RunSettings inputs must be a list of paths, got one "
                              f"{type(self.inputs).__name__}: inputs=[{self.inputs!r}]")
        try:
            self.inputs = [os.fspath(x) if isinstance(x, os.PathLike) else x
                           for x in self.inputs]
        except TypeError:
            raise ConfigError("RunSettings inputs must be a list of paths, got "
                              f"{type(self.inputs).__name__}") from None
        odd = [x for x in self.inputs if not isinstance(x, str)]
        if odd:
            raise ConfigError(f"RunSettings inputs must be paths (str or Path; '-' for "
                              f"standard input), got {odd[0]!r}")
        if not isinstance(self.paths, SinkPaths):
            raise ConfigError(f"RunSettings paths must be a SinkPaths (paths_for(Path('out'))), "
                              f"got {type(self.paths).__name__}")
        if not isinstance(self.options, BatchOptions):
            raise ConfigError(f"RunSettings options must be a BatchOptions, got "
                              f"{type(self.options).__name__}")
        if isinstance(self.report, (str, os.PathLike)):
            self.report = Path(self.report)
        for name in ("jobs", "chunk_docs", "chunk_bytes", "limit"):
            value = getattr(self, name)
            if value is None and name == "limit":
                continue
            checked_count(f"RunSettings {name}", value, 1)


def _chunks(items: Iterable[Item], max_docs: int, max_bytes: int) -> Iterator[list[Item]]:
    """Group items into lists of at most ``max_docs`` documents / ``max_bytes`` bytes."""
    chunk: list[Item] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item.payload)
        if len(chunk) >= max_docs or size >= max_bytes:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


#: Linux ``prctl`` option: the signal a process gets when its parent dies.
PR_SET_PDEATHSIG = 1
#: Seconds between two checks of the worker's parent by the watchdog thread.
WATCHDOG_INTERVAL = 0.5


def _set_parent_death_signal() -> bool:
    """Ask the kernel to SIGKILL this process when its parent dies (Linux ``prctl``).

    Returns ``False`` where that is not available (then the watchdog alone
    stops the worker). Called in worker processes only: it changes the
    calling process. The signal is armed with::

        prctl(PR_SET_PDEATHSIG, SIGKILL)  # PR_SET_PDEATHSIG == 1 on Linux
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int, interval: float = WATCHDOG_INTERVAL) -> None:
    """Thread body: end this process as soon as its parent ``parent`` is gone.

    Portable fallback of the parent-death signal: an orphan is re-parented,
    so ``os.getppid()`` changes. ``os._exit`` because the pool's queues may
    be blocked forever once the parent is dead.
    """
    while os.getppid() == parent:
        time.sleep(interval)
    os._exit(EXIT_ORPHANED)


#: Exit status of a worker that stopped because the main process died.
EXIT_ORPHANED = 70


def die_with_parent(parent: int) -> None:
    """Make this (worker) process end when ``parent`` dies: ``prctl`` plus a watchdog thread."""
    import threading

    _set_parent_death_signal()
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(EXIT_ORPHANED)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True,
                     name="cleannews-parent-watchdog").start()


def _worker_init(opts: BatchOptions, parent: int) -> None:
    """Worker initializer: die with the main process; Ctrl-C and SIGTERM (sent to the whole
    process group by a terminal or a job scheduler) are handled by the main process, which
    stops the run and its workers."""
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    init_worker(opts)
    if opts.doc_timeout is not None:  # a spawned worker loads the models here, not in the
        warm_up(opts)                 # first document's --doc-timeout (forked: milliseconds)


def _executor(jobs: int, opts: BatchOptions) -> ProcessPoolExecutor:
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_worker_init,
                               initargs=(opts, os.getpid()))


def _isolate(chunk: list[Item], opts: BatchOptions) -> list[DocResult]:
    """Re-run a chunk that killed its worker (or outlived its time limit), one document per
    fresh process.

    The document that kills its process again goes to the errors sink (``crash``); with
    ``--doc-timeout`` a document whose process does not answer within the limit and
    ``HARD_TIMEOUT_GRACE_S`` is killed with it and goes there as a ``timeout``.
    """
    results = []
    wait = None if opts.doc_timeout is None else opts.doc_timeout + HARD_TIMEOUT_GRACE_S
    for item in chunk:
        ex = _executor(1, opts)
        killed = True
        try:
            results.extend(_answer(ex.submit(process_chunk, [item]), wait))
            killed = False
        except BrokenProcessPool:
            results.append(crash_result(item, opts))
        except FutureTimeout:
            results.append(timeout_result(item, opts))
        finally:
            _stop_pool(ex, kill=killed)
    return results


def _chunk_wait(p: _Pending, opts: BatchOptions) -> float | None:
    """How long the main process waits for a chunk's answer before it kills the worker:
    ``None`` (for ever) without ``--doc-timeout``, else the chunk's documents times the limit
    plus ``HARD_TIMEOUT_GRACE_S`` (the alarm in the worker stops each document on time; this
    is for one stuck in C code)."""
    if opts.doc_timeout is None:
        return None
    return len(p.sent) * opts.doc_timeout + HARD_TIMEOUT_GRACE_S


#: Seconds between two looks at :func:`~cleannews.batch.stop.check` while the main process
#: waits for a worker's answer: a Ctrl-C or SIGTERM whose raise Python swallowed (in a
#: callback, before the wait began) stops the run within this time, not after the chunk.
STOP_CHECK_S = 0.25


def _answer(future: Future, timeout: float | None) -> Any:
    """``future.result(timeout)``, waited for in slices of :data:`STOP_CHECK_S` with a
    :func:`~cleannews.batch.stop.check` between them (round 28).

    >>> from concurrent.futures import ThreadPoolExecutor
    >>> with ThreadPoolExecutor(1) as ex:
    ...     _answer(ex.submit(sum, [1, 2]), None)
    3
    """
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        check_stop()
        left = None if deadline is None else deadline - time.monotonic()
        if left is not None and left <= 0:
            raise FutureTimeout
        wait_futures([future], STOP_CHECK_S if left is None else min(STOP_CHECK_S, left))
        if future.done():
            return future.result()


@dataclass
class _Pending:
    """A chunk in flight: the items sent to a worker, and the too-large ones answered here."""

    chunk: list[Item]
    local: list[DocResult]
    sent: list[Item]
    future: Future | None = None

    def submit(self, ex: ProcessPoolExecutor) -> _Pending:
        """Send the chunk to ``ex``. A pool a worker died in since the last answer refuses
        it (``submit`` raises :class:`BrokenProcessPool`): the chunk then waits with that
        error as its answer, and is re-run as the dead worker's chunk is (:func:`_parallel`).
        The error escaped the run, a traceback that stopped it with every chunk in flight
        (round 31: a worker killed by one document while the main process sent the next)."""
        if not self.sent:
            self.future = None
            return self
        try:
            self.future = ex.submit(process_chunk, self.sent)
        except BrokenProcessPool as exc:
            self.future = Future()
            self.future.set_exception(exc)
        return self


def _prepare(chunk: list[Item], opts: BatchOptions) -> _Pending:
    """Split a chunk: records above ``--max-record-mb`` become error records right here (from
    their size, without decoding), so a worker never receives one."""
    local = [process_item(i, opts) for i in chunk if too_large(i, opts)]
    done = {r.seq for r in local}
    return _Pending(chunk, local, [i for i in chunk if i.seq not in done])


def _merge(p: _Pending, results: list[DocResult]) -> list[DocResult]:
    return sorted([*p.local, *results], key=lambda r: r.seq) if p.local else results


def _parallel(chunks: Iterator[list[Item]], opts: BatchOptions, jobs: int
              ) -> Iterator[list[DocResult]]:
    """Results of each chunk, in order, computed by ``jobs`` processes."""
    first = next(chunks, None)
    if first is None:  # no document (an empty stdin): no 5 s of loading models, no pool
        return
    chunks = itertools.chain([first], chunks)
    if "fork" in multiprocessing.get_all_start_methods():
        warm_up(opts)  # forked workers inherit the loaded resources
    ex = _executor(jobs, opts)
    pending: deque[_Pending] = deque()
    exhausted = False
    try:
        while True:
            while not exhausted and len(pending) < jobs * IN_FLIGHT_PER_JOB:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                pending.append(_prepare(chunk, opts).submit(ex))
            if not pending:
                return
            p = pending.popleft()
            try:
                results = _answer(p.future, _chunk_wait(p, opts)) if p.future is not None else []
            except (BrokenProcessPool, FutureTimeout) as exc:
                log.warning("a worker process %s; re-running its documents one by one",
                            "died" if isinstance(exc, BrokenProcessPool) else
                            "did not answer within --doc-timeout and was stopped")
                _stop_pool(ex, kill=True)  # the other chunks are sent again below
                results = _isolate(p.sent, opts)
                ex = _executor(jobs, opts)
                pending = deque(q.submit(ex) for q in pending)
            yield _merge(p, results)
    finally:
        # `exhausted and not pending`: every chunk answered, the workers idle
        _stop_pool(ex, kill=not (exhausted and not pending))


def _stop_pool(ex: ProcessPoolExecutor, *, kill: bool) -> None:
    """Shut the pool down and wait until its manager thread has ended; ``kill``: SIGKILL the
    workers first (a run stopped early -- a closed pipe, Ctrl-C, an I/O error -- does not wait
    for the chunks they are still cleaning; the main process writes every record, so a
    killed worker loses nothing).

    ``shutdown(wait=False)`` left the pool's manager thread closing its wake-up pipe while the
    interpreter exited, and the exit hook of ``concurrent.futures`` (``_python_exit``, which
    writes to that pipe without its lock on Python < 3.12) then printed ``Exception ignored in
    atexit callback … OSError: [Errno 9] Bad file descriptor`` now and then after
    ``cleannews score … | head -1``.
    """
    if kill:
        procs = list((getattr(ex, "_processes", None) or {}).values())
        for proc in procs:
            try:
                proc.kill()
            except (OSError, ValueError, AttributeError):  # already gone, or closed
                pass
        _unblock_results(ex, procs)
    ex.shutdown(wait=True, cancel_futures=True)


#: Seconds :func:`_unblock_results` waits for killed workers to be gone.
KILLED_WORKERS_WAIT_S = 5.0


def _unblock_results(ex: ProcessPoolExecutor, procs: list) -> None:
    """Close this process's copy of the pool's result pipe once the killed ``procs`` are gone.

    A worker killed (by us, or by the SIGTERM a scheduler sends the whole process group)
    while it was writing a result leaves half a message in the pipe. The pool's manager
    thread, reading it, then waits for the rest forever -- the parent's own copy of the
    pipe's write end keeps the pipe open --, and ``shutdown(wait=True)`` and the
    interpreter's exit with it (CI clone run 176: a SIGTERM'd ``run -j 2`` hung). With that
    copy closed and the workers dead, the read ends in ``EOFError``, which the manager
    thread takes for a broken pool: it cleans up and ends. Nothing is lost: the main process
    writes every record, and the chunks in flight are sent again or the run stops.

    >>> import concurrent.futures as cf
    >>> ex = cf.ProcessPoolExecutor(1)
    >>> _unblock_results(ex, [])          # no worker started: the pipe is simply closed
    >>> ex._result_queue._writer.closed
    True
    >>> ex.shutdown()
    """
    sentinels = []
    for proc in procs:
        try:
            sentinels.append(proc.sentinel)
        except (ValueError, AttributeError):  # closed, or never started
            pass
    deadline = time.monotonic() + KILLED_WORKERS_WAIT_S
    while sentinels and (left := deadline - time.monotonic()) > 0:
        ready = multiprocessing.connection.wait(sentinels, left)
        sentinels = [s for s in sentinels if s not in ready]
    writer = getattr(getattr(ex, "_result_queue", None), "_writer", None)
    if writer is not None:
        try:
            writer.close()
        except OSError:
            pass


def _results(chunks: Iterator[list[Item]], opts: BatchOptions, jobs: int
             ) -> Iterator[list[DocResult]]:
    if opts.doc_timeout is not None and not (hasattr(signal, "setitimer") and (
            jobs > 1 or can_interrupt())):
        log.warning("--doc-timeout: %s", "documents are not interrupted here (no setitimer on "
                    "this platform): a worker that does not answer a chunk in time is killed "
                    "and replaced" if jobs > 1 else "the limit is not applied with --jobs 1 "
                    "here (no setitimer on this platform, or not the main thread): give "
                    "--jobs 2 or more")
    if jobs <= 1:
        init_worker(opts)
        return _serial(chunks, opts)
    return _parallel(chunks, opts, jobs)


def _serial(chunks: Iterator[list[Item]], opts: BatchOptions) -> Iterator[list[DocResult]]:
    """Results of each chunk, in order, computed in this process (``--jobs 1``;
    :func:`~cleannews.batch.process.process_chunk` looks for a stop signal between its
    documents)."""
    for n, chunk in enumerate(chunks):
        if n == 0 and opts.doc_timeout is not None:
            warm_up(opts)  # loading the models is not the first document's time
        yield process_chunk(chunk, opts)


def fingerprint(settings: RunSettings) -> dict[str, Any]:
    """What must not change between a run and its ``--resume``."""
    o = settings.options
    return {
        "command": settings.command,
        "inputs": list(settings.inputs),
        "config": o.config.to_dict(),
        "text_field": o.text_field,
        "id_field": o.id_field,
        "format": o.fmt,
        "max_record_bytes": o.max_record_bytes,
        "mode": o.mode,
        "min_score": settings.min_score,
        # whether --source-field was named only says when to warn: a run resumed with the
        # default field named (or not) is the same run
        "templates": settings.templates and {
            k: v for k, v in settings.templates.items() if k != SOURCE_FIELD_NAMED},
        "copies": settings.copies,
        "evidence": o.evidence,
        "limit": settings.limit,
        "compressed": [str(p) for p in (settings.paths.out, settings.paths.quarantine,
                                        settings.paths.errors) if p and p.name.endswith(".gz")],
    }


def _keep(r: DocResult, min_score: float | None) -> bool:
    """``score --min-score``: drop score lines below the threshold (errors always kept)."""
    return min_score is None or r.sink == "errors" or (r.spin_score or 0.0) >= min_score


def input_bytes(inputs: list[str], exclude: Iterable[Path] = ()) -> int | None:
    """Total size of the inputs when it is known up front (files counted, JSONL bytes).

    ``None`` for standard input and for compressed files (their decompressed
    size is unknown): the progress bar then shows counts and rates only.
    """
    from cleannews.batch.sources import expand_inputs, gzipped, kind_of

    total = 0
    try:
        for name in expand_inputs(inputs, exclude, warn=False):
            if name == "-" or name.lower().endswith(".gz") or (
                    kind_of(name) == "jsonl" and gzipped(name)):  # gzip data named .jsonl
                return None
            total += os.path.getsize(name)
    except OSError:
        return None
    return total


class Progress:
    """The progress line on stderr: bytes done of the total (so an ETA), documents and their rate.

    ``cleannews:  45%|████▌     | 9.10M/20.0M [00:08<00:10, 1.10MB/s, 1856 docs, 232 docs/s]``
    """

    def __init__(self, total: int | None, initial_bytes: int, initial_docs: int) -> None:
        from tqdm import tqdm

        self.docs = initial_docs
        self._docs0 = initial_docs
        self._start = time.monotonic()
        self.bar = tqdm(total=total, initial=initial_bytes, unit="B", unit_scale=True,
                        unit_divisor=1000, file=sys.stderr, dynamic_ncols=True,
                        desc="cleannews", smoothing=0.1)

    def update(self, docs: int, nbytes: int) -> None:
        self.docs += docs
        rate = (self.docs - self._docs0) / max(time.monotonic() - self._start, 1e-9)
        self.bar.set_postfix_str(f"{self.docs} docs, {rate:.0f} docs/s", refresh=False)
        self.bar.update(nbytes)

    def close(self) -> None:
        self.bar.close()


def _progress(settings: RunSettings, stats: RunStats, done: int) -> Progress | None:
    if not settings.progress:
        return None
    total = None if settings.limit else input_bytes(settings.inputs, _exclude(settings.paths))
    return Progress(total, stats.bytes_in, done)


def _exclude(paths: SinkPaths) -> list[Path]:
    """Output folders and files not to read as input (when they lie inside an input folder),
    the files standard output and standard error go to among them (``run corpus --out - >
    corpus/all.jsonl`` read its own output; audit22)."""
    dirs = [paths.mirror_out, paths.mirror_quarantine, paths.out]
    dirs += [p.parent for p in (paths.quarantine, paths.errors, paths.duplicates)
             if p is not None]
    dirs += log_files()
    return [d for d in dirs if d is not None]


TEMPLATES_NAME = ".cleannews-templates.json"
#: Key of :attr:`RunSettings.templates` set when the user named ``--source-field`` (then
#: the first document it does not source is said: ``learn_templates(named=True)``).
SOURCE_FIELD_NAMED = "source_field_named"


def _beside_state(settings: RunSettings, name: str) -> Path | None:
    """A file of this run's look-ahead pass beside its state, named after the run's output
    (``.x.jsonl.cleannews-copies.json`` for ``--out x.jsonl``), or ``None`` without state."""
    state = settings.paths.state
    return None if state is None else state.with_name(state.name.replace(STATE_NAME, name))


def _look_ahead(settings: RunSettings, sinks: Sinks, stdin: Any, name: str,
                learn: Callable[[Iterator[Item]], dict[str, Any]]) -> dict[str, Any]:
    """The state of a first pass over the inputs (site templates, copies): ``learn``
    over the items, saved beside the run state, or read back from there on resume."""
    saved = _beside_state(settings, name)
    if sinks.resumed and saved is not None and saved.exists():
        return json.loads(saved.read_text("utf-8"))
    items = iter_items(settings.inputs, settings.options.fmt, stdin=stdin,
                       exclude=_exclude(settings.paths), limit=settings.limit, warn=False)
    state = learn(_checked(items))
    if saved is not None:
        atomic_write(saved, json.dumps(state).encode("utf-8"))
    return state


def _with_templates(settings: RunSettings, sinks: Sinks, stdin: Any) -> BatchOptions:
    """Options carrying the learnt site templates (first pass, or the saved state on resume)."""
    from dataclasses import replace

    from cleannews.batch.templates import learn_templates

    t = settings.templates or {}
    source_field = t.get("source_field", "url")
    state = _look_ahead(settings, sinks, stdin, TEMPLATES_NAME, lambda items: learn_templates(
        items, settings.options.text_field, source_field, t.get("min_count"),
        named=bool(t.get(SOURCE_FIELD_NAMED))))
    return replace(settings.options, templates=state, source_field=source_field)


def _with_copies(settings: RunSettings, sinks: Sinks, stdin: Any,
                 options: BatchOptions) -> BatchOptions:
    """Options carrying the copy state (first pass, or the saved state on resume)."""
    from dataclasses import replace

    from cleannews.batch.copies import COPIES_NAME, learn_copies

    # a record the run will refuse (too large) can be nobody's original: its copies
    # would go to the duplicates sink and the article to no clean record
    state = _look_ahead(settings, sinks, stdin, COPIES_NAME, lambda items: learn_copies(
        (i for i in items if not too_large(i, options)), options.text_field, options.id_field,
        fmt=options.fmt, config=options.config, doc_timeout=options.doc_timeout))
    return replace(options, copies=state,
                   drop_duplicates=bool((settings.copies or {}).get("drop_duplicates")))


class UnsupportedInput(ResumeError):
    """An input cleannews cannot read (Parquet): a usage error, raised before any work."""


class MissingInput(ResumeError, FileNotFoundError):
    """An INPUT that does not exist: a usage error, raised before any output is created.

    A ``FileNotFoundError`` too (what :func:`run_batch` always raised for it), and a
    :class:`ResumeError`, so the command line prints it as it is: no run started, so
    there is nothing to ``--resume``.

    >>> isinstance(MissingInput("x: no such file or folder"), FileNotFoundError)
    True
    """


#: First bytes of a Parquet file.
PARQUET_MAGIC = b"PAR1"


def is_parquet(name: str) -> bool:
    """A Parquet file, by its extension or its first bytes (folders and pipes: no; reading a
    pipe's first bytes would take them from the run)."""
    if name.lower().endswith(PARQUET_SUFFIXES):
        return True
    if not os.path.isfile(name):
        return False
    try:
        with open(name, "rb") as f:
            return f.read(len(PARQUET_MAGIC)) == PARQUET_MAGIC
    except OSError:  # a folder, or unreadable: reported later
        return False


#: Failed documents a run names on stderr as warnings (the others with ``-v``).
FAILURES_SHOWN = 5


def failure_line(r: DocResult) -> str:
    """One line naming a failed document: where it is, its id, the error type and message.

    >>> r = DocResult(0, "errors", "a5", json.dumps({"id": "a5", "source": {"path": "c.jsonl",
    ...     "line": 9}, "error": {"type": "type", "message": "field 'text' is a number, not a "
    ...     "string"}}), error_type="type")
    >>> failure_line(r)
    "c.jsonl:9 (id a5): type: field 'text' is a number, not a string"
    """
    path, line, message = "", None, ""
    try:
        rec = json.loads(r.line or r.data)  # the worker sends the record as bytes
        src, err = rec.get("source") or {}, rec.get("error") or {}
        path, line = str(src.get("path") or ""), src.get("line")
        message = str(err.get("message", ""))
    except (ValueError, AttributeError):  # not a record of ours: the id and type only
        pass
    # an id of megabytes (`--id-field` at the text field) was printed whole; a path is not cut
    shown = shown_id(r.id)
    where = (path or shown) + ("" if line is None else f":{line}")
    ident = "" if where in (r.id, shown) else f" (id {shown})"
    from cleannews.batch.sources import terminal_safe

    # an id or a message from the data, printed raw: "\n" forged log lines, ESC ran
    return terminal_safe(f"{where}{ident}: {r.error_type}: {message}")


@contextmanager
def _above_bar(bar: Progress | None) -> Iterator[None]:
    """Log lines above the progress bar ``bar`` (if any): it is cleared first and drawn again
    after, as the lines would break it."""
    if bar is not None:
        bar.bar.clear()
    try:
        yield
    finally:
        if bar is not None:
            bar.bar.refresh()


def _tell_failures(results: list[DocResult], told: list[int], errors: Path | None,
                   bar: Progress | None = None) -> None:
    """Log the failed documents of a chunk: the first :data:`FAILURES_SHOWN` as warnings,
    the others at info level (``-v``); the summary only counted them by type
    (:func:`_above_bar`)."""
    failed = [r for r in results if r.error_type is not None]
    if not failed or (told[0] >= FAILURES_SHOWN and not log.isEnabledFor(logging.INFO)):
        return
    with _above_bar(bar):
        for r in failed:
            told[0] += 1
            if told[0] <= FAILURES_SHOWN:
                log.warning("%s", failure_line(r))
                if told[0] == FAILURES_SHOWN:
                    log.warning("further failed documents: %s (-v names each on stderr)",
                                errors or "the error lines of the output")
            elif log.isEnabledFor(logging.INFO):
                log.info("%s", failure_line(r))


#: How the record a run appends its object to ends: ``…,"cleannews":{"id":"a1",…}}``.
_RECORD_ID = b'"cleannews":{"id":'


def _committed_ids(paths: SinkPaths) -> Iterator[str]:
    """The ids of the records in the sinks of a resumed run (truncated to its committed part
    by then), so that its check of repeated ids starts where the interrupted run was: a
    clean, quarantine or duplicates record's ``cleannews.id`` (the object the run appended,
    last on the line), an error record's or a score line's ``id`` (first on the line).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); p = paths_for(d)
    >>> _ = p.out.write_bytes(b'{"id": 1, "t": "x","cleannews":{"id":"a1","text":"x"}}\\n')
    >>> p.errors.parent.mkdir(); _ = p.errors.write_bytes(b'{"id": "in.jsonl:2", "error": {}}\\n')
    >>> list(_committed_ids(p))
    ['a1', 'in.jsonl:2']
    """
    import gzip

    decoder = json.JSONDecoder()
    for name in paths.names():
        path = paths.sink(name)
        if path is None or not path.is_file():
            continue
        try:
            with (gzip.open if path.name.endswith(".gz") else open)(path, "rb") as fh:
                for line in fh:
                    at = line.rfind(_RECORD_ID)
                    start = at + len(_RECORD_ID) if at >= 0 else (
                        len(b'{"id":') if line.startswith(b'{"id":') else -1)
                    if start < 0:
                        continue
                    try:
                        ident = decoder.raw_decode(line[start:].decode("utf-8", "replace")
                                                   .lstrip())[0]
                    except ValueError:
                        continue
                    if isinstance(ident, str):
                        yield ident
        except (OSError, EOFError, zlib.error):  # unreadable: the check starts afresh
            continue


def _tell_missing_id(r: DocResult, where: str | None, id_field: str,
                     bar: Progress | None) -> bool:
    """Warn, once per run, that a JSONL record has no ``--id-field`` the user chose (its
    :attr:`~cleannews.batch.process.DocResult.id_note`): a misspelt field named every record
    ``PATH:LINE`` without a word (round 32). Returns ``True`` (told)."""
    from cleannews.batch.sources import terminal_safe

    with _above_bar(bar):
        log.warning("%s", terminal_safe(
            f"{where or r.id}: {r.id_note}: the record is named by its place ({r.id}), and so "
            f"is every later record without a {id_field!r} field (not named again)"))
    return True


#: How many records writing a key twice are named as warnings (the others at info level, -v).
DUPLICATE_KEYS_LISTED = 20


def _tell_duplicate_keys(r: DocResult, told: int, bar: Progress | None) -> int:
    """Log the warning of a record that writes a key twice
    (:func:`~cleannews.batch.process.duplicate_key_warning`): the first
    :data:`DUPLICATE_KEYS_LISTED` as warnings, the others at info level (``-v``); returns how
    many were told. Such a record was read last-value-wins without a word (round 40 audit)."""
    told += 1
    if told > DUPLICATE_KEYS_LISTED and not log.isEnabledFor(logging.INFO):
        return told
    with _above_bar(bar):
        if told <= DUPLICATE_KEYS_LISTED:
            log.warning("%s", r.duplicate_keys)
            if told == DUPLICATE_KEYS_LISTED:
                log.warning("further records that write a key twice are not named (-v names "
                            "each)")
        else:
            log.info("%s", r.duplicate_keys)
    return told


def _tell_repeated(r: DocResult, where: str | None, count: int, bar: Progress | None) -> None:
    """Log a document whose id an earlier document had: the first
    :data:`~cleannews.batch.stats.REPEATED_IDS_LISTED` as warnings, the others at info level
    (``-v``). Two records with one id made the outputs ambiguous without a word."""
    if count > REPEATED_IDS_LISTED and not log.isEnabledFor(logging.INFO):
        return
    from cleannews.batch.sources import terminal_safe

    shown = shown_id(r.id)  # an id of megabytes was printed whole
    line = terminal_safe(f"{where or shown}: id {shown!r} was already given to an earlier "
                         "document; its record keeps it too (tell such records apart by their "
                         "source: path and line)")
    with _above_bar(bar):
        if count <= REPEATED_IDS_LISTED:
            log.warning("%s", line)
            if count == REPEATED_IDS_LISTED:
                log.warning("further repeated ids are counted in the report (-v names each)")
        else:
            log.info("%s", line)


def _written_input(name: str, settings: RunSettings) -> str | None:
    """Which output of the run (``"output"``, ``"errors sink"`` …) is the input file ``name``
    itself, or ``None``.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); f = d / "d.jsonl"; _ = f.write_text("{}")
    >>> _written_input(str(f), RunSettings([str(f)], paths_for(f)))
    'output'
    >>> _written_input(str(f), RunSettings([str(f)], paths_for(d / "o")))
    """
    p = settings.paths
    outputs = (("output", p.out), ("quarantine sink", p.quarantine), ("errors sink", p.errors),
               ("duplicates sink", p.duplicates),
               ("report", None if settings.report == REPORT_STDOUT else settings.report))
    if name != "-" and os.path.isdir(name):
        return _written_folder_file(name, outputs)
    if name == "-" or not os.path.isfile(name):
        return None
    for what, path in outputs:
        try:
            if path is not None and path.exists() and os.path.samefile(name, path):
                return what
        except OSError:
            continue
    return None


def _written_folder_file(folder: str, outputs: Iterable[tuple[str, Path | None]]) -> str | None:
    """An output that is an existing input file of the input ``folder`` (``score corpus --out
    corpus/a.txt``, ``run corpus --report corpus/b.txt``: the file was read, or skipped, then
    overwritten), as ``"report (corpus/b.txt, a file of this input folder)"``, else ``None``.
    A ``.jsonl`` sink of an earlier run inside the folder is skipped by the walk, not an
    input: it is left to the run (``--out corpus/all.jsonl`` can be resumed)."""
    root = Path(folder).resolve()
    for what, path in outputs:
        if path is None or not path.is_file() or (
                kind_of(path.name) is None and not gzip_document(path.name)):
            continue  # (a folder's .txt.gz is one of its inputs since audit20)
        if kind_of(path.name) == "jsonl" and what != "report":
            continue
        try:
            path.resolve().relative_to(root)
        except (OSError, ValueError):
            continue
        return f"{what} ({path}, a file of this input folder)"
    return None


def _placed(items: Iterable[Item], places: dict[int, str]) -> Iterator[Item]:
    """``items``, noting where each comes from in ``places`` (seq -> :func:`place`); a stop
    signal recorded (:func:`~cleannews.batch.stop.check`) stops the reading."""
    for item in _checked(items):
        places[item.seq] = place(item)
        yield item


def _checked(items: Iterable[Item]) -> Iterator[Item]:
    """``items``, with a look for a stop signal before each (:func:`cleannews.batch.stop.check`:
    a Ctrl-C or SIGTERM whose raise Python swallowed stops the run at the next document)."""
    for item in items:
        check_stop()
        yield item


def _resumable(results: Iterator[list[DocResult]]) -> Iterator[list[DocResult]]:
    """``results``; inputs that changed under a ``--resume`` (:class:`InputsChanged`, raised
    before any new document) become a :class:`ResumeError` (exit 2, nothing written)."""
    try:
        yield from results
    except InputsChanged as exc:
        raise ResumeError(str(exc)) from None


def _mirrored_onto(name: str, paths: SinkPaths) -> Path | None:
    """The mirror folder (output or quarantine) whose mirrored text of the input ``name`` (a
    file or a folder, given relatively) would land on ``name`` itself, else ``None``:
    ``run corpus --out .`` (``./corpus/a.txt`` is ``corpus/a.txt``)."""
    if name == "-" or not os.path.exists(name) or is_stream(name):
        return None
    rel = Path(name).as_posix()
    # `../x.txt`, `/data/x.txt`: mirrored under a changed name
    if safe_relpath(rel, backslash_separates=False) != rel:
        return None
    for root in (paths.mirror_out, paths.mirror_quarantine):
        try:
            if root is not None and (root / rel).resolve() == Path(name).resolve():
                return root
        except OSError:
            continue
    return None


def _sink_clash(settings: RunSettings) -> str | None:
    """Two outputs of one run where one's file would be the other's folder, or ``None``.

    >>> s = RunSettings([], paths_for(Path("x.jsonl"), errors=Path("x.jsonl")))
    >>> _sink_clash(s).split(os.sep)[-1]
    'x.jsonl is the output file (--out) and the folder of the errors sink (--errors)'
    >>> _sink_clash(RunSettings([], paths_for(Path("o")))) is None
    True
    """
    p = settings.paths
    named = [("output file (--out)", p.out), ("quarantine sink (--quarantine)", p.quarantine),
             ("errors sink (--errors)", p.errors), ("duplicates sink", p.duplicates),
             ("report (--report)", None if settings.report == REPORT_STDOUT else
              (settings.report or p.report)), ("run state", p.state)]
    files = [(what, Path(os.path.abspath(f))) for what, f in named if f is not None]
    for what, f in files:
        for other, g in files:
            if f in g.parents:
                return f"{f} is the {what} and the folder of the {other}"
    # the report is written last, over whatever file it names: `--report out/clean.jsonl`
    # replaced the clean records with the report, `score --out s.jsonl --report s.jsonl` the
    # score lines, `--report out/.cleannews-run.json` the run state (audit22)
    report = [f for what, f in files if what == "report (--report)"]
    for what, g in files:
        if report and what != "report (--report)" and g == report[0]:
            return f"{g} is the report (--report) and the {what}"
    return None


def _report_of_another_run(settings: RunSettings) -> str | None:
    """The run state of another run whose report is this run's report file, or ``None``: run
    states beside the report name it (``"report"``), and this run's own state is not another
    run's (audit22)."""
    report = Path(os.path.abspath(settings.report))  # type: ignore[arg-type]
    mine = settings.paths.state and Path(os.path.abspath(settings.paths.state))
    try:
        names = os.listdir(report.parent)
    except OSError:
        return None
    for name in sorted(names):
        state = report.parent / name
        if not name.endswith(STATE_NAME) or state == mine:
            continue
        try:
            saved = json.loads(state.read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(saved, dict) and saved.get("report") == str(report):
            return str(state)
    return None


def _sink_folder(name: str, paths: SinkPaths) -> str | None:
    """Which output folder the input folder ``name`` is (``"output folder (--out)"`` …), if
    any. A folder *inside* an input folder is fine (the walk skips it); the input folder
    itself cannot be skipped without skipping the input."""
    if name == "-" or not os.path.isdir(name):
        return None
    def folder_of(sink: Path | None) -> Path | None:  # a sink sharing the output file: none
        return None if sink is None or sink == paths.out else sink.parent

    folders = (("output folder (--out)", paths.mirror_out),
               ("quarantine folder (--quarantine)", paths.mirror_quarantine),
               ("quarantine folder (--quarantine)", folder_of(paths.quarantine)),
               ("errors folder (--errors)", folder_of(paths.errors)),
               ("duplicates folder", folder_of(paths.duplicates)))
    here = Path(name).resolve()
    for what, folder in folders:
        if folder is not None and folder.resolve() == here:
            return what
    return None


#: Attribute of the :class:`BrokenPipeError` :func:`run_batch` raises when standard output's
#: reader went away (``score … | head``): how many documents had failed before (the command
#: line's exit code, ``cli._batch.execute``).
FAILED_ATTR = "cleannews_failed"
#: ``--report -``: the report is written to standard output (it made a file named ``-``).
REPORT_STDOUT = Path("-")


def run_batch(settings: RunSettings, *, stdin: Any = None) -> dict[str, Any]:
    """Run a batch; return the report (also written to ``settings.report``).

    Raises ``OSError`` (I/O), ``FileNotFoundError`` (missing input) and
    :class:`~cleannews.batch.sinks.ResumeError`; one bad document never raises.
    """
    if not isinstance(settings, RunSettings):  # a dict: "'dict' object has no attribute …"
        from cleannews.errors import ConfigError

        raise ConfigError(f"run_batch takes a RunSettings (RunSettings(inputs=[...], "
                          f"paths=paths_for('out'))), got {type(settings).__name__}")
    to_file = settings.report is not None and settings.report != REPORT_STDOUT
    if to_file and settings.report.is_dir():  # type: ignore[union-attr]
        # found only when the report is written, after the whole run
        raise UnsupportedInput(f"--report {settings.report}: a folder, not a file; give the "
                               "report a file name (e.g. report.json)")
    clash = _sink_clash(settings)
    if clash is not None:
        # `--out x.jsonl --errors x.jsonl`: a folder x.jsonl was made, then the run refused
        # with "already hold(s) records of another cleannews run", the folder left behind
        raise UnsupportedInput(f"{clash}: give each output its own place")
    if to_file and (other := _report_of_another_run(settings)):
        # `--out a.jsonl` and `--out a.jsonl.gz` in one folder both write `a.report.json`:
        # the second replaced the first's report, and `report a.jsonl` showed the other run
        raise UnsupportedInput(
            f"{settings.report} is the report of another cleannews run (its run state: "
            f"{other}): give this run's report another name with --report FILE, or "
            "another --out")
    problem = _output_problem(settings)
    if problem is not None:  # before any output is created, before any work
        raise UnsupportedInput(problem)
    if to_file and (problem := _unwritable_place(settings.report)):  # type: ignore[arg-type]
        # `--report notes.txt/r.json`: found only after the whole run, which then exited 2
        raise UnsupportedInput(f"--report {settings.report}: {problem}")
    stdout = stdout_file()
    for name in settings.inputs:  # fail before creating any output
        if name != "-" and not os.path.exists(name):
            try:  # a link loop "exists" no more than a missing file, but is not one
                os.stat(name)
                why = MISSING_INPUT
            except OSError as exc:
                why = read_problem(exc)  # "Too many levels of symbolic links", as `clean` says
            raise MissingInput(f"{name}: {why}")
        onto = _mirrored_onto(name, settings.paths)
        if onto is not None:
            # `run corpus --out .`: DIR/corpus/a.txt *is* corpus/a.txt, so every input text
            # file was replaced by its cleaned text (and `a.html.txt` added beside a page)
            raise UnsupportedInput(
                f"{name}: the cleaned texts would be written over the input itself ({onto}/"
                f"{name} is {name}): give an output folder that is not where the inputs are "
                "(e.g. --out out)")
        sink = _sink_folder(name, settings.paths)
        if sink is not None:
            # its mirrored texts (or sink records) land inside it: a --resume or --force run,
            # or the next run on that folder, would read them back as new documents
            raise UnsupportedInput(
                f"{name} is both an input folder and the {sink}: the records or cleaned "
                "texts written there would be read back as input by a later run; write the "
                "output elsewhere (an output folder inside an input folder is fine: it is "
                "skipped)")
        if (settings.paths.out is None or settings.paths.errors is None) \
                and is_stdout_file(name, stdout):
            # `run a.jsonl --out - >> a.jsonl` read the records it appended, without end
            raise UnsupportedInput(
                f"{name} is both an input and the file standard output writes to: the "
                "records written would be read again as input; redirect the output to "
                "another file")
        clash = _written_input(name, settings)
        if clash is not None:
            # the sink is opened (and truncated, with --force or by score) before the input
            # is read: `score d.jsonl --out d.jsonl` emptied d.jsonl
            raise UnsupportedInput(
                f"{name} is both an input and the {clash} of this run: writing it would "
                "destroy the input; write the output elsewhere")
        if name != "-" and settings.options.fmt == "auto" and json_kind(name) == "document":
            raise UnsupportedInput(
                f"{name}: a JSON document (an array of records or one object), not JSONL (one "
                "object per line): every record would be one text; convert it first, e.g. "
                f"jq -c '.[]' {name} > records.jsonl (or jq -c . for one object)")
        if name != "-" and is_parquet(name):
            raise UnsupportedInput(
                f"{name}: Parquet input is not supported; convert it to JSONL first, e.g. "
                "python -c \"import pandas as pd, sys; pd.read_parquet(sys.argv[1]).to_json("
                "sys.argv[2], orient='records', lines=True, force_ascii=False)\" "
                f"{name} out.jsonl")
    for flag, wanted in (("--site-templates", settings.templates is not None),
                         ("--find-copies", settings.copies is not None)):
        if wanted and any(n == "-" or is_stream(n) for n in settings.inputs):
            # refused before any output exists
            raise ResumeError(f"{flag} reads the input twice: it cannot read stdin or a pipe")
    if settings.command == "score":
        _refuse_foreign_outputs(settings.paths)
    sinks = Sinks(settings.paths, fingerprint(settings))
    if to_file:
        sinks.report = os.path.abspath(settings.report)  # type: ignore[arg-type]
    sinks.open(resume=settings.resume, force=settings.force)
    if to_file and not sinks.resumed:
        # the report of the run this one starts over (`--force`) stayed until the end: while
        # this run went on, or after it was killed (`kill -9`, out of memory), `cleannews
        # report DIR` showed the old run's figures, finished, beside this run's records
        _drop_report(settings.report)  # type: ignore[arg-type]
    options = settings.options
    start = time.monotonic()  # the first pass (templates, copies) counts in the run's time
    if settings.templates is not None:
        options = _with_templates(settings, sinks, stdin)
    if settings.copies is not None:
        options = _with_copies(settings, sinks, stdin, options)
    stats = RunStats.from_dict(sinks.saved_stats) if sinks.saved_stats else RunStats()
    base_seconds = stats.seconds
    session = {"docs": 0, "bytes": 0, "seconds": 0.0,
               "first_pass_seconds": time.monotonic() - start, "below_min_score": 0}
    done = sinks.done
    bar = _progress(settings, stats, done)
    finished = False
    items = iter_items(settings.inputs, options.fmt, stdin=stdin,
                       exclude=_exclude(settings.paths), skip=done, limit=settings.limit,
                       last_place=sinks.last if sinks.resumed else None)
    places: dict[int, str] = {}  # seq -> place of the items in flight (for the run state)
    results_iter = _results(_chunks(_placed(items, places), settings.chunk_docs,
                                    settings.chunk_bytes), options, settings.jobs)
    told = [0]  # failed documents named on stderr so far
    seen = SeenIds()  # ids met so far (a --resume run: the committed part's too)
    for ident in _committed_ids(settings.paths) if sinks.resumed else ():
        seen.add(ident)
    in_flight = 0  # failed documents of the chunk being written (a broken pipe's exit code)
    id_told = False  # a record without the chosen --id-field was named on stderr
    duplicates_told = 0  # records that write a key twice, named on stderr
    try:
        for results in _resumable(results_iter):
            kept = [r for r in results if _keep(r, settings.min_score)]
            session["below_min_score"] += len(results) - len(kept)
            in_flight = sum(r.error_type is not None for r in results)
            # a stop signal whose raise was swallowed (batch.stop): nothing of this chunk
            # written, the run state names what is committed
            check_stop()
            # said before the write: the reader of standard output may go away during it
            _tell_failures(results, told, settings.paths.errors, bar)
            sinks.write(kept)
            for r in results:
                if r.id_note and not id_told:
                    id_told = _tell_missing_id(r, places.get(r.seq), options.id_field, bar)
                if r.duplicate_keys:
                    duplicates_told = _tell_duplicate_keys(r, duplicates_told, bar)
                if seen.add(r.id):
                    stats.add_repeated_id(r.id)
                    _tell_repeated(r, places.get(r.seq), stats.repeated_ids, bar)
                stats.add_result(sink=r.sink, in_bytes=r.in_bytes, out_chars=r.out_chars,
                                 spin_score=r.spin_score, spin_label=r.spin_label,
                                 removed=r.removed, changes=r.changes, error_type=r.error_type,
                                 moved=r.moved, examples=r.examples, ident=r.id,
                                 evidence=r.evidence, reason=r.reason)
                session["bytes"] += r.in_bytes
            session["docs"] += len(results)
            in_flight = 0
            if bar is not None:
                bar.update(len(results), sum(r.in_bytes for r in results))
            done = results[-1].seq + 1
            stats.seconds = base_seconds + time.monotonic() - start
            check_stop()  # written, not committed: --resume drops these and writes them again
            sinks.commit(done, stats.to_dict(), last=places.get(done - 1))
            for seq in [k for k in places if k < done]:
                del places[seq]
        check_stop()  # a run stopped after its last chunk is no finished run
        finished = True
        sinks.commit(done, stats.to_dict(), finished=True)
    except BrokenPipeError as exc:  # standard output's reader went away (`score | head`): the
        # documents that failed before it did, for the exit code (cli._batch.execute)
        setattr(exc, FAILED_ATTR, stats.docs["failed"] + in_flight)
        raise
    finally:
        close = getattr(results_iter, "close", None)
        if close is not None:  # stop the workers now, not at garbage collection
            close()
        if bar is not None:
            bar.close()
        session["seconds"] = time.monotonic() - start
        report = _report(settings, stats, session, finished, sinks.resumed)
        try:
            if settings.report is not None:
                # written while this run still holds its output folders: written after the
                # lock was released, it landed in a folder a next run (`--force`) had
                # already taken, beside that run's sinks
                _write_report(settings.report, report, finished)
        finally:
            sinks.close()  # closes the sink files, then releases the lock
    return report


def _drop_report(path: Path) -> None:
    """Remove the report file ``path`` of an earlier run, which this run will replace (a
    symbolic link or a device, written through, is left)."""
    if path.is_file() and not path.is_symlink():
        path.unlink(missing_ok=True)


def _write_report(path: Path, report: dict[str, Any], finished: bool) -> None:
    """Write the report (``--report -``: to standard output); after a failed run, a failure
    to write it is only logged."""
    from cleannews.batch.sinks import json_utf8

    data = json_utf8(report, indent=1)  # an id with a lone surrogate: escaped, not a crash
    if path == REPORT_STDOUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(data + b"\n")
        sys.stdout.buffer.flush()
        return
    try:
        atomic_write(path, data)
    except OSError as exc:
        if finished:  # the message names the report (`--report /dev/full`), not only the errno
            raise OSError(exc.errno, exc.strerror or str(exc),
                          exc.filename or str(path)) from exc
        log.error("could not write the report %s: %s", path, exc.strerror or exc)


def _report(settings: RunSettings, stats: RunStats, session: dict[str, float], finished: bool,
            resumed: bool) -> dict[str, Any]:
    p = settings.paths
    outputs = {
        "out": str(p.out) if p.out else "-",
        "quarantine": str(p.quarantine) if p.quarantine else "-",
        "errors": str(p.errors) if p.errors else "-",
    }
    if p.duplicates is not None:
        outputs["duplicates"] = str(p.duplicates)
    for name in p.drop_if_empty:  # removed at the end, empty: the summary does not name it
        if not stats.sink_count(name):
            del outputs[name]
    if settings.command == "score":
        outputs = {"scores": outputs["out"], "errors": outputs["errors"]}
    report = build_report(stats, command=settings.command, jobs=settings.jobs, session=session,
                          extra={"inputs": list(settings.inputs), "outputs": outputs,
                                 "finished": finished, "resumed": resumed,
                                 "cleannews_version": __version__,
                                 "date": datetime.now(timezone.utc).isoformat(
                                     timespec="seconds"),
                                 "command_line": settings.command_line,
                                 "settings": _settings(settings)})
    if settings.min_score is not None:  # `score --min-score P`: the lines left out
        report["documents"]["below_min_score"] = int(session.get("below_min_score", 0))
    return report


def _settings(settings: RunSettings) -> dict[str, Any]:
    """The options of a run that shape its output, for the report."""
    o = settings.options
    c = o.config
    return {"quarantine_threshold": c.spin_quarantine_threshold,
            "strip_boilerplate": c.strip_boilerplate, "score_spin": c.score_spin,
            "format": o.fmt, "text_field": o.text_field, "id_field": o.id_field,
            "max_record_mb": round(o.max_record_bytes / 1024 / 1024, 3),
            "evidence": o.evidence, "jobs": settings.jobs, "min_score": settings.min_score,
            "site_templates": settings.templates is not None, "limit": settings.limit,
            "find_copies": settings.copies, "doc_timeout": o.doc_timeout}

"""The three sinks (clean output, quarantine, errors), committed chunk by chunk so nothing is lost.

How "every document exactly once" survives Ctrl-C, ``kill -9`` or a full disk:

1. results are appended to the JSONL sinks chunk by chunk, in input order;
2. after each chunk every sink is flushed and fsync'ed, then a small state
   file (``.cleannews-run.json`` in the output folder) is replaced
   atomically (temp file + fsync + rename). It records how many input
   documents are committed, the byte size of each sink at that point and
   the report counters;
3. ``--resume`` truncates each sink to its committed size (dropping any
   half-written chunk) and skips the committed documents of the input.

Plain-text outputs (one file per input file) are written atomically
(temp file + rename); rewriting one on resume is harmless.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> atomic_write(d / "a" / "x.txt", b"hello")
    >>> (d / "a" / "x.txt").read_bytes()
    b'hello'
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import tempfile
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from cleannews.batch.ids import clipped, safe_relpath
from cleannews.batch.limits import SINK_FILES, STATE_NAME
from cleannews.batch.process import DocResult
from cleannews.batch.stats import counted

log = logging.getLogger("cleannews")

__all__ = ["LOCK_NAME", "STATE_NAME", "FolderLock", "ResumeError", "SinkPaths", "Sinks",
           "atomic_write", "owner_file"]

#: Compression level of ``.jsonl.gz`` sinks (6: gzip's default).
GZIP_LEVEL = 6
#: Lock file of a run, in each output folder (holds the pid of the run).
LOCK_NAME = ".cleannews.lock"
#: Times :meth:`FolderLock.acquire` opens the lock file again after finding it removed
#: (by the run that held it, at its end) between its open and its lock.
LOCK_ATTEMPTS = 20
#: Format version of the state file.
STATE_FORMAT = 1
#: Permissions of files written by :func:`atomic_write` (as ``open`` would, under the umask).
_UMASK = os.umask(0)
os.umask(_UMASK)
FILE_MODE = 0o666 & ~_UMASK
#: Suffix added to the mirrored text of a non-``.txt`` input (``page.html`` -> ``page.html.txt``).
TEXT_SUFFIX = ".txt"
#: Mirrored text of the one document read from standard input (``run - --out DIR``; its id
#: stays ``-``): ``DIR/stdin.txt`` (it was ``DIR/-.txt``). An input file that would mirror
#: there (``stdin.txt``, ``stdin``) gets a hash in its name instead.
STDIN_MIRROR = "stdin" + TEXT_SUFFIX



def fingerprint_changes(before: Any, now: dict[str, Any]) -> str:
    """What differs between the run state's settings and this command's, for the message
    that refuses a ``--resume`` (it said only "other inputs or options": which?).

    >>> fingerprint_changes({"limit": 3, "config": {"score_spin": True}},
    ...                     {"limit": None, "config": {"score_spin": False}})
    'score_spin: True then, False now; limit: 3 then, None now'
    """
    if not isinstance(before, dict):
        return ""
    parts = []
    for key in sorted(set(before) | set(now)):
        old, new = before.get(key), now.get(key)
        if old == new:
            continue
        if key == "config" and isinstance(old, dict) and isinstance(new, dict):
            parts.extend(f"{k}: {old.get(k)!r} then, {new.get(k)!r} now"
                         for k in sorted(set(old) | set(new)) if old.get(k) != new.get(k))
        else:
            parts.append(f"{key}: {_short_repr(old)} then, {_short_repr(new)} now")
    return "; ".join(parts)


def _short_repr(value: Any, limit: int = 120) -> str:
    return clipped(repr(value), limit)


class ResumeError(Exception):
    """The output folder cannot be (re)used as asked; the message says what to do."""


def _write_through(path: Path) -> bool:
    """Whether ``path`` must be written in place, not replaced by a rename.

    A symbolic link (``/dev/stdout``, a link to a shared file) or something that is not a
    regular file (a device such as ``/dev/null`` or ``/dev/full``, a FIFO): a rename
    would put a regular file in place of the link or the device (run as root,
    ``cleannews report r.json --html /dev/full`` turned ``/dev/full`` into an HTML file).

    >>> _write_through(Path("/dev/null")), _write_through(Path("/nonexistent/x.html"))
    (True, False)
    """
    try:
        return path.is_symlink() or _not_a_file(path)
    except OSError:
        return False


def _not_a_file(path: Path) -> bool:
    """Whether ``path`` exists and is not a regular file (links followed): a device
    (``/dev/stdout``, ``/dev/full``) or a FIFO named as an output file. It is written
    through: no truncation, no fsync, no committed size, no lock file beside it.

    >>> _not_a_file(Path("/dev/null")), _not_a_file(Path("/nonexistent/x.jsonl"))
    (True, False)
    """
    try:
        return path.exists() and not path.is_file()
    except OSError:
        return False


def json_utf8(obj: Any, **kwargs: Any) -> bytes:
    """``obj`` as UTF-8 JSON, non-ASCII kept as is; a string holding a lone surrogate (an id
    from a JSONL ``"\\ud800"`` escape) is written escaped instead of ending the run in a
    ``UnicodeEncodeError`` (the run state and the report hold quarantined ids).

    >>> json_utf8({"id": "é"}), json_utf8({"id": "a\\ud800"})
    (b'{"id": "\\xc3\\xa9"}', b'{"id": "a\\\\ud800"}')
    """
    try:
        return json.dumps(obj, ensure_ascii=False, **kwargs).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(obj, ensure_ascii=True, **kwargs).encode("utf-8")


@contextmanager
def _naming_stdout(is_stdout: bool) -> Iterator[None]:
    """An error writing standard output (``run --out - > /dev/full``) names it, as the error
    of an output file names the file: "stdout: No space left on device (the output written
    to stdout is incomplete; …)" -- it began with the bare reason. A broken pipe is left as
    it is (``| head``: the command stops quietly)."""
    try:
        yield
    except OSError as exc:
        if is_stdout and not isinstance(exc, BrokenPipeError) and exc.filename is None:
            exc.filename = "stdout"
        raise


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temp file in the same folder and a rename.

    A symbolic link or a device (``/dev/stdout``) is written through instead
    (:func:`_write_through`); its errors (``/dev/full``: no space left) are raised.
    """
    if _write_through(path):
        with open(path, "wb") as f:
            f.write(data)
            f.flush()
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class FolderLock:
    """An exclusive lock on an output folder for the length of a run (``flock`` on a lock file).

    Two runs writing into one folder would interleave their records; the
    second one is refused with the pid of the first. The lock goes with the
    process (and its workers): a killed run leaves no stale lock (its lock file
    stays, unlocked, and the next run takes it).

    :meth:`release` removes the lock file while it still holds the lock, then
    closes it; :meth:`acquire` checks, once it holds a lock, that the path still
    names the file it locked, and opens it again if not. So a run that opened the
    lock file just before its holder removed it cannot lock that removed file
    beside a third run locking the new one: removing the file at the end of a run
    leaves no window for two runs in one folder.

        >>> import tempfile
        >>> d = Path(tempfile.mkdtemp())
        >>> with FolderLock(d):
        ...     FolderLock(d).acquire()
        Traceback (most recent call last):
        ...
        cleannews.batch.sinks.ResumeError: ... is in use by another cleannews run (pid ...)...; ...
    """

    def __init__(self, folder: Path, name: str = LOCK_NAME, what: Path | None = None) -> None:
        self.folder = folder
        self.path = folder / name
        self.what = what or folder  # named in the message
        self._fd: int | None = None
        #: what :meth:`acquire` created (missing folders, deepest last, and the lock file):
        #: :meth:`release` with ``undo`` removes them when the run was refused
        self._made: list[Path] = []

    def acquire(self) -> FolderLock:
        """Take the lock or raise :class:`ResumeError` naming the holder's pid."""
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX: no lock
            return self
        missing = []
        node = self.folder
        while not node.exists() and node != node.parent:
            missing.append(node)
            node = node.parent
        self.folder.mkdir(parents=True, exist_ok=True)
        self._made = missing[::-1]
        for _ in range(LOCK_ATTEMPTS):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
                os.close(fd)
                raise ResumeError(
                    f"{self.what} is in use by another cleannews run (pid {holder}); "
                    "wait for it to end, or give this run other outputs") from None
            if _names(self.path, fd):
                break
            os.close(fd)  # locked a file its holder removed as it ended: open the new one
        else:
            raise ResumeError(
                f"{self.what}: its lock file {self.path.name} was replaced {LOCK_ATTEMPTS} "
                "times while this run took it (other cleannews runs keep starting there); "
                "give this run other outputs")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        return self

    def release(self, undo: bool = False) -> None:
        """Remove the lock file, then release the lock (in that order: see the class);
        with ``undo`` (a run refused before it wrote anything), also remove the empty
        folders :meth:`acquire` created, so a refused command leaves nothing behind.

        >>> import tempfile
        >>> d = Path(tempfile.mkdtemp())
        >>> lk = FolderLock(d / "out" / "errors").acquire()
        >>> lk.release(undo=True)
        >>> sorted(p.name for p in d.iterdir())
        []
        """
        if self._fd is not None:
            fd, self._fd = self._fd, None
            try:
                if _names(self.path, fd):  # only the file this lock holds, never another's
                    self.path.unlink()
            except OSError:
                pass  # a read-only folder: the file stays, unlocked, as after a kill
            os.close(fd)  # closing the last descriptor releases the flock
            made, self._made = self._made, []
            for path in reversed(made) if undo else ():
                try:
                    path.rmdir()  # empty only
                except OSError:
                    break

    def __enter__(self) -> FolderLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def _names(path: Path, fd: int) -> bool:
    """Whether ``path`` names the file open as ``fd`` (not removed, not replaced since).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> fd = os.open(d / "x", os.O_RDWR | os.O_CREAT)
    >>> before = _names(d / "x", fd)
    >>> (d / "x").unlink()
    >>> before, _names(d / "x", fd)
    (True, False)
    >>> os.close(fd)
    """
    try:
        here, held = os.stat(path), os.fstat(fd)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (held.st_dev, held.st_ino)


#: Hex digits of the path hash that keeps two mirrored files apart.
MIRROR_TAG_HEX = 10


def _tag(ident: str) -> str:
    """A short stable hash of an input path.

    >>> _tag("../x.txt")
    '~...'
    """
    return "~" + hashlib.sha1(ident.encode("utf-8", "surrogatepass")).hexdigest()[:MIRROR_TAG_HEX]


class GzipMembers:
    """A sink file written as gzip, one complete gzip member per commit.

    :meth:`flush` ends the current member, so every committed size is a
    member boundary: ``--resume`` truncates there and appends new members,
    and the file stays one valid multi-member gzip stream (``zcat``,
    ``gzip.open`` and datatrove read it whole).

        >>> import gzip, io
        >>> raw = io.BytesIO()
        >>> g = GzipMembers(raw)
        >>> _ = g.write(b"a\\n"); g.flush(); _ = g.write(b"b\\n"); g.flush()
        >>> gzip.decompress(raw.getvalue())
        b'a\\nb\\n'
    """

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self._z: Any = None

    def write(self, data: bytes) -> int:
        if self._z is None:
            self._z = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        self.raw.write(self._z.compress(data))
        return len(data)

    def flush(self) -> None:
        if self._z is not None:
            self.raw.write(self._z.flush(zlib.Z_FINISH))
            self._z = None
        self.raw.flush()

    def fileno(self) -> int:
        return self.raw.fileno()

    def tell(self) -> int:
        return self.raw.tell()

    def close(self) -> None:
        self.flush()
        self.raw.close()


#: The option that places each sink (named when a sink file is refused).
_SINK_FLAGS = {"out": "--out", "quarantine": "--quarantine", "errors": "--errors",
               "duplicates": "--out"}
#: Bytes read at most from the first line of an existing sink file to tell whose it is.
OWNER_PEEK_BYTES = 1 << 20
#: Keys a record written by cleannews ends with: ``"cleannews"`` (clean, quarantine and
#: duplicates records, spliced at the end of the input line) or ``"cleannews_version"``
#: (errors records).
_OUR_KEYS = (b'"cleannews":', b'"cleannews_version":')
#: Keys of a line ``cleannews score`` writes (``{"id", "score", "label", "verdict",
#: "evidence", "source"}``): all of them, in a first line, mark a score output.
_SCORE_KEYS = (b'"score":', b'"label":', b'"verdict":', b'"evidence":')


def _first_line(path: Path) -> bytes | None:
    """The first non-blank line of the existing file ``path`` (gzip or not; at most
    :data:`OWNER_PEEK_BYTES` of it), ``b""`` for a file with none, ``None`` when it cannot be
    read."""
    import gzip

    from cleannews.batch.sources import gzipped

    try:
        opener: Any = gzip.open if gzipped(str(path)) else open
        with opener(path, "rb") as f:
            first = b""
            while not first.strip():  # blank lines before the first record
                first = f.readline(OWNER_PEEK_BYTES)
                if not first:
                    return b""
    except (OSError, EOFError, zlib.error):
        return None
    return first


def written_by_cleannews(path: Path) -> bool:
    """Whether the first line of the existing file ``path`` (gzip or not) looks like a record
    cleannews writes: a JSON object holding a ``"cleannews"`` or ``"cleannews_version"`` key,
    or the keys of a ``cleannews score`` line (an unreadable file counts as ours: the message
    then stays the general one).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> (d / "a.jsonl").write_bytes(b'{"id":"a","cleannews":{"text":"x"}}\\n') and None
    >>> (d / "b.jsonl").write_bytes(b'{"url": "https://ex.fr"}\\n') and None
    >>> written_by_cleannews(d / "a.jsonl"), written_by_cleannews(d / "b.jsonl")
    (True, False)
    """
    first = _first_line(path)
    if first is None:
        return True
    # a first line longer than the peek: its cleannews key (at the end) was not read
    cut = len(first) >= OWNER_PEEK_BYTES and not first.endswith(b"\n")
    return first.lstrip().startswith(b"{") and (cut or any(k in first for k in _OUR_KEYS)
                                                or score_line(first))


def score_line(line: bytes) -> bool:
    """Whether ``line`` is one that ``cleannews score`` writes for a scored document.

    A record of ``cleannews run`` holds the same keys inside its ``"cleannews"`` object: it is
    not one (``report out/clean.jsonl`` of a run whose report went to standard output called
    the run's records "the lines of 'cleannews score'"; round 27). In JSON text the key
    ``"cleannews":`` cannot come from inside a string, whose quotes are escaped.

    >>> score_line(b'{"id":"a","score":0.1,"label":"clean","verdict":"keep","evidence":[]}')
    True
    >>> score_line(b'{"id":"a","cleannews":{"score":0.1,"label":"clean","verdict":"keep",'
    ...            b'"evidence":[]}}')
    False
    """
    return (line.lstrip().startswith(b"{") and all(k in line for k in _SCORE_KEYS)
            and _OUR_KEYS[0] not in line)


def score_output(path: Path) -> bool:
    """Whether the file ``path`` starts with the line ``cleannews score`` writes for a scored
    document (its output: ``score … --out scores.jsonl``)."""
    first = _first_line(path)
    return bool(first) and score_line(first)  # type: ignore[arg-type]


def mirror_path(root: Path, ident: str, reserved: tuple[str, ...] = ()) -> Path:
    """Where the cleaned text of the input file ``ident`` goes under ``root``: unique, inside it.

    The path mirrors the input path, with ``.txt`` added to other extensions.
    When that would not be one-to-one — the path had to be changed to stay
    inside ``root`` (``..``, a root slash, unsafe characters), a ``.txt``
    name that another input's ``X.txt`` could also produce, or a first folder
    named like a sink folder in ``reserved`` — a hash of the input path is
    added before the extension, so two inputs never share a file.

    >>> mirror_path(Path("/o"), "seeds/a.txt").as_posix()
    '/o/seeds/a.txt'
    >>> mirror_path(Path("/o"), "page.html").as_posix()
    '/o/page.html.txt'
    >>> mirror_path(Path("/o"), "x.txt") != mirror_path(Path("/o"), "../x.txt")
    True
    >>> mirror_path(Path("/o"), "../../etc/x.html").as_posix()
    '/o/etc/x.html~....txt'
    >>> mirror_path(Path("/o"), "page.html.txt").as_posix()
    '/o/page.html~....txt'
    >>> mirror_path(Path("/o"), "d/caf\\\\xe9.txt").as_posix()  # a name that is not UTF-8
    '/o/d/caf_xe9~....txt'

    A gzip-compressed input is named as its data: ``t.txt.gz`` -> ``t.txt``, ``p.html.gz`` ->
    ``p.html.txt`` (it was ``t.txt.gz.txt``); hashed when the file without ``.gz`` exists
    beside it (``t.txt`` and ``t.txt.gz`` in one folder: each its own file).

    >>> mirror_path(Path("/o"), "no-such-dir/t.txt.gz").as_posix()
    '/o/no-such-dir/t.txt'

    Standard input (id ``-``) is :data:`STDIN_MIRROR`, a file of that name hashed (round 31):

    >>> mirror_path(Path("/o"), "-").as_posix(), mirror_path(Path("/o"), "stdin.txt").as_posix()
    ('/o/stdin.txt', '/o/stdin~....txt')
    """
    from cleannews.batch.sources import document_name

    if ident == "-":
        return root / STDIN_MIRROR
    rel = safe_relpath(ident, backslash_separates=False)  # ids of input files use "/" only
    lossy = rel != ident or rel.split("/", 1)[0] in reserved
    if document_name(rel) != rel:  # the text of t.txt.gz is that of t.txt
        rel = document_name(rel)
        lossy = lossy or os.path.lexists(document_name(ident))
    if rel.lower().endswith(TEXT_SUFFIX):
        stem, ext = rel[: -len(TEXT_SUFFIX)], rel[-len(TEXT_SUFFIX):]
        lossy = lossy or "." in stem.rsplit("/", 1)[-1]  # `a.html.txt` vs `a.html`
    else:
        stem, ext = rel, TEXT_SUFFIX
    lossy = lossy or (stem + ext).lower() == STDIN_MIRROR  # standard input's name
    return root / (stem + (_tag(ident) if lossy else "") + ext)


@dataclass
class SinkPaths:
    """Where each sink goes; ``None`` means standard output (no state, no resume)."""

    out: Path | None
    quarantine: Path | None
    errors: Path | None
    state: Path | None
    mirror_out: Path | None = None
    mirror_quarantine: Path | None = None
    #: default report file (``--report`` overrides it)
    report: Path | None = None
    #: ``--drop-duplicates`` sink (``None``: no such sink in this run)
    duplicates: Path | None = None
    #: sinks removed at the end of the run when they received no record, with the folders
    #: the run made for them: the default ``./cleannews-quarantine`` and
    #: ``./cleannews-errors`` of a run to standard output (they were left in the current
    #: folder, empty, after every filter run)
    drop_if_empty: tuple[str, ...] = ()

    def sink(self, name: str) -> Path | None:
        return getattr(self, name)

    def names(self) -> list[str]:
        """The sinks of this run (``duplicates`` only when it has a path)."""
        return [n for n in SINK_FILES if n != "duplicates" or self.duplicates is not None]


def read_owner(sink: Path) -> str:
    """The run state path an owner file names (:func:`owner_file`), as written: the bytes of
    the path, which need not be UTF-8. Raises ``OSError`` when it cannot be read."""
    return os.fsdecode(owner_file(sink).read_bytes()).strip()


def _owner_of(sink: Path) -> str:
    """The run state an owner file names, shown (``""`` when it cannot be read)."""
    from cleannews.batch.sources import printable_name, terminal_safe

    try:
        return terminal_safe(printable_name(read_owner(sink)))
    except OSError:
        return ""


def _regular_or_new(path: Path) -> bool:
    """Whether ``path`` is a regular file (through links) or does not exist yet."""
    import stat

    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True


#: What the owner file of a ``cleannews score`` output holds (``score`` has no run state to
#: name): no path, so no run ever takes it for a live run state (audit22).
SCORE_OWNER = "(cleannews score: no run state)"
#: How the owner file of a ``score … --report FILE`` output goes on after
#: :data:`SCORE_OWNER`'s words, before the report's absolute path and ``)``: still no path
#: (no run takes it for a run state), but ``cleannews report scores.jsonl`` finds the report
#: the run wrote (it said "score writes one only when asked" though it was asked; round 33).
SCORE_REPORT_SEP = "; report: "


def score_owner(report: str | None) -> str:
    """What the owner file of a ``cleannews score`` output holds: :data:`SCORE_OWNER`, or with
    the report the run writes (``--report FILE``, absolute) named in it.

    >>> score_owner(None) == SCORE_OWNER
    True
    >>> score_owner("/data/r.json")
    '(cleannews score: no run state; report: /data/r.json)'
    """
    if report is None:
        return SCORE_OWNER
    return f"{SCORE_OWNER[:-1]}{SCORE_REPORT_SEP}{report})"


def score_report(sink: Path) -> Path | None:
    """The report file the ``cleannews score`` run that wrote ``sink`` was asked for
    (:func:`score_owner`), existing or not; ``None`` for a sink of another run, a score run
    asked for no report file, or no owner file.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> atomic_write(owner_file(d / "s.jsonl"), score_owner("/data/r (2).json").encode())
    >>> score_report(d / "s.jsonl").as_posix(), score_report(d / "t.jsonl")
    ('/data/r (2).json', None)
    """
    try:
        owner = read_owner(sink)
    except OSError:
        return None
    return owner_report(owner)


def owner_report(owner: str) -> Path | None:
    """The report file an owner file's text ``owner`` names (:func:`score_owner`), else
    ``None``.

    >>> owner_report(score_owner("/r.json")).as_posix(), owner_report(score_owner(None))
    ('/r.json', None)
    """
    head = SCORE_OWNER[:-1] + SCORE_REPORT_SEP
    if not (owner.startswith(head) and owner.endswith(")")) or len(owner) <= len(head) + 1:
        return None
    return Path(owner[len(head):-1])


def owner_file(sink: Path) -> Path:
    """The hidden file beside a sink file naming the run state that writes it
    (``out/.clean.jsonl.owner`` holds the path of ``out/.cleannews-run.json``).

    >>> owner_file(Path("out/clean.jsonl")).as_posix()
    'out/.clean.jsonl.owner'
    """
    return sink.parent / f".{sink.name}.owner"


class Sinks:
    """The open sinks of one run: append results, commit, resume.

    Several sinks may share a path (or standard output): they then share
    one stream.
    """

    def __init__(self, paths: SinkPaths, fingerprint: dict[str, Any]) -> None:
        self.paths = paths
        self.fingerprint = fingerprint
        self._streams: dict[str, Any] = {}
        self._by_key: dict[str, Any] = {}
        self.done = 0
        self.saved_stats: dict[str, Any] | None = None
        self.last: str | None = None  # place of the last committed document (see commit)
        self.report: str | None = None  # absolute path of the run's report file, if any
        self.resumed = False
        self._locks: list[FolderLock] = []
        self._through: set[str] = set()  # keys of devices and FIFOs (see _not_a_file)
        self._created: set[Path] = set()  # sink files this run created (see close)

    def folders(self) -> list[Path]:
        """The distinct output folders of this run."""
        p = self.paths
        dirs = [p.state.parent if p.state else p.mirror_out, p.mirror_quarantine]
        dirs += [x.parent for x in (p.out, p.quarantine, p.errors, p.duplicates)
                 if x is not None]
        seen: dict[Path, Path] = {}
        for d in dirs:
            if d is not None:
                seen.setdefault(d.resolve(), d)
        return list(seen.values())

    def locks(self) -> list[FolderLock]:
        """What this run locks: its output folders, and its output files of free names.

        A sink with its standard name (``clean.jsonl``, ``quarantine.jsonl``,
        ``errors.jsonl``, ``.gz`` or not) locks its folder, as does the
        output folder; a sink file named by the user (``--out all.jsonl.gz``,
        ``score --out scores.jsonl``) locks only itself, so two runs may write
        two files in one folder.
        """
        p = self.paths
        standard = {n + gz for n in SINK_FILES.values() for gz in ("", ".gz")}
        found: dict[Path, FolderLock] = {}
        for folder in (p.mirror_out, p.mirror_quarantine):
            if folder is not None:
                found.setdefault((folder / LOCK_NAME).resolve(), FolderLock(folder))
        for x in (p.out, p.quarantine, p.errors, p.duplicates):
            if x is None or _not_a_file(x):  # `score --out /dev/stdout`: no lock in /dev
                continue
            lk = (FolderLock(x.parent) if x.name in standard
                  else FolderLock(x.parent, f".{x.name}{LOCK_NAME}", x))
            found.setdefault(lk.path.resolve(), lk)
        return list(found.values())

    def lock(self) -> None:
        """Take every lock of :meth:`locks`; :class:`ResumeError` if another run holds one."""
        try:
            for lk in self.locks():
                self._locks.append(lk.acquire())
        except BaseException:
            self.unlock(undo=True)  # refused (another run holds one): leave nothing behind
            raise

    def unlock(self, undo: bool = False) -> None:
        """Release every lock (``undo``: see :meth:`FolderLock.release`), last taken first."""
        for lk in reversed(self._locks):
            lk.release(undo)
        self._locks.clear()

    # -- opening ------------------------------------------------------------------

    def _key(self, name: str) -> str:
        p = self.paths.sink(name)
        return "-" if p is None else str(p.resolve())

    def open(self, *, resume: bool, force: bool) -> None:
        """Open the sinks for appending; with ``resume``, roll back to the last commit.

        Raises :class:`ResumeError` when the folder holds another run's output
        and neither ``resume`` nor ``force`` was given, or when the state does
        not match this run's inputs and options, or for ``resume`` and ``force``
        together (before anything is created).
        """
        if resume and force:  # resumed streams under a fresh state: the committed part twice
            raise ResumeError("--resume and --force exclude each other: --resume continues "
                              "the run, --force starts it over")
        self.lock()
        try:
            self._open(resume=resume, force=force)
        except ResumeError:
            # refused before anything was written: leave no empty sink folder or lock file
            self.unlock(undo=True)
            self.close()
            raise
        except BaseException:
            self.close()
            raise

    def _open(self, *, resume: bool, force: bool) -> None:
        try:
            state = self._load_state()
        except ResumeError:
            if not force:
                raise
            # the message says "use --force to start over", and --force failed on it too
            state = None
        sizes: dict[str, int] = {}
        if not force and state is None:
            self._keep_earlier_records()
        held = self._held_sinks()
        unknown = ([] if force or state is not None else
                   [str(p) for _, p in held if not written_by_cleannews(p)])
        if state is None and unknown:
            # `--out notes.jsonl` where notes.jsonl is the user's own file: not "records of
            # another cleannews run" (what it said): name the file and the way out
            flags = sorted({_SINK_FLAGS[n] for n, p in held if str(p) in unknown})
            raise ResumeError(
                f"{', '.join(unknown)}: not a cleannews output (it already holds other data, "
                "not records a cleannews run writes): choose another place with "
                + " / ".join(flags) + ", or add --force to overwrite "
                + ("it" if len(unknown) == 1 else "them"))
        held_names = list(dict.fromkeys(str(p) for _, p in held))
        if state is None and held_names and not force:
            # the files belong to another run (a shared quarantine / errors folder, or a
            # run to standard output): there is nothing of this run to resume
            raise ResumeError(
                f"{', '.join(held_names)} already hold(s) records of another cleannews run"
                + (" and there is no run state to resume" if resume else "")
                + ": give this run other sink folders (--quarantine DIR, --errors DIR"
                + (", --out DIR" if self.paths.out is not None else "")
                + ") or add --force to overwrite them"
                + ("" if self.paths.out is not None else
                   " (a run to standard output cannot be resumed)"))
        foreign = [] if force else self._foreign_sinks()
        if foreign:
            # a sink file another run (whose state still exists) writes: appending to it, or
            # rolling it back on --resume, would mix or cut that run's records
            # which run, and what --force costs: two `--out NAME.jsonl` runs in one folder
            # share its quarantine/ and errors/, and the --force this advised emptied the
            # records of the first (audit21)
            owners = sorted({_owner_of(Path(f)) for f in foreign} - {""})
            raise ResumeError(
                f"{', '.join(foreign)} belong(s) to another cleannews run"
                + (f" (its run state: {', '.join(owners)})" if owners else "")
                + ": give this run other sink folders ("
                + self._own_sink_folders(foreign) + "), or "
                "add --force to take them over (the records that run wrote there are then "
                "lost)")
        if resume and state is not None:
            if state.get("fingerprint") != self.fingerprint:
                changed = fingerprint_changes(state.get("fingerprint"), self.fingerprint)
                raise ResumeError(
                    f"{self.paths.state}: the run there used other inputs or options"
                    f"{' (' + changed + ')' if changed else ''}; resume it with the same "
                    "command, or use --force to start over")
            sizes = state["sizes"]
            self.done = int(state["done"])
            self.saved_stats = state.get("stats")
            self.last = state.get("last")
            self.resumed = self.done > 0 or bool(self.saved_stats)
        elif not resume and not force and state is not None:
            where = self.paths.mirror_out or self.paths.out or "output"
            if state.get("finished"):
                # "add --resume to continue that run" of a run that had ended: --resume then
                # does nothing, and the user looked for what was missing
                raise ResumeError(
                    f"{where} already holds the output of a finished cleannews run "
                    f"({counted(state['done'], 'document')}): add --force to overwrite it, or give "
                    "another --out")
            raise ResumeError(
                f"{where} already holds the output of an unfinished cleannews run "
                f"({counted(state['done'], 'document')} committed): add --resume to continue "
                "that run or --force to overwrite it")
        self._open_streams(sizes)
        self._claim_sinks()
        if force or not self.resumed:
            # a fresh state right away: if this run fails before its first commit, --resume
            # continues *this* run (not the one it replaced)
            self.commit(0, None)

    def _open_streams(self, sizes: dict[str, int]) -> None:
        for name in self.paths.names():
            key = self._key(name)
            if key in self._by_key:
                self._streams[name] = self._by_key[key]
                continue
            path = self.paths.sink(name)
            if path is None:
                stream: Any = sys.stdout.buffer
            elif _not_a_file(path):  # `score --out /dev/stdout`: written through, as it comes
                stream = open(path, "ab")
                self._through.add(key)
            else:
                stream = self._open_file(path, sizes.get(key, 0))
                if path.name.endswith(".gz"):
                    stream = GzipMembers(stream)
            self._by_key[key] = stream
            self._streams[name] = stream

    def _open_file(self, path: Path, committed: int) -> BinaryIO:
        """Open ``path`` for appending after truncating it to ``committed`` bytes."""
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            self._created.add(path)
        f = open(path, "ab")
        size = f.seek(0, os.SEEK_END)
        if size < committed:
            f.close()
            raise ResumeError(f"{path} is shorter ({size} B) than its committed size "
                              f"({committed} B): it was changed since; cannot resume safely")
        f.truncate(committed)
        f.seek(committed)
        return f  # type: ignore[return-value]

    def _load_state(self) -> dict[str, Any] | None:
        p = self.paths.state
        if p is None or not p.exists():
            return None
        try:
            state = json.loads(p.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise ResumeError(f"{p}: unreadable run state ({exc}); use --force to start over") \
                from None
        if not isinstance(state, dict):  # `[]`, `null`: an AttributeError traceback
            raise ResumeError(f"{p}: unreadable run state (not a JSON object); use --force to "
                              "start over")
        if state.get("format") != STATE_FORMAT:
            raise ResumeError(f"{p}: run state of another cleannews version; use --force")
        if not isinstance(state.get("sizes"), dict) or not isinstance(state.get("done"), int):
            raise ResumeError(f"{p}: unreadable run state (no committed sizes or count); use "
                              "--force to start over")
        return state

    def _me(self) -> str | None:
        return None if self.paths.state is None else str(self.paths.state.resolve())

    def _own_sink_folders(self, foreign: list[str]) -> str:
        """The flags that give this run sink folders of its own, named after its output file
        when it writes one (``--out b.jsonl``: ``--quarantine b.quarantine --errors
        b.errors``; two ``--out NAME.jsonl`` runs in one folder share its ``quarantine/`` and
        ``errors/``, and the message said only ``--quarantine DIR, --errors DIR``; audit22).
        """
        from cleannews.batch.limits import out_file_stem
        from cleannews.batch.sources import printable_name, terminal_safe

        out = self.paths.out
        flags = []
        for name, flag in (("quarantine", "--quarantine"), ("errors", "--errors")):
            sink = self.paths.sink(name)
            if sink is None or str(sink) not in foreign:
                continue
            if out is None or self.paths.mirror_out is not None:
                flags.append(f"{flag} DIR")
                continue
            stem = out_file_stem(out.name) or out.name
            folder = printable_name(str(out.parent / f"{stem}.{name}"))
            flags.append(f"{flag} {terminal_safe(folder)}")
        return " ".join(flags) or "--quarantine DIR, --errors DIR"

    def _foreign_sinks(self) -> list[str]:
        """Sink files of this run that another run (with a live state file) writes."""
        me = self._me()
        found = []
        for name in self.paths.names():
            sink = self.paths.sink(name)
            if sink is None or me is None:
                continue
            try:
                owner = read_owner(sink)
            except OSError:
                continue
            if owner and owner != me and Path(owner).exists() and str(sink) not in found:
                found.append(str(sink))
        return found

    def _claim_sinks(self) -> None:
        """Record this run as the writer of its sink files (see :meth:`_foreign_sinks`).

        ``score`` keeps no run state, but its ``--out FILE`` (and ``--errors DIR``'s file)
        gets an owner file too, holding :data:`SCORE_OWNER`: without it a later walk of a
        folder holding ``scores.jsonl`` read its lines back as JSONL documents (each one a
        ``missing_field`` error and a repeated id; audit22). With ``--report FILE`` it names
        the report too (:func:`score_owner`: ``cleannews report scores.jsonl`` shows it).
        """
        me = self._me()
        score = me is None and self.fingerprint.get("command") == "score"
        if score:
            me = score_owner(self.report)
        if me is None:
            return
        for name in self.paths.names():
            sink = self.paths.sink(name)
            if sink is not None and score and not _regular_or_new(sink):
                continue  # `score --out /dev/null`: no `/dev/.null.owner`
            if sink is not None:
                # the path's own bytes: a folder name that is not UTF-8 (`o\xff`) ended
                # the run in a UnicodeEncodeError traceback (audit20)
                atomic_write(owner_file(sink), os.fsencode(me))

    def _keep_earlier_records(self) -> None:
        """Move aside the records an earlier run left in the default ``./cleannews-quarantine``
        and ``./cleannews-errors`` (and ``./cleannews-duplicates``) of a run to standard output
        (:attr:`SinkPaths.drop_if_empty`): ``errors.jsonl`` becomes ``errors.<its time>.jsonl``
        beside it, with a warning.

        A run to standard output that quarantined one document or had one error left them,
        and every later such run in that folder exited 2 ("already hold(s) records of
        another cleannews run") until the user found ``--force``, which destroyed them.
        Folders named with ``--quarantine`` / ``--errors`` are the user's: still refused.
        """
        held = self._held_sinks()
        if any(name not in self.paths.drop_if_empty or not written_by_cleannews(path)
               for name, path in held):
            return  # refused below (a folder the user named, a file of theirs): move nothing
        for _name, path in held:
            try:
                stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(path.stat().st_mtime))
            except OSError:
                continue
            base = path.name.split(".", 1)
            for n in range(1, 1000):
                tag = stamp if n == 1 else f"{stamp}-{n}"
                kept = path.with_name(f"{base[0]}.{tag}.{base[1]}")
                if not kept.exists():
                    break
            else:
                continue
            try:
                os.rename(path, kept)
            except OSError:
                continue  # refused below, as before
            # "this run writes its own to …" was said also by a run that then wrote nothing
            # there (no error, or an empty input): the file named was gone (audit27)
            log.warning("%s held the records of an earlier run: kept as %s (this run's own, "
                        "if any, go to %s)", path, kept, path)

    def _held_sinks(self) -> list[tuple[str, Path]]:
        """The sink files of this run that already hold something: ``(sink name, path)``."""
        held = []
        for name in self.paths.names():
            p = self.paths.sink(name)
            if p is not None and p.exists() and p.stat().st_size:
                held.append((name, p))
        return held

    # -- writing ------------------------------------------------------------------

    def write(self, results: list[DocResult]) -> None:
        """Append the records of one chunk (and write the mirrored text files)."""
        for r in results:
            with _naming_stdout(self.paths.sink(r.sink) is None):
                self._streams[r.sink].write(r.data)
            if r.mirror is not None and r.text is not None and r.sink in ("out", "quarantine"):
                root = self.paths.mirror_out if r.sink == "out" else self.paths.mirror_quarantine
                if r.sink != "errors" and root is not None:
                    atomic_write(mirror_path(root, r.mirror, self._reserved(root)),
                                 r.text.encode("utf-8", "replace"))

    def _reserved(self, root: Path) -> tuple[str, ...]:
        """First folders under ``root`` that hold other sinks (mirrored texts must avoid them)."""
        names = []
        for folder in self.folders():
            try:
                rel = folder.resolve().relative_to(root.resolve())
            except ValueError:
                continue
            if rel.parts:
                names.append(rel.parts[0])
        return tuple(names)

    def commit(self, done: int, stats: dict[str, Any] | None, *, finished: bool = False,
               last: str | None = None) -> None:
        """Make everything written so far durable, then record ``done`` documents as committed.

        ``last`` is where the last committed document came from (``path`` or ``path:line``):
        ``--resume`` checks that the inputs still have it there."""
        sizes = {}
        for key, stream in self._by_key.items():
            with _naming_stdout(key == "-"):
                stream.flush()
            if key != "-" and key not in self._through:
                os.fsync(stream.fileno())
                sizes[key] = stream.tell()
        self.done = done
        if self.paths.state is None:
            return
        if last is not None:
            self.last = last
        state = {"format": STATE_FORMAT, "fingerprint": self.fingerprint, "done": done,
                 "sizes": sizes, "stats": stats, "finished": finished, "last": self.last}
        if self.report is not None:  # where `cleannews report SINK-FILE` finds it
            state["report"] = self.report
        atomic_write(self.paths.state, json_utf8(state))

    def close(self) -> None:
        """Close the sink files. Errors here (a full disk) are ignored: whatever was not
        committed is rolled back by ``--resume`` anyway."""
        for key, stream in self._by_key.items():
            try:
                if key != "-":
                    stream.close()
                else:
                    stream.flush()
            except OSError:
                pass
        self._by_key.clear()
        self._streams.clear()
        self._through.clear()
        self.unlock(undo=self._drop_empty())

    def _drop_empty(self) -> bool:
        """Remove the sink files of :attr:`SinkPaths.drop_if_empty` that this run created and
        left empty; ``True`` when it removed one (then :meth:`unlock` removes the folders the
        run made for them, if they are empty)."""
        dropped = False
        for name in self.paths.drop_if_empty:
            path = self.paths.sink(name)
            if path is None or path not in self._created:
                continue
            try:
                if path.stat().st_size == 0:
                    path.unlink()
                    dropped = True
            except OSError:
                pass
        return dropped

"""Turn the command line's INPUT arguments into a deterministic stream of :class:`Item`.

Inputs are ``.txt`` / ``.html`` files (one document each; ``.gz`` too), folders of them
(walked recursively, in sorted order) and JSONL files (``.jsonl``,
``.jsonl.gz``, ``.ndjson``; one document per line). ``-`` is standard
input, read as JSONL (or as one document with ``--format text|html``).

The order is deterministic, so an interrupted run can skip exactly the
items it already committed (see :mod:`cleannews.batch.sinks`). Reading
never raises for one bad document: a line too long or a file that cannot
be read becomes an :class:`Item` carrying ``error``, and the worker sends
it to the errors sink.

    >>> items = list(iter_items(["-"], stdin=io.BytesIO(b'{"id": 1}\\n\\n{"id": 2}\\n')))
    >>> [(i.seq, i.line, i.payload) for i in items]
    [(0, 1, b'{"id": 1}\\n'), (1, 3, b'{"id": 2}\\n')]
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import logging
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple
from zlib import error as zlib_error

import regex

from cleannews._input import bom_codec, looks_like_html, record_line_as_cp1252
from cleannews.batch.limits import (
    REPORT_NAME,
    SINK_FILES,
    STATE_NAME,
    STDOUT_SINK_FOLDERS,
    out_file_stem,
)
from cleannews.document import Change

__all__ = [
    "HARD_RECORD_BYTES",
    "JSONL_SUFFIXES",
    "MISSING_INPUT",
    "TEXT_SUFFIXES",
    "DamagedData",
    "Item",
    "NotRegular",
    "Unlisted",
    "iter_items",
    "kind_of",
]

log = logging.getLogger("cleannews")

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", *HTML_SUFFIXES)
#: Parquet file names: refused when named, skipped with a warning inside folders.
PARQUET_SUFFIXES = (".parquet", ".parq")
#: Bytes of one record kept in memory at most; the rest of a longer line is
#: skipped (the error record says so). Records above ``max_record_bytes``
#: but below this are preserved whole in the errors sink.
HARD_RECORD_BYTES = 64 * 1024 * 1024
#: Read size used to skip the tail of an over-long line.
_SKIP_CHUNK = 1024 * 1024
#: What every command says of an input path that does not exist ("NAME: no such file or
#: folder"): an input may be a folder, and `clean` said the OS's "No such file or directory"
#: where `run` and `score` said this (:func:`read_problem`).
MISSING_INPUT = "no such file or folder"


@dataclass
class Item:
    """One input document before processing (picklable, sent to the workers).

    ``kind`` is ``"jsonl"`` (``payload`` is one raw line), ``"text"`` or
    ``"html"`` (``payload`` is the whole file). ``error`` is set when the
    document could not even be read; ``truncated`` when only the first
    :data:`HARD_RECORD_BYTES` of it were kept.
    """

    seq: int
    source: str
    kind: str
    payload: bytes = b""
    line: int | None = None
    id: str | None = None
    error: str | None = None
    error_type: str | None = None
    truncated: bool = False
    size: int = 0
    #: ``size`` is the input's (false: at least that, an endless stream read no further)
    size_exact: bool = True


def item_record(item: Item, text_field: str) -> tuple[dict | None, str] | None:
    """``(record, text)`` of a readable item, for the passes that read a batch ahead
    of the run (site templates, copies); ``record`` is ``None`` for a text or HTML
    file. ``None`` when the item has no usable text (it fails in the run itself).

    >>> item_record(Item(0, "a.jsonl", "jsonl", b'{"text": "Bonjour"}'), "text")
    ({'text': 'Bonjour'}, 'Bonjour')
    >>> item_record(Item(0, "a.jsonl", "jsonl", b'{"body": 1}'), "text") is None
    True
    >>> item_record(Item(0, "a.jsonl", "jsonl", b'{"text": "a\\\\ud83d b"}'), "text")[1]
    'a\ufffd b'
    """
    if item.error or item.truncated or not item.payload:
        return None
    if item.kind != "jsonl":
        return None, item.payload.decode("utf-8", "replace")
    read = line_text(item.payload)  # a line in Windows-1252 too, as the run reads it
    if read is None:
        return None
    try:
        record = json.loads(read[0].lstrip("\ufeff"))
    except (ValueError, RecursionError):  # `[[[[…` thousands deep: the run's `json` error
        # (a RecursionError traceback ended --find-copies and --site-templates runs)
        return None
    if not isinstance(record, dict):
        return None
    from cleannews.batch.ids import field_value

    text = field_value(record, text_field)  # `doc.text`: a nested field, as the run reads it
    if not isinstance(text, str):
        return None
    from cleannews._input import fix_surrogates

    # a lone surrogate escape (`"\\ud83d"`, half an emoji) cannot be hashed as UTF-8: read
    # as the run reads it (U+FFFD), or the first pass died on one record
    return record, fix_surrogates(text)[0]


def kind_of(name: str, fmt: str = "auto") -> str | None:
    """``"jsonl"``, ``"text"``, ``"html"`` or ``None`` (not an input) for a file name.

    >>> kind_of("a/b.jsonl.gz"), kind_of("x.HTML"), kind_of("x.txt", "html"), kind_of("x.png")
    ('jsonl', 'html', 'html', None)
    """
    low = name.lower()
    if low.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if not low.endswith(TEXT_SUFFIXES):
        return None
    if fmt != "auto":
        return fmt
    return "html" if low.endswith(HTML_SUFFIXES) else "text"


#: A gzip-compressed text or HTML file (``t.txt.gz``, ``page.html.gz``): read decompressed,
#: named as an INPUT or found in a folder (a folder skipped them until audit20).
GZIP_SUFFIX = ".gz"


def gzip_document(name: str) -> bool:
    """Whether ``name`` is a gzip-compressed text or HTML file by its name.

    >>> gzip_document("a/t.txt.gz"), gzip_document("P.HTML.GZ"), gzip_document("d.jsonl.gz")
    (True, True, False)
    >>> gzip_document("notes.md.gz"), gzip_document(".gz")
    (False, False)
    """
    low = name.lower()
    return low.endswith(GZIP_SUFFIX) and kind_of(low[: -len(GZIP_SUFFIX)]) in ("text", "html")


def document_name(name: str) -> str:
    """``name`` without the ``.gz`` of a gzip-compressed text or HTML file (what its data
    is, for the format and the mirrored text's name), else ``name``.

    >>> document_name("d/t.txt.gz"), document_name("p.html.GZ"), document_name("d.jsonl.gz")
    ('d/t.txt', 'p.html', 'd.jsonl.gz')
    """
    return name[: -len(GZIP_SUFFIX)] if gzip_document(name) else name


def named_kind(name: str, fmt: str = "auto") -> str:
    """``"text"`` or ``"html"`` for a file named as an INPUT that is no input by its name
    (:func:`kind_of`): a gzip-compressed ``.html.gz`` page is HTML (its data is read
    decompressed, :func:`open_document`), any other name text, or ``fmt`` when forced.

    >>> named_kind("a/page.HTML.gz"), named_kind("t.txt.gz"), named_kind("notes", "html")
    ('html', 'text', 'html')
    """
    if fmt != "auto":
        return fmt
    return "html" if gzip_document(name) and kind_of(document_name(name)) == "html" else "text"


#: Plain JSON files: read as JSONL when they hold one object per line (many dumps are named
#: so), refused when they hold one array or one pretty-printed object (see :func:`json_kind`).
JSON_SUFFIXES = (".json", ".json.gz")


def json_kind(name: str) -> str | None:
    """For a file named ``*.json`` / ``*.json.gz``: ``"jsonl"`` when it holds JSON object
    records one per line, ``"document"`` when it holds anything else (a JSON array of
    records, one pretty-printed object: read as one text document, every record was lost
    in it), ``None`` for another name or a file that cannot be read (reported later).
    """
    if not name.lower().endswith(JSON_SUFFIXES):
        return None
    head = _file_head(name)
    if head is None:
        return None
    return "jsonl" if sniff_kind(head) == "jsonl" else "document"


def sniffed_jsonl(name: str) -> bool:
    """Whether the regular file ``name`` starts with JSONL records (gzip data decompressed, a
    UTF-16 byte-order mark read), as :func:`sniff_kind` tells standard input; an empty or
    unreadable file is not (it is reported as a document later)."""
    head = _file_head(name)
    return head is not None and sniff_kind(head) == "jsonl"


def _file_head(name: str) -> bytes | None:
    """The first :data:`SNIFF_BYTES` of the regular file ``name`` as the readers see them
    (gzip decompressed, UTF-16 read as UTF-8), or ``None`` when it is not a regular file,
    holds only blanks (a UTF-8 mark aside) or cannot be read: a damaged gzip raises
    ``zlib.error``, which crashed ``run`` on a ``.json.gz`` (reported later as an error)."""
    if not os.path.isfile(name):
        return None
    try:
        with _open_binary(name) as f:
            head = f.read(SNIFF_BYTES)
    except (OSError, EOFError, ValueError, zlib_error):
        return None
    return head if head.removeprefix(UTF8_BOM).strip() else None


def _posix(path: str) -> str:
    """The path as given, normalised to forward slashes without ``./``; a file name that is
    not UTF-8 (``caf\\xe9.txt`` from an old archive) shows its bytes as ``\\xNN``.

    Python names such a file with lone surrogates (``caf\\udce9.txt``): as an id they made
    the run state unwritable (a traceback after the first chunk) and the output records
    unreadable by strict JSON readers (orjson, datatrove).

    >>> _posix("./seeds//a.txt"), _posix("d/caf\\udce9.txt")
    ('seeds/a.txt', 'd/caf\\\\xe9.txt')
    """
    return printable_name(Path(path).as_posix())


_SURROGATE = regex.compile("[\ud800-\udfff]")


def printable_name(name: str) -> str:
    """``name`` with the bytes of a file name that is not UTF-8 shown as ``\\xNN``.

    >>> printable_name("caf\\udce9.txt"), printable_name("café.txt")
    ('caf\\\\xe9.txt', 'café.txt')
    """
    if _SURROGATE.search(name):
        name = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


#: Characters shown escaped on a terminal: C0 and C1 controls but the tab, DEL, line and
#: paragraph separators, the bidirectional embeddings, overrides and isolates, and the
#: direction marks (U+200E, U+200F, U+061C: invisible, and they move the punctuation and
#: digits beside them, so ``a\u200f-1`` was shown as another id; audit32).
_TERMINAL_UNSAFE = regex.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e"
                                 r"\u2066-\u2069\u200e\u200f\u061c]")


def terminal_safe(text: str) -> str:
    """``text`` with its control characters escaped (``\\x1b``, ``\\n``, ``\\u202e``), for a
    line on a terminal: ids, file names and input lines come from the data, and printed raw
    a ``"\\n"`` forged log lines and ``ESC[2J`` cleared the user's screen.

    >>> terminal_safe("a\\nb\\x1b[2J\\tc\\u202e")
    'a\\\\nb\\\\x1b[2J\\tc\\\\u202e'
    """
    return _TERMINAL_UNSAFE.sub(lambda m: ascii(m[0])[1:-1], text)


class NotRegular(str):
    """A path found in a folder walk that is not a regular file (a FIFO, a socket, a device).

    It is never opened: opening a FIFO waits for a writer, so one ``mkfifo corpus/b.txt``
    blocked the whole run. Readers turn it into a ``read`` error naming :attr:`problem`.

        >>> NotRegular("corpus/b.txt").problem
        'not a regular file (a FIFO, a socket or a device): skipped, never opened in a folder'
    """

    what = "a FIFO, a socket or a device"

    @property
    def problem(self) -> str:
        return f"not a regular file ({self.what}): skipped, never opened in a folder"


class Unlisted(NotRegular):
    """A folder met in a walk whose entries cannot be listed (no permission to read it, a
    path too long, a folder removed while the walk ran): it is yielded in the walk's place of
    it, and the readers make it a ``read`` error naming it, as a FIFO. ``os.walk`` skipped
    such a folder without a word: every document in it was lost, the run exited 0.

        >>> Unlisted("corpus/2024", PermissionError(13, "Permission denied")).problem
        'cannot list this folder (Permission denied): the files in it were not read'
    """

    def __new__(cls, path: str, error: OSError) -> Unlisted:
        found = super().__new__(cls, path)
        found.reason = read_problem(error)
        return found

    @property
    def problem(self) -> str:
        return f"cannot list this folder ({self.reason}): the files in it were not read"


def _real(path: Path) -> Path:
    """``path.resolve()``, or the path made absolute when it is a link loop (``a.txt`` ->
    ``b.txt`` -> ``a.txt``: ``resolve`` raised ``RuntimeError`` on Python < 3.13, and that
    traceback ended a run over the folder; reading the file gives its `read` error)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _is_link(path: Path) -> bool:
    """Whether ``path`` is a symbolic link; ``False`` when it cannot be looked at: a folder
    nested past PATH_MAX ("File name too long") stopped the run here (exit 2), where
    ``os.walk`` then fails to list it and the walk yields it as an :class:`Unlisted` error.

    >>> _is_link(Path("/" + "d" * 300 + "/x" * 3000))
    False
    """
    try:
        return path.is_symlink()
    except OSError:
        return False


def _not_regular(path: Path) -> NotRegular | None:
    """``path`` as a :class:`NotRegular` when it exists and is not a regular file (links
    followed), else ``None``."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # a dangling link: reading it gives the `read` error
    if stat.S_ISREG(mode):
        return None
    found = NotRegular(str(path))
    if stat.S_ISFIFO(mode):
        found.what = "a FIFO"
    elif stat.S_ISSOCK(mode):
        found.what = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        found.what = "a device"
    return found


#: Suffixes of compressed files: a skipped one must be decompressed, not named as an INPUT.
COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz", ".zst", ".zip", ".7z", ".tgz", ".lz4")
#: Extensions of files that are mostly RSS or Atom feeds, which every command refuses
#: (:func:`cleannews.batch.process.feed_kind`): the folder warning says so when it skips one.
FEED_SUFFIXES = (".xml", ".rss", ".atom")
#: Kinds of skipped files (by extension) the folder warning names, and files named per kind.
SKIPPED_KINDS_SHOWN = 5
SKIPPED_NAMES_SHOWN = 2
#: Kinds counted separately at most (a folder of millions of oddly named files costs no
#: more): the others are counted together.
_SKIPPED_KINDS_KEPT = 64


def skipped_kind(name: str) -> str:
    """How the folder warning groups a skipped file: its extension, with the one before a
    compression suffix (``.txt.gz``), or ``"no extension"``.

    >>> skipped_kind("notes.MD"), skipped_kind("a.txt.gz"), skipped_kind("README")
    ('.md', '.txt.gz', 'no extension')
    """
    parts = name.lower().rsplit(".", 2)
    if len(parts) == 1 or not parts[-1] or (not parts[0] and len(parts) == 2):
        return "no extension"
    ext = "." + parts[-1]
    if ext in COMPRESSED_SUFFIXES and len(parts) == 3 and parts[0] and parts[1]:
        ext = "." + parts[-2] + ext
    return ext


class SkippedFiles:
    """The files a folder walk skips, counted by kind (:func:`skipped_kind`) with the first
    few names of each: the warning says which files were skipped, why, and how to read them
    (it said "4 file(s) skipped, not .txt / .html / .jsonl(.gz) (e.g. corp/README);
    compressed text must be decompressed first" of a folder of notes).

    >>> seen = SkippedFiles()
    >>> for name in ("c/a.md", "c/b.md", "c/d.md", "c/README", "c/t.txt.bz2"):
    ...     seen.add(name)
    >>> print(seen.message("c"))  # doctest: +NORMALIZE_WHITESPACE
    c: 5 file(s) skipped: 3 .md (c/a.md, c/b.md, …), 1 with no extension (c/README),
    1 .txt.bz2 (c/t.txt.bz2); a folder is read for its .txt, .html, .htm, .xhtml, .jsonl and
    .ndjson (.gz) files only; to read another file, name it as an INPUT (it is read as
    standard input is: JSONL records, an HTML page or a text); decompress .txt.bz2 files first
    (-v lists every skipped file)
    """

    def __init__(self, *, jsonl: bool = True) -> None:
        self.jsonl = jsonl  # whether the command reads a folder's JSONL files
        self.count = 0
        self.kinds: dict[str, list] = {}  # kind -> [count, first names]

    def add(self, path: str) -> None:
        self.count += 1
        kind = skipped_kind(os.path.basename(path))
        if kind not in self.kinds and len(self.kinds) >= _SKIPPED_KINDS_KEPT:
            kind = "other"
        entry = self.kinds.setdefault(kind, [0, []])
        entry[0] += 1
        if len(entry[1]) < SKIPPED_NAMES_SHOWN:
            entry[1].append(terminal_safe(path))

    def message(self, root: str) -> str:
        ranked = sorted(self.kinds.items(), key=lambda kv: -kv[1][0])
        groups = []
        for kind, (n, names) in ranked[:SKIPPED_KINDS_SHOWN]:
            label = "with no extension" if kind == "no extension" else kind
            more = ", …" if n > len(names) else ""
            groups.append(f"{n} {label} ({', '.join(names)}{more})")
        if len(ranked) > SKIPPED_KINDS_SHOWN:
            rest = sum(n for _, (n, _names) in ranked[SKIPPED_KINDS_SHOWN:])
            groups.append(f"{rest} of {len(ranked) - SKIPPED_KINDS_SHOWN} other kind(s)")
        read = (".txt, .html, .htm, .xhtml, .jsonl and .ndjson (.gz)" if self.jsonl
                else ".txt, .html, .htm and .xhtml (.gz)")
        packed = [k for k in self.kinds if k.endswith(COMPRESSED_SUFFIXES)]
        plain = [k for k in self.kinds if k not in packed]
        how = []
        if plain:
            how.append("to read another file, name it as an INPUT (it is read as " + (
                "standard input is: JSONL records, an HTML page or a text" if self.jsonl else
                "text, or as HTML when it starts like a page") + ")")
        if packed:
            how.append(f"decompress {', '.join(packed[:3])} files first")
        feeds = [k for k in self.kinds if k in FEED_SUFFIXES]
        if feeds:  # named, a feed is refused: say so before the user names it (round 35)
            how.append(f"an RSS or Atom feed ({', '.join(feeds)}) is refused: make one JSONL "
                       "record per item (docs/cli.md, \"RSS and Atom feeds\")")
        return (f"{terminal_safe(root)}: {self.count} file(s) skipped: {', '.join(groups)}; "
                f"a folder is read for its {read} files only; {'; '.join(how)} "
                "(-v lists every skipped file)")


#: Owner files (:func:`cleannews.batch.sinks.owner_file`) of the sinks that live in folders
#: of their own (``DIR/clean.jsonl``, ``DIR/quarantine/quarantine.jsonl`` … and ``.gz``).
_FOLDER_SINK_OWNERS = frozenset(f".{name}{gz}.owner" for name in SINK_FILES.values()
                                for gz in ("", ".gz"))


def sink_folder(filenames: Iterable[str], name: str = "") -> bool:
    """Whether a folder ``name`` whose files are ``filenames`` holds the output of a cleannews
    run: its run state (``--out DIR``: the clean sink and the mirrored texts), the owner file
    of a sink kept in a folder of its own (quarantine, errors, duplicates; the quarantine's
    mirrored texts), or the sink of a run to standard output in its default folder
    (``cleannews-errors/errors.jsonl`` …: such a run writes no owner file).

    A corpus folder that holds an earlier run's output (``run corpus --out corpus/cleaned``,
    which that run itself skips) was read whole by the next ``run corpus --out other``,
    ``score corpus`` or ``clean corpus``: every document came back a second time as its
    mirrored text, and every sink record as a ``missing_field`` error (audit21).

    >>> sink_folder([".cleannews-run.json", "clean.jsonl"]), sink_folder(["a.txt"])
    (True, False)
    >>> sink_folder([".errors.jsonl.gz.owner", "errors.jsonl.gz"])
    True
    >>> sink_folder(["errors.jsonl"], "cleannews-errors"), sink_folder(["errors.jsonl"], "x")
    (True, False)
    """
    names = set(filenames)
    if any(n == STATE_NAME or n in _FOLDER_SINK_OWNERS for n in names):
        return True
    sink = {v: k for k, v in STDOUT_SINK_FOLDERS.items()}.get(name)
    return sink is not None and any(SINK_FILES[sink] + gz in names for gz in ("", ".gz"))


def sink_files(filenames: Iterable[str]) -> set[str]:
    """The files among ``filenames`` that are sinks of a cleannews run: each has its owner
    file beside it (``--out corpus/all.jsonl`` writes ``corpus/.all.jsonl.owner``).

    >>> sorted(sink_files(["a.txt", "all.jsonl", ".all.jsonl.owner", ".x.owner"]))
    ['all.jsonl']

    The report such a run writes beside its output file (``all.report.json``) is an output
    too: as a ``.json`` file it was skipped with the advice to read it as JSONL records
    (audit22).

    >>> sorted(sink_files(["all.jsonl", ".all.jsonl.owner", "all.report.json", "b.json"]))
    ['all.jsonl', 'all.report.json']
    >>> sorted(sink_files(["c.2024.jsonl", ".c.2024.jsonl.owner", "c.2024.report.json"]))
    ['c.2024.jsonl', 'c.2024.report.json']
    """
    names = set(filenames)
    sinks = {n[1:-len(".owner")] for n in names
             if n.startswith(".") and n.endswith(".owner") and n[1:-len(".owner")] in names}
    reports = {f"{out_file_stem(n)}.{REPORT_NAME}" for n in sinks}
    return sinks | (reports & names)


def _unlisted(errors: list[OSError], root: str) -> Iterator[Unlisted]:
    """The folders of ``errors`` (``os.walk``'s ``onerror`` calls, emptied) as :class:`Unlisted`
    paths."""
    while errors:
        exc = errors.pop(0)
        yield Unlisted(os.fsdecode(exc.filename) if exc.filename is not None else root, exc)


def walk_folder(root: str, exclude: Iterable[Path] = (), *, warn: bool = True,
                jsonl: bool = True) -> Iterator[str]:
    """Input files under ``root``, sorted, skipping hidden entries and ``exclude`` paths.

    A FIFO, socket or device among them is yielded as a :class:`NotRegular` (never to be
    opened: the readers make it an error). Skipped files (Parquet, not text, links to
    folders) are warned about unless ``warn`` is false (a look-ahead pass: the run says it);
    ``jsonl`` false: the command skips the JSONL files yielded (``clean``), the warning
    does not say they are read."""
    skip = {_real(p) for p in exclude}
    # counts and a few examples only: a crawl folder of millions of images must not cost
    # a list of their names
    ignored = SkippedFiles(jsonl=jsonl)
    json_files, first_json = 0, ""  # `.json` files: JSONL records maybe, read when named
    linked: list[str] = []  # links to folders: os.walk does not enter them (no loops)
    outputs, first_output = 0, ""  # an earlier run's sinks and mirrored texts (audit21)
    unlisted: list[OSError] = []  # folders the walk could not list: each yielded, not lost
    for dirpath, dirnames, filenames in os.walk(root, onerror=unlisted.append):
        yield from _unlisted(unlisted, root)
        here = Path(dirpath)
        if dirpath != root and sink_folder(filenames, here.name):  # its texts, its records
            dirnames[:] = []
            outputs += 1
            first_output = first_output or dirpath
            log.info("%s: skipped (the output of a cleannews run)", terminal_safe(dirpath))
            continue
        sinks = sink_files(filenames)
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and _real(here / d) not in skip
        )
        linked.extend(str(here / d) for d in dirnames if _is_link(here / d))
        for name in sorted(filenames):
            if name in sinks:
                outputs += 1
                first_output = first_output or os.path.join(dirpath, name)
                log.info("%s: skipped (a sink file of a cleannews run)",
                         terminal_safe(os.path.join(dirpath, name)))
                continue
            if name.lower().endswith(PARQUET_SUFFIXES):
                if warn:
                    log.warning("%s: Parquet is not supported, skipped (convert it to JSONL)",
                                here / name)
            elif not name.startswith(".") and name.lower().endswith(JSON_SUFFIXES):
                json_files += 1
                first_json = first_json or str(here / name)
            elif not name.startswith(".") and kind_of(name) is None and not gzip_document(name):
                # os.path.join, not `here / name`: pathlib interns every part, and the
                # interned names of a crawl's 20,000 images stayed in memory
                ignored.add(os.path.join(dirpath, name))
                if warn and log.isEnabledFor(logging.INFO):
                    kind = skipped_kind(name)
                    log.info("%s: skipped (%s is not read in a folder; %s)",
                             terminal_safe(os.path.join(dirpath, name)),
                             "a file with no extension" if kind == "no extension"
                             else f"a {kind} file", "decompress it first"
                             if kind.endswith(COMPRESSED_SUFFIXES)
                             else "name it as an INPUT to read it")
            if not name.startswith(".") and (kind_of(name) is not None or gzip_document(name)) \
                    and (not skip or _real(here / name) not in skip):
                yield _not_regular(here / name) or str(here / name)
    yield from _unlisted(unlisted, root)
    if ignored.count and warn:
        log.warning("%s", ignored.message(root))
    if json_files and warn:  # it said "not .txt / .html / .jsonl(.gz)", with no way out
        log.warning(
            "%s: %d .json file(s) skipped (e.g. %s): in a folder they are not read; name such "
            "a file as an INPUT to read its JSONL records (cleannews run %s …)", root,
            json_files, first_json, terminal_safe(first_json))
    if outputs and warn:
        log.warning(
            "%s: %d output(s) of an earlier cleannews run skipped (e.g. %s): its sinks and "
            "mirrored texts are not read again as new documents; name one as an INPUT to read "
            "it", terminal_safe(root), outputs, terminal_safe(first_output))
    if linked and warn:
        log.warning(
            "%s: %d symbolic link(s) to a folder not followed (e.g. %s); give such a folder "
            "as an INPUT of its own to read it", root, len(linked), linked[0])


def _named_twice(inputs: list[str], warn: bool) -> set[int]:
    """Positions of the INPUT arguments that name a path an earlier one named (read once:
    skipped); warns about a file or folder inside a folder also named (its documents are
    read twice). Linear in the arguments: ``run crawl/*.jsonl`` may name thousands of files.
    """
    first: dict[str, str] = {}  # real path -> the argument that named it first
    repeated: set[int] = set()
    for i, name in enumerate(inputs):
        if name == "-" or not os.path.exists(name):
            continue
        real = os.path.realpath(name)
        if real in first:
            repeated.add(i)
            if warn:
                log.warning("%s: named again (as %s): read once", terminal_safe(name),
                            terminal_safe(first[real]))
        else:
            first[real] = name
    folders = {r: n for r, n in first.items() if os.path.isdir(r)}
    if warn and folders:
        for real, name in first.items():
            parent = os.path.dirname(real)
            while parent != real:  # up to the root ("/" is its own parent)
                if parent in folders:
                    log.warning("%s is inside %s, also named: its documents are read twice",
                                terminal_safe(name), terminal_safe(folders[parent]))
                    break
                real, parent = parent, os.path.dirname(parent)
    return repeated


def expand_inputs(inputs: list[str], exclude: Iterable[Path] = (), *,
                  warn: bool = True) -> Iterator[str]:
    """Each INPUT argument, with folders replaced by the input files inside them.

    A path named a second time (``a.jsonl ./a.jsonl``) is read once; a file inside a
    folder also named is read twice, with a warning (``warn=False``: the passes that read
    the inputs ahead of the run say nothing, the run says it once).
    Raises ``FileNotFoundError`` for a path that does not exist.
    """
    exclude = list(exclude)
    repeated = _named_twice(inputs, warn)
    for i, name in enumerate(inputs):
        if i in repeated:
            continue
        if name == "-":
            yield name
        elif os.path.isdir(name):
            found = 0
            for path in walk_folder(name, exclude, warn=warn):
                found += 1
                yield path
            if not found and warn:  # a mistyped or empty folder: say so (clean does too)
                log.warning("%s: no .txt, .html or .jsonl(.gz) files in this folder", name)
        elif os.path.exists(name):
            yield name
        else:
            raise FileNotFoundError(f"{name}: {MISSING_INPUT}")


#: The first bytes of gzip data.
GZIP_MAGIC = b"\x1f\x8b"


class _OwnedGzip(gzip.GzipFile):
    """A gzip reader over an open file that closes that file with itself."""

    def close(self) -> None:
        raw = self.fileobj
        try:
            super().close()
        finally:
            if raw is not None:
                raw.close()


def gzipped(path: str) -> bool:
    """Whether the regular file ``path`` holds gzip data, told by its first bytes, not its name.

    >>> gzipped(__file__)
    False
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return path.lower().endswith(".gz")  # a pipe is never opened twice
        with open(path, "rb") as f:
            return f.read(len(GZIP_MAGIC)) == GZIP_MAGIC
    except OSError:
        return path.lower().endswith(".gz")


def binary_dump(path: str) -> bool:
    """Whether the regular file ``path``, read as JSONL by its name, starts like binary data
    other than gzip (which is decompressed): bzip2, xz or zstd data, a ZIP archive, an image.
    Such a file is read as one document, refused as ``binary`` with the command that
    decompresses it, as under any other name; it was split into "lines" of compressed bytes,
    each a ``utf8`` or ``json`` error of garbage (hundreds for a real dump; round 34).

    >>> binary_dump(__file__), binary_dump("/nonexistent.jsonl")
    (False, False)
    """
    from cleannews._input import binary_kind

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # a pipe is never opened twice
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError:
        return False  # the reading says why
    return not head.startswith(GZIP_MAGIC) and binary_kind(head) is not None


def _open_binary(path: str) -> BinaryIO:
    """A JSONL file opened for reading, decompressed when it holds gzip data (by its first
    bytes: a gzip file saved as ``dump.jsonl`` -- a server's compressed answer -- was read as
    binary lines, each a `utf8` error; a plain file named ``.gz`` a single `read` error)."""
    raw = open(path, "rb")
    try:
        magic = raw.peek(len(GZIP_MAGIC))[: len(GZIP_MAGIC)]
    except OSError:
        magic = b""
    f: BinaryIO = _OwnedGzip(fileobj=raw, mode="rb") if magic == GZIP_MAGIC else raw  # type: ignore[assignment]
    try:
        codec = bom_codec(f.peek(4)[:4])  # type: ignore[attr-defined]
    except (OSError, EOFError, ValueError):  # a broken .gz: iter_jsonl reports it
        return f
    return f if codec is None else as_utf8(f, codec, path)


#: Bytes of a UTF-16 / UTF-32 stream decoded at a time.
_DECODE_CHUNK = 256 * 1024


def _invalid_as_surrogates(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: each undecodable byte becomes a lone surrogate, whose UTF-8 form
    (``surrogatepass``) is invalid UTF-8, so only the JSONL line holding it is refused
    (a ``utf8`` error record); the other lines of the file are read."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "\udcff" * (exc.end - exc.start), exc.end


_INVALID = "cleannews.invalid-utf8"
codecs.register_error(_INVALID, _invalid_as_surrogates)
#: What :func:`_invalid_as_surrogates` makes of a byte: a line holding it is a ``utf8`` error
#: (not read as Windows-1252, as a record's line that is not UTF-8 is otherwise).
UNDECODED_UTF16 = "\udcff".encode("utf-8", "surrogatepass")


def line_text(line: bytes) -> tuple[str, Change | None] | None:
    """The text of a JSONL line and, when it is not UTF-8, the ``decode`` note of how it was
    read (as Windows-1252, as a text file is: :func:`cleannews._input.record_line_as_cp1252`);
    ``None`` when it is no text (a ``utf8`` error): bytes no Windows-1252 text, or a code
    unit of a UTF-16 input that did not decode (:data:`UNDECODED_UTF16`). The one reading of
    a record's line by the run and by the passes ahead of it (copies, site templates).

    >>> line_text(b'{"text": "caf\\xc3\\xa9"}'), line_text(b'{"text": "caf\\xe9"}')[0]
    (('{"text": "café"}', None), '{"text": "café"}')
    >>> line_text(b'{"text": "a' + UNDECODED_UTF16 + b'"}') is None
    True
    """
    try:
        return line.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    return None if UNDECODED_UTF16 in line else record_line_as_cp1252(line)


_SAID: set[tuple[str, str]] = set()


def _once(key: tuple[str, str]) -> bool:
    """True the first time ``key`` is seen in this process: a warning about an input file is
    said once, not again by the passes that read it ahead of the run (``--find-copies``)."""
    if key in _SAID:
        return False
    _SAID.add(key)
    return True


class _Utf8From(io.RawIOBase):
    """The UTF-8 bytes of a UTF-16 or UTF-32 stream; bytes that do not decode become invalid
    UTF-8 in the line that holds them (see :func:`_invalid_as_surrogates`)."""

    def __init__(self, raw: BinaryIO, codec: str, name: str = "") -> None:
        self._raw = raw
        self._codec = codec
        self._name = name
        self._decoder = codecs.getincrementaldecoder(codec)(errors=_INVALID)
        self._pending = b""
        self._eof = False

    def readable(self) -> bool:
        return True

    def readinto(self, buf: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending and not self._eof:
            chunk = self._raw.read(_DECODE_CHUNK)
            self._eof = not chunk
            text = self._decoder.decode(chunk, final=False)
            if (self._eof and (cut := self._decoder.getstate()[0])
                    and _once(("cut", self._name))):
                # a file cut short in the middle of a character (an odd number of bytes): its
                # bytes made a phantom last record, a `utf8` error holding other bytes
                log.warning("%s: the input ends in the middle of a %s character (bytes %s: "
                            "it was cut short): removed", terminal_safe(self._name or "input"),
                            self._codec.upper(), bytes(cut).hex(" "))
            self._pending = text.encode("utf-8", "surrogatepass")
        n = min(len(buf), len(self._pending))
        buf[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()


def as_utf8(stream: BinaryIO, codec: str, name: str = "") -> BinaryIO:
    """``stream`` (UTF-16 / UTF-32 with its byte-order mark) read as UTF-8 lines: JSONL
    saved as Windows "Unicode" text (PowerShell's ``Out-File``) was split into broken lines
    at every ``\\n`` byte pair and each sent to the errors sink as ``utf8``.

    >>> f = as_utf8(io.BytesIO('{"id": "é"}\\n{"id": 2}\\n'.encode("utf-16")), "utf-16-le")
    >>> f.readline(), f.readline()
    (b'\\xef\\xbb\\xbf{"id": "\\xc3\\xa9"}\\n', b'{"id": 2}\\n')
    """
    return io.BufferedReader(_Utf8From(stream, codec, name), _STDIN_BUFFER)  # type: ignore[return-value]


def _read_line(f: BinaryIO) -> tuple[bytes, bool, int]:
    """Read one line, keeping at most :data:`HARD_RECORD_BYTES`: ``(line, truncated, size)``."""
    line = f.readline(HARD_RECORD_BYTES)
    if len(line) < HARD_RECORD_BYTES or line.endswith(b"\n"):
        return line, False, len(line)
    size = len(line)
    while True:
        rest = f.readline(_SKIP_CHUNK)
        size += len(rest)
        if not rest or rest.endswith(b"\n"):
            return line, True, size


#: What a JSONL file's reader may raise part-way: a truncated gzip, a bad CRC, corrupt data.
READ_FAILURES = (OSError, EOFError, ValueError, zlib_error)


def unread_rest(lineno: int, exc: BaseException) -> str:
    """The ``read`` error of a JSONL file whose reading failed after ``lineno`` lines (the
    rest of the file: one error record, in ``run`` and in the datatrove reader).

    >>> unread_rest(984, EOFError("Compressed file ended before the end-of-stream marker"))[:52]
    'could not read the rest of the file after line 984: '
    >>> unread_rest(0, OSError("Not a gzipped file"))
    'could not read the file: Not a gzipped file'
    """
    return (f"could not read the rest of the file after line {lineno}: {exc}" if lineno
            else f"could not read the file: {exc}")


#: The byte-order mark of UTF-8, as Windows tools write it at the start of a file.
UTF8_BOM = b"\xef\xbb\xbf"


def blank_line(line: bytes) -> bool:
    """Whether a JSONL line is blank: white space only, a UTF-8 byte-order mark aside.

    A file saved "empty" by a Windows tool holds just the mark, and ``cat`` of such files
    puts it at the start of a line: that line is no document, as a blank line is not (it
    was a ``json`` error, "the record is cut short", and standard input holding only the
    mark was not said to be empty; round 31).

    >>> blank_line(b"\\xef\\xbb\\xbf\\n"), blank_line(b"  \\r\\n")
    (True, True)
    >>> blank_line(b'\\xef\\xbb\\xbf{"id": 1}\\n')
    False
    """
    return not line.replace(UTF8_BOM, b"").strip()


def blank_input(data: bytes) -> bool:
    """Whether a whole input (standard input, read once) holds no text: white space only, its
    byte-order mark aside — UTF-8's (:func:`blank_line`), or UTF-16's or UTF-32's, as
    Windows tools save an "empty" Unicode text (standard input holding only such a mark was
    not said to be empty, where a UTF-8 mark alone was; round 31).

    >>> blank_input(b""), blank_input(UTF8_BOM + b"\\n"), blank_input(codecs.BOM_UTF16_LE)
    (True, True, True)
    >>> blank_input(codecs.BOM_UTF16_BE + " \\r\\n".encode("utf-16-be"))
    True
    >>> blank_input(codecs.BOM_UTF16_LE + "Le".encode("utf-16-le")), blank_input(b"\\xff\\xfeA")
    (False, False)
    """
    codec = bom_codec(data)
    if codec is None:
        return blank_line(data)
    return not data.decode(codec, errors="replace").lstrip("\ufeff").strip()


def iter_jsonl(f: BinaryIO, source: str, start_seq: int) -> Iterator[Item]:
    """One :class:`Item` per non-blank JSONL line; a read failure ends it with an error item."""
    seq = start_seq
    lineno = 0
    while True:
        try:
            line, truncated, size = _read_line(f)
        except READ_FAILURES as exc:  # truncated gzip, bad CRC …
            yield Item(seq, source, "jsonl", b"", lineno + 1, f"{source}:{lineno + 1}",
                       unread_rest(lineno, exc), "read")
            return
        if not line:
            return
        lineno += 1
        if blank_line(line):
            continue
        yield Item(seq, source, "jsonl", line, lineno, truncated=truncated, size=size)
        seq += 1


def no_records_message(ident: str) -> str:
    """The warning for a named JSONL file that holds no record (empty, blank lines only, a
    byte-order mark only): a dump that came out empty was read without a word but the run's
    "0 documents in" (round 35). A warning, exit code 0: no document was refused, as for an
    empty folder or empty standard input.

    >>> no_records_message("dump/empty.jsonl")
    'dump/empty.jsonl: 0 documents: the JSONL file holds no record (empty or blank lines only)'
    """
    return (f"{terminal_safe(ident)}: 0 documents: the JSONL file holds no record (empty or "
            "blank lines only)")


def iter_items(
    inputs: list[str],
    fmt: str = "auto",
    *,
    stdin: BinaryIO | None = None,
    exclude: Iterable[Path] = (),
    skip: int = 0,
    limit: int | None = None,
    last_place: str | None = None,
    warn: bool = True,
) -> Iterator[Item]:
    """All documents of ``inputs`` in a deterministic order, numbered from 0 by ``seq``.

    ``fmt`` forces ``"text"`` or ``"html"`` for non-JSONL files (and for the
    texts inside JSONL records, see :mod:`cleannews.batch.process`). The
    first ``skip`` items (committed by an interrupted run) are not yielded,
    and files among them are not even read. ``limit`` stops after the first
    ``limit`` documents (``--limit``). ``last_place`` is the :func:`place` of the last
    committed item: when the item ``skip - 1`` is somewhere else, the inputs changed since
    (a file added to or removed from a folder) and :class:`InputsChanged` is raised before
    any item is yielded.
    """
    seen = last_place is None or skip == 0
    for item in _all_items(inputs, fmt, stdin, exclude, skip, warn):
        if item.seq == skip - 1 and not seen:
            if place(item) != last_place:
                raise InputsChanged(
                    f"the inputs changed since the run it continues: its last committed "
                    f"document was {last_place}, it is now {place(item)} (a file added to or "
                    "removed from an input folder?); --resume would skip or repeat documents: "
                    "use --force to start over")
            seen = True
        if limit is not None and item.seq >= limit:
            return
        if item.seq >= skip:
            yield item
    if not seen:
        raise InputsChanged(
            f"the inputs changed since the run it continues: they now hold fewer than the "
            f"{skip} documents it committed (its last was {last_place}); use --force to start "
            "over")


class InputsChanged(Exception):
    """``--resume`` on inputs that no longer hold the committed documents in the same order."""


def place(item: Item) -> str:
    """Where an item comes from: ``path`` of a file, ``path:line`` of a JSONL record.

    >>> place(Item(0, "a.jsonl", "jsonl", line=3)), place(Item(1, "b.txt", "text"))
    ('a.jsonl:3', 'b.txt')
    """
    return f"{item.source}:{item.line}" if item.line is not None else item.source


def _all_items(
    inputs: list[str], fmt: str, stdin: BinaryIO | None, exclude: Iterable[Path], skip: int,
    warn: bool = True,
) -> Iterator[Item]:
    seq = 0

    def stream_items(f: BinaryIO, source: str, at: int) -> Iterator[Item]:
        return _stream_items(f, source, fmt, at)

    for name in expand_inputs(inputs, exclude, warn=warn):
        if name == "-":
            stream = stdin if stdin is not None else sys_stdin()
            for item in _stream_items(stream, "-", fmt, seq):
                yield item
                seq = item.seq + 1
            continue
        ident = _posix(name)
        if kind_of(name) is None and is_stream(name):
            # `run <(zcat dump.jsonl.gz)`: a pipe named by its path is read once and sniffed
            # like stdin (it was read as one text, after a Parquet check had emptied it)
            for item in _opened_items(name, ident, "text", seq, _open_raw, stream_items):
                yield item
                seq = item.seq + 1
            continue
        kind = kind_of(name, fmt) or named_kind(name, fmt)
        if fmt == "auto" and (json_kind(name) == "jsonl" or (  # JSONL named .json
                kind_of(name) is None and not isinstance(name, NotRegular)
                and sniffed_jsonl(name))):
            # JSONL records in a file of another name (`dump`, `crawl.out`): sniffed as
            # standard input is; the whole file was one text document, every record lost in it
            kind = "jsonl"
        if kind == "jsonl" and binary_dump(name):  # `dump.jsonl` holding xz data …
            kind = "text"  # one document, refused as `binary` as under another name
        if isinstance(name, NotRegular):  # a FIFO in a folder: opening it would block
            yield Item(seq, ident, kind, b"", None, ident, name.problem, "read")
            seq += 1
            continue
        if kind == "jsonl":
            first = seq
            for item in _opened_items(name, ident, "jsonl", seq, _open_binary, iter_jsonl):
                yield item
                seq = item.seq + 1
            if warn and seq == first:  # `score empty.jsonl` said nothing but "0 documents in"
                log.warning("%s", no_records_message(ident))
            continue
        if seq < skip:  # committed: not read (only its place is checked, see iter_items)
            yield Item(seq, ident, kind, b"", None, ident)
            seq += 1
            continue
        try:
            data, truncated, size, exact = read_file(name, reading_as_html(name, fmt))
        except OSError as exc:
            yield Item(seq, ident, kind, b"", None, ident,
                       cannot_read(exc), "read")
        else:
            if fmt == "auto" and kind == "text":
                kind = file_kind(name, ident, data, warn)
            if (warn and fmt == "auto" and kind == "text" and data.strip()
                    and sniff_kind(data[:SNIFF_BYTES]) == "jsonl"):
                log.warning("%s: looks like JSONL records, read as one text document (a .txt "
                            "file); name it .jsonl to read its records", terminal_safe(ident))
            yield Item(seq, ident, kind, data, None, ident, truncated=truncated, size=size,
                       size_exact=exact)
        seq += 1


#: Whether this process has said that a ``.txt`` file starts like an HTML page (said for the
#: first such file, the others at ``-v``: a crawl saved page by page as ``.txt`` would say it
#: once a page; :func:`file_kind`).
_TXT_PAGE_SAID = False


def file_kind(name: str, ident: str, data: bytes, warn: bool = True) -> str:
    """``"html"`` or ``"text"`` for the data of a file that :func:`kind_of` /
    :func:`named_kind` made ``"text"`` under ``--format auto``.

    A file named with another extension (``dump``, ``page.out``, ``article``) is HTML when it
    starts like a page (:func:`cleannews._input.looks_like_html`), as ``cleannews clean`` and
    standard input read it (README, "a file named with another extension ... sniffed"):
    ``run`` and ``score`` read such a page as text, tags and all (round 33). A ``.txt`` file
    stays text, as documented; when it starts like a page the first one is named in a
    warning that says how to read it as HTML (it was cleaned tags and all without a word).

    >>> import cleannews.batch.sources as s
    >>> page = b"<!DOCTYPE html><html><body><p>Le maire a parl\\xc3\\xa9.</p></body></html>"
    >>> s.file_kind("crawl/page.out", "crawl/page.out", page)
    'html'
    >>> s.file_kind("notes", "notes", b"Le maire a parl\\xc3\\xa9.")
    'text'
    >>> s.file_kind("a.txt", "a.txt", page, warn=False)
    'text'
    """
    global _TXT_PAGE_SAID
    if not looks_like_html(data):
        return "text"
    if not document_name(name).lower().endswith(".txt"):
        return "html"
    if warn:
        said = _TXT_PAGE_SAID
        _TXT_PAGE_SAID = True
        (log.info if said else log.warning)(
            "%s: starts like an HTML page but is read as text, tags and all (a .txt file is "
            "text under --format auto); --format html reads it as a page, or name it "
            ".html%s", terminal_safe(ident),
            "" if said else " (said for the first such file; -v names each)")
    return "text"


def _open_raw(name: str) -> BinaryIO:
    """``name`` opened for reading bytes as they are (a pipe: not sniffed for gzip)."""
    return open(name, "rb")


def _opened_items(
    name: str, ident: str, kind: str, seq: int, opener: Callable[[str], BinaryIO],
    read: Callable[[BinaryIO, str, int], Iterator[Item]],
) -> Iterator[Item]:
    """The items ``read(f, ident, seq)`` gives from ``f = opener(name)`` (closed after), or,
    when it cannot be opened, one ``read`` error item of ``kind`` that says why.

    >>> [i.error for i in _opened_items("/nonexistent/a.jsonl", "a.jsonl", "jsonl", 0,
    ...                                 _open_binary, iter_jsonl)]
    ['cannot open: no such file or folder']
    """
    try:
        f = opener(name)
    except OSError as exc:
        yield Item(seq, ident, kind, b"", None, ident, f"cannot open: {read_problem(exc)}", "read")
        return
    with f:
        yield from read(f, ident, seq)


def is_stream(name: str) -> bool:
    """Whether the input ``name`` is a pipe or a device (``/dev/fd/63`` of ``<(zcat x)``,
    a FIFO), which can be read once only: not a regular file nor a folder.

    >>> is_stream("/dev/null"), is_stream(__file__), is_stream("/nonexistent")
    (True, False, False)
    """
    try:
        mode = os.stat(name).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _stream_items(stream: BinaryIO, source: str, fmt: str, seq: int) -> Iterator[Item]:
    """The documents of a stream read once (stdin, a pipe): sniffed with ``--format auto``
    (JSONL records, one HTML page or one text), else one document of ``fmt``."""
    kind = fmt
    if fmt == "auto":
        head = stream.read(SNIFF_BYTES)
        if head.startswith(GZIP_MAGIC):
            # `cat dump.jsonl.gz | cleannews run -`: decompressed, as a gzip file is whatever
            # its name (it was one `binary` error, "decompress it first")
            seen = _Recorded(_Prefixed(head, stream))
            gz = _OwnedGzip(fileobj=io.BufferedReader(seen, _STDIN_BUFFER), mode="rb")
            try:
                head = gz.read(SNIFF_BYTES)
            except (OSError, EOFError, ValueError) as exc:  # truncated, corrupt …: the raw
                # bytes (those read so far, then the rest) go to the errors sink, not lost
                data, truncated, size, exact = read_document(
                    io.BufferedReader(_Prefixed(seen.stop(), stream), _STDIN_BUFFER),
                    refuse=False)
                yield Item(seq, source, "text", data, None, source,
                           f"could not decompress the gzip data: {exc}", "read",
                           truncated=truncated, size=size, size_exact=exact)
                return
            seen.stop()
            stream = gz
        if len(head) < SNIFF_BYTES and blank_input(head):
            # `zcat missing.gz | cleannews run - …`: the command before the pipe failed, and
            # the run said only "0 documents in", exit 0 (an empty folder is warned about too)
            log.warning("%s: no documents: the input is empty%s", source,
                        " (did the command before the pipe fail?)" if source == "-" else "")
        stream = io.BufferedReader(_Prefixed(head, stream), _STDIN_BUFFER)
        codec = bom_codec(head)
        if codec is not None:  # UTF-16 / UTF-32 text: sniffed, and records read, as UTF-8
            wide = codecs.getincrementaldecoder(codec)(errors="replace").decode(head)
            kind = sniff_kind(wide.encode("utf-8", "surrogatepass"))
            if kind == "jsonl":
                stream = as_utf8(stream, codec, source)
            # else one page or text: the pipeline decodes it whole (a decode_utf16 change)
        else:
            kind = sniff_kind(head)
    if kind in ("text", "html"):
        data, truncated, size, exact = read_document(stream, html=kind == "html")
        yield Item(seq, source, kind, data, None, source, truncated=truncated, size=size,
                   size_exact=exact)
        return
    yield from iter_jsonl(stream, source, seq)


#: Bytes of standard input looked at to tell JSONL, HTML and plain text apart.
SNIFF_BYTES = 4096
_STDIN_BUFFER = 1024 * 1024
#: How a JSON object record begins: a brace, then a key ("{Exclusif} …" is text).
_OBJECT_START = regex.compile(rb'\{\s*"')


def _is_record(line: bytes, complete: bool = True) -> bool:
    """Whether ``line`` is a JSON object; a line the sniffed bytes cut (``complete`` false:
    a record longer than :data:`SNIFF_BYTES`) only has to begin like one."""
    if not complete:
        return _OBJECT_START.match(line) is not None
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return _starts_with_object(line)
    except RecursionError:  # an object nested thousands deep: a record the run will refuse
        # as `json` (the sniff of `run -`, `clean -` and of a file named `dump` or `x.json`
        # ended in a RecursionError traceback)
        return _OBJECT_START.match(line) is not None


def _starts_with_object(line: bytes) -> bool:
    """Whether ``line`` begins with a whole JSON object and goes on: records glued on one line
    (their line break lost) or a record with an invalid byte in its text. The run files such a
    line as a ``json`` (or ``utf8``) error with its id; a stream whose first two lines were
    such was taken for one text, every record in it cleaned as prose (round 31).

    >>> _starts_with_object(b'{"id": "a", "text": "x"}{"id": "b", "text": "y"}')
    True
    >>> _starts_with_object(b'{"id": "a", "text": "caf\\xe9"}'), _starts_with_object(b"{Exclusif}")
    (True, False)
    >>> _starts_with_object(b'{"a": 1} Le maire a parl\\xc3\\xa9.')
    False
    """
    if _OBJECT_START.match(line) is None:
        return False
    text = line.decode("utf-8", "replace")
    try:
        value, end = json.JSONDecoder().raw_decode(text)
    except (ValueError, RecursionError):
        return False
    # what follows is nothing (a bad byte was the fault), another record or a comma: a text
    # that merely opens with an object (`{"a": 1} Le maire…`) stays text
    return isinstance(value, dict) and text[end:].strip()[:1] in ("", "{", ",")


def sniff_kind(head: bytes) -> str:
    """``"jsonl"``, ``"html"`` or ``"text"`` for the first bytes of stdin (``--format auto``).

    >>> sniff_kind(b'{"id": 1}\\n'), sniff_kind(b"Un texte."), sniff_kind(b"")
    ('jsonl', 'text', 'jsonl')
    >>> sniff_kind(b"\\xef\\xbb\\xbf <!DOCTYPE html><p>x")
    'html'

    After a first line that is no record — JSON but no object (``[1, 2]``, ``null``), a broken
    record, a tool's status line: the run files it as a ``json`` error — the stream is JSONL
    when records follow (:func:`_records_follow`: the next line is a record, and so is the
    one after it when the sniffed bytes hold it whole; blank lines skipped); a text whose
    first line happens to be JSON (``2026``) or that quotes one JSON object stays text:

    >>> sniff_kind(b'[1, 2]\\n{"id": 1}\\n'), sniff_kind(b"2026\\nLe maire a parl\\xc3\\xa9.")
    ('jsonl', 'text')
    >>> sniff_kind(b'Downloading... done\\n{"id": "a"}\\n{"id": "b"}\\n')
    'jsonl'
    >>> sniff_kind(b'[1]\\n{"id": 1}\\nLe texte.\\n'), sniff_kind(b'{"id" x}\\n\\n{"id": 1}\\n')
    ('text', 'jsonl')

    Records glued on their first lines (a line break lost) are JSONL too (round 31):

    >>> sniff_kind(b'{"id": "a"}{"id": "b"}\\n{"id": "c"} {"id": "d"}\\n')
    'jsonl'
    """
    first, whole, rest = _first_line(head)
    if not first:
        return "jsonl"
    if _is_record(first, complete=whole):
        # "{Exclusif} Le maire…" is text that starts with a brace. A line the sniffed bytes
        # cut (a first record over 4 kB: one news page) only has to begin like a record
        return "jsonl"
    if looks_like_html(head.removeprefix(UTF8_BOM).lstrip()):
        return "html"
    if whole and _records_follow(rest):
        # a first line that is no record — a broken record, `[1, 2]`, a status line a tool
        # printed (`Downloading… done`), a stray line of no-break spaces — before records: the
        # whole stream was one text document (round 31). Each such first line is judged by
        # this one rule: the `{` and JSON-value cases had rules of their own that skipped
        # blank lines differently or not at all, so they disagreed (round 31)
        return "jsonl"
    return "text"


def _first_line(data: bytes) -> tuple[bytes, bool, bytes]:
    """The first line of ``data`` that is not blank (as :func:`blank_line` tells: white space
    or a byte-order mark only), trimmed of white space and of its mark; whether ``data``
    holds it whole (its line break is in it); and the bytes after it. The sniff finds every
    line it judges through it, so blank lines are skipped the same way everywhere.

    >>> _first_line(b' \\r\\n\\xef\\xbb\\xbf\\n\\xef\\xbb\\xbf{"id": 1}\\r\\nLe')
    (b'{"id": 1}', True, b'Le')
    >>> _first_line(b"\\n  \\n"), _first_line(b"Le maire")
    ((b'', False, b''), (b'Le maire', False, b''))
    """
    start = 0
    while start < len(data):
        end = data.find(b"\n", start)
        stop = len(data) if end < 0 else end
        line = data[start:stop]
        if not blank_line(line):
            return line.strip().removeprefix(UTF8_BOM).lstrip(), end >= 0, data[stop + 1:]
        start = stop + 1
    return b"", False, b""


def _records_follow(rest: bytes) -> bool:
    """Whether the lines after a first line that is no record are records: the next one is
    a record, and so is the one after it when the sniffed bytes hold it whole (a text whose
    second line is one JSON object, an example in an article, stays text). Blank lines are
    skipped (:func:`_first_line`).

    >>> _records_follow(b'{"id": "a"}\\n{"id": "b"}\\n'), _records_follow(b'{"id": "a"}\\n')
    (True, True)
    >>> _records_follow(b'\\n\\xef\\xbb\\xbf\\n{"id": "a"}\\r\\n\\r\\n{"id": "b"}\\r\\n')
    True
    >>> _records_follow(b'{"name": "x"}\\nLe reste du texte.\\n')
    False
    """
    second, whole2, after = _first_line(rest)
    if not second or not _is_record(second, complete=whole2):
        return False
    third, whole3, _ = _first_line(after)
    return not (third and whole3) or _is_record(third)


class _Recorded(io.RawIOBase):
    """A raw stream that keeps a copy of what was read from it until :meth:`stop`."""

    def __init__(self, raw: io.RawIOBase) -> None:
        self._raw = raw
        self._seen: bytearray | None = bytearray()

    def readable(self) -> bool:
        return True

    def readinto(self, buf: bytearray | memoryview) -> int:  # type: ignore[override]
        n = self._raw.readinto(buf)
        if self._seen is not None and n:
            self._seen += memoryview(buf)[:n]
        return n

    def stop(self) -> bytes:
        """Stop recording; the bytes read so far."""
        seen, self._seen = bytes(self._seen or b""), None
        return seen


class _Prefixed(io.RawIOBase):
    """A stream whose first bytes were already read (``head``) put back in front of the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buf: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buf), len(self._head))
            buf[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        read1 = getattr(self._rest, "read1", self._rest.read)
        data = read1(len(buf))
        buf[: len(data)] = data
        return len(data)


#: Bytes of a text or HTML input read first: the 65,536 characters the binary test samples
#: (:data:`cleannews._input.BINARY_SAMPLE_CHARS`) in any encoding. When they are refused
#: (:func:`refused_reason`: binary data, NUL characters) the input is read no further: the
#: whole is refused the same way, and an endless input (``/dev/zero``) ends.
HEAD_BYTES = 4 * 65536
#: Bytes of an input past its read limit that are still counted, for the size its
#: ``too_large`` message gives; an input longer than that (an endless pipe: ``yes``, a
#: device) is read no further and its size is given as "more than".
COUNT_MAX_BYTES = 1024 * 1024 * 1024
#: ``(name of the data, command that decompresses it)`` of the compressed formats the
#: readers do not open themselves (gzip is read transparently, :func:`open_document`).
UNREAD_COMPRESSED = {"bzip2": "bzcat", "xz": "xzcat", "zstd": "zstdcat"}


def compressed_hint(name: str, raw: bytes, command: str) -> str:
    """How to read an input in a compressed format the commands do not open (bzip2, xz,
    zstd; gzip is read), or ``""``: the one hint of ``clean``'s log line and of ``run`` /
    ``score``'s ``binary`` error (theirs said only "decompress it first").

    >>> compressed_hint("t.txt.bz2", b"BZh91AY&SY...", "clean")
    '; e.g. bzcat t.txt.bz2 | cleannews clean -'
    >>> compressed_hint("-", b"BZh91AY&SY...", "run"), compressed_hint("t.txt", b"Texte", "run")
    ('', '')
    """
    import shlex

    from cleannews._input import binary_kind

    what = binary_kind(raw[:16]) or ""
    for fmt, tool in UNREAD_COMPRESSED.items():
        if what.startswith(f"{fmt}-compressed") and name != "-":
            return f"; e.g. {tool} {shlex.quote(name)} | cleannews {command} -"
    return ""


class Read(NamedTuple):
    """One text or HTML input as :func:`read_document` read it."""

    data: bytes
    #: only the first bytes are in ``data`` (more than the read limit)
    truncated: bool
    #: the input's size in bytes (``exact`` false: at least this many)
    size: int
    exact: bool = True


def refused_reason(raw: bytes, *, html: bool) -> str | None:
    """Why every command refuses ``raw`` at once (binary data, NUL characters), in the words
    of ``cleannews run``'s errors sink (:func:`cleannews.batch.process.text_problem`), else
    ``None``. ``html``: ``raw`` is read as a page, whose NULs are removed, not refused.

    >>> refused_reason(b"Un texte.\\x00 Suite.", html=False)
    'text contains NUL characters (binary data or a broken export)'
    >>> refused_reason(b"Un texte.", html=False) is None
    True
    >>> refused_reason(b"<p>Un texte.\\x00 Suite.</p>", html=True) is None
    True
    """
    from cleannews.batch.process import text_problem

    problem = text_problem(raw, html)
    return problem[1] if problem is not None and problem[0] in ("nul", "binary", "feed") else None


def open_document(f: BinaryIO) -> BinaryIO:
    """``f``, or a gzip reader over it when its first bytes are gzip's (whatever the name:
    ``t.txt.gz``, ``cat t.txt.gz | cleannews clean -``), as the JSONL readers do
    (:func:`_open_binary`); closing the reader leaves ``f`` open.

    >>> import gzip
    >>> open_document(io.BufferedReader(io.BytesIO(gzip.compress(b"Un texte.")))).read()
    b'Un texte.'
    """
    peek = getattr(f, "peek", None)
    try:
        magic = peek(len(GZIP_MAGIC))[: len(GZIP_MAGIC)] if peek is not None else b""
    except (OSError, ValueError):
        magic = b""
    if magic != GZIP_MAGIC:
        return f
    return _Decompressing(gzip.GzipFile(fileobj=f, mode="rb"))  # type: ignore[return-value]


class DamagedData(OSError):
    """Compressed data that cannot be decompressed (cut short, a bad CRC): the file was read,
    its content is damaged. ``run`` and ``score`` file it as a ``read`` error, ``clean`` and
    ``explain`` refuse it as a document (exit code 1, as for binary data), not as a file
    they could not read (exit code 2): every command exits 1 on it."""


class _Decompressing(io.RawIOBase):
    """A gzip reader whose failures (a file cut short, a bad CRC, not gzip after all) are
    a :class:`DamagedData` (an ``OSError``) saying so."""

    def __init__(self, gz: gzip.GzipFile) -> None:
        self._gz = gz

    def readable(self) -> bool:
        return True

    def readinto(self, buf: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            return self._gz.readinto(buf)
        except (OSError, EOFError, ValueError, zlib_error) as exc:
            raise DamagedData(f"could not decompress the gzip data: {exc}") from None

    def read(self, size: int = -1) -> bytes:  # type: ignore[override]
        try:
            return self._gz.read(size)
        except (OSError, EOFError, ValueError, zlib_error) as exc:
            raise DamagedData(f"could not decompress the gzip data: {exc}") from None


def read_document(f: BinaryIO, limit: int = HARD_RECORD_BYTES, *, refuse: bool = True,
                  html: bool | None = None) -> Read:
    """One text or HTML input, from a file, a pipe or standard input, read by every command
    the same way (``clean`` / ``explain`` with ``limit`` = ``--max-record-mb``, ``run`` /
    ``score`` with :data:`HARD_RECORD_BYTES`, their ``--max-record-mb`` decided later):

    * its first :data:`HEAD_BYTES`; when they are refused (binary data, NUL characters) only
      them (``cleannews score /dev/zero`` read for ever, ``clean`` stopped there already;
      ``refuse`` false: no such test, for the raw bytes of broken gzip data). ``html``: the
      input is read as a page (its NULs removed, not refused), or as a text (``False``: a
      NUL refuses it), or ``None``: as a page when its start looks like one
      (:func:`cleannews._input.looks_like_html`, as ``--format auto`` reads a file of no
      telling name). A ``.txt`` file holding NULs every few words was read up to
      ``--max-record-mb`` (16 MB for ``clean``, then refused as too large; 64 MB for
      ``score``) before its NULs refused it (round 34);
    * else at most ``limit`` bytes; past them the input is ``truncated``: its ``size`` is
      the file's, or for a stream (pipe, device, decompressed data) the bytes counted up to
      :data:`COUNT_MAX_BYTES` (``exact`` false beyond: ``yes | cleannews clean -`` read until
      the memory ran out).

    >>> read_document(io.BytesIO(b"Un texte."))
    Read(data=b'Un texte.', truncated=False, size=9, exact=True)
    >>> r = read_document(io.BytesIO(b"x" * 300_000), limit=1000)
    >>> len(r.data), r.truncated, r.size
    (1000, True, 300000)
    >>> nuls = b"Le maire a parl\\xc3\\xa9.\\x00 " * 100_000
    >>> len(read_document(io.BytesIO(nuls), html=False).data) == HEAD_BYTES
    True
    >>> len(read_document(io.BytesIO(nuls), html=True).data) == len(nuls)
    True
    """
    head = f.read(HEAD_BYTES)
    if len(head) < HEAD_BYTES:
        return Read(head, False, len(head))
    # refused as it will be read (binary data, UTF-16 without its mark; a text's NULs): an
    # HTML page's NULs are removed (round 33), so a page with a few NULs is read on
    if refuse:
        page = looks_like_html(head) if html is None else html
        if refused_reason(head, html=page) is not None:
            return Read(head, False, len(head), exact=False)
    rest = f.read(limit - HEAD_BYTES) if limit > HEAD_BYTES else b""
    data = head + rest if rest else head
    del head, rest
    if len(data) < limit:
        return Read(data, False, len(data))
    consumed = len(data)  # bytes read so far (more than `limit` when it is below HEAD_BYTES)
    data = data[:limit] if consumed > limit else data
    raw = f.raw if isinstance(f, io.BufferedReader) else f  # type: ignore[attr-defined]
    if isinstance(raw, io.FileIO) and stat.S_ISREG(os.fstat(raw.fileno()).st_mode):
        size = f.seek(0, os.SEEK_END)  # a regular file: its size, unread (a device such as
        return Read(data, size > len(data), size)  # /dev/zero seeks too, to 0)
    size = consumed
    while size < consumed + COUNT_MAX_BYTES:
        more = f.read(_SKIP_CHUNK)
        if not more:
            return Read(data, size > len(data), size)
        size += len(more)
    return Read(data, True, size, exact=False)


def too_large_message(size: int, limit: int, exact: bool = True, what: str = "record",
                      option: str = "--max-record-mb") -> str:
    """What every command says of an input above ``--max-record-mb``: ``what`` is
    ``"record"`` (a JSONL record), ``"file"`` (a text or HTML file), ``"input"`` (standard
    input read as one document; a file was called a "record" too before round 25) or
    ``"text"`` (what the library was given); ``option`` names the limit
    (``"CleanConfig max_input_mb"`` for the library).

    >>> too_large_message(20, 10)
    'record is 20 bytes, above the limit of 10 bytes (--max-record-mb)'
    >>> too_large_message(20, 10, exact=False, what="file")
    'file is more than 20 bytes, above the limit of 10 bytes (--max-record-mb)'
    """
    return (f"{what} is {'' if exact else 'more than '}{size} bytes, above the limit of "
            f"{limit} bytes ({option})")


def input_noun(kind: str, source: str) -> str:
    """The word :func:`too_large_message` uses for an input: ``"record"`` for a JSONL
    record (``kind == "jsonl"``), ``"input"`` for standard input (``source == "-"``),
    ``"file"`` otherwise.

    >>> input_noun("jsonl", "a.jsonl"), input_noun("text", "-"), input_noun("html", "a.html")
    ('record', 'input', 'file')
    """
    return "record" if kind == "jsonl" else "input" if source == "-" else "file"


def read_file(name: str, html: bool | None) -> Read:
    """A whole input file (gzip data decompressed), or its first :data:`HARD_RECORD_BYTES`
    (:func:`read_document`; ``html``: read as a page, a text or, ``None``, as its start
    looks)."""
    with open(name, "rb") as f:
        return read_document(open_document(f), html=html)


def reading_as_html(name: str, fmt: str = "auto") -> bool | None:
    """Whether the file ``name`` is read as a page (``True``), a text (``False``) or, under
    ``--format auto`` for a name that does not tell, as its start looks (``None``,
    :func:`file_kind`): a ``.txt`` file is text, ``.html`` / ``.htm`` / ``.xhtml`` (gzipped
    too) a page, ``--format`` forces either.

    >>> reading_as_html("a.txt"), reading_as_html("p.html.gz"), reading_as_html("dump")
    (False, True, None)
    >>> reading_as_html("a.txt", "html"), reading_as_html("-")
    (True, None)
    """
    if fmt != "auto":
        return fmt == "html"
    low = document_name(name).lower()
    if low.endswith(HTML_SUFFIXES):
        return True
    return False if low.endswith(".txt") else None


def log_files() -> list[Path]:
    """The files standard output and standard error are redirected to, where the system says
    it (Linux): a folder walk never reads them (``run corpus --out out > corpus/log.txt
    2>&1`` read its own log as a document of the folder; audit22)."""
    import sys

    found = []
    for stream in (sys.stdout, sys.stderr):
        f = stdout_file(stream)
        if f is not None and f[1] is not None:
            found.append(f[1])
    return found


def stdout_file(stream: Any = None) -> tuple[os.stat_result, Path | None] | None:
    """Standard output (or ``stream``) when it is a regular file (``> all.jsonl``): its
    ``stat`` and, where the system says it (``/proc/self/fd/1`` on Linux), its path; else
    ``None`` (a terminal, a pipe, standard output replaced by a test).

    ``run a.jsonl --out - >> a.jsonl`` read the records it appended, without end (200 records
    were 43,000 lines and 17 MB after 60 s), and ``run corpus --out - > corpus/all.jsonl`` read
    its own output as an input of the folder (audit22).
    """
    import sys

    try:
        fd = (sys.stdout if stream is None else stream).fileno()
        st = os.fstat(fd)
    except (AttributeError, OSError, ValueError):  # io.StringIO, closed, None
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    try:
        path: Path | None = Path(os.readlink(f"/proc/self/fd/{fd}"))
    except OSError:
        path = None
    return st, path if path is not None and path.is_absolute() else None


def is_stdout_file(name: str, out: tuple[os.stat_result, Path | None] | None) -> bool:
    """Whether the input file ``name`` is the regular file standard output writes to
    (:func:`stdout_file`)."""
    if out is None or name == "-":
        return False
    try:
        st = os.stat(name)
    except OSError:
        return False
    return (st.st_dev, st.st_ino) == (out[0].st_dev, out[0].st_ino)


def sys_stdin() -> BinaryIO:
    """Standard input as a binary stream."""
    import sys

    return sys.stdin.buffer if hasattr(sys.stdin, "buffer") else io.BytesIO()


def cannot_read(exc: OSError) -> str:
    """What every command says, after the file's name, of an input file it could not read:
    ``run`` and ``score`` in the error record, ``clean`` and ``explain`` on stderr (those said
    only "a.txt: Permission denied"; round 31).

    >>> cannot_read(PermissionError(13, "Permission denied", "a.txt"))
    'cannot read: Permission denied'
    """
    return f"cannot read: {read_problem(exc)}"


def read_problem(exc: OSError) -> str:
    """What to say of an input that could not be read: :data:`MISSING_INPUT` when the path
    does not exist (as `run` and `score` say before they start), else the OS's reason.

    >>> read_problem(FileNotFoundError(2, "No such file or directory"))
    'no such file or folder'
    >>> read_problem(PermissionError(13, "Permission denied"))
    'Permission denied'
    >>> read_problem(FileNotFoundError(2, "No such file", "https://ex.fr/a"))[:48]
    'no such file or folder (cleannews reads files an'

    A symbolic link whose target does not exist says so (the link itself is there: "no such
    file" read as a mistake of cleannews).
    """
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        name = exc.filename
        if isinstance(name, (str, bytes)) and os.path.islink(name):
            try:
                target = os.fsdecode(os.readlink(name))
            except OSError:
                return "dangling symbolic link (its target does not exist)"
            return f"dangling symbolic link (its target {terminal_safe(target)} does not exist)"
        if isinstance(name, str) and _URL.match(name):
            # `cleannews clean https://…` said only "no such file or folder" (audit22)
            import shlex

            url = terminal_safe(shlex.quote(name))
            return (f"{MISSING_INPUT} (cleannews reads files and standard input, it does not "
                    f"download pages: save it first, e.g. curl -sL {url} -o page.html, or pipe "
                    "it in, curl -sL URL | cleannews … -)")
        return MISSING_INPUT
    return exc.strerror or str(exc)


#: An input named like a URL (``https://…``, ``ftp://…``, ``s3://…``).
_URL = regex.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")

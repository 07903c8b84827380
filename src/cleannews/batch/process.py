"""Process one :class:`~cleannews.batch.sources.Item` into one output record, never raising.

This runs in the worker processes. Each item ends in exactly one sink:

* ``"out"``: the cleaned record (for ``score`` mode: the score line);
* ``"quarantine"``: cleaned, but routed to quarantine (spun text);
* ``"errors"``: could not be read or processed; the record keeps the raw
  input and the reason.

    >>> opts = BatchOptions()
    >>> item = Item(0, "in.jsonl", "jsonl", b'{"id": "a", "text": "Bonjour.", "n": 1}\\n', 1)
    >>> r = process_item(item, opts)
    >>> r.sink, r.id, json.loads(r.data)["n"], json.loads(r.data)["cleannews"]["text"]
    ('out', 'a', 1, 'Bonjour.')
    >>> process_item(Item(1, "in.jsonl", "jsonl", b'{"id": "b"}\\n', 2), opts).error_type
    'missing_field'
"""

from __future__ import annotations

import base64
import json
import logging
import sys
import traceback
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any

import regex

from cleannews.__about__ import __version__
from cleannews._input import (
    CP1252_RULES,
    binary_kind,
    control_share_message,
    decode_utf16,
    nul_message,
    utf16_without_bom,
)
from cleannews.batch.ids import clipped, field_value, record_id
from cleannews.batch.limits import FORMATS, MAX_RECORD_MB, input_limit, limit_setting, mb_bytes
from cleannews.batch.sources import (
    Item,
    compressed_hint,
    input_noun,
    line_text,
    terminal_safe,
    too_large_message,
)
from cleannews.batch.stop import check as check_stop
from cleannews.batch.timeout import (
    DocTimeout,
    can_interrupt,
    checked_timeout,
    time_limit,
    timeout_message,
)
from cleannews.config import DEFAULT_CONFIG, CleanConfig, checked_keywords
from cleannews.document import Change, Document
from cleannews.errors import InputError
from cleannews.route import EMPTY_MESSAGE, cleaned_away_message, has_visible_text

__all__ = [
    "DEFAULT_MAX_RECORD_BYTES",
    "BatchOptions",
    "DocResult",
    "nothing_left",
    "peek_id",
    "process_chunk",
    "process_item",
    "text_problem",
    "too_large",
]

#: Records (or files) larger than this go to the errors sink (``--max-record-mb``).
DEFAULT_MAX_RECORD_BYTES = mb_bytes(MAX_RECORD_MB)
#: Evidence items kept in a ``score`` line.
TOP_EVIDENCE = 3
#: Key added to every output record.
RECORD_KEY = "cleannews"


#: The JSONL field that names a record when ``--id-field`` is not given.
DEFAULT_ID_FIELD = "id"
#: Values of ``BatchOptions.mode`` (the command) and ``BatchOptions.evidence``.
MODES = ("run", "score")
EVIDENCE = ("moved", "all")


@checked_keywords
@dataclass(frozen=True)
class BatchOptions:
    """Everything a worker needs to process items (picklable)."""

    config: CleanConfig = DEFAULT_CONFIG
    text_field: str = "text"
    id_field: str = DEFAULT_ID_FIELD
    fmt: str = "auto"
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES
    mode: str = "run"
    #: learnt site-template state (``--site-templates``), see :mod:`cleannews.batch.templates`
    templates: dict[str, Any] | None = None
    source_field: str = "url"
    #: ``"moved"``: only evidence that moved the score (weight != 0), no raw signals;
    #: ``"all"``: every evidence item and the detector's signals (``--evidence all``)
    evidence: str = "moved"
    #: copy state of the first pass (``--find-copies``), see :mod:`cleannews.batch.copies`
    copies: dict[str, Any] | None = None
    #: ``--drop-duplicates``: later plain copies go to the ``duplicates`` sink
    drop_duplicates: bool = False
    #: ``--doc-timeout``: seconds a document may take before it is stopped and filed as a
    #: ``timeout`` error (``None``: no limit), see :mod:`cleannews.batch.timeout`
    doc_timeout: float | None = None

    def __post_init__(self) -> None:
        """A wrong type or value is refused here, naming the option: ``config={}`` ended the
        run in an ``AttributeError`` traceback, ``mode="scores"``, ``fmt="xml"`` or
        ``evidence="none"`` ran as the default without a word, ``text_field=3`` sent every
        record to the errors sink as an ``exception`` (audit20)."""
        from cleannews.config import checked_count, config_or_default
        from cleannews.errors import ConfigError

        if not isinstance(self.config, CleanConfig):
            config_or_default(self.config)  # the ConfigError `clean(config=…)` raises
        for name, allowed in (("mode", MODES), ("fmt", FORMATS), ("evidence", EVIDENCE)):
            value = getattr(self, name)
            if not isinstance(value, str) or value not in allowed:
                raise ConfigError(f"BatchOptions {name} must be one of {', '.join(allowed)}, "
                                  f"got {value!r}")
        for name in ("text_field", "id_field", "source_field"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value:
                raise ConfigError(f"BatchOptions {name} must name a field (a str such as "
                                  f"'text' or 'doc.text'), got {value!r}")
        checked_count("BatchOptions max_record_bytes", self.max_record_bytes, 1)
        object.__setattr__(self, "doc_timeout",  # frozen: the checked value, as a float
                           checked_timeout("BatchOptions doc_timeout", self.doc_timeout))


@dataclass
class DocResult:
    """What became of one item: its sink, its id and the JSON line to write.

    ``text`` and ``mirror`` are set for file inputs (``mirror`` is the input
    path: the runner writes the cleaned text there, under a safe path). The
    remaining fields feed the report.
    """

    seq: int
    sink: str
    id: str
    line: str
    data: bytes = b""
    mirror: str | None = None
    text: str | None = None
    in_bytes: int = 0
    out_chars: int = 0
    spin_score: float | None = None
    spin_label: str | None = None
    removed: dict[str, list[int]] = field(default_factory=dict)
    changes: dict[str, int] = field(default_factory=dict)
    error_type: str | None = None
    #: rule -> ``[count, bytes]`` of text moved to ``metadata`` (not lost)
    moved: dict[str, list[int]] = field(default_factory=dict)
    #: rule -> one removed span of this document (shortened), for the report
    examples: dict[str, str] = field(default_factory=dict)
    #: the top evidence of a quarantined document, for the report
    evidence: list[dict[str, Any]] = field(default_factory=list)
    #: why a quarantined document was set aside (its ``Document.reason``), for the report
    reason: str = ""
    #: a JSONL record without the ``--id-field`` the user chose (:func:`id_field_note`): why
    #: it is named by ``PATH:LINE``; the runner warns once (round 32)
    id_note: str = ""
    #: a JSONL record that writes a key twice: the warning the runner logs (round 40, input56)
    duplicate_keys: str = ""


class _Reject(Exception):
    """A document that goes to the errors sink: ``kind`` names the reason class."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


#: Compact JSON separators for output records (the input fields are kept byte for byte).
JSON_SEPARATORS = (",", ":")


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=JSON_SEPARATORS)


def _source(item: Item) -> dict[str, Any]:
    return {"path": item.source, "line": item.line}


def _raw_fields(raw: bytes, truncated: bool) -> dict[str, Any]:
    """The raw input for an error record: as text when it is UTF-8, else base64.

    >>> _raw_fields(b"ok", False), _raw_fields(b"\\xff", False)
    ({'raw': 'ok'}, {'raw_base64': '/w=='})
    """
    try:
        out: dict[str, Any] = {"raw": raw.decode("utf-8")}
    except UnicodeDecodeError:
        out = {"raw_base64": base64.b64encode(raw).decode("ascii")}
    if truncated:
        out["raw_truncated"] = True
    return out


#: Error types of data that is no document (binary data, NUL characters): the record of such
#: a file or stream carries a short readable excerpt (:func:`_excerpt_fields`), not its raw
#: bytes (the first 256 KiB of an all-NUL file were 1.5 MB of ``\\u0000`` in the errors
#: file; round 35). A JSONL record keeps its raw line.
EXCERPT_ERROR_TYPES = ("binary", "nul")
#: Control characters shown as their Unicode pictures in an excerpt (NUL as ``␀``, DEL ``␡``).
_CONTROL_PICTURES = {**{c: 0x2400 + c for c in range(0x20)}, 0x7F: 0x2421}


def raw_excerpt(raw: bytes) -> str:
    """The first :data:`EXAMPLE_CHARS` characters of ``raw`` as the report shows an example:
    decoded as UTF-8 (a bad byte as U+FFFD), control characters as their pictures.

    >>> raw_excerpt(b"\\x00" * 1000)[:5], len(raw_excerpt(b"\\x00" * 1000))
    ('␀␀␀␀␀', 160)
    >>> raw_excerpt(b"\\x89PNG\\r\\n\\x1a\\n")
    '�PNG␍␊␚␊'
    """
    head = raw[: 4 * EXAMPLE_CHARS].decode("utf-8", "replace")
    return clipped(head.translate(_CONTROL_PICTURES), EXAMPLE_CHARS)


def _excerpt_fields(item: Item, kind: str) -> dict[str, Any]:
    """The raw input of an error record of ``item``: :func:`raw_excerpt` for a file or stream
    refused as data that is no document (:data:`EXCERPT_ERROR_TYPES`; ``raw_truncated`` when
    it is not the whole input), else :func:`_raw_fields`.

    >>> _excerpt_fields(Item(0, "z.txt", "text", b"\\x00" * 300), "nul")["raw_truncated"]
    True
    >>> _excerpt_fields(Item(0, "a.jsonl", "jsonl", b"\\x00", line=1), "nul")
    {'raw': '\\x00'}
    """
    if kind not in EXCERPT_ERROR_TYPES or item.line is not None:
        return _raw_fields(item.payload, item.truncated)
    excerpt = raw_excerpt(item.payload)
    cut = item.truncated or not item.size_exact or excerpt.endswith("…") or (
        len(item.payload) > 4 * EXAMPLE_CHARS)
    return {"raw_excerpt": excerpt, **({"raw_truncated": True} if cut else {})}


def error_result(item: Item, ident: str, kind: str, message: str) -> DocResult:
    """The errors-sink record for ``item``: id, source, reason and the raw input (an excerpt
    of binary data, :func:`_excerpt_fields`)."""
    record = {
        "id": ident,
        "source": _source(item),
        "error": {"type": kind, "message": message},
        **_excerpt_fields(item, kind),
        "cleannews_version": __version__,
    }
    return DocResult(item.seq, "errors", ident, _dumps(record),
                     in_bytes=item.size or len(item.payload), error_type=kind)


#: Leading characters of binary formats, as they read when bytes were decoded as Latin-1.
_BINARY_STARTS = ("\x89PNG", "GIF8", "\xff\xd8\xff", "%PDF-", "PK\x03\x04", "\x7fELF", "\x1f\x8b")


def text_problem(text: str | bytes, html: bool = False) -> tuple[str, str] | None:
    """Why ``text`` is not a document to clean, as ``(error_type, message)``, or ``None``.

    The same checks for ``cleannews run`` and the datatrove steps: NUL
    characters (``nul``), binary data (``binary``), nothing visible — only
    whitespace, NBSP, zero-width or other invisible characters (``empty``).

    >>> text_problem("Bonjour."), text_problem("\\u00a0\\u200b \\n")[0], text_problem("a\\x00b")[0]
    (None, 'empty', 'nul')
    >>> text_problem("\\x89PNG\\r\\n\\x1a\\n....")[0]
    'binary'

    ``html``: ``text`` is read as an HTML page, whose NUL characters browsers drop (22
    pad an ad's ``<img>`` in a trafilatura dev page): they are not refused unless the
    page is binary or UTF-16 without its byte-order mark; the pipeline removes them (a
    ``remove_control_chars`` change where they fall in the text, inside the removed span
    where they fall in boilerplate: docs/batch.md, round 33).

    >>> text_problem("<p>Le maire\\x00 a parl\\u00e9.</p>", html=True) is None
    True
    """
    if isinstance(text, bytes) and (what := binary_kind(text)) is not None:
        return "binary", f"input is {what}, not text"
    said: str | bytes = text  # what the NUL message describes (the bytes: UTF-16 sniffing)
    if isinstance(text, bytes):
        try:
            wide = decode_utf16(text)
        except InputError as exc:  # a byte-order mark before bytes that are not that text
            return "binary", str(exc)
        if wide is not None:
            text = said = wide[0]  # UTF-16 text with its byte-order mark: half its bytes are NUL
        else:
            text = text.decode("utf-8", "replace") if _is_utf8(text) else text.decode(
                "cp1252", "replace")
    # random bytes hold NUL bytes too: binary, as `cleannews clean` says ("looks binary"),
    # unless they are UTF-16 without its mark (a `nul` error whose message says how to convert)
    binary = control_share_message(text)
    if "\x00" in text:
        unmarked = isinstance(said, bytes) and utf16_without_bom(said) is not None
        if unmarked or (binary is None and not html):  # a page's NULs: removed (round 33)
            return "nul", nul_message(said)
    if text.startswith(_BINARY_STARTS):
        return "binary", "text is binary data (an image, PDF, archive or executable)"
    if binary is not None:
        return "binary", binary
    if (feed := feed_message(text)) is not None:
        return "feed", feed
    if not has_visible_text(text):
        return "empty", EMPTY_MESSAGE
    return None


#: Characters of a document's start looked at for a feed's root element (:func:`feed_kind`).
FEED_HEAD_CHARS = 4096
#: An XML document's start up to its root element's name: an XML declaration or processing
#: instructions, comments, a DOCTYPE (its internal subset too), in any order. Linear: the
#: alternatives start differently and each is bounded by its own end.
_FEED_ROOT = regex.compile(
    r"\A\ufeff?\s*(?:<\?[^>]*>\s*|<!--(?:(?!-->).)*-->\s*|<!DOCTYPE[^>\[]*(?:\[[^\]]*\])?\s*>\s*)*"
    r"<(?:\w+:)?(rss|feed|RDF)[\s>/]", regex.DOTALL | regex.IGNORECASE)
#: What each feed root element is, as the messages name it.
FEED_ROOTS = {"rss": "an RSS feed", "feed": "an Atom feed", "rdf": "an RSS 1.0 (RDF) feed"}


def feed_kind(text: str) -> str | None:
    """What feed ``text`` is (``"an RSS feed"`` …) when its root element is a feed's
    (``<rss>``, Atom's ``<feed>``, RSS 1.0's ``<rdf:RDF>``), else ``None``.

    >>> feed_kind('<?xml version="1.0"?>\\n<!-- x -->\\n<rss version="2.0"><channel>')
    'an RSS feed'
    >>> feed_kind('<feed xmlns="http://www.w3.org/2005/Atom">')
    'an Atom feed'
    >>> feed_kind("<html><body><p>Le flux RSS <rss> du site</p>"), feed_kind("Le feed")
    (None, None)
    """
    match = _FEED_ROOT.match(text[:FEED_HEAD_CHARS])
    return FEED_ROOTS[match.group(1).lower()] if match else None


def feed_message(text: str) -> str | None:
    """Why an RSS or Atom feed is refused (error type ``feed``), else ``None``.

    A feed was read as one plain-text document, its markup as "text" (round 35). It is
    refused rather than read item by item: the standard library's XML parsers are not safe
    on untrusted XML (entity expansion), an HTML parser misreads a feed (``<link>`` is an
    empty element in HTML) and an item mostly holds a summary, not the article
    (docs/cli.md, "RSS and Atom feeds").

    >>> feed_message('<rss version="2.0">')[:47]
    'input is an RSS feed (XML), not a page or text:'
    """
    kind = feed_kind(text)
    if kind is None:
        return None
    return (f"input is {kind} (XML), not a page or text: cleannews reads one article per "
            "document; write each item's text (or its article page) as a JSONL record "
            "{\"id\": ..., \"text\": ...} and run that file (docs/cli.md, \"RSS and Atom "
            "feeds\")")


def nothing_left(doc: Document) -> tuple[str, str] | None:
    """``("empty_after_cleaning", message)`` when cleaning left no visible text, else ``None``
    (``("empty", message)`` for a document routed ``empty``: an HTML page whose markup holds
    no text, which has no rule to name).

    Such a document (a page of boilerplate only) goes to the errors sink with
    its raw input, like an empty one: an empty record is not passed on.

    >>> nothing_left(Document("Un texte.")), nothing_left(Document(" \\n"))[0]
    (None, 'empty_after_cleaning')
    """
    if has_visible_text(doc.text):
        return None
    if doc.verdict == "empty":  # an HTML page whose markup holds no text: empty, as routed
        return "empty", doc.reason
    return "empty_after_cleaning", cleaned_away_message(doc)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _check_text(text: str | bytes, source: str, command: str, html: bool) -> None:
    """Refuse what :func:`text_problem` refuses (see docs/batch.md: empty documents are errors;
    ``html``: a page's NULs are removed, not refused);
    the bytes of a file ``source`` compressed in a format not read (xz, zstd …) get the
    command that reads it (:func:`~cleannews.batch.sources.compressed_hint`, as ``clean``'s)."""
    problem = text_problem(text, html)
    if problem is not None:
        hint = compressed_hint(source, text, command) if isinstance(text, bytes) else ""
        raise _Reject(problem[0], problem[1] + hint)


#: JSON's names of the Python types ``json.loads`` gives (messages name what the user wrote).
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", int: "a number",
               float: "a number", bool: "a boolean", type(None): "null"}


def json_type(value: Any) -> str:
    """What ``value`` is in JSON's words (a record's line said "got NoneType" for ``null``).

    >>> json_type(None), json_type([1]), json_type(42), json_type(True)
    ('null', 'an array', 'a number', 'a boolean')
    """
    return _JSON_TYPES.get(type(value), type(value).__name__)


#: How to turn a JSON document (an array of records, a pretty-printed object) into JSONL.
_JSONL_CONVERT = ("JSONL holds one record per line: convert the file first, e.g. "
                  "jq -c '.[]' FILE > records.jsonl (jq -c . for one object)")


def not_an_object(value: Any) -> str:
    """Why a JSONL line holding JSON that is no object is not a record; a JSON array of
    records written on one line says how to convert the file (audit27).

    >>> not_an_object(None)
    'a JSONL record must be an object, got null'
    >>> not_an_object([{"id": "a"}, {"id": "b"}])[38:]  # doctest: +ELLIPSIS
    "an array of 2 records (a JSON document?); JSONL holds one record per line: convert ..."
    """
    msg = f"a JSONL record must be an object, got {json_type(value)}"
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        n = len(value)
        msg += f" of {n} record{'s' if n > 1 else ''} (a JSON document?); {_JSONL_CONVERT}"
    return msg


#: How many of a line's distinct invisible characters an error message names.
MAX_NAMED_INVISIBLE = 3


#: What a character without a Unicode name is, by its category.
_UNNAMED = {"Cc": "control character", "Co": "private-use character", "Cn": "unassigned"}


def invisible_names(text: str) -> str:
    """The invisible characters of ``text`` (ASCII white space aside), named for a message.

    >>> invisible_names("\\u00a0 \\ufeff\\u00a0\\n")
    'invisible characters (U+00A0 NO-BREAK SPACE, U+FEFF ZERO WIDTH NO-BREAK SPACE)'
    >>> invisible_names(" \\t"), invisible_names("\\x00")
    ('white space', 'invisible characters (U+0000 control character)')
    """
    chars = sorted({c for c in text if c not in " \t\r\n"})
    if not chars:
        return "white space"
    named = [f"U+{ord(c):04X} " + (unicodedata.name(c, "")
                                    or _UNNAMED.get(unicodedata.category(c), "character"))
             for c in chars[:MAX_NAMED_INVISIBLE]]
    more = len(chars) - len(named)
    return ("invisible characters (" + ", ".join(named)
            + (f" and {more} more" if more else "") + ")")


def json_error_place(exc: json.JSONDecodeError, line: str) -> str:
    """What is wrong with a JSONL line, and where, in the line's own terms.

    Python's message counts lines and columns inside the record ("line 2 column 1" for a
    record cut short before its line break), which read as lines of the input file.

    >>> def why(line):
    ...     try:
    ...         json.loads(line)
    ...     except json.JSONDecodeError as exc:
    ...         return json_error_place(exc, line)
    >>> why('{"id": "a", "text": "x"\\n')
    "Expecting ',' delimiter at the end of the line (the record is cut short)"
    >>> why('{"id": 4, broken}')
    'Expecting property name enclosed in double quotes at character 11 of the line'
    >>> why('{"id": "a", "text": "cut\\n'), why('{"id": "a", "text": "cut')
    ('Invalid control character at the end of the line (the record is cut short)', \
'Unterminated string starting at character 21 of the line (the record is cut short)')

    (A line whose string never ends is the last line of a file cut short, without its line
    break: within a line ended by one, the line break is the "invalid control character".)

    Records separated by a carriage return alone (old Mac line ends) are one line of several
    records: the message says so and how to convert the file (it said only "Extra data";
    audit23).

    >>> why('{"id": "a"}\\r{"id": "b"}\\r')[:60]
    'Extra data at character 13 of the line (records separated by'

    Two records on one line (round 31: it said only "Extra data"):

    >>> why('{"id": "a"}{"id": "b"}\\n')
    'Extra data at character 12 of the line (another record starts there: records glued on \
one line, a line break lost)'

    >>> why('  {"id": "a"},\\n')[:93]
    'Extra data at character 14 of the line (a comma after the record: an item of a pretty-printed'

    >>> why(']\\n')[:89]
    "Expecting value at character 1 of the line (a line holding only ']': the end of a pretty-"

    A line holding only invisible characters is no record at all (round 31: it was "the
    record is cut short"):

    >>> why('\\u00a0\\u200b\\n')
    'Expecting value: the line holds no record, only invisible characters (U+00A0 NO-BREAK \
SPACE, U+200B ZERO WIDTH SPACE)'

    A line holding only ``{`` or ``[`` opens a pretty-printed JSON document (audit27):

    >>> why('{\\n')[50:]  # doctest: +ELLIPSIS
    "at the end of the line (a line holding only '{': a pretty-printed JSON document?); JSONL ..."
    """
    # some of Python's messages end with their own "at" ("Invalid control character at",
    # "Unterminated string starting at"): it said "… at at the end of the line"
    msg = exc.msg.removesuffix(" at")
    if not has_visible_text(line):  # a line of no-break spaces is no record cut short
        return f"{msg}: the line holds no record, only {invisible_names(line)}"
    if line.strip() in ("{", "["):  # the first line of a pretty-printed JSON document
        return (f"{msg} at the end of the line (a line holding only {line.strip()!r}: a "
                f"pretty-printed JSON document?); {_JSONL_CONVERT}")
    if line.strip() in ("}", "]"):  # its last line (round 31)
        return (f"{msg} at character {exc.pos + 1} of the line (a line holding only "
                f"{line.strip()!r}: the end of a pretty-printed JSON document?); "
                f"{_JSONL_CONVERT}")
    if exc.pos >= len(line.rstrip()):
        return f"{msg} at the end of the line (the record is cut short)"
    if exc.msg.startswith("Unterminated string"):  # the error's place is the string's start
        return f"{msg} at character {exc.pos + 1} of the line (the record is cut short)"
    if exc.msg == "Extra data" and line[:exc.pos].rstrip(" \t").endswith("\r"):
        return (f"{msg} at character {exc.pos + 1} of the line (records separated by a "
                "carriage return alone, old Mac line ends: this line holds several records; "
                "convert the file first, e.g. tr '\\r' '\\n' < FILE > FIXED.jsonl)")
    if exc.msg == "Extra data" and line[exc.pos:].lstrip(" \t").startswith("{"):
        return (f"{msg} at character {exc.pos + 1} of the line (another record starts there: "
                "records glued on one line, a line break lost)")
    if exc.msg == "Extra data" and line[exc.pos:].strip() == ",":
        return (f"{msg} at character {exc.pos + 1} of the line (a comma after the record: an "
                f"item of a pretty-printed JSON array?); {_JSONL_CONVERT}")
    return f"{msg} at character {exc.pos + 1} of the line"


#: ``doc.metadata`` key under which :class:`~cleannews.integrations.datatrove.CleannewsJsonlReader`
#: says how a line that is not UTF-8 was decoded (:func:`decode_note_metadata`), for the
#: cleaner to make it the document's first change, as ``cleannews run`` does (round 35).
DECODE_NOTE_KEY = "cleannews_decode"


def add_decode_notes(doc: Document, notes: list[Change]) -> None:
    """Put the ``decode`` notes of a record's line (how a line that is not UTF-8 was read,
    :func:`cleannews._input.record_line_as_cp1252`) first among ``doc``'s changes, spanning
    the whole input, as a text file's decoding is said: the one place for ``run``, ``score``
    and the datatrove cleaner (the reader's documents had no note; round 35).

    >>> doc = Document("Un café.", input_length=8)
    >>> add_decode_notes(doc, [Change("decode", "decode_cp1252", (0, 0), "", "", "read")])
    >>> doc.changes[0].rule, doc.changes[0].span
    ('decode_cp1252', (0, 8))
    """
    for note in notes:  # said first, as a text file's decoding is, about the whole input
        doc.changes.insert(0, replace(note, span=(0, doc.input_length)))


def decode_note_metadata(note: Change) -> dict[str, str]:
    """A ``decode`` note as the datatrove reader keeps it in ``doc.metadata``
    (:data:`DECODE_NOTE_KEY`); :func:`decode_note_of` reads it back.

    >>> meta = decode_note_metadata(Change("decode", "decode_cp1252", (0, 0), "", "", "why"))
    >>> meta, decode_note_of({DECODE_NOTE_KEY: meta}).rule
    ({'rule': 'decode_cp1252', 'reason': 'why'}, 'decode_cp1252')
    >>> decode_note_of({}), decode_note_of({DECODE_NOTE_KEY: "not ours"})
    (None, None)
    """
    return {"rule": note.rule, "reason": note.reason}


def decode_note_of(metadata: dict[str, Any]) -> Change | None:
    """The ``decode`` note :func:`decode_note_metadata` kept in ``metadata``, else ``None``
    (a field of that name the input had for another use is no note)."""
    kept = metadata.get(DECODE_NOTE_KEY)
    if not (isinstance(kept, dict) and kept.get("rule") in CP1252_RULES
            and isinstance(kept.get("reason"), str)):
        return None
    return Change("decode", kept["rule"], (0, 0), "", "", kept["reason"])


#: The warning for a record that writes a key twice (``{place}``: PATH:LINE, ``{ident}``: its
#: id, ``{keys}``: the keys written more than once).
DUPLICATE_KEY_WARNING = (
    "{place} (id {ident}): the record writes {keys} more than once; the last value is read "
    "(JSON readers differ here: check the producer of this file)")


#: How many characters of an id or a key the warning shows.
DUPLICATE_KEY_CHARS = 80


def _pairs_hook(found: list[str]) -> Any:
    """A ``json.loads`` ``object_pairs_hook`` that builds each object as ``json.loads`` does
    (the last value of a key wins) and appends to ``found`` each key an object writes twice.

    >>> found = []
    >>> json.loads('{"id": 1, "text": "a", "n": {"x": 1, "x": 2}, "text": "b"}',
    ...            object_pairs_hook=_pairs_hook(found)), found
    ({'id': 1, 'text': 'b', 'n': {'x': 2}}, ['x', 'text'])
    """
    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        record = dict(pairs)
        if len(record) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen and key not in found:
                    found.append(key)
                seen.add(key)
        return record
    return hook


def duplicate_key_warning(item: Item, ident: str, keys: list[str]) -> str:
    """The warning for a record that writes ``keys`` twice (the record is read as
    ``json.loads`` reads it: each key's last value); the runner logs it, once for the record.

    >>> print(duplicate_key_warning(Item(0, "a.jsonl", "jsonl", b"", line=3), "r1", ["text"]))
    a.jsonl:3 (id r1): the record writes 'text' more than once; the last value is read ...
    """
    return DUPLICATE_KEY_WARNING.format(
        place=terminal_safe(f"{item.source}:{item.line}"),
        ident=terminal_safe(clipped(ident, DUPLICATE_KEY_CHARS)),
        keys=", ".join(repr(terminal_safe(clipped(k, DUPLICATE_KEY_CHARS))) for k in keys))


def _parse_record(item: Item, opts: BatchOptions, notes: list[Change] | None = None,
                  duplicates: list[str] | None = None) -> tuple[str, dict[str, Any], str]:
    """Decode and parse a JSONL line: ``(line_text, record, id)``; raises :class:`_Reject`.

    A line that is not UTF-8 is read as a text file is, as Windows-1252 (whole, or each run
    of stray bytes; :func:`cleannews._input.record_line_as_cp1252`), its ``decode`` note
    appended to ``notes``: it was a ``utf8`` error while the same text in a ``.txt`` file was
    cleaned (round 34). A line of a UTF-16 input holding a code unit that does not decode
    and bytes that are no text stay ``utf8`` errors
    (:func:`~cleannews.batch.sources.line_text`)."""
    place = f"{item.source}:{item.line}"
    read = line_text(item.payload)
    if read is None:
        # the error record keeps the record's id when it can be read before the damage
        # (an invalid byte in the text): it was always PATH:LINE, the id lost
        item.id = peek_id(item.payload, opts.id_field, place)
        try:
            item.payload.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _Reject("utf8", f"line is not valid UTF-8 (byte {exc.start}): "
                          f"{exc.reason}") from None
    line, note = read  # type: ignore[misc]
    if note is not None and notes is not None:
        notes.append(note)
    line = line.lstrip("\ufeff")
    try:
        record = json.loads(line) if duplicates is None else json.loads(
            line, object_pairs_hook=_pairs_hook(duplicates))
    except json.JSONDecodeError as exc:
        item.id = peek_id(item.payload, opts.id_field, place)  # `{"id": "a", "text": "x" ,,}`
        raise _Reject("json", f"not valid JSON: {json_error_place(exc, line)}") from None
    except ValueError:
        # an integer of more than sys.get_int_max_str_digits() digits: Python's message
        # told a command-line user to call sys.set_int_max_str_digits(); the line is valid
        # JSON otherwise, so its id can still be read (unless the id is that number)
        item.id = peek_id(item.payload, opts.id_field, place)
        limit = getattr(sys, "get_int_max_str_digits", lambda: 4300)()
        raise _Reject("json", "the line holds a number too long to read (an integer of more "
                      f"than {limit:,} digits); the record cannot be read") from None
    except RecursionError:  # `{"a": [[[[…` thousands deep: Python's parser gives up
        raise _Reject("json", "not valid JSON: nested too deeply for the JSON parser "
                      f"(more than about {sys.getrecursionlimit()} levels)") from None
    if not isinstance(record, dict):
        raise _Reject("json", not_an_object(record))
    return line, record, record_id(record, opts.id_field, place)


_STRUCT = regex.compile(rb'["\[\]{}]')
_SCALAR_END = regex.compile(rb"[,}\]\s]")
_SPACE = regex.compile(rb"\s*")


def _skip_string(b: bytes, i: int) -> int:
    """Index after the JSON string starting at ``b[i] == '"'`` (no decoding; linear)."""
    j = i + 1
    while True:
        j = b.find(b'"', j)
        if j < 0:
            raise ValueError("unterminated string")
        k = j
        while b[k - 1] == 0x5C:  # backslashes right before the quote
            k -= 1
        if (j - k) % 2 == 0:
            return j + 1
        j += 1


def _skip_value(b: bytes, i: int) -> int:
    """Index after the JSON value starting at ``b[i]`` (strings and nesting skipped, not parsed)."""
    if b[i:i + 1] == b'"':
        return _skip_string(b, i)
    if b[i:i + 1] in (b"{", b"["):
        depth, j = 0, i
        while True:
            m = _STRUCT.search(b, j)
            if m is None:
                raise ValueError("unterminated value")
            tok, j = m.group(), m.end()
            if tok == b'"':
                j = _skip_string(b, m.start())
            elif tok in (b"{", b"["):
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    return j
    m = _SCALAR_END.search(b, i)
    return len(b) if m is None else m.start()


def peek_id(raw: bytes, id_field: str, fallback: str) -> str:
    """The id of a JSONL line without decoding or parsing the line (for too-large records).

    Walks the top-level keys; values other than the id are skipped byte-wise,
    so a 50 MB text costs no decoded copy. A dotted ``id_field`` (``meta.id``) is read in
    the object of its first key, as :func:`~cleannews.batch.ids.field_value` reads it (a key
    holding the dot itself wins); the line may be broken after that object.

    >>> peek_id(b'{"text": "a \\\\" b", "n": [1, {"x": "]"}], "id": 7}', "id", "f:1")
    '7'
    >>> peek_id(b'{"text": "cut', "id", "f:1")
    'f:1'
    >>> peek_id(b'{"meta": {"id": "a1"}, "doc": {"text": "cut', "meta.id", "f:1")
    'a1'
    """
    head = id_field.split(".", 1)[0] if "." in id_field else None
    found = fallback  # the dotted path's id, until a key named `id_field` itself comes
    try:
        i = _SPACE.match(raw, 0).end()
        if raw[i:i + 1] != b"{":
            return fallback
        i += 1
        while True:
            i = _SPACE.match(raw, i).end()
            if raw[i:i + 1] != b'"':
                return found
            end = _skip_string(raw, i)
            key = json.loads(raw[i:end])
            i = _SPACE.match(raw, end).end()
            if raw[i:i + 1] != b":":
                return found
            i = _SPACE.match(raw, i + 1).end()
            end = _skip_value(raw, i)
            if key == id_field:
                return record_id({key: json.loads(raw[i:end])}, id_field, fallback)
            if key == head and found == fallback:
                try:
                    found = record_id({key: json.loads(raw[i:end])}, id_field, fallback)
                except ValueError:  # that object is the broken part
                    return fallback
            i = _SPACE.match(raw, end).end()
            if raw[i:i + 1] != b",":
                return found
            i += 1
    except (ValueError, IndexError):
        return found


def too_large(item: Item, opts: BatchOptions) -> bool:
    """Whether ``item`` exceeds ``--max-record-mb`` or the lower ``max_input_mb`` of its
    configuration (:func:`~cleannews.batch.limits.input_limit`; decided on its byte size,
    before decoding)."""
    return item.truncated or item.size > item_limit(opts)


def item_limit(opts: BatchOptions) -> int:
    """The bytes a record or file of this batch may have (:func:`too_large`)."""
    return input_limit(opts.max_record_bytes, opts.config.max_input_mb)


def item_id(item: Item, opts: BatchOptions) -> str:
    """The id of an item without processing it (its record's id field when it parses)."""
    if item.kind == "jsonl" and item.id is None and not item.error and not item.truncated:
        try:
            return _parse_record(item, opts)[2]
        except _Reject:
            pass
    return item.id or f"{item.source}:{item.line}"


def crash_result(item: Item, opts: BatchOptions) -> DocResult:
    """The errors-sink record of a document whose worker process died."""
    return _encode(error_result(item, item_id(item, opts), "crash",
                                "the worker process died while cleaning this document "
                                "(crash or out of memory)"))


#: Fields of a record named in the message of a record without its text field.
FIELDS_NAMED = 8
#: What :func:`field_value` gives for a record without the text field (``None`` is JSON's null).
_NO_FIELD = object()


def missing_field_message(record: dict[str, Any], field: str, flag: str = "--text-field") -> str:
    """Why a record has no text: its fields, and the flag that chooses the text's (an export
    with the text in ``content`` sent every record to the errors sink, no hint given).
    ``flag`` names the choice in the caller's words (``text_field=`` for the Python helpers
    of :mod:`cleannews.batch.api`: ``choose with text_field='FIELD'``).

    >>> missing_field_message({"id": 1, "content": "…"}, "text")
    "record has no 'text' field (its fields: id, content; choose with --text-field FIELD)"
    >>> missing_field_message({}, "text")
    "record has no 'text' field (it has no field)"
    >>> missing_field_message({"id": 1, "doc": {"title": "T", "text": "…"}}, "text")
    "record has no 'text' field (its fields: id, doc; choose with --text-field FIELD, e.g. \
--text-field doc.text)"
    >>> missing_field_message({"doc": {"title": "T"}}, "doc.text")
    "record has no 'doc.text' field ('doc' holds: title; choose with --text-field FIELD)"
    >>> missing_field_message({"doc": "Un texte."}, "doc.text")
    "record has no 'doc.text' field ('doc' is a string, not an object)"
    >>> missing_field_message({"doc": {"title": "T"}}, "doc.text", flag="text_field=")
    "record has no 'doc.text' field ('doc' holds: title; choose with text_field='FIELD')"
    """
    def choice(name: str) -> str:  # `--text-field doc.text` / `text_field='doc.text'`
        return f"{flag}{name!r}" if flag.endswith("=") else f"{flag} {name}"

    owner, where = record, "its fields"
    if field not in record and "." in field:  # a dotted path: say where it stops
        parts = field.split(".")
        for i, part in enumerate(parts[:-1]):
            inner, name = owner.get(part), ".".join(parts[:i + 1])
            if part in owner and not isinstance(inner, dict):
                return (f"record has no {field!r} field ({name!r} is {json_type(inner)}, not "
                        "an object)")
            if not isinstance(inner, dict):
                break
            owner, where = inner, f"{name!r} holds"
    if not owner:
        return f"record has no {field!r} field (it has no field)"
    names = [clipped(k, 40) for k in list(owner)[:FIELDS_NAMED]]
    more = ", …" if len(owner) > FIELDS_NAMED else ""
    # the text one level down (`{"doc": {"text": …}}`): name the flag that reads it
    nested = next((k for k, v in record.items() if owner is record and isinstance(v, dict)
                   and isinstance(v.get(field), str)), None)
    hint = f", e.g. {choice(f'{nested}.{field}')}" if nested is not None else ""
    return (f"record has no {field!r} field ({where}: {', '.join(names)}{more}; choose "
            f"with {choice('FIELD')}{hint})")


def id_field_note(record: dict[str, Any], id_field: str, flag: str = "--id-field") -> str:
    """Why ``record`` is named by its place (``PATH:LINE``) although ``--id-field`` chose a
    field: the record has no such field; ``""`` when it has it or when the field is the
    default :data:`DEFAULT_ID_FIELD` (a dump without ids is named by place, as documented).
    A typo (``--id-field doc_id`` for ``docid``) named every record ``PATH:LINE`` without a
    word, the ids lost from every sink (round 32).

    >>> id_field_note({"docid": "a1", "text": "…"}, "doc_id")
    "record has no 'doc_id' field (its fields: docid, text; choose with --id-field FIELD)"
    >>> id_field_note({"doc_id": None}, "doc_id"), id_field_note({"text": "…"}, "id")
    ('', '')

    ``flag`` names the choice as :func:`missing_field_message` does (``id_key=`` for the
    datatrove reader).
    """
    if id_field == DEFAULT_ID_FIELD or field_value(record, id_field, _NO_FIELD) is not _NO_FIELD:
        return ""
    return missing_field_message(record, id_field, flag)


def _record_text(record: dict[str, Any], opts: BatchOptions, flag: str = "--text-field") -> str:
    """The text field of a record; raises :class:`_Reject` when missing or not a string.
    A dotted ``--text-field`` (``doc.text``) reads a nested object (:func:`field_value`);
    ``flag`` is how the message names the choice (:func:`missing_field_message`)."""
    text = field_value(record, opts.text_field, _NO_FIELD)
    if text is _NO_FIELD:
        raise _Reject("missing_field", missing_field_message(record, opts.text_field, flag))
    if not isinstance(text, str):
        raise _Reject("type", f"field {opts.text_field!r} is {json_type(text)}, not a string")
    return text


def _page_text(text: str) -> bool:
    """Whether a JSONL record's text starts like an HTML page (``--format auto``: read as
    HTML, as files, standard input and ``cleannews clean`` are; a JSONL export of pages came
    out "cleaned" with every tag, script and menu in its text).

    >>> _page_text("<!DOCTYPE html><html><body><p>Le texte.</p></body></html>")
    True
    >>> _page_text("Le tag <p> ouvre un paragraphe."), _page_text("<b>Exclusif</b> : le maire")
    (False, False)
    """
    from cleannews._input import looks_like_html

    return looks_like_html(text)


def _clean(text: str | bytes, html: bool, opts: BatchOptions, ident: str) -> Document:
    """The Document of one record or file, through the library's one front half
    (:func:`cleannews.pipeline.clean_input`: size limit, decoding, id) without its "looks like
    HTML" hint: a run chose its ``--format`` (auto reads such records as HTML), and one hint
    per worker would flood the log."""
    from cleannews.pipeline import clean_input

    return clean_input(text, opts.config, html=html, id=ident, hint=False)[1]


def spin_object(doc: Document, evidence: str = "moved") -> dict[str, Any]:
    """The spin score of a record: with ``evidence="moved"`` only the evidence that moved the
    score (weight != 0) and no raw signals; everything with ``"all"``.

    >>> from cleannews.document import Evidence, SpinScore
    >>> d = Document("x", spin=SpinScore(0.2, "clean", (Evidence("a", (0, 1), "x", "r", 0.0),
    ...     Evidence("b", (0, 1), "x", "r", 0.3)), signals={"s": 1.0}))
    >>> [e["signal"] for e in spin_object(d)["evidence"]], "signals" in spin_object(d)
    (['b'], False)
    >>> len(spin_object(d, "all")["evidence"]), spin_object(d, "all")["signals"]
    (2, {'s': 1.0})
    """
    spin = doc.spin.to_dict()
    if evidence != "all":
        spin["evidence"] = [e for e in spin["evidence"] if e["weight"]]
        spin.pop("signals", None)
    return spin


def cleannews_object(doc: Document, item: Item, evidence: str = "moved") -> dict[str, Any]:
    """The ``cleannews`` object added to a record: id, text, changes, spin, verdict, source.

    ``id`` is the document's id as a string (the record's id field, or
    ``PATH:LINE`` when it has none), the same as in the errors sink. ``language`` is
    ``Document.language`` (``None``: too short to tell); it was only in ``spin.language``,
    which a scored French text has as ``"fr"`` and which docs/batch.md did not name (round 30).
    """
    return {
        "id": doc.id,
        "text": doc.text,
        "verdict": doc.verdict,
        "reason": doc.reason,
        "language": doc.language,
        "spin": spin_object(doc, evidence),
        "changes": [c.to_dict() for c in doc.changes],
        "metadata": dict(doc.metadata),
        "input_length": doc.input_length,
        "source": _source(item),
        "version": __version__,
    }


def splice_record(line: str, record: dict[str, Any], extra: dict[str, Any]) -> str:
    """The input line with ``"cleannews": extra`` appended; every input field stays byte-identical.

    >>> splice_record('{"a": 1.50} ', {"a": 1.5}, {"v": 1})
    '{"a": 1.50,"cleannews":{"v":1}}'
    >>> splice_record('{}', {}, {"v": 1})
    '{"cleannews":{"v":1}}'
    """
    if RECORD_KEY in record:  # overwrite an earlier run's object: re-serialise
        return _dumps({**record, RECORD_KEY: extra})
    body = line.rstrip()[:-1].rstrip()
    sep = "," if record else ""
    return f"{body}{sep}\"{RECORD_KEY}\":{_dumps(extra)}}}"


#: Rules whose "removed" text is moved to the document's ``metadata``, not dropped.
MOVED_TO_METADATA = frozenset({"crawler_metadata", "crawler_date_prefix"})
#: Characters kept of a removed span shown as an example in the report.
EXAMPLE_CHARS = 160


def _example(text: str) -> str:
    """A removed span, on one line and shortened for the report.

    >>> _example("Partager\\nsur Facebook"), len(_example("x" * 500))
    ('Partager ⏎ sur Facebook', 160)
    """
    one = " ⏎ ".join(line.strip() for line in text.strip().splitlines())
    return clipped(one, EXAMPLE_CHARS)


def _removed_bytes(c: Change) -> int:
    """Bytes of input a change removed; a decode change shows them in hex (``e2 80``).

    >>> _removed_bytes(Change("decode", "drop_truncated_utf8", (3, 3), "e2 80", "", "r"))
    2
    >>> _removed_bytes(Change("strip", "share_bar", (0, 9), "Partag\u00e9", "", "r"))
    8
    """
    if c.stage == "decode":
        try:
            return len(bytes.fromhex(c.before))
        except ValueError:
            pass
    return len(c.before.encode("utf-8", "surrogatepass"))


def _stats(result: DocResult, doc: Document) -> DocResult:
    for c in doc.changes:
        result.changes[c.rule] = result.changes.get(c.rule, 0) + 1
        if c.removed:
            counts = result.moved if c.rule in MOVED_TO_METADATA else result.removed
            entry = counts.setdefault(c.rule, [0, 0])
            entry[0] += 1
            entry[1] += _removed_bytes(c)
            if counts is result.removed and c.rule not in result.examples and c.before.strip():
                result.examples[c.rule] = _example(c.before)
    if result.sink == "quarantine":
        top = sorted((e for e in doc.spin.evidence if e.weight), key=lambda e: -e.weight)
        result.evidence = [{"text": e.text, "reason": e.reason, "weight": e.weight}
                           for e in top[:TOP_EVIDENCE]]
        result.reason = doc.reason
    result.out_chars = len(doc.text)
    result.spin_score = doc.spin.score
    result.spin_label = doc.spin.label
    return result


def score_line(doc: Document, item: Item, ident: str) -> str:
    """The one-line triage record of ``cleannews score``: id, score, label, top evidence."""
    top = sorted((e for e in doc.spin.evidence if e.weight), key=lambda e: -e.weight)
    top = top[:TOP_EVIDENCE]
    return _dumps({
        "id": ident,
        "score": doc.spin.score,
        "label": doc.spin.label,
        "verdict": doc.verdict,
        "language": doc.language,  # as in a run's record (round 30)
        "evidence": [{"signal": e.signal, "text": e.text, "reason": e.reason,
                      "weight": e.weight} for e in top],
        "source": _source(item),
    })


def _process(item: Item, opts: BatchOptions) -> DocResult:
    ident = item.id or f"{item.source}:{item.line}"
    if item.error:
        raise _Reject(item.error_type or "read", item.error)
    if too_large(item, opts):
        if item.kind == "jsonl" and item.id is None:  # named by its id, found without parsing
            item.id = peek_id(item.payload, opts.id_field, ident)
        limit = item_limit(opts)
        raise _Reject("too_large", too_large_message(
            item.size, limit, item.size_exact, input_noun(item.kind, item.source),
            limit_setting(limit, opts.config.max_input_mb)))
    notes: list[Change] = []  # how a record's line that is not UTF-8 was read
    if item.kind == "jsonl":
        duplicates: list[str] = []  # keys the record writes twice (warned once, here)
        line, record, ident = _parse_record(item, opts, notes, duplicates)
        item.id = ident
        duplicate_note = duplicate_key_warning(item, ident, duplicates) if duplicates else ""
        id_note = id_field_note(record, opts.id_field)
        text: str | bytes = _record_text(record, opts)
        html = opts.fmt == "html" or (opts.fmt == "auto" and _page_text(text))
    else:
        line, record, text, html = "", {}, item.payload, item.kind == "html"
        id_note = duplicate_note = ""
    _check_text(text, item.source, opts.mode, html)
    try:
        doc = _clean(text, html, opts, ident)
    except InputError as exc:
        raise _Reject(exc.kind, exc.message) from None  # the record names its id; the kind:
        # `too_large` above the config's max_input_mb
    add_decode_notes(doc, notes)
    if opts.templates is not None:
        from cleannews.batch.templates import apply_templates, item_source

        apply_templates(doc, opts.templates, item_source(item, record, opts.source_field))
    empty = nothing_left(doc)
    # `score` scores a page of boilerplate only (docs/batch.md), but an input with no text
    # is an `empty` error for both, an HTML page whose markup holds none as an empty text
    if empty is not None and (opts.mode == "run" or empty[0] == "empty"):
        raise _Reject(*empty)
    sink = "quarantine" if doc.quarantined else "out"
    if opts.mode == "score":  # "out" and "quarantine" share one stream in score mode
        out = score_line(doc, item, ident)
    else:
        obj = cleannews_object(doc, item, opts.evidence)
        if opts.copies is not None:
            sink = _add_copies(obj, opts, item.seq, sink)
        if item.kind == "jsonl":
            out = splice_record(line, record, obj)
        else:
            out = _dumps({"id": ident, RECORD_KEY: obj})
    result = DocResult(item.seq, sink, ident, out, in_bytes=item.size, id_note=id_note,
                       duplicate_keys=duplicate_note)
    if item.kind != "jsonl" and opts.mode == "run":
        result.mirror, result.text = ident, doc.text
    return _stats(result, doc)


def _add_copies(obj: dict[str, Any], opts: BatchOptions, seq: int, sink: str) -> str:
    """``--find-copies``: add ``copies`` (and a spun copy's ``copy_source`` evidence) to the
    record's object; returns the sink (``duplicates`` for a dropped plain copy)."""
    from cleannews.batch.copies import copies_info, copy_evidence

    assert opts.copies is not None
    info = copies_info(opts.copies, seq)
    obj["copies"] = info
    ev = copy_evidence(opts.copies, seq)
    if ev is not None:
        obj["spin"]["evidence"].append(ev)
    if opts.drop_duplicates and info["role"] == "duplicate":
        return "duplicates"
    return sink


def _encode(result: DocResult) -> DocResult:
    """Set ``result.data``: the UTF-8 line. Lone surrogates (from ``\\ud800`` escapes) are
    written escaped, re-serialising the record, so the sink stays valid UTF-8.
    ``result.line`` is emptied: the main process needs only the bytes."""
    try:
        result.data = (result.line + "\n").encode("utf-8")
    except UnicodeEncodeError:
        result.data = (json.dumps(json.loads(result.line), ensure_ascii=True,
                                  separators=JSON_SEPARATORS) + "\n").encode()
    result.line = ""  # sent back to the main process once, as bytes
    return result


def process_item(item: Item, opts: BatchOptions) -> DocResult:
    """Process one item; any failure becomes an errors-sink record (never raises ``Exception``).

    With ``opts.doc_timeout`` the cleaning of the item is stopped after that many seconds and
    filed as a ``timeout`` error with its id (:func:`cleannews.batch.timeout.time_limit`). The
    limit covers :func:`_process` only: the error record of a document refused before any
    cleaning (above ``--max-record-mb``, invalid UTF-8 …) copies its raw input, several MB,
    and is built after it (it was timed: a 50 MB file refused from its size was filed as a
    ``timeout``, round 34).

    >>> big = b'{"id": "big", "text": "' + b"a" * 3_000_000 + b'"}'
    >>> opts = BatchOptions(max_record_bytes=1_000, doc_timeout=0.001)
    >>> process_item(Item(0, "in.jsonl", "jsonl", big, 1, size=len(big)), opts).error_type
    'too_large'
    """
    try:
        with time_limit(opts.doc_timeout):
            result = _process(item, opts)
    except DocTimeout:
        return timeout_result(item, opts)
    except _Reject as exc:
        result = error_result(item, item.id or f"{item.source}:{item.line}", exc.kind, str(exc))
    except (Exception, SystemExit) as exc:  # a bug in a stage must not stop the batch
        where = traceback.extract_tb(exc.__traceback__)[-1]
        msg = f"{type(exc).__name__}: {exc} (at {where.filename}:{where.lineno})"
        result = error_result(item, item.id or f"{item.source}:{item.line}", "exception", msg)
    return _encode(result)


def timeout_result(item: Item, opts: BatchOptions) -> DocResult:
    """The errors-sink record of a document stopped by ``--doc-timeout``."""
    assert opts.doc_timeout is not None
    return _encode(error_result(item, item_id(item, opts), "timeout",
                                timeout_message(opts.doc_timeout)))


# --- worker-process side -------------------------------------------------------------

_WORKER_OPTS: BatchOptions | None = None


#: A short French text run once through the pipeline to load its lazy resources.
WARM_UP_TEXT = "Le gouvernement a présenté jeudi son projet de loi de finances.\n"


def warm_up(opts: BatchOptions) -> None:
    """Load the stages' lazily loaded data (models, word lists) by cleaning a tiny text.

    Called in the main process before the workers are forked, so they share
    the loaded data (copy-on-write) instead of each loading it again.
    """
    try:
        _clean(WARM_UP_TEXT, False, opts, "warm-up")
        if opts.fmt == "html":
            _clean(f"<p>{WARM_UP_TEXT}</p>", True, opts, "warm-up")
    except Exception:  # a broken stage shows up per document, with its reason
        pass


#: The formats (``text``, ``html``) this process has loaded the models for under a time
#: limit (:func:`warm_up_once`).
_WARMED: set[str] = set()


def warm_up_once(opts: BatchOptions) -> None:
    """:func:`warm_up` for ``opts.fmt``, once per process: before the first document cleaned
    under a time limit (the datatrove step, the library functions of :mod:`cleannews.batch.api`,
    ``clean --doc-timeout``), so that loading the models is not counted against it."""
    if opts.fmt not in _WARMED:
        warm_up(opts)
        _WARMED.add(opts.fmt)


#: Whether this process has said that its time limit cannot be applied (said once).
_UNLIMITED_SAID = False


def ready_for_limit(config: CleanConfig, fmt: str, flag: str) -> None:
    """Before each document cleaned under a time limit in this process (the library functions
    of :mod:`cleannews.batch.api`, ``clean --doc-timeout``): the models for ``fmt`` loaded once
    (:func:`warm_up_once`: loading is no document's time; later calls cost a set lookup, no
    options built); where the limit cannot be applied
    (:func:`~cleannews.batch.timeout.can_interrupt`: no ``setitimer``, not the main thread) a
    warning naming ``flag`` instead, once per process."""
    global _UNLIMITED_SAID
    if can_interrupt():
        if fmt not in _WARMED:
            warm_up_once(BatchOptions(config=config, fmt=fmt))
    elif not _UNLIMITED_SAID:
        logging.getLogger("cleannews").warning(
            "%s: the limit is not applied here (no setitimer on this platform, or not the main "
            "thread): documents are cleaned without it", flag)
        _UNLIMITED_SAID = True


def init_worker(opts: BatchOptions) -> None:
    """Pool initializer: keep the options once per process, load the pipeline modules."""
    global _WORKER_OPTS
    _WORKER_OPTS = opts
    import cleannews.pipeline  # noqa: F401  (warm the imports once per process)


def process_chunk(items: list[Item], opts: BatchOptions | None = None) -> list[DocResult]:
    """Process a chunk of items in order (in a worker: options from :func:`init_worker`).

    Between documents it looks for a stop signal (:func:`cleannews.batch.stop.check`): a
    Ctrl-C or SIGTERM whose raise Python swallowed stops a ``--jobs 1`` run at the next
    document (a worker process ignores both signals: nothing is ever recorded there)."""
    opts = opts or _WORKER_OPTS or BatchOptions()
    results = []
    for item in items:
        check_stop()
        results.append(process_item(item, opts))
    return results

"""cleannews as datatrove pipeline steps (``pip install 'cleannews[datatrove]'``).

Two steps, usable in any datatrove executor (local, Slurm, Ray):

* :class:`CleannewsCleaner` replaces ``doc.text`` by the cleaned text and
  records what was done in ``doc.metadata["cleannews"]`` (verdict, reason,
  spin score and label, top evidence, per-rule change counts);
* :class:`CleannewsSpinFilter` drops spun documents (and documents that
  could not be cleaned, or that the cleaner's ``accept_languages`` set aside) with a
  reason, ``"spun"``, ``"cleannews_error"`` or ``"other_language"``:
  give it an ``exclusion_writer`` and that writer is the quarantine. With
  ``label_only=True`` it annotates and forwards every document;
* :class:`CleannewsJsonlReader` is datatrove's ``JsonlReader`` that loses no line: a line
  it cannot read (invalid UTF-8 or JSON, no text, a text that is not a string) is passed
  on marked with its error type, and the two steps above exclude it.

::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleannews.integrations.datatrove import CleannewsCleaner, CleannewsSpinFilter

    LocalPipelineExecutor(pipeline=[
        JsonlReader("in/"),
        CleannewsCleaner(),
        CleannewsSpinFilter(exclusion_writer=JsonlWriter("quarantine/")),
        JsonlWriter("out/"),
    ], tasks=4, logging_dir="logs/").run()

Steps hold only picklable options and import the pipeline lazily, once
per process, on the first document. Importing this module without
datatrove raises :class:`cleannews.MissingExtraError` with the pip command.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cleannews.errors import MissingExtraError

try:
    from datatrove.data import Document as DatatroveDocument
    from datatrove.pipeline.base import PipelineStep
    from datatrove.pipeline.filters.base_filter import BaseFilter
    from datatrove.pipeline.readers import JsonlReader
except ImportError as exc:  # datatrove itself, or `regex` that BaseFilter needs
    raise MissingExtraError("the datatrove integration", "datatrove", "datatrove") from exc

from cleannews.__about__ import __version__
from cleannews.batch.process import BatchOptions, nothing_left, ready_for_limit, text_problem
from cleannews.config import CleanConfig, checked_flag, config_or_default
from cleannews.document import json_safe

__all__ = ["METADATA_KEY", "CleannewsCleaner", "CleannewsJsonlReader", "CleannewsSpinFilter"]

#: Key of the cleannews summary in ``doc.metadata``.
METADATA_KEY = "cleannews"
#: Evidence items kept in the metadata.
TOP_EVIDENCE = 3
#: The setting a timeout message and the "no limit here" warning name (the step's
#: ``timeout`` error said ``(--doc-timeout)``, a flag the datatrove user never gave; round 34).
TIMEOUT_SETTING = "CleannewsCleaner doc_timeout"
#: Filter reasons (datatrove counts them as ``dropped_<reason>``).
REASON_SPUN = "spun"
REASON_ERROR = "cleannews_error"
#: A document the cleaner's ``accept_languages`` set aside (``cleannews run`` quarantines it).
REASON_LANGUAGE = "other_language"
#: Every reason :class:`CleannewsSpinFilter` gives.
REASONS = (REASON_SPUN, REASON_ERROR, REASON_LANGUAGE)
#: The error types of a line :class:`CleannewsJsonlReader` could not make a record of; its
#: document (text: the raw line; a compressed dump: its first bytes) is passed on by the
#: cleaner, never cleaned.
READ_ERRORS = frozenset({"utf8", "json", "missing_field", "type", "empty", "read", "binary"})


def unreadable(summary: Any) -> bool:
    """Whether ``summary`` (a document's ``metadata["cleannews"]``) marks a line the reader
    could not read. Another error -- a ``timeout``, ``empty_after_cleaning`` … that an earlier
    run recorded, read again with its output (its quarantine run once more with a longer
    ``doc_timeout``), or any input field named ``cleannews`` -- is no such mark: the document
    is cleaned (it was passed on as failed again, never cleaned; round 28).

    >>> unreadable({"error": "not valid JSON …", "error_type": "json"})
    True
    >>> unreadable({"error": "cleaning took longer than 5 s", "error_type": "timeout"})
    False
    """
    return (isinstance(summary, dict) and "error" in summary
            and summary.get("error_type") in READ_ERRORS)


def _error(kind: str, message: str) -> dict[str, Any]:
    """The metadata of a document that was not cleaned: same types as ``cleannews run``."""
    return {"error": message, "error_type": kind, "version": __version__}


def clean_id(value: Any) -> str | None:
    """A datatrove ``Document.id`` as the ``id=`` of :func:`cleannews.clean`: no id
    (``None``, ``""``) is ``None``, a number is written as ``run`` writes one
    (:func:`cleannews.pipeline.document_id`), any other value is its ``str``. It was always
    ``str(doc.id)``: a document without an id was the document ``"None"`` (audit32).

    >>> clean_id(None), clean_id(""), clean_id(7), clean_id("a1"), clean_id(["a"])
    (None, None, '7', 'a1', "['a']")
    """
    from cleannews.errors import InputError
    from cleannews.pipeline import document_id

    try:
        return document_id(value) or None
    except InputError:  # a list, a bool: still a name for the document, never a failure
        return str(value)


def summarize(doc: Any, record_changes: bool) -> dict[str, Any]:
    """The JSON-ready summary of a :class:`cleannews.Document` stored in the metadata."""
    rules: dict[str, int] = {}
    for c in doc.changes:
        rules[c.rule] = rules.get(c.rule, 0) + 1
    top = sorted((e for e in doc.spin.evidence if e.weight), key=lambda e: -e.weight)
    out: dict[str, Any] = {
        "verdict": doc.verdict,
        "reason": doc.reason,
        "spin_score": doc.spin.score,
        "spin_label": doc.spin.label,
        # the identified language (None: too short to tell), as `run` writes it; the
        # summary had none, so a pipeline could not filter on it (audit32)
        "language": doc.language,
        "evidence": [{"signal": e.signal, "text": e.text, "reason": e.reason}
                     for e in top[:TOP_EVIDENCE]],
        "rules": rules,
        "removed_chars": doc.removed_chars,
        "input_length": doc.input_length,
        "version": __version__,
    }
    if doc.metadata:
        out["metadata"] = dict(doc.metadata)
    if record_changes:
        out["changes"] = [c.to_dict() for c in doc.changes]
    return out


def _text_stats(step: Any, document: Any) -> None:
    """``step``'s datatrove document stats when ``document.text`` is a string (else none)."""
    if isinstance(document.text, str):
        PipelineStep.update_doc_stats(step, document)


class CleannewsCleaner(PipelineStep):
    """Clean ``doc.text`` (repair, strip, score, route) and record the result in the metadata.

    ``html=True`` treats the texts as HTML pages. ``record_changes=True`` also
    stores every change (rule, span, before, after, reason) — larger output.
    A document that cannot be cleaned is forwarded unchanged with
    ``metadata["cleannews"] = {"error": ...}``; :class:`CleannewsSpinFilter`
    then routes it to its exclusion writer. ``doc_timeout=SECONDS`` stops a document
    that takes longer to clean (error type ``timeout``, as ``cleannews run --doc-timeout``;
    the alarm of :mod:`cleannews.batch.timeout`: POSIX, in the task's main thread, which is
    where datatrove's executors run a step; elsewhere no limit, and a warning says so once per
    process). Default ``None``: no limit.

    >>> CleannewsCleaner(doc_timeout=30).doc_timeout
    30.0
    """

    name = f"🧹 cleannews {__version__} clean"
    type = "✂️ - FORMAT"

    def __init__(self, config: CleanConfig | None = None, html: bool = False,
                 record_changes: bool = False, doc_timeout: float | None = None) -> None:
        from cleannews.batch.timeout import checked_timeout

        super().__init__()
        self.doc_timeout = checked_timeout("CleannewsCleaner doc_timeout", doc_timeout)
        self.config = config_or_default(config)
        self.html = checked_flag("CleannewsCleaner html", html)
        self.record_changes = checked_flag("CleannewsCleaner record_changes", record_changes)

    def update_doc_stats(self, document: DatatroveDocument) -> None:
        """datatrove's length stats, for text only: a ``type`` error (text not a string)
        is passed on, not a crash of the task (datatrove takes ``len()`` of the text)."""
        _text_stats(self, document)

    def _fail(self, doc: DatatroveDocument, kind: str, message: str) -> None:
        """Mark ``doc`` as not cleaned; its text stays as it came (the exclusion writer keeps
        it), lone surrogates escaped (``\\ud800``: no writer can write them, round 34)."""
        if isinstance(doc.text, str):
            doc.text = json_safe(doc.text)
        doc.metadata[METADATA_KEY] = _error(kind, message)
        self.stat_update("cleannews_failed")
        self.stat_update(f"error_{kind}")

    def clean_one(self, doc: DatatroveDocument) -> None:
        """Clean one datatrove document in place (checks and error types of ``cleannews run``)."""
        from cleannews.batch.timeout import DocTimeout, time_limit, timeout_message
        from cleannews.errors import InputError
        from cleannews.pipeline import clean, clean_html

        marked = doc.metadata.get(METADATA_KEY)
        if unreadable(marked):
            # a line CleannewsJsonlReader could not read: its raw text passed on, not cleaned
            self.stat_update("cleannews_failed")
            self.stat_update(f"error_{marked['error_type']}")
            return
        if not isinstance(doc.text, str):
            self._fail(doc, "type", f"text is {type(doc.text).__name__}, not a string")
            return
        problem = text_problem(doc.text, self.html)
        if problem is not None:  # NUL (not in a page), binary, nothing visible
            self._fail(doc, *problem)
            return
        fmt = "html" if self.html else "text"
        if self.doc_timeout is not None:
            # the models load here, once per process, not in the first document's limit; or,
            # where the alarm cannot work (not the main thread), a warning, once
            ready_for_limit(self.config, fmt, TIMEOUT_SETTING)
        try:
            with time_limit(self.doc_timeout):
                result = (clean_html if self.html else clean)(doc.text, self.config,
                                                              id=clean_id(doc.id))
        except DocTimeout:
            assert self.doc_timeout is not None
            self._fail(doc, "timeout", timeout_message(self.doc_timeout, TIMEOUT_SETTING))
            return
        except InputError as exc:  # `too_large` above the config's max_input_mb, as in `run`
            self._fail(doc, exc.kind, exc.message)  # the document carries its id
            return
        except Exception as exc:  # one document must not stop the task
            self._fail(doc, "exception", f"{type(exc).__name__}: {exc}")
            return
        _add_reader_note(doc, result)
        empty = nothing_left(result)
        if empty is not None:  # all boilerplate: excluded with its reason, not silently lost
            self._fail(doc, *empty)
            doc.metadata[METADATA_KEY]["summary"] = summarize(result, self.record_changes)
            return
        doc.text = result.text
        doc.metadata[METADATA_KEY] = summarize(result, self.record_changes)
        self.stat_update(f"label_{result.spin.label}")
        if result.quarantined:
            self.stat_update("verdict_quarantine")
        removed = 0
        for c in result.changes:
            if c.removed:
                self.stat_update(f"removed_{c.rule}")
                if c.stage != "decode":  # (`drop_truncated_utf8`: bytes in hex, no character)
                    removed += len(c.before)
        if removed:  # one value per document, as the unit says
            self.stat_update("removed_chars", value=removed, unit="doc")

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Iterator[DatatroveDocument]:
        for doc in data or ():
            self.stat_update("total")
            with self.track_time():
                self.clean_one(doc)
            self.update_doc_stats(doc)
            yield doc


def _add_reader_note(doc: DatatroveDocument, result: Any) -> None:
    """The note :class:`CleannewsJsonlReader` kept of how ``doc``'s line was decoded (a line
    in Windows-1252), taken out of the metadata and made the first change of ``result``, as
    ``cleannews run`` makes it its record's (:func:`cleannews.batch.process.add_decode_notes`):
    the summary counts it, ``record_changes`` lists it."""
    from cleannews.batch.process import DECODE_NOTE_KEY, add_decode_notes, decode_note_of

    note = decode_note_of(doc.metadata)
    if note is not None:
        del doc.metadata[DECODE_NOTE_KEY]
        add_decode_notes(result, [note])


class CleannewsSpinFilter(BaseFilter):
    """Keep documents that are not spun; ``(False, "spun")`` otherwise.

    Uses the verdict recorded by :class:`CleannewsCleaner` when present, else
    scores ``doc.text`` itself (and stores the summary). ``threshold``
    overrides the config's quarantine threshold. ``label_only=True`` forwards
    every document and only annotates it (``metadata["cleannews"]``, plus
    ``metadata["filter_reason"]`` on the would-be-dropped ones).
    """

    name = f"🧹 cleannews {__version__} spin filter"

    def __init__(self, exclusion_writer: Any = None, label_only: bool = False,
                 threshold: float | None = None, config: CleanConfig | None = None) -> None:
        super().__init__(exclusion_writer)
        self.label_only = checked_flag("CleannewsSpinFilter label_only", label_only)
        cfg = config_or_default(config)
        self.config = cfg if threshold is None else cfg.replace(
            spin_quarantine_threshold=threshold)

    def update_doc_stats(self, document: DatatroveDocument) -> None:
        """As :meth:`CleannewsCleaner.update_doc_stats` (a forwarded ``label_only`` document
        whose text is not a string must not crash the task)."""
        _text_stats(self, document)

    def _summary(self, doc: DatatroveDocument) -> dict[str, Any]:
        summary = doc.metadata.get(METADATA_KEY)
        if isinstance(summary, dict) and ("spin_label" in summary or "error" in summary):
            return summary
        from cleannews.pipeline import spin_score

        problem = text_problem(doc.text) if isinstance(doc.text, str) else (
            "type", f"text is {type(doc.text).__name__}, not a string")
        if problem is not None:
            summary = _error(*problem)
        else:
            try:
                spin = spin_score(doc.text, self.config)
            except Exception as exc:  # InputError or a bug: the document is excluded
                summary = _error("exception", f"{type(exc).__name__}: {exc}")
            else:
                moved = sorted((e for e in spin.evidence if e.weight), key=lambda e: -e.weight)
                summary = {"spin_score": spin.score, "spin_label": spin.label,
                           "evidence": [{"signal": e.signal, "text": e.text, "reason": e.reason}
                                        for e in moved[:TOP_EVIDENCE]],
                           "version": __version__}
        doc.metadata[METADATA_KEY] = summary
        return summary

    def decide(self, doc: DatatroveDocument) -> str | None:
        """The reason to drop ``doc`` (``"spun"``, ``"cleannews_error"``, ``"other_language"``)
        or ``None`` to keep it."""
        s = self._summary(doc)
        if "error" in s:
            return REASON_ERROR
        if s.get("verdict") == REASON_LANGUAGE:  # the cleaner's accept_languages, as in `run`
            return REASON_LANGUAGE
        spun = s.get("spin_label") == "spun" and (
            s.get("spin_score", 0.0) >= self.config.spin_quarantine_threshold)
        return REASON_SPUN if spun else None

    def filter(self, doc: DatatroveDocument) -> bool | tuple[bool, str]:
        reason = self.decide(doc)
        if reason is None:
            # a reason of this filter an earlier run wrote (its `label_only` output read again,
            # with expand_metadata): a document kept now does not carry it (round 28)
            if doc.metadata.get("filter_reason") in REASONS:
                del doc.metadata["filter_reason"]
            return True
        if self.label_only:
            doc.metadata["filter_reason"] = reason
            self.stat_update(f"labelled_{reason}")
            return True
        return False, reason


#: Metadata key of a record's ``media`` field that is not datatrove's list of media objects.
SOURCE_MEDIA_KEY = "source_media"
#: The keys a datatrove media object must have (``datatrove.data.Media``).
_MEDIA_REQUIRED = frozenset({"id", "type", "url"})


def _media_objects(value: Any) -> list[dict[str, Any]] | None:
    """``value`` as datatrove's media objects (their ``media_bytes`` decoded from base64), or
    ``None`` when it is not a list of them (a list of image URLs, objects without ``id``).

    >>> _media_objects([{"id": "1", "type": 0, "url": "u", "media_bytes": "eA=="}])
    [{'id': '1', 'type': 0, 'url': 'u', 'media_bytes': b'x'}]
    >>> _media_objects(["https://ex.fr/photo.jpg"]) is None, _media_objects([{"url": "u"}])
    (True, None)
    """
    import base64
    import binascii
    import dataclasses

    from datatrove.data import Media

    names = {f.name for f in dataclasses.fields(Media)}
    if not isinstance(value, list):
        return None
    out = []
    for media in value:
        if not isinstance(media, dict) or not _MEDIA_REQUIRED <= media.keys() <= names:
            return None
        data = media.get("media_bytes")
        if data is not None:
            if not isinstance(data, str):
                return None
            try:
                data = base64.decodebytes(data.encode("ascii"))
            except (ValueError, binascii.Error):  # not ASCII, not base64
                return None
        out.append({**media, "media_bytes": data} if "media_bytes" in media else media)
    return out


def _read_media(record: dict[str, Any]) -> None:
    """Decode the record's ``media`` (as datatrove's reader does), in place. A ``media`` field
    of another shape -- a scraper's list of image URLs, ``null`` -- crashed the task: it is
    moved to ``source_media`` (a metadata field for the adapter; datatrove's ``Media`` cannot
    hold it, and a ``media`` key in the metadata would crash ``JsonlWriter(expand_metadata)``).
    """
    if "media" not in record:
        return
    media = _media_objects(record["media"])
    if media is None:
        record[SOURCE_MEDIA_KEY] = record.pop("media")
    else:
        record["media"] = media


class CleannewsJsonlReader(JsonlReader):
    """datatrove's ``JsonlReader`` that loses no line: each line it cannot make a document of
    is passed on as one, marked with the error type of ``cleannews run``'s errors sink.

    datatrove 0.10.1's reader stops reading a file at its first invalid UTF-8 byte (losing
    the rest of the file and the records of the same read buffer before it), skips lines
    that are not JSON and records without text, and crashes the task on a text that is not
    a string. Here each such line becomes a document whose text is the raw line (invalid
    bytes as ``\\xNN``), id the record's id or datatrove's ``PATH/INDEX``, and
    ``metadata["cleannews"] = {"error", "error_type", "version"}`` (``utf8``, ``json``,
    ``missing_field``, ``type``, ``empty``): :class:`CleannewsCleaner` passes it on
    unchanged and :class:`CleannewsSpinFilter` sends it to its exclusion writer as
    ``cleannews_error``. Blank lines are not documents (as in ``cleannews run``). The
    lines are parsed as ``cleannews run`` parses them (Python's ``json``; a byte-order mark
    is skipped); the arguments are ``JsonlReader``'s. A ``media`` field that is not
    datatrove's list of media objects (a list of image URLs) goes to
    ``metadata["source_media"]`` (it crashed the task). ``text_key`` and ``id_key`` may
    be dotted paths into nested objects, as ``cleannews run``'s ``--text-field doc.text
    --id-field meta.id`` (datatrove's own reader reads top-level keys only: every such
    record was skipped as "without text"); with the default adapter the text and id are
    taken out of their objects, whose other fields go to the metadata as before.
    """

    name = f"🐿 cleannews {__version__} jsonl"

    def read_file(self, filepath: str) -> Iterator[DatatroveDocument]:
        """The documents of ``filepath``'s lines. A file that cannot be opened, or whose
        reading fails part-way (a ``.gz`` cut short, corrupt data), ends with one ``read``
        error document for the rest, as ``cleannews run``'s errors sink has it (the
        ``EOFError`` / ``BadGzipFile`` stopped the task; round 28)."""
        from cleannews.batch.sources import READ_FAILURES, blank_line, read_problem, unread_rest

        compression, head = self._sniffed(filepath)
        if head is not None:  # bzip2, xz, ZIP … data the name does not say: one document
            yield self._error_document(head, filepath, 0, None, *text_problem(head))  # type: ignore[misc]
            return
        try:
            f = self.data_folder.open(filepath, "rb", compression=compression)
        except OSError as exc:
            yield self._error_document(b"", filepath, 0, None, "read",
                                       f"cannot open: {read_problem(exc)}")
            return
        with f:
            lines = iter(f)
            index = 0
            while True:
                try:
                    raw = next(lines)
                except StopIteration:
                    return
                except READ_FAILURES as exc:
                    yield self._error_document(b"", filepath, index, None, "read",
                                               unread_rest(index, exc))
                    return
                index += 1
                if blank_line(raw):  # a UTF-8 byte-order mark alone is blank too (round 31)
                    continue
                with self.track_time():
                    doc = self._line_document(raw, filepath, index - 1)
                yield doc

    def _sniffed(self, filepath: str) -> tuple[str | None, bytes | None]:
        """``(compression, refused)`` for a file whose name says no compression (datatrove's
        ``"infer"`` goes by the name): gzip data is read decompressed, as ``cleannews run``
        reads it whatever the name; data that starts like another binary format (bzip2, xz,
        zstd, a ZIP archive: :func:`cleannews._input.binary_kind`) is ``refused``, its first
        bytes given, for one ``binary`` document. Each of its "lines" of compressed bytes was a
        ``utf8`` error document (round 34)."""
        from fsspec.utils import infer_compression

        from cleannews._input import binary_kind
        from cleannews.batch.sources import GZIP_MAGIC

        named = (infer_compression(filepath) if self.compression == "infer"
                 else self.compression)
        if named is not None:
            return named, None
        try:
            with self.data_folder.open(filepath, "rb") as f:
                head = f.read(16)
        except OSError:  # the reading says why
            return None, None
        if head.startswith(GZIP_MAGIC):
            return "gzip", None
        return None, (head if binary_kind(head) is not None else None)

    def _line_document(self, raw: bytes, filepath: str, index: int) -> DatatroveDocument:
        """The document of one non-blank line: a record, or the raw line marked with why not."""
        from cleannews.batch.ids import id_text
        from cleannews.batch.process import (
            DECODE_NOTE_KEY,
            _parse_record,
            _record_text,
            _Reject,
            decode_note_metadata,
            id_field_note,
        )
        from cleannews.batch.sources import Item

        opts = BatchOptions(text_field=self.text_key, id_field=self.id_key)
        item = Item(seq=index, source=filepath, kind="jsonl", payload=raw, line=index + 1)
        record: dict[str, Any] | None = None
        try:
            notes: list[Any] = []  # how a line that is not UTF-8 was read, as `run` says it
            _, record, _ = _parse_record(item, opts, notes)
            note = id_field_note(record, self.id_key, "id_key=")
            if note:
                self._tell_missing_id(note, f"{filepath}/{index}")
            # run's checks: missing field (a dotted `doc.text` read as run reads it, the
            # message saying where the path stops), not a string
            text = _record_text(record, opts, "text_key=")
            if not text:
                raise _Reject(*text_problem(text))  # type: ignore[misc]
            self._lift_dotted(record)
            _read_media(record)
            doc = self.get_document_from_dict(record, filepath, index)
            if doc is not None:
                # the id as `cleannews run` names the record: a number written out, `null`,
                # `""`, `true`, a list, `NaN` no id (datatrove's `PATH/INDEX`); they were
                # passed on as they were (`doc.id` None, a list), unlike every other id
                doc.id = json_safe(id_text(doc.id, f"{filepath}/{index}"))
                # lone surrogates (`"\ud800"`, which Python's parser reads) escaped as
                # `Document.to_dict` writes them: datatrove's writers (orjson) refused them
                # and the task failed (round 34); the text is the cleaner's to repair
                doc.metadata = json_safe(doc.metadata)
                for note in notes:  # for the cleaner to say first (a Windows-1252 line had
                    # no note here, where `run` gave its record's document one; round 35)
                    doc.metadata[DECODE_NOTE_KEY] = decode_note_metadata(note)
                return doc
            raise _Reject("empty", "the reader's adapter gave no text")
        except _Reject as exc:
            # a line broken after its id (invalid JSON, a Latin-1 byte): the id `run` gives
            # its error record, read before the damage (None: no id could be read)
            peeked = item.id if record is None and item.id != f"{filepath}:{index + 1}" else None
            return self._error_document(raw, filepath, index, record, exc.kind, str(exc),
                                        peeked)

    def _tell_missing_id(self, note: str, ident: str) -> None:
        """A record without the ``id_key`` the caller chose: counted (``cleannews_no_id``) and,
        the first time in this task, logged; a misspelt ``id_key`` named every document
        ``PATH/INDEX`` without a word (round 32, as ``cleannews run --id-field``)."""
        self.stat_update("cleannews_no_id")
        if getattr(self, "_id_told", False):
            return
        self._id_told = True
        from loguru import logger

        logger.warning(f"{ident}: {note}: the document is named by its place ({ident}), and so "
                       f"is every later record without a {self.id_key!r} field (counted as "
                       "cleannews_no_id, not named again)")

    def _lift_dotted(self, record: dict[str, Any]) -> None:
        """For datatrove's default adapter (which pops top-level keys only): a dotted
        ``text_key`` / ``id_key`` (``doc.text``, ``meta.id``) that is not a key of its own is
        moved out of its object to the top level, so the adapter finds it and the text is not
        kept a second time in the metadata (``doc``'s other fields stay there). A custom
        ``adapter`` gets the record as it is."""
        if getattr(self.adapter, "__func__", None) is not JsonlReader._default_adapter:
            return
        from cleannews.batch.ids import pop_field

        missing = object()
        for key in (self.text_key, self.id_key):
            if key in record or "." not in key:
                continue
            value = pop_field(record, key, missing)
            if value is not missing:
                record[key] = value

    def _error_document(self, raw: bytes, filepath: str, index: int,
                        record: dict[str, Any] | None, kind: str, message: str,
                        peeked: str | None = None) -> DatatroveDocument:
        from cleannews.batch.ids import field_value, id_text

        ident = field_value(record, self.id_key) if record is not None else peeked
        ident = json_safe(id_text(ident, f"{filepath}/{index}"))  # datatrove's default id
        metadata: dict[str, Any] = {METADATA_KEY: _error(kind, message)}
        if self.add_file_path:
            metadata["file_path"] = self.data_folder.resolve_paths(filepath)
        if self.default_metadata:  # as datatrove gives every record's document (round 28:
            # the error documents lacked it, e.g. the `source` of a crawl in the quarantine)
            metadata = self.default_metadata | metadata
        self.stat_update("cleannews_unreadable")
        text = raw.decode("utf-8", "backslashreplace").rstrip("\r\n")
        return DatatroveDocument(text=text, id=ident, metadata=metadata)

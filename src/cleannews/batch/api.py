"""Plain picklable functions for other engines: ``pandas.Series.map``, ``datasets.map``.

Resources (the configuration, the pipeline's modules and their data) are
loaded lazily, once per process, on the first call::

    >>> clean_text("Bonjour \\u00e0 tous.")
    'Bonjour \u00e0 tous.'
    >>> clean_text(None) is None
    True
    >>> out = clean_batch({"text": ["Un texte.", 3], "id": ["a", "b"]})
    >>> out["text"], out["cleannews_error"][1]
    (['Un texte.', ''], 'expected str or bytes, got int')

``clean_text`` gives the cleaned text alone, with no verdict: a spun
article comes back cleaned but not flagged. To keep the verdict, use

* pandas: ``clean_frame(df, column="text")`` -- the frame with
  ``cleannews_text``, ``cleannews_verdict``, ``cleannews_reason``,
  ``cleannews_spin_score``, ``cleannews_spin_label``, ``cleannews_language``,
  ``cleannews_evidence`` (list of dicts), ``cleannews_metadata`` (dict) and
  ``cleannews_error`` columns added (:func:`clean_record` per row);
* datasets: ``ds.map(clean_batch, batched=True, num_proc=4)``; the returned
  columns replace ``text`` and add the same ``cleannews_*`` columns plus
  ``cleannews_changes`` (see docs/cli.md).

    >>> rec = clean_record("Un texte.")
    >>> rec["cleannews_text"], rec["cleannews_verdict"], rec["cleannews_evidence"]
    ('Un texte.', 'keep', [])

A row gets a message in ``cleannews_error`` for the reasons ``cleannews run`` sends a
document to its errors sink (:func:`cleannews.batch.process.text_problem`,
:func:`~cleannews.batch.process.nothing_left`): missing, not text, NUL characters, binary
data (verdict ``error``), nothing visible (verdict ``empty``) or nothing left after cleaning
(verdict ``empty_after_cleaning``; the verdicts of :func:`cleannews.clean`) -- so
``verdict == "keep"`` never passes an empty or binary row on::

    >>> clean_record("")["cleannews_verdict"], clean_record("a\\x00b")["cleannews_error"]
    ('empty', 'text contains NUL characters (binary data or a broken export)')

Each function takes ``doc_timeout=SECONDS`` (default ``None``: no limit), the limit of
``cleannews run --doc-timeout``: a row that takes longer to clean is stopped and becomes an
error row (verdict ``error``, the message in ``cleannews_error``; ``clean_text`` gives
``""``), and the map goes on. It is the alarm of :mod:`cleannews.batch.timeout`: POSIX, in
the main thread of the process (``Series.map``, ``ds.map(num_proc=N)``'s workers); in
another thread there is no limit, and a warning says so once per process.

    >>> clean_record("Un texte.", doc_timeout=30)["cleannews_verdict"]
    'keep'
"""

from __future__ import annotations

import functools
import logging
import sys
from typing import Any

from cleannews.batch.timeout import (
    DocTimeout,
    checked_timeout,
    time_limit,
    timeout_message,
)
from cleannews.config import CleanConfig, checked_flag, config_or_default
from cleannews.errors import InputError, MissingExtraError

log = logging.getLogger("cleannews")

__all__ = ["TOP_EVIDENCE", "batch_features", "clean_batch", "clean_frame", "clean_record",
           "clean_text", "get_config"]

#: Prefix of the columns :func:`clean_batch`, :func:`clean_record` and :func:`clean_frame` add.
COLUMN_PREFIX = "cleannews_"
#: Pieces of spin evidence kept per document in the ``cleannews_evidence`` column.
TOP_EVIDENCE = 5
#: How the time limit is named in a row's ``cleannews_error`` (:func:`timeout_message`).
TIMEOUT_FLAG = "doc_timeout="


@functools.lru_cache(maxsize=1)
def get_config() -> CleanConfig:
    """The configuration used by these functions (built once per process)."""
    import cleannews.pipeline  # noqa: F401  (load the stages once)

    return CleanConfig()


def _config(config: Any) -> CleanConfig:
    """``config``, or the configuration of these functions for ``None`` (a dict is refused)."""
    return get_config() if config is None else config_or_default(config)


def _top_evidence(n: Any) -> int:
    """``top_evidence`` checked: an integer of at least 0 (the caller's error, raised: a
    ``"3"`` made every row an error row, "slice indices must be integers", and ``-1`` dropped
    the last piece of evidence; audit20).

    >>> _top_evidence(3)
    3
    >>> _top_evidence("3")
    Traceback (most recent call last):
    ...
    cleannews.errors.ConfigError: top_evidence must be an integer of at least 0, got '3'
    """
    from cleannews.config import checked_count

    return checked_count("top_evidence", n, 0)


def _doc_timeout(seconds: Any, config: CleanConfig, html: bool) -> float | None:
    """``doc_timeout`` checked (:func:`~cleannews.batch.timeout.checked_timeout`: the caller's
    error, raised) and made ready: the models loaded once per process before the first row
    under a limit (as ``cleannews run`` does: loading is no row's time), and a warning, once,
    where the limit cannot be applied (not the main thread, no ``setitimer``).

    >>> _doc_timeout(None, get_config(), False), _doc_timeout(2, get_config(), False)
    (None, 2.0)
    >>> _doc_timeout("2", get_config(), False)
    Traceback (most recent call last):
    ...
    cleannews.errors.ConfigError: doc_timeout must be a finite number of seconds above 0, got '2'
    """
    from cleannews.batch.process import ready_for_limit

    seconds = checked_timeout("doc_timeout", seconds)
    if seconds is not None:
        ready_for_limit(config, "html" if html else "text", "doc_timeout")
    return seconds


def _is_missing(value: Any) -> bool:
    """``None``, ``pd.NA`` or a value not equal to itself: a NaN (float, numpy's float32,
    ``Decimal("NaN")``) or a NaT (``pd.NaT``, numpy's ``datetime64("NaT")``), pandas' missing
    values (``pd.isna`` says so of each). ``pd.NA`` is the one of the ``"string"`` dtype: it
    was an error row, "expected str or bytes, got NAType"; a NaT, the missing value of a
    date column or of an object column built from one, was "got NaTType", and ``clean_text``
    gave ``""`` for it where a NaN stayed missing (audit32).

    >>> _is_missing(None), _is_missing(float("nan")), _is_missing(""), _is_missing(0)
    (True, True, False, False)
    >>> import decimal
    >>> _is_missing(decimal.Decimal("NaN")), _is_missing(decimal.Decimal("1"))
    (True, False)
    """
    if value is None:
        return True
    if not isinstance(value, (str, bytes, bytearray, memoryview, list, dict, tuple)):
        try:  # NaN and NaT are the values that are not equal to themselves
            if bool(value != value):
                return True
        except Exception:  # pd.NA (its truth is ambiguous), an array, a signalling NaN
            pass
    pandas = sys.modules.get("pandas")  # only pandas makes pd.NA: not imported for it
    return pandas is not None and value is getattr(pandas, "NA", None)


def clean_text(text: Any, config: CleanConfig | None = None,
               doc_timeout: float | None = None) -> Any:
    """The cleaned text of ``text``; missing values stay missing, non-text gives ``""``.

    Never raises for bad input, so one row cannot stop a ``Series.map``. A text
    ``cleannews run`` sends to its errors sink gives ``""``, as ``cleannews_text`` of
    :func:`clean_record` is (NUL characters, binary data: the NUL characters were removed
    without a word, while :func:`clean_record` refused the row)::

        >>> nul = "Bonjour\\x00 \\u00e0 tous."
        >>> clean_text(nul), clean_record(nul)["cleannews_text"], clean_text("Bonjour.")
        ('', '', 'Bonjour.')

    ``doc_timeout=SECONDS``: a text that takes longer is stopped and gives ``""`` too, and so
    does a text the cleaner fails on (an error row of :func:`clean_record`; a warning is
    logged, as ``clean_text`` has no column to say why). A NaN, ``pd.NA`` or a NaT is a
    missing value and stays as it is, as ``None`` does; a number, a date or another object
    is no text and gives ``""`` (:func:`cleannews.clean` refuses it, "expected str or bytes").
    """
    cfg = _config(config)
    seconds = _doc_timeout(doc_timeout, cfg, False)
    if _is_missing(text):
        return text
    try:
        return _clean_row(text, cfg, doc_timeout=seconds).text
    except (InputError, _RowError):
        return ""
    except Exception as exc:  # a failure of the cleaner on one row must not stop the map:
        # ``""`` as :func:`clean_record` gives (an error row there; it raised here, and the
        # whole ``Series.map`` was lost; audit32), with a warning, as the row has no column
        # to say why
        log.warning("clean_text: could not clean a text (%s); it gives \"\"",
                    _error_fields(exc)["error"])
        return ""


#: Error types of ``cleannews run`` that are also a :class:`~cleannews.Document` verdict
#: (:func:`cleannews.route.route`): such a row gets that verdict, not ``error``.
VERDICT_ERRORS = ("empty", "empty_after_cleaning")


class _RowError(Exception):
    """A row that ``cleannews run`` would send to its errors sink (the message says why;
    ``kind`` is the error type ``run`` files it under)."""

    def __init__(self, message: str, kind: str = "error") -> None:
        super().__init__(message)
        self.kind = kind


class _NoField:
    """A row whose dotted ``text_field`` / ``column`` path stops (``doc`` without ``text``,
    ``doc`` a string): an error row saying where, the ``missing_field`` of ``cleannews run``."""

    def __init__(self, message: str) -> None:
        self.message = message


def _field_values(table: Any, field: str, flag: str = "text_field=") -> Any:
    """The values of ``field`` in each row of ``table`` (a batch -- a dict of lists -- or a
    DataFrame): the column ``field`` itself when there is one, else for a dotted name the
    path into the objects of its first column (``doc.text`` reads ``text`` in each ``doc``,
    what ``cleannews run --text-field doc.text`` reads, :func:`~cleannews.batch.ids.field_value`).
    A row where the path stops is a :class:`_NoField` (its message names ``flag``, the
    argument that chooses the text); a missing ``doc`` is a missing text.

    >>> _field_values({"doc": [{"text": "a"}, {"title": "T"}, None]}, "doc.text")[::2]
    ['a', None]
    >>> _field_values({"doc": [{"title": "T"}]}, "doc.text")[0].message
    "record has no 'doc.text' field ('doc' holds: title; choose with text_field='FIELD')"
    """
    from cleannews.batch.ids import field_value
    from cleannews.batch.process import missing_field_message

    if not isinstance(field, str):  # a column named by a number (`pd.DataFrame([[t]])`: 0)
        return table[field]
    head = field.split(".", 1)[0]
    if field in table or "." not in field or head not in table:
        return table[field]  # a KeyError here is the caller's ("no column …")
    values = []
    for outer in table[head]:
        if _is_missing(outer):
            values.append(None)
            continue
        row = {head: outer}
        value = field_value(row, field, _NoField)
        values.append(_NoField(missing_field_message(row, field, flag))
                      if value is _NoField else value)
    return values


def _has_field(table: Any, field: str) -> bool:
    """Whether :func:`_field_values` finds ``field`` (a column, or a dotted path's first one)."""
    # a column name that is not a str (the 0 of `pd.DataFrame([[t]])`) is a column only: it
    # was a TypeError, "argument of type 'int' is not iterable" (audit20)
    try:
        if field in table:
            return True
    except TypeError:  # an unhashable name (a list) names no column
        return False
    return isinstance(field, str) and "." in field and field.split(".", 1)[0] in table


def _clean_row(value: Any, config: CleanConfig, html: bool = False,
               doc_timeout: float | None = None) -> Any:
    """The :class:`~cleannews.Document` of one row, with the checks of ``cleannews run``.

    Raises :class:`~cleannews.InputError` (missing value, wrong type, binary data) or
    :class:`_RowError` (NUL, binary, nothing visible, nothing left after cleaning, cleaning
    stopped after ``doc_timeout`` seconds: kind ``timeout``, as ``run`` files it).

    >>> _clean_row("Bonjour.", get_config()).text
    'Bonjour.'
    >>> try:
    ...     _clean_row(" \\u200b", get_config())
    ... except _RowError as exc:
    ...     print(exc)
    empty document: no text to clean (only whitespace or invisible characters)
    """
    from cleannews.batch.process import nothing_left, text_problem
    from cleannews.pipeline import clean, clean_html

    if _is_missing(value):
        raise InputError("missing text")
    if isinstance(value, _NoField):
        raise _RowError(value.message, "missing_field")
    if isinstance(value, (str, bytes)):
        problem = text_problem(value, html)
        if problem is not None:
            raise _RowError(problem[1], problem[0])
    try:
        with time_limit(doc_timeout):
            doc = (clean_html if html else clean)(value, config)
    except DocTimeout:
        assert doc_timeout is not None
        raise _RowError(timeout_message(doc_timeout, TIMEOUT_FLAG), "timeout") from None
    problem = nothing_left(doc)
    if problem is not None:
        raise _RowError(problem[1], problem[0])
    return doc


def top_evidence_of(doc: Any, n: int) -> list[Any]:
    """The ``n`` pieces of spin evidence with the largest weight, in text order among equals.

    >>> from cleannews.document import Document, Evidence, SpinScore
    >>> ev = tuple(Evidence("s", (i, i + 1), t, "r", w) for i, (t, w) in
    ...            enumerate([("a", 0.0), ("b", 0.3), ("c", 0.1), ("d", 0.3)]))
    >>> [e.text for e in top_evidence_of(Document("x", spin=SpinScore(0.5, "clean", ev)), 3)]
    ['b', 'd', 'c']
    """
    return sorted(doc.spin.evidence, key=lambda e: -e.weight)[:n]


def _fields(doc: Any, top_evidence: int) -> dict[str, Any]:
    """The per-document columns (without prefix) of a cleaned :class:`~cleannews.Document`."""
    return {
        "text": doc.text,
        "verdict": doc.verdict,
        "reason": doc.reason,
        "spin_score": doc.spin.score,
        "spin_label": doc.spin.label,
        "language": doc.language,
        "evidence": [e.to_dict() for e in top_evidence_of(doc, top_evidence)],
        "metadata": {k: str(v) for k, v in doc.metadata.items()},
        "error": "",
    }


def _error_fields(exc: BaseException) -> dict[str, Any]:
    """The columns of a row that could not be cleaned. An empty row, or one cleaning
    removed whole, gets the verdict :func:`cleannews.clean` gives it (``empty``,
    ``empty_after_cleaning``: it said ``error``) and the message as its reason too; the
    message is in ``error`` for every row ``cleannews run`` files as an error.

    >>> [_error_fields(e)["verdict"] for e in (_RowError("x", "empty"), _RowError("x", "nul"))]
    ['empty', 'error']

    A failure of the cleaner (not a refusal of the row) is named with its type::

        >>> _error_fields(IndexError("list index out of range"))["error"]
        'IndexError: list index out of range'
    """
    message = str(exc) or type(exc).__name__
    if not isinstance(exc, (InputError, _RowError)) and str(exc):
        # a failure of the cleaner, not a refusal of the row: its type says what broke, as
        # the datatrove cleaner writes it (an error row said only "list index out of range")
        message = f"{type(exc).__name__}: {message}"
    kind = getattr(exc, "kind", "error")
    verdict = kind if kind in VERDICT_ERRORS else "error"
    return {"text": "", "verdict": verdict, "reason": message if verdict != "error" else "",
            "spin_score": 0.0, "spin_label": "not_scored", "language": None, "evidence": [],
            "metadata": {}, "error": message}


def clean_record(
    text: Any, config: CleanConfig | None = None, top_evidence: int = TOP_EVIDENCE,
    html: bool = False, doc_timeout: float | None = None,
) -> dict[str, Any]:
    """Clean one text into a flat dict of ``cleannews_*`` fields; never raises for bad input.

    Fields: ``text`` (cleaned), ``verdict`` (``keep``, ``quarantine``,
    ``other_language``, ``empty``, ``empty_after_cleaning`` or ``error``), ``reason``,
    ``spin_score``, ``spin_label``, ``language``, ``evidence`` (the ``top_evidence`` pieces
    of largest weight, as dicts), ``metadata`` (dict of strings, e.g. the lifted
    ``date``) and ``error`` (``""`` when the text was cleaned; else the reason,
    as in the errors sink of ``cleannews run``). With pandas:
    ``df["text"].map(clean_record).apply(pd.Series)``, or :func:`clean_frame`.
    ``html=True`` reads the text as an HTML page (:func:`cleannews.clean_html`: the
    article's container, markup and page furniture gone). ``doc_timeout=SECONDS``: a text
    that takes longer to clean is stopped, an error row (``cleannews run --doc-timeout``).
    """
    cfg = _config(config)  # a bad config is the caller's error, not every row's
    top_evidence = _top_evidence(top_evidence)  # so is a bad count
    html = checked_flag("html", html)  # and a flag that is no bool (html="no" was true)
    seconds = _doc_timeout(doc_timeout, cfg, html)  # and a bad limit
    try:
        fields = _fields(_clean_row(text, cfg, html, seconds), top_evidence)
    except Exception as exc:  # one bad row must not stop a map
        fields = _error_fields(exc)
    return {COLUMN_PREFIX + k: v for k, v in fields.items()}


def clean_frame(
    df: Any, column: str = "text", config: CleanConfig | None = None,
    top_evidence: int = TOP_EVIDENCE, html: bool = False, doc_timeout: float | None = None,
) -> Any:
    """A copy of the pandas DataFrame ``df`` with the :func:`clean_record` columns added.

    The original ``column`` is kept; the cleaned text is ``cleannews_text``. Columns of
    an earlier ``clean_frame`` are replaced (cleaning ``cleannews_text`` again works too).
    Rows that cannot be cleaned get ``cleannews_verdict == "error"`` (``empty`` or
    ``empty_after_cleaning`` for one with no text, or none left after cleaning) and the
    message in ``cleannews_error``. Filter with
    ``out[out.cleannews_verdict == "keep"]``. ``html=True``: the column holds HTML pages.
    A dotted ``column`` (``doc.text``) reads a column of objects (``pd.read_json`` of nested
    JSONL: ``doc`` holds dicts), as ``cleannews run --text-field doc.text`` does; a column
    named with the dot itself (``pd.json_normalize``'s ``doc.text``) wins.
    ``doc_timeout=SECONDS``: a row that takes longer to clean is stopped, an error row.
    """
    # the type first: a list without pandas installed said "No module named 'pandas'"
    if not hasattr(df, "columns"):  # a Series, a list: "list indices must be integers"
        raise TypeError(f"clean_frame takes a pandas DataFrame, got {type(df).__name__} (a "
                        "Series: series.map(clean_record).apply(pd.Series); a list of texts: "
                        "[clean_record(t) for t in texts])")
    try:
        import pandas as pd
    except ImportError as exc:
        raise MissingExtraError("clean_frame", "pandas", "pandas") from exc

    config = _config(config)
    top_evidence = _top_evidence(top_evidence)
    html = checked_flag("html", html)
    doc_timeout = checked_timeout("doc_timeout", doc_timeout)
    if not _has_field(df.columns, column):
        names = ", ".join(map(str, list(df.columns)[:10])) or "none"
        raise KeyError(f"no column {column!r} in the frame (its columns: {names}); choose the "
                       "text's with column= (a dotted name reads a column of objects: "
                       "column='doc.text')")
    values = _field_values(df, column, "column=")
    records = [clean_record(v, config, top_evidence, html, doc_timeout) for v in values]
    names = [COLUMN_PREFIX + k for k in _error_fields(ValueError())]
    added = pd.DataFrame.from_records(records, index=df.index, columns=names)
    # a float column on an empty frame too (it was `object`: the records gave no type)
    added = added.astype({COLUMN_PREFIX + "spin_score": "float64"})
    # a frame cleaned before (again with other options, or read back from a saved output)
    # has these columns: they are replaced, not doubled (`out.cleannews_verdict` would be
    # a frame of two columns, and `out[out.cleannews_verdict == "keep"]` an error)
    return pd.concat([df.drop(columns=[n for n in names if n in df.columns]), added], axis=1)


def _batch_column(batch: Any, text_field: str) -> Any:
    """The ``text_field`` column of a batch (a dict of lists), or a clear error.

    ``ds.map(clean_batch)`` without ``batched=True`` gives ONE row, whose text is a string:
    it was iterated character by character, one "document" per letter, silently.

    >>> _batch_column({"text": "Un texte."}, "text")
    Traceback (most recent call last):
    ...
    cleannews.errors.InputError: clean_batch takes a batch of rows (a dict of lists, as \
ds.map(clean_batch, batched=True) gives); 'text' holds one str: pass batched=True, or use \
clean_record(text) for one row
    """
    if not hasattr(batch, "keys"):  # a list of rows: "no column 'text' in the batch (its
        # columns: {'text': 'Un texte.'}, …)", each row shown as a column name (audit21)
        raise TypeError(
            f"clean_batch takes a batch of columns (a dict of lists, as ds.map(clean_batch, "
            f"batched=True) gives), got {type(batch).__name__}; for a list of rows: "
            "[clean_record(row['text']) for row in rows]")
    if not _has_field(batch, text_field):
        names = ", ".join(map(str, list(batch)[:10])) or "none"
        raise KeyError(f"no column {text_field!r} in the batch (its columns: {names}); choose "
                       "the text's with text_field= (a dotted name reads a column of objects: "
                       "text_field='doc.text')")
    values = _field_values(batch, text_field)
    if values is None or isinstance(values, (str, bytes, bytearray, memoryview)):
        raise InputError(
            "clean_batch takes a batch of rows (a dict of lists, as ds.map(clean_batch, "
            f"batched=True) gives); {text_field!r} holds one {type(values).__name__}: pass "
            "batched=True, or use clean_record(text) for one row")
    return values


def clean_batch(
    batch: dict[str, list[Any]],
    text_field: str = "text",
    keep_original: bool = False,
    config: CleanConfig | None = None,
    top_evidence: int = TOP_EVIDENCE,
    html: bool = False,
    doc_timeout: float | None = None,
) -> dict[str, list[Any]]:
    """Clean a batch of columns (``datasets.map(batched=True)``); returns the new columns.

    ``text_field`` is replaced by the cleaned text (or kept, with the cleaned
    text in ``cleannews_text``, when ``keep_original``). A dotted ``text_field``
    (``doc.text``) reads a column of objects, as ``cleannews run --text-field doc.text``
    does: the ``doc`` column comes back with the cleaned text in each object (a row
    whose ``doc`` has no ``text`` is an error row saying where the path stops). Added columns:
    ``cleannews_verdict``, ``cleannews_reason``, ``cleannews_spin_score``,
    ``cleannews_spin_label``, ``cleannews_language``, ``cleannews_evidence``
    (the ``top_evidence`` of largest weight, as dicts: signal, span, text, reason,
    weight), ``cleannews_metadata``
    (dict of strings, e.g. ``{"date": "2025-02"}``), ``cleannews_changes``
    (list of dicts: stage, rule, span, before, after, reason) and
    ``cleannews_error`` (``""`` when the row was cleaned; else the reason, and the
    verdict is ``error``, ``empty`` or ``empty_after_cleaning``: the checks of
    ``cleannews run``, see :func:`clean_record`).
    Structured columns stay structured (Arrow lists and structs), not JSON strings.
    ``html=True``: the texts are HTML pages (:func:`cleannews.clean_html`).
    ``doc_timeout=SECONDS``: a row that takes longer to clean is stopped, an error row
    (verdict ``error``; ``cleannews run --doc-timeout`` files it as a ``timeout``).
    """
    cfg = _config(config)
    top_evidence = _top_evidence(top_evidence)
    html = checked_flag("html", html)
    keep_original = checked_flag("keep_original", keep_original)
    seconds = _doc_timeout(doc_timeout, cfg, html)
    values = _batch_column(batch, text_field)
    cols: dict[str, list[Any]] = {k: [] for k in _error_fields(ValueError())}
    cols["changes"] = []
    for value in values:
        try:
            doc = _clean_row(value, cfg, html, seconds)
        except Exception as exc:  # one bad row must not stop the map
            row, changes = _error_fields(exc), []
        else:
            row, changes = _fields(doc, top_evidence), [c.to_dict() for c in doc.changes]
        for key, v in row.items():
            cols[key].append(v)
        cols["changes"].append(changes)
    out = {COLUMN_PREFIX + k: v for k, v in cols.items() if k != "text"}
    if keep_original or text_field in batch or not isinstance(text_field, str) \
            or "." not in text_field:
        out[COLUMN_PREFIX + "text" if keep_original else text_field] = cols["text"]
        return out
    # `doc.text`: the `doc` column comes back with the cleaned text in each object
    from cleannews.batch.ids import with_field

    head = text_field.split(".", 1)[0]
    out[head] = [outer if not isinstance(outer, dict) else
                 with_field({head: outer}, text_field, text)[head]
                 for outer, text in zip(batch[head], cols["text"], strict=True)]
    return out


def batch_features(features: Any = None, text_field: str = "text",
                   keep_original: bool = False) -> Any:
    """The ``datasets.Features`` of ``ds.map(clean_batch, batched=True)``'s output: the
    input's ``features`` (``ds.features``) with the ``cleannews_*`` columns typed. Pass it as
    ``features=``::

        ds.map(clean_batch, batched=True, features=batch_features(ds.features))

    Without it 🤗 datasets types each column from the first batch it writes: a first batch
    (of each ``num_proc`` worker) where no text had a language, or no spin evidence, or no
    change, typed ``cleannews_language`` as null, ``cleannews_evidence`` /
    ``cleannews_changes`` as lists of null, and the map failed on the first later batch
    that had one ("Couldn't cast array of type struct<signal: string, …> to null"; a dataset
    of headlines failed at once; audit32). Give ``text_field`` and ``keep_original`` as to
    :func:`clean_batch`. ``cleannews_metadata`` (its keys vary from row to row) is a
    ``datasets.Json`` column, which needs a datasets version that has it (datasets 5 has;
    else an ``ImportError`` saying so).

    >>> sorted(batch_features())[:3]  # doctest: +SKIP
    ['cleannews_changes', 'cleannews_error', 'cleannews_evidence']
    """
    try:
        import datasets
    except ImportError as exc:  # no cleannews extra installs it: the user's own package
        raise ImportError("batch_features needs the package 'datasets' (pip install "
                          "datasets)") from exc
    if getattr(datasets, "Json", None) is None:
        raise ImportError("batch_features needs a version of 'datasets' with datasets.Json "
                          f"(for cleannews_metadata; this one is {datasets.__version__}): "
                          "pip install -U datasets")
    text, number, integer = datasets.Value("string"), datasets.Value("float64"), \
        datasets.Value("int64")
    evidence = {"signal": text, "span": [integer], "text": text, "reason": text,
                "weight": number}
    change = {"stage": text, "rule": text, "span": [integer], "before": text, "after": text,
              "reason": text}
    added = {COLUMN_PREFIX + k: text for k in ("verdict", "reason", "spin_label", "language",
                                               "error")}
    added.update({COLUMN_PREFIX + "spin_score": number, COLUMN_PREFIX + "evidence": [evidence],
                  COLUMN_PREFIX + "changes": [change],
                  COLUMN_PREFIX + "metadata": datasets.Json()})
    out = dict(features or {})
    if keep_original:
        added[COLUMN_PREFIX + "text"] = text
    elif "." not in text_field or text_field in out:
        added[text_field] = text
    # a dotted text_field: its object column comes back as it came (the text written in it)
    out.update(added)
    return datasets.Features(out)

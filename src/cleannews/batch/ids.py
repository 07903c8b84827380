"""Document ids, and turning them into file names that stay inside the output folder.

Ids come from the data (a JSONL field) or from the input path; either way
they are untrusted. :func:`safe_relpath` turns one into a relative path that
cannot escape the folder it is joined to::

    >>> safe_relpath("../../etc/passwd")
    'etc/passwd'
    >>> safe_relpath("/abs/x.txt")
    'abs/x.txt'
    >>> safe_relpath("a\\x00b/./c.txt")
    'a_b/c.txt'
"""

from __future__ import annotations

import hashlib
import math
from typing import Any

import regex

__all__ = ["ID_SHOWN_CHARS", "MAX_NAME_BYTES", "clipped", "field_value", "id_text", "pop_field",
           "record_id", "safe_relpath", "shown_id", "with_field"]

#: Longest file-name component written (bytes, UTF-8); most file systems allow 255.
MAX_NAME_BYTES = 150
#: Most path components kept from an id.
MAX_DEPTH = 32
#: Characters replaced by ``_`` in a path component: controls, NUL, Windows-reserved.
_UNSAFE = regex.compile(r'[\x00-\x1f\x7f<>:"\\|?*]')
#: Name given to an id that sanitises to nothing.
EMPTY_NAME = "_"
#: Most characters of an id shown in a message or stored in the run's report (the output
#: records keep the whole id): a ``--id-field`` pointed at the text field made ids of
#: megabytes, printed whole in each warning and stored whole in the report.
ID_SHOWN_CHARS = 120


def clipped(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, its last one an ellipsis when it was cut.

    >>> clipped("Bonjour", 10), clipped("Bonjour le monde", 10)
    ('Bonjour', 'Bonjour l…')
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown_id(ident: str) -> str:
    """``ident`` as messages and the report show it: whole up to :data:`ID_SHOWN_CHARS`
    characters, else cut, with the whole id's length.

    >>> shown_id("a5")
    'a5'
    >>> shown_id("x" * 1_000_000)[-26:]
    'xx… (1,000,000 characters)'
    """
    if len(ident) <= ID_SHOWN_CHARS:
        return ident
    return f"{clipped(ident, ID_SHOWN_CHARS)} ({len(ident):,} characters)"


def _short(component: str) -> str:
    """Cut a long component to :data:`MAX_NAME_BYTES`, keeping it unique with a hash.

    >>> len(_short("x" * 1000).encode()) <= MAX_NAME_BYTES
    True
    """
    raw = component.encode("utf-8", "surrogatepass")
    if len(raw) <= MAX_NAME_BYTES:
        return component
    digest = hashlib.sha1(raw).hexdigest()[:12]
    head = raw[: MAX_NAME_BYTES - len(digest) - 1].decode("utf-8", "ignore")
    return f"{head}~{digest}"


def safe_relpath(identifier: str, *, backslash_separates: bool = True) -> str:
    """A relative POSIX path for ``identifier`` with no ``..``, no root, no NUL, short names.

    A backslash separates folders (a Windows path) unless ``backslash_separates`` is false:
    then it is a character of the name, replaced by ``_`` -- for an input path already
    written with ``/`` (a file named ``caf\\xe9.txt`` on Linux, its byte 0xE9 not UTF-8,
    is one name, not ``caf/xe9.txt``).

    >>> safe_relpath("seeds/000.txt")
    'seeds/000.txt'
    >>> safe_relpath("..")
    '_'
    >>> name = "d/caf\\\\xe9.txt"
    >>> safe_relpath(name), safe_relpath(name, backslash_separates=False)
    ('d/caf/xe9.txt', 'd/caf_xe9.txt')
    """
    if backslash_separates:
        identifier = identifier.replace("\\", "/")
    parts = []
    for part in identifier.split("/"):
        part = _UNSAFE.sub("_", part).strip()
        if part in ("", ".", ".."):
            continue
        if part.startswith("."):  # no hidden files, no '...' tricks
            part = "_" + part[1:]
        parts.append(_short(part))
    parts = parts[-MAX_DEPTH:]
    return "/".join(parts) if parts else EMPTY_NAME


def field_value(record: dict[str, Any], field: str, default: Any = None) -> Any:
    """The value of ``field`` in a JSON record (``--text-field``, ``--id-field``,
    ``--source-field``): the key ``field`` itself when the record has it, else, for a dotted
    name, the path into nested objects (``doc.text`` of ``{"doc": {"text": …}}``, as ``jq``
    and ``pandas.json_normalize`` name it); ``default`` when there is none.

    >>> rec = {"doc": {"text": "Bonjour", "meta": {"id": 7}}, "a.b": 1}
    >>> field_value(rec, "doc.text"), field_value(rec, "doc.meta.id"), field_value(rec, "a.b")
    ('Bonjour', 7, 1)
    >>> field_value(rec, "doc.body") is None, field_value(rec, "doc.text.x", "-")
    (True, '-')
    """
    if field in record:  # a key with a dot in its name wins over the path
        return record[field]
    if "." not in field:
        return default
    value: Any = record
    for part in field.split("."):
        if not isinstance(value, dict) or part not in value:
            return default
        value = value[part]
    return value


def with_field(record: dict[str, Any], field: str, value: Any) -> dict[str, Any]:
    """A copy of ``record`` whose ``field`` (read as :func:`field_value` reads it: the key
    itself, else the dotted path) holds ``value``; the objects along the path are copied,
    ``record`` is not changed. A path that stops (a missing object, a string) leaves the copy
    as it was.

    >>> rec = {"doc": {"text": "avant", "title": "T"}, "id": 1}
    >>> with_field(rec, "doc.text", "après"), rec["doc"]["text"]
    ({'doc': {'text': 'après', 'title': 'T'}, 'id': 1}, 'avant')
    >>> with_field({"a.b": 1, "a": {"b": 2}}, "a.b", 0), with_field({"doc": "x"}, "doc.text", 0)
    ({'a.b': 0, 'a': {'b': 2}}, {'doc': 'x'})
    """
    out = dict(record)
    if field in record or "." not in field:
        out[field] = value
        return out
    owner, parts = out, field.split(".")
    for part in parts[:-1]:
        inner = owner.get(part)
        if not isinstance(inner, dict):
            return dict(record)
        owner[part] = owner = dict(inner)
    if parts[-1] in owner:
        owner[parts[-1]] = value
        return out
    return dict(record)


def pop_field(record: dict[str, Any], field: str, default: Any = None) -> Any:
    """Remove ``field`` from ``record`` (in place) and return its value, reading it as
    :func:`field_value` does (the key itself, else the dotted path); ``default`` when there is
    none, the record then unchanged.

    >>> rec = {"doc": {"text": "Bonjour", "title": "T"}, "id": 1}
    >>> pop_field(rec, "doc.text"), rec
    ('Bonjour', {'doc': {'title': 'T'}, 'id': 1})
    >>> pop_field(rec, "doc.text", "-"), pop_field({"doc": "x"}, "doc.text", "-")
    ('-', '-')
    """
    if field in record:
        return record.pop(field)
    if "." not in field:
        return default
    *path, leaf = field.split(".")
    owner: Any = record
    for part in path:
        owner = owner.get(part)
        if not isinstance(owner, dict):
            return default
    return owner.pop(leaf, default)


def record_id(record: dict[str, Any], id_field: str, fallback: str) -> str:
    """The id of a JSONL record: its ``id_field`` as a string, else ``fallback``.

    >>> record_id({"id": 7}, "id", "f.jsonl:1")
    '7'
    >>> record_id({"text": "x"}, "id", "f.jsonl:3"), record_id({"id": ""}, "id", "f.jsonl:4")
    ('f.jsonl:3', 'f.jsonl:4')
    >>> record_id({"meta": {"id": "a1"}}, "meta.id", "f.jsonl:5")
    'a1'
    >>> record_id({"id": float("nan")}, "id", "f:6"), record_id({"id": 1e400}, "id", "f:7")
    ('f:6', 'f:7')
    """
    return id_text(field_value(record, id_field), fallback)


def id_text(value: Any, fallback: str) -> str:
    """An id value read from a record, as the string that names the document: a string as it
    is, a number written out, anything else (``null``, ``""``, ``true``, a list, an object,
    ``NaN``) no id: ``fallback``. :func:`record_id` of ``cleannews run`` and the datatrove
    reader (``CleannewsJsonlReader``) both name documents by this rule.

    >>> id_text("a1", "f:1"), id_text(7, "f:2"), id_text(2.5, "f:3")
    ('a1', '7', '2.5')
    >>> id_text(None, "f:4"), id_text(["a"], "f:5"), id_text(True, "f:6"), id_text("", "f:7")
    ('f:4', 'f:5', 'f:6', 'f:7')

    A string with no character a reader sees (spaces, a tab, a line break, a no-break or
    zero-width space) is no id either, as ``""`` is: such records were named by an id that
    shows nothing ("(id  ): nul: …" in the log, the repeated id ``' '`` of unrelated
    records); an id with visible characters is kept as it is, spaces and all (round 28):

    >>> id_text(" ", "f:8"), id_text("\\u00a0\\u200b\\n", "f:9"), id_text(" a1 ", "f:10")
    ('f:8', 'f:9', ' a1 ')

    The library's ``id=`` (``cleannews.clean(text, id=…)``) is
    :func:`cleannews.pipeline.document_id`: the same string for a number, the same NaN rule
    (no id); it raises on a wrong type where this falls back: its docstring says why.
    """
    if isinstance(value, bool) or value is None or value == "":
        return fallback  # `"id": ""` is no id: it named nothing in the sinks and the report
    if isinstance(value, float) and not math.isfinite(value):
        # `NaN`, `Infinity` (not JSON, Python's parser reads them) or `1e400`: every such
        # record was "nan" or "inf", one id for different records (audit27)
        return fallback
    if isinstance(value, str):
        from cleannews.route import has_visible_text

        return value if has_visible_text(value) else fallback
    if isinstance(value, (int, float)):
        return str(value)
    return fallback

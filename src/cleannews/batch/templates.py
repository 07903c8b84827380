"""Opt-in site-template pass of ``cleannews run --site-templates``.

First pass (main process): every document's text is added to a
:class:`cleannews.strip.templates.SiteTemplates` under its *source*.
Second pass (the normal run, in the workers): after cleaning, the lines
that recur across the source's documents are removed, each removal a
``Change`` with stage ``"template"`` whose span points into the cleaned
text (the template pass runs after the other stages).

The source of a JSONL record is its ``--source-field`` (a URL counts by its
host name), else the input file; the source of a ``.txt``/``.html`` file is
its folder.

    >>> source_of("https://www.example.fr/a/b?x=1", "f.jsonl")
    'www.example.fr'
    >>> source_of(None, "f.jsonl"), source_of("Le Monde", "f.jsonl")
    ('f.jsonl', 'Le Monde')
"""

from __future__ import annotations

import hashlib
import logging
import posixpath
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from cleannews.batch.sources import Item, item_record

__all__ = ["apply_templates", "item_source", "learn_templates", "source_of"]

log = logging.getLogger("cleannews")


def source_of(value: Any, fallback: str) -> str:
    """The source name for a field value: a URL's host, a string as is, else ``fallback``.

    >>> source_of("https://www.lemonde.fr/a", "f"), source_of("http://[bad/x", "f")
    ('www.lemonde.fr', 'http://[bad/x')
    """
    if not isinstance(value, str) or not value.strip():
        return fallback
    if "://" in value:
        try:
            host = urlsplit(value.strip()).hostname
        except ValueError:  # "http://[broken/x": one bad URL stopped the whole run
            host = None
        if host:
            return host
    return value.strip()


def item_source(item: Item, record: dict[str, Any] | None, source_field: str) -> str:
    """The source of one item (see the module docstring)."""
    if item.kind == "jsonl":
        from cleannews.batch.ids import field_value

        return source_of(field_value(record or {}, source_field), item.source)
    return posixpath.dirname(item.source) or "."


def _text_and_source(item: Item, text_field: str, source_field: str
                     ) -> tuple[str, str, dict[str, Any] | None] | None:
    """``(text, source, record)`` of an item for learning (``record``: ``None`` for a file),
    or ``None`` when it has no usable text."""
    got = item_record(item, text_field)
    if got is None:
        return None
    record, text = got
    return text, item_source(item, record, source_field), record


def source_field_note(item: Item, record: dict[str, Any] | None, source_field: str) -> str:
    """Why ``item`` is not sourced by the ``--source-field`` the user named, or ``""``: a text
    or HTML file has no fields (its source is its folder), a JSONL record may lack the field
    (its source is then its file). ``run seeds --site-templates --source-field url`` ran
    without a word (round 33); said once per run, as a missing ``--id-field`` is
    (:func:`~cleannews.batch.process.id_field_note`).

    >>> source_field_note(Item(0, "seeds/a.txt", "text", b"x"), None, "url")
    "a text file has no 'url' field: the source of a file is its folder (seeds); \
--source-field reads JSONL records"
    >>> source_field_note(Item(0, "c.jsonl", "jsonl", b""), {"link": "https://a.fr/x"}, "url")
    "record has no 'url' field (its fields: link; choose with --source-field FIELD): its \
source is its file (c.jsonl)"
    >>> source_field_note(Item(0, "c.jsonl", "jsonl", b""), {"url": None}, "url")
    ''
    """
    if item.kind != "jsonl":
        what = "an HTML" if item.kind == "html" else "a text"
        return (f"{what} file has no {source_field!r} field: the source of a file is its "
                f"folder ({item_source(item, None, source_field)}); --source-field reads "
                "JSONL records")
    from cleannews.batch.ids import field_value
    from cleannews.batch.process import missing_field_message

    missing = object()
    if field_value(record or {}, source_field, missing) is not missing:
        return ""
    return (f"{missing_field_message(record or {}, source_field, '--source-field')}: its "
            f"source is its file ({item.source})")


def learn_templates(items: Iterable[Item], text_field: str, source_field: str,
                    min_count: int | None, *, named: bool = False) -> dict[str, Any]:
    """First pass: learn the recurring lines of each source; returns the pruned state.

    Lines seen fewer than ``min_count`` times can never be removed, so they
    are dropped from the state (which is what the workers receive). ``named``: the user
    named ``source_field`` (``--source-field``): the first item it does not source is
    said in a warning (:func:`source_field_note`).
    """
    from cleannews.batch.sources import terminal_safe
    from cleannews.strip.templates import DEFAULT_MIN_COUNT, SiteTemplates

    st = SiteTemplates(min_count=min_count or DEFAULT_MIN_COUNT)
    seen: set[bytes] = set()
    told = not named
    for item in items:
        got = _text_and_source(item, text_field, source_field)
        if got is None:
            continue
        if not told and (note := source_field_note(item, got[2], source_field)):
            where = item.source if item.kind != "jsonl" else f"{item.source}:{item.line}"
            log.warning("%s", terminal_safe(
                f"{where}: {note} (said once: later documents it does not source are not "
                "named)"))
            told = True
        # a document seen before from the same source (the same article crawled twice) is
        # no evidence that its lines are furniture: counted again, five copies of an article
        # made every one of its lines a "template" line, and the article was removed whole
        digest = hashlib.blake2b(f"{got[1]}\x00{got[0]}".encode("utf-8", "surrogatepass"),
                                 digest_size=16).digest()
        if digest in seen:
            continue
        seen.add(digest)
        st.add(got[1], got[0])
    state = st.to_dict()
    state["lines"] = {src: {k: n for k, n in lines.items() if n >= st.min_count}
                      for src, lines in state["lines"].items()}
    log.info("site templates: learnt from %d sources", len(state["documents"]))
    return state


_CACHE: tuple[int, Any] | None = None


def _templates(state: dict[str, Any]) -> Any:
    """The :class:`SiteTemplates` for ``state``, built once per process."""
    global _CACHE
    if _CACHE is None or _CACHE[0] != id(state):
        from cleannews.strip.templates import SiteTemplates

        _CACHE = (id(state), SiteTemplates.from_dict(state))
    return _CACHE[1]


def apply_templates(doc: Any, state: dict[str, Any], source: str) -> None:
    """Second pass on one cleaned Document: remove the template lines of its source."""
    result = _templates(state).remove(source, doc.text)
    if result.changes:
        doc.text = result.text
        doc.changes.extend(result.changes)

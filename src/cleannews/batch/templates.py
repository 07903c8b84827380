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


def _text_and_source(item: Item, text_field: str, source_field: str) -> tuple[str, str] | None:
    """``(text, source)`` of an item for learning, or ``None`` when it has no usable text."""
    got = item_record(item, text_field)
    if got is None:
        return None
    record, text = got
    return text, item_source(item, record, source_field)


def learn_templates(items: Iterable[Item], text_field: str, source_field: str,
                    min_count: int | None) -> dict[str, Any]:
    """First pass: learn the recurring lines of each source; returns the pruned state.

    Lines seen fewer than ``min_count`` times can never be removed, so they
    are dropped from the state (which is what the workers receive).
    """
    from cleannews.strip.templates import DEFAULT_MIN_COUNT, SiteTemplates

    st = SiteTemplates(min_count=min_count or DEFAULT_MIN_COUNT)
    seen: set[bytes] = set()
    for item in items:
        got = _text_and_source(item, text_field, source_field)
        if got is None:
            continue
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

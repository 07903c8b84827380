"""Opt-in copy pass of ``cleannews run --find-copies`` (needs ``cleannews[copies]``).

First pass (main process): every readable document's text gets a copy
signature (:mod:`cleannews.copies`); the batch is linked and clustered.
The state maps each document's input position (``seq``) to its copy
information. Second pass (the normal run, in the workers): every record
gets ``cleannews.copies`` — ``{"cluster", "role", "peers", "source"}``,
role ``unique`` when it has no copy — and a spun copy's spin evidence
gains a ``copy_source`` item with the source id and the aligned
substitutions. With ``--drop-duplicates`` the later plain copies (role
``duplicate``) go to the ``duplicates`` sink instead of the output.

The first pass reads the raw text of each record (a ``.html`` file, and a
record's text the run reads as HTML: the text extracted from the page), so
copies inside different page furniture are found; it
keeps the texts of the batch in memory for the alignment (about the size
of the input; see docs/copies.md for larger batches).

    >>> from cleannews.batch.sources import Item, item_record
    >>> a = ("Le conseil municipal a voté lundi soir le budget de la ville pour l'année "
    ...      "prochaine, avec une hausse modérée des impôts locaux et de nouvelles dépenses.")
    >>> items = [Item(k, "in.jsonl", "jsonl", json.dumps({"id": i, "text": a}).encode(), k + 1)
    ...          for k, i in enumerate(["x", "y"])]
    >>> state = learn_copies(items, "text", "id", min_words=10)
    >>> state["by_seq"]["1"]["role"], state["by_seq"]["1"]["peers"]
    ('duplicate', ['x'])
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from cleannews.batch.limits import STDOUT_SINK_FOLDERS
from cleannews.batch.sources import Item, item_record

__all__ = ["COPIES_NAME", "UNIQUE", "copies_info", "copy_evidence", "duplicates_path",
           "learn_copies"]

log = logging.getLogger("cleannews")

#: State file of the first pass (beside the run state), reused by ``--resume``.
COPIES_NAME = ".cleannews-copies.json"
#: The ``copies`` object of a document without any copy.
UNIQUE: dict[str, Any] = {"cluster": None, "role": "unique", "peers": [], "source": None}
#: File name of the duplicates sink.
DUPLICATES_FILE = "duplicates.jsonl"


def _page_text_of(html: bytes | str, config: Any = None) -> str:
    """The text the run extracts from an HTML page (its article, without the page's
    furniture): what two pages are compared on."""
    from cleannews._input import decode_input
    from cleannews.config import CleanConfig
    from cleannews.errors import InputError
    from cleannews.strip.html import html_to_text

    try:  # as the run reads the page (its charset, UTF-8, Windows-1252)
        page = decode_input(html, html=True)[0]
    except InputError:  # binary: the run sends it to the errors sink
        return ""
    # without its NUL characters, as the run reads a page since round 33 (browsers drop them)
    return html_to_text(page, config if config is not None else CleanConfig()).text.replace(
        "\x00", "")


def _id_and_text(item: Item, text_field: str, id_field: str, fmt: str = "auto",
                 config: Any = None) -> tuple[str, str] | None:
    """``(id, text)`` of a readable item, ``None`` otherwise (it will fail in the run anyway).

    A page (an ``.html`` file, a record's text the run cleans as HTML: ``--format html``, or
    ``auto`` and a text that starts like a page) is compared by the text the run extracts
    from it: compared by its raw markup or all its visible text, two articles in one site's
    template looked like copies, and one article in two templates looked unrelated.
    """
    got = item_record(item, text_field)
    if got is None:
        return None
    record, text = got
    fallback = item.id or f"{item.source}:{item.line}"
    if record is None:
        return fallback, _page_text_of(item.payload, config) if item.kind == "html" else text
    from cleannews.batch.ids import field_value

    ident = field_value(record, id_field)
    ident = fallback if ident is None else (ident if isinstance(ident, str) else
                                            json.dumps(ident, ensure_ascii=False))
    from cleannews.batch.process import _page_text

    if fmt == "html" or (fmt == "auto" and _page_text(text)):
        text = _page_text_of(text, config)
    return ident, text


def learn_copies(items: Iterable[Item], text_field: str, id_field: str,
                 min_words: int | None = None, fmt: str = "auto",
                 config: Any = None, doc_timeout: float | None = None) -> dict[str, Any]:
    """First pass: sign, link and cluster every readable item; returns the JSON-ready state.

    ``fmt`` is the run's ``--format`` (which record texts are HTML pages), ``config`` its
    :class:`~cleannews.config.CleanConfig` (how a page's article is extracted).
    ``doc_timeout`` (``--doc-timeout``): reading an item and extracting its page's article,
    the per-document work of this pass, is stopped after that many seconds (the alarm of
    :mod:`cleannews.batch.timeout`); the item is then left out of the pass (nobody's copy,
    role ``unique``), with a warning naming it, and the run files it as its cleaning ends. The
    signatures (computed :data:`~cleannews.copies._signature.CHUNK_DOCS` documents at a time)
    and the linking are the batch's work, not one document's: not under the limit."""
    from cleannews.batch.timeout import DocTimeout, time_limit
    from cleannews.copies import MIN_WORDS, clusters, link_signatures, signatures

    seqs: list[int] = []
    ids: list[str] = []
    texts: list[str] = []
    from cleannews.batch.process import text_problem

    if doc_timeout is not None:
        from cleannews.batch.process import BatchOptions, warm_up_once

        # the models load before the first page's limit, not in it
        warm_up_once(BatchOptions(fmt="html") if config is None else
                     BatchOptions(config=config, fmt="html"))
    for item in items:
        try:
            with time_limit(doc_timeout):
                got = _id_and_text(item, text_field, id_field, fmt, config)
        except DocTimeout:
            from cleannews.batch.ids import shown_id
            from cleannews.batch.sources import terminal_safe

            log.warning("copies: %s: reading it took longer than %g s (--doc-timeout): left "
                        "out of the copy pass", terminal_safe(
                            shown_id(item.id) if item.id else f"{item.source}:{item.line}"),
                        doc_timeout)
            continue
        # records the run sends to the errors sink (NUL, binary, empty) are nobody's copy
        if got is not None and text_problem(got[1]) is None:
            seqs.append(item.seq)
            ids.append(got[0])
            texts.append(got[1])
    keys = [str(s) for s in seqs]  # ids may repeat in an input; positions never do
    links = link_signatures(keys, signatures(texts), texts.__getitem__,
                            MIN_WORDS if min_words is None else min_words)
    name = dict(zip(keys, ids, strict=True))
    roles = clusters(keys, links)
    by_copy = {li.copy: li for li in links if li.kind == "spun_copy"}
    by_seq: dict[str, dict[str, Any]] = {}
    for key, info in roles.items():
        entry = {"cluster": name[info["cluster"]], "role": info["role"],
                 "peers": [name[p] for p in info["peers"]],
                 "source": name[info["source"]] if info["source"] else None}
        li = by_copy.get(key)
        if li is not None:
            # an Evidence-shaped item (signal, span, text, reason, weight) plus the link
            entry["evidence"] = {"signal": "copy_source", "span": [0, 0],
                                 "text": name[li.source],
                                 "reason": f"spun copy of {name[li.source]}: {li.reason}",
                                 "weight": 0.0, "source": name[li.source],
                                 "substitutions": [list(p) for p in li.substitutions],
                                 "aligned_share": li.aligned_share}
        by_seq[key] = entry
    n_spun = sum(1 for e in by_seq.values() if e["role"] == "spun_copy")
    n_dup = sum(1 for e in by_seq.values() if e["role"] == "duplicate")
    log.info("copies: %d documents, %d links, %d spun copies, %d duplicates",
             len(keys), len(links), n_spun, n_dup)
    return {"by_seq": by_seq, "documents": len(keys), "links": len(links)}


def copies_info(state: dict[str, Any], seq: int) -> dict[str, Any]:
    """The ``copies`` object of the document at input position ``seq`` (evidence left out)."""
    entry = state["by_seq"].get(str(seq))
    if entry is None:
        return dict(UNIQUE)
    return {k: v for k, v in entry.items() if k != "evidence"}


def copy_evidence(state: dict[str, Any], seq: int) -> dict[str, Any] | None:
    """The ``copy_source`` spin-evidence item of a spun copy (``None`` for other documents)."""
    entry = state["by_seq"].get(str(seq))
    return None if entry is None else entry.get("evidence")


def duplicates_path(out: Path | None, mirror_out: Path | None, compress: bool) -> Path:
    """Where ``--drop-duplicates`` writes: ``DIR/duplicates/duplicates.jsonl[.gz]``.

    >>> duplicates_path(Path("o/clean.jsonl"), Path("o"), False).as_posix()
    'o/duplicates/duplicates.jsonl'
    >>> duplicates_path(Path("d/all.jsonl.gz"), None, True).as_posix()
    'd/duplicates/duplicates.jsonl.gz'
    >>> duplicates_path(None, None, False).as_posix()
    'cleannews-duplicates/duplicates.jsonl'
    """
    gz = ".gz" if compress else ""
    if mirror_out is not None:
        folder = mirror_out / "duplicates"
    elif out is not None:
        folder = out.parent / "duplicates"
    else:
        folder = Path(STDOUT_SINK_FOLDERS["duplicates"])
    return folder / (DUPLICATES_FILE + gz)

"""Copy detection as two datatrove steps (``pip install 'cleannews[datatrove,copies]'``).

* :class:`CopySignatures` (any number of tasks): stores each document's
  spin-robust signature in ``doc.metadata["copies_signature"]`` (base64,
  512 bytes of MinHash + two sizes);
* :class:`CopyClusters` (**one task**: it must see every document):
  bands the signatures, aligns the candidate pairs, and writes
  ``doc.metadata["copies"] = {"cluster", "role", "peers", "source",
  "substitutions", "aligned_share", "reason"}`` on every document that has
  a copy. It keeps every document unless ``drop_duplicates=True``: then
  later plain copies (role ``duplicate``) are dropped with reason
  ``"duplicate"`` — give it an ``exclusion_writer`` to keep them.

::

    # pass 1: signatures, distributed
    LocalPipelineExecutor(pipeline=[JsonlReader("in/"), CopySignatures(),
                                    JsonlWriter("sig/")], tasks=16).run()
    # pass 2: clusters, one task
    LocalPipelineExecutor(pipeline=[JsonlReader("sig/"), CopyClusters(),
                                    JsonlWriter("out/")], tasks=1).run()

The second pass keeps the texts of its task in memory for verification
(~1.5 kB per news article); docs/copies.md has the plan for millions of
documents.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

from cleannews.config import checked_count, checked_flag
from cleannews.errors import MissingExtraError

try:
    from datatrove.data import Document as DatatroveDocument
    from datatrove.pipeline.base import PipelineStep
    from datatrove.pipeline.filters.base_filter import BaseFilter
except ImportError as exc:
    raise MissingExtraError("the datatrove integration", "datatrove", "datatrove") from exc

from cleannews.integrations.datatrove import _text_stats  # (imports datatrove too)

__all__ = ["COPIES_KEY", "SIGNATURE_KEY", "CopyClusters", "CopySignatures"]

#: Metadata key of the encoded signature (pass 1) and of the copy annotation (pass 2).
SIGNATURE_KEY = "copies_signature"
COPIES_KEY = "copies"
#: Documents signed per numpy batch in :class:`CopySignatures`.
SIGN_BATCH = 64
#: Filter reason of a dropped plain duplicate.
REASON_DUPLICATE = "duplicate"


class CopySignatures(PipelineStep):
    """Add the copy signature of ``doc.text`` to ``doc.metadata["copies_signature"]``."""

    name = "🧬 cleannews copy signatures"
    type = "🫂 - DEDUP"

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Iterator[DatatroveDocument]:
        from cleannews.copies import signatures

        batch: list[DatatroveDocument] = []
        for doc in data or ():
            self.stat_update("total")
            batch.append(doc)
            if len(batch) >= SIGN_BATCH:
                yield from self._sign(batch, signatures)
                batch = []
        if batch:
            yield from self._sign(batch, signatures)

    def _sign(self, batch: list[DatatroveDocument], signatures) -> Iterator[DatatroveDocument]:
        with self.track_time():
            texts = [d.text if isinstance(d.text, str) else "" for d in batch]
            for doc, sig in zip(batch, signatures(texts), strict=True):
                doc.metadata[SIGNATURE_KEY] = base64.b64encode(sig.to_bytes()).decode("ascii")
        yield from batch


def unique_ids(ids: list[str]) -> list[str]:
    """``ids`` made unique for the linker, each unique id left as it is: the second and later
    documents of a repeated id are named ``ID#2``, ``ID#3`` … (in input order; a name another
    document already has is skipped). One repeated id renamed every document ``POSITION:ID``
    (``"y"`` became ``"2:y"`` in every ``peers`` and ``cluster``), so no annotation named the
    documents by their ids (round 28).

    >>> unique_ids(["x", "x", "y", "x#2"])
    ['x', 'x#3', 'y', 'x#2']
    """
    taken = set(ids)
    seen: set[str] = set()
    out = []
    for ident in ids:
        name, n = ident, 1
        while name in seen or (name != ident and name in taken):
            n += 1
            name = f"{ident}#{n}"
        seen.add(name)
        out.append(name)
    return out


def _stored_signature(enc: Any, signature_class: Any) -> Any:
    """The signature stored as ``enc`` (base64 text, :class:`CopySignatures`), or ``None`` when
    there is none or it is not one (the document is signed again). A value of another type
    (a number, a list: a field of the input named ``copies_signature``) was a ``TypeError``
    that stopped the task (round 28).

    >>> from cleannews.copies import Signature
    >>> _stored_signature(7, Signature), _stored_signature("!!", Signature)
    (None, None)
    """
    if not enc or not isinstance(enc, (str, bytes)):
        return None
    try:
        return signature_class.from_bytes(base64.b64decode(enc))
    except ValueError:  # not base64 (binascii.Error), not ASCII, not a signature's length
        return None


class CopyClusters(BaseFilter):
    """Cluster the whole input (one task): annotate copies, optionally drop plain duplicates.

    Documents without a stored signature are signed here. ``min_words``
    and ``spin_direction`` are passed to the linker (see
    :func:`cleannews.copies.find_copies`). The options are checked as the other datatrove
    steps' are: ``drop_duplicates`` and ``spin_direction`` must be ``True`` or ``False``
    (``drop_duplicates="false"`` was true, and dropped the duplicates), ``min_words`` ``None``
    or a count (a :class:`~cleannews.ConfigError` naming the option; polish, round 27).
    """

    name = "🫂 cleannews copy clusters"

    def update_doc_stats(self, document: DatatroveDocument) -> None:
        """datatrove's length stats for text only: a document whose text is not a string (from
        another reader or adapter) is forwarded, not a crash of the task (datatrove takes
        ``len()`` of the text: ``text=None`` was a ``TypeError``; round 28)."""
        _text_stats(self, document)

    def __init__(self, exclusion_writer: Any = None, drop_duplicates: bool = False,
                 min_words: int | None = None, spin_direction: bool = True) -> None:
        super().__init__(exclusion_writer)
        self.drop_duplicates = checked_flag("CopyClusters drop_duplicates", drop_duplicates)
        self.min_words = (None if min_words is None
                          else checked_count("CopyClusters min_words", min_words, 0))
        self.spin_direction = checked_flag("CopyClusters spin_direction", spin_direction)

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Iterator[DatatroveDocument]:
        if world_size != 1:
            raise ValueError("CopyClusters must see every document: run it with tasks=1 "
                             f"(got world_size={world_size})")
        docs = list(data or ())
        with self.track_time():
            self.annotate(docs)
        yield from super().run(iter(docs), rank, world_size)

    def annotate(self, docs: list[DatatroveDocument]) -> None:
        """Link ``docs`` and write ``metadata["copies"]`` on every document with a copy (and
        remove an earlier run's from the others)."""
        from cleannews.copies import MIN_WORDS, Signature, clusters, link_signatures, signatures

        sigs: list[Any] = [None] * len(docs)
        unsigned = []
        for i, doc in enumerate(docs):
            # an annotation this step wrote on an earlier run (its output read again, with new
            # documents): stale, it would stay on a document that has no copy now, and
            # drop_duplicates dropped such a document as a "duplicate" (round 28)
            doc.metadata.pop(COPIES_KEY, None)
            sigs[i] = _stored_signature(doc.metadata.pop(SIGNATURE_KEY, None), Signature)
            if sigs[i] is None:
                unsigned.append(i)
        texts = [d.text if isinstance(d.text, str) else "" for d in docs]
        for i, sig in zip(unsigned, signatures([texts[i] for i in unsigned]), strict=True):
            sigs[i] = sig
        ids = unique_ids([str(d.id) for d in docs])  # datatrove ids are not always unique
        links = link_signatures(ids, sigs, texts.__getitem__,
                                MIN_WORDS if self.min_words is None else self.min_words,
                                self.spin_direction)
        roles = clusters(ids, links)
        by_copy = {li.copy: li for li in links if li.kind == "spun_copy"}
        for doc, ident in zip(docs, ids, strict=True):
            info = roles.get(ident)
            if info is None:
                continue
            entry = dict(info)
            li = by_copy.get(ident)
            if li is not None:
                entry.update(substitutions=[list(p) for p in li.substitutions],
                             aligned_share=li.aligned_share, reason=li.reason)
            doc.metadata[COPIES_KEY] = entry
            self.stat_update(f"role_{entry['role']}")

    def filter(self, doc: DatatroveDocument) -> bool | tuple[bool, str]:
        info = doc.metadata.get(COPIES_KEY)
        if self.drop_duplicates and info and info.get("role") == "duplicate":
            return False, REASON_DUPLICATE
        return True

"""cleannews as datatrove pipeline steps (``pip install 'cleannews[datatrove]'``).

Two steps, usable in any datatrove executor (local, Slurm, Ray):

* :class:`CleannewsCleaner` replaces ``doc.text`` by the cleaned text and
  records what was done in ``doc.metadata["cleannews"]`` (verdict, reason,
  spin score and label, top evidence, per-rule change counts);
* :class:`CleannewsSpinFilter` drops spun documents (and documents that
  could not be cleaned) with a reason, ``"spun"`` or ``"cleannews_error"``:
  give it an ``exclusion_writer`` and that writer is the quarantine. With
  ``label_only=True`` it annotates and forwards every document.

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
except ImportError as exc:  # datatrove itself, or `regex` that BaseFilter needs
    raise MissingExtraError("the datatrove integration", "datatrove", "datatrove") from exc

from cleannews.config import CleanConfig

__all__ = ["METADATA_KEY", "CleannewsCleaner", "CleannewsSpinFilter"]

#: Key of the cleannews summary in ``doc.metadata``.
METADATA_KEY = "cleannews"
#: Evidence items kept in the metadata.
TOP_EVIDENCE = 3
#: Filter reasons (datatrove counts them as ``dropped_<reason>``).
REASON_SPUN = "spun"
REASON_ERROR = "cleannews_error"


def summarize(doc: Any, record_changes: bool) -> dict[str, Any]:
    """The JSON-ready summary of a :class:`cleannews.Document` stored in the metadata."""
    rules: dict[str, int] = {}
    for c in doc.changes:
        rules[c.rule] = rules.get(c.rule, 0) + 1
    top = sorted(doc.spin.evidence, key=lambda e: -e.weight)[:TOP_EVIDENCE]
    out: dict[str, Any] = {
        "verdict": doc.verdict,
        "reason": doc.reason,
        "spin_score": doc.spin.score,
        "spin_label": doc.spin.label,
        "evidence": [{"signal": e.signal, "text": e.text, "reason": e.reason} for e in top],
        "rules": rules,
        "removed_chars": doc.removed_chars,
        "input_length": doc.input_length,
    }
    if doc.metadata:
        out["metadata"] = dict(doc.metadata)
    if record_changes:
        out["changes"] = [c.to_dict() for c in doc.changes]
    return out


class CleannewsCleaner(PipelineStep):
    """Clean ``doc.text`` (repair, strip, score, route) and record the result in the metadata.

    ``html=True`` treats the texts as HTML pages. ``record_changes=True`` also
    stores every change (rule, span, before, after, reason) — larger output.
    A document that cannot be cleaned is forwarded unchanged with
    ``metadata["cleannews"] = {"error": ...}``; :class:`CleannewsSpinFilter`
    then routes it to its exclusion writer.
    """

    name = "🧹 cleannews clean"
    type = "✂️ - FORMAT"

    def __init__(self, config: CleanConfig | None = None, html: bool = False,
                 record_changes: bool = False) -> None:
        super().__init__()
        self.config = config or CleanConfig()
        self.html = html
        self.record_changes = record_changes

    def clean_one(self, doc: DatatroveDocument) -> None:
        """Clean one datatrove document in place."""
        from cleannews.pipeline import clean, clean_html

        try:
            result = (clean_html if self.html else clean)(doc.text, self.config, id=str(doc.id))
        except Exception as exc:  # one document must not stop the task
            doc.metadata[METADATA_KEY] = {"error": f"{type(exc).__name__}: {exc}"}
            self.stat_update("cleannews_failed")
            return
        doc.text = result.text
        doc.metadata[METADATA_KEY] = summarize(result, self.record_changes)
        self.stat_update(f"label_{result.spin.label}")
        if result.quarantined:
            self.stat_update("verdict_quarantine")
        for c in result.changes:
            if c.removed:
                self.stat_update(f"removed_{c.rule}")
                self.stat_update("removed_chars", value=len(c.before), unit="doc")

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Iterator[DatatroveDocument]:
        for doc in data or ():
            self.stat_update("total")
            with self.track_time():
                self.clean_one(doc)
            self.update_doc_stats(doc)
            yield doc


class CleannewsSpinFilter(BaseFilter):
    """Keep documents that are not spun; ``(False, "spun")`` otherwise.

    Uses the verdict recorded by :class:`CleannewsCleaner` when present, else
    scores ``doc.text`` itself (and stores the summary). ``threshold``
    overrides the config's quarantine threshold. ``label_only=True`` forwards
    every document and only annotates it (``metadata["cleannews"]``, plus
    ``metadata["filter_reason"]`` on the would-be-dropped ones).
    """

    name = "🧹 cleannews spin filter"

    def __init__(self, exclusion_writer: Any = None, label_only: bool = False,
                 threshold: float | None = None, config: CleanConfig | None = None) -> None:
        super().__init__(exclusion_writer)
        self.label_only = label_only
        cfg = config or CleanConfig()
        self.config = cfg if threshold is None else cfg.replace(
            spin_quarantine_threshold=threshold)

    def _summary(self, doc: DatatroveDocument) -> dict[str, Any]:
        summary = doc.metadata.get(METADATA_KEY)
        if isinstance(summary, dict) and ("spin_label" in summary or "error" in summary):
            return summary
        from cleannews.errors import InputError
        from cleannews.pipeline import spin_score

        try:
            spin = spin_score(doc.text, self.config)
        except (InputError, Exception) as exc:
            summary = {"error": f"{type(exc).__name__}: {exc}"}
        else:
            summary = {"spin_score": spin.score, "spin_label": spin.label,
                       "evidence": [{"signal": e.signal, "text": e.text, "reason": e.reason}
                                    for e in sorted(spin.evidence, key=lambda e: -e.weight)
                                    [:TOP_EVIDENCE]]}
        doc.metadata[METADATA_KEY] = summary
        return summary

    def decide(self, doc: DatatroveDocument) -> str | None:
        """The reason to drop ``doc`` (``"spun"``, ``"cleannews_error"``) or ``None`` to keep it."""
        s = self._summary(doc)
        if "error" in s:
            return REASON_ERROR
        spun = s.get("spin_label") == "spun" and (
            s.get("spin_score", 0.0) >= self.config.spin_quarantine_threshold)
        return REASON_SPUN if spun else None

    def filter(self, doc: DatatroveDocument) -> bool | tuple[bool, str]:
        reason = self.decide(doc)
        if reason is None:
            return True
        if self.label_only:
            doc.metadata["filter_reason"] = reason
            self.stat_update(f"labelled_{reason}")
            return True
        return False, reason

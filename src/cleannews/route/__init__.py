"""Route stage: decide where a cleaned document goes (keep or quarantine), and why.

>>> from cleannews.document import Document, SpinScore
>>> from cleannews.config import DEFAULT_CONFIG
>>> route(Document(text="x", spin=SpinScore(0.97, "spun")), DEFAULT_CONFIG)
('quarantine', 'spun French: spin score 0.97 >= 0.90')
>>> route(Document(text="x", language="de"), DEFAULT_CONFIG.replace(accept_languages=("fr",)))
('other_language', 'language de is not among the accepted languages (fr)')
"""

from __future__ import annotations

from cleannews.config import CleanConfig
from cleannews.document import Document

__all__ = ["route"]


def route(doc: Document, config: CleanConfig) -> tuple[str, str]:
    """Return ``(verdict, reason)``: ``"keep"``, ``"quarantine"`` or ``"other_language"``.

    A document whose language could not be identified (too little text) is
    not set aside for its language.
    """
    accepted = config.accept_languages
    if accepted and doc.language is not None and doc.language not in accepted:
        return (
            "other_language",
            f"language {doc.language} is not among the accepted languages ({', '.join(accepted)})",
        )
    spin = doc.spin
    if (
        config.quarantine
        and spin.label == "spun"
        and spin.score >= config.spin_quarantine_threshold
    ):
        return (
            "quarantine",
            f"spun French: spin score {spin.score:.2f} >= {config.spin_quarantine_threshold:.2f}",
        )
    if spin.label == "suspect":
        return (
            "keep",
            f"kept; spin score {spin.score:.2f} is suspect, below the quarantine threshold",
        )
    return ("keep", "")

"""Route stage: decide where a cleaned document goes (keep or quarantine), and why.

>>> from cleannews.document import Document, SpinScore
>>> from cleannews.config import DEFAULT_CONFIG
>>> route(Document(text="x", spin=SpinScore(0.97, "spun")), DEFAULT_CONFIG)
('quarantine', 'spun French: spin score 0.97 >= 0.90')
>>> spun = SpinScore(0.97, "spun", signals={"decided.grammar": 1.0, "decided.context_term": 1.0})
>>> route(Document(text="x", spin=spun), DEFAULT_CONFIG)[1]
'spun French: spin score 0.97 >= 0.90 (evidence: grammar + context term)'
>>> off = DEFAULT_CONFIG.replace(quarantine=False)
>>> route(Document(text="x", spin=SpinScore(0.97, "spun")), off)
('keep', 'kept (quarantine=false); spun French: spin score 0.97 >= 0.90')
>>> route(Document(text="x", language="de"), DEFAULT_CONFIG.replace(accept_languages=("fr",)))
('other_language', 'language de is not among the accepted languages (fr)')
"""

from __future__ import annotations

from cleannews.config import CleanConfig
from cleannews.document import Document

__all__ = ["route"]


def _decided_kinds(signals: dict) -> str:
    """The kinds of evidence that decided a quarantine (``score._decision.decided_kinds``).

    >>> _decided_kinds({"decided.lexical": 1.0, "decided.context_term": 1.0})
    'lexical + context term'
    """
    if not any(k.startswith("decided.") for k in signals):
        return ""
    from cleannews.score._decision import decided_kinds

    return decided_kinds(signals)


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
    if spin.label == "spun" and spin.score >= config.spin_quarantine_threshold:
        reason = (
            f"spun French: spin score {spin.score:.2f} >= {config.spin_quarantine_threshold:.2f}"
        )
        kinds = _decided_kinds(spin.signals)
        if kinds:
            reason += f" (evidence: {kinds})"
        if config.quarantine:
            return ("quarantine", reason)
        # kept because quarantine is off: it used to be kept with no reason at all, where a
        # merely suspect document says why it was kept
        return ("keep", f"kept (quarantine=false); {reason}")
    if spin.label == "suspect":
        return (
            "keep",
            f"kept; spin score {spin.score:.2f} is suspect, below the quarantine threshold",
        )
    return ("keep", "")

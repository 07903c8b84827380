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

A document with no visible text is not kept: ``"empty"`` when its input had none,
``"empty_after_cleaning"`` when cleaning removed it all (the error types ``cleannews run``
files such documents under, with the same messages):

>>> route(Document(text=" \\n"), DEFAULT_CONFIG, empty_input=True)[0]
'empty'
>>> print(*route(Document(text=""), DEFAULT_CONFIG), sep="\\n")
empty_after_cleaning
nothing left after cleaning: the whole text was removed as boilerplate (no rule)
"""

from __future__ import annotations

import regex

from cleannews.config import CleanConfig
from cleannews.document import Document

__all__ = ["EMPTY_MESSAGE", "cleaned_away_message", "has_visible_text", "route"]

#: A visible character: not whitespace (NBSP included), not a control, format or
#: default-ignorable character (zero-width space, BOM, soft hyphen…).
_VISIBLE = regex.compile(r"[^\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]")
#: The reason of verdict ``"empty"`` (and of ``cleannews run``'s ``empty`` error).
EMPTY_MESSAGE = "empty document: no text to clean (only whitespace or invisible characters)"


def has_visible_text(text: str) -> bool:
    """True when ``text`` holds a character a reader sees.

    >>> has_visible_text("\\u00a0\\u200b \\n"), has_visible_text(" a ")
    (False, True)
    """
    return _VISIBLE.search(text) is not None


#: Stages whose removals are boilerplate (the strip rules, the HTML front end's); the others'
#: (``repair``, ``decode``) are repairs: a text of control characters or terminal escapes
#: only was said to be "removed as boilerplate (remove_terminal_escapes)".
BOILERPLATE_STAGES = frozenset({"strip", "html"})
#: Why a "suspect" document whose score reaches a (lowered) quarantine threshold is kept: the
#: score stage never labels thin evidence "spun" (``score._label``).
THIN_EVIDENCE_REASON = "thin evidence (one kind, in one paragraph) is never quarantined"


def cleaned_away_message(doc: Document) -> str:
    """The reason of verdict ``"empty_after_cleaning"``, naming the rules that removed the
    text, as boilerplate (:data:`BOILERPLATE_STAGES`) or by repairs.

    >>> from cleannews.document import Change
    >>> esc = Change("repair", "remove_terminal_escapes", (0, 4), "\x1b[2J", "", "r")
    >>> cleaned_away_message(Document(text="", changes=[esc]))
    'nothing left after cleaning: the whole text was removed by repairs (remove_terminal_escapes)'
    >>> bar = Change("strip", "share_bar", (5, 25), "Partager sur Facebook", "", "r")
    >>> cleaned_away_message(Document(text="", changes=[esc, bar]))[29:]
    'the whole text was removed as boilerplate (share_bar) and by repairs (remove_terminal_escapes)'
    """
    strip = sorted({c.rule for c in doc.changes if c.removed and c.stage in BOILERPLATE_STAGES})
    repair = sorted({c.rule for c in doc.changes
                     if c.removed and c.stage not in BOILERPLATE_STAGES})
    by_repairs = f"by repairs ({', '.join(repair)})"
    if repair and not strip:
        return f"nothing left after cleaning: the whole text was removed {by_repairs}"
    return ("nothing left after cleaning: the whole text was removed as boilerplate "
            f"({', '.join(strip) or 'no rule'})" + (f" and {by_repairs}" if repair else ""))


def _decided_kinds(signals: dict) -> str:
    """The kinds of evidence that decided a quarantine (``score._decision.decided_kinds``).

    >>> _decided_kinds({"decided.lexical": 1.0, "decided.context_term": 1.0})
    'lexical + context term'
    """
    if not any(k.startswith("decided.") for k in signals):
        return ""
    from cleannews.score._decision import decided_kinds

    return decided_kinds(signals)


def _where(signals: dict) -> str:
    """Where the spun part of a long text is, when it was scored in parts
    (``score._segments``: the score is that of its most spun part); ``""`` otherwise.

    >>> _where({"segments": 12.0, "segment": 3.0, "segment_start": 8120.0, "segment_end": 10644.0})
    ' in part 3 of 12 (characters 8,120-10,644 of the cleaned text)'
    >>> _where({})
    ''
    """
    n = signals.get("segments")
    if not n or n < 2:
        return ""
    return (f" in part {int(signals['segment'])} of {int(n)} (characters "
            f"{int(signals['segment_start']):,}-{int(signals['segment_end']):,} of the cleaned "
            "text)")


def route(doc: Document, config: CleanConfig, *, empty_input: bool = False) -> tuple[str, str]:
    """Return ``(verdict, reason)``: ``"keep"``, ``"quarantine"``, ``"other_language"``,
    or, for a document with no visible text, ``"empty"`` (``empty_input``: the input had
    none either) or ``"empty_after_cleaning"``.

    A document whose language could not be identified (too little text) is
    not set aside for its language. Thin evidence is "suspect", never "spun", even above
    a lowered quarantine threshold, and is kept saying so:

    >>> from cleannews.config import DEFAULT_CONFIG
    >>> from cleannews.document import SpinScore
    >>> low = DEFAULT_CONFIG.replace(spin_quarantine_threshold=0.55)
    >>> print(route(Document(text="x", spin=SpinScore(0.8955, "suspect")), low)[1])
    kept; spin score 0.90 is suspect: thin evidence (one kind, in one paragraph) is never
    quarantined
    """
    if not has_visible_text(doc.text):  # it said "keep" for an empty document, where `run`
        # files it as an error and `explain` said "verdict: empty"
        if empty_input:
            return ("empty", EMPTY_MESSAGE)
        return ("empty_after_cleaning", cleaned_away_message(doc))
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
        reason += _where(spin.signals)
        if config.quarantine:
            return ("quarantine", reason)
        # kept because quarantine is off: it used to be kept with no reason at all, where a
        # merely suspect document says why it was kept
        return ("keep", f"kept (quarantine=false); {reason}")
    if spin.label == "suspect":
        if spin.score >= config.spin_quarantine_threshold:  # thin evidence is never "spun":
            # the reason said "below the quarantine threshold" of a score above it (mut30)
            return ("keep", f"kept; spin score {spin.score:.2f} is suspect: "
                            f"{THIN_EVIDENCE_REASON}")
        return (
            "keep",
            f"kept; spin score {spin.score:.2f} is suspect, below the quarantine threshold",
        )
    return ("keep", "")

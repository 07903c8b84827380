"""The result types: :class:`Document`, :class:`Change`, :class:`SpinScore`.

They are plain dataclasses that serialise to JSON-ready dicts, so a user can
store exactly what was done to a document and why::

    >>> import cleannews, json
    >>> doc = cleannews.clean("L\\u00c3\\u00a9t\\u00c3\\u00a9 sera chaud.")
    >>> doc.text
    'L\u00e9t\u00e9 sera chaud.'
    >>> doc.changes[0].rule
    'fix_mojibake'
    >>> json.loads(json.dumps(doc.to_dict()))["text"] == doc.text
    True
"""

from __future__ import annotations

import json
import re
from collections.abc import Sized
from dataclasses import asdict, dataclass, field
from typing import Any

from cleannews._lazyre import LazyPattern

__all__ = [
    "Change",
    "Document",
    "Evidence",
    "ParagraphScore",
    "SpinScore",
    "Stage",
    "json_safe",
]

_SURROGATE = LazyPattern("[\ud800-\udfff]", engine=re)


def json_safe(value: Any) -> Any:
    """``value`` with lone UTF-16 surrogates in its strings written as ``\\udXXX`` escapes.

    The pipeline never leaves surrogates in text (see ``cleannews._input``), but a
    ``Document`` built by hand may hold them, and orjson (or any UTF-8 writer)
    refuses them: ``to_dict`` output must always encode.

    >>> json_safe({"a": ["x\\ud800y"]})
    {'a': ['x\\\\ud800y']}
    """
    if isinstance(value, str):
        if _SURROGATE.search(value) is None:
            return value
        return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", value)
    if isinstance(value, dict):
        return {json_safe(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value


def _with_span_list(obj: Any) -> dict[str, Any]:
    """``asdict(obj)`` with its ``span`` pair as a list (the JSON form of
    :class:`Evidence` and :class:`ParagraphScore`).

    >>> _with_span_list(Evidence("elision", (3, 7), "le a", "missing elision"))["span"]
    [3, 7]
    """
    d = asdict(obj)
    d["span"] = list(obj.span)
    return d


def _span_from(d: dict[str, Any]) -> tuple[int, int]:
    """The ``(start, end)`` span of a record's JSON form (``from_dict``).

    >>> _span_from({"span": [3, 7.0]})
    (3, 7)
    """
    return int(d["span"][0]), int(d["span"][1])


#: Characters of a long text field (``Document.text``, ``Change.before`` …) that the repr of a
#: result type shows: ``repr(doc)`` of a 1 MB document printed the whole text and every change
#: (a notebook cell or a log line flooded; polish, round 27).
REPR_TEXT_CHARS = 60


def clipped_repr(value: object, limit: int = REPR_TEXT_CHARS) -> str:
    """``repr(value)``, clipped to its first ``limit`` characters and its length when longer:
    the text fields of the result types' reprs (a value that is no ``str``, in a hand-made
    result, is its ``repr`` clipped: a repr never raises).

    >>> clipped_repr("Le conseil")
    "'Le conseil'"
    >>> clipped_repr("Le conseil municipal a voté le budget.", 10)
    "'Le conseil'… (38 chars)"
    >>> clipped_repr(None), clipped_repr(b"x" * 100, 10)
    ('None', "b'xxxxxxxx… (bytes)")
    """
    if not isinstance(value, str):
        shown = repr(value)
        return shown if len(shown) <= limit else f"{shown[:limit]}… ({type(value).__name__})"
    if len(value) <= limit:
        return repr(value)
    return f"{value[:limit]!r}… ({len(value):,} chars)"


def _count(items: object) -> str:
    """How many ``items`` there are, for a repr (``?`` when they cannot be counted).

    >>> _count([1, 2]), _count(None)
    ('2', '?')
    """
    return str(len(items)) if isinstance(items, Sized) else "?"


def _keys(metadata: object) -> str:
    """The keys of a Document's metadata, as its repr shows them.

    >>> _keys({"date": "2025-02", "title": "Budget"}), _keys({})
    ('keys: date, title', 'empty')
    """
    if not isinstance(metadata, dict):
        return clipped_repr(metadata)
    if not metadata:
        return "empty"
    names = ", ".join(map(str, metadata))
    return f"keys: {names[:REPR_TEXT_CHARS]}{'…' if len(names) > REPR_TEXT_CHARS else ''}"


def _spin_summary(spin: object) -> str:
    """A Document's spin score as its repr shows it: label and score (4 decimals).

    >>> _spin_summary(SpinScore(0.123456, "clean")), _spin_summary(None)
    ('clean 0.1235', 'None')
    """
    if not isinstance(spin, SpinScore):
        return clipped_repr(spin)
    score = round(spin.score, 4) if isinstance(spin.score, (int, float)) else spin.score
    return f"{spin.label} {score!r}"


#: A pipeline stage, ``Change.stage``: in order, "decode", "repair", "html", "strip",
#: "template", "score" or "route".
Stage = str


@dataclass(frozen=True, repr=False)
class Change:
    """One thing cleannews did to the text, with the reason in human words.

    ``span`` is a ``(start, end)`` pair of character offsets into the *input*
    text (the ``str`` given to :func:`cleannews.clean`, or the decoded bytes).
    ``before`` is the text that was there and ``after`` what replaced it
    (``""`` for a removal).

    >>> c = Change("strip", "comment_prompt", (120, 141), "Comments are closed.", "",
    ...            "comment prompt left by the site's template")
    >>> c.removed
    True

    Its repr clips ``before`` and ``after`` to :data:`REPR_TEXT_CHARS` characters (a removed
    block may be a whole page)::

        >>> Change("strip", "html_script", (0, 9000), "x" * 9000, "", "script")
        Change(stage='strip', rule='html_script', span=(0, 9000), before='xxxxxxxxxxxxxxxxxxxx\
xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'… (9,000 chars), after='', reason='script')
    """

    stage: Stage
    rule: str
    span: tuple[int, int]
    before: str
    after: str
    reason: str

    @property
    def removed(self) -> bool:
        """True when the change deletes text without replacing it."""
        return self.after == "" and self.before != ""

    def __repr__(self) -> str:
        return (f"Change(stage={self.stage!r}, rule={self.rule!r}, span={self.span!r}, "
                f"before={clipped_repr(self.before)}, after={clipped_repr(self.after)}, "
                f"reason={self.reason!r})")

    def to_dict(self) -> dict[str, Any]:
        return {
            "stage": self.stage,
            "rule": self.rule,
            "span": list(self.span),
            "before": json_safe(self.before),
            "after": json_safe(self.after),
            "reason": self.reason,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Change:
        return cls(
            stage=d["stage"],
            rule=d["rule"],
            span=_span_from(d),
            before=d["before"],
            after=d["after"],
            reason=d["reason"],
        )


@dataclass(frozen=True)
class Evidence:
    """A reason that raised the spin score, located in the scored text.

    ``signal`` names the detector (``"elision"``, ``"gender_agreement"``,
    ``"rare_synonym"`` …), ``span`` is a character range in the text that
    was scored, ``text`` the words concerned, ``reason`` a human sentence
    and ``weight`` how much it contributed.
    """

    signal: str
    span: tuple[int, int]
    text: str
    reason: str
    weight: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return _with_span_list(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(
            signal=d["signal"],
            span=_span_from(d),
            text=d["text"],
            reason=d["reason"],
            weight=float(d.get("weight", 0.0)),
        )


@dataclass(frozen=True)
class ParagraphScore:
    """Spin score of one paragraph: where in a partly spun article the spinner went."""

    index: int
    span: tuple[int, int]
    score: float
    label: str
    n_words: int
    evidence_count: int = 0

    def to_dict(self) -> dict[str, Any]:
        return _with_span_list(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ParagraphScore:
        return cls(
            index=int(d["index"]),
            span=_span_from(d),
            score=float(d["score"]),
            label=d["label"],
            n_words=int(d["n_words"]),
            evidence_count=int(d.get("evidence_count", 0)),
        )


@dataclass(frozen=True, repr=False)
class SpinScore:
    """How likely a text is machine-paraphrased ("spun"), and why.

    ``score`` is a calibrated probability in [0, 1]; ``label`` is one of
    ``"clean"``, ``"suspect"``, ``"spun"``, ``"insufficient"`` (too short to
    judge), ``"unsupported_language"`` or ``"not_scored"`` (scoring was
    switched off). ``language`` is ``"fr"`` for a scored text; with ``"insufficient"`` or
    ``"unsupported_language"`` (from :func:`cleannews.clean`, :func:`cleannews.spin_score`
    and the commands) it is the document's identified language, ``None`` when too short to
    tell (docs/cli.md, "Language").

    >>> SpinScore.neutral().label
    'not_scored'

    It is hashable, as a frozen dataclass is expected to be (a set of scores, a dict key):

    >>> len({SpinScore(0.2, "clean", signals={"elision": 1.0}), SpinScore(0.2, "clean")})
    2

    Its repr counts the evidence, paragraphs and signals (a long article has hundreds)::

        >>> SpinScore(0.2, "clean", evidence=(Evidence("elision", (3, 7), "le a", "x"),))
        SpinScore(score=0.2, label='clean', language=None, n_words=0, evidence=<1 Evidence>, \
paragraphs=<0 ParagraphScore>, signals=<0>)
    """

    score: float
    label: str
    evidence: tuple[Evidence, ...] = ()
    paragraphs: tuple[ParagraphScore, ...] = ()
    language: str | None = None
    n_words: int = 0
    #: not in the hash (a dict cannot be hashed: ``hash(score)`` of this frozen dataclass
    #: raised "unhashable type: 'dict'"; audit29); equality still compares it
    signals: dict[str, float] = field(default_factory=dict, hash=False)

    def __repr__(self) -> str:
        return (f"SpinScore(score={self.score!r}, label={self.label!r}, "
                f"language={self.language!r}, n_words={self.n_words!r}, "
                f"evidence=<{_count(self.evidence)} Evidence>, "
                f"paragraphs=<{_count(self.paragraphs)} ParagraphScore>, "
                f"signals=<{_count(self.signals)}>)")

    @classmethod
    def neutral(cls) -> SpinScore:
        """The value used when spin scoring did not run.

        Every :class:`Document` starts with one, so it is built without the frozen
        ``__init__`` (one ``object.__setattr__`` per field: about three quarters of the
        time of ``Document()``): the same fields, in the same order, with the defaults
        and a new ``signals`` dict (``tests/test_perf_rest5.py`` checks it against
        ``cls(score=0.0, label="not_scored")``). A subclass goes through its ``__init__``.

        >>> SpinScore.neutral() == SpinScore(score=0.0, label="not_scored")
        True
        """
        if cls is not SpinScore:
            return cls(score=0.0, label="not_scored")
        obj = object.__new__(cls)
        obj.__dict__.update(
            score=0.0, label="not_scored", evidence=(), paragraphs=(), language=None,
            n_words=0, signals={},
        )
        return obj

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "label": self.label,
            "evidence": [e.to_dict() for e in self.evidence],
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "language": self.language,
            "n_words": self.n_words,
            "signals": dict(self.signals),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SpinScore:
        return cls(
            score=float(d["score"]),
            label=d["label"],
            evidence=tuple(Evidence.from_dict(e) for e in d.get("evidence", ())),
            paragraphs=tuple(ParagraphScore.from_dict(p) for p in d.get("paragraphs", ())),
            language=d.get("language"),
            n_words=int(d.get("n_words", 0)),
            signals={k: float(v) for k, v in d.get("signals", {}).items()},
        )


#: Verdicts a :class:`Document` can carry.
VERDICTS: tuple[str, ...] = (
    "keep", "quarantine", "other_language", "empty", "empty_after_cleaning")
#: Verdicts that set a document aside (``Document.quarantined``): a batch run
#: writes these to the quarantine sink, with the verdict and reason.
SET_ASIDE_VERDICTS: tuple[str, ...] = ("quarantine", "other_language")


@dataclass(repr=False)
class Document:
    """A cleaned document and the full record of what was done to it.

    ``text`` is the cleaned text, ``changes`` every repair and removal (in
    input order), ``metadata`` what was lifted from the text (for example
    ``{"date": "2025-02"}`` from a crawler prefix), ``spin`` the spin score,
    ``language`` the identified language (ISO 639-1 code, ``None`` for too
    little text), and ``verdict`` / ``reason`` / ``quarantined`` the routing
    decision: ``"keep"``, ``"quarantine"`` (spun French), ``"other_language"``
    (not one of ``CleanConfig.accept_languages``), or, for a document with no visible
    text, ``"empty"`` (the input had none) or ``"empty_after_cleaning"`` (cleaning
    removed it all; the reason names the rules) -- the error types ``cleannews run``
    files such documents under.

    Its repr is a summary: the start of the text (:data:`REPR_TEXT_CHARS` characters) and its
    length, the id, the verdict and its reason, the language, the input's length, the number
    of changes, the metadata's keys and the spin label and score (it printed the whole text and
    every change: a flood in a notebook or a log for a long document; polish, round 27)::

        >>> Document("Le conseil municipal a voté le budget 2026 mardi soir, après trois "
        ...          "heures de débat.", id="d1", input_length=95, language="fr")
        Document(text='Le conseil municipal a voté le budget 2026 mardi soir, après'… (83 chars), \
id='d1', verdict='keep', language='fr', input_length=95, changes=<0 Change>, metadata=<empty>, \
spin=<not_scored 0.0>)
    """

    text: str
    changes: list[Change] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    spin: SpinScore = field(default_factory=SpinScore.neutral)
    verdict: str = "keep"
    reason: str = ""
    id: str | None = None
    input_length: int = 0
    language: str | None = None

    def __repr__(self) -> str:
        reason = f", reason={clipped_repr(self.reason)}" if self.reason else ""
        return (f"Document(text={clipped_repr(self.text)}, id={clipped_repr(self.id)}, "
                f"verdict={clipped_repr(self.verdict)}{reason}, "
                f"language={clipped_repr(self.language)}, input_length={self.input_length!r}, "
                f"changes=<{_count(self.changes)} Change>, metadata=<{_keys(self.metadata)}>, "
                f"spin=<{_spin_summary(self.spin)}>)")

    @property
    def quarantined(self) -> bool:
        """True when the document was set aside (verdict quarantine or other_language)."""
        return self.verdict in SET_ASIDE_VERDICTS

    @property
    def removed_chars(self) -> int:
        """Characters of the input removed by the strip stages."""
        return sum(
            len(c.before)
            for c in self.changes
            if c.removed and c.stage in ("strip", "template", "html")
        )

    def changes_by(self, stage: str) -> list[Change]:
        """The changes made by one stage (``"repair"``, ``"strip"`` …)."""
        return [c for c in self.changes if c.stage == stage]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``json.dumps(doc.to_dict())`` always works."""
        return {
            "id": json_safe(self.id),
            "text": json_safe(self.text),
            "changes": [c.to_dict() for c in self.changes],
            "metadata": json_safe(dict(self.metadata)),
            "language": self.language,
            "spin": self.spin.to_dict(),
            "verdict": self.verdict,
            "reason": self.reason,
            "quarantined": self.quarantined,
            "input_length": self.input_length,
        }

    def to_json(self, **kwargs: Any) -> str:
        """``to_dict`` as a JSON string (non-ASCII kept as is)."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        """Rebuild a Document from :meth:`to_dict` output (or from the ``cleannews`` object
        of a record ``cleannews run`` writes).

        Anything else is an :class:`~cleannews.InputError` saying what was given (audit21:
        the JSON text of :meth:`to_json` was "string indices must be integers", a dict
        without ``text`` a bare ``KeyError: 'text'``, and a whole record of ``cleannews
        run`` was read as a Document whose text was the *input* text, verdict ``keep``):

        >>> Document.from_dict('{"text": "x"}')
        Traceback (most recent call last):
        ...
        cleannews.errors.InputError: Document.from_dict takes a dict (what Document.to_dict() \
gives), got str; for the JSON text of to_json(): Document.from_dict(json.loads(text))
        """
        from cleannews.errors import InputError

        if not isinstance(d, dict):
            hint = ("; for the JSON text of to_json(): Document.from_dict(json.loads(text))"
                    if isinstance(d, (str, bytes)) else "")
            raise InputError("Document.from_dict takes a dict (what Document.to_dict() "
                             f"gives), got {type(d).__name__}{hint}")
        if isinstance(d.get("cleannews"), dict):  # `json.loads(line)` of clean.jsonl
            raise InputError("Document.from_dict: this is a record of 'cleannews run' (its "
                             "input fields and a 'cleannews' object): pass "
                             "record['cleannews'], the cleaned document")
        from cleannews.pipeline import document_id

        try:
            return cls(
                text=d["text"],
                changes=[Change.from_dict(c) for c in d.get("changes", ())],
                metadata=dict(d.get("metadata", {})),
                spin=SpinScore.from_dict(d["spin"]) if d.get("spin") else SpinScore.neutral(),
                verdict=d.get("verdict", "keep"),
                reason=d.get("reason", ""),
                id=document_id(d.get("id")),  # a str, as clean(id=…) gives (audit23)
                input_length=int(d.get("input_length", 0)),
                language=d.get("language"),
            )
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            what = f"no {exc.args[0]!r} key" if isinstance(exc, KeyError) else str(exc)
            raise InputError(f"Document.from_dict: not a Document dict ({what}; give what "
                             "Document.to_dict() gives)") from None

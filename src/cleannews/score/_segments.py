"""A long text is scored in parts, and its score is the score of its most spun part,
discounted for the number of parts.

Why: the spin model was fitted and calibrated on documents of at most about 370 words (UD
documents and their spins, the negatives' pages of at most 300 words). Two of its features
are a maximum over the text's windows of about 60 words (``max_paragraph_grammar_per100``,
``max_paragraph_synonym_share``, ``_model._worst_paragraph``), and the maximum of many windows
grows with their number: human French of the negatives' development split, joined 64
documents at a time (about 15,000 words), was quarantined 24 % of the time and suspect 98 %,
while none of the 1,203 documents alone was quarantined (round 28; development figures,
docs/spin.md). A 1 MB document was quarantined whatever it held.

A text of more than :data:`LONG_TEXT_WORDS` words is cut at line breaks into parts of at
least :data:`SEGMENT_WORDS` words, each scored as a document of its own; a paragraph too long
for a part (:data:`MAX_SEGMENT_WORDS`: one giant paragraph, a page whose line breaks were
lost) is cut at its sentence ends, or between words (round 29: such a text was one part,
scored whole, and a spun section in it was lost). The text's score is that of its
highest-scoring part (a text that holds one spun article among clean ones is still spun: the
spun part is judged at the length the model knows), less a discount on the logit for the
number of parts it was the highest of (:func:`parts_logit`, round 29: the highest of many
human parts' scores grew with their number, so "suspect" rose with length); the evidence is
that part's, so it says where the spun text is; ``signals`` names the part (``segments``,
``segment``, ``segment_start``, ``segment_end``), what it scored alone (``segment_score``)
and the discount (``parts_adjustment``); the paragraph scores of every part are kept. Texts up
to :data:`LONG_TEXT_WORDS` words (the fits' documents, most news articles) are scored whole,
as before.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable

import regex

from cleannews.document import SpinScore

__all__ = ["LONG_TEXT_WORDS", "MAX_SEGMENT_WORDS", "REFERENCE_PARTS", "SEGMENT_WORDS",
           "parts_logit", "score_in_parts", "text_segments"]

#: A text of more words than this (white-space separated) is scored in parts. Human French of
#: the negatives' development split joined to about 1,900 words was quarantined 0.2 % of the
#: time (to 950 words: 0.3 %; 240 words: 0 %), to about 3,800 words 2.7 % (round 28).
LONG_TEXT_WORDS = 2000
#: Each part has at least this many words (the last at least half as many: a shorter remainder
#: joins the part before it): about the length of the documents the model was fitted and
#: calibrated on (at most 369 words).
SEGMENT_WORDS = 400
#: A paragraph (line) that would take a part past this many words is cut inside, at sentence
#: ends (or between words): a text with few line breaks, one giant paragraph, or a page whose
#: line breaks were lost gave parts of thousands of words, or one part (round 29).
MAX_SEGMENT_WORDS = 2 * SEGMENT_WORDS
#: The end of a sentence inside a paragraph and the white space after it (the next part starts
#: at the next sentence): ``.`` after two non-space characters (not an initial: "M. Dupont"),
#: ``!``, ``?`` or ``…`` (a French ``?`` follows a space), closing quotes or brackets. Each
#: try starts at a punctuation mark and reads the closers after it once: linear.
_SENTENCE_END = regex.compile(r"(?:(?<=\S\S)\.|[!?…])[)\]»\"”’]*\s+")
#: A white-space separated word (the between-words cut of a sentence without an end).
_WORD = regex.compile(r"\S+")
#: A text of up to this many parts keeps its highest part's score (:func:`parts_logit`): a
#: text of :data:`LONG_TEXT_WORDS` words, scored whole, holds about as many parts' worth of
#: windows, so a longer text is judged about as strictly as it, not more leniently.
REFERENCE_PARTS = LONG_TEXT_WORDS // SEGMENT_WORDS
#: The scale of the exponential upper tail of human parts' logits (:func:`parts_logit`): the
#: mean excess over their 80th / 90th / 95th percentile was 1.14 / 1.23 / 1.32 for 400-word
#: parts of the negatives' development split joined with line breaks, 0.96 / 0.92 / 0.93 on
#: one line (2,807 and 3,052 parts; round 29, development figures); 1, the scale of the
#: logistic calibration's own tail, sits between them.
PART_TAIL_SCALE = 1.0
#: A line is counted in pieces of at most this many characters: the count's memory stays at
#: one piece's words, not a giant line's (a page whose line breaks were lost is one line of
#: megabytes; the scorer reads it in windows, ``_stream.line_windows``). A word cut by a
#: piece's end counts twice: a 64 KB piece holds some 10,000 words.
_COUNT_CHARS = 1 << 16
#: Labels of a part that was not scored as French (see ``score._unscored``).
_UNSCORED = ("insufficient", "unsupported_language")


def text_segments(text: str) -> list[tuple[int, int]] | None:
    """``[start, end)`` of the parts ``text`` is scored in, each of at least
    :data:`SEGMENT_WORDS` words (the last at least half as many: a shorter remainder joins the
    part before it); ``None`` for a text of at most :data:`LONG_TEXT_WORDS` words.

    A part ends after a line break; a paragraph that would take the part past
    :data:`MAX_SEGMENT_WORDS` words (one giant paragraph, a page whose line breaks were lost)
    is cut inside, after the first sentence end (``_SENTENCE_END``) once the part has
    :data:`SEGMENT_WORDS` words, or, in a run of :data:`MAX_SEGMENT_WORDS` words without one,
    before the word after the :data:`SEGMENT_WORDS`-th: never inside a word. Linear: one pass,
    one line at a time, one sentence at a time inside a line cut.

    >>> text_segments("Un mot.\\n" * 10) is None
    True
    >>> parts = text_segments(("mot " * 100 + "\\n") * 30)
    >>> len(parts), parts[0], parts[-1][1] == 30 * 401
    (8, (0, 1604), True)
    >>> line = "Le chat dort. " * 1000  # 3,000 words, one line
    >>> parts = text_segments(line)
    >>> len(parts), parts[0], line[parts[1][0]:parts[1][0] + 8]
    (7, (0, 1876), 'Le chat ')
    """
    n = len(text)
    if n <= 2 * LONG_TEXT_WORDS:  # a word and its separator: at least two characters
        return None
    cut = _Cutter(text)
    pos = total = 0
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl + 1
        w = _words(text, pos, end)
        total += w
        if cut.words + w > MAX_SEGMENT_WORDS:
            cut.inside(pos, end)
        else:
            cut.words += w
        cut.after(end)
        pos = end
    bounds = cut.bounds
    if total <= LONG_TEXT_WORDS or not bounds:
        return None
    if cut.words < SEGMENT_WORDS // 2:
        bounds[-1] = (bounds[-1][0], n)
    else:
        bounds.append((cut.start, n))
    return bounds if len(bounds) > 1 else None


class _Cutter:
    """The parts cut so far (``bounds``), where the open one starts and its words."""

    __slots__ = ("bounds", "start", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        self.bounds: list[tuple[int, int]] = []
        self.start = 0
        self.words = 0

    def after(self, end: int) -> None:
        """Close the open part at ``end`` if it has :data:`SEGMENT_WORDS` words (and text
        follows)."""
        if self.words >= SEGMENT_WORDS and end < len(self.text):
            self.bounds.append((self.start, end))
            self.start, self.words = end, 0

    def inside(self, a: int, b: int) -> None:
        """Add ``text[a:b]`` (a paragraph too long for the open part), cutting after sentence
        ends; a sentence too long for the part is cut between words (:meth:`between_words`)."""
        text = self.text
        pos = a
        for m in _SENTENCE_END.finditer(text, a, b):
            e = m.end()
            self._add(pos, e)
            self.after(e)
            pos = e
        self._add(pos, b)

    def _add(self, a: int, b: int) -> None:
        w = _words(self.text, a, b)
        if self.words + w > MAX_SEGMENT_WORDS:
            self.between_words(a, b)
        else:
            self.words += w

    def between_words(self, a: int, b: int) -> None:
        """Add ``text[a:b]`` (no sentence end in it) a word at a time, closing the part before
        the word after its :data:`SEGMENT_WORDS`-th."""
        for m in _WORD.finditer(self.text, a, b):
            if self.words >= SEGMENT_WORDS:
                self.bounds.append((self.start, m.start()))
                self.start, self.words = m.start(), 0
            self.words += 1


def _words(text: str, start: int, end: int) -> int:
    """White-space separated words of ``text[start:end]``, counted :data:`_COUNT_CHARS`
    characters at a time.

    >>> _words("Le chat dort.\\n", 0, 14), _words("x " * 100_000, 0, 200_000)
    (3, 100000)
    """
    if end - start <= _COUNT_CHARS:
        return len(text[start:end].split())
    return sum(len(text[a:min(a + _COUNT_CHARS, end)].split())
               for a in range(start, end, _COUNT_CHARS))


def _shifted(span: tuple[int, int], by: int) -> tuple[int, int]:
    return span[0] + by, span[1] + by


def score_in_parts(text: str, parts: list[tuple[int, int]],
                   score: Callable[[str], SpinScore],
                   label: Callable[[float, bool], str] | None = None) -> SpinScore:
    """The score of ``text`` from the scores (``score``) of its ``parts``: that of its
    highest-scoring part scored as French (the first among equals), discounted for the number
    of parts it was the highest of (:func:`parts_logit`), relabelled by ``label(score,
    enough_evidence)`` (``score._label``; ``None`` keeps the part's label); the evidence is
    that part's, in ``text``'s offsets, the paragraph scores those of every part, the words
    those of all. ``signals`` names the part (``segments``, ``segment``, ``segment_start``,
    ``segment_end``) and says what it scored alone (``segment_score``) and the discount
    (``parts_adjustment``, on the logit). When the parts scored as French hold fewer than
    half of the words, the text is not French: ``unsupported_language`` (or ``insufficient``
    when no part had enough words), as the whole text's counts said before.

    >>> fake = {"a": SpinScore(0.2, "clean", n_words=3), "b": SpinScore(0.95, "spun", n_words=4)}
    >>> s = score_in_parts("aaab", [(0, 3), (3, 4)], lambda t: fake[t[0]])
    >>> s.score, s.n_words, s.signals["segment"], s.signals["segment_start"]
    (0.95, 7, 2.0, 3.0)
    >>> s = score_in_parts("a" * 9 + "b", [(i, i + 1) for i in range(10)],
    ...                    lambda t: fake[t], lambda p, enough: "spun" if p >= 0.9 else "?")
    >>> s.score, s.label, s.signals["segment_score"], s.signals["parts_adjustment"]
    (0.9048, 'spun', 0.95, -0.6931)
    """
    # one part's score alive at a time, besides the best so far (a part's evidence is up to
    # MAX_EVIDENCE records): its paragraphs kept, shifted, the rest dropped
    n_words = french_words = 0
    labels = set()
    paragraphs: list = []
    best: tuple[int, int, SpinScore] | None = None
    n_french = 0
    for a, b in parts:
        s = score(text[a:b])
        n_words += s.n_words
        labels.add(s.label)
        for p in s.paragraphs:
            paragraphs.append(dataclasses.replace(p, index=len(paragraphs),
                                                  span=_shifted(p.span, a)))
        if s.label in _UNSCORED:
            continue
        french_words += s.n_words
        n_french += 1
        if best is None or s.score > best[2].score:  # the first among equals
            best = (a, b, s)
    if best is None or 2 * french_words < n_words:
        label_ = "unsupported_language" if "unsupported_language" in labels else "insufficient"
        return SpinScore(0.0, label_, language=None, n_words=n_words)
    a, b, worst = best
    top = _logit_of(worst)
    adjust = parts_logit(top, n_french) - top
    signals = dict(worst.signals)
    signals.update(segments=float(len(parts)), segment=float(parts.index((a, b)) + 1),
                   segment_start=float(a), segment_end=float(b),
                   segment_score=worst.score, parts_adjustment=round(adjust, 4))
    text_score, text_label = worst.score, worst.label
    if adjust < 0.0:
        text_score = round(_sigmoid(top + adjust), 4)
        if label is not None:
            # a part under the quarantine threshold's label only by thin evidence stays so
            thin = worst.label == "suspect" and label(worst.score, True) == "spun"
            text_label = label(text_score, not thin)
    return dataclasses.replace(
        worst,
        score=text_score,
        label=text_label,
        evidence=tuple(dataclasses.replace(e, span=_shifted(e.span, a)) for e in worst.evidence),
        paragraphs=tuple(paragraphs),
        n_words=n_words,
        signals=signals,
    )


def _logit_of(s: SpinScore) -> float:
    """A part's logit: its ``logit`` signal, or that of its score (kept off infinity).

    >>> _logit_of(SpinScore(0.5, "suspect")), _logit_of(SpinScore(1.0, "spun")) > 9
    (0.0, True)
    """
    got = s.signals.get("logit")
    if got is not None:
        return got
    p = min(max(s.score, 1e-6), 1.0 - 1e-6)
    return math.log(p / (1.0 - p))


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def parts_logit(top: float, n: int) -> float:
    """The logit of a text scored in ``n`` parts whose highest part logit is ``top``: ``top``
    less :data:`PART_TAIL_SCALE` times the log of how many times :data:`REFERENCE_PARTS` the
    parts are (nothing up to :data:`REFERENCE_PARTS` parts).

    Why: each part is scored as a document of its own, and the highest of many parts' scores
    grows with their number: the upper tail of human parts' logits is about exponential
    (:data:`PART_TAIL_SCALE`), so the highest of ``n`` parts lies about ``PART_TAIL_SCALE *
    ln(n)`` higher than one part's. Human French of the negatives' development split joined
    to 20,000 words (44 parts) was "suspect" 57 % of the time on its highest part, 3 % with
    this discount; at 2,000-8,000 words 11-12 %, the level of a 2,000-word text scored whole
    (round 29, development figures). A text of up to :data:`REFERENCE_PARTS` parts (about
    :data:`LONG_TEXT_WORDS` words, the longest scored whole) keeps its highest part's logit.

    >>> round(parts_logit(4.0, 50), 3)  # a part at 0.982 among 50: the text at 0.84
    1.697
    >>> parts_logit(4.0, REFERENCE_PARTS), parts_logit(-2.0, 3)
    (4.0, -2.0)
    """
    return top - PART_TAIL_SCALE * math.log(max(n, REFERENCE_PARTS) / REFERENCE_PARTS)

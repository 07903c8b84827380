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
import functools
import math
from collections.abc import Callable

import regex

from cleannews.document import SpinScore
from cleannews.score import _GRAMMAR, GRAMMAR_MIN_TOKENS

__all__ = ["ABBREVIATIONS_FILE", "LONG_TEXT_WORDS", "MAX_SEGMENT_WORDS", "PART_TAIL_SCALE",
           "REFERENCE_PARTS", "SEGMENT_WORDS", "STRONG_PART_MIN_SLIPS", "STRONG_PART_TAIL_SCALE",
           "abbreviations", "part_line", "parts_logit", "score_in_parts", "strong_part",
           "text_segments"]

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
#: The file of words after which a full stop ends no sentence ("M. Dupont", "MM. Dupont et
#: Durand", "p. 12", "Mgr. X": data, one word a line, read on first use by
#: :func:`abbreviations`); a stop or a question mark followed by a lower-case letter ends no
#: sentence either ("etc. et", "? dit-il"). Round 29 cut after "(M.", "MM.", "Mme." (round 30).
ABBREVIATIONS_FILE = "sentence_abbreviations_fr.txt"
#: The longest word :func:`_ends_sentence` reads back from a full stop (longer: no
#: abbreviation of the file), so each try costs a bounded number of characters.
_ABBREVIATION_MAX_CHARS = 12
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
#: The scale of the discount of a part whose evidence suffices for a quarantine
#: (:func:`strong_part`; round 30). Human parts scored as documents rarely have such evidence
#: (of 21,591 parts of long development texts, 389 reached a logit of 0, 17 of them with
#: such evidence), so a spun section's part, which has it, need not pay the whole discount
#: for the many thin human parts beside it. Set by a rule on human text only: the smallest
#: scale, in steps of 0.1, at which no human development text of 5,000 or 20,000 words (768:
#: the negatives' dev split, UD documents and the drama dev set; with line breaks and on one
#: line) is quarantined; 0 quarantined 2 (one lexical + context-term part, in a 5,000- and a
#: 20,000-word join), 0.3-0.6 one (development figures: docs/spin-history.md, its round 30
#: section "Long texts: a part with sufficient evidence is discounted less").
STRONG_PART_TAIL_SCALE = 0.7
#: A part whose sufficient evidence includes broken grammar is a strong part
#: (:func:`strong_part`) only with at least this many counted slips: one more than a
#: document's quarantine needs (``score.GRAMMAR_MIN_TOKENS``). Of the 17 human development
#: parts above with sufficient evidence, 15 rested on exactly 3 slips and a little lexical
#: evidence; a naive spinner's parts mostly have 4 or more.
STRONG_PART_MIN_SLIPS = GRAMMAR_MIN_TOKENS + 1
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
            if not _ends_sentence(text, m.start(), e, b):
                continue
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


@functools.lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """The words of :data:`ABBREVIATIONS_FILE` (case-sensitive), read once.

    >>> {"M", "MM", "Mme", "p"} <= abbreviations(), "etc" in abbreviations()
    (True, False)
    """
    from cleannews.score._lexicon import data_text

    words = (w.strip() for w in data_text(ABBREVIATIONS_FILE).splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))


def _ends_sentence(text: str, stop: int, after: int, limit: int) -> bool:
    """Whether the sentence-end match ``text[stop:after]`` (``_SENTENCE_END``; ``limit``: the
    end of the line) ends a sentence: not when a lower-case letter follows, nor when a full
    stop follows a word of :func:`abbreviations`. Reads at most
    :data:`_ABBREVIATION_MAX_CHARS` characters back.

    >>> t = "Selon MM. Dupont et Martin, le vote (M. Durand) a eu lieu. Puis"
    >>> [t[:m.end()].split()[-1] for m in _SENTENCE_END.finditer(t)
    ...  if _ends_sentence(t, m.start(), m.end(), len(t))]
    ['lieu.']
    >>> t = "Des pommes, des poires, etc. et des noix. Puis des raisins, etc. Enfin"
    >>> [t[:m.end()].split()[-1] for m in _SENTENCE_END.finditer(t)
    ...  if _ends_sentence(t, m.start(), m.end(), len(t))]
    ['noix.', 'etc.']
    """
    if after < limit and text[after].islower():
        return False
    if text[stop] != ".":
        return True
    i, lo = stop, max(0, stop - _ABBREVIATION_MAX_CHARS - 1)
    while i > lo and text[i - 1].isalpha():
        i -= 1
    return i == lo or text[i:stop] not in abbreviations()


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


def strong_part(s: SpinScore) -> bool:
    """Whether part score ``s`` is discounted at :data:`STRONG_PART_TAIL_SCALE`: its evidence
    suffices for a quarantine (``decided.*`` signals: two kinds, or one kind in several
    paragraphs), and when broken grammar is among the deciding kinds, it rests on at least
    :data:`STRONG_PART_MIN_SLIPS` counted slips.

    >>> from cleannews.document import Evidence
    >>> slip = Evidence("elision", (0, 2), "le a", "r", 0.5)
    >>> strong_part(SpinScore(0.8, "suspect", signals={"decided.lexical": 1.0,
    ...                                                "decided.context_term": 1.0}))
    True
    >>> three = SpinScore(0.9, "spun", evidence=(slip,) * 3,
    ...                   signals={"decided.grammar": 1.0, "decided.lexical": 1.0})
    >>> strong_part(three), strong_part(dataclasses.replace(three, evidence=(slip,) * 4))
    (False, True)
    >>> strong_part(SpinScore(0.8, "suspect", signals={"logit": 1.4}))  # thin evidence
    False
    """
    decided = [k for k in s.signals if k.startswith("decided.")]
    if not decided:
        return False
    if not any(k.startswith("decided.grammar") for k in decided):
        return True
    slips = sum(1 for e in s.evidence if e.weight > 0.0 and e.signal in _GRAMMAR)
    return slips >= STRONG_PART_MIN_SLIPS


def _shifted(span: tuple[int, int], by: int) -> tuple[int, int]:
    return span[0] + by, span[1] + by


def score_in_parts(text: str, parts: list[tuple[int, int]],
                   score: Callable[[str], SpinScore],
                   label: Callable[[float, bool], str] | None = None) -> SpinScore:
    """The score of ``text`` from the scores (``score``) of its ``parts``: each part scored as
    French is discounted for the number of such parts (:func:`parts_logit`: at
    :data:`STRONG_PART_TAIL_SCALE` for a part whose evidence suffices, :func:`strong_part`,
    else at :data:`PART_TAIL_SCALE`), and the text takes the highest discounted part (the
    first among equals), relabelled by ``label(score, enough_evidence)`` (``score._label``;
    ``None`` keeps the part's label); the evidence is that part's, in ``text``'s offsets, the
    paragraph scores those of every part, the words those of all. ``signals`` names the part
    (``segments``, ``segment``, ``segment_start``, ``segment_end``) and says what it scored
    alone (``segment_score``), whether its evidence sufficed (``segment_strong``) and the
    discount (``parts_adjustment``, on the logit). When the parts scored as French hold fewer than
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

    A part whose evidence suffices is discounted less, so it may raise the text over a part
    that scored higher alone on thin evidence:

    >>> strong = SpinScore(0.93, "spun", signals={"logit": 2.6, "decided.lexical": 1.0,
    ...                                           "decided.context_term": 1.0})
    >>> thin = SpinScore(0.95, "suspect", signals={"logit": 2.9})
    >>> s = score_in_parts("ab" * 20, [(i, i + 1) for i in range(40)],
    ...                    lambda t: strong if t == "b" else thin)
    >>> s.signals["segment"], s.signals["segment_strong"], s.signals["parts_adjustment"]
    (2.0, 1.0, -1.4556)
    """
    # one part's score alive at a time, besides the best so far (a part's evidence is up to
    # MAX_EVIDENCE records): its paragraphs kept, shifted, the rest dropped
    n_words = french_words = 0
    labels = set()
    paragraphs: list = []
    # the highest part on thin evidence and the highest strong part (their discounts differ)
    best: dict[bool, tuple[int, int, SpinScore, float]] = {}
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
        strong = strong_part(s)
        got = best.get(strong)
        if got is None or s.score > got[2].score:  # the first among equals
            best[strong] = (a, b, s, _logit_of(s))
    if not best or 2 * french_words < n_words:
        label_ = "unsupported_language" if "unsupported_language" in labels else "insufficient"
        return SpinScore(0.0, label_, language=None, n_words=n_words)
    scales = {True: STRONG_PART_TAIL_SCALE, False: PART_TAIL_SCALE}
    # the higher discounted logit; on a tie the part that comes first in the text
    strong, (a, b, worst, top) = max(
        best.items(), key=lambda kv: (parts_logit(kv[1][3], n_french, scales[kv[0]]), -kv[1][0]))
    adjust = parts_logit(top, n_french, scales[strong]) - top
    signals = dict(worst.signals)
    signals.update(segments=float(len(parts)), segment=float(parts.index((a, b)) + 1),
                   segment_start=float(a), segment_end=float(b),
                   segment_score=worst.score, segment_strong=float(strong),
                   parts_adjustment=round(adjust, 4))
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


def parts_logit(top: float, n: int, scale: float = PART_TAIL_SCALE) -> float:
    """The logit of a text scored in ``n`` parts whose highest part logit is ``top``: ``top``
    less ``scale`` (:data:`PART_TAIL_SCALE`, or :data:`STRONG_PART_TAIL_SCALE` for a part with
    sufficient evidence) times the log of how many times :data:`REFERENCE_PARTS` the parts are
    (nothing up to :data:`REFERENCE_PARTS` parts).

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
    >>> round(parts_logit(4.0, 50, STRONG_PART_TAIL_SCALE), 3)  # sufficient evidence: 0.93
    2.388
    """
    return top - scale * math.log(max(n, REFERENCE_PARTS) / REFERENCE_PARTS)


def part_line(signals: dict) -> str:
    """The explanation's line saying which part of a long text raised its score (``""`` for
    a text scored whole).

    >>> line = part_line({"segments": 44.0, "segment": 12.0, "segment_start": 8120.0,
    ...                   "segment_end": 10644.0, "segment_score": 0.97, "segment_strong": 1.0,
    ...                   "parts_adjustment": -1.5199})
    >>> for piece in line.split("): "):
    ...     print(piece)
    part 12 of 44 raised the score (characters 8,120-10,644
    0.97 alone, logit -1.52 for the number of parts (sufficient evidence: discounted at 0.7)
    """
    n = signals.get("segments")
    if not n or n < 2 or "segment_score" not in signals:
        return ""
    strong = signals.get("segment_strong", 0.0) > 0.0
    why = (f"sufficient evidence: discounted at {STRONG_PART_TAIL_SCALE:g}" if strong
           else f"thin evidence: discounted at {PART_TAIL_SCALE:g}")
    return (f"part {int(signals['segment'])} of {int(n)} raised the score (characters "
            f"{int(signals['segment_start']):,}-{int(signals['segment_end']):,}): "
            f"{signals['segment_score']:.2f} alone, logit {signals['parts_adjustment']:+.2f} "
            f"for the number of parts ({why})")

"""A long text is scored in parts, and its score is the score of its most spun part.

Why: the spin model was fitted and calibrated on documents of at most about 370 words (UD
documents and their spins, the negatives' pages of at most 300 words). Two of its features
are a maximum over the text's windows of about 60 words (``max_paragraph_grammar_per100``,
``max_paragraph_synonym_share``, ``_model._worst_paragraph``), and the maximum of many windows
grows with their number: human French of the negatives' development split, joined 64
documents at a time (about 15,000 words), was quarantined 24 % of the time and suspect 98 %,
while none of the 1,203 documents alone was quarantined (round 28; development figures,
docs/spin.md). A 1 MB document was quarantined whatever it held.

A text of more than :data:`LONG_TEXT_WORDS` words is cut at line breaks into parts of at
least :data:`SEGMENT_WORDS` words, each scored as a document of its own; the text's score is
that of its highest-scoring part (a text that holds one spun article among clean ones is
still spun: the spun part is judged at the length the model knows), with that part's
evidence, so the evidence says where the spun text is; ``signals`` names the part
(``segments``, ``segment``, ``segment_start``, ``segment_end``) and the paragraph scores of
every part are kept. Texts up to :data:`LONG_TEXT_WORDS` words (the fits' documents, most news
articles) are scored whole, as before.

A text without line breaks is one part (it is scored whole, as before).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from cleannews.document import SpinScore

__all__ = ["LONG_TEXT_WORDS", "SEGMENT_WORDS", "score_in_parts", "text_segments"]

#: A text of more words than this (white-space separated) is scored in parts. Human French of
#: the negatives' development split joined to about 1,900 words was quarantined 0.2 % of the
#: time (to 950 words: 0.3 %; 240 words: 0 %), to about 3,800 words 2.7 % (round 28).
LONG_TEXT_WORDS = 2000
#: Each part has at least this many words (the last at least half as many: a shorter remainder
#: joins the part before it): about the length of the documents the model was fitted and
#: calibrated on (at most 369 words).
SEGMENT_WORDS = 400
#: A line is counted in pieces of at most this many characters: the count's memory stays at
#: one piece's words, not a giant line's (a page whose line breaks were lost is one line of
#: megabytes; the scorer reads it in windows, ``_stream.line_windows``). A word cut by a
#: piece's end counts twice: a 64 KB piece holds some 10,000 words.
_COUNT_CHARS = 1 << 16
#: Labels of a part that was not scored as French (see ``score._unscored``).
_UNSCORED = ("insufficient", "unsupported_language")


def text_segments(text: str) -> list[tuple[int, int]] | None:
    """``[start, end)`` of the parts ``text`` is scored in, cut after line breaks, each of at
    least :data:`SEGMENT_WORDS` words (the last at least half as many: a shorter remainder
    joins the part before it); ``None`` for a
    text of at most :data:`LONG_TEXT_WORDS` words, or one that does not cut (no line break).
    Linear: one pass, one line at a time.

    >>> text_segments("Un mot.\\n" * 10) is None
    True
    >>> parts = text_segments(("mot " * 100 + "\\n") * 30)
    >>> len(parts), parts[0], parts[-1][1] == 30 * 401
    (8, (0, 1604), True)
    """
    n = len(text)
    if n <= 2 * LONG_TEXT_WORDS:  # a word and its separator: at least two characters
        return None
    bounds: list[tuple[int, int]] = []
    start = pos = words = total = 0
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl + 1
        w = _words(text, pos, end)
        words += w
        total += w
        if words >= SEGMENT_WORDS and end < n:
            bounds.append((start, end))
            start, words = end, 0
        pos = end
    if total <= LONG_TEXT_WORDS or not bounds:
        return None
    if words < SEGMENT_WORDS // 2:
        bounds[-1] = (bounds[-1][0], n)
    else:
        bounds.append((start, n))
    return bounds if len(bounds) > 1 else None


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
                   score: Callable[[str], SpinScore]) -> SpinScore:
    """The score of ``text`` from the scores (``score``) of its ``parts``: the highest-scoring
    part scored as French (the first among equals), its evidence in ``text``'s offsets, the
    paragraph scores of every part, the words of all. When the parts scored as French hold
    fewer than half of the words, the text is not French: ``unsupported_language`` (or
    ``insufficient`` when no part had enough words), as the whole text's counts said before.

    >>> fake = {"a": SpinScore(0.2, "clean", n_words=3), "b": SpinScore(0.95, "spun", n_words=4)}
    >>> s = score_in_parts("aaab", [(0, 3), (3, 4)], lambda t: fake[t[0]])
    >>> s.score, s.n_words, s.signals
    (0.95, 7, {'segments': 2.0, 'segment': 2.0, 'segment_start': 3.0, 'segment_end': 4.0})
    """
    # one part's score alive at a time, besides the best so far (a part's evidence is up to
    # MAX_EVIDENCE records): its paragraphs kept, shifted, the rest dropped
    n_words = french_words = 0
    labels = set()
    paragraphs: list = []
    best: tuple[int, int, SpinScore] | None = None
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
        if best is None or s.score > best[2].score:  # the first among equals
            best = (a, b, s)
    if best is None or 2 * french_words < n_words:
        label = "unsupported_language" if "unsupported_language" in labels else "insufficient"
        return SpinScore(0.0, label, language=None, n_words=n_words)
    a, b, worst = best
    signals = dict(worst.signals)
    signals.update(segments=float(len(parts)), segment=float(parts.index((a, b)) + 1),
                   segment_start=float(a), segment_end=float(b))
    return dataclasses.replace(
        worst,
        evidence=tuple(dataclasses.replace(e, span=_shifted(e.span, a)) for e in worst.evidence),
        paragraphs=tuple(paragraphs),
        n_words=n_words,
        signals=signals,
    )

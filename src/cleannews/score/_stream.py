"""One pass over a document, paragraph by paragraph, keeping only what the score needs.

:func:`cleannews.score._features.analyse` materialises every token and hit of a
text (tools and tests read them). Scoring needs far less: the document's running
sums, the densest 60-word window, how many paragraphs have broken grammar, the
counts of each kind of evidence and at most ``MAX_EVIDENCE`` pieces of it. A
:class:`DocumentScan` reads the text line by line (a line is a paragraph), hands
each paragraph's counts to the caller as soon as they are known, and forgets its
tokens; memory is one block's tokens (``_features.BLOCK_CHARS``), one small record
per paragraph and the capped evidence, whatever the document's length. A line
longer than ``LINE_CAP`` (a page whose line breaks were lost) is read in windows of
at most ``WINDOW_CHARS`` cut at sentence ends (``line_windows``) and stays one
paragraph: its counts are the sums of its windows', the same per-token counts;
only the context checks and grammar detectors see a cut as a line's edge, and the
float sums are added window by window.

One fact is document-wide: rarity evidence of a word form repeated in the text is
dropped (``_features.REPEATED_TERM``). The scan keeps, per rare word form (a
lexicon entry, so at most the lexicon's size), its count and where it first
occurred; a second occurrence takes back the first one's count, in its paragraph
and in the document, and marks that paragraph ``dirty`` (its score must be
recomputed from its retained counts). The result equals ``analyse``'s exactly::

    >>> scan = DocumentScan("La posologie.\\nLa posologie et la brumaire.")
    >>> [p.counts["rare_word"] for _, p in scan.paragraphs()]
    [1, 0]
    >>> scan.doc.counts["rare_word"], sorted(scan.dirty)
    (0, [0])
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from cleannews._lazyre import LazyPattern
from cleannews.score import _GRAMMAR as GRAMMAR_SIGNALS
from cleannews.score import _SIGNAL_KIND as SIGNAL_KIND
from cleannews.score import MIN_WORDS, _features
from cleannews.score._features import (
    _RARE_SIGNALS,
    BlockTokens,
    Hit,
    ParagraphCounts,
    TokenSpans,
    _get_code,
    block_tokens,
    block_word_counts,
    cached_infos,
    light_word_counts,
    repeated_slip,
    scan_text,
    slip_key,
)
from cleannews.score._model import ranked_worst

__all__ = ["GRAMMAR_SIGNALS", "SIGNAL_KIND", "DocumentScan", "EvidenceRecord"]

#: A paragraph counts as "broken grammar" for the spread rule with this many grammar hits.
_SPREAD_MIN = 2
#: Paragraphs are merged with the next one until they reach this many words (as
#: ``_model.WINDOW_WORDS``; the worst window's densities are document features).
_WINDOW_WORDS = 60

#: One piece of evidence: ``(key, signal, span, reason, counted)``; ``key`` orders it as the score's
#: evidence list does (grammar first, then by position, then in the order the detectors
#: found it).
EvidenceRecord = tuple


class DocumentScan:
    """Running sums and capped evidence of one document (see the module docstring).

    Iterate :meth:`paragraphs` once; afterwards ``doc`` holds the document's counts,
    ``worst`` the densest window's ``[grammar density, strong-synonym share]`` (of more than
    ``_model.REFERENCE_WINDOWS`` windows, the ``_model.window_rank``-th densest),
    ``n_grammar_paragraphs`` the paragraphs with broken grammar (>= 2 hits),
    ``n_of_kind`` the pieces of evidence per kind, ``dirty`` the indices of paragraphs
    whose counts changed after they were handed out (``retained[i]`` has the final counts),
    and :meth:`evidence` the first ``max_evidence`` pieces of evidence in score order.
    """

    def __init__(self, text: str, max_evidence: int = 300, grammar_min: int = _SPREAD_MIN) -> None:
        self.text = text
        self.max_evidence = max_evidence
        self.grammar_min = grammar_min
        self.doc = ParagraphCounts(0, 0)
        self.n_paragraphs = 0
        self.n_grammar_paragraphs = 0
        self.n_of_kind: dict[str, int] = {}
        self.dirty: set[int] = set()
        self.retained: dict[int, ParagraphCounts] = {}
        self.worst: list[float] = [0.0, 0.0]
        self._grammar_ev: list[EvidenceRecord] = []
        self._other_ev: list[EvidenceRecord] = []
        # rare word form -> [count, paragraph of the first occurrence, its evidence record]
        self._rare: dict[str, list] = {}
        # keys of the grammar slips counted so far (``_features.slip_key``)
        self._slips: set[tuple[str, str]] = set()
        # worst-window state: the densities of the closed windows but the last, the last
        # closed one, and the open one, each as [grammar hits, words, strong synonyms,
        # content words]
        self._seen: tuple[list[float], list[float]] = ([], [])
        self._last: list[int] | None = None
        self._open: list[int] | None = None
        # a text of one block is tokenised up front (see ``word_counts``)
        self._first: BlockTokens | None = None
        self._parts: list[str] | None = None  # its split, before the facts are looked up

    def word_counts(self) -> tuple[int, int, int] | None:
        """``(words, French function words, other function words)`` of the whole text
        before :meth:`paragraphs` runs, when the text is one block (else None): enough to
        tell a text too short or not French without scanning its paragraphs.

        >>> DocumentScan("Le chat dort.").word_counts()
        (3, 1, 0)
        """
        text = self.text
        if len(text) > _features.BLOCK_CHARS:
            return None
        if self._first is not None:
            return block_word_counts(self._first.codes)
        parts = _features._split_tokens(text)
        toks = parts[1::2]
        infos = cached_infos(toks)
        if infos is None:
            head = light_word_counts(toks[:_SAMPLE_TOKENS]) if len(toks) >= 2 * MIN_WORDS else None
            if not _likely_scored(head):
                # a token never seen: count without the token facts, which a text that is
                # then not scored never needs (``light_word_counts``); ``paragraphs`` looks
                # the tokens up from these parts. The sample's counts are counted once: the
                # rest of the tokens are added to them (the counts add up token by token)
                self._parts = parts
                if head is None:
                    return light_word_counts(toks)
                if len(toks) <= _SAMPLE_TOKENS:
                    return head
                n, fr, en = light_word_counts(toks[_SAMPLE_TOKENS:])
                return head[0] + n, head[1] + fr, head[2] + en
            # a text that will most likely be scored needs the facts anyway: counting the
            # words without them first would be spent twice (the same counts either way)
            self._first = block_tokens(text, parts, known_new=True)
            return block_word_counts(self._first.codes)
        self._first = BlockTokens(parts, toks, infos, bytes(map(_get_code, infos)))
        return block_word_counts(self._first.codes)

    def paragraphs(self) -> Iterator[tuple[int, ParagraphCounts]]:
        """``(index, counts)`` of each paragraph in order; counts of a paragraph that a later
        repetition changes are updated in ``retained`` and listed in ``dirty``.

        A line longer than ``LINE_CAP`` characters is scanned in windows (``line_windows``)
        and stays one paragraph: its windows' counts are added up and their evidence is
        kept as it comes, so memory follows the window, not the line."""
        doc = self.doc
        if self._first is None and self._parts is not None:
            self._first = block_tokens(self.text, self._parts, known_new=True)
            self._parts = None
        text = self.text
        if len(text) <= _features.BLOCK_CHARS and len(text) <= LINE_CAP:
            blocks: Iterator = iter(((0, scan_text(text, first_block=self._first), -1),))
        else:
            blocks = ((at, scan_text(piece), tag) for at, piece, tag in self._pieces())
        # the paragraph being read: [index, counts, grammar hits, first-pass and grammar
        # hits of its earlier windows] (a later window of a long line adds to it)
        cur: list | None = None
        line = -1  # start of the long line whose windows are read, else -1
        for offset, scans, window_of in blocks:
            for pc, pieces, first, grammar, _base, forms in scans:
                if offset:  # ``scan_text`` counts offsets from the piece's start
                    pc.start += offset
                    pc.end += offset
                if cur is not None and (window_of < 0 or window_of != line):
                    yield self._close(cur)
                    cur = None
                line = window_of
                if cur is None:
                    pidx = self.n_paragraphs
                    self.n_paragraphs += 1
                    cur = [pidx, pc, 0, 0, 0]
                    if pidx == 0:
                        doc.start = pc.start
                else:  # the next window of a long line: its counts join the paragraph's
                    pidx = cur[0]
                if first:
                    self._first_hits(pidx, pc, first, forms, pieces, cur[3])
                    cur[3] += len(first)
                if grammar:
                    cur[2] += self._grammar_hits(pidx, pc, grammar, pieces, cur[4])
                    cur[4] += len(grammar)
                if pc is not cur[1]:
                    cur[1].add(pc)
                    if pidx in self.retained:
                        self.retained[pidx] = cur[1]
        if cur is not None:
            yield self._close(cur)
        self._close_windows()
        for seen in self._rare.values():
            if seen[0] == 1:
                self._count(seen[2][1])

    def _close(self, cur: list) -> tuple[int, ParagraphCounts]:
        """A paragraph read in full: its grammar spread, window and document sums."""
        pidx, pc, g = cur[0], cur[1], cur[2]
        if g >= self.grammar_min:
            self.n_grammar_paragraphs += 1
        self._window(pc, g)
        self.doc.add(pc)
        return pidx, pc

    def _pieces(self) -> Iterator[tuple[int, str, int]]:
        """``(offset, piece, long line)``: the text in the blocks of ``_features.text_blocks``
        (so the same blocks, the same results), except that a line longer than
        ``LINE_CAP`` is cut into windows (``line_windows``; ``long line``: the line's start,
        else -1) and the next block starts after it. No piece is longer than a block of
        ordinary lines or a window.

        >>> text = "Un titre.\\n" + "Une phrase courte. " * 4000 + "\\nFin."
        >>> [(at, len(piece), tag) for at, piece, tag in DocumentScan(text)._pieces()][:3]
        [(0, 10, -1), (10, 16378, 10), (16388, 16378, 10)]
        """
        text = self.text
        size, cap = _features.BLOCK_CHARS, LINE_CAP
        i, n = 0, len(text)
        while i < n:
            j = text.find("\n", i + size - 1) if n - i > size else -1
            end = n if j < 0 else j
            if n - i > size:
                # only the block's last line can be longer than ``size``
                ls = text.rfind("\n", i, i + size - 1) + 1 or i
            else:
                ls = end
            if end - ls > cap:
                if ls > i:
                    yield i, text[i:ls], -1
                for a, b in line_windows(text, ls, end):
                    yield a, text[a:b], ls
            else:
                yield i, text[i : end + 1] if i or end + 1 < n else text, -1
            i = end + 1

    # -- evidence -----------------------------------------------------------------------

    def _count(self, signal: str, n: int = 1) -> None:
        kind = SIGNAL_KIND[signal]
        self.n_of_kind[kind] = self.n_of_kind.get(kind, 0) + n

    def _first_slip(self, h: Hit, pieces: list[str]) -> bool:
        """True when ``h``'s slip (``_features.slip_key``) was not counted before in the
        document (and remember it)."""
        key = slip_key(h.signal, pieces[2 * h.first : 2 * h.last + 1 : 2])
        if key in self._slips:
            return False
        self._slips.add(key)
        return True

    def _grammar_hits(
        self,
        pidx: int,
        pc: ParagraphCounts,
        hits: list[Hit],
        pieces: list[str],
        seq_base: int = 0,
    ) -> int:
        """Count and keep a paragraph's grammar hits; returns how many count (one per slip,
        and a slip repeated in the document once: a hit with ``counted=False`` is kept as
        evidence but counts nowhere; a repetition is taken out of ``pc``'s counts).
        ``seq_base``: grammar hits of the paragraph's earlier windows (a long line). The
        evidence is ordered by paragraph, then start offset (token order), then ``seq``."""
        g = 0
        keep = self._grammar_ev
        span_of = TokenSpans(pieces, pc.start)
        for seq, h in enumerate(hits, seq_base):
            if h.counted and not self._first_slip(h, pieces):
                pc.counts[h.signal] -= 1
                h = repeated_slip(h)
            if h.counted:
                self._count(h.signal)
                g += 1
            if len(keep) < self.max_evidence:
                span = span_of(h.first, h.last)
                key = (0, pidx, span[0], seq)
                keep.append((key, h.signal, span, h.reason, h.counted))
        return g

    def _first_hits(
        self,
        pidx: int,
        pc: ParagraphCounts,
        hits: list[Hit],
        forms: list[str],
        pieces: list[str],
        seq_base: int = 0,
    ) -> None:
        """Count and keep a paragraph's (or window's) first-pass hits; a rare word form
        seen before in the document takes back its first occurrence (module docstring)."""
        other = self._other_ev
        rare_forms = iter(forms)
        span_of = TokenSpans(pieces, pc.start)
        for seq, h in enumerate(hits, seq_base):
            span = span_of(h.first, h.last)
            rec = ((1, pidx, span[0], seq), h.signal, span, h.reason, True)
            if h.signal not in _RARE_SIGNALS:
                self._count(h.signal)
                other.append(rec)
                continue
            form = next(rare_forms)
            seen = self._rare.get(form)
            if seen is None:
                self._rare[form] = [1, pidx, rec]
                self.retained[pidx] = pc
                continue
            # a repeated term: this occurrence never counts, the first one is taken back
            pc.counts[h.signal] -= 1
            if seen[0] == 1:
                q = seen[1]
                signal = seen[2][1]
                first_pc = pc if q == pidx else self.retained[q]
                first_pc.counts[signal] -= 1
                if q != pidx:
                    self.doc.counts[signal] -= 1
                    self.dirty.add(q)
                seen[2] = None
            seen[0] += 1
        if len(other) > 2 * self.max_evidence:
            other.sort()
            del other[self.max_evidence :]

    def evidence(self) -> list[tuple[str, tuple[int, int], str, bool]]:
        """``(signal, span, reason, counted)`` of the first ``max_evidence`` pieces of evidence,
        in the order of the score's evidence list (grammar first, then by position);
        ``counted`` is False for a second view of a slip already counted."""
        rare = [seen[2] for seen in self._rare.values() if seen[0] == 1]
        other = sorted(self._other_ev + rare)
        chosen = self._grammar_ev + other[: max(0, self.max_evidence - len(self._grammar_ev))]
        return [rec[1:] for rec in chosen]

    # -- the densest window ------------------------------------------------------------

    def _window(self, pc: ParagraphCounts, g: int) -> None:
        """Add a paragraph with ``g`` grammar hits to the open window."""
        cur = self._open
        if cur is None:
            cur = [g, pc.n_words, pc.n_syn_strong, pc.n_content]
        else:
            cur[0] += g
            cur[1] += pc.n_words
            cur[2] += pc.n_syn_strong
            cur[3] += pc.n_content
        if cur[1] >= _WINDOW_WORDS:
            if self._last is not None:
                self._note(self._last)
            self._last = cur
            self._open = None
        else:
            self._open = cur

    def _note(self, w: list[int]) -> None:
        g, s = _densities(w)
        self._seen[0].append(g)
        self._seen[1].append(s)

    def _close_windows(self) -> None:
        last, cur = self._last, self._open
        if cur is not None:
            last = cur if last is None else [a + b for a, b in zip(last, cur, strict=True)]
        if last is None:  # no paragraph: the document's own (zero) densities
            d = self.doc
            last = [0, d.n_words, d.n_syn_strong, d.n_content]
        self._note(last)
        self.worst = ranked_worst(*self._seen)


#: A line (paragraph) longer than this many characters is scanned in windows of at most
#: ``WINDOW_CHARS`` (``line_windows``): the scan's memory follows the window (a text of one
#: gigantic line, such as a page whose line breaks were lost, would otherwise be tokenised
#: whole). Far above real paragraphs (the longest line of the golden inputs: 23 k). At
#: least ``_features.BLOCK_CHARS``: only a block's last line can be longer than a block.
LINE_CAP = 1 << 16
#: The longest window of a long line, in characters (``_features.BLOCK_CHARS``'s size).
WINDOW_CHARS = 1 << 14
#: A window ends right after a sentence end (``.!?…``, maybe a closing quote or bracket,
#: then whitespace) in its second half, else after its last space, else after its last
#: whitespace, else (no whitespace in 8 k characters) at ``WINDOW_CHARS``.
_SENTENCE_END_RE = LazyPattern(r"[.!?…][»”\")\]]?\s", engine=re)
_SPACE_RE = LazyPattern(r"\s", engine=re)


def line_windows(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``(a, b)`` windows that tile ``text[start:end]`` (one line), each at most
    ``WINDOW_CHARS`` long and cut as ``_SENTENCE_END_RE`` says. A cut after whitespace
    splits no token (tokens hold no whitespace, and an apostrophe before whitespace is
    not part of its word either way); the context checks and grammar detectors see the
    window's edge as a line's edge.

    >>> text = ("Une phrase courte. " * 2000)[:-1]
    >>> w = list(line_windows(text, 0, len(text)))
    >>> w[0], w[-1][1] == len(text), all(b == c for (_, b), (c, _) in zip(w, w[1:]))
    ((0, 16378), True, True)
    >>> text[16370:16378], text[16378:16381]
    ('courte. ', 'Une')
    """
    size = WINDOW_CHARS
    a = start
    while end - a > size:
        lo, hi = a + size // 2, a + size
        cut = -1
        for m in _SENTENCE_END_RE.finditer(text, lo, hi):
            cut = m.end()
        if cut < 0:
            cut = text.rfind(" ", lo, hi) + 1 or -1
        if cut < 0:
            for m in _SPACE_RE.finditer(text, lo, hi):
                cut = m.end()
        if cut < 0:
            cut = hi
        yield a, cut
        a = cut
    yield a, end


#: ``_likely_scored`` reads this many tokens of a text.
_SAMPLE_TOKENS = 200
#: … and calls the text likely French when this share of its words are French function
#: words (twice ``score.MIN_FRENCH_STOPWORD_SHARE``) and outnumber the other languages'.
_LIKELY_FRENCH_SHARE = 0.16


def _likely_scored(head: tuple[int, int, int] | None) -> bool:
    """True when a text will most likely be scored: it is long enough (``head`` is not None:
    it has at least ``2 * MIN_WORDS`` tokens) and its first ``_SAMPLE_TOKENS`` tokens, whose
    ``light_word_counts`` are ``head``, are plainly French. Only a choice of the cheaper way
    to the same word counts (``DocumentScan.word_counts``, which counts the sample once and
    adds the rest to it), never a decision about the text.

    >>> french = ("Le chat de la voisine dort sur le canapé du salon . " * 20).split()
    >>> _likely_scored(light_word_counts(french[:_SAMPLE_TOKENS])), _likely_scored(None)
    (True, False)
    >>> english = ("The cat of the neighbour sleeps on the sofa . " * 20).split()
    >>> _likely_scored(light_word_counts(english[:_SAMPLE_TOKENS]))
    False
    """
    if head is None:
        return False
    n, fr, en = head
    return fr >= _LIKELY_FRENCH_SHARE * n and fr > 2 * en


def _densities(w: list[int]) -> tuple[float, float]:
    """Grammar density and strong-synonym share of a window (as ``_model._worst_paragraph``)."""
    g, n_words, strong, content = w
    return math.log1p(100 * g / max(n_words, 1)), strong / max(content, 1)

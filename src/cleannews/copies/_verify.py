"""Verify a candidate pair: word alignment, substitution pairs, classification, direction.

The two texts are aligned word by word (difflib's matching blocks, no
junk heuristic). Small replaced blocks (up to :data:`SUB_BLOCK_MAX` words
per side) are *aligned substitutions*; inserted, deleted and larger
replaced blocks are unaligned. Each substitution pair is then read:

* ``synonym``: two lower-case content words of one word class (spin lexicon
  flags N / A / V / ADV), at least one with a synonym entry — what a
  synonym spinner produces;
* ``grammar``: a function word changed (article gender, elision, contraction
  repaired after a swap);
* ``edit``: a number, a name, or an unrelated word — ordinary editing.

A pair is a ``spun_copy`` when enough aligned words are synonym swaps, a
``copy`` when the aligned share is high and the swaps are few, otherwise it
is not a copy (``None``). The source of a spun copy is the side whose
swapped words are the more natural choices: higher wordfreq Zipf, smaller
synonym gap (how much more common its best synonym is), and more topical
(their stem recurs in the texts).

    >>> a = "Le gouvernement a annoncé mardi une forte hausse des prix du gaz pour l'hiver."
    >>> b = "Le gouvernement a proclamé mardi une vigoureuse hausse des tarifs du gaz pour l'hiver."
    >>> v = compare_texts(a, b)
    >>> v.kind, v.source
    ('spun_copy', 'a')
    >>> v.substitutions[:2]
    [('annoncé', 'proclamé'), ('forte', 'vigoureuse')]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from cleannews.copies._signature import _skeleton_table, tokens
from cleannews.score._lexicon import GAP_OFFSET, GAP_SHIFT, ZIPF_MASK, get_lexicon

__all__ = [
    "COPY_MIN_SHARE",
    "SPUN_MIN_RATE",
    "Verdict",
    "align",
    "compare_texts",
    "compare_words",
    "orient",
    "topicality",
]

#: Only the first this many words of each side are aligned (difflib is quadratic on
#: repetitive text; news articles are far shorter).
MAX_ALIGN_WORDS = 2000
#: Largest replaced block (words per side) still read as aligned substitutions.
SUB_BLOCK_MAX = 3
#: Aligned share (of the longer side) needed to call a pair a copy at all …
COPY_MIN_SHARE = 0.6
#: … or, for a copy inside different page furniture: share of the shorter side and of
#: the longer side.
FURNISHED_MIN_SHARE = 0.85
FURNISHED_MIN_OTHER = 0.35
#: Synonym swaps per aligned content word above which a copy is a spun copy.
SPUN_MIN_RATE = 0.04
#: At least this many synonym swaps for a spun copy.
SPUN_MIN_PAIRS = 3
#: Share of the substitutions that must be synonym-like for a spun copy.
SPUN_MIN_SYNONYM_SHARE = 0.5
#: Weight of the synonym-gap difference against the Zipf difference in the direction score.
GAP_WEIGHT = 1.0
#: Per-pair direction evidence is clipped to this many Zipf units.
DIRECTION_CLIP = 3.0
#: Weight of the topicality vote (see :func:`topicality`) in the direction score.
TOPIC_WEIGHT = 2.0
#: Letters of a word that make its stem for :func:`topicality`.
STEM_CHARS = 5
#: Weight of the spin-detector score difference (copy minus source) in the direction score.
SPIN_SCORE_WEIGHT = 4.0

_CLASS_FLAGS = ("N", "A", "V", "ADV")


@dataclass
class Verdict:
    """The reading of one aligned pair ``(a, b)``.

    ``kind`` is ``"copy"``, ``"spun_copy"`` or ``None`` (not a copy).
    ``source`` is ``"a"`` / ``"b"`` for a spun copy (the side judged
    original). ``substitutions`` are ``(a word, b word)`` synonym swaps,
    ``swaps`` function words replaced by unrelated words (naive spinners),
    ``edits`` other changed pairs. ``direction`` > 0 means ``a`` is the
    source.
    """

    kind: str | None
    share: float
    share_a: float
    share_b: float
    n_words_a: int
    n_words_b: int
    substitutions: list[tuple[str, str]] = field(default_factory=list)
    edits: list[tuple[str, str]] = field(default_factory=list)
    swaps: list[tuple[str, str]] = field(default_factory=list)
    n_grammar: int = 0
    synonym_rate: float = 0.0
    direction: float = 0.0
    source: str | None = None
    reason: str = ""
    #: a spun pair's evidence on the direction, each ``a`` minus ``b``: mean word
    #: commonness, topicality vote, spin scores ``(a, b)`` (``None`` until :func:`orient`)
    freq: float = 0.0
    topic: float = 0.0
    spin_scores: tuple[float, float] | None = None
    #: the alignment part of ``reason`` (``reason`` adds the direction, from the source's side)
    aligned_reason: str = ""


def _word_tokens(text: str) -> list[str]:
    """Original-case words and numbers of ``text`` (punctuation left out)."""
    return [t for t in tokens(text) if t[0].isalnum() or t[0] == "_"]


def _pair_kind(x: str, y: str, lex, table) -> str:
    """``"synonym"``, ``"swap"``, ``"grammar"`` or ``"edit"`` for one substituted word pair.

    ``swap`` is a function word replaced by another word of a different
    meaning ("de" -> "contre", "il" -> "lui-même"): what a naive spinner does,
    rarely an editor; ``grammar`` a change a careful spinner makes around a
    swap (article gender, elision, contraction).
    """
    drop, norm, function = table
    xl, yl = x.lower(), y.lower()
    fx, fy = xl in function or xl in drop or xl in norm, yl in function or yl in drop or yl in norm
    if fx or fy:
        if (xl in drop and yl in drop) or norm.get(xl, xl) == norm.get(yl, yl):
            return "grammar"
        return "swap" if x.isalpha() and y.isalpha() and x.islower() == y.islower() else "edit"
    if not (x.isalpha() and y.isalpha()) or x[0].isupper() != y[0].isupper():
        return "edit"
    if x[0].isupper() and not (x.isupper() or y.isupper()):
        return "edit"  # names: a spinner that keeps capitals rarely touches them
    px, py = lex.packed(xl), lex.packed(yl)
    if not px or not py:
        return "edit"
    masks = lex.masks
    shared = any(px & masks[c] and py & masks[c] for c in _CLASS_FLAGS)
    has_syn = (px >> GAP_SHIFT) & ZIPF_MASK or (py >> GAP_SHIFT) & ZIPF_MASK
    return "synonym" if shared and has_syn else "edit"


def topicality(pairs: list[tuple[str, str]], wa: list[str], wb: list[str]) -> float:
    """Mean vote in [-1, 1]: +1 when a pair's ``a`` word is the more topical one.

    A word is topical when words of its stem (first :data:`STEM_CHARS`
    letters) occur elsewhere in the two texts: the writer's word echoes the
    article's subject ("traitement" near "traiter"), a spinner's random
    synonym rarely does.

    >>> topicality([("traitement", "cure")], ["le", "traitement", "traiter"], ["la", "cure"])
    1.0
    """
    ca = Counter(w.lower()[:STEM_CHARS] for w in wa)
    cb = Counter(w.lower()[:STEM_CHARS] for w in wb)
    votes = 0
    for x, y in pairs:
        kx, ky = x.lower()[:STEM_CHARS], y.lower()[:STEM_CHARS]
        tx = ca[kx] - 1 + cb[kx]  # other occurrences of x's stem, in both texts
        ty = cb[ky] - 1 + ca[ky]
        votes += (tx > ty) - (ty > tx)
    return votes / len(pairs) if pairs else 0.0


def _naturalness(word: str, lex) -> float:
    """Zipf frequency minus the synonym gap: high for the plain, common choice."""
    p = lex.packed(word.lower())
    z = (p & ZIPF_MASK) / 10
    g = (p >> GAP_SHIFT) & ZIPF_MASK
    gap = max(0.0, (g - GAP_OFFSET) / 10) if g else 0.0
    return z - GAP_WEIGHT * gap


def align(wa: list[str], wb: list[str]) -> tuple[int, list[tuple[list[str], list[str]]], int, int]:
    """Align two word lists: ``(equal words, small replaced blocks, aligned a, aligned b)``.

    >>> align(["a", "b", "c"], ["a", "x", "c"])
    (2, [(['b'], ['x'])], 3, 3)
    """
    sm = SequenceMatcher(None, [w.lower() for w in wa], [w.lower() for w in wb], autojunk=False)
    equal = 0
    blocks = []
    al_a = al_b = 0
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            equal += i2 - i1
            al_a += i2 - i1
            al_b += j2 - j1
        elif op == "replace" and max(i2 - i1, j2 - j1) <= SUB_BLOCK_MAX:
            blocks.append((wa[i1:i2], wb[j1:j2]))
            al_a += i2 - i1
            al_b += j2 - j1
    return equal, blocks, al_a, al_b


def compare_texts(a: str, b: str, spin_direction: bool = True) -> Verdict:
    """Align two texts and classify the pair (see the module docstring).

    With ``spin_direction`` the spin detector's scores of both texts join
    the word-frequency evidence on which side is the source.
    """
    v = compare_words(_word_tokens(a), _word_tokens(b))
    if spin_direction and v.kind == "spun_copy":
        orient(v, a, b)
    return v


def orient(v: Verdict, a: str, b: str) -> Verdict:
    """Add the spin detector's view to the direction of a spun pair: the spun side scores higher.

    Its score is a calibrated probability-like value in [0, 1]; a text the
    detector cannot score (too short, not French) adds nothing.
    """
    from cleannews.errors import CleannewsError
    from cleannews.pipeline import spin_score

    try:
        sa, sb = spin_score(a).score, spin_score(b).score
    except (CleannewsError, ValueError):
        return v
    freq = v.direction
    v.direction = round(freq + SPIN_SCORE_WEIGHT * (sb - sa), 3)
    v.source = "a" if v.direction >= 0 else "b"
    v.spin_scores = (sa, sb)
    v.reason = spun_reason(v)
    return v


def spun_reason(v: Verdict) -> str:
    """The reason of a spun pair, its direction evidence told from the source's side.

    Each figure is the source's minus the copy's, whichever of ``a`` and ``b`` the
    source is (it used to be ``a`` minus ``b``: the same pair named in the other order
    read "source side: more common words (Δ -1.10)").

        >>> v = Verdict("spun_copy", 1.0, 1.0, 1.0, 9, 9, source="b", freq=-1.1, topic=0.0,
        ...             aligned_reason="100% aligned")
        >>> spun_reason(v).split("; ")[1]
        'the source against its copy: words more common by +1.10, more topical by +0.00'
    """
    sign = 1.0 if v.source == "a" else -1.0
    freq, topic = sign * v.freq + 0.0, sign * v.topic + 0.0  # + 0.0: no "-0.00"
    reason = (f"{v.aligned_reason}; the source against its copy: words more common by "
              f"{freq:+.2f}, more topical by {topic:+.2f}")
    if v.spin_scores is not None:
        sa, sb = v.spin_scores
        src, cp = (sa, sb) if v.source == "a" else (sb, sa)
        reason += f"; spin scores {src:.2f} (source) / {cp:.2f} (copy)"
    return reason


def compare_words(wa: list[str], wb: list[str]) -> Verdict:
    """:func:`compare_texts` on already tokenised words (original case)."""
    wa, wb = wa[:MAX_ALIGN_WORDS], wb[:MAX_ALIGN_WORDS]
    na, nb = len(wa), len(wb)
    if not na or not nb:
        return Verdict(None, 0.0, 0.0, 0.0, na, nb, reason="empty text")
    _equal, blocks, al_a, al_b = align(wa, wb)
    share_a, share_b = al_a / na, al_b / nb
    share = min(share_a, share_b)
    v = Verdict(None, round(share, 4), round(share_a, 4), round(share_b, 4), na, nb)
    furnished = max(share_a, share_b) >= FURNISHED_MIN_SHARE and share >= FURNISHED_MIN_OTHER
    if share < COPY_MIN_SHARE and not furnished:
        v.reason = f"only {share:.0%} of the longer text aligns"
        return v
    lex = get_lexicon()
    table = _skeleton_table()
    drop, _norm, function = table
    function = function | drop | frozenset(_norm)
    for xs, ys in blocks:
        if len(xs) == len(ys):
            pairs = list(zip(xs, ys, strict=True))
        else:  # unequal block: pair the content words in order, the rest is grammar
            cx = [x for x in xs if x.lower() not in function]
            cy = [y for y in ys if y.lower() not in function]
            pairs = list(zip(cx, cy, strict=False)) if len(cx) == len(cy) else [
                (" ".join(xs), " ".join(ys))]
            v.n_grammar += max(len(xs), len(ys)) - len(pairs)
        for x, y in pairs:
            kind = "edit" if " " in x or " " in y else _pair_kind(x, y, lex, table)
            if kind == "synonym":
                v.substitutions.append((x, y))
            elif kind == "swap":
                v.swaps.append((x, y))
            elif kind == "grammar":
                v.n_grammar += 1
            else:
                v.edits.append((x, y))
    aligned_content = max(1, sum(1 for w in wa if w.lower() not in function) * share_a)
    n_syn = len(v.substitutions)
    n_spin = n_syn + len(v.swaps)
    v.synonym_rate = round(n_spin / aligned_content, 4)
    n_sub = n_spin + len(v.edits)
    syn_share = n_spin / n_sub if n_sub else 0.0
    if (v.synonym_rate >= SPUN_MIN_RATE and n_spin >= SPUN_MIN_PAIRS and n_syn
            and syn_share >= SPUN_MIN_SYNONYM_SHARE):
        v.kind = "spun_copy"
        ev = [max(-DIRECTION_CLIP, min(DIRECTION_CLIP, _naturalness(x, lex) - _naturalness(y, lex)))
              for x, y in v.substitutions]
        freq = sum(ev) / len(ev)
        topic = topicality(v.substitutions, wa, wb)
        v.direction = round(freq + TOPIC_WEIGHT * topic, 3)
        v.source = "a" if v.direction >= 0 else "b"
        v.freq, v.topic = freq, topic
        v.aligned_reason = (f"{share:.0%} aligned; {n_syn} synonym swaps and {len(v.swaps)} "
                            f"function-word swaps ({v.synonym_rate:.0%} of content words), "
                            f"{len(v.edits)} other edits")
        v.reason = spun_reason(v)
    else:
        v.kind = "copy"
        v.reason = (f"{share:.0%} aligned; {n_syn} synonym-like swaps, "
                    f"{len(v.edits)} other edits")
    return v

"""Word profiles: (Zipf bin, synonym-gap bin, reading class) of a packed lexicon entry.

A profile says nothing about which word it is, only how common it is, how
much more common its most common synonym is, and what it can be (noun,
adjective, verb). ``data/word_llr.json`` gives each profile's log-likelihood
ratio "substitute vs original", learned from the training spins::

    >>> from cleannews.score._lexicon import get_lexicon
    >>> lex = get_lexicon()
    >>> substitute_llr(lex.packed("brumaire")) > substitute_llr(lex.packed("novembre"))
    True
"""

from __future__ import annotations

import math
import threading

from cleannews.score._lexicon import FLAG_SHIFT, GAP_OFFSET, GAP_SHIFT, ZIPF_MASK, load_json

__all__ = ["N_PROFILES", "SUBSTITUTE_PRIOR", "profile_of", "substitute_evidence", "substitute_llr"]

ZIPF_BINS = 16
GAP_BINS = 8
CLASS_BINS = 4
N_PROFILES = ZIPF_BINS * GAP_BINS * CLASS_BINS
#: Upper edges of the synonym-gap bins (bin 0 = no synonym entry).
GAP_EDGES = (0.0, 0.5, 1.0, 1.5, 2.0, 3.0)

_FLAGS = load_json("lexicon_flags.json")
_N, _A, _V = (_FLAGS[k] << FLAG_SHIFT for k in ("N", "A", "V"))
_LOCK = threading.Lock()
_LLR: list[float] | None = None
#: Prior share of a document's content words that a spinner replaced, for the
#: document-wide substitute evidence (``substitute_evidence``): a light spin (10-15 %)
#: leaves few substitutes, so a word that looks like an original costs little.
SUBSTITUTE_PRIOR = 0.05
_MIX: list[float] | None = None


def profile_of(packed: int) -> int:
    """Profile index of a packed lexicon entry (0 <= index < N_PROFILES).

    >>> profile_of(0)
    3
    """
    z = packed & ZIPF_MASK
    zbin = min(ZIPF_BINS - 1, z // 5)
    g = (packed >> GAP_SHIFT) & ZIPF_MASK
    if not g:
        gbin = 0
    else:
        gap = (g - GAP_OFFSET) / 10
        gbin = 1 + sum(gap >= e for e in GAP_EDGES)
    if packed & _V:
        cbin = 2
    elif packed & _A:
        cbin = 1
    elif packed & _N:
        cbin = 0
    else:
        cbin = 3
    return (zbin * GAP_BINS + gbin) * CLASS_BINS + cbin


def substitute_llr(packed: int) -> float:
    """Log-likelihood ratio that a content word with this entry is a spinner's substitute."""
    global _LLR
    if _LLR is None:
        with _LOCK:
            if _LLR is None:
                _LLR = load_json("word_llr.json")["llr"]
    return _LLR[profile_of(packed)]


def substitute_evidence(packed: int) -> float:
    """One content word's term of the document's substitute evidence (issue 11).

    ``log(1 - q + q * LR)`` with ``LR = exp(substitute_llr)`` and ``q = SUBSTITUTE_PRIOR``:
    the log-likelihood ratio of "a spinner replaced a share ``q`` of the words" against
    "no word was replaced", for this word alone. Summed over a document, it adds the
    few but consistent substitutes of a light spin instead of averaging them away (a
    word that looks like an original costs at most ``-log(1 - q)``); a word's term is
    bounded because ``substitute_llr`` is (``CLIP`` of ``tools/spin/build_word_llr.py``).

    >>> from cleannews.score._lexicon import get_lexicon
    >>> lex = get_lexicon()
    >>> substitute_evidence(lex.packed("brumaire")) > 0 > substitute_evidence(lex.packed("novembre"))
    True
    """
    global _MIX
    if _MIX is None:
        with _LOCK:
            if _MIX is None:
                q = SUBSTITUTE_PRIOR
                if _LLR is None:
                    substitute_llr(0)
                assert _LLR is not None
                _MIX = [math.log(1.0 - q + q * math.exp(v)) for v in _LLR]
    return _MIX[profile_of(packed)]

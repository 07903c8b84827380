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

import threading

from cleannews.score._lexicon import FLAG_SHIFT, GAP_OFFSET, GAP_SHIFT, ZIPF_MASK, load_json

__all__ = ["N_PROFILES", "PROFILE_BITS", "profile_of", "substitute_llr"]

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


#: The bits of a packed entry that ``profile_of`` reads (Zipf, synonym gap code, the N, A
#: and V readings): entries equal on these bits have one profile, so ``_features._llr_of``
#: memoises by them (13 k keys over the lexicon's 34 k distinct entries).
PROFILE_BITS = ZIPF_MASK | (ZIPF_MASK << GAP_SHIFT) | _N | _A | _V


def _gap_bin(g: int) -> int:
    """Synonym-gap bin of a gap code (0: no synonym entry)."""
    if not g:
        return 0
    gap = (g - GAP_OFFSET) / 10
    return 1 + sum(gap >= e for e in GAP_EDGES)


#: Zipf bin and gap bin of every 7-bit code, computed once (``profile_of`` reads them).
_ZIPF_BIN = tuple(min(ZIPF_BINS - 1, z // 5) for z in range(ZIPF_MASK + 1))
_GAP_BIN = tuple(map(_gap_bin, range(ZIPF_MASK + 1)))


def profile_of(packed: int) -> int:
    """Profile index of a packed lexicon entry (0 <= index < N_PROFILES).

    >>> profile_of(0)
    3
    """
    gbin = _GAP_BIN[(packed >> GAP_SHIFT) & ZIPF_MASK]
    if packed & _V:
        cbin = 2
    elif packed & _A:
        cbin = 1
    elif packed & _N:
        cbin = 0
    else:
        cbin = 3
    return (_ZIPF_BIN[packed & ZIPF_MASK] * GAP_BINS + gbin) * CLASS_BINS + cbin


def substitute_llr(packed: int) -> float:
    """Log-likelihood ratio that a content word with this entry is a spinner's substitute."""
    global _LLR
    if _LLR is None:
        with _LOCK:
            if _LLR is None:
                _LLR = load_json("word_llr.json")["llr"]
    return _LLR[profile_of(packed)]

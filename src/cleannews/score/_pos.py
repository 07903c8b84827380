"""Word-class bigram model: is this kind of word plausible between its neighbours?

Each token gets a coarse class: frequent function words are their own class,
other words the set of readings the lexicon gives them (noun, adjective,
finite verb, infinitive, participle …), plus classes for numbers, proper
names and punctuation. A bigram model of those classes, counted on clean
French (``tools/spin/build_pos_model.py``, UD training documents only),
gives each content word a context fit: pointwise mutual information with
its left and right neighbours. A spinner that swaps "été" (been) for
"canicule" (heat wave) leaves "a canicule entraîné": a noun where only a
participle fits.

    >>> m = get_pos_model()
    >>> m.fit("w:a", "r:N", "r:VPP") < m.fit("w:a", "r:VPP", "w:par")
    True
"""

from __future__ import annotations

import math
import threading

from cleannews.score._lexicon import FLAG_SHIFT, load_json

__all__ = ["CLASS_BITS", "PosModel", "get_pos_model", "word_class"]

#: Readings that make up a word's class, in this order.
CLASS_READINGS: tuple[str, ...] = ("N", "A", "VFIN", "VINF", "VPP", "VPPR", "ADV", "PREP")
#: Dirichlet smoothing of the bigram probabilities toward the unigram ones.
SMOOTHING = 5.0

_FLAGS = load_json("lexicon_flags.json")
CLASS_BITS: dict[str, int] = {r: _FLAGS[r] << FLAG_SHIFT for r in CLASS_READINGS}
_CLASS_CACHE: dict[int, str] = {}


def reading_class(packed: int) -> str:
    """Class name of a content word from its packed lexicon entry ("r:N+A", "UNK").

    >>> from cleannews.score._lexicon import get_lexicon
    >>> reading_class(get_lexicon().packed("maison"))
    'r:N'
    """
    key = packed >> FLAG_SHIFT
    name = _CLASS_CACHE.get(key)
    if name is None:
        parts = [r for r in CLASS_READINGS if packed & CLASS_BITS[r]]
        name = "r:" + "+".join(parts) if parts else "UNK"
        _CLASS_CACHE[key] = name
    return name


def word_class(tok: str, low: str, packed: int, function_words: frozenset[str]) -> str:
    """Class of one token.

    >>> word_class("de", "de", 0, frozenset({"de"}))
    'w:de'
    >>> word_class(",", ",", 0, frozenset())
    'p:,'
    """
    c0 = tok[0]
    if not c0.isalnum():
        if c0 in "'’":
            return "w:" + low[:-1] + "'"
        return "p:" + c0
    if low[-1] in "'’":
        return "w:" + low[:-1] + "'"
    if c0.isdigit():
        return "NUM"
    if low in function_words:
        return "w:" + low
    if c0.isupper() and not packed:
        return "PROPN"
    return reading_class(packed)


class PosModel:
    """Smoothed class bigram model with PMI-based context fit."""

    def __init__(self, spec: dict) -> None:
        uni: dict[str, int] = spec["unigram"]
        total = sum(uni.values()) + len(uni)
        self.log_uni = {c: math.log((n + 1) / total) for c, n in uni.items()}
        self.unk = math.log(1 / total)
        self.count = uni
        self.bigram: dict[tuple[str, str], int] = {}
        for key, n in spec["bigram"].items():
            a, _, b = key.partition(" ")
            self.bigram[(a, b)] = n
        self._cache: dict[tuple[str, str], float] = {}

    def pmi(self, prev: str, cur: str) -> float:
        """log P(cur | prev) - log P(cur), smoothed."""
        key = (prev, cur)
        v = self._cache.get(key)
        if v is None:
            lu = self.log_uni.get(cur, self.unk)
            n_prev = self.count.get(prev, 0)
            p = (self.bigram.get(key, 0) + SMOOTHING * math.exp(lu)) / (n_prev + SMOOTHING)
            v = math.log(p) - lu
            self._cache[key] = v
        return v

    def fit(self, prev: str, cur: str, nxt: str) -> float:
        """Context fit of class ``cur`` between ``prev`` and ``nxt`` (sum of both PMIs)."""
        return self.pmi(prev, cur) + self.pmi(cur, nxt)


_LOCK = threading.Lock()
_MODEL: PosModel | None = None


def get_pos_model() -> PosModel:
    """The shipped class bigram model, loaded once."""
    global _MODEL
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                _MODEL = PosModel(load_json("pos_bigrams.json"))
    return _MODEL

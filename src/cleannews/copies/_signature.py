"""Spin-robust signatures: word shingles, skeleton shingles and their MinHash.

A synonym spinner swaps content words and leaves the *skeleton* of a text
alone: function words, punctuation, number shapes and capitalised names (the
SpotSigs idea, here with every run of lower-case content words collapsed
into one slot). Skeleton shingles therefore survive a 50 % spin, while the
ordinary word shingles of the same pair are mostly destroyed:

    >>> a = tokens("Le ministre a annoncé mardi une hausse des prix de 3 %.")
    >>> b = tokens("Le ministre a déclaré mardi une augmentation des tarifs de 3 %.")
    >>> skeleton(a) == skeleton(b)
    True
    >>> words(a)[:4]
    ['le', 'ministre', 'a', 'annoncé']

MinHash values are computed with numpy (the ``cleannews[copies]`` extra):
``K`` multiply-shift hash functions over 64-bit shingle hashes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from cleannews.errors import MissingExtraError

try:
    import numpy as np
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise MissingExtraError("copy detection", "copies", "numpy") from exc

__all__ = [
    "SKELETON_N",
    "SKELETON_PERMS",
    "SLOT",
    "WORD_N",
    "WORD_PERMS",
    "Signature",
    "signature",
    "skeleton",
    "tokens",
    "words",
]

#: Length (in skeleton symbols) of a skeleton shingle.
SKELETON_N = 6
#: Length (in words) of a word shingle.
WORD_N = 5
#: MinHash functions over skeleton shingles / over word shingles.
SKELETON_PERMS = 96
WORD_PERMS = 32
#: Skeleton symbol standing for a run of content words.
SLOT = "_"
#: The token cache is cleared when it grows past this many entries (bounded memory).
CACHE_MAX = 500_000

TOKEN_RE = regex.compile(
    r"aujourd['’]hui|(?:jusqu|lorsqu|puisqu|quoiqu|presqu|qu|[cdjlmnst])['’](?=\w)"
    r"|\w+(?:[-.,]\d+|-\w+)*|[^\w\s]",
    regex.IGNORECASE,
)

_MASK64 = (1 << 64) - 1
_SEED = 0x5EED_C091_E5


@lru_cache(maxsize=1)
def _skeleton_table() -> tuple[frozenset[str], dict[str, str], frozenset[str]]:
    """The shipped skeleton word lists: (dropped, normalised, function words)."""
    path = resources.files("cleannews.copies").joinpath("data", "skeleton_fr.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return frozenset(data["drop"]), dict(data["normalise"]), frozenset(data["function"])


def tokens(text: str) -> list[str]:
    """Word, number and punctuation tokens of ``text``; elided clitics lose their apostrophe.

    >>> tokens("L’État n'a pas dit 3,5 %.")
    ['L', 'État', 'n', 'a', 'pas', 'dit', '3,5', '%', '.']
    """
    out = []
    for m in TOKEN_RE.finditer(text):
        t = m.group()
        if len(t) > 1 and t[-1] in "'’":
            t = t[:-1]
        out.append(t)
    return out


def words(toks: list[str]) -> list[str]:
    """The lower-cased words and numbers of a token list (punctuation left out).

    >>> words(["Le", "prix", ",", "3"])
    ['le', 'prix', '3']
    """
    return [t.lower() for t in toks if t[0].isalnum() or t[0] == "_"]


def skeleton_symbol(tok: str, prev_end: bool = False) -> str | None:
    """The skeleton symbol of one token: ``None`` (dropped), :data:`SLOT` or a literal.

    >>> [skeleton_symbol(t) for t in ["la", "maison", "du", "Paris", "12", ","]]
    [None, '_', 'de', 'paris', '##', ',']
    """
    drop, norm, function = _skeleton_table()
    low = tok.lower()
    if low in drop:
        return None
    low = norm.get(low, low)
    if low[0].isdigit():
        return "#" * min(len(low), 4)  # an updated figure keeps the skeleton
    if low in function or not low[0].isalpha():
        return low
    if tok[0].isupper():
        return low  # names and sentence starts: careful spinners leave them
    return SLOT


def skeleton(toks: list[str]) -> list[str]:
    """The skeleton of a token list: function words, punctuation, numbers, names, and slots.

    Consecutive content words share one slot, so a one-word synonym for a
    two-word phrase does not shift the skeleton.

    >>> skeleton(tokens("Il a vendu la vieille maison à Lyon."))
    ['il', 'a', '_', 'à', 'lyon', '.']
    """
    out: list[str] = []
    for t in toks:
        s = skeleton_symbol(t)
        if s is None or (s == SLOT and out and out[-1] == SLOT):
            continue
        out.append(s)
    return out


def _stable_hash(s: str) -> int:
    """A 64-bit hash of a string that is the same in every process (not Python's ``hash``)."""
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little")


class _TokenIds:
    """Cache: token -> (word hash, skeleton hash or 0 when dropped); bounded in size."""

    def __init__(self) -> None:
        self.cache: dict[str, tuple[int, int]] = {}
        self.slot = _stable_hash("\x00" + SLOT)

    def get(self, tok: str) -> tuple[int, int]:
        hit = self.cache.get(tok)
        if hit is not None:
            return hit
        if len(self.cache) >= CACHE_MAX:
            self.cache.clear()
        low = tok.lower()
        w = _stable_hash(low) if (tok[0].isalnum() or tok[0] == "_") else 0
        s = skeleton_symbol(tok)
        sh = 0 if s is None else (self.slot if s == SLOT else _stable_hash("\x00" + s))
        hit = self.cache[tok] = (w, sh)
        return hit


_IDS = _TokenIds()


def _perm_params(k: int, salt: int) -> tuple[np.ndarray, np.ndarray]:
    """``k`` (odd multiplier, offset) pairs of the multiply-shift hash family, fixed by seed."""
    rng = np.random.default_rng(_SEED + salt)
    a = rng.integers(1, 1 << 63, size=k, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 1 << 63, size=k, dtype=np.uint64)
    return a.reshape(k, 1), b.reshape(k, 1)


_PARAMS_S = _perm_params(SKELETON_PERMS, 1)
_PARAMS_W = _perm_params(WORD_PERMS, 2)
_MULTS = np.array(
    [(0x9E3779B97F4A7C15 * (2 * i + 1)) & _MASK64 for i in range(16)], dtype=np.uint64
)
_EMPTY_S = np.full(SKELETON_PERMS, 0xFFFFFFFF, dtype=np.uint32)
_EMPTY_W = np.full(WORD_PERMS, 0xFFFFFFFF, dtype=np.uint32)


def _shingle_hashes(ids: np.ndarray, n: int) -> np.ndarray:
    """64-bit hashes of the ``n``-grams of an id array (the whole array when shorter)."""
    m = len(ids) - n + 1
    if m <= 0:
        n, m = len(ids), 1
    h = ids[0:m] * _MULTS[0]
    for j in range(1, n):
        h = h + ids[j : j + m] * _MULTS[j]
    # splitmix64 finaliser: spreads the bits before the multiply-shift family
    h ^= h >> np.uint64(30)
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(27)
    h *= np.uint64(0x94D049BB133111EB)
    h ^= h >> np.uint64(31)
    return np.unique(h)


def _minhash(h: np.ndarray, params: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Minimum over shingles of each multiply-shift hash: the top 32 bits of ``a*x+b``."""
    a, b = params
    return ((a * h[None, :] + b) >> np.uint64(32)).min(axis=1).astype(np.uint32)


@dataclass(frozen=True)
class Signature:
    """MinHash of one document: skeleton part, word part, and sizes.

    ``n_words`` is the number of words; a document with fewer than
    ``min_words`` words gets no bands (it is never a candidate).
    """

    skeleton: np.ndarray
    words: np.ndarray
    n_words: int
    n_skeleton: int

    def to_bytes(self) -> bytes:
        """Compact serialisation (``SKELETON_PERMS + WORD_PERMS`` uint32 + 2 sizes)."""
        head = np.array([self.n_words, self.n_skeleton], dtype=np.uint32)
        return b"".join(a.astype("<u4").tobytes() for a in (head, self.skeleton, self.words))

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        """Inverse of :meth:`to_bytes`."""
        arr = np.frombuffer(data, dtype="<u4").astype(np.uint32)
        if len(arr) != 2 + SKELETON_PERMS + WORD_PERMS:
            raise ValueError("not a cleannews copy signature (wrong length)")
        return cls(arr[2 : 2 + SKELETON_PERMS], arr[2 + SKELETON_PERMS :], int(arr[0]),
                   int(arr[1]))


def signature(text: str) -> Signature:
    """The :class:`Signature` of a text (skeleton shingles and word shingles, MinHashed).

    >>> s1 = signature("Le ministre a annoncé mardi une hausse des prix de 3 %.")
    >>> s2 = signature("Le ministre a déclaré mardi une augmentation des tarifs de 3 %.")
    >>> bool((s1.skeleton == s2.skeleton).all()), bool((s1.words == s2.words).mean() < 0.5)
    (True, True)
    """
    get = _IDS.get
    wids: list[int] = []
    sids: list[int] = []
    slot = _IDS.slot
    for m in TOKEN_RE.finditer(text):
        t = m.group()
        if len(t) > 1 and t[-1] in "'’":
            t = t[:-1]
        w, s = get(t)
        if w:
            wids.append(w)
        if s and not (s == slot and sids and sids[-1] == slot):
            sids.append(s)
    if not wids:
        return Signature(_EMPTY_S, _EMPTY_W, 0, 0)
    sk = _minhash(_shingle_hashes(np.array(sids, dtype=np.uint64), SKELETON_N), _PARAMS_S)
    wd = _minhash(_shingle_hashes(np.array(wids, dtype=np.uint64), WORD_N), _PARAMS_W)
    return Signature(sk, wd, len(wids), len(sids))

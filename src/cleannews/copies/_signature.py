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
one-permutation MinHash with densification over 64-bit shingle hashes.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import chain

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
    "signatures",
    "skeleton",
    "tokens",
    "words",
]

#: Length (in skeleton symbols) of a skeleton shingle.
SKELETON_N = 6
#: Length (in words) of a word shingle.
WORD_N = 5
#: MinHash values (bins) over skeleton shingles / over word shingles.
SKELETON_PERMS = 96
WORD_PERMS = 32
#: Skeleton symbol standing for a run of content words.
SLOT = "_"
#: Documents per numpy batch in :func:`signatures`.
CHUNK_DOCS = 64
#: The token cache is cleared when it grows past this many entries (bounded memory).
CACHE_MAX = 500_000

#: Words (an elided clitic keeps its apostrophe: ``l’``, ``qu'``) and single punctuation
#: marks. No nested quantifier, so stdlib ``re`` is linear here (and 25 % faster than
#: ``regex`` on this pattern).
TOKEN_RE = re.compile(r"\w+(?:['’](?=\w))?|[^\w\s]")

_MASK64 = (1 << 64) - 1


@lru_cache(maxsize=1)
def _skeleton_table() -> tuple[frozenset[str], dict[str, str], frozenset[str]]:
    """The shipped skeleton word lists: (dropped, normalised, function words)."""
    path = resources.files("cleannews.copies").joinpath("data", "skeleton_fr.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return frozenset(data["drop"]), dict(data["normalise"]), frozenset(data["function"])


def tokens(text: str) -> list[str]:
    """Word, number and punctuation tokens of ``text``; elided clitics lose their apostrophe.

    >>> tokens("L’État n'a pas dit 3,5 %.")
    ['L', 'État', 'n', 'a', 'pas', 'dit', '3', ',', '5', '%', '.']
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


def skeleton_symbol(tok: str) -> str | None:
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
    """Caches token -> word hash (0 for punctuation) and token -> skeleton hash (0: dropped).

    Bounded: both are cleared when they pass :data:`CACHE_MAX` entries.
    """

    def __init__(self) -> None:
        self.word: dict[str, int] = {}
        self.skel: dict[str, int] = {}
        self.slot = _stable_hash("\x00" + SLOT)

    def fill(self, toks: set[str], missing: set[str]) -> None:
        """Add the ``missing`` tokens of a document whose token set is ``toks``."""
        if len(self.word) + len(missing) >= CACHE_MAX:
            self.word.clear()
            self.skel.clear()
            missing = toks
        for tok in missing:
            t = tok[:-1] if len(tok) > 1 and tok[-1] in "'’" else tok
            self.word[tok] = _stable_hash(t.lower()) if (t[0].isalnum() or t[0] == "_") else 0
            sym = skeleton_symbol(t)
            self.skel[tok] = 0 if sym is None else (
                self.slot if sym == SLOT else _stable_hash("\x00" + sym))


_IDS = _TokenIds()


_MULTS = np.array(
    [(0x9E3779B97F4A7C15 * (2 * i + 1)) & _MASK64 for i in range(16)], dtype=np.uint64
)
_EMPTY32 = 0xFFFFFFFF
#: Odd constant added per step of distance to a densified (borrowed) bin value.
_DENSIFY = 0x9E3779B1
_EMPTY_S = np.full(SKELETON_PERMS, 0xFFFFFFFF, dtype=np.uint32)
_EMPTY_W = np.full(WORD_PERMS, 0xFFFFFFFF, dtype=np.uint32)


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
    return signatures([text])[0]


def signatures(texts: list[str]) -> list[Signature]:
    """:func:`signature` of many texts, computed :data:`CHUNK_DOCS` documents at a time.

    Batching matters: numpy's per-call overhead is paid once per chunk, not
    once per document.

    >>> [s.n_words for s in signatures(["Un deux trois.", "", "Quatre"])]
    [3, 0, 1]
    """
    out: list[Signature] = []
    for start in range(0, len(texts), CHUNK_DOCS):
        out.extend(_chunk_signatures(texts[start : start + CHUNK_DOCS]))
    return out


def _chunk_signatures(texts: list[str]) -> list[Signature]:
    """Signatures of one chunk: one token stream, shingles that never cross documents."""
    tok_lists = [TOKEN_RE.findall(t) for t in texts]
    toks = list(chain.from_iterable(tok_lists))
    ids = _IDS
    uniq = set(toks)
    missing = uniq.difference(ids.word)
    if missing:
        ids.fill(uniq, missing)
    n = len(toks)
    w = np.fromiter(map(ids.word.__getitem__, toks), dtype=np.uint64, count=n)
    sk = np.fromiter(map(ids.skel.__getitem__, toks), dtype=np.uint64, count=n)
    doc = np.repeat(np.arange(len(texts)), [len(t) for t in tok_lists])
    keep_w = w != 0
    wids, wdoc = w[keep_w], doc[keep_w]
    keep_s = sk != 0
    sids, sdoc = sk[keep_s], doc[keep_s]
    if len(sids) > 1:  # one slot per run of content words (within a document)
        is_slot = sids == np.uint64(ids.slot)
        dup = is_slot[1:] & is_slot[:-1] & (sdoc[1:] == sdoc[:-1])
        first = np.concatenate(([True], ~dup))
        sids, sdoc = sids[first], sdoc[first]
    ndocs = len(texts)
    n_words = np.bincount(wdoc, minlength=ndocs)
    n_skel = np.bincount(sdoc, minlength=ndocs)
    skel = _batched_minhash(sids, sdoc, n_skel, SKELETON_N, SKELETON_PERMS)
    words_ = _batched_minhash(wids, wdoc, n_words, WORD_N, WORD_PERMS)
    out = []
    for d in range(ndocs):
        if not n_words[d]:
            out.append(Signature(_EMPTY_S, _EMPTY_W, 0, 0))
        else:
            out.append(Signature(skel[d], words_[d], int(n_words[d]), int(n_skel[d])))
    return out


def _batched_minhash(ids: np.ndarray, doc: np.ndarray, counts: np.ndarray, n: int,
                     k: int) -> np.ndarray:
    """One-permutation MinHash ``(n_docs, k)`` of each document's ``n``-gram shingles.

    Each shingle is hashed once (64 bits): its high half picks one of ``k``
    bins, its low half is the value kept if it is the bin's minimum. Empty
    bins borrow the value of the next non-empty bin to the right (circular),
    shifted by the distance ("densification", Shrivastava 2017), so two
    documents still agree on a bin with probability ≈ their Jaccard
    similarity. ``k`` times less hashing than ``k`` permutations.

    A document shorter than ``n`` gets one shingle of all its ids; a
    document without ids gets the all-``0xFFFFFFFF`` (empty) signature.
    """
    ndocs = len(counts)
    out = np.full((ndocs, k), _EMPTY32, dtype=np.uint64)
    size = len(ids)
    if not size:
        return out.astype(np.uint32)
    pad_ids = np.concatenate((ids, np.zeros(n - 1, dtype=np.uint64)))
    pad_doc = np.concatenate((doc, np.full(n - 1, -1, dtype=doc.dtype)))
    h = ids * _MULTS[0]
    for j in range(1, n):
        same = pad_doc[j : j + size] == doc
        h = h + np.where(same, pad_ids[j : j + size], np.uint64(0)) * _MULTS[j]
    full = pad_doc[n - 1 : n - 1 + size] == doc
    starts = np.concatenate(([True], doc[1:] != doc[:-1]))
    keep = full | (starts & (counts[doc] < n))
    h, hdoc = h[keep], doc[keep]
    # splitmix64 finaliser: spreads the bits before binning
    h ^= h >> np.uint64(30)
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(27)
    h *= np.uint64(0x94D049BB133111EB)
    h ^= h >> np.uint64(31)
    bins = ((h >> np.uint64(32)) * np.uint64(k)) >> np.uint64(32)
    flat = out.reshape(-1)
    np.minimum.at(flat, hdoc.astype(np.uint64) * np.uint64(k) + bins, h & np.uint64(_EMPTY32))
    empty = out == _EMPTY32
    has_any = ~empty.all(axis=1)
    todo = empty & has_any[:, None]
    shift = 1
    while todo.any() and shift < k:
        donor = np.roll(out, -shift, axis=1)
        ok = todo & (np.roll(empty, -shift, axis=1) == 0)
        out[ok] = (donor[ok] + np.uint64(shift) * np.uint64(_DENSIFY)) & np.uint64(_EMPTY32 - 1)
        todo &= ~ok
        shift += 1
    return out.astype(np.uint32)

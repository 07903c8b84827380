r"""Collocation table: was this adjacent word pair seen in real French?

``data/context_words.txt.gz`` and ``data/context_pairs.u64.gz`` (built by
``tools/spin/build_context_table.py`` from counts over ~13.5 million words of real
French; not shipped while the model gives collocations no weight) hold, for the words
frequent enough to matter, their counts, and the set of
adjacent pairs seen at least 3 times among those that independence predicts at least
``e_min`` times. A spinner's substitute breaks the collocations of the word it
replaces ("prendre une décision" -> "prendre une résolution" is fine, "saisir une
décision" is not), even when it picks a common synonym::

    >>> t = ContextTable("1000\t3.0\nde\t100\nla\t60\nle\t50\n", bytes(8))  # pair 0*3+0
    >>> t.surprising("de", "la"), t.surprising("la", "de")
    (6.0, 6.0)
    >>> t.surprising("de", "de") is None     # seen
    True
"""

from __future__ import annotations

import bisect
import gzip
import json
import math
import sys
import threading
from array import array
from importlib import resources

__all__ = [
    "ContextTable",
    "CountTable",
    "decode_count",
    "encode_count",
    "get_context_table",
    "get_count_table",
    "norm_token",
]

#: Pair counts up to this value are stored exactly in one byte; above it, on a log scale
#: (``COUNT_STEPS`` codes per doubling).
COUNT_EXACT = 127
COUNT_STEPS = 16


def norm_token(tok: str) -> str:
    """The count table's spelling of a token: lower case, straight apostrophe, ``<num>``.

    >>> norm_token("L’"), norm_token("2023"), norm_token("Paris")
    ("l'", '<num>', 'paris')
    """
    if tok[0].isdigit():
        return "<num>"
    return tok.lower().replace("’", "'")


class ContextTable:
    """Word ids and counts, and the set of seen pair keys."""

    def __init__(self, words: str, pairs: bytes, synonyms: str = "") -> None:
        lines = words.split("\n")
        n, e_min = lines[0].split("\t")
        self.n = int(n)
        self.e_min = float(e_min)
        self.ids: dict[str, tuple[int, int]] = {}
        for i, line in enumerate(lines[1:]):
            if line:
                w, c = line.split("\t")
                self.ids[w] = (i, int(c))
        self.v = len(self.ids)
        keys = array("Q")
        keys.frombytes(pairs)
        if sys.byteorder != "little":
            keys.byteswap()
        self.pairs = set(keys)
        self.synonyms: dict[int, tuple[int, ...]] = {}
        for line in synonyms.split("\n"):
            if line:
                i, _, rest = line.partition("\t")
                self.synonyms[int(i)] = tuple(int(x) for x in rest.split())

    def entry(self, tok: str) -> tuple[int, int] | None:
        """``(id, count)`` of a token, or ``None`` when it is not in the table."""
        return self.ids.get(norm_token(tok))

    def surprising(self, a: str, b: str) -> float | None:
        """Expected count of the pair ``a b`` when it was never seen (3+ times) although
        independence predicts at least ``e_min``; ``None`` otherwise."""
        ea, eb = self.entry(a), self.entry(b)
        if ea is None or eb is None:
            return None
        return self.check(ea, eb)

    def check(self, ea: tuple[int, int], eb: tuple[int, int]) -> float | None:
        """``surprising`` on two table entries."""
        e = ea[1] * eb[1] / self.n
        if e < self.e_min or ea[0] * self.v + eb[0] in self.pairs:
            return None
        return e

    def synonym_fits(self, a: tuple[int, int], w: tuple[int, int], left: bool) -> bool:
        """True when some thesaurus synonym of ``w`` forms a seen pair with neighbour ``a``
        (``a`` on the left when ``left``): a French writer would have put it here."""
        v, pairs, ai = self.v, self.pairs, a[0]
        for s in self.synonyms.get(w[0], ()):
            if (ai * v + s if left else s * v + ai) in pairs:
                return True
        return False


_LOCK = threading.Lock()
_TABLE: ContextTable | None = None


def get_context_table() -> ContextTable:
    """The shipped collocation table, loaded once (thread-safe)."""
    global _TABLE
    if _TABLE is None:
        with _LOCK:
            if _TABLE is None:
                data = resources.files("cleannews.score").joinpath("data")
                w, p = data.joinpath("context_words.txt.gz"), data.joinpath("context_pairs.u64.gz")
                sy = data.joinpath("context_synonyms.txt.gz")
                if w.is_file() and p.is_file():
                    words = gzip.decompress(w.read_bytes()).decode("utf-8")
                    syn = gzip.decompress(sy.read_bytes()).decode("utf-8") if sy.is_file() else ""
                    _TABLE = ContextTable(words, gzip.decompress(p.read_bytes()), syn)
                else:  # not shipped: an empty table (no pair is ever checked)
                    _TABLE = ContextTable("1\t1e30\n", b"")
    return _TABLE


def encode_count(c: int) -> int:
    """One-byte code of a pair count: exact up to ``COUNT_EXACT``, then logarithmic.

    >>> encode_count(5), encode_count(127), decode_count(encode_count(1000))
    (5, 127, 1016)
    """
    if c <= COUNT_EXACT:
        return c
    return min(255, COUNT_EXACT + round(COUNT_STEPS * math.log2(c / COUNT_EXACT)))


def decode_count(code: int) -> int:
    """The count a code stands for (``encode_count``'s inverse, rounded on the log part).

    >>> decode_count(12), decode_count(143)
    (12, 254)
    """
    if code <= COUNT_EXACT:
        return code
    return round(COUNT_EXACT * 2 ** ((code - COUNT_EXACT) / COUNT_STEPS))


class CountTable:
    """Word and adjacent-pair counts of clean modern French, searched without a pair dict.

    Layout (``tools/spin/build_context_clean.py``): vocabulary in id order (most frequent
    first), ``counts`` (``array('I')``), and for each left word ``a`` the sorted ids of its
    right neighbours ``right[offsets[a]:offsets[a + 1]]`` (``array('H')``) with one-byte
    count codes ``codes`` (``encode_count``); a pair is found by binary search in its row::

        >>> t = CountTable.from_parts(["de", "la", "ville"], [50, 30, 10], {(0, 1): 20})
        >>> t.pair("de", "la"), t.pair("la", "de"), t.count("ville"), t.count("zzz")
        (20, 0, 10, 0)
    """

    def __init__(self, blob: bytes) -> None:
        if not blob.startswith(b"CNCTX1\n"):
            raise ValueError("not a context count table")
        nl = blob.index(b"\n", 7)
        head = json.loads(blob[7:nl])
        end = blob.index(b"\n\0", nl + 1)
        words = blob[nl + 1 : end].decode("utf-8").split("\n") if end > nl + 1 else []
        self.n: int = head["n"]
        self.ids: dict[str, int] = {w: i for i, w in enumerate(words)}
        v, pos = len(words), end + 2
        arrays = []
        for code, size, length in (("I", 4, v), ("I", 4, v + 1), ("H", 2, head["pairs"]),
                                   ("B", 1, head["pairs"])):
            a = array(code)
            a.frombytes(blob[pos : pos + size * length])
            if sys.byteorder != "little":
                a.byteswap()
            arrays.append(a)
            pos += size * length
        self.counts, self.offsets, self.right, self.codes = arrays

    @classmethod
    def from_parts(cls, words: list[str], counts: list[int],
                   pairs: dict[tuple[int, int], int]) -> CountTable:
        """A table from Python objects (tests and examples)."""
        head = json.dumps({"n": sum(counts), "v": len(words), "pairs": len(pairs)})
        offsets, right, codes = array("I", [0]), array("H"), array("B")
        for a in range(len(words)):
            for (x, b), c in sorted(pairs.items()):
                if x == a:
                    right.append(b)
                    codes.append(encode_count(c))
            offsets.append(len(right))
        parts = [array("I", counts), offsets, right, codes]
        if sys.byteorder != "little":
            for p in parts:
                p.byteswap()
        blob = b"CNCTX1\n" + head.encode() + b"\n" + "\n".join(words).encode() + b"\n\0"
        return cls(blob + b"".join(p.tobytes() for p in parts))

    def __len__(self) -> int:
        return len(self.ids)

    def count(self, w: str) -> int:
        """Occurrences of a (normalised) word; 0 when it is not in the vocabulary."""
        i = self.ids.get(w)
        return 0 if i is None else self.counts[i]

    def pair_ids(self, a: int, b: int) -> int:
        """Occurrences of the adjacent pair of word ids ``a b`` (0: fewer than the minimum)."""
        lo, hi = self.offsets[a], self.offsets[a + 1]
        k = bisect.bisect_left(self.right, b, lo, hi)
        if k < hi and self.right[k] == b:
            return decode_count(self.codes[k])
        return 0

    def pair(self, a: str, b: str) -> int:
        """Occurrences of the adjacent pair ``a b`` of normalised words."""
        ia, ib = self.ids.get(a), self.ids.get(b)
        if ia is None or ib is None:
            return 0
        return self.pair_ids(ia, ib)


_COUNTS: CountTable | None = None


def get_count_table() -> CountTable:
    """The shipped clean count table (``data/context_counts.bin.gz``), loaded once."""
    global _COUNTS
    if _COUNTS is None:
        with _LOCK:
            if _COUNTS is None:
                p = resources.files("cleannews.score").joinpath("data/context_counts.bin.gz")
                if p.is_file():
                    _COUNTS = CountTable(gzip.decompress(p.read_bytes()))
                else:
                    _COUNTS = CountTable.from_parts([], [], {})
    return _COUNTS

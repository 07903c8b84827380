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

import gzip
import sys
import threading
from array import array
from importlib import resources

__all__ = ["ContextTable", "get_context_table", "norm_token"]


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

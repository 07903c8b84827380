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
import re
import sys
import threading
from array import array
from collections import Counter, _count_elements
from collections.abc import Iterator
from functools import cache, reduce
from importlib import resources
from itertools import accumulate, compress, count, islice, repeat
from operator import add

import regex

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


def quarantine_logit(q: float) -> float:
    """The logit of the quarantine score ``q`` (``inf`` at 1, ``-inf`` at 0): where the
    context term's clamp and the quarantine rule compare logits.

    >>> quarantine_logit(0.5), quarantine_logit(1.0), quarantine_logit(0.0)
    (0.0, inf, -inf)
    """
    if q >= 1.0:
        return math.inf
    if q <= 0.0:
        return -math.inf
    return math.log(q / (1.0 - q))


_LOCK = threading.RLock()  # re-entrant: the term's loader asks for the count table
_LOADED: dict[str, object] = {}


def _load_once(key: str, build):
    """``build()``'s result, built once per process under one lock (double-checked) and
    kept under ``key``; the four shipped resources of this module load through it.

    >>> _load_once("_doctest", lambda: [1]) is _load_once("_doctest", lambda: [2])
    True
    """
    value = _LOADED.get(key)
    if value is None:
        with _LOCK:
            value = _LOADED.get(key)
            if value is None:
                value = _LOADED[key] = build()
    return value


def _data():
    """The package's ``score/data`` folder."""
    return resources.files("cleannews.score").joinpath("data")


def _build_context_table() -> ContextTable:
    data = _data()
    w, p = data.joinpath("context_words.txt.gz"), data.joinpath("context_pairs.u64.gz")
    sy = data.joinpath("context_synonyms.txt.gz")
    if w.is_file() and p.is_file():
        words = gzip.decompress(w.read_bytes()).decode("utf-8")
        syn = gzip.decompress(sy.read_bytes()).decode("utf-8") if sy.is_file() else ""
        return ContextTable(words, gzip.decompress(p.read_bytes()), syn)
    return ContextTable("1\t1e30\n", b"")  # not shipped: an empty table (no pair is checked)


def get_context_table() -> ContextTable:
    """The shipped collocation table, loaded once (thread-safe)."""
    return _load_once("table", _build_context_table)


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


def _build_count_table() -> CountTable:
    p = _data().joinpath("context_counts.bin.gz")
    if p.is_file():
        return CountTable(gzip.decompress(p.read_bytes()))
    return CountTable.from_parts([], [], {})


def get_count_table() -> CountTable:
    """The shipped clean count table (``data/context_counts.bin.gz``), loaded once."""
    return _load_once("counts", _build_count_table)


# --- The context term (spin-context3 round, wired in by spin-wire) ----------------------------
#
# Per checked content word ``w`` (a table word with single-word synonyms of MyThes splits "A"
# and "T", ``data/context_synonyms_at6.txt.gz``: its 6 most frequent ones; spin-term5), a
# Dirichlet-smoothed bigram model of the count table scores the word's slot, ``slot(x) =
# log P(x | left) + log P(right | x) - log P(right)``, and ``gain = (slot(s*) - log P(s*)) -
# (slot(w) - log P(w))`` with ``s*`` the synonym that fits best: how much better a synonym fits
# here than the word, frequency removed. Back-off (``backoff``): a neighbour with which neither
# the word nor any synonym was ever seen is read as no neighbour (an unseen context only
# compares frequencies). ``mean_gain`` (gains clipped to ``gain_clip``, with a prior of
# ``prior_words`` words at 0) in UD-clean standard deviations above their median gives
# ``term = min(cap, w * max(0, z - b)) * (1 - P(other register)) ** gate_power``, the gate a
# logistic regression over a spin-invariant style vector (function-word, marker and
# punctuation rates, sentence and word length). Constants: ``data/context_term.json``.

#: The tokenizer of the count table's builder (``tools/spin/build_context.py``): elided
#: clitics split off, numbers as ``<num>``, punctuation kept as boundary tokens.
CONTEXT_TOKEN = regex.compile(
    r"aujourd'hui|prud'hom\p{L}*|presqu'île|\p{L}+'|\p{L}+(?:-\p{L}+)*|\d+(?:[.,]\d+)*"
    r"|[.,;:!?()«»\"…]"
)
#: Punctuation tokens: a slot's neighbour is never one of them.
CONTEXT_BREAK = frozenset(".,;:!?()«»\"…")
#: Code points whose text ``_fast_tokenizer``'s ``re`` pattern may split (where it reads
#: letters and digits as ``CONTEXT_TOKEN`` does, checked when it is built): Latin, Greek,
#: Cyrillic, phonetic and Latin extensions (``ᵉ``), punctuation, currency, letter-like,
#: number forms, arrows and technical symbols, Latin ligatures.
FAST_TOKEN_RANGES = ((0x0000, 0x052F), (0x1D00, 0x1EFF), (0x2000, 0x2BFF), (0xFB00, 0xFB06))


def _fast_tokenizer():
    """``(pattern, unsafe)``: ``CONTEXT_TOKEN`` as a stdlib ``re`` pattern (about 1.6x
    faster; possessive quantifiers where the ``re`` module has them), and the ``search`` of
    a character it may not read alike; a piece where ``unsafe`` finds nothing is split
    into exactly ``CONTEXT_TOKEN``'s tokens.

    Built from the two engines themselves: ``\\p{L}`` becomes the class of the characters
    of ``FAST_TOKEN_RANGES`` that both call a letter (``regex``'s ``\\p{L}`` and ``re``'s
    ``[^\\W\\d_]``: not ``²``, ``½``, ``Ⅻ``, which ``re`` counts as alphanumeric); a
    character of those ranges on which the engines still disagree (letter or ``\\d``: their
    Unicode versions differ), and every character outside them, is unsafe. On the safe
    characters the class holds where the form before round 38 held (``[^\\W\\d_]`` minus
    ``²``, ``½``, ``Ⅻ`` …), but it lists ranges only (all in the Basic Multilingual Plane),
    which ``re`` compiles into a lookup table: one test per character instead of two Unicode
    category tests and a scan of the excluded ranges (about 30 % fewer instructions for the
    ``findall`` of a news paragraph)::

        >>> fast, unsafe = _fast_tokenizer()
        >>> fast.findall("l'état, 2,5 % au xixᵉ siècle²")
        ["l'", 'état', ',', '2,5', 'au', 'xixᵉ', 'siècle']
        >>> unsafe("xixᵉ siècle") is None, unsafe("😀") is None
        (True, False)
    """
    import re

    chars = "".join(chr(c) for a, b in FAST_TOKEN_RANGES for c in range(a, b + 1))
    is_letter = set(regex.findall(r"\p{L}", chars))
    re_letter = set(re.findall(r"[^\W\d_]", chars))
    digits_differ = set(regex.findall(r"\d", chars)) ^ set(re.findall(r"\d", chars))
    bad = (is_letter - re_letter) | digits_differ  # read differently: unsafe

    def ranges(cps: list[int]) -> str:
        runs, start = [], None
        for i, cp in enumerate(cps):
            if start is None:
                start = cp
            if i + 1 == len(cps) or cps[i + 1] != cp + 1:
                runs.append(f"\\u{start:04x}-\\u{cp:04x}" if cp > start else f"\\u{cp:04x}")
                start = None
        return "".join(runs)

    # ranges only: ``re`` tests a character against them in one table lookup
    letter = "[" + ranges(sorted(map(ord, is_letter & re_letter))) + "]"
    unsafe = re.compile("[^" + ranges([ord(c) for c in chars if c not in bad]) + "]").search
    tail = r"|[.,;:!?()«»\"…]"
    try:  # possessive: every quantified item is followed by nothing it could give back to
        pattern = re.compile(
            rf"aujourd'hui|prud'hom{letter}*+|presqu'île|{letter}++(?:'|(?:-{letter}++)*+)"
            rf"|\d++(?:[.,]\d+)*+" + tail
        )
    except re.error:  # Python 3.10: the same pattern, greedy
        pattern = re.compile(
            rf"aujourd'hui|prud'hom{letter}*|presqu'île|{letter}+'|{letter}+(?:-{letter}+)*"
            rf"|\d+(?:[.,]\d+)*" + tail
        )
    return pattern, unsafe
#: A decimal digit (``CONTEXT_TOKEN``'s ``\d``): a piece without one has no number token.
_DIGIT = regex.compile(r"\d")
#: ``ContextTerm._reading`` keeps a text's reading for the other term only up to this many
#: characters (the spin scan's block, ``_features.BLOCK_CHARS``, whose tokens it holds at
#: once too); a longer text is read piece by piece, twice, in bounded memory.
READING_MEMO_CHARS = 1 << 14
#: ``ContextTerm.analyse`` computes the gains of a document's pieces in batches of about this
#: many tokens (``_batches``: whole pieces; bounded memory on long texts; a batch's arrays
#: take about 150 bytes a token: at 16,384 tokens the scan of a giant line peaked at 4.8 MB,
#: over ``tests/test_spin_memory.py``'s 4 MB bound; at 4,096, 2.0 MB; a news article holds
#: fewer tokens than one batch, so its gains take one numpy pass either way) …
GAINS_BATCH_TOKENS = 1 << 12
#: … with numpy (``_batch_gains``) when a batch has at least this many tokens (below, the
#: per-piece loop ``_para_gains`` is as fast: numpy's calls cost a fixed time each).
GAINS_VECTOR_MIN_TOKENS = 64
#: The last reading of this thread (``ContextTerm._reading``): ``kept`` = ``(text, count
#: table, pieces, style)``, taken by the first term that reads the same text again;
#: ``style`` = ``(text, count table, style)`` of the last complete reading (any length),
#: taken by ``ContextTerm.register`` (``_style_of``).
_READING_MEMO = threading.local()


#: Characters after which a capital letter may start a sentence, quoted or not (a piece's
#: first word too): sentence ends, a colon, quotes, an opening bracket, dashes and bullets.
SENTENCE_OPENERS = ".!?…:«»\"“”‹›([—–\\-•·*"
#: A capital letter where no sentence starts ("la Coupe du monde", "son Vie future",
#: "l'État"): the first non-space character before it is not one of ``SENTENCE_OPENERS``.
NAME_CAPITAL = regex.compile(r"(?<=[^\s" + SENTENCE_OPENERS + r"]\s*)\p{Lu}")


def name_starts(piece: str) -> frozenset[int]:
    """Offsets in ``piece`` of the capital letters written where no sentence starts: a
    proper name or a title ("la Coupe du monde", "la Palme d'or", "son Vie future"), whose
    word the context term does not read as a writer's choice of a common word
    (``ContextTerm._read_pieces``). A capital that may start a sentence (the piece's start,
    after a sentence end, a colon, a quote or a dash) is read as written.

    >>> p = "Il gagne la Coupe du monde. Puis : « Merci » — Oui, son Vie future, l'État"
    >>> sorted(p[i:i + 4] for i in name_starts(p))
    ['Coup', 'Vie ', 'État']
    """
    return frozenset(m.start() for m in NAME_CAPITAL.finditer(piece))


#: Elided articles that cannot stand before a consonant ("l'Collège") and articles that must
#: elide before a vowel ("la Arrêt", "du Exposé"): around a capitalised word, the mark of a
#: spinner that replaced a word of a name and kept its capital (``spun_name``).
ELIDED_ARTICLES = frozenset(("l'", "d'"))
FULL_ARTICLES = frozenset(("le", "la", "de", "du", "au"))


def spun_name(before: str, word: str) -> bool:
    """True when the article ``before`` a capitalised word (both folded, ``fold``) does not
    fit its initial: a writer elides before a vowel and only there, a spinner that put
    "Collège" for "Académie" or "Arrêt" for "Article" keeps the old article ("l'Collège",
    "la Arrêt"): such a name's word is read as a choice of words (the development spins
    of ``fixtures/spin/validation.jsonl.gz`` hold 113 of them; no human text of the
    development sets had one).

    >>> spun_name("l'", "collège"), spun_name("la", "arrêt"), spun_name("l'", "académie")
    (True, True, False)
    >>> spun_name("la", "coupe"), spun_name("l'", "hôtel"), spun_name("de", "onze")
    (False, False, False)
    """
    from cleannews.score._features import NO_ELISION_BEFORE, _starts_with_vowel

    if before in ELIDED_ARTICLES:
        return not _starts_with_vowel(word) and word[:1] != "h"
    return before in FULL_ARTICLES and _starts_with_vowel(word) and word not in NO_ELISION_BEFORE


def agreement_clash(before: str, word: str, written: str, next_capital: bool) -> bool:
    """True when the article ``before`` a capitalised word (both folded; ``written``: the
    word as written; ``next_capital``: the next word too is a name's capital) cannot agree
    with it in gender or number: a spinner that put "Pouvoir" for "Commission" or
    "Fiscalité" for "Finances" kept the old article ("la Pouvoir", "Le Planète", "des
    Fiscalité"; 57 of the 299 checked words in names of ``fixtures/spin/validation.jsonl.gz``
    that ``spun_name`` left out).
    The word must be a thesaurus word of the lexicon (a spinner's substitute is one) with
    noun (and adjective) readings of the other gender only, or a singular-only noun after
    a plural article, written with a capital and lower case after it, and open no name of
    several capitalised words. A writer names with an article that fits ("la Poste":
    "poste" is of both genders), or the article of the thing named ("une Peugeot", "le
    Canada": no thesaurus word), an acronym ("la CAN"), a foreign or several-word name
    ("les Danger Zone", "du Science & Technology", "des Don Juan"): none is marked. The
    articles (``_features.ARTICLES``: a possessive before a title is a writer's, "son Vie
    future"), their gender and number (``DET_GENDER``, ``DET_PLURAL``) and the reading of
    the word against them (``_features.gender_clash``, ``singular_only``) are the grammar
    checks'.

    >>> def clash(article, written, next_capital=False):
    ...     return agreement_clash(article, fold(written), written, next_capital)
    >>> clash("la", "Pouvoir"), clash("le", "Planète"), clash("des", "Fiscalité")
    (True, True, True)
    >>> clash("la", "Poste"), clash("le", "Monde"), clash("le", "Canada"), clash("la", "Deux")
    (False, False, False, False)
    >>> clash("le", "MARCHE"), clash("des", "Don", next_capital=True)
    (False, False)
    """
    from cleannews.score._features import (
        ARTICLES,
        DET_GENDER,
        DET_PLURAL,
        gender_clash,
        singular_only,
    )
    from cleannews.score._lexicon import GAP_SHIFT, ZIPF_MASK, get_lexicon

    if before not in ARTICLES or next_capital or not written[1:2].islower():
        return False
    lex = get_lexicon()
    m = lex.masks
    p = lex.packed(word)
    if not p & m["N"] or p & (m["OTHER"] | m["PREP"]) or not (p >> GAP_SHIFT) & ZIPF_MASK:
        return False
    if before in DET_PLURAL:
        return singular_only(word, p, m)
    return gender_clash(DET_GENDER[before], p, m)


#: Punctuation after which a capital that opens no sentence begins a name ("Paris, Lyon").
NAME_AFTER_PUNCTUATION = frozenset(",;)")


def name_position(before: str, before_capital: bool) -> bool:
    """True when a capital where no sentence starts (``name_starts``), after the folded token
    ``before``, begins the word of a name or a title: after a function word ("la Coupe",
    "son Vie future", "l'État"), a word itself written with a capital ("Stade Toulousain")
    or a comma. After a lower-case content word ("anomalie vasculaires Effets
    indésirables": a heading glued to the line before it) the word is read as written.

    >>> name_position("son", False), name_position("stade", True), name_position("l'", False)
    (True, True, True)
    >>> name_position("vasculaires", False)
    False
    """
    from cleannews.score._features import FUNCTION_WORDS

    return before_capital or before in NAME_AFTER_PUNCTUATION or (
        before.rstrip("'") in FUNCTION_WORDS)


def name_tokens(para: str, toks: list[str], starts: list[int],
                names: frozenset[int] | None = None) -> list[int]:
    """Indices of the tokens of the line ``para`` (``toks`` folded, ``starts`` their offsets
    in ``para``) that the context term reads as a name's or a title's word: a capital where
    no sentence starts (``name_starts``, or ``names`` when computed already), in a name's
    position (``name_position``), not a spinner's substitute (``spun_name``,
    ``agreement_clash``). The reading
    (``ContextTerm._read_pieces``) and the fitting harness (``tools/spin/dev_context5.py``)
    both leave these tokens out.

    >>> para = "Il gagne la Coupe d'Europe à l'Collège."
    >>> toks = [t for t, _ in context_tokens(para)]
    >>> [toks[i] for i in name_tokens(para, toks, [a for _, a in context_tokens(para)])]
    ['coupe', 'europe']
    """
    if names is None:
        names = name_starts(para)
    return [i for i in range(1, len(toks)) if starts[i] in names
            and name_position(toks[i - 1], para[starts[i - 1]].isupper())
            and not spun_name(toks[i - 1], toks[i])
            and not agreement_clash(toks[i - 1], toks[i], para[starts[i]:starts[i] + 2],
                                    i + 1 < len(toks) and starts[i + 1] in names)]


def fold(text: str) -> str:
    """``text`` as the context term reads it: lower case, straight apostrophes.

    Lower-casing may lengthen a text ("İ" becomes "i" + a combining dot, the one character
    of Unicode whose lower case is longer; ``str.lower`` never shortens one), so an offset
    in ``fold(text)`` is an offset of ``text`` only through ``folded_span``.

    >>> fold("L’État ʼa"), len(fold("İstanbul")) - len("İstanbul")
    ("l'état 'a", 1)
    """
    return text.lower().replace("’", "'").replace("ʼ", "'")


def fold_ends(text: str) -> array | None:
    """The offset map of one paragraph for ``folded_span``: ``ends[k]`` is the length of the
    fold of ``text[:k + 1]``; ``None`` when every character folds to one (offsets hold).
    Built once per paragraph, so mapping all of its tokens takes linear time (a map built per
    token made ``context_tokens`` quadratic on a paragraph with many "İ", round 35).

    >>> list(fold_ends("İl")), fold_ends("il")
    ([2, 3], None)
    """
    lengths = [len(c.lower()) for c in text]
    if len(lengths) == sum(lengths):
        return None
    return array("q", accumulate(lengths))


def folded_span(
    text: str, low: str, a: int, b: int, ends: array | None = None
) -> tuple[int, int]:
    """The span of ``text`` whose fold (``low = fold(text)``) is ``low[a:b]``: the one
    mapping from the context term's offsets to the input's (each character of ``text``
    folds to ``len(c.lower())`` characters: the apostrophes map one to one). ``ends``:
    ``fold_ends(text)`` when the caller maps many spans of one paragraph.

    >>> folded_span("Le 7, à İstanbul, chère amie", fold("Le 7, à İstanbul, chère amie"), 19, 24)
    (18, 23)
    >>> folded_span("chère", "chère", 0, 5)
    (0, 5)
    """
    if len(low) == len(text):  # every character folds to one: offsets hold
        return a, b
    if ends is None:
        ends = fold_ends(text)
    # the character whose fold holds offset ``a``, and the one whose fold ends at ``b``
    return bisect.bisect_right(ends, a), bisect.bisect_left(ends, b) + 1 if b else 0


#: A tokenizer -> the same pattern as one group, whose ``split`` lists the separators and the
#: tokens in turn (``_token_starts``; one per pattern, built on first use).
@cache
def _splitter(tok):
    """``tok`` (a ``re`` or ``regex`` pattern without groups) as one capturing group, same
    flags: its ``split`` gives ``[separator, token, separator, …, separator]``.

    >>> _splitter(CONTEXT_TOKEN)("l'état, 2")
    ['', "l'", '', 'état', '', ',', ' ', '2', '']
    """
    engine = regex if isinstance(tok, type(CONTEXT_TOKEN)) else re
    return engine.compile(f"({tok.pattern})", tok.flags).split


def _token_starts(tok, para: str, low: str) -> tuple[list[str], list[int]]:
    """``(tokens, their start offsets in para)`` of ``low = fold(para)`` split by ``tok``:
    the tokens of ``tok.findall(low)`` and their offsets, from one ``split`` of ``low``
    (``_splitter``) read in C: each token starts where the lengths of the pieces before it
    end. Where every character folds to one these are ``para``'s offsets (as
    ``folded_span`` maps them), else each is mapped by ``folded_span``. The reading asked
    ``findall`` and then ``finditer`` with a ``folded_span`` call per token of every piece
    holding a name (``ContextTerm._read_pieces``, round 39).

    >>> _token_starts(CONTEXT_TOKEN, "La Coupe d’Europe", fold("La Coupe d’Europe"))
    (['la', 'coupe', "d'", 'europe'], [0, 3, 9, 11])
    >>> _token_starts(CONTEXT_TOKEN, "İl Vit", fold("İl Vit"))  # "i̇l": offsets of the input
    (['i', 'l', 'vit'], [0, 1, 3])
    """
    parts = _splitter(tok)(low)
    toks = parts[1::2]
    # the end of each separator (every other running length, no list of them all)
    starts = list(islice(accumulate(map(len, parts)), 0, len(parts) - 1, 2))
    if len(low) == len(para):  # every character folds to one: offsets hold
        return toks, starts
    ends = fold_ends(para)
    return toks, [folded_span(para, low, a, a + len(t), ends)[0]
                  for t, a in zip(toks, starts, strict=True)]


def context_tokens(text: str) -> list[tuple[str, int]]:
    """``(token, start offset in text)`` pairs of one paragraph, as the count table spells
    them (one offset map for the paragraph: linear time, ``fold_ends``).

    >>> [t for t, _ in context_tokens("L’État a 2 projets.")]
    ["l'", 'état', 'a', '<num>', 'projets', '.']
    >>> context_tokens("İl, été")[-1]
    ('été', 4)
    """
    low = fold(text)
    ends = None if len(low) == len(text) else fold_ends(text)
    return [("<num>" if m.group()[0].isdigit() else m.group(),
             folded_span(text, low, *m.span(), ends)[0])
            for m in CONTEXT_TOKEN.finditer(low)]


#: ``params["mu_growth"]`` (spinprior54, a study): with ``K > 0`` the Dirichlet prior of each
#: neighbour row grows with its number of distinct continuations (``row_prior``); absent or 0,
#: every row has the fixed ``mu`` (the shipped terms).
MU_GROWTH_KEY = "mu_growth"


def row_prior(mu: float, k: float, distinct: int) -> float:
    """The Dirichlet prior of a row with ``distinct`` continuations (stored right neighbours):
    ``max(mu, k * distinct)`` (Witten-Bell-like). A frequent left word with many continuations
    leaves more mass to the unseen ones, so "qui poursuit" (unseen) no longer reads ~9 nats
    below "qui pousse" (seen twice).

    >>> row_prior(20.0, 2.0, 3), row_prior(20.0, 2.0, 4000), row_prior(20.0, 0.0, 4000)
    (20.0, 8000.0, 20.0)
    """
    return max(mu, k * distinct)


class ContextTerm:
    """The context term's data: count table, synonym ids, constants and register gate.

    >>> t = get_context_term()
    >>> t.gain_of("le dessein de loi".split(), 1) > 2 > 0 > t.gain_of("le projet de loi".split(), 1)
    True
    """

    def __init__(self, table: CountTable, synonyms: dict[int, tuple[int, ...]],
                 params: dict) -> None:
        # candidate ids ascending: ``_para_gains`` searches a row for them in order
        synonyms = {w: tuple(sorted(ss)) for w, ss in synonyms.items()}
        self.t, self.syn, self.params = table, synonyms, params
        self.cnt = table.counts
        self.p, self.lp, self.words = _per_word(table)
        self.mu = float(params["mu"])
        #: ``params["backoff"]`` (spin-term5): a side whose neighbour forms no seen pair with
        #: the word nor any candidate is read as no neighbour (see ``_para_gains``)
        self.backoff = bool(params.get("backoff", False))
        self.dec = [decode_count(c) for c in range(256)]
        # the slot's per-word constants, the same floats ``_slot`` computes each time:
        # ``mu * P(x)`` and ``count(x) + mu`` (``_para_gains``, the fast path; 8 bytes a
        # word in arrays, as fast to read there as from lists four times their size)
        self.mp = array("d", [self.mu * p for p in self.p])
        #: ``row_prior`` of each row (``mu_row``, its log ``lmu``) when ``params["mu_growth"]``
        #: is set (``growth``): an unseen pair ``a b`` then reads ``lmu[a] + lp[b]``, a seen
        #: one ``log(c + mu_row[a] * P(b))``, in ``_slot``, ``_para_gains``, ``_batch_gains``
        self.growth = float(params.get(MU_GROWTH_KEY, 0.0))
        off = table.offsets
        self.mu_row = array("d", [row_prior(self.mu, self.growth, off[a + 1] - off[a])
                                  for a in range(len(table.counts))] if self.growth else [])
        self.lmu = array("d", map(math.log, self.mu_row))
        self.den = array("d", [c + self.mu for c in table.counts] if not self.growth else
                         [c + m for c, m in zip(table.counts, self.mu_row, strict=True)])
        # log space (spin-term5): log(mu P(x)) (a table word has P(x) > 0) and log(count + mu)
        self.lmp = array("d", [math.log(x) for x in self.mp])
        self.lden = array("d", [math.log(x) for x in self.den])
        #: per synonym id: its row of right neighbours and ``log(count + mu)``, one read
        self.rows = {s: (off[s], off[s + 1], self.lden[s])
                     for ss in synonyms.values() for s in ss}
        # no punctuation token is a table word: ids.get alone maps them to None
        self._plain_ids = not any(b in table.ids for b in CONTEXT_BREAK)
        self._fast_re, self._unsafe = _fast_tokenizer()
        #: ``_batch_gains`` needs every checked word to have a synonym (the shipped data have)
        self._vector_ok = all(synonyms.values())
        #: the id of a token the table lacks in ``_reading``'s token ids (one past the last word)
        self.none = len(table.counts)
        gate = params["gate"]
        self.gate_names = gate["names"]
        self.gate_words = [w for w in self.gate_names if not w.startswith("#")]
        self.gate_set = frozenset(self.gate_words)
        coef, mean, scale = gate["coef"], gate["mean"], gate["scale"]
        nw = len(self.gate_words)  # the word rates first, then 3 "#" features (``gate``)
        self._gate_a = {w: k / sc for w, k, sc in zip(self.gate_words, coef, scale, strict=False)}
        self._gate_extra = [k / sc for k, sc in zip(coef[nw:], scale[nw:], strict=True)]
        self._gate_base = math.fsum([gate["intercept"]] + [-k * m / sc for k, m, sc in
                                                           zip(coef, mean, scale, strict=True)])

    def _cond(self, a: int, b: int) -> float:
        """``log P(b | a)`` with Dirichlet smoothing toward ``P(b)``: row ``a``'s prior is
        ``mu``, or ``mu_row[a]`` (``row_prior``) under ``growth``, as in ``_slot``,
        ``_para_gains`` and ``_batch_gains``, which drop the terms common to all candidates.

        >>> t = CountTable.from_parts(["le", "chat", "matou"], [10, 5, 2], {(0, 1): 4})
        >>> gate = {"names": [], "coef": [], "mean": [], "scale": [], "intercept": 0.0}
        >>> grown = ContextTerm(t, {1: (2,)}, {"mu": 1.0, "mu_growth": 3.0, "gate": gate})
        >>> fixed = ContextTerm(t, {1: (2,)}, {"mu": 3.0, "gate": gate})  # "le": 1 continuation
        >>> grown._cond(0, 1) == fixed._cond(0, 1) != ContextTerm(t, {}, {"mu": 1.0,
        ...                                                              "gate": gate})._cond(0, 1)
        True
        """
        c = self.t.pair_ids(a, b)
        m = self.mu_row[a] if self.growth else self.mu
        return math.log((c + m * self.p[b]) / (self.cnt[a] + m))

    def full_slot(self, x: int, left: int | None, right: int | None) -> float:
        """The slot with every term, ``log P(x | left) + log P(right | x) - log P(right)``
        (``log P(x)`` without a left neighbour), from ``_cond``: the reference arithmetic that
        ``_slot`` and the fast paths must reproduce (``tests/test_spin_term5.py``) and that the
        build's kind statistic reads (``tools/spin/build_context_term.kind_mean_gain``).

        >>> t = CountTable.from_parts(["le", "chat", "matou"], [10, 5, 2], {(0, 1): 4})
        >>> gate = {"names": [], "coef": [], "mean": [], "scale": [], "intercept": 0.0}
        >>> term = ContextTerm(t, {1: (2,)}, {"mu": 20.0, "gate": gate})
        >>> term.full_slot(1, 0, None) == term._cond(0, 1)
        True
        """
        s = self._cond(left, x) if left is not None else self.lp[x]
        if right is not None:
            s += self._cond(x, right) - self.lp[right]
        return s

    def _slot(self, x: int, left: int | None, right: int | None) -> float:
        """``log P(x | left) + log P(right | x)`` less the terms that do not depend on ``x``
        (``log(count(left) + mu)``, ``log P(right)``: the same for the word and every
        synonym, so the gain and the best synonym are those of the full slot); ``log P(x)``
        without left. Since spin-term5 in log space, ``log(c + mu P(x)) - log(count(x) + mu)``,
        so that an unseen pair is two table reads (``lmp``, ``lden``) in ``_para_gains``.
        """
        t = self.t
        off, rt, codes, dec = t.offsets, t.right, t.codes, self.dec
        if left is not None:
            lo, hi = off[left], off[left + 1]
            k = bisect.bisect_left(rt, x, lo, hi)
            c = dec[codes[k]] if k < hi and rt[k] == x else 0
            s = self._pair_value(left, x, c)
        else:
            s = self.lp[x]
        if right is not None:
            lo, hi = off[x], off[x + 1]
            k = bisect.bisect_left(rt, right, lo, hi)
            c = dec[codes[k]] if k < hi and rt[k] == right else 0
            s += self._pair_value(x, right, c) - self.lden[x]
        return s

    def _pair_value(self, a: int, b: int, c: int) -> float:
        """``log(c + mu_a P(b))`` of the pair ``a b`` seen ``c`` times: the prior of row ``a``
        is ``mu`` (``log(mp[b])`` when unseen), or ``mu_row[a]`` under ``growth`` (unseen:
        ``lmu[a] + lp[b]``, the sum ``_para_gains`` and ``_batch_gains`` compute)."""
        if not self.growth:
            return math.log(c + self.mp[b])
        if not c:
            return self.lmu[a] + self.lp[b]
        return math.log(c + self.mu_row[a] * self.p[b])

    def _word(self, tid: list[int | None], i: int) -> tuple[float, int] | None:
        """``(gain, best synonym id)`` of the checked word at ``tid[i]``, else ``None``."""
        wi = tid[i]
        cands = self.syn.get(wi) if wi is not None else None
        if not cands:
            return None
        left = tid[i - 1] if i > 0 else None
        right = tid[i + 1] if i + 1 < len(tid) else None
        if self.backoff:  # a neighbour no candidate was seen with says nothing: none
            if left is not None and not any(self.t.pair_ids(left, x) for x in (wi, *cands)):
                left = None
            if right is not None and not any(self.t.pair_ids(x, right) for x in (wi, *cands)):
                right = None
        if left is None and right is None:
            return None
        sw = self._slot(wi, left, right)
        best, sbest = max((self._slot(s, left, right), s) for s in cands)
        return (best - self.lp[sbest]) - (sw - self.lp[wi]), sbest

    def _para_gains(self, tid: list[int | None]) -> list[tuple[int, float, int]]:
        """``(i, gain, best synonym id)`` of every checked word of one paragraph's token ids,
        in order: ``_word`` for each ``i`` (the same floats, from the same operations in
        the same order), with the slot arithmetic inlined, the per-word constants
        precomputed (``mp``, ``lmp = log(mp)``, ``lden``: an unseen pair, the common case,
        costs no ``log``) and each neighbour's row read once per word.

        >>> t = get_context_term()
        >>> tid = [t.t.ids.get(w) for w in "le dessein de loi".split()]
        >>> [(i, g, s) for i, g, s in t._para_gains(tid)] == [
        ...     (i, *t._word(tid, i)) for i in range(4) if t._word(tid, i)]
        True
        """
        syn, lp, mp, lmp, lden, backoff = (self.syn, self.lp, self.mp, self.lmp, self.lden,
                                           self.backoff)
        rows = self.rows
        t = self.t
        off, rt, codes, dec = t.offsets, t.right, t.codes, self.dec
        bis, log = bisect.bisect_left, math.log
        growth, mrow, lmu, p = self.growth, self.mu_row, self.lmu, self.p  # (``_pair_value``)
        out = []
        last = len(tid) - 1
        for i in compress(count(), map(syn.__contains__, tid)):  # checked words only
            wi = tid[i]
            cands = syn[wi]
            left = tid[i - 1] if i else None
            right = tid[i + 1] if i < last else None
            if left is None and right is None:
                continue
            if left is not None:  # log(c + mu P(x)): one row, for the word and each synonym
                lo, hi = off[left], off[left + 1]
                if growth:
                    ml, lml = mrow[left], lmu[left]
                k = bis(rt, wi, lo, hi)
                if k < hi and rt[k] == wi:
                    seen = True
                    vw = log(dec[codes[k]] + (ml * p[wi] if growth else mp[wi]))
                else:
                    seen = False
                    vw = lml + lp[wi] if growth else lmp[wi]
                vals = []
                put = vals.append
                k = lo
                for s in cands:  # (sorted ids: each search starts where the last ended)
                    k = bis(rt, s, k, hi)
                    if k < hi and rt[k] == s:
                        seen = True
                        put(log(dec[codes[k]] + (ml * p[s] if growth else mp[s])))
                    else:
                        put(lml + lp[s] if growth else lmp[s])
                if backoff and not seen:  # no pair with this neighbour: read as none
                    left = None
            if left is None:
                vw = lp[wi]
                vals = [lp[s] for s in cands]
            if right is not None:  # + log(c + mu P(right)) - log(count(x) + mu)
                mr, lmr = mp[right], lmp[right]
                if growth:  # the prior is the row's: the word's, each synonym's
                    pr, lpr = p[right], lp[right]
                lo, hi = off[wi], off[wi + 1]
                k = bis(rt, right, lo, hi)
                if k < hi and rt[k] == right:
                    seen = True
                    rw = log(dec[codes[k]] + (mrow[wi] * pr if growth else mr)) - lden[wi]
                else:
                    seen = False
                    rw = (lmu[wi] + lpr if growth else lmr) - lden[wi]
                best, sbest = -math.inf, -1  # max((slot, id)): ids ascend, ">=" keeps ties
                for s, a in zip(cands, vals, strict=True):
                    lo, hi, ld = rows[s]
                    k = bis(rt, right, lo, hi)
                    if k < hi and rt[k] == right:
                        seen = True
                        v = a + (log(dec[codes[k]] + (mrow[s] * pr if growth else mr)) - ld)
                    else:
                        v = a + ((lmu[s] + lpr if growth else lmr) - ld)
                    if v >= best:
                        best, sbest = v, s
                if seen or not backoff:
                    vw += rw
                elif left is None:
                    continue
                else:  # the right neighbour backed off: the left side alone
                    best, sbest = max(zip(vals, cands, strict=True))
            elif left is None:  # (backed off on its only side)
                continue
            else:
                best, sbest = max(zip(vals, cands, strict=True))
            out.append((i, (best - lp[sbest]) - (vw - lp[wi]), sbest))
        return out

    # --- the gains of many checked words at once (spin18) ------------------------------------

    def _vectors(self) -> _TermVectors:
        """The term's data as numpy arrays for ``_batch_gains``, built once per term."""
        v = self.__dict__.get("_vec")
        if v is None:
            with _LOCK:
                v = self.__dict__.get("_vec")
                if v is None:
                    v = self._vec = _TermVectors(self)
        return v

    def _batch_gains(self, tids: list[list[int]]) -> tuple:
        """``(starts, positions, gains, best synonym ids)`` of the checked words of the pieces
        ``tids`` (token ids, ``self.none`` for a token the table lacks): their ids laid end
        to end, each piece after one ``none``, piece ``k`` starting at ``starts[k]`` (a list),
        and for each checked word its position in that layout, its gain and its best synonym
        (numpy arrays, in text order); ``tests/test_spin18_gains.py`` reads them back as
        ``_para_gains`` gives them.

        ``_para_gains`` of every piece, computed for all of them at once, to the same floats:
        the slot terms are the same IEEE additions and subtractions (numpy's are correctly
        rounded, as Python's) of the same operands, each ``log`` is ``math.log`` of the same
        argument, and the best synonym is the last of the highest (ids ascend), as
        ``_para_gains``' ``>=`` and ``max`` keep it.
        """
        import numpy as np

        vec = self._vectors()
        V, M = self.none, self.none + 1  # a key is ``left * M + right``: ``none`` finds none
        flat = [V]
        starts = []
        for tid in tids:
            starts.append(len(flat))
            flat += tid
            flat.append(V)
        T = np.array(flat, dtype=np.intp)
        rows = vec.row[T]
        pos = np.flatnonzero(rows >= 0)  # checked words (never an edge: ``none``)
        if not pos.size:
            return starts, pos, pos.astype(np.float64), pos
        L, R = T[pos - 1], T[pos + 1]
        X = vec.cand[rows[pos]]  # the word, then its synonyms
        keys = vec.keys
        # the queries, written in the keys' type (every key and query is below M * M)
        q = np.empty((2, *X.shape), dtype=keys.dtype)
        np.add(X, (L * M)[:, None], out=q[0], casting="unsafe")
        np.add(X * M, R[:, None], out=q[1], casting="unsafe")
        k = keys.searchsorted(q)
        found = keys[k] == q  # (a sentinel key ends ``keys``: k is always an index)
        # unseen pairs: log(mu P(x)) on the left, log(mu P(right)) on the right; a seen pair
        # with count c: math.log(c + mu P(x)), math.log(c + mu P(right))
        vals = np.empty(q.shape, dtype=np.float64)
        if self.growth:  # the row's prior: lmu[left] + lp[x], lmu[x] + lp[right]
            np.add(vec.lmu[L][:, None], vec.lpn[X], out=vals[0])
            np.add(vec.lmu[X], vec.lpn[R][:, None], out=vals[1])
        else:
            vec.lmp.take(X, out=vals[0])
            vals[1] = vec.lmp[R][:, None]
        if found.any():  # (the seen pair's log, computed once per pair: ``pair_log``)
            vals[found] = vec.pair_log[k[found]]
        fL, fR = found
        hasL, hasR = L != V, R != V
        if self.backoff:  # a neighbour no candidate (nor the word) was seen with: none
            hasL &= fL.any(axis=1)
            hasR &= fR.any(axis=1)
        left = np.where(hasL[:, None], vals[0], vec.lp[X])
        total = np.where(hasR[:, None], left + (vals[1] - vec.lden[X]), left)
        valid = hasL | hasR
        if not valid.all():
            pos, X, total = pos[valid], X[valid], total[valid]
        syn = total[:, 1:]
        best = syn.max(axis=1)
        # the last column holding the highest value: the highest id among ties
        j = syn.shape[1] - 1 - np.argmax(syn[:, ::-1] == best[:, None], axis=1)
        r = np.arange(len(j))
        sbest = X[r, j + 1]
        lp = vec.lp
        gain = (syn[r, j] - lp[sbest]) - (total[:, 0] - lp[X[:, 0]])
        return starts, pos, gain, sbest

    def gain_of(self, toks: list[str], i: int) -> float:
        """The gain of token ``i`` of ``toks`` (``-inf`` when it is not checked)."""
        ids = self.t.ids
        tid = [None if t in CONTEXT_BREAK else ids.get(t) for t in toks]
        r = self._word(tid, i)
        return -math.inf if r is None else r[0]

    def style_add(self, acc: list, toks: list[str]) -> None:
        """Add a paragraph's tokens to the style counts ``acc`` (``new_style()``): the gate's
        word and punctuation counts, tokens, alphabetic tokens and their letters, numbers."""
        # (``Counter.update`` of an iterable without its Python frame: counted in C)
        _count_elements(acc[0], filter(self.gate_set.__contains__, toks))
        alpha = list(map(len, filter(str.isalpha, toks)))
        acc[1] += len(toks)
        acc[2] += len(alpha)
        acc[3] += sum(alpha)
        # numbers: "<num>" or all digits (never both)
        acc[4] += toks.count("<num>") + sum(map(str.isdigit, toks))

    @staticmethod
    def new_style() -> list:
        """Empty style counts for ``style_add``."""
        return [Counter(), 0, 0, 0, 0]

    def gate(self, acc: list, n_lines: int) -> float:
        """P(another register) of a document from its style counts (``fit3.style`` + the
        gate's scaler and logistic weights); ``n_lines`` is the number of newlines plus one.

        >>> t = get_context_term()
        >>> acc = t.new_style()
        >>> t.style_add(acc, ["euh", "ben", "je", "sais", "pas", "hein", "."])
        >>> t.gate(acc, 1) > 0.5
        True
        """
        c, n_tok, n_alpha, n_letters, n_num = acc
        n = max(1, n_tok)
        a, log1p = self._gate_a, math.log1p
        sents = sum(c.get(p, 0) for p in ".!?") + n_lines
        e0, e1, e2 = self._gate_extra
        # the standardised linear score, sum_j coef_j (x_j - mean_j) / scale_j, read as
        # base + sum_j (coef_j / scale_j) x_j: a gate word absent from the text (x_j = 0, most
        # of them) adds nothing; fsum: exact, so the order of the words does not matter
        d = math.fsum([self._gate_base, e0 * log1p(n / sents), e1 * (n_letters / max(1, n_alpha)),
                       e2 * log1p(1000 * n_num / n),
                       *[a[w] * log1p(1000 * k / n) for w, k in c.items() if k]])
        return 1.0 / (1.0 + math.exp(-d)) if d > -700 else 0.0

    def register(self, text: str) -> float:
        """P(another register than news) of ``text``: the register gate (``gate``) on its
        style counts, also where the term is 0 and ``analyse`` leaves the gate unread.

        The counts are the last complete reading's (``_style_of``) when it read ``text``:
        the decision's analysis has read the document already (round 36: the register gate
        no longer reads a borderline document a second time).

        >>> t = get_context_term()
        >>> t.register("Euh ben je sais pas, hein. Bon, on verra bien, quoi.") > 0.5
        True
        """
        return self.gate(self._style_of(text), text.count("\n") + 1)

    def _style_of(self, text: str) -> list:
        """The style counts of ``text`` (``style_add``), from this thread's last complete
        reading (``_READING_MEMO`` ``style``, taken once) when it read ``text`` itself, or a
        text of the same pieces differing in a few of them (``_restyled``: the decision
        reads a document with its lone slip's junctions cut, ``_decision.context_reading``,
        same length, same lines); else from a reading of ``text``.

        >>> t = get_context_term()
        >>> text = "Il vit la armée du roi."
        >>> style = t._reading("Il vit la)armée du roi.")[1]
        >>> t._style_of(text) == t._reading(text)[1], style[1], t._style_of(text)[1]
        (True, 8, 7)
        """
        got = _READING_MEMO.__dict__.pop("style", None)
        if got is not None and got[1] is self.t:
            read, style = got[0], got[2]
            if read is text:
                return style
            if len(read) == len(text):
                restyled = self._restyled(read, text, style)
                if restyled is not None:
                    return restyled
        return self._reading(text)[1]

    def _restyled(self, read: str, text: str, style: list) -> list | None:
        """The style counts of ``text`` from ``style``, those of ``read``: the pieces that
        differ are taken out and ``text``'s put in (counts add up piece by piece, and
        ``gate``'s sum is exact, so the gate reads the same float as after a reading of
        ``text``); ``None`` when the two texts are not cut into the same pieces.

        >>> t = get_context_term()
        >>> a, b = "Un chat.\\nIl vit la)armée.", "Un chat.\\nIl vit la armée."
        >>> t._restyled(a, b, t._reading(a)[1]) == t._reading(b)[1]
        True
        """
        pr, pt = list(_pieces(read)), list(_pieces(text))
        if [(s, len(p)) for s, p in pr] != [(s, len(p)) for s, p in pt]:
            return None
        out = [Counter(style[0]), *style[1:]]
        gone, came = self.new_style(), self.new_style()
        differ = [k for k, ((_s, a), (_t, b)) in enumerate(zip(pr, pt, strict=True)) if a != b]
        for acc, src, ps in ((gone, read, pr), (came, text, pt)):
            for _piece in self._read_pieces(src, acc, [ps[k] for k in differ]):
                pass
        out[0].subtract(gone[0])
        out[0].update(came[0])
        for k in range(1, len(out)):
            out[k] += came[k] - gone[k]
        return out

    def _reading(self, text: str) -> tuple:
        """``(pieces, style)``: each non-blank piece of ``text`` (``_pieces``) as
        ``(start, piece, lower-cased piece, its tokenizer, tokens, token ids)`` and the
        register gate's style counts (``style_add``; complete once ``pieces`` is read).

        What it reads depends on the text and the count table only, not on the term's
        synonyms or constants: the shipped term and the kind statistic (``get_kind_term``)
        share the table, so when ``_decision.decide`` analyses one document with both, the
        second reads the first's pieces (a one-entry memo per thread, taken once, kept only
        for texts of at most ``READING_MEMO_CHARS`` characters, read by identity: the
        memo holds the text, so no other string can take its place; a longer text is read
        piece by piece, in bounded memory, each time).

        >>> t = get_context_term()
        >>> pieces, style = t._reading("Le dessein de loi.\\n\\nFin.")
        >>> [(p[0], p[4]) for p in pieces], style[1]
        ([(0, ['le', 'dessein', 'de', 'loi', '.']), (20, ['fin', '.'])], 7)
        >>> text = "Le projet de loi."
        >>> get_context_term()._reading(text)[0] is get_kind_term()._reading(text)[0]
        True
        """
        memo = _READING_MEMO.__dict__
        kept = memo.pop("kept", None)
        if kept is not None and kept[0] is text and kept[1] is self.t:
            return kept[2], kept[3]  # (read by the other term: taken once)
        style = self.new_style()
        pieces = self._read_pieces(text, style)
        if len(text) <= READING_MEMO_CHARS:
            pieces = list(pieces)
            memo["kept"] = (text, self.t, pieces, style)
        return pieces, style

    def _read_pieces(self, text: str, style: list, pieces=None) -> Iterator[tuple]:
        """The pieces of ``_reading``, one at a time (style counts added as they come);
        ``pieces``: only these ``(start, piece)`` of ``text`` (``_restyled``), else all of
        them, and then, the reading complete, its style counts are left for ``register``."""
        ids = self.t.ids
        brk, tok_re, digit = CONTEXT_BREAK, CONTEXT_TOKEN, _DIGIT.search
        plain, fast_re, unsafe = self._plain_ids, self._fast_re, self._unsafe
        none = self.none
        for start, para in _pieces(text) if pieces is None else pieces:
            if not para.strip():
                continue
            low = fold(para)
            tok = tok_re if unsafe(low) else fast_re  # (the same tokens, see _fast_tokenizer)
            names = name_starts(para) if low != para else None
            if names:  # one pass for the tokens and their offsets (``_token_starts``)
                toks, starts = _token_starts(tok, para, low)
            else:
                toks = tok.findall(low)
            if digit(low):  # (a token starts with a digit only if the piece has one)
                toks = ["<num>" if t[0].isdigit() else t for t in toks]
            self.style_add(style, toks)
            if plain:
                tid = list(map(ids.get, toks, repeat(none)))
            else:
                tid = [none if t in brk else ids.get(t, none) for t in toks]
            if names:  # a name's or a title's word (not a spinner's): as a word the table lacks
                for i in name_tokens(para, toks, starts, names):
                    tid[i] = none
            yield start, para, low, tok, toks, tid
        if pieces is None:  # ``register`` reads these counts instead of reading text again
            _READING_MEMO.__dict__["style"] = (text, self.t, style)

    def analyse(self, text: str, always_gate: bool = True) -> dict:
        """The term of a document before the two-kinds clamp, with what explains it.

        Keys: ``mean_gain``, ``z``, ``gate`` (P(other register); ``None`` when
        ``always_gate`` is false and the term is 0 whatever the gate), ``term``, ``n``
        (checked words) and ``best``: ``(gain, span, word, synonym)`` of the word whose
        synonym fits best (``None`` when no word was checked).
        """
        pr = self.params
        lo, hi = pr["gain_clip"]
        tot, n, best = 0.0, 0, None
        words = self.words
        where = None  # (piece start, piece, lower-cased piece, its tokenizer, token index)
        pieces, style = self._reading(text)
        for batch, n_tokens in _batches(pieces, GAINS_BATCH_TOKENS):
            np = _numpy() if n_tokens >= GAINS_VECTOR_MIN_TOKENS and self._vector_ok else None
            if np is not None:
                starts, pos, gains, sbest = self._batch_gains([p[5] for p in batch])
                if not len(gains):
                    continue
                # the running sum left to right, as the loop below; the first highest gain
                tot = reduce(add, np.clip(gains, lo, hi).tolist(), tot)
                n += len(gains)
                j = int(gains.argmax())
                gain = float(gains[j])
                if best is None or gain > best[0]:
                    p = int(pos[j])
                    k = bisect.bisect_right(starts, p) - 1
                    start, para, low, tok, toks, _tid = batch[k]
                    best = (gain, None, toks[p - starts[k]], words[int(sbest[j])])
                    where = (start, para, low, tok, p - starts[k])
                continue
            none = self.none
            for start, para, low, tok, toks, tid in batch:
                for i, gain, s in self._para_gains([None if x == none else x for x in tid]):
                    tot += max(lo, min(hi, gain))
                    n += 1
                    if best is None or gain > best[0]:
                        best = (gain, None, toks[i], words[s])
                        where = (start, para, low, tok, i)
        if best is not None:
            start, para, low, tok, i = where  # the best token: its match in the folded piece
            a, b = folded_span(para, low, *next(islice(tok.finditer(low), i, None)).span())
            best = (best[0], (start + a, start + b), best[2], best[3])
        mean = tot / (n + pr["prior_words"])
        z = (mean - pr["median"]) / pr["sd"]
        term = min(pr["cap"], pr["w"] * max(0.0, z - pr["b"]))
        g = None
        if always_gate or term > 0.0:  # a zero term needs no gate
            g = self.gate(style, text.count("\n") + 1)
            term *= max(0.0, 1.0 - g) ** pr["gate_power"] if pr["gate_power"] else 1.0
        return {"mean_gain": mean, "z": z, "gate": g, "term": term, "n": n, "best": best}

    def contribution(
        self, text: str, logit: float, quarantine: float, analyse_above: bool = False
    ) -> tuple[float, dict]:
        """What the term adds to ``logit`` and its analysis (``{}`` when nothing is computed:
        below the cascade floor, or ``logit`` already at the clamp's limit, where any term
        adds 0, unless ``analyse_above``: the quarantine rule may still read the analysis).

        Two kinds of evidence: the sum stays ``quarantine_margin`` under the logit of the
        ``quarantine`` score unless ``logit`` already is above it (the term never
        quarantines alone).
        """
        pr = self.params
        if logit < pr["logit_floor"] or not self.syn:
            return 0.0, {}
        limit = quarantine_logit(quarantine) - pr["quarantine_margin"]
        if logit >= limit and not analyse_above:  # min(logit + term, max(logit, limit))
            return 0.0, {}  # is logit for any term >= 0
        a = self.analyse(text, always_gate=False)
        x = min(logit + a["term"], max(logit, limit))
        return x - logit, a


def _per_word(table: CountTable) -> tuple[list[float], list[float], list[str]]:
    """``(P(x), log P(x), words by id)`` of a count table's words: what a ``ContextTerm``
    reads of the table whatever its synonyms and constants, computed once per table and
    shared by the terms built on it (the shipped term and the kind statistic: round 36,
    one decoding instead of two at the first analysis; the same floats).

    >>> t = CountTable.from_parts(["de", "la"], [30, 10], {(0, 1): 5})
    >>> p, lp, words = _per_word(t)
    >>> p, words, _per_word(t)[0] is p
    ([0.75, 0.25], ['de', 'la'], True)
    """
    got = table.__dict__.get("_per_word")
    if got is None:
        n = float(table.n) or 1.0
        got = table._per_word = (
            [c / n for c in table.counts],
            [math.log(c / n) for c in table.counts],
            sorted(table.ids, key=table.ids.__getitem__),
        )
    return got


class _TermVectors:
    """A context term's data as numpy arrays, for ``ContextTerm._batch_gains``.

    With ``V`` words (ids ``0 … V - 1``; ``V`` is ``none``, a token the table lacks):
    ``keys`` every pair of the count table as ``left * (V + 1) + right``, ascending (the
    table's rows are in left-id order, each row's right ids sorted), then one sentinel key
    above every query, so that a search always lands on a key; ``codes`` the pairs' count
    codes (and one for the sentinel). A query with ``none`` on either side matches no key.
    ``keys`` (``uint32`` while the squared vocabulary fits), ``codes`` and ``lp`` are shared by
    the terms of one table (about 1 MB).
    ``row[w]`` is the row of word ``w`` in ``cand``, or -1 (not checked; ``row[none]`` too);
    ``cand[r]`` is the word, then its synonyms ascending, the last one repeated up to the
    widest row (a repeat changes neither the best value nor the best id, nor whether a pair
    was seen). ``mp``, ``lmp``: the term's ``mp``, ``lmp`` with one more value for ``none``
    (read, never used); ``lden``, ``dec``: the term's; ``pair_log``: each key's seen-pair
    value (``_pair_logs``: 8 bytes a pair, per term, since ``mp`` is the term's).
    """

    def __init__(self, term: ContextTerm) -> None:
        import numpy as np

        t = term.t
        V = term.none
        shared = t.__dict__.get("_vectors")
        if shared is None:
            off = np.frombuffer(t.offsets, dtype=np.uint32).astype(np.int64)
            right = np.frombuffer(t.right, dtype=np.uint16).astype(np.int64)
            keys = np.repeat(np.arange(V, dtype=np.int64) * (V + 1), np.diff(off)) + right
            codes = np.frombuffer(t.codes, dtype=np.uint8)
            if len(keys) > 1 and not bool((keys[1:] > keys[:-1]).all()):  # pragma: no cover
                order = np.argsort(keys, kind="stable")
                keys, codes = keys[order], codes[order]
            dtype = np.uint32 if (V + 1) * (V + 1) < 1 << 32 else np.int64
            shared = t._vectors = (
                np.append(keys, np.iinfo(dtype).max).astype(dtype),
                np.append(codes, np.uint8(0)),
                np.array(term.lp, dtype=np.float64),
            )
        self.keys, self.codes, self.lp = shared
        self.dec = np.array([float(d) for d in term.dec], dtype=np.float64)
        self.mp = np.append(np.frombuffer(term.mp, dtype=np.float64), 1.0)
        self.lmp = np.append(np.frombuffer(term.lmp, dtype=np.float64), 0.0)
        self.lden = np.frombuffer(term.lden, dtype=np.float64)
        #: under ``growth``: ``lmu`` and ``lp`` with one more value for ``none`` (read, unused)
        self.lmu = np.append(np.frombuffer(term.lmu, dtype=np.float64), 0.0)
        self.lpn = np.append(self.lp, 0.0)
        mu_left = np.frombuffer(term.mu_row, dtype=np.float64) if term.growth else None
        self.pair_log = _pair_logs(np, self.keys, self.codes, self.dec, self.mp, V + 1,
                                   mu_left, np.append(np.array(term.p), 1.0))
        words = sorted(term.syn)
        width = max((len(term.syn[w]) for w in words), default=1) or 1
        self.row = np.full(V + 1, -1, dtype=np.intp)
        self.row[words] = np.arange(len(words))
        self.cand = np.array(
            [(w, *ss, *(ss[-1:] * (width - len(ss)))) for w, ss in
             ((w, term.syn[w]) for w in words)] or [(0,) * (width + 1)],
            dtype=np.intp,
        ).reshape(-1, width + 1)


#: ``_pair_logs`` takes the logarithms of this many pairs at a time (bounded temporaries).
PAIR_LOG_CHUNK = 1 << 14


def _pair_logs(np, keys, codes, dec, mp, m: int, mu_left=None, p=None):
    """``math.log(count + mu P(right))`` of every pair of the count table, in ``keys``' order
    (``_TermVectors``; 0.0 for the sentinel): the value a seen pair adds to a slot, on the
    left (``right`` is the checked word or a synonym) as on the right (``right`` is the
    neighbour). It depends on the pair alone, so ``_batch_gains`` reads it instead of
    taking the log of each seen pair of each batch (``math.log`` of the same float: numpy
    adds the count and ``mu P(right)`` with IEEE rounding, as Python did; round 32).

    >>> import numpy
    >>> k = numpy.array([0 * 3 + 1, 1 * 3 + 2, 2**32 - 1], dtype=numpy.uint32)
    >>> out = _pair_logs(numpy, k, numpy.array([5, 200, 0], dtype=numpy.uint8),
    ...                  numpy.arange(256.0), numpy.array([0.5, 1.5, 2.5, 1.0]), 3)
    >>> out.tolist() == [math.log(5 + 1.5), math.log(200 + 2.5), 0.0]
    True
    """
    n = len(keys) - 1  # the last key is the sentinel
    out = np.zeros(n + 1, dtype=np.float64)
    for a in range(0, n, PAIR_LOG_CHUNK):
        b = min(n, a + PAIR_LOG_CHUNK)
        right = (keys[a:b] % m).astype(np.intp)
        if mu_left is None:
            arg = dec[codes[a:b]] + mp[right]
        else:  # the left row's own prior (``ContextTerm.growth``): c + mu_row[left] P(right)
            arg = dec[codes[a:b]] + mu_left[(keys[a:b] // m).astype(np.intp)] * p[right]
        out[a:b] = list(map(math.log, arg.tolist()))
    return out


def _numpy():
    """The numpy module when the process has imported it already (the language model does),
    else None: the context term never imports it itself, so French text keeps its start-up
    free of numpy (``tests/test_language.py``); without it the gains go through the loop
    (the same floats). A global read costs less than an ``import`` statement per call."""
    global _NUMPY
    if _NUMPY is None:
        _NUMPY = sys.modules.get("numpy")
    return _NUMPY


_NUMPY = None


def _batches(pieces, size: int) -> Iterator[tuple[list, int]]:
    """``(pieces, tokens)``: consecutive pieces of ``_reading`` in lists of at least ``size``
    tokens (the last may have fewer), with their number of tokens.

    >>> [(len(b), n) for b, n in _batches([(0, "", "", None, ["a"] * 3, [])] * 5, 7)]
    [(3, 9), (2, 6)]
    """
    batch: list = []
    n = 0
    for p in pieces:
        batch.append(p)
        n += len(p[4])
        if n >= size:
            yield batch, n
            batch, n = [], 0
    if batch:
        yield batch, n


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    r"""``(start, piece)``: the lines of ``text``, a line longer than the spin scan's
    ``LINE_CAP`` cut into its windows (``_stream.line_windows``, after sentence ends), so
    that a gigantic single line is read in bounded memory like the detectors read it.

    >>> [p for _, p in _pieces("Un.\nDeux.")], [p for _, p in _pieces("\nUn.\n")]
    (['Un.', 'Deux.'], ['', 'Un.', ''])
    >>> long = "Une phrase courte. " * 10000
    >>> ps = list(_pieces(long))
    >>> len(ps) > 1 and "".join(p for _, p in ps) == long and ps[1][0] == len(ps[0][1])
    True
    """
    from cleannews.score._stream import LINE_CAP, line_windows  # (imports this package)

    start, n = 0, len(text)
    while True:  # the pieces of text.split("\n"), one at a time (no list of every line)
        end = text.find("\n", start)
        if end < 0:
            end = n
        para = text[start:end]
        if len(para) <= LINE_CAP:
            yield start, para
        else:
            for a, b in line_windows(para, 0, len(para)):
                yield start + a, para[a:b]
        if end == n:
            return
        start = end + 1


def term_params() -> dict:
    """The context term's constants and register gate (``data/context_term.json``), read
    once; small, so a document below ``logit_floor`` never loads the count table.

    >>> term_params()["logit_floor"] <= 0
    True
    """
    return _load_once(
        "params", lambda: json.loads(_data().joinpath("context_term.json").read_text("utf-8"))
    )


def _build_context_term(params: dict | None = None) -> ContextTerm:
    params = term_params() if params is None else params
    table = get_count_table()
    sy = _data().joinpath(params.get("synonyms_file", "context_synonyms4.txt.gz"))
    syn: dict[int, tuple[int, ...]] = {}
    if sy.is_file() and len(table):
        for line in gzip.decompress(sy.read_bytes()).decode("utf-8").splitlines():
            w, _, rest = line.partition("\t")
            syn[int(w)] = tuple(int(x) for x in rest.split())
    return ContextTerm(table, syn, params)


def get_context_term() -> ContextTerm:
    """The shipped context term (``data/context_term.json`` + synonyms), loaded once."""
    return _load_once("term", _build_context_term)


def kind_params() -> dict:
    """The constants of the context term's evidence-kind statistic (``data/context_kind.json``:
    spin-wire's term, MyThes split A, 4 synonyms, no back-off), read once. The two-kinds rule
    (``_decision``) reads the kind from it; the logit adds ``get_context_term``'s term
    (spin-ship5: the spin-term5 term spreads clean UD documents over its whole range, so one
    odd word could make that kind).

    >>> kind_params()["synonyms_file"], kind_params()["prior_words"]
    ('context_synonyms4.txt.gz', 5)
    """
    return _load_once(
        "kind_params",
        lambda: json.loads(_data().joinpath("context_kind.json").read_text("utf-8")),
    )


def get_kind_term() -> ContextTerm:
    """The context term whose analysis decides the context kind of evidence
    (``kind_params``), loaded once; it shares the count table with ``get_context_term``."""
    return _load_once("kind_term", lambda: _build_context_term(kind_params()))


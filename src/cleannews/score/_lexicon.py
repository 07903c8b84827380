"""Compact tables of the spin detector, loaded lazily on first score.

``lexicon_words.txt.gz`` + ``lexicon_packed.u64.gz`` hold one entry per French word form (built by
``tools/spin/build_tables.py`` from DELA, wordfreq, Lexique's h-aspiré list
and half of the OpenOffice thesaurus). Each word is packed into one ``int``:
Zipf x 10 in bits 0-6, synonym gap code in bits 7-13, reading flags from bit 14.

    >>> lex = get_lexicon()
    >>> lex.zipf("novembre") > lex.zipf("brumaire")
    True
    >>> lex.has(lex.packed("hache"), "HASP")
    True
"""

from __future__ import annotations

import gzip
import json
import sys
import threading
from array import array
from dataclasses import dataclass
from functools import cached_property
from importlib import resources

__all__ = ["GAP_OFFSET", "Lexicon", "get_lexicon", "load_json"]

#: ``gap10`` codes are stored as ``gap * 10 + GAP_OFFSET`` (0 = word has no synonym entry).
GAP_OFFSET = 50
ZIPF_MASK = 0x7F
GAP_SHIFT = 7
FLAG_SHIFT = 14

_LOCK = threading.Lock()
_LEXICON: Lexicon | None = None


def load_json(name: str) -> dict:
    """Read one JSON data file shipped in ``cleannews/score/data``.

    >>> "det_gender" in load_json("function_words.json")
    True
    """
    return json.loads(data_text(name))


def data_text(name: str) -> str:
    """The text of one data file shipped in ``cleannews/score/data``.

    >>> data_text("sentence_abbreviations_fr.txt").startswith("#")
    True
    """
    return resources.files("cleannews.score").joinpath("data", name).read_text(encoding="utf-8")


@dataclass
class Lexicon:
    """Word form -> packed int (Zipf, synonym gap, reading flags)."""

    words: dict[str, int]
    flag_bits: dict[str, int]

    def packed(self, word: str) -> int:
        """The packed entry of a lower-case word (0 when unknown)."""
        return self.words.get(word, 0)

    def zipf(self, word: str) -> float:
        """wordfreq Zipf frequency of ``word`` (0.0 when unknown)."""
        return (self.words.get(word, 0) & ZIPF_MASK) / 10

    def has(self, packed: int, flag: str) -> bool:
        """True when the packed entry carries reading ``flag`` ("N", "NF", "HASP" …)."""
        return bool((packed >> FLAG_SHIFT) & self.flag_bits[flag])

    @cached_property
    def masks(self) -> dict[str, int]:
        """Flag masks already shifted into packed position (for fast ``&`` tests)."""
        return {k: v << FLAG_SHIFT for k, v in self.flag_bits.items()}


def _load() -> Lexicon:
    """Read the word list and the aligned packed array into a :class:`Lexicon` (~0.1 s)."""
    flag_bits = load_json("lexicon_flags.json")
    data = resources.files("cleannews.score").joinpath("data")
    words = gzip.decompress(data.joinpath("lexicon_words.txt.gz").read_bytes()).decode("utf-8")
    values = array("Q")
    values.frombytes(gzip.decompress(data.joinpath("lexicon_packed.u64.gz").read_bytes()))
    if sys.byteorder != "little":
        values.byteswap()
    keys = words.split("\n")
    if len(keys) != len(values):
        raise RuntimeError("corrupt spin lexicon: word list and packed array differ in length")
    return Lexicon(dict(zip(keys, values, strict=False)), flag_bits)


def get_lexicon() -> Lexicon:
    """The shared lexicon, loaded once on first use (thread-safe)."""
    global _LEXICON
    if _LEXICON is None:
        with _LOCK:
            if _LEXICON is None:
                _LEXICON = _load()
    return _LEXICON

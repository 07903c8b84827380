"""perf24: the page-language guess counts its stopwords with one packed ``sum``.

``strip._pagelang._stop_cover`` adds one int per stopword (a 1 in the field of each language
whose stoplist holds it) instead of a Python step per word and per language. These tests
hold it to the loop it replaced (``reference_cover``, the code of main before perf24) on real
inputs (the TRAIN pages of ``fixtures/strip_real``, the seeds, the seeds' lines as small
documents) and on adversarial word lists (longer than one packed sum, every field at its
maximum, words of every stoplist, words of none), and the whole guess to the guess built on
that loop. ``benchmarks/ab_strip_instructions.at_one_path`` (the ``--one-path`` flag of the
``ab_*_instructions.py`` scripts) is checked to count the tree it is given.
"""

from __future__ import annotations

import re
import sys

import pytest

from _helpers import ROOT, seed_lines
from cleannews.config import RULE_LANGUAGES
from cleannews.strip import _pagelang
from cleannews.strip._pagelang import (
    COVER_BITS,
    COVER_CHUNK,
    PAGE_LANGUAGE_CHARS,
    PAGE_LANGUAGE_MARGIN,
    PAGE_LANGUAGE_MIN_STOP,
    PageLanguage,
    _stop_cover,
    _stop_table,
    guess_page_language,
)

_WORD = re.compile(r"\w+")


def reference_cover(words: list[str]) -> list[int]:
    """The count of main before perf24: a Python step per word and per language."""
    langs, table = _stop_table()
    cover = [0] * len(langs)
    for w in words:
        hit = table.get(w)
        if hit is not None:
            for i in hit:
                cover[i] += 1
    return cover


def reference_guess(text: str) -> PageLanguage:
    """:func:`guess_page_language` on :func:`reference_cover` (main's code before perf24)."""
    langs = _stop_table()[0]
    cover = reference_cover(_WORD.findall(text[:PAGE_LANGUAGE_CHARS].lower()))
    top = max(range(len(langs)), key=cover.__getitem__)
    best = cover[top]
    second = max((c for i, c in enumerate(cover) if i != top), default=0)
    clear = best >= PAGE_LANGUAGE_MIN_STOP and best >= PAGE_LANGUAGE_MARGIN * second
    return PageLanguage(langs[top] if clear else None, langs[top])


def _real_texts(strip_real_docs) -> list[str]:
    pages = [doc for rec, doc, _ in strip_real_docs.values() if rec["split"] == "train"]
    seeds = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return pages + seeds


def test_cover_equals_the_loop_on_real_pages(strip_real_docs):
    texts = _real_texts(strip_real_docs)
    assert len(texts) > 100
    for text in texts:
        for words in (_WORD.findall(text[:PAGE_LANGUAGE_CHARS].lower()),
                      _WORD.findall(text.lower())):  # the whole page: more than one field's worth
            assert _stop_cover(words, len(RULE_LANGUAGES)) == reference_cover(words)


def test_guess_equals_the_loop_guess_on_real_pages(strip_real_docs):
    texts = _real_texts(strip_real_docs) + seed_lines()
    langs = set()
    for text in texts:
        got = guess_page_language(text)
        assert got == reference_guess(text), text[:80]
        langs.add(got.rules)
    assert {"fr", "de", "es", "it", None} <= langs  # the pages cover the languages


def _word_of(languages: set[int]) -> str | None:
    """A stopword whose stoplists are exactly ``languages`` (indices), if there is one."""
    for w, ix in sorted(_stop_table()[1].items()):
        if set(ix) == languages:
            return w
    return None


@pytest.mark.parametrize("n", [0, 1, COVER_CHUNK - 1, COVER_CHUNK, COVER_CHUNK + 1,
                               3 * COVER_CHUNK + 7])
def test_fields_never_carry_into_the_next(n):
    """Words of every stoplist, repeated up to and past one packed sum's capacity: a field
    at its maximum (``2 ** COVER_BITS - 1``) never carries into its neighbour."""
    every = _word_of(set(range(len(RULE_LANGUAGES))))
    assert every is not None  # ("the" is in all five)
    for words in ([every] * n, [every, "zzz-pas-un-mot"] * n, [every] * n + ["der"] * n):
        got = _stop_cover(words, len(RULE_LANGUAGES))
        assert got == reference_cover(words)
        assert max(got, default=0) < (1 << (COVER_BITS + 3))


def test_each_language_alone_and_mixed():
    """One word per combination of stoplists that occurs, in growing repeats."""
    combos = sorted({ix for ix in _stop_table()[1].values()})
    assert len(combos) > len(RULE_LANGUAGES)
    words = []
    for k, ix in enumerate(combos):
        words += [_word_of(set(ix))] * (k + 1)
        words += ["pas_un_mot", "", "2024"]
        assert _stop_cover(words, len(RULE_LANGUAGES)) == reference_cover(words)


def test_one_path_counts_the_tree_it_is_given(tmp_path):
    """``at_one_path`` copies the package (without ``__pycache__``) and compiles it."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from ab_strip_instructions import at_one_path
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    tree = tmp_path / "tree" / "src" / "cleannews"
    tree.mkdir(parents=True)
    (tree / "__init__.py").write_text("X = 1\n", "utf-8")
    (tree / "__pycache__").mkdir()
    (tree / "__pycache__" / "stale.pyc").write_bytes(b"x")
    slot = tmp_path / "slot"
    got = at_one_path(tree.parent, slot)
    assert got == slot / "src"
    assert (got / "cleannews" / "__init__.py").read_text("utf-8") == "X = 1\n"
    assert not (got / "cleannews" / "__pycache__" / "stale.pyc").exists()
    assert list((got / "cleannews" / "__pycache__").glob("__init__.*.pyc"))
    (tree / "__init__.py").write_text("X = 2\n", "utf-8")  # the next tree replaces it
    at_one_path(tree.parent, slot)
    assert (got / "cleannews" / "__init__.py").read_text("utf-8") == "X = 2\n"


def test_packed_table_is_the_stop_table():
    packed = _pagelang._packed_stops()
    table = _stop_table()[1]
    assert packed.keys() == table.keys()
    for w, ix in table.items():
        assert [(packed[w] >> (COVER_BITS * i)) & COVER_CHUNK for i in range(len(RULE_LANGUAGES))
                ] == [int(i in ix) for i in range(len(RULE_LANGUAGES))]

"""The strip stage's speed work of round 32 (issue 12, branch perf40) changes no output.

Each change replaces Python work with the same answer computed in C; each test here checks
the new code against the code it replaces (kept below as the reference), on real inputs:

* :func:`cleannews.strip._chars.first_digit` / :func:`~cleannews.strip._chars.has_digit`
  (one ``re`` search of a class) for the per-character generators ``next(k for k, c in
  enumerate(text) if c.isdigit())`` / ``any(c.isdigit() for c in text)`` of
  ``detectors._series_key``, ``_tables.row_shape`` / ``aligned_shape`` and
  ``_headzone.label_line`` / ``_headline_words``: the class against ``str.isdigit`` over the
  whole of Unicode, both functions on every line and word of every TRAIN page;
* :func:`cleannews.strip._pagelang.stop_counts` (the stop words picked by ``map`` /
  ``filter``, each adding a precomputed share) against the loop over every word that divided
  each time: the same counts and the same floats, bit for bit, on the heads of every TRAIN
  page and on seeded soups of stop words shared by several stoplists (where the order of
  float additions shows);
* the trigger plans of a short document read from its vocabulary cut to the rule words
  (``judge_lines``) against the plans of its whole vocabulary, on every TRAIN page.

The whole strip output (text, every change and its reason, metadata; ``clean``'s Document and
``explain``) of every TRAIN page, the stress set and the benchmark corpus is compared with
main's by ``benchmarks/strip_identity40.py`` (0 of 3,834 items differ; the figures in the
round-32 strip-throughput section of docs/performance-history.md), and the strip and
clean pins (``tests/test_strip_regression.py``, ``tests/test_clean_regression.py``) pass
unchanged.

On main's code (b1ab386c) the tests fail at import: ``_chars`` and ``stop_counts`` do not
exist there.
"""

from __future__ import annotations

import random
import re
import sys

import pytest

from _helpers import hang_guard, train_pages
from cleannews import CleanConfig
from cleannews.strip import strip_text
from cleannews.strip._assemble import split_lines
from cleannews.strip._chars import _DIGIT, NON_DECIMAL_DIGITS, first_digit, has_digit
from cleannews.strip._pagelang import (
    PAGE_LANGUAGE_CHARS,
    _stop_table,
    guess_page_language,
    stop_counts,
)
from cleannews.strip._rules import load_rules
from cleannews.strip.detectors import _HEAD3, LowBlocks, _rule_words, _series_key, build_lines

#: A 1 MB line for the adversarial tests.
MB = 1_000_000
#: Seconds an adversarial 1 MB input may take before the test calls it a hang.
HANG_SECONDS = 60
#: Seeded stop-word soups checked by :func:`test_stop_counts_are_the_loops_floats`.
SOUPS = 3000


def ref_first_digit(text: str) -> int | None:
    """The code :func:`first_digit` replaces (``detectors._series_key`` up to round 31)."""
    return next((k for k, c in enumerate(text) if c.isdigit()), None)


def ref_stop_counts(words) -> tuple[list[int], list[float]]:
    """The loop :func:`stop_counts` replaces (``guess_page_language`` up to round 31), on the
    stop table as it was (each word with the indexes of its stoplists)."""
    langs, table = _stop_table()
    cover = [0] * len(langs)
    share = [0.0] * len(langs)
    for w in words:
        hit = table.get(w)
        if hit is not None:
            ix = [i for i, _ in hit]
            for i in ix:
                cover[i] += 1
                share[i] += 1 / len(ix)
    return cover, share


@pytest.fixture(scope="module")
def train_lines() -> list[str]:
    """Every line of every TRAIN page (stripped, not blank)."""
    return [x.strip() for _, page, _ in train_pages() for x in page.split("\n") if x.strip()]


# --- digits ---------------------------------------------------------------------------------


def test_the_digit_class_is_str_isdigit_over_unicode():
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert set(_DIGIT.findall(every)) == {c for c in every if c.isdigit()}
    non_decimal = set(re.findall("[" + NON_DECIMAL_DIGITS + "]", every))
    assert non_decimal == {c for c in every if c.isdigit() and not c.isdecimal()}
    assert len(non_decimal) == 128


@pytest.mark.parametrize("text, first", [
    ("", None), ("Lire la suite", None), ("Page 2", 5), ("x²", 1), ("① Titre", 0),
    ("Séance ٣", 7), ("ፍ፩", 1), ("𝟏 bold", 0), ("Ⅻ siècle", None), ("一二三", None),
    ("½ tasse", None), ("¹⁰ puissances", 0), ("🄁 dingbat", 0),
])
def test_first_digit_on_edge_characters(text, first):
    """Superscripts, circled and Ethiopic figures are ``isdigit``; Roman numerals, CJK
    numerals and vulgar fractions are numeric but no digit."""
    assert first_digit(text) == ref_first_digit(text) == first
    assert has_digit(text) is (first is not None)


def test_first_digit_and_has_digit_on_every_train_line_and_word(train_lines):
    assert len(train_lines) > 10_000
    seen = {"digit": 0, "none": 0}
    for x in train_lines:
        ref = ref_first_digit(x)
        assert first_digit(x) == ref, x
        assert has_digit(x) is (ref is not None), x
        seen["none" if ref is None else "digit"] += 1
        for w in x.casefold().split():
            assert has_digit(w) is any(c.isdigit() for c in w), w
    assert min(seen.values()) > 2_000, seen


def test_series_key_on_every_train_line(train_lines):
    """``_series_key`` as it was (the generator) and as it is give the same key."""

    def ref(text: str) -> str | None:
        from cleannews.strip.detectors import _LETTER, MAX_SCAN_CHARS, SERIES_KEY_MAX_WORDS

        scan = text[:MAX_SCAN_CHARS]
        first = ref_first_digit(scan)
        if first is None:
            return None
        key, rest = scan[:first].strip().casefold(), scan[first:]
        if (not key or len(key.split()) > SERIES_KEY_MAX_WORDS or not _LETTER.search(key)
                or not _LETTER.search(rest)):
            return None
        return key

    keys = 0
    for x in train_lines:
        got = _series_key(x)
        assert got == ref(x), x
        keys += got is not None
    assert keys > 1_000


# --- the page's language --------------------------------------------------------------------


def test_stop_counts_are_the_loops_counts_on_every_train_page():
    for _, page, _ in train_pages():
        head = page[:PAGE_LANGUAGE_CHARS]
        words = re.findall(r"\w+", head.lower())
        for cut in (len(words), len(words) // 2, 10):
            assert stop_counts(words[:cut]) == ref_stop_counts(words[:cut])


def test_stop_counts_are_the_loops_floats():
    """Soups of stop words of several stoplists (each adds 1/2, 1/3 … to several shares):
    the floats equal the loop's bit for bit (``==`` on floats; ``repr`` too), whatever the
    order of the words."""
    _, table = _stop_table()
    shared = sorted(w for w, hit in table.items() if len(hit) > 1)
    alone = sorted(w for w, hit in table.items() if len(hit) == 1)
    assert len(shared) > 50
    rng = random.Random(40)
    inexact = 0
    for _ in range(SOUPS):
        words = rng.choices(shared, k=rng.randint(1, 150))
        words += rng.choices(alone, k=rng.randint(0, 20))
        rng.shuffle(words)
        got, ref = stop_counts(words), ref_stop_counts(words)
        assert got == ref and repr(got) == repr(ref), words
        inexact += any(x != round(x, 6) for x in got[1])  # sums of thirds, fifths …
    assert inexact > SOUPS // 2  # the floats are not round: their order of addition counts


def test_the_page_language_guess_on_every_train_page():
    """The guess reads ``stop_counts``: the same decision as the loop on every TRAIN page."""
    langs = _stop_table()[0]
    named = 0
    for _, page, _ in train_pages():
        words = re.findall(r"\w+", page[:PAGE_LANGUAGE_CHARS].lower())
        got = guess_page_language(page)
        cover, _ = ref_stop_counts(words)
        top = max(range(len(langs)), key=cover.__getitem__)
        assert got.stop == langs[top]
        named += got.rules is not None
    assert named > 500


# --- trigger plans of a short document --------------------------------------------------------


def test_plans_of_the_vocabulary_cut_to_the_rule_words():
    """The plans of a short document's whole vocabulary and of that vocabulary cut to the
    rule words (as ``judge_lines`` now does) are the same triggers."""
    rs = load_rules(("fr", "en"))
    rule_words, rule_heads = _rule_words(rs)
    assert rule_words and rule_heads
    cut_smaller = 0
    for _, page, _ in train_pages()[::2]:
        built = build_lines(page, split_lines(page), ("fr", "en"))  # every word kept
        words = built.doc_words
        heads3 = rule_heads.intersection(map(_HEAD3, words))
        cut = rule_words.intersection(words)
        cut_smaller += len(cut) < len(words)
        low = LowBlocks(built.lines)
        for (a_always, a_active), (b_always, b_active) in zip(
            low.plans(rs, words, heads3), low.plans(rs, cut, heads3), strict=True
        ):
            assert a_always == b_always
            assert sorted(a_active) == sorted(b_active)
    assert cut_smaller > 400


# --- adversarial 1 MB inputs ------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "a" * MB, "é" * MB, ("Procès-verbal - " * (MB // 16)), "²" * MB, ("x" * (MB - 1)) + "7",
])
def test_digit_search_on_a_1mb_line(line):
    with hang_guard(HANG_SECONDS):
        assert first_digit(line) == ref_first_digit(line)
        assert has_digit(line) is (ref_first_digit(line) is not None)


@pytest.mark.parametrize("doc", [
    "la " * (MB // 3),  # one 1 MB line of stop words shared by three stoplists
    ("le de la " * 50 + "\n") * (MB // 451),  # many lines of them
    " ".join(f"mot{k}x Procès-verbal {k}" for k in range(MB // 30)),  # a huge vocabulary
    "Titre\n" + "\n".join(f"Séance {k} | {k} | {k + 1}" for k in range(MB // 20)),
])
def test_strip_on_1mb_documents(doc):
    """The guess, the series, the table shapes and the plans on 1 MB documents: no hang."""
    with hang_guard(HANG_SECONDS):
        out = strip_text(doc[:MB], CleanConfig())
    assert isinstance(out.text, str)

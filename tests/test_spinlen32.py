"""Spin scoring of long texts, round 29 (issue 11; docs/spin-history.md, "Long texts: parts cut
at sentence ends, the highest of many parts discounted (issue 11, round 29)").

1. A paragraph too long for a part (one giant paragraph, a page whose line breaks were lost)
   is cut inside, at sentence ends, else between words (``_segments.MAX_SEGMENT_WORDS``):
   such a text was one part, scored whole, and a spun section in it was lost.
2. A long text's score is its most spun part's, discounted for the number of parts it was
   the highest of (``_segments.parts_logit``: ``PART_TAIL_SCALE * ln(n / REFERENCE_PARTS)``
   off the logit): the highest of many human parts' scores grew with their number.
3. Texts of at most ``LONG_TEXT_WORDS`` words are scored whole, as before.

Inputs are real development data: the spin negatives' development split (human French of
several genres), the development spins of ``fixtures/spin/validation.jsonl.gz`` and the seeds.
"""

from __future__ import annotations

import math
import random
from itertools import pairwise
from pathlib import Path

import pytest

import cleannews
from _helpers import dev_negatives, hang_guard, validation_spins, words_up_to
from cleannews.score._segments import (
    LONG_TEXT_WORDS,
    MAX_SEGMENT_WORDS,
    REFERENCE_PARTS,
    SEGMENT_WORDS,
    parts_logit,
    text_segments,
)

ROOT = Path(__file__).resolve().parents[1]
SPUN_SEED = ROOT / "seeds" / "003_d0613672c8185330.txt"


@pytest.fixture(scope="module")
def human() -> list[str]:
    """The spin negatives' development split, shuffled once."""
    return dev_negatives(shuffle_seed=29)


@pytest.fixture(scope="module")
def naive_spins() -> list[str]:
    """Development spins (dictionary V, naive, 30 % of the words)."""
    return validation_spins("naive", 0.3)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _check_cuts(text: str, parts: list[tuple[int, int]]) -> None:
    """Parts cover ``text`` end to end, each cut after white space (never inside a word),
    each part of SEGMENT_WORDS to MAX_SEGMENT_WORDS words (the last at least half)."""
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(parts))
    assert all(text[a - 1].isspace() and not text[a].isspace() for a, _ in parts[1:])
    sizes = [len(text[a:b].split()) for a, b in parts]
    assert all(SEGMENT_WORDS <= w <= MAX_SEGMENT_WORDS for w in sizes[:-1]), sizes
    assert SEGMENT_WORDS // 2 <= sizes[-1] <= MAX_SEGMENT_WORDS + SEGMENT_WORDS // 2, sizes


# --- 1. cuts inside long paragraphs -------------------------------------------------------


def test_human_french_on_one_line_is_cut_at_sentence_ends(human):
    """8,000 words of human French with its line breaks lost: one part on main (scored
    whole); now parts of 400-800 words, each but the last ending at a sentence end."""
    text = _flat(" ".join(words_up_to(human, 8000)))
    parts = text_segments(text)
    assert parts is not None and len(parts) >= 10
    _check_cuts(text, parts)
    ends = [text[:a].rstrip()[-1] for a, _ in parts[1:]]
    assert sum(c in ".!?…»\"”)" for c in ends) >= 0.8 * len(ends), ends


def test_a_giant_paragraph_among_short_ones_is_cut():
    """Short lines, then one paragraph of 3,000 words, then short lines again: no part holds
    the whole paragraph (on main, the part that reached it ran to 3,000 words)."""
    para = "Le conseil municipal a voté le budget de la ville. " * 300  # 3,000 words
    text = "Une ligne courte de six mots.\n" * 100 + para + "\n" + "Une autre ligne.\n" * 200
    parts = text_segments(text)
    _check_cuts(text, parts)


def test_a_text_without_sentence_ends_is_cut_between_words():
    text = "mot " * 100_000
    parts = text_segments(text)
    _check_cuts(text, parts)
    assert len(parts) == 100_000 // SEGMENT_WORDS


@pytest.mark.parametrize("unit", [
    "Le chat dort. ",              # 333,000 sentence ends
    ".",                           # one word of a million dots
    ".» ",                         # a sentence end every three characters, and no letter
    "a" * 999 + " ",               # words of a thousand letters
    "Il dit « non ! » et part… ",  # French punctuation and closing quotes
    "M. X. " * 3 + "\u00a0",       # initials, no-break spaces
])
def test_a_megabyte_on_one_line_is_cut_in_linear_time(unit):
    text = unit * (1_000_000 // len(unit))
    with hang_guard(60):
        parts = text_segments(text)
        s = cleannews.spin_score(text)
    if len(text.split()) <= LONG_TEXT_WORDS:
        assert parts is None
    else:
        _check_cuts(text, parts)
    assert s.label in ("clean", "suspect", "spun", "insufficient", "unsupported_language")


def test_a_spun_section_on_one_line_is_found(human, naive_spins):
    """About 400 words of development spins inside 8,000 words of human French, line breaks
    lost: scored whole on main (clean: the spun words were diluted); now quarantined, and the
    part named is the one holding the section."""
    rnd = random.Random(3)
    section = _flat(" ".join(words_up_to(rnd.sample(naive_spins, 6), 400)))
    before = _flat(" ".join(words_up_to(human, 4000)))
    after = _flat(" ".join(words_up_to(human, 4000, start=200)))
    text = f"{before} {section} {after}"
    doc = cleannews.clean(text)
    s = doc.spin
    assert s.label == "spun" and doc.verdict == "quarantine"
    a, b = len(before) + 1, len(before) + 1 + len(section)
    start, end = int(s.signals["segment_start"]), int(s.signals["segment_end"])
    assert start < b and a < end
    assert "of the cleaned text)" in doc.reason and f"part {int(s.signals['segment'])} of" \
        in doc.reason


# --- 2. the score of many parts ------------------------------------------------------------


def test_parts_logit_discounts_the_highest_of_many_parts():
    import math

    from cleannews.score._segments import PART_TAIL_SCALE

    # the highest part of 50: ln(50 / REFERENCE_PARTS) lower, on the logit
    assert parts_logit(3.0, 50) == pytest.approx(
        3.0 - PART_TAIL_SCALE * math.log(50 / REFERENCE_PARTS))
    assert parts_logit(3.0, 2 * REFERENCE_PARTS) < parts_logit(3.0, REFERENCE_PARTS + 1) < 3.0
    # no discount up to REFERENCE_PARTS parts (the length of a text scored whole)
    assert parts_logit(3.0, REFERENCE_PARTS) == parts_logit(3.0, 2) == 3.0


def test_long_human_french_is_not_suspect_on_the_number_of_its_parts(human):
    """Six joins of about 20,000 words of human French (development split): on main their
    highest part made the text's score, and the highest of some 45 parts is "suspect" more
    often than not (57 % of 63 such joins, round 29's development measure); now each is
    discounted for its number of parts, and the part named still is the highest one."""
    suspect = 0
    for k in range(6):
        text = "\n\n".join(human[80 * k:80 * (k + 1)])
        s = cleannews.spin_score(text)
        assert s.n_words > 15_000 and s.signals["segments"] > 30
        assert s.label != "spun"
        assert s.score <= s.signals["segment_score"]
        assert s.signals["parts_adjustment"] <= 0.0
        suspect += s.label == "suspect"
    assert suspect <= 2


def test_a_spun_article_inside_20000_words_of_human_french_is_quarantined(human):
    """The spun seed (1,180 words) inside about 20,000 words of human French: still
    quarantined, and the evidence is the spun part's."""
    spun = SPUN_SEED.read_text("utf-8")
    docs = words_up_to(human, 20_000)
    text = "\n\n".join([*docs[:40], spun, *docs[40:]])
    doc = cleannews.clean(text)
    s = doc.spin
    assert doc.verdict == "quarantine" and s.signals["segments"] > 40
    part = doc.text[int(s.signals["segment_start"]):int(s.signals["segment_end"])]
    assert "contingentement" in part or any(e.text in spun for e in s.evidence)
    assert all(s.signals["segment_start"] <= e.span[0] < s.signals["segment_end"]
               for e in s.evidence)


# --- 3. short texts unchanged ---------------------------------------------------------------


def test_texts_up_to_the_long_text_length_are_scored_whole(human):
    """A text of at most LONG_TEXT_WORDS words is scored whole, with line breaks or
    without: the same score as a single part."""
    docs = words_up_to(human, LONG_TEXT_WORDS - 300)
    for text in ("\n\n".join(docs), _flat(" ".join(docs))):
        assert len(text.split()) <= LONG_TEXT_WORDS
        assert text_segments(text) is None
        s = cleannews.spin_score(text)
        assert "segments" not in s.signals and "parts_adjustment" not in s.signals


def test_the_long_text_length_is_the_bound_on_one_line_too():
    """LONG_TEXT_WORDS words on one line: scored whole; one word more: in parts (on main,
    any text without line breaks was scored whole)."""
    sentence = "Le maire a inauguré la nouvelle école du quartier. "  # 9 words
    text = sentence * (LONG_TEXT_WORDS // 9) + "mot " * (LONG_TEXT_WORDS % 9)
    assert len(text.split()) == LONG_TEXT_WORDS
    assert text_segments(text) is None
    parts = text_segments(text + "fin")
    _check_cuts(text + "fin", parts)
    assert len(parts) == LONG_TEXT_WORDS // SEGMENT_WORDS


def test_parts_not_in_french_are_left_out_of_the_score(human):
    """A long text of French and English (this project's English docs, on one line: cut at
    sentence ends too): the English parts are not scored and not counted in the discount;
    mostly English, the text is ``unsupported_language``."""
    english = _flat((ROOT / "docs" / "performance-history.md").read_text("utf-8"))
    english = " ".join(english.split()[:6000])
    french = _flat(" ".join(words_up_to(human, 3000)))
    mixed = cleannews.spin_score(f"{french}\n\n{english[:9000]}")
    assert mixed.language == "fr" and mixed.signals["segment_start"] < len(french)
    n_french = sum(p.span[1] <= len(french) + 2 for p in mixed.paragraphs)
    assert mixed.signals["parts_adjustment"] == pytest.approx(
        min(0.0, -math.log(n_french / REFERENCE_PARTS)), abs=1e-3)
    mostly = cleannews.spin_score(f"{french[:3000]}\n\n{english}")
    assert mostly.label == "unsupported_language" and mostly.score == 0.0

"""``repairs.badness.is_bad`` is ftfy's ``is_bad``, searched in windows."""

from __future__ import annotations

import random
import re
from pathlib import Path

import ftfy.badness
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES
from hypothesis import given, settings
from hypothesis import strategies as st

from cleannews.repairs import badness

ROOT = Path(__file__).resolve().parents[1]

#: Every character ftfy's detector names, plus French letters, ASCII and spaces.
_DETECTOR_CHARS = "".join(MOJIBAKE_CATEGORIES.values()).replace("-", "")
_ALPHABET = _DETECTOR_CHARS + "abcxyzAZ019 .,;?!'\"-\n\t\u00a0\u202féèàçô’«»…→😀Ж"


def test_the_shipped_detector_has_the_structure_the_windows_need() -> None:
    assert badness.windows_are_exact(BADNESS_RE)
    assert badness._exact()


def test_structures_the_windows_cannot_serve_are_refused() -> None:
    for pattern in (
        r"[a-z]é",  # one non-ASCII character, not special
        r"é\s?è",  # an optional item between the two
        r"é(?=è)",  # lookaround
        r"éè$",  # an end anchor
        r"é[^a]",  # a negated class may be ASCII
        r"é{1,40}è",  # longer than the window
    ):
        assert not badness.windows_are_exact(re.compile(pattern)), pattern
    assert badness.windows_are_exact(re.compile(r"[a-z]Ã|éè|^Â "))


def test_windowed_answer_is_ftfys_on_french_lines_and_their_mojibake() -> None:
    rows = (ROOT / "fixtures" / "repair" / "fr_ud_sample.tsv").read_text("utf-8").splitlines()
    lines = [r.split("\t", 1)[1] for r in rows]
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        lines += path.read_text("utf-8").split("\n")
    typeset = [t.replace("'", "’").replace(" :", " :") for t in lines]
    damaged = [
        t.encode("utf-8").decode(codec, "replace")
        for t in typeset
        for codec in ("cp1252", "latin-1", "cp1251", "mac_roman", "cp1250")
    ]
    assert len(lines) > 500
    flagged = 0
    for line in lines + typeset + damaged:
        expected = ftfy.badness.is_bad(line)
        assert badness.is_bad(line) == expected, line
        flagged += expected
    assert flagged > len(damaged) // 2


def test_windowed_answer_is_ftfys_on_random_detector_text() -> None:
    rng = random.Random(12)
    flagged = 0
    for _ in range(50_000):
        text = "".join(
            rng.choice(_ALPHABET) if rng.random() < 0.6 else rng.choice("ab cd.")
            for _ in range(rng.randint(0, 40))
        )
        expected = ftfy.badness.is_bad(text)
        assert badness.is_bad(text) == expected, repr(text)
        flagged += expected
    assert 1000 < flagged < 49_000


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=80) | st.text(max_size=80))
def test_windowed_answer_is_ftfys_on_hypothesis_text(text: str) -> None:
    assert badness.is_bad(text) == ftfy.badness.is_bad(text)


def test_matches_far_apart_and_at_the_edges() -> None:
    clean = "l’économie « résiste » " * 50
    assert not badness.is_bad(clean)
    for bad in ("Ã©", "â€™", "Ð¼Ð¾", "Ã", "Ž™", "√±", "вЂ"):
        for text in (bad + clean, clean + bad, clean + bad + clean):
            assert badness.is_bad(text) == ftfy.badness.is_bad(text), (bad, len(text))

"""Vertical tabs, form feeds and record separators end lines; they do not glue words.

Word exports write a manual line break as a vertical tab (``\\x0b``) and text extracted
from PDF separates pages with a form feed (``\\x0c``). ftfy removes the first (and the
file / group / record separators) and keeps the second: "un.\\x0bLigne" became
"un.Ligne" (audit10). The repair stage turns them into line breaks, explained.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cleannews

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("sep", ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e"])
def test_a_separator_becomes_a_line_break(sep):
    doc = cleannews.clean(f"Le conseil a voté le budget.{sep}La séance est levée à midi.")
    assert doc.text == "Le conseil a voté le budget.\nLa séance est levée à midi."
    [change] = [c for c in doc.changes if c.stage == "repair"]
    assert (change.rule, change.before, change.after) == ("fix_line_breaks", sep, "\n")
    assert change.span == (28, 29)


@pytest.mark.parametrize("sep", ["\x0b", "\x0c"])
def test_a_seed_with_its_paragraph_breaks_as_separators_cleans_like_the_seed(sep):
    """A real document whose line breaks were exported as separators gives the seed's text."""
    seed = next(p for p in sorted((ROOT / "seeds").glob("*.txt")) if not p.name.startswith("003"))
    text = seed.read_text("utf-8")
    assert cleannews.clean(text.replace("\n", sep)).text == cleannews.clean(text).text


def test_cleaning_twice_changes_nothing_more():
    once = cleannews.clean("Titre\x0c\x0cPage deux.\x0bFin.").text
    assert once == "Titre\n\nPage deux.\nFin."
    assert cleannews.clean(once).text == once


def test_off_with_invisible_character_removal():
    cfg = cleannews.CleanConfig(remove_invisible=False)
    assert "\x0b" in cleannews.clean("Un.\x0bDeux.", config=cfg).text

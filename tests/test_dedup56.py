"""One gender and number reading for the spin detectors (round 40, dedup56; issue 11 item 4).

Round 39's ``_context.agreement_clash`` (a spinner's substitute inside a name: "la Pouvoir",
"des Fiscalité") read an article's gender and number against a word with its own copy of
the grammar checks' article agreement, and its own list of articles in the code. Both now
ask ``_features.gender_clash`` (a determiner's gender against a word's noun and adjective
readings) and ``_features.singular_only`` (a plural determiner against a singular-only
noun), and the articles are a data list (``function_words.json``: ``articles``,
``_features.ARTICLES``). The scores are unchanged (the spin pins, ``tools/spin/validate.py``
and the fit-input fingerprints of ``tests/test_spin_build_manifest.py`` are identical); these
tests fail on the round-start code (5cd3567f), which had neither function nor data list.
"""

from __future__ import annotations

import pytest

from cleannews.score import _context
from cleannews.score import _features as F
from cleannews.score._lexicon import get_lexicon, load_json


def _reasons(text: str, signal: str) -> list[str]:
    """The reasons of the hits ``signal`` of ``text``."""
    return [h.reason for h in F.analyse(text).hits if h.signal == signal]


@pytest.fixture
def asked(monkeypatch):
    """The (function, first argument, packed entry) of each call of the shared readings."""
    calls: list[tuple[str, str, int]] = []
    gender, number = F.gender_clash, F.singular_only

    def spy_gender(g, packed, masks):
        calls.append(("gender", g, packed))
        return gender(g, packed, masks)

    def spy_number(word, packed, masks):
        calls.append(("number", word, packed))
        return number(word, packed, masks)

    monkeypatch.setattr(F, "gender_clash", spy_gender)
    monkeypatch.setattr(F, "singular_only", spy_number)
    return calls


def test_grammar_and_name_reading_ask_one_gender_function(asked):
    """The grammar's article gender clash ("le maison", lower case) and the name reading
    ("le Maison", a capitalised substitute) ask the same function with the same entry, and
    the grammar keeps its reason text."""
    packed = get_lexicon().packed("maison")
    assert _reasons("Il a vendu le maison de son père hier.", "gender_agreement") == [
        "article gender clash: le maison (feminine)"]
    assert ("gender", "m", packed) in asked
    asked.clear()
    assert _context.agreement_clash("le", "maison", "Ma", False)
    assert asked == [("gender", "m", packed)]


def test_grammar_and_name_reading_ask_one_number_function(asked):
    """The grammar's plural determiner before a singular noun ("les rapport") and the name
    reading ("des Fiscalité") ask the same function."""
    assert _reasons("Ils ont lu les rapport de la commission hier.", "number_agreement") == [
        "plural determiner before a singular noun: les rapport"]
    assert ("number", "rapport", get_lexicon().packed("rapport")) in asked
    asked.clear()
    assert _context.agreement_clash("des", "fiscalité", "Fi", False)
    assert asked == [("number", "fiscalité", get_lexicon().packed("fiscalité"))]


def test_articles_are_a_data_list_of_the_grammar_determiners():
    """The articles the name reading reads are a word list of ``function_words.json``, each
    a determiner whose gender or number the grammar checks know, and no possessive or
    demonstrative ("son Vie future" is a writer's title)."""
    listed = frozenset(load_json("function_words.json")["articles"])
    assert F.ARTICLES == listed == {"le", "la", "un", "une", "du", "au", "les", "des", "aux"}
    assert F.ARTICLES <= set(F.DET_GENDER) | F.DET_PLURAL
    assert not F.ARTICLES & ({"son", "sa", "ses", "ce", "cet", "cette", "ces"})
    assert not hasattr(_context, "CLASH_ARTICLES")

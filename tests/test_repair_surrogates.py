"""Unencodable input never vanishes: UTF-16 surrogates in a ``str`` input."""

from __future__ import annotations

import json

import orjson
import pytest

import cleannews
from cleannews import CleanConfig, Document
from cleannews.document import Change
from cleannews.repairs import repair_text

REPAIR_ONLY = CleanConfig(strip_boilerplate=False, score_spin=False)
API = [cleannews.repair, cleannews.clean, cleannews.clean_html]


def _encodes(doc: Document) -> dict:
    d = doc.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert orjson.loads(orjson.dumps(d)) == d
    return d


@pytest.mark.parametrize("fn", API, ids=lambda f: f.__name__)
def test_lone_surrogate_becomes_replacement_character(fn) -> None:
    doc = fn("Un texte x\ud800y isolé.")
    assert "x\ufffdy" in doc.text and "isolé" in doc.text
    (change,) = [c for c in doc.changes if c.rule == "replace_surrogates"]
    assert change.stage == "decode" and "lone" in change.reason
    assert change.before == "\\ud800" and change.after == "\ufffd"
    _encodes(doc)


@pytest.mark.parametrize("fn", API, ids=lambda f: f.__name__)
def test_surrogate_pair_is_joined(fn) -> None:
    doc = fn("Bravo \ud83d\ude00 !")
    assert "Bravo \U0001f600 !" in doc.text
    assert [c.rule for c in doc.changes if c.stage == "decode"] == ["join_surrogate_pairs"]
    _encodes(doc)


def test_clean_html_keeps_the_text_around_a_surrogate() -> None:
    # used to return "" (the HTML parser failed on the surrogate)
    assert cleannews.clean_html("x\ud800y").text.strip() == "x\ufffdy"
    doc = cleannews.clean_html("<p>Le march\u00e9 \udfff\ud800 de Rungis.</p>")
    assert "Le march\u00e9 \ufffd\ufffd de Rungis." in doc.text


def test_spans_point_into_the_decoded_text() -> None:
    text = "a\ud800b\ud83d\ude00c\udc00"
    doc = cleannews.repair(text, REPAIR_ONLY)
    assert doc.text == "a\ufffdb\U0001f600c\ufffd"
    for c in doc.changes:
        assert doc.text[c.span[0] : c.span[1]] == c.after


def test_to_dict_is_encodable_even_for_hand_made_documents() -> None:
    doc = Document(
        text="x\ud800y",
        changes=[Change("repair", "r", (0, 1), "\udfff", "", "why")],
        metadata={"title": ["t\udbff"]},
        id="id\ud800",
    )
    d = _encodes(doc)
    assert d["text"] == "x\\ud800y" and d["changes"][0]["before"] == "\\udfff"


def test_repair_text_called_directly_names_the_surrogate_fix() -> None:
    r = repair_text("x\ud800y", REPAIR_ONLY)
    assert r.text == "x\ufffdy"
    assert [c.rule for c in r.changes] == ["fix_surrogates"]
    assert "lone half" in r.changes[0].reason

"""Site templates: lines recurring across a source's documents are removed, content is safe."""

from __future__ import annotations

import json

import pytest

from cleannews.strip.templates import SiteTemplates

FURNITURE = "Suivez toute l'actualité d'Exemple sur nos réseaux"
SENTENCE = (
    "Le ministre de l'Économie a confirmé mardi que le plan de relance serait voté "
    "avant la fin de l'année, selon plusieurs sources concordantes."
)


def _doc(i: int, extra: str = "") -> str:
    body = f"Paragraphe {i} unique sur la vie locale à Lyon."
    return f"Titre numéro {i} du jour\n\n{body}\n\n{FURNITURE}\n{extra}"


def test_recurring_line_removed_with_reason_and_exact_span():
    st = SiteTemplates(min_count=5, min_share=0.5)
    for i in range(10):
        st.add("exemple.fr", _doc(i))
    text = _doc(99)
    r = st.remove("exemple.fr", text)
    assert FURNITURE not in r.text
    assert "Paragraphe 99 unique" in r.text
    assert len(r.changes) == 1
    c = r.changes[0]
    assert c.stage == "template"
    assert text[c.span[0] : c.span[1]] == c.before
    assert "10 of 10 documents from exemple.fr" in c.reason


def test_other_source_and_small_source_untouched():
    st = SiteTemplates(min_count=5, min_share=0.5)
    for i in range(4):
        st.add("petit.fr", _doc(i))
    for i in range(10):
        st.add("exemple.fr", _doc(i))
    assert st.remove("petit.fr", _doc(7)).changes == []  # only 4 documents: below min_count
    assert st.remove("autre.fr", _doc(7)).changes == []


def test_sentence_recurring_in_few_documents_is_kept():
    st = SiteTemplates(min_count=5, min_share=0.5)
    for i in range(20):
        st.add("exemple.fr", _doc(i, SENTENCE if i < 12 else ""))  # 60 %: not enough for a sentence
    r = st.remove("exemple.fr", _doc(5, SENTENCE))
    assert SENTENCE in r.text
    assert FURNITURE not in r.text


def test_recurring_byline_and_source_credit_are_kept():
    st = SiteTemplates(min_count=3, min_share=0.5)
    for i in range(6):
        st.add("exemple.fr", _doc(i, "Par la rédaction avec AFP\n"))
    r = st.remove("exemple.fr", _doc(9, "Par la rédaction avec AFP\n"))
    assert "Par la rédaction avec AFP" in r.text
    assert FURNITURE not in r.text


def test_persist_round_trip():
    st = SiteTemplates(min_count=3, min_share=0.6)
    for i in range(6):
        st.add("exemple.fr", _doc(i))
    st2 = SiteTemplates.from_dict(json.loads(json.dumps(st.to_dict())))
    assert st2.remove("exemple.fr", _doc(1)).text == st.remove("exemple.fr", _doc(1)).text
    assert st2.documents("exemple.fr") == 6


def test_bad_thresholds_rejected():
    with pytest.raises(ValueError):
        SiteTemplates(min_count=1)
    with pytest.raises(ValueError):
        SiteTemplates(min_share=0)

"""Photo captions written without <figcaption> (issue 10, HTML path).

A ``<figcaption>`` was dropped, but many pages write the caption as a ``<div>`` or
``<span>`` beside the picture. It is recognised by structure, in any language: its
text repeats the picture's ``alt``, or it sits alone with the picture in a wrapper.
A paragraph that starts with a picture, a dateline beside an icon and names beside
players' pictures in a results table stay.
"""

from __future__ import annotations

import cleannews

CFG = cleannews.CleanConfig(score_spin=False, quarantine=False)
PARA = (
    "<p>La crue de la Seine a atteint mardi son plus haut niveau depuis dix ans, "
    "obligeant plusieurs communes à évacuer les habitations les plus exposées.</p>"
)


def _page(middle: str) -> str:
    return (
        "<html lang='fr'><body><article class='post'><h1>La Seine en crue</h1>"
        + PARA * 2
        + middle
        + PARA * 2
        + "</article></body></html>"
    )


def _rules(doc) -> list[str]:
    return [c.rule for c in doc.changes if c.stage == "html"]


def test_caption_repeating_the_pictures_alt_goes():
    media = (
        "<div class='media'><a href='/photos/pont.jpg'><img src='pont.jpg' "
        "alt='Le pont de Normandie sous la pluie'></a>"
        "<div class='sous-titre'>Le pont de Normandie sous la pluie</div></div>"
    )
    doc = cleannews.clean_html(_page(media), CFG)
    # old code: the caption stayed between two paragraphs of the article
    assert "pont de Normandie" not in doc.text
    assert "html_image_caption" in _rules(doc)


def test_caption_alone_with_its_picture_goes():
    media = (
        "<div class='illus'><img src='carte.png' width='640'>"
        "<span>Carte : les communes touchées par la crue</span></div>"
    )
    doc = cleannews.clean_html(_page(media), CFG)
    assert "Carte : les communes" not in doc.text
    assert doc.text.count("La crue de la Seine") == 4


def test_paragraph_starting_with_a_picture_stays():
    p = "<p><img src='maire.jpg'>Le maire a annoncé l'ouverture d'un gymnase.</p>"
    doc = cleannews.clean_html(_page(p), CFG)
    assert "Le maire a annoncé l'ouverture d'un gymnase." in doc.text


def test_dateline_beside_an_icon_stays():
    meta = (
        "<div class='metaline'><img src='calendar.svg' width='20' height='20' alt=''>"
        "<time datetime='2026-01-11'>11 janvier 2026</time></div>"
    )
    doc = cleannews.clean_html(_page(meta), CFG)
    assert "11 janvier 2026" in doc.text


def test_names_beside_pictures_in_a_results_table_stay():
    rows = "".join(
        f"<tr><td>{i}</td><td><img src='p{i}.jpg' alt='{name}'><span>{name}</span></td>"
        f"<td>{10 - i}</td></tr>"
        for i, name in enumerate(("Léa Martin", "Chloé Bernard", "Inès Petit"), 1)
    )
    doc = cleannews.clean_html(_page(f"<table>{rows}</table>"), CFG)
    for name in ("Léa Martin", "Chloé Bernard", "Inès Petit"):
        assert name in doc.text

"""Another article's card (picture, kicker, headline in one link) is a teaser (issue 10).

A short block that is mostly one link is a "read also" line, but one holding an
``<img>`` was kept whole (a linked photo of the article). A link wrapped around a
heading is another story's card: it goes, and so does the title above it.
"""

from __future__ import annotations

import cleannews

CFG = cleannews.CleanConfig(score_spin=False, quarantine=False)
PARA = (
    "<p>Le conseil municipal a voté mardi soir le budget de l'année prochaine, "
    "après trois heures de débats parfois vifs entre la majorité et l'opposition.</p>"
)


def _page(middle: str) -> str:
    return (
        "<html lang='fr'><body><article class='post'><h1>Le budget voté</h1>"
        + PARA * 2
        + middle
        + PARA * 2
        + "</article></body></html>"
    )


def test_teaser_card_and_its_title_go():
    card = (
        "<div class='module'><div class='subtitle'><h5>Nos autres reportages</h5></div>"
        "<div class='card'><a href='/climat/secheresse'><img src='s.jpg' alt=''>"
        "<span>Climat</span><h4>La sécheresse gagne le Sud-Ouest</h4></a></div></div>"
    )
    doc = cleannews.clean_html(_page(card), CFG)
    # old code: "Climat" and the teaser's headline stayed in the article
    assert "sécheresse" not in doc.text and "Climat" not in doc.text
    assert "Nos autres reportages" not in doc.text
    rules = {c.rule for c in doc.changes}
    assert {"html_link_line", "html_link_list_title"} <= rules
    assert doc.text.count("Le conseil municipal") == 4


def test_linked_photo_with_caption_stays():
    # no heading inside the link: the article's own picture and caption
    photo = (
        "<div class='photo'><a href='/photos/port.jpg'><img src='port.jpg' alt=''>"
        "Le port au lever du jour</a></div>"
    )
    doc = cleannews.clean_html(_page(photo), CFG)
    assert "Le port au lever du jour" in doc.text

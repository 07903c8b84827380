"""Round 36 (html51): reader polls and lists of tag links are furniture, in any language.

* A poll, quiz or rating set inside the article (radio buttons, their ``<label>`` answers
  and a short question) came out as short lines of the text (20 Minuten, fundus's test page
  ``ch/ZwanzigMinuten_2025_11_06``, dev part of the gold benchmark).
* The article's topics, a short block of links to the site's tag pages
  (``/tag/energiewende/``), stayed when it had fewer than three links or a picture in each
  item (ingenieur.de, dev half of trafilatura's set: "Themen im Artikel / Energiewende /
  Kernkraft" at the end of the article).

The pages are small excerpts rewritten by hand after those pages' shape; nothing copied.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

from cleannews import clean_html
from cleannews.strip.html import _measure, _tag_link, _tag_list


def _article(paragraph: str, extra: str, n: int = 6) -> str:
    body = "".join(f"<p>{paragraph} ({k})</p>" for k in range(n))
    return (
        "<html><body><div class=page><article class=story><h1>Le titre de l'article</h1>"
        f"{body}{extra}</article></div></body></html>"
    )


PARA = (
    "Le conseil municipal a voté le budget de l'année après un long débat sur les travaux "
    "de la halle, la cantine des écoles et l'éclairage des rues du centre-ville"
)

POLL = (
    '<div type="poll" class="sc-e17c7982-2"><div class="sc-c0e0cae7-0"><div class="q">'
    "<p>Quel remède préférez-vous quand vous êtes enrhumé ?</p></div><div>"
    '<label class="opt"><input type="radio" name="poll-answer" value="1">'
    "<label>Une soupe bien chaude.</label></label>"
    '<label class="opt"><input type="radio" name="poll-answer" value="2">'
    "<label>Beaucoup d'ail et de gingembre.</label></label>"
    '<label class="opt"><input type="radio" name="poll-answer" value="3">'
    "<label>Je n'ai pas de remède.</label></label></div></div></div>"
)


def test_a_poll_inside_the_article_goes_with_its_question() -> None:
    text = clean_html(_article(PARA, POLL)).text
    assert "Quel remède" not in text
    assert "Une soupe bien chaude." not in text
    assert "Je n'ai pas de remède." not in text
    assert f"{PARA} (5)" in text


def test_the_polls_change_names_its_rule() -> None:
    changes = clean_html(_article(PARA, POLL)).changes
    assert any(c.rule == "html_poll" for c in changes)


def test_radio_tabs_holding_the_articles_text_stay() -> None:
    tabs = (
        "<div class=tabs>"
        '<input type="radio" name="tabs" id="t1" checked><label for="t1">Le contexte</label>'
        f"<div class=panel><p>{PARA}, rappelle le maire.</p><p>{PARA}, ajoute l'adjointe.</p>"
        "</div>"
        '<input type="radio" name="tabs" id="t2"><label for="t2">Les chiffres</label>'
        "<div class=panel><p>Le budget atteint 12 millions d'euros, dont 3 pour la halle, "
        "2 pour la cantine et 1 pour l'éclairage des rues du centre-ville.</p></div></div>"
    )
    text = clean_html(_article(PARA, tabs, n=3)).text
    assert "rappelle le maire." in text
    assert "Le budget atteint 12 millions" in text


def test_speed_buttons_beside_the_headline_do_not_take_the_header() -> None:
    # n-tv: an audio player's speed buttons (a radio group) in the article's header zone
    header = (
        "<div class=head><h2 class=kicker><span>Politique</span> Le maire présente son "
        "budget</h2><time>12.12.2025, 05:07</time><div class=player>"
        + "".join(
            f'<label><input type="radio" name="speed" value="{v}" hidden>{v}x</label>'
            for v in ("0.5", "1", "1.5", "2")
        )
        + "</div></div>"
    )
    html = (
        "<html><body><article>" + header + "".join(f"<p>{PARA} ({k})</p>" for k in range(6))
        + "</article></body></html>"
    )
    text = clean_html(html).text
    assert "Le maire présente son budget" in text
    assert "12.12.2025" in text
    assert "1.5x" not in text


TAGS = (
    '<p class="ing-headline">Thèmes <span>de l\'article</span></p>'
    '<div class="ing-linkbox-category"><ul>'
    '<li><a href="https://www.example.fr/tag/transition-energetique/">'
    '<img src="/a.jpg" alt=""><span>Transition énergétique</span></a></li>'
    '<li><a href="https://www.example.fr/tag/nucleaire/"><img src="/b.jpg" alt="">'
    "<span>Nucléaire</span></a></li></ul></div>"
)


def test_a_list_of_two_tag_links_goes_with_its_title() -> None:
    # (inside the article's container, as WordPress themes set the post's tags)
    text = clean_html(_article(PARA, TAGS)).text
    assert "Nucléaire" not in text
    assert "Transition énergétique" not in text
    assert "Thèmes de l'article" not in text
    assert f"{PARA} (5)" in text


def test_a_tag_link_inside_a_sentence_stays() -> None:
    sentence = (
        '<p>Le maire a parlé de la <a href="/tag/transition-energetique/">transition '
        "énergétique</a> devant le conseil municipal réuni jeudi soir à la mairie.</p>"
    )
    text = clean_html(_article(PARA, sentence)).text
    assert "transition énergétique devant le conseil" in text


def test_a_list_mixing_tag_links_and_a_story_is_no_tag_list() -> None:
    soup = BeautifulSoup(
        '<ul><li><a href="/tag/nucleaire/">Nucléaire</a></li>'
        '<li><a href="/2025/12/le-maire-et-la-centrale">Le maire</a></li></ul>',
        "html.parser",
    )
    assert not _tag_list(soup.ul, _measure(soup), "example.fr")
    assert _tag_link("/tag/nucleaire/", "example.fr")
    assert not _tag_link("https://autre.fr/tag/nucleaire/", "example.fr")


def test_a_labelled_line_of_tag_links_goes() -> None:
    tags = (
        '<div class=x>Schlagworte: <a href="/schlagwort/haushalt/">Haushalt</a> '
        '<a href="/schlagwort/markthalle/">Markthalle</a></div>'
    )
    text = clean_html(_article(PARA, tags)).text
    assert "Markthalle" not in text
    assert f"{PARA} (5)" in text


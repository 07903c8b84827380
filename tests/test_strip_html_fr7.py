"""HTML path, branch html-fr7 (issue 10): shapes read on the dev part of the gold HTML
benchmark (``benchmarks/bench_html_gold.py``) and checked on the dev half of trafilatura's
evaluation set, each with the look-alike that must stay as it was. The pages below are
written for these tests in the shape of French news pages; no page of either set is copied.

* **a body split into like-named sections**: the article written as several
  ``<div class="section-inner">`` in a row (a blogging platform starts a new one after a
  picture) keeps the later ones, however short, with the chosen one; a sibling of
  another class (a comment box) does not come with them;
* **words of a sentence with a class**: ``<a class="popup">`` or ``<span class="tooltip
  ad">`` carrying a few words *inside* a sentence (a glossary note, a tooltip) is the
  article's text; a share label at the end of a paragraph, or a share link between two
  other links, still goes;
* **a logo ``<h1>`` protects nothing**: the menu bar that holds the site's logo written as
  ``<h1 class="logo">`` goes as any ``<nav>`` does when it sits in the article's header zone;
* **a ``<nav>`` in the header zone**: a breadcrumb or menu bar written as ``<nav>`` before
  the headline, beside the body, goes (the zone kept it whole).
"""

from __future__ import annotations

from _helpers import html_text
from test_strip_html_fr4 import CFG, PARA, SENT, TITLE  # the same article, one place

TAIL = (
    "<p>Le maire a promis de revenir devant le conseil au printemps, avec un premier bilan "
    "des économies réalisées dans les services.</p>"
)
MENU = (
    "<div class='menu'><a href='/'>Accueil</a> <a href='/politique'>Politique</a> "
    "<a href='/monde'>Monde</a> <a href='/sport'>Sport</a></div>"
)


def _split_body(second_class: str) -> str:
    return (
        "<html lang='fr'><head><title>Budget</title></head><body>"
        + MENU
        + "<div class='postfield'><div class='sections'>"
        + f"<div class='section-inner'><h1>{TITLE}</h1>"
        + PARA * 6
        + "</div>"
        + f"<div class='{second_class}'><h3>Et maintenant ?</h3>{TAIL}</div>"
        + "</div></div></body></html>"
    )


def test_like_named_section_after_the_chosen_one_stays():
    text = html_text(_split_body("section-inner"), CFG)
    assert "Le maire a promis de revenir" in text
    assert "Et maintenant ?" in text
    assert "Accueil" not in text


def test_section_of_another_class_is_not_pulled_in():
    assert "Le maire a promis de revenir" not in html_text(_split_body("comment-box"), CFG)


def _para_with(inner: str) -> str:
    return (
        "<html lang='fr'><head><title>Budget</title></head><body>"
        + MENU
        + f"<div class='article-body'><h1>{TITLE}</h1>"
        + PARA * 4
        + f"<p>{inner}</p>"
        + PARA * 2
        + "</div></body></html>"
    )


def test_popup_words_inside_a_sentence_stay():
    text = html_text(
        _para_with(
            "Le maire a <a href='javascript:void(0);' onclick='note()' class='popup'>reconnu "
            "ses torts</a>, puis il a quitté la salle sous les applaudissements."
        )
    , CFG)
    assert "Le maire a reconnu ses torts, puis il a quitté la salle" in text


def test_tooltip_span_inside_a_sentence_stays():
    text = html_text(
        _para_with(
            "La dette atteint <span class='tooltip-ad'>douze millions d'euros</span> selon "
            "le rapport de la chambre régionale."
        )
    , CFG)
    assert "La dette atteint douze millions d'euros selon" in text


def test_share_label_at_the_end_of_a_paragraph_still_goes():
    text = html_text(_para_with("Fin du compte rendu. <span class='share'>Partager</span>"), CFG)
    assert "Fin du compte rendu." in text
    assert "Partager" not in text


def test_share_link_between_links_still_goes():
    text = html_text(
        _para_with(
            "<a href='/a'>Suivre le conseil</a> <a class='share' href='/s'>Partager l'article"
            "</a> <a href='/b'>Lire les comptes rendus</a> et la suite."
        )
    , CFG)
    assert "Partager l'article" not in text


def _masthead(logo_class: str) -> str:
    return (
        "<html lang='fr'><head><title>Budget</title></head><body><div class='wrapper'>"
        "<header class='top'><nav class='barre'>"
        f"<h1 class='{logo_class}'><a href='/'>Le Journal</a></h1>"
        "<p>Édition du soir, mardi</p><p>Menu des rubriques et météo locale</p>"
        "</nav></header>"
        "<div class='article-body'><h2>" + TITLE + "</h2>" + PARA * 6 + "</div>"
        "</div></body></html>"
    )


def test_menu_bar_around_a_logo_h1_goes():
    text = html_text(_masthead("logo"), CFG)
    assert "Menu des rubriques" not in text
    assert SENT.strip() in text


def test_menu_bar_around_a_title_h1_is_walked_as_before():
    # an <h1> that says nothing of a logo still protects what holds it
    assert "Menu des rubriques" in html_text(_masthead("titre"), CFG)


def _zone(before: str) -> str:
    return (
        "<html lang='fr'><head><title>Budget</title></head><body>"
        + MENU
        + "<div class='page'>"
        + before
        + f"<h1>{TITLE}</h1><p class='chapo'>Trois heures de débat pour un budget serré.</p>"
        + "<div class='corps'>"
        + PARA * 6
        + "</div></div></body></html>"
    )


def test_nav_in_the_header_zone_goes():
    text = html_text(
        _zone("<nav class='fil'>Vous êtes ici : <a href='/'>Accueil</a> › Politique</nav>")
    , CFG)
    assert "Vous êtes ici" not in text
    assert "Trois heures de débat pour un budget serré." in text
    assert TITLE in text


def test_kicker_in_the_header_zone_stays():
    text = html_text(_zone("<p class='surtitre'>Conseil municipal</p>"), CFG)
    assert "Conseil municipal" in text


def test_french_related_box_by_class_goes():
    box = (
        "<div class='bloc sur-le-meme-sujet'><h3>Sur le même sujet</h3><p>Les élus de "
        "l'opposition dénoncent depuis des mois une gestion opaque des finances de la ville "
        "et des services.</p></div>"
    )
    html = _para_with("Le vote est acquis.").replace("<p>Le vote", box + "<p>Le vote")
    text = html_text(html, CFG)
    assert "Sur le même sujet" not in text
    assert "gestion opaque" not in text
    assert "Le vote est acquis." in text


def test_breadcrumb_by_french_class_goes():
    text = html_text(_zone("<div class='fil-ariane'>Accueil › Politique › Municipales</div>"), CFG)
    assert "Municipales" not in text
    assert TITLE in text


def _card(title: str) -> str:
    return (
        f"<div><a href='/politique/{len(title)}'><div><h2>{title}</h2><p>Le résumé de cet "
        "autre article tient en une phrase assez longue pour passer pour un paragraphe "
        "de prose, avec ses virgules, ses chiffres et ses détails.</p><span>Il y a 3 heures"
        "</span></div></a></div>"
    )


def test_cards_wrapped_whole_in_links_are_a_list_of_links():
    cards = (
        "<div class='x1'>"
        + "".join(
            _card(t) for t in ("Le préfet répond", "La région vote aussi", "Les impôts locaux")
        )
        + "</div>"
    )
    html = _para_with("Le vote est acquis.").replace("<p>Le vote", cards + "<p>Le vote")
    text = html_text(html, CFG)
    assert "Le préfet répond" not in text
    assert "Le résumé de cet autre article" not in text
    assert "Le vote est acquis." in text


def test_paragraphs_beside_links_are_still_prose():
    # the same paragraphs, not wrapped in the links: an article's list of sections stays
    block = (
        "<div class='x1'>"
        + "".join(
            f"<div><h2><a href='/s/{k}'>Partie {k}</a></h2><p>{SENT}</p></div>" for k in range(3)
        )
        + "</div>"
    )
    html = _para_with("Le vote est acquis.").replace("<p>Le vote", block + "<p>Le vote")
    text = html_text(html, CFG)
    assert SENT.strip() in text


def test_framework_hide_class_is_hidden():
    # Foundation and Bootstrap 3 write display:none as class "hide" (whole value only)
    box = (
        "<div class='referenced-item hide'><p>Un autre article que le lecteur ne voit pas."
        "</p></div>"
    )
    html = _para_with("Le vote est acquis.").replace("<p>Le vote", box + "<p>Le vote")
    text = html_text(html, CFG)
    assert "Un autre article que le lecteur ne voit pas." not in text
    shown = "<div class='hide-for-small'><p>Une phrase montrée sur les grands écrans.</p></div>"
    html = _para_with("Le vote est acquis.").replace("<p>Le vote", shown + "<p>Le vote")
    text = html_text(html, CFG)
    assert "Une phrase montrée sur les grands écrans." in text

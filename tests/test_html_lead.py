"""HTML path: the article's lead, its last section, quoted posts and cited addresses.

Each page is a small page written for this test, reproducing a structure seen
on sites of the dev half of trafilatura's evaluation set (no page of the set is
copied): a hero banner holding the headline and its standfirst far from the
body; a site logo written as the page's first ``<h1>``; a teaser wrapper before
the body on a page without ``<h1>``; an article written as a run of sections,
the last one classed ``cssItemLast``; a tweet embedded in the article; a
paragraph citing a petition by its address. Beside each, the furniture of the
same shape that must still go.
"""

from __future__ import annotations

from _helpers import html_text
from cleannews import CleanConfig

CFG = CleanConfig(score_spin=False)

_PARAS = (
    "<p>Le conseil municipal a voté lundi soir le budget de la piscine intercommunale, "
    "après trois heures de débat et deux suspensions de séance.</p>"
    "<p>Les travaux, estimés à 4,2 millions d’euros, commenceront au printemps et dureront "
    "dix-huit mois, selon le calendrier présenté par l’adjoint aux sports.</p>"
    "<p>L’opposition a dénoncé un projet « surdimensionné », tandis que les clubs de natation "
    "ont salué une décision attendue depuis près de dix ans dans le canton.</p>"
    "<p>Le bassin actuel, construit en 1972, sera fermé pendant toute la durée du chantier ; "
    "les scolaires seront accueillis dans la commune voisine.</p>"
)
_SIDEBAR = (
    "<div id='sidebar'><h3>Les plus lus</h3><ul><li><a href='/a'>Un accident sur la RN 7</a></li>"
    "<li><a href='/b'>La foire aux vins revient</a></li><li><a href='/c'>Travaux rue Pasteur"
    "</a></li></ul></div>"
)


def test_standfirst_beside_a_headline_far_from_the_body_is_kept():
    # the headline and its standfirst sit in a hero banner; the body in <main> elsewhere
    html = (
        "<html><body><div class='hero'><div class='hero-inner'><div class='hero-cats'>"
        "<a href='/c/a'>Actualité</a> <a href='/c/b'>Commune</a></div><div class='hero-text'>"
        "<h1>La piscine aura son nouveau bassin</h1><p>Le conseil a tranché après des années "
        "d’hésitation : les travaux commencent au printemps.</p></div></div></div>"
        f"<div id='page'><main><article><div class='entry-content'>{_PARAS}</div></article>"
        f"</main>{_SIDEBAR}</div></body></html>"
    )
    text = html_text(html, CFG)
    assert "La piscine aura son nouveau bassin" in text
    assert "les travaux commencent au printemps" in text  # the standfirst (was dropped)
    assert "Le bassin actuel, construit en 1972" in text
    assert "La foire aux vins revient" not in text
    assert "Commune" not in text.split("\n")  # the category links above the banner


def test_the_article_h1_is_preferred_to_a_site_logo_h1():
    # the masthead's logo is the page's first <h1>; the article has its own, with a standfirst
    html = (
        "<html><body><header id='masthead'><h1 id='site-title'><a href='/'>Le Petit Canton</a>"
        "</h1><nav><a href='/s'>Sport</a> <a href='/e'>Économie</a></nav></header>"
        "<div id='main'><article><div id='articleHead'><header><h1>La piscine aura son nouveau "
        "bassin</h1><p>Le conseil a tranché après des années d’hésitation : les travaux "
        f"commencent au printemps.</p></header></div><div id='articleContent'>{_PARAS}</div>"
        f"</article></div>{_SIDEBAR}</body></html>"
    )
    text = html_text(html, CFG)
    assert "les travaux commencent au printemps" in text  # was dropped with the header
    assert "La piscine aura son nouveau bassin" in text
    assert "La foire aux vins revient" not in text


def test_a_teaser_wrapper_before_the_body_is_kept_and_a_breadcrumb_is_not():
    # no <h1>: the lead sits in its own wrapper before the body, beside a breadcrumb
    html = (
        "<html><body><div id='page'><div class='col-main'><div class='article'>"
        "<div class='crumbs'><a href='/'>Accueil</a> &gt; <a href='/actu'>Actualités</a> &gt; "
        "<a href='/actu/commune'>Commune</a></div>"
        "<div class='teaser-text'><p>La piscine intercommunale sera rénovée : le conseil a voté "
        "les crédits lundi soir, après trois heures de débat.</p></div>"
        f"<div class='news-text-wrap'>{_PARAS}</div></div></div>{_SIDEBAR}</div></body></html>"
    )
    text = html_text(html, CFG)
    assert "La piscine intercommunale sera rénovée" in text  # the lead (was dropped)
    assert "Le bassin actuel, construit en 1972" in text
    assert "Actualités" not in text
    assert "La foire aux vins revient" not in text


def _section(title: str, body: str, cls: str = "cssSection") -> str:
    return (
        f"<div class='{cls}'><div class='cssSectionBody'><h2>{title}</h2><p>{body}</p></div></div>"
    )


def test_the_last_section_of_a_run_classed_item_last_is_kept_a_paywall_section_is_not():
    sections = "".join(
        _section(f"Partie {n}", p)
        for n, p in enumerate(
            [
                "Hausbesitzer sind gesetzlich dazu verpflichtet, die Gehwege vor ihrem Grundstück "
                "von Schnee und Eis zu befreien, und zwar auf einer Breite, dass zwei Menschen "
                "aneinander vorbeigehen können, an allen Tagen der Woche.",
                "Vermieter können den Winterdienst durch eine Regelung im Mietvertrag oder in der "
                "Hausordnung auf den Mieter übertragen, müssen dann aber kontrollieren, ob der "
                "Mieter seiner Pflicht auch nachkommt.",
                "Kosten für den geleisteten Winterdienst kann der Vermieter auf die Mieter "
                "umlegen, wenn er ein externes Unternehmen mit dem Räumen beauftragt hat und "
                "das im Vertrag steht.",
            ]
        )
    )
    last = _section(
        "Winterdienst vernachlässigt",
        "Wenn sich ein Passant auf einem nicht geräumten Gehweg verletzt, haftet der "
        "Verantwortliche für Behandlungskosten und Schmerzensgeld.",
        "cssSection cssItemLast",
    )
    paywall = _section(
        "Abonnieren",
        "Lesen Sie alle Artikel unbegrenzt mit unserem Digitalabo, monatlich kündbar.",
        "cssSection cssPaywall",
    )
    html = (
        f"<html><body><div class='XContent'><h1>Schneeräumpflicht</h1><div class='cssBody'>"
        f"{sections}{last}{paywall}</div></div>{_SIDEBAR}</body></html>"
    )
    text = html_text(html, CFG)
    assert "Wenn sich ein Passant auf einem nicht geräumten Gehweg" in text  # was dropped
    assert "Digitalabo" not in text
    assert "Hausbesitzer sind gesetzlich dazu verpflichtet" in text


def test_a_tweet_quoted_in_the_article_is_kept_a_share_bar_is_not():
    html = (
        "<html><body><article><h1>La piscine aura son nouveau bassin</h1>"
        f"<div class='entry-content'>{_PARAS}"
        "<blockquote class='twitter-tweet'><p lang='fr'>Enfin ! Nos nageurs attendaient ce "
        "bassin depuis dix ans.</p>— Club de natation (@clubnatation) 12 mars 2024"
        "</blockquote><p>Le maire a répondu qu’il inaugurerait le bassin avec les clubs.</p>"
        "<div class='share-twitter'><a href='https://twitter.com/share'>Partager sur Twitter"
        "</a></div></div></article></body></html>"
    )
    text = html_text(html, CFG)
    assert "Nos nageurs attendaient ce bassin depuis dix ans" in text  # was dropped
    assert "Partager sur Twitter" not in text


def test_a_sentence_running_into_its_link_is_kept():
    html = (
        "<html><body><article><h1>Nouveau porte-parole chez Amica</h1>"
        f"<div class='entry-content'>{_PARAS}"
        "<p>Il remplace Jean Dupont, <a href='/actu/dupont'>qui cumulait ces fonctions avec "
        "ses responsabilités au marketing.</a></p>"
        "<p>À lire aussi : <a href='/actu/stade'>le stade attendra encore deux ans</a></p>"
        "</div></article></body></html>"
    )
    text = html_text(html, CFG)
    assert "Il remplace Jean Dupont, qui cumulait ces fonctions" in text  # was dropped
    assert "le stade attendra encore deux ans" not in text


def test_a_paragraph_citing_an_address_is_kept_a_read_also_line_is_not():
    html = (
        "<html><body><article><h1>La piscine aura son nouveau bassin</h1>"
        f"<div class='entry-content'>{_PARAS}"
        "<p><a href='http://www.petitions.example.org/piscine-du-canton'>"
        "http://www.petitions.example.org/piscine-du-canton</a></p>"
        "<p>Lire aussi : <a href='/actu/stade'>Le stade attendra encore deux ans</a></p>"
        "</div></article></body></html>"
    )
    text = html_text(html, CFG)
    assert "http://www.petitions.example.org/piscine-du-canton" in text  # was dropped
    assert "Le stade attendra encore deux ans" not in text

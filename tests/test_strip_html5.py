"""HTML path, branch html-fr5 (issue 10): shapes that hold across languages, read on the
dev half of trafilatura's evaluation set, each with the look-alike that must stay. The
pages below are written for these tests in the shape of French news pages; no page of
the set is copied.

* a short paragraph of the article whose every link goes to a sign-up page of the site
  (subscription, newsletter, membership, donation) or to the site's own channel on a social
  network, messaging service or app store is a call to subscribe or follow
  (``html_call_to_action``), whatever its language; a paragraph citing someone else's
  channel, or linking another article whose slug names subscriptions, stays;
* a reading-time line is a meta line when its class says so in several words
  (``article-reading-time``);
* a tool bar written as an action bar (``kb-tip-action-bar``, ``article-actions``) is a
  meta line;
* an article laid out in a table, its first part in one row and the rest in the next,
  is read whole; a menu cell of the same table is not.
"""

from __future__ import annotations

import cleannews
from cleannews.strip import html as H
from test_strip_html_fr4 import CFG, PARA, SENT, TITLE  # the same article, one place

CANON = "<link rel='canonical' href='https://www.journal-exemple.fr/politique/budget-vote'>"


def _page(inside: str) -> str:
    return (
        f"<html lang='fr'><head><title>Budget voté - Journal Exemple</title>{CANON}</head>"
        "<body><nav><a href='/'>Accueil</a> <a href='/politique'>Politique</a></nav>"
        f"<div class='article-body'><h1>{TITLE}</h1>"
        + PARA * 4
        + inside
        + PARA * 2
        + "</div><footer><a href='/mentions'>Mentions légales</a></footer></body></html>"
    )


def _result(html: str):
    return H.html_to_text(html, CFG)


def _rules(html: str) -> set[str]:
    return {c.rule for c in _result(html).changes}


SUBSCRIBE = (
    "<p>Pour lire la suite de cet article, <a href='/abonnement'>abonnez-vous</a> dès "
    "aujourd'hui : le premier mois est offert.</p>"
)
NEWSLETTER = (
    "<p>Vous voulez être informé chaque matin ? <a href='https://lettres.journal-exemple.fr/"
    "newsletter/'>Inscrivez-vous à notre lettre</a>.</p>"
)
TELEGRAM_OWN = (
    "<p>¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular en "
    "<a href='https://t.me/journalexemple'>este enlace</a>.</p>"
)
APPS_OWN = (
    "<p>Pour suivre l'actualité en direct, téléchargez nos applications pour "
    "<a href='https://apps.apple.com/fr/app/journal-exemple/id123'>iOS</a> et "
    "<a href='https://play.google.com/store/apps/details?id=fr.journalexemple.app'>Android"
    "</a>.</p>"
)


def test_calls_to_subscribe_or_follow_go_in_any_language():
    for call, words in (
        (SUBSCRIBE, "abonnez-vous"),
        (NEWSLETTER, "Inscrivez-vous"),
        (TELEGRAM_OWN, "Telegram"),
        (APPS_OWN, "applications"),
    ):
        r = _result(_page(call))
        assert words not in r.text, call
        assert "html_call_to_action" in {c.rule for c in r.changes}
        assert r.text.count(SENT.strip()) == 6


def test_article_paragraphs_with_such_links_stay():
    cited_channel = (
        "<p>Selon la chaîne <a href='https://t.me/rybar'>Rybar</a>, proche de l'armée, "
        "les frappes ont visé un dépôt.</p>"
    )
    other_article = (
        "<p>Lire notre enquête sur <a href='/2023/05/12/la-guerre-des-abonnements-au-"
        "streaming-relance-les-prix'>la guerre des abonnements</a> au streaming.</p>"
    )
    mixed = (
        "<p>Le maire a présenté le projet <a href='/abonnement'>ici</a> et dans "
        "<a href='https://www.lemonde.fr/politique/article.html'>un entretien</a>.</p>"
    )
    for para, words in (
        (cited_channel, "les frappes ont visé un dépôt"),
        (other_article, "la guerre des abonnements"),
        (mixed, "un entretien"),
    ):
        r = _result(_page(para))
        assert words in r.text, para
        assert "html_call_to_action" not in {c.rule for c in r.changes}


def test_long_paragraph_with_a_subscription_link_stays():
    long_para = (
        "<p>" + SENT * 3 + "Les élus ont aussi évoqué le prix de "
        "<a href='/abonnement'>l'abonnement</a> au réseau de bus.</p>"
    )
    assert "le prix de l'abonnement au réseau de bus" in _result(_page(long_para)).text


def test_site_label():
    assert H.site_label("journal-exemple.fr") == "journalexemple"
    assert H.site_label("www.nationnews.com.bb") in ("nationnews", None)
    assert H.site_label("bbc.co.uk") is None


def test_reading_time_class_phrase_is_meta():
    line = "<p class='article-reading-time'>4 minutes de lecture</p>"
    r = _result(_page(line))
    assert "minutes de lecture" not in r.text
    assert "html_class_hint" in {c.rule for c in r.changes}
    # one token of the phrase alone says nothing: a 'time' class stays
    assert "minutes de lecture" in _result(_page(line.replace("article-reading-time", "time"))).text


TABLE_PROSE = (
    "Les Français travaillent-ils trop peu, comme on l'entend souvent, ou le chômage "
    "explique-t-il l'essentiel de l'écart avec les pays voisins, à durée égale ? "
)
REST = (
    "La durée légale du travail est de trente-cinq heures, mais ce chiffre reste largement "
    "théorique, car les heures supplémentaires et le temps partiel la font varier. "
)


def _table_page() -> str:
    return (
        "<html><head><title>Dossier - Revue Exemple</title></head><body>"
        "<table><tr><td><a href='/'>Accueil</a><br><a href='/dossiers'>Dossiers</a><br>"
        "<a href='/abonnement'>Abonnement</a><br><a href='/archives'>Archives</a></td>"
        f"<td><font size=3><b>Le temps de travail</b><br>{TABLE_PROSE * 3}</font></td></tr>"
        f"<tr><td></td><td><div><p>{REST * 3}</p><p>{REST * 3}</p><p>{REST * 2}</p>"
        "</div></td></tr></table></body></html>"
    )


def test_table_layout_article_is_read_whole():
    text = _result(_table_page()).text
    assert TABLE_PROSE.strip() in text
    assert REST.strip() in text
    assert "Archives" not in text
    # the first part comes before the rest, as in the page
    assert text.index(TABLE_PROSE.strip()) < text.index(REST.strip())


def test_clean_html_keeps_the_article_and_drops_the_call():
    doc = cleannews.clean_html(_page(SUBSCRIBE + APPS_OWN), CFG)
    assert "abonnez-vous" not in doc.text and "téléchargez" not in doc.text
    assert "trois heures de débats" in doc.text


def test_action_bar_is_meta_unless_it_holds_prose():
    bar = (
        "<div class='kb-tip-action-bar-button-container'><span>Tipp favorisieren</span>"
        "<span>Drucken</span></div>"
    )
    assert "favorisieren" not in _result(_page(bar)).text
    # a paragraph of prose inside such a box keeps it (meta hints never take prose)
    prose_box = f"<div class='article-actions'><p>{SENT * 2}</p></div>"
    assert _result(_page(prose_box)).text.count(SENT.strip()) == 8

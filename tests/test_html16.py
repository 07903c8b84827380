"""HTML path, branch html16 (issue 10), read on the dev pages of both HTML benchmarks
(``bench_html_trafilatura.py --half dev``, ``bench_html_gold.py --part dev``).

* **a breadcrumb whose ``<h1>`` the header says again in other words' order**
  (``_crumb_copy``, ``CRUMB_HEADLINE_MIN_WORDS``, rule ``html_breadcrumb``): tonight.de
  writes the page's ``<h1>`` as the last crumb of its ``breadcrumbs`` bar ("Danni Büchner
  und Ennesto Monte trennen sich: "Arschloch"") and the headline again as an ``<h2>`` with
  the quote first and an accent the crumb lacks ("„Arschloch“: Danni Büchner und Ennesto
  Monté trennen sich"). Round 9's test looked for the crumb's letters inside another
  heading, in the same order, so the bar stayed and its crumbs opened the text
  ("Tonight News > Unterhaltung > Promis >").

* **an ``id`` written from the section's own heading** (``_heading_anchor``,
  ``ANCHOR_MIN_WORDS``): Sphinx names each section after its heading (``<div
  class="section" id="sharing-with-a-single-developer"><h2>Sharing with a single
  developer</h2>``, Mercurial's evolve guide in the gold set); the id's first word is a
  furniture prefix ("sharing"), so the two sections, 56 % of the guide, went as page
  furniture. French table-of-contents anchors have the same shape with the question word
  "Comment" (``<h2 id="comment-choisir-son-velo">``), which is also the token of comment
  threads.

The bar keeps the page's markup (schema.org ``BreadcrumbList``), shortened; the article
under it is written for these tests. Look-alikes: a bar whose ``<h1>`` is the only headline,
and one whose ``<h1>`` shares only some words with the header's heading; a comment box
named after its own short heading (``id="recent-comments"``) and an ``id`` of four words
that is not its heading's.
"""

from __future__ import annotations

import cleannews
from _helpers import html_rules, html_text

CFG = cleannews.CleanConfig(score_spin=False, quarantine=False)

DE = (
    "<p>Das ging schnell! Ungefähr vor einem halben Jahr verkündeten die beiden ihre "
    "Verlobung, nun hat der Sänger die Trennung auf seinem Profil bestätigt und von einer "
    "schweren Zeit für die ganze Familie gesprochen.</p>"
)
FR = (
    "<p>Le conseil municipal a adopté mardi soir le budget de l'année prochaine après trois "
    "heures de débat, avec les voix de la majorité et deux abstentions dans l'opposition.</p>"
)

CRUMB = (
    "<span property='itemListElement' typeof='ListItem'><a property='item' typeof='WebPage' "
    "href='https://www.tonight.de{href}'><span property='name'>{name}</span></a></span> &gt; "
)


def _tonight(h1: str, h2: str | None) -> str:
    crumbs = "".join(
        CRUMB.format(href=href, name=name)
        for href, name in (("", "Tonight News"), ("/unterhaltung", "Unterhaltung"),
                           ("/unterhaltung/promis", "Promis"))
    )
    bar = (
        "<div class='js--breadcrumbs breadcrumbs breadcrumbs-post' typeof='BreadcrumbList'>"
        f"<div class='breadcrumbs-inner'>{crumbs}<span property='itemListElement' "
        f"typeof='ListItem'><span property='name' class='post current-item'><h1>{h1}</h1>"
        "</span></span></div></div>"
    )
    header = f"<div class='post--title'><h2>{h2}</h2></div>" if h2 else ""
    return (
        "<html lang='de'><head><title>Trennung</title></head><body>"
        "<main class='main--wrapper' role='main'>" + bar
        + "<div class='single--container post type-post'><div class='single--header'>"
        + header + "</div><div class='single--content'>" + DE * 5
        + "</div></div></main></body></html>"
    )


H1 = 'Danni Büchner und Ennesto Monte trennen sich: "Arschloch"'
H2 = "„Arschloch“: Danni Büchner und Ennesto Monté trennen sich"


def test_breadcrumb_whose_headline_returns_reordered_goes():
    html = _tonight(H1, H2)
    text = html_text(html, CFG)
    assert "Tonight News" not in text and "Unterhaltung" not in text
    assert text.count("trennen sich") == 1 and H2 in text
    assert "html_breadcrumb" in html_rules(html, CFG)


def test_french_breadcrumb_with_accents_lost_goes():
    crumbs = (
        "<nav class='fil'><ol><li><a href='/'>Accueil</a></li><li><a href='/societe'>Société"
        "</a></li><li><h1>Le conseil municipal adopte le budget de l'annee</h1></li></ol></nav>"
    )
    html = (
        "<html lang='fr'><head><title>Budget</title></head><body><article><header>" + crumbs
        + "<h2>Lyon : le budget de l'année, le conseil municipal adopte</h2></header>"
        "<div class='article-body'>" + FR * 5 + "</div></article></body></html>"
    )
    text = html_text(html, CFG)
    assert "Accueil" not in text and "Société" not in text
    assert "Lyon : le budget de l'année, le conseil municipal adopte" in text


def test_breadcrumb_holding_the_only_headline_stays():
    text = html_text(_tonight(H1, None), CFG)
    assert "Danni Büchner und Ennesto Monte trennen sich" in text


def test_breadcrumb_sharing_some_words_with_a_heading_stays():
    text = html_text(_tonight(H1, "Danni Büchner spricht über ihre Trennung"), CFG)
    assert "Danni Büchner und Ennesto Monte trennen sich" in text


# --- an id written from the section's own heading ------------------------------------------

EN = (
    "<p>The key to shared mutable history is to keep your changesets in draft phase as you "
    "pass them around, so that the target repository never publishes them by itself.</p>"
)


def _guide(section_id: str, heading: str) -> str:
    return (
        "<html lang='en'><head><title>Evolve</title></head><body><div class='document'>"
        "<div class='body' role='main'><h1>Evolve: Shared Mutable History</h1>" + EN * 3
        + f"<div class='section' id='{section_id}'><h2><a class='toc-backref' href='#id5'>"
        f"{heading}</a><a class='headerlink' href='#{section_id}'>¶</a></h2>"
        "<p>We will work through an example with three local repositories, although in the "
        "real world they would most likely be on three different computers.</p>"
        "<p>The public repository is where tested, polished changesets live, and it is where "
        "you synchronize with the rest of your team.</p></div></div></div></body></html>"
    )


def test_section_named_after_its_heading_stays():
    text = html_text(_guide("sharing-with-a-single-developer", "Sharing with a single developer"),
                     CFG)
    assert "Sharing with a single developer" in text
    assert "three local repositories" in text and "polished changesets live" in text


def test_french_heading_anchor_starting_with_comment_stays():
    html = (
        "<html lang='fr'><head><title>Vélo</title></head><body><article>"
        "<h1>Bien choisir son vélo de ville</h1>" + FR * 3
        + "<h2 id='comment-choisir-son-velo'>Comment choisir son vélo</h2>" + FR
        + "</article></body></html>"
    )
    assert "Comment choisir son vélo" in html_text(html, CFG)


def test_id_of_other_words_than_the_heading_stays_a_hint():
    text = html_text(_guide("sharing-buttons-for-this-page", "Sharing with a single developer"),
                     CFG)
    assert "three local repositories" not in text


def test_comment_box_named_after_its_short_heading_goes():
    html = (
        "<html lang='en'><head><title>Post</title></head><body><article><h1>Post</h1>" + EN * 3
        + "</article><aside id='recent-comments'><h2>Recent comments</h2><ul><li>Anna on "
        "<a href='/p/1'>Hello world</a></li><li>Ben on <a href='/p/2'>Second post</a></li>"
        "</ul></aside></body></html>"
    )
    assert "Recent comments" not in html_text(html, CFG)


def test_mediawiki_and_block_editor_anchors_stay():
    html = (
        "<html lang='fr'><head><title>Démarches</title></head><body><article>"
        "<h1>Les démarches en mairie</h1>" + FR * 3
        + "<h2><span class='mw-headline' id='Comment_faire_une_demande'>Comment faire une "
        "demande</span></h2>" + FR
        + "<h2 id='h-comment-payer-la-cantine'>Comment payer la cantine</h2>" + FR
        + "</article></body></html>"
    )
    text = html_text(html, CFG)
    assert "Comment faire une demande" in text and "Comment payer la cantine" in text

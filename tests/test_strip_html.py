"""HTML front end: markup drops recorded as Changes, metadata, blocks, malformed input."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import cleannews
from cleannews import CleanConfig
from cleannews.strip.html import html_to_text

CFG = CleanConfig(score_spin=False)
FIXTURES = Path(__file__).parent.parent / "fixtures" / "strip"
#: Nesting depth of the deep malformed page: past the interpreter's recursion limit, so a
#: recursive walk would overflow (the HTML path is quadratic in depth: 3,000 took ~40 s).
DEEP = sys.getrecursionlimit() + 100

PAGE = """<!DOCTYPE html><html lang="fr"><head>
<title>Un titre d'article - Le Courrier du Sud</title>
<meta property="og:title" content="Un titre d'article">
<meta property="article:published_time" content="2025-03-03T14:02:00+01:00">
<link rel="canonical" href="https://example.fr/article">
</head><body>
<script>var x = "<p>pas du texte</p>";</script>
<style>p { color: red }</style>
<header class="site-header"><p>Le Courrier du Sud</p></header>
<nav><ul><li>Accueil</li><li>Politique</li></ul></nav>
<article>
<header class="article-header"><h1>Un titre d'article</h1>
<p class="byline">Par Claire Le Goff</p></header>
<div class="share-buttons"><a>Facebook</a> <a>X</a></div>
<p>Le gouvernement a présenté mardi un plan de soutien aux éleveurs touchés par la
sécheresse, qui prévoit des <b>aides directes</b> et un report des cotisations.</p>
<p class="shadow-text">Les syndicats agricoles ont salué un premier pas, tout en jugeant
les montants insuffisants.</p>
<ul><li>premier point de la liste ;</li><li>second point de la liste.</li></ul>
<table><tr><td>1</td><td>Hugo Delmas</td><td>4 h 38</td></tr></table>
<p>Partager :</p>
</article>
<aside class="sidebar"><p>Les plus lus</p></aside>
<div id="cookie-banner"><p>Nous utilisons des cookies.</p></div>
<footer><p>© 2025 Le Courrier du Sud</p></footer>
</body></html>"""


def test_blocks_metadata_and_markup_changes():
    r = html_to_text(PAGE, CFG)
    lines = [x for x in r.text.split("\n") if x]
    assert lines[0] == "Un titre d'article"
    assert "Par Claire Le Goff" in lines
    assert any(x.startswith("Le gouvernement a présenté mardi") and "aides directes" in x
               for x in lines)
    assert "premier point de la liste ;" in lines
    assert "1 Hugo Delmas 4 h 38" in lines
    assert any(x.startswith("Les syndicats agricoles") for x in lines)  # "shadow" is no hint
    for gone in ("pas du texte", "color", "Accueil", "Les plus lus", "Nous utilisons",
                 "© 2025", "Facebook", "Le Courrier du Sud"):
        assert gone not in r.text
    assert "\n\n" in r.text  # blank line between blocks
    md = r.metadata
    assert md["title"] == "Un titre d'article"
    assert md["date"].startswith("2025-03-03")
    assert md["url"] == "https://example.fr/article"
    assert md["lang"] == "fr"
    rules = {c.rule for c in r.changes}
    assert {"html_script", "html_style", "html_nav", "html_aside", "html_footer",
            "html_class_hint", "html_site_name"} <= rules
    for c in r.changes:
        assert c.stage == "html" and c.reason
        assert PAGE[c.span[0] : c.span[1]] == c.before
        assert c.before.startswith("<")


def test_clean_html_runs_the_same_text_rules():
    doc = cleannews.clean_html(PAGE, CFG)
    assert "Partager :" not in doc.text
    assert any(c.stage == "strip" and "Partager" in c.before for c in doc.changes)
    assert doc.metadata["lang"] == "fr"


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<",
        "<p>Texte sans fin",
        "<div><p>un<div>deux</p></span></table>trois",
        "<html><body><p>a</p><script>unterminated",
        "<!-- commentaire --><p>x</p><![CDATA[ y ]]>",
        "<p>" * DEEP + "profond",
        "<td>cellule</td><li>item</li></ul></ol>",
        "\x00\x01<p>binaire</p>",
    ],
)
def test_malformed_html_never_raises(html):
    r = html_to_text(html, CFG)
    assert isinstance(r.text, str)
    doc = cleannews.clean_html(html, CFG)
    assert isinstance(doc.text, str)
    if html.endswith("profond"):  # deeper than the recursion limit: read by the walk itself,
        # not by the fallback reader that a RecursionError would send it to
        assert "html_fallback" not in r.metadata and r.text.strip() == "profond"


def test_fact_box_aside_is_kept_but_sidebar_dropped():
    html = (
        "<article><p>Un paragraphe d’article assez long pour être du contenu réel.</p>"
        "<aside><h3>Repères</h3><p>1 : le nombre de meutes identifiées dans le Jura.</p>"
        "<p>214 : le nombre d’animaux tués par le loup l’an dernier.</p></aside></article>"
        "<aside><p>Les plus lus</p><p>Un titre</p></aside>"
    )
    text = html_to_text(html, CFG).text
    assert "214 : le nombre d’animaux tués par le loup l’an dernier." in text
    assert "Les plus lus" not in text


def test_content_class_beats_weak_hint():
    html = '<div class="content-widget recipe-steps"><p>Faites fondre le beurre.</p></div>'
    assert "Faites fondre le beurre." in html_to_text(html, CFG).text


def test_every_html_fixture_cleans_without_losing_its_headline():
    pages = sorted(FIXTURES.glob("*.html"))
    assert pages, "HTML fixtures missing"
    for p in pages:
        html = p.read_text("utf-8")
        labels = (p.with_name(p.name + ".labels")).read_text("utf-8").split("\n")
        first_content = next(x[3:] for x in labels if x.startswith("C| "))
        doc = cleannews.clean_html(html, CFG)
        assert first_content.split()[0] in doc.text, p.name


_PAGE = (
    "<html lang='fr'><body>"
    "<div class='top'><a href='/'>Accueil</a> <a href='/eco'>Économie</a></div>"
    "<div class='wrap'><article>"
    "<p class='kicker'>Industrie</p><h1>L’usine de Vierzon ferme ses portes</h1>"
    "<p class='auteur'>Par Jeanne Martin</p>"
    "<div class='corps'>"
    "<p>La direction a annoncé mardi la fermeture du site, qui emploie 240 salariés, "
    "après deux années de pertes et un plan de reprise qui n’a pas abouti.</p>"
    "<p>Les syndicats, reçus à la préfecture, demandent un délai pour examiner les offres "
    "de deux repreneurs, dont un industriel de la région Centre-Val de Loire.</p>"
    "<p>Le maire de la ville, qui parle d’un « choc », réunira le conseil municipal "
    "jeudi soir pour étudier les aides possibles aux familles touchées.</p>"
    "</div>"
    "<div class='suite'><p>Plus d’articles</p><ul><li><a href='/a'>Un autre titre ici</a>"
    "</li><li><a href='/b'>Encore un titre de la rubrique</a></li></ul></div>"
    "</article>"
    "<div class='colonne'><p>Le plus lu cette semaine, avec des dizaines de liens, "
    "classement, archives.</p></div></div>"
    "<div class='bas'><p>Mentions légales, contact, plan du site, tous droits réservés 2025.</p>"
    "</div></body></html>"
)


def test_main_content_keeps_the_article_and_its_header_drops_the_rest():
    doc = cleannews.clean_html(_PAGE, CleanConfig(score_spin=False))
    for kept in ("Industrie", "L’usine de Vierzon", "Par Jeanne Martin", "240 salariés",
                 "deux repreneurs", "conseil municipal"):
        assert kept in doc.text, kept
    for gone in ("Accueil", "Un autre titre ici", "Le plus lu", "Mentions légales"):
        assert gone not in doc.text, gone
    outside = [c for c in doc.changes if c.rule == "html_outside_main"]
    assert outside and all(c.stage == "html" for c in outside)
    # every removal is explained: the span of each change holds the text it removed
    assert any("Mentions légales" in c.before for c in outside)


def test_main_content_can_be_switched_off():
    doc = cleannews.clean_html(_PAGE, CleanConfig(score_spin=False, html_main_content=False))
    assert "Le plus lu cette semaine" in doc.text
    assert not any(c.rule == "html_outside_main" for c in doc.changes)


def test_page_without_a_dominant_container_is_left_whole():
    # a listing: many short teasers in sibling blocks, no container holds most of the prose
    teasers = "".join(
        f"<div class='t{i}'><h2>Titre {i}</h2><p>Résumé du sujet numéro {i}, avec quelques "
        f"mots de plus pour faire une phrase.</p></div>"
        for i in range(8)
    )
    html = f"<html><body><section>{teasers}</section></body></html>"
    from bs4 import BeautifulSoup

    from cleannews.strip.html import main_content

    soup = BeautifulSoup(html, "html.parser")
    roots = main_content(soup.body)
    kept_words = sum(len(r.get_text(" ").split()) for r in roots or [soup.body])
    assert kept_words >= 0.9 * len(soup.body.get_text(" ").split())

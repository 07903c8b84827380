"""HTML path, in-content boilerplate: link lists, list titles, class / id hints, wrappers, fallback.

The pages are small copies of structures seen on real sites (WordPress's
Jetpack related posts, an ASP.NET page wrapped in one <form>, a theme that puts
"share" on the article's own container, a Chinese news page, a sports results
table with links); every removal must be an explained Change whose span holds
what it removed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cleannews
from cleannews import CleanConfig
from cleannews.errors import InputError
from cleannews.strip import html as html_mod
from cleannews.strip.html import fallback_lines, html_to_text

CFG = CleanConfig(score_spin=False)
FIXTURES = Path(__file__).parent.parent / "fixtures" / "strip"

_PROSE = (
    "<p>Le conseil municipal a voté lundi soir le budget de la piscine intercommunale, "
    "après trois heures de débat et deux suspensions de séance demandées par l’opposition.</p>"
    "<p>Les travaux, estimés à 4,2 millions d’euros, commenceront au printemps et dureront "
    "dix-huit mois ; le bassin extérieur restera ouvert pendant tout le chantier.</p>"
    "<p>Le maire a rappelé que la région finance un tiers du projet, le département un "
    "quart, et que la commune empruntera le reste sur vingt ans à taux fixe.</p>"
)


def _page(article_extra: str, *, article_attrs: str = 'class="entry-content"') -> str:
    return (
        "<html lang='fr'><head><title>Piscine : le budget voté - Le Journal</title></head><body>"
        "<nav><a href='/'>Accueil</a> <a href='/politique'>Politique</a></nav>"
        "<div class='wrap'><article><h1>Piscine : le budget voté</h1>"
        f"<div {article_attrs}>{_PROSE}{article_extra}</div></article></div>"
        "<footer><p>© Le Journal, tous droits réservés.</p></footer></body></html>"
    )


def _spans_hold_their_text(html: str, changes) -> None:
    for c in changes:
        if c.stage == "html":
            assert c.reason
            assert html[c.span[0] : c.span[1]] == c.before


def test_related_link_list_and_its_title_go_article_lists_stay():
    extra = (
        "<p>Les tarifs prévus :</p>"
        "<ul><li>entrée adulte : 4,50 euros ;</li><li>entrée enfant : 2,80 euros ;</li>"
        "<li>carte de dix entrées : 38 euros.</li></ul>"
        "<h3>À lire aussi</h3>"
        "<ul><li><a href='/a'>Le stade rénové ouvrira en septembre</a></li>"
        "<li><a href='/b'>Budget : la taxe foncière augmente de 2 %</a></li>"
        "<li><a href='/c'>Les nageurs du club qualifiés pour les championnats</a></li></ul>"
    )
    html = _page(extra)
    r = html_to_text(html, CFG)
    for kept in (
        "entrée adulte : 4,50 euros ;",
        "carte de dix entrées : 38 euros.",
        "Les tarifs prévus :",
        "taux fixe",
    ):
        assert kept in r.text, kept
    for gone in ("À lire aussi", "Le stade rénové", "taxe foncière augmente"):
        assert gone not in r.text, gone
    rules = {c.rule: c for c in r.changes}
    assert "html_link_list" in rules and "Le stade rénové" in rules["html_link_list"].before
    assert (
        "html_link_list_title" in rules and "À lire aussi" in rules["html_link_list_title"].before
    )
    _spans_hold_their_text(html, r.changes)


def test_read_also_line_goes_prose_with_a_link_stays():
    # "Lire aussi :" outside the link: 77 % of the line inside it (>= LINK_LINE_MIN_DENSITY)
    extra = (
        "<p>Lire aussi : <a href='/x'>Piscines : l’été de toutes les fermetures</a></p>"
        "<p>Selon <a href='/rapport'>le rapport de la chambre régionale des comptes</a>, "
        "la commune avait sous-estimé le coût de l’entretien du bâtiment actuel.</p>"
    )
    r = html_to_text(_page(extra), CFG)
    assert "l’été de toutes les fermetures" not in r.text
    assert "le rapport de la chambre régionale des comptes, la commune" in r.text
    assert any(c.rule == "html_link_line" for c in r.changes)


def test_results_table_with_links_stays():
    extra = (
        "<table><tr><td>1</td><td><a href='/c/1'>Léa Martin</a></td><td>2 min 31 s</td></tr>"
        "<tr><td>2</td><td><a href='/c/2'>Inès Roux</a></td><td>2 min 33 s</td></tr>"
        "<tr><td>3</td><td><a href='/c/3'>Zoé Petit</a></td><td>2 min 40 s</td></tr></table>"
    )
    r = html_to_text(_page(extra), CFG)
    assert "1 Léa Martin 2 min 31 s" in r.text
    assert "3 Zoé Petit 2 min 40 s" in r.text


@pytest.mark.parametrize(
    "attrs",
    [
        'id="jp-relatedposts" class="jp-relatedposts"',  # WordPress Jetpack
        'class="relatedArticlesTextContainer"',  # camelCase
        'class="toplistArt__list"',
        'class="bloc-lire-aussi"',  # a hint of several words inside a class name
        'id="commentaires"',
    ],
)
def test_related_blocks_named_by_prefix_or_camel_case_go(attrs):
    extra = (
        f"<div {attrs}><p>Ces articles peuvent vous intéresser</p>"
        "<p>Un titre d’un autre article du site, sans lien</p></div>"
    )
    r = html_to_text(_page(extra), CFG)
    assert "Ces articles peuvent vous intéresser" not in r.text
    assert "taux fixe" in r.text
    assert any(c.rule == "html_class_hint" and "Ces articles" in c.before for c in r.changes)


def test_share_token_on_the_article_container_does_not_drop_the_article():
    html = _page("", article_attrs='class="entry themeform share"')
    r = html_to_text(html, CFG)
    assert "Le conseil municipal a voté lundi soir" in r.text
    assert "taux fixe" in r.text


def test_sticky_social_wrapper_around_the_post_is_walked():
    html = (
        "<html><body><div class='menu'><a href='/'>Accueil</a></div>"
        f"<div id='socialicons-sticky'><div class='entry-content'>{_PROSE}</div></div>"
        "</body></html>"
    )
    assert "taux fixe" in html_to_text(html, CFG).text


def test_aspnet_form_around_the_whole_page_is_not_dropped():
    html = (
        "<html><body><form name='aspnetForm' method='post' id='aspnetForm'>"
        "<input type='hidden' name='__VIEWSTATE' value='abc'>"
        "<div class='menu'><a href='/'>Главная</a> <a href='/news'>Новости</a></div>"
        f"<div class='article-text'><h1>Piscine : le budget voté</h1>{_PROSE}</div>"
        "</form></body></html>"
    )
    r = html_to_text(html, CFG)
    assert "Le conseil municipal a voté lundi soir" in r.text
    assert not any(c.rule == "html_form" for c in r.changes)


def test_a_search_form_is_still_dropped():
    r = html_to_text(_page("<form><label>Rechercher</label><input name=q></form>"), CFG)
    assert "Rechercher" not in r.text
    assert any(c.rule == "html_form" for c in r.changes)


def test_chinese_article_is_chosen_by_its_characters():
    para = (
        "<p>"
        + "记者从省文化厅获悉，话剧在全省各地巡演，引起强烈反响，观众纷纷表示感动。" * 3
        + "</p>"
    )
    html = (
        "<html><body><div id='nav'><a href='/'>首页</a> <a href='/n'>新闻</a></div>"
        f"<div class='article'>{para * 4}</div>"
        "<div id='foot'><p>版权所有，未经许可不得转载。联系我们。网站地图。</p></div></body></html>"
    )
    r = html_to_text(html, CFG)
    assert "话剧在全省各地巡演" in r.text
    assert "版权所有" not in r.text
    assert any(c.rule == "html_outside_main" for c in r.changes)


def test_parser_failure_falls_back_to_the_text_and_says_so(monkeypatch):
    html = _page("")

    def broken(*args, **kwargs):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(html_mod, "_PageSoup", broken)  # the page's soup class (html25)
    r = html_to_text(html, CFG)
    assert "Le conseil municipal a voté lundi soir" in r.text
    assert "taux fixe" in r.text
    assert "RuntimeError: parser exploded" in r.metadata["html_fallback"]
    doc = cleannews.clean_html(html, CFG)
    assert "taux fixe" in doc.text
    assert "html_fallback" in doc.metadata


def test_truncated_real_fixture_keeps_its_headline():
    tried = 0
    for p in sorted(FIXTURES.glob("*.html")):
        html = p.read_text("utf-8")
        labels = p.with_name(p.name + ".labels").read_text("utf-8").split("\n")
        headline = next(x[3:] for x in labels if x.startswith("C| ") and len(x.split()) > 4)
        at = html.find(headline[:20], html.find("<body"))
        if at < 0:
            continue  # headline written with entities or markup inside
        tried += 1
        # cut the page 300 characters after its headline: no closing tag at all
        r = html_to_text(html[: at + len(headline) + 300], CFG)
        assert headline[:20] in r.text, p.name
        assert "html_fallback" not in r.metadata
    assert tried >= 5


def test_binary_bytes_give_a_clear_error():
    with pytest.raises(InputError, match="binary"):
        cleannews.clean_html(bytes(range(32)) * 200, CFG)


@pytest.mark.parametrize(
    "html",
    [
        "<" * 50_000,
        "<script>" * 20_000 + "texte",
        "<!--" * 20_000,
        "<p>a</p>" + "<a href=x>" * 20_000,
        "<p>" + "x < y > z " * 10_000,
    ],
)
def test_fallback_reader_takes_adversarial_input(html):
    lines = fallback_lines(html)
    assert all(html[s:e] for _, (s, e) in lines)
    assert isinstance(html_to_text(html, CFG).text, str)


def test_photo_credit_lines_go_captions_without_credit_and_bylines_stay():
    extra = (
        "<p><img src='/p.jpg'><span>Foto: Steven Meyer</span></p>"
        "<p>Le bassin actuel, construit en 1974. (Photo : Jean Dupont)</p>"
        "<p>Par Claire Le Goff, avec l’AFP</p>"
        "<p>Photo prise par un lecteur : le maire l’a partagée sur sa page.</p>"
    )
    html = _page(extra)
    r = html_to_text(html, CFG)
    assert "Steven Meyer" not in r.text
    assert "construit en 1974" not in r.text
    assert "Par Claire Le Goff, avec l’AFP" in r.text
    assert "Photo prise par un lecteur" in r.text
    credits = [c for c in r.changes if c.rule == "html_photo_credit"]
    assert len(credits) == 2
    _spans_hold_their_text(html, r.changes)

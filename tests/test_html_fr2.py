"""HTML path, branch html-fr2 (issue 10, point 5): shapes read on the dev half of
trafilatura's evaluation set, each with the look-alike that must stay.

* text written in inline elements (``<td><font>…<br>…</font></td>``) votes for its container;
* a hinted card of another story (``<div class="teaser">`` whose only heading is a link)
  goes even though its teaser text is prose, with the title above it;
* a caption repeating the ``alt`` of a picture beside its box (``<div class=visual>
  <picture><img alt=X></picture><div class=description><a>Vergrößern</a><strong>X``);
* an ``<h1>`` that is the site's name (a part of ``<title>``) is no headline: the
  masthead around it is no article header.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

import cleannews
from cleannews.strip import html as H

CFG = cleannews.CleanConfig(score_spin=False, quarantine=False)
SENT = (
    "Le conseil municipal a voté mardi soir le budget de l'année prochaine, après trois "
    "heures de débats parfois vifs entre la majorité et l'opposition. "
)
PARA = f"<p>{SENT}</p>"


def test_inline_text_votes_for_its_cell():
    # a page of 2007: the article is written in <font> runs separated by <br>, no <p>
    cell = "<td><font size=2>" + (SENT + "<br>") * 6 + "</font></td>"
    menu = "<td>" + "".join(f"<a href=/r{i}>Rubrique {i}</a><br>" for i in range(12)) + "</td>"
    page = f"<html><body><table><tr>{menu}{cell}</tr></table></body></html>"
    soup = BeautifulSoup(page, "html.parser")
    _, _, blocks = H._votes(soup.body)
    voters = [el.name for el, _ in blocks]
    # old code: a <td> voted only for strings written directly in it, here none
    assert voters == ["td"]
    assert "Rubrique 3" not in cleannews.clean_html(page, CFG).text


def test_inline_text_skips_links_and_blocks():
    soup = BeautifulSoup(
        "<div>Texte <span>en ligne</span> <a href=/x>un lien</a><p>un bloc</p></div>",
        "html.parser",
    )
    assert H._inline_text(soup.div).split() == ["Texte", "en", "ligne"]


def _article(middle: str) -> str:
    return (
        "<html lang='de'><body><article class='w66'><h1>Coronavirus-Update</h1>"
        + PARA * 3
        + middle
        + PARA * 3
        + "</article></body></html>"
    )


TEASER = (
    "<div class='contentbox list'><div class='boxhead'>Weitere Informationen</div>"
    "<div class='teaser'><div class='teaserimage'><img src='labor.jpg' alt='Labor'></div>"
    "<div class='teaserpadding'><h2><a href='/ratgeber/corona100.html'>Was Sie zum "
    "Coronavirus wissen müssen</a></h2><div class='teasertext'><p>Das Coronavirus breitet "
    "sich auch in Deutschland immer weiter aus. Was muss jetzt beachtet werden, um eine "
    "Ansteckung zu verhindern? <a href='/ratgeber/corona100.html'>mehr</a></p></div></div>"
    "</div></div>"
)


def test_hinted_card_of_another_story_goes_with_its_title():
    doc = cleannews.clean_html(_article(TEASER), CFG)
    # old code: the teaser's paragraph (prose) saved the whole card, headline and box title
    assert "breitet sich" not in doc.text
    assert "Was Sie zum Coronavirus" not in doc.text
    assert "Weitere Informationen" not in doc.text
    assert doc.text.count("Le conseil municipal") == 6


def test_teaser_text_of_the_article_itself_stays():
    # the article's own standfirst in a "teaser" box: its heading is no link
    lead = (
        "<div class='teaser'><h2>Worum es geht</h2><p>Das Coronavirus breitet sich auch in "
        "Deutschland immer weiter aus, und der Virologe erklärt, was jetzt zu tun ist.</p></div>"
    )
    doc = cleannews.clean_html(_article(lead), CFG)
    assert "breitet sich auch in Deutschland" in doc.text


def test_caption_beside_the_pictures_box_goes():
    visual = (
        "<div class='visual inline'><picture><img src='a.jpg' alt='Eine kleine runde "
        "Aussparung im Display.' width=620 height=310></picture><div class='description'>"
        "<a class='btn' href='/a_original.jpg'><strong>Vergrößern</strong></a>"
        "<strong class='title'>Eine kleine runde Aussparung im Display.</strong></div></div>"
    )
    doc = cleannews.clean_html(_article(visual), CFG)
    # old code: the picture sat beside the caption's box, not beside the caption
    assert "Aussparung" not in doc.text
    assert "html_image_caption" in {c.rule for c in doc.changes}


def test_text_that_differs_from_the_alt_stays():
    visual = (
        "<div class='visual inline'><picture><img src='a.jpg' alt='iPhone 14' width=620>"
        "</picture><div class='description'><a class='btn' href='/a.jpg'>Vergrößern</a>"
        "<strong class='title'>Die Aussparung bleibt, sagt der Hersteller.</strong></div></div>"
    )
    doc = cleannews.clean_html(_article(visual), CFG)
    assert "Die Aussparung bleibt" in doc.text


def _blog(title: str) -> str:
    post = "<div id='post-1' class='post'><h2>Podcasts in Plex einbinden</h2>" + PARA * 5 + "</div>"
    return (
        f"<html><head><title>{title}</title></head><body><div id='container'>"
        "<div id='sitename'><h1>Disfunctions.de</h1><h2>Das Blog der gnadenlosen "
        "Fehlfunktionen!</h2></div><div id='wrap'><div id='content'>" + post + "</div>"
        "</div></div></body></html>"
    )


def test_site_name_h1_is_no_headline():
    doc = cleannews.clean_html(_blog("Disfunctions.de » Blog Archiv » Podcasts in Plex"), CFG)
    # old code: the logo <h1> was "the headline", and the masthead its header zone
    assert "gnadenlosen" not in doc.text
    assert "Le conseil municipal" in doc.text


def test_h1_that_is_the_article_title_keeps_its_header():
    # the same page whose <title> names the h1 as the article: the header zone stays
    doc = cleannews.clean_html(_blog("Disfunctions.de"), CFG)
    assert "gnadenlosen" in doc.text
    assert H.site_name_texts({"html_title": "Un long titre d'article - Le Monde"}) == {"le monde"}

"""The article's subheadings, read from the markup, are not taken by position (issue 10).

In plain text a short line between two furniture lines takes their class (the
context rule). In a page, an ``<h2>``–``<h6>`` inside the article's container says
it is a subheading: ``clean_html`` hands those texts to the strip stage, which
leaves them to the phrase rules only.
"""

from __future__ import annotations

import cleannews
from cleannews.strip import strip_text
from cleannews.strip.html import html_to_text

CFG = cleannews.CleanConfig(score_spin=False, quarantine=False)
PARA = (
    "<p>Le conseil municipal a voté mardi soir le budget de l'année prochaine, "
    "après trois heures de débats parfois vifs entre la majorité et l'opposition.</p>"
)


def _page(middle: str) -> str:
    return (
        "<html lang='fr'><body><nav><a href='/'>Accueil</a><a href='/a'>Actu</a></nav>"
        "<article class='post'><h1>Le budget voté</h1>"
        + PARA * 2
        + middle
        + PARA * 2
        + "</article><footer>Mentions légales</footer></body></html>"
    )


def test_subheading_between_share_bar_and_ad_label_stays():
    # old code: the context rule took "Ce qui change" (short, between two furniture lines)
    middle = "<p>Partager :</p><h3>Ce qui change</h3><p>Publicité</p>"
    doc = cleannews.clean_html(_page(middle), CFG)
    assert "Ce qui change" in doc.text.splitlines()
    assert "Partager :" not in doc.text and "Publicité" not in doc.text
    assert not [c for c in doc.changes if c.rule == "context"]


def test_text_path_keeps_a_heading_between_paragraphs_without_markup():
    # the same lines as plain text: no markup, so the context rule judges the one-word
    # heading between the share bar and the ad label as furniture; since round 24
    # (stress25) give_back_between_paragraphs gives it back: article paragraphs stand
    # right above and below it, with only those two widgets between
    middle = "<p>Partager :</p><h3>Contexte</h3><p>Publicité</p>"
    text = html_to_text(_page(middle), CFG).text
    assert "Contexte" in text
    out = strip_text(text, CFG)
    assert "Contexte" in out.text.splitlines()
    assert not [c for c in out.changes if "Contexte" in c.before]
    assert sorted(c.rule for c in out.changes) == ["ad_label", "share_bar"]
    # the page keeps it too: the markup says it is the article's subheading
    assert "Contexte" in cleannews.clean_html(_page(middle), CFG).text.splitlines()


def test_headings_listed_in_html_metadata_only_inside_the_article():
    r = html_to_text(
        "<html><body><div class='sidebar'><h3>Archives</h3><p>Janvier</p></div>"
        + _page("<h2>Ce qui change</h2>")[len("<html lang='fr'><body>") :],
        CFG,
    )
    assert r.metadata["html_headings"] == ["Ce qui change"]
    # the Document does not carry them: they are for the strip stage
    doc = cleannews.clean_html(_page("<h2>Ce qui change</h2>"), CFG)
    assert "html_headings" not in doc.metadata


def test_heading_that_is_a_read_also_label_still_goes():
    # a phrase rule still applies to a heading: "À lire aussi" is furniture, h3 or not
    doc = cleannews.clean_html(_page("<h3>À lire aussi</h3>"), CFG)
    assert "À lire aussi" not in doc.text


def test_heading_repeated_in_the_page_is_a_widget_title():
    # the same heading three times (an embed placeholder's title) is not protected
    block = "<h4>Contenu externe recommandé</h4><p>Publicité</p>"
    doc = cleannews.clean_html(_page(block * 3), CFG)
    assert "Contenu externe recommandé" not in doc.text

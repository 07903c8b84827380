"""Round 37 (cards52): a stream of teaser cards beside the article does not out-vote it.

The HTML path's main-content vote (readability-like: each prose block votes for its
ancestors) counted the summary of every teaser card as prose. A page whose article sits
beside a long stream of cards (readability's ``yahoo-3`` in the gold set's dev part: 24
cards of "Good Morning America" stories under a short article) had more card words than
article words, so no container held half of the page's prose and the whole column, cards
and all, was chosen. Now the cards of a stream (:func:`cleannews.strip.html.card_stream_cards`:
three or more sibling blocks, each led by a link to another page with its headline in a
link, each short) do not vote when the rest of the page holds an article's worth of prose
(``CARD_STREAM_ARTICLE_MIN_WORDS``). A listing page, whose items are the only prose, and a
live blog, whose items are not led by links, keep their items.

The pages are written by hand for the test; nothing copied.
"""

from __future__ import annotations

import cleannews
from cleannews.strip import html as H

ARTICLE = (
    "Le conseil municipal a voté hier soir le budget de la commune pour l'année prochaine, "
    "après un long débat sur les écoles, les routes et la piscine. "
)
SUMMARY = (
    "Un résumé de l'autre histoire, qui raconte en quelques phrases ce que le lecteur "
    "trouvera en cliquant sur le titre, avec des détails, des noms et des chiffres. "
)


def _card(i: int) -> str:
    return (
        f'<li class="card"><a href="/histoire-{i}.html"><img src="/i{i}.jpg" alt=""></a>'
        f'<div class="txt"><h3><a href="/histoire-{i}.html">Titre de l\'histoire {i}</a></h3>'
        f"<p>{SUMMARY * 2}</p></div><span>Agence</span></li>"
    )


def _page(article: str, cards: int = 12) -> str:
    stream = "".join(_card(i) for i in range(cards))
    return (
        "<html><body><div id=main><h1>Le budget voté</h1>"
        f"<div class=texte>{article}</div>"
        f"<ul class=stream>{stream}</ul></div></body></html>"
    )


PAGE = _page("".join(f"<p>{ARTICLE * 2}</p>" for _ in range(6)))


def test_card_stream_does_not_outvote_the_article():
    # round-start code: the cards' summaries (12 × 54 words) outweigh the article (6 × 40):
    # the whole column is chosen and every summary is in the text
    text = cleannews.clean_html(PAGE).text
    assert "Le conseil municipal a voté" in text
    assert "Un résumé de l'autre histoire" not in text


def test_cards_of_the_stream_are_found():
    soup = H.BeautifulSoup(PAGE, "html.parser")
    tags = H._tags(soup.body)
    cards = H.card_stream_cards(tags, H._measure(soup.body, tags))
    assert len(cards) == 12 and all(c.name == "li" for c in cards)


def test_listing_page_keeps_its_items():
    # a page of cards alone (a rubric's listing): the cards are its prose
    text = cleannews.clean_html(_page("")).text
    assert text.count("Un résumé de l'autre histoire") >= 12


def test_live_blog_keeps_its_entries():
    # entries led by their time, with a link inside the prose: no card
    entry = (
        "<li class=entry><time>10 h {0:02d}</time><p>{1}Le maire a répondu aux questions, "
        'voir <a href="/fiche-{0}.html">sa fiche</a>.</p></li>'
    )
    blog = "<ul class=live>" + "".join(entry.format(i, SUMMARY) for i in range(12)) + "</ul>"
    soup = H.BeautifulSoup(blog, "html.parser")
    tags = H._tags(soup)
    assert H.card_stream_cards(tags, H._measure(soup, tags)) == []
    text = cleannews.clean_html(f"<html><body><h1>En direct</h1>{blog}</body></html>").text
    assert text.count("Le maire a répondu") == 12


def test_paragraphs_led_by_links_are_no_cards():
    # a roundup written as paragraphs that open on a link is the article's prose
    para = '<p><a href="/x{0}">Le journal {0}</a> écrit que {1}</p>'
    soup = H.BeautifulSoup("<div>" + "".join(para.format(i, SUMMARY) for i in range(5))
                           + "</div>", "html.parser")
    tags = H._tags(soup)
    assert H.card_stream_cards(tags, H._measure(soup, tags)) == []

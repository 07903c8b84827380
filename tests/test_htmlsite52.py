"""Round 37 (htmlsite52): the re-read of a whole page knows the page's own host.

When the article container comes out nearly empty after the rules inside it (fewer than
``MAIN_MIN_WORDS`` words), the whole page is read again (``metadata["html_whole_page"]`` is
``REREAD_REASON``). Before round 37 that second extractor was made without the page's host
(``site``) nor its elements (``tags``): a call to subscribe to the site ("Pour lire nos
enquêtes, abonnez-vous") stayed in the text, and a link to another site's tag page was
called "a list of links to the site's tag pages". Both readings are now made by one
:func:`cleannews.strip.html._page_reader`.

The pages are written by hand for the test (the shape of skateboardmsm.de's page in the dev
half of trafilatura's set, whose article paragraphs sit in ``<span>`` elements with a
``…Tags`` class and are dropped, so that the page is read again); nothing copied.

A bar of reader reactions under the article ("If you liked this article, press like" and a
like count: ``<div class="reaction_btn_wrap">``, Maeil Business News in the gold set's dev
part; XenForo's ``reactionsBar`` on forum pages) came out as lines of the text: the class
words 'reaction' and 'reactions' are meta hints now (furniture without a prose paragraph).
"""

from __future__ import annotations

import cleannews
from cleannews.strip import html as H

SENT = (
    "Le conseil municipal a voté hier soir le budget de la commune pour l'année prochaine, "
    "après un long débat. "
)


def _page(aside: str) -> str:
    """A page whose article container loses all its paragraphs (hinted ``tags`` spans, each
    too small to be protected) and whose intro holds ``aside``: it is read again whole."""
    spans = "".join(f"<p><span class=tags>{SENT * 2}</span></p>" for _ in range(6))
    return (
        '<html><head><link rel="canonical" href="https://www.site.fr/article"></head><body>'
        f"<h1>Le budget voté</h1><div class=intro><p>{SENT * 2}</p>{aside}</div>"
        f"<article><div class=corps>{spans}</div></article></body></html>"
    )


CALL = '<p>Pour lire nos enquêtes, <a href="https://www.site.fr/abonnement">abonnez-vous</a>.</p>'
OTHER_TAG = (
    '<p>Source : <a href="https://www.autre.org/tag/budget-municipal/">le dossier sur le '
    "budget municipal de nos confrères</a></p>"
)


def test_page_is_read_again():
    doc = cleannews.clean_html(_page(CALL))
    assert doc.metadata["html_whole_page"] == H.REREAD_REASON
    assert "Le conseil municipal a voté" in doc.text


def test_reread_drops_the_sites_call_to_subscribe():
    # round-start code: the re-read had no site, so _call_to_action never fired there
    doc = cleannews.clean_html(_page(CALL))
    assert "abonnez-vous" not in doc.text
    assert "html_call_to_action" in {c.rule for c in doc.changes}


def test_reread_tells_another_sites_tag_link_from_the_sites_tags():
    # round-start code: 'html_link_list', "links to the site's tag pages" (site unknown, so
    # any host's /tag/ link counted); it is a line of one link to another site
    result = H.html_to_text(_page(OTHER_TAG), cleannews.CleanConfig())
    (change,) = [c for c in result.changes if "budget municipal de nos" in c.before]
    assert change.rule == "html_link_line"
    assert "tag pages" not in change.reason


def test_both_readings_get_the_same_page_facts():
    soup = H.BeautifulSoup(_page(CALL), "html.parser")
    tags = H._tags(soup.body)
    reader = H._page_reader("", H._Source(""), soup.body, {"url": "https://www.site.fr/a"}, tags)
    first, again = reader(), reader()
    assert first is not again
    for ex in (first, again):
        assert (ex.site, ex.tags, ex.polls, ex.holders) == (
            "site.fr", tags, first.polls, first.holders)


ARTICLE = (
    "<html><body><article><h1>Le budget voté</h1>" + f"<p>{SENT * 3}</p>" * 2 + "{extra}"
    "</article></body></html>"
)
REACTION_BAR = (
    '<div class="reaction_btn_wrap"><p>¿Le ha gustado la noticia? <b>Díganoslo aquí.</b></p>'
    "<div class=like_btn_area><button>Votar</button><span>Votos <em>12</em></span></div></div>"
)
REACTIONS_LIST = (
    '<div class="reactionsBar js-reactionsList is-active"><a href="/reactions/1">Marie, Paul '
    "et 3 autres</a> aiment ceci.</div>"
)
QUOTED_REACTIONS = (
    '<section class="reactions"><h2>Les réactions</h2><p>Le maire a salué un budget '
    "« responsable et ambitieux », tandis que l'opposition dénonce une hausse des impôts "
    "locaux votée sans débat public.</p></section>"
)


def test_reaction_bar_is_furniture():
    # round-start code: "¿Le ha gustado la noticia? Díganoslo aquí." and "Votos 12" stayed
    text = cleannews.clean_html(ARTICLE.format(extra=REACTION_BAR)).text
    assert "Le conseil municipal" in text
    assert "gustado" not in text and "Votos" not in text


def test_reactions_list_is_furniture():
    # round-start code: "Marie, Paul et 3 autres aiment ceci." stayed
    text = cleannews.clean_html(ARTICLE.format(extra=REACTIONS_LIST)).text
    assert "aiment ceci" not in text


def test_quoted_reactions_of_the_article_stay():
    text = cleannews.clean_html(ARTICLE.format(extra=QUOTED_REACTIONS)).text
    assert "Le maire a salué un budget" in text

"""Round 38 (htmlsite53): dev-half families where the HTML path trailed trafilatura.

**A widget of linked blocks above a short article.** VG (gold set's dev part,
``fundus:no/VerdensGang_2024_08_02``) writes an Olympic schedule in the article's
``<header>``, above a 105-word news item: 150 events, each
``<a href><div>12:02</div><div>Menn Roing: Lettvekt dobbeltsculler, finale A</div></a>``.
Each ``<div>`` voted as a prose block of 5–10 words (a container votes for its own text,
and the link around it was not counted), so the schedule won the main-content vote and
the page came out as 951 tokens for a 121-token gold text (precision 0.13). Now the blocks
inside a link (:func:`cleannews.strip.html._link_wrapped`) do not decide the vote: when
the winner owes half its votes to them (:func:`~cleannews.strip.html._links_decide`),
the vote is taken again without them; and a list of links that big inside the chosen
container, beside the article's body, is dropped as a list of links
(:meth:`~cleannews.strip.html._Extractor._widget_in_article`) although it holds much of
the page's text.

The pages are written by hand for the test; nothing copied.
"""

from __future__ import annotations

import cleannews
from cleannews.strip import html as H

EVENTS = [
    ("Menn", "Roing: Lettvekt dobbeltsculler, finale A"),
    ("Kvinner", "Svømming: 200 m rygg, finale"),
    ("Friidrett, menn", "Slegge, kvalifisering - gruppe B"),
    ("Menn", "Seiling: ILCA 7, løp 5"),
    ("Kvinner", "Turn: Sprang, finale"),
]


def _event(i: int) -> str:
    who, what = EVENTS[i % len(EVENTS)]
    return (
        f'<a class="event" href="/ol/program/{i}"><div class="status">{10 + i % 12}:{i % 60:02d}'
        f'</div><div class="pict"></div><div>{who} {what}, heat {i}</div></a>'
    )


ARTICLE = [
    "Den norske duoen, som konkurrerer i lettvekt dobbeltsculler, var i aksjon i "
    "semifinalen på roarenaen i den franske hovedstaden onsdag.",
    "Der endte de til slutt på tredjeplass i heatet. De tre beste gikk videre til finalen "
    "som ros fredag formiddag.",
    "Benske og Tjøm tok bronse i EM tidligere denne sesongen, og de regnes som outsidere "
    "til medalje i Paris.",
]


def _page(events: int = 120) -> str:
    schedule = "".join(_event(i) for i in range(events))
    body = "".join(f"<p>{p}</p>" for p in ARTICLE)
    return (
        "<html><body><main><article>"
        '<header class="article-intro"><div class="calendar"><div class="scroller">'
        f"{schedule}</div></div>"
        "<h1>Benske og Tjøm klar for OL-finale</h1>"
        "<p class=lead>Lars Martin Benske og Ask Tjøm er finaleklare og kan gjøre seg håp "
        "om medalje i rokonkurransene under OL i Paris.</p></header>"
        f'<section class="article-body">{body}</section>'
        "</article></main></body></html>"
    )


def test_schedule_of_linked_events_does_not_win_the_vote():
    # round-start code: the schedule's divs vote as prose and win; the article's body is
    # read after 120 schedule rows (or the schedule alone)
    text = cleannews.clean_html(_page()).text
    assert "Den norske duoen" in text
    assert "tok bronse i EM" in text
    assert "Roing: Lettvekt dobbeltsculler, finale A, heat 0" not in text
    assert "Turn: Sprang, finale" not in text


def test_schedule_is_dropped_as_a_list_of_links():
    res = H.html_to_text(_page(), cleannews.CleanConfig())
    rules = {c.rule for c in res.changes if "Seiling: ILCA 7" in c.before}
    assert rules == {"html_link_list"}
    assert res.text.splitlines()[0] == "Benske og Tjøm klar for OL-finale"


def test_link_wrapped_blocks_are_found():
    soup = H.BeautifulSoup(_page(10), "html.parser")
    tags = H._tags(soup.body)
    linked = H._link_wrapped(tags, H._prose_counts(soup.body, tags))
    inside = [el for el in tags if id(el) in linked]
    assert inside and all(el.find_parent("a") is not None for el in inside)
    assert not any(el.name == "p" for el in inside)


def test_a_long_unclosed_link_is_no_link_wrapper():
    # an <a> left open swallows the article: its blocks are the page's, and still vote
    prose = "<p>" + " ".join(ARTICLE) + "</p>"
    soup = H.BeautifulSoup(f"<body><a href=/top><div>{prose * 4}</div></body>", "html.parser")
    tags = H._tags(soup.body)
    assert H._link_wrapped(tags, H._prose_counts(soup.body, tags)) == frozenset()


def test_cards_wrapped_in_links_keep_voting_when_the_article_wins_anyway():
    # teaser cards wrapped whole in a link beside a long article: the vote is not taken
    # again (the article's container wins with its own prose), the article is read whole
    card = (
        '<a class="teaser" href="/other-{i}"><div class="title">Another story of the site, '
        "number {i}, with a headline of some length</div></a>"
    )
    cards = "".join(card.format(i=i) for i in range(6))
    body = "".join(f"<p>{p} {p}</p>" for p in ARTICLE * 2)
    page = (f"<html><body><div class=teasers>{cards}</div><div class=content>"
            f"<h1>Tittel</h1>{body}</div></body></html>")
    soup = H.BeautifulSoup(page, "html.parser")
    roots = H.main_content(soup.body)
    assert [r.get("class") for r in roots] == [["content"]]
    text = cleannews.clean_html(page).text
    assert "Another story of the site" not in text
    assert "Den norske duoen" in text

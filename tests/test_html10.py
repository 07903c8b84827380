"""HTML path, branch html10 (issue 10): two shapes read on the dev part of the gold HTML
benchmark (``benchmarks/bench_html_gold.py``), each with the look-alike that must stay as it
was. The pages below are written for these tests in the shape of French news pages; no page
of either benchmark is copied.

* **a sentence set out to be tweeted** (``share_quotes`` in ``html_hints.json``,
  ``_share_quote``): ``<span class="sw-click-to-tweet"><span class="sw-ctt-text">…</span>
  <span class="sw-ctt-btn">Click To Tweet</span></span>`` keeps its sentence (the ``tweet``
  token made the whole box furniture); the button still goes; an embedded-tweet box that is
  no share quote still goes;
* **a subheading in a wrapper of its own** (``_wrapped_subheadings``): on a page built of
  components (one ``<div>`` per paragraph), a ``<div>`` holding only an ``<h2>`` between
  two kept paragraphs is the article's subheading; a box title followed by a list of links
  that goes ("À lire aussi") still goes.
"""

from __future__ import annotations

from _helpers import html_text
from test_strip_html_fr4 import CFG, PARA, TITLE  # the same article, one place

QUOTE = "Une ville qui ne vote pas son budget à temps perd la confiance de ses habitants."


def _page(inside: str, n: int = 4) -> str:
    return (
        "<html lang='fr'><head><title>Budget</title></head><body>"
        + f"<div class='article-body'><h1>{TITLE}</h1>"
        + PARA * n
        + inside
        + PARA * 2
        + "</div></body></html>"
    )


# --- a sentence set out to be tweeted ----------------------------------------------------


def test_click_to_tweet_sentence_stays_and_its_button_goes():
    box = (
        "<a href='https://twitter.com/intent/tweet?text=x' rel='nofollow'>"
        f"<span class='sw-click-to-tweet'><span class='sw-ctt-text'>{QUOTE}</span>"
        "<span class='sw-ctt-btn'>Click To Tweet</span></span></a>"
    )
    text = html_text(_page(box), CFG)
    assert QUOTE in text
    assert "Click To Tweet" not in text


def test_better_click_to_tweet_box_stays():
    box = (
        f"<span class='bctt-click-to-tweet'><span class='bctt-ctt-text'><a href='/t'>{QUOTE}"
        "</a></span><a class='bctt-ctt-btn' href='/t'>Tweeter</a></span>"
    )
    text = html_text(_page(f"<p>{box}</p>"), CFG)
    assert QUOTE in text
    assert "Tweeter" not in text


def test_tweetable_sentence_in_a_paragraph_stays():
    text = html_text(_page(f"<p>Elle conclut : <span class='tweetable'>{QUOTE}</span></p>"), CFG)
    assert QUOTE in text


def test_tweet_box_that_is_no_share_quote_still_goes():
    box = f"<div class='tweet-box'><p>{QUOTE}</p><a href='/t'>Tweeter</a></div>"
    assert QUOTE not in html_text(_page(box), CFG)


# --- a subheading in a wrapper of its own ------------------------------------------------


def _components(between: str, after: str = "") -> str:
    block = (
        f"<div class='c-1 text-block'><div class='c-2'><div class='c-3'>{PARA}</div></div></div>"
    )
    return (
        "<html lang='fr'><head><title>Budget</title></head><body><main><article>"
        + f"<div class='c-1 headline-block'><h1>{TITLE}</h1></div>"
        + block * 4
        + between
        + block * 3
        + after
        + "</article></main></body></html>"
    )


def test_wrapped_subheading_between_paragraphs_stays():
    sub = "<div class='c-1 subheadline-block'><div><h2>Que contient le budget ?</h2></div></div>"
    text = html_text(_components(sub), CFG)
    assert "Que contient le budget ?" in text


def test_wrapped_subheading_before_a_picture_stays():
    sub = (
        "<div class='c-1 subheadline-block'><h2>Qui paiera la hausse ?</h2></div>"
        "<div class='c-1 image-block'><img src='/p.jpg' alt=''><p>AFP</p></div>"
    )
    assert "Qui paiera la hausse ?" in html_text(_components(sub), CFG)


def test_box_title_before_a_list_that_goes_still_goes():
    title = "<div class='c-1 subheadline-block'><h2>À lire aussi sur le site</h2></div>"
    links = "".join(f"<li><a href='/a{i}'>Un autre article numéro {i}</a></li>" for i in range(5))
    after = title + f"<ul class='c-1'>{links}</ul>"
    text = html_text(_components("", after), CFG)
    assert "À lire aussi sur le site" not in text
    assert "Un autre article numéro 1" not in text


def test_wrapped_heading_with_a_link_is_no_subheading():
    sub = "<div class='c-1 promo-block'><h2><a href='/n'>Notre newsletter du matin</a></h2></div>"
    assert "Notre newsletter du matin" not in html_text(_components(sub), CFG)


# --- the body the page marks (itemprop="articleBody") -------------------------------------


def _marked(inside: str, prop: str = "articleBody", teaser: str = "") -> str:
    deep = f"<div class='x-1'><div class='x-2'><div class='x-3'>{PARA}</div></div></div>"
    return (
        "<html lang='fr'><head><title>Budget</title></head><body><main>"
        + f"<h1>{TITLE}</h1><div itemprop='{prop}'>"
        + deep * 4
        + inside
        + deep * 2
        + "</div>"
        + teaser
        + "</main></body></html>"
    )


FACT_BOX = (
    "<div class='y-1'><h3>Les chiffres</h3><ul><li>12 millions d'euros</li>"
    "<li>3 heures de débat</li></ul><p>Vote à main levée.</p></div>"
)


def test_marked_body_keeps_what_did_not_vote():
    text = html_text(_marked(FACT_BOX), CFG)
    assert "12 millions d'euros" in text
    assert "Vote à main levée." in text


def test_furniture_inside_the_marked_body_still_goes():
    box = "<div class='related-articles'><p><a href='/a'>Un autre article du jour</a></p></div>"
    text = html_text(_marked(FACT_BOX + box), CFG)
    assert "Un autre article du jour" not in text
    assert "12 millions d'euros" in text


def test_two_marked_bodies_mark_nothing():
    # a listing whose every teaser is marked: no element is the article's body
    page = _marked(FACT_BOX, teaser="<div itemprop='articleBody'><p>Un autre résumé.</p></div>")
    assert "12 millions d'euros" not in html_text(page, CFG)

"""HTML path, branch html9 (issue 10): two shapes read on the dev part of the gold HTML
benchmark (``benchmarks/bench_html_gold.py``), each with the look-alike that must stay. The
pages below are written for these tests in the shape of French news pages; no page of either
set is copied.

* **a pull quote** (``_pull_quote``): a ``<blockquote>`` that repeats a sentence of the
  article's own paragraphs goes; a quotation the article gives once stays, and so do two
  quotes that only repeat each other, and a short repeated quote;
* **a breadcrumb that repeats the headline** (``_crumb_copy``): a ``<nav>`` whose ``<h1>``
  (the last crumb) is said again by the article's ``<h2>`` headline goes; a breadcrumb whose
  ``<h1>`` is the only headline stays.
"""

from __future__ import annotations

from _helpers import html_text
from test_strip_html_fr4 import CFG, PARA, TITLE  # the same article, one place

QUOTE = (
    "La mer est généreuse : avec les mesures adéquates, elle peut reconstituer ses ressources, "
    "a expliqué la chercheuse"
)


def _page(inside: str, n: int = 5, head: str = f"<h1>{TITLE}</h1>") -> str:
    return (
        "<html lang='fr'><head><title>Budget</title></head><body>"
        + f"<div class='article-body'>{head}"
        + PARA * n
        + inside
        + "</div></body></html>"
    )


# --- a pull quote -----------------------------------------------------------------------


def test_pull_quote_repeating_a_paragraph_goes():
    inside = (
        f"<blockquote class='widget__quote'><span>{QUOTE}.</span></blockquote>"
        + PARA
        + f"<p><em>« {QUOTE}. »</em> Puis la séance a été levée.</p>"
    )
    text = html_text(_page(inside), CFG)
    assert text.count("La mer est généreuse") == 1
    assert "Puis la séance a été levée." in text


def test_quotation_given_once_stays():
    text = html_text(_page(f"<blockquote><p>{QUOTE}.</p></blockquote>" + PARA), CFG)
    assert "La mer est généreuse" in text


def test_two_quotes_repeating_each_other_stay():
    quote = f"<blockquote><p>{QUOTE}.</p></blockquote>"
    text = html_text(_page(quote + PARA + quote), CFG)
    assert "La mer est généreuse" in text


def test_short_repeated_quote_stays():
    inside = "<blockquote>« Non. »</blockquote>" + PARA + "<p>Il a répondu : « Non. »</p>"
    text = html_text(_page(inside), CFG)
    assert text.count("Non.") == 2


# --- a breadcrumb that repeats the headline ---------------------------------------------


CRUMBS = (
    "<nav class='crumbs'><ol><li><a href='/'>Accueil</a></li><li><a href='/politique'>"
    "Politique</a></li><li><h1>{h1}</h1></li></ol></nav>"
)


def _crumb_page(h1: str, h2: str) -> str:
    header = (
        f"<header>{CRUMBS.format(h1=h1)}<h2>{h2}</h2></header>"
        if h2
        else (f"<header>{CRUMBS.format(h1=h1)}</header>")
    )
    return (
        "<html lang='fr'><head><title>Budget</title></head><body><article>"
        + header
        + "<div class='article-body'>"
        + PARA * 5
        + "</div></article></body></html>"
    )


def test_breadcrumb_repeating_the_headline_goes():
    text = html_text(_crumb_page(TITLE, f"Lyon : {TITLE}"), CFG)
    assert text.count(TITLE) == 1
    assert "Lyon : " + TITLE in text
    assert "Politique" not in text


def test_breadcrumb_holding_the_only_headline_stays():
    text = html_text(_crumb_page(TITLE, ""), CFG)
    assert TITLE in text


# --- an author's bio box ----------------------------------------------------------------


def test_author_description_box_goes_byline_stays():
    bio = (
        "<div class='author-container'><div class='author-name'>Claire Dupont</div>"
        "<div class='author-description'>Journaliste au service politique depuis 2019. "
        "Elle s'intéresse surtout aux finances locales et aux élections municipales.</div></div>"
    )
    html = _page(bio, head=f"<h1>{TITLE}</h1><p class='byline'>Par Claire Dupont</p>")
    text = html_text(html, CFG)
    assert "Par Claire Dupont" in text
    assert "Journaliste au service politique" not in text


def test_pull_quote_box_with_a_quote_class_goes():
    inside = (
        f"<div class='c-pullquote'><p>{QUOTE}.</p></div>"
        + PARA
        + f"<p>« {QUOTE} », puis la séance a été levée.</p>"
    )
    text = html_text(_page(inside), CFG)
    assert text.count("La mer est généreuse") == 1
    assert "puis la séance a été levée." in text

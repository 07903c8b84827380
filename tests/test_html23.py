"""Round 23 (html23): deeply nested pages stay linear in the HTML front end.

A page of thousands of nested ``<aside>`` fact boxes took ~47 s at 4,500 levels: each box
counted the sentences of everything under it (``get_text``), so nested boxes read the
bottom of the page once per level. Nested ``<blockquote>`` did the same for the pull-quote
key, headings in a deep chain of ``<div>`` walked all their ancestors (``_in_article``,
inside a link), nested ``<nav>`` searched their subtree for an ``<h1>``, nested hinted boxes
their strings for prose outside links (each string walking up to the top) and their
headings for a teaser card. These answers are now remembered per element for the page
(``_bottom_up``: children first; ``_climb``: ancestors once; ``_page_letters``: the page's
letters once, each element's key a span of it).

Tests: each helper gives the answer of the code it replaces on every element of real pages
(the HTML fixtures of ``fixtures/strip``) and of nested shapes; generated adversarial pages
1,000 / 5,000 / 20,000 deep and wide-and-deep keep the text they should; the work (Python
and C function calls, deterministic) grows like the depth: four times the depth, less than
5.5 times the calls (the former code made 12-16 times). No speed is asserted here;
``benchmarks/bench_adversarial.py --html`` times the shapes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag

from _helpers import count_calls
from cleannews.config import CleanConfig
from cleannews.strip import html as H

ROOT = Path(__file__).resolve().parent.parent
CFG = CleanConfig()
SENTENCE = "Un paragraphe de texte assez long pour compter comme de la prose dans un article."
QUOTE = "La mer est généreuse, elle peut reconstituer ses ressources si on la laisse faire."


def _fixture_pages() -> list[str]:
    pages = sorted((ROOT / "fixtures/strip").glob("*.html"))
    return [p.read_text("utf-8", "replace") for p in pages]


def _nested_pages() -> list[str]:
    return [
        "<aside>" + f"<aside><p>{SENTENCE}</p>" * 30,
        "<blockquote>" * 40 + f"<p>{QUOTE}</p>",
        "<nav><a href=/x>lien</a>" * 20 + "<h1>Un titre assez long pour être un titre</h1>",
        f"<div class=teaser><h2><a href=/x>Titre</a></h2><p>{SENTENCE}</p>" * 20,
        "<a href=/x>" + f"<div><p>{SENTENCE}</p><h3>Titre</h3>" * 20,
        "<div class=entry-content>" + "<div><h2>Titre</h2>" * 20,
    ]


PAGES = _fixture_pages() + _nested_pages()


def _tags(html: str) -> list[Tag]:
    soup = BeautifulSoup(html, "html.parser")
    return [soup, *soup.find_all(True)]


# The former code, as the reference each remembered answer must give.


def _old_boxout(el: Tag) -> bool:
    n = 0
    for chunk in el.get_text("\n").split("\n"):
        if H.count_words(chunk) >= H.BOXOUT_MIN_WORDS and H._SENTENCE_END.search(chunk):
            n += 1
    return n >= H.BOXOUT_MIN_SENTENCES


def _old_prose_outside_links(el: Tag) -> bool:
    return any(
        H.count_words(chunk) >= H.PROSE_MIN_WORDS
        for s in el.descendants
        if type(s) is NavigableString and H._parent_named(s, H._A) is None
        for chunk in s.split("\n")
    )


def _old_in_article(el: Tag) -> bool:
    node = el.parent
    while isinstance(node, Tag) and node.name not in ("body", "html", "[document]"):
        if node.name in ("article", "main") or H._content_word(node):
            return True
        node = node.parent
    return False


@pytest.mark.parametrize("page", range(len(PAGES)))
def test_remembered_subtree_answers_equal_the_former_finds(page):
    tags = _tags(PAGES[page])
    h1, two, sentences, prose, in_link, article = {}, {}, {}, {}, {}, {}
    # in document order (the outer element first: its walk fills the memo of the inner
    # ones) and, for the subtree answers, in reverse (each element computed afresh)
    for order in (tags, tags[::-1]):
        for el in order:
            assert H._bottom_up(el, h1, H._first_h1) is el.find("h1")
            assert H._bottom_up(el, two, H._first_two_headings) == el.find_all(
                H._TEASER_HEADINGS, limit=2
            )
            assert H._is_boxout(el, sentences) == _old_boxout(el)
            assert H._has_prose(el, links=False, memo=(in_link, prose)) == (
                _old_prose_outside_links(el)
            )
            assert H._in_article(el, article) == _old_in_article(el)
            assert list(H._iter_named(el, H._ARTICLE_WRAPPER_TAGS)) == H._named(
                el, H._ARTICLE_WRAPPER_TAGS
            )
            assert bool(H._climb(el.parent, in_link, H._link_tag, False)) == (
                H._parent_named(el, H._A) is not None
            )


@pytest.mark.parametrize("page", range(len(PAGES)))
def test_page_letters_give_each_element_its_own_key(page):
    tags = _tags(PAGES[page])
    spans: dict = {}
    text = H._page_letters(tags[0], spans, 3)
    assert text == H._letters_key(tags[0], skip_quotes=False)
    checked = 0
    for el in tags[1:]:
        if id(el) in spans:
            index, start, end = spans[id(el)]
            assert index == 3
            assert text[start:end] == H._letters_key(el, skip_quotes=False)
            checked += 1
        else:  # only what sits in (or is) a script, style, template …
            assert el.name in H._INVISIBLE or H._parent_named(el, H._INVISIBLE) is not None
    assert checked > 0


def test_a_pull_quote_still_goes_and_a_single_quotation_stays():
    page = (
        f"<html><body><article><h1>Le port</h1><p>Il a dit : « {QUOTE} » Puis il est parti. "
        f"{SENTENCE}</p><blockquote>{QUOTE}</blockquote><blockquote><p>Une citation que "
        f"l'article ne donne qu'une fois, ici, assez longue pour compter.</p></blockquote>"
        f"<p>{SENTENCE}</p></article></body></html>"
    )
    result = H.html_to_text(page, CFG)
    assert [c.rule for c in result.changes].count("html_pull_quote") == 1
    assert "ne donne qu'une fois" in result.text
    assert result.text.count("La mer est généreuse") == 1


# Adversarial shapes: (html for a depth, a text that must come out, a text that must not)


def _aside(depth: int) -> str:  # nested fact boxes in an article: each level a sentence
    return "<article><h1>Titre</h1>" + f"<aside><p>{SENTENCE}</p>" * depth + "Fond."


def _blockquote(depth: int) -> str:
    return f"<article><h1>Titre</h1><p>{SENTENCE}</p>" + "<blockquote>" * depth + (
        f"<p>{QUOTE}</p>"
    )


def _headings(depth: int) -> str:  # a heading at every level of a chain of <div>
    return "<div class=entry-content>" + f"<div><h2>Titre</h2><p>{SENTENCE}</p>" * depth


def _nav(depth: int) -> str:  # an article, then menus nested in menus
    return ("<article><h1>Titre</h1>" + f"<p>{SENTENCE}</p>" * 5 + "</article>"
            + "<nav><a href=/x>lien</a>" * depth)


def _hinted(depth: int) -> str:  # nested sidebar boxes, each with prose
    return f"<div class=sidebar><p>{SENTENCE}</p>" * depth


def _share_wrap(depth: int) -> str:  # share bars wrapped around content boxes, nested
    return f"<div class=share><div class=entry-content><p>{SENTENCE}</p>" * depth


def _wide_deep(depth: int) -> str:  # a chain of <div>, two paragraphs and a quote each
    return (f"<div><p>{SENTENCE}</p><p>Deux {SENTENCE}</p><blockquote>Cité.</blockquote>"
            * depth)


SHAPES = {
    "aside": (_aside, SENTENCE, None),
    "blockquote": (_blockquote, QUOTE, None),
    "headings": (_headings, SENTENCE, None),
    "nav": (_nav, SENTENCE, "lien"),
    "hinted": (_hinted, SENTENCE, None),
    "share_wrap": (_share_wrap, SENTENCE, None),
    "wide_deep": (_wide_deep, "Deux " + SENTENCE, None),
}


@pytest.mark.parametrize("depth", [1_000, 5_000, 20_000])
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_deep_pages_keep_their_text(shape, depth):
    build, kept, dropped = SHAPES[shape]
    result = H.html_to_text(build(depth), CFG)
    assert kept in result.text
    if dropped is not None:
        assert dropped not in result.text
    if shape in ("aside", "wide_deep", "headings", "share_wrap"):  # every level's text is read (the
        # innermost fact box holds one sentence only: an aside, dropped)
        assert result.text.count(SENTENCE) >= depth - (shape == "aside")


def _calls(html: str) -> int:
    return count_calls(H.html_to_text, html, CFG)[0]


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_work_grows_like_the_depth(shape):
    build = SHAPES[shape][0]
    H.html_to_text(build(5), CFG)  # load the rule files first
    small, large = _calls(build(500)), _calls(build(2_000))
    assert large < 5.5 * small, (small, large, large / small)

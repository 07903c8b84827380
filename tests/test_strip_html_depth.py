"""The HTML path stays linear in the nesting depth of a page.

A malformed page (thousands of unclosed ``<div>``) nests every element inside the previous
one. The photo-caption test used to search the whole subtree under every level (``find_all``,
``get_text``): quadratic in depth. Here the work is counted as Python and C function calls
(deterministic, unlike time) on two depths above ``CAPTION_MAX_NODES``, and must grow like
the depth.
"""

from __future__ import annotations

import pytest

import cleannews
from _helpers import count_calls
from cleannews.strip import html as strip_html


def _page(depth: int) -> str:
    # a short text (under IMAGE_CAPTION_MAX_CHARS) at the bottom: every level is a caption
    # candidate whose subtree holds it
    return (
        "<html><body>"
        + "<div>" * depth
        + "<p>Texte tout au fond de la page, sous des milliers de balises ouvertes.</p>"
        + "</div>" * depth
        + "</body></html>"
    )


def _calls(html: str) -> tuple[int, cleannews.Document]:
    return count_calls(cleannews.clean_html, html)


def test_work_grows_linearly_with_nesting_depth():
    cleannews.clean_html(_page(5))  # load the rule files and models first
    small, doc_small = _calls(_page(600))
    large, doc_large = _calls(_page(2400))
    assert doc_small.changes is not None and doc_large.changes is not None
    # four times the depth: about four times the calls (the quadratic caption test made ~12x)
    assert large < 5.5 * small, (small, large, large / small)


@pytest.mark.parametrize(
    ("html", "limit", "expected"),
    [
        ("<div><p>un</p><p>deux</p></div>", 4, False),
        ("<div><p>un</p><p>deux</p></div>", 3, True),
        ("<div>" + "<i></i>" * 10_000 + "</div>", 256, True),
        ("<div>" * 5_000 + "</div>" * 5_000, 256, True),
    ],
)
def test_more_nodes_than_is_bounded(html, limit, expected):
    from bs4 import BeautifulSoup

    el = BeautifulSoup(html, "html.parser").div
    assert strip_html._more_nodes_than(el, limit) is expected


def test_a_caption_next_to_its_picture_still_goes():
    html = (
        '<html><body><article><h1>Le port rénové</h1><div class="media"><a href="/p">'
        '<img alt="Le port au matin"></a><div class="sub">Le port au matin</div></div>'
        + "<p>"
        + "Les travaux du port se sont achevés cette semaine après deux ans de chantier. " * 3
        + "</p></article></body></html>"
    )
    doc = cleannews.clean_html(html)
    assert "Le port au matin" not in doc.text
    assert any(c.rule == "html_image_caption" for c in doc.changes)
    assert "travaux du port" in doc.text


def test_the_caption_test_counts_each_element_once_per_page():
    # the walk asked _more_nodes_than of every level: up to CAPTION_MAX_NODES + 1 nodes
    # visited each time (~1,030 calls per level of depth, 46 s for 200,000 levels under
    # load); _node_count's memo counts each element once (~280 calls per level)
    cleannews.clean_html(_page(5))
    small, _ = _calls(_page(600))
    large, doc = _calls(_page(2400))
    assert (large - small) / 1800 < 600, (small, large)
    assert doc.text.startswith("Texte tout au fond")


@pytest.mark.parametrize(
    "html",
    [
        "<div><p>un</p><p>deux</p></div>",
        "<div>" + "<i></i>" * 300 + "</div><p>" + "<b>x</b> y " * 100 + "</p>",
        "<div>" * 400 + "texte" + "</div>" * 400,
        '<article><h1>T</h1><div class="media"><a href="/p"><img alt="Le port"></a><div>Le '
        "port</div></div><!-- c --><p>Texte <em>mis</em> en <a href=/x>avant</a>.</p>"
        + "<ul>" + "<li>a</li>" * 200 + "</ul></article>",
    ],
)
@pytest.mark.parametrize("limit", [3, 256])
def test_node_count_agrees_with_more_nodes_than(html, limit):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    memo: dict[int, int] = {}
    # asked top-down, as the walk asks it, with one memo for the page
    for el in soup.find_all(True):
        count = strip_html._node_count(el, limit, memo)
        assert (count > limit) is strip_html._more_nodes_than(el, limit)
        assert count == min(limit + 1, sum(1 for _ in el.descendants))

"""The HTML path stays linear in the nesting depth of a page.

A malformed page (thousands of unclosed ``<div>``) nests every element inside the previous
one. The photo-caption test used to search the whole subtree under every level (``find_all``,
``get_text``): quadratic in depth. Here the work is counted as Python and C function calls
(deterministic, unlike time) on two depths above ``CAPTION_MAX_NODES``, and must grow like
the depth.
"""

from __future__ import annotations

import sys

import pytest

import cleannews
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
    count = 0

    def hook(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(hook)
    try:
        doc = cleannews.clean_html(html)
    finally:
        sys.setprofile(None)
    return count, doc


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

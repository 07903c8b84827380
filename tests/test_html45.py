"""Round 34 (html45): the likes pop-over of WordPress's Jetpack is furniture on every page.

Jetpack appends ``<div id="likes-other-gravatars">`` to each post page: a hidden template
of the like button's pop-over ("%d blogueurs aiment cette page :"). A page without an
article container (short items, a photo post) is read whole, and the template's line
stood at its end. Pages are hand-built; no evaluation page is copied.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from cleannews import clean_html
from cleannews.strip.html import _hint_kind

LIKES = (
    '<div id="likes-other-gravatars"><div class="likes-text"><span>%d</span> {text}</div>'
    '<ul class="wpl-avatars sd-like-gravatars"></ul></div>'
)


def _photo_post(likes_text: str) -> str:
    """A WordPress photo post of short lines (no article container), then the pop-over."""
    return (
        "<html><head><title>Carnet de balade</title></head><body>"
        "<h1>Balade au marché de Sarlat</h1>"
        "<p>Samedi matin.</p><p>Appareil : un vieux reflex.</p><p>Film : 400 ISO.</p>"
        "<p>Lieu : la place de la Liberté.</p>" + LIKES.format(text=likes_text) + "</body></html>"
    )


@pytest.mark.parametrize(
    "likes_text", ["blogueurs aiment cette page :", "Bloggern gefällt das:", "bloggers like this:"]
)
def test_likes_popover_goes_on_a_page_read_whole(likes_text: str) -> None:
    text = clean_html(_photo_post(likes_text)).text
    assert "%d" not in text
    assert "Lieu : la place de la Liberté." in text
    assert "Film : 400 ISO." in text


def test_likes_popover_goes_after_an_article() -> None:
    body = "".join(
        f"<p>Le conseil municipal a voté le budget de l'année {n} après un long débat sur "
        "les travaux de la halle, la cantine des écoles et l'éclairage des rues du centre.</p>"
        for n in range(2019, 2025)
    )
    html = (
        f"<html><body><article><h1>Le budget voté</h1>{body}"
        + LIKES.format(text="blogueurs aiment cette page :")
        + "</article></body></html>"
    )
    text = clean_html(html).text
    assert "aiment cette page" not in text
    assert "budget de l'année 2024" in text


def test_gravatars_is_a_strong_hint_and_likes_alone_is_none() -> None:
    def hint(attrs: str):
        return _hint_kind(BeautifulSoup(f"<div {attrs}>x</div>", "html.parser").div)

    assert hint('id="likes-other-gravatars"') == ("gravatars", "strong")
    assert hint('class="wpl-avatars sd-like-gravatars"') == ("gravatars", "strong")
    # "likes" alone names nothing: a post's count of likes, an article about likes
    assert hint('class="likes"') is None

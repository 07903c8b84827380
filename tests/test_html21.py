"""HTML path, branch html21 (issue 10): boxes of other stories kept on the dev pages of both HTML
benchmarks (``bench_html_gold.py --part dev``, ``bench_html_trafilatura.py --half dev``).

* A box with a weak hint (``teaser``, ``video``, ``widget`` …) was saved by any chunk of prose
  it held, link text included: a video player whose only text is the link over its still
  (``<div class="videoTop"><a class="posicionador">01:53 Italia muestra a la prensa …</a>``,
  ``fundus:es/ElPais_2024_10_15``) and a list of teaser cards stayed. Prose now saves such a
  box only when it stands outside links (``_has_prose(node, links=False)``): the text of
  other stories is written inside their links; the article's is not.
* A pager to the next and previous stories named ``next-prev`` (``<div class="grid-container
  next-prev">``, autoindustriya.com, ``aeb:aadb38e527d53793`` / ``aeb:3cb5e2f46626d5bb``;
  LBC Group's ``السابق`` / ``التالي``, ``fundus:lb/LBCGroup_2026_01_08``) is strong furniture
  (phrases ``next-prev``, ``prev-next``, ``next-previous``, ``previous-next`` and the words
  ``prevnext``, ``nextprev`` in ``data/html_hints.json``).
* ``trending`` (a word and a prefix) and the phrases ``most-read``, ``most-popular``,
  ``most-viewed``, ``most-shared``, ``popular-posts`` (French ``plus-vus``,
  ``plus-partages``, ``plus-commentes``) name lists of the site's most read stories.

The markup around the named elements is written for these tests; the named elements are cut
from the pages they were read on (long attributes shortened).
"""

from __future__ import annotations

import cleannews
from _helpers import html_text
from cleannews.strip import html as H

CFG = cleannews.CleanConfig(score_spin=False, quarantine=False)

ES = (
    "<p>El Gobierno de Giorgia Meloni ha abierto este martes a la prensa los dos centros "
    "que ha construido en Albania para retener a los migrantes rescatados en el mar.</p>"
)
EN = (
    "<p>The new Triber is built on the same platform as the Kwid and is powered by a "
    "1.0-liter three-cylinder engine that makes 71 horsepower and 96 Nm of torque.</p>"
)
FR = (
    "<p>Le conseil municipal a voté mardi soir le budget de l'année prochaine après trois "
    "heures de débat, avec les voix de la majorité et deux abstentions de l'opposition.</p>"
)


def _page(body: str, lang: str, after: str = "") -> str:
    return (
        f"<html lang='{lang}'><head><title>Article</title></head><body><article>"
        "<h1>Un titre d'article assez long pour être le titre</h1>"
        "<div class='article-body'>" + body + "</div>" + after + "</article></body></html>"
    )


# El País's video player between the paragraphs (fundus:es/ElPais_2024_10_15): its duration
# and title sit inside the link laid over its still
ELPAIS_VIDEO = (
    '<div class="videoTop videoTop-v"><div id="video_20241015123452615"><div class="videoTop '
    'videoTop-ph" id="ph_video_20241015123452615"><a aria-label="Reproducir vídeo" '
    'class="posicionador" href="#" role="button"><img class="_re lazyload a_m-h" src="/v.jpg" '
    'width="414"/><div class="_pa _df ph-v_b"><div class="_df ph-v_c"><div class="ph-v_d '
    '_dib">01:53</div><div class="ph-v_t">Italia muestra a la prensa los dos centros de '
    "deportación que ha construido en Albania</div></div></div></a></div></div></div>"
)

# autoindustriya.com's pager after the article (aeb:aadb38e527d53793)
NEXT_PREV = (
    '<div class="grid-container next-prev"><div class="grid-x grid-padding-x align-middle next">'
    '<p class="cell small-12 btn text-right"><a class="fuch next-btn" href="/n/mini.html">- Next '
    'Auto News <i class="fi-next"></i></a></p><div class="cell medium-4 small-5 row-image">'
    '<a href="/n/mini.html"><img alt="2020 Mini JCW GP is a 300HP monster hatch image" '
    'src="/i/16614.jpg"/></a></div><div class="cell medium-8 small-7 row-desc">'
    '<a href="/n/mini.html"><h5 class="row-title">2020 Mini JCW GP is a 300HP monster hatch</h5>'
    '</a><p class="hide-for-small-only row-excerpt">The most powerful Mini hot hatch to come '
    "out of Oxford has 306 HP and a huge rear wing</p><label class='row-info'>Marcus De Guzman "
    "<span class='hide-for-small-only'>2019-11-20 17:27:46</span></label></div></div>"
    '<div class="grid-x grid-padding-x align-middle prev"><p class="cell small-12 btn '
    'text-left"><a class="fuch prev-btn" href="/n/triber.html">Previous Auto News -</a></p>'
    '<div class="cell medium-8 small-7 row-desc text-right"><a href="/n/triber.html">'
    '<h5 class="row-title">Renault to challenge Xpander, Avanza with 7-seat 2020 Triber</h5>'
    '</a><p class="hide-for-small-only row-excerpt">Renault\'s latest seven-seater MPV only '
    "measures less than 4 meters long</p><label class='row-info'>2019-11-20 12:57:32 Marcus "
    "De Guzman</label></div></div></div>"
)


def test_video_player_whose_text_is_its_link_goes():
    text = html_text(_page(ES * 2 + ELPAIS_VIDEO + ES * 2, "es"), CFG)
    assert "Italia muestra a la prensa" not in text
    assert text.count("El Gobierno de Giorgia Meloni") == 4


def test_video_box_with_a_description_outside_its_link_stays():
    # look-alike: the same player with the article's own words written beside the link
    box = ELPAIS_VIDEO.replace(
        "</a></div></div></div>",
        "</a><p>En el vídeo, el ministro del Interior explica ante los periodistas cómo "
        "funcionarán los dos centros durante los próximos cinco años.</p></div></div></div>",
    )
    text = html_text(_page(ES * 2 + box + ES * 2, "es"), CFG)
    assert "el ministro del Interior explica" in text
    assert text.count("El Gobierno de Giorgia Meloni") == 4


def test_next_prev_pager_under_the_article_goes():
    # on the page the pager sits inside the article's column, after its last paragraph
    text = html_text(_page(EN * 4 + NEXT_PREV, "en"), CFG)
    assert "Mini hot hatch" not in text
    assert "seven-seater MPV" not in text
    assert text.count("The new Triber is built") == 4


def test_article_container_with_a_pager_class_stays():
    # a content word before the phrase names the element the article: the hint is weak and
    # the article's prose saves it
    html = (
        "<html lang='fr'><body><h1>Un titre d'article assez long pour être le titre</h1>"
        "<div class='entry-content next-prev-ready'>" + FR * 4 + "</div></body></html>"
    )
    assert html_text(html, CFG).count("Le conseil municipal") == 4


def test_trending_and_most_read_hints():
    def kind(cls: str):
        from bs4 import BeautifulSoup

        return H._hint_kind(BeautifulSoup(f'<div class="{cls}">x</div>', "html.parser").div)

    # mixed.de's "trending" counter, TechRadar's bar, The Gateway Pundit's widget, WIRED's box
    assert kind("control-trending") == ("trending", "strong")
    assert kind("slice-container trending-bar-container trendingbar") is not None
    assert kind("most-popular") == ("most-popular", "strong")
    assert kind("widget popular-posts") == ("popular-posts", "strong")
    assert kind("bloc-les-plus-vus")[1] == "strong"
    # look-alikes: a WordPress post tagged "trending" is the article (a content word first),
    # and a class holding "popular" alone names nothing
    assert kind("post type-post tag-trending") == ("trending", "weak")
    assert kind("popular") is None and kind("category-popular") is None


def test_trending_counter_in_the_meta_bar_goes():
    # mixed.de's bar under the headline (trafilatura's set, dev half): a heat counter
    bar = (
        '<div class="meta-bar"><div class="control-trending"> <span class="meta-heat metric '
        'heat-index" title="Trending"><span class="numcount">6280</span></span></div></div>'
    )
    text = html_text(_page(bar + FR * 4, "fr"), CFG)
    assert "6280" not in text
    assert text.count("Le conseil municipal") == 4

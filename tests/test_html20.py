"""HTML path, branch html20 (issue 10): class values that name a style or a state, not a region,
read on the dev pages of both HTML benchmarks (``bench_html_gold.py --part dev``,
``bench_html_trafilatura.py --half dev``).

A content word ("body", "text", "content" …) in an element's class or id says "this is the
article": it saves an element from a weak hint, makes a strong hint weak, doubles the element's
vote for the article's container and, inside a hinted box, says the box *wraps* the article (so
the box stays). Utility classes hold the same words without naming anything: NBC News sets the
typeface of its sign-up blurb with ``<div id="descr" class="font-body f3 …">`` inside
``<div id="emailSignup">`` (``aeb:7a457a4f71735c17``), and the WordPress block editor marks any
coloured block ``has-text-color`` (Correctiv's newsletter box under ``<div class="ad-container
…">``, ``fundus:de/Correctiv_2026_05_24``). Both boxes stayed, taken to wrap the article. A class
value opening with a style or state word (``style_prefixes`` in ``data/html_hints.json``: has,
is, font, fonts, typo, typography) now gives no content word (``html._content_values``,
``html._content_word``); its furniture words still count.

The markup around the named elements is written for these tests; the named elements keep the
classes and ids of the pages they were read on (the long hashed classes shortened).
"""

from __future__ import annotations

import cleannews
from _helpers import html_rules, html_text
from cleannews.strip import html as H

CFG = cleannews.CleanConfig(score_spin=False, quarantine=False)

EN = (
    "<p class='endmarkEnabled'>Carlineo faces a maximum of 10 years in prison and up to a "
    "$250,000 fine after he admitted making the threatening call to the congresswoman's "
    "office in Washington last spring.</p>"
)
DE = (
    "<p><span style='font-weight: 400;'>Gerade bei sensiblen Kooperationen, Dual-Use-Risiken "
    "und dem Umgang mit kritischen Daten bestünden laut der Forschungs-Politikerin Lücken in "
    "der Forschungssicherheit.</span></p>"
)
FR = (
    "<p>Le conseil municipal a voté mardi soir le budget de l'année prochaine après trois "
    "heures de débat, avec les voix de la majorité et deux abstentions de l'opposition.</p>"
)


def _page(body: str, lang: str = "en") -> str:
    return (
        f"<html lang='{lang}'><head><title>Article</title></head><body><article>"
        "<h1>Man who threatened to kill the congresswoman pleads guilty</h1>"
        "<div class='article-body'>" + body + "</div></article></body></html>"
    )


# NBC News's sign-up box between the article's paragraphs (aeb:7a457a4f71735c17)
NBC_SIGNUP = (
    '<div id="emailSignup" class="container___2y9U4 dn news___2-pw7 mt8 mt2-m mb8"><div></div>'
    '<div><h4 id="title" class="title___1HzsV founders-cond f7 mb0 mb3-m mt4"></h4></div>'
    '<div id="descr" class="font-body f3 pb3 mt0 mb0">Let our news meet your inbox. The news '
    "and stories that matters, delivered weekday mornings.</div>"
    '<div class=""><form class="inputComponent___2faHH"><input class="pl5 pv3 flex-auto" '
    'name="emailAddress" placeholder="Your Email Address" value=""><button '
    'id="email-subscribe-button" type="button">Sign Up</button></form></div></div>'
)

# Correctiv's newsletter box after the article, in WordPress blocks (fundus:de/Correctiv_2026_05_24)
CORRECTIV_BOX = (
    '<div class="corre-abbinder-events corre-entity-placement" id="corre-3563966690">'
    '<div id="corre-2517973818" class="ad-container corre-target">'
    '<div class="wp-block-group sans-font is-layout-constrained">'
    '<div class="wp-block-group has-greyscale-100-color has-text-color has-background '
    'has-link-color is-layout-constrained">'
    '<h3 class="wp-block-heading has-greyscale-100-color has-text-color has-link-color" '
    'id="h-correctiv-im-postfach">CORRECTIV im Postfach</h3>'
    '<p class="has-greyscale-100-color has-text-color has-link-color">Lesen Sie von Macht und '
    "Missbrauch. Aber auch von Menschen und Momenten, die zeigen, dass wir es als Gesellschaft "
    "besser können. Täglich im CORRECTIV Spotlight.</p>"
    "<form><input type='email'><button>Anmelden</button></form>"
    "</div></div></div></div>"
)

# the French shape: a sign-up box built in WordPress blocks between the paragraphs
FR_BOX = (
    '<div class="bloc-newsletter"><div class="wp-block-group has-white-color has-text-color '
    'has-background"><p class="has-text-color">Recevez chaque matin l\'essentiel de '
    "l'actualité de votre ville, directement dans votre boîte aux lettres électronique, "
    "avant huit heures.</p><form><input type='email'></form></div></div>"
)


def test_nbc_signup_blurb_in_a_typeface_class_goes():
    html = _page(EN * 3 + NBC_SIGNUP + EN * 2)
    text = html_text(html, CFG)
    assert "Let our news meet your inbox" not in text
    assert text.count("Carlineo faces a maximum") == 5
    assert "html_class_hint" in html_rules(html, CFG)


def test_correctiv_newsletter_box_in_coloured_blocks_goes():
    text = html_text(_page(DE * 4 + CORRECTIV_BOX, lang="de"), CFG)
    assert "Lesen Sie von Macht und Missbrauch" not in text
    assert "CORRECTIV im Postfach" not in text
    assert text.count("Gerade bei sensiblen Kooperationen") == 4


def test_french_newsletter_box_in_coloured_blocks_goes():
    text = html_text(_page(FR * 2 + FR_BOX + FR * 2, lang="fr"), CFG)
    assert "Recevez chaque matin" not in text
    assert text.count("Le conseil municipal") == 4


def test_article_text_in_style_classes_stays():
    # the article's own paragraphs set in a typeface or a colour keep their place: a style
    # class is no hint either way
    body = (
        '<div class="font-body f3">' + FR * 2 + "</div>"
        '<p class="has-text-color has-dark-gray-color">Les élus de l\'opposition ont demandé '
        "un nouvel examen des dépenses d'investissement avant la fin du mois prochain.</p>"
        '<div class="typo_content">' + FR + "</div>"
    )
    text = html_text(_page(body, lang="fr"), CFG)
    assert text.count("Le conseil municipal") == 3
    assert "Les élus de l'opposition" in text


def test_a_content_word_in_a_region_class_still_saves_the_box():
    # "entry-content" inside a sticky share bar still names the article the bar wraps
    html = (
        "<html><body><div id='social-sticky' class='share-bar'><div class='entry-content'>"
        + FR * 3 + "</div></div></body></html>"
    )
    assert html_text(html, CFG).count("Le conseil municipal") == 3


def test_content_word_reads_values():
    def c(cls: str) -> bool:
        from bs4 import BeautifulSoup

        return H._content_word(BeautifulSoup(f'<div class="{cls}">x</div>', "html.parser").div)

    assert c("entry-content") and c("post") and c("text-body")
    assert not c("font-body f3") and not c("has-text-color") and not c("typo_content")
    assert not c("is-content-justification-center") and not c("fontBody")
    # furniture words in a style value still count for the hint
    assert H._values_hint(("font-body", "newsletter"), False) == ("newsletter", "strong")
    assert H._values_hint(("has-text-color", "sidebar"), False) == ("sidebar", "weak")

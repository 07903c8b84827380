"""HTML path, branch html15 (issue 10): other stories' links left inside the article body,
read on the dev pages of both HTML benchmarks (``bench_html_gold.py --part dev``,
``bench_html_trafilatura.py --half dev``), each with the look-alikes that must stay.

* a list of **two** links under a list title, each item one link (``html_link_list``):
  Le Figaro's ``fig-crosslinking`` box ("À découvrir" above a podcast and "Suivez les
  informations … avec l'application du Figaro") and the National Post's "Recommended from
  Editorial" (a carousel: its buttons sit between the title and the list);
* an ``<article>`` made of a link to another page (``html_link_line``): Berliner Zeitung's
  cards of other stories between the paragraphs;
* a card written inside one link around a heading, headline and summary (``html_link_line``,
  longer than a "read also" line): Stuttgarter Zeitung's "Unsere Empfehlung für Sie",
  Deutsche Welle's related stories.

The boxes keep the markup of the pages they were read on, their texts shortened; the article
around them is written for these tests. The look-alikes are the shapes the first drafts took
on the dev pages: a letter's signature (name, town) above the footer's menu, an article's
"Weitere Informationen" with two links to other sites, boxes of a school's page written inside
``<a href="#">``, a list of two links without a title.
"""

from __future__ import annotations

import cleannews
from _helpers import html_rules, html_text

CFG = cleannews.CleanConfig(score_spin=False, quarantine=False)

FR = (
    "<p class='fig-paragraph'>Les forces russes ont rapidement progressé ces dernières semaines "
    "sur plusieurs segments du front, forçant l'armée ukrainienne à perdre du terrain autour "
    "de plusieurs localités de l'est du pays, selon les analystes militaires.</p>"
)
DE = (
    "<p>Der Gemeinderat hat am Dienstagabend nach drei Stunden Debatte den Haushalt für das "
    "kommende Jahr beschlossen, mit den Stimmen der Mehrheit und zwei Enthaltungen.</p>"
)
EN = (
    "<p>The city council passed next year's budget on Tuesday night after three hours of "
    "debate, with the votes of the majority and two abstentions from the opposition.</p>"
)


def _page(site: str, lang: str, para: str, inside: str, n: int = 4) -> str:
    return (
        f"<html lang='{lang}'><head><title>Article</title>"
        f"<link rel='canonical' href='https://www.{site}/actualite/2024/11/22/article.html'>"
        f"</head><body><div class='menu'><a href='https://www.{site}/'>Accueil</a> "
        f"<a href='https://www.{site}/international'>International</a></div>"
        f"<article><h1>Un titre de l'article du jour</h1>"
        f"<div class='fig-content-body'>" + para * 2 + inside + para * n + "</div>"
        "</article></body></html>"
    )


def _rules(html: str) -> set[str]:
    return html_rules(html, CFG)


# --- a list of two links under a list title ---------------------------------------------------

FIGARO = (
    "<div class='fig-crosslinking fig-crosslinking--2 fig-crosslinking--scroll' "
    "data-module='fig-crosslinking'><div class='fig-crosslinking__title'><span>À découvrir"
    "</span></div><ul class='fig-crosslinking__list'><li class='fig-crosslinking__item'>"
    "<figure class='fig-crosslinking__media'><div class='fig-placeholder'><img alt='PODCAST' "
    "class='fig-img' width='256' height='256' src='https://i.f1g.fr/a.png'></div></figure>"
    "<a class='fig-crosslinking__link' href='https://podcasts.lefigaro.fr/le-club/episodes/"
    "latest'>PODCAST - Écoutez le club Le Figaro International</a></li>"
    "<li class='fig-crosslinking__item'><svg aria-hidden='true' class='fig-crosslinking__arrow'>"
    "<use href='#fig-svg__arrow'></use></svg><a class='fig-crosslinking__link' "
    "href='https://app.adjust.com/b885nen?redirect_ios=https%3A%2F%2Fapps.apple.com'>Suivez "
    "les informations sur la guerre en Ukraine avec l'application du Figaro</a></li></ul></div>"
)


def test_two_links_under_a_list_title_in_the_body_go():
    html = _page("lefigaro.fr", "fr", FR, FIGARO)
    text = html_text(html, CFG)
    assert "application du Figaro" not in text
    assert "Écoutez le club" not in text
    assert "À découvrir" not in text
    assert "Les forces russes ont rapidement progressé" in text
    assert "html_link_list" in _rules(html)


NATIONAL_POST = (
    "<section aria-labelledby='moreTopicLabel95' class='more-topic' data-aqa='embed-more-topic' "
    "data-carousel-component=''><div class='more-topic__title widget-title h2' "
    "id='moreTopicLabel95'>Recommended from Editorial</div>"
    "<button class='more-topic__button-prev'></button><ol class='more-topic__items "
    "list-unstyled'><li class='more-topic__item'><a href='https://nationalpost.com/opinion/"
    "private-health-care-scare'> <picture class='more-topic__item-image'><img class='lazyload' "
    "src='a.jpg'></picture> <div class='more-topic__item-text h3'><span class='more-topic__item"
    "-text-clamp'>Randall Denley: The private health-care scare doesn't work anymore</span></div>"
    " </a></li><li class='more-topic__item'><a href='https://nationalpost.com/opinion/canada-"
    "american-style-health-care'> <picture class='more-topic__item-image'><img class='lazyload'"
    " src='b.jpg'></picture> <div class='more-topic__item-text h3'><span class='more-topic__"
    "item-text-clamp'>Chris Selley: Canadians are discovering scarier health-care futures"
    "</span></div> </a></li></ol><button class='more-topic__button-next'></button></section>"
)


def test_two_links_under_a_title_with_carousel_buttons_between_go():
    text = html_text(_page("nationalpost.com", "en", EN, NATIONAL_POST), CFG)
    assert "Randall Denley" not in text
    assert "Chris Selley" not in text
    assert "Recommended from Editorial" not in text
    assert "The city council passed" in text


def test_two_long_links_without_a_title_stay():
    # two items of the article's own list, each a link, with no list title above them
    box = (
        "<ul><li><a href='/documents/rapport-commission-enquete.pdf'>Le rapport de la "
        "commission d'enquête parlementaire sur la gestion de la crise, publié mardi</a></li>"
        "<li><a href='/documents/reponse-ministere.pdf'>La réponse du ministère de l'Intérieur "
        "aux recommandations de la commission, publiée hier soir</a></li></ul>"
    )
    text = html_text(_page("lefigaro.fr", "fr", FR, FR + box), CFG)
    assert "Le rapport de la commission" in text
    assert "La réponse du ministère" in text


def test_a_title_above_two_links_to_other_sites_is_no_box_of_the_site():
    # ejwue.de: the article's "Weitere Informationen" and two links to other sites stay
    # a list of the article's sources (the short-line rule still judges it, as before)
    box = (
        "<p class='withArrow'><b>Weitere Informationen</b></p><ul><li><a "
        "href='https://www.ljrbw.de/events-reader/aktionsworkshop'>Aktuelle Infos zum "
        "Aktionsworkshop</a></li><li><a href='https://lieferkettengesetz.de/'>Initiative "
        "Lieferkettengesetz</a></li></ul>"
    )
    from cleannews.strip.html import html_to_text

    changes = html_to_text(_page("ejwue.de", "de", DE, box), CFG).changes
    assert not [c for c in changes if c.rule == "html_link_list" and "Aktionsworkshop" in c.before]


def test_a_signature_above_the_footer_menu_is_no_list_title():
    # mercurynews' letters: the last letter's signature, an empty paragraph, then the
    # footer's links: the signature stays (an empty paragraph is no carousel button)
    letter = (
        "<p>Scientists admittedly can't predict hurricanes a year out with any accuracy, but "
        "they want us to believe they can predict global temperatures years out.</p>"
        "<p style='text-align: right'><strong>Jon Rego</strong><br/><em>Clayton</em></p>"
        "<p style='text-align: right'>\n</p><div class='dfm-trust-indicators-footer-links'><hr/>"
        "<ul class='menu'><li><a href='https://www.mercurynews.com/report-an-error/'>Report an "
        "error</a></li><li><a href='https://www.mercurynews.com/policies/'>Policies and "
        "Standards</a></li><li><a href='https://www.mercurynews.com/contact-us/'>Contact Us"
        "</a></li></ul></div>"
    )
    html = (
        "<html lang='en'><head><title>Letters</title></head><body><div class='article-body'>"
        "<div class='body-copy'><h1>Letters to the editor</h1>"
        + EN * 4
        + letter
        + "</div></div></body></html>"
    )
    text = html_text(html, CFG)
    assert "Jon Rego" in text
    assert "Clayton" in text


# --- an <article> made of a link -----------------------------------------------------------------

BERLINER = (
    "<div class='flex flex-col gap-4'><article class='pt-4 border-t border-gray-100'>"
    "<a class='flex gap-4 items-start group' href='/panorama/kinder-fuer-mich-keine-option-li."
    "100'><img src='k.jpg' alt=''><div class='flex-1 min-w-0 flex flex-col'><span>Panorama"
    "</span><h3 class='text-black font-bold'>„Kinder? Für mich keine Option“ – Wie die GenZ "
    "in Berlin mit Zukunftsangst lebt</h3></div></a></article>"
    "<article class='pt-4 border-t border-gray-100'><a class='flex gap-4 items-start group' "
    "href='/gesundheit/kinderlosigkeit-li.200'><img src='l.jpg' alt=''><div class='flex-1'>"
    "<h3 class='text-black font-bold'>Kinderlosigkeit: „Ich mag Kinder – aber ich will keines "
    "in diese Welt setzen“</h3></div></a></article></div>"
)


def test_an_article_element_made_of_a_link_is_another_story():
    html = _page("berliner-zeitung.de", "de", DE, BERLINER)
    text = html_text(html, CFG)
    assert "Zukunftsangst" not in text
    assert "Kinderlosigkeit" not in text
    assert "Der Gemeinderat hat am Dienstagabend" in text


def test_article_boxes_inside_links_to_the_page_itself_stay():
    # siegfried-marcus-berufsschule.at: the modules of a training, each box written inside
    # <a href="#"> (a script opens its panel): the page's own text
    boxes = (
        "<section class='columns'><article class='col col3'><a href='#'><div class='box-colored'"
        " onclick='pointer(\"h1\")'><h4>Hauptmodul</h4>\nLehrzeit:\xa0<strong>1,5 Jahre"
        "</strong>, Fahrwerk, Antrieb und Motormanagement der Personenkraftwagen</div></a>"
        "</article>"
        "<article class='col col3'><a href='#'><div class='box-colored'><h4>Spezialmodul oder "
        "2. Hauptmodul</h4>Lehrzeit:\xa0<strong>0,5 Jahre</strong>, Diagnose der elektronischen "
        "Systeme im Fahrzeug</div>"
        "</a></article></section>"
    )
    text = html_text(_page("siegfried-marcus-berufsschule.at", "de", DE, boxes), CFG)
    assert "Hauptmodul" in text
    assert "0,5 Jahre" in text


# --- a card inside one link around a heading ---------------------------------------------------

STUTTGARTER = (
    "<div class='articleTeaser brick'><div class='header'><h3>Unsere Empfehlung für Sie</h3>"
    "</div><div class='item'><div class='content'><a class='data' href='/inhalt.schutzsuchende-"
    "aus-der-ukraine.html'><section class='appetizer'><div class='headline-wrapper'><figure>"
    "<div class='image'><picture><img src='u.jpg'></picture></div></figure><h3><span "
    "class='appetizer-kicker'>Schutzsuchende aus der Ukraine</span> <span class='appetizer-"
    "title'>Mehr Ukraine-Flüchtlinge in Deutschland - neue Reiseregelung</span></h3></div>"
    "<div class='appetizer-text'><span>Die Zahl ukrainischer Flüchtlinge in Deutschland ist "
    "erneut gestiegen. Was gelockerte Ausreiseregeln und politische Entscheidungen in "
    "Nachbarländern damit zu tun haben könnten.</span></div></section></a></div></div></div>"
)


def test_a_card_inside_one_link_around_a_heading_goes_however_long_its_summary():
    html = _page("stuttgarter-zeitung.de", "de", DE, STUTTGARTER)
    text = html_text(html, CFG)
    assert "Ukraine-Flüchtlinge" not in text
    assert "gelockerte Ausreiseregeln" not in text
    assert "Unsere Empfehlung für Sie" not in text
    assert "Der Gemeinderat hat am Dienstagabend" in text
    assert "html_link_line" in _rules(html)


def test_a_linked_heading_beside_prose_outside_the_link_stays():
    # a subheading that links to the dossier, followed by the article's paragraph in the same
    # block: most of the block's text is outside the link
    block = (
        "<div class='section'><h3><a href='/dossier/haushalt'>Der Haushalt im Überblick</a></h3>"
        "<p>Die Stadt plant für das kommende Jahr Ausgaben von 1,2 Milliarden Euro, davon "
        "fließt ein Drittel in Schulen, Kitas und den Nahverkehr der Region.</p></div>"
    )
    text = html_text(_page("stuttgarter-zeitung.de", "de", DE, block), CFG)
    assert "Ausgaben von 1,2 Milliarden Euro" in text

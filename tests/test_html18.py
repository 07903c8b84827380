"""HTML path, branch html18 (issue 10): a sentence that runs into its link with one or two
words before it, read on the dev pages of both HTML benchmarks
(``bench_html_gold.py --part dev``, ``bench_html_trafilatura.py --half dev``).

``html_link_line`` takes a short block that is mostly one link (a "read also" line). Round 12
spared a sentence that starts before the link and runs on into it, but only with at least
``LINK_LINE_LEAD_WORDS`` (3) words before the link. A paragraph that opens with one or two
words, goes on inside the link and closes with a full stop after it is a sentence too:

* BBC's Nato explainer: "It also <a>co-ordinates military plans and carries out joint
  military exercises</a>." (gold text of ``fundus:uk/BBC_2026_04_25``);
* a README on GitHub (trafilatura's set, ``golemfactory/yapapi``): "First, install <a>the
  dependencies required to run goth</a>." and "Next, <a>configure goth's GitHub API
  token</a>.";
* the French shape: "Il a <a>rencontré les syndicats</a>."

Look-alikes that still go: "Lire aussi <a>notre dossier …</a>." (a pointer word before the
link, ``link_leads`` in ``data/html_hints.json``), "READ MORE: <a>…</a>" (a label), a link
without words before it, a sentence that does not close after the link.

The paragraphs keep the markup of the pages they were read on; the article around them is
written for these tests.
"""

from __future__ import annotations

import cleannews
from _helpers import html_rules, html_text

CFG = cleannews.CleanConfig(score_spin=False, quarantine=False)

EN = (
    "<p>The North Atlantic Treaty Organization was set up in 1949 by the United States, Canada "
    "and several Western European nations to provide collective security against the Soviet "
    "Union.</p>"
)
FR = (
    "<p>Le conseil municipal a voté mardi soir le budget de l'année prochaine après trois "
    "heures de débat, avec les voix de la majorité et deux abstentions de l'opposition.</p>"
)


def _page(para: str, inside: str, lang: str = "en") -> str:
    return (
        f"<html lang='{lang}'><head><title>Article</title>"
        "<link rel='canonical' href='https://www.example.com/news/2026/04/25/article'>"
        "</head><body><article><h1>What is Nato and why was it created?</h1>"
        "<div class='article-body'>" + para * 3 + inside + para * 3 + "</div>"
        "</article></body></html>"
    )


# the BBC's paragraph (fundus:uk/BBC_2026_04_25), its markup as on the page
BBC = (
    '<div data-component="text-block" class="sc-9cd5bb24-0 lmzibM"><div class="sc-cd6075cf-0 '
    'DQtHs"><div class="sc-82b3c53b-0 IAFLu"><p class="sc-1a18e57c-0 HooNV">It also <a '
    'target="_blank" href="https://www.nato.int/cps/en/natohq/topics_68144.htm" '
    'class="sc-2554282c-0 cDYatN">co-ordinates military plans and carries out joint military '
    "exercises</a>.</p></div></div></div>"
)
# golemfactory/yapapi's README (trafilatura's set, dev half)
YAPAPI = (
    '<p dir="auto">First, install <a href="https://github.com/golemfactory/goth#requirements">'
    "the dependencies required to run goth</a>.</p>"
    '<p dir="auto">Next, <a href="https://github.com/golemfactory/goth#getting-a-github-api-'
    "token\">configure goth's GitHub API token</a>.</p>"
)


def test_bbc_sentence_with_two_words_before_its_link_stays() -> None:
    html = _page(EN, BBC)
    assert "It also co-ordinates military plans and carries out joint military exercises." in (
        html_text(html, CFG)
    )
    assert "html_link_line" not in html_rules(html, CFG)


def test_readme_steps_that_run_into_their_links_stay() -> None:
    text = html_text(_page(EN, YAPAPI), CFG)
    assert "First, install the dependencies required to run goth." in text
    assert "Next, configure goth's GitHub API token." in text


def test_french_sentence_running_into_its_link_stays() -> None:
    para = (
        "<p>Il a <a href='https://www.example.com/news/syndicats'>rencontré les syndicats</a>.</p>"
    )
    text = cleannews.clean_html(_page(FR, para, "fr"), CFG).text
    assert "Il a rencontré les syndicats." in text


# --- look-alikes that still go ------------------------------------------------------------


def test_pointer_word_before_the_link_still_goes() -> None:
    for para in (
        "<p>Lire aussi <a href='https://www.example.com/news/retraites'>notre dossier sur la "
        "réforme des retraites</a>.</p>",
        "<p>Read <a href='https://www.example.com/news/nato-summit'>our report from the summit "
        "in Vilnius</a>.</p>",
    ):
        html = _page(FR if "Lire" in para else EN, para)
        assert "html_link_line" in html_rules(html, CFG), para


def test_labels_bare_links_and_open_sentences_still_go() -> None:
    for para in (
        # fundus:au/NineNews_2024_04_26 (a label before the link)
        "<div class='block-content'><strong><span>READ MORE:</span></strong><span> </span>"
        "<a href='https://www.9news.com.au/national/wa-news-house-fire'><strong><span>Man "
        "arrested after fatal Perth house fire</span></strong></a></div>",
        # a link alone, a full stop after it (no words before it)
        "<p><a href='https://www.example.com/news/next'>the document dump is not over yet</a>.</p>",
        # two words before the link, nothing after it
        "<p>Also see <a href='https://www.example.com/news/nato'>what nato does in the baltic "
        "states</a></p>",
    ):
        assert "html_link_line" in html_rules(_page(EN, para), CFG), para


# --- a heading made of a label and one link: a "read also" line set as a heading ------------

# Día a Día (Panama) and Soy502 (Guatemala), trafilatura's set, dev half: both "without"
DIAADIA = (
    '<h6><strong>Mire: </strong><a href="https://www.diaadia.com.pa/fama/el-cantante-juan-luis-'
    'guerra-da-positivo-covid-19-749570">El cantante Juan Luis Guerra da positivo a COVID-19</a>'
    "</h6>"
)
SOY502 = (
    '<h3>MIRA:&nbsp;<a href="https://www.soy502.com/articulo/madre-acerca-captura-hijo-termina-'
    'detenida-50172" target="_blank">Madre se acerca a conocer los motivos de captura de su hijo '
    "y termina detenida</a></h3>"
)
ES = (
    "<p>Cabe destacar que durante el trámite el cantante estuvo acompañado por su hija, quien "
    "también firmó los documentos presentados ante la autoridad electoral del país.</p>"
)


def _site_page(site: str, inside: str, para: str = ES, lang: str = "es") -> str:
    return (
        f"<html lang='{lang}'><head><title>Noticia</title>"
        f"<link rel='canonical' href='https://www.{site}/nacionales/noticia-12345'>"
        "</head><body><article><h1>Un titular de la noticia del día</h1>"
        "<div class='article-body'>" + para * 3 + inside + para * 3 + "</div>"
        "</article></body></html>"
    )


def test_labelled_link_headings_go() -> None:
    for site, box, words in (
        ("diaadia.com.pa", DIAADIA, "Juan Luis Guerra"),
        ("soy502.com", SOY502, "Madre se acerca"),
    ):
        html = _site_page(site, box)
        assert words not in html_text(html, CFG), site
        assert "html_link_line" in html_rules(html, CFG), site


def test_french_labelled_link_heading_goes() -> None:
    box = (
        "<h3>À lire : <a href='https://www.example.fr/sport/stade-renove'>Le stade municipal "
        "sera rénové avant la saison 2026</a></h3>"
    )
    html = _site_page("example.fr", box, FR, "fr")
    assert "Le stade municipal" not in cleannews.clean_html(html, CFG).text


def test_headings_that_only_hold_a_link_stay() -> None:
    for box, words in (
        # a source on another site
        (
            "<h3>Fuente: <a href='https://www.who.int/publications/informe-2024'>Informe "
            "mundial sobre la salud de la OMS</a></h3>",
            "Informe mundial sobre la salud",
        ),
        # a subheading that links to a part of the page
        (
            "<h2>Paso 2: <a href='#paso-2'>elegir el tamaño correcto del cuadro</a></h2>",
            "elegir el tamaño correcto",
        ),
        # a subheading whose words go on after the link
        (
            "<h2>Entrevista: <a href='https://www.diaadia.com.pa/fama/ulpiano'>Ulpiano "
            "Vergara habla</a> de su nueva gira por el país</h2>",
            "de su nueva gira",
        ),
    ):
        assert words in html_text(_site_page("diaadia.com.pa", box), CFG), box


def test_new_tests_are_linear_on_one_megabyte() -> None:
    from bs4 import BeautifulSoup

    from cleannews.strip.html import _SENTENCE_CLOSE, _closes_sentence, _labelled_link_heading

    big = "." * 1_000_000
    assert _SENTENCE_CLOSE.match(big) is None
    assert _SENTENCE_CLOSE.match("!" * 3 + "." + "»" * 1_000_000) is None
    p = BeautifulSoup(f"<p>It <a href='/x'>went</a>{' ?' * 500_000}</p>", "html.parser").p
    assert not _closes_sentence(p)
    h = BeautifulSoup(
        f"<h3>{'Mire ' * 200_000}: <a href='/x'>El cantante da positivo a COVID</a></h3>",
        "html.parser",
    ).h3
    assert not _labelled_link_heading(h, "example.com")

"""HTML path, branch html8 (issue 10): error classes read on the dev part of the gold HTML
benchmark (``benchmarks/bench_html_gold.py``) and checked on the dev half of trafilatura's
evaluation set, each with the look-alike that must stay as it was. The pages below are
written for these tests in the shape of French news pages; no page of either set is copied.

* **a glossary popup at the edge of a sentence** (``_edge_of_prose``): ``<a class="popup">``
  opening or ending a sentence of a prose paragraph is the article's text; a share label
  after a one-line paragraph still goes;
* **a lightbox** (``lightbox`` hint): the overlay that repeats a picture's caption goes;
* **a header column** (``_zone_tail``): the column that holds the headline and the byline
  beside the body keeps them, not the long list of links after them; a long standfirst
  there stays;
* **hover cards** (``_hover_card``): a paragraph whose linked names open cards full of links
  keeps its sentences; the cards go; a "Lire aussi" paragraph of links still goes, a
  reference item whose citation is mostly links stays;
* **text behind a paywall** (``_gated_text``): ``<p class="paywall" aria-hidden="true">``
  stays, a hidden paywall box goes;
* **a gated body** (``_hint_kind``): ``<div class="paywallAccessWrapper contentBodySections">``
  around the body is the article behind a paywall, not a paywall box; a ``paywall
  paywall__content`` box still goes;
* **call-to-action boxes** (``cta``): a ``cta-box`` with a sentence in it goes;
* **French class phrases** (data): ``mots-cles`` and ``meme-rubrique`` boxes go.
"""

from __future__ import annotations

from _helpers import html_text
from test_strip_html_fr4 import CFG, PARA, TITLE  # the same article, one place

MENU = (
    "<div class='menu'><a href='/'>Accueil</a> <a href='/politique'>Politique</a> "
    "<a href='/monde'>Monde</a> <a href='/sport'>Sport</a></div>"
)


def _page(inside: str, n: int = 5) -> str:
    return (
        "<html lang='fr'><head><title>Budget</title></head><body>"
        + MENU
        + f"<div class='article-body'><h1>{TITLE}</h1>"
        + PARA * n
        + inside
        + "</div></body></html>"
    )


# --- a glossary popup at the edge of a sentence -------------------------------------------


def test_popup_ending_a_sentence_of_a_prose_paragraph_stays():
    p = (
        "<p>Le rapporteur a rappelé que la ville avait emprunté trop souvent ces dernières "
        "années, et il a parlé de <a class='popup' href='javascript:void(0)' "
        "onclick='return overlib(\"note\")'>dette cachée.</a></p>"
    )
    assert "dette cachée." in html_text(_page(p), CFG)


def test_popup_opening_a_paragraph_stays():
    p = (
        "<p><a class='popup' href='javascript:void(0)'>Je</a> suis un conseiller assez âgé, "
        "dit-il, et je n'ai jamais vu un budget voté aussi tard dans la nuit.</p>"
    )
    text = html_text(_page(p), CFG)
    assert "Je suis un conseiller" in text


def test_share_label_after_a_one_line_paragraph_still_goes():
    p = "<p>Fin. <span class='share'>Partager</span></p>"
    text = html_text(_page(p), CFG)
    assert "Partager" not in text


# --- a lightbox -------------------------------------------------------------------------


def test_lightbox_copy_of_a_caption_goes():
    caption = (
        "Le maire et son adjoint aux finances à la sortie du conseil, mardi soir, à Lyon : "
        "les deux élus ont défendu pendant trois heures un budget que l'opposition juge "
        "trop optimiste sur les recettes de la taxe foncière et des droits de mutation."
    )
    fig = (
        f"<div class='detail-img'><img src='a.jpg'><div class='detail-img__description'>"
        f"<div>{caption}</div></div></div>"
        f"<div class='lightbox'><div class='lightbox__wrapper'><img src='a-big.jpg'>"
        f"<div class='lightbox__description'>{caption}</div></div></div>"
    )
    text = html_text(_page(fig), CFG)
    assert text.count("Le maire et son adjoint aux finances") == 1


# --- a header column --------------------------------------------------------------------


def _columns(after_byline: str) -> str:
    return (
        "<html lang='fr'><head><title>Budget</title></head><body>" + MENU + "<div class='grid'>"
        f"<div class='cell sidebar'><a href='/actu'>Actualité</a><h1>{TITLE}</h1>"
        "<div class='post-info'><span>Par Jeanne Martin</span> <span>12 mars 2024</span></div>"
        + after_byline
        + "</div><div class='cell article' id='article'>"
        + PARA * 6
        + "</div></div></body></html>"
    )


def test_list_of_stories_after_the_headline_in_its_column_goes():
    cards = "".join(
        f"<div class='row'><span>Politique locale</span> <a href='/a{i}'>Un autre article de la "
        f"rubrique politique, numéro {i}</a> <p>Publié le 3 mars 2024</p></div>"
        for i in range(12)
    )
    text = html_text(_columns(f"<div class='more'><span>Plus d'articles</span>{cards}</div>"), CFG)
    assert TITLE in text
    assert "Par Jeanne Martin" in text
    assert "numéro 3" not in text
    assert "Le conseil municipal a voté" in text


def test_long_standfirst_after_the_headline_in_its_column_stays():
    sentence = (
        "Le vote du budget a donné lieu à un long débat sur la dette et les impôts locaux, "
        "que la majorité promet de ne pas augmenter avant la fin du mandat. "
    )
    standfirst = f"<p class='chapo'>{sentence * 5}<a href='/dette'>Notre dossier</a></p>"
    text = html_text(_columns(standfirst), CFG)
    assert "que la majorité promet de ne pas augmenter" in text


# --- hover cards --------------------------------------------------------------------------


def _card(name: str) -> str:
    links = "".join(
        f"<a class='people-articles' href='/s{i}'>Un autre article sur {name}, publié la "
        f"semaine dernière, numéro {i}</a>"
        for i in range(3)
    )
    return (
        f"<span class='rollover-people'><a href='/people/x'>{name}</a>"
        f"<span class='rollover-people-block'><span><a href='/people/x'>{name}</a>{links}"
        "<a class='more' href='/people/x'>PLUS</a></span></span></span>"
    )


def test_paragraph_with_hover_cards_keeps_its_sentences():
    p = (
        f"<p><span>Un habitant a été condamné pour avoir menacé la maire {_card('Anne Dupuis')} "
        "(divers gauche), a annoncé lundi le parquet de la ville, qui a requis six mois.</span>"
        "</p>"
    )
    text = html_text(_page(p), CFG)
    assert "menacé la maire Anne Dupuis (divers gauche), a annoncé lundi" in text
    assert "numéro 1" not in text


def test_read_also_paragraph_of_links_still_goes():
    p = (
        "<p>À lire : <a href='/a'>Le budget de la région adopté sans débat</a> | "
        "<a href='/b'>La dette des communes en hausse</a> | "
        "<a href='/c'>Les impôts locaux, ce qui change</a></p>"
    )
    assert "La dette des communes en hausse" not in html_text(_page(p), CFG)


def test_reference_item_made_of_links_stays():
    refs = (
        "<ol class='references'><li><span class='backlink'><a href='#r1'>^</a></span> "
        "<span class='reference-text'><a href='https://example.org/rapport.pdf'>Rapport sur "
        "les finances locales de la région Auvergne-Rhône-Alpes</a> (PDF). "
        "<a href='https://example.org'>Cour des comptes</a>. <a href='https://isbn.org/9782'>"
        "ISBN 978-2</a>. <a href='https://archive.org/r'>Archivé le 2 mars 2024</a>.</span>"
        "</li></ol>"
    )
    page = _page(refs).replace(
        "<title>", "<link rel='canonical' href='https://www.journal.fr/budget'><title>"
    )
    assert "Rapport sur les finances locales" in html_text(page, CFG)


# --- text behind a paywall ------------------------------------------------------------------


def test_paywalled_paragraph_hidden_from_non_subscribers_stays():
    p = (
        "<p class='paywall' aria-hidden='true'>La suite du débat a porté sur la piscine "
        "municipale, dont la rénovation coûtera deux fois plus que prévu.</p>"
        "<div class='paywall' aria-hidden='true'>Abonnez-vous pour lire la suite</div>"
    )
    text = html_text(_page(p), CFG)
    assert "La suite du débat a porté sur la piscine" in text
    assert "Abonnez-vous" not in text


# --- French class phrases -------------------------------------------------------------------


def test_french_keyword_and_same_section_boxes_go():
    boxes = (
        "<div class='article-mots-cles'><span>Mots-clés :</span> budget, dette, conseil</div>"
        "<div class='bloc-meme-rubrique'><h3>Dans la même rubrique</h3><p>Le conseil "
        "départemental a lui aussi voté son budget, avec une hausse de la taxe foncière de "
        "deux points.</p></div>"
    )
    text = html_text(_page(boxes), CFG)
    assert "Mots-clés" not in text
    assert "taxe foncière" not in text
    assert "Le conseil municipal a voté" in text


def _gated_body(wrapper_class: str) -> str:
    teasers = "".join(
        f"<div class='teaser'><p>La région a présenté lundi son plan pour les lycées, numéro "
        f"{i}, avec des travaux dans quarante établissements d'ici à la fin de l'année.</p></div>"
        for i in range(4)
    )
    return (
        "<html lang='fr'><head><title>Budget</title></head><body>" + MENU + f"<h1>{TITLE}</h1>"
        f"<div class='{wrapper_class}'>" + PARA * 6 + "</div>"
        f"<div class='latest'>{teasers}</div></body></html>"
    )


def test_body_in_a_paywall_wrapper_named_content_is_the_article():
    text = html_text(_gated_body("paywallAccessWrapper contentBodySections"), CFG)
    assert "Le conseil municipal a voté" in text  # main chose the teasers and dropped it


def test_paywall_box_with_content_in_the_same_class_value_still_goes():
    box = "<div class='paywall paywall__content'><p>Abonnez-vous pour lire la suite.</p></div>"
    assert "Abonnez-vous" not in html_text(_page(box), CFG)


def test_call_to_action_box_goes_even_with_a_sentence():
    box = (
        "<div class='cta-box'><p>Notre journal vit de ses lecteurs : soutenez une rédaction "
        "indépendante et abonnez-vous dès aujourd'hui pour un euro le premier mois.</p></div>"
    )
    text = html_text(_page(box), CFG)
    assert "soutenez une rédaction" not in text
    assert "Le conseil municipal a voté" in text

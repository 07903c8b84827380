"""Block evidence of branch strip-tail7 (:mod:`cleannews.strip._zones`).

Four shapes the rules left on new sites' TRAIN pages of ``fixtures/strip_real`` (judged without
their own site's rule patterns): excerpts of other articles cut with "…" under the article
(``excerpt_run``), a comment form's short lines under its heading (``comment_form``), a caption
printed twice above its photo credit (``caption_copy``), cards of other articles between
recurring separators under a heading (``card_zone``). Each test that expects a removal fails
on the code before this branch; each look-alike keeps the article's lines: a listing's
excerpts, quotes trailing off inside the article, subheadings and list items under a comment
prompt, the headline printed twice, the article's sections between recurring ad labels.
The synthetic shapes follow real TRAIN pages (it-c-0011, fr-b-0130, fr-a-0164, fr-d-0038,
de-m-0023, en-m-0023, fr-a-0177, fr-d-0042), in new words; six of those pages are also checked as
stored (served path: the blocks go, no content line).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import cleannews
from _helpers import BUDGET_PARAGRAPHS
from cleannews.evaluate import read_fixture, recombined_pages
from cleannews.strip import strip_text

CFG = cleannews.CleanConfig()
ROOT = Path(__file__).parent.parent
#: The rules of this module's functions (the recombined checks count their removals).
ZONE_RULES = frozenset(
    {"excerpt_run", "comment_form", "caption_copy", "card_zone", "related_zone", "run_heading"}
)

PARAS = list(BUDGET_PARAGRAPHS[:3])
BODY = "Le conseil municipal adopte le budget\n\n" + "\n\n".join(PARAS) + "\n"

EXCERPTS = [
    "Un grave accident de la route s'est produit hier soir sur la rocade nord de…",
    "Les pompiers sont intervenus toute la nuit pour maîtriser un incendie dans un…",
    "Le club de football local a remporté son match de coupe face à son voisin et…",
    "La préfecture a diffusé une alerte pour des orages violents sur tout le département,…",
]


def removed(text: str) -> dict[str, str]:
    """Removed line (stripped) -> the rule that removed it."""
    return {c.before.strip(): c.rule for c in strip_text(text, CFG).changes}


# --- excerpt_run -------------------------------------------------------------------------


def test_excerpts_cut_with_an_ellipsis_after_the_article_go():
    out = removed(BODY + "\n".join(EXCERPTS) + "\n")
    for line in EXCERPTS:
        assert out.get(line) == "excerpt_run", (line, out)
    assert not set(PARAS) & out.keys()


def test_a_listing_of_cut_excerpts_stays():
    """A section page's teasers are its content: the run starts the page."""
    text = "Actualités de la ville\n\n" + "\n\n".join(EXCERPTS) + "\n"
    assert "excerpt_run" not in removed(text).values()


def test_quotes_trailing_off_inside_the_article_stay():
    quotes = [
        "« On ne savait plus quoi faire, on attendait que ça passe… »",
        "« Et puis la mairie a fini par nous répondre, enfin presque… »",
        "« Aujourd'hui on espère seulement que le budget tiendra ses promesses… »",
    ]
    text = BODY + "\n".join(quotes) + "\n\n" + PARAS[1] + " Le vote a eu lieu à minuit.\n"
    out = removed(text)
    assert not set(quotes) & out.keys(), out


def test_short_cut_lines_stay():
    cut = ["Et ensuite…", "Pas vraiment…", "On verra bien…"]
    out = removed(BODY + "\n".join(cut) + "\n")
    assert not set(cut) & out.keys(), out


# --- comment_form ------------------------------------------------------------------------

FORM = ["Ton avis", "YouTube Link", "0 / 600"]
#: What followed the form on fr-a-0164: the next widget's headline and excerpt.
NEXT_WIDGET = (
    "Le Conseil fédéral veut améliorer le système suisse de l'asile\n"
    "Le système de l'asile, restructuré il y a six ans, a fait ses preuves, mais il doit être "
    "accéléré, selon le Conseil fédéral.\n"
)


def zone_removed(text: str) -> dict[str, str]:
    """Removed line -> rule, for the rules of :mod:`cleannews.strip._zones` only."""
    return {t: r for t, r in removed(text).items() if r in ZONE_RULES}


def test_a_comment_forms_lines_under_its_heading_go():
    text = BODY + "\n0 Commentaires\n\n" + "\n".join(FORM) + "\n" + NEXT_WIDGET
    out = removed(text)
    assert out.get("0 Commentaires") == "comment_prompt"
    for line in FORM:
        # "YouTube Link" goes by its words first since round 40 (widgets56: widget_words)
        want = {"comment_form", "widget_words"} if line == "YouTube Link" else {"comment_form"}
        assert out.get(line) in want, (line, out)
    assert not set(PARAS) & out.keys()


def test_subheadings_and_lists_under_a_comment_prompt_stay():
    """The prompt spliced inside the article: its subheadings and list items stay."""
    sub = BODY + "\nLaisser un commentaire\n\nLe détail du vote\n\n" + PARAS[1] + "\n"
    assert "Le détail du vote" not in removed(sub)
    items = ["la D936 à Gardonne, dans les deux sens ;", "la D37 à Saint-Capraise ;"]
    lst = BODY + "\nLaisser un commentaire\n\n" + "\n".join(items) + "\n"
    assert not zone_removed(lst)
    lower = ["Ton avis", "never leave children or pets in parked cars."]
    low = BODY + "\nLaisser un commentaire\n\n" + "\n".join(lower) + "\n" + NEXT_WIDGET
    assert not zone_removed(low)
    short_head = BODY + "\n0 Commentaires\n\n" + "\n".join(FORM) + "\nLe vote\n" + PARAS[2]
    assert not zone_removed(short_head)  # a short line right above a paragraph: a subheading


# --- caption_copies ----------------------------------------------------------------------

CAPTION = "Les pompiers devant l'entrepôt détruit par les flammes, mardi matin."


def test_a_caption_printed_twice_above_its_credit_goes():
    text = (
        "Un entrepôt détruit par un incendie\n\n" + PARAS[0] + "\n" + CAPTION + "\n\n" + CAPTION
        + "\n\nPhoto : AFP\n" + PARAS[1] + "\n" + PARAS[2] + "\n"
    )
    out = removed(text)
    assert out.get(CAPTION) == "caption_copy", out
    assert "Photo : AFP" in out


def test_the_headline_printed_twice_above_a_credit_stays():
    head = "Un entrepôt détruit par un incendie dans la nuit"
    text = head + "\n\n" + head + "\n\nPhoto : AFP\n\n" + "\n\n".join(PARAS) + "\n"
    assert "caption_copy" not in removed(text).values()


def test_a_list_item_printed_twice_above_a_credit_stays():
    item = "– la D936 à Gardonne, dans les deux sens ;"
    text = BODY + item + "\n" + item + "\nPhoto : AFP\n" + PARAS[1] + "\n"
    assert "caption_copy" not in removed(text).values()


# --- card_zone ---------------------------------------------------------------------------

CARDS = [
    ("Bonne nouvelle à Herstal : les travaux ont débuté",
     "C'en est bientôt fini des barrières et des déviations sur le boulevard, annonce la commune."),
    ("La passerelle est en plein montage au-dessus du canal",
     "Cinq ouvriers cordistes travaillent depuis une semaine au bord de l'eau, côté Bassenge."),
    ("Quatorze maisons démolies à partir de mercredi",
     "La deuxième phase du chantier a débuté dans l'avenue des Thermes, après les inondations."),
]


def cards(sep: str) -> str:
    return "\n".join(f"{h}\n{h}\n{e}\n{sep}" for h, e in CARDS) + "\n"


def test_cards_between_recurring_separators_under_a_heading_go():
    text = BODY + "\nRecommandations\n\n" + cards("Lire plus")
    out = removed(text)
    assert out.get("Recommandations") == "card_zone", out
    for h, e in CARDS:
        assert out.get(h) == "card_zone" and out.get(e) == "card_zone", (h, out)
    assert not set(PARAS) & out.keys()


def test_a_listing_of_cards_from_the_top_stays():
    text = "À la une\n\n" + cards("Lire plus") + cards("Lire plus")
    assert "card_zone" not in removed(text).values()


def test_sections_between_recurring_ad_labels_stay():
    """The article's own sections, each under a subheading, between ad labels."""
    sections = [
        ("Les écoles", "Le budget des écoles de la ville augmente de dix pour cent, a dit le maire "
         "au conseil municipal, pour rénover les cantines."),
        ("La voirie", "La voirie de la ville recevra deux millions d'euros du budget, a ajouté le "
         "maire devant le conseil municipal."),
        ("La dette", "La dette de la ville baissera grâce au budget, selon le maire, qui a promis "
         "au conseil municipal de ne pas augmenter les impôts."),
    ]
    text = BODY + "\nLe détail\n\n" + "".join(f"{h}\n{p}\nPublicité\n" for h, p in sections)
    out = removed(text)
    for h, p in sections:
        assert h not in out and p not in out, out


# --- recombined pages: the article's lists next to this module's anchors -----------------

ANCHORS = [
    ["0 Commentaires"],
    ["Laisser un commentaire"],
    ["Sur le même sujet"],
    ["Photo : AFP"],
    ["Publicité"],
    ["Lire plus"],
]


def _articles() -> list[list[str]]:
    out = []
    for p in sorted((ROOT / "fixtures" / "strip").glob("*.txt")):
        _, labelled, _ = read_fixture(p)
        lines = [lb.text for lb in labelled if lb.content and not lb.glued and lb.text.strip()]
        if len(lines) >= 3:
            out.append(lines)
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_anchors_spliced_next_to_the_articles_lists_take_no_article_line(seed):
    """Every 0.1.0 fixture article with this module's anchors (a comment prompt, a related
    heading, a credit, recurring separators) spliced at random places, three times each: no
    article line (subheadings, list items, names, interview turns) goes by its rules."""
    rng = random.Random(seed)
    lost = []
    for lines in _articles():
        page = list(lines)
        for _ in range(3):
            at = rng.randrange(1, len(page) + 1)
            page[at:at] = rng.choice(ANCHORS)
        out = removed("\n\n".join(page) + "\n")
        lost += [(t, out[t.strip()]) for t in lines if out.get(t.strip()) in ZONE_RULES]
    assert not lost, lost[:8]


@pytest.mark.parametrize("seed", [20261201, 7, 11])
def test_recombined_pages_lose_no_article_line_to_the_zones(seed, round8_train_batches):
    """The strip model trainers' recombined pages (the TRAIN furniture of the batches this test
    was written on, so that added pages keep the draw): the zones take no content line of them.
    With the furniture of round 9's batches too, seed 20261201 draws a page on which
    ``related_zone`` takes a review's last paragraph (a known limit, left to the rule owners)."""
    lost = []
    for doc, labelled in recombined_pages(
        ROOT / "fixtures", 120, seed, batches=round8_train_batches
    ):
        out = removed(doc)
        lost += [
            (lb.text, out[lb.text.strip()])
            for lb in labelled
            if lb.content and out.get(lb.text.strip()) in ZONE_RULES
        ]
    assert not lost, lost[:8]


# --- real TRAIN pages (served path) --------------------------------------------------------

#: TRAIN pages of ``fixtures/strip_real`` where the served strip stage takes lines by these rules
#: (page id -> rule -> number of furniture lines it takes there); none of them is content.
REAL = {
    "it-c-0011": {"excerpt_run": 6},
    "fr-b-0130": {"excerpt_run": 6},
    "fr-a-0177": {"card_zone": 13},  # strip-rel8: + the last card, cut by the page's end
    # strip13: + the last card, cut by the page's end (context took it before; it now leaves
    # the page's last lines after a separator printed between items, and card_zone takes it);
    # round 27 (fresh29): + "Les feux d’artifice ont émerveillé", which the tail-teaser pass
    # took before it looked past the "Animations" label printed between the cards
    "fr-d-0042": {"card_zone": 8},
    "de-m-0023": {"caption_copy": 2},
    "en-m-0023": {"caption_copy": 2},
}


@pytest.mark.parametrize("page_id", sorted(REAL))
def test_real_train_pages_lose_their_furniture_blocks_and_no_content(furniture_taken, page_id):
    taken = furniture_taken(page_id, ZONE_RULES)
    for rule, n in REAL[page_id].items():
        assert taken.get(rule, 0) == n, (rule, taken)

"""Strip stage, twenty-fifth round (issue 10, point 4, branch keep27): article lines lost
because a **neighbour** was furniture, by rules that would do the same on an unseen site.

* **A caption under a text widget** (``detectors._photo_side``,
  ``CAPTION_NOT_UNDER_CATEGORIES``): ``photo_caption`` took the line right above a photo credit
  when the line above it was blank *or removed*; with another site's reading time, ad label
  or paywall prompt above it, the article's own sentence, subheading or date went as the
  photo's caption. Now the line above must be blank, kept, or the picture's own furniture
  (a credit, a caption, an image path).
* **A title under an image path** (``detectors._path_caption``, ``_CAPTION_MARK``): the
  line right under an image file name went as its caption whatever it said; a title with no
  sentence end or credit mark and a standing line right under it is the article's headline
  or subheading.
* **An interviewer's question under a "Read more" heading** (``_keep.give_back_question``,
  ``QUESTION_MIN_WORDS``): a question the heading took as a teaser, with a kept paragraph
  (its answer) right under it, is given back.

The look-alikes that still go: a gallery's captions between credits and blank lines
(de-m-0006, fr-b-0147), the 0.1.0 fixtures' captions under image paths (a sentence's end or
a © mark), a lone line under an image path, a teaser question under "Read more" with other
teasers under it.

Inputs: labelled TRAIN pages of ``fixtures/strip_real`` (the ``train_page`` fixture checks
the split; no held-out page is read), each with the furniture lines of other TRAIN pages
that the stress set (seeds 20261208, 7, 11) or the round's question probe put around the
line. Development data: the changes were written looking at these lines.

On main's code (c32ebe31) the module does not import (``give_back_question``,
``_photo_side``, ``_path_caption`` and the constant are new); with the imports made
optional, 13 of its 27 tests fail there: 6 of the 12 page tests (the three caption lines
with ``\n`` between lines — printed double-spaced, no caption is taken on main either —
and the question with both separators), the 3 image-path headlines, 2 of the 3 fixture
captions whose paragraph the path took on main, and the 3 shape tests of the new
functions; the look-alikes and the 1 MB lines pass on both.
"""

from __future__ import annotations

import pytest

from _helpers import (
    article_put_in,
    assert_every_copy,
    assert_lines_kept,
    assert_lines_removed,
    assert_megabyte_lines_finish,
    furniture_put_in,
    removed_by,
)
from cleannews import CleanConfig
from cleannews.strip._keep import QUESTION_MIN_WORDS, give_back_question
from cleannews.strip.detectors import (
    CAPTION_NOT_UNDER_CATEGORIES,
    _Line,
    _path_caption,
    _photo_side,
)

CFG = CleanConfig(score_spin=False)

# --- the lost lines, on their TRAIN pages, with the furniture put around them ---------------

LOST = [
    # photo_caption: another site's ad label above, a credit below (seed 11)
    ("de-c-0009", "Grenzkontrollen wegen Flüchtlingen?", [("Anzeige", "de-e-0016")],
     [("Foto: Sebastian Perrone", "de-m-0013")]),
    # photo_caption: a paywall prompt above (seed 7)
    ("de-c-0013", "Lokalnachrichten aus Bayern", [("86% des Artikels", "de-m-0026")],
     [("Symbolfoto / Archiv", "de-e-0019")]),
    # photo_caption: a reading time above the article's sentence (seed 7)
    ("fr-a-0186", "Deux hommes sont renvoyés", [("Temps de lecture : 9 min", "fr-a-0152")],
     [("Crédits photo/illustration", "fr-b-0151")]),
    # give_back_question: an interviewer's question under another site's "Read More"
    ("en-d-0009", "Why did you choose to do", [("Read More", "en-d-0010")], []),
]


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
@pytest.mark.parametrize(("page_id", "at", "above", "below"), LOST,
                         ids=[f"{x[0]}-{x[1][:12]}" for x in LOST])
def test_article_line_next_to_other_sites_furniture_stays(train_page, page_id, at, above,
                                                          below, sep):
    """The article's line stays next to other sites' furniture, and the furniture goes.
    Before: ``photo_caption``, ``image_path`` or a "Read more" heading took it."""
    got, furniture, line = furniture_put_in(train_page, page_id, at, above, below, sep)
    assert_every_copy(got, kept=[line], removed=furniture)


#: image_path: the headline under another page's image file name, as the stress set prints
#: an article (its content lines, no blank line between; seeds 20261208, 7, 11).
PATH_TITLES = [
    ("fr-b-0048", "5 podcasts à (re)découvrir pour s’évader en octobre"),
    ("en-d-0010", "Watch: Polite Arrest"),
    ("fr-d-0041", "Les informés de franceinfo du samedi 23 novembre 2025"),
]


@pytest.mark.parametrize(("page_id", "title"), PATH_TITLES, ids=[x[0] for x in PATH_TITLES])
def test_headline_under_another_pages_image_path_stays(train_page, page_id, title):
    got = article_put_in(train_page, page_id, {"": [("titrologue-a-yaounde.jpg", "fr-d-0028")]},
                         config=CFG)
    assert all(got[title]) and not any(got["titrologue-a-yaounde.jpg"]), got[title]


# --- the look-alikes that still go ------------------------------------------------------------

@pytest.mark.parametrize(("page_id", "line"), [
    # a gallery's captions: the copy above the credit goes, the article's copy under it stays
    ("de-m-0006", "Borussia Dortmund - TSG Hoffenheim 2:1 (1:0)"),
    # a caption between two credits
    ("fr-b-0147", "Les vacances, c’est aussi l’occasion de bouger."),
    # a caption under its credit-less image, over a credit
    ("fr-a-0164", "Police suisse Berne"),
])
def test_train_captions_still_go(page_out, page_id, line):
    got = page_out(page_id)
    assert_lines_removed(got, [line], page_id)
    if any(content for content, _ in got[line]):
        assert_lines_kept(got, [line], page_id)


PARA = ("Le conseil municipal a voté mardi soir le budget de la commune, après trois heures "
        "de débat sur les travaux de la salle des fêtes.")


@pytest.mark.parametrize(("caption", "rule"), [
    ("Vue satellite des températures de surface dans l’Atlantique Nord. © NOAA",
     "copyright_credit"),
    ("Les élus autour du maire, Gilles Rouxel, jeudi soir en mairie. | Ouest Régions",
     "image_path"),
    ("Les cookies, à la sortie du four.[/caption]", "caption_shortcode"),
])
def test_caption_under_an_image_path_goes_the_paragraph_under_it_stays(caption, rule):
    """The 0.1.0 fixtures' captions (029, 020, 042) still go; the article's paragraph right
    under them stays. Before (main too): when a phrase rule had taken the caption, the path
    passed over it and took the paragraph under it as its caption."""
    text = f"Titre de l'article\n\n/images/2025/04/photo-1280x720.jpg\n{caption}\n{PARA}\n"
    got = removed_by(text, CFG)
    assert got.get(caption) == rule and PARA not in got, got


def test_lone_title_under_an_image_path_still_goes():
    """A line alone under an image path (a blank line under it) is its caption."""
    text = f"Titre de l'article\n\n{PARA}\n\nphoto-du-jour.jpg\nLe port de Brest\n\n{PARA}\n"
    assert removed_by(text, CFG).get("Le port de Brest") == "image_path"


def test_caption_under_a_credit_still_goes():
    """A gallery: credit, caption, credit — the caption goes (the picture's own furniture
    above it)."""
    text = (f"Titre de l'article\n\n{PARA}\n\n©Wikimedia Commons\nLe port de Brest au "
            f"petit matin\n©Wikimedia Commons\n\n{PARA}\n")
    assert removed_by(text, CFG).get("Le port de Brest au petit matin") == "photo_caption"


def test_teaser_question_under_read_more_still_goes():
    """A "Read more" heading's question with another teaser under it: a teaser list."""
    text = (f"Titre de l'article\n\n{PARA}\n\nRead More\nIs this the end of the high street?\n"
            "Bank of England holds rates\n\nAbout us\n")
    got = removed_by(text, CFG)
    assert got.get("Is this the end of the high street?", "").startswith("related_lead"), got


# --- the shapes, line by line ----------------------------------------------------------------

def _lines(*texts):
    return [_Line(t, frozenset()) for t in texts]


def test_photo_side():
    ad, share, blank = _lines("Anzeige", "Share on Facebook", "")

    class Rule:
        def __init__(self, category):
            self.category = category

    ad.bad("ad_label_de", "an advertisement's label")
    share.bad("share_line_en", "a share button")
    assert not _photo_side(ad, Rule("ad"))
    assert _photo_side(share, Rule("share")) and _photo_side(blank, None)
    assert {"ad", "login", "paywall", "reading_time"} == CAPTION_NOT_UNDER_CATEGORIES


@pytest.mark.parametrize("page", [
    "012_en_wire_football_reuters", "019_en_contentfarm_science_exoplanet",
    "028_en_uk_regional_pothole",
])
def test_fixture_caption_under_a_share_bar_still_goes(page):
    """The 0.1.0 fixtures' captions under a share bar ("Share on Facebook" / "Pin it" / the
    caption / "Image credit: NASA …"): a share bar stands above a photo."""
    from pathlib import Path

    from cleannews.evaluate import read_fixture

    root = Path(__file__).resolve().parents[1] / "fixtures" / "strip"
    text, labelled, _ = read_fixture(root / f"{page}.txt")
    caption = next(lb.text.strip() for lb in labelled if lb.label == "caption")
    assert removed_by(text, CFG).get(caption) == "photo_caption"


def test_path_caption():
    ls = _lines("x.jpg", "Watch: Polite Arrest", "A police officer in Cincinnati …")
    assert not _path_caption(ls, 1)
    assert _path_caption(ls[:2], 1)  # the page's end under it
    assert _path_caption(_lines("x.jpg", "Le maire. © AFP", "Suite."), 1)


def test_give_back_question_needs_a_paragraph_under_it():
    par = "They asked for it. I was happy to do it, and I love the acoustic version too."
    for under, given in ((par, [1]), ("Bank of England holds rates", [])):
        ls = _lines("Read More", "Why did you choose to do that song?", under)
        ls[0].bad("related_lead_en", "heading of a list of other articles")
        ls[1].bad("related_lead_en", "heading of a list of other articles "
                  "(item under that heading)")
        assert give_back_question(ls) == given
    ls = _lines("Read More", "Pourquoi ?", par)
    ls[0].bad("related_lead", "heading of a list of other articles")
    ls[1].bad("related_lead", "heading of a list of other articles (item under that heading)")
    assert ls[1].n < QUESTION_MIN_WORDS and give_back_question(ls) == []


def test_megabyte_lines_finish():
    assert_megabyte_lines_finish(
        ["photo.jpg\nLe maire ", "Read More\nWhy? ", "Anzeige\nDer Satz ", "a?"], CFG
    )

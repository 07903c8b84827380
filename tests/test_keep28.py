"""Strip stage, twenty-sixth round (issue 10, point 4, branch keep28): article lines lost on
development data, classified by the rule that took them; the general causes get a guard that
gives the line back on evidence found in the page (``cleannews.strip._keep``).

* **A lone closing hashtag** (``give_back_hashtag``, ``HASHTAG_RULES``): ``link_dense``
  ("line made mostly of links, handles or hashtags") took a post's or a tweet's closing tag
  ("#LavapiesNoCallará", "#pourvotresecurite") under the article's paragraph.
* **A line announcing the paragraph under it** (``give_back_intro``, ``INTRO_RULES``): another
  site's menu run above took "Au sommaire:" as its last item.
* **A time of day above the article's paragraph** (``give_back_clock``, ``CLOCK_RULES``):
  the video-duration rule took the article's time ("- 20:40" under the byline, "21:25").

The look-alikes that still go: a hashtag row, a menu's labels ending with a colon, a
duration above a short line. Left alone (a first version gave them back, and with them a
teaser): the page's cut last line under another site's "Read more" heading — the 0.1.0
fixtures 030 and 033 end their teaser lists with headlines of the same shape, which go.

Inputs: labelled TRAIN pages of ``fixtures/strip_real`` (``train_page`` checks the split: no
held-out page is read) as served, and as the stress set prints them (content lines only,
other TRAIN pages' furniture put in, :func:`_helpers.article_put_in`). Development data: the
guards were written looking at these lines.

On main's code (9cf82e44) the module does not import (the guards and constants are new);
with the imports made optional, 14 of its 17 tests fail there: the 7 page tests (the 3 TRAIN
pages as served, the 4 stress-built pages: the lost line is removed on main) and the 7
tests that call the new guards or read the new constants (the look-alikes' shape test among
them, for want of the functions); fixture 033's last teaser, the hashtag row and the 1 MB
lines pass on both.
"""

from __future__ import annotations

import pytest

from _helpers import (
    article_put_in,
    assert_lines_kept,
    assert_lines_removed,
    assert_megabyte_lines_finish,
    removed_by,
    taken_lines,
)
from cleannews import CleanConfig
from cleannews.strip._keep import (
    BODY_MIN_WORDS,
    CLOCK_RULES,
    GUARDED_RULES,
    GUARDS,
    HASHTAG_RULES,
    INTRO_LINE_MIN_WORDS,
    INTRO_RULES,
    give_back_clock,
    give_back_hashtag,
    give_back_intro,
)

CFG = CleanConfig(score_spin=False)

PARA = ("Le conseil municipal a voté mardi soir le budget de la commune, après trois heures "
        "de débat sur les travaux de la salle des fêtes.")


# --- the TRAIN pages as served: the lost line stays, its furniture neighbours go -----------

@pytest.mark.parametrize(("page_id", "kept", "removed"), [
    # link_dense: the article's closing hashtag under its last paragraph
    ("es-m-0011", ["#LavapiesNoCallará"], ["FEATURED"]),
    # link_dense: the police tweet's hashtag, quoted in the article
    ("fr-e-0046", ["#pourvotresecurite"], []),
    # video_widget: the article's time under the byline, a gallery link between it and the text
    ("de-m-0020", ["- 20:40"], ["zur Bildergalerie"]),
])
def test_train_line_lost_on_main_stays(page_out, page_id, kept, removed):
    got = page_out(page_id)
    assert_lines_kept(got, kept, page_id)
    assert_lines_removed(got, removed, page_id)


# --- the stress set's pages (content lines only, other sites' furniture put in) -------------

def test_intro_under_another_sites_menu_run_stays(train_page):
    """Seed 20261208: fr-g-0020's paywall notice and menu run above fr-e-0035's "Au
    sommaire:" took it as the run's last item."""
    got = article_put_in(train_page, "fr-e-0035", {"": [
        ("Article réservé aux abonnés", "fr-g-0020"), ("Gazette des Communes", "fr-g-0020"),
        ("Thèmes abordés", "fr-g-0020"),
    ]})
    assert all(got["Au sommaire:"]), got["Au sommaire:"]
    assert not any(got["Thèmes abordés"])


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_time_under_other_sites_furniture_stays(train_page, sep):
    """Seeds 20261208, 7, 11: another site's label put between de-m-0020's byline and its
    time ("Von Sibylle Anderl …" / "Kategorie: Bremen" / "- 20:40")."""
    got = article_put_in(train_page, "de-m-0020", {"Von Sibylle Anderl": [
        ("Kategorie: Bremen", "de-c-0005")]}, sep)
    assert all(got["- 20:40"]), got["- 20:40"]


def test_hashtag_on_the_article_printed_alone_stays(train_page):
    """Seeds 20261208 and 11: es-m-0011's content lines printed without its furniture."""
    got = article_put_in(train_page, "es-m-0011", {})
    assert all(got["#LavapiesNoCallará"]), got["#LavapiesNoCallará"]


# --- the look-alikes that still go ------------------------------------------------------------

def test_fixture_teaser_ending_the_page_still_goes():
    """The 0.1.0 fixture 033 ends with teasers under "Vous aimerez aussi"; its last one ("…
    bat son record de fréquentation") has the shape of an article's line cut by the page's
    end, and so has fixture 030's "… signent pro" (``test_strip_keep8`` puts it at a page's
    end): no guard gives a heading's item back there (a first version of this round's did)."""
    from pathlib import Path

    from cleannews.evaluate import read_fixture

    root = Path(__file__).resolve().parents[1] / "fixtures" / "strip"
    text, labelled, _ = read_fixture(root / "033_fr_agriculture_glued.txt")
    last = labelled[-1]
    assert last.label == "related"
    assert removed_by(text, CFG).get(last.text.strip(), "").startswith("related_lead")


def test_hashtag_row_still_goes():
    """A row of several hashtags under a paragraph is a tag list."""
    text = f"Titre de l'article\n\n{PARA}\n\n#Meuse #gendarmerie #police\n\n{PARA}\n"
    assert removed_by(text, CFG).get("#Meuse #gendarmerie #police") == "link_dense"


def test_guards_leave_the_look_alikes():
    """Line by line: each guard's shape without its evidence."""
    short = "Mehr zum Thema"
    # a lone hashtag under a short line, not under a paragraph
    assert give_back_hashtag(taken_lines([short, "#Sponsored"], {1: "link_dense"})) == []
    # a menu's labels ending with a colon, one over the other
    lines = taken_lines(["Année :", "Mois :", "Jour :", PARA], {0: "menu_run", 1: "menu_run",
                                                                2: "menu_run"})
    assert give_back_intro(lines) == []  # one word each, and "Jour :" is right above PARA
    lines = taken_lines(["Regionalligen der Verbände:", "Verbände:", PARA],
                        {0: "menu_run", 1: "menu_run"})
    assert give_back_intro(lines) == []  # the two-word label has another label under it
    # a player's duration above its title, not above the article's prose
    assert give_back_clock(taken_lines(["02:15", "Vidéo du jour", PARA],
                                       {0: "video_widget"})) == []


# --- the guards' shapes, line by line ----------------------------------------------------------

def test_hashtag_under_a_paragraph_ending_with_an_emoji():
    lines = taken_lines([PARA.rstrip(".") + " ?✊", "#LavapiesNoCallará"], {1: "link_dense"})
    assert give_back_hashtag(lines) == [1] and lines[1].removal is None


def test_intro_above_a_paragraph():
    lines = taken_lines(["Thèmes abordés", "Au sommaire:", ". " + PARA],
                        {0: "menu_run", 1: "menu_run"})
    assert give_back_intro(lines) == [1]


@pytest.mark.parametrize("time", ["06:30", "- 20:40", "21:25"])
def test_time_above_a_paragraph(time):
    lines = taken_lines(["01 ottobre 2021", time, "", "Galerie", PARA], {1: "video_widget"})
    lines[3].bad("nav_line_de", "a navigation link")  # a widget named by its words between
    assert give_back_clock(lines) == [1]


def test_constants_and_registration():
    assert HASHTAG_RULES == {"link_dense"} and CLOCK_RULES == {"video_widget"}
    assert INTRO_RULES == {"context", "menu_run"} and INTRO_LINE_MIN_WORDS == 2
    assert BODY_MIN_WORDS == 12
    assert HASHTAG_RULES | CLOCK_RULES <= GUARDED_RULES
    assert {give_back_hashtag, give_back_intro, give_back_clock} <= set(GUARDS)


def test_megabyte_lines_finish():
    assert_megabyte_lines_finish(["#abc", "Au sommaire ", "12:3"], CFG)
    assert_megabyte_lines_finish(["#abc"], CFG, before=f"Titre\n\n{PARA}\n\n")

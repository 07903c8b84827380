"""Strip stage, twenty-eighth round (issue 10, branch keep30): article lines lost where the
stress set puts other sites' furniture around a TRAIN article, grouped by the rule that took
them, and the families several sites share fixed where the rule or guard reads the page:

* **A date with its time, a date over a headline and a kicker** (``_dateline``,
  ``DATELINE_CLOCK_CHARS``, ``_article_below``, ``DATELINE_HEAD_MAX_LINES``,
  ``DATELINE_RULES``): "Martes, 23 de septiembre 2025, 00:41", "2020-04-14 6:10:55" (a time
  after the date made the line too long for a date), "Tuesday, 10 December 2019" over a
  headline and a kicker, "06 Sep2019" over a headline ending with "!", "Le 29/11/2020" taken
  as a caption above another site's photo credit.
* **A paragraph the page's end cut, under another site's "Read more" heading or a related
  zone** (``give_back_cut_end``, ``CUT_END_LONG_MIN_WORDS``): "Concernant les péages, la
  France est le seul pays européen … les poids lou".
* **A listing's bylines with another site's widget between the item's lines**
  (``detectors._listing_bylines``): "Amanda Smith" / "Félix Forget" under a "Read More", a
  photo credit, a slug.
* **A heading's last item over the article past a photo credit** (``detectors._past_widgets``,
  ``HEADLINE_MAX_WIDGETS``): "Hospital wait list times blow out by years".
* **A title the tail's teaser rule took with the article under it** (``give_back_tail_title``):
  "Bompas : l’ESAT prend feu" / another site's podcast prompt / "Un feu s'est déclaré dans
  l'ESAT de Bompas c".

The look-alikes that still go: the other sites' furniture on the same pages, a teaser's date
over a teaser, a line that starts with a date and a time and goes on, a teaser's title cut by
the page's end, a commenter's name repeated under "Reply" links.

Inputs: the stress set's own pages (``tools.strip_model.stress.stress_pages``: TRAIN content
lines of ``fixtures/strip_real`` and the labelled seeds, other TRAIN pages' furniture put in;
no held-out page is read) and lines of those pages. Development data: the fixes were written
looking at these lines.

On main's code (c950c461) 27 of the 36 tests fail: the 16 stress-page tests (the lost line is
removed there) and 11 that read a new constant or helper or ask the changed functions for the
new shapes (one of them a look-alike that calls the new guard); the other look-alikes, "06
Sep2019" read as a date already, and the 1 MB lines pass on both.
"""

from __future__ import annotations

import pytest

from _helpers import assert_megabyte_lines_finish, taken_lines
from cleannews import CleanConfig
from cleannews.strip import _keep, detectors
from cleannews.strip._keep import _dateline, give_back_cut_end, give_back_dateline

CFG = CleanConfig(score_spin=False)

PARA = ("Le conseil municipal a voté mardi soir le budget de la commune, après trois heures "
        "de débat sur les travaux de la salle des fêtes.")
HEAD = "Le budget de la commune voté après trois heures de débat"


@pytest.fixture(scope="module")
def stress(round27_stress_sources):
    """``page(seed, name)``: ``{line: [(content?, kept?), …]}`` of the stress set's page
    ``name`` drawn with ``seed`` (as ``tools.strip_model.stress`` judges it)."""
    from tools.strip_model import stress as st

    sources = round27_stress_sources  # the draw the lost lines were named from
    drawn: dict[int, dict] = {}

    def page(seed: int, name: str, text: str) -> dict[str, list[tuple[bool, bool]]]:
        if seed not in drawn:
            drawn[seed] = {}
            for nm, doc, lines in st.stress_pages(seed, sources=sources):
                drawn[seed].setdefault(nm, []).append((doc, lines))
        for doc, lines in drawn[seed][name]:
            if any(ln.text == text for ln in lines):
                out: dict[str, list[tuple[bool, bool]]] = {}
                for ln, rule in st.judge(doc, lines):
                    out.setdefault(ln.text, []).append((ln.content, rule is None))
                return out
        raise AssertionError((seed, name, text))

    return page


def _stays(got, text):
    assert got[text] and all(c and kept for c, kept in got[text]), (text, got.get(text))


def _goes(got, text):
    assert got[text] and not any(c or kept for c, kept in got[text]), (text, got.get(text))


# --- the stress set's pages ---------------------------------------------------------------------

def test_date_with_its_time_under_a_read_more_heading_stays(stress):
    """Seed 20261208: es-m-0019's date and time under es-c-0001's "Lo + Visto" (the Spanish
    "Read more" heading's rule took it as a teaser)."""
    got = stress(20261208, "es-m-0019", "Martes, 23 de septiembre 2025, 00:41")
    _stays(got, "Martes, 23 de septiembre 2025, 00:41")
    _goes(got, "Lo + Visto")


def test_iso_date_with_seconds_stays(stress):
    got = stress(11, "es-m-0028+es-m-0028:subheading", "2020-04-14 6:10:55")
    _stays(got, "2020-04-14 6:10:55")
    _goes(got, "Otras noticias de Liga de")


def test_date_over_a_headline_and_a_kicker_stays(stress):
    """Seed 20261208: en-m-0011's date under en-d-0007's "Read More", its headline and its
    kicker ("Heat hardening plastic") between the date and its paragraph."""
    got = stress(20261208, "en-m-0011+en-m-0011:subheading", "Tuesday, 10 December 2019")
    _stays(got, "Tuesday, 10 December 2019")
    _goes(got, "Read More")
    _goes(got, "Email signup")


@pytest.mark.parametrize(("seed", "name", "date"), [
    (20261208, "fr-h-0025", "06 Sep2019"),  # over "Réfection des chaussées : vigilance !"
    (11, "it-m-0001+it-m-0001:dateline", "17 mar 2020"),  # over "Il campionato prosegue su FIFA."
    (7, "es-m-0011", "abril 3, 2022"),
    (11, "fr-b-0125+fr-e-0015:dateline", "Le 29/11/2020"),  # above another site's photo credit
])
def test_date_over_its_article_stays(stress, seed, name, date):
    _stays(stress(seed, name, date), date)


@pytest.mark.parametrize(("seed", "name", "start", "heading"), [
    (20261208, "fr-g-0044+fr-b-0001:speaker", "Concernant les péages", "Read More"),
    (11, "fr-h-0047+fr-h-0047:table", "Sud Education 35", "Read More"),
    (7, "fr-g-0034", "Enfin, la canne contient", "Sur le même sujet"),
])
def test_paragraph_cut_by_the_page_end_under_a_heading_stays(stress, seed, name, start, heading):
    """The page's last line, a paragraph the store cut in the middle of a word, under another
    site's "Read more" heading: the heading still goes."""
    got = stress(seed, name, heading)
    text = next(t for t in got if t.startswith(start))
    _stays(got, text)
    _goes(got, heading)


def test_listing_bylines_past_other_sites_widgets_stay(stress):
    """Seed 20261208: en-r27-0001's tag page, each item's byline under another site's "Read
    More", "Trending Topics", "Full Article", a photo credit, a slug."""
    got = stress(20261208, "en-r27-0001", "Amanda Smith")
    _stays(got, "Amanda Smith")
    assert len(got["Amanda Smith"]) == 8
    for widget in ("Read More", "Trending Topics", "Full Article",
                   "le-temps-des-cerises-septembre"):
        _goes(got, widget)


def test_listing_bylines_of_a_french_listing_stay(stress):
    got = stress(20261208, "fr-f-0020", "Félix Forget")
    _stays(got, "Félix Forget")
    _goes(got, "Flash info")


def test_headline_past_a_photo_credit_stays(stress):
    """Seed 7: en-m-0015's "Read More" box above en-m-0031's headline, fr-b-0151's photo
    credit between the headline and its paragraph."""
    got = stress(7, "en-m-0031+en-m-0031:short_para", "Hospital wait list times blow out by years")
    _stays(got, "Hospital wait list times blow out by years")
    _goes(got, "Crédits photo/illustration en haut de page :")
    _goes(got, "Reuters News Service")


@pytest.mark.parametrize(("seed", "name", "title"), [
    (11, "fr-e-0040+fr-e-0040:label_value", "Bompas : l’ESAT prend feu"),
    (11, "fr-d-0010+fr-d-0010:label_value",
     "Recyclage du plastique: la grande arnaque de TotalEnergies"),
    (7, "it-e-0015+it-m-0027:subheading", "Traffico rallentato e disagi nella zona"),
])
def test_title_with_the_article_under_it_stays(stress, seed, name, title):
    """A title the tail's teaser rule took, another site's widget under it, then the article's
    paragraph or the page's cut last line."""
    _stays(stress(seed, name, title), title)


# --- the guards' shapes, line by line ---------------------------------------------------------

@pytest.mark.parametrize("date", [
    "Dienstag, 20. November 2018, 23:00 Uhr", "Martes, 23 de septiembre 2025, 00:41",
    "2020-04-14 6:10:55", "Publié le 12 janvier 2026 à 17:56", "06 Sep2019",
])
def test_date_with_its_time_is_a_dateline(date):
    assert _dateline(taken_lines([date], {})[0])


@pytest.mark.parametrize("line", [
    "Le 9 mars 2025 à 17:56, les lycéens manifestent contre la loi",
    "Mise à jour 7:58 AM UTC, May 18, 2024",
    "Edición testing    28 de abril de 2024",
    "Kundenservice: 06 21/3 92-22 00",
])
def test_line_that_goes_on_or_holds_no_date_is_no_dateline(line):
    assert not _dateline(taken_lines([line], {})[0])


def test_date_over_headline_and_kicker_given_back():
    lines = taken_lines(["Read More", "Tuesday, 10 December 2019", HEAD, "Débat au conseil", PARA],
                        {0: "related_lead_en", 1: "related_lead_en"})
    assert give_back_dateline(lines) == [1]
    assert _keep.DATELINE_HEAD_MAX_LINES == 2


def test_date_over_three_short_lines_still_goes():
    """A date over a box of short lines (three titles) is no article's date."""
    lines = taken_lines(["Read More", "15 Jan", HEAD, "Débat au conseil", "Les travaux votés",
                         PARA], {0: "related_lead_en", 1: "related_lead_en"})
    assert give_back_dateline(lines) == []


def test_date_taken_as_a_caption_given_back():
    lines = taken_lines(["Le 29/11/2020", "© dpa-infocom", PARA],
                        {0: "photo_caption", 1: "photo_credit"})
    assert give_back_dateline(lines) == [0]
    assert "photo_caption" in _keep.DATELINE_RULES


def test_long_cut_paragraph_under_read_more_given_back():
    cut = ("Concernant les péages, la France est le seul pays européen à disposer de 9 200 km "
           "de réseau autoroutier concédé payant : les poids lou")
    lines = taken_lines([PARA, "Read More", cut], {1: "related_lead_en", 2: "related_lead_en"})
    assert give_back_cut_end(lines) == [2]
    assert _keep.CUT_END_LONG_MIN_WORDS == 18


def test_teaser_title_cut_by_the_page_end_still_goes():
    """A teaser's title under a "Read more" heading, cut by the page's end: fewer words than
    a paragraph (TRAIN: the last lines those rules take have 16 words at most)."""
    cut = "Guerre en Ukraine : production de drones dépl"
    lines = taken_lines([PARA, "Read More", cut], {1: "related_lead_en", 2: "related_lead_en"})
    assert give_back_cut_end(lines) == []


def test_tail_title_over_the_cut_article_given_back():
    lines = taken_lines([PARA, "Bompas : l’ESAT prend feu", "Publicité",
                         "Un feu s'est déclaré dans l'ESAT de Bompas c"],
                        {1: "tail_teaser", 2: "ad_label"})
    assert _keep.give_back_tail_title(lines) == [1]


def test_tail_teasers_after_the_article_still_go():
    """Teasers' titles after the article's last paragraph, with nothing of the article under
    them (other titles, a widget, a short cut line), still go."""
    lines = taken_lines([PARA, "Guerre en Ukraine : production de drones", "Publicité",
                         "Nancy : présentation du futur CHRU", "Face à"],
                        {1: "tail_teaser", 2: "ad_label", 3: "tail_teaser"})
    assert _keep.give_back_tail_title(lines) == []


def test_past_widgets_passes_phrase_rules_only():
    lines = taken_lines(["Crédit photo : AFP", "", "Le texte.", "Golf", "Le texte."],
                        {0: "photo_credit", 3: "context"})
    assert detectors._past_widgets(lines, 0) == 2
    assert detectors._past_widgets(lines, 3) == 3  # a position rule's removal is no widget
    assert detectors.HEADLINE_MAX_WIDGETS == 2


def test_listing_byline_under_a_removed_label_and_a_widget():
    """The item's headline, a removed "Read More" (two capitals, no name), the byline."""
    from cleannews.strip.detectors import _Line, _listing_bylines, _repeated_texts

    summary = ("A repeal of the one-eighth cent sales tax to expand the Cancer Center is up for "
               "reconsideration by the council.")
    texts = []
    for head, widget in (("Sacramento Zoo will relocate to Elk Grove", "Read More"),
                         ("Council to reconsider cancer sales tax repeal", "le-temps-des-cerises"),
                         ("How Gaza Protesters Are Challenging Democratic Leaders", "Trending")):
        texts += [head, widget, "Amanda Smith", summary.replace("repeal", head[:8])]
    ls = [_Line(t, frozenset()) for t in texts]
    ls[1].bad("related_lead_en", "heading")
    ls[5].bad("cms_slug", "a slug")
    assert sorted(_listing_bylines(ls, _repeated_texts(ls))) == ["amanda smith"]


def test_commenter_name_under_reply_links_still_goes():
    """A repeated name under "Reply" and a reader's comment (a sentence, no headline) is no
    listing's byline, widgets passed over or not."""
    from cleannews.strip.detectors import _Line, _listing_bylines, _repeated_texts

    comment = "I completely agree with this article and I think the council should act quickly."
    texts = []
    for _ in range(3):
        texts += [comment, "Reply", "John Smith", comment]
    ls = [_Line(t, frozenset()) for t in texts]
    for k in range(1, len(ls), 4):
        ls[k].bad("comment_reply_en", "reply link")
    assert _listing_bylines(ls, _repeated_texts(ls)) == frozenset()


def test_megabyte_lines_finish():
    assert_megabyte_lines_finish(
        ["Martes, 23 de septiembre 2025, 00:41 ", ", - , - ", "12:00 ", "06 Sep2019 ",
         "Amanda Smith "], CFG)

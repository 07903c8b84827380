"""Glued furniture, second pass: widgets glued after a date line, an embedded post's picture
link glued at a line's end (issue 10, round 35, branch glue48).

Of the 166 spans the TRAIN pages bracket per GUIDELINE rule 5, 59 stayed after round 34. Listed
by kind, position and site, two families recur on at least 3 sites in one shape:

* a widget glued after the article's date line (5 sites): a reading time ("May 16, 20243 min
  read", "… 25 sept. 2013 à 05:00 - Temps de lecture :"), a share label ("30 Novembre
  2011Spread the love"), a bare counter ("20/02/2015 18", "todaynovembre 21, 2025 6"). The span
  rules carry the rule-file flag ``after_date`` (``detectors.DATED_SPAN_RULES``): a hit counts
  only when the line's text before it is a short date line (``detectors._dated_head``); the
  bare counter, which has no word to index, is ``detectors._dated_counter`` on short lines.
* an embedded post's picture link glued at the end of its text, perhaps with the post's
  attribution (3 sites): ``embed_pic_link_glued``.

The link-dense test reads the line as cleaned (``detectors._link_dense``): once the picture link
went, "#Amiens Quartier Etouvie (80)" counted the link that was no longer there.
"""

from __future__ import annotations

import pytest

from _helpers import assert_megabyte_lines_finish, bracketed_units
from cleannews import CleanConfig
from cleannews.evaluate import GLUED_KIND
from cleannews.strip import strip_text

CFG = CleanConfig(score_spin=False, quarantine=False)

#: (page, the start of a bracketed line, how many spans it has) per family, one per site.
CUT = [
    ("en-m-0020", "May 16, 2024", 1),  # "3 min read"
    ("fr-r40-0023", "Le Bien Public", 1),  # " - Temps de lecture :"
    ("it-r38-0001", "30 Novembre 2011", 1),  # "Spread the love"
    ("fr-r35-0011", "20/02/2015", 1),  # " 18"
    ("fr-r38-0025", "todaynovembre 21, 2025", 1),  # " 6"
    ("fr-e-0003", "Meuse : un gendarme", 1),  # " pic.twitter.com/…" after a t.co link
    ("fr-e-0046", "#Amiens Quartier", 1),  # " pic.twitter.com/…" after "(80)"
    ("fr-r40-0016", "#ProB Cleanthony", 2),  # the link and the post's attribution
]


@pytest.mark.parametrize(("page", "start", "n"), CUT)
def test_the_glued_span_goes_and_the_content_part_stays(page, start, n):
    """Fails on main: every span below was left in (and on fr-e-0046, once the link went, the
    link-dense test took the line)."""
    assert bracketed_units(page, start) == [("C", True)] + [(GLUED_KIND, False)] * n


def _cleaned(line: str) -> str:
    doc = ("Titre de l'article sur la commune\n\n" + line + "\n\nLe conseil municipal a voté le "
           "budget de la ville hier soir après un long débat sur les écoles.\n")
    return strip_text(doc, CFG).text


@pytest.mark.parametrize(("line", "kept"), [
    ("May 16, 20243 min read", "May 16, 2024"),
    ("Le Bien Public - 25 sept. 2013 à 05:00 - Temps de lecture :",
     "Le Bien Public - 25 sept. 2013 à 05:00"),
    ("30 Novembre 2011Spread the love", "30 Novembre 2011"),
    ("20/02/2015 18", "20/02/2015"),
    ("#Amiens Quartier Etouvie (80) pic.twitter.com/sdMthn9i2v", "#Amiens Quartier Etouvie (80)"),
])
def test_written_forms_the_date_or_text_stays(line, kept):
    """Fails on main (the widget stayed glued)."""
    out = _cleaned(line)
    assert kept + "\n" in out and line not in out


@pytest.mark.parametrize("line", [
    # the same words in a sentence, after no date line: nothing is cut
    "Subscribers of the new guide to the city's parks logged 20243 min read",
    "Le club de lecture du 3 mars 2024 a choisi son temps de lecture",
    "Volunteers came together on May 16, 2024 to spread the love",
    "Les résultats de la saison 2015 : 18",
    "Le lien pic.twitter.com/abcd1234 a circulé sur les réseaux toute la journée.",
])
def test_look_alike_sentences_stay_whole(line):
    assert line in _cleaned(line)


def test_the_flag_and_the_counter_read_a_date_line_only():
    from cleannews.strip.detectors import DATED_SPAN_RULES, _dated_counter, _dated_head

    assert {"reading_time_dated_en", "reading_time_dated", "share_label_dated"} <= DATED_SPAN_RULES
    assert _dated_head("todaynovembre 21, 2025") and not _dated_head("Saison 2015")
    assert not _dated_head("x" * 200 + " May 16, 2024")  # a long head is no date line
    assert _dated_counter("Le bilan au 20 février 2015 : 18") is None
    assert _dated_counter("Rendez-vous pour la réunion publique du 20/02/2015 18") is None
    got = _dated_counter("todaynovembre 21, 2025 6")
    assert got is not None and got.rule == "counter_after_date" and got.reason


def test_adversarial_long_lines_finish():
    """No backtracking on a megabyte line of dates, counters, reading times and links."""
    assert_megabyte_lines_finish(
        ["20/02/2015 ", "May 16, 2024 ", "2024 3 min read ", "- Temps de lecture : ",
         "pic.twitter.com/abcd ", " — Name (@handle) ", "Spread the love 2011 "],
        CFG,
    )

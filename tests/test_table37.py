"""Strip stage, round 30 (issue 10, branch table37): a row of figures is data, not a tag cloud.

The round's transfer batch (``*-r32``, scored development data) lost 23 content lines on one
page, fr-r32-0029: a table of airport traffic written with a trailing pipe only ("Paris CDG |
6.028.780 | +7,2% | 16.481.542 | +5,7% |"), which ``tag_cloud`` took ("a run of keywords with
no sentence structure"). Round 29's ``_bordered_row`` wants pipes on both sides and
``_aligned_shape`` aligned columns; the row slipped between them. ``detectors._figure_row``
(``_tables.figure_row`` since round 31)
states the general principle instead of a third shape: cells split by a column separator (a
pipe or a tab), most of them figures (numbers, percentages, amounts, scores, dates), make a
table row, and neither the tag-cloud detector nor the tag cloud after the article takes it.

Inputs: the labelled TRAIN page fr-r32-0029 (through the ``page_out`` fixture), real tag
clouds of TRAIN pages that must still go, look-alike furniture (a pipe menu with a year, a
pager, a pipe tag cloud) and adversarial 1 MB lines. On main's code (d8530619) the tests of
the lost rows, of ``_figure_row`` and of the lone row after an article fail (the function
does not exist, the rows are taken); the furniture and 1 MB tests pass on both.
"""

from __future__ import annotations

import pytest

from _helpers import assert_lines_kept, assert_lines_removed, assert_megabyte_lines_finish
from cleannews import CleanConfig
from cleannews.strip import strip_text

CFG = CleanConfig(score_spin=False)

#: fr-r32-0029's rows that the tag-cloud detector took (the lead's r32 scoring, --lines).
LOST_ROWS = [
    "Paris CDG | 6.028.780 | +7,2% | 16.481.542 | +5,7% |",
    "Paris Orly | 2.667.341 | +1,0% | 7.255.451 | +0,6% |",
    "Nice | 981.821 | +1,7% | 2.517.036 | +4,0% |",
    "Lyon | +11,2% | 2.563.000 | +9,7% | |",
    "Toulouse | 810.224 | +5,5% | 2.158.964 | +2,1% |",
    "Marseille | 726.092 | +3,3% | 1.993.464 | +6,1% |",
    "Beauvais | 307.064 | +9,94% | 871.098 | +9,79% |",
    "Nantes | 472.509 | +11,26% | 1.250.803 | +13,61% |",
    "Pointe à Pitre | 265.197 | +4,99% | 756.467 | +2,51% |",
    "Lille | 138.093 | +3,1% | 360.204 | +1,2% |",
    "Montpellier | 143.648 | +6,05% | 390.171 | +4,69% |",
    "Strasbourg | 84.436 | -1,6% | 239.057 | +1,0% |",
    "Brest | 89.410 | +4,61% | 250.426 | +7,98% |",
    "Biarritz | 57.337 | -9,54% | 112.847 | -35,44% |",
    "Ajaccio | 66.395 | -1,7% | 174.002 | -1,4% |",
    "Bastia | 71.181 | +5,63% | 186.691 | +6,77% |",
    "Pau | 55.065 | +6,73% | 165.067 | +14,84% |",
    "Rennes | 67.926 | +18,9% | 179.115 | +18,5% |",
    "Clermont-Fd | 34.943 | +0,43% | 93.036 | -0,40% |",
    "Limoges | 18.395 | +12,6% | 48.490 | +14,2% |",
    "Figari | 3.445 | -78,5% | 22.601 | -43,2% |",
    "Metz-Nancy | 15.998 | +24,94% | 45.279 |",
]


def test_the_airport_table_stays(page_out):
    """Every row of fr-r32-0029's table is labelled content and kept, with the row of empty
    cells among them ("Lourdes-Tarbes | ||||": no figure, kept as the table's row)."""
    assert_lines_kept(page_out("fr-r32-0029"), [*LOST_ROWS, "Lourdes-Tarbes | ||||"],
                      "fr-r32-0029")


@pytest.mark.parametrize("row", [
    *LOST_ROWS[:4],
    "Lyon\t12\t8\t2\t2\t+14",  # a standings row written with tabs
    "PSG | 2-1 | 12/03/2024 | 45 000",  # a score, a date, an amount
    "| Socialistes | 62 | 1 | 1 |",
])
def test_rows_of_figures_are_table_rows(row):
    from cleannews.strip._tables import figure_row

    assert figure_row(row)


@pytest.mark.parametrize("line", [
    "Accueil | Sport | Vidéo | Météo | 2024",  # a menu with a year
    "« | 1 | 2 | 3 | 4 | 5 | »",  # a pager: its figures count up by one
    "Page 1 | 2 | 3 | 4 | Suivant",
    "immobilier | Paris | Lyon | crédit | taux 2024 | achat | vente | location | notaire",
    "Lourdes-Tarbes | ||||",  # no figure at all
    "Lyon 12 8 2 2 14",  # no column separator
    "Partager | Tweeter | 12 commentaires | Imprimer",
])
def test_keywords_and_pagers_are_no_table_rows(line):
    from cleannews.strip._tables import figure_row

    assert not figure_row(line)


_PARA = ("Le trafic des aéroports régionaux a progressé au premier semestre, porté par les "
         "compagnies à bas coût et le retour des voyageurs d’affaires, selon l’Union.")


def test_a_lone_row_after_the_article_is_no_tail_tag_cloud():
    """One row of figures after the article's last paragraph (no table shape to protect it)
    is kept; the pipe tag cloud and the pager beside it still go."""
    row = "Paris CDG | 6.028.780 | +7,2% | 16.481.542 | +5,7% |"
    cloud = ("abus | technologie | Accord OpenAI | Apple | accélérateur | innovation | santé | "
             "startup | Acquisition | start-up")
    page = "\n\n".join(["Les aéroports ont le sourire", _PARA, _PARA, row, cloud])
    out = strip_text(page, CFG).text.split("\n")
    assert row in out
    assert cloud not in out


@pytest.mark.parametrize("row", ["Brest | 89 | 410 | 4,61 | 250 | 426 | 7,98",
                                 "Lyon Part-Dieu | 12 | 8 | 2 | 2 | 14 | 5"])
def test_a_short_row_at_the_end_is_no_tail_tag_cloud(row):
    """A row of eight or nine words below the article (too short for the tag-cloud detector,
    long enough for the tag cloud after the article: TAIL_TAGS_MIN_WORDS) is kept."""
    page = "\n\n".join(["Les aéroports ont le sourire", _PARA, _PARA, row])
    assert row in strip_text(page, CFG).text.split("\n")


@pytest.mark.parametrize(("page", "furniture"), [
    ("de-e-0010", ["Aktuell, Blaulicht, Brand, Ereignis, Feuerwehr, PD Chemnitz, "
                   "Polizeibericht - Zwickau und Umgebung, Sicherheit"]),
    ("fr-e-0031", ["1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27"]),
])
def test_real_tag_clouds_still_go(page_out, page, furniture):
    """TRAIN tag clouds (keywords; a calendar's run of bare days) are still removed."""
    assert_lines_removed(page_out(page), furniture, page)


def test_megabyte_lines_finish():
    """Pipe and tab rows of figures, a pager and empty cells on 1 MB lines."""
    assert_megabyte_lines_finish(
        ["Nice | 981.821 | +1,7% ", "1 | ", "\t12", "| ", "a1|", "+7,2%|"], CFG
    )

"""Strip stage, round 29 (issue 10, branch fresh33): content lost on the fourth fresh batch.

The round-29 transfer check (``*-r30``, 51 TRAIN pages of 51 new sites) scored the same with
the round's start and final code: 70 content lines of 476 lost, 61 of them on three data
pages (docs/strip-history.md, "Fresh TRAIN pages, fourth batch (issue 10, round 29)"). What
they share is a data structure, a run of lines of one shape, which ``_protect_shaped``
(``detectors._line_shape``) now reads in two more forms:

* a table row written between outer pipes with empty cells or merged cells ("| Castor, Klaus
  | |", "| - Beratung und Beschluss - |", de-r30-0004's attendance list and agenda):
  ``_tables.bordered_row`` since round 31, shape ``"table|"``, protected when TABLE_MIN_ROWS rows of
  the page have it (round 32: when ``_tables.table_rows`` marks it, a run of TABLE_MIN_ROWS
  different rows);
* a series, SERIES_RUN_MIN consecutive lines opening with the same words before a figure,
  words after it ("Procès-verbal - 25 mars 2021 (séance 85)", fr-r30-0011's listing of
  minutes): ``detectors._protect_series``;
* and ``_SCORE_LINE`` reads a score after each side's name ("CD Herbania 0 – CF Panadería
  Pulido San Mateo 1", "Atlético Paso 1 – CD Tenerife «C» 1", es-r30-0001).

Not changed: en-r30-0004's "March 20, 2026·8 min read" (the explicit phrase rule
``reading_time_glued_en`` cuts its reading time; the guide labels the whole line content),
de-r30-0004's repeated "| - Beratung und Beschluss - |" (``repeated_block``), it-r30-0006's
three lines and fr-r30-0003's feed item.

Inputs: labelled TRAIN pages of ``fixtures/strip_real`` (``page_out`` checks the split),
lines built from them and adversarial 1 MB lines. On main's code (a1015d15) 9 of the 12 tests
fail: the three pages' lost lines, the shapes' and guards' names and the series after an
article, the score line; the furniture of the two data pages and the 1 MB lines pass on both.
"""

from __future__ import annotations

import pytest

from _helpers import assert_lines_kept, assert_lines_removed, assert_megabyte_lines_finish
from cleannews import CleanConfig
from cleannews.strip import strip_text

CFG = CleanConfig(score_spin=False)

# --- the lost lines, on their TRAIN pages ------------------------------------------------------

_NAMES = ("Castor, Klaus", "Ebling, Günther", "Fischborn, Björn", "Schnabel, Mirjam",
          "Sinopoli, Marino", "Vogel, Dirk", "Wagner, Daniel", "Zimmer, Maik",
          "Zimmermann, Fabian", "Kinder, Annerose")
_SEANCES = ("25 mars 2021 (séance 85-extraordinaire)", "22 mars 2021 (séance 84)",
            "8 mars 2021 (séance 83)", "15 février 2021 (Séance 82)",
            "1er février 2021 (Séance 81)", "17 décembre 2020 (séance 79-extraordinaire)",
            "28 septembre (séance 72)", "14 septembre 2020 (séance 71)")
LOST = {
    "de-r30-0004": [f"| {n} | |" for n in _NAMES] + [
        "| Faust, Karl-Hans | entschuldigt |", "| Bürgermeisterin: | |", "| Beigeordnete: | |",
        '| TOP 3 | Sanierungsarbeiten der Brücke "Katzensteigermühle" |',
        "| TOP 4 | Veranstaltungen |", "| TOP 5 | Namensfindung Hof Pfeiffer |",
        "| TOP 6 | KiTa Villa Regenbogen |", "| Vorschläge |",
        "| - Stellungnahme des Gemeinde- und Städtebundes |",
        "| a) Anschaffung eines Spielgerätes durch den Förderverein der KiTa |",
        "| c) Kommunaler Klimapakt, Förderfähige Projekte- Sonnenschutz für die Spielfläche "
        "der KiTa |",
    ],
    "fr-r30-0011": ["Procès-verbal - " + s for s in _SEANCES],
    "es-r30-0001": [
        "CD Herbania 0 – CF Panadería Pulido San Mateo 1", "SD Tenisca 0 – CD Mensajero 2",
        "UD Tamaraceite 2 – UD Telde 0", "Atlético Paso 1 – CD Tenerife «C» 1",
        "UD Lanzarote 1 – UD Las Palmas C 1", "CD Arcángel San Miguel 1 – San Bartolomé CF 2",
    ],
}


@pytest.mark.parametrize("page", sorted(LOST))
def test_lost_lines_stay(page_out, page):
    """Every copy of each line the lead's scoring found lost is kept whole."""
    assert_lines_kept(page_out(page), LOST[page], page)


@pytest.mark.parametrize(("page", "furniture"), [
    ("de-r30-0004", ["|"]),  # the lone pipes between the agenda's rows
    ("fr-r30-0011", ["-"]),  # the lone bullets between the minutes
])
def test_the_data_pages_furniture_still_goes(page_out, page, furniture):
    assert_lines_removed(page_out(page), furniture, page)


# --- negatives: furniture of the same shapes --------------------------------------------------


def test_a_few_rows_between_pipes_are_no_table():
    """Fewer than TABLE_MIN_ROWS rows between pipes (a navigation box written as a table:
    fr-g-0045's "| 1. Choisissez un n° |", "| 2. Puis un article |") are not protected;
    TABLE_MIN_ROWS rows are (round 32: the rows the table reader marks, ``_Line.table``, as
    ``detectors.judge_lines`` marks them)."""
    from cleannews.strip._tables import TABLE_MIN_ROWS, table_rows
    from cleannews.strip.detectors import _Line, _protect_shaped

    def shaped(texts):
        lines = [_Line(t, frozenset()) for t in texts]
        for i in table_rows(texts):
            lines[i].table = True
        _protect_shaped(lines)
        return lines

    rows = ["| 1. Choisissez un n° |", "| 2. Puis un article |", "| Accueil |",
            "| Castor, Klaus | |", "| Ebling, Günther | |"]
    assert not any(ln.protected for ln in shaped(rows[: TABLE_MIN_ROWS - 1]))
    assert all(ln.protected for ln in shaped(rows[:TABLE_MIN_ROWS]))


_PARA = ("Le conseil municipal s’est réuni lundi soir pour voter le budget de la commune, qui "
         "prévoit la rénovation de l’école et de la salle des fêtes avant l’été prochain.")


def _kept_after(tail: list[str]) -> list[str]:
    page = "\n\n".join(["Le budget voté", _PARA, _PARA, *tail])
    out = strip_text(page, CFG).text
    return [t for t in tail if t in out.split("\n")]


def test_archive_lists_and_pagination_are_no_series():
    """An archive list by month, bare page numbers and year links (no word after the
    figure) are no series: the series guard leaves them."""
    from cleannews.strip.detectors import _series_key

    archives = [f"Archives - {m} 2021" for m in ("mars", "février", "janvier")]
    archives += [f"Archives - {m} 2020" for m in ("décembre", "novembre")]
    assert {_series_key(a) for a in archives} == {None}
    assert {_series_key(f"Page {n}") for n in range(2, 8)} == {None}
    assert {_series_key(f"Archives {y}") for y in range(2015, 2022)} == {None}


def test_series_needs_consecutive_lines():
    """Teaser dates, one under each headline, are not consecutive: no series; the same
    opening five times in a row is one (and identical lines are none: a repeated widget)."""
    from cleannews.strip.detectors import SERIES_RUN_MIN, _Line, _protect_series

    dated = []
    for n in range(SERIES_RUN_MIN + 1):
        dated += [f"Un titre d’article numéro {n} pour la liste", f"Publié le {n + 1} mars 2021"]
    ls = [_Line(t, frozenset()) for t in dated]
    _protect_series(ls)
    assert not any(ln.protected for ln in ls)
    ls = [_Line(t, frozenset()) for t in dated[1::2]]
    _protect_series(ls)
    assert all(ln.protected for ln in ls)
    same = [_Line("Publié le 3 mars 2021", frozenset()) for _ in range(SERIES_RUN_MIN)]
    _protect_series(same)
    assert not any(ln.protected for ln in same)


def test_a_series_after_an_article_stays():
    """SERIES_RUN_MIN lines of minutes alone after an article (the tail's teasers' place,
    as on fr-r30-0011) all stay."""
    from cleannews.strip.detectors import SERIES_RUN_MIN

    five = [f"Procès-verbal - {d} mars 2021 (séance {80 + d})" for d in range(1, 6)]
    assert SERIES_RUN_MIN == 5
    assert _kept_after(five) == five


# --- the shapes -----------------------------------------------------------------------------


def test_bordered_rows():
    from cleannews.strip._tables import bordered_row
    from cleannews.strip.detectors import _line_shape

    assert _line_shape("| Castor, Klaus | |") == "table|"
    assert _line_shape("| - Beratung und Beschluss - |") == "table|"
    # a full row keeps its own shape, so its header still pairs with rows of figures
    assert _line_shape("| Rang | Film | Entrées |") == "table3"
    assert not bordered_row("| |")
    assert not bordered_row("|")
    assert not bordered_row("| 12 | 3 |")  # no letter: no subject
    assert not bordered_row("|" + " a |" * 20)  # more cells than BORDERED_ROW_MAX_CELLS


def test_score_after_each_name():
    from cleannews.strip.detectors import _line_shape

    assert _line_shape("CD Herbania 0 – CF Panadería Pulido San Mateo 1") == "score"
    assert _line_shape("Atlético Paso 1 – CD Tenerife «C» 1") == "score"
    assert _line_shape("Arsenal 2-1 Aston Villa") == "score"
    # a sentence with two figures: none
    assert _line_shape("Le club a gagné 2 – et perdu 1") is None


def test_megabyte_lines_finish():
    """The widened score pattern, the pipe rows and the series key on 1 MB lines."""
    assert_megabyte_lines_finish(
        ["CD Herbania 0 – ", "Ab «C» ", "| a | ", "Procès-verbal - 1 ", "A 1 – B "], CFG
    )

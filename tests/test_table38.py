"""Strip stage, round 31 (issue 10, branch table38): one table reader.

Until round 30 the strip stage had four ideas of "this line is a table row":
``_keep._table_row`` with ``give_back_table_row`` (a keep guard giving back the rows of a text
table that the repeated-block rule took), ``detectors._bordered_row`` (the same with a bound on
its cells), ``detectors._figure_row`` (cells split by pipes or tabs, mostly figures) and
``detectors._aligned_shape`` (aligned columns). ``strip/_tables.py`` reads a page's lines once
(``table_rows``): a row of figures is a table row alone, any other row (between pipes, with a
pipe on one side only, split by tabs) when it stands in a run of ``TABLE_MIN_ROWS`` different
rows. ``detectors.judge_lines`` sets ``_Line.table`` from it before any detector runs, and
the tag cloud, the tail's tag cloud and teasers and the repeated block ask it before taking a
line: the give-back and the twin predicates are gone.

Inputs: every TRAIN page (through ``_helpers.train_pages``; de-r30-0004's council agenda,
fr-r32-0029's airport table written with a trailing pipe), generated tables of each shape
after an article with furniture around them, furniture of the same shapes, and adversarial
1 MB inputs. On main's code (9ab638ee) 25 of the 31 tests fail: the reader does not exist,
and a table of words written with pipes or tabs after an article's last paragraph goes as
teasers; the furniture tests pass on both.
"""

from __future__ import annotations

import time

import pytest

from _helpers import assert_megabyte_lines_finish, train_doc, train_pages
from cleannews import CleanConfig
from cleannews.strip import strip_text

CFG = CleanConfig(score_spin=False)

_PARA = ("Le conseil municipal s’est réuni lundi soir pour voter le budget de la commune, qui "
         "prévoit la rénovation de l’école et de la salle des fêtes avant l’été prochain.")
_FURNITURE = ["Partager sur Facebook", "Newsletter : inscrivez-vous", "Publicité"]

#: One table of words (no figure: no row is a table row alone) in each way of writing it.
_CELLS = [("Piscine municipale", "Fermée", "Travaux"), ("Médiathèque", "Ouverte", "Horaires d’été"),
          ("Mairie annexe", "Ouverte", "Le matin seulement"),
          ("Gymnase Jean Moulin", "Fermé", "Vacances"),
          ("Stade des Sports", "Ouvert", "Entraînements libres")]
SHAPES = {
    "bordered": ["| " + " | ".join(c) + " |" for c in _CELLS],
    "trailing pipe": [" | ".join(c) + " |" for c in _CELLS],
    "leading pipe": ["| " + " | ".join(c) for c in _CELLS],
    "tabs": ["\t".join(c) for c in _CELLS],
}
#: A standings table with aligned columns and a table of figures with a trailing pipe: each
#: row is a table row alone.
DATA = {
    "aligned": ["1   R C AUBENAS VALS  8  2  2  0  0  4  0  0  0",
                "2   US ANNONAY  7  2  1  1  0  2  0  0  0"],
    "figures": ["Paris CDG | 6.028.780 | +7,2% | 16.481.542 | +5,7% |",
                "Metz-Nancy | 15.998 | +24,94% | 45.279 |"],
}


def _page(rows: list[str], tail: list[str] = _FURNITURE) -> str:
    return "\n\n".join(["Les équipements de la ville", _PARA, _PARA, *rows, *tail])


def _removed(text: str) -> dict[str, str]:
    return {c.before.strip(): c.rule for c in strip_text(text, CFG).changes if not c.after}


# --- the reader -------------------------------------------------------------------------------


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_run_of_rows_is_a_table_in_every_shape(shape):
    from cleannews.strip._tables import TABLE_MIN_ROWS, table_rows

    rows = SHAPES[shape]
    texts = ["Lire aussi", rows[0], "", "|", *rows[1:], "Publicité"]
    assert table_rows(texts) == [1, *range(4, 4 + len(rows) - 1)]
    # one row fewer than TABLE_MIN_ROWS: no table (and no row is one alone)
    assert table_rows(["Lire aussi", *rows[: TABLE_MIN_ROWS - 1], "Publicité"]) == []


@pytest.mark.parametrize("kind", sorted(DATA))
def test_a_row_of_figures_is_a_table_row_alone(kind):
    from cleannews.strip._tables import data_row, table_rows

    for row in DATA[kind]:
        assert data_row(row)
        assert table_rows(["Lire aussi", row, "Publicité"]) == [1]


def test_the_bounds_of_a_row_of_figures():
    """:data:`FIGURE_ROW_MIN_CELLS`: a teaser's title and date (two cells) is no row of
    figures, with its time (three) it is; :data:`FIGURE_CELL_MAX_CHARS`: a cell of 24 digits
    is a figure, of 25 none (the row then holds one figure of five cells)."""
    from cleannews.strip._tables import FIGURE_CELL_MAX_CHARS, FIGURE_ROW_MIN_CELLS, data_row

    assert (FIGURE_ROW_MIN_CELLS, FIGURE_CELL_MAX_CHARS) == (3, 24)
    title = "Le maire annonce sa démission | 12/03/2024"
    assert not data_row(title) and data_row(title + " | 14:05")
    assert not data_row("Accueil | Sport | 24/7")  # one figure of three cells: a menu
    for width, row in ((24, True), (25, False)):
        cell = "1" * width
        assert data_row(f"Total | {cell} | {cell} | 12 | x") is row


def test_rows_written_without_spaces():
    """A pool table written without spaces: "|A|" (the group's letter, one cell between
    pipes) is a row between pipes, "|7|" (no letter) a row of a table run, "|" none."""
    from cleannews.strip._tables import bordered_row, framed_row

    assert bordered_row("|A|") and not bordered_row("|7|")
    assert framed_row("|7|") and framed_row("|A|") and not framed_row("|")


def test_a_table_needs_different_rows_and_a_cell_beside_its_border():
    """A label printed as a one-row table each time, a menu written one link per line with its
    separator ("Contact |") and a line between rows that is no row end or make no table."""
    from cleannews.strip._tables import framed_row, table_rows

    assert table_rows(["| Partager |", "", "| Partager |", "| Partager |", "| Partager |"]) == []
    links = ["Contact |", "Mentions légales |", "Plan du site |", "Publicité |", "Aide |"]
    assert not any(map(framed_row, links)) and table_rows(links) == []
    rows = SHAPES["trailing pipe"]
    assert table_rows([rows[0], rows[1], "Lire aussi", rows[2], rows[3]]) == []


# --- TRAIN pages ------------------------------------------------------------------------------


def test_every_table_row_of_the_train_pages_is_content():
    """On every TRAIN page, each line the reader marks is labelled content (102 lines on the
    round's 1,056 pages: council agendas and attendance lists, standings, airport traffic,
    box-office charts), and no cleaned page loses one."""
    from cleannews.strip._tables import table_rows

    marked = 0
    for rec, doc, labelled in train_pages():
        texts = doc.splitlines()
        rows = table_rows(texts)
        if not rows:
            continue
        label = {lb.line: lb.label for lb in labelled}
        assert all(label.get(i) == "C" for i in rows), rec["id"]
        marked += len(rows)
        kept = {x.strip() for x in strip_text(doc, CFG).text.split("\n")}
        assert all(texts[i].strip() in kept for i in rows), rec["id"]
    assert marked >= 100


def test_the_airport_table_is_read_with_its_header():
    """fr-r32-0029's table, written with a trailing pipe only: every row, its header (no
    figure) and the row of empty cells ("Lourdes-Tarbes | ||||") are the table's rows."""
    from cleannews.strip._tables import table_rows

    doc, _ = train_doc("fr-r32-0029")
    texts = doc.splitlines()
    rows = {texts[i].strip() for i in table_rows(texts)}
    assert {"AEROPORT | Mars 2019 | Mars 19 / M.18 | Cumul 2019 | 2019 / 2018 |",
            "Lourdes-Tarbes | ||||",
            "Metz-Nancy | 15.998 | +24,94% | 45.279 |"} <= rows
    assert len(rows) >= 20


def test_the_repeated_block_rule_never_takes_the_agenda_rows():
    """de-r30-0004: the rule that takes a short line printed many times asks the reader first:
    "| - Beratung und Beschluss - |" under each agenda item is a table's row, marked
    (``_Line.table``) and left by every rule, not taken and given back."""
    from cleannews.strip._assemble import split_lines
    from cleannews.strip.detectors import judge_lines

    doc, _ = train_doc("de-r30-0004")
    lines, _ = judge_lines(doc, split_lines(doc), ("de", "en"))
    agenda = [ln for ln in lines if "Beratung und Beschluss" in ln.text]
    assert len(agenda) >= 4
    assert all(ln.table and ln.removal is None for ln in agenda)


# --- generated tables inside furniture ---------------------------------------------------------


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_table_of_words_after_the_article_stays(shape):
    """A table of words after the article's last paragraph, furniture under it: the tail's
    teaser rule took its rows (title-like lines followed by furniture) whatever their pipes;
    the furniture still goes."""
    rows = SHAPES[shape]
    removed = _removed(_page(rows))
    assert not [r for r in rows if r.strip() in removed], removed
    assert all(f in removed for f in _FURNITURE)


@pytest.mark.parametrize("kind", sorted(DATA))
def test_rows_of_figures_after_the_article_stay(kind):
    rows = DATA[kind]
    removed = _removed(_page(rows))
    assert not [r for r in rows if r in removed] and all(f in removed for f in _FURNITURE)


def test_a_cell_printed_in_each_row_of_a_table_stays():
    """Council minutes written with a trailing pipe, "Beratung und Beschluss | |" under each
    agenda item (generated after de-r30-0004): the repeated-block rule took the repeated row
    (five times) and the context rule the items between them."""
    rows = []
    for k, item in enumerate(["Satzung", "Brücke", "Veranstaltungen", "Haushalt", "Friedhof"], 2):
        rows += [f"TOP {k} | {item} |", "Beratung und Beschluss | |"]
    text = "\n\n".join(["Sitzung des Gemeinderates", _PARA, *rows, _PARA])
    assert _removed(text) == {}


# --- furniture of the same shapes still goes ---------------------------------------------------


@pytest.mark.parametrize(("tail", "furniture"), [
    (["Partager sur Facebook", "Contact |", "Mentions légales |", "Plan du site |",
      "Publicité |"], ["Contact |", "Mentions légales |", "Plan du site |", "Publicité |"]),
    (["immobilier | Paris | Lyon | crédit | taux | achat | vente | location | notaire |",
      "Partager sur Facebook"],
     ["immobilier | Paris | Lyon | crédit | taux | achat | vente | location | notaire |"]),
    (["| Partager |", _PARA, "| Partager |", _PARA, "| Partager |"], ["| Partager |"]),
])
def test_furniture_written_with_pipes_still_goes(tail, furniture):
    """A menu one link per line with its separator, a tag cloud between pipes and a label
    printed as a one-row table three times are no tables."""
    removed = _removed(_page([], tail))
    assert all(f in removed for f in furniture), removed


# --- no twin left -----------------------------------------------------------------------------


def test_the_twin_predicates_are_gone():
    from cleannews.strip import _keep, detectors

    for name in ("give_back_table_row", "_table_row", "TABLE_ROW_RULES", "TABLE_MIN_ROWS"):
        assert not hasattr(_keep, name), name
    for name in ("_bordered_row", "_figure_row", "_aligned_shape", "BORDERED_LIST_MIN"):
        assert not hasattr(detectors, name), name
    assert "give_back_table_row" not in {g.__name__ for g in _keep.GUARDS}


# --- adversarial --------------------------------------------------------------------------------

#: CPU seconds a 1 MB input may take in the reader alone (it takes well under one).
READER_SECONDS = 5
#: … and through the whole strip stage (100,000 short lines take about 5 s on one core).
STRIP_SECONDS = 60


@pytest.mark.parametrize(("text", "n_rows"), [
    ("|" * 1_000_000, 0),  # one gigantic line of pipes
    ("| a " * 250_000, 0),  # one row: no table
    ("a |" * 333_334, 0),
    ("1\t" * 500_000, 1),  # one row of figures: a table row alone
    ("| a | 1 |\n" * 100_000, 0),  # 100,000 short pipe lines, all alike: no table
    ("".join(f"R{i} | {i} | x |\n" for i in range(100_000)), 100_000),  # one table's rows
    ("|\n" * 100_000, 0),  # separators only
], ids=["pipes", "cells", "trailing", "tabs", "alike", "table", "separators"])
def test_megabyte_inputs_are_read_in_linear_time(text, n_rows):
    from cleannews.strip._tables import table_rows

    lines = text.split("\n")
    start = time.process_time()
    assert len(table_rows(lines)) == n_rows
    assert time.process_time() - start < READER_SECONDS
    start = time.process_time()
    strip_text("Titre\n\n" + text, CFG)
    assert time.process_time() - start < STRIP_SECONDS


def test_megabyte_lines_of_table_shapes_finish():
    assert_megabyte_lines_finish(["| a ", "a |", "1  a  ", "x\t1\t", "| |", "Nice | 9 | +1% |"],
                                 CFG)

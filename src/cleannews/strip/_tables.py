"""The strip stage's one reader of "this line is a table row" (issue 10, round 31): rows
between pipes, with a pipe on one side only (fr-r32-0029), split by tabs, aligned columns.
``detectors.judge_lines`` sets ``_Line.table`` from :func:`table_rows` before any detector
runs; those that never take a table row (tag cloud, tail teasers, repeated block) ask it, and
``detectors._protect_shaped`` protects a row between pipes that it marked (round 32).
Each function reads at most ``MAX_SCAN_CHARS`` characters of a line: linear time.

    >>> table_rows(["Accueil | Sport", "| TOP 2 | Satzung |", "| - Beschluss - |", "",
    ...             "| TOP 3 | Brücke |", "|", "| TOP 4 | Feste |", "Impressum"])
    [1, 2, 4, 6]
"""

from __future__ import annotations

from itertools import pairwise

import regex

from cleannews.strip._chars import has_digit
from cleannews.strip._pagelang import _LETTER
from cleannews.strip._rules import MAX_SCAN_CHARS

#: A row with pipes between its cells ("Socialistes | 62 | 1 | 1"): at least this many cells,
#: each at most this long (:func:`row_shape`, :func:`aligned_shape`).
PIPE_ROW_MIN_CELLS = 3
PIPE_CELL_MAX_CHARS = 60
#: A row between outer pipes ("| Castor, Klaus | |", round 29): at most this many cells.
BORDERED_ROW_MAX_CELLS = 12
#: A row with a pipe on one side only or tabs: at least this many cells (empty ones count,
#: not the border: "Beschluss | |" is a row, "Contact |", a menu's link, is none).
EDGE_ROW_MIN_CELLS = 2
#: A table: a run of at least this many different rows (a label printed as a one-row table
#: each time is none; "| - Beratung und Beschluss - |" under each agenda item is a row,
#: de-r30-0004); ``detectors._protect_shaped`` protects a ``"table|"`` row of such a run
#: (``_Line.table``; until round 32 it counted this many of them page-wide, a second reader).
TABLE_MIN_ROWS = 4
#: Aligned columns (a standings table, round 29): cells split by two spaces or a tab, at
#: least ALIGNED_ROW_MIN_CELLS, ALIGNED_ROW_MIN_FIGURES of them figures and one with a letter
#: (a calendar's week of bare days is no row); its header row has no digit.
ALIGNED_ROW_MIN_CELLS = 5
ALIGNED_ROW_MIN_FIGURES = 4
_ALIGNED_SPLIT = regex.compile(r"\t|\s{2,}+")
_FIGURE_CELL = regex.compile(r"^[+\-−–]?\d{1,6}(?:[.,]\d{1,3})?+%?$")
#: A row of figures (round 30, fr-r32-0029): cells split by a pipe or a tab, at least
#: FIGURE_ROW_MIN_CELLS not empty, FIGURE_ROW_MIN_FIGURES figures making FIGURE_ROW_MIN_SHARE
#: of them. A figure cell: a digit, at most FIGURE_CELL_MAX_CHARS characters, at most
#: FIGURE_CELL_MAX_LETTERS letters ("12 km") and no more letters than digits. A pager's
#: figures count up by one (bare integers of at most PAGER_MAX_DIGITS digits).
_COLUMN_SEP = regex.compile(r"[|\t]")
FIGURE_ROW_MIN_CELLS = 3
FIGURE_ROW_MIN_FIGURES = 2
FIGURE_ROW_MIN_SHARE = 0.5
FIGURE_CELL_MAX_CHARS = 24
FIGURE_CELL_MAX_LETTERS = 2
PAGER_MAX_DIGITS = 6


def table_rows(texts) -> list[int]:
    """Indices of the table rows among a page's lines ``texts``: every :func:`data_row`, and
    every :func:`framed_row` of a run of at least :data:`TABLE_MIN_ROWS` different rows (a
    blank line or a line of bare pipes does not end a run, any other line does). One pass.

    >>> table_rows(["| Accueil |", "", "| Accueil |", "| Sport |", "Nice | 9 | +1% |"])
    [4]
    """
    rows, run, alone, seen = [], [], [], set()  # the page's; the run's rows, data rows, texts
    for i, text in enumerate([*texts, None]):  # (None closes the last run)
        if text is not None:
            if not text.strip().strip(" \t|"):  # a blank line, bare pipes
                continue
            if "|" in text or "\t" in text or "  " in text:  # (no row has none of them)
                if data_row(text):
                    alone.append(i)
                if (alone and alone[-1] == i) or framed_row(text):
                    run.append(i)
                    seen.add(text.strip())
                    continue
        if run:
            rows += run if len(seen) >= TABLE_MIN_ROWS else alone
            run, alone, seen = [], [], set()
    return rows


def data_row(text: str) -> bool:
    """A table row alone: a :func:`figure_row` or an ``"aligned#"`` :func:`aligned_shape`.

    >>> data_row("Nice | 981.821 | +1,7% |"), data_row("Accueil | Sport | Vidéo")
    (True, False)
    """
    return figure_row(text) or aligned_shape(text) == "aligned#"


def framed_row(text: str) -> bool:
    """A row of a table run: a :func:`bordered_row`, or a row with a pipe on one side only
    or tabs, of :data:`EDGE_ROW_MIN_CELLS` cells, with a letter or a digit.

    >>> framed_row("| Castor, Klaus | |"), framed_row("Beschluss | |"), framed_row("x |")
    (True, True, False)
    """
    if bordered_row(text):
        return True
    t = text.strip()
    if t.startswith("|"):
        t = t[1:]
    elif t.endswith("|"):
        t = t[:-1]
    elif "\t" not in t:
        return False
    scan = t[:MAX_SCAN_CHARS]
    return len(_COLUMN_SEP.split(scan)) >= EDGE_ROW_MIN_CELLS and any(map(str.isalnum, scan))


def bordered_row(text: str) -> bool:
    """A row between outer pipes with a letter and at most :data:`BORDERED_ROW_MAX_CELLS`
    cells, empty or merged ones included (round 29, de-r30-0004).

    >>> [bordered_row(t) for t in ("| Castor, Klaus | |", "| - Beschluss - |", "| |", "|")]
    [True, True, False, False]
    """
    t = text.strip()
    return (
        len(t) > 2 and t.startswith("|") and t.endswith("|")
        and t.count("|") - 1 <= BORDERED_ROW_MAX_CELLS  # the pipes between the outer two, + 1
        and _LETTER.search(t, 0, MAX_SCAN_CHARS) is not None
    )


def row_shape(text: str) -> str | None:
    """A table row's shape (``detectors._line_shape``): ``"table<k>"`` for k cells split by
    pipes (``"table<k>#"`` with a digit), ``"table|"`` for another :func:`bordered_row`, else
    :func:`aligned_shape` of a line without a pipe.

    >>> row_shape("Socialistes | 62 | 1 | 1"), row_shape("| Rang | Film | Entrées |")
    ('table4#', 'table3')
    >>> row_shape("| Castor, Klaus | |"), row_shape("CLUB  PTS  J  G  N  P"), row_shape("Lire")
    ('table|', 'aligned', None)
    """
    if "|" not in text:
        return aligned_shape(text)
    cells = text.strip(" |").split(" | ")  # outer borders aside: the same cells
    if len(cells) >= PIPE_ROW_MIN_CELLS and all(
        0 < len(c.strip()) <= PIPE_CELL_MAX_CHARS and "|" not in c for c in cells
    ):
        tag = f"table{len(cells)}"
        return tag + "#" if has_digit(text) else tag
    return "table|" if bordered_row(text) else None


def figure_row(text: str) -> bool:
    """Cells split by a pipe or a tab, whatever the borders, most of them figures (numbers,
    percentages, amounts, scores, dates): data, never a tag cloud; a pager is none.

    >>> figure_row("Paris CDG | 6.028.780 | +7,2% | 16.481.542 | +5,7% |")
    True
    >>> figure_row("Accueil | Sport | Vidéo | 2024"), figure_row("« | 1 | 2 | 3 | 4 | Suivant")
    (False, False)
    """
    if "|" not in text and "\t" not in text:
        return False
    cells = figures = 0
    pager, last = True, None  # every figure a bare integer one more than the last
    for cell in _COLUMN_SEP.split(text[:MAX_SCAN_CHARS]):
        c = cell.strip()
        if not c:
            continue
        cells += 1
        if len(c) > FIGURE_CELL_MAX_CHARS:
            continue
        digits = sum(map(str.isdigit, c))
        letters = sum(map(str.isalpha, c))
        if not digits or letters > FIGURE_CELL_MAX_LETTERS or letters > digits:
            continue
        figures += 1
        if pager:
            value = int(c) if c.isdigit() and len(c) <= PAGER_MAX_DIGITS else None
            pager = value is not None and (last is None or value == last + 1)
            last = value
    return (
        cells >= FIGURE_ROW_MIN_CELLS and figures >= FIGURE_ROW_MIN_FIGURES
        and figures >= FIGURE_ROW_MIN_SHARE * cells and not pager
    )


def aligned_shape(text: str) -> str | None:
    """``"aligned#"`` for a row of aligned columns with figures (:data:`ALIGNED_ROW_MIN_CELLS`),
    ``"aligned"`` for its header row (no digit), else None (round 29, fr-r29-0017).

    >>> aligned_shape("1   R C AUBENAS VALS  8  2  2  0  0  4  0  0  0")
    'aligned#'
    >>> aligned_shape("CLUB  PTS  J  G  N  P  GA  PB  NEI  NF")
    'aligned'
    >>> aligned_shape("1  2  3  4  5  6  7"), aligned_shape("Accueil  Sport  Vidéo")
    (None, None)
    """
    if "  " not in text and "\t" not in text:
        return None
    cells = _ALIGNED_SPLIT.split(text.strip()[:MAX_SCAN_CHARS])
    if len(cells) < ALIGNED_ROW_MIN_CELLS or not all(
            0 < len(c) <= PIPE_CELL_MAX_CHARS for c in cells):
        return None
    if sum(1 for c in cells if _FIGURE_CELL.match(c)) >= ALIGNED_ROW_MIN_FIGURES and any(
        _LETTER.search(c) for c in cells
    ):
        return "aligned#"
    if not has_digit(text) and all(_LETTER.search(c) for c in cells):
        return "aligned"
    return None


#: A table printed one cell per line (a cricket scorecard: "Sam Field" / "58 *" / "C Perfitt" /
#: "2" / "16", en-r40-0002, issue 10, round 34): a stretch of short lines (at most
#: CELL_MAX_CHARS characters, blank lines aside) where figure cells (:data:`_CELL_FIGURE`) and
#: word cells alternate: at least CELL_TABLE_MIN_FIGURES figures and CELL_TABLE_MIN_SWITCHES
#: changes between a figure and a word cell, at most CELL_TABLE_MAX_GAP word cells between two
#: figures (a longer stretch of words is a menu beside the table), and at least
#: CELL_TABLE_MIN_PAIRS figures right under a figure (a row of several columns: "2" / "16"); the
#: table takes CELL_TABLE_MAX_GAP word cells above its first figure and below its last (the
#: header, the last name). A menu has no figures; a pager or a column of counters has no words
#: between its figures; a widget's categories with their counts ("Football" / "23" / "Cricket"
#: / "12") alternate one word, one figure: no two figures in a row.
CELL_MAX_CHARS = 40
CELL_TABLE_MIN_FIGURES = 6
CELL_TABLE_MIN_SWITCHES = 6
CELL_TABLE_MIN_PAIRS = 2
CELL_TABLE_MAX_GAP = 4
_CELL_FIGURE = regex.compile(r"^\d{1,4}(?:[.,]\d{1,2})?+(?:\s?\*)?$")


def cell_table_lines(texts) -> list[int]:
    """Indices of the cells of the tables printed one cell per line among a page's lines
    ``texts`` (see :data:`CELL_MAX_CHARS`). One pass.

    >>> cell_table_lines(["A match report of three long lines and more words.", "Wickets",
    ...     "Runs", "Sam Field", "58 *", "C Perfitt", "2", "16", "B Martin", "3", "17",
    ...     "S Cooper", "5", "4", "T Cook", "9", "1", "", "Copyright 2011 Example Cricket Club"
    ...     " - all rights reserved"])
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]
    >>> cell_table_lines(["1", "2", "3", "4", "5", "6", "7", "8", "Next"])  # a pager
    []
    >>> cell_table_lines(["Home", "News", "Sport", "Culture", "Contact", "About"])  # a menu
    []
    """
    cells: list[tuple[int, bool]] = []  # the stretch's cells: (index, is a figure)
    out: list[int] = []
    for i, text in enumerate([*texts, None]):  # (None closes the last stretch)
        if text is not None:
            text = text.strip()
            if not text:
                continue
            if len(text) <= CELL_MAX_CHARS:
                cells.append((i, bool(_CELL_FIGURE.match(text))))
                continue
        out += _cell_tables(cells)
        cells = []
    return out


def _cell_tables(cells: list[tuple[int, bool]]) -> list[int]:
    """The table cells of one stretch of short lines ``cells`` (``(index, figure)`` pairs,
    :func:`cell_table_lines`): its groups of figures no more than
    :data:`CELL_TABLE_MAX_GAP` word cells apart that qualify, each with that many word cells
    around it.

    >>> _cell_tables([(0, False), (1, True), (2, False), (3, True)])  # too few figures
    []
    >>> _cell_tables([(k, k % 2 == 1) for k in range(16)])  # a word, its count: no columns
    []
    """
    figs = [k for k, (_, fig) in enumerate(cells) if fig]
    out: list[int] = []
    group: list[int] = []
    for k in [*figs, len(cells) + CELL_TABLE_MAX_GAP + 1]:  # a sentinel ends the last group
        if group and k - group[-1] > CELL_TABLE_MAX_GAP + 1:
            lo = max(group[0] - CELL_TABLE_MAX_GAP, 0)
            hi = min(group[-1] + CELL_TABLE_MAX_GAP + 1, len(cells))
            kinds = [fig for _, fig in cells[group[0]:group[-1] + 1]]
            switches = sum(a != b for a, b in pairwise(kinds))
            pairs = sum(a and b for a, b in pairwise(kinds))
            if (
                len(group) >= CELL_TABLE_MIN_FIGURES
                and switches >= CELL_TABLE_MIN_SWITCHES
                and pairs >= CELL_TABLE_MIN_PAIRS
            ):
                out += [i for i, _ in cells[lo:hi]]
            group = []
        group.append(k)
    return out

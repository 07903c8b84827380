"""Text tables: the strip stage's one reader of "this line is a table row" (issue 10, round 31).

A page's text keeps its tables in four ways: rows between pipes ("| TOP 3 | Brücke |"), rows
with a pipe on one side only ("Paris CDG | 6.028.780 | +7,2% |", fr-r32-0029), cells split by
tabs, and columns aligned with spaces ("1   R C AUBENAS VALS  8  2  2  0"). :func:`table_rows`
reads a page's lines once and returns the rows of its tables: a row of figures
(:func:`figure_row`, :func:`aligned_shape`) is one alone; other rows are when they stand in a
run of at least :data:`TABLE_MIN_ROWS` different rows (:func:`run_row`; blank lines and rows
of bare pipes do not end a run). The detectors that never take a table row (the tag cloud,
the tail's tag cloud and teasers, the repeated block) ask ``_Line.table``, which
``detectors.judge_lines`` sets from it before any of them runs; ``detectors._line_shape``
reads a row's shape with :func:`row_shape`.

Every function reads at most :data:`~cleannews.strip._rules.MAX_SCAN_CHARS` characters of a
line's cells and :func:`table_rows` each line once: linear in the page's size.

    >>> table_rows(["Accueil | Sport", "| TOP 2 | Satzung |", "| - Beschluss - |", "",
    ...             "| TOP 3 | Brücke |", "|", "| TOP 4 | Feste |", "Impressum"])
    [1, 2, 4, 6]
"""

from __future__ import annotations

import regex

from cleannews.strip._pagelang import _LETTER
from cleannews.strip._rules import MAX_SCAN_CHARS

__all__ = [
    "aligned_shape", "bordered_row", "data_row", "figure_row", "row_shape", "run_row",
    "table_rows",
]

#: The column separators: a pipe, a tab.
PIPE = "|"
TAB = "\t"
#: A table row written with pipes between its cells ("Socialistes | 62 | 1 | 1"): at least
#: this many cells, each at most this long (:func:`row_shape`).
PIPE_ROW_MIN_CELLS = 3
PIPE_CELL_MAX_CHARS = 60
#: A row written between outer pipes ("| Castor, Klaus | |", round 29) has at most this many
#: cells (empty ones count).
BORDERED_ROW_MAX_CELLS = 12
#: A row with a pipe on one side only ("Metz-Nancy | 15.998 | +24,94% |", "Beschluss | |")
#: or cells split by tabs holds at least this many cells (empty ones count, not the border):
#: "Contact |", a menu written one link per line with its separator, is no row.
EDGE_ROW_MIN_CELLS = 2
#: A table is a run of at least this many different rows (:func:`run_row`): a widget's label
#: printed as a one-row table each time stands in a table of one row; council minutes print
#: "| - Beratung und Beschluss - |" under each agenda item of a table whose rows differ
#: (round 30, de-r30-0004). ``detectors._protect_shaped`` protects a page's rows between
#: pipes when it holds this many.
TABLE_MIN_ROWS = 4
#: A table row written with aligned columns (a standings table, round 29, fr-r29-0017):
#: cells split by two spaces or more (or a tab), at least this many …
ALIGNED_ROW_MIN_CELLS = 5
#: … of which at least this many are figures ("8", "-18", "3,5") and one at least holds a
#: letter (the row's subject: a calendar's week of bare days is no table row). Its header
#: row ("CLUB  PTS  J  G  N …") has as many cells or more, none with a digit.
ALIGNED_ROW_MIN_FIGURES = 4
_ALIGNED_SPLIT = regex.compile(r"\t|\s{2,}+")
_FIGURE_CELL = regex.compile(r"^[+\-−–]?\d{1,6}(?:[.,]\d{1,3})?+%?$")
#: A row of figures (round 30, fr-r32-0029): cells split by a pipe or a tab, at least
#: FIGURE_ROW_MIN_CELLS of them not empty, at least FIGURE_ROW_MIN_FIGURES of them figures
#: making at least FIGURE_ROW_MIN_SHARE of the cells. A figure cell holds a digit, at most
#: FIGURE_CELL_MAX_CHARS characters and at most FIGURE_CELL_MAX_LETTERS letters (a unit:
#: "12 km", "3 M€"), no more letters than digits. A tag cloud is keywords, not figures.
_COLUMN_SEP = regex.compile(r"[|\t]")
FIGURE_ROW_MIN_CELLS = 3
FIGURE_ROW_MIN_FIGURES = 2
FIGURE_ROW_MIN_SHARE = 0.5
FIGURE_CELL_MAX_CHARS = 24
FIGURE_CELL_MAX_LETTERS = 2
#: A pager's figures are bare integers of at most this many digits, each one more than the
#: last ("« | 1 | 2 | 3 | 4 | Suivant").
PAGER_MAX_DIGITS = 6


def bordered_row(text: str) -> bool:
    """A row written between outer pipes, empty cells and merged rows included: it opens and
    closes with a pipe, has a cell with a letter and at most :data:`BORDERED_ROW_MAX_CELLS`
    cells. A council's attendance list ("| Castor, Klaus | |") and agenda ("| - Beratung und
    Beschluss - |") are such rows (round 29, de-r30-0004); a lone ``|`` or ``| |`` is none.

    >>> bordered_row("| Castor, Klaus | |"), bordered_row("| - Beratung und Beschluss - |")
    (True, True)
    >>> bordered_row("| |"), bordered_row("|"), bordered_row("Accueil | Sport | Vidéo")
    (False, False, False)
    """
    t = text.strip()
    return (
        len(t) > 2 and t.startswith(PIPE) and t.endswith(PIPE)
        and t.count(PIPE) - 1 <= BORDERED_ROW_MAX_CELLS  # the pipes between the outer two, + 1
        and _LETTER.search(t, 0, MAX_SCAN_CHARS) is not None
    )


def data_row(text: str) -> bool:
    """A table row alone, whatever stands around it: a row of figures split by pipes or tabs
    (:func:`figure_row`) or by aligned columns (:func:`aligned_shape` ``"aligned#"``).

    >>> data_row("Nice | 981.821 | +1,7% |"), data_row("5   STADE OL  5  2  1  0  1")
    (True, True)
    >>> data_row("Accueil | Sport | Vidéo")
    False
    """
    return figure_row(text) or aligned_shape(text) == "aligned#"


def run_row(text: str) -> bool:
    """A line that stands in a table run (:func:`table_rows`): a :func:`data_row`, a row
    between outer pipes (:func:`bordered_row`), or a row with a pipe on one side only or
    cells split by tabs, with at least :data:`EDGE_ROW_MIN_CELLS` cells and a letter or a
    digit.

    >>> run_row("Lourdes-Tarbes | Pyrénées |"), run_row("| Rang | Film"), run_row("a\\tb\\tc")
    (True, True, True)
    >>> run_row("Contact |"), run_row("Accueil | Sport | Vidéo"), run_row("| |")
    (False, False, False)
    """
    return data_row(text) or _framed_row(text)


def _framed_row(text: str) -> bool:
    """:func:`run_row` but for the data rows: a :func:`bordered_row`, or a row with a pipe on
    one side only or tabs, of :data:`EDGE_ROW_MIN_CELLS` cells (empty ones count, not the
    border) with a letter or a digit.

    >>> _framed_row("| Castor, Klaus | |"), _framed_row("Beschluss | |"), _framed_row("x |")
    (True, True, False)
    """
    if bordered_row(text):
        return True
    t = text.strip()
    if t.startswith(PIPE):
        t = t[1:]
    elif t.endswith(PIPE):
        t = t[:-1]
    elif TAB not in t:
        return False
    scan = t[:MAX_SCAN_CHARS]
    return len(_COLUMN_SEP.split(scan)) >= EDGE_ROW_MIN_CELLS and any(map(str.isalnum, scan))


def _separator(text: str) -> bool:
    """A line of bare pipes ("|", "| |", "||||"): a rule between a table's rows.

    >>> _separator("| |"), _separator("| a |")
    (True, False)
    """
    t = text.strip()
    return t.startswith(PIPE) and not t.strip(PIPE + " " + TAB)


def table_rows(texts) -> list[int]:
    """Indices of the table rows among a page's lines ``texts``, in order: every
    :func:`data_row`, and every :func:`run_row` of a run holding at least
    :data:`TABLE_MIN_ROWS` different rows (a blank line or a :func:`_separator` does not end
    a run, any other line does). One pass; each line is read once.

    >>> table_rows(["Lire aussi", "Nice | 981.821 | +1,7% |", "Fin."])
    [1]
    >>> table_rows(["| Accueil |", "", "| Accueil |", "| Sport |", "| Sport |"])  # 2 rows
    []
    """
    rows: list[int] = []
    run: list[int] = []  # the current run's rows …
    alone: list[int] = []  # … its data rows (table rows whatever the run) …
    seen: set[str] = set()  # … and its different texts
    for i, text in enumerate([*texts, None]):  # (None closes the last run)
        if text is not None:
            if not text.strip() or _separator(text):
                continue
            if data_row(text):
                alone.append(i)
            if (alone and alone[-1] == i) or _framed_row(text):
                run.append(i)
                seen.add(text.strip())
                continue
        rows += run if len(seen) >= TABLE_MIN_ROWS else alone
        run, alone, seen = [], [], set()
    return rows


def row_shape(text: str) -> str | None:
    """The shape of a table row (``detectors._line_shape`` reads it): ``"table<k>"`` for a row
    of k cells split by pipes (``"table<k>#"`` when it holds a digit), ``"table|"`` for a
    :func:`bordered_row` of another shape, :func:`aligned_shape` for a row without a pipe.

    >>> row_shape("Socialistes | 62 | 1 | 1"), row_shape("| Rang | Film | Entrées |")
    ('table4#', 'table3')
    >>> row_shape("| Castor, Klaus | |"), row_shape("CLUB  PTS  J  G  N  P"), row_shape("Lire")
    ('table|', 'aligned', None)
    """
    if PIPE in text:
        # a row written with its outer borders ("| 2 | HHhH | 904 |") has the same cells
        cells = text.strip(" |").split(" | ")
        if len(cells) >= PIPE_ROW_MIN_CELLS and all(
            0 < len(c.strip()) <= PIPE_CELL_MAX_CHARS and PIPE not in c for c in cells
        ):
            tag = f"table{len(cells)}"
            return tag + "#" if any(c.isdigit() for c in text) else tag
        # empty cells or a merged row between outer pipes: "table|" (round 29)
        return "table|" if bordered_row(text) else None
    return aligned_shape(text)


def figure_row(text: str) -> bool:
    """A table row of figures written with a column separator (a pipe or a tab), whatever
    its borders: at least :data:`FIGURE_ROW_MIN_CELLS` cells that are not empty, most of
    them figures (numbers, percentages, amounts, scores, dates; see
    :data:`FIGURE_ROW_MIN_SHARE`). Data, never a tag cloud: a tag cloud is keywords. A
    pager ("1 | 2 | 3 | 4 | Suivant": its figures count up by one) is no table row. One
    pass over the line's first :data:`MAX_SCAN_CHARS` characters (round 30).

    >>> figure_row("Paris CDG | 6.028.780 | +7,2% | 16.481.542 | +5,7% |")
    True
    >>> figure_row("Lyon | 2-1 | 12/03/2024 | 15 km")
    True
    >>> figure_row("Accueil | Sport | Vidéo | 2024"), figure_row("« | 1 | 2 | 3 | 4 | Suivant")
    (False, False)
    """
    if PIPE not in text and TAB not in text:
        return False
    cells = figures = 0
    pager = True  # every figure a bare integer one more than the last
    last = None
    for cell in _COLUMN_SEP.split(text[:MAX_SCAN_CHARS]):
        c = cell.strip()
        if not c:
            continue
        cells += 1
        if len(c) > FIGURE_CELL_MAX_CHARS:
            continue
        digits = letters = 0
        for ch in c:
            if ch.isdigit():
                digits += 1
            elif ch.isalpha():
                letters += 1
        if not digits or letters > FIGURE_CELL_MAX_LETTERS or letters > digits:
            continue
        figures += 1
        if pager:
            value = int(c) if c.isdigit() and len(c) <= PAGER_MAX_DIGITS else None
            pager = value is not None and (last is None or value == last + 1)
            last = value
    return (
        cells >= FIGURE_ROW_MIN_CELLS
        and figures >= FIGURE_ROW_MIN_FIGURES
        and figures >= FIGURE_ROW_MIN_SHARE * cells
        and not pager
    )


def aligned_shape(text: str) -> str | None:
    """``"aligned#"`` for a row of a table written with aligned columns (at least
    :data:`ALIGNED_ROW_MIN_CELLS` cells split by two spaces or more, at least
    :data:`ALIGNED_ROW_MIN_FIGURES` of them figures, one with a letter), ``"aligned"`` for
    its header row (as many cells, none with a digit), else ``None``. A standings table
    copied from a results page keeps its columns this way; a tag cloud, a menu or a
    calendar's week of bare days has no such row (round 29, fr-r29-0017).

    >>> aligned_shape("1   R C AUBENAS VALS  8  2  2  0  0  4  0  0  0")
    'aligned#'
    >>> aligned_shape("CLUB  PTS  J  G  N  P  GA  PB  NEI  NF")
    'aligned'
    >>> aligned_shape("1  2  3  4  5  6  7"), aligned_shape("Accueil  Sport  Vidéo")
    (None, None)
    """
    if "  " not in text and TAB not in text:
        return None
    cells = _ALIGNED_SPLIT.split(text.strip()[:MAX_SCAN_CHARS])
    if len(cells) < ALIGNED_ROW_MIN_CELLS or any(
        not c or len(c) > PIPE_CELL_MAX_CHARS for c in cells
    ):
        return None
    figures = sum(1 for c in cells if _FIGURE_CELL.match(c))
    lettered = any(_LETTER.search(c) for c in cells)
    if figures >= ALIGNED_ROW_MIN_FIGURES and lettered:
        return "aligned#"
    if not any(ch.isdigit() for ch in text) and all(_LETTER.search(c) for c in cells):
        return "aligned"
    return None

"""A table printed one cell per line (a cricket scorecard) is the article's data, not a menu
of short links nor a column of counters (issue 10 item 4, round 34: en-r40-0002 lost its 26
scorecard lines to the menu-run, counter and tail-teaser rules); menus, pagers and counter
columns with no words between their figures still go."""

from __future__ import annotations

from _helpers import kept_lines, train_doc
from cleannews.config import CleanConfig
from cleannews.strip._tables import cell_table_lines

CFG = CleanConfig()
ARTICLE = (
    "Wilmington won the toss and batted on a lovely sunny day, and their wickets fell faster "
    "than anybody expected on a spiteful pitch, with some aggressive field placings.\n\n"
)


def test_the_cricket_scorecard_of_en_r40_0002_stays():
    doc, labelled = train_doc("en-r40-0002")
    kept = set(kept_lines(doc, CFG))
    card = [lb.text.strip() for lb in labelled if lb.content and lb.text.strip()]
    start = card.index("v WILMINGTON 78 for 10")
    lost = [t for t in card[start:] if t not in kept]
    assert not lost, lost
    assert {"Sam Field", "58 *", "C Perfitt", "16", "80 FOR 0 ---won"} <= kept


def test_a_scorecard_typed_one_cell_per_line_stays():
    card = ["Batting", "Runs", "Balls", "A Smith", "42", "51", "B Jones", "7 *", "12",
            "C Brown", "0", "3", "D White", "19", "22"]
    kept = kept_lines(ARTICLE + "\n\n".join(card) + "\n", CFG)
    assert [t for t in card if t not in kept] == []


def test_a_menu_of_short_words_still_goes():
    menu = ["Home", "News", "Sport", "Culture", "Science", "Weather", "Contact", "About us"]
    kept = kept_lines("\n".join(menu) + "\n\n" + ARTICLE, CFG)
    assert not set(menu) & set(kept)
    assert cell_table_lines(menu) == []


def test_a_long_run_of_numbers_is_no_table():
    pager = [str(k) for k in range(1, 40)]
    assert cell_table_lines(pager) == []
    assert cell_table_lines([*pager, "Next", "Last"]) == []
    kept = kept_lines(ARTICLE + "\n".join(pager) + "\n", CFG)
    assert not set(pager) & set(kept)


def test_a_menu_with_a_counter_or_two_is_no_table():
    # a share bar's counters among menu labels: figures, but too few alternations
    lines = ["Home", "News", "Sport", "12", "Share", "3", "Tweet", "Comments", "Login"]
    assert cell_table_lines(lines) == []


def test_a_long_line_ends_the_stretch():
    half = ["A Smith", "42", "B Jones", "7", "C Brown", "0"]
    prose = "A sentence of the article, long enough to be no cell of any table at all."
    assert cell_table_lines([*half, prose, *half]) == []


def test_categories_with_their_counts_are_no_table():
    widget = ["Football", "23", "Cricket", "12", "Tennis", "9", "Rugby", "7", "Golf", "4",
              "Athletics", "3", "Cycling", "2"]
    assert cell_table_lines(widget) == []

"""One copy of each repeated walk of the strip stage, same answers (issue 10, round 33).

* ``_assemble.nearest_standing`` (``detectors._standing`` moved) / ``next_standing``: the
  nearest non-blank line from an index, read from that index on; they replace the
  ``next((ln for ln in _lines_from(lines, j) if not ln.blank), None)`` copies of
  ``detectors``, the loops of ``ticker_times`` and ``_headzone._longest_headline_below``,
  and ``_widgets._furniture_next``'s ``islice(lines, i + 1, None)``, which walked the page
  from its first line for every run of dated headlines (quadratic on a long page).
* ``_ends_prose``: one definition, ``_pagekind``'s (``detectors`` had a copy).
* ``_assemble.kept_standing``: the indexes of the standing lines no rule removed, which
  ``_pagekind.page_kind`` and three passes of ``_widgets`` each listed with their own copy.
* ``detectors._is_kicker`` ends with ``_is_date_label`` instead of a copy of its date test.

The answers are checked against the idiom they replace on every line of the TRAIN pages
(development data) and on generated pages; the strip output's identity is the pins'
(``tests/test_strip_regression.py``, ``tests/test_clean_regression.py``) and
``benchmarks/strip_identity40.py``'s. On main's code (4031924a) every test here fails:
the helpers do not exist, ``detectors._ends_prose`` is a second function and
``_furniture_next`` pulls the page's lines from the start.
"""

from __future__ import annotations

import random

import pytest

from _helpers import train_pages
from cleannews.strip import _pagekind, _widgets, detectors
from cleannews.strip._assemble import kept_standing, nearest_standing, next_standing
from cleannews.strip.detectors import GOOD, _Line

PARA = ("Le conseil municipal a voté mardi le budget de la commune pour l'année prochaine, "
        "après un long débat sur la voirie et les écoles. ") * 6
#: A run of dated headlines (``_widgets.dated_headlines``: headline, its date alone, newest
#: first) and the paragraph under it.
FEED = ("Le maire répond aux critiques", "12/03/2026", "Un autre titre pour la page",
        "11/03/2026", "Troisième titre du jour ici", "10/03/2026", PARA)


def _old_next(lines, j):
    """The idiom the helpers replace."""
    return next((ln for ln in lines[max(j, 0):] if not ln.blank), None)


def _old_before(lines, i):
    """The nearest non-blank line above ``i`` (detectors' ``_standing(lines, i, -1)``)."""
    return next((lines[k] for k in range(i - 1, -1, -1) if not lines[k].blank), None)


def _lines(texts) -> list[_Line]:
    return [_Line(t, frozenset()) for t in texts]


@pytest.fixture
def train_line_lists() -> list[list[_Line]]:
    """Each TRAIN page's lines, new ``_Line`` objects for each test (some set classes)."""
    return [_lines(text.split("\n")) for _, text, _ in train_pages()]


def test_next_standing_is_the_idiom_on_every_train_line(train_line_lists):
    checked = 0
    for lines in train_line_lists:
        for j in range(len(lines) + 2):
            want = _old_next(lines, j)
            assert next_standing(lines, j) is want
            k = nearest_standing(lines, j - 1, 1)
            assert (lines[k] if k >= 0 else None) is want
            assert k == -1 or (k >= j and all(ln.blank for ln in lines[j:k]))
            if j < len(lines):
                k = nearest_standing(lines, j, -1)
                assert (lines[k] if k >= 0 else None) is _old_before(lines, j)
            checked += 1
    assert checked > 20_000  # 1,244 pages (round 33)


@pytest.mark.parametrize("seed", range(5))
def test_next_standing_on_generated_blank_runs(seed):
    rng = random.Random(seed)
    texts = [rng.choice(["", " ", "\t", "\u00a0", "Titre", "Un paragraphe."]) for _ in range(400)]
    lines = _lines(texts)
    for j in range(len(lines) + 1):
        assert next_standing(lines, j) is _old_next(lines, j)


def test_ticker_times_reads_the_entry_under_each_time():
    """ticker_times' walk is nearest_standing: blank lines between a time and its entry."""
    text = ["Liveticker", "20:40", "", "", "Die Sitzung ist geschlossen.", "20:39", "",
            "Der Landtag stimmt mit 25 Ja-Stimmen zu.", "20:38", " ",
            "Der Landtag stimmt über die Übergangslösung ab.", "20:37", "", ""]
    assert sorted(detectors.ticker_times(_lines(text))) == [1, 5, 8]


def test_one_ends_prose():
    assert detectors._ends_prose is _pagekind._ends_prose
    assert not hasattr(detectors, "_PROSE_END")


class _CountingPage(list):
    """A page whose iteration counts the lines it hands out (``islice`` skips through it)."""

    pulled = 0

    def __iter__(self):
        for ln in list.__iter__(self):
            _CountingPage.pulled += 1
            yield ln


def _feed_page(n: int) -> _CountingPage:
    page = _CountingPage(_lines((PARA, *FEED * n)))
    for ln in page:
        if ln.text == PARA:
            ln.cls = GOOD
    return page


def test_dated_headlines_reads_a_long_page_a_bounded_number_of_times():
    """``_furniture_next`` read from the line after the run: ``islice`` pulled every line
    above it, for each run (on main, ~4,000 pulls a line for 4,000 runs)."""
    pulls = []
    for n in (500, 2000):
        page = _feed_page(n)
        _CountingPage.pulled = 0
        _widgets.dated_headlines(page, "article")
        pulls.append(_CountingPage.pulled / len(page))
    assert pulls[1] <= 3, pulls  # linear: each line pulled about once by the whole pass


def test_furniture_next_is_the_idiom_on_train_lines(train_line_lists):
    rng = random.Random(33)
    for lines in train_line_lists[:200]:
        for ln in lines:
            if not ln.blank and rng.random() < 0.3:
                ln.cls = detectors.BAD
        for i in range(len(lines)):
            nxt = _old_next(lines, i + 1)
            assert _widgets._furniture_next(lines, i) is (nxt is None or nxt.cls == detectors.BAD)


def _old_is_kicker(ln) -> bool:
    """``_is_kicker`` as main wrote it (its own copy of the date-label test)."""
    if ln.cls is detectors.KEEP:
        return True
    if ln.text.endswith(("?", "!")):
        return False
    if ln.n <= detectors.KICKER_MAX_WORDS:
        return True
    return ln.n <= detectors.KICKER_DATE_MAX_WORDS and bool(
        detectors._DATELINE.search(ln.text) or detectors._CLOCK.search(ln.text)
    )


def test_is_kicker_is_main_s_on_every_train_line(train_line_lists):
    rng = random.Random(42)
    dated = 0
    for lines in train_line_lists:
        for ln in lines:
            if rng.random() < 0.1:
                ln.cls = detectors.KEEP
            assert detectors._is_kicker(ln) is _old_is_kicker(ln), ln.text
            dated += ln.cls is not detectors.KEEP and ln.n > detectors.KICKER_MAX_WORDS and (
                _old_is_kicker(ln)
            )
    assert dated > 100  # the date branch is reached


def test_kept_standing_is_the_comprehension_it_replaces(train_line_lists):
    rng = random.Random(7)
    for lines in train_line_lists:
        for ln in lines:
            if rng.random() < 0.3:
                ln.bad("menu_run", "a menu")
        want = [i for i, ln in enumerate(lines) if not ln.blank and ln.cls != detectors.BAD]
        assert kept_standing(lines) == want


#: A block of ``_keep.give_back_lone_item``'s shape: a "Read More" heading between two
#: paragraphs of an interview took the answer under it (the function's doctest).
LONE_ITEM_BLOCK = (
    "Yeah, it's her birthday party, and I'm brought in to sing for her friends.",
    "Read More", "Are you only singing? Or do you have a part in the plot?",
)


def _lone_item_page(head: int, n: int) -> _CountingPage:
    texts = ["Menu"] * head + list(LONE_ITEM_BLOCK * n) + [LONE_ITEM_BLOCK[0]]
    page = _CountingPage(_lines(texts))
    for k in range(head, len(page) - 1, 3):
        page[k + 1].bad("related_lead_en", "heading of a list of other articles")
        page[k + 2].bad("related_lead_en", "heading of a list of other articles "
                        "(item under that heading)")
    return page


def test_give_back_lone_item_reads_the_page_head_once():
    """Each given-back line asked for a paragraph at or above its heading through
    ``islice(lines, above + 1)`` from the page's first line: a long head of menu lines was
    read once per candidate (on main 88 pulls a line for 100 candidates under 2,000 menu
    lines, quadratic); the first paragraph is now found once."""
    from cleannews.strip._keep import give_back_lone_item

    for n in (100, 400):
        page = _lone_item_page(2000, n)
        _CountingPage.pulled = 0
        given = give_back_lone_item(page)
        assert given == list(range(2002, 2000 + 3 * n, 3))
        assert _CountingPage.pulled <= 3 * len(page), (n, _CountingPage.pulled / len(page))

"""Round 39 (perf54): exact speed-ups, same answers.

**The HTML path's vote walks once.** :func:`cleannews.strip.html._voted_content` took the
readability-like vote up to three times over the whole page (round 38: a first vote, a second
without the teaser cards' summaries, a third without the blocks inside links when those
decide the winner), each a walk over every voter of the page with its furniture look. The
page is now walked once (:func:`~cleannews.strip.html._voting_blocks`: the voting blocks,
their words and votes) and each vote is a tally over those blocks
(:func:`~cleannews.strip.html._tally_votes`). The pages are written by hand for the test.

**The plain-text strip stage's per-page setup.** Work each page paid before or besides its
lines, now done once per process or skipped by a necessary condition: the stage's modules
are imported with :mod:`cleannews.strip._page` and :mod:`cleannews.strip._widgets` (an
import statement in ``judge_page``, ``strip_languages`` and ``calendar_widget`` ran on every
page, six a page); a one-block document's folded text is joined and measured once
(:meth:`~cleannews.strip.detectors.LowBlocks.whole_block`, read by the plans and the
triggers); a line without a digit is no date label (no date or clock search).
"""

from __future__ import annotations

import builtins
import collections
import random
import sys
from itertools import pairwise

import pytest

import cleannews
from cleannews.strip import detectors as D
from cleannews.strip import html as H
from cleannews.strip import strip_text
from test_htmlsite53 import _page as schedule_page

CARD = ('<li><h3><a href="/a{0}">Titre du sujet numéro {0}</a></h3>'
        "<p>Un résumé de la suite, en quelques mots de plus, numéro {0}.</p></li>")


def _cards_and_schedule() -> str:
    """A page with a stream of teaser cards and a schedule of linked events around a short
    article: the vote is taken without the cards, then without the links."""
    cards = "<ul class=stream>" + "".join(CARD.format(i) for i in range(6)) + "</ul>"
    return schedule_page().replace("</main>", f"</main><aside>{cards}</aside>").replace(
        "<main>", f"<main><div class=more>{cards}</div>")


def _furniture_looks(page: str) -> collections.Counter[int]:
    """How often each element is looked at as a voter (its furniture look) in one
    :func:`main_content` call on ``page``."""
    looks: collections.Counter[int] = collections.Counter()
    original = H._in_furniture

    def spy(el, body, cache, keep=frozenset()):
        looks[id(el)] += 1
        return original(el, body, cache, keep)

    soup = H.parse_page(page)
    H._in_furniture = spy
    try:
        H.main_content(soup.body)
    finally:
        H._in_furniture = original
    return looks


@pytest.mark.parametrize("page", [schedule_page(), _cards_and_schedule()],
                         ids=["schedule", "cards+schedule"])
def test_each_voter_is_read_once(page):
    # round-start code: the second and third votes walked the page again (2 or 3 looks)
    looks = _furniture_looks(page)
    assert looks and max(looks.values()) == 1


@pytest.mark.parametrize("page", [schedule_page(), _cards_and_schedule()],
                         ids=["schedule", "cards+schedule"])
def test_a_tally_is_the_vote_without_the_skipped_blocks(page):
    soup = H.parse_page(page)
    body = soup.body
    tags = H._tags(body)
    stats = H._measure(body, tags)
    counts = H._prose_counts(body, tags)
    keep = H._holders(body, stats, H.MAIN_KEEP_TEXT_SHARE, tags)
    linked = H._link_wrapped(tags, counts)
    voting = H._voting_blocks(body, keep, counts, tags)
    cards = H._card_voters([(el, w) for el, w, _ in voting], tags, stats)
    assert linked
    for skip in (frozenset(), cards, linked, cards | linked):
        from_walk: dict[int, float] = {}
        from_tally: dict[int, float] = {}
        walked = H._votes(body, keep, counts, tags, skip, linked, from_walk)
        tallied = H._tally_votes(body, voting, skip, linked, from_tally)
        assert walked == tallied and from_walk == from_tally
        assert [el for el, _ in tallied[2]] == [
            el for el, _, _ in voting if id(el) not in skip]


PAGE = ("Le gouvernement a annoncé mardi une réforme des retraites, qui sera votée en mars.\n"
        "Partager sur Facebook\nLire aussi : la réforme en dix questions\n"
        "Les syndicats appellent à la grève le 12 mars prochain dans toute la France.")


def test_a_page_runs_no_import_statement():
    # round-start code: judge_page (4), strip_languages (1) and calendar_widget (1)
    # imported their modules on every page
    cfg = cleannews.CleanConfig()
    for text in (PAGE, "Un mot deux."):
        strip_text(text, cfg)  # first use: the stage's modules loaded, lazy patterns compiled
    original = builtins.__import__
    seen = []

    def spy(name, *args, **kwargs):
        seen.append((sys._getframe(1).f_code.co_name, name))
        return original(name, *args, **kwargs)

    builtins.__import__ = spy
    try:
        strip_text(PAGE, cfg)
        strip_text("Un mot deux.", cfg)
    finally:
        builtins.__import__ = original
    assert seen == []


def test_a_one_block_document_is_joined_once():
    # round-start code: the plans and the triggers each joined the lines' folded text
    lines = [D._Line(t, frozenset()) for t in PAGE.split("\n")]
    low = D.LowBlocks(lines)
    first, second = next(low.blocks()), next(low.blocks())
    assert first[0] is second[0] and first[0] == "\n".join(ln.low for ln in lines)


def _blocks_line_by_line(lines, block_chars):
    """The round-start :class:`LowBlocks` measure: bounds and blocks, line by line."""
    bounds, size = [0], 0
    for i, ln in enumerate(lines):
        if size and size + len(ln.low) >= block_chars:
            bounds.append(i)
            size = 0
        size += len(ln.low) + 1
    bounds.append(len(lines))
    out = []
    for a, b in pairwise(bounds):
        starts, pos = [], 0
        for ln in lines[a:b]:
            starts.append(pos)
            pos += len(ln.low) + 1
        out.append(("\n".join(ln.low for ln in lines[a:b]), a, starts))
    return bounds, out


def test_blocks_are_those_measured_line_by_line():
    rnd = random.Random(39)
    words = ["", "a", "Le mot", "Partager sur Facebook", "x" * 30, "ß", "İstanbul"]
    for _ in range(2000):
        lines = [D._Line(" ".join(rnd.choice(words) for _ in range(rnd.randint(0, 4))),
                         frozenset()) for _ in range(rnd.randint(0, 12))]
        block_chars = rnd.randint(1, 120)
        low = D.LowBlocks(lines, block_chars)
        bounds, blocks = _blocks_line_by_line(lines, block_chars)
        assert low.bounds == bounds
        assert list(low.blocks()) == blocks == list(low.blocks())


class _Spy:
    """A compiled pattern's ``search``, counted."""

    def __init__(self, pattern):
        self.pattern, self.calls = pattern, 0

    def search(self, text):
        self.calls += 1
        return self.pattern.search(text)


def test_a_line_without_a_digit_is_no_date_label_without_a_date_search(monkeypatch):
    # round-start code: the date and the clock patterns searched every short line
    dateline, clock = _Spy(D._DATELINE), _Spy(D._CLOCK)
    monkeypatch.setattr(D, "_DATELINE", dateline)
    monkeypatch.setattr(D, "_CLOCK", clock)
    labels = [D._Line(t, frozenset()) for t in ("Lokalnachrichten aus Bayern", "Politique")]
    dates = [D._Line(t, frozenset()) for t in ("11. Jan. 2026 17:32", "Mis à jour à 9h05")]
    assert [D._is_date_label(ln) for ln in labels] == [False, False]
    assert dateline.calls == clock.calls == 0
    assert [D._is_date_label(ln) for ln in dates] == [True, True]

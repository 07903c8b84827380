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
page, six a page); a line without a digit is no date label (no date or clock search). (The
branch also joined a one-block document's folded text once for the plans and the triggers;
the lead took that part out at the merge: no instruction count showed a gain.)
"""

from __future__ import annotations

import builtins
import collections
import sys

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

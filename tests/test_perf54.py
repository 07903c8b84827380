"""Round 39 (perf54): exact speed-ups, same answers.

**The HTML path's vote walks once.** :func:`cleannews.strip.html._voted_content` took the
readability-like vote up to three times over the whole page (round 38: a first vote, a second
without the teaser cards' summaries, a third without the blocks inside links when those
decide the winner), each a walk over every voter of the page with its furniture look. The
page is now walked once (:func:`~cleannews.strip.html._voting_blocks`: the voting blocks,
their words and votes) and each vote is a tally over those blocks
(:func:`~cleannews.strip.html._tally_votes`). The pages are written by hand for the test.
"""

from __future__ import annotations

import collections

import pytest

from cleannews.strip import html as H
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

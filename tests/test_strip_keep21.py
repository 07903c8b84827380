"""Strip stage, twenty-first round (issue 10, point 4, branch keep21): article lines the text
path removed on pages unlike its TRAIN pages (the stress set's losses grouped by rule and
shape), and the furniture next to them that still goes.

* **A date badge on a page printed with a blank line between its lines**
  (``_keep.give_back_date_badge``): "30 settembre 2021" / "" / "21:25" — the time under a
  kept date went as a video's duration, the day "16" under "Jun" as a counter, because the
  badge was read as consecutive non-blank lines only: a blank line between its pieces left
  each piece alone. TRAIN pages printed that way (``"\\n\\n".join(lines)``, as many sites'
  text is) lost 9 badge lines that the same pages printed line by line keep.

Inputs: labelled TRAIN pages of ``fixtures/strip_real`` (the ``train_page`` fixture checks
the split; no held-out page is read). Development data: the guards were written looking at
these lines and at the stress set (``tools.strip_model.stress``) built from them.
"""

from __future__ import annotations

import pytest

from cleannews import CleanConfig
from cleannews.evaluate import removed_lines
from cleannews.strip import strip_text
from cleannews.strip._keep import BADGE_MAX_BLANKS, give_back_date_badge
from cleannews.strip.detectors import _Line

CFG = CleanConfig(score_spin=False)


def _spaced_out(train_page, page_id: str, blanks: int = 1) -> dict[str, list[tuple[bool, bool]]]:
    """The TRAIN page ``page_id`` printed with ``blanks`` blank lines between all its lines:
    ``{labelled text: [(content?, kept?), …]}`` (one pair per occurrence)."""
    doc, labelled = train_page(page_id)
    sep = "\n" * (blanks + 1)
    spaced = sep.join(doc.split("\n"))
    gone = removed_lines(spaced, strip_text(spaced, CFG).changes)
    got: dict[str, list[tuple[bool, bool]]] = {}
    for lb in labelled:
        if lb.text.strip():
            assert lb.line >= 0
            got.setdefault(lb.text.strip(), []).append(
                (lb.content, not gone[lb.line * (blanks + 1)]))
    return got


# --- date badges across blank lines (_keep.give_back_date_badge) -------------------------

BADGES = [
    # "Jun" / "16" above a headline, "Mai" / "25": the line model and a counter took them
    ("de-e-0015", ["Jun", "16", "Mai", "25"]),
    # "25" / "Ene" / "2018" above the headline: a counter and a menu run
    ("es-e-0005", ["25", "Ene", "2018"]),
    # the time under a kept date line of a news feed: a video's duration, seen alone
    ("it-e-0006", ["21:25", "06:30"]),
    ("it-e-0007", ["01:09"]),
]


@pytest.mark.parametrize(("page_id", "texts"), BADGES, ids=[b[0] for b in BADGES])
def test_date_badge_of_a_double_spaced_page_stays(train_page, page_id, texts):
    """Printed with a blank line between its lines, the page keeps its date badge, as it does
    printed line by line. Before: each piece stood alone between blank lines and went."""
    got = _spaced_out(train_page, page_id)
    for t in texts:
        flags = [ok for content, ok in got[t] if content]
        assert flags, t  # labelled content
        assert all(flags), (page_id, t)


GONE = [
    # a calendar widget's day numbers between furniture
    ("fr-e-0031", ["28", "29", "30"]),
    # a comment counter "0" above a kept date line "20 Septembre 2025, 08:15"
    ("fr-g-0007", ["0"]),
    # "Read more" links between the teasers of the date-badge page
    ("de-e-0015", ["Weiterlesen »"]),
    # the cookie notice right above the badge
    ("es-e-0005", ["Utilizamos cookies propias y de terceros para mejorar nuestros servicios "
                   "y mostrarle publicidad relacionada con sus preferencias mediante el "
                   "análisis de sus hábitos de navegación."]),
]


@pytest.mark.parametrize("blanks", [0, 1])
@pytest.mark.parametrize(("page_id", "texts"), GONE, ids=[g[0] for g in GONE])
def test_furniture_next_to_badges_still_goes(train_page, page_id, texts, blanks):
    """The look-alike furniture of those pages goes whether the page is printed line by line
    or double-spaced."""
    got = _spaced_out(train_page, page_id, blanks)
    for t in texts:
        flags = [ok for content, ok in got[t] if not content]
        assert flags, t  # labelled furniture
        assert not any(flags), (page_id, blanks, t)


def _badge_lines(texts: list[str]) -> list:
    lines = [_Line(t, frozenset()) for t in texts]
    for ln in lines:
        if ln.text.strip() in {"16", "21:25"}:
            ln.bad("video_widget", "a video's duration")
    return lines


def test_two_blank_lines_end_a_badge():
    """At most :data:`BADGE_MAX_BLANKS` blank line between two pieces: a second blank line
    ends the badge, the time under it stands alone (a duration) and stays removed."""
    assert BADGE_MAX_BLANKS == 1
    head = "Attivisti per l’ambiente con le tende in piazza Affari, davanti alla Borsa."
    one = _badge_lines([head, "", "30 settembre 2021", "", "21:25", "", head])
    assert give_back_date_badge(one) == [4]
    two = _badge_lines([head, "", "30 settembre 2021", "", "", "21:25", "", head])
    assert give_back_date_badge(two) == []

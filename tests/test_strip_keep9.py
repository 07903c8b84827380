"""Content protection, ninth round (issue 10, branch strip-keep9): article lines of the
round-9 TRAIN batches (sites no rule author had read) that shape and position rules took,
and the look-alike furniture of TRAIN pages that still goes.

Every line is a real labelled line of a TRAIN page of ``fixtures/strip_real`` (the helper
checks the split and the label; no held-out page is read). Development data: the guards of
``strip/_keep.py`` and ``_listing_bylines`` were written looking at these pages.
"""

from __future__ import annotations

import pytest

from _helpers import assert_lines_kept, assert_lines_removed
from cleannews import CleanConfig
from cleannews.strip import strip_text
from cleannews.strip._keep import _date_piece, _seconds

CFG = CleanConfig(score_spin=False)


# --- content lost on main, kept now -------------------------------------------------------

KEPT = [
    # date badges split over lines ("Jun" / "16" above a headline): line model, counters
    ("de-e-0015", ["Jun", "16", "Mai", "25"]),
    ("es-e-0005", ["25", "Ene", "2018"]),
    # the time under a kept date of a news feed (a video duration, seen alone)
    ("it-e-0006", ["21:25", "06:30"]),
    ("it-e-0007", ["01:09"]),
    # a video's chapter list under "Petit résumé de la vidéo de la dernière séance."
    ("fr-e-0039", ["00:00:00", "Tout le monde s’installe", "00:01:34", "Ça commence",
                   "00:02:01", "00:04:57"]),
    # titles printed with their quotes on lines of their own ("«" / "Phèdre" / "!" / "».")
    ("fr-f-0011", ["Phèdre", "Rage dedans", "Rita", "Final cut", "Frie Leysen"]),
    # an author's listing: the author's name between each headline and its teaser
    ("fr-f-0020", ["Félix Forget"]),
    # a listing's headline under the previous item's "Read More", above its own teaser
    ("fr-e-0008", ["Incendie de véhicules électriques : les pompiers face aux dangers des "
                   "batteries au lithium, “nous faisons preuve d’une vigilance accrue”"]),
]


@pytest.mark.parametrize(("page_id", "texts"), KEPT, ids=[k[0] for k in KEPT])
def test_round9_content_lines_kept(page_out, page_id, texts):
    got = page_out(page_id)
    assert_lines_kept(got, texts, page_id)


def test_listing_bylines_kept_every_time(page_out):
    """fr-f-0020: each of the author's name's occurrences stays (one per teaser)."""
    flags = [ok for content, ok in page_out("fr-f-0020")["Félix Forget"] if content]
    assert len(flags) >= 8 and all(flags)


# --- look-alike furniture that still goes -------------------------------------------------

GONE = [
    # a calendar widget: a month, a year and day numbers, between furniture
    ("fr-e-0031", ["28", "29", "30"]),
    # a comment counter "0" above a kept date line "20 Septembre 2025, 08:15"
    ("fr-g-0007", ["0"]),
    # the lone punctuation lines around the quoted titles
    ("fr-f-0011", ["«", "».", ": «", "!"]),
    # "Read more" links between teasers of the date-badge page
    ("de-e-0015", ["Weiterlesen »"]),
    # a person's name repeated as a caption and a meta line (no teaser under it)
    ("fr-a-0086", ["Etienne Tshisekedi"]),
    # the "Read More" links between the listing's items
    ("fr-e-0008", ["Read More"]),
    # a video's duration alone
    ("es-c-0012", ["date 2022-12 25:06"]),
]


@pytest.mark.parametrize(("page_id", "texts"), GONE, ids=[g[0] for g in GONE])
def test_lookalike_furniture_still_goes(page_out, page_id, texts):
    got = page_out(page_id)
    assert_lines_removed(got, texts, page_id)


# --- the shapes -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "piece"), [
    ("Jun", "month"), ("Ene.", "month"), ("16", "day"), ("0", ""), ("2018", "year"),
    ("21:25", "clock"), ("30 settembre 2021", "date"), ("Home", ""),
    ("La 13e édition du festival aura lieu du 28 au 31 mars courant", ""),
])
def test_date_piece(text, piece):
    assert _date_piece(text) == piece


def test_timecodes():
    assert [_seconds(t) for t in ("00:00:00", "00:04:57", "25:06", "1:02:03", "Rita")] == [
        0, 297, 1506, 3723, -1]


def test_adversarial_long_lines_pass_the_guards():
    """A 1 MB line of digits and colons, of punctuation, of month names: the guards' patterns
    are anchored and linear."""
    for line in ("1:" * 500_000, "« " * 500_000, "mai " * 250_000):
        doc = f"Un titre\n{line}\nJun\n16\nUn paragraphe de l’article qui dit ce qui s’est passé.\n"
        assert strip_text(doc, CFG).text

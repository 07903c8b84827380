"""Keep guards read a run of removed lines a bounded number of times (linear time; review of
round 30).

``_keep.give_back_subheading`` looked, for every candidate subheading, at every removed line
under it to the end of the run, though it gives up past ``SUBHEADING_MAX_WIDGETS`` of them:
a page of many short numbered lines that the short-block rule took ("1. Appel nominatif",
"Año 2015", "TITOLO II" repeated) made it quadratic — 0.83 MB took 35 s in strip on round 29's
code and 3 s now. The reads are counted here, not timed.
"""

from __future__ import annotations

from cleannews.strip import _keep
from cleannews.strip.detectors import _Line

PARAGRAPH = ("Le conseil municipal a voté le budget de la commune pour l’année prochaine et le "
             "maire a parlé longuement de la voirie.")


class _CountingLines(list):
    """A list of lines that counts how often a line is read by index."""

    reads = 0

    def __getitem__(self, k):
        type(self).reads += 1
        return super().__getitem__(k)


def _page(candidates: int) -> _CountingLines:
    texts = [PARAGRAPH] + [f"{k}. Appel nominatif du conseil" for k in range(candidates)]
    lines = _CountingLines(_Line(t, frozenset({"le", "la", "de", "du", "et"})) for t in texts)
    for ln in lines[1:]:
        ln.bad("context", "short block surrounded by boilerplate")
    lines.append(_Line(PARAGRAPH, frozenset()))
    return lines


def test_give_back_subheading_reads_a_removed_run_a_bounded_number_of_times():
    reads = []
    for n in (500, 2000):
        lines = _page(n)
        _CountingLines.reads = 0
        given = _keep.give_back_subheading(lines)
        reads.append(_CountingLines.reads)
        # only the last candidates have at most SUBHEADING_MAX_WIDGETS removed lines under
        # them before the kept paragraph; they share "conseil" with it and come back
        assert given == list(range(n - _keep.SUBHEADING_MAX_WIDGETS, n + 1))
    per_line = [r / n for r, n in zip(reads, (500, 2000), strict=True)]
    assert per_line[1] <= (_keep.SUBHEADING_MAX_WIDGETS + 3) * 2, per_line  # quadratic: ~1,000
    assert per_line[1] <= per_line[0] * 1.5, per_line  # the same work per line at 4× the size


def test_a_numbered_menu_stays_taken_and_a_spread_sequence_goes_back():
    """Review of round 30: ``give_back_numbered`` gave back a menu "Rubrique 0" … "Rubrique
    11" (tests/test_html_fr2.py failed in CI). A label's small numbers printed line after line
    are a menu or a pager; with other lines between the items (a regulation's articles) they
    are the document's structure (round 32: ``_sequences.numbered_lines`` marks them before
    the rules run, instead of the give-back)."""
    from cleannews.strip._sequences import numbered_lines

    menu = [_Line(f"{label} {k}", frozenset()) for label in ("Rubrique", "Page")
            for k in range(1, 6)]
    assert numbered_lines(menu) == []
    spread = []
    for k in range(1, 5):
        spread += [_Line(f"Art. {k}", frozenset()), _Line(PARAGRAPH, frozenset())]
    assert numbered_lines(spread) == [0, 2, 4, 6]

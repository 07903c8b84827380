"""Round 40 (perf55): the strip stage's per-line cost, read-more labels by page.

``_glued_links`` asked every line of a page (4,850 lines of every 4th document of
``bench_pipeline.corpus()``) whether a read-more link closes it
(:meth:`cleannews.strip._rules.RuleSet.glued_label_start`): each line's last 320 characters
lowered and tested for each label. Two pages in three hold no label at all: one test of the
page's lowered text (:meth:`cleannews.strip._readmore.TailLinks.in_lines`) now rules all their
lines out. These tests count the lines looked at, not time, and check that the page's answer
never hides a line's.
"""

from __future__ import annotations

import pytest

from _helpers import train_pages
from cleannews import CleanConfig

CFG = CleanConfig(score_spin=False)

#: A page of prose lines (each long enough to carry a glued link) holding no read-more label.
PROSE = "\n\n".join(
    f"Le conseil municipal a voté le budget numéro {k} de la ville pour l'année prochaine."
    for k in range(30)
)


@pytest.fixture(scope="module")
def rules():
    from cleannews.strip._rules import load_rules

    return load_rules(("fr", "en", "de", "es", "it"))


@pytest.fixture(scope="module")
def train_lines() -> list[list[str]]:
    """The lines of every TRAIN page as the strip stage reads them (stripped, mapped)."""
    from cleannews.strip._rules import match_text

    return [
        [match_text(x.strip()) for x in page.split("\n") if x.strip()]
        for _, page, _ in train_pages()
    ]


def _count_starts(monkeypatch) -> list[str]:
    """Record the lines :meth:`TailLinks.start` is asked about."""
    from cleannews.strip._readmore import TailLinks

    asked: list[str] = []
    real = TailLinks.start

    def start(self, text: str) -> int:
        asked.append(text)
        return real(self, text)

    monkeypatch.setattr(TailLinks, "start", start)
    return asked


def test_a_page_without_a_label_scans_no_line(monkeypatch, rules):
    """30 prose lines, no label: no line is scanned (round-start code: each of the 30)."""
    from cleannews.strip import strip_text

    asked = _count_starts(monkeypatch)
    assert strip_text(PROSE, CFG).text.count("\n\n") == 29
    assert asked == []  # round-start code: 30 lines
    assert not rules.glued_labels_in(PROSE.split("\n"))


def test_a_page_with_a_label_still_scans_its_lines(monkeypatch):
    """The same page with "Lire la suite" glued after a cut summary: its lines are scanned
    and the link goes."""
    from cleannews.strip import strip_text

    page = PROSE + "\n\nLe maire a présenté le projet aux habitants du quartier [...] Lire la suite"
    asked = _count_starts(monkeypatch)
    out = strip_text(page, CFG).text
    assert len(asked) >= 30
    assert "Lire la suite" not in out and "habitants du quartier" in out


def test_train_pages_without_a_label_are_not_scanned(monkeypatch, rules):
    """On TRAIN pages: the lines scanned all come from pages holding a label, and most pages
    hold none (on the round-start code every line of every page was scanned)."""
    from cleannews.strip import strip_text

    pages = [page for _, page, _ in train_pages()][::5]
    asked = _count_starts(monkeypatch)
    ruled_out = 0
    for page in pages:
        before = len(asked)
        strip_text(page, CFG)
        if not rules.glued_labels_in(page.split("\n")):
            ruled_out += 1
            assert len(asked) == before, page[:80]
    assert ruled_out > len(pages) // 3, (ruled_out, len(pages))


def test_the_page_answer_never_hides_a_line(rules, train_lines):
    """Every TRAIN line: a page the test rules out has no line (nor line head)
    :meth:`TailLinks.start` finds a link on; a page with a read-more link glued to one of its
    lines is not ruled out."""
    links = rules._tail_links
    ruled_out = 0
    for lines in train_lines:
        if not rules.glued_labels_in(lines):
            ruled_out += 1
            # each line, and its head before its last word (``_glued_link_before_date``
            # reads the text before a date)
            assert all(links.start(x) == -1 for x in lines)
            assert all(links.start(x[: x.rfind(" ")]) == -1 for x in lines if " " in x)
        if lines:
            glued = [*lines, lines[0] + " [...] Lire la suite"]
            assert rules.glued_labels_in(glued)
            assert links.start(glued[-1]) >= 0
    assert ruled_out > 100, ruled_out


def test_a_label_with_a_sigma_keeps_every_page():
    """``str.lower`` lowers a final sigma by its context: a label holding a sigma is never
    ruled out by the page's text."""
    from cleannews.strip._readmore import TailLinks

    links = TailLinks({"διαβάστε περισσότερα"}, set())
    assert links.in_lines(["rien ici"])
    assert not TailLinks({"lire la suite"}, set()).in_lines(["rien ici"])


def test_lines_are_lowered_by_chunks():
    """The lines are tested by chunks (no lowered copy of a long page): a label in the last
    chunk is found; a line longer than a chunk is not ruled out (its tail is read line by
    line, as before)."""
    from cleannews.strip._readmore import IN_LINES_CHUNK_CHARS, TailLinks

    links = TailLinks({"lire la suite"}, set())
    many = ["Le conseil municipal a voté le budget."] * (3 * IN_LINES_CHUNK_CHARS // 38)
    assert not links.in_lines(many)
    assert links.in_lines([*many, "Le budget [...] Lire la suite"])
    assert links.in_lines(["x" * (IN_LINES_CHUNK_CHARS + 1)])

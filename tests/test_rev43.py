"""Review of round 33's changes: the mends (issue 10, round 33).

Each mend keeps its output and does the work once: ``cleannews.evaluate._parse_label_line``
reads a bracketed content line with one ``⟦…⟧`` split, ``tools/strip_model/transfer.clean_page``
aligns a page once (a line's survival read from ``unit_rows``' rows), and
``_helpers.assert_content_parts_stay`` judges a line as the evaluator does (``_survival``).
docs/strip-history.md, "Review of round 33's changes (issue 10, round 33)".
"""

from __future__ import annotations

import pytest

import cleannews.evaluate as ev
from _helpers import assert_content_parts_stay, train_doc, train_pages

#: en-r35-0002's content line with a span inside it ("… 193 votes. ⟦Advertisement ⟧(7-seater …").
INNER_SPAN_PAGE, INNER_SPAN_START = "en-r35-0002", "Monday, June 10"


def _raw(lb: ev.Labelled) -> str:
    """The label line of a parsed bracketed content line, brackets put back."""
    parts = [lb.pieces[0]]
    for span, piece in zip(lb.glued, lb.pieces[1:], strict=True):
        parts += ["⟦", span, "⟧", piece]
    return "C| " + "".join(parts)


def _bracketed() -> list[ev.Labelled]:
    return [lb for _, _, labelled in train_pages() for lb in labelled if lb.glued]


class _CountingGlue:
    """``evaluate._GLUE`` that counts the scans of the text (findall / sub / split …)."""

    def __init__(self, pattern) -> None:
        self.pattern, self.scans = pattern, 0

    def __getattr__(self, name: str):
        method = getattr(self.pattern, name)

        def counted(*args, **kwargs):
            self.scans += 1
            return method(*args, **kwargs)

        return counted


def test_a_bracketed_line_parses_back_to_itself():
    """Every bracketed TRAIN content line: spans and pieces alternate, the pieces join to
    ``keep``, the text is the line without its brackets (129 spans in 126 lines, round 32)."""
    lines = _bracketed()
    assert len(lines) >= 120 and sum(len(lb.glued) for lb in lines) >= 129
    for lb in lines:
        assert len(lb.pieces) == len(lb.glued) + 1
        assert "".join(lb.pieces) == lb.keep
        again = ev._parse_label_line(_raw(lb))
        assert (again.text, again.keep, again.glued, again.pieces) == (
            lb.text, lb.keep, lb.glued, lb.pieces)


@pytest.mark.parametrize("raw, glued, pieces", [
    ("C| a⟦b⟧c⟦d⟧", ["b", "d"], ["a", "c", ""]),
    ("C| ⟦x⟧ y", ["x"], ["", " y"]),
    ("C| a⟦b⟧⟦c⟧", ["b", "c"], ["a", "", ""]),
    ("C| a⟦b", [], []),  # unbalanced: no span, the text as it is
    ("C| plain", [], []),
])
def test_edge_cases_of_the_brackets(raw, glued, pieces):
    lb = ev._parse_label_line(raw)
    assert (lb.glued, lb.pieces) == (glued, pieces)
    assert lb.keep == ("".join(pieces) if glued else raw[3:])


def test_a_bracketed_line_is_scanned_once(monkeypatch):
    """One ``_GLUE`` scan a C line (main at 219ababc: three, findall + sub + split)."""
    counting = _CountingGlue(ev._GLUE)
    monkeypatch.setattr(ev, "_GLUE", counting)
    lines = _bracketed()[:20]
    for lb in lines:
        ev._parse_label_line(_raw(lb))
    assert counting.scans == len(lines)


def _judge_calls(monkeypatch) -> list[int]:
    calls = [0]
    judge = ev._judge

    def counted(*args, **kwargs):
        calls[0] += 1
        return judge(*args, **kwargs)

    monkeypatch.setattr(ev, "_judge", counted)
    return calls


def test_transfer_aligns_a_page_once_and_keeps_its_removals(monkeypatch):
    """``clean_page`` runs the page's alignment once (main: twice, ``_survival`` then
    ``unit_rows``) and marks removed exactly the lines ``_survival`` says are lost."""
    from tools.strip_model import transfer

    pages = [p for p in train_pages() if any(lb.glued for lb in p[2])][:3]
    assert len(pages) == 3
    for rec, doc, labelled in pages:
        d = transfer.cleannews.clean(doc, transfer.EVAL_CONFIG)
        visible = "\n".join(lb.text for lb in labelled)
        want = ev._survival(labelled, d.text, visible, ev.removed_lines(doc, d.changes))
        calls = _judge_calls(monkeypatch)
        removals, rows = transfer.clean_page(rec, doc, labelled, {})
        monkeypatch.undo()
        assert calls[0] == 1, rec["id"]
        assert [r.removed for r in removals] == [
            not s for lb, s in zip(labelled, want, strict=True) if not lb.whitespace]
        assert len(rows) == len(labelled) + sum(len(lb.glued) for lb in labelled if lb.content)


def test_content_parts_helper_judges_as_the_evaluator(monkeypatch):
    """A span inside a line left in: the evaluator counts the line kept, and so does the
    helper (main's helper looked for the two pieces joined and failed); the line gone: it
    fails."""
    _, labelled = train_doc(INNER_SPAN_PAGE)
    lb = next(x for x in labelled if x.glued and x.text.startswith(INNER_SPAN_START))
    assert len(lb.pieces) == 2 and all(lb.pieces)
    every_line = "\n".join(x.text for x in labelled)  # every line as labelled, spans left in
    monkeypatch.setattr(ev, "_clean_traced", lambda d, html: (every_line, None))
    assert ev._survival(labelled, every_line, every_line)[labelled.index(lb)]
    assert_content_parts_stay(INNER_SPAN_PAGE, [lb.text.strip()])
    without = "\n".join(x.text for x in labelled if x is not lb)
    monkeypatch.setattr(ev, "_clean_traced", lambda d, html: (without, None))
    with pytest.raises(AssertionError):
        assert_content_parts_stay(INNER_SPAN_PAGE, [lb.text.strip()])

"""Structural memory facts of ``clean`` (the figures live in ``benchmarks/bench_pipeline.py``).

No size is measured here: each test checks that a copy of the text is not made
or not kept where the pipeline promises so.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import cleannews
from cleannews import pipeline
from cleannews._lines import split_lines

ROOT = Path(__file__).resolve().parents[1]


def test_clean_returns_an_unchanged_document_itself() -> None:
    """Nothing to repair or strip: ``doc.text`` is the input ``str``, not a copy."""
    text = "Un titre\n\nUn paragraphe sur l’économie française, qui « résiste ».\n"
    doc = cleannews.clean(text)
    assert doc.changes == []
    assert doc.text is text


def test_repaired_text_is_not_kept_once_stripped(monkeypatch) -> None:
    """The repair result hands its text over to strip: after ``clean``, the object
    that carried the repaired text holds nothing (one copy of the document alive
    at a time, not one per stage)."""
    seen = []
    real = pipeline._repair_stage

    def spy(text, config):
        seen.append(real(text, config))
        return seen[-1]

    monkeypatch.setattr(pipeline, "_repair_stage", spy)
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0].read_text("utf-8")
    text = "L\u00c3\u00a9t\u00c3\u00a9 sera chaud.\n\n\n" + seed + "\nPartager :\n"
    doc = cleannews.clean(text)
    assert {c.stage for c in doc.changes} >= {"repair", "strip"}
    assert len(seen) == 1 and seen[0].text == ""


def test_line_ends_share_their_int_with_the_next_line_start() -> None:
    """``split_lines``: one ``int`` object per line boundary, not two equal ones."""
    text = "a\n" * 300 + "\n\nfin"
    lines = split_lines(text)
    assert len(lines) == 303
    assert all(a[2] is b[0] for a, b in pairwise(lines))

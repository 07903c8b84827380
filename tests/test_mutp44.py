"""Mutation check of modules never sampled (round 34): ``pipeline.py`` and ``_explain.py``.

Mutants were drawn per function (every function of each module hit: comparison flips,
integers ±1, ``and``/``or`` and ``not`` swaps, statements deleted, call arguments swapped,
an early ``return None``), and each was run against the test files that call the module's
code and its doctests; the runs, the equivalent mutants and what was left: the section
"Mutation check of the pipeline and the explanation (round 34)" of the fragment
``mutp44.docs.md``. Each test here kills mutants those test sets let live (named in its
docstring); all pass on main's code.
"""

from __future__ import annotations

import cleannews
from cleannews import pipeline

# --- pipeline.py -----------------------------------------------------------------------------


class _NoEncode(str):
    """A text whose UTF-8 bytes may not be asked for (the size limit's fast path)."""

    def encode(self, *args, **kwargs):  # noqa: D401 - a trap
        raise AssertionError("encoded")


def test_input_size_of_a_short_text_does_not_encode_it():
    """``input_size`` counts a text whose characters cannot reach the limit (4 bytes each at
    most) by its length, without making a UTF-8 copy of it (a 100 MB text under a 1 GB
    limit was copied once more). Kills ``return len(value)`` -> ``pass`` (line 136)."""
    assert pipeline.input_size(_NoEncode("é" * 25), 100) == 25
    assert pipeline.input_size("é" * 25, 99) == 50  # may be above it: counted in bytes


def test_changes_are_in_input_order_when_two_start_together():
    """``doc.changes`` is sorted by span, end included: the crawler header's change (0, 14)
    before the note that the whole input was read as Windows-1252 (0, 53), which the
    decoding recorded first. Kills the sort key ``(start, start)`` (line 185)."""
    doc = cleannews.clean(b" date 2025-02 Un titre\n\nLe conseil a vot\xe9 le budget.\n")
    spans = [c.span for c in doc.changes]
    assert [c.rule for c in doc.changes] == ["crawler_metadata", "decode_cp1252"]
    assert spans == sorted(spans) == [(0, 14), (0, 53)]

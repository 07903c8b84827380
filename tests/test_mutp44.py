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

    def encode(self, *args, **kwargs):  # a trap
        raise AssertionError("encoded")


def test_input_size_of_a_short_text_does_not_encode_it():
    """``input_size`` counts a text whose characters cannot reach the limit (4 bytes each at
    most) by its length, without making a UTF-8 copy of it (a 100 MB text under a 1 GB
    limit was copied once more). Kills ``return len(value)`` -> ``pass`` (line 136)."""
    assert pipeline.input_size(_NoEncode("é" * 25), 100) == 25
    assert pipeline.input_size("é" * 25, 99) == 50  # may be above it: counted in bytes


def test_repair_keeps_the_id_as_clean_does():
    """``repair(…, id=…)`` keeps the id as ``clean`` does (:func:`pipeline.document_id`): a
    number or a path as text, a blank string as none, a list refused. Kills ``id =
    document_id(id)`` -> ``pass`` in ``repair`` (line 199: the int 7 and the ``Path`` were
    kept, and ``doc.to_json()`` failed on the path)."""
    import json
    import pathlib

    import pytest

    for given, kept in ((7, "7"), (pathlib.Path("corpus/a.txt"), "corpus/a.txt"), (" ", None)):
        doc = cleannews.repair("Le conseil a voté.", id=given)
        assert doc.id == kept == cleannews.clean("Le conseil a voté.", id=given).id
        assert json.loads(doc.to_json())["id"] == kept
    with pytest.raises(cleannews.InputError, match="id must be a str"):
        cleannews.repair("Le conseil a voté.", id=["a"])


def test_changes_are_in_input_order_when_two_start_together():
    """``doc.changes`` is sorted by span, end included: the crawler header's change (0, 14)
    before the note that the whole input was read as Windows-1252 (0, 53), which the
    decoding recorded first. Kills the sort key ``(start, start)`` (line 185)."""
    doc = cleannews.clean(b" date 2025-02 Un titre\n\nLe conseil a vot\xe9 le budget.\n")
    spans = [c.span for c in doc.changes]
    assert [c.rule for c in doc.changes] == ["crawler_metadata", "decode_cp1252"]
    assert spans == sorted(spans) == [(0, 14), (0, 53)]


def test_the_html_hint_is_a_warning_naming_the_callers_line(monkeypatch):
    """Where no handler shows the ``cleannews`` logger's warnings (a script; pytest's log
    capture is one, so the doctest never reached this branch), the HTML hint is a
    ``UserWarning`` whose file and line are the caller's, not the package's. Kills
    ``here = …`` -> ``pass`` in ``_say_to_caller`` (line 328: ``NameError``)."""
    import warnings

    monkeypatch.setattr(pipeline, "_HTML_HINT_SAID", False)
    monkeypatch.setattr(pipeline, "_logs_shown", lambda log: False)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        line = __import__("inspect").currentframe().f_lineno + 1
        cleannews.clean("<!DOCTYPE html><html><body><p>Le conseil a voté.</p></body></html>")
    [w] = seen
    assert w.category is UserWarning and "looks like HTML" in str(w.message)
    assert (w.filename, w.lineno) == (__file__, line)


def test_logs_shown_reads_levels_and_propagation():
    """``_logs_shown``: a handler above WARNING writes no warning; a parent's handler counts
    only while the child propagates; a logger silenced below ERROR is "shown" (the hint is
    not turned into a Python warning either)."""
    import logging

    parent = logging.Logger("parent")
    child = logging.Logger("parent.child")
    child.parent = parent
    loud = logging.StreamHandler()
    loud.setLevel(logging.WARNING)  # exactly: it writes warnings
    quiet = logging.StreamHandler()
    quiet.setLevel(logging.ERROR)
    parent.addHandler(quiet)
    assert not pipeline._logs_shown(child)
    parent.addHandler(loud)
    assert pipeline._logs_shown(child)
    child.propagate = False
    assert not pipeline._logs_shown(child)
    silenced = logging.Logger("silenced", logging.ERROR)  # a fresh one: levels are cached
    assert pipeline._logs_shown(silenced)


# --- _explain.py -----------------------------------------------------------------------------


def test_explain_lists_fifteen_pieces_of_evidence_then_counts_the_rest():
    """A spun text with more than 15 pieces of evidence: ``explain`` prints the first 15 and
    ``… and N more`` (N = the rest), as many in all as the score holds."""
    from tests._helpers import validation_spins

    text = validation_spins("naive", 0.5)[0]
    n = len(cleannews.spin_score(text).evidence)
    assert n > 16
    lines = cleannews.explain(text).splitlines()
    shown = [x for x in lines if x.startswith("  - ")]
    assert len(shown) == 15
    assert lines[lines.index(shown[-1]) + 1] == f"  … and {n - 15} more"


#: A Windows-1252 file: the decoding's note covers the whole input (span 0-72).
CP1252 = b"Le conseil a vot\xe9 le budget.\nLa s\xe9ance est lev\xe9e.\nPartager sur Facebook\n"


def test_explain_says_the_codec_note_once_before_the_lines():
    """The note that the input was read as Windows-1252 (a change of stage ``decode`` with no
    before and no after, spanning the whole input) is printed once, above the lines, and
    marks no line changed; ``plan`` gives it ``lines: None``. Kills ``_whole_input_note``
    returning early (line 141: the note was listed under line 1 and every line marked
    ``~``) and ``render``'s ``lines.pop()`` deleted (line 304: an empty line 4)."""
    out = cleannews.explain(CP1252).splitlines()
    assert out[0].startswith("[decode:decode_cp1252] input is not UTF-8")
    assert out[1:6] == ["1   Le conseil a voté le budget.", "2   La séance est levée.",
                        "3 - Partager sur Facebook",
                        "      [strip:share_bar] share button of the page",
                        ""]  # no line 4: the empty "line" after the last break is not shown
    assert sum("decode_cp1252" in line for line in out) == 1
    p = cleannews.explain(CP1252, as_dict=True)
    assert p["lines"] == {"count": 3, "removed": [3], "changed": []}
    assert [(r["rule"], r["lines"], r["span"]) for r in p["repairs"]] == [
        ("decode_cp1252", None, [0, 72])]


def test_explain_shows_a_line_of_200_characters_whole():
    """``explain`` prints a line of at most 200 characters whole and cuts a longer one to 197
    and ``...``. Kills ``len(line) <= 200`` -> ``<`` in ``_shown`` (line 108, second sample:
    a line of exactly 200 was cut)."""
    words = ("Le conseil municipal a voté le budget primitif de la commune mardi soir. " * 4)
    for n, shown in ((200, words[:200]), (201, words[:197] + "...")):
        out = cleannews.explain(words[:n] + "\n").splitlines()
        assert out[0] == "1   " + shown


def test_explain_names_the_last_line_a_change_spans():
    """A change over several lines is listed under its first with ``(lines FIRST-LAST)``, 1-based
    like the line numbers. Kills ``last + 1`` -> ``last + 0`` in ``render`` (line 319, second
    sample: it said "(lines 2-4)")."""
    out = cleannews.explain("Le conseil a voté le budget.\n\n\n\n\nLa séance est levée.\n")
    [detail] = [line for line in out.splitlines() if "collapse_blank_lines" in line]
    assert "(lines 2-5)" in detail

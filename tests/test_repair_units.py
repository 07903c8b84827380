"""The repair loop's plain units: merging clean lines changes nothing.

With the fast path on, runs of lines that need nothing are copied in one piece
(``repairs._units``); lines around blank lines, suspect lines and the crawler
prefix are still seen one by one. The full path (``fast_path=False``) sees every
line: both must give the same text, changes, metadata and alignment on
documents made of the lines that matter to the layout pass.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import cleannews
from cleannews import CleanConfig
from cleannews._lines import split_lines
from cleannews.repairs import _line_seeds, _units, repair_text

REPAIR_ONLY = CleanConfig(strip_boilerplate=False, score_spin=False)

#: Lines that matter: empty, blank characters, clean, suspect, turning blank once
#: repaired, mojibake, entities, CRLF, a crawler prefix.
LINES = [
    "", "", "", " ", "\u00a0", "\u202f \t", "Le marché.", "L’été « chaud ».", "x",
    "„Zitat“", "\u200b", "\u00ad", "Ã©tÃ©", "R&amp;D", "fin\r", "\r", " date 2025-02 Titre",
    "\u200b date 2025-02 T", "Ð¼Ð¸Ñ€",
]
documents = st.lists(st.sampled_from(LINES), min_size=0, max_size=14).map("\n".join)
documents_nl = documents.map(lambda t: t + "\n")


def _pieces(a) -> tuple:
    return (a._out_start, a._in_start, a._in_end, a._exact, a.output_length)


def assert_fast_equals_full(text: str) -> None:
    """The repair with its fast paths (merged units, prefix-only documents) gives the same
    text, changes, metadata and alignment as the line-by-line path, with and without layout
    normalisation (also used by ``test_repair_prefix``)."""
    for cfg in (REPAIR_ONLY, REPAIR_ONLY.replace(normalize_layout=False)):
        fast = repair_text(text, cfg)
        full = repair_text(text, cfg.replace(fast_path=False))
        assert fast.text == full.text
        assert [c.to_dict() for c in fast.changes] == [c.to_dict() for c in full.changes]
        assert fast.metadata == full.metadata
        assert _pieces(fast.alignment) == _pieces(full.alignment)


@settings(max_examples=500, deadline=None)
@given(st.one_of(documents, documents_nl))
def test_merged_units_give_the_same_repair(text: str) -> None:
    assert_fast_equals_full(text)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_units_cover_the_lines_in_order(text: str) -> None:
    """Units tile the text: each is a seed line or a run of whole lines."""
    seeds = _line_seeds(text, set(), -1, True)
    units = list(_units(text, seeds))
    starts = {s for s, _, _ in split_lines(text)}
    assert seeds <= starts | {len(text)}
    pos = 0
    for start, content_end, end, plain in units:
        assert start == pos and start in starts and start <= content_end <= end
        assert plain or start in seeds
        pos = end
    assert pos == len(text)


def test_unchanged_text_is_returned_as_is() -> None:
    text = "Un titre\n\nUn paragraphe « typographié ».\n\nFin.\n"
    assert cleannews.repair(text, REPAIR_ONLY).text is text
    assert repair_text(text, REPAIR_ONLY).alignment.to_input(3, 9) == (3, 9)

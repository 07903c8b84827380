"""A text whose only repair is its crawler prefix skips the line-by-line path.

``repairs._lift_prefix_only`` cuts the prefix out when the fast path proves the
rest clean; the line-by-line path (``fast_path=False``) must give the same text,
changes, metadata and alignment pieces, with the layout pass on and off.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import cleannews.repairs as repairs
from cleannews import CleanConfig
from cleannews.repairs import repair_text
from test_repair_units import assert_fast_equals_full

REPAIR_ONLY = CleanConfig(strip_boilerplate=False, score_spin=False)

PREFIXES = [
    " date 2025-02 ", "date 2025-02-14 ", "\tdate\t2024-12-01T10:00:00Z ",
    " date 2025-02  date 2025-03 ", "  date 2025-02\u00a0",
]
LEADS = ["", "\n", "\n\n", " \n", "\u00a0\n\n"]
FIRST = [
    "Titre", "L’été « chaud »", "x", "Ã©tÃ©", "\u200bT", "R&amp;D", "Fin\r", "«\u202fOui\u202f»",
]
LINES = ["", "", " ", "Le marché.", "L’économie résiste.", "Ã©", "\u00a0", "a\r", "R&D"]


documents = st.tuples(
    st.sampled_from(LEADS),
    st.sampled_from(PREFIXES),
    st.sampled_from(FIRST),
    st.lists(st.sampled_from(LINES), max_size=8).map("\n".join),
    st.sampled_from(["", "\n", "\n\n"]),
).map(lambda p: p[0] + p[1] + p[2] + ("\n" + p[3] if p[3] else "") + p[4])


def _same(text: str) -> None:
    assert_fast_equals_full(text)


@settings(max_examples=600, deadline=None)
@given(documents)
def test_prefix_only_repair_equals_the_line_by_line_path(text: str) -> None:
    _same(text)


def test_the_shortcut_is_taken_for_clean_text_after_a_prefix(monkeypatch) -> None:
    calls: list[str] = []
    real = repairs._lift_prefix_only
    monkeypatch.setattr(
        repairs, "_lift_prefix_only", lambda *a: calls.append("x") or real(*a)
    )
    texts = [
        " date 2025-02 L’accord entre la France et Fluidstack\n\nLe texte « suit ».\n",
        "date 2025-02-14 Titre",
        "\n date 2025-02 Titre\nCorps\n",  # leading empty line: layout work, no shortcut
    ]
    for text in texts:
        _same(text)
    assert len(calls) == 2 * 2 + 1  # two texts x two layouts; the third without layout
    r = repair_text(texts[0], REPAIR_ONLY)
    assert r.text.startswith("L’accord") and r.metadata == {"date": "2025-02"}
    assert r.alignment.to_input(0, 8) == (14, 22)

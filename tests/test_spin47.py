"""Round 35 (spin47): the context term's token offsets in linear time.

``_context.context_tokens`` maps each token of a paragraph back to the input's offsets
(``folded_span``). When lower-casing lengthens the paragraph ("İ" folds to "i" + a combining
dot), the offset map was rebuilt for every token: quadratic in the paragraph's length (a
20 kB paragraph of "İl a dit. " took 18 s of CPU, 200 kB about half an hour). The map is now
built once per paragraph (``fold_ends``); the offsets are the same.
"""

from __future__ import annotations

import pytest

from _helpers import count_calls, hang_guard
from cleannews.score._context import (
    CONTEXT_TOKEN,
    context_tokens,
    fold,
    fold_ends,
    folded_span,
)

#: The adversarial unit: every token sits after an "İ", so every offset needs the map.
DOTTED = "İl a dit. "


def _dotted(n: int) -> str:
    """``n`` characters of ``DOTTED`` repeated: one paragraph.

    >>> _dotted(12)
    'İl a dit. İl'
    """
    return (DOTTED * (n // len(DOTTED) + 1))[:n]


def _offsets_walked(text: str) -> list[tuple[str, int]]:
    """The reference: each token's offset found by walking the input character by character
    until the fold's length reaches the token's folded offset (no map, no bisect)."""
    low = fold(text)
    out, k, pos = [], 0, 0
    for m in CONTEXT_TOKEN.finditer(low):
        while pos < m.start():
            pos += len(text[k].lower())
            k += 1
        out.append(("<num>" if m.group()[0].isdigit() else m.group(), k))
    return out


@pytest.mark.parametrize("text", [
    "İl a dit.",
    "Le 7, à İstanbul, chère amie",
    "İİİ l’État İ a 2 projets.",
    "sans lettre pointée, l'offset reste",
    "ẞ et ß, ﬁn: İ",
])
def test_offsets_are_those_of_the_input(text: str) -> None:
    got = context_tokens(text)
    assert got == _offsets_walked(text)
    for tok, a in got:  # each offset starts its token in the input
        assert tok == "<num>" or fold(text[a:]).startswith(tok)


def test_one_offset_map_per_paragraph_gives_the_same_spans() -> None:
    text = _dotted(2_000)
    low = fold(text)
    ends = fold_ends(text)
    assert ends is not None and fold_ends("il a dit") is None
    for a, b in [(0, 3), (5, 9), (100, 140), (len(low) - 4, len(low))]:
        assert folded_span(text, low, a, b, ends) == folded_span(text, low, a, b)


def test_work_grows_linearly_with_the_paragraph() -> None:
    """Deterministic: the function calls at 2 kB and 4 kB (quadratic code: × 4)."""
    small, _ = count_calls(context_tokens, _dotted(2_000))
    large, _ = count_calls(context_tokens, _dotted(4_000))
    assert large < 2.2 * small, (small, large)


def test_a_megabyte_paragraph_of_dotted_capitals_finishes() -> None:
    text = _dotted(1_000_000)
    with hang_guard(60):  # linear: about 1.5 s; the per-token map: hours
        got = context_tokens(text)
    assert len(got) == 500_000
    assert got[-1] == (".", 999_998)
    assert text[got[-3][1]:got[-3][1] + 1] == "a"

"""Line splitting shared by the stages (only ``\\n`` separates lines)."""

from __future__ import annotations

__all__ = ["split_lines"]


def split_lines(text: str) -> list[tuple[int, int, int]]:
    """Lines of ``text`` as ``(start, end_of_content, end_with_newline)`` triples.

    A line's ``end_with_newline`` is the same ``int`` object as the next line's
    ``start`` (one object, not two equal ones: 32 bytes less per line).

    >>> split_lines("a\\n\\nbc")
    [(0, 1, 2), (2, 2, 3), (3, 5, 5)]
    """
    out = []
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        if nl < 0:
            out.append((pos, n, n))
            break
        nxt = nl + 1
        out.append((pos, nl, nxt))
        pos = nxt
    return out

"""Offset bookkeeping: map positions in a derived text back to the input.

Each stage edits the text; every :class:`~cleannews.Change` must still point
at the *input*. An :class:`Alignment` is built while a text is rewritten,
piece by piece: a piece is a run of output copied verbatim from the input
(exact: every offset maps one to one) or a replacement (inexact: any
offset inside maps to the whole input range it replaced).

    >>> a = Alignment()
    >>> a.copy(0, 3)            # "abc" kept
    >>> a.replace(3, 6, 1)      # "&lt;" style: 3 input chars became 1
    >>> a.copy(6, 9)
    >>> a.to_input(0, 2), a.to_input(3, 4), a.to_input(4, 6)
    ((0, 2), (3, 6), (6, 8))
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from cleannews.document import Change

__all__ = ["AlignedResult", "Alignment"]


class Alignment:
    """Piecewise map from output offsets to input offsets (append-only)."""

    __slots__ = ("_exact", "_in_end", "_in_start", "_out_len", "_out_start")

    def __init__(self) -> None:
        self._out_start: list[int] = []
        self._in_start: list[int] = []
        self._in_end: list[int] = []
        self._exact: list[bool] = []
        self._out_len = 0

    @classmethod
    def identity(cls, length: int) -> Alignment:
        """The alignment of a text that was not changed."""
        a = cls()
        a.copy(0, length)
        return a

    @classmethod
    def from_hunks(cls, hunks: list[tuple[int, int, int, int]], length: int) -> Alignment:
        """The alignment of a text of ``length`` characters edited by ``hunks``:
        ``(old_start, old_end, new_start, new_end)`` regions, in order (as
        ``copy`` and ``replace`` calls would build it, in one loop).

        >>> Alignment.from_hunks([(1, 3, 1, 2)], 5).to_input(1, 2)
        (1, 3)
        """
        a = cls()
        out_start, in_start, in_end, exact = a._out_start, a._in_start, a._in_end, a._exact
        pos = out = 0
        for o0, o1, n0, n1 in hunks:
            if o0 > pos:
                out_start.append(out)
                in_start.append(pos)
                in_end.append(o0)
                exact.append(True)
                out += o0 - pos
            if n1 > n0:
                out_start.append(out)
                in_start.append(o0)
                in_end.append(o1)
                exact.append(False)
                out += n1 - n0
            pos = o1
        if length > pos:
            out_start.append(out)
            in_start.append(pos)
            in_end.append(length)
            exact.append(True)
            out += length - pos
        a._out_len = out
        return a

    @property
    def output_length(self) -> int:
        return self._out_len

    def copy(self, in_start: int, in_end: int) -> None:
        """Append ``input[in_start:in_end]`` to the output unchanged."""
        n = in_end - in_start
        if n <= 0:
            return
        if (
            self._exact and self._exact[-1] and self._in_end[-1] == in_start
        ):  # extend the previous exact piece
            self._in_end[-1] = in_end
            self._out_len += n
        else:
            self._push(in_start, in_end, True, n)

    def replace(self, in_start: int, in_end: int, out_length: int) -> None:
        """Append ``out_length`` output characters that replace ``input[in_start:in_end]``."""
        if out_length <= 0:
            return  # a deletion leaves nothing to map
        self._push(in_start, in_end, False, out_length)

    def gap(self, next_start: int, prev_end: int, out_length: int) -> None:
        """Append ``out_length`` output characters that stand for no input text but for the
        space between two input ranges: the blank line the HTML front end writes between
        two blocks (``prev_end``: where the block before ends in the input, ``next_start``:
        where the next one starts). A range of output that starts inside it starts at
        ``next_start``; one that ends inside it ends at ``prev_end``; so a block removed
        with the separator after it (or before it) maps to that block's source alone, not
        to the first character of the next block's (round 27).

        >>> a = Alignment()
        >>> a.copy(3, 8)            # "Block" at input[3:8]
        >>> a.gap(12, 8, 2)         # "\\n\\n": input[8:12] is markup between blocks
        >>> a.copy(12, 16)          # "Next" at input[12:16]
        >>> a.to_input(0, 7), a.to_input(5, 11), a.to_input(5, 7)
        ((3, 8), (12, 16), (12, 12))
        """
        if out_length <= 0:
            return
        # input start: where a range starting here starts; end: where one ending here ends
        self._push(next_start, prev_end, False, out_length)

    def _push(self, in_start: int, in_end: int, exact: bool, out_length: int) -> None:
        """Append one piece: ``out_length`` output characters standing for
        ``input[in_start:in_end]`` (``exact``: a copy of it), as ``copy``, ``replace`` and
        ``gap`` do (``from_hunks`` writes the same lists in its own loop).

        >>> a = Alignment()
        >>> a._push(4, 9, False, 2)
        >>> a.output_length, a.to_input(0, 2)
        (2, (4, 9))
        """
        self._out_start.append(self._out_len)
        self._in_start.append(in_start)
        self._in_end.append(in_end)
        self._exact.append(exact)
        self._out_len += out_length

    def extend(self, other: Alignment, in_offset: int = 0) -> None:
        """Append every piece of ``other``, its input offsets shifted by ``in_offset``."""
        if not other._out_start:
            return
        first = 0
        if other._exact[0]:  # may join this alignment's last exact piece, as ``copy`` does
            first = 1
            self.copy(other._in_start[0] + in_offset, other._in_end[0] + in_offset)
        shift = self._out_len - other._out_start[first] if first < len(other._out_start) else 0
        self._out_start.extend(o + shift for o in other._out_start[first:])
        self._in_start.extend(i + in_offset for i in other._in_start[first:])
        self._in_end.extend(i + in_offset for i in other._in_end[first:])
        self._exact.extend(other._exact[first:])
        if first < len(other._out_start):
            self._out_len = other._out_len + shift

    def _piece(self, pos: int) -> int:
        return max(0, bisect_right(self._out_start, pos) - 1)

    def _point(self, pos: int, *, is_end: bool) -> int:
        if not self._out_start:
            return 0
        if pos >= self._out_len:
            return self._in_end[-1]
        i = self._piece(pos if not is_end or pos == 0 else pos - 1)
        if self._exact[i]:
            return self._in_start[i] + (pos - self._out_start[i])
        return self._in_end[i] if is_end else self._in_start[i]

    def to_input(self, start: int, end: int) -> tuple[int, int]:
        """Map the output range ``[start, end)`` to the input range it came from."""
        s = self._point(start, is_end=False)
        if end <= start:
            return (s, s)
        e = self._point(end, is_end=True)
        return (s, max(s, e))

    def compose(self, inner: Alignment) -> Alignment:
        """Given ``self`` (B→A) and ``inner`` (C→B), return the alignment C→A."""
        out = Alignment()
        for i in range(len(inner._out_start)):
            n = (
                inner._out_start[i + 1] if i + 1 < len(inner._out_start) else inner._out_len
            ) - inner._out_start[i]
            b0, b1 = inner._in_start[i], inner._in_end[i]
            if inner._exact[i]:
                # split along self's pieces so exactness is kept where it holds
                pos = b0
                while pos < b1:
                    j = self._piece(pos)
                    piece_end = (
                        self._out_start[j + 1] if j + 1 < len(self._out_start) else self._out_len
                    )
                    stop = min(b1, piece_end)
                    if self._exact[j]:
                        a0 = self._in_start[j] + (pos - self._out_start[j])
                        out.copy(a0, a0 + (stop - pos))
                    else:
                        out.replace(self._in_start[j], self._in_end[j], stop - pos)
                    pos = stop
            else:
                a0, a1 = self.to_input(b0, b1)
                out.replace(a0, a1, n)
        return out


@dataclass
class AlignedResult:
    """What a stage that rewrites text returns: the new text, the changes (spans
    into the stage's input), metadata it found, and the alignment new -> input."""

    text: str
    changes: list[Change] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    alignment: Alignment = field(default_factory=Alignment)


def map_changes(changes: list[Change], alignment: Alignment) -> list[Change]:
    """Re-point the spans of ``changes`` (made on a derived text) at the input."""
    return [
        Change(c.stage, c.rule, alignment.to_input(*c.span), c.before, c.after, c.reason)
        for c in changes
    ]

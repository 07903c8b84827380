"""ftfy's mojibake detector (``ftfy.badness.is_bad``), answered from a few windows.

``is_bad`` searches ftfy's ``BADNESS_RE`` over a whole line. That expression
has no literal prefix (some of its alternatives start with an ASCII letter or
a space), so the search tries every position of the line: about 0.3 µs a
character, more than the rest of the repair of a clean line together.

Read as a set of alternatives, the expression is narrow: each alternative
either needs one of a few *special* characters (:data:`SPECIAL`: C1 controls,
``Œ œ Ã Â``), or consumes two adjacent non-ASCII characters, and no match is
longer than a few characters. So a line without a special character can only
match around a run of two or more non-ASCII characters, within the longest
match's width of it, and searching those windows (``pattern.search(text, pos,
endpos)``: ``^`` still only matches at the line's real start, and the
expression has no end anchor nor lookaround) gives ``is_bad``'s answer.

The structure is read from ftfy's compiled expression on first use
(:func:`windows_are_exact`); if another ftfy release breaks it, every
call is ``is_bad`` itself. ``tests/test_repair_badness.py`` checks the
structure and compares both answers on random and real text.

    >>> is_bad("L’économie française « résiste », dit-il → bien.")
    False
    >>> is_bad("Le marchÃ© du travail")
    True
    >>> is_bad("l’Ã©conomie")
    True
"""

from __future__ import annotations

import functools
import re
from typing import Any

import ftfy.badness
from ftfy.badness import BADNESS_RE

__all__ = ["SPECIAL", "WIDTH", "is_bad", "windows_are_exact"]

#: Characters that alone (with ASCII around them) can make ``BADNESS_RE`` match:
#: C1 controls, ``Œ œ`` (the ligature not followed by a letter), ``Ã Â``.
SPECIAL = "\x80-\x9f\u0152\u0153\u00c3\u00c2"
_SPECIAL_RE = re.compile(f"[{SPECIAL}]")
#: Two or more adjacent non-ASCII characters (the other alternatives' anchor).
_RUNS_RE = re.compile(r"[^\x00-\x7f]{2,}")


def _special_set() -> frozenset[int]:
    return frozenset([*range(0x80, 0xA0), 0x152, 0x153, 0xC3, 0xC2])


def _item_chars(item: tuple[Any, Any]) -> frozenset[int] | None:
    """The code points one parsed item consumes, or None when unknown or unbounded
    (a category such as ``\\s``, a negated class, any character)."""
    op, arg = item
    name = str(op)
    if name == "LITERAL":
        return frozenset([arg])
    if name != "IN":
        return None
    chars: set[int] = set()
    for sub_op, sub_arg in arg:
        sub = str(sub_op)
        if sub == "LITERAL":
            chars.add(sub_arg)
        elif sub == "RANGE":
            chars.update(range(sub_arg[0], sub_arg[1] + 1))
        else:  # NEGATE, CATEGORY: may hold ASCII
            return None
    return frozenset(chars)


def _branch_is_anchored(items: list[tuple[Any, Any]], special: frozenset[int]) -> bool:
    """True when a match of the sequence ``items`` holds a special character or two
    adjacent non-ASCII characters (mandatory items, nothing optional between them)."""
    previous_non_ascii = False
    for op, arg in items:
        name = str(op)
        if name == "AT":  # zero width: ``^``
            continue
        chars = _item_chars((op, arg))
        if chars is not None and chars and chars <= special:
            return True
        non_ascii = chars is not None and bool(chars) and min(chars) >= 0x80
        if non_ascii and previous_non_ascii:
            return True
        previous_non_ascii = non_ascii  # an optional or repeated item breaks adjacency
    return False


def windows_are_exact(pattern: re.Pattern[str] = BADNESS_RE) -> bool:
    """True when ``pattern`` has the structure the windows rely on: a bounded width,
    no multi-line or end anchors and no lookaround, and every alternative anchored
    (see :func:`_branch_is_anchored`).

    >>> windows_are_exact()
    True
    >>> windows_are_exact(re.compile("[a-z]é"))
    False
    """
    try:
        from re import _parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python < 3.11
        import sre_parse as _parser  # type: ignore[no-redef]
    if pattern.flags & re.MULTILINE:
        return False
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        high = parsed.getwidth()[1]
        if high > WIDTH:
            return False
        items = list(parsed.data)
        if len(items) == 1 and str(items[0][0]) == "BRANCH":
            branches = [list(b.data) for b in items[0][1][1]]
        else:
            branches = [items]
        special = _special_set()
        for branch in branches:
            for op, _ in branch:
                if str(op) not in ("LITERAL", "IN", "AT", "ANY", "NOT_LITERAL", "MAX_REPEAT",
                                   "MIN_REPEAT"):
                    return False  # lookaround, groups, anchors other than ^: not handled
            for op, arg in branch:
                if str(op) == "AT" and str(arg) != "AT_BEGINNING":
                    return False
            if not _branch_is_anchored(branch, special):
                return False
        return True
    except Exception:  # another parser: no windows
        return False


#: Longest match the windows allow for (``BADNESS_RE`` of ftfy 6: 7 characters).
WIDTH = 8


@functools.lru_cache(maxsize=1)
def _exact() -> bool:
    """:func:`windows_are_exact` for ftfy's detector, read once, on first use (parsing
    the expression takes 10-30 ms: a first document the fast path passes never pays it)."""
    return windows_are_exact()


def is_bad(text: str) -> bool:
    """``ftfy.badness.is_bad(text)``, searched only where a match can be.

    >>> is_bad("Ð¼Ð¾Ñ\\u0081ÐºÐ²Ð°"), is_bad("Москва, 12 → 14 h")
    (True, False)
    """
    if _SPECIAL_RE.search(text) is not None or not _exact():
        return ftfy.badness.is_bad(text)
    search = BADNESS_RE.search
    start = end = -1
    for m in _RUNS_RE.finditer(text):
        lo, hi = m.start() - WIDTH, m.end() + WIDTH
        if lo <= end:  # overlapping windows are searched as one
            end = hi
            continue
        if end >= 0 and search(text, max(start, 0), end) is not None:
            return True
        start, end = lo, hi
    return end >= 0 and search(text, max(start, 0), end) is not None

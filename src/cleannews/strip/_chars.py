"""Character tests the strip stage makes on every line, each as one ``re`` search.

A generator over a line's characters (``any(c.isdigit() for c in text)``, ``next(k for k, c
in enumerate(text) if c.isdigit())``) costs a Python step per character, the whole line when
it holds no digit; the same test as one search of a character class runs in C (perf40;
the round-32 strip-throughput section of docs/performance-history.md).

    >>> first_digit("Procès-verbal - 25 mars"), first_digit("Lire la suite")
    (16, None)
    >>> has_digit("Page ²"), has_digit("Page deux")
    (True, False)
"""

from __future__ import annotations

import re

__all__ = ["NON_DECIMAL_DIGITS", "first_digit", "has_digit"]

#: The characters :meth:`str.isdigit` holds that are no decimal digit (``\\d`` of ``re`` is
#: :meth:`str.isdecimal`): superscripts and subscripts, Ethiopic and Kharoshthi numbers,
#: circled, parenthesised and dotted figures, dingbat figures … The same 128 characters in
#: the Unicode versions of Python 3.10 to 3.13; ``tests/test_perf40.py`` checks them over the
#: whole of Unicode with the running Python's tables.
NON_DECIMAL_DIGITS = (
    "\u00b2-\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468"
    "\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788"
    "\u278a-\u2792\U00010a40-\U00010a43\U00010e60-\U00010e68\U00011052-\U0001105a"
    "\U0001f100-\U0001f10a"
)
#: One character :meth:`str.isdigit` holds.
_DIGIT = re.compile(r"[\d" + NON_DECIMAL_DIGITS + "]")


def first_digit(text: str) -> int | None:
    """The offset of the first character of ``text`` that :meth:`str.isdigit` holds, or None:
    ``next((k for k, c in enumerate(text) if c.isdigit()), None)``.

    >>> first_digit("Page ① sur 3"), first_digit("")
    (5, None)
    """
    m = _DIGIT.search(text)
    return None if m is None else m.start()


def has_digit(text: str) -> bool:
    """``any(c.isdigit() for c in text)``.

    >>> has_digit("Groupe A"), has_digit("2-1")
    (False, True)
    """
    return _DIGIT.search(text) is not None

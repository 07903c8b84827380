"""Is a mojibake repair plausible? The acceptance rule for ftfy's encoding fixes.

ftfy picks the decoding that lowers its *badness* score over a whole line.
Now and then the winner is absurd: a French line mixing mojibake with correct
text, re-read as MacRoman, loses its mojibake (``marchÃ©``) but also turns the
correct ``l’économie`` into ``lՎconomie`` (Armenian). A repair is therefore
judged *per changed word*: every changed region is widened to whole words
(runs of non-space characters), and each region must satisfy

1. it reads as text afterwards: no combining mark left dangling on a Latin
   letter after NFC (``march̩``), which no language writes;
2. and one of: its letters keep their script(s) (Cyrillic mojibake of Russian
   becomes Russian); ftfy's own detector (``ftfy.badness``) flags a sequence
   in it; or every word it yields is written in one script (``ä¹\u00a0è¿‘å¹³``
   becoming ``习近平`` inside a French line). Chinese, Japanese and Korean
   count as one script, as they mix in one word.

So Greek, Hebrew, Arabic, Chinese or emoji repairs pass, and a word that
was fine and would come out in two scripts (``l’économie``) is kept.

    >>> implausible_repair("Le marchÃ© & l’économie", "Le march̩ & lՎconomie")
    'march̩'
    >>> implausible_repair("l’économie", "lՎconomie")
    'lՎconomie'
    >>> implausible_repair("Î•Î»Î»Î·Î½Î¹ÎºÎ¬", "Ελληνικά") is None
    True
    >>> implausible_repair("je t’aime â¤ï¸", "je t’aime ❤️") is None
    True
"""

from __future__ import annotations

from functools import lru_cache

import regex
from ftfy.badness import BADNESS_RE

__all__ = ["implausible_repair", "script_of"]

# Scripts a letter may belong to; the first that matches names it. Letters of
# any other script count as "Other" (still a script of their own for rule 1).
_SCRIPTS = (
    "Latin",
    "Greek",
    "Cyrillic",
    "Armenian",
    "Hebrew",
    "Arabic",
    "Syriac",
    "Thaana",
    "Devanagari",
    "Bengali",
    "Gurmukhi",
    "Gujarati",
    "Tamil",
    "Telugu",
    "Kannada",
    "Malayalam",
    "Sinhala",
    "Thai",
    "Lao",
    "Tibetan",
    "Myanmar",
    "Georgian",
    "Hangul",
    "Ethiopic",
    "Khmer",
    "Hiragana",
    "Katakana",
    "Han",
    "Bopomofo",
)
_SCRIPT_RES = [(name, regex.compile(rf"\p{{Script={name}}}")) for name in _SCRIPTS]
_NON_SPACE = regex.compile(r"\S+")


@lru_cache(maxsize=4096)
def script_of(char: str) -> str | None:
    """The script of a letter, or None for anything else (digits, symbols, marks).

    >>> script_of("é"), script_of("Վ"), script_of("ᵉ"), script_of("€")
    ('Latin', 'Armenian', 'Latin', None)
    """
    if not char.isalpha():
        return None
    for name, pattern in _SCRIPT_RES:
        if pattern.match(char):
            return name
    return "Other"


def _scripts(text: str) -> set[str]:
    return {s for c in set(text) if (s := script_of(c)) is not None}


#: Scripts written together inside one word (Japanese, Korean with Hanja).
_CJK = frozenset({"Han", "Hiragana", "Katakana", "Bopomofo", "Hangul"})


def _mixed_script_word(text: str) -> str | None:
    """The first word of ``text`` written in more than one script, or None.

    >>> _mixed_script_word("l’économie lՎconomie"), _mixed_script_word("日本語を話す")
    ('lՎconomie', None)
    """
    for word in text.split():
        scripts = _scripts(word)
        if len(scripts) > 1 and not scripts <= _CJK:
            return word
    return None


_DANGLING_MARK = regex.compile(r"\p{Script=Latin}\p{Mn}")


def _dangling_mark(text: str) -> bool:
    """True when a combining mark follows a Latin letter it could not compose with.

    >>> _dangling_mark("march\u0329"), _dangling_mark("$\u03366"), _dangling_mark("mère")
    (True, False, False)
    """
    return _DANGLING_MARK.search(text) is not None


#: Widest a changed region is widened on each side to reach a word boundary
#: (characters): keeps the check linear on lines without spaces.
MAX_WORD_WIDENING = 48


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to the boundaries of the words it touches.

    >>> _widen("un marché ici", 7, 8)
    (3, 9)
    """
    low = max(0, start - MAX_WORD_WIDENING)
    while start > low and not text[start - 1].isspace():
        start -= 1
    high = min(len(text), end + MAX_WORD_WIDENING)
    while end < high and not text[end].isspace():
        end += 1
    return start, end


def implausible_repair(
    before: str, after: str, hunks: list[tuple[int, int, int, int]] | None = None
) -> str | None:
    """The first implausible word of ``after`` (see the module docstring), or None.

    ``hunks`` are the changed regions ``(old_start, old_end, new_start, new_end)``;
    computed when not given.
    """
    if _scripts(after) <= _scripts(before) and not (
        _dangling_mark(after) and not _dangling_mark(before)
    ):
        return None  # no letter of a new script, no new dangling mark: nothing to judge
    if hunks is None:
        from cleannews.repairs import _hunks

        hunks = _hunks(before, after)
    for o0, o1, n0, n1 in hunks:
        w0, w1 = _widen(before, o0, o1)
        v0, v1 = _widen(after, n0, n1)
        old, new = before[w0:w1], after[v0:v1]
        if _dangling_mark(new) and not _dangling_mark(old):
            return new
        if _scripts(new) <= _scripts(old):
            continue
        if _flagged(before, w0, w1):
            continue  # ftfy's detector flags this word
        mixed = _mixed_script_word(new)
        if mixed is not None:
            return mixed
    return None


#: Context (characters) given to ftfy's detector on each side of a word: more
#: than the longest sequence it looks for.
DETECTOR_CONTEXT = 8


def _flagged(text: str, start: int, end: int) -> bool:
    """True when ftfy's mojibake detector matches a sequence overlapping ``text[start:end]``.

    >>> _flagged("le marchÃ© de", 3, 10), _flagged("le marché de", 3, 9)
    (True, False)
    """
    lo = max(0, start - DETECTOR_CONTEXT)
    for m in BADNESS_RE.finditer(text[lo : end + DETECTOR_CONTEXT]):
        if m.start() + lo < end and start < m.end() + lo:
            return True
    return False

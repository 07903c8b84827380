"""The repairs cleannews makes itself, each a small named ``str -> str`` function.

ftfy does the heavy lifting for mojibake (see :mod:`cleannews.repairs`); the
functions here cover what ftfy leaves alone or what French text needs done
differently.
"""

from __future__ import annotations

import html
import re

import regex

from cleannews._lazyre import LazyPattern

__all__ = [
    "CRAWLER_PREFIX_RE",
    "INVISIBLE_CHARS",
    "entity_hunks",
    "fix_mojibake_in_words",
    "fix_windows1250_a_mojibake",
    "is_blank_line",
    "lift_crawler_prefix",
    "remove_invisible_chars",
    "unescape_html_entities",
]

# An entity needs its closing semicolon: "AT&T" or "R&D" are left alone.
# "&amp;eacute;" (escaped twice) is read as one entity: the amp; chain is linear to match.
_ENTITY_RE = LazyPattern(
    r"&(?:amp;){0,8}(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)


def _unescape_one(entity: str) -> str:
    while entity.startswith("&amp;") and len(entity) > 5:
        entity = "&" + entity[5:]
    return html.unescape(entity)


#: Invisible characters removed on top of ftfy's control characters: zero-width
#: space, word joiner, soft hyphen, left-to-right / right-to-left marks, byte
#: order mark, Mongolian vowel separator. Zero-width (non-)joiners stay: emoji
#: sequences and some scripts need them.
INVISIBLE_CHARS = "\u200b\u2060\u00ad\u200e\u200f\ufeff\u180e"
_INVISIBLE_TABLE = dict.fromkeys(map(ord, INVISIBLE_CHARS))
_INVISIBLE_RE = re.compile("[" + INVISIBLE_CHARS + "]")

#: Whitespace a line may hold and still count as blank (no-break spaces included).
BLANK_CHARS = " \t\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u3000" + INVISIBLE_CHARS
_BLANK_LINE_RE = LazyPattern(f"[{regex.escape(BLANK_CHARS)}]*")
# possessive: each line is consumed once, no backtracking into earlier lines
_LEADING_BLANK_LINES_RE = regex.compile(f"(?:[{regex.escape(BLANK_CHARS)}]*+\\n)*+")

#: A crawler prefix at the start of a document: `` date 2025-02 Title``.
CRAWLER_PREFIX_RE = regex.compile(
    r"\G(?:[ \t]{0,8}date[ \t]{1,8}(?P<date>\d{4}-\d{2}(?:-\d{2})?(?:T[0-9:]{5,8}Z?)?)[ \t]{1,8})++"
    r"(?=\S)"
)


def unescape_html_entities(text: str) -> str:
    """Replace HTML entities by the characters they stand for.

    Only complete entities (with their ``;``) are replaced, so plain-text
    ampersands stay as they are.

    >>> unescape_html_entities("Proc&eacute;dure &amp; co, l&#8217;&Eacute;tat, R&D")
    'Procédure & co, l’État, R&D'
    """
    if "&" not in text:
        return text
    return _ENTITY_RE.sub(lambda m: _unescape_one(m.group()), text)


def entity_hunks(text: str) -> tuple[str, list[tuple[int, int, int, int]]]:
    """:func:`unescape_html_entities` plus the replaced regions, one per entity.

    >>> entity_hunks("a &amp; b")
    ('a & b', [(2, 7, 2, 3)])
    """
    out: list[str] = []
    hunks: list[tuple[int, int, int, int]] = []
    pos = n_len = 0
    for m in _ENTITY_RE.finditer(text):
        new = _unescape_one(m.group())
        if new == m.group():
            continue
        out.append(text[pos : m.start()])
        n_len += m.start() - pos
        out.append(new)
        hunks.append((m.start(), m.end(), n_len, n_len + len(new)))
        n_len += len(new)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), hunks


# Windows-1252 readings of a UTF-8 lead byte (C2-DF) and of a continuation byte
# (80-BF, without A0: a no-break space after a capital is ordinary French).
_LEADS = bytes(range(0xC2, 0xE0)).decode("cp1252")
_CONTINUATIONS = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or bytes([b]).decode("latin-1")
    for b in range(0x80, 0xC0)
    if b != 0xA0
)
_CONT_SYMBOLS = "".join(c for c in _CONTINUATIONS if not c.isalpha())
_L, _C, _S = (regex.escape(x) for x in (_LEADS, _CONTINUATIONS, _CONT_SYMBOLS))
# fixed width, no nesting: a two-character pair between two letters; or ending
# a lower-case word, or starting a word before a lower-case letter, when its
# second character is a symbol (``judeÅ£``, ``Å“uvre``; not ``NESCAFÉ®``)
_IN_WORD_MOJIBAKE_RE = LazyPattern(
    rf"(?<=\p{{L}})[{_L}][{_C}](?=\p{{L}})"
    rf"|(?<=\p{{Ll}})[{_L}][{_S}]"
    rf"|(?<!\p{{L}})[{_L}][{_S}](?=\p{{Ll}})"
)
_LATIN_LETTER_RE = LazyPattern(r"\p{Script=Latin}")


def _decode_pair(pair: str, codec: str = "cp1252") -> str:
    try:
        return pair.encode(codec).decode("utf-8")
    except UnicodeError:
        return pair


def fix_mojibake_in_words(text: str) -> str:
    """Decode a two-character UTF-8 mojibake *in a word* when it yields a Latin letter.

    ftfy leaves ``Å“`` (``œ`` read as Windows-1252) alone in a line that is
    otherwise correct, since ``Å`` and ``“`` are both plausible characters;
    between two letters they are not: no language writes a quote mid-word.
    The repair stage applies this only to lines in which ftfy found mojibake
    (ftfy deliberately leaves a lone ``DrÃ¥ber`` beside a correct ``–``).

    >>> fix_mojibake_in_words("le cÅ“ur et la sÅ“ur, judeÅ£ ; Å“uvre, NESCAFÉ®")
    'le cœur et la sœur, judeţ ; œuvre, NESCAFÉ®'
    """
    if not _IN_WORD_MOJIBAKE_RE.search(text):
        return text

    def fix(m: regex.Match[str]) -> str:
        new = _decode_pair(m.group())
        return new if len(new) == 1 and _LATIN_LETTER_RE.match(new) else m.group()

    return _IN_WORD_MOJIBAKE_RE.sub(fix, text)


# UTF-8 lead byte C3 (é è à ê ç ô ó …) and C5 (œ) read as Windows-1250: Ă, Ĺ.
_CONT_1250 = "".join(
    bytes([b]).decode("cp1250", errors="ignore") or bytes([b]).decode("latin-1")
    for b in range(0x80, 0xC0)
)
_C = regex.escape(_CONT_1250)
_WINDOWS1250_RE = LazyPattern(
    # a capital Ă or Ĺ after a lower-case letter, with a continuation character
    rf"(?<=\p{{Ll}})[ĂĹ][{_C}](?=[\p{{L}}\s\p{{P}}]|$)"
    # "Ă\u00a0" standing alone, as "à" does in French (no language writes a word "Ă")
    r"|(?<!\S)Ă\u00a0(?=\s)"
)


def fix_windows1250_a_mojibake(text: str) -> str:
    """Decode ``Ă``/``Ĺ`` + a continuation character where only UTF-8 read as
    Windows-1250 puts them: after a lower-case letter, or ``Ă\u00a0`` standing
    alone (``à``). ftfy leaves these: ``Ă`` is a Romanian letter, but never
    after a lower-case letter, and never a word by itself.

    >>> fix_windows1250_a_mojibake("la tĂŞte, VolĂł. On Ă\u00a0 dit ROMÂNĂ\u00a0!")
    'la tête, Voló. On à dit ROMÂNĂ\xa0!'
    """
    if "Ă" not in text and "Ĺ" not in text:
        return text

    def fix(m: regex.Match[str]) -> str:
        new = _decode_pair(m.group(), "cp1250")
        return new if len(new) == 1 and _LATIN_LETTER_RE.match(new) else m.group()

    return _WINDOWS1250_RE.sub(fix, text)


#: Characters that end a line in exported or extracted text but that ftfy removes or keeps
#: as they are: vertical tab (a manual line break in Word exports), form feed (a page break
#: in text extracted from PDF), and the file / group / record separators (``str.splitlines``
#: breaks lines at all of them). Removing them glued the words on either side together.
SEPARATOR_CHARS = "\x0b\x0c\x1c\x1d\x1e"
_SEPARATOR_TABLE = dict.fromkeys(map(ord, SEPARATOR_CHARS), "\n")
_SEPARATOR_RE = re.compile("[" + SEPARATOR_CHARS + "]")


def separators_to_line_breaks(text: str) -> str:
    """Turn vertical tabs, form feeds and record separators into line breaks.

    >>> separators_to_line_breaks("Fin du paragraphe.\\x0bSuite du texte\\x0cPage 2")
    'Fin du paragraphe.\\nSuite du texte\\nPage 2'
    """
    if _SEPARATOR_RE.search(text) is None:
        return text
    return text.translate(_SEPARATOR_TABLE)


def remove_invisible_chars(text: str) -> str:
    """Remove zero-width spaces, soft hyphens, direction marks and byte order marks.

    >>> remove_invisible_chars("intelli\\u00adgence\\u200b artificielle")
    'intelligence artificielle'
    """
    if _INVISIBLE_RE.search(text) is None:  # one C-speed scan; translate is ~10x slower
        return text
    return text.translate(_INVISIBLE_TABLE)


def is_blank_line(line: str) -> bool:
    """True for a line of nothing but spaces, tabs and no-break spaces.

    >>> is_blank_line("\\u00a0 \\u202f"), is_blank_line(" a ")
    (True, False)
    """
    return _BLANK_LINE_RE.fullmatch(line) is not None


def lift_crawler_prefix(text: str) -> tuple[int, str, str | None]:
    """Find a crawler prefix `` date YYYY-MM[-DD] `` at the start of the first
    non-blank line of ``text``.

    Returns ``(offset, prefix, date)``: where the prefix starts, the prefix to
    remove (``""`` if none) and the date it carried.

    >>> lift_crawler_prefix(" date 2025-02 L’accord entre la France et Fluidstack")
    (0, ' date 2025-02 ', '2025-02')
    >>> lift_crawler_prefix("\\u00a0\\n\\n date 2025-02-14 Titre")
    (3, ' date 2025-02-14 ', '2025-02-14')
    >>> lift_crawler_prefix("Une date 2025-02 dans le texte")
    (0, '', None)
    """
    lead = _LEADING_BLANK_LINES_RE.match(text)
    offset = lead.end() if lead else 0
    m = CRAWLER_PREFIX_RE.match(text, offset)
    if not m:
        return 0, "", None
    return offset, m.group(), m.group("date")

"""``ftfy.fix_and_explain``, minus the fixers that provably have nothing to do.

ftfy runs eight character fixers (C1 controls, ligatures, character width,
quotes, line breaks, surrogates, terminal escapes, control characters) over
every segment, twice (once more to see that nothing changes), whatever the
text holds. Each fixer only touches characters of a known set, read here from
ftfy's own tables; when a segment holds none of them, the fixers are skipped.
And when only the mojibake step changed a segment, the confirming round is
skipped (that step stops at a text it leaves alone). The encoding step is
only called for text that ftfy's detector flags (it returns any other text
as it is), asked in windows (:mod:`cleannews.repairs.badness`). Same text, same plan,
much less time on mojibake-heavy text. The tests compare the two on random
text and on ftfy's own test cases.

    >>> from cleannews.repairs import _ftfy_config
    >>> fix_and_explain("L\\u00c3\\u00a9t\\u00c3\\u00a9", _ftfy_config(True, True, True))
    ('Lété', [('encode', 'latin-1'), ('decode', 'utf-8')])
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import ftfy
import ftfy.fixes
from ftfy.chardata import CONTROL_CHARS, LIGATURES, WIDTH_MAP

from cleannews.repairs import badness

__all__ = ["FIXERS", "fix_and_explain"]

#: ftfy's character fixers, in ftfy's order (``ftfy.fix_and_explain``).
FIXERS = (
    "fix_c1_controls",
    "fix_latin_ligatures",
    "fix_character_width",
    "uncurl_quotes",
    "fix_line_breaks",
    "fix_surrogates",
    "remove_terminal_escapes",
    "remove_control_chars",
)


def _char_class(codepoints: set[int]) -> str:
    """A regular-expression character class of ``codepoints``, as ranges."""
    parts: list[str] = []
    points = sorted(codepoints)
    start = prev = points[0]
    for cp in [*points[1:], -1]:
        if cp == prev + 1:
            prev = cp
            continue
        parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else ""))
        start = prev = cp
    return "[" + "".join(parts) + "]"


def _changed_keys(table: dict[int, Any]) -> set[int]:
    return {k for k, v in table.items() if v != chr(k)}


_ALWAYS = (
    _changed_keys(LIGATURES)
    | _changed_keys(WIDTH_MAP)
    | _changed_keys(CONTROL_CHARS)
    | set(range(0x80, 0xA0))  # fix_c1_controls
    | {ord(c) for c in "\r\u2028\u2029\x85"}  # fix_line_breaks
    | {0x1B}  # remove_terminal_escapes
    | set(range(0xD800, 0xE000))  # fix_surrogates
)
_QUOTES = {0x2BC, *range(0x2018, 0x201C), *range(0x201C, 0x2020)}  # uncurl_quotes
_C1 = re.compile("[\x80-\x9f]")
#: Characters some fixer would change, without and with ``uncurl_quotes``.
_TRIGGERS = {
    False: re.compile(_char_class(_ALWAYS)),
    True: re.compile(_char_class(_ALWAYS | _QUOTES)),
}


def fix_and_explain(text: str, config: Any) -> tuple[str, list[tuple[str, str]]]:
    """What ``ftfy.fix_and_explain(text, config)`` returns (``unescape_html`` off)."""
    steps: list[tuple[str, str]] = []
    trigger = _TRIGGERS[bool(config.uncurl_quotes)]
    while True:
        orig = text
        if config.fix_encoding and badness.is_bad(text):
            # (ftfy's encoding step returns a text its detector passes as it is)
            text, encoding_steps = ftfy.fix_encoding_and_explain(text, config)
            steps.extend(tuple(s) for s in encoding_steps or [])
        decoded = text
        if trigger.search(text):
            for name in FIXERS:
                if getattr(config, name):
                    fixed = getattr(ftfy.fixes, name)(text)
                    if fixed != text:
                        steps.append(("apply", name))
                    text = fixed
        form = config.normalization
        if form is not None and not unicodedata.is_normalized(form, text):
            text = unicodedata.normalize(form, text)
            steps.append(("normalize", form))
        if text == orig or (text == decoded and _C1.search(text) is None):
            # ftfy would run one more round to see nothing change; when only the
            # encoding step changed the text, that round is known to change nothing:
            # the step stops at a text it leaves alone, and so do the fixers (with
            # C1 controls left, ftfy's round would add a no-op step to the plan)
            return text, steps

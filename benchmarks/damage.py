"""Ways French text gets damaged on its way to a crawler, as ``str -> str`` functions.

Used by ``bench_damage.py`` and by the CI gate ``tests/test_repair_damage.py``.
Every function is deterministic given its ``random.Random``.
"""

from __future__ import annotations

import html.entities
import random
from collections.abc import Callable

__all__ = ["DOCUMENT_KINDS", "KINDS", "damage"]


def misread(text: str, codec: str) -> str:
    """UTF-8 bytes of ``text`` decoded with ``codec``; bytes the codec leaves
    undefined are read as Latin-1 (what "sloppy" decoders and browsers do).

    >>> misread("été", "cp1252"), misread("été", "mac_roman")
    ('Ã©tÃ©', '√©t√©')
    """
    data = text.encode("utf-8")
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return "".join(
            data[i : i + 1].decode(codec, errors="ignore") or data[i : i + 1].decode("latin-1")
            for i in range(len(data))
        )


def entities(text: str) -> str:
    """Every non-ASCII character written as an HTML entity (named when HTML has a name).

    >>> entities("l’été à 3\\u00a0€")
    'l&rsquo;&eacute;t&eacute; &agrave; 3&nbsp;&euro;'
    """
    out = []
    for c in text:
        if ord(c) < 128:
            out.append(c)
        else:
            name = html.entities.codepoint2name.get(ord(c))
            out.append(f"&{name};" if name else f"&#{ord(c)};")
    return "".join(out)


#: Damage applied to a whole text.
CODECS: dict[str, Callable[[str], str]] = {
    "cp1252": lambda t: misread(t, "cp1252"),
    "latin-1": lambda t: misread(t, "latin-1"),
    "cp1250": lambda t: misread(t, "cp1250"),
    "mac_roman": lambda t: misread(t, "mac_roman"),
    "double UTF-8": lambda t: misread(misread(t, "cp1252"), "cp1252"),
    "HTML entities": entities,
}


def per_paragraph(doc: str, rng: random.Random) -> str:
    """Each paragraph (line) damaged one way or left intact, independently."""
    kinds = [None, *CODECS]
    return "\n".join(
        CODECS[k](line) if (k := rng.choice(kinds)) and line else line for line in doc.split("\n")
    )


def within_line(doc: str, rng: random.Random) -> str:
    """Inside each line, some sentences read as Windows-1252, the others intact
    (text pasted together from two sources)."""
    out = []
    for line in doc.split("\n"):
        parts = line.split(". ")
        out.append(
            ". ".join(misread(p, "cp1252") if rng.random() < 0.5 else p for p in parts)
        )
    return "\n".join(out)


def _whole(fn: Callable[[str], str]) -> Callable[[str, random.Random], str]:
    """``fn`` applied to the whole document (the random generator is not needed)."""
    return lambda doc, _rng: fn(doc)


#: Every kind of damage: name -> function(document, rng).
KINDS: dict[str, Callable[[str, random.Random], str]] = {
    **{name: _whole(fn) for name, fn in CODECS.items()},
    "mixed per paragraph": per_paragraph,
    "mixed within a line": within_line,
}
DOCUMENT_KINDS = list(CODECS)


def damage(doc: str, kind: str, rng: random.Random) -> str:
    """``doc`` damaged the ``kind`` way."""
    return KINDS[kind](doc, rng)

"""The fast path: prove with one regular-expression scan that text needs no repair.

``ftfy.fix_text`` runs at about 1 MB/s; most scraped French is clean. A text
passes the fast path when every character is in :data:`SAFE_CHARS` (ASCII,
French letters, French typography) and no *suspect* sequence occurs:

* two adjacent non-ASCII characters, unless the pair is one of the common,
  harmless French pairs in :data:`SAFE_PAIRS` (``’é``, ``é\\u00a0``, ``«\\u202f`` …);
* ``Â``, ``Œ`` or ``œ`` not followed by an ASCII letter;
* an HTML entity such as ``&eacute;``.

Every pattern of ftfy's mojibake detector (``ftfy.badness``) that can match
text made of safe characters contains one of these, and ftfy's other fixes
only touch characters outside the safe set, so on text that passes ftfy
would change nothing: the tests check this by brute force over every safe
pair and triple and by property tests against the full path.

Text that is Latin-1 (no ``’ « €`` …: plain-apostrophe French, English) is
screened first by deleting the bytes of its always-safe characters
(``bytes.translate``, several times faster than the expression); when nothing
is left, the expression could not match, and only the pairs are looked at.

    >>> needs_repair("L’économie française « résiste », dit-il.")
    False
    >>> needs_repair("L’Ã©conomie")
    True
"""

from __future__ import annotations

import re

import regex

__all__ = ["SAFE_CHARS", "SAFE_NON_ASCII", "SAFE_PAIRS", "needs_repair", "suspect_lines"]

_FRENCH_LOWER = "àâäçéèêëîïôöûüÿœæ"
_OTHER_LOWER = "áíóúñß"  # frequent in names: Sánchez, Müller, Straße
_FRENCH_UPPER = "ÀÂÄÇÉÈÊËÎÏÔÖÛÜŸŒÆ"
_TYPOGRAPHY = (
    "\u00a0"  # no-break space
    "\u202f"  # narrow no-break space (French: before ; : ! ? and inside « »)
    "\u2009"  # thin space
    "«»’‘“”–—…€°•"
    "©®™±²³µ×÷§£¥½¼¾·¿¡№"
    "„‚"  # German and Polish opening quotes (same ftfy class as “ and «)
    "′″‑−"  # prime, double prime (6′, 12″), non-breaking hyphen, minus sign
)
#: Superscript letters of French abbreviations: 1ᵉʳ, 1ʳᵉ, 2ᵉ, Mᵐᵉ, Mˡˡᵉ, nᵒ, 2ᵈ.
_SUPERSCRIPTS = "ᵉʳˢᵐˡᵒᵈ"

# Other Latin letters (names: Sánchez, Łódź, Ştefan, Ørsted) are accepted alone,
# between ASCII characters: UTF-8 read in a wrong single-byte code page always
# leaves at least two non-ASCII characters side by side, which is caught.
# ``Ã`` stays out (it starts most French mojibake), ``Ù`` too (ftfy reads it as
# a possible start of Arabic mojibake).
_OTHER_LETTERS = "".join(
    chr(c)
    for c in [*range(0xC0, 0x100), *range(0x100, 0x180)]
    if chr(c).isalpha() and chr(c) not in "ÃÙĲĳŉ"  # ĳ, ŉ: ligatures ftfy splits
)

#: Non-ASCII characters the fast path accepts (French letters and typography).
SAFE_NON_ASCII = "".join(
    dict.fromkeys(
        _FRENCH_LOWER
        + _OTHER_LOWER
        + _FRENCH_UPPER
        + _TYPOGRAPHY
        + "ù"
        + _OTHER_LETTERS
        + _SUPERSCRIPTS
    )
)

#: Every character the fast path accepts: printable ASCII, tab, line feed, and the above.
SAFE_CHARS = "\t\n" + "".join(chr(c) for c in range(0x20, 0x7F)) + SAFE_NON_ASCII

_SPACES = "\u00a0\u202f"
_LOWER = _FRENCH_LOWER.replace("œ", "") + _OTHER_LOWER + "ù"
_LETTERS = _FRENCH_LOWER + _OTHER_LOWER + _FRENCH_UPPER + "ù"

#: Adjacent non-ASCII pairs that are common in French and harmless in any context.
SAFE_PAIRS: frozenset[str] = frozenset(
    # l’économie, d’État, qu’à
    {"’" + c for c in _LETTERS if c not in "œŒ"}
    # créée, agréé, déçà: two lower-case French letters
    | {x + y for x in _LOWER for y in _LOWER}
    # réalité\u00a0», été\u202f:
    # (not after Â or Î: "Â\u00a0" is the mojibake of a no-break space)
    | {c + s for c in _LETTERS if c not in "œŒÂÎ" for s in _SPACES}
    # «\u00a0texte\u00a0», 10\u00a0€, \u00a0– incise –\u00a0
    | {"«" + s for s in _SPACES}
    | {s + "»" for s in _SPACES}
    | {s + "€" for s in _SPACES}
    | {s + d for s in _SPACES for d in "–—"}
    | {d + s for s in _SPACES for d in "–—"}
    | {s + t for s in _SPACES for t in _SPACES}
    | {"…" + s for s in _SPACES}
    | {"»" + s for s in _SPACES}
    | {"€" + s for s in _SPACES}
    # l’« oasis », l’“affaire” (not l’œuvre: ftfy's detector flags ’œ)
    | {"’" + c for c in "«“"}
    # 1ᵉʳ, 1ʳᵉˢ, Mᵐᵉ, Mˡˡᵉ: superscripts follow each other
    | {x + y for x in _SUPERSCRIPTS for y in _SUPERSCRIPTS}
    # ©\u00a0AFP, photo\u00a0©
    | {"©" + s for s in _SPACES}
    | {s + "©" for s in _SPACES}
    # «\u202fétat », ;\u202fà : a no-break space before a lower-case letter
    | {s + c for s in _SPACES for c in _LOWER}
    # été…, «été», “État”, …» (not é» or é”: ftfy's detector flags those)
    | {c + "…" for c in _LOWER}
    | {q + c for c in _LETTERS if c not in "œŒ" for q in "“«"}
    | {"…" + q for q in "”»"}
)


def _has_unsafe_pair(run: str) -> bool:
    """True when two adjacent characters of a non-ASCII ``run`` are not a safe pair."""
    return any(run[i : i + 2] not in SAFE_PAIRS for i in range(len(run) - 1))


class _Scanner:
    """Two linear scans, each starting with a single character class (no
    backtracking possible): unsafe characters and contexts, non-ASCII pairs."""

    def __init__(self, keep_typography: bool) -> None:
        safe = SAFE_CHARS
        if not keep_typography:  # ftfy would straighten these quotes
            safe = safe.translate(dict.fromkeys(map(ord, "‘’“”")))
        # One scan, one character class first (the engine skips to candidates):
        # any character outside the safe set, or Â Œ œ & (safe only in some
        # contexts) followed by the check of their context. stdlib ``re``: 5-10x
        # faster than ``regex`` on a negated class.
        candidates = "".join(re.escape(c) for c in safe if c not in "ÂŒœ&")
        self.unsafe = re.compile(
            f"[^{candidates}]"
            r"(?:(?<=[ÂŒœ])(?![A-Za-z])"  # Â, Œ, œ not followed by an ASCII letter
            r"|(?<=&)(?:#|[A-Za-z][A-Za-z0-9]{0,31};)"  # an HTML entity
            r"|(?<![ÂŒœ&]))"  # any other character outside the safe set
        )
        self.non_ascii_runs = regex.compile(r"[^\x00-\x7f]{2,}")
        # Latin-1 characters safe in any context (not Â nor &): deleting their bytes
        # from a Latin-1 text leaves nothing when no character can be unsafe.
        self.latin1_safe = bytes(
            ord(c) for c in safe if ord(c) < 0x100 and c not in "Â&"
        )

    def suspect_lines(self, text: str) -> set[int]:
        """Start offsets of the lines of ``text`` that hold a suspect sequence.

        Linear: once a line is found suspect, each scan resumes after its end,
        so a long line is looked up (``rfind``/``find``) at most once per scan.
        """
        starts: set[int] = set()

        def mark(pos: int) -> int:
            """Mark the line holding ``pos``; return the offset just after it."""
            starts.add(text.rfind("\n", 0, pos) + 1)
            end = text.find("\n", pos)
            return len(text) if end < 0 else end + 1

        pos = 0 if not self.latin1_clean(text) else len(text) + 1  # (see ``suspect``)
        while (m := self.unsafe.search(text, pos)) is not None:
            pos = mark(m.start())
        pos = 0 if not text.isascii() else len(text) + 1
        while (m := self.non_ascii_runs.search(text, pos)) is not None:
            pos = mark(m.start()) if _has_unsafe_pair(m.group()) else m.end()
        return starts

    def suspect(self, text: str) -> bool:
        if not self.latin1_clean(text) and self.unsafe.search(text):
            return True
        if text.isascii():  # (constant time)
            return False
        return any(_has_unsafe_pair(run) for run in self.non_ascii_runs.findall(text))

    def latin1_clean(self, text: str) -> bool:
        """True when ``text`` is Latin-1 and every character is safe in any context,
        so that :attr:`unsafe` cannot match: two C loops over bytes (encoding
        Latin-1 text is a copy), several times faster than the expression.
        False does not mean unsafe."""
        try:
            data = text.encode("latin-1")
        except UnicodeEncodeError:  # stops at the first character beyond Latin-1
            return False
        return not data.translate(None, self.latin1_safe)


_SCANNERS = {True: _Scanner(True), False: _Scanner(False)}


def suspect_lines(text: str, *, keep_typography: bool = True) -> set[int]:
    """Start offsets of the lines that need the full repair path.

    >>> sorted(suspect_lines("ok\\nL\\u00c3\\u00a9t\\u00c3\\u00a9\\nok\\nR&amp;D\\n"))
    [3, 13]
    """
    return _SCANNERS[keep_typography].suspect_lines(text)


def needs_repair(text: str, *, keep_typography: bool = True) -> bool:
    """False when two linear scans prove that no repair would change ``text``.

    >>> needs_repair("Le PSG s’impose 2-1 à Marseille.")
    False
    >>> needs_repair("mus\\u0102\\u00a9um")  # Windows-1250 mojibake
    True
    >>> needs_repair("R&amp;D")
    True
    """
    return _SCANNERS[keep_typography].suspect(text)

"""Read-more links glued after a teaser's cut summary (issue 10, round 34, branch glue44).

On listing pages and in scraped excerpts a teaser's summary ends with the link to the rest of
the article glued to it: "… [...] Lire la suite", "[…]Read More", "… more", "wi... » mehr",
"… du blocage duLire la suite…", "… Lire la suite de Gabon : Flopée de nominations …"
(WordPress's "Continuer de lire <titre>"). The labels are the data files' ``continue_labels``
(a link of its own after a truncation mark, a sentence's end, a cut word or in brackets) and
``more_labels`` (short words — "more", "mehr", "Article" — only right after a truncation mark,
or after a sentence's end with one after them). :class:`TailLinks` finds where such a link
opens; :meth:`cleannews.strip._rules.RuleSet.glued_label_start` asks that the summary be the
line's larger part, and :func:`cleannews.strip.detectors._glued_links` cuts the link.

Each label is found with ``str.find`` in the line's last :data:`GLUED_TAIL_SCAN_CHARS`
characters; what stands before it (a few characters) and after it (up to the line's end, at
most :data:`GLUED_TAIL_TITLE_CHARS` characters of headline) is then checked with short anchored
patterns: no pattern runs over the whole line, so a long line costs a few ``find`` calls.
"""

from __future__ import annotations

import regex

__all__ = ["GLUED_TAIL_SCAN_CHARS", "GLUED_TAIL_TITLE_CHARS", "TailLinks"]

#: The link is looked for in the line's last this many characters.
GLUED_TAIL_SCAN_CHARS = 320
#: After a truncation mark the link may carry the linked headline: at most this many
#: characters, opening with a capital or a quote (after "de", "sur", "on" … or none).
GLUED_TAIL_TITLE_CHARS = 200
#: What stands before a label is read in this many characters before it.
_BEFORE_CHARS = 8

#: What stands before the label: a truncation mark ("…", "...", "[…]", "[...]") and the
#: link's own space or arrow; a sentence's end and its spaces; an opening bracket.
_BEFORE = regex.compile(
    r"(?:(?P<trunc>\[\s?(?:…|\.{3})\s?\]|…|\.{3})(?P<lead>\s?(?:[»›→]\s?)?)"
    r"|(?P<sent>[.!?»\"”)])(?P<space>\s+)|(?P<bracket>\s?\[))$"
)
#: What may close the link at the line's end: an ellipsis, an arrow, a guillemet.
_END = r"(?:\s?(?:…|\.{2,3}|[»›→]|>>))?\s*$"
_AFTER_END = regex.compile(_END)
#: A short label after a sentence's end needs a truncation mark after it ("hat. mehr...").
_AFTER_CUT = regex.compile(r"(?:…|\.{3})\s*$")
_AFTER_TITLE = regex.compile(
    r"\s(?:(?:de|sur|on|auf|su|en)\s|d')?(?-i:[\p{Lu}«\"“])[^\n]{0,"
    + str(GLUED_TAIL_TITLE_CHARS) + "}" + _END,
    regex.IGNORECASE,
)
_AFTER_BRACKET = regex.compile(r"[^\]\n]{0,40}\]" + _END)


class TailLinks:
    """The read-more labels of some languages, by their first word.

    >>> links = TailLinks({"lire la suite", "read more"}, {"more"})
    >>> t = "Le maire a inauguré la salle [...] Lire la suite"
    >>> t[links.start(t):]
    ' Lire la suite'
    >>> [links.start(t) for t in ("Il veut lire la suite", "Il en veut… plus", "Fin… more")]
    [-1, -1, 4]
    """

    def __init__(self, labels: set[str], short: set[str]) -> None:
        #: label (lower case, single spaces) -> True for a ``continue_labels`` label
        self.full: dict[str, bool] = {}
        for w in short:
            self.full[" ".join(w.lower().split())] = False
        for w in labels:
            self.full[" ".join(w.lower().split())] = True
        heads: dict[str, list[str]] = {}
        for w in sorted(self.full):
            heads.setdefault(w.split()[0], []).append(w)
        self.heads = {h: tuple(ws) for h, ws in heads.items()}
        from cleannews.strip._rules import _fewest_literals  # _rules builds the TailLinks

        #: the labels without those holding another: none of them in a window, no label
        #: (round 38, perf53)
        self.fewest = _fewest_literals(sorted(self.full))

    def start(self, text: str) -> int:
        """Where the first read-more link closing ``text`` opens (-1: none).

        A window holding no label (most lines: 4,703 of the 4,875 lines of every 4th
        document of ``bench_pipeline.corpus()``) is ruled out by one ``in`` test per label
        of :attr:`fewest` (12 for French and English) before the ``find`` per label's first
        word (about 14 a line, each "la" of the line one more); the ``find`` loop finds a
        spot exactly where a label occurs. Measured on those lines (CPU time, best of 5):
        the ``find`` loop alone 24.5 ms, a trie of the labels as one ``re`` search first
        (``_rules._any_literal``) 20.0 ms, these ``in`` tests first 17.0 ms (round 38,
        perf53).
        """
        start = max(0, len(text) - GLUED_TAIL_SCAN_CHARS)
        window = text[start:].lower()
        if len(window) != len(text) - start:
            return -1  # a character lowered to several: the offsets differ (none seen)
        for label in self.fewest:
            if label in window:
                break
        else:
            return -1
        spots: dict[int, list[str]] = {}
        for head, labels in self.heads.items():
            p = window.find(head)
            while p >= 0:
                # one call tests every label of the word ("la" opens many words of a line)
                if window.startswith(labels, p):
                    spots.setdefault(p, []).extend(w for w in labels if window.startswith(w, p))
                p = window.find(head, p + 1)
        for p in sorted(spots):
            for label in spots[p]:
                at = self._link_at(text, start + p, label)
                if at >= 0:
                    return at
        return -1

    def _link_at(self, text: str, a: int, label: str) -> int:
        """Where the link opens when ``label`` at ``a`` closes the line as a link; else -1.

        >>> links = TailLinks({"lire la suite"}, {"mehr"})
        >>> links._link_at("du blocage duLire la suite…", 13, "lire la suite")
        13
        >>> links._link_at("Folgen hat. mehr...", 12, "mehr")
        11
        """
        b = a + len(label)
        full = self.full[label]
        pre = text[max(0, a - _BEFORE_CHARS) : a]
        m = _BEFORE.search(pre)
        off = a - len(pre)
        if m is None:
            glued = pre[-1:].islower() and text[a].isupper()
            return a if full and glued and _AFTER_END.match(text, b) else -1
        if m.group("trunc"):
            if _AFTER_END.match(text, b) or (full and _AFTER_TITLE.match(text, b)):
                return off + m.start("lead")
            return -1
        if m.group("sent"):
            after = _AFTER_END if full else _AFTER_CUT
            return off + m.start("space") if after.match(text, b) else -1
        return off + m.start("bracket") if full and _AFTER_BRACKET.match(text, b) else -1

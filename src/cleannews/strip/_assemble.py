"""Rebuild a text from its lines once some lines (or spans inside lines) are removed.

Every removal becomes one :class:`~cleannews.Change` whose ``span`` covers
exactly the removed input characters, so ``text[span[0]:span[1]] == before``.
A removed line takes its own line break with it; blank lines left doubled
(or left at the start/end of the text) by a removal are folded into the
neighbouring removal, so paragraphs stay separated by one blank line::

    >>> lines = split_lines("Titre\\n\\nPartager:\\n\\nTexte.\\n")
    >>> plan = {2: Removal("share_bar", "share bar")}
    >>> out, changes = assemble("Titre\\n\\nPartager:\\n\\nTexte.\\n", lines, plan, "strip")
    >>> out
    'Titre\\n\\nTexte.\\n'
    >>> changes[0].before
    'Partager:\\n\\n'
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from itertools import chain, islice

from cleannews._lines import split_lines
from cleannews.document import Change

__all__ = [
    "AMB", "BAD", "GOOD", "KEEP", "LineSpans", "Removal", "SpanRemoval", "assemble",
    "kept_standing", "nearest_standing", "next_standing", "split_lines",
]

#: The classes of a line while the strip stage judges a page (``_Line.cls``): furniture,
#: article text, text kept whatever the neighbours say, and not decided yet. Defined here,
#: the leaf module of the stage, so that every pass imports the same names.
BAD, GOOD, KEEP, AMB = "bad", "good", "keep", "amb"


def nearest_standing(lines, i: int, step: int) -> int:
    """Index of the first non-blank line of ``lines`` (the strip stage's ``_Line`` list) from
    ``i`` in direction ``step`` (+1 / -1), ``i`` itself left out; -1 if none. It reads only
    the lines it steps over, not the page from its first line as ``islice(lines, i + 1,
    None)`` does (which made a pass that asks it for each line of a long page quadratic).

        >>> from cleannews.strip.detectors import _Line
        >>> ls = [_Line(t, frozenset()) for t in ("Titre", "", "  ", "Texte.")]
        >>> [nearest_standing(ls, i, step) for i, step in ((0, 1), (3, -1), (3, 1), (0, -1))]
        [3, 0, -1, -1]
    """
    j = i + step
    while 0 <= j < len(lines):
        if not lines[j].blank:
            return j
        j += step
    return -1


def next_standing(lines, j: int):
    """The first non-blank line from index ``j`` on, or None (:func:`nearest_standing`):
    the line that stands next on the page, whatever its class.

        >>> from cleannews.strip.detectors import _Line
        >>> ls = [_Line(t, frozenset()) for t in ("Titre", "", "Texte.", "")]
        >>> next_standing(ls, 1).text, next_standing(ls, 3)
        ('Texte.', None)
    """
    k = nearest_standing(lines, j - 1, 1)
    return lines[k] if k >= 0 else None


def kept_standing(lines) -> list[int]:
    """Indexes of the lines that stand and that no rule removed (not blank, class not
    ``BAD``): the lines a pass over the page as it stands reads.

        >>> from cleannews.strip.detectors import _Line
        >>> ls = [_Line(t, frozenset()) for t in ("Menu", "", "Titre", "Texte.")]
        >>> ls[0].bad("menu_run", "a menu")
        >>> kept_standing(ls)
        [2, 3]
    """
    return [i for i, ln in enumerate(lines) if not ln.blank and ln.cls != BAD]


class LineSpans:
    """:func:`split_lines` of a text in two arrays of integers: the same triples
    ``(start, end_of_content, end_with_newline)`` by index and by iteration, 16 bytes a
    line instead of a tuple and its integers (about 160 bytes: the list of tuples was
    more than the document's UTF-8 size on a page of short lines).

    A line's ``end_with_newline`` is the next line's start; the last line's is the
    text's length.

        >>> sp = LineSpans("a\\n\\nbc")
        >>> list(sp) == split_lines("a\\n\\nbc"), sp[1], sp[-1], len(sp)
        (True, (2, 2, 3), (3, 5, 5), 3)
    """

    __slots__ = ("_ends", "_starts", "_total")

    def __init__(self, text: str) -> None:
        starts, ends = array("q"), array("q")
        pos, n = 0, len(text)
        find = text.find
        while pos < n:
            nl = find("\n", pos)
            starts.append(pos)
            if nl < 0:
                ends.append(n)
                break
            ends.append(nl)
            pos = nl + 1
        self._starts, self._ends, self._total = starts, ends, n

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, i: int) -> tuple[int, int, int]:
        starts = self._starts
        if i < 0:
            i += len(starts)
        nxt = starts[i + 1] if i + 1 < len(starts) else self._total
        return starts[i], self._ends[i], nxt

    def __iter__(self):
        starts = self._starts
        return zip(starts, self._ends, chain(islice(starts, 1, None), (self._total,)), strict=True)


@dataclass(frozen=True)
class SpanRemoval:
    """A span inside one line to remove (offsets relative to the line start)."""

    start: int
    end: int
    rule: str
    reason: str


@dataclass
class Removal:
    """Why a whole line goes (``rule`` and human ``reason``), or which spans of it go."""

    rule: str
    reason: str
    spans: list[SpanRemoval] = field(default_factory=list)

    @property
    def whole_line(self) -> bool:
        return not self.spans


#: Kept lines next to each other are copied to the output as one slice of at most this many
#: characters (fewer pieces than lines; a slice is stored as wide as its widest character,
#: so a cap keeps one emoji from widening a whole page's piece).
RUN_CHARS = 4096


def _is_blank(text: str, line: tuple[int, int, int]) -> bool:
    return text[line[0] : line[1]].strip() == ""


def _tail_line(text: str, lines, spans: dict, dropped: set[int], plan: dict) -> int:
    r"""The last kept line that is not blank when every line after it goes (removed, or a
    blank line kept or folded into a removal) and ``text`` does not end with a line break;
    -1 otherwise (or when a span removed inside that line reaches its break).

    >>> text = "Le texte.\n\nPartager :"
    >>> _tail_line(text, split_lines(text), {2: [11, 21, "share_bar", ""]}, set(), {})
    0
    >>> _tail_line(text + "\n", split_lines(text + "\n"), {2: [11, 22, "share_bar", ""]},
    ...            set(), {})
    -1
    """
    if not spans or text.endswith("\n"):
        return -1
    k = len(lines) - 1
    while k >= 0 and (k in spans or k in dropped):
        k -= 1
    if k < 0 or k == len(lines) - 1:
        return -1  # the last line stays
    while k >= 0 and k not in spans and _is_blank(text, lines[k]):
        k -= 1  # kept blank lines above the removals at the end go with them
    if k < 0 or k in spans or k in dropped:
        return -1  # only blank lines before them, or a kept blank line between two removals
    s, c, _ = lines[k]
    if k in plan and any(s + sp.end > c for sp in plan[k].spans):
        return -1
    return k


def assemble(
    text: str,
    lines,
    plan: dict[int, Removal],
    stage: str,
) -> tuple[str, list[Change]]:
    """Apply ``plan`` (line index -> :class:`Removal`) to ``text``; return (new text, changes).

    ``lines``: :func:`split_lines` of ``text`` (a list of triples or a :class:`LineSpans`).
    """
    if not plan:
        return text, []
    n = len(lines)
    # mutable [start, end, rule, reason] for whole-line removals, keyed by line index
    spans: dict[int, list] = {}
    for i, r in plan.items():
        if r.whole_line:
            s, _, e = lines[i]
            spans[i] = [s, e, r.rule, r.reason]
    removed = set(spans)
    # fold blank lines made redundant by removals into the adjacent removal
    dropped_blank: set[int] = set()
    last_kept_blank = True  # the start of the text counts as a break
    open_span: int | None = None  # removal that ends exactly where line i starts
    for i, (s, c, e) in enumerate(lines):
        if i in removed:
            open_span = i
            continue
        blank = text[s:c].strip() == ""
        if blank and last_kept_blank:
            if open_span is not None:
                spans[open_span][1] = e
                dropped_blank.add(i)
                continue
            if i + 1 in spans:
                spans[i + 1][0] = s
                dropped_blank.add(i)
                continue
        last_kept_blank = blank
        open_span = None
    # trailing kept blank lines before removed lines at the end of the text
    i = n - 1
    while i >= 0 and (i in removed or i in dropped_blank):
        i -= 1
    while i >= 0 and _is_blank(text, lines[i]) and i + 1 in spans and i not in dropped_blank:
        spans[i + 1][0] = lines[i][0]
        dropped_blank.add(i)
        i -= 1
    # a text not ending with a line break keeps none at its end: when the last lines go, the
    # kept blank lines above them and the last kept line's break go with them (else a second
    # pass over "A\n" would keep the break that "A\nPartager :" lost, round 33)
    tail_line = _tail_line(text, lines, spans, dropped_blank, plan)
    if tail_line >= 0:
        j = tail_line + 1
        while j not in spans:  # kept blank lines (or folded ones) before the last removal
            dropped_blank.add(j)
            j += 1
        spans[j][0] = lines[tail_line][1]
    # build the output: runs of kept lines as one slice each (at most RUN_CHARS characters)
    out: list[str] = []
    changes: list[Change] = []
    run_start = run_end = -1
    for i, (s, c, e) in enumerate(lines):
        if i not in spans and i not in dropped_blank and i not in plan:
            if i == tail_line:
                e = c  # its line break goes with the removal at the end of the text
            if run_start < 0:
                run_start = s
            elif e - run_start > RUN_CHARS:
                out.append(text[run_start:run_end])
                run_start = s
            run_end = e
            continue
        if run_start >= 0:
            out.append(text[run_start:run_end])
            run_start = -1
        if i in spans:
            a, b, rule, reason = spans[i]
            changes.append(Change(stage, rule, (a, b), text[a:b], "", reason))
            continue
        if i in dropped_blank:
            continue
        r = plan[i]
        pos = s
        for sp in sorted(r.spans, key=lambda x: x.start):
            a, b = s + sp.start, s + sp.end
            if a < pos or b <= a:
                continue
            out.append(text[pos:a])
            changes.append(Change(stage, sp.rule, (a, b), text[a:b], "", sp.reason))
            pos = b
        out.append(text[pos : c if i == tail_line else e])
    if run_start >= 0:
        out.append(text[run_start:run_end])
    return "".join(out), changes

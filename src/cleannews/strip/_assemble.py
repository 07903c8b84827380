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

from dataclasses import dataclass, field

from cleannews._lines import split_lines
from cleannews.document import Change

__all__ = ["Removal", "SpanRemoval", "assemble", "split_lines"]


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


def _is_blank(text: str, line: tuple[int, int, int]) -> bool:
    return text[line[0] : line[1]].strip() == ""


def assemble(
    text: str,
    lines: list[tuple[int, int, int]],
    plan: dict[int, Removal],
    stage: str,
) -> tuple[str, list[Change]]:
    """Apply ``plan`` (line index -> :class:`Removal`) to ``text``; return (new text, changes)."""
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
    for i in range(n):
        if i in removed:
            open_span = i
            continue
        if _is_blank(text, lines[i]) and last_kept_blank:
            if open_span is not None:
                spans[open_span][1] = lines[i][2]
                dropped_blank.add(i)
                continue
            if i + 1 in spans:
                spans[i + 1][0] = lines[i][0]
                dropped_blank.add(i)
                continue
        last_kept_blank = _is_blank(text, lines[i])
        open_span = None
    # trailing kept blank lines before removed lines at the end of the text
    i = n - 1
    while i >= 0 and (i in removed or i in dropped_blank):
        i -= 1
    while i >= 0 and _is_blank(text, lines[i]) and i + 1 in spans and i not in dropped_blank:
        spans[i + 1][0] = lines[i][0]
        dropped_blank.add(i)
        i -= 1
    # build the output
    out: list[str] = []
    changes: list[Change] = []
    for i in range(n):
        s, _, e = lines[i]
        if i in spans:
            a, b, rule, reason = spans[i]
            changes.append(Change(stage, rule, (a, b), text[a:b], "", reason))
            continue
        if i in dropped_blank:
            continue
        r = plan.get(i)
        if r is None:
            out.append(text[s:e])
            continue
        pos = s
        for sp in sorted(r.spans, key=lambda x: x.start):
            a, b = s + sp.start, s + sp.end
            if a < pos or b <= a:
                continue
            out.append(text[pos:a])
            changes.append(Change(stage, sp.rule, (a, b), text[a:b], "", sp.reason))
            pos = b
        out.append(text[pos:e])
    return "".join(out), changes

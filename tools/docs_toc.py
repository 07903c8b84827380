"""Rewrite the ``**Contents**`` list of a docs file from its ``## `` sections.

Long files of ``docs/`` open with a contents list (``tests/test_doc_links.py``). Helpers
add sections on their branches; after a merge the list is regenerated here, so no section
is missing from it::

    python tools/docs_toc.py            # rewrite the lists of every docs/*.md that has one
    python tools/docs_toc.py --check    # exit 1 and name the files whose list is stale

Only bullet lists (``* [title](#anchor)`` lines after the ``**Contents**`` line) are
rewritten; a file whose contents are one inline line of links is left as it is.

>>> slug("1. Repair (`cleannews.repair`)")
'1-repair-cleannewsrepair'
>>> contents_lines(["# T", "## A b", "```", "## not", "```", "## A b"])
['* [A b](#a-b)', '* [A b](#a-b-1)']
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
MARK = "**Contents**"


def slug(title: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-")


def headings(lines: list[str]) -> list[tuple[int, str, str]]:
    """``(level, title, anchor)`` of every heading outside fenced code, anchors numbered as
    GitHub does (``-1``, ``-2`` … for repeats; ``tests/test_doc_links.py`` resolves links
    with them).

    >>> headings(["# T", "## A b", "```", "## not", "```", "## A b"])
    [(1, 'T', 't'), (2, 'A b', 'a-b'), (2, 'A b', 'a-b-1')]
    """
    seen: dict[str, int] = {}
    out, fence = [], False
    for line in lines:
        if line.startswith("```"):
            fence = not fence
            continue
        m = None if fence else _HEADING.match(line)
        if not m:
            continue
        s = slug(m.group(2))
        n = seen.get(s, 0)
        seen[s] = n + 1
        out.append((len(m.group(1)), m.group(2), s if n == 0 else f"{s}-{n}"))
    return out


def contents_lines(lines: list[str]) -> list[str]:
    """One ``* [title](#anchor)`` line per ``## `` section (:func:`headings`)."""
    return [f"* [{title}](#{anchor})" for level, title, anchor in headings(lines) if level == 2]


def rewrite(text: str) -> str:
    """``text`` with its bullet contents list regenerated (unchanged without one)."""
    lines = text.split("\n")
    at = next((i for i, ln in enumerate(lines) if ln.startswith(MARK)), None)
    if at is None:
        return text
    start = at + 1
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start >= len(lines) or not lines[start].startswith("* ["):
        return text
    end = start
    while end < len(lines) and lines[end].startswith("* ["):
        end += 1
    return "\n".join(lines[:start] + contents_lines(lines) + lines[end:])


def main(argv: list[str]) -> int:
    stale = []
    for path in sorted((ROOT / "docs").glob("*.md")):
        text = path.read_text("utf-8")
        new = rewrite(text)
        if new != text:
            stale.append(path.name)
            if "--check" not in argv:
                path.write_text(new, "utf-8")
    if stale:
        print(("stale contents: " if "--check" in argv else "rewrote: ") + ", ".join(stale))
    return 1 if stale and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

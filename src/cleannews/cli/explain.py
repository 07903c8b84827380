"""``cleannews explain FILE``: show, line by line, what would be removed or changed and why."""

from __future__ import annotations

import argparse
import logging
import sys
from bisect import bisect_right

from cleannews.cli._common import add_config_flags, config_from_args, is_html_path, read_inputs
from cleannews.document import Change, Document
from cleannews.errors import InputError

log = logging.getLogger("cleannews")

_COLORS = {"-": "\x1b[31m", "~": "\x1b[33m", "+": "\x1b[32m", "dim": "\x1b[2m", "end": "\x1b[0m"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "explain",
        help="show line by line what would be removed or changed, and why",
        description="Print each input line with a mark: '-' removed, '~' changed, ' ' kept; "
        "under it the rule and the reason. Ends with the spin score and its evidence.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="text or HTML files; - for stdin")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.add_argument("--changes-only", action="store_true", help="print only lines with a change")
    add_config_flags(p)
    p.set_defaults(func=run)


def render(source: str, doc: Document, *, color: bool = False, changes_only: bool = False) -> str:
    """The explanation of ``doc`` against its input ``source`` as terminal text."""

    def paint(mark: str, s: str) -> str:
        return f"{_COLORS[mark]}{s}{_COLORS['end']}" if color else s

    starts = [0]
    for i, ch in enumerate(source):
        if ch == "\n":
            starts.append(i + 1)
    by_line: dict[int, list[Change]] = {}
    for c in doc.changes:
        first = c.span[0]
        while first < c.span[1] - 1 and source[first : first + 1] == "\n":
            first += 1  # a removed line may take the line break before it along
        line = max(0, bisect_right(starts, first) - 1)
        by_line.setdefault(line, []).append(c)
    out: list[str] = []
    lines = source.split("\n")
    width = len(str(len(lines)))
    for n, line in enumerate(lines):
        changes = by_line.get(n, [])
        ls = starts[n] if n < len(starts) else len(source)
        whole = any(c.removed and c.span[0] <= ls and c.span[1] >= ls + len(line) for c in changes)
        mark = "-" if whole and line else ("~" if changes else " ")
        if changes_only and mark == " ":
            continue
        shown = line if len(line) <= 200 else line[:197] + "..."
        text = f"{n + 1:>{width}} {mark} {shown}"
        out.append(paint(mark, text) if mark != " " else text)
        for c in changes:
            detail = f"{' ' * width}     [{c.stage}:{c.rule}] {c.reason}"
            if not c.removed and (c.before or c.after):
                b, a = c.before[:60], c.after[:60]
                detail += f"  ({b!r} -> {a!r})"
            elif c.removed and not whole:
                detail += f"  (removed {c.before[:60]!r})"
            out.append(paint("dim", detail))
    spin = doc.spin
    out.append("")
    out.append(f"spin: {spin.label} (score {spin.score:.2f}, {spin.n_words} words)")
    for e in spin.evidence[:15]:
        out.append(f"  - {e.signal}: {e.reason}")
    if len(spin.evidence) > 15:
        out.append(f"  … and {len(spin.evidence) - 15} more")
    out.append(f"verdict: {doc.verdict}" + (f" ({doc.reason})" if doc.reason else ""))
    if doc.metadata:
        out.append("metadata: " + ", ".join(f"{k}={v}" for k, v in doc.metadata.items()))
    return "\n".join(out) + "\n"


def run(args: argparse.Namespace) -> int:
    from cleannews._input import decode_input
    from cleannews.pipeline import clean, clean_html

    cfg = config_from_args(args)
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    failures = 0
    try:
        for name, raw in read_inputs(args.files):
            try:
                source, _ = decode_input(raw)
                fn = clean_html if is_html_path(name, args.format) else clean
                doc = fn(source, cfg, id=name)
            except InputError as exc:
                log.error("%s: %s", name, exc)
                failures += 1
                continue
            if len(args.files) > 1:
                sys.stdout.write(f"==> {name} <==\n")
            sys.stdout.write(render(source, doc, color=color, changes_only=args.changes_only))
    except OSError as exc:
        log.error("%s", exc)
        return 2
    return 1 if failures else 0

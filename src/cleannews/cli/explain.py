"""``cleannews explain FILE``: show, line by line, what would be removed or changed and why."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys

from cleannews._explain import plan, render
from cleannews.cli._common import (
    Outcome,
    add_config_flags,
    add_size_flag,
    cleaned_inputs,
    config_from_args,
    expand_files,
    record_limit,
)
from cleannews.cli.clean import DEFAULT_SEPARATOR, _header

log = logging.getLogger("cleannews")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "explain",
        help="show line by line what would be removed or changed, and why",
        description="Print each input line with a mark: '-' removed, '~' changed, ' ' kept; "
        "under it the rule and the reason. Ends with the spin score and its evidence, the "
        "verdict (empty or empty_after_cleaning for a document that prints nothing), the "
        "language and the metadata. With --json, one JSON object per document instead: "
        "the repairs and removals (rule, family, span, lines), the lines removed and "
        "changed, the spin score and evidence, the verdict and its reason. Exit code: 0 ok "
        "(an empty document, or one of "
        "boilerplate only, is a warning), 1 some documents refused (binary, NUL characters, "
        "too large, damaged gzip data, an RSS/Atom feed), 2 usage or I/O error.",
    )
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="text or HTML files (.gz too), folders of them; - for stdin")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour the marks (default %(default)s: when stdout is a terminal, "
                   "NO_COLOR is not set and TERM is not dumb); ignored with --json, whose "
                   "output is never coloured")
    # --json lists the changes only: --changes-only with it would be ignored, so argparse
    # refuses the pair (exit 2), as `clean` refuses --json with --separator
    shape = p.add_mutually_exclusive_group()
    shape.add_argument("--changes-only", action="store_true",
                       help="print only lines with a change")
    shape.add_argument("--json", action="store_true",
                       help="print the explanation of each document as one JSON line (its "
                       "fields: docs/cli.md, 'explain --json')")
    add_config_flags(p)
    add_size_flag(p)
    p.set_defaults(func=run)


def use_color(choice: str, stream: object) -> bool:
    """Whether ``--color CHOICE`` colours the output written to ``stream``: ``auto`` colours a
    terminal unless ``NO_COLOR`` is set (https://no-color.org; it was ignored) or ``TERM`` is
    ``dumb``; ``always`` and ``never`` do as they say.

    >>> import io
    >>> use_color("always", io.StringIO()), use_color("auto", io.StringIO())
    (True, False)
    """
    if choice != "auto":
        return choice == "always"
    isatty = getattr(stream, "isatty", None)
    return (bool(isatty and isatty()) and not os.environ.get("NO_COLOR")
            and os.environ.get("TERM") != "dumb")


def run(args: argparse.Namespace) -> int:
    cfg = config_from_args(args)
    color = use_color(args.color, sys.stdout)
    names = expand_files(args.files)
    if not names:  # folders without documents (each warned about): nothing to do, exit 0
        return 0  # as `run` and `score` (it was 2, "no input documents"; audit20)
    outcome = Outcome()
    with outcome.until_reader_goes():  # `| head`: exit code of what was done (0 / 1 / 2)
        for name, source, doc in cleaned_inputs(names, args.format, cfg, outcome,
                                                decoded=True, limit=record_limit(args),
                                                command="explain"):
            if args.json:  # the id is the file's name, as `clean --json` gives it
                sys.stdout.write(json.dumps(plan(source, doc, html=None), ensure_ascii=False)
                                 + "\n")
                continue
            if len(names) > 1:  # the header line `clean` writes by default
                sys.stdout.write(_header(DEFAULT_SEPARATOR, name))
            sys.stdout.write(render(source, doc, color=color, changes_only=args.changes_only))
        sys.stdout.flush()
    return outcome.exit_code

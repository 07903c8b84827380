"""The ``cleannews`` command line.

Subcommands live in their own modules; each module exposes
``add_parser(subparsers)`` (which registers the subcommand and sets
``func`` on it) so adding one is adding a module to :data:`SUBCOMMANDS`.

Habits: ``-`` means stdin/stdout, logs and progress go to stderr, and the
exit code is 0 (ok), 1 (finished, but some documents failed) or 2 (usage
or I/O error).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from cleannews.__about__ import __version__

__all__ = ["EXIT_FAILURES", "EXIT_OK", "EXIT_USAGE", "SUBCOMMANDS", "main"]

EXIT_OK = 0
EXIT_FAILURES = 1
EXIT_USAGE = 2

#: Modules (under ``cleannews.cli``) that each add one subcommand, in help order.
SUBCOMMANDS: tuple[str, ...] = ("clean", "explain", "run", "score", "report")

log = logging.getLogger("cleannews")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with a hint, as argparse does, but ours
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cleannews",
        description="Clean and repair scraped news text (French first): repair, strip "
        "boilerplate, score spun French. Every change is explained.",
    )
    parser.add_argument("--version", action="version", version=f"cleannews {__version__}")
    parser.add_argument(
        "-v", "--verbose", action="count", default=0, help="more logging on stderr (-vv: debug)"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="only errors on stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in SUBCOMMANDS:
        importlib.import_module(f"cleannews.cli.{name}").add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cleannews`` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    level = (
        logging.ERROR
        if args.quiet
        else (logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)]
    )
    logging.basicConfig(
        level=level, format="cleannews: %(levelname)s: %(message)s", stream=sys.stderr
    )
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except BrokenPipeError:  # `cleannews clean x | head`: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("cleannews: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

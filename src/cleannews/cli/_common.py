"""Helpers shared by the subcommands: reading inputs, config flags, writing output."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from cleannews.config import CleanConfig

__all__ = ["add_config_flags", "config_from_args", "is_html_path", "read_inputs"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def add_config_flags(p: argparse.ArgumentParser) -> None:
    """Flags that map onto :class:`~cleannews.CleanConfig` options."""
    g = p.add_argument_group("pipeline options")
    g.add_argument(
        "--format",
        choices=("auto", "text", "html"),
        default="auto",
        help="input format: by file extension (auto, default), plain text or HTML",
    )
    g.add_argument("--no-strip", action="store_true", help="repair only, keep boilerplate")
    g.add_argument("--no-spin", action="store_true", help="do not score spun French")
    g.add_argument(
        "--straighten-quotes",
        action="store_true",
        help="let ftfy straighten curly quotes (off by default: French typography)",
    )
    g.add_argument(
        "--quarantine-threshold",
        type=float,
        default=None,
        metavar="P",
        help="spin score at which a document is quarantined (default %(default)s: "
        "the config's own)",
    )


def config_from_args(args: argparse.Namespace) -> CleanConfig:
    cfg = CleanConfig(
        strip_boilerplate=not getattr(args, "no_strip", False),
        score_spin=not getattr(args, "no_spin", False),
        keep_typography=not getattr(args, "straighten_quotes", False),
    )
    thr = getattr(args, "quarantine_threshold", None)
    if thr is not None:
        cfg = cfg.replace(spin_quarantine_threshold=thr)
    return cfg


def is_html_path(name: str, fmt: str = "auto") -> bool:
    if fmt != "auto":
        return fmt == "html"
    return name.lower().endswith(HTML_SUFFIXES)


def read_inputs(names: list[str]) -> Iterator[tuple[str, bytes]]:
    """Yield ``(name, raw_bytes)`` for each path; ``-`` reads standard input.

    Raises ``OSError`` for a path that cannot be read (the caller reports it).
    """
    for name in names:
        if name == "-":
            yield "-", sys.stdin.buffer.read()
        else:
            yield name, Path(name).read_bytes()

"""``cleannews clean FILE... | -``: print the cleaned text (or the Document as JSON)."""

from __future__ import annotations

import argparse
import json
import logging
import sys

from cleannews.cli._common import add_config_flags, config_from_args, is_html_path, read_inputs
from cleannews.errors import InputError

log = logging.getLogger("cleannews")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "clean",
        help="print cleaned text of files (or stdin)",
        description="Clean each FILE (- for stdin) and print the cleaned text to stdout. "
        "With --json, print one JSON object per document: text, changes with "
        "their reasons, metadata, spin score, verdict.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="text or HTML files; - for stdin")
    p.add_argument("--json", action="store_true", help="print each Document as one JSON line")
    add_config_flags(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from cleannews.pipeline import clean, clean_html

    cfg = config_from_args(args)
    failures = 0
    out = sys.stdout
    try:
        for name, raw in read_inputs(args.files):
            try:
                fn = clean_html if is_html_path(name, args.format) else clean
                doc = fn(raw, cfg, id=name)
            except InputError as exc:
                log.error("%s: %s", name, exc)
                failures += 1
                continue
            if args.json:
                out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
            else:
                text = doc.text
                out.write(text if text.endswith("\n") or not text else text + "\n")
                if len(args.files) > 1:
                    out.write("\n")
            if doc.quarantined:
                log.warning("%s: quarantined: %s", name, doc.reason)
    except OSError as exc:
        log.error("%s", exc)
        return 2
    out.flush()
    return 1 if failures else 0

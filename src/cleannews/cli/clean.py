"""``cleannews clean FILE|DIR... | -``: print the cleaned text (or the Document as JSON)."""

from __future__ import annotations

import argparse
import json
import logging
import sys

import regex

from cleannews.cli._common import (
    Outcome,
    add_config_flags,
    add_size_flag,
    cleaned_inputs,
    config_from_args,
    expand_files,
    record_limit,
    seconds_limit,
)

log = logging.getLogger("cleannews")

#: Default ``--separator``: a header line before each document when there are several.
DEFAULT_SEPARATOR = "==> {name} <=="
#: Placeholders a ``--separator`` template may hold (``{name}``: the file name).
SEPARATOR_PLACEHOLDERS = ("name",)
#: What counts as a placeholder in a ``--separator`` template: braces around a word or
#: nothing (``{nme}``, ``{0}``, ``{}``); other braces (``{ x }``, ``{-}``, a lone ``{``)
#: are printed as they are. Linear: no nested quantifier.
_PLACEHOLDER = regex.compile(r"\{(\w*)\}")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "clean",
        help="print cleaned text of files, folders (or stdin)",
        description="Clean each FILE (- for stdin; a folder: its .txt/.html files, .gz too, "
        "recursively) and print the cleaned text to stdout. With several documents, "
        "each is preceded by a header line (--separator). With --json, print one JSON "
        "object per document: text, changes with their reasons, metadata, language, "
        "spin score, verdict. Exit code: 0 ok (an empty document, or one of boilerplate "
        "only, is a warning), 1 some documents refused (binary, NUL characters, too large, "
        "damaged gzip data, an RSS/Atom feed, slower than --doc-timeout), 2 usage or I/O error.",
    )
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="text or HTML files (.gz too), folders of them; - for stdin")
    # --json prints no header line: a --separator given with it would be ignored silently,
    # so argparse refuses the pair (exit 2), as it does for any two exclusive options
    shape = p.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true",
                       help="print each Document as one JSON line")
    shape.add_argument("--separator", type=separator_template, default=None, metavar="TEXT",
                       help="line printed before each document when there are several; {name} "
                       f"is the file name (default {DEFAULT_SEPARATOR!r}, as head(1) does); "
                       "another {word} is refused")
    p.add_argument("--doc-timeout", type=seconds_limit, default=None, metavar="SECONDS",
                   help="stop a document that takes longer than SECONDS to clean: an error "
                   "naming it, the other inputs still cleaned, exit code 1 (default: no limit; "
                   "POSIX, Python code only, as run --jobs 1)")
    add_config_flags(p)
    add_size_flag(p)
    p.set_defaults(func=run)


def separator_template(text: str) -> str:
    """``--separator TEXT`` checked: a placeholder other than ``{name}`` (a typo such as
    ``{nme}``, printed as it was before) is a usage error naming it and the known ones.

    >>> separator_template("### {name} ({name})")
    '### {name} ({name})'
    >>> separator_template("{ literal } {name}")
    '{ literal } {name}'
    >>> separator_template("==> {nme} <==")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: unknown placeholder {nme} (known: {name})
    """
    unknown = [m.group(0) for m in _PLACEHOLDER.finditer(text)
               if m.group(1) not in SEPARATOR_PLACEHOLDERS]
    if unknown:
        known = ", ".join("{" + k + "}" for k in SEPARATOR_PLACEHOLDERS)
        raise argparse.ArgumentTypeError(
            f"unknown placeholder{'s' if len(set(unknown)) > 1 else ''} "
            f"{', '.join(dict.fromkeys(unknown))} (known: {known})")
    return text


def _header(template: str, name: str) -> str:
    """The separator line for ``name``.

    >>> _header("==> {name} <==", "a.txt")
    '==> a.txt <==\\n'
    """
    from cleannews.batch.sources import terminal_safe

    return template.replace("{name}", terminal_safe(name)) + "\n"


def run(args: argparse.Namespace) -> int:
    from cleannews.batch.sources import terminal_safe

    cfg = config_from_args(args)
    names = expand_files(args.files)
    if not names:  # folders without documents (each warned about): nothing to do, exit 0
        return 0  # as `run` and `score` (it was 2, "no input documents"; audit20)
    several = len(names) > 1
    outcome = Outcome()
    out = sys.stdout
    with outcome.until_reader_goes():  # `| head -1`: exit code of what was done (0 / 1 / 2)
        for name, _raw, doc in cleaned_inputs(names, args.format, cfg, outcome,
                                              limit=record_limit(args), command="clean",
                                              doc_timeout=args.doc_timeout):
            if args.json:
                out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
            else:
                # the header and its text in one write: Ctrl-C while a write waits on a full
                # pipe raises inside it, and the output ended with a header whose text was lost
                head = _header(args.separator or DEFAULT_SEPARATOR, name) if several else ""
                text = doc.text
                out.write(head + (text if text.endswith("\n") or not text else text + "\n"))
            said = terminal_safe(name)
            log.info("%s: %d changes, language %s, verdict %s", said, len(doc.changes),
                     doc.language, doc.verdict)
            if doc.quarantined:
                log.warning("%s: %s: %s", said, doc.verdict, doc.reason)
        out.flush()
    return outcome.exit_code

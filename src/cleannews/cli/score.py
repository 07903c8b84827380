"""``cleannews score INPUT...``: quick triage, one JSON line per document (score, evidence)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from cleannews.batch.limits import names_folder
from cleannews.cli._batch import (
    EXIT_USAGE,
    add_batch_flags,
    batch_options,
    execute,
    jobs_of,
    show_progress,
)
from cleannews.cli._common import config_from_args, probability, stdin_format

log = logging.getLogger("cleannews")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "score",
        help="spin-score a corpus: one JSON line per document, no cleaned text written",
        description="Print one JSON line per document: id, spin score, label, verdict and "
        "the top evidence. Documents that cannot be read or cleaned give a line with an "
        "'error' object (or go to --errors DIR). Same inputs, JSONL fields, size limit and "
        "pipeline options as 'run'; no sinks folder, --resume, --site-templates or "
        "--find-copies (those are run's). "
        "Exit code: 0 all processed, 1 some documents failed (unreadable, binary, empty, a feed, "
        "slower than --doc-timeout …: "
        "an error line each), 2 usage or I/O error.",
    )
    add_batch_flags(p)
    p.add_argument("--min-score", type=probability, default=None, metavar="P",
                   help="print only documents whose spin score is at least P, between 0 "
                   "and 1 (default: print every document)")
    p.add_argument("-o", "--out", default="-", metavar="FILE",
                   help="write the lines to FILE instead of stdout (written again whole on "
                   "every run: score keeps no run state and has no --resume; 'cleannews run "
                   "--out DIR' does)")
    p.add_argument("--errors", metavar="DIR", help="write error records to DIR/errors.jsonl "
                   "instead of mixing them into the output")
    p.add_argument("--report", metavar="FILE", help="also write a JSON report (- : to "
                   "standard output, with -o FILE)")
    p.set_defaults(func=run)


def spin_switched_off(args: argparse.Namespace) -> str | None:
    """Why ``score`` has nothing to do with these flags (``None``: spin scoring is on).

    ``--no-spin`` (or ``--set score_spin=false``, a ``--config`` file's ``score_spin =
    false``) printed ``score 0.0, label not_scored`` on every line, and with
    ``--min-score`` nothing but the errors (round 33): a usage error naming ``run --no-spin``,
    the command that cleans without scoring.

    >>> spin_switched_off(argparse.Namespace(no_spin=True))[:46]
    '--no-spin switches off the spin score, the one'
    >>> spin_switched_off(argparse.Namespace(no_spin=False)) is None
    True
    """
    if not getattr(args, "no_spin", False):
        if config_from_args(args).score_spin:
            return None
        sets = dict(getattr(args, "set_options", None) or [])
        flag = ("--set score_spin=" + sets["score_spin"] if "score_spin" in sets
                else "score_spin = false in --config " + str(args.config_file))
    else:
        flag = "--no-spin"
    return (f"{flag} switches off the spin score, the one thing 'cleannews score' prints "
            "(every line would say 'not_scored'); to clean without scoring, use 'cleannews "
            "run INPUT... --no-spin --out DIR'")


def run(args: argparse.Namespace) -> int:
    from cleannews.batch import RunSettings
    from cleannews.batch.sinks import SINK_FILES, SinkPaths
    from cleannews.batch.sources import terminal_safe

    off = spin_switched_off(args)
    if off is not None:  # before any work: nothing created, exit 2 as argparse does
        print(f"cleannews score: error: {off}", file=sys.stderr)
        return EXIT_USAGE
    args.format = stdin_format(args.format, args.inputs)  # an HTML page piped in
    out = None if args.out == "-" else Path(args.out)
    if out is not None and (names_folder(args.out) or out.is_dir()):
        # `--out s.jsonl/` wrote the file s.jsonl; an existing folder failed on opening it
        log.error("-o/--out %s: score writes its lines to one file, not a folder; give a "
                  "file name (e.g. %s)", terminal_safe(args.out),
                  terminal_safe(str(out / "scores.jsonl") if out.is_dir() else str(out)))
        return 2
    if args.errors == "-":  # it made a folder named "-"
        log.error("--errors -: the errors sink is a folder (error lines go to the output "
                  "without --errors)")
        return 2
    from cleannews.cli.run import sink_named_as_file

    problem = sink_named_as_file("--errors", args.errors, "errors", compress=False)
    if problem:  # `--errors e.jsonl` made the folder e.jsonl/ (round 32)
        log.error("%s", problem)
        return 2
    if args.report == "-" and out is None:  # it wrote a file named "-"
        log.error("--report -: standard output already carries the score lines; give the "
                  "report a file name (e.g. report.json), or the lines one with -o FILE")
        return 2
    errors = Path(args.errors) / SINK_FILES["errors"] if args.errors else out
    paths = SinkPaths(out=out, quarantine=out, errors=errors, state=None)
    settings = RunSettings(
        inputs=args.inputs, paths=paths, options=batch_options(args, "score"), jobs=jobs_of(args),
        force=True, report=Path(args.report) if args.report else None,
        progress=show_progress(args), min_score=args.min_score, command="score",
        chunk_docs=args.chunk_size, limit=args.limit,
    )
    code, _ = execute(settings, args.quiet)
    return code

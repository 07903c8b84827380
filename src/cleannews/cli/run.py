"""``cleannews run INPUT... --out DIR``: clean a corpus into clean / quarantine / errors sinks."""

from __future__ import annotations

import argparse
import logging
from dataclasses import replace
from pathlib import Path

from cleannews.batch.limits import REPORT_NAME, names_folder
from cleannews.cli._batch import (
    add_batch_flags,
    batch_options,
    execute,
    field_name,
    jobs_of,
    positive_int,
    show_progress,
)
from cleannews.strip import TEMPLATE_MIN_COUNT  # --template-min-count's default, one source

log = logging.getLogger("cleannews")

#: Default of --source-field.
SOURCE_FIELD = "url"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "run",
        help="clean a corpus (files, folders, JSONL) into clean/quarantine/errors sinks",
        description="Clean every document of the INPUTs. Each lands in exactly one sink: "
        "DIR/clean.jsonl (input fields untouched plus a 'cleannews' object; cleaned "
        "text of .txt/.html inputs also mirrored under DIR), the quarantine (spun "
        "documents and, with --languages, documents in other languages; with score, "
        "evidence and reason) or the errors sink (raw input and reason). "
        "Exit code: 0 all processed, 1 some documents went to the errors sink (unreadable, "
        "binary, empty, a feed, nothing left after cleaning, slower than --doc-timeout …), 2 usage "
        "or I/O error.",
    )
    add_batch_flags(p)
    p.add_argument("-o", "--out", required=True, metavar="DIR",
                   help="output folder; FILE.jsonl or FILE.jsonl.gz: one output file (other "
                   "sinks beside it); - writes clean records to stdout")
    p.add_argument("--quarantine", metavar="DIR",
                   help="quarantine folder (default DIR/quarantine; ./cleannews-quarantine "
                   "with --out -, left only if a document went there)")
    p.add_argument("--errors", metavar="DIR",
                   help="errors folder (default DIR/errors; ./cleannews-errors with --out -, "
                   "left only if a document went there)")
    p.add_argument("--report", metavar="FILE",
                   help=f"JSON report (default DIR/{REPORT_NAME}; none with --out -); "
                   "- writes it to standard output")
    again = p.add_mutually_exclusive_group()  # both at once wrote the committed part twice
    again.add_argument("--resume", action="store_true",
                       help="continue an interrupted run with the same command: nothing lost, "
                       "nothing twice")
    again.add_argument("--force", action="store_true",
                       help="overwrite the output of an earlier run in DIR")
    p.add_argument("--compress", action="store_true",
                   help="write the sinks as .jsonl.gz (also implied by --out FILE.jsonl.gz)")
    p.add_argument("--evidence", choices=("moved", "all"), default="moved",
                   help="spin evidence in the records: only what moved the score (default) "
                   "or all of it, with the detector's signals")
    t = p.add_argument_group("site templates (opt-in)")
    t.add_argument("--site-templates", action="store_true",
                   help="first pass: learn lines that recur across documents of the same "
                   "source; second pass: remove them")
    t.add_argument("--source-field", default=None, metavar="FIELD", type=field_name,
                   help="JSONL field naming the source (a URL counts by its host; default "
                   f"{SOURCE_FIELD}); files: their folder (a warning names the first file or "
                   "record it does not source)")
    t.add_argument("--template-min-count", type=positive_int, default=None, metavar="N",
                   help="a line must recur in at least N documents of a source (default "
                   f"{TEMPLATE_MIN_COUNT})")
    c = p.add_argument_group("copies (opt-in, needs cleannews[copies])")
    c.add_argument("--find-copies", action="store_true",
                   help="first pass over the input: find plain and spun copies; every record "
                   "gets cleannews.copies (cluster, role, peers), a spun copy's spin evidence "
                   "names its source and the aligned substitutions")
    c.add_argument("--drop-duplicates", action="store_true",
                   help="with --find-copies: later plain copies go to a duplicates sink "
                   "(DIR/duplicates/) instead of the output")
    p.set_defaults(func=run)


def folder_problem(flag: str, value: str | Path | None) -> str | None:
    """Why ``value`` cannot be the folder ``flag`` names: an existing file that is not a
    ``.jsonl(.gz)`` output file (``None``: fine).

    >>> import tempfile
    >>> notes = tempfile.mkstemp(suffix=".txt")[1]
    >>> folder_problem("--errors", notes).endswith(": a file, not a folder; give a folder "
    ...                                            "(created if missing)")
    True
    >>> folder_problem("--out", None), folder_problem("--out", "new-folder")
    (None, None)
    """
    from cleannews.batch.runner import is_out_file

    if value is None or (value == "-" and flag == "--out"):
        return None
    if value == "-":  # it made a folder named "-" (both sinks in it with the same flag)
        return (f"{flag} -: a sink is a folder, and standard output is not one; give a "
                "folder (created if missing)")
    path = Path(value)
    if not path.exists() or path.is_dir() or (flag == "--out" and not names_folder(value)
                                              and is_out_file(path)):
        return None
    files = ", FILE.jsonl or FILE.jsonl.gz" if flag == "--out" else ""
    return (f"{flag} {value}: a file, not a folder; give a folder (created if missing)"
            f"{files}")


def sink_named_as_file(flag: str, value: str | None, sink: str, *,
                       compress: bool = True) -> str | None:
    """Why ``value`` cannot name the folder of the ``sink`` (``quarantine`` or ``errors``)
    that ``flag`` chooses: a name that reads as a JSONL file (``--errors errors.jsonl``,
    ``--quarantine q.jsonl.gz``), no folder of that name, no trailing slash (``None``: fine).
    Such a name made a *folder* ``errors.jsonl/`` holding ``errors.jsonl`` (plain, for a
    ``.gz`` name too), where the user looked for a file, as ``--out FILE.jsonl`` writes one
    (round 32). ``compress``: the command has ``--compress`` (``run``; ``score`` has not).

    >>> sink_named_as_file("--errors", "e.jsonl.gz", "errors").split(", and")[0]
    '--errors e.jsonl.gz: --errors takes a folder (the records go to FOLDER/errors.jsonl)'
    >>> sink_named_as_file("--errors", "e.jsonl/", "errors"), sink_named_as_file("-", "e", "")
    (None, None)
    """
    from cleannews.batch.limits import OUT_FILE_SUFFIXES
    from cleannews.batch.sinks import SINK_FILES
    from cleannews.batch.sources import terminal_safe

    if value is None or value == "-" or names_folder(value):
        return None
    path = Path(value)
    if not path.name.lower().endswith(OUT_FILE_SUFFIXES) or path.is_dir():
        return None
    shown = terminal_safe(value)
    stem = terminal_safe(str(path.with_name(path.name.split(".", 1)[0] or sink)))
    return (f"{flag} {shown}: {flag} takes a folder (the records go to "
            f"FOLDER/{SINK_FILES[sink]}), and this name would make a folder named {path.name}; "
            f"give a folder name ({flag} {stem}{'; --compress gzips the sinks' if compress else ''}"
            "), or end the name "
            f"with a slash ({flag} {shown}/) for a folder of that name")


def run(args: argparse.Namespace) -> int:
    from cleannews.batch import RunSettings, paths_for
    from cleannews.batch.runner import is_out_file

    out = None if args.out == "-" else Path(args.out)
    if out is None and args.resume:
        log.error("--resume needs --out DIR (standard output cannot be rolled back)")
        return 2
    if out is None and args.compress:
        log.error("--compress needs --out DIR or FILE.jsonl.gz (pipe stdout to gzip instead)")
        return 2
    # `--out results.jsonl/`: the slash says a folder (it wrote the file results.jsonl)
    as_folder = out is not None and names_folder(args.out)
    if (args.compress and out is not None and not as_folder and is_out_file(out)
            and not out.name.lower().endswith(".gz")):
        # the output file stayed plain text while the quarantine and errors sinks were gzipped
        log.error("--compress with --out %s: that output file would not be compressed; "
                  "name it %s.gz (every sink is then gzipped, --compress not needed)", out, out)
        return 2
    for flag, value in (("--out", args.out), ("--quarantine", args.quarantine),
                        ("--errors", args.errors)):
        problem = folder_problem(flag, value)
        if problem:  # mkdir said only "File exists"
            log.error("%s", problem)
            return 2
    options = replace(batch_options(args, "run"), evidence=args.evidence)
    paths = paths_for(args.out if as_folder else out, args.quarantine and Path(args.quarantine),
                      args.errors and Path(args.errors), compress=args.compress)
    if args.report == "-" and out is None:
        log.error("--report - with --out -: standard output already carries the records; "
                  "give the report a file name (e.g. report.json)")
        return 2
    report = Path(args.report) if args.report else paths.report  # "-": standard output
    # another output's file (`--out x.jsonl --errors x.jsonl`, `--out d --quarantine
    # d/clean.jsonl`): the clash check of the run says it better (one's file, another's folder)
    files = {f.absolute() for f in (paths.out, paths.state, report) if f is not None}
    for sink in ("quarantine", "errors"):
        value = getattr(args, sink)
        clash = value is not None and Path(value).absolute() in files
        problem = None if clash else sink_named_as_file(f"--{sink}", value, sink)
        if problem:
            log.error("%s", problem)
            return 2
    settings = RunSettings(
        inputs=args.inputs, paths=paths, options=options, jobs=jobs_of(args),
        resume=args.resume, force=args.force, report=report, progress=show_progress(args),
        chunk_docs=args.chunk_size, limit=args.limit,
    )
    if not args.site_templates and (args.template_min_count is not None
                                    or args.source_field is not None):
        log.warning("--source-field and --template-min-count apply only with "
                    "--site-templates: ignored")
    if args.drop_duplicates and not args.find_copies:
        log.error("--drop-duplicates needs --find-copies")
        return 2
    if args.find_copies:
        from cleannews.batch.copies import duplicates_path
        from cleannews.errors import MissingExtraError

        try:
            import cleannews.copies  # noqa: F401  (numpy: fail before any output)
        except MissingExtraError as exc:
            log.error("%s", exc)
            return 2

        settings.copies = {"drop_duplicates": args.drop_duplicates}
        if args.drop_duplicates:
            paths.duplicates = duplicates_path(paths.out, paths.mirror_out,
                                               compress=bool(paths.errors and
                                                             paths.errors.name.endswith(".gz")))
            if out is None:  # ./cleannews-duplicates/: left only if a copy went there, as the
                # quarantine's and errors' (it was left empty, and blocked the next run once
                # it held records)
                paths.drop_if_empty = (*paths.drop_if_empty, "duplicates")
    if args.site_templates:
        from cleannews.batch.runner import SOURCE_FIELD_NAMED

        settings.templates = {"source_field": args.source_field or SOURCE_FIELD,
                              "min_count": args.template_min_count,
                              SOURCE_FIELD_NAMED: args.source_field is not None}
    code, _ = execute(settings, args.quiet)
    return code

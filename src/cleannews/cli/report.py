"""``cleannews report FILE [--html]``: show a run report as text or a self-contained HTML page."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger("cleannews")

_NUM = (int, float)
_JSON_NAMES = {dict: "an object", list: "an array", str: "a string", int: "a number",
               float: "a number", bool: "true or false", type(None): "null"}


def _shape(**keys: Any) -> dict[str, Any]:
    """An object's shape: ``name=spec`` (a name ending in ``_`` is optional, ``each_``
    is the spec of every value not named); a spec is a type (tuple), a shape, or
    ``[spec]`` (an array of spec)."""
    return keys


_RULE = _shape(removed=_NUM, removed_bytes=_NUM, each_=_NUM)
_THROUGHPUT = _shape(seconds=_NUM, jobs=_NUM, docs_per_s=_NUM, mb_per_s=_NUM, each_=_NUM)
_QUARANTINED = _shape(score_=(*_NUM, type(None)), evidence_=[dict], reason_=str)
#: What ``summary`` and ``render_html`` read in a report (``build_report`` writes it).
REPORT_SHAPE = _shape(
    command=str, documents=_shape(each_=_NUM, **{k: _NUM for k in ("in", "out", "quarantined",
                                                                  "failed")}),
    rules=_shape(each_=_RULE), spin=_shape(histogram_=_shape(edges_=[_NUM], counts_=[_NUM]),
                                          labels_=_shape(each_=_NUM)),
    errors_=_shape(each_=_NUM), throughput_=_THROUGHPUT, bytes_in_=_NUM, chars_out_=_NUM,
    examples_=_shape(each_=[str]), quarantined_=[_QUARANTINED], inputs_=list,
    repeated_ids_=_shape(documents=_NUM, examples_=[str]),
    outputs_=_shape(each_=(str, type(None))), finished_=bool, resumed_=bool,
    # command_line is null in a report written by the library's run_batch
    cleannews_version_=(str, type(None)), date_=(str, type(None)),
    command_line_=(str, type(None)),
    settings_=_shape(quarantine_threshold_=(*_NUM, type(None))))


def _json_kind(value: Any) -> str:
    return _JSON_NAMES.get(type(value), type(value).__name__)


def shape_problem(value: Any, spec: Any = REPORT_SHAPE, where: str = "") -> str | None:
    """What makes ``value`` not a report (``None``: nothing), naming the place.

    >>> shape_problem(["a"])
    'the file holds an array, where a report is an object'
    >>> shape_problem({"command": "run", "documents": "3", "rules": {}, "spin": {}})
    '"documents" is a string, where a report has an object'
    >>> shape_problem({"command": "run", "documents": {"in": 1, "out": 1, "quarantined": 0,
    ...     "failed": 0}, "rules": {"share_bar": {"removed": 1}}, "spin": {}})
    '"rules.share_bar" lacks "removed_bytes"'
    """
    where_ = f'"{where}"' if where else "the file"
    if isinstance(spec, list):
        if not isinstance(value, list):
            return f"{where_} is {_json_kind(value)}, where a report has an array"
        for i, item in enumerate(value):
            problem = shape_problem(item, spec[0], f"{where}[{i}]")
            if problem:
                return problem
        return None
    if not isinstance(spec, dict):
        types = spec if isinstance(spec, tuple) else (spec,)
        # bool is an int in Python, never a number in a report
        if isinstance(value, types) and not (isinstance(value, bool) and bool not in types):
            return None
        wanted = " or ".join(dict.fromkeys(_JSON_NAMES.get(t, t.__name__) for t in types))
        return f"{where_} is {_json_kind(value)}, where a report has {wanted}"
    if not isinstance(value, dict):
        if not where:
            return f"the file holds {_json_kind(value)}, where a report is an object"
        return f"{where_} is {_json_kind(value)}, where a report has an object"
    named = {k.rstrip("_"): v for k, v in spec.items() if k != "each_"}
    missing = [k for k in spec if not k.endswith("_") and k not in value]
    if missing:
        return f"{where_} lacks " + ", ".join(f'"{k}"' for k in missing)
    for key, item in value.items():
        sub = named.get(key, spec.get("each_"))
        if sub is not None:
            problem = shape_problem(item, sub, f"{where}.{key}" if where else key)
            if problem:
                return problem
    return None


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        usage="%(prog)s [-h] FILE [--html [HTML]] [-o FILE] [-v] [-q]",
        help="show the JSON report of a run (as text, or as an HTML page)",
        description="Read FILE (the report.json written by 'cleannews run') and print its "
        "summary, or with --html a self-contained HTML page: what was run (version, date, "
        "command line, settings, inputs), counts, spin score histogram, quarantined "
        "documents with their evidence, what each rule removed with examples (inline CSS "
        "and SVG, no script, no network). Exit code: 0 ok, 2 usage error, or a report that "
        "cannot be read or written.",
    )
    # optional for argparse only, so that `report --html report.json` (where --html took the
    # report as the name of its output) gets a message saying how to write it, not just
    # "the following arguments are required: FILE"
    p.add_argument("file", metavar="FILE", nargs="?",
                   help="report.json of a run (required; - reads standard input)")
    p.add_argument("--html", nargs="?", const="-", default=None, metavar="HTML",
                   help="render as an HTML page, written to HTML (default: stdout, or -o)")
    p.add_argument("-o", "--out", default="-", metavar="FILE",
                   help="write to FILE instead of stdout")
    p.set_defaults(func=run)


def missing_file_message(html: str | None) -> str:
    """The usage error when FILE is missing; it explains the ``--html FILE.json`` trap.

    >>> missing_file_message(None)
    'the following arguments are required: FILE'
    >>> print(missing_file_message("out/report.json"))  # doctest: +NORMALIZE_WHITESPACE
    the following arguments are required: FILE (--html takes the name of the HTML file
    to write, so 'out/report.json' was read as that name; write: cleannews report
    out/report.json --html [PAGE.html])
    """
    msg = "the following arguments are required: FILE"
    if html not in (None, "-"):
        msg += (f" (--html takes the name of the HTML file to write, so {html!r} was read as "
                f"that name; write: cleannews report {html} --html [PAGE.html])")
    return msg


def _same_file(a: str, b: str) -> bool:
    """Whether the paths ``a`` and ``b`` name one existing file (links followed)."""
    try:
        return Path(b).exists() and Path(a).samefile(b)
    except OSError:
        return False


#: Why a finished run has no report file, and what to do (``report`` of its folder or sinks).
NO_REPORT_FILE = ("its report went where --report sent it (standard output with --report -) "
                  "or the file was removed; read the file --report named, or run the same "
                  "command again with --force (without --report -) to write one")
#: What to pass instead of a file that holds no report (and leads to none).
NOT_A_REPORT_HINT = ("give the report of a run: DIR/report.json of 'cleannews run … --out DIR', "
                     "NAME.report.json beside '--out NAME.jsonl', or the file of --report")


def _load(name: str) -> tuple[Any, str | None]:
    """``(report, None)``, or ``(None, message)`` saying why ``name`` (``-``: standard input)
    is not a readable report."""
    from cleannews.batch.sources import read_problem, sys_stdin, terminal_safe

    shown = terminal_safe(name)
    try:
        # `-`: standard input, as for every other command (it said "No such file or directory")
        raw = (sys_stdin().read().decode("utf-8") if name == "-"
               else Path(name).read_text("utf-8"))
    except (FileNotFoundError, NotADirectoryError) as exc:  # as `clean`, `run`, `score` say it
        # (it said "cannot read the report: No such file or directory")
        return None, f"{shown}: {read_problem(exc)}"
    except (OSError, UnicodeDecodeError) as exc:  # not "not a readable report ([Errno 2] …)"
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else (
            "not UTF-8 text, so not a report" if isinstance(exc, UnicodeDecodeError) else exc)
        return None, f"{shown}: cannot read the report: {reason}"
    if not raw.strip():  # it said "Expecting value: line 1 column 1 (char 0)"
        return None, (f"{shown}: no report: " + ("standard input is empty (did the command "
                                                 "before the pipe fail?)" if name == "-" else
                                                 "the file is empty"))
    try:
        # NaN and Infinity are no JSON numbers and no count: Python's json reads them, and
        # a report holding one printed "nan documents in" (exit 0; round 30)
        report = json.loads(raw, parse_constant=_no_constant)
    except ValueError as exc:  # not JSON (UnicodeDecodeError of stdin is one too)
        return None, f"{shown}: not a readable cleannews report ({exc})"
    # valid JSON of another shape said "'str' object has no attribute 'get'"
    problem = shape_problem(report) or histogram_problem(report)
    if problem:
        return None, f"{shown}: not a readable cleannews report: {problem}"
    return report, None


def _no_constant(name: str) -> Any:
    """``json.loads``'s ``parse_constant``: refuse ``NaN``, ``Infinity`` and ``-Infinity``.

    >>> json.loads('{"in": NaN}', parse_constant=_no_constant)
    Traceback (most recent call last):
    ...
    ValueError: NaN is not a JSON number, and a report's counts are numbers
    """
    raise ValueError(f"{name} is not a JSON number, and a report's counts are numbers")


def histogram_problem(report: dict[str, Any]) -> str | None:
    """What makes the spin histogram of a report (of the right shape) unreadable: ``n``
    counts need ``n + 1`` edges, a bin's bounds (a report edited by hand with one edge too
    few was a traceback, "IndexError: list index out of range", exit 1; audit32).

    >>> histogram_problem({"spin": {"histogram": {"edges": [0, 0.5, 1], "counts": [1, 2]}}})
    >>> histogram_problem({"spin": {"histogram": {"edges": [0, 1], "counts": [1, 2]}}})
    '"spin.histogram" has 2 counts and 2 edges, where a report has one edge more than counts'

    A count below 0 (the page drew its bar upside down, or "No document was spin-scored" for
    ``[-1, 1]``; round 30):

    >>> histogram_problem({"spin": {"histogram": {"edges": [0, 0.5, 1], "counts": [-1, 1]}}})
    '"spin.histogram.counts[0]" is -1, where a report has a count of 0 or more'
    """
    hist = report.get("spin", {}).get("histogram", {})
    counts, edges = hist.get("counts", []), hist.get("edges", [])
    for i, c in enumerate(counts):
        if c < 0:
            return f'"spin.histogram.counts[{i}]" is {c}, where a report has a count of 0 or more'
    if counts and len(edges) != len(counts) + 1:
        from cleannews.batch.stats import counted

        return (f'"spin.histogram" has {counted(len(counts), "count")} and '
                f"{counted(len(edges), 'edge')}, where a "
                "report has one edge more than counts")
    return None


def run(args: argparse.Namespace) -> int:
    from cleannews.batch.html_report import render_html
    from cleannews.batch.runner import run_report_of, unfinished_run, writer_of
    from cleannews.batch.sinks import atomic_write, score_output
    from cleannews.batch.sources import terminal_safe
    from cleannews.batch.stats import summary

    if args.file is None:
        args.subparser.error(missing_file_message(args.html))
    report, problem = _load(args.file)
    if problem is not None and args.file != "-":
        # `report out` (the --out folder), `report out/clean.jsonl` (a sink of the run): its
        # report, found through the run state (it said "Is a directory" and "Extra data: line
        # 2 column 1 (char 4263)")
        writer = writer_of(Path(args.file))  # its owner file read once (round 34: 3 times)
        other = run_report_of(writer)
        if other is not None and not _same_file(args.file, str(other)):
            if not Path(args.file).is_dir():
                what = ("the lines of 'cleannews score', not its report: showing the report "
                        "it wrote" if writer.scored is not None else
                        "records of a cleannews run, not its report: showing the run's report")
                log.warning("%s: %s %s", terminal_safe(args.file), what,
                            terminal_safe(str(other)))
            args.file = str(other)
            report, problem = _load(args.file)
        elif other is None and (done := unfinished_run(writer)) is not None:
            # a run still going, or killed before it wrote its report (`kill -9`, out of
            # memory): it said "cannot read the report: Is a directory"
            problem = (f"{terminal_safe(args.file)}: no report yet: the run writing there "
                       f"has committed {done} documents and has not finished (it is still "
                       "running, or it was killed before it could write its report); run "
                       "the same command with --resume to finish it and write the report")
        elif other is None and (state := writer.state) is not None and state.is_file():
            # a finished run with no report file: `run … --report -` printed it, or it was
            # removed ("the lines of 'cleannews score'" for a sink file, "Is a directory" for
            # the folder; round 27)
            problem = (f"{terminal_safe(args.file)}: no report file: the cleannews run that "
                       f"wrote there (its run state: {terminal_safe(str(state))}) has none: "
                       f"{NO_REPORT_FILE}")
        elif (scored := writer.scored) is not None:
            # `score -o scores.jsonl --report r.json`, then r.json moved or removed, or the
            # run stopped before it wrote it (it said "score writes one only when asked")
            problem = (f"{terminal_safe(args.file)}: the lines of 'cleannews score', not a "
                       f"report: the run that wrote them was asked for one in "
                       f"{terminal_safe(str(scored))}, which is not there (moved or removed, "
                       "or the run stopped before its end); run the same score command "
                       "again to write it")
        elif Path(args.file).is_file() and score_output(Path(args.file)):
            # the lines of `score --out FILE`: "Extra data: line 2 column 1" (audit21)
            problem = (f"{terminal_safe(args.file)}: the lines of 'cleannews score', not a "
                       "report: score writes one only when asked, with --report FILE "
                       "(cleannews score … --report report.json)")
        elif Path(args.file).exists():  # not for "no such file or folder"
            problem += f"; {NOT_A_REPORT_HINT}"
    if problem is not None:
        log.error("%s", problem)
        return 2
    try:
        body = render_html(report) if args.html is not None else summary(report) + "\n"
        # an id with a lone surrogate (a JSONL `"\\ud800"` escape) cannot be UTF-8: shown
        # escaped (writing the page or the summary died with UnicodeEncodeError)
        body = body.encode("utf-8", "backslashreplace").decode("utf-8")
    except (OSError, ValueError, LookupError, TypeError, AttributeError) as exc:
        log.error("%s: not a readable cleannews report (%s)", terminal_safe(args.file), exc)
        return 2
    target = args.html if args.html not in (None, "-") else args.out
    if args.html not in (None, "-") and args.out != "-" and args.out != args.html:
        log.error("give the HTML file once: --html FILE or -o FILE")
        return 2
    if target != "-" and _same_file(args.file, target):
        # `report out/report.json --html out/report.json` replaced the run's only report
        log.error("%s: the output would replace the report it is made from; write it to "
                  "another file (e.g. report.html)", target)
        return 2
    if target == "-":
        sys.stdout.write(body)
    else:
        try:
            atomic_write(Path(target), body.encode("utf-8"))
        except OSError as exc:
            log.error("%s: cannot write: %s", target, exc.strerror or exc)
            return 2
    return 0

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
import errno
import importlib
import io
import logging
import os
import sys
from collections.abc import Sequence
from typing import Any

from cleannews.__about__ import __version__

__all__ = ["EXIT_FAILURES", "EXIT_OK", "EXIT_USAGE", "SUBCOMMANDS", "main"]

EXIT_OK = 0
EXIT_FAILURES = 1
EXIT_USAGE = 2

#: Modules (under ``cleannews.cli``) that each add one subcommand, in help order.
SUBCOMMANDS: tuple[str, ...] = ("clean", "explain", "run", "score", "report")

log = logging.getLogger("cleannews")


#: How argparse begins the error of a missing required option (``run`` without ``--out``).
_REQUIRED_MISSING = "the following arguments are required"


class _Parser(argparse.ArgumentParser):
    #: The arguments this parser was given (for :meth:`error`).
    _given: tuple[str, ...] = ()

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        self._given = tuple(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> None:  # exit 2 with a hint, as argparse does, but ours
        if message.startswith(_REQUIRED_MISSING):
            # `run seeds --ouput out`: argparse names the missing --out before the flag it
            # does not know, and the typo was never shown (nor the option it was meant to be)
            given = self._given[:self._given.index("--")] if "--" in self._given else self._given
            unknown = [a for a in given if _unknown_flag(self, a)]
            if unknown:
                _unrecognized(self, unknown, also=message)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _unknown_flag(p: argparse.ArgumentParser, arg: str) -> bool:
    """Whether ``arg`` is a long flag that ``p`` neither has nor abbreviates.

    >>> p = _Parser(prog="x"); _ = p.add_argument("--out")
    >>> _unknown_flag(p, "--ouput"), _unknown_flag(p, "--ou=d"), _unknown_flag(p, "seeds")
    (True, False, False)
    """
    if not arg.startswith("--"):
        return False
    flag = arg.split("=", 1)[0]
    return not any(known.startswith(flag) for known in _flags(p))


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
        _add_log_flags(sub.choices[name])
    return parser


def _add_log_flags(p: argparse.ArgumentParser) -> None:
    """``-v`` / ``-q`` after the subcommand too (``cleannews clean -q FILE``)."""
    g = p.add_argument_group("logging")
    g.add_argument("-v", "--verbose", dest="sub_verbose", action="count", default=0,
                   help="more logging on stderr (-vv: debug); also accepted before COMMAND")
    g.add_argument("-q", "--quiet", dest="sub_quiet", action="store_true",
                   help="only errors on stderr; also accepted before COMMAND")
    p.set_defaults(subparser=p)


def _log_level(verbose: int, quiet: bool) -> int:
    """``-q`` errors only (``main`` refuses ``-q`` with ``-v``); otherwise warnings, ``-v``
    info, ``-vv`` debug.

    >>> _log_level(0, False) == logging.WARNING, _log_level(2, False) == logging.DEBUG
    (True, True)
    """
    if quiet:
        return logging.ERROR
    return (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]


def _setup_logging(level: int) -> None:
    """Messages of the ``cleannews`` logger go to stderr at ``level`` (nothing else touched)."""
    logger = logging.getLogger("cleannews")
    logger.setLevel(level)
    for old in [h for h in logger.handlers if getattr(h, "_cleannews_cli", False)]:
        logger.removeHandler(old)  # main() called again in one process (tests): today's stderr
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("cleannews: %(levelname)s: %(message)s"))
    handler._cleannews_cli = True  # type: ignore[attr-defined]
    logger.addHandler(handler)


def _check_options(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """Build the configuration now, so a bad value stops the command before any work (exit 2).

    ``--max-record-mb`` belongs to run/score (``cli/_batch.py``); it is checked
    here so that both refuse 0 and negative sizes.
    """
    from cleannews.errors import ConfigError

    if not hasattr(args, "no_strip"):  # a command without pipeline options
        return
    from cleannews.cli._common import config_from_args

    sub = getattr(args, "subparser", parser)
    names = getattr(args, "inputs", None) or getattr(args, "files", None) or []
    if list(names).count("-") > 1:  # read twice, the second time empty: a misleading warning
        sub.error("standard input (-) is named more than once: it can be read only once")
    if getattr(args, "config_file", None) == "-" and "-" in names:
        sub.error("standard input (-) is named twice, as --config - and as an INPUT: it can be "
                  "read only once; give the configuration as a file")
    try:
        config_from_args(args)
    except ConfigError as exc:
        sub.error(str(exc))
    mb = getattr(args, "max_record_mb", None)
    if mb is not None and not mb > 0:
        sub.error(f"argument --max-record-mb: must be above 0, got {mb}")


def io_error_message(exc: OSError) -> str:
    """What an I/O error that stopped a command says on stderr.

    An error without a file name came from writing standard output (the commands report
    the files they cannot read themselves).

    >>> io_error_message(OSError(28, "No space left on device"))
    'cannot write the output: No space left on device (the output is incomplete)'
    >>> io_error_message(PermissionError(13, "Permission denied", "out/r.html"))
    'out/r.html: Permission denied'
    """
    reason = exc.strerror or str(exc)
    if exc.filename:
        return f"{exc.filename}: {reason}"
    return f"cannot write the output: {reason} (the output is incomplete)"


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush at exit does not fail
    again (and print "Exception ignored" on stderr) on a closed pipe or a full disk."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout without a file descriptor (tests)
        pass


def _flush_what_is_done() -> None:
    """Write out the documents already printed (each is written whole); on a stdout that
    cannot take them any more, point it at /dev/null so the exit stays quiet."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        _silence_stdout()


class _ClosedOutput(io.BufferedIOBase):
    """The standard output of a process started without one (``cleannews clean a.txt >&-``,
    a daemon): each write fails as a write to a closed file descriptor does, so the command
    says ``cannot write the output: standard output is closed`` and exits 2, as for a full
    disk (it ended in ``AttributeError: 'NoneType' object has no attribute 'write'``, exit 1;
    audit21)."""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if not len(data):  # nothing to write (an empty document) is no error
            return 0
        raise OSError(errno.EBADF, "standard output is closed")


def _std_streams() -> None:
    """Standard streams for a process started without them (Python sets ``sys.stdout`` /
    ``sys.stderr`` to ``None``): stdout fails on its first write (:class:`_ClosedOutput`),
    stderr is /dev/null — the messages have nowhere to go, and the command still does its
    work with its exit code (``run`` and ``score`` stopped on ``sys.stderr.isatty()`` before
    reading a document, exit 1, without a word; audit21)."""
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # the process's, never closed
    if sys.stdout is None:
        sys.stdout = io.TextIOWrapper(_ClosedOutput(), encoding="utf-8", write_through=True)


def _utf8_stdout() -> None:
    """Write documents (and JSON) to stdout in UTF-8 whatever the locale says.

    ``cleannews clean x > out.txt`` on Windows (stdout in the ANSI code page, cp1252) or
    under a Latin-1 locale ended in a ``UnicodeEncodeError`` traceback on the first
    character the code page lacks (the narrow no-break space of French typography,
    ``clean --json`` on any accent). The batch commands already wrote UTF-8 bytes.
    """
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    if encoding not in ("utf8", "utf8sig") and hasattr(sys.stdout, "reconfigure"):
        try:
            sys.stdout.reconfigure(encoding="utf-8")
        except (OSError, ValueError):  # a stream that cannot change it: left as it is
            pass
    if hasattr(sys.stderr, "reconfigure"):  # an id or a line quoted in a log message
        try:
            sys.stderr.reconfigure(errors="backslashreplace")
        except (OSError, ValueError):
            pass


#: Why a command has no flag that another one has, said when it is given anyway.
FLAG_HINTS = {
    ("score", "--resume"): "score keeps no run state (its --out FILE is written again whole "
    "on every run); to resume a long triage, use 'cleannews run INPUT... --out DIR' and "
    "'--resume'",
    ("score", "--force"): "not needed: score always writes its --out FILE again whole",
    # `cleannews clean dump.jsonl -o out.jsonl` said only "unrecognized arguments" (round 35)
    **{(command, flag): f"{command} prints to standard output: redirect it (cleannews "
       f"{command} FILE > out.txt); 'cleannews run INPUT... --out DIR' writes files"
       for command in ("clean", "explain") for flag in ("-o", "--out")},
}


def _flags(p: argparse.ArgumentParser) -> list[str]:
    """The long flags of a (sub)command's parser."""
    return [o for a in p._actions for o in a.option_strings if o.startswith("--")]


#: the fewest letters (after ``--``) the shorter of two flags must have for one being the start
#: of the other to hint it (``--out-dir`` -> ``--out``; ``--o…`` names no flag)
MIN_PREFIX_HINT = 3


def _prefix_hint(flag: str, known: list[str]) -> str | None:
    """The known flag that starts ``flag`` (the longest), or the one flag ``flag`` starts,
    where difflib finds none: ``--out-dir`` is too far from ``--out`` for it (audit26).

    >>> _prefix_hint("--out-dir", ["--out", "--force", "--report"])
    '--out'
    >>> _prefix_hint("--rep", ["--report", "--report-html"]) is None  # two: no guess
    True
    """
    def long_enough(name: str) -> bool:
        return len(name) - 2 >= MIN_PREFIX_HINT

    starts = [k for k in known if long_enough(k) and flag.startswith(k)]
    if starts:
        return max(starts, key=len)
    longer = [k for k in known if long_enough(flag) and k.startswith(flag)]
    return longer[0] if len(longer) == 1 else None


def _unrecognized(sub: argparse.ArgumentParser, extra: list[str],
                  parser: argparse.ArgumentParser | None = None, also: str = "") -> None:
    """A usage error for arguments no option takes, from the subcommand's parser (it said
    ``cleannews: error: …``, the subcommand's usage not shown) and naming the option a
    mistyped flag was meant to be (``--text-feild`` -> ``--text-field``), or the commands
    that have the flag (``score --site-templates``: ``score --help`` said "Same inputs and
    flags as 'run'", and the error said only "unrecognized arguments"; audit20)."""
    import difflib

    known = _flags(sub)
    others: dict[str, list[str]] = {}  # flag -> the other commands that take it
    for action in (parser._actions if parser is not None else ()):
        for name, other in (getattr(action, "choices", None) or {}).items():
            if isinstance(other, argparse.ArgumentParser) and other is not sub:
                for flag in _flags(other):
                    others.setdefault(flag, []).append(name)
    hints = []
    command = sub.prog.rsplit(" ", 1)[-1]
    for arg in extra:
        flag = arg.split("=", 1)[0]
        why = FLAG_HINTS.get((command, flag))
        if why is not None:  # a flag of another command: say why this one has none
            hints.append(f"{flag}: {why}")
        elif flag in others:
            hints.append(f"{flag} is a flag of 'cleannews {' / '.join(others[flag])}', not of "
                         f"'cleannews {command}'")
        elif flag.startswith("--"):
            close = difflib.get_close_matches(flag, known, n=1, cutoff=0.75) or [
                _prefix_hint(flag, known)]
            if close[0]:
                hints.append(f"{flag}: did you mean {close[0]}?")
    more = f" ({'; '.join(hints)})" if hints else ""
    # `also`: another error of the same command line (a required option missing)
    sub.error(f"unrecognized arguments: {' '.join(extra)}{more}{'; ' + also if also else ''}")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cleannews`` console script; returns the exit code."""
    _std_streams()
    _utf8_stdout()
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:
        _unrecognized(getattr(args, "subparser", parser), extra, parser)
    args.quiet = bool(args.quiet or getattr(args, "sub_quiet", False))
    args.verbose = args.verbose + getattr(args, "sub_verbose", 0)
    if args.quiet and args.verbose:
        # `-q -v` was taken without a word (and -q won): say which one is meant (audit22)
        getattr(args, "subparser", parser).error(
            "-q/--quiet and -v/--verbose exclude each other (-q: errors only on stderr; -v: "
            "one line per document, -vv: debug); give one of them")
    _setup_logging(_log_level(args.verbose, args.quiet))
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    _check_options(args, parser)
    from cleannews.batch.stop import Terminated, stop_on_signals
    from cleannews.cli._batch import EXIT_INTERRUPTED, EXIT_TERMINATED

    code = EXIT_OK
    try:
        # SIGTERM (``timeout``, a scheduler's kill) ends every command as Ctrl-C does: a
        # message and its own exit code, not a silent death (run/score say more themselves);
        # both are recorded too, so a raise Python swallowed in a callback still stops the
        # command (at its next safe point, or as the block ends; batch.stop, round 28)
        with stop_on_signals():
            code = int(args.func(args))
        sys.stdout.flush()  # here, not at exit: a full disk is an error with exit code 2
        return code
    except BrokenPipeError as exc:  # `cleannews clean x | head`: stop quietly, with the
        # exit code of the documents handled before (1 when one had failed: it was 0)
        from cleannews.cli._common import exit_code_of

        _silence_stdout()
        return exit_code_of(exc, code)
    except OSError as exc:  # `cleannews clean x > /dev/full`: an I/O error, not a traceback
        log.error("%s", io_error_message(exc))
        _silence_stdout()
        return EXIT_USAGE
    except Terminated:  # through the logger, as run/score say it: `cleannews: ERROR: …`
        _flush_what_is_done()
        log.error("terminated (SIGTERM): the output is incomplete")
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        _flush_what_is_done()
        log.error("interrupted: the output is incomplete")
        return EXIT_INTERRUPTED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

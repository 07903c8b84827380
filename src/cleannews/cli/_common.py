"""Helpers shared by the subcommands: inputs, configuration flags, option checks.

Configuration comes, later wins, from: the defaults of
:class:`~cleannews.CleanConfig`, ``--config FILE`` (TOML), ``--set KEY=VALUE``
(any option, repeatable) and the explicit flags (``--no-strip`` …). It is
built and checked once, before any document is read
(:func:`config_from_args`); a bad value is a usage error (exit code 2).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from cleannews.batch.limits import (
    FORMATS,
    MAX_RECORD_MB,
    input_limit,
    limit_setting,
    mb_bytes,
)
from cleannews.config import DEFAULT_CONFIG, CleanConfig, option_names, unknown_option
from cleannews.errors import InputError

__all__ = [
    "FORMATS",
    "Outcome",
    "add_config_flags",
    "add_size_flag",
    "cleaned_inputs",
    "config_from_args",
    "exit_code_of",
    "expand_files",
    "is_html_path",
    "positive_float",
    "positive_mb",
    "probability",
    "read_as_html",
    "read_inputs",
    "reader_gone",
    "record_limit",
    "seconds_limit",
    "stdin_format",
]

log = logging.getLogger("cleannews")

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
#: Where :func:`config_from_args` keeps the configuration it built on the namespace.
_CONFIG_ATTR = "_cleannews_config"


def probability(value: str) -> float:
    """argparse type: a number between 0 and 1.

    >>> probability("0.8")
    0.8
    >>> probability("2")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: must be between 0 and 1, got 2
    """
    try:
        p = float(value)
    except ValueError:
        msg = f"must be a number between 0 and 1, got {value!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if not 0.0 <= p <= 1.0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, got {value}")
    return p


def positive_float(value: str) -> float:
    """argparse type: a number above 0.

    >>> positive_float("0.5")
    0.5
    """
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number, got {value!r}") from None
    if not x > 0:
        raise argparse.ArgumentTypeError(f"must be above 0, got {value}")
    return x


def seconds_limit(value: str) -> float:
    """argparse type of ``--doc-timeout``: a finite number of seconds above 0.

    >>> seconds_limit("2.5")
    2.5
    >>> seconds_limit("0")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: must be a finite number of seconds above 0, got 0
    """
    from cleannews.batch.timeout import checked_timeout
    from cleannews.errors import ConfigError

    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number of seconds, got {value!r}") from None
    try:
        return checked_timeout("", number)  # type: ignore[return-value]
    except ConfigError as exc:
        raise argparse.ArgumentTypeError(str(exc).strip()
                                         .replace(f"got {number!r}", f"got {value}")) from None


def _key_value(value: str) -> tuple[str, str]:
    """argparse type of ``--set``: ``KEY=VALUE`` with a known option name.

    >>> _key_value("score_spin=false")
    ('score_spin', 'false')
    """
    key, sep, val = value.partition("=")
    key = key.strip().replace("-", "_")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {value!r}")
    if key not in option_names():
        # the closest option named, as --config and CleanConfig.from_dict name it (round 28:
        # `--set fast_pth=false` listed all 18 options)
        raise argparse.ArgumentTypeError(str(unknown_option(key, option_names())))
    return key, val


def _languages(value: str) -> tuple[str, ...]:
    """argparse type of ``--languages``: ``fr,en`` -> ``("fr", "en")``, checked."""
    from cleannews.errors import ConfigError

    try:
        return CleanConfig(accept_languages=value).accept_languages  # type: ignore[arg-type]
    except ConfigError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _defaults_text() -> str:
    """Every option with its default, as ``--set`` accepts it.

    >>> _defaults_text().split(", ")[0]
    'fix_encoding=true'
    """
    parts = []
    for key, value in DEFAULT_CONFIG.to_dict().items():
        if isinstance(value, bool):
            shown = str(value).lower()
        elif isinstance(value, list):
            shown = ",".join(value) if value else "(empty: all)"
        elif value is None:  # max_input_mb: no limit (`--set max_input_mb=none`)
            shown = "none"
        else:
            shown = str(value)
        parts.append(f"{key}={shown}")
    return ", ".join(parts)


def add_config_flags(p: argparse.ArgumentParser) -> None:
    """``--format`` and the flags that map onto :class:`~cleannews.CleanConfig` options."""
    d = DEFAULT_CONFIG
    g = p.add_argument_group("pipeline options")
    g.add_argument(
        "--format",
        choices=FORMATS,
        default="auto",
        help="input format (default %(default)s: HTML for .html/.htm/.xhtml files, text for "
        ".txt, otherwise -- stdin included -- HTML when the input starts like a page)",
    )
    g.add_argument("--no-strip", action="store_true",
                   help="repair only, keep boilerplate (strip_boilerplate=false)")
    g.add_argument("--no-spin", action="store_true",
                   help="do not score spun French (score_spin=false)")
    g.add_argument("--straighten-quotes", action="store_true",
                   help="let ftfy straighten curly quotes (keep_typography=false; by default "
                   "French typography is kept)")
    g.add_argument("--quarantine-threshold", type=probability, default=None, metavar="P",
                   help="spin score from which a document is quarantined, between 0 and 1 "
                   f"(default {d.spin_quarantine_threshold})")
    g.add_argument("--languages", "--accept-languages", dest="accept_languages",
                   type=_languages, default=None, metavar="LIST",
                   help="comma-separated language codes a document may be in, e.g. fr,en; "
                   "others get the verdict other_language (default, and an empty LIST as in "
                   "accept_languages = [] of --config: every language; an empty LIST also "
                   "lifts a filter a --config file set)")
    g.add_argument("--set", dest="set_options", type=_key_value, action="append", default=[],
                   metavar="KEY=VALUE",
                   help="set any CleanConfig option, repeatable, e.g. --set fast_path=false. "
                   f"Options and defaults: {_defaults_text()}")
    g.add_argument("--config", dest="config_file", metavar="FILE",
                   help="TOML file of CleanConfig options (- : standard input; top-level keys, "
                   "a [cleannews] "
                   "table, or the [tool.cleannews] table of a pyproject.toml); --set and the "
                   "flags above override it")


def config_from_args(args: argparse.Namespace) -> CleanConfig:
    """The configuration the flags describe (built once, then cached on ``args``).

    Raises :class:`~cleannews.ConfigError` for a bad file or value.
    """
    cached = getattr(args, _CONFIG_ATTR, None)
    if cached is not None:
        return cached
    cfg = CleanConfig()
    if getattr(args, "config_file", None) == "-":
        # `-` is standard input for every file a command reads: `--config -` said "cannot read
        # config file '-': No such file or directory" (audit22)
        from cleannews.batch.sources import sys_stdin

        cfg = CleanConfig._from_toml(sys_stdin().read(), "standard input (--config -)", cfg)
    elif getattr(args, "config_file", None):
        cfg = CleanConfig.from_file(args.config_file, cfg)
    sets = dict(getattr(args, "set_options", None) or [])
    if sets:
        cfg = CleanConfig.from_strings(sets, cfg)
    explicit: dict[str, object] = {}
    if getattr(args, "no_strip", False):
        explicit["strip_boilerplate"] = False
    if getattr(args, "no_spin", False):
        explicit["score_spin"] = False
    if getattr(args, "straighten_quotes", False):
        explicit["keep_typography"] = False
    if getattr(args, "quarantine_threshold", None) is not None:
        explicit["spin_quarantine_threshold"] = args.quarantine_threshold
    if getattr(args, "accept_languages", None) is not None:
        explicit["accept_languages"] = args.accept_languages
    if explicit:
        cfg = CleanConfig.from_dict(explicit, cfg)
    setattr(args, _CONFIG_ATTR, cfg)
    return cfg


def is_html_path(name: str, fmt: str = "auto") -> bool:
    """By name alone: ``True`` for .html/.htm/.xhtml (or ``fmt == "html"``)."""
    if fmt != "auto":
        return fmt == "html"
    return name.lower().endswith(HTML_SUFFIXES)


def read_as_html(name: str, shown: str, raw: bytes, fmt: str = "auto"
                 ) -> tuple[bool, str | None]:
    """``(html, sniffed)``: whether to read the input ``name`` (``shown``: as logs name it) as
    HTML, and what its start was sniffed as when its name does not tell (``"jsonl"``,
    ``"html"`` or ``"text"``, :func:`cleannews.batch.sources.sniff_kind`, as ``run`` sniffs
    standard input; ``None`` for a name that tells, a forced ``--format`` or a blank input).

    ``--format`` decides if forced, else the name
    (:func:`~cleannews.batch.sources.reading_as_html`: a ``.txt`` file is text, checked by
    :func:`~cleannews.batch.sources.file_kind`, which warns when it holds a page, as ``run``
    does), else that one sniff: ``cleaned_inputs`` sniffed a file of no telling name three
    times (for JSONL records, then twice for a page; round 34).

    >>> read_as_html("-", "-", b"<!doctype html><html><body><p>x</p></body></html>")
    (True, 'html')
    >>> read_as_html("notes", "notes", b"Le maire a parl\\xc3\\xa9.")
    (False, 'text')
    >>> read_as_html("p.html.gz", "p.html.gz", b"Le maire."), read_as_html("-", "-", b"")
    ((True, None), (False, None))
    """
    from cleannews.batch.sources import (
        SNIFF_BYTES,
        blank_input,
        file_kind,
        reading_as_html,
        sniff_kind,
    )

    by_name = reading_as_html(name, fmt)
    if by_name is None:
        sniffed = None if blank_input(raw) else sniff_kind(raw[:SNIFF_BYTES])
        return sniffed == "html", sniffed
    if by_name is False and fmt == "auto":  # (a .txt name: never standard input's "-")
        return file_kind(name, shown, raw) == "html", None  # (a .txt page: said once)
    return by_name, None


def stdin_format(fmt: str, inputs: list[str], stdin: object = None) -> str:
    """``"html"`` when the only input is ``-``, ``--format`` is auto and stdin starts like a page.

    For the batch commands (``score -``, ``run -``), whose standard input is
    otherwise read as JSONL: the first bytes are peeked (not consumed) and
    sniffed by :func:`cleannews._input.looks_like_html`. Any other case
    returns ``fmt`` unchanged.
    """
    if fmt != "auto" or list(inputs) != ["-"]:
        return fmt
    from cleannews._input import HTML_SNIFF_CHARS, looks_like_html

    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
    peek = getattr(stream, "peek", None)
    if peek is None:
        return fmt
    try:
        head = peek(HTML_SNIFF_CHARS)
    except (OSError, ValueError):
        return fmt
    return "html" if looks_like_html(head[:HTML_SNIFF_CHARS]) else fmt


def expand_files(names: list[str]) -> list[str]:
    """The documents named by FILE arguments: folders become their .txt/.html files (and
    their gzip-compressed ``.txt.gz`` / ``.html.gz`` files).

    Folders are walked recursively in sorted order, skipping hidden entries
    (as ``cleannews run`` does); JSONL files inside them are skipped with a
    warning (``cleannews run`` reads JSONL). ``-`` and plain paths stay as given.

    A path named a second time (``a.txt ./a.txt``, a glob and a name) is read once, with the
    warning of ``run`` and ``score`` (``./a.txt: named again (as a.txt): read once``): it was
    cleaned and printed twice, where ``run`` and ``score`` give each document one line
    (audit20); a file inside a folder also named is read twice, with their warning.
    """
    from cleannews.batch.sources import (
        _named_twice,
        is_stdout_file,
        kind_of,
        log_files,
        stdout_file,
        terminal_safe,
        walk_folder,
    )

    out: list[str] = []
    repeated = _named_twice(names, warn=True)
    # standard output redirected to a file: never read it (`clean corpus > corpus/all.txt`
    # read what it was writing as a document of the folder; `clean a.txt >> a.txt`, as
    # `cat a >> a`, is refused; audit22)
    stdout = stdout_file()
    for i, name in enumerate(names):
        if i in repeated:
            continue
        if is_stdout_file(name, stdout):
            log.error("%s is both an input and the file standard output writes to: redirect "
                      "the output to another file", terminal_safe(name))
            raise SystemExit(2)
        if name != "-" and Path(name).is_dir():
            found = 0
            for path in walk_folder(name, log_files(), jsonl=False):
                if kind_of(path) == "jsonl":
                    log.warning("%s: skipped (JSONL: use 'cleannews run' for record files)", path)
                    continue
                out.append(path)
                found += 1
            if not found:
                log.warning("%s: no .txt or .html files in this folder", name)
        else:
            out.append(name)
    return out


class Outcome:
    """What a command over several documents counts, for its exit code."""

    def __init__(self) -> None:
        self.failures = 0  # documents refused (InputError)
        self.io_errors = 0  # files that could not be read

    @property
    def exit_code(self) -> int:
        """2 when a file could not be read, 1 when a document failed, else 0."""
        return 2 if self.io_errors else (1 if self.failures else 0)

    @contextmanager
    def until_reader_goes(self) -> Iterator[None]:
        """Around a command's writes to standard output: when its reader goes away
        (``cleannews clean corpus | head -1``), the :class:`BrokenPipeError` carries the exit
        code of the documents handled before (:func:`reader_gone`), which
        :func:`cleannews.cli.main` returns, quietly. It was 0 whatever had failed: an
        ``ERROR`` line on stderr, then exit code 0 (round 27)."""
        try:
            yield
        except BrokenPipeError as exc:
            reader_gone(exc, self.exit_code)
            raise


#: Attribute of a :class:`BrokenPipeError` holding the exit code of the work done before the
#: reader of standard output went away (:func:`reader_gone`).
_EXIT_CODE_ATTR = "cleannews_exit_code"


def reader_gone(exc: BrokenPipeError, code: int) -> BrokenPipeError:
    """``exc``, marked with the exit code ``code`` of what was done before standard output's
    reader went away; :func:`exit_code_of` reads it.

    >>> exit_code_of(reader_gone(BrokenPipeError(), 1), 0), exit_code_of(BrokenPipeError(), 0)
    (1, 0)
    """
    setattr(exc, _EXIT_CODE_ATTR, code)
    return exc


def exit_code_of(exc: BrokenPipeError, default: int) -> int:
    """The exit code :func:`reader_gone` gave ``exc``, else ``default``."""
    return getattr(exc, _EXIT_CODE_ATTR, default)


def cleaned_inputs(
    names: list[str], fmt: str, config: CleanConfig, outcome: Outcome, *, decoded: bool = False,
    limit: int | None = None, command: str = "clean", doc_timeout: float | None = None,
) -> Iterator[tuple[str, str | bytes, Any]]:
    """``(name, source, Document)`` for each readable, cleanable input, in order.

    A file that cannot be read, input the library refuses (:class:`InputError`), a
    document a stage fails on or one that takes longer than ``doc_timeout`` seconds to clean
    (``clean --doc-timeout``: stopped by the alarm of :mod:`cleannews.batch.timeout`, with
    ``run``'s message) is logged and counted in ``outcome``; the others still go on.
    ``source`` is the raw bytes, or with ``decoded`` the decoded text the Document's spans
    point into. ``limit``: ``--max-record-mb`` in bytes; ``command`` names the command in hints.
    """
    from cleannews.batch.sources import (
        compressed_hint,
        printable_name,
        refused_reason,
        terminal_safe,
    )
    from cleannews.batch.stop import check as check_stop
    from cleannews.batch.timeout import DocTimeout, time_limit, timeout_message
    from cleannews.errors import InputError
    from cleannews.pipeline import clean_input

    if doc_timeout is not None:
        from cleannews.batch.process import ready_for_limit

        ready_for_limit(config, "text" if fmt == "text" else "html", "--doc-timeout")

    option = "--max-record-mb" if limit is None else limit_setting(limit, config.max_input_mb)
    for name, raw in read_inputs(names, limit, option, fmt):
        check_stop()  # a Ctrl-C / SIGTERM whose raise Python swallowed: stop before the next
        said = terminal_safe(printable_name(name))  # a file name with "\n" or ESC, in a log
        if isinstance(raw, OSError):  # an unreadable file: say so, go on with the others
            log.error("%s: %s", said, _unreadable(name, raw))
            outcome.io_errors += 1
            continue
        if isinstance(raw, InputError):  # above --max-record-mb, as `run` refuses it
            log.error("%s: %s", said, raw)
            outcome.failures += 1
            continue
        # a file name that is not UTF-8 (lone surrogates) cannot be printed or put in JSON
        shown = printable_name(name)
        html, sniffed = read_as_html(name, shown, raw, fmt)
        if name == "-" and sniffed == "jsonl":
            log.warning("standard input looks like JSONL records; it is cleaned as one text "
                        "document: use 'cleannews run - --out -' (or 'cleannews score -') "
                        "for records")
        elif name != "-" and (sniffed == "jsonl" or _named_jsonl(name)):
            log.warning("%s: a JSONL file is cleaned as one text document: use 'cleannews "
                        "run %s --out DIR' (or 'cleannews score') for its records", name, name)
        # refused in the words of `run`'s errors sink (binary, `nul`): a text's NULs refuse
        # it, a page's are removed (round 33); the library's `clean` removes a few stray NULs
        refused = refused_reason(raw, html=html)
        if refused is not None:
            log.error("%s: %s%s", said, refused, compressed_hint(name, raw, command))
            outcome.failures += 1
            continue
        try:
            with time_limit(doc_timeout):
                # decoded once, with its `decode` changes (a file read as Windows-1252 or
                # UTF-16 keeps them: explain showed no word of it), by the library's own
                # front half (its size limit and id too; no hint: --format chose)
                text, doc = clean_input(raw, config, html=html, id=shown, hint=False)
            source: str | bytes = text if decoded else raw
            del text
        except DocTimeout:  # as `run` files it (a `timeout` error): said, the others go on
            assert doc_timeout is not None
            log.error("%s: %s", said, timeout_message(doc_timeout))
            outcome.failures += 1
            continue
        except InputError as exc:
            log.error("%s: %s", said, exc.message)  # (the file is named: not twice)
            outcome.failures += 1
            continue
        except Exception as exc:  # a stage's bug on one document: the others still go on,
            # as in `cleannews run` (an `exception` error record there); it stopped the folder
            log.error("%s: cleaning failed: %s: %s", said, type(exc).__name__, exc)
            outcome.failures += 1
            continue
        _warn_if_empty(said, raw, doc, piped=name == "-")
        _warn_if_lost(said, doc)
        yield shown, source, doc


def _unreadable(name: str, exc: OSError) -> str:
    """What ``clean`` and ``explain`` say, after its name, of an input they could not read: in
    ``run``'s and ``score``'s words — ``cannot read: Permission denied`` (they said only
    "Permission denied"; round 31), a missing file or a dangling link as they say it before
    they start, a FIFO found in a folder as they file it.

    >>> _unreadable("a.txt", PermissionError(13, "Permission denied", "a.txt"))
    'cannot read: Permission denied'
    >>> _unreadable("b.txt", FileNotFoundError(2, "No such file or directory", "b.txt"))
    'no such file or folder'
    """
    from cleannews.batch.sources import NotRegular, cannot_read, read_problem

    if isinstance(name, NotRegular):
        return str(exc)
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return read_problem(exc)
    return cannot_read(exc)


#: ``decode`` rules that lose bytes of the input: ``clean`` and ``explain`` warn about them
#: (a UTF-16 file cut short was printed without a word, once as ``ÿþ…`` garbage).
LOST_BYTES_RULES = ("drop_truncated_utf8", "drop_truncated_utf16", "replace_invalid_utf16")


def _warn_if_lost(said: str, doc: Any) -> None:
    """Say so when decoding lost bytes of the input (a file cut short, damaged UTF-16)."""
    for c in doc.changes:
        if c.stage == "decode" and c.rule in LOST_BYTES_RULES:
            log.warning("%s: %s", said, c.reason)


def _warn_if_empty(said: str, raw: bytes, doc: Any, *, piped: bool = False) -> None:
    """Say so when a document printed nothing: an empty input, or one cleaning removed whole
    (`clean` printed nothing and exited 0 without a word, where `run` reports an `empty` or
    `empty_after_cleaning` error naming the rules). Empty standard input asks, as `run -`
    does, whether the command before the pipe failed (`zcat missing.gz | cleannews clean -`
    said only "empty document")."""
    if doc.verdict not in ("empty", "empty_after_cleaning"):  # routed as `run` files them
        return
    from cleannews.batch.sources import blank_input

    hint = ("; standard input is empty: did the command before the pipe fail?"
            if piped and blank_input(raw) else "")  # a byte-order mark alone too (round 31)
    log.warning("%s: %s%s", said, doc.reason, hint)


def _named_jsonl(name: str) -> bool:
    """Whether a file named on the command line is a JSONL file (by its name, as ``run``
    reads it; a folder's JSONL files are skipped with a warning by :func:`expand_files`).

    >>> _named_jsonl("crawl/part-0.jsonl"), _named_jsonl("a.ndjson"), _named_jsonl("a.txt")
    (True, True, False)
    """
    from cleannews.batch.sources import json_kind, kind_of

    # a `.json` file of records (JSONL, or an array: `run` says how to convert it) too
    return kind_of(name) == "jsonl" or json_kind(name) is not None


def read_inputs(names: list[str], limit: int | None = None, option: str = "--max-record-mb",
                fmt: str = "auto") -> Iterator[tuple[str, bytes | OSError | InputError]]:
    """Yield ``(name, raw_bytes)`` for each path; ``-`` reads standard input.

    Each input is read by :func:`cleannews.batch.sources.read_document`, as ``run`` and
    ``score`` read theirs: gzip data decompressed, binary data read no further than its first
    bytes, at most ``limit`` bytes (``--max-record-mb``; ``option``: the setting that set it,
    named in the message of an input above it). A path that cannot be read yields
    ``(name, the OSError)`` instead, an input above ``limit`` or whose data is damaged (gzip
    data cut short: :class:`~cleannews.batch.sources.DamagedData`) ``(name, an InputError)``
    saying so, so the caller reports it and goes on with the other inputs. ``fmt``
    (``--format``) and the name tell whether it is read as a page or a text: a text holding
    NULs is refused from its first bytes (:func:`~cleannews.batch.sources.reading_as_html`).
    """
    from cleannews.batch.sources import (
        DamagedData,
        NotRegular,
        open_document,
        read_document,
        reading_as_html,
        sys_stdin,
        too_large_message,
    )

    limit = DEFAULT_MAX_RECORD_BYTES if limit is None else limit
    for name in names:
        if isinstance(name, NotRegular):  # a FIFO found in a folder: never opened
            yield name, OSError(name.problem)
            continue
        try:
            html = reading_as_html(name, fmt)
            if name == "-":  # a closed stdin (`<&-`, a daemon) is empty, not a traceback
                got = read_document(open_document(sys_stdin()), limit, html=html)
            else:
                with open(name, "rb") as f:
                    got = read_document(open_document(f), limit, html=html)
        except DamagedData as exc:  # read, but not a document: refused as `run` files it
            yield name, InputError(str(exc), kind="read")  # (a `read` error there; exit
            # code 1, not 2)
            continue
        except OSError as exc:
            yield name, exc
            continue
        if got.truncated or got.size > limit:
            yield name, InputError(too_large_message(got.size, limit, got.exact,
                                                     "input" if name == "-" else "file",
                                                     option), kind="too_large")
        else:
            yield name, got.data


#: Default ``--max-record-mb`` of ``clean`` and ``explain``, in bytes (as ``run``'s).
DEFAULT_MAX_RECORD_BYTES = mb_bytes(MAX_RECORD_MB)


def add_size_flag(p: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    """``--max-record-mb``: the one size limit of every command (``run``, ``score``,
    ``clean``, ``explain``), with its default and its check."""
    p.add_argument("--max-record-mb", type=positive_mb, default=MAX_RECORD_MB, metavar="MB",
                   help="records or files larger than this are refused as too_large (run "
                   "and score: to the errors sink; default %(default)s)")


def record_limit(args: argparse.Namespace) -> int:
    """``--max-record-mb`` in bytes (the batch commands' ``BatchOptions.max_record_bytes``),
    or the library's ``max_input_mb`` when ``--set`` / ``--config`` gives a lower one: the
    commands read and refuse their input themselves (``too_large``), and ``clean`` / ``run``
    would have left that option unapplied on text (audit28)."""
    return input_limit(mb_bytes(getattr(args, "max_record_mb", MAX_RECORD_MB)),
                       config_from_args(args).max_input_mb)


def positive_mb(value: str) -> float:
    """argparse type: a size in MB, above 0.

    >>> positive_mb("0.5")
    0.5
    >>> positive_mb("-1")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: must be above 0, got -1
    >>> positive_mb("1e-30")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: must be at least one byte (1e-06 MB), got 1e-30
    >>> positive_mb("1e308")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: must be a finite number of MB, got 1e308 (for no practical ...
    """
    try:
        mb = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    try:
        mb_bytes(mb, value)  # the one check of a limit in MB (CleanConfig.max_input_mb's too)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return mb

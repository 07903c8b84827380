"""One immutable options object for the whole pipeline.

Modelled on ftfy's ``TextFixerConfig``: every option has a documented
default, and you change one with :func:`dataclasses.replace` or by passing
keyword arguments::

    >>> from cleannews import CleanConfig
    >>> cfg = CleanConfig(strip_boilerplate=False)
    >>> cfg.fix_encoding, cfg.strip_boilerplate
    (True, False)
    >>> cfg.replace(score_spin=False).score_spin
    False
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import numbers
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from cleannews._lazyre import LazyPattern
from cleannews.errors import ConfigError, UnknownOptionError

__all__ = [
    "DEFAULT_CONFIG",
    "CleanConfig",
    "checked_count",
    "checked_flag",
    "checked_keywords",
    "config_or_default",
    "option_names",
    "parse_option",
    "unknown_option",
]

_TUPLE_OPTIONS = frozenset({"languages", "accept_languages"})
#: Languages that have a boilerplate rule file (``strip/data/<code>.json``).
RULE_LANGUAGES = ("fr", "en", "de", "es", "it")
_FLOAT_OPTIONS = frozenset({"spin_suspect_threshold", "spin_quarantine_threshold"})
_LANG_CODE = LazyPattern(r"\A[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?\Z")
#: ISO 639-2 codes of common languages: a document's language is never one of them (it is
#: the ISO 639-1 code), so ``--languages fra`` would have set every French document aside.
_ISO639_2 = {"fra": "fr", "fre": "fr", "eng": "en", "deu": "de", "ger": "de", "spa": "es",
             "ita": "it", "por": "pt", "nld": "nl", "dut": "nl"}
#: The languages the language identifier can name (py3langid 0.4's model: its labels but
#: ``zxx``, "no language"); a document is never in another one, so an ``accept_languages``
#: code outside them set every document aside (``--languages fe`` for ``fr``).
#: ``tests/test_audit12.py`` checks the list against the model.
IDENTIFIED_LANGUAGES = frozenset("""
    ace af am an ar ary arz as az ba bcl be bg bn br bs ca crh cs cy da de dz el en eo
    es et eu ext fa fi fo fr fuv fy ga gcf gcr gd gl gom grc gu gug guw ha hbo he hi hr
    ht hu hy id ig is it ja jv ka kab kik kk km kn ko ku ky la lb lg lij ln lo lt ltg lv
    mg mk ml mn mr ms mt my ne nl nn no nso oc om or pa pcm pl ps pt qu ro ru rw sa sdh
    se si sk sl sn so sq sr st sv sw ta te tg th tk tl tr tt ug uk ur uz uzs vec vi vo
    wa wuu xh yo yue zh zu
""".split())
#: Options that are a size in megabytes, or ``None`` for no limit (``--set …=none``).
_SIZE_OPTIONS = frozenset({"max_input_mb"})
_NO_LIMIT = frozenset({"none", "off", "no", ""})
_TRUE = frozenset({"true", "yes", "on", "1"})
_FALSE = frozenset({"false", "no", "off", "0"})


def _split_list(value: str) -> tuple[str, ...]:
    """``"fr, en"`` -> ``("fr", "en")``; ``""`` -> ``()``.

    >>> _split_list("fr, en")
    ('fr', 'en')
    """
    return tuple(v.strip() for v in value.split(",") if v.strip())


def _language_code(option: str, code: str) -> str:
    """A language code as ``Document.language`` gives it: lower case, without a region.

    ``fr-FR``, ``fr_CA`` -> ``fr`` (``--languages fr-FR`` set every French document aside:
    its language is ``fr``); an ISO 639-2 code of a common language is refused with the
    code to give.

    >>> _language_code("accept_languages", "fr-FR"), _language_code("languages", "EN")
    ('fr', 'en')
    >>> _language_code("accept_languages", "fra")
    Traceback (most recent call last):
    ...
    cleannews.errors.ConfigError: accept_languages: fra is not a language code; give fr
    """
    base = regex.split(r"[-_]", code.lower(), maxsplit=1)[0]
    if base in _ISO639_2:
        raise ConfigError(f"{option}: {code} is not a language code; give {_ISO639_2[base]}")
    return base


def _check_identified(codes: tuple[str, ...]) -> None:
    """Refuse accept_languages codes that no document can have (see IDENTIFIED_LANGUAGES).

    >>> _check_identified(("fr", "wa", "yue"))
    >>> _check_identified(("fr", "fe"))
    Traceback (most recent call last):
    ...
    cleannews.errors.ConfigError: accept_languages: fe is not a language the language \
identifier names (no document would ever be in it); it names 139 languages: ace af ... zu
    """
    unknown = [c for c in codes if c not in IDENTIFIED_LANGUAGES]
    if not unknown:
        return
    known = sorted(IDENTIFIED_LANGUAGES)
    raise ConfigError(
        f"accept_languages: {', '.join(unknown)} {'is' if len(unknown) == 1 else 'are'} not "
        f"a language the language identifier names (no document would ever be in it); "
        f"it names {len(known)} languages: {' '.join(known)}")


def _check_size_option(name: str, value: Any) -> None:
    """``max_input_mb`` checked: ``None``, or a number of megabytes that is a size in bytes
    (:func:`cleannews.batch.limits.mb_bytes`, the check of ``--max-record-mb``).

    >>> _check_size_option("max_input_mb", 16), _check_size_option("max_input_mb", None)
    (None, None)
    >>> _check_size_option("max_input_mb", 0)
    Traceback (most recent call last):
    ...
    cleannews.errors.ConfigError: max_input_mb must be above 0, got 0 (None: no limit)
    """
    from cleannews.batch.limits import mb_bytes

    if value is None:
        return
    if not _is_number(value):
        raise ConfigError(f"{name} must be a number of megabytes or None (no limit), "
                          f"got {value!r}")
    try:
        mb_bytes(value)
    except ValueError as exc:
        raise ConfigError(f"{name} {exc} (None: no limit)") from None


def _options_table(data: dict[str, Any], name: str) -> dict[str, Any]:
    """The options of a parsed TOML file: its ``[cleannews]`` table, its ``[tool.cleannews]``
    table (``pyproject.toml``), else its top-level keys.

    Top-level options beside a ``[cleannews]`` table were silently ignored; now refused:

    >>> _options_table({"fast_path": False, "cleannews": {"score_spin": False}}, "c.toml")
    Traceback (most recent call last):
    ...
    cleannews.errors.ConfigError: c.toml: fast_path outside the [cleannews] table: move it there
    """
    table = data.get("cleannews")
    tool = data.get("tool")
    in_tool = isinstance(tool, dict) and isinstance(tool.get("cleannews"), dict)
    if isinstance(table, dict) or in_tool:
        where = "[cleannews]" if isinstance(table, dict) else "[tool.cleannews]"
        # other tools' tables may stay; options outside the table were ignored silently
        if isinstance(table, dict) and in_tool:
            raise ConfigError(f"{name}: both a [cleannews] and a [tool.cleannews] table (one "
                              "was ignored): keep one")
        outside = [k for k in data if k in option_names()]
        if outside:
            raise ConfigError(f"{name}: {', '.join(outside)} outside the {where} table: "
                              "move it there")
        return table if isinstance(table, dict) else tool["cleannews"]
    if os.path.basename(name) == "pyproject.toml":  # "unknown option 'project'" named no table
        raise ConfigError(f"{name}: no [tool.cleannews] table (the options of a "
                          "pyproject.toml go in [tool.cleannews])")
    return data


def _json_hint(raw: bytes) -> str:
    """For a config file that is a JSON object (``{"fast_path": false}``, a ``config.json``):
    the options it holds written as TOML, which ``--config`` reads (it said only "not valid
    TOML: Invalid statement (at line 1, column 1)"; round 28). ``""`` for anything else.

    >>> _json_hint(b'{"fast_path": false, "accept_languages": ["fr"]}')
    '; the file is JSON: a config file is TOML, one option a line: fast_path = false, \
accept_languages = ["fr"]'
    >>> _json_hint(b"fast_path = = 1")
    ''
    """
    import json

    try:
        data = json.loads(raw)
    except ValueError:  # not JSON either (UnicodeDecodeError is a ValueError)
        return ""
    if not isinstance(data, dict) or not data:
        return ""
    shown = [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in list(data.items())[:4]]
    return ("; the file is JSON: a config file is TOML, one option a line: "
            + ", ".join(shown) + (" …" if len(data) > 4 else ""))


def unknown_option(key: str, names: Sequence[str], what: str = "option",
                   error: type[ConfigError] = UnknownOptionError) -> ConfigError:
    """The error for an option name that is not one of ``names``: it names the closest valid
    ones (:func:`difflib.get_close_matches`), or lists them all when none is close.

    >>> str(unknown_option("fast_pth", option_names()))
    "unknown option 'fast_pth' (did you mean fast_path?)"
    >>> str(unknown_option("jobz", ["jobs", "job_size", "limit"], "RunSettings option"))
    "unknown RunSettings option 'jobz' (did you mean jobs or job_size?)"
    >>> str(unknown_option("zzz", ["a", "b"]))
    "unknown option 'zzz'; options: a, b"
    """
    close = difflib.get_close_matches(key, names, n=3)
    hint = (f" (did you mean {' or '.join(close)}?)" if close
            else f"; options: {', '.join(names)}")
    return error(f"unknown {what} {key!r}{hint}")


def checked_count(name: str, value: Any, minimum: int) -> int:
    """``value`` checked as a count: an ``int`` (not a ``bool``) of at least ``minimum``, else
    a :class:`~cleannews.errors.ConfigError` naming the option (``top_evidence="3"``,
    ``RunSettings(jobs=0)``, ``BatchOptions(max_record_bytes=-1)``).

    >>> checked_count("jobs", 2, 1)
    2
    >>> checked_count("RunSettings jobs", 0, 1)
    Traceback (most recent call last):
    ...
    cleannews.errors.ConfigError: RunSettings jobs must be an integer of at least 1, got 0
    """
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ConfigError(f"{name} must be an integer of at least {minimum}, got {value!r}")
    return value


def checked_flag(name: str, value: Any) -> bool:
    """``value`` checked as a flag of a library function (``explain(html=)``,
    ``clean_record(html=)``, ``clean_batch(keep_original=)``, the datatrove steps' flags):
    ``True`` or ``False`` (numpy's ``bool_`` too, as ``df.col.any()`` gives), else a
    :class:`~cleannews.errors.ConfigError` naming the argument, as ``CleanConfig``'s flags
    are checked. Any value was taken as its truth: ``html="no"`` read a text as HTML, and
    ``html=None`` or ``0`` passed (audit21).

    >>> checked_flag("html", False)
    False
    >>> checked_flag("html", "no")
    Traceback (most recent call last):
    ...
    cleannews.errors.ConfigError: html must be True or False, got 'no'
    """
    if isinstance(value, bool) or _numpy_bool(value):
        return bool(value)
    raise ConfigError(f"{name} must be True or False, got {value!r}")


def _is_number(value: Any) -> bool:
    """A real number that is not a truth value: ``int``, ``float``, numpy's ``float32`` …
    (``np.float32(0.8)`` was refused as "must be a number" while ``np.float64`` passed).

    >>> _is_number(0.8), _is_number(True), _is_number("0.8")
    (True, False, False)
    """
    return (isinstance(value, numbers.Real) and not isinstance(value, bool)
            and not _numpy_bool(value))


def _as_float(value: Any) -> float:
    """A checked number option as a plain ``float`` (``-0.0`` as ``0.0``), so equal
    configurations have the same ``repr`` and :meth:`CleanConfig.to_dict`.

    >>> _as_float(1), _as_float(-0.0), _as_float(0.25)
    (1.0, 0.0, 0.25)
    """
    return float(value) + 0.0


def _numpy_bool(value: Any) -> bool:
    """Whether ``value`` is numpy's boolean scalar (``df.col.any()``), without importing numpy.

    >>> _numpy_bool(True), _numpy_bool(1)
    (False, False)
    """
    kind = type(value)  # numpy 2 names its bool type `bool`, numpy 1 `bool_`
    return kind.__module__ == "numpy" and kind.__name__ in ("bool", "bool_")


def checked_keywords(cls: type) -> type:
    """Class decorator for a public options dataclass (:class:`CleanConfig`, ``BatchOptions``,
    ``RunSettings``): a keyword argument that names no field is an
    :class:`~cleannews.errors.UnknownOptionError` naming it and the closest fields (it was the
    dataclass's ``__init__() got an unexpected keyword argument 'bogus'``)."""
    init = cls.__init__  # type: ignore[misc]
    names = tuple(f.name for f in dataclasses.fields(cls) if f.init)
    what = f"{cls.__name__} option"

    @functools.wraps(init)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        for key in kwargs:
            if key not in names:
                raise unknown_option(key, names, what)
        init(self, *args, **kwargs)

    cls.__init__ = __init__  # type: ignore[misc]
    return cls


def option_names() -> list[str]:
    """The names of every :class:`CleanConfig` option, in declaration order."""
    return [f.name for f in dataclasses.fields(CleanConfig)]


def parse_option(name: str, value: str) -> Any:
    """Turn the string ``value`` into the type of option ``name``.

    >>> parse_option("fast_path", "off"), parse_option("spin_quarantine_threshold", "0.8")
    (False, 0.8)
    >>> parse_option("fast_path", "maybe")
    Traceback (most recent call last):
    ...
    cleannews.errors.ConfigError: fast_path must be true or false, got 'maybe'
    """
    if name not in option_names() or not isinstance(value, str):
        # an unknown option: from_dict names it; a value already typed (`{"fast_path":
        # False}` given to from_strings was an AttributeError): from_dict checks its type
        return value
    if name in _TUPLE_OPTIONS:
        return _split_list(value)
    if name in _SIZE_OPTIONS and value.strip().lower() in _NO_LIMIT:
        return None
    if name in _FLOAT_OPTIONS or name in _SIZE_OPTIONS:
        try:
            return float(value)
        except ValueError:
            raise ConfigError(f"{name} must be a number, got {value!r}") from None
    low = value.strip().lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise ConfigError(f"{name} must be true or false, got {value!r}")


@checked_keywords
@dataclass(frozen=True)
class CleanConfig:
    """Options of :func:`cleannews.clean` and the stages it runs.

    Repair stage
    ------------
    fix_encoding:
        Repair mojibake (UTF-8 read as Windows-1252, Latin-1, Windows-1250,
        double encoding …) and other Unicode damage with ftfy.
    unescape_html:
        Replace HTML entities (``&amp;``, ``&eacute;``, ``&#8217;``) in plain
        text by the characters they stand for.
    remove_invisible:
        Remove control characters, zero-width spaces, soft hyphens and byte
        order marks. Tabs and line breaks stay.
    keep_typography:
        Keep French typography as it is: curly apostrophes (’), guillemets
        (« »), no-break and narrow no-break spaces. ``False`` lets ftfy
        straighten quotes as its own default does.
    normalize_layout:
        Drop lines that hold only whitespace or no-break spaces, collapse
        runs of blank lines to one, turn ``\\r\\n`` into ``\\n``.
    lift_crawler_metadata:
        Lift a crawler prefix such as `` date 2025-02 `` at the start of the
        document into ``Document.metadata``.
    fast_path:
        Skip ftfy on text that a single character scan proves clean. The
        result is identical either way (tested); switch off only to debug.

    Strip stage
    -----------
    strip_boilerplate:
        Remove page furniture (newsletter blocks, share bars, tag clouds …).
    languages:
        Rule sets (data files) to apply to every page, by language code
        (``fr en de es it``).
    strip_page_language:
        Also apply the rule set of the page's own language (``de``, ``es``,
        ``it`` … when it has one), told by which stoplist covers most of the
        page's first words. Off: exactly ``languages``.
    html_main_content:
        For HTML input (:func:`cleannews.clean_html`): keep only the element
        that holds the article's prose (and its headline), chosen by a
        readability-like vote of its paragraphs; everything outside goes, as
        ``html_outside_main`` changes. Pages without one dominant container
        (listings, forums) are left whole.
    strip_recall:
        Recall-leaning strip (opt-in; default off, precision first): the trained line
        model and run model remove a standing line at the lower thresholds
        ``linemodel.RECALL_REMOVE_P`` / ``runmodel.RECALL_REMOVE_P`` instead of their
        model files' ``remove_p``. More furniture goes, and a few more content lines
        with it (development figures in docs/strip.md, "Line model"); for filters of
        pre-training data that prefer recall. The models' hard limits stay: bylines,
        datelines, the headline's line, sentence-like lines and the article's lists and
        subheadings are judged exactly as by default.

    Score and route stages
    ----------------------
    score_spin:
        Score machine-paraphrased ("spun") French.
    spin_suspect_threshold / spin_quarantine_threshold:
        Calibrated score at which a document is labelled ``"suspect"`` /
        ``"spun"``.
    spin_context:
        Add the context term to the spin score: how much better the
        thesaurus synonyms of the document's content words fit their slots
        than the words themselves, in a bigram model of clean French, gated
        by a register model (old, literary, legal, spoken French get little).
        It never quarantines alone and is computed only when the rest of the
        evidence already reaches a logit of -4. Off: the score without it.
    quarantine:
        Route documents labelled ``"spun"`` to quarantine (``doc.verdict``).
    accept_languages:
        Languages (ISO 639-1 codes, e.g. ``("fr", "en")``) a document may be
        written in. A document identified as another language gets the
        verdict ``"other_language"`` (set aside like a quarantine, with the
        reason). Empty (the default): every language is accepted.
        ``Document.language`` is filled either way; spin scoring stays
        French-only.

    Input
    -----
    max_input_mb:
        A size limit: an input above this many megabytes (``bytes`` as given, a ``str`` as
        its UTF-8 bytes) raises :class:`~cleannews.InputError` before any work, as the
        commands' ``--max-record-mb`` refuses it (``too_large``). ``None`` (the default):
        no limit, the library cleans what its caller holds (about 0.4 s per MB and 15 bytes
        of memory per input byte: 19 s and 760 MB for 50 MB). The commands' limit is
        ``cleannews.batch.limits.MAX_RECORD_MB`` (16).

    Every value is checked when the object is built: a wrong type or an
    out-of-range threshold raises :class:`~cleannews.ConfigError`::

        >>> CleanConfig(spin_quarantine_threshold=2)
        Traceback (most recent call last):
        ...
        cleannews.errors.ConfigError: spin_quarantine_threshold must be between 0 and 1, got 2
    """

    # repair
    fix_encoding: bool = True
    unescape_html: bool = True
    remove_invisible: bool = True
    keep_typography: bool = True
    normalize_layout: bool = True
    lift_crawler_metadata: bool = True
    fast_path: bool = True
    # strip
    strip_boilerplate: bool = True
    languages: tuple[str, ...] = ("fr", "en")
    strip_page_language: bool = True
    html_main_content: bool = True
    strip_recall: bool = False
    # score / route
    score_spin: bool = True
    spin_suspect_threshold: float = 0.5
    spin_quarantine_threshold: float = 0.9
    spin_context: bool = True
    quarantine: bool = True
    accept_languages: tuple[str, ...] = ()
    # input
    max_input_mb: float | None = None

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name in _SIZE_OPTIONS:
                _check_size_option(f.name, value)
                if value is not None:  # numpy's float32; an int (round 28, as the thresholds)
                    object.__setattr__(self, f.name, _as_float(value))
            elif f.name in _TUPLE_OPTIONS:
                if isinstance(value, str):
                    value = _split_list(value)
                if not isinstance(value, (list, tuple)) or not all(
                    isinstance(v, str) and _LANG_CODE.match(v) for v in value
                ):
                    raise ConfigError(
                        f"{f.name} must be a list of language codes such as fr, en; got {value!r}"
                    )
                # each code once, in the order given: ("fr", "fr-FR") is ("fr",), equal to
                # the configuration it means (round 28: it compared unequal, and its repr and
                # report showed the code twice)
                value = tuple(dict.fromkeys(_language_code(f.name, v) for v in value))
                if f.name == "accept_languages":
                    _check_identified(value)
                if f.name == "languages":
                    unknown = [v for v in value if v not in RULE_LANGUAGES]
                    if unknown:
                        raise ConfigError(
                            f"languages (the boilerplate rule sets) must be among "
                            f"{', '.join(RULE_LANGUAGES)}; got {', '.join(unknown)} "
                            "(accept_languages / --languages chooses which languages to keep)"
                        )
                object.__setattr__(self, f.name, value)
            elif f.name in _FLOAT_OPTIONS:
                if not _is_number(value):
                    raise ConfigError(f"{f.name} must be a number, got {value!r}")
                if not 0.0 <= value <= 1.0:
                    raise ConfigError(f"{f.name} must be between 0 and 1, got {value!r}")
                # a float whatever number was given (numpy's float32, audit28; an int, as a
                # TOML file's `spin_quarantine_threshold = 1` or `CleanConfig(…=1)` is,
                # round 28: its repr and to_dict said 1 where the default says 0.9)
                object.__setattr__(self, f.name, _as_float(value))
            elif _numpy_bool(value):  # as checked_flag takes it (it was refused; audit28)
                object.__setattr__(self, f.name, bool(value))
            elif not isinstance(value, bool):
                raise ConfigError(f"{f.name} must be true or false, got {value!r}")
        if self.spin_suspect_threshold > self.spin_quarantine_threshold:
            raise ConfigError(
                f"spin_suspect_threshold ({self.spin_suspect_threshold}) must not be above "
                f"spin_quarantine_threshold ({self.spin_quarantine_threshold}): lower both "
                f"(e.g. --set spin_suspect_threshold={self.spin_quarantine_threshold})"
            )

    @classmethod
    def from_dict(cls, options: Mapping[str, Any], base: CleanConfig | None = None) -> CleanConfig:
        """``base`` (default: the defaults) with ``options`` applied; unknown names are refused.

        >>> CleanConfig.from_dict({"score_spin": False}).score_spin
        False
        >>> CleanConfig.from_dict({"scor_spin": False})
        Traceback (most recent call last):
        ...
        cleannews.errors.ConfigError: unknown option 'scor_spin' (did you mean score_spin?)
        """
        if not isinstance(options, Mapping):  # None, a list of names: a TypeError before
            raise ConfigError("options must be a mapping of option names to values "
                              f"(e.g. {{'fast_path': False}}), got {type(options).__name__}")
        names = option_names()
        for key in options:
            if not isinstance(key, str):
                raise ConfigError(f"option names are strings, got {key!r}")
            if key not in names:  # a ConfigError, as documented (not a TypeError)
                raise unknown_option(key, names, error=ConfigError)
        if base is not None and not isinstance(base, CleanConfig):
            raise ConfigError(f"base must be a CleanConfig, got {type(base).__name__}")
        return dataclasses.replace(base or cls(), **options)

    @classmethod
    def from_strings(
        cls, options: Mapping[str, str], base: CleanConfig | None = None
    ) -> CleanConfig:
        """Like :meth:`from_dict`, each value given as a string (``--set key=value``).

        Booleans are ``true/false``, ``yes/no``, ``on/off`` or ``1/0``; thresholds
        are numbers; language lists are comma-separated.

        >>> cfg = CleanConfig.from_strings({"strip_boilerplate": "no", "accept_languages": "fr,en"})
        >>> cfg.strip_boilerplate, cfg.accept_languages
        (False, ('fr', 'en'))
        """
        if not isinstance(options, Mapping):
            raise ConfigError("options must be a mapping of option names to strings (e.g. "
                              f"{{'fast_path': 'off'}}), got {type(options).__name__}")
        return cls.from_dict({k: parse_option(k, v) for k, v in options.items()}, base)

    @classmethod
    def from_file(
        cls, path: str | os.PathLike[str], base: CleanConfig | None = None
    ) -> CleanConfig:
        """Options read from a TOML file: top-level keys, a ``[cleannews]`` table, or the
        ``[tool.cleannews]`` table of a ``pyproject.toml``.

        Raises :class:`~cleannews.ConfigError` for a file that cannot be read or
        parsed, and for unknown options or wrong values.
        """
        if not isinstance(path, (str, bytes, os.PathLike)):  # None: a TypeError from open()
            raise ConfigError(f"config file must be a path, got {type(path).__name__}")
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except OSError as exc:
            name = os.fspath(path)
            raise ConfigError(f"cannot read config file {name!r}: {exc.strerror}") from exc
        return cls._from_toml(raw, str(os.fspath(path)), base)

    @classmethod
    def _from_toml(cls, raw: bytes, name: str, base: CleanConfig | None = None) -> CleanConfig:
        """Options read from the bytes of a TOML file called ``name`` (:meth:`from_file`;
        ``cleannews … --config -`` reads them from standard input)."""
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover - Python 3.10
            import tomli as tomllib
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{name}: not valid TOML: {exc}{_json_hint(raw)}") from exc
        except UnicodeDecodeError as exc:  # TOML is UTF-8
            raise ConfigError(f"{name}: not valid TOML: not UTF-8 text "
                              f"(byte {exc.start})") from exc
        data = _options_table(data, name)
        try:
            return cls.from_dict(data, base)
        except ConfigError as exc:
            raise ConfigError(f"{name}: {exc}") from exc

    def replace(self, **changes: Any) -> CleanConfig:
        """A copy with some options changed (the object itself is immutable); a misspelt
        option is a :class:`ConfigError` naming the closest one, as in :meth:`from_dict`.

        >>> CleanConfig().replace(keep_typography=False).keep_typography
        False
        >>> CleanConfig().replace(fast_pth=True)
        Traceback (most recent call last):
        ...
        cleannews.errors.ConfigError: unknown option 'fast_pth' (did you mean fast_path?)
        """
        return self.from_dict(changes, self)

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["languages"] = list(self.languages)
        d["accept_languages"] = list(self.accept_languages)
        return d


DEFAULT_CONFIG = CleanConfig()


def config_or_default(config: Any) -> CleanConfig:
    """``config`` itself, or :data:`DEFAULT_CONFIG` for ``None``; anything else is refused.

    ``clean(text, config={"fast_path": False})`` raised ``AttributeError`` from inside the
    pipeline (and ``config={}`` was silently the defaults); a ``CleannewsCleaner`` or
    ``clean_frame`` given a dict turned every document into an error.

    >>> config_or_default(None) is DEFAULT_CONFIG
    True
    >>> config_or_default({"fast_path": False})
    Traceback (most recent call last):
    ...
    cleannews.errors.ConfigError: config must be a CleanConfig (CleanConfig.from_dict), got dict
    """
    if config is None:
        return DEFAULT_CONFIG
    if isinstance(config, CleanConfig):
        return config
    raise ConfigError("config must be a CleanConfig (CleanConfig.from_dict), got "
                      f"{type(config).__name__}")

"""The pipeline: repair → strip → score → route, with every change recorded.

>>> import cleannews
>>> text = " date 2025-02 Un titre\\n\\nUn paragraphe.\\n\\u00a0\\n\\nComments are closed.\\n"
>>> doc = cleannews.clean(text)
>>> doc.metadata["date"]
'2025-02'
"""

from __future__ import annotations

import dataclasses
import logging
import math
import numbers
import os
from bisect import bisect_right
from typing import Any

from cleannews._align import AlignedResult, Alignment, map_changes
from cleannews._input import decode_input
from cleannews._lines import split_lines
from cleannews.config import CleanConfig, _numpy_bool, config_or_default
from cleannews.document import Document, SpinScore
from cleannews.errors import InputError
from cleannews.route import has_visible_text

__all__ = ["clean", "clean_html", "repair", "spin_score"]

#: Spin labels given without a French score; they carry the document's identified language
#: (``Document.language``: ``None`` when too short to tell), not the spin detector's own
#: French test, which said ``"fr"`` of two words (``"se sont"``) and of "Business school) et"
#: where ``Document.language`` was ``None`` and ``"en"`` (round 30).
_UNSCORED_LABELS = ("unsupported_language", "insufficient")


def document_id(id: object) -> str | None:
    """The ``id=`` of :func:`clean`, :func:`clean_html` and :func:`repair` as the Document
    keeps it: always a ``str`` (or ``None``). A path (``id=path``, the file a text was read
    from) is its name; an ``int`` or a ``float`` is written as ``run`` writes a JSONL record's
    numeric id (``{"id": 7}`` -> ``"7"``, :func:`cleannews.batch.ids.record_id`), so the
    library and the batch give one document the same id (``clean(text, id=3).id`` was the
    int ``3``; audit23). Anything else is an :class:`~cleannews.InputError` (a ``Path`` or an
    object was kept, and ``doc.to_json()`` failed with "Object of type PosixPath is not JSON
    serializable"; audit20).

    >>> import pathlib
    >>> document_id(pathlib.Path("corpus/a.txt")), document_id("a1"), document_id(7)
    ('corpus/a.txt', 'a1', '7')
    >>> document_id(3.5), document_id(None)
    ('3.5', None)
    >>> document_id(float("nan"))  # pandas' missing id: none, as in a JSONL record
    >>> document_id(["a"])
    Traceback (most recent call last):
    ...
    cleannews.errors.InputError: id must be a str (or an int, a float, a path, None), got list

    Why this is not :func:`cleannews.batch.ids.id_text`, which names a record of ``run``: both
    write a number alike and take a NaN or an infinity for no id (``tests/test_api29.py``
    holds them to it), but they read different things. ``id_text`` reads a value of a JSON
    record and must not fail on one record: whatever is no id there (``null``, ``""``,
    ``true``, a list) names the document by its place, the ``fallback`` ``PATH:LINE``.
    ``document_id`` reads its caller's argument: a wrong type (a list, ``True``) is the
    caller's mistake and raised, a path or a numpy number is an id, no id is ``None`` (a
    Document has no place to fall back on). A string that shows nothing (``""``, spaces, a
    zero-width space) is no id, ``None``, as ``id_text`` takes it for none (it was kept as
    given, and an error naming the document said "document : …"; round 28):

    >>> document_id(""), document_id(" \\u200b"), document_id(" a1")
    (None, None, ' a1')
    """
    if id is None:
        return id
    if isinstance(id, str):  # numpy's str_ (a DataFrame's values): the str it holds
        text = id if type(id) is str else str.__str__(id)
        return text if has_visible_text(text) else None
    if isinstance(id, numbers.Real) and not isinstance(id, bool) and not _numpy_bool(id):
        # as record_id writes a JSONL record's numeric id; numpy's integers too (a
        # DataFrame's id column: clean(text, id=np.int64(3)) was an InputError), and a NaN
        # (pandas' missing id) or an infinity is no id, as record_id has it (it was the id
        # "nan" of every such document; audit28)
        if isinstance(id, numbers.Integral):
            return str(int(id))
        return str(id) if math.isfinite(id) else None
    if isinstance(id, os.PathLike):
        return os.fsdecode(os.fspath(id))

    raise InputError(
        f"id must be a str (or an int, a float, a path, None), got {type(id).__name__}")


def read_input(value: object, config: CleanConfig, *, html: bool = False,
               call: str | None = None):
    """:func:`~cleannews._input.decode_input` of what :func:`clean` (:func:`clean_html`,
    :func:`repair`, :func:`spin_score`, :func:`explain`) was given, after the size limit of
    ``config.max_input_mb`` (``None``: no limit): an input above it is an
    :class:`~cleannews.InputError` before any work, in the words of the commands'
    ``too_large`` (``bytes`` counted as given, a ``str`` as its UTF-8 bytes).

    >>> read_input("Un texte.", CleanConfig(max_input_mb=1))[0]
    'Un texte.'
    >>> read_input(b"x" * 2000, CleanConfig(max_input_mb=0.001))
    Traceback (most recent call last):
    ...
    cleannews.errors.InputError: text is 2000 bytes, above the limit of 1048 bytes \
(CleanConfig max_input_mb)
    """
    if config.max_input_mb is not None:
        from cleannews.batch.limits import MAX_INPUT_SETTING, mb_bytes

        limit = mb_bytes(config.max_input_mb)
        size = input_size(value, limit)
        if size > limit:
            from cleannews.batch.sources import too_large_message

            # kind: as `run` files it (the datatrove step said `input`; round 28)
            raise InputError(too_large_message(size, limit, True, "text", MAX_INPUT_SETTING),
                             kind="too_large")
    return decode_input(value, html=html, call=call)


def input_size(value: object, limit: int) -> int:
    """Bytes of ``value``: as given for bytes-like input, UTF-8 for a ``str`` (encoded only when
    it may be above ``limit``: a character is 1 to 4 bytes); 0 for any other type (refused
    by :func:`~cleannews._input.decode_input`).

    >>> input_size("é" * 3, 4), input_size(memoryview(b"abc"), 4), input_size(None, 4)
    (6, 3, 0)
    """
    if isinstance(value, (bytes, bytearray)):
        return len(value)
    if isinstance(value, memoryview):
        return value.nbytes
    if isinstance(value, str):
        if len(value) * 4 <= limit:  # not above it, whatever its characters
            return len(value)
        return len(value.encode("utf-8", "surrogatepass"))
    return 0


def _repair_stage(text: str, config: CleanConfig) -> AlignedResult:
    from cleannews.repairs import repair_text

    return repair_text(text, config)


def _finish(
    doc: Document,
    repaired: AlignedResult,
    alignment: Alignment,
    config: CleanConfig,
    headings: frozenset[str] = frozenset(),
    verbatim: frozenset[int] = frozenset(),
    *,
    empty_input: bool = False,
) -> Document:
    """Strip, score and route ``repaired.text`` (``alignment`` maps it to the input).

    ``repaired.text`` is taken out of ``repaired`` so that, once stripped, the
    repaired text is freed before spin scoring (memory: one copy of the
    document alive at a time, not three). ``headings``: the article's subheadings
    read from the HTML markup (the strip stage's position-based detectors leave them);
    ``verbatim``: indices of the lines of ``repaired.text`` that are rows of an HTML
    ``<pre>`` block (the strip stage's line rules leave them, see :func:`_pre_lines`).
    ``empty_input``: the input had no visible text (verdict ``"empty"``, not
    ``"empty_after_cleaning"``, see :func:`cleannews.route.route`).
    """
    text, repaired.text = repaired.text, ""
    if config.strip_boilerplate:
        from cleannews.strip import strip_text

        s = strip_text(text, config, headings=headings, verbatim=verbatim)
        doc.changes.extend(map_changes(s.changes, alignment))
        doc.metadata.update(s.metadata)
        text = s.text
        del s
    doc.text = text
    from cleannews._lang import identify_language

    doc.language = identify_language(text)
    doc.spin = _score(text, config, doc.language) if config.score_spin else SpinScore.neutral()
    from cleannews.route import route

    doc.verdict, doc.reason = route(doc, config, empty_input=empty_input)
    doc.changes.sort(key=lambda c: (c.span[0], c.span[1]))
    return doc


def repair(
    text: str | bytes, config: CleanConfig | None = None, *, id: str | None = None
) -> Document:
    """Run the repair stage alone: mojibake, entities, invisible characters, layout.

    >>> import cleannews
    >>> cleannews.repair("mus\\u0102\\u00a9um").text
    'mus\u00e9um'
    """
    config = config_or_default(config)
    id = document_id(id)  # type: ignore[assignment]
    try:
        text, changes = read_input(text, config, call="repair({})")
    except InputError as exc:  # named by its document (round 28)
        raise exc.naming(id) from None
    doc = Document(text="", changes=changes, id=id, input_length=len(text))
    r = _repair_stage(text, config)
    doc.text = r.text
    doc.changes.extend(r.changes)
    doc.metadata.update(r.metadata)
    return doc


def clean(
    text: str | bytes, config: CleanConfig | None = None, *, id: str | None = None
) -> Document:
    """Clean one plain-text document: repair, strip boilerplate, score spin, route.

    ``text`` may be ``bytes``: it is decoded as UTF-8, and bytes that are not
    valid UTF-8 are read as Windows-1252 (each such run is a recorded
    change). Raises :class:`cleannews.InputError` for input that is not text
    (wrong type, binary data); never anything else.

    >>> import cleannews
    >>> doc = cleannews.clean("L\\u00c3\\u00a2\\u00e2\\u201a\\u00ac\\u00e2\\u201e\\u00a2entreprise")
    >>> doc.text
    'L\u2019entreprise'
    """
    return clean_input(text, config, id=id)[1]


def clean_input(value: object, config: CleanConfig | None = None, *, html: bool = False,
                id: object = None, hint: bool = True, call: str | None = None
                ) -> tuple[str, Document]:
    """The one front half of every way into the pipeline -- :func:`clean`, :func:`clean_html`,
    :func:`explain`, ``cleannews clean`` / ``explain`` and the batch step of ``run`` /
    ``score`` (and through them the pandas, datatrove and :func:`cleannews.batch.run_batch`
    paths): ``config.max_input_mb`` (:func:`read_input`), the decoding, the HTML hint
    (:func:`_hint_html`, only with ``hint`` on a text read as plain text) and the id
    (:func:`document_id`); then the stages. Returns the decoded input (what the Document's
    spans point into) and the Document.

    ``hint=False``: for the commands, which chose the format themselves (``--format``;
    ``auto`` reads a page as HTML) and would say it once per worker. The commands and this
    function used to hold two copies of this front half, the commands' without the size
    limit or the hint (round 27).

    >>> source, doc = clean_input(b"caf\\xe9 cr\\xe8me", id=3)
    >>> source, doc.text, doc.id, [c.rule for c in doc.changes]
    ('café crème', 'café crème', '3', ['decode_cp1252'])
    >>> clean_input("x" * 2000, CleanConfig(max_input_mb=0.001))
    Traceback (most recent call last):
    ...
    cleannews.errors.InputError: text is 2000 bytes, above the limit of 1048 bytes \
(CleanConfig max_input_mb)
    """
    config = config_or_default(config)
    ident = document_id(id)
    try:
        source, changes = read_input(value, config, html=html, call=call)
    except InputError as exc:  # named by its document, when the caller gave an id (round 28)
        raise exc.naming(ident) from None
    if hint and not html:
        _hint_html(source)
    doc = (_clean_html_decoded if html else _clean_decoded)(source, changes, config, ident)
    return source, doc


#: Whether this process has said that a text given to :func:`clean` looks like HTML (said
#: once per process, not per document: :func:`_hint_html`).
_HTML_HINT_SAID = False


def _hint_html(text: str) -> bool:
    """Warn once per process (logger ``cleannews``) when a text given to :func:`clean` (or
    :func:`explain` without ``html=True``) is an HTML page
    (:func:`cleannews._input.looks_like_html`): the plain-text path reads its tags as words,
    and a deeply nested page came back ``empty_after_cleaning`` with no hint why (round 25).
    True when it warned. ``cleannews run`` / ``clean`` read records and files through their
    own ``--format`` choice: they call :func:`clean_input` with ``hint=False``.

    >>> import cleannews.pipeline as p
    >>> p._HTML_HINT_SAID = False
    >>> p._hint_html("Le maire a parlé."), p._hint_html("<!DOCTYPE html><p>Texte</p>")
    (False, True)
    >>> p._hint_html("<!DOCTYPE html><p>Texte</p>")  # said already
    False
    """
    global _HTML_HINT_SAID
    if _HTML_HINT_SAID:  # said already: nothing else is read (one test a document)
        return False
    from cleannews._input import looks_like_html

    if not looks_like_html(text):
        return False
    _HTML_HINT_SAID = True
    _say_to_caller(
        "cleannews.clean() / explain() was given a text that looks like HTML: it is read as "
        "plain text, tags and all; use cleannews.clean_html() / explain(..., html=True) (or "
        "--format html / auto on the command line). Said once per process.")
    return True


def _say_to_caller(message: str) -> None:
    """Log ``message`` as a warning of the ``cleannews`` logger when the program shows its logs,
    else raise it as a :class:`UserWarning` (shown on stderr by Python's default filters).

    The package puts a ``NullHandler`` on its logger (a library's manners), so in a script or
    a notebook that never configured logging the HTML hint went nowhere: ``clean(page)`` gave
    the markup back as the cleaned text, verdict ``keep``, without a word (round 33).

    >>> import logging, warnings
    >>> with warnings.catch_warnings(record=True) as seen:
    ...     warnings.simplefilter("always")
    ...     _say_to_caller("a hint")
    >>> [str(w.message) for w in seen] == (
    ...     [] if _logs_shown(logging.getLogger("cleannews")) else ["a hint"])
    True
    """
    level = _caller_level()
    if level is None:  # the project's own tool: its pages are read as text on purpose
        return
    log = logging.getLogger("cleannews")
    if _logs_shown(log):
        log.warning("%s", message)
    else:
        import warnings

        warnings.warn(message, UserWarning, stacklevel=level)


def _caller_level() -> int | None:
    """The ``stacklevel`` (counted from the caller of this function, 1) of the user's call:
    the first frame outside the package and Python's import machinery (``<frozen runpy>``);
    ``None`` when there is none (the package is the program: ``python -m cleannews.evaluate``) or it
    is one of the project's own tools (``tools/``, ``benchmarks/`` of the source checkout):
    the hint is for users (round 34: it named ``<frozen runpy>`` as the caller under
    ``python -m cleannews.evaluate`` and printed inside the project's benchmarks).

    >>> _caller_level()  # a doctest: its frames are the user's (doctest's own, <doctest …>)
    1
    """
    import os
    import sys

    # the separator: a sibling folder named cleannews-something is the caller's
    here = os.path.dirname(__file__) + os.sep
    level, frame = 1, sys._getframe(1)
    while frame is not None and (frame.f_code.co_filename.startswith(here)
                                 or frame.f_code.co_filename.startswith("<frozen ")):
        level, frame = level + 1, frame.f_back
    if frame is None or _is_project_tool(frame.f_code.co_filename):
        return None
    return level


def _is_project_tool(path: str) -> bool:
    """Whether ``path`` is a script in a ``tools/`` or ``benchmarks/`` folder of a cleannews
    source checkout (the folder's parent holds ``src/cleannews``), whether the package it
    imports is that checkout's (editable) or an installed copy (CI's ``pip install .``).

    >>> _is_project_tool(__file__), _is_project_tool("/home/me/tools/x.py")
    (False, False)
    """
    import os

    for name in PROJECT_TOOL_FOLDERS:
        at = path.rfind(os.sep + name + os.sep)
        if at >= 0 and os.path.isfile(os.path.join(path[:at], "src", "cleannews", "__init__.py")):
            return True
    return False


#: Folders of a source checkout whose scripts are the project's own (benchmarks, training and
#: evaluation tools), which read pages as text on purpose: the HTML hint is not said there.
PROJECT_TOOL_FOLDERS = ("tools", "benchmarks")


def _logs_shown(log: logging.Logger) -> bool:
    """Whether a warning of ``log`` reaches a handler that writes it somewhere: one other than
    a ``NullHandler`` on it or an ancestor it propagates to, at a level that lets it through.

    >>> alone = logging.Logger("alone")  # outside the hierarchy: no root handler above it
    >>> _logs_shown(alone), alone.addHandler(logging.NullHandler()), _logs_shown(alone)
    (False, None, False)
    >>> alone.addHandler(logging.StreamHandler()); _logs_shown(alone)
    True
    """
    if not log.isEnabledFor(logging.WARNING):
        return True  # warnings silenced on purpose: not raised as a Python warning either
    node: logging.Logger | None = log
    while node is not None:
        if any(not isinstance(h, logging.NullHandler) and h.level <= logging.WARNING
               for h in node.handlers):
            return True
        node = node.parent if node.propagate else None
    return False


def _clean_decoded(text: str, changes: list, config: CleanConfig, id: str | None) -> Document:
    """:func:`clean` of a decoded input (``changes``: the decoding's)."""
    doc = Document(text="", changes=changes, id=id, input_length=len(text))
    empty_input = not has_visible_text(text)
    r = _repair_stage(text, config)
    del text  # a decoded copy of bytes input is not needed any more
    doc.changes.extend(r.changes)
    doc.metadata.update(r.metadata)
    return _finish(doc, r, r.alignment, config, empty_input=empty_input)


def clean_html(
    html: str | bytes, config: CleanConfig | None = None, *, id: str | None = None
) -> Document:
    """Clean one HTML page: markup-aware block extraction, then the same rules as :func:`clean`.

    Spans of changes made by the HTML front end point into the HTML source;
    the cleaned text is plain text, one block a paragraph. :func:`clean` reads
    its input as plain text, markup and all: give a page to this function.

    >>> import cleannews
    >>> page = ("<html><body><nav><a href='/'>Accueil</a> | <a href='/sport'>Sport</a></nav>"
    ...         "<article><h1>Budget 2026</h1><p>Le projet de budget est pr\u00e9sent\u00e9 "
    ...         "mardi.</p></article></body></html>")
    >>> doc = cleannews.clean_html(page)
    >>> doc.text
    'Budget 2026\\n\\nLe projet de budget est présenté mardi.\\n'
    >>> [(c.rule, page[c.span[0]:c.span[1]][:20]) for c in doc.changes]
    [('html_nav', "<nav><a href='/'>Acc")]
    """
    return clean_input(html, config, html=True, id=id)[1]


#: Metadata values :func:`clean_html` lifts from the page's markup that are text for a reader
#: (the ``<title>`` or ``og:title``, the site's name): they get the repair stage's character
#: repairs (:func:`cleannews.repairs.repair_value`), as the page's text does.
PAGE_TEXT_METADATA = ("title", "site")


def _repair_page_metadata(metadata: dict[str, Any], config: CleanConfig) -> None:
    """Repair the :data:`PAGE_TEXT_METADATA` values of ``metadata`` in place (a title kept
    its mojibake, entities and control characters; polish, round 27).

    >>> md = {"title": "Caf\u00c3\u00a9 &amp; cie", "url": "https://x.fr/?a=1&amp;b=2"}
    >>> from cleannews.config import DEFAULT_CONFIG
    >>> _repair_page_metadata(md, DEFAULT_CONFIG)
    >>> md
    {'title': 'Café & cie', 'url': 'https://x.fr/?a=1&amp;b=2'}
    """
    from cleannews.repairs import repair_value

    for key in PAGE_TEXT_METADATA:
        value = metadata.get(key)
        if isinstance(value, str):
            metadata[key] = repair_value(value, config)


def _clean_html_decoded(html: str, changes: list, config: CleanConfig,
                        id: str | None) -> Document:
    """:func:`clean_html` of a decoded page (``changes``: the decoding's)."""
    from cleannews.strip.html import html_to_text

    doc = Document(text="", changes=changes, id=id, input_length=len(html))
    h = html_to_text(html, config)
    # the article's subheadings, as the markup says: for the strip stage, not the user
    headings = frozenset(h.metadata.pop("html_headings", ()))
    # where the <pre> blocks are in the extracted text: for the strip stage too
    pre_blocks = h.metadata.pop("html_pre_blocks", ())
    doc.changes.extend(h.changes)
    doc.metadata.update(h.metadata)
    _repair_page_metadata(doc.metadata, config)
    r = _repair_stage(h.text, config)
    # spans of later stages point into the extracted text, mapped through h.alignment
    full = h.alignment.compose(r.alignment)
    doc.changes.extend(map_changes(r.changes, h.alignment))
    doc.metadata.update(r.metadata)
    verbatim = _pre_lines(r.text, r.alignment, pre_blocks)
    # a page whose markup holds no text (`<body></body>`, `<p>&nbsp;</p>`, an image) is empty,
    # like an empty text: it was "nothing left after cleaning … (no rule)", no rule having
    # removed anything
    empty_input = not has_visible_text(html) or (
        not has_visible_text(h.text) and not any(c.removed for c in h.changes))
    del h, html
    return _finish(doc, r, full, config, headings, verbatim, empty_input=empty_input)


def explain(
    text: str | bytes, config: CleanConfig | None = None, *, html: bool = False,
    changes_only: bool = False, as_dict: bool = False,
) -> Any:
    """What :func:`clean` (``html=True``: :func:`clean_html`) does to ``text``, as the
    ``cleannews explain`` command prints it: each input line with a mark (``-`` removed,
    ``~`` changed) and, under it, the rule and the reason of each change; then the spin
    score and its evidence, the verdict, the language and the metadata.

    The readable form of the :class:`~cleannews.Document` that :func:`clean` returns (its
    ``text`` and ``changes`` are ftfy's ``fix_and_explain`` result, with a reason per
    change); ``changes_only`` keeps only the lines with a change. Raises what
    :func:`clean` raises.

    ``as_dict=True`` returns the same explanation as data, JSON-ready (what ``cleannews
    explain --json`` prints): the repairs and removals with their rule, family, span and
    lines, the numbers of the lines removed and changed, the spin score with its evidence,
    the verdict and its reason (:func:`cleannews._explain.plan`; round 28).

    >>> import cleannews
    >>> print(cleannews.explain("Partager sur Facebook\\nLe conseil a vot\u00e9 le budget.\\n"),
    ...       end="")
    1 - Partager sur Facebook
          [strip:share_bar] share button of the page
    2   Le conseil a voté le budget.
    <BLANKLINE>
    spin: insufficient (score 0.00, 6 words)
    verdict: keep
    language: fr
    """
    from cleannews._explain import render
    from cleannews.config import checked_flag

    config = config_or_default(config)
    html = checked_flag("html", html)  # html="no" was true: the text was read as a page
    changes_only = checked_flag("changes_only", changes_only)
    as_dict = checked_flag("as_dict", as_dict)
    # decoded once (it was twice); a path is told to call explain, not clean_html (round 33)
    source, doc = clean_input(text, config, html=html,
                              call="explain({}, html=True)" if html else "explain({})")
    if as_dict:
        from cleannews._explain import plan

        return plan(source, doc, html=html)
    return render(source, doc, changes_only=changes_only, html=html)


def _pre_lines(text: str, alignment: Alignment, blocks) -> frozenset[int]:
    """Indices of the lines of ``text`` (the repaired text) that come from ``<pre>`` blocks.

    ``blocks``: ``[start, end)`` offsets of the ``<pre>`` blocks in the extracted text
    (``metadata["html_pre_blocks"]`` of :func:`cleannews.strip.html.html_to_text`, in
    order); ``alignment`` maps ``text`` back to the extracted text. A non-blank line is a
    row of a block when the extracted range it maps to lies inside the block: the repair
    stage may have changed characters or removed blank lines, never joined two lines.

    >>> _pre_lines("Un.\\n\\na\\n  b\\n\\nDeux.\\n", Alignment.identity(18), [[5, 10]])
    frozenset({2, 3})
    """
    if not blocks:
        return frozenset()
    starts = [b[0] for b in blocks]
    rows = set()
    last_end = blocks[-1][1]
    for i, (pos, end, _) in enumerate(split_lines(text)):  # the strip stage's line indices
        if end > pos and text[pos:end].strip():
            a, b = alignment.to_input(pos, end)
            if a >= last_end:
                break  # past the last block
            k = bisect_right(starts, a) - 1
            if k >= 0 and b <= blocks[k][1]:
                rows.add(i)
    return frozenset(rows)


#: ``_score``'s default ``language``: not identified yet (``None`` is an answer: too short).
_NOT_IDENTIFIED = object()


def _score(text: str, config: CleanConfig, language: object = _NOT_IDENTIFIED) -> SpinScore:
    """Spin score of ``text``; a text that is not scored (not French, or too short) carries its
    identified language: ``language`` when the caller has identified it (``clean``, which
    identifies once per document), else :func:`~cleannews._lang.identify_language` of
    ``text``, asked only then (``spin_score``).

    >>> _score("Un titre court.", CleanConfig()).label
    'insufficient'
    """
    from cleannews.score import score_text

    spin = score_text(text, config)
    if spin.label in _UNSCORED_LABELS:
        if language is _NOT_IDENTIFIED:
            from cleannews._lang import identify_language

            language = identify_language(text)
        if spin.language != language:
            spin = dataclasses.replace(spin, language=language)
    return spin


def spin_score(text: str | bytes, config: CleanConfig | None = None) -> SpinScore:
    """Score how likely ``text`` is machine-paraphrased French (see :class:`SpinScore`).

    Only French is scored; other text is labelled ``"unsupported_language"``
    with its identified language in ``SpinScore.language`` (a text too short to
    judge, in any language, is ``"insufficient"``).

    >>> import cleannews
    >>> text = ("The government presented its budget on Tuesday. The plan cuts spending on "
    ...         "defence and raises taxes on the largest companies, while the opposition says "
    ...         "it will vote against it in parliament next month. ") * 3
    >>> s = cleannews.spin_score(text)
    >>> s.label, s.language
    ('unsupported_language', 'en')
    >>> cleannews.spin_score("Un titre court.").label
    'insufficient'

    A ``config`` that switches scoring off (``score_spin=False``) is honoured, as by
    :func:`clean`: the neutral score, label ``"not_scored"`` (it scored anyway; round 33).

    >>> cleannews.spin_score(text, cleannews.CleanConfig(score_spin=False)).label
    'not_scored'
    """
    config = config_or_default(config)
    # as `clean` reads it: bytes-like input decoded (a bytearray was an InputError here
    # only), and a `str` with lone UTF-16 surrogates repaired
    text, _ = read_input(text, config, call="spin_score({})")
    if not config.score_spin:  # checked after the input: a path is still refused
        return SpinScore.neutral()
    return _score(text, config)

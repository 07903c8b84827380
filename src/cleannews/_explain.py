"""The line-by-line explanation of a cleaned document (``cleannews explain``,
:func:`cleannews.explain`): each input line with a mark, ``-`` removed, ``~`` changed,
the rule and reason under it; then the spin score, its evidence, the verdict, the
language and the metadata."""

from __future__ import annotations

from bisect import bisect_right

import regex

from cleannews.document import Change, Document

#: Characters that end a line of the input: ``\\n``, Windows ``\\r\\n``, old Mac ``\\r``, and
#: the line breaks the repair stage turns into ``\\n`` before the strip stage splits the text
#: into lines: the vertical tab, form feed and file / group / record separators
#: (``repairs.fixes.SEPARATOR_CHARS``) and Unicode's line and paragraph separators
#: (U+2028, U+2029; ftfy's ``fix_line_breaks``). ``explain`` split only at the first three,
#: so a line that the strip stage removed whole after a U+2028 was shown as part of one long
#: changed line (``~ … (removed 'Partager sur Facebook\\n')``; audit22). Not U+0085: the
#: repair stage reads it as the Windows-1252 ``…`` it almost always is.
_BREAKS = ("\r", "\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\u2028", "\u2029")
_BREAK_CHARS = "".join(_BREAKS)
#: What the text explanation says of a cleaned text with no identified language
#: (``Document.language`` ``None``, ``null`` in ``explain --json``): it printed no language
#: line at all (round 30).
UNIDENTIFIED = "none identified (too short to tell, or no language the model can name)"
_LINE_BREAK = regex.compile(r"\r\n?|[\n\x0b\x0c\x1c-\x1e\u2028\u2029]")
#: The line break that ends a line, if any.
_END_BREAK = regex.compile(r"(?:\r\n?|[\n\x0b\x0c\x1c-\x1e\u2028\u2029])\Z")

#: Characters of one metadata value the explanation prints (an HTML page's ``<title>`` is the
#: page's, of any length); longer values end with ``…``.
METADATA_SHOWN_CHARS = 300

_COLORS = {"-": "\x1b[31m", "~": "\x1b[33m", "+": "\x1b[32m", "dim": "\x1b[2m", "end": "\x1b[0m"}


def _lines_of(span: tuple[int, int], source: str, starts: list[int]) -> tuple[int, int]:
    """First and last line (0-based) that ``span`` touches in ``source``.

    Line breaks at either end of the span do not count: a removed line often
    takes the break before or after it along (``\\r\\n`` too, in Windows text).

    >>> src = "a\\nbb\\ncc\\nd"
    >>> _lines_of((2, 8), src, [0, 2, 5, 8])
    (1, 2)
    >>> _lines_of((1, 4), src, [0, 2, 5, 8])
    (1, 1)
    >>> _lines_of((3, 9), "a\\r\\nbb\\r\\n\\r\\nc", [0, 3, 7, 9])
    (1, 1)
    """
    start, end = span
    while start < end - 1 and source[start : start + 1] in _BREAKS:
        start += 1
    while end - 1 > start and source[end - 1 : end] in _BREAKS:
        end -= 1
    first = max(0, bisect_right(starts, start) - 1)
    last = max(first, bisect_right(starts, max(start, end - 1)) - 1)
    return first, last


def _shown_lines(c: Change, source: str, starts: list[int]) -> tuple[int, int]:
    """First and last line (0-based) ``explain`` shows the change ``c`` on: the lines its span
    touches (:func:`_lines_of`); a change of line breaks alone (:func:`_breaks_only`), on the
    line where the break is.

    >>> _shown_lines(Change("repair", "normalize_line_breaks", (1, 3), "\\r\\n", "\\n", "r"),
    ...              "a\\r\\nb", [0, 3])
    (0, 0)
    """
    if _breaks_only(c):
        n = max(0, bisect_right(starts, c.span[0]) - 1)
        return n, n
    return _lines_of(c.span, source, starts)


def _breaks_only(c: Change) -> bool:
    """A change of line breaks alone (``normalize_line_breaks``: ``\\r\\n`` -> ``\\n``; ftfy's
    ``fix_line_breaks``: ``\\r``, U+2028 … -> ``\\n``).

    >>> _breaks_only(Change("repair", "normalize_line_breaks", (3, 90), "\\r\\n", "\\n", "r"))
    True
    >>> _breaks_only(Change("repair", "fix_line_breaks", (3, 4), "\\u2028", "\\n", "r"))
    True
    """
    return bool(c.before) and not c.before.strip(_BREAK_CHARS) and not c.after.strip(_BREAK_CHARS)


#: Invisible characters the repair stage removes (byte-order mark, zero-width spaces and
#: joiners, direction marks, soft hyphen): shown escaped in a line, so the ``~`` of a line
#: whose only change is ``removed '\\ufeff'`` points at something (it looked unchanged).
_INVISIBLE = regex.compile("[\u00ad\u061c\u180e\u200b-\u200f\u2060-\u2064\ufeff]")


def _shown(line: str) -> str:
    """``line`` as printed: control and invisible characters escaped, at most 200 characters.

    >>> _shown("a\\x1b[2Jb\\tc\\u202e")
    'a\\\\x1b[2Jb\\tc\\\\u202e'
    >>> _shown("\\ufeffLe vote\\u200b")
    '\\\\ufeffLe vote\\\\u200b'
    """
    from cleannews.batch.sources import terminal_safe

    # printed raw, a scraped page's terminal escapes ran in the user's terminal (`ESC[2J`
    # cleared the screen) and a right-to-left override turned the line around
    line = terminal_safe(line if len(line) <= 200 else line[:197] + "...")
    return _INVISIBLE.sub(lambda m: ascii(m[0])[1:-1], line)


#: How a changed line holding no visible character is printed when it is empty: the line
#: break it is (a ``~`` followed by nothing said nothing of what changed; round 34).
EMPTY_LINE_SHOWN = "\u23ce"


def _shown_blank(line: str) -> str:
    """A changed line that shows nothing (spaces, tabs, no-break spaces, or empty) as
    printed: its characters quoted and escaped, as the detail row under it writes the text a
    change replaced (``'\\xa0'``), or ``⏎`` for an empty line (its line break alone).

    >>> _shown_blank("\\xa0"), _shown_blank(" \\t "), _shown_blank("")
    ("'\\\\xa0'", "' \\\\t '", '⏎')
    """
    return repr(line) if line else EMPTY_LINE_SHOWN


def _said(text: object) -> str:
    """A reason, a piece of evidence or a metadata value as printed: control characters
    escaped. They come from the data (an HTML page's ``<title>`` is lifted as it is, the
    evidence quotes the text's words): printed raw, a title holding ``ESC[2J`` cleared the
    user's screen and one holding U+202E turned the line around (audit29).

    >>> _said("Titre \\x1b[2J\\u202e")
    'Titre \\\\x1b[2J\\\\u202e'
    """
    from cleannews.batch.sources import terminal_safe

    return terminal_safe(str(text))


def _metadata_line(metadata: dict) -> str:
    """The ``metadata:`` line: each value escaped (:func:`_said`) and cut to
    :data:`METADATA_SHOWN_CHARS` characters.

    >>> _metadata_line({"title": "Le vote\\x1b[31m", "date": "2025-02"})
    'metadata: title=Le vote\\\\x1b[31m, date=2025-02'
    """
    from cleannews.batch.ids import clipped

    return "metadata: " + ", ".join(
        f"{_said(k)}={clipped(_said(v), METADATA_SHOWN_CHARS)}" for k, v in metadata.items())


def _whole_input_note(c: Change) -> bool:
    """A change that tells how the whole input was read (its codec), not an edit of a line."""
    return c.stage == "decode" and not c.before and not c.after


#: Markup of an HTML line: a whole tag or comment, or the part of a tag cut by the line's
#: start or end (``<div`` / ``class="x">`` of a tag written over two lines).
_MARKUP = regex.compile(r"<[^<>]*+>|<[^<>]*+\Z|\A[^<>]*+>")


def _markup_only(source: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``source[start:end]`` (a line of an HTML page) shows no text outside
    ``spans`` (the source ranges of the changes that removed text from it): what is left
    is markup and white space. Since round 27 a removed block's span is its text, not its
    start tag to the next block's first character: a line ``<p>Partager sur Facebook</p>``
    is still shown as removed (``-``).

    >>> _markup_only("<p>Partager</p>\\n<p>Le vote</p>", 0, 15, [(3, 11)])
    True
    >>> _markup_only("<p>Partager</p> Le vote", 0, 23, [(3, 11)])
    False
    """
    pos = start
    rest = []
    for a, b in sorted(spans):
        if a > pos:
            rest.append(source[pos:min(a, end)])
        pos = max(pos, b)
        if pos >= end:
            break
    if pos < end:
        rest.append(source[pos:end])
    return all(not _MARKUP.sub("", piece).strip() for piece in rest)


def _mark(source: str, line: str, ls: int, changes: list[Change],
          html: bool) -> tuple[bool, str]:
    """``(whole, mark)`` of the input line ``line`` (its break cut off), which starts at
    ``ls`` in ``source`` and which ``changes`` touch: ``whole`` when a removal took all of
    it (on an HTML page: all its text, its tags left aside); the mark ``-`` removed, ``~``
    changed, ``" "`` kept.

    >>> bar = Change("strip", "share_bar", (0, 9), "Partager\\n", "", "share bar")
    >>> _mark("Partager\\nLe vote.", "Partager", 0, [bar], False)
    (True, '-')
    >>> _mark("Partager\\nLe vote.", "Le vote.", 9, [], False)
    (False, ' ')
    """
    whole = any(c.removed and c.span[0] <= ls and c.span[1] >= ls + len(line) for c in changes)
    if html and not whole and line.strip() and any(c.removed for c in changes):
        whole = _markup_only(source, ls, ls + len(line), [c.span for c in changes if c.removed])
    return whole, "-" if whole and line else ("~" if changes else " ")


def plan(source: str, doc: Document, *, html: bool | None = None) -> dict:
    """The explanation of ``doc`` against its input ``source`` as data (``cleannews explain
    --json``, ``cleannews.explain(…, as_dict=True)``): what :func:`render` prints, JSON-ready.

    * ``id``, ``verdict`` and ``reason`` (the routing decision), ``language``, ``metadata``;
    * ``lines``: ``count`` (input lines, numbered from 1 as ``explain`` numbers them),
      ``removed`` and ``changed`` (the numbers of the lines marked ``-`` and ``~``);
    * ``repairs`` (stages ``decode`` and ``repair``) and ``removals`` (``strip`` and ``html``:
      the page furniture): each change's ``stage``, ``rule``, ``family`` (the kind of
      furniture a strip rule removes, :func:`cleannews.strip._rules.removal_category`; None
      for a detector without one and for repairs), ``span`` (in the input), ``lines``
      (``[first, last]`` it touches; None for a note about the whole input, such as its
      codec), ``before``, ``after``, ``reason``;
    * ``spin``: the score, label, evidence (spans in the cleaned text), paragraphs and
      signals (:meth:`cleannews.SpinScore.to_dict`).

    >>> import cleannews
    >>> p = cleannews.explain("Partager sur Facebook\\nLe conseil a voté le budget.\\n",
    ...                       as_dict=True)
    >>> p["lines"], p["verdict"], p["spin"]["label"]
    ({'count': 2, 'removed': [1], 'changed': []}, 'keep', 'insufficient')
    >>> r = p["removals"][0]
    >>> r["rule"], r["family"], r["span"], r["lines"], r["reason"]
    ('share_bar', 'share', [0, 22], [1, 1], 'share button of the page')
    """
    from cleannews.document import json_safe
    from cleannews.route import BOILERPLATE_STAGES
    from cleannews.strip._rules import removal_category

    if html is None:
        from cleannews._input import looks_like_html

        html = looks_like_html(source)
    starts = [0, *(m.end() for m in _LINE_BREAK.finditer(source))]
    touching: dict[int, list[Change]] = {}
    repairs, removals = [], []
    for c in doc.changes:
        item = c.to_dict()
        boilerplate = c.stage in BOILERPLATE_STAGES
        item["family"] = removal_category(c.rule) if boilerplate and c.removed else None
        if _whole_input_note(c):
            item["lines"] = None
        else:
            first, last = _shown_lines(c, source, starts)  # as render shows it
            item["lines"] = [first + 1, last + 1]
            for n in range(first, last + 1):
                touching.setdefault(n, []).append(c)
        (removals if boilerplate else repairs).append(item)
    ends = [*starts[1:], len(source)]
    count = len(starts) - (1 if source[starts[-1]:] == "" and len(starts) - 1 not in touching
                           else 0)
    removed, changed = [], []
    for n in sorted(touching):
        line = _END_BREAK.sub("", source[starts[n]:ends[n]], count=1)
        mark = _mark(source, line, starts[n], touching[n], html)[1]
        (removed if mark == "-" else changed).append(n + 1)
    return {
        "id": json_safe(doc.id),
        "verdict": doc.verdict,
        "reason": doc.reason,
        "language": doc.language,
        "metadata": json_safe(dict(doc.metadata)),
        "lines": {"count": count, "removed": removed, "changed": changed},
        "repairs": repairs,
        "removals": removals,
        "spin": doc.spin.to_dict(),
    }


def render(source: str, doc: Document, *, color: bool = False, changes_only: bool = False,
           html: bool | None = None) -> str:
    """The explanation of ``doc`` against its input ``source`` as terminal text; a document
    that prints nothing ends with ``verdict: empty`` or ``verdict: empty_after_cleaning`` and
    the reason, the error type ``cleannews run`` gives it (:func:`cleannews.route.route`).
    ``html``: ``source`` is an HTML page (None: when it looks like one,
    :func:`cleannews._input.looks_like_html`): a line whose text was all removed is marked
    removed although its tags are no part of the changes' spans."""
    if html is None:
        from cleannews._input import looks_like_html

        html = looks_like_html(source)

    def paint(mark: str, s: str) -> str:
        return f"{_COLORS[mark]}{s}{_COLORS['end']}" if color else s

    starts = [0, *(m.end() for m in _LINE_BREAK.finditer(source))]
    first_of: dict[int, list[Change]] = {}  # changes listed under the line where they start
    touching: dict[int, list[Change]] = {}  # every line a change touches
    out: list[str] = []
    # one change per line break that the repair stage turned into "\n" (ftfy's
    # `fix_line_breaks`: old Mac "\r", U+2028) marked every line of a 10,000-line document
    # changed, with a detail each; said once, with the count, as `normalize_line_breaks`
    # says "\r\n" (audit29)
    break_counts: dict[tuple[str, str, str, str], int] = {}
    for c in doc.changes:
        if _whole_input_note(c):  # "decoded as Windows-1252": said once, before the lines
            out.append(paint("dim", f"[{c.stage}:{c.rule}] {_said(c.reason)}"))
            continue
        first_line, last_line = _shown_lines(c, source, starts)
        if _breaks_only(c):  # "\r\n" -> "\n" on every line: said once, on its first line
            key = (c.stage, c.rule, c.before, c.after)
            # the same break replaced again (old Mac "\r", U+2028; not blank lines removed):
            if c.after and key in break_counts:  # counted under its first change, not shown
                break_counts[key] += 1
                continue
            break_counts[key] = 1
        first_of.setdefault(first_line, []).append(c)
        for n in range(first_line, last_line + 1):
            touching.setdefault(n, []).append(c)
    lines = [source[a:b] for a, b in zip(starts, [*starts[1:], len(source)], strict=True)]
    if lines[-1] == "" and len(lines) - 1 not in touching:
        lines.pop()  # the empty "line" after the last line break (or of an empty input)
    width = len(str(len(lines)))
    for n, line in enumerate(lines):
        changes = touching.get(n, [])
        ls = starts[n] if n < len(starts) else len(source)
        line = _END_BREAK.sub("", line, count=1)
        whole, mark = _mark(source, line, ls, changes, html)
        if changes_only and mark == " ":
            continue
        shown = _shown_blank(line) if mark == "~" and not line.strip() else _shown(line)
        text = f"{n + 1:>{width}} {mark} {shown}"
        out.append(paint(mark, text) if mark != " " else text)
        for c in first_of.get(n, []):
            detail = f"{' ' * width}     [{c.stage}:{c.rule}] {_said(c.reason)}"
            last = _lines_of(c.span, source, starts)[1]
            if last > n:
                detail += f" (lines {n + 1}-{last + 1})"
            times = break_counts.get((c.stage, c.rule, c.before, c.after), 0) \
                if _breaks_only(c) and c.after else 0
            if times > 1:
                detail += f" ({times:,} line breaks, the first on this line)"
            if not c.removed and (c.before or c.after):
                b, a = c.before[:60], c.after[:60]
                detail += f"  ({b!r} -> {a!r})"
            elif c.removed and not whole:
                detail += f"  (removed {c.before[:60]!r})"
            out.append(paint("dim", detail))
    spin = doc.spin
    out.append("")
    words = "1 word" if spin.n_words == 1 else f"{spin.n_words} words"  # it said "1 words"
    out.append(f"spin: {spin.label} (score {spin.score:.2f}, {words})")
    if "segments" in spin.signals:  # a long text scored in parts: which part raised it
        from cleannews.score._segments import part_line

        line = part_line(spin.signals)
        if line:
            out.append(f"  {line}")
    for e in spin.evidence[:15]:
        out.append(f"  - {e.signal}: {_said(e.reason)}")
    if len(spin.evidence) > 15:
        out.append(f"  … and {len(spin.evidence) - 15} more")
    out.append(f"verdict: {doc.verdict}" + (f" ({_said(doc.reason)})" if doc.reason else ""))
    if doc.language:
        out.append(f"language: {doc.language}")
    elif doc.text.strip():  # said nothing, as if the line were forgotten (round 30)
        out.append(f"language: {UNIDENTIFIED}")
    if doc.metadata:
        out.append(_metadata_line(doc.metadata))
    return "\n".join(out) + "\n"

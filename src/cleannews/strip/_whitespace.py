"""How an element's inline style sets white-space processing (CSS ``white-space``).

A page can lay text out as rows without a ``<pre>``: ``<div style="white-space: pre-wrap">``
(a transcript, a poem, a forum post), ``<p style="white-space:pre-line">``. The HTML walk
keeps such rows as lines like a ``<pre>``'s (:mod:`cleannews.strip.html`); this module reads
the element's ``style`` attribute the way a browser's cascade does for one declaration
block: comments and quoted strings are skipped, property names are case-insensitive, an
invalid value drops its declaration, the last valid declaration wins unless an earlier one
is ``!important``, and ``white-space`` (CSS 2 keywords and the CSS Text 4 shorthand) and
its longhand ``white-space-collapse`` are read together.

No style sheet is read (only inline styles): a class that a site's CSS makes
``white-space: pre`` is not seen.
"""

from __future__ import annotations

#: What the walk does with an element's text, by the collapse keyword that sets it:
#: ``pre``: spaces and line breaks as written; ``pre-line``: line breaks kept, runs of
#: spaces collapsed; ``normal``: every run of white space is one space.
PRE = "pre"
PRE_LINE = "pre-line"
NORMAL = "normal"
#: ``white-space`` keywords (CSS 2.1 and CSS Text 3) and their collapse behaviour.
WHITE_SPACE_KEYWORDS = {
    "pre": PRE,
    "pre-wrap": PRE,
    "break-spaces": PRE,
    "pre-line": PRE_LINE,
    "normal": NORMAL,
    "nowrap": NORMAL,
}
#: ``white-space-collapse`` keywords (CSS Text 4; also valid in the ``white-space``
#: shorthand, with a wrap keyword). ``preserve-spaces`` turns line breaks into spaces.
COLLAPSE_KEYWORDS = {
    "preserve": PRE,
    "break-spaces": PRE,
    "preserve-breaks": PRE_LINE,
    "collapse": NORMAL,
    "preserve-spaces": NORMAL,
}
#: ``text-wrap-mode`` keywords the ``white-space`` shorthand may carry beside a collapse one.
WRAP_KEYWORDS = frozenset(("wrap", "nowrap"))
#: CSS-wide keywords: ``initial`` is ``normal``; the others defer to the parent or to the
#: browser's own style (a ``<pre>`` stays a ``<pre>``).
INITIAL_KEYWORDS = frozenset(("initial",))
DEFER_KEYWORDS = frozenset(("inherit", "unset", "revert", "revert-layer"))
_PROPERTIES = frozenset(("white-space", "white-space-collapse"))


def _declarations(style: str) -> list[tuple[str, str]]:
    """(name, value) of each declaration of ``style``, comments cut, in order.

    One left-to-right scan (linear): ``;`` inside quotes or parentheses ends nothing.

    >>> _declarations("color: red; /* x; */ font-family: 'a;b'; WHITE-SPACE : Pre")
    [('color', 'red'), ('font-family', "'a;b'"), ('white-space', 'Pre')]
    """
    out: list[tuple[str, str]] = []
    piece: list[str] = []
    quote = ""
    depth = 0
    i, n = 0, len(style)
    while i < n:
        ch = style[i]
        if quote:
            if ch == "\\":
                piece.append(style[i : i + 2])
                i += 2
                continue
            if ch == quote:
                quote = ""
        elif ch == "/" and style.startswith("/*", i):
            end = style.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        elif ch in "\"'":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif ch == ";" and not depth:
            _add(out, "".join(piece))
            piece = []
            i += 1
            continue
        piece.append(ch)
        i += 1
    _add(out, "".join(piece))
    return out


def _add(out: list[tuple[str, str]], decl: str) -> None:
    name, colon, value = decl.partition(":")
    name = name.strip().lower()
    if colon and name:
        out.append((name, value.strip()))


def _mode(prop: str, value: str) -> str | None:
    """The collapse mode a valid ``value`` of ``prop`` sets; ``""`` for a CSS-wide keyword
    that defers; None for an invalid value (the declaration is dropped)."""
    words = value.lower().split()
    if not words:
        return None
    if len(words) == 1 and words[0] in INITIAL_KEYWORDS:
        return NORMAL
    if len(words) == 1 and words[0] in DEFER_KEYWORDS:
        return ""
    if prop == "white-space-collapse":
        return COLLAPSE_KEYWORDS.get(words[0]) if len(words) == 1 else None
    if len(words) == 1 and words[0] in WHITE_SPACE_KEYWORDS:
        return WHITE_SPACE_KEYWORDS[words[0]]
    # the CSS Text 4 shorthand: a collapse keyword and / or a wrap keyword, once each
    collapse = [w for w in words if w in COLLAPSE_KEYWORDS]
    wrap = [w for w in words if w in WRAP_KEYWORDS]
    if len(collapse) > 1 or len(wrap) > 1 or len(collapse) + len(wrap) != len(words):
        return None
    return COLLAPSE_KEYWORDS[collapse[0]] if collapse else NORMAL


def white_space_mode(style: str) -> str | None:
    """The white-space mode an inline ``style`` sets (:data:`PRE`, :data:`PRE_LINE`,
    :data:`NORMAL`), or None when it sets none (or defers to the parent's).

    >>> white_space_mode("color:red; WHITE-SPACE: Pre-Wrap")
    'pre'
    >>> white_space_mode("white-space: pre-line !important; white-space: normal")
    'pre-line'
    >>> white_space_mode("white-space: prewrap"), white_space_mode("font: 'white-space: pre'")
    (None, None)
    >>> white_space_mode("white-space: preserve nowrap"), white_space_mode("white-space: inherit")
    ('pre', None)
    """
    if "white-space" not in style.lower():
        return None
    best: str | None = None
    best_important = False
    for name, value in _declarations(style):
        if name not in _PROPERTIES:
            continue
        low = value.lower()
        important = False
        bang = low.rfind("!")
        if bang >= 0:
            if low[bang + 1 :].strip() != "important":
                continue  # "!" followed by anything else: an invalid declaration
            important = True
            value = value[:bang]
        mode = _mode(name, value)
        if mode is None or (best_important and not important):
            continue
        best, best_important = mode, important
    return best or None

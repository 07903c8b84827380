"""Strip stage: remove page furniture from plain text, every removal explained.

One line is one block. Each block is judged in three steps:

1. **rules** from the per-language data files (``data/fr.json``,
   ``data/en.json``, and ``de.json`` / ``es.json`` / ``it.json`` for a page in
   that language, see :mod:`cleannews.strip._pagelang`): whole-line phrases ("Partager :"), prefixes
   ("Lire aussi : …"), phrases that cover most of a line (newsletter and
   cookie blocks);
2. **structural detectors** (:mod:`cleannews.strip.detectors`) that need no
   phrase list: tag clouds, Latin-looking filler, breadcrumbs, repeated
   titles, menus, follower counters, captions next to photo credits;
3. a **block score** in the spirit of jusText: stopword density, length and
   punctuation make a block *good* (article text); short, ambiguous blocks
   take the class of their neighbours, and the end of the document counts
   as boilerplate (the start does not: that is where headlines live).

Bylines, datelines, source credits ("AFP") and attributions are protected:
only an explicit rule can remove them, never the context.

    >>> from cleannews import CleanConfig
    >>> text = "Un titre\\n\\nUn paragraphe sur l’économie.\\n\\nPartager :\\n"
    >>> r = strip_text(text, CleanConfig())
    >>> r.text
    'Un titre\\n\\nUn paragraphe sur l’économie.\\n'
    >>> r.changes[0].rule, r.changes[0].before
    ('share_bar', '\\nPartager :\\n')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cleannews.config import CleanConfig
from cleannews.document import Change

__all__ = ["StripResult", "lone_word", "strip_text"]


#: Site templates (:class:`cleannews.strip.templates.SiteTemplates`, ``run --site-templates``):
#: a line must occur in at least this many documents of a source. Defined here, in the light
#: package module, so that ``cleannews run --help`` shows it without importing the template
#: code (``cli/run.py`` kept a copy of it; audit20).
TEMPLATE_MIN_COUNT = 5
#: A document that is one word of at most this many characters skips the strip stage.
LONE_WORD_MAX_CHARS = 40
#: … and whose text, blanks included, is at most this long.
LONE_WORD_MAX_TEXT = 1000


def lone_word(text: str) -> bool:
    """Whether ``text`` is one short word alone: :func:`strip_text` leaves it whole.

    A furniture rule judges a line as part of a page ("x" and "Partager" are share
    buttons, "OK" a newsletter button, "12" a counter); a document of one word has no
    page around it, and ``cleannews.clean("x")`` returned ``""``. A line of several words
    ("Partager sur Facebook") is still judged.

    >>> lone_word(" x\\n"), lone_word("Partager"), lone_word("Partager sur Facebook")
    (True, True, False)
    """
    if len(text) > LONE_WORD_MAX_TEXT:  # no copy of a long document for this test
        return False
    parts = text.split(maxsplit=1)
    return len(parts) == 1 and len(parts[0]) <= LONE_WORD_MAX_CHARS


@dataclass
class StripResult:
    """Output of :func:`strip_text`: spans of ``changes`` point into the stage's input."""

    text: str
    changes: list[Change] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)


_IMPL: tuple = ()


def _impl() -> tuple:
    """The stage's functions, imported on first use (importing the package stays light)."""
    global _IMPL
    if not _IMPL:
        from cleannews.strip._assemble import assemble
        from cleannews.strip._page import judge_page
        from cleannews.strip.detectors import plan_lines

        _IMPL = (assemble, judge_page, plan_lines)
    return _IMPL


def strip_text(
    text: str,
    config: CleanConfig,
    *,
    headings: frozenset[str] = frozenset(),
    verbatim: frozenset[int] = frozenset(),
) -> StripResult:
    """Remove boilerplate lines (and glued spans) from ``text``; explain each removal.

    ``headings``: texts of lines the page's HTML markup says are the article's
    subheadings (:func:`cleannews.clean_html` passes them): only a phrase rule
    removes them, never their position or the line model.
    ``verbatim``: indices of lines (``split_lines(text)``) that are rows of an HTML
    ``<pre>`` block (:func:`cleannews.clean_html` passes them): the HTML stage kept or
    dropped the block as a whole, and no rule of this stage removes a row or cuts a span
    out of it (its rules read lines of prose and page furniture; a listing's repeated
    ``}`` or a poem's short lines are neither). They still count as kept text around the
    other lines.

        >>> from cleannews import CleanConfig
        >>> code = "Un paragraphe sur le code.\\n\\nend\\nend\\nend\\nend\\nend\\n"
        >>> strip_text(code, CleanConfig()).text
        'Un paragraphe sur le code.\\n'
        >>> strip_text(code, CleanConfig(), verbatim=frozenset({2, 3, 4, 5, 6})).text == code
        True
    """
    if not text or lone_word(text):  # no page around one word: nothing to judge it by
        return StripResult(text)
    assemble, judge_page, plan_lines = _impl()
    # rules and detectors with the page's rule files (the training tools call the same)
    page = judge_page(text, config, headings=headings, verbatim=verbatim)
    plan = plan_lines(text, page.spans, page.lines, page.glued, page_stop=page.page_stop,
                      recall=config.strip_recall)
    if verbatim:  # a <pre> row stays whatever a later pass or model made of it
        plan = {i: r for i, r in plan.items() if i not in verbatim}
    spans = page.spans
    del page  # the line objects (most of the stage's memory) go before the output is built
    out, changes = assemble(text, spans, plan, "strip")
    return StripResult(out, changes, {})

"""One page as the strip stage sees it before the models: shared by serving and training.

:func:`judge_page` is the single place that decides, for a text and a
:class:`~cleannews.CleanConfig`, which rule files apply (the configured
languages plus the page's own, :func:`cleannews.strip._pagelang.page_rule_languages`),
which span rules are skipped, which stoplist the line model reads, and runs the
rules and detectors (:func:`cleannews.strip.detectors.judge_lines`).
:func:`cleannews.strip.strip_text` calls it, and so do the training tools
(``tools/strip_model``): the rule-hit features the models learn from are the
ones they see at run time (they were once trained with the fr/en rule files
only while serving added de/es/it ones).

    >>> from cleannews import CleanConfig
    >>> page = judge_page("Die Regierung hat am Dienstag eine Reform der Rente angekündigt, "
    ...                   "die ab dem nächsten Jahr gelten soll und die von den "
    ...                   "Gewerkschaften scharf kritisiert wird.\\nTeilen", CleanConfig())
    >>> page.languages, page.page_stop, page.lines[1].removal.rule
    (('fr', 'en', 'de'), 'de', 'share_bar_de')
"""

from __future__ import annotations

from dataclasses import dataclass

from cleannews.config import CleanConfig
from cleannews.strip._assemble import LineSpans
from cleannews.strip._pagelang import guess_page_language, page_rule_languages
from cleannews.strip._rules import load_rules
from cleannews.strip.detectors import CRAWLER_PREFIX_RULE, build_lines, judge_lines

__all__ = ["JudgedPage", "judge_page"]

#: A document of at most this many characters has its lines built before the guess of its
#: language, each line keeping its word list, and the whole vocabulary (the guess, the page
#: kind and the line model read the words without tokenizing the lines again); a longer one
#: is guessed from its head first and its lines keep only word counts and the rule words
#: (memory: word lists and the vocabulary of a 1 MB page were several MB). Both give the
#: same lines, plans and guess.
LINES_FIRST_MAX_CHARS = 1 << 16


@dataclass
class JudgedPage:
    """A page after the rules and detectors, before the line and run models.

    ``spans``: :func:`cleannews.strip._assemble.split_lines` of the text (as a
    :class:`~cleannews.strip._assemble.LineSpans`: the same triples); ``lines``: the
    detectors' line objects (class, removal, protected); ``glued``: spans to cut inside
    lines; ``languages``: the rule files applied; ``page_stop``: the language of the
    stoplist the line model reads (one guess per document).
    """

    spans: object
    lines: list
    glued: dict
    languages: tuple[str, ...]
    page_stop: str


def strip_languages(text: str, config: CleanConfig, guess=None) -> tuple[str, ...]:
    """The rule files :func:`cleannews.strip.strip_text` applies to ``text``.

    >>> strip_languages("Partager", CleanConfig())
    ('fr', 'en')
    """
    languages = tuple(config.languages) or ("fr", "en")
    if config.strip_page_language:
        languages = page_rule_languages(text, languages, guess or guess_page_language(text))
    return languages


def judge_page(
    text: str,
    config: CleanConfig,
    *,
    headings: frozenset[str] = frozenset(),
    verbatim: frozenset[int] = frozenset(),
) -> JudgedPage:
    """Split ``text`` into lines and run the rules and detectors as the strip stage does.

    ``text`` is the strip stage's input (the repair stage's output in the pipeline);
    ``headings``: the article's subheadings read from HTML markup (see
    :func:`cleannews.strip.detectors.judge_lines`; plain text has none); ``verbatim``:
    indices of the lines that are rows of an HTML ``<pre>`` block (same).

    The stage's modules are imported with this one (:mod:`cleannews.strip` imports it on
    first use): an import statement in the function ran on every page (about 1 µs each,
    five a page; round 39, perf54).
    """
    spans = LineSpans(text)  # split_lines' triples, compact
    skip = frozenset() if config.lift_crawler_metadata else frozenset({CRAWLER_PREFIX_RULE})
    configured = tuple(config.languages) or ("fr", "en")
    built = None
    if len(text) <= LINES_FIRST_MAX_CHARS:
        # a short document: its lines first, each keeping its words (read again by the
        # page kind and the line model), and the guess reads the head's words from them
        built = build_lines(text, spans, configured, keep_words=True)
        guess = guess_page_language(text, built.head_words)
    else:
        # one guess of the page's language (it reads the text's first characters): its
        # rule file (option) and the line model's stoplist
        guess = guess_page_language(text)
    languages = strip_languages(text, config, guess)
    if built is None:
        # the lines' word features, keeping of the vocabulary only what these rules' plans
        # read (a long document's vocabulary and word lists were much of its memory)
        built = build_lines(text, spans, configured, load_rules(languages))
    lines, glued = judge_lines(text, spans, languages, skip, headings, built, verbatim)
    return JudgedPage(spans, lines, glued, languages, guess.stop)

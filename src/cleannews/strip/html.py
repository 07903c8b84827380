"""HTML front end: markup-aware block extraction, then the same text rules.

:func:`html_to_text` parses a page with BeautifulSoup (``html.parser``),
keeps the article's container (:func:`main_content`), drops what the markup
says is furniture (``script``, ``nav``, ``aside``, ``footer``, ``form`` …,
elements whose class or id says *share*, *newsletter*, *cookie*, *related* …
— the hints are data, ``data/html_hints.json`` —, lists of links and "read
also" lines by their link density, photo credits), records each drop as a
:class:`~cleannews.Change` of stage ``"html"``, and writes one line per
block (heading, paragraph, list item, blockquote …) with a blank line
between blocks. :func:`cleannews.clean_html` then runs the repair stage and
the very same :func:`cleannews.strip.strip_text` rules on that text.

    >>> from cleannews import CleanConfig
    >>> r = html_to_text('<html lang="fr"><title>T</title><body><nav>Menu</nav>'
    ...                  '<h1>Titre</h1><p>Un <b>paragraphe</b>.</p></body></html>', CleanConfig())
    >>> r.text
    'Titre\\n\\nUn paragraphe.\\n'
    >>> r.changes[0].rule, r.metadata["lang"], r.metadata["title"]
    ('html_nav', 'fr', 'T')
"""

from __future__ import annotations

import inspect
import json
import unicodedata
import warnings
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache, partial
from html import unescape
from html.entities import html5
from importlib import resources
from itertools import accumulate, islice
from typing import Any

import regex
from bs4 import BeautifulSoup, CData, Comment, Doctype, NavigableString, PageElement, Tag
from bs4.builder import HTMLParserTreeBuilder
from bs4.builder._htmlparser import BeautifulSoupHTMLParser
from bs4.element import (
    Declaration,
    ProcessingInstruction,
    Script,
    Stylesheet,
    TemplateString,
)

try:  # bs4 >= 4.13: the builder splits values with this pattern into this list class
    from bs4.element import AttributeValueList as _VALUE_LIST
    from bs4.element import nonwhitespace_re as _NONWHITESPACE
except ImportError:  # pragma: no cover - older bs4
    _VALUE_LIST = _NONWHITESPACE = None

from cleannews._align import AlignedResult, Alignment
from cleannews.config import CleanConfig
from cleannews.document import Change
from cleannews.strip._pagelang import UNSPACED as _UNSPACED
from cleannews.strip._whitespace import NORMAL, PRE, PRE_LINE, white_space_mode

__all__ = [
    "HtmlResult",
    "count_words",
    "fallback_lines",
    "html_to_text",
    "main_content",
    "parse_page",
    "photo_credit",
    "unclosed_comment",
    "unclosed_raw_text",
    "unclosed_tag",
]

#: Elements whose content is never article text.
DROP_TAGS = {
    "script": "script code",
    "style": "style sheet",
    "noscript": "fallback for disabled scripts",
    "template": "unrendered template",
    "svg": "vector image",
    "nav": "navigation menu",
    "aside": "aside block (sidebar, related content)",
    "footer": "page or section footer",
    "form": "form (search, login, newsletter, comments)",
    "iframe": "embedded frame (video, social post, advert)",
    "button": "button",
    "select": "drop-down list",
    "input": "form field",
    "textarea": "form field",
    "dialog": "dialog box",
    "object": "embedded object",
    "embed": "embedded object",
    "canvas": "canvas",
    "figcaption": "photo or video caption and credit",
    "head": "document head",
    "title": "document title",
}
#: Dropped without a Change: never page text (a <title> is walked only when the page's
#: content sits inside an unclosed <head>, see :func:`_unwrap_head`).
_SILENT_DROPS = frozenset({"head", "title"})
#: What a <head> legitimately holds; any other element with text means the page's
#: body was parsed into it (no </head>, no <body>).
_HEAD_TAGS = frozenset("title meta link script style base noscript template object".split())


def _load_hints() -> dict[str, Any]:
    """The class / id hint lists (``data/html_hints.json``; its ``_about`` says what each is)."""
    raw = resources.files("cleannews.strip").joinpath("data", "html_hints.json").read_text("utf-8")
    return json.loads(raw)


_HINTS = _load_hints()
#: Dropped elements that some sites wrap around the whole page (ASP.NET's
#: ``<form id="aspnetForm">``): kept when they hold the article or most of the text.
_WRAPPER_TAGS = frozenset("form aside footer nav dialog".split())
#: Tokens of a class or id that mark furniture (whole tokens only: "ad" in
#: "ad-slot", not in "shadow" or "download"; "header" is not a hint).
#: strong tokens of consent dialogs and of the placeholders of embeds waiting for consent:
#: they go even when an inner "content" class holds prose (see :func:`_consent_hint`)
CONSENT_HINTS = frozenset(_HINTS["consent"])
CLASS_HINTS = frozenset(_HINTS["strong"]) | CONSENT_HINTS
#: schema.org types of page furniture (``itemtype="https://schema.org/BreadcrumbList"``,
#: ``typeof="BreadcrumbList"``) and the hint word each stands for
SCHEMA_TYPES: dict[str, str] = dict(_HINTS["schema_types"])
#: strong hints of boxes laid over the page (paywall, newsletter and consent dialogs,
#: modals): the ``<h1>`` of such a box is its title, not the article's headline
OVERLAY_HINTS = frozenset(_HINTS["overlays"]) | CONSENT_HINTS
#: Strong hints of several words, matched as a run of tokens ("bloc-lire-aussi").
#: In the data file's order, not a set's: a class like "bloc-a-lire-aussi" holds two of them
#: and the one named in the reason must not change with ``PYTHONHASHSEED``.
_PHRASE_HINTS = tuple(
    dict.fromkeys(h for h in (*_HINTS["strong"], *_HINTS["consent"]) if "-" in h)
)
#: Each of them with the hyphens that fence it in the joined tokens ("-lire-aussi-"), made
#: once (:func:`_values_hint` built the 37 strings for every class list it had not seen) …
_PHRASE_FENCED = tuple((h, f"-{h}-") for h in _PHRASE_HINTS)
#: … and their first words: a hint of several words is in ``"-" + "-".join(toks) + "-"``
#: only when its first word is one of the tokens (a token holds no hyphen, so the text
#: between the hyphen that opens the hint and the next one is a whole token), so a class
#: list with none of these tokens is not searched (:func:`_fenced_hint`).
_PHRASE_HEADS = frozenset(h.split("-", 1)[0] for h in _PHRASE_HINTS)
#: A token starting with one of these is a strong hint too ("relatedposts", "commentlist") ...
STRONG_PREFIXES = tuple(_HINTS["strong_prefixes"])
#: Class words that mark a text block of the article behind a paywall, not a box
#: (``gated_text``), and the text blocks they apply to.
GATED_TEXT_TOKENS = frozenset(_HINTS["gated_text"])
GATED_TEXT_TAGS = frozenset("p h2 h3 h4 h5 h6 li blockquote".split())
#: ... unless it is one of these ("commentary").
PREFIX_EXCEPTIONS = frozenset(_HINTS["prefix_exceptions"])
#: A class or id value holding a word of each names the author's bio or job line
#: ("mntl-author-tooltip__bio", "cbx-Author_Position", "description_auteur"):
#: see :func:`_author_bio`.
AUTHOR_WORDS = frozenset(_HINTS["author_words"])
BIO_WORDS = frozenset(_HINTS["bio_words"])
#: Class values of page builders that name layout, not purpose ("elementor-widget-container"):
#: no weak hint from them (a strong one, "elementor-widget-share-buttons", still counts).
BUILDER_PREFIXES = tuple(_HINTS["builder_prefixes"])
#: Weaker hints: the element goes only when it holds no prose (a paragraph of
#: ``PROSE_MIN_WORDS`` words or more), so "content-widget recipe-steps" stays.
WEAK_HINTS = frozenset(_HINTS["weak"])
#: Meta-line hints (print / tools bar, rating, category, reading time): like weak hints, but a
#: content token beside them does not save them ("entry-tools", "post-category").
META_HINTS = frozenset(_HINTS["meta"])
#: Meta hints of several words, found inside a class value ("article-reading-time").
_META_PHRASES = tuple(dict.fromkeys(h for h in _HINTS["meta"] if "-" in h))
_META_FENCED = tuple((h, f"-{h}-") for h in _META_PHRASES)
_META_HEADS = frozenset(h.split("-", 1)[0] for h in _META_PHRASES)
PROSE_MIN_WORDS = 12
#: An <aside> with this many sentences of BOXOUT_MIN_WORDS words is a fact box: kept.
BOXOUT_MIN_SENTENCES = 2
BOXOUT_MIN_WORDS = 8
#: The last part of <title> is taken for the site's name when this short.
SITE_NAME_MAX_WORDS = 5
#: A weak hint next to one of these tokens ("content-widget") is no hint.
CONTENT_TOKENS = frozenset(_HINTS["content"])
#: A class value opening with one of these words names a style or a state, not a region
#: ("font-body", "has-text-color", "is-content-justification-center"): its words are no
#: content words (:func:`_content_values`).
STYLE_PREFIXES = frozenset(_HINTS["style_prefixes"])
#: Source characters searched for the close tag when aligning a block (inexact beyond).
ALIGN_WINDOW = 20_000
#: A text node's place in the source (:meth:`_Source.text_run`) is found from the next
#: element's start tag: at most this many nodes (comments, white space) are passed on the
#: way to it, and at most this many pieces of markup (end tags, comments, white space
#: between them) are read back from it; beyond, the block keeps one inexact piece (round 27).
RUN_LOOKAHEAD = 8
RUN_BACK_STEPS = 16
#: Never drop by class hint an element holding this share of the page's text.
HINT_MAX_TEXT_SHARE = 0.4
#: Main-content selection (readability-like): blocks of fewer words than this
#: do not vote for their container.
MAIN_BLOCK_MIN_WORDS = 6
#: Prose under an element holding the <h1> or this share of the page's text votes even when
#: the element's tag or class says furniture (``<div class="Page-ad-margins">`` around the
#: page); a comment thread holding half of the page's text still does not vote.
MAIN_KEEP_TEXT_SHARE = 0.8
#: A big hidden element (``display:none`` around half the page) is a copy of the
#: article when the first this-many non-space characters of its text are shown
#: elsewhere on the page (a schema.org block, a paywall copy of the body).
HIDDEN_COPY_SAMPLE_CHARS = 150
#: At most this many big hidden elements are compared per page (each search reads
#: the page once: bounded, so that nested hidden wrappers stay linear).
HIDDEN_COPY_MAX_TESTS = 8
#: A block whose share of words inside links exceeds this does not vote.
MAIN_BLOCK_MAX_LINK_DENSITY = 0.5
#: A container's vote goes to its parent in full and to its ancestors decayed
#: by these factors (grandparent, great-grandparent).
MAIN_ANCESTOR_DECAY = (1.0, 0.5, 0.25)
#: The selection is used only when the chosen container holds at least this
#: many words of voting blocks ...
MAIN_MIN_WORDS = 60
#: ... and at least this share of all voting words of the page (else the page
#: has no single article container: a listing, a forum, a table layout).
MAIN_MIN_SHARE = 0.5
#: When no container holds MAIN_MIN_SHARE of the prose, the lowest ancestor of the best one
#: that does is chosen if at least this share of its words are voting prose (else the page
#: is left whole: a listing, a forum, a table layout).
MAIN_SPREAD_MIN_PROSE = 0.5
#: Levels above the chosen container (parent, grandparent) whose siblings of the same tag
#: and class are kept with it: the article written as a run of identical CMS components.
MAIN_COMPONENT_LEVELS = 2
#: The chosen container's own siblings of the same tag and class are kept too (an article
#: body written as several ``<div class="section-inner">`` one after the other).
MAIN_COMPONENT_SELF = True
#: Words of a class that marks a component's place in a run ("cssItemLast", "item-first").
POSITIONAL_TOKENS = frozenset(_HINTS["positional"])
#: Tokens of an embedded social post: a <blockquote> carrying one quotes it in the article.
EMBEDDED_POST_TOKENS = frozenset(_HINTS["embedded_posts"])
#: class words of a sentence of the article set out to be posted ("sw-click-to-tweet")
SHARE_QUOTE_HINTS = tuple(_HINTS["share_quotes"])
_SHARE_QUOTE_FENCED = tuple((h, f"-{h}-") for h in SHARE_QUOTE_HINTS)
_SHARE_QUOTE_HEADS = frozenset(h.split("-", 1)[0] for h in SHARE_QUOTE_HINTS)
#: hosts of social networks and share services: links to them are no outbound list
SOCIAL_HOSTS = frozenset(_HINTS["social_hosts"])
#: a list of links inside the article's container whose links go to other sites (at
#: least this share of them, none to a social network) is the article's own list of
#: sources or products, not a list of related articles (see :func:`_outbound_list`)
OUTBOUND_LIST_MIN_SHARE = 0.8
#: A sibling of the chosen container is kept too when its vote reaches this
#: share of the container's.
MAIN_SIBLING_SHARE = 0.2
#: A sibling *before* the chosen container that holds voting prose with at most this share
#: of its text inside links is the article's lead (a teaser / standfirst wrapper): kept.
MAIN_LEAD_MAX_LINK_DENSITY = 0.3
#: When the headline's branch and the body's meet only at the page, the headline's own
#: block (its parent: headline + standfirst) is kept when it holds at most this many
#: visible characters, at most ``MAIN_LEAD_MAX_LINK_DENSITY`` of them inside links.
MAIN_HEADLINE_BLOCK_MAX_CHARS = 600
#: ... unless the headline's parent is one of these (the page, a masthead).
_NO_HEADLINE_BLOCK = frozenset("html body main article header hgroup".split())
#: A candidate whose class or id says "content" / "article" … has its vote
#: multiplied by this; one with a weak furniture hint ("sidebar", "widget")
#: by ``MAIN_WEAK_HINT_FACTOR``; one with a strong hint ("comments") is no candidate.
MAIN_CONTENT_FACTOR = 1.5
MAIN_WEAK_HINT_FACTOR = 0.5
#: The choice moves up to the parent while the parent's vote reaches this
#: share of the chosen one's (the prose is spread over several children).
MAIN_CLIMB_SHARE = 0.75
#: Sibling blocks of the container kept with it: headings and prose blocks
#: (a standfirst beside the article body).
_SIBLING_BLOCKS = frozenset(
    "p h1 h2 h3 h4 h5 h6 blockquote pre xmp listing plaintext ul ol table figure".split()
)
#: A block (list, div, section, paragraph) with at least this share of its
#: text inside links ...
LINK_LIST_MIN_DENSITY = 0.7
#: ... and at least this many links is a list of links: related articles, tags, a menu.
LINK_LIST_MIN_LINKS = 3
#: A list (``<ul>`` / ``<ol>``) under a list title (:meth:`_Extractor.list_title`'s shape:
#: a short block without links right before it) is a list of links with this many links
#: already, when each of its items is one link: "À découvrir" above two other stories.
TITLED_LIST_MIN_LINKS = 2
#: A list of links holding a paragraph with this many characters outside links is no list.
LINK_LIST_PROSE_CHARS = 100
#: A short block (at most this many characters) ...
LINK_LINE_MAX_CHARS = 160
#: ... with this share of its text inside links is a "read also" line.
LINK_LINE_MIN_DENSITY = 0.7
#: Blocks the link rules judge (tables, headings and list items stay: a table of
#: results with links is data; a heading's link is the headline's own). An ``<article>``
#: inside the page made of a link is another story's card (``<article><a href=/x><img>
#: <h3>Other story</h3></a></article>``); its links must lead to a page
#: (:func:`_leads_away`): boxes written inside ``<a href="#">`` open a panel of the page.
_LINK_BLOCKS = frozenset("ul ol dl div section article p nav center".split())
#: A photo caption written without <figcaption> (``_image_caption``): at most this many
#: characters, in an element that wraps one picture and the text (these tags) or beside a
#: picture whose ``alt`` / ``title`` it repeats.
IMAGE_CAPTION_MAX_CHARS = 200
#: Levels above a caption searched for its picture (its parent, then its parent's parent).
CAPTION_IMAGE_LEVELS = 2
#: A caption candidate with more nodes than this under it (elements and strings) is no
#: caption. The largest caption of the trafilatura evaluation set's dev half has 93; the
#: bound keeps the test linear in the page: without it, every level of a page nested
#: thousands of elements deep searched the whole subtree below it (quadratic in depth).
CAPTION_MAX_NODES = 256
_IMAGE_WRAPPERS = frozenset("div span p figure".split())
#: A text under one of these is no caption (table data, a link's text).
_NO_CAPTION_PARENTS = frozenset({"a", "td", "th"})
#: A picture this small (declared width or height, pixels) is an icon, not a photo.
ICON_MAX_PX = 48
#: Elements tested as captions (a caption is a block or an inline run of text).
_CAPTION_TAGS = frozenset("div span p figure strong em small".split())
#: A link wrapped around one of these is another article's teaser card (``_teaser_card``).
_TEASER_HEADINGS = ["h2", "h3", "h4", "h5", "h6"]
_TEASER_HEADING_SET = frozenset(_TEASER_HEADINGS)
#: A heading right before a dropped list of links is its title ("Read also", "Ähnliche Beiträge").
_LIST_TITLE_TAGS = frozenset("h2 h3 h4 h5 h6".split())
#: ... so is a short block (at most this many characters) without links.
LIST_TITLE_MAX_CHARS = 60
#: A list title that is no heading has at most this many words and no digit.
LIST_TITLE_MAX_WORDS = 6
_DIGIT = regex.compile(r"\d")
#: a label that announces what follows ("Lire aussi :", "Lue myös:", "Read more:")
_LABEL_COLON = regex.compile(r":\s*$")
#: Headings of the chosen article container: their text is handed to the text rules as the
#: article's subheadings (``metadata["html_headings"]``), which no position-based detector
#: (context, menu runs, tail teasers, line model) takes; phrase rules still apply. The
#: headline (``h1``) is left out: the text rules find it themselves.
ARTICLE_HEADING_TAGS = frozenset("h2 h3 h4 h5 h6".split())
#: Text of these elements is no visible text (not counted in the page's text share).
_INVISIBLE = frozenset("script style noscript template svg head title".split())
#: Elements that start and end a block (one line of output each).
BLOCK_TAGS = frozenset(
    """p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre xmp listing plaintext figure
    figcaption table tr
    caption section article header main address hr br center details summary
    fieldset legend title body html aside nav footer form label option tbody thead tfoot
    dialog button select iframe""".split()
)
_TOKEN = regex.compile(r"[a-z0-9]+", regex.IGNORECASE)
#: A lower-to-upper case step inside a class name ("relatedArticles") splits words too.
_CAMEL = regex.compile(r"(?<=[a-z0-9])(?=[A-Z])")
#: Characters of such a script that count as one word (Chinese words average ~1.6 characters).
UNSPACED_CHARS_PER_WORD = 2
_TOKEN_WORD = regex.compile(r"\w")
_WS = regex.compile(r"[ \t\r\n\f\v]+")
#: Elements whose own whitespace text a browser does not show, even inside a ``<pre>``.
_TABLE_PARTS = frozenset("table thead tbody tfoot tr colgroup".split())
#: Indentation characters of a ``<pre>`` row (its common margin is cut, see :func:`pre_text`).
_PRE_INDENT = " \t"


def pre_text(raw: str) -> str:
    """The text of a ``<pre>`` block as rows: one output line per row of the source.

    A browser shows a ``<pre>`` (code, a poem, a table typed as text, a transcript) with
    its line breaks and spaces; collapsed to one line, a listing or a verse became one long
    line. Here ``\\r\\n`` and ``\\r`` end a row like ``\\n``; each row loses its trailing
    blanks; the margin every non-blank row shares (spaces and tabs) is cut, the indentation
    of a row relative to the others is kept (code nesting, a table's columns); blank rows at
    the edges go and a run of blank rows inside is one blank row (the text's paragraph
    break, which the repair stage would make of a longer run anyway).

    >>> pre_text("\\n    def f():\\r\\n        return 1\\n\\n\\n    f()  \\n")
    'def f():\\n    return 1\\n\\nf()'
    """
    rows = [r.rstrip() for r in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    filled = [r for r in rows if r]
    if not filled:
        return ""
    margin = min(len(r) - len(r.lstrip(_PRE_INDENT)) for r in filled)
    if margin:
        first = filled[0][:margin]  # the margin is cut only where every row shares it
        if all(r.startswith(first) for r in filled):
            rows = [r[margin:] for r in rows]
    out: list[str] = []
    for r in rows:
        if r or (out and out[-1]):
            out.append(r)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


#: A run of spaces and tabs (a ``pre-line`` element collapses each to one space).
_SPACES = regex.compile(r"[ \t\f\v]+")


def _pre_mode(el: Tag, name: str) -> str | None:
    """The white-space mode ``el`` sets (:mod:`._whitespace`), or None when it sets none
    or sets one that shows nothing differently here.

    A ``PRE_TAGS`` element keeps its rows unless its style says otherwise; another element
    keeps them when its inline style says so (``white-space: pre`` / ``pre-wrap`` /
    ``break-spaces``; ``pre-line`` keeps the line breaks and collapses the spaces) and a
    text under it holds a line break (:func:`_breaks_a_text`): without one it shows the
    same lines as before.

    >>> soup = BeautifulSoup("<div style='white-space:pre-line'>un\\ndeux</div>"
    ...     "<p style='WHITE-SPACE: pre-wrap !important'>une ligne</p>"
    ...     "<pre style='white-space: normal'>a\\nb</pre><xmp>c</xmp>", "html.parser")
    >>> [_pre_mode(el, el.name) for el in soup.find_all(True)]
    ['pre-line', None, 'normal', 'pre']
    """
    style = el.attrs.get("style") if el.attrs else None
    mode = white_space_mode(style) if isinstance(style, str) and style else None
    if name in PRE_TAGS:
        return PRE if mode is None else mode
    if mode in (PRE, PRE_LINE) and not _breaks_a_text(el):
        return None
    return mode


def _breaks_a_text(el: Tag) -> bool:
    """True when a line break sits inside one of the texts under ``el`` (between two of its
    non-blank characters): what a ``white-space: pre`` style shows differently. Line breaks
    between tags (a pretty-printed ``<div style="white-space:pre-line">`` around ``<p>``
    paragraphs) are no row of text: the blocks make their lines anyway.

    >>> soup = BeautifulSoup("<div>\\n  <p>Un.</p>\\n  <p>Deux.</p>\\n</div><p>a\\nb</p>",
    ...                      "html.parser")
    >>> _breaks_a_text(soup.div), _breaks_a_text(soup.find_all("p")[-1])
    (False, True)
    """
    for s in el.find_all(string=True):
        if type(s) is NavigableString:
            t = s.strip()
            if "\n" in t or "\r" in t:
                return True
    return False


#: Output of :func:`html_to_text` (spans of ``changes`` point into the HTML source).
HtmlResult = AlignedResult


_PLUS_ONE = (1).__add__


class _Source:
    """Maps bs4 (sourceline, sourcepos) to character offsets in the HTML source."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.low = html.lower()
        # the offset of each line's start: 0, then one past each "\n" (the running sum of
        # the lengths of the lines before, each with its "\n"; summed in C, not a find loop)
        self.starts = list(accumulate(map(_PLUS_ONE, map(len, html.split("\n")[:-1])),
                                      initial=0))

    def start(self, el: Tag) -> int | None:
        """Source offset of ``el``'s start tag (None: the parser gave no position)."""
        line, col = getattr(el, "sourceline", None), getattr(el, "sourcepos", None)
        if line is None or col is None or line - 1 >= len(self.starts):
            return None
        return min(self.starts[line - 1] + col, len(self.html))

    def text_run(self, node: NavigableString, text: str) -> tuple[int, int] | None:
        """Source range of the text node ``node`` (``text``: its string, not blank): the characters
        between the markup before it and the markup after it, whose decoded form is
        ``text``; None when that is not found (a tree the page's passes rearranged, a
        ``>`` written in the text, markup too far): the block then keeps one inexact piece.

        bs4 gives elements a position, not strings: the run ends at the start of the next
        element's start tag, less the end tags and comments between them (read back, a
        bounded number of steps), and starts after the ``>`` before it (round 27).

        >>> page = "<p>Un &amp; deux <b>trois</b>, quatre</p>\\n<p>x</p>"
        >>> soup = BeautifulSoup(page, "html.parser")
        >>> src = _Source(page)
        >>> [page[slice(*src.text_run(t, str(t)))] for t in soup.find_all(string=str.strip)]
        ['Un &amp; deux ', 'trois', ', quatre', 'x']
        """
        html = self.html
        nxt = node.next_element
        texts = 0  # the texts after this one before that start tag ("Berlin</a>, <a>")
        if not isinstance(nxt, Tag):
            for _ in range(RUN_LOOKAHEAD):
                if nxt is None or isinstance(nxt, Tag):
                    break
                if type(nxt) is NavigableString and nxt.strip():
                    texts += 1
                nxt = nxt.next_element
        if nxt is None:
            end = len(html)
        elif isinstance(nxt, Tag):
            end = self.start(nxt)
            if end is None:
                return None
        else:
            return None
        for _ in range(RUN_BACK_STEPS):
            start = html.rfind(">", 0, end) + 1
            run = html[start:end]
            if (run.strip() and not texts) or not start:
                break
            texts -= bool(run.strip())
            end = html.rfind("<", 0, start - 1)  # markup between: read back over it
            if end < 0:
                return None
        else:
            return None
        return (start, end) if _unescape_text(run) == text else None

    def span(self, el: Tag, window: int = 2_000_000) -> tuple[int, int]:
        """Source range of ``el``: its start tag to its matching close tag (within ``window``)."""
        start = self.start(el)
        if start is None:
            return (0, 0)
        # bs4 gives no end position: find the matching close tag
        end = self._close(el.name, start, window)
        return (start, end)

    def _close(self, name: str, start: int, window: int = 2_000_000) -> int:
        html = self.html
        low = self.low
        depth = 0
        pos = start
        open_re = f"<{name}"
        close_re = f"</{name}"
        limit = min(len(html), start + window)
        while pos < limit:
            o = low.find(open_re, pos + 1, limit)
            c = low.find(close_re, pos + 1, limit)
            if c < 0:
                return limit if depth else min(len(html), html.find(">", start) + 1 or start)
            if 0 <= o < c:
                depth += 1
                pos = o
                continue
            if depth == 0:
                end = html.find(">", c)
                return end + 1 if end >= 0 else len(html)
            depth -= 1
            pos = c
        return limit


def count_words(text: str) -> int:
    """Words of ``text``: space-separated tokens, Chinese / Japanese / Thai by characters.

    >>> count_words("Un paragraphe de cinq mots"), count_words("一个约定，信守15年，感人至深")
    (5, 7)
    """
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(text.split())
    rest = [t for t in _UNSPACED.sub(" ", text).split() if _TOKEN_WORD.search(t)]
    return len(rest) + (unspaced + 1) // UNSPACED_CHARS_PER_WORD


def _named(root: Tag, names: frozenset[str]) -> list[Tag]:
    """``root.find_all(list(names))``: the tags under ``root`` named one of ``names``, in
    document order. bs4 matches a list of names through its generic filter (a Python call
    per element and rule); a tree built by ``html.parser`` has no namespace prefixes, so
    the name alone decides.

    >>> soup = BeautifulSoup("<div><p>a</p><section><p>b</p><li>c</li></section></div>",
    ...                      "html.parser")
    >>> [t.name for t in _named(soup, frozenset({"p", "li"}))]
    ['p', 'p', 'li']
    """
    return [el for el in root.descendants if isinstance(el, Tag) and el.name in names]


def _iter_named(root: Tag, names: frozenset[str]) -> Iterator[Tag]:
    """:func:`_named` one at a time, for a caller that may stop at the first: no list of
    the whole subtree, and no ``descendants`` (bs4 first walks down to the subtree's last
    element, the whole depth of a nested chain, on every call).

    >>> soup = BeautifulSoup("<div><p>a</p><section><p>b</p><li>c</li></section></div>",
    ...                      "html.parser")
    >>> [t.name for t in _iter_named(soup, frozenset({"p", "li"}))]
    ['p', 'p', 'li']
    """
    stack = [c for c in reversed(root.contents) if isinstance(c, Tag)]
    while stack:
        el = stack.pop()
        if el.name in names:
            yield el
        stack.extend(c for c in reversed(el.contents) if isinstance(c, Tag))


def _tags(root: Tag) -> list[Tag]:
    """``root.find_all(True)``: every tag under ``root``, in document order. A page's tree
    does not change once parsed, so :func:`_html_to_text` lists them once and hands the
    list to the whole-page passes (:func:`_measure`, :func:`_holders`,
    :func:`_prose_counts`, :func:`main_content` …), which walked the page each.

    >>> soup = BeautifulSoup("<div><p>a <b>b</b></p><!-- c --><i>d</i></div>", "html.parser")
    >>> [t.name for t in _tags(soup)]
    ['div', 'p', 'b', 'i']
    """
    return [el for el in root.descendants if isinstance(el, Tag)]


def _links(root: Tag) -> list[Tag]:
    """``root.find_all("a", href=True)``: the ``<a>`` under ``root`` that have an ``href``
    (empty or not), in document order, without bs4's generic filter (see :func:`_named`).

    >>> soup = BeautifulSoup('<p><a href="/x">a</a><a name=n>b</a><a href>c</a></p>',
    ...                      "html.parser")
    >>> [a.get_text() for a in _links(soup.p)]
    ['a', 'c']
    """
    return [el for el in root.descendants
            if isinstance(el, Tag) and el.name == "a" and "href" in el.attrs]


def _first_named(root: Tag, names: frozenset[str]) -> Tag | None:
    """``root.find(list(names))``: the first tag under ``root`` named one of ``names``,
    without bs4's generic filter (see :func:`_named`).

    >>> soup = BeautifulSoup("<div><p>a <b>b</b></p><i>c</i></div>", "html.parser")
    >>> _first_named(soup.div, frozenset({"i", "b"})).name, _first_named(soup.b, _IMG)
    ('b', None)
    """
    return next(_iter_named(root, names), None)


def _first_named_n(root: Tag, names: frozenset[str], limit: int) -> list[Tag]:
    """``root.find_all(list(names), limit=limit)``: the first ``limit`` tags under ``root``
    named one of ``names`` (bs4 takes its generic filter for any ``limit``).

    >>> soup = BeautifulSoup("<div><img src=a><p><img src=b></p><img src=c></div>",
    ...                      "html.parser")
    >>> [i["src"] for i in _first_named_n(soup.div, _IMG, 2)], _first_named_n(soup.p, _A, 3)
    (['a', 'b'], [])
    """
    return list(islice(_iter_named(root, names), limit))


def _parent_named(el: PageElement, names: frozenset[str]) -> Tag | None:
    """``el.find_parent(list(names))``: the nearest tag named one of ``names`` that holds
    ``el``, without bs4's generic filter (a Python call per ancestor and rule).

    >>> soup = BeautifulSoup("<a href=/x><p><b>lien</b></p></a>", "html.parser")
    >>> _parent_named(soup.b.string, _A).name, _parent_named(soup.a, _A)
    ('a', None)
    """
    node = el.parent
    while node is not None:
        if node.name in names:
            return node
        node = node.parent
    return None


def _climb(node: Any, memo: dict[int, Any], decide: Any, end: Any) -> Any:
    """Walk up from ``node`` (itself first) until ``decide(tag)`` returns something other
    than None, and return that (``end`` past the top); every element passed on the way
    remembers the answer in ``memo`` (keyed by ``id``), so that the ancestors of all the
    elements of a page are read once in all, not once per element (html23: a page nested
    thousands deep asked each heading or quote box about all its ancestors).

    >>> soup = BeautifulSoup("<article><div><h2>T</h2></div></article>", "html.parser")
    >>> memo = {}
    >>> _climb(soup.h2.parent, memo, lambda n: True if n.name == "article" else None, False)
    True
    >>> sorted(memo.values())  # the <div> and the <article> remember it
    [True, True]
    """
    path: list[int] = []
    while isinstance(node, Tag):
        key = id(node)
        if key in memo:
            result = memo[key]
            break
        result = decide(node)
        if result is not None:
            memo[key] = result
            break
        path.append(key)
        node = node.parent
    else:
        result = end
    for key in path:
        memo[key] = result
    return result


def _link_tag(node: Tag) -> bool | None:
    """True for an ``<a>`` (a :func:`_climb` decide: is an element inside a link)."""
    return True if node.name == "a" else None


def _bottom_up(el: Tag, memo: dict[int, Any], combine: Any) -> Any:
    """``combine(tag, memo)`` for ``el``, computed children first, without recursion: each
    element's value is remembered in ``memo`` (keyed by ``id``), and ``combine`` reads its
    child elements' values there. A question about everything under an element (how many
    sentences, the first ``<h1>``) asked of every element of a deeply nested chain then
    reads each element once, not once per ancestor (html23).

    >>> soup = BeautifulSoup("<div><p>a</p><p><b>b</b></p></div>", "html.parser")
    >>> def count(tag, memo):
    ...     return 1 + sum(memo[id(c)] for c in tag.contents if isinstance(c, Tag))
    >>> memo = {}
    >>> _bottom_up(soup.div, memo, count), len(memo)
    (4, 4)
    """
    key = id(el)
    if key in memo:
        return memo[key]
    stack: list[tuple[Tag, bool]] = [(el, False)]
    while stack:
        node, done = stack.pop()
        if done:
            memo[id(node)] = combine(node, memo)
        elif id(node) not in memo:
            stack.append((node, True))
            stack.extend((c, False) for c in node.contents if isinstance(c, Tag))
    return memo[key]


def _first_h1(tag: Tag, memo: dict[int, Any]) -> Tag | None:
    """``tag.find("h1")`` from its children's remembered answers (a :func:`_bottom_up`
    combine)."""
    for c in tag.contents:
        if isinstance(c, Tag):
            if c.name == "h1":
                return c
            found = memo[id(c)]
            if found is not None:
                return found
    return None


def _next_tag(el: PageElement) -> Tag | None:
    """``el.find_next_sibling()``: the next sibling that is an element (strings, comments
    skipped), without bs4's generic filter.

    >>> soup = BeautifulSoup("<div><h3>Lire aussi</h3> texte <!-- c --><ul></ul></div>",
    ...                      "html.parser")
    >>> _next_tag(soup.h3).name, _next_tag(soup.ul)
    ('ul', None)
    """
    node = el.next_sibling
    while node is not None and not isinstance(node, Tag):
        node = node.next_sibling
    return node


def _prev_tag(el: PageElement) -> Tag | None:
    """``el.find_previous_sibling()``: the element before ``el`` (strings, comments skipped).

    >>> soup = BeautifulSoup("<div><h3>Lire aussi</h3> texte <ul></ul></div>", "html.parser")
    >>> _prev_tag(soup.ul).name, _prev_tag(soup.h3)
    ('h3', None)
    """
    node = el.previous_sibling
    while node is not None and not isinstance(node, Tag):
        node = node.previous_sibling
    return node


def _plain_label(el: Tag) -> bool:
    """True when ``el``'s text can title a list of links: no ``<time>``, no digit, at most
    ``LIST_TITLE_MAX_WORDS`` words (a date line or a byline above a share bar is no title).

    >>> _plain_label(BeautifulSoup("<p>À découvrir</p>", "html.parser").p)
    True
    >>> _plain_label(BeautifulSoup("<p>Le 2 mai</p>", "html.parser").p)
    False
    """
    text = el.get_text(" ")
    return (
        el.find("time") is None
        and not _DIGIT.search(text)
        and count_words(text) <= LIST_TITLE_MAX_WORDS
    )


_A = frozenset({"a"})
_META = frozenset({"meta"})
_IMG = frozenset({"img"})
_IMG_TIME = frozenset({"img", "time"})
_TIME = frozenset({"time"})


#: The tag sets :func:`_named` looks for (see the functions that read them).
_ARTICLE_WRAPPER_TAGS = frozenset(("div", "section", "article", "main"))
#: Elements a browser shows like a ``<pre>`` (``<xmp>``, ``<listing>`` and ``<plaintext>``
#: are obsolete but still met in old pages' code samples): their rows are kept as lines.
PRE_TAGS = frozenset(("pre", "xmp", "listing", "plaintext"))
#: Of those, the ones whose content a browser reads as raw text (tags and character
#: references shown as written; ``<plaintext>`` runs to the end of the document).
RAW_TEXT_PRE_TAGS = frozenset(("xmp", "plaintext"))
_VOTER_TAGS = frozenset(("p", "blockquote", "td", "dd", "li", "div", "section")) | PRE_TAGS
_PARAGRAPH_TAGS = frozenset(("p", "blockquote")) | PRE_TAGS


#: The attributes :func:`_attr_values` reads.
_HINT_ATTRS = frozenset(("class", "id", "role", "itemtype", "typeof"))


def _attr_values(el: Tag) -> list[str]:
    attrs = el.attrs
    if not attrs or _HINT_ATTRS.isdisjoint(attrs):
        return []  # (most elements: none of these, or no attribute at all)
    values = attrs.get("class") or []
    if isinstance(values, str):
        values = [values]
    values = [*values, attrs.get("id") or "", attrs.get("role") or ""]
    for attr in ("itemtype", "typeof"):  # schema.org microdata / RDFa: say what it is
        kind = attrs.get(attr)
        if isinstance(kind, str) and kind:
            word = SCHEMA_TYPES.get(kind.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1])
            if word:
                values.append(word)
    return [v for v in values if isinstance(v, str) and v]


def _tokens(el: Tag) -> list[str]:
    """Word tokens of the element's class, id and role, lowercased, camelCase split.

    >>> _tokens(BeautifulSoup('<ul class="relatedArticles list_2" id="x-1">', "html.parser").ul)
    ['related', 'articles', 'list', '2', 'x', '1']
    """
    return [t.lower() for v in _attr_values(el) for t in _TOKEN.findall(_CAMEL.sub(" ", v))]


def _content_values(per_value: list[tuple[str, ...]] | tuple[tuple[str, ...], ...]) -> list[
    tuple[str, ...]
]:
    """The token tuples of ``per_value`` that may name the article: a value opening with a
    style or state word (:data:`STYLE_PREFIXES`) is emptied, since NBC News's ``font-body``
    sets a typeface (on a sign-up box's blurb) and the block editor's ``has-text-color`` a
    colour, whatever the box is.

    >>> _content_values([("font", "body"), ("entry", "content"), ("has", "text", "color")])
    [(), ('entry', 'content'), ()]
    """
    return [() if vt and vt[0] in STYLE_PREFIXES else vt for vt in per_value]


def _content_word(el: Tag) -> bool:
    """True when a class, id or role value of ``el`` holds a content token ("entry-content"),
    not counting values that name a style or a state (:func:`_content_values`).

    >>> def c(cls):
    ...     return _content_word(BeautifulSoup(f'<div class="{cls}">x</div>', "html.parser").div)
    >>> c("entry-content"), c("font-body f3 pb3"), c("wp-block-group has-text-color")
    (True, False, False)
    """
    for v in _attr_values(el):
        vt = _value_tokens(v)
        if vt and vt[0] not in STYLE_PREFIXES and not CONTENT_TOKENS.isdisjoint(vt):
            return True
    return False


def _strong_token(tok: str) -> bool:
    """A strong furniture token (``_values_hint`` writes this test out; ``tests/test_perf17.py``
    checks the two agree)."""
    return tok in CLASS_HINTS or (tok.startswith(STRONG_PREFIXES) and tok not in PREFIX_EXCEPTIONS)


#: Distinct class / id values (and value lists) whose tokens and hint are remembered: a page
#: repeats a few hundred class lists over thousands of elements …
HINT_MEMO_SIZE = 8192
#: … when they are at most this many characters long (the memo keeps its keys: a page of
#: long unique class values must not fill it with megabytes).
HINT_MEMO_MAX_CHARS = 256


def _value_tokens(value: str) -> tuple[str, ...]:
    """Lowercased word tokens of one class / id value, camelCase split (short values remembered)."""
    if len(value) <= HINT_MEMO_MAX_CHARS:
        return _split_value(value)
    return _split_value.__wrapped__(value)


@lru_cache(maxsize=HINT_MEMO_SIZE)
def _split_value(value: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in _TOKEN.findall(_CAMEL.sub(" ", value)))


def _hint_kind(el: Tag) -> tuple[str, str] | None:
    """The furniture token in the element's class, id or role and its kind, if any.

    Kinds: ``"strong"`` (always furniture), ``"weak"`` (furniture when no
    content token sits beside it), ``"meta"`` (tools, rating, category lines).
    A content token saves a strong hint only from another class word ("entry
    themeform share" is a theme's article; "related_post" and "post-comments"
    are furniture). A strong token in a BEM modifier only ("TestReport__Section--Ads":
    a section of the report that carries ads) is weak. A page builder's layout
    class ("elementor-widget-container") gives no weak hint.

    >>> def h(cls):
    ...     return _hint_kind(BeautifulSoup(f'<div class="{cls}">x</div>', "html.parser").div)
    >>> h("article-header shadow download-box") is None, h("ad-slot"), h("jp-relatedposts")
    (True, ('ad', 'strong'), ('relatedposts', 'strong'))
    >>> h("bloc_lire_aussi"), h("entry themeform share"), h("content-widget") is None
    (('lire-aussi', 'strong'), ('share', 'weak'), True)
    >>> h("content-widget") is None, h("entry-tools"), h("relatedArticlesBox")
    (True, ('tools', 'meta'), ('relatedarticlesbox', 'strong'))
    >>> h("related_post wp_rp"), h("TestReport__Section--Ads"), h("elementor-widget-container")
    (('related_post', 'strong'), ('ads', 'weak'), None)
    >>> h("article-reading-time"), h("reaction_btn_wrap"), h("reactionsBar js-reactionsList")
    (('reading-time', 'meta'), ('reaction', 'meta'), ('reactions', 'meta'))
    >>> _hint_kind(BeautifulSoup('<p class="paywall">Le texte.</p>', "html.parser").p) is None
    True
    >>> h("paywallAccessWrapper contentBodySections") is None, h("paywall paywall__content")
    (True, ('paywall', 'strong'))
    """
    raw_values = tuple(_attr_values(el))
    anchor = (el.attrs or {}).get("id")
    if isinstance(anchor, str) and anchor and _heading_anchor(el, anchor):
        raw_values = tuple(v for v in raw_values if v != anchor)
    if sum(map(len, raw_values)) <= HINT_MEMO_MAX_CHARS:
        return _values_hint(raw_values, el.name in GATED_TEXT_TAGS)
    return _values_hint.__wrapped__(raw_values, el.name in GATED_TEXT_TAGS)


@lru_cache(maxsize=HINT_MEMO_SIZE)
def _values_hint(raw_values: tuple[str, ...], gated_tag: bool) -> tuple[str, str] | None:
    """:func:`_hint_kind` of an element whose :func:`_attr_values` are ``raw_values``;
    ``gated_tag``: its tag is one of :data:`GATED_TEXT_TAGS` (all it reads of the element,
    so the answer is remembered per value list)."""
    values = [v.lower() for v in raw_values]
    per_value = [_value_tokens(v) for v in raw_values]
    toks = [t for vt in per_value for t in vt]
    # the words that may name the article ("font-body", a typeface, names none)
    named = _content_values(per_value)
    if _share_quote(toks):
        return None  # "sw-click-to-tweet": the article's sentence, set out to be posted
    # whole values first ("share-buttons"), then their word tokens ("share"), then
    # hints of several words inside a value ("lire-aussi" in "bloc-lire-aussi")
    # (``_strong_token`` written out: a call per value and token cost more than its test)
    strong = next((x for x in (*values, *toks) if x in CLASS_HINTS or (
        x.startswith(STRONG_PREFIXES) and x not in PREFIX_EXCEPTIONS)), None)
    if strong is None:
        strong = _fenced_hint(toks, _PHRASE_HEADS, _PHRASE_FENCED)
    if strong is None:
        strong = _author_bio(per_value)
    if strong is not None and strong in GATED_TEXT_TOKENS and gated_tag:
        return None  # <p class="paywall">: the article's text behind the paywall
    if strong is not None:
        # "entry themeform share": the article's own container, styled for share buttons
        pairs = enumerate(zip(values, per_value, strict=True))
        where = [i for i, (v, vt) in pairs if strong in (v, *vt)]
        # only a class word *before* the furniture word names the element ("entry
        # themeform share"); one after it is a modifier ("related-stories story-module")
        first = min(where) if where else 0
        others = [t for vt in named[:first] for t in vt]
        if strong in GATED_TEXT_TOKENS and any(
            i not in where and not CONTENT_TOKENS.isdisjoint(vt) for i, vt in enumerate(named)
        ):
            # "paywallAccessWrapper contentBodySections": the article's body, gated
            return None
        if not CONTENT_TOKENS.isdisjoint(others if where else (t for vt in named for t in vt)):
            return (strong, "weak")
        if where and all(_in_modifier(raw_values[i], strong) for i in where):
            return (strong, "weak")
        return (strong, "strong")
    meta = next((x for x in (*values, *toks) if x in META_HINTS), None)
    if meta is None:
        meta = _fenced_hint(toks, _META_HEADS, _META_FENCED)
    if meta is not None:
        return (meta, "meta")
    if any(not CONTENT_TOKENS.isdisjoint(vt) for vt in named):
        return None
    weak = next(
        (
            x
            for v, vt in zip(values, per_value, strict=True)
            if not v.startswith(BUILDER_PREFIXES)
            for x in (v, *vt)
            if x in WEAK_HINTS
        ),
        None,
    )
    return (weak, "weak") if weak is not None else None


#: An ``id`` of at least this many words that spells its element's heading is the heading's
#: anchor (:func:`_heading_anchor`), not a name of the element's role.
ANCHOR_MIN_WORDS = 4
#: The anchor may open with a number or a token of at most this many characters before the
#: heading's words (``id="h-comment-choisir-son-velo"``, the WordPress block editor's).
ANCHOR_PREFIX_MAX_CHARS = 1
_ANCHOR_WORD = regex.compile(r"[^\W_]+")
_HEADING_NAMES = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _heading_anchor(el: Tag, value: str) -> bool:
    """True when the ``id`` ``value`` is written from the words of ``el``'s own heading
    (``el`` itself, its first child or its parent), at least :data:`ANCHOR_MIN_WORDS` of
    them, after at most a number or a one-letter prefix: the anchor a table of contents
    links to (MediaWiki writes it on a ``<span>`` inside the heading).

    Documentation generators and table-of-contents plugins name each section after its
    heading (``<div class="section" id="sharing-with-a-single-developer"><h2>Sharing with
    a single developer</h2>``, ``<h2 id="comment-choisir-son-velo">Comment choisir son
    vélo</h2>``); such an ``id`` says what the section is about, and its first word is
    no furniture hint ("sharing", "comment"). A box's own name stays a hint: a "Recent
    comments" or "Related posts" box has fewer words, and its id is no sentence
    (``id="comments"``, ``id="related_posts"``). Only ids that give a hint are looked at,
    and only three elements beside them: constant work per element.

    >>> soup = BeautifulSoup("<h2 id='comment-choisir-son-velo'>Comment choisir son vélo</h2>"
    ...                      "<div id='recent-comments'><h2>Recent comments</h2></div>",
    ...                      "html.parser")
    >>> _heading_anchor(soup.h2, "comment-choisir-son-velo"), _hint(soup.h2)
    (True, None)
    >>> _heading_anchor(soup.div, "recent-comments"), _hint(soup.div)
    (False, 'comments')
    >>> _heading_anchor(soup.h2, "h-comment-choisir-son-velo")
    True
    """
    if len(_value_tokens(value)) < ANCHOR_MIN_WORDS or _values_hint((value,), False) is None:
        return False
    first = next((c for c in el.children if isinstance(c, Tag)), None)
    parent = el.parent
    heading = next(
        (
            h
            for h in (el, first, parent)
            if isinstance(h, Tag) and (h.name or "").lower() in _HEADING_NAMES
        ),
        None,
    )
    if heading is None:
        return False
    words = _ANCHOR_WORD.findall(_fold(heading.get_text(" ")))
    slug = _ANCHOR_WORD.findall(_fold(value))
    if slug and (slug[0].isdigit() or len(slug[0]) <= ANCHOR_PREFIX_MAX_CHARS) and (
        slug[0] != (words[0] if words else None)
    ):
        slug = slug[1:]  # the block editor's "h-…", a section number "2-…"
    return len(slug) >= ANCHOR_MIN_WORDS and words[: len(slug)] == slug


def _fold(text: str) -> str:
    """``text`` casefolded, without accents: ``"Vélo"`` -> ``"velo"``."""
    bare = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in bare if not unicodedata.combining(c))


def _share_quote(toks: list[str]) -> bool:
    """True when class tokens name a sentence of the article set out with a button to post it.

    Blog plugins print a quotable sentence of the article in a box with a "Click To
    Tweet" button (``<span class="sw-click-to-tweet"><span class="sw-ctt-text">…</span>
    <span class="sw-ctt-btn">Click To Tweet</span></span>``): the sentence is the
    article's (a copy of a sentence the text already gives goes as a pull quote); only
    the button (``ctt-btn``, a strong hint) is furniture.

    >>> _share_quote(["sw", "click", "to", "tweet"]), _share_quote(["tweetable"])
    (True, True)
    >>> _share_quote(["twitter", "tweet"]), _share_quote(["sw", "ctt", "btn"])
    (False, False)
    """
    return _fenced_hint(toks, _SHARE_QUOTE_HEADS, _SHARE_QUOTE_FENCED) is not None


def _author_bio(per_value: list[tuple[str, ...]]) -> str | None:
    """``"<author word>-<bio word>"`` when one class / id value holds a word of each of
    :data:`AUTHOR_WORDS` and :data:`BIO_WORDS`: the author's bio or job line.

    The strong phrases ("author-bio", "author-description", "bio-auteur") name a bio box
    only when its words stand side by side; themes write the two words apart
    ("mntl-author-tooltip__bio": The Balance's author card, "Jacob Wade is a personal
    finance expert …"), as another case ("cbx-Author_Position": FAZ's "Redakteur in der
    Wirtschaft." under the byline), abbreviated ("autor_short_desc", "autor_jobtitle":
    Motorsport-Magazin; "author_desc": Times of India) or in French order
    ("description_auteur"). The byline's own parts ("author-name", "byline__author",
    "author-info") hold no bio word and keep no hint, nor does a value that names the
    name too ("autor-name-and-jobtitle": the byline's name with the job title under it,
    whose inner "autor_jobtitle" still goes). A content word in the value list
    makes the hint weak, as for the phrases ("article-author-bio": kept when it holds a
    paragraph of prose).

    >>> _author_bio([("mntl", "author", "tooltip", "bio")])
    'author-bio'
    >>> _author_bio([("description", "auteur")])
    'auteur-description'
    >>> _author_bio([("author", "name")]), _author_bio([("author",), ("bio",)])
    (None, None)
    >>> _author_bio([("autor", "name", "and", "jobtitle")]) is None
    True
    """
    for vt in per_value:
        author = next((t for t in vt if t in AUTHOR_WORDS), None)
        if author is not None and "name" not in vt:
            bio = next((t for t in vt if t in BIO_WORDS), None)
            if bio is not None:
                return f"{author}-{bio}"
    return None


def _fenced_hint(toks: list[str], heads: frozenset[str], fenced: tuple) -> str | None:
    """The first hint ``h`` of ``fenced`` (``(h, "-" + h + "-")`` pairs, in order) whose
    fenced form is in ``"-" + "-".join(toks) + "-"``: the tokens hold its words as a run.
    ``heads``: the hints' first words (``h.split("-", 1)[0]``); when no token is one of
    them, no hint is there and the tokens are not joined (most class lists, perf17).

    >>> _fenced_hint(["bloc", "lire", "aussi"], _PHRASE_HEADS, _PHRASE_FENCED)
    'lire-aussi'
    >>> _fenced_hint(["post", "content", "lire"], _PHRASE_HEADS, _PHRASE_FENCED) is None
    True
    """
    if heads.isdisjoint(toks):
        return None
    joined = "-" + "-".join(toks) + "-"
    return next((h for h, f in fenced if f in joined), None)


def _holds_share_quote(el: Tag) -> bool:
    """True when ``el`` or an element inside it is a sentence set out to be tweeted.

    The plugin writes the sentence as the link that posts it (``<span
    class="bctt-ctt-text"><a href="https://twitter.com/intent/tweet?…">…</a></span>``):
    a short block made of that link is the article's sentence, not a "read also" line.

    >>> _holds_share_quote(BeautifulSoup("<p><span class='bctt-ctt-text'><a href=/t>Une "
    ...     "phrase.</a></span></p>", "html.parser").p)
    True
    """
    return any(_share_quote(_tokens(x)) for x in (el, *el.find_all(class_=True)))


def _in_modifier(value: str, token: str) -> bool:
    """True when ``token`` occurs in ``value`` only after a BEM ``--`` (a modifier).

    >>> _in_modifier("TestReport__Section--Ads", "ads"), _in_modifier("ads--large", "ads")
    (True, False)
    """
    block, sep, modifier = value.partition("--")
    return bool(sep) and token not in _value_tokens(block) and token in _value_tokens(modifier)


def _hint(el: Tag) -> str | None:
    """The furniture token in the element's class, id or role, if any.

    >>> _hint(BeautifulSoup('<div class="ad-slot">x</div>', "html.parser").div)
    'ad'
    """
    kind = _hint_kind(el)
    return kind[0] if kind else None


_SENTENCE_END = regex.compile(r"[.!?»…]\s*$")

#: invisible break hints of hyphenated pages, removed before the credit patterns match
SOFT_HYPHEN = "\xad"
#: A photo-credit line has at most this many words ("Foto: Steven Meyer", "X/Getty Images") ...
CREDIT_MAX_WORDS = 10
#: ... a caption ending with its credit ("… au Hautacam. (Photo : AFP)") at most this many.
CAPTION_MAX_WORDS = 25


def _alternatives(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


_CREDIT_WORDS = _alternatives(_HINTS["credit_words"])
_AGENCIES = _alternatives(_HINTS["photo_agencies"])
#: "Foto: X", "Crédits photos : X", "© X" at the start of a short line.
_CREDIT_START = regex.compile(rf"^(?:(?:{_CREDIT_WORDS})\s*[:©]|©)", regex.IGNORECASE)
#: "… /Getty Images", "… © WENN" at the end of a short line.
_CREDIT_AGENCY_END = regex.compile(
    rf"[/©|]\s*(?:{_AGENCIES})\s*[.)]?$|^\(?(?:{_AGENCIES})\)?$", regex.IGNORECASE
)
#: "Image illustrative : X", "Photo d'illustration", "Symbolbild." opening a caption: the
#: line says it is about the picture (``illustration_labels`` in ``html_hints.json``).
_ILLUSTRATION_START = regex.compile(
    rf"^(?:{_alternatives(_HINTS['illustration_labels'])})\s*+(?:[:.,(–—-]|$)", regex.IGNORECASE
)
#: "(Foto: Getty)", "(Photo : Jean Dupont / AFP)" closing a caption.
_CREDIT_END = regex.compile(
    rf"[(\[]\s*(?:{_CREDIT_WORDS})\s*[:©][^()\[\]]{{1,60}}[)\]]\s*\.?$", regex.IGNORECASE
)


def photo_credit(line: str) -> bool:
    """True when ``line`` is a photo credit, or a short caption ending with its credit.

    >>> [photo_credit(x) for x in ("Foto: Steven Meyer", "Augusta National/Getty Images",
    ...     "Tous les tournois en un coup d'œil. (Photo : Getty)", "Crédits photos : Bestimage",
    ...     "Photo prise par un lecteur, le maire l'a partagée sur sa page.",
    ...     "La photo : un cliché de 1944 retrouvé dans un grenier de Dieppe.",
    ...     "Image illustrative : Lego Minifigures by Ninja Brick, en licence Creative Commons",
    ...     "Illustrations de Sempé et textes de Goscinny : le Petit Nicolas en librairie.")]
    [True, True, True, True, False, False, True, False]
    """
    line = line.replace(SOFT_HYPHEN, "")  # "Image illus\xadtra\xadtive" (hyphenated pages)
    words = count_words(line)
    if words > CAPTION_MAX_WORDS:
        return False
    if words <= CREDIT_MAX_WORDS and (
        _CREDIT_START.search(line) or _CREDIT_AGENCY_END.search(line)
    ):
        return True
    return _CREDIT_END.search(line) is not None or _ILLUSTRATION_START.search(line) is not None


def _is_boxout(el: Tag, memo: dict[int, Any] | None = None) -> bool:
    """An <aside> holding several sentences (a fact box of the article, not a sidebar).
    ``memo`` (the page's sentence counts per element) lets nested asides count each string
    once.

    >>> _is_boxout(BeautifulSoup("<aside><h3>Repères</h3><p>1 : le nombre de meutes "
    ...     "identifiées dans le Jura.</p><p>214 : le nombre d'animaux tués l'an dernier "
    ...     "par le loup.</p></aside>", "html.parser").aside)
    True
    """
    if memo is None:
        memo = {}
    return _bottom_up(el, memo, _sentence_count) >= BOXOUT_MIN_SENTENCES


#: The strings ``get_text`` reads under an ordinary element (bs4's default).
_TEXT_TYPES = (NavigableString, CData)


def _sentence_count(tag: Tag, memo: dict[int, Any]) -> int:
    """The sentences under ``tag`` (a :func:`_bottom_up` combine): lines of
    ``tag.get_text("\\n")`` of at least ``BOXOUT_MIN_WORDS`` words ending like a sentence.
    A line never spans two strings (``get_text`` puts a line break between them), so the
    count is the sum of its children's."""
    n = 0
    for c in tag.contents:
        if isinstance(c, Tag):
            n += memo[id(c)]
        elif type(c) in _TEXT_TYPES:
            for chunk in c.split("\n"):
                if count_words(chunk) >= BOXOUT_MIN_WORDS and _SENTENCE_END.search(chunk):
                    n += 1
    return n


def _has_prose(
    el: Tag, links: bool = True, memo: tuple[dict[int, Any], dict[int, Any]] | None = None
) -> bool:
    """True when the element holds a paragraph-like block of many words.

    ``links=False``: text inside a link does not count (the headline of a teaser card,
    ``<article><h3><a href=…>Another story of fifteen words…</a></h3></article>``).

    >>> card = BeautifulSoup('<article><h3><a href="/x">' + "mot " * 15 + '</a></h3></article>',
    ...     "html.parser").article
    >>> _has_prose(card), _has_prose(card, links=False)
    (True, False)

    ``memo`` (with ``links=False``: the page's answers per element to "inside a link" and
    "prose outside links under it", :func:`_climb`, :func:`_prose_outside_links`) reads each
    element once for nested boxes.
    """
    if not links:
        in_link, prose = ({}, {}) if memo is None else memo
        return not _climb(el, in_link, _link_tag, False) and _prose_outside_links(el, prose)
    for chunk in el.get_text("\n").split("\n"):
        if count_words(chunk) >= PROSE_MIN_WORDS:
            return True
    return False


def _prose_line(string: PageElement) -> bool:
    """A plain string with a line of at least ``PROSE_MIN_WORDS`` words."""
    return type(string) is NavigableString and any(
        count_words(chunk) >= PROSE_MIN_WORDS for chunk in string.split("\n")
    )


def _prose_outside_links(el: Tag, memo: dict[int, bool]) -> bool:
    """A line of at least ``PROSE_MIN_WORDS`` words in a string under ``el`` outside every
    ``<a>`` under it (for :func:`_has_prose`). Read in document order up to the first such
    line, as ``any`` would; ``memo`` remembers the answer of every element on the way down
    to it (True) and of every element read through (False), so that nested boxes read each
    element once.

    >>> soup = BeautifulSoup("<div><a>" + "mot " * 12 + "</a><p><b>" + "mot " * 12
    ...                      + "</b></p></div>", "html.parser")
    >>> memo = {}
    >>> _prose_outside_links(soup.div, memo), memo[id(soup.b)], id(soup.a) in memo
    (True, True, False)
    """
    known = memo.get(id(el))
    if known is not None:
        return known
    path = [el]
    todo = [iter(el.contents)]
    while todo:
        for c in todo[-1]:
            if isinstance(c, Tag):
                if c.name == "a":
                    continue
                known = memo.get(id(c))
                if known is None:
                    path.append(c)
                    todo.append(iter(c.contents))
                    break
                if known:
                    path.append(c)
                    for node in path:
                        memo[id(node)] = True
                    return True
            elif _prose_line(c):
                for node in path:
                    memo[id(node)] = True
                return True
        else:
            memo[id(path.pop())] = False
            todo.pop()
    return False


def _in_article(el: Tag, memo: dict[int, Any] | None = None) -> bool:
    """True when an ancestor of ``el`` says it is the article: ``<article>``, ``<main>`` or a
    content token in its class or id (used when no container was chosen by the vote).
    ``memo`` (the page's answers per element, :func:`_climb`) reads each ancestor once.

    >>> soup = BeautifulSoup('<div class="entry-content"><h3>Kameras</h3></div>'
    ...                      '<div class="sidebar"><h3>Archiv</h3></div>', "html.parser")
    >>> [_in_article(h) for h in soup.find_all("h3")]
    [True, False]
    """
    return bool(_climb(el.parent, {} if memo is None else memo, _says_article, False))


def _says_article(node: Tag) -> bool | None:
    """:func:`_in_article`'s test of one ancestor: False at the page's top, True for one
    that says it is the article, None to go on up."""
    if node.name in ("body", "html", "[document]"):
        return False
    if node.name in ("article", "main") or _content_word(node):
        return True
    return None


#: An element inside a hinted box stands for the article it wraps only when it holds at least
#: this share of the box's text: a sticky share bar wrapped around the post holds little
#: besides the post, while a comment thread whose every comment has a ``text`` / ``content``
#: body (``<section class="comment-item"><div class="text">``) holds many such bodies,
#: each a small part of it.
WRAPPED_ARTICLE_MIN_SHARE = 0.5


def _wraps_article(
    el: Tag,
    stats: dict[int, tuple[int, int, int]] | None = None,
    memo: tuple[dict[int, Any], dict[int, Any]] | None = None,
) -> bool:
    """True when ``el`` holds an element that says it is the article and holds prose.

    A sticky social bar wrapped around the post (``<div id="socialicons-sticky">
    <div class="entry-content">…``) is no reason to drop the post. With ``stats``, the
    inner element must also hold ``WRAPPED_ARTICLE_MIN_SHARE`` of ``el``'s text: one
    comment's ``<div class="text">`` in a comment thread wraps no article. An inner element
    inside another furniture box of ``el`` (a ``comment-item``) does not count either.
    ``memo``: as for :func:`_has_prose`.

    >>> _wraps_article(BeautifulSoup('<div id="social-sticky"><div class="entry-content"><p>'
    ...     + "Un vrai paragraphe de l'article, assez long pour être de la prose. " + '</p>'
    ...     '</div></div>', "html.parser").div)
    True
    >>> one = ('<li><span class="nickname">Anne</span><div class="text">'
    ...        '<p>Un commentaire de lectrice, assez long pour être pris pour de la prose.</p>'
    ...        '</div></li>')
    >>> thread = BeautifulSoup('<div class="comment-container"><ul>' + one * 3 + '</ul></div>',
    ...                        "html.parser").div
    >>> _wraps_article(thread), _wraps_article(thread, _measure(thread))
    (True, False)
    """
    least = 0.0
    if stats is not None:
        least = stats.get(id(el), (0, 0, 0))[0] * WRAPPED_ARTICLE_MIN_SHARE
    # (read in document order up to the first inner article, not listed whole first: a
    # box nested in a box nested … finds its own at once)
    for inner in _iter_named(el, _ARTICLE_WRAPPER_TAGS):
        if (
            (inner.name in ("article", "main") or _content_word(inner))
            and (_hint_kind(inner) is None and _has_prose(inner, links=False, memo=memo))
            and (not least or stats.get(id(inner), (0, 0, 0))[0] >= least)  # type: ignore[union-attr]
            and not _hinted_between(inner, el)
        ):
            return True
    return False


def _hinted_between(inner: Tag, outer: Tag) -> bool:
    """True when an element between ``inner`` and ``outer`` (both excluded) has a strong hint.

    A ``<div class="text">`` inside a ``<section class="comment-item">`` is that comment's
    body, not the article: the comment box it sits in is furniture itself.

    >>> soup = BeautifulSoup('<div id="comments"><section class="comment-item"><div class="text">'
    ...                      '</div></section></div>', "html.parser")
    >>> _hinted_between(soup.find(class_="text"), soup.div)
    True
    """
    node = inner.parent
    while isinstance(node, Tag) and node is not outer:
        hint = _hint_kind(node)
        if hint is not None and hint[1] == "strong":
            return True
        node = node.parent
    return False


_ADDRESS = regex.compile(r"(?:https?://|www\.)\S+$", regex.IGNORECASE)


def _cited_address(el: Tag) -> bool:
    """True when every link of ``el`` shows its own address (``<a href=URL>URL</a>``).

    The article cites a source or a petition by its address; a "read also" line
    shows a headline, not a URL.

    >>> _cited_address(BeautifulSoup('<p><a href="http://www.example.org/petition">'
    ...     'http://www.example.org/petition</a></p>', "html.parser").p)
    True
    """
    links = [a for a in el.find_all("a") if a.get("href")]
    return bool(links) and all(_ADDRESS.match(a.get_text().strip()) for a in links)


#: Words before the link of a sentence that runs on into it ("X a remplacé Y, <a>qui …</a>").
LINK_LINE_LEAD_WORDS = 3
#: Fewer words before the link will do when the sentence opens before it and closes after it
#: ("Il a <a>rencontré les syndicats</a>."): a capital before, a full stop after.
LINK_SENTENCE_LEAD_WORDS = 1
#: A label that ends with one of these introduces a link ("Lire aussi :", "Mehr dazu »").
_LABEL_END = regex.compile(r"[:»>|→\-–—]\s*$")
#: Words that open a pointer to another page, not a sentence ("Lire aussi <a>…</a>."): a lead
#: shorter than ``LINK_LINE_LEAD_WORDS`` holding one of them is a label (``data/html_hints.json``).
LINK_LEAD_WORDS = frozenset(_HINTS["link_leads"])
#: The text after a block's last link closes a sentence: "." or "!" (a quote or bracket may follow).
_SENTENCE_CLOSE = regex.compile(r"^[^\w]{0,3}[.!?…][\"'»”’)\]]{0,2}$")


def _text_before(el: Tag, node: Tag) -> str:
    """The text of ``el`` before its descendant ``node``, spaces folded.

    >>> html = "<p>À lire <b>aussi</b> : <a href=/x>le stade</a> ici</p>"
    >>> p = BeautifulSoup(html, "html.parser").p
    >>> _text_before(p, p.a)
    'À lire aussi :'
    """
    before: list[str] = []
    for d in el.descendants:
        if d is node:
            break
        if type(d) is NavigableString:
            before.append(str(d))
    return _WS.sub(" ", "".join(before)).strip()


def _runs_into_link(el: Tag) -> bool:
    """True when a sentence starts before ``el``'s first link and runs on into it.

    "Krzysztoszek zastąpił Zdzisława Wiese, <a>który przez ostatnie osiem
    miesięcy …</a>": the link's text starts in lower case and at least
    ``LINK_LINE_LEAD_WORDS`` words precede it, with no "Lire aussi :" label.

    >>> def f(html):
    ...     return _runs_into_link(BeautifulSoup(html, "html.parser").p)
    >>> f("<p>Il remplace Jean Dupont, <a href=/x>qui partira en juin.</a></p>")
    True
    >>> f("<p>À lire aussi : <a href=/x>le stade attendra</a></p>"), f("<p><a href=/x>Lien</a></p>")
    (False, False)

    With fewer words before the link (``LINK_SENTENCE_LEAD_WORDS``), the sentence must open
    with a capital before the link and close right after it:

    >>> f("<p>Il a <a href=/x>rencontré les syndicats</a>.</p>")
    True
    >>> f("<p>Il a <a href=/x>rencontré les syndicats</a></p>")
    False
    >>> f("<p>Lire aussi <a href=/x>notre dossier sur la réforme</a>.</p>")
    False
    """
    first = el.find("a", href=True)
    if first is None:
        return False
    lead = _text_before(el, first)
    text = first.get_text().strip()
    if _LABEL_END.search(lead) or not text[:1].islower():
        return False
    words = count_words(lead)
    if words >= LINK_LINE_LEAD_WORDS:
        return True
    return (
        words >= LINK_SENTENCE_LEAD_WORDS
        and lead[:1].isupper()
        and not LINK_LEAD_WORDS.intersection(regex.findall(r"\w+", _fold(lead)))
        and _closes_sentence(el)
    )


def _closes_sentence(el: Tag) -> bool:
    """True when the text after ``el``'s last link only closes a sentence ("." "!" "?" "…").

    >>> def f(html):
    ...     return _closes_sentence(BeautifulSoup(html, "html.parser").p)
    >>> f("<p>It also <a href=/x>co-ordinates military plans</a>.</p>")
    True
    >>> f("<p>Lire aussi <a href=/x>notre dossier</a></p>")
    False
    >>> f("<p>Voir <a href=/x>ici</a> et là.</p>")
    False
    """
    last = el.find_all("a", href=True)[-1]
    after: list[str] = []
    for node in last.next_elements:
        if type(node) is NavigableString:
            ancestors = [id(p) for p in node.parents]
            if id(el) not in ancestors:
                break
            if id(last) not in ancestors:
                after.append(str(node))
    return bool(_SENTENCE_CLOSE.match(_WS.sub("", "".join(after))))


#: A heading "Label: <a>headline</a>" (``_labelled_link_heading``): at most this many words
#: in the label before the colon ...
HEADING_LABEL_MAX_WORDS = 3
#: ... and at least this many in the linked headline (a credit "Photo: <a>Name</a>" has fewer).
HEADING_LINK_MIN_WORDS = 4


def _labelled_link_heading(el: Tag, site: str | None) -> bool:
    """True when the heading ``el`` is a label ending with a colon, then one link to a page of
    the site whose text is another story's headline, and nothing after it.

    Panama's Día a Día writes ``<h6><strong>Mire: </strong><a href="https://www.diaadia.com.pa/
    fama/…">El cantante Juan Luis Guerra da positivo a COVID-19</a></h6>`` between the
    paragraphs, Soy502 ``<h3>MIRA: <a …>Madre se acerca a conocer los motivos …</a></h3>``; a
    French site ``<h3>À lire : <a>…</a></h3>``. Not a credit ("Photo: <a>Madeleine
    Hadwiger</a>", two words, another site), a subheading that links to a part of the page
    (``href="#…"``) or a heading whose words go on after the link.

    >>> def f(html, site="example.fr"):
    ...     return _labelled_link_heading(BeautifulSoup(html, "html.parser").h3, site)
    >>> f('<h3>À lire : <a href="https://www.example.fr/a">Le stade sera rénové en 2026</a></h3>')
    True
    >>> f('<h3>Photo: <a href="https://www.instagram.com/x/">Madeleine Hadwiger</a></h3>')
    False
    >>> f('<h3>Étape 2 : <a href="#etape-2">choisir la bonne taille de cadre</a></h3>')
    False
    """
    a = el.find("a", href=True)
    if a is None or not _leads_away(el):
        return False
    host = link_host(str(a.get("href", "")))
    if host is not None and (site is None or not _same_site(host, site)):
        return False
    label = _text_before(el, a)
    if not label.endswith(":") or not 1 <= count_words(label) <= HEADING_LABEL_MAX_WORDS:
        return False
    if count_words(a.get_text(" ")) < HEADING_LINK_MIN_WORDS:
        return False
    whole = _WS.sub(" ", el.get_text(" ")).strip()
    rest = whole[len(label):].strip()
    return _WS.sub(" ", a.get_text(" ")).strip() == rest.rstrip(" .")


def _image_caption(el: Tag, stats: dict[int, tuple[int, int, int]],
                   counts: dict[int, int] | None = None) -> bool:
    """True when ``el`` is a photo's caption written without ``<figcaption>``.

    Two shapes: the element's text repeats the ``alt`` or ``title`` of a picture beside it
    (``<a><img alt="Le port"></a><div class="subtitle">Le port</div>``), or the element
    wraps a picture and a short text and nothing else (``<div><img><span>Figure 2 : …
    </span></div>``). Short (``CAPTION_MAX_WORDS``) and without links either way; the
    element and its parent must be small (``IMAGE_CAPTION_MAX_CHARS``): a paragraph with
    an icon in it is no caption. ``counts``: the walk's memo of :func:`_node_count` (one
    count per element per page; without it, each call counts up to ``CAPTION_MAX_NODES``
    nodes, 256 times the work on a page of nested elements).

    >>> soup = BeautifulSoup('<div class="media"><a href="/p"><img alt="Le port au matin">'
    ...     '</a><div class="sub">Le port au matin</div></div>', "html.parser")
    >>> stats = _measure(soup)
    >>> _image_caption(soup.find(class_="sub"), stats), _image_caption(soup.a, stats)
    (True, False)
    >>> soup = BeautifulSoup('<p><img src="carte.png"><span>Figure 2 : la carte des crues'
    ...     '</span></p>', "html.parser")
    >>> _image_caption(soup.p, _measure(soup))
    True
    """
    chars, link_chars, _ = stats.get(id(el), (0, 0, 0))
    if not chars or link_chars or chars > IMAGE_CAPTION_MAX_CHARS:
        return False
    if (_more_nodes_than(el, CAPTION_MAX_NODES) if counts is None
            else _node_count(el, CAPTION_MAX_NODES, counts) > CAPTION_MAX_NODES):
        return False  # a deep or wide subtree: no caption (and no quadratic walk)
    # the cheap structural tests first: most elements have no picture near them
    wrapper = el.name in _IMAGE_WRAPPERS and _wraps_one_picture(el)
    labels: list[str] = []
    if not wrapper:
        parent: Any = el
        for _ in range(CAPTION_IMAGE_LEVELS):
            # the picture beside the caption, or beside the caption's box
            # (``<div class=visual><picture><img alt=X></picture><div class=description>
            # <a>Vergrößern</a><strong>X</strong>``)
            parent = parent.parent
            if not isinstance(parent, Tag) or stats.get(id(parent), (0, 0, 0))[0] > 2 * chars + 40:
                return False
            for img in _first_named_n(parent, _IMG, 4):
                if not _icon(img):
                    labels += [v for a in ("alt", "title") if isinstance(v := img.get(a), str)]
            if labels:
                break
        if not labels:
            return False
    text = _WS.sub(" ", el.get_text(" ")).strip()
    if not text or count_words(text) > CAPTION_MAX_WORDS or photo_credit(text):
        return False  # (a credit goes as html_photo_credit, the more telling rule)
    if not wrapper:
        key = text.casefold()
        if not any(_WS.sub(" ", v).strip().casefold() == key for v in labels):
            return False
    # a name beside a player's picture in a results table, a teaser's link: no caption
    return _parent_named(el, _NO_CAPTION_PARENTS) is None


def _more_nodes_than(el: Tag, limit: int) -> bool:
    """True when more than ``limit`` nodes (elements and strings) lie under ``el``.

    Stops after ``limit + 1`` nodes, so the cost is bounded whatever the subtree's size
    (bs4's ``descendants`` first walks to the subtree's last node).

    >>> soup = BeautifulSoup("<div><p>un</p><p>deux</p></div>", "html.parser")
    >>> _more_nodes_than(soup.div, 4), _more_nodes_than(soup.div, 3)
    (False, True)
    """
    stack = [el]
    seen = 0
    while stack:
        for child in stack.pop().contents:
            seen += 1
            if seen > limit:
                return True
            if isinstance(child, Tag):
                stack.append(child)
    return False


def _node_count(el: Tag, limit: int, memo: dict[int, int]) -> int:
    """The nodes (elements and strings) under ``el``, ``limit + 1`` when there are more.

    Counted bottom-up, each element once: ``memo`` (``id`` of an element: its count)
    holds the counts of the elements counted before, so a walk that asks it of every
    element of a page is linear in the page whatever its depth (the tree must not change
    meanwhile). Same answer as :func:`_more_nodes_than`.

    >>> soup = BeautifulSoup("<div><p>un</p><p>deux</p></div>", "html.parser")
    >>> memo = {}
    >>> _node_count(soup.div, 4, memo), _node_count(soup.div, 3, {}), memo[id(soup.p)]
    (4, 4, 1)
    """
    todo: list[tuple[Tag, bool]] = [(el, False)]
    while todo:
        node, children_done = todo.pop()
        key = id(node)
        if key in memo:
            continue
        if not children_done:
            todo.append((node, True))
            todo += [(c, False) for c in node.contents if isinstance(c, Tag) and id(c) not in memo]
            continue
        n = 0
        for c in node.contents:
            n += 1 + memo[id(c)] if isinstance(c, Tag) else 1
            if n > limit:
                n = limit + 1
                break
        memo[key] = n
    return memo[id(el)]


def _wraps_one_picture(el: Tag) -> bool:
    """``el``'s children are one picture (an ``<img>``, maybe in a link) and one element of
    text. Text written straight after the picture (``<p><img>A paragraph…</p>``) is the
    article's paragraph; an icon (``width``/``height`` at most ``ICON_MAX_PX``) or a
    ``<time>`` beside it (``<img src=calendar.svg><time>…``) makes a meta line, not a caption.

    >>> def f(html):
    ...     return _wraps_one_picture(BeautifulSoup(html, "html.parser").div)
    >>> f('<div><img src="a.jpg"><span>Figure 2 : la carte</span></div>')
    True
    >>> f('<div><img src="a.jpg">Le maire a dit que…</div>')
    False
    >>> f('<div><img src="cal.svg" width="20"><span>11 janvier</span></div>')
    False
    """
    pictures = texts = 0
    for child in el.children:
        if isinstance(child, NavigableString):
            if str(child).strip():
                return False
            continue
        if not isinstance(child, Tag):
            continue
        img = child if child.name == "img" else None
        if img is None and child.name == "a" and not child.get_text().strip():
            img = _first_named(child, _IMG)
        if img is not None:
            if _icon(img):
                return False
            pictures += 1
        elif child.get_text().strip():
            if _first_named(child, _IMG_TIME) is not None or child.name == "time":
                return False
            texts += 1
    return pictures == 1 and texts == 1


def _icon(img: Tag) -> bool:
    """An ``<img>`` whose declared width or height is at most ``ICON_MAX_PX``."""
    for attr in ("width", "height"):
        value = img.get(attr)
        if isinstance(value, str) and value.strip().isdigit() and int(value) <= ICON_MAX_PX:
            return True
    return False


def _leads_away(el: Tag) -> bool:
    """True when a link of ``el`` leads to a page: not ``#…`` (a panel of this page) nor a
    script (``javascript:``).

    >>> _leads_away(BeautifulSoup('<article><a href="#x">Module</a></article>',
    ...     "html.parser").article)
    False
    >>> _leads_away(BeautifulSoup('<article><a href="/autre">Autre</a></article>',
    ...     "html.parser").article)
    True
    """
    # the first link that leads away ends the walk (read one at a time: bs4's descendants
    # first walked down to the subtree's last element, the depth of a nested chain, html25)
    for a in _iter_named(el, _A):
        href = a.attrs.get("href")
        if href is not None:
            href = str(href).strip().lower()
            if href and not href.startswith(("#", "javascript:")):
                return True
    return False


def _teaser_card(el: Tag) -> bool:
    """True when ``el`` holds a link wrapped around a heading: another article's card
    (picture, kicker, headline), not a picture of the article with its caption.

    >>> _teaser_card(BeautifulSoup('<div><a href="/a"><img src="a.jpg"><strong>Gaz</strong>'
    ...     '<h4>Gazprom paie</h4></a></div>', "html.parser").div)
    True
    >>> _teaser_card(BeautifulSoup('<p><a href="a.jpg"><img src="a.jpg"></a>Le port</p>',
    ...     "html.parser").p)
    False
    """
    return any(a.find(_TEASER_HEADINGS) is not None for a in _links(el))


#: A hinted card of another story holds at most this many words (headline and teaser text).
TEASER_CARD_MAX_WORDS = 60
#: Share of a heading's characters inside links for it to be another story's headline.
LINKED_HEADLINE_MIN_DENSITY = 0.9


def _first_two_headings(tag: Tag, memo: dict[int, Any]) -> list[Tag]:
    """``tag.find_all(_TEASER_HEADINGS, limit=2)`` from its children's remembered answers
    (a :func:`_bottom_up` combine)."""
    out: list[Tag] = []
    for c in tag.contents:
        if isinstance(c, Tag):
            if c.name in _TEASER_HEADING_SET:
                out.append(c)
            out.extend(memo[id(c)][: 2 - len(out)])
            if len(out) >= 2:
                break
    return out[:2]


def _linked_headline_card(
    el: Tag, stats: dict[int, tuple[int, int, int]], memo: dict[int, Any] | None = None
) -> bool:
    """True when ``el`` is a short card whose only heading is a link: another story's teaser.

    Used for elements with a weak hint (``<div class="teaser">``), which a paragraph of
    prose saves otherwise: the teaser text of another story is prose too. ``memo`` (one
    dict per page) remembers the first two headings under each element (nested cards).

    >>> soup = BeautifulSoup('<div class=teaser><h2><a href=/x>Was Sie wissen müssen</a>'
    ...     '</h2><p>Das Virus breitet sich aus. Was muss jetzt beachtet werden, um eine '
    ...     'Ansteckung zu verhindern?</p></div>', "html.parser")
    >>> _linked_headline_card(soup.div, _measure(soup))
    True
    """
    heads = _bottom_up(el, {} if memo is None else memo, _first_two_headings)
    if len(heads) != 1:
        return False
    chars, link_chars, links = stats.get(id(el), (0, 0, 0))
    if links == 1 and chars and link_chars >= LINKED_HEADLINE_MIN_DENSITY * chars:
        # the whole card is one link around the heading and the teaser text, however
        # long the teaser: article text is never written inside a link
        return _parent_named(heads[0], _A) is not None
    chars, link_chars, _ = stats.get(id(heads[0]), (0, 0, 0))
    if not chars or link_chars < LINKED_HEADLINE_MIN_DENSITY * chars:
        return False
    return count_words(el.get_text(" ")) <= TEASER_CARD_MAX_WORDS


_ARCHIVED = regex.compile(r"^https?://web\.archive\.org/web/[0-9a-z_]+/(.+)$", regex.IGNORECASE)
_HOST = regex.compile(r"^(?:https?:)?//([^/?#:@\s]+)", regex.IGNORECASE)


def link_host(href: str) -> str | None:
    """The host a link points to (lowercase, without ``www.``); None for a link inside the
    page's site written without a host (relative), ``mailto:``, ``#`` and scripts. A copy
    in the web archive points to the archived address.

    >>> link_host("https://web.archive.org/web/2012id_/http://www.Example.fr/a")
    'example.fr'
    >>> link_host("/rubrique/article.html") is None
    True
    """
    href = href.strip()
    m = _ARCHIVED.match(href)
    if m:
        href = m.group(1)
        if "://" not in href[:10]:
            href = "http://" + href
    m = _HOST.match(href)
    if not m:
        return None
    host = m.group(1).lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def _same_site(host: str, site: str) -> bool:
    """``host`` is ``site`` or one of its subdomains (or the reverse)."""
    return host == site or host.endswith("." + site) or site.endswith("." + host)


def site_host(body: Tag, metadata: dict[str, Any]) -> str | None:
    """The page's own host: its canonical address, else the host most of its links name.

    >>> soup = BeautifulSoup('<a href="https://www.site.fr/a">a</a><a href="https://site.fr/b">b'
    ...     '</a><a href="https://autre.com/">c</a>', "html.parser")
    >>> site_host(soup, {})
    'site.fr'
    """
    url = metadata.get("url")
    host = link_host(url) if isinstance(url, str) else None
    if host:
        return host
    counts: dict[str, int] = {}
    for a in _links(body):
        h = link_host(str(a["href"]))
        if h:
            counts[h] = counts.get(h, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _outbound_list(el: Tag, site: str | None) -> bool:
    """True when most links of ``el`` go to other sites, none to a social network: the
    article's own list of sources, products or documents (``<ul><li><a
    href=https://autre-journal.fr/…>``), not related articles of the site.

    >>> soup = BeautifulSoup('<ul><li><a href="https://a.fr/1">Le Monde</a></li><li><a '
    ...     'href="https://b.fr/2">Libération</a></li><li><a href="/x">Ici</a></li></ul>',
    ...     "html.parser")
    >>> _outbound_list(soup.ul, "site.fr")
    False
    """
    if not site:
        return False
    links = _links(el)
    if not links:
        return False
    outbound = 0
    for a in links:
        host = link_host(str(a["href"]))
        if host is None or _same_site(host, site):
            continue
        if any(_same_site(host, s) for s in SOCIAL_HOSTS):
            return False  # a "follow us" or share bar
        outbound += 1
    return outbound >= OUTBOUND_LIST_MIN_SHARE * len(links)


#: Words of a link's path that name a sign-up page (subscription, newsletter, account).
CALL_PATH_WORDS = frozenset(w for w in _HINTS["call_paths"] if "-" not in w)
_CALL_PATH_PHRASES = tuple(w for w in _HINTS["call_paths"] if "-" in w)
#: Hosts of membership / donation platforms: a page there named for the site is its sign-up.
CALL_HOSTS = frozenset(_HINTS["call_hosts"])
#: Words of a button's label that ask the reader to subscribe, join or give.
CALL_LABEL_WORDS = frozenset(_HINTS["call_labels"])
#: A call button's label: at most this many words ("Hágase miembro ahora", "Jetzt unterstützen").
CALL_LABEL_MAX_WORDS = 4
#: A call to subscribe or follow is a short block: at most this many characters.
CALL_MAX_CHARS = 320
#: An appeal box (a few sentences asking for support, then a call button) holds at most this
#: many characters (:func:`_call_to_action`).
CALL_BOX_MAX_CHARS = 1200
#: Boxes that can hold an appeal with its button.
_CALL_BOX_TAGS = frozenset(("div", "section", "aside"))
#: A site's name in a social / app-store address: at least this many letters.
SITE_LABEL_MIN_CHARS = 4
#: Block children that make an element more than one paragraph.
_CALL_INNER_BLOCKS = frozenset((
    "p", "div", "ul", "ol", "li", "table", "section", "article", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6",
))
_NOT_ALNUM = regex.compile(r"[^a-z0-9]+")
#: A path segment of more words than this is an article's slug, not a sign-up page.
CALL_SEGMENT_MAX_WORDS = 5
_PATH = regex.compile(r"^(?:(?:https?:)?//[^/?#]*)?([^?#]*)", regex.IGNORECASE)


TAG_PATH_SEGMENTS = frozenset(_HINTS["tag_paths"])
#: A list of tag links is a short block: at most this many characters.
TAG_LIST_MAX_CHARS = 300
#: ... its text all links, or links after a label of at most this many words and a colon
#: ("Tags:").
TAG_LABEL_MAX_WORDS = 2


def _tag_link(href: str, site: str | None) -> bool:
    """True when ``href`` goes to a tag archive of ``site`` (a ``tag_paths`` segment followed
    by the tag's own segment): ``/tag/energiewende/``, ``/mots-cles/retraites``.

    >>> _tag_link("https://www.ingenieur.de/tag/energiewende/", "ingenieur.de")
    True
    >>> _tag_link("/mots-cles/retraites", None), _tag_link("/tag/", None)
    (True, False)
    >>> _tag_link("https://other.com/tag/x", "ingenieur.de"), _tag_link("/2021/tags-app", None)
    (False, False)
    """
    m = _ARCHIVED.match(href.strip())
    target = m.group(1) if m else href.strip()
    host = link_host(target)
    if host is not None and site is not None and not _same_site(host, site):
        return False
    pm = _PATH.match(target)
    segments = [seg for seg in (pm.group(1).lower() if pm else "").split("/") if seg]
    return any(
        seg in TAG_PATH_SEGMENTS and i + 1 < len(segments) for i, seg in enumerate(segments)
    )


def _tag_list(el: Tag, stats: dict[int, tuple[int, int, int]], site: str | None) -> bool:
    """True for a short block whose text is all links to the site's tag pages: the article's
    topics, however few (``<ul><li><a href="/tag/energiewende/">Energiewende</a></li><li><a
    href="/tag/kernkraft/">Kernkraft</a></li></ul>``, ingenieur.de under "Themen im Artikel").

    >>> soup = BeautifulSoup('<ul><li><a href="/tag/a-b/">Energiewende</a></li><li><a '
    ...     'href="/tag/c/">Kernkraft</a></li></ul><ul><li><a href="/tag/a-b/">A</a></li><li>'
    ...     '<a href="/2022/12/story">B</a></li></ul>', "html.parser")
    >>> [_tag_list(ul, _measure(soup), None) for ul in soup.find_all("ul")]
    [True, False]
    >>> soup = BeautifulSoup('<p>Schlagworte: <a href="/schlagwort/haushalt/">Haushalt</a></p>'
    ...     '<p>Le maire parle du <a href="/tag/budget/">budget</a>.</p>', "html.parser")
    >>> [_tag_list(p, _measure(soup), None) for p in soup.find_all("p")]
    [True, False]
    """
    chars, link_chars, links = stats.get(id(el), (0, 0, 0))
    if not links or chars > TAG_LIST_MAX_CHARS:
        return False
    anchors = _links(el)
    if not all(_tag_link(str(a.get("href") or ""), site) for a in anchors):
        return False
    if link_chars >= LINK_LIST_MIN_DENSITY * chars:
        return True
    # "Schlagworte: <a>Haushalt</a> <a>Markthalle</a>": a label that ends with a colon
    text = el.get_text(" ")
    label = count_words(text) - sum(count_words(a.get_text(" ")) for a in anchors)
    return label <= TAG_LABEL_MAX_WORDS and ":" in text


def site_label(site: str) -> str | None:
    """The name part of a host: its label before the public suffix (``co.uk``, ``com.lb``,
    ``gouv.fr``: :func:`cleannews._sites.registrable_domain`).

    >>> site_label("haitiantimes.com"), site_label("internal.diem25.org"), site_label("bbc.co.uk")
    ('haitiantimes', 'diem25', None)
    >>> site_label("www.quebec.qc.ca"), site_label("annahar.com.lb")
    ('quebec', 'annahar')
    """
    from cleannews._sites import registrable_domain

    labels = registrable_domain(site).split(".")
    name = _NOT_ALNUM.sub("", labels[0]) if len(labels) >= 2 else ""
    return name if len(name) >= SITE_LABEL_MIN_CHARS else None


def _call_link(href: str, site: str, label: str | None) -> bool:
    """True when ``href`` goes to a sign-up page of ``site`` or to the site's own account on a
    social network, messaging channel or app store (``social_hosts`` naming the site).

    >>> _call_link("https://times.com/product/subscription/", "times.com", "times")
    True
    >>> _call_link("https://t.me/guatemalacom", "guatemala.com", "guatemala")
    True
    >>> _call_link("https://t.me/rybar", "guatemala.com", "guatemala")
    False
    >>> _call_link("/2023/05/la-guerre-des-abonnements-au-streaming-relance", "site.fr", "site")
    False
    >>> _call_link("https://apoyo.elfaro.net?u=https://elfaro.net/es/x", "elfaro.net", "elfaro")
    True
    >>> _call_link("https://steadyhq.com/de/israel-nachrichten", "israel-nachrichten.org",
    ...            "israelnachrichten")
    True
    """
    host = link_host(href)
    m = _ARCHIVED.match(href.strip())
    target = m.group(1) if m else href.strip()
    if host is not None and any(_same_site(host, s) for s in (*SOCIAL_HOSTS, *CALL_HOSTS)):
        return label is not None and label in _NOT_ALNUM.sub("", target.lower())
    if host is not None and not _same_site(host, site):
        return False
    if host is not None and _call_subdomain(host):
        return True
    if target.lower().startswith(("mailto:", "tel:", "javascript:", "#")):
        return False
    pm = _PATH.match(target)
    path = pm.group(1).lower() if pm else ""
    for segment in path.split("/"):
        words = [w for w in _NOT_ALNUM.split(segment) if w]
        if not words or len(words) > CALL_SEGMENT_MAX_WORDS:
            continue
        if not CALL_PATH_WORDS.isdisjoint(words):
            return True
        joined = "-" + "-".join(words) + "-"
        if any(f"-{ph}-" in joined for ph in _CALL_PATH_PHRASES):
            return True
    return False


def _call_subdomain(host: str) -> bool:
    """True when a label of ``host`` before its registrable domain is a sign-up word
    (``call_paths``): ``apoyo.elfaro.net``, ``membership.site.com``, ``assine.site.com.br``.

    >>> _call_subdomain("apoyo.elfaro.net"), _call_subdomain("sport.elfaro.net")
    (True, False)
    """
    from cleannews._sites import registrable_domain

    domain = registrable_domain(host)
    if not host.endswith("." + domain):
        return False
    return any(
        not CALL_PATH_WORDS.isdisjoint(_NOT_ALNUM.split(part))
        for part in host[: -len(domain) - 1].split(".")
    )


_LABEL_WORD = regex.compile(r"\w+")


def _alone_on_line(a: Tag, box: Tag) -> bool:
    """True when the link ``a`` (with the inline elements wrapped around it alone) is a line
    of its own inside ``box``: no words (punctuation may be) beside it before the next block
    or ``<br>`` either side.

    >>> soup = BeautifulSoup('<div><p>Lisez-nous.</p><p><b><a href="/a">Abonnez-vous</a></b>'
    ...     '</p><p><em>Inscrivez-vous <a href="/n">ici</a>.</em></p></div>', "html.parser")
    >>> [_alone_on_line(a, soup.div) for a in soup.find_all("a")]
    [True, False]
    """
    node: Any = a
    words = a.get_text().strip()
    while (
        isinstance(node.parent, Tag)
        and node.parent is not box
        and node.parent.name in RUNNING_TEXT_TAGS
        and node.parent.get_text().strip() == words
    ):
        node = node.parent  # a <span> or <strong> wrapped around the link alone
    for siblings in (node.previous_siblings, node.next_siblings):
        for sib in siblings:
            if isinstance(sib, Tag):
                if sib.name in BLOCK_TAGS:
                    break
                if sib.name not in _INVISIBLE and _TOKEN_WORD.search(sib.get_text()):
                    return False
            elif type(sib) is NavigableString and _TOKEN_WORD.search(sib):
                return False
    return True


def _closes(a: Tag, box: Tag) -> bool:
    """True when no words of ``box`` come after the link ``a`` (the button that ends it; a
    full stop may follow).

    >>> soup = BeautifulSoup('<div><p>Sind Sie dabei? <a href="/x">Jetzt unterstützen</a>.'
    ...     '</p></div>', "html.parser")
    >>> _closes(soup.a, soup.div)
    True
    """
    node: Any = a
    while node is not box and isinstance(node, Tag):
        for sib in node.next_siblings:
            if isinstance(sib, Tag):
                if sib.name not in _INVISIBLE and _TOKEN_WORD.search(sib.get_text()):
                    return False
            elif type(sib) is NavigableString and _TOKEN_WORD.search(sib):
                return False
        node = node.parent
    return True


#: A link that ends a paragraph is an appeal box's button when that paragraph holds at least
#: this share of the box's text: the appeal is the paragraph ("… Sind Sie dabei? [Jetzt
#: unterstützen]"), not article paragraphs with a newsletter line under them.
CALL_CLOSING_PARAGRAPH_SHARE = 0.8


def _closes_the_appeal(a: Tag, box: Tag, stats: dict[int, tuple[int, int, int]]) -> bool:
    """True when the block that holds the link ``a`` holds ``CALL_CLOSING_PARAGRAPH_SHARE`` of
    the text of ``box``."""
    block: Any = a.parent
    while isinstance(block, Tag) and block is not box and block.name not in BLOCK_TAGS:
        block = block.parent
    if not isinstance(block, Tag):
        return False
    total = stats.get(id(box), (0, 0, 0))[0]
    return stats.get(id(block), (0, 0, 0))[0] >= CALL_CLOSING_PARAGRAPH_SHARE * total


def _call_button(a: Tag, site: str) -> bool:
    """True when the link ``a`` asks the reader to subscribe, join or give: it goes to a
    sign-up page of the site, to a sign-up subdomain or to a membership platform
    (:func:`_call_link`; not a share or follow link), or, inside the site, has a short label
    that asks it (``call_labels``: "Jetzt unterstützen", "Hágase miembro ahora").

    >>> soup = BeautifulSoup('<a class=btn href="/x">Jetzt unterstützen</a>', "html.parser")
    >>> _call_button(soup.a, "taz.de")
    True
    >>> soup = BeautifulSoup('<a href="https://twitter.com/taz">taz</a>', "html.parser")
    >>> _call_button(soup.a, "taz.de")
    False
    """
    href = str(a["href"]).strip()
    host = link_host(href)
    if host is not None and any(_same_site(host, s) for s in SOCIAL_HOSTS):
        return False
    if _call_link(href, site, site_label(site)):
        return True
    if (host is not None and not _same_site(host, site)) or href.lower().startswith(
        ("mailto:", "tel:", "javascript:", "#")
    ):
        return False
    words = [w.lower() for w in _LABEL_WORD.findall(a.get_text(" "))]
    return len(words) <= CALL_LABEL_MAX_WORDS and not CALL_LABEL_WORDS.isdisjoint(words)


def _call_to_action(
    el: Tag, stats: dict[int, tuple[int, int, int]], site: str | None, small: bool = True
) -> str | None:
    """``"paragraph"`` for a short paragraph whose every link is a call link
    (:func:`_call_link`): "Subscribe now to our e-edition", "¿Ya sabías que tenemos canal de
    Telegram? Únete", "Abonnez-vous à notre newsletter", in any language, told by where its
    links go.

    ``"box"`` for an appeal box (``<div>``, ``<section>``, ``<aside>`` of at most
    ``CALL_BOX_MAX_CHARS``): a few sentences asking for support, then one call button
    (:func:`_call_button`, the box's last link standing as a line of its own or ending its
    text), every other link staying inside the site ("Apoya el periodismo incómodo …
    [Apoya a El Faro]", "Links lesen, Rechts bekämpfen … [Jetzt unterstützen]"). The caller
    keeps the article's own big elements (the chosen container); ``small`` is False for
    what holds the ``<h1>`` or much of the page's text, which is never an appeal box.

    >>> soup = BeautifulSoup('<p>Pour lire la suite, <a href="https://site.fr/abonnement">'
    ...     'abonnez-vous</a>.</p>', "html.parser")
    >>> _call_to_action(soup.p, _measure(soup), "site.fr")
    'paragraph'
    >>> soup = BeautifulSoup('<p>La chaîne <a href="https://t.me/rybar">Rybar</a> '
    ...     'affirme le contraire.</p>', "html.parser")
    >>> _call_to_action(soup.p, _measure(soup), "site.fr") is None
    True
    >>> soup = BeautifulSoup('<div><p>Eine offene Gesellschaft braucht guten, frei '
    ...     'zugänglichen Journalismus und Engagement. Sind Sie dabei?</p><a class=button '
    ...     'href="/aktion/!v=1">Jetzt unterstützen</a></div>', "html.parser")
    >>> _call_to_action(soup.div, _measure(soup), "taz.de")
    'box'
    """
    if not site:
        return None
    chars, _, links = stats.get(id(el), (0, 0, 0))
    if not links:
        return None
    box = small and el.name in _CALL_BOX_TAGS and chars <= CALL_BOX_MAX_CHARS
    short = el.name in ("p", "div", "li") and chars <= CALL_MAX_CHARS
    if short and el.name != "p" and _first_named(el, _CALL_INNER_BLOCKS) is not None:
        short = False
    if not (short or box):
        return None
    anchors = [a for a in _named(el, _A) if str(a.get("href") or "").strip()]
    if not anchors:
        return None
    label = site_label(site)
    if short and all(_call_link(str(a["href"]), site, label) for a in anchors):
        return "paragraph"
    if not box or not _has_prose(el, links=False) or _content_word(el):
        # an appeal is written in sentences (a header bar's date and button is not), in a box
        # that does not call itself the article's text ("article-content__content-group")
        return None
    lines = [a for a in anchors if _alone_on_line(a, el) or _closes(a, el)]
    # one call button, the box's last link standing as a line of its own (or ending it): a
    # price table's "Buy now" buttons or a company's name in a list of press releases are
    # not appeals
    if not lines or not _call_button(lines[-1], site):
        return None
    if not _alone_on_line(lines[-1], el) and not _closes_the_appeal(lines[-1], el, stats):
        return None
    if sum(1 for a in anchors if _call_button(a, site)) > 1:
        return None
    for a in anchors:  # the box's other links stay inside the site (its "about us" page)
        host = link_host(str(a["href"]))
        if host is not None and (
            not _same_site(host, site) or any(_same_site(host, s) for s in SOCIAL_HOSTS)
        ):
            return None
    return "box"


_CONSENT_PHRASES = tuple(h for h in CONSENT_HINTS if "-" in h)


def _consent(el: Tag) -> bool:
    """True when the class or id of ``el`` names a consent dialog or the placeholder of an
    embed waiting for consent (``CONSENT_HINTS``, or a word starting with ``cookie``).

    Such an element is dropped even when it "wraps the article" (:func:`_wraps_article`):
    its consent message, or the preview of the embedded post, sits in a ``content`` or
    ``post`` class (``<div class="BorlabsCookie"><div class="_brlbs-content-blocker"><p>
    Klicken Sie auf den unteren Button …``).

    >>> def c(cls):
    ...     return _consent(BeautifulSoup(f'<div class="{cls}">x</div>', "html.parser").div)
    >>> c("BorlabsCookie"), c("privacy-embed-preview"), c("cookie-notice"), c("share-embed")
    (True, True, True, False)
    """
    values = [v.lower() for v in _attr_values(el)]
    toks = [t for v in _attr_values(el) for t in _value_tokens(v)]
    if any(t in CONSENT_HINTS or t.startswith("cookie") for t in (*values, *toks)):
        return True
    joined = "-" + "-".join(toks) + "-"
    return any(f"-{h}-" in joined for h in _CONSENT_PHRASES)


def _embedded_post(el: Tag) -> bool:
    """True for a ``<blockquote>`` that embeds a social post (``class="twitter-tweet"``).

    The article quotes the post: its text is the quotation, not a share button.

    >>> _embedded_post(BeautifulSoup('<blockquote class="twitter-tweet"><p>Vu.</p>'
    ...     '</blockquote>', "html.parser").blockquote)
    True
    """
    return el.name == "blockquote" and not EMBEDDED_POST_TOKENS.isdisjoint(_tokens(el))


#: A reader poll, quiz or rating widget offers at least this many radio buttons of one group.
POLL_MIN_OPTIONS = 2
#: ... and its box holds at most this many words outside the answers' labels (the
#: question, a "vote" button): more words are an article or a form that asks for a choice.
POLL_PROMPT_MAX_WORDS = 40
#: Radio groups looked at per page (a page of hundreds is a form, not a poll).
POLL_MAX_GROUPS = 20


def _words_outside_labels(el: Tag) -> int:
    """Words of ``el`` outside its ``<label>`` elements (a poll's question, not its answers).

    >>> _words_outside_labels(BeautifulSoup("<div><p>Votre avis</p><label>Oui, tout à "
    ...     "fait</label></div>", "html.parser").div)
    2
    """
    labels = sum(count_words(lab.get_text(" ")) for lab in _named(el, frozenset({"label"})))
    return count_words(el.get_text(" ")) - labels


_POLL_STOP_TAGS = frozenset("h1 h2".split())


def _poll_box(el: Tag) -> bool:
    """True when ``el`` may be a poll's box: not the page, no ``<h1>`` or ``<h2>`` (an
    article's header: an audio player's speed buttons sit beside the headline), and few
    words outside the answers' labels.

    >>> soup = BeautifulSoup("<div><h2>Titre</h2><div><label><input type=radio>x</label>"
    ...     "</div></div>", "html.parser")
    >>> _poll_box(soup.div), _poll_box(soup.div.div)
    (False, True)
    """
    return (
        el.name not in ("body", "html")
        and _first_named(el, _POLL_STOP_TAGS) is None
        and _words_outside_labels(el) <= POLL_PROMPT_MAX_WORDS
    )


def poll_boxes(tags: list[Tag]) -> frozenset[int]:
    """ids of the reader polls, quizzes and rating widgets of a page: the largest element
    around a group of radio buttons (one ``name``, at least ``POLL_MIN_OPTIONS``) whose words
    outside the answers' labels stay within ``POLL_PROMPT_MAX_WORDS`` (the question).

    A poll set inside the article's body (20 Minuten: ``<div type="poll"><p>Welches dieser
    Mittel ist dein Favorit …?</p><label>Eine wärmende Suppe.</label>…``) is not the article:
    its question and answers came out as short lines of the text. CSS tabs built on radio
    buttons hold their panels' text: their box has too many words and stays.

    >>> soup = BeautifulSoup("<article><p>" + "Le texte de l'article. " * 20 + "</p>"
    ...     "<div class=box><p>Qui gagnera ?</p><label><input type=radio name=v>Lyon</label>"
    ...     "<label><input type=radio name=v>Lens</label></div></article>", "html.parser")
    >>> [t.name + "." + t["class"][0] for t in _tags(soup) if id(t) in poll_boxes(_tags(soup))]
    ['div.box']
    """
    groups: dict[str, list[Tag]] = {}
    for t in tags:
        if t.name == "input" and str(t.get("type", "")).lower() == "radio":
            groups.setdefault(str(t.get("name") or id(t.parent)), []).append(t)
    out: set[int] = set()
    for radios in list(groups.values())[:POLL_MAX_GROUPS]:
        if len(radios) < POLL_MIN_OPTIONS:
            continue
        box: Tag | None = radios[0]
        for r in radios[1:]:
            box = _common_ancestor(box, r) if box is not None else None
        if box is None or not _poll_box(box):
            continue
        while isinstance(box.parent, Tag) and _poll_box(box.parent):
            box = box.parent
        out.add(id(box))
    return frozenset(out)


#: Inline elements that can carry a few words of a sentence (a glossary popup, a tooltip):
#: a class hint on one of them, with words of the sentence on both sides, names a
#: behaviour of those words, not a box of furniture (:func:`_in_running_text`).
RUNNING_TEXT_TAGS = frozenset("a span em strong b i u font abbr cite q mark dfn".split())
_LETTER = regex.compile(r"\p{L}")


def _in_running_text(
    el: Tag, memo: tuple[dict[int, Any], dict[int, Any]] | None = None
) -> bool:
    """True when ``el`` is an inline element inside a sentence: words right before and after it.

    ``<p>Something prompted me <a class="popup" href="javascript:…">to touch him</a>. I
    felt …</p>``: the class says the words open a note, the words are the article's.
    A share link or an ad label at the end of a paragraph has no words after it.

    >>> soup = BeautifulSoup('<p>Il voulut <a class="popup" href="#">le toucher</a>, puis '
    ...     'partit.</p><p>Fin. <span class="share">Partager</span></p>', "html.parser")
    >>> _in_running_text(soup.a), _in_running_text(soup.span)
    (True, False)
    """
    if el.name not in RUNNING_TEXT_TAGS:
        return False
    if isinstance(el.parent, Tag) and _share_quote(_tokens(el.parent)):
        return False  # the button of a sentence set out to be tweeted: its words are the quote
    if _word_beside(el.previous_siblings) and _word_beside(el.next_siblings):
        return True
    return _edge_of_prose(el, memo)


#: An inline element at the edge of a sentence is text when its paragraph holds at least this
#: many words besides it (:func:`_edge_of_prose`).
RUNNING_TEXT_PARAGRAPH_WORDS = 12
#: The paragraph-like blocks an inline element's sentence is written in.
_RUNNING_TEXT_BLOCKS = frozenset("p li td dd blockquote".split())


def _edge_of_prose(
    el: Tag, memo: tuple[dict[int, Any], dict[int, Any]] | None = None
) -> bool:
    """True when ``el`` opens or ends a sentence of a prose paragraph.

    ``<p>"<a class="popup" href="javascript:…">I would prefer not to.</a>" — he said, …</p>``:
    text of the sentence on one side (words or only its punctuation, a quotation mark), and
    the paragraph (``p li td dd blockquote``, the nearest block) holds at least
    ``RUNNING_TEXT_PARAGRAPH_WORDS`` words besides the element. A share label after a one-line
    paragraph ("Fin. Partager"), a label between links, a link beside a ``<br>`` keep their
    hint.

    >>> soup = BeautifulSoup('<p>He was a man of few words, and most of them he never '
    ...     'said aloud, as the clerk <a class="popup" href="#">remembered.</a></p>'
    ...     '<p>Fin. <span class="share">Partager</span></p>', "html.parser")
    >>> _edge_of_prose(soup.a), _edge_of_prose(soup.span)
    (True, False)

    ``memo`` (two dicts per page) remembers each element's nearest block and the words
    under it (:func:`_word_parts`): inline elements nested thousands deep in a paragraph
    climbed to it and counted its words once each (html25).
    """
    before = _neighbour(el.previous_siblings)
    after = _neighbour(el.next_siblings)
    if before is False or after is False or (before is None and after is None):
        return False
    blocks, parts = ({}, {}) if memo is None else memo
    block = _climb(el.parent, blocks, _non_inline, None)
    if not isinstance(block, Tag) or block.name not in _RUNNING_TEXT_BLOCKS:
        return False
    words = _words_of(*_bottom_up(block, parts, _word_parts)[:3]) - _words_of(
        *_bottom_up(el, parts, _word_parts)[:3])
    return words >= RUNNING_TEXT_PARAGRAPH_WORDS


def _non_inline(node: Tag) -> Tag | None:
    """``node`` unless it is an inline element (a :func:`_climb` decide: the nearest block)."""
    return None if node.name in RUNNING_TEXT_TAGS else node


def _word_parts(tag: Tag, memo: dict[int, Any]) -> tuple[int, int, int, int]:
    """:func:`_string_counts` summed over the text under ``tag`` (a :func:`_bottom_up`
    combine): ``count_words(tag.get_text(" "))`` is ``_words_of(*parts[:3])``, as in
    :func:`_prose_counts`."""
    t = w = u = c = 0
    for child in tag.contents:
        if isinstance(child, Tag):
            sub = memo[id(child)]
        elif type(child) in _TEXT_STRINGS and not child.isspace():
            sub = _string_counts(str(child))
        else:
            continue
        t, w, u, c = t + sub[0], w + sub[1], u + sub[2], c + sub[3]
    return (t, w, u, c)


def _hover_card(el: Tag, memo: dict[int, Any] | None = None) -> bool:
    """True when ``el`` hangs on a word of a sentence without being one: not itself between
    words, but inside an inline element that is.

    ``<p>… kill Rep. <span><a>Ilhan Omar</a><span class="card">…links…</span></span>
    (D-Minn.), …</p>``: the inner span is the hover card of the linked name (its links go,
    as a list of links); the outer span is the sentence's word and stays. A reference's
    ``<li><a>^</a> <span>…citation…</span></li>`` is the whole item, no card.

    >>> soup = BeautifulSoup("<p>Il a vu <span id=w><a href=/a>X</a><span id=c>…</span>"
    ...     "</span> hier.</p><ul><li><a href=#r>^</a> <span id=r>Livre</span></li></ul>",
    ...     "html.parser")
    >>> [_hover_card(soup.find(id=i)) for i in ("c", "w", "r")]
    [True, False, False]

    ``memo`` (one per page) remembers each inline ancestor's answer (:func:`_climb`): spans
    nested thousands deep, a link in each, read their ancestors once in all (html25).
    """
    if _word_beside(el.previous_siblings) and _word_beside(el.next_siblings):
        return False
    return bool(_climb(el.parent, {} if memo is None else memo, _sentence_word, False))


def _sentence_word(node: Tag) -> bool | None:
    """True for an inline element with words on both sides, False for any other element than
    an inline one, None (look further up) for an inline one without (a :func:`_climb`
    decide of :func:`_hover_card`)."""
    if node.name not in RUNNING_TEXT_TAGS:
        return False
    if _word_beside(node.previous_siblings) and _word_beside(node.next_siblings):
        return True
    return None


def _neighbour(siblings: Any) -> bool | None:
    """What sits right beside an inline element: True for text (a word or only punctuation),
    None for nothing (the paragraph's edge), False for a block, a ``<br>`` or a link."""
    for sib in siblings:
        if isinstance(sib, Tag):
            if sib.name not in RUNNING_TEXT_TAGS or sib.name == "a":
                return False
            if sib.get_text().strip():
                return True
        elif type(sib) is NavigableString and str(sib).strip():
            return True
    return None


def _word_beside(siblings: Any) -> bool:
    """True when the first non-blank sibling in ``siblings`` is text with a letter, or an
    inline element holding some; a block, a ``<br>``, a link (a bar of share links) or
    nothing ends the sentence."""
    for sib in siblings:
        if isinstance(sib, Tag):
            if sib.name not in RUNNING_TEXT_TAGS or sib.name == "a":
                return False
            text = sib.get_text()
        elif type(sib) is NavigableString:
            text = str(sib)
        else:
            continue
        if text.strip():
            return _LETTER.search(text) is not None
    return False


#: Whole class values that CSS frameworks define as display:none (``hidden_classes``).
HIDDEN_CLASSES = frozenset(_HINTS["hidden_classes"])


def _gated_text(el: Tag) -> bool:
    """True for a text block that its class says is the article's text behind a paywall
    (``gated_text``: ``<p class="paywall" aria-hidden="true">``): the site hides it from
    those who have not paid, the page holds it; it is the article's, not furniture.

    >>> soup = BeautifulSoup('<p class="paywall" aria-hidden="true">Suite.</p>'
    ...     '<div class="paywall" aria-hidden="true">Abonnez-vous</div>', "html.parser")
    >>> _gated_text(soup.p), _gated_text(soup.div)
    (True, False)
    """
    return el.name in GATED_TEXT_TAGS and not GATED_TEXT_TOKENS.isdisjoint(_tokens(el))


def _hidden(el: Tag) -> bool:
    """True for an element hidden from readers: ``hidden``, ``aria-hidden="true"``,
    ``display:none`` / ``visibility:hidden`` in its style, or a framework's hiding class.

    >>> soup = BeautifulSoup("<div class='intro-body hidden'>x</div><div class=hiddenx>y</div>",
    ...                      "html.parser")
    >>> [_hidden(d) for d in soup.find_all("div")]
    [True, False]
    """
    attrs = el.attrs or {}
    if "hidden" in attrs or str(attrs.get("aria-hidden", "")).lower() == "true":
        return True
    classes = attrs.get("class")
    if classes and not HIDDEN_CLASSES.isdisjoint(
        c.lower() for c in (classes if isinstance(classes, list) else str(classes).split())
    ):
        return True
    style = str(attrs.get("style", "")).replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _metadata(soup: BeautifulSoup) -> dict[str, Any]:
    """Title, date, canonical URL and language from the markup."""
    md: dict[str, Any] = {}
    # one pass over the <meta> tags (a find() per key scanned the whole page each time)
    by_property: dict[str, Tag] = {}
    by_name: dict[str, Tag] = {}
    for el in _named(soup, _META):
        for attr, table in (("property", by_property), ("name", by_name)):
            key = el.get(attr)
            if isinstance(key, str) and key not in table:
                table[key] = el

    def meta(*keys: str) -> str | None:
        for k in keys:
            el = by_property.get(k) or by_name.get(k)
            if isinstance(el, Tag) and el.get("content"):
                return str(el["content"]).strip()
        return None

    title = meta("og:title", "twitter:title")
    if soup.title and soup.title.string:
        md["html_title"] = soup.title.string.strip()
        title = title or md["html_title"]
    site = meta("og:site_name", "application-name")
    if site:
        md["site_name"] = site
    if title:
        md["title"] = title
    date = meta("article:published_time", "datePublished", "date", "pubdate", "dc.date")
    if not date:
        t = next((t for t in _named(soup, _TIME) if t.get("datetime") is not None), None)
        if t is not None:
            date = str(t["datetime"]).strip()
    if date:
        md["date"] = date
    link = soup.find("link", attrs={"rel": "canonical"})
    url = meta("og:url")
    if isinstance(link, Tag) and link.get("href"):
        url = str(link["href"]).strip()
    if url:
        md["url"] = url
    html_el = soup.find("html")
    if isinstance(html_el, Tag) and html_el.get("lang"):
        md["lang"] = str(html_el["lang"]).strip()
    return md


def _string_counts(text: str) -> tuple[int, int, int, int]:
    """(space tokens, word tokens beside unspaced letters, unspaced letters, commas) of ``text``.

    The parts :func:`count_words` is made of, so that they can be summed over the
    strings of an element (see :func:`_prose_counts`).

    >>> _string_counts("Un mot, deux"), _string_counts("一个约定 ok")
    ((3, 3, 0, 1), (2, 1, 4, 0))
    """
    unspaced = len(_UNSPACED.findall(text))
    tokens = text.split()
    if unspaced:
        words = sum(1 for t in _UNSPACED.sub(" ", text).split() if _TOKEN_WORD.search(t))
    else:
        words = len(tokens)
    return (len(tokens), words, unspaced, text.count(","))


def _words_of(tokens: int, words: int, unspaced: int) -> int:
    """:func:`count_words` from summed :func:`_string_counts` parts."""
    return tokens if not unspaced else words + (unspaced + 1) // UNSPACED_CHARS_PER_WORD


#: Strings that are visible text (bs4 gives script and style their own string types).
_TEXT_STRINGS = (NavigableString, CData)


def _prose_counts(root: Tag, tags: list[Tag] | None = None) -> dict[int, tuple[int, int, int]]:
    """(words, words inside links, commas) of every element under ``root``, in one pass.

    What ``count_words(el.get_text(" "))`` and a count over ``el.find_all("a")``
    give, computed bottom-up (descendants before their ancestors) so that a page
    of thousands of nested blocks (unclosed ``<p>``) costs one pass, not one pass
    per block.

    >>> soup = BeautifulSoup("<p>Lire, aussi <a href=/x>un autre article</a></p>", "html.parser")
    >>> _prose_counts(soup)[id(soup.p)]
    (5, 3, 1)
    """
    parts: dict[int, tuple[int, int, int, int]] = {}
    out: dict[int, tuple[int, int, int]] = {}
    for el in (*reversed(_tags(root) if tags is None else tags), root):
        t = w = u = c = links = 0
        for child in el.children:
            if isinstance(child, Tag):
                sub = parts.get(id(child))
                if sub is not None:
                    t, w, u, c = t + sub[0], w + sub[1], u + sub[2], c + sub[3]
                    links += out[id(child)][1]
            elif type(child) in _TEXT_STRINGS and not child.isspace():
                # (white space alone counts nothing: bs4 keeps it as " " or "\n")
                st = _string_counts(str(child))
                t, w, u, c = t + st[0], w + st[1], u + st[2], c + st[3]
        parts[id(el)] = (t, w, u, c)
        words = _words_of(t, w, u)
        out[id(el)] = (words, words if el.name == "a" else links, c)
    return out


def _votes(
    body: Tag,
    keep: frozenset[int] = frozenset(),
    counts: dict[int, tuple[int, int, int]] | None = None,
    tags: list[Tag] | None = None,
    skip: frozenset[int] = frozenset(),
    linked: frozenset[int] = frozenset(),
    from_links: dict[int, float] | None = None,
) -> tuple[dict[int, float], dict[int, Tag], list[tuple[Tag, int]]]:
    """Readability-like votes: each prose block votes for its ancestors.

    ``keep``: ids of elements never taken for furniture (they hold the page); ``skip``:
    ids of blocks that do not vote (the summaries of teaser cards, :func:`_card_voters`).
    ``linked``: ids of the blocks inside a link (:func:`_link_wrapped`): they vote, and what
    they give each element is also added up in ``from_links`` (when given).
    Returns (vote per element id, element per id, the voting blocks with their words).
    Linear in the size of the page (the counts come from one pass, :func:`_prose_counts`):
    the page is walked once (:func:`_voting_blocks`), the blocks tallied
    (:func:`_tally_votes`).
    """
    return _tally_votes(body, _voting_blocks(body, keep, counts, tags), skip, linked, from_links)


def _voting_blocks(
    body: Tag,
    keep: frozenset[int] = frozenset(),
    counts: dict[int, tuple[int, int, int]] | None = None,
    tags: list[Tag] | None = None,
) -> list[tuple[Tag, int, float]]:
    """The prose blocks that vote (:func:`_votes`), in document order, each with its words
    and its vote: the one walk over the page, tallied as often as :func:`_voted_content`
    needs (with and without the teaser cards' summaries, without the link-wrapped blocks)
    by :func:`_tally_votes`.

    >>> soup = BeautifulSoup("<div><p>" + "Un mot, deux mots. " * 4 + "</p><p>Court.</p></div>",
    ...     "html.parser")
    >>> [(el.name, words, vote) for el, words, vote in _voting_blocks(soup)]
    [('p', 16, 28.0)]
    """
    voting: list[tuple[Tag, int, float]] = []
    furniture: dict[int, bool] = {}
    if counts is None:
        counts = _prose_counts(body, tags)
    voters = (_named(body, _VOTER_TAGS) if tags is None
              else [el for el in tags if el.name in _VOTER_TAGS])
    for el in voters:
        if _in_furniture(el, body, furniture, keep):
            continue  # comments, sidebars, footers neither vote nor count in the page's prose
        if el.name in _CONTAINER_VOTERS:
            # a container votes only for the text written directly in it, or in inline
            # elements (``<td><font>…<br>…</font></td>``: pages written without <p>)
            text = _inline_text(el)
            words, links, commas = count_words(text), 0, text.count(",")
        else:
            words, links, commas = counts[id(el)]
        if words < MAIN_BLOCK_MIN_WORDS or links / words > MAIN_BLOCK_MAX_LINK_DENSITY:
            continue
        voting.append((el, words, words * (1 - links / words) + 3 * min(commas, 5)))
    return voting


def _tally_votes(
    body: Tag,
    voting: list[tuple[Tag, int, float]],
    skip: frozenset[int] = frozenset(),
    linked: frozenset[int] = frozenset(),
    from_links: dict[int, float] | None = None,
) -> tuple[dict[int, float], dict[int, Tag], list[tuple[Tag, int]]]:
    """:func:`_votes`' result from the ``voting`` blocks (:func:`_voting_blocks`) but those
    in ``skip``: each vote goes to the block's parent and, decayed, to its ancestors; what
    the blocks in ``linked`` give is also added up in ``from_links`` (when given). No walk
    over the page: a few steps up from each voting block.

    >>> soup = BeautifulSoup("<div><p>" + "Un mot, deux mots. " * 4 + "</p></div>",
    ...     "html.parser")
    >>> voting = _voting_blocks(soup)
    >>> votes, elements, _ = _tally_votes(soup, voting)
    >>> [(elements[k].name, v) for k, v in votes.items()]
    [('div', 28.0), ('[document]', 14.0)]
    >>> _tally_votes(soup, voting, frozenset({id(soup.p)}))
    ({}, {}, [])
    """
    votes: dict[int, float] = {}
    elements: dict[int, Tag] = {}
    blocks: list[tuple[Tag, int]] = []
    for el, words, vote in voting:
        if id(el) in skip:
            continue
        blocks.append((el, words))
        node = el.parent
        tally = from_links if from_links is not None and id(el) in linked else None
        for decay in MAIN_ANCESTOR_DECAY:
            if not isinstance(node, Tag) or node is body.parent:
                break
            votes[id(node)] = votes.get(id(node), 0.0) + vote * decay
            if tally is not None:
                tally[id(node)] = tally.get(id(node), 0.0) + vote * decay
            elements[id(node)] = node
            node = node.parent
    return votes, elements, blocks


#: A link of at most this many words that wraps blocks is a card or an item of a widget
#: (:func:`_link_wrapped`); a longer one is an ``<a>`` left open by the page, which the parser
#: closes only at its parent's end: what it holds is the page's text, not a link's.
LINK_WRAPPED_MAX_WORDS = 120


def _link_wrapped(tags: list[Tag], counts: dict[int, tuple[int, int, int]]) -> frozenset[int]:
    """Ids of the elements inside a link (``<a href>``) of at most ``LINK_WRAPPED_MAX_WORDS``
    words: their text is the link's, however few links they hold themselves, so they do not
    decide which element holds the article (:func:`_voted_content`). ``tags``: the elements
    under the page's body in document order; ``counts``: :func:`_prose_counts`.

    A sports site's schedule bar above the article (VG, gold set's dev part) writes each
    event as ``<a href><div>time</div><div>Menn Svømming: 50 m fri, finale</div></a>``:
    150 such divs voted as prose and outvoted a 105-word article.

    >>> soup = BeautifulSoup("<div><a href=/e1><div>Friidrett, menn 1500 m, første runde i "
    ...     "kveld</div></a><p><a href=/x>lien</a> suite</p></div>", "html.parser")
    >>> tags = _tags(soup)
    >>> [el.name for el in tags if id(el) in _link_wrapped(tags, _prose_counts(soup, tags))]
    ['div']
    """
    out: set[int] = set()
    for a in tags:
        if (
            a.name == "a"
            and a.get("href") is not None
            and counts.get(id(a), (0, 0, 0))[0] <= LINK_WRAPPED_MAX_WORDS
        ):
            out.update(id(d) for d in a.descendants if isinstance(d, Tag))
    return frozenset(out)


#: The vote is taken again without the blocks inside links when they give the winning
#: element at least this share of its votes (:func:`_links_decide`).
LINK_VOTES_MAX_SHARE = 0.5


def _links_decide(votes: dict[int, float], from_links: dict[int, float]) -> bool:
    """True when the element with the most ``votes`` has at least ``LINK_VOTES_MAX_SHARE``
    of them ``from_links`` (from blocks inside links, :func:`_link_wrapped`).

    Teaser cards wrapped whole in a link vote as before when the article wins anyway (a
    recipe page whose article is split over tabs is read as before); only a vote that the
    link text wins is taken again without it.

    >>> _links_decide({1: 10.0, 2: 8.0}, {1: 6.0}), _links_decide({1: 10.0, 2: 8.0}, {2: 8.0})
    (True, False)
    """
    winner = max(votes, key=votes.__getitem__)
    return from_links.get(winner, 0.0) >= LINK_VOTES_MAX_SHARE * votes[winner] > 0


#: Containers that vote for the text written in them outside any block (see :func:`_votes`).
_CONTAINER_VOTERS = frozenset("div section li td dd".split())
#: Inline elements whose text belongs to the container around them: a page of 2007
#: writes its article as ``<td><font>…<br>…</font></td>``, a builder as ``<div><span>``.
#: Not ``<a>``: link text never votes.
INLINE_TEXT_TAGS = frozenset(
    "font span b strong i em u small big sub sup abbr cite q mark s strike tt code time br".split()
)


def _inline_text(el: Tag) -> str:
    """The text written in ``el`` outside its block children and links.

    Strings directly in ``el`` and in its inline elements (:data:`INLINE_TEXT_TAGS`),
    each node read once from the nearest container (linear over the page).

    >>> soup = BeautifulSoup("<td>Un <font>texte <b>gras</b><br>suite</font>"
    ...     "<a href=/x>lien</a><p>bloc</p></td>", "html.parser")
    >>> " ".join(_inline_text(soup.td).split())
    'Un texte gras suite'
    """
    parts: list[str] = []
    stack: list[Any] = list(reversed(el.contents))
    while stack:
        node = stack.pop()
        if isinstance(node, Tag):
            if node.name in INLINE_TEXT_TAGS:
                stack.extend(reversed(node.contents))
        elif type(node) in _TEXT_STRINGS:
            parts.append(str(node))
    return " ".join(parts)


#: Elements whose prose does not vote for the article container.
_FURNITURE_TAGS = frozenset("aside footer nav".split())
#: Furniture tags that go when they are a member of the article header zone (the menu bar
#: written before the headline's block), unless they hold the ``<h1>`` or much of the text.
ZONE_DROP_TAGS = frozenset("nav footer form dialog".split())


def _in_furniture(
    el: Tag, body: Tag, cache: dict[int, bool], keep: frozenset[int] = frozenset()
) -> bool:
    """True when ``el`` or an ancestor below ``body`` is furniture by tag or strong class hint.

    ``cache`` memoises the answer per element, so a page costs one look per element.
    Elements in ``keep`` (they hold the headline or most of the page's text:
    ``<div class="Page-ad-margins">`` around a whole page) are no furniture.

    >>> soup = BeautifulSoup('<body><div id="comments"><p>Bravo</p></div><p>Texte</p></body>',
    ...                      "html.parser")
    >>> [_in_furniture(p, soup.body, {}) for p in soup.find_all("p")]
    [True, False]
    """
    path: list[Tag] = []
    node: Any = el
    answer = False
    while isinstance(node, Tag) and node is not body:
        known = cache.get(id(node))
        if known is not None:
            answer = known
            break
        path.append(node)
        if id(node) in keep:
            node = node.parent
            continue
        hint = _hint_kind(node)
        if node.name in _FURNITURE_TAGS or (hint is not None and hint[1] == "strong"):
            answer = True
            break
        node = node.parent
    for n in path:
        cache[id(n)] = answer
    return answer


def _measure(root: Tag, tags: list[Tag] | None = None) -> dict[int, tuple[int, int, int]]:
    """Visible characters, characters inside links and links of every element under ``root``.

    One pass over the tree, descendants before their ancestors (linear).

    >>> soup = BeautifulSoup("<div><p>Lire aussi : <a href=/x>un autre article</a></p></div>",
    ...                      "html.parser")
    >>> _measure(soup)[id(soup.p)]
    (28, 16, 1)
    """
    stats: dict[int, tuple[int, int, int]] = {}
    covered: set[int] = set()  # cards with an empty link laid over them (:func:`_overlay_link`)
    for el in (*reversed(_tags(root) if tags is None else tags), root):
        if el.name in _INVISIBLE:
            stats[id(el)] = (0, 0, 0)
            continue
        chars = link_chars = links = 0
        for c in el.children:
            if isinstance(c, Tag):
                st = stats.get(id(c))
                if st is not None:
                    chars += st[0]
                    link_chars += st[1]
                    links += st[2]
            elif type(c) is NavigableString:
                chars += len(c.strip())
        if el.name == "a" and chars and el.get("href"):  # <a name=…> is an anchor, no link
            link_chars = chars
            links += 1
        elif el.name == "a" and not chars and _overlay_link(el):
            covered.add(id(el.parent))
            links += 1
        elif id(el) in covered and chars <= OVERLAY_CARD_MAX_CHARS:
            link_chars = chars  # the card is its link's face: all of its text is link text
        stats[id(el)] = (chars, link_chars, links)
    return stats


#: A block with an empty link laid over it is a card (its text all link text) when it shows
#: at most this many characters: a teaser's kicker, headline and summary, not a paragraph run.
OVERLAY_CARD_MAX_CHARS = 400
_OVERLAY_PARENTS = frozenset(("div", "li", "article", "section"))


def _overlay_link(a: Tag) -> bool:
    """True when ``a`` is an empty link laid over the card it closes or opens (a "stretched
    link": ``<div class="rail__item">…<a class="rail__item-anchor" href="/news/…"></a></div>``).

    The link holds no text and no element (no image, no icon), points to a page (not to a
    place in a page, ``…#comments``, nor to a script or an address) and is a child of a
    block: CSS stretches it over its parent, so a click anywhere on the card follows it.
    The card's headline and summary, written outside the link, are the link's face (The
    Sun's most-read rail).

    >>> soup = BeautifulSoup('<div><h3>Titre</h3><a href="/n/1"></a></div><div><a href="#x">'
    ...     '</a><a href="/n/2"><img src=i.jpg></a></div>', "html.parser")
    >>> [_overlay_link(a) for a in soup.find_all("a")]
    [True, False, False]
    """
    href = a.get("href")
    if not isinstance(href, str) or not href.strip():
        return False
    if any(isinstance(c, Tag) or (type(c) in _TEXT_STRINGS and not c.isspace())
           for c in a.contents):
        return False  # text, an image or an icon: the link shows itself
    href = href.strip().lower()
    if "#" in href or href.startswith(("javascript:", "mailto:", "tel:")):
        return False  # a place in a page (this one's comments, its share bar), not a story
    parent = a.parent
    return isinstance(parent, Tag) and parent.name in _OVERLAY_PARENTS


def _under(el: Tag, ids: set[int]) -> bool:
    node: Any = el
    while isinstance(node, Tag):
        if id(node) in ids:
            return True
        node = node.parent
    return False


def _common_ancestor(a: Tag, b: Tag) -> Tag | None:
    """The lowest element that contains both ``a`` and ``b``."""
    seen: set[int] = set()
    node: Any = a
    while isinstance(node, Tag):
        seen.add(id(node))
        node = node.parent
    node = b
    while isinstance(node, Tag):
        if id(node) in seen:
            return node
        node = node.parent
    return None


def _site_key(name: str) -> str:
    """A site name as compared with a page's text: spaces collapsed, casefolded.

    >>> _site_key("  Le  Courrier   du Sud ")
    'le courrier du sud'
    """
    return _WS.sub(" ", name).strip().casefold()


#: Separators of the parts of a ``<title>`` ("Article - Site", "Site » Blog » Article").
_TITLE_PARTS = regex.compile(r"\s+[-|–—•·:»«/]\s+")


def site_name_texts(md: dict[str, Any]) -> frozenset[str]:
    """Casefolded texts that name the site, not the article: ``og:site_name``, else the
    first and last parts of ``<title>`` (≤ ``SITE_NAME_MAX_WORDS`` words, not its longest).

    An ``<h1>`` with such a text is the site's logo: the masthead around it is no
    article header (see :meth:`_Extractor.select_main`).

    >>> sorted(site_name_texts({"html_title": "Disfunctions.de » Blog Archiv » Podcasts in "
    ...     "Plex einbinden"}))
    ['disfunctions.de']
    """
    names = set()
    if md.get("site_name"):
        names.add(_site_key(str(md["site_name"])))
    parts = [p.strip() for p in _TITLE_PARTS.split(md.get("html_title") or "") if p.strip()]
    if not names and len(parts) >= 2:
        longest = max(parts, key=len)
        for part in (parts[0], parts[-1]):
            if part is not longest and len(part.split()) <= SITE_NAME_MAX_WORDS:
                names.add(_site_key(part))
    return frozenset(names)


def _headline(body: Tag, best: Tag, tags: list[Tag] | None = None) -> Tag | None:
    """The article's ``<h1>``: the first one that shares an element below the page with ``best``.

    A site's logo is often an h1 too (``<h1 id="site-title">`` in the masthead): the
    first h1 of the page is taken only when no h1 sits in the same branch as the body
    ``best`` (an ancestor other than ``<body>`` / ``<html>`` holds both).

    >>> soup = BeautifulSoup("<body><header><h1>Le Site</h1></header><article>"
    ...     "<header><h1>Le titre</h1></header><div id=b><p>Corps</p></div></article></body>",
    ...     "html.parser")
    >>> _headline(soup.body, soup.find(id="b")).get_text()
    'Le titre'
    """
    branch: set[int] = set()
    node: Any = best
    while isinstance(node, Tag) and node is not body and node.name not in ("html", "body"):
        branch.add(id(node))
        node = node.parent

    def on_branch(tag: Tag) -> bool | None:
        return True if id(tag) in branch else False if tag is body else None

    first = None
    boxed: dict[int, Any] = {}
    in_branch: dict[int, Any] = {}  # (html25: ancestors read once for all the h1, see _climb)
    h1s = body.find_all("h1") if tags is None else [el for el in tags if el.name == "h1"]
    for h1 in h1s:
        if _boxed_h1(h1, body, memo=boxed):
            continue
        first = first or h1
        if _climb(h1, in_branch, on_branch, False):
            return h1
    return first


def _boxed_h1(h1: Tag, body: Tag, big: set[int] | frozenset[int] = frozenset(),
              memo: dict[int, Any] | None = None) -> bool:
    """True when an ancestor of ``h1`` below ``body`` is an overlay box (``OVERLAY_HINTS``).

    Such an ``<h1>`` is the title of a box — a paywall ("Möchten Sie weiterlesen?"),
    a newsletter or cookie dialog, a modal —, not the article's headline: it neither
    protects the elements that hold it (:func:`_holders`) nor opens the header zone
    (:func:`_headline`). Other strong hints do not count: a site's logo (``branding``,
    ``navbar``) still places the header zone, and a breadcrumb's last item is often the
    headline itself. An ancestor in ``big`` (it holds much of the page's text:
    ``<div class="Page-ad-margins">`` around the page) is no box.

    >>> soup = BeautifulSoup("<body><div class=paywall><h1>Weiterlesen?</h1></div>"
    ...     "<div class=branding><h1>Le Site</h1></div>"
    ...     "<article><h1>Le titre</h1></article></body>", "html.parser")
    >>> [_boxed_h1(h, soup.body) for h in soup.find_all("h1")]
    [True, False, False]

    ``memo`` (one per ``body`` and ``big``; its elements' answers do not change when ``big``
    grows by ancestors of unboxed headings, as in :func:`_holders`) remembers the answer of
    each ancestor read (:func:`_climb`): the ``<h1>`` of a page read their ancestors once in
    all, not once each (html25: 10,000 headings down a chain of ``<div>`` took 14 s).
    """

    def overlay(node: Tag) -> bool | None:
        if node is body or node.name in ("html", "body"):
            return False
        if id(node) not in big:
            hint = _hint_kind(node)
            if hint is not None and hint[1] == "strong" and hint[0] in OVERLAY_HINTS:
                return True
        return None

    return bool(_climb(h1.parent, {} if memo is None else memo, overlay, False))


#: Class / id words of a site's logo (``logos`` in ``html_hints.json``).
LOGO_HINTS = tuple(_HINTS["logos"])


def _logo_h1(h1: Tag) -> bool:
    """True when ``h1`` is the site's logo by its class or id, or by its only link's.

    Such an ``<h1>`` protects nothing in :func:`_holders` (the menu bar written around
    a logo is no article), but it still places the header zone (:func:`_headline`).

    >>> soup = BeautifulSoup("<h1 class=logo><a href=/>Le Site</a></h1><h1><a class="
    ...     "site-title href=/>Le Site</a></h1><h1 class=title>Le titre</h1>", "html.parser")
    >>> [_logo_h1(h) for h in soup.find_all("h1")]
    [True, True, False]
    """
    els = [h1]
    links = h1.find_all("a", limit=2)
    if len(links) == 1:
        els.append(links[0])
    if isinstance(h1.parent, Tag) and h1.parent.name == "a":
        els.append(h1.parent)
    for el in els:
        for value in _attr_values(el):
            joined = "-" + "-".join(_value_tokens(value)) + "-"
            if any(f"-{h}-" in joined for h in LOGO_HINTS):
                return True
    return False


def _header_zone(common: Tag, best: Tag) -> list[Tag]:
    """What precedes ``best`` inside ``common``: the article's header.

    At every level from ``common`` down to ``best``, the elements before the
    branch that leads to ``best`` (kicker, headline, standfirst, byline,
    date); what follows the article body (share bars, related links,
    comments) is not part of it.
    """
    path: list[Tag] = []
    node: Any = best
    while isinstance(node, Tag) and node is not common:
        path.append(node)
        node = node.parent
    zone: list[Tag] = []
    for branch in reversed(path):
        for sib in branch.find_previous_siblings():
            if isinstance(sib, Tag):
                zone.append(sib)
    return zone


def _zone_tail(h1: Tag, zone: list[Tag], stats: dict[int, tuple[int, int, int]]) -> frozenset[int]:
    """Blocks after the headline, inside the header-zone member that holds it, that are no
    header: more than ``MAIN_HEADLINE_BLOCK_MAX_CHARS`` characters with more than
    ``MAIN_LEAD_MAX_LINK_DENSITY`` of them in links.

    A page laid out in columns writes the headline, byline and date at the top of its left
    column (``<div class="sidebar"><h1>…</h1><div class="post-info">…</div><div>More
    stories …</div></div>``) and the body in the right one: the column precedes the body, so
    it is a member of the article's header zone (:func:`_header_zone`), kept whole. What
    follows the headline there at each level, when long and made of links (a list of other
    stories), is the column's, not the header's; a standfirst or a byline is short or has
    few links and stays.

    >>> cards = "".join(f"<p><a href=/s{i}>Another story about cars number {i}</a> 2019</p>"
    ...                 for i in range(20))
    >>> soup = BeautifulSoup("<div><div class=sidebar><h1>Title</h1><p>By X, May 1</p>"
    ...     f"<div id=more>{cards}</div></div><div id=body><p>Text.</p></div></div>",
    ...     "html.parser")
    >>> col = soup.find(class_="sidebar")
    >>> [soup.find(id="more")] == [el for el in col.find_all(True)
    ...     if id(el) in _zone_tail(soup.h1, [col], _measure(soup))]
    True
    """
    member = next((z for z in zone if z is not h1 and _under(h1, {id(z)})), None)
    if member is None:
        return frozenset()
    out: set[int] = set()
    node: Any = h1
    while isinstance(node, Tag) and node is not member:
        for sib in node.find_next_siblings():
            chars, link_chars, _ = stats.get(id(sib), (0, 0, 0))
            if (
                chars > MAIN_HEADLINE_BLOCK_MAX_CHARS
                and link_chars > MAIN_LEAD_MAX_LINK_DENSITY * chars
            ):
                out.add(id(sib))
        node = node.parent
    return frozenset(out)


#: A <blockquote> shorter than this (letters and digits) is never called a pull quote.
PULL_QUOTE_MIN_CHARS = 40
_NOT_LETTER = regex.compile(r"[\W_]+")


def _quote_box(el: Tag) -> bool:
    """A ``<blockquote>``, or an element whose class names a quote (``pullquote``,
    ``widget--type-quotation``, ``quote-box``): where a pull quote is set.

    >>> soup = BeautifulSoup("<div class='c-pullquote'>x</div><aside class='box'>y</aside>",
    ...                      "html.parser")
    >>> _quote_box(soup.div), _quote_box(soup.aside)
    (True, False)
    """
    return el.name == "blockquote" or "quot" in str(el.get("class", "")).lower()


def _letters_key(el: Tag, skip_quotes: bool) -> str:
    """The letters and digits of ``el``'s visible text, casefolded, nothing between them;
    with ``skip_quotes`` the text of quote boxes (:func:`_quote_box`) under ``el`` is left out.

    >>> soup = BeautifulSoup("<div><p>« Un mot », dit-il.</p><blockquote>Cité</blockquote>"
    ...                      "</div>", "html.parser")
    >>> _letters_key(soup.div, False), _letters_key(soup.div, True)
    ('unmotditilcité', 'unmotditil')
    """
    parts: list[str] = []
    stack: list[Any] = list(reversed(list(el.children)))
    while stack:
        node = stack.pop()
        if isinstance(node, Tag):
            if node.name in _INVISIBLE or (skip_quotes and _quote_box(node)):
                continue
            stack.extend(reversed(list(node.children)))
        elif type(node) is NavigableString:
            parts.append(str(node))
    return _NOT_LETTER.sub("", " ".join(parts)).casefold()


def _page_letters(top: Tag, spans: dict[int, tuple[int, int, int]], index: int = 0) -> str:
    """:func:`_letters_key` of ``top`` (``skip_quotes=False``: the letters and digits of its
    visible text, casefolded, nothing between them); ``spans`` gets, for ``top`` and each
    element under it (not under an invisible one), ``(index, start, end)``: its own key is
    ``[start:end]`` of that string. The key is cut per string (casefolding and the letter
    test read one character at a time), so the span is the same as the element's own key.

    >>> soup = BeautifulSoup("<div><p>« Un mot »</p><blockquote>Cité</blockquote></div>",
    ...                      "html.parser")
    >>> spans = {}
    >>> text = _page_letters(soup.div, spans)
    >>> text, spans[id(soup.blockquote)], _letters_key(soup.blockquote, False)
    ('unmotcité', (0, 5, 9), 'cité')
    """
    parts: list[str] = []
    pos = 0
    starts: dict[int, int] = {}
    stack: list[tuple[Any, bool]] = [(top, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            spans[id(node)] = (index, starts.pop(id(node)), pos)
        elif isinstance(node, Tag):
            if node is not top and node.name in _INVISIBLE:
                continue
            starts[id(node)] = pos
            stack.append((node, True))
            stack.extend((c, False) for c in reversed(node.contents))
        elif type(node) is NavigableString:
            letters = _NOT_LETTER.sub("", str(node)).casefold()
            parts.append(letters)
            pos += len(letters)
    return "".join(parts)


#: A heading shorter than this (letters and digits) is no headline copy (:func:`_crumb_copy`).
CRUMB_HEADLINE_MIN_CHARS = 20
#: A crumb ``<h1>`` of at least this many words is also a headline copy when another
#: heading holds all its words in another order or accented otherwise (:func:`_crumb_copy`).
CRUMB_HEADLINE_MIN_WORDS = 4
_HEADING_WORD = regex.compile(r"\w+")


def _folded_words(el: Tag) -> frozenset[str]:
    """The words of ``el``'s visible text, casefolded and without accents.

    >>> h2 = BeautifulSoup("<h2>„Arschloch“: Ennesto Monté</h2>", "html.parser").h2
    >>> sorted(_folded_words(h2))
    ['arschloch', 'ennesto', 'monte']
    """
    return frozenset(_HEADING_WORD.findall(_fold(el.get_text(" "))))


_HEADLINE_TAGS = ["h1", "h2", "h3"]
_HEADLINE_TAG_SET = frozenset(_HEADLINE_TAGS)


def _crumb_copy(nav: Tag, memo: dict[str, Any] | None = None) -> bool:
    """True for a breadcrumb (``<nav>``, or a ``breadcrumb`` class) whose ``<h1>`` — the
    last crumb, the page's own title — is said again by a heading outside every such box.

    Some sites write the page's ``<h1>`` as the last item of the breadcrumb bar and the
    article's headline as an ``<h2>`` in its header (with a kicker: "Onlineversand aus
    Fernost : Wie gefährlich …"): the bar then sits in the article's header zone and
    its crumbs and the headline came out twice. The copy may also say the same words in
    another order or with other accents (``<h1>Danni Büchner und Ennesto Monte trennen
    sich: "Arschloch"</h1>`` in the bar, ``<h2>„Arschloch“: Danni Büchner und Ennesto
    Monté trennen sich</h2>`` in the header): an ``<h1>`` of at least
    :data:`CRUMB_HEADLINE_MIN_WORDS` words all found in one other heading is a copy too.
    A bar whose ``<h1>`` is the only headline (no heading elsewhere repeats it) stays: it
    places the header. ``memo`` (one dict per page) remembers each element's first
    ``<h1>``, which headings are inside a ``<nav>``, and the verdict per ``<h1>`` (it reads
    only the ``<h1>`` and the page's headings): nested bars are not read once per bar.

    >>> page = ("<body><nav><ol><li>Wirtschaft</li><li><h1>Wie gefährlich Billigware aus China "
    ...         "ist</h1></li></ol></nav><article><h2>Fernost : Wie gefährlich Billigware aus "
    ...         "China ist</h2><p>Text</p></article></body>")
    >>> _crumb_copy(BeautifulSoup(page, "html.parser").nav)
    True
    >>> _crumb_copy(BeautifulSoup(page.replace("<h2>", "<h2>Autre ").replace(
    ...     "Wie gefährlich", "Comment", 1), "html.parser").nav)
    False
    """
    if memo is None:
        memo = {}
    h1 = _bottom_up(nav, memo.setdefault("h1", {}), _first_h1)
    if h1 is None:
        return False
    verdicts = memo.setdefault("verdict", {})
    if id(h1) not in verdicts:
        verdicts[id(h1)] = _crumb_verdict(nav, h1, memo)
    return bool(verdicts[id(h1)])


def _nav_tag(node: Tag) -> bool | None:
    """True for a ``<nav>`` (a :func:`_climb` decide)."""
    return True if node.name == "nav" else None


def _crumb_verdict(nav: Tag, h1: Tag, memo: dict[str, Any]) -> bool:
    """:func:`_crumb_copy` for the bar's first ``<h1>``.

    The page's headings outside every ``<nav>``, their letters and their words are
    remembered in ``memo`` once for the page (html25: each bar of thousands of nested ``<nav>``
    listed the page's headings and climbed from each to find its ``<nav>``)."""
    key = _letters_key(h1, skip_quotes=False)
    if len(key) < CRUMB_HEADLINE_MIN_CHARS:
        return False
    outside = memo.get("outside")
    if outside is None:
        root: Any = nav
        while isinstance(root.parent, Tag):
            root = root.parent
        in_nav = memo.setdefault("nav", {})
        outside = memo["outside"] = [
            [h, None, None] for h in _named(root, _HEADLINE_TAG_SET)
            if not _climb(h.parent, in_nav, _nav_tag, False)
        ]
    words: frozenset[str] | None = None
    for entry in outside:
        h = entry[0]
        if h is h1:
            continue
        if entry[1] is None:
            entry[1] = _letters_key(h, skip_quotes=False)
        if key in entry[1]:
            return True
        if words is None:
            words = _folded_words(h1)
        if len(words) >= CRUMB_HEADLINE_MIN_WORDS:
            if entry[2] is None:
                entry[2] = _folded_words(h)
            if words <= entry[2]:
                return True
    return False


def _compact_text(el: Tag, limit: int | None) -> str:
    """The visible text under ``el`` without any whitespace, cut at ``limit`` characters.

    Scripts, styles, comments and the head's title are not text.

    >>> soup = BeautifulSoup("<div><p>Un  mot</p><script>x = 1</script><p>deux</p></div>",
    ...                      "html.parser")
    >>> _compact_text(soup.div, None), _compact_text(soup.div, 4)
    ('Unmotdeux', 'Unmo')
    """
    parts: list[str] = []
    n = 0
    for s in el.descendants:
        if type(s) is not NavigableString or s.parent.name in _INVISIBLE:
            continue
        piece = "".join(s.split())
        if not piece:
            continue
        parts.append(piece)
        n += len(piece)
        if limit is not None and n >= limit:
            break
    text = "".join(parts)
    return text if limit is None else text[:limit]


def _compact_head(tag: Tag, memo: dict[int, Any]) -> str:
    """``_compact_text(tag, HIDDEN_COPY_SAMPLE_CHARS)`` from its children's remembered
    answers (a :func:`_bottom_up` combine): hidden elements nested thousands deep, with
    too little text for a sample, read their subtree once in all, not once each (html25).

    >>> soup = BeautifulSoup("<div><p>Un  mot</p><script>x = 1</script><p>deux</p></div>",
    ...                      "html.parser")
    >>> _bottom_up(soup.div, {}, _compact_head)
    'Unmotdeux'
    """
    parts: list[str] = []
    n = 0
    for c in tag.contents:
        if isinstance(c, Tag):
            piece = memo[id(c)]
        elif type(c) is NavigableString and tag.name not in _INVISIBLE:
            piece = "".join(c.split())
        else:
            continue
        if piece:
            parts.append(piece)
            n += len(piece)
            if n >= HIDDEN_COPY_SAMPLE_CHARS:
                break
    return "".join(parts)[:HIDDEN_COPY_SAMPLE_CHARS]


def _holders(
    body: Tag, stats: dict[int, tuple[int, int, int]], share: float = HINT_MAX_TEXT_SHARE,
    tags: list[Tag] | None = None,
) -> frozenset[int]:
    """Ids of the elements that hold the ``<h1>`` or at least ``share`` of the page's text.

    Such an element is the page, not furniture, whatever its tag or class says.
    Linear: each element is looked at once (one walk finds the holders of text and the
    ``<h1>``: ``tags``, the elements under ``body`` in document order, when the caller has
    them), each ancestor chain walked once.

    >>> soup = BeautifulSoup("<body><div class=ad-margins><h1>T</h1><p>Texte</p></div>"
    ...                      "<div class=ad>Pub</div></body>", "html.parser")
    >>> [d["class"] for d in soup.find_all("div") if id(d) in _holders(soup.body, _measure(soup))]
    [['ad-margins']]
    """
    floor = share * max(stats.get(id(body), (0, 0, 0))[0], 1)
    ids = set()
    h1s = []
    none = (0, 0, 0)
    for el in _tags(body) if tags is None else tags:
        if stats.get(id(el), none)[0] >= floor:
            ids.add(id(el))
        if el.name == "h1":
            h1s.append(el)
    boxed: dict[int, Any] = {}
    for h1 in h1s:
        if _boxed_h1(h1, body, ids, boxed) or _logo_h1(h1):
            continue  # the title of a paywall or newsletter box, a logo: they protect nothing
        node: Any = h1
        while isinstance(node, Tag) and node is not body:
            if id(node) in ids and node is not h1:
                break
            ids.add(id(node))
            node = node.parent
    return frozenset(ids)


#: schema.org's property of the article's body (``itemprop="articleBody"``), lowercased
ARTICLE_BODY_PROPERTY = "articlebody"
#: A selection inside the marked body gives way to it only when the marked body holds at
#: most this many times its words (on the dev pages: at most 1.34 times): a larger one is a
#: theme's wrapper of the whole page (sidebars, comments) marked as the body.
MARKED_BODY_MAX_GROWTH = 2.0


def main_content(
    body: Tag, stats: dict[int, tuple[int, int, int]] | None = None,
    tags: list[Tag] | None = None,
) -> list[Tag] | None:
    """The element(s) that hold the article, or None when the page has no single one.

    The voted selection (:func:`_voted_content`), widened to the element the page marks
    as the article's body (``itemprop="articleBody"``) when the selection lies inside it
    (:func:`_with_marked_body`). ``tags``: the elements under ``body`` in document order
    (``body.find_all(True)``), when the caller has them.

    >>> soup = BeautifulSoup("<body><div itemprop=articleBody><div><div><div><p>"
    ...     + "Un paragraphe de l'article, avec du texte. " * 12 + "</p></div></div></div>"
    ...     "<div><div><div><p>Une phrase courte.</p></div></div></div></div></body>",
    ...     "html.parser")
    >>> [el.get("itemprop") for el in main_content(soup.body)][-1]
    'articleBody'
    """
    if tags is None:
        tags = _tags(body)
    if stats is None:
        stats = _measure(body, tags)
    roots = _voted_content(body, stats, tags)
    marked = _marked_body(body, stats, tags)
    return roots if marked is None else _with_marked_body(roots, *marked)


def _marked_body(
    body: Tag, stats: dict[int, tuple[int, int, int]], tags: list[Tag] | None = None
) -> tuple[Tag, int] | None:
    """The one element marked ``itemprop="articleBody"`` (microdata) or
    ``property="articleBody"`` (RDFa), with its words, if it holds an article's prose.

    At least ``MAIN_MIN_WORDS`` words, at most ``MAIN_BLOCK_MAX_LINK_DENSITY`` of its text
    in links; a page that marks several elements (a listing of teasers) has none.

    >>> soup = BeautifulSoup("<div itemprop='articleBody'>" + "Du texte. " * 40 + "</div>",
    ...     "html.parser")
    >>> el, words = _marked_body(soup, _measure(soup))
    >>> el.name, words
    ('div', 80)
    """
    marked = [
        el
        for el in (_tags(body) if tags is None else tags)
        if el.attrs
        and (
            _names_article_body(el.attrs.get("itemprop"))
            or _names_article_body(el.attrs.get("property"))
        )
    ]
    if len(marked) != 1 or marked[0].name in ("html", "body", "head", "meta"):
        return None
    el = marked[0]
    chars, link_chars, _ = stats.get(id(el), (0, 0, 0))
    if not chars or link_chars > MAIN_BLOCK_MAX_LINK_DENSITY * chars:
        return None
    words = count_words(el.get_text(" "))
    return (el, words) if words >= MAIN_MIN_WORDS else None


def _names_article_body(value: Any) -> bool:
    """True when a microdata ``itemprop`` or RDFa ``property`` value names the article's body.

    >>> _names_article_body("articleBody"), _names_article_body("rnews:articlebody schema:x")
    (True, True)
    >>> _names_article_body("description")
    False
    """
    words = value.split() if isinstance(value, str) else list(value or ())
    return any(w.rsplit(":", 1)[-1].lower() == ARTICLE_BODY_PROPERTY for w in words)


def _with_marked_body(
    roots: list[Tag] | None, marked: Tag, marked_words: int | None = None
) -> list[Tag]:
    """The voted selection ``roots`` with the page's marked article body ``marked`` (of
    ``marked_words`` words, counted when not given).

    The mark joins a selection made inside it (the voted container stays first, so the
    headline and the header zone are placed as before): the body the page names is the
    article's, with the subheadings, short paragraphs and boxes that did not vote (the
    walk still drops the furniture inside it by its own rules), unless it holds more than
    ``MARKED_BODY_MAX_GROWTH`` times their words. A selection that holds ``marked`` stays
    as it is.

    >>> soup = BeautifulSoup("<div itemprop=articleBody><div id=a>" + "mot " * 100
    ...     + "</div><div id=b>" + "autre " * 30 + "</div></div>", "html.parser")
    >>> [e.get("id") or e.get("itemprop") for e in _with_marked_body([soup.find(id="a")], soup.div)]
    ['a', 'articleBody']
    >>> _ = soup.find(id="b").append("encore " * 300)
    >>> [e.get("id") for e in _with_marked_body([soup.find(id="a")], soup.div)]
    ['a']
    """
    if roots is None:
        return [marked]  # no voted selection: the body the page names
    if any(r is marked or _under(marked, {id(r)}) for r in roots):
        return roots
    inside = [r for r in roots if _under(r, {id(marked)})]
    if inside:
        chosen = sum(count_words(r.get_text(" ")) for r in inside)
        if marked_words is None:
            marked_words = count_words(marked.get_text(" "))
        if marked_words > MARKED_BODY_MAX_GROWTH * chosen:
            return roots  # a theme's wrapper of the whole page, marked as the body
        # the voted container stays first: the headline and the header zone (byline,
        # date) are still placed against it, as without the mark
        return [*roots, marked]
    # elsewhere, the mark joins first: the headline is placed against the body the page names
    return [marked, *roots]


def _voted_content(
    body: Tag, stats: dict[int, tuple[int, int, int]], tags: list[Tag] | None = None
) -> list[Tag] | None:
    """The element(s) that hold the article by the votes of prose blocks, or None.

    The container with the most votes of prose blocks (a readability-like
    score: words outside links, commas), plus those of its siblings that
    score nearly as well. None when it holds too little of the page's prose.

    >>> soup = BeautifulSoup("<body><div id=menu><a href=/>Accueil</a> <a href=/s>Sport</a></div>"
    ...     "<div id=art><p>" + "Un paragraphe de l'article, avec du texte. " * 8 + "</p><p>"
    ...     + "Un second paragraphe, plus court mais réel. " * 6 + "</p></div>"
    ...     "<div id=foot><p>Tous droits réservés, mentions légales et contact.</p></div></body>",
    ...     "html.parser")
    >>> [el.get("id") for el in main_content(soup.body)]
    ['art']
    """
    if tags is None:
        tags = _tags(body)
    counts = _prose_counts(body, tags)
    keep = _holders(body, stats, MAIN_KEEP_TEXT_SHARE, tags)
    linked = _link_wrapped(tags, counts)
    from_links: dict[int, float] = {}
    voting = _voting_blocks(body, keep, counts, tags)  # the one walk over the page
    votes, elements, blocks = _tally_votes(body, voting, linked=linked, from_links=from_links)
    skip = _card_voters(blocks, tags, stats)
    if skip:
        # the teaser cards' summaries do not vote, unless they are the page's prose (a
        # listing page keeps its items: it is then read as before)
        from_cards: dict[int, float] = {}
        without = _tally_votes(body, voting, skip, linked, from_cards)
        if sum(w for _, w in without[2]) >= CARD_STREAM_ARTICLE_MIN_WORDS:
            votes, elements, blocks = without
            from_links = from_cards
        else:
            skip = frozenset()
    if votes and _links_decide(votes, from_links):
        # the winner's votes are link text (a schedule bar, a widget): vote without it
        votes, elements, blocks = _tally_votes(body, voting, skip | linked)
    total = sum(w for _, w in blocks)
    if not votes or total <= 0:
        return None
    for key, el in elements.items():
        hint = _hint_kind(el)
        if hint is not None and hint[1] == "strong":
            votes[key] = 0.0
        elif hint is not None:
            votes[key] *= MAIN_WEAK_HINT_FACTOR
        elif _content_word(el):
            votes[key] *= MAIN_CONTENT_FACTOR
    best = elements[max(votes, key=votes.__getitem__)]
    if votes[id(best)] <= 0:
        return None  # every candidate is furniture
    while (
        isinstance(best.parent, Tag)
        and best.parent is not body
        and votes.get(id(best.parent), 0.0) >= MAIN_CLIMB_SHARE * votes.get(id(best), 0.0)
    ):
        best = best.parent
    if best is body or best.name in ("html", "body"):
        return None
    voters = {id(el) for el, _ in blocks}
    kept = [best]
    leads: list[Tag] = []
    parent = best.parent
    if isinstance(parent, Tag):
        floor = MAIN_SIBLING_SHARE * votes.get(id(best), 0.0)
        under = _voting_words_under(body, blocks, tags)
        before = True
        for sib in parent.find_all(recursive=False):
            if sib is best:
                before = False
                continue
            if votes.get(id(sib), 0.0) >= floor or (
                sib.name in _SIBLING_BLOCKS and (id(sib) in voters or sib.name[0] == "h")
            ):
                kept.append(sib)
            elif before and _lead_block(sib, under, stats):
                leads.append(sib)  # kept, but no proof that this is the article's container
    else:
        under = _voting_words_under(body, blocks, tags)
    kept += _repeated_components(best, kept)
    parents = {id(el.parent): el.parent for el in kept if isinstance(el.parent, Tag)}
    for holder in parents.values():
        kept += _wrapped_subheadings(holder, kept, stats)
    inside = sum(under.get(id(el), 0) for el in kept)
    if inside >= MAIN_MIN_SHARE * total:
        if inside < MAIN_MIN_WORDS:
            return None
        # a chosen cell of a layout table takes the table's other prose cells (only to
        # widen a selection made without them: a page of many cells is read whole)
        cells = _table_cells(best, under, MAIN_SIBLING_SHARE * under.get(id(best), 0), stats)
        ids = {id(el) for el in kept}
        return [*kept, *(c for c in cells if id(c) not in ids), *leads]
    # the prose is spread over sibling blocks that vote apart (one wrapper per paragraph,
    # page-builder sections): the lowest ancestor holding most of it, if it is mostly prose
    node = best.parent
    while isinstance(node, Tag) and node is not body and node.name not in ("html", "body"):
        held = under.get(id(node), 0)
        if held >= MAIN_MIN_SHARE * total:
            words = counts.get(id(node), (0, 0, 0))[0]
            if held >= MAIN_MIN_WORDS and held >= MAIN_SPREAD_MIN_PROSE * words:
                return [node]
            return None
        node = node.parent
    return None


#: The chosen container may sit this many elements below the table cell that holds it.
TABLE_CELL_LEVELS = 2


def _table_cells(
    best: Tag,
    under: dict[int, int],
    floor: float,
    stats: dict[int, tuple[int, int, int]],
) -> list[Tag]:
    """Other cells of the layout table that holds ``best``, when they hold prose too.

    Pages laid out with tables (2000s sites) split an article between cells of one
    table: the headline and first section in one row, the rest in the next. A cell
    of the same table whose voting prose (``under``: :func:`_voting_words_under`)
    reaches ``floor`` words and whose text is mostly outside links (not a menu or a
    teaser column) is part of the article.

    >>> prose = "Une phrase de l'article, avec assez de mots pour voter. " * 6
    >>> soup = BeautifulSoup(f"<table><tr><td><a href=/>Accueil</a></td><td id=a><p>{prose}"
    ...     f"</p></td></tr><tr><td></td><td><div id=b><p>{prose}</p><p>{prose}</p></div>"
    ...     "</td></tr></table>", "html.parser")
    >>> stats = _measure(soup)
    >>> _, _, blocks = _votes(soup, frozenset(), _prose_counts(soup))
    >>> under = _voting_words_under(soup, blocks)
    >>> [c.get("id") for c in _table_cells(soup.find(id="b"), under, 10, stats)]
    ['a']
    """
    cell: Any = best
    for _ in range(TABLE_CELL_LEVELS + 1):
        if not isinstance(cell, Tag) or cell.name in ("td", "th", "table", "body"):
            break
        cell = cell.parent
    if not isinstance(cell, Tag) or cell.name != "td":
        return []
    table = cell.find_parent("table")
    if table is None:
        return []
    out = []
    for other in table.find_all("td"):
        if other is cell or other.find_parent("table") is not table:
            continue
        chars, link_chars, _ = stats.get(id(other), (0, 0, 0))
        if (
            under.get(id(other), 0) >= floor
            and link_chars <= MAIN_LEAD_MAX_LINK_DENSITY * chars
            and not _under(best, {id(other)})
        ):
            out.append(other)
    return out


def _lead_block(el: Tag, under: dict[int, int], stats: dict[int, tuple[int, int, int]]) -> bool:
    """True when ``el``, a sibling before the article's container, is its lead (a standfirst).

    It holds voting prose (``under``: :func:`_voting_words_under`) and few links
    (``stats``: :func:`_measure`): a ``<div class="teaser-text"><p>…`` above the body,
    not a breadcrumb or a menu.

    >>> soup = BeautifulSoup("<div><div class=teaser><p>Un chapeau de l'article, assez long "
    ...     "pour voter.</p></div><div class=text><p>Corps.</p></div></div>", "html.parser")
    >>> body = soup.div
    >>> _, _, blocks = _votes(body)
    >>> _lead_block(body.div, _voting_words_under(body, blocks), _measure(body))
    True
    """
    if not under.get(id(el)):
        return False
    chars, link_chars, _ = stats.get(id(el), (0, 0, 0))
    return bool(chars) and link_chars <= MAIN_LEAD_MAX_LINK_DENSITY * chars


#: A subheading wrapped in a component of its own has at most this many characters.
WRAPPED_SUBHEADING_MAX_CHARS = 150


def _wrapped_subheadings(
    parent: Tag, kept: list[Tag], stats: dict[int, tuple[int, int, int]]
) -> list[Tag]:
    """Children of ``parent`` that only wrap a subheading between two kept blocks of the body.

    A component-built page writes each block of the article in a wrapper of its own
    (``<div data-component="text-block">`` per paragraph, ``<div
    data-component="subheadline-block"><h2>Which countries are members?</h2></div>``):
    the paragraphs' wrappers vote and are kept, the subheading's does not vote and went as
    outside the article. A wrapper whose whole text is one ``h2``–``h6`` of at most
    ``WRAPPED_SUBHEADING_MAX_CHARS`` characters, with no link and no furniture hint, lying
    after a kept block and followed by a kept block (the next sibling with text that is no
    picture with its caption), is the article's subheading. A box title followed by a list
    that goes ("À lire aussi" before a list of links) is not followed by a kept block and
    still goes.

    >>> soup = BeautifulSoup("<div><div class=t><p>Un.</p></div><div class=s><h2>Pourquoi ?"
    ...     "</h2></div><div class=t><p>Deux.</p></div><div class=s><h2>À lire</h2></div>"
    ...     "<ul><li><a href=/x>Autre</a></li></ul></div>", "html.parser")
    >>> kept = soup.div.find_all("div", class_="t")
    >>> [d.get_text() for d in _wrapped_subheadings(soup.div, kept, _measure(soup))]
    ['Pourquoi ?']
    """
    ids = {id(el) for el in kept}
    children = [c for c in parent.find_all(recursive=False)]
    out: list[Tag] = []
    seen_kept = False
    for i, sib in enumerate(children):
        if id(sib) in ids:
            seen_kept = True
            continue
        if not seen_kept or sib.name[0] == "h" or not _wraps_subheading(sib, stats):
            continue
        nxt = next((c for c in children[i + 1 :] if _text_block(c)), None)
        if nxt is not None and id(nxt) in ids:
            out.append(sib)
    return out


def _text_block(el: Tag) -> bool:
    """True when ``el`` has text and is no picture with its caption (``IMAGE_CAPTION_MAX_CHARS``).

    >>> _text_block(BeautifulSoup("<div><img src=a.jpg><p>Getty Images</p></div>",
    ...     "html.parser").div)
    False
    """
    text = el.get_text(strip=True)
    if not text:
        return False
    return len(text) > IMAGE_CAPTION_MAX_CHARS or el.find(["img", "picture", "figure"]) is None


def _wraps_subheading(el: Tag, stats: dict[int, tuple[int, int, int]]) -> bool:
    """True when ``el``'s whole text is one short unlinked ``h2``–``h6`` and ``el`` has no hint."""
    heads = _named(el, ARTICLE_HEADING_TAGS)
    if len(heads) != 1 or _hint_kind(el) is not None or _hint_kind(heads[0]) is not None:
        return False
    text = el.get_text(" ", strip=True)
    _, link_chars, _ = stats.get(id(el), (0, 0, 0))
    return (
        0 < len(text) <= WRAPPED_SUBHEADING_MAX_CHARS
        and link_chars == 0
        and heads[0].get_text(" ", strip=True) == text
    )


def _repeated_components(best: Tag, kept: list[Tag]) -> list[Tag]:
    """Siblings of ``best`` (``MAIN_COMPONENT_SELF``), of its parent and grandparent that
    repeat their tag and class.

    A CMS writes the article as a run of identical components (Drupal's
    ``<div class="field__item">`` per paragraph, one page-builder section per
    block, a blogging platform's ``<div class="section-inner">`` after each
    picture): the chosen one's like-named siblings are more of the same article,
    however few words they hold. Among ``best``'s own siblings, one with an id of its
    own is another part of the page (a grid's ``<div class="column" id="footer">``).

    >>> soup = BeautifulSoup("<div><div class=item><div class=text><p>a</p></div></div>"
    ...     "<div class=item><p>b</p></div><div class='item last'>c</div><div class=ad>d</div>"
    ...     "</div>", "html.parser")
    >>> best = soup.find("div", class_="text")
    >>> [d.get_text() for d in _repeated_components(best, [best])]
    ['b', 'c']
    >>> soup = BeautifulSoup("<div><div class=col id=body>a</div><div class=col>b</div>"
    ...     "<div class=col id=footer>c</div></div>", "html.parser")
    >>> [d.get_text() for d in _repeated_components(soup.div.div, [soup.div.div])]
    ['b']
    """
    seen = {id(el) for el in kept}
    out: list[Tag] = []
    node: Any = best if MAIN_COMPONENT_SELF else best.parent
    for _ in range(MAIN_COMPONENT_LEVELS + MAIN_COMPONENT_SELF):
        if not isinstance(node, Tag) or node.name in ("html", "body"):
            break
        parent = node.parent
        cls = node.get("class")
        own_id = node.get("id") if node is best else None
        if cls and isinstance(parent, Tag):
            for sib in parent.find_all(node.name, recursive=False):
                if (
                    sib is not node
                    and id(sib) not in seen
                    and _same_component(cls, sib)
                    and (node is not best or sib.get("id") in (None, own_id))
                ):
                    seen.add(id(sib))
                    out.append(sib)
        node = parent
    return out


def _same_component(cls: list[str], sib: Tag) -> bool:
    """True when ``sib``'s classes are ``cls``, or ``cls`` plus (or minus) positional classes.

    A CMS marks the first or last of a run of components with one more class
    (``cssSection cssItemLast``, ``item first``): still the same component; a
    ``section article-payant`` beside ``section`` is another one (a paywall box).

    >>> sib = BeautifulSoup("<div class='section cssItemLast'></div>", "html.parser").div
    >>> _same_component(["section"], sib), _same_component(["section", "paywall"], sib)
    (True, False)
    """
    other = sib.get("class") or []
    if isinstance(other, str):
        other = other.split()
    if other == cls:
        return True
    a, b = set(cls), set(other)
    if not (a and b) or not (a <= b or b <= a):
        return False
    return all(
        POSITIONAL_TOKENS.intersection(_value_tokens(extra)) for extra in a.symmetric_difference(b)
    )


def _stream_candidates(voters: list[Tag]) -> list[Tag]:
    """Elements with at least ``CARD_STREAM_MIN_CARDS`` children that hold one of the
    ``voters`` (the possible teaser streams). Each ancestor is climbed once (linear).

    >>> soup = BeautifulSoup("<ul>" + "<li><div><p>Texte</p></div></li>" * 3 + "</ul>",
    ...     "html.parser")
    >>> [el.name for el in _stream_candidates(soup.find_all("p"))]
    ['ul']
    """
    holders: dict[int, set[int]] = {}
    parents: dict[int, Tag] = {}
    for block in voters:
        node: Any = block
        while isinstance(node.parent, Tag):
            parent = node.parent
            seen = id(parent) in parents
            holders.setdefault(id(parent), set()).add(id(node))
            parents[id(parent)] = parent
            if seen:
                break  # (its ancestors were climbed from an earlier block)
            node = parent
    return [parents[k] for k, kids in holders.items() if len(kids) >= CARD_STREAM_MIN_CARDS]


def _card_voters(
    blocks: list[tuple[Tag, int]], tags: list[Tag], stats: dict[int, tuple[int, int, int]]
) -> frozenset[int]:
    """Ids of the voting ``blocks`` that lie in a teaser card (:func:`card_stream_cards`).

    >>> card = ('<li><h3><a href="/a{0}">Titre {0}</a></h3>'
    ...     '<p>Un résumé de la suite, en six mots.</p></li>')
    >>> soup = BeautifulSoup("<ul>" + "".join(card.format(i) for i in range(3)) + "</ul>"
    ...     "<p>Le texte de l'article, avec ses mots.</p>", "html.parser")
    >>> tags = _tags(soup)
    >>> _, _, blocks = _votes(soup, frozenset(), _prose_counts(soup, tags), tags)
    >>> len(blocks), len(_card_voters(blocks, tags, _measure(soup, tags)))
    (4, 3)
    """
    cards = card_stream_cards(tags, stats, [el for el, _ in blocks])
    if not cards:
        return frozenset()
    ids = {id(c) for c in cards}
    return frozenset(id(el) for el, _ in blocks if id(el) in ids or _under(el, ids))


def _voting_words_under(
    body: Tag, blocks: list[tuple[Tag, int]], tags: list[Tag] | None = None
) -> dict[int, int]:
    """Words of the voting blocks under every element (one bottom-up pass, linear).

    A voting block nested in another (an unclosed ``<p>``) counts once for each.
    """
    own: dict[int, int] = {}
    for el, w in blocks:
        own[id(el)] = own.get(id(el), 0) + w
    under: dict[int, int] = {}
    for el in (*reversed(_tags(body) if tags is None else tags), body):
        n = own.get(id(el), 0)
        for child in el.children:
            if isinstance(child, Tag):
                n += under.get(id(child), 0)
        if n:
            under[id(el)] = n
    return under


def _inside_link(el: Tag, stop: Tag) -> bool:
    """True when an ``<a href>`` between ``el`` and ``stop`` (excluded) holds ``el``.

    >>> soup = BeautifulSoup("<div><a href=/x><p>Texte</p></a><p>Autre</p></div>", "html.parser")
    >>> [_inside_link(p, soup.div) for p in soup.find_all("p")]
    [True, False]
    """
    node: Any = el.parent
    while isinstance(node, Tag) and node is not stop:
        if node.name == "a" and node.get("href"):
            return True
        node = node.parent
    return False


#: A card stream (:func:`card_stream_cards`): at least this many sibling cards ...
CARD_STREAM_MIN_CARDS = 3
#: ... making up at least this share of their parent's children that hold text ...
CARD_STREAM_MIN_SHARE = 0.8
#: ... each holding at most this many visible characters (a headline and a summary of two or
#: three sentences; an article's section is longer).
CARD_STREAM_MAX_CHARS = 1200
#: The cards' summaries stop voting only when the other voting blocks hold this many words
#: (an article's body): else the page is read as before (a listing page keeps its items;
#: readability's ``yahoo-2``, whose slideshow captions are headings, which never vote).
CARD_STREAM_ARTICLE_MIN_WORDS = 150
#: Text outside links allowed before a card's headline link (a kicker: "Science", "Sport").
CARD_KICKER_MAX_CHARS = 20
#: Tags of a card in a stream (a paragraph led by a link is prose of a roundup, not a card).
CARD_STREAM_TAGS = frozenset("li div article section".split())


def _leading_link(card: Tag, stats: dict[int, tuple[int, int, int]]) -> str | None:
    """The ``href`` of ``card``'s headline link: its first link, to another page (not
    ``#…``), before any text but a kicker of at most ``CARD_KICKER_MAX_CHARS`` characters
    (outside links), when the card holds a heading in a link (another story's headline).
    None otherwise.

    >>> soup = BeautifulSoup('<li><a href="/b"><img src=b.jpg></a>Sport<h3><a href="/b">Titre'
    ...     '</a></h3><p>Résumé.</p></li>', "html.parser")
    >>> _leading_link(soup.li, _measure(soup))
    '/b'
    >>> soup = BeautifulSoup("<li><h3>Titre</h3><p>Le texte.</p><a href=/b>suite</a></li>",
    ...     "html.parser")
    >>> _leading_link(soup.li, _measure(soup)) is None
    True
    """
    before = 0
    href = None
    for node in card.descendants:
        if isinstance(node, Tag) and node.name == "a" and "href" in node.attrs:
            href = str(node.get("href") or "").strip()
            break
        if type(node) in _TEXT_STRINGS:
            if node.parent is not None and node.parent.name in _INVISIBLE:
                continue
            before += len(node.strip())
            if before > CARD_KICKER_MAX_CHARS:
                return None
    if not href or href.startswith("#"):
        return None
    for h in card.find_all(_TEASER_HEADINGS):
        chars, link_chars, _ = stats.get(id(h), (0, 0, 0))
        if chars and (link_chars >= LINKED_HEADLINE_MIN_DENSITY * chars
                      or _parent_named(h, _A) is not None):
            return href
    return None


def card_stream_cards(
    tags: list[Tag], stats: dict[int, tuple[int, int, int]], voters: list[Tag] | None = None
) -> list[Tag]:
    """The cards of the page's teaser streams: runs of sibling blocks, each led by a link
    to another page (its headline) and short (a headline and a summary).

    A stream is an element with at least ``CARD_STREAM_MIN_CARDS`` such children of one
    tag (``CARD_STREAM_TAGS``), at least ``CARD_STREAM_MIN_SHARE`` of its children that
    hold text, each card of at most ``CARD_STREAM_MAX_CHARS`` characters and each
    headline link to another address. Each card's summary is prose, so that the stream
    out-votes the article beside it (readability's ``yahoo-3``: 24 cards); the items of
    a live blog or a list in an article are not led by links to other pages. ``voters``:
    when given, only the elements with ``CARD_STREAM_MIN_CARDS`` children holding one of
    these blocks are looked at (a card that does not vote changes no vote).

    >>> card = '<li><h3><a href="/a{0}">Titre {0}</a></h3><p>Un résumé de la suite.</p></li>'
    >>> soup = BeautifulSoup("<ul>" + "".join(card.format(i) for i in range(3)) + "</ul>"
    ...     "<ul><li><b>10 h 05</b> Le ministre parle. <a href=/m>Sa fiche</a></li>" * 3
    ...     + "</ul>", "html.parser")
    >>> tags = _tags(soup)
    >>> [c.h3.get_text() for c in card_stream_cards(tags, _measure(soup, tags))]
    ['Titre 0', 'Titre 1', 'Titre 2']
    """
    out: list[Tag] = []
    for el in tags if voters is None else _stream_candidates(voters):
        kids = [c for c in el.children if isinstance(c, Tag) and stats.get(id(c), (0,))[0]]
        if len(kids) < CARD_STREAM_MIN_CARDS:
            continue
        by_tag: dict[str, list[Tag]] = {}
        for c in kids:
            if c.name in CARD_STREAM_TAGS and stats[id(c)][0] <= CARD_STREAM_MAX_CHARS:
                by_tag.setdefault(c.name, []).append(c)
        for run in by_tag.values():
            if len(run) < max(CARD_STREAM_MIN_CARDS, CARD_STREAM_MIN_SHARE * len(kids)):
                continue
            heads = [_leading_link(c, stats) for c in run]
            cards = [c for c, h in zip(run, heads, strict=True) if h is not None]
            if (
                len(cards) >= max(CARD_STREAM_MIN_CARDS, CARD_STREAM_MIN_SHARE * len(kids))
                and len({h for h in heads if h is not None}) == len(cards)
            ):
                out += cards
    return out


class _Extractor:
    """Walks the tree, writes blocks, records dropped elements."""

    def __init__(
        self,
        html: str,
        src: _Source,
        stats: dict[int, tuple[int, int, int]],
        total_text: int,
        holders: frozenset[int] = frozenset(),
        *,
        site: str | None = None,
        tags: list[Tag] | None = None,
        polls: frozenset[int] = frozenset(),
    ) -> None:
        self.src = src
        self.stats = stats
        #: nodes under each element counted so far (_node_count, for _image_caption)
        self.node_counts: dict[int, int] = {}
        #: :func:`_hover_card`'s answers per inline ancestor (html25)
        self.sentence_words: dict[int, Any] = {}
        #: ids of the elements holding the <h1> or HINT_MAX_TEXT_SHARE of the text (_holders)
        self.holders = holders
        #: the elements under the page's body in document order (:func:`_tags`), when the
        #: caller listed them (the main-content selection reads them instead of walking)
        self.tags = tags
        self.total = max(total_text, 1)
        #: the blocks read: text, source span, and whether it is a ``<pre>`` block (its rows
        #: joined by line breaks, :func:`pre_text`)
        self.lines: list[tuple[str, tuple[int, int], bool]] = []
        self.buf: list[str] = []
        #: how many ``<pre>`` blocks the walk is inside (their text keeps its line breaks):
        #: ``PRE_TAGS`` elements and block elements whose style keeps the line breaks of
        #: their text (:func:`_pre_mode`); the ids of those that opened one
        self.pre_depth = 0
        self.pre_ids: set[int] = set()
        #: the white-space mode (:mod:`._whitespace`) of the innermost element that sets one,
        #: and the ids of those elements
        self.ws_modes: list[str] = []
        self.ws_ids: list[int] = []
        #: the block being read holds an inline element that keeps its line breaks (``<span
        #: style="white-space:pre">``): its other text is collapsed as it is read
        self.mixed = False
        #: a ``<plaintext>`` was read: a browser shows the rest of the document as its text
        self.plaintext = False
        self.buf_span: tuple[int, int] | None = None
        #: the source range of each text node in ``buf`` (keyed by its index) whose place
        #: in the source was found (:meth:`_Source.text_run`): the block's exact pieces
        self.buf_runs: dict[int, tuple[int, int]] = {}
        self.changes: list[Change] = []
        #: ids of the main-content roots and of their ancestors (empty: no selection)
        self.main_ids: set[int] = set()
        self.main_path: set[int] = set()
        #: ids of the article header zone's members (:func:`_header_zone`), among main_ids
        self.zone_ids: set[int] = set()
        #: one flag per heading element (``ARTICLE_HEADING_TAGS``) the walk is inside:
        #: is it the article's (see :meth:`_article_heading`)
        self.heading_stack: list[bool] = []
        #: texts of the article's subheadings (see :data:`ARTICLE_HEADING_TAGS`)
        self.headings: list[str] = []
        #: the page's own host (:func:`site_host`), to tell outbound lists of links
        self.site = site
        #: the page's visible text without whitespace (:meth:`_shown_elsewhere`, lazily)
        self.page_compact: str | None = None
        self.copy_tests = 0
        #: letters of a container's text outside its quote boxes (:meth:`_pull_quote`)
        self.unquoted: dict[int, str] = {}
        #: the letters of the quote boxes read (:func:`_page_letters`), and the span of each
        #: element under them in those strings: a box nested in another is read once
        self.letters: list[str] = []
        self.letter_spans: dict[int, tuple[int, int, int]] = {}
        #: answers remembered per element (keyed by ``id``) so that a page nested thousands
        #: deep is not read once per element (html23): the main-content root above it
        #: (:meth:`_pull_quote`), inside a link, inside the article (:meth:`_article_heading`),
        #: inside an article box (:meth:`_boxout`), sentences under it (:func:`_is_boxout`),
        #: its first ``<h1>`` and the breadcrumb verdict per ``<h1>`` (:func:`_crumb_copy`),
        #: its first two headings (:func:`_linked_headline_card`), prose outside links under
        #: it (:func:`_has_prose`)
        self.quote_root: dict[int, Any] = {}
        self.in_link: dict[int, Any] = {}
        self.in_article: dict[int, Any] = {}
        self.article_box: dict[int, Any] = {}
        self.sentences: dict[int, Any] = {}
        self.crumbs: dict[str, Any] = {}
        self.teaser_heads: dict[int, Any] = {}
        self.prose: dict[int, Any] = {}
        #: the start of the text under an element (:meth:`_shown_elsewhere`, html25)
        self.compact_heads: dict[int, Any] = {}
        #: an element's nearest block and the words under it (:func:`_edge_of_prose`, html25)
        self.inline_block: dict[int, Any] = {}
        self.word_parts: dict[int, Any] = {}
        #: ids of the lists that follow the headline inside a header-zone column
        #: (:func:`_zone_tail`)
        self.zone_tail: frozenset[int] = frozenset()
        #: ids of the page's reader polls and rating widgets (:func:`poll_boxes`)
        self.polls = polls

    def select_main(self, body: Tag, site_names: frozenset[str] = frozenset()) -> None:
        """Restrict the walk to the article container(s) and the headline.

        ``site_names``: texts of an ``<h1>`` that is the site's logo
        (:func:`site_name_texts`): the masthead that holds it is no article header."""
        roots = main_content(body, self.stats, self.tags)
        if not roots:
            return
        h1 = _headline(body, roots[0], self.tags)
        if isinstance(h1, Tag) and not _under(h1, {id(roots[0])}):
            # the article's header (kicker, headline, byline, date) sits beside its
            # body: widen to the element that holds both, unless that is the page
            logo = bool(site_names) and _site_key(h1.get_text(" ")) in site_names
            common = _common_ancestor(h1, roots[0])
            if common is not None and common is not body and common.name not in ("html", "body"):
                zone = _header_zone(common, roots[0])
                if logo:  # the site's logo: its masthead is no article header
                    zone = [z for z in zone if not _under(h1, {id(z)})]
                roots += zone
                self.zone_ids = {id(z) for z in zone}
                self.zone_tail = _zone_tail(h1, zone, self.stats)
            elif not logo and not _under(h1, {id(r) for r in roots}):
                roots.append(self._headline_block(h1))
        self.main_ids = {id(r) for r in roots}
        for r in roots:
            node = r.parent
            while isinstance(node, Tag):
                self.main_path.add(id(node))
                node = node.parent

    def _headline_block(self, h1: Tag) -> Tag:
        """The headline with its standfirst: ``h1``'s parent when small and few links, else h1.

        A hero banner (``<div class="hero-text"><h1>…</h1><p>standfirst</p>``) far
        from the body keeps its standfirst; a masthead full of links keeps only the h1.
        """
        parent = h1.parent
        if not isinstance(parent, Tag) or parent.name in _NO_HEADLINE_BLOCK:
            return h1
        chars, link_chars, _ = self.stats.get(id(parent), (0, 0, 0))
        if chars > MAIN_HEADLINE_BLOCK_MAX_CHARS or link_chars > MAIN_LEAD_MAX_LINK_DENSITY * chars:
            return h1
        return parent

    def flush(self) -> None:
        raw = "".join(self.buf)
        text = _WS.sub(" ", raw).strip()
        if text and photo_credit(text):
            s, e = self.buf_span or (0, 0)
            self.changes.append(
                Change(
                    "html",
                    "html_photo_credit",
                    (s, e),
                    self.src.html[s:e],
                    "",
                    f"a photo credit or a caption ending with its credit: {text[:60]!r}",
                )
            )
        elif text and (self.pre_depth or self.mixed):
            # a <pre> block: judged as one block like any other (the checks above read its
            # text collapsed), written with its rows (pre_text)
            self.lines.append((pre_text(raw), self.buf_span or (0, 0), True))
        elif text:
            if self.heading_stack and self.heading_stack[-1]:
                self.headings.append(text)
            span = _LineSpan(self.buf_span or (0, 0))
            span.pieces = line_pieces(self.src.html, self.buf, self.buf_runs, text)
            if span.pieces is None and self.buf_runs:
                # one inexact piece, over the element and every text found in the source
                # (the element of the first text alone left out the rest of the block)
                runs = self.buf_runs.values()
                span.pieces = [(min(span[0], *(a for a, _ in runs)),
                                max(span[1], *(b for _, b in runs)), len(text), False)]
            self.lines.append((text, span, False))
        self.buf = []
        self.buf_span = None
        self.buf_runs = {}
        self.mixed = False

    def _add_text(self, text: str) -> None:
        """Append a text node's ``text`` (white space included) as the innermost white-space
        mode shows it. Outside a ``<pre>`` block it goes as written (:meth:`flush`
        collapses the block's white space); inside one, a ``pre`` mode keeps it, a
        ``pre-line`` mode keeps the line breaks and collapses each run of spaces and tabs
        (none at the start or end of a row), a ``normal`` one collapses all of it."""
        mode = self.ws_modes[-1] if self.ws_modes else NORMAL
        if mode == PRE or not (self.pre_depth or self.mixed):
            self.buf.append(text)
            return
        if mode == PRE_LINE:
            text = _SPACES.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
            text = text.replace(" \n", "\n").replace("\n ", "\n")
        else:
            text = _WS.sub(" ", text)
        if text.startswith(" ") and (not self.buf or self.buf[-1].endswith("\n")):
            text = text[1:]  # a browser shows no collapsed space at the start of a row
        if text:
            self.buf.append(text)

    def _open_pre(self, node: Tag, name: str) -> bool:
        """Enter ``node``'s white-space mode (:func:`_pre_mode`); True when it opens a
        ``<pre>`` block (a block element whose rows the walk keeps)."""
        mode = _pre_mode(node, name)
        if mode is None or (mode == NORMAL and not (self.pre_depth or self.mixed)):
            return False
        self.ws_modes.append(mode)
        self.ws_ids.append(id(node))
        if mode == NORMAL:
            return False
        if name not in BLOCK_TAGS:
            if not (self.pre_depth or self.mixed):
                # an inline element keeps its line breaks: the block's text read so far
                # (and what follows) is collapsed now, its own text keeps its rows
                self.buf = [_WS.sub(" ", "".join(self.buf)).lstrip()] if self.buf else []
                self.mixed = True
            return False
        if not self.pre_depth:
            self.flush()
        self.pre_depth += 1
        self.pre_ids.add(id(node))
        return True

    def _raw_text(self, node: Tag, name: str) -> bool:
        """Read a raw-text element (``RAW_TEXT_PRE_TAGS``) from the source, as a browser
        shows it: ``html.parser`` parses an ``<xmp>``'s content as markup (its tags become
        elements, its references characters), a browser shows it as written; a
        ``<plaintext>`` has no end: the rest of the document is its text. False when the
        element's source is not found (its parsed children are then read)."""
        s, e = self.src.span(node)
        html = self.src.html
        open_end = html.find(">", s) + 1
        if s == e or not open_end or open_end > e:
            return False
        if name == "plaintext":
            end = len(html)
            self.plaintext = True
        else:
            end = self.src.low.rfind("</" + name, open_end, e)
            end = e if end < 0 else end
        if self.buf_span is None:
            self.buf_span = (s, end)
        self._add_text(html[open_end:end])
        return True

    def _pre_break(self, hard: bool) -> None:
        """A line break inside a ``<pre>``: a ``<br>`` always makes one (two make a blank
        row); another block element inside it (a ``<div>`` per line of a highlighter, a
        table) starts a row unless the text already ends one, and the spaces written
        between such blocks since the last break make no row of their own."""
        buf = self.buf
        if hard:
            buf.append("\n")
            return
        while buf and not buf[-1].strip():
            tail = buf[-1].rstrip(_PRE_INDENT)
            if tail:
                buf[-1] = tail
                break
            buf.pop()
        if buf and not buf[-1].endswith(("\n", "\r")):
            buf.append("\n")

    def drop(self, el: Tag, rule: str, reason: str) -> None:
        s, e = self.src.span(el)
        self.changes.append(Change("html", rule, (s, e), self.src.html[s:e], "", reason))

    def drop_outside(self, el: Tag) -> None:
        """Drop an element outside the article, under the most telling rule."""
        name = (el.name or "").lower()
        hint = _hint(el)
        if name in DROP_TAGS and name not in _SILENT_DROPS:
            self.drop(el, f"html_{name}", f"<{name}> element: {DROP_TAGS[name]}")
        elif _hidden(el):
            self.drop(el, "html_hidden", "element hidden from readers (hidden / display:none)")
        elif hint:
            self.drop(
                el, "html_class_hint", f"element whose class or id says '{hint}' (page furniture)"
            )
        else:
            self.drop(
                el,
                "html_outside_main",
                "outside the article's container (the block of the page that holds its "
                "prose): menus, sidebars, teasers, footer",
            )

    def link_block(self, el: Tag) -> tuple[str, str] | None:
        """(rule, reason) when ``el`` is a list of links or a "read also" line."""
        if id(el) in self.main_ids or id(el) in self.main_path:
            return None
        chars, link_chars, links = self.stats.get(id(el), (0, 0, 0))
        if not chars or not links:
            return None
        density = link_chars / chars
        if el.name in ARTICLE_HEADING_TAGS:
            if links == 1 and _labelled_link_heading(el, self.site):
                return (
                    "html_link_line",
                    "a heading made of a label and one link to another page of the site "
                    "('Mire: <headline>'): a 'read also' line set as a heading",
                )
            return None
        if el.name == "span":
            if chars <= LINK_LINE_MAX_CHARS or not _hover_card(el, self.sentence_words):
                return None  # a link or two of a sentence; a span that is a whole block
        elif el.name not in _LINK_BLOCKS or (el.name == "article" and not _leads_away(el)):
            return None
        if _tag_list(el, self.stats, self.site):
            return (
                "html_link_list",
                f"a list of {links} links to the site's tag pages: the article's topics",
            )
        if (
            density >= LINK_LIST_MIN_DENSITY
            and TITLED_LIST_MIN_LINKS <= links < LINK_LIST_MIN_LINKS
            and self._titled_link_items(el)
            and self._small(el)
            and not (self.main_ids and _outbound_list(el, self.site))
        ):
            return (
                "html_link_list",
                f"a list of {links} links under a list title, each item one link: "
                "other stories of the site ('À découvrir', 'Recommended')",
            )
        if density >= LINK_LIST_MIN_DENSITY and links >= LINK_LIST_MIN_LINKS:
            if not (self._small(el) or self._widget_in_article(el)) or self._holds_prose(el):
                return None
            if self.main_ids and _outbound_list(el, self.site):
                return None  # in the article: its list of sources or products
            return (
                "html_link_list",
                f"a list of links ({links} links, {density:.0%} of its text inside links): "
                "related articles, tags, a menu",
            )
        if density >= LINK_LINE_MIN_DENSITY and chars <= LINK_LINE_MAX_CHARS and el.name != "nav":
            if (
                el.find("h1") is not None
                or (el.find("img") is not None and not _teaser_card(el))
                or _cited_address(el)
                or _runs_into_link(el)
                or _holds_share_quote(el)
            ):
                return None
            return (
                "html_link_line",
                f"a short block that is mostly a link ({density:.0%} of its text): "
                "a 'read also' line or a teaser",
            )
        if (
            links == 1
            and link_chars >= LINKED_HEADLINE_MIN_DENSITY * chars
            and el.name != "nav"
            and _teaser_card(el)
            and _leads_away(el)
            and count_words(el.get_text(" ")) <= TEASER_CARD_MAX_WORDS
        ):
            return (
                "html_link_line",
                f"a card written inside one link around a heading ({density:.0%} of its text "
                "in the link): another story's teaser (headline and summary)",
            )
        return None

    def _titled_link_items(self, el: Tag) -> bool:
        """True when ``el`` is a list whose every item is one link, right under a list
        title: a short text block without links, no digit, at most ``LIST_TITLE_MAX_WORDS``
        words (a script, button or other ``DROP_TAGS`` element without visible text between
        them does not count: a carousel's arrows).

        Two other stories under "À découvrir" or "Recommended from Editorial" are a box of
        links like three; an article's own list of two links has no such title (a
        subheading above it is a heading of the article, and its links are sentences).

        >>> soup = BeautifulSoup('<div><div>À découvrir</div><ul><li><a href=/a>Une autre '
        ...     'histoire du jour</a></li><li><a href=/b>Suivez la guerre sur notre '
        ...     'application</a></li></ul></div>', "html.parser")
        >>> ex = _Extractor("", _Source(""), _measure(soup), 1)
        >>> ex._titled_link_items(soup.ul)
        True
        >>> soup.div.div.string = "Le 2 mai"
        >>> ex._titled_link_items(soup.ul)
        False
        """
        if el.name not in ("ul", "ol"):
            return False
        items = 0
        for li in el.find_all("li", recursive=False):
            chars, link_chars, links = self.stats.get(id(li), (0, 0, 0))
            if not chars:
                continue
            if links != 1 or link_chars < chars:
                return False
            items += 1
        if items < TITLED_LIST_MIN_LINKS:
            return False
        prev = self._beside(el, _prev_tag)
        return prev is not None and self._title_shaped(prev) and _plain_label(prev)

    def _title_shaped(self, el: Tag) -> bool:
        """True when ``el`` has a list title's shape: a heading or a ``p`` / ``div`` /
        ``span`` / ``strong`` with visible text, no link, at most ``LIST_TITLE_MAX_CHARS``
        characters."""
        chars, _, links = self.stats.get(id(el), (0, 0, 0))
        return (
            bool(chars) and not links and chars <= LIST_TITLE_MAX_CHARS
            and (el.name in _LIST_TITLE_TAGS or el.name in ("p", "div", "span", "strong"))
        )

    def _beside(self, el: Tag, step) -> Tag | None:
        """The element beside ``el`` (``step``: :func:`_next_tag` or :func:`_prev_tag`), past
        ``DROP_TAGS`` elements without visible text (a carousel's buttons between a list
        title and its list)."""
        node = step(el)
        while node is not None and node.name in DROP_TAGS and not self._shows_text(node):
            node = step(node)
        return node

    def _shows_text(self, el: Tag) -> bool:
        """True when ``el`` has visible text (``_measure``'s characters)."""
        return bool(self.stats.get(id(el), (0, 0, 0))[0])

    def _linked_box(self, el: Tag) -> bool:
        """A strongly hinted box whose text is mostly one or more links: another story's
        card (WordPress's ``<blockquote class="wp-embedded-content">`` of a post).

        >>> soup = BeautifulSoup('<blockquote class="wp-embedded-content"><p><a href=/x>'
        ...     'Une autre histoire</a></p></blockquote>', "html.parser")
        >>> ex = _Extractor("", _Source(""), _measure(soup), 1)
        >>> ex._linked_box(soup.blockquote)
        True
        """
        hint = _hint_kind(el)
        chars, link_chars, links = self.stats.get(id(el), (0, 0, 0))
        return (
            hint is not None
            and hint[1] == "strong"
            and links > 0
            and link_chars >= LINK_LINE_MIN_DENSITY * chars
            and chars <= LINK_LINE_MAX_CHARS
        )

    def _holds_prose(self, el: Tag) -> bool:
        """True when a paragraph under ``el`` has many characters outside links.

        A paragraph written inside a link (a teaser card wrapped whole in ``<a href>``:
        headline, summary, time) is link text, not prose.

        >>> soup = BeautifulSoup("<div><a href=/a><h2>Autre</h2><p>" + "Résumé d'un autre "
        ...     "article. " * 8 + "</p></a></div>", "html.parser")
        >>> ex = _Extractor("", _Source(""), _measure(soup), 1)
        >>> ex._holds_prose(soup.div)
        False
        """
        paragraphs = _named(el, _PARAGRAPH_TAGS)
        if el.name in _PARAGRAPH_TAGS:
            # the paragraph's own sentences count too: a sentence of the article whose
            # name links open hover cards full of links (``<p>… Rep. <span><a>Name</a>
            # <span class="rollover-block"><a>…</a>×4</span></span> (D-Minn.), …</p>``)
            paragraphs.append(el)
        for p in paragraphs:
            chars, link_chars, _ = self.stats.get(id(p), (0, 0, 0))
            if chars - link_chars >= LINK_LIST_PROSE_CHARS and not _inside_link(p, el):
                return True
        return False

    def list_title(self, el: Tag) -> tuple[str, str] | None:
        """(rule, reason) when ``el`` is the title of the list of links right after it."""
        if id(el) in self.main_ids or id(el) in self.main_path:
            return None
        if not self._title_shaped(el):
            return None
        nxt = self._beside(el, _next_tag)
        if nxt is None:
            return None
        verdict = self.link_block(nxt)
        if verdict is None and _hint_kind(nxt) is not None:
            if _linked_headline_card(nxt, self.stats, self.teaser_heads) or self._linked_box(nxt):
                verdict = ("html_link_line", "")  # a hinted card of another story
        if verdict is None or not (
            verdict[0] == "html_link_list"
            or (
                verdict[0] == "html_link_line"
                and (_teaser_card(nxt) or not verdict[1] or _LABEL_COLON.search(el.get_text()))
            )
        ):
            # (a single teaser card counts: "See also" above one other story; so does a
            # label ending with a colon above one "read also" link: "Lue myös:")
            return None
        if el.name not in _LIST_TITLE_TAGS and not _plain_label(el):
            return None  # a date line or a byline above a share bar is no list title
        return (
            "html_link_list_title",
            "the title of the list of links that follows it ('Read also', 'Related')",
        )

    def walk(self, root: Tag) -> None:
        """Depth-first walk without recursion (deeply nested pages must not overflow)."""
        inside0 = not self.main_ids
        stack: list[tuple[bool, object, bool]] = [
            (False, c, inside0) for c in reversed(list(root.children))
        ]
        while stack:
            leaving, node, inside = stack.pop()
            if leaving:
                assert isinstance(node, Tag)
                opened = id(node) in self.pre_ids
                if self.pre_depth and (opened or node.name in BLOCK_TAGS):
                    if opened and self.pre_depth == 1:
                        self.flush()  # the end of the outermost <pre>: its rows as one block
                    elif node.name != "br":
                        self._pre_break(False)  # a block inside a <pre> ends a row
                    if opened:
                        self.pre_ids.discard(id(node))
                        self.pre_depth -= 1
                elif node.name in BLOCK_TAGS:
                    self.flush()  # end of a block element
                if self.ws_ids and self.ws_ids[-1] == id(node):
                    self.ws_ids.pop()
                    self.ws_modes.pop()
                if node.name in ARTICLE_HEADING_TAGS:
                    self.heading_stack.pop()
                continue
            if isinstance(node, (Comment, Doctype)) or self.plaintext:
                continue
            if not inside:
                if isinstance(node, Tag) and id(node) in self.main_ids:
                    inside = True
                elif not (isinstance(node, Tag) and id(node) in self.main_path):
                    if isinstance(node, Tag) and node.get_text().strip():
                        self.drop_outside(node)
                    continue
            if isinstance(node, NavigableString):
                if type(node) is not NavigableString:
                    continue  # CData, ProcessingInstruction, Declaration …
                text = str(node)
                if text.strip():
                    if self.buf_span is None and isinstance(node.parent, Tag):
                        # alignment only: a bounded search keeps big pages linear
                        self.buf_span = self.src.span(node.parent, ALIGN_WINDOW)
                    if not (self.pre_depth or self.mixed):  # (appended as it is: one entry)
                        run = self.src.text_run(node, text)
                        if run is not None:
                            self.buf_runs[len(self.buf)] = run
                    self._add_text(text)
                elif self.pre_depth or self.mixed:
                    # inside a <pre>, spaces and line breaks between tags are its layout
                    # (not between the parts of a table: a browser shows none of those)
                    if text and getattr(node.parent, "name", None) not in _TABLE_PARTS:
                        self._add_text(text)
                elif text:
                    self.buf.append(" ")
                continue
            if not isinstance(node, Tag):
                continue
            name = (node.name or "").lower()
            protected = id(node) in self.main_path or id(node) in self.main_ids
            # a member of the article's header zone is kept as a whole, but not a strong
            # furniture box among them (breadcrumbs, a share bar before the body)
            zone_box = id(node) in self.zone_ids and id(node) not in self.main_path
            if (name == "nav" or "readcrumb" in str(node.get("class", ""))) and _crumb_copy(
                node, self.crumbs
            ):
                self.drop(
                    node,
                    "html_breadcrumb",
                    "a breadcrumb whose last item (the page's <h1>) repeats the headline the "
                    "article's header gives again below",
                )
                continue
            if name == "aside" and self._boxout(node):
                pass  # a fact box inside the article: let the text rules judge it
            elif name in _WRAPPER_TAGS and (
                (protected and not (zone_box and name in ZONE_DROP_TAGS)) or not self._small(node)
            ):
                pass  # a <form> around the whole page (ASP.NET) holds the article
            elif name in DROP_TAGS:
                if name not in _SILENT_DROPS:
                    self.drop(node, f"html_{name}", f"<{name}> element: {DROP_TAGS[name]}")
                continue
            if id(node) in self.zone_tail:
                self.drop(
                    node,
                    "html_outside_main",
                    "after the headline in the column that holds it, a block of many links "
                    "(other stories, a finder): the column's furniture, not the article's header",
                )
                continue
            if _hidden(node) and not protected and self._small(node) and not _gated_text(node):
                # (a page hidden whole until a script shows it keeps its text)
                self.drop(
                    node, "html_hidden", "element hidden from readers (hidden / display:none)"
                )
                continue
            if _hidden(node) and id(node) not in self.main_path and self._shown_elsewhere(node):
                # a big hidden copy of the article (schema.org block, paywall copy)
                self.drop(
                    node,
                    "html_hidden",
                    "element hidden from readers whose text the page shows elsewhere (a copy)",
                )
                continue
            hint = (
                None if (protected and not zone_box) or _embedded_post(node) else _hint_kind(node)
            )
            if zone_box and hint is not None and hint[1] != "strong":
                hint = None
            if (
                hint
                and self._small(node)
                and not (
                    hint[1] != "strong"
                    # prose saves a weak box only outside links: a video player whose text is
                    # the link over its still, a list of teaser cards, hold other stories'
                    # words inside links (html21)
                    and _has_prose(node, links=False, memo=(self.in_link, self.prose))
                    and not _linked_headline_card(node, self.stats, self.teaser_heads)
                )
                # (an inline element of a sentence first: read at once, while the test of
                # a wrapped article reads the element's subtree, each of a nested chain)
                and not _in_running_text(node, (self.inline_block, self.word_parts))
                and (
                    _consent(node)
                    or not _wraps_article(node, self.stats, (self.in_link, self.prose))
                )
            ):
                what = (
                    "a meta line (tools, rating, category)"
                    if hint[1] == "meta"
                    else "page furniture"
                )
                self.drop(
                    node,
                    "html_class_hint",
                    f"element whose class or id says '{hint[0]}' ({what})",
                )
                continue
            if id(node) in self.polls and not protected:
                self.drop(
                    node,
                    "html_poll",
                    "a reader poll, quiz or rating: radio buttons with their answers and a "
                    "short question",
                )
                continue
            if not protected and name in _CAPTION_TAGS and _image_caption(
                    node, self.stats, self.node_counts):
                self.drop(
                    node,
                    "html_image_caption",
                    "a photo caption without <figcaption> (repeats the picture's alt text, or "
                    "sits alone with the picture)",
                )
                continue
            verdict = None if protected else (self.link_block(node) or self.list_title(node))
            if verdict is not None:
                self.drop(node, *verdict)
                continue
            call = (
                None
                if protected
                else _call_to_action(node, self.stats, self.site, self._small(node))
            )
            if call is not None:
                self.drop(
                    node,
                    "html_call_to_action",
                    "a short paragraph whose links all go to the site's sign-up pages or own "
                    "social / app-store accounts: a call to subscribe or follow"
                    if call == "paragraph"
                    else "a short box of sentences that ends with one button to subscribe, "
                    "join or give: an appeal for the reader's support",
                )
                continue
            if _quote_box(node) and self._pull_quote(node):
                self.drop(
                    node,
                    "html_pull_quote",
                    "a <blockquote> whose words the article's own paragraphs already say: a "
                    "pull quote (the same sentence set large beside the text)",
                )
                continue
            if name == "img":
                continue
            if name in ("td", "th") and not (
                self.pre_depth and (not self.buf or self.buf[-1].endswith("\n"))
            ):
                self.buf.append(" ")  # (a cell that starts a <pre> row adds no space)
            block = name in BLOCK_TAGS
            if block:
                if self.pre_depth:
                    self._pre_break(name == "br")  # a row of the <pre>, not a new block
                else:
                    self.flush()
            if block or node.attrs:
                self._open_pre(node, name)  # its white-space mode (a <pre> block opens)
            if block or (self.ws_ids and self.ws_ids[-1] == id(node)):
                stack.append((True, node, inside))
                if name in ARTICLE_HEADING_TAGS:
                    self.heading_stack.append(self._article_heading(node))
            if name in RAW_TEXT_PRE_TAGS and self._raw_text(node, name):
                continue  # its content read from the source, as a browser shows it
            stack.extend((False, c, inside) for c in reversed(list(node.children)))

    def _article_heading(self, el: Tag) -> bool:
        """A heading of the article: in the chosen container (or, with none chosen, under an
        element that says it is the article), and not a link: a heading written inside a
        link or made of one is a teaser's headline (``<a href><h4>Other story</h4></a>``)."""
        chars, link_chars, _ = self.stats.get(id(el), (0, 0, 0))
        if link_chars * 2 > chars or _climb(el.parent, self.in_link, _link_tag, False):
            return False
        return bool(self.main_ids) or _in_article(el, self.in_article)

    def _in_article_box(self, node: Tag) -> bool | None:
        """:meth:`_boxout`'s test of one ancestor (a :func:`_climb` decide)."""
        return True if node.name == "article" or id(node) in self.main_ids else None

    def _main_root(self, node: Tag) -> Tag | None:
        """:meth:`_pull_quote`'s test of one element on the way up (a :func:`_climb`
        decide): a main-content root, or the top of the tree."""
        return node if id(node) in self.main_ids or not isinstance(node.parent, Tag) else None

    def _boxout(self, el: Tag) -> bool:
        """An <aside> fact box: sentences, and no furniture hint unless it sits in the
        article (``<article>`` or the chosen container): a sidebar column with text widgets
        is no fact box, a ``sidebar-box`` of figures inside the article is."""
        if _hint_kind(el) is not None and not _climb(
            el.parent, self.article_box, self._in_article_box, False
        ):
            return False
        return _is_boxout(el, self.sentences)

    def _shown_elsewhere(self, el: Tag) -> bool:
        """True when the start of ``el``'s text is also shown outside it on the page.

        For big hidden elements only (small ones go anyway): a ``display:none``
        block that repeats the article (``<div style="display:none" itemscope>`` with
        the headline and ``articleBody``, ``<div class="o-paywall" style="display:none">``)
        is a copy; a page hidden whole until a script shows it has no second copy and
        keeps its text. Text is compared without whitespace, scripts and styles; at
        most ``HIDDEN_COPY_MAX_TESTS`` elements per page are compared.

        >>> art = "<p>" + "Le texte visible de l'article, assez long pour compter. " * 4 + "</p>"
        >>> soup = BeautifulSoup("<body><div>" + art + "</div><div id=c style='display:none'>"
        ...                      + art + "</div></body>", "html.parser")
        >>> ex = _Extractor("", _Source(""), {}, 1)
        >>> ex._shown_elsewhere(soup.find(id="c"))
        True
        >>> ex._shown_elsewhere(soup.div)  # the visible copy is there once in the page
        True
        >>> soup = BeautifulSoup("<body><div id=c style='display:none'>" + art + "</div></body>",
        ...                      "html.parser")
        >>> _Extractor("", _Source(""), {}, 1)._shown_elsewhere(soup.find(id="c"))
        False
        """
        if self.copy_tests >= HIDDEN_COPY_MAX_TESTS:
            return False
        sample = _bottom_up(el, self.compact_heads, _compact_head)
        if len(sample) < HIDDEN_COPY_SAMPLE_CHARS:
            return False
        self.copy_tests += 1
        if self.page_compact is None:
            root: Any = el
            while isinstance(root.parent, Tag):
                root = root.parent
            self.page_compact = _compact_text(root, None)
        first = self.page_compact.find(sample)
        return first >= 0 and self.page_compact.find(sample, first + 1) >= 0

    def _pull_quote(self, el: Tag) -> bool:
        """True for a quote box (:func:`_quote_box`) that repeats a sentence of the article.

        Magazines set a sentence of the article large beside it (a pull quote, an
        "exergue"): the reader meets it twice. The quote's letters and digits
        (casefolded, at least ``PULL_QUOTE_MIN_CHARS``; quotation marks, spaces and
        punctuation do not count) must occur in the text of the article container outside
        every quote box: a quotation the article makes once stays, and so does one whose
        other copy is only in another quote. A quote box that is the container stays.

        >>> body = ("<article><p>Il a dit : « La mer est généreuse, elle peut reconstituer "
        ...         "ses ressources. » Puis il est parti.</p><blockquote>La mer est "
        ...         "généreuse, elle peut reconstituer ses ressources.</blockquote>"
        ...         "<blockquote>Une citation que l'article ne donne qu'une fois, ici."
        ...         "</blockquote></article>")
        >>> soup = BeautifulSoup(body, "html.parser")
        >>> ex = _Extractor("", _Source(""), {}, 1)
        >>> [ex._pull_quote(q) for q in soup.find_all("blockquote")]
        [True, False]
        """
        span = self.letter_spans.get(id(el))
        if span is None:  # (a box not inside one read before: read it, and the boxes in it)
            self.letters.append(_page_letters(el, self.letter_spans, len(self.letters)))
            span = self.letter_spans[id(el)]
        size = span[2] - span[1]
        if size < PULL_QUOTE_MIN_CHARS:
            return False
        root = _climb(el, self.quote_root, self._main_root, None)
        if root is el:
            return False
        text = self.unquoted.get(id(root))
        if text is None:
            text = self.unquoted[id(root)] = _letters_key(root, skip_quotes=True)
        if size > len(text):
            return False  # (a longer key cannot be in it: nested boxes are not sliced)
        return self.letters[span[0]][span[1]:span[2]] in text

    def _widget_in_article(self, el: Tag) -> bool:
        """True when ``el``, one of the page's big elements by its text only, lies inside
        the article's chosen container beside its body and holds no ``<h1>``: a widget of
        links (a schedule bar, a list of events) that is most of a short article's page.

        The check :meth:`_small` makes protects the page from a big element taken for
        furniture; once an article container is chosen elsewhere (this element is no
        ancestor of it), a list of links this big is still a list of links. VG (gold set's
        dev part) writes an Olympic schedule of 150 linked events (1,018 words) in the
        article's ``<header>``, above a 105-word article.

        >>> links = "".join(f"<a href=/e{i}>Event {i}, final</a>" for i in range(30))
        >>> soup = BeautifulSoup(f"<article><header><div id=bar>{links}</div><h1>T</h1>"
        ...     "</header><p>Short article text.</p></article>", "html.parser")
        >>> stats = _measure(soup)
        >>> ex = _Extractor("", _Source(""), stats, 1, holders=_holders(soup, stats))
        >>> bar = soup.find(id="bar")
        >>> ex._small(bar), ex._widget_in_article(bar)
        (False, False)
        >>> ex.main_ids = {id(soup.header), id(soup.p)}
        >>> ex._widget_in_article(bar)
        True
        """
        return (
            bool(self.main_ids)
            and el.name not in ("body", "html", "main", "article")
            and id(el) not in self.main_path
            and el.find("h1") is None
        )

    def _small(self, el: Tag) -> bool:
        """False for the page's big elements: body, main, article, what holds the <h1> or
        ``HINT_MAX_TEXT_SHARE`` of the text (constant time: :func:`_holders` precomputed)."""
        return el.name not in ("body", "html", "main", "article") and id(el) not in self.holders


_TITLE_SEP = regex.compile(r"\s+[-|–—•·:]\s+")


def site_name(soup_md: dict[str, Any]) -> str | None:
    """The site's name: ``og:site_name``, else the last part of ``<title>`` after " - " / " | ".

    >>> site_name({"html_title": "Un titre d'article - Le Courrier du Sud"})
    'Le Courrier du Sud'
    """
    if soup_md.get("site_name"):
        return str(soup_md["site_name"])
    title = soup_md.get("html_title") or ""
    parts = _TITLE_SEP.split(title)
    if len(parts) >= 2 and 0 < len(parts[-1].split()) <= SITE_NAME_MAX_WORDS:
        return parts[-1].strip()
    return None


def _drop_site_name(ex: _Extractor, md: dict[str, Any], html: str):
    """Blocks that are only the site's name (logo text, masthead) go, as html Changes."""
    name = site_name(md)
    md.pop("html_title", None)
    if not name:
        return ex.lines
    key = _site_key(name)
    kept = []
    for line, span, pre in ex.lines:
        s, e = span
        if line.casefold() == key:
            ex.changes.append(
                Change(
                    "html",
                    "html_site_name",
                    (s, e),
                    html[s:e],
                    "",
                    f"the site's name ({name}) on a line of its own: masthead, not article",
                )
            )
        else:
            kept.append((line, span, pre))  # (the span keeps its pieces)
    if "site_name" in md:
        md["site"] = md.pop("site_name")
    return kept


_TAG_NAME = regex.compile(r"/?([a-zA-Z][a-zA-Z0-9-]*)")
#: Elements whose content the fallback reader skips.
_FALLBACK_SKIP = frozenset("script style noscript template svg head title".split())


def fallback_lines(html: str) -> list[tuple[str, tuple[int, int]]]:
    """Every text of ``html`` outside tags, one line per block: the reader of last resort.

    A plain left-to-right scan (linear, no parser, no regular expression over the
    page): tags are cut out, ``script`` / ``style`` / ``head`` content skipped,
    block tags end a line, entities are decoded. Used when the parser or the
    extraction fails, so a page is never lost.

    >>> page = "<p>Un &amp; deux<script>x<y</script></p><div>trois < quatre"
    >>> [t for t, _ in fallback_lines(page)]
    ['Un & deux', 'trois < quatre']
    """
    lines: list[tuple[str, tuple[int, int]]] = []
    buf: list[str] = []
    span = [-1, -1]
    n = len(html)
    last_gt = html.rfind(">")

    def flush() -> None:
        text = _WS.sub(" ", unescape("".join(buf))).strip()
        if text:
            lines.append((text, (span[0], span[1])))
        buf.clear()
        span[0] = span[1] = -1

    def add(a: int, b: int) -> None:
        if a < b:
            if span[0] < 0:
                span[0] = a
            span[1] = b
            buf.append(html[a:b])

    pos = 0
    while pos < n:
        lt = html.find("<", pos)
        if lt < 0:
            add(pos, n)
            break
        add(pos, lt)
        if html.startswith("<!--", lt):
            close = html.find("-->", lt + 4)
            pos = n if close < 0 else close + 3
            continue
        # (no ">" after the page's last one: not searched again from every "<", html25)
        gt = html.find(">", lt + 1) if lt < last_gt else -1
        m = _TAG_NAME.match(html, lt + 1, gt) if gt >= 0 else None
        if m is None:  # a lone "<" is text
            add(lt, lt + 1)
            pos = lt + 1
            continue
        name = m.group(1).lower()
        closing = html[lt + 1] == "/"
        pos = gt + 1
        if not closing and name in _FALLBACK_SKIP:
            end = regex.compile(rf"</{name}\s*>", regex.IGNORECASE).search(html, pos)
            pos = n if end is None else end.end()
            continue
        if name in BLOCK_TAGS:
            flush()
        else:
            buf.append(" ")
    flush()
    return lines


def html_to_text(html: str, config: CleanConfig) -> HtmlResult:
    """Extract the blocks of ``html`` as text (one block per line, blank line between).

    Never loses a page silently: when the parser or the extraction fails, the
    text comes from :func:`fallback_lines` and ``metadata["html_fallback"]``
    says why; when the article container's text comes out nearly empty, the
    page is read again without the main-content selection.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _html_to_text(html, config)
    except (Exception, RecursionError) as exc:
        lines = fallback_lines(html)
        reason = (
            f"the HTML could not be parsed or extracted ({type(exc).__name__}: {exc}); "
            "text read by the fallback reader (tags cut out, no boilerplate removal)"
        )
        return _assemble(html, lines, [], {"html_fallback": reason})


def unclosed_comment(html: str) -> int | None:
    """Offset of the ``<!--`` that no ``-->`` closes (the first one after the last ``-->``).

    >>> unclosed_comment("<p>a</p><!-- ok --><!--x<!--y")
    19
    >>> unclosed_comment("<p>a</p><!-- ok --><!-->b") is None  # "<!-->": an empty comment
    True
    """
    last_close = html.rfind("-->")
    start = html.find("<!--", last_close + 3 if last_close >= 0 else 0)
    return start if start >= 0 else None


#: A ``<`` that opens markup: a tag, an end tag, a comment or declaration (``<!``), a
#: processing instruction (``<?``); a ``<`` before anything else is text.
_MARKUP_OPEN = regex.compile(r"<[A-Za-z/!?]")


def unclosed_tag(html: str) -> int | None:
    """Offset of the first ``<`` after the page's last ``>`` that opens markup: a tag the page
    ends inside (a truncated download: ``…</p><a href="/suite``).

    A browser shows nothing from there on (the HTML standard's *eof-in-tag*: the unfinished
    tag is dropped), and so does :func:`parse_page`. ``html.parser`` (before Python 3.13.5)
    showed it as text, markup and all, and read the rest of the page again from each
    further ``<`` of it: quadratic on a tail of thousands of ``<div `` without a ``>``.

    >>> unclosed_tag('<p>a</p>b <a href="/x'), unclosed_tag("<p>a</p>1 < 2")
    (10, None)
    """
    m = _MARKUP_OPEN.search(html, html.rfind(">") + 1)
    return m.start() if m else None


#: Marked sections (``<![CDATA[…]]>``, ``<![if …]>``) as ``html.parser`` reads them: the
#: section's keyword (``_markupbase``'s name token) …
_MARKED_SECTION = regex.compile(r"<!\[([A-Za-z][-_.A-Za-z0-9]*)?")
#: … the keywords it knows, with the close it then searches for.
_SECTION_CLOSE = regex.compile(r"\]\s*\]\s*>")
_MS_SECTION_CLOSE = regex.compile(r"\]\s*>")
_MARKED_CLOSE = {
    **dict.fromkeys(("temp", "cdata", "ignore", "include", "rcdata"), _SECTION_CLOSE),
    **dict.fromkeys(("if", "else", "endif"), _MS_SECTION_CLOSE),
}


def _bogus_marked_sections(html: str) -> str:
    """``html`` with the ``[`` of each marked section that ``html.parser`` cannot close made a
    space (the same length: spans stay right), so that it reads a bogus comment up to the
    next ``>``, as a browser does with every ``<![`` outside SVG and MathML.

    Such a section has a keyword ``html.parser`` does not know (``<![foo[``: it raised, and
    the page fell to :func:`fallback_lines`, its furniture kept), or none left to close it
    after it (``<![CDATA[`` with no ``]]>`` further on: each one searched the rest of the
    page, quadratic, and showed itself as text). A section that closes is left as it was.

    >>> _bogus_marked_sections("<![CDATA[a]]><![x[b]]><![if c]><![CDATA[d>")
    '<![CDATA[a]]><! x[b]]><![if c]><! CDATA[d>'
    """
    if "<![" not in html:
        return html
    last: dict[regex.Pattern, int] = {}
    for close in set(_MARKED_CLOSE.values()):
        last[close] = -1
        for m in close.finditer(html):
            last[close] = m.start()
    pieces, done = [], 0
    for m in _MARKED_SECTION.finditer(html):
        close = _MARKED_CLOSE.get((m.group(1) or "").lower())
        if close is not None and last[close] >= m.start() + 3:
            continue  # html.parser finds its close
        pieces += [html[done:m.start() + 2], " "]
        done = m.start() + 3
    return "".join(pieces) + html[done:] if pieces else html


#: A quoted attribute value whose first ``>`` comes before its closing quote (or the page
#: has none): a candidate runaway value (:func:`runaway_quotes`). Linear: each attempt ends
#: at the next quote of its kind or ``>``.
_QUOTED_GT = regex.compile(r"""=[ \t\n\r\f]*(?P<q>"(?=[^">]*>)|'(?=[^'>]*>))""")
#: What separates two attributes: white space or ``/``, or nothing after a quoted value
#: (``title="a"class="b"``, which browsers read as two attributes).
_SEP = r"""(?:[\s/]+|(?<=["']))"""
#: A start tag written cleanly up to an attribute's value indicator (``<div class="a" id=``).
_TAG_HEAD = regex.compile(
    rf"""<[A-Za-z][^\s/>\x00]*(?:{_SEP}[^\s"'>/=<]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*"""
    rf"""{_SEP}[^\s"'>/=<]+\s*=\s*""")
#: What may follow an attribute's closing quote up to the tag's end, written cleanly.
_TAG_REST = regex.compile(
    rf"""(?:{_SEP}[^\s"'>/=<]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*[\s/]*>""")
#: How far (characters) a start tag is read back from a candidate's quote, and forward from
#: its closing quote: a tag longer than that is left as written (bounds the work per quote).
RUNAWAY_TAG_WINDOW = 4_096


def runaway_quotes(html: str) -> list[int]:
    """Offsets of the opening quotes of attribute values that run away: the quote is never
    closed (``<div id="b <p>Le conseil…`` and no ``"`` after it), or the quote that closes
    it is followed by no clean end of the tag (it is the opening quote of a later
    attribute: ``<div id="b <p>Le conseil…</p><p class="c">``).

    ``html.parser`` showed the first as text, tag and all (``<div class="a" id="b <p>Le
    conseil…``); the HTML standard, a browser and ``html.parser`` read the second as one
    attribute value, the article's paragraphs inside it (lost). Only a value holding a
    ``>`` is looked at, in a start tag written cleanly up to it (:data:`_TAG_HEAD`: not in
    a text, a script or a comment); a value that holds markup and closes cleanly
    (``data-tip="<b>x</b>" class=y>``) is no runaway.

    >>> runaway_quotes('<div class="a" id="b <p>Le conseil.</p>')
    [18]
    >>> runaway_quotes('<div id="b <p>Un.</p><p class="c">Deux.</p>')
    [8]
    >>> runaway_quotes('<a title="<b>x</b>" href=/y>z</a><p>1 = "2 > 3"</p><a t="a>b"c="d">')
    []
    """
    found: list[int] = []
    last = {'"': html.rfind('"'), "'": html.rfind("'")}
    raw: list[tuple[int, int]] | None = None  # the scripts and style sheets, when needed
    for m in _QUOTED_GT.finditer(html):
        q = m.start("q")
        lt = html.rfind("<", max(0, q - RUNAWAY_TAG_WINDOW), q)
        if lt < 0 or _TAG_HEAD.fullmatch(html, lt, q) is None:
            continue
        raw = _raw_text_ranges(html) if raw is None else raw
        inside = bisect_right(raw, (lt, len(html)))
        if inside and raw[inside - 1][1] > lt:
            continue  # script code or a style sheet, not markup
        quote = html[q]
        if q < last[quote]:
            close = html.find(quote, q + 1)
            if _TAG_REST.match(html, close + 1, close + 1 + RUNAWAY_TAG_WINDOW) is not None:
                continue
        found.append(q)
    return found


_RAW_TEXT_OPEN = regex.compile(r"<(script|style)(?=[\s/>])", regex.IGNORECASE)


def _raw_text_ranges(html: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each ``<script>`` / ``<style>`` of ``html``, from its start tag to
    its end tag (or the page's end), in order: text that is no markup. Linear: each search
    starts where the last element ended.

    >>> _raw_text_ranges("<p>a</p><script>x = '<p>'</script><STYLE>p{}")
    [(8, 34), (34, 44)]
    """
    ranges, pos = [], 0
    while (m := _RAW_TEXT_OPEN.search(html, pos)) is not None:
        close = regex.compile(rf"</{m.group(1)}\s*>", regex.IGNORECASE).search(html, m.end())
        pos = len(html) if close is None else close.end()
        ranges.append((m.start(), pos))
    return ranges


def _close_runaway_quotes(html: str) -> str:
    """``html`` with each runaway value (:func:`runaway_quotes`) ended where its writer meant
    it to end, the same length (spans stay right): its opening quote made a space, and the
    white space before the first markup in it (``<p``, ``</div``) made the ``>`` that ends
    the tag, so that the tag after it is read as written; with no such white space, the tag
    ends at the value's first ``>``. Either way the text after it is read as text.

    >>> _close_runaway_quotes('<div class="a" id="b <p>Le conseil.</p>')
    '<div class="a" id= b><p>Le conseil.</p>'
    >>> _close_runaway_quotes("<div id='b<p>Le conseil.</p>")
    '<div id= b<p>Le conseil.</p>'
    """
    pieces, done = [], 0
    for q in runaway_quotes(html) if "=" in html else ():
        pieces += [html[done:q], " "]
        done = q + 1
        markup = _MARKUP_OPEN.search(html, q + 1, html.find(">", q))
        if markup is not None and markup.start() - 1 > q and html[markup.start() - 1].isspace():
            pieces += [html[done:markup.start() - 1], ">"]
            done = markup.start()
    return "".join(pieces) + html[done:] if pieces else html

def _last_node(soup: BeautifulSoup) -> Any:
    node: Any = soup
    while isinstance(node, Tag) and node.contents:
        node = node.contents[-1]
    return node


#: What the Change of an unclosed comment says (``{chars}``: the characters it hides).
UNCLOSED_COMMENT_REASON = (
    "an HTML comment opened by '<!--' is never closed by '-->': as in a browser (the HTML "
    "standard's eof-in-comment), the rest of the page ({chars} characters of source) is "
    "that comment, not text")


#: What the Change of a tag that the page's end cuts short says (``{chars}``: its characters).
UNCLOSED_TAG_REASON = (
    "the page ends inside a tag: a '<' opens markup that no '>' closes; as in a browser (the "
    "HTML standard's eof-in-tag), the rest of the page ({chars} characters of source) is that "
    "unfinished tag, not text")
#: Elements whose content ``html.parser`` reads as raw text (no markup inside).
_RAW_TEXT_TAGS = frozenset(("script", "style"))
#: What the Change of a ``<script>`` / ``<style>`` that no end tag closes says (``{name}``:
#: the element, ``{chars}``: the characters it hides).
UNCLOSED_RAW_TEXT_REASON = (
    "a <{name}> element is never closed by </{name}>: as in a browser (the HTML standard reads "
    "its content up to that end tag, else to the end of the file), the rest of the page "
    "({chars} characters of source) is {what}, not text")


def unclosed_raw_text(last: Any, src: _Source) -> tuple[str, int] | None:
    """``(name, offset)`` of the ``<script>`` / ``<style>`` the page ends inside: the parsed
    page's last node (:func:`_last_node`) is that element or its text, and no ``</name`` follows
    its start tag in the source. A browser, html5lib and ``html.parser`` read everything after
    it as script code or style sheet: a page whose ``<style>`` is never closed lost its text
    with no change saying why (an unclosed one in the ``<head>`` made the page ``empty``).

    >>> from cleannews.strip.html import _Source, _last_node, parse_page
    >>> page = "<p>Un.</p><style>p { color: red }<p>Deux.</p>"
    >>> unclosed_raw_text(_last_node(parse_page(page)), _Source(page))
    ('style', 10)
    >>> page = "<p>Un.</p><script>x()</script>"
    >>> unclosed_raw_text(_last_node(parse_page(page)), _Source(page)) is None
    True
    """
    el = last if isinstance(last, Tag) else getattr(last, "parent", None)
    if not isinstance(el, Tag) or el.name not in _RAW_TEXT_TAGS:
        return None
    at = src.span(el)[0]
    if getattr(el, "sourceline", None) is None or src.low.find(f"</{el.name}", at) >= 0:
        return None
    return el.name, at


#: How many character references written one after the other make one piece of a block's
#: text (:func:`line_pieces`) and one event of the parser (:func:`_known_ref_runs`): a page
#: of 375,000 ``&lt;`` was 375,000 pieces and parser events, each decoded, appended and
#: aligned by its own Python calls (25 times the time per character of a plain text).
#: Shorter runs (``&laquo;&nbsp;``) stay one piece per reference, as before.
REF_RUN_MIN = 16
#: An entity reference closed by ``;`` (``&eacute;``, ``&foo;``); linear: the name class
#: excludes ``&`` and ``;``, so each attempt ends at the next one.
_ENTITY_REF = regex.compile(r"&([A-Za-z][-.A-Za-z0-9]*);")
#: Noncharacters that stand for the ``&`` of an unknown entity while the page is parsed.
_AMP_MARKERS = tuple(chr(c) for c in range(0xFDD0, 0xFDF0))


@lru_cache(maxsize=1)
def _known_entities() -> frozenset[str]:
    """Entity names the parser replaces by a character (bs4's table, else HTML5's)."""
    try:
        from bs4.dammit import EntitySubstitution

        return frozenset(EntitySubstitution.HTML_ENTITY_TO_CHARACTER)
    except (ImportError, AttributeError):  # pragma: no cover - older bs4
        from html.entities import html5

        return frozenset(k.rstrip(";") for k in html5)


def parse_page(html: str) -> BeautifulSoup:
    """``html`` parsed by ``html.parser``, its unknown entities kept as written.

    bs4 reads ``&foo;`` (no such entity) as ``&foo``: the ``;`` vanished from the
    text ("AT&T;" became "AT&T") and no change said so. A browser shows such a
    reference as written, and so does the extracted text now: the ``&`` of each
    unknown reference is hidden from the parser behind a noncharacter of the
    same length (spans stay right) and put back in the tree's strings and
    attribute values.

    A ``<!--`` that no ``-->`` closes (:func:`unclosed_comment`) makes the rest of the page
    a comment, as in a browser: ``html.parser`` showed it as text before Python 3.13.4
    (markup and all), and rescanned the page at each further ``<!--`` (quadratic). A
    ``-->`` after the page's end closes it; when that made no comment (the ``<!--`` sat
    in a script or an attribute value), the page is parsed as written.

    A tag that the page's end cuts short (:func:`unclosed_tag`) is no text either: the
    parser is handed the page up to it (html25). A marked section that cannot close
    (:func:`_bogus_marked_sections`) is read as the bogus comment a browser makes of it.
    An attribute value whose quote runs away (:func:`runaway_quotes`) ends where its tag was
    meant to end (round 40); a long run of known references (:func:`_known_ref_runs`) is one
    event of the parser, not one per reference.
    Both were read by ``html.parser`` (before Python 3.13.5) once from every ``<`` to the
    page's end: quadratic, 15 s on 80 KB of ``<div `` without a ``>``.

    >>> parse_page("<p>AT&T; et &eacute;t&eacute; &foo; &amp;bar;</p>").p.get_text()
    'AT&T; et été &foo; &bar;'
    >>> parse_page("<p>a</p><!-- <p>b</p>").get_text()
    'a'
    >>> parse_page('<p>a</p>b <a href="/x').get_text()
    'ab '
    """
    return _parse_cut(html)[0]


def _parse_cut(html: str) -> tuple[BeautifulSoup, int | None, int | None]:
    """:func:`parse_page`'s tree with the offsets it read to build it: the unclosed ``<!--``
    (:func:`unclosed_comment`) and the tag the page's end cuts (:func:`unclosed_tag`, ``None``
    too when the comment closed the page and it was not looked for). ``_html_to_text`` files
    its changes from them: each is searched once per page (audit26).

    >>> soup, comment, cut = _parse_cut('<p>a</p>b <a href="/x')
    >>> soup.get_text(), comment, cut
    ('ab ', None, 10)
    """
    start = unclosed_comment(html)
    if start is not None:
        soup = _parse_page(html + "-->")
        if isinstance(_last_node(soup), Comment):
            return soup, start, None
    end = unclosed_tag(html)
    return _parse_page(html if end is None else html[:end]), start, end


class _PageBuilder(HTMLParserTreeBuilder):
    """bs4's ``html.parser`` tree builder, its split of multi-valued attributes made cheap.

    bs4 splits the value of each multi-valued attribute (``class``, ``rel`` …, the
    builder's ``cdata_list_attributes``) into a list at every start tag, testing each
    attribute of the tag against two sets in a Python loop; on the gold dev pages that
    was 6.5 % of :func:`html_to_text`. Here the attributes that can hold several values
    are one set per tag name (worked out once per parse), and only the attributes in it
    are split, with the very call bs4 makes (``nonwhitespace_re.findall`` into its
    ``attribute_value_list_class``): the tree is the same, value for value.

    >>> soup = BeautifulSoup('<a class=" x  y" rel="nofollow me" id="a b">t</a><p rel="r s">',
    ...                      builder=_PageBuilder)
    >>> soup.a.attrs, soup.p.attrs
    ({'class': ['x', 'y'], 'rel': ['nofollow', 'me'], 'id': 'a b'}, {'rel': 'r s'})
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._multi: dict[str, frozenset[str]] = {}

    def feed(self, markup: Any) -> None:  # type: ignore[override]
        if _FEED_TAKES_PARSER:
            super().feed(markup, _parser_class=_PageParser)  # type: ignore[call-arg]
        else:  # pragma: no cover - bs4 < 4.13
            super().feed(markup)

    def _multi_valued(self, tag_name: str) -> frozenset[str]:
        table = self.cdata_list_attributes or {}
        names = frozenset(table.get("*", ())) | frozenset(table.get(tag_name.lower(), ()) or ())
        self._multi[tag_name] = names
        return names

    def _replace_cdata_list_attribute_values(self, tag_name: str, attrs: Any) -> Any:
        if not attrs:
            return attrs
        names = self._multi.get(tag_name)
        if names is None:
            names = self._multi_valued(tag_name)
        if names.isdisjoint(attrs):
            return attrs
        if _VALUE_LIST is None:  # pragma: no cover - bs4 < 4.13 splits its own way
            return super()._replace_cdata_list_attribute_values(tag_name, attrs)
        for key in names.intersection(attrs):
            value = attrs[key]
            if isinstance(value, str):
                attrs[key] = self.attribute_value_list_class(_NONWHITESPACE.findall(value))
        return attrs


class _VoidEnds(Counter):
    """The names of the void elements the parser closed at their start tag (``<img>``,
    ``<br>``), whose end tag, if any, it is to skip: bs4 keeps them in a list, searched and
    cut at every end tag of the page (``in`` and ``remove``), so thousands of ``<img>``
    before thousands of end tags cost their product (40,000 of each: 15 s, html25). The
    same multiset, with the list's three operations in constant time.

    >>> ends = _VoidEnds(); ends.append("img"); ends.append("img"); ends.remove("img")
    >>> "img" in ends, "br" in ends
    (True, False)
    """

    def append(self, name: str) -> None:
        self[name] += 1

    def remove(self, name: str) -> None:
        left = self[name] - 1
        if left > 0:
            self[name] = left
        else:
            del self[name]


class _PageParser(BeautifulSoupHTMLParser):
    """bs4's ``html.parser`` driver with :class:`_VoidEnds` for its list of closed void
    elements."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.already_closed_empty_element = _VoidEnds()  # type: ignore[assignment]


#: bs4 (4.13 and later) lets the builder name its parser class.
_FEED_TAKES_PARSER = "_parser_class" in inspect.signature(HTMLParserTreeBuilder.feed).parameters


class _PageSoup(BeautifulSoup):
    """bs4's tree, built in time linear in the page however deep it nests.

    Each string written after an element of the open one (``<li><a>lien</a> texte``)
    made bs4 re-link the tree (``_linkage_fixer``): it walked up from the open element to
    the first ancestor with a next sibling, to link the string to it. While the page is
    parsed the open element and its ancestors are the open elements, each its parent's
    last child: the walk climbed the whole depth to find none, at every such string.
    20,000 unclosed ``<li>`` of a link and a word took 10 s, 20,000 unclosed ``<td>`` 47 s
    (html25). Here that walk is skipped for the open element (the links it sets are the
    ones bs4 sets: no sibling after, no next element); any other element gets bs4's own.

    >>> html = "<ul>" + "<li><a href=/x>lien</a> texte" * 3
    >>> str(_PageSoup(html, builder=_PageBuilder)) == str(BeautifulSoup(html, "html.parser"))
    True
    """

    def _linkage_fixer(self, el: Tag) -> None:
        if el is not self.currentTag:  # pragma: no cover - html.parser appends to the open tag
            super()._linkage_fixer(el)
            return
        first, child = el.contents[0], el.contents[-1]
        if child is first and el.parent is not None:
            el.next_element = child
            prev_el = child.previous_element
            if prev_el is not None and prev_el is not el:
                prev_el.next_element = None
            child.previous_element = el
            child.previous_sibling = None
        child.next_sibling = None
        last = child._last_descendant(False) if isinstance(child, Tag) and child.contents else child
        last.next_element = None
        last.next_sibling = None


def _unknown_entities(html: str, runs: list[tuple[int, int]] = ()) -> list[int]:
    """Offsets of the ``&`` of each entity reference whose name the parser does not know
    (:func:`parse_page`). The names written are collected first (in C): a page whose every
    name is known (most, and one of 375,000 ``&lt;``) is not walked match by match in Python.

    >>> _unknown_entities("a &lt; b &foo; &amp; &bar;")
    [9, 21]
    """
    known = _known_entities()
    bounds = [0, *(x for run in runs for x in run), len(html)]  # outside ``runs``: all known
    if all(known.issuperset(_ENTITY_REF.findall(html, bounds[i], bounds[i + 1]))
           for i in range(0, len(bounds), 2)):
        return []
    return [m.start() for m in _ENTITY_REF.finditer(html) if m.group(1) not in known]


def _parse_page(html: str) -> BeautifulSoup:
    html = _close_runaway_quotes(_bogus_marked_sections(html))
    runs = _known_ref_runs(html)
    unknown = _unknown_entities(html, runs)
    free = (c for c in _AMP_MARKERS if c not in html) if unknown or runs else iter(())
    marker = next(free, None) if unknown else None
    hidden = next(free, None) if runs else None
    if marker is None and hidden is None:
        return _PageSoup(html, builder=_PageBuilder)
    edits = sorted([(p, p + 1, marker) for p in unknown if marker is not None]
                   + [(a, b, html[a:b].replace("&", hidden)) for a, b in runs if hidden])
    pieces, last = [], 0
    for a, b, text in edits:
        pieces += [html[last:a], text]
        last = b
    html = "".join(pieces) + html[last:]
    soup = _PageSoup(html, builder=_PageBuilder)
    for mark, decode in ((marker, False), (hidden, True)):
        if mark is not None:
            _restore_amps(soup, mark, decode)
    return soup


#: A run of :data:`REF_RUN_MIN` or more named references written one after the other.
#: (At most :data:`REF_CHUNK` references a match: ``regex`` keeps a backtracking entry per
#: repetition, 80 MB for one match of 375,000; a longer run is matched chunk by chunk.)
REF_CHUNK = 4_096
_NAMED = r"&[A-Za-z][A-Za-z0-9]{0,31};"
_NAMED_REF_RUN = regex.compile(rf"(?:{_NAMED}){{{REF_RUN_MIN},{REF_CHUNK}}}")
_NAMED_MORE = regex.compile(rf"(?:{_NAMED}){{1,{REF_CHUNK}}}")


def _named_runs(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each run of :data:`REF_RUN_MIN` or more named references closed by
    ``;`` in ``text``, longest first (as ``(?:&name;){16,}`` would match it), read in
    chunks of :data:`REF_CHUNK` references.

    >>> list(_named_runs("a" + "&lt;" * 5000 + "b" + "&gt;" * 3))
    [(1, 20001)]
    """
    pos = 0
    while (m := _NAMED_REF_RUN.search(text, pos)) is not None:
        end = m.end()
        while (more := _NAMED_MORE.match(text, end)) is not None:
            end = more.end()
        yield m.start(), end
        pos = end
#: Strings the parser does not decode (references stay as written in them).
_RAW_STRINGS = (Comment, CData, Doctype, Script, Stylesheet, Declaration, ProcessingInstruction)


#: How many names of a run of references are read by taking each name's references out of
#: it (one ``str.replace`` each, in C); a run of more names is split reference by reference.
RUN_NAMES_MAX = 32


def _run_names(text: str, amp: str) -> set[str]:
    """The names of the references ``{amp}name;`` in ``text`` (a run of references, or a string
    holding hidden ones): each name's references are taken out of a copy in turn, so that
    375,000 ``&lt;`` make no list of 375,000 strings (100 MB; the run's own size here).

    >>> sorted(_run_names("&lt;&gt;&lt;&eacute;", "&")), _run_names("a\ufdd1lt;b", "\ufdd1")
    (['eacute', 'gt', 'lt'], {'lt'})
    """
    names: set[str] = set()
    at = text.find(amp)
    while at >= 0 and len(names) < RUN_NAMES_MAX:
        end = text.find(";", at)
        if end < 0:
            break
        names.add(text[at + 1:end])
        text = text.replace(text[at:end + 1], "")
        at = text.find(amp)
    if at >= 0:  # many names (a crafted page): each reference read
        names.update(seg[:seg.find(";")] for seg in set(text[at:].split(amp)) if ";" in seg)
    return names


def _known_ref_runs(html: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each run of :data:`REF_RUN_MIN` or more named references that the
    parser knows (``&lt;&lt;…``). ``html.parser`` (bs4 reads it with ``convert_charrefs``
    off) handed each reference to bs4 as one event of its own, 3 Python calls a reference:
    a page of 375,000 ``&lt;`` took 25 times the time per character of a plain text.
    :func:`_parse_page` hides such a run from it (its ``&`` made a noncharacter, the same
    length) and decodes it in the tree afterwards, as bs4 would have: the tree is the same.

    >>> _known_ref_runs("a" + "&lt;" * 16 + " b &lt;&gt; " + "&foo;" * 16)
    [(1, 65)]
    """
    known = _known_entities()
    return [(a, b) for a, b in _named_runs(html) if known.issuperset(_run_names(html[a:b], "&"))]


def _restore_amps(soup: BeautifulSoup, mark: str, decode: bool) -> None:
    """Put back the ``&`` that ``mark`` stood for in the tree's strings and attribute values:
    as written (an unknown entity), or, with ``decode``, each reference decoded as the parser
    decodes it (bs4's table), except in the strings the parser reads raw (a script, a
    comment).

    >>> soup = BeautifulSoup("<p title=x\ufdd1lt;>a\ufdd1lt;b<!--\ufdd1lt;--></p>", "html.parser")
    >>> _restore_amps(soup, "\ufdd1", True); soup.p["title"], soup.p.contents
    ('x<', ['a<b', '&lt;'])
    """
    from bs4.dammit import EntitySubstitution

    table = EntitySubstitution.HTML_ENTITY_TO_CHARACTER

    def fix(text: str, raw: bool) -> str:
        if not raw and decode:  # one replace (in C) per name written, not per reference
            for name in _run_names(text, mark):
                if name in table:
                    text = text.replace(f"{mark}{name};", table[name])
        return text.replace(mark, "&")

    for s in soup.find_all(string=lambda t: mark in t):
        s.replace_with(type(s)(fix(s, isinstance(s, _RAW_STRINGS))))
    for el in soup.find_all(True):
        for key, value in el.attrs.items():
            if isinstance(value, str) and mark in value:
                el.attrs[key] = fix(value, False)
            elif isinstance(value, list) and any(mark in v for v in value):
                el.attrs[key] = [fix(v, False) for v in value]


def _unwrap_head(soup: BeautifulSoup) -> None:
    """Turn a ``<head>`` that swallowed the page into a ``<body>`` (or a ``<div>``).

    With no ``</head>`` and no ``<body>`` tag, ``html.parser`` puts the whole
    page inside ``<head>``, which the walk drops: the page came out empty. A
    head holding an element that no head holds (a ``div`` or ``p`` with text) is
    renamed, so that its content is read; its ``<title>`` stays silent.

    >>> soup = BeautifulSoup("<html><head><title>T</title><div><p>Texte</p></div>", "html.parser")
    >>> _unwrap_head(soup); soup.body.p.get_text()
    'Texte'
    """
    head = soup.head
    if head is None:
        return
    for el in head.find_all(True):
        if el.name not in _HEAD_TAGS and not _under_head_tag(el, head) and el.get_text().strip():
            head.name = "div" if soup.body is not None else "body"
            return


_DOCUMENT_SHELLS = frozenset(("html", "body"))
#: The attribute of a declarative shadow root, anywhere in the source: a cheap, linear test
#: before the templates are looked at (a false hit costs one look at the page's templates).
#: ``<template\b[^>]*?\bshadowroot…`` scanned to the next ``>`` from every ``<template``:
#: quadratic, 27 s on 100 KB of ``<template `` without a ``>`` (lead review, round 22).
_SHADOW_ROOT_ATTR = regex.compile(r"\bshadowroot(?:mode)?\s*=", regex.IGNORECASE)
_SHADOW_ROOT_ATTRS = ("shadowrootmode", "shadowroot")


def _open_shadow_roots(soup: BeautifulSoup, html: str) -> None:
    """Read a declarative shadow root as part of its host, as a browser shows it.

    ``<div class=host><template shadowrootmode="open">…</template></div>`` (and the older
    ``shadowroot="open"``) is no unrendered template: the browser attaches its content to
    the host and renders it (server-rendered web components). The walk dropped every
    ``<template>``, and a page written that way came out empty. Such a template now gives
    its content to its host in its place (spans come from the source and do not change);
    other templates stay unrendered. The source is searched first (one scan): most pages
    have none.

    >>> html = ("<div><template shadowrootmode=open><p>Texte</p></template></div>"
    ...         "<template><p>x</p></template>")
    >>> soup = BeautifulSoup(html, "html.parser"); _open_shadow_roots(soup, html)
    >>> [(p.parent.name, type(p.string).__name__) for p in soup.find_all("p")]
    [('div', 'NavigableString'), ('template', 'TemplateString')]
    """
    if _SHADOW_ROOT_ATTR.search(html) is None:
        return
    for tpl in soup.find_all("template"):
        if any(tpl.has_attr(a) for a in _SHADOW_ROOT_ATTRS):
            # bs4 types a template's strings apart (TemplateString), which the walk skips
            for text in tpl.find_all(string=True):
                if type(text) is TemplateString:
                    text.replace_with(NavigableString(str(text)))
            tpl.unwrap()


def _gather_after_body(soup: BeautifulSoup) -> None:
    """Move what the source writes after ``</body>`` or ``</html>`` into the body, as a
    browser does.

    A page whose template closes the document early (an included fragment that ends with
    ``</body></html>``, a second ``<body>`` …, a CMS that prints the rest of the article
    after the closing tags) goes on after those tags; a browser puts that content at the end
    of the one body (the HTML standard's *after body* and *after after body* modes) and
    shows it. ``html.parser`` leaves it beside the body, where the walk, which reads the
    body, did not see it. Elements and texts move in source order to the end of the body
    (spans come from the source, so they do not change); a second ``<body>`` or ``<html>``
    gives its content, not itself. Comments, the doctype and white space stay where they
    are. What comes *before* the body is left alone (a server's warnings, a cookie layer).

    >>> soup = BeautifulSoup("<html><body><p>Début.</p></body></html><p>Suite.</p>",
    ...     "html.parser")
    >>> _gather_after_body(soup); [p.get_text() for p in soup.body.find_all("p")]
    ['Début.', 'Suite.']
    """
    body = soup.body
    if body is None:
        return
    moved: list[PageElement] = []
    node: Any = body
    while isinstance(node, Tag) and node is not soup:
        moved += [
            sib for sib in node.next_siblings
            if isinstance(sib, Tag) or (type(sib) in _TEXT_STRINGS and not sib.isspace())
        ]
        node = node.parent
    for el in moved:
        body.append(el.extract())
        if isinstance(el, Tag):
            # a second document written after the first (``</html><html><body>…``): its
            # html and body give their content (a body inside the body is no container)
            for shell in [*el.find_all(_DOCUMENT_SHELLS), el][::-1]:
                if shell.name in _DOCUMENT_SHELLS:
                    shell.unwrap()


def _under_head_tag(el: Tag, head: Tag) -> bool:
    """True when ``el`` sits inside a <noscript> / <template> … of the head (not page text)."""
    node: Any = el.parent
    while isinstance(node, Tag) and node is not head:
        if node.name in _HEAD_TAGS:
            return True
        node = node.parent
    return False


#: ``metadata["html_whole_page"]`` when no element of the page holds its article (a listing,
#: a home page, a forum, a short article): the user is told why the text is the whole page's.
NO_ARTICLE_REASON = (
    f"no article container: no element of the page holds {MAIN_MIN_WORDS} words of prose and "
    "half of the page's prose (a listing, a home page, a forum, a page of short items or a "
    "very short article?); the whole page was read, with only the furniture rules (class "
    "hints, lists of links, credits, hidden elements)"
)
#: ``metadata["html_whole_page"]`` when the chosen container came out nearly empty.
REREAD_REASON = (
    f"the article container kept fewer than {MAIN_MIN_WORDS} words after the rules inside "
    "it; the whole page was read again, with only the furniture rules"
)


def _page_reader(
    html: str, src: _Source, body: Tag, metadata: dict[str, Any], tags: list[Tag]
) -> Callable[[], _Extractor]:
    """A maker of fresh extractors of the page, each told the same facts about it, found once
    on the tree as parsed: its elements (``tags``), their measures, the elements that hold
    its text, its own host (:func:`site_host`) and its polls (:func:`poll_boxes`).

    The first reading and the re-read of the whole page (when the article container came
    out nearly empty) are two extractors made here: every decision that depends on the
    page (a list of links to the site's tag pages, a call to subscribe to the site, a
    heading that links to another page of the site) is the same in both. Before round 37
    the re-read's extractor knew neither the host nor the elements.

    >>> soup = BeautifulSoup('<body><p>Texte</p><a href="https://www.site.fr/a">a</a></body>',
    ...     "html.parser")
    >>> reader = _page_reader("", _Source(""), soup.body, {}, _tags(soup.body))
    >>> first, again = reader(), reader()
    >>> again is not first, again.site, again.tags == first.tags, again.lines
    (True, 'site.fr', True, [])
    """
    stats = _measure(body, tags)
    return partial(
        _Extractor, html, src, stats, stats[id(body)][0], _holders(body, stats, tags=tags),
        site=site_host(body, metadata), tags=tags, polls=poll_boxes(tags),
    )


def _html_to_text(html: str, config: CleanConfig) -> HtmlResult:
    src = _Source(html)
    soup, start, end = _parse_cut(html)  # (`end` was looked for unless the comment holds)
    changes = []
    last = _last_node(soup)
    raw = None if isinstance(last, Comment) else unclosed_raw_text(last, src)
    if start is not None and isinstance(last, Comment):
        changes.append(Change("html", "html_unclosed_comment", (start, len(html)), html[start:],
                              "", UNCLOSED_COMMENT_REASON.format(chars=len(html) - start)))
    elif raw is not None:  # (the page's end, cut or not, is inside the script / style)
        name, at = raw
        changes.append(Change("html", f"html_unclosed_{name}", (at, len(html)), html[at:], "",
                              UNCLOSED_RAW_TEXT_REASON.format(name=name, chars=len(html) - at,
                                                              what=DROP_TAGS[name])))
    elif end is not None and not (
        isinstance(last, Tag) and last.name in _RAW_TEXT_TAGS
    ):  # (the rest of an unclosed script or style was never text)
        changes.append(Change("html", "html_unclosed_tag", (end, len(html)), html[end:], "",
                              UNCLOSED_TAG_REASON.format(chars=len(html) - end)))
    metadata = _metadata(soup)
    _unwrap_head(soup)
    _gather_after_body(soup)
    _open_shadow_roots(soup, html)
    body = soup.body or soup
    tags = _tags(body)  # the tree stays as parsed from here on: one list for every pass
    reader = _page_reader(html, src, body, metadata, tags)  # for every reading of the page
    ex = reader()
    if config.html_main_content:
        ex.select_main(body, site_name_texts(metadata))
        if not ex.main_ids:
            metadata["html_whole_page"] = NO_ARTICLE_REASON
    ex.walk(body)
    ex.flush()
    if ex.main_ids and sum(count_words(t) for t, _, _ in ex.lines) < MAIN_MIN_WORDS:
        # the chosen container lost its text to the rules inside it: read the whole page
        ex = reader()
        ex.walk(body)
        ex.flush()
        metadata["html_whole_page"] = REREAD_REASON
    lines = _drop_site_name(ex, metadata, html)
    if ex.headings:
        metadata["html_headings"] = ex.headings
    pre = frozenset(i for i, (_, _, is_pre) in enumerate(lines) if is_pre)
    if raw is not None:  # the walk's own change of that element spans its start tag only
        ex.changes = [c for c in ex.changes
                      if c.span[0] != raw[1] or c.rule != f"html_{raw[0]}"]
    return _assemble(html, [(t, span) for t, span, _ in lines], ex.changes + changes, metadata,
                     pre)


class _LineSpan(tuple):
    """A block's ``(start, end)`` in the source (its element, as the ``html_*`` changes
    that drop it say) with ``pieces``: how its text maps to the source, piece by piece
    (:func:`line_pieces`; None: one inexact piece over ``(start, end)``)."""

    pieces: list[tuple[int, int, int, bool]] | None = None


#: What a text node's source does not show as written: a character reference (the pattern
#: ``html.unescape`` reads) or white space that collapses (two or more characters, or one
#: that is not a space). Between two of them the source is the text (single spaces too).
_REF = r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)"
_RUN_EDIT = regex.compile(
    rf"(?P<run>(?:{_REF}){{{REF_RUN_MIN},{REF_CHUNK}}})|(?P<ref>{_REF})"
    r"|[ \t\r\n\f\v]{2,}|[\t\r\n\f\v]")
_WS_CHARS = " \t\r\n\f\v"


def line_pieces(
    html: str, buf: list[str], runs: dict[int, tuple[int, int]], text: str
) -> list[tuple[int, int, int, bool]] | None:
    """How the block ``text`` (``buf`` joined, its white space collapsed, stripped) maps to
    ``html``: ``(source start, source end, characters of text, exact)`` pieces in order.
    Source written as shown is an exact piece (single spaces included); a character
    reference and a collapsed run of white space are inexact ones. ``runs``: the source
    range of each text entry of ``buf`` (:meth:`_Source.text_run`); None when an entry
    holding text has none, or when the pieces do not rebuild ``text`` (the block is then
    one inexact piece, as before round 27).

    Linear: one search of the block's source for what is not written as shown.

    >>> page = "<p>Un &amp;\\n  deux <b>trois</b></p>"
    >>> line_pieces(page, ["Un &\\n  deux ", "trois"], {0: (3, 19), 1: (22, 27)},
    ...             "Un & deux trois")
    [(3, 5, 2, True), (5, 6, 1, False), (6, 11, 1, False), (11, 14, 1, False), \
(14, 18, 4, True), (18, 19, 1, False), (22, 27, 5, True)]
    """
    if len(buf) == 1 and 0 in runs:  # one text node (most blocks): written as shown?
        base, stop = runs[0]
        src = html[base:stop]
        if src.strip(" ") == text and _RUN_EDIT.search(src) is None:
            a = base + len(src) - len(src.lstrip(" "))
            return [(a, a + len(text), len(text), True)]
    pieces: list[tuple[int, int, int, bool]] = []
    parts: list[str] = []
    pending: list[int] = []  # [start, end] of the white space seen since the last text

    def space(a: int, b: int) -> None:
        if pieces:  # (none before the block's first text: it is stripped)
            if pending:
                pending[1] = b
            else:
                pending[:] = (a, b)

    def put(a: int, b: int, piece: str, exact: bool) -> None:
        if pending:
            pieces.append((pending[0], pending[1], 1, False))
            parts.append(" ")
            pending.clear()
        pieces.append((a, b, len(piece), exact))
        parts.append(piece)

    def reference(a: int, b: int, piece: str) -> None:
        if piece.strip(_WS_CHARS):
            put(a, b, piece, False)
        else:  # a reference to white space
            space(a, b)

    def written(a: int, seg: str) -> None:  # source shown as written: single spaces at most
        if seg[:1] == " ":
            space(a, a + 1)
            a, seg = a + 1, seg[1:]
        trail = seg[-1:] == " "
        if trail:
            seg = seg[:-1]
        if seg:
            put(a, a + len(seg), seg, True)
        if trail:
            space(a + len(seg), a + len(seg) + 1)

    for i, entry in enumerate(buf):
        run = runs.get(i)
        if run is None:
            if entry.strip(_WS_CHARS):
                return None  # text whose source is not known
            if pieces and not pending:
                end = pieces[-1][1]
                pending[:] = (end, end)
            continue
        base, stop = run
        src = html[base:stop]
        pos = 0
        for m in _RUN_EDIT.finditer(src):
            if m.start() > pos:
                written(base + pos, src[pos:m.start()])
            a, b = base + m.start(), base + m.end()
            if m.group("run") and _one_piece(piece := _unescape_run(m.group())):
                put(a, b, piece, False)  # a long run of references: one inexact piece
            elif m.group("run"):
                for ref in _REF_ONE.finditer(src, m.start(), m.end()):
                    reference(base + ref.start(), base + ref.end(), unescape(ref.group()))
            elif m.group("ref"):
                reference(a, b, unescape(m.group()))
            else:
                space(a, b)
            pos = m.end()
        if pos < len(src):
            written(base + pos, src[pos:])
    built = "".join(parts)
    if built != text:  # the block's strip() took more: a no-break or ideographic space
        if not pieces or built.strip() != text:
            return None
        _cut(pieces, len(built) - len(built.lstrip()), front=True)
        _cut(pieces, len(built) - len(built.rstrip()), front=False)
    return pieces


_REF_ONE = regex.compile(_REF)
_WS_CHAR_SET = regex.compile(r"[ \t\r\n\f\v]")


def _unescape_run(run: str) -> str:
    """``html.unescape(run)`` for a run of references (:data:`REF_RUN_MIN`): when each is a
    named one closed by ``;`` (``&lt;&lt;…``), one ``str.replace`` per name written instead of
    one Python call per reference.

    >>> _unescape_run("&lt;&amp;&lt;&eacute;"), _unescape_run("&lt;&#60;&lt")
    ('<&<é', '<<<')
    """
    if next(_named_runs(run), None) != (0, len(run)):
        return unescape(run)
    names = _run_names(run, "&")
    if not all(f"{name};" in html5 for name in names):
        return unescape(run)
    for name in names:
        run = run.replace(f"&{name};", html5[f"{name};"])
    return run


def _unescape_text(text: str) -> str:
    """``html.unescape(text)``, each long run of named references in it (:data:`REF_RUN_MIN`)
    decoded by :func:`_unescape_run` (a run starts at an ``&`` and ends at a ``;``, where
    ``unescape`` starts and ends its references too: the result is the same).

    >>> page = "a &amp b " + "&lt;" * 16 + " &#233;"
    >>> _unescape_text(page) == unescape(page)
    True
    """
    pieces, last = [], 0
    for a, b in _named_runs(text) if "&" in text else ():
        pieces += [unescape(text[last:a]), _unescape_run(text[a:b])]
        last = b
    return "".join(pieces) + unescape(text[last:]) if pieces else unescape(text)


def _one_piece(decoded: str) -> bool:
    """True when a run of references decodes to no white space that collapses (``_WS_CHARS``):
    it is then one piece of text as written, each reference standing for its own character(s)
    (:data:`REF_RUN_MIN`); otherwise each reference is a piece of its own.

    >>> _one_piece("<<<"), _one_piece("< <")
    (True, False)
    """
    return _WS_CHAR_SET.search(decoded) is None


def _cut(pieces: list[tuple[int, int, int, bool]], n: int, *, front: bool) -> None:
    """Take ``n`` characters of text off the front (or the end) of ``pieces``, in place.

    >>> p = [(0, 3, 3, True), (3, 9, 1, False), (9, 12, 3, True)]
    >>> _cut(p, 4, front=True); p
    [(9, 12, 3, True)]
    >>> _cut(p, 1, front=False); p
    [(9, 11, 2, True)]
    """
    while n > 0 and pieces:
        a, b, k, exact = pieces[0] if front else pieces[-1]
        if k <= n:
            pieces.pop(0 if front else -1)
            n -= k
            continue
        if front:
            pieces[0] = (a + n, b, k - n, True) if exact else (a, b, k - n, False)
        else:
            pieces[-1] = (a, b - n, k - n, True) if exact else (a, b, k - n, False)
        n = 0


def _assemble(
    html: str,
    lines: list[tuple[str, tuple[int, int]]],
    changes: list[Change],
    metadata: dict[str, Any],
    pre: frozenset[int] = frozenset(),
) -> HtmlResult:
    """Join the lines with blank lines between them, aligned to their source spans.

    ``pre``: indices of the lines that are ``<pre>`` blocks (rows joined by line breaks);
    their ``[start, end)`` offsets in the text go to ``metadata["html_pre_blocks"]``
    (:func:`cleannews.clean_html` hands them to the strip stage, whose line rules leave
    those rows alone: the walk judged the block already).
    """
    out: list[str] = []
    align = Alignment()
    blocks: list[list[int]] = []
    pos = 0
    prev_end = 0
    for i, (line, span) in enumerate(lines):
        pieces = getattr(span, "pieces", None)
        if pieces:
            s, e = pieces[0][0], pieces[-1][1]
        else:
            s, e = span
            e = max(e, s + 1)
        if i:
            # the blank line between two blocks stands for no text of the source: a
            # change that takes it along ends where the block before it ends (it ended on
            # the next block's first character, the "<" of its start tag; round 27)
            out.append("\n\n")
            align.gap(s, prev_end, 2)
            pos += 2
        if i in pre:
            blocks.append([pos, pos + len(line)])
        out.append(line)
        if pieces:
            for a, b, n, exact in pieces:
                align.copy(a, b) if exact else align.replace(a, b, n)
        else:
            align.replace(s, e, len(line))
        pos += len(line)
        prev_end = e
    if out:
        out.append("\n")
        align.gap(len(html), prev_end, 1)
    if blocks:
        metadata["html_pre_blocks"] = blocks
    return HtmlResult("".join(out), changes, metadata, align)

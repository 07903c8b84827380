"""HTML front end: markup-aware block extraction, then the same text rules.

:func:`html_to_text` parses a page with BeautifulSoup (``html.parser``),
drops what the markup says is furniture (``script``, ``nav``, ``aside``,
``footer``, ``form`` … and elements whose class or id says *share*,
*newsletter*, *cookie*, *related* …), records each drop as a
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

import warnings
from typing import Any

import regex
from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, Tag

from cleannews._align import AlignedResult, Alignment
from cleannews.config import CleanConfig
from cleannews.document import Change

__all__ = ["HtmlResult", "html_to_text"]

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
}
#: Tokens of a class or id that mark furniture (whole tokens only: "ad" in
#: "ad-slot", not in "shadow" or "download"; "header" is not a hint).
CLASS_HINTS = frozenset(
    """share sharing sharebar sharedaddy social socials newsletter newsletters cookie cookies
    consent gdpr rgpd tags tagcloud related comments comment breadcrumb breadcrumbs ad ads
    advert advertisement adslot pub publicite outbrain taboola subscribe paywall popup modal
    navbar nav sponsored sponso recirculation mostread twitter tweet instagram embed
    logo masthead branding caption cutline credit credits legende""".split()
)
#: Weaker hints: the element goes only when it holds no prose (a paragraph of
#: ``PROSE_MIN_WORDS`` words or more), so "content-widget recipe-steps" stays.
WEAK_HINTS = frozenset(
    """sidebar widget widgets promo promotion banner footer navigation menu partners
    recommended subscription player video audio podcast""".split()
)
PROSE_MIN_WORDS = 12
#: An <aside> with this many sentences of BOXOUT_MIN_WORDS words is a fact box: kept.
BOXOUT_MIN_SENTENCES = 2
BOXOUT_MIN_WORDS = 8
#: The last part of <title> is taken for the site's name when this short.
SITE_NAME_MAX_WORDS = 5
#: A weak hint next to one of these tokens ("content-widget") is no hint.
CONTENT_TOKENS = frozenset(
    "content article post entry story body text main single recipe chapo lead intro".split()
)
#: Source characters searched for the close tag when aligning a block (inexact beyond).
ALIGN_WINDOW = 20_000
#: Never drop by class hint an element holding this share of the page's text.
HINT_MAX_TEXT_SHARE = 0.4
#: Elements that start and end a block (one line of output each).
BLOCK_TAGS = frozenset(
    """p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre figure figcaption table tr
    caption section article header main address hr br center details summary
    fieldset legend title body html aside nav footer form label option tbody thead tfoot
    dialog button select iframe""".split()
)
_TOKEN = regex.compile(r"[a-z0-9]+", regex.IGNORECASE)
_WS = regex.compile(r"[ \t\r\n\f\v]+")


#: Output of :func:`html_to_text` (spans of ``changes`` point into the HTML source).
HtmlResult = AlignedResult


class _Source:
    """Maps bs4 (sourceline, sourcepos) to character offsets in the HTML source."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.low = html.lower()
        self.starts = [0]
        pos = html.find("\n")
        while pos >= 0:
            self.starts.append(pos + 1)
            pos = html.find("\n", pos + 1)

    def span(self, el: Tag, window: int = 2_000_000) -> tuple[int, int]:
        """Source range of ``el``: its start tag to its matching close tag (within ``window``)."""
        line, col = getattr(el, "sourceline", None), getattr(el, "sourcepos", None)
        if line is None or col is None or line - 1 >= len(self.starts):
            return (0, 0)
        start = min(self.starts[line - 1] + col, len(self.html))
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


def _hint(el: Tag) -> str | None:
    """The furniture token in the element's class or id, if any.

    >>> html = '<div class="article-header shadow download-box">x</div>'
    >>> soup = BeautifulSoup(html, "html.parser")
    >>> _hint(soup.div) is None
    True
    >>> _hint(BeautifulSoup('<div class="ad-slot">x</div>', "html.parser").div)
    'ad'
    """
    attrs = el.attrs or {}
    values = attrs.get("class") or []
    if isinstance(values, str):
        values = [values]
    values = [*values, attrs.get("id") or "", attrs.get("role") or ""]
    values = [v.lower() for v in values if isinstance(v, str) and v]
    toks = [t for v in values for t in _TOKEN.findall(v)]
    # whole values first ("share-buttons"), then their word tokens ("share")
    strong = next((x for x in (*values, *toks) if x in CLASS_HINTS), None)
    if strong is not None or not CONTENT_TOKENS.isdisjoint(toks):
        return strong
    return next((x for x in (*values, *toks) if x in WEAK_HINTS), None)


_SENTENCE_END = regex.compile(r"[.!?»…]\s*$")


def _is_boxout(el: Tag) -> bool:
    """An <aside> holding several sentences (a fact box of the article, not a sidebar).

    >>> _is_boxout(BeautifulSoup("<aside><h3>Repères</h3><p>1 : le nombre de meutes "
    ...     "identifiées dans le Jura.</p><p>214 : le nombre d'animaux tués l'an dernier "
    ...     "par le loup.</p></aside>", "html.parser").aside)
    True
    """
    n = 0
    for chunk in el.get_text("\n").split("\n"):
        if len(chunk.split()) >= BOXOUT_MIN_WORDS and _SENTENCE_END.search(chunk):
            n += 1
    return n >= BOXOUT_MIN_SENTENCES


def _has_prose(el: Tag) -> bool:
    """True when the element holds a paragraph-like block of many words."""
    for chunk in el.get_text("\n").split("\n"):
        if len(chunk.split()) >= PROSE_MIN_WORDS:
            return True
    return False


def _hidden(el: Tag) -> bool:
    attrs = el.attrs or {}
    if "hidden" in attrs or str(attrs.get("aria-hidden", "")).lower() == "true":
        return True
    style = str(attrs.get("style", "")).replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _metadata(soup: BeautifulSoup) -> dict[str, Any]:
    """Title, date, canonical URL and language from the markup."""
    md: dict[str, Any] = {}

    def meta(*keys: str) -> str | None:
        for k in keys:
            el = soup.find("meta", attrs={"property": k}) or soup.find("meta", attrs={"name": k})
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
        t = soup.find("time", attrs={"datetime": True})
        if isinstance(t, Tag):
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


class _Extractor:
    """Walks the tree, writes blocks, records dropped elements."""

    def __init__(self, html: str, src: _Source, total_text: int) -> None:
        self.src = src
        self.total = max(total_text, 1)
        self.lines: list[tuple[str, tuple[int, int]]] = []
        self.buf: list[str] = []
        self.buf_span: tuple[int, int] | None = None
        self.changes: list[Change] = []

    def flush(self) -> None:
        text = _WS.sub(" ", "".join(self.buf)).strip()
        if text:
            self.lines.append((text, self.buf_span or (0, 0)))
        self.buf = []
        self.buf_span = None

    def drop(self, el: Tag, rule: str, reason: str) -> None:
        s, e = self.src.span(el)
        self.changes.append(Change("html", rule, (s, e), self.src.html[s:e], "", reason))

    def walk(self, root: Tag) -> None:
        """Depth-first walk without recursion (deeply nested pages must not overflow)."""
        stack: list[tuple[bool, object]] = [(False, c) for c in reversed(list(root.children))]
        while stack:
            leaving, node = stack.pop()
            if leaving:
                self.flush()  # end of a block element
                continue
            if isinstance(node, (Comment, Doctype)):
                continue
            if isinstance(node, NavigableString):
                if type(node) is not NavigableString:
                    continue  # CData, ProcessingInstruction, Declaration …
                text = str(node)
                if text.strip():
                    if self.buf_span is None and isinstance(node.parent, Tag):
                        # alignment only: a bounded search keeps big pages linear
                        self.buf_span = self.src.span(node.parent, ALIGN_WINDOW)
                    self.buf.append(text)
                elif text:
                    self.buf.append(" ")
                continue
            if not isinstance(node, Tag):
                continue
            name = (node.name or "").lower()
            if name == "aside" and _is_boxout(node):
                pass  # a fact box inside the article: let the text rules judge it
            elif name in DROP_TAGS:
                if name != "head":
                    self.drop(node, f"html_{name}", f"<{name}> element: {DROP_TAGS[name]}")
                continue
            if _hidden(node):
                self.drop(
                    node, "html_hidden", "element hidden from readers (hidden / display:none)"
                )
                continue
            hint = _hint(node)
            if hint and self._small(node) and not (hint in WEAK_HINTS and _has_prose(node)):
                self.drop(
                    node,
                    "html_class_hint",
                    f"element whose class or id says '{hint}' (page furniture)",
                )
                continue
            if name == "img":
                continue
            if name in ("td", "th"):
                self.buf.append(" ")
            block = name in BLOCK_TAGS
            if block:
                self.flush()
                stack.append((True, node))
            stack.extend((False, c) for c in reversed(list(node.children)))

    def _small(self, el: Tag) -> bool:
        if el.name in ("body", "html", "main", "article"):
            return False
        if el.find(["h1", "article"]) is not None:
            return False
        return len(el.get_text()) <= HINT_MAX_TEXT_SHARE * self.total


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
    key = _WS.sub(" ", name).strip().casefold()
    kept = []
    for line, (s, e) in ex.lines:
        if line.casefold() == key:
            ex.changes.append(
                Change("html", "html_site_name", (s, e), html[s:e], "",
                       f"the site's name ({name}) on a line of its own: masthead, not article")
            )
        else:
            kept.append((line, (s, e)))
    if "site_name" in md:
        md["site"] = md.pop("site_name")
    return kept


def html_to_text(html: str, config: CleanConfig) -> HtmlResult:
    """Extract the blocks of ``html`` as text (one block per line, blank line between)."""
    src = _Source(html)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            soup = BeautifulSoup(html, "html.parser")
        except Exception:  # html.parser is lenient; keep a safety net for odd input
            return HtmlResult("", [], {}, Alignment())
    metadata = _metadata(soup)
    body = soup.body or soup
    ex = _Extractor(html, src, len(body.get_text()))
    ex.walk(body)
    ex.flush()
    lines = _drop_site_name(ex, metadata, html)
    out: list[str] = []
    align = Alignment()
    for i, (line, (s, e)) in enumerate(lines):
        if i:
            out.append("\n\n")
            align.replace(s, s, 2) if s == e else align.replace(s, s + 1, 2)
        out.append(line)
        align.replace(s, max(e, s + 1), len(line))
    if out:
        out.append("\n")
        align.replace(len(html), len(html), 1)
    return HtmlResult("".join(out), ex.changes, metadata, align)

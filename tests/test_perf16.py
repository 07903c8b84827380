"""Sixteenth round's exact speed-ups of the HTML front end (branch perf16): same answers,
less work.

* The page is parsed with :class:`_PageBuilder`, bs4's ``html.parser`` builder whose split
  of multi-valued attributes (``class``, ``rel`` …) skips the tags that have none: the
  tree must be the one bs4's own builder makes, attribute for attribute (values and their
  list type).
* The elements under the body are listed once (:func:`_tags`) and handed to the
  whole-page passes (``_measure``, ``_holders`` — now one walk for both of its finds —,
  ``_prose_counts``, ``_votes``, ``_marked_body``, ``_voting_words_under``,
  ``_headline``): each must answer as when it walks the page itself.
* bs4's generic-filter finds with ``href=True`` or a ``limit`` are plain loops
  (:func:`_links`, :func:`_first_named_n`, :func:`_leads_away`).
* The line starts of :class:`_Source` are summed in C; ``_prose_counts`` skips strings of
  white space alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from bs4.builder import HTMLParserTreeBuilder, TreeBuilder

import cleannews
from cleannews.strip import html as strip_html

ROOT = Path(__file__).resolve().parent.parent
GOLD = Path("/work/cache/html-fr6")

PAGE = (
    "<html><head><title>T</title><link rel='canonical stylesheet' href=/c>"
    "<meta property=og:title content='Le port'></head><body class=' home  page '>"
    "<nav><a href=/ rel='home nofollow'>Accueil</a> | <a href=/m><span>Monde</span></a>"
    "<a name=ancre>sans lien</a><a href>vide</a></nav>"
    "<article itemprop=articleBody class=\"story\tbody\n main\"><h1 class=title>Le port "
    "rénové</h1><div class=\"media\"><a href=\"/p\" rel=\"\"><img alt=\"Le port au matin\">"
    "</a><div class=\"sub\">Le port au matin</div></div> texte libre <!-- note -->"
    "<p CLASS=Lead Class=dup>Les travaux <em>du port</em> se sont achevés, <a href=/x>lire "
    "<b>ici</b></a>.</p>\u00a0<p>\u3000</p>"
    "<h3>Lire aussi</h3>\n<ul><li><a href=/a>Un</a></li><li><a href='#b'>Deux</a></li></ul>"
    "<table><tr><td headers='h1 h2'><a href=javascript:void(0)><i>case</i></a></td>"
    "<th headers=x>tête</th></tr></table><form accept-charset='utf-8 latin1'></form>"
    "<div><time datetime=2024-01-02>2 janvier</time><img src=x.png width=16></div>"
    "<p><img src=a.jpg><img src=b.jpg><img src=c.jpg><img src=d.jpg><img src=e.jpg>"
    "<span>Figure 2 : la carte</span></p><area rel='a b'><iframe sandbox='x y'></iframe>"
    "<output for='a b'></output><p rel='pas multi' id='deux mots'>Un, deux, trois.</p>"
    "<div><h1>Second titre</h1><p>Une phrase.</p></div></article>"
    "<footer><p>Pied</p> fin</footer><div class=<p>malformé</div></body></html>"
)

#: Nested, unclosed and broken markup.
MALFORMED = [
    "<div><p>un <p>deux <div class=a><p class='b c'>trois</div></span></p>",
    "<body><h1>Titre<h1 class=x>Autre</h1><a href='/a'><h2>Lien</h2></a></body>",
    "<p class>vide</p><p class=''>vide</p><p class='   '>blanc</p>",
    "<a href=/x class=a class=b rel=r rel='s t'>doublons</a>",
    "<div>" * 300 + "<p class='fond de page'>Un court texte au fond.</p>",
    "<html><head><div class=x><p>Texte dans le head</p></div>",
    "texte sans balise",
    "<!-- <p class=a>commentaire jamais fermé",
    "<ul><li><a href=/1>Un</a><li><a href=/2 rel=next>Deux</a></ul><p>Suite &foo; AT&T;</p>",
]


def _gold_pages(n: int = 8) -> list[str]:
    split = ROOT / "benchmarks" / "html_gold_split.json"
    if not (GOLD / "manifest.jsonl").is_file():
        return []
    dev = json.loads(split.read_text("utf-8"))["dev"][:n]
    files = {}
    for line in (GOLD / "manifest.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            files[row["id"]] = row["file"]
    return [(GOLD / "pages" / f"{files[k]}.html").read_text("utf-8", "replace") for k in dev]


PAGES = [PAGE, *MALFORMED, *_gold_pages()]


def _tree(soup: BeautifulSoup) -> list[tuple]:
    """Every node of ``soup``: its type, name, source position, attributes (values and
    value types) and text."""
    out = []
    for node in soup.descendants:
        if isinstance(node, Tag):
            attrs = [(k, type(v).__name__, list(v) if isinstance(v, list) else v)
                     for k, v in node.attrs.items()]
            out.append(("tag", node.name, node.sourceline, node.sourcepos, attrs))
        else:
            out.append((type(node).__name__, str(node)))
    return out


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(len(p)))
def test_the_page_builder_makes_bs4s_tree(page):
    ours = BeautifulSoup(page, builder=strip_html._PageBuilder)
    theirs = BeautifulSoup(page, "html.parser")
    assert _tree(ours) == _tree(theirs)
    assert str(ours) == str(theirs)


def test_the_page_builder_splits_only_multi_valued_attributes():
    soup = BeautifulSoup(PAGE, builder=strip_html._PageBuilder)
    assert soup.body["class"] == ["home", "page"]
    assert soup.article["class"] == ["story", "body", "main"]
    assert soup.find("a")["rel"] == ["home", "nofollow"]
    assert soup.find("a", rel=True, href="/p")["rel"] == []
    assert soup.find("td")["headers"] == ["h1", "h2"]
    assert soup.find("th")["headers"] == ["x"]
    assert soup.find("form")["accept-charset"] == ["utf-8", "latin1"]
    assert soup.find("area")["rel"] == ["a", "b"]
    assert soup.find("iframe")["sandbox"] == ["x", "y"]
    assert soup.find("output")["for"] == ["a", "b"]
    assert soup.find("link")["rel"] == ["canonical", "stylesheet"]
    p = soup.find("p", id=True)
    assert p["rel"] == "pas multi" and p["id"] == "deux mots"  # not multi-valued on <p>
    assert soup.find("p", class_="dup")["class"] == ["dup"]  # CLASS= lowercased, last wins


def test_parse_page_uses_the_page_builder_and_the_split_skips_plain_tags(monkeypatch):
    calls = []
    base = TreeBuilder._replace_cdata_list_attribute_values

    def spy(self, tag_name, attrs):
        calls.append(tag_name)
        return base(self, tag_name, attrs)

    monkeypatch.setattr(TreeBuilder, "_replace_cdata_list_attribute_values", spy)
    soup = strip_html.parse_page("<div id=a><p title=t>x</p><span class='a b'>y</span></div>")
    assert isinstance(soup.builder, strip_html._PageBuilder)
    assert soup.span["class"] == ["a", "b"]
    assert calls == []  # bs4's loop over each tag's attributes is not run
    # bs4's own builder runs it for every tag with attributes
    BeautifulSoup("<div id=a><p title=t>x</p></div>", "html.parser")
    assert calls == ["div", "p"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(len(p)))
def test_the_whole_page_passes_answer_the_same_with_the_tag_list(page):
    soup = strip_html.parse_page(page)
    body = soup.body or soup
    tags = strip_html._tags(body)
    assert tags == body.find_all(True)
    stats = strip_html._measure(body)
    assert strip_html._measure(body, tags) == stats
    for share in (strip_html.HINT_MAX_TEXT_SHARE, strip_html.MAIN_KEEP_TEXT_SHARE):
        assert strip_html._holders(body, stats, share, tags) == strip_html._holders(
            body, stats, share)
    counts = strip_html._prose_counts(body)
    assert strip_html._prose_counts(body, tags) == counts
    keep = strip_html._holders(body, stats, strip_html.MAIN_KEEP_TEXT_SHARE)
    plain = strip_html._votes(body, keep, counts)
    listed = strip_html._votes(body, keep, counts, tags)
    assert plain[0] == listed[0] and plain[2] == listed[2]
    assert strip_html._voting_words_under(body, plain[2], tags) == (
        strip_html._voting_words_under(body, plain[2]))
    assert strip_html._marked_body(body, stats, tags) == strip_html._marked_body(body, stats)
    assert strip_html.main_content(body, stats, tags) == strip_html.main_content(body, stats)
    for best in tags[:: max(1, len(tags) // 40)]:
        assert strip_html._headline(body, best, tags) is strip_html._headline(body, best)


def _holders_two_walks(body, stats, share=strip_html.HINT_MAX_TEXT_SHARE):
    """The former :func:`_holders`: ``find_all(True)``, then ``find_all("h1")``."""
    floor = share * max(stats.get(id(body), (0, 0, 0))[0], 1)
    ids = {id(el) for el in body.find_all(True) if stats.get(id(el), (0, 0, 0))[0] >= floor}
    for h1 in body.find_all("h1"):
        if strip_html._boxed_h1(h1, body, ids) or strip_html._logo_h1(h1):
            continue
        node = h1
        while isinstance(node, Tag) and node is not body:
            if id(node) in ids and node is not h1:
                break
            ids.add(id(node))
            node = node.parent
    return frozenset(ids)


@pytest.mark.parametrize("page", [
    "<body><div class=ad-margins><h1>T</h1><p>Texte</p></div><div class=ad>Pub</div>"
    "<section><div><h1 class=logo>Le Site</h1></div></section></body>",
    "<body><div class=paywall><h1>Abonnez-vous</h1></div><div><div><h1>Le titre</h1></div>"
    "<p>" + "Un texte. " * 30 + "</p></div><h1><a href=/><img alt=Logo></a></h1></body>",
    "<body><h1>Un<h1>Deux<h1>Trois</h1></h1></h1><p>fin</p></body>",
    "<body></body>",
], ids=range(4))
def test_holders_finds_the_h1_and_the_text_holders_in_one_walk(page):
    soup = strip_html.parse_page(page)
    body = soup.body
    stats = strip_html._measure(body)
    ref = _holders_two_walks(body, stats)
    assert strip_html._holders(body, stats, tags=strip_html._tags(body)) == ref
    assert strip_html._holders(body, stats) == ref
    if body.h1 is not None and not strip_html._boxed_h1(body.h1, body, set()):
        assert id(body.find("h1")) in ref


def _leads_away_bs4(el: Tag) -> bool:
    """The former :func:`_leads_away` (bs4's ``find_all("a", href=True)``)."""
    for a in el.find_all("a", href=True):
        href = str(a["href"]).strip().lower()
        if href and not href.startswith(("#", "javascript:")):
            return True
    return False


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(len(p)))
def test_plain_link_and_limit_finds_return_what_bs4_returns(page):
    soup = strip_html.parse_page(page)
    for el in [soup, *soup.find_all(True)]:
        assert strip_html._links(el) == el.find_all("a", href=True)
        assert strip_html._leads_away(el) is _leads_away_bs4(el)
        for names in (strip_html._IMG, strip_html._A, strip_html._TEASER_HEADINGS):
            for limit in (1, 2, 4):
                found = strip_html._first_named_n(el, names, limit)
                theirs = el.find_all(sorted(names), limit=limit)
                assert len(found) == len(theirs)
                assert all(a is b for a, b in zip(found, theirs, strict=True))


@pytest.mark.parametrize("href, away", [
    ("/autre", True), ("  https://x.fr/a ", True), ("#top", False), ("  #top", False),
    ("JavaScript:void(0)", False), ("", False), ("   ", False), (None, False),
])
def test_leads_away_reads_each_kind_of_href(href, away):
    attr = "" if href is None else f' href="{href}"'
    el = strip_html.parse_page(f"<article><p><a{attr}>Lien</a></p></article>").article
    assert strip_html._leads_away(el) is away
    assert _leads_away_bs4(el) is away


@pytest.mark.parametrize("html", [
    "", "\n", "a", "a\nb", "\n\n", "ab\n", "\nab\n\ncd", "é\r\n\u2028z\n\u0085x", PAGE,
])
def test_source_line_starts_are_one_past_each_newline(html):
    starts = [0]
    pos = html.find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = html.find("\n", pos + 1)
    assert strip_html._Source(html).starts == starts


@pytest.mark.parametrize("text", [" ", "\n", "\u00a0", "\u3000", "\u2003\t", "\u00a0x", "一"])
def test_prose_counts_of_white_space_strings(text):
    soup = BeautifulSoup("<div><p></p></div>", "html.parser")
    soup.p.append(text)
    parts = strip_html._string_counts(text)
    words = strip_html._words_of(*parts[:3])
    assert strip_html._prose_counts(soup)[id(soup.p)] == (words, 0, parts[3])


@pytest.mark.parametrize("page", [PAGE, *MALFORMED], ids=lambda p: str(len(p)))
def test_html_to_text_is_the_same_as_with_bs4s_builder_and_walks(page, monkeypatch):
    config = cleannews.CleanConfig()
    ours = strip_html.html_to_text(page, config)
    monkeypatch.setattr(strip_html, "_PageBuilder", HTMLParserTreeBuilder)
    monkeypatch.setattr(strip_html, "_tags", lambda root: root.find_all(True))
    theirs = strip_html.html_to_text(page, config)
    assert (ours.text, ours.changes, ours.metadata) == (
        theirs.text, theirs.changes, theirs.metadata)


def test_html_to_text_lists_the_body_once(monkeypatch):
    walks = []
    real = Tag.find_all

    def spy(self, name=None, *args, **kwargs):
        if name is True:
            walks.append(self.name)
        return real(self, name, *args, **kwargs)

    monkeypatch.setattr(Tag, "find_all", spy)
    cleannews.clean_html(PAGE)
    # _unwrap_head lists the head's elements; no whole-page pass asks bs4 again
    assert walks.count("body") == 0


def _attr_values_full(el: Tag) -> list[str]:
    """The former :func:`_attr_values` (no early return for elements without hint
    attributes)."""
    attrs = el.attrs or {}
    values = attrs.get("class") or []
    if isinstance(values, str):
        values = [values]
    values = [*values, attrs.get("id") or "", attrs.get("role") or ""]
    for attr in ("itemtype", "typeof"):
        kind = attrs.get(attr)
        if isinstance(kind, str) and kind:
            word = strip_html.SCHEMA_TYPES.get(
                kind.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1])
            if word:
                values.append(word)
    return [v for v in values if isinstance(v, str) and v]


@pytest.mark.parametrize("page", [
    *PAGES,
    "<div itemtype=https://schema.org/Article><p typeof=schema:Comment>a</p><span id=''"
    " class='' role=navigation>b</span><i data-x=1>c</i><b>d</b></div>",
], ids=lambda p: str(len(p)))
def test_attr_values_of_elements_without_hint_attributes(page):
    soup = strip_html.parse_page(page)
    for el in soup.find_all(True):
        assert strip_html._attr_values(el) == _attr_values_full(el)

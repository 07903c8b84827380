"""Round 40, input56: malformed HTML and entity-heavy pages, duplicate JSONL keys (audit55's
findings (a), (b), (c); docs/batch.md "Malformed HTML and entity-heavy pages").

* (a) an attribute quote that is never closed put the tag's text into the cleaned text (no
  ``"`` after it) or swallowed the article's paragraphs into one attribute value (a later
  ``"`` closed it): :func:`cleannews.strip.html.runaway_quotes`.
* (b) a page of ``&lt;`` was one piece of text, one decode and one alignment step per
  reference: :data:`cleannews.strip.html.REF_RUN_MIN`.
* (c) a JSONL record writing a key twice was read last-value-wins without a word.

The tests of (a), (b) and (c) fail on the round-start code (5cd3567f).
"""

from __future__ import annotations

import html as htmlmod
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import cleannews
from _helpers import train_pages
from cleannews.config import CleanConfig
from cleannews.strip import html as H

#: French TRAIN pages with a few content lines: the article a malformed page is built from.
PAGES = 4
MIN_LINES = 4


def _articles() -> list[list[str]]:
    """Content lines of the first French TRAIN pages (each a paragraph of a built page)."""
    found = []
    for rec, _, labelled in train_pages():
        lines = [lab.text for lab in labelled if lab.label == "C" and len(lab.text) > 30]
        if rec["id"].startswith("fr-") and len(lines) >= MIN_LINES:
            found.append(lines[:8])
        if len(found) == PAGES:
            break
    assert len(found) == PAGES
    return found


def _page(lines: list[str], broken: str = "", tail_attr: str = "") -> str:
    """A page of ``lines`` (``<h1>`` then ``<p>``s, the text escaped, quotes too): ``broken``
    written before the second paragraph, ``tail_attr`` in the start tag of the last one."""
    esc = [htmlmod.escape(t) for t in lines]
    body = f"<h1>{esc[0]}</h1>" + "".join(
        (broken if i == 1 else "") + (f"<p{tail_attr}>" if i == len(esc) - 1 else "<p>")
        + t + "</p>" for i, t in enumerate(esc[1:], 1))
    return f"<html><head><title>t</title></head><body><article>{body}</article></body></html>"


@pytest.mark.parametrize("tail_attr", ["", ' class="fin"'], ids=["no-later-quote", "later-quote"])
def test_an_unclosed_attribute_quote_leaves_no_tag_text_and_loses_no_paragraph(tail_attr):
    """``<div class="a" id="b <p>Le conseil…``: with no ``"`` after it, html.parser wrote
    ``<div class="a" id="b <p>`` into the text; with one (``<p class="fin">``), the value ran
    to it and the paragraphs between were lost. Now the text is the well-formed page's."""
    for lines in _articles():
        good = cleannews.clean_html(_page(lines, '<div class="a" id="b">', tail_attr)).text
        bad = cleannews.clean_html(_page(lines, '<div class="a" id="b ', tail_attr)).text
        assert "<div" not in bad and 'id="b' not in bad
        assert bad == good


def test_a_runaway_quote_is_found_only_in_a_start_tag_and_a_value_that_closes_cleanly_stays():
    """Markup inside a value that closes where the tag goes on (a tooltip), a ``="…>`` in a
    text or a script: no runaway; the page's text is the same as before."""
    page = ('<p data-tip="<b>Gras</b> et <i>penché</i>" class=x>Un = "deux > trois".</p>'
            '<script>if (a<b) { x = "<p>"; }</script><p title=\'<em>\'>Fin.</p>')
    assert H.runaway_quotes(page) == []
    assert H._close_runaway_quotes(page) is page
    text = cleannews.clean_html(page).text
    assert 'Un = "deux > trois".' in text and "Fin." in text


def test_a_tag_cut_at_the_end_and_attribute_values_over_lines_keep_the_text():
    """The brief's other shapes (they already read well; kept so): ``<p`` cut at the page's
    end, attribute values written over several lines, a ``<`` in a sentence."""
    lines = _articles()[0]
    whole = cleannews.clean_html(_page(lines)).text
    assert cleannews.clean_html(_page(lines) + "<p").text == whole
    multi = _page(lines, '<div class="a\n  b\n  c" title="x\ny">')
    assert cleannews.clean_html(multi).text == whole
    text = cleannews.clean_html(_page([lines[0], "Le vote : 12 < 15 voix, puis 3 > 2.",
                                       *lines[1:]])).text
    assert "Le vote : 12 < 15 voix, puis 3 > 2." in text


def test_a_page_of_entity_references_is_aligned_in_a_few_pieces(monkeypatch):
    """Work counted, not time: 20,000 ``&lt;`` in a paragraph were 20,000 pieces of the
    block, 20,000 calls of ``unescape`` in :func:`line_pieces` and 20,000 alignment pieces
    (25 times the time per character of a plain text; 830 MB for 3 MB). Now a piece per
    :data:`~cleannews.strip.html.REF_CHUNK` (4,096) references; the
    text is the same, and a short run (``&laquo;&nbsp;``) keeps one piece per reference."""
    calls = []
    real = H.unescape
    monkeypatch.setattr(H, "unescape", lambda s: calls.append(s) or real(s))
    n = 20_000
    page = "<html><body><p>Avant " + "&lt;" * n + " après.</p></body></html>"
    res = H.html_to_text(page, CleanConfig())
    assert res.text == "Avant " + "<" * n + " après.\n"
    assert len(calls) < 10
    assert len(res.alignment._out_start) < n // H.REF_CHUNK + 10  # a piece per chunk of refs
    assert res.alignment.to_input(6, 6 + n) == (page.index("&"), page.index(" après"))
    short = "<p>Il dit &laquo;&nbsp;oui&nbsp;&raquo;.</p>"
    res = H.html_to_text(short, CleanConfig())
    assert res.text == "Il dit «\xa0oui\xa0».\n"
    assert res.alignment.to_input(7, 8) == (short.index("&laquo;"), short.index("&nbsp;"))


def test_a_page_of_entity_references_is_a_few_parser_events_and_the_same_tree(monkeypatch):
    """Work counted: html.parser handed bs4 each of 20,000 ``&lt;`` as an event of its own
    (``handle_entityref``); a long run of known references is now hidden from it and decoded
    in the tree, which is the tree the parser builds reading each reference (text, attribute
    value, script, comment, a run with an unknown name in it, a short run)."""
    from bs4 import BeautifulSoup
    from bs4.builder._htmlparser import BeautifulSoupHTMLParser

    calls = []
    real = BeautifulSoupHTMLParser.handle_entityref
    monkeypatch.setattr(BeautifulSoupHTMLParser, "handle_entityref",
                        lambda self, name: calls.append(name) or real(self, name))
    page = "<p>Avant " + "&lt;&eacute;" * 10_000 + " après.</p>"
    assert H.parse_page(page).p.get_text() == "Avant " + "<é" * 10_000 + " après."
    assert len(calls) < 10
    run = "&lt;&gt;&amp;&eacute;" * 5
    mixed = (f"<div title='{run}'><p>a {run} b &lt;&gt; c {run}&foo;{run}</p>"
             f"<script>x = '{run}';</script><!-- {run} --><p>{run}&lt</p></div>")
    hidden = str(H.parse_page(mixed))
    monkeypatch.setattr(H, "_known_ref_runs", lambda html: [])  # each reference an event
    assert hidden == str(H.parse_page(mixed))
    plain = BeautifulSoup(mixed.replace("&foo;", ""), "html.parser")  # (bs4 drops its ";")
    assert str(H.parse_page(mixed.replace("&foo;", ""))) == str(plain)


def test_a_run_of_references_holding_white_space_is_read_reference_by_reference():
    """A long run with a reference to a line break in it (``&#10;``) still collapses that
    white space as before (each reference its own piece)."""
    page = "<p>a " + "&lt;" * 20 + "&#10;&#10;" + "&gt;" * 20 + " b</p>"
    res = H.html_to_text(page, CleanConfig())
    assert res.text == "a " + "<" * 20 + " " + ">" * 20 + " b\n"


def test_a_record_that_writes_a_key_twice_is_warned_once(tmp_path, caplog):
    """``{"id": "r1", "text": "…", "text": "…"}`` was read last-value-wins without a word;
    now one warning names the record (place and id) and the key, and the last value is
    still the one read (``json.loads``'s rule)."""
    from cleannews.cli import main

    src = tmp_path / "in.jsonl"
    first = "Le conseil municipal a voté le budget de la commune hier soir."
    last = "Les élus ont débattu pendant trois heures avant de voter le budget."
    twice = (f'{{"id": "r1", "text": {json.dumps(first)}, "meta": {{"a": 1, "a": 2}}, '
             f'"text": {json.dumps(last)}}}')
    src.write_text(json.dumps({"id": "r0", "text": first}) + "\n" + twice + "\n", "utf-8")
    with caplog.at_level("WARNING", logger="cleannews"):
        assert main(["run", str(src), "-o", str(tmp_path / "out"), "--jobs", "1"]) == 0
    told = [m for m in caplog.messages if "more than once" in m]
    assert told == [f"{src}:2 (id r1): the record writes 'a', 'text' more than once; the last "
                    "value is read (JSON readers differ here: check the producer of this file)"]
    out = [json.loads(x) for x in (tmp_path / "out" / "clean.jsonl").read_text().splitlines()]
    assert [r["text"] for r in out if r["id"] == "r1"] == [last]

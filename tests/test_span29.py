"""Exact source spans for the changes of ``clean_html`` (round 27).

A block the strip stage removed with the blank line after it was mapped to its element's
source and the first character of the next block's (the ``<`` of its start tag, or all the
markup up to the next block), so ``cleannews explain page.html`` said ``(lines 2-3)`` of a
one-line removal; a repair of one character mapped to its whole block. Now each text node
of a block maps to its run of source characters, exactly where the text is written as
shown, and the blank lines between blocks stand for no source text
(:meth:`cleannews._align.Alignment.gap`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tools.html_spans import shown, verdict

import cleannews
from cleannews._align import Alignment
from cleannews._input import decode_input

ROOT = Path(__file__).resolve().parent.parent
GOLD = Path("/work/cache/html-fr6")
CONFIG = cleannews.CleanConfig(score_spin=False)

BODY = ("Le gouvernement a annoncé mardi un nouveau plan pour les transports régionaux, "
        "qui sera financé par l'État.")
TAIL = ("Les syndicats ont salué une avancée, tout en restant prudents sur le calendrier de "
        "mise en œuvre.")
SHARE_PAGE = (f"<html><body><article><p>{BODY}</p><p>Partager sur Facebook</p><p>{TAIL}</p>"
              "</article></body></html>")


def _strip_changes(html: str) -> list:
    return [c for c in cleannews.clean_html(html, CONFIG).changes if c.stage == "strip"]


def test_a_share_bar_maps_to_its_text_not_to_the_next_tag():
    (c,) = _strip_changes(SHARE_PAGE)
    assert c.rule == "share_bar"
    # main: (135, 164), '<p>Partager sur Facebook</p><' (the next <p>'s "<")
    assert SHARE_PAGE[c.span[0]:c.span[1]] == "Partager sur Facebook"


def test_explain_shows_a_one_line_removal_on_one_line():
    page = (f"<html><body><article>\n<p>{BODY}</p>\n<p>Partager sur Facebook</p>\n"
            f"<p>{TAIL}</p>\n</article></body></html>\n")
    out = cleannews.explain(page, html=True, changes_only=True)
    assert "(lines" not in out  # main: "(lines 3-4)", line 4 marked changed
    assert "3 - <p>Partager sur Facebook</p>" in out.splitlines()
    assert "4 ~" not in out and "(removed" not in out


def test_explain_on_the_command_line_too(tmp_path):
    from _helpers import run_cli

    page = tmp_path / "page.html"
    page.write_text(f"<html><body><article>\n<p>{BODY}</p>\n<div class='x'>\n"
                    f"<p>Partager sur Facebook</p>\n</div>\n<p>{TAIL}</p>\n</article>"
                    "</body></html>\n", "utf-8")
    r = run_cli("explain", "--changes-only", str(page))
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode("utf-8")
    assert "(lines" not in out
    assert "4 - <p>Partager sur Facebook</p>" in out.splitlines()


def test_a_repair_maps_to_the_characters_it_changed():
    page = f"<html><body><article><p>{BODY} Un mot\u200bcoupé.</p><p>{TAIL}</p></article>"
    doc = cleannews.clean_html(page, CONFIG)
    (c,) = [c for c in doc.changes if c.stage == "repair"]
    assert page[c.span[0]:c.span[1]] == "\u200b"  # main: the whole <p> and the next "<"


def test_character_references_and_collapsed_spaces_map_to_their_source():
    from cleannews.strip.html import line_pieces

    page = "<p>Un &amp;\n  deux <b>trois</b></p>"
    pieces = line_pieces(page, ["Un &\n  deux ", "trois"], {0: (3, 19), 1: (22, 27)},
                         "Un & deux trois")
    a = Alignment()
    for s, e, n, exact in pieces:
        a.copy(s, e) if exact else a.replace(s, e, n)
    text = "Un & deux trois"
    assert a.output_length == len(text)
    for word in ("Un", "&", "deux", "trois"):
        i = text.index(word)
        s, e = a.to_input(i, i + len(word))
        assert shown(page[s:e]) == shown(word)


def test_pieces_that_do_not_rebuild_the_block_fall_back():
    from cleannews.strip.html import line_pieces

    assert line_pieces("<p>a</p>", ["a"], {0: (3, 4)}, "b") is None
    assert line_pieces("<p>a</p>", ["a"], {}, "a") is None  # a text of unknown source


def test_the_blank_line_between_blocks_maps_to_no_source_text():
    a = Alignment()
    a.copy(3, 8)
    a.gap(20, 8, 2)  # input[8:20]: the markup between the two blocks
    a.copy(20, 24)
    assert a.to_input(0, 7) == (3, 8)  # a block and the separator after it
    assert a.to_input(5, 11) == (20, 24)
    assert a.to_input(5, 7) == (20, 20)  # the separator alone: an empty range


def _fixture_pages() -> list[Path]:
    return sorted((ROOT / "fixtures" / "strip").glob("*.html"))


@pytest.mark.parametrize("path", _fixture_pages(), ids=lambda p: p.stem)
def test_annotated_pages_spans_are_exact(path):
    html, _ = decode_input(path.read_bytes(), html=True)
    doc = cleannews.clean_html(html, CONFIG)
    for c in doc.changes:
        if c.stage in ("strip", "repair", "html"):
            assert verdict(c.before, html[c.span[0]:c.span[1]]) == "exact", (c.rule, c.span)


def test_annotated_pages_have_strip_changes():
    n = sum(len(_strip_changes(decode_input(p.read_bytes(), html=True)[0]))
            for p in _fixture_pages())
    assert n >= 40  # (50 strip changes on the 14 pages, none exact on main)


def _gold_dev(n: int) -> list[Path]:
    if not (GOLD / "manifest.jsonl").is_file():
        return []
    dev = set(json.loads((ROOT / "benchmarks" / "html_gold_split.json").read_text("utf-8"))["dev"])
    rows = [json.loads(line) for line in (GOLD / "manifest.jsonl").read_text("utf-8").splitlines()
            if line.strip()]
    return [GOLD / "pages" / f"{r['file']}.html" for r in rows if r["id"] in dev][:n]


@pytest.mark.skipif(not _gold_dev(1), reason="the gold HTML cache is not on this machine")
def test_gold_dev_pages_spans_are_exact():
    counts = {"exact": 0, "inexact": 0}
    for path in _gold_dev(40):
        html, _ = decode_input(path.read_bytes(), html=True)
        for c in cleannews.clean_html(html, CONFIG).changes:
            if c.stage in ("strip", "repair"):
                ok = verdict(c.before, html[c.span[0]:c.span[1]]) == "exact"
                counts["exact" if ok else "inexact"] += 1
    assert counts["exact"] >= 20
    assert counts["inexact"] <= counts["exact"] // 50  # 99.7 % exact on the dev half


# --------------------------------------------------------------------------- property

BOILERPLATE = ["Partager sur Facebook", "Partager sur Twitter", "Lire aussi",
               "Abonnez-vous à notre newsletter", "Publicité"]
WORDS = ("le conseil municipal a voté mardi soir un budget de quatre millions d'euros pour "
         "rénover les écoles du quartier nord après une longue séance publique").split()


@st.composite
def pages(draw):
    """An article of prose paragraphs with boilerplate blocks among them, each block in a
    random element, written with random white space, inline markup and references."""
    blocks = []
    removable = []
    for _ in range(draw(st.integers(3, 8))):
        if draw(st.booleans()):
            text = draw(st.sampled_from(BOILERPLATE))
            removable.append(text)
        else:
            n = draw(st.integers(12, 30))
            start = draw(st.integers(0, len(WORDS) - 1))
            text = " ".join(WORDS[(start + k) % len(WORDS)] for k in range(n)).capitalize() + "."
        words = text.split(" ")
        k = draw(st.integers(0, len(words) - 1))
        inline = draw(st.sampled_from(["", "b", "a", "em"]))
        if inline:
            words[k] = f"<{inline}>{words[k]}</{inline}>"
        sep = draw(st.sampled_from([" ", "\n  ", " \t"]))
        body = sep.join(words).replace("é", draw(st.sampled_from(["é", "&eacute;", "&#233;"])))
        tag = draw(st.sampled_from(["p", "div", "h2", "li"]))
        pad = draw(st.sampled_from(["", "\n", "\n  "]))
        el = f"<{tag}>{pad}{body}{pad}</{tag}>"
        if tag == "li":
            el = f"<ul>{el}</ul>"
        blocks.append(el)
    gap = draw(st.sampled_from(["", "\n", "\n\n  "]))
    return "<html><body><article>" + gap.join(blocks) + "</article></body></html>", removable


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_every_strip_change_covers_exactly_the_removed_elements_text(page):
    html, _ = page
    for c in _strip_changes(html):
        s, e = c.span
        assert shown(html[s:e]) == shown(c.before), (c.rule, html[s:e])
        assert html[s] not in "<\n " and html[e - 1] not in ">\n ", (c.rule, html[s:e])


# --------------------------------------------------------------------------- adversarial

MB = 1_000_000


@pytest.mark.parametrize("unit", ["&amp;", "&", " \n\t", "a&#", "&eacute", "x "])
def test_one_megabyte_block_of_references_and_spaces(unit):
    """1 MB of one block: its pieces are read once (finishing is the test)."""
    from html import unescape

    from cleannews.strip.html import line_pieces

    body = unit * (MB // len(unit))
    page = f"<p>{body}</p>"
    text = " ".join(unescape(body).split())
    pieces = line_pieces(page, [unescape(body)], {0: (3, 3 + len(body))}, text)
    assert pieces is None or sum(n for _, _, n, _ in pieces) == len(text)


@pytest.mark.parametrize("unit", ["<b>a</b> ", "<b>a</b>, <i>b</i>\n", "x<!-- c -->",
                                  "<br>", "a > b "])
def test_one_megabyte_of_small_text_nodes(unit):
    page = "<html><body><p>" + unit * (MB // len(unit)) + "</p></body></html>"
    doc = cleannews.clean_html(page, CONFIG)
    assert all(0 <= c.span[0] <= c.span[1] <= len(page) for c in doc.changes)


@pytest.mark.parametrize("line", ["<" * MB, "<a" * (MB // 2), "a>" * (MB // 2), "x" * MB])
def test_explain_markup_check_on_one_megabyte_lines(line):
    from cleannews._explain import _markup_only

    assert _markup_only(line, 0, len(line), [(1, 2)]) in (True, False)

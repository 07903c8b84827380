"""Fifteenth round's exact speed-ups (branch perf15): same answers, less work.

* HTML: the generic-filter finds of bs4 on the hot paths (``find_next_sibling()`` in the
  list-title test, ``find_parent("a")`` per string, ``find([...])`` in the picture and
  call tests) are plain loops (:func:`_next_tag`, :func:`_parent_named`,
  :func:`_first_named`); they must return the very element bs4 returns.
* Strip: the non-blank line indices are worked out once per neighbour pass, line-model
  run and run-model run and handed to each step (``idx``), not rebuilt by each step.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, PageElement, Tag

import cleannews
from cleannews.strip import _zones, detectors, linemodel, runmodel
from cleannews.strip import html as strip_html
from cleannews.strip._assemble import GOOD, split_lines
from cleannews.strip.detectors import judge_lines

ROOT = Path(__file__).resolve().parent.parent
GOLD = Path("/work/cache/html-fr6")

PAGE = (
    "<html><head><title>T</title></head><body><nav><a href=/>Accueil</a> | "
    "<a href=/m><span>Monde</span></a></nav><article><h1>Le port rénové</h1>"
    '<div class="media"><a href="/p"><img alt="Le port au matin"></a>'
    '<div class="sub">Le port au matin</div></div> texte libre <!-- note -->'
    "<p>Les travaux <em>du port</em> se sont achevés, <a href=/x>lire <b>ici</b></a>.</p>"
    "<h3>Lire aussi</h3>\n<ul><li><a href=/a>Un</a></li><li><a href=/b>Deux</a></li></ul>"
    "<table><tr><td><a href=/t><i>case</i></a></td><th>tête</th></tr></table>"
    "<div><time datetime=2024-01-02>2 janvier</time><img src=x.png></div>"
    "<p><img src=a.jpg><span>Figure 2 : la carte</span></p></article>"
    "<footer><p>Pied</p> fin</footer></body></html>"
)

NAME_SETS = [
    strip_html._A,
    strip_html._IMG,
    strip_html._IMG_TIME,
    strip_html._NO_CAPTION_PARENTS,
    strip_html._CALL_INNER_BLOCKS,
]


def _pages() -> list[str]:
    pages = [PAGE]
    split = ROOT / "benchmarks" / "html_gold_split.json"
    if (GOLD / "manifest.jsonl").is_file():
        dev = json.loads(split.read_text("utf-8"))["dev"][:8]
        files = {}
        for line in (GOLD / "manifest.jsonl").read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                files[row["id"]] = row["file"]
        pages += [(GOLD / "pages" / f"{files[k]}.html").read_text("utf-8", "replace") for k in dev]
    return pages


@pytest.mark.parametrize("page", _pages(), ids=lambda p: str(len(p)))
def test_plain_finds_return_what_bs4_returns(page):
    soup = BeautifulSoup(page, "html.parser")
    nodes = list(soup.descendants)
    assert nodes
    for node in nodes:
        assert strip_html._next_tag(node) is node.find_next_sibling()
        for names in NAME_SETS:
            assert strip_html._parent_named(node, names) is node.find_parent(sorted(names))
            if isinstance(node, Tag):
                assert strip_html._first_named(node, names) is node.find(sorted(names))


def _deep(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + "<p>Un court texte au fond.</p></body></html>"


def test_the_html_walk_makes_no_generic_sibling_or_parent_search(monkeypatch):
    # the list-title test asked bs4's find_next_sibling() of every short element (a
    # SoupStrainer built per call: ~14 % of clean_html on a page nested thousands deep)
    calls = {"find_next_sibling": 0, "find_parent": 0}

    def counting(name):
        original = getattr(PageElement, name)

        def wrapper(self, *args, **kwargs):
            calls[name] += 1
            return original(self, *args, **kwargs)

        return wrapper

    cleannews.clean_html(_deep(5))
    for name in calls:
        monkeypatch.setattr(PageElement, name, counting(name))
    doc = cleannews.clean_html(_deep(400))
    assert doc.text.startswith("Un court texte")
    assert calls == {"find_next_sibling": 0, "find_parent": 0}, calls
    cleannews.clean_html(PAGE)
    assert calls["find_next_sibling"] == 0, calls


def _judged(name: str):
    text = (ROOT / "fixtures" / "strip" / name).read_text("utf-8")
    spans = split_lines(text)
    lines, _ = judge_lines(text, spans, ("fr", "en"))
    return lines


def _decisions(lines) -> list:
    return [(ln.cls, ln.removal.rule if ln.removal else None) for ln in lines]


STRIP_DOCS = sorted(p.name for p in (ROOT / "fixtures" / "strip").glob("*.txt"))[:24]


@pytest.mark.parametrize("name", STRIP_DOCS)
def test_passes_given_the_non_blank_indices_decide_as_when_they_count_them(name):
    # the neighbour pass and the two models work the non-blank indices out once and hand
    # them to each step (``idx``); each step must decide as when it counts them itself
    lines = _judged(name)
    idx = [i for i, ln in enumerate(lines) if not ln.blank]
    assert linemodel.article_lists(lines, idx) == linemodel.article_lists(lines)
    headline = detectors.title_line(lines)
    states = runmodel.line_states(lines, headline)
    probs = {i: 0.6 for i in idx[::3]}
    cands = runmodel.run_candidates(lines, states, probs, idx)
    assert cands == runmodel.run_candidates(lines, states, probs)
    only = idx[::2]
    assert list(runmodel.iter_run_features(lines, states, probs, only, idx)) == list(
        runmodel.iter_run_features(lines, states, probs, only)
    )
    first_good = next((i for i in idx if lines[i].cls is GOOD), len(lines))
    last_good = max((i for i in idx if lines[i].cls is GOOD), default=-1)
    for step in (
        lambda ls, *k: detectors._menu_runs(ls, first_good, last_good, frozenset(), *k),
        lambda ls, *k: detectors._context(ls, first_good, last_good, *k),
        lambda ls, *k: _zones.caption_copies(ls, [None] * len(ls), *k),
        lambda ls, *k: _zones.card_zone(ls, *k),
    ):
        given, counted = copy.deepcopy(lines), copy.deepcopy(lines)
        step(given, list(idx))
        step(counted)
        assert _decisions(given) == _decisions(counted)

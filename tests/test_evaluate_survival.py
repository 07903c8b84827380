"""The evaluator credits each labelled line with its own occurrence (issue 10).

A headline and its ``title_repeat`` copy are the same text. Text alignment alone
(difflib) gave the surviving copy to whichever labelled line extended the longer
matching block, so removing the furniture copy could count as a dropped headline
(and the other way round). With the engine's trace (which document lines its
changes deleted) each duplicated labelled line is judged by its own occurrence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cleannews
from _helpers import train_cleaned, train_doc, train_pages
from cleannews.document import Change
from cleannews.evaluate import (
    Labelled,
    _cmp,
    _survival,
    removed_lines,
)

ROOT = Path(__file__).resolve().parents[1]
CFG = cleannews.CleanConfig(score_spin=False, quarantine=False)


def _page(lang: str, pid: str):
    doc, labelled = train_doc(pid)
    assert pid.startswith(lang + "-"), pid
    return doc, labelled


def test_read_fixture_records_each_labelled_line_number():
    doc, labelled = _page("fr", "fr-a-0168")
    lines = doc.split("\n")
    assert all(lines[lb.line] == lb.text for lb in labelled)
    assert [lb.line for lb in labelled[:3]] == [0, 1, 3]  # a blank file line between


def test_removed_lines_needs_every_visible_character_deleted():
    doc = "Titre\nTitre\nTexte long. PUB"
    changes = [
        Change("strip", "title_repeat", (6, 12), "Titre\n", "", ""),
        Change("strip", "glued", (23, 27), " PUB", "", ""),  # a glued span: the line stays
    ]
    assert removed_lines(doc, changes) == [False, True, False]
    # a replacement is not a deletion
    assert removed_lines("Titre", [Change("repair", "x", (0, 5), "Titre", "Title", "")]) == [False]


def test_duplicated_headline_is_judged_by_its_own_occurrence():
    lab = [
        Labelled("C", "Un titre", line=0),
        Labelled("title_repeat", "Un titre", line=1),
        Labelled("C", "Le texte de l'article.", line=2),
    ]
    out = "Un titre\nLe texte de l'article."
    # without a trace, difflib pairs the output's copy with the furniture copy
    assert _survival(lab, out) == [False, True, True]
    # the furniture copy was deleted: the headline survived, the furniture went
    assert _survival(lab, out, removed=[False, True, False]) == [True, False, True]
    # the headline's own line was deleted and the furniture copy kept: a content drop
    assert _survival(lab, out, removed=[True, False, False]) == [False, True, True]


def test_unique_lines_are_still_judged_by_text():
    lab = [Labelled("C", "Un titre", line=0), Labelled("share", "Partager", line=1)]
    # a trace that disagrees with the output is ignored for unique lines
    assert _survival(lab, "Un titre", removed=[True, False]) == [True, False]


def test_real_page_headline_and_its_title_repeat():
    """fr-a-0168 (TRAIN): the stage removes the labelled title_repeat copy, keeps the
    headline; the old alignment counted the headline as dropped."""
    doc, labelled = _page("fr", "fr-a-0168")
    d = cleannews.clean(doc, CFG)
    visible = "\n".join(lb.text for lb in labelled)
    head = next(k for k, lb in enumerate(labelled) if lb.label == "title_repeat")
    assert labelled[head - 1].content and _cmp(labelled[head - 1].text) == _cmp(
        labelled[head].text
    )
    old = _survival(labelled, d.text, visible)
    new = _survival(labelled, d.text, visible, removed_lines(doc, d.changes))
    assert (old[head - 1], old[head]) == (False, True)
    assert (new[head - 1], new[head]) == (True, False)


@pytest.mark.parametrize("pid", ["fr-a-0010", "fr-a-0164", "en-m-0021"])
def test_real_pages_headline_kept(pid):
    doc, labelled = _page(pid[:2], pid)
    d = cleannews.clean(doc, CFG)
    visible = "\n".join(lb.text for lb in labelled)
    surv = _survival(labelled, d.text, visible, removed_lines(doc, d.changes))
    dup = [k for k, lb in enumerate(labelled) if lb.label == "title_repeat"]
    assert dup
    for k in dup:
        twins = [j for j, lb in enumerate(labelled)
                 if lb.content and _cmp(lb.text) == _cmp(labelled[k].text)]
        assert twins and all(surv[j] for j in twins)


def test_trace_agrees_with_the_output_on_train_pages():
    """On every TRAIN page the lines the trace keeps are, in number, the output's lines
    (a glued span cut from a line leaves the line)."""
    checked = 0
    for rec, doc, _ in train_pages():
        d = train_cleaned(rec["id"], doc, CFG)
        rem = removed_lines(doc, d.changes)
        kept = [x for x, r in zip(doc.split("\n"), rem, strict=True) if not r and _cmp(x)]
        out = [x for x in d.text.split("\n") if _cmp(x)]
        assert len(kept) == len(out), rec["id"]
        checked += 1
    assert checked >= 300


def test_gallery_captions_shown_twice_are_judged_by_their_own_line():
    """de-m-0006 (TRAIN): an n-tv gallery shows each slide text twice, the copy above the
    photo credit labelled ``caption``, the other content. The stage removes the caption
    copies (with their credits) and keeps the content copies: every content copy counts as
    kept and every removed caption copy as removed. Without the trace, difflib gave the
    surviving text to the caption copy on three of the pairs (three false drops)."""
    doc, labelled = _page("de", "de-m-0006")
    d = cleannews.clean(doc, CFG)
    rem = removed_lines(doc, d.changes)
    visible = "\n".join(lb.text for lb in labelled)
    new = _survival(labelled, d.text, visible, rem)
    old = _survival(labelled, d.text, visible)
    pairs = 0
    for k, lb in enumerate(labelled):
        if lb.label != "caption":
            continue
        twin = [j for j, x in enumerate(labelled) if x.content and _cmp(x.text) == _cmp(lb.text)]
        if not twin or not rem[lb.line]:
            continue
        pairs += 1
        assert new[k] is False and new[twin[0]] is True, lb.text[:40]
        assert rem[labelled[twin[0]].line] is False
    assert pairs >= 4
    assert sum(a != b for a, b in zip(new, old, strict=True)) >= 6  # three pairs were swapped

"""The held-out list TEST bracketed per GUIDELINE rule 5 (issue 10, round 35, branch brk47a).

Until round 34 the held-out lists kept the convention from before round 32: a content line
with glued furniture was one content unit. In round 35 TEST's glued furniture was bracketed
``⟦…⟧`` blind, by a helper who read every content line of the 155 pages and never ran
cleannews on them (GUIDELINE.md, "Held-out lists bracketed per rule 5"). The result is 13
spans in 13 lines of 6 pages. These tests read labels only and never clean a page. They
check that the list carries exactly those spans, that each span sits at the start or end
of a content line and leaves content outside it, that every bracketed page names its spans
in its manifest ``notes``, and that TEST's ids and their hash did not move (the hash covers
ids only).
"""

from __future__ import annotations

from tools.strip_corpus.common import (
    GLUE_CLOSE,
    GLUE_OPEN,
    document_text,
    glue_problems,
    page_path,
    read_page,
)

from _helpers import FROZEN_SHA256, corpus_records, corpus_split, ids_digest

SPLIT = corpus_split()
RECORDS = {r["id"]: r for r in corpus_records()}

#: (page id, 1-based document line, bracketed span) of every TEST span (round 35): nine
#: read-more links, three paywall flags, one photo credit.
TEST_SPANS = {
    ("de-m-0027", 5, " [mehr]"), ("de-m-0027", 12, " [mehr]"), ("de-m-0027", 18, " [mehr]"),
    ("de-m-0028", 9, " mehr"), ("de-m-0028", 18, " mehr"), ("de-m-0028", 27, " mehr"),
    ("en-m-0006", 3, " > more"), ("en-m-0006", 4, " > more"),
    ("es-m-0020", 2, "Mostrar más"),
    ("fr-a-0023", 7, "Réservé aux abonnés"), ("fr-a-0023", 8, "Réservé aux abonnés"),
    ("fr-a-0023", 9, "Réservé aux abonnés"),
    ("fr-b-0079", 7, " - © Yves Michel"),
}

#: The prefix of the manifest note the bracketing pass appended to each page it touched.
NOTE_PREFIX = "brk47a (round 35, rule 5)"

#: The shortest content part a bracketed TEST line keeps (fr-b-0079's date line, 25 characters).
MIN_KEPT = 20


def _spans(ids: list[str]) -> dict[tuple[str, int], list[str]]:
    """(page id, line) -> the bracketed spans of that line, over the pages ``ids``."""
    out: dict[tuple[str, int], list[str]] = {}
    for pid in ids:
        for n, (_label, text) in enumerate(read_page(page_path(RECORDS[pid])), 1):
            if GLUE_OPEN in text or GLUE_CLOSE in text:
                out[(pid, n)] = [s.split(GLUE_CLOSE)[0] for s in text.split(GLUE_OPEN)[1:]]
    return out


def test_test_carries_the_round_35_spans_and_no_other():
    """Fails on main: no TEST line carried brackets before round 35."""
    got = _spans(SPLIT["test_ids"])
    assert {(pid, n, s) for (pid, n), spans in got.items() for s in spans} == TEST_SPANS
    assert len(got) == 13 and len({pid for pid, _ in got}) == 6
    assert all(len(spans) == 1 for spans in got.values())


def test_each_span_sits_at_a_content_line_edge_and_leaves_content():
    for pid, n, span in sorted(TEST_SPANS):
        label, text = read_page(page_path(RECORDS[pid]))[n - 1]
        assert label == "C" and not glue_problems(label, text), (pid, n)
        marked = GLUE_OPEN + span + GLUE_CLOSE
        assert text.startswith(marked) or text.endswith(marked), (pid, n)
        kept = text.replace(marked, "")
        assert len(kept.strip()) >= MIN_KEPT, (pid, n)  # the teaser or date line stays
        rebuilt = kept + span if text.endswith(marked) else span + kept
        assert document_text(label, text) == rebuilt, (pid, n)


def test_every_bracketed_page_names_its_spans_in_its_notes():
    """Fails on main: the notes carried no record of the pass."""
    bracketed = {pid for pid, _, _ in TEST_SPANS}
    noted = {pid for pid in SPLIT["test_ids"] if NOTE_PREFIX in (RECORDS[pid].get("notes") or "")}
    assert noted == bracketed


def test_the_test_ids_and_hash_did_not_move():
    ids = SPLIT["test_ids"]
    assert len(ids) == 155
    assert ids_digest(ids) == SPLIT["test_ids_sha256"] == FROZEN_SHA256["test"]

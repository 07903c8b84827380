"""The held-out lists test2, test3 and test4 bracketed per GUIDELINE rule 5 (issue 10, round 35,
branch brk47b).

Until round 34 the held-out lists kept the convention from before round 32: a content line with
glued furniture was one content unit. In round 35 their glued furniture was bracketed ``⟦…⟧``
blind, by a helper who read every content line of the 132 pages and never ran cleannews on them
(GUIDELINE.md, "Held-out lists bracketed per rule 5 (issue 10, round 35, branch brk47b)"): 35
spans in 30 lines of 8 pages. These tests read the page files and manifests only (no page is
cleaned): the three lists carry exactly those spans, every span is a rule-5 kind whose line keeps
content outside it, each touched page names the pass in its ``notes``, and the lists' ids and
hashes did not move (the hashes cover ids only).
"""

from __future__ import annotations

import pytest
import regex
from tools.strip_corpus.common import GLUE_CLOSE, GLUE_OPEN, glue_problems, page_path, read_page

from _helpers import FROZEN_SHA256, corpus_records, corpus_split, ids_digest

SPLIT = corpus_split()
RECORDS = {r["id"]: r for r in corpus_records()}
LISTS = ("test2", "test3", "test4")
SPAN = regex.compile(f"{GLUE_OPEN}([^{GLUE_CLOSE}]*){GLUE_CLOSE}")

_PLUS = " (Kleine Zeitung PLUS)"
#: (page id, 1-based document line) -> the line's bracketed spans, in order (round 35).
ROUND35_SPANS = {
    ("de-t2-0004", 4): [_PLUS],
    ("de-t2-0004", 12): [" Mehr lesen Sie hier."],
    ("de-t2-0004", 14): [" Hier lesen Sie mehr.", _PLUS],
    ("de-t2-0004", 16): [_PLUS],
    ("de-t2-0004", 17): [_PLUS],
    **{("de-t2-0005", n): [" weiter"] for n in (7, 13, 19, 25, 29, 33, 39)},
    **{("it-t2-0002", n): [" (LEGGI QUI)"] for n in (3, 5, 7, 9)},
    ("fr-t3-0012", 1): ["Photo : Patrick Lambin / Jazz à la Petite France ", "Il y a 9 mois ",
                        " Gratuit"],
    ("fr-t3-0012", 2): ["Photo : Document remis ", "Il y a 9 mois ", " Édition abonnés"],
    **{("fr-t4-0014", n): [f"Read Full Story (Page {p})"]
       for n, p in ((4, 1), (6, 3), (8, 1), (10, 1), (12, 1), (14, 1))},
    ("fr-t4-0016", 3): [" Print"],
    ("fr-t4-0018", 1): [" Crédit photo Tour du Rwanda"],
    ("fr-t4-0018", 2): [" Crédit photo William CANNARELLA / DirectVelo"],
    ("fr-t4-0018", 3): [" Crédit photo DR"],
    ("fr-t4-0018", 4): [" Crédit photo 53x11.studio"],
    ("fr-t4-0025", 1): ["lire la suite"],
}

#: Spans per list (test2, test3, test4) and in all.
SPANS_PER_LIST = {"test2": 17, "test3": 6, "test4": 12}

#: The rule-5 kinds these spans are: read-more links (20), paywall flags (6), photo credits
#: (6), relative times (2), a share label (1); a span matching none was bracketed by mistake.
RULE5_SPAN = regex.compile(
    r"^ ?(?:\(Kleine Zeitung PLUS\)|Mehr lesen Sie hier\.|Hier lesen Sie mehr\.|weiter"
    r"|\(LEGGI QUI\)|Read Full Story \(Page \d+\)|lire la suite|Print|Gratuit|Édition abonnés"
    r"|Il y a \d+ mois |Photo : .+ |Crédit photo .+)$"
)

#: The marker every note of the pass carries.
NOTE_MARK = "round 35, branch brk47b"


def _bracketed(name: str) -> dict[tuple[str, int], list[str]]:
    """(page id, line) -> bracketed spans, over the pages of the held-out list ``name``."""
    out = {}
    for pid in SPLIT[f"{name}_ids"]:
        for n, (_, text) in enumerate(read_page(page_path(RECORDS[pid])), 1):
            if spans := SPAN.findall(text):
                out[(pid, n)] = spans
    return out


def test_the_three_lists_carry_the_round_35_spans_and_no_other():
    """Fails on main: no test2 / test3 / test4 line carried brackets before round 35."""
    got = {}
    for name in LISTS:
        spans = _bracketed(name)
        assert sum(map(len, spans.values())) == SPANS_PER_LIST[name], name
        got |= spans
    assert got == ROUND35_SPANS
    assert len(got) == 30 and len({pid for pid, _ in got}) == 8


@pytest.mark.parametrize("key", sorted(ROUND35_SPANS))
def test_each_span_is_a_rule_5_kind_and_the_line_keeps_content(key):
    pid, n = key
    label, text = read_page(page_path(RECORDS[pid]))[n - 1]
    assert label == "C" and glue_problems(label, text) == []
    assert SPAN.findall(text) == ROUND35_SPANS[key]  # fails on main: no span
    assert all(RULE5_SPAN.match(span) for span in ROUND35_SPANS[key]), text[:80]
    kept = SPAN.sub("", text)
    assert len(kept.strip()) >= 15, kept  # the teaser, summary or date line stays outside


def test_every_bracketed_page_names_the_pass_in_its_notes():
    """Fails on main: the notes carried no record of the pass."""
    for pid in {pid for pid, _ in ROUND35_SPANS}:
        assert NOTE_MARK in RECORDS[pid].get("notes", ""), pid


@pytest.mark.parametrize("name", LISTS)
def test_the_lists_ids_and_hashes_did_not_move(name):
    assert SPLIT[f"{name}_ids_sha256"] == FROZEN_SHA256[name]
    assert ids_digest(SPLIT[f"{name}_ids"]) == FROZEN_SHA256[name]

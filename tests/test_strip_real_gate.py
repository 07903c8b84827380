"""Quality gate on the real-page corpus (fixtures/strip_real): the strip stage's
figures on the site-held-out TEST split must stay at or above the floors pinned in
fixtures/strip_real/floors.json (trafilatura's eval-gate idea). The split was frozen
before any rule or model was tuned on these pages (split.json records its hash)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from cleannews.evaluate import evaluate_corpus, read_corpus

CORPUS = Path(__file__).parent.parent / "fixtures" / "strip_real"
FLOORS = json.loads((CORPUS / "floors.json").read_text("utf-8"))
SPLIT = json.loads((CORPUS / "split.json").read_text("utf-8"))
GUIDELINE_KINDS = set(
    re.findall(r"^\| `([a-z_]+)` \|", (CORPUS / "GUIDELINE.md").read_text("utf-8"), re.M)
)


@pytest.fixture(scope="module")
def result() -> dict:
    return evaluate_corpus(CORPUS, split="test")


def test_split_is_the_frozen_one():
    pages = read_corpus(CORPUS)
    test_ids = sorted(rec["id"] for rec, _, _ in pages if rec["split"] == "test")
    digest = hashlib.sha256("\n".join(test_ids).encode("utf-8")).hexdigest()
    assert test_ids == SPLIT["test_ids"]
    assert digest == SPLIT["test_ids_sha256"]
    # no site on both sides
    train_sites = {rec["site"] for rec, _, _ in pages if rec["split"] == "train"}
    assert train_sites.isdisjoint(SPLIT["test_sites"])


def test_every_page_is_labelled_and_reviewed():
    # read_corpus raises on a line without a C| or B:<kind>| label
    pages = read_corpus(CORPUS)
    assert len(pages) >= 300
    for rec, _doc, labelled in pages:
        assert rec["reviewed"], rec["id"]
        assert labelled, rec["id"]
        # every boilerplate kind is one of the guideline's table
        assert {lb.label for lb in labelled if not lb.content} <= GUIDELINE_KINDS, rec["id"]


@pytest.mark.parametrize("group", sorted(FLOORS["test"]))
def test_floors_on_the_held_out_split(result, group):
    s, f = result["cleannews"][group], FLOORS["test"][group]
    assert s["removal_precision"] >= f["min_removal_precision"], s
    assert s["removal_recall"] >= f["min_removal_recall"], s
    assert s["content_kept_share"] >= f["min_content_kept_share"], s["dropped_content_lines"]

"""The third frozen held-out list of the real-page corpus, ``test3`` (issue 10, 2026-12-02).

45 pages of 45 sites new to the corpus, all on the held-out side of the site hash, gathered
and labelled by a helper who never ran the cleaner on them, reviewed in a second full pass
and frozen in ``fixtures/strip_real/split.json`` before any evaluation. These tests check
the frozen ids and their SHA-256, that the list shares no page and no site with TRAIN, TEST
or test2, that no development path (the default ``read_corpus``, the strip model's training
reader) reaches it, and that every page is labelled, reviewed and equal to its saved raw
answer. They never run the cleaner on these pages: the lead evaluates them once, with
``python -m cleannews.evaluate --corpus fixtures/strip_real --split test3``."""

from __future__ import annotations

import json
import re

import pytest

from _helpers import CORPUS, ROOT, corpus_records, corpus_split, guideline_kinds, ids_digest
from cleannews.evaluate import evaluate_corpus, held_out_site, main, read_corpus

SPLIT = corpus_split()
KINDS = guideline_kinds()




@pytest.fixture(scope="module")
def test3_pages():
    return read_corpus(CORPUS, ("test3",))


def test_test3_ids_and_hash_are_the_frozen_ones(test3_pages):
    ids = sorted(rec["id"] for rec, _, _ in test3_pages)
    assert ids == SPLIT["test3_ids"]
    assert ids_digest(ids) == SPLIT["test3_ids_sha256"]
    assert ids_digest(SPLIT["test3_ids"]) == SPLIT["test3_ids_sha256"]
    assert len(ids) == 45
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", SPLIT["test3_frozen"])
    assert {rec["site"] for rec, _, _ in test3_pages} == set(SPLIT["test3_sites"])
    # every page of a *-t3 batch is in the list, and only those
    assert ids == sorted(r["id"] for r in corpus_records() if "-t3-" in r["id"])


def test_test3_is_disjoint_from_train_test_and_test2():
    every = read_corpus(CORPUS, None)
    by_split: dict[str, list[dict]] = {}
    for rec, _, _ in every:
        by_split.setdefault(rec["split"], []).append(rec)
    ids = {name: {r["id"] for r in recs} for name, recs in by_split.items()}
    sites = {name: {r["site"] for r in recs} for name, recs in by_split.items()}
    t3_ids, t3_sites = set(SPLIT["test3_ids"]), set(SPLIT["test3_sites"])
    assert ids["test3"] == t3_ids
    for other in ("train", "test", "test2"):
        assert t3_ids.isdisjoint(ids[other]), other
        assert t3_sites.isdisjoint(sites[other]), other
    for key in ("test_ids", "test2_ids"):
        assert t3_ids.isdisjoint(SPLIT[key])
    for key in ("test_sites", "test2_sites"):
        assert t3_sites.isdisjoint(SPLIT[key])
    # held-out side of the site hash, like the two earlier lists
    assert all(held_out_site(s) for s in t3_sites)


def test_no_development_path_reads_test3():
    default = read_corpus(CORPUS)  # TRAIN and the first TEST list
    assert not any("-t3-" in rec["id"] or rec["split"] == "test3" for rec, _, _ in default)
    train_only = read_corpus(CORPUS, ("train",))
    assert not set(SPLIT["test3_ids"]) & {rec["id"] for rec, _, _ in train_only}
    # the strip model's training reader: every *_ids / *_sites list of split.json is held out
    import sys

    sys.path.insert(0, str(ROOT))
    from tools.strip_model.train import held_out, read_train_corpus

    ids, sites = held_out(SPLIT)
    assert set(SPLIT["test3_ids"]) <= ids and set(SPLIT["test3_sites"]) <= sites
    train = read_train_corpus(CORPUS)
    assert train
    assert not {rec["id"] for rec, _, _ in train} & set(SPLIT["test3_ids"])
    assert not {rec["site"] for rec, _, _ in train} & set(SPLIT["test3_sites"])


def test_split_test3_is_a_cli_choice(capsys):
    # accepted by the command line (the corpus folder is missing, so nothing is evaluated)
    assert main(["--corpus", str(CORPUS / "no-such-folder"), "--split", "test3"]) == 2
    assert "no manifests" in capsys.readouterr().err
    with pytest.raises(ValueError):
        evaluate_corpus(CORPUS, split="test6")  # test4 and test5 are frozen lists (rounds 25, 34)


def test_test3_pages_are_labelled_reviewed_and_equal_their_raw_answers(test3_pages):
    raw: dict[str, str] = {}
    for f in sorted((CORPUS / "raw").glob("*-t3/*.json")):
        for r in json.loads(f.read_text("utf-8"))["results"]:
            raw.setdefault(r["url"], r["excerpt"])
    dropped = set()
    for f in sorted((CORPUS / "dropped").glob("*-t3.jsonl")):
        dropped |= {json.loads(x)["url"] for x in f.read_text("utf-8").splitlines() if x.strip()}
    # every saved answer is a test3 page or a candidate left out with its reason
    assert set(raw) - dropped == {rec["url"] for rec, _, _ in test3_pages}
    for rec, doc, labelled in test3_pages:
        assert rec["reviewed"] and rec["labeller"], rec["id"]
        assert rec["page_type"] in ("article", "listing", "other"), rec["id"]
        assert rec["source"] == "search:pages" and rec["lang"] in rec["id"], rec["id"]
        assert doc == raw[rec["url"]], rec["id"]  # the text is the saved answer, byte for byte
        assert [lb.text for lb in labelled] == [x for x in doc.split("\n") if x], rec["id"]
        assert any(lb.content for lb in labelled), rec["id"]
        assert {lb.label for lb in labelled if not lb.content} <= KINDS, rec["id"]

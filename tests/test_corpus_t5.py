"""The fifth frozen held-out list of the real-page corpus, ``test5`` (issue 10, round 34).

41 pages of 41 sites new to the corpus (25 French, 4 each of de/es/it/en), gathered from the
search tool's ``pages`` corpus, labelled and re-read before anybody ran cleannews on them,
frozen by ``tools/strip_corpus/freeze_split.py`` (``LISTS``). These tests check:

* the freezing rule (the script in a copy of its folder): ``test5`` is frozen once ``test4``
  exists, from held-out-side pages whose id and site are in no earlier list, never recomputed;
* that ``--split test5`` reads those ids and nothing else, and that the default and TRAIN
  readings, the strip model's training reader and the spin news reader never see them;
* the real list: ids, hash, sites on the held-out side, disjoint from the four earlier lists
  (whose hashes did not move), every page labelled, re-read and equal to its raw answer.

No floor is pinned here (the lead pins one after the first look). They never run the cleaner
on the real test5 pages: the lead evaluates them once, with
``python -m cleannews.evaluate --corpus fixtures/strip_real --split test5``."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

import test_corpus27 as c27
from _helpers import (
    CORPUS,
    FROZEN_SHA256,
    ROOT,
    assert_development_readers_skip,
    corpus_records,
    corpus_split,
    guideline_kinds,
    ids_digest,
)
from cleannews.evaluate import HELD_OUT_LISTS, evaluate_corpus, held_out_site, main, read_corpus

SPLIT = corpus_split()
KINDS = guideline_kinds()
#: The batches of the fifth list, one per language.
BATCHES = ("fr-t5", "de-t5", "es-t5", "it-t5", "en-t5")
#: The brief: about 45 pages, one per site, mostly French (25 of 41 were found in time).
MIN_PAGES, MIN_FRENCH = 40, 25

freezer = c27.freezer  # the freeze_split.py-in-a-copy fixture of the fourth list's tests


def test_test5_is_frozen_once_test4_exists_and_never_recomputed(freezer):
    held = c27._sites(True, 9)
    recs = [{"id": f"fr-x-000{i + 1}", "site": held[i]} for i in range(4)]
    split = {}
    for n in range(1, 5):  # test, test2, test3, test4: one fresh page each
        split, _ = freezer(recs[:n])
    assert split["test4_ids"] == ["fr-x-0004"] and "test5_ids" not in split
    earlier = dict(split)
    recs += [{"id": "fr-x-0005", "site": held[4]}, {"id": "fr-x-0006", "site": held[4]},
             {"id": "fr-x-0007", "site": held[1]}]  # the last one: a site of test2
    split, out = freezer(recs)
    assert {k: v for k, v in split.items() if k in earlier} == earlier  # no earlier key moved
    assert split["test5_ids"] == ["fr-x-0005", "fr-x-0006"]
    assert split["test5_sites"] == [held[4]]
    assert split["test5_ids_sha256"] == ids_digest(split["test5_ids"])
    assert "test5 2 pages (1 sites)" in out and "fr-x-0007" in out
    recs.append({"id": "fr-x-0008", "site": held[5]})  # later fresh pages stay in no list
    again, out = freezer(recs)
    assert again == split and "WARNING: 2 held-out-side pages" in out


def test_no_fifth_list_before_the_fourth(freezer):
    held = c27._sites(True, 4)
    recs = [{"id": f"fr-x-000{i + 1}", "site": held[i]} for i in range(4)]
    split = {}
    for n in (1, 2, 3):
        split, _ = freezer(recs[:n])
    split, _ = freezer([*recs, {"id": "fr-x-0009", "site": held[3]}])
    assert split["test4_ids"] == ["fr-x-0004", "fr-x-0009"] and "test5_ids" not in split


def test_split_test5_reads_only_its_ids(tmp_path, capsys):
    held = c27._sites(True, 6)
    train = c27._sites(False, 1)
    pages = {"fr-x-0001": held[0], "fr-x-0002": held[1], "fr-x-0003": held[2],
             "fr-x-0004": held[3], "fr-x-0005": held[4], "fr-x-0006": held[4],
             "fr-x-0007": held[5], "fr-x-0008": train[0]}
    split = {f"{name}_ids": [f"fr-x-000{i + 1}"] for i, name in enumerate(HELD_OUT_LISTS[:4])}
    split |= {f"{name}_sites": [held[i]] for i, name in enumerate(HELD_OUT_LISTS[:4])}
    split |= {"test5_ids": ["fr-x-0005", "fr-x-0006"], "test5_sites": [held[4]]}
    c27._write_corpus(tmp_path / "corpus", pages, split)
    root = tmp_path / "corpus"
    assert HELD_OUT_LISTS[-1] == "test5"
    assert sorted(r["id"] for r, _, _ in read_corpus(root, ("test5",))) == ["fr-x-0005",
                                                                             "fr-x-0006"]
    splits = {r["id"]: r["split"] for r, _, _ in read_corpus(root, None)}
    assert splits["fr-x-0005"] == splits["fr-x-0006"] == "test5"
    assert splits["fr-x-0007"] == "held" and splits["fr-x-0008"] == "train"
    assert {r["id"] for r, _, _ in read_corpus(root)} == {"fr-x-0001", "fr-x-0008"}
    result = evaluate_corpus(root, split="test5")
    assert result["pages"] == 2 and result["sites"] == 1
    assert main(["--corpus", str(root), "--split", "test5", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pages"] == 2
    with pytest.raises(ValueError, match="test5"):
        evaluate_corpus(root, split="test6")


def test_real_test5_ids_and_hash_are_the_frozen_ones():
    ids = SPLIT["test5_ids"]
    assert ids == sorted(ids) and ids_digest(ids) == SPLIT["test5_ids_sha256"]
    assert SPLIT["test5_ids_sha256"] == FROZEN_SHA256["test5"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", SPLIT["test5_frozen"])
    recs = {r["id"]: r for r in corpus_records()}
    assert ids == sorted(i for i in recs if "-t5-" in i)  # every *-t5 page, only those
    sites = [recs[i]["site"] for i in ids]
    assert len(set(sites)) == len(sites) == len(ids) >= MIN_PAGES  # one page per site
    assert set(SPLIT["test5_sites"]) == set(sites)
    assert sum(recs[i]["lang"] == "fr" for i in ids) >= MIN_FRENCH
    assert {recs[i]["lang"] for i in ids} == {"fr", "de", "es", "it", "en"}
    assert all(held_out_site(s) for s in sites)
    for name in HELD_OUT_LISTS[:4]:  # the earlier lists did not move and share nothing
        assert SPLIT[f"{name}_ids_sha256"] == FROZEN_SHA256[name], name
        assert not set(ids) & set(SPLIT[f"{name}_ids"]), name
        assert not set(sites) & set(SPLIT[f"{name}_sites"]), name
    others = {r["site"] for i, r in recs.items() if "-t5-" not in i}
    assert not set(sites) & others  # a site new to the corpus


def test_test5_is_disjoint_and_no_development_path_reads_it():
    by_split: dict[str, set[str]] = {}
    for rec, _, _ in read_corpus(CORPUS, None):
        by_split.setdefault(rec["split"], set()).add(rec["id"])
    assert by_split["test5"] == set(SPLIT["test5_ids"])
    assert not any(r["split"] == "test5" for r, _, _ in read_corpus(CORPUS))
    assert_development_readers_skip(SPLIT, "test5")


def test_every_test5_page_is_labelled_reread_and_equal_to_its_raw_answer():
    pages = read_corpus(CORPUS, ("test5",))
    assert len(pages) == len(SPLIT["test5_ids"])
    raw: dict[str, str] = {}
    for batch in BATCHES:
        for f in sorted((CORPUS / "raw" / batch).glob("*.json")):
            answer = json.loads(f.read_text("utf-8"))
            assert answer["corpus"] == "pages" and answer["query"], f.name
            for r in answer["results"]:
                assert isinstance(r["rank"], int) and 1 <= r["rank"] <= 12, f.name
                raw.setdefault(r["url"], r["excerpt"])
    assert set(raw) == {rec["url"] for rec, _, _ in pages}  # every saved answer is a page
    for rec, doc, labelled in pages:
        assert rec["labeller"] and rec["reviewed"] and rec["reviewed"] != rec["labeller"]
        assert rec["page_type"] in ("article", "listing"), rec["id"]
        assert rec["source"] == "search:pages", rec["id"]
        assert doc == raw[rec["url"]], rec["id"]  # the text is the saved answer, byte for byte
        assert len(doc.strip()) >= 400 and "  " not in doc, rec["id"]  # the brief's skips
        assert any(lb.content for lb in labelled), rec["id"]
        assert {lb.label for lb in labelled if not lb.content} <= KINDS, rec["id"]


@pytest.mark.parametrize("batch", BATCHES)
def test_check_py_strict_passes_on_the_t5_batches(batch):
    run = subprocess.run(
        [sys.executable, "tools/strip_corpus/check.py", "--batch", batch, "--strict"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "0 problems" in run.stdout and "'test5':" in run.stdout

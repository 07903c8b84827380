"""The fourth frozen held-out list of the real-page corpus, ``test4`` (issue 10, round 25).

44 French pages of 44 sites new to the corpus, all on the held-out side of the site hash,
gathered from the search tool's stored pages, labelled and reviewed by a helper who never
ran the cleaner on them, and frozen in ``fixtures/strip_real/split.json`` before any
evaluation. These tests check

* the freezing rule on a synthetic corpus (``tools/strip_corpus/freeze_split.py`` run as a
  script in a copy of its folder): ``test4`` is frozen once ``test3`` exists, from held-out-side
  pages whose id and site are in no earlier list, and is never recomputed;
* that ``--split test4`` reads those ids and nothing else, and that the default and TRAIN
  readings of the real corpus are the ones a corpus without the new pages gives (the earlier
  lists keep their ids and SHA-256);
* the real list: its hash, its pages (labelled, reviewed, equal to their saved raw answers,
  ``check.py --strict`` clean) and that no development reader reaches it.

They never run the cleaner on the real test4 pages: the lead evaluates them once, with
``python -m cleannews.evaluate --corpus fixtures/strip_real --split test4``."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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
from cleannews.evaluate import (
    DEFAULT_SPLITS,
    HELD_OUT_LISTS,
    evaluate_corpus,
    held_out_site,
    main,
    read_corpus,
)

SPLIT = corpus_split()
KINDS = guideline_kinds()
#: The SHA-256 of the three earlier lists as frozen on 2026-12-01 / 2026-12-01 / 2026-12-02:
#: the fourth list must not move them.
EARLIER_SHA256 = {name: FROZEN_SHA256[name] for name in ("test", "test2", "test3")}
#: The brief's floor for the fourth list: at least 40 pages from at least 35 sites.
MIN_PAGES, MIN_SITES = 40, 35



def _sites(held: bool, n: int) -> list[str]:
    """``n`` synthetic registered domains on the held-out (or the TRAIN) side of the hash."""
    names = (f"site{i}.example" for i in range(10_000))
    return [s for s in names if held_out_site(s) == held][:n]



# --- the freezing rule, on a synthetic corpus --------------------------------------------


@pytest.fixture
def freezer(tmp_path):
    """A copy of ``tools/strip_corpus`` (freeze_split.py and common.py) beside an empty
    ``fixtures/strip_real``: ``freeze(records)`` writes the manifest, runs the script there
    and returns (split.json, stdout)."""
    tools = tmp_path / "tools" / "strip_corpus"
    tools.mkdir(parents=True)
    for name in ("freeze_split.py", "common.py"):
        shutil.copy(ROOT / "tools" / "strip_corpus" / name, tools / name)
    corpus = tmp_path / "fixtures" / "strip_real"
    (corpus / "manifests").mkdir(parents=True)

    def freeze(records: list[dict]) -> tuple[dict, str]:
        (corpus / "manifests" / "fr-x.jsonl").write_text(
            "".join(json.dumps(r) + "\n" for r in records), "utf-8"
        )
        run = subprocess.run(
            [sys.executable, "freeze_split.py"], cwd=tools, capture_output=True, text=True,
            timeout=120, check=True,
        )
        return json.loads((corpus / "split.json").read_text("utf-8")), run.stdout

    return freeze


def test_test4_is_frozen_once_test3_exists_and_never_recomputed(freezer):
    held = _sites(True, 8)
    train = _sites(False, 2)
    recs = [{"id": "fr-x-0001", "site": held[0]}, {"id": "fr-x-0002", "site": train[0]}]
    split, _ = freezer(recs)
    assert split["test_ids"] == ["fr-x-0001"] and "test2_ids" not in split
    recs.append({"id": "fr-x-0003", "site": held[1]})  # fresh: the second list
    split, _ = freezer(recs)
    assert split["test2_ids"] == ["fr-x-0003"] and "test3_ids" not in split
    recs.append({"id": "fr-x-0004", "site": held[2]})  # fresh again: the third list
    split, _ = freezer(recs)
    assert split["test3_ids"] == ["fr-x-0004"] and "test4_ids" not in split
    earlier = {k: v for k, v in split.items() if k != "about"}
    # the fourth list: two pages of one new site, one of another, a TRAIN-side page, and a
    # second page on a site of an earlier list (that one stays out of every list)
    recs += [
        {"id": "fr-x-0005", "site": held[3]},
        {"id": "fr-x-0006", "site": held[3]},
        {"id": "fr-x-0007", "site": held[4]},
        {"id": "fr-x-0008", "site": train[1]},
        {"id": "fr-x-0009", "site": held[1]},
    ]
    split, out = freezer(recs)
    ids = ["fr-x-0005", "fr-x-0006", "fr-x-0007"]
    assert split["test4_ids"] == ids
    assert split["test4_sites"] == sorted({held[3], held[4]})
    assert split["test4_ids_sha256"] == ids_digest(ids)
    assert split["test4_frozen"] == dt.date.today().isoformat()
    assert {k: v for k, v in split.items() if k in earlier} == earlier  # earlier lists kept
    assert f"test4 3 pages (2 sites) frozen {split['test4_frozen']} sha256 {ids_digest(ids)}" in out
    assert "fr-x-0009" in out and "WARNING: 1 held-out-side pages" in out
    # never recomputed: a new fresh page later freezes the fifth list (round 34), not test4
    recs.append({"id": "fr-x-0010", "site": held[5]})
    again, out = freezer(recs)
    assert {k: v for k, v in again.items() if k in split} == split
    assert again["test5_ids"] == ["fr-x-0010"] and "fr-x-0009" in out


def test_no_fourth_list_before_the_third(freezer):
    held = _sites(True, 3)
    recs = [{"id": "fr-x-0001", "site": held[0]}]
    freezer(recs)
    recs.append({"id": "fr-x-0002", "site": held[1]})
    split, _ = freezer(recs)  # test2 appears; there is no test3 yet
    recs.append({"id": "fr-x-0003", "site": held[2]})
    split, _ = freezer(recs)
    assert split["test3_ids"] == ["fr-x-0003"] and "test4_ids" not in split


def test_freeze_split_docstring_examples(freezer, tmp_path):
    freezer([])  # copies the script
    run = subprocess.run(
        [sys.executable, "-m", "doctest", "freeze_split.py"], cwd=tmp_path / "tools" /
        "strip_corpus", capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr


# --- --split test4 on a synthetic corpus ---------------------------------------------------


def _write_corpus(root: Path, pages: dict[str, str], split: dict) -> None:
    (root / "manifests").mkdir(parents=True)
    (root / "pages" / "fr").mkdir(parents=True)
    recs = [{"id": pid, "url": f"https://{site}/{pid}", "site": site, "lang": "fr",
             "page_type": "article"} for pid, site in pages.items()]
    (root / "manifests" / "fr-x.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in recs), "utf-8")
    for pid in pages:
        (root / "pages" / "fr" / f"{pid}.txt").write_text(
            "B:nav| Accueil | Sport | Culture\n"
            f"C| Le conseil municipal de la commune {pid} a adopté le budget primitif.\n"
            "C| Les élus ont voté à l'unanimité après deux heures de débat en séance.\n",
            "utf-8",
        )
    (root / "split.json").write_text(json.dumps(split), "utf-8")


@pytest.fixture
def synthetic(tmp_path):
    held = _sites(True, 5)
    train = _sites(False, 2)
    pages = {"fr-x-0001": held[0], "fr-x-0002": held[1], "fr-x-0003": held[2],
             "fr-x-0004": held[3], "fr-x-0005": held[3], "fr-x-0006": held[4],
             "fr-x-0007": train[0], "fr-x-0008": train[1]}
    split = {"test_ids": ["fr-x-0001"], "test_sites": [held[0]],
             "test2_ids": ["fr-x-0002"], "test2_sites": [held[1]],
             "test3_ids": ["fr-x-0003"], "test3_sites": [held[2]],
             "test4_ids": ["fr-x-0004", "fr-x-0005"], "test4_sites": [held[3]]}
    _write_corpus(tmp_path / "corpus", pages, split)
    return tmp_path / "corpus"


def test_split_test4_reads_only_its_ids(synthetic, capsys):
    assert HELD_OUT_LISTS[3] == "test4" and DEFAULT_SPLITS == ("train", "test")
    got = sorted(rec["id"] for rec, _, _ in read_corpus(synthetic, ("test4",)))
    assert got == ["fr-x-0004", "fr-x-0005"]
    splits = {rec["id"]: rec["split"] for rec, _, _ in read_corpus(synthetic, None)}
    assert splits == {"fr-x-0001": "test", "fr-x-0002": "test2", "fr-x-0003": "test3",
                      "fr-x-0004": "test4", "fr-x-0005": "test4", "fr-x-0006": "held",
                      "fr-x-0007": "train", "fr-x-0008": "train"}
    assert {r["id"] for r, _, _ in read_corpus(synthetic)} == {"fr-x-0001", "fr-x-0007",
                                                                "fr-x-0008"}
    result = evaluate_corpus(synthetic, split="test4")
    assert result["pages"] == 2 and result["sites"] == 1
    assert {k for k in result["cleannews"] if k != "missed_boilerplate_lines"} == {
        "all", "test4", "test4/fr"}
    assert main(["--corpus", str(synthetic), "--split", "test4", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pages"] == 2
    with pytest.raises(ValueError, match="test4"):
        evaluate_corpus(synthetic, split="test6")  # test5 is a frozen list since round 34


# --- the real list --------------------------------------------------------------------------


def test_real_test4_ids_and_hash_are_the_frozen_ones():
    ids = SPLIT["test4_ids"]
    assert ids == sorted(ids) and ids_digest(ids) == SPLIT["test4_ids_sha256"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", SPLIT["test4_frozen"])
    recs = {r["id"]: r for r in corpus_records()}
    assert ids == sorted(i for i in recs if i.startswith("fr-t4-"))  # every fr-t4 page, only
    assert set(SPLIT["test4_sites"]) == {recs[i]["site"] for i in ids}
    assert len(ids) >= MIN_PAGES and len(SPLIT["test4_sites"]) >= MIN_SITES
    assert all(recs[i]["lang"] == "fr" for i in ids)
    assert all(held_out_site(s) for s in SPLIT["test4_sites"])
    for name, sha in EARLIER_SHA256.items():  # the earlier lists did not move
        assert SPLIT[f"{name}_ids_sha256"] == sha == ids_digest(SPLIT[f"{name}_ids"]), name
        assert not set(ids) & set(SPLIT[f"{name}_ids"]), name
        assert not set(SPLIT["test4_sites"]) & set(SPLIT[f"{name}_sites"]), name


def test_test4_is_disjoint_and_no_development_path_reads_it():
    every = read_corpus(CORPUS, None)
    by_split: dict[str, set[str]] = {}
    sites: dict[str, set[str]] = {}
    for rec, _, _ in every:
        by_split.setdefault(rec["split"], set()).add(rec["id"])
        sites.setdefault(rec["split"], set()).add(rec["site"])
    assert set(by_split) == {"train", *HELD_OUT_LISTS}  # no page outside a list
    assert by_split["test4"] == set(SPLIT["test4_ids"])
    for other in ("train", "test", "test2", "test3"):
        assert not sites["test4"] & sites[other], other
    default = read_corpus(CORPUS)
    assert {rec["split"] for rec, _, _ in default} == {"train", "test"}
    # the strip model's training reader and the spin news reader never see it
    assert_development_readers_skip(SPLIT, "test4")


def test_default_and_train_readings_are_those_without_the_new_pages(tmp_path):
    """A copy of the corpus without the fr-t4 manifest reads the same TRAIN and TEST pages:
    ``--split test`` / ``--split train`` figures cannot move with the new list."""
    copy = tmp_path / "strip_real"
    (copy / "manifests").mkdir(parents=True)
    for mf in (CORPUS / "manifests").glob("*.jsonl"):
        if mf.name != "fr-t4.jsonl":
            shutil.copy(mf, copy / "manifests" / mf.name)
    (copy / "pages").symlink_to(CORPUS / "pages")
    shutil.copy(CORPUS / "split.json", copy / "split.json")
    shutil.copy(CORPUS / "unscored.json", copy / "unscored.json")
    for splits in (("train",), ("test",), DEFAULT_SPLITS):
        now = [(r["id"], r["split"], doc) for r, doc, _ in read_corpus(CORPUS, splits)]
        before = [(r["id"], r["split"], doc) for r, doc, _ in read_corpus(copy, splits)]
        assert now == before, splits


def test_every_test4_page_is_labelled_reviewed_and_equal_to_its_raw_answer():
    pages = read_corpus(CORPUS, ("test4",))
    assert len(pages) == len(SPLIT["test4_ids"]) >= MIN_PAGES
    raw: dict[str, str] = {}
    for f in sorted((CORPUS / "raw" / "fr-t4").glob("*.json")):
        answer = json.loads(f.read_text("utf-8"))
        assert answer["corpus"] == "pages" and answer["query"], f.name
        for r in answer["results"]:
            assert isinstance(r["rank"], int) and 1 <= r["rank"] <= 12, f.name
            raw.setdefault(r["url"], r["excerpt"])
    assert set(raw) == {rec["url"] for rec, _, _ in pages}  # every saved answer is a page
    for rec, doc, labelled in pages:
        assert rec["labeller"] and rec["reviewed"] and rec["reviewed"] != rec["labeller"]
        assert rec["page_type"] in ("article", "listing", "other"), rec["id"]
        assert rec["source"] == "search:pages" and rec["lang"] == "fr", rec["id"]
        assert doc == raw[rec["url"]], rec["id"]  # the text is the saved answer, byte for byte
        assert [lb.text for lb in labelled] == [x for x in doc.split("\n") if x], rec["id"]
        assert any(lb.content for lb in labelled), rec["id"]
        assert {lb.label for lb in labelled if not lb.content} <= KINDS, rec["id"]


def test_check_py_strict_passes_on_the_fr_t4_batch():
    run = subprocess.run(
        [sys.executable, "tools/strip_corpus/check.py", "--batch", "fr-t4", "--strict"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "0 problems" in run.stdout and "'test4': 44" in run.stdout

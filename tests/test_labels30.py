"""The round-28 TRAIN batches of the real-page corpus (issue 10, branch labels30).

55 pages from 55 sites new to the corpus (batches ``fr-r28``, ``de-r28``, ``es-r28``,
``it-r28``, ``en-r28``; 30 French, from francophone Africa, Belgium, Switzerland, Québec,
Corsica and the trade press among others), gathered from the search tool's stored pages
(``raw/*-r28/*.json``,
the tool's answers with the chosen results), labelled line by line and reviewed in a second
whole-page pass before the cleaner was run on them, then scored once as fresh development
pages (``python -m tools.strip_corpus.score_batches --half r28``; docs/strip-history.md,
"Fresh TRAIN pages, second batch (issue 10, round 28)"). These tests check

* the pages: labelled, typed, reviewed, equal byte for byte to their saved answers,
  ``check.py --strict`` clean on each batch;
* the sites: every one on the TRAIN side of the site hash, in no earlier manifest or
  ``dropped/`` list, not a source of the spin fixtures that name their URLs, at most
  ``MAX_PAGES_PER_SITE`` pages each; the held-out-side candidates seen while gathering are in
  ``dropped/*-r28.jsonl``, unlabelled;
* that the frozen held-out lists did not move (ids, SHA-256, disjointness) and that the new
  pages are read by the TRAIN split only;
* the ``--half r28`` reading of ``score_batches`` (the fresh pages' development figure).
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from _helpers import corpus_records, ids_digest
from cleannews.evaluate import HELD_OUT_LISTS, held_out_site, read_corpus

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "fixtures" / "strip_real"
SPLIT = json.loads((CORPUS / "split.json").read_text("utf-8"))
KINDS = set(
    re.findall(r"^\| `([a-z_]+)` \|", (CORPUS / "GUIDELINE.md").read_text("utf-8"), re.M)
)
BATCHES = ("fr-r28", "de-r28", "es-r28", "it-r28", "en-r28")
#: Pages per batch (57 gathered; the two dropped later are in dropped/ and RECUR_DROPPED).
PAGES = {"fr-r28": 30, "de-r28": 5, "es-r28": 6, "it-r28": 7, "en-r28": 7}
#: Pages labelled and reviewed, then dropped because their site is among the pages of the
#: recur30 table (``tools/strip_model/recur/recur_pages.jsonl``, merged to main while the batch
#: was labelled; ``tests/test_recur30.py`` keeps that table off labelled sites).
RECUR_DROPPED = {"gemeinde-waldburg.de", "lanouvelletribune.info"}
#: The SHA-256 of the four frozen held-out lists (split.json): this batch must not move them.
FROZEN_SHA256 = {
    "test": "3982818019d73ea2b3b983fd47c7892b538d04bf06dd5f8786d29094fda2e27d",
    "test2": "6030b0d52c773938ff323ca3140739355d73020dbf08be87a63dff5a95996427",
    "test3": "5e220400c48174e0c1882e7b4dd60e0b56f085ab7e14149196e2cb18219915a8",
    "test4": "d30f113134d3728c6732c637b907a4884360da5e00ec66159eee4a1c8ee020f6",
}


def _batch(page_id: str) -> str:
    return page_id.rsplit("-", 1)[0]


def _site(url: str) -> str:
    sys.path.insert(0, str(ROOT))  # by package path: tools/spin has a ``common`` module too
    from tools.strip_corpus.common import site_of

    return site_of(url)


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [r for r in corpus_records() if _batch(r["id"]) in BATCHES]


def test_the_batches_hold_the_gathered_pages(records):
    assert Counter(_batch(r["id"]) for r in records) == PAGES
    assert len({r["site"] for r in records}) == 55
    per_site = Counter(r["site"] for r in records)
    assert max(per_site.values()) == 1  # one page per site: 55 sites
    french = [r for r in records if r["lang"] == "fr"]
    assert 2 * len(french) > len(records)  # at least half French
    assert {r["page_type"] for r in records} == {"article", "listing"}


def test_every_page_is_labelled_reviewed_and_equal_to_its_raw_answer(records):
    raw: dict[str, str] = {}
    for batch in BATCHES:
        for f in sorted((CORPUS / "raw" / batch).glob("*.json")):
            answer = json.loads(f.read_text("utf-8"))
            assert answer["corpus"] == "pages" and answer["query"], f.name
            for r in answer["results"]:
                assert isinstance(r["rank"], int) and 1 <= r["rank"] <= 12, f.name
                raw.setdefault(r["url"], r["excerpt"])
    dropped = {
        json.loads(x)["url"]: json.loads(x)["site"]
        for batch in BATCHES
        for x in (CORPUS / "dropped" / f"{batch}.jsonl").read_text("utf-8").splitlines()
    }
    later = {u for u, site in dropped.items() if site in RECUR_DROPPED}
    assert len(later) == len(RECUR_DROPPED)
    # every saved result is a page, but the two dropped after labelling
    assert set(raw) == {r["url"] for r in records} | later
    pages = {rec["id"]: (rec, doc, lab) for rec, doc, lab in read_corpus(CORPUS, ("train",))}
    for r in records:
        rec, doc, labelled = pages[r["id"]]  # read by the TRAIN split
        assert rec["labeller"] and rec["reviewed"] and rec["source"] == "search:pages"
        assert rec["site"] == _site(rec["url"]), rec["id"]
        assert doc == raw[rec["url"]], rec["id"]  # byte for byte
        assert [lb.text for lb in labelled] == [x for x in doc.split("\n") if x], rec["id"]
        assert {lb.label for lb in labelled if not lb.content} <= KINDS, rec["id"]
        assert rec["notes"], rec["id"]  # every page says which rulings it uses


@pytest.mark.parametrize("batch", BATCHES)
def test_check_py_strict_passes_on_the_batch(batch):
    run = subprocess.run(
        [sys.executable, "tools/strip_corpus/check.py", "--batch", batch, "--strict"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "0 problems" in run.stdout and f"'train': {PAGES[batch]}" in run.stdout


def test_sites_are_train_side_new_and_no_spin_source(records):
    ours = {r["site"] for r in records}
    assert not any(held_out_site(s) for s in ours)
    earlier = {r["site"] for r in corpus_records() if _batch(r["id"]) not in BATCHES}
    assert not ours & earlier
    dropped_before = set()
    for f in (CORPUS / "dropped").glob("*.jsonl"):
        if f.stem not in BATCHES:
            dropped_before |= {
                _site(json.loads(x)["url"]) for x in f.read_text("utf-8").splitlines() if x.strip()
            }
    assert not ours & dropped_before
    spin_sites = set()
    for name in ("negatives.jsonl.gz", "fresh/fresh.jsonl.gz", "drama_dev.jsonl"):
        path = ROOT / "fixtures" / "spin" / name
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as fh:  # only the url field is read
            spin_sites |= {_site(json.loads(x).get("url") or "") for x in fh if x.strip()}
    spin_sites.discard("")
    assert not ours & spin_sites


def test_held_out_side_candidates_were_dropped_unlabelled(records):
    urls = {r["url"] for r in corpus_records()}
    seen = 0
    for batch in BATCHES:
        for line in (CORPUS / "dropped" / f"{batch}.jsonl").read_text("utf-8").splitlines():
            rec = json.loads(line)
            if rec["site"] in RECUR_DROPPED:  # labelled, TRAIN side, dropped for recur30
                assert rec["why"].startswith("site among the pages of the recur30 table"), rec
                assert not held_out_site(rec["site"]), rec
            else:
                assert rec["why"] == "held-out-side site" and held_out_site(rec["site"]), rec
            assert rec["url"] not in urls
            seen += 1
    assert seen >= 25


def test_the_frozen_lists_did_not_move(records):
    ours = {r["id"] for r in records}
    for name, sha in FROZEN_SHA256.items():
        ids = SPLIT[f"{name}_ids"]
        assert SPLIT[f"{name}_ids_sha256"] == sha == ids_digest(ids), name
        assert not ours & set(ids), name
        assert not {r["site"] for r in records} & set(SPLIT[f"{name}_sites"]), name
    for split in HELD_OUT_LISTS:
        assert not ours & {rec["id"] for rec, _, _ in read_corpus(CORPUS, (split,))}, split


def test_score_batches_half_r28_reads_the_fresh_pages():
    sys.path.insert(0, str(ROOT))
    from tools.strip_corpus.score_batches import FRESH27, FRESH28, HALVES, score

    assert HALVES["r28"] == FRESH28 == BATCHES
    assert HALVES["r27"] == FRESH27 and not set(FRESH27) & set(FRESH28)
    result = score(FRESH28)
    assert result["pages"] == sum(PAGES.values())
    figures = result["figures"]
    assert set(figures) == {"all", "fr", "de", "es", "it", "en"}
    s = figures["all"]
    assert s["content_lines"] == 336 and s["boilerplate_lines"] == 130
    assert 0 < s["removed_boilerplate"] < s["boilerplate_lines"]

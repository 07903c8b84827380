"""The Apertium Romance-pivot held-out spinner source (issue 11): frozen, held out, clean.

``fixtures/spin/heldout_apertium.jsonl.gz`` was frozen WITHOUT being scored (its record
in ``fixtures/spin/heldout_sources.json`` counts the looks). These tests check the
record and the manifest, the file's shape, that its documents are held out, that no
text in it (clean or spun) shares a 6-word shingle with the model's training text, and
that the builder gives the same lines again. Nothing here scores the file: the first
look is the lead's.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from _helpers import read_jsonl

ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "fixtures" / "spin"
TOOLS = ROOT / "tools" / "spin"
SOURCES = json.loads((FIXTURES / "heldout_sources.json").read_text(encoding="utf-8"))
RECORD = SOURCES["apertium"]
MANIFEST = TOOLS / "data" / "SYNONYMS_apertium.md"
STYLES = {"naive@0.3", "naive@0.15", "careful@0.3", "careful@0.15", "careful_freq@0.3"}


def _lines(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return fh.read().splitlines()


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [json.loads(line) for line in _lines(ROOT / RECORD["file"])]


@pytest.fixture(scope="module")
def builder():
    """``tools/spin/build_heldout_apertium.py`` as a module (tools/spin on the path)."""
    sys.path.insert(0, str(TOOLS))
    try:
        import build_heldout_apertium

        yield build_heldout_apertium
    finally:
        sys.path.remove(str(TOOLS))


def _root(r: dict) -> str:
    return r["id"].removesuffix(":clean") if r["label"] == 0 else r["id"].rsplit(":", 3)[0]


def test_frozen_file_matches_its_record_and_manifest(records):
    data = (ROOT / RECORD["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == RECORD["sha256"]
    thesaurus = (ROOT / RECORD["thesaurus"]).read_bytes()
    assert hashlib.sha256(thesaurus).hexdigest() == RECORD["thesaurus_sha256"]
    assert len(records) == RECORD["records"]
    for pop, n in RECORD["populations"].items():
        assert sum(r["population"] == pop for r in records) == n
    # every look is logged; the source is never one of the retired or training ones
    assert RECORD["looks"] == len(RECORD["looks_log"])
    manifest = MANIFEST.read_text(encoding="utf-8")
    for must in (RECORD["thesaurus_sha256"], RECORD["sha256"], "GPL-3.0-or-later",
                 "apertium-fra-cat", "apertium-oci-fra", "RESERVED"):
        assert must in manifest, must


def test_thesaurus_shape():
    th = json.loads(gzip.decompress((ROOT / RECORD["thesaurus"]).read_bytes()))
    assert len(th) > 10_000
    pos_names = {"Nom", "Adjectif", "Verbe", "Adverbe"}
    for head, senses in th.items():
        assert senses and all(pos in pos_names and 0 < len(syns) <= 8 for pos, syns in senses)
        for _pos, syns in senses:
            assert head not in syns and all(" " not in s and s == s.lower() for s in syns)
    # auxiliaries and light verbs are never spun (est -> reste, ont -> jouent)
    assert not {"est", "ont", "été", "sont", "fait", "peut", "doit", "va"} & set(th)
    # inflected: a conjugated form gets conjugated paraphrases
    assert any(s.endswith("ait") for _p, syns in th["mangeait"] for s in syns)


def test_shape_and_styles(records):
    by_root: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        by_root[_root(r)].append(r)
        assert r["label"] in (0, 1) and r["text"].strip()
        if r["label"] == 1:
            assert r["dict"] == "apertium" and r["id"].split(":")[-3] == "apertium"
            for a, b in r["substituted"]:
                assert 0 <= a < b <= len(r["text"]) and r["text"][a:b].strip()
            assert len(r["substituted"]) >= 1
    rates: dict[str, list[float]] = defaultdict(list)
    for root, recs in by_root.items():
        styles = {f"{r['mode']}@{r['rate']}" for r in recs if r["label"] == 1
                  and not r.get("partial")}
        assert styles == STYLES, root
        pop = recs[0]["population"]
        assert all(r["population"] == pop for r in recs)
        clean = [r for r in recs if r["label"] == 0]
        assert len(clean) == (pop == "ud")
        partial = sorted(r["mode"] for r in recs if r.get("partial"))
        if pop == "ud" and clean[0]["text"].count("\n") >= 2:
            assert partial == ["careful", "naive"]
        else:
            assert partial == []
        for r in recs:
            if r["label"] == 1 and not r.get("partial"):
                rates[f"{r['mode']}@{r['rate']}"].append(r["actual_rate"])
    for style, v in rates.items():
        asked = float(style.split("@")[1])
        assert abs(sum(v) / len(v) - asked) < 0.01, style
    assert sum(r["population"] == "ud" and r["label"] == 0 for r in records) >= 100
    assert len({_root(r) for r in records if r["population"] == "negatives_test"}) == 300


def test_documents_are_held_out(records):
    """UD documents: validation half, their own text less whole paragraphs; negatives:
    test split, not typos, no web excerpt, none of the pivot source's spun documents."""
    sys.path.insert(0, str(TOOLS))
    try:
        from build_dataset import doc_split
    finally:
        sys.path.remove(str(TOOLS))
    negatives = {r["id"]: r for r in read_jsonl(FIXTURES / "negatives.jsonl.gz")}
    validation = {r["id"]: r["text"] for r in read_jsonl(FIXTURES / "validation.jsonl.gz")
                  if r["label"] == 0}
    pivot = {_root(json.loads(line)) for line in _lines(FIXTURES / "heldout_pivot.jsonl.gz")}
    for r in records:
        root = _root(r)
        if r["population"] == "ud":
            assert doc_split(root) == "val"
            if r["label"] == 0:
                full = validation[r["id"]].split("\n")
                kept = r["text"].split("\n")
                assert all(p in full for p in kept)
                assert [p for p in full if p in kept] == kept  # order kept, paragraphs whole
                assert len(full) - len(kept) == r.get("dropped_paragraphs", 0)
        else:
            base = negatives[root]
            assert base["split"] == "test" and base["genre"] != "typos"
            assert not base["licence"].startswith("web page excerpt")
            assert r["label"] == 1 and r["licence"] == base["licence"]
            assert root not in pivot


@pytest.fixture(scope="module")
def training(builder):
    from common import UD_DIR

    if not (UD_DIR / "french-gsd.txt").exists():
        pytest.skip(f"UD GSD/Sequoia sentences not found in {UD_DIR} (../shared/corpora)")
    return builder.training_shingles()


def test_no_text_shares_a_shingle_with_training_text(records, builder, training):
    train, counted = training
    assert len(train) > 100_000 and len(counted) > 50_000
    seen = train | counted
    hits = [r["id"] for r in records if builder._shingles(r["text"]) & seen]
    assert not hits, hits[:5]


def test_the_shingle_check_can_fail(builder, training):
    """A training paragraph pasted into a held-out text is caught."""
    sys.path.insert(0, str(TOOLS))
    try:
        from build_dataset import doc_split
        from common import read_ud_documents
    finally:
        sys.path.remove(str(TOOLS))
    train, _counted = training
    doc = next(d for d in read_ud_documents() if doc_split(d["id"]) == "train")
    para = doc["text"].split("\n")[0]
    assert builder._shingles("Un texte à nous.\n" + para) & train


def test_builder_is_deterministic(builder):
    """Rebuilding the first two documents of each population gives the frozen lines."""
    pytest.importorskip("wordfreq", reason="the spinner's lexicon needs the train extra")
    from common import DELA, H_ASPIRE, UD_DIR

    if not DELA.exists() or not H_ASPIRE.exists():
        pytest.skip("DELA / h aspiré lists of the train extra are not installed")
    if not (UD_DIR / "french-gsd.txt").exists():
        pytest.skip("UD sentences not found (../shared/corpora)")
    from build_heldout_fresh import read_thesaurus

    rebuilt = builder.build(read_thesaurus(ROOT / RECORD["thesaurus"]), limit=2)
    roots = {_root(r) for r in rebuilt}
    assert len(roots) == 4
    frozen = [line for line in _lines(ROOT / RECORD["file"]) if _root(json.loads(line)) in roots]
    assert [json.dumps(r, ensure_ascii=False) for r in rebuilt] == frozen

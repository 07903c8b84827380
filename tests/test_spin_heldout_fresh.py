"""The fresh held-out spinner source (issue 11): frozen, reproducible, evaluable.

``fixtures/spin/heldout_pivot.jsonl.gz`` was frozen before any scoring; its SHA-256 is
recorded in ``fixtures/spin/heldout_sources.json``. These tests check the record, that
the documents are held out (UD validation half, negatives test split), that the builder
gives the same lines again (``tools/spin/build_heldout_fresh.py``; needs the ``train``
extra's DELA and wordfreq), and that the evaluation command runs on a small slice. No
recall figure is asserted here: the source is for looks, counted in the record.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from pathlib import Path

import pytest

from _helpers import read_jsonl

ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "fixtures" / "spin"
TOOLS = ROOT / "tools" / "spin"
RECORD = json.loads((FIXTURES / "heldout_sources.json").read_text(encoding="utf-8"))["pivot"]


def _lines(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return fh.read().splitlines()


def _records() -> list[dict]:
    return [json.loads(line) for line in _lines(ROOT / RECORD["file"])]


@pytest.fixture(scope="module")
def tools():
    """The build tools' modules (tools/spin on the path, as their scripts do)."""
    sys.path.insert(0, str(TOOLS))
    try:
        import build_heldout_fresh
        import validate

        yield build_heldout_fresh, validate
    finally:
        sys.path.remove(str(TOOLS))


def test_frozen_file_matches_its_record():
    data = (ROOT / RECORD["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == RECORD["sha256"]
    thesaurus = (ROOT / RECORD["thesaurus"]).read_bytes()
    assert hashlib.sha256(thesaurus).hexdigest() == RECORD["thesaurus_sha256"]
    recs = _records()
    assert len(recs) == RECORD["records"]
    for pop, n in RECORD["populations"].items():
        assert sum(r["population"] == pop for r in recs) == n


def test_documents_are_held_out():
    """UD documents come from the validation half only; negatives from the test split only,
    never a typo copy nor a web excerpt (no licence for a derivative)."""
    sys.path.insert(0, str(TOOLS))
    try:
        from build_dataset import doc_split
    finally:
        sys.path.remove(str(TOOLS))
    negatives = {r["id"]: r for r in read_jsonl(FIXTURES / "negatives.jsonl.gz")}
    recs = _records()
    ud_roots = {r["id"].removesuffix(":clean") for r in recs if r["label"] == 0}
    assert len(ud_roots) == 154
    for r in recs:
        root = r["id"].removesuffix(":clean") if r["label"] == 0 else r["id"].rsplit(":", 3)[0]
        if r["population"] == "ud":
            assert root in ud_roots and doc_split(root) == "val"
        else:
            base = negatives[root]
            assert base["split"] == "test" and base["genre"] != "typos"
            assert not base["licence"].startswith("web page excerpt")
            assert r["label"] == 1 and r["licence"] == base["licence"]


def test_builder_is_deterministic(tools):
    """Rebuilding the first two documents of each population gives the frozen lines."""
    pytest.importorskip("wordfreq", reason="the spinner's lexicon needs the train extra")
    build, _validate = tools
    from common import DELA, H_ASPIRE

    if not DELA.exists() or not H_ASPIRE.exists():
        pytest.skip("DELA / h aspiré lists of the train extra are not installed")
    rebuilt = build.build(build.read_thesaurus(ROOT / RECORD["thesaurus"]), limit=2)
    lines = [json.dumps(r, ensure_ascii=False) for r in rebuilt]
    frozen = set(_lines(ROOT / RECORD["file"]))
    assert len(lines) == 2 * 9 + 2 * 6  # UD: clean + 6 spins + 2 partial; negatives: 6 spins
    missing = [line[:120] for line in lines if line not in frozen]
    assert not missing


def test_evaluation_runs_on_a_small_slice(tools):
    """``validate.py --heldout FILE --limit N``: every group, both thresholds, sane ranges."""
    _build, validate = tools
    import cleannews

    def score(text: str) -> tuple[float, str]:
        s = cleannews.spin_score(text)
        return s.score, s.label

    h = validate.evaluate_heldout(ROOT / RECORD["file"], score, limit=3)
    assert h["n_ud_clean"] == 3
    assert 0 < h["n_negatives_test_clean"] <= 3
    assert 0.0 <= h["threshold_at_1pct_fp_ud"] <= 1.0
    want = {f"ud:{m}@{r}" for m in ("naive", "careful", "careful_freq") for r in (0.15, 0.3)}
    want |= {f"negatives_test:{k.split(':')[1]}" for k in want}
    want |= {"ud:naive@partial", "ud:careful@partial"}
    assert set(h["groups"]) == want
    for g in h["groups"].values():
        assert g["n"] == 3
        for k in ("recall_at_1pct_fp_ud", "recall_at_1pct_fp_negatives_test"):
            assert 0.0 <= g[k] <= 1.0
    assert validate.main(["--heldout", str(ROOT / RECORD["file"]), "--limit", "1"]) == 0

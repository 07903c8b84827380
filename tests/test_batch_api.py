"""The picklable functions for pandas and datasets: clean_text, clean_batch."""

from __future__ import annotations

import json
import multiprocessing
import pickle
from functools import partial
from pathlib import Path

import pytest

import cleannews
from cleannews.batch import clean_batch, clean_text

SEEDS = Path(__file__).parent.parent / "seeds"


def _seed_texts() -> list[str]:
    return [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def test_clean_text_matches_clean_and_keeps_missing_values() -> None:
    texts = _seed_texts()
    assert [clean_text(t) for t in texts] == [cleannews.clean(t).text for t in texts]
    assert clean_text(None) is None
    nan = float("nan")
    assert clean_text(nan) is nan
    assert clean_text(b"\x89PNG\r\n\x1a\n....") == ""  # not text: empty, no exception


def test_clean_batch_columns_and_bad_rows() -> None:
    texts = _seed_texts()
    batch = {"text": [*texts, 12, None], "id": list(range(len(texts) + 2))}
    out = clean_batch(batch)
    n = len(batch["text"])
    assert set(out) == {"text", "cleannews_verdict", "cleannews_reason", "cleannews_spin_score",
                        "cleannews_spin_label", "cleannews_changes", "cleannews_error",
                        "cleannews_language", "cleannews_evidence", "cleannews_metadata"}
    assert all(len(v) == n for v in out.values())
    docs = [cleannews.clean(t) for t in texts]
    assert out["text"][: len(texts)] == [d.text for d in docs]
    assert out["cleannews_verdict"][: len(texts)] == [d.verdict for d in docs]
    assert out["cleannews_changes"][0] == [c.to_dict() for c in docs[0].changes]
    json.dumps(out)  # structured, and still JSON-ready
    assert out["cleannews_verdict"][-2:] == ["error", "error"]
    assert "int" in out["cleannews_error"][-2] and out["cleannews_error"][-1] == "missing text"
    kept = clean_batch({"body": texts[:1]}, text_field="body", keep_original=True)
    assert "body" not in kept and kept["cleannews_text"] == [docs[0].text]


def test_functions_pickle_and_run_in_worker_processes() -> None:
    fn = partial(clean_batch, text_field="body")
    assert pickle.loads(pickle.dumps(fn)).func is clean_batch
    batches = [{"body": [t]} for t in _seed_texts()]
    ctx = multiprocessing.get_context("spawn")  # nothing inherited: a fresh interpreter
    with ctx.Pool(2) as pool:
        results = pool.map(fn, batches)
        texts = pool.map(clean_text, _seed_texts())
    assert [r["body"][0] for r in results] == texts == [clean_text(t) for t in _seed_texts()]


def test_pandas_series_map() -> None:
    pd = pytest.importorskip("pandas", reason="pandas is not installed")
    s = pd.Series([*_seed_texts()[:2], None])
    out = s.map(clean_text)
    assert out.iloc[0] == cleannews.clean(s.iloc[0]).text and out.isna().iloc[2]


def test_clean_batch_keeps_metadata_and_evidence_structured() -> None:
    texts = _seed_texts()  # seed 003 is spun, seed 004 has the crawler date prefix
    out = clean_batch({"text": texts})
    assert out["cleannews_metadata"][4] == {"date": "2025-02"}
    ev = out["cleannews_evidence"][3]
    assert isinstance(ev, list) and 0 < len(ev) <= 5
    top = sorted(cleannews.clean(texts[3]).spin.evidence, key=lambda e: -e.weight)[:5]
    assert ev == [e.to_dict() for e in top]  # the five of largest weight (audit7)
    assert out["cleannews_verdict"][3] == "quarantine" and out["cleannews_language"][3] == "fr"


def test_datasets_map_keeps_structured_columns() -> None:
    datasets = pytest.importorskip("datasets", reason="datasets is not installed")
    ds = datasets.Dataset.from_dict({"text": _seed_texts()})
    out = ds.map(clean_batch, batched=True, batch_size=2)
    assert out[4]["cleannews_metadata"]["date"] == "2025-02"
    assert out[3]["cleannews_evidence"][0]["signal"]
    assert out[3]["cleannews_verdict"] == "quarantine"


def test_pandas_clean_frame_has_verdict_score_and_evidence_columns() -> None:
    pd = pytest.importorskip("pandas", reason="pandas is not installed")
    from cleannews.batch import clean_frame, clean_record

    texts = _seed_texts()
    df = pd.DataFrame({"id": ["a", "b", "c", "d", "e", "f"], "text": [*texts, None]},
                      index=[10, 11, 12, 13, 14, 15])
    out = clean_frame(df, column="text")
    assert list(out.index) == list(df.index) and (out["text"] == df["text"]).sum() == 5
    spun = out.loc[13]
    assert spun["cleannews_verdict"] == "quarantine" and spun["cleannews_spin_score"] >= 0.9
    assert spun["cleannews_evidence"][0]["signal"] and spun["cleannews_text"]
    assert out.loc[14, "cleannews_metadata"] == {"date": "2025-02"}
    assert out.loc[15, "cleannews_verdict"] == "error"
    assert out.loc[15, "cleannews_error"] == "missing text"
    assert (out["cleannews_verdict"] == "keep").sum() == 4
    # the Series.map form gives the same columns
    via_map = df["text"].map(clean_record).apply(pd.Series)
    assert list(via_map.columns) == [c for c in out.columns if c.startswith("cleannews_")]
    assert via_map.loc[13, "cleannews_spin_score"] == spun["cleannews_spin_score"]

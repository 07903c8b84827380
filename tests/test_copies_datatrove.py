"""Copy detection as two datatrove passes (signatures in several tasks, clusters in one)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _helpers import read_jsonl

pytest.importorskip("numpy", reason="copy detection needs numpy")
pytest.importorskip("datatrove", reason="datatrove is not installed")
pytest.importorskip("orjson", reason="datatrove's JsonlReader needs orjson")

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures/copies/eval_small.jsonl.gz"


def _records() -> list[dict]:
    """Bases + planted variants of two held-out batches (12 of each, no base in both)."""
    out = []
    rows = read_jsonl(FIXTURE)
    used: set[str] = set()
    for batch, tag in (("spun_careful_0.3", "s"), ("copy_furniture", "c")):
        recs = [r for r in rows if r["batch"] == batch]
        variants = [r for r in recs if r["kind"] == batch and r["base"] not in used][:12]
        bases = {v["base"] for v in variants}
        used |= bases
        for r in recs:
            if r["id"] in bases or r in variants:
                out.append(dict(r, id=f"{tag}:{r['id']}", base=f"{tag}:{r['base']}"))
    return out


def test_two_passes_link_spun_copies_and_drop_duplicates_exactly_once(
    tmp_path: Path, read_jsonl_gz
) -> None:
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleannews.integrations.datatrove_copies import CopyClusters, CopySignatures

    recs = _records()
    (tmp_path / "in").mkdir()
    for k in range(2):
        part = recs[k::2]
        (tmp_path / "in" / f"p{k}.jsonl").write_text(
            "".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in part),
            encoding="utf-8")
    LocalPipelineExecutor([JsonlReader(str(tmp_path / "in")), CopySignatures(),
                           JsonlWriter(str(tmp_path / "sig"), expand_metadata=True)],
                          tasks=2, workers=1, logging_dir=str(tmp_path / "l1")).run()
    signed = read_jsonl_gz(tmp_path / "sig")
    assert len(signed) == len(recs) and all(d["copies_signature"] for d in signed)
    LocalPipelineExecutor([JsonlReader(str(tmp_path / "sig")),
                           CopyClusters(drop_duplicates=True,
                                        exclusion_writer=JsonlWriter(str(tmp_path / "dup"),
                                                                     expand_metadata=True)),
                           JsonlWriter(str(tmp_path / "out"), expand_metadata=True)],
                          tasks=1, workers=1, logging_dir=str(tmp_path / "l2")).run()
    out, dup = read_jsonl_gz(tmp_path / "out"), read_jsonl_gz(tmp_path / "dup")
    assert sorted(d["id"] for d in out + dup) == sorted(r["id"] for r in recs)
    truth = {r["id"]: r for r in recs}
    spun = [d for d in out if truth[d["id"]]["kind"] == "spun_careful_0.3"]
    assert len(spun) == 12
    for d in spun:
        info = d["copies"]
        assert info["role"] == "spun_copy" and info["source"] == truth[d["id"]]["base"]
        assert len(info["substitutions"]) >= 3
    # of each plain-copy pair, exactly one (the later in input order) is dropped as a duplicate
    dropped = {d["id"] for d in dup}
    pairs = [(r["base"], r["id"]) for r in recs if r["kind"] == "copy_furniture"]
    assert len(dropped) == len(pairs) == 12
    assert all((a in dropped) != (b in dropped) for a, b in pairs)
    assert all(d["filter_reason"] == "duplicate" for d in dup)


def test_clusters_refuse_several_tasks() -> None:
    from cleannews.integrations.datatrove_copies import CopyClusters

    with pytest.raises(ValueError, match="tasks=1"):
        list(CopyClusters().run(iter(()), rank=0, world_size=2))

"""cleannews steps in a real datatrove pipeline (LocalPipelineExecutor, several tasks)."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest

import cleannews
import cleannews.score
from cleannews.document import Evidence, SpinScore

SPUN_MARK = "SPINMARK"
N_FILES, DOCS_PER_FILE = 3, 12


def _needs_datatrove() -> None:
    pytest.importorskip("datatrove", reason="datatrove is not installed (pip install "
                        "'cleannews[datatrove]')")
    pytest.importorskip("orjson", reason="datatrove's JsonlReader needs orjson")


def _fake_score(text: str, config: cleannews.CleanConfig) -> SpinScore:
    if SPUN_MARK in text:
        at = text.index(SPUN_MARK)
        return SpinScore(0.98, "spun", (Evidence("marker", (at, at + 8), SPUN_MARK, "test", 1.0),))
    return SpinScore(0.02, "clean")


def _corpus(folder: Path) -> dict[str, str]:
    """JSONL input files; returns {id: expected fate} ("out", "spun" or "error")."""
    folder.mkdir()
    fate = {}
    for f in range(N_FILES):
        lines = []
        for i in range(DOCS_PER_FILE):
            ident = f"f{f}-{i}"
            if i == 5:
                text, fate[ident] = ["not", "text"], "error"  # cleannews raises InputError
            elif i % 4 == 0:
                text, fate[ident] = f"Article {ident}. {SPUN_MARK} ici.", "spun"
            else:
                text, fate[ident] = f"Article {ident}, tout à fait normal.", "out"
            lines.append(json.dumps({"id": ident, "text": text, "url": f"https://ex.fr/{ident}",
                                     "n": i}))
        (folder / f"part{f}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return fate


def _pipeline(tmp_path: Path, label_only: bool = False) -> list:
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleannews.integrations.datatrove import CleannewsCleaner, CleannewsSpinFilter

    return [
        JsonlReader(str(tmp_path / "in")),
        CleannewsCleaner(),
        CleannewsSpinFilter(
            exclusion_writer=JsonlWriter(str(tmp_path / "quarantine"), expand_metadata=True),
            label_only=label_only),
        JsonlWriter(str(tmp_path / "out"), expand_metadata=True),
    ]


def test_pipeline_routes_spun_and_failed_documents_to_the_exclusion_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read_jsonl_gz
) -> None:
    _needs_datatrove()
    from datatrove.executor import LocalPipelineExecutor

    monkeypatch.setattr(cleannews.score, "score_text", _fake_score)
    fate = _corpus(tmp_path / "in")
    # workers=1 runs the tasks in this process, so the detector stand-in applies
    LocalPipelineExecutor(_pipeline(tmp_path), tasks=N_FILES, workers=1,
                          logging_dir=str(tmp_path / "logs")).run()
    kept, excluded = read_jsonl_gz(tmp_path / "out"), read_jsonl_gz(tmp_path / "quarantine")
    assert sorted(d["id"] for d in kept) == sorted(i for i, f in fate.items() if f == "out")
    reasons = {d["id"]: d["filter_reason"] for d in excluded}
    assert reasons == {i: ("spun" if f == "spun" else "cleannews_error")
                       for i, f in fate.items() if f != "out"}
    doc = next(d for d in kept if d["id"] == "f1-1")
    assert doc["url"] == "https://ex.fr/f1-1" and doc["n"] == 1  # fields carried in metadata
    assert doc["cleannews"]["spin_label"] == "clean" and doc["cleannews"]["verdict"] == "keep"
    spun = next(d for d in excluded if d["id"] == "f0-0")
    assert spun["cleannews"]["evidence"][0]["text"] == SPUN_MARK
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    filt = next(s for s in stats if "spin filter" in s["name"])
    assert filt["stats"]["dropped_spun"] == N_FILES * 3
    assert filt["stats"]["dropped_cleannews_error"] == N_FILES


def test_label_only_forwards_everything_with_labels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read_jsonl_gz
) -> None:
    _needs_datatrove()
    from datatrove.executor import LocalPipelineExecutor

    monkeypatch.setattr(cleannews.score, "score_text", _fake_score)
    fate = _corpus(tmp_path / "in")
    LocalPipelineExecutor(_pipeline(tmp_path, label_only=True), tasks=N_FILES, workers=1,
                          logging_dir=str(tmp_path / "logs")).run()
    kept = {d["id"]: d for d in read_jsonl_gz(tmp_path / "out")}
    assert set(kept) == set(fate) and not read_jsonl_gz(tmp_path / "quarantine")
    assert {i for i, d in kept.items() if d.get("filter_reason") == "spun"} == {
        i for i, f in fate.items() if f == "spun"}


def test_pipeline_runs_in_worker_processes(tmp_path: Path, read_jsonl_gz) -> None:
    """Several tasks in 2 worker processes with the installed detector: the steps pickle."""
    _needs_datatrove()
    from datatrove.executor import LocalPipelineExecutor

    fate = _corpus(tmp_path / "in")
    LocalPipelineExecutor(_pipeline(tmp_path), tasks=N_FILES, workers=2,
                          logging_dir=str(tmp_path / "logs")).run()
    kept, excluded = read_jsonl_gz(tmp_path / "out"), read_jsonl_gz(tmp_path / "quarantine")
    assert sorted(d["id"] for d in kept + excluded) == sorted(fate)
    assert {d["id"] for d in excluded if d["filter_reason"] == "cleannews_error"} == {
        i for i, f in fate.items() if f == "error"}
    assert all("cleannews" in d for d in kept)


def test_import_without_datatrove_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("datatrove", "datatrove.data", "datatrove.pipeline",
                 "datatrove.pipeline.base", "datatrove.pipeline.filters.base_filter"):
        monkeypatch.setitem(sys.modules, name, None)  # makes `import` fail
    monkeypatch.delitem(sys.modules, "cleannews.integrations.datatrove", raising=False)
    with pytest.raises(cleannews.MissingExtraError) as info:
        importlib.import_module("cleannews.integrations.datatrove")
    assert "pip install 'cleannews[datatrove]'" in str(info.value)
    monkeypatch.delitem(sys.modules, "cleannews.integrations.datatrove", raising=False)


# --- the same checks and routing as `cleannews run` ---------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))
BAD_TEXTS = {
    "nul": "Un texte\x00avec un NUL.",
    "png": PNG.decode("latin-1"),
    "spaces": "   \n\t  \n",
    "nbsp": "\u00a0\u200b\u2060\ufeff\n\u00a0",
    "boilerplate": "Partager sur Facebook\nPartager sur Twitter\n",
}


def test_datatrove_steps_check_and_route_like_cleannews_run(tmp_path: Path, read_jsonl_gz) -> None:
    """Every document ends kept or excluded with a reason, exactly where `cleannews run` puts it."""
    _needs_datatrove()
    import subprocess

    from datatrove.executor import LocalPipelineExecutor

    (tmp_path / "in").mkdir()
    rows = [{"id": k, "text": v} for k, v in BAD_TEXTS.items()]
    rows += [{"id": f"ok{i}", "text": f"Le conseil municipal a voté le budget numéro {i}.\n"
              "Partager sur Facebook\nLe maire a salué le travail des équipes.\n"
              "Partager sur Twitter\n"} for i in range(3)]
    src = tmp_path / "in" / "part.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    LocalPipelineExecutor(_pipeline(tmp_path), tasks=1, workers=1,
                          logging_dir=str(tmp_path / "logs")).run()
    kept, excluded = read_jsonl_gz(tmp_path / "out"), read_jsonl_gz(tmp_path / "quarantine")
    assert sorted(d["id"] for d in kept + excluded) == sorted(r["id"] for r in rows)  # once each
    exe = Path(sys.executable).parent / "cleannews"
    proc = subprocess.run([str(exe), "-q", "run", str(src), "--out", str(tmp_path / "run"),
                           "-j", "1"], capture_output=True, timeout=300)
    assert proc.returncode == 1, proc.stderr.decode()
    errors = {}
    for line in (tmp_path / "run" / "errors" / "errors.jsonl").read_text("utf-8").splitlines():
        rec = json.loads(line)
        errors[rec["id"]] = rec["error"]["type"]
    # a PNG image in a text field: binary (as `cleannews clean` says of its bytes), not "nul"
    assert errors == {"nul": "nul", "png": "binary", "spaces": "empty", "nbsp": "empty",
                      "boilerplate": "empty_after_cleaning"}
    by_id = {d["id"]: d for d in excluded}
    assert {i: d["cleannews"]["error_type"] for i, d in by_id.items()} == errors
    assert all(d["filter_reason"] == "cleannews_error" for d in by_id.values())
    assert all(d["text"] == BAD_TEXTS[i] for i, d in by_id.items())  # the input, not lost
    assert [d["text"] for d in kept] == [
        f"Le conseil municipal a voté le budget numéro {i}.\nLe maire a salué le travail des "
        "équipes.\n" for i in range(3)]
    from cleannews import __version__

    assert all(d["cleannews"]["version"] == __version__ for d in kept + excluded)
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    cleaner = next(s for s in stats if "clean" in s["name"] and "filter" not in s["name"])
    assert __version__ in cleaner["name"]
    removed = cleaner["stats"]["removed_chars"]
    # two removals per document, one value per document (the stat's unit)
    assert removed["n"] == 3 and removed["mean"] == len("Partager sur Facebook\nPartager sur "
                                                        "Twitter\n")

"""``cleannews run --find-copies [--drop-duplicates]``: two passes, every record annotated,
duplicates in their own sink exactly once (also across a failed run and ``--resume``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from _helpers import read_jsonl, run_cli, sink_records

pytest.importorskip("numpy", reason="copy detection needs numpy")

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures/copies/eval_small.jsonl.gz"


def _input(tmp_path: Path, n_spun: int = 4, n_copy: int = 4, filler: int = 0) -> tuple[Path, dict]:
    """A JSONL input with planted spun copies and plain copies (held-out fixture), one bad
    record, and ``filler`` unrelated short records; returns the path and the truth."""
    rows = read_jsonl(FIXTURE)
    out, truth, used = [], {}, set()
    for batch, n, tag in (("spun_careful_0.3", n_spun, "s"), ("copy_furniture", n_copy, "c")):
        recs = [r for r in rows if r["batch"] == batch]
        variants = [r for r in recs if r["kind"] == batch and r["base"] not in used][:n]
        bases = {v["base"] for v in variants}
        used |= bases
        for r in recs:
            if r["id"] in bases or r in variants:
                ident = f"{tag}:{r['id']}"
                out.append({"id": ident, "text": r["text"]})
                truth[ident] = (r["kind"], f"{tag}:{r['base']}")
    out.append({"id": "bad", "text": 42})
    out += [{"id": f"f{i}", "text": f"Brève numéro {i} sans rapport."} for i in range(filler)]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out), "utf-8")
    return src, truth


def test_find_copies_annotates_every_record_and_names_the_source(tmp_path: Path) -> None:
    src, truth = _input(tmp_path)
    out = tmp_path / "out"
    proc = run_cli("run", str(src), "--out", str(out), "-j", "2", "--find-copies")
    assert proc.returncode == 1, proc.stderr.decode()  # 1: one document failed (the bad one)
    sinks = sink_records(out)
    recs = sinks["out"] + sinks["quarantine"]
    assert len(recs) == len(truth)  # nothing dropped without --drop-duplicates
    assert [r["id"] for r in sinks["errors"]] == ["bad"]
    for r in recs:
        info = r["cleannews"]["copies"]
        kind, base = truth[r["id"]]
        if kind == "spun_careful_0.3":
            assert info["role"] == "spun_copy" and info["source"] == base
            ev = [e for e in r["cleannews"]["spin"]["evidence"] if e["signal"] == "copy_source"]
            assert ev and ev[0]["source"] == base and len(ev[0]["substitutions"]) >= 3
            from cleannews.document import Evidence  # the item reads back as an Evidence

            assert Evidence.from_dict(ev[0]).text == base
        elif kind == "copy_furniture":
            assert info["role"] in ("original", "duplicate") and info["peers"] == [base]
        else:
            assert info["role"] in ("source", "original", "duplicate")
            assert info["peers"]


def test_drop_duplicates_exactly_once_across_a_failed_run_and_resume(tmp_path: Path) -> None:
    import resource

    src, truth = _input(tmp_path, n_spun=3, n_copy=6, filler=120)
    ref = run_cli("run", str(src), "--out", str(tmp_path / "ref"), "-j", "1", "--find-copies",
               "--drop-duplicates", "--chunk-size", "8")
    assert ref.returncode == 1, ref.stderr.decode()
    dups = read_jsonl(tmp_path / "ref" / "duplicates" / "duplicates.jsonl", missing_ok=True)
    pairs = [(b, i) for i, (k, b) in truth.items() if k == "copy_furniture"]
    assert len(dups) == len(pairs) == 6
    assert all(r["cleannews"]["copies"]["role"] == "duplicate" for r in dups)
    dropped = {r["id"] for r in dups}
    assert all((a in dropped) != (b in dropped) for a, b in pairs)
    report = json.loads((tmp_path / "ref" / "report.json").read_text())
    assert report["documents"]["duplicates"] == 6
    assert sum(v for k, v in report["documents"].items() if k != "in") == report[
        "documents"]["in"]
    t = report["throughput"]  # the copies pass reads the input first: it counts in the time
    assert 0 < t["first_pass_seconds"] <= t["seconds"]

    limit = (tmp_path / "ref" / "clean.jsonl").stat().st_size // 2

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    cmd = [sys.executable, "-m", "cleannews", "run", str(src), "--out", str(tmp_path / "out"),
           "-j", "1", "--find-copies", "--drop-duplicates", "--chunk-size", "8"]
    full = subprocess.run(cmd, capture_output=True, timeout=300, preexec_fn=small_disk)
    assert full.returncode == 2 and b"--resume" in full.stderr
    resumed = subprocess.run([*cmd, "--resume"], capture_output=True, timeout=300)
    assert resumed.returncode == 1, resumed.stderr.decode()
    for rel in ("clean.jsonl", "duplicates/duplicates.jsonl", "quarantine/quarantine.jsonl"):
        assert (tmp_path / "out" / rel).read_bytes() == (tmp_path / "ref" / rel).read_bytes()


def test_drop_duplicates_needs_find_copies_and_stdin_is_refused(tmp_path: Path) -> None:
    src, _ = _input(tmp_path, 1, 1)
    proc = run_cli("run", str(src), "--out", str(tmp_path / "o"), "--drop-duplicates")
    assert proc.returncode == 2 and b"--find-copies" in proc.stderr
    proc = run_cli("run", "-", "--out", str(tmp_path / "o2"), "--find-copies",
                stdin=src.read_bytes())
    assert proc.returncode != 0 and b"stdin" in proc.stderr


def test_a_refused_original_never_sends_its_copy_to_the_duplicates_sink(tmp_path: Path) -> None:
    """The first of two copies is too large for --max-record-mb: it lands in errors, so the
    second is the batch's only readable copy and stays in the clean output."""
    page = (Path(__file__).parent.parent / "seeds").glob("002_*.txt").__next__()
    text = page.read_text("utf-8")
    big = {"id": "big", "text": text + "\n\nPartager sur Facebook\n" * 40}
    small = {"id": "small", "text": text}
    data = tmp_path / "in.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (big, small)),
                    encoding="utf-8")
    limit = (len(json.dumps(small, ensure_ascii=False).encode()) + 200) / 1024 / 1024
    exe = str(Path(sys.executable).with_name("cleannews"))
    proc = subprocess.run([exe, "run", str(data), "--out", str(tmp_path / "o"), "-j", "1",
                           "--find-copies", "--drop-duplicates", "--max-record-mb", str(limit)],
                          capture_output=True, timeout=300)
    assert proc.returncode == 1, proc.stderr  # the big record failed
    clean = [json.loads(x)["id"] for x in (tmp_path / "o" / "clean.jsonl").read_text().splitlines()]
    assert clean == ["small"]


def test_a_refused_stdin_run_leaves_no_output_behind(tmp_path: Path) -> None:
    exe = str(Path(sys.executable).with_name("cleannews"))
    for flag in ("--find-copies", "--site-templates"):
        proc = subprocess.run([exe, "run", "-", "--out", "d", flag], input=b"x\n",
                              capture_output=True, cwd=tmp_path, timeout=120)
        assert proc.returncode == 2 and b"cannot read stdin" in proc.stderr
        assert not (tmp_path / "d").exists()

"""A generated 4,000-document corpus with injected bad records, end to end through the CLI.

Checks the "nothing lost, ever" contract: every input id lands in exactly one
sink, and a run killed with SIGKILL then resumed ends with byte-identical
sinks to an uninterrupted run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from _helpers import committed_docs, seed_lines, wait_lock_released

#: Documents of the corpus (10,000 until ci-trim5: the contract does not depend on the size,
#: and the reference run plus the killed-and-resumed one cost two full runs of CI time).
N_DOCS = 4_000
#: Every BAD_EVERY-th line is a bad record (cycling through the kinds below).
BAD_EVERY = 97
SINK_FILES = ("clean.jsonl", "quarantine/quarantine.jsonl", "errors/errors.jsonl")
#: Committed documents after which the second run is killed (a fifth of the corpus).
KILL_AFTER_DOCS = 800


def make_corpus(path: Path) -> list[str]:
    """Write the corpus; return the id every line must end up with, in input order."""
    sentences = seed_lines()
    bad = [
        lambda i: b'{"id": "doc-%05d", "text": broken' % i,
        lambda i: b'{"id": "doc-%05d", "body": "no text field"}' % i,
        lambda i: b'{"id": "doc-%05d", "text": 42}' % i,
        lambda i: b'{"id": "doc-%05d", "text": "caf\x81"}' % i,
        lambda i: b'{"id": "doc-%05d", "text": "nul\\u0000"}' % i,
        lambda i: b'{"id": "doc-%05d", "text": ""}' % i,
    ]
    ids, lines = [], []
    for i in range(N_DOCS):
        if i % BAD_EVERY == BAD_EVERY - 1:
            kind = (i // BAD_EVERY) % len(bad)
            lines.append(bad[kind](i))
            # every bad line holds its id before the damage, so keeps it (round 14: the
            # broken JSON and the Latin-1 byte got PATH:LINE)
            ids.append(f"doc-{i:05d}")
        else:
            text = "\n".join(sentences[(i + k) % len(sentences)] for k in range(2))
            lines.append(json.dumps({"id": f"doc-{i:05d}", "text": text, "n": i},
                                    ensure_ascii=False).encode())
            ids.append(f"doc-{i:05d}")
    path.write_bytes(b"\n".join(lines) + b"\n")
    return ids


def _cmd(src: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "cleannews", "-q", "run", str(src), "--out", str(out),
            "--jobs", "2", *extra]


def _ids(out: Path) -> dict[str, list[str]]:
    return {name: [json.loads(x)["id"] for x in (out / name).read_text("utf-8").splitlines()]
            for name in SINK_FILES}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], Path]:
    base = tmp_path_factory.mktemp("corpus")
    src = base / "corpus.jsonl"
    ids = make_corpus(src)
    ref = base / "ref"
    proc = subprocess.run(_cmd(src, ref), capture_output=True, timeout=600)
    assert proc.returncode == 1, proc.stderr.decode()  # 1: finished, with failed documents
    return src, ids, ref


def test_every_document_lands_in_exactly_one_sink(corpus: tuple[Path, list[str], Path]) -> None:
    _, ids, ref = corpus
    sinks = _ids(ref)
    landed = [i for name in SINK_FILES for i in sinks[name]]
    assert len(landed) == len(ids) == N_DOCS
    assert sorted(landed) == sorted(ids)
    errors = [json.loads(x)["error"]["type"]
              for x in (ref / "errors/errors.jsonl").read_text("utf-8").splitlines()]
    # the injected bad records, plus generated documents made only of boilerplate seed lines
    assert len([t for t in errors if t != "empty_after_cleaning"]) == N_DOCS // BAD_EVERY
    report = json.loads((ref / "report.json").read_text())
    d = report["documents"]
    assert d["in"] == N_DOCS == d["out"] + d["quarantined"] + d["failed"]
    assert d["failed"] == len(errors) == len(sinks["errors/errors.jsonl"])
    assert set(report["errors"]) - {"empty_after_cleaning"} == {
        "json", "missing_field", "type", "utf8", "nul", "empty"}
    # ordered output: each sink keeps the input order
    order = {ident: k for k, ident in enumerate(ids)}
    for name in SINK_FILES:
        positions = [order[i] for i in sinks[name]]
        assert positions == sorted(positions)


def test_kill_9_then_resume_equals_an_uninterrupted_run(
    corpus: tuple[Path, list[str], Path], tmp_path: Path
) -> None:
    src, _, ref = corpus
    out = tmp_path / "out"
    proc = subprocess.Popen(_cmd(src, out, "--chunk-size", "16"), start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while committed_docs(out) < KILL_AFTER_DOCS and proc.poll() is None:
        assert time.monotonic() < deadline, "the run made no progress"
        time.sleep(0.002)
    os.killpg(proc.pid, signal.SIGKILL)  # the run and its workers, mid-write
    proc.wait()
    wait_lock_released(out)  # a SIGKILLed worker holds the run's lock until it is gone
    killed_at = committed_docs(out)
    assert killed_at < N_DOCS, "the run finished before it could be killed"
    resumed = subprocess.run(_cmd(src, out, "--resume"), capture_output=True, timeout=600)
    assert resumed.returncode == 1, resumed.stderr.decode()
    assert _ids(out) == _ids(ref)  # each document once, in the same sink, in order
    for name in SINK_FILES:  # and the very same bytes (the pipeline is deterministic)
        assert (out / name).read_bytes() == (ref / name).read_bytes(), name
    report = json.loads((out / "report.json").read_text())
    assert report["documents"] == json.loads((ref / "report.json").read_text())["documents"]
    assert report["resumed"] and report["finished"]

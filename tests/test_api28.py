"""Round 26: the command line and the batch / pipeline layers used as a data engineer uses
them (20,000-record JSONL with odd records through ``run -j 1`` / ``-j 2``, stdin to stdout
into ``head``, SIGTERM / kill -9 then ``--resume``, folder trees, the datatrove step).

What failed, reproduced here on small generated inputs:

1. ``CleannewsJsonlReader`` passed a record's id on as it was: ``"id": null`` gave a
   document whose ``id`` is ``None``, ``["a"]`` a list, ``7`` the int, ``true`` / ``NaN`` /
   ``""`` themselves, where ``cleannews run`` names such records ``PATH:LINE`` (and ``"7"``);
   datatrove's ``Document.id`` is a string. Found in a 3,000-record pipeline run: one list
   id came out of the clean writer as ``["r00495"]``.
2. The last line of a JSONL file cut short inside a string (an interrupted download, no line
   break at the end) was ``not valid JSON: Unterminated string starting at character 21 of
   the line``, without the ``(the record is cut short)`` every other cut line gets.
3. ``os.walk`` skipped a folder it could not list: its documents were lost, exit code 0.
4. ``run --force`` left the earlier run's report in place until its own end: killed with
   ``kill -9`` (or still running), ``cleannews report DIR`` showed the old run's figures,
   finished, beside the new run's records; with no report at all it said ``cannot read the
   report: Is a directory``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _helpers import (
    SMALL_ARTICLE,
    all_ids,
    cli_env,
    datatrove_reader,
    read_jsonl,
    run_cli,
    sink_records,
    wait_lock_released,
    write_seed_corpus,
)

# --- 1. the datatrove reader names documents as `run` does -------------------------------

#: (id value as JSON text, the id `cleannews run` gives; None: no id, the record's place)
ODD_IDS = [
    ('"a1"', "a1"),
    ("null", None),
    ('["a"]', None),
    ("7", "7"),
    ("2.5", "2.5"),
    ("true", None),
    ("NaN", None),
    ('""', None),
    ('{"k": 1}', None),
]


def _odd_id_lines(text: str) -> list[str]:
    lines = [f'{{"id": {value}, "text": {json.dumps(text)}}}' for value, _ in ODD_IDS]
    lines.append(json.dumps({"text": text}))  # no id at all
    lines.append('{"id": 2.5, "text": 3}')  # an error document with a number id
    lines.append('{"id": null, "text": 3}')  # an error document without an id
    return lines


def _expected(name: str, sep: str, base: int) -> list[str]:
    ids = [want if want is not None else f"{name}{sep}{i + base}"
           for i, (_, want) in enumerate(ODD_IDS)]
    n = len(ODD_IDS)
    return [*ids, f"{name}{sep}{n + base}", "2.5", f"{name}{sep}{n + 2 + base}"]


def test_datatrove_reader_ids_are_strings_named_as_run_names_them(tmp_path: Path) -> None:
    CleannewsJsonlReader, folder = datatrove_reader(tmp_path)
    (folder / "d.jsonl").write_text("\n".join(_odd_id_lines(SMALL_ARTICLE)) + "\n", "utf-8")
    docs = list(CleannewsJsonlReader(str(folder)).run())
    assert all(type(d.id) is str for d in docs), [d.id for d in docs]
    # datatrove's own fallback id is PATH/INDEX (0-based), run's PATH:LINE (1-based)
    assert [d.id for d in docs] == _expected("d.jsonl", "/", 0)
    assert [d.metadata.get("cleannews", {}).get("error_type") for d in docs[-2:]] == \
        ["type", "type"]

    # the same file through `cleannews run`: the same ids, each in exactly one sink
    res = run_cli("run", folder / "d.jsonl", "--out", tmp_path / "o", "-j", "1", "-q")
    assert res.returncode == 1, res.stderr  # the two error records
    sinks = sink_records(tmp_path / "o")
    got = {r["cleannews"]["source"]["line"]: r["cleannews"]["id"]
           for name in ("out", "quarantine") for r in sinks[name]}
    got.update({r["source"]["line"]: r["id"] for r in sinks["errors"]})
    assert [got[line] for line in sorted(got)] == \
        _expected(str(folder / "d.jsonl"), ":", 1)


# --- 2. a JSONL file cut short in its last record ---------------------------------------


def test_a_last_line_cut_inside_its_text_is_said_to_be_cut_short(tmp_path: Path) -> None:
    good = json.dumps({"id": "a", "text": SMALL_ARTICLE}, ensure_ascii=False)
    cut = json.dumps({"id": "b", "text": SMALL_ARTICLE}, ensure_ascii=False)[:60]
    src = tmp_path / "dump.jsonl"
    src.write_text(f"{good}\n{cut}", "utf-8")  # no line break at the end: a download cut short
    res = run_cli("run", src, "--out", tmp_path / "o", "-q")
    assert res.returncode == 1, res.stderr
    sinks = sink_records(tmp_path / "o")
    assert [r["cleannews"]["id"] for r in sinks["out"]] == ["a"]
    [err] = sinks["errors"]
    assert err["id"] == "b" and err["error"]["type"] == "json"
    assert err["error"]["message"].endswith("of the line (the record is cut short)"), err
    assert err["raw"] == cut  # nothing lost: the line as it was


# --- the accounting the audit checked at 20,000 records, on a small generated file ---------


def _odd_corpus(path: Path, n: int = 120) -> int:
    """A JSONL of ``n`` records with a few of every odd kind the 20,000-record run held: a
    BOM, CRLF lines then LF lines, wrong types, no text field, repeated ids, a list as the id,
    an array line, NUL text, an HTML text, and a last line cut short without its line break.
    Returns the number of lines."""
    kinds = [
        lambda i: {"id": f"r{i}", "text": 42},
        lambda i: {"id": f"r{i}", "body": SMALL_ARTICLE},
        lambda i: {"id": f"r{i - 1}", "text": SMALL_ARTICLE},
        lambda i: {"id": f"r{i}", "text": None},
        lambda i: {"id": [f"r{i}"], "text": SMALL_ARTICLE},
        lambda i: [f"r{i}", SMALL_ARTICLE],
        lambda i: {"id": f"r{i}", "text": "\x00\x01bin" * 10},
        lambda i: {"id": f"r{i}", "text": "<html><body><p>" + SMALL_ARTICLE + "</p></body></html>"},
    ]
    lines = []
    for i in range(n):
        rec = kinds[i % 16](i) if i % 16 < len(kinds) else {"id": f"r{i}", "text": SMALL_ARTICLE}
        lines.append(json.dumps(rec, ensure_ascii=False))
    half = n // 2
    cut = json.dumps({"id": "last", "text": SMALL_ARTICLE}, ensure_ascii=False)[:40]
    data = "\ufeff" + "\r\n".join(lines[:half]) + "\r\n" + "\n".join(lines[half:]) + "\n" + cut
    path.write_text(data, "utf-8")
    return n + 1


def _placed_lines(out: Path) -> list[int]:
    sinks = sink_records(out)
    lines = [r["cleannews"]["source"]["line"] for name in ("out", "quarantine")
             for r in sinks[name]]
    return sorted(lines + [r["source"]["line"] for r in sinks["errors"]])


def test_every_line_lands_once_with_one_or_two_jobs_and_from_stdin(tmp_path: Path) -> None:
    src = tmp_path / "odd.jsonl"
    n = _odd_corpus(src)
    outs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"o{jobs}"
        res = run_cli("run", src, "--out", out, "-j", jobs, "--chunk-size", "7", "-q")
        assert res.returncode == 1, res.stderr
        assert _placed_lines(out) == list(range(1, n + 1))
        outs[jobs] = {name: (out / rel).read_bytes() for name, rel in
                      (("out", "clean.jsonl"), ("errors", "errors/errors.jsonl"))}
    assert outs["1"] == outs["2"]  # the same bytes whatever the number of workers
    report = json.loads((tmp_path / "o2" / "report.json").read_text())
    assert sum(report["documents"][k] for k in ("out", "quarantined", "failed")) == n
    # standard input to standard output: the same records, errors in ./cleannews-errors
    res = run_cli("run", "-", "--out", "-", "-j", "2", "-q", stdin=src.read_bytes(),
                  cwd=tmp_path)
    assert res.returncode == 1, res.stderr
    kept = [json.loads(line)["cleannews"]["source"]["line"] for line in res.stdout.splitlines()]
    failed = [r["source"]["line"] for r in
              read_jsonl(tmp_path / "cleannews-errors" / "errors.jsonl")]
    assert sorted(kept + failed) == list(range(1, n + 1))


# --- 3. a folder the walk cannot list ----------------------------------------------------
# `os.walk` skips a folder it cannot list (no permission, a path too long, removed while the
# walk runs) without a word: `run corpus` over a corpus with one unreadable sub-folder lost
# every document in it, exit code 0, nothing in the errors sink. (Reproduced with a folder
# whose listing fails: the tests run as root, for whom `chmod 000` changes nothing.)


def _locked_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, locked: str) -> Path:
    import os

    corpus = tmp_path / "corpus"
    for rel in ("a.txt", "sub/b.txt", "locked/c.txt"):
        (corpus / rel).parent.mkdir(parents=True, exist_ok=True)
        (corpus / rel).write_text(SMALL_ARTICLE, "utf-8")
    real_scandir = os.scandir
    refused = str(corpus / locked) if locked else str(corpus)

    def scandir(path=None):
        if path is not None and os.fspath(path) == refused:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path) if path is not None else real_scandir()

    monkeypatch.setattr(os, "scandir", scandir)
    return corpus


def test_run_files_a_folder_it_cannot_list_as_a_read_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cleannews.cli import main

    corpus = _locked_corpus(tmp_path, monkeypatch, "locked")
    out = tmp_path / "o"
    assert main(["run", str(corpus), "--out", str(out), "-j", "1", "-q"]) == 1
    sinks = sink_records(out)
    assert sorted(r["cleannews"]["id"] for r in sinks["out"]) == \
        [f"{corpus}/a.txt", f"{corpus}/sub/b.txt"]
    [err] = sinks["errors"]
    assert err["id"] == f"{corpus}/locked" and err["error"]["type"] == "read"
    assert err["error"]["message"] == ("cannot list this folder (Permission denied): the "
                                       "files in it were not read")
    report = json.loads((out / "report.json").read_text())
    assert report["documents"]["failed"] == 1


def test_clean_and_run_say_so_when_the_folder_named_cannot_be_listed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from cleannews.cli import main

    corpus = _locked_corpus(tmp_path, monkeypatch, "")
    # it said "no .txt or .html files in this folder" and exited 0
    assert main(["clean", str(corpus)]) == 2
    err = capsys.readouterr().err
    assert f"{corpus}: cannot list this folder (Permission denied)" in err, err
    assert "no .txt" not in err
    assert main(["explain", str(corpus)]) == 2
    assert f"{corpus}: cannot list this folder" in capsys.readouterr().err
    assert main(["run", str(corpus), "--out", str(tmp_path / "o"), "-j", "1", "-q"]) == 1
    [rec] = sink_records(tmp_path / "o")["errors"]
    assert rec["id"] == str(corpus) and rec["error"]["type"] == "read"


# --- 4. the report of a run started over, killed before it wrote its own -------------------


def test_a_force_run_killed_leaves_no_stale_report_and_report_says_so(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    src = tmp_path / "docs.jsonl"
    ids = write_seed_corpus(src, 160)
    out = tmp_path / "out"
    first = run_cli("run", src, "--out", out, "--limit", "3", "-j", "1", "-q")
    assert first.returncode == 0, first.stderr
    assert json.loads((out / "report.json").read_text())["documents"]["in"] == 3
    cmd = [sys.executable, "-m", "cleannews", "run", str(src), "--out", str(out), "--force",
           "-j", "1", "--chunk-size", "4", "--no-progress", "-q"]
    proc = subprocess.Popen(cmd, env=cli_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    state = out / ".cleannews-run.json"
    deadline = time.monotonic() + 240
    while proc.poll() is None and time.monotonic() < deadline:  # this run's first commit
        try:
            saved = json.loads(state.read_text())
        except (OSError, ValueError):  # being replaced
            saved = {"finished": True}
        if not saved["finished"] and saved["done"] > 0:
            break
        time.sleep(0.01)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the out-of-memory killer: no handler runs
    proc.communicate(timeout=60)
    wait_lock_released(out)  # a SIGKILLed worker holds the run's lock until it is gone
    # the first run's report ("3 documents in", finished) described other records
    assert not (out / "report.json").exists()
    shown = run_cli("report", out)
    assert shown.returncode == 2
    err = shown.stderr.decode()
    assert "no report yet: the run writing there has committed" in err, err
    assert "--resume" in err and "Is a directory" not in err
    again = run_cli("run", src, "--out", out, "-j", "1", "--chunk-size", "4", "--resume", "-q")
    assert again.returncode == 0, again.stderr
    assert sorted(all_ids(out)) == sorted(ids)
    assert run_cli("report", out).returncode == 0

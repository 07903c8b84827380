"""Round-18 user audit (branch audit18): each test fails on the code before it (0c81c97)."""

from __future__ import annotations

import json
import multiprocessing
import threading
from pathlib import Path

import pytest

from _helpers import read_jsonl
from cleannews.cli import main

TEXT = ("Le maire de Paris a parlé hier soir devant le conseil municipal. Il a annoncé un plan "
        "pour les écoles de la ville et les transports en commun.")


def _records(path: Path, ids: list[str]) -> Path:
    path.write_text("".join(json.dumps({"id": i, "text": f"{TEXT} ({k})"}) + "\n"
                            for k, i in enumerate(ids)), "utf-8")
    return path


# 1. `cleannews score … | head -1` (or `| wc -l`) printed, now and then, "Exception ignored in
#    atexit callback … OSError: [Errno 9] Bad file descriptor": the pool was shut down with
#    `wait=False`, so its manager thread was still closing its wake-up pipe when the
#    interpreter's exit hook of concurrent.futures wrote to it (unlocked on Python < 3.12).
#    The pool is now stopped and its manager thread joined before the run returns (workers
#    killed first when the run stops early), so nothing of it is left at exit.

def _pool_leftovers() -> list[str]:
    threads = [t.name for t in threading.enumerate() if t is not threading.main_thread()
               and t.is_alive() and "watchdog" not in t.name]
    return threads + [p.name for p in multiprocessing.active_children()]


@pytest.mark.parametrize("stop_early", [True, False])
def test_the_pool_is_gone_when_the_run_stops(tmp_path, stop_early):
    from cleannews.batch.process import BatchOptions
    from cleannews.batch.runner import _parallel
    from cleannews.batch.sources import iter_items

    src = _records(tmp_path / "in.jsonl", [f"d{i}" for i in range(40)])
    items = list(iter_items([str(src)], "auto"))
    before = _pool_leftovers()
    gen = _parallel(iter([items[i:i + 2] for i in range(0, len(items), 2)]), BatchOptions(), 2)
    first = next(gen)
    assert [r.id for r in first] == ["d0", "d1"]
    if stop_early:  # what a closed stdout pipe does to the run
        gen.close()
    else:
        assert sum(len(r) for r in gen) == 38
    assert _pool_leftovers() == before


# 2. `cleannews report out/clean.jsonl` (a sink file instead of the run's report) said "not a
#    readable cleannews report (Extra data: line 2 column 1 (char 4263))", `report out` (the
#    --out folder) "Is a directory" and `report out.jsonl.gz` "not UTF-8 text". A sink file
#    names the run state that writes it, and the state now names the report (--report FILE
#    included): the command shows that report, with a warning for a sink file; a file that
#    leads to no report gets what to pass.

def test_report_of_a_sink_file_or_the_out_folder_shows_the_runs_report(tmp_path, capsys):
    src = _records(tmp_path / "in.jsonl", ["a", "b"])
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out), "-j", "1", "-q"]) == 0
    assert main(["run", str(src), "--out", str(tmp_path / "all.jsonl.gz"), "-j", "1", "-q",
                 "--report", str(tmp_path / "elsewhere.json")]) == 0
    capsys.readouterr()
    cases = {out: None, out / "clean.jsonl": out / "report.json",
             out / "errors" / "errors.jsonl": out / "report.json",
             tmp_path / "all.jsonl.gz": tmp_path / "elsewhere.json",
             tmp_path / "errors" / "errors.jsonl.gz": tmp_path / "elsewhere.json"}
    for given, shown in cases.items():
        assert main(["report", str(given)]) == 0, given
        got, err = capsys.readouterr()
        assert got.startswith("cleannews: 2 documents in: 2 out"), given
        if shown is None:  # the folder: its report, said nothing of
            assert err == ""
        else:
            assert f"records of a cleannews run, not its report: showing the run's report " \
                   f"{shown}" in err


def test_report_of_a_file_that_leads_to_no_report_says_what_to_pass(tmp_path, capsys):
    src = _records(tmp_path / "in.jsonl", ["a", "b"])
    assert main(["report", str(src)]) == 2
    err = capsys.readouterr().err
    assert "not a readable cleannews report (Extra data" in err
    assert "give the report of a run: DIR/report.json of 'cleannews run … --out DIR'" in err
    assert main(["report", str(tmp_path)]) == 2
    assert "Is a directory; give the report of a run" in capsys.readouterr().err


# 3. Two records with one id were processed without a word ("Ids are not checked for
#    uniqueness"): both kept it, so the outputs held two records of that id and nothing told
#    the user. The run now warns for each (the first five; -v every one), counts them in the
#    report (`repeated_ids`) and its summary, and the sinks stay as they were: every document
#    once, matched by its source. A --resume run starts its check from the committed sinks.

def test_repeated_ids_are_warned_counted_and_every_document_kept(tmp_path, capsys):
    src = _records(tmp_path / "in.jsonl", ["a1", "a2", "a1", "a1", "b"])
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out), "-j", "1"]) == 0
    err = capsys.readouterr().err
    assert f"{src}:3: id 'a1' was already given to an earlier document" in err
    assert f"{src}:4: id 'a1'" in err and f"{src}:2:" not in err
    assert "repeated ids: 2 documents have the id of an earlier document (a1)" in err
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["repeated_ids"] == {"documents": 2, "examples": ["a1"]}
    recs = read_jsonl(out / "clean.jsonl")
    assert [(r["cleannews"]["id"], r["cleannews"]["source"]["line"]) for r in recs] == [
        ("a1", 1), ("a2", 2), ("a1", 3), ("a1", 4), ("b", 5)]
    assert main(["report", str(out)]) == 0
    assert "repeated ids: 2 documents" in capsys.readouterr().out
    assert main(["report", str(out), "--html"]) == 0
    assert "<p id=repeated-ids>Repeated ids: 2 documents have the id of an earlier document " \
        "(a1)" in capsys.readouterr().out
    assert main(["score", str(src), "-j", "1", "-q"]) == 0  # -q: no warning, lines unchanged
    got = capsys.readouterr()
    assert got.err == "" and len(got.out.splitlines()) == 5


def test_a_resumed_run_checks_ids_against_the_committed_part(tmp_path, capsys):
    src = _records(tmp_path / "in.jsonl", ["a1", "a2"])
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out), "-j", "1", "-q"]) == 0
    with src.open("a", encoding="utf-8") as f:  # appended records are taken by --resume
        f.write(json.dumps({"id": "a2", "text": TEXT + " (suite)"}) + "\n")
    assert main(["run", str(src), "--out", str(out), "-j", "1", "--resume"]) == 0
    assert f"{src}:3: id 'a2' was already given" in capsys.readouterr().err
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["repeated_ids"] == {"documents": 1, "examples": ["a2"]}
    assert [r["cleannews"]["id"] for r in read_jsonl(out / "clean.jsonl")] == ["a1", "a2", "a2"]


# 4. `cleannews score -` (or `run -`) on an empty standard input loaded every model (about
#    5 s on the shared machine) and started the worker pool before finding no document; and
#    `cleannews report -` on an empty stdin said "Expecting value: line 1 column 1 (char 0)".

def test_no_document_starts_no_pool_and_loads_no_model(monkeypatch):
    import cleannews.batch.runner as runner
    from cleannews.batch.process import BatchOptions

    def boom(*a, **k):
        raise AssertionError("models loaded / pool started for no document")

    monkeypatch.setattr(runner, "warm_up", boom)
    monkeypatch.setattr(runner, "_executor", boom)
    assert list(runner._parallel(iter([]), BatchOptions(), 2)) == []


def test_report_of_an_empty_stdin_says_it_is_empty(monkeypatch, capsys, tmp_path):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert main(["report", "-"]) == 2
    assert capsys.readouterr().err == ("cleannews: ERROR: -: no report: standard input is "
                                       "empty (did the command before the pipe fail?)\n")
    (tmp_path / "r.json").write_text("\n")
    assert main(["report", str(tmp_path / "r.json")]) == 2
    assert "r.json: no report: the file is empty" in capsys.readouterr().err


# 5. A JSONL line nested thousands deep (`{"n": [[[[…]]]]}`) is a `json` error record in the
#    run, but two readers outside it parsed it with `json.loads` and only caught ValueError:
#    the sniff (`run -`, `clean -`, a file named `dump` or `x.json`) and the first pass of
#    --site-templates / --find-copies died with a RecursionError traceback (the whole batch).

def _deep_line(levels: int) -> str:
    return '{"id": "deep", "n": ' + "[" * levels + "]" * levels + "}"


@pytest.mark.parametrize("name", ["dump", "recs.json", "-"])
def test_a_deeply_nested_first_record_is_sniffed_as_a_record(tmp_path, name, monkeypatch,
                                                              capsys):
    import io
    import sys

    data = (_deep_line(1990) + "\n" + json.dumps({"id": "ok", "text": TEXT}) + "\n").encode()
    assert len(data.split(b"\n")[0]) < 4096  # whole inside the sniffed bytes
    if name == "-":
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        src = "-"
    else:
        src = tmp_path / name
        src.write_bytes(data)
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out), "-j", "1", "-q"]) == 1
    assert [r["cleannews"]["id"] for r in read_jsonl(out / "clean.jsonl")] == ["ok"]
    (err,) = read_jsonl(out / "errors" / "errors.jsonl")
    assert err["error"]["type"] == "json" and "nested too deeply" in err["error"]["message"]


@pytest.mark.parametrize("first_pass", ["--site-templates", "--find-copies"])
def test_a_deeply_nested_record_does_not_end_a_first_pass(tmp_path, first_pass):
    if first_pass == "--find-copies":
        pytest.importorskip("numpy")
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n" + _deep_line(50_000) + "\n"
                   + json.dumps({"id": "b", "text": TEXT + " Suite."}) + "\n", "utf-8")
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out), "-j", "1", "-q", first_pass]) == 1
    assert [r["cleannews"]["id"] for r in read_jsonl(out / "clean.jsonl")] == ["a", "b"]
    assert [r["error"]["type"] for r in read_jsonl(out / "errors" / "errors.jsonl")] == ["json"]


# 6. `cleannews clean /dev/zero` (or /dev/urandom, a pipe that never ends, a video named by
#    mistake) read the whole input before refusing it as binary: it ran until the system
#    killed it. `clean` and `explain` read an input's first 256 KiB first and refuse binary
#    data from them, as they refuse the whole (same message).

def _endless_binary_fifo(tmp_path: Path) -> tuple[Path, threading.Event]:
    import os

    fifo = tmp_path / "endless.txt"
    os.mkfifo(fifo)
    done = threading.Event()

    def feed() -> None:
        try:
            with open(fifo, "wb") as f:
                while not done.is_set():
                    f.write(b"\x01" * 65536)  # control characters, never an end
        except OSError:  # the reader went away
            pass

    threading.Thread(target=feed, daemon=True).start()
    return fifo, done


@pytest.mark.parametrize("command", ["clean", "explain"])
def test_an_endless_binary_input_is_refused_from_its_head(tmp_path, command):
    import subprocess
    import sys

    from _helpers import cli_env

    fifo, done = _endless_binary_fifo(tmp_path)
    try:
        got = subprocess.run([sys.executable, "-m", "cleannews", command, str(fifo)],
                             capture_output=True, timeout=120, env=cli_env())
    finally:
        done.set()
    assert got.returncode == 1 and got.stdout == b""
    assert got.stderr.decode() == (f"cleannews: ERROR: {fifo}: input looks binary: 65536 of "
                                   "the first 65536 characters are control characters\n")


# 7. A symbolic link loop (`a.txt` -> `b.txt` -> `a.txt`) inside an input folder ended `run`
#    with a `RuntimeError: Symlink loop` traceback (the folder walk resolved every name to
#    skip the output folder); named as an INPUT it was "no such file or folder" to `run` and
#    `score` (`clean` said "Too many levels of symbolic links"). The loop is now a `read` error
#    record of its own, and named, the same words as `clean`'s (exit 2 before any work).

def _loop(folder: Path) -> Path:
    folder.mkdir()
    (folder / "ok.txt").write_text(TEXT + "\n", "utf-8")
    (folder / "a.txt").symlink_to("b.txt")
    (folder / "b.txt").symlink_to("a.txt")
    return folder


def test_a_link_loop_in_a_folder_is_one_read_error(tmp_path):
    corpus = _loop(tmp_path / "corpus")
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "-j", "1", "-q"]) == 1
    assert [r["cleannews"]["id"] for r in read_jsonl(out / "clean.jsonl")] == [
        str(corpus / "ok.txt")]
    errors = read_jsonl(out / "errors" / "errors.jsonl")
    assert [(r["id"], r["error"]["type"]) for r in errors] == [
        (str(corpus / "a.txt"), "read"), (str(corpus / "b.txt"), "read")]
    assert "Too many levels of symbolic links" in errors[0]["error"]["message"]


@pytest.mark.parametrize("command", ["run", "score"])
def test_a_link_loop_named_as_an_input_says_what_it_is(tmp_path, capsys, command):
    loop = _loop(tmp_path / "corpus") / "a.txt"
    extra = ["--out", str(tmp_path / "out")] if command == "run" else []
    assert main([command, str(loop), *extra, "-j", "1"]) == 2
    assert capsys.readouterr().err == (f"cleannews: ERROR: {loop}: Too many levels of "
                                       "symbolic links\n")
    assert not (tmp_path / "out").exists()

"""Hardening of ``cleannews run`` (issue 13): processes, locks, paths, options, output size.

CLI tests run the installed ``cleannews`` entry point in a subprocess.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from _helpers import committed_docs, read_jsonl, read_pty, write_seed_corpus

SEEDS = Path(__file__).parent.parent / "seeds"
SINK_FILES = ("clean.jsonl", "quarantine/quarantine.jsonl", "errors/errors.jsonl")


def _exe() -> str:
    """The installed console script (next to the interpreter running the tests)."""
    here = Path(sys.executable).parent / "cleannews"
    return str(here) if here.exists() else (shutil.which("cleannews") or "cleannews")


def _cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None,
         timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([_exe(), *args], cwd=cwd, input=stdin, capture_output=True,
                          timeout=timeout)


def _children(pid: int) -> list[int]:
    """Pids whose parent is ``pid`` (from /proc)."""
    kids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                kids.append(int(entry.name))
    return kids


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for init to reap it counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


# --- 1. workers die with their parent --------------------------------------------------

@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the workers")
def test_kill_9_of_main_leaves_no_worker_and_resume_is_exactly_once(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    ids = write_seed_corpus(src, 1500)  # killed after 200: the rest (1,300) is the resume's work
    out = tmp_path / "out"
    cmd = [_exe(), "-q", "run", str(src), "--out", str(out), "-j", "2", "--chunk-size", "16"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    while committed_docs(out) < 200 and proc.poll() is None:
        assert time.monotonic() < deadline, "the run made no progress"
        time.sleep(0.01)
    workers = _children(proc.pid)
    assert len(workers) >= 2, "the run has no worker processes to test"
    os.kill(proc.pid, signal.SIGKILL)  # the main process only, as `kill -9 PID` does
    proc.wait()
    gone_by = time.monotonic() + 5
    while any(_alive(w) for w in workers) and time.monotonic() < gone_by:
        time.sleep(0.05)
    left = [w for w in workers if _alive(w)]
    for w in left:  # do not leave them behind if the test fails
        os.kill(w, signal.SIGKILL)
    assert not left, f"workers {left} outlived the killed main process"
    proc.stderr.read()  # EOF: no process holds the stderr pipe any more
    proc.stderr.close()
    assert committed_docs(out) < len(ids), "the run finished before it could be killed"
    resumed = _cli("-q", "run", str(src), "--out", str(out), "-j", "2", "--resume")
    assert resumed.returncode == 0, resumed.stderr.decode()
    landed = [r["id"] for name in SINK_FILES for r in read_jsonl(out / name, missing_ok=True)]
    assert sorted(landed) == ids  # every document exactly once


# --- 2. one run per output folder -------------------------------------------------------

def test_a_second_run_on_a_busy_output_folder_is_refused_with_the_holder_pid(
    tmp_path: Path
) -> None:
    src = tmp_path / "in.jsonl"
    ids = write_seed_corpus(src, 2500)
    out = tmp_path / "out"
    cmd = [_exe(), "-q", "run", str(src), "--out", str(out), "-j", "1", "--chunk-size", "8"]
    first = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while committed_docs(out) < 16 and first.poll() is None:
        assert time.monotonic() < deadline, "the first run made no progress"
        time.sleep(0.005)
    second = _cli("-q", "run", str(src), "--out", str(out), "-j", "1", "--resume")
    errors_only = _cli("-q", "run", str(src), "--out", str(tmp_path / "other"), "-j", "1",
                       "--errors", str(out / "errors"))
    assert first.poll() is None, "the first run ended before the second started"
    assert first.wait(timeout=300) == 0, first.stderr.read().decode()
    first.stderr.close()
    for proc in (second, errors_only):
        assert proc.returncode == 2
        assert f"another cleannews run (pid {first.pid})".encode() in proc.stderr
    landed = [r["id"] for name in SINK_FILES for r in read_jsonl(out / name, missing_ok=True)]
    assert sorted(landed) == ids  # the first run's output, each document once


# --- 4. invisible-only documents are empty ------------------------------------------------

INVISIBLE = "\u00a0\u200b\u2060\ufeff \u00ad\u200d\n\u3000"


def test_a_document_of_only_invisible_characters_is_an_empty_error(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "nbsp.txt").write_text(INVISIBLE * 20, encoding="utf-8")
    (tmp_path / "in" / "cp1252.txt").write_bytes(b"\xa0\xa0 \xa0\n")  # NBSP in Windows-1252
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "ok.txt").write_text("Un vrai texte.\n", encoding="utf-8")
    src = tmp_path / "in" / "rec.jsonl"
    src.write_text(json.dumps({"id": "inv", "text": INVISIBLE}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = _cli("run", str(tmp_path / "in"), "--out", str(out), "-j", "1")
    assert proc.returncode == 1, proc.stderr.decode()
    errors = {Path(r["id"]).name: r["error"]["type"]
              for r in read_jsonl(out / "errors/errors.jsonl", missing_ok=True)}
    assert errors == {"nbsp.txt": "empty", "cp1252.txt": "empty", "empty.txt": "empty",
                      "inv": "empty"}
    kept = read_jsonl(out / "clean.jsonl", missing_ok=True)
    assert [Path(r["id"]).name for r in kept] == ["ok.txt"]


# --- 5. messages suggest only what works ------------------------------------------------

def _small_files(limit: int):
    import resource

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_force_that_fails_midway_can_be_resumed_as_the_message_says(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    ids = write_seed_corpus(src, 300)
    out = tmp_path / "out"
    first = _cli("-q", "run", str(src), "--out", str(out), "-j", "1")
    assert first.returncode == 0, first.stderr.decode()
    reference = {name: (out / name).read_bytes() for name in SINK_FILES}
    other = tmp_path / "other.jsonl"
    write_seed_corpus(other, 200)
    for inputs in ([src], [other, src]):  # same inputs, and other inputs
        cmd = [_exe(), "-q", "run", *map(str, inputs), "--out", str(out), "-j", "1"]
        forced = subprocess.run([*cmd, "--force"], capture_output=True, timeout=300,
                                preexec_fn=_small_files(8192))  # fails at its first chunk
        assert forced.returncode == 2 and b"--resume" in forced.stderr, forced.stderr
        resumed = subprocess.run([*cmd, "--resume"], capture_output=True, timeout=300)
        assert resumed.returncode == 0, resumed.stderr.decode()
    landed = [r["id"] for name in SINK_FILES for r in read_jsonl(out / name, missing_ok=True)]
    assert sorted(landed) == sorted(ids + [f"doc-{i:05d}" for i in range(200)])
    again = _cli("-q", "run", str(src), "--out", str(out), "-j", "1", "--force")
    assert again.returncode == 0
    assert {name: (out / name).read_bytes() for name in SINK_FILES} == reference


def test_stdout_runs_never_suggest_resume(tmp_path: Path) -> None:
    data = "".join(json.dumps({"id": i, "text": 5}) + "\n" for i in range(400)).encode()
    cmd = [_exe(), "run", "-", "--out", "-", "-j", "1", "--chunk-size", "16"]
    failed = subprocess.run(cmd, input=data, capture_output=True, cwd=tmp_path, timeout=300,
                            preexec_fn=_small_files(4096))  # the errors sink fills up
    assert failed.returncode == 2
    assert b"--resume" not in failed.stderr and b"again" in failed.stderr, failed.stderr
    refused = _cli("run", "-", "--out", "-", "--resume", cwd=tmp_path, stdin=data)
    assert refused.returncode == 2 and b"--out DIR" in refused.stderr


def test_a_second_stdout_run_beside_an_earlier_ones_sinks_runs_and_keeps_them(
    tmp_path: Path,
) -> None:
    # it exited 2 and advised --force, which overwrote the earlier run's records (audit17):
    # the earlier records are now kept under a dated name and the run goes on
    data = (json.dumps({"id": "bad", "text": 5}) + "\n").encode()  # lands in the errors sink
    first = _cli("run", "-", "--out", "-", "-j", "1", cwd=tmp_path, stdin=data)
    assert first.returncode == 1, first.stderr
    again = _cli("run", "-", "--out", "-", "-j", "1", cwd=tmp_path, stdin=data)
    assert again.returncode == 1, again.stderr
    assert b"--resume" not in again.stderr.replace(b"cannot be resumed", b"")
    kept = sorted((tmp_path / "cleannews-errors").glob("errors*.jsonl"))
    assert len(kept) == 2, kept  # errors.jsonl and errors.<date>.jsonl
    assert all(b'"bad"' in f.read_bytes() for f in kept)


def test_runs_sharing_a_quarantine_folder_never_truncate_each_other(tmp_path: Path) -> None:
    seeds = Path(__file__).parent.parent / "seeds"
    spun = json.dumps({"id": "s3", "text": next(seeds.glob("003_*.txt")).read_text("utf-8")})
    clean = json.dumps({"id": "s4", "text": next(seeds.glob("004_*.txt")).read_text("utf-8")})
    (tmp_path / "b.jsonl").write_text(spun + "\n", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(clean + "\n", encoding="utf-8")
    first = _cli("run", "b.jsonl", "--out", "x.jsonl", "-j", "1", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    quarantined = (tmp_path / "quarantine" / "quarantine.jsonl").read_bytes()
    assert b'"s3"' in quarantined
    for extra in ([], ["--resume"]):
        other = _cli("run", "a.jsonl", "--out", "y.jsonl", "-j", "1", *extra, cwd=tmp_path)
        assert other.returncode == 2
        assert b"quarantine" in other.stderr and b"--quarantine DIR" in other.stderr
        assert b"add --resume" not in other.stderr
        # the first run's quarantined document is still there
        assert (tmp_path / "quarantine" / "quarantine.jsonl").read_bytes() == quarantined
    moved = _cli("run", "a.jsonl", "--out", "y.jsonl", "-j", "1", "--quarantine", "q2",
                 "--errors", "e2", cwd=tmp_path)
    assert moved.returncode == 0, moved.stderr  # the suggested way works


# --- 6. records above --max-record-mb ---------------------------------------------------

BIG_MB = 50


def _guarded_chunk(items: list, opts=None) -> list:
    """process_chunk that refuses records above 1 MB (stands in for a worker out of memory)."""
    from cleannews.batch.process import process_chunk

    assert all(len(i.payload) < 1024 * 1024 for i in items), "a too-large record reached a worker"
    return process_chunk(items, opts)


def test_a_50_mb_line_is_refused_by_size_and_never_reaches_a_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tracemalloc

    import cleannews.batch.process as process
    import cleannews.batch.runner as runner
    from cleannews.batch import BatchOptions, RunSettings, paths_for, run_batch
    from cleannews.batch.sources import Item

    big = (b'{"url": "https://ex.fr/1", "id": "big", "text": "'
           + b"Une phrase assez longue. " * (BIG_MB * 1024 * 1024 // 25) + b'"}\n')
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"id": "a", "text": "Un texte."}\n' + big + b'{"id": "c", "text": "Fin."}\n')
    monkeypatch.setattr(runner, "process_chunk", _guarded_chunk)  # forked workers inherit it
    opts = BatchOptions(max_record_bytes=1024 * 1024)
    report = run_batch(RunSettings([str(src)], paths_for(tmp_path / "out"), opts, jobs=2))
    errors = read_jsonl(tmp_path / "out" / "errors" / "errors.jsonl", missing_ok=True)
    assert [(r["id"], r["error"]["type"]) for r in errors] == [("big", "too_large")]
    assert errors[0]["raw"].encode() == big  # nothing lost
    assert report["documents"] == {"in": 3, "out": 2, "quarantined": 0, "failed": 1}
    # the size check and the id need no decoded copy of the record
    loads = json.loads
    monkeypatch.setattr(process.json, "loads", lambda s, *a, **k: (
        pytest.fail("parsed a too-large record") if len(s) > 1024 else loads(s, *a, **k)))
    tracemalloc.start()
    result = process.process_item(Item(0, str(src), "jsonl", big, 2, size=len(big)), opts)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert result.id == "big" and result.error_type == "too_large"
    assert peak < 3.5 * len(big)


# --- 7. option values are checked before any work ----------------------------------------

@pytest.mark.parametrize(("flag", "value"), [
    ("--quarantine-threshold", "1.5"), ("--quarantine-threshold", "-0.1"),
    ("--quarantine-threshold", "nan"), ("--jobs", "0"), ("--chunk-size", "0"),
    ("--max-record-mb", "-1"), ("--max-record-mb", "0"), ("--format", "pdf"),
])
def test_bad_option_values_exit_2_before_any_work(tmp_path: Path, flag: str, value: str) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1, "text": "Un texte."}\n', encoding="utf-8")
    proc = _cli("run", str(src), "--out", str(tmp_path / "out"), f"{flag}={value}")
    assert proc.returncode == 2
    assert f"argument {flag}".encode() in proc.stderr or flag.encode() in proc.stderr
    assert b"Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists()


# --- 8. HTML on stdin ---------------------------------------------------------------------

PAGE = ("<!DOCTYPE html>\n<html><head><title>T</title></head><body><nav>Accueil | Sport</nav>"
        "<article><p>Le conseil municipal a voté jeudi le budget de la ville.</p>"
        "<p>Les travaux commenceront en mars.</p></article></body></html>\n")


@pytest.mark.parametrize(("data", "kind"), [
    (PAGE, "html"), ("\ufeff  " + PAGE, "html"),
    ("Le conseil municipal a voté jeudi.\nLes travaux commenceront.\n", "text"),
])
def test_stdin_is_sniffed_like_a_file(tmp_path: Path, data: str, kind: str) -> None:
    proc = _cli("run", "-", "--out", "out", "-j", "1", cwd=tmp_path, stdin=data.encode())
    assert proc.returncode == 0, proc.stderr.decode()
    recs = read_jsonl(tmp_path / "out" / "clean.jsonl", missing_ok=True)
    assert [r["id"] for r in recs] == ["-"]
    text = recs[0]["cleannews"]["text"]
    assert "Le conseil municipal a voté jeudi" in text and "<p>" not in text
    if kind == "html":  # the page went through clean_html: the navigation bar is gone
        assert "Accueil | Sport" not in text and "<title>" not in text


# --- 9. progress on a terminal ----------------------------------------------------------

def regex_search(pattern: str, text: str) -> bool:
    import re

    return re.search(pattern, text) is not None


def _on_a_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run the CLI with stderr on a pseudo-terminal (120 columns); ``(exit code, stderr)``."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    proc = subprocess.Popen([_exe(), *args], cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    out = read_pty(master)
    os.close(master)
    return proc.wait(timeout=300), out.decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_shows_total_rate_and_eta_only_on_a_terminal(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    write_seed_corpus(src, 400)
    size = src.stat().st_size
    code, err = _on_a_terminal(["run", str(src), "--out", "a", "-j", "1"], tmp_path)
    assert code == 0, err
    assert "100%" in err and "400 docs" in err and "docs/s" in err
    assert f"/{size / 1000:.0f}k [" in err  # the total: the input's bytes
    assert regex_search(r"\d+%\|.*\[\d\d:\d\d<\d\d:\d\d, [\d.]+[kM]?B/s", err)  # rate and ETA
    code, err = _on_a_terminal(["run", str(src), "--out", "b", "-j", "1", "--no-progress"],
                               tmp_path)
    assert code == 0 and "%" not in err and "docs/s" in err  # only the summary
    piped = _cli("run", str(src), "--out", "c", "-j", "1", cwd=tmp_path)
    assert piped.returncode == 0 and b"%|" not in piped.stderr


# --- 10. output size: evidence that moved the score, compact JSON, gzip -------------------

def _evidence(records: list[dict]) -> list[dict]:
    return [e for r in records for e in r["cleannews"]["spin"]["evidence"]]


def test_records_carry_only_evidence_that_moved_the_score_in_compact_json(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    write_seed_corpus(src, 300)
    for name, extra in (("lean", ()), ("all", ("--evidence", "all"))):
        proc = _cli("-q", "run", str(src), "--out", str(tmp_path / name), "-j", "1", *extra)
        assert proc.returncode == 0, proc.stderr.decode()
    lean = [r for s in SINK_FILES for r in read_jsonl(tmp_path / "lean" / s, missing_ok=True)]
    full = [r for s in SINK_FILES for r in read_jsonl(tmp_path / "all" / s, missing_ok=True)]
    assert any(e["weight"] == 0 for e in _evidence(full))  # the corpus has some to drop
    assert all(e["weight"] != 0 for e in _evidence(lean))
    assert [e for e in _evidence(full) if e["weight"]] == _evidence(lean)
    assert all("signals" in r["cleannews"]["spin"] for r in full)
    assert not any("signals" in r["cleannews"]["spin"] for r in lean)
    for line in (tmp_path / "lean" / "clean.jsonl").read_text("utf-8").splitlines():
        obj = line.split(',"cleannews":', 1)[1][:-1]  # the added object, as written
        assert obj == json.dumps(json.loads(obj), ensure_ascii=False, separators=(",", ":"))
    size = sum((tmp_path / "lean" / s).stat().st_size for s in SINK_FILES)
    assert size < 0.8 * sum((tmp_path / "all" / s).stat().st_size for s in SINK_FILES)


def _gz_lines(path: Path) -> list[str]:
    import gzip

    return gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()


def test_gzip_output_by_flag_or_by_file_name_and_its_resume(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    ids = write_seed_corpus(src, 1500)
    proc = _cli("-q", "run", str(src), "--out", str(tmp_path / "dir"), "-j", "1", "--compress")
    assert proc.returncode == 0, proc.stderr.decode()
    names = ("clean.jsonl.gz", "quarantine/quarantine.jsonl.gz", "errors/errors.jsonl.gz")
    ref = {n: _gz_lines(tmp_path / "dir" / n) for n in names[:2]}
    assert sorted(json.loads(x)["id"] for v in ref.values() for x in v) == ids
    # --out FILE.jsonl.gz: a file, not a folder; killed, then resumed: valid gzip, same records
    target = tmp_path / "file" / "all.jsonl.gz"
    state = target.parent / f".{target.name}.cleannews-run.json"
    cmd = [_exe(), "-q", "run", str(src), "--out", str(target), "-j", "2", "--chunk-size", "16"]
    run = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while run.poll() is None:
        try:
            if json.loads(state.read_text())["done"] >= 300:
                break
        except (OSError, ValueError, KeyError):
            pass
        assert time.monotonic() < deadline, "the run made no progress"
        time.sleep(0.005)
    run.kill()
    run.wait()
    resumed = subprocess.run([*cmd, "--resume"], capture_output=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert target.is_file()
    assert _gz_lines(target) == ref["clean.jsonl.gz"]
    assert _gz_lines(target.parent / "quarantine" / "quarantine.jsonl.gz") == ref[names[1]]
    assert json.loads((target.parent / "all.report.json").read_text())["documents"]["in"] == 1500


def test_parquet_input_is_refused_before_any_work(tmp_path: Path) -> None:
    pq = tmp_path / "data.parquet"
    pq.write_bytes(b"PAR1" + bytes(range(256)) * 4 + b"PAR1")
    renamed = tmp_path / "data.bin"
    renamed.write_bytes(pq.read_bytes())
    for name in (pq, renamed):
        proc = _cli("run", str(name), "--out", str(tmp_path / "out"))
        assert proc.returncode == 2 and b"Parquet" in proc.stderr and b"JSONL" in proc.stderr
        assert not (tmp_path / "out").exists()
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "part.parquet").write_bytes(pq.read_bytes())
    (folder / "ok.txt").write_text("Un texte.\n", encoding="utf-8")
    proc = _cli("run", str(folder), "--out", str(tmp_path / "out2"), "-j", "1")
    assert proc.returncode == 0 and b"part.parquet: Parquet is not supported" in proc.stderr
    assert len(read_jsonl(tmp_path / "out2" / "clean.jsonl", missing_ok=True)) == 1


# --- 11. the HTML report a person reads ---------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def report_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A run over real seed articles (some quarantined), one with a crawler date prefix."""
    base = tmp_path_factory.mktemp("report")
    seeds = sorted(SEEDS.glob("*.txt"))
    src = base / "in.jsonl"
    rows = [{"id": f"s{k}", "text": p.read_text("utf-8")} for k, p in enumerate(seeds)]
    rows.append({"id": "dated", "text": " date 2025-02 Le conseil municipal a voté le budget.\n"
                 "Les travaux commenceront en mars.\n"})
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                   encoding="utf-8")
    cmd = ["run", str(src), "--out", str(base / "out"), "-j", "1", "--quarantine-threshold",
           "0.8"]
    proc = _cli(*cmd)
    assert proc.returncode == 0, proc.stderr.decode()
    return base, cmd


def test_report_html_says_what_was_run_and_what_was_removed(
    report_run: tuple[Path, list[str]]
) -> None:
    from bs4 import BeautifulSoup

    base, cmd = report_run
    report = json.loads((base / "out" / "report.json").read_text("utf-8"))
    page = base / "report.html"
    proc = _cli("report", str(base / "out" / "report.json"), "--html", str(page))  # README form
    assert proc.returncode == 0, proc.stderr.decode()
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    assert not soup.find_all(["script", "link", "img", "iframe"])  # one self-contained file
    about = soup.find(id="about").get_text()
    assert report["cleannews_version"] in about and report["date"][:10] in about
    assert soup.find(id="command-line").get_text().endswith(" ".join(cmd))
    assert [li.get_text() for li in soup.find(id="inputs").find_all("li")] == [cmd[1]]
    assert "0.8" in soup.find(id="settings").get_text()
    svg = soup.find("svg")
    ticks = [t.get_text() for t in svg.find_all("text", class_="tick")]
    assert ticks[0] == "0.0" and ticks[-1] == "1.0" and len(ticks) == 11
    titles = " ".join(t.get_text() for t in svg.find_all("text", class_="title"))
    assert "spin score" in titles and "documents" in titles
    assert "quarantine threshold (0.8)" in soup.find(class_="legend").get_text()
    # counts match the sinks; quarantined ids are listed with their evidence
    quarantined = read_jsonl(base / "out" / "quarantine" / "quarantine.jsonl", missing_ok=True)
    assert soup.find(id="count-quarantined").b.get_text() == str(len(quarantined))
    if quarantined:
        listed = soup.find(id="quarantined").find_all("tr")[1:]
        assert [r.code.get_text() for r in listed] == [q["id"] for q in quarantined]
        assert all(r.find("li") for r in listed)
    # units, examples of removed text, and the crawler prefix counted as moved, not removed
    rules = {tb["id"][5:]: tb for tb in soup.find_all("tbody", id=True)}
    removing = [r for r, v in report["rules"].items() if v["removed_bytes"]]
    assert removing and all(regex_search(r"\d (B|kB|MB)$", rules[r].find_all("td")[3].get_text())
                            for r in removing)
    assert all(rules[r].find("q") for r in removing)
    crawler = report["rules"]["crawler_metadata"]
    assert crawler["removed"] == 0 and crawler["moved"] >= 1
    assert "crawler_metadata" not in report["examples"]


@pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is not installed (apt-get install "
                    "chromium)")
def test_report_html_renders_in_headless_chromium(report_run: tuple[Path, list[str]]) -> None:
    base, _ = report_run
    page = base / "render.html"
    assert _cli("report", str(base / "out" / "report.json"), "--html", str(page)).returncode == 0
    shot = base / "shot.png"
    proc = subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
                           "--disable-dev-shm-usage", f"--screenshot={shot}",
                           "--window-size=1200,2400", page.as_uri()],
                          capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 10_000, proc.stderr.decode()[-2000:]
    dom = subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
                          "--disable-dev-shm-usage", "--dump-dom", page.as_uri()],
                         capture_output=True, timeout=120)
    assert b'id="command-line"' in dom.stdout and b"<svg" in dom.stdout


# --- 12. --limit --------------------------------------------------------------------------

def test_limit_processes_the_first_n_documents(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    ids = write_seed_corpus(src, 200)
    folder = tmp_path / "files"
    folder.mkdir()
    for k in range(5):
        (folder / f"{k}.txt").write_text(f"Article numéro {k}, un texte court.\n", "utf-8")
    proc = _cli("-q", "run", str(src), str(folder), "--out", str(tmp_path / "a"), "-j", "2",
                "--limit", "7", "--chunk-size", "3")
    assert proc.returncode == 0, proc.stderr.decode()
    landed = [r["id"] for s in SINK_FILES for r in read_jsonl(tmp_path / "a" / s, missing_ok=True)]
    assert sorted(landed) == ids[:7]
    proc = _cli("-q", "run", str(src), str(folder), "--out", str(tmp_path / "b"), "-j", "1",
                "--limit", "203")
    landed = [r["id"] for s in SINK_FILES for r in read_jsonl(tmp_path / "b" / s, missing_ok=True)]
    assert sorted(landed) == sorted([*ids, *(f"{folder.as_posix()}/{k}.txt" for k in range(3))])
    assert json.loads((tmp_path / "b" / "report.json").read_text())["documents"]["in"] == 203
    scores = _cli("score", str(src), "-j", "1", "--limit", "4")
    assert [json.loads(x)["id"] for x in scores.stdout.decode().splitlines()] == ids[:4]


def test_runs_writing_named_files_in_one_folder_do_not_block_each_other(tmp_path: Path) -> None:
    from cleannews.batch import paths_for
    from cleannews.batch.sinks import FolderLock, Sinks

    src = tmp_path / "in.jsonl"
    write_seed_corpus(src, 5)
    out = tmp_path / "shared"
    with FolderLock(out, f".a.jsonl.gz{'.cleannews.lock'}", out / "a.jsonl.gz"):
        busy = _cli("run", str(src), "--out", str(out / "a.jsonl.gz"), "-j", "1")
        free = _cli("score", str(src), "--out", str(out / "scores.jsonl"), "-j", "1")
    assert busy.returncode == 2 and b"a.jsonl.gz is in use" in busy.stderr
    assert free.returncode == 0, free.stderr.decode()
    assert len((out / "scores.jsonl").read_text().splitlines()) == 5
    names = {lk.path.name for lk in Sinks(paths_for(out / "b.jsonl"), {}).locks()}
    assert names == {".b.jsonl.cleannews.lock", ".cleannews.lock"}  # the file; quarantine/errors


def test_folder_files_that_are_not_inputs_are_reported_and_gzip_text_is_named(
    tmp_path: Path,
) -> None:
    import bz2
    import gzip as gz

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt.gz").write_bytes(gz.compress(b"Bonjour le monde."))
    (folder / "c.txt.bz2").write_bytes(bz2.compress(b"Bonjour le monde."))
    seed = next((Path(__file__).parent.parent / "seeds").glob("000_*.txt"))
    (folder / "b.txt").write_text(seed.read_text("utf-8"), encoding="utf-8")
    proc = _cli("run", str(folder), "--out", "o", "-j", "1", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    # a folder's .txt.gz is read (audit20); bzip2 data is not
    assert b"1 file(s) skipped" in proc.stderr and b"c.txt.bz2" in proc.stderr
    assert b"a.txt.gz" not in proc.stderr
    # named as an INPUT, a gzip text is read decompressed (audit19; it was a `binary` error)
    one = _cli("run", str(folder / "a.txt.gz"), "--out", "o2", "-j", "1", cwd=tmp_path)
    assert one.returncode == 0, one.stderr
    rec = json.loads((tmp_path / "o2" / "clean.jsonl").read_text("utf-8"))
    assert rec["cleannews"]["text"].startswith("Bonjour le monde.")


def test_text_on_stdin_that_starts_with_a_brace_is_text(tmp_path: Path) -> None:
    text = "{Exclusif} Le maire démissionne après trois ans de mandat, dit-il.\nLa suite.\n"
    proc = _cli("run", "-", "--out", "o", "-j", "1", cwd=tmp_path, stdin=text.encode())
    assert proc.returncode == 0, proc.stderr
    rec = json.loads((tmp_path / "o" / "clean.jsonl").read_text("utf-8"))
    assert rec["cleannews"]["text"].startswith("{Exclusif} Le maire")


def test_report_refuses_a_file_that_is_not_a_report(tmp_path: Path) -> None:
    (tmp_path / "notrep.json").write_text('{"a": 1}', encoding="utf-8")
    for extra in ([], ["--html", "x.html"]):
        proc = _cli("report", "notrep.json", *extra, cwd=tmp_path)
        assert proc.returncode == 2 and b"not a readable cleannews report" in proc.stderr
    assert not (tmp_path / "x.html").exists()


def test_a_run_never_writes_into_sinks_another_live_run_owns(tmp_path: Path) -> None:
    """Even when the first run's quarantine is still empty, a second run with another
    --out is refused, so the first run's --resume can never cut the second's records."""
    seeds = Path(__file__).parent.parent / "seeds"
    clean, spun = str(next(seeds.glob("000_*.txt"))), str(next(seeds.glob("003_*.txt")))
    assert _cli("run", clean, "--out", "x.jsonl", "-j", "1", cwd=tmp_path).returncode == 0
    other = _cli("run", spun, "--out", "y.jsonl", "-j", "1", cwd=tmp_path)
    assert other.returncode == 2 and b"another cleannews run" in other.stderr, other.stderr
    again = _cli("run", clean, "--out", "x.jsonl", "-j", "1", "--resume", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    moved = _cli("run", spun, "--out", "y.jsonl", "-j", "1", "--quarantine", "q2",
                 "--errors", "e2", cwd=tmp_path)
    assert moved.returncode == 0, moved.stderr
    assert b"003_" in (tmp_path / "q2" / "quarantine.jsonl").read_bytes()

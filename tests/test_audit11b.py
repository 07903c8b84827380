"""User-facing defects the first audit of round 11 noticed and left alone (branch audit11b).

Each test failed before its fix: ``cleannews run`` stopped by SIGTERM left without the
``--resume`` hint Ctrl-C gives, a foreign ``.jsonl`` output was called "records of another
cleannews run", a JSONL line with a 5,000-digit number told the user to call
``sys.set_int_max_str_digits``, and a file name that is not UTF-8 was mirrored into a new
sub-folder.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from _helpers import all_ids, cli_env, committed_docs, read_jsonl, run_cli, wait_for_commit
from cleannews.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = (ROOT / "seeds" / "000_51a21282db567c1f.txt").read_text("utf-8")


# 1. `cleannews run` stopped by SIGTERM (a job scheduler's kill, `timeout`, `docker stop`) died
#    at once with no message and exit -15: `--resume` worked, but nothing said so (Ctrl-C
#    prints "interrupted: committed work is kept; run the same command with --resume", exit
#    130). SIGTERM now stops the run like Ctrl-C does, with exit 143 (128 + 15).

#: Documents in the folder the SIGTERM test stops half-way (enough for many chunks of 4).
STOPPED_DOCS = 400


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_stops_a_run_like_ctrl_c(tmp_path: Path, jobs: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    paragraphs = SEED_TEXT.split("\n\n")
    for i in range(STOPPED_DOCS):  # distinct documents (no copies to think about)
        (corpus / f"d{i:04d}.txt").write_text(
            f"Dépêche numéro {i} du jour.\n\n" + "\n\n".join(paragraphs[i % 3:]), "utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "cleannews", "run", "corpus", "--out", "out", "-j", jobs,
           "--chunk-size", "4", "--no-progress"]
    # its own process group, killed as a whole, as a scheduler does (workers get it too)
    proc = subprocess.Popen(cmd, cwd=tmp_path, env=cli_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    wait_for_commit(proc, out)
    assert proc.poll() is None, "the run ended before it could be stopped"
    os.killpg(proc.pid, signal.SIGTERM)
    _, err = proc.communicate(timeout=240)
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert b"--resume" in err and b"Traceback" not in err, err
    done = committed_docs(out)
    assert 0 < done < STOPPED_DOCS  # stopped half-way, committed work kept
    again = subprocess.run([*cmd, "--resume"], cwd=tmp_path, env=cli_env(), capture_output=True,
                           timeout=600)
    assert again.returncode == 0, again.stderr
    ids = all_ids(out)
    assert sorted(ids) == sorted(f"corpus/d{i:04d}.txt" for i in range(STOPPED_DOCS))


def test_sigterm_handler_is_put_back_after_a_run(tmp_path: Path) -> None:
    """In-process use (tests, notebooks): the run's SIGTERM handler does not outlive it."""
    (tmp_path / "a.txt").write_text(SEED_TEXT, "utf-8")
    before = signal.getsignal(signal.SIGTERM)
    assert main(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "-j", "1",
                 "-q"]) == 0
    assert signal.getsignal(signal.SIGTERM) is before


# 2. An existing `.jsonl` output that no cleannews run wrote was refused with "already
#    hold(s) records of another cleannews run": wrong (it is the user's own file) and
#    silent on what to do with *that* file. The message now says what the file is and names
#    the option to change (or --force); a file a cleannews run did write keeps its message.

def test_a_foreign_jsonl_output_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SEED_TEXT, "utf-8")
    (tmp_path / "mine.jsonl").write_text('{"url": "https://ex.fr/1", "title": "x"}\n', "utf-8")
    proc = run_cli("run", "a.txt", "--out", "mine.jsonl", "-j", "1", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert "another cleannews run" not in err, err
    assert "mine.jsonl" in err and "not a cleannews output" in err, err
    assert "--force" in err and "--out" in err, err
    assert (tmp_path / "mine.jsonl").read_text("utf-8").startswith('{"url"')  # untouched
    forced = run_cli("run", "a.txt", "--out", "mine.jsonl", "-j", "1", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert [r["id"] for r in read_jsonl(tmp_path / "mine.jsonl")] == ["a.txt"]


def test_a_refused_run_leaves_no_sink_folder_or_lock_behind(tmp_path: Path) -> None:
    """A run refused at the sink check created `errors/`, `quarantine/` and a lock file next
    to the user's file before refusing; the folder now looks as it did before the command."""
    (tmp_path / "a.txt").write_text(SEED_TEXT, "utf-8")
    (tmp_path / "mine.jsonl").write_text('{"url": "https://ex.fr/1", "title": "x"}\n', "utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    proc = run_cli("run", "a.txt", "--out", "mine.jsonl", "-j", "1", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    # refused into a folder of its own (another run's output there): nothing new is left
    first = run_cli("run", "a.txt", "--out", "o", "-j", "1", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    made = sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / "o").rglob("*"))
    again = run_cli("run", "a.txt", "--out", "o", "--errors", "new/errs", "-j", "1", cwd=tmp_path)
    assert again.returncode == 2, again.stderr
    assert not (tmp_path / "new").exists()
    assert sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / "o").rglob("*")) == made


def test_output_of_a_cleannews_run_without_state_keeps_its_message(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SEED_TEXT, "utf-8")
    piped = run_cli("run", "a.txt", "--out", "-", "-j", "1", cwd=tmp_path)
    assert piped.returncode == 0, piped.stderr
    (tmp_path / "x.jsonl").write_bytes(piped.stdout)  # `cleannews run … --out - > x.jsonl`
    proc = run_cli("run", "a.txt", "--out", "x.jsonl", "-j", "1", cwd=tmp_path)
    assert proc.returncode == 2
    assert b"records of another cleannews run" in proc.stderr, proc.stderr


def test_a_foreign_file_that_is_not_json_is_not_a_cleannews_output(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SEED_TEXT, "utf-8")
    errors = tmp_path / "errs"
    errors.mkdir()
    (errors / "errors.jsonl").write_text("notes du lundi\n", "utf-8")
    proc = run_cli("run", "a.txt", "--out", "o", "--errors", "errs", "-j", "1", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert "not a cleannews output" in err and "--errors" in err, err
    assert (errors / "errors.jsonl").read_text("utf-8") == "notes du lundi\n"


# 3. A JSONL line holding an integer of more than 4,300 digits went to the errors sink as
#    "not valid JSON: Exceeds the limit (4300 digits) for integer string conversion: …; use
#    sys.set_int_max_str_digits() to increase the limit" -- advice for a Python programmer,
#    not for someone running a command -- under the line's place, not its id.

def test_a_number_too_long_to_read_is_said_plainly(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    big = "9" * 5000
    crawl.write_text(
        json.dumps({"id": "ok", "text": SEED_TEXT}) + "\n"
        + '{"id": "big", "views": ' + big + ', "text": "Un texte."}\n'
        + '{"id": ' + big + ', "text": "Un texte."}\n', "utf-8")
    out = tmp_path / "out"
    assert main(["run", str(crawl), "--out", str(out), "-j", "1", "-q"]) == 1
    errors = read_jsonl(out / "errors" / "errors.jsonl")
    assert [e["id"] for e in errors] == ["big", f"{crawl}:3"]
    for e in errors:
        assert e["error"]["type"] == "json"
        message = e["error"]["message"]
        assert "number too long" in message, message
        assert "set_int_max_str_digits" not in message and "sys." not in message, message
        assert big in e["raw"]
    assert [r["id"] for r in read_jsonl(out / "clean.jsonl")] == ["ok"]


# 4. A file name that is not UTF-8 (`caf\xe9.txt` from an old archive, on Linux) is shown
#    as `caf\xe9.txt`; the mirrored text took the backslash for a Windows separator and was
#    written as `caf/xe9~hash.txt` -- a new sub-folder `caf/` in the output. It is now one
#    file name in the input's own folder.

def test_a_non_utf8_file_name_is_mirrored_as_one_file_name(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    if sys.platform == "win32" or sys.platform == "darwin":
        pytest.skip("file names are not raw bytes on this system")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    try:
        (corpus / os.fsdecode(b"caf\xe9.txt")).write_text(SEED_TEXT, "utf-8")
        (corpus / os.fsdecode(b"th\xe9.txt")).write_text(SEED_TEXT.replace("Vsora", "Zorva"),
                                                          "utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses non-UTF-8 names")
    (corpus / "caf").mkdir()  # a real folder of that name must not receive the mirror
    (corpus / "caf" / "xe9.txt").write_text(SEED_TEXT.replace("Vsora", "Arosv"), "utf-8")
    out = tmp_path / "out"
    monkeypatch.chdir(tmp_path)
    assert main(["run", "corpus", "--out", str(out), "-j", "1", "-q"]) == 0
    ids = sorted(all_ids(out))
    assert ids == ["corpus/caf/xe9.txt", "corpus/caf\\xe9.txt", "corpus/th\\xe9.txt"]
    mirrored = out / "corpus"
    names = sorted(p.relative_to(mirrored).as_posix() for p in mirrored.rglob("*.txt"))
    assert len(names) == 3, names
    assert "caf/xe9.txt" in names  # the real sub-folder's file, unchanged
    others = [n for n in names if n != "caf/xe9.txt"]
    assert all("/" not in n for n in others), names  # no new sub-folder
    assert any(n.startswith("caf") and "xe9" in n for n in others), names
    assert any(n.startswith("th") and "xe9" in n for n in others), names
    texts = {n: (mirrored / n).read_text("utf-8") for n in names}
    assert "Arosv" in texts["caf/xe9.txt"]
    assert any("Zorva" in texts[n] for n in others if n.startswith("th"))

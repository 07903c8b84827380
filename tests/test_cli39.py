"""A fresh user's rough edges of the command line, round 31 (after the user38 walkthrough).

1. ``cleannews score --out /proc/x`` ended with "give a folder you can write to", though
   ``score --out`` is a file: the end of the message names the option and what it is for
   the command (``give --out a file in a folder you can write to``; ``--errors``: a folder;
   ``run --out x.jsonl``: a ``FILE.jsonl``).
2. ``clean`` and ``explain`` reported an unreadable file as ``a.txt: Permission denied``
   where ``run`` and ``score`` say ``cannot read: Permission denied``: one wording now.
3. Standard input holding only a UTF-16 or UTF-32 byte-order mark was not said to be empty
   (a UTF-8 mark alone was, by ``run`` and ``score``; ``clean`` and ``explain`` said of that
   one only "looks like JSONL records" and "empty document").
4. A page on standard input (``run - --out DIR``) was mirrored as ``DIR/-.txt``: it is
   ``DIR/stdin.txt`` (its id stays ``-``), an input file named ``stdin.txt`` kept apart.

Each test but the four guards fails on main's code (26 of 30).
"""

from __future__ import annotations

import builtins
import codecs
import json
import os
import sys
from pathlib import Path

import pytest

from _helpers import SMALL_ARTICLE, read_jsonl, run_cli, sink_records
from cleannews.cli import main

# --- 1. an output that cannot be written names its option -----------------------------------


@pytest.mark.skipif(not os.path.isdir("/proc") or sys.platform != "linux", reason="Linux /proc")
@pytest.mark.parametrize(("command", "flags", "hint"), [
    ("score", ["--out", "/proc/x"], "give --out a file in a folder you can write to"),
    ("score", ["--out", "/proc/x.jsonl"], "give --out a file in a folder you can write to"),
    ("score", ["--errors", "/proc/e"], "give --errors a folder you can write to"),
    ("run", ["--out", "/proc/x"], "give --out a folder you can write to"),
    ("run", ["--out", "/proc/x.jsonl"], "give --out a FILE.jsonl in a folder you can write to"),
    ("run", ["--out", "OUT", "--errors", "/proc/e"], "give --errors a folder you can write to"),
    ("run", ["--out", "OUT", "--quarantine", "/proc/q"],
     "give --quarantine a folder you can write to"),
])
def test_an_unwritable_output_names_its_option_and_what_it_is(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, flags: list[str],
        hint: str) -> None:
    """Fails on main: every one ended "; give a folder you can write to", naming no option
    (and a folder for score's --out FILE)."""
    page = tmp_path / "a.txt"
    page.write_text(SMALL_ARTICLE, "utf-8")
    flags = [str(tmp_path / "o") if f == "OUT" else f for f in flags]
    assert main([command, str(page), *flags, "-j", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert "cannot write the output /proc/" in err and err.rstrip().endswith(hint), err
    assert not (tmp_path / "o").exists()


# --- 2. an unreadable file: one wording ------------------------------------------------------


@pytest.fixture
def locked_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file every ``open`` refuses, as a file of mode 000 is refused to a user who is not
    root (root reads it whatever its mode: the test would prove nothing)."""
    locked = tmp_path / "locked.txt"
    locked.write_text(SMALL_ARTICLE, "utf-8")
    real_open = builtins.open

    def refusing_open(file, *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and os.fspath(file) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)
    return locked


@pytest.mark.parametrize("command", ["clean", "explain"])
def test_clean_and_explain_say_cannot_read_as_run_does(
        locked_file: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    """Fails on main: ``locked.txt: Permission denied``."""
    assert main([command, str(locked_file)]) == 2
    err = capsys.readouterr().err
    assert f"{locked_file}: cannot read: Permission denied" in err, err


@pytest.mark.parametrize("command", ["run", "score"])
def test_run_and_score_keep_their_wording(
        locked_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        command: str) -> None:
    """Guard: the error record of run and score says it in the same words."""
    out = tmp_path / "o"
    flags = ["--out", str(out)] if command == "run" else ["--errors", str(out / "errors")]
    assert main([command, str(locked_file), *flags, "-j", "1"]) == 1
    errors = (sink_records(out)["errors"] if command == "run"
              else read_jsonl(out / "errors" / "errors.jsonl"))
    assert [(e["id"], e["error"]["message"]) for e in errors] == \
        [(str(locked_file), "cannot read: Permission denied")]
    assert f"{locked_file}: read: cannot read: Permission denied" in capsys.readouterr().err


def test_a_missing_file_keeps_the_words_run_says_before_it_starts(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Guard: ``a.txt: no such file or folder`` in every command (no "cannot read:")."""
    missing = tmp_path / "missing.txt"
    assert main(["clean", str(missing)]) == 2
    err = capsys.readouterr().err
    assert f"{missing}: no such file or folder" in err and "cannot read" not in err


# --- 3. a byte-order mark alone on standard input is an empty input ------------------------

EMPTY_HINT = "did the command before the pipe fail?"
MARKS = {
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be+blank": codecs.BOM_UTF16_BE + " \r\n".encode("utf-16-be"),
    "utf-32-le": codecs.BOM_UTF32_LE,
}


@pytest.mark.parametrize("command", [["run", "-", "--out", "-"], ["score", "-"]])
@pytest.mark.parametrize("mark", list(MARKS))
def test_run_and_score_say_a_wide_mark_alone_is_empty(command: list[str], mark: str,
                                                      tmp_path: Path) -> None:
    """Fails on main: "0 documents in", no word of an empty input."""
    res = run_cli(*command, "-j", "1", stdin=MARKS[mark], cwd=tmp_path)
    err = res.stderr.decode()
    assert res.returncode == 0, err
    assert f"-: no documents: the input is empty ({EMPTY_HINT})" in err, err


@pytest.mark.parametrize("command", ["clean", "explain"])
@pytest.mark.parametrize("mark", [*MARKS, "utf-8"])
def test_clean_and_explain_say_a_mark_alone_is_empty_standard_input(command: str,
                                                                    mark: str) -> None:
    """Fails on main: "empty document" only (and, for UTF-8's mark, "looks like JSONL")."""
    res = run_cli(command, "-", stdin=MARKS.get(mark, b"\xef\xbb\xbf"))
    err = res.stderr.decode()
    assert res.returncode == 0, err
    assert f"standard input is empty: {EMPTY_HINT}" in err, err
    assert "JSONL" not in err


def test_wide_text_on_stdin_is_no_empty_input() -> None:
    """Guard: UTF-16 text with its mark is cleaned, not said to be empty."""
    res = run_cli("clean", "-", stdin=codecs.BOM_UTF16_LE + SMALL_ARTICLE.encode("utf-16-le"))
    assert res.returncode == 0 and "empty" not in res.stderr.decode()
    assert SMALL_ARTICLE.splitlines()[0] in res.stdout.decode()


# --- 4. a page on standard input is mirrored as stdin.txt ----------------------------------

PAGE = ("<html><body><article><h1>Budget</h1>"
        + "".join(f"<p>{p}</p>" for p in SMALL_ARTICLE.split("\n\n")) + "</article></body></html>")


@pytest.mark.parametrize("data", [PAGE, SMALL_ARTICLE])
def test_a_document_on_stdin_is_mirrored_as_stdin_txt(tmp_path: Path, data: str) -> None:
    """Fails on main: the text was ``DIR/-.txt``."""
    out = tmp_path / "o"
    res = run_cli("run", "-", "--out", out, "-j", "1", "-q", stdin=data.encode("utf-8"))
    assert res.returncode == 0, res.stderr.decode()
    [record] = sink_records(out)["out"]
    assert record["id"] == "-"  # the id stays `-`, as documented
    assert not (out / "-.txt").exists()
    assert (out / "stdin.txt").read_text("utf-8") == record["cleannews"]["text"]


def test_stdin_and_a_file_named_stdin_txt_keep_their_own_texts(tmp_path: Path) -> None:
    """Fails on main (no ``stdin.txt`` at all); two inputs never share a mirrored file."""
    (tmp_path / "stdin.txt").write_text(SMALL_ARTICLE, "utf-8")
    piped = "Le conseil municipal de Lyon a voté mardi le budget des écoles de la ville."
    res = run_cli("run", "-", "stdin.txt", "--out", "o", "-j", "1", "-q",
                  stdin=piped.encode("utf-8"), cwd=tmp_path)
    assert res.returncode == 0, res.stderr.decode()
    texts = {p.name: p.read_text("utf-8") for p in (tmp_path / "o").glob("stdin*.txt")}
    assert texts.pop("stdin.txt").strip() == piped
    [(name, text)] = texts.items()
    assert name.startswith("stdin~") and text.startswith(SMALL_ARTICLE.splitlines()[0])
    assert json.loads((tmp_path / "o" / "report.json").read_text())["documents"]["out"] == 2

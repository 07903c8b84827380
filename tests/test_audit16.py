"""Round-16 user audit (branch audit16): each test fails on the code before it (10324eb)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from _helpers import cli_env, read_pty
from cleannews.batch import clean_batch

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = (ROOT / "seeds" / "000_51a21282db567c1f.txt").read_text("utf-8")
TEXT = "Le maire a présenté mardi le budget de la commune pour l’année prochaine."
NESTED = [{"meta": {"id": "a1"}, "doc": {"title": "Budget", "text": TEXT}},
          {"meta": {"id": "a2"}, "doc": {"title": "Sans texte"}}]


# 1. `cleannews run --text-field doc.text` reads a nested text (audit15), but the Python
#    helpers of the same batch path did not: `clean_batch(batch, text_field="doc.text")` and
#    `clean_frame(df, column="doc.text")` raised KeyError "no column 'doc.text'" on a
#    `datasets` struct column / a `pd.read_json` frame of the same JSONL. They read the same
#    path now (one `field_value`), a row without it being an error row saying where.

def test_clean_batch_reads_a_dotted_text_field() -> None:
    batch = {"id": ["a1", "a2"], "doc": [dict(r["doc"]) for r in NESTED]}
    out = clean_batch(batch, text_field="doc.text")
    assert out["doc"][0] == {"title": "Budget", "text": TEXT}  # cleaned text written back
    assert out["doc"][1] == {"title": "Sans texte"}
    assert out["cleannews_verdict"] == ["keep", "error"]
    assert out["cleannews_error"][1] == ("record has no 'doc.text' field ('doc' holds: title; "
                                         "choose with text_field='FIELD')")
    assert batch["doc"][0]["text"] == TEXT  # the input batch is not changed
    kept = clean_batch(batch, text_field="doc.text", keep_original=True)
    assert "doc" not in kept and kept["cleannews_text"] == [TEXT, ""]


def test_clean_frame_reads_a_dotted_column() -> None:
    pd = pytest.importorskip("pandas")
    from cleannews.batch import clean_frame

    df = pd.read_json(io.StringIO("\n".join(json.dumps(r) for r in NESTED)), lines=True)
    out = clean_frame(df, column="doc.text")
    assert list(out["cleannews_text"]) == [TEXT, ""]
    assert list(out["cleannews_verdict"]) == ["keep", "error"]
    assert "choose with column='FIELD'" in out["cleannews_error"][1]


# 2. The datatrove reader `CleannewsJsonlReader(text_key="doc.text")` turned every nested
#    record into a `missing_field` error document; it reads the dotted path now (the text and
#    id taken out of their objects, the rest of them in the metadata).

def test_datatrove_reader_reads_dotted_keys(tmp_path: Path) -> None:
    pytest.importorskip("datatrove")
    from cleannews.integrations.datatrove import CleannewsJsonlReader

    (tmp_path / "d.jsonl").write_text("\n".join(json.dumps(r) for r in NESTED) + "\n", "utf-8")
    docs = list(CleannewsJsonlReader(str(tmp_path), text_key="doc.text",
                                     id_key="meta.id").run())
    assert [d.id for d in docs] == ["a1", "a2"]
    assert docs[0].text == TEXT and "cleannews" not in docs[0].metadata
    assert docs[0].metadata["doc"] == {"title": "Budget"}  # the text is not kept twice
    error = docs[1].metadata["cleannews"]
    assert error["error_type"] == "missing_field" and "'doc' holds: title" in error["error"]


# 3. A run stopped before its first commit (Ctrl-C in the first chunk) said "interrupted:
#    committed work is kept; run the same command with --resume": the run state is written at
#    the start with 0 documents done, so nothing had been kept.

def test_interrupt_before_the_first_commit_says_nothing_was_committed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    import cleannews.batch.runner as runner
    from cleannews.cli import main

    (tmp_path / "a.txt").write_text(SEED_TEXT, "utf-8")

    def interrupted(chunk, opts=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "process_chunk", interrupted)
    argv = ["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "-j", "1"]
    assert main(argv) == 130
    err = capsys.readouterr().err
    assert "committed work is kept" not in err, err
    assert "nothing was committed yet" in err and "--resume" in err
    monkeypatch.undo()
    assert main([*argv, "--resume", "-q"]) == 0  # the advice works
    assert len((tmp_path / "o" / "clean.jsonl").read_text("utf-8").splitlines()) == 1


# 4. `cleannews run … --out - > /dev/full` said "ERROR: No space left on device (the output
#    written to stdout is incomplete; …)": a reason with no subject, where the same error on
#    an output file names it ("/dev/full: No space left on device …"). It names stdout.

@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_full_stdout_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a1", "text": TEXT}) + "\n", "utf-8")
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "cleannews", "run", "a.jsonl", "--out",
                               "-"], cwd=tmp_path, env=cli_env(), stdout=full,
                              stderr=subprocess.PIPE, timeout=300)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert "ERROR: stdout: No space left on device (the output written to stdout is " \
           "incomplete; fix this, then run the whole command again)" in err, err
    assert "Traceback" not in err, err


# 5. `cleannews explain` coloured its marks on a terminal even with NO_COLOR set (the
#    convention of https://no-color.org, which `--color auto` now follows, with TERM=dumb).

@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("env, coloured", [({}, True), ({"NO_COLOR": "1"}, False),
                                           ({"TERM": "dumb"}, False)])
def test_explain_auto_colour_follows_no_color(tmp_path: Path, env: dict, coloured: bool) -> None:
    import os
    import pty

    (tmp_path / "a.txt").write_text("Partager sur Facebook\n\n" + TEXT + "\n", "utf-8")
    main_fd, child_fd = pty.openpty()
    base = {k: v for k, v in cli_env().items() if k not in ("NO_COLOR", "TERM")}
    proc = subprocess.Popen([sys.executable, "-m", "cleannews", "explain", "a.txt"],
                            cwd=tmp_path, env={**base, "TERM": "xterm", **env},
                            stdout=child_fd, stderr=subprocess.PIPE)
    os.close(child_fd)
    out = read_pty(main_fd)
    proc.wait(timeout=300)
    os.close(main_fd)
    assert proc.returncode == 0, proc.stderr.read()
    assert b"Partager sur Facebook" in out
    assert (b"\x1b[" in out) is coloured, out[:300]


# 6. A JSONL line broken after its id (a byte that is no text, \x81: a Latin-1 byte is read as
#    Windows-1252 since round 34; a cut line) or too large
#    keeps the id `run` reads before the damage -- but only a top-level one: with
#    `--id-field meta.id` its error record was `f.jsonl:1`, with `--id-field id` `a1`.

@pytest.mark.parametrize("line, id_field", [
    (b'{"meta": {"id": "a1"}, "doc": {"text": "caf\x81 cr\xe8me"}}\n', "meta.id"),
    (b'{"id": "a1", "doc": {"text": "caf\x81 cr\xe8me"}}\n', "id"),
    (b'{"meta": {"id": "a1"}, "doc": {"text": "coup\n', "meta.id"),
])
def test_a_broken_line_keeps_its_dotted_id(line: bytes, id_field: str) -> None:
    from cleannews.batch import BatchOptions
    from cleannews.batch.process import process_item
    from cleannews.batch.sources import Item

    opts = BatchOptions(text_field="doc.text", id_field=id_field)
    result = process_item(Item(seq=0, source="f.jsonl", kind="jsonl", payload=line, line=1),
                          opts)
    assert result.sink == "errors"
    assert json.loads(result.data)["id"] == "a1"


# 7. `cleannews explain` of a one-word document ended with "spin: insufficient (score 0.00,
#    1 words)" (audit15 fixed "1 documents in" and "1 jobs" of the run summary).

def test_explain_says_one_word() -> None:
    import cleannews

    assert "(score 0.00, 1 word)" in cleannews.explain("Bonjour")
    assert "(score 0.00, 2 words)" in cleannews.explain("Bonjour Paris")


# 8. The HTML report of a one-document run said "1 documents were scored".

def test_html_report_says_one_document_was_scored(tmp_path: Path) -> None:
    from cleannews.cli import main

    (tmp_path / "a.txt").write_text(SEED_TEXT, "utf-8")
    assert main(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "-j", "1",
                 "-q"]) == 0
    page = tmp_path / "r.html"
    assert main(["report", str(tmp_path / "o" / "report.json"), "--html", str(page)]) == 0
    assert "<p>1 document was scored (" in page.read_text("utf-8")

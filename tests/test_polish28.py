"""Round 26 polish (polish28): four user-facing defects found by the round's audits.

1. An id hundreds of kilobytes long (``--id-field`` pointed at the text field) was printed
   whole in the run's warnings and stored whole in its report; both show it shortened now
   (:func:`cleannews.batch.ids.shown_id`), the output records keep it whole.
2. ``run`` / ``score`` on a ``.zst`` / ``.xz`` file gave a plain ``binary`` error where
   ``clean`` suggested ``zstdcat … |``: the errors sink's message carries the same hint.
3. A folder nested past PATH_MAX stopped ``run`` ("File name too long", exit 2): the
   unreachable folder is one ``read`` error now and the run goes on.
4. ``empty_after_cleaning`` called a repair (``remove_terminal_escapes``, ``unescape_html``)
   "boilerplate": the reason says which stage removed the text.
"""

from __future__ import annotations

import json
import lzma
import os
from pathlib import Path

import pytest

from _helpers import read_jsonl, run_cli, sink_records
from cleannews import clean

# --- 1. a very long id is shortened in messages and the report -----------------------------

LONG_ID = "Le maire a inauguré la nouvelle école. " * 5000  # 195,000 characters


def test_shown_id_bounds_an_id_and_keeps_a_short_one():
    from cleannews.batch.ids import ID_SHOWN_CHARS, shown_id

    assert shown_id("a5") == "a5"
    shown = shown_id(LONG_ID)
    assert len(shown) < ID_SHOWN_CHARS + 40 and shown.startswith(LONG_ID[:50])
    assert f"{len(LONG_ID):,}" in shown  # says how long the whole id is


def test_a_long_id_is_shortened_on_stderr_and_in_the_report(tmp_path):
    from cleannews.batch.ids import ID_SHOWN_CHARS, shown_id

    src = tmp_path / "in.jsonl"
    text = "Le maire a inauguré la nouvelle école du quartier ce matin, devant les parents."
    src.write_text("".join(json.dumps(r) + "\n" for r in (
        {"id": LONG_ID, "text": text}, {"id": LONG_ID, "text": text},  # a repeated id
        {"id": "x" + LONG_ID, "text": 5})), encoding="utf-8")  # a failed document
    out, report = tmp_path / "out", tmp_path / "report.json"
    got = run_cli("run", src, "-o", out, "--report", report)
    assert got.returncode == 1, got.stderr[-2000:]
    assert b"already given to an earlier" in got.stderr and b"(id x" in got.stderr
    assert len(got.stderr) < 10 * ID_SHOWN_CHARS + 4000, len(got.stderr)
    assert len(report.read_bytes()) < 50_000
    assert json.loads(report.read_text())["repeated_ids"]["examples"] == [shown_id(LONG_ID)]
    records = sink_records(out)  # the records keep the whole id
    assert [r["cleannews"]["id"] for r in records["out"]] == [LONG_ID, LONG_ID]
    assert [r["id"] for r in records["errors"]] == ["x" + LONG_ID]


# --- 2. run / score on an xz file: the decompress hint -------------------------------------

@pytest.mark.parametrize("command", ["run", "score"])
def test_run_and_score_suggest_the_decompress_command(tmp_path, command):
    src = tmp_path / "dump.jsonl.xz"
    src.write_bytes(lzma.compress(b'{"id": "a", "text": "Bonjour le monde."}\n'))
    got = run_cli(command, src, "-o", tmp_path / "out")
    hint = f"e.g. xzcat {src} | cleannews {command} -"
    assert hint in got.stderr.decode(), got.stderr.decode()
    errors = read_jsonl(tmp_path / "out" / "errors" / "errors.jsonl") if command == "run" \
        else [json.loads(x) for x in (tmp_path / "out").read_text().splitlines()]
    assert hint in errors[0]["error"]["message"]


# --- 3. a folder nested past PATH_MAX ------------------------------------------------------

def _deep_folder(root: Path) -> None:
    """``root/a.txt`` and a chain of 25 folders of 203-byte names (5,000+ bytes deep, past
    Linux's PATH_MAX of 4,096), a text half way down and one at the bottom."""
    root.mkdir()
    (root / "a.txt").write_text("Le maire a inauguré la nouvelle école du quartier ce matin.\n")
    fd = os.open(root, os.O_RDONLY)
    try:
        for i in range(25):
            name = f"{i:02d}" + "d" * 201
            os.mkdir(name, dir_fd=fd)
            deeper = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = deeper
            if i in (10, 24):
                f = os.open("t.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd)
                os.write(f, b"Un texte assez long pour rester, au fond de l'arbre.\n")
                os.close(f)
    finally:
        os.close(fd)


def test_a_folder_past_path_max_is_an_error_record_and_the_run_goes_on(tmp_path):
    root = tmp_path / "deep"
    _deep_folder(root)
    out = tmp_path / "out"
    got = run_cli("run", root, "-o", out)
    assert got.returncode == 1, got.stderr.decode()[-3000:]
    records = sink_records(out)
    assert len(records["out"]) == 2  # a.txt and the text 11 folders down
    (error,) = records["errors"]
    assert error["error"]["type"] == "read"
    assert "cannot list this folder" in error["error"]["message"]
    assert "too long" in error["error"]["message"]


# --- 4. empty_after_cleaning names the stage that removed the text -------------------------

@pytest.mark.parametrize("text, rule", [("\x1b[2J", "remove_terminal_escapes"),
                                        ("&#1;&#2;", "unescape_html")])
def test_text_removed_by_repairs_is_not_called_boilerplate(text, rule):
    doc = clean(text)
    assert doc.verdict == "empty_after_cleaning"
    assert "boilerplate" not in doc.reason
    assert "by repairs" in doc.reason and rule in doc.reason


def test_text_removed_by_strip_rules_is_still_boilerplate():
    doc = clean("\x01\x02\x03\n\nPartager sur Facebook")
    assert doc.verdict == "empty_after_cleaning"
    assert "as boilerplate (share_bar)" in doc.reason
    assert "by repairs (remove_control_chars" in doc.reason

"""Round 34 (ux44): the command-line and library rough edges round 33 left.

1. A text file holding NULs every few words (binary data, a broken export disguised as
   ``.txt``) was read up to ``--max-record-mb`` before it was refused (``clean`` then called it
   too large, ``score`` read 64 MB): it is refused from its first 256 KiB, as a ``nul`` error;
   the library refuses bytes full of NULs from their start too, and still removes a stray NUL.
   A page's NULs are still removed (round 33).
2. ``explain --changes-only`` printed a bare ``~`` for a changed blank line: the line is shown
   quoted and escaped (``'\\xa0'``), an empty one as ``⏎``.
3. Windows-1252 text in a JSONL record was a ``utf8`` error, the same text in a ``.txt`` file
   was cleaned with a ``decode_cp1252`` note: both are read as Windows-1252, with the note.
4. The "looks like HTML" hint named ``<frozen runpy>`` under ``python -m cleannews.evaluate``
   and was said inside the project's own tools: it is not said there.
5. ``report`` reads an owner file once; ``clean`` sniffs a file of no telling name once.
"""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import cleannews
from _helpers import ROOT, cli_env, read_jsonl, run_cli

SENTENCE = "Le conseil municipal a voté le budget de la ville mardi soir. "
PAGE = ("<!DOCTYPE html><html><body><article><p>Le maire de Paris a parlé hier soir devant le "
        "conseil municipal réuni en séance extraordinaire.</p></article></body></html>")


def _nul_text(size: int) -> bytes:
    """UTF-8 text with a NUL after every sentence (about 1.5 % of its characters)."""
    unit = (SENTENCE + "\x00").encode("utf-8")
    return unit * (size // len(unit) + 1)


# --- 1. NULs every few words: refused from the start ---------------------------------------


def test_clean_refuses_a_txt_file_full_of_nuls_as_nul_not_as_too_large(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_bytes(_nul_text(17 * 1024 * 1024))  # above clean's 16 MB default
    got = run_cli("clean", path)
    assert got.returncode == 1
    assert b"text contains NUL characters" in got.stderr, got.stderr
    assert b"above the limit" not in got.stderr


def test_run_and_score_read_a_nul_text_file_no_further_than_its_start(tmp_path: Path) -> None:
    from cleannews.batch.sources import HEAD_BYTES, iter_items

    data = _nul_text(2 * 1024 * 1024)
    (tmp_path / "export.txt").write_bytes(data)
    (tmp_path / "dump").write_bytes(data)  # no telling name: sniffed, and no page
    (tmp_path / "page.html").write_bytes(PAGE.encode() + _nul_text(2 * 1024 * 1024))
    items = {Path(i.source).name: i for i in iter_items(
        [str(tmp_path / n) for n in ("export.txt", "dump", "page.html")])}
    assert len(items["export.txt"].payload) == HEAD_BYTES
    assert len(items["dump"].payload) == HEAD_BYTES
    # a page is read whole: its NULs are removed, not refused (round 33)
    assert len(items["page.html"].payload) > HEAD_BYTES
    got = run_cli("score", tmp_path / "export.txt")
    (line,) = [json.loads(x) for x in got.stdout.splitlines()]
    assert line["error"]["type"] == "nul"


def test_read_document_refuses_as_the_input_will_be_read() -> None:
    from cleannews.batch.sources import HEAD_BYTES, read_document

    data = _nul_text(600_000)
    assert len(read_document(io.BytesIO(data), html=False).data) == HEAD_BYTES
    assert len(read_document(io.BytesIO(data), html=True).data) == len(data)


def test_the_library_refuses_bytes_full_of_nuls_from_their_start(monkeypatch) -> None:
    import cleannews._input as inp

    decoded: list[int] = []
    real = inp._decode_bytes
    monkeypatch.setattr(inp, "_decode_bytes",
                        lambda data, declared=None: decoded.append(len(data)) or real(data,
                                                                                      declared))
    data = _nul_text(8 * 1024 * 1024)
    with pytest.raises(cleannews.InputError, match="full of NUL characters"):
        cleannews.clean(data)
    assert decoded and max(decoded) <= 4 * 65536  # never decoded whole
    decoded.clear()
    noise = bytes(range(1, 256)) * 40_000  # 10 MB of binary data, no magic number
    with pytest.raises(cleannews.InputError, match="looks binary"):
        cleannews.clean(noise)
    assert max(decoded) <= 4 * 65536


def test_a_stray_nul_is_still_removed_and_a_pages_nuls_too() -> None:
    doc = cleannews.clean((SENTENCE * 20 + "\x00 Fin.").encode())
    assert doc.verdict == "keep" and "\x00" not in doc.text
    assert "remove_control_chars" in [c.rule for c in doc.changes]
    page = PAGE.replace("</p>", "\x00\x00</p>").encode()
    assert cleannews.clean_html(page).verdict == "keep"


# --- 2. explain --changes-only on a changed blank line -------------------------------------


def test_explain_names_what_changed_on_a_blank_line(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes((SENTENCE + "\n\u00a0\n\n\n" + SENTENCE + "\n \t \n" + SENTENCE
                      + "\n").encode())
    got = run_cli("explain", "--changes-only", path)
    assert got.returncode == 0, got.stderr
    lines = got.stdout.decode().splitlines()
    assert "2 ~ '\\xa0'" in lines, lines
    assert "6 ~ ' \\t '" in lines, lines
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(b"\r\n\r\n" + SENTENCE.encode() + b"\r\n")
    got = run_cli("explain", "--changes-only", crlf)
    assert got.stdout.decode().splitlines()[0] == "1 ~ \u23ce"


# --- 3. Windows-1252 in JSONL, as in a .txt file -------------------------------------------


def test_windows_1252_reads_alike_in_a_jsonl_record_and_a_txt_file(tmp_path: Path) -> None:
    text = ("Le ministre a présenté le budget à l’Assemblée nationale, une décision très "
            "attendue par les élus.")
    (tmp_path / "a.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "r.jsonl").write_bytes(b'{"id": "r1", "text": "' + text.encode("cp1252")
                                       + b'"}\n')
    for name in ("a.txt", "r.jsonl"):
        got = run_cli("run", tmp_path / name, "--out", tmp_path / f"out-{name[0]}", "-q")
        assert got.returncode == 0, got.stderr
    (from_txt,) = read_jsonl(tmp_path / "out-a" / "clean.jsonl")
    (from_jsonl,) = read_jsonl(tmp_path / "out-r" / "clean.jsonl")
    assert from_jsonl["text"] == text  # the record's fields, as read
    assert from_jsonl["cleannews"]["text"] == from_txt["cleannews"]["text"] == text
    first = from_jsonl["cleannews"]["changes"][0]
    assert first["rule"] == from_txt["cleannews"]["changes"][0]["rule"] == "decode_cp1252"
    assert "the record's line is not UTF-8" in first["reason"]
    assert first["span"] == [0, len(text)]


def test_a_line_of_damaged_utf16_and_binary_bytes_stay_utf8_errors() -> None:
    from cleannews.batch.sources import UNDECODED_UTF16, line_text

    assert line_text(b'{"text": "a' + UNDECODED_UTF16 + b'"}') is None
    assert line_text(b'{"text": "\x89PNG"}')[0] == '{"text": "\u2030PNG"}'  # cp1252 text
    assert line_text(b"\xff\xfe{") is None  # a byte-order mark: not Windows-1252 text


# --- 4. the HTML hint: the user's frame, never the project's tools -------------------------


def _hint_from(filename: Path, caplog) -> list[str]:
    """What ``clean(PAGE)`` says when called from code compiled as ``filename``."""
    import cleannews.pipeline as p

    p._HTML_HINT_SAID = False
    caplog.clear()
    with warnings.catch_warnings(record=True) as seen, caplog.at_level(logging.WARNING,
                                                                      "cleannews"):
        warnings.simplefilter("always")
        exec(compile("cleannews.clean(PAGE)", str(filename), "exec"),
             {"cleannews": cleannews, "PAGE": PAGE})
    return [str(w.message) for w in seen] + [r.getMessage() for r in caplog.records
                                             if "looks like HTML" in r.getMessage()]


def test_the_html_hint_is_not_said_in_the_projects_tools(tmp_path: Path, caplog) -> None:
    assert _hint_from(tmp_path / "user_script.py", caplog)  # a user's script: said
    assert _hint_from(ROOT / "benchmarks" / "bench_x.py", caplog) == []
    assert _hint_from(ROOT / "tools" / "spin" / "x.py", caplog) == []


def test_python_m_cleannews_evaluate_says_no_hint_naming_runpy(tmp_path: Path) -> None:
    fixtures = tmp_path / "fx"
    fixtures.mkdir()
    (fixtures / "001_page.txt").write_text(
        "B:nav| <!DOCTYPE html><html><body><div>Menu</div>\n"
        f"C| <p>{SENTENCE}</p>\nB:foot| </body></html>\n", "utf-8")
    got = subprocess.run([sys.executable, "-m", "cleannews.evaluate", "--fixtures",
                          str(fixtures)], capture_output=True, env=cli_env(), timeout=300)
    assert got.returncode == 0, got.stderr
    assert b"runpy" not in got.stderr and b"looks like HTML" not in got.stderr, got.stderr


# --- 5. the owner file read once; one sniff a file -----------------------------------------


def test_report_reads_the_owner_file_once(tmp_path: Path, monkeypatch) -> None:
    import cleannews.batch.runner as runner
    import cleannews.batch.sinks as sinks
    from cleannews.cli import main

    assert run_cli("score", ROOT / "seeds", "-o", "s.jsonl", "--report", "r.json", "-q",
                   cwd=tmp_path).returncode in (0, 1)
    (tmp_path / "r.json").unlink()  # the report moved: `report s.jsonl` says where it was
    reads: list[Path] = []
    real = sinks.read_owner

    def counted(sink: Path) -> str:
        reads.append(sink)
        return real(sink)

    monkeypatch.setattr(sinks, "read_owner", counted)
    monkeypatch.setattr(runner, "read_owner", counted)
    assert main(["report", str(tmp_path / "s.jsonl")]) == 2
    assert len(reads) == 1


def test_clean_sniffs_a_file_of_no_telling_name_once(tmp_path: Path, monkeypatch) -> None:
    import cleannews._input as inp
    import cleannews.batch.sources as sources
    from cleannews.cli._common import Outcome, cleaned_inputs

    sniffs: list[int] = []
    real = inp.looks_like_html

    def counted(data: str | bytes) -> bool:
        sniffs.append(len(data))
        return real(data)

    monkeypatch.setattr(inp, "looks_like_html", counted)
    monkeypatch.setattr(sources, "looks_like_html", counted)
    (tmp_path / "notes").write_bytes((SENTENCE * 5).encode())
    got = list(cleaned_inputs([str(tmp_path / "notes")], "auto", cleannews.CleanConfig(
        score_spin=False), Outcome()))
    assert len(got) == 1 and len(sniffs) == 1

"""A new user's bad input, round 31 (issue: docs and behaviour read as a new user).

Found by following the README and docs/usage.md, cli.md, batch.md on a fresh clone and
feeding the commands realistic bad input (empty, binary, invalid UTF-8, a 50 MB line,
malformed HTML and JSONL, unreadable files). What failed, reproduced on small inputs:

1. A JSONL dump on standard input (or named without ``.jsonl``: ``dump``, ``crawl.out``)
   whose first two records hold a Latin-1 byte each (``caf\\xe9``), or whose first lines
   hold records glued together (a line break lost), was sniffed as **one text document**:
   every record in it cleaned as prose, ``1 out``, exit 0 — the records lost, no error.
2. A line holding only a UTF-8 byte-order mark (``cat`` of a file a Windows tool saved
   "empty", or a BOM-only stream) was a ``json`` error "the record is cut short"; standard
   input holding only the mark was not said to be empty (exit 1, one error line).
3. A line of no-break spaces (or other invisible characters) was a ``json`` error "the
   record is cut short": it is no record at all, and the message now says which characters
   it holds. Two records glued on one line said only "Extra data".

4. A status line a tool printed before its records (or a stray line of no-break spaces), or
   a pretty-printed JSON array (`jq . dump.json | cleannews run -`),
   made the stream one text document too.

Each test but the guard (an article quoting one JSON object stays text) fails on main's
code (9 of 10).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _helpers import datatrove_reader, run_cli, sink_records

BOM = b"\xef\xbb\xbf"


def _record(ident: str, text: str) -> bytes:
    return json.dumps({"id": ident, "text": text}, ensure_ascii=False).encode("utf-8") + b"\n"


def _placed(out: Path) -> dict[str, list[tuple[str, int | None]]]:
    """Each sink's ``(id, line)`` pairs, error records included."""
    got: dict[str, list[tuple[str, int | None]]] = {}
    for name, records in sink_records(out).items():
        got[name] = [(r["id"] if name == "errors" else r["cleannews"]["id"],
                      (r["source"] if name == "errors" else r["cleannews"]["source"])["line"])
                     for r in records]
    return got


def test_a_latin1_dump_on_stdin_is_read_as_records_each_in_one_sink(tmp_path: Path) -> None:
    """Fails on main: the three records were one text document ``-``, kept. Since round 34
    the two Latin-1 records are read as Windows-1252 (a ``decode_cp1252`` note), as a
    ``.txt`` file is; they were ``utf8`` errors."""
    data = (b'{"id": "a", "text": "Le caf\xe9 du maire a rouvert mardi."}\n'
            b'{"id": "b", "text": "Le th\xe9 du conseil municipal est servi."}\n'
            + _record("c", "Le maire de Lyon a présenté le budget mardi."))
    res = run_cli("run", "-", "--out", tmp_path / "o", "-j", "1", "-q", stdin=data)
    assert res.returncode == 0, res.stderr
    got = _placed(tmp_path / "o")
    assert got["out"] == [("a", 1), ("b", 2), ("c", 3)]
    assert got.get("errors", []) == []
    out = sink_records(tmp_path / "o")["out"]
    assert out[0]["cleannews"]["text"] == "Le café du maire a rouvert mardi."
    assert [r["cleannews"]["changes"][0]["rule"] for r in out[:2]] == ["decode_cp1252"] * 2


def test_records_glued_on_their_first_lines_are_records_and_the_message_says_so(
        tmp_path: Path) -> None:
    """Fails on main: the stream was one text document, kept, its records cleaned as prose."""
    dump = tmp_path / "crawl.out"  # a name that says nothing: sniffed as stdin is
    dump.write_bytes(_record("a", "Le maire a parlé.").rstrip(b"\n")
                     + _record("b", "Le conseil a voté.")
                     + _record("c", "Le préfet a signé.").rstrip(b"\n") + b" "
                     + _record("d", "La ville a payé.")
                     + _record("e", "Le maire de Lyon a présenté le budget mardi."))
    res = run_cli("score", dump, "-q")
    assert res.returncode == 1, res.stderr
    lines = [json.loads(x) for x in res.stdout.decode().splitlines()]
    assert [x["id"] for x in lines] == ["a", "c", "e"]
    for err in lines[:2]:
        msg = err["error"]["message"]
        assert err["error"]["type"] == "json"
        assert "another record starts there: records glued on one line" in msg, msg
    assert lines[2]["verdict"] == "keep"


def test_a_line_holding_only_a_byte_order_mark_is_blank(tmp_path: Path) -> None:
    """``cat a.jsonl empty-saved-by-notepad.jsonl b.jsonl``: fails on main (a ``json`` error
    "the record is cut short" for the mark's line)."""
    data = (BOM + _record("a", "Le maire a parlé mardi.") + BOM + b"\r\n"
            + BOM + _record("b", "Le conseil a voté jeudi."))
    src = tmp_path / "all.jsonl"
    src.write_bytes(data)
    res = run_cli("run", src, "--out", tmp_path / "o", "-j", "1", "-q")
    assert res.returncode == 0, res.stderr
    got = _placed(tmp_path / "o")
    assert got == {"out": [("a", 1), ("b", 3)], "quarantine": [], "errors": []}
    report = json.loads((tmp_path / "o" / "report.json").read_text("utf-8"))
    assert report["documents"]["in"] == 2


def test_standard_input_holding_only_a_byte_order_mark_is_said_empty() -> None:
    """Fails on main: one ``json`` error record, exit 1, and no word that the input is empty."""
    res = run_cli("score", "-", stdin=BOM + b"\n")
    assert res.returncode == 0, res.stderr
    assert res.stdout == b""
    assert "-: no documents: the input is empty" in res.stderr.decode()


def test_a_line_of_invisible_characters_is_named_not_said_cut_short(tmp_path: Path) -> None:
    """Fails on main: "Expecting value at the end of the line (the record is cut short)"."""
    src = tmp_path / "d.jsonl"
    src.write_bytes(_record("a", "Le maire a parlé mardi.") + "\u00a0\u200b\n".encode()
                    + _record("b", "Le conseil a voté jeudi."))
    res = run_cli("run", src, "--out", tmp_path / "o", "-j", "1", "-q")
    assert res.returncode == 1, res.stderr
    (err,) = sink_records(tmp_path / "o")["errors"]
    assert err["id"].endswith("d.jsonl:2"), err
    msg = err["error"]["message"]
    assert "cut short" not in msg
    assert msg == ("not valid JSON: Expecting value: the line holds no record, only invisible "
                   "characters (U+00A0 NO-BREAK SPACE, U+200B ZERO WIDTH SPACE)")
    assert [i for i, _ in _placed(tmp_path / "o")["out"]] == ["a", "b"]


def test_the_datatrove_reader_skips_a_byte_order_mark_line_as_run_does(tmp_path: Path) -> None:
    """Fails on main: the mark's line became a ``json`` error document."""
    CleannewsJsonlReader, folder = datatrove_reader(tmp_path)
    (folder / "d.jsonl").write_bytes(_record("a", "Le maire a parlé mardi.") + BOM + b"\n"
                                     + _record("b", "Le conseil a voté jeudi."))
    docs = list(CleannewsJsonlReader(str(folder)).run())
    assert [d.id for d in docs] == ["a", "b"]
    assert not any("cleannews" in d.metadata for d in docs)


@pytest.mark.parametrize("first", [b"Downloading crawl 2026-12-05... done (2 records)\n",
                                   "\u00a0\n".encode()])
def test_records_after_a_first_line_that_is_no_record_are_read(first: bytes,
                                                               tmp_path: Path) -> None:
    """``tool | cleannews run - --out -`` where the tool printed a status line (or a stray
    line of no-break spaces) first: fails on main (one text document ``-``, kept)."""
    data = first + _record("a", "Le maire a parlé mardi.") + _record("b", "Le conseil a voté.")
    res = run_cli("run", "-", "--out", tmp_path / "o", "-j", "1", "-q", stdin=data)
    assert res.returncode == 1, res.stderr  # the first line: a json error, kept raw
    got = _placed(tmp_path / "o")
    assert got["out"] == [("a", 2), ("b", 3)]
    assert [line for _, line in got["errors"]] == [1]
    (err,) = sink_records(tmp_path / "o")["errors"]
    assert err["raw"].encode() == first


def test_a_text_whose_second_line_is_a_json_example_stays_one_text() -> None:
    """The guard of the sniff above: an article quoting one JSON object is no JSONL."""
    text = ("Voici la réponse de l'API :\n{\"name\": \"Lyon\", \"pop\": 522000}\n"
            "Le reste de l'article explique ce que ces chiffres veulent dire.\n").encode()
    res = run_cli("score", "-", "-q", stdin=text)
    assert res.returncode == 0, res.stderr
    (line,) = res.stdout.decode().splitlines()
    assert json.loads(line)["id"] == "-"


def test_a_pretty_printed_json_array_on_stdin_is_no_text_document(tmp_path: Path) -> None:
    """``jq . dump.json | cleannews run - --out -``: fails on main (one text document ``-``,
    kept, exit 0: the records cleaned as prose). Each line lands in a sink with its place,
    the first and last saying how to convert the array."""
    data = ("[\n" + "  " + json.dumps({"id": "a", "text": "Le maire a parlé mardi."}) + ",\n"
            + "  " + json.dumps({"id": "b", "text": "Le conseil a voté jeudi."}) + "\n]\n")
    res = run_cli("run", "-", "--out", tmp_path / "o", "-j", "1", "-q", stdin=data.encode())
    assert res.returncode == 1, res.stderr
    got = _placed(tmp_path / "o")
    assert got["out"] == [("b", 3)]
    assert [line for _, line in got["errors"]] == [1, 2, 4]
    errors = sink_records(tmp_path / "o")["errors"]
    assert errors[1]["id"] == "a"
    for err in errors:
        assert "jq -c '.[]' FILE > records.jsonl" in err["error"]["message"], err
    assert "a comma after the record" in errors[1]["error"]["message"]
    assert "a line holding only ']'" in errors[2]["error"]["message"]

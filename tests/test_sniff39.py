"""The sniff of standard input judges every first line that is no record alike (round 31).

``sniff_kind`` tells JSONL records from one text document (standard input, a file named
without ``.jsonl``). Three checks asked "do the lines after the first hold records?" and
disagreed: a first line opening with ``{`` (a broken record) looked at the very next line
only, blank lines not skipped; a first line that is JSON but no object (``[1]``, ``null``)
needed one record after it, whatever came next; any other first line (a status line) needed
the next line to be a record and the one after it too, blank lines skipped by ``lstrip``
(which keeps a line holding only a byte-order mark). So:

* ``{"id": "a" oops}`` + a blank line + records was one text, ``Downloading done`` + a blank
  line + records was JSONL;
* ``[1]`` + a record + ``Le texte.`` was JSONL, ``x`` + a record + ``Le texte.`` was text.

Now one rule (``_records_follow``, its blank lines skipped as ``blank_line`` tells: white
space or a byte-order mark only) judges them all: the next line is a record, and so is the
one after it when the sniffed bytes hold it whole. An article quoting one JSON object stays
text (the guard, also in tests/test_user38.py).

On main's code 18 of the 30 tests fail (the broken-record and JSON-value first lines, the
byte-order-mark and CRLF blank lines, and the end-to-end run); the guards and the inputs
main already sniffed right pass on both.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _helpers import run_cli, sink_records
from cleannews.batch.sources import SNIFF_BYTES, _records_follow, sniff_kind

BOM = b"\xef\xbb\xbf"


def _record(ident: str, eol: bytes = b"\n") -> bytes:
    text = f"Le conseil municipal de {ident} a voté le budget mardi."
    return json.dumps({"id": ident, "text": text}, ensure_ascii=False).encode() + eol


RECORDS = _record("b") + _record("c")
TEXT = b"Le texte de l'article continue ici, sans aucun enregistrement.\n"

#: First lines that are no record: a broken record, a tool's status line, JSON that is no
#: object (a stray bracket, ``null``), a word.
FIRST_LINES = {
    "broken record": b'{"id": "a" oops}',
    "status line": b"Downloading crawl 2026-12-05... done",
    "stray bracket": b"[1]",
    "null": b"null",
    "word": b"x",
}


# --- the four inputs of the review ----------------------------------------------------------


@pytest.mark.parametrize(("data", "kind"), [
    (b'{"id": "a" oops}\n\n' + RECORDS, "jsonl"),  # main: text
    (b"Downloading done\n\n" + RECORDS, "jsonl"),  # main: jsonl
    (b"[1]\n" + _record("b") + TEXT, "text"),  # main: jsonl
    (b"x\n" + _record("b") + TEXT, "text"),  # main: text
], ids=["broken-record-blank-records", "status-blank-records", "bracket-record-text",
        "word-record-text"])
def test_the_review_inputs(data: bytes, kind: str) -> None:
    assert sniff_kind(data) == kind


# --- every first line that is no record is judged the same way ------------------------------


@pytest.mark.parametrize("name", FIRST_LINES)
@pytest.mark.parametrize(("after", "kind"), [
    (b"\n" + RECORDS, "jsonl"),  # a blank line, then records
    (b"\n" + BOM + b"\n" + RECORDS, "jsonl"),  # a line holding only a byte-order mark
    (_record("b") + TEXT, "text"),  # one JSON object quoted in a text
], ids=["blank", "bom-line", "quoted-object"])
def test_a_first_line_that_is_no_record_is_judged_by_one_rule(name: str, after: bytes,
                                                              kind: str) -> None:
    assert sniff_kind(FIRST_LINES[name] + b"\n" + after) == kind


@pytest.mark.parametrize("name", FIRST_LINES)
def test_crlf_lines_and_a_leading_byte_order_mark(name: str) -> None:
    """A Windows file: CRLF line ends, its mark first; its blank lines are ``\\r\\n``."""
    first = BOM + FIRST_LINES[name] + b"\r\n\r\n"
    assert sniff_kind(first + _record("b", b"\r\n") + _record("c", b"\r\n")) == "jsonl"
    assert sniff_kind(first + _record("b", b"\r\n") + TEXT.replace(b"\n", b"\r\n")) == "text"


def test_one_record_after_the_first_line_is_enough_when_nothing_follows() -> None:
    """No third line to look at (or one the sniffed bytes cut): the record decides."""
    for first in FIRST_LINES.values():
        assert sniff_kind(first + b"\n" + _record("b")) == "jsonl"
        assert sniff_kind(first + b"\n\n" + _record("b") + b"Le texte coup") == "jsonl"


def test_records_follow_skips_blank_lines_as_blank_line_does() -> None:
    assert _records_follow(b"\n" + BOM + b"\n  \r\n" + RECORDS)
    assert _records_follow(b"\r\n" + _record("b", b"\r\n") + b"\r\n" + _record("c", b"\r\n"))
    assert not _records_follow(b"\n" + _record("b") + b"\n" + TEXT)


# --- what stays as it was ----------------------------------------------------------------------


def test_a_byte_order_mark_line_before_the_first_record_is_blank() -> None:
    """``cat empty.txt dump`` where a Windows tool saved ``empty.txt`` holding only its mark:
    fails on main (the mark's line was the first line, the record after it the second, and
    the text after that made the stream one text document)."""
    assert sniff_kind(b"\n\n" + BOM + b"\n" + _record("a") + TEXT) == "jsonl"


def test_an_article_quoting_one_json_object_stays_text() -> None:
    """The guard: the same text as tests/test_user38.py's, and with blank lines around the
    quoted object."""
    text = ("Voici la réponse de l'API :\n{\"name\": \"Lyon\", \"pop\": 522000}\n"
            "Le reste de l'article explique ce que ces chiffres veulent dire.\n").encode()
    assert sniff_kind(text) == "text"
    assert sniff_kind(text.replace(b"\n", b"\n\n")) == "text"
    assert sniff_kind(text.replace(b"\n", b"\r\n")) == "text"


def test_what_the_first_line_decides_alone_is_unchanged() -> None:
    assert sniff_kind(b'{"id": "a"}\n' + TEXT) == "jsonl"  # a record first
    assert sniff_kind(b'{"id": 1, "text": "' + b"x" * SNIFF_BYTES) == "jsonl"  # cut record
    assert sniff_kind(b"{Exclusif} Le maire a parl\xc3\xa9.\n" + TEXT) == "text"
    assert sniff_kind(b"2026\n" + TEXT) == "text"
    assert sniff_kind(b"<!DOCTYPE html>\n<p>Bonjour</p>\n") == "html"
    assert sniff_kind(b"") == sniff_kind(b"\n \r\n" + BOM + b"\n") == "jsonl"  # nothing


def test_a_broken_first_record_then_a_blank_line_runs_as_records(tmp_path: Path) -> None:
    """End to end, ``run -``: fails on main (one text document ``-``, exit 0, the records
    cleaned as prose). The broken line is a ``json`` error, the records are read."""
    data = b'{"id": "a" oops}\n\n' + RECORDS
    res = run_cli("run", "-", "--out", tmp_path / "o", "-j", "1", "-q", stdin=data)
    assert res.returncode == 1, res.stderr
    sinks = sink_records(tmp_path / "o")
    assert sorted(r["id"] for r in sinks["out"] + sinks["quarantine"]) == ["b", "c"]
    (err,) = sinks["errors"]
    assert err["raw"].encode() == b'{"id": "a" oops}\n'

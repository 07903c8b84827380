"""Rough edges a user met in round 34's walkthroughs (round 35, helper ux47).

1. An empty named JSONL file (``score empty.jsonl``, ``run empty.jsonl``) said nothing but
   the run's "0 documents in": now a warning names the file and "0 documents", exit 0.
2. An RSS or Atom feed was read as one plain-text document, its markup as text: now every
   command refuses it, a ``feed`` error that says what to do (docs/cli.md, "RSS and Atom
   feeds").
3. A Windows-1252 line read by ``CleannewsJsonlReader`` reached the cleaner without the
   ``decode`` note ``run`` gives the same record: now the cleaned document has it first.
4. ``score``'s error record of an all-NUL file held its first 256 KiB (1.5 MB of
   ``\\u0000`` in JSON): now a short readable excerpt.

Each test fails on the round-start code (the guard of 2 aside).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _helpers import datatrove_reader, run_cli, sink_records

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Le Journal</title>
<item><title>Le maire a parl\xc3\xa9</title><link>https://exemple.fr/a</link>
<description><![CDATA[<p>Le maire a parl\xc3\xa9 hier soir devant le conseil.</p>]]></description>
</item></channel></rss>
"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<!-- generated -->
<feed xmlns="http://www.w3.org/2005/Atom"><title>Le Journal</title>
<entry><title>Le conseil a vot\xc3\xa9</title><content>Le conseil a vot\xc3\xa9.</content></entry>
</feed>
"""
CP1252_LINE = (b'{"id": "a1", "text": "Le maire a parl\xe9 hier soir devant le conseil '
               b'municipal r\xe9uni en s\xe9ance pl\xe9ni\xe8re."}\n')


@pytest.mark.parametrize("command", ["score", "run"])
def test_an_empty_named_jsonl_file_is_said(command: str, tmp_path: Path) -> None:
    """Fails on main: stderr held only "0 documents in", no word of the file."""
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_bytes(b"\n  \n")
    out = ["--out", tmp_path / "o"] if command == "run" else []
    res = run_cli(command, "empty.jsonl", "blank.jsonl", *out, "-j", "1", cwd=tmp_path)
    err = res.stderr.decode()
    assert res.returncode == 0, err  # no document was refused: a warning
    for name in ("empty.jsonl", "blank.jsonl"):
        assert f"WARNING: {name}: 0 documents: the JSONL file holds no record" in err, err


def test_a_jsonl_file_with_records_is_not_said_empty(tmp_path: Path) -> None:
    """The guard: a file with one record gets no such warning."""
    (tmp_path / "a.jsonl").write_text('{"id": "a", "text": "Le maire a parlé."}\n', "utf-8")
    res = run_cli("score", "a.jsonl", "-j", "1", cwd=tmp_path)
    assert res.returncode == 0 and "0 documents:" not in res.stderr.decode()


@pytest.mark.parametrize(("name", "data", "what"), [
    ("feed.xml", RSS, "an RSS feed"), ("feed.rss", RSS, "an RSS feed"),
    ("news.atom", ATOM, "an Atom feed"), ("flux", RSS, "an RSS feed")])
def test_clean_refuses_a_feed_saying_what_to_do(name: str, data: bytes, what: str,
                                                 tmp_path: Path) -> None:
    """Fails on main: the feed's markup was printed as its cleaned text, exit 0."""
    (tmp_path / name).write_bytes(data)
    res = run_cli("clean", tmp_path / name)
    err = res.stderr.decode()
    assert res.returncode == 1 and res.stdout == b"", err
    assert f"input is {what} (XML), not a page or text" in err
    assert "JSONL record" in err and "RSS and Atom feeds" in err


def test_score_and_stdin_refuse_a_feed_as_a_feed_error(tmp_path: Path) -> None:
    """Fails on main: scored as one text (no error line)."""
    (tmp_path / "feed.xml").write_bytes(RSS)
    res = run_cli("score", tmp_path / "feed.xml", "-j", "1")
    (line,) = [json.loads(x) for x in res.stdout.splitlines()]
    assert res.returncode == 1 and line["error"]["type"] == "feed", line
    piped = run_cli("clean", "-", stdin=ATOM)
    assert piped.returncode == 1 and b"an Atom feed" in piped.stderr


def test_a_page_that_mentions_a_feed_is_still_a_page(tmp_path: Path) -> None:
    """The guard: ``<rss>`` inside a page, or XML of another kind, is no feed."""
    (tmp_path / "p.html").write_bytes(b"<html><body><p>Abonnez-vous au flux <rss> du site "
                                      b"pour suivre le conseil municipal.</p></body></html>")
    (tmp_path / "s.xml").write_bytes(b'<?xml version="1.0"?><urlset><url>Le maire</url>'
                                     b"</urlset>")
    for name in ("p.html", "s.xml"):
        res = run_cli("clean", tmp_path / name)
        assert res.returncode == 0 and b"feed" not in res.stderr, res.stderr


def test_the_error_record_of_an_all_nul_file_is_a_short_excerpt(tmp_path: Path) -> None:
    """Fails on main: the record held the file's first 256 KiB (1.5 MB of JSON)."""
    (tmp_path / "zeros.txt").write_bytes(b"\x00" * 1_000_000)
    res = run_cli("score", tmp_path / "zeros.txt", "--errors", tmp_path / "errs", "-j", "1",
                  "-q")
    assert res.returncode == 1
    data = (tmp_path / "errs" / "errors.jsonl").read_bytes()
    assert len(data) < 2048, len(data)
    (record,) = [json.loads(x) for x in data.splitlines()]
    assert record["error"]["type"] == "binary" and record["raw_truncated"] is True
    assert record["raw_excerpt"].startswith("␀␀␀") and "raw" not in record


def test_a_jsonl_record_with_nul_keeps_its_raw_line(tmp_path: Path) -> None:
    """The guard: a record's line is kept whole (it can be fixed and run again)."""
    line = b'{"id": "n", "text": "Le maire\\u0000 a parl\\u00e9."}\n'
    (tmp_path / "n.jsonl").write_bytes(line)
    res = run_cli("run", tmp_path / "n.jsonl", "--out", tmp_path / "o", "-j", "1", "-q")
    (err,) = sink_records(tmp_path / "o")["errors"]
    assert res.returncode == 1 and err["error"]["type"] == "nul"
    assert err["raw"].encode() == line


def test_the_datatrove_reader_says_how_a_cp1252_line_was_decoded(tmp_path: Path) -> None:
    """Fails on main: the cleaned document had no ``decode_cp1252`` change (``run``'s has)."""
    reader, folder = datatrove_reader(tmp_path)
    from cleannews.integrations.datatrove import CleannewsCleaner

    (folder / "cp.jsonl").write_bytes(CP1252_LINE)
    (doc,) = CleannewsCleaner(record_changes=True).run(iter(reader(str(folder)).run()))
    summary = doc.metadata["cleannews"]
    assert "cleannews_decode" not in doc.metadata  # made a change, not kept twice
    first = summary["changes"][0]
    assert first["rule"] == "decode_cp1252" and summary["rules"]["decode_cp1252"] == 1
    assert "parlé" in doc.text
    res = run_cli("run", folder / "cp.jsonl", "--out", tmp_path / "o", "-j", "1", "-q")
    assert res.returncode == 0, res.stderr
    (kept,) = sink_records(tmp_path / "o")["out"]
    ran = next(c for c in kept["cleannews"]["changes"] if c["stage"] == "decode")
    assert (ran["rule"], ran["reason"], ran["span"]) == (
        first["rule"], first["reason"], first["span"])


@pytest.mark.parametrize(("command", "flag"), [("clean", "-o"), ("explain", "--out")])
def test_clean_dash_o_says_to_redirect(command: str, flag: str, tmp_path: Path) -> None:
    """Fails on main: ``clean a.txt -o out.txt`` said only "unrecognized arguments"."""
    (tmp_path / "a.txt").write_text("Le maire a parlé.\n", "utf-8")
    res = run_cli(command, tmp_path / "a.txt", flag, tmp_path / "out.txt")
    err = res.stderr.decode()
    assert res.returncode == 2 and f"{command} prints to standard output: redirect it" in err
    assert not (tmp_path / "out.txt").exists()


def test_a_folder_walk_says_a_skipped_feed_would_be_refused(tmp_path: Path) -> None:
    """Fails on main: the warning said to name the ``.xml`` file, read then as text."""
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "feed.rss").write_bytes(RSS)
    (tmp_path / "c" / "a.txt").write_text("Le maire a parlé.\n", "utf-8")
    res = run_cli("clean", tmp_path / "c")
    assert res.returncode == 0
    assert "an RSS or Atom feed (.rss) is refused" in res.stderr.decode()

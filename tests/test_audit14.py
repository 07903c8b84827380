"""Round 14 audit: the library, ``clean``/``explain`` and ``run`` agree on bad input.

Each test failed on the code before this round (the old behaviour is said above it).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleannews
from _helpers import read_jsonl, run_cli, write_seed_corpus
from cleannews.batch import RunSettings, clean_batch, clean_record, paths_for, run_batch
from cleannews.batch import runner as batch_runner
from cleannews.batch.process import text_problem
from cleannews.batch.sinks import FolderLock, ResumeError
from cleannews.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "004_8795e1cfecc798cf.txt"
#: A page of boilerplate only: cleaning leaves nothing.
ALL_FURNITURE = "Partager sur Facebook\n"
#: A line of an article with a NUL character in it (a broken export).
NUL_TEXT = "Le conseil municipal a voté lundi soir le budget de la ville.\x00 Il pleuvait.\n"


def _errors(out: Path) -> dict[str, dict]:
    return {Path(r["id"]).name: r["error"] for r in read_jsonl(out / "errors" / "errors.jsonl")}


# 1. `cleannews clean` removed a NUL character without a word (exit 0) where `run` (and
#    `score`, clean_frame, datatrove) files the document as a `nul` error. The commands now
#    agree: clean and explain refuse it with run's message, exit 1, the other files printed.

def test_clean_and_explain_refuse_a_nul_text_as_run_does(tmp_path, capsys):
    (tmp_path / "nul.txt").write_text(NUL_TEXT, "utf-8")
    (tmp_path / "ok.txt").write_text("Le maire a parlé hier soir.\n", "utf-8")
    # UTF-16 saved without its byte-order mark: clean said "looks binary", run gave iconv
    (tmp_path / "wide.txt").write_bytes("Le maire a parlé hier soir au conseil.".encode(
        "utf-16-le"))
    paths = [str(tmp_path / n) for n in ("nul.txt", "ok.txt", "wide.txt")]
    assert main(["run", *paths, "--out", str(tmp_path / "out"), "-j", "1", "-q"]) == 1
    capsys.readouterr()
    errors = _errors(tmp_path / "out")
    assert {n: e["type"] for n, e in errors.items()} == {"nul.txt": "nul", "wide.txt": "nul"}
    for command in (["clean"], ["explain", "--color", "never"]):
        assert main([*command, *paths]) == 1
        got = capsys.readouterr()
        assert "Le maire a parlé hier soir." in got.out  # the good file is still printed
        assert "conseil municipal" not in got.out
        for name in ("nul.txt", "wide.txt"):
            assert f"{name}: {errors[name]['message']}" in got.err
        assert "iconv -f UTF-16LE" in got.err


def test_the_library_still_removes_nul_characters_and_says_so():
    """The decision: the library repairs the text its caller holds (an explained change);
    the commands that read files refuse it, with the raw input kept by `run`."""
    doc = cleannews.clean(NUL_TEXT)
    assert "\x00" not in doc.text and doc.verdict == "keep"
    assert [c.rule for c in doc.changes if c.before == "\x00"] == ["remove_control_chars"]
    assert text_problem(NUL_TEXT)[0] == "nul"


# 2. clean_record / clean_batch / clean_frame gave an empty row, and one cleaning removed
#    whole, the verdict "error", where cleannews.clean() gives "empty" / "empty_after_cleaning"
#    (and `run` files them under those error types). They now give the library's verdict and
#    reason; the message stays in cleannews_error.

@pytest.mark.parametrize("text", ["", " \u200b\u00a0\n", ALL_FURNITURE])
def test_a_rows_empty_verdict_is_the_librarys(text):
    doc = cleannews.clean(text)
    assert doc.verdict in ("empty", "empty_after_cleaning")
    rec = clean_record(text)
    assert (rec["cleannews_verdict"], rec["cleannews_reason"]) == (doc.verdict, doc.reason)
    assert rec["cleannews_error"] == doc.reason  # what `run` writes in its errors sink
    assert text_problem(text) is None or text_problem(text)[0] == doc.verdict


def test_frame_and_batch_verdicts_match_run_error_types(tmp_path):
    pd = pytest.importorskip("pandas")
    from cleannews.batch import clean_frame

    texts = ["Le maire a parlé hier soir.", "", ALL_FURNITURE, "a\x00b"]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n"
                              for i, t in enumerate(texts)), "utf-8")
    assert main(["run", str(corpus), "--out", str(tmp_path / "o"), "-j", "1", "-q"]) == 1
    types = [r["error"]["type"] for r in read_jsonl(tmp_path / "o" / "errors" / "errors.jsonl")]
    assert types == ["empty", "empty_after_cleaning", "nul"]
    want = ["keep", "empty", "empty_after_cleaning", "error"]  # NUL: no library verdict
    assert clean_batch({"text": texts})["cleannews_verdict"] == want
    out = clean_frame(pd.DataFrame({"text": texts}))
    assert list(out.cleannews_verdict) == want
    assert list(out.cleannews_error != "") == [False, True, True, True]


# 3. `cleannews run - --out -` left ./cleannews-errors/ and ./cleannews-quarantine/ (empty
#    files) in the current folder after every run. They are now made only when a document
#    goes there.

def test_a_filter_run_leaves_no_empty_sink_folders(tmp_path):
    records = b'{"id": "a", "text": "Le maire a parl\xc3\xa9 hier soir."}\n'
    proc = run_cli("run", "-", "--out", "-", "-j", "1", "--no-spin", stdin=records,
                   cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    assert [json.loads(x)["id"] for x in proc.stdout.splitlines()] == ["a"]
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    assert b"cleannews-errors" not in proc.stderr
    # an empty record: the errors folder is made for it, not the quarantine's
    proc = run_cli("run", "-", "--out", "-", "-j", "1", "--no-spin",
                   stdin=records + b'{"id": "b", "text": ""}\n', cwd=tmp_path)
    assert proc.returncode == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cleannews-errors"]
    assert [r["id"] for r in read_jsonl(tmp_path / "cleannews-errors" / "errors.jsonl")] == ["b"]
    assert b"errors: cleannews-errors/errors.jsonl" in proc.stderr
    assert b"quarantine:" not in proc.stderr


def test_sink_folders_named_by_the_user_are_kept_even_empty(tmp_path):
    records = b'{"id": "a", "text": "Le maire a parl\xc3\xa9 hier soir."}\n'
    proc = run_cli("run", "-", "--out", "-", "--errors", "e", "-j", "1", "--no-spin",
                   stdin=records, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e"]  # asked for; no default folder
    assert (tmp_path / "e" / "errors.jsonl").read_bytes() == b""


# 4. The library had no explain() for the `cleannews explain` command.

def test_library_explain_is_what_the_command_prints(tmp_path, capsys):
    assert "explain" in cleannews.__all__
    assert main(["explain", "--color", "never", str(SEED)]) == 0
    assert cleannews.explain(SEED.read_bytes()) == capsys.readouterr().out
    assert main(["explain", "--color", "never", "--changes-only", str(SEED)]) == 0
    assert cleannews.explain(SEED.read_bytes(), changes_only=True) == capsys.readouterr().out
    page = tmp_path / "p.html"
    page.write_text("<html><body><nav><a href='/'>Accueil</a></nav><article><h1>Budget</h1>"
                    "<p>Le conseil municipal a voté lundi soir le budget de la ville.</p>"
                    "</article></body></html>", "utf-8")
    assert main(["explain", "--color", "never", str(page)]) == 0
    said = cleannews.explain(page.read_text("utf-8"), html=True)
    assert said == capsys.readouterr().out and "[html:" in said
    # the same Document as clean(): its verdict and every change's reason are in the text
    doc = cleannews.clean(SEED.read_bytes())
    said = cleannews.explain(SEED.read_bytes())
    assert f"verdict: {doc.verdict}" in said.splitlines()
    assert "metadata: date=2025-02" in said.splitlines()
    assert all(c.reason in said for c in doc.changes)


# 5. The report was written after the run released its output folder: a second run
#    (`--force`) could take the folder first, and then found the first run's report (saying
#    "finished") beside its own sinks. The report is now written while the lock is held.

def test_the_report_is_written_while_the_run_holds_its_folder(tmp_path, monkeypatch):
    src = tmp_path / "in.jsonl"
    write_seed_corpus(src, 3)
    out = tmp_path / "out"
    seen = []
    write = batch_runner._write_report

    def checked(path, report, finished):
        try:
            FolderLock(out).acquire().release()
        except ResumeError:
            seen.append("held")
        else:
            seen.append("free")
        write(path, report, finished)

    monkeypatch.setattr(batch_runner, "_write_report", checked)
    paths = paths_for(out)
    settings = RunSettings([str(src)], paths, jobs=1, report=paths.report)
    report = run_batch(settings)
    assert seen == ["held"]
    assert json.loads((out / "report.json").read_text("utf-8"))["documents"] == report[
        "documents"]
    FolderLock(out).acquire().release()  # released at the end


# 6. (further audit) A JSONL line broken after its id — a Latin-1 byte in its text (`utf8`),
#    a line cut short or with a stray comma (`json`) — went to the errors sink under
#    PATH:LINE, its id lost though it was there to read. It now keeps the id (`score` too);
#    a line with no readable id still gets PATH:LINE.

def test_a_broken_lines_error_record_keeps_its_id(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    # \x81: a byte Windows-1252 leaves undefined (a line holding a Latin-1 \xe9 is read as
    # Windows-1252 since round 34, as a .txt file is)
    src.write_bytes(b'{"id": "ok", "text": "Le maire a parl\xc3\xa9 hier soir."}\n'
                    b'{"id": "latin1", "text": "Caf\x81 cr\xe8me"}\n'
                    b'{"text": "caf\x81", "id": 7}\n'
                    b'{"id": "comma", "text": "x" ,,}\n'
                    b'{"id": "cut", "text": "Le mai\n'
                    b'{"text": "x" ,, "id": "after"}\n'
                    b'{"id": "caf\x81", "text": "x"}\n')
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out), "-j", "1", "-q"]) == 1
    errors = read_jsonl(out / "errors" / "errors.jsonl")
    assert [(e["id"], e["error"]["type"]) for e in errors] == [
        ("latin1", "utf8"), ("7", "utf8"), ("comma", "json"), ("cut", "json"),
        (f"{src}:6", "json"), (f"{src}:7", "utf8")]
    assert "raw_base64" in errors[0]
    capsys.readouterr()
    assert main(["score", str(src), "-j", "1", "-q"]) == 1
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["id"] for x in lines] == ["ok", *[e["id"] for e in errors]]


# 7. (further audit) UTF-8 cut in the middle of its last character — a file or record cut
#    at a byte limit, as Common Crawl cuts at 1 MiB — was read as Windows-1252 as a whole
#    ("Il a dit qu’" cut after two bytes of ’ came out "Il a dit quâ€") or ended in a stray
#    "Â". The incomplete character's bytes are now dropped, as an explained decode change.

@pytest.mark.parametrize("full", ["Il a dit qu’il viendrait.",
                                  "Résumé : le maire a parlé. Il a dit « oui »",
                                  "Le maire a parlé 😀 hier"])
def test_utf8_cut_inside_its_last_character_loses_only_that_character(full):
    data = full.encode("utf-8")
    for cut in range(1, len(data)):
        head = data[:cut]
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            continue  # cut between two characters: nothing to drop
        doc = cleannews.repair(head)
        whole = head.decode("utf-8", "ignore")
        if len(head) - len(whole.encode()) == 1 and whole.isascii():
            # one lead byte after ASCII only: Windows-1252 (`caf\xe9`), as before (below)
            assert [c.rule for c in doc.changes] == ["decode_cp1252"]
            continue
        assert doc.text == whole, (cut, doc.text)
        (change,) = [c for c in doc.changes if c.stage == "decode"]
        assert change.rule == "drop_truncated_utf8" and change.span == (len(whole),) * 2
        assert change.before == head[len(whole.encode()):].hex(" ")


def test_windows_1252_text_ending_in_an_accent_is_still_read_as_windows_1252():
    for data in (b"caf\xe9", b"Le caf\xe9 du coin est ferm\xe9"):
        doc = cleannews.repair(data)
        assert doc.text == data.decode("cp1252")
        assert [c.rule for c in doc.changes] == ["decode_cp1252"]


def test_a_truncated_text_file_is_cleaned_the_same_by_clean_and_run(tmp_path, capsys):
    page = tmp_path / "cut.txt"
    page.write_bytes("Le maire a parlé hier soir. Il a dit qu’".encode()[:-1])
    assert main(["clean", str(page)]) == 0
    assert capsys.readouterr().out == "Le maire a parlé hier soir. Il a dit qu\n"
    assert main(["run", str(page), "--out", str(tmp_path / "o"), "-j", "1", "-q"]) == 0
    (rec,) = read_jsonl(tmp_path / "o" / "clean.jsonl")
    assert rec["cleannews"]["text"].rstrip() == "Le maire a parlé hier soir. Il a dit qu"
    assert rec["cleannews"]["changes"][0]["rule"] == "drop_truncated_utf8"
    rule = json.loads((tmp_path / "o" / "report.json").read_text("utf-8"))["rules"][
        "drop_truncated_utf8"]
    assert (rule["removed"], rule["removed_bytes"]) == (1, 2)  # two bytes, not "e2 80"


# 8. (further audit) An HTML page whose markup holds no text (`<body></body>`, `<p>&nbsp;</p>`,
#    an image alone) was `empty_after_cleaning`, "the whole text was removed as boilerplate
#    (no rule)": nothing had been removed. It is `empty` now, in the library, `run`'s errors
#    sink and clean_frame alike; a page whose text a rule removed stays empty_after_cleaning.

@pytest.mark.parametrize("page", ["<html><body></body></html>", "<p>&nbsp;</p>",
                                  "<img src=a.png>", "<!-- rien -->"])
def test_a_page_without_text_is_empty(page, tmp_path, capsys):
    doc = cleannews.clean_html(page)
    assert (doc.verdict, doc.reason) == ("empty", cleannews.route.EMPTY_MESSAGE)
    assert clean_record(page, html=True)["cleannews_verdict"] == "empty"
    (tmp_path / "p.html").write_text(page, "utf-8")
    assert main(["run", str(tmp_path / "p.html"), "--out", str(tmp_path / "o"), "-j", "1",
                 "-q"]) == 1
    assert [e["type"] for e in _errors(tmp_path / "o").values()] == ["empty"]
    capsys.readouterr()
    assert main(["score", str(tmp_path / "p.html"), "-j", "1", "-q"]) == 1  # as an empty text
    assert json.loads(capsys.readouterr().out)["error"]["type"] == "empty"


def test_a_page_of_furniture_only_is_still_empty_after_cleaning():
    doc = cleannews.clean_html("<html><body><p>Partager sur Facebook</p></body></html>")
    assert doc.verdict == "empty_after_cleaning" and "share_bar" in doc.reason


# 9. (further audit) A page's `<meta charset>` went to Python's codec registry as it was:
#    `charset=rot13` (or base64, hex, zlib, uu) made clean_html raise LookupError,
#    `charset=undefined` a UnicodeError (so `run` filed the page as an `exception`), and
#    `unicode_escape` read the page's "\n" escapes as line breaks. Only ASCII-compatible text
#    codecs are a page's charset now; the others are ignored, as browsers ignore them.

BODY = "<p>Le maire a parlé hier soir au conseil municipal, a-t-il dit \\n.</p>"


@pytest.mark.parametrize("label", ["rot13", "base64", "hex", "zlib", "uu", "undefined",
                                   "unicode_escape", "raw_unicode_escape", "utf-16", "cp037",
                                   "utf-7", "punycode", "idna"])
def test_a_page_declaring_a_codec_that_is_no_charset_is_read_as_undeclared(label):
    page = f'<html><head><meta charset="{label}"></head><body>{BODY}</body></html>'.encode(
        "cp1252")
    undeclared = page.replace(f'<meta charset="{label}">'.encode(), b"")
    doc = cleannews.clean_html(page)
    assert doc.text == cleannews.clean_html(undeclared).text
    assert "parlé" in doc.text and "\\n" in doc.text


def test_a_declared_windows_charset_is_still_read():
    page = f'<meta charset="windows-1250"><p>Zażółć gęślą jaźń, {BODY}</p>'.encode("cp1250")
    doc = cleannews.clean_html(page)
    assert "Zażółć gęślą jaźń" in doc.text
    assert doc.changes[0].rule == "decode_declared_charset"

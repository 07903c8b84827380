"""Round 13 user audit: defects a demanding user trips on, each pinned by a test that failed
before."""

from __future__ import annotations

import base64
import gzip
import io
import json
from pathlib import Path

import pytest

import cleannews
from _helpers import BOILERPLATE_ONLY, ROOT, read_jsonl, run_cli
from cleannews.cli import main
from cleannews.document import VERDICTS, Document

SEED = ROOT / "seeds" / "004_8795e1cfecc798cf.txt"


# 1. An empty document had verdict "keep" (library, `clean --json`, `score`) where `explain`
#    said "verdict: empty (…)" and `run` filed it under errors type `empty`.

@pytest.mark.parametrize("text", ["", "   \n\n", "\u200b\u00a0\n", b"", b" \r\n"],
                         ids=["empty", "blank_lines", "invisible", "bytes", "crlf_bytes"])
def test_an_empty_input_has_verdict_empty(text):
    doc = cleannews.clean(text)
    assert (doc.verdict, doc.reason) == (
        "empty", "empty document: no text to clean (only whitespace or invisible characters)")
    assert not doc.quarantined and doc.verdict in VERDICTS
    assert Document.from_dict(json.loads(doc.to_json())).verdict == "empty"


def test_a_page_of_boilerplate_only_has_verdict_empty_after_cleaning():
    doc = cleannews.clean(BOILERPLATE_ONLY)
    assert doc.text.strip() == ""
    assert doc.verdict == "empty_after_cleaning"
    assert doc.reason == ("nothing left after cleaning: the whole text was removed as "
                          "boilerplate (newsletter_signup, share_bar)")


def test_an_empty_html_page_has_a_verdict_as_run_gives_it():
    assert cleannews.clean_html("").verdict == "empty"
    assert cleannews.clean_html(" \n").verdict == "empty"
    # markup without text: empty too, and `run --format html` files it as `empty` (round 14:
    # it was empty_after_cleaning, "removed as boilerplate (no rule)", in both)
    assert cleannews.clean_html("<html><body><p> </p></body></html>").verdict == "empty"


def test_a_document_with_text_is_still_kept():
    doc = cleannews.clean(SEED.read_bytes(), cleannews.CleanConfig(score_spin=False))
    assert doc.verdict == "keep"


def test_clean_json_verdict_is_explains_and_runs_error_type(tmp_path, capsys):
    inputs = {"empty.txt": " \n", "page.txt": BOILERPLATE_ONLY}
    for name, text in inputs.items():
        (tmp_path / name).write_text(text, "utf-8")
    paths = [str(tmp_path / n) for n in inputs]
    assert main(["run", *paths, "--out", str(tmp_path / "out")]) == 1
    capsys.readouterr()
    errors = {Path(r["id"]).name: r["error"] for r in read_jsonl(
        tmp_path / "out" / "errors" / "errors.jsonl")}
    assert {e["type"] for e in errors.values()} == {"empty", "empty_after_cleaning"}
    for name, path in zip(inputs, paths, strict=True):
        assert main(["clean", "--json", path]) == 0  # a warning, exit code unchanged
        doc = json.loads(capsys.readouterr().out)
        assert (doc["verdict"], doc["reason"]) == (errors[name]["type"],
                                                   errors[name]["message"])
        assert main(["explain", path, "--color", "never"]) == 0
        last = capsys.readouterr().out.splitlines()[-1]
        assert last == f"verdict: {doc['verdict']} ({doc['reason']})"


# 2. `cleannews report /missing` said "cannot read the report: No such file or directory"
#    where every other command says "NAME: no such file or folder".

def test_report_on_a_missing_file_says_it_as_the_other_commands(tmp_path, capsys):
    for command in ("report", "clean", "score"):
        assert main([command, str(tmp_path / "nope.json")]) == 2
        err = capsys.readouterr().err
        assert f"{tmp_path / 'nope.json'}: no such file or folder" in err, (command, err)
        assert "cannot read" not in err and "directory" not in err


# 3. tools/strip_model/rule_support.py kept its own copy of RULE_LANGUAGES.

def test_rule_support_uses_the_package_rule_languages():
    from tools.strip_model import rule_support

    from cleannews import config

    assert rule_support.RULE_LANGUAGES is config.RULE_LANGUAGES


# 4. `--help` of explain, score and report did not give the exit codes (clean and run did);
#    explain's said it ends with the spin score, where it ends with the verdict and language.

@pytest.mark.parametrize("command", ["clean", "explain", "run", "score", "report"])
def test_every_command_help_gives_its_exit_codes(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "Exit code: 0 " in text and ", 2 usage" in text


def test_explain_help_says_what_it_ends_with(capsys, tmp_path):
    with pytest.raises(SystemExit):
        main(["explain", "--help"])
    assert "the verdict (empty or empty_after_cleaning" in " ".join(
        capsys.readouterr().out.split())
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    assert main(["explain", str(tmp_path / "a.txt"), "--no-spin", "--color", "never"]) == 0
    last = capsys.readouterr().out.splitlines()[-3:]
    assert last == ["verdict: keep", "language: fr", "metadata: date=2025-02"]


# 5. `cat dump.jsonl.gz | cleannews run - --out -` was one `binary` error ("decompress it
#    first") where a gzip file is decompressed whatever its name.

RECORDS = b"".join(json.dumps({"id": f"r{i}", "text": f"Le texte numéro {i} du corpus."},
                              ensure_ascii=False).encode() + b"\n" for i in range(300))


def test_gzip_on_standard_input_is_decompressed():
    from cleannews.batch.sources import iter_items

    items = list(iter_items(["-"], stdin=io.BytesIO(gzip.compress(RECORDS))))
    assert [it.kind for it in items] == ["jsonl"] * 300 and not any(it.error for it in items)
    assert [it.payload for it in items] == RECORDS.splitlines(keepends=True)


@pytest.mark.parametrize("data", [gzip.compress(RECORDS)[:60],
                                  b"\x1f\x8b" + bytes(range(256)) * 40],
                         ids=["truncated", "not_gzip"])
def test_gzip_on_standard_input_that_cannot_be_read_keeps_its_bytes(data):
    from cleannews.batch.sources import iter_items

    (item,) = iter_items(["-"], stdin=io.BytesIO(data))
    assert item.error_type == "read" and "could not decompress the gzip data" in item.error
    assert item.payload == data  # the raw input goes to the errors sink whole


def test_run_reads_gzip_jsonl_from_standard_input(tmp_path):
    proc = run_cli("run", "-", "--out", tmp_path / "out", "--no-progress",
                   stdin=gzip.compress(RECORDS))
    assert proc.returncode == 0, proc.stderr
    assert [r["id"] for r in read_jsonl(tmp_path / "out" / "clean.jsonl")] == \
        [f"r{i}" for i in range(300)]
    cut = gzip.compress(RECORDS)[:60]
    proc = run_cli("run", "-", "--out", tmp_path / "cut", "--no-progress", stdin=cut)
    assert proc.returncode == 1
    (err,) = read_jsonl(tmp_path / "cut" / "errors" / "errors.jsonl")
    assert err["id"] == "-" and err["error"]["type"] == "read"
    assert base64.b64decode(err["raw_base64"]) == cut

"""Round 15 audit: a new user's walk through the README, docs/cli.md and docs/batch.md.

Each test failed on the code before this round (the old behaviour is said above it).
"""

from __future__ import annotations

import json
from pathlib import Path

import cleannews
from _helpers import read_jsonl
from cleannews.batch import clean_record, clean_text
from cleannews.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "004_8795e1cfecc798cf.txt"
#: A line of an article with a NUL character in it (a broken export).
NUL_TEXT = "Le conseil municipal a voté lundi soir le budget de la ville.\x00 Il pleuvait.\n"
ARTICLE = "Le conseil municipal a voté lundi soir le budget de la ville pour l'année.\n"


def _errors(out: Path) -> dict[str, dict]:
    return {r["id"]: r["error"] for r in read_jsonl(out / "errors" / "errors.jsonl")}


# 1. The pandas path disagreed with itself: `df.text.map(clean_text)` removed a NUL character
#    and kept the row's text, while `clean_record` / `clean_frame` (and `cleannews run`, the
#    datatrove steps) refuse the row as a `nul` error. clean_text now gives "" for every row
#    clean_record gives an empty cleaned text (the library `cleannews.clean` still repairs).

def test_clean_text_refuses_what_clean_record_refuses():
    rows = [NUL_TEXT, NUL_TEXT.encode("utf-8"), ARTICLE, "", "Partager sur Facebook\n",
            b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "abc" + "\x01" * 50]
    assert clean_text(NUL_TEXT) == ""  # was the text with its NUL removed
    assert [clean_text(r) for r in rows] == [clean_record(r)["cleannews_text"] for r in rows]
    assert clean_text(ARTICLE) == cleannews.clean(ARTICLE).text  # normal text: unchanged
    assert "\x00" not in cleannews.clean(NUL_TEXT).text  # the library function still repairs


# 2. `--text-field doc.text` (the text in a nested object, {"doc": {"text": …}}) sent every
#    record to the errors sink as `missing_field`, and the message named no way out. A dotted
#    field is now a path into nested objects for `run` and `score` (the record is copied as
#    it is, the cleaned text in its `cleannews` object as for a top-level field); a key that
#    holds the dot itself wins; `--id-field meta.id` works the same way.

NESTED = [
    {"meta": {"id": "n1"}, "doc": {"title": "T", "text": ARTICLE}},
    {"meta": {"id": "n2"}, "doc": {"title": "sans texte"}},
    {"meta": {"id": "n3"}, "doc": "pas un objet"},
    {"id": "n4", "meta": {}, "doc.text": ARTICLE},
]


def _nested(tmp_path: Path) -> Path:
    src = tmp_path / "nested.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in NESTED), "utf-8")
    return src


def test_run_reads_a_dotted_text_field_and_id_field(tmp_path, capsys):
    src, out = _nested(tmp_path), tmp_path / "out"
    code = main(["run", str(src), "--out", str(out), "-j", "1", "--no-progress",
                 "--text-field", "doc.text", "--id-field", "meta.id"])
    assert code == 1  # two records have no such text
    kept = read_jsonl(out / "clean.jsonl")
    assert [r["cleannews"]["id"] for r in kept] == ["n1", f"{src}:4"]
    assert [r["cleannews"]["text"] for r in kept] == [cleannews.clean(ARTICLE).text] * 2
    assert kept[0]["doc"] == NESTED[0]["doc"]  # the record as it came
    assert _errors(out) == {
        "n2": {"type": "missing_field", "message": "record has no 'doc.text' field ('doc' "
               "holds: title; choose with --text-field FIELD)"},
        "n3": {"type": "missing_field", "message": "record has no 'doc.text' field ('doc' is "
               "a string, not an object)"},
    }
    capsys.readouterr()
    assert main(["score", str(src), "--text-field", "doc.text", "--id-field", "meta.id",
                 "-j", "1", "--no-progress"]) == 1
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [(x["id"], "error" in x) for x in lines] == [
        ("n1", False), ("n2", True), ("n3", True), (f"{src}:4", False)]


def test_a_nested_text_is_named_in_the_missing_field_message(tmp_path, capsys):
    src, out = _nested(tmp_path), tmp_path / "out"
    assert main(["run", str(src), "--out", str(out), "-j", "1", "--no-progress"]) == 1
    message = _errors(out)[f"{src}:1"]["message"]
    assert message == ("record has no 'text' field (its fields: meta, doc; choose with "
                       "--text-field FIELD, e.g. --text-field doc.text)")
    assert "e.g. --text-field doc.text" in capsys.readouterr().err


# 3. A JSONL line cut short in a string said "not valid JSON: Invalid control character at at
#    the end of the line" (Python's message ends with its own "at").

def test_a_cut_record_is_said_in_plain_words(tmp_path, capsys):
    src, out = tmp_path / "cut.jsonl", tmp_path / "out"
    src.write_bytes(b'{"id": "a", "text": "coup\n{"id": "b", "text": "x\n')
    assert main(["run", str(src), "--out", str(out), "-j", "1", "--no-progress"]) == 1
    errors = _errors(out)
    assert errors["a"]["message"] == ("not valid JSON: Invalid control character at the end "
                                      "of the line (the record is cut short)")
    assert not any(" at at " in e["message"] for e in errors.values())
    assert " at at " not in capsys.readouterr().err


# 4. A dangling symbolic link in an input folder was a `read` error whose message was
#    Python's repr, "cannot read: [Errno 2] No such file or directory: 'in/b.txt'" (and
#    `clean` said "no such file or folder" of a file `ls` shows). Both now say what it is.

def test_a_dangling_link_in_a_folder_is_named_as_such(tmp_path, capsys):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, "utf-8")
    (folder / "b.txt").symlink_to("../gone.txt")
    assert main(["run", str(folder), "--out", str(out), "-j", "1", "--no-progress"]) == 1
    said = "dangling symbolic link (its target ../gone.txt does not exist)"
    assert _errors(out)[f"{folder}/b.txt"] == {"type": "read", "message": f"cannot read: {said}"}
    assert "Errno" not in capsys.readouterr().err
    assert main(["clean", str(folder)]) == 2
    assert f"{folder}/b.txt: {said}" in capsys.readouterr().err


# 5. `cleannews.explain(bytes)` (and `cleannews explain FILE`) decoded the input twice: once
#    for the lines it prints, once inside `clean`. Now once; the output is unchanged (the
#    Windows-1252 note included).

def test_explain_decodes_its_input_once(monkeypatch, tmp_path, capsys):
    import cleannews._input
    import cleannews.cli._common
    import cleannews.pipeline

    calls = []
    real = cleannews._input.decode_input

    def counting(value, **kw):
        calls.append(type(value).__name__)
        return real(value, **kw)

    data = "Le conseil municipal a voté le budget de l'année.\n".encode("cp1252")
    expected = cleannews.explain(data)
    monkeypatch.setattr(cleannews.pipeline, "decode_input", counting)
    monkeypatch.setattr(cleannews._input, "decode_input", counting)
    assert cleannews.explain(data) == expected
    assert "Windows-1252" in expected and calls == ["bytes"]  # was ["bytes", "bytes"]
    calls.clear()
    (tmp_path / "a.txt").write_bytes(data)
    assert main(["explain", str(tmp_path / "a.txt")]) == 0
    assert "Windows-1252" in capsys.readouterr().out and calls == ["bytes"]


# 6. The runner spelled the sink -> count mapping a second time (for the sinks `--out -`
#    removes when empty) beside `stats._SINK_KEYS`; it reads the one mapping now.

def test_the_sink_counts_are_read_through_one_mapping():
    import inspect

    from cleannews.batch import runner
    from cleannews.batch.stats import _SINK_KEYS, RunStats

    stats = RunStats()
    for sink in ("out", "quarantine", "quarantine", "errors", "duplicates"):
        stats.add_result(sink=sink)
    assert {s: stats.sink_count(s) for s in _SINK_KEYS} == {
        "out": 1, "quarantine": 2, "errors": 1, "duplicates": 1}
    assert '"quarantined"' not in inspect.getsource(runner)


# 7. The summary of a run said "1 documents in" and "with 1 jobs".

def test_the_summary_counts_one_document_and_one_job(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, "utf-8")
    assert main(["run", str(src), "--out", str(tmp_path / "out"), "-j", "1",
                 "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "cleannews: 1 document in: 1 out" in err and " with 1 job: " in err
    from cleannews.batch.html_report import render_html  # the HTML report says it too

    page = render_html(json.loads((tmp_path / "out" / "report.json").read_text("utf-8")))
    assert " with 1 job: " in page and "1 jobs" not in page


# 8. `--text-field ''` (an empty shell variable) was accepted and sent every record to the
#    errors sink ("record has no '' field"); it is a usage error now, before any work.

def test_an_empty_field_name_is_a_usage_error(tmp_path, capsys):
    src, out = _nested(tmp_path), tmp_path / "out"
    for flag in ("--text-field", "--id-field", "--source-field"):
        try:
            main(["run", str(src), "--out", str(out), flag, ""])
        except SystemExit as exc:
            assert exc.code == 2
        else:
            raise AssertionError(f"{flag} '' was accepted")
        assert f"argument {flag}: must name a field, got an empty name" in \
            capsys.readouterr().err
    assert not out.exists()


# 9. A `.json` file of JSONL records in an input folder was skipped as "not .txt / .html /
#    .jsonl(.gz)", with no word that naming it reads its records (a `.json` named as an
#    INPUT is read as JSONL). The warning now says so, with the command.

def test_a_json_file_in_a_folder_is_skipped_with_the_way_to_read_it(tmp_path, capsys):
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "recs.json").write_text(json.dumps({"id": "r1", "text": ARTICLE}) + "\n", "utf-8")
    (folder / "a.txt").write_text(ARTICLE, "utf-8")
    assert main(["run", str(folder), "--out", str(tmp_path / "o"), "-j", "1",
                 "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert (f"1 .json file(s) skipped (e.g. {folder}/recs.json): in a folder they are not "
            f"read; name such a file as an INPUT to read its JSONL records (cleannews run "
            f"{folder}/recs.json …)") in err
    assert "not .txt" not in err  # the .json is not counted among the unknown files
    assert main(["run", str(folder / "recs.json"), "--out", str(tmp_path / "o2"), "-j", "1",
                 "--no-progress"]) == 0
    assert [r["id"] for r in read_jsonl(tmp_path / "o2" / "clean.jsonl")] == ["r1"]


# 10. A mistyped flag (`run … --text-feild doc`) said "cleannews: error: unrecognized
#     arguments: --text-feild doc", from the top-level parser (its usage, not run's), with no
#     hint; the subcommand now says it, naming the flag meant.

def test_a_mistyped_flag_is_named_with_the_flag_meant(tmp_path, capsys):
    for argv, said in [
        (["run", "in", "--out", str(tmp_path / "x"), "--text-feild", "doc"],
         "cleannews run: error: unrecognized arguments: --text-feild doc (--text-feild: did "
         "you mean --text-field?)"),
        (["clean", "in", "--jsn"],
         "cleannews clean: error: unrecognized arguments: --jsn (--jsn: did you mean --json?)"),
        (["clean", "in", "--zzz"], "cleannews clean: error: unrecognized arguments: --zzz\n"),
    ]:
        try:
            main(argv)
        except SystemExit as exc:
            assert exc.code == 2
        else:
            raise AssertionError(argv)
        err = capsys.readouterr().err
        assert said in err and f"usage: cleannews {argv[0]}" in err
    assert not (tmp_path / "x").exists()


# 11. A run to standard output stopped half-way (Ctrl-C, SIGTERM, a full disk) said "run the
#     whole command again"; the records it had left in ./cleannews-quarantine/ made that same
#     command exit 2 ("already hold(s) records of another cleannews run"). The advice now
#     says --force, and why, when (and only when) the run left records there.

def test_the_advice_after_a_failed_filter_run_names_force_when_needed(tmp_path, monkeypatch):
    from cleannews.batch import RunSettings, paths_for
    from cleannews.cli._batch import after_failure

    monkeypatch.chdir(tmp_path)
    paths = paths_for(None)  # `run … --out -`: ./cleannews-quarantine/, ./cleannews-errors/
    settings = RunSettings(["crawl.jsonl"], paths)
    assert after_failure(settings) == ("the output written to stdout is incomplete; run the "
                                       "whole command again")
    paths.quarantine.parent.mkdir()
    paths.quarantine.write_text('{"id": "a1", "cleannews": {}}\n', "utf-8")
    # (audit17: the next run keeps the records of the default folders under a dated name;
    # a folder named with --quarantine still needs --force)
    assert after_failure(settings) == (
        "the output written to stdout is incomplete; run the whole command again (the partial "
        "records this run left in cleannews-quarantine/quarantine.jsonl are then kept under a "
        "dated name beside the new ones: delete them)")
    named = RunSettings(["crawl.jsonl"], paths_for(None, Path("cleannews-quarantine")))
    assert after_failure(named) == (
        "the output written to stdout is incomplete; run the whole command again with --force "
        "(it refuses to write over the records this run left in "
        "cleannews-quarantine/quarantine.jsonl)")

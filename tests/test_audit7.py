"""A day-one user audit of the CLI, batch and integration layers (branch audit7).

Each test pins a defect found by following README.md and docs/*.md as a new user would;
each failed before its fix.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleannews
from _helpers import run_cli
from cleannews.batch import clean_batch, clean_record
from cleannews.batch.process import nothing_left, text_problem
from cleannews.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_000 = SEEDS / "000_51a21282db567c1f.txt"
SEED_003 = SEEDS / "003_d0613672c8185330.txt"

#: A page of boilerplate only: cleaning leaves nothing (``cleannews run``: empty_after_cleaning).
ALL_FURNITURE = "Partager sur Facebook\n"


# 1. clean_record / clean_batch / clean_frame route bad rows as `cleannews run` does:
#    an empty, NUL, binary or all-boilerplate text was a "keep" row with an empty or
#    mangled text, so `out[out.cleannews_verdict == "keep"]` passed it on.

BAD_ROWS = [
    ("", "empty"),
    ("\u00a0\u200b \n", "empty"),
    ("a\x00b", "nul"),
    ("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "nul"),
    ("\x89PNG\r\n\x1a\n....", "binary"),
]


@pytest.mark.parametrize(("text", "kind"), BAD_ROWS)
def test_clean_record_refuses_what_run_refuses(text: str, kind: str) -> None:
    problem = text_problem(text)
    assert problem is not None and problem[0] == kind  # what `cleannews run` says
    rec = clean_record(text)
    # an empty row has the library's verdict (round 14: it was "error"), the others "error"
    assert rec["cleannews_verdict"] == ("empty" if kind == "empty" else "error")
    assert rec["cleannews_error"] == problem[1]
    assert rec["cleannews_text"] == ""


def test_clean_record_refuses_a_text_with_nothing_left_after_cleaning() -> None:
    expected = nothing_left(cleannews.clean(ALL_FURNITURE))
    assert expected is not None  # the premise: a page of furniture only
    rec = clean_record(ALL_FURNITURE)
    assert rec["cleannews_verdict"] == "empty_after_cleaning"  # clean()'s verdict
    assert rec["cleannews_error"] == rec["cleannews_reason"] == expected[1]


def test_clean_batch_rows_match_the_run_errors_sink(tmp_path: Path) -> None:
    texts = [SEED_000.read_text("utf-8"), "", "a\x00b", ALL_FURNITURE]
    out = clean_batch({"text": texts})
    assert out["cleannews_verdict"] == ["keep", "empty", "error", "empty_after_cleaning"]
    assert out["text"][1:] == ["", "", ""]
    assert out["cleannews_changes"][1:] == [[], [], []]
    # the same texts through `cleannews run`: the same rows fail
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n"
                              for i, t in enumerate(texts)), "utf-8")
    assert main(["run", str(corpus), "--out", str(tmp_path / "o"), "-j", "1", "-q"]) == 1
    errors = [json.loads(x) for x in (tmp_path / "o/errors/errors.jsonl").read_text().splitlines()]
    assert [e["id"] for e in errors] == ["1", "2", "3"]
    assert [e["error"]["message"] for e in errors] == out["cleannews_error"][1:]


def test_clean_frame_keep_filter_drops_empty_rows() -> None:
    pd = pytest.importorskip("pandas", reason="pandas is not installed")
    from cleannews.batch import clean_frame

    df = pd.DataFrame({"text": [SEED_000.read_text("utf-8"), "", ALL_FURNITURE]})
    out = clean_frame(df, column="text")
    kept = out[out.cleannews_verdict == "keep"]  # the README's filter
    assert list(kept.index) == [0]


# 2. `cleannews_evidence` is documented as the "top 5": it was the first five items in
#    text order, whatever their weight.

def test_evidence_column_is_the_top_five_by_weight() -> None:
    text = SEED_003.read_text("utf-8")
    doc = cleannews.clean(text)
    weights = sorted((e.weight for e in doc.spin.evidence), reverse=True)[:5]
    assert weights != [e.weight for e in doc.spin.evidence[:5]]  # premise: order matters
    rec = clean_record(text)
    assert [e["weight"] for e in rec["cleannews_evidence"]] == weights
    assert clean_batch({"text": [text]})["cleannews_evidence"][0] == rec["cleannews_evidence"]


# 3. `cleannews report --html report.json`: --html took the report as its output name and
#    argparse said only "the following arguments are required: FILE".

def test_report_html_before_the_report_file_says_how_to_write_it(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"command": "run", "documents": {}, "rules": {},
                                  "spin": {}}), "utf-8")
    r = run_cli("report", "--html", report)
    assert r.returncode == 2
    err = r.stderr.decode()
    assert "--html" in err and f"cleannews report {report} --html" in err
    assert report.exists() and json.loads(report.read_text("utf-8"))["command"] == "run"


# 4. A missing input of `run` / `score` advised "--resume" although nothing had started
#    (and --resume of a run that never started fails).

@pytest.mark.parametrize("command", ["run", "score"])
def test_missing_input_is_a_usage_error_without_resume_advice(
        tmp_path: Path, command: str) -> None:
    out = tmp_path / "o"
    extra = ["--out", str(out)] if command == "run" else []
    r = run_cli(command, SEED_000, tmp_path / "nope.txt", *extra, "-j", "1")
    assert r.returncode == 2
    err = r.stderr.decode()
    assert "nope.txt: no such file or folder" in err
    assert "--resume" not in err and "Traceback" not in err and "incomplete" not in err
    assert not out.exists()  # nothing created


# 5. `run --resume --force` was accepted: the committed documents were written twice
#    (6,928 records for 6,000 inputs after an interrupted run).

def test_resume_and_force_together_are_refused_by_the_cli(tmp_path: Path) -> None:
    out = tmp_path / "o"
    r = run_cli("run", SEED_000, "--out", out, "--resume", "--force", "-j", "1")
    assert r.returncode == 2
    assert "not allowed with argument" in r.stderr.decode()
    assert not out.exists()


def test_resume_and_force_together_are_refused_by_run_batch(tmp_path: Path) -> None:
    from cleannews.batch import ResumeError, RunSettings, paths_for, run_batch

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": str(i), "text": f"Texte numéro {i}."}) + "\n"
                              for i in range(6)), "utf-8")
    out = tmp_path / "o"
    settings = RunSettings([str(corpus)], paths_for(out), jobs=1, chunk_docs=2, limit=4)
    run_batch(settings)  # a first run that committed 4 documents
    with pytest.raises(ResumeError, match="exclude each other"):
        run_batch(RunSettings([str(corpus)], paths_for(out), jobs=1, chunk_docs=2,
                              limit=4, resume=True, force=True))
    assert len((out / "clean.jsonl").read_text("utf-8").splitlines()) == 4


# 6. JSONL piped into `clean -` / `explain -` was cleaned as one text, silently (the
#    records' JSON syntax came out as the "cleaned text").

@pytest.mark.parametrize("command", ["clean", "explain"])
def test_jsonl_on_stdin_of_clean_warns_to_use_run(command: str) -> None:
    records = b'{"id": "a", "text": "Un texte."}\n{"id": "b", "text": "Un autre."}\n'
    r = run_cli(command, "-", stdin=records)
    assert r.returncode == 0
    assert "looks like JSONL" in r.stderr.decode() and "cleannews run -" in r.stderr.decode()
    plain = run_cli(command, "-", stdin="{Exclusif} Le maire a démissionné.\n".encode())
    assert plain.returncode == 0 and "JSONL" not in plain.stderr.decode()


# 7. CleannewsCleaner promises to pass a document whose text is not a string on, unchanged,
#    with error_type "type"; datatrove's length stats then took len() of it and the task
#    crashed (TypeError: object of type 'int' has no len()).

@pytest.mark.parametrize("bad", [42, None, 3.5])
def test_datatrove_steps_pass_non_string_text_on(bad: object) -> None:
    pytest.importorskip("datatrove", reason="datatrove is not installed")
    from datatrove.data import Document as DtDocument

    from cleannews.integrations.datatrove import CleannewsCleaner, CleannewsSpinFilter

    good = SEED_000.read_text("utf-8")
    docs = [DtDocument(text=good, id="a"), DtDocument(text=bad, id="b")]  # type: ignore[arg-type]
    cleaned = list(CleannewsCleaner().run(iter(docs)))
    assert [d.id for d in cleaned] == ["a", "b"]
    assert cleaned[1].text == bad and cleaned[1].metadata["cleannews"]["error_type"] == "type"
    labelled = list(CleannewsSpinFilter(label_only=True).run(iter(cleaned)))
    assert [d.metadata.get("filter_reason") for d in labelled] == [None, "cleannews_error"]
    alone = CleannewsSpinFilter(label_only=True)  # scoring doc.text itself
    assert [d.id for d in alone.run(iter([DtDocument(text=bad, id="c")]))] == ["c"]  # type: ignore[arg-type]
    dropping = CleannewsSpinFilter()
    assert [d.id for d in dropping.run(iter(cleaned))] == ["a"]
    assert dropping.stats["dropped_cleannews_error"].total == 1


# 8. `run --help` gave no default for --template-min-count.

def test_template_min_count_help_shows_the_real_default(capsys: pytest.CaptureFixture) -> None:
    from cleannews.strip.templates import DEFAULT_MIN_COUNT

    with pytest.raises(SystemExit):
        main(["run", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert f"documents of a source (default {DEFAULT_MIN_COUNT})" in text


# 9. `run s2 --out s2`: the mirrored texts landed inside the input folder, so a --force or
#    --resume run read them back as new documents (9 documents in for 5 inputs).

def test_output_folder_equal_to_an_input_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED_000.read_text("utf-8"), "utf-8")
    r = run_cli("run", folder, "--out", folder, "-j", "1")
    assert r.returncode == 2
    assert "both an input folder and the output folder" in r.stderr.decode()
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt"]  # nothing written
    inside = run_cli("run", folder, "--out", folder / "out", "-j", "1", "-q")
    assert inside.returncode == 0  # an output folder inside the input folder is skipped
    again = run_cli("run", folder, "--out", folder / "out", "-j", "1", "-q", "--force")
    assert again.returncode == 0
    lines = (folder / "out" / "clean.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(x)["id"] for x in lines] == [f"{folder.as_posix()}/a.txt"]


# 10. --source-field / --template-min-count without --site-templates were silently ignored.

def test_template_flags_without_site_templates_warn(tmp_path: Path) -> None:
    r = run_cli("run", SEED_000, "--out", tmp_path / "o", "-j", "1", "--template-min-count", "3")
    assert r.returncode == 0
    assert "apply only with --site-templates" in r.stderr.decode()
    plain = run_cli("run", SEED_000, "--out", tmp_path / "p", "-j", "1")
    assert plain.returncode == 0 and "site-templates" not in plain.stderr.decode()

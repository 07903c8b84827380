"""Twenty-first round, audit21: a user-facing audit of the command line and the library API.

Each test fails on the code before this branch:

1. A corpus folder that holds the output of an earlier run (``run corp --out corp/cleaned``,
   which that run itself skips, or ``--out corp/all.jsonl``) was read whole by the next
   ``run corp --out other``, ``score corp`` and ``clean corp``: each document came back a
   second time as its mirrored text, each sink record as a ``missing_field`` error.
2. Library flags (``explain(html=, changes_only=)``, ``clean_record`` / ``clean_batch`` /
   ``clean_frame``'s ``html=``, ``keep_original=``, the datatrove steps'
   ``html=`` / ``record_changes=`` / ``label_only=``) took any value, as its truth: ``html="no"``
   read the text as HTML. They are checked as ``CleanConfig``'s flags are. ``clean_batch``
   of a list of rows said "no column 'text' (its columns: {'text': …})"; now a ``TypeError``.
3. ``score … --out FILE`` emptied a FILE of other data (another dataset named by mistake);
   ``run`` refuses such a file without ``--force``, ``score`` now refuses it (exit 2).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from _helpers import ROOT, cli_env, read_jsonl, run_cli, seed_folder
from cleannews.cli import main

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


# --- 1. an earlier run's output inside an input folder is not read back as documents -------


@pytest.mark.parametrize("out_name", ["cleaned", "all.jsonl"])
def test_an_earlier_runs_output_inside_a_corpus_is_not_read_again(tmp_path, capsys,
                                                                  out_name) -> None:
    corp, ids = seed_folder(tmp_path)
    first = corp / out_name  # allowed: that run skips its own output
    assert main(["run", str(corp), "--out", str(first), "-j", "1", "-q"]) == 0
    capsys.readouterr()
    other = tmp_path / "other"
    assert main(["run", str(corp), "--out", str(other), "-j", "1"]) == 0
    got = capsys.readouterr()
    recs = read_jsonl(other / "clean.jsonl")
    assert [r["id"] for r in recs] == ids  # each document once, no mirrored copy
    assert read_jsonl(other / "errors" / "errors.jsonl") == []  # no sink record as an error
    assert "output(s) of an earlier cleannews run skipped" in got.err
    assert "repeated ids" not in got.err
    assert main(["score", str(corp), "-j", "1", "-q"]) == 0
    assert [json.loads(x)["id"] for x in capsys.readouterr().out.splitlines()] == ids
    assert main(["clean", str(corp), "-q"]) == 0
    headers = [x for x in capsys.readouterr().out.splitlines() if x.startswith("==> ")]
    assert headers == [f"==> {corp}/{s.name} <==" for s in SEEDS[:2]]
    # named as an INPUT, the output is read, as the warning says
    sink = first / "clean.jsonl" if out_name == "cleaned" else first
    assert main(["score", str(sink), "-j", "1", "-q"]) == 1  # records without a text
    assert '"missing_field"' in capsys.readouterr().out


# --- 2. library flags are checked as CleanConfig's are -------------------------------------

PAGE = "<html><body><p>Le conseil municipal a voté le budget de la ville mardi.</p></body></html>"


def test_library_flags_that_are_not_bools_are_refused_naming_them() -> None:
    import cleannews
    from cleannews import ConfigError
    from cleannews.batch import clean_batch, clean_frame, clean_record

    calls = {
        "html": [lambda v: cleannews.explain(PAGE, html=v),
                 lambda v: clean_record(PAGE, html=v),
                 lambda v: clean_batch({"text": [PAGE]}, html=v)],
        "changes_only": [lambda v: cleannews.explain(PAGE, changes_only=v)],
        "keep_original": [lambda v: clean_batch({"text": [PAGE]}, keep_original=v)],
    }
    for name, fns in calls.items():
        for fn in fns:
            for bad in ("no", None, 0):
                with pytest.raises(ConfigError, match=f"^{name} must be True or False, got "):
                    fn(bad)
    # html="no" read the page as HTML: the text lost its tags
    assert "<p>" in clean_record(PAGE, html=False)["cleannews_text"]
    assert "<p>" not in clean_record(PAGE, html=True)["cleannews_text"]
    pd = pytest.importorskip("pandas")
    with pytest.raises(ConfigError, match=r"^html must be True or False"):
        clean_frame(pd.DataFrame({"text": []}), html="yes")  # checked with no row to clean
    pytest.importorskip("numpy")
    flag = pd.Series([True]).any()  # what a user computes: numpy's bool is a bool
    assert type(flag).__module__ == "numpy"
    assert "<p>" not in clean_record(PAGE, html=flag)["cleannews_text"]


def test_the_datatrove_steps_check_their_flags() -> None:
    pytest.importorskip("datatrove")
    from cleannews import ConfigError
    from cleannews.integrations.datatrove import CleannewsCleaner, CleannewsSpinFilter

    with pytest.raises(ConfigError, match=r"^CleannewsCleaner html must be True or False"):
        CleannewsCleaner(html="no")
    with pytest.raises(ConfigError, match="record_changes must be True or False"):
        CleannewsCleaner(record_changes="all")
    with pytest.raises(ConfigError, match="label_only must be True or False"):
        CleannewsSpinFilter(label_only=1)
    assert CleannewsCleaner(html=True).html is True


# --- 3. score never writes over a file that is not a cleannews output ----------------------


def test_score_refuses_to_write_over_a_file_of_other_data(tmp_path, capsys) -> None:
    corp, ids = seed_folder(tmp_path, 1)
    theirs = tmp_path / "dataset.jsonl"  # another dataset, named by mistake
    data = b'{"url": "https://ex.fr/a", "text": "Un texte \xc3\xa0 garder."}\n'
    theirs.write_bytes(data)
    assert main(["score", str(corp), "--out", str(theirs), "-j", "1"]) == 2
    assert f"{theirs}: not a cleannews output" in capsys.readouterr().err
    assert theirs.read_bytes() == data  # it was emptied and filled with score lines
    errs = tmp_path / "errs"
    errs.mkdir()
    (errs / "errors.jsonl").write_bytes(data)
    assert main(["score", str(corp), "--out", str(tmp_path / "s.jsonl"), "--errors",
                 str(errs), "-j", "1"]) == 2
    assert "choose another place with --errors" in capsys.readouterr().err
    assert (errs / "errors.jsonl").read_bytes() == data
    # its own output is written again whole, as documented: score lines, error lines, empty
    ours = tmp_path / "scores.jsonl"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for inputs, code in (([corp], 0), ([empty, corp], 1), ([corp], 0)):
        assert main(["score", *map(str, inputs), "--out", str(ours), "-j", "1", "-q"]) == code
        assert [json.loads(x)["id"] for x in ours.read_text("utf-8").splitlines()][-1] == ids[0]
    ours.write_bytes(b"")
    assert main(["score", str(corp), "--out", str(ours), "-j", "1", "-q"]) == 0


def test_clean_batch_of_a_list_of_rows_says_it_takes_columns() -> None:
    from cleannews.batch import clean_batch

    with pytest.raises(TypeError, match=r"^clean_batch takes a batch of columns .* got list"):
        clean_batch([{"text": "Un texte."}])  # was KeyError "(its columns: {'text': …})"
    assert clean_batch({"text": ["Un texte."]})["text"] == ["Un texte."]


# --- 4. Document.from_dict says what it was given -------------------------------------------


def test_document_from_dict_refuses_what_is_no_document_dict(tmp_path) -> None:
    import cleannews
    from cleannews import Document, InputError

    doc = cleannews.clean(SEEDS[0].read_bytes(), id="a1")
    assert Document.from_dict(json.loads(doc.to_json())) == doc
    with pytest.raises(InputError, match=r"got str; .* Document\.from_dict\(json\.loads"):
        Document.from_dict(doc.to_json())  # was "string indices must be integers"
    with pytest.raises(InputError, match="not a Document dict \\(no 'text' key"):
        Document.from_dict({"id": "a1"})  # was a bare KeyError: 'text'
    # a whole record of `cleannews run` was read as a Document of the *input* text, "keep"
    out = tmp_path / "o"
    assert main(["run", str(SEEDS[3]), "--out", str(out), "-j", "1", "-q"]) == 0
    (record,) = read_jsonl(out / "quarantine" / "quarantine.jsonl")
    with pytest.raises(InputError, match=r"pass record\['cleannews'\]"):
        Document.from_dict(record)
    assert Document.from_dict(record["cleannews"]).verdict == "quarantine"


def test_report_of_a_score_output_says_what_it_is(tmp_path, capsys) -> None:
    corp, _ = seed_folder(tmp_path, 1)
    scores = tmp_path / "scores.jsonl"
    assert main(["score", str(corp), "--out", str(scores), "-j", "1", "-q"]) == 0
    assert main(["report", str(scores)]) == 2
    err = capsys.readouterr().err
    # it said "not a readable cleannews report (Extra data: line 2 column 1 …)" of one
    # line, or named the keys a report has, of a file cleannews had just written
    assert "the lines of 'cleannews score', not a report" in err and "--report FILE" in err


def test_the_refusal_of_another_runs_sinks_names_that_run_and_what_force_costs(
        tmp_path, capsys) -> None:
    corp, _ = seed_folder(tmp_path, 1)
    here = tmp_path / "outs"
    here.mkdir()
    assert main(["run", str(corp), "--out", str(here / "a.jsonl"), "-j", "1", "-q"]) == 0
    # a second output file in the same folder: its quarantine/ and errors/ are a.jsonl's
    assert main(["run", str(corp), "--out", str(here / "b.jsonl"), "-j", "1", "-q"]) == 2
    err = capsys.readouterr().err
    assert "belong(s) to another cleannews run (its run state: " in err
    assert ".a.jsonl.cleannews-run.json)" in err  # which run
    assert "--force to take them over (the records that run wrote there are then lost)" in err


# --- 5. a process started without stdout or stderr ------------------------------------------


def _without(fd: int, *args: str | Path) -> subprocess.CompletedProcess[bytes]:
    """``python -m cleannews ARGS`` started with file descriptor ``fd`` closed (``>&-``,
    ``2>&-``: a daemon, a cron job), the other standard stream captured."""
    return subprocess.run(
        [sys.executable, "-m", "cleannews", *map(str, args)], env=cli_env(), timeout=300,
        stdout=subprocess.PIPE if fd != 1 else None, stderr=subprocess.PIPE if fd != 2 else None,
        preexec_fn=lambda: os.close(fd))


def test_a_closed_stdout_is_an_io_error_and_a_closed_stderr_stops_nothing(tmp_path) -> None:
    seed = SEEDS[0]
    for args in (["clean", seed], ["explain", seed], ["score", seed, "-j", "1"]):
        proc = _without(1, *args)
        # it was an AttributeError traceback ('NoneType' object has no attribute 'write'),
        # exit 1, as if some documents had failed
        assert proc.returncode == 2, (args, proc.stderr)
        assert b"standard output is closed" in proc.stderr and b"Traceback" not in proc.stderr
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert _without(1, "clean", empty).returncode == 0  # nothing to write: no error
    # stderr closed: run and score stopped before their first document, exit 1, no output
    out = tmp_path / "o"
    proc = _without(2, "run", seed, "--out", out, "-j", "1")
    assert proc.returncode == 0 and len(read_jsonl(out / "clean.jsonl")) == 1
    proc = _without(2, "score", seed, "-j", "1")
    assert proc.returncode == 0 and json.loads(proc.stdout)["id"] == str(seed)


def test_the_sinks_of_a_run_to_stdout_inside_a_corpus_are_not_read_again(tmp_path) -> None:
    """``cd corpus && cleannews run . --out - > ../clean.jsonl`` leaves its errors (and its
    quarantine, with mirrored texts) in ``./cleannews-errors/`` — with no owner file — and
    ``score corpus`` read their records as documents (``missing_field`` errors, exit 1)."""
    corp, ids = seed_folder(tmp_path, 1)
    (corp / "zz_empty.txt").write_bytes(b"")  # an errors record in ./cleannews-errors/
    proc = run_cli("run", ".", "--out", "-", "-j", "1", "-q", cwd=corp)
    assert proc.returncode == 1 and (corp / "cleannews-errors" / "errors.jsonl").exists()
    proc = run_cli("score", corp, "-j", "1")
    assert proc.returncode == 1, proc.stderr  # the empty document, once
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [x["id"] for x in lines] == [*ids, f"{corp.as_posix()}/zz_empty.txt"]
    assert b"1 output(s) of an earlier cleannews run skipped" in proc.stderr

"""Twenty-second round, audit22: a demanding new user's audit of the command line and the API.

Each test fails on the code before this branch:

1. ``score --out FILE`` wrote no owner file, so a later walk of the folder holding FILE
   (``score corp``, ``run corp``, ``clean corp``) read its lines back as JSONL documents:
   a ``missing_field`` error and a repeated id for each.
2. ``--out results.jsonl/`` (a trailing slash: a folder) wrote the file ``results.jsonl``;
   ``score --out DIR/`` too, and ``score --out`` of an existing folder failed on opening it.
3. ``explain`` split the input into lines at ``\\n`` and ``\\r`` only, while the repair stage
   also turns U+2028, U+2029, vertical tabs, form feeds and record separators into line breaks
   before the strip stage splits lines: a line removed whole was shown as a piece of one long
   changed line, and the line numbers were not those of the lines the rules saw.
4. ``-q`` with ``-v`` was taken without a word (``-q`` won); now a usage error, exit 2.
5. ``--report`` naming a sink file or the run state (``--report out/clean.jsonl``, ``score
   --out s.jsonl --report s.jsonl``) replaced the records with the report at the end of the
   run, exit 0; now refused before any work, exit 2, nothing created.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from _helpers import ROOT, cli_env, read_jsonl, run_cli, seed_folder
from cleannews.cli import main

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


# --- 1. score's output file is known as a cleannews output --------------------------------


def test_a_score_output_inside_a_corpus_is_not_read_again(tmp_path, capsys) -> None:
    corp, ids = seed_folder(tmp_path)
    scores = corp / "scores.jsonl"
    assert main(["score", str(corp), "--out", str(scores), "-j", "1", "-q"]) == 0
    assert [r["id"] for r in read_jsonl(scores)] == ids
    assert (corp / ".scores.jsonl.owner").is_file()
    capsys.readouterr()
    # the next walk of the corpus skips it (it read 2 more "documents": missing_field errors)
    assert main(["score", str(corp), "-j", "1"]) == 0
    got = capsys.readouterr()
    assert [json.loads(x)["id"] for x in got.out.splitlines()] == ids
    assert "output(s) of an earlier cleannews run skipped (e.g." in got.err
    assert "missing_field" not in got.out + got.err
    other = tmp_path / "other"
    assert main(["run", str(corp), "--out", str(other), "-j", "1", "-q"]) == 0
    assert [r["id"] for r in read_jsonl(other / "clean.jsonl")] == ids
    assert read_jsonl(other / "errors" / "errors.jsonl") == []
    # score writes its own file again whole; report still says what the file is
    assert main(["score", str(corp), "--out", str(scores), "-j", "1", "-q"]) == 0
    assert [r["id"] for r in read_jsonl(scores)] == ids
    capsys.readouterr()
    assert main(["report", str(scores)]) == 2
    assert "the lines of 'cleannews score', not a report" in capsys.readouterr().err
    # named as an INPUT it is read, as the warning says
    assert main(["score", str(scores), "-j", "1", "-q"]) == 1
    assert '"missing_field"' in capsys.readouterr().out


def test_score_to_a_device_writes_no_owner_file(tmp_path, capsys) -> None:
    corp, _ = seed_folder(tmp_path, 1)
    link = tmp_path / "s.jsonl"
    link.symlink_to(os.devnull)  # as `score --out /dev/null` (no `/dev/.null.owner`)
    assert main(["score", str(corp), "--out", str(link), "-j", "1", "-q"]) == 0
    assert not (tmp_path / ".s.jsonl.owner").exists()
    assert link.is_symlink()


def test_a_score_errors_folder_is_known_as_a_cleannews_output(tmp_path, capsys) -> None:
    corp, ids = seed_folder(tmp_path)
    (corp / "empty.txt").write_bytes(b"")
    errs = corp / "errs"
    assert main(["score", str(corp), "--errors", str(errs), "-j", "1", "-q"]) == 1
    assert [r["error"]["type"] for r in read_jsonl(errs / "errors.jsonl")] == ["empty"]
    capsys.readouterr()
    assert main(["score", str(corp), "-j", "1", "-q"]) == 1  # the empty file, not errs/
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["id"] for x in lines] == [*ids, f"{corp.as_posix()}/empty.txt"]


# --- 2. a trailing slash names a folder -----------------------------------------------------


def test_out_with_a_trailing_slash_is_a_folder(tmp_path, capsys) -> None:
    corp, ids = seed_folder(tmp_path)
    out = tmp_path / "results.jsonl"
    assert main(["run", str(corp), "--out", f"{out}/", "-j", "1", "-q"]) == 0
    assert out.is_dir()  # it was the file results.jsonl, sinks beside it
    assert [r["id"] for r in read_jsonl(out / "clean.jsonl")] == ids
    assert not (tmp_path / "quarantine").exists()
    # without the slash, the folder it made is still that folder (an existing folder)
    assert main(["run", str(corp), "--out", str(out), "-j", "1", "-q", "--force"]) == 0
    assert (out / "report.json").is_file()
    # an existing file with a slash: refused, nothing written
    f = tmp_path / "f.jsonl"
    f.write_text("mine\n")
    capsys.readouterr()
    assert main(["run", str(corp), "--out", f"{f}/", "-j", "1"]) == 2
    assert "a file, not a folder" in capsys.readouterr().err
    assert f.read_text() == "mine\n"


def test_score_out_refuses_a_folder(tmp_path, capsys) -> None:
    corp, _ = seed_folder(tmp_path, 1)
    assert main(["score", str(corp), "--out", f"{tmp_path}/s.jsonl/", "-j", "1"]) == 2
    err = capsys.readouterr().err
    assert "score writes its lines to one file, not a folder" in err
    assert not (tmp_path / "s.jsonl").exists()
    assert main(["score", str(corp), "--out", str(corp), "-j", "1"]) == 2
    assert f"(e.g. {corp / 'scores.jsonl'})" in capsys.readouterr().err


# --- 3. explain numbers the lines the strip stage sees --------------------------------------

BODY = ["Le conseil municipal a voté le budget de la ville mardi soir.", "Partager sur Facebook",
        "La séance a duré trois heures."]


@pytest.mark.parametrize("brk", ["\u2028", "\u2029", "\x0b", "\x0c", "\x1e"])
def test_explain_splits_lines_where_the_repair_stage_does(brk: str) -> None:
    import cleannews

    text = brk.join(BODY)
    assert cleannews.clean(text).text.split("\n") == [BODY[0], BODY[2]]
    lines = cleannews.explain(text).split("\n\n")[0].splitlines()
    shown = [x for x in lines if not x.startswith(" " * 4)]
    # as for "\n" and "\r": three numbered lines, the share bar marked removed
    assert [x[:4] for x in shown] == ["1 ~ ", "2 - ", "3   "]
    assert shown[1] == "2 - Partager sur Facebook"
    assert shown[2] == "3   " + BODY[2]
    assert "(removed " not in "\n".join(lines)  # a whole line is marked "-", not a piece


def test_explain_keeps_u0085_inside_its_line() -> None:
    import cleannews

    text = "Le maire a parlé\x85 puis il est parti."
    assert "…" in cleannews.clean(text).text  # read as Windows-1252's ellipsis, no break
    assert cleannews.explain(text).startswith("1 ~ Le maire a parlé\\x85 puis")


# --- 4. -q and -v together -----------------------------------------------------------------


@pytest.mark.parametrize("argv", [["-q", "clean", "-v"], ["clean", "-qv"], ["-v", "-q", "clean"]])
def test_quiet_and_verbose_together_are_a_usage_error(argv, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main([*argv, str(SEEDS[0])])
    assert exc.value.code == 2
    captured = capsys.readouterr()
    assert "-q/--quiet and -v/--verbose exclude each other" in captured.err
    assert captured.out == ""
    assert main(["-q", "clean", "-q", str(SEEDS[0])]) == 0  # each alone, or twice, is fine
    assert main(["-v", "clean", "-v", str(SEEDS[0])]) == 0


# --- 5. the report never replaces a sink or the run state -----------------------------------


@pytest.mark.parametrize("where", ["out/clean.jsonl", "out/.cleannews-run.json",
                                   "out/quarantine/quarantine.jsonl", "out/errors/errors.jsonl"])
def test_a_report_over_a_sink_or_the_run_state_is_refused(tmp_path, where: str) -> None:
    corp, _ = seed_folder(tmp_path, 1)
    proc = run_cli("run", corp, "--out", tmp_path / "out", "--report", tmp_path / where,
                   "-j", "1", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert b"is the report (--report) and the " in proc.stderr
    assert not (tmp_path / "out").exists()  # before any work


def test_score_report_over_its_own_output_is_refused(tmp_path, capsys) -> None:
    corp, ids = seed_folder(tmp_path, 1)
    s = tmp_path / "s.jsonl"
    assert main(["score", str(corp), "--out", str(s), "--report", str(s), "-j", "1"]) == 2
    assert "is the report (--report) and the output file (--out)" in capsys.readouterr().err
    assert not s.exists()
    assert main(["score", str(corp), "--out", str(s), "--report",
                 str(tmp_path / "r.json"), "-j", "1", "-q"]) == 0
    assert [r["id"] for r in read_jsonl(s)] == ids
    assert json.loads((tmp_path / "r.json").read_text())["command"] == "score"


# --- 6. two `--out NAME.jsonl` runs in one folder: the refusal names folders to give -------


def test_a_second_out_file_run_in_a_folder_is_told_which_sink_folders_to_give(tmp_path,
                                                                             capsys) -> None:
    corp, ids = seed_folder(tmp_path, 1)
    assert main(["run", str(corp), "--out", str(tmp_path / "a.jsonl"), "-j", "1", "-q"]) == 0
    capsys.readouterr()
    b = tmp_path / "b.jsonl"
    assert main(["run", str(corp), "--out", str(b), "-j", "1", "-q"]) == 2
    err = capsys.readouterr().err
    q, e = tmp_path / "b.quarantine", tmp_path / "b.errors"
    assert f"give this run other sink folders (--quarantine {q} --errors {e}), or add --force" \
        in err
    # what it says works, and leaves the first run's sinks alone
    assert main(["run", str(corp), "--out", str(b), "--quarantine", str(q), "--errors", str(e),
                 "-j", "1", "-q"]) == 0
    assert [r["id"] for r in read_jsonl(b)] == ids
    assert (e / "errors.jsonl").is_file()
    owner = (tmp_path / "quarantine" / ".quarantine.jsonl.owner").read_text()
    assert owner.endswith(".a.jsonl.cleannews-run.json")


def test_explain_shows_the_invisible_characters_a_change_removed() -> None:
    import cleannews

    text = "\ufeffLe conseil municipal a voté le budget.\nLa séance a\u200b duré trois heures."
    out = cleannews.explain(text)
    # the lines marked "~" show what was removed from them (they looked unchanged)
    assert out.startswith("1 ~ \\ufeffLe conseil municipal a voté le budget.\n")
    assert "\n2 ~ La séance a\\u200b duré trois heures.\n" in out
    assert "\ufeff" not in out and "\u200b" not in out


# --- 7. --max-record-mb of an infinite size --------------------------------------------------


@pytest.mark.parametrize("value", ["inf", "1e308"])
def test_an_infinite_record_limit_is_a_usage_error_not_a_traceback(value, tmp_path) -> None:
    proc = run_cli("run", SEEDS[0], "--out", "-", "-j", "1", "--max-record-mb", value,
                   cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines()[-1] == (
        f"cleannews run: error: argument --max-record-mb: must be a finite number of MB, got "
        f"{value} (for no practical limit give a large one, e.g. 100000)")
    assert proc.stdout == b""


# --- 8. --config - reads the TOML from standard input ---------------------------------------


def test_config_dash_reads_standard_input(tmp_path) -> None:
    proc = run_cli("clean", "--json", "--config", "-", SEEDS[0], cwd=tmp_path,
                   stdin=b'accept_languages = ["en"]\n')
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["verdict"] == "other_language"
    proc = run_cli("run", SEEDS[0], "--out", "-", "--config", "-", "-j", "1", cwd=tmp_path,
                   stdin=b"fast_pth = true\n")
    assert proc.returncode == 2
    assert (b"error: standard input (--config -): unknown option 'fast_pth' (did you mean "
            b"fast_path?)") in proc.stderr
    proc = run_cli("clean", "--config", "-", "-", cwd=tmp_path, stdin=b"")
    assert proc.returncode == 2
    assert b"standard input (-) is named twice, as --config - and as an INPUT" in proc.stderr


# --- 9. the report beside an output file is an output, not a .json file to read -----------


def test_the_report_beside_an_out_file_is_counted_as_an_output(tmp_path, capsys) -> None:
    corp, ids = seed_folder(tmp_path)
    assert main(["run", str(corp), "--out", str(corp / "out.jsonl"), "-j", "1", "-q"]) == 0
    assert (corp / "out.report.json").is_file()
    capsys.readouterr()
    assert main(["score", str(corp), "-j", "1"]) == 0
    got = capsys.readouterr()
    assert [json.loads(x)["id"] for x in got.out.splitlines()] == ids
    # it said: "1 .json file(s) skipped (e.g. corp/out.report.json): … name such a file as
    # an INPUT to read its JSONL records (cleannews run corp/out.report.json …)"
    assert ".json file(s) skipped" not in got.err
    assert "4 output(s) of an earlier cleannews run skipped" in got.err
    (corp / "recs.json").write_text('{"id": "r", "text": "Un texte."}\n')
    assert main(["score", str(corp), "-j", "1", "-q"]) == 0
    assert main(["score", str(corp), "-j", "1"]) == 0
    assert "1 .json file(s) skipped (e.g. " in capsys.readouterr().err  # a user's file still is


# --- 10. two output files in one folder never share a report --------------------------------


def test_out_files_with_dotted_names_get_reports_of_their_own(tmp_path, capsys) -> None:
    corp, _ = seed_folder(tmp_path, 2)
    one = tmp_path / "one"
    one.mkdir()
    (one / SEEDS[0].name).write_bytes(SEEDS[0].read_bytes())
    for year, src in (("2024", corp), ("2025", one)):
        assert main(["run", str(src), "--out", str(tmp_path / f"crawl.{year}.jsonl"),
                     "--quarantine", str(tmp_path / f"q{year}"), "--errors",
                     str(tmp_path / f"e{year}"), "-j", "1", "-q"]) == 0
    # they were both crawl.report.json: the second run's replaced the first's
    assert not (tmp_path / "crawl.report.json").exists()
    r24 = json.loads((tmp_path / "crawl.2024.report.json").read_text())
    r25 = json.loads((tmp_path / "crawl.2025.report.json").read_text())
    assert (r24["documents"]["in"], r25["documents"]["in"]) == (2, 1)
    capsys.readouterr()
    assert main(["report", str(tmp_path / "crawl.2024.jsonl")]) == 0
    assert "2 documents in" in capsys.readouterr().out


def test_a_report_another_run_writes_is_refused(tmp_path, capsys) -> None:
    corp, _ = seed_folder(tmp_path, 1)
    assert main(["run", str(corp), "--out", str(tmp_path / "a.jsonl"), "-j", "1", "-q"]) == 0
    before = (tmp_path / "a.report.json").read_bytes()
    capsys.readouterr()
    # `a.jsonl.gz` writes its sinks as .gz (other files) but its report is a.report.json too
    assert main(["run", str(corp), "--out", str(tmp_path / "a.jsonl.gz"), "-j", "1"]) == 2
    err = capsys.readouterr().err
    assert "a.report.json is the report of another cleannews run (its run state: " in err
    assert "give this run's report another name with --report FILE" in err
    assert (tmp_path / "a.report.json").read_bytes() == before
    assert not (tmp_path / "a.jsonl.gz").exists()
    assert main(["run", str(corp), "--out", str(tmp_path / "a.jsonl.gz"), "--report",
                 str(tmp_path / "agz.json"), "-j", "1", "-q"]) == 0
    # the run's own report, run again with --force, is its own
    assert main(["run", str(corp), "--out", str(tmp_path / "a.jsonl"), "-j", "1", "-q",
                 "--force"]) == 0


# --- 11. standard output redirected to an input file ---------------------------------------


def _records(n: int) -> bytes:
    return b"".join(b'{"id": "d%d", "text": "Le conseil municipal a vot\xc3\xa9 le budget %d."}\n'
                    % (i, i) for i in range(n))


@pytest.mark.parametrize("command", [["run", "--out", "-"], ["score"]])
def test_appending_the_output_to_the_input_is_refused(tmp_path, command) -> None:
    data = tmp_path / "a.jsonl"
    data.write_bytes(_records(50))
    with open(data, "ab") as out:  # `cleannews run a.jsonl --out - >> a.jsonl`
        proc = run_cli(command[0], data, *command[1:], "-j", "1", cwd=tmp_path, stdout=out,
                       timeout=120)  # it read what it appended, without end
    assert proc.returncode == 2
    assert b"is both an input and the file standard output writes to" in proc.stderr
    assert data.read_bytes() == _records(50)


def test_output_redirected_into_an_input_folder_is_not_read(tmp_path) -> None:
    corp, ids = seed_folder(tmp_path)
    (corp / "recs.jsonl").write_bytes(_records(3))
    with open(corp / "all.jsonl", "wb") as out:  # `run corp --out - > corp/all.jsonl`
        proc = run_cli("run", corp, "--out", "-", "-j", "1", "-q", cwd=tmp_path, stdout=out)
    assert proc.returncode == 0, proc.stderr
    got = [r["id"] for r in read_jsonl(corp / "all.jsonl")]
    assert got == [*ids, "d0", "d1", "d2"]
    (corp / "all.jsonl").unlink()
    with open(corp / "all.txt", "wb") as out:  # `clean corp > corp/all.txt`
        proc = run_cli("clean", corp, "-q", cwd=tmp_path, stdout=out)
    assert proc.returncode == 0, proc.stderr
    headers = [x for x in (corp / "all.txt").read_text().splitlines() if x.startswith("==> ")]
    assert headers == [f"==> {i} <==" for i in ids]  # not all.txt itself
    with open(corp / SEEDS[0].name, "ab") as out:  # `clean a.txt >> a.txt`, as `cat a >> a`
        proc = run_cli("clean", corp / SEEDS[0].name, cwd=tmp_path, stdout=out)
    assert proc.returncode == 2
    assert b"is both an input and the file standard output writes to" in proc.stderr
    assert (corp / SEEDS[0].name).read_bytes() == SEEDS[0].read_bytes()


# --- 12. a URL given as an input ------------------------------------------------------------


@pytest.mark.parametrize("command", [["clean"], ["explain"], ["score"], ["run", "--out"]])
def test_a_url_as_input_says_cleannews_does_not_download(command, tmp_path, capsys) -> None:
    url = "https://example.fr/article?id=1&page=2"
    more = [str(tmp_path / "o")] if command[0] == "run" else []
    assert main([command[0], url, *command[1:], *more]) == 2
    err = capsys.readouterr().err
    assert f"{url}: no such file or folder (cleannews reads files and standard input, it does " \
        f"not download pages: save it first, e.g. curl -sL '{url}' -o page.html" in err
    assert not (tmp_path / "o").exists()


# --- 13. the exit code of an empty document, where a user looks -----------------------------


def test_help_says_what_exit_code_an_empty_document_gets(tmp_path, capsys) -> None:
    for command in ("clean", "explain"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        text = " ".join(capsys.readouterr().out.split())
        assert "Exit code: 0 ok (an empty document, or one of boilerplate only, is a warning)" \
            in text
    for command in ("run", "score"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "empty" in " ".join(capsys.readouterr().out.split()).split("Exit code: ")[1]
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    assert main(["clean", str(empty)]) == 0
    assert main(["score", str(empty), "-j", "1", "-q"]) == 1


def test_a_log_redirected_into_an_input_folder_is_not_read(tmp_path) -> None:
    corp, ids = seed_folder(tmp_path)
    with open(corp / "log.txt", "wb") as log:  # `run corp --out out > corp/log.txt 2>&1`
        proc = subprocess.run([sys.executable, "-m", "cleannews", "run", str(corp), "--out",
                               str(tmp_path / "out"), "-j", "1"], stdout=log, stderr=log,
                              env=cli_env(), timeout=300)
    assert proc.returncode == 0  # it read its own log: an `empty` error, exit 1
    assert [r["id"] for r in read_jsonl(tmp_path / "out" / "clean.jsonl")] == ids
    assert "2 documents in: 2 out" in (corp / "log.txt").read_text()

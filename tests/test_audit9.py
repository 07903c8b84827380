"""A demanding user's audit of the library, CLI, batch and datatrove layers (branch audit9).

Each test pins a defect found by using the documented commands on hostile inputs (a FIFO
in a crawled folder, devices as output files, an input folder given as a sink folder,
``--languages`` in a datatrove pipeline, deeply nested JSON); each failed before its fix.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest

from _helpers import cli_env, read_jsonl, run_cli
from cleannews.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_000 = SEEDS / "000_51a21282db567c1f.txt"
SEED_TEXT = SEED_000.read_text("utf-8")


#: ``python -m cleannews`` on this checkout's sources, with this file's 2-minute guard.
_cli = partial(run_cli, timeout=120)


# 1. A FIFO named like a text file inside a crawled folder (`mkfifo corpus/b.txt`, left by a
#    crashed exporter) blocked `cleannews run corpus` and `cleannews clean corpus` for ever:
#    opening a FIFO waits for a writer. A file that is not a regular file found in a folder
#    walk is now never opened: it is a `read` error record (run) or an error line (clean).

def _fifo_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SEED_TEXT, "utf-8")
    os.mkfifo(corpus / "b.txt")
    (corpus / "c.txt").write_text(SEED_TEXT, "utf-8")
    return corpus


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_in_a_walked_folder_is_an_error_record_not_a_hang(tmp_path: Path) -> None:
    corpus = _fifo_corpus(tmp_path)
    out = tmp_path / "out"
    r = _cli("run", corpus, "--out", out, "-j", "1", timeout=30)
    assert r.returncode == 1, r.stderr.decode()
    assert [x["id"] for x in read_jsonl(out / "clean.jsonl")] == [
        f"{corpus.as_posix()}/a.txt", f"{corpus.as_posix()}/c.txt"]
    (err,) = read_jsonl(out / "errors" / "errors.jsonl")
    assert err["id"] == f"{corpus.as_posix()}/b.txt"
    assert err["error"]["type"] == "read"
    assert "not a regular file (a FIFO)" in err["error"]["message"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_clean_skips_a_fifo_in_a_folder_with_an_error(tmp_path: Path) -> None:
    corpus = _fifo_corpus(tmp_path)
    r = _cli("clean", corpus, timeout=30)
    err = r.stderr.decode()
    assert r.returncode == 2, err
    assert "b.txt: not a regular file (a FIFO)" in err
    assert r.stdout.decode().count("==> ") == 2


# 2. `cleannews score crawl --out /dev/stdout` (or /dev/full, a FIFO) failed before the first
#    document with "File or stream is not seekable" / "Invalid argument" (the sink was
#    truncated and fsync'ed as a file), and left a lock file `.stdout.cleannews.lock` in /dev.
#    A device or pipe named as the output is now written through, as `report --html` does.

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_score_out_a_fifo_writes_through_and_leaves_no_lock_beside_it(tmp_path: Path) -> None:
    fifo = tmp_path / "scores"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    r = _cli("score", SEED_000, "--out", fifo, "-j", "1", "-q", timeout=30)
    lines = reader.communicate(timeout=30)[0].decode().splitlines()
    assert r.returncode == 0, r.stderr.decode()
    assert [json.loads(x)["id"] for x in lines] == [str(SEED_000)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scores"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_score_out_dev_full_is_a_clear_io_error(tmp_path: Path) -> None:
    lock = Path("/dev/.full.cleannews.lock")
    existed = lock.exists()
    r = _cli("score", SEED_000, "--out", "/dev/full", "-j", "1", timeout=30)
    err = r.stderr.decode()
    assert r.returncode == 2, err
    assert "No space left on device" in err and "Traceback" not in err
    assert existed or not lock.exists()


# 3. `--errors DIR` or `--quarantine DIR` naming an input folder wrote errors.jsonl (and the
#    quarantined texts) into the input: the next `cleannews run DIR` read those error records
#    as new documents (8 errors for 4 bad files). Refused like `--out DIR`, before any work.

@pytest.mark.parametrize("flag", ["--errors", "--quarantine"])
def test_a_sink_folder_that_is_an_input_folder_is_refused(tmp_path: Path, flag: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SEED_TEXT, "utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    before = sorted(p.name for p in corpus.iterdir())
    code = main(["run", str(corpus), "--out", str(tmp_path / "out"), flag, str(corpus),
                 "-j", "1", "-q"])
    assert code == 2
    assert sorted(p.name for p in corpus.iterdir()) == before
    assert not (tmp_path / "out").exists()


def test_a_sink_folder_inside_an_input_folder_is_still_skipped(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    args = ["run", str(corpus), "--out", str(out), "--errors", str(corpus / "errs"),
            "-j", "1", "-q"]
    assert main(args) == 1
    assert main([*args, "--force"]) == 1
    assert len(read_jsonl(corpus / "errs" / "errors.jsonl")) == 1


# 4. datatrove: with `CleanConfig(accept_languages=("fr",))`, the cleaner marked English and
#    German documents `other_language`, but `CleannewsSpinFilter` let them through to the
#    clean writer (`cleannews run` sends them to the quarantine). They are now excluded
#    with the reason "other_language".

EN = ("The mayor of the city announced on Tuesday a new plan for public transport, which "
      "will cost more than two million dollars over the next three years, officials said.")


def test_datatrove_filter_excludes_other_languages_as_run_quarantines_them() -> None:
    pytest.importorskip("datatrove")
    from datatrove.data import Document as DtDocument

    from cleannews import CleanConfig
    from cleannews.integrations.datatrove import CleannewsCleaner, CleannewsSpinFilter

    cfg = CleanConfig(accept_languages=("fr",))
    docs = [DtDocument(text=SEED_TEXT, id="fr"), DtDocument(text=EN, id="en")]
    cleaned = list(CleannewsCleaner(config=cfg).run(docs))
    assert [d.metadata["cleannews"]["verdict"] for d in cleaned] == ["keep", "other_language"]
    spin_filter = CleannewsSpinFilter(config=cfg)
    assert [spin_filter.filter(d) for d in cleaned] == [True, (False, "other_language")]
    labeller = CleannewsSpinFilter(config=cfg, label_only=True)
    assert labeller.filter(cleaned[1]) is True
    assert cleaned[1].metadata["filter_reason"] == "other_language"


def test_score_of_the_current_folder_may_write_its_scores_there(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SEED_TEXT, "utf-8")
    r = _cli("score", ".", "--out", "scores.jsonl", "-j", "1", "-q", cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    assert [x["id"] for x in read_jsonl(tmp_path / "scores.jsonl")] == ["a.txt"]


# 5. A JSONL line nested thousands of levels deep (`{"id": "x", "text": "…", "m": [[[[…`) went
#    to the errors sink as `exception` (a RecursionError traceback location from the json
#    module) instead of `json`, the type of every other line the parser cannot read.

def test_a_deeply_nested_jsonl_line_is_a_json_error(tmp_path: Path) -> None:
    depth = 100_000
    line = '{"id": "deep", "text": "Le maire.", "m": ' + "[" * depth + "]" * depth + "}"
    data = tmp_path / "in.jsonl"
    data.write_text(json.dumps({"id": "ok", "text": SEED_TEXT}) + "\n" + line + "\n", "utf-8")
    out = tmp_path / "out"
    assert main(["run", str(data), "--out", str(out), "-j", "1", "-q"]) == 1
    assert [r["id"] for r in read_jsonl(out / "clean.jsonl")] == ["ok"]
    (err,) = read_jsonl(out / "errors" / "errors.jsonl")
    assert err["error"]["type"] == "json"
    assert err["error"]["message"].startswith("not valid JSON: nested too deeply")


# 6. `cleannews run … --report /dev/full` said only "No space left on device (committed work
#    is kept; … --resume)": which of the outputs was full? The error now names the report.

@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_report_that_cannot_be_written_is_named(tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = _cli("run", SEED_000, "--out", out, "--report", "/dev/full", "-j", "1", "-q")
    assert r.returncode == 2
    assert "/dev/full: No space left on device" in r.stderr.decode()
    assert len(read_jsonl(out / "clean.jsonl")) == 1


# 7. `zcat dump.jsonl.gz | cleannews run - --out -` (the README's filter) read the whole stream
#    as ONE plain-text document when its first record was longer than the 4 kB that standard
#    input is sniffed on (a news article with its HTML is 10-100 kB): the sniffer saw an
#    unfinished line, could not parse it, and called the stream text. So did `score -` and
#    `run <(zcat dump.jsonl.gz)`. An unfinished first line that starts like a JSON object
#    (`{"`) is now a record.

def _long_records(n: int = 3) -> bytes:
    return "".join(json.dumps({"id": f"L{i}", "text": SEED_TEXT * 4}, ensure_ascii=False) + "\n"
                   for i in range(n)).encode("utf-8")


@pytest.mark.parametrize("command", ["run", "score"])
def test_jsonl_on_stdin_with_a_first_record_over_4_kb_is_read_as_records(
        tmp_path: Path, command: str) -> None:
    data = _long_records()
    assert data.index(b"\n") > 4096
    args = ["--out", "-"] if command == "run" else []
    r = _cli(command, "-", *args, "-j", "1", "-q", stdin=data, cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    assert [json.loads(x)["id"] for x in r.stdout.decode().splitlines()] == ["L0", "L1", "L2"]


def test_sniffing_an_unfinished_first_line() -> None:
    from cleannews.batch.sources import SNIFF_BYTES, sniff_kind

    assert sniff_kind(_long_records()[:SNIFF_BYTES]) == "jsonl"
    assert sniff_kind(b'{ "id": 1, "text": "' + b"x" * SNIFF_BYTES) == "jsonl"
    assert sniff_kind(("{Exclusif} Le maire " * 300).encode()[:SNIFF_BYTES]) == "text"
    assert sniff_kind(b'{broken\n{"id": 2, "text": "' + b"x" * SNIFF_BYTES) == "jsonl"


# 8. JSONL saved as Windows "Unicode" text (UTF-16 with its byte-order mark, what PowerShell's
#    `Out-File` writes) was split at every `\n` byte: 3 records became 4 `utf8` error records
#    with line numbers for ids, and on standard input the whole stream became ONE text
#    document "-" in the clean output (records silently merged). Such a file or stream is
#    now read as UTF-8 records (a UTF-16 `.txt` file was already decoded).

def _wide_jsonl(codec: str, extra: bytes = b"") -> bytes:
    lines = [json.dumps({"id": f"r{i}", "text": SEED_TEXT}, ensure_ascii=False)
             for i in range(3)]
    return ("\n".join(lines) + "\n").encode(codec) + extra


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_a_utf16_jsonl_file_is_read_record_by_record(tmp_path: Path, codec: str) -> None:
    data = tmp_path / "in.jsonl"
    data.write_bytes(_wide_jsonl(codec))
    out = tmp_path / "out"
    assert main(["run", str(data), "--out", str(out), "-j", "1", "-q"]) == 0
    recs = read_jsonl(out / "clean.jsonl")
    assert [(r["id"], r["cleannews"]["source"]["line"]) for r in recs] == [
        ("r0", 1), ("r1", 2), ("r2", 3)]
    assert recs[0]["cleannews"]["text"].startswith("Vsora veut imposer")


def test_a_bad_code_unit_in_utf16_jsonl_costs_its_line_only(tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    lone = "\ud800x\n".encode("utf-16-le", "surrogatepass")  # a high surrogate alone
    data.write_bytes(b"\xff\xfe" + _wide_jsonl("utf-16-le", lone))
    out = tmp_path / "out"
    assert main(["run", str(data), "--out", str(out), "-j", "1", "-q"]) == 1
    assert [r["id"] for r in read_jsonl(out / "clean.jsonl")] == ["r0", "r1", "r2"]
    (err,) = read_jsonl(out / "errors" / "errors.jsonl")
    assert (err["source"]["line"], err["error"]["type"]) == (4, "utf8")


def test_utf16_jsonl_on_stdin_is_read_as_records(tmp_path: Path) -> None:
    r = _cli("run", "-", "--out", "-", "-j", "1", "-q", stdin=_wide_jsonl("utf-16"),
             cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    lines = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert [x["id"] for x in lines] == ["r0", "r1", "r2"]


def test_utf16_text_on_stdin_is_still_one_document(tmp_path: Path) -> None:
    r = _cli("run", "-", "--out", "-", "-j", "1", "-q", stdin=SEED_TEXT.encode("utf-16"),
             cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    (line,) = r.stdout.decode().splitlines()
    assert json.loads(line)["cleannews"]["text"].startswith("Vsora veut imposer")


# 9. `CleanConfig().replace(fast_pth=True)` (the README's way to change one option) raised a
#    bare TypeError from dataclasses; the README promises a ConfigError for a bad option.

def test_replace_with_a_misspelt_option_is_a_config_error() -> None:
    from cleannews import CleanConfig, ConfigError

    with pytest.raises(ConfigError, match=r"'fast_pth' \(did you mean fast_path\?\)"):
        CleanConfig().replace(fast_pth=True)
    with pytest.raises(ConfigError, match="spin_quarantine_threshold must be between 0 and 1"):
        CleanConfig().replace(spin_quarantine_threshold=1.5)
    assert CleanConfig().replace(keep_typography=False).keep_typography is False


# 10. `cleannews score crawl.jsonl | head -1` (and `run … --out - | head`) ended with
#     "ERROR: Broken pipe (the output written to stdout is incomplete; … run the whole command
#     again)" and exit code 2, while `cleannews clean big | head` stops quietly with 0 (the
#     documented behaviour of a reader that went away).

@pytest.mark.parametrize("command", [["score"], ["run", "--out", "-"]])
def test_a_batch_to_stdout_stops_quietly_when_the_reader_goes_away(
        tmp_path: Path, command: list[str]) -> None:
    data = tmp_path / "in.jsonl"
    data.write_text("".join(json.dumps({"id": f"d{i}", "text": SEED_TEXT}) + "\n"
                            for i in range(400)), "utf-8")
    env = cli_env()
    proc = subprocess.Popen([sys.executable, "-m", "cleannews", command[0], str(data),
                             *command[1:], "-j", "1", "--chunk-size", "8",
                             *(["--no-spin"] if command[0] == "run" else [])],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path,
                            env=env)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    code = proc.wait(timeout=120)
    assert json.loads(first)["id"] == "d0"
    assert code == 0, err
    assert b"Traceback" not in err and b"Broken pipe" not in err and b"ERROR" not in err


# 11. `cleannews run crawl/2024-13 --out o` on an existing but empty folder (a mistyped date,
#     an export not finished) said nothing and exited 0 with "0 documents in"; `clean` warned.

def test_run_warns_about_an_input_folder_without_documents(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    empty = tmp_path / "crawl"
    empty.mkdir()
    (empty / "notes.md").write_text("x", "utf-8")
    with caplog.at_level("WARNING", logger="cleannews"):
        assert main(["run", str(empty), "--out", str(tmp_path / "out"), "-j", "1"]) == 0
    assert f"{empty}: no .txt, .html or .jsonl(.gz) files in this folder" in caplog.text


# 12. `--resume` skips the first N documents of the inputs as they are *now*: after a file was
#     added to an input folder (it sorts first), the resumed run skipped it for ever and
#     cleaned the last committed file a second time (exit 0, 71 records for 71 inputs, one
#     lost, one twice). The run state now records where its last committed document came
#     from, and a resume whose inputs no longer have it there is refused (exit 2).

def _folder_run(tmp_path: Path, names: list[str]) -> tuple[Path, list[str]]:
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    for n in names:
        (corpus / n).write_text(SEED_TEXT.replace("Vsora", f"Vsora-{n}"), "utf-8")
    args = ["run", str(corpus), "--out", str(tmp_path / "out"), "-j", "1", "--chunk-size", "1",
            "--no-spin", "-q"]
    return corpus, args


def test_resume_refuses_inputs_that_changed_before_the_committed_part(tmp_path: Path) -> None:
    corpus, args = _folder_run(tmp_path, ["b.txt", "c.txt", "d.txt"])
    assert main(args) == 0
    (corpus / "a.txt").write_text(SEED_TEXT, "utf-8")  # sorts before every committed file
    assert main([*args, "--resume"]) == 2
    (corpus / "a.txt").unlink()
    (corpus / "c.txt").unlink()
    assert main([*args, "--resume"]) == 2
    ids = [r["id"] for r in read_jsonl(tmp_path / "out" / "clean.jsonl")]
    assert ids == [f"{corpus.as_posix()}/{n}" for n in ("b.txt", "c.txt", "d.txt")]


def test_resume_still_takes_documents_added_after_the_committed_part(tmp_path: Path) -> None:
    corpus, args = _folder_run(tmp_path, ["b.txt", "c.txt"])
    assert main(args) == 0
    (corpus / "z.txt").write_text(SEED_TEXT, "utf-8")
    assert main([*args, "--resume"]) == 0
    ids = [r["id"] for r in read_jsonl(tmp_path / "out" / "clean.jsonl")]
    assert ids == [f"{corpus.as_posix()}/{n}" for n in ("b.txt", "c.txt", "z.txt")]


# 13. `cleannews run crawl --out o --report reports/` (an existing folder) cleaned the whole
#     corpus, then failed on the report ("Is a directory", exit 2, "… --resume"): option values
#     are promised to be checked before any work.

def test_a_report_that_is_a_folder_is_refused_before_any_work(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    out = tmp_path / "out"
    assert main(["run", str(SEED_000), "--out", str(out), "--report", str(reports),
                 "-j", "1", "-q"]) == 2
    assert not out.exists()


# 14. `cleannews run dump.jsonl.zst --out o` (or .bz2, .xz: how big JSONL dumps are shipped)
#     made the whole file one error record of type `nul`, "text contains NUL characters (binary
#     data or a broken export)": nothing said it was compressed (gzip was already named).

@pytest.mark.parametrize("tool,suffix,what", [("bzip2", "bz2", "bzip2"), ("xz", "xz", "xz"),
                                              ("zstd", "zst", "zstd")])
def test_compressed_jsonl_named_on_the_command_line_is_named_as_compressed(
        tmp_path: Path, tool: str, suffix: str, what: str) -> None:
    import shutil

    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")
    data = tmp_path / "dump.jsonl"
    data.write_text("".join(json.dumps({"id": f"d{i}", "text": SEED_TEXT}) + "\n"
                            for i in range(20)), "utf-8")
    subprocess.run([tool, "-q", "-k", str(data)], check=True)
    packed = tmp_path / f"dump.jsonl.{suffix}"
    out = tmp_path / "out"
    assert main(["run", str(packed), "--out", str(out), "-j", "1", "-q"]) == 1
    (err,) = read_jsonl(out / "errors" / "errors.jsonl")
    assert err["error"]["type"] == "binary"
    assert f"{what}-compressed data (decompress it first)" in err["error"]["message"]


# 15. A text file exported as UTF-16 *without* a byte-order mark (half its bytes NUL) was
#     refused with "text contains NUL characters (binary data or a broken export)" (`run`) or
#     "input looks binary: 2497 of the first 4994 characters are control characters" (`clean`):
#     nothing said it is UTF-16 nor how to convert it. The type is unchanged (`nul`).

def test_utf16_without_a_byte_order_mark_is_named_with_the_conversion(tmp_path: Path) -> None:
    page = tmp_path / "export.txt"
    page.write_bytes(SEED_TEXT.encode("utf-16-le"))
    out = tmp_path / "out"
    assert main(["run", str(page), "--out", str(out), "-j", "1", "-q"]) == 1
    (err,) = read_jsonl(out / "errors" / "errors.jsonl")
    assert err["error"]["type"] == "nul"
    assert "looks like UTF-16LE text saved without a byte-order mark" in err["error"]["message"]
    assert "iconv -f UTF-16LE -t UTF-8" in err["error"]["message"]
    r = _cli("clean", page)
    assert r.returncode == 1
    assert "iconv -f UTF-16LE -t UTF-8" in r.stderr.decode()


# 16. `cleannews report out/report.json --html out/report.json` (or `-o out/report.json`)
#     replaced the run's JSON report by the HTML page (or the text summary), exit 0: the
#     run's only record of its counts was lost. Refused, exit 2, the report untouched.

@pytest.mark.parametrize("flags", [["--html", "SAME"], ["-o", "SAME"], ["--html", "-o", "SAME"]])
def test_report_refuses_to_overwrite_the_report_it_reads(tmp_path: Path,
                                                          flags: list[str]) -> None:
    out = tmp_path / "run"
    assert main(["run", str(SEED_000), "--out", str(out), "-j", "1", "-q"]) == 0
    report = out / "report.json"
    before = report.read_bytes()
    assert main(["report", str(report), *[str(report) if f == "SAME" else f
                                          for f in flags]]) == 2
    assert report.read_bytes() == before


# 16b. An HTML page saved as UTF-16 with its mark and piped to `run -` or `clean -` was cleaned
#      as plain text, its markup kept: the HTML sniffer read the bytes as UTF-8.

def test_a_utf16_html_page_on_stdin_is_read_as_html(tmp_path: Path) -> None:
    page = ("<!DOCTYPE html><html><body><nav><a href='/'>Accueil</a></nav><article><p>"
            + SEED_TEXT.split("\n")[0] + "</p></article></body></html>")
    r = _cli("run", "-", "--out", "-", "-j", "1", "-q", "--no-spin",
             stdin=page.encode("utf-16"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    text = json.loads(r.stdout.decode())["cleannews"]["text"]
    assert text.startswith("Vsora veut imposer") and "<p>" not in text


def test_a_utf16_html_page_on_stdin_is_cleaned_as_html() -> None:
    page = ("<!DOCTYPE html><html><body><article><p>" + SEED_TEXT.split("\n")[0]
            + "</p></article></body></html>")
    r = _cli("clean", "-", "--no-spin", stdin=page.encode("utf-16"))
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout.decode().startswith("Vsora veut imposer")
    assert "<article>" not in r.stdout.decode()


# 17. `cleannews run export.json --out o` on a JSON *array* of articles (a common export) cleaned
#     the whole file as ONE text document, kept it (exit 0) and lost every record in it; a
#     JSONL file named `.json` (as many dumps are) met the same fate. JSONL named `.json` is
#     now read as records; a JSON array or pretty-printed object is refused before any work
#     (exit 2) with the `jq` command that converts it.

def _json_records(n: int = 3) -> list[dict]:
    return [{"id": f"j{i}", "text": SEED_TEXT} for i in range(n)]


def test_a_json_array_is_refused_with_a_conversion_command(tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    export.write_text(json.dumps(_json_records(), ensure_ascii=False, indent=1), "utf-8")
    out = tmp_path / "out"
    r = _cli("run", export, "--out", out, "-j", "1")
    assert r.returncode == 2
    assert "not JSONL" in r.stderr.decode() and "jq -c '.[]'" in r.stderr.decode()
    assert not out.exists()


def test_jsonl_named_json_is_read_as_records(tmp_path: Path) -> None:
    dump = tmp_path / "dump.json"
    dump.write_text("".join(json.dumps(x) + "\n" for x in _json_records()), "utf-8")
    out = tmp_path / "out"
    assert main(["run", str(dump), "--out", str(out), "-j", "1", "-q"]) == 0
    assert [r["id"] for r in read_jsonl(out / "clean.jsonl")] == ["j0", "j1", "j2"]


# 18. `cleannews run corpus --out .` (or `run page.txt --out .`) wrote each mirrored cleaned
#     text to `./corpus/a.txt`: the input file itself. Every input text was silently replaced
#     by its cleaned version (exit 0), and HTML pages got an `a.html.txt` beside them that the
#     next run read as a new document. Refused before any work, the inputs untouched.

@pytest.mark.parametrize("flag", ["--out", "--quarantine"])
@pytest.mark.parametrize("what", ["folder", "file"])
def test_mirrored_texts_never_land_on_the_inputs(tmp_path: Path, what: str, flag: str) -> None:
    (tmp_path / "corpus").mkdir()
    page = tmp_path / "corpus" / "a.txt"
    page.write_text(SEED_TEXT, "utf-8")
    name = "corpus" if what == "folder" else "corpus/a.txt"
    args = ["--out", "out", flag, "."] if flag == "--quarantine" else ["--out", "."]
    r = _cli("run", name, *args, "-j", "1", cwd=tmp_path)
    assert r.returncode == 2, r.stderr.decode()
    assert "would be written over the input itself" in r.stderr.decode()
    assert page.read_text("utf-8") == SEED_TEXT


def test_a_corpus_under_the_current_folder_still_runs_to_an_out_folder(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(SEED_TEXT, "utf-8")
    r = _cli("run", "corpus", "--out", "out", "-j", "1", "-q", cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    assert (tmp_path / "out" / "corpus" / "a.txt").read_text("utf-8").startswith("Vsora")


# 19. The check "an output that is an input file is refused" (audit8) looked only at files
#     named as inputs: `score corpus --out corpus/a.txt` emptied the input a.txt and wrote the
#     scores in it, and `run corpus --out o --report corpus/b.txt` read b.txt then replaced it
#     by the report (both exit 0). An output that is an existing text file of an input folder
#     is refused, exit 2; a JSONL sink of an earlier run in that folder is still resumable.

@pytest.mark.parametrize("command", [["score", "corpus", "--out", "corpus/a.txt"],
                                     ["run", "corpus", "--out", "o", "--report", "corpus/a.txt"]])
def test_an_output_that_is_a_file_of_an_input_folder_is_refused(
        tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "corpus").mkdir()
    for n in ("a.txt", "b.txt"):
        (tmp_path / "corpus" / n).write_text(SEED_TEXT, "utf-8")
    r = _cli(*command, "-j", "1", cwd=tmp_path)
    assert r.returncode == 2, r.stderr.decode()
    assert "a file of this input folder" in r.stderr.decode()
    assert (tmp_path / "corpus" / "a.txt").read_text("utf-8") == SEED_TEXT


def test_a_jsonl_output_inside_an_input_folder_can_still_be_forced(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(SEED_TEXT, "utf-8")
    args = ["run", "corpus", "--out", "corpus/all.jsonl", "-j", "1", "-q"]
    assert _cli(*args, cwd=tmp_path).returncode == 0
    assert _cli(*args, "--force", cwd=tmp_path).returncode == 0
    assert [r["id"] for r in read_jsonl(tmp_path / "corpus" / "all.jsonl")] == ["corpus/a.txt"]


def test_clean_warns_about_a_json_file_of_records(tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    export.write_text(json.dumps(_json_records(), ensure_ascii=False, indent=1), "utf-8")
    r = _cli("clean", export, "--no-spin")
    assert r.returncode == 0
    assert f"{export}: a JSONL file is cleaned as one text document" in r.stderr.decode()


# 20. A folder walk kept the name of every file it skipped (images, PDFs of a crawl) in a list,
#     only to print their count and one example: memory grew with the number of skipped files
#     across the whole tree (the batch promises constant memory). Now a count and one name.

def test_walking_a_tree_of_skipped_files_keeps_no_list_of_their_names(tmp_path: Path) -> None:
    import tracemalloc

    from cleannews.batch.sources import walk_folder

    for d in range(200):
        folder = tmp_path / "crawl" / f"{d:03d}"
        folder.mkdir(parents=True)
        for i in range(100):
            (folder / f"image-{i:03d}-with-a-long-name-as-crawlers-write-them.png").touch()
    (tmp_path / "crawl" / "a.txt").write_text(SEED_TEXT, "utf-8")
    tracemalloc.start()
    try:
        found = list(walk_folder(str(tmp_path / "crawl")))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert found == [str(tmp_path / "crawl" / "a.txt")]
    assert peak < 1_000_000, peak  # 20,000 names kept were 3.7 MB


# 21. `card_zone` (strip) listed every line between each pair of recurring short removed lines,
#     for every recurring text: quadratic on a long page of many recurring short lines (a
#     2 MB text of 160,000 short lines took 81 s in `cleannews clean --no-spin`, 80,000 took
#     22 s; a 16 MB record would hold a `run` worker for hours). Counted, not timed: the line
#     lookups of one call grow linearly now (4x the lines: about 4x the lookups, was 16x).

class _CountingLines(list):
    """A page's lines that count how often a line is looked up by position."""

    lookups = 0

    def __getitem__(self, i):  # type: ignore[override]
        _CountingLines.lookups += 1
        return super().__getitem__(i)


def _card_lookups(n: int) -> int:
    from cleannews.strip._zones import card_zone
    from cleannews.strip.detectors import _Line

    def name(k: int) -> str:  # letters, not figures: the separator key ignores figures
        return "".join(chr(ord("a") + int(d)) for d in str(k))

    lines = _CountingLines(_Line(f"Rubrique {name(j % (n // 10))}", frozenset())
                           for j in range(n))
    for ln in lines:
        ln.bad("tag_cloud", "generated")
    _CountingLines.lookups = 0
    card_zone(lines)
    return _CountingLines.lookups


def test_card_zone_is_linear_in_a_page_of_recurring_short_lines() -> None:
    small, large = _card_lookups(2_000), _card_lookups(8_000)
    assert large < 6 * small, (small, large)

"""Round-17 user audit (branch audit17): each test fails on the code before it (211bb23)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

import cleannews
from _helpers import read_jsonl, run_cli
from cleannews.cli import main

TEXT = "Le maire de Paris a parlé hier soir devant le conseil municipal. Il a annoncé un plan."


# 1. A file that starts with a UTF-16 byte-order mark but is cut short (an odd number of
#    bytes, or half a surrogate pair at the end) failed the strict UTF-16 decode and was read
#    as Windows-1252 whole: refused as "UTF-16 saved without a byte-order mark" (it has one),
#    as binary data (Cyrillic, CJK), or -- when short -- cleaned into "ÿþL" garbage. It is
#    decoded as UTF-16 now, the bytes of the cut character dropped with a change that says
#    so, and `clean` / `explain` warn that bytes were lost.

@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [TEXT, "Мэр Парижа выступил вчера вечером перед советом.",
                                  "巴黎市长昨晚在市议会发表讲话。", "Le maire"])
def test_utf16_with_its_mark_cut_short_is_utf16(codec, text):
    data = ("\ufeff" + text).encode(codec) + b"A"
    doc = cleannews.clean(data)
    assert doc.text == text
    rules = [c.rule for c in doc.changes if c.stage == "decode"]
    assert rules == ["decode_utf16", "drop_truncated_utf16"]
    (cut,) = [c for c in doc.changes if c.rule == "drop_truncated_utf16"]
    assert cut.before == "41" and "cut short" in cut.reason


def test_utf16_cut_in_the_middle_of_a_surrogate_pair():
    data = "\ufeffLe maire a ri 😀".encode("utf-16-le")[:-2]
    doc = cleannews.repair(data)
    assert doc.text == "Le maire a ri "
    assert [c.before for c in doc.changes if c.rule == "drop_truncated_utf16"] == ["3d d8"]


def test_damaged_utf16_reads_the_bad_unit_as_fffd_and_random_bytes_after_a_mark_are_refused():
    raw = ("\ufeff" + TEXT + " " + TEXT).encode("utf-16-le")
    damaged = raw[:20] + b"\x00\xd8" + raw[22:]  # one lone surrogate among 176 units
    doc = cleannews.repair(damaged)
    assert "\ufffd" in doc.text and "ÿþ" not in doc.text
    assert "replace_invalid_utf16" in {c.rule for c in doc.changes}
    noise = b"\xff\xfe" + bytes((i * 7919 + 13) % 256 for i in range(400))
    with pytest.raises(cleannews.InputError, match="byte-order mark of UTF-16-LE but is not"):
        cleannews.clean(noise)


def test_clean_explain_and_run_read_a_cut_utf16_file(tmp_path, capsys):
    page = tmp_path / "odd.txt"
    page.write_bytes(("\ufeff" + TEXT + "\n").encode("utf-16-le") + b"A")
    assert main(["clean", str(page)]) == 0
    out, err = capsys.readouterr()
    assert out == TEXT + "\n"
    assert "odd.txt: input ends in the middle of a UTF-16-LE character (bytes 41" in err
    assert "without a byte-order mark" not in err
    assert main(["explain", str(page)]) == 0
    out, err = capsys.readouterr()
    assert "[decode:drop_truncated_utf16]" in out and "cut short" in err
    assert main(["run", str(page), "--out", str(tmp_path / "o"), "-j", "1", "-q"]) == 0
    (rec,) = read_jsonl(tmp_path / "o" / "clean.jsonl")
    assert rec["cleannews"]["text"] == TEXT + "\n"


# 2. A folder given to `run` or `clean` with files of other extensions said "4 file(s)
#    skipped, not .txt / .html / .jsonl(.gz) (e.g. corp/README); compressed text must be
#    decompressed first": one name, no word of how to read a skipped file, the decompression
#    hint whether or not any file was compressed, and `.jsonl` named as read by `clean`
#    (which skips JSONL). The warning now counts the skipped files by extension with their
#    first names, says what a folder is read for, and how to read the others; -v names each.

def _notes_folder(tmp_path):
    corp = tmp_path / "corp"
    (corp / "sub").mkdir(parents=True)
    (corp / "a.txt").write_text(TEXT + "\n", "utf-8")
    (corp / "notes.md").write_text("# Notes\n", "utf-8")
    (corp / "sub" / "b.md").write_text("# Plus\n", "utf-8")
    (corp / "sub" / "c.md").write_text("# Encore\n", "utf-8")
    (corp / "README").write_text("Lisez-moi\n", "utf-8")
    (corp / ".hidden.md").write_text("caché\n", "utf-8")
    return corp


def test_the_skipped_files_warning_names_them_and_says_how_to_read_them(tmp_path, capsys):
    corp = _notes_folder(tmp_path)
    assert main(["run", str(corp), "--out", str(tmp_path / "o"), "-j", "1",
                 "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert (f"{corp}: 4 file(s) skipped: 3 .md ({corp}/notes.md, {corp}/sub/b.md, …), 1 with "
            f"no extension ({corp}/README); a folder is read for its .txt, .html, .htm, .xhtml, "
            ".jsonl and .ndjson (.gz) files only; to read another file, name it as an INPUT"
            ) in err
    assert "decompress" not in err and ".hidden" not in err
    assert main(["clean", "-v", str(corp)]) == 0
    err = capsys.readouterr().err
    assert "read for its .txt, .html, .htm and .xhtml (.gz) files only" in err
    assert f"{corp}/sub/c.md: skipped (a .md file is not read in a folder; name it as an INPUT" \
        in err
    # the way out works: a skipped file named as an INPUT is read
    assert main(["clean", str(corp / "notes.md")]) == 0
    assert capsys.readouterr().out == "# Notes\n"


def test_the_skipped_files_warning_says_to_decompress_only_compressed_files(tmp_path, capsys):
    import bz2

    corp = tmp_path / "corp"
    corp.mkdir()
    (corp / "a.txt.bz2").write_bytes(bz2.compress(TEXT.encode()))  # (a .txt.gz is read: audit20)
    (corp / "b.txt").write_text(TEXT, "utf-8")
    assert main(["clean", str(corp)]) == 0
    err = capsys.readouterr().err
    assert "1 .txt.bz2 (" in err and "decompress .txt.bz2 files first" in err
    assert "name it as an INPUT" not in err


# 3. A run to standard output that had one error (or quarantined one document) left
#    ./cleannews-errors/errors.jsonl, and the next `run … --out -` in that folder exited 2
#    ("already hold(s) records of another cleannews run: … or add --force to overwrite
#    them"): the advice destroyed the records. The next run now keeps them under a dated
#    name beside its own and goes on, saying so; a folder named with --errors, and a file
#    that is not a cleannews output, are still refused.

RECORDS = (json.dumps({"id": "a", "text": TEXT}) + "\n"
           + json.dumps({"id": "b", "text": ""}) + "\n").encode()


def test_a_filter_run_after_one_that_had_errors_keeps_them_and_runs(tmp_path):
    first = run_cli("run", "-", "--out", "-", "-j", "1", "--no-spin", stdin=RECORDS,
                    cwd=tmp_path)
    assert first.returncode == 1, first.stderr.decode()
    errors = tmp_path / "cleannews-errors" / "errors.jsonl"
    before = errors.read_bytes()
    os.utime(errors, (1_700_000_000, 1_700_000_000))
    again = run_cli("run", "-", "--out", "-", "-j", "1", "--no-spin", stdin=RECORDS,
                    cwd=tmp_path)
    assert again.returncode == 1, again.stderr.decode()  # it was 2: "already hold(s) records"
    assert [json.loads(x)["id"] for x in again.stdout.splitlines()] == ["a"]
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(1_700_000_000))
    kept = errors.with_name(f"errors.{stamp}.jsonl")
    assert kept.read_bytes() == before  # nothing lost
    assert [r["id"] for r in read_jsonl(errors)] == ["b"]  # this run's own errors
    assert (f"cleannews-errors/errors.jsonl held the records of an earlier run: kept as "
            f"cleannews-errors/errors.{stamp}.jsonl").encode() in again.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cleannews-errors"]


def test_a_named_errors_folder_or_a_foreign_file_is_still_refused(tmp_path):
    named = tmp_path / "errs"
    for argv in (("--errors", "errs"), ()):
        folder = named if argv else tmp_path / "cleannews-errors"
        folder.mkdir()
        own = b'{"id": "x", "cleannews": {}}\n' if argv else b'{"url": "https://ex.fr"}\n'
        (folder / "errors.jsonl").write_bytes(own)
        proc = run_cli("run", "-", "--out", "-", "-j", "1", "--no-spin", *argv,
                       stdin=RECORDS, cwd=tmp_path)
        assert proc.returncode == 2, proc.stderr.decode()
        assert (folder / "errors.jsonl").read_bytes() == own
        assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == [
            "errors.jsonl"]


# 4. Running `cleannews run seeds --out out` again on a finished run said "out already holds
#    cleannews output: add --resume to continue that run or --force to overwrite it": the
#    run had ended, and --resume did nothing. The message tells a finished run from an
#    unfinished one now.

def test_a_second_run_on_a_finished_output_does_not_advise_resume(tmp_path, capsys):
    page = tmp_path / "a.txt"
    page.write_text(TEXT + "\n", "utf-8")
    out = tmp_path / "o"
    argv = ["run", str(page), "--out", str(out), "-j", "1", "--no-progress", "-q"]
    assert main(argv) == 0
    capsys.readouterr()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert (f"{out} already holds the output of a finished cleannews run (1 document): add "
            "--force to overwrite it, or give another --out") in err
    assert "--resume" not in err
    state_file = out / ".cleannews-run.json"
    state = json.loads(state_file.read_text("utf-8"))
    state.update(finished=False, done=0)
    state_file.write_text(json.dumps(state), "utf-8")
    assert main(argv) == 2
    assert ("already holds the output of an unfinished cleannews run (0 documents committed): "
            "add --resume to continue that run") in capsys.readouterr().err


# 5. `--resume` of a finished run printed "5 documents in: … 4.9 s with 2 jobs: 0.0 docs/s":
#    the throughput is that of the resumed part (docs/batch.md), which the line did not say.

def test_the_summary_of_a_resumed_run_says_its_rate_is_the_last_parts(tmp_path, capsys):
    page = tmp_path / "a.txt"
    page.write_text(TEXT + "\n", "utf-8")
    argv = ["run", str(page), "--out", str(tmp_path / "o"), "-j", "1", "--no-progress"]
    assert main(argv) == 0
    assert "this part of a resumed run" not in capsys.readouterr().err
    assert main([*argv, "--resume"]) == 0
    err = capsys.readouterr().err
    assert "1 document in: 1 out" in err
    assert "(this part of a resumed run: 0 documents; " in err


# 3b. `run … --out - --find-copies --drop-duplicates` left ./cleannews-duplicates/ (empty when
#     no copy went there), and once it held records every later such run exited 2. (And,
#     for the move of 3. itself: nothing is moved aside when one sink still refuses the run.)

SEED = (Path(__file__).resolve().parents[1] / "seeds" / "000_51a21282db567c1f.txt").read_text(
    "utf-8")
DUPS = b"".join(json.dumps({"id": f"d{i}", "text": SEED}).encode() + b"\n" for i in range(3))


def test_the_duplicates_sink_of_a_filter_run_is_dropped_when_empty_and_kept_aside(tmp_path):
    pytest.importorskip("numpy")
    argv = ("run", "in.jsonl", "--out", "-", "--find-copies", "--drop-duplicates", "-j", "1",
            "--no-progress")
    (tmp_path / "in.jsonl").write_bytes(DUPS[: DUPS.index(b"\n") + 1])
    one = run_cli(*argv, cwd=tmp_path)
    assert one.returncode == 0, one.stderr.decode()
    assert [p.name for p in tmp_path.iterdir()] == ["in.jsonl"]  # no empty sink folder left
    (tmp_path / "in.jsonl").write_bytes(DUPS)
    first = run_cli(*argv, cwd=tmp_path)
    assert first.returncode == 0, first.stderr.decode()
    dups = tmp_path / "cleannews-duplicates" / "duplicates.jsonl"
    assert [r["id"] for r in read_jsonl(dups)] == ["d1", "d2"]
    again = run_cli(*argv, cwd=tmp_path)
    assert again.returncode == 0, again.stderr.decode()  # it was 2
    assert len(list(dups.parent.glob("duplicates.*.jsonl"))) == 1


def test_nothing_is_moved_aside_when_a_named_sink_still_refuses_the_run(tmp_path):
    first = run_cli("run", "-", "--out", "-", "-j", "1", "--no-spin", stdin=RECORDS,
                    cwd=tmp_path)
    assert first.returncode == 1
    (tmp_path / "q").mkdir()
    (tmp_path / "q" / "quarantine.jsonl").write_bytes(b'{"id": "x", "cleannews": {}}\n')
    proc = run_cli("run", "-", "--out", "-", "-j", "1", "--no-spin", "--quarantine", "q",
                   stdin=RECORDS, cwd=tmp_path)
    assert proc.returncode == 2
    assert [p.name for p in (tmp_path / "cleannews-errors").iterdir()
            if not p.name.startswith(".")] == ["errors.jsonl"]


# 6. A UTF-16 JSONL file cut short after its last line (an odd number of bytes) gave a
#    phantom last record: a `utf8` error "line is not valid UTF-8 (byte 0): invalid
#    continuation byte" whose raw bytes (ED B3 BF) were not the file's (41). The cut
#    character is dropped with a warning naming the file and its bytes, as for a text file.

def test_a_utf16_jsonl_file_cut_after_its_last_line_has_no_phantom_record(tmp_path, capsys):
    lines = "".join(json.dumps({"id": f"u{i}", "text": TEXT}) + "\n" for i in range(2))
    data = tmp_path / "in.jsonl"
    data.write_bytes(lines.encode("utf-16") + b"A")
    out = tmp_path / "o"
    assert main(["run", str(data), "--out", str(out), "-j", "1", "--no-progress"]) == 0
    assert [r["id"] for r in read_jsonl(out / "clean.jsonl")] == ["u0", "u1"]
    assert read_jsonl(out / "errors" / "errors.jsonl") == []
    assert (f"{data}: the input ends in the middle of a UTF-16-LE character (bytes 41: it was "
            "cut short): removed") in capsys.readouterr().err


# 7. JSONL records in a file named without a known extension (`dump`, `crawl.out`, a gzip
#    dump saved as `part-0`) were read by `run` and `score` as ONE text document: every
#    record merged into one, ids lost, exit 0, no word. Such a file is sniffed as standard
#    input is; a `.txt` file of records stays one text, with a warning; `clean` warns.

def _records(n=3):
    return "".join(json.dumps({"id": f"r{i}", "text": f"{TEXT} ({i})"}) + "\n"
                   for i in range(n)).encode()


@pytest.mark.parametrize("name, gz", [("dump", False), ("crawl.out", False), ("part-0", True)])
def test_run_reads_jsonl_records_in_a_file_of_another_name(tmp_path, name, gz):
    import gzip

    data = tmp_path / name
    data.write_bytes(gzip.compress(_records()) if gz else _records())
    out = tmp_path / "o"
    assert main(["run", str(data), "--out", str(out), "-j", "1", "-q"]) == 0
    recs = read_jsonl(out / "clean.jsonl")
    assert [(r["id"], r["cleannews"]["source"]["line"]) for r in recs] == [
        ("r0", 1), ("r1", 2), ("r2", 3)]


@pytest.mark.parametrize("name", ["dump", "a.json.gz"])
def test_a_damaged_gzip_is_an_error_record_not_a_crash(tmp_path, name):
    # review of round 17: the sniff of a `.json.gz` (json_kind) did not catch zlib.error as
    # its new twin (sniffed_jsonl) did; `run a.json.gz` on damaged gzip data died with a
    # traceback. Both read the file's head through one function now.
    import gzip

    packed = gzip.compress(_records() * 20)
    damaged = packed[:20] + bytes(b ^ 0x55 for b in packed[20:60]) + packed[60:]
    data = tmp_path / name
    data.write_bytes(damaged)
    out = tmp_path / "o"
    assert main(["run", str(data), "--out", str(out), "-j", "1", "-q"]) == 1
    errors = read_jsonl(out / "errors" / "errors.jsonl")
    assert [e["id"] for e in errors] == [str(data)]


def test_a_txt_file_of_records_stays_one_text_with_a_warning(tmp_path, capsys):
    data = tmp_path / "dump.txt"
    data.write_bytes(_records())
    assert main(["run", str(data), "--out", str(tmp_path / "o"), "-j", "1",
                 "--no-progress"]) == 0
    assert len(read_jsonl(tmp_path / "o" / "clean.jsonl")) == 1
    assert "dump.txt: looks like JSONL records, read as one text document" in \
        capsys.readouterr().err
    plain = tmp_path / "notes"
    plain.write_text("{Exclusif} Le maire a parlé.\nSuite.\n", "utf-8")
    assert main(["run", str(plain), "--out", str(tmp_path / "o2"), "-j", "1", "-q"]) == 0
    assert len(read_jsonl(tmp_path / "o2" / "clean.jsonl")) == 1  # text with a brace: text
    dump = tmp_path / "dump"
    dump.write_bytes(_records())
    assert main(["clean", str(dump)]) == 0
    assert "dump: a JSONL file is cleaned as one text document: use 'cleannews run" in \
        capsys.readouterr().err

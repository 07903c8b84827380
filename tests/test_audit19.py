"""Nineteenth round, audit19: a user-facing audit of the command line and the library API.

Each test fails on the code before this branch (the numbers are the brief's):

1. ``cleannews score /dev/zero`` (and ``run``, and any endless input: ``yes | …``) read for
   ever; ``clean`` stopped after 256 KiB. Every command now reads a text or HTML input
   through one helper, ``batch.sources.read_document``.
2. ``CleanConfig(bogus=1)`` (and ``BatchOptions``, ``RunSettings``) raised the dataclass's
   bare ``TypeError``; now an ``UnknownOptionError`` naming the option and the close names.
3. ``cleannews clean`` / ``explain`` had no size limit: they take ``--max-record-mb`` (the
   limit of ``run`` / ``score``, same default, same message).
4. ``clean t.txt.gz`` (and ``run`` / ``score``) refused gzip text as binary, though
   ``cat t.txt.gz | cleannews score -`` read it: gzip is read by every reader; bzip2 / xz /
   zstd are refused with the command that reads them.
5. ``score --resume`` said only "unrecognized arguments".
6. ``cli/run.py`` kept its own ``REPORT_NAME``.
7. ``run --out /proc/x`` failed on its lock file with "No such file or directory".
8. ``_triggers._group_end`` had a class walk of its own; ``ContextTerm._gains_list`` was a
   test-only adapter inside the package.
"""

from __future__ import annotations

import bz2
import dataclasses
import gzip
import io
import json
import os
import sys
from pathlib import Path

import pytest

from _helpers import ROOT, read_jsonl, rule_index_snapshot, run_cli
from cleannews.cli import main

SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]
SEED_TEXT = SEED.read_text("utf-8")
MB = 1024 * 1024


class Endless(io.RawIOBase):
    """An endless stream of ``unit`` (``/dev/zero``, ``yes``) that fails the test once more
    than ``budget`` bytes were read from it (the old readers read for ever)."""

    def __init__(self, unit: bytes, budget: int) -> None:
        self.unit, self.budget, self.read_bytes = unit, budget, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:  # type: ignore[override]
        n = len(buf)
        self.read_bytes += n
        assert self.read_bytes <= self.budget, f"read {self.read_bytes} bytes of an endless input"
        block = (self.unit * (n // len(self.unit) + 1))[:n]
        buf[:n] = block
        return n


# --- 1. endless and binary inputs: one reader for every command -----------------------------


def test_an_endless_binary_stream_is_refused_after_its_first_bytes_by_run_and_score() -> None:
    from cleannews.batch.sources import HEAD_BYTES, iter_items

    zeros = Endless(b"\0", 8 * MB)
    (item,) = list(iter_items(["-"], stdin=io.BufferedReader(zeros)))
    assert len(item.payload) == HEAD_BYTES and not item.truncated
    assert zeros.read_bytes <= 4 * MB
    from cleannews.batch.process import BatchOptions, process_item

    result = process_item(item, BatchOptions(mode="score"))
    assert result.error_type == "binary"


def test_score_dev_zero_ends_with_the_message_clean_gives() -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    score = run_cli("score", "/dev/zero", "-j", "1", "-q", timeout=120)
    assert score.returncode == 1, score.stderr
    (line,) = [json.loads(x) for x in score.stdout.splitlines()]
    clean = run_cli("clean", "/dev/zero", timeout=120)
    assert clean.returncode == 1
    assert line["id"] == "/dev/zero" and line["error"]["type"] == "binary"
    assert line["error"]["message"] in clean.stderr.decode()


def test_an_endless_text_stream_is_too_large_for_clean(monkeypatch, capsys) -> None:
    from cleannews.batch import sources

    monkeypatch.setattr(sources, "COUNT_MAX_BYTES", 4 * MB)
    text = Endless(b"y\n", 16 * MB)
    monkeypatch.setattr(sources, "sys_stdin", lambda: io.BufferedReader(text))
    assert main(["clean", "-", "--max-record-mb", "1"]) == 1
    err = capsys.readouterr().err
    assert "-: input is more than " in err and "above the limit of 1048576 bytes" in err
    assert text.read_bytes <= 8 * MB


# --- 3. clean / explain: the size limit of run / score -------------------------------------


def test_clean_and_explain_refuse_a_file_above_max_record_mb_as_run_does(tmp_path, capsys):
    big = tmp_path / "big.txt"
    big.write_text(" ".join([SEED_TEXT.replace("\n", " ")] * 500) + "\n", "utf-8")
    size = big.stat().st_size
    assert size > MB
    out = tmp_path / "out"
    assert main(["run", str(big), "--out", str(out), "--max-record-mb", "1", "-j", "1",
                 "-q"]) == 1
    (err,) = read_jsonl(out / "errors" / "errors.jsonl")
    assert err["error"]["type"] == "too_large"
    for command in ("clean", "explain"):
        assert main([command, str(big), str(SEED), "--max-record-mb", "1"]) == 1
        got = capsys.readouterr()
        assert f"{big}: {err['error']['message']}" in got.err
        assert f"file is {size} bytes" in got.err
        assert "Vsora" in got.out  # the other input is still cleaned


def test_the_size_limit_has_one_default_and_one_check() -> None:
    from cleannews.batch.limits import MAX_RECORD_MB
    from cleannews.batch.process import DEFAULT_MAX_RECORD_BYTES
    from cleannews.cli import build_parser

    parser = build_parser()
    for command in ("clean", "explain", "run", "score"):
        args = parser.parse_args([command, "x", *(["--out", "o"] if command == "run" else [])])
        assert args.max_record_mb == MAX_RECORD_MB, command
    assert DEFAULT_MAX_RECORD_BYTES == int(MAX_RECORD_MB * MB)
    proc = run_cli("clean", "--max-record-mb", "0", SEED)
    assert proc.returncode == 2 and b"--max-record-mb: must be above 0" in proc.stderr


# --- 4. compressed inputs ----------------------------------------------------------------


def test_gzip_text_is_read_by_clean_run_and_score(tmp_path, capsys) -> None:
    packed = tmp_path / "t.txt.gz"
    packed.write_bytes(gzip.compress(SEED_TEXT.encode("utf-8")))
    assert main(["clean", str(SEED)]) == 0
    plain = capsys.readouterr().out
    assert main(["clean", str(packed)]) == 0
    assert capsys.readouterr().out == plain
    assert main(["score", str(packed), str(SEED), "-j", "1", "-q"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["id"] for x in lines] == [packed.as_posix(), SEED.as_posix()]
    assert lines[0]["score"] == lines[1]["score"] and "error" not in lines[0]


def test_gzip_html_named_html_gz_is_read_as_html(tmp_path, capsys) -> None:
    page = ("<!doctype html><html><head><title>t</title></head><body><nav><a href='/'>Accueil"
            "</a></nav><article><p>" + SEED_TEXT.split("\n")[2] + "</p></article></body></html>")
    (tmp_path / "page.html").write_text(page, "utf-8")
    packed = tmp_path / "page.html.gz"
    packed.write_bytes(gzip.compress(page.encode("utf-8")))
    texts = []
    for name in ("page.html", "page.html.gz"):
        out = tmp_path / f"out-{name}"
        assert main(["run", str(tmp_path / name), "--out", str(out), "-j", "1", "-q"]) == 0
        (rec,) = read_jsonl(out / "clean.jsonl")
        texts.append(rec["cleannews"]["text"])
    assert texts[0] == texts[1] and "<p>" not in texts[1] and "doctype" not in texts[1]


def test_bzip2_text_is_refused_with_the_command_that_reads_it(tmp_path, capsys) -> None:
    packed = tmp_path / "t.txt.bz2"
    packed.write_bytes(bz2.compress(SEED_TEXT.encode("utf-8")))
    assert main(["clean", str(packed)]) == 1
    err = capsys.readouterr().err
    assert f"bzip2-compressed data (decompress it first), not text; e.g. bzcat {packed} | " \
           "cleannews clean -" in err


def test_a_broken_gzip_file_is_an_error_naming_it_and_the_others_go_on(tmp_path, capsys):
    cut = tmp_path / "cut.txt.gz"
    cut.write_bytes(gzip.compress(SEED_TEXT.encode("utf-8"))[:600])
    assert main(["score", str(cut), str(SEED), "-j", "1", "-q"]) == 1
    first, second = (json.loads(x) for x in capsys.readouterr().out.splitlines())
    assert first["id"] == cut.as_posix() and first["error"]["type"] == "read"
    assert "could not decompress the gzip data" in first["error"]["message"]
    assert second["id"] == SEED.as_posix() and "error" not in second


# --- 2. unknown keyword arguments of the public options objects ----------------------------


def test_unknown_options_name_the_option_and_the_close_names() -> None:
    from cleannews import CleanConfig, ConfigError
    from cleannews.batch import BatchOptions, RunSettings
    from cleannews.batch.sinks import SinkPaths

    with pytest.raises(ConfigError, match=r"unknown CleanConfig option 'fast_pth' \(did you "
                       r"mean fast_path\?\)"):
        CleanConfig(fast_pth=False)
    with pytest.raises(TypeError, match="unknown CleanConfig option 'bogus'; options: "
                       "fix_encoding, unescape_html"):  # still a TypeError, as before
        CleanConfig(bogus=1)
    with pytest.raises(ConfigError, match="did you mean max_record_bytes"):
        BatchOptions(max_record_mb=4)
    paths = SinkPaths(None, None, None, None)
    with pytest.raises(ConfigError, match=r"unknown RunSettings option 'job' \(did you mean "
                       r"jobs\?\)"):
        RunSettings(inputs=["-"], paths=paths, job=2)
    # the right names still work, positionally too, and dataclasses.replace goes through
    assert CleanConfig(False).fix_encoding is False
    assert dataclasses.replace(BatchOptions(), mode="score").mode == "score"
    assert RunSettings(["-"], paths, jobs=2).jobs == 2


# --- 5. score keeps no run state: said when --resume is given ----------------------------


def test_score_resume_says_score_keeps_no_run_state(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["score", str(SEED), "--out", "x.jsonl", "--resume"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "--resume: score keeps no run state" in err and "cleannews run" in err


# --- 6. one REPORT_NAME --------------------------------------------------------------------


def test_report_name_has_one_source() -> None:
    from cleannews.batch import limits, runner
    from cleannews.cli import run

    assert run.REPORT_NAME is limits.REPORT_NAME is runner.REPORT_NAME
    for module in (run, runner):
        assert "REPORT_NAME = " not in Path(module.__file__).read_text("utf-8"), module


# --- 7. an output that cannot be written: one line, exit 2, nothing done -----------------


@pytest.mark.skipif(not os.path.isdir("/proc") or sys.platform != "linux", reason="Linux /proc")
@pytest.mark.parametrize("flags", [["--out", "/proc/x"], ["--out", "/proc/x.jsonl"],
                                   ["--out", "OUT", "--errors", "/proc/e"]])
def test_run_to_an_unwritable_place_says_so_and_exits_2(tmp_path, capsys, flags) -> None:
    flags = [str(tmp_path / "o") if f == "OUT" else f for f in flags]
    assert main(["run", str(SEED), *flags, "-j", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert "cannot write the output /proc/" in err and "cannot create a file in /proc" in err
    assert ".cleannews.lock" not in err and not (tmp_path / "o").exists()


def test_score_to_an_unwritable_place_says_so_and_exits_2(capsys) -> None:
    if not os.path.isdir("/proc"):
        pytest.skip("no /proc")
    assert main(["score", str(SEED), "--out", "/proc/x", "-j", "1"]) == 2
    err = capsys.readouterr().err
    assert "cannot write the output /proc/x: cannot create a file in /proc" in err
    assert "incomplete" not in err  # nothing was written


# --- 8. code twins -------------------------------------------------------------------------


def _class_blind_group_end(p: str, start: int) -> int:
    """``_triggers._group_end`` before audit19: a class ended at the first ``]`` after its
    first member (an escaped ``\\]`` or a nested ``[`` not read)."""
    import re

    stops = re.compile(r"[\\\[()]")
    depth, i = 0, start
    while True:
        m = stops.search(p, i)
        if m is None:
            return -1
        i = m.start()
        ch = p[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            j = p.find("]", i + 2)
            if j < 0:
                return -1
            i = j + 1
            continue
        if ch == "(":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return i
        i += 1


def _rule_data_strings() -> list[str]:
    out: list[str] = []

    def walk(x) -> None:
        if isinstance(x, str):
            out.append(x)
        elif isinstance(x, dict):
            for k, v in x.items():
                walk(k)
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    for path in sorted((ROOT / "src/cleannews/strip/data").glob("*.json")):
        walk(json.loads(path.read_text("utf-8")))
    return out


def _group_starts(p: str) -> list[int]:
    """Where a group opens in ``p``: a ``(`` neither escaped nor inside a class."""
    from cleannews.strip._triggers import _class_end

    starts, i = [], 0
    while i < len(p):
        if p[i] == "\\":
            i += 2
        elif p[i] == "[":
            i = _class_end(p, i)
            if i < 0:
                break
        else:
            if p[i] == "(":
                starts.append(i)
            i += 1
    return starts


def test_group_end_is_paren_end_and_answers_as_before_on_every_group_of_the_rule_data():
    from cleannews.strip import _triggers as t

    assert t._group_end(r"(a[\])]b)c", 0) == 8  # the class-blind walk ended it at 5
    assert _class_blind_group_end(r"(a[\])]b)c", 0) == 5
    strings = _rule_data_strings()
    groups = 0
    for p in strings:
        for i in _group_starts(p):
            groups += 1
            assert t._group_end(p, i) == _class_blind_group_end(p, i), (p, i)
            assert t._group_end(p, i) == max(t._paren_end(p, i) - 1, -1), (p, i)
    assert len(strings) > 10_000 and groups > 4_000


def test_the_rule_index_is_the_same_with_the_class_blind_group_walk(monkeypatch) -> None:
    """Every rule's literal analysis (triggers, gates, match starts: what ``_group_end``
    serves) is the same built with the former walk."""
    from cleannews.strip import _rules
    from cleannews.strip import _triggers as t

    assert t._group_end(r"(a[\])]b)c", 0) != _class_blind_group_end(r"(a[\])]b)c", 0)

    new = rule_index_snapshot()
    monkeypatch.setattr(t, "_group_end", _class_blind_group_end)
    old = rule_index_snapshot()
    _rules.required_any.cache_clear()
    assert new == old


def test_the_package_holds_no_test_only_gains_adapter() -> None:
    from cleannews.score._context import ContextTerm

    assert not hasattr(ContextTerm, "_gains_list")

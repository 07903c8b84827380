"""A demanding user's audit of the library, CLI, batch and datatrove layers (branch audit10).

Each test pins a defect found by using the documented API and commands on real inputs
(the seeds saved with Windows line breaks, a locale code given to ``--languages``, a
config given as a dict, a huge ``-j``); each failed before its fix.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest

import cleannews
from _helpers import cli_env, read_jsonl, run_cli
from cleannews.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_000 = SEEDS / "000_51a21282db567c1f.txt"
SEED_002 = SEEDS / "002_cc9eb378494e53c6.txt"
SEED_TEXT = SEED_000.read_text("utf-8")


#: ``python -m cleannews`` on this checkout's sources, with this file's 2-minute guard.
_cli = partial(run_cli, timeout=120)


# 1. Text with Windows line breaks (a seed saved by Notepad): every strip change's span drifted
#    by one character per blank line before it, so `explain` and the `changes` of a run
#    pointed at the wrong text (the share bar "Partager:" at "l tenu ? L’a", 37 characters
#    off). The layout pass copied a blank "\r\n" line as two characters of output for one.

def _windows(text: str) -> str:
    return text.replace("\n", "\r\n")


def test_spans_point_at_their_text_in_windows_line_break_input() -> None:
    checked = 0
    for seed in sorted(SEEDS.glob("*.txt")):
        source = _windows(seed.read_text("utf-8"))
        for c in cleannews.clean(source).changes:
            if c.stage == "strip":
                checked += 1
                got = source[c.span[0]:c.span[1]].replace("\r\n", "\n")
                assert got == c.before, (seed.name, c.rule, c.span)
    assert checked >= 20


def test_windows_line_breaks_change_the_cleaned_text_only_by_their_breaks() -> None:
    unix = cleannews.clean(SEED_002.read_text("utf-8"))
    windows = cleannews.clean(_windows(SEED_002.read_text("utf-8")))
    assert windows.text == unix.text
    assert [(c.rule, c.before) for c in windows.changes if c.stage == "strip"] == [
        (c.rule, c.before) for c in unix.changes if c.stage == "strip"]


# 2. `cleannews explain` on the same Windows file marked every line '~' (changed): the one
#    `normalize_line_breaks` change spans lines 1-101, and whole removed lines were shown as
#    partial edits ('~ … (removed …)') because the "\r" left on each line was not part of the
#    line break. An old-Mac file ("\r" alone) was shown as one line, "\r" printed raw.

def test_explain_of_a_windows_file_is_the_explain_of_the_unix_file(tmp_path: Path) -> None:
    unix = _cli("explain", SEED_002, "--changes-only")
    path = tmp_path / "windows.txt"
    path.write_bytes(_windows(SEED_002.read_text("utf-8")).encode("utf-8"))
    windows = _cli("explain", path, "--changes-only")
    assert windows.returncode == unix.returncode == 0
    first, *rest = windows.stdout.decode().splitlines(keepends=True)
    assert first.startswith("  1 ~ ")
    assert rest[0].lstrip().startswith("[repair:normalize_line_breaks]")
    assert "".join(rest[1:]) == unix.stdout.decode()
    assert " 72 - Partager:\n" in unix.stdout.decode()


def test_explain_splits_old_mac_line_breaks_into_lines(tmp_path: Path) -> None:
    path = tmp_path / "mac.txt"
    path.write_bytes(SEED_002.read_text("utf-8").replace("\n", "\r").encode("utf-8"))
    r = _cli("explain", path, "--changes-only")
    out = r.stdout.decode()
    assert r.returncode == 0
    assert "\r" not in out
    assert "  3 - Accueil - Technologies et Avenirs" in out
    assert " 88 - 5M+\n" in out


# 3. `cleannews run seeds --out o -j 1000` started a thousand worker processes for five
#    documents (with the "fork" start method, ProcessPoolExecutor starts all of them at the
#    first chunk), each one a copy of the loaded pipeline: a fork bomb on a laptop. `--jobs`
#    is now capped at the CPUs the process may use, with a warning naming both numbers.

def test_jobs_above_the_cpu_count_are_capped_with_a_warning(tmp_path: Path) -> None:
    from cleannews.batch import available_cpus

    cpus = available_cpus()
    out = tmp_path / "out"
    r = _cli("run", SEED_000, SEED_002,
             "--out", out, "-j", str(cpus + 3))
    err = r.stderr.decode()
    assert r.returncode == 0, err
    assert f"--jobs {cpus + 3} is more than the {cpus} CPU(s)" in err
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["settings"]["jobs"] == cpus
    assert len(read_jsonl(out / "clean.jsonl")) == 2


# 4. `--languages fr-FR` (a locale, as most tools write it) or `accept_languages=("fr_CA",)`
#    was accepted and set EVERY French document aside as `other_language` ("language fr is
#    not among the accepted languages (fr-fr)"): a document's language never has a region.
#    The region is now dropped; `fra` (ISO 639-2, same outcome) is refused with `fr`.

def test_a_locale_in_accept_languages_keeps_the_documents_of_its_language() -> None:
    cfg = cleannews.CleanConfig(accept_languages=("fr-FR", "en_GB"))
    assert cfg.accept_languages == ("fr", "en")
    doc = cleannews.clean(SEED_TEXT, config=cfg)
    assert (doc.language, doc.verdict, doc.quarantined) == ("fr", "keep", False)


def test_languages_fr_fr_on_the_command_line_keeps_french(tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = _cli("run", SEED_000, "--out", out, "--languages", "fr-FR", "-j", "1")
    assert r.returncode == 0, r.stderr.decode()
    assert [x["id"] for x in read_jsonl(out / "clean.jsonl")] == [str(SEED_000)]
    assert read_jsonl(out / "quarantine" / "quarantine.jsonl") == []


def test_an_iso_639_2_code_is_refused_with_the_code_to_give() -> None:
    r = _cli("clean", SEED_000, "--languages", "fra")
    assert r.returncode == 2
    assert "fra is not a language code; give fr" in r.stderr.decode()
    assert r.stdout == b""
    with pytest.raises(cleannews.ConfigError, match="give de"):
        cleannews.CleanConfig(accept_languages=("deu",))


# 5. `cleannews.clean(text, config={"fast_path": False})` raised `AttributeError: 'dict' object
#    has no attribute 'lift_crawler_metadata'` (the README promises InputError or ConfigError,
#    nothing else), `config={}` was silently the defaults, and `clean_frame(df, config={...})`
#    or `CleannewsCleaner(config={...})` turned EVERY row into an error row. A config that
#    is not a CleanConfig is now a ConfigError, raised once, before any document.

@pytest.mark.parametrize("config", [{"fast_path": False}, {}, "fast_path=false"])
def test_a_config_that_is_not_a_cleanconfig_is_a_config_error(config: object) -> None:
    from cleannews.batch import clean_batch, clean_record, clean_text

    calls = [
        lambda: cleannews.clean(SEED_TEXT, config=config),
        lambda: cleannews.clean_html("<p>Le maire.</p>", config=config),
        lambda: cleannews.repair(SEED_TEXT, config=config),
        lambda: cleannews.spin_score(SEED_TEXT, config=config),
        lambda: clean_text(SEED_TEXT, config=config),
        lambda: clean_record(SEED_TEXT, config=config),
        lambda: clean_batch({"text": [SEED_TEXT]}, config=config),
    ]
    for call in calls:
        with pytest.raises(cleannews.ConfigError, match="must be a CleanConfig"):
            call()


def test_clean_frame_with_a_dict_config_raises_instead_of_failing_every_row() -> None:
    pd = pytest.importorskip("pandas")
    from cleannews.batch import clean_frame

    with pytest.raises(cleannews.ConfigError, match=r"CleanConfig\.from_dict"):
        clean_frame(pd.DataFrame({"text": [SEED_TEXT]}), config={"fast_path": False})


def test_datatrove_cleaner_with_a_dict_config_raises_at_construction() -> None:
    pytest.importorskip("datatrove")
    from cleannews.integrations.datatrove import CleannewsCleaner, CleannewsSpinFilter

    with pytest.raises(cleannews.ConfigError):
        CleannewsCleaner(config={"accept_languages": ["fr"]})
    with pytest.raises(cleannews.ConfigError):
        CleannewsSpinFilter(config={"spin_quarantine_threshold": 0.8})


# 6. `clean_frame` on a frame cleaned before (to try other options, or read back from a
#    saved output) doubled every `cleannews_*` column: `out.cleannews_verdict` became a
#    two-column frame and the README's `out[out.cleannews_verdict == "keep"]` raised
#    "Cannot index with multidimensional key". The old columns are now replaced.

def test_clean_frame_twice_replaces_its_columns() -> None:
    pd = pytest.importorskip("pandas")
    from cleannews import CleanConfig
    from cleannews.batch import clean_frame

    df = pd.DataFrame({"text": [SEED_TEXT, None]}, index=[10, 11])
    once = clean_frame(df)
    twice = clean_frame(once, config=CleanConfig(accept_languages=("en",)))
    assert list(twice.columns) == list(once.columns)
    assert list(twice.cleannews_verdict) == ["other_language", "error"]
    assert twice[twice.cleannews_verdict == "keep"].empty
    again = clean_frame(once, column="cleannews_text")
    # the missing row's cleannews_text is "": an empty text (round 14: verdict "empty", as
    # cleannews.clean("") gives; it was "error")
    assert list(again.cleannews_verdict) == ["keep", "empty"]
    assert again.loc[10, "cleannews_text"] == once.loc[10, "cleannews_text"]


# 7. A JSONL record with `"id": ""` (an exporter's empty column) kept the id "": its
#    quarantine entry in the report, its errors-sink record and its `cleannews.id` named
#    nothing. An empty id is now no id: the record gets PATH:LINE, like a missing one.

def test_an_empty_id_gets_path_and_line(tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    data.write_text(json.dumps({"id": "", "text": SEED_TEXT}) + "\n"
                    + json.dumps({"id": "", "text": ""}) + "\n", "utf-8")
    out = tmp_path / "out"
    r = _cli("run", data, "--out", out, "-j", "1", "-q")
    assert r.returncode == 1, r.stderr.decode()
    (kept,) = read_jsonl(out / "clean.jsonl")
    assert kept["id"] == ""  # the input fields are kept byte for byte
    assert kept["cleannews"]["id"] == f"{data}:1"
    (err,) = read_jsonl(out / "errors" / "errors.jsonl")
    assert err["id"] == f"{data}:2"


# 8. A refused `--resume` said only "the run there used other inputs or options": after a
#    trial `--limit 3`, or with one `--set` more, the user had to guess which. The message
#    now names each setting that differs, then and now.

def test_a_refused_resume_names_the_settings_that_differ(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["run", str(SEED_000), str(SEED_002), "--out", str(out), "-j", "1", "-q",
                 "--limit", "1"]) == 0
    r = _cli("run", SEED_000, SEED_002, "--out", out, "-j", "1", "--resume", "--no-spin")
    err = r.stderr.decode()
    assert r.returncode == 2, err
    assert "score_spin: True then, False now; limit: 1 then, None now" in err
    assert len(read_jsonl(out / "clean.jsonl")) == 1


# 9. datatrove's `JsonlReader` (0.10.1) loses lines before the cleannews steps see them: one
#    invalid UTF-8 byte ends the reading of the file (and of the records decoded in the same
#    buffer before it), invalid JSON, records without text and `"text": ""` are skipped,
#    `"text": 42` crashes the task. `CleannewsJsonlReader` passes every non-blank line on:
#    the unreadable ones marked with the error type of `cleannews run`, so the cleaner and the
#    spin filter route them to the exclusion writer, as `run` routes them to its errors sink.

def _hostile_jsonl(path: Path) -> None:
    good = [json.dumps({"id": f"ok{i}", "text": SEED_TEXT, "lang": "fr"}).encode()
            for i in range(40)]
    lines = [*good[:20],
             b'{"id": "latin1", "text": "caf\x81 au lait, le maire a dit"}',
             b'{"id": "trunc", "text": "abc',
             b"",
             b"[1, 2]",
             json.dumps({"id": "num", "text": 42}).encode(),
             json.dumps({"id": "null", "text": None}).encode(),
             json.dumps({"id": "notext", "body": "x"}).encode(),
             json.dumps({"id": "empty", "text": ""}).encode(),
             json.dumps({"id": "nul", "text": "a\x00b"}).encode(),
             *good[20:]]
    path.write_bytes(b"\n".join(lines) + b"\n")


def test_cleannews_jsonl_reader_loses_no_line_and_routes_like_run(tmp_path: Path) -> None:
    pytest.importorskip("datatrove")
    pytest.importorskip("orjson")
    from datatrove.pipeline.readers import JsonlReader

    from cleannews.integrations.datatrove import (
        CleannewsCleaner,
        CleannewsJsonlReader,
        CleannewsSpinFilter,
    )

    folder = tmp_path / "in"
    folder.mkdir()
    _hostile_jsonl(folder / "part.jsonl")
    lost = [d.id for d in JsonlReader(str(folder)).run()]  # the loss the reader fixes
    assert len(lost) < 40

    docs = list(CleannewsCleaner().run(CleannewsJsonlReader(str(folder)).run()))
    assert len(docs) == 48  # 49 lines, one blank
    spin_filter = CleannewsSpinFilter()
    verdicts = {d.id: spin_filter.filter(d) for d in docs}
    kept = [i for i, v in verdicts.items() if v is True]
    assert kept == [f"ok{i}" for i in range(40)]
    assert {d.metadata["lang"] for d in docs if d.id in kept} == {"fr"}
    excluded = {d.id: d.metadata["cleannews"]["error_type"] for d in docs if d.id not in kept}
    assert all(verdicts[i] == (False, "cleannews_error") for i in excluded)

    out = tmp_path / "out"
    main(["run", str(folder / "part.jsonl"), "--out", str(out), "-j", "1", "-q"])
    errors = read_jsonl(out / "errors" / "errors.jsonl")
    assert sorted(excluded.values()) == sorted(e["error"]["type"] for e in errors)
    # a line broken after its id keeps it, in both (round 14: it was PATH/INDEX, PATH:LINE)
    assert excluded["latin1"] == "utf8" and excluded["trunc"] == "json"
    assert excluded["num"] == "type"
    assert {"latin1", "trunc"} <= {e["id"] for e in errors}
    latin1 = next(d for d in docs if d.id == "latin1")
    assert "caf\\x81 au lait" in latin1.text  # the raw line, its invalid byte shown


# 10. `zcat missing.jsonl.gz | cleannews run - --out o` (the command before the pipe failed)
#     said "0 documents in" and exited 0: nothing told the user that no data arrived (an
#     empty input folder is warned about since audit9). An empty stream is now named.

@pytest.mark.parametrize("data", [b"", b"\n\n"])
def test_an_empty_standard_input_is_warned_about(tmp_path: Path, data: bytes) -> None:
    r = _cli("run", "-", "--out", tmp_path / "out", "-j", "1", stdin=data)
    err = r.stderr.decode()
    assert r.returncode == 0, err
    assert "-: no documents: the input is empty (did the command before the pipe fail?)" in err
    s = _cli("score", "-", stdin=data)
    assert "no documents: the input is empty" in s.stderr.decode() and s.stdout == b""


# 11. A config file with options at the top level AND a `[cleannews]` table (the README shows
#     both forms) silently ignored the top-level ones: `fast_path = false` above
#     `[cleannews]` was dropped without a word. It is now a ConfigError naming them. A
#     `pyproject.toml` with `[tool.cleannews]` said "unknown option 'tool'": it is read.

def test_top_level_options_beside_a_cleannews_table_are_an_error(tmp_path: Path) -> None:
    path = tmp_path / "cleannews.toml"
    path.write_text("spin_quarantine_threshold = 0.95\n\n[cleannews]\naccept_languages = "
                    '["fr"]\n', "utf-8")
    with pytest.raises(cleannews.ConfigError, match="spin_quarantine_threshold"):
        cleannews.CleanConfig.from_file(path)
    r = _cli("clean", "--config", path, SEED_000)
    assert r.returncode == 2 and r.stdout == b""
    assert "[cleannews]" in r.stderr.decode()


def test_a_pyproject_tool_cleannews_table_is_read(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "crawl"\n\n[tool.cleannews]\nscore_spin = false\n'
                    'accept_languages = ["fr"]\n\n[tool.ruff]\nline-length = 100\n', "utf-8")
    cfg = cleannews.CleanConfig.from_file(path)
    assert (cfg.score_spin, cfg.accept_languages) == (False, ("fr",))


# 12. `cleannews clean x > out.txt` on Windows (stdout in the ANSI code page) or under a
#     Latin-1 locale ended in a UnicodeEncodeError traceback, exit 1, on the first character
#     the code page lacks (’, the narrow no-break space of French typography); `clean --json`
#     and `explain` too. Documents are now always written in UTF-8 (run/score already were).

@pytest.mark.parametrize("args", [["clean"], ["clean", "--json"], ["explain"]])
def test_clean_and_explain_write_utf8_whatever_the_locale(args: list[str]) -> None:
    env = {**cli_env(), "PYTHONIOENCODING": "latin-1"}
    r = subprocess.run([sys.executable, "-m", "cleannews", *args, str(SEED_000)],
                       capture_output=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr.decode()
    assert b"Traceback" not in r.stderr
    out = r.stdout.decode("utf-8")
    assert "L’entreprise française Vsora" in (json.loads(out)["text"] if "--json" in args
                                               else out)


# 13. `cleannews.spin_score(bytearray(...))` raised InputError("expected str or bytes, got
#     bytearray") while `clean` reads a bytearray or a memoryview (a buffer from a socket or a
#     memory-mapped file) as bytes. spin_score now reads its input as `clean` does.

def test_spin_score_reads_the_bytes_like_input_clean_reads() -> None:
    raw = SEED_TEXT.encode("utf-8")
    expected = cleannews.spin_score(raw)
    assert cleannews.spin_score(bytearray(raw)) == expected
    assert cleannews.spin_score(memoryview(raw)) == expected
    assert cleannews.clean(bytearray(raw)).text == cleannews.clean(raw).text


# 14. `cleannews run corpus --out o --report notes.txt/report.json` (a path through a file)
#     cleaned the whole corpus, then failed writing the report, exit 2 ("committed work is
#     kept … --resume"); `score … --report` printed every score line first. The report's
#     place is now checked before any work, as audit9 did for a report that is a folder.

@pytest.mark.parametrize("command", ["run", "score"])
def test_a_report_under_a_file_is_refused_before_any_work(tmp_path: Path, command: str) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("x", "utf-8")
    out = tmp_path / "out"
    args = ["--out", out] if command == "run" else []
    r = _cli(command, SEED_000, *args, "--report", notes / "report.json", "-j", "1")
    assert r.returncode == 2
    assert f"--report {notes / 'report.json'}: {notes} is a file, not a folder" in (
        r.stderr.decode())
    assert r.stdout == b"" and not out.exists()


# 15. `cleannews run in.jsonl --out x.jsonl --errors x.jsonl` (or `--out d --quarantine
#     d/clean.jsonl`): one output's file is another's folder. The run made a FOLDER named
#     x.jsonl, then refused with a wrong reason ("already hold(s) records of another
#     cleannews run"), leaving the folder and a lock file behind; the next `--out x.jsonl`
#     took x.jsonl for an output folder. Refused now before anything is created.

@pytest.mark.parametrize("flags", [["--out", "x.jsonl", "--errors", "x.jsonl"],
                                   ["--out", "d", "--quarantine", "d/clean.jsonl"],
                                   ["--out", "d", "--report", "d/clean.jsonl/r.json"]])
def test_an_output_file_that_is_another_outputs_folder_is_refused(
        tmp_path: Path, flags: list[str]) -> None:
    work = tmp_path / "work"
    work.mkdir()
    r = _cli("run", SEED_000, *flags, "-j", "1", cwd=work)
    err = r.stderr.decode()
    assert r.returncode == 2, err
    assert "clean.jsonl is the output file (--out) and the folder of" in err or (
        "x.jsonl is the output file (--out) and the folder of the errors sink" in err)
    assert "another cleannews run" not in err
    assert list(work.iterdir()) == []


# 16. `cleannews run crawl.jsonl --site-templates --source-field url` crashed with a
#     traceback ("ValueError: Invalid IPv6 URL", exit 1, nothing committed) on ONE record
#     whose url is malformed (`http://[broken/x`, a scraper's bad join): urlsplit raises. A
#     URL that does not parse is now its own source name, like any other string.

def test_a_malformed_url_in_the_source_field_does_not_stop_site_templates(
        tmp_path: Path) -> None:
    from cleannews.batch.templates import source_of

    assert source_of("http://[broken/x", "f.jsonl") == "http://[broken/x"
    assert source_of("https://www.lemonde.fr/a", "f.jsonl") == "www.lemonde.fr"
    texts = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt")) if "003_" not in p.name]
    data = tmp_path / "urls.jsonl"
    data.write_text("".join(json.dumps({"id": f"u{i}", "text": text, "url": (
        "http://[broken/x" if i == 2 else f"https://www.lemonde.fr/a{i}")}) + "\n"
        for i, text in enumerate(texts)), "utf-8")
    out = tmp_path / "out"
    r = _cli("run", data, "--out", out, "--site-templates", "--source-field", "url", "-j", "1")
    assert r.returncode == 0, r.stderr.decode()
    assert [x["id"] for x in read_jsonl(out / "clean.jsonl")] == [f"u{i}" for i in range(4)]


# 17. A file whose name is not UTF-8 (`caf\xe9.txt`, unpacked from an old Windows archive)
#     in a crawled folder: `cleannews run` died with a traceback after the first chunk
#     (UnicodeEncodeError writing its run state: Python names such a file with a lone
#     surrogate, `caf\udce9.txt`), its output records were unreadable by strict JSON readers
#     (orjson, so datatrove), and `clean` / `explain` of the folder crashed printing the name
#     under a UTF-8 locale. The name is now shown with its byte as `\xe9`.

def _latin1_named_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(SEED_TEXT, "utf-8")
    with open(os.fsencode(corpus) + b"/caf\xe9.txt", "wb") as f:
        f.write(SEED_002.read_bytes())
    return corpus


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs byte file names")
def test_a_file_name_that_is_not_utf8_gets_a_printable_id(tmp_path: Path) -> None:
    corpus = _latin1_named_corpus(tmp_path)
    out = tmp_path / "out"
    r = _cli("run", corpus, "--out", out, "-j", "1", "--chunk-size", "1")
    assert r.returncode == 0, r.stderr.decode()
    raw = (out / "clean.jsonl").read_bytes()
    raw.decode("utf-8")  # strict
    ids = [json.loads(x)["id"] for x in raw.splitlines()]
    assert ids == [f"{corpus}/a.txt", f"{corpus}/caf\\xe9.txt"]
    assert "\\ud" not in raw.decode("utf-8")  # no surrogate escapes left for orjson to refuse
    again = _cli("run", corpus, "--out", out, "-j", "1", "--chunk-size", "1", "--resume")
    assert again.returncode == 0, again.stderr.decode()


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs byte file names")
@pytest.mark.parametrize("command", ["clean", "explain"])
def test_clean_prints_a_file_name_that_is_not_utf8(tmp_path: Path, command: str) -> None:
    corpus = _latin1_named_corpus(tmp_path)
    env = {**cli_env(), "PYTHONIOENCODING": "utf-8:strict"}
    r = subprocess.run([sys.executable, "-m", "cleannews", command, str(corpus)],
                       capture_output=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr.decode()
    assert f"==> {corpus}/caf\\xe9.txt <==" in r.stdout.decode("utf-8")


# 18. A JSONL export whose text is in another field (`content`, `body`, `article`) sent every
#     record to the errors sink with "record has no 'text' field", and nothing said where the
#     text was or which flag chooses it. The message now names the record's fields and
#     --text-field.

def test_a_missing_text_field_names_the_record_fields_and_the_flag(tmp_path: Path) -> None:
    data = tmp_path / "export.jsonl"
    data.write_text(json.dumps({"id": "a", "url": "https://x.fr/a", "content": SEED_TEXT})
                    + "\n", "utf-8")
    out = tmp_path / "out"
    assert main(["run", str(data), "--out", str(out), "-j", "1", "-q"]) == 1
    (err,) = read_jsonl(out / "errors" / "errors.jsonl")
    assert err["error"]["type"] == "missing_field"
    assert err["error"]["message"] == (
        "record has no 'text' field (its fields: id, url, content; choose with --text-field "
        "FIELD)")


# 19. `cleannews.clean(Path("seeds/a.txt"))` or `clean(open(...))` (a natural first try)
#     raised "expected str or bytes, got PosixPath" / "got TextIOWrapper" with no word on what
#     to do; the message now says to pass the content, and how.

def test_a_path_or_an_open_file_is_refused_with_what_to_pass() -> None:
    with pytest.raises(cleannews.InputError, match=r"a path; pass its content, e\.g\. clean"):
        cleannews.clean(SEED_000)
    with open(SEED_000, "rb") as f, pytest.raises(cleannews.InputError, match="an open file"):
        cleannews.clean(f)
    with pytest.raises(cleannews.InputError, match=r"got int$"):
        cleannews.clean(3)


def test_the_report_check_lets_a_device_through_for_a_user_who_cannot_write_dev(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`--report /dev/stdout` is written through (audit8): /dev is not writable by users, so
    the folder check of 14 must not refuse it (simulated: every folder unwritable)."""
    import cleannews.batch.runner as runner

    monkeypatch.setattr(runner.os, "access", lambda *a, **k: False)
    assert runner._unwritable_place(Path("/dev/null")) is None
    assert runner._unwritable_place(tmp_path / "r.json") == f"{tmp_path}: Permission denied"


def test_repair_alignment_maps_every_copied_character_in_mixed_line_break_text() -> None:
    """Generated documents of prose, blank, space-only and NBSP-only lines joined by random
    `\\n` / `\\r\\n` (and mojibake lines): every output character copied one to one maps to
    itself in the input (before the fix 265 of 3000 such documents had one that did not)."""
    import random

    from cleannews.config import DEFAULT_CONFIG
    from cleannews.repairs import repair_text

    rng = random.Random(1)
    pieces = ["Le maire a dit.", "Bonjour", "", " ", "\u00a0", "  \u00a0 ", "Deuxieme ligne",
              "caf\u00c3\u00a9 noir"]
    for _ in range(1000):
        lines = [rng.choice(pieces) for _ in range(rng.randint(1, 12))]
        text = "".join(line + rng.choice(["\n", "\r\n"]) for line in lines)
        r = repair_text(text, DEFAULT_CONFIG)
        for i, ch in enumerate(r.text):
            a, b = r.alignment.to_input(i, i + 1)
            if b - a == 1:
                assert text[a] == ch, (text, i)


# 20. `cleannews run crawl.jsonl --out clean.jsonl --compress`: the quarantine and errors
#     sinks were gzipped but the output file itself stayed plain text (its name has no .gz),
#     silently. Refused now, exit 2, naming the file name that compresses everything.

def test_compress_with_a_plain_output_file_name_is_refused(tmp_path: Path) -> None:
    r = _cli("run", SEED_000, "--out", "clean.jsonl", "--compress", "-j", "1", cwd=tmp_path)
    assert r.returncode == 2
    assert "name it clean.jsonl.gz" in r.stderr.decode()
    assert list(tmp_path.iterdir()) == []
    ok = _cli("run", SEED_000, "--out", "clean.jsonl.gz", "--compress", "-j", "1", "-q",
              cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr.decode()
    assert (tmp_path / "clean.jsonl.gz").read_bytes()[:2] == b"\x1f\x8b"


# 21. `cleannews clean corpus/` (and `explain`) stopped at the first document a stage fails
#     on, with a traceback and none of the later files cleaned; `cleannews run` isolates such
#     a document (an `exception` error record). clean/explain now name it and go on, exit 1.

@pytest.mark.parametrize("command", ["clean", "explain"])
def test_one_document_a_stage_fails_on_does_not_stop_clean(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        command: str) -> None:
    import cleannews.pipeline as pipeline

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (corpus / name).write_text(SEED_TEXT.replace("Vsora", f"Vsora-{name[0]}"), "utf-8")
    real = pipeline._clean_decoded  # what clean/explain call on a decoded text (audit15)

    def flaky(text, changes, config, id):
        if id is not None and id.endswith("b.txt"):
            raise RuntimeError("a stage's bug")
        return real(text, changes, config, id)

    monkeypatch.setattr(pipeline, "_clean_decoded", flaky)
    assert main([command, str(corpus)]) == 1
    out, err = capsys.readouterr()
    assert f"{corpus}/b.txt: cleaning failed: RuntimeError: a stage's bug" in err
    assert f"==> {corpus}/a.txt <==" in out and f"==> {corpus}/c.txt <==" in out


# 22. A pandas column of the "string" dtype (pandas' text dtype, `pd.read_json(...,
#     dtype_backend="numpy_nullable")`, `astype("string")`) holds missing texts as `pd.NA`:
#     clean_frame gave them the error "expected str or bytes, got NAType" (None and NaN give
#     "missing text") and `df["text"].map(clean_text)` turned them into "" (documented:
#     missing values stay missing). pd.NA is now a missing value like the others.

def test_pandas_na_is_a_missing_text() -> None:
    pd = pytest.importorskip("pandas")
    from cleannews.batch import clean_frame, clean_text

    df = pd.DataFrame({"text": pd.Series([SEED_TEXT, pd.NA, None], dtype="string")})
    out = clean_frame(df)
    assert list(out.cleannews_verdict) == ["keep", "error", "error"]
    assert list(out.cleannews_error) == ["", "missing text", "missing text"]
    assert clean_text(pd.NA) is pd.NA

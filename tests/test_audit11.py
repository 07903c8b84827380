"""A demanding user's audit of the library, CLI, batch and datatrove layers (branch audit11).

Each test pins a defect found by using the documented API and commands on real inputs
(a JSONL record with a ``\\ud800`` escape under ``--find-copies``, a scraped record whose
``media`` field is a list of image URLs, ``ds.map(clean_batch)`` without ``batched=True``,
terminal escapes in a scraped page shown by ``explain`` …); each failed before its fix.
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
from _helpers import all_ids, cli_env, read_jsonl, run_cli
from cleannews.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_000 = SEEDS / "000_51a21282db567c1f.txt"
SEED_TEXT = SEED_000.read_text("utf-8")
SENTENCE = "Le gouvernement a présenté mardi son projet de budget pour 2026 devant les députés."


#: ``python -m cleannews`` on this checkout's sources, with this file's 2-minute guard.
_cli = partial(run_cli, timeout=120)


# 1. A JSONL record whose text holds a lone surrogate escape (`"\ud800"`, a scraper that cut
#    an emoji in half) killed `cleannews run --find-copies` and `--site-templates` with a
#    traceback (UnicodeEncodeError hashing the text in the first pass), nothing written,
#    exit 1: "a batch never dies on one document". The run itself had always cleaned such a
#    record (the lone surrogate becomes U+FFFD, a `replace_surrogates` change); the first
#    passes now read the text the same way.

@pytest.mark.parametrize("flag", ["--site-templates", "--find-copies"])
def test_a_lone_surrogate_does_not_kill_the_first_pass(tmp_path: Path, flag: str) -> None:
    if flag == "--find-copies":
        pytest.importorskip("numpy")
    crawl = tmp_path / "crawl.jsonl"
    lines = [json.dumps({"id": f"a{i}", "url": "https://ex.fr/x", "text": SEED_TEXT})
             for i in range(3)]
    lines.insert(1, '{"id": "cut", "url": "https://ex.fr/y", "text": "Un emoji coupé \\ud83d '
                    'en deux au milieu de la phrase du journaliste."}')
    crawl.write_text("\n".join(lines) + "\n", "utf-8")
    out = tmp_path / "out"
    code = main(["run", str(crawl), "--out", str(out), flag, "-j", "1", "-q"])
    assert code == 0
    assert sorted(all_ids(out)) == ["a0", "a1", "a2", "cut"]
    cut = next(r for r in read_jsonl(out / "clean.jsonl") if r["id"] == "cut")["cleannews"]
    assert "coupé \ufffd en deux" in cut["text"]


# 2. `CleannewsJsonlReader` ("passes every non-blank line on") crashed the datatrove task on a
#    record whose `media` field is not datatrove's list of media objects -- a scraped article
#    with `"media": ["https://…/photo.jpg"]` (TypeError), `[{"url": …}]` (KeyError) or
#    `"media": null` (TypeError): the whole file lost. Such a record is now a document; its
#    `media` value travels in the metadata as `source_media` (datatrove's `Media` cannot
#    hold it, and a `media` key in the metadata would crash `JsonlWriter(expand_metadata=True)`).

def test_cleannews_jsonl_reader_passes_records_with_other_media_fields(tmp_path: Path) -> None:
    pytest.importorskip("datatrove")
    pytest.importorskip("orjson")
    from datatrove.pipeline.writers import JsonlWriter

    from cleannews.integrations.datatrove import (
        CleannewsCleaner,
        CleannewsJsonlReader,
        CleannewsSpinFilter,
    )

    folder = tmp_path / "in"
    folder.mkdir()
    media = {"urls": ["https://ex.fr/photo.jpg"], "objects": [{"url": "https://ex.fr/p.jpg"}],
             "null": None, "text": "photo.jpg", "none": []}
    with open(folder / "part.jsonl", "w", encoding="utf-8") as f:
        for name, value in media.items():
            f.write(json.dumps({"id": name, "text": SENTENCE, "media": value}) + "\n")
        f.write(json.dumps({"id": "last", "text": SENTENCE}) + "\n")
    docs = list(CleannewsCleaner().run(CleannewsJsonlReader(str(folder)).run()))
    assert [d.id for d in docs] == [*media, "last"]
    assert all(CleannewsSpinFilter().filter(d) is True for d in docs)
    assert docs[0].metadata["source_media"] == ["https://ex.fr/photo.jpg"]
    assert "source_media" not in docs[4].metadata and not docs[4].media  # `[]`: datatrove's own
    # the documented writer writes every one of them back
    writer = JsonlWriter(str(tmp_path / "clean"), expand_metadata=True, compression=None)
    with writer:
        for d in docs:
            writer.write(d)
    written = [json.loads(x) for p in sorted((tmp_path / "clean").iterdir())
               for x in p.read_text("utf-8").splitlines()]
    assert [r["id"] for r in written] == [*media, "last"]
    assert written[0]["source_media"] == ["https://ex.fr/photo.jpg"]


# 3. `ds.map(clean_batch)` without `batched=True` (datasets' default) hands clean_batch ONE
#    row, `{"text": "Le gouvernement…"}`: clean_batch iterated over the characters of the text
#    and returned one "document" per character, silently (every row of the dataset became a
#    list of one-letter texts). It now raises InputError saying to pass batched=True (or to
#    use clean_record for one row).

def test_clean_batch_refuses_a_single_row() -> None:
    from cleannews.batch import clean_batch

    with pytest.raises(cleannews.InputError, match="batched=True"):
        clean_batch({"text": SENTENCE, "id": "a"})
    with pytest.raises(cleannews.InputError, match="batched=True"):
        clean_batch({"text": SENTENCE.encode()})
    out = clean_batch({"text": [SENTENCE, None]})  # a real batch still works, None a bad row
    assert out["cleannews_verdict"] == ["keep", "error"]


def test_clean_batch_and_clean_frame_name_a_missing_column() -> None:
    pd = pytest.importorskip("pandas")
    from cleannews.batch import clean_batch, clean_frame

    with pytest.raises(KeyError, match=r"content.*text_field"):
        clean_batch({"content": [SENTENCE]})
    with pytest.raises(KeyError, match=r"body.*column="):
        clean_frame(pd.DataFrame({"body": [SENTENCE]}))
    with pytest.raises(TypeError, match="takes a pandas DataFrame, got Series"):
        clean_frame(pd.Series([SENTENCE]))  # KeyError 'text' before


# 4. `cleannews explain` printed the input lines raw: a scraped page holding terminal escape
#    sequences (`ESC[2J` clear screen, colours) ran them in the user's terminal -- the lines
#    before were wiped off the screen, text could be hidden -- while explaining that the
#    repair stage removes them. Control characters of the input are now shown escaped
#    (`\x1b[2J`), and a file ending with a line break no longer gets an extra empty line.

def test_explain_shows_control_characters_escaped(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes("Le gouvernement a présenté son budget.\n\x1b[2J\x1b[31mLigne cachée"
                     "\x1b[0m du texte.\nfin\x0cdu texte ici\u202e avec\n".encode())
    r = _cli("explain", page, "--color", "never")
    assert r.returncode == 0
    out = r.stdout.decode()
    assert "\x1b" not in out and "\x0c" not in out and "\u202e" not in out
    assert "2 ~ \\x1b[2J\\x1b[31mLigne cachée\\x1b[0m du texte." in out
    # the form feed ends a line, as the repair stage makes it a line break before the strip
    # stage splits lines (audit22: explain numbers the lines the strip stage sees)
    assert "\n3 ~ fin\n" in out
    assert "\n4   du texte ici\\u202e avec\n" in out
    body = out.split("\n\nspin:")[0].splitlines()
    assert not any(line.startswith("5 ") for line in body)  # 4 lines, 4 numbered lines


def test_explain_of_empty_input_shows_no_line() -> None:
    r = _cli("explain", "-", stdin=b"")
    assert r.returncode == 0
    assert r.stdout.decode().startswith("\nspin: insufficient")


# 5. Wrong config types raised TypeError or AttributeError, not the ConfigError the README
#    promises: `CleanConfig.from_dict(None)` ("'NoneType' object is not iterable"), a key that
#    is not a string (`{1: 2}`), `from_strings({"fast_path": False})` ("'bool' object has no
#    attribute 'strip'": typed values are now accepted and checked), `from_file(None)`.

@pytest.mark.parametrize("options", [None, ["fast_path"], {1: True}, "fast_path=false"])
def test_from_dict_of_a_wrong_type_is_a_config_error(options: object) -> None:
    with pytest.raises(cleannews.ConfigError):
        cleannews.CleanConfig.from_dict(options)  # type: ignore[arg-type]
    with pytest.raises(cleannews.ConfigError):
        cleannews.CleanConfig.from_strings(options)  # type: ignore[arg-type]


def test_from_strings_and_from_file_misuse() -> None:
    # values already typed (a settings dict) were an AttributeError ('bool' has no 'strip')
    cfg = cleannews.CleanConfig.from_strings({"fast_path": False, "accept_languages": ["fr"],
                                              "spin_quarantine_threshold": "0.95"})
    assert (cfg.fast_path, cfg.accept_languages, cfg.spin_quarantine_threshold) == (
        False, ("fr",), 0.95)
    with pytest.raises(cleannews.ConfigError, match="fast_path must be true or false"):
        cleannews.CleanConfig.from_strings({"fast_path": 1})
    with pytest.raises(cleannews.ConfigError, match="must be a path"):  # was a TypeError
        cleannews.CleanConfig.from_file(None)  # type: ignore[arg-type]
    with pytest.raises(cleannews.ConfigError, match="base must be a CleanConfig"):
        cleannews.CleanConfig.from_dict({"fast_path": False}, base={"x": 1})  # type: ignore[arg-type]


# 6. `--config pyproject.toml` without a `[tool.cleannews]` table (a typo, `[tool.clean-news]`,
#    or the table not written yet) said "unknown option 'project'; options: …", which names
#    no file section; options above a `[tool.cleannews]` table were ignored without a word
#    (audit10 refused them beside `[cleannews]` only), and a file with both `[cleannews]` and
#    `[tool.cleannews]` used one and silently dropped the other.

def test_a_pyproject_without_a_cleannews_table_is_named(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "crawl"\n\n[tool.clean-news]\nscore_spin = false\n',
                    "utf-8")
    with pytest.raises(cleannews.ConfigError, match=r"no \[tool.cleannews\] table"):
        cleannews.CleanConfig.from_file(path)


@pytest.mark.parametrize("text", [
    "fast_path = false\n\n[tool.cleannews]\nscore_spin = false\n",
    "[cleannews]\nfast_path = false\n\n[tool.cleannews]\nscore_spin = false\n",
])
def test_options_outside_the_tool_cleannews_table_are_an_error(tmp_path: Path,
                                                               text: str) -> None:
    path = tmp_path / "cleannews.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(cleannews.ConfigError, match=r"outside the \[tool|both a \[cleannews\]"):
        cleannews.CleanConfig.from_file(path)


# 7. `cleannews run - - --out -` (or `clean - -`, `score - -`): standard input was read twice,
#    the second time empty, and the run warned "-: no documents: the input is empty (did the
#    command before the pipe fail?)", or `clean` printed an empty second document. `-` named
#    more than once is now a usage error, exit 2, before anything is read.

@pytest.mark.parametrize("command", [["clean"], ["explain"], ["score"], ["run", "--out", "-"]])
def test_standard_input_named_twice_is_a_usage_error(tmp_path: Path,
                                                     command: list[str]) -> None:
    r = _cli(command[0], "-", "-", *command[1:], stdin=SENTENCE.encode(), cwd=tmp_path)
    assert r.returncode == 2
    assert r.stdout == b""
    assert "standard input (-) is named more than once" in r.stderr.decode()


# 8. A JSONL export of HTML pages (`{"id": …, "html": "<!DOCTYPE html><html>…"}`) run with the
#    default `--format auto` came out "cleaned" with every tag, script and menu still in its
#    text, verdict keep: JSONL texts were read as plain text unless `--format html` was given,
#    while `--format auto` says "HTML when the input starts like a page" and standard input,
#    files and `clean` sniff. A record text that starts like a page is now cleaned as HTML
#    (`--format text` keeps the old reading).

PAGE = ("<!DOCTYPE html><html><head><title>Budget</title><script>var x = 1;</script></head>"
        "<body><nav><a href='/'>Accueil</a> <a href='/eco'>Économie</a></nav><article>"
        f"<h1>Budget 2026</h1><p>{SENTENCE}</p></article><footer>© Exemple</footer></body>"
        "</html>")


def test_jsonl_record_texts_that_are_pages_are_cleaned_as_html(tmp_path: Path) -> None:
    crawl = tmp_path / "pages.jsonl"
    crawl.write_text(json.dumps({"id": "p1", "html": PAGE}) + "\n"
                     + json.dumps({"id": "t1", "html": f"{SENTENCE} <p> est un tag."}) + "\n",
                     "utf-8")
    out = tmp_path / "out"
    assert main(["run", str(crawl), "--out", str(out), "--text-field", "html", "-j", "1",
                 "-q"]) == 0
    got = {r["id"]: r["cleannews"] for r in read_jsonl(out / "clean.jsonl")}
    assert got["p1"]["text"] == f"Budget 2026\n\n{SENTENCE}\n"
    assert any(c["stage"] == "html" for c in got["p1"]["changes"])
    assert got["t1"]["text"] == f"{SENTENCE} <p> est un tag."  # text that mentions a tag
    forced = tmp_path / "forced"
    main(["run", str(crawl), "--out", str(forced), "--text-field", "html", "--format", "text",
          "-j", "1", "-q"])
    assert read_jsonl(forced / "clean.jsonl")[0]["cleannews"]["text"].startswith("<!DOCTYPE")
    s = _cli("score", crawl, "--text-field", "html")
    assert s.returncode == 0 and [json.loads(x)["id"] for x in s.stdout.splitlines()] == [
        "p1", "t1"]


# 9. With `quarantine=False` (`--set quarantine=false`: label, do not set aside) the spun seed
#    was kept with an empty reason -- while a merely "suspect" document is kept with one --
#    so a `cleannews run` record or a `clean_frame` row gave no hint that it is spun French.

def test_a_spun_document_kept_because_quarantine_is_off_says_so() -> None:
    spun = (SEEDS / "003_d0613672c8185330.txt").read_bytes()
    doc = cleannews.clean(spun, cleannews.CleanConfig(quarantine=False))
    assert (doc.verdict, doc.quarantined, doc.spin.label) == ("keep", False, "spun")
    assert doc.reason.startswith("kept (quarantine=false); spun French: spin score 1.00 >= 0.90")
    assert cleannews.clean(spun).reason.startswith("spun French: spin score 1.00 >= 0.90")


# 10. A JSONL dump saved compressed under a plain name (`curl -o dump.jsonl` from a server that
#     answers gzip, or `gzip -c` into a `.jsonl`) was read as binary lines: each piece between
#     two `\n` bytes became a `utf8` error record of gzip garbage, no record cleaned, and no
#     word said the file was gzip. A plain JSONL file named `.gz` was one `read` error ("Not a
#     gzipped file"), every record of it in a single error with no raw input. Files are now
#     decompressed by their content, whatever their name.

def test_jsonl_files_are_decompressed_by_content_not_name(tmp_path: Path) -> None:
    import gzip

    lines = "".join(json.dumps({"id": f"d{i}", "text": SENTENCE}) + "\n" for i in range(30))
    (tmp_path / "gz_named_plain.jsonl").write_bytes(gzip.compress(lines.encode()))
    (tmp_path / "plain_named_gz.jsonl.gz").write_bytes(lines.encode())
    for name in ("gz_named_plain.jsonl", "plain_named_gz.jsonl.gz"):
        out = tmp_path / f"out-{name.split('.')[0]}"
        assert main(["run", str(tmp_path / name), "--out", str(out), "-j", "1", "-q"]) == 0
        assert [r["id"] for r in read_jsonl(out / "clean.jsonl")] == [f"d{i}" for i in range(30)]
        assert read_jsonl(out / "errors" / "errors.jsonl") == []


# 11. The pandas / 🤗 datasets functions had no way to clean HTML: a column of pages
#     (`df["html"]`, a crawl's raw pages) went through `clean` as plain text and came back
#     "kept" with every tag, script and menu in `cleannews_text` -- while `cleannews run
#     --format html` and `CleannewsCleaner(html=True)` read pages. `clean_record`,
#     `clean_frame` and `clean_batch` now take `html=True`.

def test_the_pandas_and_datasets_functions_clean_html_pages() -> None:
    pd = pytest.importorskip("pandas")
    from cleannews.batch import clean_batch, clean_frame, clean_record

    want = f"Budget 2026\n\n{SENTENCE}\n"
    assert clean_record(PAGE, html=True)["cleannews_text"] == want
    assert clean_record(PAGE)["cleannews_text"].startswith("<!DOCTYPE")  # the default: text
    out = clean_frame(pd.DataFrame({"html": [PAGE, None]}), column="html", html=True)
    assert list(out.cleannews_text) == [want, ""]
    assert list(out.cleannews_verdict) == ["keep", "error"]
    assert clean_batch({"text": [PAGE]}, html=True)["text"] == [want]


# 12. Ids and file names come from the data, and the command line printed them raw on
#     stderr: a record whose id holds "\n" and ESC (`"evil\n\u001b[2Jcleannews: 0 documents
#     in"`) split the "one line per failed document" warning in two, forged a summary line
#     and cleared the screen; a file named with a line break did the same to `clean`'s
#     "==> name <==" header. They are now shown with their control characters escaped (the
#     ids in the records are unchanged).

def test_ids_and_names_from_the_data_cannot_forge_lines_on_stderr(tmp_path: Path) -> None:
    crawl = tmp_path / "evil.jsonl"
    evil = "evil\n\x1b[2Jcleannews: 0 documents in"
    crawl.write_text(json.dumps({"id": evil, "text": 5}) + "\n", "utf-8")
    r = _cli("run", crawl, "--out", tmp_path / "out", "-j", "1")
    err = r.stderr.decode()
    assert r.returncode == 1 and "\x1b" not in err
    assert "(id evil\\n\\x1b[2Jcleannews: 0 documents in): type: field 'text' is a number" in err
    assert [x for x in err.splitlines() if x.startswith("cleannews: 0 documents")] == []
    assert read_jsonl(tmp_path / "out" / "errors" / "errors.jsonl")[0]["id"] == evil

    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(SENTENCE, "utf-8")
    (folder / "b\n\x1b[31mc.txt").write_text(SENTENCE, "utf-8")
    c = _cli("clean", folder)
    out = c.stdout.decode()
    assert c.returncode == 0 and "\x1b" not in out
    assert f"==> {folder}/b\\n\\x1b[31mc.txt <==\n{SENTENCE}\n" in out


# 13. `cleannews clean empty.txt` (or a page of share buttons only, or `clean -` fed nothing)
#     printed nothing and exited 0 without a word -- `run` reports the same documents as
#     `empty` / `empty_after_cleaning` errors naming the rules. `clean` and `explain` now warn
#     (the exit code is unchanged: the library's answer, an empty Document, is not an error).

def test_clean_warns_when_a_document_prints_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b" \n\xc2\xa0\n")
    (tmp_path / "share.txt").write_text("Partager sur Facebook\n", "utf-8")
    r = _cli("clean", tmp_path / "empty.txt", tmp_path / "share.txt")
    err = r.stderr.decode()
    assert r.returncode == 0
    assert "empty.txt: empty document: no text to clean" in err
    assert "share.txt: nothing left after cleaning: the whole text was removed as " \
           "boilerplate (share_bar)" in err
    s = _cli("clean", "-", stdin=b"")
    assert "-: empty document" in s.stderr.decode()
    ok = _cli("clean", SEED_000)
    assert ok.stderr == b""


# 14. `-` means standard output, but `cleannews run corpus --out o --report -` wrote the report
#     to a FILE named "-" in the current folder (and `score … -o s.jsonl --report -` too), and
#     `--errors -` / `--quarantine -` made a FOLDER named "-" holding both sinks. `--report -`
#     now prints the report on standard output (refused, exit 2, when the records or score
#     lines already go there); a sink folder given as `-` is a usage error.

def test_report_dash_is_standard_output(tmp_path: Path) -> None:
    r = _cli("run", SEED_000, "--out", tmp_path / "out", "--report", "-", "-j", "1", "-q",
             cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["documents"]["in"] == 1 and report["command"] == "run"
    assert not (tmp_path / "-").exists()
    assert not (tmp_path / "out" / "report.json").exists()
    s = _cli("score", SEED_000, "-o", tmp_path / "s.jsonl", "--report", "-", "-q", cwd=tmp_path)
    assert s.returncode == 0 and json.loads(s.stdout)["command"] == "score"
    assert len(read_jsonl(tmp_path / "s.jsonl")) == 1
    for args in (["run", SEED_000, "--out", "-", "--report", "-"],
                 ["score", SEED_000, "--report", "-"],
                 ["run", SEED_000, "--out", tmp_path / "o2", "--errors", "-"],
                 ["run", SEED_000, "--out", tmp_path / "o3", "--quarantine", "-"],
                 ["score", SEED_000, "--errors", "-"]):
        bad = _cli(*args, cwd=tmp_path)
        assert bad.returncode == 2 and bad.stdout == b"", args
        assert "standard output" in bad.stderr.decode() or "--errors -" in bad.stderr.decode()
    assert not (tmp_path / "-").exists()


# 15. A run state that is JSON but not an object (`[]`, `null`: a hand-edited or damaged
#     `.cleannews-run.json`) ended `run --resume` in an AttributeError traceback (exit 1); one
#     without its committed sizes in a KeyError. They are "unreadable run state … use --force",
#     exit 2, like a state that is not JSON at all -- and `--force`, which that message
#     advises, failed with the same message (even for a state that is not JSON): it now
#     starts over.

@pytest.mark.parametrize("state", ["[]", "null", '{"format": 1, "fingerprint": null}'])
def test_a_damaged_run_state_is_refused_with_a_message(tmp_path: Path, state: str) -> None:
    out = tmp_path / "out"
    assert main(["run", str(SEED_000), "--out", str(out), "-j", "1", "-q"]) == 0
    (out / ".cleannews-run.json").write_text(state, "utf-8")
    r = _cli("run", SEED_000, "--out", out, "-j", "1", "--resume")
    err = r.stderr.decode()
    assert r.returncode == 2 and "Traceback" not in err
    assert "unreadable run state" in err or "another cleannews version" in err
    # … and, as the message says, --force starts over (it failed with the same message)
    assert main(["run", str(SEED_000), "--out", str(out), "-j", "1", "-q", "--force"]) == 0
    assert [r["id"] for r in read_jsonl(out / "clean.jsonl")] == [str(SEED_000)]


def test_force_starts_over_after_a_run_state_that_is_not_json(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["run", str(SEED_000), "--out", str(out), "-j", "1", "-q"]) == 0
    (out / ".cleannews-run.json").write_text("{broken", "utf-8")
    r = _cli("run", SEED_000, "--out", out, "-j", "1")
    assert r.returncode == 2 and "use --force to start over" in r.stderr.decode()
    assert main(["run", str(SEED_000), "--out", str(out), "-j", "1", "-q", "--force"]) == 0
    assert len(read_jsonl(out / "clean.jsonl")) == 1


# 16. `cleannews clean -` (or `explain -`) with standard input closed (`<&-`, a cron job or a
#     daemon without stdin) died with "AttributeError: 'NoneType' object has no attribute
#     'buffer'"; `run -` read it as an empty input. clean and explain now do the same.

@pytest.mark.parametrize("command", ["clean", "explain", "score"])
def test_a_closed_standard_input_is_an_empty_input(command: str) -> None:
    env = cli_env()
    r = subprocess.run([sys.executable, "-m", "cleannews", command, "-"], stdin=None,
                       capture_output=True, timeout=120, env=env,
                       preexec_fn=lambda: os.close(0))
    err = r.stderr.decode()
    assert r.returncode == 0 and "Traceback" not in err
    assert "empty" in err


# 17. A quarantined JSONL record whose id holds a lone surrogate escape (`"id": "a\ud800"`,
#     an id cut in the middle of an emoji) ended the whole run in a traceback at its first
#     commit (the run state holds the quarantined ids) or, at the end, writing the report:
#     neither could be encoded as UTF-8. Both are written with the id escaped, as the sinks
#     write it, and `cleannews report` renders it (summary and HTML).

def test_a_lone_surrogate_in_a_quarantined_id_does_not_lose_the_report(tmp_path: Path) -> None:
    spun = (SEEDS / "003_d0613672c8185330.txt").read_text("utf-8")
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text(json.dumps({"id": "spun\ud800", "text": spun}) + "\n", "utf-8")
    out = tmp_path / "out"
    r = _cli("run", crawl, "--out", out, "-j", "1")
    assert r.returncode == 0, r.stderr.decode()
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["quarantined"][0]["id"] == "spun\ud800"
    assert read_jsonl(out / "quarantine" / "quarantine.jsonl")[0]["id"] == "spun\ud800"
    page = _cli("report", out / "report.json", "--html", tmp_path / "r.html")
    assert page.returncode == 0, page.stderr.decode()
    assert "spun\\ud800" in (tmp_path / "r.html").read_text("utf-8")
    assert _cli("report", out / "report.json").returncode == 0


# 18. `run --site-templates` counted the same article crawled several times (re-crawls,
#     snapshots, syndication: exact copies) as that many documents of its source: every line
#     of it "recurred", so five copies of an article in a small source were each removed
#     WHOLE as site furniture (`empty_after_cleaning`, "line appears in 5 of 6 documents").
#     Identical documents of a source now count once.

def test_site_templates_do_not_learn_an_article_from_its_copies(tmp_path: Path) -> None:
    slogan = "Le Petit Courrier du Sud, votre quotidien depuis 1920"
    article = ("Le conseil municipal a voté lundi le budget de la ville.\n"
               f"{slogan}\n"
               "La hausse des impôts locaux sera modérée cette année.\n")
    lines = [json.dumps({"id": f"copy{i}", "url": "https://ex.fr/a", "text": article})
             for i in range(5)]
    lines += [json.dumps({"id": f"other{i}", "url": "https://ex.fr/b",
                          "text": f"Article {i} du jour sur la mairie.\n{slogan}\n"})
              for i in range(5)]
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text("\n".join(lines) + "\n", "utf-8")
    out = tmp_path / "out"
    assert main(["run", str(crawl), "--out", str(out), "--site-templates", "-j", "1",
                 "-q"]) == 0
    got = {r["id"]: r["cleannews"] for r in read_jsonl(out / "clean.jsonl")}
    assert sorted(got) == sorted(f"{k}{i}" for k in ("copy", "other") for i in range(5))
    assert got["copy3"]["text"] == ("Le conseil municipal a voté lundi le budget de la ville.\n"
                                    "La hausse des impôts locaux sera modérée cette année.\n")
    assert [c["rule"] for c in got["copy3"]["changes"]] == ["site_template"]  # the furniture

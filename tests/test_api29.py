"""Round 27 (api29): one front half for every way into the pipeline, a broken pipe's exit code,
and the two ids of a non-finite float.

1. ``cleannews.clean`` / ``clean_html`` / ``explain``, ``cleannews clean`` / ``explain`` and the
   batch step of ``run`` / ``score`` go through :func:`cleannews.pipeline.clean_input` (size
   limit, decoding, HTML hint, id): the commands held a copy of it without the size limit.
2. ``cleannews clean … | head -1``, ``score … | head``: no traceback, the exit code of what was
   done before the reader went away.
3. ``batch.ids.id_text`` and ``pipeline.document_id`` on NaN and infinities.

Real inputs: the bundled seeds, a TRAIN page of ``fixtures/strip_real``, an HTML page of
``fixtures/strip``.
"""

from __future__ import annotations

import json
import logging
import math
import subprocess
import sys
from pathlib import Path

import pytest

import cleannews
from _helpers import ROOT, cli_env, read_jsonl, run_cli, sink_records
from cleannews import CleanConfig, InputError, pipeline

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
HTML_PAGE = ROOT / "fixtures" / "strip" / "040_fr_regional_html_marche_noel.html"
#: A TRAIN page of the real-page corpus (French, a site of the train split).
TRAIN_PAGE_ID = "fr-a-0177"
#: ``keep_typography=false``: a configuration other than the default, so that a command
#: that lost its config on the way would give another text.
CONFIG_FLAGS = ("--straighten-quotes", "--no-spin")
CONFIG = CleanConfig(keep_typography=False, score_spin=False)


def _changes(doc_or_obj) -> list[dict]:
    if isinstance(doc_or_obj, dict):
        return doc_or_obj["changes"]
    return [c.to_dict() for c in doc_or_obj.changes]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, train_page) -> dict[str, Path]:
    """The documents, as files: 5 seeds, a TRAIN page, an HTML page."""
    page, _ = train_page(TRAIN_PAGE_ID)  # (fails on a held-out page)
    folder = tmp_path_factory.mktemp("api29")
    files = {}
    for seed in SEEDS:
        files[seed.name] = folder / seed.name
        files[seed.name].write_bytes(seed.read_bytes())
    files["train.txt"] = folder / "train.txt"
    files["train.txt"].write_text(page, "utf-8")
    files["page.html"] = folder / "page.html"
    files["page.html"].write_bytes(HTML_PAGE.read_bytes())
    return files


def _library(path: Path):
    data = path.read_bytes()
    if path.suffix == ".html":
        return cleannews.clean_html(data, CONFIG, id=str(path))
    return cleannews.clean(data, CONFIG, id=str(path))


# --- 1. one front half --------------------------------------------------------------------


def test_library_clean_run_jsonl_and_run_files_agree(corpus, tmp_path) -> None:
    paths = list(corpus.values())
    lib = {str(p): _library(p) for p in paths}
    assert any(d.changes for d in lib.values())
    assert lib[str(corpus["train.txt"])].text != corpus["train.txt"].read_text("utf-8")

    got = run_cli("clean", "--json", *CONFIG_FLAGS, *paths)
    assert got.returncode == 0, got.stderr
    cli = {d["id"]: d for d in map(json.loads, got.stdout.decode().splitlines())}

    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text("".join(json.dumps({"id": str(p), "text": p.read_text("utf-8")},
                                        ensure_ascii=False) + "\n" for p in paths), "utf-8")
    for name, inputs in (("records", [jsonl]), ("files", paths)):
        out = tmp_path / name
        ran = run_cli("run", *inputs, "--out", out, *CONFIG_FLAGS, "-j", "1")
        assert ran.returncode == 0, ran.stderr
        sinks = sink_records(out)
        assert sinks["errors"] == []
        objs = {r["cleannews"]["id"]: r["cleannews"] for r in sinks["out"] + sinks["quarantine"]}
        assert set(objs) == set(lib), name
        for ident, doc in lib.items():
            assert objs[ident]["text"] == doc.text, (name, ident)
            assert _changes(objs[ident]) == _changes(doc), (name, ident)
            assert objs[ident]["verdict"] == doc.verdict, (name, ident)
    assert set(cli) == set(lib)
    for ident, doc in lib.items():
        assert cli[ident]["text"] == doc.text, ident
        assert _changes(cli[ident]) == _changes(doc), ident


def test_explain_renders_the_document_clean_gives(corpus) -> None:
    page = corpus["page.html"].read_bytes()
    text = cleannews.explain(page, CONFIG, html=True)
    doc = cleannews.clean_html(page, CONFIG)
    assert f"verdict: {doc.verdict}" in text
    got = run_cli("explain", "--format", "html", *CONFIG_FLAGS, "--color", "never",
                  corpus["page.html"])
    assert got.returncode == 0, got.stderr
    assert got.stdout.decode() == text


#: A limit (1,048 bytes) below every document of the corpus above (the TRAIN page: 2,000).
SMALL_MB = 0.001


def test_max_input_mb_is_the_library_s_limit_on_every_path(corpus, tmp_path) -> None:
    config = CleanConfig(max_input_mb=SMALL_MB, score_spin=False)
    text, page = corpus["train.txt"], corpus["page.html"]
    for path in (text, page):
        data = path.read_bytes()
        fn = cleannews.clean_html if path.suffix == ".html" else cleannews.clean
        with pytest.raises(InputError, match="CleanConfig max_input_mb"):
            fn(data, config)
        with pytest.raises(InputError, match="CleanConfig max_input_mb"):
            cleannews.explain(data, config, html=path.suffix == ".html")
    # the batch step itself (run / score): its text path skipped the limit
    from cleannews.batch.process import BatchOptions, _clean

    opts = BatchOptions(config=config)
    for html, path in ((False, text), (True, page)):
        with pytest.raises(InputError, match="CleanConfig max_input_mb"):
            _clean(path.read_text("utf-8"), html, opts, "doc-1")
        with pytest.raises(InputError, match="CleanConfig max_input_mb"):
            pipeline.clean_input(path.read_bytes(), config, html=html, hint=False)
    # a document under the limit is cleaned by all of them alike
    small = b"Le conseil municipal a vot\xc3\xa9 le budget mardi soir.\n"
    assert _clean(small, False, opts, "s").text == cleannews.clean(small, config).text


def test_commands_refuse_above_max_input_mb_text_and_html_alike(corpus, tmp_path) -> None:
    sets = ("--set", f"max_input_mb={SMALL_MB}", "--no-spin")
    got = run_cli("clean", *sets, corpus["train.txt"], corpus["page.html"])
    assert got.returncode == 1
    err = got.stderr.decode()
    assert f"{corpus['train.txt']}: file is" in err and f"{corpus['page.html']}: file is" in err
    jsonl = tmp_path / "r.jsonl"
    jsonl.write_text("".join(json.dumps({"id": k, "text": corpus[k].read_text("utf-8")},
                                        ensure_ascii=False) + "\n"
                             for k in ("train.txt", "page.html")), "utf-8")
    ran = run_cli("run", jsonl, "--out", tmp_path / "o", *sets, "-j", "1")
    assert ran.returncode == 1
    errors = sink_records(tmp_path / "o")["errors"]
    assert [(e["id"], e["error"]["type"]) for e in errors] == [
        ("train.txt", "too_large"), ("page.html", "too_large")]


def test_run_batch_refuses_text_records_above_max_input_mb_as_html_ones(corpus, tmp_path) -> None:
    """``run_batch`` with ``BatchOptions(config=CleanConfig(max_input_mb=…))``: an HTML record
    was an ``input`` error, a text record of the same size was cleaned; both are ``too_large``
    now, as ``cleannews run --set max_input_mb=…`` files them, with their ids."""
    from cleannews.batch import BatchOptions, RunSettings, paths_for, run_batch

    jsonl = tmp_path / "r.jsonl"
    jsonl.write_text("".join(json.dumps({"id": k, "text": corpus[k].read_text("utf-8")},
                                        ensure_ascii=False) + "\n"
                             for k in ("train.txt", "page.html")), "utf-8")
    config = CleanConfig(max_input_mb=SMALL_MB, score_spin=False)
    report = run_batch(RunSettings(inputs=[str(jsonl)], paths=paths_for(tmp_path / "o"),
                                   options=BatchOptions(config=config)))
    assert report["documents"]["failed"] == 2
    errors = read_jsonl(tmp_path / "o" / "errors" / "errors.jsonl")
    assert [(e["id"], e["error"]["type"]) for e in errors] == [
        ("train.txt", "too_large"), ("page.html", "too_large")]
    assert all("above the limit of 1048 bytes" in e["error"]["message"] for e in errors)


def _hints(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if "looks like HTML" in r.getMessage()]


def test_a_command_s_call_does_not_use_up_the_library_s_one_hint(corpus, monkeypatch,
                                                                  caplog) -> None:
    from cleannews.batch.process import BatchOptions, _clean

    monkeypatch.setattr(pipeline, "_HTML_HINT_SAID", False)
    caplog.set_level(logging.WARNING, logger="cleannews")
    page = corpus["page.html"].read_text("utf-8")
    _clean(page, False, BatchOptions(fmt="text"), "p1")  # `run --format text`: no hint
    pipeline.clean_input(page, html=False, hint=False)
    assert _hints(caplog) == []
    cleannews.clean(page)
    cleannews.explain(page)
    assert len(_hints(caplog)) == 1


def test_clean_format_text_of_pages_gives_no_hint(corpus, tmp_path) -> None:
    copy = tmp_path / "copy.html"
    copy.write_bytes(corpus["page.html"].read_bytes())
    got = run_cli("clean", "--format", "text", "--no-spin", corpus["page.html"], copy)
    assert got.returncode == 0, got.stderr
    assert b"looks like HTML" not in got.stderr
    assert b"<p>" in got.stdout  # read as text, as asked


def test_the_id_is_kept_by_every_path(corpus) -> None:
    path = corpus[SEEDS[0].name]
    assert cleannews.clean(path.read_bytes(), id=path).id == str(path)
    assert pipeline.clean_input(path.read_bytes(), id=7, hint=False)[1].id == "7"
    from cleannews.batch.process import BatchOptions, _clean

    assert _clean(path.read_bytes(), False, BatchOptions(), "r:3").id == "r:3"
    with pytest.raises(InputError, match="id must be a str"):
        pipeline.clean_input("Un texte.", id=["a"])


# --- 2. a broken pipe: no traceback, the exit code of what was done --------------------------


def _first_line_then_close(args, cwd: Path) -> tuple[bytes, int, bytes]:
    """``cleannews ARGS | head -1`` with a real pipe: read one line, close the pipe, wait."""
    proc = subprocess.Popen([sys.executable, "-m", "cleannews", *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd,
                            env=cli_env())
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    return first, proc.wait(timeout=240), err


def _quiet(err: bytes) -> None:
    assert b"Traceback" not in err and b"Broken pipe" not in err and b"Exception" not in err


@pytest.mark.parametrize("command", [["clean"], ["clean", "--json"], ["explain"]])
def test_clean_into_head_keeps_the_exit_code_of_a_failed_document(tmp_path, command) -> None:
    """A document refused before the reader went away: its ERROR line, then exit code 1 as
    without the pipe (it was 0); nothing else on stderr."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "000.txt").write_bytes(b"Un texte.\x00 Suite.")  # refused: NUL characters
    for i in range(1, 41):  # enough output to fill the pipe
        (corpus / f"{i:03d}.txt").write_bytes(SEEDS[i % len(SEEDS)].read_bytes())
    first, code, err = _first_line_then_close([*command, "--no-spin", corpus], tmp_path)
    assert first
    _quiet(err)
    assert code == 1, err
    assert err.count(b"ERROR") == 1 and b"000.txt: text contains NUL characters" in err


def test_clean_into_head_without_failure_exits_0(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(40):
        (corpus / f"{i:03d}.txt").write_bytes(SEEDS[i % len(SEEDS)].read_bytes())
    first, code, err = _first_line_then_close(["clean", "--no-spin", corpus], tmp_path)
    assert first.startswith(b"==> ")
    _quiet(err)
    assert (code, err) == (0, b"")


@pytest.mark.parametrize("command", [["score"], ["run", "--out", "-"]])
def test_a_batch_into_head_keeps_the_exit_code_of_a_failed_record(tmp_path, command) -> None:
    """``score crawl.jsonl | head -1`` (and ``run … --out -``): a record refused in the chunk
    written before the reader went away is an exit code 1, as the same command gives
    without the pipe (it was 0); no summary (the reader stopped the run), no traceback."""
    data = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": "bad", "text": "Un texte.\x00 Suite."})]
    # far more output than a pipe holds (so the reader's going away is met), small documents
    lines += [json.dumps({"id": f"d{i}", "text": SEEDS[i % len(SEEDS)].read_text("utf-8")[:600]},
                         ensure_ascii=False) for i in range(3000)]
    data.write_text("\n".join(lines) + "\n", "utf-8")
    first, code, err = _first_line_then_close(
        [*command, data, "-j", "1", "--chunk-size", "2",
         *(["--no-spin"] if command[0] == "run" else [])], tmp_path)  # score: usage error
    assert first
    _quiet(err)
    assert code == 1, err
    assert b"(id bad): nul" in err and b"documents in" not in err  # said; no summary


# --- 3. the two ids of a number ------------------------------------------------------------


@pytest.mark.parametrize("value", [7, -3, 0, 2.5, 1e20, 1e-7, float("nan"), float("inf"),
                                   -float("inf"), 1e400])
def test_library_and_batch_name_a_numeric_id_alike(value) -> None:
    """``clean(text, id=value)`` and a run's record ``{"id": value}``: the same id, and no id
    for a NaN or an infinity (the library's ``None``, the batch's ``PATH:LINE``)."""
    from cleannews.batch.ids import id_text
    from cleannews.pipeline import document_id

    fallback = "f.jsonl:1"
    batch, library = id_text(value, fallback), document_id(value)
    if isinstance(value, float) and not math.isfinite(value):
        assert (library, batch) == (None, fallback)
    else:
        assert library == batch == str(value)
    assert cleannews.clean("Le maire a parlé.", id=value).id == library

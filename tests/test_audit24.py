"""Round 24's audit: the per-document time limit of audit23 (``--doc-timeout``) reaches the
library's pipeline functions (``doc_timeout=`` of :mod:`cleannews.batch.api`), ``cleannews
clean`` and the first pass of ``--find-copies`` (docs/cli.md, "Twenty-fourth round,
audit24"). The slow input is audit23's: a 3 MB document of distinct real seed lines (about
2 s to clean on an idle core) among small ones, under a limit of SLOW_LIMIT (1 s)."""

from __future__ import annotations

import json
import signal
import threading
from pathlib import Path

import pytest

from _helpers import (
    SLOW_LIMIT,
    SMALL_ARTICLE,
    big_text,
    run_cli,
    sink_records,
    write_slow_corpus,
)


@pytest.fixture(scope="module")
def big() -> str:
    """The 3 MB slow document."""
    return big_text()


def _no_alarm_left() -> None:
    """The alarm is off after the rows and the ``SIGALRM`` handler is Python's own again."""
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)


# --- 1. the library's pipeline functions ---------------------------------------------------


def test_clean_batch_stops_the_slow_row_and_goes_on(big) -> None:
    from cleannews.batch.api import clean_batch

    out = clean_batch({"text": [SMALL_ARTICLE, big, SMALL_ARTICLE], "id": ["a", "big", "b"]},
                      doc_timeout=SLOW_LIMIT)
    assert out["cleannews_verdict"] == ["keep", "error", "keep"]
    assert out["cleannews_error"][0] == out["cleannews_error"][2] == ""
    assert out["cleannews_error"][1] == (
        f"cleaning took longer than {SLOW_LIMIT:g} s (doc_timeout=): the document was stopped, "
        "the batch went on")
    assert out["text"][1] == "" and out["cleannews_changes"][1] == []
    assert out["text"][0].startswith("Le conseil municipal adopte le budget")
    _no_alarm_left()


def test_clean_record_and_clean_text_stop_the_slow_text(big) -> None:
    from cleannews.batch.api import clean_record, clean_text

    rec = clean_record(big, doc_timeout=SLOW_LIMIT)
    assert (rec["cleannews_verdict"], rec["cleannews_spin_label"]) == ("error", "not_scored")
    assert "(doc_timeout=)" in rec["cleannews_error"]
    assert clean_record(SMALL_ARTICLE, doc_timeout=SLOW_LIMIT)["cleannews_verdict"] == "keep"
    assert clean_text(big, doc_timeout=SLOW_LIMIT) == ""
    assert clean_text(SMALL_ARTICLE, doc_timeout=SLOW_LIMIT).startswith("Le conseil")
    assert clean_text(None, doc_timeout=SLOW_LIMIT) is None
    _no_alarm_left()


def test_clean_frame_stops_the_slow_row(big) -> None:
    pd = pytest.importorskip("pandas")
    from cleannews.batch.api import clean_frame

    out = clean_frame(pd.DataFrame({"text": [SMALL_ARTICLE, big]}), doc_timeout=SLOW_LIMIT)
    assert list(out.cleannews_verdict) == ["keep", "error"]
    assert "(doc_timeout=)" in out.cleannews_error[1]


@pytest.mark.parametrize("value", [0, -1, float("inf"), float("nan"), "30", True])
def test_a_bad_limit_is_the_callers_error(value) -> None:
    from cleannews import ConfigError
    from cleannews.batch.api import clean_batch, clean_record, clean_text

    for call in (lambda: clean_text("Un texte.", doc_timeout=value),
                 lambda: clean_record("Un texte.", doc_timeout=value),
                 lambda: clean_batch({"text": ["Un texte."]}, doc_timeout=value)):
        with pytest.raises(ConfigError, match="doc_timeout must be a finite number of seconds"):
            call()


def test_a_limit_that_cannot_be_applied_is_said_once(big, caplog) -> None:
    """From a thread no signal arrives: the rows are cleaned without the limit (the big one
    too), and a warning says so, once per process."""
    from cleannews.batch import api, process

    process._UNLIMITED_SAID = False
    got: list = []
    with caplog.at_level("WARNING", logger="cleannews"):
        worker = threading.Thread(target=lambda: got.append(api.clean_batch(
            {"text": [big, SMALL_ARTICLE]}, doc_timeout=SLOW_LIMIT)["cleannews_verdict"]))
        worker.start()
        worker.join()
        api.clean_text("Un texte.", doc_timeout=SLOW_LIMIT)
    assert got[0][1] == "keep" and got[0][0] in ("keep", "quarantine")
    assert caplog.text.count("doc_timeout: the limit is not applied here") == 1


# --- 2. cleannews clean --doc-timeout -------------------------------------------------------


@pytest.fixture(scope="module")
def three_files(tmp_path_factory, big) -> list[Path]:
    """``a.txt`` (small), ``big.txt`` (slow), ``c.txt`` (small)."""
    folder = tmp_path_factory.mktemp("clean")
    files = [folder / "a.txt", folder / "big.txt", folder / "c.txt"]
    for path, text in zip(files, [SMALL_ARTICLE, big, SMALL_ARTICLE], strict=True):
        path.write_text(text, encoding="utf-8")
    return files


def test_clean_names_the_slow_input_and_cleans_the_others(three_files) -> None:
    a, slow, c = three_files
    run = run_cli("clean", "--doc-timeout", str(SLOW_LIMIT), a, slow, c)
    assert run.returncode == 1, run.stderr
    assert (f"{slow}: cleaning took longer than {SLOW_LIMIT:g} s (--doc-timeout): the document was "
            "stopped").encode() in run.stderr
    out = run.stdout.decode()
    assert f"==> {a} <==" in out and f"==> {c} <==" in out and "big.txt" not in out
    assert out.count("Le conseil municipal adopte le budget") == 2


def test_clean_json_prints_the_others(three_files) -> None:
    run = run_cli("clean", "--json", "--doc-timeout", str(SLOW_LIMIT), *three_files)
    assert run.returncode == 1, run.stderr
    assert [json.loads(line)["verdict"] for line in run.stdout.splitlines()] == ["keep", "keep"]


def test_clean_from_stdin_under_the_limit(big) -> None:
    run = run_cli("clean", "--doc-timeout", str(SLOW_LIMIT), "-", stdin=big.encode())
    assert run.returncode == 1
    assert f"cleaning took longer than {SLOW_LIMIT:g} s (--doc-timeout)".encode() in run.stderr
    assert run.stdout == b""
    small = run_cli("clean", "--doc-timeout", "30", "-", stdin=SMALL_ARTICLE.encode())
    assert small.returncode == 0, small.stderr
    assert small.stdout.decode().startswith("Le conseil municipal adopte le budget")


@pytest.mark.parametrize("value", ["0", "-1", "inf", "nan", "soon"])
def test_clean_refuses_a_bad_limit(tmp_path, value) -> None:
    page = tmp_path / "a.txt"
    page.write_text(SMALL_ARTICLE, encoding="utf-8")
    run = run_cli("clean", "--doc-timeout", value, page)
    assert run.returncode == 2
    assert b"argument --doc-timeout: must be a" in run.stderr
    assert run.stdout == b""


# --- 3. the first pass of --find-copies ----------------------------------------------------

#: A page of 16,000 distinct paragraphs (about 6 MB): extracting its article for the copy
#: pass takes well over a second on an idle core.
BIG_PAGE_LINES = 16000


@pytest.fixture(scope="module")
def page_corpus(tmp_path_factory) -> Path:
    """Two copies of the small article (``x``, ``y``), then a big HTML page (``page``)."""
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in
                                    big_text(BIG_PAGE_LINES).split("\n")) + "</body></html>"
    records = [{"id": "x", "text": SMALL_ARTICLE}, {"id": "y", "text": SMALL_ARTICLE},
               {"id": "page", "text": page}]
    path = tmp_path_factory.mktemp("copies") / "pages.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def test_the_copy_pass_leaves_out_a_page_over_the_limit(page_corpus, caplog) -> None:
    pytest.importorskip("numpy", reason="copy detection needs numpy")
    from cleannews.batch.copies import learn_copies
    from cleannews.batch.sources import iter_items

    items = list(iter_items([str(page_corpus)], "auto", warn=False))
    with caplog.at_level("WARNING", logger="cleannews"):
        state = learn_copies(items, "text", "id", doc_timeout=SLOW_LIMIT)
    assert state["documents"] == 2  # x and y; the page left out
    assert state["by_seq"]["1"]["role"] == "duplicate"
    assert "left out of the copy pass" in caplog.text and ":3: reading it took" in caplog.text
    _no_alarm_left()


def test_a_run_with_copies_files_the_slow_page_as_a_timeout(tmp_path, page_corpus) -> None:
    pytest.importorskip("numpy", reason="copy detection needs numpy")
    out = tmp_path / "out"
    run = run_cli("run", page_corpus, "--out", out, "--find-copies", "--doc-timeout",
                  str(SLOW_LIMIT), "-j", "1")
    assert run.returncode == 1, run.stderr
    assert b"left out of the copy pass" in run.stderr
    sinks = sink_records(out)
    assert [(r["id"], r["error"]["type"]) for r in sinks["errors"]] == [("page", "timeout")]
    assert [r["cleannews"]["copies"]["role"] for r in sinks["out"]] == ["original",
                                                                        "duplicate"]


def test_the_slow_corpus_of_audit23_under_clean_batch(tmp_path) -> None:
    """audit23's corpus read row by row as a ``datasets`` batch would give it."""
    from cleannews.batch.api import clean_batch

    rows = [json.loads(line) for line in
            write_slow_corpus(tmp_path / "slow.jsonl").read_text("utf-8").splitlines()]
    out = clean_batch({"text": [r["text"] for r in rows]}, doc_timeout=SLOW_LIMIT)
    assert [r["id"] for r, v in zip(rows, out["cleannews_verdict"], strict=True)
            if v == "error"] == ["big"]

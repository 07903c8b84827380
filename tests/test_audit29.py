"""Round 27 audit (audit29): ``explain``, ``report`` / the HTML page, datatrove, the public types.

1. ``cleannews explain`` printed the metadata, the reasons and the evidence raw: an HTML
   page's ``<title>`` holding ``ESC[2J`` (a terminal escape) or U+202E (a right-to-left
   override) ran in the user's terminal. They are escaped, as the lines already were.
2. The summary of ``run`` (stderr) and ``cleannews report`` printed the repeated ids raw:
   an id holding ``ESC[2J`` cleared the screen. Every summary line is escaped.
3. The report's list of quarantined documents had no reason: a document set aside as
   ``other_language`` was listed with score 0.00 and no evidence, nothing saying why. Each
   entry has ``reason`` (``Document.reason``), the HTML page a "why" column; ids, reasons and
   examples with control characters are shown escaped there too.
4. ``MissingExtraError`` did not unpickle (a ``multiprocessing`` worker raising it broke the
   pool's result): it does. ``SpinScore``, a frozen dataclass, was unhashable (its
   ``signals`` dict): it hashes.
5. Pinned, as found right: every change of the seeds, of TRAIN pages of the real-page corpus
   and of the HTML fixtures is shown by ``explain`` under a line with its rule and reason, its
   span inside the input; ``Document`` / ``SpinScore`` survive JSON and pickle; a datatrove
   pipeline puts every document in exactly one place.
"""

from __future__ import annotations

import json
import multiprocessing
import pickle
from pathlib import Path

import pytest

import cleannews
from _helpers import read_jsonl, run_cli, train_pages
from cleannews import Document
from cleannews._explain import METADATA_SHOWN_CHARS, render
from cleannews.config import CleanConfig
from cleannews.document import SpinScore
from cleannews.errors import MissingExtraError
from cleannews.pipeline import _clean_decoded, _clean_html_decoded, read_input

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
HTML_FIXTURES = sorted((ROOT / "fixtures" / "strip").glob("*.html"))
#: Every this-many-th TRAIN page of the real-page corpus is explained (a sample, for time).
TRAIN_STRIDE = 7
BODY = ("Le conseil municipal a voté le budget de la ville mardi soir après un long débat "
        "entre les élus de la majorité et ceux de l'opposition, qui le jugent injuste.")
#: A page whose <title> holds a screen-clearing escape, an OSC title sequence and U+202E, and
#: whose canonical URL holds them too: the title is repaired since round 27 (the repair stage's
#: fixes remove the escape and the control characters: polish29), the URL is not.
HOSTILE_TITLE = "Titre \x1b[2J\x1b]0;pwned\x07 \u202e fin"
HOSTILE_PAGE = (f"<html><head><title>{HOSTILE_TITLE}</title><link rel='canonical' "
                f"href='{HOSTILE_TITLE}'></head><body><article><p>{BODY}"
                "</p></article></body></html>")


def _train_texts() -> list[tuple[str, str]]:
    """(id, text) of every TRAIN_STRIDE-th TRAIN page (only TRAIN is read: never a held-out
    page)."""
    pages = train_pages()
    assert pages and all(rec["split"] == "train" for rec, _, _ in pages)
    return [(rec["id"], doc) for rec, doc, _ in pages[::TRAIN_STRIDE]]


def _explained(data: str | bytes, html: bool) -> tuple[str, Document, str]:
    cfg = CleanConfig()
    source, changes = read_input(data, cfg, html=html)
    doc = (_clean_html_decoded if html else _clean_decoded)(source, changes, cfg, None)
    return source, doc, render(source, doc)


# --- 1. explain: the data's control characters never reach the terminal ---------------------


def test_explain_cli_escapes_a_hostile_html_title(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(HOSTILE_PAGE, encoding="utf-8")
    r = run_cli("explain", page)
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode("utf-8")
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "url=Titre \\x1b[2J\\x1b]0;pwned\\x07 \\u202e fin" in out
    assert "metadata: title=Titre ]0;pwned \\u202e fin" in out  # repaired, U+202E escaped


def test_explain_library_escapes_a_hostile_html_title():
    out = cleannews.explain(HOSTILE_PAGE, html=True)
    assert "\x1b" not in out and "\u202e" not in out
    assert "url=Titre \\x1b[2J" in out


def test_a_long_metadata_value_is_cut():
    title = "Le budget " * 2000
    out = cleannews.explain(f"<html><head><title>{title}</title></head><body><article>"
                            f"<p>{BODY}</p></article></body></html>", html=True)
    line = next(x for x in out.splitlines() if x.startswith("metadata: "))
    assert "…" in line and len(line) < 2 * METADATA_SHOWN_CHARS + 400


# --- 5. explain: every change shown, spans inside the input (pinned) ------------------------


def _inputs():
    for p in SEEDS:
        yield p.name, p.read_bytes(), False
    for page_id, text in _train_texts():
        yield page_id, text, False
    for p in HTML_FIXTURES:
        yield p.name, p.read_bytes(), True


@pytest.mark.parametrize(("name", "data", "html"), list(_inputs()), ids=lambda v: str(v)[:30])
def test_explain_shows_every_change_with_its_rule_and_reason(name, data, html):
    source, doc, out = _explained(data, html)
    repaired = [c.span for c in doc.changes if c.stage == "repair"]
    for c in doc.changes:
        assert 0 <= c.span[0] <= c.span[1] <= len(source), (name, c)
        if c.before and not html and not any(
            s < c.span[1] and c.span[0] < e for s, e in repaired if c.stage != "repair"
        ):  # the text the change took is at its span (blank lines aside: the repair stage
            # folds runs of them before the strip stage; a line the repair stage changed
            # first, "&amp;" -> "&" in it-r30-0006, is shown as the strip stage saw it)
            assert source[c.span[0]:c.span[1]].split() == c.before.split(), (name, c)
        assert f"[{c.stage}:{c.rule}] {c.reason}" in out, (name, c)
    assert out.rstrip("\n").splitlines()[-1] != ""


def test_explain_of_10000_lines_shows_each_line_once(tmp_path):
    seed = [x for x in SEEDS[0].read_text("utf-8").splitlines() if x.strip()]
    lines = ["Partager sur Facebook" if i % 7 == 0 else seed[i % len(seed)] for i in range(10_000)]
    path = tmp_path / "long.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run_cli("explain", "--changes-only", "-", stdin=path.read_bytes())
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode("utf-8").splitlines()
    marked = [x.split(None, 2) for x in out if x[:5].strip().isdigit()]
    numbers = [int(x[0]) for x in marked]
    assert numbers == sorted(set(numbers))  # each line once, in order
    assert [n for n, x in zip(numbers, marked, strict=True)
            if x[1:] == ["-", "Partager sur Facebook"]] == list(range(1, 10_001, 7))
    assert all(len(x) < 400 for x in out)  # a line is cut at 200 characters


@pytest.mark.parametrize("brk", ["\r", "\u2028"])
def test_explain_says_a_replaced_line_break_once(brk):
    """ftfy's ``fix_line_breaks`` is one change per break: each of 10,000 lines was marked
    changed with its own detail line (``\r\n`` is one ``normalize_line_breaks`` change)."""
    seed = [x for x in SEEDS[0].read_text("utf-8").splitlines() if x.strip()]
    lines = ["Partager sur Facebook" if i % 7 == 0 else seed[i % len(seed)] for i in range(10_000)]
    text = brk.join(lines)
    doc = cleannews.clean(text)
    assert sum(c.rule == "fix_line_breaks" for c in doc.changes) == 9_999
    out = cleannews.explain(text, changes_only=True)
    said = [x for x in out.splitlines() if "[repair:fix_line_breaks]" in x]
    assert len(said) == 1 and "(9,999 line breaks, the first on this line)" in said[0]
    assert not any(x.split(None, 2)[1:2] == ["~"] for x in out.splitlines()[:40])
    assert len(out.splitlines()) < 3 * 10_000 // 7 + 20  # the removed lines and their rules


def test_blank_lines_removed_at_both_ends_are_each_shown():
    out = cleannews.explain("\n\n" + BODY + "\n\n")
    assert out.count("[repair:strip_edge_blank_lines]") == 2


# --- 2. the summary of run / report escapes the data's ids ----------------------------------


def _hostile_corpus(path: Path) -> Path:
    recs = [{"id": "\x1b[2Jclear", "text": f"Partager sur Facebook\n{BODY}"},
            {"id": "\x1b[2Jclear", "text": f"{BODY} Deux."},
            {"id": "<script>alert(1)</script>", "text": f"Partager sur Facebook\n{BODY} Trois."},
            {"id": "x\u202ey</td>", "text": f"{BODY} Quatre."}]
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return path


def test_run_summary_and_report_escape_a_repeated_id(tmp_path):
    corpus = _hostile_corpus(tmp_path / "c.jsonl")
    r = run_cli("run", corpus, "--out", tmp_path / "out", "-j", "1", "--no-progress")
    assert r.returncode == 0, r.stderr
    err = r.stderr.decode("utf-8")
    assert "repeated ids: 1 document" in err and "\x1b" not in err
    assert "(\\x1b[2Jclear)" in err
    shown = run_cli("report", tmp_path / "out")
    assert shown.returncode == 0, shown.stderr
    assert "\x1b" not in shown.stdout.decode("utf-8")
    assert "(\\x1b[2Jclear)" in shown.stdout.decode("utf-8")


# --- 3. the report says why a document was set aside; the page stays inert -----------------


def test_report_lists_why_a_document_was_set_aside(tmp_path):
    corpus = _hostile_corpus(tmp_path / "c\x1b[2J.jsonl")  # a file name with an escape
    out = tmp_path / "out"
    r = run_cli("run", corpus, "--out", out, "-j", "1", "--no-progress", "--languages", "en")
    assert r.returncode == 0, r.stderr
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["documents"]["quarantined"] == 4
    sink = {rec["id"]: rec["cleannews"]["reason"]
            for rec in read_jsonl(out / "quarantine" / "quarantine.jsonl")}
    for entry in report["quarantined"]:
        assert entry["reason"] == sink[entry["id"]] and "fr" in entry["reason"]
    page = tmp_path / "r.html"
    assert run_cli("report", out, "--html", page).returncode == 0
    html = page.read_text("utf-8")
    assert "<th>why</th>" in html and sink["\x1b[2Jclear"] in html
    assert "<script" not in html and "</td>\u202e" not in html
    assert "\x1b" not in html and "\u202e" not in html
    assert "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>" in html
    assert "<code>x\\u202ey&lt;/td&gt;</code>" in html
    assert "c\\x1b[2J.jsonl" in html  # the input and the command line


def test_a_report_written_before_the_reason_still_reads(tmp_path):
    """Reports of earlier versions have no ``reason`` in their quarantined entries."""
    from cleannews.batch.html_report import render_html
    from cleannews.cli.report import shape_problem

    report = {"command": "run", "documents": {"in": 1, "out": 0, "quarantined": 1, "failed": 0},
              "rules": {}, "spin": {}, "quarantined": [{"id": "a", "score": 0.95,
                                                        "evidence": []}]}
    assert shape_problem(report) is None
    assert "<code>a</code>" in render_html(report)
    assert shape_problem({**report, "quarantined": [{"id": "a", "reason": 3}]}) is not None


# --- 4. the public types in multiprocessing -------------------------------------------------


def _raise_missing_extra(_: int) -> None:
    raise MissingExtraError("clean_frame", "pandas", "pandas")


def test_missing_extra_error_crosses_a_process_pool():
    e = pickle.loads(pickle.dumps(MissingExtraError("copy detection", "copies", "numpy")))
    assert (e.feature, e.extra, e.package) == ("copy detection", "copies", "numpy")
    assert str(e) == str(MissingExtraError("copy detection", "copies", "numpy"))
    with multiprocessing.get_context("fork").Pool(1) as pool:
        with pytest.raises(MissingExtraError, match=r"pip install 'cleannews\[pandas\]'"):
            pool.map(_raise_missing_extra, [1], chunksize=1)


def test_spin_score_of_a_real_document_hashes():
    doc = cleannews.clean(SEEDS[0].read_text("utf-8"))
    assert doc.spin.signals  # the dict that made it unhashable
    again = SpinScore.from_dict(json.loads(json.dumps(doc.spin.to_dict())))
    assert again == doc.spin and hash(again) == hash(doc.spin)
    assert len({doc.spin, again}) == 1


@pytest.mark.parametrize("path", SEEDS + HTML_FIXTURES[:3], ids=lambda p: p.name)
def test_documents_survive_json_and_pickle(path):
    data = path.read_bytes()
    doc = (cleannews.clean_html if path.suffix == ".html" else cleannews.clean)(data, id="d1")
    assert Document.from_dict(json.loads(doc.to_json())) == doc
    assert pickle.loads(pickle.dumps(doc)) == doc
    assert repr(doc).startswith("Document(text=")


# --- 5. datatrove: every document in exactly one place (pinned) ------------------------------


def test_datatrove_pipeline_puts_each_document_in_one_place(tmp_path):
    pytest.importorskip("datatrove")
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.writers import JsonlWriter

    from cleannews.integrations.datatrove import (
        CleannewsCleaner,
        CleannewsJsonlReader,
        CleannewsSpinFilter,
    )

    src = tmp_path / "in"
    src.mkdir()
    english = ("The city council voted the budget on Tuesday evening after a long debate "
               "between the members of the majority and those of the opposition.")
    lines = [json.dumps(r) for r in (
        {"id": "<script>", "text": f"Partager sur Facebook\n{BODY}"},
        {"id": "boiler", "text": "Partager sur Facebook\nEspace publicitaire · 300×250"},
        {"id": "nul", "text": "a\x00b"}, {"id": "num", "text": 3}, {"id": "en", "text": english},
        {"id": 7, "text": f"{BODY} Sept."}, {"id": "blank", "text": "   "})]
    damaged = b'{"id": "broken", "text": "ab\n{"id":"latin","text":"caf\x81"}\n'
    (src / "a.jsonl").write_bytes(("\n".join(lines) + "\n").encode() + damaged)
    LocalPipelineExecutor(pipeline=[
        CleannewsJsonlReader(str(src)),
        CleannewsCleaner(config=CleanConfig(accept_languages=("fr",))),
        CleannewsSpinFilter(exclusion_writer=JsonlWriter(str(tmp_path / "q"))),
        JsonlWriter(str(tmp_path / "out")),
    ], tasks=1, logging_dir=str(tmp_path / "logs")).run()
    kept = [r["id"] for f in (tmp_path / "out").glob("*.jsonl.gz") for r in read_jsonl(f)]
    excluded = {r["id"]: r["metadata"]["filter_reason"]
                for f in (tmp_path / "q").glob("*.jsonl.gz") for r in read_jsonl(f)}
    assert sorted(kept) == ["7", "<script>"]
    assert excluded == {"boiler": "cleannews_error", "nul": "cleannews_error",
                        "num": "cleannews_error", "en": "other_language",
                        "blank": "cleannews_error", "broken": "cleannews_error",
                        "latin": "cleannews_error"}

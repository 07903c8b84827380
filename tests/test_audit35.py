"""Round 30 audit (audit35): short texts' language, the run record's language, the report.

Bugs fixed (each test says ``fails on main``):

1. A short text's ``SpinScore.language`` was the spin detector's own French test, not the
   document's language: ``clean("se sont")`` had ``language None`` and ``spin.language "fr"``,
   ``clean("Business school) et")`` ``"en"`` and ``"fr"`` (so did ``spin_score``, and a run's
   record, whose only language was ``spin.language``). Now the unscored labels
   (``insufficient``, ``unsupported_language``) carry ``Document.language``.
2. ``cleannews run``'s record had no ``language`` (only ``spin.language``, ``"fr"`` for any
   scored text), the datatrove summary and pandas columns had one: the ``cleannews`` object
   and ``cleannews score``'s lines now hold ``language`` (``Document.language``).
3. ``cleannews report`` of a report holding ``NaN`` / ``Infinity`` (Python's json reads them)
   printed "nan documents in", exit 0; a negative histogram count drew "No document was
   spin-scored" for ``[-1, 1]``: both are exit 2 with the reason.
4. ``explain`` printed no language line when ``Document.language`` is ``None``: it says
   ``language: none identified (…)`` (``explain --json``: ``null``, as before).
5. The HTML report let a long word of the data (an example, a reason, a path) widen its table
   past the page: the body has ``overflow-wrap:anywhere``.

Pinned, as found right: ``clean("x")`` is kept (a one-word document does not vanish, in
``clean`` and in ``run``) while a share bar alone is ``empty_after_cleaning``; a spun pair's
reason reads the same in either argument order (``find_copies`` too); a too-short page is
``None`` in clean, clean_html, the run record and the datatrove summary; a ``run`` over a
folder of bad inputs (empty, binary, invalid UTF-8, a 1 MB line, broken HTML, broken JSONL)
puts every document in exactly one sink with its id, exit 1.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleannews
from _helpers import SINK_PATHS, run_cli, sink_records, write_jsonl

FRENCH = ("Le conseil municipal a adopté mardi soir le budget de la ville pour l'année "
          "prochaine, après trois heures de débat.")

#: Short texts whose spin detector's French test and ``Document.language`` disagreed on main.
SHORT_DISAGREEING = ["se sont", "Business school) et"]
#: Short texts where they agreed (pinned).
SHORT_AGREEING = ["x", "Sport Culture Page", "Lyon Infos Météo", "Un titre court."]


# --- 1. clean("x") ------------------------------------------------------------------------


def test_one_word_document_is_kept_by_clean_and_by_run(tmp_path: Path) -> None:
    """Pinned: a lone word stays (clean and run agree); a share bar alone goes, with a reason."""
    doc = cleannews.clean("x")
    assert (doc.text, doc.verdict, doc.quarantined) == ("x", "keep", False)
    bar = cleannews.clean("Partager sur Facebook")
    assert bar.verdict == "empty_after_cleaning" and "share" in bar.reason
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "one", "text": "x"},
                                              {"id": "bar", "text": "Partager sur Facebook"}])
    r = run_cli("run", src, "--out", tmp_path / "o")
    assert r.returncode == 1, r.stderr
    sinks = sink_records(tmp_path / "o")
    assert [(x["id"], x["cleannews"]["text"]) for x in sinks["out"]] == [("one", "x")]
    assert [(x["id"], x["error"]["type"]) for x in sinks["errors"]] == [
        ("bar", "empty_after_cleaning")]


# --- 2. a short text's language -------------------------------------------------------------


@pytest.mark.parametrize("text", SHORT_DISAGREEING + SHORT_AGREEING)
def test_a_short_texts_spin_language_is_the_documents(text: str) -> None:
    """Fails on main for ``SHORT_DISAGREEING``: ``spin.language`` was ``"fr"``."""
    from cleannews._lang import identify_language

    want = identify_language(text)
    doc = cleannews.clean(text)
    page = cleannews.clean_html(f"<html><body><p>{text}</p></body></html>")
    assert doc.spin.label == page.spin.label == "insufficient"
    assert doc.language == doc.spin.language == want
    assert page.language == page.spin.language == want
    assert cleannews.spin_score(text).language == want


def test_the_language_field_is_none_everywhere_for_a_three_word_page(tmp_path: Path) -> None:
    """clean, clean_html, the run record and ``score`` line (fails on main: no field) say
    ``None`` for "Sport Culture Page" (py3langid: ``bcl``)."""
    page = "<html><body><p>Sport Culture Page</p></body></html>"
    assert cleannews.clean_html(page).language is None
    assert cleannews.clean("Sport Culture Page").language is None
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "page.html").write_text(page, encoding="utf-8")
    (tmp_path / "p" / "fr.txt").write_text(FRENCH, encoding="utf-8")
    r = run_cli("run", tmp_path / "p", "--out", tmp_path / "o")
    assert r.returncode == 0, r.stderr
    got = {Path(x["id"]).name: x["cleannews"] for x in sink_records(tmp_path / "o")["out"]}
    assert got["page.html"]["language"] is None and got["page.html"]["spin"]["language"] is None
    assert got["fr.txt"]["language"] == "fr"
    s = run_cli("score", tmp_path / "p")
    assert s.returncode == 0, s.stderr
    lines = {Path(x["id"]).name: x for x in map(json.loads, s.stdout.decode().splitlines())}
    assert lines["page.html"]["language"] is None and lines["fr.txt"]["language"] == "fr"


def test_explain_says_a_short_text_has_no_identified_language(tmp_path: Path) -> None:
    """Fails on main: ``explain`` printed no language line for ``None`` (``--json``: null)."""
    f = tmp_path / "short.txt"
    f.write_text("Sport Culture Page\n", encoding="utf-8")
    r = run_cli("explain", f, "--color", "never")
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode().splitlines()[-1] == (
        "language: none identified (too short to tell, or no language the model can name)")
    j = run_cli("explain", f, "--json")
    assert json.loads(j.stdout)["language"] is None
    assert cleannews.explain(FRENCH).splitlines()[-1] == "language: fr"
    empty = cleannews.explain("Partager sur Facebook\n")  # no text left: no language line
    assert "language:" not in empty


def test_the_datatrove_summary_says_the_same_language() -> None:
    """Pinned: the datatrove cleaner's summary holds ``Document.language``."""
    pytest.importorskip("datatrove", reason="datatrove is not installed")
    from datatrove.data import Document

    from cleannews.integrations.datatrove import CleannewsCleaner

    texts = ["Sport Culture Page", "Business school) et", FRENCH]
    docs = list(CleannewsCleaner().run(iter(Document(text=t, id=str(i))
                                            for i, t in enumerate(texts))))
    assert [d.metadata["cleannews"]["language"] for d in docs] == [
        cleannews.clean(t).language for t in texts] == [None, "en", "fr"]


def test_the_run_records_language_is_documented() -> None:
    """docs/batch.md's record example names the field the record now has."""
    docs = (Path(__file__).parents[1] / "docs" / "batch.md").read_text(encoding="utf-8")
    example = docs.split("**Clean and quarantine records.**")[1].split("```")[1]
    assert '"language":' in example.split('"spin":')[0]


# --- 3. the copies reason -------------------------------------------------------------------

SPUN_A = ("Le gouvernement a annoncé mardi une forte hausse des prix du gaz pour l'hiver. Les "
          "ménages devront payer davantage selon le ministre qui a déclaré que la situation "
          "était grave.")
SPUN_B = ("Le gouvernement a proclamé mardi une vigoureuse hausse des tarifs du gaz pour "
          "l'hiver. Les foyers devront régler davantage selon le ministre qui a affirmé que la "
          "situation était sérieuse.")


def test_a_spun_links_reason_and_direction_do_not_follow_the_argument_order() -> None:
    """Pinned: ``find_copies`` names the same source, reason and (positive) direction for
    ``[a, b]`` and ``[b, a]``; the figures are the source's minus the copy's."""
    from cleannews.copies import find_copies

    [ab] = find_copies([SPUN_A, SPUN_B], ids=["a", "b"], min_words=5)
    [ba] = find_copies([SPUN_B, SPUN_A], ids=["b", "a"], min_words=5)
    assert (ab.kind, ab.source, ab.copy) == (ba.kind, ba.source, ba.copy) == (
        "spun_copy", "a", "b")
    assert ab.reason == ba.reason and ab.direction == ba.direction > 0
    assert "words more common by +" in ab.reason


# --- 4. the report --------------------------------------------------------------------------


def _report(tmp_path: Path) -> dict:
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": FRENCH}])
    r = run_cli("run", src, "--out", tmp_path / "o")
    assert r.returncode == 0, r.stderr
    return json.loads((tmp_path / "o" / "report.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("where", ["documents", "histogram", "throughput"])
@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_a_report_holding_nan_is_refused(tmp_path: Path, where: str, constant: str) -> None:
    """Fails on main: the summary printed "nan documents in" / "nan docs/s", exit 0."""
    report = _report(tmp_path)
    if where == "documents":
        report["documents"]["in"] = "@"
    elif where == "histogram":
        report["spin"]["histogram"]["counts"][0] = "@"
    else:
        report["throughput"]["docs_per_s"] = "@"
    path = tmp_path / "r.json"
    path.write_text(json.dumps(report).replace('"@"', constant), encoding="utf-8")
    for html in ([], ["--html"]):
        r = run_cli("report", path, *html)
        assert r.returncode == 2, r.stdout[:300]
        assert f"{constant.lstrip('-')} is not a JSON number" in r.stderr.decode()
        assert b"nan" not in r.stdout.lower() and b"inf" not in r.stdout.lower()


def test_a_negative_histogram_count_is_refused(tmp_path: Path) -> None:
    """Fails on main: ``[-1, 1, 0 …]`` summed to 0 and the page said no document was scored."""
    report = _report(tmp_path)
    assert 0 in report["spin"]["histogram"]["counts"]  # a count of 0 is a count
    path = tmp_path / "r.json"
    path.write_text(json.dumps(report), encoding="utf-8")
    assert run_cli("report", path, "--html").returncode == 0
    report["spin"]["histogram"]["counts"][:2] = [-1, 1]
    path.write_text(json.dumps(report), encoding="utf-8")
    r = run_cli("report", path, "--html")
    assert r.returncode == 2 and not r.stdout
    assert '"spin.histogram.counts[0]" is -1' in r.stderr.decode()


def test_the_html_report_breaks_long_words(tmp_path: Path) -> None:
    """Fails on main: only ``<code>`` broke a long word; a 3,000-letter word of the data
    (a removed example, a quarantine reason, an input path, an error type) widened its table.
    The body's ``overflow-wrap:anywhere`` is inherited by every cell."""
    import re

    from cleannews.batch.html_report import render_html

    word = "a" * 3000
    report = _report(tmp_path)
    report["examples"] = {"share_bar": [word]}
    report["rules"] = {"share_bar": {"removed": 1, "removed_bytes": 3000, "changes": 1}}
    report["quarantined"] = [{"id": "q", "score": 1.0, "reason": word, "evidence": []}]
    report["errors"] = {word: 1}
    page = render_html(report)
    assert page.count(word) == 3
    body = re.search(r"(?:^|\})\s*body\{([^}]*)\}", page.split("<style>")[1].split("</style>")[0])
    assert body is not None and "overflow-wrap:anywhere" in body.group(1)


# --- 5. bad inputs: every document in one place ---------------------------------------------


def test_a_folder_of_bad_inputs_puts_each_document_in_one_sink(tmp_path: Path) -> None:
    """Pinned: files and JSONL records that are empty, binary, not UTF-8, one 1 MB line,
    broken HTML, broken JSONL, a lone word, a share bar: each in exactly one sink, with its
    id; exit 1 (some were refused)."""
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / "latin1.txt").write_bytes(FRENCH.encode("cp1252"))
    (d / "line.txt").write_text("Le maire a dit que la ville investira. " * 27000,
                                encoding="utf-8")
    (d / "broken.html").write_text("<html><body><div><p>" + FRENCH + "<b>fin</i><p>suite"
                                   "<table><tr><td>x</div></span>", encoding="utf-8")
    (d / "one.txt").write_text("x", encoding="utf-8")
    (d / "sub" / "share.txt").write_text("Partager sur Facebook\n", encoding="utf-8")
    (d / "recs.jsonl").write_bytes(
        b'{"id":"r1","text":"' + FRENCH.encode() + b'"}\n{"id":"r2","text":\n'
        b'not json\n{"id":"r4"}\n[1]\n{"id":"r6","text":"caf\xe9"}\n{"id":"r7","text":""}\n')
    r = run_cli("run", d, "--out", tmp_path / "o")
    assert r.returncode == 1, r.stderr
    sinks = sink_records(tmp_path / "o")
    placed = [(name, x["id"]) for name, recs in sinks.items() for x in recs]
    files = ["empty.txt", "binary.txt", "latin1.txt", "line.txt", "broken.html", "one.txt",
             "sub/share.txt"]
    want = {str(d / f) for f in files} | {"r1", "r2", f"{d / 'recs.jsonl'}:3", "r4",
                                         f"{d / 'recs.jsonl'}:5", "r6", "r7"}
    assert sorted(i for _, i in placed) == sorted(want)  # each once
    where = dict((i, name) for name, i in placed)
    assert {i for i, name in where.items() if name == "out"} == {
        str(d / f) for f in ("latin1.txt", "line.txt", "broken.html", "one.txt")} | {"r1", "r6"}
    # r6's Windows-1252 line is read as latin1.txt is since round 34 (ux44), not a utf8 error
    assert all((tmp_path / "o" / p).parent.is_dir() for p in SINK_PATHS.values())

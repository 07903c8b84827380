"""Round 14 audit leftovers: each pinned by a test that failed before the fix."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from cleannews.cli import main


@pytest.fixture(scope="module")
def real_report(tmp_path_factory) -> dict:
    """The report.json of a real `cleannews run` (one quarantined-free document, one rule)."""
    tmp = tmp_path_factory.mktemp("run")
    (tmp / "in.jsonl").write_text(json.dumps(
        {"id": "a", "text": "Le maire a présenté lundi le budget de la ville pour l'an prochain."
                            "\n\nPartager sur Facebook"}) + "\n", encoding="utf-8")
    assert main(["run", str(tmp / "in.jsonl"), "--out", str(tmp / "out"), "-j", "1", "-q"]) == 0
    return json.loads((tmp / "out" / "report.json").read_text("utf-8"))


def _report_error(tmp_path: Path, capsys, report, *extra: str) -> str:
    path = tmp_path / "report.json"
    path.write_text(json.dumps(report), encoding="utf-8")
    capsys.readouterr()
    assert main(["report", str(path), *extra]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "not a readable cleannews report" in err
    return err


def test_the_real_report_still_shows(real_report, tmp_path, capsys):
    path = tmp_path / "report.json"
    path.write_text(json.dumps(real_report), encoding="utf-8")
    for extra in ([], ["--html"]):
        capsys.readouterr()
        assert main(["report", str(path), *extra]) == 0
        assert "share_bar" in capsys.readouterr().out


def _with(report: dict, path: str, value) -> dict:
    out = copy.deepcopy(report)
    *parents, last = path.split(".")
    target = out
    for key in parents:
        target = target[key]
    target[last] = value
    return out


@pytest.mark.parametrize(("path", "value", "said"), [
    # each said "'str' object has no attribute 'get'" or the like before
    ("documents", "3", '"documents" is a string, where a report has an object'),
    ("rules", [1], '"rules" is an array, where a report has an object'),
    ("rules.share_bar", None, '"rules.share_bar" is null, where a report has an object'),
    ("throughput.seconds", "1.2", '"throughput.seconds" is a string, where a report has a number'),
    ("spin.histogram", "x", '"spin.histogram" is a string, where a report has an object'),
    ("examples.share_bar", [1], '"examples.share_bar[0]" is a number, where a report has a string'),
    ("settings.quarantine_threshold", [0.5],
     '"settings.quarantine_threshold" is an array, where a report has a number or null'),
    ("documents.in", True, '"documents.in" is true or false, where a report has a number'),
])
def test_a_report_of_the_wrong_shape_is_named_in_words(real_report, tmp_path, capsys, path,
                                                       value, said):
    for extra in ([], ["--html"]):
        err = _report_error(tmp_path, capsys, _with(real_report, path, value), *extra)
        assert said in err, err
        assert "object has no attribute" not in err and "indices" not in err


def test_a_list_or_a_string_at_the_top_is_not_a_report(real_report, tmp_path, capsys):
    err = _report_error(tmp_path, capsys, [real_report])  # said "unhashable type: 'dict'"
    assert "the file holds an array, where a report is an object" in err
    err = _report_error(tmp_path, capsys, "report")
    assert "the file holds a string, where a report is an object" in err


def test_missing_keys_are_named(real_report, tmp_path, capsys):
    broken = {k: v for k, v in real_report.items() if k != "documents"}
    assert 'the file lacks "documents"' in _report_error(tmp_path, capsys, broken)
    broken = _with(real_report, "documents", {"in": 1})
    assert '"documents" lacks "out", "quarantined", "failed"' in _report_error(
        tmp_path, capsys, broken)
    broken = _with(real_report, "throughput", {})  # said "('seconds')"
    assert '"throughput" lacks "seconds"' in _report_error(tmp_path, capsys, broken)


def test_a_report_without_errors_or_throughput_is_still_summarised(real_report, tmp_path,
                                                                  capsys):
    # both are optional for the page; the summary died with KeyError: 'errors'
    path = tmp_path / "report.json"
    path.write_text(json.dumps({k: v for k, v in real_report.items()
                                if k not in ("errors", "throughput")}), encoding="utf-8")
    capsys.readouterr()
    assert main(["report", str(path)]) == 0
    assert capsys.readouterr().out.startswith("cleannews: 1 document in: 1 out")


# --- an unclosed <!-- in an HTML page -------------------------------------------------------

ARTICLE_PAGE = (
    "<!DOCTYPE html><html lang=fr><head><title>Budget voté</title></head><body>"
    "<header><nav><a href=/>Accueil</a> <a href=/politique>Politique</a></nav></header>"
    "<article><h1>Le conseil municipal vote le budget</h1>"
    "<p>Le conseil municipal a voté lundi soir le budget de la ville pour l'année prochaine, "
    "avec une hausse modérée des impôts locaux et de nouvelles dépenses pour les écoles.</p>"
    "<p>Le maire a défendu un budget prudent, qui finance la rénovation de deux gymnases et "
    "l'extension de la cantine du groupe scolaire du centre.</p>"
    "{cut}"
    "<p>L'opposition a voté contre, jugeant la hausse des impôts injustifiée.</p></article>"
    "<footer><p>© La Gazette du canton</p></footer></body></html>")


def test_an_unclosed_comment_hides_the_rest_of_the_page_with_a_change():
    import cleannews

    # a theme's end-of-block comment missing its "-->"
    html = ARTICLE_PAGE.format(cut="<!-- .entry-content <div class=ad>Publicité</div>")
    doc = cleannews.clean_html(html)
    assert "Le maire a défendu un budget prudent" in doc.text
    # was kept as text, markup and all: "<!-- .entry-content <div class=ad>Publicité …"
    assert "<" not in doc.text and "Publicité" not in doc.text
    assert "L'opposition" not in doc.text  # a browser shows nothing after it either
    [change] = [c for c in doc.changes if c.rule == "html_unclosed_comment"]
    start = html.index("<!-- .entry")
    assert change.span == (start, len(html)) and change.before == html[start:]
    assert change.stage == "html" and "never closed" in change.reason


def test_several_unclosed_comments_are_one_comment_to_the_end():
    from cleannews.strip.html import fallback_lines, html_to_text

    html = ARTICLE_PAGE.format(cut="<!--x<!--y<!--z")
    text = html_to_text(html, cleannews_config()).text
    assert "!--" not in text and "L'opposition" not in text  # was " !--x !--y !--z" shown
    assert "Le maire a défendu" in text
    # the fallback reader already read it so
    assert [t for t, _ in fallback_lines(html)][-1].startswith("Le maire a défendu")


def test_a_comment_opener_that_opens_no_comment_changes_nothing():
    import cleannews

    # "<!--" inside an attribute value: no comment, nothing hidden, no "-->" added to the text
    html = ARTICLE_PAGE.format(cut='<p><a title="<!--" href=/x>Lire aussi la suite</a></p>')
    doc = cleannews.clean_html(html)
    assert "L'opposition a voté contre" in doc.text and "-->" not in doc.text
    assert not [c for c in doc.changes if c.rule == "html_unclosed_comment"]
    # a closed comment is no change either
    doc = cleannews.clean_html(ARTICLE_PAGE.format(cut="<!-- pub -->"))
    assert "L'opposition a voté contre" in doc.text
    assert not [c for c in doc.changes if c.rule == "html_unclosed_comment"]


def cleannews_config():
    from cleannews import CleanConfig

    return CleanConfig()


def test_a_report_of_the_library_with_no_command_line_still_shows(real_report, tmp_path,
                                                                  capsys):
    # run_batch (the library) writes "command_line": null: a report, not a wrong shape
    path = tmp_path / "report.json"
    path.write_text(json.dumps(_with(real_report, "command_line", None)), encoding="utf-8")
    for extra in ([], ["--html"]):
        capsys.readouterr()
        assert main(["report", str(path), *extra]) == 0, capsys.readouterr().err

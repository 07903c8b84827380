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
    assert capsys.readouterr().out.startswith("cleannews: 1 documents in: 1 out")

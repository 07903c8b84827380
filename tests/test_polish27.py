"""Round 25 polish: small, clear defects of the audit and the rule work.

1. A rule pattern whose top level is an alternation ``a|b`` was only ever tried for its first
   alternative (the index and the gates read the pattern as one sequence): refused at load
   time, naming the file, the rule and the pattern.
2. ``cleannews.clean`` given an HTML page reads its tags as text (a page of 10,000 nested
   ``<div>`` came back ``empty_after_cleaning`` with no hint): one log warning per process;
   ``run --format text`` (the format was chosen) says nothing, however many records.
3. The ``too_large`` message said "record is N bytes" of a file too: "file", "input"
   (standard input) or "record" (a JSONL record).
4. A byte-order mark was explained as ftfy's "control characters removed": it is a
   ``byte_order_mark`` change of its own (the text is the same).
"""

from __future__ import annotations

import json
import logging

import pytest

import cleannews
import cleannews.pipeline as pipeline
from _helpers import read_jsonl, run_cli
from cleannews.cli import main
from cleannews.config import RULE_LANGUAGES
from cleannews.strip import _rules
from cleannews.strip._triggers import _split_alternatives

MB = 1024 * 1024
PLAIN = "Le maire a présenté jeudi le budget de la ville devant le conseil municipal.\n"

# --- 1. top-level alternations in rule patterns ---------------------------------------------


def _one_rule(kind: str, pattern: str) -> list[dict]:
    return [{"rules": [{"name": "t", "category": "navigation", "kind": kind, "reason": "x",
                        "patterns": [pattern]}]}]


@pytest.mark.parametrize("kind, line", [("line", "qux blip"), ("prefix", "qux blip : la suite")])
def test_a_top_level_alternation_only_ever_matched_its_first_alternative(kind, line) -> None:
    # the defect the check prevents: the second alternative never matches ...
    index = {"line": "_line", "prefix": "_prefix"}[kind]
    bare = getattr(_rules.RuleSet(_one_rule(kind, "zorglub bar|qux blip")), index)
    assert bare.match(line) is None
    # ... while the same alternatives in a group do
    grouped = getattr(_rules.RuleSet(_one_rule(kind, "(?:zorglub bar|qux blip)")), index)
    assert grouped.match(line) is not None
    assert grouped.match("zorglub bar") is not None


def test_a_rule_file_with_a_top_level_alternation_fails_to_load(monkeypatch) -> None:
    text = _rules._data_text("fr.json")
    data = json.loads(text)
    rule = next(r for r in data["rules"] if r["kind"] == "line")
    rule["patterns"] = [*rule["patterns"], "zorglub bar|qux blip"]
    monkeypatch.setattr(_rules, "_data_text",
                        lambda name: json.dumps(data) if name == "fr.json" else text)
    _rules._rule_file.cache_clear()
    try:
        with pytest.raises(ValueError) as err:
            _rules._rule_file("fr")
    finally:
        monkeypatch.undo()
        _rules._rule_file.cache_clear()
    msg = str(err.value)
    assert msg.startswith("fr.json: rule ")
    assert repr(rule["name"]) in msg and "'zorglub bar|qux blip'" in msg
    assert "top-level '|'" in msg and "(?:zorglub bar|qux blip)" in msg


def test_a_protect_pattern_with_a_top_level_alternation_is_refused() -> None:
    with pytest.raises(ValueError, match=r"en.json: rule 'protect p': pattern 'a\|b'"):
        _rules.check_rule_patterns(["a|b"], "en.json", "protect p")
    _rules.check_rule_patterns([r"[|]a", r"\|b", r"(?:a|b)c", r"(a|b)"], "en.json", "ok")


@pytest.mark.parametrize("lang", RULE_LANGUAGES)
def test_no_shipped_pattern_has_a_top_level_alternation(lang) -> None:
    data = _rules._rule_file(lang)  # loads, so every rule passed the check
    patterns = [p for r in data["rules"] for p in r["patterns"]]
    patterns += [p for e in data.get("protect", ()) for p in e["patterns"]]
    assert len(patterns) > 20
    assert [p for p in patterns if len(_split_alternatives(p) or [p]) > 1] == []


# --- 2. HTML given to the plain-text path -----------------------------------------------------

DEEP_PAGE = ("<!DOCTYPE html><html><body>" + "<div>" * 10_000 + PLAIN + "</div>" * 10_000
             + "</body></html>")


def _hints(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if "looks like HTML" in r.getMessage()]


def test_clean_of_a_page_warns_once_per_process(monkeypatch, caplog) -> None:
    monkeypatch.setattr(pipeline, "_HTML_HINT_SAID", False)
    caplog.set_level(logging.WARNING, logger="cleannews")
    cleannews.clean(PLAIN)
    assert _hints(caplog) == []
    assert "<div>" in cleannews.clean(DEEP_PAGE).text  # the plain-text path, as before
    (hint,) = _hints(caplog)
    assert "clean_html" in hint and "--format html" in hint
    cleannews.clean(DEEP_PAGE.encode())
    cleannews.clean("<html><body><p>Le texte.</p></body></html>")
    cleannews.explain(DEEP_PAGE)
    assert len(_hints(caplog)) == 1  # once per process, not per document
    assert cleannews.clean_html(DEEP_PAGE).text.strip() == PLAIN.strip()


def test_explain_of_a_page_as_text_warns_too(monkeypatch, caplog) -> None:
    monkeypatch.setattr(pipeline, "_HTML_HINT_SAID", False)
    caplog.set_level(logging.WARNING, logger="cleannews")
    cleannews.explain(DEEP_PAGE, html=True)
    assert _hints(caplog) == []
    cleannews.explain(DEEP_PAGE)
    assert len(_hints(caplog)) == 1


def test_the_hint_does_not_change_the_document(monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "_HTML_HINT_SAID", True)
    said = cleannews.clean(DEEP_PAGE).to_dict()
    monkeypatch.setattr(pipeline, "_HTML_HINT_SAID", False)
    assert cleannews.clean(DEEP_PAGE).to_dict() == said


def test_run_format_text_of_html_records_gives_no_hint(tmp_path) -> None:
    src = tmp_path / "pages.jsonl"
    page = "<!DOCTYPE html><html><body><p>" + PLAIN.strip() + "</p></body></html>"
    src.write_text("".join(json.dumps({"id": f"p{i}", "text": page}) + "\n" for i in range(6)),
                   "utf-8")
    got = run_cli("run", src, "--out", tmp_path / "out", "--format", "text", "-j", "2")
    assert got.returncode == 0, got.stderr
    assert b"looks like HTML" not in got.stderr
    kept = read_jsonl(tmp_path / "out" / "clean.jsonl")
    assert len(kept) == 6 and all("<p>" in r["text"] for r in kept)  # read as text, as asked


# --- 3. the too_large message names what was too large ----------------------------------------


def test_too_large_says_file_record_or_input(tmp_path, capsys) -> None:
    big = tmp_path / "big.txt"
    big.write_text(PLAIN * (MB // len(PLAIN) + 10), "utf-8")
    size = big.stat().st_size
    assert main(["clean", str(big), "--max-record-mb", "1"]) == 1
    assert f"{big}: file is {size} bytes, above the limit of {MB} bytes" in capsys.readouterr().err
    rec = tmp_path / "big.jsonl"
    rec.write_text(json.dumps({"id": "big", "text": PLAIN * (MB // len(PLAIN) + 10)}) + "\n")
    for name, noun in ((rec, "record"), (big, "file")):
        out = tmp_path / f"out-{noun}"
        assert main(["run", str(name), "--out", str(out), "--max-record-mb", "1", "-j", "1",
                     "-q"]) == 1
        (err,) = read_jsonl(out / "errors" / "errors.jsonl")
        assert err["error"]["type"] == "too_large"
        assert err["error"]["message"].startswith(f"{noun} is ")
    got = run_cli("clean", "-", "--max-record-mb", "1", stdin=big.read_bytes())
    assert got.returncode == 1 and f"-: input is {size} bytes".encode() in got.stderr


# --- 4. a byte-order mark is named as one -----------------------------------------------------


def test_a_leading_bom_is_a_byte_order_mark_change() -> None:
    doc = cleannews.clean("\ufeff" + PLAIN)
    assert doc.text == cleannews.clean(PLAIN).text
    (bom,) = [c for c in doc.changes if c.before == "\ufeff"]
    assert (bom.rule, bom.span, bom.after) == ("byte_order_mark", (0, 1), "")
    assert "byte-order mark" in bom.reason and "control" not in bom.reason
    assert "[repair:byte_order_mark]" in cleannews.explain("\ufeff" + PLAIN)


def test_control_characters_are_still_control_characters() -> None:
    doc = cleannews.clean("Le maire\x07 a parlé.\ufeff\x01 Fin du texte du conseil.\n")
    rules = {c.before: c.rule for c in doc.changes if c.stage == "repair"}
    assert rules["\x07"] == "remove_control_chars"
    # a mark beside a control character: each named (it was one remove_control_chars
    # change of both; audit28)
    assert rules["\ufeff"] == "byte_order_mark" and rules["\x01"] == "remove_control_chars"


def test_the_run_summary_counts_the_mark_apart(tmp_path) -> None:
    src = tmp_path / "a.txt"
    src.write_bytes(b"\xef\xbb\xbf\xef\xbb\xbf" + PLAIN.encode())
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out), "-j", "1", "-q"]) == 0
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert "remove_control_chars" not in json.dumps(report)

"""Round 26 audit (audit28): the Python library as a careful user meets it.

1. ``clean()`` had no size limit (a 50 MB text: 19 s, 760 MB) while the commands refuse an
   input above ``--max-record-mb`` as ``too_large``: ``CleanConfig(max_input_mb=…)`` is an
   opt-in limit (``None``, the default: none), checked by the one MB check of both
   (``cleannews.batch.limits.mb_bytes``); a command given it lowers its ``--max-record-mb``.
2. An unclosed ``<script>`` / ``<style>`` in ``clean_html`` took the rest of the page, as in a
   browser and html5lib, with no change naming it (in the ``<head>``: verdict ``empty``, "no
   text to clean"): now one ``html_unclosed_script`` / ``html_unclosed_style`` change.
3. A byte-order mark beside a control character was one ``remove_control_chars`` change: the
   mark is now its ``byte_order_mark`` change.
4. Odd inputs: a ``str`` subclass (numpy's ``str_``) came back as ``doc.text`` of that type;
   ``id=np.int64(3)`` was an ``InputError`` and ``id=nan`` the id ``"nan"``;
   ``CleanConfig(fast_path=np.True_)`` was refused (``checked_flag`` takes it); a float32 NaN
   in a pandas column was an error row, not a missing text.
5. Documented limits, pinned: ``normalize_line_breaks`` is one summary change whose span does
   not slice back to its ``before``; every other change's does. ``clean()`` from threads
   gives what it gives serially (cold caches).
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import cleannews
from _helpers import BUDGET_PARAGRAPHS, cli_env, hang_guard, read_jsonl
from cleannews import CleanConfig, ConfigError, InputError
from cleannews._input import decode_input

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
TEXT = "Le conseil municipal a voté le budget de la commune mardi soir après un long débat.\n"
ARTICLE = "".join(f"<p>{p}</p>" for p in BUDGET_PARAGRAPHS)
#: 0.001 MB: a limit of 1,048 bytes (``mb_bytes(SMALL_MB)``).
SMALL_MB = 0.001
SMALL = 1048


# --- 1. an opt-in size limit ---------------------------------------------------------------


def test_the_library_has_no_limit_by_default():
    from cleannews.batch.limits import MAX_RECORD_MB, mb_bytes
    from cleannews.pipeline import read_input

    assert CleanConfig().max_input_mb is None
    assert mb_bytes(SMALL_MB) == SMALL

    big = b"a" * (mb_bytes(MAX_RECORD_MB) + 1)  # above the commands' default limit
    assert len(read_input(big, CleanConfig())[0]) == len(big)


def _entry_points():
    return {
        "clean": lambda x, c: cleannews.clean(x, c),
        "clean_html": lambda x, c: cleannews.clean_html(x, c),
        "repair": lambda x, c: cleannews.repair(x, c),
        "spin_score": lambda x, c: cleannews.spin_score(x, c),
        "explain": lambda x, c: cleannews.explain(x, c),
        "explain_html": lambda x, c: cleannews.explain(x, c, html=True),
    }


@pytest.mark.parametrize("name", sorted(_entry_points()))
@pytest.mark.parametrize("kind", [str, bytes, bytearray, memoryview])
def test_max_input_mb_refuses_a_larger_input_at_every_entry_point(name, kind):
    cfg = CleanConfig(max_input_mb=SMALL_MB)
    text = ("Le conseil municipal a vote le budget mardi soir. " * 40)[: SMALL + 1]  # ASCII
    value = text if kind is str else kind(text.encode())
    with pytest.raises(InputError) as err:
        _entry_points()[name](value, cfg)
    assert str(err.value) == (f"text is {SMALL + 1} bytes, above the limit of {SMALL} bytes "
                              "(CleanConfig max_input_mb)")
    fits = text[:SMALL] if kind is str else kind(text[:SMALL].encode())
    _entry_points()[name](fits, cfg)  # at the limit: cleaned


def test_a_str_is_measured_in_utf8_bytes_as_a_file_is():
    cfg = CleanConfig(max_input_mb=SMALL_MB)
    with pytest.raises(InputError, match=f"text is {2 * 600} bytes"):
        cleannews.clean("é" * 600, cfg)  # 600 characters, 1,200 bytes
    assert cleannews.clean("é" * 500, cfg).text == "é" * 500  # 1,000 bytes
    with pytest.raises(InputError, match="text is 3000 bytes"):  # a lone surrogate: 3 bytes
        cleannews.clean("\ud800" * 1000, cfg)


def test_a_wrong_type_is_still_named_under_a_limit():
    with pytest.raises(InputError, match="expected str or bytes, got NoneType"):
        cleannews.clean(None, CleanConfig(max_input_mb=1))


@pytest.mark.parametrize("value, message", [
    ("16", "max_input_mb must be a number of megabytes or None (no limit), got '16'"),
    (True, "max_input_mb must be a number of megabytes or None (no limit), got True"),
    (0, "max_input_mb must be above 0, got 0 (None: no limit)"),
    (-1, "max_input_mb must be above 0, got -1 (None: no limit)"),
    (float("nan"), "max_input_mb must be above 0, got nan (None: no limit)"),
    (1e-30, "max_input_mb must be at least one byte (1e-06 MB), got 1e-30 (None: no limit)"),
    (float("inf"), "max_input_mb must be a finite number of MB, got inf (for no practical "
                   "limit give a large one, e.g. 100000) (None: no limit)"),
])
def test_max_input_mb_is_checked_like_max_record_mb(value, message):
    with pytest.raises(ConfigError) as err:
        CleanConfig(max_input_mb=value)
    assert str(err.value) == message


def test_max_input_mb_from_strings_and_toml(tmp_path):
    assert CleanConfig.from_strings({"max_input_mb": "none"}).max_input_mb is None
    assert CleanConfig.from_strings({"max_input_mb": "2.5"}).max_input_mb == 2.5
    with pytest.raises(ConfigError, match="max_input_mb must be a number, got 'big'"):
        CleanConfig.from_strings({"max_input_mb": "big"})
    toml = tmp_path / "c.toml"
    toml.write_text("max_input_mb = 4\n")
    assert CleanConfig.from_file(toml).max_input_mb == 4
    assert json.loads(json.dumps(CleanConfig().to_dict()))["max_input_mb"] is None


def test_pandas_rows_above_the_limit_are_error_rows():
    pd = pytest.importorskip("pandas")
    from cleannews.batch.api import clean_frame

    df = pd.DataFrame({"text": [TEXT, TEXT * 20]})
    out = clean_frame(df, config=CleanConfig(max_input_mb=SMALL_MB))
    assert list(out.cleannews_verdict) == ["keep", "error"]
    assert out.cleannews_error[1] == (f"text is {len(TEXT.encode()) * 20} bytes, above the "
                                      f"limit of {SMALL} bytes (CleanConfig max_input_mb)")


def test_a_command_given_max_input_mb_lowers_its_max_record_mb(tmp_path, capsys):
    from cleannews.cli import main

    big = tmp_path / "big.txt"
    big.write_text(TEXT * 20, "utf-8")
    size = big.stat().st_size
    # `clean` and `run` read text themselves: the option was not applied to it
    assert main(["clean", str(big), "--set", f"max_input_mb={SMALL_MB}"]) == 1
    assert f"file is {size} bytes, above the limit of {SMALL} bytes" in capsys.readouterr().err
    out = tmp_path / "out"
    assert main(["run", str(big), "--out", str(out), "-j", "1", "-q",
                 "--set", f"max_input_mb={SMALL_MB}"]) == 1
    (err,) = read_jsonl(out / "errors" / "errors.jsonl")
    assert err["error"]["type"] == "too_large"
    # the lower of the two wins
    assert main(["clean", str(big), "--set", "max_input_mb=1", "--max-record-mb",
                 str(SMALL_MB)]) == 1
    assert main(["clean", str(big), "--set", "max_input_mb=none"]) == 0


# --- 2. an unclosed <script> / <style> ------------------------------------------------------


@pytest.mark.parametrize("name", ["script", "style"])
def test_an_unclosed_raw_text_element_in_the_head_is_named(name):
    page = f"<html><head><{name}>x{{color:red}}</head><body>{ARTICLE}</body></html>"
    doc = cleannews.clean_html(page)
    at = page.index(f"<{name}>")
    assert [(c.rule, c.span, c.before) for c in doc.changes] == [
        (f"html_unclosed_{name}", (at, len(page)), page[at:])]
    reason = doc.changes[0].reason
    assert f"never closed by </{name}>" in reason and f"({len(page) - at} characters" in reason
    # as html5lib and a browser read it: the page's text is gone, and the reason says why
    # (it was the verdict "empty", "no text to clean")
    assert doc.text == "" and doc.verdict == "empty_after_cleaning"
    assert f"html_unclosed_{name}" in doc.reason


@pytest.mark.parametrize("name", ["script", "style"])
def test_an_unclosed_raw_text_element_in_the_body_is_one_change(name):
    page = f"<html><body>{ARTICLE}<{name}>var x = 1;\n<p>Suite de l'article.</p></body></html>"
    doc = cleannews.clean_html(page)
    at = page.index(f"<{name}>")
    starts = [c for c in doc.changes if c.span[0] == at]
    # the walk's html_<name> change spanned the start tag alone
    assert [(c.rule, c.span) for c in starts] == [(f"html_unclosed_{name}", (at, len(page)))]
    assert BUDGET_PARAGRAPHS[0] in doc.text and "Suite" not in doc.text
    assert page[at:] == starts[0].before


@pytest.mark.parametrize("page", [
    f"<html><body>{ARTICLE}<script>x()</script></body></html>",
    f"<html><body>{ARTICLE}<style>p{{}}</style>",
    f"<html><head><style>p{{}}</style></head><body>{ARTICLE}",
    f"<html><body>{ARTICLE}<script></script>",
])
def test_a_closed_raw_text_element_is_no_unclosed_change(page):
    rules = {c.rule for c in cleannews.clean_html(page).changes}
    assert not {r for r in rules if r.startswith("html_unclosed")}


def test_a_page_cut_inside_an_unclosed_style_is_one_change():
    page = f"<html><body>{ARTICLE}<style>p{{}}<a href=\"/suite"
    doc = cleannews.clean_html(page)
    unclosed = [(c.rule, c.span) for c in doc.changes if c.rule.startswith("html_unclosed")]
    assert unclosed == [("html_unclosed_style", (page.index("<style>"), len(page)))]


def test_explain_names_the_unclosed_style():
    page = f"<html><head><style>p{{}}</head><body>{ARTICLE}"
    out = cleannews.explain(page, html=True)
    assert "[html:html_unclosed_style] a <style> element is never closed by </style>" in out


def test_a_megabyte_unclosed_style_finishes():
    page = f"<html><body>{ARTICLE}<style>" + "<style>p{}</" * 90_000
    with hang_guard(60):
        doc = cleannews.clean_html(page)
    assert doc.changes[-1].rule == "html_unclosed_style" or any(
        c.rule == "html_unclosed_style" for c in doc.changes)


# --- 3. a byte-order mark beside a control character ---------------------------------------


@pytest.mark.parametrize("value", ["\ufeff\x01" + TEXT, ("\ufeff\x01" + TEXT).encode()])
def test_a_bom_then_a_control_character_is_two_named_changes(value):
    doc = cleannews.clean(value)
    assert doc.text == TEXT
    assert [(c.rule, c.span, c.before) for c in doc.changes] == [
        ("byte_order_mark", (0, 1), "\ufeff"), ("remove_control_chars", (1, 2), "\x01")]


def test_marks_and_control_characters_interleaved_each_get_their_rule():
    text = "x\x01\ufeff\x02\ufeffy " + TEXT
    doc = cleannews.clean(text)
    assert doc.text == "xy " + TEXT
    assert [(c.rule, c.span) for c in doc.changes] == [
        ("remove_control_chars", (1, 2)), ("byte_order_mark", (2, 3)),
        ("remove_control_chars", (3, 4)), ("byte_order_mark", (4, 5))]
    assert all(text[c.span[0]:c.span[1]] == c.before for c in doc.changes)


def test_a_bom_merged_with_kept_characters_is_split_out():
    text = "\ufeffab\x01c " + TEXT
    doc = cleannews.clean(text)
    assert [(c.rule, c.span, c.before, c.after) for c in doc.changes] == [
        ("byte_order_mark", (0, 1), "\ufeff", ""), ("remove_control_chars", (3, 4), "\x01", "")]


def test_control_characters_alone_are_reported_as_before():
    text = "x\x01a\x02b " + TEXT  # two removals two characters apart: one change, as before
    doc = cleannews.clean(text)
    assert [(c.rule, c.span, c.before, c.after) for c in doc.changes] == [
        ("remove_control_chars", (1, 4), "\x01a\x02", "a")]
    assert [(c.rule, c.span) for c in cleannews.clean("\ufeff\ufeff" + TEXT).changes] == [
        ("byte_order_mark", (0, 2))]


def test_a_megabyte_of_marks_and_control_characters_stays_one_change():
    from cleannews.repairs import MAX_MARK_RUNS

    with hang_guard(120):  # split per mark, it was a million changes and 9 s
        for text in ("\ufeff\x01" * 500_000 + " " + TEXT, "\ufeff\x01a" * 333_333 + " " + TEXT):
            doc = cleannews.clean(text, CleanConfig(score_spin=False))
            assert [c.rule for c in doc.changes] == ["remove_control_chars"]
    few = "\ufeff\x01a" * MAX_MARK_RUNS + " " + TEXT  # up to the cap: each mark named
    rules = [c.rule for c in cleannews.clean(few).changes]
    assert rules.count("byte_order_mark") == MAX_MARK_RUNS


# --- 4. odd types -------------------------------------------------------------------------


class _Text(str):
    def split(self, *args, **kwargs):  # a subclass's own methods are not the pipeline's
        raise AssertionError("the subclass's split was called")


@pytest.mark.parametrize("value", [_Text(TEXT), np.str_(TEXT)])
def test_a_str_subclass_is_read_as_the_str_it_holds(value):
    for fn in (cleannews.clean, cleannews.repair, cleannews.clean_html):
        doc = fn(value)
        assert type(doc.text) is str and doc.text == TEXT  # it was the subclass
    assert type(decode_input(value)[0]) is str


def test_numpy_ids():
    assert cleannews.clean(TEXT, id=np.int64(3)).id == "3"  # an InputError
    assert cleannews.clean(TEXT, id=np.float64(2.5)).id == "2.5"
    assert type(cleannews.clean(TEXT, id=np.str_("a1")).id) is str
    for missing in (float("nan"), np.float32("nan"), float("inf")):
        assert cleannews.clean(TEXT, id=missing).id is None  # it was "nan" for every one
    with pytest.raises(InputError, match="got bool"):
        cleannews.clean(TEXT, id=np.True_)


def test_numpy_flags_in_clean_config():
    cfg = CleanConfig(fast_path=np.False_, score_spin=np.True_)
    assert cfg.fast_path is False and cfg.score_spin is True  # stored as bool
    assert json.dumps(cfg.to_dict())
    with pytest.raises(ConfigError, match="fast_path must be true or false, got 1"):
        CleanConfig(fast_path=1)


def test_numpy_numbers_in_clean_config():
    cfg = CleanConfig(spin_quarantine_threshold=np.float32(0.75), max_input_mb=np.int64(2))
    # "must be a number, got np.float32(0.75)"; np.float64 (a float) passed
    assert type(cfg.spin_quarantine_threshold) is float and cfg.spin_quarantine_threshold == 0.75
    assert type(cfg.max_input_mb) is float and cfg.max_input_mb == 2.0
    for wrong in (np.True_, "0.8", None):
        with pytest.raises(ConfigError, match="spin_quarantine_threshold must be a number"):
            CleanConfig(spin_quarantine_threshold=wrong)


def test_a_float32_nan_is_a_missing_text():
    from cleannews.batch.api import clean_record, clean_text

    assert clean_record(np.float32("nan"))["cleannews_error"] == "missing text"
    assert math.isnan(clean_text(np.float32("nan")))
    assert clean_record(3)["cleannews_error"] == "expected str or bytes, got int"


# --- 5. documented limits --------------------------------------------------------------------


def _probe_inputs() -> list[str | bytes]:
    lines = [json.loads(line)["text"] for line in
             (ROOT / "fixtures/spin/correct_french.jsonl").read_text("utf-8").splitlines()]
    return [p.read_bytes() for p in SEEDS] + lines + [
        "\ufeff\x01Titre\r\rLe conseil a voté le budget.\r",
        "Le conseil &amp;eacute; a caf\u00c3\u00a9 vot\u00c3\u00a9.\r\n\r\n\r\nFin.\u00a0\n",
        "a\x00b\x00\x00c Le budget.\n",
        "Le \ud83d\ude00 conseil \ud800 a voté.\n",
        "Ligne\u2028deux\x85trois\x0bquatre\x0cfin " + TEXT,
    ]


def test_every_change_slices_the_input_back_but_the_line_break_summary():
    """``Change.span`` slices the (decoded) input to ``before``, except
    ``normalize_line_breaks``: one change for every ``\\r\\n`` of the text, its span from the
    first to the last, ``before`` ``"\\r\\n"``; and the ``decode`` stage's changes, whose
    span is in the decoded text and ``before`` says what the input held there (bytes, or
    UTF-16 surrogates escaped: no JSON holds them) (docs/usage.md, round 26)."""
    seen = set()
    for value in _probe_inputs():
        source = decode_input(value)[0]
        for c in cleannews.clean(value).changes:
            seen.add(c.rule)
            if c.stage == "decode":
                assert 0 <= c.span[0] <= c.span[1] <= len(source)
                continue
            if c.rule == "normalize_line_breaks":
                assert (c.before, c.after) == ("\r\n", "\n")
                assert c.span == (source.find("\r\n"), source.rfind("\r\n") + 1)
                continue
            assert source[c.span[0]:c.span[1]] == c.before, (c.rule, c.span)
    assert {"normalize_line_breaks", "byte_order_mark", "remove_control_chars",
            "fix_line_breaks"} <= seen


_THREADS = """
import json, sys
from concurrent.futures import ThreadPoolExecutor
import cleannews
texts = json.loads(sys.stdin.read())
def run(t):
    return json.dumps(cleannews.clean(t).to_dict(), sort_keys=True)
sys.setswitchinterval(1e-6)
with ThreadPoolExecutor(8) as ex:  # cold caches: the first documents load the models
    par = list(ex.map(run, texts * 2))
print(json.dumps([par, [run(t) for t in texts] * 2]))
"""


def test_clean_from_threads_gives_what_it_gives_serially():
    texts = [v.decode() if isinstance(v, bytes) else v for v in _probe_inputs()]
    texts = [t for t in texts if "\ud800" not in t and "\ud83d" not in t]  # JSON-safe
    proc = subprocess.run([sys.executable, "-c", _THREADS], input=json.dumps(texts).encode(),
                          capture_output=True, env=cli_env(), timeout=600, check=True)
    par, ser = json.loads(proc.stdout)
    assert par == ser

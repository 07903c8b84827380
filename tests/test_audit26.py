"""Round 26 audit: the CLI's stop messages in one form, flag hints by prefix, strip/html
helpers measured (audit26)."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from _helpers import ROOT, run_cli, write_seed_corpus

# --- 1. Ctrl-C / SIGTERM: `cleannews: ERROR: …` in every command ----------------------------


@pytest.mark.parametrize("command", ["clean", "explain"])
@pytest.mark.parametrize(("stop", "code", "said"), [
    ("KeyboardInterrupt", 130, "interrupted: the output is incomplete"),
    ("Terminated", 143, "terminated (SIGTERM): the output is incomplete"),
])
def test_clean_and_explain_say_stops_as_errors(tmp_path: Path, monkeypatch, capsys, command,
                                               stop, code, said) -> None:
    """``clean`` / ``explain`` printed ``cleannews: interrupted: …`` while ``run`` / ``score``
    (and every other error of every command) say ``cleannews: ERROR: …``; with ``-q`` (errors
    only) it is still said."""
    from cleannews.cli import _batch, main

    error = KeyboardInterrupt if stop == "KeyboardInterrupt" else _batch.Terminated

    def stopped(names):
        raise error

    monkeypatch.setattr(importlib.import_module(f"cleannews.cli.{command}"), "expand_files",
                        stopped)
    (tmp_path / "a.txt").write_text("Un texte.\n", "utf-8")
    for quiet in ([], ["-q"]):
        assert main([*quiet, command, str(tmp_path / "a.txt")]) == code
        assert capsys.readouterr().err == f"cleannews: ERROR: {said}\n"


def test_run_says_an_interruption_in_the_same_form(tmp_path: Path, monkeypatch,
                                                   capsys) -> None:
    """The form `clean` now shares: `run`'s message starts ``cleannews: ERROR: interrupted:``
    (docs/cli.md, docs/batch.md)."""
    from cleannews.batch import runner
    from cleannews.cli import main

    write_seed_corpus(tmp_path / "c.jsonl", 4)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "process_chunk", interrupted)
    assert main(["run", str(tmp_path / "c.jsonl"), "--out", str(tmp_path / "o"), "-j", "1",
                 "--no-progress"]) == 130
    assert capsys.readouterr().err.startswith("cleannews: ERROR: interrupted: ")


# --- 2. a flag that starts a known one, or that one starts ----------------------------------


@pytest.mark.parametrize(("typed", "hint"), [
    ("--out-dir", "--out"),          # difflib: too far (0.71)
    ("--outdir", "--out"),
    ("--out-dir=x", "--out"),
    ("--output", "--out"),           # difflib already had it: unchanged
    ("--jobs-count", "--jobs"),
    ("--no-strip-all", "--no-strip"),
    ("--reportfile", "--report"),
    ("--config-file", "--config"),   # difflib's hint, kept
    ("--text-feild", "--text-field"),
])
def test_a_flag_sharing_a_known_ones_start_is_hinted(capsys, typed, hint) -> None:
    from cleannews.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["run", str(ROOT / "seeds"), typed, "x"])
    assert stop.value.code == 2
    flag = typed.split("=", 1)[0]
    assert f"({flag}: did you mean {hint}?)" in capsys.readouterr().err


@pytest.mark.parametrize("typed", ["--ou-x", "--zzz-out"])
def test_no_hint_from_a_partial_or_inner_match(capsys, typed) -> None:
    """A flag that shares only part of a known one's start (``--ou``), or holds one inside,
    not at the start, names nothing."""
    from cleannews.cli import main

    with pytest.raises(SystemExit):
        main(["run", str(ROOT / "seeds"), typed, "x", "--out", "o"])
    err = capsys.readouterr().err
    assert "unrecognized arguments" in err and "did you mean" not in err, err


def test_the_prefix_hint_needs_a_long_enough_start() -> None:
    """Fewer than ``MIN_PREFIX_HINT`` letters in common name nothing (argparse already takes a
    unique abbreviation and refuses an ambiguous one, so the unit is tested here); two flags
    the typed one starts are no guess."""
    from cleannews.cli import MIN_PREFIX_HINT, _prefix_hint

    assert MIN_PREFIX_HINT == 3
    assert _prefix_hint("--abc-d", ["--ab"]) is None
    assert _prefix_hint("--abc-d", ["--ab", "--abc"]) == "--abc"
    assert _prefix_hint("--re", ["--report", "--resume"]) is None
    assert _prefix_hint("--rep", ["--report", "--resume"]) == "--report"
    assert _prefix_hint("--re", ["--report"]) is None  # too short to guess from


def test_the_prefix_hint_in_a_real_process(tmp_path: Path) -> None:
    """``cleannews run seeds --out-dir x``: the README user's first guess."""
    run = run_cli("run", ROOT / "seeds", "--out-dir", "x", cwd=tmp_path)
    assert run.returncode == 2
    assert (b"unrecognized arguments: --out-dir (--out-dir: did you mean --out?); the "
            b"following arguments are required: -o/--out") in run.stderr, run.stderr


# --- 4. the page's end searched once per page -------------------------------------------------


@pytest.mark.parametrize("page", [
    "<html><body><article><p>Le texte de l'article, entier.</p></article></body></html>",
    '<html><body><p>Le texte de l\'article.</p><a href="/suite',  # a cut tag
    "<html><body><p>Le texte de l'article.</p><!-- <p>la suite</p>",  # an unclosed comment
    "<html><body><p>Le texte.</p><script>x = '<!--';</script><p>b</p><a href=",
])
def test_html_to_text_searches_the_pages_end_once(monkeypatch, page) -> None:
    """``parse_page`` and ``_html_to_text`` each searched the page for an unclosed ``<!--`` and
    a cut tag (two scans of the page's end each); the parse now hands its offsets on
    (``_parse_cut``). The text and changes are those of ``parse_page``'s tree, as before."""
    from cleannews.config import CleanConfig
    from cleannews.strip import html as H

    before = H.html_to_text(page, CleanConfig())
    calls = {"unclosed_comment": 0, "unclosed_tag": 0}

    def counting(name):
        real = getattr(H, name)

        def counted(html):
            calls[name] += 1
            return real(html)
        return counted

    for name in calls:
        monkeypatch.setattr(H, name, counting(name))
    after = H.html_to_text(page, CleanConfig())
    assert calls["unclosed_comment"] == 1 and calls["unclosed_tag"] <= 1, calls
    assert (after.text, after.changes) == (before.text, before.changes)
    assert H.parse_page(page).get_text() == H._parse_cut(page)[0].get_text()


# --- 3. _heading_first and _CAPITAL_FIRST stay two tests --------------------------------------


def test_the_two_first_character_tests_differ_on_real_lines() -> None:
    """``_heading_first`` (a capital or a figure) and ``give_back_inner_title``'s
    ``_CAPITAL_FIRST`` (an optional opening quote, then a capital) look alike, but one test
    for both (quote, then capital or figure) reads two development lines otherwise: TRAIN's
    "«Personne», sauf Souchon, …" (a quote: now a heading) and stress seed 7's "2017-02-02" (a
    figure: an inner title). TRAIN and the stress figures (seeds default and 7) came out the
    same, because other tests turned both away, but a page of the second kind does not
    (next test): audit26 kept them apart."""
    from cleannews.strip._keep import _CAPITAL_FIRST, _heading_first

    for line, heading, inner in (("«Personne», sauf Souchon, Voulzy, la musique", False, True),
                                 ("2017-02-02", True, False),
                                 ("Final cut", True, True), ("épargne", False, False)):
        assert _heading_first(line) is heading, line
        assert (_CAPITAL_FIRST.match(line.lstrip()) is not None) is inner, line


@pytest.mark.parametrize(("line", "given"), [("2017-02-02", []), ("Final cut", [1]),
                                             ("« Dimanche", [1])])
def test_an_inner_title_starts_with_a_capital_or_a_quote_not_a_figure(line, given) -> None:
    """A date the line model took between two paragraphs stays taken (with
    ``_heading_first`` in ``give_back_inner_title`` it came back)."""
    from cleannews.strip._keep import give_back_inner_title
    from cleannews.strip.detectors import _Line

    words = frozenset({"de", "des", "avec", "a", "et", "la", "le", "les"})
    text = ["La danse urbaine s’est diversifiée avec plein de sous-catégories, pour raconter "
            "des histoires.", line,
            "Le spectacle a été consacré meilleur spectacle et meilleure réalisation artistique."]
    lines = [_Line(t, words) for t in text]
    lines[1].bad("line_model", "line model (p=0.95)")
    assert give_back_inner_title(lines) == given

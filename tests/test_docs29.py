"""The user docs say what the code does (round 27, a new user's pass over docs/).

``tests/test_doc_examples.py`` runs every ``python`` block and parses every ``cleannews …``
line of README.md and the user docs (``USER_DOCS``: usage, cli, batch, stages, repair,
quality, copies and docs/README.md; strip, spin, spin-data and performance are references
whose blocks are tools' command lines, history and the *-history.md files are records). This
file checks what those pages *state*, where a new user's pass found them wrong:

* the outputs a ``python`` block is shown to print (comment lines under the statement) and
  the ``cleannews explain …`` outputs shown under a paragraph naming the command are what
  they print (the README's are checked by ``tests/test_readme_examples.py``);
* a block that is not run carries ``<!-- doc-example: compile only: REASON -->`` right above
  its fence, with a reason, and the marker stands above nothing else;
* the option tables name every ``CleanConfig`` option (docs/cli.md lacked ``max_input_mb``),
  docs/usage.md's with its default;
* the synopses of ``cleannews run`` (docs/usage.md, docs/batch.md) name every option of
  ``cleannews run --help`` (they lacked ``--find-copies``, ``--straighten-quotes`` …);
* a constant quoted with its value (`` `_lang.FRENCH_OVER_OTHER` = 5.0 ``,
  `` `MAX_MARK_RUNS` (16) ``) has that value in the code (docs/cli.md said the French screen
  needed 3× the other languages' function words: it is 5×).
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import importlib
import io
import pkgutil
import re
from pathlib import Path
from typing import Any

import pytest

import cleannews
import test_doc_examples as docex
from cleannews import CleanConfig
from cleannews.cli import build_parser
from cleannews.cli import main as cli_main
from test_readme_examples import assert_explain_shows, assert_shown_outputs

ROOT = Path(__file__).resolve().parents[1]
USER = [ROOT / "docs" / f"{n}.md" for n in docex.USER_DOCS]
_EXPLAIN = re.compile(r"`(cleannews explain [^`]+)`")


def _label(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder test_doc_examples runs the blocks in: the seeds and the documented TOML."""
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    (tmp_path / "cleannews.toml").write_text(
        '[cleannews]\nspin_quarantine_threshold = 0.95\naccept_languages = ["fr"]\n', "utf-8")
    monkeypatch.chdir(tmp_path)


# --- 1. every user doc is run, and the blocks it does not run say why ------------------


def test_every_user_doc_has_its_examples_run() -> None:
    assert set(USER) <= set(docex.DOCS)
    assert all(p.exists() for p in USER)


def test_a_compile_only_marker_names_its_reason_above_a_python_block() -> None:
    marked = 0
    for path in [*USER, ROOT / "README.md"]:
        lines = path.read_text("utf-8").splitlines()
        for i, line in enumerate(lines):
            if not line.startswith("<!-- doc-example"):  # (an indented one is an example)
                continue
            where = f"{_label(path)}:{i + 1}"
            m = docex.NOT_RUN_MARK.match(line.strip())
            assert m and m.group("reason").strip(), f"{where}: a marker without a reason"
            assert i + 1 < len(lines) and lines[i + 1].strip() == "```python", \
                f"{where}: the marker must stand right above a ```python fence"
            marked += 1
    skipped = [w for w, _c, why in docex.PYTHON if why]
    assert marked == len(skipped) >= 1  # the Slurm block of docs/batch.md


# --- 2. shown outputs ------------------------------------------------------------------


def _printing_blocks() -> list[tuple[str, str]]:
    return [(f"{_label(p)}:{start}", code) for p in USER
            for lang, start, code in docex._blocks(p)
            if lang == "python" and "print(" in code and not docex._not_run_reason(p, start)]


PRINTING = _printing_blocks()


def _explain_cases() -> list[tuple[str, str, list[str]]]:
    """``cleannews explain …`` named in backticks within the 6 lines above a plain block that
    follows a paragraph ending with a colon: the block is that command's output."""
    cases = []
    for path in USER:
        text = path.read_text("utf-8").splitlines()
        for lang, start, code in docex._blocks(path):
            fence = start - 2  # 0-based index of the opening fence
            if lang or fence < 2:
                continue
            named = _EXPLAIN.findall(" ".join(text[max(0, fence - 6):fence]))
            if named and not text[fence - 1].strip() and text[fence - 2].rstrip().endswith(":"):
                cases.append((f"{_label(path)}:{start}", named[-1], code.splitlines()))
    return cases


EXPLAIN = _explain_cases()


def test_the_user_docs_show_outputs() -> None:
    assert len(PRINTING) >= 2 and len(EXPLAIN) >= 2


@pytest.mark.parametrize(("where", "code"), PRINTING, ids=[w for w, _c in PRINTING])
def test_printed_output_matches(where: str, code: str, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    if "datatrove" in code:
        pytest.importorskip("datatrove", reason="datatrove is not installed")
    if "cleannews.copies" in code:
        pytest.importorskip("numpy", reason="numpy is not installed")
    _setup(tmp_path, monkeypatch)
    assert_shown_outputs(where, code, docex._namespace())


@pytest.mark.parametrize(("where", "command", "shown"), EXPLAIN, ids=[w for w, _c, _s in EXPLAIN])
def test_explain_output_matches(where: str, command: str, shown: list[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # (restores the folder assert_explain_shows moves to)
    assert_explain_shows(where, command, shown)


# --- 3. option tables and synopses -----------------------------------------------------

FIELDS = {f.name: f.default for f in dataclasses.fields(CleanConfig)}
_ROW = re.compile(r"^\|\s*`(\w+)`[^|]*\|\s*`([^`]*)`")


def _table_rows(path: Path) -> dict[str, str]:
    """``option -> default`` of the rows ``| `option` | `default` | …`` of ``path``."""
    rows = {}
    for line in path.read_text("utf-8").splitlines():
        m = _ROW.match(line)
        if m and m.group(1) in FIELDS:
            rows[m.group(1)] = m.group(2)
    return rows


def test_usage_md_tables_give_every_option_its_default() -> None:
    rows = _table_rows(ROOT / "docs" / "usage.md")
    assert sorted(rows) == sorted(FIELDS), set(FIELDS) ^ set(rows)
    for name, shown in rows.items():
        assert ast.literal_eval(shown) == FIELDS[name], (name, shown, FIELDS[name])


def test_cli_md_configuration_table_names_every_option() -> None:
    text = (ROOT / "docs" / "cli.md").read_text("utf-8")
    table = text.split("## Configuration", 1)[1].split("Booleans:", 1)[0]
    named = set(re.findall(r"`(\w+)`", table))
    assert not set(FIELDS) - named, set(FIELDS) - named


def _run_options() -> list[tuple[str, ...]]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return [tuple(a.option_strings) for a in sub.choices["run"]._actions
            if a.option_strings and "--help" not in a.option_strings]


def _synopsis(path: Path) -> str:
    """The fenced lines from ``cleannews run INPUT...`` to the next command."""
    for lang, _start, code in docex._blocks(path):
        if not lang and code.startswith("cleannews run INPUT..."):
            return re.split(r"\ncleannews (?!run)", code)[0]
    raise AssertionError(f"{_label(path)}: no synopsis of cleannews run")


@pytest.mark.parametrize("name", ["usage", "batch"])
def test_the_run_synopsis_names_every_option(name: str) -> None:
    text = _synopsis(ROOT / "docs" / f"{name}.md")
    words = set(re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", text))
    missing = [opts for opts in _run_options() if not words & set(opts)]
    assert not missing, missing


# --- 4. constants quoted with their value ----------------------------------------------

_QUOTED = re.compile(
    r"`(?P<name>(?:[a-z_][\w]*\.)*[A-Z][A-Z0-9_]{2,})`"
    r"(?: = | \()(?P<value>\d[\d,]*(?:\.\d+)?)(?=[),;:]| =| s\)| [^A-Za-z%]|$)")


def _module_constants() -> dict[str, list[Any]]:
    """Every module-level UPPER_CASE number of the package, by name."""
    found: dict[str, list[Any]] = {}
    for info in pkgutil.walk_packages(cleannews.__path__, "cleannews."):
        if "integrations" in info.name or info.name.endswith("__main__"):
            continue
        try:
            mod = importlib.import_module(info.name)
        except ImportError:  # an optional extra
            continue
        for key, value in vars(mod).items():
            if key.isupper() and isinstance(value, (int, float)) and not isinstance(value, bool):
                found.setdefault(key, []).append(value)
    return found


def _quoted_constants() -> list[tuple[str, str, str]]:
    out = []
    for path in USER:
        for no, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            out += [(f"{_label(path)}:{no}", m.group("name"), m.group("value"))
                    for m in _QUOTED.finditer(line)]
    return out


QUOTED = _quoted_constants()


def test_the_user_docs_quote_constants() -> None:
    names = {n.rsplit(".", 1)[-1] for _w, n, _v in QUOTED}
    assert {"FRENCH_OVER_OTHER", "MIN_CONFIDENCE", "MAX_MARK_RUNS", "ID_SHOWN_CHARS"} <= names


def test_a_quoted_constant_has_its_value() -> None:
    constants = _module_constants()
    wrong = []
    for where, name, shown in QUOTED:
        values = constants.get(name.rsplit(".", 1)[-1])
        if values is None:
            continue  # not a number of the package (an environment variable, a file name)
        number = float(shown.replace(",", ""))
        if not any(abs(v - number) < 1e-9 for v in values):
            wrong.append((where, name, shown, values))
    assert not wrong, wrong


# --- 5. what docs/batch.md says `cleannews report` shows for a run's folder or sink file ---


def test_report_of_a_run_without_a_report_file_says_so(tmp_path: Path) -> None:
    """docs/batch.md: a run's folder or sink file leads to its report. A run whose report
    went to standard output (``--report -``) has none: its sink file was called "the lines of
    'cleannews score'" (its records hold the keys of a score line inside their ``cleannews``
    object) and its folder "Is a directory"."""
    from _helpers import run_cli

    out = tmp_path / "out"
    done = run_cli("run", ROOT / "seeds", "--out", out, "--report", "-", "--jobs", "1", "-q")
    assert done.returncode == 0, done.stderr
    assert b'"documents"' in done.stdout  # the report, on standard output
    for shown in (out, out / "clean.jsonl", out / "quarantine" / "quarantine.jsonl"):
        res = run_cli("report", shown)
        err = res.stderr.decode()
        assert res.returncode == 2, err
        assert "no report file" in err and "--report -" in err, err
        assert "cleannews score" not in err and "Is a directory" not in err, err


def test_a_run_record_is_not_a_score_line(tmp_path: Path) -> None:
    from cleannews.batch.sinks import score_output

    done = cli_main(["run", str(ROOT / "seeds"), "--out", str(tmp_path / "o"), "--jobs", "1",
                     "--no-progress", "-q"])
    assert done == 0
    assert not score_output(tmp_path / "o" / "clean.jsonl")
    with contextlib.redirect_stdout(io.StringIO()):
        assert cli_main(["score", str(ROOT / "seeds"), "--out", str(tmp_path / "s.jsonl"),
                         "--jobs", "1", "-q"]) == 0
    assert score_output(tmp_path / "s.jsonl")


# --- 6. inline contents lines ----------------------------------------------------------


@pytest.mark.parametrize("path", USER, ids=[p.name for p in USER])
def test_an_inline_contents_line_links_every_section(path: Path) -> None:
    """``**Contents** — [A](#a) · [B](#b)`` (which ``tools/docs_toc.py`` leaves alone, and
    ``tests/test_doc_links.py`` does not read) names every ``## `` section in order:
    docs/usage.md's lacked its round-26 section."""
    from _helpers import load_script

    toc = load_script(ROOT / "tools" / "docs_toc.py", "docs_toc")
    lines = path.read_text("utf-8").splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("**Contents** —")), None)
    if start is None:
        return
    block = []
    for line in lines[start:]:
        if not line.strip():
            break
        block.append(line)
    linked = re.findall(r"\]\(#([^)]+)\)", " ".join(block))
    sections = [anchor for level, _title, anchor in toc.headings(lines) if level == 2]
    assert linked == sections, (path.name, linked, sections)

"""The examples of README.md and the user docs (docs/{usage,cli,batch,stages,repair,quality,
copies,README}.md) still work (audit7; the last three since round 27).

* every ``cleannews …`` command line in a fenced block parses with the real parser (each
  documented flag exists and takes the documented value; ``--set`` and ``--config`` values
  are checked too when the file exists); a line shown as ``$ cleannews …`` followed by
  ``cleannews …: error: …`` must fail with exactly that message;
* every ``python`` block runs, statement by statement, in a folder holding the seeds and the
  documented ``cleannews.toml``, with ``text``, ``html``, ``texts``, ``ids``, ``df`` (pandas)
  and ``ds`` (datasets, or a stand-in with ``map``/``filter``) defined. A statement followed
  by a comment line ``# SomeError: message`` must raise that; an expression whose inline
  comment is a Python literal (``doc.metadata  # {'date': '2025-02'}``) must equal it.
  datatrove scripts are imported, not run (their ``main()`` stays uncalled). A block that
  cannot run here (it would submit a Slurm job, needs a service …) is marked in the doc by
  the line ``<!-- doc-example: compile only: REASON -->`` right above its opening fence: it
  is only compiled, and the test reports the reason (``tests/test_docs29.py`` checks that
  every marker names a reason and stands above a ``python`` block).

Synopsis lines (``FILE|DIR...``, ``[--flag]``) are not examples and are skipped.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import io
import os
import re
import shlex
from pathlib import Path
from typing import Any

import pytest

import cleannews
from cleannews.cli import build_parser
from cleannews.cli._common import config_from_args

ROOT = Path(__file__).resolve().parents[1]
#: The user docs whose examples run (not docs/strip.md, spin.md, spin-data.md and
#: performance.md, references whose blocks are mostly tools' command lines, nor history.md
#: and the *-history.md development logs, records since round 28).
USER_DOCS = ("usage", "cli", "batch", "stages", "repair", "quality", "copies", "README")
DOCS = [ROOT / "README.md", *(ROOT / "docs" / f"{n}.md" for n in USER_DOCS)]
#: The line right above a ``python`` block that is compiled but not run, with the reason.
NOT_RUN_MARK = re.compile(r"^<!-- doc-example: compile only: (?P<reason>.+?) -->$")
_FENCE = re.compile(r"^```(\w*)\s*$")


def _label(path: Path) -> str:
    """``README.md`` or ``docs/cli.md``: docs/README.md is not the README."""
    return str(path.relative_to(ROOT))


def _blocks(path: Path) -> list[tuple[str, int, str]]:
    """``(language, first line number, code)`` of each fenced block of ``path``."""
    out, lang, start, body = [], None, 0, []
    for no, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        m = _FENCE.match(line)
        if m and lang is None:
            lang, start, body = m.group(1), no + 1, []
        elif line.startswith("```") and lang is not None:
            out.append((lang, start, "\n".join(body)))
            lang = None
        elif lang is not None:
            body.append(line)
    return out


def _command_lines() -> list[tuple[str, str, str | None]]:
    """``(where, argv string, expected error or None)`` of each documented command."""
    found = []
    for path in DOCS:
        for lang, start, code in _blocks(path):
            if lang not in ("", "sh", "bash", "console"):
                continue
            lines = code.splitlines()
            for i, line in enumerate(lines):
                where = f"{_label(path)}:{start + i}"
                prompt = line.startswith("$ ")
                seg = next((s for s in line.removeprefix("$ ").split("|")
                            if s.strip().startswith("cleannews ")), None)
                if seg is None or re.search(r"\.\.\.|\[|\bDIR\||FILE\|", line):
                    continue  # not a cleannews command, or a synopsis
                if ": error: " in line or (i and lines[i - 1].startswith("$ ") and not prompt):
                    continue  # the output shown under a "$ cleannews …" prompt
                words = shlex.split(seg, comments=True)
                seg = shlex.join(words[: words.index(">")] if ">" in words else words)
                expected = None
                if prompt and i + 1 < len(lines) and ": error: " in lines[i + 1]:
                    expected = lines[i + 1].split(": error: ", 1)[1]
                found.append((where, seg.strip(), expected))
    return found


COMMANDS = _command_lines()


def test_the_docs_hold_command_examples() -> None:
    assert len(COMMANDS) >= 30 and any(e for _w, _c, e in COMMANDS)


@pytest.mark.parametrize(("where", "command", "expected"), COMMANDS,
                         ids=[w for w, _c, _e in COMMANDS])
def test_documented_command_parses(where: str, command: str, expected: str | None,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    argv = shlex.split(command)[1:]
    monkeypatch.chdir(ROOT)
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) if expected else \
            contextlib.nullcontext() as raised:
        args = build_parser().parse_args(argv)
        if getattr(args, "config_file", None) and not Path(args.config_file).exists():
            args.config_file = None  # a placeholder name
        if hasattr(args, "no_strip"):
            try:
                config_from_args(args)
            except cleannews.ConfigError as exc:
                if not expected:
                    raise
                print(f"cleannews {args.command}: error: {exc}", file=err)
                raise SystemExit(2) from None
    if expected:
        assert raised.value.code == 2, where
        assert f": error: {expected}" in err.getvalue(), (where, err.getvalue())
    else:
        assert args.command, where


class _Dataset:
    """A stand-in for ``datasets.Dataset`` (``map(batched=True)`` and ``filter``)."""

    def __init__(self, cols: dict[str, list[Any]]) -> None:
        self.cols = cols

    def map(self, fn: Any, batched: bool = False, **_kw: Any) -> _Dataset:
        assert batched
        return _Dataset({**self.cols, **fn(dict(self.cols))})

    def filter(self, pred: Any) -> _Dataset:
        n = len(next(iter(self.cols.values())))
        rows = [{k: v[i] for k, v in self.cols.items()} for i in range(n)]
        keep = [r for r in rows if pred(r)]
        return _Dataset({k: [r[k] for r in keep] for k in self.cols})


def _namespace() -> dict[str, Any]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [p.read_text("utf-8") for p in seeds]
    ns: dict[str, Any] = {
        "__name__": "doc_example",
        "cleannews": cleannews,  # the README's blocks continue its first one
        "text": texts[0],
        "html": "<html><body><article><h1>Un titre</h1><p>Un paragraphe de l’article "
                "sur l’économie française.</p></article></body></html>",
        "texts": texts,
        "ids": [p.name for p in seeds],
    }
    try:
        import pandas as pd
    except ImportError:
        pass
    else:
        ns["pd"] = pd
        ns["df"] = pd.DataFrame({"text": texts, "body": texts})
    try:
        import datasets
    except ImportError:
        ns["ds"] = _Dataset({"text": texts, "body": texts})
    else:
        ns["ds"] = datasets.Dataset.from_dict({"text": texts, "body": texts})
    return ns


def _not_run_reason(path: Path, start: int) -> str | None:
    """The reason of the ``compile only`` marker above the block whose code starts at line
    ``start`` (1-based) of ``path``, else None."""
    lines = path.read_text("utf-8").splitlines()
    above = lines[start - 3] if start >= 3 else ""
    m = NOT_RUN_MARK.match(above.strip())
    return m.group("reason") if m else None


def _python_blocks() -> list[tuple[str, str, str | None]]:
    return [(f"{_label(p)}:{start}", code, _not_run_reason(p, start))
            for p in DOCS for lang, start, code in _blocks(p) if lang == "python"]


PYTHON = _python_blocks()


def _literal_comment(source_line: str) -> tuple[bool, Any]:
    """``(True, value)`` when the line's inline comment is a Python literal."""
    if "#" not in source_line:
        return False, None
    comment = source_line.split("#", 1)[1].strip()
    try:
        return True, ast.literal_eval(comment)
    except (ValueError, SyntaxError):
        return False, None


def _run_block(code: str, ns: dict[str, Any]) -> None:
    lines = code.splitlines()
    tree = ast.parse(code)
    for stmt in tree.body:
        after = next((x.strip() for x in lines[stmt.end_lineno:] if x.strip()), "")
        m = re.match(r"#\s*(\w+(?:Error|Exception)): (.+)$", after)
        mod = ast.Module(body=[stmt], type_ignores=[])
        if m:  # documented to raise
            with pytest.raises(Exception) as raised:
                exec(compile(mod, "<doc>", "exec"), ns)
            assert type(raised.value).__name__ == m.group(1)
            assert str(raised.value) == m.group(2)
            continue
        if isinstance(stmt, ast.Expr) and stmt.lineno == stmt.end_lineno:
            value = eval(compile(ast.Expression(stmt.value), "<doc>", "eval"), ns)
            known, expected = _literal_comment(lines[stmt.lineno - 1])
            if known:
                assert value == expected, lines[stmt.lineno - 1]
            continue
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(mod, "<doc>", "exec"), ns)


@pytest.mark.parametrize(("where", "code", "not_run"), PYTHON, ids=[w for w, _c, _n in PYTHON])
def test_documented_python_runs(where: str, code: str, not_run: str | None, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    compile(code, where, "exec")
    if not_run:
        pytest.skip(f"{where}: compiled only ({not_run})")
    if "datatrove" in code:
        pytest.importorskip("datatrove", reason="datatrove is not installed")
    if "df" in code or "pd." in code:
        pytest.importorskip("pandas", reason="pandas is not installed")
    if "cleannews.copies" in code:
        pytest.importorskip("numpy", reason="numpy is not installed")
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    (tmp_path / "cleannews.toml").write_text(
        '[cleannews]\nspin_quarantine_threshold = 0.95\naccept_languages = ["fr"]\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    _run_block(code, _namespace())
    assert not [p for p in os.listdir(tmp_path) if p not in ("seeds", "cleannews.toml")]


def test_the_docs_hold_python_examples() -> None:
    assert len(PYTHON) >= 8
    assert argparse  # the parser module the command checks rely on

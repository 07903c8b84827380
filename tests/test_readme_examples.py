"""The outputs README.md shows are the outputs cleannews prints (docs10).

``tests/test_doc_examples.py`` runs every Python block and parses every command line of
the README; this file checks what those examples are shown to *print*:

* in a ``python`` block, comment lines right under a statement that prints are its
  output: each must be a line of what the statement printed, in order (a first comment
  line starting with ``# e.g.`` marks an illustration: the statement must print
  something, its content is not compared);
* a plain fenced block right after a paragraph that names a ``cleannews explain …``
  command in backticks is that command's output: every shown line but ``…`` must be a
  line of what the command prints, in order;
* the two ``json`` blocks of "Batch runs and pipelines" are a JSONL record in and the
  record ``cleannews run`` writes for it: every key shown must be in the real record
  with the value shown (``"…"`` stands for any value; keys not shown are not compared).

So an example cannot drift from the code: change one and its shown output together.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import os
import re
import shlex
from pathlib import Path

import pytest

import cleannews
from cleannews.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
_FENCE = re.compile(r"^```(\w*)\s*$")
_EXPLAIN = re.compile(r"`(cleannews explain [^`]+)`")


def _blocks(path: Path) -> list[tuple[str, int, list[str]]]:
    """``(language, index of the opening fence, lines)`` of each fenced block."""
    lines = path.read_text("utf-8").splitlines()
    out, lang, start, body = [], None, 0, []
    for no, line in enumerate(lines):
        m = _FENCE.match(line)
        if m and lang is None:
            lang, start, body = m.group(1), no, []
        elif line.startswith("```") and lang is not None:
            out.append((lang, start, body))
            lang = None
        elif lang is not None:
            body.append(line)
    return out


def _in_order(shown: list[str], printed: list[str]) -> list[str]:
    """The shown lines not found, in order, among the printed ones."""
    missing, at = [], 0
    for line in shown:
        try:
            at = printed.index(line, at) + 1
        except ValueError:
            missing.append(line)
    return missing


def _python_cases() -> list[tuple[str, str]]:
    """The python blocks that print (the others show no output to compare)."""
    return [(f"README.md:{start + 1}", "\n".join(body))
            for lang, start, body in _blocks(README)
            if lang == "python" and any("print(" in line for line in body)]


def _explain_cases() -> list[tuple[str, str, list[str]]]:
    text = README.read_text("utf-8").splitlines()
    cases = []
    for lang, start, body in _blocks(README):
        if lang:
            continue
        named = _EXPLAIN.findall(" ".join(text[max(0, start - 6):start]))
        introduced = text[start - 1].strip() == "" and text[start - 2].rstrip().endswith(":")
        if named and introduced:  # the last command named before the block
            cases.append((f"README.md:{start + 1}", named[-1], body))
    return cases


PYTHON = _python_cases()
EXPLAIN = _explain_cases()


def _namespace() -> dict[str, object]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    return {"__name__": "readme_example", "cleannews": cleannews,
            "text": seeds[0].read_text("utf-8"),
            "html": "<html><body><article><p>Un paragraphe.</p></article></body></html>"}


def test_the_readme_shows_outputs() -> None:
    shown = sum(1 for _w, code in PYTHON
                for line in code.splitlines() if line.startswith("# ") and "Error: " not in line)
    assert shown >= 3 and len(EXPLAIN) >= 1


def assert_shown_outputs(where: str, code: str, ns: dict) -> None:
    """Run ``code`` statement by statement in ``ns``: the comment lines right under a
    statement (``# …``) must be lines of what it printed, in order (``# e.g. …``: it prints
    something; ``# SomeError: …``: it raises that). Shared with tests/test_docs29.py."""
    lines = code.splitlines()
    for stmt in ast.parse(code).body:
        shown = []
        for line in lines[stmt.end_lineno:]:
            if not line.startswith("# "):
                break
            shown.append(line[2:])
        out = io.StringIO()
        mod = ast.Module(body=[stmt], type_ignores=[])
        with contextlib.redirect_stdout(out):
            try:
                exec(compile(mod, where, "exec"), ns)
            except Exception as exc:  # documented errors are test_doc_examples' job
                if not (shown and shown[0].startswith(type(exc).__name__ + ": ")):
                    raise
                continue
        printed = out.getvalue().splitlines()
        if not printed or not shown:
            continue
        if shown[0].startswith("e.g. "):
            assert printed, where
            continue
        assert not _in_order(shown, printed), (where, _in_order(shown, printed), printed)


def assert_explain_shows(where: str, command: str, shown: list[str]) -> None:
    """``command`` (``cleannews explain …``, run from the repository root) exits 0 and
    prints every ``shown`` line but ``…``, in order. Shared with tests/test_docs29.py."""
    os.chdir(ROOT)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli_main(shlex.split(command)[1:])
    assert code == 0, (where, err.getvalue())
    printed = out.getvalue().splitlines()
    expected = [line for line in shown if line.strip() != "…"]
    assert not _in_order(expected, printed), (where, _in_order(expected, printed))


@pytest.mark.parametrize(("where", "code"), PYTHON, ids=[w for w, _c in PYTHON])
def test_printed_output_matches(where: str, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert_shown_outputs(where, code, _namespace())


@pytest.mark.parametrize(("where", "command", "shown"), EXPLAIN, ids=[w for w, _c, _s in EXPLAIN])
def test_explain_output_matches(where: str, command: str, shown: list[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # (restores the folder assert_explain_shows moves to)
    assert_explain_shows(where, command, shown)


def _matches(shown: object, real: object, where: str = "") -> list[str]:
    """Where ``real`` differs from ``shown`` (``"…"`` matches anything)."""
    if shown == "…":
        return []
    if isinstance(shown, dict):
        if not isinstance(real, dict):
            return [f"{where}: not an object"]
        return [d for k, v in shown.items()
                for d in ([f"{where}.{k}: missing"] if k not in real
                          else _matches(v, real[k], f"{where}.{k}"))]
    return [] if shown == real else [f"{where}: shown {shown!r}, real {real!r}"]


def test_jsonl_record_matches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = [body for lang, _s, body in _blocks(README) if lang == "json"]
    assert len(blocks) == 2, "the README shows one record in and one out"
    record_in, shown_out = ("\n".join(b) for b in blocks)
    assert record_in.count("\n") == 0, "the input record is one JSONL line"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "crawl.jsonl").write_text(record_in + "\n", "utf-8")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = cli_main(["run", "crawl.jsonl", "--out", "out", "--jobs", "1", "--no-progress"])
    assert code == 0, err.getvalue()
    real = json.loads((tmp_path / "out" / "clean.jsonl").read_text("utf-8").splitlines()[0])
    assert not _matches(json.loads(shown_out), real), _matches(json.loads(shown_out), real)

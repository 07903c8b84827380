"""``benchmarks/ab_strip_instructions.py`` (branch perf13): its child program strips what it
is given, and its reader finds cachegrind's total.

The child is a template run under valgrind; a typo in it would only show as a failed
valgrind run. Here it runs under plain Python on two seeds (no valgrind, no timing) and
must leave the same output as a direct ``strip_text`` call: it imports the tree it is given.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from _helpers import load_script
from cleannews import CleanConfig, repair
from cleannews.strip import strip_text

ROOT = Path(__file__).resolve().parents[1]


def _tool():
    return load_script(ROOT / "benchmarks" / "ab_strip_instructions.py", "ab_strip_instructions")


def test_child_strips_the_documents_of_its_tree(tmp_path: Path) -> None:
    tool = _tool()
    docs = [repair(p.read_text("utf-8")).text for p in sorted((ROOT / "seeds").glob("*.txt"))[:2]]
    path = tmp_path / "docs.json"
    path.write_text(json.dumps(docs), "utf-8")
    code = tool.CHILD.format(src=str(ROOT / "src"), docs=str(path), passes=1)
    code += "\nprint(json.dumps([strip_text(t, cfg).text for t in docs]))\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [strip_text(t, CleanConfig()).text for t in docs]
    assert any(a != b for a, b in zip(json.loads(out.stdout), docs, strict=True))  # it stripped


def test_reads_the_instruction_total() -> None:
    tool = _tool()
    report = "==41== I   refs:      2,148,052,482\n==41== \n"
    assert tool.refs(report) == 2_148_052_482
    with pytest.raises(RuntimeError):
        tool.refs("valgrind: command not found")


def test_one_path_counts_the_tree_it_is_given(tmp_path: Path) -> None:
    """``at_one_path`` (``--one-path``, perf24) copies the package without its
    ``__pycache__``, compiles it, and the next tree replaces it at the same path (two
    identical trees at paths of equal length read 1.3 % apart under cachegrind)."""
    at_one_path = _tool().at_one_path
    tree = tmp_path / "tree" / "src" / "cleannews"
    tree.mkdir(parents=True)
    (tree / "__init__.py").write_text("X = 1\n", "utf-8")
    (tree / "__pycache__").mkdir()
    (tree / "__pycache__" / "stale.pyc").write_bytes(b"x")
    slot = tmp_path / "slot"
    got = at_one_path(tree.parent, slot)
    assert got == slot / "src"
    assert (got / "cleannews" / "__init__.py").read_text("utf-8") == "X = 1\n"
    assert not (got / "cleannews" / "__pycache__" / "stale.pyc").exists()
    assert list((got / "cleannews" / "__pycache__").glob("__init__.*.pyc"))
    (tree / "__init__.py").write_text("X = 2\n", "utf-8")  # the next tree replaces it
    at_one_path(tree.parent, slot)
    assert (got / "cleannews" / "__init__.py").read_text("utf-8") == "X = 2\n"

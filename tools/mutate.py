"""A small mutation tester: does a module's test set fail when its code is wrong?

It copies ``src/`` to a scratch folder once, then for each mutant rewrites one module there
with one small change and runs the given tests against the copy (``-x -q -n 0``, ``nice``, a
timeout). A mutant the tests still pass on *survives*: either the change does not alter
behaviour (an equivalent mutant) or no test looks at it (a gap).

Mutations (chosen from the module's syntax tree, docstrings left alone):

* ``cmp``: ``<``↔``<=``, ``>``↔``>=``, ``==``↔``!=``, ``in``↔``not in``, ``is``↔``is not``;
* ``bool``: ``and``↔``or``; ``not x`` → ``x``;
* ``const``: an integer ±1, ``True``↔``False``;
* ``arith``: ``+``↔``-``;
* ``del``: a statement replaced by ``pass``.

Usage (docs: CONTRIBUTING.md, "Checking that tests can fail")::

    PYTHONPATH=$PWD nice python -m tools.mutate src/cleannews/route/__init__.py \\
        tests/test_audit14.py "tests/test_doctests.py::test_docstring_examples[cleannews.route]" \\
        --scratch /tmp/me/mut --max 150 --out /tmp/me/route.jsonl

then, with the new tests added, ``--survivors /tmp/me/route.jsonl`` runs again only the
mutants that survived (matched by their code, not their line: the module may have moved).
A run claims its ``--scratch`` folder (:data:`LOCK_NAME`): give each concurrent run its own.
Stop a run with ``kill PID``: its test run is killed and the module's copy restored.

>>> [m.kind for m in mutants("def f(a):\\n    return a < 1 and True\\n")]
['del', 'cmp', 'bool', 'const', 'const', 'const']
>>> apply("x = a < 1\\n", mutants("x = a < 1\\n")[0])
'x = (a <= 1)\\n'
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

#: Comparison operators and what each becomes.
CMP_SWAP = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt,
            ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In,
            ast.Is: ast.IsNot, ast.IsNot: ast.Is}
#: A test run longer than this many times the unmutated run counts as killed (a loop).
TIMEOUT_FACTOR = 3
#: The shortest timeout, in seconds, whatever the unmutated run took.
MIN_TIMEOUT = 60
#: The file in ``--scratch`` that names the run using the folder (its process id).
LOCK_NAME = ".mutate.pid"


@dataclass(frozen=True)
class Mutant:
    """One change: replace ``source[start:end]`` (line/column span) by ``new``."""

    kind: str
    line: int
    span: tuple[int, int, int, int]
    new: str
    old: str


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
                out.add(id(body[0]))
    return out


def _span(node: ast.AST) -> tuple[int, int, int, int]:
    return (node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)


def _expr(node: ast.expr, change) -> str:
    copy = ast.parse(ast.unparse(node), mode="eval").body
    change(copy)
    return "(" + ast.unparse(copy) + ")"


def mutants(source: str) -> list[Mutant]:
    """Every mutant of ``source``, in source order of their nodes (see the module doc)."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    out: list[Mutant] = []

    def add(kind: str, node: ast.AST, new: str) -> None:
        out.append(Mutant(kind, node.lineno, _span(node), new, ast.unparse(node)))

    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.stmt) and not isinstance(node, (ast.FunctionDef, ast.ClassDef,
                                                                  ast.AsyncFunctionDef, ast.Import,
                                                                  ast.ImportFrom)):
            if _in_function(tree, node):
                add("del", node, "pass")
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in CMP_SWAP:
                    def change(c, i=i, op=op):
                        c.ops[i] = CMP_SWAP[type(op)]()
                    add("cmp", node, _expr(node, change))
        elif isinstance(node, ast.BoolOp):
            def change(c):
                c.op = ast.Or() if isinstance(c.op, ast.And) else ast.And()
            add("bool", node, _expr(node, change))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            add("bool", node, "(" + ast.unparse(node.operand) + ")")
        elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
            if not (isinstance(node.left, ast.Constant) and isinstance(node.left.value, str)):
                def change(c):
                    c.op = ast.Sub() if isinstance(c.op, ast.Add) else ast.Add()
                add("arith", node, _expr(node, change))
        elif isinstance(node, ast.Constant):
            if isinstance(node.value, bool):
                add("const", node, repr(not node.value))
            elif isinstance(node.value, int):
                add("const", node, f"({node.value + 1})")
                add("const", node, f"({node.value - 1})")
    out.sort(key=lambda m: m.span)
    return out


def _in_function(tree: ast.AST, target: ast.stmt) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for sub in ast.walk(node):
                if sub is target:
                    return True
    return False


def apply(source: str, m: Mutant) -> str:
    """``source`` with mutant ``m`` applied."""
    lines = source.splitlines(keepends=True)
    l1, c1, l2, c2 = m.span
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line.encode()))
    raw = source.encode()
    start, end = offsets[l1 - 1] + c1, offsets[l2 - 1] + c2
    return (raw[:start] + m.new.encode() + raw[end:]).decode()


def pick_survivors(found: list[Mutant], rows: list[dict]) -> list[Mutant]:
    """The mutants of ``found`` that survived in an earlier run's rows (``--out``): each is
    the mutant of the same code nearest its old line (a ``raise`` -> ``pass`` survivor is one
    raise, not every raise of the module), at the row's column when it has one; an integer's
    +1 and -1 mutants, on one span, are two (round 29: the second replaced the first).

    >>> found = mutants("def f(a):\\n    return a + 1\\n")
    >>> rows = [{"line": 2, "kind": "const", "old": "1", "new": n, "status": "survived"}
    ...         for n in ("(2)", "(0)")]
    >>> [m.new for m in pick_survivors(found, rows)]
    ['(0)', '(2)']
    """
    picked: dict[tuple[tuple[int, int, int, int], str], Mutant] = {}
    for r in rows:
        same = [m for m in found if r["status"] == "survived"
                and (m.kind, m.old, m.new) == (r["kind"], r["old"], r["new"])]
        if same:
            # then the same column (a row written since round 29 has it): a line may hold
            # one code twice (``f(a, 0, b, 0)``)
            m = min(same, key=lambda m: (abs(m.line - r["line"]),
                                         m.span[1] != r.get("col", m.span[1])))
            picked[m.span, m.new] = m
    return sorted(picked.values(), key=lambda m: (m.span, m.new))


def claim_scratch(scratch: Path) -> Path | None:
    """Claim ``scratch`` for this run: write :data:`LOCK_NAME` there with this process's id
    and return its path, or ``None`` when a live run holds the folder. Two runs on one
    scratch folder write their mutants into one copy of the module, so each tests the
    other's mutants and both records are wrong (round 30: a run left behind by a restart);
    a lock whose process has ended is taken over.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> lock = claim_scratch(d)
    >>> lock.read_text() == str(os.getpid()), claim_scratch(d) is None
    (True, True)
    >>> lock.unlink()
    """
    scratch.mkdir(parents=True, exist_ok=True)
    lock = scratch / LOCK_NAME
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            try:
                pid = int(lock.read_text() or 0)
            except (OSError, ValueError):
                pid = 0
            if pid > 0 and _alive(pid):
                return None
            lock.unlink(missing_ok=True)  # stale: its run has ended
            continue
        with os.fdopen(fd, "w") as f:
            f.write(str(os.getpid()))
        return lock
    return None


def _stop(signum, frame) -> None:
    raise SystemExit(128 + signum)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _run(tests: list[str], src: Path, cwd: Path, timeout: float) -> tuple[str, float]:
    # CLEANNEWS_TEST_SRC: tests/_helpers.cli_env puts it first on a `python -m cleannews`
    # child's path (without it the child would import the unmutated checkout)
    env = dict(os.environ, PYTHONPATH=str(src), CLEANNEWS_TEST_SRC=str(src))
    cmd = ["nice", sys.executable, "-m", "pytest", "-x", "-q", "-n", "0", "-p",
           "no:cacheprovider", *tests]
    t0 = time.monotonic()
    try:
        proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", time.monotonic() - t0
    return ("survived" if proc.returncode == 0 else "killed"), time.monotonic() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("module", help="the module's path, e.g. src/cleannews/route/__init__.py")
    ap.add_argument("tests", nargs="+", help="test files or node ids to run for each mutant")
    ap.add_argument("--scratch", required=True, help="folder for the copy of src/")
    ap.add_argument("--max", type=int, default=150, help="sample at most this many mutants")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", help="write one JSON line per mutant here")
    ap.add_argument("--lines", help="only mutants on these lines, e.g. 40-90")
    ap.add_argument("--survivors", help="only the mutants that survived in this earlier --out "
                    "file (after adding tests: which ones do they kill?)")
    args = ap.parse_args(argv)

    root = Path.cwd()
    module = Path(args.module)
    scratch = Path(args.scratch)
    lock = claim_scratch(scratch)
    if lock is None:
        print(f"{scratch} is in use by another run (its {LOCK_NAME} names a live process): "
              "wait for it or give another --scratch", file=sys.stderr)
        return 2
    # a stopped run (kill PID) ends as Ctrl-C does: its pytest child is killed (by
    # subprocess.run), the module's copy restored and the lock removed
    signal.signal(signal.SIGTERM, _stop)
    try:
        return _main(args, root, module, scratch)
    finally:
        lock.unlink(missing_ok=True)


def _main(args: argparse.Namespace, root: Path, module: Path, scratch: Path) -> int:
    copy = scratch / module.parts[0]
    src_root = root / module.parts[0]
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(src_root, copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = scratch / module
    source = (root / module).read_text(encoding="utf-8")
    found = mutants(source)
    if args.lines:
        lo, hi = (int(x) for x in args.lines.split("-"))
        found = [m for m in found if lo <= m.line <= hi]
    if args.survivors:
        with open(args.survivors, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f]
        found = pick_survivors(found, rows)
    chosen = found
    if len(found) > args.max:
        chosen = sorted(random.Random(args.seed).sample(found, args.max), key=lambda m: m.span)

    status, took = _run(args.tests, copy, root, 3600)
    if status != "survived":
        print(f"the tests fail on the unmutated code ({status}): fix that first", file=sys.stderr)
        return 2
    timeout = max(MIN_TIMEOUT, TIMEOUT_FACTOR * took)
    print(f"{module}: {len(found)} mutants, running {len(chosen)}; unmutated run {took:.1f}s",
          flush=True)
    out = open(args.out, "w", encoding="utf-8") if args.out else None
    counts: dict[str, int] = {}
    stamp = time.time()
    try:
        for i, m in enumerate(chosen):
            target.write_text(apply(source, m), encoding="utf-8")
            os.utime(target, (stamp + i + 1, stamp + i + 1))  # a cached .pyc never matches
            status, took = _run(args.tests, copy, root, timeout)
            counts[status] = counts.get(status, 0) + 1
            row = {"line": m.line, "col": m.span[1], "kind": m.kind, "old": m.old, "new": m.new,
                   "status": status, "seconds": round(took, 1)}
            if out:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                out.flush()
            if status == "survived":
                print(f"  SURVIVED line {m.line} {m.kind}: {m.old[:70]!r} -> {m.new[:70]!r}",
                      flush=True)
    finally:
        target.write_text(source, encoding="utf-8")
        if out:
            out.close()
    print(f"{module}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())

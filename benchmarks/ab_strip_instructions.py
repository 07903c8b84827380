"""Strip stage: instructions per pass of this checkout against another one (valgrind).

    PYTHONPATH=src .venv/bin/python benchmarks/ab_strip_instructions.py /path/to/other/src \
        [--passes 4] [--every 4] [--one-path]

CPU time on a shared machine moves by several per cent from one round to the next
(``ab_strip.py`` on 5 jobs / 2 cores: 0.97x to 1.03x for two equal trees), so a change of
1-2 % cannot be told from noise there. The instructions a pass executes do not depend on
the other jobs: this script counts them with valgrind's cachegrind (``--cache-sim=no``) in
a child Python per tree and per pass count. Each child imports ``cleannews`` from its tree,
strips every ``--every``-th repaired document of ``bench_pipeline.corpus()`` once (warm-up:
lazy patterns compiled, models loaded), then ``--passes`` more times; the count of the same
child with 0 passes is subtracted, so imports and warm-up cancel out. ``PYTHONHASHSEED=0``:
set orders, hence the work, are the same in every child.

What instructions miss: memory layout (cache misses, pointer chasing). A change that moves
data (lists for arrays, new tables) can run fewer instructions and still be slower
(docs/performance-history.md, branch perf-spin11): check such changes in CPU time too
(``ab_strip.py``). Outputs are not compared here; ``ab_strip.py`` does that.
Needs ``valgrind`` on the PATH (about 1 minute a child under load with the defaults).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

#: The child: strip the documents once (warm-up), then PASSES more times.
CHILD = """
import json, sys
sys.path.insert(0, {src!r})
import cleannews
from cleannews.strip import strip_text
docs = json.load(open({docs!r}, encoding="utf-8"))
cfg = cleannews.CleanConfig()
for t in docs:
    strip_text(t, cfg)
for _ in range({passes}):
    for t in docs:
        strip_text(t, cfg)
"""

#: cachegrind's total: ``==123== I   refs:      9,056,420,189``
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def instructions(src: Path, docs: Path, passes: int) -> int:
    """Instructions valgrind counts for one child (see the module doc)."""
    return child_instructions(src, CHILD.format(src=str(src), docs=str(docs), passes=passes))


def child_instructions(src: Path, code: str) -> int:
    """Instructions valgrind counts for ``python -c code`` run on the checkout ``src``."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(src)}
    out = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, "-c", code],
        env=env, capture_output=True, text=True, check=True,
    )
    return refs(out.stderr)


def refs(report: str) -> int:
    """The instruction total of a cachegrind report.

    >>> refs("==7== Collected : 12\\n==7== I   refs:      9,056,420,189\\n")
    9056420189
    """
    m = _REFS.search(report)
    if m is None:
        raise RuntimeError("no instruction count in valgrind's output:\n" + report[-2000:])
    return int(m.group(1).replace(",", ""))


def at_one_path(src: Path, slot: Path) -> Path:
    """``src``'s ``cleannews`` package copied to ``slot/src`` (emptied first) and compiled:
    the ``src`` to count instead of ``src``, so that two trees are counted at one path.

    The count moves with a tree's path even at equal lengths (perf24: two identical trees
    at ``/tmp/X/main/src`` and ``/tmp/X/mine/src`` read 1.3 % apart on ``clean``; the
    same tree counted twice at one path, 0.4 %): the path is in every code object and
    module ``__file__``, and its hash orders the dictionaries and sets that hold them.
    """
    dest = slot / "src"
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(src / "cleannews", dest / "cleannews",
                    ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(dest)], check=True)
    return dest


#: The first line of :func:`compare_passes`' output (``heading=`` replaces it; the fields are
#: ``n`` documents, ``mb`` their size, ``passes`` and ``label``).
HEADING = "{n} documents, {mb:.2f} MB, {passes} {label} after a warm-up"


def compare_passes(count, docs: list[str], here: Path, other: Path, passes: int,
                   label: str, one_path: Path | None = None, *, heading: str = HEADING,
                   per_mb: bool = True) -> None:
    """Print the instructions a pass of ``count(src, passes)`` takes in each checkout.

    ``count(src, 0)`` is the warm-up alone, so ``(count(src, n) - count(src, 0)) / n`` is
    one pass; ``label`` names the passes in the first line ("passes", "warm passes"),
    ``heading`` is that line (:data:`HEADING`); ``per_mb=False`` leaves out the count per MB.
    ``one_path``: a directory where each checkout is counted in turn (:func:`at_one_path`).

    >>> compare_passes(lambda src, n: 1_000_000 * (2 + n * len(str(src))), ["é" * 500_000],
    ...                Path("ab"), Path("abcd"), 2, "passes")
    1 documents, 1.00 MB, 2 passes after a warm-up
    here: 2.0 M instructions a pass (2 M per MB)
    other: 4.0 M instructions a pass (4 M per MB)
    other / here: 2.0000x (above 1: this checkout runs fewer instructions)
    """
    per_pass = {}
    for name, src in (("here", here), ("other", other)):
        if one_path is not None:
            src = at_one_path(src, one_path)
        per_pass[name] = (count(src, passes) - count(src, 0)) / passes
    size = sum(len(t.encode("utf-8")) for t in docs) / 1e6
    print(heading.format(n=len(docs), mb=size, passes=passes, label=label))
    for name in ("here", "other"):
        print(f"{name}: {per_pass[name] / 1e6:,.1f} M instructions a pass"
              + (f" ({per_pass[name] / size / 1e6:,.0f} M per MB)" if per_mb else ""))
    print(f"other / here: {per_pass['other'] / per_pass['here']:.4f}x "
          "(above 1: this checkout runs fewer instructions)")


def compare_on_docs(count, docs: list[str], other: Path, passes: int, label: str,
                    one_path: bool, prefix: str, **shown: Any) -> None:
    """:func:`compare_passes` of this checkout against ``other`` on ``docs``, written to a
    temporary ``docs.json`` that ``count(src, docs_json, passes)`` hands to its children
    (the ``instructions`` of each ``ab_*_instructions.py`` script); ``one_path``: count both
    checkouts at one path in that temporary directory (:func:`at_one_path`); ``shown``:
    :func:`compare_passes`' ``heading`` and ``per_mb``."""
    import cleannews

    here = Path(cleannews.__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        path = Path(tmp) / "docs.json"
        path.write_text(json.dumps(docs), "utf-8")
        compare_passes(lambda src, n: count(src, path, n), docs, here, other.resolve(),
                       passes, label, Path(tmp) if one_path else None, **shown)


def ab_parser(doc: str, *, passes: int, passes_help: str, every: int,
              every_help: str) -> argparse.ArgumentParser:
    """The arguments every ``ab_*_instructions.py`` script takes: the other checkout's
    ``src``, ``--passes``, ``--every`` and ``--one-path``; a script adds its own after them
    (a further positional comes after ``other``)."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("other", type=Path, help="the other checkout's src directory")
    ap.add_argument("--passes", type=int, default=passes, help=passes_help)
    ap.add_argument("--every", type=int, default=every, help=every_help)
    ap.add_argument("--one-path", action="store_true",
                    help="count both checkouts in turn at one temporary path "
                         "(the count moves with the path: see at_one_path)")
    return ap


def valgrind_missing() -> bool:
    """Whether valgrind is missing (then said on stdout: the scripts exit 1)."""
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: no instruction counts")
        return True
    return False


def main(argv: list[str] | None = None) -> int:
    args = ab_parser(__doc__, passes=4, passes_help="timed passes after the warm-up", every=4,
                     every_help="strip every N-th document").parse_args(argv)
    if valgrind_missing():
        return 1
    import bench_pipeline
    import cleannews

    groups = bench_pipeline.corpus()
    docs = [d for g in groups.values() for d in g]
    random.Random(1).shuffle(docs)  # the order of ab_strip.py
    rep = [cleannews.repair(d).text for d in docs[:: args.every]]
    compare_on_docs(instructions, rep, args.other, args.passes, "passes", args.one_path,
                    "ab_strip_ins_")
    return 0


if __name__ == "__main__":
    sys.exit(main())

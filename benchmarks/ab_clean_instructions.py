"""``clean`` on many small documents: instructions per pass of this checkout against another.

    PYTHONPATH=src .venv/bin/python benchmarks/ab_clean_instructions.py /path/to/other/src \
        [--passes 2] [--every 4] [--one-path]

The whole-pipeline twin of ``ab_strip_instructions.py`` and ``ab_spin_instructions.py``
(same method, same caveats): a child Python per tree and per pass count
(``PYTHONHASHSEED=0``) imports ``cleannews`` (and numpy, as the mixed run has it) from its
tree, runs :func:`cleannews.clean` on every ``--every``-th raw document of
``bench_pipeline.corpus()`` (the mixed corpus: 1,277 documents, nearly all of 1-2 KB, as
most real corpora are many small documents) once as a warm-up, then ``--passes`` more
times; the count of the same child with 0 passes is subtracted. The count moves with the
trees' paths, even at equal lengths: ``--one-path`` counts each tree in turn at one
temporary path (``ab_strip_instructions.at_one_path``); without it, compare trees at paths
of equal length, both compiled first (``python -m compileall -q``; BENCHMARKS.md, round
23). Outputs are not compared here (``bench_spin_compare.py --stage clean`` does that).
Needs ``valgrind`` on the PATH.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from ab_strip_instructions import (
    ab_parser,
    child_instructions,
    compare_on_docs,
    valgrind_missing,
)

CHILD = """
import json, sys
sys.path.insert(0, {src!r})
import numpy
import cleannews
docs = json.load(open({docs!r}, encoding="utf-8"))
for t in docs:
    cleannews.clean(t)
for _ in range({passes}):
    for t in docs:
        cleannews.clean(t)
"""


def instructions(src: Path, docs: Path, passes: int) -> int:
    """Instructions valgrind counts for one child (see the module doc)."""
    return child_instructions(src, CHILD.format(src=str(src), docs=str(docs), passes=passes))


def main(argv: list[str] | None = None) -> int:
    args = ab_parser(__doc__, passes=2, passes_help="counted passes after the warm-up",
                     every=4, every_help="clean every N-th document").parse_args(argv)
    if valgrind_missing():
        return 1
    import bench_pipeline

    docs = [d for group in bench_pipeline.corpus().values() for d in group][:: args.every]
    compare_on_docs(instructions, docs, args.other, args.passes, "warm passes", args.one_path,
                    "ab_clean_ins_")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Spin scoring: instructions per pass of this checkout against another one (valgrind).

    PYTHONPATH=src .venv/bin/python benchmarks/ab_spin_instructions.py /path/to/other/src \
        [--passes 2] [--every 4] [--cold] [--one-path]

The spin-stage twin of ``ab_strip_instructions.py`` (same method, same caveats): CPU time on
the shared machine moves by several per cent between rounds, the instructions a pass
executes do not. A child Python per tree and per pass count (``PYTHONHASHSEED=0``) imports
``cleannews`` from its tree and numpy (as ``bench_spin_compare.py``'s mixed run has it,
loaded by the language model: the context term's gains take the numpy path), scores every
``--every``-th document of ``bench_spin_compare.texts()`` (the mixed corpus, repaired and
stripped) once as a warm-up, then ``--passes`` more times; the count of the same child with
0 passes is subtracted. ``--cold`` empties the per-token-type caches before each counted
pass (``bench_spin_compare.clear_caches``), so every pass pays for the facts of each word
type once, as a stream of new documents does. Outputs are not compared here
(``bench_spin_compare.py`` does that). Needs ``valgrind`` on the PATH.
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

def clear():
    f = cleannews.score._features
    for name in ("_INFO", "_FIT_CACHE", "_LLR_OF", "_ROLES_OF"):
        c = getattr(f, name, None)
        if c is not None:
            c.clear()

for t in docs:
    cleannews.spin_score(t)
for _ in range({passes}):
    if {cold}:
        clear()
    for t in docs:
        cleannews.spin_score(t)
"""


def instructions(src: Path, docs: Path, passes: int, cold: bool) -> int:
    """Instructions valgrind counts for one child (see the module doc)."""
    code = CHILD.format(src=str(src), docs=str(docs), passes=passes, cold=cold)
    return child_instructions(src, code)


def main(argv: list[str] | None = None) -> int:
    ap = ab_parser(__doc__, passes=2, passes_help="counted passes after the warm-up", every=4,
                   every_help="score every N-th document")
    ap.add_argument("--cold", action="store_true", help="empty the token caches before each pass")
    args = ap.parse_args(argv)
    if valgrind_missing():
        return 1
    import bench_spin_compare

    docs = bench_spin_compare.texts()[1][:: args.every]
    compare_on_docs(lambda src, path, n: instructions(src, path, n, args.cold), docs,
                    args.other, args.passes, "cold passes" if args.cold else "warm passes",
                    args.one_path, "ab_spin_ins_")
    return 0


if __name__ == "__main__":
    sys.exit(main())

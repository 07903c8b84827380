"""HTML front end: instructions per pass of this checkout against another one (valgrind).

    PYTHONPATH=src .venv/bin/python benchmarks/ab_html_instructions.py /path/to/other/src \\
        /work/cache/html-fr6 [--passes 1] [--every 8] [--parse-only] [--one-path]

The HTML counterpart of ``ab_strip_instructions.py`` (see there why instructions: CPU time
on the shared machine moves by several per cent between rounds). Each child Python, under
valgrind's cachegrind (``--cache-sim=no``, ``PYTHONHASHSEED=0``), imports ``cleannews``
from its tree, runs :func:`cleannews.strip.html.html_to_text` (``--parse-only``:
:func:`~cleannews.strip.html.parse_page`) on every ``--every``-th page of the gold **dev**
part (``benchmarks/html_gold_split.json``, as ``ab_html.py``) once as a warm-up, then
``--passes`` more times; the same child's count with 0 passes is subtracted
(``ab_strip_instructions.compare_on_docs``, as the other ``ab_*_instructions.py`` scripts;
``--one-path`` as theirs). Outputs are not compared here: ``ab_html.py`` and
``identity16.py`` do that.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from ab_html import gold_dev_pages
from ab_strip_instructions import (
    ab_parser,
    child_instructions,
    compare_on_docs,
    valgrind_missing,
)

#: The child: run the HTML front end on the pages once (warm-up), then PASSES more times.
CHILD = """
import json, sys
sys.path.insert(0, {src!r})
import cleannews
from cleannews.strip.html import html_to_text, parse_page
pages = json.load(open({docs!r}, encoding="utf-8"))
cfg = cleannews.CleanConfig()
run = (lambda p: parse_page(p)) if {parse_only!r} else (lambda p: html_to_text(p, cfg))
for p in pages:
    run(p)
for _ in range({passes}):
    for p in pages:
        run(p)
"""


def instructions(src: Path, docs: Path, passes: int, parse_only: bool) -> int:
    """Instructions valgrind counts for one child (see the module doc)."""
    return child_instructions(src, CHILD.format(src=str(src), docs=str(docs), passes=passes,
                                                parse_only=parse_only))


def main(argv: list[str] | None = None) -> int:
    ap = ab_parser(__doc__, passes=1, passes_help="timed passes after the warm-up", every=8,
                   every_help="every N-th gold dev page")
    ap.add_argument("gold", type=Path, help="the gold HTML cache (manifest.jsonl, pages/)")
    ap.add_argument("--parse-only", action="store_true", help="time parse_page alone")
    args = ap.parse_args(argv)
    if valgrind_missing():
        return 1
    from cleannews._input import decode_input

    pages = [decode_input(b, html=True)[0] for _, b in gold_dev_pages(args.gold)][:: args.every]
    what = "parse_page" if args.parse_only else "html_to_text"
    compare_on_docs(lambda src, path, n: instructions(src, path, n, args.parse_only), pages,
                    args.other, args.passes, "passes", args.one_path, "ab_html_ins_",
                    heading=what + ": {n} gold dev pages, {mb:.2f} MB, {passes} {label} after "
                    "a warm-up", per_mb=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())

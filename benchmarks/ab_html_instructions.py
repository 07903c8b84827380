"""HTML front end: instructions per pass of this checkout against another one (valgrind).

    PYTHONPATH=src .venv/bin/python benchmarks/ab_html_instructions.py /path/to/other/src \\
        /work/cache/html-fr6 [--passes 1] [--every 8] [--parse-only]

The HTML counterpart of ``ab_strip_instructions.py`` (see there why instructions: CPU time
on the shared machine moves by several per cent between rounds). Each child Python, under
valgrind's cachegrind (``--cache-sim=no``, ``PYTHONHASHSEED=0``), imports ``cleannews``
from its tree, runs :func:`cleannews.strip.html.html_to_text` (``--parse-only``:
:func:`~cleannews.strip.html.parse_page`) on every ``--every``-th page of the gold **dev**
part (``benchmarks/html_gold_split.json``, as ``ab_html.py``) once as a warm-up, then
``--passes`` more times; the same child's count with 0 passes is subtracted. Outputs are
not compared here: ``ab_html.py`` and ``identity16.py`` do that.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import ab_strip_instructions
from ab_html import gold_dev_pages

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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("other", type=Path, help="the other checkout's src directory")
    ap.add_argument("gold", type=Path, help="the gold HTML cache (manifest.jsonl, pages/)")
    ap.add_argument("--passes", type=int, default=1, help="timed passes after the warm-up")
    ap.add_argument("--every", type=int, default=8, help="every N-th gold dev page")
    ap.add_argument("--parse-only", action="store_true", help="time parse_page alone")
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: no instruction counts")
        return 1
    import cleannews
    from cleannews._input import decode_input

    pages = [decode_input(b, html=True)[0] for _, b in gold_dev_pages(args.gold)][:: args.every]
    here = Path(cleannews.__file__).resolve().parent.parent
    child = CHILD.replace("{parse_only!r}", repr(args.parse_only))
    per_pass = {}
    with tempfile.TemporaryDirectory(prefix="ab_html_ins_") as tmp:
        path = Path(tmp) / "pages.json"
        path.write_text(json.dumps(pages), "utf-8")
        saved = ab_strip_instructions.CHILD
        ab_strip_instructions.CHILD = child
        try:
            for name, src in (("here", here), ("other", args.other.resolve())):
                base = ab_strip_instructions.instructions(src, path, 0)
                total = ab_strip_instructions.instructions(src, path, args.passes)
                per_pass[name] = (total - base) / args.passes
        finally:
            ab_strip_instructions.CHILD = saved
    size = sum(len(p.encode("utf-8")) for p in pages) / 1e6
    what = "parse_page" if args.parse_only else "html_to_text"
    print(f"{what}: {len(pages)} gold dev pages, {size:.2f} MB, {args.passes} passes "
          "after a warm-up")
    for name in ("here", "other"):
        print(f"{name}: {per_pass[name] / 1e6:,.1f} M instructions a pass")
    print(f"other / here: {per_pass['other'] / per_pass['here']:.4f}x "
          "(above 1: this checkout runs fewer instructions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

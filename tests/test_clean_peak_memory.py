"""Peak memory of ``cleannews.clean`` on a ~1 MB seed-like document (issue 12's memory row).

The document is the five seeds (French news: paragraphs separated by blank lines, many of
them holding a space) joined and repeated to :data:`CHARS` characters. A first ``clean`` of
one copy of the seeds loads the models and fills the stages' bounded caches with the same
vocabulary; the peak of the allocations the second ``clean`` makes on the whole document
(``tracemalloc``: the input ``str`` is allocated before tracing starts) is bounded as a
multiple of its UTF-8 size. Memory only: nothing is timed.

Round 37 (mem52): the strip stage made a ``_Line`` of 168 bytes for every blank line;
every blank line of a page is now the one shared ``BLANK_LINE``. Main before it: 7.29x on
this document (this file run with ``PYTHONPATH`` on main's ``src``: it fails); after it
6.89x.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import cleannews

ROOT = Path(__file__).resolve().parents[1]
#: Characters of the document (about 1.05 MB of UTF-8).
CHARS = 1_000_000
#: Bound of ``clean``'s peak as a multiple of the document's UTF-8 size: above round 37's
#: figure by the margin a Python version's object sizes may move it, below main's 7.31x.
MAX_PEAK_RATIO = 7.1


def _seeds() -> str:
    return "\n\n".join(p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))


def test_clean_peak_on_a_seed_like_megabyte_is_bounded() -> None:
    unit = _seeds()
    doc = (unit * (1 + CHARS // len(unit)))[:CHARS]
    assert doc.count("\n") > 5000
    cleannews.clean(unit)  # models loaded, caches filled with this vocabulary
    tracemalloc.start()
    try:
        out = cleannews.clean(doc)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert out.text  # the whole pipeline ran on it
    ratio = peak / len(doc.encode("utf-8"))
    assert ratio <= MAX_PEAK_RATIO, f"clean peak {ratio:.2f}x UTF-8 (bound {MAX_PEAK_RATIO}x)"

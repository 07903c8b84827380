"""Peak memory of ``cleannews.clean`` and of each stage, as multiples of the document's size.

    .venv/bin/python benchmarks/bench_memory.py [--mb 1 10] [--one-line] [--spin-only]

Documents: the real scraped pages of the mixed corpus ``bench_pipeline.py`` uses
(``fixtures/strip_real`` and the seeds), joined by blank lines and repeated up to
``--mb`` million characters; ``--one-line`` adds the same text made one gigantic line
(every line break a space). For each document: its UTF-8 size and its size as a
``str`` (4 bytes a character once it holds one emoji), then, after a first clean of
the same document (the models loaded, the bounded caches filled), what is alive when
each stage starts plus the peak of the allocations the stage makes (tracemalloc), as
multiples of the UTF-8 size and of the ``str``; ``clean`` is the whole call. Memory
only: no time is measured. ``--spin-only`` measures the spin score alone
(``score.score_text`` on the document as given, after a first score of it): minutes
instead of hours for a 10 M-character line, whose ``clean`` spends most of its time in
strip. Compare with the code of main in the same way:

    PYTHONPATH=/work/main/src .venv/bin/python benchmarks/bench_memory.py --mb 1
    PYTHONPATH=/work/main/src .venv/bin/python benchmarks/bench_memory.py \\
        --mb 10 --one-line --spin-only
"""

from __future__ import annotations

import argparse
import sys
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_pipeline import _real_pages, memory_per_stage


def document(chars: int, one_line: bool = False) -> str:
    """``chars`` characters of real pages joined by blank lines (one line: no line break).

    >>> len(document(1000)), "\\n" in document(1000, one_line=True)
    (1000, False)
    """
    text = "\n\n".join(_real_pages())
    text = (text * (1 + chars // max(len(text), 1)))[:chars]
    return text.replace("\n", " ") if one_line else text


def measure(doc: str) -> dict[str, tuple[float, float]]:
    """Stage -> (peak as a multiple of the UTF-8 size, of the ``str`` size)."""
    import cleannews

    tracemalloc.start()
    cleannews.clean(doc)  # first clean: caches fill (what stays is not the document's)
    tracemalloc.stop()
    rows = memory_per_stage(cleannews.clean, doc)
    utf8, in_memory = len(doc.encode("utf-8")), sys.getsizeof(doc)
    return {
        stage: ((m["alive_at_start"] + m["peak_added"]) / utf8,
                (m["alive_at_start"] + m["peak_added"]) / in_memory)
        for stage, m in rows.items()
    }


def measure_spin(doc: str) -> dict[str, tuple[float, float]]:
    """``{"spin": (peak / UTF-8 size, peak / str size)}``: the traced peak of
    ``score_text(doc)`` (allocations it makes; the document itself is not counted), after
    a first score of the same document (models loaded, bounded caches filled)."""
    from cleannews.config import DEFAULT_CONFIG
    from cleannews.score import score_text

    score_text(doc, DEFAULT_CONFIG)
    tracemalloc.start()
    score_text(doc, DEFAULT_CONFIG)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    utf8, in_memory = len(doc.encode("utf-8")), sys.getsizeof(doc)
    return {"spin alone": (peak / utf8, peak / in_memory)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, nargs="+", default=[1.0, 10.0],
                    help="document sizes, millions of characters")
    ap.add_argument("--one-line", action="store_true",
                    help="also measure each size as one gigantic line")
    ap.add_argument("--spin-only", action="store_true",
                    help="measure the spin score alone (its own peak), not clean's stages")
    args = ap.parse_args(argv)
    import cleannews

    print(f"cleannews from {Path(cleannews.__file__).parent}")
    for mb in args.mb:
        for one_line in (False, True) if args.one_line else (False,):
            doc = document(int(mb * 1e6), one_line)
            utf8, in_memory = len(doc.encode("utf-8")), sys.getsizeof(doc)
            kind = "one line" if one_line else f"{doc.count(chr(10)) + 1} lines"
            print(f"document {mb:g}M characters ({kind}): {utf8 / 1e6:.2f} MB UTF-8, "
                  f"{in_memory / 1e6:.2f} MB as a str; alive at a stage's start + its peak:",
                  flush=True)
            rows = measure_spin(doc) if args.spin_only else measure(doc)
            for stage, (x_utf8, x_str) in rows.items():
                print(f"  {stage:10s} {x_utf8:6.2f}x UTF-8  {x_str:5.2f}x the str", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Strip stage: this checkout against another one, in one process, as a ratio (and against ftfy).

    PYTHONPATH=src .venv/bin/python benchmarks/ab_strip.py /path/to/other/checkout/src [--rounds 9]

On a shared machine CPU time moves with the other jobs; two versions timed in
one process, round after round, see the same conditions. The other checkout's
``cleannews`` package is copied to a temporary directory under the name
``cleannews_old`` (its imports rewritten), both are run on the repaired documents
of ``bench_pipeline.corpus()`` (outputs compared first: the script stops on a
difference; with ``--allow-diff``, for a change meant to move outputs, it counts the documents
that differ and times anyway), then each round times ``strip_text`` of both and
``ftfy.fix_text(uncurl_quotes=False)`` on the raw documents (``time.process_time``).
It prints the medians and the median of the per-round ratios; then the peak traced
memory of each on the ~1 MB document of ``bench_pipeline.py``.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def _copy_as_old(src: Path, tmp: Path) -> None:
    """Copy ``src/cleannews`` to ``tmp/cleannews_old`` with its imports renamed.

    >>> re.sub(r"\\bcleannews\\b", "cleannews_old", "from cleannews.strip import x")
    'from cleannews_old.strip import x'
    """
    dst = tmp / "cleannews_old"
    shutil.copytree(src / "cleannews", dst)
    for p in dst.rglob("*.py"):
        p.write_text(re.sub(r"\bcleannews\b", "cleannews_old", p.read_text("utf-8")), "utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("other", type=Path, help="the other checkout's src directory")
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument(
        "--allow-diff",
        action="store_true",
        help="an intended output change: count the documents that differ, then time anyway",
    )
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="ab_strip_"))
    _copy_as_old(args.other, tmp)
    sys.path.insert(0, str(tmp))
    import cleannews_old
    import ftfy
    from cleannews_old.strip import strip_text as old

    import bench_pipeline
    import cleannews
    from cleannews.strip import strip_text as new

    groups = bench_pipeline.corpus()
    docs = [d for g in groups.values() for d in g]
    random.Random(1).shuffle(docs)
    rep = [cleannews.repair(d).text for d in docs]
    cfg_n, cfg_o = cleannews.CleanConfig(), cleannews_old.CleanConfig()
    differ = 0
    for t in rep:
        a, b = new(t, cfg_n), old(t, cfg_o)
        if a.text != b.text or [(c.rule, c.span, c.reason) for c in a.changes] != [
            (c.rule, c.span, c.reason) for c in b.changes
        ]:
            if not args.allow_diff:
                print("outputs differ on a document: no timing")
                return 1
            differ += 1
    if differ:
        print(f"outputs differ on {differ} of {len(rep)} documents (--allow-diff)")
    size = sum(len(t.encode("utf-8")) for t in rep) / 1e6
    fsize = sum(len(t.encode("utf-8")) for t in docs) / 1e6
    res: dict[str, list[float]] = {"new": [], "old": [], "ftfy": []}
    for _ in range(args.rounds):
        for name, fn, cfg in (("new", new, cfg_n), ("old", old, cfg_o)):
            t0 = time.process_time()
            for t in rep:
                fn(t, cfg)
            res[name].append(time.process_time() - t0)
        t0 = time.process_time()
        for t in docs:
            ftfy.fix_text(t, uncurl_quotes=False)
        res["ftfy"].append(time.process_time() - t0)
    med = {k: statistics.median(v) for k, v in res.items()}
    speedup = statistics.median(o / n for n, o in zip(res["new"], res["old"], strict=True))
    vs_ftfy = statistics.median(
        (size / n) / (fsize / f) for n, f in zip(res["new"], res["ftfy"], strict=True)
    )
    old_ftfy = statistics.median(
        (size / o) / (fsize / f) for o, f in zip(res["old"], res["ftfy"], strict=True)
    )
    print(f"{len(rep)} documents, {size:.2f} MB, {args.rounds} rounds (CPU time, medians)")
    print(f"strip_text here {size / med['new']:.2f} MB/s, other {size / med['old']:.2f} MB/s, "
          f"ftfy {fsize / med['ftfy']:.2f} MB/s")
    print(f"here / other: {speedup:.3f}x; here = {vs_ftfy:.2f}x ftfy, other = {old_ftfy:.2f}x ftfy")
    big = "\n\n".join(groups["real"])
    big = (big * (1 + 1_000_000 // max(len(big), 1)))[:1_000_000]
    rbig = cleannews.repair(big).text
    for name, fn, cfg in (("here", new, cfg_n), ("other", old, cfg_o)):
        fn(rbig, cfg)
        tracemalloc.start()
        fn(rbig, cfg)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"peak allocations of strip_text on the {len(big.encode()) / 1e6:.2f} MB document, "
              f"{name}: {peak / 1e6:.1f} MB")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

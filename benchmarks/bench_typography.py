"""The fast path on clean French in real news typography, against ftfy in the same run.

    .venv/bin/python benchmarks/bench_typography.py [--mb 4]

The corpus: UD French sentences typeset as a news site does (’ « » “ ” NNBSP
and NBSP before ; : ! ? and in 3 000 €, …, (…), —, 1ᵉʳ, ©+NBSP; see
``french_text.py``) grouped into documents, plus the seeds, repeated to
``--mb``. Prints the share of documents and lines the fast path proves clean,
MB/s of ``cleannews.repair`` and of ``ftfy.fix_text(uncurl_quotes=False)``
and their ratio, for the documents in French typography alone, those that
also quote words in other scripts (Cyrillic, Japanese: a UD sentence or two;
their lines take ftfy's path), and the whole corpus; and checks that the fast
and slow paths give the same output.
"""

from __future__ import annotations

import argparse
import time

import ftfy

import cleannews
from cleannews import CleanConfig
from cleannews.repairs.fastpath import needs_repair
from french_text import documents, seeds

REPAIR_ONLY = CleanConfig(strip_boilerplate=False, score_spin=False)


def corpus(mb: float) -> list[str]:
    base = documents() + seeds()
    out: list[str] = []
    size = 0
    while size < mb * 1_000_000:
        for doc in base:
            out.append(doc)
            size += len(doc.encode())
    return out


def seconds(fn, docs: list[str]) -> float:
    t = time.perf_counter()
    for d in docs:
        fn(d)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--mb", type=float, default=4.0, help="corpus size (MB)")
    args = ap.parse_args()
    docs = corpus(args.mb)
    mb = sum(len(d.encode()) for d in docs) / 1e6
    base = documents() + seeds()
    lines = [ln for d in base for ln in d.split("\n") if ln]
    fast_docs = sum(not needs_repair(d) for d in base)
    fast_lines = sum(not needs_repair(ln) for ln in lines)
    print(f"corpus: {len(base)} distinct documents, {mb:.1f} MB in all")
    print(f"fast path: {fast_docs}/{len(base)} documents, {fast_lines}/{len(lines)} lines")
    cleannews.repair("warm-up")
    slow_cfg = REPAIR_ONLY.replace(fast_path=False)
    same = all(
        cleannews.repair(d, REPAIR_ONLY).text == cleannews.repair(d, slow_cfg).text for d in base
    )
    print(f"fast and slow path give the same text on every document: {same}")
    slow_cfg_docs = docs[: max(1, len(docs) // 8)]  # the slow path is slow: time a slice
    smb = sum(len(d.encode()) for d in slow_cfg_docs) / 1e6
    slow = smb / seconds(lambda d: cleannews.repair(d, slow_cfg), slow_cfg_docs)
    typo = [d for d in docs if not needs_repair(d)]
    other = [d for d in docs if needs_repair(d)]
    print(f"{'documents':44s} {'MB':>5s} {'cleannews':>10s} {'ftfy':>10s} {'ratio':>6s}")
    for label, part in (
        ("French typography only (fast path)", typo),
        ("quoting other scripts (ftfy on those lines)", other),
        ("whole corpus", docs),
    ):
        pmb = sum(len(d.encode()) for d in part) / 1e6
        ours = pmb / min(
            seconds(lambda d: cleannews.repair(d, REPAIR_ONLY), part) for _ in range(3)
        )
        theirs = pmb / min(
            seconds(lambda d: ftfy.fix_text(d, uncurl_quotes=False), part) for _ in range(3)
        )
        print(
            f"{label:44s} {pmb:5.2f} {ours:6.2f} MB/s {theirs:5.2f} MB/s {ours / theirs:5.1f}x"
        )
    print(f"cleannews.repair with the fast path off: {slow:.2f} MB/s (a slice of {smb:.2f} MB)")

if __name__ == "__main__":
    main()

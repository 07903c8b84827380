"""Spin detector benchmark: import + first score time, throughput (MB/s per core), peak memory.

    python benchmarks/bench_spin.py            # French text from the seeds and the validation set
    python benchmarks/bench_spin.py --mb 20    # score about 20 MB
    python benchmarks/bench_spin.py --mixed    # also: CPU-time ratio to ftfy on the mixed corpus

Import + first score is measured in a fresh interpreter (cold: tables load
lazily on the first score). Throughput counts UTF-8 bytes of the scored text.
Memory: peak traced allocations (``tracemalloc``) of ``spin_score`` alone on
documents of about 1 MB (the French validation documents, and the real pages of
``fixtures/strip_real`` repaired and stripped as ``clean`` would), as a multiple
of the document's size, at the first and at the second call on the same
document in this process (the second finds its words in the bounded per-token
cache: the per-document share; the first also counts the cache's growth).
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).parent.parent
COLD = (
    "import time; t=time.perf_counter(); import cleannews; "
    "s=cleannews.spin_score(open({seed!r}, encoding='utf-8').read()); "
    "print(time.perf_counter()-t)"
)


def corpus() -> list[str]:
    """French documents to score: the seeds plus the committed validation set."""
    docs = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    with gzip.open(ROOT / "fixtures/spin/validation.jsonl.gz", "rt", encoding="utf-8") as fh:
        docs += [json.loads(line)["text"] for line in fh]
    return docs


def cold_start() -> float:
    """Seconds from ``import cleannews`` to the end of the first score, in a new process."""
    seed = str(next((ROOT / "seeds").glob("003_*.txt")))
    out = subprocess.run(
        [sys.executable, "-c", COLD.format(seed=seed)], capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip())


def _one_mb(docs: list[str]) -> str:
    big = "\n".join(docs)
    return (big * (1 + 1_000_000 // max(len(big), 1)))[:1_000_000]


def memory() -> list[tuple[str, float, float, float]]:
    """``(name, MB, cold multiple, warm multiple)`` of spin_score's peak allocations."""
    import cleannews
    from cleannews.evaluate import read_corpus
    from cleannews.strip import strip_text

    pages = [doc for _, doc, _ in read_corpus(ROOT / "fixtures" / "strip_real")]
    cfg = cleannews.CleanConfig()
    real = strip_text(cleannews.repair(_one_mb(pages)).text, cfg).text
    out = []
    for name, text in (("French validation text", _one_mb(corpus())), ("real pages", real)):
        n = len(text.encode("utf-8"))
        peaks = []
        for _ in range(2):
            tracemalloc.start()
            cleannews.spin_score(text)
            peaks.append(tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
        out.append((name, n / 1e6, peaks[0] / n, peaks[1] / n))
    return out


def mixed_ratio(rounds: int = 3) -> tuple[int, float, float, float, float]:
    """CPU-time throughput of ``spin_score`` and of ``ftfy.fix_text(uncurl_quotes=False)`` on
    the same texts: the documents of ``bench_pipeline.py``'s mixed corpus, repaired and
    stripped as ``clean`` hands them to the spin stage. Interleaved rounds, best of each
    (``time.process_time``: the shared machine's other jobs move wall-clock figures
    a lot, CPU time much less). Returns ``(documents, MB, ftfy MB/s, spin_score MB/s,
    score_text MB/s)``: ``score_text`` is the score stage alone, without the language
    identification that ``spin_score`` adds for text that is not French."""
    import ftfy

    import cleannews
    from cleannews.score import score_text
    from cleannews.strip import strip_text

    sys.path.insert(0, str(Path(__file__).parent))
    from bench_pipeline import corpus as mixed_corpus

    cfg = cleannews.CleanConfig()
    docs = [d for g in mixed_corpus().values() for d in g]
    texts = [strip_text(cleannews.repair(d).text, cfg).text for d in docs]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    for t in texts:
        cleannews.spin_score(t)
    best_f = best_s = best_t = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        for t in texts:
            ftfy.fix_text(t, uncurl_quotes=False)
        best_f = min(best_f, time.process_time() - t0)
        t0 = time.process_time()
        for t in texts:
            cleannews.spin_score(t)
        best_s = min(best_s, time.process_time() - t0)
        t0 = time.process_time()
        for t in texts:
            score_text(t, cfg)
        best_t = min(best_t, time.process_time() - t0)
    return len(texts), mb, mb / best_f, mb / best_s, mb / best_t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="megabytes of text to score")
    ap.add_argument("--mixed", action="store_true", help="CPU-time ratio to ftfy, mixed corpus")
    args = ap.parse_args()
    cold = min(cold_start() for _ in range(3))
    import cleannews

    docs = corpus()
    cleannews.spin_score(docs[0])
    target = args.mb * 1e6
    n_bytes = 0
    n_docs = 0
    t0 = time.perf_counter()
    while n_bytes < target:
        for d in docs:
            cleannews.spin_score(d)
            n_bytes += len(d.encode("utf-8"))
            n_docs += 1
            if n_bytes >= target:
                break
    dt = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"import + first score (cold, best of 3): {cold:.3f} s")
    print(
        f"throughput: {n_bytes / dt / 1e6:.2f} MB/s ({n_docs} documents, {n_bytes / 1e6:.1f} MB "
        f"in {dt:.1f} s, one core)"
    )
    print(f"peak resident memory: {peak:.0f} MB")
    for name, mb, cold, warm in memory():
        print(
            f"spin_score peak allocations, {name} ({mb:.2f} MB): "
            f"{cold:.1f}x the document at the first call, {warm:.1f}x at the second"
        )
    if args.mixed:
        n, mb, f, sp, st = mixed_ratio()
        print(
            f"mixed corpus, stripped ({n} documents, {mb:.2f} MB), CPU time, best of 3: "
            f"ftfy {f:.2f} MB/s, spin_score {sp:.2f} MB/s = {sp / f:.2f}x ftfy, "
            f"score stage alone (score_text) {st:.2f} MB/s = {st / f:.2f}x ftfy"
        )


if __name__ == "__main__":
    main()

"""Throughput of every stage and of the whole pipeline on a mixed real corpus.

    .venv/bin/python benchmarks/bench_pipeline.py [--mb 4] [--json FILE]

The corpus mixes, in one list of documents (never the seeds alone):

* ``real``: the 485 real scraped pages of ``fixtures/strip_real`` (French,
  English, German, Spanish, Italian) and the five seeds, as a scraper left them;
* ``ud``: clean French Universal Dependencies text grouped into documents
  (``fixtures/spin/validation.jsonl.gz``, the clean ones);
* ``typo``: the same UD documents set in real French typography (’ « » with
  narrow no-break spaces, NNBSP before ; : ! ?, … — ©, 1ᵉʳ, 3 000 €);
* ``mojibake``: one document in ten of the above, UTF-8 read as Windows-1252.

Each stage is timed on the same text, one core, in one process, and every
figure is printed as MB/s and as a ratio to ``ftfy.fix_text(text,
uncurl_quotes=False)`` measured in the same run on the same documents (the
machine is shared: read the ratios). Stages: ``repair`` (``cleannews.repair``),
``strip`` (``cleannews.strip.strip_text`` on repaired text), ``spin``
(``cleannews.spin_score`` on stripped text), and ``clean`` (the whole
``cleannews.clean``). Memory: peak traced allocations while cleaning one
document of about 1 MB, as a multiple of its size, after the models are
loaded (their fixed size is printed apart).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).parent.parent
NNBSP = "\u202f"


def _real_pages() -> list[str]:
    from cleannews.evaluate import read_corpus

    docs = [doc for _, doc, _ in read_corpus(ROOT / "fixtures" / "strip_real")]
    docs += [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return docs


def _ud_docs() -> list[str]:
    with gzip.open(ROOT / "fixtures/spin/validation.jsonl.gz", "rt", encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh]
    return [r["text"] for r in recs if r["id"].endswith(":clean")]


def typeset(text: str) -> str:
    """French typography on plain text: curly apostrophes, guillemets, NNBSP.

    >>> typeset('Il a dit "oui" : c\\'est 3000 euros !')
    'Il a dit «\\u202foui\\u202f»\\u202f: c’est 3\\u202f000\\xa0€\\u202f!'
    """
    out = text.replace("'", "’")
    parts = out.split('"')
    out = "".join(
        p if i == 0 else (("«" + NNBSP) if i % 2 else (NNBSP + "»")) + p
        for i, p in enumerate(parts)
    )
    for mark in (";", ":", "!", "?"):
        out = out.replace(" " + mark, NNBSP + mark)
    out = out.replace("3000 euros", "3" + NNBSP + "000\u00a0€")
    return out


def corpus(seed: int = 7) -> dict[str, list[str]]:
    rnd = random.Random(seed)
    real = _real_pages()
    ud = _ud_docs()
    typo = [typeset(d).replace(". ", ". — ", 1) + " (…) © AFP 1ᵉʳ janvier…" for d in ud]
    pool = real + ud + typo
    moj = [d.encode("utf-8").decode("cp1252", "replace") for d in rnd.sample(pool, len(pool) // 10)]
    return {"real": real, "ud": ud, "typo": typo, "mojibake": moj}


def _time(fn: Callable[[str], object], docs: list[str], target: float) -> tuple[float, int]:
    """Seconds and bytes for running ``fn`` over ``docs`` repeatedly until ``target`` bytes."""
    n = 0
    t0 = time.perf_counter()
    while n < target:
        for d in docs:
            fn(d)
            n += len(d.encode("utf-8"))
    return time.perf_counter() - t0, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=2.0, help="megabytes per measurement")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    import ftfy

    import cleannews
    from cleannews.strip import strip_text

    t0 = time.perf_counter()
    cleannews.clean(_real_pages()[0])  # load every table once
    load = time.perf_counter() - t0
    groups = corpus()
    docs = [d for g in groups.values() for d in g]
    random.Random(1).shuffle(docs)
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    cfg = cleannews.CleanConfig()
    repaired = [cleannews.repair(d).text for d in docs]
    stripped = [strip_text(d, cfg).text for d in repaired]
    target = args.mb * 1e6
    print(
        f"mixed corpus: {len(docs)} documents, {size:.1f} MB "
        + ", ".join(f"{k} {len(v)}" for k, v in groups.items())
        + f"; tables loaded in {load:.2f} s",
        file=sys.stderr,
    )
    rows: dict[str, dict[str, float]] = {}

    def run(name: str, fn: Callable[[str], object], data: list[str]) -> None:
        s, n = _time(fn, data, target)
        rows[name] = {"mb_s": n / s / 1e6}

    run("ftfy.fix_text(uncurl_quotes=False)", lambda d: ftfy.fix_text(d, uncurl_quotes=False), docs)
    base = rows["ftfy.fix_text(uncurl_quotes=False)"]["mb_s"]
    clean_docs = [d for g in ("real", "ud", "typo") for d in groups[g]]
    run("repair, clean text (no mojibake)", cleannews.repair, clean_docs)
    run("ftfy on the same clean text", lambda d: ftfy.fix_text(d, uncurl_quotes=False), clean_docs)
    run("repair, whole mix", cleannews.repair, docs)
    run("strip", lambda d: strip_text(d, cfg), repaired)
    run("spin scoring", cleannews.spin_score, stripped)
    run("clean (whole pipeline)", cleannews.clean, docs)
    for name, r in rows.items():
        ref = rows["ftfy on the same clean text"]["mb_s"] if "clean text" in name else base
        r["ratio_to_ftfy"] = r["mb_s"] / ref
    # memory: one ~1 MB document made of real pages
    big = "\n\n".join(groups["real"])
    big = (big * (1 + 1_000_000 // max(len(big), 1)))[:1_000_000]
    tracemalloc.start()
    cleannews.clean(big)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    mem = peak / len(big.encode("utf-8"))
    print(f"{'stage':40s} {'MB/s':>7s} {'× ftfy':>7s}")
    for name, r in rows.items():
        print(f"{name:40s} {r['mb_s']:7.2f} {r['ratio_to_ftfy']:7.2f}")
    print(f"peak allocations cleaning a 1 MB document: {peak / 1e6:.1f} MB ({mem:.1f}× the input)")
    if args.json:
        args.json.write_text(
            json.dumps({"rows": rows, "peak_mb_1mb_doc": peak / 1e6, "load_s": load}, indent=1),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

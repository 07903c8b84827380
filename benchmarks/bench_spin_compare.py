"""Old code against this code, in one process: spin scoring, language identification, clean.

    .venv/bin/python benchmarks/bench_spin_compare.py --old /work/main/src [--rounds 9]
        [--stage spin lang clean] [--cold] [--texts mixed|spin-dev]

Speed on the shared machine is only read as a ratio inside one run. This script
copies the package of another source tree (``--old``: a ``src`` directory, e.g. a
checkout of main) to a temporary directory under the name ``cleannews_old``
(every ``cleannews`` word in its sources renamed), imports both, and times on the
same texts, in interleaved rounds (the order alternating), CPU time
(``time.process_time``):

* ``ftfy.fix_text(text, uncurl_quotes=False)``, the project's yardstick;
* the old and the new function of each ``--stage``: ``spin``
  (``cleannews.spin_score``), ``lang`` (``cleannews._lang.identify_language``) and
  ``clean`` (``cleannews.clean``).

The texts are the documents of ``bench_pipeline.py``'s mixed corpus, repaired and
stripped as ``clean`` hands them to the spin stage (``clean`` gets the raw
documents). Before timing, both outputs are compared on every text (``repr`` of the
result; ``clean``: its text, spin score and language): any difference is printed and
the script exits with status 1. Printed: medians over the rounds, MB/s, each as a
multiple of ftfy, and the new/old speed-up (median of the per-round ratios too).

``--texts spin-dev`` times the spin stage on development spin data instead (``clean`` and
``lang`` too, on the same texts): every 8th document of the spinner sources used for
development (``fixtures/spin/validation.jsonl.gz``, ``heldout_embedding``, ``heldout_pivot``,
which is retired from held-out) and every 4th of the negatives' ``dev`` split (never their
``test`` split): spun documents, where the context terms run on most texts.

``--texts dev`` reads no held-out file: the TRAIN pages of ``fixtures/strip_real`` and the
seeds, every 4th document of ``fixtures/spin/validation.jsonl.gz`` and of the negatives'
``dev`` split (``spin-dev`` above reads ``heldout_embedding`` and ``heldout_pivot``).

``--cold`` empties the spin stage's per-token-type caches (token facts, context fits)
of both packages before each of their rounds: every round then pays for the facts of
each new word type once, as a stream of new documents does (``bench_pipeline.py``
times mostly such a first pass). Without it the rounds run on warm caches.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent


def import_old(src: Path, into: Path):
    """Import the ``cleannews`` package of ``src`` as ``cleannews_old`` (a renamed copy).

    >>> import_old(ROOT / "src", Path(tempfile.mkdtemp())).__name__
    'cleannews_old'
    """
    dest = into / "cleannews_old"
    shutil.copytree(src / "cleannews", dest)
    word = re.compile(r"\bcleannews\b")
    for path in dest.rglob("*.py"):
        path.write_text(word.sub("cleannews_old", path.read_text("utf-8")), "utf-8")
    sys.path.insert(0, str(into))
    import cleannews_old

    return cleannews_old


def texts() -> tuple[list[str], list[str]]:
    """``(raw documents, the same repaired and stripped)`` of the mixed corpus."""
    import cleannews
    from cleannews.strip import strip_text

    sys.path.insert(0, str(HERE))
    from bench_pipeline import corpus

    cfg = cleannews.CleanConfig()
    raw = [d for group in corpus().values() for d in group]
    return raw, [strip_text(cleannews.repair(d).text, cfg).text for d in raw]


def spin_dev_texts(source_every: int = 8, dev_every: int = 4) -> list[str]:
    """Development spin documents (see the module docstring, ``--texts spin-dev``): every
    ``source_every``-th document of the spinner sources used for development (validation:
    MyThes / Wiktionary spinners; embedding; pivot, retired from held-out) and every
    ``dev_every``-th of the negatives' ``dev`` split (never ``test``)."""
    import gzip
    import json

    spin = ROOT / "fixtures" / "spin"
    out = []
    for name in ("validation", "heldout_embedding", "heldout_pivot"):
        with gzip.open(spin / f"{name}.jsonl.gz", "rt", encoding="utf-8") as fh:
            out += [json.loads(line)["text"] for k, line in enumerate(fh)
                    if k % source_every == 0]
    with gzip.open(spin / "negatives.jsonl.gz", "rt", encoding="utf-8") as fh:
        dev = [r["text"] for r in map(json.loads, fh) if r["split"] == "dev"]
    return out + dev[::dev_every]


def dev_texts(every: int = 4) -> tuple[list[str], list[str]]:
    """``(raw documents, the same as the spin stage gets them)`` of ``--texts dev``: the TRAIN
    pages of ``fixtures/strip_real`` and the seeds (repaired and stripped for the spin stage),
    every ``every``-th document of ``fixtures/spin/validation.jsonl.gz`` and of the negatives'
    ``dev`` split (as they are: plain text). No held-out file is read (no ``heldout_*``, no
    strip test split, no negatives ``test`` split)."""
    import gzip
    import json

    import cleannews
    from cleannews.evaluate import read_corpus
    from cleannews.strip import strip_text

    pages = [doc for _, doc, _ in read_corpus(ROOT / "fixtures" / "strip_real", ("train",))]
    pages += [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    cfg = cleannews.CleanConfig()
    stripped = [strip_text(cleannews.repair(d).text, cfg).text for d in pages]
    spin = ROOT / "fixtures" / "spin"
    with gzip.open(spin / "validation.jsonl.gz", "rt", encoding="utf-8") as fh:
        plain = [json.loads(line)["text"] for k, line in enumerate(fh) if k % every == 0]
    with gzip.open(spin / "negatives.jsonl.gz", "rt", encoding="utf-8") as fh:
        plain += [r["text"] for r in map(json.loads, fh) if r["split"] == "dev"][::every]
    return pages + plain, stripped + plain


def _functions(stage: str, old):
    import cleannews

    if stage == "spin":
        return cleannews.spin_score, old.spin_score, repr
    if stage == "lang":
        from cleannews._lang import identify_language

        return identify_language, old._lang.identify_language, repr
    return cleannews.clean, old.clean, lambda d: repr((d.text, d.spin, d.language))


def clear_caches(pkg) -> None:
    """Empty the spin stage's per-token-type caches of package ``pkg`` (``--cold``)."""
    features = pkg.score._features
    for name in ("_INFO", "_FIT_CACHE", "_LLR_OF", "_ROLES_OF"):
        cache = getattr(features, name, None)
        if cache is not None:
            cache.clear()


def compare(stage: str, old, docs: list[str], rounds: int, cold: bool = False) -> bool:
    """Time one stage (see the module docstring); False when the outputs differ."""
    import ftfy

    import cleannews

    new_f, old_f, view = _functions(stage, old)
    differ = 0
    for t in docs:
        a, b = view(new_f(t)), view(old_f(t)).replace("cleannews_old", "cleannews")
        differ += a != b
    mb = sum(len(t.encode("utf-8")) for t in docs) / 1e6
    funcs = {"ftfy": lambda t: ftfy.fix_text(t, uncurl_quotes=False), "old": old_f, "new": new_f}
    times: dict[str, list[float]] = {k: [] for k in funcs}
    for r in range(rounds):
        for name in list(funcs) if r % 2 == 0 else list(funcs)[::-1]:
            f = funcs[name]
            if cold and name != "ftfy":
                clear_caches(old if name == "old" else cleannews)
            t0 = time.process_time()
            for t in docs:
                f(t)
            times[name].append(time.process_time() - t0)
    med = {k: statistics.median(v) for k, v in times.items()}
    per_round = statistics.median(o / n for o, n in zip(times["old"], times["new"], strict=True))
    label = f"{stage} (cold caches)" if cold else stage
    print(
        f"{label}: {len(docs)} documents, {mb:.2f} MB, medians of {rounds} rounds (CPU time): "
        f"ftfy {mb / med['ftfy']:.2f} MB/s; old {mb / med['old']:.2f} MB/s = "
        f"{med['ftfy'] / med['old']:.2f}x ftfy; new {mb / med['new']:.2f} MB/s = "
        f"{med['ftfy'] / med['new']:.2f}x ftfy; new/old {med['old'] / med['new']:.3f} "
        f"(median of per-round ratios {per_round:.3f}); outputs differ on {differ} documents"
    )
    return differ == 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", type=Path, required=True, help="the src directory of the old code")
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--stage", nargs="+", default=["spin", "lang", "clean"],
                    choices=["spin", "lang", "clean"])
    ap.add_argument("--cold", action="store_true",
                    help="empty the per-token-type caches before each round (see above)")
    ap.add_argument("--texts", choices=["mixed", "spin-dev", "dev"], default="mixed",
                    help="the mixed corpus (default), development spin data or the dev "
                         "corpus without any held-out file (see above)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_spin_compare_") as tmp:
        old = import_old(args.old, Path(tmp))
        if args.texts == "mixed":
            raw, stripped = texts()
        elif args.texts == "dev":
            raw, stripped = dev_texts()
        else:
            raw = stripped = spin_dev_texts()
        ok = True
        for stage in args.stage:
            ok &= compare(
                stage, old, raw if stage == "clean" else stripped, args.rounds, args.cold
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

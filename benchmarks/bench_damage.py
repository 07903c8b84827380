"""Damage benchmark: real French documents damaged the usual ways, restored by
``cleannews.repair`` and by ``ftfy.fix_text(uncurl_quotes=False)``, side by side.

    .venv/bin/python benchmarks/bench_damage.py [--docs 0] [--sentences 1000] [--seed 1]

Documents: the UD French sentences of ``../shared/corpora/fr-ud`` in news
typography, grouped by ``french_text.documents`` (2 paragraphs of 6 sentences
and a credit/teaser line), plus the seeds. Each document is damaged by each
kind of ``damage.KINDS`` (fixed seed). A document counts as *restored* by a
tool when the tool gives the same text for the damaged document as for the
intact one (``tool(damaged) == tool(original)``: cleannews also normalises
layout, ftfy does not, so each is compared with itself). Only documents the
damage actually changes are counted. A second table does the same with
single sentences as documents (``--sentences`` of them, drawn with the seed):
less text, so less evidence for the decoder.
"""

from __future__ import annotations

import argparse
import random
import time

import ftfy

import cleannews
from cleannews import CleanConfig
from damage import KINDS, damage
from french_text import documents, seeds, typeset, ud_sentences

REPAIR_ONLY = CleanConfig(strip_boilerplate=False, score_spin=False)


def ours(text: str) -> str:
    return cleannews.repair(text, REPAIR_ONLY).text


def theirs(text: str) -> str:
    return ftfy.fix_text(text, uncurl_quotes=False)


def score(docs: list[str], seed: int, kinds=KINDS) -> dict[str, dict[str, int]]:
    """Per kind: ``{"n": documents, "cleannews": restored, "ftfy": restored, "fails": [...]}``."""
    table: dict[str, dict] = {}
    ref_ours = [ours(d) for d in docs]
    ref_theirs = [theirs(d) for d in docs]
    for kind in kinds:
        rng = random.Random(f"{seed}:{kind}")
        row = {"n": 0, "cleannews": 0, "ftfy": 0, "fails": []}
        for i, doc in enumerate(docs):
            broken = damage(doc, kind, rng)
            if broken == doc:
                continue
            row["n"] += 1
            ok_ours = ours(broken) == ref_ours[i]
            row["cleannews"] += ok_ours
            row["ftfy"] += theirs(broken) == ref_theirs[i]
            if not ok_ours:
                row["fails"].append(i)
        table[kind] = row
    return table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, default=0, help="use only the first N documents (0: all)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=0, help="print N failures per kind")
    ap.add_argument("--sentences", type=int, default=1000, help="single-sentence documents")
    args = ap.parse_args()
    docs = documents(seed=args.seed) + seeds()
    if args.docs:
        docs = docs[: args.docs]
    _print_table(f"{len(docs)} documents", docs, args)
    if args.sentences:
        rng = random.Random(args.seed)
        sents = [typeset(s, rng) for s in rng.sample(ud_sentences(), args.sentences)]
        _print_table(f"{len(sents)} single sentences", sents, args)


def _print_table(title: str, docs: list[str], args: argparse.Namespace) -> None:
    t = time.perf_counter()
    table = score(docs, args.seed)
    print(f"== {title}, seed {args.seed} ({time.perf_counter() - t:.0f} s)")
    print(f"{'damage':22s} {'docs':>5s} {'cleannews':>10s} {'ftfy':>10s}")
    tot = {"n": 0, "cleannews": 0, "ftfy": 0}
    for kind, row in table.items():
        n = row["n"]
        print(
            f"{kind:22s} {n:5d} {row['cleannews'] / n:9.1%} {row['ftfy'] / n:9.1%}"
            f"   ({row['cleannews']} / {row['ftfy']})"
        )
        for key in tot:
            tot[key] += row[key]
        for i in row["fails"][: args.show]:
            broken = damage(docs[i], kind, random.Random(f"{args.seed}:{kind}"))
            print("    FAIL", repr(ours(broken)[:300]))
    n = tot["n"]
    print(
        f"{'all':22s} {n:5d} {tot['cleannews'] / n:9.1%} {tot['ftfy'] / n:9.1%}"
        f"   ({tot['cleannews']} / {tot['ftfy']})"
    )

if __name__ == "__main__":
    main()

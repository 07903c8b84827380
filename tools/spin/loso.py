"""Leave-one-synonym-source-out evaluation of the spin detector (build time; numbers for docs).

    python tools/spin/loso.py          (after build_dataset.py and embedding_thesaurus.py)

Three independent synonym sources drive the same spinner code:

* ``mythes``: the OpenOffice thesaurus (training spins use split "T", held-out spins
  split "V": the detector's own synonym-gap column is split "A", disjoint from both);
* ``embedding``: nearest neighbours in spaCy ``fr_core_news_md`` vectors
  (``embedding_thesaurus.py``);
* ``wiktionary``: Wiktionnaire synonym pairs (``tools/spin/data/synonyms_wiktionnaire.tsv``,
  or ``SPIN_WIKTIONARY``), word classes taken from DELA.

For each source H, a model is trained (``train.train_models``: same features,
non-negative fit, calibration) on spins of the UD training documents by the OTHER
sources (plus the dev split of the independent negatives when present), and recall is
measured on spins of the held-out UD documents by H, in every style (naive, careful,
careful preferring common synonyms) at 15 % and 30 %, at the threshold that flags 1 %
of the held-out clean UD documents and at the one that flags 1 % of the negatives'
test split (when present). Prints one table per held-out source.

``--sources mythes,wiktionary`` runs the folds over those sources only: the development
protocol that keeps the embedding source out entirely (it is the shipped model's held-out
source, ``fixtures/spin/heldout_embedding.jsonl.gz``), and needs no spaCy build.
"""

from __future__ import annotations

import json
import os
import random
import sys
import zlib
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).parent))

from build_dataset import SEED, doc_split, spinner_lexicon, split_thesaurus  # noqa: E402
from build_tables import dela_flags  # noqa: E402
from common import read_mythes, read_ud_documents  # noqa: E402
from spinner import Spinner  # noqa: E402
from train import read_negatives, train_models  # noqa: E402

MODES = ("naive", "careful", "careful_freq")
RATES = (0.15, 0.3)
BUILD = Path(__file__).parent / "build"
WIKTIONARY = Path(
    os.environ.get("SPIN_WIKTIONARY", Path(__file__).parent / "data/synonyms_wiktionnaire.tsv")
)
FP_BUDGET = 0.01
POS_BITS = {"Nom": 1, "Adjectif": 2, "Verbe": 4}


def read_wiktionary(path: Path = WIKTIONARY) -> dict:
    """``word<TAB>synonym`` pairs -> MyThes shape, both directions, classes from DELA."""
    flags, _ = dela_flags()
    syn: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        a, _, b = line.partition("\t")
        if a and b and " " not in a and " " not in b and a != b:
            syn[a].add(b)
            syn[b].add(a)
    out = {}
    for h, ss in syn.items():
        senses = []
        for pos, bit in POS_BITS.items():
            if flags.get(h, 0) & bit:
                same = sorted(s for s in ss if flags.get(s, 0) & bit)
                if same:
                    senses.append((pos, same))
        if not senses:
            senses = [("Nom", sorted(ss))]
        out[h] = senses
    return out


ALL_SOURCES = ("mythes", "embedding", "wiktionary")


def sources(names: tuple[str, ...] = ALL_SOURCES) -> dict[str, tuple[dict, dict]]:
    """name -> (training thesaurus, held-out thesaurus), for the sources in ``names``."""
    out = {}
    if "mythes" in names:
        th = read_mythes()
        out["mythes"] = (split_thesaurus(th, "T"), split_thesaurus(th, "V"))
    if "embedding" in names:
        emb = {
            h: [tuple(s) for s in v]
            for h, v in json.loads((BUILD / "embedding_thesaurus.json").read_text()).items()
        }
        out["embedding"] = (emb, emb)
    if "wiktionary" in names and WIKTIONARY.exists():
        wk = read_wiktionary()
        out["wiktionary"] = (wk, wk)
    return out


def spins(docs: list[dict], name: str, th: dict, replicas: int = 1, *,
          spans: bool = False) -> list[dict]:
    """Every style x rate spin of ``docs`` with thesaurus ``th`` (records for train/eval);
    ``spans``: each record also holds the spinner's ``substituted`` spans."""
    sp = Spinner(th, *spinner_lexicon(th))
    out = []
    for doc in docs:
        rng = random.Random(zlib.crc32((doc["id"] + name).encode()) ^ SEED)
        for _ in range(replicas):
            for mode in MODES:
                for rate in RATES:
                    text, _k, _n = sp.spin(doc["text"], rate, mode, rng.randrange(1 << 30))
                    rec = {"id": doc["id"], "text": text, "label": 1, "mode": mode, "rate": rate}
                    if spans:
                        rec["substituted"] = list(sp.last_substituted)
                    out.append(rec)
    return out


def main(argv: list[str] | None = None) -> None:
    import argparse

    import cleannews
    import cleannews.score._model as M

    ap = argparse.ArgumentParser(description="Leave-one-synonym-source-out evaluation.")
    ap.add_argument(
        "--sources",
        default=",".join(ALL_SOURCES),
        help="comma-separated sources to fold over (default: all three)",
    )
    names = tuple(n for n in ap.parse_args(argv).sources.split(",") if n)
    unknown = set(names) - set(ALL_SOURCES)
    if unknown:
        ap.error(f"unknown sources: {sorted(unknown)}")

    docs = read_ud_documents()
    train_docs = [d for d in docs if doc_split(d["id"]) == "train"]
    val_docs = [d for d in docs if doc_split(d["id"]) == "val"]
    clean = lambda ds: [  # noqa: E731
        {"id": d["id"], "text": d["text"], "label": 0, "mode": "clean", "rate": 0.0} for d in ds
    ]
    src = sources(names)
    train_spins = {n: spins(train_docs, n, t) for n, (t, _v) in src.items()}
    eval_spins = {n: spins(val_docs, n + ":eval", v) for n, (_t, v) in src.items()}
    neg_dev = read_negatives("dev")
    neg_test = read_negatives("test")
    import zlib as _z

    report = {}
    for held in src:
        others = [n for n in src if n != held]
        train = clean(train_docs) + [r for n in others for r in train_spins[n]]
        train += [r for r in neg_dev if _z.crc32(r["id"].encode()) % 2 == 0]
        # calibration: the other sources' spins of the held-out documents are NOT used
        # (they share documents with the evaluation); a separate half of the training
        # documents' spins calibrates instead
        cal = clean(val_docs) + [
            r for n in others for r in train_spins[n] if _z.crc32(r["id"].encode()) % 3 == 0
        ]
        cal += [r for r in neg_dev if _z.crc32(r["id"].encode()) % 2 == 1]
        spec = train_models(train, cal)
        M._MODEL = M.Model(spec)
        M._PARAGRAPH_MODEL = M.Model(dict(spec["paragraph"], features=spec["features"]))

        def score(t: str) -> float:
            return cleannews.spin_score(t).score

        ud = sorted((score(d["text"]) for d in val_docs), reverse=True)
        t_ud = ud[int(FP_BUDGET * len(ud))]
        ng = sorted((score(r["text"]) for r in neg_test), reverse=True)
        t_ng = ng[int(FP_BUDGET * len(ng))] if ng else None
        groups: dict[str, list[float]] = defaultdict(list)
        for r in eval_spins[held]:
            groups[f"{r['mode']}@{r['rate']}"].append(score(r["text"]))
        rows = {}
        for k, v in sorted(groups.items()):
            rows[k] = {
                "recall_1pct_ud": sum(s > t_ud for s in v) / len(v),
                "recall_1pct_negatives": (sum(s > t_ng for s in v) / len(v)) if ng else None,
                "recall_at_0.9": sum(s >= 0.9 for s in v) / len(v),
            }
        report[held] = {"trained_on": others, "t_ud": t_ud, "t_negatives": t_ng, "groups": rows}
        print(f"\nheld-out source: {held} (trained on {', '.join(others)})")
        print(f"  thresholds at 1 % FP: UD clean {t_ud:.3f}, negatives test {t_ng}")
        print(f"  {'style@rate':20s} {'@1%FP(UD)':>10s} {'@1%FP(neg)':>11s} {'@0.9':>6s}")
        for k, r in rows.items():
            rn = r["recall_1pct_negatives"]
            rn_s = f"{rn:11.3f}" if rn is not None else f"{'-':>11s}"
            print(f"  {k:20s} {r['recall_1pct_ud']:10.3f} {rn_s} {r['recall_at_0.9']:6.3f}")
    out = "loso.json" if names == ALL_SOURCES else f"loso_{'_'.join(names)}.json"
    (BUILD / out).write_text(json.dumps(report, indent=1) + "\n")


if __name__ == "__main__":
    main()

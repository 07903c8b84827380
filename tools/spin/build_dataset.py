"""Build the synthetic spun/clean French data set from the UD sentences.

    python tools/spin/build_dataset.py    (or ``python -m tools.spin.build``)

Writes ``fixtures/spin/validation.jsonl.gz`` (held-out documents, spun with
the validation dictionary "V", committed so CI can rerun the validation)
and ``tools/spin/build/train.jsonl.gz`` (training documents, spun with the
training dictionary "T"; regenerated, not committed). Each UD document is
used in exactly one of the two files.

``SPIN_TRAIN_WIKTIONARY=1`` adds spins of the training documents with the
Wiktionnaire synonyms (dictionary "W", a second, independent source) to the
training file. This is an experiment, off by default: the shipped model is
trained on dictionary "T" only, because the model trained on both sources was
worse on the held-out embedding-neighbour source (docs/spin-history.md, "Spin-recall
round").
"""

from __future__ import annotations

import gzip
import json
import os
import random
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from build_tables import dela_flags
from common import FIXTURES, H_ASPIRE, read_mythes, read_ud_documents, split_of
from spinner import Spinner

MODES = ("naive", "careful")
#: Careful spinner preferring common synonyms: spun once per rate in both sets, marked
#: ``stress`` (kept out of the calibration population: it is mostly undetectable).
STRESS_MODES = ("careful_freq",)
RATES = (0.1, 0.2, 0.3, 0.5)
PARTIAL_RATE = 0.4
#: Training documents are spun this many times (different random choices).
TRAIN_REPLICAS = 3
SEED = 20261123
#: Second synonym source of the training spins (Wiktionnaire, CC BY-SA; ``SPIN_WIKTIONARY``
#: overrides the path), used only when ``SPIN_TRAIN_WIKTIONARY=1``; only training documents
#: are spun with it, so the validation fixture does not change.
WIKTIONARY_DICT = "W"
BUILD = Path(__file__).parent / "build"


def split_thesaurus(th: dict, part: str) -> dict:
    """Keep only the synonym pairs of one split ("T" or "V")."""
    out = {}
    for head, senses in th.items():
        kept = []
        for pos, syns in senses:
            s2 = [s for s in syns if split_of(head, s) == part]
            if s2:
                kept.append((pos, s2))
        if kept:
            out[head] = kept
    return out


def doc_split(doc_id: str) -> str:
    """Stable train/validation assignment of a UD document (half each)."""
    return "val" if zlib.crc32(doc_id.encode()) % 2 else "train"


def make_records(doc: dict, spinner: Spinner, dict_name: str, rng: random.Random) -> list[dict]:
    """The clean document plus its spun variants (every mode x rate, and partial spins)."""
    base = {k: doc[k] for k in ("source", "treebank")}
    recs = [
        dict(
            base,
            id=doc["id"] + ":clean",
            text=doc["text"],
            label=0,
            mode="clean",
            rate=0.0,
            actual_rate=0.0,
            dict=dict_name,
        )
    ]
    for mode in MODES:
        for rate in RATES:
            seed = rng.randrange(1 << 30)
            text, k, n = spinner.spin(doc["text"], rate, mode, seed)
            recs.append(
                dict(
                    base,
                    id=f"{doc['id']}:{mode}:{rate}",
                    substituted=spinner.last_substituted,
                    text=text,
                    label=1,
                    mode=mode,
                    rate=rate,
                    actual_rate=round(k / max(n, 1), 3),
                    dict=dict_name,
                )
            )
        paras = doc["text"].split("\n")
        if len(paras) >= 3:
            idx = rng.randrange(len(paras))
            text, k, n = spinner.spin(paras[idx], PARTIAL_RATE, mode, rng.randrange(1 << 30))
            shift = sum(len(p) + 1 for p in paras[:idx])
            subst = [(a + shift, b + shift) for a, b in spinner.last_substituted]
            paras = [*paras[:idx], text, *paras[idx + 1 :]]
            recs.append(
                dict(
                    base,
                    id=f"{doc['id']}:{mode}:partial",
                    text="\n".join(paras),
                    label=1,
                    mode=mode,
                    rate=PARTIAL_RATE,
                    actual_rate=round(k / max(n, 1), 3),
                    dict=dict_name,
                    partial=True,
                    substituted=subst,
                    spun_paragraph=idx,
                    n_paragraphs=len(paras),
                )
            )
    return recs


def stress_records(doc: dict, spinner: Spinner, dict_name: str, rng: random.Random) -> list[dict]:
    """Spins by the stress modes (training: dictionary T; validation: dictionary V)."""
    base = {k: doc[k] for k in ("source", "treebank")}
    recs = []
    for mode in STRESS_MODES:
        for rate in RATES:
            text, k, n = spinner.spin(doc["text"], rate, mode, rng.randrange(1 << 30))
            recs.append(
                dict(
                    base,
                    id=f"{doc['id']}:{mode}:{rate}",
                    substituted=spinner.last_substituted,
                    text=text,
                    label=1,
                    mode=mode,
                    rate=rate,
                    actual_rate=round(k / max(n, 1), 3),
                    dict=dict_name,
                    stress=True,
                )
            )
    return recs


def spinner_lexicon(th: dict) -> tuple[dict, dict, set, dict]:
    """Readings, unambiguous noun genders, h-aspiré words and Zipf of synonyms, for a Spinner."""
    flags, _lemmas = dela_flags()
    readings: dict[str, set[str]] = {}
    genders: dict[str, str] = {}
    for w, f in flags.items():
        r = {t for t, b in (("N", 1), ("A", 2), ("V", 4), ("ADV", 8)) if f & b}
        readings[w] = r
        m, fe = bool(f & 64), bool(f & 128)
        if m != fe:
            genders[w] = "m" if m else "f"
    with gzip.open(H_ASPIRE, "rt", encoding="utf-8") as fh:
        h_asp = {w.strip() for w in fh}
    import wordfreq

    zipf = {
        w: wordfreq.zipf_frequency(w, "fr")
        for senses in th.values()
        for _p, syns in senses
        for w in syns
    }
    return readings, genders, h_asp, zipf


def wiktionary_records(train_docs: list[dict]) -> list[dict]:
    """Spins of the training documents with the Wiktionnaire synonyms (dictionary "W"):
    the same styles, rates, replicas and partial spins as with dictionary "T" (clean
    documents are not repeated). Empty when the synonym file is absent.

    >>> wiktionary_records([]) == []
    True
    """
    from loso import WIKTIONARY, read_wiktionary

    if not train_docs or not WIKTIONARY.exists():
        return []
    wk = read_wiktionary()
    sp = Spinner(wk, *spinner_lexicon(wk))
    out = []
    for doc in train_docs:
        rng = random.Random(zlib.crc32((doc["id"] + "wiktionary").encode()) ^ SEED)
        for _ in range(TRAIN_REPLICAS):
            out.extend(make_records(doc, sp, WIKTIONARY_DICT, rng)[1:])
        out.extend(stress_records(doc, sp, WIKTIONARY_DICT, rng))
    return out


def main() -> None:
    th = read_mythes()
    readings, genders, h_asp, zipf = spinner_lexicon(th)
    spinners = {
        p: Spinner(split_thesaurus(th, p), readings, genders, h_asp, zipf) for p in ("T", "V")
    }
    docs = read_ud_documents()
    out = {"train": [], "val": []}
    for doc in docs:
        part = doc_split(doc["id"])
        dname = "T" if part == "train" else "V"
        rng = random.Random(zlib.crc32(doc["id"].encode()) ^ SEED)
        for rep in range(TRAIN_REPLICAS if part == "train" else 1):
            recs = make_records(doc, spinners[dname], dname, rng)
            out[part].extend(recs if rep == 0 else recs[1:])
        out[part].extend(stress_records(doc, spinners[dname], dname, rng))
    if os.environ.get("SPIN_TRAIN_WIKTIONARY") == "1":
        out["train"] += wiktionary_records([d for d in docs if doc_split(d["id"]) == "train"])
    BUILD.mkdir(exist_ok=True)
    FIXTURES.mkdir(parents=True, exist_ok=True)
    for part, path in (
        ("train", BUILD / "train.jsonl.gz"),
        ("val", FIXTURES / "validation.jsonl.gz"),
    ):
        if part == "val":  # substitute spans are for training; the fixture stays lean
            for r in out[part]:
                r.pop("substituted", None)
        body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out[part])
        # mtime=0: the same records give the same bytes (no churn in git)
        path.write_bytes(gzip.compress(body.encode("utf-8"), compresslevel=9, mtime=0))
        n_docs = sum(1 for r in out[part] if r["label"] == 0)
        print(f"{part}: {len(out[part])} records from {n_docs} documents -> {path}")


if __name__ == "__main__":
    main()

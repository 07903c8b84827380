"""Fresh held-out spins: documents the model never trained on, spun by a source it never saw.

    python tools/spin/build_heldout_fresh.py            # -> fixtures/spin/heldout_pivot.jsonl.gz
    python tools/spin/build_heldout_fresh.py --stats    # substitution rates, no scoring

Source: the English-pivot paraphrase table of ``pivot_thesaurus.py`` (FreeDict French-
English + English-French, GPL-2+), read from ``tools/spin/data/synonyms_pivot_freedict.json.gz``
(committed) or ``--thesaurus``. RESERVED for evaluation: the file is frozen
(``fixtures/spin/heldout_sources.json`` records its SHA-256 and how many times it was
looked at); never train, tune or choose a model with it.

Documents (none used in training, calibration or tuning):

* ``ud``: the 154 held-out UD documents of ``fixtures/spin/validation.jsonl.gz`` (their
  clean copies are included, for the 1 %-FP threshold), spun in every style
  (``naive``, ``careful``, ``careful_freq``) at 15 % and 30 % of content words, plus one
  partial spin per style (one paragraph of 3 or more spun at 40 %);
* ``negatives_test``: ``SAMPLE_NEGATIVES`` documents of the independent negatives'
  **test** split (``fixtures/spin/negatives.jsonl.gz``; not the ``typos`` genre, not the
  copyrighted web excerpts, whose licence allows no derivative), taken in SHA-256 order
  of their ids, spun in the same styles and rates. Their clean documents are NOT copied
  here: the evaluation takes the whole test split as the clean population.

Nothing here scores anything (``--stats`` prints the spinner's own substitution counts).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
import zlib
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import FIXTURES
from spinner import Spinner

SOURCE = "pivot"
THESAURUS = Path(__file__).parent / "data" / "synonyms_pivot_freedict.json.gz"
OUT = FIXTURES / f"heldout_{SOURCE}.jsonl.gz"
NEGATIVES = FIXTURES / "negatives.jsonl.gz"
MODES = ("naive", "careful", "careful_freq")
RATES = (0.15, 0.3)
PARTIAL_RATE = 0.4
PARTIAL_MODES = ("naive", "careful")
#: Documents of the negatives' test split spun (of about 840 eligible).
SAMPLE_NEGATIVES = 300
#: Licences of the negatives whose text may not be spun (no derivative allowed).
NO_DERIVATIVE = ("web page excerpt",)
#: Mixed into every document's random seed, so this source's choices differ from others'.
SALT = 0x9F1D


def read_thesaurus(path: Path = THESAURUS) -> dict:
    """``head -> [(pos, [synonyms])]`` from a JSON file (gzip'd when it ends in ``.gz``)."""
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return {h: [tuple(s) for s in senses] for h, senses in json.loads(raw).items()}


def later_sources() -> set[str]:
    """Negatives sources added after the held-out spin files were built (spin-neg6's v7,
    ``fixtures/spin/negatives_history.json``): never candidates, so that a rebuild gives
    the frozen files."""
    hist = FIXTURES / "negatives_history.json"
    if not hist.exists():
        return set()
    return set(json.loads(hist.read_text(encoding="utf-8"))["v7_sources"])


def eligible_negatives(records: list[dict]) -> list[dict]:
    """Test-split negatives that may be spun (not of ``later_sources``), in SHA-256 order
    of their ids.

    >>> [r["id"] for r in eligible_negatives([
    ...     {"id": "a", "split": "test", "genre": "legal", "licence": "Licence Ouverte"},
    ...     {"id": "b", "split": "dev", "genre": "legal", "licence": "Licence Ouverte"},
    ...     {"id": "c", "split": "test", "genre": "typos", "licence": "Licence Ouverte"}])]
    ['a']
    """
    later = later_sources()
    ok = [
        r
        for r in records
        if r["split"] == "test"
        and r.get("source") not in later
        and r["genre"] != "typos"
        and not r["licence"].startswith(NO_DERIVATIVE)
    ]
    return sorted(ok, key=lambda r: hashlib.sha256(r["id"].encode()).hexdigest())


def spin_document(doc: dict, sp: Spinner, population: str, with_clean: bool) -> list[dict]:
    """The records of one document: its clean copy (optional) and every spin of it."""
    rng = random.Random(zlib.crc32((doc["id"] + SOURCE).encode()) ^ SALT)
    base = {"population": population, "source": doc["source"]}
    for k in ("treebank", "genre", "licence"):
        if k in doc:
            base[k] = doc[k]
    root = doc["id"].removesuffix(":clean")
    out = []
    if with_clean:
        out.append(
            dict(base, id=f"{root}:clean", text=doc["text"], label=0, mode="clean", rate=0.0)
        )
    for mode in MODES:
        for rate in RATES:
            text, k, n = sp.spin(doc["text"], rate, mode, rng.randrange(1 << 30))
            out.append(
                dict(
                    base,
                    id=f"{root}:{SOURCE}:{mode}:{rate}",
                    text=text,
                    label=1,
                    mode=mode,
                    rate=rate,
                    actual_rate=round(k / max(n, 1), 3),
                    dict=SOURCE,
                )
            )
    paras = doc["text"].split("\n")
    if population == "ud" and len(paras) >= 3:
        for mode in PARTIAL_MODES:
            idx = rng.randrange(len(paras))
            text, k, n = sp.spin(paras[idx], PARTIAL_RATE, mode, rng.randrange(1 << 30))
            out.append(
                dict(
                    base,
                    id=f"{root}:{SOURCE}:{mode}:partial",
                    text="\n".join([*paras[:idx], text, *paras[idx + 1 :]]),
                    label=1,
                    mode=mode,
                    rate=PARTIAL_RATE,
                    actual_rate=round(k / max(n, 1), 3),
                    dict=SOURCE,
                    partial=True,
                    spun_paragraph=idx,
                    n_paragraphs=len(paras),
                )
            )
    return out


def documents() -> tuple[list[dict], list[dict]]:
    """(held-out UD clean documents, sampled spinnable negatives of the test split)."""
    with gzip.open(FIXTURES / "validation.jsonl.gz", "rt", encoding="utf-8") as fh:
        ud = [r for r in map(json.loads, fh) if r["label"] == 0]
    with gzip.open(NEGATIVES, "rt", encoding="utf-8") as fh:
        neg = eligible_negatives([json.loads(line) for line in fh])[:SAMPLE_NEGATIVES]
    return ud, neg


def build(th: dict, limit: int | None = None) -> list[dict]:
    """Every record, in a fixed order (``limit``: only the first documents of each population)."""
    from build_dataset import spinner_lexicon

    sp = Spinner(th, *spinner_lexicon(th))
    ud, neg = documents()
    out = []
    for doc in ud[:limit]:
        out += spin_document(doc, sp, "ud", with_clean=True)
    for doc in neg[:limit]:
        out += spin_document(doc, sp, "negatives_test", with_clean=False)
    return out


def dumps(records: list[dict]) -> bytes:
    """The file's bytes: one JSON line per record, gzip level 9, mtime 0 (reproducible)."""
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    return gzip.compress(body.encode("utf-8"), compresslevel=9, mtime=0)


def stats(records: list[dict]) -> None:
    """Asked vs actual substitution rates per population, style and rate (no scoring)."""
    groups: dict[str, list[float]] = defaultdict(list)
    for r in records:
        if r["label"] == 1:
            key = (
                f"{r['population']:15s} {r['mode']}@{'partial' if r.get('partial') else r['rate']}"
            )
            groups[key].append(r["actual_rate"])
    for k, v in sorted(groups.items()):
        v = sorted(v)
        print(
            f"  {k:40s} n={len(v):4d}  actual rate mean {sum(v) / len(v):.3f}"
            f"  median {v[len(v) // 2]:.3f}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--thesaurus", type=Path, default=THESAURUS)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--stats", action="store_true", help="print substitution rates, write nothing")
    args = ap.parse_args(argv)
    records = build(read_thesaurus(args.thesaurus))
    if args.stats:
        stats(records)
        return 0
    data = dumps(records)
    args.out.write_bytes(data)
    n_pop = defaultdict(int)
    for r in records:
        n_pop[r["population"]] += 1
    print(
        f"{len(records)} records {dict(n_pop)}"
        f" sha256 {hashlib.sha256(data).hexdigest()} -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

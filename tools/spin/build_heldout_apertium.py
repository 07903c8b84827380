"""Held-out spins by a fifth, fresh synonym source: the Apertium Romance-pivot table.

    python tools/spin/build_heldout_apertium.py   # -> fixtures/spin/heldout_apertium.jsonl.gz
    python tools/spin/build_heldout_apertium.py --stats       # substitution rates only
    python tools/spin/build_heldout_apertium.py --quality 12  # + substitutes, 12 examples

Source: ``tools/spin/data/synonyms_apertium.json.gz`` (committed; made by
``apertium_thesaurus.py`` from the Apertium French-Catalan and Occitan-French
dictionaries, GPL-3+; manifest ``tools/spin/data/SYNONYMS_apertium.md``).
RESERVED for evaluation: the file is frozen (``fixtures/spin/heldout_sources.json``
records its SHA-256 and its looks); never train, tune or choose a model with it. It was
never scored when it was made.

Documents: the same kinds as the English-pivot source (``build_heldout_fresh.py``), none
used in training:

* ``ud``: the held-out UD documents of ``fixtures/spin/validation.jsonl.gz`` (validation
  half, clean copies included for the 1 %-FP threshold), without their paragraphs that
  share a shingle with training text (kept when ``MIN_UD_WORDS`` words remain);
* ``negatives_test``: ``SAMPLE_NEGATIVES`` spinnable documents of the negatives' **test**
  split that the English-pivot source did NOT spin (so the two sources' spins share no
  base document there), in SHA-256 order of ``"apertium:" + id``.

A negatives document sharing a 6-word shingle (``build_context_clean`` tokens, per paragraph)
with the model's training text (``training_shingles``: the UD training-half documents,
the negatives' dev split, and the sampled fingerprint of the counted context lines) is
left out, and a spin that makes such a shingle is drawn again (``RESPINS`` times, then
the document is skipped). Styles (``STYLES``): naive 30 % / 15 %, careful 30 % / 15 %,
careful_freq 30 %, and for UD documents of 3+ paragraphs one partial spin (one paragraph
at 40 %) naive and careful. Every random choice is seeded from the document id. Nothing
here scores anything.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
import zlib
from array import array
from collections import defaultdict
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).parent))
from build_heldout_fresh import SAMPLE_NEGATIVES as PIVOT_SAMPLE
from build_heldout_fresh import dumps, eligible_negatives, read_thesaurus, stats
from common import FIXTURES
from spinner import Spinner

SOURCE = "apertium"
THESAURUS = Path(__file__).parent / "data" / "synonyms_apertium.json.gz"
OUT = FIXTURES / f"heldout_{SOURCE}.jsonl.gz"
NEGATIVES = FIXTURES / "negatives.jsonl.gz"
FINGERPRINT = Path(__file__).parent / "data" / "context_clean_fingerprint.u64.gz"
#: (mode, rate) of every spin of a base document.
STYLES = (("naive", 0.3), ("naive", 0.15), ("careful", 0.3), ("careful", 0.15),
          ("careful_freq", 0.3))
PARTIAL_RATE = 0.4
PARTIAL_MODES = ("naive", "careful")
#: A UD document whose paragraphs sharing a shingle with training text are dropped is
#: kept when this many words remain (the documents have 300 or more).
MIN_UD_WORDS = 150
#: Negatives of the test split spun (of about 540 eligible not spun by the pivot source).
SAMPLE_NEGATIVES = 300
#: Mixed into every document's random seed, so this source's choices differ from others'.
SALT = 0x5A7E
#: Draws of a spin whose text has a training shingle before giving up.
RESPINS = 20
TOKEN_WORDS = regex.compile(r"\w+(?:-\w+)*")


def _shingles(text: str) -> set[int]:
    """6-word shingle hashes of each paragraph of ``text`` (words only, as the context check).

    >>> len(_shingles("un deux trois quatre cinq six sept\\nhuit"))
    2
    """
    from build_context_clean import paragraph_shingles

    return paragraph_shingles(text)


def training_shingles() -> tuple[set[int], set[int]]:
    """(shingles of the model's training text, sampled shingles of the counted context lines).

    Training text: the UD documents of the training half (``doc_split == "train"``, from
    ``../shared/corpora/fr-ud``) and the negatives' dev split (half trains, half
    calibrates). The context table keeps only a 1/16 sample of its shingles. In this
    tree: about 292 k training shingles and 97 k sampled ones; a training paragraph's
    shingles are all in the first set (``tests/test_spin_heldout_apertium.py``).
    """
    from build_dataset import doc_split
    from common import read_ud_documents

    train: set[int] = set()
    for doc in read_ud_documents():
        if doc_split(doc["id"]) == "train":
            train |= _shingles(doc["text"])
    with gzip.open(NEGATIVES, "rt", encoding="utf-8") as fh:
        for r in map(json.loads, fh):
            if r["split"] == "dev":
                train |= _shingles(r["text"])
    fp = array("Q")
    fp.frombytes(gzip.decompress(FINGERPRINT.read_bytes()))
    if sys.byteorder != "little":
        fp.byteswap()
    return train, set(fp)


def documents() -> tuple[list[dict], list[dict], dict, set[int]]:
    """(UD base documents, candidate negatives in order, counts of documents left out, the
    training shingles). ``build`` spins the first ``SAMPLE_NEGATIVES`` negatives that it can.

    In this tree: 122 UD documents (51 trimmed, 32 too short), 398 candidate negatives
    (300 spun by the pivot source and 142 with a training shingle left out).
    """
    train, counted = training_shingles()
    seen = train | counted

    def clean(doc: dict) -> bool:
        return not (_shingles(doc["text"]) & seen)

    with gzip.open(FIXTURES / "validation.jsonl.gz", "rt", encoding="utf-8") as fh:
        ud_all = [r for r in map(json.loads, fh) if r["label"] == 0]
    with gzip.open(NEGATIVES, "rt", encoding="utf-8") as fh:
        eligible = eligible_negatives([json.loads(line) for line in fh])
    pivot_ids = {r["id"] for r in eligible[:PIVOT_SAMPLE]}
    rest = sorted((r for r in eligible if r["id"] not in pivot_ids),
                  key=lambda r: hashlib.sha256(f"{SOURCE}:{r['id']}".encode()).hexdigest())
    ud, trimmed = [], 0
    for d in ud_all:
        paras = [p for p in d["text"].split("\n") if not (_shingles(p) & seen)]
        if len(" ".join(paras).split()) >= MIN_UD_WORDS:
            trimmed += len(paras) < d["text"].count("\n") + 1
            dropped = d["text"].count("\n") + 1 - len(paras)
            ud.append(dict(d, text="\n".join(paras), **({"dropped_paragraphs": dropped}
                                                         if dropped else {})))
    neg_ok = [d for d in rest if clean(d)]
    left_out = {"ud_too_short_after_trim": len(ud_all) - len(ud), "ud_trimmed": trimmed,
                "negatives_shared_shingle": len(rest) - len(neg_ok),
                "negatives_spun_by_pivot": len(pivot_ids)}
    return ud, neg_ok, left_out, seen


class NoClearSpin(RuntimeError):
    """Every draw of a spin made a shingle of the training text: the document is skipped."""


def _spin_clear(sp: Spinner, text: str, rate: float, mode: str, rng: random.Random,
                seen: set[int]) -> tuple[str, int, int]:
    """``sp.spin`` with the next seed of ``rng``, drawn again (at most ``RESPINS`` times)
    while the spun text has a shingle in ``seen`` (a substitute can make a phrase of the
    training text: "je sens qu'il y a" -> "j'entends qu'il y a"). Raises ``NoClearSpin``
    when no draw is clear; with ``seen`` empty it is ``sp.spin`` with ``rng``'s next seed:
    ``_spin_clear(sp, "Le chat.", 1.0, "naive", random.Random(1), set())``.
    """
    for _ in range(RESPINS):
        out = sp.spin(text, rate, mode, rng.randrange(1 << 30))
        if not (_shingles(out[0]) & seen):
            return out
    raise NoClearSpin(text[:60])


def spin_document(doc: dict, sp: Spinner, population: str, with_clean: bool,
                  seen: set[int] | None = None) -> list[dict]:
    """The records of one document: its clean copy (optional) and every spin of it.

    Ids: ``<root>:clean`` and ``<root>:apertium:<mode>:<rate|partial>``. ``seen``: the
    training shingles no spin may contain (``training_shingles``). A UD document of 3+
    paragraphs gives 8 records (clean, 5 styles, 2 partial spins), a negative 5.
    """
    seen = seen or set()
    rng = random.Random(zlib.crc32((doc["id"] + SOURCE).encode()) ^ SALT)
    base = {"population": population, "source": doc["source"]}
    for k in ("treebank", "genre", "licence", "dropped_paragraphs"):
        if k in doc:
            base[k] = doc[k]
    root = doc["id"].removesuffix(":clean")
    out = []
    if with_clean:
        out.append(
            dict(base, id=f"{root}:clean", text=doc["text"], label=0, mode="clean", rate=0.0)
        )
    for mode, rate in STYLES:
        text, k, n = _spin_clear(sp, doc["text"], rate, mode, rng, seen)
        out.append(dict(base, id=f"{root}:{SOURCE}:{mode}:{rate}", text=text, label=1,
                        mode=mode, rate=rate, actual_rate=round(k / max(n, 1), 3),
                        dict=SOURCE, substituted=sp.last_substituted))
    paras = doc["text"].split("\n")
    if population == "ud" and len(paras) >= 3:
        for mode in PARTIAL_MODES:
            idx = rng.randrange(len(paras))
            text, k, n = _spin_clear(sp, paras[idx], PARTIAL_RATE, mode, rng, seen)
            shift = sum(len(p) + 1 for p in paras[:idx])
            out.append(dict(base, id=f"{root}:{SOURCE}:{mode}:partial",
                            text="\n".join([*paras[:idx], text, *paras[idx + 1:]]),
                            label=1, mode=mode, rate=PARTIAL_RATE,
                            actual_rate=round(k / max(n, 1), 3), dict=SOURCE, partial=True,
                            spun_paragraph=idx, n_paragraphs=len(paras),
                            substituted=[(a + shift, b + shift) for a, b in sp.last_substituted]))
    return out


def build(th: dict, limit: int | None = None, docs: tuple | None = None) -> list[dict]:
    """Every record, in a fixed order (``limit``: only the first documents of each
    population; ``docs``: the result of ``documents()``, computed when not given).

    ``build(read_thesaurus(THESAURUS), limit=2)`` gives the frozen file's records of its
    first 2 + 2 documents (the determinism test).
    """
    from build_dataset import spinner_lexicon

    sp = Spinner(th, *spinner_lexicon(th))
    ud, neg, left_out, seen = docs if docs is not None else documents()
    out = []
    for pop, pool, want in (("ud", ud, len(ud)), ("negatives_test", neg, SAMPLE_NEGATIVES)):
        want = want if limit is None else min(limit, want)
        done = 0
        for doc in pool:
            if done == want:
                break
            try:
                out += spin_document(doc, sp, pop, with_clean=pop == "ud", seen=seen)
                done += 1
            except NoClearSpin:
                left_out[f"{pop}_no_clear_spin"] = left_out.get(f"{pop}_no_clear_spin", 0) + 1
    return out


def replacements(clean: str, spun: str) -> list[tuple[str, str]]:
    """(original, substitute) word pairs of one spin, by aligning the two word sequences.

    >>> replacements("Il mangeait vite.", "Il dévorait vite.")
    [('mangeait', 'dévorait')]
    """
    import difflib

    a = TOKEN_WORDS.findall(clean)
    b = TOKEN_WORDS.findall(spun)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "replace" and i2 - i1 == j2 - j1:
            pairs = zip(a[i1:i2], b[j1:j2], strict=True)
            out += [(x, y) for x, y in pairs if x.lower() != y.lower()]
    return out


def quality(records: list[dict], examples: int = 0) -> dict:
    """Spin quality, no scoring: per style, substitutes that wordfreq knows (Zipf > 0) and
    that are DELA forms, their median Zipf against the replaced words', and ``examples``
    random (original -> substitute) pairs per style printed. On the frozen file:
    ``quality(records)["careful@0.3"]["known_to_wordfreq"] == 0.975``.
    """
    import statistics

    import wordfreq
    from build_tables import dela_flags

    flags, _lemmas = dela_flags()
    with gzip.open(NEGATIVES, "rt", encoding="utf-8") as fh:
        base = {r["id"]: r["text"] for r in map(json.loads, fh)}
    base.update({r["id"].removesuffix(":clean"): r["text"] for r in records if r["label"] == 0})
    per: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in records:
        if r["label"] == 1:
            key = f"{r['mode']}@{'partial' if r.get('partial') else r['rate']}"
            subs = {r["text"][a:b].lower() for a, b in r["substituted"]}
            pairs = replacements(base[r["id"].rsplit(":", 3)[0]], r["text"])
            per[key] += [(x.lower(), y.lower()) for x, y in pairs if y.lower() in subs]
    out = {}
    rng = random.Random(SALT)
    for key, pairs in sorted(per.items()):
        z_new = [wordfreq.zipf_frequency(y, "fr") for _x, y in pairs]
        z_old = [wordfreq.zipf_frequency(x, "fr") for x, _y in pairs]
        out[key] = {
            "substitutes": len(pairs),
            "known_to_wordfreq": round(sum(z > 0 for z in z_new) / max(len(pairs), 1), 3),
            "dela_form": round(sum(y in flags for _x, y in pairs) / max(len(pairs), 1), 3),
            "median_zipf_substitute": round(statistics.median(z_new), 2) if pairs else None,
            "median_zipf_replaced": round(statistics.median(z_old), 2) if pairs else None,
        }
        print(f"  {key:18s} {out[key]}")
        for x, y in rng.sample(pairs, min(examples, len(pairs))):
            print(f"      {x} -> {y}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--thesaurus", type=Path, default=THESAURUS)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--stats", action="store_true", help="print substitution rates, write nothing")
    ap.add_argument("--quality", type=int, metavar="N", default=None,
                    help="print substitute quality and N example pairs per style, write nothing")
    args = ap.parse_args(argv)
    docs = documents()
    left_out = docs[2]
    records = build(read_thesaurus(args.thesaurus), docs=docs)
    n_base = defaultdict(int)
    for r in records:
        n_base[r["population"]] += r["id"].endswith(":naive:0.3")
    print(f"base documents: {dict(n_base)}; left out {left_out}")
    if args.stats or args.quality is not None:
        stats(records)
        if args.quality is not None:
            quality(records, args.quality)
        return 0
    data = dumps(records)
    args.out.write_bytes(data)
    n_pop: dict[str, int] = defaultdict(int)
    for r in records:
        n_pop[r["population"]] += 1
    print(f"{len(records)} records {dict(n_pop)}"
          f" sha256 {hashlib.sha256(data).hexdigest()} -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Development harness of the spin-recall round: refit candidate models from cached counts.

    python tools/spin/dev_refit.py cache      # analyse every record set once (about 6 min)
    python tools/spin/dev_refit.py loso       # mythes <-> wiktionary, without/with evidence
    python tools/spin/dev_refit.py proxy      # models A-F on the random same-class source

Never reads the held-out embedding source. Every record (``train.jsonl.gz`` = MyThes T,
``fixtures/spin/validation.jsonl.gz`` = MyThes V, Wiktionnaire spins of the training and
held-out UD documents, random same-class spins of the held-out documents, the dev split
of the negatives) is analysed once with the code in ``src/``; its paragraph counts and,
per paragraph, a histogram of its content words' profiles (``_profile.profile_of``) are
cached in ``tools/spin/build/dev_cache/``. A candidate is then a feature configuration
(word-ratio table, the document-wide substitute evidence of the spin-quality round,
worst-window size) fitted with ``train.fit_nonneg`` / ``train.calibrate`` and scored with
the package's rules (clipping, kinds, thin evidence) from the cached counts, so no source
change is needed to try a feature. Prints recall at 1 % FP of the held-out UD clean
documents (docs/spin-history.md, "Spin-recall round"). Development only: the spins' sources are
training sources of at least one model compared.
"""

from __future__ import annotations

import argparse
import bisect
import copy
import json
import math
import os
import pickle
import random
import sys
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).parent))

import cleannews.score._features as _features  # noqa: E402
from cleannews.score import (  # noqa: E402
    _GRAMMAR,
    GRAMMAR_MIN_TOKENS,
    KIND_MIN_CONTRIBUTION,
    KIND_MIN_TOKENS,
    MIN_WORDS,
    RARITY_ALONE_MAX,
    SINGLE_TOKEN_MAX,
    _rule_adjustment,
)
from cleannews.score._features import KIND_CONTENT, LLR_HIGH, ParagraphCounts  # noqa: E402
from cleannews.score._model import (  # noqa: E402
    FEATURE_KIND,
    FEATURE_NAMES,
    _worst_paragraph,
    feature_vector,
)
from cleannews.score._profile import N_PROFILES, profile_of  # noqa: E402

CACHE = Path(os.environ.get("SPIN_DEV_CACHE", Path(__file__).parent / "build" / "dev_cache"))
#: The grammar signals (the package's own set).
GRAMMAR = _GRAMMAR
#: The extra feature's kind (as in the spin-quality round's code).
KIND = dict(FEATURE_KIND, substitute_evidence_z="lexical")
#: Random same-class source: a substitute's Zipf frequency lies in [z - BELOW, z + ABOVE].
RANDOM_BELOW, RANDOM_ABOVE = 0.75, 0.25


def analyse_record(rec: dict) -> dict:
    """Paragraph counts, per-paragraph profile histograms and substitute/original profile
    counts of one record.

    >>> e = analyse_record({"id": "x", "label": 0, "text": "Le chat dort."})
    >>> len(e["paras"]) == len(e["hists"]) == 1
    True
    """
    a = _features.analyse(rec["text"])
    subst = {s for s, _ in rec.get("substituted", ())}
    paras = a.paragraphs
    hists: list[Counter] = [Counter() for _ in paras]
    so: list[Counter] = [Counter(), Counter()]
    pi = 0
    for m in a.matches:
        info = _features._token_info(m.group())
        if info[3] != KIND_CONTENT:
            continue
        while pi + 1 < len(paras) and m.start() >= paras[pi + 1].start:
            pi += 1
        prof = profile_of(info[1])
        if info[7] is not None:
            hists[pi][prof] += 1
        if rec["label"] == 1:
            so[0 if m.start() in subst else 1][prof] += 1
    keys = ("id", "label", "mode", "rate", "partial", "spun_paragraph", "stress", "in_counts")
    return {"meta": {k: rec.get(k) for k in keys}, "paras": paras, "hists": hists, "so": so}


def random_thesaurus(words: set[str], seed: int = 7) -> dict:
    """Per word of ``words``: up to 8 random DELA words of the same class (noun, adjective,
    verb) and a similar Zipf frequency, in the MyThes shape (a non-thesaurus source).

    >>> random_thesaurus(set()) == {}
    True
    """
    if not words:
        return {}
    import wordfreq
    from build_tables import dela_flags

    flags, _ = dela_flags()
    bits = {"Nom": 1, "Adjectif": 2, "Verbe": 4}
    pool: dict[str, list[tuple[float, str]]] = {p: [] for p in bits}
    for w, f in flags.items():
        if w.isalpha():
            z = wordfreq.zipf_frequency(w, "fr")
            if z >= 2.0:
                for p, b in bits.items():
                    if f & b:
                        pool[p].append((z, w))
    zs = {}
    for p in pool:
        pool[p].sort()
        zs[p] = [z for z, _ in pool[p]]
    rng = random.Random(seed)
    out = {}
    for w in sorted(words):
        f = flags.get(w, 0)
        z = wordfreq.zipf_frequency(w, "fr")
        senses = []
        for p, b in bits.items():
            if f & b:
                lo = bisect.bisect_left(zs[p], z - RANDOM_BELOW)
                hi = bisect.bisect_right(zs[p], z + RANDOM_ABOVE)
                idx = rng.sample(range(lo, hi), min(9, hi - lo))
                cand = [pool[p][i][1] for i in idx if pool[p][i][1] != w][:8]
                if cand:
                    senses.append((p, cand))
        if senses:
            out[w] = senses
    return out


def build_cache() -> None:
    """Analyse every record set once (``CACHE``/<name>.pkl; existing files are kept)."""
    import regex
    from build_dataset import BUILD, SEED, doc_split, spinner_lexicon, wiktionary_records
    from common import read_ud_documents
    from loso import read_wiktionary, spins
    from train import read_jsonl, read_negatives

    _features.set_collocation(True)  # the per-type cache cleared with it
    CACHE.mkdir(parents=True, exist_ok=True)
    docs = read_ud_documents()
    train_docs = [d for d in docs if doc_split(d["id"]) == "train"]
    val_docs = [d for d in docs if doc_split(d["id"]) == "val"]

    def wiktionary_val() -> list[dict]:
        wk = read_wiktionary()
        recs = [dict(r, label=1) for r in spins(val_docs, "wiktionary:eval", wk)]
        from spinner import Spinner

        sp = Spinner(wk, *spinner_lexicon(wk))
        for d in val_docs:
            rng = random.Random(zlib.crc32((d["id"] + "wk:light").encode()) ^ SEED)
            for mode in ("naive", "careful"):
                t, _k, _n = sp.spin(d["text"], 0.1, mode, rng.randrange(1 << 30))
                recs.append({"id": d["id"], "text": t, "label": 1, "mode": mode, "rate": 0.1})
        return recs

    def random_val() -> list[dict]:
        words = {w.lower() for d in val_docs for w in regex.findall(r"\w+", d["text"])}
        return spins(val_docs, "rand:eval", random_thesaurus(words))

    makers = {
        "V": lambda: read_jsonl(REPO / "fixtures/spin/validation.jsonl.gz"),
        "NEG": lambda: read_negatives("dev"),
        "T": lambda: [r for r in read_jsonl(BUILD / "train.jsonl.gz") if r.get("dict") != "W"],
        "WT": lambda: wiktionary_records(train_docs),
        "WV": wiktionary_val,
        "RV": random_val,
    }
    for name, make in makers.items():
        path = CACHE / f"{name}.pkl"
        if not path.exists():
            path.write_bytes(pickle.dumps([analyse_record(r) for r in make()]))
            print(f"cached {name}", flush=True)


_LOADED: dict[str, list[dict]] = {}


def load(name: str) -> list[dict]:
    """A cached record set."""
    if name not in _LOADED:
        _LOADED[name] = pickle.loads((CACHE / f"{name}.pkl").read_bytes())
    return _LOADED[name]


def llr_table(entries: list[dict], smoothing: float = 1.0, clip: float = 4.0) -> list[float]:
    """Per-profile ratio table counted on the spun ``entries`` (as ``build_word_llr.py``).

    >>> len(llr_table([])) == N_PROFILES
    True
    """
    sub: Counter = Counter()
    orig: Counter = Counter()
    for e in entries:
        if e["meta"]["label"] == 1:
            sub.update(e["so"][0])
            orig.update(e["so"][1])
    n1, n0 = sum(sub.values()), sum(orig.values())
    out = []
    for p in range(N_PROFILES):
        a = (sub[p] + smoothing) / (n1 + smoothing * N_PROFILES)
        b = (orig[p] + smoothing) / (n0 + smoothing * N_PROFILES)
        out.append(round(max(-clip, min(clip, math.log(a / b))), 3))
    return out


def shipped_llr() -> list[float]:
    """The shipped ratio table (``src/cleannews/score/data/word_llr.json``)."""
    path = REPO / "src/cleannews/score/data/word_llr.json"
    return json.loads(path.read_text())["llr"]


@dataclass
class Config:
    """A candidate's features: ratio table, substitute evidence (prior ``q``), window.

    >>> Config(llr=[0.0] * N_PROFILES, evidence=True).names[-1]
    'substitute_evidence_z'
    """

    llr: list[float]
    evidence: bool = False
    q: float = 0.05
    prior_words: int = 50
    window: int = 60
    mix: list[float] = field(init=False)
    names: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.mix = [math.log(1 - self.q + self.q * math.exp(v)) for v in self.llr]
        self.names = list(FEATURE_NAMES) + (["substitute_evidence_z"] if self.evidence else [])


def paragraphs(e: dict, cfg: Config) -> list[tuple[ParagraphCounts, float]]:
    """The record's paragraph counts under ``cfg``'s ratio table, with their evidence sums."""
    out = []
    for p, h in zip(e["paras"], e["hists"], strict=True):
        p = copy.copy(p)
        p.counts = dict(p.counts)
        p.llr_sum = sum(cfg.llr[k] * v for k, v in h.items())
        p.n_llr_high = sum(v for k, v in h.items() if cfg.llr[k] > LLR_HIGH)
        out.append((p, sum(cfg.mix[k] * v for k, v in h.items())))
    return out


def worst(parts: list[ParagraphCounts], window: int) -> list[float]:
    """Densest-window grammar density and strong-synonym share (``_model._worst_paragraph``
    with a configurable window).

    >>> worst([ParagraphCounts(0, 1, n_words=10, n_content=5)], 60)
    [0.0, 0.0]
    """
    return _worst_paragraph(parts[0], parts, window)


def document(e: dict, cfg: Config) -> tuple[ParagraphCounts, list[ParagraphCounts], list[float]]:
    """(document counts, paragraph counts, feature vector) of a cached record."""
    pe = paragraphs(e, cfg)
    doc = ParagraphCounts(0, 0)
    for p, _ in pe:
        doc.add(p)
    parts = [p for p, _ in pe]
    x = feature_vector(doc, parts, worst(parts, cfg.window))
    if cfg.evidence:
        x.append(sum(v for _, v in pe) / math.sqrt(doc.n_content + cfg.prior_words))
    if e["meta"].get("in_counts"):
        x[FEATURE_NAMES.index("collocation_miss_share")] = float("nan")
    return doc, parts, x


def fit(train_set: list[dict], cal: list[dict], cfg: Config) -> dict:
    """Document model of ``cfg`` fitted on ``train_set`` and calibrated on ``cal`` (the
    calibration population of ``train.py``)."""
    import numpy as np
    import train as tr

    tr.FEATURE_NAMES = tuple(cfg.names)
    X = np.array([document(e, cfg)[2] for e in train_set])
    y = np.array([e["meta"]["label"] for e in train_set])
    f = tr.fit_nonneg(X, y)
    pop = [
        e
        for e in cal
        if e["meta"]["label"] == 0
        or (
            not e["meta"].get("partial")
            and not e["meta"].get("stress")
            and e["meta"]["rate"] >= tr.CALIB_MIN_RATE
        )
    ]
    Xv = np.array([document(e, cfg)[2] for e in pop])
    return tr.calibrate(f, Xv, np.array([e["meta"]["label"] for e in pop]))


def score(e: dict, spec: dict, cfg: Config) -> float | None:
    """The document score of ``score_text`` (clipping, kinds, thin evidence) from counts."""
    doc, parts, x = document(e, cfg)
    if doc.n_words < MIN_WORDS:
        return None
    cap = spec["feature_cap"]
    contrib = {}
    for n, w, v, b, s in zip(cfg.names, spec["coef"], x, spec["base"], spec["scale"], strict=True):
        d = (v - b) / s
        contrib[n] = min(cap, w * d) if d > 0 else 0.0
    k = doc.counts
    support = {
        "grammar": sum(k[s] for s in GRAMMAR),
        "lexical": max(k["rare_synonym"], doc.n_llr_high),
        "context": doc.n_pos_misfit + doc.n_coll_miss,
        "rarity": k["rare_word"],
    }

    def scale(kind: str, limit: float) -> None:
        names = [n for n in contrib if KIND[n] == kind]
        total = sum(contrib[n] for n in names)
        if total > limit:
            for n in names:
                contrib[n] *= limit / total

    for kind, n in support.items():
        if kind != "rarity" and n < KIND_MIN_TOKENS:
            scale(kind, SINGLE_TOKEN_MAX)
    others = sum(v for n, v in contrib.items() if KIND[n] != "rarity")
    scale("rarity", max(RARITY_ALONE_MAX, others))
    kinds: dict[str, float] = defaultdict(float)
    for n, v in contrib.items():
        kinds[KIND[n]] += v
    raw = spec["intercept"] + sum(contrib.values())
    need = {"grammar": max(KIND_MIN_TOKENS, GRAMMAR_MIN_TOKENS)}
    present = [
        kd
        for kd in ("grammar", "lexical", "context")
        if kinds[kd] >= KIND_MIN_CONTRIBUTION and support[kd] >= need.get(kd, KIND_MIN_TOKENS)
    ]
    spread = "grammar" in present and (
        sum(sum(p.counts[s] for s in GRAMMAR) >= KIND_MIN_TOKENS for p in parts) >= 2
    )
    final = raw + _rule_adjustment(raw, len(present) >= 2 or spread)
    return 1 / (1 + math.exp(-final))


def recall(spec: dict, cfg: Config, sets: list[str]) -> dict[str, float]:
    """Recall per ``set:mode@rate`` at the threshold flagging 1 % of the held-out UD clean
    documents, plus ``neg_q`` / ``neg_susp`` (dev negatives quarantined / >= suspect)."""
    clean = [score(e, spec, cfg) for e in load("V") if e["meta"]["label"] == 0]
    ranked = sorted((s for s in clean if s is not None), reverse=True)
    t = ranked[int(0.01 * len(ranked))]
    out: dict[str, float] = {}
    for name in sets:
        groups: dict[str, list[float]] = defaultdict(list)
        for e in load(name):
            m = e["meta"]
            if m["label"] == 1:
                key = f"{name}:{m['mode']}@{'partial' if m.get('partial') else m['rate']}"
                groups[key].append(score(e, spec, cfg) or 0.0)
        out.update({k: sum(s > t for s in v) / len(v) for k, v in sorted(groups.items())})
    neg = [s for s in (score(e, spec, cfg) for e in load("NEG")) if s is not None]
    out["neg_q"] = sum(s >= 0.9 for s in neg)
    out["neg_susp"] = sum(s >= 0.5 for s in neg)
    return out


def halves(entries: list[dict]) -> tuple[list[dict], list[dict]]:
    """The dev negatives' weight half and calibration half (as ``train.py``, by id hash)."""
    a = [e for e in entries if zlib.crc32(e["meta"]["id"].encode()) % 2 == 0]
    b = [e for e in entries if zlib.crc32(e["meta"]["id"].encode()) % 2 == 1]
    return a, b


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("cache", "loso", "proxy"))
    args = ap.parse_args(argv)
    if args.what == "cache":
        build_cache()
        return 0
    t_set, wt, v_set, wv = load("T"), load("WT"), load("V"), load("WV")
    na, nb = halves(load("NEG"))
    t_clean = [e for e in t_set if e["meta"]["label"] == 0]
    v_clean = [e for e in v_set if e["meta"]["label"] == 0]
    base = shipped_llr()

    def show(tag: str, r: dict, keys: list[str]) -> None:
        cells = " ".join(f"{k}={r[k]:.3f}" for k in keys)
        print(f"{tag:24s} {cells} negq={r['neg_q']} negs={r['neg_susp']}", flush=True)

    if args.what == "loso":
        cal_w = v_clean + [
            e
            for e in wv
            if e["meta"]["label"] == 1
            and e["meta"]["rate"] >= 0.2
            and e["meta"]["mode"] != "careful_freq"
        ]
        for ev in (False, True):
            cfg = Config(llr=llr_table(wt), evidence=ev)
            r = recall(fit(t_clean + wt + na, cal_w + nb, cfg), cfg, ["V"])
            keys = [f"V:careful@{x}" for x in (0.1, 0.2, 0.3)]
            show(f"wikt->mythes ev={ev}", r, [*keys, "V:naive@0.1", "V:careful_freq@0.3"])
            cfg = Config(llr=base, evidence=ev)
            r = recall(fit(t_set + na, v_set + nb, cfg), cfg, ["WV"])
            keys = ["WV:careful@0.15", "WV:careful@0.3", "WV:naive@0.1", "WV:naive@0.15"]
            show(f"mythes->wikt ev={ev}", r, [*keys, "WV:careful_freq@0.3"])
        return 0
    both = llr_table(t_set + wt)
    models = {
        "A shipped": (Config(llr=base), t_set),
        "B both": (Config(llr=base), t_set + wt),
        "C both+ev": (Config(llr=base, evidence=True), t_set + wt),
        "D both+ev+ratios": (Config(llr=both, evidence=True), t_set + wt),
        "E mythes+ev": (Config(llr=base, evidence=True), t_set),
        "F both+ratios": (Config(llr=both), t_set + wt),
    }
    keys = [f"RV:{m}@{r}" for m in ("careful", "naive") for r in (0.15, 0.3)]
    keys.append("RV:careful_freq@0.3")
    for tag, (cfg, tr_set) in models.items():
        show(tag, recall(fit(tr_set + na, v_set + nb, cfg), cfg, ["RV"]), keys)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

r"""Development harness of the spin14 round: a careful spinner replaces some occurrences of a
repeated word and keeps the others, so a spun document often holds a word AND its thesaurus
synonym ("projet" ... "dessein" ... "projet"). Does the count of such in-document synonym
pairs separate careful / light spins of development spinner sources from human French, and
does it add recall leave-one-source-out on top of the shipped model and context term?

    export PYTHONPATH=src:tools/spin SPIN_UD_DIR=/work/cache/spin-raw/fr-ud \
           SPIN_MYTHES_DAT=/work/cache/spin-raw/mythes/thes_fr.dat SPIN_CAREFUL8_DIR=/tmp/spin14 \
           SPIN_CONTEXT4_CACHE=/tmp/spin14/records.pkl SPIN_CTX5_TOKENS=/tmp/spin14/tokens.pkl
    python tools/spin/dev_careful8.py records   # the records (28 s)
    python tools/spin/dev_spin14.py auc         # the pair features alone, per source
    python tools/spin/dev_spin14.py evidence    # which substitutes carry evidence at all
    python tools/spin/dev_spin14.py paragraphs  # paragraph scores aggregated, guarded LOSO
    (multi-source fits, word_llr from several sources: the sections below)

Records are ``dev_careful8.py records``' (development sources only: MyThes V, Wiktionnaire,
embedding and pivot spins of the 154 held-out UD documents, UD clean, the dev negatives, TRAIN
news excerpts and pages, seeds); the Apertium source, the negatives' test split and
``fixtures/spin/fresh`` are never read. Synonyms: MyThes halves A+T (never V, the validation
spinner's half), read at lemma level through DELA's noun / adjective / verb readings.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import dev_careful8 as c8

WORD = re.compile(r"[a-zà-öø-ÿœæ]+(?:-[a-zà-öø-ÿœæ]+)*")


def lemma_syn():
    """(form -> lemmas of its N/A/V readings, lemma -> MyThes A+T synonym lemmas)."""
    from build_context_term import synonym_map
    from dev_lemma9 import dela_readings

    return dela_readings(), synonym_map("AT")


def pair_features(text: str, readings, syn, fw) -> tuple[int, int, int, int]:
    """``(pairs, pairs_once, content_types, content_tokens)`` of a text: ``pairs`` counts the
    distinct word forms ``y`` that have a lemma reading synonymous with a lemma reading of
    another distinct form ``x`` of the text (``x`` != ``y``, not sharing a lemma);
    ``pairs_once``: those where ``y`` occurs once and its partner ``x`` at least once more
    often than ``y`` (the spinner's signature: the repeated original kept elsewhere).

    >>> readings = {"projet": {"projet"}, "dessein": {"dessein"}}
    >>> syn = {"projet": {"dessein"}, "dessein": {"projet"}}
    >>> pair_features("Le projet avance ; ce dessein et ce projet", readings, syn, {"et"})
    (2, 1, 2, 3)
    """
    toks = [t for t in WORD.findall(text.lower().replace("’", "'"))
            if len(t) >= 3 and t not in fw]
    cnt = Counter(toks)
    lem = {f: readings.get(f, ()) for f in cnt}
    by_lemma: dict[str, set[str]] = {}
    for f, ls in lem.items():
        for lm in ls:
            by_lemma.setdefault(lm, set()).add(f)
    pairs = once = 0
    for y, ly in lem.items():
        if not ly:
            continue
        partners = set()
        for lm in ly:
            for s in syn.get(lm, ()):
                for x in by_lemma.get(s, ()):
                    if x != y and not (set(lem[x]) & set(ly)):
                        partners.add(x)
        if partners:
            pairs += 1
            if cnt[y] == 1 and any(cnt[x] >= 2 for x in partners):
                once += 1
    n_types = sum(1 for f in cnt if lem[f])
    return pairs, once, n_types, sum(cnt[f] for f in cnt if lem[f])


def features() -> tuple[dict, dict, dict[str, np.ndarray]]:
    from cleannews.score._features import FUNCTION_WORDS

    data = pickle.loads(c8.RECORDS.read_bytes())
    tok = pickle.loads(c8.TOKENS.read_bytes())
    cache = c8.OUT / "spin14_pairs.pkl"
    if cache.is_file():
        raw = pickle.loads(cache.read_bytes())
    else:
        readings, syn = lemma_syn()
        raw = np.array([pair_features(r["text"], readings, syn, FUNCTION_WORDS)
                        for key in data for r in data[key]], dtype=float)
        cache.write_bytes(pickle.dumps(raw))
    p, o, nt, _nn = raw.T
    feats = {
        "pair_rate": p / (nt + 20.0),
        "once_rate": o / (nt + 20.0),
        "once_sqrt": o / np.sqrt(nt + 20.0),
        "pair_sqrt": p / np.sqrt(nt + 20.0),
    }
    return data, tok, feats


def _auc(pos: np.ndarray, neg: np.ndarray) -> float:
    from scipy.stats import rankdata

    r = rankdata(np.r_[pos, neg])
    return float((r[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def auc() -> None:
    """Each pair feature alone: AUC of careful 15 / 30 % spins (and naive 15 %) against UD
    clean and against the dev negatives, per source; the human side's spread per genre."""
    import dev_context4 as d4
    import dev_context5 as d5

    data, tok, feats = features()
    B = d5.make_bench(data, tok, feats)
    for f, v in feats.items():
        print(f"{f}: UD clean median {np.median(v[B.clean]):.3f}, dev negatives median "
              f"{np.median(v[B.neg]):.3f}")
        for src in d4.SOURCES:
            print(f"  {src:2s} " + "  ".join(
                f"{k} AUC vs UD {_auc(v[B.style[src][k]], v[B.clean]):.2f} / vs neg "
                f"{_auc(v[B.style[src][k]], v[B.neg]):.2f}"
                for k in ("careful@0.15", "careful@0.3", "naive@0.15")))
        gen: dict[str, list[float]] = {}
        for i in B.neg:
            gen.setdefault(B.rows[i][1].get("genre") or "?", []).append(v[i])
        print("  dev negatives per genre (median / p99): " + " ".join(
            f"{k}:{np.median(x):.3f}/{np.quantile(x, 0.99):.3f}" for k, x in sorted(gen.items())))


# --- multi-source training, leave-one-source-out -------------------------------------------
#
#     python tools/spin/embedding_thesaurus.py     # tools/spin/build/embedding_thesaurus.json
#     python tools/spin/dev_spin14.py feats        # features of every training record (cached)
#     python tools/spin/dev_spin14.py folds        # one model per held-out source, re-scored
#     python tools/spin/dev_spin14.py loso         # shipped vs fold models, shipped term, guard
#
# Each fold's model is the shipped fit (MyThes T spins of the UD training documents, light
# spins 5x, half the dev negatives; calibration unchanged) plus spins of the SAME training
# documents by the development sources other than the held-out one (Wiktionnaire ``WV``,
# embedding ``E``, English pivot ``P``; MyThes V held out = trained on T + WV + E + P); it is
# scored on the held-out source's spins of the 154 validation documents only.

TRAIN_BUILD = Path(os.environ.get(
    "SPIN14_TRAIN", "/work/cache/spin-build/full/tree/tools/spin/build/train.jsonl.gz"))
REPLICAS = int(os.environ.get("SPIN14_REPLICAS", "2"))
FOLD_DIR = c8.OUT / "folds"


def extra_spins(spans: bool = False) -> dict[str, list[dict]]:
    """Spins of the UD training documents by the three non-MyThes development sources
    (``spans``: with each spin's substituted spans)."""
    from build_dataset import doc_split
    from build_heldout_fresh import read_thesaurus as read_pivot
    from common import read_ud_documents
    from loso import BUILD, read_wiktionary, spins

    docs = [d for d in read_ud_documents() if doc_split(d["id"]) == "train"]
    emb = {h: [tuple(s) for s in v] for h, v in
           json.loads((BUILD / "embedding_thesaurus.json").read_text()).items()}
    ths = {"WV": read_wiktionary(), "E": emb, "P": read_pivot()}
    out = {}
    for k, th in ths.items():
        rows = spins(docs, f"spin14:{k}", th, REPLICAS, spans=spans)
        for r in rows:
            r["source14"] = k
        out[k] = rows
    return out


def _train_val() -> tuple[list[dict], list[dict]]:
    """The shipped training and calibration records, each with half the dev negatives
    (split by a hash of the id)."""
    import zlib

    from train import VALID, read_jsonl, read_negatives

    train = read_jsonl(TRAIN_BUILD)
    val = read_jsonl(VALID)
    negs = read_negatives("dev")
    train += [r for r in negs if zlib.crc32(r["id"].encode()) % 2 == 0]
    val += [r for r in negs if zlib.crc32(r["id"].encode()) % 2 == 1]
    return train, val


def feats() -> None:
    """Doc features and paragraph samples of the shipped training and calibration records
    and of the extra spins (``feats.pkl``)."""
    from train import doc_features, paragraph_samples

    train, val = _train_val()
    extra = extra_spins()
    t0 = time.time()
    out = {}
    for name, rows in (("train", train), ("val", val), *extra.items()):
        out[name] = [(doc_features(r["text"], r), paragraph_samples(r), r["label"],
                      {k: r.get(k) for k in ("id", "mode", "rate", "partial", "stress")})
                     for r in rows]
        print(f"{name}: {len(rows)} records, {time.time() - t0:.0f} s", flush=True)
    (c8.OUT / "feats.pkl").write_bytes(pickle.dumps(out))


def _floored_fit(floors: dict[str, float]):
    """``train.fit_nonneg`` with lower bounds ``floors`` (feature -> uncalibrated weight)."""
    import train as T

    orig = T.fit_nonneg

    def fit(X, y, weights=None):
        import scipy.optimize as so

        real = so.minimize

        def minimize(fun, x0, **kw):
            kw["bounds"] = [(lo if lo is None or hi == 0.0 else max(lo, floors.get(n, 0.0)), hi)
                            for (lo, hi), n in zip(kw["bounds"], [*T.FEATURE_NAMES, ""],
                                                   strict=True)]
            return real(fun, x0, **kw)

        so.minimize = minimize
        try:
            return orig(X, y, weights)
        finally:
            so.minimize = real

    return fit


def fit_spec(rows: list, cal: list, extra_weight: float = 1.0, n_extra: int = 0,
             floors: dict[str, float] | None = None, ud_weight: float = 1.0) -> dict:
    """``train.train_models`` on precomputed rows; the last ``n_extra`` training rows (extra
    sources' spins) weigh ``extra_weight`` on top of the light-spin weighting; ``floors``:
    lower bounds of the document fit's (uncalibrated) weights."""
    import train as T

    X = np.array([r[0] for r in rows])
    y = np.array([r[2] for r in rows])
    w = np.array([T.spun_weight({"label": r[2], **r[3]}, T.SPUN_WEIGHTING) for r in rows])
    if n_extra:
        w[-n_extra:] *= extra_weight
    if ud_weight != 1.0:  # the clean UD training documents (not the dev negatives)
        w *= np.array([ud_weight if r[2] == 0 and str(r[3]["id"]).startswith("UD_") else 1.0
                       for r in rows])
    doc_fit = (_floored_fit(floors) if floors else T.fit_nonneg)(X, y, w)
    cal = [r for r in cal if r[2] == 0 or (not r[3].get("partial") and not r[3].get("stress")
                                           and r[3]["rate"] >= T.CALIB_MIN_RATE)]
    Xv = np.array([r[0] for r in cal])
    yv = np.array([r[2] for r in cal])
    doc_spec = T.calibrate(doc_fit, Xv, yv)
    tr = [s for r in rows for s in r[1]]
    par_fit = T.fit_nonneg(np.array([f for f, _ in tr]), np.array([lab for _, lab in tr]))
    va = [s for r in cal for s in r[1]]
    par_spec = T.calibrate(par_fit, np.array([f for f, _ in va]), np.array([lab for _, lab in va]))
    return {"features": list(T.FEATURE_NAMES), **doc_spec, "paragraph": par_spec}


def _rescore(spec: dict, out_dir: Path) -> None:
    """Every record of ``records.pkl`` re-scored (term off) with ``spec``; tokens shared."""
    import cleannews
    import cleannews.score._model as M
    from cleannews.config import CleanConfig

    M._MODEL = M.Model(spec)
    M._PARAGRAPH_MODEL = M.Model(dict(spec["paragraph"], features=spec["features"]))
    off = CleanConfig(spin_context=False)
    data = pickle.loads(c8.RECORDS.read_bytes())
    for rows in data.values():
        for r in rows:
            r["score"] = cleannews.spin_score(r["text"], off).score
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "records.pkl").write_bytes(pickle.dumps(data))
    (out_dir / "model.json").write_text(json.dumps(spec, indent=1) + "\n")
    tok = out_dir / "tokens.pkl"
    if not tok.exists():
        tok.symlink_to(c8.TOKENS)


#: variant -> (extra-source weight, floors of the document fit's uncalibrated weights); the
#: shipped model's substitute_like_share is 0.436 calibrated, 0.319 before Platt's a = 1.368
VARIANTS = {"x1": (1.0, None), "x3": (3.0, None),
            "x1sub": (1.0, {"substitute_like_share": 0.319}),
            "x3sub": (3.0, {"substitute_like_share": 0.319}),
            "ud3": (0.0, None, 3.0), "ud10": (0.0, None, 10.0),
            "x1ud3": (1.0, None, 3.0), "x1ud10": (1.0, None, 10.0),
            "llr0": (0.0, None), "llrx1": (1.0, None)}
VARIANTS = {k: v for k, v in VARIANTS.items()
            if k in os.environ.get("SPIN14_VARIANTS", ",".join(VARIANTS)).split(",")}


def folds() -> None:
    """The shipped refit (sanity: equals model.json), then one model per held-out source and
    variant (extra-source weight), each re-scoring every record into ``folds/<variant>_<src>``."""
    from cleannews.score import _model as M

    F = pickle.loads((c8.OUT / "feats.pkl").read_bytes())
    if not (FOLD_DIR / "ship").exists():
        ship = fit_spec(F["train"], F["val"])
        cur = json.loads((Path(M.__file__).parent / "data/model.json").read_text())
        print("refit equals shipped coef:", np.allclose(ship["coef"], cur["coef"], atol=1e-4),
              "intercept", ship["intercept"], cur["intercept"], flush=True)
        _rescore(ship, FOLD_DIR / "ship")
    only = os.environ.get("SPIN14_FOLDS", "V,WV,E,P,ALL").split(",")
    for vname, (wx, floors, *udw) in VARIANTS.items():
        if vname.startswith("llr"):  # made by ``llr`` (its own feature table)
            continue
        for held in only:
            ex = [r for k in ("WV", "E", "P") if k != held for r in F[k]] if wx else []
            spec = fit_spec(F["train"] + ex, F["val"], wx, len(ex), floors,
                            udw[0] if udw else 1.0)
            print(f"{vname} held {held}: coef " + " ".join(
                f"{n[:10]}={c:.2f}" for n, c in zip(spec["features"], spec["coef"], strict=True)
                if c > 0) + f" intercept {spec['intercept']:.2f}", flush=True)
            if held != "ALL":
                _rescore(spec, FOLD_DIR / f"{vname}_{held}")
            else:
                _rescore(spec, FOLD_DIR / f"{vname}_ALL")


def loso() -> None:
    """Per fold: the shipped model vs the fold's model, each with the shipped context term
    (harness logits), recall on the held-out source at 1 % FP of the dev negatives and of UD
    clean (every style), and the human guard of the fold's model (dev negatives per genre
    quarantined / suspect, above UD clean's threshold, news, real pages, seeds)."""
    import dev_careful7 as c7
    import dev_context4 as d4
    import dev_context5 as d5
    import dev_recall6 as r6

    from cleannews.score._context import get_context_term

    T = d5.Table()
    syn = dict(get_context_term().syn)
    tok = pickle.loads(c8.TOKENS.read_bytes())
    occ = d5.occurrences(tok, syn, 6)
    g = d5.gains(T, occ, r6.MU, r6.BACKOFF)
    mean = c7.rec_mean(occ["rec"], g, occ["n_rec"])

    def run(d: Path):
        data = pickle.loads((d / "records.pkl").read_bytes())
        mix = float(os.environ.get("SPIN14_MIX", "1"))  # fold model's share of the base logit
        if mix != 1.0 and d.name != "ship":
            ship = pickle.loads((FOLD_DIR / "ship" / "records.pkl").read_bytes())
            for k in data:
                for r, r0 in zip(data[k], ship[k], strict=True):
                    lg = mix * d4.logit(r["score"]) + (1 - mix) * d4.logit(r0["score"])
                    r["score"] = 1 / (1 + np.exp(-lg))
        B = d5.make_bench(data, tok, {"mean": mean})
        sc = B.scores(r6.SHIPPED)
        return B, sc, [B.evaluate(sc, src, B.neg) for src in d4.SOURCES]

    B0, s0, r0 = run(FOLD_DIR / "ship")
    gen0 = c7._genre_counts(B0, s0)
    for vname in VARIANTS:
        m0, m1 = [], []
        for hi, held in enumerate(d4.SOURCES):
            d = FOLD_DIR / f"{vname}_{held}"
            if not d.exists():
                continue
            B, sc, rr = run(d)
            gen = c7._genre_counts(B, sc)
            worse = {k: (gen0[k], gen[k]) for k in gen0 if gen[k][0] > gen0[k][0]
                     or gen[k][1] > gen0[k][1]}
            a, b = r0[hi], rr[hi]
            m0.append((r6._careful(a, ""), r6._careful(a, "ud:")))
            m1.append((r6._careful(b, ""), r6._careful(b, "ud:")))
            q = rr[0]
            print(f"{vname} held out {held}: careful 15/30 % shipped {m0[-1][0]:.3f} / "
                  f"{m0[-1][1]:.3f} -> fold model {m1[-1][0]:.3f} / {m1[-1][1]:.3f}")
            for pre in ("", "ud:"):
                print(f"   {'UD clean' if pre else 'dev negs'}: " + " ".join(
                    f"{k}={a[pre + k]:.3f}->{b[pre + k]:.3f}" for k in c7.STYLES
                    if pre + k in b))
            print(f"   guard: negs q {q['negq']} s {q['negs']} (shipped {r0[0]['negq']} / "
                  f"{r0[0]['negs']}), >t_UD {q['neg_fp_ud']} ({r0[0]['neg_fp_ud']}), news "
                  f">t_UD {q['news_ud']} ({r0[0]['news_ud']}), real suspect "
                  f"{q.get('real_susp')} ({r0[0].get('real_susp')}), seeds 003 "
                  f"{q['s003']:.3f} others {q['smax']:.3f}; genres worse {worse}")
        if m0:
            print(f"{vname} LOSO mean careful 15/30 % (dev negs / UD clean): "
                  f"{np.mean(m0, 0).round(3).tolist()} -> {np.mean(m1, 0).round(3).tolist()}")


# --- substitute-profile ratios learned from several sources ------------------------------
#
#     python tools/spin/dev_spin14.py llr     # per fold: word_llr from T + the other sources
#     SPIN14_VARIANTS=llr0,llrx1 python tools/spin/dev_spin14.py loso
#
# ``substitute_like_share`` reads ``word_llr.json``: per word profile (Zipf bin x synonym-gap
# bin x class), log P(profile | substitute) - log P(profile | kept word), counted on the
# MyThes T training spins only. Multi-source fits drop the feature (weight 0.44 -> 0, above):
# its ratios describe MyThes T substitutes. Here each fold's table is counted on T plus the
# other development sources' spins of the training documents (their substituted spans from the
# spinner), the features recomputed with it, and two models fitted: ``llr0`` (the shipped
# training set) and ``llrx1`` (plus the other sources' spins).


def llr_table(records: list[dict]) -> list[float]:
    """``build_word_llr.main``'s table counted on ``records``."""
    from build_word_llr import llr_table as counted

    return counted(records)[0]


def _set_llr(table: list[float]) -> None:
    """Make the package read ``table`` as its word_llr ratios (caches cleared)."""
    import cleannews.score._features as F
    import cleannews.score._profile as P

    P._LLR = list(table)
    F._LLR_OF.clear()
    F._INFO.clear()


def llr() -> None:
    from train import doc_features, paragraph_samples

    from cleannews.score._profile import substitute_llr

    train, val = _train_val()
    extra = extra_spins(spans=True)
    substitute_llr(0)  # load the shipped table
    import cleannews.score._profile as P

    shipped = list(P._LLR)
    rebuilt = llr_table([r for r in train if str(r["id"]).startswith("UD_")])
    print("T-only table equals the shipped one:", rebuilt == shipped, flush=True)

    def rows(recs):
        return [(doc_features(r["text"], r), paragraph_samples(r), r["label"],
                 {k: r.get(k) for k in ("id", "mode", "rate", "partial", "stress")})
                for r in recs]

    only = os.environ.get("SPIN14_FOLDS", "V,WV,E,P").split(",")
    try:
        for held in only:
            others = [k for k in ("WV", "E", "P") if k != held]
            table = llr_table([r for r in train if str(r["id"]).startswith("UD_")]
                              + [r for k in others for r in extra[k]])
            print(f"held {held}: table from T + {others}; profiles moved "
                  f"{sum(abs(a - b) > 0.2 for a, b in zip(table, shipped, strict=True))} of "
                  f"{len(table)}", flush=True)
            _set_llr(table)
            tr, va = rows(train), rows(val)
            ex = rows([r for k in others for r in extra[k]])
            for vname, spec in (("llr0", fit_spec(tr, va)),
                                ("llrx1", fit_spec(tr + ex, va, 1.0, len(ex)))):
                print(f"  {vname}: coef " + " ".join(
                    f"{n[:10]}={c:.2f}" for n, c in zip(spec["features"], spec["coef"],
                                                       strict=True) if c > 0), flush=True)
                _rescore(spec, FOLD_DIR / f"{vname}_{held}")
                (FOLD_DIR / f"{vname}_{held}" / "word_llr.json").write_text(
                    json.dumps({"llr": table}) + "\n")
    finally:
        _set_llr(shipped)


# --- paragraph aggregation ---------------------------------------------------------------
#
#     python tools/spin/dev_spin14.py paragraphs   # the package's paragraph scores, LOSO
#
# Each paragraph of 30+ words has its own score (paragraph model); the document score does not
# read them. Candidates add ``a * max(0, agg - c)`` to the base logit before the shipped term
# (floor and clamp as shipped): ``agg`` the mean paragraph logit, the second-highest one (two
# paragraphs of evidence), or the share of paragraphs over logit 0 / -1; guarded LOSO choice.


def paragraph_aggs() -> dict[str, np.ndarray]:
    import cleannews
    from cleannews.config import CleanConfig

    cache = c8.OUT / "spin14_paragraphs.pkl"
    if cache.is_file():
        return pickle.loads(cache.read_bytes())
    import dev_context4 as d4

    off = CleanConfig(spin_context=False)
    data = pickle.loads(c8.RECORDS.read_bytes())
    mean, second, share0, share1 = [], [], [], []
    for key in data:
        for r in data[key]:
            ps = [d4.logit(p.score) for p in cleannews.spin_score(r["text"], off).paragraphs
                  if p.label not in ("insufficient",)]
            ps = sorted(ps, reverse=True) or [-6.0]
            mean.append(float(np.mean(ps)))
            second.append(ps[1] if len(ps) > 1 else -6.0)
            share0.append(sum(x > 0 for x in ps) / (len(ps) + 1))
            share1.append(sum(x > -1 for x in ps) / (len(ps) + 1))
    out = {"pmean": np.array(mean), "psecond": np.array(second),
           "pshare0": np.array(share0), "pshare1": np.array(share1)}
    cache.write_bytes(pickle.dumps(out))
    return out


def paragraphs() -> None:
    import dev_careful7 as c7
    import dev_context4 as d4
    import dev_context5 as d5
    import dev_recall6 as r6

    from cleannews.score._context import get_context_term

    aggs = paragraph_aggs()
    data = pickle.loads(c8.RECORDS.read_bytes())
    tok = pickle.loads(c8.TOKENS.read_bytes())
    T = d5.Table()
    occ = d5.occurrences(tok, dict(get_context_term().syn), 6)
    g = d5.gains(T, occ, r6.MU, r6.BACKOFF)
    B = d5.make_bench(data, tok, {"mean": c7.rec_mean(occ["rec"], g, occ["n_rec"])})
    lg0 = B.lg.copy()
    s0 = B.scores(r6.SHIPPED)
    r0 = [B.evaluate(s0, src, B.neg) for src in d4.SOURCES]
    res = {}
    grid = []
    for name, v in aggs.items():
        cl = v[B.clean]
        for a in (0.25, 0.5, 1.0):
            for q in (0.5, 0.75, 0.9, 0.99):
                grid.append((name, a, float(np.quantile(cl, q)), q))
    for name, a, c, q in grid:
        B.lg = lg0 + a * np.maximum(0.0, aggs[name] - c)
        # no new quarantine without the package's evidence rule: the clamp of the base logit
        sc = np.minimum(B.scores(r6.SHIPPED), np.maximum(lg0, d4.QUARANTINE_LOGIT - 0.01))
        B.lg = lg0
        rr = [B.evaluate(sc, src, B.neg) for src in d4.SOURCES]
        res[(name, a, q)] = rr

    def both(rr, idx):
        return float(np.mean([r6._careful(rr[i], "") + r6._careful(rr[i], "ud:") for i in idx]))

    ok = {c: rr for c, rr in res.items() if c7.guard_ok(rr[0], r0[0])}
    print(f"{len(ok)} of {len(res)} candidates pass the guard")
    for c in sorted(res, key=lambda c: -both(res[c], range(4)))[:8]:
        rr, q = res[c], res[c][0]
        print(f"  {c!s:30s} {np.mean([r6._careful(r, '') for r in rr]):.3f} / "
              f"{np.mean([r6._careful(r, 'ud:') for r in rr]):.3f}  guard "
              f"{'ok' if c in ok else 'FAIL'} q/s/>tUD/news/real {q['negq']}/{q['negs']}/"
              f"{q['neg_fp_ud']}/{q['news_ud']}/{q.get('real_susp')}")
    m0, m1 = [], []
    for hi, held in enumerate(d4.SOURCES):
        oth = [i for i in range(4) if i != hi]
        fn = np.mean([r6._careful(r0[i], "") for i in oth]) - 0.005
        fu = np.mean([r6._careful(r0[i], "ud:") for i in oth]) - 0.005
        pool = [c for c in ok if np.mean([r6._careful(ok[c][i], "") for i in oth]) >= fn
                and np.mean([r6._careful(ok[c][i], "ud:") for i in oth]) >= fu
                and both(ok[c], oth) > both(r0, oth)]
        best = max(pool, key=lambda c: both(ok[c], oth)) if pool else "shipped"
        rb = ok[best][hi] if pool else r0[hi]
        a = (r6._careful(r0[hi], ""), r6._careful(r0[hi], "ud:"))
        b = (r6._careful(rb, ""), r6._careful(rb, "ud:"))
        m0.append(a)
        m1.append(b)
        print(f"  held out {held}: chosen {best}; {a[0]:.3f} / {a[1]:.3f} -> "
              f"{b[0]:.3f} / {b[1]:.3f}")
    print(f"  LOSO mean careful 15/30 %, dev negatives / UD clean: "
          f"{np.mean(m0, 0).round(3).tolist()} -> {np.mean(m1, 0).round(3).tolist()}")


def evidence() -> None:
    """Which substitutes of careful spins carry evidence at all: per source and rate, each
    substitute (``dev_careful8.substitutions`` against the clean document) is put in the first
    class that holds: base evidence (a ``spin_score`` evidence item whose words include it:
    rare word, rare synonym, word-class misfit, grammar), a strong context gain (checked by
    the term, > 2 nats), a weak one (0-2), a checked word the term reads as fitting (<= 0),
    else unchecked; the unchecked ones by wordfreq Zipf band and by why the term skips them.
    Also the share of careful 15 % spins with at most 2 substitutes carrying evidence."""
    import wordfreq

    import cleannews
    from cleannews.config import CleanConfig
    from cleannews.score._context import get_context_term
    from cleannews.score._features import FUNCTION_WORDS

    term = get_context_term()
    ids, syn = term.t.ids, term.syn
    data = pickle.loads(c8.RECORDS.read_bytes())
    clean = pickle.loads(c8.CLEAN.read_bytes())
    off = CleanConfig(spin_context=False)
    for src in ("V", "WV", "E", "P"):
        for rate in (0.15, 0.3):
            cat: Counter = Counter()
            why: Counter = Counter()
            per_doc = []
            for r in data[src]:
                rr = {0.2: 0.15}.get(r["rate"], r["rate"])
                if r["label"] != 1 or r["mode"] != "careful" or abs(rr - rate) > 1e-9:
                    continue
                base = clean.get(c8._doc_key(r["id"]) if src != "WV" else r["id"])
                if base is None:
                    continue
                s = cleannews.spin_score(r["text"], off)
                ev_words = set()
                for e in s.evidence:
                    ev_words.update(WORD.findall(e.text.lower().replace("’", "'")))
                sp = c8._tokens(r["text"])
                subs = list(c8.substitutions(c8._tokens(base), sp))
                gains = {}
                for pi, toks in enumerate(sp):
                    tid = [ids.get(t) for t in toks]
                    for i, g, _s in term._para_gains(tid):
                        gains[(pi, i)] = g
                n_ev = 0
                for pi, j, _x, y in subs:
                    g = gains.get((pi, j))
                    if y in ev_words:
                        c = "base evidence"
                    elif g is not None and g > 2:
                        c = "context gain > 2 nats"
                    elif g is not None and g > 0:
                        c = "context gain 0-2 nats"
                    elif g is not None:
                        c = "checked, fits (gain <= 0)"
                    else:
                        c = "unchecked, no base evidence"
                        z = wordfreq.zipf_frequency(y, "fr")
                        band = "Zipf >= 4.5" if z >= 4.5 else "Zipf 3-4.5" if z >= 3 else "Zipf < 3"
                        if y not in ids:
                            reason = "absent from the count table"
                        elif ids[y] not in syn:
                            reason = ("function word / short" if y in FUNCTION_WORDS
                                      or len(y) < 3 else "no usable MyThes A+T synonym")
                        else:
                            reason = "no usable neighbour"
                        why[(band, reason)] += 1
                    cat[c] += 1
                    n_ev += c in ("base evidence", "context gain > 2 nats")
                per_doc.append((n_ev, len(subs)))
            n = sum(cat.values())
            pd = np.array(per_doc)
            print(f"{src:2s} careful {rate:.0%}: {n} substitutes in {len(pd)} spins (median "
                  f"{np.median(pd[:, 1]):.0f} per spin; with evidence median "
                  f"{np.median(pd[:, 0]):.0f}, <= 2 in {np.mean(pd[:, 0] <= 2):.0%} of spins): "
                  + ", ".join(f"{k} {v / n:.0%}" for k, v in cat.most_common()))
            m = sum(why.values())
            print("    unchecked, no base evidence: " + ", ".join(
                f"{b} / {w} {v / m:.0%}" for (b, w), v in why.most_common(8)))


if __name__ == "__main__":
    {"auc": auc, "feats": feats, "folds": folds,
     "loso": loso, "evidence": evidence,
     "llr": llr, "paragraphs": paragraphs}[sys.argv[1]]()

"""Development harness of the spin-context round: can a context signal make careful spins count?

    SPIN_MYTHES_DAT=.../thes_fr.dat python tools/spin/dev_context.py records   # score once
    SPIN_MYTHES_DAT=.../thes_fr.dat python tools/spin/dev_context.py eval      # the tables
    SPIN_MYTHES_DAT=... python tools/spin/dev_context.py heldout --file F     # ONE look
    SPIN_MYTHES_DAT=... python tools/spin/dev_context.py leak    # dev guard without own text
    SPIN_CONTEXT_NO_OWN_NEGATIVES=1 SPIN_MYTHES_DAT=... python tools/spin/dev_context.py eval
    SPIN_MYTHES_DAT=... python tools/spin/dev_context.py oovgate  # term only on covered text

Development sources only (never the held-out pivot source): MyThes V
(``fixtures/spin/validation.jsonl.gz``), Wiktionnaire spins of the held-out UD documents
(``loso.spins``), random same-class spins of the same documents (``dev_refit.random_thesaurus``),
the dev split of the negatives and the five seeds. ``records`` scores every record once with
the shipped model (``cleannews.spin_score``, sources in ``src/``) and caches text + score in
``SPIN_CONTEXT_CACHE`` (default ``/tmp/spin-context_records.pkl``). ``eval`` computes the
context signal from the real-French counts (``tools/spin/data/context_*.tsv.gz``) and prints
its recall alone and added to the shipped logit, with every weight chosen on the other
thesaurus source (leave-one-source-out), at 1 % FP of the clean UD documents.

Context signal of a content word ``w`` with neighbour ``n`` (adjacent, same sentence): its
association ``pmi(n, w) = log((c(n w) + 0.5) N / (c(n) c(w)))`` against the best association
of its synonyms ``s`` there, ``d = max_s pmi(n, s) - pmi(n, w)``, counted only when some
synonym is attested there (``c(n s) >= ATTESTED``): "French puts a synonym here, not this word".
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import pickle
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).parent))

CACHE = Path(os.environ.get("SPIN_CONTEXT_CACHE", "/tmp/spin-context_records.pkl"))
DATA = REPO / "tools/spin/data"
#: A synonym's pair with the neighbour counts as attested from this many occurrences.
ATTESTED = int(os.environ.get("SPIN_CONTEXT_ATTESTED", "3"))
#: Pseudo-count of a pair in the association.
ALPHA = 0.5
#: A word counts as a context misfit when a synonym's association beats its own by this much.
D_MISFIT = 2.0
#: Minimum unigram count of a word (and its synonyms) to be checked.
MIN_COUNT = int(os.environ.get("SPIN_CONTEXT_MIN_COUNT", "20"))
#: Association measure: pointwise mutual information, or the pair's log count.
ASSOC = os.environ.get("SPIN_CONTEXT_ASSOC", "pmi")
#: ``eval`` with the dev negatives' own text removed from the counts (``subtract_own``), so
#: that the human-French guard is not in the table it guards.
NO_OWN_NEGATIVES = os.environ.get("SPIN_CONTEXT_NO_OWN_NEGATIVES") == "1"
QUARANTINE_LOGIT = math.log(0.9 / 0.1)


def build_records() -> None:
    """Score every development record once with the shipped model; cache text and score."""
    import regex
    from build_dataset import doc_split
    from common import read_ud_documents
    from dev_refit import random_thesaurus
    from loso import read_wiktionary, spins
    from train import read_jsonl, read_negatives

    import cleannews

    docs = read_ud_documents()
    val_docs = [d for d in docs if doc_split(d["id"]) == "val"]
    sets: dict[str, list[dict]] = {}
    sets["V"] = read_jsonl(REPO / "fixtures/spin/validation.jsonl.gz")
    sets["WV"] = [dict(r, label=1) for r in spins(val_docs, "wiktionary:eval", read_wiktionary())]
    words = {w.lower() for d in val_docs for w in regex.findall(r"\w+", d["text"])}
    sets["RV"] = spins(val_docs, "rand:eval", random_thesaurus(words))
    sets["NEG"] = read_negatives("dev")
    seeds = sorted((REPO.parent / "shared/seeds").glob("*.txt"))
    if not seeds:
        seeds = sorted(Path("/work/wt/shared/seeds").glob("*.txt"))
    sets["SEEDS"] = [
        {"id": p.name, "text": p.read_text(encoding="utf-8"), "label": 0, "mode": "seed"}
        for p in seeds
    ]
    keys = ("id", "label", "mode", "rate", "partial", "genre", "source")
    out = {}
    for name, recs in sets.items():
        rows = []
        for r in recs:
            s = cleannews.spin_score(r["text"])
            row = {k: r.get(k) for k in keys}
            row.update(text=r["text"], score=s.score, spin_label=s.label)
            rows.append(row)
        out[name] = rows
        print(f"scored {name}: {len(rows)}", flush=True)
    CACHE.write_bytes(pickle.dumps(out))


#: ``clean`` (default): the shipped clean table ``context_counts.bin.gz``
#: (``build_context_clean.py``, no source of any guard or calibration set counted);
#: ``old``: the 13.3 M-word table of the spin-context round (``tools/spin/data``).
TABLE = os.environ.get("SPIN_CONTEXT_TABLE", "clean")


class Counts:
    """Unigram and adjacent-bigram counts of real French (``TABLE``)."""

    def __init__(self) -> None:
        self.uni: dict[str, int] = {}
        if TABLE == "clean":
            from cleannews.score._context import get_count_table

            t = get_count_table()
            words = sorted(t.ids, key=t.ids.__getitem__)
            self.uni = {w: t.counts[i] for i, w in enumerate(words)}
            self.n = t.n
            self.bi = {}
            for a, wa in enumerate(words):
                for k in range(t.offsets[a], t.offsets[a + 1]):
                    self.bi[(wa, words[t.right[k]])] = t.pair_ids(a, t.right[k])
            return
        with gzip.open(DATA / "context_unigrams.tsv.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                w, c = line.rstrip("\n").split("\t")
                self.uni[w] = int(c)
        self.n = sum(self.uni.values())
        self.bi: dict[tuple[str, str], int] = {}
        with gzip.open(DATA / "context_bigrams.tsv.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                a, b, c = line.rstrip("\n").split("\t")
                self.bi[(a, b)] = int(c)

    def pmi(self, a: str, b: str) -> float:
        """Smoothed association of the adjacent pair ``a b`` (``ASSOC``: ``pmi`` or ``count``)."""
        c = self.bi.get((a, b), 0)
        if ASSOC == "count":
            return math.log(c + ALPHA)
        return math.log((c + ALPHA) * self.n / (self.uni[a] * self.uni[b]))


def synonym_table(name: str) -> dict[str, set[str]]:
    """Single-word synonyms per word form: ``mythes`` (all of MyThes), ``wikt`` (Wiktionnaire)."""
    out: dict[str, set[str]] = defaultdict(set)
    if name == "union":
        for other in ("mythes", "wikt"):
            for k, v in synonym_table(other).items():
                out[k] |= v
        return out
    if name == "mythes":
        from common import read_mythes

        for head, senses in read_mythes().items():
            for _pos, syns in senses:
                for s in syns:
                    if " " not in s and s != head:
                        out[head].add(s)
                        out[s].add(head)
    else:
        with open(DATA / "synonyms_wiktionnaire.tsv", encoding="utf-8") as fh:
            for line in fh:
                a, b = line.rstrip("\n").split("\t")
                if " " not in a and " " not in b and a != b:
                    out[a].add(b)
                    out[b].add(a)
    return out


def word_scores(text: str, counts: Counts, syn: dict[str, set[str]]) -> list[list[float]]:
    """Per paragraph, the ``d`` of every checked content word (see the module docstring).

    >>> word_scores("", None, {})
    []
    """
    from build_context import tokens

    from cleannews.score._features import FUNCTION_WORDS

    uni = counts.uni if counts else {}
    out = []
    for para in text.split("\n"):
        if not para.strip():
            continue
        toks = tokens(para)
        ds = []
        for i, w in enumerate(toks):
            if (
                len(w) < 3
                or not w.isalpha()
                or w in FUNCTION_WORDS
                or uni.get(w, 0) < MIN_COUNT
                or w not in syn
            ):
                continue
            cands = [s for s in syn[w] if uni.get(s, 0) >= MIN_COUNT]
            if not cands:
                continue
            best = None
            for j, left in ((i - 1, True), (i + 1, False)):
                if j < 0 or j >= len(toks) or toks[j] not in uni:
                    continue
                n = toks[j]
                pw = counts.pmi(n, w) if left else counts.pmi(w, n)
                top = None
                for s in cands:
                    c = counts.bi.get((n, s) if left else (s, n), 0)
                    if c >= ATTESTED:
                        ps = counts.pmi(n, s) if left else counts.pmi(s, n)
                        top = ps if top is None else max(top, ps)
                if top is not None:
                    d = top - pw
                    best = d if best is None else max(best, d)
            if best is not None:
                ds.append(best)
        out.append(ds)
    return out


def unfamiliarity(text: str, counts: Counts, syn: dict[str, set[str]]) -> float:
    """Share of unseen adjacent pairs around the words a spinner cannot touch.

    Pairs of two in-vocabulary words where at least one is a content word WITHOUT
    synonyms (not checkable, so not a substitute): how unusual the document's French is
    for the table regardless of spinning (old spelling, legal or technical jargon). The
    ``resid`` features subtract it (slope fitted on human documents).

    >>> unfamiliarity("", None, {})
    0.0
    """
    from build_context import BREAK, tokens

    from cleannews.score._features import FUNCTION_WORDS

    if counts is None:
        return 0.0
    uni, bi = counts.uni, counts.bi
    seen = tot = 0
    for para in text.split("\n"):
        prev = None
        for t in tokens(para):
            if t in BREAK or t not in uni:
                prev = None
                continue
            if prev is not None:
                ctrl = [
                    x for x in (prev, t)
                    if len(x) >= 3 and x.isalpha() and x not in FUNCTION_WORDS and x not in syn
                ]
                if ctrl:
                    tot += 1
                    seen += (prev, t) in bi
            prev = t
    return (tot - seen) / (tot + 10)


def features(paras: list[list[float]]) -> dict[str, float]:
    """Document context features from per-paragraph word scores.

    >>> features([[3.0, 0.0], [0.5]])["misfit_share"]
    0.3333333333333333
    """
    flat = [d for p in paras for d in p]
    n = len(flat)
    miss = sum(d > D_MISFIT for d in flat)
    per_para = [sum(d > D_MISFIT for d in p) / math.sqrt(len(p) + 5) for p in paras if p]
    return {
        "n_checked": n,
        "misfit_share": miss / n if n else 0.0,
        "misfit_z": (miss - 0.1 * n) / math.sqrt(n + 10),
        "mean_d": sum(max(-2.0, min(6.0, d)) for d in flat) / (n + 5),
        "max_para": max(per_para, default=0.0),
    }


def logit(p: float) -> float:
    """Logit of a probability, clipped to +-12."""
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def auc(pos: list[float], neg: list[float]) -> float:
    """Probability that a positive outranks a negative (ties half).

    >>> auc([2.0], [1.0])
    1.0
    """
    if not pos or not neg:
        return float("nan")
    neg = sorted(neg)
    import bisect

    tot = 0.0
    for x in pos:
        lo, hi = bisect.bisect_left(neg, x), bisect.bisect_right(neg, x)
        tot += lo + 0.5 * (hi - lo)
    return tot / (len(pos) * len(neg))


#: Synonym table of the context signal per scored source: always another source's.
OTHER = {"V": "wikt", "WV": "mythes", "RV": "wikt"}
#: The styles reported (careful spins first: the question of this round).
KEYS = ("careful@0.15", "careful@0.3", "careful_freq@0.15", "careful_freq@0.3", "naive@0.15")
FEATS = tuple(f"{a}:{f}" for a in ("pmi", "count") for f in ("misfit_z", "mean_d", "max_para"))
#: The same minus the document's unfamiliarity (``unfamiliarity``), slope fitted on human text.
RESID = tuple(f"{a}:{f}" for a in ("pmi", "count") for f in ("misfit_z", "mean_d"))
FEATS = FEATS + tuple(f"resid:{f}" for f in RESID)
#: (synonym table, feature) -> slope of the feature on ``ctx_u`` over human documents.
SLOPE: dict[tuple[str, str], float] = {}


def groups(rows: list[dict]) -> dict[str, list[dict]]:
    """Spun records of a set by ``mode@rate`` (partial spins as ``mode@partial``)."""
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["label"] == 1:
            rate = "partial" if r.get("partial") else r["rate"]
            out[f"{r['mode']}@{rate}"].append(r)
    return out


def combined(r: dict, syn: str, cand: tuple) -> float:
    """Shipped logit plus the candidate's context term.

    ``cand`` = (feature, weight, base, gate): ``weight * max(0, f - base)`` added when the
    shipped logit is at least ``gate`` (``None``: always).
    """
    feat, w, base, gate = cand
    lg = logit(r["score"])
    if feat is None or (gate is not None and lg < gate):
        return lg
    med, sd = NORM[(syn, feat)]
    return lg + w * max(0.0, (fval(r, syn, feat) - med) / sd - base)


def fval(r: dict, syn: str, feat: str) -> float:
    """A record's context feature; ``resid:X`` is ``X - slope * unfamiliarity``."""
    if feat.startswith("resid:"):
        base = feat[6:]
        return r[f"ctx_{syn}"][base] - SLOPE[(syn, base)] * r.get("ctx_u", 0.0)
    return r[f"ctx_{syn}"][feat]


#: (synonym table, feature) -> median and standard deviation on the UD clean documents.
NORM: dict[tuple[str, str], tuple[float, float]] = {}


def normalise(data: dict) -> None:
    """Fill ``NORM`` from the clean UD documents of MyThes V (the threshold population)."""
    human = [r for r in data["V"] if r["label"] == 0] + data["NEG"]
    for syn in ("mythes", "wikt", "union"):
        for f in RESID:
            xs = [r.get("ctx_u", 0.0) for r in human]
            ys = [r[f"ctx_{syn}"][f] for r in human]
            mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
            vx = sum((x - mx) ** 2 for x in xs) or 1.0
            SLOPE[(syn, f)] = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / vx
        for f in FEATS:
            v = sorted(fval(r, syn, f) for r in data["V"] if r["label"] == 0)
            m = sum(v) / len(v)
            sd = math.sqrt(sum((x - m) ** 2 for x in v) / len(v)) or 1.0
            NORM[(syn, f)] = (v[len(v) // 2], sd)


def run(data: dict, src: str, cand: tuple, syn: str | None = None) -> dict[str, float]:
    """Recall per style of ``src`` at 1 % FP of UD clean, negatives dev and seeds."""
    syn = syn or OTHER[src]
    clean = sorted((combined(r, syn, cand) for r in data["V"] if r["label"] == 0), reverse=True)
    t = clean[int(0.01 * len(clean))]
    g = groups(data[src])
    if src == "V":  # validation rates are 0.1..0.5; report 0.2/0.3 as the nearest
        g = {k.replace("@0.2", "@0.15"): v for k, v in g.items()}
    out = {k: sum(combined(r, syn, cand) > t for r in g[k]) / len(g[k]) for k in KEYS if k in g}
    neg = [combined(r, syn, cand) for r in data["NEG"]]
    out["negq"] = sum(x >= QUARANTINE_LOGIT for x in neg)
    out["negs"] = sum(x >= 0.0 for x in neg)
    seeds = {r["id"][:3]: 1 / (1 + math.exp(-combined(r, syn, cand))) for r in data["SEEDS"]}
    out["s003"] = seeds["003"]
    out["smax"] = max(v for k, v in seeds.items() if k != "003")
    return out


def mean_careful(r: dict) -> float:
    """Mean of the careful / careful_freq recalls of a ``run`` result."""
    v = [r[k] for k in KEYS if k.startswith("careful") and k in r]
    return sum(v) / len(v)


def ok(r: dict) -> bool:
    """The human-French guards: no dev negative quarantined, seeds as pinned."""
    return r["negq"] == 0 and r["s003"] >= 0.9 and r["smax"] <= 0.1


def guarded(data: dict, cand: tuple) -> bool:
    """``ok`` with every synonym table (the shipped signal would use the union)."""
    return all(ok(run(data, "V", cand, syn)) for syn in ("union", "mythes", "wikt"))


def per_genre(data: dict, cand: tuple, syn: str = "union") -> str:
    """Dev negatives per genre: documents >= suspect (logit 0) and quarantined."""
    by: dict[str, list[float]] = defaultdict(list)
    for r in data["NEG"]:
        by[r.get("genre") or "?"].append(combined(r, syn, cand))
    return " ".join(
        f"{g}:{sum(x >= 0 for x in v)}/{sum(x >= QUARANTINE_LOGIT for x in v)}/{len(v)}"
        for g, v in sorted(by.items())
    )


def show(tag: str, r: dict) -> None:
    """One table row."""
    cells = " ".join(f"{k.replace('careful_freq', 'cf')}={r[k]:.3f}" for k in KEYS if k in r)
    print(
        f"{tag:34s} {cells} mean_careful={mean_careful(r):.3f} negq={r['negq']} "
        f"negs={r['negs']} s003={r['s003']:.3f} smax={r['smax']:.3f}",
        flush=True,
    )


def evaluate(data: dict) -> None:
    """The tables of docs/spin-history.md, "Spin-context round"."""
    normalise(data)
    by_u: dict[str, list[float]] = defaultdict(list)
    for r in data["NEG"]:
        by_u[r.get("genre") or "?"].append(r.get("ctx_u", 0.0))
    ud_u = [r.get("ctx_u", 0.0) for r in data["V"] if r["label"] == 0]
    wv_u = [r.get("ctx_u", 0.0) for r in data["WV"] if r["label"] == 1]
    print(f"== unfamiliarity: UD clean {sum(ud_u) / len(ud_u):.3f}, WV spins "
          f"{sum(wv_u) / len(wv_u):.3f}, negatives dev "
          + " ".join(f"{g}={sum(v) / len(v):.3f}" for g, v in sorted(by_u.items())))
    print("slopes:", {f"{k[0]}/{k[1]}": round(v, 2) for k, v in SLOPE.items()})
    print("== context signal alone: AUC vs UD clean (synonyms of the other source)")
    for src in ("V", "WV", "RV"):
        syn = OTHER[src]
        clean = [r for r in data["V"] if r["label"] == 0]
        g = groups(data[src])
        for k in sorted(g):
            cells = " ".join(
                f"{f}={auc([fval(r, syn, f) for r in g[k]], [fval(c, syn, f) for c in clean]):.3f}"
                for f in FEATS
            )
            print(f"{src}:{k:20s} {cells}")
    print("== negatives dev: mean feature per genre vs UD clean")
    for syn in ("wikt", "mythes"):
        by: dict[str, list[float]] = defaultdict(list)
        for r in data["NEG"]:
            by[r.get("genre") or "?"].append(r[f"ctx_{syn}"]["pmi:misfit_z"])
        clean = [r[f"ctx_{syn}"]["pmi:misfit_z"] for r in data["V"] if r["label"] == 0]
        cells = " ".join(f"{k}={sum(v) / len(v):.2f}" for k, v in sorted(by.items()))
        print(f"misfit_z[{syn}] UD clean={sum(clean) / len(clean):.2f} {cells}")
    base = (None, 0.0, 0.0, None)
    for src in ("V", "WV", "RV"):
        show(f"shipped {src}", run(data, src, base))
    # context alone, as a score: weight large, shipped logit ignored would be a different model;
    # here: grid of candidates chosen on one thesaurus source, applied to the other
    grid = []
    for feat in FEATS:
        for w in (0.5, 1.0, 2.0, 3.0, 5.0):
            for b in (0.0, 1.0, 2.0):
                for gate in (None, -4.0, -3.0, -2.0):
                    grid.append((feat, w, b, gate))
    print(f"== LOSO over {len(grid)} candidates (feature, weight, base, gate)")
    loso = []
    for fit_src, test_src in (("WV", "V"), ("V", "WV")):
        scored = [
            (mean_careful(r), c, r)
            for c in grid
            if ok(r := run(data, fit_src, c)) and guarded(data, c)
        ]
        if not scored:
            print(f"chosen on {fit_src}: no candidate passes the guard with every table;")
            print("  with the union table only (the one a shipped signal would use):")
            scored = [
                (mean_careful(r), c, r)
                for c in grid
                if ok(r := run(data, fit_src, c)) and ok(run(data, "V", c, "union"))
            ]
        if not scored:
            print("  none either")
            return
        scored.sort(key=lambda x: -x[0])
        best = scored[0][1]
        show(f"chosen on {fit_src}: {best}", scored[0][2])
        r = run(data, test_src, best)
        show(f"  -> on {test_src}", r)
        show(f"  -> shipped on {test_src}", run(data, test_src, base))
        show("  -> on RV", run(data, "RV", best))
        show("  -> on RV (union synonyms)", run(data, "RV", best, "union"))
        print("  negatives dev per genre (>=suspect/quarantined/n), union:", per_genre(data, best))
        print("  shipped:", per_genre(data, base))
        loso.append((mean_careful(run(data, test_src, base)), mean_careful(r)))
    a, b = (sum(x) / len(x) for x in zip(*loso, strict=True))
    print(f"LOSO mean careful: shipped {a:.3f} -> candidate {b:.3f}")
    print("== LOSO per feature and gate (weight and base chosen on the other fold, guarded)")
    for feat in FEATS:
        for gate in (None, -4.0, -3.0, -2.0):
            sub = [c for c in grid if c[0] == feat and c[3] == gate]
            res = []
            for fit_src, test_src in (("WV", "V"), ("V", "WV")):
                sc = [(mean_careful(r), c) for c in sub if ok(r := run(data, fit_src, c))]
                sc = [x for x in sc if guarded(data, x[1])]
                if not sc:
                    res.append(None)
                    continue
                best = max(sc)[1]
                r = run(data, test_src, best)
                res.append((best[1], best[2], mean_careful(r), r["careful_freq@0.3"]))
            cells = " | ".join(
                "none passes the guard"
                if x is None
                else f"w={x[0]} b={x[1]} mean={x[2]:.3f} cf30={x[3]:.3f}"
                for x in res
            )
            print(f"{feat:16s} gate={gate}: WV->V {cells.replace(' | ', ' | V->WV ', 1)}")
    print("== fixed candidates on every source")
    for c in [(f, w, 1.0, g) for f in FEATS for w in (0.5, 1.0) for g in (None, -3.0)]:
        for src in ("V", "WV", "RV"):
            show(f"{src} {c}", run(data, src, c))


#: The candidate frozen after the development tables (chosen on either LOSO fold), for the
#: one held-out look: synonyms of both development sources, the UD-clean normalisation of
#: ``pmi:mean_d`` with them (median, standard deviation; ``normalise``).
FROZEN = ("pmi:mean_d", 3.0, 2.0, None)
FROZEN_SYN = "union"
FROZEN_NORM = (1.1366501708710357, 0.1886565112688539)


def heldout(path: Path) -> None:
    """ONE look at a frozen held-out spinner source with the frozen candidate.

    Prints ``validate.evaluate_heldout``'s table for the shipped model and for the
    candidate (shipped logit + context term), and the human documents at >= 0.9.
    """
    import validate

    import cleannews

    global ASSOC
    ASSOC = "pmi"
    counts, syn = Counts(), synonym_table(FROZEN_SYN)
    NORM[(FROZEN_SYN, FROZEN[0])] = FROZEN_NORM
    memo: dict[str, tuple[float, str, float]] = {}

    def both(text: str) -> tuple[float, str, float]:
        if text not in memo:
            s = cleannews.spin_score(text)
            ctx = features(word_scores(text, counts, syn))
            r = {"score": s.score, f"ctx_{FROZEN_SYN}": {FROZEN[0]: ctx["mean_d"]}}
            memo[text] = (s.score, s.label, combined(r, FROZEN_SYN, FROZEN))
        return memo[text]

    def shipped(text: str) -> tuple[float, str]:
        s, label, _ = both(text)
        return s, label

    def candidate(text: str) -> tuple[float, str]:
        _, label, lg = both(text)
        return 1 / (1 + math.exp(-lg)), label

    out = {}
    for name, fn in (("shipped", shipped), ("candidate", candidate)):
        h = validate.evaluate_heldout(path, fn)
        print(f"== {name}")
        validate.print_heldout(h)
        out[name] = h
    negs = [r for r in validate.read_jsonl(validate.NEGATIVES) if r["split"] == "test"]
    ud = [r for r in validate.read_jsonl(path) if r["label"] == 0]
    for name, fn in (("shipped", shipped), ("candidate", candidate)):
        nq = sum(fn(r["text"])[0] >= 0.9 for r in negs)
        uq = sum(fn(r["text"])[0] >= 0.9 for r in ud)
        print(f"{name}: >= 0.9: negatives test {nq}/{len(negs)}, UD clean {uq}/{len(ud)}")
    CACHE.with_suffix(".heldout.json").write_text(json.dumps(out, indent=1))


def subtract_own(counts: Counts, texts: list[str]) -> None:
    """Remove ``texts``' own unigrams and adjacent pairs from ``counts`` (as
    ``build_context.py`` counts them; pairs left under ``ATTESTED`` are dropped): the
    document-level leak of a guard set whose sources were counted."""
    from build_context import BREAK, ENGLISH, tokens

    from cleannews.score._features import FUNCTION_WORDS

    for text in texts:
        for par in text.split("\n"):
            toks = tokens(par)
            if sum(t in ENGLISH for t in toks) > sum(t in FUNCTION_WORDS for t in toks):
                continue
            prev = None
            for t in toks:
                if t in BREAK:
                    prev = None
                    continue
                if t in counts.uni:
                    counts.uni[t] = max(1, counts.uni[t] - 1)
                if prev is not None and (prev, t) in counts.bi:
                    counts.bi[(prev, t)] -= 1
                    if counts.bi[(prev, t)] < ATTESTED:
                        del counts.bi[(prev, t)]
                prev = t


def leak(data: dict) -> None:
    """Dev negatives with their own text removed from the counts: does the context term
    fire on them as often as on the (never counted) test split?"""
    global ASSOC
    ASSOC = "pmi"
    syn = synonym_table(FROZEN_SYN)
    for tag, own in (("as built", False), ("own text removed", True)):
        counts = Counts()
        if own:
            subtract_own(counts, [r["text"] for r in data["NEG"]])
        clean = [
            features(word_scores(r["text"], counts, syn))["mean_d"]
            for r in data["V"]
            if r["label"] == 0
        ]
        v = sorted(clean)
        m = sum(v) / len(v)
        med, sd = v[len(v) // 2], math.sqrt(sum((x - m) ** 2 for x in v) / len(v))
        tot: dict[str, int] = defaultdict(int)
        pos: dict[str, int] = defaultdict(int)
        q = 0
        for r in data["NEG"]:
            z = (features(word_scores(r["text"], counts, syn))["mean_d"] - med) / sd
            g = r.get("genre") or "?"
            tot[g] += 1
            pos[g] += z > FROZEN[2]
            q += logit(r["score"]) + FROZEN[1] * max(0.0, z - FROZEN[2]) >= QUARANTINE_LOGIT
        cells = " ".join(f"{g}:{pos[g]}/{tot[g]}" for g in sorted(tot))
        print(
            f"{tag}: z>{FROZEN[2]} on {sum(pos.values())}/{len(data['NEG'])} dev negatives "
            f"({cells}); quarantined by the frozen candidate: {q}",
            flush=True,
        )


def vocabulary_oov(text: str, counts: Counts) -> float:
    """Share of lower-case words (3+ letters) missing from the count table's vocabulary.

    >>> vocabulary_oov("", None)
    0.0
    """
    from build_context import BREAK, tokens

    if counts is None:
        return 0.0
    t = [x for x in tokens(text) if x not in BREAK and x.isalpha() and len(x) >= 3]
    return sum(x not in counts.uni for x in t) / (len(t) + 5)


def oov_gate(data: dict) -> None:
    """The context term only on documents whose vocabulary the (modern) table covers.

    A document whose ``vocabulary_oov`` is above the ``q`` quantile of the UD clean
    documents keeps its shipped logit; grid of ``q`` x feature x weight x base, guarded
    as ``eval`` (0 dev negatives quarantined with every synonym table, seeds), each fold's
    candidate chosen on the other thesaurus source.
    """
    normalise(data)
    counts = Counts()
    for rows in data.values():
        for r in rows:
            r["oov"] = vocabulary_oov(r["text"], counts)
    ud = sorted(r["oov"] for r in data["V"] if r["label"] == 0)
    by: dict[str, list[float]] = defaultdict(list)
    for r in data["NEG"]:
        by[r.get("genre") or "?"].append(r["oov"])
    wv = [r["oov"] for r in data["WV"] if r["label"] == 1 and r["mode"].startswith("careful")]
    print(f"oov: UD clean median {ud[len(ud) // 2]:.3f}, WV careful spins "
          f"{sum(wv) / len(wv):.3f}, negatives dev "
          + " ".join(f"{g}={sum(v) / len(v):.3f}" for g, v in sorted(by.items())))
    global combined
    plain = combined
    limit: list[float | None] = [None]

    def gated(r: dict, syn: str, cand: tuple) -> float:
        if limit[0] is not None and r["oov"] > limit[0]:
            return logit(r["score"])
        return plain(r, syn, cand)

    combined = gated
    base = (None, 0.0, 0.0, None)
    show("shipped V", run(data, "V", base))
    show("shipped WV", run(data, "WV", base))
    for q in (None, 0.5, 0.75, 0.9):
        limit[0] = None if q is None else ud[int(q * len(ud))]
        ok_c = [
            (f, w, b, None)
            for f in ("pmi:mean_d", "count:mean_d", "pmi:misfit_z", "count:misfit_z")
            for w in (0.5, 1.0, 2.0, 3.0)
            for b in (0.0, 1.0, 2.0)
            if guarded(data, (f, w, b, None))
        ]
        if not ok_c:
            print(f"gate q={q}: no candidate passes the guard")
            continue
        folds = []
        for fit, test in (("WV", "V"), ("V", "WV")):
            best = max(ok_c, key=lambda c, fit=fit: mean_careful(run(data, fit, c)))
            r = run(data, test, best)
            show(f"q={q} chosen on {fit} {best} -> {test}", r)
            print("  negatives dev per genre (>=suspect/quarantined/n), union:",
                  per_genre(data, best))
            folds.append(mean_careful(r))
        print(f"gate q={q}: {len(ok_c)} candidates pass; LOSO mean careful "
              f"{sum(folds) / 2:.3f}", flush=True)
    combined = plain


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("records", "eval", "heldout", "leak", "oovgate"))
    ap.add_argument("--file", type=Path, help="heldout: the frozen source file (ONE look)")
    args = ap.parse_args(argv)
    if args.what == "heldout":
        heldout(args.file)
        return 0
    if args.what == "records":
        build_records()
        return 0
    feat = CACHE.with_suffix(".nonegs.feat.pkl" if NO_OWN_NEGATIVES else ".feat.pkl")
    data = pickle.loads((feat if feat.exists() else CACHE).read_bytes())
    todo = [n for n in ("mythes", "wikt", "union") if f"ctx_{n}" not in data["V"][0]]
    if todo:
        global ASSOC
        counts = Counts()
        if NO_OWN_NEGATIVES:
            subtract_own(counts, [r["text"] for r in data["NEG"]])
        for syn_name in todo:
            syn = synonym_table(syn_name)
            for rows in data.values():
                for r in rows:
                    d = r.setdefault(f"ctx_{syn_name}", {})
                    for ASSOC in ("pmi", "count"):
                        f = features(word_scores(r["text"], counts, syn))
                        d.update({f"{ASSOC}:{k}": v for k, v in f.items()})
            print(f"features with {syn_name} synonyms done", flush=True)
        feat.write_bytes(pickle.dumps(data))
    if "ctx_u" not in data["V"][0]:
        counts, syn = Counts(), synonym_table("union")
        for rows in data.values():
            for r in rows:
                r["ctx_u"] = unfamiliarity(r["text"], counts, syn)
        print("unfamiliarity done", flush=True)
        feat.write_bytes(pickle.dumps(data))
    if args.what == "leak":
        leak(data)
        return 0
    if args.what == "oovgate":
        oov_gate(data)
        return 0
    evaluate(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

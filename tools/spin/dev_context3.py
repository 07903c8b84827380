"""Development harness of the spin-context3 round: context evidence fitted with a register guard.

    SPIN_MYTHES_DAT=.../thes_fr.dat SPIN_CONTEXT_CACHE=/tmp/x.pkl \
        python tools/spin/dev_context.py records        # score every record once (shipped model)
    SPIN_MYTHES_DAT=... SPIN_CONTEXT_CACHE=/tmp/x.pkl python tools/spin/dev_context3.py feats
    SPIN_MYTHES_DAT=... SPIN_CONTEXT_CACHE=/tmp/x.pkl python tools/spin/dev_context3.py fit

Development sources only (the records of ``dev_context.py``: MyThes V, Wiktionnaire spins of
the held-out UD documents, random same-class spins, the dev split of the negatives, seeds);
never the pivot held-out source, the negatives' test split or ``fixtures/spin/fresh``.

Per checked content word ``w`` (in the clean count table ``context_counts.bin.gz`` with at
least ``MIN_COUNT`` occurrences, with single-word synonyms of another source than the spins
scored), a smoothed bigram language model of the table scores its slot with the left and the
right neighbour (``slot_score``: ``log P(x | left) + log P(right | x)``, Dirichlet smoothing
toward the unigram distribution, ``MU``); ``lr = max over synonyms s of slot(s) - slot(w)``:
how much more plausible a synonym is here. ``ctrl`` is the same against words of the table
with the nearest frequency ranks (not synonyms): how badly ``w`` fits its slot whatever the
alternative — the register control (an old or spoken text fits a modern table badly
everywhere; a substitute misfits where its synonyms would fit).

Document features (``doc_features``) and register features (``register``), then a fit of the
context term on top of the shipped logit, leave-one-source-out (weights fitted with one
thesaurus source's spins, scored on the other's), with dev negatives halves by id hash
(weights on one half, per-genre false positives reported on the other and on all).
"""

from __future__ import annotations

import argparse
import math
import os
import pickle
import sys
import zlib
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).parent))

CACHE = Path(os.environ.get("SPIN_CONTEXT_CACHE", "/tmp/spin-context_records.pkl"))
#: Minimum table count of a checked word and of its synonyms (``SPIN_CTX3_MIN_COUNT``).
MIN_COUNT = int(os.environ.get("SPIN_CTX3_MIN_COUNT", "10"))
#: At most this many synonyms (the most frequent in the table) are tried per word.
MAX_SYN = int(os.environ.get("SPIN_CTX3_MAXSYN", "12"))
#: Words among the table's ``STOP_RANK`` most frequent ("est", "les", "des", "nous" — MyThes
#: has entries for them) and, when ``STOP_RANK`` is set, words the lexicon reads as a closed
#: class (determiner / pronoun / conjunction ``OTHER``, preposition ``PREP``) are neither
#: checked nor candidates: a spinner substitutes content words.
STOP_RANK = int(os.environ.get("SPIN_CTX3_STOP_RANK", "0"))


def closed_ids(lm: LM) -> frozenset:
    """Table ids of the words ``STOP_RANK`` excludes (empty when it is 0).

    >>> closed_ids(None)
    frozenset()
    """
    if not STOP_RANK or lm is None:
        return frozenset()
    from cleannews.score._lexicon import get_lexicon

    lex = get_lexicon()
    return frozenset(
        i for i, w in enumerate(lm.words)
        if i < STOP_RANK or lex.has(lex.packed(w), "OTHER") or lex.has(lex.packed(w), "PREP")
    )
FEAT = CACHE.with_suffix(
    (".ctx3.pkl" if MAX_SYN == 12 else f".ctx3k{MAX_SYN}.pkl").replace(
        ".pkl", f".stop{STOP_RANK}.pkl" if STOP_RANK else ".pkl"
    ).replace(".pkl", f".min{MIN_COUNT}.pkl" if MIN_COUNT != 10 else ".pkl")
)
#: Dirichlet smoothing mass of the bigram model (toward the unigram distribution).
MU = 20.0
#: A synonym "much more plausible here" beats the word by this many nats.
LR_HIGH = 3.0
#: Frequency-rank neighbours used as the non-synonym control.
N_CTRL = 8
QUARANTINE_LOGIT = math.log(9.0)
#: One candidate for both folds (feature, weight, base, gate power) after the LOSO tables:
#: with 12 synonyms the fold chosen on MyThes V picked it (the fold chosen on Wiktionnaire
#: ranked it second); with the 4 most frequent synonyms both folds picked ``mean_gain``.
FROZEN = ("mean_lr", 3.0, 1.0, 1) if MAX_SYN == 12 else ("mean_gain", 3.0, 1.0, 1)
OTHER = {"V": "wikt", "WV": "mythes", "RV": "wikt"}


class LM:
    """Smoothed bigram slot scores from the clean count table (``_context.CountTable``)."""

    def __init__(self) -> None:
        from cleannews.score._context import get_count_table

        self.t = get_count_table()
        self.n = float(self.t.n)
        self.words = sorted(self.t.ids, key=self.t.ids.__getitem__)
        self.lp = [math.log(c / self.n) for c in self.t.counts]
        self.cnt = list(self.t.counts)
        self.pairs: dict[tuple[int, int], int] = {}
        t = self.t
        for a in range(len(self.words)):
            for k in range(t.offsets[a], t.offsets[a + 1]):
                self.pairs[(a, t.right[k])] = t.pair_ids(a, t.right[k])
        self.p = [c / self.n for c in self.cnt]
        self.closed = closed_ids(self)

    def cond(self, a: int, b: int) -> float:
        """``log P(b | a)`` with Dirichlet smoothing toward ``P(b)``."""
        c = self.pairs.get((a, b), 0)
        return math.log((c + MU * self.p[b]) / (self.cnt[a] + MU))

    def slot(self, x: int, left: int | None, right: int | None) -> float:
        """``log P(x | left) + log P(right | x)`` (``log P(x)`` without a left neighbour)."""
        s = self.cond(left, x) if left is not None else self.lp[x]
        if right is not None:
            s += self.cond(x, right) - self.lp[right]
        return s


def synonyms(name: str) -> dict[str, set[str]]:
    """Single-word synonyms: ``mythes`` (all of MyThes), ``wikt`` (Wiktionnaire), ``mythesA``
    (the MyThes half the package's synonym-gap column already uses)."""
    from dev_context import synonym_table

    if name != "mythesA":
        return synonym_table(name)
    from build_dataset import split_thesaurus
    from common import read_mythes

    out: dict[str, set[str]] = defaultdict(set)
    for head, senses in split_thesaurus(read_mythes(), "A").items():
        for _pos, syns in senses:
            for s in syns:
                if " " not in s and s != head:
                    out[head].add(s)
                    out[s].add(head)
    return out


def word_evidence(text: str, lm: LM, syn: dict[str, set[str]]) -> list[list[tuple]]:
    """Per paragraph, ``(lr, ctrl, pmi_gain)`` of every checked content word.

    >>> word_evidence("", None, {})
    []
    """
    from build_context import BREAK, tokens

    from cleannews.score._features import FUNCTION_WORDS

    out = []
    if lm is None:
        return out
    ids, counts = lm.t.ids, lm.t.counts
    for para in text.split("\n"):
        if not para.strip():
            continue
        toks = tokens(para)
        tid = [None if t in BREAK else ids.get(t) for t in toks]
        ev = []
        for i, w in enumerate(toks):
            wi = tid[i]
            if (
                wi is None
                or len(w) < 3
                or not w.isalpha()
                or w in FUNCTION_WORDS
                or counts[wi] < MIN_COUNT
                or wi in lm.closed
                or w not in syn
            ):
                continue
            left = tid[i - 1] if i > 0 else None
            right = tid[i + 1] if i + 1 < len(toks) else None
            if left is None and right is None:
                continue
            cands = sorted(
                ids[s] for s in syn[w] if s in ids and counts[ids[s]] >= MIN_COUNT
            )[:MAX_SYN]
            if not cands:
                continue
            sw = lm.slot(wi, left, right)
            best, sbest = max((lm.slot(s, left, right), s) for s in cands)
            ctrl_ids = [j for j in range(wi - N_CTRL // 2, wi + N_CTRL // 2 + 1)
                        if j != wi and 0 <= j < len(counts)]
            ctrl = max(lm.slot(j, left, right) for j in ctrl_ids)
            gain = (best - lm.lp[sbest]) - (sw - lm.lp[wi])
            ev.append((best - sw, ctrl - sw, gain))
        out.append(ev)
    return out


def doc_features(paras: list[list[tuple]]) -> dict[str, float]:
    """Document context features from the per-word evidence.

    >>> round(doc_features([[(4.0, 0.0, 1.0), (0.0, 0.0, 0.0)]])["high_share"], 3)
    0.5
    """
    flat = [e for p in paras for e in p]
    n = len(flat)
    hi = [e[0] > LR_HIGH for e in flat]
    # high relative to the control: the synonym fits much better than the word AND better
    # than arbitrary words of the same frequency do
    hic = [e[0] > LR_HIGH and e[0] - e[1] > 1.0 for e in flat]
    per_para = [sum(e[0] > LR_HIGH for e in p) / math.sqrt(len(p) + 3) for p in paras if p]
    spread = sum(1 for p in paras if sum(e[0] > LR_HIGH for e in p) >= 2)
    return {
        "n": n,
        "high_share": sum(hi) / n if n else 0.0,
        "high_z": (sum(hi) - 0.08 * n) / math.sqrt(n + 10),
        "highc_z": (sum(hic) - 0.04 * n) / math.sqrt(n + 10),
        "mean_lr": sum(max(-4.0, min(8.0, e[0])) for e in flat) / (n + 5),
        "mean_rel": sum(max(-4.0, min(8.0, e[0] - e[1])) for e in flat) / (n + 5),
        "mean_gain": sum(max(-4.0, min(8.0, e[2])) for e in flat) / (n + 5),
        "ctrl_mean": sum(max(-4.0, min(8.0, e[1])) for e in flat) / (n + 5),
        "max_para": max(per_para, default=0.0),
        "spread": spread / max(1, sum(1 for p in paras if p)),
    }


def register(text: str, lm: LM) -> dict[str, float]:
    """Register features: how unlike the modern table the document's French is overall.

    >>> register("", None)["oov"]
    0.0
    """
    from build_context import BREAK, tokens

    if lm is None:
        return {"oov": 0.0, "unseen": 0.0, "sent_len": 0.0}
    ids = lm.t.ids
    alpha = oov = pairs = unseen = 0
    sents = words = 0
    for para in text.split("\n"):
        prev = None
        toks = tokens(para)
        for t in toks:
            if t in BREAK:
                prev = None
                if t in ".!?":
                    sents += 1
                continue
            words += 1
            i = ids.get(t)
            if len(t) >= 3 and t.isalpha():
                alpha += 1
                oov += i is None
            if i is not None and prev is not None:
                pairs += 1
                unseen += lm.t.pair_ids(prev, i) == 0
            prev = i
        if toks:
            sents += 1
    return {
        "oov": oov / (alpha + 10),
        "unseen": unseen / (pairs + 10),
        "sent_len": math.log1p(words / max(1, sents)),
    }


def build_features() -> None:
    """Context and register features of every cached record (``FEAT``)."""
    data = pickle.loads(CACHE.read_bytes())
    lm = LM()
    tables = {n: synonyms(n) for n in ("mythes", "wikt", "mythesA")}
    if MAX_SYN != 12:  # speed variant: only the package-side synonym table
        tables = {"mythesA": tables["mythesA"]}
    for name, rows in data.items():
        for r in rows:
            r["reg"] = register(r["text"], lm)
            for sn, syn in tables.items():
                r[f"c3_{sn}"] = doc_features(word_evidence(r["text"], lm, syn))
        print(f"features {name} done", flush=True)
    FEAT.write_bytes(pickle.dumps(data))


def add_news(data: dict) -> None:
    """Score and featurise the strip_real TRAIN news excerpts (``fit3.news_train_excerpts``)."""
    import fit3

    import cleannews

    lm = LM()
    tables = {n: synonyms(n) for n in ("mythes", "wikt", "mythesA")}
    rows = []
    for r in fit3.news_train_excerpts():
        s = cleannews.spin_score(r["text"])
        r.update(score=s.score, spin_label=s.label, reg=register(r["text"], lm))
        for sn, syn in tables.items():
            r[f"c3_{sn}"] = doc_features(word_evidence(r["text"], lm, syn))
        rows.append(r)
    data["NEWS"] = rows
    print(f"news excerpts: {len(rows)} from {len({r['site'] for r in rows})} sites", flush=True)
    FEAT.write_bytes(pickle.dumps(data))


def lean_mean_lr(text: str, ids: dict, cnt: list, lp: list, pairs: dict, syn_ids: dict,
                 stop: frozenset) -> float:
    """``doc_features(...)["mean_lr"]`` computed the way a run-time version would: integer
    pair keys, synonym ids precomputed, no control (prototype for the speed estimate)."""
    from build_context import BREAK, tokens

    tot, n = 0.0, 0
    log = math.log
    for para in text.split("\n"):
        toks = tokens(para)
        tid = [None if t in BREAK else ids.get(t) for t in toks]
        last = len(toks) - 1
        for i, wi in enumerate(tid):
            if wi is None or wi in stop:
                continue
            cands = syn_ids.get(wi)
            if not cands:
                continue
            left = tid[i - 1] if i else None
            right = tid[i + 1] if i < last else None
            if left is None and right is None:
                continue
            best = None
            sw = 0.0
            for x in (wi, *cands):
                if left is not None:
                    v = log(pairs.get(left << 16 | x, 0) + MU * lp[x])
                else:
                    v = log(lp[x])
                if right is not None:
                    v += log((pairs.get(x << 16 | right, 0) + MU * lp[right]) / (cnt[x] + MU))
                if x == wi:
                    sw = v
                elif best is None or v > best:
                    best = v
            tot += max(-4.0, min(8.0, best - sw))
            n += 1
    return tot / (n + 5)


def speed() -> None:
    """CPU time of ``lean_mean_lr`` + the style vector against ``cleannews.spin_score`` on the
    same documents (UD clean and the news excerpts), in one run: the cost of a run-time term."""
    import time

    import fit3
    from build_context import tokens

    import cleannews
    from cleannews.score._features import FUNCTION_WORDS

    data = pickle.loads(FEAT.read_bytes())
    texts = [r["text"] for r in data["V"] if r["label"] == 0] + [r["text"] for r in data["NEWS"]]
    lm = LM()
    ids = lm.t.ids
    syn = synonyms("mythesA")
    k = int(os.environ.get("SPIN_CTX3_SPEEDK", "12"))
    syn_ids = {}
    for w, ss in syn.items():
        wi = ids.get(w)
        if wi is None or lm.cnt[wi] < MIN_COUNT or len(w) < 3 or not w.isalpha() \
                or w in FUNCTION_WORDS or wi in lm.closed:
            continue
        c = sorted(ids[s] for s in ss if s in ids and lm.cnt[ids[s]] >= MIN_COUNT
                   and ids[s] not in lm.closed)[:k]
        if c:
            syn_ids[wi] = tuple(c)
    pairs = {a << 16 | b: c for (a, b), c in lm.pairs.items()}
    lp = [math.exp(v) for v in lm.lp]
    stop = frozenset()
    mb = sum(len(t.encode()) for t in texts) / 1e6
    for t in texts[:20]:
        cleannews.spin_score(t)
    res = []
    for _ in range(3):
        t0 = time.process_time()
        for t in texts:
            cleannews.spin_score(t)
        t1 = time.process_time()
        for t in texts:
            lean_mean_lr(t, ids, lm.cnt, lp, pairs, syn_ids, stop)
        t2 = time.process_time()
        for t in texts:
            fit3.style(t)
        t3 = time.process_time()
        for t in texts:
            for para in t.split("\n"):
                tokens(para)
        t4 = time.process_time()
        res.append((t1 - t0, t2 - t1, t3 - t2, t4 - t3))
    for a, b, c, d in res:
        print(f"spin_score {mb / a:.2f} MB/s; context term {mb / b:.2f} MB/s "
              f"(+{b / a:.2f}x of spin_score; its tokenisation alone +{d / a:.2f}x); "
              f"style vector +{c / a:.2f}x (tokenises again)")


def logit(p: float) -> float:
    """Logit of a probability, clipped."""
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def auc(pos: list[float], neg: list[float]) -> float:
    """Probability that a positive outranks a negative (ties half).

    >>> auc([2.0], [1.0])
    1.0
    """
    import bisect

    neg = sorted(neg)
    if not pos or not neg:
        return float("nan")
    tot = 0.0
    for x in pos:
        lo, hi = bisect.bisect_left(neg, x), bisect.bisect_right(neg, x)
        tot += lo + 0.5 * (hi - lo)
    return tot / (len(pos) * len(neg))


def half(r: dict) -> int:
    """The dev negatives' half of a record (``train.py``'s id hash: 0 weights, 1 calibrates)."""
    return zlib.crc32(r["id"].encode()) % 2


def summary(data: dict) -> None:
    """AUC of each feature alone, and the features per negatives genre vs UD clean."""
    clean = [r for r in data["V"] if r["label"] == 0]
    feats = list(clean[0]["c3_wikt"])
    for src in ("V", "WV", "RV"):
        syn = OTHER[src]
        by: dict[str, list[dict]] = defaultdict(list)
        for r in data[src]:
            if r["label"] == 1:
                by[f"{r['mode']}@{r['rate']}"].append(r)
        for k in sorted(by):
            cells = " ".join(
                f"{f}="
                f"{auc([r[f'c3_{syn}'][f] for r in by[k]], [c[f'c3_{syn}'][f] for c in clean]):.2f}"
                for f in feats if f != "n"
            )
            print(f"{src}:{k:18s} {cells}")
    for syn in ("wikt", "mythes", "mythesA"):
        print(f"== per genre mean ({syn}); UD clean first")
        g: dict[str, list[dict]] = defaultdict(list)
        for r in data["NEG"]:
            g[r.get("genre") or "?"].append(r)
        g = {"UDclean": clean, **dict(sorted(g.items()))}
        for f in feats:
            cells = " ".join(f"{k}={sum(r[f'c3_{syn}'][f] for r in v) / len(v):.2f}"
                             for k, v in g.items())
            print(f"{f:10s} {cells}")
        for f in ("oov", "unseen", "sent_len"):
            cells = " ".join(f"{k}={sum(r['reg'][f] for r in v) / len(v):.3f}"
                             for k, v in g.items())
            print(f"{f:10s} {cells}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "what",
        choices=("feats", "speed", "news", "summary", "fit", "guarded", "ablate", "frozen",
                 "gated"),
    )
    args = ap.parse_args(argv)
    if args.what == "feats":
        build_features()
        if MAX_SYN != 12:
            add_news(pickle.loads(FEAT.read_bytes()))
        return 0
    if args.what == "speed":
        speed()
        return 0
    data = pickle.loads(FEAT.read_bytes())
    if args.what == "news":
        add_news(data)
        return 0
    if args.what == "summary":
        summary(data)
        return 0
    import fit3

    if args.what == "gated":
        for g in (-5.0, -4.0, -3.0):
            fit3.run_guarded(data, with_news=True, fixed=FROZEN, min_logit=g)
    elif args.what == "frozen":
        fit3.run_guarded(data, with_news=True, fixed=FROZEN)
    elif args.what == "ablate":
        print("======== no register gate (gp = 0 only), two-kinds clamp")
        fit3.run_guarded(data, gps=(0,))
        print("======== gate (UD + news guard), no clamp")
        fit3.run_guarded(data, with_news=True, clamp=False)
        if MAX_SYN == 12:  # the other tables are only computed with 12 synonyms
            print("======== gate (UD + news guard), clamp, MyThes-all synonyms")
            fit3.run_guarded(data, syn="mythes", with_news=True)
    elif args.what == "guarded":
        fit3.run_guarded(data)
        print("======== guard trained with news excerpts (TRAIN sites half A) as modern French")
        fit3.run_guarded(data, with_news=True)
    else:
        fit3.run(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

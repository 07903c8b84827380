r"""Development harness of the spin-recall6 round: can the context term check more words
(coverage) or weigh a few strong substitutions more (light spins), leave-one-source-out?

    export SPIN_MYTHES_DAT=<thes_fr.dat of Debian mythes-fr> PYTHONPATH=src:tools/spin
    python tools/spin/dev_recall6.py maps      # candidate maps for words without a synonym entry
    python tools/spin/dev_recall6.py loso      # coverage x aggregation x (w, b), LOSO, guarded
    python tools/spin/dev_recall6.py floor     # the cascade floor x cap x (w, b), LOSO, guarded
    python tools/spin/dev_recall6.py report    # the shipped term per source / style / genre

Records and token ids: ``dev_context4.py``'s cache (``SPIN_CONTEXT4_CACHE``) and
``dev_context5.py tokens`` (``SPIN_CTX5_TOKENS``): MyThes V, Wiktionnaire, embedding and
retired pivot spins of the held-out UD documents, the negatives' dev split, TRAIN news
excerpts and real pages, seeds; base scores without the term. The gains are
``dev_context5.gains`` (equal to the package's). Never read: the Apertium source, the
negatives' test split, ``fixtures/spin/fresh/``.

Coverage variants (the shipped term checks 5,210 words: MyThes A+T synonyms, 6 each):

* ``infl-NAV`` / ``infl-NA`` / ``infl-V``: a table word without an entry whose DELA lemma has
  MyThes A+T synonyms gets those synonyms' forms with the same class and inflection code
  (``inflected_candidates``); ``NA`` / ``V`` only nouns-adjectives / verbs, with one lemma
  and class;
* ``dist-0.3`` / ``dist-0.5``: its nearest neighbours by the cosine of positive-PMI
  left/right-neighbour vectors of the shipped count table itself (``distributional``), at
  least that similarity, 6 each.

Aggregations (``aggregates``): the shipped ``mean`` (clipped gains over checked words + 20),
the share / count per 100 tokens / count over sqrt(n) of gains above 1.5-4 nats, positive
gains over sqrt(n), mean of the top 3 / 5 / 8, and ``mean+X`` (mean of the two standardised).
"""

from __future__ import annotations

import os
import pickle
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).parent))

OUT = Path(os.environ.get("SPIN_RECALL6_DIR", "/tmp/spin-recall6_w"))
#: The term as shipped (spin-term5 / spin-ship5): smoothing, back-off, clip, prior, form.
MU, BACKOFF, CLIP, PRIOR = 40.0, True, (-1.0, 8.0), 20
SHIPPED = ("mean", 2.0, 0.5, ("mul", 2), 3.0, -4.0)
CAREFUL = ("careful@0.15", "careful@0.3")
STYLES = ("careful@0.15", "careful@0.3", "careful_freq@0.15", "careful_freq@0.3",
          "naive@0.15", "naive@0.3")


def inflected_candidates(
    words: dict[str, int], ok, syn: dict[str, set[str]],
    readings: dict[str, set[tuple[str, str, str]]],
    forms: dict[tuple[str, str, str], set[str]], covered, classes: str = "NAV",
    unambiguous: bool = False, k: int = 6,
) -> dict[int, tuple[int, ...]]:
    """Candidate ids for table words without an entry: the forms, with the word's class and
    inflection code, of its lemma's synonyms (the ``k`` most frequent: smallest ids).

    ``words``: table word -> id (ids in frequency order); ``ok(word)``: may be checked or
    be a candidate; ``syn``: lemma -> synonym lemmas; ``readings``: form -> {(lemma, class,
    code)}; ``forms``: (lemma, class, code) -> forms; ``covered``: ids that have an entry.

    >>> ids = {"annonça": 0, "déclara": 1, "annoncer": 2}
    >>> rd = {"annonça": {("annoncer", "V", "J3s")}}
    >>> fm = {("déclarer", "V", "J3s"): {"déclara"}}
    >>> inflected_candidates(ids, lambda w: True, {"annoncer": {"déclarer"}}, rd, fm, set())
    {0: (1,)}
    """
    out: dict[int, tuple[int, ...]] = {}
    for w, i in words.items():
        if i in covered or not ok(w):
            continue
        rd = readings.get(w, ())
        if unambiguous and len({(lem, pos) for lem, pos, _c in rd}) != 1:
            continue
        cands = set()
        for lem, pos, code in rd:
            if pos not in classes or (lem == w and pos != "V"):
                continue
            for s in syn.get(lem, ()):
                for f in forms.get((s, pos, code), ()):
                    if f != w and f in words and ok(f):
                        cands.add(words[f])
        if cands:
            out[i] = tuple(sorted(cands)[:k])
    return out


def distributional(keys: np.ndarray, counts: np.ndarray, v: int, targets: list[int],
                   pool: np.ndarray, min_sim: float, k: int = 6) -> dict[int, tuple[int, ...]]:
    """Nearest neighbours (cosine of positive-PMI vectors of left and right neighbours) of
    each id of ``targets`` among ``pool``, at least ``min_sim``, the ``k`` most similar.

    ``keys``: pair keys ``left * v + right``; ``counts``: their counts.

    >>> keys = np.array([0 * 4 + 1, 0 * 4 + 2, 1 * 4 + 3, 2 * 4 + 3])
    >>> distributional(keys, np.array([5., 5., 5., 5.]), 4, [1], np.array([1, 2]), 0.5)
    {1: (2,)}
    """
    import scipy.sparse as sp

    left, right = keys // v, keys % v
    n = counts.sum()

    def ppmi(rows: np.ndarray, cols: np.ndarray) -> sp.csr_matrix:
        m = sp.csr_matrix((counts, (rows, cols)), shape=(v, v))
        rs, cs = np.asarray(m.sum(1)).ravel(), np.asarray(m.sum(0)).ravel()
        m = m.tocoo()
        pmi = np.log(m.data * n / (rs[m.row] * cs[m.col]))
        keep = pmi > 0
        return sp.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=(v, v))

    x = sp.hstack([ppmi(right, left), ppmi(left, right)]).tocsr()
    nrm = np.sqrt(np.asarray(x.multiply(x).sum(1)).ravel())
    nrm[nrm == 0] = 1.0
    x = sp.diags(1.0 / nrm) @ x
    xp = x[pool]
    out: dict[int, tuple[int, ...]] = {}
    for s in range(0, len(targets), 2000):
        blk = targets[s : s + 2000]
        sim = (x[blk] @ xp.T).toarray()
        for r, i in enumerate(blk):
            row = sim[r]
            row[pool == i] = -1.0
            top = np.argsort(-row, kind="stable")[:k]
            c = [int(pool[j]) for j in top if row[j] >= min_sim]
            if c:
                out[i] = tuple(sorted(c))
    return out


def aggregates(rec: np.ndarray, g: np.ndarray, n_rec: int, ntok: np.ndarray) -> dict:
    """Per-record aggregations of the per-word gains ``g`` of records ``rec`` (NaN: not
    checked); ``ntok``: tokens per record.

    >>> a = aggregates(np.array([0, 0, 1]), np.array([5.0, -1.0, np.nan]), 2, np.array([10., 5.]))
    >>> [round(float(x), 4) for x in (a["mean"][0], a["top3"][0], a["sh3"][1])]
    [0.1818, 1.3333, 0.0]
    """
    ok = ~np.isnan(g)
    r, gg = rec[ok], g[ok]
    n = np.bincount(r, minlength=n_rec).astype(float)
    c = np.clip(gg, *CLIP)
    out = {"mean": np.bincount(r, weights=c, minlength=n_rec) / (n + PRIOR)}
    for t in (1.5, 2.0, 3.0, 4.0):
        hit = np.bincount(r, weights=(gg > t).astype(float), minlength=n_rec)
        out[f"sh{t:g}"] = hit / (n + PRIOR)
        out[f"p100_{t:g}"] = 100.0 * hit / (ntok + 50.0)
        out[f"sq{t:g}"] = hit / np.sqrt(n + PRIOR)
    out["possq"] = np.bincount(r, weights=np.clip(gg, 0, CLIP[1]), minlength=n_rec) / np.sqrt(
        n + PRIOR)
    order = np.lexsort((-gg, r))
    rs, gs = r[order], c[order]
    rank = np.arange(len(rs)) - np.searchsorted(rs, np.arange(n_rec))[rs]
    for kk in (3, 5, 8):
        out[f"top{kk}"] = np.bincount(rs, weights=np.where(rank < kk, gs, 0.0),
                                      minlength=n_rec) / kk
    return out


def _load():
    import dev_context4 as d4
    import dev_context5 as d5

    data = pickle.loads(d4.CACHE.read_bytes())
    tok = pickle.loads(d5.TOK.read_bytes())
    return d4, d5, data, tok


def maps() -> None:
    """Build the coverage variants' candidate maps (pickled in ``SPIN_RECALL6_DIR``)."""
    import dev_context5 as d5
    from build_context_term import synonym_map
    from build_tables import dela_entries
    from common import DELA

    from cleannews.score._context import get_context_term
    from cleannews.score._features import FUNCTION_WORDS

    term = get_context_term()
    ids, cnt = term.t.ids, term.t.counts
    ship = dict(term.syn)
    assert d5.mythes_syn("AT", 6, 10) == ship, "MyThes file differs from the shipped map's"

    def ok(w: str) -> bool:
        i = ids.get(w)
        return (i is not None and len(w) >= 3 and w.isalpha() and w not in FUNCTION_WORDS
                and cnt[i] >= 10)

    syn = synonym_map("AT")
    readings: dict = defaultdict(set)
    forms: dict = defaultdict(set)
    for form, lemma, pos, infl in dela_entries(DELA):
        f = form.lower()
        if pos not in ("N", "A", "V") or f not in ids:
            continue
        for code in infl or [""]:
            readings[f].add(((lemma or form).lower(), pos, code))
            forms[((lemma or form).lower(), pos, code)].add(f)
    out = {"ship": ship}
    for name, classes, unamb in (("infl-NAV", "NAV", False), ("infl-NA", "NA", True),
                                 ("infl-V", "V", True)):
        new = inflected_candidates(ids, ok, syn, readings, forms, set(ship), classes, unamb)
        out[name] = {**ship, **new}
        print(f"{name}: {len(new)} more checked words", flush=True)
    T = d5.Table()
    words = sorted(ids, key=ids.get)
    pool = np.array([i for i, w in enumerate(words) if ok(w)])
    targets = [int(i) for i in pool if i not in ship]
    for ms in (0.3, 0.5):
        new = distributional(T.keys, T.pc, T.v, targets, pool, ms)
        out[f"dist-{ms:g}"] = {**ship, **new}
        print(f"dist-{ms:g}: {len(new)} more checked words", flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "maps.pkl").write_bytes(pickle.dumps(out))


def _bench(d5, data, tok, feats):
    return d5.make_bench(data, tok, feats)


def _careful(r: dict, pre: str) -> float:
    return float(np.mean([r[pre + k] for k in CAREFUL]))


def loso() -> None:
    """Coverage x aggregation x (w, b) with the shipped gate (squared), cap and floor;
    guard (all dev negatives: none quarantined, no more "suspect" or above UD clean's 1 %
    threshold than the shipped term; TRAIN news half B and real pages; seeds); each fold
    chooses on three sources (mean careful 15 / 30 % recall at both thresholds, no loss
    on them) and reports the fourth."""
    d4, d5, data, tok = _load()
    T = d5.Table()
    mp = pickle.loads((OUT / "maps.pkl").read_bytes())
    ntok = np.array([sum(len(p) for p in paras) for key in tok for paras, _ in tok[key]],
                    dtype=float)
    feats = {}
    for name, syn in mp.items():
        occ = d5.occurrences(tok, syn, 6)
        g = d5.gains(T, occ, MU, BACKOFF)
        for a, col in aggregates(occ["rec"], g, occ["n_rec"], ntok).items():
            if name == "ship" or a == "mean":
                feats[a if name == "ship" else f"{name}:{a}"] = col
        print(f"{name}: {len(syn)} checked words, {int((~np.isnan(g)).sum())} checked "
              "occurrences", flush=True)
    B = _bench(d5, data, tok, feats)
    cols = [*feats, *[f"mean+{f}" for f in feats if f != "mean"]]
    s0 = B.scores(SHIPPED)
    r0 = [B.evaluate(s0, src, B.neg) for src in d4.SOURCES]
    g0 = r0[0]
    res = {}
    for f in cols:
        for w in (1.5, 2.0, 3.0):
            for b in (0.0, 0.5, 1.0, 1.5):
                c = (f, w, b, ("mul", 2), 3.0, -4.0)
                rr = [B.evaluate(B.scores(c), src, B.neg) for src in d4.SOURCES]
                q = rr[0]
                if (q["negq"] or q["negs"] > g0["negs"] or q["neg_fp_ud"] > g0["neg_fp_ud"]
                        or q["news_ud"] > g0["news_ud"]
                        or q.get("real_susp", 0) > g0.get("real_susp", 0)
                        or q["s003"] < 0.9 or q["smax"] > 0.1):
                    continue
                res[c] = rr
    print(f"{len(res)} of {len(cols) * 12} candidates pass the guard")
    for name in mp:  # coverage alone, shipped constants
        f = "mean" if name == "ship" else f"{name}:mean"
        rr = [B.evaluate(B.scores((f, *SHIPPED[1:])), src, B.neg) for src in d4.SOURCES]
        print(f"coverage {name:9s} (shipped w, b): mean careful "
              f"{np.mean([_careful(r, '') for r in rr]):.3f} / "
              f"{np.mean([_careful(r, 'ud:') for r in rr]):.3f}  per source "
              + " ".join(f"{_careful(r, ''):.2f}/{_careful(r, 'ud:'):.2f}" for r in rr)
              + f"  guard: suspect {rr[0]['negs']} above t_UD {rr[0]['neg_fp_ud']} "
              f"real {rr[0].get('real_susp')}")
    for hi, held in enumerate(d4.SOURCES):
        oth = [i for i in range(4) if i != hi]
        fn = np.mean([_careful(r0[i], "") for i in oth]) - 0.005
        fu = np.mean([_careful(r0[i], "ud:") for i in oth]) - 0.005
        pool = [c for c in res if np.mean([_careful(res[c][i], "") for i in oth]) >= fn
                and np.mean([_careful(res[c][i], "ud:") for i in oth]) >= fu]
        best = max(pool, key=lambda c: np.mean([_careful(res[c][i], "")
                                                + _careful(res[c][i], "ud:") for i in oth]))
        print(f"held out {held}: chosen {best}; shipped {_careful(r0[hi], ''):.3f} / "
              f"{_careful(r0[hi], 'ud:'):.3f}, chosen {_careful(res[best][hi], ''):.3f} / "
              f"{_careful(res[best][hi], 'ud:'):.3f}")


def _guard_ok(q: dict, g0: dict) -> bool:
    """The human guard of ``loso`` / ``floor``: no more than the shipped term's."""
    return not (q["negq"] or q["negs"] > g0["negs"] or q["neg_fp_ud"] > g0["neg_fp_ud"]
                or q["news_ud"] > g0["news_ud"] or q.get("real_susp", 0) > g0.get("real_susp", 0)
                or q["s003"] < 0.9 or q["smax"] > 0.1)


def floor() -> None:
    """The cascade floor (the base logit under which the term is not computed) x cap x
    (w, b), the shipped term's gains: LOSO as ``loso``, then every style of the chosen
    candidates at both thresholds and the dev negatives per genre."""
    d4, d5, data, tok = _load()
    T = d5.Table()
    from cleannews.score._context import get_context_term

    occ = d5.occurrences(tok, dict(get_context_term().syn), 6)
    g = d5.gains(T, occ, MU, BACKOFF)
    B = _bench(d5, data, tok, {"mean": d5.mean_gain(occ, g, CLIP, PRIOR)})
    r0 = [B.evaluate(B.scores(SHIPPED), src, B.neg) for src in d4.SOURCES]
    res = {}
    for cap in (3.0, 4.0, 5.0):
        for fl in (-4.0, -4.5, -5.0, -6.0, -8.0):
            for w in (1.5, 2.0, 3.0):
                for b in (0.0, 0.5, 1.0, 1.5):
                    c = ("mean", w, b, ("mul", 2), cap, fl)
                    rr = [B.evaluate(B.scores(c), src, B.neg) for src in d4.SOURCES]
                    if _guard_ok(rr[0], r0[0]):
                        res[c] = rr
    print(f"{len(res)} of 180 candidates pass the guard")
    chosen = set()
    for hi, held in enumerate(d4.SOURCES):
        oth = [i for i in range(4) if i != hi]
        fn = np.mean([_careful(r0[i], "") for i in oth]) - 0.005
        fu = np.mean([_careful(r0[i], "ud:") for i in oth]) - 0.005
        pool = [c for c in res if np.mean([_careful(res[c][i], "") for i in oth]) >= fn
                and np.mean([_careful(res[c][i], "ud:") for i in oth]) >= fu]
        # ties (equal objective): the highest floor (least computed)
        best = max(pool, key=lambda c: (np.mean([_careful(res[c][i], "")
                                                 + _careful(res[c][i], "ud:") for i in oth]),
                                        c[5]))
        chosen.add(best)
        print(f"held out {held}: chosen {best}; shipped {_careful(r0[hi], ''):.3f} / "
              f"{_careful(r0[hi], 'ud:'):.3f}, chosen {_careful(res[best][hi], ''):.3f} / "
              f"{_careful(res[best][hi], 'ud:'):.3f}")
    for tag, c in (("no term", None), ("shipped", SHIPPED),
                   *((f"chosen {c[4]:g}/{c[5]:g}", c) for c in sorted(chosen))):
        s = B.scores(c)
        for pre, what in (("", "dev negatives"), ("ud:", "UD clean")):
            for src in d4.SOURCES:
                r = B.evaluate(s, src, B.neg)
                print(f"{tag:14s} at 1 % FP of {what:13s} {src:2s} "
                      + " ".join(f"{k}={r[pre + k]:.3f}" for k in STYLES if pre + k in r))
        q = B.evaluate(s, "V", B.neg)
        print(f"{tag}: t_neg {q['t_neg']:.2f} t_UD {q['t_ud']:.2f}; negatives quarantined "
              f"{q['negq']} suspect {q['negs']} above t_UD {q['neg_fp_ud']}; news half B above "
              f"t_UD {q['news_ud']}; TRAIN real pages suspect {q.get('real_susp')}; seeds 003 "
              f"{q['s003']:.3f} others <= {q['smax']:.3f}")
        print(f"{tag}: genres (>t_UD/quarantined/suspect/n)", B.genres(s))


def report() -> None:
    """The shipped term (and no term) per source and style at both thresholds, and the dev
    negatives per genre (above UD clean's 1 % threshold / quarantined / suspect / n; the
    harness's logit, without the two-kinds rule's lift)."""
    d4, d5, data, tok = _load()
    T = d5.Table()
    from cleannews.score._context import get_context_term

    occ = d5.occurrences(tok, dict(get_context_term().syn), 6)
    g = d5.gains(T, occ, MU, BACKOFF)
    B = _bench(d5, data, tok, {"mean": d5.mean_gain(occ, g, CLIP, PRIOR)})
    for tag, c in (("no term", None), ("shipped", SHIPPED)):
        s = B.scores(c)
        for pre, what in (("", "dev negatives"), ("ud:", "UD clean")):
            for src in d4.SOURCES:
                r = B.evaluate(s, src, B.neg)
                print(f"{tag:8s} at 1 % FP of {what:13s} {src:2s} "
                      + " ".join(f"{k}={r[pre + k]:.3f}" for k in STYLES if pre + k in r))
        print(f"{tag}: genres", B.genres(s))


if __name__ == "__main__":
    {"maps": maps, "loso": loso, "floor": floor, "report": report}[sys.argv[1]]()

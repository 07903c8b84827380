r"""Development harness of the spin-lemma9 round: a lemma back-off for the words the context
term cannot check (issue 11, careful spins).

spin-careful8 found that 32-47 % of the substituted words of careful spins are absent from the
count table, many of them inflected forms ("aimaient", "voteraient", "furent") of lemmas the
table knows; checking them as "always misfits" (their count floored) failed the human guard.
This lever gives such a word a real gain **in lemma space**: the count table's word and pair
counts summed over the forms of each DELA lemma (noun, adjective, verb readings), so that the
word's lemma is compared with its MyThes A+T synonyms' lemmas beside the same (form)
neighbours::

    slot(L) = log(c(left, L) + mu P(L)) + log(c(L, right) + mu P(right)) - log(c(L) + mu)
    gain    = (slot(S*) - log P(S*)) - (slot(L_w) - log P(L_w))

(the package's formula, ``ContextTerm._para_gains``, with ``c(a, L) = sum_f c(a, f)`` over the
table forms ``f`` of ``L``), the same back-off (a neighbour neither the lemma nor a candidate
was seen with counts as no neighbour), candidates the ``k`` most frequent synonym lemmas seen
``MIN_COUNT`` times, the word's own lemma seen as often.

    export PYTHONPATH=src:tools/spin SPIN_UD_DIR=/work/cache/spin-raw/fr-ud \
           SPIN_MYTHES_DAT=/work/cache/spin-raw/mythes/thes_fr.dat \
           SPIN_CAREFUL8_DIR=/tmp/spin-lemma9
    python tools/spin/dev_careful8.py records    # the records (into SPIN_CAREFUL8_DIR)
    python tools/spin/dev_lemma9.py absent       # which absent substitutes a lemma can read
    python tools/spin/dev_lemma9.py diagnose     # coverage and per-word separation
    python tools/spin/dev_lemma9.py select       # guarded LOSO selection, unguarded best
    python tools/spin/dev_lemma9.py grid         # lemma gains centred / clipped
    python tools/spin/dev_lemma9.py sides        # counts split x neighbours read x scope
    python tools/spin/dev_lemma9.py lio          # leave the word's inflection out
    python tools/spin/dev_lemma9.py classes      # word-class back-off
    python tools/spin/dev_lemma9.py flips        # an admissible variant against the shipped term

Result (docs/spin-history.md, "A lemma back-off for the words the count table lacks"): not shipped.

Scopes: ``abs`` words absent from the count table; ``unchk`` also table words the term does
not check (no synonym entry, or seen < 10 times); ``amb`` variants take an ambiguous form's
most frequent lemma instead of skipping it. Never read: the Apertium source, the negatives'
test split, ``fixtures/spin/fresh``.
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

import dev_careful8 as c8  # noqa: E402

OUT = c8.OUT
DELA_CACHE = OUT / "dela_readings.pkl"
#: Word classes whose lemma a form is read as (DELA codes).
CLASSES = ("N", "A", "V")
MIN_COUNT = 10
K = 6


def dela_readings() -> dict[str, set[str]]:
    """Lower-case form -> lemmas of its noun, adjective and verb readings (DELA)."""
    if DELA_CACHE.is_file():
        return pickle.loads(DELA_CACHE.read_bytes())
    from build_tables import dela_entries

    out: dict[str, set[str]] = defaultdict(set)
    for form, lemma, pos, _infl in dela_entries():
        if pos in CLASSES:
            out[form.lower()].add((lemma or form).lower())
    out = dict(out)
    OUT.mkdir(parents=True, exist_ok=True)
    DELA_CACHE.write_bytes(pickle.dumps(out))
    return out


class LemmaTable:
    """The count table's counts summed by lemma: ``cnt[L]``, and the pairs ``(left form, L)``
    and ``(L, right form)`` as sorted keys with counts (``pair_l``, ``pair_r``).

    A table form with several lemma readings counts toward each of them; a form with none
    (function words, names) toward no lemma."""

    def __init__(self, T, readings: dict[str, set[str]], split: bool = False) -> None:
        words = sorted(T.t.ids, key=T.t.ids.__getitem__)
        lemmas = sorted({lem for w in words for lem in readings.get(w, ())})
        self.ids = {lem: i for i, lem in enumerate(lemmas)}
        self.names = lemmas
        vl, v = len(lemmas), T.v
        # form id -> lemma ids (as (form, lemma) rows), with the share of the form's counts
        fl_f, fl_l = [], []
        for f, w in enumerate(words):
            for lem in sorted(readings.get(w, ())):
                fl_f.append(f)
                fl_l.append(self.ids[lem])
        fl_f, fl_l = np.array(fl_f, dtype=np.int64), np.array(fl_l, dtype=np.int64)
        share = np.ones(len(fl_f))
        if split:  # an ambiguous form's counts split in proportion to its lemmas' counts
            n_read = np.bincount(fl_f, minlength=v)  # from their unambiguous forms ("point":
            una = n_read[fl_f] == 1  # the noun, not "poindre")
            prior = np.bincount(fl_l[una], weights=T.cnt[fl_f[una]], minlength=vl) + 1.0
            pr = prior[fl_l]
            share = pr / np.bincount(fl_f, weights=pr, minlength=v)[fl_f]
        self.cnt = np.bincount(fl_l, weights=T.cnt[fl_f] * share, minlength=vl)
        self.n = T.n
        with np.errstate(divide="ignore"):
            self.lp = np.log(self.cnt / self.n)
        self.p = self.cnt / self.n
        self.v, self.vl = v, vl
        # form -> its lemma rows (CSR)
        order = np.argsort(fl_f, kind="stable")
        fl_f, fl_l, share = fl_f[order], fl_l[order], share[order]
        start = np.searchsorted(fl_f, np.arange(v + 1))
        a, b = T.keys // v, T.keys % v
        c = T.pc
        # left pairs (a, f) -> (a, L)
        reps = start[b + 1] - start[b]
        idx = np.repeat(start[b], reps) + (np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps,
                                                                            reps))
        kl = np.repeat(a, reps) * vl + fl_l[idx]
        self.kl, self.cl = self._sum(kl, np.repeat(c, reps) * share[idx])
        # right pairs (f, b) -> (L, b)
        reps = start[a + 1] - start[a]
        idx = np.repeat(start[a], reps) + (np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps,
                                                                            reps))
        kr = fl_l[idx] * v + np.repeat(b, reps)
        self.kr, self.cr = self._sum(kr, np.repeat(c, reps) * share[idx])
        self.T = T

    @staticmethod
    def _sum(keys: np.ndarray, c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        u, inv = np.unique(keys, return_inverse=True)
        return u, np.bincount(inv, weights=c)

    @staticmethod
    def _look(keys: np.ndarray, counts: np.ndarray, k: np.ndarray, ok: np.ndarray) -> np.ndarray:
        j = np.minimum(np.searchsorted(keys, k), len(keys) - 1)
        return np.where(ok & (keys[j] == k), counts[j], 0.0)

    def pair_l(self, left: np.ndarray, lem: np.ndarray) -> np.ndarray:
        """Counts of (left form, lemma) (0 when either is -1)."""
        ok = (left >= 0) & (lem >= 0)
        return self._look(self.kl, self.cl, np.maximum(left, 0) * self.vl + np.maximum(lem, 0),
                          ok)

    def pair_r(self, lem: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Counts of (lemma, right form) (0 when either is -1)."""
        ok = (right >= 0) & (lem >= 0)
        return self._look(self.kr, self.cr, np.maximum(lem, 0) * self.v + np.maximum(right, 0),
                          ok)


def lemma_candidates(L: LemmaTable, syn_words: dict[str, set[str]], k: int = K,
                     min_count: int = MIN_COUNT) -> dict[int, tuple[int, ...]]:
    """Lemma id -> the ids of its ``k`` most frequent MyThes A+T synonym lemmas seen
    ``min_count`` times (the lemma itself seen as often; not function words)."""
    from cleannews.score._features import FUNCTION_WORDS

    out = {}
    for w, ss in syn_words.items():
        li = L.ids.get(w)
        if li is None or L.cnt[li] < min_count or len(w) < 3 or w in FUNCTION_WORDS:
            continue
        c = sorted((x for x in (L.ids.get(s) for s in ss if s not in FUNCTION_WORDS)
                    if x is not None and x != li and L.cnt[x] >= min_count),
                   key=lambda x: -L.cnt[x])[:k]
        if c:
            out[li] = tuple(c)
    return out


def lemma_occurrences(data: dict, ids: dict, checked: set[int], cnt, readings, L: LemmaTable,
                      lsyn: dict[int, tuple[int, ...]], scope: str, ambiguous: str,
                      k: int = K) -> dict:
    """Occurrences the lemma back-off checks: alphabetic words of >= 3 letters, not function
    words, absent from the count table (``scope`` "abs") or also not checked by the term
    (``scope`` "unchk") or every such word (``scope`` "all": a lemma model instead of the
    form model), read as a lemma with candidates (``lsyn``); a form with several such
    lemmas is skipped (``ambiguous`` "skip") or read as its most frequent one ("max").
    Arrays as ``dev_careful8.oov_occurrences`` plus the position ``pos`` and the lemma ``lw``."""
    from cleannews.score._features import FUNCTION_WORDS

    cache: dict[str, int] = {}

    def lemma_of(w: str) -> int:
        x = cache.get(w)
        if x is None:
            x = -1
            i = ids.get(w)
            if (len(w) >= 3 and w.isalpha() and w not in FUNCTION_WORDS
                    and (i is None or scope == "all"
                         or (scope == "unchk" and i not in checked))):
                ls = [L.ids[lem] for lem in readings.get(w, ()) if lem in L.ids
                      and L.ids[lem] in lsyn]
                if len(ls) == 1 or (ls and ambiguous == "max"):
                    x = max(ls, key=lambda j: L.cnt[j])
            cache[w] = x
        return x

    rec, par, pos, lw, lt, rt, cd, wd = [], [], [], [], [], [], [], []
    ri = 0
    for _key, rows in data.items():
        for r in rows:
            for pi, toks in enumerate(c8._tokens(r["text"])):
                tid = [ids.get(t, -1) for t in toks]
                for j, t in enumerate(toks):
                    li = lemma_of(t)
                    if li < 0:
                        continue
                    lft = tid[j - 1] if j else -1
                    rgt = tid[j + 1] if j + 1 < len(toks) else -1
                    if lft < 0 and rgt < 0:
                        continue
                    c = lsyn[li]
                    wd.append(t)
                    rec.append(ri)
                    par.append(pi)
                    pos.append(j)
                    lw.append(li)
                    lt.append(lft)
                    rt.append(rgt)
                    cd.append(list(c) + [-1] * (k - len(c)))
            ri += 1
    a = np.array
    return {"rec": a(rec, dtype=np.int64), "par": a(par, dtype=np.int64),
            "pos": a(pos, dtype=np.int64), "lw": a(lw, dtype=np.int64),
            "left": a(lt, dtype=np.int64), "right": a(rt, dtype=np.int64),
            "cand": a(cd, dtype=np.int64).reshape(-1, k), "n_rec": ri, "word": wd}


def function_ids(T) -> np.ndarray:
    """Per table word id: True for function words (``FUNCTION_WORDS``, elided clitics
    included): the neighbours that select a word's inflection ("les" + plural, "ils" + third
    person plural)."""
    from cleannews.score._features import FUNCTION_WORDS

    words = sorted(T.t.ids, key=T.t.ids.__getitem__)
    return np.array([w.rstrip("'") in FUNCTION_WORDS for w in words], dtype=bool)


def lemma_gains(L: LemmaTable, T, occ: dict, mu: float, backoff: bool = True,
                sides: str = "both") -> np.ndarray:
    """The package's gain computed in lemma space (module docstring); NaN: no side left.
    ``sides``: "both"; "content" (a function-word neighbour, which selects the inflection the
    table may lack, counts as none); "leftcontent" (only on the left: "les haines", "ils
    voteraient"); "right" (the left neighbour never counts)."""
    w, left, right, cand = occ["lw"], occ["left"], occ["right"], occ["cand"]
    if sides != "both":
        fw = function_ids(T)
        left = np.where((left >= 0) & (sides == "right" or fw[np.maximum(left, 0)]), -1, left)
        if sides == "content":
            right = np.where((right >= 0) & fw[np.maximum(right, 0)], -1, right)
    hl, hr = left >= 0, right >= 0
    if backoff:
        xs_all = np.concatenate([w[:, None], cand], axis=1)
        seen_l = np.zeros(len(w), dtype=bool)
        seen_r = np.zeros(len(w), dtype=bool)
        for j in range(xs_all.shape[1]):
            x = xs_all[:, j]
            ok = x >= 0
            seen_l |= ok & (L.pair_l(left, x) > 0)
            seen_r |= ok & (L.pair_r(x, right) > 0)
        hl, hr = hl & seen_l, hr & seen_r
    rs = np.maximum(right, 0)

    def slot(x: np.ndarray) -> np.ndarray:
        xs = np.maximum(x, 0)
        a = np.where(hl, np.log(L.pair_l(left, xs) + mu * L.p[xs]), L.lp[xs])
        b = np.where(hr, np.log(L.pair_r(xs, right) + mu * T.p[rs]) - np.log(L.cnt[xs] + mu),
                     0.0)
        return a + b

    sw = slot(w)
    vals = np.stack([np.where(cand[:, j] >= 0, slot(cand[:, j]), -np.inf)
                     for j in range(cand.shape[1])], axis=1)
    j = np.argmax(vals, axis=1)
    s = cand[np.arange(len(w)), j]
    g = (vals[np.arange(len(w)), j] - L.lp[s]) - (sw - L.lp[w])
    return np.where(hl | hr, g, np.nan)


def _setup():
    import dev_context5 as d5
    import dev_recall6 as r6
    from build_context_term import synonym_map

    from cleannews.score._context import get_context_term

    term = get_context_term()
    data = pickle.loads(c8.RECORDS.read_bytes())
    tok = pickle.loads(c8.TOKENS.read_bytes())
    T = d5.Table()
    occ = d5.occurrences(tok, dict(term.syn), 6)
    g = d5.gains(T, occ, r6.MU, r6.BACKOFF)
    readings = dela_readings()
    L = LemmaTable(T, readings)
    syn_words = synonym_map("AT")
    lsyn = lemma_candidates(L, syn_words)
    print(f"lemma table: {L.vl:,} lemmas ({int((L.cnt >= MIN_COUNT).sum()):,} seen >= "
          f"{MIN_COUNT}), {len(L.kl):,} left / {len(L.kr):,} right pairs; {len(lsyn):,} lemmas "
          f"with candidates", flush=True)
    return term, data, tok, T, occ, g, readings, L, lsyn


SCOPES = [s.split(":") for s in os.environ.get(
    "SPIN_LEMMA9_SCOPES", "abs:skip,abs:max,unchk:skip,unchk:max").split(",")]


def variants(term, data, T, L, readings, lsyn, mu: float) -> dict[str, tuple[dict, np.ndarray]]:
    """Per scope ``name`` -> (occurrences, lemma gains)."""
    out = {}
    checked = set(term.syn)
    for scope, amb in SCOPES:
        o = lemma_occurrences(data, term.t.ids, checked, T.cnt, readings, L, lsyn, scope, amb)
        gl = lemma_gains(L, T, o, mu)
        out[f"{scope}-{amb}"] = (o, gl)
        print(f"{scope}-{amb}: {len(o['rec']):,} occurrences, checked "
              f"{int((~np.isnan(gl)).sum()):,}, median gain {np.nanmedian(gl):.2f}", flush=True)
    return out


def diagnose() -> None:
    """Coverage of careful spins' substitutes by the term and by each lemma scope; per-word
    separation (substitute vs kept word; human words) of the lemma gains."""
    import dev_context4 as d4
    import dev_recall6 as r6
    from sklearn.metrics import roc_auc_score

    term, data, _tok, T, occ, g, readings, L, lsyn = _setup()
    clean = pickle.loads(c8.CLEAN.read_bytes())
    ids = term.t.ids
    var = variants(term, data, T, L, readings, lsyn, r6.MU)
    # (record index, paragraph, position) -> lemma gain per scope
    rec_of = {}
    ri = 0
    for key, rows in data.items():
        for r in rows:
            rec_of[(key, r["id"])] = ri
            ri += 1
    idx = {name: {(int(a), int(b), int(c)): x for a, b, c, x in
                  zip(o["rec"], o["par"], o["pos"], gl, strict=True) if not np.isnan(x)}
           for name, (o, gl) in var.items()}
    for src in d4.SOURCES:
        for style in ("careful@0.15", "careful@0.3"):
            mode, rate = style.split("@")
            n_sub = 0
            cov = dict.fromkeys(var, 0)
            form_chk = 0
            subs_g = {n: [] for n in var}
            kept_g = {n: [] for n in var}
            for r in data[src]:
                if r["label"] != 1 or r["mode"] != mode or abs(
                        {0.2: 0.15}.get(r["rate"], r["rate"]) - float(rate)) > 1e-9:
                    continue
                base = clean.get(c8._doc_key(r["id"]) if src != "WV" else r["id"])
                if base is None:
                    continue
                ri = rec_of[(src, r["id"])]
                sp = c8._tokens(r["text"])
                subs = {(pi, j) for pi, j, _x, _y in c8.substitutions(c8._tokens(base), sp)}
                for pi, toks in enumerate(sp):
                    tid = [ids.get(t) for t in toks]
                    got = {i for i, _g, _s in term._para_gains(tid)}
                    for j in range(len(toks)):
                        key = (ri, pi, j)
                        if (pi, j) in subs:
                            n_sub += 1
                            form_chk += j in got
                            for n in var:
                                if key in idx[n]:
                                    cov[n] += 1
                                    subs_g[n].append(idx[n][key])
                        else:
                            for n in var:
                                if key in idx[n]:
                                    kept_g[n].append(idx[n][key])
            line = f"{src:2s} {style:13s} substitutes {n_sub:5d}: form-checked " \
                   f"{form_chk / max(n_sub, 1):.0%}"
            for n in var:
                s_, k_ = np.array(subs_g[n]), np.array(kept_g[n])
                auc = (roc_auc_score(np.r_[np.ones(len(s_)), np.zeros(len(k_))], np.r_[s_, k_])
                       if len(s_) and len(k_) else float("nan"))
                line += (f"; {n} +{cov[n] / max(n_sub, 1):.0%} (sub median "
                         f"{np.median(s_) if len(s_) else float('nan'):.2f}, kept "
                         f"{np.median(k_) if len(k_) else float('nan'):.2f}, AUC {auc:.2f})")
            print(line, flush=True)
    # human side: lemma gains of the dev negatives and UD clean vs the form gains
    grp = {}
    ri = 0
    for key, rows in data.items():
        grp[key] = (ri, ri + len(rows))
        ri += len(rows)
    clean_rec = np.zeros(ri, dtype=bool)
    a, _b = grp["V"]
    for k_, r in enumerate(data["V"]):
        clean_rec[a + k_] = r["label"] == 0
    neg_rec = np.zeros(ri, dtype=bool)
    neg_rec[grp["NEG"][0]:grp["NEG"][1]] = True
    for pre, m in (("UD clean", clean_rec), ("dev negatives", neg_rec)):
        fg = g[m[occ["rec"]] & ~np.isnan(g)]
        line = f"{pre}: form gains n {len(fg):,} median {np.median(fg):.2f} > 2 nats " \
               f"{(fg > 2).mean():.0%}"
        for n, (o, gl) in var.items():
            x = gl[m[o["rec"]] & ~np.isnan(gl)]
            line += f"; {n} n {len(x):,} median {np.median(x):.2f} > 2 {(x > 2).mean():.0%}"
        print(line, flush=True)
    # examples
    o, gl = var["abs-skip"]
    ex: dict[str, list[float]] = defaultdict(list)
    for li, x in zip(o["lw"], gl, strict=True):
        if not np.isnan(x):
            ex[L.names[li]].append(x)
    top = sorted(ex.items(), key=lambda kv: -len(kv[1]))[:25]
    print("most frequent lemma-checked lemmas (abs-skip): " + ", ".join(
        f"{w} {len(v)}x {np.median(v):.1f}" for w, v in top))


WEIGHTS = tuple(float(x) for x in os.environ.get("SPIN_LEMMA9_WEIGHTS", "1,0.5").split(","))


def select() -> None:
    """Guarded LOSO selection (``dev_careful7._select``) over the shipped mean and the mean of
    the union of form and lemma gains (``u<scope>``; ``u<scope>*0.5``: lemma gains halved,
    as if a lemma-space gain were half the evidence of a form gain), and each lemma column
    alone averaged with the mean (``mean+l<scope>``); then the best unguarded candidates."""
    import dev_careful7 as c7
    import dev_context4 as d4
    import dev_context5 as d5
    import dev_recall6 as r6

    term, data, tok, T, occ, g, readings, L, lsyn = _setup()
    var = variants(term, data, T, L, readings, lsyn, r6.MU)
    n_rec = occ["n_rec"]
    feats = {"mean": c7.rec_mean(occ["rec"], g, n_rec)}
    for n, (o, gl) in var.items():
        assert o["n_rec"] == n_rec
        for wt in WEIGHTS:
            sfx = "" if wt == 1 else f"*{wt:g}"
            feats[f"u{n}{sfx}"] = c8._sum_mean([(occ["rec"], g), (o["rec"], wt * gl)], n_rec)
        feats[f"l{n}"] = c8._sum_mean([(o["rec"], gl)], n_rec)
    B = d5.make_bench(data, tok, feats)
    cols = [f for f in feats if not f.startswith("l")] + [f"mean+{f}" for f in feats
                                                          if f.startswith("l")]
    c7._select(B, r6, d4, cols, "lemma back-off")
    c8.unguarded(B, cols, 12)
    # per-variant figures at the shipped constants (w 2, b 0.5)
    for f in cols:
        c = (f, 2.0, 0.5, ("mul", 2), 3.0, -4.0)
        rr = [B.evaluate(B.scores(c), src, B.neg) for src in d4.SOURCES]
        q = rr[0]
        print(f"  shipped w/b {f:24s} careful "
              f"{np.mean([r6._careful(r, '') for r in rr]):.3f} / "
              f"{np.mean([r6._careful(r, 'ud:') for r in rr]):.3f}  per source (UD) "
              + " ".join(f"{r6._careful(r, 'ud:'):.2f}" for r in rr)
              + f"  guard q/s/>tUD/news/real {q['negq']}/{q['negs']}/{q['neg_fp_ud']}/"
              f"{q['news_ud']}/{q.get('real_susp')}", flush=True)


OFFSETS = tuple(float(x) for x in os.environ.get("SPIN_LEMMA9_OFFSETS", "0,1,2,3").split(","))
HIS = tuple(float(x) for x in os.environ.get("SPIN_LEMMA9_HI", "8,4").split(","))


def grid() -> None:
    """The lemma gains centred and clipped before they join the mean: ``clip(gain - c, -1,
    hi)`` (``u<scope>-c<c>h<hi>``): in human text an absent form's lemma gain sits high
    (median 2.7-3.1 nats: the table lacks the very inflection the neighbours select), so a
    constant offset ``c`` takes that level off and a lower ``hi`` the tail; guarded LOSO."""
    import dev_careful7 as c7
    import dev_context4 as d4
    import dev_context5 as d5
    import dev_recall6 as r6

    term, data, tok, T, occ, g, readings, L, lsyn = _setup()
    var = variants(term, data, T, L, readings, lsyn, r6.MU)
    n_rec = occ["n_rec"]
    feats = {"mean": c7.rec_mean(occ["rec"], g, n_rec)}
    for n, (o, gl) in var.items():
        for c in OFFSETS:
            for hi in HIS:
                x = np.where(np.isnan(gl), np.nan, np.clip(gl - c, -1.0, hi))
                feats[f"u{n}-c{c:g}h{hi:g}"] = c8._sum_mean([(occ["rec"], g), (o["rec"], x)],
                                                            n_rec)
    B = d5.make_bench(data, tok, feats)
    c7._select(B, r6, d4, list(feats), "lemma back-off, centred")
    c8.unguarded(B, list(feats), 12)


def sides() -> None:
    """Ambiguous forms' counts split by their lemmas' counts (``prop``) or not (``all``) x
    the neighbours read (``both`` / ``content`` / ``right``) x scope (absent words /
    every unchecked word), centred ``c`` and clipped ``hi`` as in ``grid``; guarded LOSO."""
    import dev_careful7 as c7
    import dev_context4 as d4
    import dev_context5 as d5
    import dev_recall6 as r6
    from build_context_term import synonym_map

    from cleannews.score._context import get_context_term

    term = get_context_term()
    data = pickle.loads(c8.RECORDS.read_bytes())
    tok = pickle.loads(c8.TOKENS.read_bytes())
    T = d5.Table()
    occ = d5.occurrences(tok, dict(term.syn), 6)
    g = d5.gains(T, occ, r6.MU, r6.BACKOFF)
    readings = dela_readings()
    syn_words = synonym_map("AT")
    n_rec = occ["n_rec"]
    feats = {"mean": c7.rec_mean(occ["rec"], g, n_rec)}
    for split in SPLITS:
        L = LemmaTable(T, readings, split=split)
        lsyn = lemma_candidates(L, syn_words)
        for scope in SIDE_SCOPES:
            o = lemma_occurrences(data, term.t.ids, set(term.syn), T.cnt, readings, L, lsyn,
                                  scope, "skip")
            for sd in SIDES:
                gl = lemma_gains(L, T, o, r6.MU, sides=sd)
                name = f"{'prop' if split else 'all'}-{scope}-{sd}"
                print(f"{name}: checked {int((~np.isnan(gl)).sum()):,}, median "
                      f"{np.nanmedian(gl):.2f}", flush=True)
                for c in SIDE_OFFSETS:
                    for hi in SIDE_HIS:
                        x = np.where(np.isnan(gl), np.nan, np.clip(gl - c, SIDE_LO, hi))
                        parts = [(o["rec"], x)] if scope == "all" else [(occ["rec"], g),
                                                                         (o["rec"], x)]
                        feats[f"{name}-c{c:g}h{hi:g}"] = c8._sum_mean(parts, n_rec)
    B = d5.make_bench(data, tok, feats)
    c7._select(B, r6, d4, list(feats), "lemma back-off: counts, sides, scope")
    c8.unguarded(B, list(feats), 12)


CLASS_CACHE = OUT / "dela_classes.pkl"


def dela_classes() -> dict[str, set[str]]:
    """Lower-case form -> its DELA word classes among ``CLASSES``."""
    if CLASS_CACHE.is_file():
        return pickle.loads(CLASS_CACHE.read_bytes())
    from build_tables import dela_entries

    out: dict[str, set[str]] = defaultdict(set)
    for form, _lemma, pos, _infl in dela_entries():
        if pos in CLASSES:
            out[form.lower()].add(pos)
    out = dict(out)
    CLASS_CACHE.write_bytes(pickle.dumps(out))
    return out


def class_occurrences(data: dict, ids: dict, readings, classes, L: LemmaTable, C: LemmaTable,
                      lsyn: dict, syn_words: dict[str, set[str]], k: int = K) -> dict:
    """The word-class back-off's occurrences: words absent from the count table whose lemma
    the lemma back-off cannot read (absent, seen < ``MIN_COUNT`` times or without candidates),
    with one DELA class and MyThes A+T synonyms (of the form or of its lemmas) among the lemma
    table's lemmas seen ``MIN_COUNT`` times; ``lw`` is the class id in ``C``."""
    from cleannews.score._features import FUNCTION_WORDS

    cache: dict[str, tuple] = {}

    def of(w: str) -> tuple:
        x = cache.get(w)
        if x is None:
            x = ()
            lems = readings.get(w, set())
            cl = classes.get(w, set())
            if (w not in ids and len(w) >= 3 and w.isalpha() and w not in FUNCTION_WORDS
                    and len(cl) == 1 and not any(L.ids.get(lem) in lsyn for lem in lems)):
                ss = set(syn_words.get(w, ()))
                for lem in lems:
                    ss |= syn_words.get(lem, set())
                c = sorted({L.ids[t] for t in ss if t in L.ids and t not in FUNCTION_WORDS
                            and L.cnt[L.ids[t]] >= MIN_COUNT} - {L.ids.get(w)},
                           key=lambda j: -L.cnt[j])[:k]
                if c:
                    x = (C.ids[next(iter(cl))], tuple(c))
            cache[w] = x
        return x

    rec, par, pos, lw, lt, rt, cd = [], [], [], [], [], [], []
    ri = 0
    for _key, rows in data.items():
        for r in rows:
            for pi, toks in enumerate(c8._tokens(r["text"])):
                tid = [ids.get(t, -1) for t in toks]
                for j, t in enumerate(toks):
                    x = of(t)
                    if not x:
                        continue
                    lft = tid[j - 1] if j else -1
                    rgt = tid[j + 1] if j + 1 < len(toks) else -1
                    if lft < 0 and rgt < 0:
                        continue
                    rec.append(ri)
                    par.append(pi)
                    pos.append(j)
                    lw.append(x[0])
                    lt.append(lft)
                    rt.append(rgt)
                    cd.append(list(x[1]) + [-1] * (k - len(x[1])))
            ri += 1
    a = np.array
    return {"rec": a(rec, dtype=np.int64), "par": a(par, dtype=np.int64),
            "pos": a(pos, dtype=np.int64), "lw": a(lw, dtype=np.int64),
            "left": a(lt, dtype=np.int64), "right": a(rt, dtype=np.int64),
            "cand": a(cd, dtype=np.int64).reshape(-1, k), "n_rec": ri}


def class_gains(L: LemmaTable, C: LemmaTable, T, occ: dict, mu: float,
                sides: str = "both") -> np.ndarray:
    """How much better the best synonym lemma fits the slot than the word's class does,
    frequency removed: ``(slot_L(S*) - log P(S*)) - (slot_C(class) - log P(class))``; a side
    counts when some candidate was seen there (the class always is). NaN: no side left."""
    w, left, right, cand = occ["lw"], occ["left"], occ["right"], occ["cand"]
    if sides != "both":
        fw = function_ids(T)
        left = np.where((left >= 0) & (sides == "right" or fw[np.maximum(left, 0)]), -1, left)
        if sides == "content":
            right = np.where((right >= 0) & fw[np.maximum(right, 0)], -1, right)
    seen_l = np.zeros(len(w), dtype=bool)
    seen_r = np.zeros(len(w), dtype=bool)
    for j in range(cand.shape[1]):
        x = cand[:, j]
        ok = x >= 0
        seen_l |= ok & (L.pair_l(left, x) > 0)
        seen_r |= ok & (L.pair_r(x, right) > 0)
    hl, hr = (left >= 0) & seen_l, (right >= 0) & seen_r
    rs = np.maximum(right, 0)

    def slot(X: LemmaTable, x: np.ndarray) -> np.ndarray:
        xs = np.maximum(x, 0)
        a = np.where(hl, np.log(X.pair_l(left, xs) + mu * X.p[xs]), X.lp[xs])
        b = np.where(hr, np.log(X.pair_r(xs, right) + mu * T.p[rs]) - np.log(X.cnt[xs] + mu),
                     0.0)
        return a + b

    vals = np.stack([np.where(cand[:, j] >= 0, slot(L, cand[:, j]) - L.lp[np.maximum(
        cand[:, j], 0)], -np.inf) for j in range(cand.shape[1])], axis=1)
    g = vals.max(axis=1) - (slot(C, w) - C.lp[w])
    return np.where(hl | hr, g, np.nan)


def classes() -> None:
    """The word-class back-off (``class_gains``) for absent words the lemma back-off cannot
    read, alone and with the lemma back-off (content sides); centred ``c``, clipped ``hi``;
    guarded LOSO."""
    import dev_careful7 as c7
    import dev_context4 as d4
    import dev_context5 as d5
    import dev_recall6 as r6
    from build_context_term import synonym_map

    from cleannews.score._context import get_context_term

    term = get_context_term()
    data = pickle.loads(c8.RECORDS.read_bytes())
    tok = pickle.loads(c8.TOKENS.read_bytes())
    T = d5.Table()
    occ = d5.occurrences(tok, dict(term.syn), 6)
    g = d5.gains(T, occ, r6.MU, r6.BACKOFF)
    readings = dela_readings()
    cls = dela_classes()
    syn_words = synonym_map("AT")
    L = LemmaTable(T, readings)
    C = LemmaTable(T, cls, split=True)
    lsyn = lemma_candidates(L, syn_words)
    n_rec = occ["n_rec"]
    oc = class_occurrences(data, term.t.ids, readings, cls, L, C, lsyn, syn_words)
    ol = lemma_occurrences(data, term.t.ids, set(term.syn), T.cnt, readings, L, lsyn, "abs",
                           "skip")
    gl = lemma_gains(L, T, ol, r6.MU, sides="content")
    feats = {"mean": c7.rec_mean(occ["rec"], g, n_rec)}
    for sd in ("both", "content", "leftcontent"):
        gc = class_gains(L, C, T, oc, r6.MU, sides=sd)
        print(f"class {sd}: {len(oc['rec']):,} occurrences, checked "
              f"{int((~np.isnan(gc)).sum()):,}, median {np.nanmedian(gc):.2f}", flush=True)
        for c in SIDE_OFFSETS:
            for hi in SIDE_HIS:
                x = np.where(np.isnan(gc), np.nan, np.clip(gc - c, -1.0, hi))
                feats[f"cls-{sd}-c{c:g}h{hi:g}"] = c8._sum_mean([(occ["rec"], g), (oc["rec"], x)],
                                                                n_rec)
                feats[f"clsLem-{sd}-c{c:g}h{hi:g}"] = c8._sum_mean(
                    [(occ["rec"], g), (oc["rec"], x), (ol["rec"], gl)], n_rec)
    B = d5.make_bench(data, tok, feats)
    c7._select(B, r6, d4, list(feats), "word-class back-off")
    c8.unguarded(B, list(feats), 12)


SIDES = os.environ.get("SPIN_LEMMA9_SIDES", "both,content,right").split(",")
SPLITS = tuple(x == "prop" for x in os.environ.get("SPIN_LEMMA9_SPLIT", "all,prop").split(","))
SIDE_SCOPES = os.environ.get("SPIN_LEMMA9_SSCOPE", "abs,unchk").split(",")
#: lower clip of the lemma gains in ``sides`` (the term's own: -1; 0: evidence only for a spin)
SIDE_LO = float(os.environ.get("SPIN_LEMMA9_SLO", "-1"))
SIDE_OFFSETS = tuple(float(x) for x in os.environ.get("SPIN_LEMMA9_SOFF", "0,1").split(","))
SIDE_HIS = tuple(float(x) for x in os.environ.get("SPIN_LEMMA9_SHI", "8,4").split(","))



FLIP_SIDES = os.environ.get("SPIN_LEMMA9_FLIP_SIDES", "content")


def flips() -> None:
    """The admissible variant (absent words, lemma back-off, content neighbours; other
    neighbours: ``SPIN_LEMMA9_FLIP_SIDES``) against the shipped mean at the shipped
    constants: per source and style, recall at both thresholds and
    the spins that cross each threshold up / down; the guard's figures; human records whose
    logit moves."""
    import dev_careful7 as c7
    import dev_context4 as d4
    import dev_context5 as d5
    import dev_recall6 as r6
    from build_context_term import synonym_map

    from cleannews.score._context import get_context_term

    term = get_context_term()
    data = pickle.loads(c8.RECORDS.read_bytes())
    tok = pickle.loads(c8.TOKENS.read_bytes())
    T = d5.Table()
    occ = d5.occurrences(tok, dict(term.syn), 6)
    g = d5.gains(T, occ, r6.MU, r6.BACKOFF)
    readings = dela_readings()
    L = LemmaTable(T, readings)
    lsyn = lemma_candidates(L, synonym_map("AT"))
    n_rec = occ["n_rec"]
    o = lemma_occurrences(data, term.t.ids, set(term.syn), T.cnt, readings, L, lsyn, "abs",
                          "skip")
    gl = lemma_gains(L, T, o, r6.MU, sides=FLIP_SIDES)
    ok = ~np.isnan(gl)
    print(f"checked by the back-off: {int(ok.sum()):,} occurrences in "
          f"{len(np.unique(o['rec'][ok])):,} records", flush=True)
    feats = {"mean": c7.rec_mean(occ["rec"], g, n_rec),
             "lem": c8._sum_mean([(occ["rec"], g), (o["rec"], gl)], n_rec)}
    B = d5.make_bench(data, tok, feats)
    s0, s1 = B.scores(r6.SHIPPED), B.scores(("lem", *r6.SHIPPED[1:]))
    for src in d4.SOURCES:
        r0, r1 = B.evaluate(s0, src, B.neg), B.evaluate(s1, src, B.neg)
        for st in r6.STYLES:
            if st not in B.style[src]:
                continue
            idx = B.style[src][st]
            line = f"{src:2s} {st:17s} n {len(idx):3d}"
            for pre, t0, t1 in (("neg", r0["t_neg"], r1["t_neg"]), ("ud", r0["t_ud"], r1["t_ud"])):
                a, b = s0[idx] > t0, s1[idx] > t1
                line += (f"  {pre} {a.mean():.3f} -> {b.mean():.3f} (+{int((b & ~a).sum())} "
                         f"-{int((a & ~b).sum())})")
            print(line)
    q0, q1 = B.evaluate(s0, "V", B.neg), B.evaluate(s1, "V", B.neg)
    print("guard before / after: " + ", ".join(
        f"{k} {q0[k]} / {q1[k]}" for k in ("negq", "negs", "neg_fp_ud", "news_ud", "real_susp",
                                           "s003", "smax", "t_neg", "t_ud")))
    hum = np.concatenate([B.neg, B.clean, B.groups["NEWS"], B.groups["REAL"]])
    d = s1[hum] - s0[hum]
    print(f"human records: logit up {int((d > 1e-9).sum())}, down {int((d < -1e-9).sum())}, "
          f"max up {d.max():.3f}")
    from collections import Counter

    for pre, t0, t1 in (("UD clean's", q0["t_ud"], q1["t_ud"]),
                        ("the negatives'", q0["t_neg"], q1["t_neg"])):
        a, b = s0[B.neg] > t0, s1[B.neg] > t1
        gen = Counter(B.rows[i][1].get("genre") for i in B.neg[b & ~a])
        out = Counter(B.rows[i][1].get("genre") for i in B.neg[a & ~b])
        print(f"dev negatives above {pre} threshold: +{int((b & ~a).sum())} {dict(gen)}, "
              f"-{int((a & ~b).sum())} {dict(out)}")


FULL_CACHE = OUT / "dela_full.pkl"
#: Excluded forms per candidate (a form may carry several of the word's inflection codes).
EXCL = 3


def dela_full() -> tuple[dict, dict]:
    """``(readings, forms)``: lower-case form -> {(lemma, class, code)} and (lemma, class,
    code) -> forms, for the noun, adjective and verb entries of DELA."""
    if FULL_CACHE.is_file():
        return pickle.loads(FULL_CACHE.read_bytes())
    from build_tables import dela_entries

    rd: dict[str, set] = defaultdict(set)
    fm: dict[tuple, set] = defaultdict(set)
    for form, lemma, pos, infl in dela_entries():
        if pos in CLASSES:
            f, lem = form.lower(), (lemma or form).lower()
            for code in infl or [""]:
                rd[f].add((lem, pos, code))
                fm[(lem, pos, code)].add(f)
    out = (dict(rd), dict(fm))
    FULL_CACHE.write_bytes(pickle.dumps(out))
    return out


def lio_occurrences(data: dict, ids: dict, readings, full: tuple, L: LemmaTable,
                    lsyn: dict, k: int = K) -> dict:
    """``lemma_occurrences`` (absent words, one lemma) plus, per candidate, the table forms
    of the candidate lemma that carry one of the word's own inflection codes (``excl``,
    ``(n, k, EXCL)``, -1 padded): "réalisaient" (V, imperfect 3rd plural) against "faire"
    leaves "faisaient" out of "faire"'s counts."""
    o = lemma_occurrences(data, ids, set(), None, readings, L, lsyn, "abs", "skip", k)
    rd, fm = full
    excl = np.full((len(o["lw"]), k, EXCL), -1, dtype=np.int64)
    cache: dict[tuple, list] = {}
    for n, (data_pos, lw) in enumerate(zip(o["word"], o["lw"], strict=True)):
        key = (data_pos, int(lw))
        ex = cache.get(key)
        if ex is None:
            lem = L.names[lw]
            codes = {(pos, code) for lm, pos, code in rd.get(data_pos, ()) if lm == lem}
            ex = []
            for c in o["cand"][n]:
                if c < 0:
                    ex.append([])
                    continue
                fs = {f for pos, code in codes for f in fm.get((L.names[c], pos, code), ())}
                ex.append(sorted(ids[f] for f in fs if f in ids)[:EXCL])
            cache[key] = ex
        for j, e in enumerate(ex):
            excl[n, j, : len(e)] = e
    o["excl"] = excl
    return o


def lio_gains(L: LemmaTable, T, occ: dict, mu: float, sides: str = "both") -> np.ndarray:
    """``lemma_gains`` with each candidate's forms of the word's inflection left out of its
    counts (``lio_occurrences``): the word's form is absent from the table, so its lemma's
    counts lack the inflection its neighbours select; leaving the same inflection out of
    every candidate compares like with like. A candidate left under ``MIN_COUNT`` is
    dropped."""
    w, left, right, cand, excl = occ["lw"], occ["left"], occ["right"], occ["cand"], occ["excl"]
    if sides != "both":
        fw = function_ids(T)
        left = np.where((left >= 0) & (sides == "right" or fw[np.maximum(left, 0)]), -1, left)
        if sides == "content":
            right = np.where((right >= 0) & fw[np.maximum(right, 0)], -1, right)
    rs = np.maximum(right, 0)
    k = cand.shape[1]

    def parts(j: int):
        """(count, left pair, right pair) of candidate column ``j`` (``-1``: the word)."""
        if j < 0:
            return L.cnt[w], L.pair_l(left, w), L.pair_r(w, right)
        x = cand[:, j]
        xs = np.maximum(x, 0)
        c, pl, pr = L.cnt[xs].copy(), L.pair_l(left, x), L.pair_r(x, right)
        for e in range(excl.shape[2]):
            f = excl[:, j, e]
            fs = np.maximum(f, 0)
            has = f >= 0
            c -= np.where(has, T.cnt[fs], 0.0)
            pl -= np.where(has, T.pair(left, fs), 0.0)
            pr -= np.where(has, T.pair(fs, rs) * (right >= 0), 0.0)
        return np.where(x >= 0, c, 0.0), np.maximum(pl, 0.0), np.maximum(pr, 0.0)

    cols = [parts(j) for j in range(-1, k)]
    valid = [np.ones(len(w), dtype=bool)] + [(cand[:, j] >= 0) & (cols[j + 1][0] >= MIN_COUNT)
                                             for j in range(k)]
    seen_l = np.zeros(len(w), dtype=bool)
    seen_r = np.zeros(len(w), dtype=bool)
    for (_c, pl, pr), ok in zip(cols, valid, strict=True):
        seen_l |= ok & (pl > 0)
        seen_r |= ok & (pr > 0)
    hl, hr = (left >= 0) & seen_l, (right >= 0) & seen_r

    def slot_f(c: np.ndarray, pl: np.ndarray, pr: np.ndarray) -> np.ndarray:
        cs = np.maximum(c, 1.0)
        p = cs / L.n
        a = np.where(hl, np.log(pl + mu * p), np.log(p))
        b = np.where(hr, np.log(pr + mu * T.p[rs]) - np.log(cs + mu), 0.0)
        return a + b - np.log(p)

    sw = slot_f(*cols[0])
    vals = np.stack([np.where(valid[j + 1], slot_f(*cols[j + 1]), -np.inf) for j in range(k)],
                    axis=1)
    best = vals.max(axis=1)
    return np.where((hl | hr) & np.isfinite(best), best - sw, np.nan)


def lio() -> None:
    """The leave-inflection-out lemma back-off (``lio_gains``) against the plain one, both
    sides and function-word left neighbours read as none; centred ``c``, clipped ``hi``;
    guarded LOSO."""
    import dev_careful7 as c7
    import dev_context4 as d4
    import dev_context5 as d5
    import dev_recall6 as r6
    from build_context_term import synonym_map

    from cleannews.score._context import get_context_term

    term = get_context_term()
    data = pickle.loads(c8.RECORDS.read_bytes())
    tok = pickle.loads(c8.TOKENS.read_bytes())
    T = d5.Table()
    occ = d5.occurrences(tok, dict(term.syn), 6)
    g = d5.gains(T, occ, r6.MU, r6.BACKOFF)
    readings = dela_readings()
    full = dela_full()
    L = LemmaTable(T, readings)
    lsyn = lemma_candidates(L, synonym_map("AT"))
    n_rec = occ["n_rec"]
    o = lio_occurrences(data, term.t.ids, readings, full, L, lsyn)
    print(f"absent-word occurrences {len(o['lw']):,}; candidates with a form left out "
          f"{(o['excl'][:, :, 0] >= 0).sum():,} of {(o['cand'] >= 0).sum():,}", flush=True)
    feats = {"mean": c7.rec_mean(occ["rec"], g, n_rec)}
    for sd in ("both", "leftcontent", "content"):
        for name, gl in (("lio", lio_gains(L, T, o, r6.MU, sd)),
                         ("plain", lemma_gains(L, T, o, r6.MU, sides=sd))):
            if name == "lio":
                print(f"lio {sd}: checked {int((~np.isnan(gl)).sum()):,}, median "
                      f"{np.nanmedian(gl):.2f}", flush=True)
            for c in SIDE_OFFSETS:
                for hi in SIDE_HIS:
                    x = np.where(np.isnan(gl), np.nan, np.clip(gl - c, -1.0, hi))
                    feats[f"{name}-{sd}-c{c:g}h{hi:g}"] = c8._sum_mean(
                        [(occ["rec"], g), (o["rec"], x)], n_rec)
    B = d5.make_bench(data, tok, feats)
    c7._select(B, r6, d4, list(feats), "leave-inflection-out lemma back-off")
    c8.unguarded(B, list(feats), 12)


def absent() -> None:
    """Why the substitutes of careful 30 % spins that the count table lacks are (not) read by
    the lemma back-off: no noun / adjective / verb reading in DELA, lemma absent from the
    table, lemma seen under ``MIN_COUNT`` times, no synonym lemma, several lemmas, readable;
    with examples."""
    from collections import Counter

    import dev_context4 as d4
    import dev_context5 as d5
    from build_context_term import synonym_map

    from cleannews.score._features import FUNCTION_WORDS

    T = d5.Table()
    r = dela_readings()
    L = LemmaTable(T, r)
    lsyn = lemma_candidates(L, synonym_map("AT"))
    ids = T.t.ids
    data = pickle.loads(c8.RECORDS.read_bytes())
    clean = pickle.loads(c8.CLEAN.read_bytes())
    for src in d4.SOURCES:
        cat: Counter = Counter()
        ex: dict[str, Counter] = {}
        for rec in data[src]:
            if rec["label"] != 1 or rec["mode"] != "careful" or abs(rec["rate"] - 0.3) > 1e-9:
                continue
            base = clean.get(c8._doc_key(rec["id"]) if src != "WV" else rec["id"])
            if base is None:
                continue
            for _pi, _j, _x, y in c8.substitutions(c8._tokens(base), c8._tokens(rec["text"])):
                if y in ids:
                    continue
                lem = r.get(y, set())
                in_l = [x for x in lem if x in L.ids]
                if not y.isalpha() or len(y) < 3 or y in FUNCTION_WORDS:
                    c = "function word / short"
                elif not lem:
                    c = "no DELA noun/adjective/verb reading"
                elif not in_l:
                    c = "lemma absent from the table"
                elif not [x for x in in_l if L.cnt[L.ids[x]] >= MIN_COUNT]:
                    c = f"lemma seen < {MIN_COUNT} times"
                else:
                    ok = [x for x in in_l if L.ids[x] in lsyn]
                    c = ("no synonym lemma" if not ok else "several lemmas" if len(ok) > 1
                         else "readable")
                cat[c] += 1
                ex.setdefault(c, Counter())[y] += 1
        n = sum(cat.values())
        print(f"{src:2s} careful 30 %: {n} absent substitutes: " + ", ".join(
            f"{k} {v / n:.0%}" for k, v in cat.most_common()))
        for c, e in ex.items():
            print(f"   {c}: " + " ".join(w for w, _ in e.most_common(10)))

if __name__ == "__main__":
    {"diagnose": diagnose, "select": select, "grid": grid, "sides": sides,
     "classes": classes, "flips": flips,
     "lio": lio, "absent": absent}[sys.argv[1]]()

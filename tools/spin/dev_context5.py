r"""Development harness of the spin-term5 round: the context term's per-word gain recomputed
in numpy from the documents' token ids, so that smoothing, clipping, prior and synonym
coverage can be swept leave-one-source-out in seconds instead of one package pass each.

    export SPIN_MYTHES_DAT=<thes_fr.dat of Debian mythes-fr> PYTHONPATH=src:tools/spin
    python tools/spin/dev_context5.py tokens          # token ids of every dev_context4 record
    python tools/spin/dev_context5.py check           # numpy gains == the package's (mu 20)
    python tools/spin/dev_context5.py sweep           # variants x constants, LOSO, both thresholds

Records: ``dev_context4.py``'s cache (MyThes V, Wiktionnaire, embedding and pivot spins of
the held-out UD documents, dev negatives, news excerpts, TRAIN real pages, seeds; base
scores without the term) and its register gate values (``gains --syn ship`` of main's
package). Never read: the Apertium source, the negatives' test split, ``fixtures/spin/fresh``.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).parent))

import dev_context4 as d4  # noqa: E402

TOK = Path(os.environ.get("SPIN_CTX5_TOKENS", "/tmp/spin-term5_tokens.pkl"))


def text_ids(text: str, ids: dict[str, int]) -> list[np.ndarray]:
    r"""Per paragraph (``_context._pieces``), the token ids of ``text`` (``-1``: not a table
    word, or punctuation), as ``ContextTerm.analyse`` reads them.

    >>> [p.tolist() for p in text_ids("Le chat.\nDort", {"le": 0, "chat": 1})]
    [[0, 1, -1], [-1]]
    """
    from cleannews.score._context import CONTEXT_BREAK, _pieces, context_tokens, name_tokens

    paras = []
    for _s, para in _pieces(text):
        if not para.strip():
            continue
        read = context_tokens(para)
        toks = [t for t, _ in read]
        row = [-1 if t in CONTEXT_BREAK else ids.get(t, -1) for t in toks]
        for i in name_tokens(para, toks, [a for _, a in read]):  # a name's word (spincap53)
            row[i] = -1
        paras.append(np.array(row, dtype=np.int32))
    return paras


def harness_mean_gain(texts: list[str], term) -> np.ndarray:
    """``mean_gain`` of each text by this harness (numpy), with ``term``'s synonyms and
    constants (``mu``, ``backoff``, ``gain_clip``, ``prior_words``): what the package's
    ``ContextTerm.analyse`` must equal (``tests/test_spin_context_term.py``)."""
    p = term.params
    tok = {"X": [(text_ids(t, term.t.ids), 0.0) for t in texts]}
    occ = occurrences(tok, dict(term.syn), max(len(v) for v in term.syn.values()))
    g = gains(Table(), occ, float(p["mu"]), bool(p.get("backoff", False)))
    return mean_gain(occ, g, tuple(p["gain_clip"]), p["prior_words"])


def build_tokens() -> None:
    """Per record: its paragraphs' token ids (``-1``: not a table word or punctuation), as the
    package's ``ContextTerm.analyse`` reads them, and the register gate of main's package."""
    from cleannews.score._context import get_context_term

    term = get_context_term()
    ids = term.t.ids
    data = pickle.loads(d4.CACHE.read_bytes())
    gains = pickle.loads(d4.CACHE.with_suffix(d4.MAIN_GAINS).read_bytes())
    out = {}
    for key, rows in data.items():
        recs = []
        for r, (_paras, gate) in zip(rows, gains[key], strict=True):
            recs.append((text_ids(r["text"], ids), gate))
        out[key] = recs
        print(f"tokens {key}: {len(recs)}", flush=True)
    TOK.write_bytes(pickle.dumps(out))


class Table:
    """The shipped count table as numpy arrays: counts, and pair counts by sorted key."""

    def __init__(self, blob_path: str = "") -> None:
        from cleannews.score._context import CountTable, get_context_term

        t = get_context_term().t
        if blob_path:
            import gzip

            t = CountTable(gzip.decompress(Path(blob_path).read_bytes()))
        self.t = t
        self.v = len(t.ids)
        self.n = float(t.n)
        self.cnt = np.array(t.counts, dtype=np.float64)
        self.p = self.cnt / self.n
        self.lp = np.log(self.p)
        off = np.array(t.offsets, dtype=np.int64)
        left = np.repeat(np.arange(self.v, dtype=np.int64), np.diff(off))
        self.keys = left * self.v + np.array(t.right, dtype=np.int64)
        from cleannews.score._context import decode_count

        dec = np.array([decode_count(c) for c in range(256)], dtype=np.float64)
        self.pc = dec[np.array(t.codes, dtype=np.int64)]

    def pair(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Counts of the pairs ``a b`` (0 when absent or when either id is -1)."""
        k = a.astype(np.int64) * self.v + b
        j = np.searchsorted(self.keys, k)
        j = np.minimum(j, len(self.keys) - 1)
        hit = (self.keys[j] == k) & (a >= 0) & (b >= 0)
        return np.where(hit, self.pc[j], 0.0)


def occurrences(tok: dict, syn: dict[int, tuple[int, ...]], k: int) -> dict:
    """Every checked word occurrence: record index, paragraph index, word, left, right and
    its candidate matrix (``k`` columns, ``-1`` padded), over the groups of ``tok``."""
    look = np.full(max(max(syn) + 1, 1), -1, dtype=np.int64)
    cand = np.full((len(look), k), -1, dtype=np.int64)
    for w, ss in syn.items():
        look[w] = w
        cand[w, : min(k, len(ss))] = ss[:k]
    rec, par, wd, lt, rt, groups = [], [], [], [], [], {}
    ri = 0
    for key, recs in tok.items():
        start = ri
        for paras, _g in recs:
            for pi, t in enumerate(paras):
                if len(t) == 0:
                    continue
                tt = t.astype(np.int64)
                inb = (tt >= 0) & (tt < len(look))
                chk = np.zeros(len(tt), dtype=bool)
                chk[inb] = look[tt[inb]] >= 0
                pos = np.nonzero(chk)[0]
                if len(pos) == 0:
                    continue
                left = np.where(pos > 0, tt[np.maximum(pos - 1, 0)], -1)
                right = np.where(pos + 1 < len(tt), tt[np.minimum(pos + 1, len(tt) - 1)], -1)
                keep = (left >= 0) | (right >= 0)
                pos, left, right = pos[keep], left[keep], right[keep]
                rec.append(np.full(len(pos), ri))
                par.append(np.full(len(pos), pi))
                wd.append(tt[pos])
                lt.append(left)
                rt.append(right)
            ri += 1
        groups[key] = (start, ri)
    def cat(xs: list) -> np.ndarray:
        return np.concatenate(xs) if xs else np.zeros(0, dtype=np.int64)

    w = cat(wd)
    return {"rec": cat(rec), "par": cat(par), "w": w, "left": cat(lt), "right": cat(rt),
            "cand": cand[w], "groups": groups, "n_rec": ri}


def gains(T: Table, occ: dict, mu: float, backoff: bool = False, best: bool = False):
    """The package's gain (``ContextTerm._para_gains``) of every occurrence, vectorised:
    ``(slot(s*) - log P(s*)) - (slot(w) - log P(w))``, ``s*`` the candidate whose slot is
    largest, slot = ``log P(x | left) + log P(right | x)`` (Dirichlet, ``mu``).

    ``backoff``: a neighbour with which neither the word nor any candidate forms a seen pair
    is read as no neighbour (an unseen context says nothing; with it the slot only compares
    unigram frequencies); an occurrence left with no neighbour gets NaN (not checked).
    ``best``: also return the id of each occurrence's best-fitting candidate ``s*``
    (``ContextTerm._para_gains``' third field), as ``(gains, ids)``."""
    w, left, right, cand = occ["w"], occ["left"], occ["right"], occ["cand"]
    hl, hr = left >= 0, right >= 0
    if backoff:
        xs_all = np.concatenate([w[:, None], cand], axis=1)
        seen_l = np.zeros(len(w), dtype=bool)
        seen_r = np.zeros(len(w), dtype=bool)
        for j in range(xs_all.shape[1]):
            x = xs_all[:, j]
            ok = x >= 0
            seen_l |= ok & (T.pair(left, np.maximum(x, 0)) > 0)
            seen_r |= ok & (T.pair(np.maximum(x, 0), np.maximum(right, 0)) > 0) & hr
        hl, hr = hl & seen_l, hr & seen_r

    def slot(x: np.ndarray) -> np.ndarray:
        xs = np.maximum(x, 0)
        a = np.where(hl, np.log(T.pair(left, xs) + mu * T.p[xs]), T.lp[xs])
        rs = np.maximum(right, 0)
        b = np.where(hr, np.log(T.pair(xs, rs) + mu * T.p[rs]) - np.log(T.cnt[xs] + mu), 0.0)
        return a + b

    sw = slot(w)
    vals = np.stack([np.where(cand[:, j] >= 0, slot(cand[:, j]), -np.inf)
                     for j in range(cand.shape[1])], axis=1)
    j = np.argmax(vals, axis=1)
    s = cand[np.arange(len(w)), j]
    g = (vals[np.arange(len(w)), j] - T.lp[s]) - (sw - T.lp[w])
    g = np.where(hl | hr, g, np.nan)
    return (g, s) if best else g


def mean_gain(occ: dict, g: np.ndarray, clip=(-4.0, 8.0), prior: float = 5.0,
              weight: np.ndarray | None = None) -> np.ndarray:
    """``mean_gain`` per record: clipped gains summed, over (checked words + prior)."""
    ok = ~np.isnan(g)
    c = np.where(ok, np.clip(np.nan_to_num(g), *clip), 0.0)
    wt = ok.astype(np.float64) if weight is None else weight * ok
    tot = np.bincount(occ["rec"], weights=c * wt, minlength=occ["n_rec"])
    n = np.bincount(occ["rec"], weights=wt, minlength=occ["n_rec"])
    return tot / (n + prior)


def ship_syn() -> dict[int, tuple[int, ...]]:
    """Main's synonym ids before this round (``context_synonyms4.txt.gz``: the 4 most frequent
    MyThes-A synonyms seen 10 times; ``mythes_syn`` rebuilds them exactly)."""
    return mythes_syn("A", 4, 10)


def mythes_syn(splits: str, k: int = 4, min_count: int = 10) -> dict[int, tuple[int, ...]]:
    """Synonym ids as ``export_context3.synonym_ids`` chooses them (table words seen
    ``min_count`` times, not function words, the ``k`` most frequent synonyms), from the MyThes
    pairs of ``splits`` (``"A"``: the package's; ``"AT"`` adds the model's training split T;
    never V, a development spinner's).

    >>> sorted(mythes_syn("A")) == sorted(ship_syn())  # doctest: +SKIP
    True
    """
    from build_context_term import synonym_ids, synonym_map

    from cleannews.score._context import get_context_term

    t = get_context_term().t
    return synonym_ids(synonym_map(splits), t.ids, t.counts, k, min_count)


def check() -> None:
    """The vectorised gains equal the package's, record by record (main's gains cache)."""
    tok = pickle.loads(TOK.read_bytes())
    T = Table()
    occ = occurrences(tok, ship_syn(), 4)
    g = gains(T, occ, 20.0)
    ref = pickle.loads(d4.CACHE.with_suffix(d4.MAIN_GAINS).read_bytes())
    flat = np.array([x for key in tok for paras, _g in ref[key] for p in paras for x in p])
    print(f"{len(g):,} occurrences (package {len(flat):,}); max |diff| "
          f"{np.max(np.abs(g - flat)) if len(g) == len(flat) else 'n/a'}")
    # the package's term as shipped (after ``export``) against the frozen column
    from cleannews.score._context import get_context_term

    term = get_context_term()
    if term.params.get("synonyms_file") != FROZEN["synonyms_file"]:
        return
    sp, k, m = FROZEN_SYN.split("-")
    occ = occurrences(tok, mythes_syn(sp, int(k[1:]), int(m[1:])), 6)
    mg = mean_gain(occ, gains(T, occ, FROZEN["mu"], True), tuple(FROZEN["gain_clip"]),
                   FROZEN["prior_words"])
    data = pickle.loads(d4.CACHE.read_bytes())
    texts = [r["text"] for rows in data.values() for r in rows]
    idx = range(0, len(texts), 23)
    diff = max(abs(term.analyse(texts[i])["mean_gain"] - mg[i]) for i in idx)
    print(f"package mean_gain vs frozen column on {len(idx)} records: max |diff| {diff:.2e}")


def make_bench(data: dict, tok: dict, feats: dict[str, np.ndarray]) -> d4.Bench:
    """A ``dev_context4.Bench`` over every record whose feature columns are ``feats``
    (name -> value per record, in ``occurrences`` order), standardised on UD clean."""
    B = object.__new__(d4.Bench)
    B.groups, rows = {}, []
    for key, recs in data.items():
        start = len(rows)
        rows.extend((key, r) for r in recs)
        B.groups[key] = np.arange(start, len(rows))
    B.rows = rows
    B.aggs = tuple(feats)
    B.lg = np.array([d4.logit(r["score"]) for _k, r in rows])
    B.x = np.stack([feats[a] for a in B.aggs], axis=1)
    B.g = np.array([g for key in tok for _p, g in tok[key]])
    clean = B.sel("V", lambda r: r["label"] == 0)
    B.med = np.median(B.x[clean], axis=0)
    B.sd = np.maximum(B.x[clean].std(axis=0), 1e-6)
    B.z = (B.x - B.med) / B.sd
    B.clean = clean
    B.neg = B.groups["NEG"]
    B.neg0 = np.array([i for i in B.neg if d4.half(B.rows[i][1]) == 0])
    B.neg1 = np.array([i for i in B.neg if d4.half(B.rows[i][1]) == 1])
    B.news_b = np.array([i for i in B.groups["NEWS"] if d4.site_half(B.rows[i][1])])
    B.seeds = B.groups["SEEDS"]
    B.style = {}
    for src in (*d4.SOURCES, "RV", "NS"):
        by: dict[str, list[int]] = {}
        for i in B.groups[src]:
            r = B.rows[i][1]
            if r["label"] == 1 and not r.get("partial"):
                rate = {0.2: 0.15}.get(r["rate"], r["rate"])
                by.setdefault(f"{r['mode']}@{rate}", []).append(i)
        B.style[src] = {k: np.array(v) for k, v in by.items()}
    return B


#: The styles the brief names (light and careful spins): the objective is their mean recall.
TARGET = ("careful@0.15", "careful@0.3", "careful_freq@0.3", "naive@0.15")


def target(r: dict, pre: str = "") -> float:
    """Mean recall over ``TARGET`` at one threshold (``pre`` ``""`` or ``"ud:"``)."""
    return float(np.mean([r[pre + k] for k in TARGET]))


def variants(T: Table, tok: dict, syns: dict[str, dict]) -> dict[str, np.ndarray]:
    """``mean_gain`` columns: synonym map x smoothing x backoff x clip x prior."""
    feats = {}
    for sname, syn in syns.items():
        occ = occurrences(tok, syn, max(len(v) for v in syn.values()))
        for mu in MUS:
            for bo in BACKOFF:
                g = gains(T, occ, mu, backoff=bo)
                for lo in CLIP_LO:
                    for hi in CLIP_HI:
                        for prior in PRIORS:
                            name = f"{sname}|mu{mu:g}|bo{int(bo)}|c{lo:g},{hi:g}|p{prior:g}"
                            feats[name] = mean_gain(occ, g, (lo, hi), prior)
        print(f"variants of {sname}: {len(feats)} columns", flush=True)
    return feats


MUS = tuple(float(x) for x in os.environ.get("SPIN_CTX5_MU", "5,10,20,40,80").split(","))
CLIP_LO = tuple(float(x) for x in os.environ.get("SPIN_CTX5_LO", "-4,-2,-1").split(","))
CLIP_HI = tuple(float(x) for x in os.environ.get("SPIN_CTX5_HI", "4,8").split(","))
PRIORS = tuple(float(x) for x in os.environ.get("SPIN_CTX5_PRIOR", "2,5,10").split(","))
#: Extra synonym maps (``SPIN_CTX5_SYN``, e.g. ``AT-k4-m10``: MyThes splits, k, min count).
SYN_VARIANTS = [x for x in os.environ.get("SPIN_CTX5_SYN", "").split(",") if x]
BACKOFF = tuple(x == "1" for x in os.environ.get("SPIN_CTX5_BO", "0,1").split(","))
MAIN_FEAT = "ship|mu20|bo0|c-4,8|p5"


#: ``SPIN_CTX5_W`` / ``SPIN_CTX5_B``: the weights and bases of the grid.
WS = tuple(float(x) for x in os.environ.get("SPIN_CTX5_W", "2,3,4").split(","))
BS = tuple(float(x) for x in os.environ.get("SPIN_CTX5_B", "0.5,1,1.5").split(","))
#: ``SPIN_CTX5_GUARD_ALL=1``: the human guard on ALL dev negatives (both halves), not half 0.
GUARD_ALL = os.environ.get("SPIN_CTX5_GUARD_ALL") == "1"


def constants() -> list[tuple]:
    """Weight x base x gate power x cap, floor -4 (the package's term form)."""
    return [(w, b, ("mul", gp), cap, -4.0) for w in WS for b in BS
            for gp in (1, 2) for cap in (3.0,)]


def sweep() -> None:
    """LOSO over (variant, constants): each fold picks, on the other three sources, the best
    mean ``TARGET`` recall (mean of both thresholds), with no loss at UD clean's threshold
    and the strict human guard (dev negatives half 0: none quarantined, no more suspect or
    above UD clean's 1 % threshold; news half B; TRAIN real pages; seeds) against main."""
    data = pickle.loads(d4.CACHE.read_bytes())
    tok = pickle.loads(TOK.read_bytes())
    T = Table()
    syns = {"ship": ship_syn()}
    for name in SYN_VARIANTS:
        sp, k, m = name.split("-")
        syns[name] = mythes_syn(sp, int(k[1:]), int(m[1:]))
        print(f"{name}: {len(syns[name])} checked words", flush=True)
    feats = variants(T, tok, syns)
    if MAIN_FEAT not in feats:  # main's term, the reference of every guard
        occ = occurrences(tok, syns["ship"], 4)
        feats[MAIN_FEAT] = mean_gain(occ, gains(T, occ, 20.0), (-4.0, 8.0), 5)
    B = make_bench(data, tok, feats)
    main_c = (MAIN_FEAT, *d4.SHIPPED[1:])
    ms = B.scores(main_c)
    none = B.scores(None)
    guard = B.neg if GUARD_ALL else B.neg0
    pk = B.evaluate(ms, "V", guard)
    res = {}
    for f in feats:
        for c in constants():
            cand = (f, *c)
            s = B.scores(cand)
            r = {src: B.evaluate(s, src, guard) for src in d4.SOURCES}
            g = r["V"]
            if (g["negq"] > 0 or g["negs"] > pk["negs"] or g["neg_fp_ud"] > pk["neg_fp_ud"]
                    or g["news_ud"] > pk["news_ud"] or g.get("real_susp", 0) > pk["real_susp"]
                    or g["s003"] < 0.9 or g["smax"] > 0.1):
                continue
            res[cand] = r
    print(f"{len(res)} of {len(feats) * len(constants())} candidates pass the guard", flush=True)
    ship0 = {src: B.evaluate(ms, src, guard) for src in d4.SOURCES}
    summary = []
    for held in d4.SOURCES:
        others = [x for x in d4.SOURCES if x != held]
        floor = np.mean([target(ship0[o], "ud:") for o in others]) - 0.005
        floor_n = np.mean([target(ship0[o]) for o in others]) - 0.005
        pool = {c: v for c, v in res.items()
                if np.mean([target(v[o], "ud:") for o in others]) >= floor
                and np.mean([target(v[o]) for o in others]) >= floor_n}
        best = max(pool, key=lambda c: np.mean([target(pool[c][o]) + target(pool[c][o], "ud:")
                                               for o in others]))
        r0 = B.evaluate(none, held, B.neg1)
        r1 = B.evaluate(ms, held, B.neg1)
        r2 = B.evaluate(B.scores(best), held, B.neg1)
        summary.append((held, best, r0, r1, r2))
        print(f"-- held out {held}: chosen {best}")
        for tag, r in (("none", r0), ("main", r1), ("chosen", r2)):
            print(d4.row(f"{held} {tag}", r))
    for pre, what in (("", "1 % FP of dev negatives"), ("ud:", "1 % FP of UD clean")):
        print(f"== LOSO at {what}: held-out source, c15/c30/cf30/n15, none | main | chosen")
        for held, _best, r0, r1, r2 in summary:
            cells = " | ".join("/".join(f"{r[pre + k]:.3f}" for k in TARGET) for r in (r0, r1, r2))
            print(f"{held:3s} {cells}")
        m = np.mean([[target(a, pre), target(b, pre), target(c, pre),
                      d4.careful(a, pre), d4.careful(b, pre), d4.careful(c, pre)]
                     for _h, _b, a, b, c in summary], axis=0)
        print("LOSO mean of the four styles: none {:.3f} main {:.3f} chosen {:.3f}; "
              "mean careful (spin-context4's figure): none {:.3f} main {:.3f} chosen {:.3f}"
              .format(*m))
    top = sorted(res, key=lambda c: -np.mean([target(res[c][o]) + target(res[c][o], "ud:")
                                             for o in d4.SOURCES]))[:15]
    print("== best 15 on all four sources (mean target @neg/@UD):")
    for c in [main_c, *top]:
        v = res.get(c) or {src: B.evaluate(B.scores(c), src, B.neg0) for src in d4.SOURCES}
        print(f"{c!s:70s} " + " ".join(f"{src}={target(v[src]):.3f}/{target(v[src], 'ud:'):.3f}"
                                      for src in d4.SOURCES))


#: The spin-term5 candidate, NOT shipped (docs/spin-history.md: it breaks pins of
#: ``tests/test_spin_quarantine_kinds.py``); every LOSO fold of ``sweep`` picked it on the
#: other three sources (guard on all dev negatives, ``SPIN_CTX5_GUARD_ALL=1``): MyThes A + T,
#: 6 synonyms, smoothing 40, back-off, clip [-1, 8], a prior of 20 words, ``w = 2``,
#: ``b = 0.5``, gate power 2, cap 3 (``FROZEN_FEAT`` names the ``variants`` column).
FROZEN_SYN = "AT-k6-m10"
FROZEN = {"mu": 40.0, "backoff": True, "gain_clip": [-1.0, 8.0], "prior_words": 20,
          "w": 2.0, "b": 0.5, "gate_power": 2, "cap": 3.0, "max_synonyms": 6,
          "synonyms_file": "context_synonyms_at6.txt.gz"}
FROZEN_FEAT = f"{FROZEN_SYN}|mu40|bo1|c-1,8|p20"
DATA = REPO / "src/cleannews/score/data"


def export() -> None:
    """Package data of the frozen candidate (not shipped; this writes it into the package):
    the synonym ids (``FROZEN_SYN`` on the shipped count table) and ``context_term.json``'s
    constants, median / sd of ``mean_gain`` over the 154 UD clean documents re-measured by
    the package itself."""
    import gzip
    import json

    from cleannews.score import _context

    sp, k, m = FROZEN_SYN.split("-")
    sy = mythes_syn(sp, int(k[1:]), int(m[1:]))
    lines = [f"{w}\t{' '.join(map(str, c))}" for w, c in sorted(sy.items())]
    (DATA / FROZEN["synonyms_file"]).write_bytes(
        gzip.compress(("\n".join(lines) + "\n").encode(), mtime=0))
    path = DATA / "context_term.json"
    params = json.loads(path.read_text(encoding="utf-8"))
    params.update(FROZEN)
    params["about"] = ("spin-term5 candidate (tools/spin/dev_context5.py export): MyThes A+T "
                       "synonyms, back-off, smoothing 40, clip [-1, 8], prior 20; figures in "
                       "docs/spin.md")
    path.write_text(json.dumps(params, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    _context._LOADED.clear()
    term = _context.get_context_term()
    data = pickle.loads(d4.CACHE.read_bytes())
    xs = np.array([term.analyse(r["text"])["mean_gain"] for r in data["V"] if r["label"] == 0])
    params.update(median=float(np.median(xs)), sd=float(xs.std()) or 1.0)
    path.write_text(json.dumps(params, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(sy)} checked words; median {params['median']:.4f} sd {params['sd']:.4f}")


def final() -> None:
    """Main's term and the frozen one on every source and style at both thresholds, and the
    dev negatives per genre (above UD clean's 1 % threshold / quarantined / suspect / n)."""
    data = pickle.loads(d4.CACHE.read_bytes())
    tok = pickle.loads(TOK.read_bytes())
    T = Table()
    sp, k, m = FROZEN_SYN.split("-")
    feats = {}
    occ = occurrences(tok, ship_syn(), 4)
    feats[MAIN_FEAT] = mean_gain(occ, gains(T, occ, 20.0), (-4.0, 8.0), 5)
    syn = mythes_syn(sp, int(k[1:]), int(m[1:]))
    occ = occurrences(tok, syn, 6)
    feats[FROZEN_FEAT] = mean_gain(occ, gains(T, occ, FROZEN["mu"], True),
                                   tuple(FROZEN["gain_clip"]), FROZEN["prior_words"])
    B = make_bench(data, tok, feats)
    runs = (("no term", None), ("main", (MAIN_FEAT, *d4.SHIPPED[1:])),
            ("spin-term5", (FROZEN_FEAT, FROZEN["w"], FROZEN["b"], ("mul", FROZEN["gate_power"]),
                            FROZEN["cap"], -4.0)))
    for pre, what in (("", "1 % FP of the dev negatives"), ("ud:", "1 % FP of UD clean")):
        print(f"== recall at {what}: " + " ".join(d4.KEYS))
        for src in (*d4.SOURCES, "RV"):
            for tag, c in runs:
                r = B.evaluate(B.scores(c), src)
                print(f"{src:3s} {tag:12s} " + " ".join(f"{r[pre + x]:.3f}" for x in d4.KEYS))
    for tag, c in runs:
        sc = B.scores(c)
        r = B.evaluate(sc, "V")
        print(f"{tag}: dev negatives quarantined {r['negq']}, suspect {r['negs']}, above t_UD "
              f"{r['neg_fp_ud']}; news half B above t_UD {r['news_ud']}, above t_neg "
              f"{r['news_neg']}; TRAIN real pages suspect {r.get('real_susp')}; seeds 003 "
              f"{r['s003']:.3f} others <= {r['smax']:.3f}; t_neg {r['t_neg']:.2f} "
              f"t_UD {r['t_ud']:.2f}")
        print("   genres (>t_UD/quarantined/suspect/n):", B.genres(sc))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("tokens", "check", "sweep", "export", "final"))
    args = ap.parse_args(argv)
    if args.what == "tokens":
        build_tokens()
    elif args.what == "check":
        check()
    elif args.what == "sweep":
        sweep()
    elif args.what == "export":
        export()
    elif args.what == "final":
        final()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

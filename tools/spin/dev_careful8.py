r"""Development harness of the spin-careful8 round: where does a careful spin escape the context
term (coverage of the substituted words, common-word substitutes, gate, cap), and does a fix of
the largest gap raise careful / light recall leave-one-source-out at no more human false
positives?

    export PYTHONPATH=src:tools/spin SPIN_UD_DIR=/work/cache/spin-raw/fr-ud \
           SPIN_MYTHES_DAT=/work/cache/spin-raw/mythes/thes_fr.dat
    python tools/spin/dev_careful8.py records    # every record from scratch (~10 min, 2 cores)
    python tools/spin/dev_careful8.py diagnose   # coverage of substituted words, escapes
    python tools/spin/dev_careful8.py report     # = dev_careful7.py report on these records

``records`` builds, on a fresh machine, what ``dev_context.py records`` -> ``dev_context4.py
records`` / ``realpages`` -> ``dev_careful7.py refresh`` built in four steps over earlier
rounds' caches, in one pass into ``SPIN_CAREFUL8_DIR`` (default ``/tmp/spin-careful8``):
``records.pkl`` (``V`` MyThes V spins and the 154 UD clean documents of
``fixtures/spin/validation.jsonl.gz``; ``WV`` Wiktionnaire spins of the same documents,
``loso.spins``; ``E`` / ``P`` the UD population of ``heldout_embedding`` / ``heldout_pivot``
(development sources; the pivot file's other population spins test-split negatives and is
skipped unread); ``NEG`` every dev-split record of ``fixtures/spin/negatives*.jsonl.gz``;
``NEWS`` the strip_real TRAIN news excerpts; ``REAL`` the TRAIN French pages' content lines;
``SEEDS``), each scored by the package WITHOUT the context term, ``tokens.pkl`` (token ids and
register gate per record, ``dev_careful7.refresh``'s format) and ``clean.pkl`` (the clean text
each spin was made from, for the alignment of ``diagnose``). Never read: the Apertium source,
the negatives' test split, ``fixtures/spin/fresh``.
"""

from __future__ import annotations

import difflib
import gzip
import json
import os
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).parent))

OUT = Path(os.environ.get("SPIN_CAREFUL8_DIR", "/tmp/spin-careful8"))
RECORDS = OUT / "records.pkl"
TOKENS = OUT / "tokens.pkl"
CLEAN = OUT / "clean.pkl"
SEEDS_DIR = Path(os.environ.get("SPIN_SEEDS", "/work/shared/seeds"))
KEEP = ("id", "label", "mode", "rate", "partial", "genre", "source", "site", "text")


def _doc_key(rec_id: str) -> str:
    """The UD document a fixture record was spun from: its id up to the style suffix.

    >>> _doc_key("UD_French-GSD:fr-ud-dev:4:emb:naive:0.15")
    'UD_French-GSD:fr-ud-dev:4'
    >>> _doc_key("UD_French-GSD:fr-ud-dev:4:naive:0.1")
    'UD_French-GSD:fr-ud-dev:4'
    """
    parts = rec_id.split(":")
    return ":".join(parts[:3])


def build_records() -> None:
    """Every record set of the module docstring, scored without the term, with token ids."""
    import dev_context5 as d5
    from build_dataset import doc_split
    from common import read_ud_documents
    from loso import read_wiktionary, spins
    from train import read_jsonl

    import cleannews
    from cleannews.config import CleanConfig
    from cleannews.evaluate import read_corpus
    from cleannews.score._context import get_context_term

    OUT.mkdir(parents=True, exist_ok=True)
    sets: dict[str, list[dict]] = {}
    clean: dict[str, str] = {}
    sets["V"] = read_jsonl(REPO / "fixtures/spin/validation.jsonl.gz")
    for r in sets["V"]:
        if r["label"] == 0:
            clean[_doc_key(r["id"])] = r["text"]
    docs = read_ud_documents()
    val_docs = [d for d in docs if doc_split(d["id"]) == "val"]
    sets["WV"] = [dict(r, label=1) for r in spins(val_docs, "wiktionary:eval", read_wiktionary())]
    for d in val_docs:
        clean.setdefault(d["id"], d["text"])
    for key, name in (("E", "heldout_embedding"), ("P", "heldout_pivot")):
        rows = []
        with gzip.open(REPO / f"fixtures/spin/{name}.jsonl.gz", "rt", encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                if r.get("population", "ud") != "ud" or r.get("partial"):
                    continue
                rows.append(r)
        sets[key] = rows
    neg = []
    for p in sorted((REPO / "fixtures/spin").glob("negatives*.jsonl.gz")):
        with gzip.open(p, "rt", encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                if r.get("split") == "dev":  # never the test split
                    neg.append({"id": r["id"], "label": 0, "mode": "clean", "rate": 0.0,
                                "genre": r.get("genre"), "source": r.get("source"),
                                "text": r["text"]})
    sets["NEG"] = neg
    import fit3

    sets["NEWS"] = fit3.news_train_excerpts()
    real = []
    for rec, _doc, labelled in read_corpus(REPO / "fixtures/strip_real", splits=("train",)):
        if rec["lang"] == "fr":
            real.append({"id": rec["id"], "site": rec.get("site"), "label": 0,
                         "text": "\n".join(lb.text for lb in labelled if lb.content)})
    sets["REAL"] = real
    sets["SEEDS"] = [{"id": p.name, "text": p.read_text(encoding="utf-8"), "label": 0,
                      "mode": "seed"} for p in sorted(SEEDS_DIR.glob("*.txt"))]
    off = CleanConfig(spin_context=False)
    term = get_context_term()
    data, tok = {}, {}
    t0 = time.time()
    for key, rows in sets.items():
        out, recs = [], []
        for r in rows:
            s = cleannews.spin_score(r["text"], off)
            if key == "REAL" and s.label in ("insufficient", "unsupported_language"):
                continue
            row = {k: r.get(k) for k in KEEP}
            row["score"] = s.score
            out.append(row)
            recs.append((d5.text_ids(r["text"], term.t.ids), term.analyse(r["text"])["gate"]))
        data[key], tok[key] = out, recs
        print(f"{key}: {len(out)} records, {time.time() - t0:.0f} s", flush=True)
    data["RV"], data["NS"], tok["RV"], tok["NS"] = [], [], [], []
    RECORDS.write_bytes(pickle.dumps(data))
    TOKENS.write_bytes(pickle.dumps(tok))
    CLEAN.write_bytes(pickle.dumps(clean))


#: Words a careful spinner re-agrees (articles, determiners, contractions): not substitutes.
AGREEMENT = frozenset("le la les l' un une des du de d' au aux ce cet cette ces son sa ses mon ma "
                      "mes ton ta tes leur leurs notre votre nos vos nouveau nouvel vieux vieil "
                      "beau bel qu' que".split())


def _tokens(text: str) -> list[list[str]]:
    """Per non-blank piece (as the term reads it), the count table's tokens."""
    from cleannews.score._context import CONTEXT_TOKEN, _pieces

    out = []
    for _s, para in _pieces(text):
        if para.strip():
            low = para.lower().replace("’", "'").replace("ʼ", "'")
            out.append(["<num>" if t[0].isdigit() else t for t in CONTEXT_TOKEN.findall(low)])
    return out


def substitutions(clean: list[list[str]], spun: list[list[str]]):
    """``(paragraph, position, original, substitute)`` of the one-for-one replacements of
    content words between a clean document's tokens and its spin's (paragraphs paired in
    order; a replace block of equal length, determiners re-agreed by the spinner left out).

    >>> list(substitutions([["le", "projet", "de", "loi"]], [["le", "dessein", "de", "loi"]]))
    [(0, 1, 'projet', 'dessein')]
    """
    for pi, (a, b) in enumerate(zip(clean, spun, strict=False)):
        sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op != "replace" or i2 - i1 != j2 - j1:
                continue
            for k in range(i2 - i1):
                x, y = a[i1 + k], b[j1 + k]
                if x in AGREEMENT or y in AGREEMENT or not y[0].isalpha():
                    continue
                yield pi, j1 + k, x, y


def diagnose() -> None:
    """Coverage of the substituted words of careful spins by the shipped term (``_para_gains``
    of the package), the gains of substitutes against kept words, and why the careful spins
    missed at 1 % FP of UD clean / of the dev negatives escape (floor, gate, cap, small term)."""
    import dev_careful7 as c7
    import dev_context4 as d4
    import dev_context5 as d5
    import dev_recall6 as r6
    from build_context_term import synonym_map

    from cleannews.score._context import get_context_term

    term = get_context_term()
    ids, cnt, syn = term.t.ids, term.t.counts, term.syn
    data = pickle.loads(RECORDS.read_bytes())
    clean = pickle.loads(CLEAN.read_bytes())
    tok = pickle.loads(TOKENS.read_bytes())
    th = {w for w, ss in synonym_map("AT").items() if ss}
    from cleannews.score._features import FUNCTION_WORDS

    styles = ("careful@0.15", "careful@0.3", "careful_freq@0.3", "naive@0.15")
    for src in d4.SOURCES:
        for style in styles:
            mode, rate = style.split("@")
            cat: Counter = Counter()
            gs, kept, sub_cnt = [], [], []
            oov_ex: Counter = Counter()
            nosyn_ex: Counter = Counter()
            band: list[list[float]] = [[], [], []]  # checked substitutes seen <100, <1000, more
            for r in data[src]:
                if r["label"] != 1 or r["mode"] != mode or abs(
                        {0.2: 0.15}.get(r["rate"], r["rate"]) - float(rate)) > 1e-9:
                    continue
                base = clean.get(_doc_key(r["id"]) if src != "WV" else r["id"])
                if base is None:
                    cat["no clean text"] += 1
                    continue
                sp = _tokens(r["text"])
                subs = {(pi, j): (x, y) for pi, j, x, y in substitutions(_tokens(base), sp)}
                for pi, toks in enumerate(sp):
                    tid = [ids.get(t) for t in toks]
                    got = {i: g for i, g, _s in term._para_gains(tid)}
                    for j in range(len(toks)):
                        if (pi, j) in subs:
                            _x, y = subs[(pi, j)]
                            if y not in ids:
                                c = "not in count table"
                                oov_ex[y] += 1
                            elif ids[y] not in syn:
                                if y in FUNCTION_WORDS or len(y) < 3:
                                    c = "function word / short"
                                elif y in th:
                                    c = "synonyms too rare / word count < 10"
                                else:
                                    c = "no MyThes A+T synonym"
                                    nosyn_ex[y] += 1
                            elif j not in got:
                                c = "no neighbour (backed off)"
                            else:
                                c = "checked"
                                gs.append(got[j])
                                band[min(2, int(np.log10(max(cnt[ids[y]], 1)) // 1) - 1
                                         if cnt[ids[y]] >= 100 else 0)].append(got[j])
                            cat[c] += 1
                            if y in ids:
                                sub_cnt.append(cnt[ids[y]])
                        elif j in got:
                            kept.append(got[j])
            n = sum(v for k, v in cat.items() if k != "no clean text")
            gs_a, kept_a = np.array(gs), np.array(kept)
            print(f"{src:2s} {style:16s} {n:5d} substitutes: " + ", ".join(
                f"{k} {v / max(n, 1):.0%}" for k, v in cat.most_common()))
            if len(gs_a):
                print(f"   checked substitutes: median gain {np.median(gs_a):.2f}, > 2 nats "
                      f"{(gs_a > 2).mean():.0%}, > 0 {(gs_a > 0).mean():.0%}; kept checked "
                      f"words median {np.median(kept_a):.2f}, > 2 {(kept_a > 2).mean():.0%}; "
                      f"substitutes seen >= 1000x {(np.array(sub_cnt) >= 1000).mean():.0%}")
                print("   checked substitutes by count (<100 / 100-999 / >=1000): share "
                      + " / ".join(f"{len(b) / len(gs_a):.0%}" for b in band) + ", median gain "
                      + " / ".join(f"{np.median(b):.2f}" if b else "-" for b in band)
                      + ", > 2 nats " + " / ".join(f"{np.mean(np.array(b) > 2):.0%}" if b
                                                    else "-" for b in band))
            if style == "careful@0.3":
                print("   oov e.g.", " ".join(w for w, _ in oov_ex.most_common(15)))
                print("   no synonym e.g.", " ".join(w for w, _ in nosyn_ex.most_common(15)))
    # why the missed careful spins escape
    occ = d5.occurrences(tok, dict(syn), 6)
    g = d5.gains(d5.Table(), occ, r6.MU, r6.BACKOFF)
    B = d5.make_bench(data, tok, {"mean": c7.rec_mean(occ["rec"], g, occ["n_rec"])})
    sc = B.scores(r6.SHIPPED)
    z = B.zfeat("mean")
    term_raw = np.minimum(3.0, 2.0 * np.maximum(0, z - 0.5))
    gated = term_raw * (1 - B.g) ** 2
    n_chk = np.bincount(occ["rec"], weights=(~np.isnan(g)).astype(float), minlength=occ["n_rec"])
    r0 = B.evaluate(sc, "V", B.neg)
    for pre, t in (("UD clean", r0["t_ud"]), ("dev negatives", r0["t_neg"])):
        print(f"missed careful 15/30 % spins at 1 % FP of {pre} (threshold {t:.2f}):")
        for src in d4.SOURCES:
            idx = np.concatenate([B.style[src][k] for k in ("careful@0.15", "careful@0.3")])
            miss = idx[sc[idx] <= t]
            lg = B.lg[miss]
            below = lg < -4.0
            capped = (term_raw[miss] >= 3.0) & ~below
            gate_cut = (term_raw[miss] - gated[miss] > 0.5) & ~below
            need = t - lg
            small = ~below & (term_raw[miss] < need) & ~capped
            print(f"  {src:2s} missed {len(miss)} of {len(idx)}: base logit < floor -4 "
                  f"{below.mean():.0%}; term 0 {((term_raw[miss] == 0) & ~below).mean():.0%}; "
                  f"capped at 3 {capped.mean():.0%}; gate takes > 0.5 {gate_cut.mean():.0%}; "
                  f"ungated term short of the threshold {small.mean():.0%}; median base logit "
                  f"{np.median(lg):.2f}, need {np.median(need):.2f}, median term "
                  f"{np.median(gated[miss]):.2f}, median z {np.median(z[miss]):.2f}, median "
                  f"checked words {np.median(n_chk[miss]):.0f}")
    cl = B.clean
    print(f"UD clean: median z {np.median(z[cl]):.2f}, median checked {np.median(n_chk[cl]):.0f}")


def oov_occurrences(data: dict, ids: dict, cnt, syn_words: dict[str, set[str]], k: int = 6,
                    min_count: int = 10, max_count: int = 0) -> dict:
    """Occurrences of words the shipped term cannot check because the count table lacks them
    (``max_count`` 0) or has them fewer than ``min_count`` times (``max_count`` > 0: words
    seen 1..max_count times), but that have MyThes A+T synonyms seen ``min_count`` times: record,
    paragraph, count of the word (0: absent), left / right neighbour ids (-1: none) and the
    ``k`` most frequent synonyms' ids (``-1`` padded), in ``tokens.pkl``'s record order."""
    from cleannews.score._features import FUNCTION_WORDS

    cache: dict[str, tuple] = {}

    def cands(w: str) -> tuple:
        c = cache.get(w)
        if c is None:
            i = ids.get(w)
            c0 = 0 if i is None else cnt[i]
            if ((max_count == 0 and i is not None) or (max_count and not 0 < c0 <= max_count)
                    or len(w) < 3 or not w.isalpha() or w in FUNCTION_WORDS):
                c = ()
            else:
                c = tuple(sorted(ids[x] for x in syn_words.get(w, ()) if x in ids
                                 and cnt[ids[x]] >= min_count)[:k])
                c = (c0, c) if c else ()
            cache[w] = c
        return c

    rec, par, c0s, lt, rt, cd = [], [], [], [], [], []
    ri = 0
    for _key, rows in data.items():
        for r in rows:
            for pi, toks in enumerate(_tokens(r["text"])):
                tid = [-1 if t not in ids else ids[t] for t in toks]
                for j, t in enumerate(toks):
                    c = cands(t)
                    if not c:
                        continue
                    rec.append(ri)
                    par.append(pi)
                    c0s.append(c[0])
                    lt.append(tid[j - 1] if j else -1)
                    rt.append(tid[j + 1] if j + 1 < len(toks) else -1)
                    cd.append(list(c[1]) + [-1] * (k - len(c[1])))
            ri += 1
    return {"rec": np.array(rec, dtype=np.int64), "par": np.array(par, dtype=np.int64),
            "c0": np.array(c0s, dtype=np.float64), "left": np.array(lt, dtype=np.int64),
            "right": np.array(rt, dtype=np.int64),
            "cand": np.array(cd, dtype=np.int64).reshape(-1, k), "n_rec": ri}


def oov_gains(T, occ: dict, mu: float, c_floor: float = 1.0) -> np.ndarray:
    """The shipped gain for a word read with count ``max(count, c_floor)`` and no seen pair
    (``dev_context5.gains`` with back-off: a side counts when some candidate was seen there):
    ``(slot(s*) - log P(s*)) - (slot(w) - log P(w))`` where, the word's pairs being unseen,
    ``slot(w) - log P(w) = [left] log mu + [right] (log(mu P(right)) - log(c + mu))``.
    NaN: no side left."""
    left, right, cand = occ["left"], occ["right"], occ["cand"]
    c = np.maximum(occ["c0"], c_floor)
    hl, hr = left >= 0, right >= 0
    seen_l = np.zeros(len(left), dtype=bool)
    seen_r = np.zeros(len(left), dtype=bool)
    for j in range(cand.shape[1]):
        x = cand[:, j]
        ok = x >= 0
        seen_l |= ok & (T.pair(left, np.maximum(x, 0)) > 0) & hl
        seen_r |= ok & (T.pair(np.maximum(x, 0), np.maximum(right, 0)) > 0) & hr
    hl, hr = seen_l, seen_r
    rs = np.maximum(right, 0)

    def slot(x: np.ndarray) -> np.ndarray:
        xs = np.maximum(x, 0)
        a = np.where(hl, np.log(T.pair(left, xs) + mu * T.p[xs]), T.lp[xs])
        b = np.where(hr, np.log(T.pair(xs, rs) + mu * T.p[rs]) - np.log(T.cnt[xs] + mu), 0.0)
        return a + b

    vals = np.stack([np.where(cand[:, j] >= 0, slot(cand[:, j]), -np.inf)
                     for j in range(cand.shape[1])], axis=1)
    j = np.argmax(vals, axis=1)
    s = cand[np.arange(len(left)), j]
    sw = np.where(hl, np.log(mu), 0.0) + np.where(
        hr, np.log(mu * T.p[rs]) - np.log(c + mu), 0.0)
    g = (vals[np.arange(len(left)), j] - T.lp[s]) - sw
    return np.where(hl | hr, g, np.nan)


def _sum_mean(parts: list[tuple[np.ndarray, np.ndarray]], n_rec: int, clip=(-1.0, 8.0),
              prior: float = 20.0) -> np.ndarray:
    """``dev_careful7.rec_mean`` over the union of several occurrence sets ``(rec, gain)``."""
    tot = np.zeros(n_rec)
    n = np.zeros(n_rec)
    for rec, g in parts:
        ok = ~np.isnan(g)
        tot += np.bincount(rec, weights=np.where(ok, np.clip(np.nan_to_num(g), *clip), 0.0),
                           minlength=n_rec)
        n += np.bincount(rec, weights=ok.astype(float), minlength=n_rec)
    return tot / (n + prior)


def oov() -> None:
    """The coverage lever: words the shipped term cannot check (absent from the count table,
    or seen under 10 times) but with MyThes A+T synonyms, checked with the shipped gain (the
    word's count floored), added to the mean (``oovX``), or as a second feature averaged with
    it (``mean+oovX``); guarded LOSO selection over ``w`` x ``b`` (``dev_careful7._select``)."""
    import dev_careful7 as c7
    import dev_context4 as d4
    import dev_context5 as d5
    import dev_recall6 as r6
    from build_context_term import synonym_map

    from cleannews.score._context import get_context_term

    term = get_context_term()
    data = pickle.loads(RECORDS.read_bytes())
    tok = pickle.loads(TOKENS.read_bytes())
    T = d5.Table()
    occ = d5.occurrences(tok, dict(term.syn), 6)
    g = d5.gains(T, occ, r6.MU, r6.BACKOFF)
    syn_words = synonym_map("AT")
    feats = {"mean": c7.rec_mean(occ["rec"], g, occ["n_rec"])}
    o_abs = oov_occurrences(data, term.t.ids, term.t.counts, syn_words)
    o_rare = oov_occurrences(data, term.t.ids, term.t.counts, syn_words, max_count=9)
    assert o_abs["n_rec"] == occ["n_rec"]
    print(f"absent-word occurrences {len(o_abs['rec']):,}, rare-word {len(o_rare['rec']):,}, "
          f"checked now {int((~np.isnan(g)).sum()):,}", flush=True)
    for cf in (0.5, 1.0, 3.0):
        ga = oov_gains(T, o_abs, r6.MU, cf)
        gr = oov_gains(T, o_rare, r6.MU, cf)
        feats[f"abs{cf:g}"] = _sum_mean([(occ["rec"], g), (o_abs["rec"], ga)], occ["n_rec"])
        feats[f"both{cf:g}"] = _sum_mean([(occ["rec"], g), (o_abs["rec"], ga),
                                          (o_rare["rec"], gr)], occ["n_rec"])
        feats[f"onlyabs{cf:g}"] = _sum_mean([(o_abs["rec"], ga)], occ["n_rec"])
        print(f"c_floor {cf}: absent-word gains median {np.nanmedian(ga):.2f}, checked "
              f"{np.mean(~np.isnan(ga)):.0%}", flush=True)
    B = d5.make_bench(data, tok, feats)
    cols = [*feats, *[f"mean+{f}" for f in feats if f.startswith("onlyabs")]]
    c7._select(B, r6, d4, cols, "oov")


def unguarded(B, cols: list[str], top: int = 12) -> None:
    """The best ``(feature, w, b)`` by mean careful recall at both thresholds over all four
    sources, whatever the guard, with the guard's figures (negatives quarantined / suspect /
    above UD clean's threshold, news half B above it, TRAIN real pages suspect): how far each
    candidate is from admissible."""
    import dev_careful7 as c7
    import dev_context4 as d4
    import dev_recall6 as r6

    rows = []
    for f in cols:
        for w in c7.WS:
            for b in c7.BS:
                c = (f, w, b, ("mul", 2), 3.0, -4.0)
                rr = [B.evaluate(B.scores(c), src, B.neg) for src in d4.SOURCES]
                m = (np.mean([r6._careful(r, "") for r in rr]),
                     np.mean([r6._careful(r, "ud:") for r in rr]))
                q = rr[0]
                rows.append((m[0] + m[1], c[:3], m, (q["negq"], q["negs"], q["neg_fp_ud"],
                                                     q["news_ud"], q.get("real_susp"))))
    for _o, c, m, q in sorted(rows, key=lambda x: -x[0])[:top]:
        print(f"  {c!s:32s} {m[0]:.3f} / {m[1]:.3f}  guard q/s/>tUD/news/real {q}")


def attested_sides(T, occ: dict) -> np.ndarray:
    """Per checked occurrence, how many of its two adjacent pairs (left word, right word) the
    count table has seen (0, 1 or 2): a writer's word is usually attested beside its
    neighbours, a spinner's substitute less often (careful spins: 25-34 % of the checked
    substitutes unattested on both sides, 9-10 % of the kept words)."""
    w, left, right = occ["w"], occ["left"], occ["right"]
    al = (left >= 0) & (T.pair(np.maximum(left, 0), w) > 0)
    ar = (right >= 0) & (T.pair(w, np.maximum(right, 0)) > 0)
    return al.astype(np.int64) + ar.astype(np.int64)


def attest() -> None:
    """The per-word lever: the shipped gain plus ``a`` nats when the word is attested with
    neither neighbour, minus ``c`` when with both (``att{a},{c}``), mean as shipped; guarded
    LOSO selection over ``w`` x ``b`` (``dev_careful7._select``)."""
    import dev_careful7 as c7
    import dev_context4 as d4
    import dev_context5 as d5
    import dev_recall6 as r6

    from cleannews.score._context import get_context_term

    data = pickle.loads(RECORDS.read_bytes())
    tok = pickle.loads(TOKENS.read_bytes())
    T = d5.Table()
    occ = d5.occurrences(tok, dict(get_context_term().syn), 6)
    g = d5.gains(T, occ, r6.MU, r6.BACKOFF)
    n_att = attested_sides(T, occ)
    feats = {"mean": c7.rec_mean(occ["rec"], g, occ["n_rec"])}
    for a in ATT_A:
        for c in ATT_C:
            x = g + a * (n_att == 0) - c * (n_att == 2)
            feats[f"att{a:g},{c:g}"] = c7.rec_mean(occ["rec"], x, occ["n_rec"])
    B = d5.make_bench(data, tok, feats)
    c7._select(B, r6, d4, list(feats), "attest")
    unguarded(B, list(feats))


def occurrence_labels(data: dict, tok: dict, occ: dict) -> np.ndarray:
    """Per checked occurrence of ``occ`` (``dev_context5.occurrences`` order): 1 when the
    word is a substitute of its spin (``substitutions`` against the clean document), 0
    otherwise (kept words of spins, every word of human records), -1 for spins without a
    clean text. Positions are rebuilt as ``occurrences`` walks the token ids."""
    clean = pickle.loads(CLEAN.read_bytes())
    syn_keys = np.zeros(int(occ["cand"].shape[0] and occ["w"].max() + 1), dtype=bool)
    syn_keys[occ["w"]] = True
    out = []
    for key, recs in tok.items():
        for r, (paras, _g) in zip(data[key], recs, strict=True):
            subs: set = set()
            known = True
            if r.get("label") == 1 and key in ("V", "WV", "E", "P"):
                base = clean.get(r["id"] if key == "WV" else _doc_key(r["id"]))
                if base is None:
                    known = False
                else:
                    subs = {(pi, j) for pi, j, _x, _y in
                            substitutions(_tokens(base), _tokens(r["text"]))}
            for pi, t in enumerate(paras):
                if len(t) == 0:
                    continue
                tt = t.astype(np.int64)
                for j in range(len(tt)):
                    w = tt[j]
                    if w < 0 or w >= len(syn_keys) or not syn_keys[w]:
                        continue
                    lt = tt[j - 1] if j else -1
                    rt = tt[j + 1] if j + 1 < len(tt) else -1
                    if lt < 0 and rt < 0:
                        continue
                    out.append(-1 if not known else int((pi, j) in subs))
    return np.array(out, dtype=np.int64)


def word_features(T, occ: dict, g: np.ndarray, s: np.ndarray) -> np.ndarray:
    """Per checked occurrence: clipped gain, its positive part over 2 nats, attested sides
    (none / both), log count of the word and of its best synonym, and whether one side backed
    off: the inputs of the per-word substitute model (``wordmodel``)."""
    n_att = attested_sides(T, occ)
    gc = np.clip(np.nan_to_num(g), -1.0, 8.0)
    one_side = ((occ["left"] < 0) | (occ["right"] < 0)).astype(float)
    return np.stack([gc, np.maximum(gc - 2.0, 0.0), (n_att == 0).astype(float),
                     (n_att == 2).astype(float), np.log(T.cnt[occ["w"]]),
                     np.log(T.cnt[s]), one_side], axis=1)


def wordmodel() -> None:
    """A per-word substitute model fitted per fold: logistic regression on ``word_features``
    of the careful spins' checked words of the other three sources (substitute vs kept,
    from the alignment), its log-odds averaged per document (clip, prior 20) as the term's
    feature, chosen against the shipped mean by the guarded LOSO selection (each fold reads
    only its own fit's column)."""
    import dev_careful7 as c7
    import dev_context4 as d4
    import dev_context5 as d5
    import dev_recall6 as r6
    from sklearn.linear_model import LogisticRegression

    from cleannews.score._context import get_context_term

    data = pickle.loads(RECORDS.read_bytes())
    tok = pickle.loads(TOKENS.read_bytes())
    T = d5.Table()
    occ = d5.occurrences(tok, dict(get_context_term().syn), 6)
    g, sbest = d5.gains(T, occ, r6.MU, r6.BACKOFF, best=True)
    ok = ~np.isnan(g)
    lab = occurrence_labels(data, tok, occ)
    assert len(lab) == len(g), (len(lab), len(g))
    X = word_features(T, occ, g, sbest)
    rec_key = np.empty(occ["n_rec"], dtype=object)
    rec_mode = np.empty(occ["n_rec"], dtype=object)
    for key, (a, b) in occ["groups"].items():
        rec_key[a:b] = key
        rec_mode[a:b] = [r.get("mode") for r in data[key]]
    okey, omode = rec_key[occ["rec"]], rec_mode[occ["rec"]]
    feats = {"mean": c7.rec_mean(occ["rec"], g, occ["n_rec"])}
    for held in d4.SOURCES:
        fit = ok & (lab >= 0) & np.isin(okey, [x for x in d4.SOURCES if x != held]) & (
            omode == "careful")
        m = LogisticRegression(C=1.0, class_weight="balanced", max_iter=500).fit(
            X[fit], lab[fit])
        z = X @ m.coef_[0] + m.intercept_[0]
        print(f"fold {held}: {fit.sum():,} words, {lab[fit].mean():.1%} substitutes, coef "
              + " ".join(f"{c:.2f}" for c in m.coef_[0]), flush=True)
        for lo in (-3.0, -1.0):
            feats[f"lo{lo:g}_{held}"] = c7.rec_mean(occ["rec"], np.where(ok, z, np.nan),
                                                    occ["n_rec"], clip=(lo, 3.0))
    B = d5.make_bench(data, tok, feats)
    for held in d4.SOURCES:
        cols = ["mean", f"lo-3_{held}", f"lo-1_{held}"]
        c7._select(B, r6, d4, cols, f"wordmodel, fit without {held} (read the 'held out' "
                   f"line of {held} only)")
        unguarded(B, cols, 4)


def word_offsets(T, syn: dict, mu: float, k: float) -> np.ndarray:
    """Per word id, its mean clipped gain in human text (the UD documents of the training half,
    ``build_dataset.doc_split``, never the 154 validation documents whose spins are scored),
    shrunk toward 0 with ``k`` pseudo-occurrences: how much a word's slot favours a synonym
    when a French writer chose it (a fixed expression of a synonym with a frequent neighbour,
    "valeur absolue" for "valeur entière")."""
    import dev_context5 as d5
    from build_dataset import doc_split
    from common import read_ud_documents

    docs = [d for d in read_ud_documents() if doc_split(d["id"]) == "train"]
    tok = {"UD": [(d5.text_ids(d["text"], T.t.ids), 0.0) for d in docs]}
    occ = d5.occurrences(tok, syn, 6)
    g = d5.gains(T, occ, mu, True)
    ok = ~np.isnan(g)
    v = len(T.cnt)
    tot = np.bincount(occ["w"][ok], weights=np.clip(g[ok], -1.0, 8.0), minlength=v)
    n = np.bincount(occ["w"][ok], minlength=v)
    print(f"word offsets from {len(docs)} UD training documents: {int(ok.sum()):,} checked "
          f"occurrences of {int((n > 0).sum()):,} words", flush=True)
    return tot / (n + k)


def offsets() -> None:
    """The per-word calibration lever: each checked word's gain minus its mean gain in human
    text (``word_offsets``, shrinkage ``k``), mean as shipped; guarded LOSO selection."""
    import dev_careful7 as c7
    import dev_context4 as d4
    import dev_context5 as d5
    import dev_recall6 as r6

    from cleannews.score._context import get_context_term

    data = pickle.loads(RECORDS.read_bytes())
    tok = pickle.loads(TOKENS.read_bytes())
    T = d5.Table()
    syn = dict(get_context_term().syn)
    occ = d5.occurrences(tok, syn, 6)
    g = d5.gains(T, occ, r6.MU, r6.BACKOFF)
    feats = {"mean": c7.rec_mean(occ["rec"], g, occ["n_rec"])}
    for k in (2.0, 5.0, 20.0):
        off = word_offsets(T, syn, r6.MU, k)
        for a in (0.5, 1.0):
            feats[f"off{k:g}x{a:g}"] = c7.rec_mean(occ["rec"], g - a * off[occ["w"]],
                                                   occ["n_rec"])
    B = d5.make_bench(data, tok, feats)
    c7._select(B, r6, d4, list(feats), "offsets")
    unguarded(B, list(feats), 8)


ATT_A = tuple(float(x) for x in os.environ.get("SPIN_CAREFUL8_A", "0,0.5,1,2,3").split(","))
ATT_C = tuple(float(x) for x in os.environ.get("SPIN_CAREFUL8_C", "0,0.5,1,2").split(","))


if __name__ == "__main__":
    {"records": build_records, "diagnose": diagnose, "oov": oov,
     "attest": attest, "wordmodel": wordmodel,
     "offsets": offsets}[sys.argv[1]]()

"""Development diagnosis of fr-r45-0005 (spinfp54): how often the context term's evidence kind
holds, on the development validation set and on the page, under variants of its statistic.

    PYTHONPATH=src:. python tools/spin/dev_fp54.py            # shipped, trims, clips
    PYTHONPATH=src:. python tools/spin/dev_fp54.py --wb 1 0.5  # Witten-Bell-like smoothing

"Holds" is the rule of ``_decision._decide_once``: at least ``CONTEXT_TERM_MIN`` without the
best word(s), over at least ``CONTEXT_TERM_MIN_WORDS`` checked words, under the register gate.
Variants: ``trimK`` (without the K best words), ``trim5%`` (5 % of the checked words, rounded
up), ``clipH`` (gains clipped at H instead of 8), and ``--wb K``: the Dirichlet prior of a
neighbour row is ``max(mu, K x its number of distinct continuations)`` (Witten-Bell-like:
a left word with many continuations leaves more mass to unseen pairs), with the median and
sd re-centred on the 154 clean validation documents. Only development data is read
(``fixtures/spin/validation.jsonl.gz``, the TRAIN page).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import statistics
from collections import defaultdict
from pathlib import Path

from cleannews.evaluate import read_corpus
from cleannews.score._context import get_kind_term
from cleannews.score._decision import CONTEXT_TERM_MIN, CONTEXT_TERM_MIN_WORDS

ROOT = Path(__file__).resolve().parents[2]
VALID = ROOT / "fixtures/spin/validation.jsonl.gz"
PAGE = "fr-r45-0005"


def page_text(page_id: str = PAGE) -> str:
    """The content lines of a TRAIN page, as ``tests/test_spin_real_news.py`` scores them."""
    for rec, _doc, labelled in read_corpus(ROOT / "fixtures/strip_real", ("train",)):
        if rec["id"] == page_id:
            return "\n".join(lb.text for lb in labelled if lb.content)
    raise KeyError(page_id)


def slot(t, x: int, left: int | None, right: int | None, k: float) -> float:
    """``ContextTerm._slot`` with each row's prior ``max(mu, k x distinct continuations)``
    (``k = 0``: the shipped slot, up to a constant)."""
    off = t.t.offsets

    def cond(a: int, b: int) -> float:
        mu = max(t.mu, k * (off[a + 1] - off[a]))
        return math.log(t.t.pair_ids(a, b) + mu * t.p[b]) - math.log(t.cnt[a] + mu)

    s = cond(left, x) if left is not None else t.lp[x]
    return s + (cond(x, right) if right is not None else 0.0)


def gains(t, text: str, k: float) -> tuple[list[float], float]:
    """``(gains of the checked words, register gate)`` of ``text`` (``ContextTerm._word``)."""
    pieces, style = t._reading(text)
    out = []
    for *_p, tid in pieces:
        tid = [None if x == t.none else x for x in tid]
        for i, x in enumerate(tid):
            if x is None or x not in t.syn:
                continue
            left = tid[i - 1] if i else None
            right = tid[i + 1] if i + 1 < len(tid) else None
            if left is None and right is None:
                continue
            best, sb = max((slot(t, s, left, right, k), s) for s in t.syn[x])
            out.append((best - t.lp[sb]) - (slot(t, x, left, right, k) - t.lp[x]))
    return out, t.gate(style, text.count("\n") + 1)


def kind_term(g: list[float], gate: float, p: dict, drop: int = 1, hi: float | None = None,
              centre: tuple[float, float] | None = None) -> float:
    """The kind statistic without the ``drop`` best gains (0.0 under the word minimum)."""
    if len(g) < CONTEXT_TERM_MIN_WORDS:
        return 0.0
    lo, top = p["gain_clip"]
    top = top if hi is None else hi
    med, sd = centre or (p["median"], p["sd"])
    rest = sorted(g, reverse=True)[drop:]
    z = (sum(max(lo, min(top, v)) for v in rest) / (len(rest) + p["prior_words"]) - med) / sd
    t = min(p["cap"], p["w"] * max(0.0, z - p["b"]))
    return t * max(0.0, 1.0 - gate) ** p["gate_power"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wb", type=float, nargs="*", help="Witten-Bell-like factors K")
    args = ap.parse_args()
    t = get_kind_term()
    p = t.params
    recs = [json.loads(line) for line in gzip.open(VALID, "rt", encoding="utf-8")]
    page = page_text()
    for k in args.wb or [0.0]:
        scored = [(r, *gains(t, r["text"], k)) for r in recs]
        centre = None
        if k:
            clean = [sum(max(p["gain_clip"][0], min(p["gain_clip"][1], v)) for v in g)
                     / (len(g) + p["prior_words"]) for r, g, _ in scored if r["mode"] == "clean"]
            centre = (statistics.median(clean), statistics.pstdev(clean))
        variants = {"shipped": {}} if k else {
            "shipped": {}, "trim2": {"drop": 2}, "trim5%": {"drop": None},
            "clip6": {"hi": 6.0}, "clip5": {"hi": 5.0}}
        held: dict = defaultdict(lambda: defaultdict(list))
        for r, g, gate in scored:
            key = r["mode"] if r["mode"] == "clean" else f'{r["mode"]}@{r["rate"]}'
            for name, kw in variants.items():
                kw = dict(kw, drop=kw.get("drop", 1) or max(1, math.ceil(0.05 * len(g) - 1e-9)))
                kt = kind_term(g, gate, p, centre=centre, **kw)
                held[name][key].append(kt >= CONTEXT_TERM_MIN)
        g, gate = gains(t, page, k)
        print(f"K={k} centre={centre} page {PAGE}: n={len(g)}, without its best word "
              f"{kind_term(g, gate, p, centre=centre):.3f}")
        for name, rows in held.items():
            print(f"  {name:8s} " + "  ".join(f"{key}={sum(v) / len(v):.3f}"
                                             for key, v in sorted(rows.items())))


if __name__ == "__main__":
    main()

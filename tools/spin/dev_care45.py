r"""Development study of round 34's careful-spin round (issue 11, helper care45): which
substitutes of a careful spin carry signal, how the context term's per-word gains are best
aggregated, where the decision rules hold careful spins, and what the "rarity only amplifies"
cap costs them. Reads the records of ``dev_spin38.py`` (build them first: ``records``, and
``real`` once for the TRAIN pages' records); development data only (the four development
spinner sources V, WV, E, P, UD clean, the dev negatives, the French TRAIN pages).

    export PYTHONPATH=src:tools/spin SPIN_UD_DIR=/work/cache/spin-raw/fr-ud \
           SPIN_MYTHES_DAT=/work/cache/spin-raw/mythes/thes_fr.dat SPIN38_DIR=/tmp/spin38
    python tools/spin/dev_spin38.py records && python tools/spin/dev_spin38.py real
    python tools/spin/dev_care45.py labels        # labels, holds, 0.5-0.9 careful spins
    python tools/spin/dev_care45.py substitutes   # WV substitutes: what sees them
    python tools/spin/dev_care45.py aggregation   # AUC of aggregations of the term's gains
    python tools/spin/dev_care45.py rarity        # the rarity cap: loss, levers, 3 thresholds
    python tools/spin/dev_care45.py holds         # why the context kind did not free held spins

Never read: the Apertium source, the negatives' test split, ``fixtures/spin/fresh``.
"""

from __future__ import annotations

import json
import statistics
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from dev_careful8 import _doc_key
from dev_spin38 import (
    REPO,
    SOURCES,
    STYLES,
    _in,
    lever_logits,
    load,
    real_pages,
    recall_table,
)
from validate import threshold_at_fp

#: Styles whose labels ``labels`` counts (mode, rates; V's light rate is 0.2).
LABEL_STYLES = (("careful", (0.15, 0.2)), ("careful", (0.3,)), ("careful_freq", (0.3,)))
#: A per-word gain above this (nats) is a clear misfit; at or under 0 the word fits.
CLEAR_GAIN = 2.0


def auc(pos: list[float], neg: list[float]) -> float:
    """Probability that a value of ``pos`` exceeds one of ``neg`` (ties count half).

    >>> auc([3, 4], [1, 2]), auc([1], [1]), auc([1, 3], [2])
    (1.0, 0.5, 0.5)
    """
    both = sorted([(x, 1) for x in pos] + [(x, 0) for x in neg])
    rank_sum, i = 0.0, 0
    while i < len(both):
        j = i
        while j < len(both) and both[j][0] == both[i][0]:
            j += 1
        rank_sum += (i + j + 1) / 2 * sum(lab for _x, lab in both[i:j])
        i = j
    return (rank_sum - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def substitute_class(gain: float | None, rare: bool) -> str:
    """What sees one substitute: the context term (``gain`` of the word, None when the term
    does not check it) and the rare-word / rare-synonym evidence (``rare``).

    >>> substitute_class(None, False), substitute_class(3.1, False), substitute_class(0.4, True)
    ('unchecked', 'gain>2', 'gain0-2+rare')
    """
    cls = ("unchecked" if gain is None else f"gain>{CLEAR_GAIN:g}" if gain > CLEAR_GAIN
           else "gain0-2" if gain > 0 else "gain<=0")
    return cls + ("+rare" if rare else "")


def _gains(r: dict) -> list[float]:
    return [g for _o, g in r["words"]]


def _clip(g: float, lo: float = -1.0, hi: float = 8.0) -> float:
    return max(lo, min(hi, g))


#: Aggregations of a document's per-word gains (``r``: the record, ``g``: its gains).
AGGREGATIONS = {
    "shipped: mean clip [-1, 8], prior 20": lambda r, g: sum(map(_clip, g)) / (len(g) + 20),
    "mean clip [0, 8], prior 20": lambda r, g: sum(_clip(x, 0) for x in g) / (len(g) + 20),
    "sum clip [-1, 8] / document words": lambda r, g: sum(map(_clip, g)) / r["n_words"],
    "sum clip [0, 8] / document words": lambda r, g: sum(_clip(x, 0) for x in g) / r["n_words"],
    "words gain > 1 / document words": lambda r, g: sum(x > 1 for x in g) / r["n_words"],
    "words gain > 2 / (checked + 20)": lambda r, g: sum(x > CLEAR_GAIN for x in g) / (len(g) + 20),
    "words gain in (0, 2] / (checked + 20)":
        lambda r, g: sum(0 < x <= CLEAR_GAIN for x in g) / (len(g) + 20),
    "max gain": lambda r, g: max(g, default=0.0),
    "mean of the 3 largest": lambda r, g: sum(sorted(g, reverse=True)[:3]) / 3,
    "without the best word": lambda r, g: (sum(map(_clip, g)) - max(map(_clip, g), default=0.0))
    / (len(g) + 20),
}


def _group(recs: list[dict], mode: str, rates: tuple) -> list[dict]:
    return [r for r in recs if r["set"] in SOURCES and _in(r, r["set"], mode, rates)]


def labels() -> None:
    recs = load()
    t_ud = threshold_at_fp([r["signals"]["logit"] for r in recs if r["set"] == "UD"])
    print(f"careful spins of V, WV, E, P: labels; held by the two-kinds rule (rule_adjustment < 0,"
          f" with 0 / 1 kind present); above UD clean's 1 % threshold ({t_ud:.2f})")
    for mode, rates in LABEL_STYLES:
        g = _group(recs, mode, rates)
        held = [r for r in g if r["signals"].get("rule_adjustment", 0.0) < 0]
        kinds = Counter(int(r["signals"].get("kinds_present", 0)) for r in held)
        print(f"  {mode} {rates[0]}: n {len(g)}, {dict(Counter(r['label'] for r in g))}, held "
              f"{len(held)} (kinds present {dict(kinds)}), per source suspect "
              f"{dict(Counter(r['set'] for r in g if r['label'] == 'suspect'))}, above t_UD "
              f"{sum(r['signals']['logit'] > t_ud for r in g)}")


def substitutes() -> None:
    recs = load()
    for rates in ((0.15, 0.2), (0.3,)):
        tot = Counter()
        for r in _group(recs, "careful", rates):
            if r["set"] != "WV":
                continue
            gain, rare = dict(r["words"]), set(r["rare"])
            tot.update(substitute_class(gain.get(a), a in rare) for a in r["subs"])
        n = sum(tot.values())
        print(f"WV careful {rates[0]}: {n} substitutes: "
              + ", ".join(f"{k} {v / n:.2f}" for k, v in sorted(tot.items())))


def aggregation() -> None:
    recs, pages = load(), real_pages()
    ud = [r for r in recs if r["set"] == "UD"]
    neg = [r for r in recs if r["set"] == "NEG"]
    c15, cf30 = _group(recs, "careful", (0.15, 0.2)), _group(recs, "careful_freq", (0.3,))
    clean = {_doc_key(r["id"]): r for r in ud}
    print("AUC, careful 15 % (V, WV, E, P) vs UD clean / TRAIN pages / dev negatives; careful_freq"
          " 30 % vs UD clean; per source vs UD clean; share of spins above their own clean doc")
    for name, f in AGGREGATIONS.items():
        def v(rs, f=f):
            return [f(r, _gains(r)) for r in rs]
        per = " ".join(f"{s} {auc(v([r for r in c15 if r['set'] == s]), v(ud)):.2f}"
                       for s in SOURCES)
        paired = statistics.mean(f(r, _gains(r)) > f(c, _gains(c))
                                 for r in c15 for c in (clean[_doc_key(r["id"])],))
        print(f"  {name:40s} {auc(v(c15), v(ud)):.3f} / {auc(v(c15), v(pages)):.3f} / "
              f"{auc(v(c15), v(neg)):.3f}  {auc(v(cf30), v(ud)):.3f}  ({per})  {paired:.3f}")


def _rarity_raw(r: dict, model: dict) -> float:
    """The rarity kind's contribution before the "rarity only amplifies" cap (one feature,
    ``rare_word_share``, clipped at the model's ``feature_cap``)."""
    i = model["features"].index("rare_word_share")
    d = (r["signals"]["rare_word_share"] - model["base"][i]) / model["scale"][i]
    return min(model["feature_cap"], model["coef"][i] * max(0.0, d))


def _others(r: dict) -> float:
    s = r["signals"]
    return s["kind.grammar"] + s["kind.lexical"] + s["kind.context"]


def _rarity_levers(model: dict) -> dict:
    """Rarity caps to compare: new rarity contribution from the record (and its raw one)."""
    raw = _rarity_raw
    return {
        "shipped: max(0.5, others)": None,
        "max(1.0, others)": lambda r: min(raw(r, model), max(1.0, _others(r))),
        "max(1.5, others)": lambda r: min(raw(r, model), max(1.5, _others(r))),
        "max(0.5, 1.5 x others)": lambda r: min(raw(r, model), max(0.5, 1.5 * _others(r))),
        "max(0.5, 2 x others)": lambda r: min(raw(r, model), max(0.5, 2 * _others(r))),
        "max(0.5, others, raw / 2)": lambda r: min(raw(r, model),
                                                   max(0.5, _others(r), raw(r, model) / 2)),
        # the candidate tried in the package (``rarity_limit``, not shipped): half of its own
        # next to a lexical kind (proxy: lexical above SINGLE_TOKEN_MAX, i.e. 2+ tokens)
        "max(0.5, others, raw / 2 if lexical kind)": lambda r: min(raw(r, model), max(
            0.5, _others(r), raw(r, model) / 2 if r["signals"]["kind.lexical"] > 0.5 else 0.0)),
        "uncapped (reference)": lambda r: raw(r, model),
    }


def _recall_at(recs: list[dict], logits: list[float], t: float, mode: str, rates: tuple) -> float:
    """Mean over the four sources' pooled spins of ``mode`` / ``rates``: share above ``t``."""
    v = [x for r, x in zip(recs, logits, strict=True)
         if r["set"] in SOURCES and _in(r, r["set"], mode, rates)]
    return sum(x > t for x in v) / len(v)


def rarity() -> None:
    recs, pages = load(), real_pages()
    model = json.loads((REPO / "src/cleannews/score/data/model.json").read_text())
    t_ud = threshold_at_fp([r["signals"]["logit"] for r in recs if r["set"] == "UD"])
    print("rarity lost to the cap (mean raw - kept, share losing > 0.1):")
    groups = {"missed careful 15": [r for r in _group(recs, "careful", (0.15, 0.2))
                                    if r["signals"]["logit"] <= t_ud],
              "caught careful 15": [r for r in _group(recs, "careful", (0.15, 0.2))
                                    if r["signals"]["logit"] > t_ud],
              "UD clean": [r for r in recs if r["set"] == "UD"],
              "dev negatives": [r for r in recs if r["set"] == "NEG"],
              "TRAIN pages": pages}
    for k, g in groups.items():
        loss = [_rarity_raw(r, model) - r["signals"]["kind.rarity"] for r in g]
        raw = statistics.mean(_rarity_raw(r, model) for r in g)
        print(f"  {k:18s} n {len(g):5d}  raw {raw:.2f}"
              f"  kept {statistics.mean(r['signals']['kind.rarity'] for r in g):.2f}  loss "
              f"{statistics.mean(loss):.2f}  {sum(x > 0.1 for x in loss) / len(g):.2f}")
    rows = recs + pages
    print("mean recall of V, WV, E, P at 1 % FP of TRAIN pages: " + " ".join(
        f"{m} {int(rs[0] * 100)}" for m, rs in STYLES) + " | of UD clean: careful 15 / 30, naive 15"
          " | of dev negatives: careful 15 / 30 | dev negatives above t_real, t_UD, suspect")
    for name, new in _rarity_levers(model).items():
        extra = None if new is None else (lambda r, new=new: new(r) - r["signals"]["kind.rarity"])
        logits = lever_logits(rows, extra=extra)
        spun, page = logits[: len(recs)], logits[len(recs):]
        t = threshold_at_fp(page)
        tab = recall_table(recs, spun)
        cells = [f"{_recall_at(recs, spun, t, m, rs):.3f}" for m, rs in STYLES]
        above = sum(x > t for r, x in zip(recs, spun, strict=True) if r["set"] == "NEG")
        print(f"  {name:42s} t {t:+.2f} {' '.join(cells)} | "
              f"{tab[('mean', 'careful', 0.15)][0]:.3f} {tab[('mean', 'careful', 0.3)][0]:.3f} "
              f"{tab[('mean', 'naive', 0.15)][0]:.3f} | {tab[('mean', 'careful', 0.15)][1]:.3f} "
              f"{tab[('mean', 'careful', 0.3)][1]:.3f} | {above}, {tab['neg_above_t_ud']}, "
              f"{tab['neg_suspect']}")


def hold_reason(a: dict, kparams: dict) -> str:
    """Why the context term's evidence kind (``_decision``) did not count for a document held
    by the two-kinds rule: ``a`` is ``get_kind_term().analyse(text, always_gate=False)``.

    >>> p = {"gain_clip": [-1.0, 8.0], "prior_words": 20, "median": 0.3, "sd": 0.25, "w": 2.0,
    ...      "b": 0.5, "cap": 3.0, "gate_power": 2}
    >>> hold_reason({"n": 3, "term": 2.0}, p), hold_reason({"n": 9, "term": 0.4}, p)
    ('fewer than 8 checked words', 'term under 1.0')
    >>> hold_reason({"n": 9, "term": 1.2, "mean_gain": 0.5, "best": (8.0,), "gate": 0.0}, p)
    'term under 1.0 without its best word'
    """
    from cleannews.score._decision import (
        CONTEXT_TERM_MIN,
        CONTEXT_TERM_MIN_WORDS,
        term_without_best,
    )

    if a.get("n", 0) < CONTEXT_TERM_MIN_WORDS:
        return f"fewer than {CONTEXT_TERM_MIN_WORDS} checked words"
    if a.get("term", 0.0) < CONTEXT_TERM_MIN:
        return f"term under {CONTEXT_TERM_MIN}"
    if term_without_best(a, kparams) < CONTEXT_TERM_MIN:
        return f"term under {CONTEXT_TERM_MIN} without its best word"
    return "a kind, but supported logit + term under the bar"


def holds() -> None:
    from dev_spin38 import read_sets

    from cleannews.score._context import get_kind_term, kind_params

    held = {(r["set"], r["id"], r["mode"], r["rate"]) for r in load() if r["set"] in SOURCES
            and r["mode"] == "careful" and r["signals"].get("rule_adjustment", 0.0) < 0}
    kt, kp = get_kind_term(), kind_params()
    reasons: Counter = Counter()
    for name, rows in read_sets().items():
        for t in rows:
            if (name, t["id"], t.get("mode"), t.get("rate")) in held:
                reasons[hold_reason(kt.analyse(t["text"], always_gate=False), kp)] += 1
    print(f"{len(held)} careful spins (every rate) held just under the quarantine score: "
          + ", ".join(f"{k} {v}" for k, v in reasons.most_common()))


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "labels"
    {"labels": labels, "substitutes": substitutes, "aggregation": aggregation,
     "rarity": rarity, "holds": holds}[cmd]()

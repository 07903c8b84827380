r"""Development harness of spin-neg6: the enlarged negatives **dev** split and ``DECIDED_LOGIT``.

    export SPIN_QUAR_CACHE=/tmp/spin-neg6_cache/rec.pkl
    PYTHONPATH=src:tools/spin python tools/spin/dev_quarantine.py records \
        mythes,wiktionary,embedding,pivot,correct_french,slips,seeds
    PYTHONPATH=src:tools/spin python tools/spin/dev_negatives6.py records  # the dev negatives
    PYTHONPATH=src:tools/spin python tools/spin/dev_negatives6.py rates    # per genre, labels
    PYTHONPATH=src:tools/spin python tools/spin/dev_negatives6.py rule     # DECIDED_LOGIT

Development data only: the negatives' ``dev`` split (never ``test``), the development
spinner sources of ``dev_quarantine.py`` and its human sets. ``rule`` applies the rule
written down before the enlarged dev split was scored (``RULE`` below, also in
``docs/spin-data.md``) and then measures what candidate bars cost in spin recall.

    >>> round(tail_bound([3.0, 2.0, 1.0, 0.0], n_all=1000, k=4, rate=0.001), 3)
    2.773
"""

from __future__ import annotations

import math
import pickle
import sys
from collections import defaultdict

import dev_quarantine as dq

RULE = """\
H = human development documents whose evidence suffices (dev_quarantine's lift population),
s = their supported logit; N = all human development documents of those sets.
1. M = max(H) + DECIDED_MARGIN (1.5).
2. T = u + b * ln(k / (0.001 * N)): exponential tail over the k = min(30, |H|) highest s
   (u = k-th highest, b = mean excess of the k-1 above u): the logit above which 0.1 % of
   all human documents are expected (a fifth of the 0.5 % per-genre target).
3. DECIDED_LOGIT = max(M, T), rounded up to 0.1.
4. Fallback: if that is >= logit(0.9) (the quarantine score), no lift (DECIDED_LOGIT =
   logit(0.9)). Spin recall is measured afterwards; it does not move the bar."""

#: Rule constants (``RULE``).
MARGIN = 1.5
TAIL_K = 30
TAIL_RATE = 0.001
Q_LOGIT = math.log(0.9 / 0.1)


def tail_bound(scores: list[float], n_all: int, k: int = TAIL_K, rate: float = TAIL_RATE
               ) -> float:
    """The logit above which a fraction ``rate`` of ``n_all`` documents is expected, from an
    exponential tail fitted to the ``k`` highest ``scores`` (threshold = the k-th highest,
    scale = mean excess of the others over it).

    >>> round(tail_bound([5.0, 1.0], n_all=20, k=2, rate=0.05), 3)   # 1 + 4 ln 2
    3.773
    """
    top = sorted(scores, reverse=True)[:k]
    k = len(top)
    u = top[-1]
    b = sum(s - u for s in top[:-1]) / max(1, k - 1)
    return u + b * math.log(k / (rate * n_all))


def load() -> dict:
    """The cached records, with the v7 dev negatives folded into ``negatives_dev``."""
    from train import read_negatives

    data = dq._load()
    for key in sorted(k for k in data if k.startswith("negatives_dev6")):
        data["negatives_dev"] = data.get("negatives_dev", []) + data.pop(key)
    # only the documents of the current dev split (a cache may hold dropped ones), once each
    current = {r["id"] for r in read_negatives("dev")}
    seen: set[str] = set()
    rows = []
    for r in data.get("negatives_dev", []):
        if r["id"] in current and r["id"] not in seen:
            seen.add(r["id"])
            rows.append(r)
    data["negatives_dev"] = rows
    return data


def records() -> None:
    """Score the dev negatives not yet in the cache (``negatives_dev6``)."""
    from train import read_negatives

    data = load()
    have = {r["id"] for r in data.get("negatives_dev", [])}
    keys = ("id", "label", "mode", "rate", "genre", "source")
    rows = []
    for r in read_negatives("dev"):
        if r["id"] in have:
            continue
        row = {k: r.get(k) for k in keys}
        row.update(dq.components(r["text"]))
        rows.append(row)
    n = sum(1 for _ in dq.CACHE.parent.glob(dq.CACHE.stem + ".negatives_dev6*.pkl"))
    key = "negatives_dev6" + (f"_{n}" if n else "")
    path = dq.CACHE.with_suffix(f".{key}.pkl")
    path.write_bytes(pickle.dumps({key: rows}))
    print(f"scored {len(rows)} new dev negatives -> {path}")


def rates(data: dict) -> None:
    """The package's labels on the dev negatives, per genre ."""
    by: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in data["negatives_dev"]:
        for g in (r["genre"], "all"):
            by[g][r["spin_label"]] += 1
    print("| genre | dev docs | scored | quarantined | suspect |")
    print("|---|---:|---:|---:|---:|")
    for g, c in sorted(by.items()):
        n = sum(c.values())
        scored = n - c["insufficient"] - c["unsupported_language"]
        print(f"| {g} | {n} | {scored} | {c['spun']} ({c['spun'] / max(1, scored):.2%}) | "
              f"{c['suspect']} ({c['suspect'] / max(1, scored):.2%}) |")


def humans(data: dict) -> tuple[list[tuple], int]:
    """``(supported logit, set, genre, id, how)`` of every human development document whose
    evidence suffices, highest first, and the number of human documents."""
    base = {**dq.shipped(), "decided_logit": -math.inf}
    out = []
    n = 0
    for name in dq.HUMAN_SETS + dq.SOURCES:
        for r in data.get(name, []):
            if r.get("label") != 0 or (name == "seeds" and r["id"].startswith("003")):
                continue
            n += 1
            st = dq.state(r, **base)
            if st["enough"]:
                out.append((round(st["supported"], 3), name, r.get("genre"), r["id"], st["how"]))
    out.sort(reverse=True)
    return out, n


def rule(data: dict) -> None:
    """Apply ``RULE``, then report the spins' quarantine rates at candidate bars."""
    from cleannews.score._decision import DECIDED_LOGIT

    print(RULE)
    h, n_all = humans(data)
    s = [x[0] for x in h]
    print(f"\n{len(h)} of {n_all} human development documents have sufficient evidence")
    qs = sorted(s)
    for q in (0.5, 0.9, 0.99):
        print(f"  quantile {q}: {qs[min(len(qs) - 1, int(q * len(qs)))]:.3f}")
    print("  highest:")
    for x in h[:12]:
        print("   ", x)
    by_genre: dict[str, list[float]] = defaultdict(list)
    for x in h:
        by_genre[x[2] or x[1]].append(x[0])
    for g, v in sorted(by_genre.items()):
        print(f"  {g:14s} n={len(v):4d} max={max(v):.3f}")
    m = s[0] + MARGIN
    t = tail_bound(s, n_all)
    bar = math.ceil(max(m, t) * 10) / 10
    print(f"\nM = {s[0]:.3f} + {MARGIN} = {m:.3f}; T = {t:.3f}; bar = {bar:.1f}"
          f" (shipped {DECIDED_LOGIT}); fallback {'YES' if bar >= Q_LOGIT else 'no'}")
    for dl in sorted({DECIDED_LOGIT, bar, 1.5, 2.0, None}, key=lambda x: (x is None, x)):
        t_ = dq.table(data, {**dq.shipped(), "decided_logit": dl})
        dq.print_table(t_, f"decided_logit {dl} (None: no lift)")
        print("dev negatives quarantined per genre:",
              {g: f"{q}/{n}" for g, (q, n) in t_["genres"].items() if q})
        print("checks:", t_["checks"])


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "rates"
    if cmd == "records":
        records()
        return 0
    data = load()
    if cmd == "rates":
        rates(data)
    elif cmd == "rule":
        rule(data)
    else:
        raise SystemExit(__doc__)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

r"""Development measure of round 35 (neg48, issue 11 item 4): the threshold at 1 % FP of the
negatives' dev split and what it gives, for two code trees (before / after a change).

    export SPIN_UD_DIR=/work/cache/spin-raw/fr-ud \
           SPIN_MYTHES_DAT=/work/cache/spin-raw/mythes/thes_fr.dat PYTHONPATH=tools/spin:tests:.
    SRC=/tmp/old/src python tools/spin/dev_neg48.py records /tmp/neg48/old.pkl  # ~5 min each
    SRC=src          python tools/spin/dev_neg48.py records /tmp/neg48/new.pkl
    python tools/spin/dev_neg48.py table /tmp/neg48/old.pkl /tmp/neg48/new.pkl

``records`` scores (through ``SRC``'s package, imported first) the negatives' **dev** split,
the naive and careful 15 % (V: 20 %) and 30 % spins of the four development sources V, WV, E,
P (``dev_spin38.read_sets``) and the French TRAIN pages' content lines. ``table`` prints the
threshold, recall at it per style and source, the "spun" label's recall, the dev negatives
not clean / over the threshold per genre, the TRAIN pages suspect / spun, and the labels
that moved. Never read: the negatives' test split, the Apertium source, ``fixtures/spin/fresh``.
"""

from __future__ import annotations

import os
import pickle
import statistics
import sys
from collections import Counter

#: The styles measured: (mode, rate name, rates) — V's light rate is 0.2.
STYLES = (("naive", "15", (0.15, 0.2)), ("naive", "30", (0.3,)),
          ("careful", "15", (0.15, 0.2)), ("careful", "30", (0.3,)))


def _scorer():
    """``score_text`` with the default config, from ``SRC``'s package (imported before
    ``dev_spin47`` puts this tree's ``src`` first on the path)."""
    sys.path.insert(0, os.environ.get("SRC", "src"))
    from cleannews.config import DEFAULT_CONFIG
    from cleannews.score import score_text

    return lambda text: score_text(text, DEFAULT_CONFIG)


def record_rows(sets: dict, plain: tuple[str, ...] = ("NEG",)) -> list[tuple[str, dict]]:
    """``(set name, record)`` of the sets ``plain`` whole, the spins of ``STYLES`` of every
    development source and the French TRAIN pages' content lines (``REAL``)."""
    from dev_spin47 import SOURCES

    from _helpers import train_pages

    rows = [(name, r) for name in plain for r in sets[name]]
    rows += [(s, r) for s in SOURCES for r in sets[s]
             if any(r["mode"] == m and float(r["rate"]) in rs for m, _n, rs in STYLES)]
    rows += [("REAL", {"id": rec["id"],
                       "text": "\n".join(lb.text for lb in lab if lb.content)})
             for rec, _doc, lab in train_pages() if rec["lang"] == "fr"]
    return rows


def score_rows(score, rows: list[tuple[str, dict]], keep_text: bool = False) -> list[dict]:
    """Each scored row's set, id, mode, rate, genre, label, logit and signals (and its text
    with ``keep_text``); rows the package does not score (no logit) are left out."""
    out = []
    for name, r in rows:
        s = score(r["text"])
        if "logit" in s.signals:
            out.append({"set": name, "id": r["id"], "mode": r.get("mode"), "rate": r.get("rate"),
                        "genre": r.get("genre"), "label": s.label, "logit": s.signals["logit"],
                        "signals": dict(s.signals)} | ({"text": r["text"]} if keep_text else {}))
    return out


def build_records(path: str) -> None:
    score = _scorer()
    from dev_spin38 import read_sets

    out = score_rows(score, record_rows(read_sets()))
    with open(path, "wb") as f:
        pickle.dump(out, f)


def summary(recs: list[dict]) -> dict:
    """The figures of one code tree's records (see the module docstring)."""
    from dev_spin47 import SOURCES
    from validate import threshold_at_fp

    neg = [r for r in recs if r["set"] == "NEG"]
    t = threshold_at_fp([r["logit"] for r in neg])
    out: dict = {"t": t}
    for mode, name, rates in STYLES:
        per = [[r for r in recs if r["set"] == s and r["mode"] == mode and r["rate"] in rates]
               for s in SOURCES]
        out[mode + name] = ([sum(r["logit"] > t for r in v) for v in per],
                            statistics.mean(sum(r["logit"] > t for r in v) / len(v) for v in per),
                            statistics.mean(sum(r["label"] == "spun" for r in v) / len(v)
                                            for v in per),
                            sum(r["label"] != "clean" for v in per for r in v))
    genres: dict[str, list[int]] = {}
    for r in neg:
        g = genres.setdefault(r["genre"], [0, 0, 0])
        g[0] += r["label"] != "clean"
        g[1] += r["logit"] > t
        g[2] += 1
    out["genres"] = genres
    real = [r for r in recs if r["set"] == "REAL"]
    t_real = threshold_at_fp([r["logit"] for r in real])
    for key, bar in (("at_real", t_real), ("at_both", max(t, t_real))):
        out[key] = (bar, [statistics.mean(
            sum(r["logit"] > bar for r in recs if r["set"] == s and r["mode"] == mode
                and r["rate"] in rates) / max(1, sum(r["set"] == s and r["mode"] == mode
                                                     and r["rate"] in rates for r in recs))
            for s in SOURCES) for mode, _n, rates in STYLES])
    out["real"] = real_labels(real)
    return out


def real_labels(real: list[dict]) -> tuple[int, int, int]:
    """``(suspect, spun, n)`` of the TRAIN pages' records ``real``."""
    return (sum(r["label"] == "suspect" for r in real),
            sum(r["label"] == "spun" for r in real), len(real))


def table(old_path: str, new_path: str) -> None:
    with open(old_path, "rb") as f:
        old = pickle.load(f)
    with open(new_path, "rb") as f:
        new = pickle.load(f)
    a, b = summary(old), summary(new)
    print(f"threshold at 1 % FP of the dev negatives: {a['t']:.3f} -> {b['t']:.3f}")
    for mode, name, _rates in STYLES:
        (pa, ra, sa, na), (pb, rb, sb, nb) = a[mode + name], b[mode + name]
        print(f"{mode} {name} %: recall {ra:.3f} ({'/'.join(map(str, pa))}) -> {rb:.3f} "
              f"({'/'.join(map(str, pb))}); 'spun' {sa:.3f} -> {sb:.3f}; not clean {na} -> {nb}")
    for g in sorted(a["genres"]):
        print(f"  {g:12s} not clean / over t of n: {a['genres'][g]} -> {b['genres'][g]}")
    print("TRAIN pages suspect / spun of n:", a["real"], "->", b["real"])
    for key, what in (("at_real", "the TRAIN pages' 1 % FP"), ("at_both", "the higher of both")):
        print(f"recall n15 n30 c15 c30 at {what}: ", " -> ".join(
            f"t {x[0]:.3f} " + " ".join(f"{v:.3f}" for v in x[1]) for x in (a[key], b[key])))
    print("labels moved:", dict(moved_labels(old, new)))


def moved_labels(old: list[dict], new: list[dict], human: tuple[str, ...] = ("NEG", "REAL"),
                 shown: tuple[str, ...] = ("REAL",)) -> Counter:
    """``(set or "spin", old label, new label)`` → records whose label moved between two code
    trees' records; each moved record of a set in ``shown`` is printed with its logits."""
    before = {(r["set"], r["id"], r["mode"], r["rate"]): r for r in old}
    moved: Counter = Counter()
    for r in new:
        o = before.get((r["set"], r["id"], r["mode"], r["rate"]))
        if o is not None and o["label"] != r["label"]:
            kind = r["set"] if r["set"] in human else "spin"
            moved[(kind, o["label"], r["label"])] += 1
            if kind in shown:
                print("  ", kind, r["id"], o["label"], "->", r["label"],
                      f"{o['logit']:.2f} -> {r['logit']:.2f}")
    return moved


if __name__ == "__main__":
    {"records": lambda: build_records(sys.argv[2]),
     "table": lambda: table(sys.argv[2], sys.argv[3])}[sys.argv[1]]()

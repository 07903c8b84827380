r"""Development check of the spin-ship5 round through the package (``cleannews.spin_score``):
quarantined / "suspect" / clean per development set, spin style and rate, and ranking recall
of careful spins at 1 % FP (of the dev negatives and of clean UD documents), for the code on
``PYTHONPATH`` (run it once with this tree's ``src`` and once from a checkout of main).

    PYTHONPATH=src:tools/spin python tools/spin/dev_ship5.py score OUT.pkl SET,SET  # shards
    PYTHONPATH=<main>/src:tools/spin python tools/spin/dev_ship5.py score MAIN.pkl SET,SET
    python tools/spin/dev_ship5.py compare MAIN.pkl,... NEW.pkl,...                  # tables

Sets (``dev_quarantine.record_sets``): MyThes V, Wiktionnaire, embedding and retired pivot
spins of the held-out UD documents, the negatives' dev split, one-slip UD documents,
correct French, seeds. Never the Apertium held-out file, the negatives' test split or
``fixtures/spin/fresh/``.
"""

from __future__ import annotations

import importlib
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

SOURCES = ("mythes", "wiktionary", "embedding", "pivot")
#: MyThes V's 20 % spins stand in the 15 % column (as in dev_quarantine).
COLUMN = {0.15: "15", 0.2: "15", 0.3: "30"}


def score(out: str, names: list[str]) -> None:
    """Score the records of ``names`` and pickle ``{set: [(id, label, mode, rate, spin
    label, score, genre)]}`` to ``out``."""
    import cleannews  # first: dev_quarantine puts this tree's src first on sys.path

    dq = importlib.import_module("dev_quarantine")

    print("scoring with", cleannews.__file__, flush=True)
    sets = dq.record_sets()
    res = {}
    for name in names:
        res[name] = [
            (r["id"], r.get("label"), r.get("mode"), r.get("rate"), s.label, s.score,
             r.get("genre"))
            for r in sets[name]
            for s in (cleannews.spin_score(r["text"]),)
        ]
        print(name, len(res[name]), flush=True)
    Path(out).write_bytes(pickle.dumps(res))


def _load(paths: str) -> dict:
    res: dict = {}
    for p in paths.split(","):
        res.update(pickle.loads(Path(p).read_bytes()))
    return res


def recall_at_fp(rows: dict, base: list[float]) -> list[float]:
    """Careful 15 / 30 % recall per source above the score that 1 % of ``base`` exceed.

    >>> recall_at_fp({s: [("x", 1, "careful", 0.3, "spun", 0.9, None)] for s in SOURCES},
    ...              [0.1] * 99 + [0.5])[1]
    1.0
    """
    base = sorted(base)
    t = base[min(len(base) - 1, int(0.99 * len(base)))]
    cells = []
    for src in SOURCES:
        for col in ("15", "30"):
            got = [r[5] > t for r in rows[src]
                   if r[1] == 1 and r[2] == "careful" and COLUMN.get(r[3]) == col]
            cells.append(sum(got) / max(1, len(got)))
    return cells


def compare(main: str, new: str) -> None:
    """Print labels main -> new per set, quarantine and >= suspect rates per spin style and
    rate, suspect per dev-negative genre, and the ranking recall at both thresholds."""
    m, n = _load(main), _load(new)
    for name in n:
        a, b = m[name], n[name]
        ch = Counter((x[4], y[4]) for x, y in zip(a, b, strict=True) if x[4] != y[4])
        print(f"{name}: main {dict(Counter(x[4] for x in a))} -> {dict(Counter(y[4] for y in b))}"
              f"; changes {dict(ch)}")
        if name in SOURCES:
            c: dict = defaultdict(lambda: [0, 0, 0, 0, 0])
            for x, y in zip(a, b, strict=True):
                if x[1] == 1:
                    k = c[(x[2], x[3])]
                    k[0] += x[4] == "spun"
                    k[1] += y[4] == "spun"
                    k[2] += x[4] != "clean"
                    k[3] += y[4] != "clean"
                    k[4] += 1
            for k, (s0, s1, u0, u1, t) in sorted(c.items(), key=str):
                print(f"  {k[0]} {k[1]}: spun {s0 / t:.3f} -> {s1 / t:.3f}, "
                      f">= suspect {u0 / t:.3f} -> {u1 / t:.3f}")
        if name == "negatives_dev":
            g: dict = defaultdict(lambda: [0, 0, 0])
            for x, y in zip(a, b, strict=True):
                g[x[6]][0] += x[4] == "suspect"
                g[x[6]][1] += y[4] == "suspect"
                g[x[6]][2] += 1
            print("  suspect per genre:", {k: f"{u}->{v}/{t}" for k, (u, v, t) in g.items()})
    for tag, res in (("main", m), ("new", n)):
        neg = [r[5] for r in res["negatives_dev"] if r[4] != "unsupported_language"]
        ud = [r[5] for s in ("mythes", "embedding", "pivot") for r in res[s] if r[1] == 0]
        for what, base in (("dev negatives", neg), ("UD clean", ud)):
            cells = recall_at_fp(res, base)
            print(f"{tag} careful 15/30 % at 1 % FP of {what} (M/W/E/P): "
                  + " ".join(f"{c:.3f}" for c in cells) + f" | mean {sum(cells) / len(cells):.3f}")


if __name__ == "__main__":
    if sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3].split(","))
    else:
        compare(sys.argv[2], sys.argv[3])

r"""Development study of round 36 (careful51, issue 11): careful spins the model misses at the
dev 1 % FP threshold, what the context term sees of their substitutes, and one lever measured.

    export SPIN_UD_DIR=/work/cache/spin-raw/fr-ud \
           SPIN_MYTHES_DAT=/work/cache/spin-raw/mythes/thes_fr.dat PYTHONPATH=tools/spin:tests:.
    SRC=/tmp/careful51/old/src python tools/spin/dev_careful51.py records /tmp/careful51/old.pkl
    SRC=src                    python tools/spin/dev_careful51.py records /tmp/careful51/new.pkl
    python tools/spin/dev_careful51.py table /tmp/careful51/old.pkl /tmp/careful51/new.pkl
    python tools/spin/dev_careful51.py coverage /tmp/careful51/old.pkl   # missed careful spins
    CAREFUL51_KEEP=0.75 SRC=src python tools/spin/dev_careful51.py records /tmp/careful51/k75.pkl

``records`` scores (through ``SRC``'s package) the 154 clean UD documents of the validation
fixture, the negatives' **dev** split, the naive / careful 15 % (V: 20 %) and 30 % spins of the
four development sources V, WV, E, P (``dev_spin38.read_sets``) and the French TRAIN pages'
content lines (``dev_neg48``'s sets plus UD clean). ``table`` prints, for both trees, recall
per style (mean over the sources) at 1 % FP of the dev negatives and of UD clean, the dev
negatives suspect / spun per genre, the TRAIN pages suspect / spun. ``coverage`` aligns each
careful spin with its clean document and asks the package's context term about every
substituted word. Never read: the negatives' test split, the Apertium source,
``fixtures/spin/fresh``.
"""

from __future__ import annotations

import difflib
import os
import pickle
import re
import statistics
import sys
from collections import Counter

from dev_neg48 import STYLES, _scorer, moved_labels, real_labels, record_rows, score_rows

SOURCES = ("V", "WV", "E", "P")
WORD = re.compile(r"\w+", re.UNICODE)


def build_records(path: str) -> None:
    """Score every record set through ``SRC``'s package and pickle the results to ``path``."""
    score = _scorer()
    if os.environ.get("CAREFUL51_KEEP"):  # a variant of the lever (study only)
        import cleannews.score as sc

        sc.NEWS_RARITY_KEEP = float(os.environ["CAREFUL51_KEEP"])
    from dev_spin38 import read_sets

    out = score_rows(score, record_rows(read_sets(), ("NEG", "UD")), keep_text=True)
    for r in out:
        r["rate"] = None if r["rate"] is None else float(r["rate"])
    with open(path, "wb") as f:
        pickle.dump(out, f)


def _load(path: str) -> list[dict]:
    with open(path, "rb") as f:
        return pickle.load(f)


def _style(recs: list[dict], src: str, mode: str, rates: tuple) -> list[dict]:
    return [r for r in recs if r["set"] == src and r["mode"] == mode and r["rate"] in rates]


def genre_counts(recs: list[dict], keep=lambda r: True) -> dict[str, list[int]]:
    """Dev negatives' ``[suspect, spun, n]`` per genre, of the records ``keep`` accepts.

    >>> genre_counts([{"set": "NEG", "genre": "legal", "label": "suspect"}])
    {'legal': [1, 0, 1]}
    """
    out: dict[str, list[int]] = {}
    for r in recs:
        if r["set"] == "NEG" and keep(r):
            g = out.setdefault(r["genre"], [0, 0, 0])
            g[0] += r["label"] == "suspect"
            g[1] += r["label"] == "spun"
            g[2] += 1
    return out


def summary(recs: list[dict]) -> dict:
    """Thresholds at 1 % FP of the dev negatives (``tn``) and of UD clean (``tu``), recall per
    style and source at each, dev negatives suspect / spun per genre, TRAIN pages'."""
    from validate import threshold_at_fp

    out: dict = {}
    for key, pop in (("tn", "NEG"), ("tu", "UD")):
        out[key] = threshold_at_fp([r["logit"] for r in recs if r["set"] == pop])
    for mode, name, rates in STYLES:
        for key in ("tn", "tu"):
            per = [sum(r["logit"] > out[key] for r in v) / len(v)
                   for v in (_style(recs, s, mode, rates) for s in SOURCES)]
            out[(mode + name, key)] = (statistics.mean(per), per)
    out["genres"] = genre_counts(recs)
    out["real"] = real_labels([r for r in recs if r["set"] == "REAL"])
    return out


def table(old_path: str, new_path: str) -> None:
    """Print the before / after table of the module docstring."""
    old, new = _load(old_path), _load(new_path)
    a, b = summary(old), summary(new)
    print(f"thresholds: dev negatives 1 % FP {a['tn']:.3f} -> {b['tn']:.3f}; "
          f"UD clean 1 % FP {a['tu']:.3f} -> {b['tu']:.3f}")
    for mode, name, _rates in STYLES:
        for key in ("tn", "tu"):
            (ma, pa), (mb, pb) = a[(mode + name, key)], b[(mode + name, key)]
            print(f"{mode:8s}{name} % at {key}: {ma:.3f} ({' '.join(f'{x:.3f}' for x in pa)})"
                  f" -> {mb:.3f} ({' '.join(f'{x:.3f}' for x in pb)})")
    for g in sorted(a["genres"]):
        print(f"  {g:12s} suspect / spun / n: {a['genres'][g]} -> {b['genres'][g]}")
    tot = [sum(v[i] for v in a["genres"].values()) for i in range(3)]
    totb = [sum(v[i] for v in b["genres"].values()) for i in range(3)]
    print(f"  {'all':12s} suspect / spun / n: {tot} -> {totb}")
    print("TRAIN pages suspect / spun / n:", a["real"], "->", b["real"])
    human = ("NEG", "REAL", "UD")
    print("labels moved:", dict(moved_labels(old, new, human, human)))
    before = {(r["set"], r["id"], r["mode"], r["rate"]): r for r in old}
    up = [(r["logit"] - before[(r["set"], r["id"], r["mode"], r["rate"])]["logit"], r)
          for r in new if r["set"] in human]
    print("human records whose logit rose:", sum(d > 1e-6 for d, _ in up),
          "max", max((d for d, _ in up), default=0.0))


def substitutes(clean: str, spin: str) -> list[tuple[int, str, str]]:
    """``(offset in spin, original word, substitute)`` for each one-word replacement of a spin,
    from a word alignment with its clean document (replace blocks of equal length).

    >>> substitutes("Le projet de loi est adopté.", "Le dessein de loi est adopté.")
    [(3, 'projet', 'dessein')]
    """
    a = [(m.start(), m.group()) for m in WORD.finditer(clean)]
    b = [(m.start(), m.group()) for m in WORD.finditer(spin)]
    sm = difflib.SequenceMatcher(None, [w.lower() for _, w in a], [w.lower() for _, w in b],
                                 autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "replace" and i2 - i1 == j2 - j1:
            out += [(b[j][0], a[i][1], b[j][1]) for i, j in zip(range(i1, i2), range(j1, j2),
                                                                 strict=True)]
    return out


def coverage(path: str) -> None:
    """Per careful spin (missed / caught at the dev negatives' 1 % FP threshold): how many of its
    content substitutes (both words longer than 3 letters: re-agreed determiners left out) the
    context term checks (median share per document), with which gain, and of the others how
    many are absent from the count table; the mean context term of the spins."""
    sys.path.insert(0, "src")
    from dev_spin38 import word_table
    from validate import threshold_at_fp

    from cleannews.score._context import get_context_term

    recs = _load(path)
    t = threshold_at_fp([r["logit"] for r in recs if r["set"] == "NEG"])
    clean = {":".join(r["id"].split(":")[:3]): r["text"] for r in recs if r["set"] == "UD"}
    term = get_context_term()
    known = term.t.ids
    for mode, name, rates in STYLES:
        if mode != "careful":
            continue
        for src in SOURCES:
            rows = {"missed": Counter(), "caught": Counter()}
            shares: dict = {}
            terms: dict = {}

            def k_of(r, t=t):
                return "missed" if r["logit"] <= t else "caught"

            for r in _style(recs, src, mode, rates):
                key = ":".join(r["id"].split(":")[:3])
                if key not in clean:
                    continue
                subs = substitutes(clean[key], r["text"])
                checked = dict(word_table(r["text"], term, as_scored=True)["words"])
                c = rows[k_of(r)]
                c["docs"] += 1
                subs = [(o, a, b) for o, a, b in subs if len(a) > 3 and len(b) > 3]
                seen = 0
                for off, _orig, sub in subs:
                    c["subs"] += 1
                    seen += off in checked
                    g = checked.get(off)
                    if g is None:
                        c["absent" if known is not None and sub.lower() not in known
                          else "unchecked"] += 1
                    elif g > 2:
                        c["gain>2"] += 1
                    elif g > 0:
                        c["gain0-2"] += 1
                    else:
                        c["fits"] += 1
                c["checked_words"] += len(checked)
                shares.setdefault(k_of(r), []).append(seen / max(len(subs), 1))
                terms.setdefault(k_of(r), []).append(r["signals"].get("context_term", 0.0))
            for k, c in rows.items():
                n = max(c["subs"], 1)
                sh, tm = shares.get(k, [0.0]), terms.get(k, [0.0])
                print(f"{mode}{name} {src:2s} {k:6s} docs {c['docs']:3d} seen share median "
                      f"{statistics.median(sh):.2f} term mean {statistics.mean(tm):.2f} subs/doc "
                      f"{c['subs'] / max(c['docs'], 1):5.1f} checked words/doc "
                      f"{c['checked_words'] / max(c['docs'], 1):5.1f} | "
                      + " ".join(f"{x} {c[x] / n:.2f}" for x in
                                 ("gain>2", "gain0-2", "fits", "unchecked", "absent")))


if __name__ == "__main__":
    {"records": lambda: build_records(sys.argv[2]),
     "table": lambda: table(sys.argv[2], sys.argv[3]),
     "coverage": lambda: coverage(sys.argv[2])}[sys.argv[1]]()

"""Learning curve and leave-one-language-out CV of the line model (development figures).

    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.curve                  # 25/50/75/100 %
    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.curve --lolo           # + by language
    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.curve --fractions 1 --lolo

Does labelling more TRAIN pages still help the line model on new sites? The TRAIN pages
(judged as :func:`tools.strip_model.train.pages_train` judges them: ``loso`` by default) are
split into the training tool's FOLDS site-grouped folds; each fold's line model (odds tables
and both tree stages, :func:`tools.strip_model.train.fit_two_stages`) is fitted on a random
share of the **other folds' real sites** (:func:`subsample_sites`; the 0.1.0 fixtures and
recombined pages always stay) and scores the held-out fold, which is the same for every share,
so the rows of the table differ only in how much training data the model saw. ``--lolo``
adds one fold per language (the model never saw a page of that language: how far German or
Italian furniture is found from the other languages' pages). Needs the train extra.

Each row prints (line level, real TRAIN pages only; furniture / content lines removed):

* ``matched``: the most furniture the model removes **without losing a content line more
  than the rules alone** (removal threshold on a 0.01 grid × list threshold 0.90 / 0.95 /
  never; optimistic, chosen on the same scores; every row alike), and at 3 / 10 lines more;
* ``AP``: average precision of the out-of-fold scores over the lines the model may remove
  (standing, short, not prose: the model's whole room), and how many of those furniture lines
  come first at a precision of 0.90 — smoother than the thresholded point;
* ``per language``: the matched point's removals per page language.
Nothing is written; nothing held out is read.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict

import numpy as np

from cleannews.strip.linemodel import NEVER
from tools.strip_model import train as T

FRACTIONS = (0.25, 0.5, 0.75, 1.0)
#: Removal thresholds searched for the matched-content figures (list thresholds: LIST_GRID).
FINE_GRID = (*(round(0.5 + 0.01 * k, 2) for k in range(50)), NEVER)
LIST_GRID = (0.9, 0.95, NEVER)
#: Content lines more than the rules alone allowed in the looser matched points.
SLACKS = (0, 3, 10)


def subsample_sites(pages: list[dict], train_idx, frac: float, rng: random.Random) -> list[int]:
    """The indices of ``train_idx`` kept when only ``frac`` of its real sites are trained on
    (every page of a kept site; the 0.1.0 fixtures and recombined pages always stay).

    >>> pgs = [{"site": s, "extra": s == "x"} for s in ("a", "a", "b", "c", "d", "x")]
    >>> subsample_sites(pgs, range(6), 0.5, random.Random(0))
    [2, 4, 5]
    >>> subsample_sites(pgs, range(6), 1.0, random.Random(0))
    [0, 1, 2, 3, 4, 5]
    """
    if frac >= 1.0:
        return list(train_idx)
    sites = sorted({pages[k]["site"] for k in train_idx if not pages[k]["extra"]})
    keep = set(rng.sample(sites, max(1, round(frac * len(sites)))))
    return [k for k in train_idx if pages[k]["extra"] or pages[k]["site"] in keep]


def site_folds(pages: list[dict]) -> list[tuple[list[int], list[int]]]:
    """The training tool's site-grouped folds (the same held-out pages for every share)."""
    groups = [pg["site"] for pg in pages]
    return [(list(tr), list(te))
            for tr, te in T._group_kfold()(n_splits=T.FOLDS).split(pages, groups=groups)]


def language_folds(pages: list[dict]) -> list[tuple[list[int], list[int]]]:
    """One fold per language of the real pages: trained on every other page (fixtures too)."""
    out = []
    for lg in sorted({pg["lang"] for pg in pages if not pg["extra"]}):
        te = [k for k, pg in enumerate(pages) if pg["lang"] == lg and not pg["extra"]]
        out.append(([k for k, pg in enumerate(pages) if pg["lang"] != lg], te))
    return out


def out_of_fold(pages: list[dict], folds, frac: float = 1.0, seed: int = 0):
    """(p, y, cand, hard, meta) of the real pages' labelled lines, each scored by the line
    model of the fold that held its page out, trained on ``frac`` of that fold's sites."""
    rng = random.Random(seed)
    oof = {}
    for tr, te in folds:
        tr_pages = [pages[k] for k in subsample_sites(pages, tr, frac, rng)]
        te_pages = [pages[k] for k in te]
        odds = T.odds_table(tr_pages)
        m1, m2 = T.fit_two_stages(T.page_rows_crossfit(tr_pages))
        p, y, c, h, meta, _ = T.predict_two_stages(T.page_rows(te_pages, odds), m1, m2)
        for k, key in enumerate(meta):
            oof[(key[0], key[4])] = (p[k], y[k], c[k], h[k], key)
    keys = sorted(k for k in oof if oof[k][4][2] != "fixture")
    cols = list(zip(*(oof[k] for k in keys), strict=True))
    return (np.array(cols[0]), np.array(cols[1]), np.array(cols[2], bool),
            np.array(cols[3], bool), list(cols[4]))


def average_precision(y, p) -> float:
    """Average precision of the ranking ``p`` for the positives of ``y`` (ties in order).

    >>> average_precision(np.array([1, 0, 1]), np.array([0.9, 0.8, 0.1]))
    0.8333
    """
    order = np.argsort(-p, kind="stable")
    yy = np.asarray(y)[order]
    if not yy.sum():
        return 0.0
    hits = np.cumsum(yy)
    return round(float(np.sum(hits[yy == 1] / (np.flatnonzero(yy == 1) + 1)) / yy.sum()), 4)


def summarise(p, y, cand, hard, meta) -> dict:
    """The figures of one row (see the module doc)."""
    rule_bad = np.array([m[5] for m in meta])
    lists = np.array([m[6] for m in meta])
    wordless = np.array([m[7] for m in meta])
    base = T.figures(rule_bad, y)
    best: dict[int, dict] = {}
    for rp in FINE_GRID:
        for lp in LIST_GRID:
            rem = T.decide(p, cand, hard, rule_bad, rp, 0.0, lists, lp, wordless)
            fig = T.figures(rem, y)
            for slack in SLACKS:
                if fig["fp"] - base["fp"] <= slack and (
                    slack not in best or fig["tp"] > best[slack]["tp"]
                ):
                    best[slack] = dict(fig, remove_p=rp, remove_list_p=lp, removed=rem)
    open_ = cand & ~rule_bad & ~wordless
    order = np.argsort(-p[open_], kind="stable")
    yy = y[open_][order]
    tp = np.cumsum(yy)
    prec = tp / np.arange(1, len(yy) + 1)
    per_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    rem0 = best[0]["removed"]
    for k, m in enumerate(meta):
        row = per_lang[m[2]]
        row[0 if y[k] else 1] += int(rem0[k])
        row[2 if y[k] else 3] += int(rule_bad[k])
    return {
        "rules": (base["tp"], base["fp"]),
        **{f"matched+{s}": (b["tp"], b["fp"], b["remove_p"], b["remove_list_p"])
           for s, b in best.items()},
        "open": (int(yy.sum()), int(len(yy) - yy.sum())),
        "AP": average_precision(y[open_], p[open_]),
        "tp@P0.90": int(tp[prec >= 0.9].max()) if (prec >= 0.9).any() else 0,
        "per_language": {lg: tuple(v) for lg, v in sorted(per_lang.items())},
    }


def show(name: str, fig: dict) -> None:
    m = [f"+{s}: {fig[f'matched+{s}'][0]} / {fig[f'matched+{s}'][1]}" for s in SLACKS]
    langs = ", ".join(f"{lg} {v[0]}/{v[1]} (rules {v[2]}/{v[3]})"
                      for lg, v in fig["per_language"].items())
    print(f"{name}: rules {fig['rules'][0]} / {fig['rules'][1]}; matched {'; '.join(m)}; "
          f"AP {fig['AP']}, tp@P0.90 {fig['tp@P0.90']} of {fig['open'][0]} open furniture "
          f"({fig['open'][1]} open content); per language at +0: {langs}", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fractions", default=",".join(map(str, FRACTIONS)))
    ap.add_argument("--seeds", type=int, default=3, help="site draws per share below 1")
    ap.add_argument("--lolo", action="store_true", help="also leave one language out")
    args = ap.parse_args(argv)
    pages = T.pages_train()
    real = {pg["site"] for pg in pages if not pg["extra"]}
    print(f"{len(pages)} train pages, {len(real)} real sites; rules {T.RULES_MODE}")
    folds = site_folds(pages)
    for frac in (float(x) for x in args.fractions.split(",")):
        for seed in range(args.seeds if frac < 1.0 else 1):
            fig = summarise(*out_of_fold(pages, folds, frac, seed))
            show(f"sites {frac:.0%} (draw {seed})", fig)
    if args.lolo:
        show("leave one language out", summarise(*out_of_fold(pages, language_folds(pages))))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How a line model file ranks the lines of TRAIN pages it was not trained on (issue 10, branch
strip-weak10; development figures, TRAIN split only).

    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.unseen MODEL.json [MODEL2.json ...]
    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.unseen --batches r30,r31 MODEL.json

For a model trained with ``STRIP_MODEL_BATCHES=round8`` (the batches before round 9), the
round-9 batches (``fr-e fr-f fr-g fr-h de-e it-e es-e en-e``) are sites no rule author and no
model saw: each page is judged by the rules as served (:func:`train.serving_lines`), the model
scores the lines it may remove (standing, not prose, not the headline nor protected, at most
30 words), and the figures are threshold-free or at the model's own thresholds:

* **AP**: average precision of the stage-2 scores over those lines (furniture = positive);
* **at the model's thresholds**: furniture / content lines it adds over the rules;
* **matched**: the most furniture lines a single threshold (0.01 grid) adds with at most
  ``k`` content lines (k = 0, 2, 5), the other thresholds as in the file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from cleannews.evaluate import page_batch
from cleannews.strip.linemodel import LineModel
from tools.strip_model.train import (
    ROUND8_TRAIN_BATCHES,
    _page_dict,
    decide,
    full_rows,
    in_batches,
    page_rows,
    read_train_corpus,
    score_stage1,
)


class _Adapter:
    """A compiled tree stage with scikit-learn's ``predict_proba`` (what the trainer calls)."""

    def __init__(self, trees) -> None:
        self.trees = trees

    def predict_proba(self, X):
        p = np.array([self.trees.proba(list(x)) for x in X])
        return np.stack([1 - p, p], axis=1)


def check_pages(batches: frozenset[str] | None = None, only: str = "") -> list[dict]:
    """TRAIN pages outside ``batches`` (default: the round-8 batches), judged as served;
    with ``only`` (e.g. ``"r30,r31"``, :func:`~tools.strip_model.train.in_batches`) the pages
    of those batches instead (a leave-batch-out model: ``STRIP_MODEL_EXCLUDE``)."""
    batches = ROUND8_TRAIN_BATCHES if batches is None else batches
    return [_page_dict(rec, doc, labelled) for rec, doc, labelled in read_train_corpus()
            if (in_batches(rec["id"], only) if only
                else page_batch(rec["id"]) not in batches)]


def score(model: dict, pages: list[dict]):
    """(p, y, cand, hard, meta) of every labelled line of ``pages`` under ``model``."""
    lm = LineModel(model)
    prs = page_rows(pages, model["odds"])
    score_stage1(prs, _Adapter(lm.stage1))
    X2, y, cand, hard, meta = full_rows(prs)
    p = np.zeros(len(y))
    if cand.any():
        p[cand] = _Adapter(lm.stage2).predict_proba(X2[cand])[:, 1]
    return p, y, cand, hard, meta


def average_precision(scores, labels) -> float:
    """Average precision of ``scores`` for the positive ``labels``.

    >>> round(average_precision(np.array([0.9, 0.8, 0.1]), np.array([1, 0, 1])), 3)
    0.833
    """
    order = np.argsort(-scores, kind="stable")
    ys = np.asarray(labels)[order]
    hits = np.cumsum(ys)
    prec = hits / np.arange(1, len(ys) + 1)
    return float((prec * ys).sum() / max(1, ys.sum()))


def report(model: dict, pages: list[dict], name: str) -> dict:
    p, y, cand, hard, meta = score(model, pages)
    rule_bad = np.array([m[5] for m in meta])
    lists = np.array([m[6] for m in meta])
    never = np.array([m[7] for m in meta])
    open_ = cand & ~rule_bad & ~never
    ap = average_precision(p[open_], y[open_])
    base = decide(p, cand, hard, rule_bad, 1.01, 0.0, lists, 1.01, never)
    at = decide(p, cand, hard, rule_bad, model["remove_p"], model.get("give_back_p", 0.0),
                lists, model["remove_list_p"], never)

    def gain(removed) -> tuple[int, int]:
        return (int(np.sum(removed & (y == 1)) - np.sum(base & (y == 1))),
                int(np.sum(removed & (y == 0)) - np.sum(base & (y == 0))))

    matched = {}
    for k in (0, 2, 5):
        best = (0, 0)
        for t in np.arange(0.5, 1.0, 0.01):
            g = gain(decide(p, cand, hard, rule_bad, t, 0.0, lists, max(t, 0.9), never))
            if g[1] <= k and g[0] > best[0]:
                best = g
        matched[k] = best
    langs = np.array([m[2] for m in meta])
    per_lang = {lg: round(average_precision(p[open_ & (langs == lg)], y[open_ & (langs == lg)]), 3)
                for lg in sorted(set(langs[open_]))}
    counts = {lg: [int(np.sum(open_ & (langs == lg) & (y == 1))),
                   int(np.sum(open_ & (langs == lg) & (y == 0)))] for lg in per_lang}
    out = {"model": name, "open_lines": int(open_.sum()), "AP_per_language": per_lang,
           "open_furniture_content_per_language": counts,
           "open_furniture": int(np.sum(open_ & (y == 1))), "AP": round(ap, 4),
           "at_thresholds": gain(at), "matched": matched}
    print(json.dumps(out))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("models", nargs="+", type=Path)
    ap.add_argument("--batches", default="", help="score these batches instead (e.g. r30,r31)")
    args = ap.parse_args(argv)
    pages = check_pages(only=args.batches)
    print(f"{len(pages)} pages " + (f"of {args.batches}" if args.batches
                                    else "outside the round-8 batches"))
    for m in args.models:
        report(json.loads(m.read_text("utf-8")), pages, m.stem)
    return 0


if __name__ == "__main__":
    sys.exit(main())

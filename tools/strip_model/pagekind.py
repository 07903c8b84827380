"""Accuracy of the page-kind signal (:mod:`cleannews.strip._pagekind`) on the TRAIN pages.

    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.pagekind          # CV + shipped
    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.pagekind --pages  # every page too

Reads every TRAIN page (:func:`tools.strip_model.train.read_train_corpus`: no page of a
held-out list), judges it as the strip stage does (:func:`~.train.serving_lines`: rules and
detectors, before the models) and records the :func:`~cleannews.strip._pagekind.page_kind`
the detectors computed (on the lines as the position rules see them).
The manifests' ``page_type`` is the truth (``other`` pages are left out).

Site-grouped cross-validation (5 folds, :class:`sklearn.model_selection.GroupKFold`): on the
training folds the grid of :data:`GRID` picks the thresholds with the most pages judged
``article`` correctly among those that judge at most :data:`MAX_LISTING_AS_ARTICLE` of the
listing pages ``article`` (a listing's teasers must never be taken for an article's related
list); the held-out fold is judged with them. Prints the confusion table of the held-out
decisions, and the one of the shipped constants over every TRAIN page (development).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from itertools import product

from sklearn.model_selection import GroupKFold

from cleannews.strip import detectors
from cleannews.strip._pagekind import (
    ARTICLE,
    ARTICLE_BODY_LINES,
    ARTICLE_BODY_SHARE,
    ARTICLE_BODY_WORDS,
    ARTICLE_COHESION,
    LISTING,
    LISTING_MIN_PAIRS,
    decide_kind,
    page_kind,
)
from tools.strip_model.train import read_train_corpus, serving_lines

#: Thresholds tried: (body lines, body words, body share, cohesion, listing pairs).
GRID = tuple(
    product((2, 3, 4), (60, 120, 160), (0.4, 0.5, 0.6), (0.0, 0.5, 0.6, 0.75), (2, 3))
)
#: At most this share of the training folds' listing pages may be judged articles (when no
#: thresholds of the grid get there, those that judge the fewest listings articles win).
MAX_LISTING_AS_ARTICLE = 0.1
FOLDS = 5


def measures() -> list[dict]:
    """One record per TRAIN page (not ``other``): id, site, truth, the :class:`PageKind`."""
    out = []
    seen: list = []

    def record(lines):
        seen.append(page_kind(lines, measure_all=True))
        return seen[-1]

    saved = detectors.page_kind
    detectors.page_kind = record  # what the stage computes, where it computes it
    try:
        for rec, doc, _ in read_train_corpus():
            if rec.get("page_type") not in (ARTICLE, LISTING):
                continue
            seen.clear()
            _, page = serving_lines(doc)
            pk = seen[0] if seen else page_kind(page.lines, measure_all=True)
            out.append({"id": rec["id"], "site": rec["site"], "truth": rec["page_type"],
                        "pk": pk})
    finally:
        detectors.page_kind = saved
    return out


def _decide(pk, th) -> str:
    return decide_kind(pk.body_lines, pk.body_words, pk.body_share, pk.body_cohesion,
                       pk.pairs_before, pk.pairs_after, th)


def _pick(rows: list[dict]) -> tuple:
    """The thresholds of :data:`GRID` with the most articles found, listings spared."""
    listings = sum(r["truth"] == LISTING for r in rows) or 1
    best, best_key = GRID[0], None
    for th in GRID:
        kinds = [(_decide(r["pk"], th), r["truth"]) for r in rows]
        wrong = sum(k == ARTICLE and t == LISTING for k, t in kinds)
        right = sum(k == t for k, t in kinds)
        found = sum(k == ARTICLE == t for k, t in kinds)
        key = (wrong <= MAX_LISTING_AS_ARTICLE * listings, -wrong if wrong > MAX_LISTING_AS_ARTICLE
               * listings else 0, found, right)
        if best_key is None or key > best_key:
            best, best_key = th, key
    return best


def table(pairs) -> str:
    """Confusion counts ``truth -> judged`` and the accuracy of the decided pages."""
    c = Counter(pairs)
    decided = [(k, t) for k, t in pairs if k != "unknown"]
    acc = sum(k == t for k, t in decided) / len(decided) if decided else 0.0
    cells = ", ".join(f"{t}->{k} {c[(k, t)]}" for t in (ARTICLE, LISTING)
                      for k in (ARTICLE, LISTING, "unknown"))
    return f"{cells}; decided {len(decided)}/{len(pairs)}, accuracy {acc:.3f}"


def main(argv: list[str] | None = None) -> int:
    """Print the cross-validated and the shipped confusion tables."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", action="store_true", help="print every page's measures")
    args = ap.parse_args(argv)
    rows = measures()
    held: list[tuple[str, str]] = []
    chosen = []
    for tr, te in GroupKFold(n_splits=FOLDS).split(rows, groups=[r["site"] for r in rows]):
        th = _pick([rows[k] for k in tr])
        chosen.append(th)
        held += [(_decide(rows[k]["pk"], th), rows[k]["truth"]) for k in te]
    print("site-grouped CV (thresholds per fold:", chosen, ")")
    print("  " + table(held))
    shipped = (ARTICLE_BODY_LINES, ARTICLE_BODY_WORDS, ARTICLE_BODY_SHARE, ARTICLE_COHESION,
               LISTING_MIN_PAIRS)
    print(f"shipped {shipped} on every TRAIN page (development):")
    print("  " + table([(r["pk"].kind, r["truth"]) for r in rows]))
    print("  picked on every TRAIN page:", _pick(rows))
    if args.pages:
        for r in rows:
            pk = r["pk"]
            print(f"{r['id']} {r['truth']:8s} {pk.kind:8s} body {pk.body_lines}l "
                  f"{pk.body_words}w {pk.body_share:.2f} coh {pk.body_cohesion:.2f} "
                  f"pairs {pk.pairs_before}/{pk.pairs_after}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

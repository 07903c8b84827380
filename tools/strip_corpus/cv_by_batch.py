"""Site-grouped CV figures of the strip line model, split by batch (development figures).

    PYTHONPATH=src:. python tools/strip_corpus/cv_by_batch.py [--batches d] [--remove-p P]

Runs the line model's cross-validation exactly as ``tools/strip_model/train.py`` does (same
TRAIN pages, same site-grouped folds, same two stages), then prints the figures at one
operating point (default: the one the trainer chooses on all pages) on three subsets of the
real TRAIN lines: all of them, the pages of the named batches (e.g. ``d`` for ``fr-d-0001``,
``en-d-0002``…) and the rest. That tells how a retrain on added pages moved the figures on
the pages that were there before, which the trainer's one overall figure mixes with the new
(harder or easier) pages. Example::

    >>> _batch_of("fr-d-0012"), _batch_of("de-m-0003")  # doctest: +SKIP
    ('d', 'm')

Reads TRAIN only (``read_train_corpus``); never a held-out list.
"""

from __future__ import annotations

import argparse

import numpy as np

#: How many per-kind recall pairs to print per subset.
KINDS_SHOWN = 25


def _batch_of(page_id: str) -> str:
    """The batch letter(s) of a corpus page id: ``fr-d-0012`` -> ``d``.

    >>> _batch_of("fr-d-0012")
    'd'
    """
    parts = page_id.split("-")
    return parts[1] if len(parts) == 3 else ""


def main(argv: list[str] | None = None) -> int:
    """Print overall / named-batch / other-batch CV figures at one operating point."""
    from tools.strip_model import train

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--batches", default="d", help="comma-separated batch letters")
    ap.add_argument("--remove-p", type=float, help="default: the trainer's choice")
    ap.add_argument("--list-p", type=float, help="default: the trainer's choice")
    args = ap.parse_args(argv)
    named = set(args.batches.split(","))
    pages = train.pages_train()
    print(f"{len(pages)} train pages from {len({pg['site'] for pg in pages})} sites")
    p, y, cand, hard, meta = train.cross_validate(pages)
    rule_bad = np.array([m[5] for m in meta])
    lists = np.array([m[6] for m in meta])
    wordless = np.array([m[7] for m in meta])
    base = train.figures(rule_bad, y)
    best = None
    for rp in train.REMOVE_GRID:
        for gp in train.GIVE_BACK_GRID:
            for pp in train.LIST_GRID:
                fig = train.figures(train.decide(p, cand, hard, rule_bad, rp, gp, lists, pp,
                                                 wordless), y)
                fig["model_precision"] = train._model_precision(fig, base)
                ok = (
                    fig["content_kept"] >= min(train.TARGET_KEPT,
                                               base["content_kept"] - train.KEPT_SLACK)
                    and fig["precision"] >= base["precision"]
                    and fig["model_precision"] >= train.MODEL_MIN_PRECISION
                )
                if ok and (best is None or fig["f1"] > best[0]["f1"]):
                    best = (fig, rp, gp, pp)
    if best is None:
        best = (None, 0.95, 0.0, train.NEVER)
    rp = args.remove_p if args.remove_p is not None else best[1]
    gp = best[2]
    pp = args.list_p if args.list_p is not None else best[3]
    removed = train.decide(p, cand, hard, rule_bad, rp, gp, lists, pp, wordless)
    print(f"operating point remove_p {rp} give_back_p {gp} list_p {pp}")
    in_named = np.array([_batch_of(m[0]) in named for m in meta])
    for name, mask in (("all", np.ones(len(y), bool)), (f"batches {sorted(named)}", in_named),
                       ("other batches", ~in_named)):
        if not mask.any():
            continue
        print(f"{name}: rules only {train.figures(rule_bad[mask], y[mask])}")
        print(f"{name}: rules + model {train.figures(removed[mask], y[mask])}")
        kinds: dict[str, list[int]] = {}
        for k in np.flatnonzero(mask & (y == 1)):
            kinds.setdefault(meta[k][3], [0, 0])
            kinds[meta[k][3]][1] += 1
            kinds[meta[k][3]][0] += int(removed[k])
        shown = sorted(kinds.items())[:KINDS_SHOWN]
        print("  per kind:", ", ".join(f"{kd} {a}/{b}" for kd, (a, b) in shown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

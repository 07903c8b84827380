"""List the article lines the strip stage loses, with the rule or model that took each one.

    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.lost_lines            # CV on TRAIN
    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.lost_lines --recombined

Development figures only (TRAIN split of ``fixtures/strip_real``; nothing held out is read):

* default: site-grouped CV as ``tools.strip_model.train_runs --cv-only`` computes it (rules,
  out-of-fold line model, run model refitted out of fold), but at the **shipped** run-model
  thresholds; prints P / R / F1 / content kept and every content line removed, with the
  rule of its removal (``run_model`` when the run model took it), once the give-back guards
  of :mod:`cleannews.strip._keep` have run after the models, as in the shipped strip stage
  (the figures of the models' decisions alone are printed too). Needs the train extra.
* ``--recombined``: the content lines lost on recombined pages (0.1.0 fixture articles with
  all TRAIN furniture spliced in) for seeds 20261201, 7 and 11, with the rule of the
  ``Change`` that removed each one.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

SEEDS = (20261201, 7, 11)
PAGES = 120


def cv_lost() -> tuple[dict, list[dict]]:
    """(figures, lost content lines) of the site-grouped CV at the shipped thresholds, after
    the give-back guards of :mod:`cleannews.strip._keep` as the shipped strip stage runs them
    (:func:`tools.strip_model.train_runs.guarded_removed`)."""
    from cleannews.strip.runmodel import load_run_model
    from tools.strip_model import train_runs as tr

    pages = tr.load_pages(False)
    X, y, groups, meta = tr.rows(pages)
    keys, ly, rem = tr.base_removed(pages)
    p, rmeta = tr.cross_validate(pages, X, y, groups, meta)
    rm = load_run_model()
    ch = tr.decide(p, rmeta, rm.remove_p, rm.remove_good_p, rm.remove_list_p, rm.give_back_p)
    print("  models' decisions alone (before the give-back guards):",
          tr.figures_with(keys, ly, rem, ch))
    return lost_after_guards(pages, keys, ly, rem, ch)


def lost_after_guards(pages, keys, ly, rem, ch) -> tuple[dict, list[dict]]:
    """(figures, lost content lines) once the run-model decisions ``ch`` and the give-back
    guards have run over the first stage's ``rem`` (the shipped order: models, then
    :func:`cleannews.strip._keep.give_back`); each lost line names the rule that took it."""
    from tools.strip_model import train as line_train
    from tools.strip_model import train_runs as tr

    removed, rules = tr.guarded_removed(pages, keys, rem, ch)
    lost = []
    for j, (n, i) in enumerate(keys):
        if ly[j] == 0 and removed[j]:
            lost.append({"id": pages[n]["id"], "rule": rules[(n, i)],
                         "text": pages[n]["lines"][i].text[:100]})
    return line_train.figures(removed, ly), lost


def recombined_lost(seed: int, pages: int = PAGES) -> list[dict]:
    """Content lines of ``pages`` recombined pages of ``seed`` that cleaning removes."""
    from pathlib import Path

    import cleannews
    from cleannews.evaluate import _survival, recombined_pages, removed_lines

    cfg = cleannews.CleanConfig(score_spin=False, quarantine=False)
    lost = []
    for doc, labelled in recombined_pages(Path("fixtures"), pages, seed):
        d = cleannews.clean(doc, cfg)
        rules = {c.before.strip(): c.rule for c in d.changes}
        visible = "\n".join(lb.text for lb in labelled)
        for lb, ok in zip(
            labelled, _survival(labelled, d.text, visible, removed_lines(doc, d.changes)),
            strict=True,
        ):
            if lb.content and not ok:
                t = lb.text.strip()
                rule = rules.get(t) or next((r for b, r in rules.items() if t in b), "?")
                lost.append({"seed": seed, "rule": rule, "text": t[:100]})
    return lost


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--recombined", action="store_true")
    args = ap.parse_args(argv)
    if args.recombined:
        lost = [x for seed in SEEDS for x in recombined_lost(seed)]
        for seed in SEEDS:
            print(seed, sum(x["seed"] == seed for x in lost), "content lines lost")
    else:
        fig, lost = cv_lost()
        print("site-grouped CV at the shipped thresholds:", fig)
    for x in lost:
        print(" ", json.dumps(x, ensure_ascii=False))
    print(Counter(x["rule"] for x in lost))
    return 0


if __name__ == "__main__":
    sys.exit(main())

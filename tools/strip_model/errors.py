"""Error analysis of the strip models' site-grouped cross-validation (TRAIN split only).

    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.errors            # summary + every miss
    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.errors --kind related --lang fr
    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.errors --summary  # tables only

Reuses the run-model trainer (:mod:`tools.strip_model.train_runs`): the first stage (rules,
detectors, line model) with **out-of-fold** line-model scores (cached), then the run model
cross-validated by site, its decisions at the shipped thresholds (``data/run_model.json``;
``--search`` picks them on the CV scores as ``train_runs --cv-only`` does), then the
give-back guards the strip stage runs after the models (``_keep.give_back``). Prints

* P / R / F1 / content kept per language and removed/all per kind;
* missed furniture lines by kind and by position relative to the article body (before the
  first body paragraph, inside the body, after the last one: :func:`body_side`);
* why the models left each missed line standing (:func:`miss_reason`: the headline's line,
  protected, too long, paragraph-like, scored below the threshold …), per kind;
* per fold and page: every run of missed furniture lines (consecutive non-blank lines
  labelled boilerplate that stay) with its kind, position, reason and the line-model
  (``lm``, -1: not scored) and run-model (``rm``, -1: not a candidate) probabilities, and
  every content line lost with the rule that took it.

Only pages that no held-out list of ``split.json`` names are read
(:func:`tools.strip_model.train.read_train_corpus`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict

import numpy as np
from sklearn.model_selection import GroupKFold

from cleannews.strip.linemodel import BODY_WORDS, MODEL_MAX_WORDS, has_word
from tools.strip_model import train as line_train
from tools.strip_model import train_runs

#: Characters of a line printed in the lists.
SHOW_CHARS = 90


def body_bounds(lines) -> tuple[int, int]:
    """(first, last) index of the lines of at least BODY_WORDS words ending like a sentence
    (the line model's body paragraphs); ``(len(lines), -1)`` when there is none."""
    body = [i for i, ln in enumerate(lines) if not ln.blank and ln.n >= BODY_WORDS and ln.ends]
    return (body[0], body[-1]) if body else (len(lines), -1)


def body_side(lines) -> dict[int, str]:
    """``before`` / ``in`` / ``after`` the article body (its first and last paragraph:
    :func:`body_bounds`) for every non-blank line; ``none`` when
    the page has no body paragraph.

    >>> class L:
    ...     def __init__(self, n, ends, blank=False):
    ...         self.n, self.ends, self.blank = n, ends, blank
    >>> body_side([L(3, False), L(30, True), L(4, False), L(30, True), L(2, False)])
    {0: 'before', 1: 'in', 2: 'in', 3: 'in', 4: 'after'}
    """
    idx = [i for i, ln in enumerate(lines) if not ln.blank]
    a, b = body_bounds(lines)
    if b < 0:
        return {i: "none" for i in idx}
    return {i: "before" if i < a else "after" if i > b else "in" for i in idx}


def miss_reason(pg: dict, i: int) -> str:
    """Why the line models left the furniture line ``i`` of ``pg`` standing: ``headline``
    (the line chosen as the headline: never judged), ``protected`` (a byline / dateline
    pattern), ``long`` (more than MODEL_MAX_WORDS words), ``prose`` (paragraph-like: the line
    model never removes it), ``no word`` (no letter or digit), ``below`` (scored, under the
    threshold), ``unscored`` (the rest, e.g. a line of one of the article's lists).

    >>> class L:
    ...     def __init__(self, text, n, cls="amb", protected=False):
    ...         self.text, self.n, self.cls, self.protected = text, n, cls, protected
    >>> pg = {"lines": [L("Politik", 1), L("Par X", 2, protected=True), L("Lire", 1)],
    ...       "headline": 0, "probs": {2: 0.4}}
    >>> [miss_reason(pg, i) for i in range(3)]
    ['headline', 'protected', 'below']
    """
    ln = pg["lines"][i]
    if i == pg["headline"]:
        return "headline"
    if ln.protected:
        return "protected"
    if ln.n > MODEL_MAX_WORDS:
        return "long"
    if ln.cls == "good":
        return "prose"
    if not has_word(ln):
        return "no word"
    return "below" if i in pg.get("probs", {}) else "unscored"


def page_folds(pages: list[dict]) -> list[int]:
    """Fold of each page in the first stage's site-grouped split (as :mod:`train_runs`)."""
    fold = [0] * len(pages)
    groups = [pg["site"] for pg in pages]
    for f, (_, te) in enumerate(GroupKFold(n_splits=train_runs.FOLDS).split(pages,
                                                                           groups=groups)):
        for k in te:
            fold[k] = f
    return fold


def final_decisions(pages, search: bool = False):
    """(keys, y, removed, run-model probability by (page, line), thresholds) over every
    labelled line of the real pages, the run model cross-validated by site."""
    X, y, groups, meta = train_runs.rows(pages)
    keys, ly, rem = train_runs.base_removed(pages)
    p, rmeta = train_runs.cross_validate(pages, X, y, groups, meta)
    if search:
        base = line_train.figures(rem, ly)
        _, _, rp, gp, lp, back = train_runs.search(p, rmeta, keys, ly, rem, base)
    else:
        shipped = json.loads(train_runs.OUT.read_text("utf-8"))
        rp, gp, lp, back = (shipped["remove_p"], shipped["remove_good_p"],
                            shipped["remove_list_p"], shipped["give_back_p"])
    changes = train_runs.decide(p, rmeta, rp, gp, lp, back)
    # then the give-back guards the strip stage runs after the models, as it ships
    removed = train_runs.guarded_removed(pages, keys, rem, changes)[0]
    rm_p = {(m[0], m[1]): float(p[k]) for k, m in enumerate(rmeta)}
    return keys, ly, removed, rm_p, (rp, gp, lp, back)


def report(pages, keys, y, removed, rm_p, kind=None, lang=None, summary=False) -> None:
    """Print the tables and the per-fold lists (see the module doc)."""
    per_lang: dict[str, list] = defaultdict(lambda: [[], []])
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    missed_pos: Counter = Counter()
    all_pos: Counter = Counter()
    reasons: Counter = Counter()
    sides = {n: body_side(pg["lines"]) for n, pg in enumerate(pages) if not pg["extra"]}
    verdict: dict[tuple[int, int], tuple[int, bool]] = {}
    for j, (n, i) in enumerate(keys):
        pg = pages[n]
        verdict[(n, i)] = (int(y[j]), bool(removed[j]))
        per_lang[pg["lang"]][0].append(removed[j])
        per_lang[pg["lang"]][1].append(y[j])
        if y[j]:
            lab = pg["labels"][i].label
            per_kind[lab][1] += 1
            per_kind[lab][0] += int(removed[j])
            all_pos[(lab, sides[n][i])] += 1
            if not removed[j]:
                missed_pos[(lab, sides[n][i])] += 1
                reasons[miss_reason(pg, i)] += 1
                reasons[(miss_reason(pg, i), lab)] += 1
    print("all:", line_train.figures(np.asarray(removed), np.asarray(y)))
    for lg, (r, t) in sorted(per_lang.items()):
        print(f"  {lg}: {line_train.figures(np.array(r), np.array(t))}")
    print("per kind (removed/all):", ", ".join(
        f"{k} {a}/{b}" for k, (a, b) in sorted(per_kind.items(), key=lambda kv: -kv[1][1])))
    print("missed furniture by kind and position (missed/all; before / in / after the body):")
    for k, (a, b) in sorted(per_kind.items(), key=lambda kv: kv[1][0] - kv[1][1]):
        cells = [f"{s} {missed_pos[(k, s)]}/{all_pos[(k, s)]}"
                 for s in ("before", "in", "after", "none") if all_pos[(k, s)]]
        print(f"  {k:14s} missed {b - a:3d}: " + ", ".join(cells))
    print("why the models left them (all kinds):", ", ".join(
        f"{r} {c}" for r, c in reasons.most_common() if isinstance(r, str)))
    for r in [r for r, _ in reasons.most_common() if isinstance(r, str)]:
        kinds = sorted(((c, k[1]) for k, c in reasons.items()
                        if isinstance(k, tuple) and k[0] == r), reverse=True)
        print(f"  {r:10s}: " + ", ".join(f"{k} {c}" for c, k in kinds[:8]))
    if summary:
        return
    folds = page_folds(pages)
    for f in range(train_runs.FOLDS):
        print(f"\n=== fold {f} ===")
        for n, pg in enumerate(pages):
            if pg["extra"] or folds[n] != f or (lang and pg["lang"] != lang):
                continue
            out = _page_errors(n, pg, verdict, sides[n], rm_p, kind)
            if out:
                print(f"-- {pg['id']} [{pg['lang']}] {pg['site']}")
                print("\n".join(out))


def _page_errors(n, pg, verdict, side, rm_p, kind) -> list[str]:
    """Lines of the report for one page: runs of missed furniture, lost content lines."""
    lines, labels, probs = pg["lines"], pg["labels"], pg.get("probs", {})
    out: list[str] = []
    run: list[int] = []

    def flush() -> None:
        if run and (kind is None or any(labels[i].label == kind for i in run)):
            kinds = "/".join(sorted({labels[i].label for i in run}))
            out.append(f"  MISSED {len(run)} {kinds} ({side[run[0]]} body)")
            for i in run:
                out.append(f"     lm {probs.get(i, -1):+.2f} rm {rm_p.get((n, i), -1):+.2f} "
                           f"{miss_reason(pg, i):9s} {labels[i].label:10s} "
                           f"{lines[i].text[:SHOW_CHARS]!r}")
        run.clear()

    for i, ln in enumerate(lines):
        if ln.blank or (n, i) not in verdict:
            continue
        is_b, gone = verdict[(n, i)]
        if is_b and not gone:
            run.append(i)
            continue
        flush()
        if not is_b and gone and kind is None:
            rule = ln.removal.rule if ln.removal is not None else "run_model"
            out.append(f"  LOST content ({side[i]} body) by {rule}: {ln.text[:SHOW_CHARS]!r}")
    flush()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fresh", action="store_true", help="recompute the out-of-fold first stage")
    ap.add_argument("--search", action="store_true", help="thresholds picked on the CV scores")
    ap.add_argument("--summary", action="store_true", help="tables only")
    ap.add_argument("--kind", help="list only runs holding this boilerplate kind")
    ap.add_argument("--lang", help="list only pages of this language")
    args = ap.parse_args(argv)
    pages = train_runs.load_pages(args.fresh)
    keys, y, removed, rm_p, th = final_decisions(pages, args.search)
    print(f"run-model thresholds remove / good / list / give back: {th}")
    report(pages, keys, y, removed, rm_p, args.kind, args.lang, args.summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())

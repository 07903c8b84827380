"""Which line the strip takes for the headline, and how often it is labelled furniture
(issue 10, branch strip-title9; TRAIN split only).

    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.headline            # counts
    PYTHONPATH=src:. .venv/bin/python -m tools.strip_model.headline --show     # + each page

Per TRAIN page: the lines as :func:`cleannews.strip._page.judge_page` leaves them (the
repair stage's output, as the strip reads it), the line :func:`title_line` picks, and its
label. Two sets are counted apart: the batches of :data:`DEV_BATCHES` (the older TRAIN
batches, where the headline rules are tuned) and the rest (the round-9 batches, a check set
no headline rule was written on). Only pages that no held-out list of ``split.json`` names
are read (:func:`tools.strip_model.train.read_train_corpus`).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from cleannews.evaluate import _clean_traced, _stats, page_batch, read_corpus, unit_rows
from cleannews.strip.detectors import title_line
from tools.strip_model.train import CORPUS, align_labels, read_train_corpus, serving_lines

#: The TRAIN batches before round 9 (``tests/conftest.py``: ROUND8_TRAIN_BATCHES).
DEV_BATCHES = frozenset({
    "de-c", "de-d", "de-m", "en-d", "en-m", "es-c", "es-d", "es-m",
    "fr-a", "fr-b", "fr-c", "fr-d", "it-c", "it-d", "it-m",
})


def headline_rows():
    """(page id, set, headline index, its label or None, its text) of every TRAIN page."""
    for rec, doc, labelled in read_train_corpus():
        text, page = serving_lines(doc)
        labels = align_labels(doc, labelled, text)
        h = title_line(page.lines)
        lab = labels[h] if 0 <= h < len(labels) else None
        where = "dev" if page_batch(rec["id"]) in DEV_BATCHES else "check"
        yield rec["id"], where, h, lab, page.lines[h].text if h >= 0 else ""


def set_figures(root: Path = CORPUS) -> dict[str, dict]:
    """``cleannews.evaluate``'s figures (P, R, F1, content kept) of the TRAIN pages, per set
    (``dev``: :data:`DEV_BATCHES`, ``check``: the rest), computed as
    :func:`cleannews.evaluate.evaluate_corpus` does."""
    groups: dict[str, list] = {"dev": [], "check": []}
    for rec, doc, labelled in read_corpus(root, ("train",)):
        visible = "\n".join(lb.text for lb in labelled)
        out, trace = _clean_traced(doc, False)
        where = "dev" if page_batch(rec["id"]) in DEV_BATCHES else "check"
        groups[where].extend(unit_rows(rec["id"], labelled, out, visible, trace))
    return {k: _stats(v) for k, v in groups.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", action="store_true", help="print every furniture headline")
    ap.add_argument("--set", choices=("dev", "check", "all"), default="all")
    ap.add_argument("--eval", action="store_true", help="also P / R / F1 / content kept per set")
    args = ap.parse_args(argv)
    pages: Counter = Counter()
    furn: Counter = Counter()
    kinds: dict[str, Counter] = {"dev": Counter(), "check": Counter()}
    for pid, where, h, lab, text in headline_rows():
        if args.set != "all" and where != args.set:
            continue
        pages[where] += 1
        if lab is not None and not lab.content:
            furn[where] += 1
            kinds[where][lab.label] += 1
            if args.show:
                print(f"{where:5} {pid:12} {h:3} {lab.label:8} {text[:100]!r}")
    for where in ("dev", "check"):
        if pages[where]:
            top = ", ".join(f"{k} {v}" for k, v in kinds[where].most_common())
            print(f"{where}: {furn[where]} of {pages[where]} pages take a furniture line "
                  f"for the headline ({top})")
    if args.eval:
        for where, st in set_figures().items():
            print(f"{where}: P {st['removal_precision']:.4f} R {st['removal_recall']:.4f} "
                  f"F1 {st['removal_f1']:.4f} content kept {st['content_kept_share']:.4f} "
                  f"(content lost {st['content_dropped']} of {st['content_lines']}, "
                  f"furniture removed {st['removed_boilerplate']} of {st['boilerplate_lines']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Train the strip stage's line model on the TRAIN split of fixtures/strip_real.

    .venv/bin/python -m tools.strip_model.train                # CV report + writes the model
    .venv/bin/python -m tools.strip_model.train --cv-only      # development figures only
    .venv/bin/python -m tools.strip_model.train --cv-only --grid   # every threshold pair

Needs scikit-learn and numpy (training only; the shipped model is plain JSON
read by :mod:`cleannews.strip.linemodel`). Only TRAIN pages are read: every page of
the manifests that no held-out list of ``split.json`` names (:func:`read_train_corpus`:
any ``*_ids`` / ``*_sites`` list); held-out pages are never trained on.
``python -m tools.strip_model`` rebuilds this model and the run model in one command.

1. every train page (plus the 0.1.0 plain-text fixtures and AUGMENT_PAGES
   recombined pages: fixture articles with TRAIN furniture spliced in) goes
   through the repair stage and the rules/detectors exactly as served
   (:func:`serving_lines`: :func:`cleannews.strip._page.judge_page`, the function
   ``strip_text`` calls, so the page's own rule files apply) — or, with
   ``STRIP_MODEL_RULES=loso`` (:func:`loso_rules`), each real page judged without the
   rule patterns that take lines on its own site alone, as a new site's page would be;
   the lines the model would judge (standing lines and lines removed only by position
   rules) get their features and their label (boilerplate or content);
2. group k-fold by site: the furniture odds (first word, first two words,
   every word) and the trees are fitted on the other sites' pages, the held-out
   sites' lines are scored; inside a training set the odds features are
   cross-fitted (each page's odds come from the other sites) so the trees learn
   how far odds learnt elsewhere can be trusted. The pooled out-of-fold scores of
   the real pages give the development figures (removal precision / recall over
   all labelled lines, rules included) for a grid of thresholds; the thresholds
   kept give the best F1 with the rules' precision, at most KEPT_SLACK more
   content lost, and model changes right at least MODEL_MIN_PRECISION of the time;
3. the final model is fitted on all train pages and the thresholds are chosen **at the
   guarded point** (:func:`guarded_point`): the search of step 2 runs again with each
   threshold held above the score of every content line of GUARD_PAGES recombined pages
   (another seed) that the model removed at the previous choice, until it removes none;
   every threshold (``give_back_p`` too) and the CV figures recorded are those of that
   final point. It is written to ``src/cleannews/strip/data/line_model.json`` with the
   SHA-256 of the training data, the date and the CV figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import sys
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # scikit-learn is imported where a model is fitted (the train extra)
    from sklearn.ensemble import GradientBoostingClassifier

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))

import cleannews  # noqa: E402
from cleannews.evaluate import page_batch, read_corpus, read_fixture  # noqa: E402
from cleannews.strip._page import judge_page  # noqa: E402
from cleannews.strip.detectors import BAD, _key, _stoplists, title_line  # noqa: E402
from cleannews.strip.linemodel import (  # noqa: E402
    FEATURES,
    MODEL_MAX_WORDS,
    NEIGHBOUR_FEATURES,
    NEVER,
    RECALL_MIN_FURNITURE,
    TOKEN_ODDS_WORDS,
    LineModel,
    article_lists,
    first_tokens,
    is_candidate,
    is_prose,
    line_features,
    load_line_model,
    neighbour_features,
    stage1_scores,
    subheadings,
)

CORPUS = REPO / "fixtures" / "strip_real"
FIXTURES = REPO / "fixtures" / "strip"
OUT = REPO / "src" / "cleannews" / "strip" / "data" / "line_model.json"
FOLDS = 5
#: Folds inside a training set for the out-of-fold stage-1 scores that stage 2 learns from.
INNER_FOLDS = 4
#: The first-word odds table keeps tokens seen this often, on this many sites.
ODDS_MIN_COUNT = 4
ODDS_MIN_SITES = int(os.environ.get("STRIP_MODEL_ODDS_SITES", "3"))
#: Smoothing of the odds (pseudo-counts).
ODDS_ALPHA = 2.0
TARGET_KEPT = 0.995
#: Threshold grids searched on the cross-validated scores. Giving back position-rule removals
#: (``give_back_p``) kept two more content lines in cross-validation but made the strip stage
#: about 17 % slower (many more lines to score): set ``STRIP_MODEL_FULL_GRID=1`` to search it.
REMOVE_GRID = (0.6, 0.7, 0.75, 0.8, 0.85, 0.88, 0.9, 0.92, 0.94, 0.96, NEVER)
LIST_GRID = (0.7, 0.75, 0.8, 0.85, 0.9, 0.95, NEVER)
GIVE_BACK_GRID: tuple[float, ...] = (
    (0.0, 0.05, 0.1, 0.2) if os.environ.get("STRIP_MODEL_FULL_GRID") else (0.0,)
)
#: Thresholds are chosen for the best CV F1 that keeps the rules' precision and loses at
#: most this much more content than the rules alone (precision first).
#: 0 (the default since the fifth round, with loso training): no content line more than the
#: rules in CV; strip-model4's loso pair, searched with 0.003, failed held-out floors.
KEPT_SLACK = float(os.environ.get("STRIP_MODEL_KEPT_SLACK", "0"))
#: ... and whose own changes (lines it adds or gives back) are right this often
#: (the issue's precision target applied to the model's share of the work).
MODEL_MIN_PRECISION = 0.95
#: Recombined pages (article content + TRAIN furniture) the thresholds must not lose a
#: content line of; another seed than the test's, so the test stays a check.
GUARD_PAGES = 240
GUARD_SEED = 7
#: The guard reads a lost line's score from its reason, printed with two decimals: the exact
#: score lies within this of the printed one, so a threshold must exceed printed + margin.
GUARD_MARGIN = 0.005
#: The line model's removal thresholds (the guard raises them; ``give_back_p`` only gives
#: lines back, so it never loses a guard page's content, but it is searched again with them).
LINE_THRESHOLDS = ("remove_p", "remove_list_p")
#: Recombined pages added to the training data (a third seed), so the model learns that
#: article lines next to furniture stay.
AUGMENT_PAGES = int(os.environ.get("STRIP_MODEL_AUGMENT", "150"))
AUGMENT_SEED = 11
#: Regularised trees (issue 10, branch strip-model): the same CV operating point as
#: 100 trees / leaves of 20 / every feature per split, and fewer content lines at every
#: lower threshold (0.75-0.9) of the site-grouped CV: they rank unseen sites better.
PARAMS = {
    "n_estimators": 150, "max_depth": 3, "learning_rate": 0.05, "subsample": 0.7,
    "min_samples_leaf": 40, "max_features": 0.5, "random_state": 0,
}
#: Row weights (:func:`row_weights`): 0 = every line counts the same; 0.5 = a page of n
#: lines weighs sqrt(n) lines. Furniture rows are weighted FURNITURE_WEIGHT times.
PAGE_WEIGHT_POWER = float(os.environ.get("STRIP_MODEL_PAGE_WEIGHT", "0"))
FURNITURE_WEIGHT = float(os.environ.get("STRIP_MODEL_FURNITURE_WEIGHT", "1"))
#: How the real TRAIN pages are judged for training and CV: "served" (the rule files as
#: shipped) or "loso" (each page without the rule patterns that fire on its own site alone,
#: :func:`loso_rules`: the rule files were written from these pages, and a new site's page
#: meets the rules as these do). Branch strip-model4: loso-trained models removed more
#: furniture at the same content kept in site-grouped CV judged either way, but failed the
#: held-out floors of tests/test_strip_real_gate.py (not studied). Branch strip-loso5 found the
#: cause (the run model's absolute content floor sat below the first stage's) and calibrated
#: both models against the rules' own content in CV; "loso" is the default since (with
#: KEPT_SLACK 0), so this one command rebuilds the shipped models.
RULES_MODE = os.environ.get("STRIP_MODEL_RULES", "loso")
RULES_MODE_ABOUT = {
    "served": "every page judged by the rule files as shipped",
    "loso": "every real TRAIN page judged without the rule patterns that fire on its own "
    "site alone (tools.strip_model.rule_support)",
}
#: How the CV figures' held-out pages are judged (``STRIP_MODEL_EVAL_RULES``; as trained).
EVAL_MODE = os.environ.get("STRIP_MODEL_EVAL_RULES", RULES_MODE)
#: Experiments: features set to 0 in every row (comma-separated names; never split on).
DROP_FEATURES = [FEATURES.index(f) for f in os.environ.get("STRIP_MODEL_DROP", "").split(",") if f]
if os.environ.get("STRIP_MODEL_PARAMS"):  # experiments: a JSON dict of overrides
    PARAMS.update(json.loads(os.environ["STRIP_MODEL_PARAMS"]))


#: Weakly labelled pages derived from HTML pages with gold text (:mod:`tools.strip_model.weak`,
#: branch strip-weak10): comma-separated sources ("gold": the gold-text benchmark's dev part,
#: "traf": trafilatura's evaluation set's dev half); empty = none (the default). They are
#: trained on (odds tables and trees, rows weighted WEAK_WEIGHT) and never scored in the CV
#: figures; their lines labelled unknown are left out.
WEAK_SOURCES = tuple(x for x in os.environ.get("STRIP_MODEL_WEAK", "").split(",") if x)
WEAK_WEIGHT = float(os.environ.get("STRIP_MODEL_WEAK_WEIGHT", "0.3"))
#: Weight of a weak page's line in the furniture odds tables (the counts; default WEAK_WEIGHT).
WEAK_ODDS_WEIGHT = float(os.environ.get("STRIP_MODEL_WEAK_ODDS_WEIGHT", str(WEAK_WEIGHT)))
#: "all": weak pages feed the odds tables and the trees; "odds": the odds tables only (the
#: trees learn from the real pages, with odds that also count the weak pages' words).
WEAK_USE = os.environ.get("STRIP_MODEL_WEAK_USE", "all")
#: 1: a weak page's furniture rows are scaled so that the weak rows' furniture : content weight
#: ratio is the real pages' (rendered HTML pages hold ~6 furniture lines per content line that
#: the model may judge, the corpus pages ~1 for 2).
WEAK_BALANCE = os.environ.get("STRIP_MODEL_WEAK_BALANCE", "0") == "1"
#: Keep only this many lines before the first / after the last content line of a weak page
#: (-1: the whole rendered page; :func:`tools.strip_model.weak.window`).
WEAK_WINDOW = int(os.environ.get("STRIP_MODEL_WEAK_WINDOW", "-1"))
#: Experiments: train (and score in CV) only the real TRAIN pages of these batches
#: ("round8": ``ROUND8_TRAIN_BATCHES`` of tests/conftest.py, the batches before round 9; or a
#: comma-separated list such as "fr-a,fr-b"); empty = every TRAIN page.
TRAIN_BATCHES = os.environ.get("STRIP_MODEL_BATCHES", "")
ROUND8_TRAIN_BATCHES = frozenset({
    "de-c", "de-d", "de-m", "en-d", "en-m", "es-c", "es-d", "es-m",
    "fr-a", "fr-b", "fr-c", "fr-d", "it-c", "it-d", "it-m",
})
#: Leave-batch-out experiments (issue 10, round 30): TRAIN batches the models are neither
#: trained nor cross-validated on, comma-separated, each a batch ("fr-r30") or a round tag
#: ("r30": that round's batch in every language); e.g. ``STRIP_MODEL_EXCLUDE=r30,r31``, then
#: ``tools.strip_corpus.score_batches --half r30`` scores pages no model saw. Empty = none.
EXCLUDE_BATCHES = os.environ.get("STRIP_MODEL_EXCLUDE", "")
#: Page "languages" that are training material only, never part of the CV figures.
EXTRA_LANGS = frozenset({"fixture", "weak"})


def _batch_ok(page_id: str, batches: str = TRAIN_BATCHES) -> bool:
    """The page belongs to the batches trained on (:data:`TRAIN_BATCHES`).

    >>> _batch_ok("fr-e-0003", "round8"), _batch_ok("fr-a-0003", "round8"), _batch_ok("x", "")
    (False, True, True)
    """
    if in_batches(page_id, EXCLUDE_BATCHES):
        return False
    if not batches:
        return True
    wanted = ROUND8_TRAIN_BATCHES if batches == "round8" else frozenset(batches.split(","))
    return page_batch(page_id) in wanted


def in_batches(page_id: str, batches: str | frozenset[str]) -> bool:
    """The page belongs to one of ``batches`` (a comma-separated string or a set), each a
    batch (``fr-r30``) or a round tag (``r30``: that round's batch in every language).

    >>> in_batches("fr-r30-0003", "r30,r31"), in_batches("de-r31-0001", "fr-r31")
    (True, False)
    >>> in_batches("fr-a-0001", ""), in_batches("es-r29-0002", frozenset({"es-r29"}))
    (False, True)
    """
    wanted = frozenset(x for x in batches.split(",") if x) if isinstance(batches, str) else batches
    batch = page_batch(page_id)
    return batch in wanted or batch.split("-", 1)[-1] in wanted


#: The configuration the shipped models serve under (the defaults: fr/en rule files plus the
#: page's own language, :func:`cleannews.strip._page.judge_page`).
SERVING_CONFIG = cleannews.CleanConfig()


def held_out(split: dict) -> tuple[set[str], set[str]]:
    """(page ids, sites) kept out of training: every ``*_ids`` list and every ``*_sites``
    list of ``split.json`` (``test_ids``, ``test_sites``, a later ``test2_ids`` …).

    >>> ids, sites = held_out({"about": "", "test_sites": ["a.fr"], "test_ids": ["p1"],
    ...                        "test2_ids": ["p2"]})
    >>> sorted(ids), sorted(sites)
    (['p1', 'p2'], ['a.fr'])
    """
    ids: set[str] = set()
    sites: set[str] = set()
    for key, val in split.items():
        if isinstance(val, list) and key.endswith("_ids"):
            ids.update(val)
        elif isinstance(val, list) and key.endswith("_sites"):
            sites.update(val)
    return ids, sites


def read_train_corpus(root: Path = CORPUS, *, unscored: bool = False
                      ) -> list[tuple[dict, str, list]]:
    """Every page of the corpus manifests that no held-out list of ``split.json`` names.

    A page is held out when its id is in a ``*_ids`` list, its site in a ``*_sites``
    list, or its site is the site of a held-out id (held out by site); the rest is TRAIN,
    whatever manifests were added. The pages of the batches of the corpus's
    ``unscored.json`` (a transfer check the lead has not scored) are left out unless
    ``unscored`` (:func:`cleannews.evaluate.read_corpus`): no model is trained on them.
    """
    split = json.loads((root / "split.json").read_text("utf-8"))
    ids, sites = held_out(split)
    pages = read_corpus(root, unscored=unscored)
    sites |= {rec["site"] for rec, _, _ in pages if rec["id"] in ids}
    out = []
    for rec, doc, labelled in pages:
        if rec["id"] in ids or rec["site"] in sites:
            continue
        rec = dict(rec, split="train")
        out.append((rec, doc, labelled))
    return out


def serving_lines(doc: str, drop=None) -> tuple[str, object]:
    """(text the strip stage reads, :class:`~cleannews.strip._page.JudgedPage`) of a document:
    the repair stage's output judged by :func:`~cleannews.strip._page.judge_page`, the
    function :func:`cleannews.strip.strip_text` calls (the document itself in the rare case
    repair changed its non-blank lines, so that the labels stay aligned). ``drop``: rule
    patterns left out of the rule files (:func:`tools.strip_model.rule_support.judge_without`).
    """
    fixed = cleannews.repair(doc, SERVING_CONFIG).text
    if fixed.count("\n") != doc.count("\n") and _nonblank(fixed) != _nonblank(doc):
        fixed = doc
    if drop:
        from tools.strip_model.rule_support import judge_without

        return fixed, judge_without(fixed, SERVING_CONFIG, drop)
    return fixed, judge_page(fixed, SERVING_CONFIG)


def _nonblank(text: str) -> int:
    """Number of lines of ``text`` holding more than white space."""
    return sum(1 for x in text.split("\n") if x.strip())


def align_labels(doc: str, labelled: list, text: str) -> list:
    """One label (or None) per line of ``text``, the repair stage's output of ``doc``.

    The labelled fixture gives one label per non-empty line of ``doc``. When repair kept
    the line count the labels go line for line; when it only folded blank lines (it does on
    ~15 % of the pages) the non-blank lines are matched in order.

    >>> from cleannews.evaluate import Labelled
    >>> labs = [Labelled("C", "Titre"), Labelled("nav", "Menu")]
    >>> out = align_labels("Titre\\n\\n\\nMenu", labs, "Titre\\n\\nMenu")
    >>> [lb.label if lb else None for lb in out]
    ['C', None, 'nav']
    """
    it = iter(labelled)
    doc_lines = doc.split("\n")
    labels = [next(it) if x != "" else None for x in doc_lines]
    if text.count("\n") == doc.count("\n"):
        return labels
    kept = iter([lab for x, lab in zip(doc_lines, labels, strict=True) if x.strip()])
    return [next(kept) if x.strip() else None for x in text.split("\n")]


def _fixture_pages():
    """The 0.1.0 plain-text fixtures (development data written with the rules), as pages."""
    for p in sorted(FIXTURES.glob("*.txt")):
        doc, labelled, _ = read_fixture(p)
        yield {"id": p.stem, "site": "fixture:" + p.stem, "lang": "fixture", "split": "train"}, (
            doc
        ), labelled


def _recombined_pages():
    """Augmentation: 0.1.0 fixture articles with TRAIN furniture spliced in (one "site", so the
    odds tables never count them as several sites; never part of the CV figures)."""
    from cleannews.evaluate import recombined_pages

    for n, (doc, labelled) in enumerate(
        recombined_pages(REPO / "fixtures", AUGMENT_PAGES, AUGMENT_SEED)
    ):
        rec = {"id": f"recombined-{n:04d}", "site": "recombined", "lang": "fixture",
               "split": "train"}
        yield rec, doc, labelled


def pages_train(with_fixtures: bool = True, mode: str | None = None) -> list[dict]:
    """Every train page: its lines after the rules, labels, site (``extra``: a 0.1.0 fixture
    or a recombined page); ``mode``: :data:`RULES_MODE` by default."""
    out = []
    sources = [src for src in read_train_corpus() if _batch_ok(src[0]["id"])]
    if with_fixtures:
        sources += list(_fixture_pages())
        if AUGMENT_PAGES:
            sources += list(_recombined_pages())
        if WEAK_SOURCES:
            from tools.strip_model.weak import as_sources, load

            sources += as_sources(load(WEAK_SOURCES), WEAK_WINDOW)
    for rec, doc, labelled in sources:
        if rec["split"] != "train":
            continue
        pg = _page_dict(rec, doc, labelled)
        if rec["lang"] == "weak":
            _unknown_headline_and_protected(pg)
        out.append(pg)
    if (RULES_MODE if mode is None else mode) == "loso":
        out = loso_rules(out, sources)
    return out


def corpus_counts(pages: list[dict]) -> dict[str, int]:
    """The real corpus pages and sites among the training ``pages`` (the model files record
    them beside ``training_pages``, which also counts the 0.1.0 fixtures and recombined pages).

    >>> corpus_counts([{"site": "a.fr", "extra": False}, {"site": "a.fr", "extra": False},
    ...                {"site": "recombined", "extra": True}])
    {'training_corpus_pages': 2, 'training_corpus_sites': 1}
    """
    real = [pg for pg in pages if not pg["extra"]]
    return {"training_corpus_pages": len(real),
            "training_corpus_sites": len({pg["site"] for pg in real})}


def _unknown_headline_and_protected(pg: dict) -> None:
    """A weak page's boilerplate label on the line taken for the headline or on a protected
    line (byline, dateline) is made unknown: gold bodies often leave the title and the byline
    out, and the corpus guideline counts both as content."""
    h = title_line(pg["lines"])
    for i, (ln, lab) in enumerate(zip(pg["lines"], pg["labels"], strict=True)):
        if lab is not None and not lab.content and (i == h or ln.protected):
            pg["labels"][i] = None


def _page_dict(rec: dict, doc: str, labelled: list, drop=None) -> dict:
    """One training page: its lines after the rules (minus the patterns ``drop``), labels."""
    text, page = serving_lines(doc, drop)
    spans = page.spans
    labels = align_labels(doc, labelled, text)
    labels = labels[: len(spans)] + [None] * (len(spans) - len(labels))
    return {"id": rec["id"], "site": rec["site"], "lang": rec["lang"],
            "lines": page.lines, "labels": labels, "text": doc,
            "extra": rec["lang"] in EXTRA_LANGS, "page_stop": page.page_stop,
            "languages": page.languages}


def loso_rules(pages: list[dict], sources: list) -> list[dict]:
    """``pages`` with every real page judged again **without its own site's rule patterns**
    (the patterns that took lines on that TRAIN site alone: most were written from its pages;
    :mod:`tools.strip_model.rule_support`): the models then learn from and are judged on pages
    where the rules fire as they do on a new site (``STRIP_MODEL_RULES=loso``)."""
    from tools.strip_model.rule_support import own_site_patterns, pattern_support

    own = own_site_patterns(pattern_support([pg for pg in pages if not pg["extra"]]))
    recs = {rec["id"]: (rec, doc, labelled) for rec, doc, labelled in sources}
    out = []
    for pg in pages:
        drop = own.get(pg["site"]) if not pg["extra"] else None
        out.append(_page_dict(*recs[pg["id"]], drop) if drop else pg)
    return out


def odds_table(pages: list[dict]) -> dict[str, float]:
    """Log-odds of furniture for the first word / first two words of short lines."""
    cnt: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    sites: dict[str, set] = defaultdict(set)
    nb = nc = 0
    for pg in pages:
        w = WEAK_ODDS_WEIGHT if pg["lang"] == "weak" else 1.0
        if not w:
            continue
        for ln, lab in zip(pg["lines"], pg["labels"], strict=True):
            if ln.blank or lab is None or lab.whitespace or ln.n > MODEL_MAX_WORDS:
                continue
            y = not lab.content
            nb += y * w
            nc += (not y) * w
            fw, fb = first_tokens(ln.text)
            toks = set(ln.words[:TOKEN_ODDS_WORDS])  # bare words: a word holds no colon
            for key in ("w:" + fw, "b:" + fb, *toks):
                cnt[key][y] += w
                sites[key].add(pg["site"])
    prior = math.log((nb + ODDS_ALPHA) / (nc + ODDS_ALPHA))
    table = {}
    for key, (c, b) in cnt.items():
        seen = c + b >= ODDS_MIN_COUNT and len(sites[key]) >= ODDS_MIN_SITES
        if seen and key not in ("w:", "b:"):
            table[key] = round(math.log((b + ODDS_ALPHA) / (c + ODDS_ALPHA)) - prior, 3)
    return table


def page_rows(pages: list[dict], odds: dict[str, float]) -> list[dict]:
    """Per page: base features of every non-blank line, candidates, labels."""
    out = []
    for pg in pages:
        lines = pg["lines"]
        headline = title_line(lines)
        tk = _key(lines[headline].key_text or lines[headline].text) if headline >= 0 else ""
        stop = _stoplists()[pg["page_stop"]]  # the page language as strip_text guesses it
        feats = line_features(lines, stop, odds, headline, tk, _key)
        for x in feats.values() if DROP_FEATURES else ():
            for f in DROP_FEATURES:
                x[f] = 0.0
        out.append({"pg": pg, "feats": feats, "headline": headline, "idx": sorted(feats)})
    return out


def page_rows_crossfit(pages: list[dict]) -> list[dict]:
    """``page_rows`` whose odds features come from the other sites' pages (cross-fitting).

    The trees then learn how far odds learnt elsewhere can be trusted, as at run time;
    odds fitted on the same pages would look far more certain than they are.
    """
    groups = [pg["site"] for pg in pages]
    out: list = [None] * len(pages)
    for tr, te in _group_kfold()(n_splits=INNER_FOLDS).split(pages, groups=groups):
        odds = odds_table([pages[k] for k in tr])
        for k, pr in zip(te, page_rows([pages[k] for k in te], odds), strict=True):
            out[k] = pr
    return out


def stage1_matrix(prs: list[dict], pages_out: list | None = None):
    """(X, y) of the candidate lines (labelled, not whitespace) for stage 1 (``pages_out``
    receives each row's page id)."""
    X, y = [], []
    for pr in prs:
        lines, labels = pr["pg"]["lines"], pr["pg"]["labels"]
        for i in pr["idx"]:
            lab = labels[i]
            if lab is None or lab.whitespace or not is_candidate(lines[i], i, pr["headline"]):
                continue
            X.append(pr["feats"][i])
            y.append(0 if lab.content else 1)
            if pages_out is not None:
                pages_out.append(pr["pg"]["id"])
    return np.array(X, float), np.array(y)


def row_weights(page_ids: list[str], y, power: float | None = None,
                furniture: float | None = None) -> np.ndarray:
    """Training weight of each row: ``1 / lines_of_its_page ** PAGE_WEIGHT_POWER`` (a long
    listing page does not outweigh many short ones), furniture rows times FURNITURE_WEIGHT;
    mean 1.

    >>> w = row_weights(["a", "a", "a", "a", "b"], np.array([0, 0, 0, 0, 1]), power=0.5)
    >>> w.round(2).tolist()
    [0.83, 0.83, 0.83, 0.83, 1.67]
    """
    n: dict[str, int] = defaultdict(int)
    for g in page_ids:
        n[g] += 1
    power = PAGE_WEIGHT_POWER if power is None else power
    furniture = FURNITURE_WEIGHT if furniture is None else furniture
    w = np.array([n[g] ** -power for g in page_ids], float)
    weak_rows = np.array([g.startswith("weak:") for g in page_ids], bool)
    w *= np.where(weak_rows, WEAK_WEIGHT, 1.0)
    y_arr = np.asarray(y)
    if WEAK_BALANCE and weak_rows.any() and (~weak_rows).any():
        real = np.sum(y_arr[~weak_rows] == 1) / max(1, np.sum(y_arr[~weak_rows] == 0))
        weak_ratio = np.sum(y_arr[weak_rows] == 1) / max(1, np.sum(y_arr[weak_rows] == 0))
        w *= np.where(weak_rows & (y_arr == 1), real / max(weak_ratio, 1e-9), 1.0)
    w *= np.where(np.asarray(y) == 1, furniture, 1.0)
    return w * (len(w) / w.sum())


def score_stage1(prs: list[dict], model) -> None:
    """Store each page's stage-1 scores (``p1``) from ``model``."""
    for pr in prs:
        lines = pr["pg"]["lines"]
        cands = [
            i for i in pr["idx"]
            if is_candidate(lines[i], i, pr["headline"]) and not is_prose(lines[i])
        ]
        probs = {}
        if cands:
            p = model.predict_proba(np.array([pr["feats"][i] for i in cands]))[:, 1]
            probs = dict(zip(cands, p, strict=True))
        pr["p1"] = stage1_scores(lines, pr["feats"], lambda x, i=None: 0.0, pr["headline"])
        pr["p1"].update(probs)


def full_rows(prs: list[dict]):
    """(X2, y, cand, hard, meta) over every labelled non-blank line, stage-2 features.

    A line's class is compared by value (``== BAD``), not identity: pages read back from a
    pickle (the run model's cache, a development harness) carry equal but not identical
    strings, and ``is`` counted none of their rule removals (the figures then read as if the
    rules removed nothing; the scores were right).
    """
    X, y, cand, hard, meta = [], [], [], [], []
    for pr in prs:
        pg = pr["pg"]
        lines, labels, idx = pg["lines"], pg["labels"], pr["idx"]
        lists = article_lists(lines) | subheadings(lines)
        for k, i in enumerate(idx):
            lab, ln = labels[i], lines[i]
            if lab is None or lab.whitespace:
                continue
            c = is_candidate(ln, i, pr["headline"])
            X.append(pr["feats"][i] + neighbour_features(idx, pr["p1"], i, k))
            y.append(0 if lab.content else 1)
            cand.append(c)
            hard.append(ln.cls == BAD and not c)
            meta.append((pg["id"], pg["site"], pg["lang"], lab.label, i, ln.cls == BAD,
                         i in lists and not is_prose(ln), is_prose(ln)))
    return np.array(X, float), np.array(y), np.array(cand, bool), np.array(hard, bool), meta


def fit_two_stages(prs: list[dict]):
    """Stage 1 on all candidates; stage 2 on candidates with out-of-fold stage-1 neighbours
    (weak pages only when :data:`WEAK_USE` is "all")."""
    if WEAK_USE != "all":
        prs = [pr for pr in prs if pr["pg"]["lang"] != "weak"]
    groups = [pr["pg"]["site"] for pr in prs]
    for tr, te in _group_kfold()(n_splits=INNER_FOLDS).split(prs, groups=groups):
        ids: list[str] = []
        X, y = stage1_matrix([prs[k] for k in tr], ids)
        score_stage1([prs[k] for k in te], fit(X, y, row_weights(ids, y)))
    X2, y2, c2, _, meta2 = full_rows(prs)
    ids2 = [m[0] for m, c in zip(meta2, c2, strict=True) if c]
    m2 = fit(X2[c2], y2[c2], row_weights(ids2, y2[c2]))
    ids1: list[str] = []
    X1, y1 = stage1_matrix(prs, ids1)
    m1 = fit(X1, y1, row_weights(ids1, y1))
    return m1, m2


def predict_two_stages(prs: list[dict], m1, m2):
    score_stage1(prs, m1)
    X2, y, cand, hard, meta = full_rows(prs)
    p = np.zeros(len(y))
    if cand.any():
        p[cand] = m2.predict_proba(X2[cand])[:, 1]
    return p, y, cand, hard, meta, X2


def decide(p, cand, hard, rule_bad, remove_p, give_back_p, lists=None, list_p=NEVER,
           never=None):
    """Final removal of each labelled line under the thresholds (the article's lists and
    subheadings: only at ``list_p``; prose and lines without a word: never)."""
    out = hard.copy()
    for k in range(len(p)):
        if cand[k]:
            if rule_bad[k]:
                out[k] = bool(p[k] >= give_back_p)
            elif never is not None and never[k]:
                out[k] = False
            elif lists is not None and lists[k]:
                out[k] = bool(p[k] >= list_p)
            else:
                out[k] = bool(p[k] >= remove_p)
    return out


def _model_precision(fig: dict, base: dict) -> float:
    """Precision of what the model changes over the rules alone: furniture lines gained over
    furniture + content lines gained (a content line given back counts as a gain too)."""
    gained = fig["tp"] - base["tp"]
    lost = fig["fp"] - base["fp"]
    if gained <= 0 and lost <= 0:
        return 1.0 if gained == 0 and lost < 0 else float(gained >= 0)
    if lost < 0:  # content given back: a gain on its own side
        return 1.0 if gained >= 0 else -lost / (-lost - gained)
    return gained / (gained + lost) if gained > 0 else 0.0


def breakdown(removed, y, meta) -> dict:
    """Print and return the figures per language; print the recall per kind."""
    per_lang: dict[str, list] = defaultdict(lambda: [[], []])
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for k, m in enumerate(meta):
        per_lang[m[2]][0].append(removed[k])
        per_lang[m[2]][1].append(y[k])
        if y[k]:
            per_kind[m[3]][1] += 1
            per_kind[m[3]][0] += int(removed[k])
    lang_figs = {lg: figures(np.array(a), np.array(b)) for lg, (a, b) in sorted(per_lang.items())}
    for lg, f in lang_figs.items():
        print(f"  {lg}: {f}")
    print("  per kind:", ", ".join(f"{k} {a}/{b}" for k, (a, b) in sorted(per_kind.items())))
    return lang_figs


def recombined_lost(
    pages: int = GUARD_PAGES, seed: int = GUARD_SEED
) -> list[tuple[str, float, bool]]:
    """(text, p, judged a list line or subheading) of the content lines the shipped model
    removes on recombined pages (0.1.0 fixture articles with TRAIN furniture spliced in:
    ``cleannews.evaluate.recombined_pages``, another seed)."""
    from cleannews.evaluate import _survival, recombined_pages

    cfg = cleannews.CleanConfig(score_spin=False, quarantine=False)
    lost = []
    for doc, labelled in recombined_pages(REPO / "fixtures", pages, seed):
        d = cleannews.clean(doc, cfg)
        by_model = [(c.before, float(c.reason.split("p=")[1][:4])) for c in d.changes
                    if c.rule == "line_model"]
        if not by_model:
            continue
        visible = "\n".join(lb.text for lb in labelled)
        gone = [
            lb.text.strip() for lb, ok in zip(labelled, _survival(labelled, d.text, visible),
                                              strict=True)
            if lb.content and not ok
        ]
        if not gone:
            continue
        # which threshold took the line: the stricter one for the article's lists / subheadings
        lines = serving_lines(doc)[1].lines
        strict = article_lists(lines) | subheadings(lines)
        for t in gone:
            for b, pb in by_model:
                if t in b:
                    i = next((i for i, ln in enumerate(lines) if ln.text == t), -1)
                    lost.append((t[:60], pb, i >= 0 and i in strict))
    return lost


def figures(removed, y) -> dict:
    tp = int(np.sum(removed & (y == 1)))
    fp = int(np.sum(removed & (y == 0)))
    fn = int(np.sum(~removed & (y == 1)))
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    kept = 1 - fp / max(1, int(np.sum(y == 0)))
    return {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
            "content_kept": round(kept, 4), "tp": tp, "fp": fp, "fn": fn}


def _group_kfold():
    """scikit-learn's ``GroupKFold``, imported on first use: reading pages and computing
    features (what the serving/training equality test needs) works without the train extra."""
    from sklearn.model_selection import GroupKFold

    return GroupKFold


def fit(X, y, w=None) -> GradientBoostingClassifier:
    """Gradient-boosted trees with :data:`PARAMS` (``w``: row weights)."""
    from sklearn.ensemble import GradientBoostingClassifier

    return GradientBoostingClassifier(**PARAMS).fit(X, y, sample_weight=w)


def cross_validate(pages: list[dict], eval_pages: list[dict] | None = None):
    """Out-of-fold scores, site-grouped folds; ``eval_pages``: the same pages in the same
    order judged another way (e.g. without their own site's rule patterns), scored instead."""
    groups = [pg["site"] for pg in pages]
    oof = {}
    eval_pages = pages if eval_pages is None else eval_pages
    for tr, te in _group_kfold()(n_splits=FOLDS).split(pages, groups=groups):
        tr_pages = [pages[k] for k in tr]
        te_pages = [eval_pages[k] for k in te]
        odds = odds_table(tr_pages)
        m1, m2 = fit_two_stages(page_rows_crossfit(tr_pages))
        p, yte, cte, hte, ids, _ = predict_two_stages(page_rows(te_pages, odds), m1, m2)
        for k, key in enumerate(ids):
            oof[(key[0], key[4])] = (p[k], yte[k], cte[k], hte[k], key)
    keys = sorted(k for k in oof if oof[k][4][2] not in EXTRA_LANGS)  # real pages only
    p = np.array([oof[k][0] for k in keys])
    y = np.array([oof[k][1] for k in keys])
    cand = np.array([oof[k][2] for k in keys])
    hard = np.array([oof[k][3] for k in keys])
    meta = [oof[k][4] for k in keys]
    return p, y, cand, hard, meta


def _trees(model: GradientBoostingClassifier) -> dict:
    trees = []
    lr = model.learning_rate
    for est in model.estimators_[:, 0]:
        t = est.tree_
        trees.append({
            "f": [int(max(f, 0)) for f in t.feature],
            "t": [round(float(x), 6) for x in t.threshold],
            "l": [int(x) for x in t.children_left],
            "r": [int(x) for x in t.children_right],
            "v": [round(float(x) * lr, 6) for x in t.value[:, 0, 0]],
        })
    prior = model.init_.class_prior_[1]
    return {"init": math.log(prior / (1 - prior)), "trees": trees}


def export(m1, m2, odds, remove_p, give_back_p, list_p, info) -> dict:
    return {"about": "strip line model: gradient-boosted trees over line features "
            "(cleannews.strip.linemodel); rebuild: python -m tools.strip_model.train",
            "features": list(FEATURES), "neighbour_features": list(NEIGHBOUR_FEATURES),
            "remove_p": remove_p, "give_back_p": give_back_p, "remove_list_p": list_p, **info,
            "odds": odds,
            "stage1": _trees(m1), "stage2": _trees(m2)}


def decide_point(point: dict, p, cand, hard, rule_bad, lists, wordless):
    """:func:`decide` at the thresholds of ``point`` (a dict with remove_p / give_back_p /
    remove_list_p)."""
    return decide(p, cand, hard, rule_bad, point["remove_p"], point["give_back_p"], lists,
                  point["remove_list_p"], wordless)


def choose_thresholds(p, y, cand, hard, rule_bad, lists, wordless, base: dict,
                      above: dict[str, float] | None = None, show: bool = False,
                      show_all: bool = False) -> dict:
    """The operating point of the line model on the out-of-fold scores ``p``: the best F1 with
    content kept >= the rules' minus KEPT_SLACK (at most TARGET_KEPT asked), precision >= the
    rules' and the model's own changes right >= MODEL_MIN_PRECISION of the time, over the
    grids; a threshold named in ``above`` only takes grid values above it (the guard's
    floors, :func:`guarded_point`). The rules alone (every threshold never) is the fallback.
    Returns ``{"remove_p", "give_back_p", "remove_list_p", "cv"}`` (``cv``: its figures).

    >>> y = np.array([1, 1, 0, 1]); cand = np.array([True, True, True, False])
    >>> p = np.array([0.97, 0.93, 0.95, 0.0]); no = np.zeros(4, bool)
    >>> rules = np.array([False, False, False, True])
    >>> base = figures(rules, y)
    >>> pt = choose_thresholds(p, y, cand, rules, rules, no, no, base)
    >>> pt["remove_p"], pt["cv"]["tp"], pt["cv"]["fp"]
    (0.96, 2, 0)
    >>> choose_thresholds(p, y, cand, rules, rules, no, no, base, {"remove_p": 0.975})["remove_p"]
    1.01
    """
    above = above or {}

    def allowed(name: str, grid: tuple[float, ...]) -> list[float]:
        return [g for g in grid if g > above.get(name, -1.0)] or [NEVER]

    best = None
    for rp in allowed("remove_p", REMOVE_GRID):
        for gp in allowed("give_back_p", GIVE_BACK_GRID):
            for pp in allowed("remove_list_p", LIST_GRID):
                fig = figures(decide(p, cand, hard, rule_bad, rp, gp, lists, pp, wordless), y)
                fig["model_precision"] = _model_precision(fig, base)
                ok = (
                    fig["content_kept"] >= min(TARGET_KEPT, base["content_kept"] - KEPT_SLACK)
                    and fig["precision"] >= base["precision"]
                    and fig["model_precision"] >= MODEL_MIN_PRECISION
                )
                if ok and (best is None or fig["f1"] > best["cv"]["f1"]):
                    best = {"remove_p": rp, "give_back_p": gp, "remove_list_p": pp, "cv": fig}
                if show and (show_all or (gp == 0.0 and pp == NEVER)):
                    print(f"  remove_p {rp:.2f} give_back_p {gp:.2f} list_p {pp:.2f}: {fig}")
    if best is None:  # the rules alone
        fig = figures(decide(p, cand, hard, rule_bad, NEVER, 0.0, lists, NEVER, wordless), y)
        fig["model_precision"] = _model_precision(fig, base)
        best = {"remove_p": NEVER, "give_back_p": 0.0, "remove_list_p": NEVER, "cv": fig}
    return best


#: A step of the recall-leaning walk is judged once it adds at least this many lines (pooled
#: with the next steps until then): the strictest steps add one or two lines, and one content
#: line among them stopped the walk at the rules (the round-36 feature experiment).
RECALL_MIN_STEP_LINES = 10


def recall_step_point(steps: list[tuple[float, dict]],
                      min_share: float = RECALL_MIN_FURNITURE,
                      min_lines: int = RECALL_MIN_STEP_LINES) -> tuple[float, dict]:
    """The recall-leaning point of a threshold sweep (round 36, model51): ``steps`` are
    ``(threshold, figures)`` from the strictest (the rules alone) to the loosest; the threshold
    is lowered step by step while the lines each step adds are at least ``min_share``
    furniture, the rule that chose ``RECALL_REMOVE_P`` (docs/strip-history.md,
    "Recall-leaning strip setting (issue 10, round 30)"). A step adding fewer than
    ``min_lines`` lines is pooled with the next ones before it is judged; the first judged
    step under the share stops the walk, even when a later one would pass.

    >>> f = lambda tp, fp: {"tp": tp, "fp": fp}
    >>> recall_step_point([(1.01, f(10, 1)), (0.9, f(28, 2)), (0.8, f(40, 12)), (0.7, f(90, 13))])
    (0.9, {'tp': 28, 'fp': 2})
    >>> recall_step_point([(1.01, f(10, 1)), (0.96, f(11, 2)), (0.9, f(30, 2))])
    (0.9, {'tp': 30, 'fp': 2})
    """
    threshold, at = steps[0]
    for t, fig in steps[1:]:
        gained, lost = fig["tp"] - at["tp"], fig["fp"] - at["fp"]
        if gained + lost < min_lines:
            continue  # too few lines to judge: pooled with the next step
        if gained / (gained + lost) < min_share:
            break
        threshold, at = t, fig
    return threshold, at


def print_recall_point(p, y, cand, hard, rule_bad, lists, wordless) -> tuple[float, dict]:
    """Print and return the line model's recall-leaning point on the out-of-fold scores ``p``
    (:func:`recall_step_point` over REMOVE_GRID, lists and give-back off): what a policy of
    "added removals at least RECALL_MIN_FURNITURE furniture" would ship, beside the point the
    trainer's guards choose (development figures; nothing is written)."""
    steps = [(rp, figures(decide(p, cand, hard, rule_bad, rp, 0.0, lists, NEVER, wordless), y))
             for rp in sorted(REMOVE_GRID, reverse=True)]
    rp, fig = recall_step_point(steps)
    print(f"recall-leaning point (each step's added lines >= {RECALL_MIN_FURNITURE:.0%} "
          f"furniture, lists never): remove_p {rp}: {fig}")
    return rp, fig


def second_pass_removed(pages, rule: str = "line_model") -> list[tuple[str, float, str]]:
    """(line, probability, text after one pass) of the lines of TRAIN pages that a
    second ``strip_text`` pass removes by the model ``rule`` (``line_model`` or
    ``run_model``). Cleaning twice must change nothing (``tests/test_strip_fixes.py``):
    the guards treat these lines like lost content lines (round 9: the line model
    retrained on 696 TRAIN pages took "cupure logo" on a second pass over fr-h-0040)."""
    from cleannews.strip import strip_text

    cfg = cleannews.CleanConfig()
    out = []
    for pg in pages:
        if pg["id"].startswith("recombined") or pg.get("extra"):
            continue
        once = strip_text(pg["text"], cfg).text
        for c in strip_text(once, cfg).changes:
            if c.rule == rule and "p=" in c.reason:
                out.append((c.before.strip(), float(c.reason.split("p=")[1][:4]), once))
    return out


def guarded_point(choose, lost_lines, raisable: tuple[str, ...], margin: float = GUARD_MARGIN):
    """Thresholds chosen **at the final guarded point**.

    ``choose(above)`` returns the best operating point (a dict of thresholds) whose every
    threshold ``name`` lies above ``above[name]``; ``lost_lines(point)`` lists the content
    lines of the guard pages lost at that point as ``(text, score, name of the threshold
    that took it)``. Each lost line lifts the floor of its threshold above its score (plus
    ``margin``) and the **whole search runs again**, so every threshold — also those the
    guard never raises, such as ``give_back_p``, and the others' trade-offs — is chosen
    where the guard leaves the model, and the recorded CV figures are that point's. (The
    former loop raised the guilty threshold alone and kept the rest of a point chosen
    before: the run model retrained on merged main then removed one furniture line fewer
    than its first stage in CV.) A lost line whose named floor is already above its score
    lifts every threshold of ``raisable`` below it. Returns ``(point, above, lost)``;
    ``lost`` is empty unless no floor could move.

    >>> scores = {"a": 0.93, "b": 0.97}   # two guard content lines under remove_p
    >>> grid = [0.9, 0.94, 0.96, 0.98, 1.01]
    >>> def choose(above):
    ...     return {"remove_p": min(g for g in grid if g > above.get("remove_p", 0))}
    >>> def lost(pt):
    ...     return [(t, p, "remove_p") for t, p in scores.items() if p >= pt["remove_p"]]
    >>> guarded_point(choose, lost, ("remove_p",))
    ({'remove_p': 0.98}, {'remove_p': 0.975}, [])
    """
    above: dict[str, float] = {}
    while True:
        point = choose(above)
        lost = lost_lines(point)
        if not lost:
            return point, above, lost
        new = dict(above)
        for _, score, name in lost:
            floor = round(score + margin, 4)
            if new.get(name, -1.0) < floor:
                new[name] = floor
            elif all(new.get(n, -1.0) >= floor for n in raisable):
                continue
            else:  # its own floor is above it already: the line went by another threshold
                for n in raisable:
                    new[n] = max(new.get(n, -1.0), floor)
        if new == above:
            return point, above, lost
        above = new


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--grid", action="store_true", help="print every threshold triple")
    ap.add_argument("--fit-only", type=Path, metavar="OUT",
                    help="experiments: fit the final model on every page and write it to OUT "
                    "(no CV, no guard; thresholds never), e.g. for tools.strip_model.unseen")
    args = ap.parse_args(argv)
    pages = pages_train()
    print(f"{len(pages)} train pages from {len({pg['site'] for pg in pages})} sites")
    if args.fit_only:
        m1, m2 = fit_two_stages(page_rows_crossfit(pages))
        data = export(m1, m2, odds_table(pages), NEVER, 0.0, NEVER, {"params": PARAMS})
        args.fit_only.write_text(json.dumps(data, separators=(",", ":")) + "\n", "utf-8")
        print(f"wrote {args.fit_only} (thresholds never: scores only)")
        return 0
    eval_pages = None
    if EVAL_MODE != RULES_MODE:  # train on one way of judging the pages, score the other
        eval_pages = pages_train(mode=EVAL_MODE)
        assert [pg["id"] for pg in eval_pages] == [pg["id"] for pg in pages]
    print(f"rules: training pages {RULES_MODE}, CV pages {EVAL_MODE}")
    p, y, cand, hard, meta = cross_validate(pages, eval_pages)
    rule_bad = np.array([m[5] for m in meta])
    lists = np.array([m[6] for m in meta])  # the article's lists and subheadings
    wordless = np.array([m[7] for m in meta])  # prose and lines without a word: never
    base = figures(rule_bad, y)
    print("rules only (line level, train):", base)

    def choose(above: dict[str, float], show: bool = False) -> dict:
        return choose_thresholds(p, y, cand, hard, rule_bad, lists, wordless, base, above,
                                 show=show, show_all=args.grid)

    first = choose({}, show=True)
    print_recall_point(p, y, cand, hard, rule_bad, lists, wordless)
    print(f"CV point before the guard: remove_p {first['remove_p']} give_back_p "
          f"{first['give_back_p']} list_p {first['remove_list_p']}: {first['cv']}")
    if args.cv_only:
        breakdown(decide_point(first, p, cand, hard, rule_bad, lists, wordless), y, meta)
        print("(--cv-only: the recombined-page guard needs the final model; not run)")
        return 0
    odds = odds_table(pages)
    m1, m2 = fit_two_stages(page_rows_crossfit(pages))
    prs = page_rows(pages, odds)
    h = hashlib.sha256()
    for pg in sorted(pages, key=lambda g: g["id"]):
        h.update(pg["id"].encode() + b"\0" + pg["text"].encode("utf-8") + b"\0")
        h.update("".join("C" if lab and lab.content else "B" if lab else "-"
                         for lab in pg["labels"]).encode())
    info = {
        "trained": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%MZ"),
        "training_data": "fixtures/strip_real TRAIN split (split.json)",
        "training_pages": len(pages),
        **corpus_counts(pages),
        **({"training_weak": {"sources": list(WEAK_SOURCES), "weight": WEAK_WEIGHT,
                              "odds_weight": WEAK_ODDS_WEIGHT, "use": WEAK_USE,
                              "window": WEAK_WINDOW, "balance": WEAK_BALANCE,
                              "pages": sum(pg["lang"] == "weak" for pg in pages)}}
           if WEAK_SOURCES else {}),
        **({"training_batches": TRAIN_BATCHES} if TRAIN_BATCHES else {}),
        **({"training_excluded": EXCLUDE_BATCHES} if EXCLUDE_BATCHES else {}),
        "training_rules": RULES_MODE_ABOUT[RULES_MODE],
        "training_data_sha256": h.hexdigest(),
        "params": PARAMS,
    }
    data = export(m1, m2, odds, first["remove_p"], first["give_back_p"], first["remove_list_p"],
                  info)
    # the exported trees must reproduce sklearn's scores
    lm = LineModel(data)
    _, _, c, _, _, X2 = predict_two_stages(prs, m1, m2)
    ref = m2.predict_proba(X2[c][:300])[:, 1]
    mine = np.array([lm.stage2.proba(list(x)) for x in X2[c][:300]])
    assert np.allclose(ref, mine, atol=1e-4), float(np.abs(ref - mine).max())

    def lost_at(point: dict) -> list[tuple[str, float, str]]:
        """Write the model at ``point``; the guard pages' content lines it removes."""
        data.update({name: point[name] for name in ("remove_p", "give_back_p", "remove_list_p")})
        OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
                       "utf-8")
        load_line_model.cache_clear()
        lost = [(t, pl, "remove_list_p" if list_line else "remove_p")
                for t, pl, list_line in recombined_lost()]
        # idempotence: a second pass removes nothing (a list line lifts both thresholds)
        lost += [(t[:60], pl, "remove_p") for t, pl, _ in second_pass_removed(pages)]
        print(f"remove_p {point['remove_p']} give_back_p {point['give_back_p']} list_p "
              f"{point['remove_list_p']}: {len(lost)} content lines lost on the recombined "
              f"guard pages {lost[:3]}")
        return lost

    # never drop article content among real furniture: the thresholds are chosen again, each
    # held above the scores of the guard pages' content lines it took, until none is lost
    point, above, lost = guarded_point(choose, lost_at, LINE_THRESHOLDS)
    if lost:
        print(f"  warning: the guard could not raise a threshold above {lost[:3]}")
    fig = point["cv"]
    print(f"chosen at the guarded point (thresholds above {above}): remove_p {point['remove_p']}"
          f" give_back_p {point['give_back_p']} list_p {point['remove_list_p']}: {fig}")
    lang_figs = breakdown(decide_point(point, p, cand, hard, rule_bad, lists, wordless), y, meta)
    data["cv"] = {"folds": FOLDS, "grouped_by": "site", "all": fig, "per_language": lang_figs,
                  "rules_only": base,
                  "before_guard": {k: first[k] for k in (*LINE_THRESHOLDS, "give_back_p", "cv")}}
    data["guard"] = {"pages": GUARD_PAGES, "seed": GUARD_SEED,
                     "thresholds_above": {k: round(v, 4) for k, v in above.items()}}
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    load_line_model.cache_clear()
    print(f"wrote {OUT.relative_to(REPO)} ({OUT.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

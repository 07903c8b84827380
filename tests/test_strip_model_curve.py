"""The learning-curve tool (``tools/strip_model/curve.py``) keeps its held-out pages out.

Its rows compare line models trained on shares of the TRAIN sites; a row is only read as
"less training data" if every share is scored on the same held-out pages, no held-out site
or language leaks into training, and the augmentation pages stay in every share. Checked
on the real TRAIN pages' records (sites and languages as the training tool reads them).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

pytest.importorskip("numpy", reason="training tools need numpy")
pytest.importorskip("sklearn", reason="the curve tool's folds come from scikit-learn")

from tools.strip_model import curve
from tools.strip_model import train as line_train

CORPUS = Path(__file__).parent.parent / "fixtures" / "strip_real"


@pytest.fixture(scope="module")
def pages():
    """The TRAIN pages' records, plus three augmentation pages (one "site", as in training)."""
    out = [{"id": rec["id"], "site": rec["site"], "lang": rec["lang"], "extra": False}
           for rec, _, _ in line_train.read_train_corpus(CORPUS)]
    out += [{"id": f"recombined-{n}", "site": "recombined", "lang": "fixture", "extra": True}
            for n in range(3)]
    return out


@pytest.mark.parametrize("frac", [0.25, 0.5, 0.75])
def test_share_of_sites_keeps_whole_sites_and_augmentation(pages, frac):
    folds = curve.site_folds(pages)
    rng = random.Random(0)
    for tr, te in folds:
        kept = curve.subsample_sites(pages, tr, frac, rng)
        assert set(kept) <= set(tr)
        real_tr = {pages[k]["site"] for k in tr if not pages[k]["extra"]}
        real_kept = {pages[k]["site"] for k in kept if not pages[k]["extra"]}
        assert len(real_kept) == round(frac * len(real_tr))
        # every page of a kept site is kept, and every augmentation page of the fold
        assert {k for k in tr if pages[k]["site"] in real_kept or pages[k]["extra"]} == set(kept)
        assert not real_kept & {pages[k]["site"] for k in te}


def test_folds_hold_out_whole_sites_and_languages(pages):
    folds = curve.site_folds(pages)
    held = [k for _, te in folds for k in te]
    assert sorted(held) == list(range(len(pages)))  # every page held out exactly once
    for tr, te in folds:
        assert not {pages[k]["site"] for k in tr} & {pages[k]["site"] for k in te}
    langs = curve.language_folds(pages)
    assert {pages[te[0]]["lang"] for _, te in langs} >= {"fr", "de", "it", "es", "en"}
    for tr, te in langs:
        (lang,) = {pages[k]["lang"] for k in te}
        assert lang not in {pages[k]["lang"] for k in tr}
        assert all(pages[k]["extra"] for k in tr if pages[k]["site"] == "recombined")


def test_pages_read_back_from_the_cache_judge_as_fresh_ones():
    """The run model's cache is a pickle: the detectors test a line's class by identity, so
    without :func:`train_runs.reintern` the headline of a cached page can differ (a
    rule-removed first line taken for it); with it every page gives the fresh headline."""
    import pickle

    from tools.strip_model import train_runs

    from cleannews.strip.detectors import title_line

    wanted = {"fr-b-0159", "fr-d-0029", "it-m-0032", "fr-b-0015", "fr-a-0169"}
    recs = [r for r in line_train.read_train_corpus(CORPUS) if r[0]["id"] in wanted]
    assert recs
    moved = 0
    for rec, doc, labelled in recs:
        pg = line_train._page_dict(rec, doc, labelled)
        raw = pickle.loads(pickle.dumps(pg))
        moved += title_line(raw["lines"]) != title_line(pg["lines"])
        fixed = train_runs.reintern([pickle.loads(pickle.dumps(pg))])[0]
        assert title_line(fixed["lines"]) == title_line(pg["lines"]), rec["id"]
        assert [ln.cls for ln in fixed["lines"]] == [ln.cls for ln in pg["lines"]]
    assert moved  # the defect the function repairs is there on real pages

"""spin-careful7: light spins weigh more in the document model's fit; the round's harness.

The shipped ``model.json`` was fitted with whole-document training spins at <= 20 % weighing 5
(``tools/spin/train.py``, ``SPUN_WEIGHTING``; chosen leave-one-source-out,
docs/spin-history.md): the file says so, and the build's default reproduces it.
``tools/spin/dev_careful7.py`` recomputes the context term's per-word gains in numpy; its
document mean must be the package's.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools" / "spin"))


def _model() -> dict:
    return json.loads((ROOT / "src/cleannews/score/data/model.json").read_text(encoding="utf-8"))


def test_shipped_model_records_the_light_weighting():
    assert _model()["trained_on"]["spun_weighting"] == "light5"


def test_build_default_is_the_shipped_weighting(monkeypatch):
    pytest.importorskip("scipy")
    pytest.importorskip("sklearn")
    monkeypatch.delenv("SPIN_TRAIN_WEIGHTING", raising=False)
    import importlib

    import train

    train = importlib.reload(train)
    assert train.SPUN_WEIGHTING == _model()["trained_on"]["spun_weighting"]
    light = {"label": 1, "mode": "careful", "rate": 0.1}
    assert train.spun_weight(light, "light5") == 5.0
    assert train.spun_weight(dict(light, rate=0.3), "light5") == 1.0
    assert train.spun_weight(dict(light, partial=True, rate=0.4), "light5") == 1.0
    assert train.spun_weight({"label": 0, "rate": 0.0}, "light5") == 1.0
    assert train.spun_weight(light, "") == 1.0
    with pytest.raises(ValueError):
        train.spun_weight(light, "heavy")


def test_weights_shape_the_fit():
    """Positives of two kinds: weighting the rare kind raises its feature's weight."""
    pytest.importorskip("scipy")
    pytest.importorskip("sklearn")
    import train

    i, j = (train.FEATURE_NAMES.index(f) for f in ("rare_synonym_share", "rare_word_share"))
    rng = np.random.default_rng(7)
    X = rng.normal(0.0, 1.0, (400, len(train.FEATURE_NAMES)))
    X[200:380, i] += 3.0  # the common kind of positive
    X[380:, j] += 3.0  # the rare kind (a light spin)
    y = np.r_[np.zeros(200), np.ones(200)]
    w = np.r_[np.ones(380), np.full(20, 5.0)]
    a = train.fit_nonneg(X, y)["coef"]
    b = train.fit_nonneg(X, y, w)["coef"]
    assert b[j] / b[i] > a[j] / a[i]


def test_harness_mean_gain_is_the_package_term():
    """``dev_careful7.rec_mean`` over ``gains_and_best`` = ``ContextTerm.analyse`` (mean_gain)
    on real development documents (a MyThes V careful spin and its clean document)."""
    import dev_careful7 as h
    import dev_context5 as d5

    from cleannews.score._context import get_context_term

    term = get_context_term()
    want = ("UD_French-GSD:fr-ud-dev:28:careful:0.1", "UD_French-GSD:fr-ud-dev:28:clean")
    texts = {}
    with gzip.open(ROOT / "fixtures/spin/validation.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["id"] in want:
                texts[r["id"]] = r["text"]
    assert len(texts) == 2
    tok = {"X": [(d5.text_ids(texts[i], term.t.ids), 0.0) for i in want]}
    occ = d5.occurrences(tok, dict(term.syn), max(len(v) for v in term.syn.values()))
    g, s = h.gains_and_best(d5.Table(), occ, float(term.params["mu"]))
    got = h.rec_mean(occ["rec"], g, occ["n_rec"], tuple(term.params["gain_clip"]),
                     term.params["prior_words"])
    ref = [term.analyse(texts[i])["mean_gain"] for i in want]
    assert np.allclose(got, ref, atol=1e-12, rtol=0)
    assert got[0] != got[1]
    ok = ~np.isnan(g)
    assert ok.sum() > 10 and (s[ok] >= 0).all()

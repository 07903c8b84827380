"""Round 37 (refit52, issue 11): the document model's fit can replay the register gate.

Round 35's register gate (``cleannews.score.register_gate``: in a document read as another
register than news, with thin evidence, the lexical kind counts only beyond twice the rarity
kind) came after the model's weights were fitted. ``tools/spin/train.py`` can now refit the
document model with every training and calibration document's lexical and rarity features
scaled as the package's gate scales them (``SPIN_TRAIN_GATE=n``: ``n`` rounds, each under the
previous fit; ``gate_factors`` asks the package, it does not copy the gate). Off by default:
the build's ``train`` step reproduces the shipped model. Texts: the negatives' **dev** split
and the development validation fixture only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools" / "spin"))

#: A dev negative the shipped gate scales (a moralist of 1770; tests/test_neg48.py).
GATED = "scientific-a44b7411aeea"


@pytest.fixture()
def train(monkeypatch):
    """``tools/spin/train.py`` imported with the gate off; the collocation setting it turns on
    is put back afterwards."""
    pytest.importorskip("scipy")
    pytest.importorskip("sklearn")
    monkeypatch.delenv("SPIN_TRAIN_GATE", raising=False)
    import importlib

    import train as module

    from cleannews.score import _features

    saved = list(_features._COLLOCATION)
    yield importlib.reload(module)
    _features.set_collocation(saved[0] if saved else None)


def _negative(train, rid: str) -> dict:
    (r,) = [r for r in train.read_jsonl(ROOT / "fixtures/spin/negatives.jsonl.gz")
            if r["id"] == rid]
    assert r["split"] == "dev"
    return r


def _shipped() -> dict:
    return json.loads((ROOT / "src/cleannews/score/data/model.json").read_text("utf-8"))


def test_gate_factors_are_the_package_gate(train):
    import cleannews
    import cleannews.score as sc
    from cleannews.score._model import FEATURE_KIND, get_model

    text = _negative(train, GATED)["text"]
    news = next(r for r in train.read_jsonl(train.VALID) if r["label"] == 0)["text"]
    before = (sc.register_scales, sc.other_register, get_model())
    f = train.gate_factors([text, news], _shipped())
    # the package is as it was: its own functions, its shipped model
    assert (sc.register_scales, sc.other_register, get_model()) == before
    kind = [FEATURE_KIND[n] for n in train.FEATURE_NAMES]
    s = cleannews.spin_score(text)
    assert s.signals["register_discount"] > 0  # the shipped scorer gates it
    lex = {f[0][i] for i, k in enumerate(kind) if k == "lexical"}
    rar = {f[0][i] for i, k in enumerate(kind) if k == "rarity"}
    other = {f[0][i] for i, k in enumerate(kind) if k not in ("lexical", "rarity")}
    assert len(lex) == 1 and len(rar) == 1 and other == {1.0}
    assert lex.pop() < 1.0 and rar.pop() <= 1.0
    # with the gate's factors the lexical kind is what the scorer shows (0.0 here)
    assert s.signals["kind.lexical"] == pytest.approx(0.0)
    assert f[1].tolist() == [1.0] * len(kind)  # a clean UD news document: not gated
    from cleannews.score import _features

    assert _features._COLLOCATION == [True]  # the fits' setting, as train.py left it


def test_unit_factors_are_the_plain_fit(train):
    rng = np.random.default_rng(5)
    X = rng.normal(0.0, 1.0, (300, len(train.FEATURE_NAMES)))
    y = (X[:, 0] + rng.normal(0.0, 1.0, 300) > 0).astype(int)
    a = train.fit_nonneg(X, y)
    b = train.fit_nonneg(X, y, factors=np.ones_like(X))
    assert np.allclose(a["coef"], b["coef"]) and a["intercept"] == pytest.approx(b["intercept"])
    # a gated clean row whose lexical features are scaled to 0 no longer pays for them
    i = train.FEATURE_NAMES.index("rare_synonym_share")
    X[:, i] = np.where(y == 1, 2.0, 0.0) + rng.normal(0.0, 1.0, 300)
    X[:20, i] += np.where(y[:20] == 0, 4.0, 0.0)  # human rare-register rows
    f = np.ones_like(X)
    f[:20, i] = np.where(y[:20] == 0, 0.0, 1.0)
    assert train.fit_nonneg(X, y, factors=f)["coef"][i] > train.fit_nonneg(X, y)["coef"][i]


def test_gate_replay_is_off_by_default(train):
    assert train.GATE_ROUNDS == 0
    assert "register_gate_rounds" not in _shipped()["trained_on"]

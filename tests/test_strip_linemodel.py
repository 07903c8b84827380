"""The strip stage's line model: shipped data, exact inference, explained and guarded removals.

Pages used here are from the TRAIN split of fixtures/strip_real only.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

import cleannews
from cleannews.evaluate import read_corpus
from cleannews.strip._assemble import split_lines
from cleannews.strip.detectors import classify_lines, judge_lines, title_line
from cleannews.strip.linemodel import (
    ALL_FEATURES,
    FEATURES,
    LineModel,
    first_tokens,
    load_line_model,
)

ROOT = Path(__file__).parent.parent
REASON = re.compile(r"^line model \(p=(0\.\d\d|1\.00)\): [^,]+(?:, [^,]+){0,2}$")


@pytest.fixture(scope="module")
def train_pages():
    return [
        (rec, doc) for rec, doc, _ in read_corpus(ROOT / "fixtures" / "strip_real")
        if rec["split"] == "train"
    ]


def test_model_file_carries_its_provenance():
    m = load_line_model()
    assert m is not None
    assert m.meta["features"] == list(FEATURES)
    assert re.fullmatch(r"[0-9a-f]{64}", m.meta["training_data_sha256"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\dZ", m.meta["trained"])
    assert "TRAIN" in m.meta["training_data"]
    assert 0.5 <= m.remove_p <= 1.0 and 0.0 <= m.give_back_p < m.remove_p


def test_compiled_trees_equal_the_reference_walk():
    m = load_line_model()
    rng = random.Random(7)
    values = [-1.0, 0.0, 0.1, 0.5, 1.0, 2.0, 3.0, 8.0, 30.0]
    for stage, n in ((m.stage1, len(FEATURES)), (m.stage2, len(ALL_FEATURES))):
        for _ in range(500):
            x = [rng.choice(values) for _ in range(n)]
            assert stage.raw(x) == pytest.approx(stage.raw_slow(x), abs=1e-9)
            # path contributions add up to the score (Saabas attribution)
            assert stage.init + sum(t[4][0] for t in stage.trees) + sum(
                stage.contributions(x)
            ) == pytest.approx(stage.raw(x), abs=1e-6)


def test_model_with_other_features_is_refused():
    m = load_line_model()
    data = {**m.meta, "features": ["n_words"], "stage1": {"init": 0.0, "trees": []}}
    with pytest.raises(ValueError, match="rebuild"):
        LineModel(data)


def test_every_model_removal_is_explained_and_guarded(train_pages):
    cfg = cleannews.CleanConfig(score_spin=False, quarantine=False)
    m = load_line_model()
    seen = 0
    for _, doc in train_pages:
        d = cleannews.clean(doc, cfg)
        for c in d.changes:
            if c.rule != "line_model":
                continue
            seen += 1
            assert REASON.match(c.reason), c.reason
            assert float(c.reason.split("p=")[1][:4]) >= m.remove_p - 0.005
    assert seen >= 5  # the model does remove lines on real pages


def test_model_never_touches_bylines_headline_or_prose(train_pages):
    for _, doc in train_pages[:120]:
        spans = split_lines(doc)
        before, _ = judge_lines(doc, spans, ("fr", "en"))
        headline = title_line(before)
        plan = classify_lines(doc, spans, ("fr", "en"))
        for i, r in plan.items():
            if r.rule != "line_model":
                continue
            ln = before[i]
            assert not ln.protected and i != headline
            assert ln.cls != "good"
            assert ln.n <= 30


def test_rules_only_switch():
    for p in (ROOT / "seeds").glob("*.txt"):
        doc = p.read_text("utf-8")
        plan = classify_lines(doc, split_lines(doc), ("fr", "en"), line_model=False)
        assert all(r.rule != "line_model" for r in plan.values())


def test_first_tokens():
    assert first_tokens("» Lire aussi : le budget") == ("lire", "lire aussi")
    assert first_tokens("   ") == ("", "")

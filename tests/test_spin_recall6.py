"""spin-recall6: the context term's cascade floor option (-4.5), and the harness's pieces.

With ``logit_floor`` at -4.5 (measured, not shipped: a speed trade, docs/spin-history.md), a
document whose logit before the term is in [-4.5, -4) gets the context term when it has lexical
evidence (a ranking gain near UD clean's 1 % threshold, ``tools/spin/dev_recall6.py floor``);
the term is capped at 3, so such a document stays under "suspect" whatever the term, and its
explanation adds up. The shipped floor (-4) leaves those documents as they were.
"""

from __future__ import annotations

import gzip
import json
import math
import sys
from pathlib import Path

import numpy as np
import pytest

import cleannews
from cleannews.score._context import get_context_term, kind_params, term_params
from cleannews.score._decision import TERM_BAND_MIN_LEXICAL

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools" / "spin"))

import dev_recall6  # noqa: E402

#: The floor option measured by spin-recall6 (``dev_recall6.py floor``: every LOSO fold).
FLOOR_OPTION = -4.5

#: A MyThes-V careful 10 % spin whose logit without the term is -4.13 (development record).
IN_BAND = "UD_French-GSD:fr-ud-dev:28:careful:0.1"
#: Its clean document: -4.44 without the term, no lexical evidence (the term would add 1.72).
CLEAN_IN_BAND = "UD_French-GSD:fr-ud-dev:28:clean"


def _record(rid: str) -> dict:
    with gzip.open(ROOT / "fixtures/spin/validation.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["id"] == rid:
                return r
    raise KeyError(rid)


@pytest.fixture
def floor_45():
    """The term's constants with ``logit_floor`` -4.5 for one test (restored after)."""
    p = term_params()
    assert p is get_context_term().params
    old = p["logit_floor"]
    p["logit_floor"] = FLOOR_OPTION
    try:
        yield p
    finally:
        p["logit_floor"] = old


def test_floor_constants():
    p = term_params()
    assert p["logit_floor"] == kind_params()["logit_floor"] == -4.0  # shipped: no band
    # capped: a document under -4 never reaches "suspect" (logit 0) through the term
    assert FLOOR_OPTION + p["cap"] < 0 and -4.0 + p["cap"] < 0


def test_shipped_floor_leaves_the_band_alone():
    sig = cleannews.spin_score(_record(IN_BAND)["text"]).signals
    assert -4.5 <= sig["logit"] < -4.0 and sig["context_term"] == 0.0


def test_term_below_the_old_floor_is_added_and_explained(floor_45):
    s = cleannews.spin_score(_record(IN_BAND)["text"])
    sig = s.signals
    before = sig["logit"] - sig["context_term"]
    assert -4.5 <= before < -4.0
    assert sig["kind.lexical"] > TERM_BAND_MIN_LEXICAL
    assert 0.0 < sig["context_term"] <= term_params()["cap"]
    assert s.label == "clean"
    ctx = [e for e in s.evidence if e.signal == "context"]
    assert len(ctx) == 1 and ctx[0].weight == pytest.approx(sig["context_term"], abs=1e-4)
    parts = sig["intercept"] + sig["rule_adjustment"] + sig["context_term"] + sum(
        v for k, v in sig.items() if k.startswith("contribution."))
    assert parts == pytest.approx(sig["logit"], abs=5e-3)
    assert s.score == pytest.approx(1 / (1 + math.exp(-sig["logit"])), abs=1e-4)


def test_band_without_lexical_evidence_is_not_computed(floor_45):
    s = cleannews.spin_score(_record(CLEAN_IN_BAND)["text"])
    sig = s.signals
    assert -4.5 <= sig["logit"] < -4.0
    assert sig["kind.lexical"] <= TERM_BAND_MIN_LEXICAL and sig["context_term"] == 0.0
    assert get_context_term().analyse(_record(CLEAN_IN_BAND)["text"])["term"] > 1.0
    assert not [e for e in s.evidence if e.signal == "context"]


def test_analyse_matches_the_added_term(floor_45):
    text = _record(IN_BAND)["text"]
    s = cleannews.spin_score(text)
    a = get_context_term().analyse(text)
    assert s.signals["context_term"] == pytest.approx(a["term"], abs=1e-4)


def test_inflected_candidates_on_dela_like_readings():
    ids = {"annonçait": 0, "déclarait": 1, "affirmait": 2, "porte": 3, "entrée": 4}
    readings = {"annonçait": {("annoncer", "V", "I3s")},
                "porte": {("porte", "N", "fs"), ("porter", "V", "P3s")}}
    forms = {("déclarer", "V", "I3s"): {"déclarait"}, ("affirmer", "V", "I3s"): {"affirmait"},
             ("entrée", "N", "fs"): {"entrée"}}
    syn = {"annoncer": {"déclarer", "affirmer"}, "porte": {"entrée"}}
    out = dev_recall6.inflected_candidates(ids, lambda w: True, syn, readings, forms, set())
    assert out == {0: (1, 2)}  # "porte" is a lemma form of a noun: MyThes has it already
    assert dev_recall6.inflected_candidates(ids, lambda w: True, syn, readings, forms, {0}) == {}
    amb = dev_recall6.inflected_candidates(ids, lambda w: True, syn, readings, forms, set(),
                                           unambiguous=True)
    assert 3 not in amb


def test_distributional_neighbours_share_contexts():
    # a development harness's helper: scipy comes with the train extra, not the test extra
    pytest.importorskip("scipy", reason="scipy is in the train extra (development harness)")
    # words 1 and 2 follow 0 and precede 3; word 4 follows 3 only
    keys = np.array([0 * 5 + 1, 0 * 5 + 2, 1 * 5 + 3, 2 * 5 + 3, 3 * 5 + 4])
    got = dev_recall6.distributional(keys, np.full(5, 4.0), 5, [1, 4], np.array([1, 2, 4]), 0.5)
    assert got == {1: (2,)}


def test_aggregates_mean_equals_the_term_feature():
    rec = np.array([0, 0, 0, 1, 1])
    g = np.array([9.0, -3.0, 0.5, np.nan, 2.5])
    a = dev_recall6.aggregates(rec, g, 2, np.array([30.0, 10.0]))
    assert a["mean"][0] == pytest.approx((8.0 - 1.0 + 0.5) / (3 + 20))
    assert a["top3"][1] == pytest.approx(2.5 / 3)
    assert a["sh2"][1] == pytest.approx(1 / 21) and a["sh2"][0] == pytest.approx(1 / 23)

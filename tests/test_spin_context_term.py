"""The context term wired into the spin score (branch spin-wire; docs/spin-history.md).

* The package's term (``cleannews.score._context``) computes exactly the development
  harness's frozen candidate on real documents (the seeds and spun / clean records of the
  validation set: MyThes V spins of held-out UD documents, development data): since
  spin-term5, ``mean_gain`` as ``tools/spin/dev_context5.py`` computes it in numpy (the 6 most
  frequent MyThes A+T synonyms, smoothing 80, back-off, clip [-2, 8], prior 50 words), the
  register gate as ``fit3.py`` computes it, ``w = 2``, ``b = 0.5``, cap 3, gate power 1.
* It never quarantines alone (with another kind of evidence it may: spin-quar4), is
  computed only above the cascade's logit floor, and the
  correct-French fixture and the seeds keep their verdicts.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest

import cleannews
from _helpers import first_per_group, read_jsonl
from cleannews.score._context import get_context_term
from cleannews.score._decision import TERM_BAND_MIN_LEXICAL

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools" / "spin"))
dev_context3 = pytest.importorskip("dev_context3")
dev_context5 = pytest.importorskip("dev_context5")

SEEDS = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))}
CORRECT = [json.loads(line) for line in
           (ROOT / "fixtures/spin/correct_french.jsonl").read_text("utf-8").splitlines()]
OFF = cleannews.DEFAULT_CONFIG.replace(spin_context=False)


def _validation(per_group: int) -> list[dict]:
    """The first ``per_group`` records of every (mode, rate) group of the validation set."""
    return first_per_group(read_jsonl(ROOT / "fixtures/spin/validation.jsonl.gz"), per_group,
                           lambda r: f"{r['mode']}@{r['rate']}")


@pytest.fixture(scope="module")
def harness():
    """The package's term and the gate's style features (``fit3`` needs scipy, the train
    extra: only this test skips)."""
    fit3 = pytest.importorskip("fit3")
    return get_context_term(), fit3


def _harness_terms(texts: list[str], term, fit3) -> list[tuple[float, float, float]]:
    """``(mean_gain, gate, term)`` per text: ``mean_gain`` by ``dev_context5`` (numpy), the
    gate by ``fit3.style`` through the shipped scaler and logistic weights."""
    p = term.params
    g = p["gate"]
    assert fit3.style_names() == g["names"]
    out = []
    for text, mg in zip(texts, dev_context5.harness_mean_gain(texts, term), strict=True):
        d = g["intercept"] + sum(k * (x - m) / s for k, x, m, s in
                                 zip(g["coef"], fit3.style(text), g["mean"], g["scale"],
                                     strict=True))
        gate = 1 / (1 + math.exp(-d))
        z = (mg - p["median"]) / p["sd"]
        t = min(p["cap"], p["w"] * max(0.0, z - p["b"])) * (1.0 - gate) ** p["gate_power"]
        out.append((float(mg), gate, t))
    return out


def test_frozen_constants():
    p = get_context_term().params
    f = dev_context5.FROZEN  # the spin-term5 choice (every LOSO fold)
    # -4.5 is the option measured by spin-recall6 (docs/spin-history.md; a speed trade, not shipped)
    assert p["feature"] == "mean_gain" and p["logit_floor"] == -4.0
    for k, v in f.items():
        assert p[k] == v, k
    assert p["min_count"] == dev_context3.MIN_COUNT
    assert len(get_context_term().syn) > 5000
    assert all(1 <= len(c) <= p["max_synonyms"] for c in get_context_term().syn.values())


def test_package_term_equals_the_harness_on_real_documents(harness):
    term, fit3 = harness
    texts = [SEEDS["003"]] + [r["text"] for r in _validation(3)]
    terms = []
    for text, (mg, gate, t) in zip(texts, _harness_terms(texts, term, fit3), strict=True):
        a = term.analyse(text)
        assert a["mean_gain"] == pytest.approx(mg, abs=1e-12)
        assert a["gate"] == pytest.approx(gate, abs=1e-12)
        assert a["term"] == pytest.approx(t, abs=1e-12)
        terms.append(t)
    assert max(terms) > 1.0 and min(terms) == 0.0  # real spins get a term, clean text none


def test_spun_record_shows_a_context_evidence_item():
    found = 0
    for r in _validation(12):
        if r["label"] != 1 or r["mode"] != "careful":
            continue
        s = cleannews.spin_score(r["text"])
        ev = [e for e in s.evidence if e.signal == "context"]
        if s.signals["context_term"] > 0:
            found += 1
            (e,) = ev
            assert e.weight == pytest.approx(s.signals["context_term"], abs=1e-4)
            assert e.text and r["text"][e.span[0]:e.span[1]] == e.text
            assert "where writers put" in e.reason
        else:
            assert not ev
    assert found >= 5


def score_decided(s) -> str:
    """The ``decided.*`` signals of a score, as one string (``""`` when none)."""
    return " ".join(k for k in s.signals if k.startswith("decided."))


def test_term_never_quarantines_alone_and_respects_the_floor():
    q = cleannews.DEFAULT_CONFIG.spin_quarantine_threshold
    n_added = 0
    for r in _validation(12):
        on, off = cleannews.spin_score(r["text"]), cleannews.spin_score(r["text"], OFF)
        if on.label in ("insufficient", "unsupported_language"):
            continue
        assert off.signals["context_term"] == 0.0
        # the register gate (round 35) reads the register with the term's model: only there
        # may the score with the term be lower (never without the term: ``other_register``)
        assert off.signals["register_discount"] == 0.0
        assert on.score >= off.score or on.signals["register_discount"] > 0.0
        if on.label == "spun" and off.score < q:
            # the term crosses the quarantine threshold only as one kind of evidence beside
            # another (spin-quar4: score._decision), never alone in one paragraph
            assert "context_term" in score_decided(on), r["id"]
        floor = get_context_term().params["logit_floor"]
        if off.signals["logit"] < floor or (  # the cascade: not computed below the floor,
            off.signals["logit"] < -4.0  # nor under -4 without lexical evidence (spin-recall6)
            and off.signals["kind.lexical"] <= TERM_BAND_MIN_LEXICAL
        ):
            assert on.score == off.score
        n_added += on.score > off.score
    assert n_added >= 20


def test_correct_french_and_seeds_keep_their_verdicts():
    for doc in CORRECT:
        s = cleannews.spin_score(doc["text"])
        assert s.score < 0.5, (doc.get("genre"), s.score, s.signals["context_term"])
    for k, text in SEEDS.items():
        s = cleannews.spin_score(text).score
        assert s >= 0.9 if k == "003" else s <= 0.1, (k, s)

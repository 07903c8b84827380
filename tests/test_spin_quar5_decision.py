"""Sufficient evidence quarantined from ``DECIDED_LOGIT``, and scattered broken grammar as one
kind in several paragraphs (issue 11, branch spin-quar5; ``cleannews.score._decision``).

* A document whose evidence suffices (two kinds, or one kind in several paragraphs) and whose
  supported logit reaches ``DECIDED_LOGIT`` is lifted to just above the quarantine score by
  a positive rule adjustment that the signals show: the explanation still adds up to the
  logit. spin-neg6's rule put the shipped ``DECIDED_LOGIT`` at the quarantine score's logit
  (the lift off); after spin-fp7 the same rule gives 1.7 (score 0.85); the mechanism is
  tested at spin-quar5's bar (``QUAR5_DECIDED_LOGIT``, score 0.75), where the careful spins
  below are quarantined.
* Broken grammar is never lifted (``LIFT_EXCLUDED_KINDS``): human slips make it.
* Four slips over three paragraphs count as broken grammar in several paragraphs; three
  slips over three paragraphs of a clean document do not.
* The human development documents nearest to a quarantine stay far under the bar.
"""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path

import pytest

import cleannews
from cleannews.score import _GRAMMAR, RULE_MARGIN, THIN_EVIDENCE_SCORE_CAP, _decision
from cleannews.score._features import analyse
from cleannews.score._model import logit
from test_spin_quarantine_kinds import FILES, _records  # the same development records

ROOT = Path(__file__).resolve().parents[1]
#: Spins quarantined only by the lift (``tools/spin/dev_quarantine.py``): lexical + context
#: term, supported logit 1.2-2.1, under the quarantine score's 2.2.
LIFTED = [
    ("validation", "UD_French-GSD:fr-ud-dev:41:careful:0.2"),
    # (fr-ud-dev:49 until spin-careful7: with the light-5x model its supported logit is under
    # 1.1, so it stays "suspect" at quar5's bar too; fr-ud-dev:54 is lifted from 1.35)
    ("validation", "UD_French-GSD:fr-ud-dev:54:careful:0.2"),
    ("pivot", "UD_French-GSD:fr-ud-dev:60:pivot:careful:0.3"),
    ("pivot", "UD_French-GSD:fr-ud-dev:35:pivot:careful:0.15"),
]
#: Naive spins quarantined by scattered broken grammar (no paragraph with two slips but one).
SCATTERED = [
    ("validation", "UD_French-GSD:fr-ud-dev:4:naive:0.2"),
    ("pivot", "UD_French-GSD:fr-ud-dev:5:pivot:naive:0.15"),
]
#: The two dev negatives with the highest supported logit among human documents whose
#: evidence suffices (``dev_quarantine.py lift``).
NEAREST_HUMAN = ["literary-fcfc2897de5e", "translated-097574c4cce6"]
#: Three human slips of ``tests/test_spin_one_slip.py`` (each one counted grammar slip).
SLIPS = [
    "Les usagers se plaignent des lenteurs de le application depuis sa mise à jour.",
    "Les pompiers ont conduit le blessé vers le hôpital de la ville.",
    "Il a consacré la ouvrage à l’histoire de sa région natale.",
    "Elle a rappelé l’importance de le engagement des bénévoles.",
]
LIFTED_LOGIT = logit(THIN_EVIDENCE_SCORE_CAP) + RULE_MARGIN
#: spin-quar5's bar (score 0.75), where the lift was on.
QUAR5_DECIDED_LOGIT = 1.1


@pytest.fixture(scope="module")
def records() -> dict[str, dict[str, dict]]:
    return {name: _records(p) for name, p in FILES.items()}


def _adds_up(s) -> None:
    sig = s.signals
    total = (
        sig["intercept"]
        + sig["rule_adjustment"]
        + sig["context_term"]
        + sum(v for k, v in sig.items() if k.startswith("contribution."))
    )
    assert total == pytest.approx(sig["logit"], abs=0.01)
    assert 1 / (1 + math.exp(-sig["logit"])) == pytest.approx(s.score, abs=2e-3)


def test_decided_logit_follows_the_declared_rule():
    """max(human maximum + margin, tail bound) rounded up to 0.1, or the quarantine score's
    logit (no lift) when it reaches it (spin-neg6's rule). spin-fp7: 0.192 + 1.5 -> 1.7, under
    logit(0.9), so the rule would turn the lift on (the tail bound, -0.196, is lower); kept off
    at the merge (see docs/spin-history.md, "DECIDED_LOGIT at the merge")."""
    d = _decision
    bar = math.ceil((d.HUMAN_DECIDED_MAX + d.DECIDED_MARGIN) * 10) / 10
    # the rule's bar on spin-fp7's scores (the branch point's model): 1.7, under logit(0.9) ...
    assert bar == pytest.approx(1.7) and bar < logit(THIN_EVIDENCE_SCORE_CAP)
    # ... but the model was refitted at the round-7 merge and the rule was not re-run on it,
    # so the lead kept the lift off: the shipped bar is the quarantine score's own logit
    assert d.DECIDED_LOGIT == pytest.approx(logit(THIN_EVIDENCE_SCORE_CAP))
    q5 = QUAR5_DECIDED_LOGIT
    assert d.lift(LIFTED_LOGIT - 0.5, q5 - 0.01, True, q5) == 0.0
    assert d.lift(LIFTED_LOGIT - 0.5, q5, True, q5) == pytest.approx(0.5)
    assert d.lift(LIFTED_LOGIT - 0.5, q5, True) == 0.0  # the shipped bar: not lifted


@pytest.mark.parametrize(("source", "rid"), LIFTED)
def test_sufficient_evidence_is_lifted_from_decided_logit(records, monkeypatch, source, rid):
    r = records[source][rid]
    assert r["label"] == 1
    # the shipped bar (logit(0.9): the lift is off): "spun" only with a positive,
    # shown rule adjustment, else "suspect"
    shipped = cleannews.spin_score(r["text"])
    assert shipped.label in ("suspect", "spun")
    assert (shipped.label == "spun") == (shipped.signals["rule_adjustment"] > 0.0)
    monkeypatch.setattr(_decision, "DECIDED_LOGIT", QUAR5_DECIDED_LOGIT)
    s = cleannews.spin_score(r["text"])
    assert s.label == "spun", s.signals
    assert s.signals["rule_adjustment"] > 0.0
    assert s.signals["logit"] == pytest.approx(LIFTED_LOGIT, abs=1e-3)
    assert s.signals["logit"] - s.signals["rule_adjustment"] >= _decision.DECIDED_LOGIT - 1e-3
    assert "decided.context_term" in s.signals and "decided.grammar" not in s.signals
    _adds_up(s)
    doc = cleannews.clean(r["text"])
    assert doc.verdict == "quarantine" and "context term" in doc.reason


@pytest.mark.parametrize(("source", "rid"), SCATTERED)
def test_scattered_broken_grammar_counts_in_several_paragraphs(records, source, rid):
    """Broken grammar alone, scattered over several paragraphs, decides: read with the context
    term off, so that the route under test is the only one. Shipped, the pivot spin's context
    kind holds too since round 40 (the kind statistic's grown row prior: 0.49 -> 1.31 without
    its best word), and the decision then names the pair "grammar + context term"; it is
    "spun" either way."""
    text = records[source][rid]["text"]
    shipped = cleannews.spin_score(text)
    assert shipped.label == "spun", shipped.signals
    s = cleannews.spin_score(text, cleannews.DEFAULT_CONFIG.replace(spin_context=False))
    assert s.label == "spun", s.signals
    assert s.signals["kinds_present"] == 1.0
    assert s.signals["decided.grammar_paragraphs"] >= _decision.GRAMMAR_SCATTER_MIN_PARAGRAPHS
    assert s.signals["rule_adjustment"] == 0.0  # broken grammar is never lifted
    slips = [e for e in s.evidence if e.signal in _GRAMMAR and e.weight > 0]
    assert len(slips) >= _decision.GRAMMAR_SCATTER_MIN_SLIPS
    _adds_up(s)


def _clean_docs(records, n: int) -> list[str]:
    """The first ``n`` held-out clean UD documents of four paragraphs or more without a
    grammar hit of their own."""
    docs = [r["text"] for r in records["validation"].values() if r["mode"] == "clean"]
    out = []
    for d in docs:
        if d.count("\n") >= 3 and not any(h.signal in _GRAMMAR for h in analyse(d).hits):
            out.append(d)
        if len(out) == n:
            break
    return out


def test_three_slips_over_three_paragraphs_are_not_several_paragraphs(records):
    for doc in _clean_docs(records, 25):
        lines = doc.split("\n")
        for j in range(3):
            lines[j] = f"{lines[j]} {SLIPS[j]}"
        s = cleannews.spin_score("\n".join(lines))
        assert "decided.grammar_paragraphs" not in s.signals, s.signals
        assert s.signals["rule_adjustment"] <= 0.0


def test_broken_grammar_is_never_lifted(records):
    """Four human slips in four paragraphs of clean documents: whatever the rule decides,
    no lift where broken grammar is a kind present."""
    n_grammar = 0
    for doc in _clean_docs(records, 40):
        lines = doc.split("\n")
        for j in range(4):
            lines[j] = f"{lines[j]} {SLIPS[j]}"
        s = cleannews.spin_score("\n".join(lines))
        if "decided.grammar" in s.signals or "decided.grammar_paragraphs" in s.signals:
            n_grammar += 1
            assert s.signals["rule_adjustment"] <= 0.0, s.signals
    assert n_grammar >= 3  # the slips do make broken grammar a kind in some documents


def test_nearest_human_documents_stay_far_under_the_bar():
    with gzip.open(ROOT / "fixtures/spin/negatives.jsonl.gz", "rt", encoding="utf-8") as fh:
        dev = {
            r["id"]: r
            for r in map(json.loads, fh)
            if r["split"] == "dev" and r["id"] in NEAREST_HUMAN
        }
    assert sorted(dev) == sorted(NEAREST_HUMAN)
    for r in dev.values():
        s = cleannews.spin_score(r["text"])
        assert s.label != "spun"
        assert s.signals["rule_adjustment"] <= 0.0
        assert s.score < 0.5

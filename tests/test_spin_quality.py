"""Issue 11, spin-quality work: a repeated slip counts once, two slips are not a kind of
evidence, and the document-wide substitute evidence adds up a light spin.

Real inputs: the held-out UD documents of ``fixtures/spin/validation.jsonl.gz`` and their
MyThes-V spins, and a page of the independent negatives' dev split with injected typos.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import cleannews
from cleannews.score import _GRAMMAR, GRAMMAR_MIN_TOKENS
from cleannews.score._features import ParagraphCounts, analyse
from cleannews.score._model import substitute_evidence_z

FIXTURES = Path(__file__).parent.parent / "fixtures" / "spin"


def _records(name: str) -> list[dict]:
    with gzip.open(FIXTURES / name, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@pytest.fixture(scope="module")
def validation() -> list[dict]:
    return _records("validation.jsonl.gz")


def _counted_grammar(text: str) -> list[str]:
    return [h.signal for h in analyse(text).hits if h.signal in _GRAMMAR and h.counted]


def test_a_slip_repeated_with_the_same_noun_counts_once(validation):
    """'la testing' twice (a Debian FAQ of the negatives' dev split): one counted slip; the
    repetition is shown with weight 0 and says why, in the streamed scorer too."""
    clean = next(r["text"] for r in validation if r["label"] == 0)
    slip = "La testing contient les paquets ; la testing est mise à jour chaque jour."
    text = clean + "\n" + slip
    assert _counted_grammar(text).count("gender_agreement") == (
        _counted_grammar(clean).count("gender_agreement") + 1
    )
    ev = [e for e in cleannews.spin_score(text).evidence if e.text.lower() == "la testing"]
    assert len(ev) == 2
    assert ev[0].weight > 0 and ev[1].weight == 0.0
    assert "counted once" in ev[1].reason


def test_different_slips_still_count(validation):
    """Two different nouns are two slips: the rule does not hide a spinner's clashes."""
    clean = next(r["text"] for r in validation if r["label"] == 0)
    text = clean + "\nLa contingentement des sites et la rangement du garage ont été décidés."
    assert _counted_grammar(text).count("gender_agreement") - _counted_grammar(clean).count(
        "gender_agreement"
    ) == 2


def test_two_typos_with_rare_vocabulary_are_not_quarantined():
    """A translated Dickens page with two injected typos ("les main", "ne était") and a
    novel's rare vocabulary: two grammar slips are below GRAMMAR_MIN_TOKENS, so the
    grammar kind does not count toward a quarantine (it scored 0.95, quarantined, before)."""
    rec = next(r for r in _records("negatives.jsonl.gz") if r["id"] == "typos-b79cc298daea")
    s = cleannews.spin_score(rec["text"])
    assert len(_counted_grammar(rec["text"])) == 2 < GRAMMAR_MIN_TOKENS
    assert s.signals["kind.grammar"] > 0  # the slips are still shown and weigh
    assert s.label != "spun"
    assert cleannews.clean(rec["text"]).verdict != "quarantine"


def _evidence_z(text: str) -> float:
    doc = ParagraphCounts(0, 0)
    for p in analyse(text).paragraphs:
        doc.add(p)
    return substitute_evidence_z(doc.evidence_sum, doc.n_content)


def test_light_spins_raise_the_substitute_evidence(validation):
    """A careful 10 % spin of a held-out UD document has more substitute evidence than the
    document itself in at least 97 % of the 154 pairs (measured: 153)."""
    clean = {r["id"].rsplit(":", 1)[0]: r["text"] for r in validation if r["label"] == 0}
    pairs = [
        (r["text"], clean[r["id"].rsplit(":", 2)[0]])
        for r in validation
        if r["mode"] == "careful" and r["rate"] == 0.1 and not r.get("partial")
    ]
    assert len(pairs) == 154
    higher = sum(_evidence_z(s) > _evidence_z(c) for s, c in pairs)
    assert higher >= 0.97 * len(pairs)


def test_substitute_evidence_contribution_is_in_the_explanation(validation):
    """The new feature's clipped contribution is one of the signals that add up to the logit."""
    spun = next(r["text"] for r in validation if r["mode"] == "naive" and r["rate"] == 0.3)
    s = cleannews.spin_score(spun)
    contrib = {k: v for k, v in s.signals.items() if k.startswith("contribution.")}
    assert "contribution.substitute_evidence_z" in contrib
    total = s.signals["intercept"] + sum(contrib.values()) + s.signals["rule_adjustment"]
    assert abs(total - s.signals["logit"]) < 1e-2

"""Issue 11, spin-quality work: a slip repeated with the same word counts once, and two
slips are not a kind of evidence toward a quarantine.

Real inputs: held-out UD documents of ``fixtures/spin/validation.jsonl.gz`` and a page of
the independent negatives' dev split with injected typos.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cleannews
from _helpers import read_jsonl
from cleannews.score import _GRAMMAR, GRAMMAR_MIN_TOKENS
from cleannews.score._features import analyse

FIXTURES = Path(__file__).parent.parent / "fixtures" / "spin"


def _records(name: str) -> list[dict]:
    return read_jsonl(FIXTURES / name)


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

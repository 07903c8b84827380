"""Issue 11, "never from one typo": one human slip is one piece of grammar evidence.

"de le application" is both a missing contraction and a missing elision; before the fix
it supplied two grammar tokens, enough for the grammar kind of the two-kinds rule. Real
correct French sentences get one slip each and are put into the held-out clean UD
documents of ``fixtures/spin/validation.jsonl.gz``: the slip adds exactly one counted
piece of grammar evidence (a second view of it is shown with weight 0) and never
quarantines a clean document alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cleannews
from _helpers import read_jsonl
from cleannews.score import _GRAMMAR
from cleannews.score._features import analyse

VALIDATION = Path(__file__).parent.parent / "fixtures" / "spin" / "validation.jsonl.gz"

#: (correct sentence, the same sentence with one slip, signals the slip may show)
SLIPS = [
    (
        "Les usagers se plaignent des lenteurs de l’application depuis sa mise à jour.",
        "Les usagers se plaignent des lenteurs de le application depuis sa mise à jour.",
        {"elision", "contraction"},
    ),
    (
        "Les pompiers ont conduit le blessé vers l’hôpital de la ville.",
        "Les pompiers ont conduit le blessé vers le hôpital de la ville.",
        {"elision"},
    ),
    (
        "Le blessé a été transporté à l’hôpital le plus proche.",
        "Le blessé a été transporté à le hôpital le plus proche.",
        {"elision", "contraction"},
    ),
    (
        "Il a consacré l’ouvrage à l’histoire de sa région natale.",
        "Il a consacré la ouvrage à l’histoire de sa région natale.",
        {"elision", "gender_agreement"},
    ),
    (
        "Elle a rappelé l’importance de l’engagement des bénévoles.",
        "Elle a rappelé l’importance de le engagement des bénévoles.",
        {"elision", "contraction"},
    ),
]


def _grammar(text: str) -> tuple[int, int]:
    """(counted, shown) grammar hits of ``text``."""
    hits = [h for h in analyse(text).hits if h.signal in _GRAMMAR]
    return sum(h.counted for h in hits), len(hits)


@pytest.fixture(scope="module")
def clean_docs() -> list[str]:
    docs = [r["text"] for r in read_jsonl(VALIDATION) if r["mode"] == "clean"]
    assert len(docs) >= 150
    return docs


@pytest.mark.parametrize(("correct", "slipped", "signals"), SLIPS)
def test_one_slip_is_one_counted_piece_of_evidence(correct, slipped, signals):
    assert _grammar(correct) == (0, 0)
    hits = [h for h in analyse(slipped).hits if h.signal in _GRAMMAR]
    assert {h.signal for h in hits} <= signals
    assert sum(h.counted for h in hits) == 1
    for h in hits:
        if not h.counted:
            assert "same slip as" in h.reason


def test_the_double_view_is_shown_with_weight_zero(clean_docs):
    doc = clean_docs[0]
    first, _, rest = doc.partition("\n")
    s = cleannews.spin_score(f"{first} {SLIPS[0][1]}\n{rest}")
    ev = {e.signal: e for e in s.evidence if "application" in e.text}
    assert set(ev) == {"elision", "contraction"}
    assert ev["contraction"].weight == 0.0 and ev["elision"].weight > 0.0
    assert "same slip as the elision evidence" in ev["contraction"].reason


@pytest.mark.parametrize(("correct", "slipped", "signals"), SLIPS)
def test_one_slip_never_quarantines_a_clean_document(clean_docs, correct, slipped, signals):
    """Each held-out clean UD document with the slip put at the end of its first
    paragraph: one more counted grammar token than with the correct sentence, never
    ``spun``."""
    spun = []
    for doc in clean_docs:
        first, _, rest = doc.partition("\n")
        good = f"{first} {correct}\n{rest}"
        bad = f"{first} {slipped}\n{rest}"
        assert _grammar(bad)[0] == _grammar(good)[0] + 1
        s = cleannews.spin_score(bad)
        if s.label == "spun":
            spun.append((round(s.score, 3), first[:60]))
    assert not spun, spun

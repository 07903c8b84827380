"""Grammar checks for the slips a naive spinner makes and the package missed (spin15).

A naive spinner keeps the capital of the word it replaces and repairs nothing, so a
capitalised common noun lands after an elided clitic ("l'Collège") or after le/la/de/que
before a vowel ("la Éternelle"), and "ce"/"cet", "ma"/"mon" no longer fit the next word
("ce agissement", "Cet défaut"; the careful spinner's repair, too: "ce instant"). Real
inputs: the MyThes-V spins of ``fixtures/spin/validation.jsonl.gz``
(``tools/spin/dev_spin15.py``, docs/spin.md "Naive light spins, branch spin15"); names,
titles and correct French stay unflagged.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _helpers import read_jsonl
from cleannews.score._features import analyse, scan_text

ROOT = Path(__file__).resolve().parents[1]

#: (validation record, slip text, signal): counted by the new checks, missed before.
SPIN_SLIPS = [
    ("UD_French-GSD:fr-ud-dev:6:naive:0.2", "l'Collège", "elision"),
    ("UD_French-GSD:fr-ud-dev:7:naive:0.2", "la Éternelle", "elision"),
    ("UD_French-GSD:fr-ud-dev:20:naive:0.3", "Cet défaut", "gender_agreement"),
    ("UD_French-GSD:fr-ud-dev:21:naive:0.5", "ce agissement", "gender_agreement"),
    ("UD_French-GSD:fr-ud-dev:22:careful_freq:0.5", "ce instant", "gender_agreement"),
]


@pytest.fixture(scope="module")
def validation() -> dict[str, str]:
    ids = {i for i, _t, _s in SPIN_SLIPS}
    return {r["id"]: r["text"] for r in read_jsonl(ROOT / "fixtures/spin/validation.jsonl.gz")
            if r["id"] in ids}


def _grammar_hits(text: str) -> list[tuple[str, str]]:
    a = analyse(text)
    return [(h.signal, text[a.matches[h.first].start():a.matches[h.last].end()])
            for h in a.hits if h.counted and h.signal in (
                "elision", "gender_agreement", "number_agreement", "contraction")]


@pytest.mark.parametrize(("rec_id", "slip", "signal"), SPIN_SLIPS)
def test_naive_spin_slip_is_counted(validation, rec_id, slip, signal):
    assert (signal, slip) in _grammar_hits(validation[rec_id])


@pytest.mark.parametrize("text", [
    "Le milieu de terrain N'Golo Kanté a rejoint le club.",  # a name after an elided clitic
    "Le Monde et L'Express titrent à la Une sur la réforme.",  # "à la Une", titles
    "Il a lu « la Internationale » de bout en bout.",  # a quoted title
    "Cet homme a pris ce yaourt et cet hôtel, son amie aussi.",  # h, y: correct forms
])
def test_correct_french_and_names_are_not_slips(text):
    assert _grammar_hits(text) == []


def test_adjective_after_ce_before_a_vowel_is_a_slip():
    assert _grammar_hits("Ce artisanal projet a abouti.") == [("gender_agreement", "Ce artisanal")]


def test_candidate_filter_keeps_the_new_checks():
    """The scoring scan pre-filters triggers by the next word's role (``R_*`` bits); it must
    find the same slips as the scan that visits every trigger."""
    text = ("Le directeur de l'Collège parle de la Institution. Ce agissement et cet garçon, "
            "ma ami.\nUn paragraphe sans faute : cet homme, ce yaourt, l'Opéra.")

    def counts(every: bool) -> list[dict[str, int]]:
        return [dict(ps.counts.counts) for ps in scan_text(text, every_trigger=every)]

    assert counts(True) == counts(False)
    total = sum(c["elision"] + c["gender_agreement"] for c in counts(False))
    assert total == 5

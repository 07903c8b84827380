"""The context rule's guard for headings in capitals (round 39, context54; issue 10 item 4).

The context rule gives a short line the class of its two removed neighbours. A kicker printed
in capitals ("EUROPEAN BANKS", fixture 025) between two removed lines went with them; with the
guard it stays, while the short lower-case label next to it ("Politique") is still taken.
Real lines: "Lire la suite sur premium.lefigaro.fr" (TRAIN fr-a-0088, B:nav), "Partager"
(TRAIN fr-b-0069, B:share), "Se connecter" (fr-d-0010, B:login), "Publicité" (fr-a-0054, B:ad),
"Politique" (TRAIN fr-a-0180, B:nav), the kiosk back link
"Retour vers Ouest-France - 04 janvier 2020" (TRAIN fr-a-0004 / fr-a-0005, B:nav), the
article of ``fixtures/strip/025_en_paywall_business_mergers.txt``.
"""

from __future__ import annotations

import pytest

import cleannews
from _helpers import train_doc
from cleannews.evaluate import norm

CFG = cleannews.CleanConfig(score_spin=False, quarantine=False)

ARTICLE = [
    "Italian bank merger wave stalls as Rome tightens its grip",
    "Government's use of 'golden power' rules unsettles investors and raises questions in "
    "Brussels",
    "Giulia Ferraro in Milan and Oliver Crane in London",
    "18 June 2025",
    "Italy's attempt to create a third banking champion has hit a wall, as the government's use "
    "of special powers to attach conditions to takeover bids has left dealmakers scrambling and "
    "prompted a warning from the European Commission.",
    "UniCredit, the country's second-largest lender, said on Tuesday that the conditions "
    "imposed on its €14bn offer for Banco BPM made the deal \"significantly less attractive\", "
    "and that it could walk away before the offer period closes next month.",
    "The standoff is the latest twist in a consolidation drive that bankers had hoped would "
    "reshape Italian finance. Monte dei Paschi di Siena, rescued by the state in 2017, has bid "
    "for Mediobanca, while BPER Banca is pursuing Banca Popolare di Sondrio.",
]


def _removed(lines: list[str]) -> dict[str, str | None]:
    """Each line's text with the rule that removed it (None: kept)."""
    d = cleannews.clean("\n".join(lines) + "\n", CFG)
    rules = {c.before.strip(): c.rule for c in d.changes if c.after == ""}
    return {t: rules.get(t) for t in lines}


BELOW = ["Partager", "Se connecter", "Publicité"]


@pytest.fixture(scope="module", params=BELOW)
def kicker_page(request) -> dict[str, str | None]:
    return _removed([
        *ARTICLE[:5], "Lire la suite sur premium.lefigaro.fr", "EUROPEAN BANKS", "Politique",
        request.param, *ARTICLE[5:],
    ])


def test_kicker_in_capitals_between_removed_lines_stays(kicker_page):
    # round-start code: taken by "context" (read_elsewhere_line above, a share / login / ad
    # label below)
    assert kicker_page["Lire la suite sur premium.lefigaro.fr"] == "read_elsewhere_line"
    assert sum(kicker_page[t] is not None for t in BELOW if t in kicker_page) == 1
    assert kicker_page["EUROPEAN BANKS"] is None


def test_lower_case_label_next_to_it_is_still_taken(kicker_page):
    assert kicker_page["Politique"] == "context"
    assert all(kicker_page[t] is None for t in ARTICLE)


def test_region_menu_item_of_a_train_page_still_taken():
    # TRAIN fr-a-0093: "Centre-Val de Loire" (B:nav) between two removed region links
    doc, labelled = train_doc("fr-a-0093")
    assert [lb.label for lb in labelled if norm(lb.text) == "Centre-Val de Loire"] == ["nav"]
    d = cleannews.clean(doc, CFG)
    rules = {c.before.strip(): c.rule for c in d.changes if c.after == ""}
    assert rules.get("Centre-Val de Loire") == "context"


@pytest.mark.parametrize("pid", ["fr-a-0004", "fr-a-0005"])
def test_kiosk_back_link_removed_again(pid):
    # back_link_r38's kiosk form, withdrawn at round 38's end and restored with the guard
    doc, labelled = train_doc(pid)
    link = next(lb.text.strip() for lb in labelled if lb.text.startswith("Retour vers "))
    d = cleannews.clean(doc, CFG)
    rules = {c.before.strip(): c.rule for c in d.changes if c.after == ""}
    assert rules.get(link) == "back_link_r38"


def test_capitals_heading_shape():
    from cleannews.strip.detectors import _capitals_heading, _Line

    def judge(text: str, i: int = 5) -> bool:
        return _capitals_heading(_Line(text, frozenset()), i, 9)

    assert judge("EUROPEAN BANKS") and judge("L’ÉQUIPE DE FRANCE")
    assert not judge("EUROPEAN BANKS", i=12)  # after the article's last paragraph
    assert not judge("POLITIQUE")  # one word: a menu's item
    assert not judge("UN ÉTÉ")  # too few letters
    assert not judge("POULE B 2024") and not judge("Politique locale")

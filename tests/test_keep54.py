"""Round 39, keep54 (issue 10 item 4: content kept on unseen pages): content lines the strip
stage lost on TRAIN and on the stress set, fixed at the depth of the rule that took them.

* a short line right under a removed line of the page's chrome, above a headline-shaped line,
  went as ``head_label`` (``strip/_headzone.py``) although it reads as a phrase, the article's
  kicker or short headline: a function word between two words ("Zukunft des VfL", "Berichte
  der Autobahnpolizei", "News in brief") or two parts joined by a colon inside it ("Politik:
  Ressortarchiv", "DO: Kreisliga kompakt"). Next to another site's cookie banner, paywall
  notice or skip link (the stress set) the article's first line stands right under an anchor:
  seven sources lost it (de-r28-0005, de-r37-0004, de-m-0004, en-d-0011, de-r29-0002,
  fr-r32-0024, and on TRAIN de-r40-0001, there as ``head_chrome`` between the breadcrumb and a
  menu run). ``_headzone._phrase_alone`` keeps the line when it is alone in its run and reads
  as a phrase (five of the seven); a section's name ("Politique", "Economia e Finanza", "A la
  Une") still goes.

Inputs: TRAIN pages through ``_helpers.train_doc`` (development data), and pages made of their
content lines under one furniture line of another TRAIN page, as the stress set prints them.
Every test of a fix fails on the round-start code.
"""

from __future__ import annotations

import pytest

from _helpers import train_doc
from test_keep44 import _content, _kept

#: furniture lines of TRAIN pages (labelled ``B:login`` / ``B:cookie`` there) that the stress
#: set put right above another site's article: anchors of the page's chrome.
PAYWALL_DE = "86% des Artikels sind noch verdeckt."
COOKIE_FR = ("Pour en savoir plus sur notre utilisation générale des cookies, consultez notre "
             "page de politique de confidentialité. Vous pouvez aussi paramétrer les cookies "
             "utilisés.")
SKIP_EN = "Skip to content"


@pytest.mark.parametrize(("anchor", "page", "first"), [
    (PAYWALL_DE, "de-r28-0005", "Zukunft des VfL"),
    (COOKIE_FR, "de-r37-0004", "Berichte der Autobahnpolizei"),
    (SKIP_EN, "en-d-0011", "News in brief"),
    (SKIP_EN, "de-m-0004", "Politik: Ressortarchiv"),
])
def test_phrase_under_other_sites_chrome_stays(anchor, page, first):
    """The TRAIN page's content lines (its kicker or short headline first, a headline-shaped
    line under it) under another site's chrome line: the first line stays, the anchor goes."""
    lines = _content(page)
    assert lines[0] == first
    doc = "\n".join([anchor, "", *lines, ""])
    kept = _kept(doc)
    assert kept[first] == [True] * len(kept[first])
    assert kept[anchor] == [False]  # the chrome line itself still goes


def _served(page_id: str) -> tuple[dict[str, bool], dict[str, list[bool]]]:
    """(``{stripped line: labelled content?}``, ``{stripped line: [kept?, …]}``) of a TRAIN
    page as served."""
    doc, labelled = train_doc(page_id)
    return {lb.text.strip(): lb.content for lb in labelled if lb.text.strip()}, _kept(doc)


def test_de_r40_0001_kicker_under_its_breadcrumb_stays():
    """de-r40-0001 (TRAIN) as served: "Startseite » Fußball » Kreisliga A" (breadcrumb) /
    "DO: Kreisliga kompakt" (content: the page's kicker) / "Naschen am Torbuffet" (the
    headline, taken by the menu run under it: left). Between the crumb and the menu run,
    ``head_chrome`` took the kicker; it stays, the crumb still goes."""
    crumb = "Startseite » Fußball » Kreisliga A"
    lab, kept = _served("de-r40-0001")
    assert lab["DO: Kreisliga kompakt"] and not lab[crumb]
    assert kept["DO: Kreisliga kompakt"] == [True]
    assert kept[crumb] == [False]


# -- the look-alikes: a section's name under the chrome still goes ---------------------------


def test_fr_a_0085_section_label_under_back_link_still_taken():
    """fr-a-0085 (TRAIN): "Retour" (nav link) / "Politique" (furniture: the section) / the
    headline. One word is no phrase: ``head_label`` still takes it."""
    lab, kept = _served("fr-a-0085")
    assert not lab["Politique"]
    assert kept["Politique"] == [False]


@pytest.mark.parametrize("label", ["Economia e Finanza", "A la Une", "Faits divers – Justice",
                                   "Wissenschaftliche Meldungen"])
def test_section_names_under_skip_link_still_taken(label):
    """Two section names joined by a conjunction, a label of function words only, a label
    with a dash, two words with no function word: labels, taken under the skip link."""
    doc = "\n".join([SKIP_EN, "", label, "",
                     "Le conseil municipal adopte le budget de la ville pour l'an prochain", "",
                     "Réunis lundi soir, les élus ont voté le budget après trois heures de "
                     "débats sur les investissements de la commune et la dette.", ""])
    assert _kept(doc)[label] == [False]

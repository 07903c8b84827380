"""Block evidence after the article's body (:mod:`cleannews.strip._zones`, branch strip-gen6).

A related-articles heading after the body takes the list under it (``related_zone``), a short
line above a run of removed teasers is their heading (``run_heading``); the article's own lines
placed under such a heading stay: bullet lists, interview turns, lists of names, fact boxes
("Label : value"), a paragraph that goes on, a subheading whose paragraph shares the body's
words, a heading in the middle of the article.
"""

from __future__ import annotations

import pytest

import cleannews
from _helpers import BUDGET_HEADLINE, BUDGET_PARAGRAPHS
from cleannews.strip import strip_text

CFG = cleannews.CleanConfig()

BODY = "\n\n".join([BUDGET_HEADLINE, *BUDGET_PARAGRAPHS]) + "\n"

TEASERS = """Incendie géant dans un entrepôt du port

Les pompiers sont intervenus toute la nuit pour maîtriser les flammes, qui n'ont fait aucun blessé.

Festival de jazz : la programmation dévoilée

Une quarantaine de concerts sont prévus sur trois scènes en plein air du parc.

Trois blessés sur la rocade nord
"""


def removed(text: str) -> dict[str, str]:
    """Removed line (stripped) -> the rule that removed it."""
    return {c.before.strip(): c.rule for c in strip_text(text, CFG).changes}


def test_teasers_under_a_related_heading_after_the_body_go():
    out = removed(BODY + "\nSélectionné pour vous\n\n" + TEASERS)
    assert out["Sélectionné pour vous"] == "related_heading_family"
    for line in TEASERS.split("\n"):
        if line:
            assert out.get(line) == "related_zone", line


def test_the_body_stays_and_the_zone_is_the_only_new_removal():
    text = BODY + "\nCeci pourrait également vous intéresser :\n\n" + TEASERS
    r = strip_text(text, CFG)
    assert BODY.strip() in r.text
    assert {c.rule for c in r.changes} == {"related_heading_family", "related_zone"}


LOOK_ALIKES = {
    "bullet list": "– la D660 entre Lalinde et Mauzac ;\n\n– la D37 à Saint-Capraise ;\n\n"
    "– la D936 à Gardonne, dans les deux sens.\n",
    "interview turns": "— Pourquoi fermer aussi tôt ?\n\n— Parce que continuer coûtait plus cher."
    "\n\n— Et l'an prochain ?\n\n— On verra.\n",
    "fact box": "Note : 8/10\n\nPrix : 189 €\n\nGarantie : 5 ans\n",
    "a paragraph goes on": "Les derniers chiffres\n\nSelon les services de la ville, la dette "
    "baissera de quatre millions d'euros d'ici la fin du mandat, ce qui permettra de financer de "
    "nouveaux équipements sportifs et culturels dans les quartiers sans augmenter les impôts "
    "locaux des habitants.\n\nUn vote en janvier\n\nLe calendrier reste à fixer\n",
    "a subheading and the body's words": "Les tarifs municipaux\n\nLes tarifs municipaux des "
    "écoles resteront stables, a promis le maire.\n\nLes associations\n\nLes subventions des "
    "associations seront maintenues.\n",
    "a list introduced above the heading": None,
}


@pytest.mark.parametrize("name", sorted(LOOK_ALIKES))
def test_article_lines_under_a_related_heading_stay(name):
    below = LOOK_ALIKES[name]
    if below is None:  # the heading cuts into the article's list: its last items are below it
        text = (
            BODY + "\nLes mesures réclamées :\n\n– un fonds d'urgence ;\n\n"
            "Sélectionné pour vous\n\n– l'étalement des emprunts ;\n\n"
            "– une aide au transport du fourrage\n\n– un numéro d'appel unique\n"
        )
        below = "– l'étalement des emprunts ;\n– une aide au transport du fourrage\n"
    else:
        text = BODY + "\nSélectionné pour vous\n\n" + below
    out = removed(text)
    assert not {r for r in out.values() if r == "related_zone"}, out
    for line in below.split("\n"):
        if line.strip():
            assert line.strip() not in out, (line, out[line.strip()])


def test_a_heading_inside_the_article_opens_nothing():
    """The longest run of paragraphs is below the heading: it is not after the body."""
    text = (
        "Le conseil municipal adopte le budget\n\nLe conseil municipal a adopté mardi soir le "
        "budget de la ville pour l'année prochaine, après un long débat.\n\n"
        "Sélectionné pour vous\n\nLes écoles d'abord\n\n" + BODY.split("\n", 2)[2]
    )
    out = removed(text)
    assert "Les écoles d'abord" not in out
    assert "related_zone" not in out.values()


def test_one_line_under_a_heading_stays():
    """One or two lines under a heading next to the article's end: the article's own, as often."""
    text = BODY + "\nSélectionné pour vous\n\nPour réagir, écrivez à la rédaction.\n"
    assert "Pour réagir, écrivez à la rédaction." not in removed(text)


def test_a_short_line_above_removed_teasers_is_their_heading():
    text = (
        BODY + "\nNos autres histoires\n\n"
        "Incendie géant dans un entrepôt du port\n\nTrois blessés sur la rocade nord\n\n"
        "Festival de jazz : la programmation dévoilée\n\nPartager sur Facebook\n"
    )
    out = removed(text)
    assert out.get("Nos autres histoires") == "run_heading", out


def test_names_list_after_the_body_without_a_heading_stays():
    text = BODY + "\nL'équipe municipale\n\nJean Dupont\n\nMarie Curie\n\nPaul Martin\n"
    out = removed(text)
    assert not {"Jean Dupont", "Marie Curie", "Paul Martin"} & out.keys(), out


def test_names_with_roles_under_a_related_heading_stay():
    names = ["Jean Dupont, maire", "Marie Curie, adjointe aux finances", "Paul Martin (PS)"]
    out = removed(BODY + "\nSélectionné pour vous\n\n" + "\n\n".join(names) + "\n")
    assert not set(names) & out.keys(), out


def test_a_fact_line_above_removed_teasers_stays():
    """ "Note : 8/10" above two removed teasers: the article's fact box, not their heading."""
    text = (
        BODY + "\nNote : 8/10\n\nIncendie géant dans un entrepôt du port\n\n"
        "Trois blessés sur la rocade nord\n\nFestival de jazz : la programmation dévoilée\n\n"
        "Partager sur Facebook\n"
    )
    assert "Note : 8/10" not in removed(text)

"""Read-more links, credits and view counters glued to content lines are cut as spans (issue 10,
round 34, branch glue44).

Since round 33 the TRAIN pages bracket the furniture glued inside a content line (GUIDELINE
rule 5) and the evaluator counts each span as one ``glued`` furniture unit. The strip stage cut
35 of the 140 spans; the largest missed family was the teaser's read-more link, glued before
the next headline ("Lire la suiteSfax croule …", "Read More »Black Bulls …") or after the cut
summary ("… [...] Lire la suite", "[…]Read More", "… more", "CeLire la suite…", "… Lire la
suite de <titre>"), 62 spans on 25 sites of 20 batches. ``RuleSet.glued_label_end`` (the
label before a headline, round 31) and ``RuleSet.glued_label_start`` (the label after a summary: the
``continue_labels`` and ``more_labels`` of ``strip/data/<lang>.json``) now give the span
``detectors._glued_links`` cuts (rules ``glued_read_more_lead`` / ``glued_read_more_tail``); a
credit after the last sentence ("… the park. Photo credit: Oakland County …") is cut unless
the protect patterns keep it (``_glued_tail``), and a view counter after a separator
(``view_counter_glued``). The content part of every line stays whole.
"""

from __future__ import annotations

import pytest

from _helpers import assert_megabyte_lines_finish, bracketed_units, train_doc
from cleannews import CleanConfig
from cleannews.evaluate import GLUED_KIND
from cleannews.strip import strip_text
from cleannews.strip._rules import load_rules
from cleannews.strip.detectors import GLUED_LINK_LEAD, GLUED_LINK_TAIL, _glued_links, _glued_tail

CFG = CleanConfig(score_spin=False, quarantine=False)

#: (page, the start of a bracketed line) of each family on real TRAIN pages, one per site.
CUT = [
    ("fr-r34-0026", "Lire la suiteFlorentine Somers"),
    ("es-r35-0003", "Leer Más »Abogada Vacchetta"),
    ("es-e-0004", "Read More »Black Bulls"),
    ("en-d-0003", "Read More →Phil Davis"),
    ("fr-r29-0008", "Continue readingMonaco s’oriente"),
    ("fr-a-0089", "Union populaire."),  # "[...] Lire la suite"
    ("fr-r34-0043", "L’accident est survenu"),  # "… de sortirLire la suite…"
    ("fr-r32-0001", "Pour l’instant, les viticulteurs"),  # "[…] Lire l’article"
    ("fr-r33-0031", "Une annonce qui a tout de suite"),  # "[…]Read More"
    ("en-r28-0006", "Dear Editor:"),  # "… more"
    ("de-c-0006", "Innensenator Ulrich Mäurer"),  # "… Folgen hat. mehr..."
    ("de-r27-0009", "In Köln ist zum Jahreswechsel"),  # "wi... » mehr"
    ("fr-b-0117", "Au mois de novembre dernier"),  # "…Article..."
    ("fr-r29-0030", "Le chef de l’Etat gabonais"),  # "… Lire la suite de <titre>"
    ("fr-r27-0007", "«La vie de mon père"),  # "… Continuer de lire <titre>"
    ("fr-h-0044", "Souvenez-vous"),  # "[Lire la totalité du texte]"
    ("fr-r33-0033", "(Vidéo & Texte)"),  # "… Bongo. Lire plus"
    ("en-r28-0001", "Officials in OAKLAND COUNTY"),  # "… Photo credit: Oakland County …"
    ("de-c-0007", "Ein rasantes Rennen"),  # "… Foto: Martin Kowalewski"
    ("fr-e-0048", "PUBLIE LE 10/07/2020"),  # " - 10699 vues"
    ("fr-r38-0020", "Loire le 20 mars 2014"),  # " - article lu 766 fois"
]


@pytest.mark.parametrize(("page", "start"), CUT)
def test_the_glued_span_goes_and_the_content_part_stays(page, start):
    """Fails on main: every span below was left in (the content part stayed too)."""
    assert bracketed_units(page, start) == [("C", True), (GLUED_KIND, False)]


def test_a_listing_s_leads_stay_and_a_second_pass_takes_nothing():
    """fr-r29-0011: "Lire la suite" opens seven teasers, four of them cut with "…". Cut, the
    leads no longer told ``excerpt_run`` that the run is a listing's, and a second pass took the
    four teasers (content): the leads that open at least ``EXCERPT_RUN_MIN`` cut lines stay
    (``detectors._listing_leads``)."""
    units = bracketed_units("fr-r29-0011", "Lire la suiteSfax croule")
    assert units == [("C", True), (GLUED_KIND, True)]
    doc, _ = train_doc("fr-r29-0011")
    once = strip_text(doc, CFG).text
    assert strip_text(once, CFG).changes == []


RS = load_rules(("fr", "en", "de", "es", "it"))


@pytest.mark.parametrize("line", [
    # sentences about reading more, a subscription, a counter: no link glued to a summary
    "Les lecteurs qui veulent en savoir plus pourront lire la suite dans notre édition de lundi.",
    "Le maire a promis de lire la suite du rapport devant le conseil municipal jeudi.",
    "Il a relu la lettre plusieurs fois, puis il a voulu lire la suite",
    "Elle hésita longtemps, puis… plus rien, le silence complet dans la salle des fêtes.",
    "Il en voulait toujours plus… encore et encore, disait son entraîneur au club",
    "The council said residents who want to read more can visit the library website.",
    "She kept asking for more and more time to finish the report for the committee",
    "Die Polizei bittet um Hinweise, wer mehr weiß, soll sich bitte melden. Mehr",
    "Leggi tutto il rapporto della commissione sul bilancio comunale di quest'anno",
    "El alcalde quiere leer más libros con los niños de la escuela municipal este año",
    "Le clip du groupe a été vu 766 fois en une heure sur les réseaux sociaux",
    "Le 3 mars 2024 - 12 classes de l'école ont visité la caserne des pompiers",
])
def test_look_alike_sentences_stay_whole(line):
    assert _glued_links(line, RS) == []
    assert strip_text("Titre de l'article\n\n" + line + "\n", CFG).text.strip().endswith(line)


def test_a_label_alone_or_longer_than_its_text_is_no_span():
    """A lone label is a line of its own (the line rules' business); a label glued to fewer
    words than it has, or to a lower-case word, is no teaser's link."""
    for line in ("Read More", "Lire la suiteSfax", "Lire la suite de l'enquête demain",
                 "Un texte de quatre mots Lire la suite"):
        assert _glued_links(line, RS) == [], line


@pytest.mark.parametrize(("line", "rule", "span"), [
    ("Read More »Le redécoupage des cantons de #Corse", GLUED_LINK_LEAD, "Read More »"),
    ("Lire la suiteLes équipes municipales de Sfax ont repris la levée",
     GLUED_LINK_LEAD, "Lire la suite"),
    ("Le Festival des Lanternes s'apprête à fermer ses portes ce mercredi [...] Lire la suite",
     GLUED_LINK_TAIL, " Lire la suite"),
    ("Un incendie s'est déclaré hier à la décharge du port de Sfa… Continuer de lire Sfax : "
     "la décharge brûle", GLUED_LINK_TAIL, " Continuer de lire Sfax : la décharge brûle"),
    ("Un delitto maturato all'improvviso nel cuore della notte… Leggi tutto",
     GLUED_LINK_TAIL, " Leggi tutto"),
    ("Ein Unfall auf der Autobahn hat am Morgen einen Stau verursacht... Weiterlesen »",
     GLUED_LINK_TAIL, " Weiterlesen »"),
])
def test_written_forms_of_each_family(line, rule, span):
    found = _glued_links(line, RS)
    assert [(x.rule, line[x.start:x.end]) for x in found] == [(rule, span)]
    assert found[0].reason  # the removal explains itself


def test_a_protected_tail_stays_a_credit_goes():
    """``_glued_tail``: a credit after the last sentence goes (fails on main: credits yield to
    the protect patterns, and the tail was never tried against them); a byline stays."""
    rs = load_rules(("fr", "en"))
    got = _glued_tail("The state will lease the land to the county. Photo credit: Oakland "
                      "County Parks", rs)
    assert got is not None and got.rule == "photo_credit_en"
    assert _glued_tail("Le club fête ses 60 ans cette année. Par Jean Dupont", rs) is None


def test_adversarial_long_lines_finish():
    """No backtracking on a megabyte line of truncation marks, labels and brackets (the tail
    link is searched in the line's last characters only)."""
    assert_megabyte_lines_finish(
        ["… ", "...", "[…]", "Lire la suite ", "… Lire la suite de ", "[Lire la suite ",
         "aLire la suite", "… more", "Read More »"],
        CFG,
    )

"""Furniture the strip stage left in, by family (issue 10, round 38, branch recall53).

Three families of TRAIN furniture lines that no rule took, each seen on several sites (the
support tool's bar, ``python -m tools.strip_rules.support --rules NAME``):

* ``markup_residue_r38`` (``fr.json``, ``cms``; French rules run on every page): leftovers of
  the page's code or of a picture's file alone on a line — a template's debug marker
  ("*** DEBUG START ***"), an HTML comment, a line of markup with at most three words outside
  its tags, a template binding ("Page: [[$index + 1]]"), a camera's or a screenshot's file
  name ("DSC05510", "Screen Shot 2019-12-04 at 1.25.55 PM"), a picture's file name with
  spaces ("Diputados 2.jpg"), a picture's description in brackets ("[Image : graphique …]").
* ``photo_credit_r38`` (``en.json``, ``credit``; English rules run on every page): a
  photographer with the Flickr licence, a courtesy credit, a person's name over a media
  outlet ("Luke Runyon / Harvest Public Media"), a stock library's name alone ("Alamy").
* ``read_also_r38`` (``fr.json``) and ``read_also_r38_es``: the head of a link to another
  article alone or cut ("A lire", "A lire égaleme", "A lire dans le n °110") and the Spanish
  lead-ins with "leer" and a colon ("Puede leer: “…”", "Te recomendamos leer: …").

The furniture lines are real TRAIN lines of ``fixtures/strip_real`` (page ids in the lists);
each test that expects a removal fails on the code before this branch. The look-alikes are
article lines that must stay.
"""

from __future__ import annotations

import pytest

import cleannews
from _helpers import train_doc, train_lines_taken
from cleannews.strip import strip_text
from test_strip_recall51 import page

CFG = cleannews.CleanConfig()
RULES = frozenset({"markup_residue_r38", "photo_credit_r38", "read_also_r38", "read_also_r38_es"})


def taken(text: str) -> list[tuple[str, str]]:
    """(rule, removed line stripped) of this branch's rules on a text."""
    return [(c.rule, c.before.strip()) for c in strip_text(text, CFG).changes if c.rule in RULES]


def removals(text: str) -> dict[str, str]:
    """Removed line -> the rule of this branch that removed it."""
    return {line: rule for rule, line in taken(text)}


def served_removals(page_id: str) -> list[tuple[str, str]]:
    """:func:`taken` on one TRAIN page as served."""
    return taken(train_doc(page_id)[0])


#: (TRAIN page, furniture line as labelled, rule) — left in by the code before this branch.
TRAIN_FURNITURE = [
    ("en-r43-0003", "*** DEBUG START ***", "markup_residue_r38"),
    ("en-r43-0003", "*** DEBUG END ***", "markup_residue_r38"),
    ("en-r32-0004", "<!-- wp:paragraph -->", "markup_residue_r38"),
    ("de-r40-0004", "--> -->", "markup_residue_r38"),
    ("en-r37-0001", "Page: [[$index + 1]]", "markup_residue_r38"),
    ("fr-r29-0005", "DSC05510", "markup_residue_r38"),
    ("en-r28-0005", "Screen Shot 2019-12-04 at 1.25.55 PM", "markup_residue_r38"),
    ("es-r35-0004", "Diputados 2.jpg", "markup_residue_r38"),
    ("fr-r31-0012",
     '<div style="background-color: none transparent;"><a href="http://www.ikiloop.com/" '
     'title="link">here</a></div>', "markup_residue_r38"),
    ("en-r43-0001", "Victor / flickr Creative Commons", "photo_credit_r38"),
    ("en-r43-0001", "Bruce Tuten, flickr Creative Commons", "photo_credit_r38"),
    ("en-r43-0001", "COURTESY OF ELLIOT CHAPMAN", "photo_credit_r38"),
    ("en-r43-0001", "Luke Runyon / Harvest Public Media", "photo_credit_r38"),
    ("en-r43-0003", "Alamy", "photo_credit_r38"),
    ("fr-r43-0013", "A lire", "read_also_r38"),
    ("fr-r31-0002", "A lire égaleme", "read_also_r38"),
    ("fr-b-0040", "À Lire A", "read_also_r38"),
    ("fr-r43-0008", "A lire dans le n °110", "read_also_r38"),
    ("es-r43-0004", "Puede leer: “Cruzar Darién fue una pesadilla”, relato de una paraguanera",
     "read_also_r38_es"),
]


@pytest.mark.parametrize(("page_id", "line", "rule"), TRAIN_FURNITURE)
def test_train_furniture_lines_go(page_id, line, rule):
    _, labelled = train_doc(page_id)
    assert any(not lb.content and lb.text.strip() == line for lb in labelled), line
    assert (rule, line) in served_removals(page_id)


def test_a_bracketed_picture_description_goes():
    """fr-r43-0001: "[Image : graphique montrant l'évolution des critères …]", the text an
    editor left where the chart was to go."""
    taken = [t for rule, t in served_removals("fr-r43-0001") if rule == "markup_residue_r38"]
    assert [t[:40] for t in taken] == ["[Image : graphique montrant l'évolution "]


#: (language of the test page, line, rule) — the same shapes on other sites' wording.
OTHER_FORMS = [
    ("fr", "GOPR0042", "markup_residue_r38"),
    ("it", "DSCN4521", "markup_residue_r38"),
    ("de", "Bildschirmfoto 2023-05-14 um 10.15.22", "markup_residue_r38"),
    ("fr", "<!-- /wp:image -->", "markup_residue_r38"),
    ("de", "[Bild: Der Marktplatz im Regen]", "markup_residue_r38"),
    ("en", "Photo courtesy of the Ephrata Review", "photo_credit_r38"),
    ("fr", "© Unsplash", "photo_credit_r38"),
    ("en", "Jane Doe / Iowa Public Radio", "photo_credit_r38"),
    ("es", "Te recomendamos leer: Van 20 negocios suspendidos en Playa del Carmen",
     "read_also_r38_es"),
    ("es", "Puedes leer: «El puerto cierra por obras»", "read_also_r38_es"),
]


@pytest.mark.parametrize(("lang", "line", "rule"), OTHER_FORMS)
def test_the_same_shapes_elsewhere_go(lang, line, rule):
    assert removals(page(lang, line)).get(line) == rule


#: (language, article line that looks like one of the families) — must stay.
LOOKALIKES = [
    ("en", "<p>In high school football, Friday night lights mean one thing: it's showtime.</p>"),
    ("en", "Courtesy of the mayor, the event was free for every family in town."),
    ("de", "Kreisliga Coburg/Lichtenfels"),  # de-r29-0005's content: no media word
    ("en", "Meeting Minutes/Agenda"),  # en-r31-0001's content
    ("fr", "À lire le rapport, on comprend mieux la colère des agriculteurs."),
    ("fr", "AFP"),  # a news agency signing the article
    ("es", "Puede leer el informe completo en la web del ayuntamiento."),
    ("en", "The photos were posted on Flickr by the council last week."),
]


@pytest.mark.parametrize(("lang", "line"), LOOKALIKES)
def test_lookalikes_stay(lang, line):
    text = page(lang, line)
    assert removals(text) == {}
    assert line in strip_text(text, CFG).text


def test_markup_fragments_between_headings_stay_in_place():
    """it-r31-0001: "><" lines between a statute's short headings ("CAPO I", "DISPOSIZIONI
    GENERALI", "Finalità"). A pattern for such fragments was tried and withdrawn: with the
    fragments gone the headings became a short run between removed lines and went too."""
    doc, _ = train_doc("it-r31-0001")
    out = strip_text(doc, CFG).text
    for heading in ("CAPO I", "DISPOSIZIONI GENERALI", "Finalità"):
        assert f"\n{heading}\n" in f"\n{out}\n"


def test_no_train_content_line_removed_by_these_rules(strip_real_docs):
    """Every TRAIN page as served: no content line is removed by this branch's rules
    (``train_lines_taken`` fails on one), and they fire on at least 25 lines (28 lines on
    1,504 pages at the branch's end)."""
    taken = train_lines_taken(strip_real_docs, RULES, CFG)
    assert sum(taken.values()) >= 25, taken

"""Glued furniture, third pass: furniture glued inside a content line whose whole-line rule
could not cut it out (issue 10, round 37, branch glue52).

Of the 174 spans the TRAIN pages bracket per GUIDELINE rule 5, 53 stayed after round 36.
Listed by position, kind and site, four shapes recur on two or three sites; each is now cut at
the span pass (``detectors.judge_lines`` → ``detectors._glued_forms``) as the glued form of the
rule that takes the same furniture alone on its line:

* a photo credit with a name in capitals glued before a paragraph ("© GILLES GOUJON Premier
  restaurant …"): ``detectors._glued_head_credit``, the credit read by ``photo_credit`` …;
* a copyright notice after a paragraph's last sentence or glued to its last word with no
  separator ("… des faits. Copyright cabinetsavocats.com |", "… del PaeseCOPYRIGHT
  LASICILIA.IT © …"): the rule ``copyright_site`` (fr.json) read by ``_glued_tail`` and the new
  ``_glued_caps_tail``;
* share, print and comment buttons glued at a line's end ("… de 2017 PDF Imprimir E-mail",
  "… 23:01 Comenta Compartir"): ``_glued_widget_tail``, the glued form of ``widget_words``;
* counters glued with no separator ("0Poteva …", "… Service00", "(0 vote)À Kinshasa …"):
  ``_glued_zero_counter``, the glued form of ``counter_number``.
"""

from __future__ import annotations

import pytest

from _helpers import assert_megabyte_lines_finish, bracketed_units, train_pages
from cleannews import CleanConfig
from cleannews.evaluate import GLUED_KIND
from cleannews.strip import strip_text

CFG = CleanConfig(score_spin=False, quarantine=False)

#: (page, the start of a bracketed line, how many spans it has): every real TRAIN line the four
#: shapes cut, one site or more per shape.
CUT = [
    ("fr-r42-0024", "© GILLES GOUJON Premier", 1),  # "© GILLES GOUJON "
    ("fr-r42-0024", "© YANN DERET C’est", 1),  # "© YANN DERET "
    ("fr-r42-0024", "© MARGAUX INIZAN", 1),  # "© MARGAUX INIZAN "
    ("fr-a-0029", "Ces cinq hommes", 1),  # " Copyright cabinetsavocats.com |"
    ("it-e-0018", "Chi sono i sei giovani", 1),  # "COPYRIGHT LASICILIA.IT © …" glued
    ("es-e-0005", "Sube el paro", 1),  # " PDF Imprimir E-mail"
    ("es-r41-0004", "date 2025-10-28 Juan F. Robles", 2),  # " Comenta", " Compartir"
    ("it-m-0029", "0Poteva avere", 1),  # "0"
    ("en-m-0015", "By Reuters News Service", 1),  # "00"
    ("fr-r28-0012", "(0 vote)À Kinshasa", 1),  # "(0 vote)"
]


@pytest.mark.parametrize(("page", "start", "n"), CUT)
def test_the_glued_span_goes_and_the_content_part_stays(page, start, n):
    """Fails on the round-start code: every span below was left in."""
    assert bracketed_units(page, start) == [("C", True)] + [(GLUED_KIND, False)] * n


def _cleaned(line: str, lang_line: str = "") -> str:
    doc = ("Titre de l'article sur la commune\n\n" + line + "\n\nLe conseil municipal a voté le "
           "budget de la ville hier soir après un long débat sur les écoles.\n" + lang_line)
    return strip_text(doc, CFG).text


@pytest.mark.parametrize(("line", "kept"), [
    ("© JEAN DUPONT Le chef a ouvert son restaurant en mars dans le centre de la ville.",
     "Le chef a ouvert son restaurant en mars dans le centre de la ville."),
    ("Le maire a inauguré la salle des fêtes. Copyright lavoixdunord.fr |",
     "Le maire a inauguré la salle des fêtes."),
    ("Le maire a inauguré la salle des fêtes rénovéeCOPYRIGHT LAVOIX.FR © TOUS DROITS RÉSERVÉS",
     "Le maire a inauguré la salle des fêtes rénovée"),
    ("0Le maire a inauguré la salle des fêtes rénovée", "Le maire a inauguré la salle"),
])
def test_written_forms_the_text_stays(line, kept):
    """Fails on the round-start code (the furniture stayed glued)."""
    out = _cleaned(line)
    assert kept in out and line not in out


@pytest.mark.parametrize("line", [
    # the same words inside a sentence, or a figure that is the text's: nothing is cut
    "Le photographe signe ses clichés © JEAN DUPONT dans le coin de chaque image.",
    "Le copyright des photos reste à l'agence, a rappelé le juge.",
    "Le site lavoixdunord.fr a publié le copyright de ses photos.",
    "Le groupe McDONALD'S ouvre un restaurant sur la zone commerciale",
    "Ouverture de la séance publique du conseil à 10h00",
    "Le modèle A300 a volé pour la première fois en 1972",
    "20Minutes publie un sondage sur la réforme des retraites",
    "Il faut imprimer et partager le formulaire avant lundi",
    "Why Users Can No Longer Log In",
    "Les élus ont voté 10 voix pour, 0 contre",
])
def test_look_alike_sentences_stay_whole(line):
    assert line in _cleaned(line)


def test_spanish_buttons_and_look_alikes():
    """The Spanish buttons are ``widget_words`` of es.json (an es page); a sentence that
    ends on the same words in lowercase stays whole."""
    es = "\nEl ayuntamiento aprobó el presupuesto municipal para el próximo año con mayoría.\n"
    out = _cleaned("El paro sube en 34.900 personas en el trimestre de 2017 PDF Imprimir E-mail",
                   es * 3)
    assert "El paro sube en 34.900 personas en el trimestre de 2017\n" in out
    line = "Los vecinos pueden imprimir el formulario y comentar"
    assert line in _cleaned(line, es * 3)


def test_no_train_content_line_loses_a_word():
    """On every TRAIN page the four shapes cut only bracketed spans: a content line they cut
    keeps its content part whole (``_glued_forms`` run alone on every content line)."""
    from cleannews.strip._rules import match_text
    from cleannews.strip.detectors import _glued_forms, load_rules

    rs = load_rules(("fr", "en", "de", "es", "it"))
    bad = []
    for rec, _, labelled in train_pages():
        for lb in labelled:
            if lb.label != "C":
                continue
            text = lb.text.strip()
            for x in _glued_forms(match_text(text), rs):
                cut = text[x.start : x.end]
                if not any(cut.strip() in g or g.strip() in cut for g in lb.glued):
                    bad.append((rec["id"], cut))
    assert not bad


def test_adversarial_long_lines_finish():
    """No backtracking on a megabyte line of credits, capitals, buttons and zeros."""
    assert_megabyte_lines_finish(
        ["© ABC DEF ", "aCOPYRIGHT ", "Imprimir Compartir ", "0A0a ", "x00 ", "(0 vote)"],
        CFG,
    )

"""Meta and caption / credit shapes seen on several TRAIN sites (issue 10, branch strip16).

Each rule takes its lines on real TRAIN pages of at least two sites and no line labelled
content there (``furniture_taken``, repaired and not); then the look-alikes that must stay:
an agency's copyright closing a wire story, the agency's name without the © sign under a
headline (a byline on TRAIN pages), "Photo" opening a headline or a sentence, a bank's name
("Crédit Agricole", "Credit Suisse"), the word "Étiquette" in a headline; and 1 MB lines.
Only TRAIN pages (the fixtures fail on a held-out page).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from _helpers import PROBE_PARAS, kept_lines
from _helpers import detector_lines as _lines
from _helpers import line_rules as _rules
from _helpers import probe_rules as _taken
from cleannews import CleanConfig
from cleannews.strip import strip_text

ROOT = Path(__file__).parent.parent
PARAS = PROBE_PARAS
NEW_RULES = {"tag_label_gen16m", "photo_name_credit_gen16m", "caption_credit_tail_gen16m",
             "agency_credit_above_body"}


@pytest.mark.parametrize(
    ("page", "rule"),
    [
        ("fr-f-0002", "tag_label_gen16m"),  # "Étiquette  Ligue 1" (sport.fr)
        ("es-d-0002", "tag_label_gen16m"),  # "Etiqueta: Alfonso" (jotdown.es)
        ("fr-g-0004", "tag_label_gen16m"),  # "Lire la suiteÉtiquette : antilles-guyane"
        ("fr-g-0018", "photo_name_credit_gen16m"),  # "Photo Yves Petit"
        ("fr-e-0048", "photo_name_credit_gen16m"),  # "Photo Facebook : Bruno Basso"
        ("fr-h-0027", "caption_credit_tail_gen16m"),  # "… 2024. Crédit photo Corinne SIMON / …"
        ("fr-g-0042", "caption_credit_tail_gen16m"),  # "… à Gosier_2020_Credit Christine …"
        ("fr-a-0050", "agency_credit_above_body"),  # "©AFP" under the headline (lalibre.be)
        ("fr-b-0019", "agency_credit_above_body"),  # "©Reuters" (atlantico.fr)
        ("fr-f-0001", "agency_credit_above_body"),  # "© AFP" (fifa.com)
    ],
)
def test_rule_takes_furniture_on_train_pages_and_no_content(furniture_taken, page, rule):
    for repaired in (False, True):
        assert furniture_taken(page, {rule}, repaired).get(rule, 0) >= 1, (page, rule, repaired)



@pytest.mark.parametrize(
    ("lang", "line", "rule"),
    [
        ("fr", "Étiquette : Ligue 1", "tag_label_gen16m"),
        ("es", "Etiqueta: Real Madrid", "tag_label_gen16m"),
        ("it", "Etichetta   Serie A", "tag_label_gen16m"),
        ("de", "Schlagwort   Bundesliga", "tag_label_gen16m"),
        ("en", "Tag   Premier League", "tag_label_gen16m"),
        ("fr", "Photo Jean Dupont", "photo_name_credit_gen16m"),
        ("de", "Foto Hans Müller", "photo_name_credit_gen16m"),
        ("es", "Imagen Twitter: Ana García", "photo_name_credit_gen16m"),
        ("it", "Foto Facebook: Marco Rossi", "photo_name_credit_gen16m"),
        ("en", "Image John Smith", "photo_name_credit_gen16m"),
        ("fr", "Le maire devant la mairie, le 3 mars. Crédit photo Jean Dupont",
         "caption_credit_tail_gen16m"),
        ("fr", "Le maire devant la mairie_Credit Jean Dupont", "caption_credit_tail_gen16m"),
        ("es", "El alcalde ante el ayuntamiento. Crédito de la foto: Ana García",
         "caption_credit_tail_gen16m"),
        ("it", "Il sindaco davanti al municipio. Crediti: Marco Rossi",
         "caption_credit_tail_gen16m"),
        ("es", "El alcalde ante el ayuntamiento. Créditos: Ana García",
         "caption_credit_tail_gen16m"),
        ("it", "Il sindaco davanti al municipio. Credito foto: Marco Rossi",
         "caption_credit_tail_gen16m"),
        ("de", "Der Bürgermeister vor dem Rathaus. Bildnachweis: Hans Müller",
         "caption_credit_tail_gen16m"),
    ],
)
def test_new_rules_in_every_language(lang, line, rule):
    assert rule in _taken(lang, line), (lang, line)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        # "Étiquette" in a headline, no gap after the label
        ("fr", "Étiquette énergie : ce qui change"),
        ("fr", "Étiquette : les bonnes manières à table en famille"),
        ("fr", "L'étiquette nutritionnelle devient obligatoire"),
        # a dress code (test_strip_furniture_kinds): a lowercase value after the colon
        ("es", "Etiqueta: negra"),
        ("fr", "Étiquette : tenue de soirée exigée"),
        # "Photo" in an article's sentence or a headline
        ("fr", "PHOTO - Marlène Schiappa avec son chéri et sa famille"),
        ("fr", "Photo de famille pour les ministres du G7"),
        ("es", "Foto denuncia: Hay que limpiar"),
        ("fr", "Photo Yves Petit et ses amis au marché"),
        ("fr", "La photo de Jean Dupont a fait le tour du monde."),
        # a bank's name, not a credit
        ("fr", "Banque en crise: Un nationalisation de Credit Suisse serait envisagée"),
        ("fr", "Le siège du Crédit Mutuel Arkéa"),
        ("fr", "Les résultats du Crédit Agricole : Philippe Brassac"),
        ("en", "All the credit to the bowlers, Australia in Australia isn't easy"),
    ],
)
def test_look_alikes_stay(lang, line):
    assert not [r for r in _taken(lang, line) if r in NEW_RULES], (lang, line)


def test_agency_copyright_only_above_the_body():
    from cleannews.strip.detectors import _agency_credit_above_body

    para = PARAS["fr"][0]
    assert len(para.split()) >= 25 and para.rstrip().endswith(".")
    ls = _lines(["Un titre d'article", "© AFP", para, "© 2025 AFP", "© AFP"])
    _agency_credit_above_body(ls)
    assert _rules(ls) == [None, "agency_credit_above_body", None, None, None]
    # no paragraph under it: not the credit of a photo above an article
    ls = _lines(["Un titre d'article", "©Reuters", "Une brève", "Une autre brève"])
    _agency_credit_above_body(ls)
    assert _rules(ls) == [None] * 4
    # the agency's name without ©: a byline (fr-f-0006 hdhod.com, es-m-0025 eldiario.es)
    ls = _lines(["Un titre d'article", "AFP", para])
    _agency_credit_above_body(ls)
    assert _rules(ls) == [None] * 3


def test_wire_story_copyright_and_bylines_stay():
    p = PARAS["fr"]
    text = "\n\n".join(["Un titre d'article", "AFP", p[0], p[1], "© AFP"])
    kept = kept_lines(text, CleanConfig())
    for line in ("AFP", "© AFP"):
        assert line in kept, line
    # fixture 026's closing copyright
    text = "\n\n".join(["Un titre d'article", p[0], p[1], "© 2025 AFP"])
    assert "© 2025 AFP" in kept_lines(text, CleanConfig())


def test_photo_in_an_interview_turn_stays():
    p = PARAS["fr"]
    text = "\n\n".join([
        "Un titre d'article", p[0],
        "— Photo ? Jamais sans mon accord.", "Photo : à la une cette semaine", p[1],
    ])
    kept = kept_lines(text, CleanConfig())
    assert "— Photo ? Jamais sans mon accord." in kept


@pytest.mark.parametrize(
    "line",
    [
        "Étiquette  " + "a" * 1_000_000,
        "Étiquette : " + "a " * 500_000,
        "Photo " + "Abc " * 250_000,
        "Photo Facebook : " + "Abc" * 333_333,
        "x Crédit photo " + "Abc " * 250_000,
        "x" + " Crédit photo : Abc" * 55_000,
        "x_credit " + "A/ " * 330_000,
        "© AFP" + " " * 1_000_000,
    ],
)
def test_linear_on_1mb_lines(line):
    t0 = time.perf_counter()
    strip_text("Un titre\n\n" + line + "\n\n" + PARAS["fr"][0] + "\n", CleanConfig())
    assert time.perf_counter() - t0 < 20

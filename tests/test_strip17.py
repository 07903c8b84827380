"""A section label printed above several headlines, a paginated archive's breadcrumb (issue 10,
branch strip17).

Each new rule takes its lines on real TRAIN pages of at least two sites and no line labelled
content there (``furniture_taken``, repaired and not); then the look-alikes that must stay: a
kicker printed once, an interview's "Question" above each question, a line-up's position above
players' names, an author's name above each headline of a listing, a label above paragraphs, a
teaser's title printed twice, a listing's own title with its page number; and 1 MB inputs.
Only TRAIN pages (the fixtures fail on a held-out page).
"""

from __future__ import annotations

import time

import pytest

from _helpers import PROBE_PARAS, kept_lines
from _helpers import detector_lines as _lines
from _helpers import line_rules as _rules
from _helpers import probe_rules as _taken
from cleannews import CleanConfig
from cleannews.strip import strip_text
from cleannews.strip.detectors import _section_labels

PARAS = PROBE_PARAS
NEW_RULES = {"home_crumb_page_gen17", "section_label_repeated"}


@pytest.mark.parametrize(
    ("page", "rule", "count"),
    [
        ("fr-d-0013", "home_crumb_page_gen17", 1),  # "Accueil Blog Page 897" (todaycycling.com)
        ("fr-g-0013", "home_crumb_page_gen17", 1),  # "Accueil Blog Page 420" (mayottehebdo.com)
        ("it-e-0019", "home_crumb_page_gen17", 1),  # "Home Blog Pagina 1453" (radiobruno.it)
        ("de-m-0011", "section_label_repeated", 2),  # "Wirtschaft" above two headlines
        ("es-c-0011", "section_label_repeated", 4),  # "Ayuntamiento" over "Política", twice
    ],
)
def test_rule_takes_furniture_on_train_pages_and_no_content(furniture_taken, page, rule, count):
    for repaired in (False, True):
        assert furniture_taken(page, {rule}, repaired).get(rule, 0) == count, (page, repaired)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("fr", "Accueil Blog Page 12"),
        ("fr", "Accueil Actualités Politique Page 3"),
        ("en", "Home News Page 7"),
        ("de", "Startseite Blog Seite 5"),
        ("es", "Inicio Noticias Página 9"),
        ("it", "Home Notizie Pagina 1453"),
    ],
)
def test_crumb_page_in_every_language(lang, line):
    assert "home_crumb_page_gen17" in _taken(lang, line), (lang, line)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("fr", "Sport - Page 129"),  # a listing's own title (content on actulocale365.fr)
        ("fr", "Accueil des réfugiés page 4"),  # lower-case words: no crumbs
        ("fr", "Accueil Page 3"),  # no crumb between home and page
        ("en", "Home Office Page 12 says the visas were granted in March"),
        ("de", "Startseite Seite 2"),
    ],
)
def test_crumb_look_alikes_stay(lang, line):
    assert "home_crumb_page_gen17" not in _taken(lang, line), (lang, line)


LABELLED_TEASERS = {
    "fr": ["Politique", "La réforme des régions adoptée par les députés en première lecture",
           PARAS["fr"][0], "Politique", "Ecotaxe : le gouvernement favorable à une expérimentation",
           PARAS["fr"][1]],
    "de": ["Wirtschaft", "Apothekennetz schrumpft - Branche verlangt eine Reform",
           PARAS["de"][0], "Wirtschaft", "Reichtum für alle?", PARAS["de"][1]],
    "es": ["Ayuntamiento", "Política", "El PSOE rechaza la ampliación de los horarios",
           PARAS["es"][0], "Ayuntamiento", "Política",
           "Antonio Muñoz denuncia el descontrol en la gestión", PARAS["es"][1]],
}


@pytest.mark.parametrize("lang", sorted(LABELLED_TEASERS))
def test_section_label_above_headlines_goes(lang):
    texts = LABELLED_TEASERS[lang]
    ls = _lines(texts)
    _section_labels(ls)
    labels = {"Politique", "Wirtschaft", "Ayuntamiento", "Política"}
    assert [t for t, r in zip(texts, _rules(ls), strict=True) if r] == [
        t for t in texts if t in labels
    ]
    # the whole stage, as clean runs it
    kept = kept_lines("\n\n".join(texts), CleanConfig())
    assert not labels & set(kept), kept
    assert texts[2 if lang != "es" else 3] in kept


@pytest.mark.parametrize(
    "texts",
    [
        # printed once: a kicker and a section label have the same shape
        ["Politique", "La réforme des régions adoptée par les députés", PARAS["fr"][0]],
        # an interview's interviewer label above each question
        ["Question", "Comment avez-vous vécu cette période difficile ?", PARAS["fr"][0],
         "Question", "Et que ferez-vous ensuite avec votre équipe ?", PARAS["fr"][1]],
        # a line-up: the position above players' names (no lower-case words)
        ["Gardien", "Hugo Lloris (Tottenham Hotspur, Angleterre)", "Gardien",
         "Mike Maignan (AC Milan, Italie)", PARAS["fr"][0]],
        # an author's listing: the byline above each headline
        ["Félix Forget", "Samuel Montembeault, un gardien de premier plan", PARAS["fr"][0],
         "Félix Forget", "Si Ivan Demidov joue avec Kirby Dach dans le top-6", PARAS["fr"][1]],
        # the label above a paragraph once: not every copy heads a headline
        ["Politique", "La réforme des régions adoptée par les députés", "Politique",
         PARAS["fr"][0]],
        # a teaser's title printed twice (link, then title)
        ["Brand in Wohnung", "Brand in Wohnung: die Feuerwehr rückt am Abend aus",
         "Brand in Wohnung", "Brand in Wohnung: zwei Verletzte in der Altstadt"],
        # a subheading that ends the page
        ["Culture", "Un festival ouvre ses portes à Lyon", PARAS["fr"][0], "Culture"],
    ],
)
def test_section_label_look_alikes_stay(texts):
    ls = _lines(texts)
    _section_labels(ls)
    assert not [r for r in _rules(ls) if r], texts
    kept = kept_lines("\n\n".join(texts), CleanConfig())
    removed = {t for t in texts if t not in kept}
    for ln in ls:
        if ln.text in removed:
            assert ln.removal is None  # nothing of strip17's


def test_protected_kicker_stays():
    # "Éditorial" is one of the kicker words (a pattern protects it): left to the rules
    texts = ["Éditorial", "Et si la droite revenait au pouvoir ?", PARAS["fr"][0],
             "Éditorial", "Le retour de Macron sur la scène nationale", PARAS["fr"][1]]
    out = strip_text("\n\n".join(texts), CleanConfig())
    assert not [c for c in out.changes if c.rule in NEW_RULES]


@pytest.mark.parametrize(
    "text",
    [
        "Accueil " + "Blog " * 200_000 + "Page 1",
        "Accueil Blog " + "A" * 1_000_000 + " Page 1",
        "Politique\n" + "A" * 1_000_000 + "\n",
        "P" * 1_000_000 + "\nUn titre de la page en effet\n" + "P" * 1_000_000,
    ],
)
def test_linear_on_1mb_inputs(text):
    t0 = time.perf_counter()
    strip_text("Un titre\n\n" + text + "\n\n" + PARAS["fr"][0] + "\n", CleanConfig())
    assert time.perf_counter() - t0 < 20


@pytest.mark.parametrize(
    "pair",
    [
        ("Politique", "La réforme des régions adoptée par les députés"),
        ("Politique", "la " * 20),
        ("Politique", "Politique"),
    ],
)
def test_section_labels_linear_on_many_lines(pair):
    # 2 x 50,000 lines (about 1.5 MB): one pass to collect the copies, one to decide
    ls = _lines(list(pair) * 50_000)
    t0 = time.perf_counter()
    _section_labels(ls)
    assert time.perf_counter() - t0 < 30

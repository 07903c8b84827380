"""Meta lines and ad markers the round-39 code left on new sites (issue 10, round 40, misses55).

Round 39's transfer batch r45 (TRAIN since) kept 10 of its 14 meta lines and all 4 ad
markers. Four families of ``strip/data/<lang>.json`` take the ones that recur across TRAIN
sites, each meeting the support bar of ``tools/strip_rules/support.py`` (furniture of >= 3
TRAIN sites from >= 2 batches, no TRAIN content line):

* ``category_value_r40`` — a post's category label with its value ("Catégorie : Réseaux
  français", "Kategorie: Orte"), multilingual;
* ``search_count_r40`` — a search or archive page's result count ("13 résultats pour votre
  recherche : écran", "46 résultat(s)"), multilingual;
* ``a_la_une_r40`` — the front-page rubric "À la une" alone ("A La Une");
* ``ad_marker_r40`` (+ ``_en`` ``_es`` ``_it`` ``_de``) — an ad slot's label or button
  ("Fermer la publicité", "Article commandité", "Anúncios", "Acquista Ora", "Sponsored by").

The tail pass looks past the four rule families (``detectors.TAIL_LOOK_PAST_RULES``): a listing's
result count under its items is no evidence that the items are teasers (fr-r36-0002).
Pages are read through ``_helpers.train_pages`` / ``train_doc`` only (TRAIN, never a held-out
page). Write-up: docs/strip-history.md, "Meta lines, captions and ad markers (round 40, misses55)".
"""

from __future__ import annotations

import pytest
from tools.strip_rules.support import (
    family_name,
    family_rows,
    meets_bar,
    shipped_rules,
    support_table,
)

import cleannews
from _helpers import (
    assert_megabyte_lines_finish,
    budget_article_with,
    served_removals,
    train_doc,
    train_pages,
)

CFG = cleannews.CleanConfig()

#: The families added in round 40 and the languages each is written in.
FAMILIES = {
    "category_value_r40": ("fr",),
    "search_count_r40": ("fr",),
    "a_la_une_r40": ("fr",),
    "ad_marker_r40": ("fr", "en", "es", "it", "de"),
}

#: (TRAIN page, furniture line as labelled, family of the rule that takes it on its page):
#: the round-start code leaves each of them in.
REAL_LINES = [
    ("fr-r45-0020", "Catégorie : Réseaux français", "category_value_r40"),
    ("fr-r27-0015", "- Catégorie : Diaspora", "category_value_r40"),
    ("fr-r45-0018", "13 résultats pour votre recherche : écran", "search_count_r40"),
    ("fr-r36-0002", "46 résultat(s)", "search_count_r40"),
    ("fr-r45-0005", "A La Une", "a_la_une_r40"),
    ("fr-h-0031", ">À la une", "a_la_une_r40"),
    ("fr-r38-0020", "Fermer la publicité", "ad_marker_r40"),
    ("it-r45-0003", "Anúncios", "ad_marker_r40"),
    ("it-r45-0001", "Acquista Ora", "ad_marker_r40"),
    ("en-r37-0001", "Sponsored by", "ad_marker_r40"),
]

#: TRAIN content lines with the families' words that stay on their pages: (page, line start).
CONTENT_LOOKALIKES = [
    ("fr-a-0089", "À la une ce samedi 7 mai"),
    ("fr-g-0052", "BONJOUR LA RÉUNION - À la une de ce dimanche"),
    ("de-r43-0001", "ÖKO-TEST Januar 2010 | | Kategorie: Freizeit und Technik"),
    # a listing's items above its result count (the tail pass looks past the count)
    ("fr-r36-0002", "Général La Politique nationale de la ruralité"),
    ("fr-r36-0002", "Général Le Don Quichotte des relations du travail municipales"),
]

#: Article sentences holding the families' words, put between a plain article's paragraphs.
NEAR_MISSES = [
    "Dans la catégorie reine, le Français termine deuxième.",
    "Catégorie : les moins de 18 ans ont couru le matin, les adultes l'après-midi.",
    "Catégories : Histoire, Géographie, Politique, Économie, Société, Culture",
    "Les 12 résultats du concours ont été publiés hier soir.",
    "À la une de la presse ce matin, la réforme des retraites.",
    "Le maire a décidé de fermer la publicité lumineuse la nuit dès janvier.",
    "Sponsored by the city council, the festival returns in June.",
    "Acquista ora o mai più, ripeteva il venditore al mercato.",
]


@pytest.fixture(scope="module")
def table():
    return support_table(shipped_rules(set(FAMILIES)), train_pages())


def test_each_family_is_written_in_its_languages(table):
    for name, langs in FAMILIES.items():
        rows = [r for r in table if family_name(r["rule"]) == name]
        assert sorted({r["language"] for r in rows}) == sorted(langs)


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_each_new_family_meets_the_support_bar(table, name):
    fam = next(f for f in family_rows(table) if f["rule"] == name)
    s = fam["support"]
    assert meets_bar(s), (name, sorted(s.sites), sorted(s.batches), s.content)


@pytest.mark.parametrize(("page", "line", "rule"), REAL_LINES)
def test_the_real_furniture_line_goes_on_its_page(page, line, rule):
    doc, labelled = train_doc(page)
    lb = next(lb for lb in labelled if lb.text.strip() == line)
    assert not lb.content
    assert family_name(served_removals(doc, CFG).get(line, "")) == rule


def test_the_sponsored_marker_after_the_store_date_goes():
    """fr-r45-0006's ' date 2017-09 Article commandité': the repair stage lifts the store date,
    the marker goes."""
    doc, labelled = train_doc("fr-r45-0006")
    lb = next(lb for lb in labelled if lb.text.strip().endswith("Article commandité"))
    assert lb.label == "ad"
    assert "Article commandité" not in cleannews.clean(doc, CFG).text


@pytest.mark.parametrize(("page", "start"), CONTENT_LOOKALIKES)
def test_train_content_lookalikes_stay(page, start):
    doc, labelled = train_doc(page)
    lb = next(lb for lb in labelled if lb.text.strip().startswith(start))
    assert lb.content
    kept = cleannews.clean(doc, CFG).text
    assert lb.text.strip() in kept


@pytest.mark.parametrize("sentence", NEAR_MISSES)
def test_a_sentence_with_the_trigger_words_stays(sentence):
    text = budget_article_with(sentence)
    assert family_name(served_removals(text, CFG).get(sentence, "")) not in FAMILIES
    assert sentence in cleannews.clean(text, CFG).text


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Sponsored by"),
        ("es", "Comprar ahora"),
        ("it", "Acquista ora"),
        ("de", "Jetzt kaufen"),
    ],
)
def test_the_translations_take_their_line(lang, line):
    text = budget_article_with(line)
    cfg = cleannews.CleanConfig(languages=(lang,))
    assert family_name(served_removals(text, cfg).get(line, "")) in FAMILIES


def test_megabyte_lines_finish():
    assert_megabyte_lines_finish(
        ["catégorie : a ", "12 résultats pour ", "(12 results ", "à la une ", "fermer la "],
        cleannews.CleanConfig(languages=("fr", "en", "de", "es", "it")),
    )

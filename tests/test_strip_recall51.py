"""Furniture the strip stage left in, by family (issue 10, round 36, branch recall51).

Two families of TRAIN furniture lines seen on several sites and in several languages, that a
rule of the files almost took:

* ``archive_header_r36`` (five rule files, ``meta``): an archive or search page's header as
  CMS templates print it — "Mois : avril 2025" (WordPress), "Showing posts with label taxes.
  Show all posts" (Blogger), "Afficher les éléments par tag : …" / "… - Filtrer les éléments
  par date : …" (Joomla K2), "Articles avec le tag "…"", "Tous les articles par <name>", a
  feed mirror's "Viewing all 2852 articles" / "Browse latest View live", a result count in
  brackets "(87542 résultats)" / "résultats (8811)". The files' ``archive_title_family``
  rules had the "Archives de la catégorie : …" wording only.
* ``read_more_label_r36`` (five rule files, ``nav``): a read-more label alone on its line in
  the forms no rule took — bracketed ("[Lire la suite]"), after a "+" ("+ Ver Noticias", "+
  d'infos"), before an arrow the arrow rules lack ("Read more →"), and labels missing from the
  lists ("Lire Plus", "Link zum Beitrag", "+ Vedi altro"). Whole lines only: the rule yields to
  the protect patterns, so it takes no glued tail (a teaser's "… [ Read More ]" stays whole,
  fr-r37-0006, whose labels count that tail as the teaser's).

And one guard entry: ``dateline_en`` protects "Apr 17, 2016" (abbreviated month first), so a
listing item's date under a removed read-more line is no short block the context pass takes
(en-r37-0003).

The furniture lines are real TRAIN lines of ``fixtures/strip_real`` (page ids in the lists);
each test that expects a removal fails on the code before this branch. The look-alikes are
article lines that must stay.
"""

from __future__ import annotations

import pytest

import cleannews
from _helpers import BUDGET_PARAGRAPHS, train_doc, train_lines_taken
from cleannews.strip import strip_text

CFG = cleannews.CleanConfig()
#: The rules of this branch (the page checks count their removals).
RULES = frozenset(
    f"{base}{suffix}"
    for base in ("archive_header_r36", "read_more_label_r36")
    for suffix in ("", "_en", "_de", "_es", "_it")
) | {"search_count_r40"}  # round 40 (misses55): takes a result count in parentheses first

PARAS = {
    "fr": list(BUDGET_PARAGRAPHS[:3]),
    "en": [
        "The Bank of England kept interest rates at their historic low on Thursday, despite "
        "warnings from several members of its committee that inflation was rising fast.",
        "The governor said the committee would watch the labour market closely over the "
        "coming months before deciding whether to raise the cost of borrowing.",
    ],
    "de": [
        "Deutschland ächzt derzeit unter einer Hitzewelle, und das einst seltene Phänomen "
        "gehört inzwischen fast schon zur Norm, sagen die Experten des Deutschen Wetterdienstes.",
        "Ein einzelner heißer Sommer macht noch keinen Klimawandel, sagt der Klimaexperte, aber "
        "die Zahl der heißen Tage ist in den vergangenen Jahrzehnten deutlich gestiegen.",
    ],
    "es": [
        "El Ayuntamiento aprobó este martes el presupuesto municipal para el próximo año con "
        "los votos a favor del equipo de gobierno y la abstención de la oposición.",
        "La alcaldesa defendió que las cuentas permitirán mantener los servicios públicos y "
        "reducir la deuda de la ciudad en los próximos cuatro años.",
    ],
    "it": [
        "Il consiglio comunale ha approvato ieri sera il bilancio di previsione per il prossimo "
        "anno con i voti della maggioranza e l'astensione dell'opposizione.",
        "Il sindaco ha spiegato che le risorse serviranno a mantenere i servizi pubblici e a "
        "ridurre il debito della città nei prossimi quattro anni.",
    ],
}
TITLE = {
    "fr": "Le conseil municipal adopte le budget",
    "en": "Bank of England holds rates",
    "de": "Hitzewelle in Deutschland",
    "es": "El Ayuntamiento aprueba el presupuesto",
    "it": "Approvato il bilancio comunale",
}


def page(lang: str, *middle: str) -> str:
    """A page in ``lang``: title, first paragraph, ``middle`` lines, the other paragraphs."""
    paras = PARAS[lang]
    return "\n\n".join([TITLE[lang], paras[0], *middle, *paras[1:]]) + "\n"


def removals(text: str) -> dict[str, str]:
    """Removed line (stripped) -> the rule of this branch that removed it."""
    return {c.before.strip(): c.rule for c in strip_text(text, CFG).changes if c.rule in RULES}


#: (language, TRAIN page, furniture line, rule) — real lines, left in on the code before.
ARCHIVE_HEADERS = [
    ("fr", "fr-r33-0015", "Mois : avril 2025", "archive_header_r36"),
    ("fr", "fr-r34-0003", "Afficher les éléments par tag : fait divers", "archive_header_r36"),
    ("fr", "fr-r28-0024", "Reporters - Filtrer les éléments par date : dimanche, 09 août 2015",
     "archive_header_r36"),
    ("fr", "fr-r41-0003", 'Articles avec le tag "Nouvel Hôpital Civil"', "archive_header_r36"),
    ("fr", "fr-r33-0001", "Tous les articles par noumeaPost", "archive_header_r36"),
    ("fr", "fr-r33-0009", "(87542 résultats)", "archive_header_r36"),
    ("fr", "fr-r39-0002", "résultats (8811)", "archive_header_r36"),
    ("fr", "fr-a-0160", "Viewing all 96797 articles", "archive_header_r36_en"),
    ("fr", "fr-e-0028", "Browse latest View live", "archive_header_r36_en"),
    ("en", "en-r41-0001", "Showing posts with label taxes. Show all posts",
     "archive_header_r36_en"),
    ("en", "en-e-0004", "Viewing all 2852 articles", "archive_header_r36_en"),
    ("es", "es-r28-0006", "Posts in category", "archive_header_r36_en"),
]
#: The same shapes as other sites' templates word them in the other languages.
ARCHIVE_HEADERS_OTHER = [
    ("es", "Mostrando entradas con la etiqueta Sucesos. Mostrar todas las entradas",
     "archive_header_r36_es"),
    ("es", "Mes: marzo de 2024", "archive_header_r36_es"),
    ("it", "Post con etichetta cronaca. Mostra tutti i post", "archive_header_r36_it"),
    ("it", "(124 risultati)", "search_count_r40"),  # round 40: fr.json's multilingual rule first
    ("de", "Monat: März 2024", "archive_header_r36_de"),
    ("de", "(37 Ergebnisse)", "search_count_r40"),
    ("en", "Month: March 2024", "archive_header_r36_en"),
    ("fr", "Affichage des articles dont le libellé est Politique. Afficher tous les articles",
     "archive_header_r36"),
]
#: Article lines that read like the headers: they stay.
ARCHIVE_LOOKALIKES = [
    ("fr", "Le mois de mars 2025 a été le plus chaud jamais mesuré en France."),
    ("fr", "Le club a obtenu 46 résultats positifs en deux saisons."),
    ("fr", "Les résultats (provisoires) du scrutin seront connus dimanche soir."),
    ("fr", "Tous les articles par ordre de parution sont consultables à la médiathèque."),
    ("en", "The search returned 12 results for the query, the council said."),
    ("en", "Month: March 2024 was the warmest on record, the Met Office said."),
    ("de", "Die Ergebnisse der Wahl werden am Sonntagabend erwartet."),
]


#: (language, TRAIN page, furniture line, rule) — real lines, left in on the code before.
READ_MORE = [
    ("fr", "fr-r34-0007", "[Lire la suite]", "read_more_label_r36"),
    ("fr", "fr-r32-0026", "Lire Plus", "read_more_label_r36"),
    ("fr", "fr-r40-0002", "+ d'infos", "read_more_label_r36"),
    ("en", "en-r37-0003", "Read more →", "read_more_label_r36_en"),
    ("es", "es-r36-0003", "+ Ver Noticias", "read_more_label_r36_es"),
    ("de", "de-r27-0004", "Link zum Beitrag", "read_more_label_r36_de"),
]
READ_MORE_OTHER = [
    ("it", "+ Vedi altro", "read_more_label_r36_it"),
    ("it", "[Leggi tutto]", "read_more_label_r36_it"),
    ("de", "Mehr erfahren →", "read_more_label_r36_de"),
    ("es", "(Leer más)", "read_more_label_r36_es"),
]
READ_MORE_LOOKALIKES = [
    ("fr", "Lire plus de livres est bon pour la santé, selon une étude britannique."),
    ("fr", "Voir plus loin que la prochaine élection : c'est le pari du maire."),
    ("en", "Learn more languages, the minister urged pupils on Tuesday."),
    ("de", "Der Link zum Beitrag wurde am Montag tausendfach geteilt."),
]


@pytest.mark.parametrize(("lang", "page_id", "line", "rule"), ARCHIVE_HEADERS + READ_MORE)
def test_furniture_of_train_pages_goes(lang, page_id, line, rule):
    _, labelled = train_doc(page_id)
    assert any(not lb.content and lb.text.strip() == line for lb in labelled), line
    assert removals(page(lang, line)).get(line) == rule


@pytest.mark.parametrize(("lang", "line", "rule"), ARCHIVE_HEADERS_OTHER + READ_MORE_OTHER)
def test_the_same_shapes_in_other_languages_go(lang, line, rule):
    assert removals(page(lang, line)).get(line) == rule


@pytest.mark.parametrize(("lang", "line"), ARCHIVE_LOOKALIKES + READ_MORE_LOOKALIKES)
def test_lookalikes_stay(lang, line):
    text = page(lang, line)
    assert removals(text) == {}
    assert line in strip_text(text, CFG).text


def test_a_teasers_glued_read_more_stays_whole():
    """fr-r37-0006: "… [ Read More ]" glued after each summary; the labels count it as the
    teaser's (no ⟦…⟧ bracket): the rule takes whole lines only."""
    doc, labelled = train_doc("fr-r37-0006")
    teasers = [lb.text for lb in labelled if lb.content and lb.text.endswith("[ Read More ]")]
    assert len(teasers) >= 5
    out = strip_text(doc, CFG).text
    assert all(t.strip() in out for t in teasers)


def test_a_listing_items_date_under_a_read_more_line_stays():
    """en-r37-0003: "Read more →" goes; the item's date under it ("Apr 17, 2016", labelled
    content) is a dateline, no short block the context pass takes."""
    doc, _ = train_doc("en-r37-0003")
    r = strip_text(doc, CFG)
    assert "Read more →" not in r.text
    assert "Apr 17, 2016" in r.text


def test_no_train_content_line_removed_by_these_rules(strip_real_docs):
    """Every TRAIN page as served: no content line is removed by this branch's rules
    (``train_lines_taken`` fails on one), and they fire on at least 20 lines."""
    taken = train_lines_taken(strip_real_docs, RULES, CFG)
    assert sum(taken.values()) >= 20, taken

"""Round 40, tail55 (issue 10 item 4: never drop article content): article lines the stress set
(``tools/strip_model/stress.py``, seeds 20261208 and 7) lost after or inside another site's
furniture, guarded in the decision of the rule that took them.

* ``context`` took a film's two-line credits ("Réalisation:    OOOOO" / "Scénario:      OOOOO",
  fr-f-0003) after another site's "Ajouter un commentaire": :func:`detectors._fact_pair` keeps
  a two-line "Label: value" pair after the body (``_fact_sheet`` protected such runs from three
  lines on only). A contact card's pair ("Tél. : …" / "Fax : …") still goes.
* another site's "Neueste Nachrichten" (``related_lead_de``, a teaser heading) took a council
  session's table rows ("| Datum: | 11. Dezember 2024 |", de-r30-0004) as teasers:
  :func:`detectors._table_row` ends its take at a table row. Teaser titles under the heading
  still go.
* another site's "Read More" (``related_lead_en``) right above an article took its headline,
  two subheadings and its first paragraph's two lines (fr-r34-0001): the take stops at the
  article's first paragraph and gives its lines back (:func:`detectors._opens_article`). A list
  of teasers whose excerpts end with an ellipsis above an article still goes.

Inputs: TRAIN pages through ``_helpers.train_doc`` (development data), recombined as the stress
set prints them (the furniture lines are TRAIN furniture of other sites). The content tests fail
on the round-start code (5cd3567f).
"""

from __future__ import annotations

from test_keep44 import _content, _insert, _kept

#: the stress page fr-f-0003+fr-f-0003:label_value (seed 20261208), lines separated by "\n":
#: another site's lead paragraph and kicker above the film sheet; after the review another
#: site's photo caption and comment prompt, the credits pair, that site's "recent articles"
#: block, then fr-f-0003's last line ("Rythme", where the stored page stops)
HEAD = [
    "TARIFS 2003 + 5,5 % en moyenne Les inondations du Gard contraignent les assureurs à sauver "
    "les meubles en appliquant des majorations tarifaires, supérieures aux 4,5 % de l'an passé. "
    "La multiplication des catastrophes naturelles est redoutée de tous.",
    "LES INONDATIONS À RÉPÉTITION EMPORTENT LA MRH",
]
CAPTION = ("Le président gabonais, Ali Bongo, le 25 juin 2021 à Libreville. (Image "
           "d'illustration) © WEYL LAURENT/AFP")
COMMENT = "Ajouter un commentaire"
RECENT = [
    "Articles récents",
    "Deuxième session de transplantations rénales au Burkina Faso : un succès médical "
    "porteur d’espoir...",
    "Ouagadougou, 4 février 2026",
    "Le Centre hospitalier universitaire (CHU) de Tengandogo a réalisé, du 3 au 4 février "
    "2026, la deuxième session de transplantations...",
    "Burkina: Le Conseil des ministres du jeudi 5 février 2026 se tient sous la...",
    "Le Président du Faso, Chef de l’État, Son Excellence le Capitaine Ibrahim TRAORÉ, "
    "préside, ce jeudi 5 février 2026, l'hebdomadaire Conseil des ministres.",
]
CREDITS = ["Réalisation:    OOOOO", "Scénario:      OOOOO"]


def _film_page(pair: list[str]) -> str:
    """The stress page: fr-f-0003's content with ``pair`` in place of its credits."""
    lines = _content("fr-f-0003")
    end = lines.index("Pour les amateurs de giclées de sang numériques!")
    assert lines[end + 1 :] == [*CREDITS, "Rythme"]
    return "\n".join([*HEAD, *lines[: end + 1], CAPTION, COMMENT, *pair, *RECENT, "Rythme"])


def test_fr_f_0003_credits_pair_after_other_sites_comment_prompt_stays():
    kept = _kept(_film_page(CREDITS))
    assert [kept[t] for t in CREDITS] == [[True], [True]]
    assert kept[COMMENT] == [False]  # the other site's prompt still goes


def test_contact_pair_after_the_article_still_goes():
    """A contact card's two lines in the same place are furniture: they still go."""
    card = ["Tél. : 01 40 00 00 00", "E-mail : contact@exemple.fr"]
    kept = _kept(_film_page(card))
    assert [kept[t] for t in card] == [[False], [False]]


#: the stress page de-r30-0004+de-r30-0004:table (seed 7): another site's last menu item and
#: its "latest news" heading right above the council session's minutes
HEADING_DE = "Neueste Nachrichten"
ROWS = ["| Datum: | 11. Dezember 2024 |", "| Ort: | Dorfgemeinschaftshaus |"]


def test_de_r30_0004_table_rows_under_other_sites_heading_stay():
    lines = _content("de-r30-0004")
    assert lines[1:3] == ROWS
    kept = _kept("\n\n".join(["Golf", HEADING_DE, *lines, ""]))
    assert [kept[t] for t in ROWS] == [[True], [True]]
    assert kept[HEADING_DE] == [False]


def test_teasers_under_the_heading_still_go():
    """Two teaser titles (no table row) under the same heading after the minutes still go."""
    teasers = ["Kundler Klamm: Deutsche Wanderin stirbt nach Steinschlag",
               "Schwerer Unfall bei Forstarbeiten in Mayrhofen"]
    lines = _content("de-r30-0004")
    doc = "\n\n".join([*_insert(lines, lines[-1], [HEADING_DE, *teasers]), ""])
    kept = _kept(doc)
    assert kept[HEADING_DE] == [False]
    assert [kept[t] for t in teasers] == [[False], [False]]


# -- a teaser heading above the article's head (fr-r34-0001) ---------------------------------

#: the stress page fr-r34-0001+fr-r34-0001:names (seed 7): another site's "Read More" (a
#: ``related_lead_en`` heading) right above the minutes' headline, two subheadings and the
#: first paragraph's lines (``\n\n`` between lines)
READ_MORE = "Read More"
HEAD_FR = ["Conseil Municipal du 09/04/24", "PROCES VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL",
           "DU MARDI 9 AVRIL 2024"]


def test_fr_r34_0001_head_under_other_sites_read_more_stays():
    lines = _content("fr-r34-0001")
    assert lines[:3] == HEAD_FR
    kept = _kept("\n\n".join([READ_MORE, *lines, ""]))
    assert [t for t in lines[:5] if kept[t] != [True]] == []
    assert kept[READ_MORE] == [False]


#: it-r40-0004's list of related articles (``related_lead_it``, TRAIN furniture), excerpts
#: cut with an ellipsis: above an article it is still taken
CORRELATI = [
    "link correlati",
    "Nuovi spazi dedicati all’arte: Borgovico 33",
    "A Pavia, una grande mostra ai Musei Civici del Castello Visconteo ripercorre la battaglia "
    "del 1525, attraverso arti rinascimentali e…",
    "Sono stati annunciati gli artisti che parteciperanno alla terza edizione dell’ambiziosa "
    "Diriyah Contemporary Art Biennale, in apertura a gennaio: da…",
    "La tragedia della guerra e la tenacia della liberazione sono le due anime di una mostra "
    "documentaria curata dall’Archivio Storico…",
]


def test_teaser_list_with_excerpts_above_the_article_still_goes():
    lines = _content("it-r32-0001")
    kept = _kept("\n\n".join([*CORRELATI, *lines, ""]))
    assert [kept[t] for t in CORRELATI] == [[False]] * len(CORRELATI)

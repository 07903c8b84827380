"""Removal recall on the round-29 fresh pages, by shape (issue 10, round 29; branch rmiss32).

Development data only: TRAIN pages of ``fixtures/strip_real`` (the ``*-r29`` batches and
earlier TRAIN batches), generated pages and adversarial input. docs/strip-history.md,
"Removal recall on the third fresh batch (issue 10, round 29)".

* ``related_lead`` (fr): one pattern for the "in the same section" family, with the
  "(les) même(s) thématique(s)" forms of a SPIP template: "Dans la même rubrique",
  "Dans la (les) même(s) thématique(s)", "Dans le même dossier" …
* ``detectors._take_next``: a heading's list printed in groups, each opened by a ">" label
  ("> témoignages" / four headlines / "> université" / four more, fr-r29-0016): every
  group is taken, and the list ends at the first blank line not followed by a group label.
* ``section_count_label`` (fr.json, any language): a list page's section heading with its
  count of items ("Novità (13)", "Amministrazione (1)"; three municipal sites).
* ``archive_title_more_en``: "Tags Posts tagged with "sfax"" (a theme's "Tags" label glued
  before it, "tagged with"); ``tag_label_gen16m``: a category label glued to "Continue
  reading" ("Continue readingCatégorie : Politique").
"""

from __future__ import annotations

import pytest

import cleannews
from _helpers import (
    assert_content_parts_stay,
    assert_furniture_goes_neighbours_stay,
    assert_lines_kept,
    assert_lines_removed,
    hang_guard,
    kept_lines,
    probe_rules,
    removed_by,
)
from cleannews.strip.detectors import _group_label, _Line

CFG = cleannews.CleanConfig()

# --- a related list in groups (fr-r29-0016) -------------------------------------------------

GROUPED_FURNITURE = (
    "Dans la (les) même(s) thématique(s) :",
    "> témoignages",
    "Au lycée, au collège et dans la cité",
    "Le PAJ de St-Jean-d’Angély coordonne l’animation jeunesse dans la communauté de commune",
    "> grande ville, agglomération",
    "Les jeunes déscolarisés accompagnés à la rentrée",
    "Adulte-ado, une question de relation",
    "> ile-de-france, centre",
    "Les jeunes se révoltent. A quoi ça sert ?",
    "> université",
    "Profils du décrochage étudiant à l’université",
    "Enseignement supérieur : les enfants de cadres surreprésentés",
)


def test_grouped_related_list_goes_on_its_page(page_out, train_page):
    """fr-r29-0016: the thematic lists under "Dans la (les) même(s) thématique(s) :" go
    (main kept all 22 of those lines: the pattern missed the "(s)" forms and the heading
    stopped at the first "> label"); the article's kicker and headline right under the
    last group stay."""
    got = page_out("fr-r29-0016")
    assert_lines_removed(got, GROUPED_FURNITURE, "fr-r29-0016")
    assert_lines_kept(
        got, ("À l’université de Cergy-Pontoise", "L’expérience du Canard enchanté"),
        "fr-r29-0016",
    )
    _, labelled = train_page("fr-r29-0016")
    assert_furniture_goes_neighbours_stay(labelled, got, "> université", "fr-r29-0016")


@pytest.mark.parametrize("heading", [
    "Dans la même rubrique :", "Dans la (les) même(s) thématique(s) :",
    "Dans le même dossier", "Dans la même catégorie", "Dans les mêmes thèmes",
])
def test_same_section_headings_are_one_family(heading):
    assert "related_lead" in probe_rules("fr", heading)


@pytest.mark.parametrize(("lang", "heading"), [
    ("en", "More in this category"), ("en", "From the same section"),
    ("de", "Mehr aus dieser Rubrik"), ("de", "Weitere Artikel aus der gleichen Kategorie"),
    ("es", "Más en esta sección"), ("es", "Otras noticias de la misma categoría"),
    ("it", "Altri articoli della stessa categoria"), ("it", "Nella stessa rubrica"),
])
def test_same_section_headings_in_the_other_languages(lang, heading):
    assert f"related_lead_{lang}" in probe_rules(lang, heading)


@pytest.mark.parametrize(("lang", "line"), [
    ("fr", "Dans la même rubrique, le journal publie chaque semaine le courrier des lecteurs."),
    ("de", "In dieser Rubrik besprechen wir regelmäßig neue Forschungsergebnisse zum Thema "
           "Wissenschaftskommunikation."),  # de-m-0018, content
    ("en", "In this section of the report, the council lists the roads it will repair."),
])
def test_sentences_with_same_section_words_stay(lang, line):
    assert probe_rules(lang, line) == []


ARTICLE = (
    "Le conseil municipal a adopté mardi soir le budget de la ville pour l'année prochaine, "
    "après un débat de plus de trois heures entre la majorité et l'opposition."
)
ARTICLE2 = (
    "Le maire a répondu que les tarifs resteraient stables et que les associations verraient "
    "leurs subventions maintenues en totalité cette année."
)


def _page(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


def test_groups_end_at_the_first_block_without_a_label():
    """After a blank line, only another group's label goes on with the list: the short
    line under the last group (a kicker, a subheading) stays, as does the article."""
    doc = _page(
        ARTICLE,
        "Sur le même sujet :",
        "> budget\nLes impôts locaux augmentent à Lyon\nLa dette de la ville recule",
        "> écoles\nLe plan pour les écoles est voté",
        "Un budget de combat",
        ARTICLE2,
    )
    kept = kept_lines(doc, CFG)
    gone = removed_by(doc, CFG)
    assert gone.get("> budget") and gone.get("> écoles"), gone
    assert gone.get("Le plan pour les écoles est voté"), gone
    assert "Un budget de combat" in kept and ARTICLE2 in kept and ARTICLE in kept


def test_a_label_line_outside_a_related_heading_stays(page_out):
    """fr-b-0147: "> Paris-Normandie à vélo", a guide's own items with ">" marks, is
    content: no heading above it, nothing takes it."""
    got = page_out("fr-b-0147")
    assert_lines_kept(
        got, ("> Paris-Normandie à vélo", "> Cheval en Provence", "> L’Auvergne à moto"),
        "fr-b-0147",
    )


def test_an_article_sentence_with_the_words_stays():
    doc = _page(
        ARTICLE,
        "Dans la même thématique, la commune a ouvert un second centre de loisirs en 2024.",
        "> la suite du conseil est prévue en juin, a précisé le maire.",
        ARTICLE2,
    )
    kept = kept_lines(doc, CFG)
    assert len(kept) == 4, kept


def test_group_label_shape():
    labels = [_group_label(_Line(t, frozenset())) for t in (
        "> témoignages", ">université", "> ile-de-france, centre",
        "> un long texte de plus de quatre mots", "témoignages", ">> Lire aussi",
    )]
    assert labels == [True, True, True, False, False, False]


# --- a section heading with its count (three municipal sites) -----------------------------

@pytest.mark.parametrize(("page_id", "line"), [
    ("it-r29-0001", "Novità (1)"), ("it-r29-0001", "Amministrazione (3)"),
    ("it-r29-0002", "Novità (13)"), ("it-r29-0002", "Amministrazione (1)"),
    ("it-r27-0003", "Novità (10)"), ("it-r27-0003", "Amministrazione (2)"),
])
def test_section_count_labels_go(page_out, train_page, page_id, line):
    _, labelled = train_page(page_id)
    assert_furniture_goes_neighbours_stay(labelled, page_out(page_id), line, page_id)


def test_a_byline_with_an_age_stays(page_out):
    """fr-g-0023: "Par Bernard DELOFFRE (56)" is the article's byline (content)."""
    assert_lines_kept(page_out("fr-g-0023"), ("Par Bernard DELOFFRE (56)",), "fr-g-0023")


@pytest.mark.parametrize("line", [
    "Bernard Deloffre (56)", "Peter Müller (34)", "Par Bernard DELOFFRE (56)",
    "Le bilan (2)", "Lyon (3) - Marseille (1)", "2024 (12)",
])
def test_not_a_section_count(line):
    assert "section_count_label" not in probe_rules("fr", line)


@pytest.mark.parametrize("line", ["Comments (12)", "Commentaires (0)"])
def test_a_comment_count_is_left_to_the_comment_rules(line):
    """fixtures/strip/023_en_food_cookies_recipe_news: "Comments (12)" stays the comment
    rules' (its removal reads as a comment prompt, not a section heading)."""
    rules = probe_rules("en", line)
    assert rules and "section_count_label" not in rules, rules


@pytest.mark.parametrize("line", ["Novità (13)", "Comunicazione politica (4)", "Catégories (12)"])
def test_section_counts(line):
    assert "section_count_label" in probe_rules("it", line) or (
        "section_count_label" in probe_rules("fr", line)
    )


# --- tag and category labels of archive pages --------------------------------------------

def test_tag_archive_titles_go(page_out, train_page):
    for page_id, line in (
        ("fr-r29-0013", 'Tags Posts tagged with "sfax"'),
        ("en-r27-0006", "Posts Tagged ‘high school football’"),
    ):
        _, labelled = train_page(page_id)
        assert_furniture_goes_neighbours_stay(labelled, page_out(page_id), line, page_id)


def test_category_label_glued_to_continue_reading(page_out):
    """fr-r29-0008: the category label glued to the first teaser's "Continue reading"
    goes; the next teasers' headlines glued the same way are the listing's content."""
    got = page_out("fr-r29-0008")
    assert_lines_removed(got, ("Continue readingCatégorie : Politique",), "fr-r29-0008")
    # the teaser's glued "Continue reading" is bracketed in its label since round 32
    # (GUIDELINE rule 5): its content part stays (the link stays too: the evaluator counts the
    # line kept and the link a missed furniture unit, round 33)
    assert_content_parts_stay(
        "fr-r29-0008", ("Continue readingMonaco s’oriente vers la dépénalisation de l’IVG",)
    )


@pytest.mark.parametrize("line", [
    "Posts tagged with care are delivered first, the postman said.",
    "Continue reading the category of your choice: politics or sport.",
])
def test_sentences_with_the_label_words_stay(line):
    doc = _page(ARTICLE, line, ARTICLE2)
    assert line in kept_lines(doc, CFG)


# --- adversarial input ------------------------------------------------------------------

@pytest.mark.parametrize("unit", [
    "dans la (les) même(s) ", "> ", "Novità (", "Tags Posts tagged with \"",
    "Continue readingCatégorie ", "(1)", "Aa ",
])
def test_adversarial_megabyte_lines(unit):
    line = unit * (1_000_000 // len(unit))
    doc = _page(ARTICLE, line, "Sur le même sujet", "> " + line, ARTICLE2)
    with hang_guard(120):
        out = cleannews.clean(doc, cleannews.CleanConfig(score_spin=False, quarantine=False))
    assert ARTICLE in out.text


# --- a player's fallback text, a credit without its name ----------------------------------

@pytest.mark.parametrize(("lang", "line"), [
    ("fr", "This browser does not support the video element."),  # fr-r29-0024
    ("en", "Your browser does not support the video tag."),
    ("fr", "Votre navigateur ne supporte pas la lecture de vidéos."),
    ("de", "Ihr Browser unterstützt keine iFrames."),
    ("de", "Ihr Browser unterstützt das Video-Tag nicht."),
    ("es", "Su navegador no soporta los elementos de audio"),
    ("it", "Il tuo browser non supporta il tag video."),
])
def test_browser_fallback_text_goes(lang, line):
    assert any(r.startswith("player_control_family") for r in probe_rules(lang, line))


@pytest.mark.parametrize(("lang", "line"), [
    ("fr", "Votre navigateur ne supporte pas les vidéos, selon le rapport publié hier par "
           "le ministère."),
    ("en", "The old browser does not support the video format that the agency chose, the "
           "report said."),
])
def test_sentences_about_browsers_stay(lang, line):
    assert probe_rules(lang, line) == []


def test_fallback_and_credit_on_their_pages(page_out, train_page):
    for page_id, line in (
        ("fr-r29-0024", "This browser does not support the video element."),
        ("en-r29-0004", "Photo courtesy"),
    ):
        _, labelled = train_page(page_id)
        assert_furniture_goes_neighbours_stay(labelled, page_out(page_id), line, page_id)

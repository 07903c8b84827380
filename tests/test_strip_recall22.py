"""Furniture wordings the rule files lacked in some languages (issue 10, branch recall22).

The round looked for mechanisms that raise the site-grouped CV recall across sites (the
error analysis, the mechanisms measured and dropped: docs/strip-history.md, "Twenty-second round,
recall22"). What landed is data: five rules of ``strip/data/fr.json`` (read on every page),
each for a wording that older rules of no language took —

* ``related_link_recall22``: a link to another article introduced by a lead-in and a colon
  ("À lire : Diablo 4 — …", "Découvrez aussi :", "More on this:", "Das könnte Sie auch
  interessieren:", "Ebenfalls interessant:", "Leggi di più:", "Articoli correlati:");
* ``login_account_recall22``: "Do you already have a subscribed account?" and its Spanish,
  Italian and German forms, alone on the line;
* ``comment_moderation_recall22``: the comment moderation notice in English, German, Spanish
  and Italian, opening the line;
* ``support_appeal_recall22``: "Unterstützen Sie unseren Journalismus", "Apoya nuestro
  periodismo", "Sostieni il nostro giornalismo", alone on the line;
* ``paywall_prefix_recall22``: "Um weiterzulesen, schließen Sie ein Abo ab".

Real TRAIN pages only (``train_page`` fails on a page of a held-out list). Every test of the
new removals fails on the code before recall22.
"""

from __future__ import annotations

import pytest

from _helpers import (
    assert_furniture_goes_neighbours_stay,
    assert_megabyte_lines_finish,
    probe_rules,
    served_removals,
    train_lines_taken,
)
from cleannews import CleanConfig

CLEAN = CleanConfig(score_spin=False, quarantine=False)  # as cleannews.evaluate cleans

NEW_RULES = {
    "related_link_recall22",
    "login_account_recall22",
    "comment_moderation_recall22",
    "support_appeal_recall22",
    "paywall_prefix_recall22",
}

# --- TRAIN pages -----------------------------------------------------------------------------

#: (page, furniture line, the rule that takes it now): both stood on the code before.
TRAIN_LINES = [
    # jeuxvideo-like game news (fr-b-0102): the link under the article's paragraph
    ("fr-b-0102",
     "À lire : Diablo 4 — date de sortie, plateformes, personnages, gameplay, toutes les infos",
     "related_link_recall22"),
    # Libération's paywall panel republished by tekdeeps.com (en-d-0001)
    ("en-d-0001", "Do you already have a subscribed account?", "login_account_recall22"),
]


@pytest.mark.parametrize(("page_id", "line", "rule"), TRAIN_LINES)
def test_train_line_goes_its_article_neighbours_stay(train_page, page_out, page_id, line, rule):
    doc, labelled = train_page(page_id)
    assert_furniture_goes_neighbours_stay(labelled, page_out(page_id), line, page_id)
    assert served_removals(doc, CLEAN)[line] == rule


def test_no_train_content_line_is_taken_by_the_new_rules(strip_real_docs):
    # fails on a TRAIN line labelled content; each rule fires on one TRAIN page at most
    taken = train_lines_taken(strip_real_docs, NEW_RULES, CLEAN)
    assert taken == {"related_link_recall22": 1, "login_account_recall22": 1}


# --- the forms in five languages -------------------------------------------------------------

#: (language of the page, line, rule): each between two paragraphs of its language.
FORMS = [
    ("fr", "À lire : Le maire présente son plan pour le centre-ville", "related_link_recall22"),
    ("fr", "À lire: « Les écoles rouvrent lundi »", "related_link_recall22"),
    ("fr", "Découvrez aussi : Le budget de la commune en cinq chiffres", "related_link_recall22"),
    ("en", "More on this: The mayor unveils a new plan for the city centre",
     "related_link_recall22"),
    ("de", "Das könnte Sie auch interessieren: Der Stadtrat beschließt den Haushalt",
     "related_link_recall22"),
    ("de", "Ebenfalls interessant: Neue Radwege in der Innenstadt", "related_link_recall22"),
    ("it", "Leggi di più: Il sindaco presenta il nuovo piano", "related_link_recall22"),
    ("it", "Articoli correlati: Il bilancio approvato in consiglio", "related_link_recall22"),
    ("en", "Do you already have an account?", "login_account_recall22"),
    ("es", "¿Ya tienes una cuenta?", "login_account_recall22"),
    ("it", "Hai già un account?", "login_account_recall22"),
    ("de", "Haben Sie bereits ein Konto?", "login_account_recall22"),
    ("en", "All comments are subject to moderation.", "comment_moderation_recall22"),
    ("de", "Alle Kommentare werden vor der Veröffentlichung geprüft.",
     "comment_moderation_recall22"),
    ("es", "Los comentarios están sujetos a moderación.", "comment_moderation_recall22"),
    ("it", "Tutti i commenti saranno moderati prima della pubblicazione.",
     "comment_moderation_recall22"),
    ("de", "Unterstützen Sie unseren Journalismus", "support_appeal_recall22"),
    ("es", "Apoya nuestro periodismo", "support_appeal_recall22"),
    ("it", "Sostieni il nostro giornalismo", "support_appeal_recall22"),
    ("de", "Um weiterzulesen, schließen Sie ein Abo ab", "paywall_prefix_recall22"),
]


@pytest.mark.parametrize(("lang", "line", "rule"), FORMS)
def test_form_between_paragraphs_goes(lang, line, rule):
    assert probe_rules(lang, line, CLEAN) == [rule]


#: Article sentences that look like the forms and stay.
LOOKALIKES = [
    ("fr", "À lire le rapport, les élus n'avaient pas été informés des travaux prévus."),
    ("fr", "À lire : le rapport publié mardi par la Cour des comptes reste prudent."),
    ("fr", "Découvrez aussi comment la commune finance ses nouvelles écoles."),
    ("en", "More on this later, the mayor said as the meeting ended on Thursday."),
    ("en", "Do you already have an account? Most readers said yes in the survey."),
    ("en", "The platform said all comments are subject to moderation under the new law."),
    ("de", "Der Sprecher sagte, Kommentare werden moderiert, wenn sie gemeldet werden."),
    ("es", "Apoya nuestro periodismo, pidió el director en su carta a los lectores."),
    ("it", "Sostieni il nostro giornalismo, ha scritto il direttore ai lettori del giornale."),
]


@pytest.mark.parametrize(("lang", "line"), LOOKALIKES)
def test_lookalike_sentence_stays(lang, line):
    assert not set(probe_rules(lang, line, CLEAN)) & NEW_RULES


def test_adversarial_megabyte_lines_are_fast():
    # the patterns' openings repeated without their ends: no catastrophic backtracking
    assert_megabyte_lines_finish(("À lire ", "Das könnte Sie auch ", "Do you already have a ",
                                  "comments are ", "Um weiterzulesen, ", "Apoya nuestro "), CLEAN)

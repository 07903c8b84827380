"""Furniture the transfer batches missed, by families that recur across sites (issue 10, round 30).

Development data only: TRAIN pages of ``fixtures/strip_real`` (the ``*-r30`` / ``*-r31``
transfer batches and earlier TRAIN batches), generated pages and adversarial input.
The round's write-up is the section "Missed furniture of the transfer batches (issue 10,
round 30)" of the fragment ``miss35.docs.md``, which the lead appends to docs/strip-history.md.

* ``wpcom_comment_form`` (fr, en, de, es, it): the comment form of WordPress.com and Jetpack
  blogs printed as text — the log-in prompt, "You are commenting using your WordPress.com
  account. ( Log Out / Change )", the unfilled "Connecting to %s", the account logos
  (en-r30-0003; the same form on 14 blogs of trafilatura's dev half, in German and English).
* ``wp_comment_subscribe`` (fr, en, de, es, it): the form's check boxes ("Notify me of
  follow-up comments by email.", "Benachrichtige mich über neue Beiträge via E-Mail."; 14
  blogs of trafilatura's dev half, no TRAIN page).
* ``share_label_doubled`` (fr, en, de, es, it): a page-action button whose icon label and
  text label were printed glued, the word twice ("ImprimerImprimer" uvcw.be,
  "envoyerenvoyer" topo-bfc.info).
* ``cookie_notice`` (fr, en, de, es, it): the site's notice on "our use of cookies"
  ("Pour en savoir plus sur notre utilisation générale des cookies …", fr-r31-0004).
"""

from __future__ import annotations

import pytest

import cleannews
from _helpers import (
    assert_furniture_goes_neighbours_stay,
    hang_guard,
    kept_lines,
    probe_rules,
    train_lines_taken,
)

CFG = cleannews.CleanConfig()
NEW_RULES = {
    "wpcom_comment_form", "wpcom_comment_form_en", "wpcom_comment_form_de",
    "wpcom_comment_form_es", "wpcom_comment_form_it",
    "share_label_doubled", "share_label_doubled_en", "share_label_doubled_de",
    "share_label_doubled_es", "share_label_doubled_it",
    "wp_comment_subscribe", "wp_comment_subscribe_en", "wp_comment_subscribe_de",
    "wp_comment_subscribe_es", "wp_comment_subscribe_it",
}
ARTICLE = ("Le conseil municipal a adopté mardi soir le budget de la ville pour l'année "
           "prochaine, après un débat de plus de trois heures entre la majorité et l'opposition.")
ARTICLE2 = ("Le budget prévoit une hausse des investissements dans les écoles et la voirie, ainsi "
            "qu'une baisse de la dette de la ville, selon le maire.")


# --- the lines on their TRAIN pages -------------------------------------------------------

#: (page, furniture line) of TRAIN pages that main's rules kept.
TRAIN_MISSES = [
    ("en-r30-0003", "Fill in your details below or click an icon to log in:"),
    ("en-r30-0003", "WordPress.com Logo"),
    ("en-r30-0003", "You are commenting using your WordPress.com account. Log Out /  Change )"),
    ("en-r30-0003", "You are commenting using your Facebook account. Log Out /  Change )"),
    ("en-r30-0003", "Connecting to %s"),
    ("fr-r27-0020", "ImprimerImprimer"),
    ("fr-g-0018", "• imprimerimprimer"),
    ("fr-g-0018", "• envoyerenvoyer"),
    ("fr-g-0018", "• commentercommenter"),
    ("fr-r31-0004", "Pour en savoir plus sur notre utilisation générale des cookies, consultez "
                    "notre page de politique de confidentialité. Vous pouvez aussi paramétrer "
                    "les cookies utilisés."),
]


@pytest.mark.parametrize(("page_id", "line"), TRAIN_MISSES)
def test_train_furniture_goes_and_its_neighbours_stay(page_out, train_page, page_id, line):
    _, labelled = train_page(page_id)
    assert_furniture_goes_neighbours_stay(labelled, page_out(page_id), line, page_id)


def test_no_train_content_line_is_taken(strip_real_docs):
    """Every TRAIN page as served: the new rules take furniture on four sites, no content."""
    taken = train_lines_taken(strip_real_docs, NEW_RULES, CFG)
    assert taken.get("wpcom_comment_form_en", 0) >= 4, taken
    assert taken.get("share_label_doubled", 0) >= 4, taken


# --- the family in each language ----------------------------------------------------------

@pytest.mark.parametrize(("lang", "line", "rule"), [
    ("en", "Fill in your details below or click an icon to log in:", "wpcom_comment_form_en"),
    ("en", "Please log in using one of these methods to post your comment:",
     "wpcom_comment_form_en"),
    ("en", "You are commenting using your Twitter account. ( Log Out / Change )",
     "wpcom_comment_form_en"),
    ("en", "You are commenting using your Google+ account.", "wpcom_comment_form_en"),
    ("en", "Twitter picture", "wpcom_comment_form_en"),
    ("fr", "Connecting to %s", "wpcom_comment_form_en"),  # the English form on a French blog
    # trafilatura's dev half (buchperlen.wordpress.com, sprechblase.wordpress.com …)
    ("de", "Trage deine Daten unten ein oder klicke ein Icon um dich einzuloggen:",
     "wpcom_comment_form_de"),
    ("de", "Du kommentierst mit Deinem WordPress.com-Konto. ( Abmelden / Ändern )",
     "wpcom_comment_form_de"),
    ("de", "Verbinde mit %s", "wpcom_comment_form_de"),
    # Jetpack's French strings (HighlanderComments)
    ("fr", "Vous commentez à l’aide de votre compte WordPress.com. ( Se déconnecter / Changer )",
     "wpcom_comment_form"),
    ("fr", "Connexion à %s", "wpcom_comment_form"),
    ("es", "Estás comentando usando tu cuenta de WordPress.com. ( Cerrar sesión / Cambiar )",
     "wpcom_comment_form_es"),
    ("es", "Conectando a %s", "wpcom_comment_form_es"),
    ("it", "Stai commentando usando il tuo account WordPress.com. ( Esci / Modifica )",
     "wpcom_comment_form_it"),
    ("it", "Connessione a %s in corso…", "wpcom_comment_form_it"),
    # the form's check boxes (trafilatura's dev half: 7 and 6 German blogs, 4 and 3 English)
    ("de", "Benachrichtige mich über nachfolgende Kommentare via E-Mail.",
     "wp_comment_subscribe_de"),
    ("de", "Benachrichtige mich über neue Beiträge via E-Mail.", "wp_comment_subscribe_de"),
    ("en", "Notify me of follow-up comments by email.", "wp_comment_subscribe_en"),
    ("en", "Notify me of new posts by email.", "wp_comment_subscribe_en"),
    ("en", "Notify me when new comments are added.", "wp_comment_subscribe_en"),
    ("fr", "Prévenez-moi de tous les nouveaux commentaires par e-mail.", "wp_comment_subscribe"),
    ("es", "Recibir un correo electrónico con los siguientes comentarios a esta entrada.",
     "wp_comment_subscribe_es"),
    ("it", "Avvisami via e-mail di nuovi commenti.", "wp_comment_subscribe_it"),
    ("fr", "ImprimerImprimer", "share_label_doubled"),
    ("en", "PrintPrint", "share_label_doubled_en"),
    ("de", "Drucken Drucken", "share_label_doubled_de"),
    ("es", "CompartirCompartir", "share_label_doubled_es"),
    ("it", "StampaStampa", "share_label_doubled_it"),
    ("en", "By continuing to browse, you consent to our use of cookies and other tracking "
           "technologies.", "cookie_notice_en"),
    ("de", "Mehr über unsere Verwendung von Cookies erfahren Sie in der Datenschutzerklärung.",
     "cookie_notice_de"),
    ("es", "Más información sobre nuestro uso de cookies en la política de privacidad.",
     "cookie_notice_es"),
    ("it", "Per saperne di più sul nostro utilizzo dei cookie consulta l'informativa.",
     "cookie_notice_it"),
])
def test_the_family_in_each_language(lang, line, rule):
    assert rule in probe_rules(lang, line), (line, probe_rules(lang, line))


@pytest.mark.parametrize(("lang", "line"), [
    ("fr", "Vous commentez à l'aide de votre compte Twitter les décisions du gouvernement, "
           "rappelle le préfet."),
    ("en", "Connecting to the internet remains hard in the rural parts of the county, the "
           "report says."),
    ("en", "You are commenting using your real name, the editor reminded readers on Monday "
           "evening."),
    ("fr", "Imprimer, imprimer encore : la presse papier résiste dans les campagnes."),
    ("de", "Drucken und teilen: Die Bibliothek bietet ab Montag einen neuen Service an."),
    ("fr", "La CNIL a sanctionné Google pour son utilisation des cookies publicitaires "
           "sans consentement."),
    ("en", "The regulator fined the firm over its use of cookies on the news site."),
    ("en", "Notify me of any changes to the schedule, the mayor told his staff on Monday."),
    ("fr", "Prévenez-moi de tous les nouveaux retards, a demandé le préfet aux services."),
])
def test_sentences_with_the_words_stay(lang, line):
    assert not probe_rules(lang, line), (line, probe_rules(lang, line))


def test_an_article_around_the_form_stays():
    doc = "\n\n".join([ARTICLE, "Connecting to %s", "WordPress.com Logo", ARTICLE2]) + "\n"
    kept = kept_lines(doc, CFG)
    assert ARTICLE in kept and ARTICLE2 in kept
    assert "Connecting to %s" not in kept


# --- adversarial input ------------------------------------------------------------------

@pytest.mark.parametrize("unit", [
    "You are commenting using your ", "WordPress.com ", "Connecting to %s ", "( Log Out / ",
    "Vous commentez à l'aide de votre compte ", "Du kommentierst mit Deinem ", "ImprimerImprimer",
    "imprimer ", "notre utilisation des cookies ", "our use of cookies ", "Notify me of new ",
    "Benachrichtige mich über neue ", "prévenez-moi de tous les ",
])
def test_adversarial_megabyte_lines(unit):
    line = unit * (1_000_000 // len(unit))
    doc = "\n\n".join([ARTICLE, line, "Connecting to %s", line + "x", ARTICLE2]) + "\n"
    with hang_guard(120):
        out = cleannews.clean(doc, cleannews.CleanConfig(score_spin=False, quarantine=False))
    assert ARTICLE in out.text


# --- the form's last lines end _zones.comment_form's run ------------------------------------

#: The stress set's page (seed 7): it-c-0007's letter, en-r30-0003's comment form put under
#: its last paragraph, then the letter's sign-off.
LETTER = [
    "Oltre il danno la beffa. E’ stata asfaltata solo la porzione di strada dove ci sono i "
    "parcheggi, mentre il resto della via è rimasto com'era, pieno di buche e di rattoppi.",
    "Leave a Reply",
    "Fill in your details below or click an icon to log in:",
    "WordPress.com Logo",
    "You are commenting using your WordPress.com account. Log Out /  Change )",
    "Connecting to %s",
    "Cordialità.",
    "Giorgio Gallivanone",
]


def test_the_form_closes_the_comment_run():
    from cleannews.strip._zones import FORM_CLOSING_RULES

    assert "wpcom_comment_form_en" in FORM_CLOSING_RULES
    doc = "\n".join([ARTICLE, ARTICLE2, *LETTER]) + "\n"
    kept = kept_lines(doc, CFG)
    assert "Cordialità." in kept and "Giorgio Gallivanone" in kept
    assert "Connecting to %s" not in kept and "Leave a Reply" not in kept


def test_a_form_run_above_the_closing_line_still_goes():
    """The short lines between the heading and the closing line are the form's and go."""
    doc = "\n".join([ARTICLE, ARTICLE2, "Leave a Reply", "Name *", "Email *",
                     "Connecting to %s"]) + "\n"
    kept = kept_lines(doc, CFG)
    assert ARTICLE2 in kept
    assert not {"Name *", "Email *", "Connecting to %s"} & set(kept), kept

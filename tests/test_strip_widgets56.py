"""Newsletter, cookie, social, share and player lines the strip stage left (issue 10, round 40,
widgets56).

Each rule is checked on the real TRAIN page whose line it was written from (it takes that line
and no line labelled content: ``furniture_taken``), then on the line alone between two article
paragraphs of its language, then on the look-alike content that must stay (a sentence about
cookies, social networks, a newsletter or a podcast; a short line after a sign-up line with no
sign-up line below it). Never a page of a held-out list.
"""

from __future__ import annotations

import pytest

from _helpers import probe_rules as _taken


@pytest.mark.parametrize(
    ("page", "rule", "at_least"),
    [
        ("de-r27-0008", "cookie_declaration_w56_de", 4),  # Cookiebot's declaration texts
        ("de-r27-0008", "cookie_table_head_w56_de", 1),  # "NameAnbieterZweckAblaufTyp"
        ("de-r30-0002", "page_action_gen10_de", 1),  # "Seite ausdrucken"
        ("en-r35-0001", "newsletter_cta_w56_en", 1),  # "Get Weekly Updates"
        ("es-e-0005", "share_glued_w56_es", 1),  # "Compartir en MenéameCompartir en Tuenti…"
        ("es-r32-0001", "cookie_notice_w56_es", 1),  # "Utilizamos “cookies” propias y de …"
        ("fr-b-0149", "podcast_prompt", 1),  # "Vous pouvez l'écouter en haut de l'article …"
        ("fr-f-0050", "social_follow_me_w56", 1),  # "… me suivre également sur … mes réseaux"
        ("fr-h-0026", "player_help_w56", 1),  # "Pour accéder aux contrôles du player, …"
        ("fr-r28-0021", "newsletter_form_w56", 1),  # "Ajouter ce(s) thème(s) à ma newsletter …"
        ("fr-r33-0025", "share_button_w56", 1),  # "Repost0"
        ("fr-r33-0027", "newsletter_form_w56", 2),  # "Je confirme mon mail :"
        ("fr-r33-0027", "newsletter_cta_w56", 2),  # "...Pour ne rien manquer de la semaine …"
        ("fr-r33-0027", "signup_gap", 4),  # "RIA Digest." between two sign-up lines
        ("fr-r35-0019", "social_follow", 1),  # "Suivez-nous sur"
        ("fr-r37-0007", "share_button_w56", 1),  # "- Tweeter"
        ("fr-r37-0009", "share_button_w56", 1),  # "Citer l'article"
        ("fr-r38-0029", "social_contact_w56", 1),  # "Restez en Contact"
        ("fr-r39-0013", "player_replay_w56", 1),  # "Réentendre"
        ("fr-r40-0013", "cookie_notice_en", 1),  # "We use cookies to ensure that we give …"
        ("it-r35-0002", "share_bar_w56_en", 3),  # "Share on FacebookTweet about this on …"
        ("it-r38-0001", "share_bar_w56_en", 1),  # "Spread the love"
        ("it-r40-0002", "channel_block_w56_it", 2),  # "Vuoi restare sempre aggiornato …?"
        ("it-r40-0002", "social_follow_it", 1),  # "Iscriviti ai nostri canali ufficiali:"
        ("it-r42-0003", "player_podcast_w56_en", 1),  # "… Play Episode Pause Episode …"
    ],
)
def test_rule_takes_furniture_on_a_train_page_and_no_content(furniture_taken, page, rule, at_least):
    assert furniture_taken(page, {rule}).get(rule, 0) >= at_least, (page, rule)


@pytest.mark.parametrize(
    ("lang", "line", "rule"),
    [
        ("fr", "Suivez-nous sur", "social_follow"),
        ("fr", "- Tweeter", "share_button_w56"),
        ("fr", "Repost0", "share_button_w56"),
        ("fr", "Citer l'article", "share_button_w56"),
        ("fr", "Restez en Contact", "social_contact_w56"),
        ("fr", "Réentendre", "player_replay_w56"),
        ("fr", "Oui je souhaite m'inscrire afin de recevoir", "newsletter_form_w56"),
        ("fr", "Je confirme mon mail :", "newsletter_form_w56"),
        ("fr", "Pour ne rien manquer", "newsletter_cta_w56"),
        ("fr", "Abonnez-vous Réagir Imprimer", "widget_words"),  # fr-r41-0006
        ("es", "Facebook X (Twitter) Instagram", "widget_words"),  # es-r36-0004
        ("de", "Seite ausdrucken", "page_action_gen10_de"),
        ("de", "Diese Seite verwendet unterschiedliche Cookie-Typen. Einige Cookies werden von "
               "Drittparteien platziert, die auf unseren Seiten erscheinen.",
         "cookie_declaration_w56_de"),
        ("en", "Get Weekly Updates", "newsletter_cta_w56_en"),
        ("en", "Spread the love", "share_bar_w56_en"),
        ("it", "Iscriviti ai nostri canali ufficiali:", "social_follow_it"),
    ],
)
def test_furniture_line_between_paragraphs(lang, line, rule):
    assert rule in _taken(lang, line), (lang, line)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("fr", "Le ministre a conseillé aux élus de moins tweeter pendant la campagne."),
        ("fr", "Pour ne rien manquer du spectacle, le public est arrivé deux heures en avance."),
        ("fr", "Restez en contact avec vos proches, recommande la préfecture aux habitants."),
        ("fr", "Les réseaux sociaux comme Instagram et TikTok sont accusés de nuire aux "
               "adolescents."),
        ("fr", "Facebook et Instagram ont été condamnés à une amende de 40 millions d'euros."),
        ("fr", "« Je souhaite recevoir des excuses publiques », a déclaré le maire lundi."),
        ("fr", "Elle propose de citer l'article 49.3 de la Constitution dans sa réponse."),
        ("de", "Cookies sind kleine Gebäckstücke, die in der Adventszeit gebacken werden."),
        ("es", "La ley regula las cookies propias y de terceros que usan los comercios en línea."),
        ("en", "The charity asked readers to spread the love by donating to the food bank."),
        ("it", "Il sindaco vuole restare sempre aggiornato sui lavori della nuova scuola."),
    ],
)
def test_look_alike_content_stays(lang, line):
    assert not _taken(lang, line), (lang, line)


def _signup_page(middle: list[str]) -> str:
    paras = [
        "Le conseil municipal a voté mardi soir le budget de la commune pour l'année "
        "prochaine, après un long débat sur les investissements.",
        "Les élus de l'opposition ont dénoncé une hausse des dépenses de fonctionnement et "
        "demandé un audit des comptes de la ville.",
    ]
    return "\n\n".join([*paras, *middle, paras[0].replace("mardi", "jeudi")]) + "\n"


def test_signup_gap_takes_short_lines_between_two_signup_lines():
    from cleannews import CleanConfig
    from cleannews.strip import strip_text

    text = _signup_page(["recevez gratuitement chaque vendredi", "RIA Digest.",
                         "Infos, emplois, services.", "Je confirme mon mail :"])
    rules = {c.before.strip(): c.rule for c in strip_text(text, CleanConfig()).changes}
    assert rules.get("RIA Digest.") == "signup_gap"
    assert rules.get("Infos, emplois, services.") == "signup_gap"


def test_signup_gap_leaves_long_lines_and_open_ends():
    from cleannews import CleanConfig
    from cleannews.strip import strip_text
    from cleannews.strip._widgets import SIGNUP_GAP_MAX_LINES, SIGNUP_GAP_MAX_WORDS

    long_line = " ".join(["mot"] * (SIGNUP_GAP_MAX_WORDS + 1)) + " fin"
    too_many = [f"Ligne {k}" for k in range(SIGNUP_GAP_MAX_LINES + 1)]
    for middle in (
        ["recevez gratuitement chaque vendredi", long_line, "Je confirme mon mail :"],
        ["recevez gratuitement chaque vendredi", *too_many, "Je confirme mon mail :"],
        ["recevez gratuitement chaque vendredi", "Le maire a répondu."],  # no line below
    ):
        changes = strip_text(_signup_page(middle), CleanConfig()).changes
        assert not any(c.rule == "signup_gap" for c in changes), middle

"""Calls to follow the site that name it, or run on past the whole-line rules (branch html13).

Before: the follow-us rules were whole lines ("Follow us on Twitter", "Folgen Sie uns auf
…", "Suivez-nous sur …") or Google News prefixes in fr/de/es only. A call that names the
site instead of "us", ends with its handles or a second call, asks a question, or sits in
a longer promotional line stayed: "Follow TechRadar on Google News and add us as a
preferred source …", "Follow The Gleaner on Twitter and Instagram @JamaicaGleaner …",
"Folgst du schon 20 Minuten auf Whatsapp?", "… Abonniere den Whatsapp-Kanal von 20
Minuten …", "¡Mira lo que tiene nuestro canal de YouTube!" (dev pages of both HTML
benchmarks). Now ``social_follow_prompt_en`` / ``_de`` / ``social_follow_prompt`` (fr,
prefix rules with a word limit), ``channel_prompt_de`` / ``_es`` / ``channel_prompt``
(phrases) take them; prose that mentions a network stays.
"""

from __future__ import annotations

import pytest

import cleannews
from cleannews.strip import strip_text

CFG = cleannews.CleanConfig(score_spin=False, quarantine=False)

BODY = {
    "en": (
        "The city council approved next year's budget on Tuesday evening after three hours "
        "of sometimes heated debate between the majority and the opposition benches."
    ),
    "de": (
        "Der Gemeinderat hat am Dienstagabend den Haushalt für das kommende Jahr beschlossen, "
        "nach drei Stunden teilweise heftiger Debatten zwischen Mehrheit und Opposition."
    ),
    "es": (
        "El concejo municipal aprobó el martes por la noche el presupuesto del próximo año, "
        "después de tres horas de debates a veces intensos entre la mayoría y la oposición."
    ),
    "fr": (
        "Le conseil municipal a voté mardi soir le budget de l'année prochaine, après trois "
        "heures de débats parfois vifs entre la majorité et l'opposition."
    ),
}


def _strip(lang: str, line: str):
    body = BODY[lang]
    return strip_text(f"{body}\n\n{line}\n\n{body} {body}\n", CFG)


@pytest.mark.parametrize(
    ("lang", "line", "rule"),
    [
        (
            "en",
            "Follow TechRadar on Google News and add us as a preferred source to get our "
            "expert news, reviews, and opinion in your feeds.",
            "social_follow_prompt_en",
        ),
        (
            "en",
            "Follow The Gleaner on Twitter and Instagram @JamaicaGleaner and on Facebook "
            "@GleanerJamaica. Send us a message on WhatsApp at 1-876-499-0169 or email us at "
            "onlinefeedback@gleanerjm.com.",
            "social_follow_prompt_en",
        ),
        ("en", "Add The Daily Record as a preferred source on Google.", "social_follow_prompt_en"),
        (
            "de",
            "Folgst du schon 20 Minuten auf Whatsapp?",
            "social_follow_prompt_de",
        ),
        (
            "de",
            "Eine Newsübersicht am Morgen und zum Feierabend, überraschende Storys und Breaking "
            "News: Abonniere den Whatsapp-Kanal von 20 Minuten und du bekommst regelmässige "
            "Updates mit unseren besten Storys direkt auf dein Handy.",
            "channel_prompt_de",
        ),
        (
            "de",
            "Folgen Sie der Stuttgarter Zeitung auch auf Instagram und Facebook.",
            "social_follow_prompt_de",
        ),
        ("es", "¡Mira lo que tiene nuestro canal de YouTube!", "channel_prompt_es"),
        (
            "fr",
            "Suivez Le Progrès sur WhatsApp pour recevoir l'essentiel de l'actualité de votre "
            "département.",
            "social_follow_prompt",
        ),
        (
            "fr",
            "Pour ne rien manquer de l'actualité, rejoignez notre chaîne WhatsApp.",
            "channel_prompt",
        ),
    ],
)
def test_follow_calls_go(lang, line, rule):
    out = _strip(lang, line)
    assert line[:30] not in out.text
    assert [c.rule for c in out.changes if line[:30] in c.before] == [rule]
    assert BODY[lang] in out.text


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        # prose that names a network, a line that starts like a call but is a sentence
        (
            "en",
            "Like many on Twitter, the mayor's critics were quick to point out that the "
            "budget had been voted without a public consultation.",
        ),
        (
            "en",
            "Add to that the pressure on Facebook to moderate what its users post about the "
            "election, and the company is in a difficult position.",
        ),
        (
            "en",
            "Follow-up talks on WhatsApp between the two delegations went on until late in "
            "the night, according to two people present.",
        ),
        (
            # an author's bio: his contact line stays with it (bylines are kept by design)
            "en",
            "Lucas Nolan is a reporter for Breitbart Tech covering issues of free speech and "
            "online censorship. Follow him on Twitter @LucasNolan_ or email him at "
            "lnolan@breitbart.com",
        ),
        (
            "de",
            "Folgen Sie den Anweisungen der Einsatzkräfte, sagte der Sprecher der Polizei "
            "am Abend auf der Pressekonferenz im Rathaus.",
        ),
        (
            "es",
            "El alcalde explicó en una entrevista que nuestro canal de comunicación con los "
            "vecinos debe mejorar antes de las próximas elecciones municipales del año que "
            "viene en toda la provincia.",
        ),
        (
            "fr",
            "Les enquêteurs suivent de près les messages publiés sur Telegram par le groupe, "
            "a indiqué le parquet mardi.",
        ),
        (
            "fr",
            "Suivez le guide : la visite commence au pied du beffroi et se termine sur les "
            "remparts, face à la mer.",
        ),
    ],
)
def test_prose_that_mentions_a_network_stays(lang, line):
    out = _strip(lang, line)
    assert line in out.text


NEW_RULES = {
    "paywall_teaser_notice_en",
    "social_follow_prompt_en",
    "social_follow_prompt_de",
    "channel_prompt_de",
    "channel_prompt_es",
    "social_follow_prompt",
    "channel_prompt",
}


def test_no_train_content_line_taken_by_the_new_rules(train_content_taken_by):
    """Every content line of every TRAIN page (five languages), seen alone."""
    n, hit = train_content_taken_by(NEW_RULES)
    assert n > 2000
    assert not hit, hit[:10]


def test_no_ud_french_sentence_taken_by_the_new_rules(ud_taken_by):
    n, hit = ud_taken_by(NEW_RULES)
    assert n > 4000
    assert not hit, hit[:10]


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe now to our eNATION edition for the full story.",
        "To view the full story, please subscribe to The Haitian Times. You can choose a $60 "
        "Annual Subscription or a $5 Weekly Pass.",
    ],
)
def test_paywall_notice_under_a_teaser_goes(line):
    # the last line of a teaser page: the full story is for subscribers
    body = BODY["en"]
    out = strip_text(f"{body}\n\n{body}\n\n{line}\n", CFG)
    assert line[:30] not in out.text
    assert [c.rule for c in out.changes] == ["paywall_teaser_notice_en"]


def test_a_sentence_about_a_story_and_subscribers_stays():
    line = (
        "Subscribers to the council's newsletter were the first to learn the full story of "
        "the budget vote, which was only published on the town's website on Wednesday."
    )
    out = _strip("en", line)
    assert line in out.text

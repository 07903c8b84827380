"""Furniture shapes seen on several TRAIN sites (issue 10, branch strip15).

Each rule takes its lines on real TRAIN pages of at least two sites and no line labelled
content there (``furniture_taken``, repaired and not), then the look-alikes that must stay: a
town hall's "Accueil" desk further down the page, a count inside a sentence, the word "Lire"
inside a subheading, a caption printed twice on two lines without other evidence, a date glued
to itself. Only TRAIN pages (the fixtures fail on a held-out page).
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
from cleannews.strip.detectors import (
    _caption_glued_twice,
    _glued_halves,
    _home_crumb_alone,
)

ROOT = Path(__file__).parent.parent
PARAS = PROBE_PARAS
NEW_RULES = {"read_more_word_gen15", "item_counter_gen15", "archive_day_title_gen15",
             "home_crumb_alone", "caption_glued_twice"}


@pytest.mark.parametrize(
    ("page", "rule", "at_least"),
    [
        ("fr-e-0015", "home_crumb_alone", 1),  # "- Accueil" (another site)
        ("en-e-0002", "caption_glued_twice", 2),  # "…campaignThe News …" and its copy
        ("fr-d-0017", "caption_glued_twice", 2),  # "… du PicLe quartier …" and its copy
        ("fr-e-0044", "read_more_word_gen15", 2),  # "Lire" under each teaser
        ("fr-e-0008", "read_more_word_gen15", 1),  # "Read"
        ("fr-h-0034", "read_more_word_gen15", 1),  # "(suite…)"
        ("fr-h-0029", "item_counter_gen15", 1),  # "2 articles" on an archive day
        ("fr-h-0044", "item_counter_gen15", 2),  # "239 signatures", "300 signatures nécessaires"
        ("fr-h-0029", "archive_day_title_gen15", 1),  # "Archives journalières: 27/05/2023"
        ("fr-h-0034", "archive_day_title_gen15", 1),  # "Billets du jour: 01/02/2016"
        ("fr-f-0039", "archive_day_title_gen15", 1),  # "Journée du Mercredi 27/11/2025"
    ],
)
def test_rule_takes_furniture_on_train_pages_and_no_content(furniture_taken, page, rule,
                                                            at_least):
    for repaired in (False, True):
        assert furniture_taken(page, {rule}, repaired).get(rule, 0) >= at_least, (page, rule)


def test_home_crumb_on_a_second_site(train_page):
    # lagazettedescommunes.com: "Accueil" above the headline, once repaired (the crawler's
    # " date 2022-05 " glued before it is the repair stage's)
    import cleannews

    cfg = CleanConfig()
    for page in ("fr-d-0021", "fr-d-0022"):
        doc, labelled = train_page(page)
        assert labelled[0].label == "breadcrumb"
        r = strip_text(cleannews.repair(doc, cfg).text, cfg)
        taken = [c.before.strip() for c in r.changes if c.rule == "home_crumb_alone"]
        assert taken[0] == "Accueil"
        kinds = {lb.text.strip(): lb.label for lb in labelled}
        assert all(kinds.get(t, "C") != "C" for t in taken[1:])  # "[EDITO] Elections": meta
        heads = [lb.text for lb in labelled if lb.content][:1]
        assert heads and heads[0] in r.text


def test_home_crumb_only_at_the_top():
    ls = _lines(["- Accueil", "Startseite", "Le conseil municipal vote le budget primitif"])
    _home_crumb_alone(ls)
    assert _rules(ls) == ["home_crumb_alone", "home_crumb_alone", None]
    # further down the page, "Accueil" is a town hall's desk (its opening hours follow)
    ls = _lines(["Horaires de la mairie", "Accueil", "Du lundi au vendredi de 9 h à 12 h."])
    _home_crumb_alone(ls)
    assert _rules(ls) == [None, None, None]
    # a longer run of short links is a menu (the menu detectors'), a short title above its
    # text is the page's title
    head = "Le conseil municipal vote le budget primitif"
    ls = _lines(["Accueil", "Tests", "Bons plans", "Guides", "Contact", head])
    _home_crumb_alone(ls)
    assert _rules(ls) == [None] * 6
    ls = _lines(["Accueil", "Grève générale", "Le mouvement a été suivi dans toute la France."])
    _home_crumb_alone(ls)
    assert _rules(ls) == [None] * 3
    ls = _lines(["Accueil", "Info", "Transports", head])
    _home_crumb_alone(ls)
    assert _rules(ls) == ["home_crumb_alone"] * 3 + [None]
    ls = _lines(["Accueil des nouveaux habitants samedi", "Le maire recevra les familles."])
    _home_crumb_alone(ls)  # a headline that opens with the word
    assert _rules(ls) == [None, None]


def test_glued_halves_and_look_alikes():
    assert _glued_halves("Le port vu du PicLe port vu du Pic") == "Le port vu du Pic"
    assert _glued_halves("Le port vu du Pic Le port vu du Pic") is None  # a space between
    # a sentence repeated (tests/test_api.py's 10 MB line) is text, not a caption
    sentence = "L\u2019\u00e9conomie fran\u00e7aise r\u00e9siste \u00e0 la crise. "
    assert _glued_halves((sentence * 200).strip()) is None
    assert _glued_halves("Le port vu du Pic, le port vu du Pic") is None
    # a date glued to itself (watson.ch, labelled content): too few words of letters
    ls = _lines(["29.11.2025, 10:3729.11.2025, 10:37", "29.11.2025, 10:37"])
    _caption_glued_twice(ls)
    assert _rules(ls) == [None, None]
    # a caption printed twice on two lines, without other evidence, stays (test_strip_credits8)
    cap = "Le quartier de Central au premier plan, Kowloon au second plan"
    ls = _lines([cap, cap])
    _caption_glued_twice(ls)
    assert _rules(ls) == [None, None]
    # the glued line goes; a copy with other words next to it stays
    ls = _lines([cap + cap, cap + ", vus du Pic"])
    _caption_glued_twice(ls)
    assert _rules(ls) == ["caption_glued_twice", None]



@pytest.mark.parametrize(
    ("lang", "line", "rule"),
    [
        ("fr", "Lire", "read_more_word_gen15"),
        ("fr", "(suite…)", "read_more_word_gen15"),
        ("en", "Read »", "read_more_word_gen15"),
        ("it", "Leggi", "read_more_word_gen15"),
        ("es", "Leer", "read_more_word_gen15"),
        ("fr", "2 articles", "item_counter_gen15"),
        ("fr", "1 250 signatures", "item_counter_gen15"),
        ("it", "12 articoli", "item_counter_gen15"),
        ("fr", "Archives quotidiennes : 03/02/2024", "archive_day_title_gen15"),
    ],
)
def test_new_line_rules_between_paragraphs(lang, line, rule):
    assert rule in _taken(lang, line), (lang, line)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("fr", "Lire et écrire en prison"),  # a subheading
        ("fr", "Lire, écouter, voir"),
        ("en", "Read my lips"),
        ("fr", "Le texte compte 2 articles."),  # a count inside a sentence
        ("fr", "2 articles de loi ont été adoptés"),
        ("fr", "Article 2"),
        ("fr", "Plus de 300 signatures ont été recueillies en une semaine."),
        ("fr", "Archives pour la catégorie justice"),  # a listing's title (fr-a-0187: content)
        ("fr", "Journée du 14 juillet : le défilé sous la pluie"),
        ("fr", "Les articles du jour"),
    ],
)
def test_look_alikes_stay(lang, line):
    assert not [r for r in _taken(lang, line) if r in NEW_RULES], (lang, line)


def test_interview_and_names_stay():
    p = PARAS["fr"]
    text = "\n\n".join([
        "Accueil du public : la mairie change ses horaires", p[0],
        "— Lire ?", "— Oui, lire.", "Mbappé, Dembélé, Kolo Muani", p[1],
    ])
    kept = kept_lines(text, CleanConfig())
    for line in ("Accueil du public : la mairie change ses horaires", "— Lire ?", "— Oui, lire.",
                 "Mbappé, Dembélé, Kolo Muani"):
        assert line in kept, line


def test_glued_halves_is_linear_on_a_1mb_line():
    line = ("ab " * 350_000)[:1_000_000]
    t0 = time.perf_counter()
    assert _glued_halves(line) is None or isinstance(_glued_halves(line), str)
    ls = _lines([line, line[:500_000]])
    _caption_glued_twice(ls)
    assert time.perf_counter() - t0 < 5
    for rule_line in ("Lire " * 200_000, "1" * 1_000_000 + " articles"):
        t0 = time.perf_counter()
        strip_text("Un titre\n\n" + rule_line + "\n", CleanConfig())
        assert time.perf_counter() - t0 < 20

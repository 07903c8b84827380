"""Rules that transfer (issue 10, branch strip-gen10): shapes and multilingual phrase data.

Each rule or shape is checked on the DEVELOPMENT half's real TRAIN pages (it takes its lines
there, and no line labelled content: ``furniture_taken``), then on the look-alike that must
stay (an article's chronology, a listing's dated teasers, lottery numbers, an agency
signature, a sentence naming a photographer), then per language between two article
paragraphs. Never a page of the CHECK half (fr-g, fr-h, it-e, en-e) nor of a held-out list.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _helpers import PROBE_PARAS
from _helpers import detector_lines as _lines
from _helpers import probe_rules as _taken
from cleannews.strip._widgets import _row_kind, calendar_widget, dated_feed

ROOT = Path(__file__).parent.parent
PARAS = PROBE_PARAS
CHECK_HALF = ("fr-g-", "fr-h-", "it-e-", "en-e-")


@pytest.mark.parametrize(
    ("page", "rule", "at_least"),
    [
        ("fr-f-0035", "css_residue_gen10", 30),  # a stylesheet printed as text
        ("fr-e-0018", "dated_feed", 8),  # "18/09/20 : L'incendie …", newest first
        ("fr-e-0044", "dated_feed", 4),
        ("fr-f-0039", "calendar_widget", 7),  # "sam dim lun …", day rows, "<< décembre 2025 >>"
        ("de-e-0004", "caption_bracket_credit_gen10", 1),  # "… [Foto: imago]"
        ("fr-e-0049", "caption_bracket_credit_gen10", 1),  # "… (Bony/SIPA)"
        ("fr-e-0014", "caption_name_agency_gen10", 3),  # "… emplois ». Romain Gaillard/Rea"
        ("de-e-0017", "agency_credit_gen10", 1),  # "Kay Nietfeld/dpa"
        ("fr-e-0012", "contact_line_gen10", 2),  # an e-mail address, a phone number
        ("fr-e-0024", "cookie_consent_gen10", 4),
        ("fr-f-0010", "tag_label_gen10", 1),  # "Tag - Hadopi"
        ("fr-e-0029", "blog_platform_gen10", 3),  # "Suivre ce blog Administration + …"
        ("fr-f-0043", "related_heading_gen10", 1),  # "La rédaction vous recommande"
        ("fr-e-0017", "related_heading_gen10", 1),  # "Vous pouvez aussi aimer"
        ("de-e-0002", "caption_stock_label_gen10", 1),  # "Stare (Symbolbild)"
        ("fr-e-0029", "enlarge_prompt_gen10", 2),  # "(Clic sur l'image pour agrandir)"
        ("de-e-0010", "tag_label_gen10_de", 1),  # "Schlagwort: Evakuierung"
        ("fr-f-0036", "tag_label_gen10_en", 1),  # "Browsing: astronomie"
        # "(annulable à tout moment)"; "Si vous êtes déjà abonné, connectez-vous …" is
        # login_prompt_family's since round 27 (recall29: the subscriber question)
        ("fr-e-0013", "login_field_gen10", 1),
        ("fr-e-0025", "required_fields_gen10", 1),  # "« * » indique les champs nécessaires"
        ("es-e-0004", "read_more_arrow_gen10_en", 1),  # "Read More »Tribunero"
    ],
)
def test_rule_takes_furniture_on_a_dev_page_and_no_content(furniture_taken, page, rule, at_least):
    assert not page.startswith(CHECK_HALF)
    for repaired in (False, True):
        assert furniture_taken(page, {rule}, repaired).get(rule, 0) >= at_least, (page, rule)


def test_context_looks_through_a_caption_it_took(furniture_taken):
    # the listing headline under "… ministre de l'Intérieur. Albert Facelly/Divergence" stays
    # (it went by context once the caption was taken, before CONTEXT_TRANSPARENT_RULES)
    assert furniture_taken("fr-a-0180", {"caption_name_agency_gen10", "context"})
    assert furniture_taken("de-e-0010", {"tag_label_gen10_de", "context"})


def test_dated_feed_leaves_a_chronology_and_a_listing():
    feed = ["15/10/17 : Emmanuel Macron annonce une loi", "13/10/17 : Les offices HLM manifestent",
            "11/10/17 : Le collectif appelle à la mobilisation"]
    ls = _lines(feed)
    dated_feed(ls, "listing")  # a listing's dated teasers are its content
    assert all(ln.removal is None for ln in ls)
    ls = _lines(reversed(feed))  # oldest first: an article's chronology
    dated_feed(ls, "article")
    assert all(ln.removal is None for ln in ls)
    ls = _lines(feed[:2])  # two items are not a feed
    dated_feed(ls, "article")
    assert all(ln.removal is None for ln in ls)
    ls = _lines(["15/10/17 : Un titre", "15/10/17 : Un autre", "15/10/17 : Un troisième"])
    dated_feed(ls, "article")  # one date only: the day's entries, not a feed of other days
    assert all(ln.removal is None for ln in ls)


def test_calendar_rows_and_look_alikes():
    assert _row_kind("Mo Di Mi Do Fr Sa So") == _row_kind("L M M J V S D") == "weekday"
    assert _row_kind("29 30 1 2 3 4 5") == "day"
    assert _row_kind("12 18 23 34 41 45") is None  # lottery numbers
    assert _row_kind("1 3 5 7 9") is None
    ls = _lines(["13 14 15 16 17 18 19", "Le tirage du loto", "20 21 22 23 24 25 26"])
    calendar_widget(ls)  # two day rows without a weekday row: not enough
    assert all(ln.removal is None for ln in ls)



@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("fr", "Vous pouvez aussi aimer"),
        ("fr", "La rédaction vous recommande"),
        ("fr", "Derniers commentaires"),
        ("fr", "Nom d'utilisateur :"),
        ("fr", "Rester connecté"),
        ("fr", "J’accepte tous les cookies"),
        ("fr", "Contenus partenaires"),
        ("fr", "Étiquettes : Ligue 1, PSG"),
        ("fr", "Kay Nietfeld/dpa"),
        ("fr", "margin: 0 auto;"),
        ("fr", ".article-container {"),
        ("en", "Latest comments"),
        ("en", "Username"),
        ("en", "Fields marked with an asterisk (*) are required"),
        ("en", "Create a free website or blog at WordPress.com."),
        ("en", "Browsing: astronomy"),
        ("de", "Das könnte dich auch interessieren"),
        ("de", "Neueste Kommentare"),
        ("de", "Benutzername"),
        ("de", "Schlagwort: Evakuierung"),
        ("de", "Passwort zurücksetzen"),
        ("de", "Weiterlesen »"),
        ("it", "Potrebbe interessarti anche"),
        ("it", "La redazione consiglia"),
        ("it", "Ultimi commenti"),
        ("it", "Nome utente"),
        ("it", "Reimposta la password"),
        ("it", "Contenuti sponsorizzati"),
        ("es", "También te puede interesar"),
        ("es", "Últimos comentarios"),
        ("es", "Nombre de usuario"),
        ("es", "Restablecer contraseña"),
        ("es", "Leer más »"),
        ("it", "Clicca per ingrandire"),
        ("en", "A flooded street in the city centre (file photo)"),
    ],
)
def test_phrase_family_in_each_language(lang, line):
    # taken, by a strip-gen10 family or by an older rule of the same family
    assert _taken(lang, line), (lang, line)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("fr", "rei/dpa/rtr"),  # an article's agency signature
        ("fr", "Un mort dans l'attaque. Reuters/AFP"),  # the text's agencies, not a photographer
        ("fr", "Le ministre a rencontré Jean Dupont/AFP hier."),
        ("fr", "Catégorie Seniors : 1. Dupont, 2. Martin"),
        ("fr", "Score: 3-1;"),
        ("de", "41542 Dormagen"),  # an event's address (trafilatura's dev half: content)
        ("fr", "Le dessinateur signe une planche (illustration) pour le journal."),
        ("fr", "Les sondages le donnent gagnant au second tour."),
        ("it", "Vecchi"),  # a surname, not "Più vecchi"
        ("es", "Antiguos"),
        ("es", "Etiqueta: negra"),  # a fact box's dress code
        ("fr", "Étiquette Ligue 1 et Ligue 2 pour le club"),
        ("en", "Remember Me"),  # a film's title
        ("de", "Artikel über die Bundesregierung sind selten."),
    ],
)
def test_look_alikes_stay(lang, line):
    assert not [r for r in _taken(lang, line) if "gen10" in r], (lang, line)


def test_halves_of_the_round9_batches(round8_train_batches):
    from tools.strip_corpus.score_batches import CHECK_HALF as CHECK
    from tools.strip_corpus.score_batches import DEV_HALF, OLD_BATCHES, main

    assert not set(DEV_HALF) & set(CHECK)
    assert set(DEV_HALF) | set(CHECK) == {"fr-e", "fr-f", "fr-g", "fr-h", "de-e", "it-e", "es-e",
                                          "en-e"}
    assert set(OLD_BATCHES) == set(round8_train_batches)
    assert tuple(p.rstrip("-") for p in CHECK_HALF) == CHECK
    with pytest.raises(SystemExit):  # the CHECK half's lines are never listed
        main(["--half", "check", "--lines"])

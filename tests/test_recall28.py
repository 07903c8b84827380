"""Furniture families whose wordings several TRAIN sites share, written as one pattern each
(issue 10, round 26; branch recall28).

The site-grouped CV judges a page without the rule patterns that took furniture on that
page's site alone (``tools.strip_model.rule_support.own_site_patterns``): a line its site's
own wording took is lost on a new site. Seven families were taken by another pattern on each
site, each pattern supported by that site alone; each family is now one pattern of one
rule (the literals it covers left the other rules), and the pattern takes the family's
lines on three to five TRAIN sites: written from the other sites, it still takes each one
(leave one site out). The families: comment verbs ("Laisser / Mettre / Ecrire un
commentaire", ``comment_prompt``), comment counters ("0 COMMENTAIRE(S)", ``comment_prompt``),
recent-comments titles (``recent_comments_tail21``), paywall read-on prompts ("Pour lire la
suite de cet article", "Envie de lire la suite ?", ``login_paywall_more``), German gallery
labels ("2 Bilder", "Bild 1 von 38", "zur Bildergalerie", ``gallery_meta_de``) and the
English skip link ('Press "Enter" to skip to content', ``nav_menu_en``); and English related-list
headings, an adjective and a noun ("Related posts", "More stories", "Trending Topics",
``related_lead_en``).

Real TRAIN furniture lines go on their own page with that rule and pattern; the pattern has
support on three sites or more; TRAIN content lines and article sentences that look alike
stay; no TRAIN content line is taken; 1 MB adversarial lines finish. Development data only:
no held-out page is read.
"""

from __future__ import annotations

import pytest

from _helpers import (
    PROBE_PARAS,
    assert_content_line_stays,
    assert_family_line_goes,
    assert_family_transfers,
    assert_literals_left,
    assert_megabyte_lines_finish,
    family_content_hits,
    hang_guard,
    sentence_pages_taken,
    train_lines_taken,
)
from cleannews import CleanConfig

CFG = CleanConfig()

#: family -> (rule file, rule, [(TRAIN page, site, furniture line as labelled)])
FAMILIES = {
    "comment verbs": ("fr", "comment_prompt", [
        ("fr-b-0129", "univ-avignon.fr", "Laisser un commentaire"),
        ("fr-d-0038", "frequenceterre.com", "LAISSER UN COMMENTAIRE"),
        ("fr-b-0139", "focus-cinema.com", "Mettre un commentaire"),
        ("fr-h-0023", "goodplanet.info", "Ecrire un commentaire"),
    ]),
    "comment counters": ("fr", "comment_prompt", [
        ("fr-a-0007", "lesoir.be", "0 Commentaire"),
        ("fr-a-0164", "watson.ch", "0 Commentaires"),
        ("fr-b-0052", "blog-rct.com", "0 Commentaire"),
        ("fr-b-0045", "memento.fr", "0 COMMENTAIRE(S)"),
    ]),
    "recent comments": ("fr", "recent_comments_tail21", [
        ("fr-b-0037", "footichiste.com", "Commentaires récents"),
        ("fr-e-0029", "canalblog.com", "Derniers commentaires"),
        ("fr-h-0049", "typepad.fr", "Les commentaires récents"),
    ]),
    "paywall read-on": ("fr", "login_paywall_more", [
        ("fr-a-0010", "lesoir.be", "Vous désirez lire la suite ?"),
        ("fr-e-0013", "ecoreseau.fr", "Envie de lire la suite ?"),
        ("fr-a-0123", "lecourrier.ch", "Pour lire la suite de cet article"),
        ("fr-d-0024", "info-socialrh.fr",
         "Pour poursuivre la lecture de ce contenu, abonnez-vous dès maintenant"),
    ]),
    "gallery labels": ("de", "gallery_meta_de", [
        ("de-c-0011", "marktspiegel.de", "2 Bilder"),
        ("de-m-0007", "n-tv.de", "Bilderserie"),
        ("de-m-0007", "n-tv.de", "Bild 1 von 38"),
        ("de-m-0015", "nonstopmedia.de", "Bildergalerie vorhanden Zusatzinfos vorhanden"),
        ("de-m-0020", "faz.net", "zur Bildergalerie"),
    ]),
    "related headings (en)": ("en", "related_lead_en", [
        ("en-m-0015", "cyprus-mail.com", "Related posts"),
        ("it-m-0011", "ventidinews.it", "More stories"),
        ("en-d-0002", "police1.com", "Trending Topics"),
    ]),
    "skip link": ("en", "nav_menu_en", [
        ("en-m-0008", "technologyreview.com", "Skip to Content"),
        ("en-m-0023", "thetimes.co.uk", "Skip to content"),
        ("fr-a-0060", "tdg.ch", "Skip to content"),
        ("fr-d-0008", "thereadersplanet.fr", 'Press "Enter" to skip to content'),
    ]),
}
#: The rules whose patterns this branch changed (the literals they took in left other rules).
RULES = {rule for _, rule, _ in FAMILIES.values()}
#: A pattern must take its family's lines on at least this many TRAIN sites.
MIN_SITES = 3

LINES = [(fam, page, site, line) for fam, (_, _, xs) in FAMILIES.items()
         for page, site, line in xs]


@pytest.mark.parametrize(("family", "page", "site", "line"), LINES,
                         ids=[f"{p}:{t[:20]}" for _, p, _, t in LINES])
def test_train_furniture_goes_on_its_page_with_the_family_rule(
    strip_real_docs, family, page, site, line
):
    assert_family_line_goes(strip_real_docs, FAMILIES, family, page, site, line, CFG)


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_one_pattern_takes_the_family_on_several_sites(family):
    assert_family_transfers(FAMILIES, family, MIN_SITES)


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_the_family_pattern_takes_no_train_content_line(strip_real_docs, family):
    assert family_content_hits(strip_real_docs, FAMILIES, family) == []


def test_the_covered_literals_left_the_other_rules():
    """No earlier rule keeps a literal of a family: the literal would take the line first
    and its support would be one site again."""
    gone = {
        ("fr", "login_prompt_line"): ["Pour lire la suite de cet article",
                                      "Vous désirez lire la suite ?"],
        ("fr", "comment_widget_line"): ["Commentaires récents", "Mettre un commentaire"],
        ("fr", "comment_widget_gen10"): ["Derniers commentaires"],
        ("fr", "comment_prompt_head19"): ["Ecrire un commentaire"],
        ("de", "nav_line_de"): ["Bild 1 von 38", "zur Bildergalerie"],
        ("en", "nav_skip_more_en"): ['Press "Enter" to skip to content'],
    }
    assert_literals_left(gone)


#: (TRAIN page, start of a content line with a family's words): it stays on its page.
TRAIN_CONTENT = [
    ("fr-h-0012", "Vos commentaires ici."),
    ("fr-d-0015", "  • De l’appréciation sans autre commentaire"),
    ("fr-g-0004", "Lire la suiteDans la tête"),
    ("de-e-0003", "Der Verkehr staute sich"),
]


@pytest.mark.parametrize(("page", "start"), TRAIN_CONTENT, ids=[p for p, _ in TRAIN_CONTENT])
def test_train_content_that_looks_alike_stays(train_page, page, start):
    assert_content_line_stays(train_page, page, start, CFG)


#: Removals of these rules on TRAIN content lines, recorded when their pages were scored:
#: fr-r36-0007's date line " date 2022-10 samedi 15 octobre 2022 • 139 lectures • 0
#: commentaires" (round 32's transfer batch) loses only its glued comment counter, a right cut
#: that the line's whole-line label cannot show (docs/strip.md, round 32's held-out section).
KNOWN_TAKEN = frozenset({("fr-r36-0007", "comment_prompt", "• 0 commentaires")})


def test_no_train_content_line_is_taken(strip_real_docs):
    """Every removal of the changed rules on TRAIN is furniture (``train_lines_taken`` fails
    on a content line). ``nav_menu_en`` is left out: its bare "Home" takes a line labelled
    content on fr-f-0011 (on main too; the skip-link pattern takes none, test above)."""
    taken = train_lines_taken(strip_real_docs, RULES - {"nav_menu_en"}, CFG, known=KNOWN_TAKEN)
    assert taken.get("known:comment_prompt") == 1  # a known cut must still happen: a fix shows
    assert taken.get("recent_comments_tail21") == 3
    assert taken.get("login_paywall_more", 0) >= 6
    assert taken.get("gallery_meta_de") == 5  # four sites (n-tv.de's two lines on one page)


#: Article sentences with the families' words: they stay.
LOOK_ALIKES = {
    "fr": [
        "Pour lire la suite de cet article, il faut remonter à 1998, explique l'historien.",
        "Envie de lire la suite ? C'est la question que pose l'éditeur à ses lecteurs.",
        "Laisser un commentaire sous une vidéo peut coûter cher, rappelle le tribunal.",
        "Derniers commentaires du ministre avant le vote : « Nous irons jusqu'au bout. »",
        "Les commentaires récents du président ont choqué une partie de la majorité.",
        "3 commentaires ont été supprimés par le modérateur après la plainte.",
        "Mettre un commentaire en ligne n'est pas un délit, a rappelé la cour.",
    ],
    "en": [
        "More stories like this one are expected as the trial goes on, the lawyer said.",
        "Trending topics on the platform included the strike and the weather.",
        "Press enter to skip to content was the only instruction on the screen, he said.",
        "Skip to content moderation: the board will vote on the new rules next week.",
    ],
}


@pytest.mark.parametrize("lang", sorted(LOOK_ALIKES))
def test_look_alike_sentences_stay(lang):
    assert sentence_pages_taken(LOOK_ALIKES[lang], *PROBE_PARAS[lang][:2], RULES, CFG) == []


def test_german_gallery_words_in_sentences_stay():
    de = CleanConfig(languages=("de",))
    sentences = [
        "Die Bildergalerie zeigt 2 Bilder aus dem Archiv der Stadt, sagte der Sprecher.",
        "Zur Bildergalerie des Museums kamen am Sonntag mehr als 400 Besucher.",
        "Bild 1 von 38 zeigt den Bürgermeister bei der Eröffnung der Brücke.",
    ]
    assert sentence_pages_taken(sentences, *PROBE_PARAS["de"][:2], RULES, de) == []


def test_megabyte_lines_finish():
    stems = ["pour lire la suite ", "envie de lire la suite de ce ", "laisser un ",
             "0 commentaire(s", "les commentaires récents ", "press enter to skip to ",
             "related ", "more stories ", "trending topics of ",
             "zur bildergalerie vorhanden ", "12 / 12 bilder ", "bild 1 von "]
    with hang_guard(120):
        assert_megabyte_lines_finish(stems, CFG)
        assert_megabyte_lines_finish(stems[-3:], CleanConfig(languages=("de",)))

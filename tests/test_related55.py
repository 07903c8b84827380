"""Related-article lists the strip stage left in (issue 10, round 40, related55).

Two gaps, each seen on real TRAIN pages (read through ``_helpers.train_doc`` only, never a
held-out or unscored page):

* lead lines of a list of other articles that name the list's topic or a link
  ("> À lire aussi sur le thème de la sécurité des données:" above three headlines,
  fr-r45-0023; "-A lire sur https://…", fr-r45-0003): ``related_lead``'s patterns (its
  ``takes_next`` takes the headlines under it);
* one teaser pair ending the text under an article, its headline then the first words of its
  text cut inside a sentence with "..." (``_zones.tail_pair``: de-e-0001, fr-c-0003,
  fr-g-0027).

An article's own subheading above its last, cut paragraph stays, so do a blog's posts with
their glued "Lire la suite", a listing's pairs, a pair that goes on about the article's
subject, and lines that begin with the same words but read as sentences.
"""

from __future__ import annotations

import pytest

import cleannews
from _helpers import (
    assert_megabyte_lines_finish,
    assert_train_furniture_goes,
    train_content_lost,
    train_doc,
)
from cleannews.strip import strip_text

CFG = cleannews.CleanConfig()

#: (page, start of a furniture line the round-start code left in)
REAL_LINES = [
    ("fr-r45-0023", "> À lire aussi sur le thème de la sécurité des données:"),
    ("fr-r45-0023", "Protection des données face aux cyber-risques"),
    ("fr-r45-0023", "Gestion des données personnelles: seulement 18 mois"),
    ("fr-r45-0023", "Règlement général de protection des données"),
    ("fr-r45-0003", "-A lire sur https://fr.news.yahoo.com/"),
    ("de-e-0001", "Zwei Mülleimer in Neupetershain in Flammen"),
    ("de-e-0001", "In Neupetershain beobachteten Zeugen in der Nacht"),
    ("fr-c-0003", "Colère agricole : nouvelle mobilisation ce lundi"),
    ("fr-c-0003", "La mobilisation des agriculteurs se poursuit. Ce..."),
    ("fr-g-0027", "Ouverture à la concurrence des TER"),
    ("fr-g-0027", "Première étape du processus d’ouverture à la concurrence"),
]


@pytest.mark.parametrize(("page", "start"), REAL_LINES)
def test_real_related_line_goes(page, start):
    assert_train_furniture_goes(page, start, CFG)


#: fr-r38-0028: a blog's page of two posts, the second cut with a glued "Lire la suite...";
#: fr-a-0021: an article cut short under its subheading "Accélération inattendue".
@pytest.mark.parametrize(
    "page", ["fr-r45-0023", "fr-r45-0003", "de-e-0001", "fr-c-0003", "fr-g-0027",
             "fr-r38-0028", "fr-a-0021"],
)
def test_real_pages_keep_their_content(page):
    assert train_content_lost(page, CFG) == []


PARAS = (
    "Le conseil municipal a voté jeudi soir le budget de la commune pour l’année prochaine, "
    "avec une hausse des dépenses consacrées aux écoles et à la voirie du centre-ville.",
    "Le maire a rappelé que les impôts locaux n’augmenteront pas, malgré la baisse des "
    "dotations de l’État et la hausse du prix de l’énergie pour les bâtiments publics.",
)
HEADLINE = "Colère agricole : nouvelle mobilisation ce lundi près de Clermont-Ferrand"
EXCERPT = "Les paysans reprennent leurs barrages sur la rocade depuis ce matin. Ce..."

#: a listing's first three (headline, cut excerpt) pairs
LISTING = [
    "Le festival de jazz revient cet été sur la place du marché",
    "Trois soirées de concerts gratuits sont prévues en juillet, avec des groupes venus de...",
    "La piscine municipale rouvre ses portes après deux ans de travaux",
    "Les nageurs retrouvent un bassin rénové, un toboggan et des horaires élargis pour les...",
    "Un nouveau médecin s’installe dans la maison de santé du quartier",
    "Après des mois d’attente, les habitants du quartier nord pourront consulter dès le...",
]


def _out(lines):
    return strip_text("\n\n".join(lines) + "\n", CFG).text


def test_tail_pair_goes():
    out = _out([*PARAS, HEADLINE, EXCERPT])
    assert PARAS[1] in out
    assert HEADLINE not in out and EXCERPT not in out


@pytest.mark.parametrize(
    "lines",
    [
        # the article's subheading (four words) above its last paragraph, cut
        [*PARAS, "Une accélération très inattendue",
         "Ce taux dépasse largement les attentes des économistes qui tablaient sur…"],
        # the pair goes on about the article's subject (its words)
        [*PARAS, "Le budget de la commune voté par le conseil municipal jeudi",
         "Les dépenses consacrées aux écoles et à la voirie augmentent encore, le maire..."],
        # a listing under its intro: every pair's excerpt is cut, four pairs
        [PARAS[0], *LISTING, HEADLINE, EXCERPT],
        # a sentence that trails off, no teaser cut inside a sentence
        [*PARAS, "Une question reste ouverte pour la suite des travaux du conseil",
         "Et le lieu le plus propice à la découverte de nouvelles espèces est… (surprise !)"],
    ],
)
def test_tail_pair_lookalikes_stay(lines):
    out = _out(lines)
    assert all(line in out for line in lines[-2:])


#: a blog's listing of its posts: the first whole, the last cut (no glued read-more)
POSTS = [
    "Le festival de jazz revient cet été sur la place du marché",
    "Pendant trois soirées de juillet, des groupes venus de toute la région joueront "
    "gratuitement sous les platanes, et les commerçants du centre resteront ouverts tard "
    "pour accueillir les spectateurs, comme lors de la première édition qui avait attiré "
    "plus de deux mille personnes.",
    HEADLINE,
    EXCERPT,
]


def test_a_run_of_posts_keeps_its_last_cut_post():
    """The text above the pair is itself a (headline, paragraph) pair: the page is a run of
    posts, its last one cut; the pair is the page's own (``_zones._post_run``)."""
    out = _out(POSTS)
    assert all(line in out for line in POSTS)


def test_a_blog_listing_a_second_pass_leaves_alone():
    """fr-r38-0028 (two posts, the last cut with a glued "Lire la suite..."): the first pass
    cuts the read-more; the second pass, which no longer sees it, keeps the pair too."""
    doc, _ = train_doc("fr-r38-0028")
    once = strip_text(doc, CFG).text
    assert "La triste réalité du sport de base" in once
    assert strip_text(once, CFG).text == once


@pytest.mark.parametrize(
    "line",
    [
        "À lire aussi sur le site de la mairie, le compte rendu complet de la séance.",
        "Il faut lire aussi sur ce point l’avis du Conseil d’État : il est sévère.",
        "Sécurité des données : ce que le règlement change pour les entreprises",
    ],
)
def test_lead_lookalikes_stay(line):
    out = _out([PARAS[0], line, PARAS[1]])
    assert line in out


def test_lead_patterns_stay_linear():
    """The new lead patterns on 1 MB lines of their near misses: no runaway work."""
    assert_megabyte_lines_finish(
        ["À lire aussi sur le thème ", "a lire sur https://", "> lire aussi à propos de "],
        cleannews.CleanConfig(languages=("fr",)),
    )

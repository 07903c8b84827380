"""Strip stage, twenty-fourth round (issue 10, branch stress25): article lines the stress set
(``tools.strip_model.stress``: TRAIN content between other sites' furniture) lost to the
short-block rule (``context``) and to ``nav_menu_en``, the shapes among them that the
furniture those rules take on TRAIN does not share.

* **A line between two paragraphs** (``_keep.give_back_between_paragraphs``,
  ``BETWEEN_MAX_WIDGETS``): "Phèdre", "I..." with another site's furniture above and
  below, the article's paragraphs on both sides. The furniture the rule takes on TRAIN
  stands above the article, after it or next to other short lines.
* **A subheading opening with a figure** ("440 000 offres sur son site") and **a standfirst
  above the first paragraph sharing two stems with it** ("DE LOIRE-ATLANTIQUE DU 13 MARS
  2018"; ``_keep.give_back_subheading``, ``HEAD_SUBHEADING_MIN_SHARED``).
* **A byline of several authors** (``_keep._name_list``, ``NAME_LIST_MIN_NAMES``): "Le
  ParisienVincent Vérier,Erwan Benezet,Matthieu Pelloli" between the headline and the
  article, where ``give_back_byline`` gave back one person's name only.
* **A listing's "Latest" heading**: ``nav_menu_en`` no longer takes a bare "Latest" (on
  TRAIN it took only en-m-0010's "* * * LATEST * * *", content).

The look-alikes that still go: a one-word label in small letters between two paragraphs
("épargne"), the line under a list of authors ("Origine du document"), tag lists ("Medien,
Gesellschaft, Technologie, Psychologie"), a section label sharing one stem with the article
above it, a "Home" link above the headline.

Inputs: labelled TRAIN pages of ``fixtures/strip_real`` (the ``train_page`` fixture checks
the split; no held-out page is read), each with the furniture lines of other TRAIN pages
that the stress set put around the line (seeds 7 and 11). Development data: the
guards were written looking at these lines and at the stress set built from them.

On main's code (9eb192c5) the module does not import (``give_back_between_paragraphs``,
``_name_list`` and the constants are new); with the imports made optional, 20 of its 35
tests fail there: the 10 page tests, the LATEST page test, 3 of the between-paragraph
shapes, 2 of the subheading shapes, the author list's shape and its byline test, and the 2
constants' tests; the look-alikes and the 1 MB lines pass on both.
"""

from __future__ import annotations

import pytest

from _helpers import (
    assert_every_copy,
    assert_megabyte_lines_finish,
    furniture_put_in,
    taken_lines,
)
from cleannews import CleanConfig
from cleannews.strip._keep import (
    BETWEEN_MAX_WIDGETS,
    HEAD_SUBHEADING_MIN_SHARED,
    NAME_LIST_MIN_NAMES,
    _name_list,
    give_back_between_paragraphs,
    give_back_byline,
    give_back_subheading,
)
from cleannews.strip.detectors import _Line

CFG = CleanConfig(score_spin=False)

# --- the stress set's lost lines, on their TRAIN pages ---------------------------------------

LOST = [
    # a listing's truncated item between two of the article's paragraphs (seed 11)
    ("it-e-0017", "I...", [("vedi letture", "it-m-0019"), ("Print", "it-m-0019")],
     [("Leggi articolo completo", "it-m-0010"), ("###BANNER_ADS###", "it-m-0010")]),
    # a subheading opening with a figure (seed 11)
    ("fr-g-0025", "440 000 offres", [("Skip to content", "fr-e-0033")],
     [("épargne", "fr-g-0028"), ("Temps de lecture", "fr-g-0028")]),
    # a standfirst above the first paragraph, sharing the congress's place with it (seed 7)
    ("fr-h-0031", "DE LOIRE-ATLANTIQUE", [("Pas de commentaires", "fr-d-0002")],
     [("239 signatures", "fr-h-0044"), ("300 signatures", "fr-h-0044")]),
    # a byline of three authors under the headline (seed 7)
    ("fr-a-0031", "Le ParisienVincent", [("Il vous reste 73.82%", "fr-g-0011")],
     [("Origine du document", "fr-g-0005"), ("Site : http://ugtg.org", "fr-g-0005")]),
    # a listing's "Latest" heading under its date (seed 7)
    ("en-m-0010", "* * * LATEST", [("top of page", "fr-d-0033")], []),
]


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
@pytest.mark.parametrize(("page_id", "at", "above", "below"), LOST, ids=[x[0] for x in LOST])
def test_article_line_between_other_sites_furniture_stays(train_page, page_id, at, above,
                                                          below, sep):
    """The article's line stays between other sites' furniture, and the furniture goes.
    Before: the short-block rule took it (``context``), or ``nav_menu_en`` ("Latest")."""
    got, furniture, text = furniture_put_in(train_page, page_id, at, above, below, sep)
    assert_every_copy(got, kept=[text], removed=furniture)


def test_the_listings_latest_heading_stays_on_its_train_page(page_out):
    """en-m-0010's "* * * LATEST * * *" heads its listing; on TRAIN itself ``nav_menu_en``
    took it (the only TRAIN line the bare "latest" pattern took). A "Home" link above
    another TRAIN page's headline still goes."""
    assert page_out("en-m-0010")["* * * LATEST * * *"] == [(True, True)]
    assert page_out("fr-a-0150")["Home"] == [(False, False)]


# --- the guards' shapes on hand-made pages of real lines -------------------------------------

_STOP = frozenset({"le", "la", "les", "de", "du", "des", "a", "en", "et", "à", "au", "sur",
                   "son", "ses", "une", "un", "par", "dans", "mais", "comme", "qui", "plus"})
# real paragraphs of the TRAIN pages (fr-f-0011, fr-g-0025, fr-h-0031, fr-a-0031)
_PAR = ("Les humoristes comme Guillermo Guiz remplissent les salles mais restent des fantômes "
        "de la politique culturelle.")
_PAR2 = ("Pour proposer une offre complète, Pôle emploi récupère le contenu de plus de 70 sites "
         "d'annonces d'emploi. Mais doit effectuer une chasse aux doublons. Explication avec "
         "Jérôme Giudicelli, le directeur régional de Pôle emploi en Bretagne.")
_PAR3 = ("La curiosité de la CGT du Morbihan avait été récompensée. En regardant de très près "
         "les offres d’emploi proposées sur le site de Pôle emploi, elle avait relevé un certain "
         "nombres d’anomalies.")
_CONGRESS = ("Réuni à Nantes le 13 mars 2018, le XXVIIème Congrès de l’Union départementale "
             "CGT-Force Ouvrière de Loire-Atlantique salue le 70ème anniversaire de notre "
             "confédération.")
_CHARTER = ("Le Congrès réaffirme son attachement à la Charte d’Amiens adoptée en 1906, qui "
            "constitue la référence indispensable à la pratique de l’indépendance syndicale.")
_HEADLINE = ("Fin des aides publiques, morosité économique, changement de cycle industriel, les "
             "plans de licenciement se multiplient partout en France. Avec le risque que le "
             "chômage augmente massivement.")
_LEDE = ("deconscience. L’annonce de Michelin, la semaine dernière, de fermer deux usines, l’une "
         "à Cholet (Maine-et-Loire) et l’autre à Vannes (Morbihan), avec à la clé 1 235 emplois "
         "supprimés, est venue révéler ce que les syndicats répétaient depuis des mois : le "
         "retour des plans sociaux.")



@pytest.mark.parametrize(("texts", "taken", "given"), [
    # between two paragraphs, a caption above and a widget below
    ([_PAR, "Vijay Iyer Trio 04/07/13 © Denis Alix", "Phèdre", "Retour au numéro", _PAR],
     {1: "tag_cloud", 2: "context", 3: "nav_link_more"}, [2]),
    # a figure first
    ([_PAR2, "Skip to content", "440 000 offres sur son site", "Temps de lecture : 6 minutes",
      _PAR2], {1: "nav_menu_en", 2: "context", 3: "reading_time"}, [2]),
    # (fr-f-0011's "Phèdre" on its own page stands between "«" and "!" / "».", lines the
    # short-block rule takes too: a block of several such lines is a widget's, and the
    # quotes' guard, give_back_quoted, keeps it there)
    # BETWEEN_MAX_WIDGETS removed lines on each side
    ([_PAR, *["Publicité"] * BETWEEN_MAX_WIDGETS, "Phèdre", *["Partager"] * BETWEEN_MAX_WIDGETS,
      _PAR], {**{k: "ad_label" for k in range(1, 1 + BETWEEN_MAX_WIDGETS)},
              1 + BETWEEN_MAX_WIDGETS: "context",
              **{k: "share_line" for k in range(2 + BETWEEN_MAX_WIDGETS,
                                                 2 + 2 * BETWEEN_MAX_WIDGETS)}},
     [1 + BETWEEN_MAX_WIDGETS]),
    # a label in small letters: another site's widget ("épargne" from fr-g-0028)
    ([_PAR2, "Skip to content", "épargne", "Temps de lecture : 6 minutes", _PAR2],
     {1: "nav_menu_en", 2: "context", 3: "reading_time"}, []),
    # one removed line too many above it
    ([_PAR, *["Publicité"] * (BETWEEN_MAX_WIDGETS + 1), "Phèdre", "Partager", _PAR],
     {**{k: "ad_label" for k in range(1, 2 + BETWEEN_MAX_WIDGETS)},
      2 + BETWEEN_MAX_WIDGETS: "context", 3 + BETWEEN_MAX_WIDGETS: "share_line"}, []),
    # a short line below, not a paragraph: the article's end, a teaser list
    ([_PAR, "Publicité", "Phèdre", "Partager", "Archives"],
     {1: "ad_label", 2: "context", 3: "share_line"}, []),
    # a second line the short-block rule took in the block: a comment form's labels
    # (fr-a-0164's "YouTube Link" / "0 / 600", tests/test_strip_keep.py)
    ([_PAR, "Votre commentaire", "YouTube Link", "0 / 600", _PAR],
     {1: "comment_prompt", 2: "context", 3: "context"}, []),
    # a "Read more" heading's line in the block: a teaser box's label (de-e-0013's "Golf" /
    # "Neueste Nachrichten", tests/test_stress23.py)
    ([_PAR, "Golf", "Neueste Nachrichten", _PAR],
     {1: "context", 2: "related_lead_de"}, []),
    # taken by a phrase rule, not the short-block rule
    ([_PAR, "Publicité", "Anzeige", "Partager", _PAR],
     {1: "ad_label", 2: "ad_label", 3: "share_line"}, []),
])
def test_between_paragraphs_shapes(texts, taken, given):
    assert give_back_between_paragraphs(taken_lines(texts, taken, _STOP)) == given


@pytest.mark.parametrize(("texts", "taken", "given"), [
    # a standfirst above the first paragraph sharing two stems with it ("loire", "atlan")
    (["Loire Atlantique 27 / 03 / 2018", "Pas de commentaires",
      "DE LOIRE-ATLANTIQUE DU 13 MARS 2018", "239 signatures", "Préambule", _CONGRESS],
     {1: "comment_prompt_head", 2: "context", 3: "item_counter"}, [2]),
    # the same line above a paragraph that does not name the place: stays taken
    (["Loire Atlantique 27 / 03 / 2018", "Pas de commentaires",
      "DE LOIRE-ATLANTIQUE DU 13 MARS 2018", "239 signatures", "Préambule", _CHARTER],
     {1: "comment_prompt_head", 2: "context", 3: "item_counter"}, []),
    # a figure first, under the first paragraph, sharing "offre"
    ([_PAR2, "Skip to content", "440 000 offres sur son site", "Temps de lecture : 6 minutes",
      _PAR3], {1: "nav_menu_en", 2: "context", 3: "reading_time"}, [2]),
    # another site's label in small letters at the same place: stays taken
    ([_PAR2, "Skip to content", "épargne", "Temps de lecture : 6 minutes", _PAR3],
     {1: "nav_menu_en", 2: "context", 3: "reading_time"}, []),
])
def test_subheading_shapes(texts, taken, given):
    assert give_back_subheading(taken_lines(texts, taken, _STOP)) == given


def test_head_needs_more_shared_stems_than_the_body():
    assert HEAD_SUBHEADING_MIN_SHARED > 1


_HEADLINE = ("Fin des aides publiques, morosité économique : les plans de licenciement se "
             "multiplient")
_LEDE = ("L’annonce de Michelin, la semaine dernière, de fermer deux usines, l’une à Cholet et "
         "l’autre à Vannes, a surpris.")


@pytest.mark.parametrize(("line", "is_list"), [
    ("Le ParisienVincent Vérier,Erwan Benezet,Matthieu Pelloli", True),  # fr-a-0031
    # de-e-0018's caption: "Kramp-Karrenbauer" is no name of _person_name's shape
    ("Friedrich Merz, Annegret Kramp-Karrenbauer, Jens Spahn", False),
    # TRAIN furniture: tag lists and a section menu
    ("Medien, Gesellschaft, Technologie, Psychologie", False),  # de-m-0016
    ("Aggiornamenti, Cronaca, Notizie, Ultim'ora", False),  # it-e-0006
    ("Bad Aibling, Zugunglück, Meridian", False),  # de-d-0003
    ("Élisabeth Fleury", False),  # one name: _person_name's
])
def test_name_list(line, is_list):
    assert _name_list(_Line(line, _STOP)) is is_list


def test_a_list_of_authors_under_the_headline_is_given_back_without_the_line_under_it():
    """The byline stays; "Origine du document" under it (another site's source box) stays
    taken: a list of authors holds its outlet, the line under it is no "Le Soleil"."""
    lines = taken_lines([_HEADLINE, "Il vous reste 73.82% de cet article à lire.",
                         "Le ParisienVincent Vérier,Erwan Benezet,Matthieu Pelloli",
                         "Origine du document", "Comme une prise", _LEDE],
                        {1: "paywall_notice", 2: "context", 3: "context"}, _STOP)
    assert give_back_byline(lines) == [2]


def test_a_list_of_authors_above_the_headline_stays_taken():
    """The same byline above the headline: no byline's place (a caption of names there,
    de-e-0018's, is the photo's)."""
    lines = taken_lines(["Il vous reste 73.82% de cet article à lire.",
                         "Le ParisienVincent Vérier,Erwan Benezet,Matthieu Pelloli",
                         _HEADLINE, _LEDE],
                        {0: "paywall_notice", 1: "context"}, _STOP)
    assert give_back_byline(lines) == []


def test_name_list_needs_two_names():
    assert NAME_LIST_MIN_NAMES == 2
    assert not _name_list(_Line("Le Parisien, Vincent Vérier", _STOP))


# --- 1 MB lines ---------------------------------------------------------------------------------


def test_megabyte_lines_finish():
    """Comma runs, name pieces and heading-like lines of 1 MB, alone and between two
    paragraphs: the guards finish (no quadratic split or scan)."""
    stems = ["Vincent Vérier, ", ",", " , ", "Phèdre ", "440 000 ", "A,B ", "DE LOIRE "]
    assert_megabyte_lines_finish(stems, CFG)
    assert_megabyte_lines_finish(stems, CFG, before=_PAR + "\n\nPublicité\n\n",
                                 after="\n\nPartager\n\n" + _PAR + "\n")
    big = "Vincent Vérier, " * 60_000
    assert not _name_list(_Line(big, _STOP))

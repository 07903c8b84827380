"""Glued furniture, fourth pass: furniture glued inside a content line whose whole-line rule
could not cut it out (issue 10, round 38, branch glue53).

Of the 174 spans the TRAIN pages bracket per GUIDELINE rule 5, 42 stayed after round 37.
Listed by position, kind and site, three shapes recur on two sites or more; each is now cut at
the span pass (``detectors.judge_lines`` → ``detectors._glued_forms``), its words as data:

* an ad or related-article marker glued between two sentences ("… evangelisation.
  Advertisement Her missionary …", "… remaining. Recommended ArticleThe undefeated …"):
  ``detectors._glued_marker``, the markers ``glued_markers`` of en.json;
* a paywall flag or a relative time opening a teaser's headline ("Réservé aux abonnés
  L’artisanat …", "Il y a 1 an Hermès se paye …"): ``detectors._glued_head_flag``, the flags
  ``glued_head_flags`` of fr.json;
* a read-more link closing a teaser's summary that the tail reader missed: with the teaser's
  date glued after it ("… ... Voir plus2 février 2022": ``detectors._glued_link_before_date``,
  "voir plus" a ``more_labels`` word of fr.json), or a longer label ("[…]Leer noticia completa
  en la fuente original", a ``more_labels`` entry of es.json: read after a truncation mark).
"""

from __future__ import annotations

import pytest

from _helpers import assert_megabyte_lines_finish, bracketed_units, train_pages
from cleannews import CleanConfig
from cleannews.evaluate import GLUED_KIND
from test_glue52 import _cleaned  # a line between a French title and paragraph, stripped

CFG = CleanConfig(score_spin=False, quarantine=False)

#: (page, the start of a bracketed line, whether each of its spans stays): every real TRAIN
#: line the three shapes cut (a span of theirs went; fr-a-0092's tails are no shape of theirs).
CUT = [
    ("en-r35-0002", "MANORCUNNINGHAM’S Sr. Mary Barron", (False,)),  # "Advertisement "
    ("en-r35-0002", "THERE has been a quiet start", (False,)),  # "Advertisement "
    ("en-r35-0002", "Monday, June 10 10.09pm", (False,)),  # "Advertisement " before "(7-seater"
    ("en-r38-0004", "Thirteen minutes remain", (False,)),  # "Recommended Article" glued
    ("fr-r33-0008", "Réservé aux abonnés L’artisanat", (False,)),
    ("fr-r33-0008", "Réservé aux abonnés Bâtiment", (False,)),
    ("fr-r33-0008", "Réservé aux abonnés Le bâtiment", (False,)),
    ("fr-a-0092", "Il y a 1 an Entre garde à vue", (False, True)),  # " Gratuit" stays
    ("fr-a-0092", "Il y a 1 an « On n’est pas", (False, False)),  # " Abonnés" went before
    ("fr-a-0092", "Il y a 1 an Hermès", (False, False)),
    ("fr-r40-0019", "Lundi matin vers 5 h", (False,)),  # " Voir plus" before "2 février 2022"
    ("fr-r40-0019", "« Sur le plancher des vaches »", (False,)),
    ("fr-r40-0019", "Les impôts des entreprises", (False,)),
    ("es-m-0010", "Se ha puesto especial énfasis", (False,)),  # "Leer noticia completa en la …"
]


@pytest.mark.parametrize(("page", "start", "stays"), CUT)
def test_the_glued_span_goes_and_the_content_part_stays(page, start, stays):
    """Fails on the round-start code: the first span of each line below was left in."""
    assert bracketed_units(page, start) == [("C", True)] + [(GLUED_KIND, s) for s in stays]


def test_a_headline_a_rule_takes_alone_keeps_its_flag():
    """fr-r33-0008's "Réservé aux abonnés Photo de la semaine": cut, ``photo_by`` would take
    the rest as a credit and the teaser's title would go; the line stays as it was."""
    assert bracketed_units("fr-r33-0008", "Réservé aux abonnés Photo") == [
        ("C", True), (GLUED_KIND, True)]


EN = ("\nThe council approved the budget for next year after a long debate on the schools "
      "of the town.\n") * 3


@pytest.mark.parametrize(("line", "lang", "kept", "gone"), [
    ("The council met on Monday. Advertisement The mayor opened the session at noon.", EN,
     "The council met on Monday. The mayor opened the session at noon.", "Advertisement"),
    ("The team won again. Recommended ArticleThe coach praised his players after the game.", EN,
     "The team won again. The coach praised his players after the game.", "Recommended"),
    ("Réservé aux abonnés Le conseil municipal vote le budget de la ville", "",
     "Le conseil municipal vote le budget de la ville", "Réservé"),
    ("Il y a 3 jours Le conseil municipal a voté le budget de la ville", "",
     "Le conseil municipal a voté le budget de la ville", "Il y a 3 jours"),
    ("Le conseil municipal a voté le budget de la ville après un débat ... Voir plus"
     "12 mars 2024", "", "après un débat ...12 mars 2024", "Voir plus"),
])
def test_written_forms_the_text_stays(line, lang, kept, gone):
    """Fails on the round-start code (the furniture stayed glued)."""
    out = _cleaned(line, lang)
    assert kept in out and gone not in out


@pytest.mark.parametrize(("line", "lang"), [
    # the same words inside a sentence: nothing is cut
    ("The firm said. Advertisement revenue fell by a third over the year.", EN),
    ("The agency placed an Advertisement The Times refused to print in full.", EN),
    ("The board said the Recommended Article was dropped from the final text of the law.", EN),
    ("Le contenu est réservé aux abonnés Premium du site depuis le mois de mars.", ""),
    ("Réservé aux abonnés, le service sera ouvert à tous les habitants en mars.", ""),
    ("Il y a 2 ans, le maire avait promis une nouvelle salle des fêtes.", ""),
    ("Il y a 1 an de travaux devant nous avant la réouverture de la piscine.", ""),
    ("Le public pourra voir plus de cent tableaux jusqu'au 2 février 2022", ""),
    ("Le musée fermera ses portes... Voir plus loin, la ville annonce le 2 février 2022", ""),
])
def test_look_alike_sentences_stay_whole(line, lang):
    assert line in _cleaned(line, lang)


def test_no_train_content_line_loses_a_word():
    """On every TRAIN page the three shapes cut only bracketed spans: a content line they cut
    keeps its content part whole (the three readers run alone on every content line)."""
    from cleannews.strip._rules import match_text
    from cleannews.strip.detectors import (
        _glued_head_flag,
        _glued_link_before_date,
        _glued_marker,
        load_rules,
    )

    rs = load_rules(("fr", "en", "de", "es", "it"))
    content = [(rec["id"], lb) for rec, _, ls in train_pages() for lb in ls if lb.label == "C"]
    bad, cut_n = [], 0
    for page, lb in content:
        text = match_text(lb.text.strip())
        found = [*_glued_marker(text, rs), _glued_head_flag(text, rs),
                 _glued_link_before_date(text, rs)]
        for x in filter(None, found):
            cut_n += 1
            cut = text[x.start : x.end]
            if not any(cut.strip() in match_text(g) for g in lb.glued):
                bad.append((page, cut))
    assert not bad
    assert cut_n >= 15  # the 16 spans cut, less es-m-0010's label (read by _glued_links)


def test_adversarial_long_lines_finish():
    """No backtracking on a megabyte line of markers, flags, labels and dates."""
    assert_megabyte_lines_finish(
        ["x. Advertisement ", "Réservé aux abonnés ", "Il y a 1 an ", "... Voir plus2 mai 2022 "],
        CFG,
    )

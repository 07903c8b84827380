"""A word written with a capital where no sentence starts is a name's or a title's word, not a
writer's choice of a common word (round 38, spincap53; issue 11 item 5).

The context term reads folded text; before this round "la Coupe d’Europe" was read as
"coupe" chosen where "tasse" or "épreuve" could stand, "son Vie future" (a song) as "vie"
where "existence" fits better. ``_context.name_starts`` finds the capitals where no
sentence starts (``NAME_CAPITAL``: not after a sentence end, a colon, a quote or a dash);
``ContextTerm._read_pieces`` reads their words as words the table lacks, unless the article
before the word does not fit its initial (``spun_name``: "l’Collège", "la Arrêt": a spinner
replaced a word of a name and kept the capital and the old article).

The real sentences (sources quoted) fail on the round-start code (2cdbb154): the
capitalised word was the context term's best-fitting misfit; their look-alikes (the same
word in lower case, as a writer who chose it would write it, and the development spins'
capitalised substitutes) keep it.
"""

from __future__ import annotations

import pytest

import cleannews
from _helpers import train_doc
from cleannews.score import _context

#: (real sentence, its capitalised name word, source): the term does not read the word.
NAMES = [
    ("La Féline continue de provoquer l’extase musicale avec son Vie future qui fait partie "
     "des grands disques de 2019", "Vie", "TRAIN fr-r34-0030 (an album's title)"),
    ("Je croyais qu’il était trop difficile de remporter une demi-finale face au grand Stade "
     "Toulousain, une semaine après avoir disputé une finale de Coupe d’Europe aussi âpre.",
     "Coupe", "TRAIN fr-b-0049"),
    ("Citer le titre de quelques lauréats de la Palme d’or donne le tournis : Orson Welles, "
     "Billy Wilder, Federico Fellini, Luchino Visconti, Jacques Demy…", "Palme",
     "TRAIN fr-b-0136"),
    ("L’établissement de la maison d’éducation d’Ecouen, pour les filles des membres de la "
     "Légion d’honneur, est réuni à la maison de St.", "Légion",
     "dev negatives literary-fcfc2897de5e"),
    ("La découverte a été effectuée par le télescope spatial Kepler : une étoile semblable à "
     "notre Soleil avec six planètes de taille intermédiaire gravitant autour d'elle.",
     "Soleil", "TRAIN fr-r37-0006"),
]

#: (spun look-alike, its word): the development spins' capitalised substitutes after an
#: article that does not fit them (``fixtures/spin/validation.jsonl.gz``), read as before.
SPUN = [
    ("Il continue en cette ville jusqu'dans 1985 à l'Collège des arts, avant d'acheminer à "
     "l'Université Harvard.", "Collège"),  # UD_French-GSD:fr-ud-dev:29:naive:0.5
    ("Et menace comme saisir un Conseil député si les projets du gouvernement non respectent "
     "chenal l'article 3 de la Arrêt qui dispose que \"la agencement favorise l'pair accès "
     "quelques femmes et quelques hommes aux mandats électoraux plus fonctions électives\".",
     "Arrêt"),  # UD_French-Sequoia:annodis:136:naive:0.5
    ("Moi-même suis déjà politicien, je pourrais devenir astronaute, un premier astronaute "
     "retraité de l'Fédération européenne.", "Fédération"),  # Europar:277:naive:0.5
]

def _best_word(text: str) -> str | None:
    """The word whose synonym fits best in the context term's analysis of ``text``."""
    best = _context.get_context_term().analyse(text)["best"]
    return None if best is None else text[best[1][0]:best[1][1]]


@pytest.mark.parametrize(("text", "word", "source"), NAMES, ids=[s for _t, _w, s in NAMES])
def test_real_name_word_is_not_read(text, word, source):
    assert _best_word(text) != word, source


@pytest.mark.parametrize(("text", "word"), [(t, w) for t, w, _s in NAMES] + SPUN,
                         ids=[w for _t, w, _s in NAMES] + [w for _t, w in SPUN])
def test_name_capital_is_found(text, word):
    assert text.index(word) in _context.name_starts(text)


@pytest.mark.parametrize(("text", "word", "source"), NAMES, ids=[s for _t, _w, s in NAMES])
def test_lower_case_look_alike_is_still_read(text, word, source):
    """The same word written in lower case (a writer's or a spinner's choice of that word)."""
    low = text.replace(word, word.lower(), 1)
    assert _best_word(low) == word.lower(), source


@pytest.mark.parametrize(("text", "word"), SPUN, ids=[w for _t, w in SPUN])
def test_spun_capitalised_substitute_is_still_read(text, word):
    assert _best_word(text) == word


def test_sentence_starts_are_read():
    """A capital after a sentence end, a colon, a quote or a dash may open a sentence."""
    text = "Il part. Coupe franche : Palme au vainqueur, « Vie » — Soleil levant."
    assert _context.name_starts(text) == frozenset()


def test_train_album_title_page_is_clean():
    """TRAIN fr-r34-0030 (a review naming La Féline's album "Vie future") was ``suspect``,
    its context evidence that title's "Vie"."""
    _page, labelled = train_doc("fr-r34-0030")
    text = "\n".join(line.text for line in labelled if line.content)
    assert cleannews.spin_score(text).label == "clean"

"""A spinner's substitute inside a name whose article cannot agree with it in gender or number
is read as a choice of words again (round 39, spingender54; issue 11).

Round 38 (spincap53, ``tests/test_spincap53.py``) made the context term leave out a word
capitalised mid-sentence after a function word (a name's or a title's word), unless the
article before it does not fit its initial ("l'Collège"). A spinner that replaced a word of
a name keeps the capital and the old article: "la Commission" becomes "la Pouvoir", "le
ministre des Finances" "le ministre des Fiscalité". ``_context.agreement_clash`` reads the
article's gender and number (the grammar checks' ``DET_GENDER`` / ``DET_PLURAL``) against a
capitalised thesaurus noun of the lexicon of the other gender (or singular only) and marks
such a word as a spinner's; ``name_tokens`` then leaves it in the reading.

The spun sentences (``fixtures/spin/validation.jsonl.gz``, ids quoted) fail on the
round-start code (d2ec2c1b): their substitute was left out as a name's word. The human
sentences (development sets, sources quoted; a few names of the brief written as
sentences) keep their name's word out of the reading, before and after.
"""

from __future__ import annotations

import pytest

from cleannews.score import _context

#: (spun sentence, its substitute, validation record): the article cannot agree with it.
SPUN = [
    ("Monsieur le Président, lésine socialistes appuient lésine efforts déployés par la "
     "Pouvoir pour instaurer un marché intérieur des services financiers transparent et "
     "boisson.", "Pouvoir", "UD_French-Sequoia:Europar:198:naive:0.5"),
    ("Des liens financiers avec les nazis existaient depuis 1936, quand le ministre des "
     "Fiscalité allemand Hjalmar Schacht avait rendu visite au prince pour mettre en place un "
     "montage financier", "Fiscalité", "UD_French-GSD:fr-ud-dev:57:naive:0.2"),
    ("D'autre part, nous ne souscrivions pas à l'pensée du Chambre en ce qui concerne la "
     "limite d'âge pour la prise des empreintes digitales.", "Chambre",
     "UD_French-Sequoia:Europar:187:naive:0.1"),
    ("Dans sa conte ouverture, la Commission reprend la conclusion proposée par le "
     "Convention, dans savoir l'effacement des occasion", "Convention",
     "UD_French-Sequoia:Europar:187:naive:0.5"),
    ("Présidée par Henri Jooris, la Parti du Polaire crée singulièrement la Division "
     "d'Honneur, plus pointe niveau local", "Parti", "UD_French-GSD:fr-ud-dev:63:naive:0.5"),
]

#: (human sentence, its name's word, source): no spinner's mark, the word stays out.
HUMAN = [
    ("La Féline continue de provoquer l’extase musicale avec son Vie future qui fait partie "
     "des grands disques de 2019", "Vie", "TRAIN fr-r34-0030 (a possessive before an album)"),
    ("Fondé en 2014, le studio a proposé plusieurs petits jeux modestes, dont les Danger Zone "
     "et Dangerous Driving qui étaient déjà inspirés des jeux", "Danger",
     "TRAIN fr-f-0050 (a game's English title)"),
    ("Placer son épargne dans les Livret B (ou livret bancaire) ne semble pas non plus être "
     "une bonne idée", "Livret", "TRAIN fr-r44-0015"),
    ("le commissaire Mario Cecchini a rencontré les médias, vendredi, à l’Hôtel Le Bonne "
     "Entente de Québec.", "Bonne", "TRAIN fr-r36-0009 (a hotel)"),
    ("Bref, la sénatrice a pu constater que plusieurs Canadiens sont convaincus qu’un Canada "
     "bilingue, c’est un Canada qui est plus fort, plus solide.", "Canada",
     "TRAIN fr-r35-0015 (no thesaurus word)"),
    ("De son côté, le directeur général du Science & Technology Facilities Council britannique, "
     "John Womersley a déclaré", "Science", "dev negatives news-313e04cc0a23"),
    ("ce pacha ne peut tenir loin de sa couche le plus notoire des Don Juan car, hélas ! tous "
     "les poissons ont un lit commun.", "Don", "dev negatives translated-6d03124b7721"),
    ("C'est un violent face-à-face qui s’est produit entre deux SUV, une Hyundai et une "
     "Peugeot 5008 de la gendarmerie nationale.", "Peugeot", "dev negatives news-f0ac25ce6fa3"),
    ("Il va venir percuter le Boeing de la Pan Am sur son travers à près de 30 km/h.", "Pan",
     "UD French-GSD fr-ud-dev_00445"),
    ("Le titre de la Juventus, selon le Monde, écrit le Figaro, fait la une des Echos, et la "
     "Poste émet un timbre.", "Monde", "names of the brief"),
    ("Le titre de la Juventus, selon le Monde, écrit le Figaro, fait la une des Echos, et la "
     "Poste émet un timbre.", "Poste", "names of the brief"),
    ("Il relit le Rouge et le Noir avant la Mostra de Venise.", "Noir", "names of the brief"),
]


def _reading_skips(text: str, word: str) -> bool:
    """True when the context term leaves ``word`` (its first occurrence after the text's
    first character) out of the reading as a name's word (``name_tokens``)."""
    read = _context.context_tokens(text)
    toks, starts = [t for t, _ in read], [a for _, a in read]
    at = starts.index(text.index(word, 1))
    return at in _context.name_tokens(text, toks, starts)


@pytest.mark.parametrize(("text", "word", "record"), SPUN, ids=[w for _t, w, _r in SPUN])
def test_spun_substitute_after_a_clashing_article_is_read(text, word, record):
    assert word[0].isupper() and text.index(word) in _context.name_starts(text), record
    assert not _reading_skips(text, word), record


@pytest.mark.parametrize(("text", "word", "source"), HUMAN,
                         ids=[f"{w}-{s.split()[1]}" for _t, w, s in HUMAN])
def test_human_name_word_stays_out_of_the_reading(text, word, source):
    assert _reading_skips(text, word), source


def test_spun_substitute_is_the_best_fitting_misfit():
    """The "la Pouvoir" spin (Europarl): the term's best-fitting misfit is the substitute,
    as it is when the spinner writes it in lower case."""
    text = SPUN[0][0]
    best = _context.get_context_term().analyse(text)["best"]
    assert text[best[1][0]:best[1][1]] == "Pouvoir"


def test_agreement_clash_reads_the_grammar_checks_articles():
    """Gender after "le"/"la"/"un"/"du"/"au", number after "les"/"des"/"aux"; the noun of both
    genders ("poste"), an acronym, a possessive and a multi-word name are no clash."""
    clash = _context.agreement_clash
    assert clash("un", "chambre", "Chambre", False) and clash("au", "multitude", "Multitude", False)
    assert clash("aux", "trésorerie", "Trésorerie", False)
    assert not clash("la", "poste", "Poste", False)
    assert not clash("la", "can", "CAN", False)
    assert not clash("son", "vie", "Vie", False)
    assert not clash("les", "danger", "Danger", True)
    assert not clash("les", "échos", "Échos", False)

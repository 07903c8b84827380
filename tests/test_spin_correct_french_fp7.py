"""Correct and colloquial French that the grammar detectors must not count (spin-fp7).

Constructions found among the highest-scoring human development documents (negatives
``dev`` split, UD documents): stage dialogue and patois with written schwa deletion
("J'vous", "c'que", "j'suis"), code elements dropped by a scraper ("la valeur de est"),
"son humeur" and
adjectives agreeing with coordinated nouns. The texts below are written for these tests (no
corpus text); the spinner damage next to them must still count.
"""

from __future__ import annotations

import pytest

import cleannews
from cleannews.score._features import SLIP_PRIORITY, analyse, speech_marks

GRAMMAR = frozenset(SLIP_PRIORITY)


def counted_grammar(text: str) -> list[tuple[str, str]]:
    """``(signal, text)`` of the grammar hits of ``text`` that count."""
    a = analyse(text)
    spans = [m.span() for m in a.matches]
    return [
        (h.signal, text[spans[h.first][0] : spans[h.last][1]])
        for h in a.hits
        if h.signal in GRAMMAR and h.counted
    ]


@pytest.mark.parametrize(
    "phrase",
    [
        "J'vous dirai tout demain matin.",  # rule 1: elided clitic before a pronoun
        "C'que tu racontes là, c'est faux.",
        "Il dit qu'j'ai menti.",  # before another elided clitic
        "On s'est emparé d'mon manteau.",
        "Mais j'ne vous presse point.",
        "Réglez la valeur de est à zéro dans le fichier.",  # rule 3: a dropped code element
        "Cela indique que a été installé hier.",
        "Les scripts de en ligne sont lancés.",
        "Il a gardé son humeur joyeuse.",  # rule 5: possessive before a mute h
        "Elle craint mon humeur du matin.",
        "Étudié chez des hommes et femmes âgés de 50 ans.",  # rule 7: coordinated nouns
    ],
)
def test_correct_or_colloquial_french_has_no_counted_grammar_hit(phrase):
    assert counted_grammar(phrase) == []


@pytest.mark.parametrize(
    ("phrase", "signal"),
    [
        ("Le site est prêt à l’fonction publique.", "elision"),
        ("Le projet de éventualité avance.", "elision"),
        ("Nous avons vu la contingentement des sites.", "gender_agreement"),
        ("Un escabeau régionale trône au salon.", "adjective_agreement"),
        ("Les trio de la ville jouent.", "number_agreement"),
        ("Les service fiscaux ferment.", "number_agreement"),
        # a naive spinner's function-word substitutes after a clitic ("d'un" -> "d'le")
        ("Le maire parle d'le projet de la ville.", "elision"),
        ("Il pense qu'ça ira mieux demain.", "elision"),
        ("Le projet de avoir une gare avance.", "elision"),
        ("Un conflit entre les femmes et hommes âgée.", "adjective_agreement"),
    ],
)
def test_spinner_damage_next_to_these_rules_still_counts(phrase, signal):
    assert signal in [s for s, _ in counted_grammar(phrase)]


DIALOGUE = (
    "Ben quoi, j'vous l'avais bien dit, moi, qu'j'étais pas d'accord avec c'marché-là !\n"
    "Allons, calmez-vous, père Mathurin, et racontez-moi tout depuis l'commencement.\n"
    "C'que j'sais, c'est qu'j'suis parti d'bon matin avec mes deux vaches, "
    "que j'comptais vendre à la foire. Et v'là qu'un grand gaillard m'arrête su'l'chemin "
    "et m'dit qu'il m'en donne l'double d'leur prix si j'les lui laisse sans attendre.\n"
    "Et vous avez accepté, naturellement ?\n"
    "Ben oui, pardi ! Mais l'argent qu'il m'a mis dans la main, c'était d'la fausse monnaie, "
    "et j'm'en suis aperçu qu'au cabaret, quand l'patron m'a ri au nez d'vant tout l'monde. "
    "J'vous jure, monsieur l'juge, qu'j'y r'prendrai plus jamais !"
)


def test_speech_register_dialogue_stays_clean():
    """Stage dialogue with written schwa deletion: its consonant elisions count nowhere."""
    assert speech_marks(*_toks(DIALOGUE)) >= 2
    assert [s for s, _ in counted_grammar(DIALOGUE) if s == "elision"] == []
    s = cleannews.spin_score(DIALOGUE)
    assert s.label == "clean", (s.score, s.label)
    shown = [e for e in s.evidence if "speech register" in e.reason]
    assert shown and all(e.weight == 0 for e in shown)


def _toks(text: str) -> tuple[list[str], list[str]]:
    toks = [m.group() for m in analyse(text).matches]
    return toks, [t.lower() for t in toks]


def test_one_speech_mark_is_not_a_register():
    """One "J'vous" in a news text leaves the spinner's "l'fonction" counted."""
    text = "« J'vous l'avais dit », lance le maire. Le site est prêt à l’fonction publique."
    assert speech_marks(*_toks(text)) == 1
    assert ("elision", "l’fonction") in counted_grammar(text)


def test_english_contractions_are_not_speech_marks():
    """An English quote ("don't", "it's") is not French written speech."""
    text = "« We don't know, it's early », dit-il. Le site est prêt à l’fonction publique."
    assert speech_marks(*_toks(text)) == 0
    assert ("elision", "l’fonction") in counted_grammar(text)


def test_names_and_standard_apostrophes_are_not_speech_marks():
    text = "O'Brien et sa grand'mère ont vu quelqu'un à la Commedia dell'Arte."
    assert speech_marks(*_toks(text)) == 0


def test_standard_elisions_are_not_speech_marks():
    """"qu'il", "puisqu'il", "j'en", "l'a" are standard French, not written speech."""
    text = "Puisqu'il le faut, j'en parlerai : qu'il vienne, on l'a prévenu. Prêt à l’fonction."
    assert speech_marks(*_toks(text)) == 0
    assert ("elision", "l’fonction") in counted_grammar(text)

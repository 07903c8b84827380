"""Correct French the spin detector's grammar checks marked (round 38, spinclean53; issue 11).

Each construction is a real sentence (its source quoted) that must give no grammar hit, and
its spun look-alike (the same construction with the word a spinner would put there) that
must still raise the hit:

* ``le in`` / ``le off`` (the Avignon festival's two halves): English loans French writes
  unelided (``no_elision_before``);
* ``rock n’roll``: the English "and", no French elision (``foreign_after_clitic``);
* ``le umask``, ``de agetty``, ``me alienum``, ``la e-208``: words the lexicon does not know
  (commands, Latin, brands) take no French elision (``unknown_word``);
* ``vingt pourcent``, ``l’an deux mil onze``, ``dix mil livres``: invariable nouns
  (``invariable_nouns``);
* ``J'parlerons``: "je" with a first person plural verb is stage patois
  (``patois_first_plural``);
* ``la g`` (a word the page cut), ``la f ormation``: one letter after an article is no noun
  whose gender can be read (``MIN_GENDER_NOUN_LEN``).

Every test of the first kind fails on the round-start code (e1d6360b).
"""

from __future__ import annotations

import json

import pytest

import cleannews
from _helpers import ROOT, train_doc
from cleannews.score._features import analyse

GRAMMAR = ("elision", "contraction", "gender_agreement", "number_agreement",
           "adjective_agreement", "function_word")


def _grammar(text: str) -> list[tuple[str, str]]:
    """(signal, reason) of the grammar hits of ``text``."""
    return [(h.signal, h.reason) for h in analyse(text).hits if h.signal in GRAMMAR]


#: (real sentence, its source): each must give no grammar hit.
CORRECT = [
    ("On connaît tous le in et le off d’Avignon, sans toujours savoir ce à quoi "
     "correspondent ces petits appendices lexicaux anglais.", "TRAIN fr-r34-0010"),
    ("assez à ceux qui ne veulent que du In, c’est à dire du festival d’Avignon, le off "
     "n’existant pas au regard de tous ces cadres cravatés.", "TRAIN fr-r29-0023"),
    ("Demi Mondaine est également un groupe de rock n'roll parisien.",
     "UD French-GSD dev (CC BY-SA 4.0)"),
    ("Les variables BASH_VERSINFO, DISPLAY, EUID et UID ainsi que le umask sont mémorisés au "
     "moment de l'invocation.", "dev negatives technical-f55da1079a32 (bash manpage)"),
    ("La sortie correcte dépend du terminal et de la ligne de commande de agetty.",
     "dev negatives technical-a3675df1c451 (manpages-fr)"),
    ("Homo sum : humani nihil a me alienum puto.", "dev negatives scientific-7b96f6443979"),
    ("Il peut s'agir de Koláčky (petites tartes) ou encore de ovocné knedliky (quenelles aux "
     "fruits).", "UD French-GSD dev (CC BY-SA 4.0)"),
    ("En termes d’autonomie, de performances et d’équipement, la e-208 de Peugeot n’a "
     "probablement pas d’égale.", "TRAIN fr-r42-0002"),
    ("Plus de vingt pourcent d’entre eux vivent sous le seuil de pauvreté.",
     "Common Voice French sentences, Assemblée nationale debates (CC0)"),
    ("L’an deux mil onze, le jeudi 12 mai, à vingt heures trente, le Conseil Municipal s’est "
     "réuni.", "TRAIN fr-e-0001"),
    ("A monsieur de Salcedde, dix mil livres.",
     "Common Voice French sentences, gutenberg/48477.txt (CC0)"),
    ("Un prestataire compétent dans la g", "TRAIN fr-a-0162 (a word the page cut)"),
    ("Jarni ! J'parlerons iroquois, si cela vous fait plaisir.",
     "FreDraCor monselet-enfer (CC BY-NC-SA 4.0)"),
    ("Oui. J'venons en témoigner notre reconnaissance.", "dev negatives literary-7d6856c3e497"),
    ("et avoir suivi la f ormation spécifique de coordonnateur SPS",
     "dev negatives legal-3f7f6e90d3c5 (fiches-travail)"),
]


@pytest.mark.parametrize(("text", "source"), CORRECT, ids=[s for _, s in CORRECT])
def test_real_correct_french_gives_no_grammar_hit(text, source):
    assert _grammar(text) == [], source


#: The same constructions in a spinner's copy: the hit must stay.
SPUN = [
    ("On connaît tous le intérieur et le extérieur d’Avignon.", "elision",
     "missing elision before a vowel: le intérieur"),
    ("Un groupe de rock n’balancer parisien.", "elision",
     "elided article before a consonant: n’balancer"),
    ("Les variables ainsi que le usage sont mémorisés.", "elision",
     "missing elision before a vowel: le usage"),
    ("La ligne de commande de ordinateur.", "elision",
     "missing elision before a vowel: de ordinateur"),
    ("Plus de vingt pourcentage d’entre eux vivent sous le seuil de pauvreté.",
     "number_agreement", "plural determiner before a singular noun: vingt pourcentage"),
    ("A monsieur de Salcedde, dix millier livres.", "number_agreement",
     "plural determiner before a singular noun: dix millier"),
    ("Un prestataire compétent dans la domaine", "gender_agreement",
     "article gender clash: la domaine (masculine)"),
    ("Alors j’possède une maison.", "elision",
     "elided article before a consonant: j’possède"),
    ("Il est parti cette an pour Lyon.", "gender_agreement",
     "article gender clash: cette an (masculine)"),
]


@pytest.mark.parametrize(("text", "signal", "reason"), SPUN, ids=[r for _, _, r in SPUN])
def test_spun_look_alike_still_raises_its_hit(text, signal, reason):
    assert (signal, reason) in _grammar(text)


def test_train_page_with_le_in_and_le_off_is_clean():
    """The TRAIN page fr-r34-0010 (Avignon's "in" and "off") was ``suspect`` from its four
    unelided "le in"/"le off" alone; its other evidence is a few rare words."""
    _page, labelled = train_doc("fr-r34-0010")
    text = "\n".join(line.text for line in labelled if line.content)
    assert cleannews.spin_score(text).label == "clean"


def _tricky_docs() -> list[dict]:
    path = ROOT / "fixtures/spin/tricky_french53.jsonl"
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.mark.parametrize("doc", _tricky_docs(), ids=lambda d: d["id"])
def test_tricky_documents_are_clean(doc):
    """Whole documents of correct French (sources and licences in the fixture) the detector
    marked ``suspect`` from two false grammar slips ("dix mil" + the old "la bonnet")."""
    s = cleannews.spin_score(doc["text"])
    assert s.label == "clean", [(e.signal, e.text) for e in s.evidence if e.weight > 0.5]


def test_spun_seed_003_still_quarantined():
    seed = next((ROOT / "seeds").glob("003_*.txt")).read_text("utf-8")
    assert cleannews.spin_score(seed).score >= 0.9

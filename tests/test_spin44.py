"""Round 34, spin44 (issue 11 item 4, faithful explanations; item 5, correct French stays clean).

1. Every evidence item quotes the word it names, also in text whose lower case is longer
   than the text ("İstanbul": the context term reads a folded copy of each paragraph, and
   its offsets reach the input through ``_context.folded_span``). Before round 34 the
   context item of such a paragraph started off by the difference and ran to the end of
   the paragraph ("hère Belgique …" for "chère").
2. A feminine possessive before a vowel-initial or mute-h word ("sa amie" for "son amie") is
   a gender slip; the tricky correct French of :data:`CORRECT_POSSESSIVES` stays clean.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import unicodedata
from pathlib import Path

import pytest

import cleannews
from cleannews.score._features import analyse

ROOT = Path(__file__).resolve().parent.parent


def fold(text: str) -> str:
    """The count table's spelling of a word: lower case, straight apostrophes."""
    return text.lower().replace("’", "'").replace("ʼ", "'")

#: Characters inserted before the evidence: "İ" is the letter whose lower case is longer.
INSERTS = ("À İstanbul, ", "İİ ", "İzmir et İnönü : ", "İ")


def _spun_texts(n: int) -> list[str]:
    """The first ``n`` spun documents of the development validation set and seed 003."""
    out = [(ROOT / "seeds" / "003_d0613672c8185330.txt").read_text(encoding="utf-8")]
    with gzip.open(ROOT / "fixtures/spin/validation.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("label") == 1 and len(out) < n:
                out.append(rec["text"])
    return out


def _with_inserts(text: str, rng: random.Random, before: int) -> str:
    """``text`` with a few ``INSERTS`` put at word starts before offset ``before`` (always
    one at the start of the line that holds ``before``)."""
    line_start = text.rfind("\n", 0, before) + 1
    starts = [m.start() for m in re.finditer(r"(?<![\w’'-])\w", text[:before])]
    cuts = {line_start, *rng.sample(starts, min(3, len(starts)))}
    for k in sorted(cuts, reverse=True):
        text = text[:k] + rng.choice(INSERTS) + text[k:]
    return text


def _assert_quotes(text: str, score) -> int:
    """Each evidence item quotes ``text`` at its span and names that word; the number of
    context items."""
    n_context = 0
    for e in score.evidence:
        a, b = e.span
        assert text[a:b] == e.text, (e, text[a:b])
        if e.signal == "context":
            n_context += 1
            word = re.match(r"context: '([^']*)'", e.reason).group(1)
            quoted = fold(unicodedata.normalize("NFC", text[a:b]))
            assert quoted == word, (quoted, word, e.reason[:80])
        else:  # the reason names the span's first and last words (an article gender clash
            # across a word names the pair: "la même profil", "article gender clash: la
            # profil"; round 40's grown kind prior gave that spin a context item, so the
            # check reaches it)
            words = unicodedata.normalize("NFC", e.text).split()
            assert words[0] in e.reason and words[-1] in e.reason, (e.text, e.reason)
    return n_context


def test_evidence_quotes_its_word_after_letters_whose_lower_case_is_longer() -> None:
    rng = random.Random(34)
    texts = _spun_texts(60)
    n_moved = 0
    for text in texts:
        s = cleannews.spin_score(text)
        ctx = [e for e in s.evidence if e.signal == "context"]
        if not ctx:
            continue
        changed = _with_inserts(text, rng, ctx[0].span[0])
        for variant in (changed, unicodedata.normalize("NFD", changed)):
            got = cleannews.spin_score(variant)
            if _assert_quotes(variant, got):
                n_moved += 1
    # the check covered many context items placed after an "İ" of their paragraph
    assert n_moved >= 60, n_moved


def test_context_item_of_a_paragraph_with_a_dotted_capital_i() -> None:
    text = (ROOT / "seeds" / "003_d0613672c8185330.txt").read_text(encoding="utf-8")
    ctx = next(e for e in cleannews.spin_score(text).evidence if e.signal == "context")
    a = text.rfind("\n", 0, ctx.span[0]) + 1
    changed = text[:a] + "À İstanbul, " + text[a:]
    got = next(e for e in cleannews.spin_score(changed).evidence if e.signal == "context")
    assert got.text == ctx.text == changed[got.span[0]:got.span[1]]
    assert got.span == (ctx.span[0] + len("À İstanbul, "), ctx.span[1] + len("À İstanbul, "))


# --- 2. the possessive slip --------------------------------------------------------------

#: A feminine possessive before a vowel-initial or mute-h word: spinners' slips.
POSSESSIVE_SLIPS = [
    "Elle a retrouvé sa amie au marché.",
    "Il a vendu ta ancienne voiture.",
    "Je pense à ma enfance chaque jour.",
    "Il a décrit sa histoire devant le juge.",
    "Le ministre a défendu sa action au Sénat.",
    "Sa énième tentative a échoué.",
    "Elle boit sa eau fraîche.",
]

#: Correct French around possessives and gender that no gender detector may flag.
CORRECT_POSSESSIVES = [
    "Elle raconte son histoire à son amie.",
    "Il admire son habileté et son adresse.",
    "Mon amie est arrivée avec ton épouse.",
    "Il a pris sa hache et sa houe.",
    "Elle cache sa honte et sa haine.",
    "Il a passé son après-midi à lire.",
    "Sa hauteur impressionne les visiteurs.",
    "Le son de sa voix a changé.",
    "Le son est mauvais dans cette salle.",
    "Son Heung-min a marqué deux buts.",
    "La Féline présente son Vie future sur scène.",
    "Il a lu son Histoire de France.",
    "Elle a sa une dans le journal.",
    "Il prend sa onzième victoire.",
    "Elle mange sa ouate de sucre.",
    "Il a fêté sa yourte neuve.",
    "Ma, ta et sa sont des possessifs féminins.",
    "Le groupe publie son album « Ma Anthologie ».",
    "Il chante « ma anche io » en italien, puis « ma è vero ».",
    "Non lo sa ancora, dit-il en italien.",
    "La SA immobilière a publié ses comptes.",
    "Son intéressante famille vit à Lyon.",
    "Mon ancienne maîtresse habite ici.",
    "Ton énorme maison et ton immense jardin.",
    "Elle a perdu son élan et sa hargne.",
    "Sa Hauteur le prince est arrivé.",
    "Il évoque son œuvre et son œnologie préférée.",
    "Il félicite son aide de camp.",
    "Ma foi, il a raison.",
    "Sa Majesté a parlé.",
    "Il défend son orgueil et sa hardiesse.",
    "Elle garde sa hotte et sa housse.",
    "Elle a vendu sa Opel et sa Audi.",
    "Son énième tentative a échoué.",
]

_GENDER = ("gender_agreement",)


def _gender_hits(sentence: str) -> list[str]:
    return [h.reason for h in analyse(sentence).hits if h.signal in _GENDER]


@pytest.mark.parametrize("sentence", POSSESSIVE_SLIPS)
def test_feminine_possessive_before_a_vowel_is_a_gender_slip(sentence: str) -> None:
    assert _gender_hits(sentence), sentence


@pytest.mark.parametrize("sentence", CORRECT_POSSESSIVES)
def test_correct_possessives_stay_clean(sentence: str) -> None:
    assert _gender_hits(sentence) == [], sentence


def assert_one_slip_never_quarantines(sentence: str, slip: str) -> None:
    """Each clean seed with ``sentence`` put in the middle is not spun, and ``slip`` is its one
    counted gender slip (the lone-slip rules; also used by ``tests/test_lite46.py``)."""
    for name in ("000", "001", "002", "004"):
        path = next((ROOT / "seeds").glob(f"{name}_*.txt"))
        text = path.read_text(encoding="utf-8")
        cut = text.index(". ", len(text) // 2) + 2
        text = text[:cut] + sentence + " " + text[cut:]
        s = cleannews.spin_score(text)
        slips = [e for e in s.evidence if e.signal == "gender_agreement" and e.weight > 0]
        assert [e.text for e in slips] == [slip], (name, slips)
        assert s.label != "spun", (name, s.score)


def test_one_possessive_slip_in_human_text_never_quarantines() -> None:
    """The lone-slip rules hold for the new slip: each clean seed with one "sa amie" added is
    not spun, and the slip is one counted gender slip."""
    assert_one_slip_never_quarantines("Elle a retrouvé sa amie au marché.", "sa amie")

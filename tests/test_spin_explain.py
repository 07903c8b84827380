"""Correct French stays clean, and the spin explanation is faithful and bounded (issue 11).

* ``fixtures/spin/correct_french.jsonl``: documents of correct French of several genres
  (news, speech, legal, medical, chemistry, FAQ, lists, literary, quotes in English),
  each built around constructions that used to raise false alarms; every one must
  stay ``clean`` and the named construction must not be reported as damage.
* The explanation adds up: intercept + feature contributions + rule adjustment is the
  logit of the score, weights are never negative, no feature exceeds its cap, and
  evidence weights add up to their kind's contribution.
* A quarantine needs two kinds of evidence or one kind in several paragraphs.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import cleannews
from _helpers import first_per_group, read_jsonl
from cleannews.score import _GRAMMAR, KIND_MIN_TOKENS, RULE_MARGIN
from cleannews.score._decision import (
    DECIDED_LOGIT,
    GRAMMAR_SCATTER_MIN_PARAGRAPHS,
    GRAMMAR_SCATTER_MIN_SLIPS,
)
from cleannews.score._features import analyse
from cleannews.score._model import get_model, logit

ROOT = Path(__file__).parent.parent
CORRECT = [
    json.loads(line)
    for line in (ROOT / "fixtures/spin/correct_french.jsonl").read_text("utf-8").splitlines()
]
QUARANTINE = cleannews.DEFAULT_CONFIG.spin_quarantine_threshold
GRAMMAR = _GRAMMAR  # the grammar signals, as the scorer groups them


def _validation(n_per_group: int = 12) -> list[dict]:
    """A deterministic sample of the held-out validation set: clean and every spinner group."""
    return first_per_group(read_jsonl(ROOT / "fixtures/spin/validation.jsonl.gz"), n_per_group,
                           lambda r: f"{r['mode']}@{r.get('partial', r['rate'])}")


@pytest.mark.parametrize("doc", CORRECT, ids=[d["id"] for d in CORRECT])
def test_correct_french_stays_clean(doc):
    s = cleannews.spin_score(doc["text"])
    assert s.label == "clean", (doc["id"], s.score, [(e.signal, e.text) for e in s.evidence])
    assert cleannews.clean(doc["text"]).verdict == "keep"


def _grammar_texts(text: str) -> list[str]:
    return [
        text[a.matches[h.first].start() : a.matches[h.last].end()]
        for a in [analyse(text)]
        for h in a.hits
        if h.signal in GRAMMAR
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Il a prononcé son homélie devant la foule.",  # possessive before h muet feminine
        "Elle raconte son histoire et son aventure.",  # possessive before vowel feminine
        "L’attaquant Serge N’Guessan a signé mercredi.",  # elision inside a name
        "Je pense que on a pas été prévenus.",  # spoken: unelided que
        "Je crois que il faut partir et que elle reste.",
        "Le hurlement des sirènes a réveillé le quartier.",  # rare h aspiré word
        "La ou les personnes concernées seront prévenues.",
        "Le ou les logements seront restitués.",
        "Le bal commence à vingt et une heures.",  # "une heures" is a numeral
        "Les père et mère exercent en commun l’autorité parentale.",  # coordinated singulars
        "Indiquez vos nom et prénom.",
        "Il faut une carte de séjour pluriannuelle.",  # adjective agrees with "carte"
        "Les organisations d’employeurs représentatives ont signé.",
        "Il a perdu son intéressante famille.",  # possessive before a vowel-initial adjective
        "Il était de mauvaise humeur, d’humeur changeante, et l’humeur passa.",
        "Lorsque au matin il partit, puisque aussi bien tout était dit.",
        "Pour beaucoup, cet élection sera un test.",  # one human typo: evidence, no verdict
    ],
)
def test_correct_constructions_are_not_grammar_damage(sentence):
    found = _grammar_texts(sentence)
    if "cet élection" in sentence:
        assert found == ["cet élection"]  # still reported, as a single piece of evidence
    else:
        assert found == [], found


@pytest.mark.parametrize(
    "sentence,word",
    [
        ("Les patients présentant une insuffisance rénale sont exclus.", "présentant"),
        ("Les parties, agissant en leur nom, signent le contrat.", "agissant"),
        ("Un communiqué commun publié mercredi annonce la fusion.", "mercredi"),
        ("Je veux dire merci aux supporters.", "dire"),
        ("Il se sent une responsabilité envers eux.", "envers"),
    ],
)
def test_common_words_and_participles_are_not_context_misfits(sentence, word):
    a = analyse(sentence)
    misfits = [a.matches[h.first].group() for h in a.hits if h.signal == "pos_context"]
    assert word not in misfits


def test_one_typo_alone_never_quarantines():
    doc = next(d for d in CORRECT if d["id"] == "typo-cet")
    s = cleannews.spin_score(doc["text"])
    assert [e.text for e in s.evidence if e.signal == "gender_agreement"] == ["cet élection"]
    assert s.label == "clean"
    # the same typo three times in one paragraph: one kind, one paragraph -> never "spun"
    text = doc["text"].replace("cet élection", "cet élection, cet élection, cet élection")
    s = cleannews.spin_score(text)
    assert s.label != "spun" and s.signals["kinds_present"] <= 1


def _check_faithful(s) -> None:
    sig = s.signals
    contrib = {k: v for k, v in sig.items() if k.startswith("contribution.")}
    total = sig["intercept"] + sum(contrib.values()) + sig["rule_adjustment"] + sig["context_term"]
    assert total == pytest.approx(sig["logit"], abs=0.01)
    p = 1 / (1 + math.exp(-sig["logit"]))
    assert p == pytest.approx(s.score, abs=2e-3)
    cap = get_model().cap
    assert all(0.0 <= v <= cap + 1e-3 for v in contrib.values())
    # the rule holds thin evidence under the quarantine score (<= 0), or lifts sufficient
    # evidence from _decision.DECIDED_LOGIT to just above it (> 0, spin-quar5)
    if sig["rule_adjustment"] > 0.0:
        assert any(k.startswith("decided.") for k in sig) and s.label == "spun"
        assert sig["logit"] == pytest.approx(logit(QUARANTINE) + RULE_MARGIN, abs=1e-3)
        assert sig["logit"] - sig["rule_adjustment"] >= DECIDED_LOGIT - 1e-3
    assert all(e.weight >= 0.0 for e in s.evidence)
    if len(s.evidence) < 300:  # all evidence shown: each kind's weights add up to its total
        kinds = {
            "pos_context": "context",
            "collocation": "context",
            "rare_synonym": "lexical",
            "rare_word": "rarity",
        }
        by_kind: dict[str, float] = {}
        # the context term (spin-wire) is one piece of evidence weighing what it adds
        assert sum(e.weight for e in s.evidence if e.signal == "context") == pytest.approx(
            sig["context_term"], abs=1e-4
        )
        assert sig["context_term"] >= 0.0
        for e in s.evidence:
            if e.signal == "context":
                continue
            k = kinds.get(e.signal, "grammar")
            by_kind[k] = by_kind.get(k, 0.0) + e.weight
        for k, w in by_kind.items():
            assert w == pytest.approx(sig[f"kind.{k}"], abs=0.01 + 1e-4 * len(s.evidence))


def test_explanation_adds_up_on_seeds_and_validation():
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [r["text"] for r in _validation(4)]
    texts += [d["text"] for d in CORRECT]
    for t in texts:
        s = cleannews.spin_score(t)
        if s.label in ("insufficient", "unsupported_language"):
            continue
        _check_faithful(s)


def test_rare_vocabulary_alone_stays_clean():
    """Field vocabulary (rarity kind) may amplify other evidence, never stand alone."""
    for doc in CORRECT:
        if doc["genre"] in ("medical", "technical"):
            s = cleannews.spin_score(doc["text"])
            others = sum(s.signals[f"kind.{k}"] for k in ("grammar", "lexical", "context"))
            assert s.signals["kind.rarity"] <= max(0.5, others) + 1e-3


def test_no_single_feature_can_quarantine():
    m = get_model()
    assert m.intercept + m.cap < logit(QUARANTINE)
    assert min(m.coef) >= 0.0


def test_quarantine_needs_two_kinds_or_one_kind_in_several_paragraphs():
    """Invariant over held-out clean and spun documents: every "spun" label rests on two kinds
    of evidence (the context term is one), or on one kind backed by KIND_MIN_TOKENS tokens
    (the context term: its own test) in two paragraphs."""
    n_spun = 0
    for r in _validation(12):
        s = cleannews.spin_score(r["text"])
        if s.label != "spun":
            continue
        n_spun += 1
        if s.signals["kinds_present"] >= 2:
            continue
        # the context term is one kind of evidence (spin-quar4): with a feature kind of
        # another nature, or alone in two paragraphs (tests/test_spin_quarantine_kinds.py)
        if "decided.context_term" in s.signals:
            assert s.signals["kinds_present"] == 1, r["id"]
            assert s.signals.get("decided.grammar") or s.signals.get("decided.lexical"), r["id"]
            continue
        if "decided.context_term_paragraphs" in s.signals:
            assert s.signals["decided.context_term_paragraphs"] >= 2, r["id"]
            continue
        a = analyse(r["text"])
        kinds_by_para = []
        for p in a.paragraphs:
            g = sum(p.counts[k] for k in GRAMMAR)
            lex = max(p.counts["rare_synonym"], p.n_llr_high)
            ctx = p.n_pos_misfit + p.n_coll_miss
            kinds_by_para.append({"grammar": g, "lexical": lex, "context": ctx})
        # only broken grammar may stand alone, and then in two paragraphs, or scattered
        # over several (spin-quar5: _decision.GRAMMAR_SCATTER_MIN_*)
        g = [kp["grammar"] for kp in kinds_by_para]
        assert sum(x >= KIND_MIN_TOKENS for x in g) >= 2 or (
            sum(g) >= GRAMMAR_SCATTER_MIN_SLIPS
            and sum(x >= 1 for x in g) >= GRAMMAR_SCATTER_MIN_PARAGRAPHS
        ), r["id"]
    assert n_spun > 30  # the sample does contain quarantined documents


def test_score_does_not_depend_on_the_configured_thresholds():
    """A score compares across runs: lowering the quarantine threshold flags more, never less."""
    root = Path(__file__).parent.parent
    texts = [
        json.loads(line)["text"]
        for line in (root / "fixtures/spin/correct_french.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]
    texts.append((root / "seeds/003_d0613672c8185330.txt").read_text("utf-8"))
    base = cleannews.CleanConfig()
    for text in texts:
        scores = set()
        ranks = []
        for q in (0.9, 0.7, 0.55):
            s = cleannews.spin_score(text, base.replace(spin_quarantine_threshold=q))
            scores.add(s.score)
            ranks.append(("clean", "suspect", "spun").index(s.label))
        assert len(scores) == 1, scores
        assert ranks == sorted(ranks)  # a lower threshold never gives a milder label

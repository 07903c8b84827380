"""Round 35 (neg48, issue 11 item 4): human French in a rare register sets the 1 % FP threshold.

The 18 dev negatives over the threshold at 1 % FP of the negatives' dev split (logit 1.023 on
the round-start code) were mostly old moral philosophy, novels and translated classics whose
rare synonyms ("les charmes", "des contrées", "la bienveillance") sit among rare words with
no common synonym ("impudicité", "méprisables", "dérèglements"): the lexical and the rarity
kinds together, no context term. ``score.register_gate``: in a document whose evidence the
two-kinds rule leaves thin and whose context term does not count as a kind, the lexical kind
counts only beyond ``REGISTER_DISCOUNT`` times the rarity kind (``register_limit``), and the
rarity kind again at most what the other kinds add, where the context term's register gate
reads another register than news (``other_register``). Texts from the negatives' **dev**
split and development spins (``fixtures/spin/validation``) only.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import cleannews
from cleannews.score import (
    REGISTER_DISCOUNT,
    other_register,
    register_gate,
    register_limit,
    register_scales,
)
from cleannews.score._decision import CONTEXT_TERM_MIN, Decision

ROOT = Path(__file__).parent.parent

#: Dev negatives over the round-start threshold (logit 1.5 to 2.15, "suspect") on rare
#: synonyms among rare words: a moralist (a44b: "charmes", "préjugés", "tempérament"), a
#: treatise on diet (2e5a: "préceptes", "diète", "contrées"), a moralist on manners (20fd),
#: a novel (98bd: "pâles", "halo", "buste"), a landscape (ea6d: "demeures", "masses"),
#: a conte philosophique (b636: "nymphe", "archétype", "cabale"), a translated sea tale
#: (63e4: "latitudes", "vraisemblance", "abîme"), a treatise on character (91bc).
RARE_REGISTER = (
    "scientific-a44b7411aeea",
    "scientific-2e5a612c4060",
    "scientific-20fdc8ceaf84",
    "literary-98bdf1071430",
    "literary-ea6d449bbe30",
    "literary-b63633892eb6",
    "translated-63e4ff373017",
    "scientific-91bc29052f57",
)

#: Development careful spins (MyThes, validation fixture) held "suspect" on thin evidence
#: with a context term that counts as a kind (>= 1.0): the gate leaves them as they were.
NEWS_SPINS = ("UD_French-GSD:fr-ud-dev:21:careful:0.5",
              "UD_French-Sequoia:emea-fr-test:162:careful:0.3")
CONTEXT_SPINS = (
    "UD_French-GSD:fr-ud-dev:16:careful:0.2",
    "UD_French-GSD:fr-ud-dev:21:careful:0.2",
)


def _jsonl(name: str) -> list[dict]:
    with gzip.open(ROOT / "fixtures" / "spin" / f"{name}.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="module")
def dev_negatives() -> dict[str, str]:
    return {r["id"]: r["text"] for r in _jsonl("negatives")
            if r.get("split") == "dev" and r["id"] in RARE_REGISTER}  # never "test"


def _adds_up(s) -> float:
    return (s.signals["intercept"] + sum(v for k, v in s.signals.items() if k.startswith("kind."))
            + s.signals["rule_adjustment"] + s.signals["context_term"])


def test_register_limit_and_scales():
    assert register_limit(3.0, 0.0) == 3.0
    assert register_limit(3.0, 1.0) == pytest.approx(3.0 - REGISTER_DISCOUNT)
    assert register_limit(1.0, 3.0) == 0.0
    # lexical gone: rarity back to at most RARITY_ALONE_MAX (0.5) without other evidence
    lex_f, rar_f = register_scales({"grammar": 0.0, "lexical": 4.0, "context": 0.0,
                                    "rarity": 2.5})
    assert (lex_f, rar_f * 2.5) == (0.0, pytest.approx(0.5))
    # grammar evidence still bounds the rarity kind as before
    assert register_scales({"grammar": 3.0, "lexical": 1.0, "context": 0.0,
                            "rarity": 2.0}) == (0.0, 1.0)


def test_the_gate_reads_the_decision():
    assert register_gate(Decision(-2.0, 0.0, None, False, {}))
    assert register_gate(Decision(-2.0, CONTEXT_TERM_MIN - 0.01, None, False, {}))
    assert not register_gate(Decision(-2.0, CONTEXT_TERM_MIN, None, False, {}))
    assert not register_gate(Decision(0.0, 0.0, None, True, {"decided.lexical": 1.0}))
    assert not register_gate(Decision(-1.0, 0.0, None, False, {"held.lone_slip": 1.0}))


@pytest.mark.parametrize("doc_id", RARE_REGISTER)
def test_rare_register_human_french_is_clean(dev_negatives, doc_id):
    s = cleannews.spin_score(dev_negatives[doc_id])
    assert s.label == "clean" and s.signals["logit"] < 0.0, (doc_id, s.signals["logit"])
    # the rare synonyms are still shown, with the weight the register leaves them (none)
    syn = [e for e in s.evidence if e.signal == "rare_synonym"]
    assert syn and all(e.weight == 0.0 for e in syn)
    # and the explanation adds up to the logit shown
    assert _adds_up(s) == pytest.approx(s.signals["logit"], abs=1e-3)


def test_spun_news_stays_news():
    """Careful development spins of UD news held just under the quarantine on lexical and
    rarity evidence, with no context term: the register gate reads them as news (P 0.02 and
    0.04), so their rare words stay the spinner's (without that condition: 0.899 -> 0.049).
    Since spincap53 (round 38) the context term no longer reads the words of their names
    (fr-ud-dev:21's "une Assemblée constituante", "la Navette spatiale"): both are quarantined
    (0.971, 0.970)."""
    rows = {r["id"]: r["text"] for r in _jsonl("validation") if r["id"] in NEWS_SPINS}
    for rid in NEWS_SPINS:
        assert not other_register(rows[rid], cleannews.DEFAULT_CONFIG)
        s = cleannews.spin_score(rows[rid])
        assert s.label in ("suspect", "spun") and s.score > 0.85, (rid, s.score)


def test_the_rare_register_reads_as_another_register(dev_negatives):
    for doc_id in RARE_REGISTER:
        assert other_register(dev_negatives[doc_id], cleannews.DEFAULT_CONFIG), doc_id


def test_spins_with_a_counting_context_term_are_not_gated():
    rows = {r["id"]: r["text"] for r in _jsonl("validation") if r["id"] in CONTEXT_SPINS}
    for rid in CONTEXT_SPINS:
        s = cleannews.spin_score(rows[rid])
        assert s.signals["context_term"] >= CONTEXT_TERM_MIN
        assert s.label == "suspect" and s.signals["kind.lexical"] > 1.0, (rid, s.signals)

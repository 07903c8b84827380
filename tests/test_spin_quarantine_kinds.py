"""The context term as one kind of evidence toward a quarantine (issue 11, branch spin-quar4).

A quarantine needs two independent kinds of evidence or one kind in several paragraphs
(``cleannews.score._decision``). The context term now counts as one kind: careful spins of
real UD paragraphs (development spinner sources: MyThes V and the retired pivot file) whose
grammar the spinner repaired are quarantined with "context term" among the kinds that
decided; the term alone in one paragraph, a single odd word, one human slip, tricky
correct French and the nearest human documents of the negatives' dev split are not.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleannews
from _helpers import read_jsonl
from cleannews.score import _decision
from cleannews.score._context import get_kind_term, kind_params

ROOT = Path(__file__).resolve().parents[1]
OFF = cleannews.DEFAULT_CONFIG.replace(spin_context=False)

#: Careful spins quarantined only with the context kind (``tools/spin/dev_quarantine.py``):
#: (file, record id, how it is decided: "pair" with a feature kind, or "paragraphs").
SPUN = [
    ("validation", "UD_French-GSD:fr-ud-dev:16:careful:0.3", "pair"),
    ("validation", "UD_French-GSD:fr-ud-dev:28:careful:0.3", "pair"),
    ("validation", "UD_French-GSD:fr-ud-dev:77:careful:0.3", "pair"),
    ("validation", "UD_French-Sequoia:annodis:121:careful:0.3", "pair"),
    ("validation", "UD_French-Sequoia:frwiki_50:291:careful:0.3", "pair"),
    ("validation", "UD_French-Sequoia:emea-fr-test:169:careful_freq:0.2", "pair"),
    ("validation", "UD_French-Sequoia:emea-fr-dev:153:careful_freq:0.2", "paragraphs"),
    ("validation", "UD_French-Sequoia:emea-fr-dev:268:careful_freq:0.3", "paragraphs"),
    # ("pivot", "UD_French-Sequoia:emea-fr-test:286:pivot:careful:0.3", "pair") left in round
    # 34: its third slip, "ce abaissement", counts since lite46, so grammar and lexical
    # evidence quarantine it without the context term (tests/test_lite46.py)
    ("pivot", "UD_French-Sequoia:frwiki_50:213:pivot:careful_freq:0.3", "pair"),
]
#: The dev negatives closest to a context-kind quarantine (the kind and a partner kind
#: present): literary, translated, encyclopedic, technical, scientific French.
NEAREST_HUMAN = [
    "literary-fcfc2897de5e",
    "translated-097574c4cce6",
    "encyclopedic-9fb10301f7a3",
    "technical-aa190f116362",
    # scientific-c35e6d489f22 left in round 38 (spincap53): with the words of its names no
    # longer read, the context kind is gone (term without its best word 1.18 -> 0.16 < 1.0)
]
FILES = {
    "validation": ROOT / "fixtures/spin/validation.jsonl.gz",
    "pivot": ROOT / "fixtures/spin/heldout_pivot.jsonl.gz",  # retired held-out: development
}


def _records(path: Path) -> dict[str, dict]:
    return {r["id"]: r for r in read_jsonl(path)}


@pytest.fixture(scope="module")
def records() -> dict[str, dict[str, dict]]:
    return {name: _records(p) for name, p in FILES.items()}


@pytest.fixture(scope="module")
def clean_docs(records) -> list[str]:
    return [r["text"] for r in records["validation"].values() if r["mode"] == "clean"]


@pytest.mark.parametrize(("source", "rid", "how"), SPUN)
def test_careful_spins_are_quarantined_with_context_evidence(records, source, rid, how):
    r = records[source][rid]
    assert r["label"] == 1 and r.get("population", "ud") == "ud"
    s = cleannews.spin_score(r["text"])
    assert s.label == "spun", (s.score, s.signals)
    if how == "pair":  # the context term and a feature kind of another nature
        assert s.signals["decided.context_term"] == 1.0
        assert s.signals.get("decided.grammar") or s.signals.get("decided.lexical")
    else:  # the context term alone, in two paragraphs or more
        assert s.signals["decided.context_term_paragraphs"] >= _decision.CONTEXT_PARAGRAPHS_MIN
        assert s.signals["kinds_present"] == 0.0
    # the evidence explains the decision: the context item, and the route's reason
    (ev,) = [e for e in s.evidence if e.signal == "context"]
    assert "counts as a kind of evidence" in ev.reason
    assert ev.weight == pytest.approx(s.signals["context_term"], abs=1e-4)
    assert s.signals["rule_adjustment"] == 0.0
    doc = cleannews.clean(r["text"])
    assert doc.verdict == "quarantine" and "context term" in doc.reason, doc.reason
    # without the context term, the same document is not quarantined
    assert cleannews.spin_score(r["text"], OFF).label != "spun"


@pytest.mark.parametrize("rid", [rid for _s, rid, how in SPUN if how == "paragraphs"])
def test_context_term_alone_in_one_paragraph_never_quarantines(records, rid):
    text = records["validation"][rid]["text"]
    assert text.count("\n") >= 1
    one = " ".join(line.strip() for line in text.split("\n"))
    s = cleannews.spin_score(one)
    assert s.label != "spun", s.signals
    assert "decided.context_term_paragraphs" not in s.signals


def test_one_odd_word_never_makes_the_context_kind(clean_docs):
    """Clean UD documents with one sentence added, once with a word the context term finds
    as odd as it can count ("le premier commis de l'État": its gain is above the clip) and
    once with the usual word ("ministre"): the odd word raises the term, but the context
    term is a kind of evidence in the first exactly when it is in the second."""
    term, params = get_kind_term(), kind_params()
    hi = params["gain_clip"][1]
    assert term.gain_of("le premier commis de l' état".split(), 2) >= hi

    def kind(a: dict) -> bool:
        return (
            a["n"] >= _decision.CONTEXT_TERM_MIN_WORDS
            and _decision.term_without_best(a, params) >= _decision.kind_min(params)
        )

    raised = 0
    for doc in clean_docs[:60]:
        first, _, rest = doc.partition("\n")
        odd, usual = (f"{first} Le premier {w} de l’État a parlé.\n{rest}"
                      for w in ("commis", "ministre"))
        a_odd, a_usual = term.analyse(odd), term.analyse(usual)
        assert a_odd["n"] == a_usual["n"] and a_odd["best"][0] >= hi
        # round 38 (spincap53): "l’État" is a name's word the term no longer reads, so the
        # added sentence dilutes less; UD fr-ud-test:102 carries the kind by itself (1.19),
        # its usual sentence takes it under (0.05), the odd one not (1.35): the kind is the
        # document's own, not the odd word's
        assert kind(a_odd) == kind(a_usual) or kind(term.analyse(doc)), doc[:60]
        assert cleannews.spin_score(odd).label == cleannews.spin_score(usual).label
        assert a_odd["mean_gain"] > a_usual["mean_gain"]  # the odd word always counts …
        raised += a_odd["term"] > a_usual["term"] + 0.1
    assert raised >= 3  # … and raises the term where the document is near the term's base


def test_correct_french_and_nearest_human_documents_are_not_quarantined():
    path = ROOT / "fixtures/spin/correct_french.jsonl"
    for line in path.read_text("utf-8").splitlines():
        doc = json.loads(line)
        s = cleannews.spin_score(doc["text"])
        assert s.label != "spun" and s.score < 0.5, (doc["id"], s.score)
    neg = {r["id"]: r for r in read_jsonl(ROOT / "fixtures/spin/negatives.jsonl.gz")
           if r["split"] == "dev"}
    term, params = get_kind_term(), kind_params()
    for rid in NEAREST_HUMAN:
        text = neg[rid]["text"]
        s = cleannews.spin_score(text)
        assert s.label != "spun" and s.score < 0.5, (rid, s.score)
        assert not any(k.startswith("decided.") for k in s.signals)
        # the context kind and a partner kind are there: only the score keeps it out
        a = term.analyse(text)
        assert a["n"] >= _decision.CONTEXT_TERM_MIN_WORDS
        assert _decision.term_without_best(a, params) >= _decision.kind_min(params)
        assert s.signals["kinds_present"] >= 1


def test_one_slip_raising_the_term_never_quarantines(clean_docs, records):
    """The slip of ``tests/test_spin_one_slip.py`` that raised both the grammar
    contribution (2 tokens, not a kind) and the context term of a clean UD document:
    ``unsupported_excess`` keeps the context kind from deciding on it."""
    doc = records["validation"]["UD_French-GSD:fr-ud-dev:35:clean"]["text"]
    first, _, rest = doc.partition("\n")
    # round 38 (spinclean53): the document's own "de ovocné" (a Czech word) was the second
    # slip; it no longer is one (``_features.unknown_word``), so the added sentence has two
    slipped = (f"{first} Les pompiers ont conduit le blessé vers le hôpital de la ville, puis "
               f"vers le aéroport.\n{rest}")
    s = cleannews.spin_score(slipped)
    # the term's contribution on this document is 1.28 with the sixth round's model and 0.83
    # with the seventh's (refitted on spin-fp7's grammar features, light spins weighing 5);
    # the score is the same capped 0.8991 with both
    assert s.signals["kind.grammar"] > 2.0 and s.signals["context_term"] > 0.5
    assert s.label != "spun" and s.score < 0.9


def test_decided_kinds_are_named_and_thresholds_are_constants():
    assert _decision.decided_kinds(
        {"decided.lexical": 1.0, "decided.context_term": 1.0, "logit": 3.0}
    ) == "lexical + context term"
    assert "context" not in _decision.CONTEXT_TERM_PARTNERS
    assert _decision.CONTEXT_PARAGRAPHS_MIN >= 2
    assert _decision.CONTEXT_TERM_MIN >= 1.0 and _decision.CONTEXT_TERM_MIN_WORDS >= 8

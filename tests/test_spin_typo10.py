"""One human typo never quarantines — with the one-slip check on (spin-typo10, measured, off).

``_decision.LONE_SLIP_MAX`` (0 in the package: the check is off, see docs/spin-history.md
"One typo never quarantines, branch spin-typo10") is switched on here (8, the value measured)
to pin what it does on real development documents: dev-split negatives
(``fixtures/spin/negatives.jsonl.gz``; the test split is never read) that **one** typo
injected by ``tools/spin/dev_typo10.py`` puts in quarantine without it, and a spun MyThes-V
document that must stay quarantined with it.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

import cleannews
from _helpers import read_jsonl
from cleannews.score import _decision

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools" / "spin"))

import dev_typo10  # noqa: E402

#: (dev negative, typo kind, seed): quarantined with the typo while the check is off
#: (``dev_typo10.py report`` on the branch point), "suspect" or clean as they are.
TYPO_CASES = [
    ("literary-9efb6dffa15e", "contraction", 0),  # FreDraCor prose: "la caractère", "les vertu"
    ("translated-b8ac8dfb7efd", "gender", 0),  # "l’rend", "les état" + one more
    ("typos-9c1229136b90", "gender", 0),  # three slips over three paragraphs + one
    ("typos-ed49af8ca5e5", "number", 0),  # "la expert-comptable", "des vérification" + one
]


#: Cases the check no longer needs to hold: the slip alone keeps them ``suspect`` (see above).
UNHELD_SINCE_ROUND_38 = frozenset({"typos-ed49af8ca5e5"})


def _dev_negatives(ids: set[str]) -> dict[str, str]:
    out = {}
    with gzip.open(ROOT / "fixtures/spin/negatives.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["split"] == "dev" and r["id"] in ids:
                out[r["id"]] = r["text"]
    return out


@pytest.fixture(scope="module")
def negatives():
    return _dev_negatives({c[0] for c in TYPO_CASES})


@pytest.fixture
def check_on(monkeypatch):
    monkeypatch.setattr(_decision, "LONE_SLIP_MAX", 8)


def test_the_check_is_off_in_the_package():
    assert _decision.LONE_SLIP_MAX == 0


def test_injected_typos_change_one_place():
    text = "Le maire de la ville a présenté hier les projets du conseil. L’église est belle."
    for kind in dev_typo10.TYPOS:
        for seed in dev_typo10.SEEDS:
            t = dev_typo10.inject(text, kind, seed, "x")
            assert t is not None and t != text, kind
            if kind != "sentence":  # one edit in place, never more than a few characters
                a = next(i for i, (x, y) in enumerate(zip(text, t, strict=False)) if x != y)
                b = next(i for i, (x, y) in enumerate(zip(text[::-1], t[::-1], strict=False))
                         if x != y)
                assert a + b >= min(len(text), len(t)) - 6, (kind, t)


@pytest.mark.parametrize(("doc_id", "kind", "seed"), TYPO_CASES)
def test_one_typo_does_not_quarantine_a_dev_negative(negatives, check_on, doc_id, kind, seed):
    text = negatives[doc_id]
    assert cleannews.spin_score(text).label != "spun"
    s = cleannews.spin_score(dev_typo10.inject(text, kind, seed, doc_id))
    assert s.label == "suspect", (doc_id, s.score)
    # the check holds the slip, unless the document stays under the quarantine without it:
    # typos-ed49af8ca5e5 since round 38 (the refitted model on spinclean53's and spincap53's
    # readings scores its injected "number" slip 0.726 without any hold)
    assert s.signals.get("held.lone_slip") == 1.0 or doc_id in UNHELD_SINCE_ROUND_38, doc_id
    # the explanation still adds up: intercept + contributions + rule adjustment + term = logit
    total = s.signals["intercept"] + s.signals["rule_adjustment"] + s.signals["context_term"]
    total += sum(v for k, v in s.signals.items() if k.startswith("kind."))
    assert abs(total - s.signals["logit"]) < 1e-3


def test_one_typo_quarantines_without_the_check(negatives):
    doc_id, kind, seed = TYPO_CASES[0]
    s = cleannews.spin_score(dev_typo10.inject(negatives[doc_id], kind, seed, doc_id))
    assert s.label == "spun"  # the gap the check closes (measured, not shipped)


def test_a_spun_document_stays_quarantined(check_on):
    recs = read_jsonl(ROOT / "fixtures/spin/validation.jsonl.gz")
    spun = [r for r in recs if r["mode"] == "naive" and r["rate"] == 0.3][:20]
    labels = [cleannews.spin_score(r["text"]).label for r in spun]
    assert labels.count("spun") >= 17, labels

"""The spin-context3 development signal (``tools/spin/dev_context3.py``) on real sentences.

The context evidence of a content word is how much more plausible its best synonym is in
the word's slot, under a smoothed bigram model of the shipped clean count table. A spinner's
substitute ("le dessein de loi") must score far above the word a French writer puts there
("le projet de loi"), and the lean run-time prototype (``lean_mean_lr``, the speed estimate
of docs/spin-history.md) must compute exactly the harness's feature.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools" / "spin"))

dev_context3 = pytest.importorskip("dev_context3")

#: A hand-made synonym table (the MyThes file is not in the repository).
SYNONYMS = {
    "projet": {"dessein", "plan", "programme"},
    "dessein": {"projet", "but"},
    "mesure": {"disposition", "dimension"},
    "dimension": {"mesure", "taille"},
    "décision": {"résolution", "choix"},
    "résolution": {"décision", "fermeté"},
}

PAIRS = [
    ("Nous examinons le projet de loi.", "Nous examinons le dessein de loi."),
    ("Cette mesure est attendue.", "Cette dimension est attendue."),
    ("Le gouvernement a pris une décision difficile.",
     "Le gouvernement a pris une résolution difficile."),
]


@pytest.fixture(scope="module")
def lm():
    return dev_context3.LM()


@pytest.mark.parametrize(("human", "spun"), PAIRS)
def test_substitute_less_plausible_than_the_original(lm, human, spun):
    (h,) = dev_context3.word_evidence(human, lm, SYNONYMS)
    (s,) = dev_context3.word_evidence(spun, lm, SYNONYMS)
    assert len(h) == len(s) == 1
    assert h[0][0] < 0 < s[0][0]  # the original fits better than its synonyms; not the spin


def test_strong_substitutes_pass_the_high_threshold(lm):
    lrs = [dev_context3.word_evidence(spun, lm, SYNONYMS)[0][0][0] for _h, spun in PAIRS[:2]]
    assert min(lrs) > dev_context3.LR_HIGH


def test_lean_prototype_equals_the_harness_feature(lm):
    ids = lm.t.ids
    syn_ids = {}
    for w, ss in SYNONYMS.items():
        c = sorted(ids[s] for s in ss if s in ids and lm.cnt[ids[s]] >= dev_context3.MIN_COUNT)
        if w in ids and lm.cnt[ids[w]] >= dev_context3.MIN_COUNT and c:
            syn_ids[ids[w]] = tuple(c[: dev_context3.MAX_SYN])
    pairs = {a << 16 | b: c for (a, b), c in lm.pairs.items()}
    p = [math.exp(v) for v in lm.lp]
    for text in [t for pair in PAIRS for t in pair] + ["\n".join(t for t, _ in PAIRS)]:
        full = dev_context3.doc_features(dev_context3.word_evidence(text, lm, SYNONYMS))["mean_lr"]
        lean = dev_context3.lean_mean_lr(text, ids, lm.cnt, p, pairs, syn_ids, frozenset())
        assert lean == pytest.approx(full, abs=1e-9)

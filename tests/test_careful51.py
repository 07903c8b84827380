"""Round 36 (careful51, issue 11): in a text the context term's register gate reads as news,
rare vocabulary next to a present lexical kind keeps at least half its own contribution
(``score.news_rarity``): careful spins of news-like text rise, human text of other registers
(the register gate) and texts without lexical evidence do not move.

Development data only: MyThes V careful spins of the validation fixture, the negatives' dev
split, the French TRAIN pages (``tools/spin/dev_careful51.py`` measures all of them)."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from cleannews.config import DEFAULT_CONFIG
from cleannews.score import (
    NEWS_RARITY_KEEP,
    REGISTER_LOGIT_MIN,
    news_rarity_limit,
    score_text,
)

ROOT = Path(__file__).resolve().parents[1]
#: The logit at 1 % FP of the negatives' dev split (round 35 and round 36: unchanged).
DEV_THRESHOLD = -0.232
#: Careful V spins (validation fixture) that were "clean" before the change (logits -0.78 to
#: -0.16; five of six under the dev threshold) and are "suspect" over it with it.
RAISED = (
    "UD_French-GSD:fr-ud-dev:68:careful:0.2",
    "UD_French-Sequoia:emea-fr-dev:150:careful:0.2",
    "UD_French-Sequoia:frwiki_50:246:careful:0.2",
    "UD_French-Sequoia:annodis:251:careful:0.2",
    "UD_French-Sequoia:emea-fr-dev:268:careful:0.3",
    "UD_French-Sequoia:emea-fr-dev:283:careful:0.3",
)
#: Dev negatives (human, translated) whose logit rises with the change and that stay "clean".
HUMAN_RAISED = ("translated-6d03124b7721", "translated-735c96217df7", "translated-86fa544d67eb")


@cache
def _jsonl(name: str) -> dict[str, dict]:
    with gzip.open(ROOT / "fixtures" / "spin" / f"{name}.jsonl.gz", "rt", encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, f) if r.get("split") != "test"}


@pytest.mark.parametrize("rid", RAISED)
def test_careful_spins_of_news_like_text_rise_over_the_dev_threshold(rid):
    s = score_text(_jsonl("validation")[rid]["text"], DEFAULT_CONFIG)
    assert s.signals["news_rarity"] > 0
    assert s.signals["logit"] > DEV_THRESHOLD
    assert s.label == ("clean" if rid in UNDER_SUSPECT else
                       "spun" if rid in QUARANTINED else "suspect")

#: Round 38 (spincap53): the context term no longer reads the words of this spin's names, its
#: score 0.520 -> 0.487 (logit -0.054, still over the dev threshold), just under "suspect".
UNDER_SUSPECT = frozenset({"UD_French-Sequoia:annodis:251:careful:0.2"})
#: Round 40 (spinprior55, the kind statistic's grown row prior): this spin's context kind
#: holds without its best word (1.19 -> 3.00: its best word, "précieux" for "bon", no longer
#: carries the term alone), so lexical + context term decide: 0.536 "suspect" -> 0.959 "spun",
#: further over the dev threshold than the test asks.
QUARANTINED = frozenset({"UD_French-GSD:fr-ud-dev:68:careful:0.2"})


@pytest.mark.parametrize("rid", RAISED[:2])
def test_the_explanation_still_adds_up(rid):
    s = score_text(_jsonl("validation")[rid]["text"], DEFAULT_CONFIG)
    sig = s.signals
    total = sig["intercept"] + sum(v for k, v in sig.items() if k.startswith("contribution."))
    total += sig["rule_adjustment"] + sig["context_term"]
    assert total == pytest.approx(sig["logit"], abs=2e-3)
    kinds = sum(v for k, v in sig.items() if k.startswith("kind."))
    assert kinds == pytest.approx(
        sum(v for k, v in sig.items() if k.startswith("contribution.")), abs=2e-3)


def test_without_the_context_term_nothing_is_raised():
    """The register is read with the context term's model: without it, no raise."""
    off = replace(DEFAULT_CONFIG, spin_context=False)
    s = score_text(_jsonl("validation")[RAISED[1]]["text"], off)
    assert "news_rarity" not in s.signals


@pytest.mark.parametrize("rid", HUMAN_RAISED)
def test_human_text_it_raises_stays_clean(rid):
    rec = _jsonl("negatives")[rid]
    assert rec["split"] == "dev"
    s = score_text(rec["text"], DEFAULT_CONFIG)
    assert s.label == "clean"
    assert s.signals["logit"] < DEV_THRESHOLD


def test_clean_ud_documents_are_not_raised():
    docs = [r for r in _jsonl("validation").values() if r["label"] in (0, "0")][:40]
    assert len(docs) == 40
    assert all("news_rarity" not in score_text(r["text"], DEFAULT_CONFIG).signals
               for r in docs)


def test_the_limit():
    assert NEWS_RARITY_KEEP == 0.5
    assert news_rarity_limit(4.0, 1.0, True) == 2.0      # half of its own
    assert news_rarity_limit(4.0, 3.0, True) == 3.0      # never lower than before
    assert news_rarity_limit(4.0, 1.0, False) == 1.0     # no lexical kind: unchanged
    assert REGISTER_LOGIT_MIN == -2.0

"""The strip models' trainer and the batches it must not read (issue 10, round 30).

Round 30 asked whether the line and run models, retrained on many more sites, transfer
better to sites nobody saw (docs/strip-history.md, "Leave-batch-out retrain (issue 10,
round 30)"). For that the trainer learnt to leave batches out:

* ``STRIP_MODEL_EXCLUDE=r30,r31`` (:data:`tools.strip_model.train.EXCLUDE_BATCHES`): batches
  neither trained nor cross-validated on, so ``score_batches --half r30`` scores pages no model
  saw (:func:`tools.strip_model.train.in_batches`: a batch ``fr-r30`` or a round tag ``r30``);
* the round's transfer check (``fixtures/strip_real/unscored.json``, ``_helpers.UNSCORED_BATCHES``)
  is never read by :func:`tools.strip_model.train.read_train_corpus` (tests/test_fixture35.py);
* the model files record the real corpus pages and sites they were trained on
  (``training_corpus_pages`` / ``training_corpus_sites`` once retrained), and the reference
  (docs/strip.md, "Line model") quotes the shipped line model's page count.

On main's code the tests of the first two points fail (no ``unscored`` argument, no
``in_batches`` / ``EXCLUDE_BATCHES``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytest.importorskip("numpy", reason="training tools need numpy")

from tools.strip_model import train as line_train

from _helpers import UNSCORED_BATCHES
from cleannews import evaluate

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "fixtures" / "strip_real"
DATA = ROOT / "src" / "cleannews" / "strip" / "data"
#: Two real TRAIN batches standing in for a transfer check (round 29's second one).
STAND_IN = frozenset({"fr-r31", "en-r31"})


@pytest.fixture(scope="module")
def train_ids() -> list[str]:
    """Ids of every TRAIN page the trainer reads as the checkout stands."""
    return [rec["id"] for rec, _, _ in line_train.read_train_corpus(CORPUS)]


def test_training_reader_never_reads_the_unscored_batches(train_ids, monkeypatch):
    """Real pages of two batches, named as the transfer check: none is read, every other is."""
    assert not [i for i in train_ids if line_train.in_batches(i, UNSCORED_BATCHES)]
    standing_in = [i for i in train_ids if evaluate.page_batch(i) in STAND_IN]
    assert len(standing_in) >= 20  # fr-r31 and en-r31 are TRAIN pages
    real = evaluate.unscored_batches
    monkeypatch.setattr(evaluate, "unscored_batches", lambda root: real(root) | STAND_IN)
    left = [rec["id"] for rec, _, _ in line_train.read_train_corpus(CORPUS)]
    assert sorted(set(train_ids) - set(left)) == sorted(standing_in)
    assert len(left) == len(train_ids) - len(standing_in)


@pytest.mark.parametrize(("exclude", "page", "read"), [
    ("r30,r31", "fr-r30-0001", False),
    ("r30,r31", "de-r31-0004", False),
    ("r30,r31", "fr-r29-0001", True),
    ("fr-r30", "en-r30-0002", True),
    ("", "fr-r30-0001", True),
])
def test_leave_batch_out_switch(monkeypatch, exclude, page, read):
    """``STRIP_MODEL_EXCLUDE`` takes batches out of training (``_batch_ok``), with or without
    ``STRIP_MODEL_BATCHES``."""
    monkeypatch.setattr(line_train, "EXCLUDE_BATCHES", exclude)
    assert line_train._batch_ok(page, "") is read
    assert line_train._batch_ok(page, "fr-r30,en-r30,de-r31,fr-r29") is read


def test_shipped_model_page_count_is_quoted_in_the_reference():
    """docs/strip.md, "Line model", quotes the pages the shipped line model was trained on."""
    model = json.loads((DATA / "line_model.json").read_text("utf-8"))
    doc = (ROOT / "docs" / "strip.md").read_text("utf-8")
    section = doc.split("\n## Line model\n", 1)[1].split("\n## ", 1)[0]
    quoted = re.search(r"trained on ([\d,]+) TRAIN pages", section)
    assert quoted, "docs/strip.md, Line model: no 'trained on N TRAIN pages'"
    count = int(quoted.group(1).replace(",", ""))
    assert count in (model["training_pages"], model.get("training_corpus_pages"))
    if "training_corpus_sites" in model:  # a model trained since round 30 names its sites
        assert f"{model['training_corpus_sites']:,} sites" in section


def test_corpus_counts_leave_the_extra_pages_out():
    pages = [{"site": "a.fr", "extra": False}, {"site": "b.fr", "extra": False},
             {"site": "a.fr", "extra": False}, {"site": "fixture:x", "extra": True}]
    assert line_train.corpus_counts(pages) == {"training_corpus_pages": 3,
                                               "training_corpus_sites": 2}

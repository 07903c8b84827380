"""Round 36 (spinfast51, issue 12): the register gate reads the decision's style counts.

Round 35's register gate (``score.other_register``) read a borderline document again
(``ContextTerm.register`` -> ``_reading``) after the decision's analysis had read it: the
one-entry reading memo is taken by the second term that analyses the text, so the gate found
it gone and tokenised the whole document a second time. The last complete reading now leaves
its style counts (``_READING_MEMO`` ``style``) and ``register`` takes them (``_style_of``);
when the decision read the document with a lone slip's junctions cut
(``_decision.context_reading``: same length, same lines), only the slip's piece is read again
(``_restyled``). Scores are unchanged (the spin pins); here: one reading per text.
Development texts only (the negatives' dev split, ``fixtures/spin/validation``).
"""

from __future__ import annotations

import gzip
import json
import random
from collections import Counter
from pathlib import Path

import pytest

import cleannews
import cleannews.score as score
from cleannews.score import _context
from cleannews.score._decision import mask_slips

ROOT = Path(__file__).parent.parent
SPIN = ROOT / "fixtures" / "spin"

#: A dev negative (a novel's page) that the register gate reads: both terms analyse it,
#: the gate then read it again on the round-start code.
BORDERLINE = ("negatives", "literary-bb737a793168")
#: A development spin (Sequoia EMEA, careful 30 %) with one grammar slip: the decision reads it
#: with the slip's junctions cut, the gate reads the register of the text itself.
MASKED = ("validation", "UD_French-Sequoia:emea-fr-dev:146:careful:0.3")


def _text(name: str, doc_id: str) -> str:
    with gzip.open(SPIN / f"{name}.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r.get("id") == doc_id:
                assert r.get("split", "dev") == "dev"
                return r["text"]
    raise AssertionError(doc_id)


@pytest.fixture()
def readings(monkeypatch):
    """Every whole reading of a text by a context term (``_read_pieces`` of all its pieces),
    counted by the text's identity, the pieces read alone (``_restyled``) and every
    ``other_register`` call's text."""
    if not _context.get_context_term().syn:
        pytest.skip("the context term's data is not shipped")
    read: Counter = Counter()
    alone: list[str] = []
    texts: dict[int, str] = {}
    gated: list[str] = []
    real_read, real_other = _context.ContextTerm._read_pieces, score.other_register

    def counting(self, text, style, pieces=None):
        if pieces is None:
            read[id(text)] += 1
            texts[id(text)] = text  # (kept alive: ids stay unique during the test)
            return real_read(self, text, style)
        alone.extend(p for _s, p in pieces)
        return real_read(self, text, style, pieces)

    def other(text, config):
        gated.append(text)
        return real_other(text, config)

    monkeypatch.setattr(_context.ContextTerm, "_read_pieces", counting)
    monkeypatch.setattr(score, "other_register", other)
    _context._READING_MEMO.__dict__.clear()
    return read, texts, gated, alone


def test_a_borderline_document_is_read_once(readings) -> None:
    read, _texts, gated, alone = readings
    text = _text(*BORDERLINE)
    s = cleannews.spin_score(text)
    assert [t is text for t in gated] == [True]  # the register gate ran on this document
    assert read[id(text)] == 1  # round-start code: 2 (the gate read it again)
    assert sum(read.values()) == 1 and not alone
    assert s.signals["register_discount"] > 0.0  # and discounted (its score is pinned)


def test_a_document_read_with_its_slip_masked_is_not_read_again(readings) -> None:
    read, texts, gated, alone = readings
    text = _text(*MASKED)
    cleannews.spin_score(text)
    assert [t is text for t in gated] == [True]
    assert read[id(text)] == 0  # round-start code: 1 (the whole document read again)
    whole = [t for k, t in texts.items() if read[k] and len(t) == len(text)]
    assert len(whole) == 1 and whole[0] != text  # the masked reading, once
    assert max(read.values()) == 1
    # the slip's line, masked and as it is: one line of the document's lines, twice
    assert len(alone) == 2 and alone[0] != alone[1] and alone[1] in text.split("\n")


def _gate_fresh(term, text: str) -> float:
    _context._READING_MEMO.__dict__.clear()
    return term.gate(term._reading(text)[1], text.count("\n") + 1)


def test_register_from_a_reading_equals_a_fresh_reading() -> None:
    """On dev negatives and development spins: the register read from the last reading of
    the text, or of the text with one word pair's junctions cut, is the float a fresh
    reading gives (``gate``'s sum is exact whatever the order of the counts)."""
    term = _context.get_context_term()
    if not term.syn:
        pytest.skip("the context term's data is not shipped")
    rnd = random.Random(36)
    texts = []
    for name in ("negatives", "validation"):
        with gzip.open(SPIN / f"{name}.jsonl.gz", "rt", encoding="utf-8") as fh:
            texts += [r["text"] for k, r in enumerate(map(json.loads, fh))
                      if k % 29 == 0 and r.get("split", "dev") == "dev"]
    n_masked = 0
    for text in texts:
        want = _gate_fresh(term, text)
        term.analyse(text)  # a complete reading, as the decision's
        assert term.register(text) == want
        a = rnd.randrange(max(1, len(text) - 12))
        masked = mask_slips(text, [(a, a + 12)])
        if masked != text:
            n_masked += 1
            _context._READING_MEMO.__dict__.clear()
            _context.get_kind_term().analyse(masked)
            assert term.register(text) == want
    assert len(texts) > 100 and n_masked > 100

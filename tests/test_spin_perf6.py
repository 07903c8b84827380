"""Each context term only where its result is read, and one reading of a document for both
(branch perf-spin6, issue 12).

``_decision.decide`` analyses the kind statistic's term first and the shipped term only where
the kind did not decide (where it decides, its own term replaces the shipped one); the two
terms share the count table, so the second analysis of a document takes the first's pieces,
tokens, ids and style counts (``ContextTerm._reading``: a one-entry memo per thread, taken
once, only for texts of at most ``READING_MEMO_CHARS`` characters). The scores themselves
are pinned by ``tests/test_spin_golden.py`` (404 inputs, 16 of them decided by the context
kind) and ``tests/test_clean_regression.py``; here: the analyses with a shared reading equal
fresh ones, in either order, on the golden inputs and the development spinner and human
sources, and the shipped term is not analysed exactly where the kind decided.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import cleannews
from _helpers import golden_spin_texts  # the golden inputs, one place
from cleannews.score import _context

ROOT = Path(__file__).resolve().parents[1]


def _dev_texts() -> list[str]:
    """Development documents: every 25th of the spinner sources used for development and
    every 12th of the negatives' ``dev`` split (never ``test``), read by the benchmark's
    reader (``bench_spin_compare.spin_dev_texts``)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_spin_compare import spin_dev_texts

    return spin_dev_texts(source_every=25, dev_every=12)


@pytest.fixture(scope="module")
def terms():
    t, k = _context.get_context_term(), _context.get_kind_term()
    if not t.syn or not k.syn:
        pytest.skip("the context term's data is not shipped")
    return t, k


def _forget() -> None:
    _context._READING_MEMO.__dict__.pop("kept", None)


def _fresh(term, text: str) -> dict:
    _forget()
    a = term.analyse(text, always_gate=False)
    _forget()
    return a


def test_shared_reading_equals_fresh_analyses(terms) -> None:
    term, kind = terms
    texts = golden_spin_texts() + _dev_texts()
    shared = n_best = 0
    for text in texts:
        for first, second in ((kind, term), (term, kind)):
            _forget()
            a1 = first.analyse(text, always_gate=False)
            kept = "kept" in _context._READING_MEMO.__dict__
            a2 = second.analyse(text, always_gate=False)
            # the reading was kept for a short text, and taken by the second term
            assert kept == (len(text) <= _context.READING_MEMO_CHARS)
            assert "kept" not in _context._READING_MEMO.__dict__
            shared += kept
            assert a1 == _fresh(first, text), text[:120]
            assert a2 == _fresh(second, text), text[:120]
            n_best += a2["best"] is not None
    assert len(texts) > 700 and shared > 1000 and n_best > 600


def test_reading_memo_is_read_by_identity_and_only_once(terms) -> None:
    term, kind = terms
    text = "Le dessein de loi est adopté.\nLe projet de loi."
    _forget()
    pieces, _ = term._reading(text)
    assert kind._reading(text)[0] is pieces  # the other term takes it …
    assert kind._reading(text)[0] is not pieces  # … once
    _forget()
    pieces, _ = term._reading(text)
    other = "".join(["Le dessein de loi est adopté.\n", "Le projet de loi."])
    assert other == text and other is not text
    assert kind._reading(other)[0] is not pieces  # an equal string, not the same: read
    long = "Le dessein de loi. " * 1000  # longer than READING_MEMO_CHARS: not kept
    _forget()
    term._reading(long)
    assert "kept" not in _context._READING_MEMO.__dict__


def test_shipped_term_is_analysed_only_where_the_kind_did_not_decide(terms, monkeypatch) -> None:
    term, _kind = terms
    calls: list[str] = []
    contribution = type(term).contribution

    def counting(self, text, *args, **kw):
        if self is term:
            calls.append(text)
        return contribution(self, text, *args, **kw)

    monkeypatch.setattr(type(term), "contribution", counting)
    decided = other = 0
    for text in golden_spin_texts():
        calls.clear()
        s = cleannews.spin_score(text)
        by_kind = any(k.startswith("decided.context_term") for k in s.signals)
        if by_kind:
            assert text not in calls
            decided += 1
        elif s.label != "not_scored" and s.signals.get("logit", -99.0) >= -4.0:
            other += text in calls
    # both cases occur: documents decided by the context kind, and analysed ones
    assert decided >= 10 and other >= 50

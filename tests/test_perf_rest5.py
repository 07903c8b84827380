"""Shortcuts of branch perf-rest5 (issue 12): each gives what the long way gives.

* ``_input._one_byte_str`` lets ``fix_surrogates`` skip reading a text stored one byte
  per character (it cannot hold a surrogate); it must never say so of a text that holds
  a character above U+00FF.
* ``SpinScore.neutral`` is built without the frozen ``__init__``: the same object state
  as ``SpinScore(score=0.0, label="not_scored")``.
* ``score_text`` sorts its evidence a second time only when the context term adds a
  piece: the list it returns is in span order either way.
"""

from __future__ import annotations

import copy
import dataclasses
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleannews
from _helpers import golden_spin_texts
from cleannews._input import _one_byte_str, decode_input, fix_surrogates
from cleannews.config import DEFAULT_CONFIG
from cleannews.document import Document, SpinScore
from cleannews.score import score_text

ROOT = Path(__file__).parent.parent

#: Characters from every storage width and the surrogate block.
_CHARS = st.one_of(
    st.characters(max_codepoint=0x7F),
    st.characters(min_codepoint=0x80, max_codepoint=0xFF),
    st.characters(min_codepoint=0x100, max_codepoint=0xD7FF),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, blacklist_categories=()),
    st.characters(min_codepoint=0xE000, max_codepoint=0xFFFF),
    st.characters(min_codepoint=0x10000),
    st.sampled_from("’«»\u202f\u00a0éàçœ€…\U0001f600"),
)


def _reference_fix_surrogates(text: str):
    """What ``fix_surrogates`` did before the shortcut: encode to find out."""
    try:
        text.encode("utf-8")
        return text, []
    except UnicodeEncodeError:
        return None  # the run-by-run path, unchanged


@settings(max_examples=600, derandomize=True, deadline=None)
@given(st.text(_CHARS, max_size=60))
def test_one_byte_str_never_claims_a_wide_character(text: str) -> None:
    # sound: True only for text made of U+0000..U+00FF (so no surrogate)
    if _one_byte_str(text):
        assert all(ord(c) <= 0xFF for c in text)
    # complete on CPython for exact str objects: any Latin-1 text is told at once
    if all(ord(c) <= 0xFF for c in text):
        assert _one_byte_str(text)
    # slices, concatenations and copies keep the answer
    wide = text + "\u2019"
    assert not _one_byte_str(wide)
    assert _one_byte_str(wide[:-1]) == _one_byte_str(text)


@settings(max_examples=600, derandomize=True, deadline=None)
@given(st.text(_CHARS, max_size=60))
def test_fix_surrogates_equals_the_encoding_check(text: str) -> None:
    out, changes = fix_surrogates(text)
    ref = _reference_fix_surrogates(text)
    if ref is not None:  # no surrogate: the very same object back, nothing recorded
        assert out is text and changes == []
    else:
        assert changes and all(c.stage == "decode" for c in changes)
        out.encode("utf-8")  # the result is always encodable


class _Str(str):
    """A str subclass: its size says nothing about its storage, so it is read."""


@pytest.mark.parametrize("text", ["caf\u00e9", "plain", "a\U0001f600", "l\u2019an"])
def test_str_subclasses_take_the_long_way(text: str) -> None:
    s = _Str(text)
    assert not _one_byte_str(s) or s.isascii()
    out, changes = fix_surrogates(s)
    assert out == text and changes == []


def test_one_byte_str_on_real_documents() -> None:
    # the seeds and real pages: whatever the storage, the answer matches the characters
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [p.read_text("utf-8") for p in sorted((ROOT / "fixtures" / "strip").glob("*.txt"))]
    assert texts
    n_one_byte = 0
    for text in texts:
        one = all(ord(c) <= 0xFF for c in text)
        assert _one_byte_str(text) == one
        n_one_byte += one
        assert decode_input(text)[0] is text
    assert 0 < n_one_byte < len(texts)  # both kinds occur, so both ways are exercised


# -- SpinScore.neutral -------------------------------------------------------------------


def test_neutral_is_the_default_spin_score() -> None:
    ref = SpinScore(score=0.0, label="not_scored")
    fast = SpinScore.neutral()
    assert type(fast) is SpinScore
    assert fast == ref and repr(fast) == repr(ref) and hash(fast.evidence) == hash(ref.evidence)
    # same attributes in the same order: a field added to SpinScore without updating
    # neutral() fails here
    assert list(vars(fast).items()) == list(vars(ref).items())
    assert [f.name for f in dataclasses.fields(SpinScore)] == list(vars(fast))
    assert fast.to_dict() == ref.to_dict()
    assert SpinScore.from_dict(fast.to_dict()) == fast
    assert pickle.loads(pickle.dumps(fast)) == ref
    assert copy.deepcopy(fast) == ref
    assert dataclasses.replace(fast, language="en") == dataclasses.replace(ref, language="en")


def test_neutral_stays_frozen_and_owns_its_signals() -> None:
    a, b = SpinScore.neutral(), SpinScore.neutral()
    assert a.signals is not b.signals  # a new dict each time, as default_factory gives
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.score = 1.0  # type: ignore[misc]
    d1, d2 = Document(text="x"), Document(text="y")
    assert d1.spin == SpinScore(0.0, "not_scored") and d1.spin is not d2.spin


def test_neutral_of_a_subclass_goes_through_its_init() -> None:
    @dataclasses.dataclass(frozen=True)
    class Tagged(SpinScore):
        tag: str = "t"

    n = Tagged.neutral()
    assert type(n) is Tagged and n.tag == "t" and n.label == "not_scored"


def test_repair_document_carries_the_neutral_score() -> None:
    doc = cleannews.repair("Un texte.")
    assert doc.spin == SpinScore(score=0.0, label="not_scored")
    assert doc.to_dict()["spin"] == SpinScore(score=0.0, label="not_scored").to_dict()


# -- evidence order -------------------------------------------------------------------------


def test_evidence_comes_in_span_order_without_the_second_sort() -> None:
    texts = golden_spin_texts(stride=3)
    assert len(texts) >= 50
    with_evidence = with_context = 0
    for text in texts:
        spin = score_text(text, DEFAULT_CONFIG)
        spans = [ev.span for ev in spin.evidence]
        assert spans == sorted(spans)
        # the stable sort by span of the same pieces gives the same list
        assert list(spin.evidence) == sorted(spin.evidence, key=lambda ev: ev.span)
        with_evidence += bool(spans)
        with_context += any(ev.signal == "context" for ev in spin.evidence)
    # both ways occur: evidence without the context term's piece (no second sort) and with it
    assert with_evidence >= 20 and with_context >= 1

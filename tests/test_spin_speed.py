"""Shortcuts of the spin scorer's fast path (issue 12) equal their slow forms.

* The tokeniser without the "aujourd’hui" branch and with possessive quantifiers
  (``_features._split_tokens``) splits every text as ``_TOKEN_SPLIT_RE`` does.
* A one-block text that is too short or not French is labelled from its word counts
  before its paragraphs are scanned (``DocumentScan.word_counts``): the same score as
  the full scan gives.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import cleannews
from cleannews.score import _features
from cleannews.score._stream import DocumentScan

#: Pieces that exercise every branch of the token pattern: words with hyphens and
#: apostrophes (both kinds), "aujourd’hui" in its spellings and look-alikes, line breaks,
#: punctuation, digits, underscores, letters of other scripts, whitespace of several kinds.
PIECES = (
    "aujourd’hui Aujourd'hui AUJOURD’HUI aujourd’ hui jusqu’aujourd’hui xaujourd'hui "
    "Aujourd’hui-même l’ l' d’IA qu’ ’ ' - -- a-b a-b- -a a-b-c_d 2023 x2 _ __init__ "
    "écoute Œuvre straße Ελλάδα Москва 東京 « » … — – , . ; : ! ? ( ) [ ] / & % € $ "
    "\n \r\n \t \xa0 \u202f \u2009 \u2028 \x0b \x0c"
).split(" ")


def _texts():
    return st.lists(
        st.one_of(
            st.sampled_from(PIECES),
            st.sampled_from(["", " ", "  ", "\n", "-", "’", "'"]),
            st.text(min_size=1, max_size=3),
        ),
        max_size=40,
    ).map("".join)


@settings(max_examples=500, deadline=None)
@given(text=_texts())
def test_fast_tokeniser_equals_the_pattern(text):
    want = _features._TOKEN_SPLIT_RE.split(text)
    assert _features._split_tokens(text) == want
    if _features._AUJOURDHUI_HINT not in text:
        assert _features._FAST_SPLIT_RE.split(text) == want
        # the non-possessive form used on Python 3.10
        slow = re.compile(r"(\w+(?:-\w+)*(?:['’](?=\w))?|\n|[^\w\s])")
        assert slow.split(text) == want


def test_fast_tokeniser_on_real_text():
    """Real text: the seeds, whole and cut at every line."""
    from pathlib import Path

    root = Path(__file__).parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt"))]
    assert texts
    for text in texts:
        for piece in [text, *text.splitlines()]:
            assert _features._split_tokens(piece) == _features._TOKEN_SPLIT_RE.split(piece)


def _unscored_mix():
    """Texts around the thresholds: few words, or French and English function words mixed."""
    words = st.sampled_from(
        "le la les de et est un une des que il on the of and to is with der und el los "
        "maison projet ville house city Haus , . \n".split(" ")
    )
    return st.lists(words, min_size=0, max_size=160).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(text=_unscored_mix())
def test_early_label_equals_the_full_scan(text):
    scan = DocumentScan(text)
    counts = scan.word_counts()
    assert counts is not None
    for _ in scan.paragraphs():
        pass
    d = scan.doc
    assert counts == (d.n_words, d.n_fr, d.n_en)
    got = cleannews.spin_score(text)
    assert got.n_words == d.n_words
    if got.label in ("insufficient", "unsupported_language"):
        assert got.paragraphs == () and got.evidence == ()

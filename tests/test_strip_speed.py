"""The strip stage's speed shortcuts decide exactly what the slow forms decide.

Each shortcut of branch perf-strip (issue 12) is checked against the form it skips:
exhaustively where the input space is small (every Unicode character), else on real
pages (the seeds, ``fixtures/strip`` and the TRAIN pages of ``fixtures/strip_real``).
The whole stage is also pinned bit for bit by ``tests/test_strip_regression.py`` and
compared with the reference rule path by ``tests/test_strip_fast_equivalence.py``.
"""

from __future__ import annotations

import sys

from cleannews.strip import _pagelang as P


def test_unspaced_screen_holds_every_unspaced_letter():
    """No character :data:`UNSPACED` matches is in :data:`UNSPACED_FREE_BLOCKS` (all of
    Unicode, with the installed ``regex``'s tables): a document the screen passes has no
    unspaced letter, so :func:`recount_unspaced` may return at once."""
    missed = [
        c for c in range(sys.maxunicode + 1)
        if not 0xD800 <= c <= 0xDFFF
        and P.UNSPACED.match(chr(c)) is not None
        and P._MAYBE_UNSPACED.match(chr(c)) is None
    ]
    assert not missed, [hex(c) for c in missed[:10]]
    # the screen is not vacuous: it passes the characters of French typography and mojibake
    typo = "L’été « à Noël » — 3 000 € … œuvre ½ ™ • № ‰ \u202f\u00a0\ufffd Ã©"
    assert P._MAYBE_UNSPACED.search(typo) is None
    assert P._MAYBE_UNSPACED.search("東京") is not None
    assert P._MAYBE_UNSPACED.search("emoji \U0001f600") is not None  # beyond U+FFFF: searched


def test_recount_unspaced_unchanged_by_the_screen():
    """A line of Thai / Han is still recounted when the document also holds Latin text."""
    from cleannews.strip.detectors import _Line

    lines = [_Line("Le marché", frozenset()), _Line("离别的话最难说出口", frozenset())]
    P.recount_unspaced(lines, "Le marché\n离别的话最难说出口")
    assert [ln.n for ln in lines] == [2, 5]

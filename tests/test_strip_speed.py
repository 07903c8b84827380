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


def _pages() -> list[str]:
    from pathlib import Path

    from cleannews.evaluate import read_corpus, read_fixture

    root = Path(__file__).resolve().parent.parent
    docs = [p.read_text("utf-8") for p in sorted((root / "seeds").glob("*.txt"))]
    docs += [read_fixture(p)[0] for p in sorted((root / "fixtures" / "strip").glob("*.txt"))]
    real = read_corpus(root / "fixtures" / "strip_real")
    docs += [d for rec, d, _ in real if rec["split"] == "train"]
    return docs


def test_head_words_from_the_lines_equal_the_guess_tokenizer():
    """:func:`build_lines` reads the page-language words from its lines: the same list as
    ``\\w+`` over the lower-cased first characters, or None (then the guess tokenizes), on
    real pages, their typeset forms and pages with the characters where lowering, case
    folding or :func:`match_text` differ (ʼ, final sigma, İ, ß, ligatures), a cut inside a
    word and lines longer than the head."""
    import re

    from cleannews._lines import split_lines
    from cleannews.strip.detectors import build_lines

    base = _pages()
    docs = list(base)
    docs += [d.replace("'", "’").replace(" :", "\u202f:").replace("« ", "«\u00a0") for d in base]
    tricky = ["Lʼété", "ΟΔΟΣ ΑΘΗΝΑΣ", "İstanbul", "Straße", "ﬁnance", "naïve\u00a0ville",
              "a\u2009b"]
    for k, d in enumerate(base[:200]):
        t = tricky[k % len(tricky)]
        docs.append(t + " " + d)
        docs.append(d[:990] + t + d[990:])
        docs.append(" ".join(d.split("\n")))  # one line longer than the head
    word = re.compile(r"\w+")
    read = 0
    for d in docs:
        got = build_lines(d, split_lines(d)).head_words
        if got is not None:
            read += 1
            assert got == word.findall(d[: P.PAGE_LANGUAGE_CHARS].lower()), d[:120]
    assert read > len(docs) // 2  # the shortcut is taken on most pages


def test_strip_text_guess_uses_line_words_without_changing_it(monkeypatch):
    """The whole stage gives the same text and Changes whether the guess reads the lines'
    words or tokenizes the head itself (the words are dropped on purpose)."""
    import cleannews
    from cleannews.strip import detectors as D
    from cleannews.strip import strip_text

    cfg = cleannews.CleanConfig()
    docs = [cleannews.repair(d).text for d in _pages()[::3]]
    fast = [strip_text(d, cfg) for d in docs]
    monkeypatch.setattr(D, "_head_words", lambda *a: None)
    slow = [strip_text(d, cfg) for d in docs]
    for a, b in zip(fast, slow, strict=True):
        assert a.text == b.text
        assert [(c.rule, c.span, c.reason) for c in a.changes] == [
            (c.rule, c.span, c.reason) for c in b.changes
        ]

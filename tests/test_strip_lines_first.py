"""Shortcuts of branch perf-strip4 (issue 12) give exactly the output of the paths they replace.

* A short document builds its lines first, keeping their words, and guesses its language
  from them (``_page.LINES_FIRST_MAX_CHARS``); a long one is guessed from its head first and
  its lines keep no words. Both paths must give the same text and Changes on real pages.
* The anchored indexes test one character every match holds before running a pattern
  that has no longer required literal (``_triggers.required_char``): on every real line a
  pattern matches, the character is there; and no other character matches it or folds to
  it (all of Unicode).
"""

from __future__ import annotations

import sys
from pathlib import Path

import regex

import cleannews
from _helpers import train_pages
from cleannews.strip import _page, strip_text
from cleannews.strip._rules import match_text
from cleannews.strip._triggers import REQUIRED_CHARS_ORDER, required_char, required_literal
from test_strip_speed import _anchored_patterns

ROOT = Path(__file__).resolve().parent.parent


def _pages() -> list[str]:
    """The TRAIN pages of ``fixtures/strip_real`` (the test split stays unseen) and the seeds."""
    pages = [doc for _, doc, _ in train_pages()]
    return pages + [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def _outputs(docs: list[str]) -> list[tuple]:
    cfg = cleannews.CleanConfig()
    out = []
    for d in docs:
        r = strip_text(d, cfg)
        out.append((r.text, [(c.rule, c.span, c.reason, c.before) for c in r.changes]))
    return out


def test_lines_first_equals_guess_first_on_real_pages(monkeypatch):
    docs = [cleannews.repair(d).text for d in _pages()]
    assert all(len(d) <= _page.LINES_FIRST_MAX_CHARS for d in docs)  # the short path ran
    short = _outputs(docs)
    monkeypatch.setattr(_page, "LINES_FIRST_MAX_CHARS", -1)  # every page the long way
    long = _outputs(docs)
    differ = [k for k, (a, b) in enumerate(zip(short, long, strict=True)) if a != b]
    assert not differ, differ[:5]
    # pages where something went (a third: the round-9 TRAIN pages, from sites no rule was
    # written for, often lose nothing: 349 of 698 pages after round 9)
    assert sum(bool(c) for _, c in short) > len(docs) // 3


def test_required_char_is_in_every_real_match():
    pats = [(p, c) for p in _anchored_patterns()
            if required_literal(p) is None and (c := required_char(p)) is not None]
    assert len(pats) > 20
    lines = sorted({match_text(ln.strip()) for d in _pages() for ln in d.split("\n")} - {""})
    matched = 0
    for p, c in pats:
        pat = regex.compile(p, regex.IGNORECASE | regex.V0)
        for ln in lines:
            m = pat.search(ln)
            if m is not None:
                matched += 1
                assert c in m.group(), (p, c, ln)
                assert c in ln.casefold()
    assert matched > 50  # the patterns do match real lines (the claim was tested)


def test_required_chars_match_and_fold_only_themselves():
    cls = regex.compile(
        "[" + "".join(regex.escape(c) for c in REQUIRED_CHARS_ORDER) + "]",
        regex.IGNORECASE | regex.V0,
    )
    chars = set(REQUIRED_CHARS_ORDER)
    bad = []
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        if (cls.fullmatch(ch) is not None) != (ch in chars):
            bad.append(hex(cp))
        elif ch not in chars and chars.intersection(ch.casefold()):
            bad.append(hex(cp))
    assert not bad, bad[:10]

"""The strip stage's block-by-block reading of the folded text equals the whole-document one.

:class:`cleannews.strip.detectors.LowBlocks` stands for ``"\\n".join(ln.low for ln in lines)``
in the rule plans (:meth:`RuleSet.plan`) and the per-line triggers
(:meth:`RuleSet.line_triggers`) without keeping that text. Checked here, with block
boundaries anywhere (block sizes from one character up), on generated lines and on the
real pages of the TRAIN split: the plans and the triggers are those of the joined text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _helpers import train_pages
from cleannews._lines import split_lines
from cleannews.strip._rules import load_rules
from cleannews.strip.detectors import (
    HEAD_WORDS,
    LowBlocks,
    _Asked,
    _Line,
    build_lines,
)

ROOT = Path(__file__).resolve().parents[1]
LANGS = (("fr", "en"), ("fr", "en", "de"), ("fr", "en", "es", "it"))

#: Words of rule phrases and of prose, glued into lines by the strategy below.
_VOCAB = [
    "partager", "sur", "facebook", "abonnez-vous", "à", "la", "newsletter", "lire", "aussi",
    "commentaires", "publicité", "l'économie", "teilen", "compartir", "condividi", "cookies",
    "read", "more", "follow", "us", "©", "afp", "😀", "été", "mots-clés", ":", "|", "»",
]


def _whole(rs, lines, words):
    """Plans and triggers the way judge_lines made them, on the whole joined text."""
    low = "\n".join(ln.low for ln in lines)
    heads3 = {w[:3] for w in words}
    plans = [rs.plan(words, low, kind, heads3) for kind in ("phrase", "span")]
    starts, pos = [], 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln.low) + 1
    return plans, [rs.line_triggers(p, low, starts) for p in plans]


def _blocked(rs, lines, words, block_chars):
    blocks = LowBlocks(lines, block_chars)
    plans = list(blocks.plans(rs, words, {w[:3] for w in words}))
    return plans, blocks.triggers(rs, *plans)


def _check(text: str, langs: tuple[str, ...], block_chars: int) -> None:
    built = build_lines(text, split_lines(text), langs)
    words = built.doc_words
    rs = load_rules(langs)
    plans, triggers = _whole(rs, built.lines, words)
    got_plans, got_triggers = _blocked(rs, built.lines, words, block_chars)
    assert got_plans == plans
    # each line's set, as the sorted tuple the blocks give (perf20)
    assert got_triggers == [{i: tuple(sorted(s)) for i, s in per.items()} for per in triggers]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(st.sampled_from(_VOCAB), max_size=12).map(" ".join), max_size=30),
    st.sampled_from(LANGS),
    st.integers(min_value=1, max_value=300),
)
def test_blocks_equal_the_joined_text_on_generated_lines(lines, langs, block_chars) -> None:
    _check("\n".join(lines), langs, block_chars)


def _train_pages() -> list[str]:
    return [doc for _, doc, _ in train_pages()]


@pytest.mark.parametrize("block_chars", [1, 97, 4096, 1 << 16])
def test_blocks_equal_the_joined_text_on_real_pages(block_chars) -> None:
    """Every TRAIN page, and all of them as one document (many blocks)."""
    pages = _train_pages()
    assert len(pages) > 100
    for page in pages[:: 7 if block_chars > 1 else 31]:
        _check(page, ("fr", "en"), block_chars)
    _check("\n\n".join(pages[:120]), ("fr", "en", "de"), block_chars)


def test_a_plan_finds_fragments_on_real_pages() -> None:
    """The comparison above is not between empty plans: real pages trigger rules."""
    text = "\n\n".join(_train_pages()[:40])
    built = build_lines(text, split_lines(text), ("fr", "en"))
    rs = load_rules(("fr", "en"))
    plans, triggers = _blocked(rs, built.lines, built.doc_words, 500)
    assert plans[0][1] and triggers[0] and triggers[1]


@pytest.mark.parametrize("langs", [("fr", "en", "de", "es", "it")])
def test_no_plan_fragment_holds_a_newline(langs) -> None:
    """What the blocks rely on: a fragment never spans two lines."""
    rs = load_rules(langs)
    text = "\n\n".join(_train_pages()[:60])
    built = build_lines(text, split_lines(text), langs)
    asked = _Asked()
    words = set(built.doc_words)
    for kind in ("phrase", "span"):
        rs.plan(words, asked, kind, {w[:3] for w in words})
    assert asked.frags
    assert not [f for f in asked.frags if "\n" in f]


def test_a_gigantic_line_is_one_block() -> None:
    """A line longer than a block is a block of its own (its folded text is capped)."""
    line = ("Partager sur Facebook " * 2000).strip()
    lines = [_Line(t, frozenset()) for t in ("Titre", line, "", "Fin")]
    assert len(lines[1].low) > HEAD_WORDS
    parts = [part for part, _, _ in LowBlocks(lines, 100).blocks()]
    assert parts == ["titre", lines[1].low, "\nfin"]


def test_lines_mapped_one_by_one_equal_the_mapped_document() -> None:
    """build_lines maps each line alone: the same texts as slices of the mapped document."""
    from cleannews.strip._rules import match_text

    text = "\n\n".join(_train_pages()[:80]) + "\nL’été\u00a0: «\u202fÀ lire\u2009»\nʼok’ \u00a0\n"
    spans = split_lines(text)
    mapped = match_text(text)
    built = build_lines(text, spans, ("fr", "en"))
    assert [ln.text for ln in built.lines] == [mapped[s:c].strip() for s, c, _ in spans]
    assert any(m != text[s:c].strip() for m, (s, c, _) in
               zip((ln.text for ln in built.lines), spans, strict=True))

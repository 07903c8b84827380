"""Round 39 (spinfast54): the context reading splits a piece holding a name once.

``ContextTerm._read_pieces`` needs each token's offset in a piece that holds a capital
where no sentence starts (``name_starts``: ``name_tokens`` reads the names' words out).
The round-start code split such a piece twice (``findall`` for the tokens, then
``finditer`` for the offsets) and called ``folded_span`` once per token, even where every
character folds to one and the offsets hold as they are. ``_token_starts`` now reads both
from one ``split`` in C (the tokenizer as one group), and maps offsets through
``folded_span`` only when lower-casing lengthened the piece ("İ").

The first test counts the removed calls and fails on the round-start code (one
``folded_span`` a token of every named piece); the others check the tokens and offsets
against the round-start formula on real text and on pieces that fold longer (they pass on
both codes; ``_token_starts`` is new, so they need this code).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from cleannews.score import _context

ROOT = Path(__file__).parent.parent


def _real_texts(every: int = 40, limit: int = 60) -> list[str]:
    """The seeds and every ``every``-th development validation text (up to ``limit``)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    with gzip.open(ROOT / "fixtures/spin/validation.jsonl.gz", "rt", encoding="utf-8") as f:
        for k, line in enumerate(f):
            if k % every == 0:
                texts.append(json.loads(line)["text"])
            if len(texts) > limit:
                break
    return texts


def _round_start(tok, para: str, low: str) -> tuple[list[str], list[int]]:
    """The round-start formula: ``findall``, then ``finditer`` and one ``folded_span`` a
    token."""
    ends = None if len(low) == len(para) else _context.fold_ends(para)
    return tok.findall(low), [
        _context.folded_span(para, low, *m.span(), ends)[0] for m in tok.finditer(low)]


def test_named_pieces_map_no_offset_one_by_one(monkeypatch) -> None:
    """Reading the seeds and development texts (none lengthens on lower-casing): no
    ``folded_span`` call at all; the round-start code made one per token of each piece
    with a name (thousands here)."""
    term = _context.get_context_term()
    texts = _real_texts()
    assert all(len(_context.fold(t)) == len(t) for t in texts)
    calls = []
    real = _context.folded_span

    def counted(*args, **kw):
        calls.append(1)
        return real(*args, **kw)

    monkeypatch.setattr(_context, "folded_span", counted)
    named = 0
    for text in texts:
        for _start, para, low, _tok, _toks, _tid in term._read_pieces(text, term.new_style()):
            named += bool(low != para and _context.name_starts(para))
    assert named > 100
    assert calls == [], f"{len(calls)} folded_span calls for {named} named pieces"


@pytest.mark.parametrize("which", ["fast", "reference"])
def test_tokens_and_offsets_as_at_round_start(which: str) -> None:
    """Every line of the seeds and of every 40th development text, split by the fast
    tokenizer (where it is safe) or by ``CONTEXT_TOKEN``: the same tokens and offsets as
    the round-start formula."""
    fast, unsafe = _context._fast_tokenizer()
    n = 0
    for text in _real_texts():
        for line in text.split("\n"):
            low = _context.fold(line)
            if which == "fast" and unsafe(low) is not None:
                continue
            tok = fast if which == "fast" else _context.CONTEXT_TOKEN
            got = _context._token_starts(tok, line, low)
            assert got == _round_start(tok, line, low), line
            n += len(got[0])
    assert n > 5000


@pytest.mark.parametrize("para", [
    "İl a vu la Coupe d’İstanbul à İzmir, puis l'Europe.",
    "Le Maire de İnegöl et la Palme d'or",
    "İİİ Vit À Ça",
])
def test_pieces_that_fold_longer(para: str) -> None:
    """Where lower-casing lengthens the piece, the offsets are the input's, as
    ``folded_span`` maps them (and the tokens those of ``findall``)."""
    low = _context.fold(para)
    assert len(low) > len(para)
    got = _context._token_starts(_context.CONTEXT_TOKEN, para, low)
    assert got == _round_start(_context.CONTEXT_TOKEN, para, low)
    # each offset is the input's character whose fold starts the token
    assert all(_context.fold(para[a])[0] == t[0] for t, a in zip(*got, strict=True))


def test_reading_unchanged_with_names() -> None:
    """A named piece's reading: the name's words are read as words the table lacks, the
    other tokens keep their ids (the same pieces as the round-start reading gives)."""
    term = _context.get_context_term()
    para = "Il gagne la Coupe d'Europe à l'Collège avec son équipe."
    (_s, _p, low, tok, toks, tid), = term._read_pieces(para, term.new_style())
    assert toks == tok.findall(low)
    names = [toks[i] for i, x in enumerate(tid) if x == term.none]
    assert "coupe" in names and "europe" in names
    assert tid[toks.index("équipe")] != term.none

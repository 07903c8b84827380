"""The context term's gains of many pieces at once (branch spin18, issue 11/12).

``ContextTerm.analyse`` computes the gains of a document's checked words in batches of
pieces with numpy (``_batch_gains``), from ``GAINS_VECTOR_MIN_TOKENS`` tokens a batch; smaller
batches go through the per-piece loop ``_para_gains``. Both must give the same floats, not
close ones: here on real pieces (validation documents, TRAIN pages of ``fixtures/strip_real``,
seeds; both shipped terms: the term added to the logit backs off, the kind statistic does
not), on generated id sequences, and for whole analyses with the batches forced small,
forced large and turned off. Memory stays bounded: a long text is analysed in batches of
about ``GAINS_BATCH_TOKENS`` tokens, never as one array.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _helpers import golden_spin_texts, train_pages
from cleannews.score import _context
from cleannews.score._context import get_context_term, get_kind_term

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module", params=["term", "kind"])
def term(request):
    t = get_context_term() if request.param == "term" else get_kind_term()
    if not t.syn:
        pytest.skip("the context term's data is not shipped")
    return t


def _validation(every: int) -> list[str]:
    with gzip.open(ROOT / "fixtures/spin/validation.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line)["text"] for k, line in enumerate(fh) if k % every == 0]


def _train_pages(every: int) -> list[str]:
    pages = train_pages()
    return [doc for _, doc, _ in pages[::every]]


def _seeds() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def _gains_list(term, tids: list[list[int]]) -> list[tuple[int, int, float, int]]:
    """``(piece, i, gain, best synonym id)`` of ``term._batch_gains``, as Python numbers: for
    each piece ``k`` in order, ``(k, *g)`` for each ``g`` of ``_para_gains`` of piece ``k``
    (this adapter lived in the package as ``ContextTerm._gains_list``, used by no code there;
    audit19 moved it here)."""
    import bisect

    starts, pos, gain, sbest = term._batch_gains(tids)
    out = []
    for p, g, s in zip(pos.tolist(), gain.tolist(), sbest.tolist(), strict=True):
        k = bisect.bisect_right(starts, p) - 1
        out.append((k, p - starts[k], g, s))
    return out


def _loop_gains(term, tids: list[list[int]]) -> list[tuple[int, int, float, int]]:
    """What :func:`_gains_list` must equal: ``_para_gains`` of each piece (ids with ``None``)."""
    none = term.none
    return [(k, i, g, s) for k, tid in enumerate(tids)
            for i, g, s in term._para_gains([None if x == none else x for x in tid])]


def test_batch_gains_equal_the_loop_on_real_pieces(term) -> None:
    texts = _validation(12) + _train_pages(6) + _seeds()
    n_words = n_docs = 0
    for text in texts:
        tids = [p[5] for p in term._reading(text)[0]]
        ref = _loop_gains(term, tids)
        assert _gains_list(term, tids) == ref, text[:200]
        # one piece at a time too (what ``context_paragraphs`` asks of ``analyse``)
        for k, tid in enumerate(tids):
            assert _gains_list(term, [tid]) == [(0, i, g, s) for kk, i, g, s in ref if kk == k]
        n_words += len(ref)
        n_docs += bool(ref)
    assert n_docs > 250 and n_words > 10_000


def _id_pool(term) -> list[int]:
    """Checked words, their synonyms, frequent and rare table words, and ``none``."""
    checked = sorted(term.syn)[:300]
    syns = sorted({s for w in checked for s in term.syn[w]})
    v = len(term.t.ids)
    return checked + syns + list(range(40)) + list(range(v - 40, v)) + [term.none] * 40


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_batch_gains_equal_the_loop_on_generated_ids(term, data) -> None:
    pool = _id_pool(term)
    tids = data.draw(st.lists(st.lists(st.sampled_from(pool), max_size=30), max_size=5))
    assert _gains_list(term, tids) == _loop_gains(term, tids)


def test_a_missing_neighbour_matches_no_pair(term) -> None:
    """``none`` on either side finds no key: a checked word after (or before) ``none``
    reads as having no neighbour there, as ``None`` does in ``_para_gains``; words whose
    only neighbour is ``none`` are not checked."""
    w = next(w for w in sorted(term.syn) if len(term.syn[w]) > 1)
    none = term.none
    for tids in ([[w]], [[none, w, none]], [[0, w, none]], [[none, w, 0]], [[w], [w, w]]):
        assert _gains_list(term, tids) == _loop_gains(term, tids)
    assert _gains_list(term, [[none, w, none]]) == []


@pytest.mark.parametrize(("batch", "vector_min"), [(1 << 14, 0), (50, 0), (1 << 14, 1 << 30)])
def test_analyse_is_the_same_whatever_the_batches(term, monkeypatch, batch, vector_min) -> None:
    """Whole analyses: the vector path everywhere (small and large batches) and nowhere give
    what the shipped settings give, field by field."""
    texts = golden_spin_texts()[::3] + _validation(40) + _seeds()
    want = [term.analyse(t) for t in texts]
    monkeypatch.setattr(_context, "GAINS_BATCH_TOKENS", batch)
    monkeypatch.setattr(_context, "GAINS_VECTOR_MIN_TOKENS", vector_min)
    got = [term.analyse(t) for t in texts]
    assert got == want
    assert sum(a["best"] is not None for a in want) > 100


def test_a_long_text_is_analysed_in_bounded_batches(monkeypatch) -> None:
    """A 1 MB document is read piece by piece (over ``READING_MEMO_CHARS``) and its gains
    are computed in batches of at most ``GAINS_BATCH_TOKENS`` tokens plus one piece: the
    numpy arrays never hold the whole document."""
    term = get_context_term()
    if not term.syn:
        pytest.skip("the context term's data is not shipped")
    text = "\n".join(_validation(20))
    text = "\n".join([text] * (1 + 1_000_000 // len(text)))
    sizes: list[int] = []
    real = term._batch_gains

    def spy(tids):
        sizes.append(sum(map(len, tids)))
        return real(tids)

    monkeypatch.setattr(term, "_batch_gains", spy)
    a = term.analyse(text)
    longest = max(len(p[4]) for p in term._read_pieces(text, term.new_style()))
    assert len(sizes) > 10
    assert max(sizes) < _context.GAINS_BATCH_TOKENS + longest
    monkeypatch.setattr(_context, "GAINS_VECTOR_MIN_TOKENS", 1 << 30)
    assert term.analyse(text) == a

"""The context term's code of branch spin-term5 (docs/spin-history.md, "Context term, fifth round":
its candidate data shipped by spin-ship5 as the added term; the evidence kind keeps the
spin-wire term, ``get_kind_term``, without back-off).

* The slot is computed in log space with the terms that do not depend on the candidate
  dropped (``log(count(left) + mu)``, ``log P(right)``): the gain must still be the gain of
  the full smoothed bigram slot, ``log P(x | left) + log P(right | x) - log P(right)``.
* Back-off: a neighbour that neither the word nor any of its synonyms was ever seen with
  is read as no neighbour; a word left with no neighbour is not checked.
* The register gate reads only the gate words present in the text: it must equal the
  dense standardised logistic score over all 180 style features.
"""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path

import pytest

from cleannews.score._context import (
    CONTEXT_BREAK,
    ContextTerm,
    context_tokens,
    get_context_term,
    get_kind_term,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def term() -> ContextTerm:
    return get_context_term()


def _docs(n: int = 40) -> list[str]:
    """Validation documents (UD clean and MyThes V spins: development data)."""
    with gzip.open(ROOT / "fixtures/spin/validation.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line)["text"] for _, line in zip(range(n), fh, strict=False)]


def _full_gain(term: ContextTerm, tid: list, i: int) -> float | None:
    """The gain from the full slot, the neighbours chosen as ``_word`` chooses them."""
    wi, cands = tid[i], term.syn.get(tid[i])
    left = tid[i - 1] if i else None
    right = tid[i + 1] if i + 1 < len(tid) else None
    if term.backoff:
        pair = term.t.pair_ids
        if left is not None and not any(pair(left, x) for x in (wi, *cands)):
            left = None
        if right is not None and not any(pair(x, right) for x in (wi, *cands)):
            right = None
    if left is None and right is None:
        return None
    best, s = max((term.full_slot(c, left, right), c) for c in cands)
    return (best - term.lp[s]) - (term.full_slot(wi, left, right) - term.lp[wi])


def _tids(term: ContextTerm, texts: list[str]) -> list[list]:
    ids = term.t.ids
    return [[None if t in CONTEXT_BREAK else ids.get(t) for t, _ in context_tokens(p)]
            for text in texts for p in text.split("\n") if p.strip()]


def test_log_space_gain_is_the_full_slot_gain(term) -> None:
    n = 0
    for tid in _tids(term, _docs()):
        for i, gain, _s in term._para_gains(tid):
            ref = _full_gain(term, tid, i)
            assert ref is not None and gain == pytest.approx(ref, abs=1e-9), (tid[i], gain, ref)
            n += 1
    assert n > 500


def test_backoff_drops_a_never_seen_neighbour(term) -> None:
    # (the added term has back-off on since spin-ship5, the evidence kind's term off; the
    # code path is checked on the shipped table and synonyms)
    t = term.t
    term = ContextTerm(t, dict(term.syn), {**term.params, "backoff": True})
    # a checked word, and a table word it and its synonyms never follow
    wi = next(w for w in sorted(term.syn) if t.counts[w] > 1000)
    cands = term.syn[wi]
    left = next(a for a in range(len(t.counts) - 1, 0, -1)
                if not any(t.pair_ids(a, x) for x in (wi, *cands)))
    assert term._word([left, wi], 1) is None  # its only neighbour says nothing: not checked
    assert term._para_gains([left, wi]) == []
    no_backoff = ContextTerm(t, dict(term.syn), {**term.params, "backoff": False})
    assert get_context_term().backoff and not get_kind_term().backoff
    g = no_backoff._word([left, wi], 1)
    assert g is not None and [x[1] for x in no_backoff._para_gains([left, wi])] == [g[0]]
    # with a right neighbour it is seen with, the word is checked on that side alone
    right = next(b for b in range(len(t.counts)) if t.pair_ids(wi, b))
    both = term._word([left, wi, right], 1)
    assert both is not None and both == term._word([None, wi, right], 1)


def test_sparse_gate_equals_the_dense_score(term) -> None:
    g = term.params["gate"]
    for text in _docs(20):
        acc = term.new_style()
        for p in text.split("\n"):
            term.style_add(acc, [t for t, _ in context_tokens(p)])
        c, n_tok, n_alpha, n_letters, n_num = acc
        n = max(1, n_tok)
        v = [math.log1p(1000 * c.get(w, 0) / n) for w in term.gate_words]
        sents = sum(c.get(p, 0) for p in ".!?") + text.count("\n") + 1
        v += [math.log1p(n / sents), n_letters / max(1, n_alpha), math.log1p(1000 * n_num / n)]
        d = g["intercept"] + sum(k * (x - m) / s for k, x, m, s in
                                 zip(g["coef"], v, g["mean"], g["scale"], strict=True))
        assert term.gate(acc, text.count("\n") + 1) == pytest.approx(1 / (1 + math.exp(-d)),
                                                                      abs=1e-12)


def test_candidates_sorted_and_backoff_gains_equal_the_full_slot(term) -> None:
    assert all(list(c) == sorted(c) for c in term.syn.values())  # (``_para_gains`` relies on it)
    on = ContextTerm(term.t, dict(term.syn), {**term.params, "backoff": True})
    n = 0
    for tid in _tids(on, _docs(15)):
        got = on._para_gains(tid)
        assert got == [(i, *r) for i in range(len(tid)) if (r := on._word(tid, i))]
        for i, gain, _s in got:
            assert gain == pytest.approx(_full_gain(on, tid, i), abs=1e-9)
            n += 1
    assert n > 100

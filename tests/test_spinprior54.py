"""A context prior that grows with a neighbour's continuations (spinprior54's study; the kind
statistic's, K = 2, shipped by spinprior55 in round 40).

With ``mu_growth`` = K in a term's constants, the Dirichlet prior of each neighbour row is
``max(mu, K x its distinct continuations)`` (``_context.row_prior``), alike in ``_slot``
(``_word``, ``gain_of``), the per-piece loop ``_para_gains`` and the vector path
``_batch_gains``: the three give the same floats on real text. Without the key the terms
are the shipped ones.
"""

from __future__ import annotations

import math

import pytest

from cleannews.score import _context
from cleannews.score._context import _build_context_term, get_context_term, kind_params, term_params
from test_spin18_gains import _gains_list, _loop_gains, _seeds, _train_pages, _validation


@pytest.fixture(scope="module", params=[("kind", 2.0), ("kind", 1.0), ("term", 4.0)])
def grown(request):
    which, k = request.param
    params = kind_params() if which == "kind" else term_params()
    t = _build_context_term({**params, "mu_growth": k})
    if not t.syn:
        pytest.skip("the context term's data is not shipped")
    return t


def test_row_prior_grows_with_continuations() -> None:
    from cleannews.score._context import row_prior

    assert row_prior(20.0, 2.0, 5) == 20.0
    assert row_prior(20.0, 2.0, 1000) == 2000.0


def test_scalar_loop_and_vector_agree_on_real_text(grown) -> None:
    texts = _validation(24) + _train_pages(12) + _seeds()
    n_words = 0
    for text in texts:
        tids = [p[5] for p in grown._reading(text)[0]]
        ref = _loop_gains(grown, tids)
        assert _gains_list(grown, tids) == ref, text[:200]
        for k, tid in enumerate(tids):  # and ``_word`` (``_slot``) word by word
            ids = [None if x == grown.none else x for x in tid]
            for kk, i, g, s in ref:
                if kk == k:
                    assert grown._word(ids, i) == (g, s)
        n_words += len(ref)
    assert n_words > 5_000


def test_a_frequent_left_word_leaves_mass_to_unseen_continuations() -> None:
    """"qui poursuit" (unseen) against "qui pousse" (seen twice): the fixed prior (round 39's
    kind statistic) puts them about 9 nats apart; the grown prior of "qui"'s row (thousands
    of continuations), shipped in round 40 (K = 2), brings them much closer."""
    grown = _context.get_kind_term()
    if not grown.syn:
        pytest.skip("the context term's data is not shipped")
    fixed = _build_context_term({**kind_params(), "mu_growth": 0.0})
    ids = grown.t.ids
    qui, poursuit, pousse = ids["qui"], ids["poursuit"], ids["pousse"]

    def gap(t):
        return t._slot(pousse, qui, None) - t._slot(poursuit, qui, None) - (
            t.lp[pousse] - t.lp[poursuit])

    assert grown.growth == 2.0 and not fixed.growth
    assert gap(fixed) > 8.0
    assert gap(grown) < gap(fixed) - 3.0
    assert grown.mu_row[qui] == 2.0 * (grown.t.offsets[qui + 1] - grown.t.offsets[qui])


def test_without_the_key_the_shipped_terms_are_unchanged() -> None:
    t = get_context_term()
    if not t.syn:
        pytest.skip("the context term's data is not shipped")
    same = _build_context_term({**term_params(), "mu_growth": 0.0})
    assert not same.growth and not t.growth
    text = _validation(40)[0]
    assert same.analyse(text) == t.analyse(text)
    assert math.isfinite(t.analyse(text)["mean_gain"])

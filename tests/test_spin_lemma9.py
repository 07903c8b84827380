"""spin-lemma9: the development harness's lemma back-off (``tools/spin/dev_lemma9.py``) sums the
shipped count table's counts by lemma and computes the context term's gain in lemma space.

With every table word read as its own lemma, the lemma table is the count table and the
lemma-space gain of each checked word of real validation spins equals the package's own
(``ContextTerm._para_gains``); with two forms read as one lemma, counts and pairs add up."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools/spin"))


@pytest.fixture(scope="module")
def lem():
    import dev_context5 as d5
    import dev_lemma9 as m

    return m, d5.Table()


def _spins(n: int) -> list[str]:
    out = []
    with gzip.open(REPO / "fixtures/spin/validation.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["label"] == 1 and r["mode"] == "careful":
                out.append(r["text"])
            if len(out) == n:
                break
    return out


def test_identity_lemmas_give_the_package_gains_on_real_spins(lem):
    m, T = lem
    from cleannews.score._context import get_context_term

    term = get_context_term()
    ids = T.t.ids
    L = m.LemmaTable(T, {w: {w} for w in ids})
    to_l = np.array([L.ids[w] for w in sorted(ids, key=ids.__getitem__)])
    assert np.array_equal(L.cnt[to_l], T.cnt)
    rows = {"lw": [], "left": [], "right": [], "cand": []}
    want = []
    for text in _spins(12):
        for para in m.c8._tokens(text):
            tid = [ids.get(t) for t in para]
            for i, g, _s in term._para_gains(tid):
                c = [int(to_l[x]) for x in term.syn[tid[i]]]
                rows["lw"].append(int(to_l[tid[i]]))
                rows["left"].append(tid[i - 1] if i and tid[i - 1] is not None else -1)
                nxt = tid[i + 1] if i + 1 < len(tid) else None
                rows["right"].append(-1 if nxt is None else nxt)
                rows["cand"].append(c + [-1] * (m.K - len(c)))
                want.append(g)
    assert len(want) > 100
    occ = {k: np.array(v, dtype=np.int64) for k, v in rows.items()}
    got = m.lemma_gains(L, T, occ, float(term.params["mu"]))
    assert not np.isnan(got).any()
    np.testing.assert_allclose(got, np.array(want), rtol=1e-9, atol=1e-9)


def test_forms_of_one_lemma_add_up(lem):
    m, T = lem
    ids = T.t.ids
    L = m.LemmaTable(T, {"projet": {"projet"}, "projets": {"projet"}, "loi": {"loi"}})
    li = np.array([L.ids["projet"]])
    assert L.cnt[li[0]] == T.cnt[ids["projet"]] + T.cnt[ids["projets"]]
    for left in ("le", "les", "des", "du"):
        a = np.array([ids[left]])
        form = sum(T.pair(a, np.array([ids[w]]))[0] for w in ("projet", "projets"))
        assert L.pair_l(a, li)[0] == form
    de = np.array([ids["de"]])
    form = sum(T.pair(np.array([ids[w]]), de)[0] for w in ("projet", "projets"))
    assert form > 0 and L.pair_r(li, de)[0] == form


def test_an_ambiguous_form_is_split_by_its_lemmas_counts(lem):
    m, T = lem
    ids = T.t.ids
    rd = {"point": {"point", "poindre"}, "points": {"point"}, "poindre": {"poindre"}}
    whole, split = m.LemmaTable(T, rd), m.LemmaTable(T, rd, split=True)
    total = sum(T.cnt[ids[w]] for w in rd)
    assert whole.cnt.sum() == total + T.cnt[ids["point"]]  # counted for both lemmas
    assert split.cnt.sum() == pytest.approx(total)  # shared out
    # the verb "poindre" (3 occurrences of its own) takes almost nothing of "point"
    assert split.cnt[split.ids["poindre"]] < 0.01 * split.cnt[split.ids["point"]]

"""A fashion column is not quarantined on a context kind that rests on a few words (spinfp54,
issue 11 item 4: no single feature or token can quarantine).

fr-r45-0005 (round 39's transfer batch r45: a 2007 fashion column, "On dirait le printemps !")
was quarantined at 0.910: lexical evidence of a florid vocabulary plus the context term's
evidence kind, which held without its best word ("qui poursuit tranquillement" -> "pousse",
10.5 nats) because six more words had gains at or near the clip (8 nats): a seen pair
against an unseen one beside a rare neighbour ("le sac cabas", "le style désormais",
"particulièrement sombre", "et libéré", "grand angle et", "les indispensables longues").
The kind now holds only without its best ``_decision.kind_trim(n)`` words
(``KIND_TRIM_SHARE`` of the checked words): 0.36 there, under ``CONTEXT_TERM_MIN``."""

from __future__ import annotations

import cleannews
from _helpers import train_doc
from cleannews.score import _decision
from cleannews.score._context import context_tokens, get_kind_term

PAGE = "fr-r45-0005"


def _content(page_id: str) -> str:
    _doc, labelled = train_doc(page_id)
    return "\n".join(lb.text for lb in labelled if lb.content)


def _spin_every(text: str, every: int) -> str:
    """``text`` with every ``every``-th word the kind statistic checks (4 letters or more)
    replaced by its first synonym of the kind statistic's table: a spinner on the project's
    own synonyms, deterministic."""
    t = get_kind_term()
    out, k = [], 0
    for line in text.split("\n"):
        reps = []
        for tok, start in context_tokens(line):
            wid = t.t.ids.get(tok)
            if wid is None or wid not in t.syn or len(tok) < 4:
                continue
            k += 1
            if k % every == 0:
                reps.append((start, start + len(tok), t.words[t.syn[wid][0]]))
        for a, b, w in reversed(reps):
            line = line[:a] + w + line[b:]
        out.append(line)
    return "\n".join(out)


def test_the_fashion_column_is_not_quarantined():
    s = cleannews.spin_score(_content(PAGE))
    assert s.label != "spun", s.score
    assert "decided.context_term" not in s.signals


def test_the_column_context_kind_rests_on_a_few_words():
    """Without its best word the kind holds (the old check), without its best three (5 % of
    its 60 checked words) it does not."""
    kind = get_kind_term()
    a = kind.analyse(_content(PAGE))
    assert a["n"] >= 50 and _decision.kind_trim(a["n"]) == 3
    assert _decision.term_without_best(a, kind.params) >= _decision.CONTEXT_TERM_MIN
    assert _decision.term_without_top(a, kind.params, 3) < _decision.CONTEXT_TERM_MIN


def test_a_spun_look_alike_of_the_column_is_still_quarantined():
    """A quarter of its checked words spun: lexical evidence and the context kind decide."""
    s = cleannews.spin_score(_spin_every(_content(PAGE), 4))
    assert s.label == "spun", s.score
    assert {"decided.context_term", "decided.lexical"} <= set(s.signals)


def test_term_without_top_one_is_term_without_best():
    kind = get_kind_term()
    a = kind.analyse(_content(PAGE))
    assert round(_decision.term_without_top(a, kind.params, 1), 9) == round(
        _decision.term_without_best(a, kind.params), 9)

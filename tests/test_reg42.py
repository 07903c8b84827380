"""Real French news in a literary register is not quarantined: one human slip is not read
again by the context term (issue 11; the round 33 section of docs/spin-history.md: real news
in a literary register).

fr-r36-0022 (a jazz festival review, TRAIN batch r36) was quarantined at 0.993: lexical
evidence of a critic's vocabulary plus the context term's evidence kind, which held without
its best word ("la chère Belgique") only because of the human slip "une mouvement
tellurique" — "mouvement" after "une" is a misfit the grammar detector had already counted.
A lone counted slip's junctions are now cut in the text the context term reads
(``_decision.context_reading`` / ``mask_slips``, ``SLIPS_OUT_OF_CONTEXT_MAX`` = 1)."""

from __future__ import annotations

import pytest

import cleannews
from _helpers import train_doc, train_pages
from cleannews.score import _decision
from cleannews.score._context import context_tokens

GRAMMAR = frozenset({"elision", "contraction", "gender_agreement", "number_agreement",
                     "adjective_agreement", "function_word"})


def _content(page_id: str) -> str:
    _doc, labelled = train_doc(page_id)
    return "\n".join(lb.text for lb in labelled if lb.content)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def test_the_jazz_review_is_not_quarantined():
    s = cleannews.spin_score(_content("fr-r36-0022"))
    assert s.label != "spun" and s.score < 0.9, (s.score, s.label)
    # the context term is no kind of evidence here any more: its reading without the slip
    assert "decided.context_term" not in s.signals
    # and the explanation still adds up
    total = (s.signals["intercept"] + sum(v for k, v in s.signals.items() if k.startswith("kind."))
             + s.signals["rule_adjustment"] + s.signals["context_term"])
    assert total == pytest.approx(s.signals["logit"], abs=1e-3)


def test_the_review_slip_is_still_grammar_evidence():
    # the slip is not dropped: it stays the grammar evidence it was, counted once
    s = cleannews.spin_score(_content("fr-r36-0022"))
    slips = [e for e in s.evidence if e.signal in GRAMMAR and e.weight > 0]
    assert [e.text for e in slips] == ["une mouvement"]


@pytest.fixture(scope="module")
def french_scores():
    out = {}
    for rec, _doc, labelled in train_pages():
        if rec["lang"] == "fr":
            text = "\n".join(lb.text for lb in labelled if lb.content)
            out[rec["id"]] = cleannews.spin_score(text)
    return out


def test_context_evidence_never_points_at_a_counted_slip(french_scores):
    """On real news with one counted grammar slip, the context term's reading never joins the
    slip's words (main's code: "une mouvement" was the second-best context misfit of
    fr-r36-0022); the pages with such a slip and a context evidence item are checked by
    reading the term on the text as ``decide`` masks it."""
    from cleannews.score._context import get_kind_term

    bad, n = [], 0
    for pid, s in french_scores.items():
        slips = [e.span for e in s.evidence if e.signal in GRAMMAR and e.weight > 0]
        if len(slips) != 1:
            continue
        n += 1
        for e in s.evidence:
            if e.signal == "context" and any(_overlaps(e.span, sp) for sp in slips):
                bad.append((pid, e.text))
    assert n >= 20 and not bad
    # fr-r36-0022: the kind statistic without its best word, read as the rule reads it
    text = _content("fr-r36-0022")
    (span,) = [e.span for e in french_scores["fr-r36-0022"].evidence
               if e.signal in GRAMMAR and e.weight > 0]
    kind = get_kind_term()
    masked = kind.analyse(_decision.mask_slips(text, [span]))
    assert _decision.term_without_best(masked, kind.params) < _decision.kind_min(kind.params)
    assert _decision.term_without_best(kind.analyse(text), kind.params) >= (
        _decision.kind_min(kind.params))


def test_no_real_news_page_quarantined_and_few_suspect(french_scores):
    scored = {k: s for k, s in french_scores.items()
              if s.label not in ("insufficient", "unsupported_language")}
    assert len(scored) >= 700
    # the pages recorded when their batch joined TRAIN (test_spin_real_news.py)
    from test_spin_real_news import SPUN_KNOWN

    assert sorted(k for k, s in scored.items() if s.label == "spun") == SPUN_KNOWN
    # the fresh pages r40 and r46 brought over the bound (test_spin_real_news.py)
    from test_spin_real_news import SUSPECT_OVER_BOUND

    suspect = [k for k, s in scored.items() if s.label == "suspect"]
    assert len(set(suspect) - set(SUSPECT_OVER_BOUND)) <= 0.01 * len(scored), suspect


def test_mask_slips_keeps_offsets_and_cuts_the_slip_junctions():
    text = "Il montra la courage des marins, l’fonction."
    masked = _decision.mask_slips(text, [(10, 20), (33, 43)])
    assert len(masked) == len(text) and masked[:10] == text[:10] and masked[20:33] == text[20:33]
    toks = [t for t, _ in context_tokens(masked)]
    b = _decision.SLIP_BREAK
    assert toks == ["il", "montra", "la", b, "courage", "des", "marins", ",", "l", b,
                    "fonction", "."]
    # the break is no register-gate feature of either term
    from cleannews.score._context import get_context_term, get_kind_term

    assert b not in get_context_term().gate_names
    assert b not in get_kind_term().gate_names
    assert _decision.mask_slips(text, []) == text


def test_only_a_lone_slip_is_masked(monkeypatch):
    """The mask is the lever (off, the review is quarantined again), and only a lone slip is
    masked: fr-r33-0015 (a page with several slips) scores as with the mask off."""
    review, many = _content("fr-r36-0022"), _content("fr-r33-0015")
    on = cleannews.spin_score(many)
    assert sum(e.signal in GRAMMAR and e.weight > 0 for e in on.evidence) >= 2
    monkeypatch.setattr(_decision, "SLIPS_OUT_OF_CONTEXT_MAX", 0)
    assert cleannews.spin_score(review).label == "spun"
    assert cleannews.spin_score(many) == on


def test_a_slip_added_to_a_review_does_not_raise_the_context_term():
    """One slip made in correct French (fr-r36-0022 with its slip mended, then a new one
    made elsewhere): the context term adds no more than with the text's slip mended."""
    text = _content("fr-r36-0022").replace("une mouvement", "un mouvement")
    mended = cleannews.spin_score(text)
    assert not any(e.signal in GRAMMAR and e.weight > 0 for e in mended.evidence)
    assert mended.label != "spun"
    i = text.index("un mouvement")
    slipped = text[:i] + "une" + text[i + 2:]
    s = cleannews.spin_score(slipped)
    assert [e.text for e in s.evidence if e.signal in GRAMMAR and e.weight > 0] == [
        "une mouvement"]
    assert s.label != "spun"
    assert "decided.context_term" not in s.signals


def test_spun_seed_still_quarantined_and_clean_seeds_clean():
    from _helpers import ROOT

    for path in sorted((ROOT / "seeds").glob("00[0-4]_*.txt")):
        s = cleannews.spin_score(path.read_text(encoding="utf-8"))
        if path.name.startswith("003"):
            assert s.score >= 0.9 and s.label == "spun"
        else:
            assert s.score <= 0.1, (path.name, s.score)


def test_evidence_quotes_the_input_not_the_masked_reading():
    """The context term reads the slip's junction cut ("la)courage"), the evidence quotes the
    input. Before round 34 a paragraph whose lower-casing changes its length ("İ") made the
    context evidence's span run to the paragraph's end, over the slip; since then the span is
    the word's (``_context.folded_span``, ``tests/test_spin44.py``)."""
    text = _content("fr-r36-0022").replace("une mouvement", "un mouvement")
    i = text.index("la chère Belgique")
    text = text[:i] + "İstanbul, " + text[i:].replace(
        "la chère Belgique", "la chère Belgique et la courage", 1)
    s = cleannews.spin_score(text)
    slips = [e for e in s.evidence if e.signal in GRAMMAR and e.weight > 0]
    assert [e.text for e in slips] == ["la courage"]
    ctx = [e for e in s.evidence if e.signal == "context"]
    assert ctx and all(f"context: '{e.text.lower()}'" in e.reason for e in ctx)
    for e in s.evidence:
        assert e.text == text[e.span[0]:e.span[1]], e
    assert "la" + _decision.SLIP_BREAK + "courage" not in "".join(e.text for e in ctx)

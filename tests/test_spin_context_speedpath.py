"""The context term's fast path (branch perf-context4, issue 12) computes exactly what the
straightforward code computed.

``ContextTerm.analyse`` reads a paragraph's checked words through ``_para_gains`` (slot
arithmetic inlined, per-word constants precomputed), counts the register gate's style with
C-level passes and finds the best word's offset without re-tokenising its paragraph;
``contribution`` skips the analysis when the clamp leaves the term no room. The references
below are the code before that work (``_word`` / ``_slot`` for every checked token, the
per-token style loop, ``context_tokens`` for the span): every float must be equal, not
close, on real documents (the golden inputs, seeds, validation spins) and on generated
text and token-id sequences.
"""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _helpers import golden_spin_texts
from cleannews.score import _context
from cleannews.score._context import CONTEXT_BREAK, context_tokens, get_context_term

ROOT = Path(__file__).resolve().parents[1]


def _ref_style_add(acc: list, toks: list[str], gate_set) -> None:
    """The style counts as the per-token loop added them."""
    c = acc[0]
    for t in toks:
        if t in gate_set:
            c[t] = c.get(t, 0) + 1
    alpha = [len(t) for t in toks if t.isalpha()]
    acc[1] += len(toks)
    acc[2] += len(alpha)
    acc[3] += sum(alpha)
    acc[4] += sum(1 for t in toks if t.isdigit() or t == "<num>")


def reference_analyse(term, text: str, always_gate: bool = True) -> dict:
    """``ContextTerm.analyse`` as written before the fast path (``_word`` per token)."""
    pr = term.params
    lo, hi = pr["gain_clip"]
    ids = term.t.ids
    tot, n, best, where = 0.0, 0, None, None
    style = [{}, 0, 0, 0, 0]
    for start, para in _context._pieces(text):
        if not para.strip():
            continue
        read = context_tokens(para)
        toks = [t for t, _ in read]
        _ref_style_add(style, toks, term.gate_set)
        tid = [None if t in CONTEXT_BREAK else ids.get(t) for t in toks]
        for i in _context.name_tokens(para, toks, [a for _, a in read]):  # (spincap53)
            tid[i] = None
        for i, wi in enumerate(tid):
            if wi not in term.syn:
                continue
            r = term._word(tid, i)
            if r is None:
                continue
            gain, s = r
            tot += max(lo, min(hi, gain))
            n += 1
            if best is None or gain > best[0]:
                best = (gain, None, toks[i], term.words[s])
                where = (start, para, i)
    if best is not None:
        start, para, i = where
        a = context_tokens(para)[i][1]
        low = para.lower().replace("’", "'").replace("ʼ", "'")
        word = list(_context.CONTEXT_TOKEN.finditer(low))[i].group()  # (before "<num>")
        b = a + 1  # the shortest piece of the input whose lower case starts with the word
        while not para[a:b].lower().replace("’", "'").replace("ʼ", "'").startswith(word):
            b += 1
        best = (best[0], (start + a, start + b), best[2], best[3])
    mean = tot / (n + pr["prior_words"])
    z = (mean - pr["median"]) / pr["sd"]
    term_value = min(pr["cap"], pr["w"] * max(0.0, z - pr["b"]))
    g = None
    if always_gate or term_value > 0.0:
        g = term.gate(style, text.count("\n") + 1)
        term_value *= max(0.0, 1.0 - g) ** pr["gate_power"] if pr["gate_power"] else 1.0
    return {"mean_gain": mean, "z": z, "gate": g, "term": term_value, "n": n, "best": best}


def _reference_contribution(term, text: str, logit: float, quarantine: float) -> float:
    """What the term added to ``logit`` before the clamp shortcut."""
    pr = term.params
    if logit < pr["logit_floor"]:
        return 0.0
    a = reference_analyse(term, text, always_gate=False)
    if quarantine >= 1.0:
        limit = math.inf
    elif quarantine <= 0.0:
        limit = -math.inf
    else:
        limit = math.log(quarantine / (1.0 - quarantine)) - pr["quarantine_margin"]
    return min(logit + a["term"], max(logit, limit)) - logit


@pytest.fixture(scope="module")
def term():
    t = get_context_term()
    if not t.syn:
        pytest.skip("the context term's data is not shipped")
    return t


def _validation(n: int) -> list[str]:
    with gzip.open(ROOT / "fixtures/spin/validation.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line)["text"] for _, line in zip(range(n), fh, strict=False)]


def test_analyse_equals_the_reference_on_real_documents(term) -> None:
    texts = golden_spin_texts() + _validation(150)
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    n_best = n_term = 0
    for text in texts:
        new, ref = term.analyse(text), reference_analyse(term, text)
        assert new == ref, text[:200]
        n_best += new["best"] is not None
        n_term += new["term"] > 0.0
    # the comparison covered documents with checked words and with a term
    assert len(texts) > 500 and n_best > 400 and n_term > 20


def test_para_gains_equals_word_on_real_paragraphs(term) -> None:
    ids, n = term.t.ids, 0
    for text in _validation(60):
        for para in text.split("\n"):
            tid = [None if t in CONTEXT_BREAK else ids.get(t) for t, _ in context_tokens(para)]
            ref = [(i, *r) for i in range(len(tid)) if (r := term._word(tid, i)) is not None]
            assert term._para_gains(tid) == ref
            n += len(ref)
    assert n > 1000


def _id_pool(term) -> list[int | None]:
    """Checked words, their synonyms, frequent and rare table words, and breaks (``None``)."""
    checked = sorted(term.syn)[:300]
    syns = sorted({s for w in checked for s in term.syn[w]})
    v = len(term.t.ids)
    return checked + syns + list(range(40)) + list(range(v - 40, v)) + [None] * 40


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_para_gains_equals_word_on_generated_ids(term, data) -> None:
    pool = _id_pool(term)
    tid = data.draw(st.lists(st.sampled_from(pool), max_size=40))
    ref = [(i, *r) for i in range(len(tid)) if (r := term._word(tid, i)) is not None]
    assert term._para_gains(tid) == ref


def _word_pool(term) -> list[str]:
    """Surface forms that exercise the tokenizer and the term: checked words and their
    synonyms (some capitalised), function words, elisions with both apostrophes, numbers,
    punctuation, a letter whose lower case is longer (İ), gate words, unknown words."""
    checked = sorted(term.syn)[:150]
    words = [term.words[w] for w in checked] + [term.words[s] for w in checked
                                                 for s in term.syn[w]]
    words += [w.capitalize() for w in words[:40]] + [w.upper() for w in words[40:50]]
    words += "le la les de des du un une et à en dans pour par sur que qui est a été".split()
    words += ["l’", "l'", "d’", "qu'", "L’", "aujourd’hui", "Aujourd'hui", "prud'homme"]
    words += ["2023", "3,5", "12.000", "1er", "²", "XIXᵉ", "İstanbul", "arc-en-ciel", "-"]
    words += [*list('.,;:!?()«»"…'), "euh", "ben", "hein", "zzzq", "Москва"]
    return words


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_analyse_equals_the_reference_on_generated_text(term, data) -> None:
    words = _word_pool(term)
    lines = data.draw(
        st.lists(
            st.lists(
                st.tuples(st.sampled_from(words), st.sampled_from([" ", " ", "", "  "])),
                max_size=60,
            ).map(lambda ws: "".join(w + sep for w, sep in ws)),
            min_size=1,
            max_size=6,
        )
    )
    text = "\n".join(lines)
    gate = data.draw(st.booleans())
    assert term.analyse(text, always_gate=gate) == reference_analyse(term, text, gate)
    logit = data.draw(st.floats(-5.0, 5.0))
    q = data.draw(st.sampled_from([0.0, 0.3, 0.9, 1.0]))
    add, _a = term.contribution(text, logit, q)
    assert add == _reference_contribution(term, text, logit, q)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(
    ["de", "la", "euh", "ben", "<num>", "12", "²", "l'", "aujourd'hui", ".", "?", "é", "x-y"]
)))
def test_style_add_equals_the_per_token_loop(term, toks) -> None:
    new, ref = term.new_style(), [{}, 0, 0, 0, 0]
    term.style_add(new, toks)
    _ref_style_add(ref, toks, term.gate_set)
    assert dict(new[0]) == ref[0] and new[1:] == ref[1:]
    assert term.gate(new, 2) == term.gate(ref, 2)


def test_clamp_shortcut_matches_the_clamp(term) -> None:
    """Above the clamp's limit the term adds exactly 0 and nothing is analysed; just
    below it the analysis runs and the clamp holds the sum at the limit."""
    (seed,) = sorted((ROOT / "seeds").glob("003_*.txt"))  # a spun seed: the term is > 0
    text = seed.read_text(encoding="utf-8")
    assert term.analyse(text)["term"] > 0.0
    q = 0.9
    limit = math.log(q / (1 - q)) - term.params["quarantine_margin"]
    assert term.contribution(text, limit, q) == (0.0, {})
    assert _reference_contribution(term, text, limit, q) == 0.0
    add, a = term.contribution(text, limit - 0.5, q)
    assert a and add == _reference_contribution(term, text, limit - 0.5, q)


def test_fast_tokenizer_reads_every_safe_character_alike() -> None:
    """Every character of ``FAST_TOKEN_RANGES`` that the guard lets through, alone and
    between letters, digits, an apostrophe and a hyphen, gives ``CONTEXT_TOKEN``'s tokens."""
    fast, unsafe = _context._fast_tokenizer()
    n = 0
    for a, b in _context.FAST_TOKEN_RANGES:
        for c in map(chr, range(a, b + 1)):
            if unsafe(c) is not None:
                continue
            for s in (c, c + c, "a" + c + "b", "1" + c + "2", "é" + c + "'x", "x-" + c, c + "-y"):
                assert fast.findall(s) == _context.CONTEXT_TOKEN.findall(s), repr(s)
            n += 1
    assert n > 4900
    # outside the ranges (emoji, CJK, Arabic) the guard sends text to CONTEXT_TOKEN
    assert all(unsafe(c) is not None for c in "😀中٣ب")


_CHARS = [
    *"abcxyzéèêàçœÉÀÇİıßﬁ'’-.,;:!?()«»\"… \t",
    "0", "7", "٣", "３", "²", "½", "Ⅻ", "ᵉ", "ⁱ", "€", "°", "µ", "ª", "\u0301", "\u00a0",
    "ж", "Ж", "λ", "😀", "中", "_", "'",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*_CHARS, "aujourd'hui", "prud'hom", "presqu'île", "1.5"]),
                max_size=40).map("".join))
def test_fast_tokenizer_equals_context_token_on_generated_text(text) -> None:
    fast, unsafe = _context._fast_tokenizer()
    low = text.lower()
    if unsafe(low) is None:
        assert fast.findall(low) == _context.CONTEXT_TOKEN.findall(low)


def _split_pieces(text: str):
    """``_pieces`` as written before: every line of ``text.split("\\n")``, long ones in
    the scan's windows."""
    from cleannews.score._stream import LINE_CAP, line_windows

    pos = 0
    for para in text.split("\n"):
        start, pos = pos, pos + len(para) + 1
        if len(para) <= LINE_CAP:
            yield start, para
            continue
        for a, b in line_windows(para, 0, len(para)):
            yield start + a, para[a:b]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Un mot.", "", "\n", "\n\n", "x" * 50, "Fin. " * 30, " "]),
                max_size=30).map("".join), st.sampled_from([40, 100, 10_000]))
def test_pieces_equal_the_split_lines(text, cap) -> None:
    from cleannews.score import _stream

    old = _stream.LINE_CAP, _stream.WINDOW_CHARS
    _stream.LINE_CAP, _stream.WINDOW_CHARS = cap, cap // 2
    try:
        assert list(_context._pieces(text)) == list(_split_pieces(text))
    finally:
        _stream.LINE_CAP, _stream.WINDOW_CHARS = old

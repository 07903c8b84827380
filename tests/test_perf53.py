"""Round 38 (perf53): the strip stage's cost on real text, fifth pass.

Each cut removes work that could not change the output; these tests count the work (calls,
loops entered), not time, and check the answers stay those of the code they replace:

* the page's language (:func:`cleannews.strip._pagelang.guess_page_language`) adds one
  packed integer per stop word (every language's count and its share as whole units, in one
  C ``sum``: :func:`cleannews.strip._pagelang.stop_units`) where a Python loop added the
  floats of :func:`cleannews.strip._pagelang.stop_counts`; the floats are read only when the
  exact shares sit on the margin;
* a read-more link's search (:meth:`cleannews.strip._readmore.TailLinks.start`) rules out a
  window holding no label by one ``in`` test per label (those holding another left out)
  before the ``find`` loop over the labels' first words;
* :func:`cleannews.strip.detectors._glued_widget_tail` returns when the window's last word is
  no button, before splitting the window into words.

On the round-start code (e1d6360b) the counting tests fail (``stop_counts`` called on every
page, the label loop entered on every line, ``_widget_button`` missing).
"""

from __future__ import annotations

import random

import pytest

from _helpers import train_pages


def _ref_guess(words) -> tuple[str | None, str]:
    """The decision of ``guess_page_language`` up to round 37, from ``stop_counts``' floats."""
    from cleannews.strip._pagelang import (
        PAGE_LANGUAGE_MARGIN,
        PAGE_LANGUAGE_MIN_STOP,
        _stop_table,
        stop_counts,
    )

    langs = _stop_table()[0]
    cover, share = stop_counts(words)
    top = max(range(len(langs)), key=cover.__getitem__)
    second = max((c for i, c in enumerate(share) if i != top), default=0)
    clear = cover[top] >= PAGE_LANGUAGE_MIN_STOP and share[top] >= PAGE_LANGUAGE_MARGIN * second
    return (langs[top] if clear else None), langs[top]


def _guess(words) -> tuple[str | None, str]:
    from cleannews.strip._pagelang import guess_page_language

    got = guess_page_language("", words)
    return got.rules, got.stop


@pytest.fixture(scope="module")
def train_lines() -> list[str]:
    """Every line of every TRAIN page (stripped, not blank)."""
    return [x.strip() for _, page, _ in train_pages() for x in page.split("\n") if x.strip()]


# --- the page's language ----------------------------------------------------------------------


def test_stop_units_are_the_exact_shares():
    """Each language's units are its share times the units, exactly (fractions)."""
    from fractions import Fraction

    from cleannews.strip._pagelang import _packed_stop_table, _stop_table, stop_units

    units, _ = _packed_stop_table()
    _, table = _stop_table()
    rng = random.Random(53)
    words = sorted(table)
    for _ in range(500):
        soup = rng.choices(words, k=rng.randint(0, 200)) + ["zzz"] * rng.randint(0, 5)
        cover, got = stop_units(soup)
        exact = [Fraction(0)] * len(cover)
        count = [0] * len(cover)
        for w in soup:
            for i, _ in table.get(w, ()):
                exact[i] += Fraction(1, len(table[w]))
                count[i] += 1
        assert cover == count
        assert [Fraction(u, units) for u in got] == exact


def test_the_guess_is_the_floats_decision_on_soups_at_the_margin():
    """Soups of few words of few stoplists, many of them exactly on the 1.5 margin (there the
    floats decide): the same decision as the floats' every time."""
    from cleannews.strip._pagelang import _clear_margin, _stop_table

    _, table = _stop_table()
    by_k: dict[int, list[str]] = {}
    for w, hit in sorted(table.items()):
        by_k.setdefault(len(hit), []).append(w)
    pool = [ws[j] for ws in by_k.values() for j in range(min(6, len(ws)))]
    rng = random.Random(38)
    margin = 0
    for _ in range(20_000):
        soup = rng.choices(pool, k=rng.randint(1, 40))
        assert _guess(soup) == _ref_guess(soup), soup
        margin += _clear_margin(soup)[1] is None
    assert margin > 50  # the fallback was exercised (88 times)


def test_the_guess_on_every_train_page_head():
    import re

    from cleannews.strip._pagelang import PAGE_LANGUAGE_CHARS

    named = 0
    for _, page, _ in train_pages():
        words = re.findall(r"\w+", page[:PAGE_LANGUAGE_CHARS].lower())
        assert _guess(words) == _ref_guess(words)
        named += _guess(words)[0] is not None
    assert named > 500


def test_the_floats_are_read_only_on_the_margin(monkeypatch):
    """On TRAIN page heads the guess never adds the floats (none sits on the margin); the
    round-start code added them on every page."""
    import re

    from cleannews.strip import _pagelang

    calls = []
    real = _pagelang.stop_counts
    monkeypatch.setattr(_pagelang, "stop_counts", lambda w: calls.append(1) or real(w))
    pages = [page for _, page, _ in train_pages()[:200]]
    for page in pages:
        _pagelang.guess_page_language(page)
        _pagelang.guess_page_language(
            page, re.findall(r"\w+", page[: _pagelang.PAGE_LANGUAGE_CHARS].lower())
        )
    assert len(calls) == 0


# --- read-more links --------------------------------------------------------------------------


class _CountedHeads(dict):
    """``TailLinks.heads`` counting the loops over the labels' first words."""

    loops = 0

    def items(self):
        _CountedHeads.loops += 1
        return super().items()


def _links():
    from cleannews.strip._rules import load_rules

    return load_rules(("fr", "en", "de", "es", "it"))._tail_links


def test_a_window_without_a_label_enters_no_label_loop(train_lines):
    links = _links()
    counted = _CountedHeads(links.heads)
    plain = [x for x in train_lines[:3000] if not any(w in x.lower() for w in links.full)]
    assert len(plain) > 1500
    old, links.heads = links.heads, counted
    try:
        _CountedHeads.loops = 0
        assert all(links.start(x) == -1 for x in plain)
        assert _CountedHeads.loops == 0  # round-start code: one loop per line
    finally:
        links.heads = old


def test_tail_links_answer_as_without_the_gate(train_lines):
    """Every TRAIN line (and each with a read-more label glued at its end): the same start as
    the ``find`` loop alone (the gate made to pass every window)."""
    links = _links()
    lines = train_lines + [x + " [...] Lire la suite" for x in train_lines[::7]]
    lines += [x[:60] + "… Read more" for x in train_lines[::11]]
    gated = [links.start(x) for x in lines]
    real = links.fewest
    links.fewest = ("",)  # in every window
    try:
        plain = [links.start(x) for x in lines]
    finally:
        links.fewest = real
    assert gated == plain
    assert sum(a >= 0 for a in gated) > 500


# --- glued buttons ----------------------------------------------------------------------------


def _ref_glued_widget_tail(line: str, vocab) -> tuple[int, int] | None:
    """``_glued_widget_tail`` up to round 37 (split the window, then test the last words)."""
    from cleannews.strip.detectors import (
        GLUED_LABEL_MIN_REST_WORDS,
        GLUED_TAIL_MAX_CHARS,
        GLUED_WIDGET_MIN_CHARS,
        GLUED_WIDGET_MIN_WORDS,
        WIDGET_MAX_WORDS,
    )

    line = line.rstrip()
    window = max(0, len(line) - GLUED_TAIL_MAX_CHARS)
    words = line[window:].split(" ")
    k = 0
    while k < len(words) and k < WIDGET_MAX_WORDS:
        w = words[-1 - k]
        if len(w) < GLUED_WIDGET_MIN_CHARS or not w[0].isupper() or w.casefold() not in vocab:
            break
        k += 1
    if k < GLUED_WIDGET_MIN_WORDS or k == len(words):
        return None
    before = words[-1 - k]
    if before[:1].isupper() or len(words) - k < max(GLUED_LABEL_MIN_REST_WORDS, k + 1):
        return None
    return window + len(" ".join(words[: len(words) - k])), len(line)


def test_glued_widget_tail_is_the_loop_on_every_train_line(train_lines):
    from cleannews.strip._rules import load_rules
    from cleannews.strip.detectors import _glued_widget_tail

    vocab = load_rules(("fr", "en", "de", "es", "it")).widget_words
    buttons = sorted(w.capitalize() for w in vocab if len(w) >= 3)
    rng = random.Random(53)
    lines = train_lines + [
        x + " " + " ".join(rng.choices(buttons, k=rng.randint(1, 4))) for x in train_lines[::5]
    ]
    lines += ["Imprimir E-mail", "  PDF Imprimir", "x" * 200 + " Imprimir Compartir"]
    found = 0
    for x in lines:
        got = _glued_widget_tail(x, vocab)
        ref = _ref_glued_widget_tail(x, vocab)
        assert (None if got is None else (got.start, got.end)) == ref, x
        found += ref is not None
    assert found > 300


def test_a_line_not_ending_on_a_button_splits_no_window(monkeypatch):
    """The round-start code split every line's window into words; now only a line whose
    last word is a button is split."""
    from cleannews.strip import detectors

    calls = []
    real = detectors._widget_button
    monkeypatch.setattr(detectors, "_widget_button", lambda w, v: calls.append(w) or real(w, v))
    vocab = frozenset({"imprimir", "compartir"})
    assert detectors._glued_widget_tail("Le conseil a voté le budget de la ville", vocab) is None
    assert calls == ["ville"]  # the last word alone, once
    calls.clear()
    got = detectors._glued_widget_tail("Sube el paro en el último trimestre Imprimir Compartir",
                                       vocab)
    assert got is not None and got.rule == "widget_words_glued"
    assert calls[0] == "Compartir"

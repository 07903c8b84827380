"""Round 37 (perf52): the strip stage's cost on real text, fourth pass.

The benchmark corpus is real mixed text: these cuts aim at work every page paid, not at the
"Art. 3" page of rounds 35-36. Each removes work that could not change the output; these
tests count the work (literal tests, guard calls), not time, and check the answers stay:

* the anchored indexes' gate (:meth:`cleannews.strip._rules._AnchoredIndex.match`: may an
  always-tried pattern pass its ``requires``?) tests the longer literals in one ``re`` search
  over the line (:func:`cleannews.strip._rules._any_literal`, after the one-character ones'
  class), where a line holding none of them tested each in turn (57 for the French and
  English line rules);
* the split-title and byline guards (:mod:`cleannews.strip._keep`) run only on a page where
  one of their rules took a line (``GUARD_RULES``): both give back only such lines.
"""

from __future__ import annotations

import random

import pytest

from _helpers import count_guard_calls


class _Counted(str):
    """A line's folded text that counts the ``in`` tests made on it."""

    tests = 0

    def __contains__(self, lit):
        _Counted.tests += 1
        return super().__contains__(lit)


def _index():
    from cleannews.strip._rules import load_rules

    return load_rules(("fr", "en"))._line


def test_the_gate_tests_no_literal_one_by_one():
    """A line holding none of the always-tried patterns' literals, whose first word selects
    no pattern: no literal is tested with ``in`` (one search instead; 57 tests before) and
    no rule matches."""
    from cleannews.strip._rules import start_key

    ix = _index()
    text = "Quand il pleuvait sur la ville, elle est arrivée"
    full = text.casefold()
    assert ix.candidates(start_key(text))[1] == ()  # no pattern indexed under "quand"
    _Counted.tests = 0
    assert ix.match(text, _Counted(full), start_key(text)) is None
    assert _Counted.tests == 0


def test_the_gate_finds_what_the_literal_tests_found():
    """The one search finds a literal exactly when one of the literals is in the text: each
    literal alone, inside words, at both ends, and random texts made of literal pieces."""
    from cleannews.strip._rules import _any_literal

    ix = _index()
    lits = sorted({x for k in ix.always for x in ix.needs[k]})
    gate = _any_literal(lits)
    rnd = random.Random(52)
    pieces = [x[: rnd.randint(1, len(x))] for x in lits] + ["a", " ", "é", "’", "0"]
    texts = [x for x in lits] + [f"ab{x}cd" for x in lits] + [x[1:] + x[:-1] for x in lits]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 6))) for _ in range(3000)]
    chars, trie, _ = ix._gate
    for t in texts:
        found = any(x in t for x in lits)
        assert (gate(t) is not None) == found, t
        assert (chars(t) is not None or trie(t) is not None) == found, t


@pytest.mark.parametrize("guard", ["give_back_split_title", "give_back_byline"])
def test_the_title_and_byline_guards_run_only_after_their_rules(monkeypatch, guard):
    """A page where the line model took a line (a guarded rule) but neither a menu run nor
    the short-block rule took one: the split-title and byline guards ran and walked every
    line before; now neither runs, and what the page keeps is the same."""
    from cleannews.strip import _keep
    from cleannews.strip.detectors import _Line

    calls = count_guard_calls(monkeypatch, guard)
    texts = ["Jean Dupont", "Aiuti in Africa", "e Sudamerica", "per la sagra", "",
             "Le conseil municipal a voté hier soir le budget de la commune pour l'année "
             "prochaine, après un long débat entre les élus."]
    lines = [_Line(t, frozenset()) for t in texts]
    for ln in lines[:4]:
        ln.bad("line_model", "furniture by the line model")
    _keep.give_back(lines)
    assert calls == []
    assert [ln.removal.rule if ln.removal else None for ln in lines[:4]] == ["line_model"] * 4


def test_a_split_title_is_still_given_back():
    """The same title broken over lines that a menu run took is given back by ``give_back``
    (the guard runs: its rule took lines)."""
    from cleannews.strip import _keep
    from cleannews.strip.detectors import _Line

    texts = ["Aiuti in Africa", "e Sudamerica", "per la sagra", "di San Rocco", "",
             "Due giorni di festa, tra musica, cibo e solidarietà."]
    lines = [_Line(t, frozenset()) for t in texts]
    for i in (0, 1, 2):
        lines[i].bad("menu_run", "navigation menu: a run of one-to-three-word links")
    _keep.give_back(lines)
    assert [ln.removal for ln in lines[:3]] == [None, None, None]


def test_the_dated_counter_searches_only_lines_ending_on_a_figure_or_a_space(monkeypatch):
    """Lines ending on a letter or a full stop are no longer searched for a counter after a
    date (``detectors._DATED_COUNTER``, once per line of the page before); the date line's
    counter still goes."""
    from cleannews import CleanConfig
    from cleannews.strip import detectors, strip_text

    real = detectors._DATED_COUNTER
    searched = []

    class Counted:
        def search(self, text, *a):
            searched.append(text)
            return real.search(text, *a)

    monkeypatch.setattr(detectors, "_DATED_COUNTER", Counted())
    page = ("Le maire parle\n\nLe conseil municipal a voté hier soir le budget de la commune.\n\n"
            "Publié le 20/02/2015 18\n\nLa séance a duré trois heures.\n")
    out = strip_text(page, CleanConfig(score_spin=False)).text
    assert "20/02/2015" in out and "2015 18" not in out
    assert searched == ["Publié le 20/02/2015 18"]


def test_a_skipped_last_character_never_ends_a_counter():
    """Every ASCII character the test skips on cannot end a match of the pattern, whatever
    stands before it (the skip is exact)."""
    from cleannews.strip import detectors

    for i in range(128):
        c = chr(i)
        if c.isdigit() or c.isspace():
            continue
        for head in ("20/02/2015 18", "20/02/2015 18 ", "x 1", ""):
            assert detectors._DATED_COUNTER.search(head + c) is None, repr(head + c)
            assert detectors._dated_counter(head + c) is None

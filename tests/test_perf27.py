"""Round 25 (perf27): exact speed-ups of the strip stage, same outputs.

Each changed function is compared with the code it replaced (kept here as a reference) on
every line of the TRAIN pages of ``fixtures/strip_real`` (never a held-out page) and on
generated look-alikes:

* ``_pagekind.cohesion`` intersects each pair of lines' word sets first and tests only the
  shared words for length and digits (it filtered every word of every line first);
* ``_widgets._form_line`` returns early when no word of the line is a form word;
* ``_widgets.prompt_lines`` reads a line word by word only when its word count fits one
  family and it holds one of the families' core words;
* ``linemodel.token_odds`` gathers the odds with ``map``/``filter`` in the set's order (the
  mean is a float sum: the order must stay);
* ``detectors._is_widget_words`` is one ``issuperset``.

Outputs of the whole stage: ``benchmarks/oracle_strip.py`` and the regression pins
(docs/performance-history.md, BENCHMARKS.md "Round 25 (perf27)").
"""

from __future__ import annotations

import random
from itertools import pairwise

import pytest

from cleannews.strip import _pagekind, _widgets, linemodel
from cleannews.strip._assemble import BAD
from cleannews.strip._rules import load_rules, load_stopwords
from cleannews.strip.detectors import WIDGET_MAX_WORDS, _is_widget_words, _Line

LANGS = ("fr", "en", "de", "es", "it")


@pytest.fixture(scope="module")
def train_lines(strip_real_docs) -> list[list[_Line]]:
    """The lines of every TRAIN page (French and English stopwords), one list per page."""
    stop = load_stopwords(("fr", "en"))
    pages = []
    for rec, doc, _ in strip_real_docs.values():
        if rec["split"] != "train":
            continue
        pages.append([_Line(t, stop) for t in doc.split("\n")])
    assert len(pages) > 600
    return pages


def _lookalikes() -> list[_Line]:
    """Generated lines: short words, numbers, repeats, core and form words in long lines."""
    rng = random.Random(27)
    vocab = ["commentaire", "commentaires", "abonnez-vous", "abonnés", "laisser", "un",
             "12345", "2024", "mot", "de", "passe", "identifiant", "cookies", "accepter",
             "partager", "share", "subscribe", "the", "a", "x", "budget", "écoles",
             "Lyon", "lire", "suite", "réservée", "aux", "e-mail", "s'inscrire", "Jetzt"]
    out = []
    for _ in range(400):
        words = [rng.choice(vocab) for _w in range(rng.randint(1, 16))]
        end = rng.choice(["", ".", " :", " ?", " *"])
        out.append(_Line(" ".join(words) + end, frozenset({"de", "un", "the", "a", "aux"})))
    return out


# --- cohesion ---------------------------------------------------------------------------


def cohesion_reference(lines, body: list[int]) -> float:
    """``cohesion`` as written before perf27 (every word filtered first)."""
    if len(body) < 2:
        return 0.0
    sets = [
        {w for w in lines[i].words
         if len(w) >= _pagekind.COHESION_WORD_CHARS and not w.isdigit()}
        for i in body
    ]
    shared = sum(bool(a & b) for a, b in pairwise(sets))
    return shared / (len(body) - 1)


def test_cohesion_equals_the_former_code_on_train_pages(train_lines) -> None:
    rng = random.Random(5)
    measured = 0
    for lines in train_lines:
        idx = [i for i, ln in enumerate(lines) if not ln.blank]
        for body in (idx, idx[::2], sorted(rng.sample(idx, min(len(idx), 7)))):
            assert _pagekind.cohesion(lines, body) == cohesion_reference(lines, body)
            measured += len(body) > 1
    assert measured > 1500


def test_cohesion_on_lookalikes() -> None:
    lines = _lookalikes()
    body = list(range(len(lines)))
    assert _pagekind.cohesion(lines, body) == cohesion_reference(lines, body)
    for k in range(0, len(lines) - 1):
        assert _pagekind.cohesion(lines, [k, k + 1]) == cohesion_reference(lines, [k, k + 1])
    # numbers and short words shared are no cohesion; a long word is
    two = [_Line(t, frozenset()) for t in ("En 2024 il a plu", "En 2024 il a plu encore")]
    assert _pagekind.cohesion(two, [0, 1]) == 0.0
    two = [_Line(t, frozenset()) for t in ("Le budget", "Ce budget")]
    assert _pagekind.cohesion(two, [0, 1]) == 1.0


# --- form lines and prompts ---------------------------------------------------------------


def form_line_reference(ln, vocab, stop) -> bool:
    """``_form_line`` as written before perf27."""
    if ln.blank or not 1 <= ln.n <= _widgets.FORM_LINE_MAX_WORDS or ln.text.rstrip().endswith("."):
        return False
    words = [w for w in ln.words if len(w) > 1 and w not in stop]
    hits = sum(w in vocab for w in words)
    return hits > 0 and hits >= _widgets.FORM_MIN_SHARE * len(words)


@pytest.mark.parametrize("lang", LANGS)
def test_form_line_equals_the_former_code(train_lines, lang) -> None:
    vocab, stop = load_rules((lang,)).form_words, load_stopwords((lang,))
    assert vocab
    seen = 0
    for lines in [*train_lines, _lookalikes()]:
        for ln in lines:
            got = _widgets._form_line(ln, vocab, stop)
            assert got == form_line_reference(ln, vocab, stop), ln.text
            seen += got
    assert seen > 0  # some lines are form lines: both branches are compared


def prompts_reference(lines, families, stop) -> list:
    """The lines ``prompt_lines`` took before perf27: every standing line read word by word."""
    out = []
    for i, ln in enumerate(lines):
        if ln.blank or ln.cls is BAD or ln.protected:
            continue
        family = _widgets._prompt_family(ln, families, stop)
        if family is not None:
            out.append((i, _widgets.PROMPT_RULES[family][0]))
    return out


def _taken(lines) -> list:
    return [(i, ln.removal.rule) for i, ln in enumerate(lines) if ln.removal is not None]


@pytest.mark.parametrize("langs", [("fr", "en"), ("de",), ("es", "it"), LANGS])
def test_prompt_lines_equals_the_former_code(train_lines, langs) -> None:
    families, stop = load_rules(langs).prompt_words, load_stopwords(langs)
    taken = 0
    for lines in [*train_lines, _lookalikes()]:
        want = prompts_reference(lines, families, stop)
        fresh = [_Line(ln.text, stop) for ln in lines]
        _widgets.prompt_lines(fresh, families, stop)
        assert _taken(fresh) == want
        taken += len(want)
    assert taken > 0


def test_prompt_lines_reads_only_the_code_s_families() -> None:
    """A family the code does not know (in a rule file, not in PROMPT_RULES) takes nothing,
    and its core words do not open the gate for the known families."""
    stop = frozenset({"un"})
    fam = {"weather": (frozenset({"météo"}), frozenset({"météo", "demain"})),
           "comments": (frozenset({"commentaire"}), frozenset({"commentaire", "laisser"}))}
    lines = [_Line(t, stop) for t in ("Météo demain", "Laisser un commentaire")]
    _widgets.prompt_lines(lines, fam, stop)
    assert _taken(lines) == [(1, "comment_prompt_words")]
    lines = [_Line("Météo demain", stop)]
    _widgets.prompt_lines(lines, {"weather": fam["weather"]}, stop)
    assert _taken(lines) == []


# --- token odds, widget words ---------------------------------------------------------------


def token_odds_reference(words, odds):
    """``token_odds`` as written before perf27."""
    vals = [odds[w] for w in set(words[: linemodel.TOKEN_ODDS_WORDS]) if w in odds]
    if not vals:
        return 0.0, 0.0, 0.0
    return sum(vals) / len(vals), max(vals), min(vals)


def test_token_odds_equals_the_former_code_bit_for_bit(train_lines) -> None:
    odds = linemodel.load_line_model().odds
    found = 0
    for lines in [*train_lines, _lookalikes()]:
        for ln in lines:
            got = linemodel.token_odds(ln.first_words, odds)
            want = token_odds_reference(ln.first_words, odds)
            assert [x.hex() for x in got] == [x.hex() for x in want], ln.text
            found += got != (0.0, 0.0, 0.0)
    assert found > 1000


def test_widget_words_equals_the_former_code(train_lines) -> None:
    vocab = load_rules(("fr", "en")).widget_words
    hits = 0
    for lines in [*train_lines, _lookalikes()]:
        for ln in lines:
            want = 2 <= ln.n <= WIDGET_MAX_WORDS and all(w in vocab for w in ln.words)
            got = _is_widget_words(ln, vocab)
            assert got == want, ln.text
            hits += got
    assert hits > 0


# --- the work saved (these fail on the code before perf27) ----------------------------------


def test_prompt_lines_reads_no_line_without_a_core_word(train_lines, monkeypatch) -> None:
    """Only lines of a fitting length holding a core word reach ``_prompt_family``: on the
    TRAIN pages a small share of the lines the former code read word by word."""
    families, stop = load_rules(("fr", "en")).prompt_words, load_stopwords(("fr", "en"))
    cores = frozenset().union(*(core for core, _ in families.values()))
    asked: list[str] = []
    real = _widgets._prompt_family
    monkeypatch.setattr(_widgets, "_prompt_family",
                        lambda ln, *a: asked.append(ln.text) or real(ln, *a))
    standing = 0
    for lines in train_lines:
        fresh = [_Line(ln.text, stop) for ln in lines]
        _widgets.prompt_lines(fresh, families, stop)
        standing += sum(not ln.blank for ln in lines)
    assert asked
    assert all(not cores.isdisjoint(_Line(t, stop).words) for t in asked)
    assert len(asked) < standing / 10


def test_form_line_reads_no_word_list_without_a_form_word() -> None:
    """A short line with no form word costs one set test, not a comprehension per word."""
    from _helpers import count_calls

    vocab, stop = load_rules(("fr",)).form_words, load_stopwords(("fr",))
    ln = _Line("Les maires réunis à Lyon", stop)
    assert ln.n <= _widgets.FORM_LINE_MAX_WORDS
    ln._words = ln.words  # the kept word list of a short page: no tokenizing in the count
    calls, got = count_calls(_widgets._form_line, ln, vocab, stop)
    assert got is False
    assert calls <= 8  # the property, rstrip, endswith, isdisjoint … (16 before perf27)

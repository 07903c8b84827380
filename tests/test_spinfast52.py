"""Round 37 (spinfast52, issue 12): the grammar pre-filter's reading tests run once per reading.

``_features._grammar_bits`` ran the noun/adjective tests of a word's packed lexicon entry
(gender-only and number-only readings, adjective readings, a trigger noun's need of an agreeing
adjective) for every new token type. Those tests read only the entry's reading bits
(``_role_mask``), of which news text holds a few hundred combinations among its thousands of
word types, so they are now computed once per combination (``_reading_roles``, memoised in
``_ROLES_OF``); the spelling tests (last letter, function word, capital, elision) stay per
type. Scores are unchanged (the spin pins); here: the same ``(need, role)`` as the round-start
code on lexicon words in four spellings, and the count of reading computations.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import cleannews.score._features as F
from cleannews.score._lexicon import get_lexicon

ROOT = Path(__file__).parent.parent

#: sha1 of ``_grammar_digest()`` recorded on the round-start code (305b3a03). It reads the
#: lexicon and the grammar word lists: a change of those moves it (re-record, after checking
#: the move is meant, with ``PYTHONPATH=src:tests python -c "import test_spinfast52 as T;
#: print(T._grammar_digest())"``); a change of the code alone must not.
GRAMMAR_PIN = "ecd80d7164770d4db3a23d7c93850974ed56f4d3"
#: Every ``LEXICON_STEP``-th lexicon word (sorted) is read in four spellings.
LEXICON_STEP = 7


def _grammar_digest() -> str:
    """sha1 over ``_grammar_bits`` of sampled lexicon words (as written, capitalised, upper
    case, elided), as a trigger and not, and of every token type of the seeds."""
    words = get_lexicon().words
    toks: dict[str, None] = {}
    for w in sorted(words)[::LEXICON_STEP]:
        toks.update(dict.fromkeys((w, w.capitalize(), w.upper(), w + "’")))
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        toks.update(dict.fromkeys(F._split_tokens(path.read_text("utf-8"))[1::2]))
    h = hashlib.sha1()
    for t in toks:
        if t == "\n":
            continue
        low = t.lower()
        p = words.get(low, 0)
        h.update(repr((t, F._grammar_bits(t, low, p, True), F._grammar_bits(t, low, p, False)))
                 .encode())
    return h.hexdigest()


def test_grammar_bits_are_the_round_start_ones():
    assert _grammar_digest() == GRAMMAR_PIN


def test_reading_tests_run_once_per_reading(monkeypatch):
    """The seeds' new word types: one ``_reading_roles`` per distinct reading key, under a
    tenth of the types (the round-start code ran the tests for every type)."""
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    types = list(dict.fromkeys(t for text in texts for t in F._split_tokens(text)[1::2]))
    calls = []
    real = F._reading_roles

    def counted(key, masks):
        calls.append(key)
        return real(key, masks)

    monkeypatch.setattr(F, "_reading_roles", counted)
    saved = dict(F._ROLES_OF)
    F._ROLES_OF.clear()
    try:
        facts = [F._new_token_info(t) for t in types]
        keys = {f[1] & F._role_mask() for t, f in zip(types, facts, strict=True) if t != "\n"}
        assert len(calls) == len(set(calls)) == len(keys)
        assert 10 * len(calls) < len(types)
        again = [F._new_token_info(t) for t in types]
        assert again == facts and len(calls) == len(keys)
    finally:
        F._ROLES_OF.clear()
        F._ROLES_OF.update(saved)

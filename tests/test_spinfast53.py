"""Round 38 (spinfast53): the spin stage's two tokenizers test fewer things per character.

* The scan's fast split (``_features._FAST_SPLIT_RE``) reads a token that is not a word in
  one character class, ``[\\S\\n]``, instead of the two branches ``\\n|[^\\w\\s]``.
* The context reading's fast tokenizer (``_context._fast_tokenizer``) reads a letter by a
  class of ranges only (compiled into a lookup table) instead of a negated class with two
  Unicode category tests and the excluded ranges.

Counted on the parsed patterns (``re``'s own parser): both tests fail on the round-start
code (3 branches; a letter class with ``NEGATE`` and 2 ``CATEGORY`` items). The tokens are
the same: ``test_spin_speed.py`` (the split against ``_TOKEN_SPLIT_RE``) and
``test_spin_context_speedpath.py`` (every safe character, generated text) compare them;
here, real text (the seeds and development spin texts) is split both ways.
"""

from __future__ import annotations

import re
from pathlib import Path

try:  # Python 3.11+
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse

from cleannews.score import _context, _features

ROOT = Path(__file__).parent.parent


def _branches(pattern: str) -> int:
    """Top-level alternatives of ``pattern`` (inside its one capturing group, if any)."""
    tree = sre_parse.parse(pattern)
    op, av = tree[0]
    if op is sre_parse.SUBPATTERN:
        op, av = av[-1][0]
    return len(av[1]) if op is sre_parse.BRANCH else 1


def _class_items(pattern: str) -> list[list]:
    """The items of every character class (``IN``) of ``pattern``, however deep."""
    found = []

    def walk(x) -> None:
        if isinstance(x, sre_parse.SubPattern):
            for op, av in x:
                if op is sre_parse.IN:
                    found.append([o for o, _ in av])
                else:
                    walk(av)
        elif isinstance(x, (list, tuple)):
            for y in x:
                walk(y)

    walk(sre_parse.parse(pattern))
    return found


def test_fast_split_has_two_branches() -> None:
    """A word, or any other token (one character): two alternatives, not three."""
    assert _branches(_features._FAST_SPLIT_RE.pattern) == 2
    assert _branches(_features._TOKEN_SPLIT_RE.pattern) == 4  # the reference keeps its form


def test_context_letter_class_has_no_category_test() -> None:
    """No character class of the fast context tokenizer is negated or tests a category,
    but the one of ``\\d`` (its number branch, as before)."""
    fast, _unsafe = _context._fast_tokenizer()
    classes = _class_items(fast.pattern)
    assert len(classes) >= 4  # the letter class (4 times) and the punctuation class
    negated = [c for c in classes if sre_parse.NEGATE in c]
    category = [c for c in classes if sre_parse.CATEGORY in c and c != [sre_parse.CATEGORY]]
    assert negated == [] and category == [], (negated, category)


def _real_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    import gzip
    import json

    path = ROOT / "fixtures" / "spin" / "validation.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for k, line in enumerate(f):
            if k % 40 == 0:
                texts.append(json.loads(line)["text"])
            if len(texts) > 60:
                break
    return texts


def test_tokens_unchanged_on_real_text() -> None:
    """The seeds and every 40th development validation text: the fast split equals the
    reference pattern, the fast context tokenizer ``CONTEXT_TOKEN`` and the round-start
    letter class, line by line."""
    fast, unsafe = _context._fast_tokenizer()
    old = re.compile(fast.pattern.replace(_letter(fast.pattern), _old_letter()))
    n = 0
    for text in _real_texts():
        if _features._AUJOURDHUI_HINT not in text:
            assert _features._FAST_SPLIT_RE.split(text) == _features._TOKEN_SPLIT_RE.split(text)
        for line in text.split("\n"):
            low = _context.fold(line)
            if unsafe(low) is None:
                got = fast.findall(low)
                assert got == _context.CONTEXT_TOKEN.findall(low) == old.findall(low)
                n += len(got)
    assert n > 5000


def _old_letter() -> str:
    """The round-start letter class: ``[^\\W\\d_]`` minus what ``regex`` calls no letter."""
    import regex

    chars = "".join(chr(c) for a, b in _context.FAST_TOKEN_RANGES for c in range(a, b + 1))
    not_letters = set(re.findall(r"[^\W\d_]", chars)) - set(regex.findall(r"\p{L}", chars))
    return "[^\\W\\d_" + "".join(map(re.escape, sorted(not_letters))) + "]"


def _letter(pattern: str) -> str:
    """The letter class as written in ``pattern`` (after ``prud'hom``)."""
    start = pattern.index("prud'hom") + len("prud'hom")
    return pattern[start : pattern.index("]", start) + 1]

"""The strip stage's fast paths give exactly the output of the slow reference evaluation.

``cleannews.strip._rules.REFERENCE = True`` evaluates the rules the slow way: every
pattern of the anchored line / prefix / protect indexes in data order (no first-word
index, no ``requires`` shortcut), the protect patterns as one alternation, the phrase
and span triggers tested line by line (not the document's trigger map) and every
triggered pattern scanned over the whole line (not tried only where its leading literal
occurs). The whole stage (text *and* every Change: rule, span, removed text, reason) must
be the same both ways on real pages: the seeds, ``fixtures/strip``, the TRAIN pages of
``fixtures/strip_real`` (the test split stays unseen), their typeset forms, pages
recombined from shuffled TRAIN lines, and pages whose lines are glued into long ones.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import cleannews
from _helpers import train_pages
from cleannews.evaluate import read_fixture
from cleannews.strip import _rules as R
from cleannews.strip import strip_text

ROOT = Path(__file__).resolve().parent.parent
NBSP, NNBSP = "\u00a0", "\u202f"
#: Recombined pages (seeded: the same pages every run) and lines per page.
RECOMBINED, RECOMBINED_LINES, SEED = 80, 14, 20261201


def _train_pages() -> list[str]:
    return [doc for _, doc, _ in train_pages()]


def _documents() -> list[str]:
    docs = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    docs += [read_fixture(p)[0] for p in sorted((ROOT / "fixtures" / "strip").glob("*.txt"))]
    train = _train_pages()
    docs += train
    docs += [d.replace("'", "’").replace(" :", NNBSP + ":").replace("« ", "«" + NBSP)
             for d in docs[: len(docs) // 2]]
    rnd = random.Random(SEED)
    pool = [x for d in train for x in d.split("\n") if x.strip()]
    for _ in range(RECOMBINED):
        docs.append("\n\n".join(rnd.sample(pool, RECOMBINED_LINES)))
    # long lines: a page's lines glued two by two, and whole pages on one line
    docs += [" ".join(d.split("\n")) for d in train[::10]]
    for d in train[5::10]:
        ls = d.split("\n")
        docs.append("\n".join(a + " " + b for a, b in zip(ls[::2], ls[1::2], strict=False)))
    return docs


def _signature(text: str, cfg) -> tuple:
    r = strip_text(text, cfg)
    return r.text, [(c.rule, c.span, c.before, c.reason) for c in r.changes]


def test_fast_paths_equal_reference_on_real_pages(monkeypatch):
    cfg = cleannews.CleanConfig()
    # each distinct page once (120 of the 896 are identical twins: a typeset form of a page
    # without apostrophes, colons or quotes; a twin would check nothing new)
    docs = list(dict.fromkeys(cleannews.repair(d).text for d in _documents()))
    assert len(docs) > 500
    fast = [_signature(d, cfg) for d in docs]
    monkeypatch.setattr(R, "REFERENCE", True)
    slow = [_signature(d, cfg) for d in docs]
    differ = [i for i in range(len(docs)) if fast[i] != slow[i]]
    assert not differ, [docs[i][:200] for i in differ[:3]]
    # the pages do exercise the rules: many removals, of many rules
    rules = {c[0] for _, changes in fast for c in changes}
    assert sum(len(ch) for _, ch in fast) > 1000 and len(rules) > 40


def _start_literal_chars() -> set[str]:
    rs = R.load_rules(("fr", "en", "de", "es", "it"))
    chars: set[str] = set()
    for kind in ("phrase", "span"):
        for frags in rs._starts[kind]:
            for f in frags or ():
                chars |= set(f)
    return chars


def test_case_insensitive_literals_agree_with_casefold():
    """The position shortcut reads a literal in the case-folded line where ``regex``
    matched it case-insensitively: for every character that folds to one character, the
    two must agree on every character of those literals (checked on all of Unicode)."""
    chars = _start_literal_chars()
    assert {"a", "é", "-", " ", "'"} <= chars
    every = "".join(
        chr(c) for c in range(0x110000)
        if not 0xD800 <= c <= 0xDFFF and len(chr(c).casefold()) == 1
    )
    wrong = []
    for x in sorted(chars):
        for m in regex.finditer(regex.escape(x), every, regex.IGNORECASE | regex.V0):
            if m.group().casefold() != x.casefold():
                wrong.append((x, m.group()))
    assert not wrong, wrong[:10]


_PIECES = st.sampled_from(
    [" ", "  ", NBSP, NNBSP, ".", "!", "?", "»", "«", "(", ")", ":", ",", "|", "-", "’", "'",
     "©", "ß", "İ", "ﬁ", "é", "A", "2024", "12", "Par", "Publié", "AFP", "Reuters",
     "Getty Images", "Photo", "photo :", "Lire aussi", "Partager", "newsletter",
     "abonnez-vous", "inscrivez-vous à notre", "cookies", "e-mail", "email", "mot de passe",
     "incorrect", "identifiant", "https://t.co/x", "(c) 2024", "(PDF)", "le", "la", "le"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=30).map("".join))
def test_tries_at_starts_equal_whole_scan(line):
    """Every phrase and span pattern tried at its literals' places finds what the scan of
    the whole line finds (generated lines, all patterns run)."""
    rs = R.load_rules(("fr", "en"))
    text = R.match_text(line)
    low = text[: R.MAX_SCAN_CHARS].casefold()
    for kind, patterns in (("phrase", rs._phrase_patterns), ("span", rs._span_patterns)):
        todo = set(range(len(patterns)))
        fast = rs._run(text, low, None, kind, patterns, todo)
        slow = [(r, m.start(), m.end()) for k in sorted(todo)
                for r, pat in [patterns[k]] for m in pat.finditer(text[: R.MAX_SCAN_CHARS])
                if m.end() > m.start()]
        assert fast == slow, line


@pytest.mark.parametrize("pattern, starts", [
    (r"\bphotos?\s*:", ("photo",)),
    (r"(?:e-mail|codes?) incorrect", ("code", "e-mail incorrect")),
    (r"\s*partager", None),
    (r"\d+ commentaires", None),
    (r"(?<=\.)\s*suite", None),
])
def test_match_starts(pattern, starts):
    assert R._match_starts(pattern) == starts


_LINE_STARTS = st.sampled_from(
    ["", " ", "• ", "» ", "► ", "- ", "— ", "* ", "© ", "(", "[", "{", "<", "/", "@", "#", "1 ",
     "12 ", "2 883 ", "Lire", "lire", "Lirette", "Voir", "Voire", "Partag", "Partager",
     "Publié", "Publicité", "Par", "Parfois", "By", "Byline", "Getty", "via", "e-mail",
     "newsletter", "Newsletters", "Facebook", "À lire aussi", "A lire", "ß", "ﬁ", "İ", "Ça"]
)


@settings(max_examples=400, deadline=None)
@given(_LINE_STARTS, st.lists(_PIECES, min_size=0, max_size=12).map("".join))
def test_anchored_indexes_equal_reference(start, rest):
    """The anchored line / prefix / protect indexes (first-word candidates, word-prefix
    tuples, the always-tried patterns' literal gate, ``requires``) give the rule the walk
    over every pattern in data order gives, on generated line starts (indexed words,
    their prefixes and extensions, symbols, digits, characters that fold to several)."""
    rs = R.load_rules(("fr", "en", "de", "es", "it"))
    text = R.match_text((start + rest).strip())
    if not text:
        return
    low = text.casefold()
    key = R.start_key(text, low)
    for ix in (rs._line, rs._prefix, rs._protect_index):
        assert ix.match(text, low, key) is ix.match_reference(text, low), (text, ix)
        assert ix.match(text[:300]) is ix.match_reference(text[:300]), (text, ix)


def _wordless_starts() -> list[str]:
    """Line starts without a word whose ``©`` sits past the old four-character key: the
    line hypothesis found (``•   ©``), other bullets, 0-7 spaces (plain, no-break, narrow
    no-break) before the sign, and runs of lead characters past the 80 characters
    :func:`start_key` folds first."""
    out = ["•   ©"]
    for bullet in ("", "•", "·", "▪", "►", "-", "—", "*"):
        for space in (" ", NBSP, NNBSP):
            for n in range(8):
                out.append(bullet + space * n + "©")
    out += ["•" * 85 + "©", "-" * 90 + " Lire aussi : le budget", " " * 79 + "lire aussi : x"]
    return out


@pytest.mark.parametrize("line", _wordless_starts(), ids=lambda s: ascii(s)[1:41])
def test_wordless_line_start_keys_every_character(line):
    """The anchored indexes give a line whose ``©`` (or first word) comes after its first
    four characters the rule the walk over every pattern gives (hypothesis found
    ``•   ©``: the prefix index missed ``photo_credit``)."""
    rs = R.load_rules(("fr", "en", "de", "es", "it"))
    for text in {line, R.match_text(line)}:
        low = text.casefold()
        key = R.start_key(text, low)
        assert key == R.start_key(text), text
        for ix in (rs._line, rs._prefix, rs._protect_index):
            assert ix.match(text, low, key) is ix.match_reference(text, low), (text, ix)
            assert ix.match(text) is ix.match_reference(text), (text, ix)
    want = "photo_credit" if line.endswith("©") else "related_link"
    assert rs._prefix.match(R.match_text(line)).name == want, line

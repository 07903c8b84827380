"""The strip stage's shortcuts give exactly the answers of the slow forms they replace.

Each cheap test (a last-character check, a character-class search before a regex,
a per-document trigger map, an indexed protect check, cached keys) is compared with
the form it stands for on every line of the real inputs (seeds, ``fixtures/strip``,
``fixtures/strip_real``), typeset, and on generated lines built from the characters
and words the rules care about (Hypothesis).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _helpers import train_pages
from cleannews.evaluate import read_fixture
from cleannews.strip import _pagekind as P
from cleannews.strip import _rules as R
from cleannews.strip import detectors as D

ROOT = Path(__file__).resolve().parent.parent
RS = R.load_rules(("fr", "en"))
NBSP, NNBSP = "\u00a0", "\u202f"


def _documents() -> list[str]:
    docs = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    docs += [read_fixture(p)[0] for p in sorted((ROOT / "fixtures" / "strip").glob("*.txt"))]
    docs += [doc for _, doc, _ in train_pages()]
    typo = [d.replace("'", "’").replace(" :", NNBSP + ":").replace("« ", "«" + NBSP) for d in docs]
    return docs + typo


DOCS = _documents()
LINES = sorted({R.match_text(x.strip()) for d in DOCS for x in d.split("\n") if x.strip()})

#: Characters and words the shortcuts turn on: separators, sentence ends, spaces of
#: every kind (the four that ``str.isspace`` counts and ``regex``'s ``\s`` does not),
#: symbols, letters that fold to several (ß, İ, ligatures), rule words.
_PIECES = st.sampled_from(
    [" ", "  ", "\t", NBSP, NNBSP, "\u2009", "\x1c", "\x1f", "\u2028", ".", "!", "?", "…",
     "»", "«", '"', "”", ")", ";", ":", ",", "|", "·", "•", "-", "–", "—", ">", "›", "/",
     "\\", "©", "▶", "►", "*", "'", "’", "ʼ", "ß", "İ", "ﬁ", "e\u0301", "é", "A", "Z",
     "12", "3h05", "Par", "par", "Publié", "AFP", "(AFP)", "Reuters", "Photo", "photo",
     "Lire aussi", "Partager", "newsletter", "abonnez-vous", "cookies", "PARIS,", "le",
     "3 mars 2025", "12/05/2024", "@user", "#tag", "www.x.fr", "image.jpg", "[/caption]"]
)
GENERATED = st.lists(_PIECES, min_size=0, max_size=14).map("".join)


def _old_key(text: str) -> str:
    return " ".join(w.casefold() for w in D._WORD.findall(unicodedata.normalize("NFC", text[:600])))


def _check_line(t: str) -> None:
    stripped = t.strip()
    # sentence / prose ends: the last character, or the regex when spaces end the text
    assert D._ends_sentence(t) == bool(D._SENT_END.search(t[-20:])), t
    assert P._ends_prose(t) == bool(P._PROSE_END.search(t[-3:])), t
    # a character test before each slow separator regex never hides a match
    if D._CRUMB_SEP.search(t):
        assert D._CRUMB_CHAR.search(t), t
    if D._SEGMENT_SEP.search(t):
        assert D._SEGMENT_CHAR.search(t), t
    start = max(0, len(t) - D.GLUED_TAIL_MAX_CHARS)
    if any(True for _ in D._GLUE_BOUNDARY.finditer(t, start)):
        assert D._GLUE_CHAR.search(t, max(0, start - 1)), t
    # title keys: folding the joined words is folding each word
    assert D._key(t) == _old_key(t), t
    # the same text for the rules, by str.replace or by the old translation table
    table = str.maketrans({"’": "'", NBSP: " ", NNBSP: " ", "\u2009": " ", "ʼ": "'"})
    assert R.match_text(t) == t.translate(table), t
    if not stripped:
        return
    # indexed protect patterns == the one combined regex; shared start key == none
    low = stripped.casefold()
    key = R.start_key(stripped, low)
    assert key == R.start_key(stripped), stripped
    want = bool(RS._protect.match(stripped)) if len(stripped) < 400 else False
    assert RS.is_protected(stripped, low, key) == want, stripped
    n = len(D._WORD.findall(low))
    assert RS.match_line(stripped, n, low, key) == RS.match_line(stripped, n), stripped
    assert RS.match_prefix(stripped, n, low, key) == RS.match_prefix(stripped, n), stripped


def test_shortcuts_on_real_lines():
    assert len(LINES) > 5000
    for t in LINES:
        _check_line(t)
        _check_line(t + " ")


@settings(max_examples=400, deadline=None)
@given(GENERATED)
def test_shortcuts_on_generated_lines(t):
    _check_line(t)


def _assert_trigger_map_matches(lines_text: list[str], kind: str) -> None:
    """``line_triggers`` (one str.find pass per fragment) == the per-line substring test."""
    lines = [D._Line(x, frozenset()) for x in lines_text]
    low = "\n".join(ln.low for ln in lines)
    words = set().union(*(ln.words for ln in lines))
    plan = RS.plan(words, low, kind, {w[:3] for w in words})
    starts, pos = [], 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln.low) + 1
    got = RS.line_triggers(plan, low, starts)
    for i, ln in enumerate(lines):
        want = {k for frag, ks in plan[1] if frag in ln.low for k in ks}
        assert got.get(i, set()) == want, (kind, ln.text)


@pytest.mark.parametrize("kind", ["phrase", "span"])
def test_document_trigger_map_equals_line_by_line_test(kind):
    for doc in DOCS:
        _assert_trigger_map_matches(doc.split("\n"), kind)


@settings(max_examples=200, deadline=None)
@given(st.lists(GENERATED, min_size=1, max_size=6))
def test_trigger_map_on_generated_documents(lines_text):
    _assert_trigger_map_matches(lines_text, "phrase")


def test_lines_keep_enough_words_for_their_readers():
    """Every reader of ``first_words`` reads at most HEAD_WORDS words; ``words`` is all."""
    from cleannews.strip import linemodel as M

    assert D.HEAD_WORDS >= M.TOKEN_ODDS_WORDS
    stop = R.load_stopwords(("fr", "en"))
    seen = 0
    for doc in DOCS[:200]:
        for x in doc.split("\n"):
            ln = D._Line(x, stop)
            want = D._WORD.findall(ln.low)
            assert ln.words == want and ln.first_words == want[: D.HEAD_WORDS], x
            seen += ln.n > D.HEAD_WORDS
            ln.refit(x[: len(x) // 2], stop)
            assert ln.words == D._WORD.findall(x[: len(x) // 2][: R.MAX_SCAN_CHARS].casefold())
    assert seen > 10  # long paragraphs were among them


#: Words and long runs without words: the first HEAD_WORDS words may lie past HEAD_CHARS.
_WORDY = st.sampled_from(["mot", "é", "x1", "_", " ", ", ", "ß", "ﬁ", "-" * 300, " " * 120, "… "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDY, min_size=0, max_size=120).map("".join))
def test_line_words_on_generated_lines(t):
    ln = D._Line(t, frozenset({"mot"}))
    want = D._WORD.findall(ln.low)
    assert ln.n == len(want)
    assert ln.words == want
    assert ln.first_words == want[: D.HEAD_WORDS]

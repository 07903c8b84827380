"""Shortcuts of the spin scorer's fast path (issue 12) equal their slow forms.

* The tokeniser without the "aujourd’hui" branch and with possessive quantifiers
  (``_features._split_tokens``) splits every text as ``_TOKEN_SPLIT_RE`` does.
* A one-block text that is too short or not French is labelled from its word counts
  before its paragraphs are scanned (``DocumentScan.word_counts``): the same score as
  the full scan gives.
* New token types get their facts once each, then the token list is one ``map``
  (``_features._infos``): the same facts as a warm cache; a long text that looks French
  takes its word counts from the facts, the rest from the light counts: the same counts.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import cleannews
from _helpers import golden_spin_texts
from cleannews.score import _features
from cleannews.score._stream import DocumentScan

#: Pieces that exercise every branch of the token pattern: words with hyphens and
#: apostrophes (both kinds), "aujourd’hui" in its spellings and look-alikes, line breaks,
#: punctuation, digits, underscores, letters of other scripts, whitespace of several kinds.
PIECES = (
    "aujourd’hui Aujourd'hui AUJOURD’HUI aujourd’ hui jusqu’aujourd’hui xaujourd'hui "
    "Aujourd’hui-même l’ l' d’IA qu’ ’ ' - -- a-b a-b- -a a-b-c_d 2023 x2 _ __init__ "
    "écoute Œuvre straße Ελλάδα Москва 東京 « » … — – , . ; : ! ? ( ) [ ] / & % € $ "
    "\n \r\n \t \xa0 \u202f \u2009 \u2028 \x0b \x0c"
).split(" ")


def _texts():
    return st.lists(
        st.one_of(
            st.sampled_from(PIECES),
            st.sampled_from(["", " ", "  ", "\n", "-", "’", "'"]),
            st.text(min_size=1, max_size=3),
        ),
        max_size=40,
    ).map("".join)


@settings(max_examples=500, deadline=None)
@given(text=_texts())
def test_fast_tokeniser_equals_the_pattern(text):
    want = _features._TOKEN_SPLIT_RE.split(text)
    assert _features._split_tokens(text) == want
    if _features._AUJOURDHUI_HINT not in text:
        assert _features._FAST_SPLIT_RE.split(text) == want
        # the non-possessive form used on Python 3.10
        slow = re.compile(r"(\w+(?:-\w+)*(?:['’](?=\w))?|[\S\n])")
        assert slow.split(text) == want


def test_fast_tokeniser_on_real_text():
    """Real text: the seeds, whole and cut at every line."""
    from pathlib import Path

    root = Path(__file__).parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt"))]
    assert texts
    for text in texts:
        for piece in [text, *text.splitlines()]:
            assert _features._split_tokens(piece) == _features._TOKEN_SPLIT_RE.split(piece)


def _unscored_mix():
    """Texts around the thresholds: few words, or French and English function words mixed."""
    words = st.sampled_from(
        "le la les de et est un une des que il on the of and to is with der und el los "
        "maison projet ville house city Haus , . \n".split(" ")
    )
    return st.lists(words, min_size=0, max_size=160).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(text=_unscored_mix())
def test_early_label_equals_the_full_scan(text):
    scan = DocumentScan(text)
    counts = scan.word_counts()
    assert counts is not None
    for _ in scan.paragraphs():
        pass
    d = scan.doc
    assert counts == (d.n_words, d.n_fr, d.n_en)
    got = cleannews.spin_score(text)
    assert got.n_words == d.n_words
    if got.label in ("insufficient", "unsupported_language"):
        assert got.paragraphs == () and got.evidence == ()


# -- the block passes over neighbour lists equal per-token loops, on real text -----------

ROOT = __import__("pathlib").Path(__file__).parent.parent


def _real_texts() -> list[str]:
    """Real inputs: the golden set's (seeds, correct French, validation and held-out spins,
    negatives, real pages in every language, built long documents), documents of 8 UD
    sentences (GSD and Sequoia, one sentence a line), and adversarial text (triggers at
    line and text ends, lines of one token, empty lines, CRLF, "afin" last)."""
    texts = golden_spin_texts()
    for name in ("french-gsd.txt", "french-sequoia.txt"):
        path = ROOT.parent / "shared" / "corpora" / "fr-ud" / name
        if path.is_file():
            lines = [ln.split("\t", 1)[-1] for ln in path.read_text("utf-8").splitlines()]
            texts += ["\n".join(lines[i : i + 8]) for i in range(0, len(lines), 8)]
    texts += [
        "la",
        "afin",
        "le\nfonction",
        "Il est venu afin\nde voir la conflit nationale.\r\nl’\n\nla",
        "de le application " * 40 + "afin",
        "l’ fonction la canicule identiquement. " * 30 + "\n" * 3 + "les",
    ]
    return texts


def _events_reference(toks: list[str], infos: list[tuple]) -> list[tuple]:
    """``_context_events`` as a loop over every token (neighbour facts by index)."""
    f = _features
    n = len(toks)
    edge = f._EDGE[0]
    events = []
    for i, info in enumerate(infos):
        if f._CODE_FLAGS[info[f.I_CODE]] & f.F_CHECKED:
            prev = infos[i - 1] if i else edge
            nxt = infos[i + 1] if i + 1 < n else edge
            key = (prev[f.I_CLASS], info[f.I_CLASS], nxt[f.I_CLASS])
            fit = f._FIT_CACHE.get(key)
            if fit is None:
                fit = f._fit(key)
            if fit < f.POS_MISFIT_SOFT:
                h = None
                if fit < f.POS_MISFIT:
                    reason = f"word class unlikely in this context: {f._context(toks, i)}"
                    h = f.Hit("pos_context", i, i, reason)
                events.append((i, f._EV_MISFIT, fit, h, f._ORDER_POS))
        if info[f.I_RARE] == f.RARE_SYNONYM:
            reason = f"rare synonym where a common word is expected: {toks[i]}"
            events.append((i, f._EV_RARE, 0.0, f.Hit("rare_synonym", i, i, reason), f._ORDER_RARE))
        elif info[f.I_RARE] == f.RARE_WORD:
            h = f.Hit("rare_word", i, i, f"word rare in news text: {toks[i]}")
            events.append((i, f._EV_RARE, 0.0, h, f._ORDER_RARE))
    if f.collocation_enabled():
        f._collocation_events(toks, infos, events)
    events.sort(key=lambda e: (e[0], e[4]))
    return [e[:4] for e in events]


def test_block_passes_equal_per_token_loops_on_real_text():
    """The grammar pre-filter (``_candidates``) and the context events (``_context_events``)
    pick neighbours from ``infos[1:] + [_EDGE]`` with byte masks; a loop over every token
    that reads the neighbours by index gives the same positions and the same events."""
    f = _features
    texts = _real_texts()
    assert len(texts) >= 900
    n_cand = n_events = 0
    for text in texts:
        for _, block in f.text_blocks(text, 2000):
            bt = f.block_tokens(block)
            toks, infos, codes = bt.toks, bt.infos, bt.codes
            n = len(toks)
            has = {flag: codes.translate(f._TABLES[flag]) for flag in f._FLAGS}
            after = [*infos[1:], *f._EDGE]
            want = [
                i
                for i in range(n)
                if infos[i][f.I_NEED] & (infos[i + 1][f.I_ROLE] if i + 1 < n else 0)
            ]
            assert f._candidates(has[f.F_TRIGGER], infos, after) == want
            assert f._candidates(has[f.F_TRIGGER], infos) == want
            events = f._context_events(toks, infos, has, after)
            assert events == _events_reference(toks, infos)
            n_cand += len(want)
            n_events += len(events)
    assert n_cand > 1000 and n_events > 5000


def _joined_span(pieces: list[str], start: int, first: int, last: int) -> tuple[int, int]:
    """The span of tokens ``first..last`` by joining the pieces (the former, quadratic way)."""
    b = start + len("".join(pieces[: 2 * first]))
    return b, b + len("".join(pieces[2 * first : 2 * last + 1]))


def test_token_spans_equal_joined_spans_on_real_paragraphs() -> None:
    """``TokenSpans`` (prefix sums, linear) gives the spans that joining the pieces gives
    (quadratic on a long paragraph with many hits) for token pairs of real paragraphs."""
    import random

    from cleannews.score._features import TokenSpans

    root = Path(__file__).resolve().parents[1]
    rng = random.Random(7)
    for path in sorted((root / "seeds").glob("*.txt")):
        for para in path.read_text(encoding="utf-8").split("\n\n"):
            pieces = re.split(r"(\s+)", para.strip())
            if len(pieces) < 3:
                continue
            n = (len(pieces) + 1) // 2
            spans = TokenSpans(pieces, 17)
            for _ in range(50):
                first = rng.randrange(n)
                last = rng.randrange(first, n)
                assert spans(first, last) == _joined_span(pieces, 17, first, last)
            # hits in token order, as the scan asks (the running sum), some overlapping
            # the previous one (then the prefix sums)
            firsts = sorted(rng.randrange(n) for _ in range(rng.randrange(1, 8)))
            spans = TokenSpans(pieces, 17)
            for first in firsts:
                last = min(n - 1, first + rng.choice((0, 0, 0, 1, 2)))
                assert spans(first, last) == _joined_span(pieces, 17, first, last)


def test_light_word_counts_equal_the_token_facts_on_real_text() -> None:
    """A text with a token never seen is told too short / not French from counts taken
    without the token facts (``light_word_counts``): the same counts as the facts give,
    and the same score from an empty token cache as from a warm one (real pages in every
    language of the golden set, UD documents, adversarial lines)."""
    # the light counts rely on every function word beginning with a letter
    assert all(w[:1].isalpha() for w in _features.STOP_FR | _features.STOP_EN)
    texts = _real_texts()
    for text in texts:
        toks = _features._split_tokens(text)[1::2]
        assert _features.light_word_counts(toks) == _features.block_word_counts(
            _features.block_tokens(text).codes
        )
    light = 0
    for text in texts[::7]:
        warm = cleannews.spin_score(text).to_dict()  # (its repr only counts the evidence)
        _features._INFO.clear()
        scan = DocumentScan(text)
        scan.word_counts()
        light += scan._parts is not None  # the light path was taken
        _features._INFO.clear()
        assert cleannews.spin_score(text).to_dict() == warm
    assert light >= 20


def test_new_token_types_get_the_same_facts(monkeypatch) -> None:
    """``_infos`` computes each new token type's facts once, then maps the whole list:
    the same facts as a warm cache gives, also when the bounded cache is emptied while
    the new types are added (``_INFO_MAX`` set small), on real text."""
    texts = _real_texts()[::9]
    toks_of = [_features._split_tokens(t)[1::2] for t in texts]
    warm = [_features._infos(toks) for toks in toks_of]
    for limit in (None, 40):
        if limit is not None:
            monkeypatch.setattr(_features, "_INFO_MAX", limit)
        _features._INFO.clear()
        for toks, want in zip(toks_of, warm, strict=True):
            assert _features._infos(toks) == want
    monkeypatch.undo()
    _features._INFO.clear()


@settings(max_examples=200, deadline=None)
@given(text=_texts())
def test_new_token_types_get_the_same_facts_generated(text) -> None:
    toks = _features._split_tokens(text)[1::2]
    warm = _features._infos(toks)
    for t in set(toks):
        _features._INFO.pop(t, None)
    assert _features._infos(toks) == warm


def test_likely_scored_texts_count_the_same_words() -> None:
    """A long text whose first tokens are plainly French takes its word counts from the
    token facts even with a token never seen (``_stream._likely_scored``), other texts from
    the light counts: both ways give the counts and the score of a warm cache (real texts
    of the golden set and UD documents; both ways taken many times)."""
    seen = {True: 0, False: 0}
    for text in _real_texts()[::5]:
        if len(text) > _features.BLOCK_CHARS or not text.strip():
            continue
        counts = DocumentScan(text).word_counts()
        warm = cleannews.spin_score(text).to_dict()  # (its repr only counts the evidence)
        _features._INFO.clear()
        scan = DocumentScan(text)
        assert scan.word_counts() == counts
        if scan._parts is not None or scan._first is not None:
            seen[scan._first is not None] += 1
        _features._INFO.clear()
        assert cleannews.spin_score(text).to_dict() == warm
    assert min(seen.values()) >= 10, seen

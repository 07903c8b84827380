"""The spin scorer's tokeniser and per-block token facts against straightforward references
(round 23, issue 11's speed target).

* ``reference_split``: a character-by-character scanner written from the token grammar of
  ``_features.TOKEN_RE`` (no regular expression): the separators and tokens that
  ``_features._split_tokens`` gives, on adversarial strings (elisions with ’ and ',
  hyphenated words, digits, underscores, emoji, NBSP / NNBSP, "aujourd’hui" and its
  look-alikes), on 1 MB lines and on real text (the seeds, ``fixtures/spin`` development
  files).
* No token spans a line break: a block's tokens are its lines' tokens, in order; so a
  paragraph's pieces (``ParagraphScan.pieces``: its tokens and the whitespace between them)
  are its own line split alone, they rebuild the paragraph's text, and ``TokenSpans`` gives
  every token the offsets the scanner gives.
* ``block_tokens``: the facts of every token, looked up by one ``map`` over the cache, equal
  the facts computed for that token alone (``_new_token_info``), and its flag codes are
  theirs.
"""

from __future__ import annotations

import gzip
import json
import random

import pytest

from _helpers import ROOT, hang_guard
from cleannews.score import _features as F

#: Characters the scanner reads as "\w" (as the ``re`` module does for ``str`` patterns).
_APOSTROPHES = "'’"


def _is_word(c: str) -> bool:
    """``re``'s ``\\w`` on one character: alphanumeric or the underscore."""
    return c.isalnum() or c == "_"


def reference_offsets(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every token of ``text``, scanned one character at a time from the
    grammar of ``TOKEN_RE``: "[Aa]ujourd['’]hui"; a word (``\\w`` run), its hyphenated parts
    and an apostrophe when a word character follows; a line break; any other character that
    is not whitespace.

    >>> reference_offsets("L’IA, aujourd'hui-même.")
    [(0, 2), (2, 4), (4, 5), (6, 17), (17, 18), (18, 22), (22, 23)]
    """
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if (
            c in "Aa"
            and text[i + 1 : i + 7] == "ujourd"
            and text[i + 7 : i + 8] in tuple(_APOSTROPHES)
            and text[i + 8 : i + 11] == "hui"
        ):
            out.append((i, i + 11))
            i += 11
        elif _is_word(c):
            j = i + 1
            while j < n and _is_word(text[j]):
                j += 1
            while j + 1 < n and text[j] == "-" and _is_word(text[j + 1]):
                j += 2
                while j < n and _is_word(text[j]):
                    j += 1
            if j + 1 < n and text[j] in _APOSTROPHES and _is_word(text[j + 1]):
                j += 1
            out.append((i, j))
            i = j
        else:
            if c == "\n" or not c.isspace():
                out.append((i, i + 1))
            i += 1
    return out


def reference_split(text: str) -> list[str]:
    """``_split_tokens(text)`` from ``reference_offsets``: separator, token, …, separator.

    >>> reference_split(" l’IA ")
    [' ', 'l’', '', 'IA', ' ']
    """
    out, pos = [], 0
    for a, b in reference_offsets(text):
        out += [text[pos:a], text[a:b]]
        pos = b
    out.append(text[pos:])
    return out


#: Strings where a tokeniser can go wrong: apostrophes of both kinds before words,
#: spaces, punctuation and the end; hyphens inside, around and doubled; "aujourd’hui" in
#: its spellings, glued to words and split by line breaks; digits, underscores, emoji
#: (with joiners and variation selectors), combining marks, other scripts, and every kind
#: of space (NBSP, NNBSP, thin space, line separator, tabs, CR).
ADVERSARIAL = (
    "",
    " ",
    "\n",
    "l’IA d'un qu’il jusqu’à presqu’île prud’homme",
    "l’ l' d’ ’ ' ’’ '' l’’IA l'’a ’IA 'IA IA’ IA' l’\nIA l’ IA l’-IA",
    "aujourd’hui Aujourd'hui AUJOURD’HUI aujourd’ hui aujourd’huiX xaujourd'hui",
    "jusqu’aujourd’hui d’aujourd’hui Aujourd’hui-même aujourd’hui’s aujourd\n’hui",
    "aujourd’hu aujourd’h aujourd ujourd’hui Aujourd’hui\nAujourd’hui",
    "a-b a-b- -a a--b a-b-c-d-e c’est-à-dire peut-être -- - --- a-’b a-’ a’-b",
    "2023 3,5 % 10.000 1er 2e x2 2x 3 000 €\u00a0€ 3\u202f000\u00a0€",
    "_ __init__ a_b _a b_ l’_ _’a",
    "😀 😀😀 👩\u200d💻 ❤\ufe0f l’😀 😀-a a-😀 #️⃣",
    "e\u0301cole cafe\u0301 l’e\u0301te\u0301 n\u0303",
    "straße Ελλάδα Москва 東京大学 عربي עִבְרִית",
    "mot\u00a0mot\u202fmot\u2009mot\u2028mot\u2029mot\tmot\rmot\x0bmot\x0cmot\x85mot\u3000",
    "« Oui » : « non ! » — (voir p. 3) ; fin… [1] / & % $ @ * + = < > | ~ ^ `",
    "\n\n \n\t\n l’\n\n’\n-\n",
)


def _generated(seed: int, count: int) -> list[str]:
    """Random strings glued from the characters and pieces the adversarial strings use."""
    rnd = random.Random(seed)
    alphabet = [*"aAeé’'-_ \n\u00a0\u202f1😀.,«»hujord", "aujourd’hui", "Aujourd'hui", "ujourd",
                "l’", "-a", "a-"]
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 40))) for _ in range(count)]


def _dev_texts() -> list[str]:
    """Real text: the seeds, the correct-French fixture, 300 validation documents (seeded
    sample) and the drama and literature development files of ``fixtures/spin``."""
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    spin = ROOT / "fixtures" / "spin"
    for name in ("correct_french.jsonl", "drama_dev.jsonl", "lit10_tune.jsonl"):
        with open(spin / name, encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    with gzip.open(spin / "validation.jsonl.gz", "rt", encoding="utf-8") as fh:
        val = [json.loads(line)["text"] for line in fh]
    texts += random.Random(23).sample(val, min(300, len(val)))
    return texts


@pytest.fixture(scope="module")
def dev_texts() -> list[str]:
    texts = _dev_texts()
    assert len(texts) >= 300
    return texts


@pytest.mark.parametrize("text", ADVERSARIAL + tuple(_generated(23, 400)))
def test_split_equals_the_reference_scanner_on_adversarial_strings(text: str) -> None:
    want = reference_split(text)
    assert F._split_tokens(text) == want
    assert F.TOKEN_RE.findall(text) == want[1::2]
    assert F.block_tokens(text).toks == want[1::2]


def test_split_equals_the_reference_scanner_on_real_text(dev_texts: list[str]) -> None:
    for text in dev_texts:
        assert F._split_tokens(text) == reference_split(text)


#: 1 MB lines (no line break) that a tokeniser could take quadratic time on or split wrongly:
#: endless hyphen chains, apostrophes with and without a word after them, "aujourd’hui"
#: repeated and cut one letter short, emoji, NBSPs.
_MB = 1_000_000
MEGABYTE_LINES = (
    "a-" * (_MB // 2),
    "ab-cd-" * (_MB // 6),
    "l’" * (_MB // 2),
    "l'’" * (_MB // 3),
    "aujourd’hu" * (_MB // 10),
    "Aujourd’hui" * (_MB // 11),
    "-’" * (_MB // 2),
    "😀\u00a0" * (_MB // 2),
    "mot\u202f" * (_MB // 4),
    "x" * _MB,
)


@pytest.mark.parametrize("line", MEGABYTE_LINES, ids=lambda s: repr(s[:12]))
def test_megabyte_lines_split_as_the_reference(line: str) -> None:
    with hang_guard(120):
        got = F._split_tokens(line)
        assert got == reference_split(line)
        assert F._split_tokens(line + "\n" + line[:1000])[: len(got) - 1] == got[:-1]


def test_a_blocks_tokens_are_its_lines_tokens(dev_texts: list[str]) -> None:
    """No token spans a line break: splitting each line alone gives the block's tokens."""
    for text in dev_texts:
        want: list[str] = []
        for k, line in enumerate(text.split("\n")):
            if k:
                want.append("\n")
            want += F._split_tokens(line)[1::2]
        assert F._split_tokens(text)[1::2] == want


def test_paragraph_pieces_rebuild_the_paragraph_and_its_token_spans(
    dev_texts: list[str],
) -> None:
    """A paragraph with evidence keeps its tokens and the whitespace between them: they are
    its text split alone, they join up to its text, and ``TokenSpans`` gives each token the
    offsets the reference scanner gives."""
    n_checked = 0
    for text in dev_texts:
        for ps in F.scan_text(text):
            if ps.pieces is None:
                continue
            start, end = ps.counts.start, ps.counts.end
            para = text[start:end]
            assert "".join(ps.pieces) == para
            assert ps.pieces == F._split_tokens(para)[1:-1]
            spans = F.TokenSpans(ps.pieces, start)
            want = [(start + a, start + b) for a, b in reference_offsets(para)]
            assert [spans(k, k) for k in range(len(want))] == want
            n_checked += 1
    assert n_checked >= 500


def test_block_facts_equal_each_tokens_own_facts(dev_texts: list[str]) -> None:
    """The facts ``block_tokens`` looks up (one ``map`` over the cache, new types first) are
    the facts of each token computed alone, and the block's codes are their codes."""
    for text in dev_texts[::3]:
        for _, block in F.text_blocks(text):
            bt = F.block_tokens(block)
            want = [F._new_token_info(t) for t in bt.toks]
            assert bt.infos == want
            assert bt.codes == bytes(info[F.I_CODE] for info in want)

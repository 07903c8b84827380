"""Which rule files a page gets: the configured ones plus the page's own language.

``CleanConfig.languages`` (default ``("fr", "en")``) are always applied. With
``CleanConfig.strip_page_language`` (default on) the rule file of the page's own
language is added when there is one (``data/de.json``, ``es.json``, ``it.json`` …):
the language whose stoplist covers most of the page's first words, when it wins
clearly. A page in a language without a rule file, or too short to tell, keeps
the configured rule sets alone (nothing is refused, nothing is guessed).

    >>> page_rule_languages("Die Regierung hat am Dienstag eine Reform der Rente "
    ...                     "angekündigt, die ab dem nächsten Jahr gelten soll und die "
    ...                     "von den Gewerkschaften scharf kritisiert wird.", ("fr", "en"))
    ('fr', 'en', 'de')
    >>> page_rule_languages("Le gouvernement a annoncé mardi une réforme.", ("fr", "en"))
    ('fr', 'en')
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from cleannews.config import RULE_LANGUAGES

__all__ = [
    "UNSPACED",
    "PageLanguage",
    "guess_page_language",
    "no_stoplist_prose",
    "no_stoplist_script",
    "page_language",
    "page_rule_languages",
    "recount_unspaced",
    "stop_counts",
    "stop_units",
]

#: Characters of the page read to tell its language (about 150 words). The same count gives
#: the rule file and the line model's stoplist (:func:`guess_page_language`).
PAGE_LANGUAGE_CHARS = 1000
#: The winning stoplist must cover at least this many of those words …
PAGE_LANGUAGE_MIN_STOP = 10
#: … and this many times the runner-up's share (a stop word of k stoplists counts 1/k for
#: each; round 30: a margin on the raw counts missed es-r33-0001, whose words shared with
#: the French stoplist were doubled by a caption printed twice; with the shares every TRAIN
#: page, seed and ``fixtures/strip`` page is named as before, and es-r33-0001 too; a
#: margin of 3 would miss 27 TRAIN pages).
PAGE_LANGUAGE_MARGIN = 1.5

#: Characters of a line read to tell its script.
SCRIPT_CHARS = 200
#: A line is in a script without a stoplist when more than this share of its letters are
#: outside the scripts of the stoplists (all five stoplists are Latin-script words; a test
#: checks it): Chinese, Japanese, Thai, Hindi, Arabic, Russian, Greek … A stop-word share
#: says nothing about such a line, so no rule may condemn it for having no stop words.
NO_STOPLIST_SHARE = 0.5

_WORD = re.compile(r"\w+")
_LETTER = regex.compile(r"\p{L}")
#: Letters of scripts written without spaces between words (Han, kana, Thai …); the HTML
#: front end counts their words by characters (:func:`cleannews.strip.html.count_words`).
UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
#: Blocks of the Basic Multilingual Plane that hold no letter of :data:`UNSPACED`: Latin,
#: Greek, Cyrillic, Arabic … up to U+0DFF, Tibetan, Georgian to Tai Le, general punctuation
#: to the Latin extensions (U+1A00–U+2E7F: every typographic sign of a news page), Yi to
#: the Myanmar extensions, Hangul and the private use area, presentation forms, specials.
#: A text whose characters are all in them has no unspaced letter (``re`` tests a
#: character against a negated class of the BMP with one table lookup: about 8x faster
#: than a ``regex`` script-property search of the document); a text with any other
#: character (also every character beyond U+FFFF: emoji) is searched with :data:`UNSPACED`.
#: ``tests/test_strip_speed.py`` checks over all of Unicode that no character
#: :data:`UNSPACED` matches is in these blocks.
UNSPACED_FREE_BLOCKS = (
    "\u0000-\u0dff\u0f00-\u0fff\u10a0-\u177f\u1800-\u19df\u1a00-\u2e7f"
    "\ua000-\ua9df\uaa80-\uf8ff\ufb00-\ufeff\ufff0-\uffff"
)
_MAYBE_UNSPACED = re.compile("[^" + UNSPACED_FREE_BLOCKS + "]")
#: Letters of the scripts no stoplist is written in.
_OTHER_SCRIPT = regex.compile(r"(?!\p{Latin})\p{L}")


@lru_cache(maxsize=1)
def _stop_table() -> tuple[tuple[str, ...], dict[str, tuple[tuple[int, float], ...]]]:
    """The rule languages, and each stopword with the index of each language it belongs to
    and its share of the word (``1 / k`` for a word of ``k`` stoplists: the float
    :func:`guess_page_language` adds, computed once).

    >>> langs, table = _stop_table()
    >>> [(langs[i], share) for i, share in table["dans"]]
    [('fr', 1.0)]
    """
    from cleannews.strip._rules import load_stopwords

    table: dict[str, list[int]] = {}
    for i, lang in enumerate(RULE_LANGUAGES):
        for w in load_stopwords((lang,)):
            table.setdefault(w, []).append(i)
    return RULE_LANGUAGES, {w: tuple((i, 1 / len(ix)) for i in ix) for w, ix in table.items()}


@dataclass(frozen=True)
class PageLanguage:
    """The one guess of a page's language, made once per document (:func:`guess_page_language`).

    ``rules``: the rule language whose file the page gets, or ``None`` when no language wins
    clearly (see :data:`PAGE_LANGUAGE_MIN_STOP`, :data:`PAGE_LANGUAGE_MARGIN`);
    ``stop``: the stoplist language that covers most of the page's first words, always one of
    ``RULE_LANGUAGES`` (the line model reads the page's stoplist; ties go to the first
    language, French).
    """

    rules: str | None
    stop: str


def stop_counts(words) -> tuple[list[int], list[float]]:
    """Per rule language (``RULE_LANGUAGES`` order): how many of ``words`` are in its
    stoplist, and their share (a word of ``k`` stoplists counts ``1 / k`` for each).

    The margin of :func:`guess_page_language` reads each word as evidence shared by its
    stoplists ("la", "que", "en" of a Spanish page are French words too; a caption printed
    twice doubled them: es-r33-0001, 82 Spanish against 56 French stop words, 1.46 < the
    margin, and 2.4 times the French share). The stop words are taken in the words' order
    (one C pass over the words drops the others) and each adds its precomputed share: the
    same float additions, in the same order, as a loop over every word dividing each time
    (perf40).

    >>> stop_counts(["la", "dans", "zzz"])
    ([2, 0, 0, 1, 1], [1.3333333333333333, 0.0, 0.0, 0.3333333333333333, 0.3333333333333333])
    """
    langs, table = _stop_table()
    cover = [0] * len(langs)
    share = [0.0] * len(langs)
    for hit in filter(None, map(table.get, words)):
        for i, one in hit:
            cover[i] += 1
            share[i] += one
    return cover, share


#: Bits of each field of :func:`_packed_stop_table`'s numbers (a count or a sum of units).
_FIELD_BITS = 32
#: :data:`PAGE_LANGUAGE_MARGIN` as a ratio of integers (numerator, denominator): 3 / 2.
_MARGIN_RATIO = PAGE_LANGUAGE_MARGIN.as_integer_ratio()


@lru_cache(maxsize=1)
def _packed_stop_table() -> tuple[int, dict[str, int]]:
    """:func:`_stop_table` as one integer per stop word, and the units of a share.

    A share of ``1 / k`` is ``units // k`` units (``units``: the least common multiple of
    1 … the number of languages, 60 for five: every share is a whole number of units).
    Language ``i``'s count is the word's bits ``2 i`` fields up, its units ``2 i + 1``
    fields up (:data:`_FIELD_BITS` each): adding the words' integers adds every
    language's count and units at once (:func:`stop_units`).

    >>> units, table = _packed_stop_table()
    >>> units, table["dans"] == 1 | 60 << _FIELD_BITS
    (60, True)
    """
    langs, table = _stop_table()
    units = math.lcm(*range(1, len(langs) + 1))
    packed = {}
    for w, hit in table.items():
        v = 0
        for i, _ in hit:
            v |= 1 << (2 * i * _FIELD_BITS) | (units // len(hit)) << ((2 * i + 1) * _FIELD_BITS)
        packed[w] = v
    return units, packed


def stop_units(words) -> tuple[list[int], list[int]] | None:
    """:func:`stop_counts` with each share as a whole number of units (its exact value times
    :func:`_packed_stop_table`'s units), summed in one C pass over the words (a sum of
    integers, one per stop word; round 38, perf53); None for a list too long for the
    fields (never a page's head: :data:`PAGE_LANGUAGE_CHARS` characters).

    >>> stop_units(["la", "dans", "zzz"])
    ([2, 0, 0, 1, 1], [80, 0, 0, 20, 20])
    """
    units, packed = _packed_stop_table()
    if len(words) * units >= 1 << _FIELD_BITS:
        return None
    total = sum(filter(None, map(packed.get, words)))
    mask = (1 << _FIELD_BITS) - 1
    fields = [(total >> (k * _FIELD_BITS)) & mask for k in range(2 * len(RULE_LANGUAGES))]
    return fields[0::2], fields[1::2]


def _clear_margin(words) -> tuple[list[int], bool | None]:
    """Per language the count of ``words`` in its stoplist, and whether the first language
    with the most of them covers :data:`PAGE_LANGUAGE_MARGIN` times the runner-up's share
    (None: the exact shares are on the margin, or the words too many for
    :func:`stop_units`; the caller then reads :func:`stop_counts`' floats).

    The floats of :func:`stop_counts` are the exact shares (whole numbers of 1/60) up to
    a rounding error of about 10^-11 for a page's head: two shares that differ differ by
    1/60 or more, so the floats decide as the exact shares do, unless the exact shares sit
    on the margin, where only the floats' own rounding decides (round 38, perf53:
    ``tests/test_perf53.py`` checks both against the floats).

    >>> _clear_margin(["la", "dans", "zzz"])
    ([2, 0, 0, 1, 1], True)
    >>> _clear_margin(["faire"] * 3 + ["there"] * 2)  # French 3 = 1.5 x English 2
    ([3, 2, 0, 0, 0], None)
    """
    got = stop_units(words)
    if got is None:
        return stop_counts(words)[0], None
    cover, units = got
    top = max(range(len(cover)), key=cover.__getitem__)
    second = max((u for i, u in enumerate(units) if i != top), default=0)
    ahead = units[top] * _MARGIN_RATIO[1] - second * _MARGIN_RATIO[0]
    return cover, None if ahead == 0 else ahead > 0


def guess_page_language(text: str, words: list[str] | None = None) -> PageLanguage:
    """Count the page's first words in every stoplist once; both uses read this count.

    ``words``: the ``\\w+`` words of ``text[:PAGE_LANGUAGE_CHARS].lower()``, when the caller
    has them already (the strip stage reads them from its lines:
    :func:`cleannews.strip.detectors.build_lines`).

    >>> guess_page_language("Die Regierung hat am Dienstag eine Reform der Rente angekündigt, "
    ...                     "die ab dem nächsten Jahr gelten soll und die von den "
    ...                     "Gewerkschaften scharf kritisiert wird.")
    PageLanguage(rules='de', stop='de')
    >>> guess_page_language("Partager")
    PageLanguage(rules=None, stop='fr')
    """
    langs = _stop_table()[0]
    if words is None:
        words = _WORD.findall(text[:PAGE_LANGUAGE_CHARS].lower())
    cover, ahead = _clear_margin(words)
    # the first language with the most words (max keeps the first of equals)
    top = max(range(len(langs)), key=cover.__getitem__)
    clear = cover[top] >= PAGE_LANGUAGE_MIN_STOP
    if clear and ahead is None:  # on the margin: the floats' own rounding decides
        share = stop_counts(words)[1]
        second = max((c for i, c in enumerate(share) if i != top), default=0)
        ahead = share[top] >= PAGE_LANGUAGE_MARGIN * second
    clear = clear and ahead
    return PageLanguage(langs[top] if clear else None, langs[top])


def page_language(text: str) -> str | None:
    """The rule language (of ``RULE_LANGUAGES``) the page is written in, or ``None``.

    >>> page_language("El Gobierno aprobó este martes la reforma de las pensiones, que "
    ...               "entrará en vigor el año que viene y que los sindicatos rechazan.")
    'es'
    >>> page_language("Partager") is None
    True
    """
    return guess_page_language(text).rules


def page_rule_languages(
    text: str, configured: tuple[str, ...], guess: PageLanguage | None = None
) -> tuple[str, ...]:
    """``configured`` plus the page's own rule language when it is not among them.

    ``guess``: the page's :func:`guess_page_language`, when the caller has it already.

    >>> page_rule_languages("Il governo ha approvato martedì la riforma delle pensioni, "
    ...                     "che entrerà in vigore l'anno prossimo e che i sindacati "
    ...                     "respingono.", ("fr",))
    ('fr', 'it')
    """
    lang = (guess or guess_page_language(text)).rules
    if lang is None or lang in configured:
        return configured
    return (*configured, lang)


def no_stoplist_script(text: str) -> bool:
    """Most letters of ``text`` are in a script none of the stoplists is written in.

    >>> no_stoplist_script("中国国家统计局周二公布的数据显示"), no_stoplist_script("Économie")
    (True, False)
    >>> no_stoplist_script("Правительство России утвердило бюджет"), no_stoplist_script("2024")
    (True, False)
    """
    head = text[:SCRIPT_CHARS]
    if head.isascii():
        return False
    other = len(_OTHER_SCRIPT.findall(head))
    return other > 0 and other > NO_STOPLIST_SHARE * len(_LETTER.findall(head))


def no_stoplist_prose(text: str, min_words: int) -> bool:
    """A line of at least ``min_words`` words in a script without a stoplist: article text as
    far as the stop-word tests can tell (words of Chinese, Japanese, Thai … counted by
    characters, as the HTML front end counts them).

    >>> no_stoplist_prose("日本銀行は火曜日、金融政策決定会合で大規模な金融緩和策を維持した。", 10)
    True
    >>> no_stoplist_prose("新闻 体育 财经", 10), no_stoplist_prose("Le budget de la commune", 3)
    (False, False)
    """
    if len(text) < min_words or not no_stoplist_script(text):
        return False
    from cleannews.strip.html import count_words  # the HTML front end's word count

    return count_words(text[: SCRIPT_CHARS * 4]) >= min_words


def recount_unspaced(lines, text: str) -> None:
    """Word counts of the lines written in a script without spaces between words.

    A line of Chinese counts one "word" per run of characters between spaces or punctuation
    (``\\w+``): a sentence of 20 characters was 1 word, short enough for the menu and
    context rules. When ``text`` (the document) holds such letters at all (one search per
    document), each line that holds them is counted as the HTML front end counts words
    (:func:`cleannews.strip.html.count_words`: two characters a word); the count only grows.

    >>> from cleannews.strip.detectors import _Line
    >>> ln = _Line("离别的话最难说出口", frozenset())
    >>> ln.n
    1
    >>> recount_unspaced([ln], ln.text)
    >>> ln.n
    5
    """
    if _MAYBE_UNSPACED.search(text) is None or UNSPACED.search(text) is None:
        return
    from cleannews.strip.html import count_words

    for ln in lines:
        if not ln.blank and UNSPACED.search(ln.text[:SCRIPT_CHARS]) is not None:
            ln.n = max(ln.n, count_words(ln.text[: SCRIPT_CHARS * 4]))

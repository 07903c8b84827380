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

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat

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
]

#: Characters of the page read to tell its language (about 150 words). The same count gives
#: the rule file and the line model's stoplist (:func:`guess_page_language`).
PAGE_LANGUAGE_CHARS = 1000
#: The winning stoplist must cover at least this many of those words …
PAGE_LANGUAGE_MIN_STOP = 10
#: … and this many times as many as the runner-up (on the TRAIN pages of
#: ``fixtures/strip_real``, the seeds and ``fixtures/strip`` the smallest ratio of a
#: correct pick is 1.6: Spanish pages over French / Italian; 1.2 would still be right).
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
def _stop_table() -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    """The rule languages, and each stopword with the indexes of the languages it belongs to."""
    from cleannews.strip._rules import load_stopwords

    table: dict[str, list[int]] = {}
    for i, lang in enumerate(RULE_LANGUAGES):
        for w in load_stopwords((lang,)):
            table.setdefault(w, []).append(i)
    return RULE_LANGUAGES, {w: tuple(ix) for w, ix in table.items()}


#: Bits of one language's count in a packed cover (:func:`_packed_stops`): a count of up to
#: ``2 ** COVER_BITS - 1`` words fits, and the five rule languages' fields (60 bits) keep
#: the packed sums in a machine word, where ``sum`` adds them in C.
COVER_BITS = 12
#: Words counted in one packed sum (no field can pass its maximum: a word adds at most 1 to
#: each language).
COVER_CHUNK = (1 << COVER_BITS) - 1


@lru_cache(maxsize=1)
def _packed_stops() -> dict[str, int]:
    """Each stopword of :func:`_stop_table` as one int holding a 1 in the field
    (:data:`COVER_BITS` wide) of every language it belongs to: the sum of the words'
    ints is every language's count at once (:func:`_stop_cover`).

    >>> langs, table = _stop_table()
    >>> _packed_stops()["der"] == sum(1 << (COVER_BITS * i) for i in table["der"])
    True
    """
    return {w: sum(1 << (COVER_BITS * i) for i in ix) for w, ix in _stop_table()[1].items()}


def _stop_cover(words: list[str], n_languages: int) -> list[int]:
    """How many of ``words`` each rule language's stoplist holds (a word of several
    stoplists counts for each), in the order of ``RULE_LANGUAGES``: the packed ints of
    :func:`_packed_stops` added by ``sum`` (in C, no Python step per word; at most
    :data:`COVER_CHUNK` words a sum), then read field by field. The counts the loop
    ``for w in words: for i in table.get(w, ()): cover[i] += 1`` gives (tests/test_perf24.py).

    >>> RULE_LANGUAGES, _stop_cover(["der", "die", "le", "xyz", "the"], len(RULE_LANGUAGES))
    (('fr', 'en', 'de', 'es', 'it'), [2, 1, 3, 2, 2])
    """
    packed, mask = _packed_stops(), COVER_CHUNK
    cover = [0] * n_languages
    for at in range(0, len(words), COVER_CHUNK):
        total = sum(map(packed.get, words[at:at + COVER_CHUNK], repeat(0)))
        for i in range(n_languages):
            cover[i] += (total >> (COVER_BITS * i)) & mask
    return cover


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
    cover = _stop_cover(words, len(langs))
    # the first language with the most words (max keeps the first of equals)
    top = max(range(len(langs)), key=cover.__getitem__)
    best = cover[top]
    second = max((c for i, c in enumerate(cover) if i != top), default=0)
    clear = best >= PAGE_LANGUAGE_MIN_STOP and best >= PAGE_LANGUAGE_MARGIN * second
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

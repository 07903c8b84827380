"""Which language a document is written in (``Document.language``).

Two steps, so that a French corpus never pays for a model:

1. a count of function words in the first :data:`SAMPLE_CHARS` characters
   (the French and "other languages" lists of ``score/data/function_words.json``):
   text that is plainly French is ``"fr"`` at once (:func:`_screen_says_french`;
   the same decision as py3langid on all 7,313 documents of the repository's
   corpora, ``benchmarks/bench_language_screen.py``);
2. anything else goes to `py3langid <https://pypi.org/project/py3langid/>`_
   (langid.py's model of 97 languages, shipped inside the wheel, loaded on
   first use, once per process; no network).

Without py3langid installed, step 2 gives ``"fr"`` for text that the
looser French test of the spin scorer accepts and ``None`` otherwise.
Text with fewer than :data:`MIN_WORDS` words has no language (``None``).

    >>> identify_language("Le gouvernement a annoncé mardi une réforme des retraites.")
    'fr'
    >>> identify_language("ok") is None
    True
"""

from __future__ import annotations

import functools
import json
import logging
from importlib import resources
from typing import Any

import regex

log = logging.getLogger("cleannews")

__all__ = ["MIN_WORDS", "SAMPLE_CHARS", "identify_language"]

#: Characters of the text examined (a news article's language is settled long before).
#: Was 3000: 1500 gives the same language on all 5,383 documents of the mixed
#: benchmark corpus, the spin negatives and validation sets and the strip fixtures
#: (``benchmarks/bench_language_sample.py``), and halves the cost of a long document.
SAMPLE_CHARS = 1500
#: Below this many words the language is not identified (``None``).
MIN_WORDS = 3
#: Plainly French without the model: this share of the words are French function words …
FRENCH_SHARE_SURE = 0.10
#: … and they outnumber those of other languages (``stop_en`` plus
#: ``data/lang_screen_other.txt``) by this factor. Was 3.0 with ``stop_en`` alone:
#: hypothesis found Catalan text with French function words that the screen called
#: French and py3langid Catalan (tests/test_language.py).
FRENCH_OVER_OTHER = 5.0
#: … and the sample has at least this many words (shorter text goes to py3langid) …
SCREEN_MIN_WORDS = 40
#: … and at least this many different French function words (a few repeated ones,
#: e.g. "le" among German nouns, do not make a text French).
FRENCH_DISTINCT_SURE = 10
#: Looser test used only when py3langid is missing (the spin scorer's own).
FRENCH_SHARE_LOOSE = 0.08

_WORD = regex.compile(r"\p{L}+")


@functools.lru_cache(maxsize=1)
def _function_words() -> tuple[frozenset[str], frozenset[str]]:
    data = json.loads(
        resources.files("cleannews.score").joinpath("data/function_words.json").read_text("utf-8")
    )
    return frozenset(data["stop_fr"]), frozenset(data["stop_en"])


@functools.lru_cache(maxsize=1)
def _screen_other_words() -> frozenset[str]:
    """Other languages' function words for the screen.

    ``stop_en`` of ``function_words.json`` plus ``data/lang_screen_other.txt``.
    """
    near = resources.files("cleannews").joinpath("data/lang_screen_other.txt").read_text("utf-8")
    extra = {w.strip() for w in near.splitlines() if w.strip() and not w.startswith("#")}
    return _function_words()[1] | frozenset(extra)


def _load_in_memory() -> Any:
    """py3langid's identifier with the model decompressed in memory (no temporary file).

    py3langid's own loader streams its 68 MB model through a temporary file
    (lower peak memory: about 130 MB against 215 MB here); on a full disk or
    under a file-size limit that fails, and a document must not fail for it.
    """
    import io
    import lzma

    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import _to_array

    with lzma.open(MODEL_DIR / MODEL_FILE) as src:
        buffer = io.BytesIO(src.read())
    with np.load(buffer, allow_pickle=False) as data:
        return LanguageIdentifier(
            np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
            _to_array(data["nextmove"]), data["out_feat"].tolist(),
            tk_row=_to_array(data["nextmove_row"]),
        )


@functools.lru_cache(maxsize=1)
def _langid() -> Any:
    """py3langid's ``classify`` (model loaded now, once), or ``None`` when it cannot be had.

    Never raises: without the package, or when its model cannot be loaded,
    identification falls back to the French test (logged once).
    """
    try:
        from py3langid.langid import _get_identifier
    except ImportError:  # pragma: no cover - exercised only without the package
        log.info("py3langid is not installed: languages other than French are not identified")
        return None
    try:
        return _get_identifier().classify
    except OSError as exc:  # no room for its temporary file: decompress in memory
        log.debug("py3langid model through a temporary file failed (%s): in memory", exc)
    try:
        return _load_in_memory().classify
    except Exception as exc:  # pragma: no cover - a broken installation
        log.warning("language identification unavailable (%s): only French is told apart", exc)
        return None


def _french_counts(words: list[str]) -> tuple[int, int]:
    fr, other = _function_words()
    return sum(map(fr.__contains__, words)), sum(map(other.__contains__, words))


#: Characters whose lower case is not one letter for one letter out of context:
#: ``İ`` becomes two characters, ``Σ`` depends on its neighbours (final ``ς``).
_CONTEXT_LOWER = ("\u0130", "\u03a3")


def _lower_words(sample: str) -> list[str]:
    """The words of ``sample``, lower-cased (each word on its own).

    Lower-casing the whole sample, then splitting, gives the same words (every
    other letter lower-cases to exactly one letter) and is several times faster.

    >>> _lower_words("L’État a dit ΟΔΟΣ")
    ['l', 'état', 'a', 'dit', 'οδος']
    """
    if not any(c in sample for c in _CONTEXT_LOWER):
        return _WORD.findall(sample.lower())
    return [w.lower() for w in _WORD.findall(sample)]


def _screen_says_french(sample: str) -> bool:
    """True when ``sample`` is plainly French by its function words (no model needed).

    Proven to give py3langid's decision on every document of the repository's
    corpora (``benchmarks/bench_language_screen.py``) and never to say French
    where py3langid does not on generated mixed-language text
    (``tests/test_language.py``).

    >>> _screen_says_french("Le gouvernement a annoncé mardi une réforme des retraites. " * 8)
    False
    >>> _screen_says_french("Selon le maire, les travaux qui ont été votés sont très chers "
    ...                     "et ils seront faits dans la ville avec une entreprise du pays. " * 3)
    True
    >>> _screen_says_french("The government announced a reform of the pensions on Tuesday.")
    False
    """
    return _screen(_lower_words(sample))


def _screen(words: list[str]) -> bool:
    if len(words) < SCREEN_MIN_WORDS:
        return False
    fr = _function_words()[0]
    n_fr = sum(map(fr.__contains__, words))
    if n_fr < FRENCH_SHARE_SURE * len(words):
        return False
    n_other = sum(map(_screen_other_words().__contains__, words))
    return (
        n_fr >= FRENCH_OVER_OTHER * n_other
        and len(fr.intersection(words)) >= FRENCH_DISTINCT_SURE
    )


def identify_language(text: str) -> str | None:
    """ISO 639-1 code of the language of ``text`` (``"fr"``, ``"en"``, ``"de"`` …) or ``None``.

    >>> identify_language("Die Regierung hat am Dienstag eine Reform der Renten angekündigt.")
    'de'
    """
    sample = text[:SAMPLE_CHARS]
    words = _lower_words(sample)
    if len(words) < MIN_WORDS:
        return None
    if _screen(words):
        return "fr"
    classify = _langid()
    if classify is None:  # pragma: no cover - exercised only without the package
        n_fr, n_other = _french_counts(words)
        return "fr" if n_fr >= FRENCH_SHARE_LOOSE * len(words) and n_fr > n_other else None
    return str(classify(sample)[0])

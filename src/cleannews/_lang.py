"""Which language a document is written in (``Document.language``).

Two steps, so that a French corpus (and an English or German page) never pays for a model:

1. a count of function words in the first :data:`SAMPLE_CHARS` characters
   (the French and "other languages" lists of ``score/data/function_words.json``):
   text that is plainly French is ``"fr"`` at once (:func:`_screen_says_french`;
   the same decision as py3langid on all 7,313 documents of the repository's
   corpora, ``benchmarks/bench_language_screen.py``); text that is plainly
   English, German, Spanish or Italian is ``"en"`` / ``"de"`` / ``"es"`` / ``"it"``
   the same way (:func:`_screen_language`, function words of
   ``data/lang_screen_<code>.txt``; same proof), when py3langid is installed;
2. anything else goes to `py3langid <https://pypi.org/project/py3langid/>`_
   (py3langid 0.4's model of 142 classes, the last number of :data:`VERIFIED_MODEL`:
   the languages and ``zxx``, text without linguistic content; langid.py's original
   model had 97 languages. Shipped inside the wheel, loaded on first use, once per
   process; no network).

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
import os
from collections.abc import Callable
from importlib import resources
from pathlib import Path
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
#: py3langid's answer is kept when its probability among the model's 142 classes
#: (:meth:`_VectorWalk.probability`) is at least this; below, the text is not identified
#: (``None``). A few words or a list of keywords got a code at random: "Sport Culture Page"
#: was ``bcl`` (Central Bikol) at 0.16, "Sport Culture Samedi" ``fuv`` at 0.17, "x y z"
#: ``zxx`` at 0.18 (audit8); 3-word windows of the seeds read as French score 0.82 or more
#: in 9 of 10 cases, and 8-word ones 1.0 (development figures, the seeds).
MIN_CONFIDENCE = 0.5
#: Below this many words the model's answer is kept only for one of
#: :data:`SHORT_TEXT_LANGUAGES`: on 3 to 7 words it named another language with a high
#: probability ("Lyon Infos Météo" ``gcf`` at 0.68, "Monde Lyon Culture" ``ht`` at 0.82,
#: "France Infos Bourse" ``pcm`` at 0.99: rubric names; audit32), where a short English
#: sentence may score less ("Hello world today" ``en`` at 0.64): no probability threshold
#: tells them apart.
SHORT_TEXT_WORDS = 8
#: py3langid's class for text with no linguistic content: not a language (``None``).
NO_LANGUAGE = "zxx"
#: Languages told without the model besides French, in this order: the same kind of test
#: as the French one, on the function words of ``data/lang_screen_<code>.txt`` (when
#: py3langid is installed: the screens give its answer). Spanish and Italian since the
#: fourth performance round: after the French, English and German screens most documents
#: left for the model were long Spanish and Italian pages (125 of 178 in the benchmark
#: corpus). A sample is plainly in one of them when this share of its words are that
#: language's function words …
SCREENED_LANGUAGES = ("en", "de", "es", "it")
LANG_SHARE_SURE = 0.10
#: … at least this many different ones …
LANG_DISTINCT_SURE = 10
#: … and this many times the other languages' function words (French, English, Spanish,
#: Portuguese, Italian, Catalan, Romanian, German, Dutch, Luxembourgish, Scandinavian).
LANG_OVER_OTHER = 5.0
#: The languages a text of fewer than :data:`SHORT_TEXT_WORDS` words may be given: those
#: cleannews has strip rules for (``strip/data/<lang>.json``), French and the screened ones.
#: On 400 windows each of natural French (the spin fixtures'
#: ``correct_french.jsonl``), of English (docs/batch.md and the README) and of French rubric
#: names, wrong languages fell from 171 to 41 of 1,200 at 3 words, from 64 to 15 at 5 and
#: from 33 to 13 at 7, with as many right answers (the others are ``None``, which no
#: ``accept_languages`` sets aside; a short text in another language is ``None`` too).
#: Development figures, audit32 (docs/cli.md, round 29).
SHORT_TEXT_LANGUAGES = ("fr", *SCREENED_LANGUAGES)

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


@functools.cache
def _screen_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """``(lang's function words, other languages' words)`` of the screen of ``lang``.

    ``data/lang_screen_<lang>.txt`` has three sections: ``[own]`` (function words of
    ``lang`` that the other languages listed do not use: counted for ``lang``),
    ``[neither]`` (function words of ``lang`` that are also words of other languages:
    counted on neither side) and ``[other]``. The other languages' words are ``stop_fr``
    and ``stop_en`` of ``score/data/function_words.json``, ``data/lang_screen_other.txt``
    and ``[other]``, less the ``[own]`` and ``[neither]`` words.

        >>> en, other = _screen_words("en")
        >>> "the" in en, "of" in en or "of" in other, "der" in other
        (True, False, True)
    """
    name = f"data/lang_screen_{lang}.txt"
    text = resources.files("cleannews").joinpath(name).read_text("utf-8")
    sections: dict[str, set[str]] = {}
    current: set[str] = set()
    for line in text.splitlines():
        word = line.strip()
        if not word or word.startswith("#"):
            continue
        if word.startswith("[") and word.endswith("]"):
            current = sections.setdefault(word[1:-1], set())
        else:
            current.add(word)
    own = frozenset(sections["own"])
    fr, en = _function_words()
    other = (fr | en | _screen_other_words() | sections["other"]) - own - sections["neither"]
    return own, frozenset(other)


def _load_in_memory() -> Any:
    """py3langid's identifier with the model decompressed in memory (no temporary file).

    py3langid's own loader streams its 68 MB model through a temporary file
    (lower peak memory: about 130 MB against 215 MB here); on a full disk or
    under a file-size limit that fails, and a document must not fail for it.
    """
    import io
    import lzma

    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    with lzma.open(MODEL_DIR / MODEL_FILE) as src:
        buffer = io.BytesIO(src.read())
    with np.load(buffer, allow_pickle=False) as data:
        return _identifier(data)


def _identifier(data: Any) -> Any:
    """py3langid's ``LanguageIdentifier`` built from the arrays of its model file
    (:data:`MODEL_ARRAYS`, by name), with the dtypes its own loader gives them."""
    import numpy as np
    from py3langid.langid import LanguageIdentifier
    from py3langid.modelio import _to_array

    return LanguageIdentifier(
        np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
        _to_array(data["nextmove"]), data["out_feat"].tolist(),
        tk_row=_to_array(data["nextmove_row"]),
    )


#: The arrays of py3langid's model file (``model.npz.xz``: an uncompressed ``.npz`` inside
#: LZMA) that :func:`_load_streamed` reads.
MODEL_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def _read_npz_stream(stream: Any) -> dict[str, Any]:
    """The arrays of an uncompressed ``.npz`` (``numpy.savez``) read in order from a stream
    that cannot seek (zip local headers, then each ``.npy`` member), up to the zip's central
    directory. A compressed member, or sizes given only after the data, raise ``ValueError``.
    """
    import struct

    import numpy as np

    arrays: dict[str, Any] = {}
    while True:
        head = stream.read(30)
        if head[:4] != b"PK\x03\x04":  # the central directory (or the end): done
            return arrays
        if len(head) != 30:
            raise ValueError("truncated zip header")
        flags, method = struct.unpack_from("<HH", head, 6)
        name_len, extra_len = struct.unpack_from("<HH", head, 26)
        if method != 0 or flags & 0x08:
            raise ValueError(f"zip member stored with method {method}, flags {flags:#x}")
        name = stream.read(name_len).decode("utf-8")
        stream.read(extra_len)
        key = name[:-4] if name.endswith(".npy") else name
        arrays[key] = np.lib.format.read_array(stream, allow_pickle=False)


def _load_streamed() -> Any:
    """py3langid's identifier built from its model file read straight from the LZMA stream.

    The arrays, their dtypes and the identifier are the ones py3langid's own loader makes
    (``py3langid.modelio.load_model``; ``tests/test_perf18.py`` compares them), without
    its 68 MB temporary file written and read back: about 15 % less CPU for the model,
    the largest start-up cost of a process whose first document the screens do not settle.
    """
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return _identifier(_model_arrays(MODEL_DIR / MODEL_FILE))


def _model_arrays(model: Any) -> dict[str, Any]:
    """The arrays of py3langid's model file ``model`` (``model.npz.xz``) decompressed from its
    LZMA stream (:func:`_read_npz_stream`); ``ValueError`` when one of :data:`MODEL_ARRAYS`
    is missing. Read by :func:`_load_streamed` and by :func:`_write_model_cache`.
    """
    import lzma

    with lzma.open(model) as src:
        data = _read_npz_stream(src)
    missing = set(MODEL_ARRAYS).difference(data)
    if missing:
        raise ValueError(f"model file without {sorted(missing)}")
    return data


#: Environment variable naming a directory where py3langid's model is kept uncompressed
#: (one ``.npy`` file per array of :data:`MODEL_ARRAYS`, in ``py3langid-<hash>/``, written
#: by the first process that needs the model and read by the others through a memory map).
#: Unset (the default), nothing is written and every process decompresses the model: about
#: 0.45 s of CPU, most of the start-up of a ``python -m cleannews`` whose input is too short
#: for the screens; read from the directory, about 0.03 s (development figures). The
#: directory holds 68 MB; the arrays are the same, so are the languages.
MODEL_CACHE_ENV = "CLEANNEWS_MODEL_CACHE"


def _model_cache_folder(model: Any, root: str) -> Any:
    """The folder of :data:`MODEL_CACHE_ENV` for the model file ``model``: named by its
    content's hash, so another py3langid release gets its own folder, never a stale one.

        >>> _model_cache_folder(Path(__file__), "/tmp").name.startswith("py3langid-")
        True
    """
    import hashlib

    digest = hashlib.sha256(Path(model).read_bytes()).hexdigest()[:16]
    return Path(root) / f"py3langid-{digest}"


def _write_model_cache(folder: Any, model: Any) -> None:
    """Write the arrays of the model file ``model`` into ``folder`` as ``.npy`` files.

    They are written into a new folder beside it, then renamed in one step: a process
    that dies half-way leaves no half-written ``folder``, and of two processes writing
    at once one rename wins (the other's copy is removed). That folder is made before
    the model is decompressed, so where it cannot be (read-only, not a folder) the
    ``OSError`` comes at once and the caller decompresses the model once, not twice.
    """
    import shutil
    import tempfile

    import numpy as np

    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f"{folder.name}.", dir=folder.parent))
    try:
        data = _model_arrays(model)
        for name in MODEL_ARRAYS:
            np.save(tmp / f"{name}.npy", data[name], allow_pickle=False)
        os.rename(tmp, folder)
    except OSError:
        if not folder.is_dir():  # not a lost race: the folder could not be written
            raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _load_cached() -> Any:
    """py3langid's identifier built from the uncompressed copy of its model in the
    folder of :data:`MODEL_CACHE_ENV` (written first when missing), or ``None`` when
    the variable is unset or the copy cannot be written or read (then the model is
    decompressed as without it). Same arrays, same dtypes as :func:`_load_streamed`
    (``tests/test_ci51.py``); the large ones are memory-mapped, so a short text reads
    only the rows it needs.
    """
    root = os.environ.get(MODEL_CACHE_ENV)
    if not root:
        return None
    try:
        import numpy as np
        from py3langid.langid import MODEL_DIR, MODEL_FILE

        folder = _model_cache_folder(MODEL_DIR / MODEL_FILE, root)
        if not folder.is_dir():
            _write_model_cache(folder, MODEL_DIR / MODEL_FILE)
        data = {
            name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
            for name in MODEL_ARRAYS
        }
        return _identifier(data)
    except Exception as exc:  # unwritable, truncated, another layout: decompress it
        log.debug("py3langid model from %s=%s failed (%s): decompressed", MODEL_CACHE_ENV,
                  root, exc)
        return None


@functools.lru_cache(maxsize=1)
def _py3langid() -> Any:
    """py3langid's own ``classify`` (model loaded now, once), or ``None`` when it cannot be had.

    Never raises: without the package, or when its model cannot be loaded,
    identification falls back to the French test (logged once). The model is read from
    the folder of :data:`MODEL_CACHE_ENV` when it is set (:func:`_load_cached`), else by
    :func:`_load_streamed` (the identifier becomes py3langid's shared one, as its own
    loader would have made it); if that fails, by py3langid's loader, then in memory.
    """
    try:
        from py3langid import langid as py3langid_module
    except ImportError:  # pragma: no cover - exercised only without the package
        log.info("py3langid is not installed: languages other than French are not identified")
        return None
    try:
        if py3langid_module.IDENTIFIER is None:
            py3langid_module.IDENTIFIER = _load_cached() or _load_streamed()
        return py3langid_module.IDENTIFIER.classify
    except Exception as exc:  # another model layout or release: py3langid's own loader
        log.debug("py3langid model read from its stream failed (%s): its own loader", exc)
    try:
        return py3langid_module._get_identifier().classify
    except OSError as exc:  # no room for its temporary file: decompress in memory
        log.debug("py3langid model through a temporary file failed (%s): in memory", exc)
    try:
        return _load_in_memory().classify
    except Exception as exc:  # pragma: no cover - a broken installation
        log.warning("language identification unavailable (%s): only French is told apart", exc)
        return None


@functools.lru_cache(maxsize=1)
def _langid() -> Any:
    """The classifier :func:`identify_language` uses: :class:`_VectorWalk` over
    py3langid's model when it can be built and agrees with py3langid on
    :data:`_SELF_CHECK`, else py3langid's own ``classify`` (or ``None``).
    """
    classify = _py3langid()
    if classify is None:  # pragma: no cover - exercised only without the package
        return None
    try:
        fast = _VectorWalk(classify.__self__)
        if all(fast(t) == classify(t) for t in _SELF_CHECK):
            return fast
        log.debug("vectorised language walk disagrees with py3langid: py3langid's own")
    except Exception as exc:  # another py3langid release: its own walk
        log.debug("vectorised language walk unavailable (%s): py3langid's own", exc)
    return classify


#: Bytes that settle the state of py3langid's byte automaton. It is an
#: Aho-Corasick automaton over the model's byte n-grams: after any text, its state
#: is the longest suffix of the text that is a prefix of an n-gram, so it only
#: depends on the last ``DFA_DEPTH`` bytes when no state lies deeper than that
#: (breadth-first depth of the shipped model: 6; ``tests/test_language.py``
#: measures it and compares both walks state by state).
DFA_DEPTH = 6
#: The model that depth was measured on: (states, transition table entries,
#: features, classes). Another model is classified by py3langid's own walk.
VERIFIED_MODEL = (104_583, 9_816_576, 100_053, 142)
#: Texts on which the vectorised walk must give py3langid's answer before it is used.
_SELF_CHECK = (
    "Le gouvernement a annoncé mardi une réforme des retraites.",
    "The government announced a pension reform on Tuesday.",
    "Die Regierung hat am Dienstag eine Reform angekündigt.",
    "EL GOBIERNO ANUNCIÓ EL MARTES UNA REFORMA 😀",
    "x",
    "",
)


class _VectorWalk:
    """py3langid's ``classify``, with its byte automaton walked by numpy.

    py3langid walks its automaton one byte at a time in Python (most of its
    time on a 1,500-character sample). The state after byte ``i`` only depends
    on bytes ``i - DFA_DEPTH + 1 … i`` (see :data:`DFA_DEPTH`), so all states
    are found at once: ``DFA_DEPTH`` vectorised steps, each advancing every
    position by one byte of its window. The feature counts are then built in
    the order py3langid builds them (first occurrence: :meth:`visits`) and
    scored by the same numpy expression, so the answer is py3langid's, bit for
    bit (``tests/test_language.py``).

        >>> walk = _langid()
        >>> walk("Die Regierung hat am Dienstag eine Reform angekündigt.")[0]
        'de'
    """

    def __init__(self, ident: Any) -> None:
        import numpy as np
        from py3langid.langid import RAW_FLOOR

        shape = (len(ident.tk_row), len(ident.tk_nextmove), *ident.nb_ptc.shape)
        if shape != VERIFIED_MODEL:
            raise ValueError(f"model {shape} is not the one verified ({VERIFIED_MODEL})")
        if ident._norm_probs or ident.min_confidence is not None:
            raise ValueError("only py3langid's default (raw scores, no threshold) is mirrored")
        self.np = np
        self.ident = ident
        self.floor = RAW_FLOOR
        dtypes = {2: np.uint16, 4: np.uint32, 8: np.uint64}
        # views of py3langid's arrays (no copy); the row offsets pre-shifted as its _rowbase
        self.nextmove = np.frombuffer(ident.tk_nextmove, dtype=dtypes[ident.tk_nextmove.itemsize])
        row = np.frombuffer(ident.tk_row, dtype=dtypes[ident.tk_row.itemsize])
        self.rowbase = row.astype(np.intp) << 8
        self.output = np.fromiter(ident.tk_output, dtype=np.int32, count=len(ident.tk_output))

    def states(self, data: bytes) -> Any:
        """The automaton's state after each byte of ``data`` (numpy array)."""
        np = self.np
        b = np.frombuffer(data, dtype=np.uint8)
        n = len(b)
        state = np.zeros(n, dtype=np.intp)
        for k in range(min(DFA_DEPTH, n) - 1, -1, -1):  # byte i - k of each window
            state[k:] = self.nextmove[self.rowbase[state[k:]] + b[: n - k]]
        return state

    def visits(self, data: bytes) -> tuple[Any, Any]:
        """``(features, counts)`` of the encoded text ``data``: the keys and values of
        py3langid's ``Counter`` of visited features, as the arrays its ``_sparse_score``
        builds (features as ``intp``, counts as ``float32``, in order of first visit).

        ``np.unique`` sorts the visited features; ordering them back by their first
        position gives the ``Counter``'s insertion order, so the arrays are equal
        element for element (and the score's float sum runs in the same order) without
        a Python ``int`` per visited byte (``tests/test_language.py``).

            >>> walk = _langid()
            >>> feats, counts = walk.visits("le le".encode())
            >>> len(feats) == len(counts), counts.dtype.name
            (True, 'float32')
        """
        np = self.np
        feats = self.output[self.states(data)]
        feats = feats[feats >= 0]
        if not len(feats):
            return feats.astype(np.intp), feats.astype(np.float32)
        uniq, first, counts = np.unique(feats, return_index=True, return_counts=True)
        order = first.argsort()  # first positions are distinct: any sort gives one order
        return uniq[order].astype(np.intp), counts[order].astype(np.float32)

    def scores(self, text: str) -> Any:
        """py3langid's raw score of every class for ``text`` (numpy array)."""
        np, ident = self.np, self.ident
        idx, counts = self.visits(ident._encode(text))
        if len(idx):  # py3langid's _sparse_score, same operands, same order
            scores = np.log1p(counts) @ ident.nb_ptc[idx] + ident.nb_pc
        else:
            scores = np.full(len(ident.nb_classes), self.floor, dtype=np.float32)
        for i, j in ident._alias_pairs:
            scores[i] = max(scores[i], scores[j])
            scores[j] = self.floor
        return scores

    def __call__(self, text: str) -> tuple[str, float]:
        scores = self.scores(text)
        best = int(scores.argmax())
        return self.ident.nb_classes[best], float(scores[best])

    def probability(self, text: str) -> tuple[str, float]:
        """py3langid's answer for ``text`` and its probability among the model's classes
        (the softmax of the raw scores, as py3langid's ``norm_probs`` option computes it).

            >>> walk = _langid()
            >>> lang, p = walk.probability("Sport Culture Page")
            >>> p < MIN_CONFIDENCE
            True
        """
        np = self.np
        scores = self.scores(text).astype(np.float64)
        best = int(scores.argmax())
        p = 1.0 / float(np.exp(scores - scores[best]).sum())
        return self.ident.nb_classes[best], p


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
    """The French screen on lower-cased ``words`` (``FRENCH_*`` thresholds)."""
    return _plainly(
        words, _function_words()[0], _screen_other_words,
        FRENCH_SHARE_SURE, FRENCH_OVER_OTHER, FRENCH_DISTINCT_SURE,
    )


def _plainly(
    words: list[str],
    own: frozenset[str],
    other: Callable[[], frozenset[str]],
    share: float,
    over: float,
    distinct: int,
) -> bool:
    """The test every screen applies: a sample of at least :data:`SCREEN_MIN_WORDS` words
    is plainly in a language when ``share`` of its words are that language's function words
    (``own``), they number ``over`` times the other languages' ones (``other()``, read only
    when the share test passes), and at least ``distinct`` different ones occur.

    >>> _plainly(["le", "la", "de", "the"] * 10, frozenset({"le", "la", "de"}),
    ...          lambda: frozenset({"the"}), 0.1, 2.0, 3)
    True
    >>> _plainly(["le", "la", "de", "the"] * 10, frozenset({"le", "la", "de"}),
    ...          lambda: frozenset({"the"}), 0.1, 2.0, 4)
    False
    """
    if len(words) < SCREEN_MIN_WORDS:
        return False
    n_own = sum(map(own.__contains__, words))
    if n_own < share * len(words):
        return False
    n_other = sum(map(other().__contains__, words))
    return n_own >= over * n_other and len(own.intersection(words)) >= distinct


@functools.lru_cache(maxsize=1)
def _have_py3langid() -> bool:
    """True when py3langid can be imported (found, not loaded: the English screen gives
    py3langid's answer, so without the package English stays unidentified, as before).

        >>> _have_py3langid()
        True
    """
    import importlib.util
    import sys

    if "py3langid" in sys.modules:
        return sys.modules["py3langid"] is not None
    try:
        return importlib.util.find_spec("py3langid") is not None
    except (ImportError, ValueError):  # pragma: no cover - a broken installation
        return False


def _screen_language(words: list[str], lang: str) -> bool:
    """True when the lower-cased ``words`` of a sample are plainly in ``lang`` (one of
    :data:`SCREENED_LANGUAGES`), told without the model.

    The French screen's test with ``lang``'s function words (``LANG_*``). Proven, like
    that one, to give py3langid's decision on every document of the repository's corpora
    (``benchmarks/bench_language_screen.py``) and never to say ``lang`` where py3langid
    does not on generated mixed-language text (``tests/test_language.py``).

    >>> _screen_language(_lower_words("The minister said that the reform would be delayed "
    ...     "because the unions, who have been on strike, were not consulted about its "
    ...     "cost, and that they should meet again when their members are back. " * 2), "en")
    True
    >>> _screen_language(_lower_words("Le ministre a dit que the reform serait retardée."), "en")
    False
    """
    if len(words) < SCREEN_MIN_WORDS:  # before reading the language's word list
        return False
    own, other = _screen_words(lang)
    return _plainly(
        words, own, lambda: other, LANG_SHARE_SURE, LANG_OVER_OTHER, LANG_DISTINCT_SURE
    )


def identify_language(text: str) -> str | None:
    """Code of the language of ``text`` (``"fr"``, ``"en"``, ``"de"`` …) or ``None``.

    ISO 639-1 where the language has one; py3langid's model also knows languages
    with only an ISO 639-3 code (``kab`` Kabyle, ``yue`` Cantonese …). ``None`` for
    fewer than :data:`MIN_WORDS` words and for text the model cannot place
    (:data:`MIN_CONFIDENCE`: a few words or a list of keywords; below
    :data:`SHORT_TEXT_WORDS` words, the model's answer is kept for one of
    :data:`SHORT_TEXT_LANGUAGES` only).

    >>> identify_language("Sport Culture Page") is None, identify_language("Lyon Infos Météo")
    (True, None)

    >>> identify_language("Die Regierung hat am Dienstag eine Reform der Renten angekündigt.")
    'de'
    """
    sample = text[:SAMPLE_CHARS]
    words = _lower_words(sample)
    if len(words) < MIN_WORDS:
        return None
    if _screen(words):
        return "fr"
    if _have_py3langid():  # plainly English or German pages never load py3langid's
        for lang in SCREENED_LANGUAGES:  # model either (without the package: as before)
            if _screen_language(words, lang):
                return lang
    classify = _langid()
    if classify is None:  # pragma: no cover - exercised only without the package
        n_fr, n_other = _french_counts(words)
        return "fr" if n_fr >= FRENCH_SHARE_LOOSE * len(words) and n_fr > n_other else None
    if isinstance(classify, _VectorWalk):
        lang, p = classify.probability(sample)
        if p < MIN_CONFIDENCE:  # a guess among 142 classes: not identified
            return None
        if len(words) < SHORT_TEXT_WORDS and lang not in SHORT_TEXT_LANGUAGES:
            return None  # a few words read as a rare language: rubric names, not a language
    else:  # another py3langid model: its answer as it is
        lang = classify(sample)[0]
    return None if lang == NO_LANGUAGE else str(lang)

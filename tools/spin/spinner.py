"""A thesaurus-driven French article spinner, to make synthetic training and validation data.

Two modes:

* ``naive``: replaces words by a random synonym of the thesaurus entry of
  the same surface form (function words included, like seed 003's spinner),
  keeping capitalisation; elisions and article gender are left broken.
* ``careful_freq``: like ``careful`` but picks common synonyms more often
  (probability proportional to word frequency), as a "smart" spinner does;
* ``careful``: replaces only content words (noun / adjective / verb readings
  matching the thesaurus part of speech), then repairs elisions
  (``l’`` <-> ``le``/``la``), contractions (``de le`` -> ``du``) and the
  gender of the article before a substituted noun.

    >>> sp = Spinner({"novembre": [("Nom", ["brumaire"])]}, {}, {})
    >>> sp.spin("En novembre 2023.", rate=1.0, mode="naive", seed=1)[0]
    'En brumaire 2023.'
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).parent))

TOKEN_RE = regex.compile(
    r"aujourd['’]hui|(?:jusqu|lorsqu|puisqu|quoiqu|presqu|qu|[cdjlmnst])['’](?=\w)"
    r"|\w+(?:-\w+)*|\s+|[^\w\s]",
    regex.IGNORECASE,
)
VOWELS = set("aeiouàâäéèêëîïôöùûüœæ")
ELIDE = {
    "le": "l",
    "la": "l",
    "de": "d",
    "que": "qu",
    "ne": "n",
    "se": "s",
    "je": "j",
    "me": "m",
    "te": "t",
}
UNELIDE = {"d": "de", "qu": "que", "n": "ne", "s": "se", "j": "je", "m": "me", "t": "te", "c": "ce"}
GENDER_SWAP = {
    "le": ("le", "la"),
    "la": ("le", "la"),
    "un": ("un", "une"),
    "une": ("un", "une"),
    "ce": ("ce", "cette"),
    "cet": ("cet", "cette"),
    "cette": ("ce", "cette"),
    "mon": ("mon", "ma"),
    "ma": ("mon", "ma"),
    "son": ("son", "sa"),
    "sa": ("son", "sa"),
    "ton": ("ton", "ta"),
    "ta": ("ton", "ta"),
    "du": ("du", "de la"),
    "au": ("au", "à la"),
    "aucun": ("aucun", "aucune"),
    "aucune": ("aucun", "aucune"),
}
FUNCTION_WORDS = set(
    "le la les l de des du d et un une en est que qu qui dans pour pas sur au aux par avec "
    "ce cet cette ces il ils elle elles ne n se s sont mais ou où son sa ses plus nous vous "
    "leur leurs a à c j y on je tu me te mon ma mes ton ta tes notre nos votre vos lui eux "
    "si sans sous entre vers chez car donc or ni puis alors ainsi déjà encore dont quand "
    "deux trois".split()
)
THES_POS_TO_FLAGS = {"Nom": "N", "Adjectif": "A", "Verbe": "V", "Adverbe": "ADV"}


def _vowel_initial(word: str, h_aspire: set[str]) -> bool:
    """True when ``word`` takes an elision: vowel or h muet initial."""
    w = word.lower()
    if not w:
        return False
    if w[0] == "h":
        return w not in h_aspire
    return w[0] in VOWELS


def _match_case(src: str, new: str) -> str:
    """Give ``new`` the capitalisation of ``src``."""
    if src.isupper() and len(src) > 1:
        return new.upper()
    if src[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


class Spinner:
    """Synonym substitution with one dictionary (``headword -> [(pos, [synonyms])]``)."""

    def __init__(
        self,
        thesaurus: dict,
        readings: dict[str, set[str]],
        genders: dict[str, str],
        h_aspire: set[str] | None = None,
        zipf: dict[str, float] | None = None,
    ) -> None:
        self.thesaurus = thesaurus
        self.zipf = zipf or {}
        #: Character spans of the substitutes in the last spun text.
        self.last_substituted: list[tuple[int, int]] = []
        self.readings = readings  # word -> {"N", "A", "V", "ADV"}
        self.genders = genders  # noun -> "m" / "f" (unambiguous only)
        self.h_aspire = h_aspire or set()

    def _candidates(self, low: str, mode: str) -> list[str]:
        senses = self.thesaurus.get(low)
        if not senses:
            return []
        if mode == "naive":
            return [s for _p, syns in senses for s in syns]
        mode = "careful"
        if low in FUNCTION_WORDS or len(low) < 3:
            return []
        reads = self.readings.get(low, set())
        out = []
        for pos, syns in senses:
            tags = {THES_POS_TO_FLAGS.get(p) for p in pos.split()}
            if tags & reads:
                out.extend(s for s in syns if tags & self.readings.get(s, set()))
        return out

    def spin(
        self,
        text: str,
        rate: float,
        mode: str = "naive",
        seed: int = 0,
    ) -> tuple[str, int, int]:
        """Spin ``text``: returns ``(spun_text, n_substituted, n_content_words)``."""
        rng = random.Random(seed)
        toks = [m.group() for m in TOKEN_RE.finditer(text)]
        content = [
            i
            for i, t in enumerate(toks)
            if t[:1].isalpha() and t.lower() not in FUNCTION_WORDS and len(t) >= 3
        ]
        cands = [
            i for i, t in enumerate(toks) if t[:1].isalpha() and self._candidates(t.lower(), mode)
        ]
        if mode != "naive":
            cands = [i for i in cands if not toks[i][:1].isupper()]
        k = min(len(cands), round(rate * len(content)))
        chosen = sorted(rng.sample(cands, k)) if k else []
        for i in chosen:
            options = self._candidates(toks[i].lower(), mode)
            if mode == "careful_freq":
                weights = [10 ** self.zipf.get(o, 0.0) for o in options]
                new = rng.choices(options, weights=weights)[0]
            else:
                new = rng.choice(options)
            toks[i] = _match_case(toks[i], new)
        if mode != "naive":
            for i in chosen:
                self._repair(toks, i)
        # where the substitutes ended up: (start, end) in the spun text
        starts = [0]
        for t in toks:
            starts.append(starts[-1] + len(t))
        self.last_substituted = [(starts[i], starts[i] + len(toks[i])) for i in chosen]
        return "".join(toks), k, len(content)

    def _prev_word(self, toks: list[str], i: int) -> int:
        """Index of the word before token ``i`` (skipping one space), or -1."""
        j = i - 1
        if j >= 0 and toks[j].isspace() and "\n" not in toks[j]:
            j -= 1
        if j >= 0 and toks[j][:1].isalpha():
            return j
        return -1

    def _repair(self, toks: list[str], i: int) -> None:
        """Fix elision, contraction and article gender around the substituted token ``i``."""
        word = toks[i]
        vowel = _vowel_initial(word, self.h_aspire)
        gender = self.genders.get(word.lower())
        j = i - 1
        # elided clitic right before (no space): l’ d’ qu’ …
        if j >= 0 and toks[j][-1:] in "'’" and len(toks[j]) > 1:
            base = toks[j][:-1]
            if not vowel:
                if base.lower() == "l":
                    full = "la" if gender == "f" else "le"
                    k = self._prev_word(toks, j)
                    if k >= 0 and full == "le" and toks[k].lower() in ("de", "à"):
                        toks[k] = _match_case(toks[k], "du" if toks[k].lower() == "de" else "au")
                        toks[j] = ""
                        return
                    toks[j] = _match_case(base, full) + " "
                elif base.lower() in UNELIDE:
                    toks[j] = _match_case(base, UNELIDE[base.lower()]) + " "
            return
        k = self._prev_word(toks, i)
        if k < 0:
            return
        prev = toks[k].lower()
        if vowel and prev in ELIDE:
            toks[k] = _match_case(toks[k], ELIDE[prev]) + "’"
            toks[k + 1] = "" if k + 1 < i else toks[k + 1]
            return
        if prev in GENDER_SWAP and gender:
            masc, fem = GENDER_SWAP[prev]
            if prev in ("ce", "cet") or (prev == "ce" and gender == "m"):
                masc = "cet" if vowel else "ce"
            if prev in ("mon", "ma", "son", "sa", "ton", "ta") and vowel:
                fem = masc
            toks[k] = _match_case(toks[k], masc if gender == "m" else fem)
            if toks[k].lower() == "le":
                k2 = self._prev_word(toks, k)
                if k2 >= 0 and toks[k2].lower() in ("de", "à"):
                    toks[k2] = _match_case(toks[k2], "du" if toks[k2].lower() == "de" else "au")
                    toks[k] = ""
                    if k + 1 < len(toks) and toks[k + 1].isspace():
                        toks[k + 1] = ""

"""Token-level signals of spun French, counted per paragraph.

One regular expression tokenises the text; each word is looked up once in
the packed lexicon; the detectors below walk the token list and emit
:class:`Hit` records (signal name, token range, reason)::

    >>> hits = analyse("Le site est prêt à l’fonction.").hits
    >>> [(h.signal, h.reason) for h in hits]
    [('elision', 'elided article before a consonant: l’fonction')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from cleannews.score._context import get_context_table
from cleannews.score._lexicon import GAP_OFFSET, GAP_SHIFT, ZIPF_MASK, get_lexicon, load_json
from cleannews.score._pos import get_pos_model, word_class
from cleannews.score._profile import substitute_llr

__all__ = ["Analysis", "Hit", "ParagraphCounts", "analyse"]

#: "aujourd’hui" | word (hyphen compounds), with its apostrophe when a word follows
#: ("l’" of "l’IA") | line break | one punctuation mark. No branch nests an
#: unbounded quantifier inside another that can match the same text, so
#: matching is linear in the input length.
TOKEN_RE = re.compile(
    r"[Aa]ujourd['’]hui"
    r"|\w+(?:-\w+)*(?:['’](?=\w))?"
    r"|\n"
    r"|[^\w\s]"
)

VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüœæ")
#: Words a spinner is more likely to use than a journalist: a synonym at
#: least 10^GAP_RARE_SYNONYM times more frequent exists, and the word itself
#: is below Zipf ZIPF_RARE_SYNONYM.
GAP_RARE_SYNONYM = 1.5
ZIPF_RARE_SYNONYM = 4.0
#: Looser and stricter versions of the same test, counted as model features only.
GAP_WEAK_SYNONYM, ZIPF_WEAK_SYNONYM = 1.0, 4.5
GAP_STRONG_SYNONYM, ZIPF_STRONG_SYNONYM = 2.5, 3.5
#: A lower-case content word below this Zipf frequency counts as rare for news.
ZIPF_RARE_WORD = 3.0
#: Context fit (PMI with both neighbours' classes) below which a word is out of place.
POS_MISFIT = -6.0
#: Only fits below this add to the mean misfit (mild misfits are everyday French).
POS_MISFIT_SOFT = -3.0
#: Words at least this frequent are never context misfits: common words ("mercredi",
#: "dire", "envers") have more uses than the lexicon lists.
ZIPF_POS_COMMON = 4.5
#: A missing elision before an h-initial word is only flagged for words this
#: frequent: the h-aspiré list is reliable for them, not for rarer ones ("le hurlement").
ZIPF_H_MUET_SURE = 4.0
#: A content word whose profile is this much (log ratio) likelier among
#: substitutes than among original words counts as "substitute-like".
LLR_HIGH = 1.0
#: Memo of context-fit values by class triple (bounded).
_FIT_CACHE: dict[tuple[str, str, str], float] = {}
_FIT_CACHE_MAX = 500_000
#: Content words need at least this many characters.
MIN_CONTENT_LEN = 3

_FW = load_json("function_words.json")
CLITICS = frozenset(_FW["elided_clitics"])
ELIDABLE = frozenset(_FW["elidable"])
NO_ELISION_BEFORE = frozenset(_FW["no_elision_before"])
DET_GENDER: dict[str, str] = _FW["det_gender"]
VOWEL_MASC_OK = frozenset(_FW["vowel_masc_ok"])
DET_PLURAL = frozenset(_FW["det_plural"])
DET_SINGULAR = frozenset(_FW["det_singular"])
AFIN_FOLLOWERS = frozenset(_FW["afin_followers"])
FUNCTION_WORDS = frozenset(_FW["function_words"])
STOP_FR = frozenset(_FW["stop_fr"])
STOP_EN = frozenset(_FW["stop_en"])
NUMERALS = frozenset(_FW["numerals"])
#: Pronouns after which spoken French keeps "que" unelided ("que on", "que il").
SPOKEN_UNELIDED = frozenset(_FW["spoken_unelided_after_que"])
QUE_WORDS = frozenset(("que", "lorsque", "puisque", "jusque"))
#: Elided in French although the lexicon's h-aspiré list has them ("l’humeur").
H_MUET = frozenset(_FW["h_muet_despite_lexicon"])
#: A noun right after these takes no article: an adjective that follows may agree with
#: the head noun before them ("carte de séjour pluriannuelle").
COMPLEMENT_MARKERS = frozenset(("de", "d’", "d'", "en", "à"))
TRIGGERS = ELIDABLE | frozenset(DET_GENDER) | DET_PLURAL | NUMERALS | {"de", "à", "afin", "double"}

SIGNALS: tuple[str, ...] = (
    "elision",
    "contraction",
    "gender_agreement",
    "number_agreement",
    "adjective_agreement",
    "function_word",
    "rare_synonym",
    "rare_word",
)
#: Pairs of adjacent words are checked against the collocation table only when both
#: are at least this long (one-letter tokens and initials say little).
MIN_COLLOCATION_LEN = 2


class Hit(NamedTuple):
    """One piece of evidence: ``signal`` over tokens ``[first, last]`` (a tuple: cheap to make)."""

    signal: str
    first: int
    last: int
    reason: str


@dataclass
class ParagraphCounts:
    """Raw counts of one paragraph (or of a whole document, summed)."""

    start: int
    end: int
    n_words: int = 0
    n_content: int = 0
    n_fr: int = 0
    n_en: int = 0
    gap_sum: float = 0.0
    lowz_sum: float = 0.0
    n_syn_weak: int = 0
    n_syn_strong: int = 0
    n_pos_misfit: int = 0
    pos_misfit_sum: float = 0.0
    llr_sum: float = 0.0
    n_llr_high: int = 0
    n_coll_checks: int = 0
    n_coll_miss: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SIGNALS, 0))

    def add(self, other: ParagraphCounts) -> None:
        """Accumulate ``other`` into this one (spans are widened)."""
        self.start = min(self.start, other.start)
        self.end = max(self.end, other.end)
        self.n_words += other.n_words
        self.n_content += other.n_content
        self.n_fr += other.n_fr
        self.n_en += other.n_en
        self.gap_sum += other.gap_sum
        self.lowz_sum += other.lowz_sum
        self.n_syn_weak += other.n_syn_weak
        self.n_syn_strong += other.n_syn_strong
        self.n_pos_misfit += other.n_pos_misfit
        self.pos_misfit_sum += other.pos_misfit_sum
        self.llr_sum += other.llr_sum
        self.n_llr_high += other.n_llr_high
        self.n_coll_checks += other.n_coll_checks
        self.n_coll_miss += other.n_coll_miss
        for k, v in other.counts.items():
            self.counts[k] += v


@dataclass
class Analysis:
    """Tokens, hits and per-paragraph counts of one text."""

    matches: list  # regex match objects of the tokens (``.span()`` gives offsets)
    hits: list[Hit]
    paragraphs: list[ParagraphCounts]


def _starts_with_vowel(word: str) -> bool:
    """True when ``word`` begins with a vowel letter (y excluded: "le yaourt").

    >>> _starts_with_vowel("école"), _starts_with_vowel("yaourt"), _starts_with_vowel("fonction")
    (True, False, False)
    """
    c = word[:1]
    return c in VOWELS and c != "y"


def _context(toks: list[str], i: int) -> str:
    """The token with its neighbours, for a reason sentence ("a canicule entraîné")."""
    return " ".join(t for t in toks[max(0, i - 1) : i + 2] if t != "\n")


def _is_acronym(token: str) -> bool:
    """True for all-caps tokens of 2+ letters ("ONU", "EDF")."""
    return len(token) > 1 and token.isupper()


#: Per-token facts, cached by token string (bounded; cleared when full).
_INFO: dict[str, tuple] = {}
_INFO_MAX = 200_000
KIND_PUNCT, KIND_BREAK, KIND_WORD, KIND_CONTENT = 0, 1, 2, 3


def _token_info(t: str) -> tuple:
    """(low, packed, class, kind, trigger, stop_fr, stop_en, content_stats, pos_checked, ctx).

    ``content_stats`` is ``(low_zipf, gap, weak, strong, rare_synonym, rare_word, llr)`` for
    content words, else ``None``; ``trigger`` marks tokens a grammar detector starts from;
    ``pos_checked`` marks content words whose context fit is measured (not common words,
    not field vocabulary below ZIPF_RARE_WORD or unknown,
    not present participles); ``ctx`` is the token's collocation-table entry or ``None``.

    >>> _token_info("afin")[4], _token_info("\\n")[3] == KIND_BREAK
    (True, True)
    """
    info = _INFO.get(t)
    if info is not None:
        return info
    lex = get_lexicon()
    m = lex.masks
    low = t.lower()
    p = lex.words.get(low, 0)
    c0 = t[0]
    if t == "\n":
        info = (low, 0, "BOS", KIND_BREAK, False, False, False, None, False, None)
    elif not c0.isalnum():
        info = (
            low,
            p,
            word_class(t, low, p, FUNCTION_WORDS),
            KIND_PUNCT,
            False,
            False,
            False,
            None,
            False,
            None,
        )
    else:
        cls = word_class(t, low, p, FUNCTION_WORDS)
        trig = (
            (low[-1] in "'’" and len(low) > 1)
            or low in TRIGGERS
            or bool(p & m["N"] and not p & (m["A"] | m["V"]) and c0.islower())
        )
        stats = None
        kind = KIND_WORD
        pos_checked = False
        if (
            c0.islower()
            and len(low) >= MIN_CONTENT_LEN
            and low not in FUNCTION_WORDS
            and low.isalpha()
        ):
            kind = KIND_CONTENT
            z = (p & ZIPF_MASK) / 10
            pos_checked = (
                ZIPF_RARE_WORD <= z < ZIPF_POS_COMMON and not p & m["VPPR"] and low not in NUMERALS
            )
            g = (p >> GAP_SHIFT) & ZIPF_MASK
            gap = (g - GAP_OFFSET) / 10 if g else 0.0
            noun_adj = bool(p & (m["N"] | m["A"]))
            # below ZIPF_RARE_WORD a word is field vocabulary ("anhydre"), not a synonym
            # choice; inflected verb forms are rarer than their lemma, so only nouns and
            # adjectives are evidence
            syn_ok = noun_adj and bool(g) and z >= ZIPF_RARE_WORD
            rare_syn = syn_ok and gap >= GAP_RARE_SYNONYM and z < ZIPF_RARE_SYNONYM
            stats = (
                max(0.0, 4.0 - z) if p else 0.0,
                max(0.0, gap),
                int(syn_ok and gap >= GAP_WEAK_SYNONYM and z < ZIPF_WEAK_SYNONYM),
                int(syn_ok and gap >= GAP_STRONG_SYNONYM and z < ZIPF_STRONG_SYNONYM),
                rare_syn,
                (not rare_syn) and bool(p) and z < ZIPF_RARE_WORD and noun_adj,
                substitute_llr(p),
            )
        ctx = (
            get_context_table().entry(t)
            if len(t) >= MIN_COLLOCATION_LEN and collocation_enabled()
            else None
        )
        info = (low, p, cls, kind, trig, low in STOP_FR, low in STOP_EN, stats, pos_checked, ctx)
    if len(_INFO) >= _INFO_MAX:
        _INFO.clear()
    _INFO[t] = info
    return info


_COLLOCATION: list[bool] = []


def collocation_enabled() -> bool:
    """True when the shipped model gives the collocation feature a weight (checked once).

    With weight 0 the pairs are not looked up and no collocation evidence is shown
    (it would take a share of the context kind it does not contribute to).
    """
    if not _COLLOCATION:
        from cleannews.score._model import FEATURE_NAMES, get_model

        _COLLOCATION.append(get_model().coef[FEATURE_NAMES.index("collocation_miss_share")] > 0)
    return _COLLOCATION[0]


def analyse(text: str) -> Analysis:
    """Tokenise ``text`` and run every detector; see the module doctest."""
    lex = get_lexicon()
    m = lex.masks
    m_n, m_a = m["N"], m["A"]
    # "verb-like" also blocks words that can be a preposition, adverb or other
    # function word ("par" is also a golf noun): agreement checks need a plain noun
    m_v = m["V"] | m["PREP"] | m["ADV"] | m["OTHER"]
    m_nm, m_nf, m_ns, m_np = m["NM"], m["NF"], m["NS"], m["NP"]
    m_am, m_af = m["AM"], m["AF"]
    m_hasp = m["HASP"]

    matches = list(TOKEN_RE.finditer(text))
    toks = [mt.group() for mt in matches]  # original text of each token
    n = len(toks)
    info_get = _INFO.get
    infos = [info_get(t) or _token_info(t) for t in toks]
    lows = [x[0] for x in infos]
    packed = [x[1] for x in infos]
    cls = [x[2] for x in infos]
    cls.append("BOS")
    hits: list[Hit] = []
    add = hits.append

    def flag(signal: str, i: int, j: int, reason: str) -> None:
        """Record a grammar hit as evidence and count it in its paragraph."""
        hits.append(Hit(signal, i, j, reason))
        paragraphs[para_of[i]].counts[signal] += 1

    fit = get_pos_model().fit
    fit_cache = _FIT_CACHE

    paragraphs: list[ParagraphCounts] = []
    para_of = [0] * n
    triggers: list[int] = []
    cur: ParagraphCounts | None = None
    n_words = n_content = n_fr = n_en = n_weak = n_strong = n_misfit = n_rs = n_rw = 0
    n_llr_high = n_cc = n_cm = 0
    gap_sum = lowz_sum = misfit_sum = llr_sum = 0.0
    pidx = 0
    use_ctx = collocation_enabled()
    ctab = get_context_table()
    c_check, c_fits = ctab.check, ctab.synonym_fits
    first = 0

    def flush(last: int) -> None:
        assert cur is not None
        cur.end = matches[last].end()
        para_of[first : last + 1] = [pidx] * (last + 1 - first)
        cur.n_words, cur.n_content, cur.n_fr, cur.n_en = n_words, n_content, n_fr, n_en
        cur.n_syn_weak, cur.n_syn_strong, cur.n_pos_misfit = n_weak, n_strong, n_misfit
        cur.gap_sum, cur.lowz_sum, cur.pos_misfit_sum = gap_sum, lowz_sum, misfit_sum
        cur.llr_sum, cur.n_llr_high = llr_sum, n_llr_high
        cur.n_coll_checks, cur.n_coll_miss = n_cc, n_cm
        cur.counts["rare_synonym"] += n_rs
        cur.counts["rare_word"] += n_rw
        paragraphs.append(cur)

    for i in range(n):
        info = infos[i]
        kind = info[3]
        if kind == KIND_BREAK:
            if cur is not None:
                flush(i - 1)
                pidx += 1
                cur = None
            continue
        if cur is None:
            cur = ParagraphCounts(matches[i].start(), 0)
            first = i
            n_words = n_content = n_fr = n_en = n_weak = n_strong = n_misfit = n_rs = n_rw = 0
            n_llr_high = n_cc = n_cm = 0
            gap_sum = lowz_sum = misfit_sum = llr_sum = 0.0
        if kind == KIND_PUNCT:
            continue
        n_words += 1
        if info[4]:
            triggers.append(i)
        if info[5]:
            n_fr += 1
        elif info[6]:
            n_en += 1
        if kind == KIND_CONTENT:
            n_content += 1
            key = (cls[i - 1] if i else "BOS", info[2], cls[i + 1])
            if info[8] and key[0] != "UNK" and key[2] != "UNK":
                # an unknown neighbour ("boom", a typo) says nothing about the context
                f = fit_cache.get(key)
                if f is None:
                    f = fit(*key)
                    if len(fit_cache) < _FIT_CACHE_MAX:
                        fit_cache[key] = f
            else:
                f = 0.0
            if f < POS_MISFIT_SOFT:
                misfit_sum -= f
                if f < POS_MISFIT:
                    n_misfit += 1
                    add(
                        Hit(
                            "pos_context",
                            i,
                            i,
                            f"word class unlikely in this context: {_context(toks, i)}",
                        )
                    )
            ce = info[9]
            if use_ctx and ce is not None:
                # adjacent pairs with a content word: the left pair always, the right pair
                # unless the next word is a content word (it checks that pair itself)
                if i > first and infos[i - 1][9] is not None:
                    e = c_check(infos[i - 1][9], ce)
                    n_cc += 1
                    if e is not None and c_fits(infos[i - 1][9], ce, True):
                        n_cm += 1
                        add(
                            Hit(
                                "collocation",
                                i - 1,
                                i,
                                f"unseen pair where a synonym is usual: {toks[i - 1]} {toks[i]}"
                                f" (about {e:.0f} expected)",
                            )
                        )
                j = i + 1
                if j < n and infos[j][9] is not None and infos[j][3] != KIND_CONTENT:
                    e = c_check(ce, infos[j][9])
                    n_cc += 1
                    if e is not None and c_fits(infos[j][9], ce, False):
                        n_cm += 1
                        add(
                            Hit(
                                "collocation",
                                i,
                                j,
                                f"unseen pair where a synonym is usual: {toks[i]} {toks[j]}"
                                f" (about {e:.0f} expected)",
                            )
                        )
            lowz, gap, weak, strong, rare_syn, rare_word, llr = info[7]
            llr_sum += llr
            if llr > LLR_HIGH:
                n_llr_high += 1
            lowz_sum += lowz
            gap_sum += gap
            n_weak += weak
            n_strong += strong
            if rare_syn:
                n_rs += 1
                add(
                    Hit(
                        "rare_synonym",
                        i,
                        i,
                        f"rare synonym where a common word is expected: {toks[i]}",
                    )
                )
            elif rare_word:
                n_rw += 1
                add(Hit("rare_word", i, i, f"word rare in news text: {toks[i]}"))
    if cur is not None:
        flush(n - 1)
    _drop_repeated_rare(hits, lows, para_of, paragraphs)

    def nxt(i: int) -> int:
        """Index of the token after ``i`` when it is an adjacent word, else -1."""
        j = i + 1
        if j < n and toks[j][0].isalpha():
            return j
        return -1

    def nxt_lower(i: int) -> int:
        """Like ``nxt`` but only for a lower-case word (proper names and titles are skipped)."""
        j = i + 1
        if j < n and toks[j][0].islower():
            return j
        return -1

    for i in triggers:
        low = lows[i]
        if low[-1:] in "'’" and len(low) > 1:
            # elided clitic: l’ d’ qu’ … (not "prud’" of "prud’homme", not "O’" of "O’Brien")
            if low[:-1] not in CLITICS:
                continue
            j = nxt(i)
            if j < 0:
                continue
            w = lows[j]
            nt = toks[j]
            if _is_acronym(nt) or w.startswith("y") or len(nt) == 1:
                continue
            if nt[0].isupper() and w[0] != "h":
                # a name: "N’Guessan", "D’Souza" (a spinner's substitute keeps lower case)
                continue
            if w[0] == "h":
                if packed[j] & m_hasp and nt[0].islower() and w not in H_MUET:
                    flag("elision", i, j, f"elided article before an h aspiré: {toks[i]}{nt}")
                continue
            if not _starts_with_vowel(w):
                flag("elision", i, j, f"elided article before a consonant: {toks[i]}{nt}")
            continue
        if low in ELIDABLE and not _is_acronym(toks[i]):
            j = nxt_lower(i)
            if j < 0:
                continue
            w = lows[j]
            nt = toks[j]
            if (
                w not in NO_ELISION_BEFORE
                and not _is_acronym(nt)
                and not (low in QUE_WORDS and w in SPOKEN_UNELIDED)
                and (
                    _starts_with_vowel(w)
                    or (
                        w[0] == "h"
                        and (not packed[j] & m_hasp or w in H_MUET)
                        and (packed[j] & ZIPF_MASK) >= 10 * ZIPF_H_MUET_SURE
                    )
                )
            ):
                flag("elision", i, j, f"missing elision before a vowel: {toks[i]} {nt}")
                continue
        if low in ("de", "à") and i + 2 < n and lows[i + 1] in ("le", "les"):
            j = i + 2
            p = packed[j]
            if toks[j][0].isalpha() and p & (m_n | m_a) and not p & m_v:
                flag("contraction", i, j, f"missing contraction: {toks[i]} {toks[i + 1]} {toks[j]}")
                continue
        if low in DET_GENDER:
            j = nxt_lower(i)
            if j < 0:
                continue
            p = packed[j]
            if not p & m_n or p & m_v:
                # skip one adjective: "la grande salle"
                if p & m_a and not p & m_n and j + 1 < n and toks[j + 1][0].islower():
                    j += 1
                    p = packed[j]
                    if not p & m_n or p & (m_v | m_a):
                        continue
                else:
                    continue
            if p & m_a and j == i + 1:
                continue
            g = DET_GENDER[low]
            masc, fem = bool(p & m_nm), bool(p & m_nf)
            if g == "m" and fem and not masc:
                # the word right after the possessive decides: "son histoire", "mon amie",
                # "son homélie", "son intéressante famille"
                w1, p1 = lows[i + 1], packed[i + 1]
                if low in VOWEL_MASC_OK and (
                    _starts_with_vowel(w1) or (w1[0] == "h" and not p1 & m_hasp)
                ):
                    continue
                flag(
                    "gender_agreement",
                    i,
                    j,
                    f"article gender clash: {toks[i]} {toks[j]} (feminine)",
                )
            elif g == "f" and masc and not fem:
                flag(
                    "gender_agreement",
                    i,
                    j,
                    f"article gender clash: {toks[i]} {toks[j]} (masculine)",
                )
            elif low not in ("le", "la") and j == i + 1:
                _number_check(i, j, low, p, lows, toks, flag, m_ns, m_np)
            continue
        if low in DET_PLURAL or low in NUMERALS:
            j = nxt_lower(i)
            if j < 0:
                continue
            p = packed[j]
            if (
                p & m_n
                and not p & (m_v | m_a)
                and p & m_ns
                and not p & m_np
                and lows[j] not in FUNCTION_WORDS
            ):
                w = lows[j]
                # "les père et mère", "vos nom et prénom": one plural determiner for
                # coordinated singular nouns (legal and administrative French)
                coordinated = j + 1 < n and lows[j + 1] in ("et", "ou")
                if w[-1] not in "sxz" and not coordinated:
                    flag(
                        "number_agreement",
                        i,
                        j,
                        f"plural determiner before a singular noun: {toks[i]} {toks[j]}",
                    )
            continue
        p = packed[i]
        if (
            p & m_n
            and not p & (m_a | m_v)
            and toks[i][0].islower()
            and not (i and lows[i - 1] in COMPLEMENT_MARKERS)
        ):
            j = nxt_lower(i)
            if j >= 0:
                q = packed[j]
                if q & m_a and not q & (m_n | m_v):
                    nm, nf = bool(p & m_nm), bool(p & m_nf)
                    am, af = bool(q & m_am), bool(q & m_af)
                    if nm != nf and am != af and nm != am:
                        flag(
                            "adjective_agreement",
                            i,
                            j,
                            f"noun and adjective disagree in gender: {toks[i]} {toks[j]}",
                        )
                        continue
        if low == "afin":
            j = i + 1
            if j < n and lows[j].rstrip("'’") not in AFIN_FOLLOWERS:
                flag("function_word", i, i, f"“afin” without de/que: {toks[i]} {toks[j]}")
            continue
        if low == "double":
            j = nxt(i)
            prev = lows[i - 1] if i else ""
            if j >= 0 and prev not in DET_GENDER and prev not in DET_PLURAL and prev != "en":
                p = packed[j]
                if p & m_np and not p & m_ns:
                    flag(
                        "function_word",
                        i,
                        j,
                        f"“double” used as the numeral “deux”: {toks[i]} {toks[j]}",
                    )
    return Analysis(matches, hits, paragraphs)


#: Rarity evidence of a word form that occurs this often in a text is dropped: a
#: spinner picks a synonym afresh at each occurrence, a writer repeats the term
#: of their field ("posologie", "hépatique").
REPEATED_TERM = 2
_RARE_SIGNALS = ("rare_synonym", "rare_word")


def _drop_repeated_rare(
    hits: list[Hit], lows: list[str], para_of: list[int], paragraphs: list[ParagraphCounts]
) -> None:
    """Remove rarity hits of word forms repeated in the text (domain vocabulary), in place.

    >>> [h.reason for h in analyse("La posologie et la posologie.").hits]
    []
    """
    seen: dict[str, int] = {}
    for h in hits:
        if h.signal in _RARE_SIGNALS:
            w = lows[h.first]
            seen[w] = seen.get(w, 0) + 1
    repeated = {w for w, c in seen.items() if c >= REPEATED_TERM}
    if not repeated:
        return
    keep = []
    for h in hits:
        if h.signal in _RARE_SIGNALS and lows[h.first] in repeated:
            paragraphs[para_of[h.first]].counts[h.signal] -= 1
            continue
        keep.append(h)
    hits[:] = keep


def _number_check(i, j, low, p, lows, toks, flag, m_ns, m_np) -> None:
    """Singular determiner before a plural-only noun ("un bâtiments"; not "vingt et une heures")."""
    if i and lows[i - 1] in ("et", *NUMERALS):
        return
    if low in DET_SINGULAR and p & m_np and not p & m_ns and lows[j][-1] in "sx":
        flag(
            "number_agreement",
            i,
            j,
            f"singular determiner before a plural noun: {toks[i]} {toks[j]}",
        )

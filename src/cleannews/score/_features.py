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
from itertools import compress, islice
from operator import and_, itemgetter
from typing import NamedTuple

from cleannews.score._context import get_context_table
from cleannews.score._lexicon import GAP_OFFSET, GAP_SHIFT, ZIPF_MASK, get_lexicon, load_json
from cleannews.score._pos import get_pos_model, word_class
from cleannews.score._profile import substitute_llr

__all__ = [
    "Analysis",
    "Hit",
    "ParagraphCounts",
    "analyse",
    "line_span",
    "paragraph_lines",
    "repeated_forms",
    "scan_paragraph",
]

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

# Positions in the per-token tuple of ``_token_info`` (one merged lookup per token: everything
# the counts, the context check and the grammar detectors need).
I_LOW, I_PACKED, I_CLASS, I_KIND, I_TRIGGER, I_STOP_FR, I_STOP_EN = 0, 1, 2, 3, 4, 5, 6
I_STATS, I_POS_CHECKED, I_CTX, I_COUNTS, I_GAP, I_LOWZ, I_LLR = 7, 8, 9, 10, 11, 12, 13
I_RARE, I_NEED, I_ROLE = 14, 15, 16

#: Integer counts of a token packed into one int (COUNT_BITS bits each), so that one
#: ``sum`` over a paragraph's tokens adds all of them at once.
COUNT_BITS = 40
_COUNT_MASK = (1 << COUNT_BITS) - 1
(C_WORDS, C_CONTENT, C_FR, C_EN, C_WEAK, C_STRONG, C_LLR_HIGH, C_RARE_SYN, C_RARE_WORD) = range(9)
N_COUNTS = 9
#: ``I_RARE`` codes.
RARE_NONE, RARE_SYNONYM, RARE_WORD = 0, 1, 2

# Roles a token can play as the word after a grammar trigger (``I_ROLE``), and the roles a
# trigger needs of its next word before any detector can fire on it (``I_NEED``). A trigger
# whose need and next word's role share no bit cannot produce a hit, so the detectors only
# run where ``need & role`` is not 0 (an over-approximation: the detectors decide).
R_ELIDED_CLASH = 1 << 0  # after l’ d’ qu’ …: a consonant (or h aspiré) word
R_WANTS_ELISION = 1 << 1  # after le/la/de/que …: a vowel (or mute h) word
R_LE_LES = 1 << 2  # de/à + le/les: a missing contraction
R_FEM_NOUN = 1 << 3  # masculine determiner + feminine-only noun
R_MASC_NOUN = 1 << 4  # feminine determiner + masculine-only noun
R_PLURAL_NOUN = 1 << 5  # singular determiner + plural-only noun in -s/-x
R_ADJECTIVE = 1 << 6  # determiner + adjective (the noun after it is checked)
R_SINGULAR_NOUN = 1 << 7  # plural determiner or numeral + singular-only noun
R_FEM_ADJ = 1 << 8  # masculine-only noun + feminine-only adjective
R_MASC_ADJ = 1 << 9  # feminine-only noun + masculine-only adjective
R_NOT_AFIN_FOLLOWER = 1 << 10  # "afin" + anything but de/que
R_PLURAL_ONLY = 1 << 11  # "double" + plural-only noun


def _grammar_bits(t: str, low: str, p: int, trig: bool) -> tuple[int, int]:
    """``(need, role)`` of one token for the grammar pre-filter (see ``R_*``).

    >>> need, _ = _grammar_bits("l’", "l’", 0, True)
    >>> _, role = _grammar_bits("fonction", "fonction", get_lexicon().packed("fonction"), False)
    >>> bool(need & role)
    True
    """
    m = get_lexicon().masks
    m_n, m_a, m_np, m_ns = m["N"], m["A"], m["NP"], m["NS"]
    m_v = m["V"] | m["PREP"] | m["ADV"] | m["OTHER"]
    c0 = t[:1]
    lower, alpha = c0.islower(), c0.isalpha()
    role = 0
    if low.rstrip("'’") not in AFIN_FOLLOWERS:
        role |= R_NOT_AFIN_FOLLOWER
    if low in ("le", "les"):
        role |= R_LE_LES
    if alpha and not _is_acronym(t) and not low.startswith("y") and len(t) > 1:
        if low[0] == "h":
            if p & m["HASP"] and lower and low not in H_MUET:
                role |= R_ELIDED_CLASH
        elif not c0.isupper() and not _starts_with_vowel(low):
            role |= R_ELIDED_CLASH
    if alpha and p & m_np and not p & m_ns:
        role |= R_PLURAL_ONLY
    if lower:
        if (
            low not in NO_ELISION_BEFORE
            and not _is_acronym(t)
            and (
                _starts_with_vowel(low)
                or (
                    low[0] == "h"
                    and (not p & m["HASP"] or low in H_MUET)
                    and (p & ZIPF_MASK) >= 10 * ZIPF_H_MUET_SURE
                )
            )
        ):
            role |= R_WANTS_ELISION
        if p & m_n and not p & (m_v | m_a):
            masc, fem = bool(p & m["NM"]), bool(p & m["NF"])
            if fem and not masc:
                role |= R_FEM_NOUN
            if masc and not fem:
                role |= R_MASC_NOUN
            if p & m_np and not p & m_ns and low[-1] in "sx":
                role |= R_PLURAL_NOUN
            if p & m_ns and not p & m_np and low not in FUNCTION_WORDS and low[-1] not in "sxz":
                role |= R_SINGULAR_NOUN
        if p & m_a and not p & m_n:
            role |= R_ADJECTIVE
            if not p & m_v:
                am, af = bool(p & m["AM"]), bool(p & m["AF"])
                if af and not am:
                    role |= R_FEM_ADJ
                if am and not af:
                    role |= R_MASC_ADJ
    if not trig:
        return 0, role
    if low[-1:] in "'’" and len(low) > 1:
        return (R_ELIDED_CLASH if low[:-1] in CLITICS else 0), role
    need = 0
    if low in ELIDABLE and not _is_acronym(t):
        need |= R_WANTS_ELISION
    if low in ("de", "à"):
        need |= R_LE_LES
    if low in DET_GENDER:
        need |= R_ADJECTIVE
        g = DET_GENDER[low]
        if g == "m":
            need |= R_FEM_NOUN
        elif g == "f":
            need |= R_MASC_NOUN
        if low not in ("le", "la") and low in DET_SINGULAR:
            need |= R_PLURAL_NOUN
        return need, role
    if low in DET_PLURAL or low in NUMERALS:
        return need | R_SINGULAR_NOUN, role
    if p & m_n and not p & (m_a | m_v) and lower:
        nm, nf = bool(p & m["NM"]), bool(p & m["NF"])
        if nm and not nf:
            need |= R_FEM_ADJ
        if nf and not nm:
            need |= R_MASC_ADJ
    if low == "afin":
        need |= R_NOT_AFIN_FOLLOWER
    if low == "double":
        need |= R_PLURAL_ONLY
    return need, role


def _token_info(t: str) -> tuple:
    """(low, packed, class, kind, trigger, stop_fr, stop_en, content_stats, pos_checked, ctx,
    counts, gap, low_zipf, llr, rare, need, role).

    ``content_stats`` is ``(low_zipf, gap, weak, strong, rare_synonym, rare_word, llr)`` for
    content words, else ``None``; ``trigger`` marks tokens a grammar detector starts from;
    ``pos_checked`` marks content words whose context fit is measured (not common words,
    not field vocabulary below ZIPF_RARE_WORD or unknown,
    not present participles); ``ctx`` is the token's collocation-table entry or ``None``.
    The rest is the same facts laid out for whole-paragraph sums: ``counts`` packs the
    integer counts (``C_*``, COUNT_BITS bits each), ``gap``/``low_zipf``/``llr`` are the
    content word's terms of the running sums (0.0 for other tokens), ``rare`` a ``RARE_*``
    code, ``need``/``role`` the grammar pre-filter bits (``R_*``).

    >>> _token_info("afin")[4], _token_info("\\n")[3] == KIND_BREAK
    (True, True)
    """
    info = _INFO.get(t)
    if info is not None:
        return info
    base = _token_facts(t)
    low, p, _cls, kind, trig, fr, en, stats = base[:8]
    counts = 0
    gap = lowz = llr = 0.0
    rare = RARE_NONE
    if kind in (KIND_WORD, KIND_CONTENT):
        counts = 1 << (C_WORDS * COUNT_BITS)
        if fr:
            counts |= 1 << (C_FR * COUNT_BITS)
        elif en:
            counts |= 1 << (C_EN * COUNT_BITS)
    if stats is not None:
        lowz, gap, weak, strong, rare_syn, rare_word, llr = stats
        counts |= 1 << (C_CONTENT * COUNT_BITS)
        counts |= weak << (C_WEAK * COUNT_BITS) | strong << (C_STRONG * COUNT_BITS)
        if llr > LLR_HIGH:
            counts |= 1 << (C_LLR_HIGH * COUNT_BITS)
        if rare_syn:
            rare = RARE_SYNONYM
            counts |= 1 << (C_RARE_SYN * COUNT_BITS)
        elif rare_word:
            rare = RARE_WORD
            counts |= 1 << (C_RARE_WORD * COUNT_BITS)
    need, role = _grammar_bits(t, low, p, trig)
    info = (*base, counts, gap, lowz, llr, rare, need, role)
    if len(_INFO) >= _INFO_MAX:
        _INFO.clear()
    _INFO[t] = info
    return info


def _token_facts(t: str) -> tuple:
    """The first ten fields of ``_token_info`` (see there)."""
    lex = get_lexicon()
    m = lex.masks
    low = t.lower()
    p = lex.words.get(low, 0)
    c0 = t[0]
    if t == "\n":
        return (low, 0, "BOS", KIND_BREAK, False, False, False, None, False, None)
    if not c0.isalnum():
        return (
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
    cls = word_class(t, low, p, FUNCTION_WORDS)
    trig = (
        (low[-1] in "'’" and len(low) > 1)
        or low in TRIGGERS
        or bool(p & m["N"] and not p & (m["A"] | m["V"]) and c0.islower())
    )
    stats = None
    kind = KIND_WORD
    pos_checked = False
    if c0.islower() and len(low) >= MIN_CONTENT_LEN and low not in FUNCTION_WORDS and low.isalpha():
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
    return (low, p, cls, kind, trig, low in STOP_FR, low in STOP_EN, stats, pos_checked, ctx)


def _infos(toks: list[str]) -> list[tuple]:
    """``_token_info`` of every token (cached ones by one C-level ``map``)."""
    infos = list(map(_INFO.get, toks))
    if None in infos:
        infos = [x or _token_info(t) for x, t in zip(infos, toks, strict=True)]
    return infos


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


_get_counts = itemgetter(I_COUNTS)
_get_gap = itemgetter(I_GAP)
_get_lowz = itemgetter(I_LOWZ)
_get_llr = itemgetter(I_LLR)
_get_checked = itemgetter(I_POS_CHECKED)
_get_class = itemgetter(I_CLASS)
_get_rare = itemgetter(I_RARE)
_get_need = itemgetter(I_NEED)
_get_role = itemgetter(I_ROLE)
_get_trigger = itemgetter(I_TRIGGER)
_get_low = itemgetter(I_LOW)
_get_packed = itemgetter(I_PACKED)
#: Sub-order of first-pass hits emitted at the same token (as the per-token loop emitted them).
_ORDER_POS, _ORDER_COLL_LEFT, _ORDER_COLL_RIGHT, _ORDER_RARE = 0, 1, 2, 3


def scan_paragraph(
    toks: list[str], infos: list[tuple], newline_after: bool, every_trigger: bool = False
) -> tuple[ParagraphCounts, list[Hit], list[Hit]]:
    """Counts and hits of one paragraph (one line's tokens; ``newline_after`` when a line
    break follows it in the text).

    Returns ``(counts, first_hits, grammar_hits)`` with token indices local to the
    paragraph and the counts' span left at 0 (the caller knows the offsets). Rarity
    counts include every rare word (``drop_repeated_rare`` is document-wide). Sums run
    over the whole paragraph in C (one packed ``sum`` for the integer counts); only the
    content words whose context is checked and the grammar triggers whose next word
    could make a detector fire (``R_*`` bits) go through Python code.
    ``every_trigger`` runs the detectors on every trigger (the reference path for tests).
    """
    n = len(toks)
    c = sum(map(_get_counts, infos))
    pc = ParagraphCounts(0, 0)
    mask = _COUNT_MASK
    pc.n_words = c & mask
    pc.n_content = (c >> (C_CONTENT * COUNT_BITS)) & mask
    pc.n_fr = (c >> (C_FR * COUNT_BITS)) & mask
    pc.n_en = (c >> (C_EN * COUNT_BITS)) & mask
    pc.n_syn_weak = (c >> (C_WEAK * COUNT_BITS)) & mask
    pc.n_syn_strong = (c >> (C_STRONG * COUNT_BITS)) & mask
    pc.n_llr_high = (c >> (C_LLR_HIGH * COUNT_BITS)) & mask
    counts = pc.counts
    counts["rare_synonym"] = (c >> (C_RARE_SYN * COUNT_BITS)) & mask
    counts["rare_word"] = (c >> (C_RARE_WORD * COUNT_BITS)) & mask
    if not pc.n_content:
        first: list[Hit] = []
    else:
        # the running sums, in token order as the per-token loop added them
        pc.gap_sum = sum(map(_get_gap, infos), 0.0)
        pc.lowz_sum = sum(map(_get_lowz, infos), 0.0)
        pc.llr_sum = sum(map(_get_llr, infos), 0.0)
        first = _context_pass(toks, infos, pc)
    if not every_trigger:
        roles = list(map(_get_role, infos))
        roles.append(R_NOT_AFIN_FOLLOWER if newline_after else 0)
        cand = list(compress(range(n), map(and_, map(_get_need, infos), islice(roles, 1, None))))
    else:
        cand = list(compress(range(n), map(_get_trigger, infos)))
    grammar: list[Hit] = []
    if cand:
        if newline_after:
            toks = [*toks, "\n"]
            infos = [*infos, _token_info("\n")]
        _grammar(cand, toks, infos, grammar, counts)
    return pc, first, grammar


def _context_pass(toks: list[str], infos: list[tuple], pc: ParagraphCounts) -> list[Hit]:
    """Word-class misfits, collocations and rare words of one paragraph: ``pc`` is updated
    and the first-pass hits are returned in the order the per-token loop made them."""
    n = len(toks)
    hits: list[tuple] = []
    chk = list(compress(range(n), map(_get_checked, infos)))
    if chk:
        cls = list(map(_get_class, infos))
        cls.append("BOS")  # cls[-1] is the class before the first token too
        fit = get_pos_model().fit
        fit_cache = _FIT_CACHE
        n_misfit = 0
        misfit_sum = 0.0
        for i in chk:
            a, b = cls[i - 1], cls[i + 1]
            if a == "UNK" or b == "UNK":
                # an unknown neighbour ("boom", a typo) says nothing about the context
                continue
            key = (a, cls[i], b)
            f = fit_cache.get(key)
            if f is None:
                f = fit(*key)
                if len(fit_cache) < _FIT_CACHE_MAX:
                    fit_cache[key] = f
            if f < POS_MISFIT_SOFT:
                misfit_sum -= f
                if f < POS_MISFIT:
                    n_misfit += 1
                    reason = f"word class unlikely in this context: {_context(toks, i)}"
                    hits.append((i, _ORDER_POS, Hit("pos_context", i, i, reason)))
        pc.n_pos_misfit = n_misfit
        pc.pos_misfit_sum = misfit_sum
    if collocation_enabled():
        _collocation_pass(toks, infos, pc, hits)
    for i in compress(range(n), map(_get_rare, infos)):
        if infos[i][I_RARE] == RARE_SYNONYM:
            reason = f"rare synonym where a common word is expected: {toks[i]}"
            h = Hit("rare_synonym", i, i, reason)
        else:
            h = Hit("rare_word", i, i, f"word rare in news text: {toks[i]}")
        hits.append((i, _ORDER_RARE, h))
    if len(hits) > 1:
        hits.sort(key=lambda x: (x[0], x[1]))
    return [h for _, _, h in hits]


def _collocation_pass(
    toks: list[str], infos: list[tuple], pc: ParagraphCounts, hits: list[tuple]
) -> None:
    """Adjacent pairs around content words never seen although expected (see ``_context``)."""
    ctab = get_context_table()
    c_check, c_fits = ctab.check, ctab.synonym_fits
    n = len(toks)
    n_cc = n_cm = 0
    for i in range(n):
        info = infos[i]
        ce = info[I_CTX]
        if info[I_KIND] != KIND_CONTENT or ce is None:
            continue
        # adjacent pairs with a content word: the left pair always, the right pair
        # unless the next word is a content word (it checks that pair itself)
        if i > 0 and infos[i - 1][I_CTX] is not None:
            e = c_check(infos[i - 1][I_CTX], ce)
            n_cc += 1
            if e is not None and c_fits(infos[i - 1][I_CTX], ce, True):
                n_cm += 1
                reason = (
                    f"unseen pair where a synonym is usual: {toks[i - 1]} {toks[i]}"
                    f" (about {e:.0f} expected)"
                )
                hits.append((i, _ORDER_COLL_LEFT, Hit("collocation", i - 1, i, reason)))
        j = i + 1
        if j < n and infos[j][I_CTX] is not None and infos[j][I_KIND] != KIND_CONTENT:
            e = c_check(ce, infos[j][I_CTX])
            n_cc += 1
            if e is not None and c_fits(infos[j][I_CTX], ce, False):
                n_cm += 1
                reason = (
                    f"unseen pair where a synonym is usual: {toks[i]} {toks[j]}"
                    f" (about {e:.0f} expected)"
                )
                hits.append((i, _ORDER_COLL_RIGHT, Hit("collocation", i, j, reason)))
    pc.n_coll_checks, pc.n_coll_miss = n_cc, n_cm


def paragraph_lines(text: str):
    """``(offset, line, tokens, newline_after)`` of every line of ``text`` that has a token.

    Lines are split on "\\n" only (the tokeniser's paragraph break); no token spans a
    line break, so tokenising line by line gives the tokens of the whole text.

    >>> [(o, t) for o, _, t, _ in paragraph_lines("Un mot.\\n\\n  deux")]
    [(0, ['Un', 'mot', '.']), (9, ['deux'])]
    """
    findall = TOKEN_RE.findall
    offset = 0
    lines = text.split("\n")
    last = len(lines) - 1
    for k, line in enumerate(lines):
        toks = findall(line)
        if toks:
            yield offset, line, toks, k < last
        offset += len(line) + 1


def line_span(line: str, toks: list[str]) -> tuple[int, int]:
    """Start of the first and end of the last token of ``line`` (offsets in the line).

    Every character that is not whitespace belongs to a token, so the first token starts
    at the first occurrence of its text and the last one ends at the last occurrence of
    its own.

    >>> line_span("  l’IA arrive . ", ["l’", "IA", "arrive", "."])
    (2, 15)
    """
    return line.find(toks[0]), line.rfind(toks[-1]) + len(toks[-1])


def analyse(text: str) -> Analysis:
    """Tokenise ``text`` and run every detector; see the module doctest.

    Materialises every token and hit of the text (for tools and tests); scoring uses
    :class:`cleannews.score._stream.DocumentScan`, which keeps running sums only.
    """
    matches = list(TOKEN_RE.finditer(text))
    paragraphs: list[ParagraphCounts] = []
    first_hits: list[Hit] = []
    grammar_hits: list[Hit] = []
    rare_forms: list[tuple[str, int]] = []  # (word form, paragraph) of every rare hit
    base = 0  # index of the line's first token among all tokens of the text
    for offset, line, toks, nl in paragraph_lines(text):
        base = _next_token(matches, base, offset)
        pc, first, grammar = scan_paragraph(toks, _infos(toks), nl, every_trigger=True)
        s, e = line_span(line, toks)
        pc.start, pc.end = offset + s, offset + e
        pidx = len(paragraphs)
        paragraphs.append(pc)
        for h in first:
            if h.signal in _RARE_SIGNALS:
                rare_forms.append((toks[h.first].lower(), pidx))
            first_hits.append(h._replace(first=h.first + base, last=h.last + base))
        grammar_hits += [h._replace(first=h.first + base, last=h.last + base) for h in grammar]
        base += len(toks)
    repeated = repeated_forms(f for f, _ in rare_forms)
    if repeated:
        keep = []
        forms = iter(rare_forms)
        for h in first_hits:
            if h.signal in _RARE_SIGNALS:
                form, pidx = next(forms)
                if form in repeated:
                    paragraphs[pidx].counts[h.signal] -= 1
                    continue
            keep.append(h)
        first_hits = keep
    return Analysis(matches, first_hits + grammar_hits, paragraphs)


def _next_token(matches: list, i: int, offset: int) -> int:
    """Index of the first token at or after character ``offset`` (from index ``i`` on)."""
    while matches[i].start() < offset:
        i += 1
    return i


def _grammar(cand: list[int], toks: list[str], infos: list[tuple], hits: list[Hit], counts) -> None:
    """Run the grammar detectors at the trigger positions ``cand`` of one paragraph."""
    lex = get_lexicon()
    m = lex.masks
    m_n, m_a = m["N"], m["A"]
    # "verb-like" also blocks words that can be a preposition, adverb or other
    # function word ("par" is also a golf noun): agreement checks need a plain noun
    m_v = m["V"] | m["PREP"] | m["ADV"] | m["OTHER"]
    m_nm, m_nf, m_ns, m_np = m["NM"], m["NF"], m["NS"], m["NP"]
    m_am, m_af = m["AM"], m["AF"]
    m_hasp = m["HASP"]
    n = len(toks)
    lows = list(map(_get_low, infos))
    packed = list(map(_get_packed, infos))

    def flag(signal: str, i: int, j: int, reason: str) -> None:
        """Record a grammar hit as evidence and count it in its paragraph."""
        hits.append(Hit(signal, i, j, reason))
        counts[signal] += 1

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

    for i in cand:
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


#: Rarity evidence of a word form that occurs this often in a text is dropped: a
#: spinner picks a synonym afresh at each occurrence, a writer repeats the term
#: of their field ("posologie", "hépatique").
REPEATED_TERM = 2
_RARE_SIGNALS = ("rare_synonym", "rare_word")


def repeated_forms(forms) -> set[str]:
    """Word forms that occur at least REPEATED_TERM times among ``forms`` (the lower-cased
    words of a text's rarity hits): their rarity evidence is dropped (domain vocabulary).

    >>> sorted(repeated_forms(["posologie", "hépatique", "posologie"]))
    ['posologie']
    >>> [h.reason for h in analyse("La posologie et la posologie.").hits]
    []
    """
    seen: dict[str, int] = {}
    for w in forms:
        seen[w] = seen.get(w, 0) + 1
    return {w for w, c in seen.items() if c >= REPEATED_TERM}


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

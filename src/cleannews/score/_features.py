"""Token-level signals of spun French, counted per paragraph.

One regular expression tokenises the text, block by block (``scan_text``);
each token type's facts are one cached tuple (``_token_info``); counts are
taken over whole blocks in C and the detectors below visit only the tokens
where they can fire, emitting :class:`Hit` records (signal name, token range,
reason)::

    >>> hits = analyse("Le site est prêt à l’fonction.").hits
    >>> [(h.signal, h.reason) for h in hits]
    [('elision', 'elided article before a consonant: l’fonction')]
"""

from __future__ import annotations

import itertools
import operator
import re
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import reduce
from itertools import chain, compress, filterfalse
from operator import add, and_, itemgetter, methodcaller
from typing import NamedTuple

from cleannews.score._context import get_context_table
from cleannews.score._lexicon import GAP_OFFSET, GAP_SHIFT, ZIPF_MASK, get_lexicon, load_json
from cleannews.score._pos import get_pos_model, reading_class
from cleannews.score._profile import PROFILE_BITS, substitute_llr

__all__ = [
    "SLIP_PRIORITY",
    "Analysis",
    "Hit",
    "ParagraphCounts",
    "ParagraphScan",
    "analyse",
    "one_count_per_slip",
    "repeated_forms",
    "repeated_slip",
    "scan_text",
    "slip_key",
    "text_blocks",
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

#: The same pattern as a capturing group: ``split`` gives the tokens and the text between
#: them (whitespace), so that token offsets are sums of lengths.
_TOKEN_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})")
#: ``TOKEN_RE`` without its "aujourd’hui" branch, for text where that word cannot occur
#: (``_AUJOURDHUI_HINT`` absent): the same tokens. Its quantifiers are possessive (Python
#: 3.11+), which spares the engine its backtracking bookkeeping (about 1.5x faster); every
#: quantified item is followed only by optional items, so the greedy match is the one the
#: engine keeps anyway and possessive quantifiers change no match (``_split_tokens``'s
#: property test checks both forms against ``_TOKEN_SPLIT_RE``). Its last branch,
#: ``[\S\n]``, is ``TOKEN_RE``'s ``\n|[^\w\s]`` in one character class (round 38): it is
#: tried only where the word branch failed, i.e. on a character that is not ``\w``, where
#: ``[\S\n]`` holds exactly for ``\n`` and ``[^\w\s]``; one class test instead of two
#: branches at each punctuation mark and each whitespace character the split skips.
_FAST_TOKEN = r"\w++(?:-\w++)*+(?:['’](?=\w))?+|[\S\n]"
try:
    _FAST_SPLIT_RE = re.compile(f"({_FAST_TOKEN})")
except re.error:  # pragma: no cover - Python 3.10: no possessive quantifiers
    _FAST_SPLIT_RE = re.compile(r"(\w+(?:-\w+)*(?:['’](?=\w))?|[\S\n])")
#: Every text where the first branch of ``TOKEN_RE`` can match contains this.
_AUJOURDHUI_HINT = "ujourd"


def _split_tokens(block: str) -> list[str]:
    """``_TOKEN_SPLIT_RE.split(block)``: separator, token, separator, …, separator.

    Lines that contain ``_AUJOURDHUI_HINT`` go through ``_TOKEN_SPLIT_RE``, the rest through
    ``_FAST_SPLIT_RE``; no token spans a line break, so the pieces join up (the separators
    on either side of a cut are concatenated).

    >>> _split_tokens("Aujourd’hui, l’IA")
    ['', 'Aujourd’hui', '', ',', ' ', 'l’', '', 'IA', '']
    >>> text = "Demain, l’IA.\\nAujourd’hui-même \\n ici"
    >>> _split_tokens(text) == _TOKEN_SPLIT_RE.split(text)
    True
    """
    i = block.find(_AUJOURDHUI_HINT)
    if i < 0:
        return _FAST_SPLIT_RE.split(block)
    fast, slow = _FAST_SPLIT_RE.split, _TOKEN_SPLIT_RE.split
    out = [""]
    pos = 0  # start of the text not split yet (0 or right after a line break)
    while i >= 0:
        ls = block.rfind("\n", pos, i) + 1 or pos  # start of the line with the hint
        le = block.find("\n", i)  # its end
        if le < 0:
            le = len(block)
        for piece, split in ((block[pos:ls], fast), (block[ls:le], slow)):
            if piece:
                parts = split(piece)
                out[-1] += parts[0]
                out += parts[1:]
        pos = le
        i = block.find(_AUJOURDHUI_HINT, le)
    if pos < len(block):
        parts = fast(block[pos:])
        out[-1] += parts[0]
        out += parts[1:]
    return out


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
#: Feminine possessives and the form French puts before a vowel or a mute h ("son amie",
#: "mon histoire"): "sa amie" is a gender slip of a spinner that swapped the noun.
POSSESSIVE_BEFORE_VOWEL: dict[str, str] = _FW["possessive_before_vowel"]
#: "ce" and the form it takes before a vowel or mute h ("cet avion"); the reverse slip is
#: "cet" before a consonant ("cet village" for "ce village"; lite46).
DEMONSTRATIVE_BEFORE_VOWEL: dict[str, str] = _FW["demonstrative_before_vowel"]
DEMONSTRATIVE_BEFORE_CONSONANT: dict[str, str] = {
    v: k for k, v in DEMONSTRATIVE_BEFORE_VOWEL.items()
}
#: Each demonstrative and its other form ("ce" -> "cet", "cet" -> "ce"): the one lookup of
#: :func:`_grammar` (the form a slip should have had).
DEMONSTRATIVE_OTHER_FORM: dict[str, str] = {
    **DEMONSTRATIVE_BEFORE_VOWEL, **DEMONSTRATIVE_BEFORE_CONSONANT
}
DET_PLURAL = frozenset(_FW["det_plural"])
DET_SINGULAR = frozenset(_FW["det_singular"])
#: The articles (definite, indefinite, contracted; singular and plural, all of them in
#: ``DET_GENDER`` or ``DET_PLURAL``) whose gender or number the context term reads before a
#: capitalised word (``_context.agreement_clash``): a possessive or demonstrative before a
#: title is a writer's ("son Vie future").
ARTICLES = frozenset(_FW["articles"])
AFIN_FOLLOWERS = frozenset(_FW["afin_followers"])
FUNCTION_WORDS = frozenset(_FW["function_words"])
STOP_FR = frozenset(_FW["stop_fr"])
STOP_EN = frozenset(_FW["stop_en"])
NUMERALS = frozenset(_FW["numerals"])
#: Month names (revolutionary calendar too): after a numeral they make a date, "le quatorze
#: juillet", not a plural determiner before a singular noun (spin-lit10).
MONTH_NAMES = frozenset(_FW["month_names"])
#: Pronouns after which spoken French keeps "que" unelided ("que on", "que il").
SPOKEN_UNELIDED = frozenset(_FW["spoken_unelided_after_que"])
QUE_WORDS = frozenset(("que", "lorsque", "puisque", "jusque"))
#: Elided in French although the lexicon's h-aspiré list has them ("l’humeur").
H_MUET = frozenset(_FW["h_muet_despite_lexicon"])
#: after an elided clitic, the written schwa deletion of speech ("j'vous", "c'que"): no slip
SPEECH_FOLLOWERS = frozenset(_FW["speech_elision_followers"])
#: after de/le/la/que, left by a dropped code element ("la valeur de est"): no elision slip
DROPPED_ELEMENT_FOLLOWERS = frozenset(_FW["dropped_element_followers"])
#: stems cut by an apostrophe in standard French or Italian ("grand'mère", "dell'Arte")
STANDARD_APOSTROPHE_STEMS = frozenset(_FW["standard_apostrophe_stems"])
ENGLISH_CONTRACTION_TAILS = frozenset(_FW["english_contraction_tails"])
#: after an elided clitic, a word of a foreign phrase: the n’ of "rock’n’roll" is the English
#: "and", no French elision (``foreign_elision``; spinclean53)
FOREIGN_AFTER_CLITIC = frozenset(_FW["foreign_after_clitic"])
#: the verb ending of "je" + first person plural in stage patois ("j'parlerons", "j'venons":
#: ``patois_first_plural``; spinclean53)
PATOIS_PLURAL_ENDING = "ons"
#: nouns French never puts in the plural ("vingt pourcent", "l’an deux mil onze"): a numeral
#: or plural determiner before them is no number clash (``invariable_noun``; spinclean53)
INVARIABLE_NOUNS = frozenset(_FW["invariable_nouns"])
#: A determiner's gender is only checked against a noun of at least this many letters: a
#: lone letter after an article is a word the page cut ("la g…", "la f ormation") or a
#: letter's name, never a spinner's substitute (``cut_word``; spinclean53). Two-letter nouns
#: stay checked: "cette an" is a spinner's slip.
MIN_GENDER_NOUN_LEN = 2
#: a block with this many marks of written speech is in the speech register (spin-fp7, rule 2)
SPEECH_REGISTER_MIN_MARKS = 2
#: Literary register (spin-drama8, ``literary_register``): function words that open a line
#: of verse, and the tokens of stage dialogue.
VERSE_START_WORDS = frozenset(_FW["register_verse_starts"])
DIALOGUE_TOKENS = frozenset(_FW["register_dialogue"])
#: A block is verse with at least this many verse starts …
VERSE_MIN_STARTS = 6
#: … and at least this many per 100 words (clean UD text: at most 2.3, verse drama: 5 on
#: the median; names such as "selon Le Monde" make the rest).
VERSE_MIN_RATE = 3.0
#: A block is stage dialogue with at least this many dialogue tokens per 100 words
#: (``DIALOGUE_TOKENS``; clean UD documents and their spins: at most 11, 99 % under 7;
#: prose drama 12 on the median) …
DIALOGUE_MIN_RATE = 9.0
#: … and at least this many of them.
DIALOGUE_MIN_TOKENS = 12
#: Literary prose (spin-lit10): passé simple / imperfect subjunctive forms of irregular verbs,
#: the regular ones by ``NARRATIVE_PAST_ENDINGS`` (ending, infinitive ending), and the subject
#: pronouns of an inversion ("dit-il").
NARRATIVE_PAST = frozenset(_FW["register_narrative_past"])
NARRATIVE_PAST_ENDINGS = (
    ("èrent", "er"), ("irent", "ir"), ("âmes", "er"), ("âtes", "er"), ("assent", "er"),
    ("ât", "er"), ("a", "er"),
)
INVERSION_PRONOUNS = frozenset(_FW["register_inversion_pronouns"])
#: A block is literary prose with at least ``DIALOGUE_MIN_TOKENS`` marks of dialogue and
#: narration (dialogue tokens, narrative past forms, inversions) and this many per 100 words
#: (clean UD documents and their MyThes spins: at most 7.8; the dev negatives' FreDraCor prose
#: dialogue 12.9 on the median, 19th-century novels 10.3).
LITERARY_MIN_RATE = 8.0
#: Slips allowed for in literary prose (``RegisterMarks.allowance``): one, so that a single
#: slip never counts and three make two (under ``GRAMMAR_MIN_TOKENS``); a naive spin of a
#: novel makes more, which still count.
LITERARY_ALLOWANCE = 1
#: A block is a play's text with at least this many speaker labels (a line of one to
#: ``SPEAKER_LABEL_MAX_WORDS`` upper-case words: "CHIMÈNE.", "LE COMTE").
SPEAKER_MIN_LABELS = 3
SPEAKER_LABEL_MAX_WORDS = 4
#: In the literary register, this many slips of a block are allowed for (not counted):
#: human drama has one or two (old usage, licence, misprints), a naive spin of old text
#: many more, which still count beyond the allowance.
REGISTER_ALLOWANCE = 2
#: The grammar evidence the literary register allows for.
REGISTER_DAMPED = frozenset(
    ("elision", "contraction", "gender_agreement", "number_agreement", "adjective_agreement")
)
_CONSONANT_ELISION = "elided article before a consonant"
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
#: When grammar detectors fire on overlapping tokens (one slip: "de le application" is
#: both a missing contraction and a missing elision), the hit with the narrowest span
#: counts, ties going to the first signal of this list (the most specific diagnosis).
SLIP_PRIORITY: tuple[str, ...] = (
    "elision",
    "gender_agreement",
    "number_agreement",
    "adjective_agreement",
    "contraction",
    "function_word",
)
_SLIP_RANK = {s: i for i, s in enumerate(SLIP_PRIORITY)}
#: Pairs of adjacent words are checked against the collocation table only when both
#: are at least this long (one-letter tokens and initials say little).
MIN_COLLOCATION_LEN = 2


class Hit(NamedTuple):
    """One piece of evidence: ``signal`` over tokens ``[first, last]`` (a tuple: cheap to make).

    ``counted`` is False for a grammar hit on the same slip as another one (overlapping
    tokens, see ``one_count_per_slip``): it is shown, but counts nowhere.
    """

    signal: str
    first: int
    last: int
    reason: str
    counted: bool = True


@dataclass(slots=True)
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
        counts = self.counts
        for k, v in other.counts.items():
            counts[k] += v


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


def _possessive_slip(role: int, packed: int, masks: dict[str, int]) -> bool:
    """True when a word whose grammar role is ``role`` and lexicon entry ``packed`` makes
    "ma/ta/sa" + word a slip ("sa amie" for "son amie"): the word takes an elided article
    (``R_WANTS_ELISION``: a vowel or a frequent mute h, not "une", "onze", "ouate", "yourte",
    an h aspiré: "sa hache") and is a French noun or adjective, not a verb or function word
    (Italian "ma è", "lo sa ancora"). A masculine-only noun that is no adjective is left to
    the article gender clash ("sa avion (masculine)"), which reads it already; "sa ami" (also
    an adjective) is read here. ``masks``: ``Lexicon.masks``.

    >>> lex = get_lexicon()
    >>> def slip(w):
    ...     return _possessive_slip(_token_info(w)[I_ROLE], lex.packed(w), lex.masks)
    >>> slip("amie"), slip("ancienne"), slip("histoire"), slip("artiste")
    (True, True, True, True)
    >>> slip("ami"), slip("hache"), slip("maison"), slip("une"), slip("avion"), slip("est")
    (True, False, False, False, False, False)
    """
    return _determiner_form_slip(role, packed, masks, R_WANTS_ELISION, "f")


def _demonstrative_slip(low: str, role: int, packed: int, masks: dict[str, int]) -> bool:
    """True when the demonstrative ``low`` ("ce" or "cet") has the wrong form for the next
    word, whose grammar role is ``role`` and lexicon entry ``packed``: "ce" before a noun or
    adjective that takes an elided article (``R_WANTS_ELISION``: "ce avion" for "cet
    avion", "ce homme"; not "ce onzième", "ce hasard"), "cet" before one that cannot
    (``R_ELIDED_CLASH``: a consonant or an h aspiré, "cet village" for "ce village", "cet
    hasard"). French writes these forms without exception; a naive spinner that swaps the
    noun keeps the determiner of the word it replaced (lite46). The next word must be a
    French noun or adjective, no verb or function word ("ce à quoi", "ce en quoi"); a
    feminine-only noun is left to the article gender clash ("ce école (feminine)").

    >>> lex = get_lexicon()
    >>> def slip(d, w):
    ...     return _demonstrative_slip(d, _token_info(w)[I_ROLE], lex.packed(w), lex.masks)
    >>> slip("ce", "avion"), slip("ce", "ancien"), slip("ce", "homme"), slip("cet", "village")
    (True, True, True, True)
    >>> slip("ce", "onzième"), slip("ce", "hasard"), slip("cet", "homme"), slip("ce", "école")
    (False, False, False, False)
    >>> slip("cet", "autre"), slip("ce", "est"), slip("ce", "village"), slip("cet", "maison")
    (False, False, False, False)
    """
    need = R_WANTS_ELISION if low in DEMONSTRATIVE_BEFORE_VOWEL else R_ELIDED_CLASH
    return _determiner_form_slip(role, packed, masks, need, "m")


def _determiner_form_slip(role: int, packed: int, masks: dict[str, int], need: int,
                          gender: str) -> bool:
    """The one shape of :func:`_possessive_slip` and :func:`_demonstrative_slip`: True when
    the next word's grammar role ``role`` has the bit ``need`` (``R_WANTS_ELISION``: a vowel
    or a mute h; ``R_ELIDED_CLASH``: a consonant or an h aspiré) and its lexicon entry
    ``packed`` is a French noun or adjective, no verb or function word, and not a word the
    article gender clash reads already: a noun with no adjective reading that clashes
    (``gender_clash``) with the determiner's gender ``gender`` ("f" for "ma/ta/sa", "m" for
    "ce/cet").

    >>> lex = get_lexicon()
    >>> def slip(w, need, gender):
    ...     return _determiner_form_slip(_token_info(w)[I_ROLE], lex.packed(w), lex.masks,
    ...                                  need, gender)
    >>> slip("amie", R_WANTS_ELISION, "f"), slip("avion", R_WANTS_ELISION, "f")
    (True, False)
    >>> slip("avion", R_WANTS_ELISION, "m"), slip("est", R_WANTS_ELISION, "m")
    (True, False)
    """
    m = masks
    if not role & need or not packed & (m["N"] | m["A"]):
        return False
    if packed & (m["V"] | m["PREP"] | m["ADV"] | m["OTHER"]):
        return False
    return bool(packed & m["A"]) or not gender_clash(gender, packed, m)


def gender_clash(gender: str, packed: int, masks: dict[str, int]) -> bool:
    """True when a determiner of gender ``gender`` ("m" or "f", ``DET_GENDER``) cannot agree
    with the word whose lexicon entry is ``packed``: the word has noun or adjective readings
    of the other gender only ("la pouvoir", "le planète"). A word of both genders ("la
    poste", "le poste") or of no gender agrees. ``masks``: ``Lexicon.masks``.

    The one gender reading of the spin detectors: the grammar checks' article gender clash
    (``_grammar``, its pre-filter ``_reading_roles`` and the possessive and demonstrative
    slips that leave a word to it), which pass nouns with no adjective reading only (so
    their noun readings decide), and the context term's ``_context.agreement_clash`` ("la
    Pouvoir", a spinner's substitute in a name), which passes words with adjective readings
    too, whose genders then count as well ("le Nouvelle": a feminine noun and adjective).

    >>> lex = get_lexicon()
    >>> def clash(gender, w):
    ...     return gender_clash(gender, lex.packed(w), lex.masks)
    >>> clash("f", "pouvoir"), clash("m", "planète"), clash("m", "nouvelle"), clash("f", "avion")
    (True, True, True, True)
    >>> clash("f", "poste"), clash("m", "monde"), clash("f", "maison"), clash("m", "rapide")
    (False, False, False, False)
    """
    if gender == "m":
        clashing, agreeing = masks["NF"] | masks["AF"], masks["NM"] | masks["AM"]
    else:
        clashing, agreeing = masks["NM"] | masks["AM"], masks["NF"] | masks["AF"]
    return bool(packed & clashing) and not packed & agreeing


def singular_only(word: str, packed: int, masks: dict[str, int]) -> bool:
    """True when no plural determiner can stand before ``word`` (folded; lexicon entry
    ``packed``): the lexicon reads it as a singular noun only (no plural, no adjective
    reading) and it does not end as a plural may ("s", "x", "z": "les fils", "des prix",
    "les nez"). The one number reading of the grammar checks' plural determiner ("les
    rapport") and of the context term's ``_context.agreement_clash`` ("des Fiscalité").
    ``masks``: ``Lexicon.masks``.

    >>> lex = get_lexicon()
    >>> def single(w):
    ...     return singular_only(w, lex.packed(w), lex.masks)
    >>> single("rapport"), single("fiscalité"), single("rapports"), single("prix")
    (True, True, False, False)
    >>> single("rapide"), single("gens")
    (False, False)
    """
    return (bool(packed & masks["NS"]) and not packed & (masks["NP"] | masks["A"])
            and word[-1] not in "sxz")


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
I_STATS, I_POS_CHECKED, I_CTX, I_CODE, I_GAP, I_LOWZ, I_LLR = 7, 8, 9, 10, 11, 12, 13
I_RARE, I_NEED, I_ROLE = 14, 15, 16

# Each token type gets a one-byte code standing for its set of count flags (``F_*``); a
# block's codes form one ``bytes`` object, so a paragraph's count of a flag is one
# ``bytes.count`` over a translated copy, and the positions of flagged tokens one
# ``compress``: no Python code runs per token for them.
F_WORD, F_CONTENT, F_FR, F_EN, F_WEAK, F_STRONG, F_LLR_HIGH = 1, 2, 4, 8, 16, 32, 64
F_RARE_SYN, F_RARE_WORD, F_CHECKED, F_TRIGGER, F_BREAK = 128, 256, 512, 1024, 2048
F_RARE = F_RARE_SYN | F_RARE_WORD
_FLAGS: tuple[int, ...] = (
    F_WORD, F_CONTENT, F_FR, F_EN, F_WEAK, F_STRONG, F_LLR_HIGH, F_RARE_SYN, F_RARE_WORD,
    F_CHECKED, F_TRIGGER, F_RARE,
)
#: The code of the line break token (the paragraph separator).
CODE_BREAK = 0
_CODE_FLAGS: list[int] = [F_BREAK]  # code -> flags
_CODE_OF: dict[int, int] = {F_BREAK: CODE_BREAK}  # flags -> code
#: flag -> translation table: code -> 1 when the code has the flag, else 0 (a new code
#: sets its own byte in each table)
_TABLES: dict[int, bytearray] = {f: bytearray(256) for f in _FLAGS}
_CODE_LOCK = threading.Lock()


def _code(flags: int) -> int:
    """The one-byte code of a set of count flags (registered on first use).

    >>> _CODE_FLAGS[_code(F_WORD | F_FR)] == F_WORD | F_FR
    True
    """
    code = _CODE_OF.get(flags)
    if code is None:
        with _CODE_LOCK:
            code = _CODE_OF.get(flags)
            if code is None:
                code = len(_CODE_FLAGS)
                if code > 255:  # pragma: no cover - about 150 combinations exist
                    raise RuntimeError("too many token flag combinations for one byte")
                _CODE_FLAGS.append(flags)
                for f in _FLAGS:
                    _TABLES[f][code] = 1 if flags & f else 0
                _CODE_OF[flags] = code
    return code


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


#: The lexicon's reading masks that the token facts test, as one tuple of ints (filled on
#: first use by ``_reading_masks``): a local unpacking instead of a dictionary lookup each.
_MASKS: list[tuple[int, ...]] = []
#: ``10 * ZIPF_H_MUET_SURE``, in the packed entry's units.
_ZIPF10_H_MUET_SURE = 10 * ZIPF_H_MUET_SURE


def _reading_masks() -> tuple[int, ...]:
    """``(N, A, V, NP, NS, NM, NF, AM, AF, HASP, VPPR, verb-like)`` masks of the lexicon
    (``Lexicon.masks``; verb-like is V | PREP | ADV | OTHER), computed once.

    >>> _reading_masks()[0] == get_lexicon().masks["N"]
    True
    """
    if not _MASKS:
        m = get_lexicon().masks
        _MASKS.append(
            (
                *(m[k] for k in ("N", "A", "V", "NP", "NS", "NM", "NF", "AM", "AF", "HASP")),
                m["VPPR"],
                m["V"] | m["PREP"] | m["ADV"] | m["OTHER"],
            )
        )
    return _MASKS[0]


#: ``_reading_roles`` by the reading bits of a packed lexicon entry (``p & _ROLE_BITS``):
#: the noun/adjective tests of ``_grammar_bits`` read no other bit of the entry, and news
#: text holds a few hundred distinct combinations among its thousands of word types
#: (171 lower-case ones on the benchmark corpus; round 37).
_ROLES_OF: dict[int, tuple[int, int, int, int, int]] = {}


#: ``p``'s bits that ``_reading_roles`` reads (filled on first use by ``_role_mask``).
_ROLE_MASK: list[int] = []


def _role_mask() -> int:
    """The bits of a packed entry ``_reading_roles`` reads: N, A, NP, NS, NM, NF, AM, AF and
    the verb-like readings (``_reading_masks``), computed once.

    >>> _role_mask() & _reading_masks()[0] == _reading_masks()[0]
    True
    """
    if not _ROLE_MASK:
        m_n, m_a, _m_verb, m_np, m_ns, m_nm, m_nf, m_am, m_af, _hasp, _vppr, m_v = (
            _reading_masks()
        )
        _ROLE_MASK.append(m_n | m_a | m_np | m_ns | m_nm | m_nf | m_am | m_af | m_v)
    return _ROLE_MASK[0]


def _reading_roles(key: int, masks: tuple[int, ...]) -> tuple[int, int, int, int, int]:
    """What the readings ``key``  alone decide in ``_grammar_bits``:
    ``(lower_role, plural_noun, singular_noun, plural_only, noun_need)`` (``key`` is
    ``p & _role_mask()``).

    ``lower_role``: the gender roles of a noun-only or adjective-only lower-case word
    (``R_FEM_NOUN``, ``R_MASC_NOUN``, ``R_ADJECTIVE``, ``R_FEM_ADJ``, ``R_MASC_ADJ``);
    ``plural_noun`` / ``singular_noun``: ``R_PLURAL_NOUN`` / ``R_SINGULAR_NOUN`` when the
    word's spelling also allows it (its last letter, not a function word), else 0;
    ``plural_only``: ``R_PLURAL_ONLY`` for a plural-only reading (alphabetic words);
    ``noun_need``: a lower-case trigger noun's need of an agreeing adjective. Memoised in
    ``_ROLES_OF``.

    >>> m = _reading_masks()
    >>> _reading_roles(m[0] | m[5], m)[0] == R_MASC_NOUN
    True
    """
    m_n, m_a, _m_verb, m_np, m_ns, _m_nm, _m_nf, m_am, m_af, _hasp, _vppr, m_v = masks
    role = plural = singular = need = 0
    if key & m_n and not key & (m_v | m_a):
        lex_masks = get_lexicon().masks
        if gender_clash("m", key, lex_masks):  # a feminine-only noun
            role |= R_FEM_NOUN
            need |= R_MASC_ADJ
        if gender_clash("f", key, lex_masks):  # a masculine-only noun
            role |= R_MASC_NOUN
            need |= R_FEM_ADJ
        if key & m_np and not key & m_ns:
            plural = R_PLURAL_NOUN
        if key & m_ns and not key & m_np:
            singular = R_SINGULAR_NOUN
    if key & m_a and not key & m_n:
        role |= R_ADJECTIVE
        if not key & m_v:
            am, af = bool(key & m_am), bool(key & m_af)
            if af and not am:
                role |= R_FEM_ADJ
            if am and not af:
                role |= R_MASC_ADJ
    plural_only = R_PLURAL_ONLY if key & m_np and not key & m_ns else 0
    out = _ROLES_OF[key] = (role, plural, singular, plural_only, need)
    return out


def _grammar_bits(
    t: str, low: str, p: int, trig: bool, masks: tuple[int, ...] | None = None
) -> tuple[int, int]:
    """``(need, role)`` of one token for the grammar pre-filter (see ``R_*``).

    Runs once per new token type (``_new_token_info``, which passes ``masks``, the
    lexicon's ``_reading_masks()``); what the entry's readings alone decide is read from
    ``_reading_roles``.

    >>> need, _ = _grammar_bits("l’", "l’", 0, True)
    >>> _, role = _grammar_bits("fonction", "fonction", get_lexicon().packed("fonction"), False)
    >>> bool(need & role)
    True
    """
    if masks is None:
        masks = _reading_masks()
    m_hasp = masks[9]
    key = p & (_ROLE_MASK[0] if _ROLE_MASK else _role_mask())
    roles = _ROLES_OF.get(key)
    if roles is None:
        roles = _reading_roles(key, masks)
    c0 = t[:1]
    lower, alpha = c0.islower(), c0.isalpha()
    acronym = len(t) > 1 and t.isupper()  # _is_acronym
    l0 = low[:1]
    vowel = l0 in VOWELS and l0 != "y"  # _starts_with_vowel
    role = 0 if low.rstrip("'’") in AFIN_FOLLOWERS else R_NOT_AFIN_FOLLOWER
    if low == "le" or low == "les":
        role |= R_LE_LES
    if alpha and not acronym and l0 != "y" and len(t) > 1:
        if l0 == "h":
            if p & m_hasp and lower and low not in H_MUET:
                role |= R_ELIDED_CLASH
        elif not c0.isupper() and not vowel:
            role |= R_ELIDED_CLASH
    if alpha:
        role |= roles[3]
    if lower:
        if (
            low not in NO_ELISION_BEFORE
            and not acronym
            and (
                vowel
                or (
                    l0 == "h"
                    and (not p & m_hasp or low in H_MUET)
                    and (p & ZIPF_MASK) >= _ZIPF10_H_MUET_SURE
                )
            )
        ):
            role |= R_WANTS_ELISION
        role |= roles[0]
        if roles[1] and low[-1] in "sx":
            role |= R_PLURAL_NOUN
        if roles[2] and low not in FUNCTION_WORDS and low[-1] not in "sxz":
            role |= R_SINGULAR_NOUN
    if not trig:
        return 0, role
    if low[-1:] in "'’" and len(low) > 1:
        return (R_ELIDED_CLASH if low[:-1] in CLITICS else 0), role
    need = 0
    if low in ELIDABLE and not acronym:
        need |= R_WANTS_ELISION
    if low == "de" or low == "à":
        need |= R_LE_LES
    g = DET_GENDER.get(low)
    if g is not None:
        need |= R_ADJECTIVE
        if g == "m":
            need |= R_FEM_NOUN
        elif g == "f":
            need |= R_MASC_NOUN
        if low != "le" and low != "la" and low in DET_SINGULAR:
            need |= R_PLURAL_NOUN
        if low in POSSESSIVE_BEFORE_VOWEL or low in DEMONSTRATIVE_BEFORE_VOWEL:
            need |= R_WANTS_ELISION
        elif low in DEMONSTRATIVE_BEFORE_CONSONANT:
            need |= R_ELIDED_CLASH
        return need, role
    if low in DET_PLURAL or low in NUMERALS:
        return need | R_SINGULAR_NOUN, role
    if lower:
        need |= roles[4]
    if low == "afin":
        need |= R_NOT_AFIN_FOLLOWER
    if low == "double":
        need |= R_PLURAL_ONLY
    return need, role


def _token_info(t: str) -> tuple:
    """(low, packed, class, kind, trigger, stop_fr, stop_en, content_stats, pos_checked, ctx,
    code, gap, low_zipf, llr, rare, need, role).

    ``content_stats`` is ``(low_zipf, gap, weak, strong, rare_synonym, rare_word, llr)`` for
    content words, else ``None``; ``trigger`` marks tokens a grammar detector starts from;
    ``pos_checked`` marks content words whose context fit is measured (not common words,
    not field vocabulary below ZIPF_RARE_WORD or unknown,
    not present participles); ``ctx`` is the token's collocation-table entry or ``None``.
    The rest is the same facts laid out for whole-block passes: ``code`` is the one-byte
    code of the token's count flags (``F_*``), ``gap``/``low_zipf``/``llr`` are the
    content word's terms of the running sums (0.0 for other tokens), ``rare`` a ``RARE_*``
    code, ``need``/``role`` the grammar pre-filter bits (``R_*``).

    >>> _token_info("afin")[4], _token_info("\\n")[3] == KIND_BREAK
    (True, True)
    """
    info = _INFO.get(t)
    if info is not None:
        return info
    info = _new_token_info(t)
    if len(_INFO) >= _INFO_MAX:
        _INFO.clear()
    _INFO[t] = info
    return info


#: ``_token_info("\n")``: the line break has no lexicon entry, class "BOS", no grammar need.
_BREAK_INFO = (
    "\n", 0, "BOS", KIND_BREAK, False, False, False, None, False, None,
    CODE_BREAK, 0.0, 0.0, 0.0, RARE_NONE, 0,
    0 if "\n" in AFIN_FOLLOWERS else R_NOT_AFIN_FOLLOWER,
)
#: What ``_new_token_info`` reads on every call, gathered once (``_fact_env``): the lexicon's
#: ``words.get``, its reading masks and, taken out of them once, the four masks the function
#: itself tests (N, A, V, VPPR). (Not the collocation switch: ``tools/spin`` turns
#: ``_COLLOCATION`` on and off at run time, so it is read on each call.)
_FACT_ENV: list[tuple] = []


def _fact_env() -> tuple:
    """``(words.get, reading masks, N, A, V, VPPR)`` for ``_new_token_info``, built once.

    >>> env = _fact_env()
    >>> env[2:] == tuple(get_lexicon().masks[k] for k in ("N", "A", "V", "VPPR"))
    True
    """
    if not _FACT_ENV:
        masks = _reading_masks()
        _FACT_ENV.append((get_lexicon().words.get, masks, *masks[:3], masks[10]))
    return _FACT_ENV[0]


def _new_token_info(t: str) -> tuple:
    """``_token_info`` of a token type not cached yet: its class (``word_class``'s tests),
    kind, content-word stats and flag code written out in one function (the cold pass over
    new documents computes this for every new word), then the grammar pre-filter bits
    (``_grammar_bits``, one call: round 26 removed its 45-line copy here).
    ``tests/test_perf19.py`` checks it equals its readable reference
    (``token_facts_reference`` + ``_grammar_bits`` + the flag code, the former
    ``_token_info``) on every token type of the development corpus and on generated ones.

    >>> _new_token_info("afin")[4], _new_token_info("\\n")[3] == KIND_BREAK
    (True, True)
    """
    get, masks, m_n, m_a, m_verb, m_vppr = _FACT_ENV[0] if _FACT_ENV else _fact_env()
    low = t.lower()
    c0 = t[0]
    if t == "\n":
        return _BREAK_INFO
    p = get(low, 0)
    lower = c0.islower()
    stats = None
    kind = KIND_WORD
    pos_checked = False
    gap = lowz = llr = 0.0
    rare = RARE_NONE
    if not c0.isalnum():
        # word_class of a punctuation token
        cls = "w:" + low[:-1] + "'" if c0 in "'’" else "p:" + c0
        kind = KIND_PUNCT
        trig = fr = en = False
        flags = 0
        ctx = None
    else:
        l_last = low[-1]
        if l_last in "'’":
            cls = "w:" + low[:-1] + "'"
        elif c0.isdigit():
            cls = "NUM"
        elif low in FUNCTION_WORDS:
            cls = "w:" + low
        elif c0.isupper() and not p:
            cls = "PROPN"
        else:
            cls = reading_class(p)
        trig = (
            (l_last in "'’" and len(low) > 1)
            or low in TRIGGERS
            or bool(p & m_n and not p & (m_a | m_verb) and lower)
        )
        if lower and len(low) >= MIN_CONTENT_LEN and low not in FUNCTION_WORDS and low.isalpha():
            kind = KIND_CONTENT
            z = (p & ZIPF_MASK) / 10
            pos_checked = (
                ZIPF_RARE_WORD <= z < ZIPF_POS_COMMON and not p & m_vppr and low not in NUMERALS
            )
            g = (p >> GAP_SHIFT) & ZIPF_MASK
            gap = (g - GAP_OFFSET) / 10 if g else 0.0
            noun_adj = bool(p & (m_n | m_a))
            syn_ok = noun_adj and bool(g) and z >= ZIPF_RARE_WORD
            rare_syn = syn_ok and gap >= GAP_RARE_SYNONYM and z < ZIPF_RARE_SYNONYM
            weak = int(syn_ok and gap >= GAP_WEAK_SYNONYM and z < ZIPF_WEAK_SYNONYM)
            strong = int(syn_ok and gap >= GAP_STRONG_SYNONYM and z < ZIPF_STRONG_SYNONYM)
            rare_word = (not rare_syn) and bool(p) and z < ZIPF_RARE_WORD and noun_adj
            llr = _LLR_OF.get(p & PROFILE_BITS)
            if llr is None:
                llr = _llr_of(p)
            # ``max(0.0, v)`` without a call: ``v`` when above 0.0, else the 0.0 itself
            lowz = 4.0 - z if p and z < 4.0 else 0.0
            gap = gap if gap > 0.0 else 0.0
            stats = (lowz, gap, weak, strong, rare_syn, rare_word, llr)
        fr = low in STOP_FR
        en = low in STOP_EN
        flags = F_WORD | (F_FR if fr else F_EN if en else 0)
        if stats is not None:
            flags |= F_CONTENT
            if weak:
                flags |= F_WEAK
            if strong:
                flags |= F_STRONG
            if llr > LLR_HIGH:
                flags |= F_LLR_HIGH
            if rare_syn:
                rare = RARE_SYNONYM
                flags |= F_RARE_SYN
            elif rare_word:
                rare = RARE_WORD
                flags |= F_RARE_WORD
        if pos_checked:
            flags |= F_CHECKED
        ctx = (
            get_context_table().entry(t)
            if len(t) >= MIN_COLLOCATION_LEN
            and (_COLLOCATION[0] if _COLLOCATION else collocation_enabled())
            else None
        )
    need, role = _grammar_bits(t, low, p, trig, masks)
    if need:
        flags |= F_TRIGGER
    code = _CODE_OF.get(flags)
    if code is None:
        code = _code(flags)
    return (low, p, cls, kind, trig, fr, en, stats, pos_checked, ctx,
            code, gap, lowz, llr, rare, need, role)


#: ``substitute_llr`` by the bits of a packed lexicon entry its profile reads
#: (``p & PROFILE_BITS``: 13 k keys over the lexicon's 34 k distinct entries, so a new word
#: often finds its value memoised under another word's entry; perf21).
_LLR_OF: dict[int, float] = {}


def _llr_of(p: int) -> float:
    """``substitute_llr(p)``, memoised by ``p & PROFILE_BITS`` (the profile's bins cost more
    than the lookup; ``profile_of`` reads no other bit).

    >>> _llr_of(0) == substitute_llr(0)
    True
    """
    key = p & PROFILE_BITS
    v = _LLR_OF.get(key)
    if v is None:
        v = _LLR_OF[key] = substitute_llr(key)
    return v


def _infos(toks: list[str], known_new: bool = False) -> list[tuple]:
    """``_token_info`` of every token (cached ones by one C-level ``map``).

    With new token types, their facts are computed first (each once, in order of first
    occurrence), then the whole list is one ``map`` again: no Python code runs per token.

    ``known_new``: the caller knows some type is new (``cached_infos`` failed), so the first
    ``map``, which would stop at that type, is skipped.

    >>> [i[I_LOW] for i in _infos(["Le", "Xyzzyq", "le", "Xyzzyq"])]
    ['le', 'xyzzyq', 'le', 'xyzzyq']
    """
    if not known_new:
        try:
            return list(map(_INFO.__getitem__, toks))
        except KeyError:
            pass
    info, new = _INFO, _new_token_info  # (``_token_info`` of a type known to be new)
    for t in filterfalse(info.__contains__, dict.fromkeys(toks)):
        if len(info) >= _INFO_MAX:
            info.clear()
        info[t] = new(t)
    try:
        return list(map(_INFO.__getitem__, toks))
    except KeyError:  # the bounded cache was emptied while the new types were added
        return [_INFO.get(t) or _token_info(t) for t in toks]


#: Python before 3.12 adds floats left to right in ``sum`` (as the per-token ``+=`` did);
#: later versions compensate rounding, so the running sums use ``reduce`` there.
if sys.version_info < (3, 12):
    _seq_sum = sum
else:  # pragma: no cover - depends on the interpreter

    def _seq_sum(values, start: float) -> float:
        """Left-to-right float sum (what ``x += v`` in a loop gives)."""
        return reduce(add, values, start)


class _Column:
    """``column[i]`` is ``rows[i][k]`` (a lazy view: detectors read a few cells only)."""

    __slots__ = ("k", "rows")

    def __init__(self, rows: list[tuple], k: int) -> None:
        self.rows, self.k = rows, k

    def __getitem__(self, i: int):
        return self.rows[i][self.k]


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


def set_collocation(on: bool | None) -> None:
    """Turn the collocation feature on (``True``) or off for this process, or back to what
    the shipped model says (``None``), and forget the per-type facts :data:`_INFO` holds: each
    keeps the collocation-table entry read under the setting it was made with (the fits of
    ``tools/spin`` turn the feature on; flipping ``_COLLOCATION`` alone left facts of the other
    setting in the cache, audit20)."""
    _COLLOCATION[:] = [] if on is None else [bool(on)]
    _INFO.clear()


_get_code = itemgetter(I_CODE)
_get_gap = itemgetter(I_GAP)
_get_lowz = itemgetter(I_LOWZ)
_get_llr = itemgetter(I_LLR)
_get_class = itemgetter(I_CLASS)
_get_trigger = itemgetter(I_TRIGGER)
_get_need = itemgetter(I_NEED)
_get_role = itemgetter(I_ROLE)
#: Sub-order of first-pass hits emitted at the same token (as the per-token loop emitted them).
_ORDER_POS, _ORDER_COLL_LEFT, _ORDER_COLL_RIGHT, _ORDER_RARE = 0, 1, 2, 3


#: A text is scanned in blocks of about this many characters, each cut right after a line
#: break (a single longer line is one block): memory follows the block, not the text.
BLOCK_CHARS = 1 << 14


class ParagraphScan(NamedTuple):
    """One paragraph's counts and hits; hits index the paragraph's own tokens."""

    counts: ParagraphCounts
    pieces: list[str] | None  # with hits: the paragraph's tokens and the whitespace
    # between them (token k is pieces[2k]; see ``TokenSpans``); None without hits
    first_hits: list[Hit]  # context misfits, collocations, rare words (emission order)
    grammar_hits: list[Hit]
    base: int  # index of the paragraph's first token among all tokens of the text
    rare_forms: list[str]  # lower-cased word of each rare-word hit, in order


class TokenSpans:
    """Character spans of tokens ``first..last`` of a paragraph starting at ``start`` whose
    tokens and separators are ``pieces`` (``ParagraphScan.pieces``), for many hits in linear
    time (joining the pieces again for each hit was quadratic on a megabyte paragraph).

    Hits come in token order, so the lengths are added up from where the previous hit
    ended (``_i``: the pieces counted so far, ``_off``: their length), each piece once;
    a hit that starts before the previous one ended (two views of one slip) switches to
    the prefix sums of all the piece lengths, built then, once.

    >>> spans = TokenSpans(["Le", " ", "site", "  ", "est"], 10)
    >>> spans(1, 2), spans(0, 0), spans(2, 2)
    ((13, 22), (10, 12), (19, 22))
    """

    __slots__ = ("_ends", "_i", "_off", "_pieces", "_start")

    def __init__(self, pieces: list[str], start: int) -> None:
        self._pieces, self._start, self._ends = pieces, start, None
        self._i = self._off = 0

    def __call__(self, first: int, last: int) -> tuple[int, int]:
        ends = self._ends
        if ends is None:
            a = 2 * first  # token ``first`` is piece ``a``
            i = self._i
            if a >= i:
                pieces = self._pieces
                b = 2 * last + 1  # the piece after token ``last``
                off = self._off + sum(map(len, pieces[i:a])) if a > i else self._off
                end = off + sum(map(len, pieces[a:b]))
                self._i, self._off = b, end
                start = self._start
                return start + off, start + end
            ends = self._ends = list(itertools.accumulate(map(len, self._pieces)))
        b = self._start + (ends[2 * first - 1] if first else 0)
        return b, self._start + ends[2 * last]


class BlockTokens(NamedTuple):
    """A block's tokens (``_split_tokens``), their facts (``_token_info``) and flag codes."""

    parts: list[str]  # separator, token, separator, …, separator
    toks: list[str]
    infos: list[tuple]
    codes: bytes


def block_tokens(
    block: str, parts: list[str] | None = None, known_new: bool = False
) -> BlockTokens:
    """Tokenise ``block`` and look every token up (one ``split``, one ``map``).
    ``parts``: ``_split_tokens(block)``, when the caller has it already; ``known_new``:
    some token's facts are known not to be cached (see ``_infos``).

    >>> bt = block_tokens("Le site.")
    >>> bt.toks, block_word_counts(bt.codes)
    (['Le', 'site', '.'], (2, 1, 0))
    """
    if parts is None:
        parts = _split_tokens(block)
    toks = parts[1::2]
    infos = _infos(toks, known_new) if toks else []
    return BlockTokens(parts, toks, infos, bytes(map(_get_code, infos)))


def cached_infos(toks: list[str]) -> list[tuple] | None:
    """``_infos(toks)`` when every token's facts are cached already, else None (nothing
    is looked up in the lexicon).

    >>> cached_infos(["une-forme-jamais-vue-xq"]) is None
    True
    """
    try:
        return list(map(_INFO.__getitem__, toks))
    except KeyError:
        return None


def light_word_counts(toks: list[str]) -> tuple[int, int, int]:
    """``block_word_counts`` of the codes of ``toks``, computed without the token facts:
    no lexicon, no ``_token_info`` per new token type. A text that is then not scored
    (too short, not French: an English page full of words never seen) costs a loop over
    its tokens instead of the facts of every new word (and, in a new process, the
    lexicon's load). The same tests as ``_token_info``: a word is a
    token whose first character is alphanumeric (``"\\n"`` is not), a French function
    word is in ``STOP_FR``, another language's in ``STOP_EN`` (and not in ``STOP_FR``).

    >>> light_word_counts(["The", "cat", "and", "le", "chat", ",", "\\n"])
    (5, 1, 2)
    >>> light_word_counts(["The", "cat", "and", "le", "chat", ",", "\\n"]) == block_word_counts(
    ...     block_tokens("The cat and le chat ,\\n").codes)
    True
    """
    # every function word begins with a letter and lower-casing keeps a character's class,
    # so the function-word counts need no word test (all in C, no loop per token)
    lows = list(map(str.lower, toks))
    return (
        sum(map(str.isalnum, map(_first_char, toks))),
        sum(map(STOP_FR.__contains__, lows)),
        sum(map(_STOP_EN_ONLY.__contains__, lows)),
    )


_first_char = itemgetter(0)
#: ``STOP_EN`` words that are not French function words (``F_EN`` is only set without ``F_FR``).
_STOP_EN_ONLY = STOP_EN - STOP_FR


def block_word_counts(codes: bytes) -> tuple[int, int, int]:
    """``(words, French function words, other languages' function words)`` of a block's
    codes: the sums of its paragraphs' ``n_words``, ``n_fr`` and ``n_en``."""
    t = _TABLES
    return (
        codes.translate(t[F_WORD]).count(1),
        codes.translate(t[F_FR]).count(1),
        codes.translate(t[F_EN]).count(1),
    )


def text_blocks(text: str, size: int = BLOCK_CHARS) -> Iterator[tuple[int, str]]:
    """``(offset, block)``: ``text`` in pieces of at least ``size`` characters that end
    right after a line break (the last piece ends with the text).

    >>> list(text_blocks("ab\\ncd\\nef", 2))
    [(0, 'ab\\n'), (3, 'cd\\n'), (6, 'ef')]
    """
    i, n = 0, len(text)
    while i < n:
        j = text.find("\n", i + size - 1) if n - i > size else -1
        if j < 0:
            yield i, text[i:] if i else text
            return
        yield i, text[i : j + 1]
        i = j + 1


def scan_text(
    text: str, every_trigger: bool = False, first_block: BlockTokens | None = None
) -> Iterator[ParagraphScan]:
    """Counts and hits of every paragraph (line with a token) of ``text``, in order.

    Rarity counts include every rare word (dropping repeated terms is document-wide:
    see ``repeated_forms``). ``every_trigger`` runs the grammar detectors on every
    trigger token instead of only where the next word can make one fire (the reference
    path the tests compare with). ``first_block``: ``block_tokens(text)``, when the caller
    has it already (used when ``text`` is one block).
    """
    if first_block is not None and len(text) <= BLOCK_CHARS:
        yield from _scan_block(text, 0, 0, every_trigger, first_block)[0]
        return
    base = 0
    for offset, block in text_blocks(text, BLOCK_CHARS):
        out, n = _scan_block(block, offset, base, every_trigger, block_tokens(block))
        yield from out
        base += n


def _scan_block(
    block: str, offset: int, base: int, every_trigger: bool, bt: BlockTokens
) -> tuple[list[ParagraphScan], int]:
    """The paragraphs of one block and its number of tokens.

    Everything per token runs in C over the whole block (``split``, one ``map`` over the
    token cache, the byte codes of the tokens and their translations); Python code only
    visits paragraphs, the content words whose context is checked, the rare words and the
    grammar triggers.
    """
    parts, toks, infos, codes = bt
    n = len(toks)
    if not n:
        return [], 0
    tables = _TABLES
    has = {f: codes.translate(tables[f]) for f in _FLAGS}
    # each token's next token's facts (``_EDGE`` after the last): a list copy, so that
    # ``compress`` picks the neighbours of flagged tokens without an iterator chain
    after = infos[1:]
    after += _EDGE
    events = _context_events(toks, infos, has, after)
    if every_trigger:
        cand = list(compress(range(n), map(_get_trigger, infos)))
    else:
        cand = _candidates(has[F_TRIGGER], infos, after)
    grammar = _grammar(cand, toks, infos) if cand else []
    w_word, w_content, w_fr, w_en = has[F_WORD], has[F_CONTENT], has[F_FR], has[F_EN]
    w_weak, w_strong, w_llr = has[F_WEAK], has[F_STRONG], has[F_LLR_HIGH]
    w_rs, w_rw = has[F_RARE_SYN], has[F_RARE_WORD]
    # the content words' terms of the running sums, for the whole block
    cont = list(compress(infos, w_content))
    gaps = list(map(_get_gap, cont))
    lowzs = list(map(_get_lowz, cont))
    llrs = list(map(_get_llr, cont))
    seq_sum = _seq_sum
    out: list[ParagraphScan] = []
    ev = gr = 0  # next event, next grammar hit
    n_ev, n_gr = len(events), len(grammar)
    a = c0 = 0  # first token, first content word of the paragraph
    line_start = offset
    find = codes.find
    for line in block.split("\n"):
        b = find(CODE_BREAK, a)
        if b < 0:
            b = n
        if b > a:
            n_content = w_content.count(1, a, b)
            if n_content:
                c1 = c0 + n_content
                pc = ParagraphCounts(
                    line_start + len(line) - len(line.lstrip()),
                    line_start + len(line.rstrip()),
                    w_word.count(1, a, b),
                    n_content,
                    w_fr.count(1, a, b),
                    w_en.count(1, a, b),
                    # in token order, as the per-token loop added them (the other
                    # tokens add 0.0, which changes nothing)
                    seq_sum(gaps[c0:c1], 0.0),
                    seq_sum(lowzs[c0:c1], 0.0),
                    w_weak.count(1, a, b),
                    w_strong.count(1, a, b),
                    0,
                    0.0,
                    seq_sum(llrs[c0:c1], 0.0),
                    w_llr.count(1, a, b),
                    0,
                    0,
                    {
                        "elision": 0,
                        "contraction": 0,
                        "gender_agreement": 0,
                        "number_agreement": 0,
                        "adjective_agreement": 0,
                        "function_word": 0,
                        "rare_synonym": w_rs.count(1, a, b),
                        "rare_word": w_rw.count(1, a, b),
                    },
                )
                c0 = c1
            else:
                pc = ParagraphCounts(
                    line_start + len(line) - len(line.lstrip()),
                    line_start + len(line.rstrip()),
                    w_word.count(1, a, b),
                    0,
                    w_fr.count(1, a, b),
                    w_en.count(1, a, b),
                )
            first: list[Hit] = []
            forms: list[str] = []
            if ev < n_ev and events[ev][0] < b:
                n_misfit = 0
                misfit_sum = 0.0
                n_cc = n_cm = 0
                while ev < n_ev and events[ev][0] < b:
                    i, kind, value, h = events[ev]
                    ev += 1
                    if kind == _EV_MISFIT:
                        misfit_sum -= value
                        if value < POS_MISFIT:
                            n_misfit += 1
                    elif kind == _EV_PAIR:
                        n_cc += 1
                    else:
                        forms.append(infos[i][I_LOW])
                    if h is not None:
                        if kind == _EV_PAIR:
                            n_cm += 1
                        first.append(Hit(h[0], h[1] - a, h[2] - a, h[3]))
                pc.n_pos_misfit, pc.pos_misfit_sum = n_misfit, misfit_sum
                pc.n_coll_checks, pc.n_coll_miss = n_cc, n_cm
            gh: list[Hit] = []
            if gr < n_gr and grammar[gr].first < b:
                counts = pc.counts
                while gr < n_gr and grammar[gr].first < b:
                    h = grammar[gr]
                    gr += 1
                    if h.counted:
                        counts[h.signal] += 1
                    gh.append(Hit(h[0], h[1] - a, h[2] - a, h[3], h[4]))
            pieces = parts[2 * a + 1 : 2 * b] if first or gh else None
            out.append(ParagraphScan(pc, pieces, first, gh, base + a, forms))
        a = b + 1
        line_start += len(line) + 1
    return out, n


#: A stand-in for the token facts beyond either edge of a block: class "BOS", no grammar
#: role (a 1-tuple, to ``chain`` before or after a block's facts).
_EDGE = (tuple("BOS" if k == I_CLASS else 0 if k == I_ROLE else None for k in range(I_ROLE + 1)),)
_event_order = itemgetter(0, 4)


def _candidates(mask: bytes, infos: list[tuple], after: list[tuple] | None = None) -> list[int]:
    """The trigger positions (``mask``: 1 at each trigger) whose next word plays a role the
    trigger needs (``R_*``): only there can a grammar detector fire. All in C: the same
    mask picks the triggers' facts and, from the facts shifted by one (``after``:
    ``infos[1:] + [_EDGE]``, the last token's next word plays no role), their next words'.
    The positions are only enumerated when some trigger fits (in about half the blocks
    of news text none does).

    >>> toks = ["le", "fonction", "."]
    >>> _candidates(bytes(map(bool, map(_get_need, _infos(toks)))), _infos(toks))
    [0]
    """
    if after is None:
        after = [*infos[1:], *_EDGE]
    needs = map(_get_need, compress(infos, mask))
    roles = map(_get_role, compress(after, mask))
    fits = list(map(and_, needs, roles))
    if not any(fits):
        return []
    return list(compress(compress(range(len(infos)), mask), fits))


# kinds of first-pass events: a context misfit (value = fit), a checked word pair
# (collocation; value unused), a rare word
_EV_MISFIT, _EV_PAIR, _EV_RARE = 0, 1, 2


def _fit(key: tuple[str, str, str]) -> float:
    """Context fit of a class triple (0.0 next to an unknown word: "boom", a typo, says
    nothing about the context), memoised in ``_FIT_CACHE``."""
    a, _, b = key
    f = 0.0 if a == "UNK" or b == "UNK" else get_pos_model().fit(*key)
    if len(_FIT_CACHE) < _FIT_CACHE_MAX:
        _FIT_CACHE[key] = f
    return f


def _context_events(
    toks: list[str], infos: list[tuple], has: dict[int, bytes], after: list[tuple]
) -> list[tuple]:
    """First-pass events of a block in the order the per-token loop made them:
    ``(token, kind, value, hit or None)`` sorted by token then sub-order. ``after`` is
    ``infos[1:] + [_EDGE]`` (see ``_candidates``)."""
    n = len(toks)
    events: list[tuple] = []
    mask = has[F_CHECKED]
    if 1 in mask:
        # the classes before, at and after each checked word ("BOS" at either edge): the
        # same byte mask picks them from the token facts shifted by one either way
        before = map(_get_class, compress(chain(_EDGE, infos), mask))
        here = map(_get_class, compress(infos, mask))
        nxt = map(_get_class, compress(after, mask))
        keys = list(zip(before, here, nxt, strict=True))
        fit_cache = _FIT_CACHE
        fits = list(map(fit_cache.get, keys))
        if None in fits:
            fits = [_fit(key) if f is None else f for key, f in zip(keys, fits, strict=True)]
        soft = list(map(POS_MISFIT_SOFT.__gt__, fits))
        # positions only when some fit is a misfit
        chk = list(compress(range(n), mask)) if True in soft else ()
        for k in compress(range(len(soft)), soft):
            i, f = chk[k], fits[k]
            h = None
            if f < POS_MISFIT:
                reason = f"word class unlikely in this context: {_context(toks, i)}"
                h = Hit("pos_context", i, i, reason)
            events.append((i, _EV_MISFIT, f, h, _ORDER_POS))
    if collocation_enabled():
        _collocation_events(toks, infos, events)
    rare = has[F_RARE]
    for i in compress(range(n), rare) if 1 in rare else ():
        if infos[i][I_RARE] == RARE_SYNONYM:
            reason = f"rare synonym where a common word is expected: {toks[i]}"
            h = Hit("rare_synonym", i, i, reason)
        else:
            h = Hit("rare_word", i, i, f"word rare in news text: {toks[i]}")
        events.append((i, _EV_RARE, 0.0, h, _ORDER_RARE))
    if not events:
        return events
    events.sort(key=_event_order)
    return [x[:4] for x in events]


def _collocation_events(toks: list[str], infos: list[tuple], events: list[tuple]) -> None:
    """Adjacent pairs around content words never seen although expected (see ``_context``)."""
    ctab = get_context_table()
    c_check, c_fits = ctab.check, ctab.synonym_fits
    n = len(toks)
    for i in range(n):
        info = infos[i]
        ce = info[I_CTX]
        if info[I_KIND] != KIND_CONTENT or ce is None:
            continue
        # adjacent pairs with a content word: the left pair always, the right pair
        # unless the next word is a content word (it checks that pair itself)
        if i > 0 and infos[i - 1][I_CTX] is not None:
            e = c_check(infos[i - 1][I_CTX], ce)
            h = None
            if e is not None and c_fits(infos[i - 1][I_CTX], ce, True):
                reason = (
                    f"unseen pair where a synonym is usual: {toks[i - 1]} {toks[i]}"
                    f" (about {e:.0f} expected)"
                )
                h = Hit("collocation", i - 1, i, reason)
            events.append((i, _EV_PAIR, 0.0, h, _ORDER_COLL_LEFT))
        j = i + 1
        if j < n and infos[j][I_CTX] is not None and infos[j][I_KIND] != KIND_CONTENT:
            e = c_check(ce, infos[j][I_CTX])
            h = None
            if e is not None and c_fits(infos[j][I_CTX], ce, False):
                reason = (
                    f"unseen pair where a synonym is usual: {toks[i]} {toks[j]}"
                    f" (about {e:.0f} expected)"
                )
                h = Hit("collocation", i, j, reason)
            events.append((i, _EV_PAIR, 0.0, h, _ORDER_COLL_RIGHT))


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
    slips: set[tuple[str, str]] = set()
    for ps in scan_text(text, every_trigger=True):
        pidx = len(paragraphs)
        paragraphs.append(ps.counts)
        base = ps.base
        rare_forms += [(form, pidx) for form in ps.rare_forms]
        first_hits += [h._replace(first=h.first + base, last=h.last + base) for h in ps.first_hits]
        for h in ps.grammar_hits:
            h = h._replace(first=h.first + base, last=h.last + base)
            if h.counted:
                key = slip_key(h.signal, [m.group() for m in matches[h.first : h.last + 1]])
                if key in slips:
                    ps.counts.counts[h.signal] -= 1
                    h = repeated_slip(h)
                slips.add(key)
            grammar_hits.append(h)
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


def _grammar(cand: list[int], toks: list[str], infos: list[tuple]) -> list[Hit]:
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
    lows = _Column(infos, I_LOW)
    packed = _Column(infos, I_PACKED)
    roles = _Column(infos, I_ROLE)

    hits: list[Hit] = []

    def flag(signal: str, i: int, j: int, reason: str) -> None:
        """Record a grammar hit (its paragraph counts it)."""
        hits.append(Hit(signal, i, j, reason))

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
            if w in SPEECH_FOLLOWERS:
                # the schwa deletion of written speech: "J'vous", "c'que", "qu'j'"
                continue
            if foreign_elision(low, w):
                # "rock n’roll": the English "and", no French elision
                continue
            if patois_first_plural(low, w):
                # "J'parlerons iroquois": the peasant speech of stage comedy
                continue
            if w[0] == "h":
                if packed[j] & m_hasp and nt[0].islower() and w not in H_MUET:
                    flag("elision", i, j, f"elided article before an h aspiré: {toks[i]}{nt}")
                continue
            if not _starts_with_vowel(w):
                flag("elision", i, j, f"{_CONSONANT_ELISION}: {toks[i]}{nt}")
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
                # "de est", "que a": an element the scraper dropped, not a spinner's substitute
                and w not in DROPPED_ELEMENT_FOLLOWERS
                # "le umask", "de e2fsck", "me alienum": no French word, so no French elision
                and not unknown_word(packed[j])
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
            if (
                low in POSSESSIVE_BEFORE_VOWEL
                and not _is_acronym(toks[i])
                and _possessive_slip(roles[j], p, m)
            ):
                flag(
                    "gender_agreement",
                    i,
                    j,
                    f"feminine possessive before a vowel: {toks[i]} {toks[j]} "
                    f"({POSSESSIVE_BEFORE_VOWEL[low]} {toks[j]})",
                )
                continue
            right = DEMONSTRATIVE_OTHER_FORM.get(low)
            if right is not None and _demonstrative_slip(low, roles[j], p, m):
                flag(
                    "gender_agreement",
                    i,
                    j,
                    f"demonstrative before the wrong initial: {toks[i]} {toks[j]} "
                    f"({right} {toks[j]})",
                )
                continue
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
            if cut_word(lows[j]):
                continue
            g = DET_GENDER[low]
            if gender_clash(g, p, m):
                # the word right after the possessive decides: "son histoire", "mon amie",
                # "son homélie", "son intéressante famille"
                w1, p1 = lows[i + 1], packed[i + 1]
                if g == "m" and low in VOWEL_MASC_OK and (
                    _starts_with_vowel(w1)
                    or (w1[0] == "h" and (not p1 & m_hasp or w1 in H_MUET))
                ):
                    continue
                flag(
                    "gender_agreement",
                    i,
                    j,
                    f"article gender clash: {toks[i]} {toks[j]} "
                    f"({'feminine' if g == 'm' else 'masculine'})",
                )
            elif low not in ("le", "la") and j == i + 1:
                _number_check(i, j, low, p, lows, toks, flag, m_ns, m_np)
            continue
        if low in DET_PLURAL or low in NUMERALS:
            j = nxt_lower(i)
            if j < 0:
                continue
            p = packed[j]
            w = lows[j]
            if (
                p & m_n
                and not p & m_v
                and singular_only(w, p, m)
                and w not in FUNCTION_WORDS
            ):
                # "les père et mère", "vos nom et prénom": one plural determiner for
                # coordinated singular nouns (legal and administrative French)
                coordinated = j + 1 < n and lows[j + 1] in ("et", "ou")
                if not coordinated and not _is_date(low, w) and not invariable_noun(w):
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
                    if nm != nf and am != af and nm != am and not _coordinated(i, am, lows, j):
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
    if len(hits) > 1:
        hits = one_count_per_slip(hits)
    if hits:
        hits = speech_register(hits, toks, lows)
        hits = literary_register(hits, toks)
    return hits


def _coordinated(i: int, masc_adj: bool, lows, j: int) -> bool:
    """True when the noun at ``i`` follows "et"/"ou" and the adjective at ``j`` is masculine
    plural: it agrees with the coordinated nouns ("hommes et femmes âgés"; spin-fp7, rule 7).

    >>> grammar = lambda t: [h.signal for h in analyse(t).hits if h.signal in SLIP_PRIORITY]
    >>> grammar("Des hommes et femmes âgés."), grammar("Un escabeau régionale.")
    ([], ['adjective_agreement'])
    """
    return masc_adj and i > 0 and lows[i - 1] in ("et", "ou") and lows[j][-1:] in ("s", "x")


_ENDS_APOSTROPHE = operator.methodcaller("endswith", ("'", "’"))


def speech_marks(toks: list[str], lows) -> int:
    """The marks of written speech among ``toks`` (spin-fp7, rule 2): an elided clitic before
    a pronoun, article or clitic (``SPEECH_FOLLOWERS``: "J'vous", "c'que", "qu'j'"), or a
    lower-case word cut by an apostrophe that is neither a clitic nor a standard stem
    ("v’nons", "p'tite"; not the "don'" of "don't").

    >>> toks = ["J'", "vous", "dis", "qu'", "j'", "ai", "vu", "p'", "tit"]
    >>> speech_marks(toks, [t.lower() for t in toks])
    3
    """
    n = len(toks)
    marks = 0
    for k in compress(range(n), map(_ENDS_APOSTROPHE, toks)):
        if k + 1 >= n:
            continue
        stem, after = lows[k][:-1], lows[k + 1]
        if stem in CLITICS:
            if after in SPEECH_FOLLOWERS:
                marks += 1
        elif (
            toks[k][0].islower()
            and stem.isalpha()
            and stem not in STANDARD_APOSTROPHE_STEMS
            and after not in ENGLISH_CONTRACTION_TAILS
        ):
            marks += 1
    return marks


def speech_register(hits: list[Hit], toks: list[str], lows) -> list[Hit]:
    """``hits`` with the counted "elided article before a consonant" hits not counted when
    the block is in the speech register (at least ``SPEECH_REGISTER_MIN_MARKS`` marks of
    written speech, ``speech_marks``): there "j'suis", "m'faire", "d'gros" are the dialogue's
    schwa deletion, not a spinner's slip (spin-fp7, rule 2). Only looks at the tokens when
    such a hit exists.

    >>> t = "J'vous dis qu'j'ai vu l'fonction."
    >>> [(h.signal, h.counted) for h in analyse(t).hits]
    [('elision', False)]
    >>> [(h.signal, h.counted) for h in analyse("Il est prêt à l'fonction.").hits]
    [('elision', True)]
    """
    at = [k for k, h in enumerate(hits) if h.counted and h.reason.startswith(_CONSONANT_ELISION)]
    if not at:
        return hits
    marks = speech_marks(toks, lows)
    if marks < SPEECH_REGISTER_MIN_MARKS:
        return hits
    out = list(hits)
    for k in at:
        h = out[k]
        out[k] = h._replace(
            counted=False,
            reason=f"{h.reason} (speech register: {marks} marks of written speech, not counted)",
        )
    return out


class RegisterMarks(NamedTuple):
    """Marks of the literary register in a block (``register_marks``)."""

    words: int
    verse_starts: int
    speaker_labels: int
    dialogue: int
    narration: int = 0

    def register(self) -> str:
        """What puts the block in the literary register ("" when nothing does).

        >>> RegisterMarks(200, 12, 0, 4).register()
        '12 verse starts'
        >>> RegisterMarks(200, 2, 0, 4).register()
        ''
        >>> RegisterMarks(200, 0, 0, 9, 8).register()
        '17 marks of dialogue and narration in 200 words'
        """
        why = []
        if self._verse():
            why.append(f"{self.verse_starts} verse starts")
        if self._labels():
            why.append(f"{self.speaker_labels} speaker labels")
        if self._dialogue():
            why.append(f"{self.dialogue} marks of dialogue in {self.words} words")
        elif self._prose():
            marks = self.dialogue + self.narration
            why.append(f"{marks} marks of dialogue and narration in {self.words} words")
        return ", ".join(why)

    def allowance(self) -> int:
        """How many slips the register allows for: ``REGISTER_ALLOWANCE`` in verse, a play
        or stage dialogue, ``LITERARY_ALLOWANCE`` when only narration marks put the block in
        the register (literary prose: one slip stays one, the rest count).

        >>> RegisterMarks(200, 12, 0, 4).allowance(), RegisterMarks(200, 0, 0, 9, 8).allowance()
        (2, 1)
        """
        if self._verse() or self._labels() or self._dialogue():
            return REGISTER_ALLOWANCE
        return LITERARY_ALLOWANCE if self._prose() else 0

    def _verse(self) -> bool:
        v = self.verse_starts
        return v >= VERSE_MIN_STARTS and 100 * v >= VERSE_MIN_RATE * max(1, self.words)

    def _labels(self) -> bool:
        return self.speaker_labels >= SPEAKER_MIN_LABELS

    def _dialogue(self) -> bool:
        d = self.dialogue
        return d >= DIALOGUE_MIN_TOKENS and 100 * d >= DIALOGUE_MIN_RATE * max(1, self.words)

    def _prose(self) -> bool:
        """Narration marks (with the dialogue ones) at the literary prose rate."""
        marks = self.dialogue + self.narration
        return bool(self.narration) and marks >= DIALOGUE_MIN_TOKENS and (
            100 * marks >= LITERARY_MIN_RATE * max(1, self.words)
        )


#: The forms a verse start takes: capitalised or upper-case (looked up in C over a block).
_VERSE_START_FORMS = frozenset(
    chain.from_iterable((w[:1].upper() + w[1:], w.upper()) for w in VERSE_START_WORDS)
)
_LABEL_PUNCTUATION = frozenset((".", ":", ",", "-", "—"))
_FIRST_CHAR = itemgetter(0)


def _verse_starts(toks: list[str]) -> int:
    """How many tokens open a line of verse: a capitalised function word of
    ``VERSE_START_WORDS`` right after a comma, a semicolon or a lower-case word, on the
    same line (verses joined into one paragraph) or across a line break."""
    n = 0
    for k in compress(range(len(toks)), map(_VERSE_START_FORMS.__contains__, toks)):
        if not k:
            continue
        p = toks[k - 1]
        if p == "\n" and k >= 2:
            p = toks[k - 2]
        if p in (",", ";") or p[0].islower():
            n += 1
    return n


def _speaker_labels(toks: list[str]) -> int:
    """Lines made of one to ``SPEAKER_LABEL_MAX_WORDS`` upper-case words (two letters or
    more) and punctuation: the speaker labels of a play ("CHIMÈNE.", "LE COMTE :"). Only
    short lines are read."""
    n = 0
    start = 0
    longest = 2 * SPEAKER_LABEL_MAX_WORDS + 2
    for end in chain(compress(range(len(toks)), map("\n".__eq__, toks)), (len(toks),)):
        if 0 < end - start <= longest:
            line = toks[start:end]
            words = [t for t in line if t[0].isalpha()]
            if (
                0 < len(words) <= SPEAKER_LABEL_MAX_WORDS
                and all(len(t) > 1 and t.isupper() for t in words)
                and all(t[0].isalpha() or t in _LABEL_PUNCTUATION for t in line)
            ):
                n += 1
        start = end + 1
    return n


def _narrative_past(low: str, words: dict[str, int], m_vfin: int, m_vinf: int) -> bool:
    """A passé simple or imperfect subjunctive form: listed (``NARRATIVE_PAST``) or a finite
    verb whose ending, swapped for its infinitive's, gives an infinitive ("regarda" ->
    "regarder", "allèrent" -> "aller", "finirent" -> "finir"; not "considèrent", "tirent").

    >>> lex = get_lexicon()
    >>> m = lex.masks
    >>> [w for w in ("regarda", "allèrent", "finirent", "fut", "considèrent", "tirent", "sera",
    ...              "cela", "parla")
    ...  if _narrative_past(w, lex.words, m["VFIN"], m["VINF"])]
    ['regarda', 'allèrent', 'finirent', 'fut', 'parla']
    """
    if low in NARRATIVE_PAST:
        return True
    if len(low) < 4 or low in FUNCTION_WORDS or not words.get(low, 0) & m_vfin:
        return False
    if low.endswith("inrent"):  # vinrent, tinrent, parvinrent: no present tense ends so
        return True
    for end, inf in NARRATIVE_PAST_ENDINGS:
        if low.endswith(end):
            return bool(words.get(low[: -len(end)] + inf, 0) & m_vinf)
    return False


def _inversion(low: str, words: dict[str, int]) -> bool:
    """A verb and its subject pronoun joined by a hyphen ("dit-il", "a-t-on", "voulez-vous"),
    not a compound of the lexicon ("rendez-vous").

    >>> words = get_lexicon().words
    >>> [_inversion(w, words) for w in ("dit-il", "a-t-on", "rendez-vous", "celui-ci")]
    [True, True, False, False]
    """
    head, _, pron = low.rpartition("-")
    return bool(head) and pron in INVERSION_PRONOUNS and head[0].isalpha() and low not in words


#: The endings a narration mark can have (``_narration``'s C-level pre-filter).
_NARRATION_ENDS = (
    "inrent", *(end for end, _inf in NARRATIVE_PAST_ENDINGS),
    *(f"-{p}" for p in INVERSION_PRONOUNS),
)


def _narration(toks: list[str]) -> int:
    """Marks of literary narration among a block's tokens: narrative past forms and
    inversions (lower-case tokens only: a capitalised one opens a sentence or names).
    Each distinct candidate word (listed, or with a ``_NARRATION_ENDS`` ending) is looked up
    once.

    >>> _narration(["Il", "regarda", "la", "mer", ",", "puis", "dit-il", ",", "il", "fut", "là",
    ...             "et", "regarda", "Regarda"])
    4
    """
    lex = get_lexicon()
    words = lex.words
    m_vfin, m_vinf = lex.masks["VFIN"], lex.masks["VINF"]
    lows = list(map(str.lower, compress(toks, map(str.islower, map(_FIRST_CHAR, toks)))))
    good = set(NARRATIVE_PAST.intersection(lows))
    for low in set(filter(methodcaller("endswith", _NARRATION_ENDS), lows)):
        if "-" in low:
            if _inversion(low, words):
                good.add(low)
        elif _narrative_past(low, words, m_vfin, m_vinf):
            good.add(low)
    return sum(map(good.__contains__, lows)) if good else 0


def register_marks(toks: list[str]) -> RegisterMarks:
    """The marks of the literary register among a block's tokens; see ``literary_register``.

    >>> register_marks(_split_tokens(
    ...     "Seigneur, je vous attends , Et vous ne venez pas ; Que dois-je croire enfin ?"
    ... )[1::2])
    RegisterMarks(words=13, verse_starts=2, speaker_labels=0, dialogue=5, narration=1)
    >>> register_marks(["CHIMÈNE", ".", "\\n", "Va", ",", "je", "ne", "te", "hais", "point", "!"])
    RegisterMarks(words=7, verse_starts=0, speaker_labels=1, dialogue=3, narration=0)
    """
    dialogue = sum(map(DIALOGUE_TOKENS.__contains__, map(str.lower, toks)))
    words = sum(map(str.isalpha, map(_FIRST_CHAR, toks)))
    marks = RegisterMarks(words, _verse_starts(toks), _speaker_labels(toks), dialogue)
    if marks.register():  # verse, labels or dialogue decide: narration is not read
        return marks
    return marks._replace(narration=_narration(toks))


def literary_register(hits: list[Hit], toks: list[str]) -> list[Hit]:
    """``hits`` with their first ``REGISTER_ALLOWANCE`` counted grammar hits of
    ``REGISTER_DAMPED`` not counted when the block is in the literary register
    (``RegisterMarks.register``: verse, a play's speaker labels, stage dialogue). There a
    slip or two is old usage ("une amour", "cet appas"), poetic licence ("mes effet"),
    patois ("de les gens") or the edition's misprint ("le vie"), and a spinner's copy of a
    news article has none of these marks; slips beyond the allowance still count (a naive
    spin of a play makes many). Only looks at the tokens when such a hit exists
    (spin-drama8).

    >>> verse = ("Seigneur, voici le jour , Et la amour me fuit ; Que ferai-je , Hélas , "
    ...          "de les gens de la ville , Et mon soeur cruel ! Ah , je vous suis , "
    ...          "Et je ne sais que dire ; Mais le roi vient , Et tout se tait .")
    >>> [(h.signal, h.counted) for h in analyse(verse).hits][:3]
    [('elision', False), ('contraction', False), ('gender_agreement', True)]
    >>> [(h.signal, h.counted) for h in analyse("Le site de la amour de les gens.").hits]
    [('elision', True), ('contraction', True)]
    """
    at = [k for k, h in enumerate(hits) if h.counted and h.signal in REGISTER_DAMPED]
    at = at[:REGISTER_ALLOWANCE]
    if not at:
        return hits
    marks = register_marks(toks)
    why = marks.register()
    if not why:
        return hits
    at = at[: marks.allowance()]
    out = list(hits)
    for k in at:
        h = out[k]
        reason = f"{h.reason} (literary register: {why}, not counted)"
        out[k] = h._replace(counted=False, reason=reason)
    return out


def one_count_per_slip(hits: list[Hit]) -> list[Hit]:
    """Mark all but one hit of each group of overlapping grammar hits as not counted.

    Hits sharing a token (transitively) are one slip: the narrowest one counts (ties:
    ``SLIP_PRIORITY``); the others stay as evidence, with ``counted=False`` and a reason
    naming the counted one. ``hits`` are in token order of their first token.

    >>> hits = analyse("Le projet de le application avance.").hits
    >>> [(h.signal, h.counted) for h in hits]
    [('contraction', False), ('elision', True)]
    >>> hits[0].reason
    'missing contraction: de le application (same slip as the elision evidence, counted once)'
    """
    out: list[Hit] = []
    group: list[Hit] = []
    end = -1
    for h in [*hits, None]:
        if h is not None and group and h.first <= end:
            group.append(h)
            end = max(end, h.last)
            continue
        if len(group) > 1:
            best = min(group, key=lambda g: (g.last - g.first, _SLIP_RANK[g.signal]))
            for g in group:
                if g is not best:
                    reason = f"{g.reason} (same slip as the {best.signal} evidence, counted once)"
                    g = g._replace(counted=False, reason=reason)
                out.append(g)
        else:
            out += group
        if h is not None:
            group, end = [h], h.last
    return out


#: Grammar signals whose repeated slip is keyed by the word before the error (the noun
#: that an adjective disagrees with); the others by the word after it (the noun after
#: the article, the word after the clitic). ``function_word`` hits by their whole text.
_SLIP_KEY_FIRST = frozenset(("adjective_agreement",))
_SLIP_KEY_WHOLE = frozenset(("function_word",))


def slip_key(signal: str, tokens: list[str]) -> tuple[str, str]:
    """The key under which a grammar hit counts once per document (issue 11).

    A writer's own slip repeats with the same word ("la testing" twice, "la dialecte"
    then "cette dialecte", "carte réseau différente" then "réseau existante"), while a
    spinner draws a synonym afresh at each occurrence; so a counted grammar hit whose
    key was already counted earlier in the document counts nowhere (it stays as
    evidence with weight 0, see ``repeated_slip``).

    >>> slip_key("gender_agreement", ["la", "testing"])
    ('gender_agreement', 'testing')
    >>> slip_key("gender_agreement", ["cette", "Testing"])
    ('gender_agreement', 'testing')
    >>> slip_key("adjective_agreement", ["réseau", "différente"])
    ('adjective_agreement', 'réseau')
    """
    if signal in _SLIP_KEY_WHOLE:
        return signal, " ".join(tokens).lower()
    return signal, (tokens[0] if signal in _SLIP_KEY_FIRST else tokens[-1]).lower()


def repeated_slip(h: Hit) -> Hit:
    """``h`` marked as a repetition of a slip already counted in the document.

    >>> repeated_slip(Hit("gender_agreement", 4, 5, "article gender clash: la testing")).counted
    False
    """
    reason = f"{h.reason} (the same slip as earlier in the text, counted once)"
    return h._replace(counted=False, reason=reason)


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


def foreign_elision(clitic: str, word: str) -> bool:
    """True when the elided ``clitic`` before ``word`` is no French elision but a foreign
    phrase (``FOREIGN_AFTER_CLITIC``): the n’ of "rock n’roll" (UD French-GSD: "un groupe de
    rock n'roll parisien"; TRAIN fr-b-0104: "Rock'n'roll de Guillaume Canet"). A spinner's
    "l’fonction" stays a slip.

    >>> foreign_elision("n'", "roll"), foreign_elision("l’", "roll")
    (True, False)
    >>> foreign_elision("n'", "fonction")
    False
    """
    return clitic[:-1] == "n" and word in FOREIGN_AFTER_CLITIC


def patois_first_plural(clitic: str, word: str) -> bool:
    """True for "j’" before a verb in "-ons" (``PATOIS_PLURAL_ENDING``): "je" with the first
    person plural is the peasant speech of stage comedy ("Jarni ! J'parlerons iroquois",
    FreDraCor, Monselet; "J'venons en témoigner notre reconnaissance", dev negatives), written
    with the schwa it drops. A spinner's copy keeps the person of the verb it replaced, so
    "j’possède" for "j’ai" stays a slip.

    >>> patois_first_plural("j'", "parlerons"), patois_first_plural("j’", "venons")
    (True, True)
    >>> patois_first_plural("j’", "possède"), patois_first_plural("l’", "maisons")
    (False, False)
    """
    return clitic[:-1] == "j" and word.endswith(PATOIS_PLURAL_ENDING)


def unknown_word(packed: int) -> bool:
    """True when the lexicon does not know the word at all (``packed`` is 0): a command
    ("le umask", "de e2fsck", "que autoconf"), a Latin or Czech word ("me alienum", "de
    ovocné"), a brand ("la e-208"). French elides before French words only, and a spinner's
    substitute is a French word ("le école" stays a slip; on the development spins the only
    such follower a spinner wrote was "ne épissée"; spinclean53).

    >>> lex = get_lexicon()
    >>> unknown_word(lex.packed("umask")), unknown_word(lex.packed("e2fsck"))
    (True, True)
    >>> unknown_word(lex.packed("école")), unknown_word(lex.packed("entreprise"))
    (False, False)
    """
    return packed == 0


def cut_word(noun: str) -> bool:
    """True when the word after a determiner is too short (``MIN_GENDER_NOUN_LEN``) for its
    gender to be read: a word the page cut ("Un prestataire compétent dans la g", TRAIN
    fr-a-0162; "la f ormation", dev negatives) or a letter's name.

    >>> cut_word("g"), cut_word("an"), cut_word("rapport")
    (True, False, False)
    """
    return len(noun) < MIN_GENDER_NOUN_LEN


def invariable_noun(noun: str) -> bool:
    """True for a noun French never puts in the plural (``INVARIABLE_NOUNS``): "quatorze
    pourcent" (Common Voice French sentences, Assemblée nationale debates), "L’an deux mil
    onze" (TRAIN fr-e-0001, council minutes), "dix mil livres" (old text). "trois
    ministre" stays a number clash.

    >>> invariable_noun("pourcent"), invariable_noun("mil"), invariable_noun("ministre")
    (True, True, False)
    """
    return noun in INVARIABLE_NOUNS


def _is_date(low: str, noun: str) -> bool:
    """A numeral written in letters before a month name is a date, not a number clash.

    >>> _is_date("quatorze", "juillet"), _is_date("trois", "février"), _is_date("les", "juillet")
    (True, True, False)
    >>> _is_date("trois", "trio")
    False
    """
    return noun in MONTH_NAMES and low in NUMERALS


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

"""Load the per-language rule files (``data/<lang>.json``) and stoplists, compiled once.

A rule file holds ``rules`` (each with a ``name``, a ``category``, a human
``reason``, a ``kind`` and regex ``patterns``), ``protect`` patterns (lines
the context rules must never remove: bylines, datelines, source credits)
and ``home_words`` (first crumbs of a breadcrumb). See ``data/fr.json``.

    >>> rs = load_rules(("fr", "en"))
    >>> rs.match_line("Partager :").name
    'share_bar'
    >>> rs.is_protected("Par Claire Le Goff")
    True
"""

from __future__ import annotations

import dataclasses
import json
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from cleannews.config import RULE_LANGUAGES
from cleannews.strip._readmore import TailLinks

__all__ = [
    "RULE_FIELDS",
    "RULE_FLAGS",
    "Rule",
    "RuleSet",
    "check_rule_fields",
    "check_rule_patterns",
    "flagged_rules",
    "load_rules",
    "match_text",
    "rule_categories",
    "start_key",
]

#: Characters mapped before matching (same length, so offsets stay valid).
_WORDS = re.compile(r"\w+")
_MATCH_PAIRS = (("’", "'"), ("\u00a0", " "), ("\u202f", " "), ("\u2009", " "), ("ʼ", "'"))
#: Scan at most this many characters of a line with the phrase rules.
MAX_SCAN_CHARS = 4000
#: Line rules are tried on lines of at most this many words ...
LINE_RULE_MAX_WORDS = 30
#: ... prefix rules on lines of at most this many words.
PREFIX_RULE_MAX_WORDS = 60
#: A read-more label (``continue_labels`` of the data files) glued to the text after it
#: ("Leer Más »Hospital de Caacupé sigue al tope …") leaves a line to the text when that
#: text has at least this many words and more words than the label: the line is then
#: labelled by its larger part (fixtures/strip_real/GUIDELINE.md, rule 5), and no prefix
#: rule takes it for the label (issue 10, round 31).
GLUED_LABEL_MIN_REST_WORDS = 4
#: What may join a read-more label to the text glued after it: an arrow or guillemet
#: right before the text, or nothing (the next character opens the text: a capital, a
#: digit, a quote, "#"); a space after the joiner, a colon or a lower-case letter is no glue.
_GLUE_JOIN = r"(?:\s?(?:[»›→…]|>{1,2}|\.{3}))?(?=(?-i:[\p{Lu}\p{N}#«\"“„¿¡]))"


def match_text(line: str) -> str:
    """The form of a line the rules see: curly apostrophe and no-break spaces made plain.

    >>> match_text("S’abonner\\u00a0:")
    "S'abonner :"
    """
    # one str.replace per character present (much faster than str.translate on long text)
    for a, b in _MATCH_PAIRS:
        if a in line:
            line = line.replace(a, b)
    return line


@dataclass(frozen=True)
class Rule:
    """One rule of a data file."""

    name: str
    category: str
    kind: str
    reason: str
    patterns: tuple[str, ...]
    max_words: int = 30
    takes_next: int = 0
    takes_prev_caption: bool = False
    takes_prev: bool = False
    next_kind: str = "teaser"
    ends_article: bool = False
    weak: bool = False
    yields_to_protect: bool = False
    requires: tuple[str, ...] = ()


_TRAIL_CHARS = " \t\r\n\u00a0\u202f:.!…*•|–—-"
#: What a line or prefix rule's pattern may have before it on the line: spaces, symbols,
#: bullets and dashes (not © or ®, a credit's mark). ``{{`` in a format string.
LINE_LEAD = r"^(?:(?![©®])[\s\p{{So}}\p{{Sk}}•·▪►*–—-])*"
#: What a line rule's pattern may have after it: spaces and trailing punctuation.
LINE_TAIL = r"[\s:.!…*•|–—-]*$"
_LINE_TRIM = regex.compile(r"^(?:(?![©®])[\s\p{So}\p{Sk}•·▪►*–—-])+|[\s:.!…*•|–—-]+$")
_PLAIN = regex.compile(r"^[\p{L}\p{M}0-9 '’,-]+$")


def _is_literal(p: str) -> bool:
    """True for a pattern that is plain text (matched by a dict lookup, not a regex).

    >>> _is_literal("copier le lien"), _is_literal("partagez(?: cet article)?")
    (True, False)
    """
    return bool(_PLAIN.match(p))


def _data_text(name: str) -> str:
    return resources.files("cleannews.strip").joinpath("data", name).read_text("utf-8")


def _word_file(name: str) -> frozenset[str]:
    words: set[str] = set()
    for line in _data_text(name).splitlines():
        if line.startswith("#"):
            continue
        words.update(w.casefold() for w in line.split())
    return frozenset(words)


#: Properties of a rule that other passes look up by the rule's name, set in the rule files
#: as ``"<flag>": true``; each maps to the only rule kind it may be set on (``None``: any).
#: ``context_transparent``: the rule's lines are inline furniture (a photo's caption or
#: credit, a tag page's label) that the context pass does not count as a boilerplate
#: neighbour (``detectors.CONTEXT_TRANSPARENT_RULES``). ``opens_tail``: the rule's whole-line
#: match is the heading of a list of other articles and may open the page's tail
#: (``_zones.TAIL_OPENING_RULES``). ``closes_form``: the rule's line is the last part of a
#: comment form (the WordPress.com account lines): :func:`_zones.comment_form`'s run of short
#: lines under a comment heading stops at it (``_zones.FORM_CLOSING_RULES``). ``after_date``:
#: the span rule's hit counts only after a date line ("May 16, 2024" + "3 min read"): the
#: line's text before it must be a short date (``detectors.DATED_SPAN_RULES``, round 35).
RULE_FLAGS: dict[str, str | None] = {
    "context_transparent": None, "opens_tail": "line", "closes_form": "line",
    "after_date": "span",
}
#: The fields a rule of a rule file may have (``about``, ``example`` and ``note`` are
#: comments); any other field is a typo and fails the load.
RULE_FIELDS = frozenset({
    "name", "category", "kind", "reason", "patterns", "max_words", "takes_next", "next_kind",
    "takes_prev", "takes_prev_caption", "ends_article", "weak", "yields_to_protect",
    "requires", "about", "example", "note", *RULE_FLAGS,
})


def check_rule_fields(rule: dict, where: str) -> None:
    """Raise ``ValueError`` for a rule (a dict of the rule file ``where``) with a field not in
    :data:`RULE_FIELDS`, or a flag of :data:`RULE_FLAGS` that is not ``true``/``false`` or
    is set on a rule of another kind than its own.

    >>> check_rule_fields({"name": "x", "kind": "phrase", "opens_tail": True}, "fr.json")
    Traceback (most recent call last):
    ...
    ValueError: fr.json: rule 'x' sets opens_tail, a flag of line rules only (it is a phrase rule)
    """
    name = rule.get("name", "?")
    check_rule_patterns(rule.get("patterns", ()), where, name)
    unknown = sorted(set(rule) - RULE_FIELDS)
    if unknown:
        raise ValueError(
            f"{where}: rule {name!r} has unknown field(s) {', '.join(unknown)}; the fields of "
            f"a rule are {', '.join(sorted(RULE_FIELDS))}"
        )
    for flag, kind in RULE_FLAGS.items():
        if flag not in rule:
            continue
        if not isinstance(rule[flag], bool):
            raise ValueError(
                f"{where}: rule {name!r}: {flag} is true or false, not {rule[flag]!r}"
            )
        if rule[flag] and kind is not None and rule.get("kind") != kind:
            raise ValueError(
                f"{where}: rule {name!r} sets {flag}, a flag of {kind} rules only "
                f"(it is a {rule.get('kind')} rule)"
            )


def check_rule_patterns(patterns, where: str, name: str) -> None:
    """Raise ``ValueError`` for a pattern of the rule ``name`` (file ``where``) whose top level
    is an alternation ``a|b``: the index and the gates read a pattern's first word and its
    literals as one sequence (:func:`._triggers.first_fragments`, :func:`required_any`), so
    such a pattern was only ever tried for its first alternative. Write ``(?:a|b)`` or one
    pattern per alternative (round 25).

    >>> check_rule_patterns([r"lire aussi", r"(?:a|b)c", r"[|]x", r"\\|y"], "fr.json", "ok")
    >>> check_rule_patterns(["a b|c d"], "fr.json", "x")
    Traceback (most recent call last):
    ...
    ValueError: fr.json: rule 'x': pattern 'a b|c d' has a top-level '|' (only its first \
alternative would be tried); write '(?:a b|c d)' or one pattern per alternative
    """
    from cleannews.strip._triggers import _split_alternatives

    for p in patterns:
        alts = _split_alternatives(p)
        if alts is not None and len(alts) > 1:
            raise ValueError(
                f"{where}: rule {name!r}: pattern {p!r} has a top-level '|' (only its first "
                f"alternative would be tried); write '(?:{p})' or one pattern per alternative"
            )


@lru_cache(maxsize=len(RULE_LANGUAGES))
def _rule_file(lang: str) -> dict:
    """The parsed rule file ``data/<lang>.json``, each rule checked by
    :func:`check_rule_fields` (a bad field names the file and the rule). The one place a
    rule file is read: :func:`load_rules`, :func:`flagged_rules` and the panel phrases of
    ``_credits`` share it (cached; the dict is shared, never change it). A language without a
    file raises ``FileNotFoundError``. Whoever swaps :func:`_data_text` clears this cache and
    :func:`load_rules`'s.

    >>> _rule_file("fr") is _rule_file("fr"), _rule_file("fr")["rules"][0]["kind"] != ""
    (True, True)
    """
    where = f"{lang}.json"
    data = json.loads(_data_text(where))
    for rule in data.get("rules", ()):
        check_rule_fields(rule, where)
    for entry in data.get("protect", ()):
        check_rule_patterns(entry.get("patterns", ()), where, f"protect {entry.get('name', '?')}")
    return data


@lru_cache(maxsize=1)
def _rule_flags() -> dict[str, frozenset[str]]:
    """``{flag: names of the rules that set it}`` over the rule files of every language
    (:func:`_rule_file`, which checks each rule)."""
    names: dict[str, set[str]] = {flag: set() for flag in RULE_FLAGS}
    for lang in RULE_LANGUAGES:
        for rule in _rule_file(lang).get("rules", ()):
            for flag, named in names.items():
                if rule.get(flag):
                    named.add(rule["name"])
    return {flag: frozenset(named) for flag, named in names.items()}


def flagged_rules(flag: str) -> frozenset[str]:
    """The names of the rules, in the rule files of every language, that set ``flag`` (one
    of :data:`RULE_FLAGS`; another name raises ``ValueError``).

    >>> sorted(flagged_rules("opens_tail"))[:2]
    ['more_news_link', 'related_heading_family']
    """
    if flag not in RULE_FLAGS:
        raise ValueError(f"unknown rule flag {flag!r}; the flags are {', '.join(RULE_FLAGS)}")
    return _rule_flags()[flag]


@lru_cache(maxsize=1)
def rule_categories() -> dict[str, str]:
    """``{rule name: its category}`` over the rule files of every language (the kind of
    furniture a removed line is, when a rule of the files took it; detectors' names such as
    ``repeated_block`` are not in it).

    >>> cats = rule_categories()
    >>> cats["comment_widget_line"], cats["ad_label"], "repeated_block" in cats
    ('comments', 'ad', False)
    """
    return {
        rule["name"]: rule["category"]
        for lang in RULE_LANGUAGES
        for rule in _rule_file(lang).get("rules", ())
    }


def removal_category(rule: str) -> str | None:
    """The kind of furniture a removal by ``rule`` took: a data-file rule's ``category``
    (:func:`rule_categories`), else the category of a detector that files its removals under
    one (the prompt lines of ``_widgets``: :data:`~._widgets.PROMPT_CATEGORIES`), else None
    (``repeated_block``, a model). Other passes read it (``detectors._section_heading``), and
    so does ``tools/strip_model/transfer.py`` (a removal's family).

    >>> removal_category("ad_label"), removal_category("comment_prompt_words")
    ('ad', 'comments')
    >>> removal_category("repeated_block") is None
    True
    """
    from cleannews.strip._widgets import PROMPT_CATEGORIES  # _widgets imports this module

    return rule_categories().get(rule) or PROMPT_CATEGORIES.get(rule)


#: Group openers whose body is part of every match when the group is not quantified (not
#: look-arounds: a look-behind's text is not in the match).
_GROUP_OPENERS = ("(?:", "(?>", "(?-i:", "(?i:", "(")


def _longest_literal(p: str) -> str:
    """The longest run of unquantified top-level literal characters of ``p`` ("" if none).

    >>> _longest_literal(r"\\d+ ?next"), _longest_literal(r"\\d+ page"), _longest_literal(r"\\d")
    ('next', ' page', '')
    """
    from cleannews.strip._triggers import LITERAL_CHARS, _top_level_atoms

    atoms = _top_level_atoms(p)
    if atoms is None:
        return ""
    best, cur = "", []
    for lit, quantified in (*atoms, (None, False)):
        if lit is None or quantified or lit not in LITERAL_CHARS:
            if len(cur) > len(best):
                best = "".join(cur)
            cur = []
        else:
            cur.append(lit)
    return best


def _group_alternatives(p: str) -> tuple[str, ...]:
    """Case-folded literals one of which every match of ``p`` holds, read from an
    unquantified top-level group whose every alternative has a literal (the group whose
    shortest literal is longest); () when there is none.

    >>> _group_alternatives(r"(?:\\d{1,4}\\s){1,12}(?:weiter|nächste)(?:\\s*»)?")
    ('ter', 'chste')

    (Only characters of :data:`._triggers.LITERAL_CHARS` count: not ``i`` nor ``ä``.)
    >>> _group_alternatives(r"(?-i:DR)(?<=(?:\\S\\s[-/]\\s?|©\\s?)(?-i:DR))\\s*$")
    ('dr',)
    >>> _group_alternatives(r"(?:a|\\d)x"), _group_alternatives(r"(?:next)?|y")
    ((), ())
    """
    from cleannews.strip._triggers import _split_alternatives, _top_level_spans

    spans = _top_level_spans(p)
    if spans is None:
        return ()  # a top-level ``|``, verbose mode or a construct not read
    best: tuple[str, ...] = ()
    for i, end, q in spans:
        if p[i] != "(" or q != end:  # not a group, or a quantified one (it may be absent)
            continue
        opener = next((o for o in _GROUP_OPENERS if p.startswith(o, i)), None)
        if opener is not None and (opener != "(" or p[i + 1 : i + 2] != "?"):
            alts = _split_alternatives(p[i + len(opener) : end - 1])
            lits = [_longest_literal(a) for a in alts] if alts else []
            if lits and all(lits):
                folded = tuple(dict.fromkeys(x.casefold() for x in lits))
                if not best or min(map(len, folded)) > min(map(len, best)):
                    best = folded
    return best


@lru_cache(maxsize=4096)
def required_any(p: str) -> tuple[str, ...]:
    """Case-folded literals one of which every match of ``p`` holds: the pattern's
    :func:`._triggers.required_literal`, else its :func:`._triggers.required_char`, else
    the alternatives of a top-level group (:func:`_group_alternatives`); () when none is read.

    >>> required_any(r"(?:\\d{1,4}\\s{1,3}){1,12}(?:next)(?:\\s*(?:»|›|>))?")
    ('next',)
    >>> required_any(r"\\d+ commentaires?"), required_any(r"\\d{1,2}:\\d{2}")
    ((' commenta',), (':',))
    """
    from cleannews.strip._triggers import required_char, required_literal

    lit = required_literal(p) or required_char(p)
    return (lit,) if lit else _group_alternatives(p)


def _caseless_symbols(p: str) -> tuple[str, ...]:
    """Top-level unquantified literal characters of ``p`` that are not ASCII, letters nor
    cased (``©``, ``€``, ``»``): a match holds the character itself, and so does the line's
    case folding.

    >>> _caseless_symbols(r"\\(\\s?©\\s?[^()]{1,80}\\)"), _caseless_symbols(r"é»?")
    (('©',), ())
    """
    from cleannews.strip._triggers import _top_level_atoms

    atoms = _top_level_atoms(p) or ()
    return tuple(
        dict.fromkeys(
            c
            for c, quantified in atoms
            if c is not None
            and not quantified
            and not c.isascii()
            and not c.isalnum()
            and not c.isspace()
            and c.casefold() == c == c.upper()
        )
    )


#: A second literal gate is kept for a phrase or span pattern when its weakest literal is
#: worth at least this much (:func:`_gate_weight`): a one-character gate like ``(`` tests
#: what the trigger tested already.
MIN_GATE_WEIGHT = 2


def _gate_weight(lits: tuple[str, ...]) -> int:
    """How selective a gate is: the length of its shortest literal, a non-ASCII symbol
    counted as three characters (0 for no gate).

    >>> _gate_weight((" photo",)), _gate_weight(("(",)), _gate_weight(("©",)), _gate_weight(())
    (6, 1, 3, 0)
    """
    if not lits:
        return 0
    return min(3 if len(x) == 1 and not x.isascii() else len(x) for x in lits)


#: The characters ``regex`` reads as ``\\s`` (Unicode White_Space; each is its own case
#: folding: ``tests/test_strip_perf6.py`` checks both over all of Unicode).
REGEX_SPACES = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
#: Inline flags that change where ``$`` matches (MULTILINE, WORD).
_LINE_FLAGS = re.compile(r"\(\?[a-zA-Z-]*[mw]")
#: A plain literal alternative of a group (no metacharacter, no escape).
_PLAIN_LITERAL = re.compile(r"[^\\.^$|?*+()\[\]{}]+")


def _top_level_pieces(p: str) -> list[tuple[str, bool]] | None:
    """The atoms of ``p``'s top level as ``(text, quantified)`` (the quantifier left out of
    ``text``); None when the pattern is not read this way (the walker of
    :func:`._triggers._top_level_atoms`, :func:`._triggers._top_level_spans`).

    >>> _top_level_pieces(r"a\\((?:b|c)?\\s*$")
    [('a', False), ('\\\\(', False), ('(?:b|c)', True), ('\\\\s', True), ('$', False)]
    """
    from cleannews.strip._triggers import _top_level_spans

    spans = _top_level_spans(p)
    return None if spans is None else [(p[i:end], q > end) for i, end, q in spans]


def end_literals(p: str) -> tuple[str, ...]:
    """Case-folded literals one of which ends every match of ``p`` at the end of the text,
    up to white space: ``p`` ends with ``$`` (after ``\\s*``, ``\\s?`` and look-arounds at most)
    and its last consuming atom is a literal character (with the unquantified literals before
    it) or a group of plain literal alternatives; () otherwise.

    A line ``low`` (the case-folded line, of its length) can then hold a match only if
    ``low.rstrip(REGEX_SPACES).endswith(end_literals(p))``: :meth:`RuleSet._run` tests that
    before running such a pattern (caption credits end the line: ``… / AFP``, ``(Photo : X)``).
    No literal ends with white space (the test strips it).

    >>> end_literals(r"(?:afp|ap|getty images)(?<=\\s/\\s?(?-i:AFP|AP|Getty Images))\\s*$")
    ('afp', 'ap', 'getty images')
    >>> end_literals(r"\\((?:photo|image)\\s*:[^()]{1,80}\\)$"), end_literals(r"(?-i:DR)\\s*$")
    ((')',), ('dr',))
    >>> end_literals(r"abc\\s*"), end_literals(r"(?:ab|c+)$"), end_literals(r"x?$")
    ((), (), ())
    """
    from cleannews.strip._triggers import _ESCAPED_LITERAL, _split_alternatives

    if _LINE_FLAGS.search(p):
        return ()  # multi-line or Unicode line boundaries: ``$`` may match inside the text
    atoms = _top_level_pieces(p)
    if not atoms or atoms[-1] != ("$", False):
        return ()
    atoms.pop()
    while atoms and (atoms[-1][0] == "\\s" or (
        atoms[-1][0].startswith(_LOOK_AROUNDS) and not atoms[-1][1]
    )):
        atoms.pop()  # white space (stripped before the test) and zero-width assertions
    if not atoms or atoms[-1][1]:
        return ()
    last = atoms[-1][0]
    if last.startswith(("(?:", "(?-i:", "(?i:")) or (last[:1] == "(" and last[1:2] != "?"):
        body = last[last.index(":") + 1 : -1] if last.startswith("(?") else last[1:-1]
        alts = _split_alternatives(body)
        if not alts or not all(_PLAIN_LITERAL.fullmatch(a) for a in alts):
            return ()
        out = tuple(a.casefold() for a in alts)
    else:
        run = []
        for text, quantified in reversed(atoms):
            lit = text[1] if len(text) == 2 and text[0] == "\\" and text[1] in _ESCAPED_LITERAL \
                else text if len(text) == 1 and text not in "\\.^$|?*+()[]{}" else None
            if lit is None or quantified:
                break
            run.append(lit)
        out = ("".join(reversed(run)).casefold(),) if run else ()
    if not all(out) or any(len(x.casefold()) != len(x) or x[-1] in REGEX_SPACES for x in out):
        return ()
    return out


def pattern_gate(p: str) -> tuple[str, ...]:
    """Case-folded literals one of which every match of ``p`` holds, the most selective
    read (:func:`required_any`, a top-level group's alternatives, a caseless symbol), or ()
    when none weighs :data:`MIN_GATE_WEIGHT`: :meth:`RuleSet._run` tests them in the line
    before trying a triggered pattern (ten caption patterns triggered by ``(`` ran on
    every line with a parenthesis).

    >>> pattern_gate(r"\\((?:photo|image|picture)s?\\s*:[^()\\n]{1,80}\\)\\s*$")
    ('photo', 'mage', 'cture')
    >>> pattern_gate(r"\\((?<=\\s\\()\\s?©\\s?[^()]{1,80}\\)?\\s*$"), pattern_gate(r"\\(\\d+\\)")
    (('©',), ())
    """
    options = [required_any(p), _group_alternatives(p), _caseless_symbols(p)[:1]]
    best = max(options, key=_gate_weight)
    return best if _gate_weight(best) >= MIN_GATE_WEIGHT else ()


def rule_gate(p: str, requires: tuple[str, ...] = ()) -> tuple[str, ...]:
    r"""The literal gate :meth:`RuleSet._run` tests before a phrase or span pattern ``p`` of a
    rule whose ``requires`` literals are ``requires`` (case-folded; one of them is in every
    match, as the rule files promise and ``tests/test_perf17.py`` checks): those when they
    weigh more than :func:`pattern_gate`'s, else :func:`pattern_gate`'s.

    ``caption_credit_tail_gen16m`` opens with ``cr[ée]dits?``: the pattern's own gate is
    ``cr`` (the class cuts the literal), so it ran on every line with a word holding "cr"
    ("écrit", "crise", "décret": 440 of 2,078 lines of the bench sample, 13 with a credit
    word); its ``requires`` ("crédit", "credit", "bildnachweis") gate it (perf17).

    >>> p = r"(?:cr[ée]dits?|bildnachweis)\s?:\s?(?-i:\p{Lu}\p{L}+)$"
    >>> pattern_gate(p), rule_gate(p, ("crédit", "credit", "bildnachweis"))
    (('cr', 'ldnachwe'), ('crédit', 'credit', 'bildnachweis'))
    >>> rule_gate(r"\((?:photo|foto)\s?:[^()]+\)", ("(",))
    ('photo', 'foto')
    """
    gate = pattern_gate(p)
    return requires if _gate_weight(requires) > _gate_weight(gate) else gate


def _trigger_index(rules: list[Rule]):
    """Index of the phrase patterns by leading literal (see :mod:`._triggers`).

    Returns ``(always, exact, heads, substring)``: patterns that always run;
    ``{word: [k]}`` for whole words; ``{first three letters: [(prefix, k)]}``
    for word prefixes; ``{fragment: [k]}`` for symbols and short fragments
    (tested as substrings of the lower-cased line). A pattern whose start is not read
    runs on every line unless it holds a literal (:func:`required_any`): it is then
    indexed under those literals as substrings (two caption patterns ran on every line).
    """
    from cleannews.strip._triggers import DIGIT, first_fragments

    always: list[int] = []
    exact: dict[str, list[int]] = {}
    substring: dict[str, list[int]] = {}
    heads: dict[str, list[tuple[str, int]]] = {}
    k = 0
    for r in rules:
        for p in r.patterns:
            frags = first_fragments(p)
            if frags is None or DIGIT in frags:
                lits = () if REFERENCE_ALWAYS else required_any(p)
                for f in lits:
                    substring.setdefault(f, []).append(k)
                if not lits:
                    always.append(k)
                k += 1
                continue
            for f in frags:
                f = f.casefold()
                if f.endswith("*") and len(f) > 3 and f[:-1].isalpha():
                    # a word prefix: looked up by its first three letters
                    heads.setdefault(f[:3], []).append((f[:-1], k))
                elif f.endswith("*"):
                    substring.setdefault(f[:-1], []).append(k)
                elif f.isalpha():
                    exact.setdefault(f, []).append(k)
                else:
                    substring.setdefault(f, []).append(k)
            k += 1
    return always, _FrozenDict(exact), heads, substring


#: Tests set this to True (before :func:`load_rules` is called): the phrase and span
#: patterns whose start is not read run on every line, as before :func:`required_any`
#: indexed them by the literals they hold.
REFERENCE_ALWAYS = False
#: Tests set this to True: rules are evaluated the slow way (every pattern of the anchored
#: indexes in data order, the protect patterns as one alternation, the phrase and span
#: triggers tested line by line and each triggered pattern run over the whole line): the
#: reference the shortcuts must give exactly. (The triggers themselves stay: see
#: docs/performance-history.md for the one page where a trigger misses a match.)
REFERENCE = False
#: A pattern is tried at its possible starts when they are at most this many (else the
#: whole line is scanned: one scan costs less than many tries).
MAX_TRIES = 6


#: Openers of the look-around groups (zero-width: a match starts where the text after them does).
_LOOK_AROUNDS = ("(?<!", "(?<=", "(?!", "(?=")


def _zero_width_lead(p: str) -> str:
    """``p`` without its leading zero-width assertions (look-arounds, ``\\b``), with a leading
    case-sensitive group ``(?-i:…)`` read as a caseless one ``(?:…)``; ``p`` itself when
    none leads or a look-around is quantified or cannot be read.

    Every match of ``p`` starts where a match of the result starts (an assertion consumes
    nothing, and ``(?-i:DR)`` matches a subset of what ``(?:DR)`` matches case-insensitively),
    so the literals a match of the result starts with (:func:`_match_starts`) also start
    every match of ``p``; ``regex`` matching at ``pos`` still reads the text before ``pos``
    for the look-behinds the result leaves out.

    >>> _zero_width_lead(r"(?<!\\b(?:les|des) )\\b(?:photos?|image)\\s*:")
    '(?:photos?|image)\\\\s*:'
    >>> _zero_width_lead(r"(?-i:DR)(?<=\\s)\\s*$"), _zero_width_lead(r"(?=a)?b")
    ('(?:DR)(?<=\\\\s)\\\\s*$', '(?=a)?b')
    """
    if not p.startswith(_LOOK_AROUNDS) and not p.startswith(("\\b", "(?-i:")):
        return p  # most patterns: nothing to read past
    from cleannews.strip._triggers import _group_end

    q = p
    while True:
        if q.startswith("\\b"):
            if q[2:3] in ("?", "*", "+", "{"):
                return p
            q = q[2:]
            continue
        if not q.startswith(_LOOK_AROUNDS):
            break
        end = _group_end(q, 0)
        if end < 0 or q[end + 1 : end + 2] in ("?", "*", "+", "{"):
            return p
        q = q[end + 1 :]
    if q.startswith("(?-i:"):
        q = "(?:" + q[5:]
    return q if q != p else p


def _match_starts(p: str) -> tuple[str, ...] | None:
    """Literals one of which starts every match of ``p``, exactly where the match starts
    (case-folded; None when the pattern can start otherwise: spaces, a digit, a class).

    A match of ``p`` at position ``a`` of a line then has one of them at ``a`` of the
    line's case-folded form (when folding kept the length, ``_run`` checks it), so the
    pattern need only be tried there (``regex`` matching at ``pos`` reads the text before
    it for look-behinds and ``\\b``; only ``\\G`` depends on ``pos``: left out).

    >>> _match_starts(r"(?:inscrivez-vous|abonnez-vous) (?:à|a) notre")
    ('abonnez-vous ', 'inscrivez-vous ')
    >>> _match_starts(r"la newsletter \\w+"), _match_starts(r"\\s*partager") is None
    (('la newsletter ',), True)
    """
    from cleannews.strip._triggers import DIGIT, first_fragments

    if "\\G" in p:
        return None
    frags = first_fragments(p, skip_common=False, at_start=True)
    if frags is None:
        lead = _zero_width_lead(p)  # a look-around, ``\\b`` or ``(?-i:`` first: read past it
        if lead != p:
            frags = first_fragments(lead, skip_common=False, at_start=True)
    if frags is None or DIGIT in frags:
        return None
    out = tuple(sorted({(f[:-1] if f.endswith("*") else f).casefold() for f in frags}))
    return out if all(out) else None


def _try_at(low: str, frags: tuple[str, ...]) -> list[int] | None:
    """Sorted offsets in ``low`` where one of ``frags`` occurs, or None when there are more
    than :data:`MAX_TRIES` of them.

    >>> _try_at("lire aussi, à lire", ("lire", "à")), _try_at("eeeeeeeeee", ("e",)) is None
    ([0, 12, 14], True)
    """
    n = 0
    for f in frags:
        n += low.count(f)
    if n > MAX_TRIES:
        return None
    if not n:
        return []  # no literal a match starts with: nothing to try
    at = set()
    for f in frags:
        i = low.find(f)
        while i >= 0:
            at.add(i)
            i = low.find(f, i + 1)
    return sorted(at)


#: Marks a literal set :meth:`RuleSet._run` has not looked up in the line yet.
_UNSEEN: list[int] = []


class _FrozenDict(dict):
    """A dict that also keeps its keys as a frozenset (for fast set intersections)."""

    def __init__(self, *a, **kw) -> None:
        super().__init__(*a, **kw)
        self.keyset = frozenset(self)


_LEAD_WORD = re.compile(r"\w+")
#: At most this many distinct line starts are remembered per index (then the memo restarts).
_MEMO_MAX = 1024
#: :meth:`_AnchoredIndex.match` drops, for a (case-folded) text of at most this many
#: characters, the patterns whose needed literals are all longer than the text before
#: looping (a bare "3" or "Art. 3" tried every digit-led pattern's literals, round 35).
SHORT_TEXT_MAX_CHARS = 12
#: :meth:`_AnchoredIndex.match`'s gate tests the always-tried patterns' longer literals in
#: one trie search (:func:`_any_literal`) when they are at least this many, else one by one
#: (round 37: the line rules' 62 in one search, 5 % fewer instructions on the benchmark
#: corpus' lookups; the prefix rules' 16, on heads of up to 300 characters, 50 % more)
GATE_TRIE_MIN_LITERALS = 32
#: :func:`start_key` folds this many characters of a line first (the whole line only when
#: its first word does not end inside them).
KEY_FOLD_CHARS = 80


def start_key(text: str, low: str | None = None) -> tuple[str, str | None]:
    """What the anchored indexes look a line up by: (characters before the first word, that
    word), case-folded; ``(the whole line, None)`` when it holds no word. ``low``:
    ``text.casefold()`` when the caller has it already.

    A pattern of an anchored index starts after a run of lead characters (spaces, bullets,
    symbols: never a word character), so it starts inside the key's first part or at its
    word: the index's symbol lookup reads every character of the first part, so a line
    without a word is keyed by all of it (not a few characters: ``•   ©`` starts a photo
    credit at its fifth).

    >>> start_key("» Lire aussi : …")
    ('» ', 'lire')
    >>> start_key("••••"), start_key("•   ©")
    (('••••', None), ('•   ©', None))
    """
    if low is None:
        low = text[:KEY_FOLD_CHARS].casefold()  # folding is per character: a prefix of the whole
        if len(text) > KEY_FOLD_CHARS:
            m = _LEAD_WORD.search(low)
            if m is None or m.end() == len(low):
                low = text.casefold()  # the first word is not in the head or may run past it
    m = _LEAD_WORD.search(low)
    return (low[: m.start()], m.group()) if m is not None else (low, None)


class LazyPattern:
    """A ``regex`` pattern compiled on its first use, then used directly.

    Loading a language's rules used to compile every pattern (about 1.5 s for
    French + English: ``regex`` parses patterns in Python), while a document
    tries only the few its trigger index selects. After the first call the
    instance's ``match``/``search``/``finditer`` are the compiled pattern's own
    methods, so later calls cost what a compiled pattern costs.

    >>> p = LazyPattern(r"abonnez-vous", regex.I)
    >>> p.compiled is None
    True
    >>> p.match("Abonnez-vous !").group()
    'Abonnez-vous'
    >>> p.compiled.pattern
    'abonnez-vous'
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self.compiled: regex.Pattern | None = None

    def _compile(self) -> regex.Pattern:
        pat = self.compiled = regex.compile(self.pattern, self.flags)
        self.match = pat.match  # instance attributes shadow the methods below from now on
        self.search = pat.search
        self.finditer = pat.finditer
        return pat

    def match(self, *args, **kwargs):
        """``regex.Pattern.match`` after compiling."""
        return self._compile().match(*args, **kwargs)

    def search(self, *args, **kwargs):
        """``regex.Pattern.search`` after compiling."""
        return self._compile().search(*args, **kwargs)

    def finditer(self, *args, **kwargs):
        """``regex.Pattern.finditer`` after compiling."""
        return self._compile().finditer(*args, **kwargs)


#: :meth:`RuleSet.glued_label_start` counts the words of a line of at most this many
#: characters only (:func:`_has_words`; a longer line nearly always has enough: counting them
#: cost more than the scan it saved, round 35).
_WORDS_FINDALL_MAX_CHARS = 40


def _has_words(text: str, k: int) -> bool:
    """Whether ``text`` (a short line: :data:`_WORDS_FINDALL_MAX_CHARS`) holds at least ``k``
    words (``\\w+`` runs). A glued read-more label needs :data:`GLUED_LABEL_MIN_REST_WORDS`
    words beside it: a line with fewer is no glued link, whatever its labels (round 35: every
    short line was scanned for every label).

    >>> _has_words("Art. 3", 4), _has_words("Lire la suiteLe maire parle", 4)
    (False, True)
    """
    return len(_WORDS.findall(text)) >= k


def _any_literal(lits) -> Callable[[str], re.Match | None]:
    """The ``search`` of one ``re`` pattern that finds any of ``lits`` (non-empty literals):
    a trie of :func:`_fewest_literals` (literals sharing a start share its test; one that
    holds another is found wherever it is). ``search(text) is None`` is
    ``not any(x in text for x in lits)``, in one pass over ``text``.

    >>> _any_literal({"/", "mail", "e-mail", "partag", "pinterest"}).__self__.pattern
    '(?:/|mail|p(?:artag|interest))'
    >>> find = _any_literal({"mail", "partag", "-"})
    >>> find("un e-mail") is not None, find("à partager") is not None, find("rien") is None
    (True, True, True)
    """
    trie: dict = {}
    for x in _fewest_literals(sorted(lits)):  # none starts another: each ends on a leaf
        node = trie
        for c in x:
            node = node.setdefault(c, {})

    def alternatives(node: dict) -> str:
        alts = [re.escape(c) + alternatives(node[c]) for c in sorted(node)]
        return "".join(alts) if len(alts) <= 1 else "(?:" + "|".join(alts) + ")"

    return re.compile(alternatives(trie)).search


def _fewest_literals(lits) -> tuple[str, ...]:
    """``lits`` without the literals that hold another of them, in their order: "one of
    them is in the line" is the same test (a line holding ``"e-mail"`` holds ``"mail"``).

    >>> _fewest_literals(("share", "e-mail", "email", "mail", "/", "[/caption]"))
    ('share', 'mail', '/')
    """
    lits = tuple(dict.fromkeys(lits))
    return tuple(x for x in lits if not any(y != x and y in x for y in lits))


class _AnchoredIndex:
    """Rules matched at the start of a line, tried only when the line's first word fits.

    Each pattern is compiled on its own (``lead`` + pattern + ``tail``) and
    indexed by its leading literal (:func:`._triggers.first_fragments`), so a
    line is matched against the few patterns that can start with its first word.
    """

    def __init__(self, rules: list[Rule], lead: str, tail: str) -> None:
        from cleannews.strip._triggers import DIGIT, first_fragments

        self.digit: list[int] = []
        self.always: list[int] = []
        self.exact: dict[str, list[int]] = {}
        self.prefix: dict[str, list[tuple[str, int]]] = {}
        self.symbol: dict[str, list[int]] = {}
        self.patterns: list[tuple[Rule, LazyPattern]] = []
        self._memo: dict[tuple[str, str | None], tuple] = {}
        #: per pattern, the literals its rule ``requires`` (one must be in the line), or ()
        self.requires: list[tuple[str, ...]] = []
        #: per pattern, what the fast path tests before running it: the rule's ``requires``,
        #: else the literal every match holds (:func:`._triggers.required_literal`), else a
        #: character every match holds (:func:`._triggers.required_char`: the dateline and
        #: agency-credit protect patterns ran on most short lines), or ()
        self.needs: list[tuple[str, ...]] = []
        lead_plain = lead.replace("{{", "{").replace("}}", "}")
        for r in rules:
            for p in r.patterns:
                k = len(self.patterns)
                self.requires.append(r.requires)
                self.needs.append(r.requires or required_any(p))
                self.patterns.append(
                    (r, LazyPattern(lead_plain + "(?:" + p + ")" + tail, regex.I | regex.V0))
                )
                frags = first_fragments(p, skip_common=False)
                if frags is None:
                    self.always.append(k)
                    continue
                if DIGIT in frags:
                    self.digit.append(k)
                    frags = frags - {DIGIT}
                for f in frags:
                    f = f.casefold()
                    if f.endswith("*"):
                        self.prefix.setdefault(f[:1], []).append((f[:-1], k))
                    elif f.isalnum():
                        self.exact.setdefault(f, []).append(k)
                    else:
                        self.symbol.setdefault(f, []).append(k)
        # one test for the literals the always-tried patterns need (when they all need one):
        # the one-character literals as one ``re`` class, then the longer ones as one ``re``
        # trie (:func:`_any_literal`; round 37: a line holding none of them tested the 57
        # longer ones one by one; one alternation of them all scanned each line 1.5x slower
        # than that loop, one trie of all of them, class included, 6 % slower)
        lits = _fewest_literals(sorted({x for k in self.always for x in self.needs[k]}))
        chars = "".join(x for x in lits if len(x) == 1)
        longer = [x for x in lits if len(x) > 1]
        self._gate: tuple | None = (
            (
                re.compile("[" + re.escape(chars) + "]").search if chars else None,
                _any_literal(longer) if len(longer) >= GATE_TRIE_MIN_LITERALS else None,
                tuple(longer),
            )
            if self.always and all(self.needs[k] for k in self.always)
            else None
        )
        #: per pattern, the triple :meth:`candidates` lists: (rule, pattern, needs)
        #: (equal literal tuples are one object: :meth:`match` skips a pattern whose literals
        #: are the ones it has just found absent by identity)
        fewest: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._triples = [
            (*rp, fewest.setdefault(nd, _fewest_literals(nd)))
            for rp, nd in zip(self.patterns, self.needs, strict=True)
        ]
        self._always_set = frozenset(self.always)
        #: the candidates' pair per set of patterns a key selects besides the always-tried
        self._by_picked: dict[frozenset[int], tuple] = {}
        #: per first character, the word prefixes indexed under it as one tuple (one
        #: ``str.startswith`` call tests them all)
        self._prefix_heads = {c: tuple(f for f, _ in fs) for c, fs in self.prefix.items()}
        # lines that start with their first word: one lookup (see :meth:`candidates`)
        self._always_only = self._candidates(("", None))
        self._by_word = {w: self._candidates(("", w)) for w in self.exact}
        #: per candidates tuple (by ``id``, the tuple held so the id stays its own), the
        #: tuple kept for each short text length (:meth:`_fitting`)
        self._short: dict[int, tuple[tuple, list]] = {}

    def candidates(self, key: tuple[str, str | None]) -> tuple:
        """The patterns (in data order) a line whose :func:`start_key` is ``key`` can match:
        ``(rule, compiled pattern, required literals)`` triples; and the same without the
        always-tried patterns (for a line that holds none of their required literals).

        The choice depends only on the characters before the first word and on that word.
        A line that starts with its first word gets a tuple made when the rules were
        loaded (the word's own patterns, or the always-tried ones for any other word);
        other line starts are remembered (memo, cleared when it grows large).
        """
        if not key[0] and key[1] is not None:
            hit = self._by_word.get(key[1])
            if hit is not None:
                return hit
            w = key[1]
            w0 = w[0]
            if w0 not in self.symbol and not w0.isdigit():
                starts = self._prefix_heads.get(w0)
                if starts is None or not w.startswith(starts):
                    return self._always_only
        hit = self._memo.get(key)
        if hit is not None:
            return hit
        hit = self._candidates(key)
        if len(self._memo) >= _MEMO_MAX:
            self._memo.clear()
        self._memo[key] = hit
        return hit

    def _candidates(self, key: tuple[str, str | None]) -> tuple:
        """:meth:`candidates` computed from the index: (all, without the always-tried).

        Many keys select the same patterns (every number, most words after a quote or a
        bullet): the pair of tuples is built once per set of selected patterns
        (``_by_picked``) and shared; only the selection is computed per key.
        """
        todo: list[int] = []
        w = key[1]
        if w is not None:
            if w[0].isdigit():
                todo.extend(self.digit)
            todo.extend(self.exact.get(w, ()))
            todo.extend(k for f, k in self.prefix.get(w[:1], ()) if w.startswith(f))
            head = key[0] + w[0]
        else:
            head = key[0]
        if self.symbol:
            for ch in head:
                ks = self.symbol.get(ch)
                if ks:
                    todo.extend(ks)
        picked = frozenset(todo).difference(self._always_set)
        hit = self._by_picked.get(picked)
        if hit is None:
            triples = self._triples
            extra = sorted(picked)
            hit = (
                tuple(triples[k] for k in sorted((*self.always, *extra))),
                tuple(triples[k] for k in extra),
            )
            if len(self._by_picked) >= _MEMO_MAX:
                self._by_picked.clear()
            self._by_picked[picked] = hit
        return hit

    def match(self, text: str, full: str | None = None, key=None) -> Rule | None:
        """The rule of the first pattern (in data order) that matches at the line start.

        ``full``: ``text.casefold()`` when the caller has it already; ``key``: the line's
        :func:`start_key`, if known.
        """
        if REFERENCE:
            return self.match_reference(text, full)
        if key is None:
            key = start_key(text)
        cands, rest = self.candidates(key)
        if self._gate is not None:
            if full is None:
                full = text.casefold()
            chars, trie, longer = self._gate
            if chars is None or chars(full) is None:
                if trie is not None:
                    if trie(full) is None:
                        cands = rest  # no always-tried pattern can pass its ``requires``
                else:
                    for x in longer:  # a loop, not ``any(...)``: no generator per line
                        if x in full:
                            break
                    else:
                        cands = rest
        if len(text) <= SHORT_TEXT_MAX_CHARS:  # casefold never shortens: len(full) >= it
            if full is None:
                full = text.casefold()
            if len(full) <= SHORT_TEXT_MAX_CHARS:
                cands = self._fitting(cands, len(full))
        absent = None  # the last literals found absent (a rule's patterns share them)
        for rule, pat, req in cands:
            if req:
                if req is absent:
                    continue
                if full is None:
                    full = text.casefold()
                for lit in req:
                    if lit in full:
                        break
                else:
                    absent = req
                    continue  # no literal the pattern needs is in the line
            if pat.match(text):
                return rule
        return None

    def _fitting(self, cands: tuple, n: int) -> tuple:
        """``cands`` without the triples none of whose needed literals fits in ``n``
        characters, and each kept triple's literals that fit (a literal longer than the
        text is not in it: :meth:`match` would test it in vain); made once per tuple and
        length.

        >>> ix = load_rules(("fr",))._line
        >>> cands = ix.candidates(start_key("3"))[0]
        >>> kept = ix._fitting(cands, 1)
        >>> len(kept) < len(cands), all(len(x) <= 1 for _, _, r in kept for x in r)
        (True, True)
        """
        entry = self._short.get(id(cands))
        if entry is None:
            if len(self._short) >= _MEMO_MAX:
                self._short.clear()
            entry = self._short[id(cands)] = (cands, [None] * (SHORT_TEXT_MAX_CHARS + 1))
        fits = entry[1][n]
        if fits is None:
            # each kept triple needs only its literals that fit (equal tuples stay one
            # object, so that :meth:`match` still skips a rule's patterns at once)
            short: dict[tuple[str, ...], tuple[str, ...]] = {}
            fits = entry[1][n] = tuple(
                (rule, pat, short.setdefault(req, tuple(x for x in req if len(x) <= n)))
                for rule, pat, req in cands
                if not req or min(len(x) for x in req) <= n
            )
        return fits

    def match_reference(self, text: str, full: str | None = None) -> Rule | None:
        """:meth:`match` without the index: every pattern in data order (for the tests).

        >>> ix = load_rules(("fr",))._prefix
        >>> ix.match_reference("Lire aussi : le budget") is ix.match("Lire aussi : le budget")
        True
        """
        if full is None:
            full = text.casefold()
        for (rule, pat), req in zip(self.patterns, self.requires, strict=True):
            if req and not any(lit in full for lit in req):
                continue
            if pat.match(text):
                return rule
        return None


def _combine(rules: list[Rule], template: str) -> regex.Pattern | None:
    """One alternation with a named group per rule: ``template`` wraps each group."""
    if not rules:
        return None
    parts = [f"(?P<r{i}>{'|'.join(r.patterns)})" for i, r in enumerate(rules)]
    return regex.compile(template.format("|".join(parts)), regex.IGNORECASE | regex.V0)


class RuleSet:
    """All rules of some languages, compiled into one regex per rule kind."""

    def __init__(self, data: list[dict]) -> None:
        self.rules: dict[str, list[Rule]] = {"line": [], "prefix": [], "phrase": [], "span": []}
        #: :meth:`match_tail`'s answers per (tail, words), cleared when it grows large
        self._tails: dict[tuple[str, int], Rule | None] = {}
        protect: list[str] = []
        home: set[str] = set()
        widget: set[str] = set()
        kicker: set[str] = set()
        form: set[str] = set()
        labels: set[str] = set()
        short: set[str] = set()
        markers: set[str] = set()
        head_flags: list[str] = []
        prompt: dict[str, tuple[set[str], set[str]]] = {}
        for d in data:
            form.update(w.casefold() for w in d.get("form_words", ()))
            for family, words in d.get("prompt_words", {}).items():
                core, more = prompt.setdefault(family, (set(), set()))
                core.update(w.casefold() for w in words["core"])
                more.update(w.casefold() for w in words["core"])
                more.update(w.casefold() for w in words["more"])
            kicker.update(w.casefold() for w in d.get("kicker_words", ()))
            labels.update(w.casefold() for w in d.get("continue_labels", ()))
            short.update(w.casefold() for w in d.get("more_labels", ()))
            widget.update(w.casefold() for w in d.get("widget_words", ()))
            markers.update(d.get("glued_markers", ()))
            head_flags.extend(d.get("glued_head_flags", ()))
            for r in d.get("rules", ()):
                rule = Rule(
                    name=r["name"],
                    category=r["category"],
                    kind=r["kind"],
                    reason=r["reason"],
                    patterns=tuple(r["patterns"]),
                    max_words=int(r.get("max_words", 30 if r["kind"] != "phrase" else 12)),
                    takes_next=int(r.get("takes_next", 0)),
                    takes_prev_caption=bool(r.get("takes_prev_caption", False)),
                    takes_prev=bool(r.get("takes_prev", False)),
                    next_kind=str(r.get("next_kind", "teaser")),
                    ends_article=bool(r.get("ends_article", False)),
                    weak=bool(r.get("weak", False)),
                    yields_to_protect=bool(r.get("yields_to_protect", False)),
                    requires=tuple(x.casefold() for x in r.get("requires", ())),
                )
                self.rules[rule.kind].append(rule)
            for p in d.get("protect", ()):
                protect.extend(p["patterns"])
            home.update(w.casefold() for w in d.get("home_words", ()))
        self._line_literal: dict[str, Rule] = {}
        regex_line_rules = []
        for r in self.rules["line"]:
            lits = [p for p in r.patterns if _is_literal(p)]
            for p in lits:
                self._line_literal.setdefault(p.casefold(), r)
            rest = tuple(p for p in r.patterns if not _is_literal(p))
            if rest:
                regex_line_rules.append(dataclasses.replace(r, patterns=rest))
        self.rules["line_regex"] = regex_line_rules
        self._line = _AnchoredIndex(regex_line_rules, LINE_LEAD, LINE_TAIL)
        self._prefix = _AnchoredIndex(self.rules["prefix"], LINE_LEAD, "")
        # patterns are compiled when a document first needs them (LazyPattern)
        self._phrase_index = _trigger_index(self.rules["phrase"])
        self._phrase_patterns = [
            (r, LazyPattern(p, regex.IGNORECASE | regex.V0))
            for r in self.rules["phrase"]
            for p in r.patterns
        ]
        self._span_index = _trigger_index(self.rules["span"])
        self._span_patterns = [
            (r, LazyPattern(p, regex.IGNORECASE | regex.V0))
            for r in self.rules["span"]
            for p in r.patterns
        ]
        # literals one of which each match holds (see :func:`pattern_gate`), read when a
        # pattern is first triggered (None: not read yet; reading them all cost 0.05 s)
        self._gates: dict[str, list[tuple[str, ...] | None]] = {
            kind: [() if REFERENCE_ALWAYS else None for r in self.rules[kind] for p in r.patterns]
            for kind in ("phrase", "span")
        }
        # literals a match ending the line ends with (see :func:`end_literals`), read when a
        # pattern is first triggered, like the gates
        self._ends: dict[str, list[tuple[str, ...] | None]] = {
            kind: [() if REFERENCE_ALWAYS else None for r in self.rules[kind] for p in r.patterns]
            for kind in ("phrase", "span")
        }
        # where a match of each pattern can start (see :func:`_match_starts`)
        self._starts = {
            kind: [_match_starts(p) for r in self.rules[kind] for p in r.patterns]
            for kind in ("phrase", "span")
        }
        self._protect = (
            LazyPattern(r"^[\s•·\p{So}]*(?:" + "|".join(protect) + ")", regex.IGNORECASE)
            if protect
            else None
        )
        # the same patterns one by one, indexed by their leading literal like the line rules
        # (a line is protected when any of them matches: the order does not matter)
        self._protect_index = (
            _AnchoredIndex(
                [Rule("protect", "protect", "protect", "", tuple(protect))], r"^[\s•·\p{{So}}]*", ""
            )
            if protect
            else None
        )
        self.home_words = frozenset(home)
        self.widget_words = frozenset(widget)
        self.kicker_words = frozenset(kicker)
        #: words of login / registration / paywall forms (field labels, buttons, errors):
        #: :func:`cleannews.strip._widgets.form_run` (branch forms23)
        self.form_words = frozenset(form)
        #: family -> (core words, all its words) of the widget prompts that
        #: :func:`cleannews.strip._widgets.prompt_lines` takes (branch recall25)
        self.prompt_words = {
            family: (frozenset(core), frozenset(words)) for family, (core, words) in prompt.items()
        }
        #: a read-more label opening a line and glued to the text after it
        #: (:meth:`glued_label_end`; ``continue_labels`` of the data files)
        self._glued_label = (
            regex.compile(
                r"^[\s\p{So}•·▪►*–—-]*(?:"
                + "|".join(r"\s+".join(map(regex.escape, w.split())) for w in sorted(labels))
                + ")" + _GLUE_JOIN,
                regex.IGNORECASE | regex.V0,
            )
            if labels
            else None
        )
        #: read-more labels closing a line, glued after a teaser's summary
        #: (:meth:`glued_label_start`; ``continue_labels`` and ``more_labels``)
        self._tail_links = TailLinks(labels, short) if labels else None
        #: markers glued between two sentences of a line, as written ("… evangelisation.
        #: Advertisement Her missionary …"; ``glued_markers`` of the data files, round 38)
        self.glued_markers = tuple(sorted(markers, key=len, reverse=True))
        self.glued_marker = (
            regex.compile(
                r"(?<=[.!?…»”\")]\s{1,3})(?:"
                + "|".join(map(regex.escape, self.glued_markers))
                + r")\s?(?=[\p{Lu}(“\"«])"
            )
            if markers
            else None
        )
        #: a flag opening a line before a teaser's headline ("Réservé aux abonnés L’artisanat
        #: …"; ``glued_head_flags`` of the data files, patterns as written, round 38)
        self.glued_head_flag = (
            regex.compile(r"(?:" + "|".join(head_flags) + r")\s(?=[\p{Lu}\p{N}«\"“])")
            if head_flags
            else None
        )

    def glued_label_end(self, text: str) -> int:
        """Where the text glued after a read-more label opening ``text`` starts, when that
        text is the line's larger part (at least :data:`GLUED_LABEL_MIN_REST_WORDS` words,
        more than the label's); 0 otherwise. A ``prefix`` rule does not take such a line
        for its label (:meth:`match_prefix`): on a listing page it is the next teaser's
        headline with the previous teaser's "read more" link glued before it.

        >>> rs = load_rules(("fr", "en", "es"))
        >>> rs.glued_label_end("Leer Más »Hospital de Caacupé sigue al tope")
        10
        >>> rs.glued_label_end("Lire cet articleLes grandes heures du rugby tarnais")
        16
        >>> rs.glued_label_end("Leer Más »Jara"), rs.glued_label_end("Lire la suite : Le maire")
        (0, 0)
        """
        if self._glued_label is None:
            return 0
        m = self._glued_label.match(text)
        if m is None:
            return 0
        rest = len(_WORDS.findall(text, m.end()))
        label = len(_WORDS.findall(text, 0, m.end()))
        return m.end() if rest >= GLUED_LABEL_MIN_REST_WORDS and rest > label else 0

    def glued_label_start(self, text: str) -> int:
        """Where a read-more link closing ``text`` after a teaser's summary starts (-1: none),
        when the summary is the line's larger part (as :meth:`glued_label_end` asks).

        The link follows a truncation mark ("…", "...", "[…]"), a sentence's end, or is glued
        to a cut word ("… du blocage duLire la suite…"); a ``continue_labels`` label, or after
        a truncation mark also a ``more_labels`` word ("… more", "…Article...") and the
        linked headline (:class:`cleannews.strip._readmore.TailLinks`).

        >>> rs = load_rules(("fr", "en", "de"))
        >>> t = "Le maire a inauguré la nouvelle salle des fêtes [...] Lire la suite"
        >>> t[rs.glued_label_start(t):]
        ' Lire la suite'
        >>> t = "Le maire a inauguré la nouvelle salle des fêtes en présence… more"
        >>> t[rs.glued_label_start(t):]
        ' more'
        >>> rs.glued_label_start("Il veut lire la suite"), rs.glued_label_start("Il en veut… plus")
        (-1, -1)
        """
        if self._tail_links is None or (
            len(text) <= _WORDS_FINDALL_MAX_CHARS
            and not _has_words(text, GLUED_LABEL_MIN_REST_WORDS)
        ):
            return -1  # a short line of too few words: not scanned for labels
        at = self._tail_links.start(text)
        if at < 0:
            return -1
        rest = len(_WORDS.findall(text, 0, at))
        link = len(_WORDS.findall(text, at))
        return at if rest >= GLUED_LABEL_MIN_REST_WORDS and rest > link else -1

    @staticmethod
    def _rule_of(m: regex.Match, rules: list[Rule]) -> Rule:
        return rules[int(m.lastgroup[1:])]

    def match_line(
        self, text: str, n_words: int = 0, low: str | None = None, key=None
    ) -> Rule | None:
        """The first ``line`` rule the whole (stripped, plain) line matches.

        ``low``: ``text.casefold()`` and ``key``: :func:`start_key` of ``text``, when the
        caller has them already.
        """
        if self._line is None or len(text) > 700 or n_words > LINE_RULE_MAX_WORDS:
            return None
        if low is None:
            low = text.casefold()
        phrase = low.rstrip(_TRAIL_CHARS)
        if phrase and not phrase[0].isalnum():
            phrase = _LINE_TRIM.sub("", phrase)
        hit = self._line_literal.get(phrase)
        if hit is not None:
            return hit
        return self._line.match(text, low, key)

    def match_prefix(
        self, text: str, n_words: int, low: str | None = None, key=None
    ) -> Rule | None:
        """The ``prefix`` rule the line starts with, if the line is short enough for it.

        ``low``: ``text.casefold()`` and ``key``: :func:`start_key` of ``text``, when the
        caller has them already.
        """
        if self._prefix is None or n_words > PREFIX_RULE_MAX_WORDS:
            return None
        head = text[:300]
        if low is not None and len(low) != len(text):
            low = None  # a character folds to several: offsets differ, fold the head again
        if len(text) > 300:
            key = None  # the line's key may read a first word past the head: key the head
        rule = self._prefix.match(head, None if low is None else low[:300], key)
        if rule is None or n_words > rule.max_words or self.glued_label_end(text):
            return None
        return rule

    def match_tail(self, tail: str, n_words: int) -> Rule | None:
        """The ``line`` rule, else the ``prefix`` rule, a glued tail (``detectors._glued_tail``:
        the few words after a line's last sentence end) matches, remembered per tail.

        The answer depends on the tail alone, and tails repeat (a figure after "Art.", the
        same "Partager" or "PUBLICITÉ" glued to each paragraph of a site): each distinct
        tail is looked up once while the memo lasts (round 35, perf50; bounded like the
        index's own memo, ``_MEMO_MAX``).

        >>> rs = load_rules(("fr",))
        >>> rs.match_tail("Partager l'article", 2).name, rs.match_tail("3", 1)
        ('share_bar', None)
        """
        memo = self._tails
        hit = memo.get((tail, n_words), memo)
        if hit is not memo and not REFERENCE:  # the reference looks every tail up
            return hit
        low = tail.casefold()
        key = start_key(tail, low)
        rule = self.match_line(tail, n_words, low, key) or self.match_prefix(
            tail, n_words, low, key
        )
        if len(memo) >= _MEMO_MAX:
            memo.clear()
        memo[(tail, n_words)] = rule
        return rule

    def plan(self, words, low: str, kind: str = "phrase", heads3=None) -> tuple:
        """The triggers of ``kind`` ("phrase" or "span") present in a text.

        Computed once per document from its words and lower-cased text, then
        each line only tests these few fragments (see :meth:`phrases`).
        """
        always, exact, heads, substring = (
            self._phrase_index if kind == "phrase" else self._span_index
        )
        wset = words if isinstance(words, (set, frozenset)) else set(words)
        active: list[tuple[str, list[int]]] = [(w, exact[w]) for w in wset & exact.keyset]
        if heads:
            if heads3 is None:
                heads3 = {w[:3] for w in wset}
            for h in heads.keys() & heads3:
                active.extend((f, [k]) for f, k in heads[h] if f in low)
        active.extend((f, ks) for f, ks in substring.items() if f in low)
        return tuple(always), tuple(active)

    @staticmethod
    def line_triggers(plan: tuple, doc_low: str, starts: list[int]) -> dict[int, set[int]]:
        """The patterns of ``plan`` to run on each line, found in one pass over the document.

        ``doc_low`` is the lines' case-folded text joined by newlines, ``starts`` the
        offset of each line in it. A line gets the patterns whose fragment occurs in it
        (the same substring test as :meth:`phrases` does line by line: no fragment
        holds a newline). Lines without an entry run only the plan's ``always`` patterns.

        >>> rs = load_rules(("fr",))
        >>> low = "il pleut\\nabonnez-vous à la newsletter"
        >>> plan = rs.plan(set(low.split()), low)
        >>> sorted(RuleSet.line_triggers(plan, low, [0, 9]))
        [1]
        """
        per: dict[int, set[int]] = {}
        n = len(starts)
        end = len(doc_low)
        for frag, ks in plan[1]:
            pos = doc_low.find(frag)
            while pos >= 0:
                i = bisect_right(starts, pos) - 1
                todo = per.get(i)
                if todo is None:
                    per[i] = todo = set()
                todo.update(ks)
                pos = doc_low.find(frag, starts[i + 1] if i + 1 < n else end)
        return per

    def phrases(
        self, text: str, low: str | None = None, plan=None, todo=None
    ) -> list[tuple[Rule, int, int]]:
        """Every ``phrase`` rule hit in the line: (rule, start, end).

        Only the patterns whose leading literal occurs in the line are run
        (see :mod:`cleannews.strip._triggers`); ``plan`` (from :meth:`plan` on
        the whole document) narrows the literals to test; ``todo`` (the line's entry of
        :meth:`line_triggers` with the plan's ``always`` patterns) skips that test.
        """
        return self._run(text, low, plan, "phrase", self._phrase_patterns, todo)

    def spans(
        self, text: str, low: str | None = None, plan=None, todo=None
    ) -> list[tuple[Rule, int, int]]:
        """Inline ``span`` rule hits (glued furniture inside a line)."""
        if not self._span_patterns:
            return []
        return self._run(text, low, plan, "span", self._span_patterns, todo)

    def _run(
        self, text: str, low, plan, kind: str, patterns, todo=None
    ) -> list[tuple[Rule, int, int]]:
        scan = text[:MAX_SCAN_CHARS]
        if REFERENCE:
            todo = None  # the line-by-line trigger test, not the document's map
        if todo is None:
            if low is None:
                low = scan.casefold()
            if plan is None:
                plan = self.plan(_WORDS.findall(low), low, kind)
            always, active = plan
            todo = set(always)
            for frag, ks in active:
                if frag in low:
                    todo.update(ks)
        if not todo:
            return []
        out = []
        starts = self._starts[kind]
        if low is None or len(low) != len(scan) or REFERENCE:
            low = None  # offsets of the folded line differ: scan the whole line
        gates = self._gates[kind]
        ends = self._ends[kind]
        tail = None  # the folded line without its final white space, when first needed
        tried: dict[tuple[str, ...], list[int] | None] = {}  # several patterns share literals
        for k in sorted(todo):
            rule, pat = patterns[k]
            frags = starts[k]
            if low is not None:
                last = ends[k]
                if last is None:
                    last = ends[k] = end_literals(pat.pattern)
                if last:
                    if tail is None:
                        tail = low.rstrip(REGEX_SPACES)
                    if not tail.endswith(last):
                        continue  # a match would end the line with one of them
                gate = gates[k]
                if gate is None:
                    gate = gates[k] = rule_gate(pat.pattern, rule.requires)
                if gate:
                    for lit in gate:
                        if lit in low:
                            break
                    else:
                        continue  # no literal every match holds is in the line
            if frags is not None and low is not None:
                at = tried.get(frags, _UNSEEN)
                if at is _UNSEEN:
                    at = tried[frags] = _try_at(low, frags)
                if at is not None:
                    # the pattern is tried only where a match can start (a long line scanned
                    # by a pattern that opens with an alternation cost up to 0.4 µs a character)
                    end = 0
                    for a in at:
                        if a >= end:
                            m = pat.match(scan, a)
                            if m is not None and m.end() > a:
                                out.append((rule, a, m.end()))
                                end = m.end()
                    continue
            out.extend(
                (rule, m.start(), m.end()) for m in pat.finditer(scan) if m.end() > m.start()
            )
        return out

    def is_protected(self, text: str, low: str | None = None, key=None) -> bool:
        """True for bylines, datelines, source credits and attributions (content, keep).

        ``low``: ``text.casefold()`` and ``key``: :func:`start_key` of ``text``, when the
        caller has them already. Only the protect
        patterns that can start with the line's first word are tried; a line with no
        word is matched against all of them at once.

        >>> rs = load_rules(("fr", "en"))
        >>> rs.is_protected("• Publié le 3 mars 2025"), rs.is_protected("Publicité")
        (True, False)
        """
        if self._protect is None or len(text) >= 400:
            return False
        if key is None:
            key = start_key(text, low)
        if key[1] is None or REFERENCE:
            return bool(self._protect.match(text))
        return self._protect_index.match(text, low, key) is not None


@lru_cache(maxsize=16)
def load_rules(languages: tuple[str, ...]) -> RuleSet:
    """The compiled rules of ``languages`` (cached). Unknown codes raise ``ValueError``."""
    data = []
    for lang in languages:
        try:
            data.append(_rule_file(lang))
        except FileNotFoundError:
            raise ValueError(
                f"no boilerplate rules for language {lang!r}; available: fr, en, de, es, it"
            ) from None
    return RuleSet(data)


@lru_cache(maxsize=16)
def load_stopwords(languages: tuple[str, ...]) -> frozenset[str]:
    """Union of the stoplists of ``languages`` (words that make sentences)."""
    words: set[str] = set()
    for lang in languages:
        try:
            words |= _word_file(f"stop_{lang}.txt")
        except FileNotFoundError:
            continue
    return frozenset(words)


@lru_cache(maxsize=1)
def load_latin() -> frozenset[str]:
    """Latin function words (for the filler-text detector)."""
    return _word_file("latin.txt")

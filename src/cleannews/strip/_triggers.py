"""Cheap prefilter for phrase rules: the literal words a pattern cannot match without.

Running a hundred phrase patterns on every line is slow; almost every pattern
starts with a literal word ("recevez chaque …", "(?:nous utilisons|ce site
utilise) …"). :func:`first_fragments` extracts those leading literals, so a
pattern runs only on lines that contain one of them (a set lookup on the
line's words, or a substring test for fragments that are not whole words).
A pattern whose start cannot be read this way always runs.

    >>> sorted(first_fragments(r"(?:inscrivez-vous|abonnez-vous) (?:à|a) notre"))
    ['abonnez', 'inscrivez']
    >>> first_fragments(r"\\bphotos?\\s*:")  # a prefix of the word: marked with *
    {'photo*'}
    >>> first_fragments(r"la newsletter \\w+")
    {'newsletter'}
    >>> sorted(first_fragments(r"(?:>+\\s*)?(?:à )?lire (?:aussi|également)"))
    ['>', 'lire']
    >>> sorted(first_fragments(r"(?:à )?lire", skip_common=False))  # for line starts
    ['lire*', 'à']
    >>> sorted(first_fragments(r"\\(?photos?\\s*:"))
    ['(', 'photo*']
    >>> first_fragments(r".{0,20}truc") is None
    True
    >>> sorted(first_fragments(r"[-–•]\\s*lire")), first_fragments(r"[a-z]?truc")
    (['-', '–', '•'], None)
"""

from __future__ import annotations

import re

__all__ = ["first_fragments", "required_char", "required_literal"]

#: Fragment standing for "starts with a digit".
DIGIT = "#digit"
#: Words too frequent to be useful triggers (the next literal word is used instead).
COMMON = frozenset(
    """a à au aux c ce cet cette d de des du en et il j l la le les n nos notre nous par
    plus pour qu s sur un une vos votre vous mon ma mes ne dans tout tous an and by for in
    of on our the this to we you your is are all one may can have then only no get""".split()
)
_META = set("\\.^$*+?{}[]()|")
#: Where the group and alternative walks stop: an escape, a class, a group's bounds (and,
#: for :func:`_split_alternatives`, a ``|``); every other character is one atom on its own.
_GROUP_STOPS = re.compile(r"[\\\[()]")
_ALT_STOPS = re.compile(r"[\\\[()|]")
_LEADING = ("(?:^|\\b)", "\\b", "^", "\\s?", "\\s*", "(?:^|\\s)")
#: The leads of ``_LEADING`` that can consume characters (spaces).
_SPACE_LEADING = frozenset(("\\s?", "\\s*", "(?:^|\\s)"))
#: Characters that end a word of a pattern (besides the metacharacters).
_WORD_STOPS = _META | set(" '-,:;/\"«»")
#: A run of characters that are not in :data:`_META` (not in :data:`_WORD_STOPS`).
_META_RUN = re.compile("[^" + "".join(map(re.escape, sorted(_META))) + "]*")
_WORD_RUN = re.compile("[^" + "".join(map(re.escape, sorted(_WORD_STOPS))) + "]*")


def _atom_end(p: str, i: int) -> int:
    """End of the pattern atom at ``i``: an escape pair, a character class or one
    character (-1 for a character class that does not close).

    >>> _atom_end(r"\\d+", 0), _atom_end("[a-z]x", 0), _atom_end("(x", 0), _atom_end("[a", 0)
    (2, 5, 1, -1)
    """
    ch = p[i]
    if ch == "\\":
        return i + 2
    if ch == "[":
        j = p.find("]", i + 2)
        return j + 1 if j >= 0 else -1
    return i + 1


def _can_start_word(atom: str) -> bool:
    """Whether a pattern atom is a letter: a literal one, ``\\w`` or ``\\p{…}``. Digits,
    classes and groups are not followed (a key stays exact there, as before: "tags\\s*:" is
    keyed by "tags", and a digit run on, "lecture5", is not worth a wider key)."""
    if atom[0] == "\\":
        return atom[1:2] in ("w", "p")
    return atom[0].isalpha()


def _run_on_possible(p: str, i: int) -> bool:
    """Whether, once the optional atoms from ``i`` on are left out, a match may go on with a
    letter (so the word before ``i`` may run on into the next one: "user ?name" matches
    "Username"), or the pattern may end there (then the line's word may be longer).

    >>> _run_on_possible("user ?name", 4), _run_on_possible(r"tags\\s*:", 4)
    (True, False)
    >>> _run_on_possible(r"photo\\s*dr$", 5), _run_on_possible(r"top\\s*[↑⬆▲]", 3)
    (True, False)
    >>> _run_on_possible(r"lecture\\s*:?\\s*\\d+", 7), _run_on_possible("inscrivant,? vous", 10)
    (False, False)
    """
    j = i
    while j < len(p):
        if p[j] in "()|[":
            return False  # a group, a class or the end of an alternative: not followed
        if p[j] == "$" or p.startswith("\\b", j):
            return False  # the line or the word ends: the word before is whole
        end = _atom_end(p, j)
        if end <= 0:
            return True
        if p.startswith("\\p", j):
            return True
        atom = p[j:end]
        q, optional = end, False
        if q < len(p) and p[q] in "?*":
            optional, q = True, q + 1
        elif q < len(p) and p[q] in "+{":
            optional = p.startswith("{0", q)
            q = q + 1 if p[q] == "+" else (p.find("}", q) + 1 or len(p))
        if q < len(p) and p[q] in "?+":
            q += 1  # a lazy or possessive quantifier
        zero_width = atom == "\\B"
        if not zero_width and _can_start_word(atom):
            return True
        if not optional and not zero_width:
            return False
        j = q
    return True


def _split_alternatives(body: str) -> list[str] | None:
    """Top-level ``|`` split of a group body (None on a character class we cannot skip).

    Jumps from one of ``\\ [ ( ) |`` to the next (:data:`_ALT_STOPS`): the atoms between
    them are single characters, which only the former atom-by-atom walk visited (perf18:
    the walks over the rule patterns were a third of loading the rules).

    >>> _split_alternatives(r"a(?:b|c)|[|]d|\\|e"), _split_alternatives("a|[b")
    (['a(?:b|c)', '[|]d', '\\\\|e'], None)
    """
    parts: list[str] = []
    depth = start = i = 0
    search = _ALT_STOPS.search
    while True:
        m = search(body, i)
        if m is None:
            break
        i = m.start()
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a class: up to the first "]" after its first member (_atom_end)
            j = body.find("]", i + 2)
            if j < 0:
                return None
            i = j + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0:  # a top-level "|"
            parts.append(body[start:i])
            start = i + 1
        i += 1
    parts.append(body[start:])
    return parts


def _group_end(p: str, start: int) -> int:
    """Index of the ``)`` closing the group opened at ``start`` (or -1): :func:`_paren_end`'s
    walk, one before its answer. (It was a walk of its own that ended a class at its first
    ``]``, an escaped ``\\]`` or a nested ``[`` too; on every group of the rule data both walks
    answer alike, ``tests/test_audit19.py``.)

    >>> _group_end(r"(a[)]\\)(b))c", 0), _group_end("(a", 0), _group_end("(a[b)", 0)
    (10, -1, -1)
    >>> _group_end(r"(a[\\])]b)c", 0)  # a class holding an escaped "]" and a ")"
    8
    """
    end = _paren_end(p, start)
    return end - 1 if end >= 0 else -1


def first_fragments(
    p: str, skip_common: bool = True, *, at_start: bool = False
) -> set[str] | None:
    """Lower-case literal fragments one of which every match of ``p`` starts with.

    ``at_start=True``: literals a match starts with *exactly where it starts*, to try the
    pattern only there (used with ``skip_common=False``): a lead that can consume spaces
    (``\\s*``, ``\\s?``, ``(?:^|\\s)``) gives None, and a literal runs up to the first
    metacharacter (spaces, hyphens and apostrophes included):

    >>> first_fragments(r"\\s*lire", at_start=True) is None
    True
    >>> sorted(first_fragments(r"(?:e-mail|mot de passe|codes?) incorrect", at_start=True))
    ['code*', 'e-mail incorrect*', 'mot de passe incorrect*']
    """
    changed = True
    while changed:
        changed = False
        for lead in _LEADING:
            if p.startswith(lead):
                if at_start and lead in _SPACE_LEADING:
                    return None
                p = p[len(lead) :]
                changed = True
    if not p:
        return None
    if p.startswith("(?:") or (p.startswith("(") and not p.startswith("(?")):
        inner_start = 3 if p.startswith("(?:") else 1
        end = _group_end(p, 0)
        if end < 0:
            return None
        optional = end + 1 < len(p) and p[end + 1] in "?*"
        rest = p[end + 2 :] if optional else p[end + 1 :]
        if end + 1 < len(p) and p[end + 1] == "{":
            return None
        alts = _split_alternatives(p[inner_start:end])
        if alts is None:
            return None
        out: set[str] = set()
        for a in [*alts, ""] if optional else alts:
            f = first_fragments(a + rest, skip_common, at_start=at_start) if (a or rest) else None
            if f is None:
                return None
            out |= f
        return out
    if p.startswith("\\d"):
        return {DIGIT}
    if p.startswith("\\") and len(p) > 2 and p[2] in "?*" and not p[1].isalnum():
        rest = first_fragments(p[3:], skip_common, at_start=at_start)  # optional symbol: \(?
        return None if rest is None else rest | {p[1]}
    if p.startswith("\\(") or p.startswith("\\["):
        return {p[1]}
    if p[0] in ">" :
        return {p[0]}
    if p[0] not in _META and not p[0].isalnum() and p[0] not in " '-,:;/\"":
        return {p[0].lower()}  # a literal symbol such as © or ▶
    if p.startswith("[") and "]" in p[1:] and "\\" not in p[: p.index("]", 1)]:
        end = p.index("]", 1)
        body = p[1:end]
        # a "-" at either end of the class is itself (not a range): ``[-–•]``; an optional
        # class (``[…]?``) may be absent: its characters are not what every match starts with
        if body and not body.startswith("^") and "-" not in body[1:-1] and (
            p[end + 1 : end + 2] not in ("?", "*", "{")
        ):
            return {c.lower() for c in body}
    # the characters up to the first stop (one regex match, not a step per character)
    i = (_META_RUN if at_start else _WORD_RUN).match(p).end()
    word = list(p[:i])
    exact = True
    if i >= len(p):
        exact = False  # the pattern may end inside a longer word ("consent" in "consentez")
    elif word and p[i] != "(" and _run_on_possible(p, i):
        exact = False  # the separator after the word may be absent: "user ?name", "user\\s?name"
    elif p[i] in "?*{" and word:
        word.pop()  # the last character is optional
        exact = False
    elif p[i] == "-" and p[i + 1 : i + 2] in ("?", "*"):
        exact = False
    elif p[i : i + 2] in ("\\.", "\\)", "\\?", "\\!", "\\,"):
        exact = True  # an escaped punctuation mark ends the word
    elif p[i] in "([\\." and not p.startswith("\\b", i) and not p.startswith(
        "\\s", i
    ):
        exact = False
    frag = "".join(word).lower()
    if at_start and frag:
        return {frag if exact else frag + "*"}
    if not frag or not frag.isalpha():
        return None
    if skip_common and exact and frag in COMMON and i < len(p) and p[i] in " '":
        # "la newsletter …": the frequent first word filters nothing; use the next one
        nxt = first_fragments(p[i + 1 :], skip_common, at_start=at_start)
        if nxt is not None and DIGIT not in nxt and all(
            len(x.rstrip("*")) >= 3 or not x.rstrip("*").isalpha() for x in nxt
        ):
            return nxt
    return {frag if exact else frag + "*"}


#: Characters a :func:`required_literal` may hold: printable ASCII except ``i`` / ``I``
#: (``regex`` matches ``i`` with ``İ`` case-insensitively, whose case folding is two
#: characters); for each of them, every character ``regex`` matches case-insensitively has
#: the same case folding (``tests/test_strip_speed.py`` checks it over all of Unicode).
LITERAL_CHARS = frozenset(
    "abcdefghjklmnopqrstuvwxyzABCDEFGHJKLMNOPQRSTUVWXYZ0123456789"
    " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
)
#: Escapes that stand for one literal character.
_ESCAPED_LITERAL = frozenset(".()[]{}?*+|^$\\/-'\"!#%&,:;<=>@_`~ ")
#: A required literal shorter than this filters too little to be worth a test.
REQUIRED_MIN_CHARS = 3


def _class_end(p: str, i: int) -> int:
    """Index just after the character class opened at ``p[i] == "["`` (-1 if unclosed):
    a ``]`` right after ``[`` or ``[^`` is a member, escapes are skipped.

    >>> _class_end(r'[^"\\]\\n]x', 0), _class_end("[]a]b", 0), _class_end("[a", 0)
    (8, 4, -1)
    """
    j = i + 1
    if p[j : j + 1] == "^":
        j += 1
    if p[j : j + 1] == "]":
        j += 1
    while j < len(p):
        if p[j] == "\\":
            j += 2
            continue
        if p[j] == "[":
            return -1  # a nested set (V1 syntax) or a POSIX class: not read
        if p[j] == "]":
            return j + 1
        j += 1
    return -1


def _paren_end(p: str, i: int) -> int:
    """Index just after the group opened at ``p[i] == "("`` (-1 if it does not close).

    >>> _paren_end(r"(a[)]\\)(b))c", 0), _paren_end("(a", 0)
    (11, -1)
    """
    depth, j = 0, i
    search = _GROUP_STOPS.search
    while True:
        m = search(p, j)
        if m is None:
            return -1
        j = m.start()
        ch = p[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "[":
            j = _class_end(p, j)
            if j < 0:
                return -1
            continue
        if ch == "(":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1


def _quantifier_end(p: str, i: int) -> int:
    """Index just after the quantifier at ``p[i]`` (``?``, ``*``, ``+``, ``{m,n}``, each
    maybe lazy or possessive), or ``i`` when there is none.

    >>> _quantifier_end("a{1,3}?b", 1), _quantifier_end("ab", 1), _quantifier_end("a*+", 1)
    (7, 1, 3)
    """
    if i >= len(p):
        return i
    if p[i] in "?*+":
        j = i + 1
    elif p[i] == "{":
        k = p.find("}", i)
        body = p[i + 1 : k] if k > 0 else ""
        if not body or not all(c.isdigit() or c == "," for c in body):
            return i  # a literal brace
        j = k + 1
    else:
        return i
    if j < len(p) and p[j] in "?+":
        j += 1
    return j


def _top_level_spans(p: str) -> list[tuple[int, int, int]] | None:
    """The atoms of ``p``'s top level in order as ``(start, end, after)``: the atom is
    ``p[start:end]`` (a character, an escape, a group, a class), its quantifier, if any,
    ``p[end:after]``; None for a pattern not read this way (a top-level ``|``, verbose mode,
    code point escapes, backreferences, a quantifier with nothing before it, an unclosed
    group or class). The one walker of :func:`_top_level_atoms` and
    :func:`._rules._top_level_pieces`.

    >>> _top_level_spans(r"a\\(b?(?:c)"), _top_level_spans(r"\\p{L}+$"), _top_level_spans("a|b")
    ([(0, 1, 1), (1, 3, 3), (3, 4, 5), (5, 10, 10)], [(0, 5, 6), (6, 7, 7)], None)
    """
    if regex_verbose_flag(p):
        return None
    out: list[tuple[int, int, int]] = []
    i = 0
    while i < len(p):
        ch = p[i]
        if ch == "|":
            return None
        if ch in "([":
            # a group or a class: what it matches is not read
            end = (_paren_end if ch == "(" else _class_end)(p, i)
            if end < 0:
                return None
        elif ch == "\\":
            nxt = p[i + 1 : i + 2]
            if nxt and nxt in _ESCAPED_LITERAL:
                end = i + 2
            elif nxt in ("p", "P", "N", "X") and p[i + 2 : i + 3] == "{":
                k = p.find("}", i)
                if k < 0:
                    return None
                end = k + 1
            elif nxt in ("x", "u", "U", "0", "o", "g") or nxt.isdigit():
                return None  # code point escapes and backreferences: not read
            else:
                end = i + 2
        elif ch in "?*+{" and _quantifier_end(p, i) > i:
            return None  # a quantifier with nothing before it: not a pattern we read
        else:
            end = i + 1
        q = _quantifier_end(p, end) if end < len(p) and p[end] in "?*+{" else end
        out.append((i, end, q))
        i = q
    return out


def _top_level_atoms(p: str) -> list[tuple[str | None, bool]] | None:
    """The atoms of ``p``'s top level in order (:func:`_top_level_spans`): ``(character,
    quantified)`` for a literal character (escaped or not), ``(None, quantified)`` for
    anything else (a group, a class, an escape such as ``\\d``, ``.``, ``^``, ``$``); None
    for a pattern not read this way (a top-level ``|``, verbose mode, code point escapes,
    backreferences).

    >>> _top_level_atoms(r"a\\(b?(?:c)"), _top_level_atoms("a|b")
    ([('a', False), ('(', False), ('b', True), (None, False)], None)
    """
    spans = _top_level_spans(p)
    if spans is None:
        return None
    out: list[tuple[str | None, bool]] = []
    for i, end, q in spans:
        ch = p[i]
        if ch == "\\":
            nxt = p[i + 1 : i + 2]
            lit = nxt if nxt and nxt in _ESCAPED_LITERAL else None
        else:
            lit = None if ch in "([.^$" else ch
        out.append((lit, q > end))
    return out


def required_literal(p: str) -> str | None:
    """The longest case-folded string every match of ``p`` contains, read from the
    pattern's top level (not inside groups or classes), of :data:`LITERAL_CHARS` only and
    at least :data:`REQUIRED_MIN_CHARS` long; None when there is none (a top-level ``|``,
    verbose mode or an unreadable construct). A literal followed by a quantifier is not
    counted (it may be absent or repeated), nor is anything inside a group.

    Under ``IGNORECASE`` (``regex``, V0) a line the pattern matches holds the literal in its
    ``str.casefold()`` form whenever folding keeps the line's length (the literal's
    characters fold one to one): the anchored indexes test it before running the pattern.

    >>> required_literal(r"(?:via|/) ?getty images")
    'getty '
    >>> required_literal(r"\\d+ commentaires?"), required_literal(r"\\d{1,2}:\\d{2}")
    (' commenta', None)
    >>> required_literal(r"\\p{Lu}[\\p{Lu} ]+,\\s+\\p{Lu}\\w+\\s+\\((?:reuters|afp)\\)") is None
    True
    >>> required_literal(r"abc|def"), required_literal(r"(?x)a b c d")
    (None, None)
    """
    atoms = _top_level_atoms(p)
    if atoms is None:
        return None
    runs: list[str] = []
    cur: list[str] = []
    for lit, quantified in atoms:
        if lit is None or quantified or lit not in LITERAL_CHARS:
            runs.append("".join(cur))  # an optional or repeated character ends the run
            cur = []
        else:
            cur.append(lit)
    runs.append("".join(cur))
    best = max(runs, key=len)
    return best.casefold() if len(best) >= REQUIRED_MIN_CHARS else None


#: Characters :func:`required_char` may return, the rarest on news lines first: symbols
#: of :data:`LITERAL_CHARS` that are not letters (no case: a match holds the character
#: itself, and so does the line's case folding) and not a space.
REQUIRED_CHARS_ORDER = "()[]{}<>@#%&=+*~^`|_\\/;!?\"$0123456789:,.'-"


def required_char(p: str) -> str | None:
    """One character every match of ``p`` contains (a top-level literal of
    :data:`REQUIRED_CHARS_ORDER`, not quantified; the first of that order), or None.

    For a pattern with no :func:`required_literal` (``Dupont, 12/03/2024``: a dateline is
    all classes and escapes but its comma), a test of one character before running it.

    >>> required_char(r"\\p{Lu}[\\p{Lu} ]+,\\s+\\p{Lu}\\w+\\s+\\((?:reuters|afp)\\)")
    '('
    >>> required_char(r"\\p{Lu}\\w+,?\\s\\d+"), required_char(r"a|,")
    (None, None)
    """
    atoms = _top_level_atoms(p)
    if atoms is None:
        return None
    found = {lit for lit, quantified in atoms if lit is not None and not quantified}
    return next((c for c in REQUIRED_CHARS_ORDER if c in found), None)


def regex_verbose_flag(p: str) -> bool:
    """The pattern sets verbose mode (``x``) in an inline flag group (spaces then mean
    nothing, so no literal is read).

    >>> regex_verbose_flag("(?ix)a b"), regex_verbose_flag("(?-i:A b)")
    (True, False)
    """
    i = p.find("(?")
    while i >= 0:
        j = i + 2
        while j < len(p) and (p[j].isalpha() or p[j] == "-"):
            j += 1
        if "x" in p[i + 2 : j] and p[j : j + 1] in (")", ":"):
            return True
        i = p.find("(?", i + 2)
    return False

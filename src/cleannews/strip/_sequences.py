"""The strip stage's one reader of "this line is an item of a numbered sequence" (issue 10,
round 32): a council's agenda printed again over each of its points ("1. Appel nominatif" /
"2. Assermentations", fr-r31-0006), a minutes archive by year ("Año 2015" … "Año 2011" under
"Archivo de plenos", es-r31-0002), a regulation's articles ("Art. 1" … "Art. 3").
Numbers that follow each other are the document's structure: a widget's label printed again
carries the same words each time, a menu's items no running number.
``detectors.judge_lines`` sets ``_Line.numbered`` from :func:`numbered_lines` before any
detector runs; the repeated-block rule, the menu-run rule and the context rule never take a
flagged line (until round 31 the first two did, and ``_keep.give_back_numbered`` gave the line
back after the models).
One pass over the page; a line of more than :data:`ENUM_ITEM_MAX_WORDS` words is read no
further, another is matched once from its start by two anchored patterns: linear time.

    >>> from cleannews.strip.detectors import _Line
    >>> texts = ["Archivo de plenos", "Año 2015", "", "Año 2014", "Año 2013", "Contacto"]
    >>> numbered_lines([_Line(t, frozenset()) for t in texts])
    [0, 1, 3, 4]
"""

from __future__ import annotations

from cleannews._lazyre import LazyPattern
from cleannews.strip._keep import _months

#: A numbered sequence has at least this many items, their numbers following each other
#: (1, 2, 3 or 2015, 2014, 2013) in page order, other lines between them allowed, in one of
#: two shapes:
SEQUENCE_MIN_ITEMS = 3
#: an item that opens with its number ("1. Appel nominatif", "2) Budget"), of at most this
#: many words (a numbered clause of a paragraph is longer and is not read as an item) …
ENUM_ITEM_MAX_WORDS = 12
_ENUM_ITEM = LazyPattern(r"^(\d{1,3})[.)]\s+\p{L}")
#: … or a label and its number ("Año 2015", "TITOLO II", "Art. 3"), the same label for every
#: item; a month's name is no label (a blog's archive widget: "mars 2024" / "mars 2023").
_LABEL_NUMBER = LazyPattern(r"^(\p{L}++\.?)\s++(\d{1,4}|[IVXLC]{1,7})$")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
#: The line right above a sequence's first item, of at most this many words, ending no
#: sentence and numbering nothing, is the sequence's heading ("Archivo de plenos" above
#: "Año 2015"): flagged with it.
SEQUENCE_HEADING_MAX_WORDS = 5


def _roman(text: str) -> int:
    """The value of a Roman numeral in capitals (0 when it is none).

    >>> [_roman(t) for t in ("I", "IV", "XII", "IIII", "VX")]
    [1, 4, 12, 0, 0]
    """
    total, prev = 0, 0
    for c in reversed(text):
        v = _ROMAN[c]
        total += -v if v < prev else v
        prev = max(prev, v)
    # a numeral written otherwise ("IIII", "VX") is no numeral (the canonical form is rebuilt)
    return total if _to_roman(total) == text else 0


def _to_roman(n: int) -> str:
    """``n`` (1–399) in Roman capitals.

    >>> _to_roman(14), _to_roman(399)
    ('XIV', 'CCCXCIX')
    """
    out = []
    for v, s in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                 (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def numbering(ln) -> tuple[str, int] | None:
    """(sequence, number) of a numbered item (:data:`_ENUM_ITEM`, :data:`_LABEL_NUMBER`):
    the sequence is ``"#"`` for an item opening with its number, its label otherwise.

    >>> from cleannews.strip.detectors import _Line
    >>> [numbering(_Line(t, frozenset())) for t in ("1. Appel nominatif", "Año 2015",
    ...  "TITOLO II", "mars 2024", "Home")]
    [('#', 1), ('año', 2015), ('titolo', 2), None, None]
    """
    if ln.blank or ln.n > ENUM_ITEM_MAX_WORDS:
        return None
    t = ln.text  # (stripped): an item opens with a digit, a label's number ends the line
    if t[0].isdigit():
        m = _ENUM_ITEM.match(t)
        return None if m is None else ("#", int(m.group(1)))
    if not (t[-1].isdigit() or t[-1] in "IVXLC"):
        return None
    m = _LABEL_NUMBER.match(t)
    if m is None:
        return None
    label = m.group(1).casefold()
    if label.rstrip(".") in _months():
        return None
    num = m.group(2)
    value = int(num) if num.isdigit() else _roman(num)
    return (label, value) if value else None


def _menu_numbers(ln) -> bool:
    """A label and a small Arabic number ("Rubrique 3", "Page 2", "Saison 4"): printed line
    after line, with nothing between the items, such a sequence is a menu or a pager, not the
    document's structure; a year ("Año 2015"), a Roman numeral ("TITOLO II") or an item opening
    with its number ("1. Appel nominatif") is (review of round 30: a menu "Rubrique 0" …
    "Rubrique 11" came back).

    >>> from cleannews.strip.detectors import _Line
    >>> [_menu_numbers(_Line(t, frozenset())) for t in ("Page 2", "Año 2015", "TITOLO II",
    ...  "1. Appel nominatif")]
    [True, False, False, False]
    """
    got = numbering(ln)
    if got is None or got[0] == "#":
        return False
    last = ln.text.split()[-1]
    return last.isdigit() and len(last) < 4


def _sequence_heading(ln) -> bool:
    """A short line (:data:`SEQUENCE_HEADING_MAX_WORDS`) ending no sentence, numbering
    nothing: a numbered sequence's heading when it stands right above the first item.

    >>> from cleannews.strip.detectors import _Line
    >>> [_sequence_heading(_Line(t, frozenset())) for t in ("Archivo de plenos",
    ...  "Voici les archives.", "Les archives des séances du conseil municipal", "Año 2016")]
    [True, False, False, False]
    """
    return 0 < ln.n <= SEQUENCE_HEADING_MAX_WORDS and not ln.ends and numbering(ln) is None


def numbered_lines(lines) -> list[int]:
    """Indices of the items of the page's numbered sequences and of their headings: at least
    :data:`SEQUENCE_MIN_ITEMS` items of one sequence (:func:`numbering`), their numbers
    following each other in page order, other lines between them allowed, and the nearest
    non-blank line above the first item when it reads as a heading (:func:`_sequence_heading`).
    A label's small numbers printed line after line are a menu or a pager (:func:`_menu_numbers`:
    "Page 1" / "Page 2" / "Page 3" count only with other lines between them, as a regulation's
    "Art. 1" … "Art. 3"). One pass: each sequence keeps its last number and direction, a
    number that does not follow starts the sequence again.

        >>> from cleannews.strip.detectors import _Line
        >>> text = ["ORDRE DU JOUR", "1. Appel nominatif", "2. Assermentations",
        ...         "3. Approbation de l’ordre du jour", "Mme la Présidente ouvre la séance.",
        ...         "1. Appel nominatif", "Le quorum est atteint.", "2. Assermentations"]
        >>> numbered_lines([_Line(t, frozenset()) for t in text])
        [0, 1, 2, 3]
        >>> numbered_lines([_Line(f"Rubrique {k}", frozenset()) for k in range(5)])
        []
    """
    # sequence -> [last number, direction (+1 / -1 / 0 unknown yet), its items so far,
    #              non-blank lines seen through its last item, other lines between its items,
    #              the nearest non-blank line above its first item (-1: none)]
    open_: dict[str, list] = {}
    marked: set[int] = set()
    seen = 0  # non-blank lines so far
    above = -1  # the nearest non-blank line above the current one

    def close(seq: list) -> None:
        if len(seq[2]) >= SEQUENCE_MIN_ITEMS and (seq[4] or not _menu_numbers(lines[seq[2][0]])):
            marked.update(seq[2])
            if seq[5] >= 0 and _sequence_heading(lines[seq[5]]):
                marked.add(seq[5])

    for i, ln in enumerate(lines):
        if ln.blank:
            continue
        seen += 1
        got = numbering(ln)
        prev, above = above, i
        if got is None:
            continue
        key, num = got
        seq = open_.get(key)
        step = 0 if seq is None else num - seq[0]
        if seq is not None and abs(step) == 1 and seq[1] in (0, step):
            seq[4] = seq[4] or seen - seq[3] > 1
            seq[0], seq[1], seq[3] = num, step, seen
            seq[2].append(i)
            continue
        if seq is not None:
            close(seq)
        open_[key] = [num, 0, [i], seen, False, prev]
    for seq in open_.values():
        close(seq)
    return sorted(marked)

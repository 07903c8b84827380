"""Repair stage: mojibake, HTML entities, invisible characters, layout, crawler prefix.

Each repair is a :class:`~cleannews.Change` that says what changed and why::

    >>> from cleannews.config import DEFAULT_CONFIG
    >>> text = "Le march\\u00c3\\u00a9 &amp; l\\u2019\\u00e9conomie\\n\\u00a0\\n\\nFin.\\n"
    >>> r = repair_text(text, DEFAULT_CONFIG)
    >>> r.text
    'Le marché & l’économie\\n\\nFin.\\n'
    >>> [c.rule for c in r.changes]
    ['fix_mojibake', 'unescape_html', 'drop_blank_lines']

ftfy does the mojibake work, line by line as ``ftfy.fix_text`` does, with
its explanation plan replayed step by step so that each step becomes its own
change. French typography is kept: ftfy's ``uncurl_quotes`` is off unless
``CleanConfig(keep_typography=False)``. Text that :func:`~cleannews.repairs.fastpath.needs_repair`
proves clean skips ftfy altogether (the *fast path*); the result is the same.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any

from cleannews._align import AlignedResult, Alignment, map_changes
from cleannews._lines import split_lines
from cleannews.config import CleanConfig
from cleannews.document import Change
from cleannews.repairs.fastpath import needs_repair, suspect_lines
from cleannews.repairs.fixes import (
    BLANK_CHARS,
    entity_hunks,
    fix_mojibake_in_words,
    fix_windows1250_a_mojibake,
    lift_crawler_prefix,
    remove_invisible_chars,
    separators_to_line_breaks,
)

__all__ = ["MAX_SEGMENT", "RepairResult", "repair_text", "repair_value"]

#: Longest piece of a line handed to ftfy at once (ftfy's own ``max_decode_length``).
MAX_SEGMENT = 1_000_000

_ENCODING_NAMES = {
    "sloppy-windows-1252": "Windows-1252",
    "windows-1252": "Windows-1252",
    "latin-1": "Latin-1",
    "iso-8859-2": "ISO-8859-2",
    "sloppy-windows-1250": "Windows-1250",
    "windows-1250": "Windows-1250",
    "sloppy-windows-1251": "Windows-1251",
    "windows-1251": "Windows-1251",
    "sloppy-windows-1253": "Windows-1253",
    "sloppy-windows-1254": "Windows-1254",
    "sloppy-windows-1257": "Windows-1257",
    "macroman": "MacRoman",
    "cp437": "DOS code page 437",
    "utf-8": "UTF-8",
    "utf-8-variants": "UTF-8",
}

#: Rule name and human reason for each ftfy fixer that may appear in a plan.
FTFY_RULES: dict[str, tuple[str, str]] = {
    "fix_c1_controls": (
        "fix_c1_controls",
        "C1 control characters (Windows-1252 bytes read as Latin-1) replaced by the "
        "characters they stand for",
    ),
    "fix_latin_ligatures": ("fix_ligatures", "typographic ligature split into its letters"),
    "fix_character_width": ("fix_character_width", "full-width characters turned to normal width"),
    "uncurl_quotes": ("uncurl_quotes", "curly quotes straightened (keep_typography=False)"),
    "fix_line_breaks": ("fix_line_breaks", "unusual line break turned into a newline"),
    "fix_surrogates": (
        "fix_surrogates",
        "UTF-16 surrogates: a pair joined into one character, a lone half replaced by U+FFFD",
    ),
    "remove_terminal_escapes": ("remove_terminal_escapes", "terminal colour codes removed"),
    "remove_control_chars": ("remove_control_chars", "control characters removed"),
    "restore_byte_a0": (
        "fix_mojibake",
        "mojibake in which a no-break space had become a plain space",
    ),
    "replace_lossy_sequences": (
        "fix_mojibake",
        "mojibake partly lost to '?' or '\ufffd': the damaged character is marked with '\ufffd'",
    ),
    "decode_inconsistent_utf8": (
        "fix_mojibake",
        "UTF-8 mojibake mixed with correct text: each damaged sequence decoded in place",
    ),
}


#: Rule name and reason of a removed byte-order mark (U+FEFF): ftfy's ``remove_control_chars``
#: removes it, but it is no control character, so its change is named apart (round 25; the
#: text is the same). Also a U+FEFF inside the text (files joined with their marks).
BYTE_ORDER_MARK: tuple[str, str] = (
    "byte_order_mark",
    "byte-order mark (U+FEFF) removed: an encoding marker, not part of the text",
)


#: Runs of byte-order marks a ``remove_control_chars`` hunk may hold and still be split into
#: named pieces (:func:`_bom_pieces`); marks strewn through more control characters than that
#: (garbage: 1 MB of them made a million changes) leave the hunk one change, as before.
MAX_MARK_RUNS = 16
_MARK_RUN = re.compile("\ufeff+")


def _bom_pieces(old: str, new: str, hunk: tuple[int, int, int, int]) -> list[tuple[Any, ...]]:
    """A ``remove_control_chars`` hunk split so that each run of byte-order marks it removed
    is a piece of its own: ``(o0, o1, n0, n1, is_bom)``, in order. ftfy removes U+FEFF with
    the control characters: a mark beside a control character (``"\ufeff\x01Le"``) was one
    ``remove_control_chars`` change, and the mark was never named (audit28). Pieces of
    control characters that only kept characters separate stay one (as :func:`_hunks`
    merged them); a hunk without a mark, or with more than :data:`MAX_MARK_RUNS` runs of
    them, is returned whole.

    >>> _bom_pieces("\ufeff\x01Le", "Le", (0, 2, 0, 0))
    [(0, 1, 0, 0, True), (1, 2, 0, 0, False)]
    >>> _bom_pieces("\x01a\x02b", "ab", (0, 3, 0, 1))
    [(0, 3, 0, 1, False)]
    """
    o0, o1, n0, n1 = hunk
    runs = sum(1 for _ in islice(_MARK_RUN.finditer(old, o0, o1), MAX_MARK_RUNS + 1))
    if not runs or runs > MAX_MARK_RUNS:
        return [(*hunk, False)]
    pieces: list[tuple[Any, ...]] = []
    i, j = o0, n0
    while i < o1:
        if j < n1 and old[i] == new[j]:  # a kept character (the control ones are all removed)
            i, j = i + 1, j + 1
            continue
        bom, s = old[i] == "\ufeff", i
        while i < o1 and (old[i] == "\ufeff") == bom and not (j < n1 and old[i] == new[j]):
            i += 1
        last = pieces[-1] if pieces else None
        if last is not None and not bom and not last[4]:  # only kept characters between
            pieces[-1] = (last[0], i, last[2], j, False)
        else:
            pieces.append((s, i, j, j, bom))
    return pieces


#: Output of :func:`repair_text`: spans of ``changes`` point into the input.
RepairResult = AlignedResult


@lru_cache(maxsize=4)
def _ftfy_config(keep_typography: bool, fix_encoding: bool, remove_controls: bool) -> Any:
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,  # done by unescape_html_entities, which also handles "<"
        fix_encoding=fix_encoding,
        uncurl_quotes=not keep_typography,
        remove_control_chars=remove_controls,
        normalization="NFC",
        max_decode_length=MAX_SEGMENT,
        explain=True,
    )


def _plan_groups(plan: list[Any]) -> list[list[Any]]:
    """Split an ftfy plan into replayable actions: encode…decode runs, or single steps.

    Successive encode…decode runs (text damaged twice or more) make one action:
    one change per damaged character, not one per layer of damage.

    >>> _plan_groups([("encode", "a"), ("decode", "b"), ("encode", "a"), ("decode", "b"),
    ...               ("apply", "fix_line_breaks")])  # doctest: +NORMALIZE_WHITESPACE
    [[('encode', 'a'), ('decode', 'b'), ('encode', 'a'), ('decode', 'b')],
     [('apply', 'fix_line_breaks')]]
    """
    groups: list[list[Any]] = []
    current: list[Any] = []
    for step in plan:
        if current:
            current.append(step)
            if step[0] == "decode":
                if groups and groups[-1][0][0] == "encode" and groups[-1][-1][0] == "decode":
                    groups[-1].extend(current)
                else:
                    groups.append(current)
                current = []
        elif step[0] == "encode":
            current = [step]
        else:
            groups.append([step])
    if current:
        groups.append(current)
    return groups


def _describe(group: list[Any]) -> tuple[str, str]:
    """Rule name and reason of one plan group."""
    op, arg = group[0][0], group[0][1]
    if op == "encode":
        wrong = _ENCODING_NAMES.get(arg, arg)
        right = _ENCODING_NAMES.get(group[-1][1], group[-1][1])
        extra = [FTFY_RULES[s[1]][1] for s in group if s[0] == "transcode" and s[1] in FTFY_RULES]
        reason = f"mojibake: {right} text had been decoded as {wrong}; decoded again as {right}"
        rounds = sum(1 for s in group if s[0] == "decode")
        if rounds > 1:
            reason = (
                f"mojibake, {rounds} layers: {right} text had been decoded as {wrong} "
                f"{rounds} times over; decoded again {rounds} times"
            )
        if extra:
            reason += " (" + "; ".join(extra) + ")"
        return "fix_mojibake", reason
    if op == "normalize":
        return "normalize_nfc", f"Unicode normalised to {arg} (accents composed with their letters)"
    return FTFY_RULES.get(arg, (arg, f"ftfy fix {arg}"))


def _apply_group(text: str, group: list[Any]) -> str:
    if group[0][0] == "normalize":
        return unicodedata.normalize(group[0][1], text)
    import ftfy

    return ftfy.apply_plan(text, [tuple(s) for s in group])


class _LineEditor:
    """Applies successive whole-line edits, recording a Change per edit and the alignment."""

    def __init__(self, text: str, base: int) -> None:
        self.text = text
        self.base = base
        self.alignment = Alignment.identity(len(text))
        self.identity = True  # no edit yet: the alignment maps every offset to itself
        self.changes: list[Change] = []

    def apply(
        self,
        new: str,
        rule: str,
        reason: str,
        hunks: list[tuple[int, int, int, int]] | None = None,
    ) -> None:
        """Replace the line by ``new``: one Change per changed region (hunk)."""
        old = self.text
        if new == old:
            return
        if hunks is None:
            hunks = _hunks(old, new)
        step = Alignment.from_hunks(hunks, len(old))
        base = self.base
        to_input = None if self.identity else self.alignment.to_input
        for hunk in hunks:
            pieces = (_bom_pieces(old, new, hunk) if rule == "remove_control_chars"
                      else [(*hunk, False)])
            for o0, o1, n0, n1, bom in pieces:
                start, end = (o0, o1) if to_input is None else to_input(o0, o1)
                # ftfy removes the byte-order mark with the control characters
                name, why = BYTE_ORDER_MARK if bom else (rule, reason)
                self.changes.append(
                    Change("repair", name, (start + base, end + base), old[o0:o1], new[n0:n1],
                           why))
        self.alignment = step if self.identity else self.alignment.compose(step)
        self.identity = False
        self.text = new


#: Changed regions closer than this many unchanged characters are reported as one.
HUNK_MERGE_GAP = 2


def _hunks(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """Changed regions ``(old_start, old_end, new_start, new_end)``, in order.

    Re-decoding text keeps its ASCII characters where they were, so when the
    ASCII skeletons of ``old`` and ``new`` agree, the hunks are the differing
    non-ASCII runs between them (one C-speed split); otherwise, or inside a long
    run, :func:`_diff_hunks` finds them.

    >>> _hunks("cafÃ© au lait, thÃ©", "café au lait, thé")
    [(3, 5, 3, 4), (17, 19, 16, 17)]
    >>> _hunks("l’Ã©tÃ© ’", "l’été ’")
    [(2, 7, 2, 5)]
    """
    a = _ASCII_RUNS.split(old)
    b = _ASCII_RUNS.split(new)
    if len(a) != len(b) or a[1::2] != b[1::2]:
        return _diff_hunks(old, new)
    hunks: list[tuple[int, int, int, int]] = []
    o = n = 0
    for k in range(0, len(a), 2):
        x, y = a[k], b[k]
        if x != y:
            if len(x) > LONG_RUN or len(y) > LONG_RUN:
                found = [(o + h[0], o + h[1], n + h[2], n + h[3]) for h in _diff_hunks(x, y)]
            else:
                p = _equal_run(x, 0, y, 0, min(len(x), len(y)))
                q = _equal_run(x[::-1], 0, y[::-1], 0, min(len(x), len(y)) - p)
                found = [(o + p, o + len(x) - q, n + p, n + len(y) - q)]
            for h in found:
                last = hunks[-1] if hunks else None
                if last and h[0] - last[1] <= HUNK_MERGE_GAP and h[2] - last[3] <= HUNK_MERGE_GAP:
                    hunks[-1] = (last[0], h[1], last[2], h[3])
                else:
                    hunks.append(h)
        o += len(x)
        n += len(y)
        if k + 1 < len(a):
            o += len(a[k + 1])
            n += len(a[k + 1])
    return hunks


_ASCII_RUNS = re.compile(r"([\x00-\x7f]+)")
#: Non-ASCII runs longer than this (characters) are diffed finely, not reported whole.
LONG_RUN = 32


def _diff_hunks(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """Changed regions ``(old_start, old_end, new_start, new_end)``, in order.

    Repairs are local (a mojibake sequence becomes one character), so a
    greedy scan that re-synchronises on the next :data:`SYNC_CHARS` equal
    characters within :data:`SYNC_WINDOW` finds them in linear time.

    >>> _diff_hunks("cafÃ© au lait, thÃ©", "café au lait, thé")
    [(3, 5, 3, 4), (17, 19, 16, 17)]
    >>> _diff_hunks("ﬁn", "fin")
    [(0, 1, 0, 2)]
    """
    limit = min(len(old), len(new))
    p = _equal_run(old, 0, new, 0, limit)
    s = _equal_run(old[::-1], 0, new[::-1], 0, limit - p) if p < limit else 0
    o_end, n_end = len(old) - s, len(new) - s
    hunks: list[tuple[int, int, int, int]] = []
    i, j = p, p
    while i < o_end or j < n_end:
        if i < o_end and j < n_end and old[i] == new[j]:
            k = _equal_run(old, i, new, j, min(o_end - i, n_end - j))
            i += k
            j += k
            continue
        sync = _quick_resync(old, new, i, j, o_end, n_end)
        if sync is None:
            sync = _resync(old, new, i, j, o_end, n_end)
        if sync is None:
            hunks.append((i, o_end, j, n_end))
            break
        i2, j2 = sync
        if hunks and i - hunks[-1][1] <= HUNK_MERGE_GAP and j - hunks[-1][3] <= HUNK_MERGE_GAP:
            hunks[-1] = (hunks[-1][0], i2, hunks[-1][2], j2)
        else:
            hunks.append((i, i2, j, j2))
        i, j = i2, j2
    return hunks


def _equal_run(a: str, i: int, b: str, j: int, limit: int) -> int:
    """Length of the longest equal run ``a[i:i+k] == b[j:j+k]``, ``k <= limit``.

    Compares growing blocks (C-speed slices), then halves them: linear in ``k``.

    >>> _equal_run("xxabcdef", 2, "abcdXf", 0, 6)
    4
    """
    k, step = 0, 16
    while step:
        if k + step <= limit and a[i + k : i + k + step] == b[j + k : j + k + step]:
            k += step
            step = min(step * 2, 4096)
        else:
            step //= 2
    return k


#: Equal characters that end a changed region.
SYNC_CHARS = 3
#: How far (characters) to look for the end of a changed region.
SYNC_WINDOW = 48


#: Largest ``di + dj`` tried by :func:`_quick_resync` (mojibake: 2-6 characters -> 1).
QUICK_SYNC = 8


def _quick_resync(
    old: str, new: str, i: int, j: int, o_end: int, n_end: int
) -> tuple[int, int] | None:
    """:func:`_resync`'s answer when it lies within ``QUICK_SYNC`` steps, else None.

    Tries ``(i + di, j + dj)`` by increasing ``di + dj`` (then ``dj``), the order
    in which :func:`_resync` prefers them, so the first hit is its answer; only
    used away from the ends, where every anchor is a full ``SYNC_CHARS`` long.

    >>> _quick_resync("xxÃ©yyyy", "xxéyyyy", 2, 2, 8, 7)
    >>> _quick_resync("xxÃ©yyyyyyyyyyyy", "xxéyyyyyyyyyyyy", 2, 2, 16, 15)
    (4, 3)
    """
    if i + QUICK_SYNC + SYNC_CHARS > o_end or j + QUICK_SYNC + SYNC_CHARS > n_end:
        return None
    for total in range(1, QUICK_SYNC + 1):
        for dj in range(total + 1):
            di = total - dj
            if old[i + di : i + di + SYNC_CHARS] == new[j + dj : j + dj + SYNC_CHARS]:
                return i + di, j + dj
    return None


def _resync(old: str, new: str, i: int, j: int, o_end: int, n_end: int) -> tuple[int, int] | None:
    """The first ``(i2, j2)`` after a mismatch where both texts agree again."""
    best: tuple[int, int] | None = None
    for dj in range(0, min(SYNC_WINDOW, n_end - j) + 1):
        anchor = new[j + dj : j + dj + SYNC_CHARS]
        if j + dj >= n_end:
            anchor = ""
        if anchor:
            pos = old.find(anchor, i, min(o_end, i + SYNC_WINDOW) + SYNC_CHARS)
            if pos >= 0 and (pos > i or dj > 0) and pos + len(anchor) <= o_end + SYNC_CHARS:
                cand = (pos, j + dj)
                if best is None or cand[0] + cand[1] < best[0] + best[1]:
                    best = cand
        elif j + dj == n_end:
            cand = (o_end, n_end)
            if best is None or cand[0] + cand[1] < best[0] + best[1]:
                best = cand
        if best is not None and best[0] + best[1] <= i + j + dj:
            break
    return best


def _repair_segment(seg: str, base: int, config: CleanConfig) -> _LineEditor:
    """Run the character-level repairs on one line (or a slice of a very long one)."""
    ed = _LineEditor(seg, base)
    if config.remove_invisible:
        ed.apply(
            separators_to_line_breaks(seg),
            "fix_line_breaks",
            "vertical tab, form feed or record separator (a line or page break in Word "
            "exports and PDF text) turned into a line break, not removed with the words "
            "on either side glued together",
        )
    if config.unescape_html and "&" in seg:
        reason = "HTML entity replaced by the character it stands for"
        for _ in range(3):  # "&#38;eacute;" was escaped twice
            unescaped, hunks = entity_hunks(ed.text)
            if not hunks:
                break
            ed.apply(unescaped, "unescape_html", reason, hunks)
    for _ in range(MAX_PASSES):
        start = ed.text
        _ftfy_pass(ed, config)
        if config.fix_encoding:
            ed.apply(
                fix_windows1250_a_mojibake(ed.text),
                "fix_mojibake",
                "UTF-8 read as Windows-1250: Ă or Ĺ where only mojibake puts them (after a "
                "lower-case letter, or Ă alone for à) decoded to the letter it stands for",
            )
        if config.fix_encoding and any(c.rule == "fix_mojibake" for c in ed.changes):
            # the line is known to carry mojibake: what ftfy left inside words goes too
            ed.apply(
                fix_mojibake_in_words(ed.text),
                "fix_mojibake",
                "UTF-8 mojibake inside a word (two characters between letters, such as Å“) "
                "decoded to the letter it stands for",
            )
        if config.remove_invisible:
            before = ed.text
            ed.apply(
                remove_invisible_chars(before),
                "remove_invisible",
                "invisible characters removed (zero-width space, soft hyphen, direction mark, BOM)",
            )
            if ed.text != before:
                continue  # ftfy sees the line again without them
        if ed.text == start or not (config.fix_encoding and _is_bad(ed.text)):
            break  # another round is for mojibake that this round uncovered
    return ed


def _is_bad(text: str) -> bool:
    """ftfy's mojibake detector (:func:`.badness.is_bad`; ftfy is imported on first use)."""
    from cleannews.repairs.badness import is_bad

    return is_bad(text)


#: Rounds of (ftfy, invisible-character removal) on a line, repeated while a round
#: changes the line (so that repairing the repaired text changes nothing): a soft
#: hyphen may sit inside mojibake (a byte AD of UTF-8) and must stay until ftfy has
#: seen it, or may split mojibake that ftfy can only repair once it is gone; a control
#: character between the bytes of mojibake hides it from the in-place decoding of a
#: mixed line until ftfy's fixers have removed it ("A\x1fÖ\x91Â\x1f\x80").
MAX_PASSES = 3


def _ftfy_pass(ed: _LineEditor, config: CleanConfig) -> None:
    """ftfy's fixes on the line, each plan step a change; implausible repairs refused."""
    import ftfy.fixes

    from cleannews.repairs import ftfy_steps
    from cleannews.repairs.plausible import implausible_repair

    cfg = _ftfy_config(config.keep_typography, config.fix_encoding, config.remove_invisible)
    fixed, plan = ftfy_steps.fix_and_explain(ed.text, cfg)
    if fixed != ed.text and config.fix_encoding and implausible_repair(ed.text, fixed):
        # mixed line: decode each mojibake sequence in place instead, unless that
        # too is implausible (then the line is left as it is)
        in_place = ftfy.fixes.decode_inconsistent_utf8(ed.text)
        hunks = _hunks(ed.text, in_place)
        if hunks and not implausible_repair(ed.text, in_place, hunks):
            reason = FTFY_RULES["decode_inconsistent_utf8"][1]
            ed.apply(in_place, "fix_mojibake", reason, hunks)
        fixed, plan = ftfy_steps.fix_and_explain(ed.text, cfg._replace(fix_encoding=False))
    if fixed == ed.text:
        return
    replayed = ed.text
    steps: list[tuple[str, str, str]] = []
    for group in _plan_groups(plan or []):
        replayed = _apply_group(replayed, group)
        steps.append((replayed, *_describe(group)))
    if replayed == fixed:
        for new, rule, reason in steps:
            ed.apply(new, rule, reason)
    else:  # a plan that does not replay: record the whole fix as one change
        rule, reason = _describe(_plan_groups(plan)[0]) if plan else ("ftfy", "ftfy repair")
        ed.apply(fixed, rule, reason)


@dataclass
class _Line:
    text: str | None  # repaired text, without its terminator; None: text[cs:ce] as is
    alignment: Alignment | None  # repaired text -> input (absolute); None: text[cs:ce] as is
    cs: int  # input offset of the line's content (after a crawler prefix)
    ce: int  # input offset of the content's end (before "\r\n" or "\n")
    start: int  # input offset of the line
    end: int  # input offset after the line's terminator
    blank: bool  # only spaces / no-break spaces (or nothing)
    had_chars: bool  # the blank line held some whitespace characters


def _line_seeds(text: str, suspect: set[int], crawler_at: int, layout: bool) -> set[int]:
    """Start offsets of the lines the repair loop must see one by one.

    Every other line is *plain*: not suspect (the fast path proved it clean),
    not the crawler-prefix line, and either not blank or a single empty line
    between two plain lines, where the layout pass keeps it as it is. The seeds:
    suspect lines, the crawler line, lines of blank characters, runs of two or
    more empty lines, empty lines at either edge, and the empty lines next to
    any of these (a suspect line may turn blank once repaired and join them).

    >>> sorted(_line_seeds("a\\n\\nb\\n\\n\\n\\nc\\n \\nd\\n\\n", set(), -1, True))
    [5, 6, 7, 10, 14]
    """
    seeds = set(suspect)
    if crawler_at >= 0:
        seeds.add(crawler_at)
    if layout:
        if _BLANK_FIRST_LINE.match(text) or text.startswith("\n"):
            seeds.add(0)
        seeds.update(m.start() + 1 for m in _BLANK_CHARS_LINE.finditer(text))
        pos = text.find("\n\n\n")
        while pos >= 0:  # each empty line of a run of two or more
            end = pos + 1
            while end < len(text) and text[end] == "\n":
                seeds.add(end)
                end += 1
            pos = text.find("\n\n\n", end)
        if text.endswith("\n\n"):
            seeds.add(len(text) - 1)
    for s in list(seeds):  # widen to the empty lines around each seed (linear:
        p = s  # a walk stops at a line already seen)
        while p >= 1 and (p == 1 or text[p - 2] == "\n") and p - 1 not in seeds:
            p -= 1
            seeds.add(p)
        nxt = text.find("\n", s) + 1
        while 0 < nxt < len(text) and text[nxt] == "\n" and nxt not in seeds:
            seeds.add(nxt)
            nxt += 1
    return seeds


def _units(text: str, seeds: set[int]) -> Iterator[tuple[int, int, int, bool]]:
    """``split_lines(text)`` with each run of lines between two seeds merged into
    one *plain* unit: ``(start, end_of_content, end_with_newline, plain)``.

    >>> list(_units("a\\nb\\n\\nc\\nd", {4}))
    [(0, 3, 4, True), (4, 4, 5, False), (5, 8, 8, True)]
    """
    pos, n = 0, len(text)
    for s in sorted(seeds):
        if s >= n:
            continue
        if s > pos:
            yield pos, s - 1, s, True
        nl = text.find("\n", s)
        end = n if nl < 0 else nl + 1
        yield s, n if nl < 0 else nl, end, False
        pos = end
    if pos < n:
        yield pos, n - 1 if text.endswith("\n") else n, n, True


def _gap_change(gap: list[_Line], text: str, at_edge: bool) -> Change:
    start, end = gap[0].start, gap[-1].end
    if at_edge:
        rule, reason = "strip_edge_blank_lines", "blank lines at the start or end of the document"
    elif any(g.had_chars for g in gap):
        rule = "drop_blank_lines"
        reason = "lines holding only spaces or no-break spaces removed; the paragraph break kept"
    else:
        rule, reason = "collapse_blank_lines", f"run of {len(gap)} blank lines collapsed to one"
    return Change("repair", rule, (start, end), text[start:end], "" if at_edge else "\n", reason)


# A line of blank characters only (after a line break; the first line is
# checked with ``match``): the layout pass would drop it. Starts with a literal
# "\n", so the engine skips from line break to line break.
_BLANK_LINE = re.compile("\n[" + re.escape(BLANK_CHARS) + "]+(?:\n|\\Z)")
_BLANK_FIRST_LINE = re.compile("[" + re.escape(BLANK_CHARS) + "]+(?:\n|\\Z)")
# A line of blank characters after a line break, its end not consumed (so that
# consecutive ones are all found).
_BLANK_CHARS_LINE = re.compile("\n[" + re.escape(BLANK_CHARS) + "]+(?=\n|\\Z)")


def _layout_work(text: str) -> bool:
    """True when the layout pass could change ``text`` (blank lines to drop or collapse)."""
    return (
        text.startswith("\n")
        or text.endswith("\n\n")
        or "\n\n\n" in text
        or _BLANK_FIRST_LINE.match(text) is not None
        or _BLANK_LINE.search(text) is not None
    )


def _nothing_to_do(text: str, config: CleanConfig) -> bool:
    """True when the fast path proves every line clean and the layout pass has no work.

    >>> from cleannews.config import DEFAULT_CONFIG
    >>> _nothing_to_do("Un.\\n\\nDeux.\\n", DEFAULT_CONFIG)
    True
    >>> _nothing_to_do("Un.\\n\\n\\nDeux.\\n", DEFAULT_CONFIG)
    False
    """
    if config.lift_crawler_metadata and lift_crawler_prefix(text)[2] is not None:
        return False
    return _clean_but_for_a_prefix(text, config)


def _clean_but_for_a_prefix(text: str, config: CleanConfig) -> bool:
    """True when the fast path proves every line clean and the layout pass has no
    work: nothing to repair, apart from a crawler prefix (not looked at here)."""
    if config.normalize_layout and _layout_work(text):
        return False
    return not needs_repair(text, keep_typography=config.keep_typography)


def _crawler_change(at: int, prefix: str, date: str) -> Change:
    """The change that lifts the crawler's `` date …`` stamp off the first line. Its reason
    says what it took and where, not what follows: on the 69 TRAIN pages with the stamp it
    stands before a title, the article's first paragraph ("Bei einem Unfall am Freitagmorgen
    auf der B 27, …") or page furniture (a skip link, a breadcrumb, a category: 17 pages),
    and the reason said "glued to the title" on all (round 28).

    >>> _crawler_change(0, " date 2025-02 ", "2025-02").reason
    'crawler date stamp at the start of the first line: date 2025-02 moved to metadata'
    """
    return Change(
        "repair",
        "crawler_metadata",
        (at, at + len(prefix)),
        prefix,
        "",
        f"crawler date stamp at the start of the first line: date {date} moved to metadata",
    )


def _lift_prefix_only(result: RepairResult, at: int, prefix: str, date: str) -> RepairResult:
    """The repair of a text whose only change is its crawler prefix (see ``repair_text``).

    What the line-by-line path gives for it: the prefix is cut out, the line it
    started keeps a first character that is not blank (the prefix pattern ends
    before one), so the layout pass, which had no work on the text, has none after.

    >>> from cleannews.config import DEFAULT_CONFIG
    >>> r = repair_text(" date 2025-02 Titre\\n\\nCorps.\\n", DEFAULT_CONFIG)
    >>> r.text, r.metadata, r.alignment.to_input(0, 5)
    ('Titre\\n\\nCorps.\\n', {'date': '2025-02'}, (14, 19))
    """
    text = result.text
    skip = at + len(prefix)
    result.text = text[:at] + text[skip:]
    result.metadata["date"] = date
    result.changes.append(_crawler_change(at, prefix, date))
    result.alignment = Alignment()
    result.alignment.copy(0, at)
    result.alignment.copy(skip, len(text))
    return result


def repair_text(text: str, config: CleanConfig) -> RepairResult:
    """Repair ``text`` and say what changed; see the module docstring."""
    result = RepairResult(text)
    crawler = lift_crawler_prefix(text) if config.lift_crawler_metadata else (0, "", None)
    at, prefix, date = crawler
    if config.fast_path and _clean_but_for_a_prefix(text, config):
        if date is None:
            result.alignment = Alignment.identity(len(text))
            return result
        return _lift_prefix_only(result, at, prefix, date)
    changes = result.changes
    # crawler prefix at the very start
    skip_at, skip = -1, 0  # the crawler prefix: [skip_at, skip) is dropped
    if date:
        skip_at, skip = at, at + len(prefix)
        result.metadata["date"] = date
        changes.append(_crawler_change(at, prefix, date))
    crlf = 0
    lines: list[_Line] = []
    if config.fast_path:
        suspect = suspect_lines(text, keep_typography=config.keep_typography)
        units = _units(text, _line_seeds(text, suspect, skip_at, config.normalize_layout))
    else:
        suspect = set()
        units = ((*line, False) for line in split_lines(text))
    for start, content_end, end, plain in units:
        if plain:  # lines that need nothing, copied in one piece (see ``_units``)
            lines.append(_Line(None, None, start, content_end, start, end, False, False))
            continue
        cs = skip if start == skip_at else start
        crlf_line = content_end > cs and end > content_end and text[content_end - 1] == "\r"
        if config.normalize_layout and crlf_line:
            content_end -= 1  # "\r\n" -> "\n"
            crlf += 1
        seg = text[cs:content_end]
        if not config.fast_path or start in suspect:
            ed_text, ed_align, ed_changes = _repair_long(seg, cs, config)
            changes.extend(ed_changes)
            if not ed_changes and ed_text == seg:
                ed_text, ed_align = seg, None  # nothing to repair after all
        else:
            ed_text, ed_align = seg, None  # unchanged: copied as is
        blank = config.normalize_layout and not ed_text.strip(BLANK_CHARS)
        had_chars = blank and seg != ""
        lines.append(_Line(ed_text, ed_align, cs, content_end, start, end, blank, had_chars))
    if crlf:
        first = text.find("\r\n")
        last = text.rfind("\r\n")
        changes.append(
            Change(
                "repair",
                "normalize_line_breaks",
                (first, last + 1),
                "\r\n",
                "\n",
                f"Windows line breaks (\\r\\n) turned into \\n on {crlf} lines",
            )
        )
    if not changes and not any(ln.blank or ln.alignment is not None for ln in lines):
        # nothing changed: the input itself, not a copy of it
        result.alignment = Alignment.identity(len(text))
        return result
    result.text, result.alignment = _assemble(lines, text, changes, config)
    if not changes and result.text == text:
        result.text = text  # keep one string alive, not two equal ones
    new_breaks = any(ln.alignment is not None and "\n" in ln.text for ln in lines)
    if config.normalize_layout and new_breaks:
        _relayout(result, config)  # a repair made new line breaks ("\r" -> "\n")
    changes.sort(key=lambda c: c.span)
    return result


#: A run of spaces, tabs and line breaks in a metadata value (:func:`repair_value`).
_SPACE_RUN = re.compile(r"[ \t\r\n\f\v]+")


def repair_value(value: str, config: CleanConfig) -> str:
    """``value``, one line of text that is no part of the document (the ``<title>`` or site
    name :func:`cleannews.clean_html` puts in ``Document.metadata``), with the character
    repairs of a line of the text: HTML entities, mojibake, control and invisible characters
    (as ``config`` switches them on); then each run of spaces, tabs and line breaks (a title
    written over several lines of the markup, a control character removed between two
    spaces) becomes one space, and the edges lose theirs. No :class:`~cleannews.Change`
    records it: changes point into the document's text. The title was kept as the page had
    it (``LÃ©tÃ© &amp; co``; polish, round 27).

    >>> from cleannews.config import DEFAULT_CONFIG
    >>> repair_value("L\\u00c3\\u00a9t\\u00c3\\u00a9 &amp; \\x07 la f\\u00c3\\u00aate\\u200b",
    ...              DEFAULT_CONFIG)
    'Lété & la fête'
    >>> repair_value("Budget 2026\\n    - Le Courrier", DEFAULT_CONFIG)
    'Budget 2026 - Le Courrier'
    """
    if not config.fast_path or needs_repair(value, keep_typography=config.keep_typography):
        value = _repair_long(value, 0, config)[0]
    return _SPACE_RUN.sub(" ", value).strip(" ")


def _relayout(result: RepairResult, config: CleanConfig) -> None:
    """Run the layout pass again on text whose repairs created line breaks."""
    again = repair_text(result.text, config.replace(lift_crawler_metadata=False))
    if again.text == result.text:
        return
    result.changes.extend(map_changes(again.changes, result.alignment))
    result.alignment = result.alignment.compose(again.alignment)
    result.text = again.text


def _repair_long(seg: str, base: int, config: CleanConfig) -> tuple[str, Alignment, list[Change]]:
    """Repair a line, slicing lines longer than :data:`MAX_SEGMENT` as ftfy does."""
    parts: list[str] = []
    align = Alignment()
    changes: list[Change] = []
    for i in range(0, max(len(seg), 1), MAX_SEGMENT):
        piece = seg[i : i + MAX_SEGMENT]
        ed = _repair_segment(piece, base + i, config)
        parts.append(ed.text)
        align.extend(ed.alignment, base + i)
        changes.extend(ed.changes)
    return "".join(parts), align, changes


def _assemble(
    lines: list[_Line], text: str, changes: list[Change], config: CleanConfig
) -> tuple[str, Alignment]:
    """Join repaired lines; blank runs become one empty line, edges lose theirs."""
    out: list[str] = []
    align = Alignment()

    def emit_line(line: _Line) -> None:
        out.append(text[line.cs : line.ce] if line.text is None else line.text)
        if line.alignment is None:
            align.copy(line.cs, line.ce)
        else:
            align.extend(line.alignment)
        if text[line.end - 1 : line.end] == "\n":  # keep the line's own terminator
            out.append("\n")
            align.copy(line.end - 1, line.end)

    if not config.normalize_layout:
        for line in lines:
            emit_line(line)
        return "".join(out), align
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if not line.blank:
            emit_line(line)
            i += 1
            continue
        j = i
        while j < n and lines[j].blank:
            j += 1
        gap = lines[i:j]
        at_edge = i == 0 or j == n
        if at_edge:
            changes.append(_gap_change(gap, text, True))
        elif len(gap) == 1 and not gap[0].had_chars:
            out.append("\n")  # one ordinary paragraph break: unchanged
            align.copy(gap[0].end - 1, gap[0].end)  # its "\n" (a "\r\n" line lost its "\r")
        else:
            changes.append(_gap_change(gap, text, False))
            out.append("\n")
            align.replace(gap[0].start, gap[-1].end, 1)
        i = j
    return "".join(out), align

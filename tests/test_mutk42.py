"""Mutation check of modules never sampled (round 33): ``_input.py``, ``_align.py``, ``config.py``.

(docstring completed below)
"""

from __future__ import annotations

# --- _align.py -------------------------------------------------------------------------------
#
# A reference model of an alignment, one record per output character, written from the
# class's documentation alone: a character copied from ``input[i]`` is ``("x", i)``; one of a
# replacement of ``input[a:b]`` is ``("r", a, b)``; one of a gap between blocks (the next block
# starts at ``a``, the previous one ends at ``b``) is ``("r", a, b)`` too (a range starting in
# it starts at ``a``, one ending in it ends at ``b``).

#: Random edit scripts the model is compared on, and the longest one.
ALIGN_SCRIPTS, ALIGN_SCRIPT_OPS = 300, 7


def _model_point(chars: list[tuple], pos: int, *, is_end: bool) -> int:
    if not chars:
        return 0
    if pos >= len(chars):  # past the end: where the last character's input ends
        last = chars[-1]
        return last[1] + 1 if last[0] == "x" else last[2]
    at = pos - 1 if is_end and pos > 0 else pos
    rec = chars[at]
    if rec[0] == "x":
        return rec[1] + (pos - at)
    return rec[2] if is_end else rec[1]


def _model_to_input(chars: list[tuple], start: int, end: int) -> tuple[int, int]:
    s = _model_point(chars, start, is_end=False)
    if end <= start:
        return (s, s)
    return (s, max(s, _model_point(chars, end, is_end=True)))


def _script(rng, in_len: int = 40) -> list[tuple]:
    """A random edit script over an input of ``in_len`` characters: copies (adjacent or
    not: text left out between them is a deletion), replacements (to 0-3 characters: a
    deletion, an entity read as one character, a ligature written as two) and gaps."""
    ops, pos = [], rng.randrange(3)
    for _ in range(rng.randrange(1, ALIGN_SCRIPT_OPS + 1)):
        k = rng.randrange(0, 6)
        kind = rng.choice(("copy", "copy", "replace", "gap", "skip"))
        if kind == "copy":
            ops.append(("copy", pos, pos + k))
        elif kind == "replace":
            ops.append(("replace", pos, pos + k, rng.randrange(0, 4)))
        elif kind == "gap":
            ops.append(("gap", pos + k, pos, rng.randrange(0, 3)))
        pos = min(in_len, pos + k)
    return ops


def _play(ops: list[tuple], shift: int = 0):
    """The alignment the script builds, and the model's characters."""
    from cleannews._align import Alignment

    a, chars = Alignment(), []
    for op in ops:
        if op[0] == "copy":
            a.copy(op[1] + shift, op[2] + shift)
            chars += [("x", i + shift) for i in range(op[1], op[2])]
        elif op[0] == "replace":
            a.replace(op[1] + shift, op[2] + shift, op[3])
            chars += [("r", op[1] + shift, op[2] + shift)] * op[3]
        else:
            a.gap(op[1] + shift, op[2] + shift, op[3])
            chars += [("r", op[1] + shift, op[2] + shift)] * op[3]
    return a, chars


def _assert_same_map(a, chars: list[tuple], what: str) -> None:
    assert a.output_length == len(chars), what
    n = len(chars)
    for s in range(n + 2):
        for e in range(n + 2):
            assert a.to_input(s, e) == _model_to_input(chars, s, e), (what, s, e)


def test_alignment_maps_every_range_as_the_character_model_does():
    """Mutants of ``Alignment.copy`` / ``replace`` / ``gap`` / ``_point`` / ``to_input``: the
    join of adjacent exact copies (``self._in_end[-1] == in_start`` -> ``!=``, ``and`` ->
    ``or``: "abc" then "xyz" read from elsewhere mapped into "abc"'s neighbours), the
    empty-piece returns (``n <= 0`` -> ``< 0``: an empty piece took a place in the bisect
    and hid the piece after it at the same offset), the end's ``pos - 1`` (an end offset
    mapped by the piece after it), ``pos >= self._out_len`` (a range to the end mapped past
    a gap), ``max(s, e)``. Every range of 300 random edit scripts (copies, skips, deletions,
    replacements to 0-3 characters, gaps) against one record per output character."""
    import random

    rng = random.Random(42)
    for k in range(ALIGN_SCRIPTS):
        ops = _script(rng)
        a, chars = _play(ops)
        _assert_same_map(a, chars, (k, ops))


def test_alignment_from_hunks_is_the_loop_of_copies_and_replacements():
    """Mutants of ``Alignment.from_hunks`` (``o0 > pos`` -> ``>=`` added an empty exact piece;
    ``n1 > n0`` -> ``>=`` an empty replacement, which took the place of the copy after it;
    ``length > pos``; ``out += o0 - pos`` -> ``+``): the hunks of ``entity_hunks`` and of
    random edits give the map that ``copy`` and ``replace`` calls give, as documented."""
    import random

    from cleannews._align import Alignment
    from cleannews.repairs.fixes import entity_hunks

    text = "R&zzz; puis &eacute;t&eacute; &amp;amp;lt; fin&nbsp;!"
    out, hunks = entity_hunks(text)
    ops, pos = [], 0
    for o0, o1, n0, n1 in hunks:
        ops += [("copy", pos, o0), ("replace", o0, o1, n1 - n0)]
        pos = o1
    ops.append(("copy", pos, len(text)))
    a, chars = _play(ops)
    assert a.output_length == len(out)
    _assert_same_map(Alignment.from_hunks(hunks, len(text)), chars, "entities")
    rng = random.Random(7)
    for k in range(ALIGN_SCRIPTS):
        hunks, ops, pos, new = [], [], 0, 0
        for _ in range(rng.randrange(0, 5)):
            o0 = pos + rng.randrange(0, 4)
            o1 = o0 + rng.randrange(0, 4)
            n0 = new + (o0 - pos)
            n1 = n0 + rng.randrange(0, 3)
            hunks.append((o0, o1, n0, n1))
            ops += [("copy", pos, o0), ("replace", o0, o1, n1 - n0)]
            pos, new = o1, n1
        length = pos + rng.randrange(0, 4)
        ops.append(("copy", pos, length))
        _, chars = _play(ops)
        _assert_same_map(Alignment.from_hunks(hunks, length), chars, (k, hunks, length))


def test_alignment_extend_appends_the_other_shifted():
    """Mutants of ``Alignment.extend``: the join of the other's first exact piece to this
    one's last (``first = 1`` deleted, ``+ in_offset`` -> ``-``), the output shift
    (``self._out_len - other._out_start[first]`` -> ``+``), the empty other's return, the
    last ``_out_len``. Extending by a script shifted by 17 maps as playing both scripts."""
    import random

    rng = random.Random(5)
    for k in range(ALIGN_SCRIPTS):
        first, second = _script(rng), _script(rng)
        a, chars = _play(first)
        b, more = _play(second)
        a.extend(b, 17)
        _, want = _play(second, 17)
        assert len(more) == len(want)
        _assert_same_map(a, chars + want, (k, first, second))


def test_alignment_compose_maps_through_both():
    """Mutants of ``Alignment.compose`` (the split of an exact inner piece along the outer
    pieces: ``stop = min(b1, piece_end)``, ``pos - self._out_start[j]``, ``j + 1 <``; an
    inexact inner piece mapped as a whole): the composed alignment maps each output
    character as the model maps it through the inner alignment, then the outer one."""
    import random

    rng = random.Random(9)
    for k in range(ALIGN_SCRIPTS):
        outer, outer_chars = _play(_script(rng))
        n = outer.output_length
        inner_ops, pos = [], 0
        for _ in range(rng.randrange(1, ALIGN_SCRIPT_OPS + 1)):
            step = rng.randrange(0, 5)
            if rng.random() < 0.6:
                inner_ops.append(("copy", pos, min(n, pos + step)))
            else:
                inner_ops.append(("replace", pos, min(n, pos + step), rng.randrange(0, 3)))
            pos = min(n, pos + step)
        inner, inner_chars = _play(inner_ops)
        composed = outer.compose(inner)
        want = []
        for rec in inner_chars:
            if rec[0] == "x":
                want.append(outer_chars[rec[1]])
            else:
                want.append(("r", *_model_to_input(outer_chars, rec[1], rec[2])))
        _assert_same_map(composed, want, (k, inner_ops))


def test_repair_spans_hold_their_text_on_a_real_page():
    """``map_changes`` and the repair alignment on a seed page with entities, mojibake and
    invisible characters put in: every change's span holds its ``before`` in the input."""
    import cleannews
    from _helpers import seed_lines

    lines = seed_lines()[:40]
    text = "\n".join(
        (f"{ln[:20]}&eacute;\u200b{ln[20:]}Ã©t&amp;amp; " if i % 3 == 0 else ln)
        for i, ln in enumerate(lines))
    doc = cleannews.clean(text, config=cleannews.CleanConfig(score_spin=False))
    assert doc.changes
    for c in doc.changes:
        if c.stage == "repair" and c.before:
            assert text[c.span[0]:c.span[1]] == c.before, c

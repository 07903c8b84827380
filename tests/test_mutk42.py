"""Mutation check of modules never sampled (round 33): ``_input.py``, ``_align.py``, ``config.py``.

``tools/mutate.py`` (CONTRIBUTING.md, "Checking that tests can fail") was run, ``--seed 42``,
on the three modules every call goes through (the bytes or text given, the map of each
change's span back to the input, the options), each with the fast test files that name its
code and its doctests; the runs, the equivalent mutants and what was left: the section
"Mutation check of the input decoding, the offset map and the options (round 33)" of the
fragment ``mutk42.docs.md``, which the lead appends to docs/strip-history.md. Each test
here kills mutants those test sets let live (named in its docstring); all pass on main's
code (no bug was found). The ``Alignment`` tests compare every range of random edit scripts
with a model of one record per output character, written from the class's docstrings.
"""

from __future__ import annotations

import pytest

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

    from cleannews._align import Alignment

    rng = random.Random(42)
    for k in range(ALIGN_SCRIPTS):
        ops = _script(rng)
        a, chars = _play(ops)
        _assert_same_map(a, chars, (k, ops))
    for n in (0, 1, 7):  # an unchanged text
        _assert_same_map(Alignment.identity(n), [("x", i) for i in range(n)], n)


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
    last ``_out_len``, the default ``in_offset=0`` -> 1. Extending by a script (shifted by 17,
    or by the default 0) maps as playing both scripts."""
    import random

    rng = random.Random(5)
    for k in range(ALIGN_SCRIPTS):
        first, second = _script(rng), _script(rng)
        offset = 17 if k % 2 else 0  # 0: the default, as the repair stage's line loop calls it
        a, chars = _play(first)
        b, more = _play(second)
        if offset:
            a.extend(b, offset)
        else:
            a.extend(b)
        _, want = _play(second, offset)
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


# --- _input.py -------------------------------------------------------------------------------

#: A French sentence read by the decoding tests.
PHRASE = "Le maire de Paris a parlé hier soir devant le conseil municipal réuni en séance."


def test_bzip2_data_is_refused_naming_it():
    """Mutant: ``binary_kind``'s ``return 'bzip2-compressed data …'`` -> ``pass`` (a ``.bz2``
    dump given as text was read as Windows-1252 garbage, or refused as "looks binary" with no
    word of decompressing it). Real bzip2 output of a French text."""
    import bz2

    import cleannews
    from cleannews._input import binary_kind

    data = bz2.compress((PHRASE + "\n").encode() * 50)
    assert binary_kind(data) == "bzip2-compressed data (decompress it first)"
    with pytest.raises(cleannews.InputError, match="bzip2-compressed data"):
        cleannews.clean(data)
    # "BZh9" alone starts a text as well as a bzip2 stream: only the block magic tells
    assert binary_kind(b"BZh91 est un nom de code") is None


def test_the_meta_charset_is_read_in_the_first_8192_bytes_exactly():
    """Mutant: ``HTML_CHARSET_SNIFF_BYTES`` 8192 -> 8191. A ``<meta charset>`` whose label
    ends on the 8,192nd byte (after an injected script, as archives write) is read; one byte
    further down it is cut ("windows-125", no charset) and the page falls back to
    Windows-1252."""
    from cleannews._input import HTML_CHARSET_SNIFF_BYTES, declared_charset

    meta = b'<meta charset="windows-1250">'
    label_end = len(b'<meta charset="windows-1250')
    pad = HTML_CHARSET_SNIFF_BYTES - label_end - len(b"<script></script>")
    page = b"<script>" + b"x" * pad + b"</script>" + meta
    assert page.index(b"1250") + 4 == HTML_CHARSET_SNIFF_BYTES == 8192
    assert declared_charset(page) == "cp1250"
    assert declared_charset(b" " + page) is None


def test_utf16_without_a_mark_is_told_from_eight_pairs_and_ninety_percent_of_2048():
    """Mutants of ``utf16_without_bom``: ``if pairs < 8: return None`` deleted (two bytes
    ``a\\x00`` were "UTF-16LE text"), ``UTF16_SNIFF_BYTES`` 4096 -> 4095. Eight pairs are
    enough, seven are not; of the first 2,048 pairs, 1,844 with a NUL (90 %) make UTF-16,
    1,843 do not (with 4,095 bytes read, 1,843 of 2,047 pairs were enough)."""
    from cleannews._input import UTF16_NUL_SHARE, UTF16_SNIFF_BYTES, nul_message, utf16_without_bom

    wide = PHRASE.encode("utf-16-le")
    assert utf16_without_bom(wide[:16]) == "UTF-16LE"
    assert utf16_without_bom(wide[:14]) is None
    assert nul_message(b"a\x00b\x00") == (
        "text contains NUL characters (binary data or a broken export)")
    pairs = UTF16_SNIFF_BYTES // 2
    need = -(-int(UTF16_NUL_SHARE * pairs * 10) // 10)  # ceil(0.9 * 2048) = 1844
    assert (pairs, need) == (2048, 1844)
    for nuls, want in ((need, "UTF-16LE"), (need - 1, None)):
        data = b"a\x00" * nuls + b"ab" * (pairs - nuls) + b"\x00" * 64
        assert utf16_without_bom(data) == want, nuls
        big_endian = b"\x00a" * nuls + b"ba" * (pairs - nuls) + b"\x00" * 64
        assert utf16_without_bom(big_endian) == (want and "UTF-16BE"), nuls


def test_a_utf16_text_starting_with_nul_after_its_mark_has_no_invalid_unit():
    """Mutant: ``decode_wide``'s UTF-16LE reading of ``FF FE 00 00`` (the UTF-32LE mark, or
    UTF-16LE text whose first character is U+0000) given ``invalid=1`` instead of 0: a
    ``replace_invalid_utf16`` change then claimed the file was damaged. UTF-32LE itself
    reads as UTF-32LE."""
    import codecs

    from cleannews._input import Wide, decode_input, decode_wide

    data = b"\xff\xfe\x00\x00" + "Bonjour à tous".encode("utf-16-le")
    assert decode_wide(data) == Wide("\ufeff\x00Bonjour à tous", "utf-16-le", b"", 0)
    assert [c.rule for c in decode_input(data)[1]] == ["decode_utf16"]
    utf32 = codecs.BOM_UTF32_LE + "Été".encode("utf-32-le")
    assert decode_wide(utf32) == Wide("\ufeffÉté", "utf-32-le", b"", 0)


def test_wide_decoding_leaves_no_count_behind():
    """Mutant: ``decode_wide``'s ``_WIDE_BAD.stack = _WIDE_BAD.stack[:-1]`` deleted: each
    UTF-16 document read left its invalid-unit counter on the thread's stack (a leak of one
    list per document in a long run), damaged ones too (the refusal is raised after the
    ``finally``). Real UTF-16 text, a damaged copy (lone surrogates) and a refused one."""
    import codecs

    import cleannews
    from cleannews import _input

    good = codecs.BOM_UTF16_LE + (PHRASE * 3).encode("utf-16-le")  # 1 bad unit in 100 is damage
    damaged = good[:40] + b"\x00\xd8" + good[40:]
    refused = codecs.BOM_UTF16_LE + b"\x00\xdc" * 40
    before = len(getattr(_input._WIDE_BAD, "stack", []))
    for _ in range(3):
        assert _input.decode_wide(good).invalid == 0
        assert _input.decode_wide(damaged).invalid == 1
        with pytest.raises(cleannews.InputError, match="40 of its 41 code units are invalid"):
            _input.decode_wide(refused)
    assert len(_input._WIDE_BAD.stack) == before


def test_utf32_damage_is_counted_in_four_byte_units():
    """Mutant: ``decode_wide``'s ``unit = 4 if codec.startswith("utf-32") else 2`` -> 5: the
    share of invalid code units of a UTF-32 file was counted over too few units (the message
    said "2 of its 21"). Code points above U+10FFFF in UTF-32BE text: 2 in 27 units is a
    refusal, 1 in 191 one U+FFFD."""
    import codecs

    import cleannews
    from cleannews._input import decode_input, decode_wide

    bad = b"\x00\x20\x00\x00"  # U+200000: no character
    short = (codecs.BOM_UTF32_BE + "Le maire de Paris".encode("utf-32-be") + bad * 2
             + "a parlé".encode("utf-32-be"))
    with pytest.raises(cleannews.InputError, match=r"\(2 of its 27 code units are invalid\)"):
        decode_wide(short)
    long = (codecs.BOM_UTF32_BE + (PHRASE * 2).encode("utf-32-be") + bad
            + "Fin.".encode("utf-32-be"))
    text, changes = decode_input(long)
    assert text == "\ufeff" + PHRASE * 2 + "\ufffdFin."
    assert [(c.rule, c.reason) for c in changes][1:] == [(
        "replace_invalid_utf16", "1 invalid UTF-32-BE code unit(s) (the file is damaged): each "
        "read as U+FFFD")]


def test_stray_windows_1252_bytes_in_utf8_text_are_placed_in_the_decoded_text():
    """Mutant: ``_utf8_length``'s ``len(chunk) - len(chunk.translate(…))`` -> ``+``: the
    ``decode_cp1252_fallback`` changes after a UTF-8 accent pointed past their character
    (the doctest's stray byte comes before any). A page in UTF-8 with pasted Windows-1252
    words: each change's span holds the character it wrote."""
    from cleannews._input import decode_input

    data = ("Le théâtre a rouvert ses portes à l’été, ".encode() + b"caf\xe9 cr\xe8me"
            + " et déjà ".encode() + b"\x93bravo\x94" + b" dit-il.")
    text, changes = decode_input(data)
    assert text == "Le théâtre a rouvert ses portes à l’été, café crème et déjà “bravo” dit-il."
    assert [(c.rule, c.before, c.after) for c in changes] == [
        ("decode_cp1252_fallback", "e9", "é"), ("decode_cp1252_fallback", "e8", "è"),
        ("decode_cp1252_fallback", "93", "“"), ("decode_cp1252_fallback", "94", "”")]
    assert [text[c.span[0]:c.span[1]] for c in changes] == ["é", "è", "“", "”"]
    assert [c.span for c in changes] == [(44, 45), (48, 49), (60, 61), (66, 67)]


def test_binary_share_is_above_ten_percent_of_at_least_32_characters():
    """``control_share_message``: 4 control characters in 40 (10 %) are text, 5 are binary;
    31 control characters are too short to judge, 32 are binary."""
    from cleannews._input import control_share_message

    assert control_share_message("\x01" * 4 + "a" * 36) is None
    assert control_share_message("\x01" * 5 + "a" * 35) == (
        "input looks binary: 5 of the first 40 characters are control characters")
    assert control_share_message("\x01" * 31) is None
    assert control_share_message("\x01" * 32) is not None


# --- config.py -------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [True, "16", [16]])
def test_max_input_mb_that_is_no_number_is_refused_by_name(value):
    """Mutant: ``_check_size_option``'s ``if not _is_number(value): raise …`` deleted:
    ``max_input_mb=True`` was then a limit of 1 MB (``True * MB``) and ``"16"`` a
    ``TypeError`` from inside the size check, not a :class:`~cleannews.ConfigError`."""
    import cleannews

    with pytest.raises(cleannews.ConfigError, match=(
            r"^max_input_mb must be a number of megabytes or None \(no limit\), got ")):
        cleannews.CleanConfig(max_input_mb=value)


def test_a_config_file_with_both_tables_is_refused(tmp_path):
    """Mutant: ``_options_table``'s refusal of a file holding both a ``[cleannews]`` and a
    ``[tool.cleannews]`` table deleted: the ``[cleannews]`` table was read and the other
    ignored without a word (here its ``score_spin = false``). One table alone is read."""
    import cleannews
    from cleannews import CleanConfig

    both = tmp_path / "pyproject.toml"
    both.write_text('[project]\nname = "x"\n\n[cleannews]\nfast_path = false\n\n'
                    '[tool.cleannews]\nscore_spin = false\n', encoding="utf-8")
    with pytest.raises(cleannews.ConfigError, match=(
            r"pyproject\.toml: both a \[cleannews\] and a \[tool\.cleannews\] table \(one was "
            r"ignored\): keep one")):
        CleanConfig.from_file(both)
    one = tmp_path / "one" / "pyproject.toml"
    one.parent.mkdir()
    one.write_text('[project]\nname = "x"\n\n[tool.cleannews]\nscore_spin = false\n',
                   encoding="utf-8")
    assert CleanConfig.from_file(one) == CleanConfig(score_spin=False)


@pytest.mark.parametrize("name", ["spin_suspect_threshold", "spin_quarantine_threshold"])
@pytest.mark.parametrize("value", [True, "0.8", None])
def test_a_threshold_that_is_no_number_is_refused_by_name(name, value):
    """Mutant: ``CleanConfig.__post_init__``'s ``if not _is_number(value): raise …`` deleted
    for the thresholds: ``True`` passed ``0 <= True <= 1`` and became a threshold of 1.0, and
    ``"0.8"`` or ``None`` ended in a ``TypeError`` from the comparison, not a
    :class:`~cleannews.ConfigError` naming the option."""
    import cleannews

    with pytest.raises(cleannews.ConfigError, match=rf"^{name} must be a number, got "):
        cleannews.CleanConfig(**{name: value})


@pytest.mark.parametrize(("options", "message"), [
    (None, "options must be a mapping of option names to values (e.g. {'fast_path': False}), "
           "got NoneType"),
    (["fast_path"], "options must be a mapping of option names to values (e.g. "
                    "{'fast_path': False}), got list"),
    ({1: True}, "option names are strings, got 1"),
    ({b"fast_path": False}, "option names are strings, got b'fast_path'"),
])
def test_from_dict_refuses_what_is_no_mapping_of_names(options, message):
    """Mutants of ``CleanConfig.from_dict``: the refusal of a value that is no mapping
    deleted (``None`` was a ``TypeError`` from the loop, a list of names one from
    ``dataclasses.replace``), and the refusal of a name that is no string (``{1: True}``
    ended in ``difflib``'s ``TypeError`` while naming the closest option)."""
    import cleannews

    with pytest.raises(cleannews.ConfigError) as err:
        cleannews.CleanConfig.from_dict(options)
    assert str(err.value) == message


def test_utf16_without_a_mark_is_refused_with_the_command_that_converts_it():
    """Mutant: ``decode_input``'s ``order = utf16_without_bom(data)`` deleted: the refusal of
    UTF-16 text saved without a byte-order mark (half its characters NUL) ended in an
    ``UnboundLocalError`` instead of naming the encoding and the ``iconv`` command."""
    import cleannews
    from cleannews._input import decode_input

    data = ("Le maire de Paris a parlé hier soir. " * 3).encode("utf-16-le")
    with pytest.raises(cleannews.InputError) as err:
        decode_input(data)
    assert str(err.value) == (
        "input looks binary: 111 of the first 222 characters are control characters (it looks "
        "like UTF-16LE text saved without a byte-order mark; convert it to UTF-8 first: iconv "
        "-f UTF-16LE -t UTF-8)")


def test_a_utf32_page_is_sniffed_over_its_first_4096_characters():
    """Mutant: ``looks_like_html``'s ``HTML_SNIFF_CHARS * 4`` bytes -> ``* 3``: a page saved as
    UTF-32 (4 bytes a character) was sniffed over 3,072 characters, so a block tag after a
    long custom element's blank run was missed. The same page as text, and one whose first
    block tag is past 4,096 characters."""
    from cleannews._input import HTML_SNIFF_CHARS, looks_like_html

    page = "<x-app>" + " " * 3500 + "<p>Bonjour</p>"
    assert page.index("<p>") < HTML_SNIFF_CHARS == 4096
    assert looks_like_html(page) and looks_like_html(page.encode("utf-32"))
    late = "<x-app>" + " " * 4090 + "<p>Bonjour</p>"
    assert not looks_like_html(late.encode("utf-32")) and not looks_like_html(late)

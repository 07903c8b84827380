"""Turn what the user gave into text, or say clearly why it is not text.

Bytes are decoded as UTF-8. Bytes that are not valid UTF-8 are read as
Windows-1252 (the usual culprit in scraped French pages), each run of them
recorded as a ``decode`` change; input in which stray non-ASCII bytes
outnumber the UTF-8 sequences is read as Windows-1252 as a whole (one change).
Both are one linear pass. Bytes that are binary data (images, archives,
executables, or more than 10 % control characters) raise
:class:`~cleannews.InputError`; a ``str`` is always taken as text.

A ``str`` may hold UTF-16 surrogates (from ``\\ud83d\\ude00`` JSON escapes, or
``surrogateescape`` decoding) that no UTF-8 file, JSON library or HTML parser
accepts: a pair becomes the character it encodes, a lone half becomes U+FFFD,
each run recorded as a ``decode`` change, so nothing vanishes downstream.

    >>> decode_input("d\\u00e9j\\u00e0")[0]
    'd\u00e9j\u00e0'
    >>> text, changes = decode_input(b"caf\\xe9 cr\\xc3\\xa8me")
    >>> text, changes[0].rule
    ('caf\u00e9 cr\u00e8me', 'decode_cp1252_fallback')
    >>> text, changes = decode_input("x\\ud800y")
    >>> text, changes[0].rule, changes[0].before
    ('x\ufffdy', 'replace_surrogates', '\\\\ud800')
"""

from __future__ import annotations

import codecs
import re
import sys
import threading
from typing import NamedTuple

import regex

from cleannews._lazyre import LazyPattern
from cleannews.document import Change
from cleannews.errors import InputError

__all__ = [
    "BINARY_CONTROL_RATIO",
    "BINARY_MIN_CHARS",
    "BINARY_SAMPLE_CHARS",
    "HEAD_SNIFF_BYTES",
    "HTML_SNIFF_CHARS",
    "NUL_TEXT_MIN",
    "NUL_TEXT_SHARE",
    "binary_kind",
    "control_share_message",
    "declared_charset",
    "decode_input",
    "fix_surrogates",
    "looks_like_html",
]

#: How many leading characters :func:`looks_like_html` examines.
HTML_SNIFF_CHARS = 4096

#: How many leading characters are examined to decide whether input is binary.
BINARY_SAMPLE_CHARS = 65536
#: Byte strings shorter than this are never judged binary.
BINARY_MIN_CHARS = 32
#: Share of control characters (other than tab, line feed, carriage return,
#: form feed) above which the input is treated as binary and refused.
BINARY_CONTROL_RATIO = 0.10
#: Bytes of a bytes input judged before it is decoded whole (:func:`decode_input`): the
#: :data:`BINARY_SAMPLE_CHARS` characters the binary test samples, in any encoding.
HEAD_SNIFF_BYTES = 4 * BINARY_SAMPLE_CHARS
#: A text (not a page) is refused as full of NUL characters when at least this share of its
#: first :data:`BINARY_SAMPLE_CHARS` characters are NUL, and at least :data:`NUL_TEXT_MIN`
#: of them: a stray NUL (a C string's end, one broken character) is still removed by the
#: repair stage, a broken export with a NUL every few words is not cleaned for seconds
#: (one ``remove_control_chars`` change each) and given back as if it were text (round 34).
NUL_TEXT_SHARE = 0.01
NUL_TEXT_MIN = 8

# A page starts (after a BOM, blanks and comments) with a doctype, an XML
# declaration or a tag; it is HTML when one of the page-level or block tags
# below appears near the start. A text that merely mentions "<p>" later is text.
_HTML_START = LazyPattern(r"\A(?:\ufeff)?\s*(?:<!--.*?-->\s*)*<[!?a-zA-Z]", regex.DOTALL)
_HTML_TAG = LazyPattern(
    r"<!doctype\s+html|<(?:html|head|body|meta|title|article|main|div|p|section|header|"
    r"h[1-6]|ul|table|span|a|br|img|script|style|link)(?:[\s/>])",
    regex.IGNORECASE,
)
_CONTROL = LazyPattern(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_VALID_UTF8_MULTIBYTE = LazyPattern(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
    (b"\xfd7zXZ\x00", "xz-compressed data (decompress it first)"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data (decompress it first)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
)


def binary_kind(data: bytes) -> str | None:
    """What binary file ``data`` starts like (a PNG image, gzip data …), or ``None``.

    >>> binary_kind(bytes([0x1F, 0x8B, 8, 0])), binary_kind(b"Bonjour")
    ('gzip-compressed data (decompress it first)', None)
    """
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    if _BZIP2.match(data[:10]):
        return "bzip2-compressed data (decompress it first)"
    return None


#: bzip2's stream header then its first block's magic (pi): "BZh9" alone could start a text.
_BZIP2 = LazyPattern(rb"BZh[1-9]1AY&SY")


#: How many leading bytes of an HTML page are searched for its ``<meta charset>``
#: (more than the HTML standard's 1,024: archives inject scripts before the page's head).
HTML_CHARSET_SNIFF_BYTES = 8192
#: ``<meta charset="X">`` or ``<meta http-equiv="Content-Type" content="text/html; charset=X">``
#: (bounded runs: linear on any input).
_META_CHARSET = LazyPattern(
    rb"<meta\b[^>]{0,512}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:+-]{1,40})", regex.IGNORECASE
)
#: Labels browsers read as another encoding (the WHATWG Encoding Standard): a page
#: declared Latin-1 or ASCII is Windows-1252, one declared GB2312 is GBK (GB18030) ...
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "windows-1252": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
}


def declared_charset(data: bytes) -> str | None:
    """The Python codec of the charset an HTML page declares in a ``<meta>`` tag, if known.

    Labels are read as browsers read them (ISO-8859-1 is Windows-1252, GB2312 is
    GB18030); an unknown label, and UTF-8 itself, give ``None``.

    >>> declared_charset(b'<html><head><meta charset="windows-1250"><title>x</title>')
    'cp1250'
    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312"/>')
    'gb18030'
    >>> declared_charset(b'<script charset="utf-8"></script><meta charset=ISO-8859-1>')
    'cp1252'
    >>> declared_charset(b'<meta charset="utf-8">'), declared_charset(b'<meta charset="x-none">')
    (None, None)
    >>> [declared_charset(b'<meta charset="%s">' % c) for c in (b"rot13", b"utf-16", b"cp037")]
    [None, None, None]
    """
    m = _META_CHARSET.search(data[:HTML_CHARSET_SNIFF_BYTES])
    if m is None:
        return None
    label = m.group(1).decode("ascii").lower()
    label = _CHARSET_ALIASES.get(label, label)
    try:
        info = codecs.lookup(label)
        # a page that declares its charset in ASCII is in an ASCII-compatible one: Python's
        # other codecs (rot13, base64, zlib: a LookupError out of clean_html; `undefined`:
        # a UnicodeError; unicode_escape read "\\n" in a script as a line break; UTF-16 and
        # EBCDIC made the page "binary") are no charset of a page, as browsers ignore them
        if not getattr(info, "_is_text_encoding", True) or (
                info.decode(_ASCII_PROBE)[0] != _ASCII_PROBE.decode("ascii")):
            return None
    except (LookupError, ValueError, TypeError):
        return None
    return None if info.name in ("utf-8", "utf-8-sig") else info.name


#: Printable ASCII, and escapes Python's escape codecs read (valid ones: an invalid escape
#: is a DeprecationWarning): what a page's declared charset must decode as it is
#: (:func:`declared_charset`).
_ASCII_PROBE = bytes(range(0x20, 0x7F)).replace(b"\\", b"") + b"\t\n\r \\u0041 \\x41 +AGE- &#65;"


#: Byte-order marks of UTF-16 and UTF-32 (UTF-32 first: its little-endian mark starts like
#: UTF-16's) and their codecs, which keep the mark as U+FEFF (the repair stage removes it).
_UTF16_32_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def bom_codec(data: bytes) -> str | None:
    """The codec of the UTF-16 or UTF-32 byte-order mark ``data`` starts with, else ``None``.

    >>> bom_codec(codecs.BOM_UTF16_LE + b"{"), bom_codec(b"{"), bom_codec(b"\\xef\\xbb\\xbf{")
    ('utf-16-le', None, None)
    """
    for bom, codec in _UTF16_32_BOMS:
        if data.startswith(bom):
            return codec
    return None


#: Bytes looked at, and the share of them that must be NUL at every other position, to take
#: data without a byte-order mark for UTF-16 (Latin text: one byte of each pair is NUL).
UTF16_SNIFF_BYTES = 4096
UTF16_NUL_SHARE = 0.9


def utf16_without_bom(data: bytes) -> str | None:
    """``"UTF-16LE"`` or ``"UTF-16BE"`` when ``data`` looks like Latin-script UTF-16 saved
    without a byte-order mark (every other byte NUL), else ``None``: such a file is refused
    (NUL characters), and the message says what it is and how to convert it.

    >>> utf16_without_bom("Le maire de Paris a parlé.".encode("utf-16-le"))
    'UTF-16LE'
    >>> utf16_without_bom(b"Le maire\\x00 de Paris"), utf16_without_bom(b"\\x00\\x00\\x00\\x00")
    (None, None)
    """
    head = data[:UTF16_SNIFF_BYTES]
    pairs = len(head) // 2
    if pairs < 8:
        return None
    for order, nul_at in (("UTF-16LE", 1), ("UTF-16BE", 0)):
        nuls = head[nul_at::2].count(0)
        if nuls >= UTF16_NUL_SHARE * pairs and head[1 - nul_at::2].count(0) < 0.1 * pairs:
            return order
    return None


def nul_message(data: bytes | str) -> str:
    """Why text with NUL characters is refused, naming UTF-16 without a byte-order mark.

    >>> nul_message("a\\x00b")
    'text contains NUL characters (binary data or a broken export)'
    >>> nul_message("Le maire a parlé hier soir.".encode("utf-16-be"))[:60]
    'text contains NUL characters: it looks like UTF-16BE text sa'
    """
    order = utf16_without_bom(data) if isinstance(data, bytes) else None
    if order is None:
        return "text contains NUL characters (binary data or a broken export)"
    return (f"text contains NUL characters: it looks like {order} text saved without a "
            f"byte-order mark; convert it to UTF-8 first (iconv -f {order} -t UTF-8)")


def decode_utf16(data: bytes) -> tuple[str, str] | None:
    """``(text, codec)`` of bytes that start with a UTF-16 or UTF-32 byte-order mark, else
    ``None`` (see :func:`decode_wide`: a character cut short at the end is dropped).

    Windows tools save "Unicode" text as UTF-16 with a mark; its bytes are half NUL, and
    such a file was refused as binary data.

    >>> decode_utf16("\\ufeffL’été".encode("utf-16-le"))
    ('\\ufeffL’été', 'utf-16-le')
    >>> decode_utf16(b"Bonjour") is None, decode_utf16(b"\\xff\\xfeabc")
    (True, ('\\ufeff扡', 'utf-16-le'))
    """
    wide = decode_wide(data)
    return None if wide is None else (wide.text, wide.codec)


#: Share of the code units of a text with a UTF-16 / UTF-32 byte-order mark that may be
#: invalid (lone surrogates, values above U+10FFFF; each read as U+FFFD) before the input is
#: refused as not that text at all (random bytes after the mark: 1 unit in 32 is a surrogate).
WIDE_INVALID_SHARE = 0.01


class Wide(NamedTuple):
    """What :func:`decode_wide` read: the text, its codec, the bytes of a last character cut
    short (dropped) and how many invalid code units became U+FFFD."""

    text: str
    codec: str
    cut: bytes
    invalid: int


def decode_wide(data: bytes) -> Wide | None:
    """Decode bytes that start with a UTF-16 or UTF-32 byte-order mark (else ``None``).

    A file cut short in the middle of a character (an odd number of bytes for UTF-16, the
    first half of a surrogate pair at the end) loses the bytes of that last character
    (:attr:`Wide.cut`); it was read as Windows-1252 whole (``ÿþL\\x00e\\x00 …``) and then
    refused as "UTF-16 saved without a byte-order mark" or as binary data, or printed as
    that garbage when short. A few invalid code units inside become U+FFFD
    (:attr:`Wide.invalid`); more than :data:`WIDE_INVALID_SHARE` of them is no such text:
    :class:`InputError`.

    >>> decode_wide("\\ufeffLe maire".encode("utf-16-le") + b"A")
    Wide(text='\\ufeffLe maire', codec='utf-16-le', cut=b'A', invalid=0)
    >>> decode_wide("\\ufeffa\\U0001f600".encode("utf-16-be")[:-2]).cut.hex(" ")
    'd8 3d'
    """
    codec = bom_codec(data)
    if codec is None:
        return None
    if codec == "utf-32-le":
        try:
            return Wide(data.decode(codec), codec, b"", 0)
        except UnicodeDecodeError:
            pass
        try:  # FF FE 00 00 also starts UTF-16LE text whose first character is U+0000
            return Wide(data.decode("utf-16-le"), "utf-16-le", b"", 0)
        except UnicodeDecodeError:
            pass
    bad = [0]
    _WIDE_BAD.stack = [*getattr(_WIDE_BAD, "stack", []), bad]
    try:
        decoder = codecs.getincrementaldecoder(codec)(errors="cleannews.count_replace")
        text = decoder.decode(data, final=False)
    finally:
        _WIDE_BAD.stack = _WIDE_BAD.stack[:-1]
    cut = decoder.getstate()[0]
    unit = 4 if codec.startswith("utf-32") else 2
    units = max(1, len(data) // unit)
    if bad[0] > WIDE_INVALID_SHARE * units:
        raise InputError(
            f"input starts with the byte-order mark of {codec.upper()} but is not "
            f"{codec.upper()} text ({bad[0]} of its {units} code units are invalid): "
            "damaged or binary data")
    return Wide(text, codec, bytes(cut), bad[0])


_WIDE_BAD = threading.local()  # the invalid-unit count of the wide decode under way


def _count_replace(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: U+FFFD, counted (see :func:`decode_wide`)."""
    assert isinstance(exc, UnicodeDecodeError)
    _WIDE_BAD.stack[-1][0] += 1
    return "\ufffd", exc.end


codecs.register_error("cleannews.count_replace", _count_replace)


def wide_changes(wide: Wide) -> list[Change]:
    """The ``decode`` changes of a text read by :func:`decode_wide`."""
    text, name = wide.text, wide.codec.upper()
    changes = [Change("decode", "decode_utf16", (0, len(text)), "", "",
                      f"input starts with the byte-order mark of {name}: decoded as {name}")]
    if wide.invalid:
        changes.append(Change(
            "decode", "replace_invalid_utf16", (0, len(text)), "", "",
            f"{wide.invalid} invalid {name} code unit(s) (the file is damaged): each read "
            "as U+FFFD"))
    if wide.cut:
        tail = wide.cut.hex(" ")
        changes.append(Change(
            "decode", "drop_truncated_utf16", (len(text), len(text)), tail, "",
            f"input ends in the middle of a {name} character (bytes {tail}: the file was "
            "cut short): removed"))
    return changes


def _decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, list[Change]]:
    what = binary_kind(data)
    if what is not None:
        raise InputError(f"input is {what}, not text")
    wide = decode_wide(data)
    if wide is not None:
        return wide.text, wide_changes(wide)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    cut = truncated_utf8_tail(data)
    if cut:
        try:
            text = data[:-cut].decode("utf-8")
        except UnicodeDecodeError:
            pass  # other invalid bytes too: read as below, the tail with them
        else:
            # a file or record cut at a byte limit (Common Crawl truncates at 1 MiB) in the
            # middle of a character: the whole text was read as Windows-1252 ("quâ€"
            # for the first two bytes of "qu’"), or the tail as a stray "Â"
            tail = data[-cut:].hex(" ")
            return text, [Change("decode", "drop_truncated_utf8", (len(text), len(text)), tail,
                                 "", f"input ends in the middle of a UTF-8 character (bytes "
                                 f"{tail}: the file or record was cut short): removed")]
    valid = _VALID_UTF8_MULTIBYTE.findall(data)
    stray = _high_bytes(data) - sum(map(len, valid))
    if stray > len(valid) and declared is not None and declared != "cp1252":
        try:
            text = data.decode(declared)
        except UnicodeError:  # (idna raises a UnicodeError that is no UnicodeDecodeError)
            pass  # the declaration is wrong: guess as for any text
        else:
            return text, [
                Change(
                    "decode",
                    "decode_declared_charset",
                    (0, len(text)),
                    "",
                    "",
                    f"input is not UTF-8 ({stray} non-ASCII bytes outside UTF-8 sequences): "
                    f"decoded as {declared}, the charset its <meta> tag declares",
                )
            ]
    if stray > len(valid):
        text = _cp1252(data)
        return text, [
            Change(
                "decode",
                "decode_cp1252",
                (0, len(text)),
                "",
                "",
                f"input is not UTF-8 ({stray} non-ASCII bytes outside UTF-8 sequences, "
                f"{len(valid)} UTF-8 sequences): decoded as Windows-1252",
            )
        ]
    # mixed: UTF-8 with runs of stray single-byte text, decoded in one pass
    runs: list[tuple[int, int, str]] = []  # (byte start, byte end, text) of each bad run
    _RUNS.stack = [*getattr(_RUNS, "stack", []), runs]
    try:
        text = data.decode("utf-8", errors="cleannews.cp1252run")
    finally:
        _RUNS.stack = _RUNS.stack[:-1]
    changes: list[Change] = []
    byte_pos = out_len = 0
    for start, end, fixed in runs:
        out_len += _utf8_length(data, byte_pos, start)
        raw = data[start:end]
        changes.append(
            Change(
                "decode",
                "decode_cp1252_fallback",
                (out_len, out_len + len(fixed)),
                raw.hex(" "),
                fixed,
                f"bytes {raw.hex(' ')} are not valid UTF-8: read as Windows-1252",
            )
        )
        out_len += len(fixed)
        byte_pos = end
    return text, changes



#: Rules of :func:`_decode_bytes` that read bytes that are not UTF-8 as Windows-1252.
CP1252_RULES = ("decode_cp1252", "decode_cp1252_fallback")
#: The bytes Windows-1252 leaves undefined (read as Latin-1 controls by :func:`_cp1252`).
_CP1252_UNDEFINED = bytes((0x81, 0x8D, 0x8F, 0x90, 0x9D))


def record_line_as_cp1252(line: bytes) -> tuple[str, Change] | None:
    """A JSONL line that is not UTF-8 read as a text file is (:func:`decode_input`): as
    Windows-1252 whole, or each run of stray bytes; ``(line_text, note)`` where the note is
    the ``decode`` change the record's document gets (a note about the whole input: its span
    is set by the caller), or ``None`` when the bytes are not Windows-1252 text either
    (binary data, a byte-order mark, a byte Windows-1252 leaves undefined — 81, 8D, 8F, 90,
    9D: a lead byte of Shift_JIS or GBK text, or binary data —: the line stays a ``utf8``
    error).

    A ``.txt`` file in Windows-1252 was cleaned with a ``decode_cp1252`` change, the same
    text in a JSONL record was a ``utf8`` error (round 34).

    >>> text, note = record_line_as_cp1252(b'{"text": "caf\\xe9 cr\\xe8me"}')
    >>> text, note.rule
    ('{"text": "café crème"}', 'decode_cp1252')
    >>> record_line_as_cp1252('{"text": "日本、"}'.encode("shift_jis")) is None  # 81 41
    True
    >>> record_line_as_cp1252('{"text": "“Oui”, caf'.encode() + b'\\xe9"}')[0]
    '{"text": "“Oui”, café"}'
    >>> utf8_then_latin1 = '{"text": "\u00c9t\u00e9 \u00e0 No'.encode() + b'\\xebl"}'
    >>> record_line_as_cp1252(utf8_then_latin1)[1].reason
    "the record's line is not UTF-8: bytes eb are not valid UTF-8: read as Windows-1252"
    """
    stray = _VALID_UTF8_MULTIBYTE.sub(b"", line)  # (a UTF-8 "”" holds 9D: not stray)
    if stray.translate(None, _CP1252_UNDEFINED) != stray:
        return None
    try:
        text, changes = _decode_bytes(line)
    except InputError:
        return None
    if not changes or any(c.rule not in CP1252_RULES for c in changes):
        return None
    rule = changes[0].rule
    if rule == "decode_cp1252":
        reason = changes[0].reason.replace("input is not UTF-8", "the record's line is not UTF-8")
    else:
        shown = [c.before for c in changes[:3]]
        more = f" and {len(changes) - 3} more runs" if len(changes) > 3 else ""
        reason = (f"the record's line is not UTF-8: bytes {', '.join(shown)}{more} are not "
                  "valid UTF-8: read as Windows-1252")
    return text, Change("decode", rule, (0, 0), "", "", reason)

#: Longest run of invalid bytes a single UTF-8 error can cover (a truncated 4-byte sequence).
_MAX_UTF8_ERROR = 4


def truncated_utf8_tail(data: bytes) -> int:
    """How many bytes at the end of ``data`` begin a UTF-8 character that ``data`` cuts short
    (a lead byte and its first continuation bytes), else 0.

    A single lead byte after text with no UTF-8 character is not taken for one: ``caf\\xe9``
    is Windows-1252 (``café``) far more often than UTF-8 cut after one byte.

    >>> truncated_utf8_tail("qu\u2019".encode()[:-1]), truncated_utf8_tail(b"\\xc2")
    (2, 0)
    >>> truncated_utf8_tail("pr\u00e9sent\u00e9 \u00e0".encode()[:-1])
    1
    >>> truncated_utf8_tail(b"caf\\xe9"), truncated_utf8_tail("caf\u00e9".encode())
    (0, 0)
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:  # the stdlib decoder keeps back a valid start it cannot finish yet
        decoder.decode(data, final=False)
    except UnicodeDecodeError:
        return 0  # invalid bytes elsewhere, or an invalid start (overlong, out of range)
    cut = len(decoder.getstate()[0])
    if cut == 1 and _VALID_UTF8_MULTIBYTE.search(data) is None:
        return 0
    return cut


def _invalid_run_end(data: bytes, pos: int) -> int:
    """Where the run of invalid UTF-8 continuing at ``pos`` ends (constant work per byte).

    >>> _invalid_run_end(b"\\xe9\\xe8 ok", 1), _invalid_run_end(b"\\xe9\\xc3\\xa9", 1)
    (2, 1)
    """
    n = len(data)
    while pos < n:
        try:
            data[pos : pos + _MAX_UTF8_ERROR].decode("utf-8")
            break
        except UnicodeDecodeError as err:
            if err.start != 0:
                break
            pos += err.end
    return pos


def _high_bytes(data: bytes) -> int:
    """How many bytes of ``data`` are not ASCII."""
    return len(data) - len(data.translate(None, _HIGH))


_HIGH = bytes(range(0x80, 0x100))


def _utf8_length(data: bytes, start: int, end: int) -> int:
    """Characters in the valid UTF-8 ``data[start:end]`` (bytes that are not continuations)."""
    chunk = data[start:end]
    return len(chunk) - len(chunk.translate(None, _NON_CONTINUATION))


_NON_CONTINUATION = bytes(b for b in range(256) if not 0x80 <= b <= 0xBF)


_RUNS = threading.local()  # the run list of the decode under way, per thread


def _read_run_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the whole run of invalid bytes is read as Windows-1252."""
    assert isinstance(exc, UnicodeDecodeError)
    end = _invalid_run_end(exc.object, exc.end)
    fixed = _cp1252(exc.object[exc.start : end])
    _RUNS.stack[-1].append((exc.start, end, fixed))
    return fixed, end


codecs.register_error("cleannews.cp1252run", _read_run_as_cp1252)


def _latin1_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the five bytes Windows-1252 leaves undefined are read as Latin-1."""
    assert isinstance(exc, UnicodeDecodeError)
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


codecs.register_error("cleannews.latin1", _latin1_fallback)


def _cp1252(raw: bytes) -> str:
    return raw.decode("cp1252", errors="cleannews.latin1")


_SURROGATE_RUN = LazyPattern("[\ud800-\udfff]+", engine=re)

#: ``sys.getsizeof(s) - len(s)`` of a CPython ``str`` stored one byte per character that is
#: not ASCII (its size is a fixed header plus ``len(s) + 1`` bytes; a string stored two or
#: four bytes per character is bigger by at least ``len(s) + 1``, and a cached UTF-8 copy
#: only adds to the size, so a match proves the one-byte storage).
_ONE_BYTE_OVERHEAD = sys.getsizeof("\xe9") - 1


def _one_byte_str(text: str) -> bool:
    """True when ``text`` provably holds only characters U+0000–U+00FF, told in constant
    time: ASCII (``str.isascii``), or an exact ``str`` whose size in memory is that of
    one byte per character (CPython's Latin-1 storage). False proves nothing (another
    storage, a ``str`` subclass, another interpreter): the caller reads the text.

    >>> _one_byte_str("abc"), _one_byte_str("d\u00e9j\u00e0"), _one_byte_str("l\u2019an")
    (True, True, False)
    >>> _one_byte_str("\\u00e9" + chr(0xD800))  # a lone surrogate
    False
    """
    if text.isascii():
        return True
    return type(text) is str and sys.getsizeof(text) - len(text) == _ONE_BYTE_OVERHEAD


def _escaped(run: str) -> str:
    """Surrogates written as ``\\udXXX`` escapes: a JSON-safe ``before``."""
    return "".join(f"\\u{ord(c):04x}" for c in run)


def fix_surrogates(text: str) -> tuple[str, list[Change]]:
    """Join UTF-16 surrogate pairs and replace lone surrogates by U+FFFD, one change a run.

    Spans point into the returned text, as for decoded bytes.

    >>> fix_surrogates("a\\ud83d\\ude00b")[0], fix_surrogates("a\\ud83d\\ude00b")[1][0].rule
    ('a\U0001f600b', 'join_surrogate_pairs')
    """
    if _one_byte_str(text):  # no character above U+00FF, so no surrogate: nothing to read
        return text, []
    try:
        text.encode("utf-8")  # 20x faster than a regular-expression search
        return text, []
    except UnicodeEncodeError:
        pass
    parts: list[str] = []
    changes: list[Change] = []
    pos = out_len = 0
    for m in _SURROGATE_RUN.finditer(text):
        parts.append(text[pos : m.start()])
        out_len += m.start() - pos
        run = m.group()
        fixed = run.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        lone = "\ufffd" in fixed
        rule = "replace_surrogates" if lone else "join_surrogate_pairs"
        reason = (
            "lone UTF-16 surrogate (half of a character, not encodable as UTF-8) replaced by "
            "U+FFFD"
            if lone
            else "UTF-16 surrogate pair joined into the character it encodes"
        )
        changes.append(
            Change("decode", rule, (out_len, out_len + len(fixed)), _escaped(run), fixed, reason)
        )
        parts.append(fixed)
        out_len += len(fixed)
        pos = m.end()
    parts.append(text[pos:])
    return "".join(parts), changes


def _hint(value: object, html: bool = False, call: str | None = None) -> str:
    """What to pass instead of a path or an open file (``clean(Path("a.txt"))`` said only
    "expected str or bytes, got PosixPath").

    >>> import pathlib
    >>> _hint(pathlib.Path("a.txt")), _hint(3)
    (': a path; pass its content, e.g. clean(path.read_bytes())', '')

    A JSONL record given whole (``clean(record)`` for ``clean(record["text"])``, the first
    line of a loop over ``json.loads`` lines) is named too (round 32):

    >>> _hint({"id": "a1", "text": "Un texte."})
    ': a record; pass its text, e.g. clean(record["text"], id=record.get("id"))'

    For a page (``html``) the example names ``clean_html``, the function the user called
    (``clean_html(Path("page.html"))`` was told to call ``clean``; round 33):

    >>> _hint(pathlib.Path("page.html"), html=True)
    ': a path; pass its content, e.g. clean_html(path.read_bytes())'

    ``call``: the call the user made, ``{}`` for its input (:func:`cleannews.explain`,
    :func:`~cleannews.spin_score`, :func:`~cleannews.repair` were told to call ``clean`` or
    ``clean_html``; round 33):

    >>> _hint(pathlib.Path("page.html"), True, "explain({}, html=True)")
    ': a path; pass its content, e.g. explain(path.read_bytes(), html=True)'
    """
    import os
    from collections.abc import Mapping

    if call is None:
        call = "clean_html({})" if html else "clean({})"
        record = 'record["text"], id=record.get("id")'
    else:
        record = 'record["text"]'
    if isinstance(value, os.PathLike):
        return f": a path; pass its content, e.g. {call.format('path.read_bytes()')}"
    if isinstance(value, Mapping):
        return f": a record; pass its text, e.g. {call.format(record)}"
    if callable(getattr(value, "read", None)):
        return f": an open file; pass its content, e.g. {call.format('f.read()')}"
    return ""


def decode_input(value: object, *, html: bool = False, call: str | None = None
                 ) -> tuple[str, list[Change]]:
    """Return ``(text, decode_changes)`` for a ``str`` or ``bytes`` input.

    With ``html``, bytes that are not UTF-8 as a whole are decoded with the charset
    the page declares in its ``<meta>`` tag (Windows-1250, GB2312, Shift_JIS …)
    before falling back to Windows-1252; UTF-8 bytes stay UTF-8 whatever the tag
    says (a wrong declaration is common), and so does UTF-8 with stray bytes.

    Raises :class:`InputError` for any other type and for binary data.

    >>> page = '<meta charset="windows-1250"><p>Zażółć gęślą jaźń</p>'.encode("cp1250")
    >>> decode_input(page, html=True)[0][-24:], decode_input(page, html=True)[1][0].rule
    ('<p>Zażółć gęślą jaźń</p>', 'decode_declared_charset')
    """
    if isinstance(value, str):
        # text given as text: control characters are the repair stage's job. A subclass
        # (numpy's str_ from a DataFrame's values, a user's own) is read as the str it holds:
        # its methods are not the pipeline's, and doc.text was that subclass (audit28)
        return fix_surrogates(value if type(value) is str else str.__str__(value))
    if not isinstance(value, (bytes, bytearray, memoryview)):
        raise InputError(
            f"expected str or bytes, got {type(value).__name__}{_hint(value, html, call)}")
    data = bytes(value)
    declared = declared_charset(data) if html else None
    if len(data) > HEAD_SNIFF_BYTES:  # judged from its start before it is decoded whole:
        # 15 MB of random bytes took 1.6 s to refuse, all of it decoded first (round 34)
        head = data[:HEAD_SNIFF_BYTES]
        try:
            message = refusal(head, _decode_bytes(head, declared)[0], html)
        except InputError:  # (binary data: the whole says so below, in its own words)
            message = None
        if message is not None:
            raise InputError(message)
    text, changes = _decode_bytes(data, declared)
    message = refusal(data, text, html)
    if message is not None:
        raise InputError(message)
    return text, changes


def refusal(data: bytes, text: str, html: bool = False) -> str | None:
    """Why the bytes ``data``, decoded as ``text`` (or their start, decoded), are refused: more
    than :data:`BINARY_CONTROL_RATIO` control characters (binary data; UTF-16 saved without
    its byte-order mark named, with the ``iconv`` command), or, for a text that is no page
    (``html`` false), NUL characters at every few words (:data:`NUL_TEXT_SHARE`); else
    ``None``. A page's NULs are removed (browsers drop them; round 33).

    >>> refusal(b"", "Le maire a parl\\u00e9.\\x00" * 4) is None  # a few stray NULs: removed
    True
    >>> refusal(b"", "Le maire a parl\\u00e9 hier.\\x00\\x00" * 20)[:63]
    'text is full of NUL characters (40 of the first 480 characters)'
    >>> refusal(b"", "<p>Le maire a parl\\u00e9.\\x00\\x00</p>" * 20, html=True) is None
    True
    """
    message = control_share_message(text)
    if message is not None:
        order = utf16_without_bom(data)
        return message + ("" if order is None else (
            f" (it looks like {order} text saved without a byte-order mark; convert it to "
            f"UTF-8 first: iconv -f {order} -t UTF-8)"))
    return None if html else nul_share_message(text)


def nul_share_message(text: str) -> str | None:
    """Why ``text`` is full of NUL characters (:data:`NUL_TEXT_SHARE` of its first
    :data:`BINARY_SAMPLE_CHARS` characters, at least :data:`NUL_TEXT_MIN`), else ``None``.

    >>> nul_share_message("Un mot.\\x00" * 9)
    'text is full of NUL characters (9 of the first 72 characters): binary data or a broken \
export'
    >>> nul_share_message("Un texte." * 100 + "\\x00" * 8) is None  # 8 of 908: under 1 %
    True
    """
    sample = text[:BINARY_SAMPLE_CHARS]
    nuls = sample.count("\x00")
    if nuls < NUL_TEXT_MIN or nuls < NUL_TEXT_SHARE * len(sample):
        return None
    return (f"text is full of NUL characters ({nuls} of the first {len(sample)} characters): "
            "binary data or a broken export")


def control_share_message(text: str) -> str | None:
    """Why ``text`` is binary data when more than :data:`BINARY_CONTROL_RATIO` of its first
    :data:`BINARY_SAMPLE_CHARS` characters are control characters, else ``None``.

    The one test (and wording) for ``clean`` (:class:`InputError`) and ``run`` (a
    ``binary`` error record): random bytes, which hold NUL bytes too, were refused
    as "looks binary" by one and as "nul" by the other.

    >>> control_share_message("\\x00\\x01\\x02\\x03" * 10)
    'input looks binary: 40 of the first 40 characters are control characters'
    >>> control_share_message("Bonjour le monde\\x00" * 10) is None
    True
    """
    sample = text[:BINARY_SAMPLE_CHARS]
    if len(sample) < BINARY_MIN_CHARS:
        return None
    controls = len(_CONTROL.findall(sample))
    if controls / len(sample) <= BINARY_CONTROL_RATIO:
        return None
    return (f"input looks binary: {controls} of the first {len(sample)} characters "
            "are control characters")


def looks_like_html(data: str | bytes) -> bool:
    """True when ``data`` (text or raw bytes) is an HTML page or fragment, not plain text.

    Used for ``--format auto`` on input with no telling file name (standard
    input, a file without a known extension): the start of the input must be
    markup (a doctype, an XML declaration or a tag, after blanks, comments
    and a BOM) and hold a page-level or block tag.

    >>> looks_like_html(b"<!DOCTYPE html><html><body><p>Bonjour</p></body></html>")
    True
    >>> looks_like_html("  <div class='article'><p>Texte</p></div>")
    True
    >>> looks_like_html("Un titre\\n\\nLe texte cite la balise <p> plus loin.")
    False
    >>> looks_like_html("<3 les chats")
    False
    >>> looks_like_html("<!DOCTYPE html><p>Bonjour</p>".encode("utf-16"))
    True
    """
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data[: HTML_SNIFF_CHARS * 4])
        # a page saved as UTF-16 / UTF-32 with its mark (Windows "Unicode") is a page too
        head = raw.decode(bom_codec(raw) or "utf-8", errors="replace")
    else:
        head = data[:HTML_SNIFF_CHARS]
    head = head[:HTML_SNIFF_CHARS]
    return bool(_HTML_START.match(head)) and _HTML_TAG.search(head) is not None

"""Turn what the user gave into text, or say clearly why it is not text.

Bytes are decoded as UTF-8. Bytes that are not valid UTF-8 are read as
Windows-1252 (the usual culprit in scraped French pages), each run of them
recorded as a ``decode`` change; a file with no valid multi-byte UTF-8 at
all is read as Windows-1252 as a whole. Bytes that are binary data (images, archives,
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

import regex

from cleannews.document import Change
from cleannews.errors import InputError

__all__ = [
    "BINARY_CONTROL_RATIO",
    "BINARY_MIN_CHARS",
    "BINARY_SAMPLE_CHARS",
    "decode_input",
    "fix_surrogates",
]

#: How many leading characters are examined to decide whether input is binary.
BINARY_SAMPLE_CHARS = 65536
#: Byte strings shorter than this are never judged binary.
BINARY_MIN_CHARS = 32
#: Share of control characters (other than tab, line feed, carriage return,
#: form feed) above which the input is treated as binary and refused.
BINARY_CONTROL_RATIO = 0.10

_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_VALID_UTF8_MULTIBYTE = regex.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
    (b"\x7fELF", "an executable"),
)


def _decode_bytes(data: bytes) -> tuple[str, list[Change]]:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"input is {what}, not text")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    if not _VALID_UTF8_MULTIBYTE.search(data):
        text = _cp1252(data)
        return text, [
            Change(
                "decode",
                "decode_cp1252",
                (0, len(text)),
                "",
                "",
                "input is not UTF-8 and holds no UTF-8 sequence: decoded as Windows-1252",
            )
        ]
    # mixed: UTF-8 with runs of stray single-byte text
    parts: list[str] = []
    changes: list[Change] = []
    pos = 0
    out_len = 0
    n = len(data)
    while pos < n:
        try:
            chunk = data[pos:].decode("utf-8")
            parts.append(chunk)
            break
        except UnicodeDecodeError as exc:
            good = data[pos : pos + exc.start].decode("utf-8")
            parts.append(good)
            out_len += len(good)
            bad_end = pos + exc.end
            # swallow the whole run of invalid bytes at once
            while bad_end < n:
                try:
                    data[bad_end : bad_end + 4].decode("utf-8")
                    break
                except UnicodeDecodeError as e2:
                    if e2.start != 0:
                        break
                    bad_end += e2.end
            raw = data[pos + exc.start : bad_end]
            fixed = _cp1252(raw)
            parts.append(fixed)
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
            pos = bad_end
    return "".join(parts), changes


def _latin1_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the five bytes Windows-1252 leaves undefined are read as Latin-1."""
    assert isinstance(exc, UnicodeDecodeError)
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


codecs.register_error("cleannews.latin1", _latin1_fallback)


def _cp1252(raw: bytes) -> str:
    return raw.decode("cp1252", errors="cleannews.latin1")


_SURROGATE_RUN = re.compile("[\ud800-\udfff]+")


def _escaped(run: str) -> str:
    """Surrogates written as ``\\udXXX`` escapes: a JSON-safe ``before``."""
    return "".join(f"\\u{ord(c):04x}" for c in run)


def fix_surrogates(text: str) -> tuple[str, list[Change]]:
    """Join UTF-16 surrogate pairs and replace lone surrogates by U+FFFD, one change a run.

    Spans point into the returned text, as for decoded bytes.

    >>> fix_surrogates("a\\ud83d\\ude00b")[0], fix_surrogates("a\\ud83d\\ude00b")[1][0].rule
    ('a\U0001f600b', 'join_surrogate_pairs')
    """
    if _SURROGATE_RUN.search(text) is None:
        return text, []
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


def decode_input(value: object) -> tuple[str, list[Change]]:
    """Return ``(text, decode_changes)`` for a ``str`` or ``bytes`` input.

    Raises :class:`InputError` for any other type and for binary data.
    """
    if isinstance(value, str):
        # text given as text: control characters are the repair stage's job
        return fix_surrogates(value)
    if not isinstance(value, (bytes, bytearray, memoryview)):
        raise InputError(f"expected str or bytes, got {type(value).__name__}")
    text, changes = _decode_bytes(bytes(value))
    sample = text[:BINARY_SAMPLE_CHARS]
    if len(sample) >= BINARY_MIN_CHARS:
        controls = len(_CONTROL.findall(sample))
        if controls / len(sample) > BINARY_CONTROL_RATIO:
            raise InputError(
                f"input looks binary: {controls} of the first {len(sample)} characters "
                "are control characters"
            )
    return text, changes

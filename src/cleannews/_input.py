"""Turn what the user gave into text, or say clearly why it is not text.

Bytes are decoded as UTF-8. Bytes that are not valid UTF-8 are read as
Windows-1252 (the usual culprit in scraped French pages), each run of them
recorded as a ``decode`` change; a file with no valid multi-byte UTF-8 at
all is read as Windows-1252 as a whole. Bytes that are binary data (images, archives,
executables, or more than 10 % control characters) raise
:class:`~cleannews.InputError`; a ``str`` is always taken as text.

    >>> decode_input("d\\u00e9j\\u00e0")[0]
    'd\u00e9j\u00e0'
    >>> text, changes = decode_input(b"caf\\xe9 cr\\xc3\\xa8me")
    >>> text, changes[0].rule
    ('caf\u00e9 cr\u00e8me', 'decode_cp1252_fallback')
"""

from __future__ import annotations

import codecs

import regex

from cleannews.document import Change
from cleannews.errors import InputError

__all__ = [
    "BINARY_CONTROL_RATIO",
    "BINARY_MIN_CHARS",
    "BINARY_SAMPLE_CHARS",
    "HTML_SNIFF_CHARS",
    "decode_input",
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

# A page starts (after a BOM, blanks and comments) with a doctype, an XML
# declaration or a tag; it is HTML when one of the page-level or block tags
# below appears near the start. A text that merely mentions "<p>" later is text.
_HTML_START = regex.compile(r"\A(?:\ufeff)?\s*(?:<!--.*?-->\s*)*<[!?a-zA-Z]", regex.DOTALL)
_HTML_TAG = regex.compile(
    r"<!doctype\s+html|<(?:html|head|body|meta|title|article|main|div|p|section|header|"
    r"h[1-6]|ul|table|span|a|br|img|script|style|link)(?:[\s/>])",
    regex.IGNORECASE,
)
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


def decode_input(value: object) -> tuple[str, list[Change]]:
    """Return ``(text, decode_changes)`` for a ``str`` or ``bytes`` input.

    Raises :class:`InputError` for any other type and for binary data.
    """
    if isinstance(value, str):
        return value, []  # text given as text: control characters are the repair stage's job
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
    """
    if isinstance(data, (bytes, bytearray, memoryview)):
        head = bytes(data[: HTML_SNIFF_CHARS * 2]).decode("utf-8", errors="replace")
    else:
        head = data[:HTML_SNIFF_CHARS]
    head = head[:HTML_SNIFF_CHARS]
    return bool(_HTML_START.match(head)) and _HTML_TAG.search(head) is not None

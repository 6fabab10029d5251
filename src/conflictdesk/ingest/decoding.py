"""Bytes to text: refuse binary files, decode UTF-8 (or a declared charset), never guess.

Policy on encodings: UTF-8 (with or without a byte-order mark) and UTF-16/32 with a
byte-order mark are read; another charset is used only when the document declares it (an
HTML `<meta charset>`, an XML declaration, or an HTTP Content-Type). Anything else is
refused with E104 and the offset of the first bad byte, rather than decoded by a guess that
would silently corrupt names and quotes.
"""
from __future__ import annotations

import codecs
import re

from ..errors import BinaryInputError, EncodingError

SNIFF_BYTES = 8192
CONTROL_RATIO = 0.10
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.odt file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "a SQLite database"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"RIFF", "a RIFF media file"),
    (b"ID3", "an MP3 file"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})["']""")
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)


def bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def check_not_binary(data: bytes) -> None:
    """Raise BinaryInputError when `data` is a known binary format or looks like one."""
    if bom_encoding(data) in ("utf-16", "utf-32"):
        return                              # NUL bytes are expected there
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"this is {what}, not text; convert it to text, HTML, JSON lines or CSV first")
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        raise BinaryInputError("binary content (NUL bytes); conflictdesk reads text, HTML, feeds, JSON lines and CSV")
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and controls / len(head) > CONTROL_RATIO:
        raise BinaryInputError(f"binary content ({controls} control bytes in the first {len(head)})")


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset an HTTP Content-Type, an XML declaration or an HTML <meta> declares, if valid."""
    candidates = []
    if content_type:
        match = _HEADER_CHARSET.search(content_type)
        if match:
            candidates.append(match.group(1))
    head = data[:4096]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        match = pattern.search(head)
        if match:
            candidates.append(match.group(1).decode("ascii"))
    for name in candidates:
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue
    return None


def decode_bytes(data: bytes, *, content_type: str | None = None, allow_declared: bool = True) -> str:
    """Text from bytes, by the policy in this module's docstring. Raises EncodingError."""
    bom = bom_encoding(data)
    if bom:
        try:
            return data.decode(bom)
        except UnicodeDecodeError as exc:
            raise EncodingError(f"starts with a {bom} byte-order mark but is not valid {bom} "
                                f"(bad byte at offset {exc.start})") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    charset = declared_charset(data, content_type) if allow_declared else None
    if charset and charset != "utf-8":
        try:
            return data.decode(charset)
        except UnicodeDecodeError as exc:
            raise EncodingError(f"declares charset {charset} but is not valid {charset} "
                                f"(bad byte at offset {exc.start})") from exc
    raise EncodingError(f"not valid UTF-8 (first bad byte at offset {first_bad}) and no charset is declared; "
                        f"save it as UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8)")

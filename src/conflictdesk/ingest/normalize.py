"""Text normalisation, content hashes and stable document ids.

`normalize_text` is applied to every document's text before anything else looks at it, so
every offset later computed on `Document.text` refers to the normalised string. It keeps
curly quotes, bullets, dashes and the zero-width (non-)joiners that Persian and Arabic
spelling needs; it drops what only breaks matching: zero-width spaces, byte-order marks,
soft hyphens and control characters.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Removed outright: zero-width space, word joiner, BOM, soft hyphen, Mongolian vowel separator and
# C0/C1 control characters other than tab and newline. ZWNJ U+200C and ZWJ U+200D are kept:
# Persian orthography needs them.
_REMOVED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff\u00ad\u180e]")
# Unusual spaces become a plain space (one character for one).
_ODD_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")
_SPACES = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """NFC, `\\n` newlines, no zero-width or control characters, at most one blank line in a row."""
    text = _NEWLINES.sub("\n", text)       # before dropping controls: \x0b, \x0c and NEL are line breaks
    text = _ODD_SPACES.sub(" ", _REMOVED.sub("", unicodedata.normalize("NFC", text)))
    text = _TRAILING_SPACE.sub("", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n")


def normalize_line(value: str | None) -> str | None:
    """A one-line field (title, author, source): normalised, whitespace collapsed; None when empty."""
    if value is None:
        return None
    value = _SPACES.sub(" ", normalize_text(str(value))).strip()
    return value or None


def content_hash(text: str) -> str:
    """sha256 (hex) of the normalised text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_TRACKING = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$", re.IGNORECASE)


def normalize_url(url: str) -> str:
    """A canonical spelling of a URL: lower-case scheme and host, no default port, fragment or
    tracking parameters, no trailing slash on the path."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port and (scheme, parts.port) not in (("http", 80), ("https", 443)) else None
    netloc = f"[{host}]" if ":" in host else host
    if port:
        netloc = f"{netloc}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    path = parts.path.rstrip("/") or ""
    return urlunsplit((scheme, netloc, path, query, ""))


def is_web_url(value: str | None) -> bool:
    return bool(value) and urlsplit(value.strip()).scheme.lower() in ("http", "https") \
        and bool(urlsplit(value.strip()).netloc)


def document_id(*, given: str | None = None, url: str | None = None, text_hash: str = "") -> str:
    """The given id; else `u-` and 16 hex digits of the canonical URL's sha256; else `h-` and the
    first 16 hex digits of the content hash."""
    if given is not None and str(given).strip():
        return str(given).strip()
    if url and is_web_url(url):
        return "u-" + hashlib.sha256(normalize_url(url).encode("utf-8")).hexdigest()[:16]
    if not text_hash:
        raise ValueError("document_id needs a given id, a web URL or a content hash")
    return "h-" + text_hash[:16]

"""Assembly of a `Document` from text and metadata: the one place every reader ends in.

The text is normalised, page furniture is stripped, then hash, id, language and near-duplicate
fingerprint are computed from the final text, so they all describe exactly `Document.text`.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import re
import time
import urllib.parse

from ..errors import EmptyInputError, InvalidFieldError
from ..records import Document, Failure
from .boilerplate import strip_boilerplate
from .dedupe import fingerprint
from .language import detect_language
from .normalize import content_hash, document_id, is_web_url, normalize_line, normalize_text

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_YMD_SLASH = re.compile(r"^\s*(\d{4})/(\d{1,2})/(\d{1,2})\b")
_TEXT_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y")
_HEADLINE_MAX = 200


def parse_date(value: object) -> dt.date | None:
    """A date from an ISO string, RFC 2822 string, `date`, `datetime` or `time.struct_time`;
    None when the value is empty or not a date we can read without guessing (e.g. 03/04/2024)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, time.struct_time):
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    text = str(value).strip()
    for pattern in (_ISO_DATE, _YMD_SLASH):
        match = pattern.match(text)
        if match:
            try:
                return dt.date(*(int(g) for g in match.groups()))
            except ValueError:
                return None
    for fmt in _TEXT_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def unread_date(value: object, doc: Document, *, where: str, line: int | None = None) -> Failure | None:
    """A Failure (E108) saying that a record's publication date `value` could not be read and
    that `doc` was kept without a date; None when there was no date or it was read."""
    if value is None or value == "" or doc.published is not None:
        return None
    shown = str(value) if len(str(value)) <= 80 else str(value)[:80] + "…"
    prefix = f"line {line}: " if line is not None else ""
    return Failure(where, "parse", InvalidFieldError.code,
                   f"{prefix}the publication date {shown!r} is not a date conflictdesk reads (e.g. 2016-03-04, "
                   "4 March 2016, an RFC 2822 date; 03/04/2016 is not guessed); the document was kept without "
                   "a date", document_id=doc.id)


def split_headline(text: str) -> tuple[str | None, str]:
    """(headline, body) of a plain-text copy of an article whose first line is its headline:
    a short line without closing punctuation, followed by a blank line and more text.
    Otherwise (None, text) unchanged."""
    first, sep, rest = text.partition("\n")
    line = first.strip()
    if not sep or not rest.startswith("\n") or not rest.strip():
        return None, text
    if not line or len(line) > _HEADLINE_MAX or len(line.split()) < 2 or line[-1] in ".:;,…" \
            or line[0] in "•-*–—·>":
        return None, text
    return line, rest.strip("\n")


_FEED_HOST_PREFIXES = ("www.", "feeds.", "feed.", "rss.", "m.", "mobile.", "amp.")


def clean_title(title: str | None) -> str | None:
    """The title, or None when it holds no word at all (feeds often carry ">" or "|")."""
    line = normalize_line(title)
    return line if line and any(ch.isalnum() for ch in line) else None


def source_from_url(url: str | None) -> str | None:
    """The site a story came from, read off its URL's host ("feeds.reuters.com" -> "reuters.com")."""
    if not url:
        return None
    host = (urllib.parse.urlsplit(url).hostname or "").lower()
    for prefix in _FEED_HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
    return host or None


def build_document(text: str, *, fmt: str, origin: str | None = None, title: str | None = None,
                   published: object = None, url: str | None = None, source: str | None = None,
                   id: str | None = None, author: str | None = None, language: str | None = None,
                   strip: bool = True) -> Document:
    """A Document from raw text and metadata. Raises EmptyInputError when no text is left."""
    body = normalize_text(text)
    if strip:
        body = strip_boilerplate(body)
    if not body.strip():
        raise EmptyInputError("the document has no text" + (" after page furniture was removed" if text.strip() else ""))
    digest = content_hash(body)
    url = url.strip() if url and is_web_url(url) else None
    return Document(
        id=document_id(given=id, url=url, text_hash=digest),
        text=body,
        title=clean_title(title),
        published=parse_date(published),
        source=normalize_line(source) or source_from_url(url),
        url=url,
        language=(language.strip().lower() or None) if language else detect_language(body),
        author=normalize_line(author),
        origin=origin,
        format=fmt,
        content_hash=digest,
        fingerprint=fingerprint(body),
    )

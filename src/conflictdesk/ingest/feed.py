"""RSS and Atom feeds to Documents, one per entry.

An entry whose link names a page beside the feed (a relative path or a file:// URL inside the
feed's folder) is read from that page, so the Document has the full text; a web link is
followed only when the caller passes a `follow` function (fetching on). Otherwise, and when
following fails, the entry's own content or summary is the text. A feed read from the web
never reads local files: its caller passes no `base_dir`.

Each entry has a key (`entry_key`: its guid, else its link, else a digest of its title and
text) by which a watcher knows the entries it has seen: `read_feed(..., keep=...)` skips an
entry whose key `keep` refuses before its link is followed.
"""
from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser

from ..errors import InputError, MalformedInputError
from ..records import Document, Failure
from .document import build_document, parse_date
from .normalize import document_id, is_web_url, normalize_line
from .webpage import html_fragment_text

# Reads a linked page (local path or web URL) into a Document; raises InputError.
Follow = Callable[[str], Document]
# Whether to read the entry with this key (a watcher refuses the ones it has seen).
Keep = Callable[[str], bool]


def _local_path(link: str, base_dir: Path) -> tuple[Path | None, str | None]:
    """(the file inside `base_dir` that a relative or file:// link names, None) or
    (None, why it is not followed); (None, None) for a link that is not a local path."""
    parts = urlsplit(link)
    if parts.scheme == "file":
        # feedparser turns file:///tmp/page.html into file://tmp/page.html: the "host" is a folder
        netloc = "" if parts.netloc in ("", "localhost") else "/" + parts.netloc
        candidate = Path(unquote(netloc + parts.path))
        if not candidate.is_absolute():
            candidate = base_dir / candidate
    elif not parts.scheme and not parts.netloc and parts.path:
        candidate = base_dir / unquote(parts.path)
    else:
        return None, None
    resolved = candidate.resolve()
    if not resolved.is_relative_to(base_dir.resolve()):
        return None, f"links to {link}, outside the feed's folder: not followed"
    return resolved, None


def _entry_text(entry: feedparser.FeedParserDict) -> str:
    contents = entry.get("content") or []
    html = max((c.get("value", "") for c in contents), key=len, default="") or entry.get("summary", "")
    return html_fragment_text(html or "")


def entry_key(entry: feedparser.FeedParserDict) -> str:
    """What identifies an entry from one poll of its feed to the next: its guid (Atom id), else
    its link, else a digest of its title and text."""
    for value in (entry.get("id"), entry.get("link")):
        if isinstance(value, str) and value.strip():
            return value.strip()
    written = f"{entry.get('title') or ''}\n{_entry_text(entry)}"
    return "sha256:" + hashlib.sha256(written.encode("utf-8")).hexdigest()


def _entry_published(entry: feedparser.FeedParserDict) -> object:
    """The entry's date as its publisher wrote it: feedparser's `*_parsed` values are converted
    to UTC, which moves an evening story west of Greenwich to the next day, so they serve only
    when the written date cannot be read."""
    for written in (dict.get(entry, "published"), dict.get(entry, "updated")):   # no feedparser key aliasing
        day = parse_date(written)
        if day is not None:
            return day
    return dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")


def _merge(page: Document, entry: feedparser.FeedParserDict, *, origin: str, link: str | None,
           source: str | None) -> Document:
    """The page read for an entry, with the entry's metadata filling what the page lacks."""
    page.title = page.title or normalize_line(entry.get("title"))
    page.published = page.published or parse_date(_entry_published(entry))
    page.author = page.author or normalize_line(entry.get("author"))
    page.source = page.source or normalize_line(source)
    if page.url is None and link and is_web_url(link):
        page.url = link
        page.id = document_id(url=link, text_hash=page.content_hash)
    page.origin = origin
    page.format = "feed"
    return page


def read_feed(data: bytes, *, origin: str, base_dir: Path | None = None, read_local: Follow | None = None,
              fetch_remote: Follow | None = None, keep: Keep | None = None) -> Iterator[Document | Failure]:
    """Documents (and Failures) of a feed's entries. `read_local` reads a linked page inside
    `base_dir`, `fetch_remote` a linked web page (None: not followed); an entry whose
    `entry_key` `keep` refuses is skipped. Raises MalformedInputError when `data` is not a feed
    at all."""
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    if not parsed.entries:
        if parsed.bozo:
            raise MalformedInputError(f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}")
        if not parsed.get("version"):
            raise MalformedInputError("not an RSS/Atom feed (no <rss>, <feed> or <rdf:RDF> root)")
        raise MalformedInputError("the feed has no entries")
    source = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        if keep is not None and not keep(entry_key(entry)):
            continue
        entry_origin = f"{origin}#entry{number}"
        link = (entry.get("link") or "").strip() or None
        problem: InputError | None = None
        if link:
            follow: Follow | None = None
            local, refusal = _local_path(link, base_dir) if base_dir is not None else (None, None)
            if refusal:
                problem = MalformedInputError(refusal)
            if local is not None and read_local is not None:
                follow, target = read_local, str(local)
            elif is_web_url(link) and fetch_remote is not None:
                follow, target = fetch_remote, link
            if follow is not None:
                try:
                    page = follow(target)
                except InputError as exc:
                    problem = exc
                else:
                    yield _merge(page, entry, origin=entry_origin, link=link, source=source)
                    continue
        try:
            yield build_document(
                _entry_text(entry), fmt="feed", origin=entry_origin, title=entry.get("title"),
                published=_entry_published(entry), url=link if link and is_web_url(link) else None,
                source=source, author=entry.get("author"),
            )
        except InputError as exc:
            cause = problem or exc
            yield Failure(entry_origin, "parse" if isinstance(cause, MalformedInputError) else "read",
                          cause.code, f"feed entry {number} ({entry.get('title') or 'untitled'}): {cause.message}")

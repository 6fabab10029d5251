"""The list of feeds and pages `conflictdesk watch` follows: YAML (or an OPML export from a feed
reader), read into typed `WatchSource`s, every problem reported with its file and line.

    politeness: 2s          # least time between two requests to one host (default 2s)
    every: 15m              # how often each source is polled (default 15m, at least 1m)
    timeout: 20s            # per request (default 20s)
    sources:
      - https://wire.example/conflict.rss        # a bare URL takes the defaults
      - url: https://ministry.example/statements/
        name: Ministry statements
        every: 1h
        follow: false       # keep each entry's own text; do not fetch the page it links to

A top-level list is a `sources` list with the defaults. An OPML file (`.opml`, or XML whose root
is `<opml>`) contributes every `<outline xmlUrl="...">` with the defaults; it may not declare a
DTD or entities.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import FeedListError
from ..yamlfile import YamlDocument, YamlError, parse_yaml

DEFAULT_EVERY = 15 * 60.0
MIN_EVERY = 60.0
DEFAULT_TIMEOUT = 20.0
DEFAULT_POLITENESS = 2.0
MAX_URL_CHARS = 2000     # the store's watch_sources.url
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$", re.IGNORECASE)
_UNITS = {None: 1, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}
_SOURCE_KEYS = {"url", "name", "every", "timeout", "follow"}
_TOP_KEYS = {"sources", "every", "timeout", "politeness"}


@dataclass(frozen=True, slots=True)
class WatchSource:
    """One watched feed or page."""

    url: str
    name: str | None = None
    every: float = DEFAULT_EVERY        # seconds between polls
    timeout: float = DEFAULT_TIMEOUT    # seconds per request
    follow: bool = True                 # fetch the page each new feed entry links to


@dataclass(frozen=True, slots=True)
class FeedList:
    sources: tuple[WatchSource, ...]
    politeness: float = DEFAULT_POLITENESS   # seconds between two requests to one host


def parse_duration(value: Any) -> float:
    """Seconds from 90, 90.5, "90s", "15m", "2h", "1d". Raises ValueError."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a duration")
    if isinstance(value, (int, float)):
        seconds = float(value)
    else:
        match = _DURATION.match(str(value))
        if not match:
            raise ValueError(f"{value!r} is not a duration like 90s, 15m, 2h or 1d")
        seconds = float(match.group(1)) * _UNITS[(match.group(2) or "").lower() or None]
    if seconds < 0:
        raise ValueError(f"{value!r} is negative")
    return seconds


def check_url(url: str) -> str | None:
    """Why `url` cannot be watched, or None. (Addresses are vetted when it is fetched.)"""
    if len(url) > MAX_URL_CHARS:
        return f"a URL of {len(url):,} characters (at most {MAX_URL_CHARS:,} are kept)"
    try:
        parts = urlsplit(url)
        parts.port   # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        return f"{url!r} is not a URL ({exc})"
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return f"{url!r} is not an http(s) URL"
    return None


class _Problems:
    def __init__(self) -> None:
        self.found: list[str] = []

    def add(self, where: object, message: str) -> None:
        self.found.append(f"{where}: {message}")


def _duration(value: Any, where: object, key: str, problems: _Problems, *, least: float = 0.0) -> float | None:
    try:
        seconds = parse_duration(value)
    except ValueError as exc:
        problems.add(where, f"{key}: {exc}")
        return None
    if seconds < least:
        problems.add(where, f"{key}: {value!r} is under the least allowed, {least:g} seconds")
        return None
    return seconds


def _yaml_sources(doc: YamlDocument, problems: _Problems) -> FeedList:
    value = doc.value
    top: dict[str, Any] = {}
    if isinstance(value, list):
        entries, at = value, ()
    elif isinstance(value, dict):
        top = value
        for key in sorted(set(value) - _TOP_KEYS):
            problems.add(doc.where(key), f"unknown key {key!r} (known: {', '.join(sorted(_TOP_KEYS))})")
        entries, at = value.get("sources"), ("sources",)
        if not isinstance(entries, list):
            problems.add(doc.where(), "no `sources:` list")
            entries = []
    else:
        problems.add(doc.where(), "a feed list is a list of sources, or a mapping with a `sources:` list")
        return FeedList(())
    every = _duration(top.get("every", DEFAULT_EVERY), doc.where("every"), "every", problems, least=MIN_EVERY)
    timeout = _duration(top.get("timeout", DEFAULT_TIMEOUT), doc.where("timeout"), "timeout", problems, least=0.1)
    politeness = _duration(top.get("politeness", DEFAULT_POLITENESS), doc.where("politeness"), "politeness",
                           problems)
    sources = []
    for i, entry in enumerate(entries):
        where = doc.where(*at, i)
        if isinstance(entry, str):
            entry = {"url": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
            problems.add(where, "a source is a URL, or a mapping with `url:`")
            continue
        for key in sorted(set(entry) - _SOURCE_KEYS):
            problems.add(doc.where(*at, i, key), f"unknown key {key!r} (known: {', '.join(sorted(_SOURCE_KEYS))})")
        url = entry["url"].strip()
        bad = check_url(url)
        if bad:
            problems.add(doc.where(*at, i, "url"), bad)
        source_every = _duration(entry.get("every", every or DEFAULT_EVERY), doc.where(*at, i, "every"), "every",
                                 problems, least=MIN_EVERY)
        source_timeout = _duration(entry.get("timeout", timeout or DEFAULT_TIMEOUT), doc.where(*at, i, "timeout"),
                                   "timeout", problems, least=0.1)
        follow = entry.get("follow", True)
        if not isinstance(follow, bool):
            problems.add(doc.where(*at, i, "follow"), f"follow: {follow!r} is not true or false")
        name = entry.get("name")
        sources.append(WatchSource(url=url, name=str(name) if name is not None else None,
                                   every=source_every or DEFAULT_EVERY, timeout=source_timeout or DEFAULT_TIMEOUT,
                                   follow=follow is not False))
    return FeedList(tuple(sources), politeness=DEFAULT_POLITENESS if politeness is None else politeness)


def _opml_sources(text: str, origin: str, problems: _Problems) -> FeedList:
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.IGNORECASE):
        problems.add(f"{origin}:1", "an OPML file may not declare a DTD or entities")
        return FeedList(())
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        problems.add(f"{origin}:{exc.position[0]}", f"malformed OPML: {exc}")
        return FeedList(())
    if root.tag != "opml":
        problems.add(f"{origin}:1", f"the root element is <{root.tag}>, not <opml>")
        return FeedList(())
    sources = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if not url:
            continue          # a folder of outlines, or an entry without a feed
        bad = check_url(url)
        if bad:
            problems.add(origin, f"outline {outline.get('text') or outline.get('title') or ''!r}: {bad}")
            continue
        sources.append(WatchSource(url=url, name=outline.get("title") or outline.get("text") or None))
    return FeedList(tuple(sources))


def read_feed_list(path: Path | str) -> FeedList:
    """The sources of a YAML or OPML feed list. Raises FeedListError listing every problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FeedListError(f"cannot read the feed list {path}: {getattr(exc, 'strerror', None) or exc}") from exc
    problems = _Problems()
    is_opml = path.suffix.lower() == ".opml" or re.match(r"\s*(<\?xml[^>]*\?>\s*)?<opml[\s>]", text) is not None
    if is_opml:
        found = _opml_sources(text, str(path), problems)
    else:
        try:
            doc = parse_yaml(text, origin=path)
        except YamlError as exc:
            raise FeedListError(f"the feed list {exc}") from exc
        for problem in doc.problems:
            problems.add(problem.origin, problem.message)
        found = _yaml_sources(doc, problems)
    seen: dict[str, int] = {}
    for n, source in enumerate(found.sources):
        if source.url in seen:
            problems.add(path, f"{source.url} is listed twice")
        seen[source.url] = n
    if problems.found:
        listed = "\n".join(f"  {p}" for p in problems.found)
        raise FeedListError(f"the feed list {path} has {len(problems.found)} problem(s):\n{listed}")
    if not found.sources:
        raise FeedListError(f"the feed list {path} lists no sources")
    return found

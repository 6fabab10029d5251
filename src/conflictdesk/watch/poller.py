"""Polling watched sources: a conditional GET through the SSRF-safe fetcher, the new entries
read, stored and extracted through the same path as `ingest` (`store.ingest_batch`), and the
source's state kept in the store.

    watcher = Watcher(store, read_feed_list("feeds.yaml"), extractor=extract)
    watcher.poll_due()                 # one round: every source that is due (`watch --once`)
    watcher.run(stop=threading.Event(), on_report=print)    # round after round until stopped

Fetching is `ingest.fetch.fetch_url` unless the caller passes another `fetcher` with the same
signature. Tests pass `functools.partial(fetch_url, vet=...)` with a `vet` that accepts their
loopback server and nothing else; the command line always uses the default, which refuses
private and loopback addresses.
"""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

from ..errors import FetchError, InputError
from ..ingest.fetch import FetchedPage, fetch_url
from ..ingest.sources import DEFAULT_MAX_BYTES, ReadOptions, failure_of, read_bytes
from ..records import Document, Failure
from ..store import IngestSummary, Outcome, Store, WatchState, ingest_batch
from ..store.loader import Extractor
from .feedlist import FeedList, WatchSource
from .schedule import LEASE, HostPacer, next_poll

PollStatus = Literal["new", "not_modified", "failed"]
MIN_WAIT, MAX_WAIT = 1.0, 60.0     # seconds a running watcher sleeps between rounds


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass(frozen=True, slots=True)
class PollReport:
    """What one poll of one source did."""

    source: WatchSource
    status: PollStatus                 # new: fetched and read (perhaps nothing new); not_modified: 304
    next_poll: dt.datetime
    entries: int = 0                   # feed entries not seen before (or 1 for a changed page)
    summary: IngestSummary | None = None
    failure: Failure | None = None


def page_version(doc: Document) -> Document:
    """A watched page (not a feed entry) as one version of its URL: its id is the URL's with the
    content hash's start, so a page that changes is stored again (a near-duplicate linked to the
    version before, when it changed little) and one that does not is a duplicate."""
    doc.id = f"{doc.id}-{doc.content_hash[:12]}"
    return doc


class Watcher:
    """Polls the sources of a feed list into a store (see the module docstring)."""

    def __init__(self, store: Store, feeds: FeedList, *, extractor: Extractor | None = None,
                 fetcher: Callable[..., FetchedPage] = fetch_url, max_bytes: int = DEFAULT_MAX_BYTES,
                 batch_size: int = 16, pacer: HostPacer | None = None,
                 on_outcome: Callable[[Outcome], None] | None = None) -> None:
        self.store = store
        self.feeds = feeds
        self.extractor = extractor
        self.fetcher = fetcher
        self.max_bytes = max_bytes
        self.batch_size = batch_size
        self.pacer = pacer or HostPacer(feeds.politeness)
        self.on_outcome = on_outcome
        self._registered = False

    # --- rounds -----------------------------------------------------------------------------------
    def register(self, now: dt.datetime | None = None) -> None:
        """Add the feed list's sources to the store (new ones due at once)."""
        self.store.register_watch_sources([(s.url, s.name) for s in self.feeds.sources], now=now or utc_now())
        self._registered = True

    def poll_due(self, now: dt.datetime | None = None) -> list[PollReport]:
        """Poll every source that is due at `now` and not taken by another watcher."""
        now = now or utc_now()
        if not self._registered:
            self.register(now)
        reports = []
        for source in self.feeds.sources:
            if self.store.claim_watch_source(source.url, now=now, lease_until=now + dt.timedelta(seconds=LEASE)):
                reports.append(self.poll(source, now=now))
        return reports

    def states(self) -> list[WatchState]:
        return self.store.watch_states([s.url for s in self.feeds.sources])

    def seconds_to_next(self, now: dt.datetime | None = None) -> float:
        """How long until the next source is due (between MIN_WAIT and MAX_WAIT seconds)."""
        now = now or utc_now()
        due = [s.next_poll for s in self.states()]
        wait = min(((d - now).total_seconds() for d in due), default=MAX_WAIT)
        return min(max(wait, MIN_WAIT), MAX_WAIT)

    def run(self, *, stop: threading.Event, on_report: Callable[[PollReport], None] = lambda _r: None) -> None:
        """Round after round until `stop` is set (a poll under way is finished first)."""
        while not stop.is_set():
            for report in self.poll_due():
                on_report(report)
                if stop.is_set():
                    return
            stop.wait(self.seconds_to_next())

    # --- one source -------------------------------------------------------------------------------
    def poll(self, source: WatchSource, *, now: dt.datetime) -> PollReport:
        """Poll one source now (the caller has claimed it) and record the outcome."""
        [state] = self.store.watch_states([source.url])
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        try:
            page = self._fetch(source, source.url, max_bytes=self.max_bytes, headers=headers)
        except FetchError as exc:
            return self._failed(source, state, now, failure_of(source.url, exc))
        if page.status == 304:
            return self._succeeded(source, now, page, etag=page.etag or state.etag,
                                   last_modified=page.last_modified or state.last_modified, status="not_modified")
        new_keys: list[str] = []

        def keep(key: str) -> bool:
            if key in new_keys or self.store.seen_watch_items(source.url, [key]):
                return False
            new_keys.append(key)
            return True

        problem: list[Failure] = []
        options = ReadOptions(fetch_urls=source.follow, max_bytes=self.max_bytes, keep_entry=keep,
                              fetcher=lambda url, **kw: self._fetch(source, url, **kw))

        def items() -> Iterator[Document | Failure]:
            try:
                for item in read_bytes(page.body, origin=source.url, name=urlsplit(page.final_url).path,
                                       content_type=page.content_type, url=page.final_url, options=options):
                    yield item if isinstance(item, Failure) or item.format == "feed" else page_version(item)
            except (InputError, OSError, ValueError, RecursionError) as exc:
                problem.append(failure_of(source.url, exc))

        summary = ingest_batch(items(), self.store, extractor=self.extractor, batch_size=self.batch_size,
                               on_outcome=self.on_outcome)
        if new_keys:   # after their documents are stored: a crash in between costs a re-read, not a loss
            self.store.mark_watch_items(source.url, new_keys, now=now)
        if problem:
            return self._failed(source, state, now, problem[0], summary=summary)
        return self._succeeded(source, now, page, etag=page.etag, last_modified=page.last_modified, status="new",
                               entries=len(new_keys) or summary.read, summary=summary)

    def _fetch(self, source: WatchSource, url: str, **kwargs: Any) -> FetchedPage:
        self.pacer.wait(url)
        return self.fetcher(url, timeout=source.timeout, **kwargs)

    def _succeeded(self, source: WatchSource, now: dt.datetime, page: FetchedPage, *, etag: str | None,
                   last_modified: str | None, status: PollStatus, entries: int = 0,
                   summary: IngestSummary | None = None) -> PollReport:
        when = next_poll(now, source.every)
        new = (summary.ingested + summary.near_duplicates) if summary is not None else 0
        self.store.record_watch_success(source.url, now=now, next_poll=when, etag=etag, last_modified=last_modified,
                                        new_documents=new)
        return PollReport(source, status, when, entries=entries, summary=summary)

    def _failed(self, source: WatchSource, state: WatchState, now: dt.datetime, failure: Failure, *,
                summary: IngestSummary | None = None) -> PollReport:
        when = next_poll(now, source.every, failures=state.failures + 1)
        self.store.record_error(failure)
        self.store.record_watch_failure(source.url, now=now, next_poll=when, code=failure.code,
                                        message=failure.message)
        return PollReport(source, "failed", when, summary=summary, failure=failure)

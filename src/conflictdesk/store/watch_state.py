"""What `conflictdesk watch` keeps in the store, so that it survives restarts and several
watchers can share one feed list: per source its validators (ETag, Last-Modified), its health
(last success, last error, consecutive failures) and its next poll; per source the feed entries
already read (by the sha256 of `ingest.feed.entry_key`).

A watcher *claims* a due source with one conditional UPDATE (`next_poll` moved past the lease
where it is still due), so two watchers never poll the same source at once and a watcher that
dies leaves the source to be polled again when its lease runs out. Every write is an
INSERT ... ON CONFLICT or a keyed UPDATE: no read-then-write.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, select, update
from sqlalchemy.orm import Session

from ..errors import NotFoundError
from .schema import WatchItemRow, WatchSourceRow
from .upsert import insert_missing, upsert

_SOURCES = WatchSourceRow.__table__
_ITEMS = WatchItemRow.__table__


@dataclass(frozen=True, slots=True)
class WatchState:
    """A watched source as the store holds it."""

    url: str
    name: str | None
    etag: str | None
    last_modified: str | None
    last_polled: dt.datetime | None
    last_success: dt.datetime | None
    last_error: str | None
    last_error_code: str | None
    last_error_at: dt.datetime | None
    failures: int
    polls: int
    documents: int
    next_poll: dt.datetime

    @property
    def health(self) -> str:
        """new (never polled), ok (the last poll succeeded) or failing."""
        if self.failures:
            return "failing"
        return "ok" if self.last_success is not None else "new"


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes: they were written in UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.timezone.utc)


def _state(row: WatchSourceRow) -> WatchState:
    return WatchState(url=row.url, name=row.name, etag=row.etag, last_modified=row.last_modified,
                      last_polled=_utc(row.last_polled), last_success=_utc(row.last_success),
                      last_error=row.last_error, last_error_code=row.last_error_code,
                      last_error_at=_utc(row.last_error_at), failures=row.failures, polls=row.polls,
                      documents=row.documents, next_poll=_utc(row.next_poll) or row.next_poll)


def item_digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def register(conn: Connection, sources: Sequence[tuple[str, str | None]], *, now: dt.datetime) -> None:
    """Add the (url, name) sources not stored yet, due at once; a stored one keeps its state
    and takes the name given."""
    upsert(conn, _SOURCES, [dict(url=url, name=name, failures=0, polls=0, documents=0, next_poll=now)
                            for url, name in sources], keys=["url"], update=["name"])


def claim(conn: Connection, url: str, *, now: dt.datetime, lease_until: dt.datetime) -> bool:
    """Take the source for one poll when it is due: its next poll moves to `lease_until`.
    False when it is not due or another watcher took it first."""
    result = conn.execute(update(_SOURCES).where(_SOURCES.c.url == url, _SOURCES.c.next_poll <= now)
                          .values(next_poll=lease_until))
    return result.rowcount == 1


def states(conn: Connection, urls: Sequence[str] | None = None) -> list[WatchState]:
    """The stored sources (those of `urls`, in that order, when given), else ordered by URL."""
    query = select(WatchSourceRow).order_by(WatchSourceRow.url)
    if urls is not None:
        query = query.where(WatchSourceRow.url.in_(list(urls)))
    with Session(bind=conn) as session:
        found = {row.url: _state(row) for row in session.scalars(query)}
    if urls is None:
        return list(found.values())
    return [found[url] for url in urls if url in found]


def record_success(conn: Connection, url: str, *, now: dt.datetime, next_poll: dt.datetime, etag: str | None,
                   last_modified: str | None, new_documents: int) -> None:
    conn.execute(update(_SOURCES).where(_SOURCES.c.url == url).values(
        etag=etag, last_modified=last_modified, last_polled=now, last_success=now, failures=0,
        polls=_SOURCES.c.polls + 1, documents=_SOURCES.c.documents + new_documents, next_poll=next_poll))


def record_failure(conn: Connection, url: str, *, now: dt.datetime, next_poll: dt.datetime, code: str,
                   message: str) -> None:
    conn.execute(update(_SOURCES).where(_SOURCES.c.url == url).values(
        last_polled=now, last_error=message, last_error_code=code, last_error_at=now,
        failures=_SOURCES.c.failures + 1, polls=_SOURCES.c.polls + 1, next_poll=next_poll))


def _source_pk(conn: Connection, url: str) -> int | None:
    return conn.execute(select(_SOURCES.c.pk).where(_SOURCES.c.url == url)).scalar()


def seen(conn: Connection, url: str, keys: Sequence[str]) -> set[str]:
    """Which of the entry `keys` were read from the source before."""
    pk = _source_pk(conn, url)
    if pk is None or not keys:
        return set()
    by_digest = {item_digest(k): k for k in keys}
    found = conn.execute(select(_ITEMS.c.item_key).where(_ITEMS.c.source_pk == pk,
                                                         _ITEMS.c.item_key.in_(list(by_digest)))).scalars()
    return {by_digest[d] for d in found}


def mark_seen(conn: Connection, url: str, keys: Sequence[str], *, now: dt.datetime) -> None:
    pk = _source_pk(conn, url)
    if pk is None:
        raise NotFoundError(f"no watched source {url!r}: register it before marking its entries")
    insert_missing(conn, _ITEMS, [dict(source_pk=pk, item_key=item_digest(k), seen_at=now)
                                  for k in dict.fromkeys(keys)], keys=["source_pk", "item_key"])

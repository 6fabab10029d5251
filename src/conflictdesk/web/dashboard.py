"""The dashboard (the home page): for a chosen range (by default the last 90 days of stored
events), every incident counted (reports of one incident once) by country, by type and by week; the latest incidents and
statements; and the top stories of the range's last week from the weekly digest."""
from __future__ import annotations

import datetime as dt
import threading
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..errors import ConflictDeskError
from ..store import EventFilter
from .charts import Range, event_timeline, legend
from .filters import parse_date
from .http import HttpError, Request, Response, Site
from .markup import path
from .names import Names
from .templating import render

if TYPE_CHECKING:
    from ..store import Store

DEFAULT_DAYS = 90
LATEST = 10
DIGEST_STORIES = 5


def default_range(app: Site) -> tuple[dt.date, dt.date] | None:
    """The last DEFAULT_DAYS days up to the latest stored event's date, none in the future
    (a misdated event must not hide the rest)."""
    days = [d.day for d in app.store.event_days() if d.day <= dt.date.today()]
    if not days:
        return None
    last = max(days)
    return last - dt.timedelta(days=DEFAULT_DAYS - 1), last


def _digest_summary(store: "Store", week: str) -> dict[str, Any]:
    from ..brief.digest import build_digest

    try:
        digest = build_digest(store, week=week, top=DIGEST_STORIES)
    except ConflictDeskError as exc:
        return {"week": week, "documents": 0, "stories": [], "problem": str(exc)}
    stories = [{"rank": s.rank, "title": s.title, "summary": s.summary.text, "fatalities": s.fatalities,
                "document_id": s.sources[0].document_id if s.sources else None,
                "sources": len(s.sources)} for s in digest.stories]
    return {"week": week, "documents": digest.documents, "stories": stories, "problem": None}


class DigestCache:
    """Weekly digests built in a background thread (a digest can take many seconds to build),
    kept per store, week and number of stored documents, so the dashboard answers at once and
    shows the digest when it is ready."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ready: dict[tuple[str, str, int], dict[str, Any]] = {}
        self._building: dict[tuple[str, str, int], threading.Thread] = {}

    def get(self, store: "Store", week: str, *, wait: float = 0.0) -> dict[str, Any] | None:
        """The digest's summary, or None while it is being built (waiting up to `wait` seconds)."""
        key = (store.url, week, store.count_documents())
        with self._lock:
            if key in self._ready:
                return self._ready[key]
            thread = self._building.get(key)
            if thread is None:
                thread = threading.Thread(target=self._build, args=(store, week, key), daemon=True,
                                          name=f"digest {week}")
                self._building[key] = thread
                thread.start()
        thread.join(wait)
        with self._lock:
            return self._ready.get(key)

    def _build(self, store: "Store", week: str, key: tuple[str, str, int]) -> None:
        try:
            summary = _digest_summary(store, week)
        except Exception as exc:  # noqa: BLE001 - a failed digest is shown as such; the dashboard stays up
            summary = {"week": week, "documents": 0, "stories": [], "problem": f"the digest failed: {exc}"}
        with self._lock:
            self._ready[key] = summary
            self._building.pop(key, None)


DIGESTS = DigestCache()
DIGEST_WAIT = 0.5    # seconds a dashboard request waits for a digest being built


def dashboard(app: Site, request: Request) -> Response:
    """Counts by country, type and week for the chosen range; the latest incidents and
    statements; the week's digest."""
    since, until = parse_date(request, "since"), parse_date(request, "until")
    if since and until and until < since:
        raise HttpError(400, "'until' is before 'since'", [f"since: {since}", f"until: {until}"])
    if since is None and until is None:
        default = default_range(app)
        since, until = default if default else (None, None)
    flt = EventFilter(since=since, until=until)
    total = app.store.count_incidents(flt)
    reports = app.store.count_events(flt)
    by_country = app.store.event_counts("country", flt)
    by_type = app.store.event_counts("event_type", flt)
    days = app.store.event_days(flt)
    chart = None
    if days:
        first, last = since or min(d.day for d in days), until or max(d.day for d in days)
        chart = Markup(event_timeline(days, Range(first, last), link=lambda a, b: path(
            "events", since=a.isoformat(), until=b.isoformat())))
    latest = app.store.list_events(flt.replace(status="reported"), limit=LATEST)
    statements = app.store.list_statements(since=since, until=until, limit=LATEST)
    issuers = Names.for_ids(app, [s.statement.actor for s in statements if s.statement.actor])
    names = Names.of(app, latest)
    names.directory.update(issuers.directory)
    from ..brief.digest import week_of

    week = week_of(until) if until else None
    digest = DIGESTS.get(app.store, week, wait=DIGEST_WAIT) if week else None
    span = {"since": since.isoformat() if since else None, "until": until.isoformat() if until else None}
    response = Response.html(render(
        "dashboard.html", title="Dashboard", active="/", since=since, until=until, total=total, reports=reports,
        by_country=by_country[:15], by_type=by_type, chart=chart, legend=Markup(legend()), latest=latest,
        statements=statements, names=names, week=week, digest=digest, span=span,
        peak_country=max((n for _, n in by_country), default=1), peak_type=max((n for _, n in by_type), default=1)))
    response.cacheable = not (week and digest is None)   # the digest is still being built: ask again later
    return response

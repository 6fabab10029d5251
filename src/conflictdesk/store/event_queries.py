"""Filters and aggregates over stored events, as SQLAlchemy statements (portable SQL only).

    flt = EventFilter(country="Syria", since=dt.date(2016, 1, 1), fatal=True)
    query = narrowed(select(func.count()).select_from(EVENTS_WITH_DOCUMENTS), flt, actor_ids=[...])

The store (`database.py`) runs these; the web pages, the API and the CLI share the one
`EventFilter`, so a filter means the same everywhere. Aggregates (by place, by day and type, by a
column, by actor, by pair of opposing actors) let the map, the timeline and the dashboard show
every matching event however many there are: the database counts, the pages only draw.
Aggregates count incidents, not reports: events of several documents that tell one incident
(`events.incident`, store/incidents.py) count once, with the incident's toll (the lowest positive
figure reported); an incident whose reports place it on different days or points counts at each.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Literal

from sqlalchemy import Select, and_, case, func, or_, select

from ..errors import InputError
from .schema import DocumentRow, EventActorRow, EventRow

Area = tuple[float, float, float, float]        # west, south, east, north (degrees)
EventColumn = Literal["country", "event_type", "sub_event_type", "location", "status", "salience"]

# the date an event is placed at: its own date, else the first day of the month it is told in ("in
# April": no day of its own), else its document's publication date
WHEN = func.coalesce(EventRow.event_date, EventRow.event_month, DocumentRow.published)
# the incident an event tells (incidents.py): the pk of the incident's first event
INCIDENT = func.coalesce(EventRow.incident, EventRow.pk)
# an incident's toll from its reports: the lowest positive figure, else 0 if one says none
TOLL = func.coalesce(func.min(case((EventRow.fatalities > 0, EventRow.fatalities))), func.max(EventRow.fatalities))
# the review states of events an analyst vouched for (store/review.py REVIEW_STATE)
REVIEWED = ("accepted", "corrected")
EVENTS_WITH_DOCUMENTS = EventRow.__table__.join(DocumentRow.__table__,
                                                DocumentRow.__table__.c.id == EventRow.__table__.c.document_id)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which stored events a list, count or aggregate covers. `actor` is an actor id or stored
    name, or a list of actor ids (any role); `event_type` matches a type or a sub-event type;
    dates apply to the event's date, else its document's publication date; `area` keeps events
    located inside it; events an analyst rejected are left out unless `include_rejected`.

    `min_confidence` (0..1) keeps the events whose coder's confidence (the probability that the
    event is right: `extract/events/confidence.py` for rules.v1) is at least that, and every event
    an analyst accepted or corrected whatever its confidence: review (store/review.py) leaves the
    machine's confidence in the row, but an analyst has vouched for the event, so a low score says
    nothing about it any more. An unreviewed event with no confidence (a coder that gives none) is
    left out: nothing says it reaches the bar, and it is left out the same way on every dialect and
    in every list, count and aggregate (SQL's NULL >= p is not true)."""

    actor: str | tuple[str, ...] | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    country: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    status: str | None = None
    salience: str | None = None
    fatal: bool = False
    area: Area | None = None
    include_duplicates: bool = False
    include_rejected: bool = False
    unreviewed: bool = False
    documents: tuple[str, ...] | None = None
    min_confidence: float | None = None

    def __post_init__(self) -> None:
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:   # NaN fails too
            raise InputError(f"min_confidence: {self.min_confidence!r} is not a probability between 0 and 1")

    @classmethod
    def of(cls, **values: Any) -> "EventFilter":
        """A filter from keyword arguments (lists become tuples; None leaves the default)."""
        clean = {k: tuple(v) if isinstance(v, (list, set)) else v for k, v in values.items() if v is not None}
        return cls(**clean)

    def replace(self, **values: Any) -> "EventFilter":
        current = {f.name: getattr(self, f.name) for f in fields(self)}
        return EventFilter(**{**current, **values})


FILTER_FIELDS = tuple(f.name for f in fields(EventFilter))


def narrowed(query: Select[Any], flt: EventFilter, *, actor_ids: Sequence[str] | None) -> Select[Any]:
    """`query` (over events joined to their documents) narrowed by `flt`; `actor_ids` are the
    ids `flt.actor` stands for (resolved by the store)."""
    if actor_ids is not None:
        query = query.where(EventRow.pk.in_(select(EventActorRow.event_pk)
                                            .where(EventActorRow.actor_id.in_(list(actor_ids)))))
    if flt.event_type is not None:
        query = query.where(or_(func.lower(EventRow.event_type) == flt.event_type.lower(),
                                func.lower(EventRow.sub_event_type) == flt.event_type.lower()))
    if flt.sub_event_type is not None:
        query = query.where(func.lower(EventRow.sub_event_type) == flt.sub_event_type.lower())
    if flt.country is not None:
        query = query.where(func.lower(EventRow.country) == flt.country.lower())
    if flt.since is not None:
        query = query.where(WHEN >= flt.since)
    if flt.until is not None:
        query = query.where(WHEN <= flt.until)
    if flt.status is not None:
        query = query.where(EventRow.status == flt.status)
    if flt.salience is not None:
        query = query.where(EventRow.salience == flt.salience)
    if flt.fatal:
        query = query.where(EventRow.fatalities > 0)
    if flt.area is not None:
        west, south, east, north = flt.area
        query = query.where(and_(EventRow.longitude >= west, EventRow.longitude <= east,
                                 EventRow.latitude >= south, EventRow.latitude <= north))
    if flt.documents is not None:
        query = query.where(EventRow.document_id.in_(list(flt.documents)))
    if flt.min_confidence is not None:
        # reviewed events are kept: an analyst's accept or correction outweighs the machine's score
        query = query.where(or_(EventRow.confidence >= flt.min_confidence,
                                EventRow.review.in_(REVIEWED)))
    if not flt.include_duplicates:
        query = query.where(DocumentRow.duplicate_of.is_(None))
    if not flt.include_rejected:
        query = query.where(or_(EventRow.review.is_(None), EventRow.review != "rejected"))
    if flt.unreviewed:
        query = query.where(EventRow.review.is_(None))
    return query


# --- aggregates ---------------------------------------------------------------------------------
@dataclass(slots=True)
class PlaceCount:
    """The matching events located at one point: how many of each type, their fatalities."""

    longitude: float
    latitude: float
    location: str | None
    country: str | None
    by_type: Counter[str] = field(default_factory=Counter)
    fatalities: int = 0
    count: int = 0           # events at the point (the sum of by_type)


@dataclass(frozen=True, slots=True)
class DayCount:
    """How many matching events of one type are placed on one day."""

    day: dt.date
    event_type: str
    count: int
    fatalities: int


def _per_incident(*keys: Any) -> Any:
    """Matching events grouped by `keys` and incident (narrow it, then aggregate over it with
    `incident_totals`): one row per incident and key, with the incident's toll."""
    return (select(*keys, INCIDENT.label("incident"), TOLL.label("toll"))
            .select_from(EVENTS_WITH_DOCUMENTS).group_by(*keys, INCIDENT))


def incident_totals(inner: Select[Any], *keys: str, extra: Sequence[Any] = ()) -> Select[Any]:
    """Incidents counted and tolls summed by `keys` over a narrowed `_per_incident` query."""
    sub = inner.subquery()
    columns = [sub.c[k] for k in keys]
    return select(*columns, func.count(), func.sum(sub.c.toll), *[f(sub) for f in extra]).group_by(*columns)


def places_query() -> Select[Any]:
    return (_per_incident(EventRow.longitude.label("longitude"), EventRow.latitude.label("latitude"),
                          EventRow.event_type.label("event_type"))
            .add_columns(func.max(EventRow.location).label("location"), func.max(EventRow.country).label("country"))
            .where(EventRow.longitude.is_not(None), EventRow.latitude.is_not(None)))


def places_totals(inner: Select[Any]) -> Select[Any]:
    return incident_totals(inner, "longitude", "latitude", "event_type",
                           extra=(lambda sub: func.max(sub.c.location), lambda sub: func.max(sub.c.country)))


def places_of(rows: Sequence[Any]) -> list[PlaceCount]:
    out: dict[tuple[float, float], PlaceCount] = {}
    for lon, lat, event_type, n, deaths, location, country in rows:
        place = out.setdefault((lon, lat), PlaceCount(lon, lat, location, country))
        place.by_type[event_type] += int(n)
        place.count += int(n)
        place.fatalities += int(deaths or 0)
    return sorted(out.values(), key=lambda p: (-p.count, p.longitude, p.latitude))


def days_query() -> Select[Any]:
    return _per_incident(WHEN.label("day"), EventRow.event_type.label("event_type")).where(WHEN.is_not(None))


def days_totals(inner: Select[Any]) -> Select[Any]:
    return incident_totals(inner, "day", "event_type").order_by("day")


def days_of(rows: Sequence[Any]) -> list[DayCount]:
    out = []
    for day, event_type, n, deaths in rows:
        if isinstance(day, str):   # SQLite hands back coalesce() of dates as text
            day = dt.date.fromisoformat(day)
        out.append(DayCount(day, event_type, int(n), int(deaths or 0)))
    return out


def column_query(column: EventColumn) -> Select[Any]:
    col = getattr(EventRow, column)
    incidents = func.count(func.distinct(INCIDENT))
    return (select(col, incidents).select_from(EVENTS_WITH_DOCUMENTS).where(col.is_not(None))
            .group_by(col).order_by(incidents.desc(), col))


def incidents_query() -> Select[Any]:
    return select(func.count(func.distinct(INCIDENT))).select_from(EVENTS_WITH_DOCUMENTS)


def actors_query() -> Select[Any]:
    incidents = func.count(func.distinct(INCIDENT))
    return (select(EventActorRow.actor_id, incidents)
            .select_from(EventActorRow.__table__.join(EVENTS_WITH_DOCUMENTS,
                                                      EventRow.__table__.c.pk == EventActorRow.__table__.c.event_pk))
            .group_by(EventActorRow.actor_id).order_by(incidents.desc(), EventActorRow.actor_id))


def pairs_query() -> Select[Any]:
    """Who fought whom: per incident with both sides (narrow it, then `pairs_totals`)."""
    return (_per_incident(EventRow.actor1.label("actor1"), EventRow.actor2.label("actor2"))
            .where(EventRow.actor1.is_not(None), EventRow.actor2.is_not(None), EventRow.actor1 != EventRow.actor2))


def pairs_totals(inner: Select[Any]) -> Select[Any]:
    """(actor1, actor2, incidents, fatalities)."""
    return incident_totals(inner, "actor1", "actor2")

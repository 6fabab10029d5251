"""One incident, many reports: events of different documents that tell the same occurrence.

Each stored event carries the incident it belongs to (`events.incident`, the pk of the event
that first told it; NULL: the event's own). When a document's extraction is stored, each of
its events joins the incident of events already stored from other documents that tell the
same occurrence (`same_incident`), else starts one. Counts, the map, the timeline and the
exports then count incidents, not mentions, and an exported incident lists every report.

    incident = choose_incident(mention, stored_mentions)   # an incident id, or None: a new one
    rows = collapse(store.list_events())                   # one StoredEvent per incident

The test (after the issue's rule: type, date, place within ~25 km, compatible actors), for events
of two different documents:
- the same event type and country, and both took place (reported, claimed or attempted); two types of
  political violence only when both are dated to the same day, at a town, with the same positive toll
  (one incident two reports' wordings coded apart: "bombings and shootings" and "attacks" killing 130);
- dated to the same day; an event a report tells without a day (dated by the report, to the
  week) a day or two before that report; one dated only to the month, in that month (ACLED
  codes one event per day: two days of fighting at one place are two events, so two exact days
  never link); two undated events only when both tell the same sub-event type and the same
  positive toll (an incident recalled in the same words);
- placed within 25 km, or at the same named place; a country-level place links only with the
  same sub-event type, the same positive toll and the same named attacker;
- no aggregate ("more than 40 bombings this month") links: it tells many incidents;
- actors that do not contradict each other: the same actor, or one side unknown or unidentified.
An incident takes at most one event of each document (a report's extraction has already
merged what it tells twice), and a new event must fit every stored event of the incident, so a
chain of near matches never joins two different occurrences.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_

from ..knowledge.gazetteer import distance_km
from ..records import Event, StoredEvent
from ..taxonomy import UNIDENTIFIED_ID_PREFIXES

OCCURRED = frozenset({"reported", "claimed", "attempted"})
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
NEAR_KM = 25.0
DAYS_BEFORE = 2         # days before its report an event told without a day may have taken place
CANDIDATES = 500        # how many stored events are read as candidates at most


@dataclass(frozen=True, slots=True)
class Mention:
    """What the incident test reads of a stored event."""

    pk: int
    incident: int                 # the incident's id (the pk of its first event)
    document_id: str
    event_type: str
    sub_event_type: str
    status: str
    country: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    event_date: dt.date | None
    time_precision: int | None
    actor1: str | None
    actor2: str | None
    fatalities: int | None
    count_value: int | None       # an aggregate's number of incidents
    event_month: dt.date | None = None     # a month-only event's month (its first day); event_date is None

    @property
    def placed_on(self) -> dt.date | None:
        """The day of the event, else the first day of the month it is told in ("in April": no day of its
        own), as `Event.placed_on` places an event."""
        return self.event_date or self.event_month


def _close_in_time(a: Mention, b: Mention) -> bool:
    a_day, b_day = a.placed_on, b.placed_on
    if a_day is None or b_day is None:
        return False
    if 3 in (a.time_precision, b.time_precision) or a.event_month or b.event_month:
        return (a_day.year, a_day.month) == (b_day.year, b_day.month)
    if a.time_precision == 2 or b.time_precision == 2:
        # told without a day: dated by its report, to the week; the other a day or two before it
        week, other = (a_day, b_day) if a.time_precision == 2 else (b_day, a_day)
        return -1 <= (week - other).days <= DAYS_BEFORE
    return a_day == b_day


def _country_level(m: Mention) -> bool:
    return not m.location or m.location.casefold() == (m.country or "").casefold()


def _same_toll(a: Mention, b: Mention) -> bool:
    return a.sub_event_type == b.sub_event_type and bool(a.fatalities) and a.fatalities == b.fatalities


def _close_in_place(a: Mention, b: Mention) -> bool:
    if _country_level(a) or _country_level(b):
        return _same_toll(a, b) and a.actor1 == b.actor1 and not _unknown(a.actor1)
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= NEAR_KM  # type: ignore[arg-type]
    return (a.location or "").casefold() == (b.location or "").casefold()


def _unknown(actor: str | None) -> bool:
    """No one the text identifies: none, an unidentified armed group, or one person acting alone."""
    return actor is None or actor.startswith(UNIDENTIFIED_ID_PREFIXES)


def _compatible(a: str | None, b: str | None) -> bool:
    return a == b or _unknown(a) or _unknown(b)


def _one_toll_told_twice(a: Mention, b: Mention) -> bool:
    """Two kinds of political violence on the same day, at the same town, with the same toll: one incident
    that two reports' wordings coded apart ("the Nov. 13 bombings and shootings in Paris, killing 130" and
    "the Nov. 13 attacks in Paris that killed 130")."""
    return a.event_type in VIOLENT_TYPES and b.event_type in VIOLENT_TYPES and bool(a.fatalities) \
        and a.fatalities == b.fatalities and a.time_precision == 1 and b.time_precision == 1 \
        and a.event_date is not None and a.event_date == b.event_date \
        and not _country_level(a) and not _country_level(b)


def same_incident(a: Mention, b: Mention) -> bool:
    """Do two events of different documents tell the same occurrence (see the module's rule)?"""
    if a.document_id == b.document_id or (a.event_type != b.event_type and not _one_toll_told_twice(a, b)):
        return False
    if not a.country or a.country != b.country or a.status not in OCCURRED or b.status not in OCCURRED:
        return False
    if (a.count_value or 1) > 1 or (b.count_value or 1) > 1:
        return False
    if a.placed_on is None and b.placed_on is None:
        timely = _same_toll(a, b)
    else:
        timely = _close_in_time(a, b)
    return (timely and _close_in_place(a, b) and _compatible(a.actor1, b.actor1)
            and _compatible(a.actor2, b.actor2))


def when_near(date: Any, precision: Any, new: Mention, month: Any = None) -> Any:
    """The SQL condition on stored events' `date`, `precision` and `month` columns that keeps those
    dated close enough to `new` (dated to a day or a month) to be candidates: a few days around it,
    or its month when one of them is dated only to the month (a month-only event has its month's
    first day in `month` and no date; one stored before that column has it in `date`)."""
    day = new.placed_on
    assert day is not None
    first = day.replace(day=1)
    same_month = [] if month is None else [month == first]
    if new.time_precision == 3 or new.event_month is not None:
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return or_(date.between(first, last), *same_month)
    return or_(date.between(day - dt.timedelta(days=DAYS_BEFORE + 1), day + dt.timedelta(days=DAYS_BEFORE + 1)),
               and_(date == first, precision == 3), *same_month)


def choose_incident(new: Mention, stored: Iterable[Mention]) -> int | None:
    """The incident `new` belongs to among stored events (of other documents): one that every
    stored event of it fits and none of them is of `new`'s document; of several, the one with the
    same sub-event type and toll, then the nearest in time and place. None: `new` tells an incident
    of its own."""
    by_incident: dict[int, list[Mention]] = {}
    for m in stored:
        by_incident.setdefault(m.incident, []).append(m)
    fitting = [(incident, members) for incident, members in by_incident.items()
               if all(m.document_id != new.document_id and same_incident(new, m) for m in members)]
    if not fitting:
        return None

    def apart(item: tuple[int, list[Mention]]) -> tuple[int, int, float, int]:
        nearest = min(item[1], key=lambda m: _distance(new, m))
        return (nearest.sub_event_type != new.sub_event_type, nearest.fatalities != new.fatalities,
                _distance(new, nearest), item[0])
    return min(fitting, key=apart)[0]


def _distance(a: Mention, b: Mention) -> float:
    """Days apart plus kilometres apart / 25 (how near two fitting events are, for choosing)."""
    a_day, b_day = a.placed_on, b.placed_on
    days = abs((a_day - b_day).days) if a_day and b_day else 0
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return float(days)
    return days + distance_km(a.latitude, a.longitude, b.latitude, b.longitude) / NEAR_KM  # type: ignore[arg-type]


# --- one row per incident -------------------------------------------------------------------
def incident_fatalities(events: Sequence[StoredEvent]) -> int | None:
    """The incident's toll from its reports: the lowest positive figure (ACLED takes the most
    conservative of differing reports); 0 only when every report that gives one says none."""
    tolls = [s.event.fatalities for s in events if s.event.fatalities is not None]
    positive = [n for n in tolls if n > 0]
    return min(positive) if positive else (0 if tolls else None)


def _lead_rank(s: StoredEvent) -> tuple[object, ...]:
    ev = s.event
    return (ev.salience != "main", ev.status != "reported", ev.time_precision or 1, ev.location is None,
            _unknown(ev.actor1) + _unknown(ev.actor2), s.published or dt.date.max, s.document_id, ev.id)


def collapse(events: Sequence[StoredEvent]) -> list[StoredEvent]:
    """One StoredEvent per incident, in the order of each incident's first event in `events`:
    its lead report (the news rather than background, reported, the most precise date and place,
    the most actors named, the earliest published), with the incident's toll and the other
    reports in `reports`. Events without an incident are their own."""
    groups: dict[object, list[StoredEvent]] = {}
    for s in events:
        key = s.incident if s.incident is not None else ("own", s.document_id, s.event.id)
        groups.setdefault(key, []).append(s)
    out = []
    for members in groups.values():
        if len(members) == 1:
            out.append(members[0])
            continue
        ranked = sorted(members, key=_lead_rank)
        lead = ranked[0]
        toll = incident_fatalities(members)
        event = dataclasses.replace(lead.event, fatalities=toll, notes=_noted(lead.event, toll, members))
        out.append(dataclasses.replace(lead, event=event, reports=tuple(ranked[1:])))
    return out


def _noted(lead: Event, toll: int | None, members: Sequence[StoredEvent]) -> str:
    """The lead's note with the incident's toll, and the range of tolls when reports differ."""
    notes = lead.notes
    if lead.fatalities and toll and toll != lead.fatalities:
        notes = notes.replace(f", killing {lead.fatalities}", f", killing {toll}")
    tolls = sorted({s.event.fatalities for s in members if s.event.fatalities})
    if len(tolls) > 1:
        notes += f" Reports give {tolls[0]} to {tolls[-1]} fatalities."
    return notes

"""The event filters shared by the events page, the dashboard, the events API and the STIX API:
the same names and meanings as `conflictdesk events`, read with the same `lookup` (an actor by any
spelling the knowledge base knows, a country as stored, an ACLED type), so that a bad value is an
error with suggestions ([E120]) rather than an empty result.

    actor type subtype country since until status salience fatal area min_confidence
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from .. import lookup
from ..errors import UnknownValueError
from ..records import EVENT_STATUSES
from ..store import EventFilter
from .http import HttpError, Request

if TYPE_CHECKING:
    from .http import Site

T = TypeVar("T")
FILTER_NAMES = ("actor", "type", "subtype", "country", "since", "until", "status", "salience", "fatal", "area",
                "min_confidence")
SALIENCES = ("main", "background")


def parse_date(request: Request, name: str) -> dt.date | None:
    value = request.arg(name)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HttpError(400, f"parameter {name!r} must be a date in the form YYYY-MM-DD",
                        [f"{name}: {value!r}"]) from None


def parse_box(request: Request, name: str) -> tuple[float, float, float, float] | None:
    """`west,south,east,north` in degrees (a map view or an area), checked."""
    value = request.arg(name)
    if value is None:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise HttpError(400, f"parameter {name!r} must be four numbers: west,south,east,north",
                        [f"{name}: {value!r}"]) from None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise HttpError(400, f"parameter {name!r} is not an area: west < east within ±180, south < north within ±90",
                        [f"{name}: {value!r}"])
    return west, south, east, north


def parse_probability(request: Request, name: str) -> float | None:
    """A number from 0 to 1 (`min_confidence`: 0.7 keeps events the model gives 70% or more)."""
    value = request.arg(name)
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        raise HttpError(400, f"parameter {name!r} must be a number from 0 to 1", [f"{name}: {value!r}"]) from None
    if not 0 <= number <= 1:     # NaN fails too
        raise HttpError(400, f"parameter {name!r} must be a probability from 0 to 1 (0.7 = 70%)",
                        [f"{name}: {value!r}"])
    return number


def box_text(box: tuple[float, float, float, float]) -> str:
    return ",".join(f"{v:.4f}".rstrip("0").rstrip(".") for v in box)


class BadFilterValue(HttpError):
    """A filter value that names nothing known: a 400 whose details give the closest known values
    (pages offer them as links)."""

    def __init__(self, name: str, value: str, exc: UnknownValueError) -> None:
        super().__init__(400, str(exc), [f"{name}: {value!r}", *(f"did you mean: {s}" for s in exc.suggestions)])
        self.name, self.value, self.suggestions = name, value, list(exc.suggestions)


def _known(name: str, value: str | None, find: Callable[[str], T]) -> T | None:
    if value is None:
        return None
    try:
        return find(value)
    except UnknownValueError as exc:
        raise BadFilterValue(name, value, exc) from None


def _choice(request: Request, name: str, allowed: tuple[str, ...], what: str) -> str | None:
    value = request.arg(name)
    if value is not None and value not in allowed:
        raise HttpError(400, f"parameter {name!r} is not {what}",
                        [f"{name}: {value!r}", f"expected one of: {', '.join(allowed)}"])
    return value


def event_filter(app: "Site", request: Request) -> EventFilter:
    """The `EventFilter` the query string asks for: 400 on a malformed value, and an
    `UnknownValueError` ([E120], a 400 with the closest known values) for an actor, country or
    type that names nothing known."""
    status = _choice(request, "status", EVENT_STATUSES, "an event status")
    salience = _choice(request, "salience", SALIENCES, "a salience")
    fatal = _choice(request, "fatal", ("0", "1", "on", "true", "false"), "a yes/no value")
    since, until = parse_date(request, "since"), parse_date(request, "until")
    if since and until and until < since:
        raise HttpError(400, "'until' is before 'since'", [f"since: {since}", f"until: {until}"])
    actors = _known("actor", request.arg("actor"), lambda v: tuple(lookup.actor_ids(app.kb, app.store, v)))
    return EventFilter(
        actor=actors, event_type=_known("type", request.arg("type"), lookup.event_type_name),
        sub_event_type=_known("subtype", request.arg("subtype"), lookup.event_type_name),
        country=_known("country", request.arg("country"), lambda v: lookup.country_name(app.store, v)),
        since=since, until=until, status=status, salience=salience, fatal=fatal in ("1", "on", "true"),
        area=parse_box(request, "area"), min_confidence=parse_probability(request, "min_confidence"))


def filter_query(request: Request) -> dict[str, str]:
    """The filters given in the request, as query-string values (to build links)."""
    return {name: value for name in FILTER_NAMES if (value := request.arg(name)) is not None}

"""The event filters shared by the events page, the events API and the STIX API: the same
names and meanings as `conflictdesk events` (actor, type, country, since, until, status)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from ..records import EVENT_STATUSES
from .http import HttpError, Request

FILTER_NAMES = ("actor", "type", "country", "since", "until", "status")


def _date(request: Request, name: str) -> dt.date | None:
    value = request.arg(name)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HttpError(400, f"parameter {name!r} must be a date in the form YYYY-MM-DD",
                        [f"{name}: {value!r}"]) from None


def event_filters(request: Request) -> dict[str, Any]:
    """Keyword arguments for `Store.list_events` from the query string (400 on a bad value)."""
    status = request.arg("status")
    if status is not None and status not in EVENT_STATUSES:
        raise HttpError(400, "parameter 'status' is not an event status",
                        [f"status: {status!r}", f"expected one of: {', '.join(EVENT_STATUSES)}"])
    since, until = _date(request, "since"), _date(request, "until")
    if since and until and until < since:
        raise HttpError(400, "'until' is before 'since'", [f"since: {since}", f"until: {until}"])
    return {"actor": request.arg("actor"), "event_type": request.arg("type"), "country": request.arg("country"),
            "since": since, "until": until, "status": status}


def filter_query(request: Request) -> dict[str, str]:
    """The filters given in the request, as query-string values (to build links)."""
    return {name: value for name in FILTER_NAMES if (value := request.arg(name)) is not None}

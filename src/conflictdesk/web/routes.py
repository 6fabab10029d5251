"""The URL table: `Route(method, pattern, handler, params)`. Patterns are anchored regular
expressions; named groups become the handler's keyword arguments (already percent-decoded by the
server). An API route lists the query parameters it accepts: any other name is a 400. The `/api`
index is generated from this table (each endpoint's path, parameters and its handler's first
docstring line)."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import actorsview, api, dashboard, eventsview, pages, reviewview
from .filters import FILTER_NAMES
from .http import HttpError, Request, Response, Site

EVENT_PARAMS = (*FILTER_NAMES, "limit", "offset")


@dataclass(frozen=True, slots=True)
class Route:
    method: str
    pattern: str
    handler: Callable[..., Response]
    params: tuple[str, ...] | None = None     # accepted query parameters (None: any, for pages)
    cacheable: bool = True                    # the same answer for everyone (no session read): cached

    def __post_init__(self) -> None:
        if self.method != "GET" or self.pattern.startswith(("/review", "/login")):
            object.__setattr__(self, "cacheable", False)

    @property
    def is_api(self) -> bool:
        return self.pattern.startswith("/api")

    @property
    def display_path(self) -> str:
        """The pattern as a path: `/api/documents/{document_id}`."""
        text = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", self.pattern)
        return text.replace("\\", "").removesuffix("/?")

    @property
    def summary(self) -> str:
        return (self.handler.__doc__ or "").strip().split("\n")[0]


def api_index(app: Site, request: Request) -> Response:
    """This list of endpoints."""
    return Response.api(endpoints=[{"method": r.method, "path": r.display_path, "parameters": list(r.params or ()),
                                    "description": r.summary} for r in ROUTES if r.is_api])


ROUTES: list[Route] = [
    Route("GET", r"/", dashboard.dashboard),
    Route("GET", r"/documents", pages.documents),
    Route("GET", r"/documents/(?P<document_id>.+)", pages.document),
    Route("GET", r"/events", eventsview.events),
    Route("GET", r"/events/map", eventsview.events_map),
    Route("GET", r"/actors", actorsview.actors),
    Route("GET", r"/actors/(?P<actor_id>[^/]+)", actorsview.actor),
    Route("GET", r"/network", actorsview.network),
    Route("GET", r"/errors", pages.errors),
    Route("GET", r"/review", reviewview.queue),
    Route("GET", r"/review/events/(?P<document_id>.+)/(?P<event_id>[^/]+)", reviewview.event_form),
    Route("POST", r"/review/events/(?P<document_id>.+)/(?P<event_id>[^/]+)", reviewview.event_post),
    Route("GET", r"/review/points/(?P<document_id>.+)/(?P<statement_id>[^/]+)/(?P<number>\d+)", reviewview.point_form),
    Route("POST", r"/review/points/(?P<document_id>.+)/(?P<statement_id>[^/]+)/(?P<number>\d+)", reviewview.point_post),
    Route("GET", r"/login", reviewview.login_form),
    Route("POST", r"/login", reviewview.login_post),
    Route("POST", r"/logout", reviewview.logout_post),
    Route("GET", r"/briefs/(?P<document_id>.+)", pages.brief),
    Route("GET", r"/digest", pages.digest),
    Route("GET", r"/static/(?P<name>style\.css|map\.js)", pages.static),
    Route("GET", r"/api/?", api_index, ()),
    Route("GET", r"/api/documents", api.documents, ("q", "limit", "offset")),
    Route("GET", r"/api/documents/(?P<document_id>.+)", api.document, ()),
    Route("GET", r"/api/events", api.events, (*EVENT_PARAMS, "format", "mentions")),
    Route("GET", r"/api/events\.stix", api.events_stix, EVENT_PARAMS),
    Route("GET", r"/api/events/summary", api.events_summary, FILTER_NAMES),
    Route("GET", r"/api/actors", actorsview.actors_api, ("q", "type", "limit", "offset")),
    Route("GET", r"/api/actors/(?P<actor_id>[^/]+)", api.actor, ()),
    Route("GET", r"/api/network", actorsview.network_api, ("since", "until", "actor", "min", "limit")),
    Route("GET", r"/api/errors", api.errors, ("limit", "stage")),
    Route("GET", r"/api/corrections", reviewview.corrections_api, ("document", "since", "limit", "format")),
    Route("POST", r"/api/events/(?P<document_id>.+)/(?P<event_id>[^/]+)/review", reviewview.event_api, ()),
    Route("POST", r"/api/points/(?P<document_id>.+)/(?P<statement_id>[^/]+)/(?P<number>\d+)/review",
          reviewview.point_api, ()),
    Route("GET", r"/api/briefs/(?P<document_id>.+)", api.brief, ()),
    Route("GET", r"/api/digest", api.digest, ("week", "top")),
]


def check_params(route: Route, request: Request) -> None:
    """A 400 for a query parameter the route does not accept."""
    if route.params is None:
        return
    unknown = sorted(set(request.query_names) - set(route.params))
    if unknown:
        raise HttpError(400, f"unknown parameter(s): {', '.join(unknown)}",
                        [f"{name}: not accepted here" for name in unknown]
                        + [f"accepted: {', '.join(route.params) or 'none'}"])


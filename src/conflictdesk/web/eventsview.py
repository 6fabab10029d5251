"""The events page over all the data: filters as drop-downs fed from the store, a map of every
matching event (clustered per view; zoom and pan as links, wheel and drag with `static/map.js`),
a timeline whose bars are links, and a paged table. The map and the timeline are drawn from
counts the database makes (`Store.event_places`, `Store.event_days`), so they show every
matching event however many there are; only the table is paged."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from markupsafe import Markup

from ..records import EVENT_STATUSES
from ..store import EventFilter
from ..store.memo import Memo
from .charts import event_timeline, fit_range, legend
from .filters import SALIENCES, BadFilterValue, box_text, event_filter, filter_query, parse_box
from .http import Request, Response, Site
from .mapview import WORLD, around, event_map, fit_view, outside, panned, projection, zoomed
from .markup import path
from .names import Names
from .templating import render

T = TypeVar("T")
PAGE_EVENTS = 50       # rows of the events table on one page
MAX_OFFSET = 10_000_000
ACTOR_OPTIONS = 400    # actors in the drop-down (most events first)


@dataclass(frozen=True, slots=True)
class Page:
    """Where a page of events stands in the whole list, with links to its neighbours."""

    total: int
    offset: int
    shown: int
    previous: str | None
    next: str | None

    @property
    def first(self) -> int:
        return self.offset + 1 if self.shown else 0

    @property
    def last(self) -> int:
        return self.offset + self.shown


_FRAGMENTS = Memo(size=128)   # map and timeline blocks and drop-down choices, per store data version


def memo(app: Site, key: tuple[Any, ...], make: Callable[[], T]) -> T:
    """`make()`, kept while the store's data stays the same (see store/memo.py)."""
    full = (id(app.store), app.store.data_version(), *key)
    found, value = _FRAGMENTS.get(full)
    if not found:
        value = make()
        _FRAGMENTS.put(full, value)
    return value


def _choices(app: Site) -> dict[str, Any]:
    actors = app.store.actor_event_counts(limit=ACTOR_OPTIONS)
    names = Names.for_ids(app, [a for a, _ in actors])
    actor_options = sorted(((a, f"{names.name(a)} ({n})") for a, n in actors), key=lambda o: o[1].lower())
    return {"countries": app.store.event_counts("country"), "types": app.store.event_counts("event_type"),
            "subtypes": app.store.event_counts("sub_event_type"), "actors": actor_options}


def filter_options(app: Site, request: Request) -> dict[str, Any]:
    """The drop-downs' choices, from the stored events (with counts), and the values chosen."""
    choices = memo(app, ("choices",), lambda: _choices(app))
    chosen_actor = request.arg("actor")
    actor_options = choices["actors"]
    if chosen_actor and chosen_actor not in {a for a, _ in actor_options}:
        actor_options = [(chosen_actor, chosen_actor), *actor_options]
    return {
        **choices, "actors": actor_options, "statuses": EVENT_STATUSES, "saliences": SALIENCES,
        "values": {name: request.arg(name) for name in ("actor", "type", "subtype", "country", "since", "until",
                                                         "status", "salience", "fatal", "area",
                                                         "min_confidence")},
    }


def map_block(app: Site, request: Request, flt: EventFilter, query: dict[str, str]) -> dict[str, Any]:
    """The map of the matching events in the asked view (`view=w,s,e,n`), else fitted to them;
    its zoom and pan links, and the places the view leaves out (each a link to a view there)."""
    places = app.store.event_places(flt)
    fitted, _ = fit_view(places)
    view = parse_box(request, "view") or fitted
    proj = projection(view)
    box = proj.box

    def at(v: tuple[float, float, float, float]) -> str:
        return path("events", **query, view=box_text(v))

    controls = [("+", "zoom in", at(zoomed(box, 0.5))), ("−", "zoom out", at(zoomed(box, 2.0))),
                ("←", "pan west", at(panned(box, -0.4, 0))), ("→", "pan east", at(panned(box, 0.4, 0))),
                ("↑", "pan north", at(panned(box, 0, 0.4))), ("↓", "pan south", at(panned(box, 0, -0.4))),
                ("fit", "fit the matching events", path("events", **query)), ("world", "the whole world", at(WORLD))]
    left_out = outside(places, box)
    located = sum(p.count for p in places)
    return {
        "svg": Markup(event_map(places, proj, link=lambda area: path("events", **{**query, "area": box_text(area)}))),
        "controls": controls, "located": located, "shown": located - sum(p.count for p in left_out),
        "elsewhere": [(p.location or p.country or f"{p.latitude:.2f}, {p.longitude:.2f}", p.count,
                       at(around(p.longitude, p.latitude))) for p in left_out[:15]],
        "elsewhere_more": max(0, len(left_out) - 15),
        "fragment": path("events", "map", **query), "view": box_text(box),
    }


def timeline_block(app: Site, flt: EventFilter, query: dict[str, str]) -> dict[str, Any]:
    days = app.store.event_days(flt)
    shown = fit_range(days, since=flt.since, until=flt.until)
    if shown is None:
        return {"svg": Markup('<p class="empty">No dated events to chart.</p>'), "range": None}

    def link(first: dt.date, last: dt.date) -> str:
        return path("events", **{**query, "since": first.isoformat(), "until": last.isoformat()})

    return {"svg": Markup(event_timeline(days, shown, link=link)), "range": shown,
            "all_dates": path("events", **{k: v for k, v in query.items() if k not in ("since", "until")})}


def events(app: Site, request: Request) -> Response:
    """The events page: drop-down filters, the map and timeline of every matching event, and a
    table PAGE_EVENTS rows long with links to older and newer pages."""
    query = filter_query(request)
    options = filter_options(app, request)
    common = {"title": "Events", "active": "/events", "legend": Markup(legend()), **options}
    try:
        flt = event_filter(app, request)
    except BadFilterValue as exc:
        fixes = [(s, path("events", **{**query, exc.name: s})) for s in exc.suggestions]
        return Response.html(render("events.html", **common, problem=exc, fixes=fixes), 400)
    offset = request.int_arg("offset", 0, low=0, high=MAX_OFFSET)
    total = app.store.count_events(flt)
    found = app.store.list_events(flt, limit=PAGE_EVENTS, offset=offset)
    page = Page(total=total, offset=offset, shown=len(found),
                previous=path("events", **query, offset=max(offset - PAGE_EVENTS, 0) or None) if offset else None,
                next=path("events", **query, offset=offset + PAGE_EVENTS) if offset + len(found) < total else None)
    downloads = [(path("api", "events", **query, format=fmt), label) for fmt, label in
                 (("csv", "ACLED CSV"), ("json", "JSON"), ("geojson", "GeoJSON"))]
    downloads.append((path("api", "events.stix", **query), "STIX 2.1"))
    area_removed = path("events", **{k: v for k, v in query.items() if k != "area"}) if "area" in query else None
    return Response.html(render(
        "events.html", **common, problem=None, fixes=[], page=page, found=found, downloads=downloads,
        map=memo(app, ("map", flt, request.arg("view"), tuple(sorted(query.items()))),
                 lambda: map_block(app, request, flt, query)),
        timeline=memo(app, ("timeline", flt, tuple(sorted(query.items()))), lambda: timeline_block(app, flt, query)),
        area_removed=area_removed, names=Names.of(app, found)))


def events_map(app: Site, request: Request) -> Response:
    """The map block alone, for another view (what `static/map.js` fetches after a zoom or pan)."""
    flt = event_filter(app, request)
    return Response.html(render("map_block.html", map=map_block(app, request, flt, filter_query(request))))

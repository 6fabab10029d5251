"""Actors on the web: a browsable, searchable list (`/actors`), an actor's page (its leaders and
people with their dates, its affiliations, a timeline of its events and statements) and the
actor network (`/network`: who fought whom in the stored events, weighted, and the knowledge
base's relations between them, for a date range)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .. import lookup
from ..errors import NotFoundError, UnknownValueError
from ..knowledge import LEADER_TITLES
from ..store import EventFilter
from .charts import event_timeline, fit_range
from .filters import parse_date
from .http import HttpError, Request, Response, Site
from .markup import path
from .names import Names
from .network import Edge, Node, network_svg, overlaps
from .templating import render

PAGE_ACTORS = 50
ACTOR_EVENTS = 100       # events and statements on an actor's page (the most recent)
NETWORK_NODES = 40
MAX_OFFSET = 10_000_000


@dataclass(frozen=True, slots=True)
class Listing:
    """One actor in the list."""

    id: str
    name: str
    type: str
    country: str | None
    events: int
    in_kb: bool
    names: str            # every name it goes by, folded (for search)


def _listings(app: Site) -> list[Listing]:
    counts = dict(app.store.actor_event_counts())
    out: dict[str, Listing] = {}
    for actor_id, a in app.store.actor_directory().items():
        entry = app.kb.actors.get(actor_id)
        names = entry.all_names() if entry else (a.name, *a.aliases, a.acled_name or "")
        out[actor_id] = Listing(actor_id, entry.name if entry else a.name, a.type, a.country, counts.get(actor_id, 0),
                                entry is not None, " | ".join((actor_id, *names)).casefold())
    for actor_id, entry in app.kb.actors.items():
        if actor_id not in out:
            out[actor_id] = Listing(actor_id, entry.name, entry.type, entry.country, counts.get(actor_id, 0), True,
                                    " | ".join((actor_id, *entry.all_names())).casefold())
    return list(out.values())


def search_actors(app: Site, q: str | None, kind: str | None) -> tuple[list[Listing], list[str]]:
    """The actors matching `q` (the actor it names by any spelling first, then any whose names
    hold it) and of type `kind`, those in the most stored events first; and every actor type."""
    rows = _listings(app)
    types = sorted({r.type for r in rows})
    if kind is not None and kind not in types:
        raise HttpError(400, f"no actor type {kind!r}", [f"type: {kind!r}", f"expected one of: {', '.join(types)}"])
    if kind:
        rows = [r for r in rows if r.type == kind]
    exact: set[str] = set()
    if q:
        try:
            exact = set(lookup.actor_ids(app.kb, app.store, q))
        except UnknownValueError:
            exact = set()
        needle = q.casefold()
        rows = [r for r in rows if r.id in exact or needle in r.names]
    rows.sort(key=lambda r: (r.id not in exact, -r.events, not r.in_kb, r.name.casefold()))
    return rows, types


def actors(app: Site, request: Request) -> Response:
    """The actor list: every actor stored or in the knowledge base, those in the most stored
    events first; `q` searches every name and alias (Hizballah finds Hezbollah), `type` narrows."""
    q, kind = request.arg("q"), request.arg("type")
    offset = request.int_arg("offset", 0, low=0, high=MAX_OFFSET)
    rows, types = search_actors(app, q, kind)
    shown = rows[offset:offset + PAGE_ACTORS]
    query = {k: v for k, v in (("q", q), ("type", kind)) if v}
    page = {"total": len(rows), "first": offset + 1 if shown else 0, "last": offset + len(shown),
            "previous": path("actors", **query, offset=max(offset - PAGE_ACTORS, 0) or None) if offset else None,
            "next": path("actors", **query, offset=offset + PAGE_ACTORS) if offset + len(shown) < len(rows) else None}
    return Response.html(render("actors.html", title="Actors", active="/actors", q=q, kind=kind, types=types,
                                rows=shown, page=page))


def _dated(item: dict[str, Any]) -> str:
    since, until = item.get("since"), item.get("until")
    if since and until:
        return f"{since} to {until}"
    if since:
        return f"since {since}"
    if until:
        return f"until {until}"
    return "dates not recorded"


def actor(app: Site, request: Request, actor_id: str) -> Response:
    """An actor: its knowledge-base profile (leaders and people with their dates, affiliations)
    and a timeline of its stored events and statements."""
    try:
        profile: dict[str, Any] | None = app.kb.profile(actor_id)
    except NotFoundError:
        profile = None
    if profile is not None and profile.get("entry_type") != "actor":
        profile = None
    stored = app.store.actor_directory([actor_id]).get(actor_id)
    if profile is None and stored is None:
        raise HttpError(404, f"no actor with id {actor_id!r} in the knowledge base or the store")
    ids = tuple(lookup.actor_ids(app.kb, app.store, actor_id)) if profile is not None else (actor_id,)
    flt = EventFilter(actor=ids)
    found = app.store.list_events(flt, limit=ACTOR_EVENTS)
    total = app.store.count_events(flt)
    statements = app.store.list_statements(actor=ids, limit=ACTOR_EVENTS)
    days = app.store.event_days(flt)
    shown = fit_range(days)
    chart = (Markup(event_timeline(days, shown, link=lambda a, b: path("events", actor=actor_id, since=a.isoformat(),
                                                                        until=b.isoformat())))
             if shown else None)
    timeline: list[tuple[dt.date | None, str, Any]] = [(s.event.placed_on or s.published, "event", s) for s in found]
    timeline += [(s.day, "statement", s) for s in statements]
    timeline.sort(key=lambda t: (t[0] is not None, t[0] or dt.date.min), reverse=True)
    people = [dict(p, dates=_dated(p), leader=bool(LEADER_TITLES.search(p.get("title") or "")))
              for p in _dicts((profile or {}).get("people"))]
    people.sort(key=lambda p: (not p["leader"], p.get("until") is not None, p.get("name") or ""))
    name = str(profile.get("name") or actor_id) if profile is not None else stored.name  # type: ignore[union-attr]
    return Response.html(render(
        "actor.html", title=name, active="/actors", name=name, actor_id=actor_id, profile=profile, stored=stored,
        total=total, timeline=timeline, chart=chart, names=Names.of(app, found), people=people,
        relations=[dict(r, dates=_dated(r)) for r in _dicts((profile or {}).get("relations"))],
        related=[dict(r, dates=_dated(r)) for r in _dicts((profile or {}).get("related"))]))


def _dicts(value: object) -> list[dict[str, Any]]:
    """The dicts of a profile's list field (relations, related, people)."""
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


def network_of(app: Site, request: Request) -> tuple[list[Node], list[Edge], dict[str, Any]]:
    """The actors and links the network shows for the request's date range (and, with `actor`,
    around that actor): the NETWORK_NODES actors most engaged in fighting, who fought whom
    (`min` events at least), and the knowledge-base relations between them in force then."""
    since, until = parse_date(request, "since"), parse_date(request, "until")
    if since and until and until < since:
        raise HttpError(400, "'until' is before 'since'", [f"since: {since}", f"until: {until}"])
    least = request.int_arg("min", 1, low=1, high=100_000)
    size = request.int_arg("limit", NETWORK_NODES, low=2, high=150)
    centre = None
    if request.arg("actor"):
        try:
            centre = lookup.actor_ids(app.kb, app.store, request.arg("actor") or "")
        except UnknownValueError as exc:
            raise HttpError(400, str(exc), [f"did you mean: {s}" for s in exc.suggestions]) from None
    pairs = [p for p in app.store.actor_pairs(EventFilter(since=since, until=until)) if p[2] >= least]
    if centre:
        pairs = [p for p in pairs if p[0] in centre or p[1] in centre]
    engaged: dict[str, int] = {}
    for a, b, n, _ in pairs:
        engaged[a] = engaged.get(a, 0) + n
        engaged[b] = engaged.get(b, 0) + n
    chosen = sorted(engaged, key=lambda a: (-engaged[a], a))[:size]
    if centre:
        chosen = list(dict.fromkeys([*[c for c in centre if c in app.kb.actors or c in engaged], *chosen]))[:size]
        for c in centre:   # the actor's allies and rivals in the knowledge base, though they fought no one
            if c in app.kb.actors:
                for rel in app.kb.relations_of(c):
                    if overlaps(rel.since, rel.until, since, until) and len(chosen) < size:
                        chosen.append(rel.object)
    chosen = list(dict.fromkeys(chosen))
    keep = set(chosen)
    counts = dict(app.store.actor_event_counts(EventFilter(since=since, until=until, actor=tuple(chosen)))) \
        if chosen else {}
    names = Names.for_ids(app, chosen)
    nodes = [Node(a, names.name(a), counts.get(a, 0)) for a in chosen]
    edges = [Edge(a, b, "fought", n, f"{d} reported fatalities" if d else "") for a, b, n, d in pairs
             if a in keep and b in keep]
    for a in chosen:
        entry = app.kb.actors.get(a)
        if entry is None:
            continue
        for rel in entry.relations:
            if rel.object in keep and overlaps(rel.since, rel.until, since, until):
                edges.append(Edge(a, rel.object, rel.type, 1, f"{_dated(rel.model_dump(mode='json'))}; "
                                                                f"source: {rel.source}"))
    return nodes, edges, {"since": since, "until": until, "min": least, "actor": request.arg("actor"),
                          "limit": size}


def network(app: Site, request: Request) -> Response:
    """The actor network as a picture, with its links listed below it."""
    nodes, edges, chosen = network_of(app, request)
    names = {n.id: n.name for n in nodes}
    svg = Markup(network_svg(nodes, edges, link=lambda a: path("actors", a)))
    fought = sorted((e for e in edges if e.kind == "fought"), key=lambda e: -e.weight)
    relations = [e for e in edges if e.kind != "fought"]
    return Response.html(render("network.html", title="Actor network", active="/network", svg=svg, names=names,
                                fought=fought, relations=relations, chosen=chosen, nodes=nodes))


def network_api(app: Site, request: Request) -> Response:
    """The actor network: actors (nodes) and who fought whom / knowledge-base relations (edges)."""
    nodes, edges, _ = network_of(app, request)
    return Response.api(count=len(nodes), nodes=[{"id": n.id, "name": n.name, "events": n.events} for n in nodes],
                        edges=[{"source": e.source, "target": e.target, "kind": e.kind, "weight": e.weight,
                                "note": e.note} for e in edges])


def actors_api(app: Site, request: Request) -> Response:
    """Actors, those in the most stored events first (q: any name or alias; type)."""
    limit = request.int_arg("limit", 50, high=5000)
    offset = request.int_arg("offset", 0, low=0, high=MAX_OFFSET)
    rows, _ = search_actors(app, request.arg("q"), request.arg("type"))
    shown = rows[offset:offset + limit]
    return Response.api(offset=offset, limit=limit, total=len(rows), count=len(shown),
                        actors=[{"id": r.id, "name": r.name, "type": r.type, "country": r.country,
                                 "stored_events": r.events, "in_knowledge_base": r.in_kb} for r in shown])

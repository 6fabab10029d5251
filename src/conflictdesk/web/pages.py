"""Server-rendered HTML pages: home (search and latest events), a document with its evidence
highlighted, events (map, timeline, a paged table), an actor, errors, and a stored document's
brief. Each page is a template under `templates/` (autoescaped, one base layout); markup built
here (highlighted text, charts, links) escapes every untrusted value with `h`."""
from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from markupsafe import Markup

from ..errors import NotFoundError
from ..export import event_actor_ids
from ..records import EVENT_STATUSES, Actor, Document, StoredEvent
from .charts import event_map, event_timeline, legend
from .filters import FILTER_NAMES, event_filters, filter_query
from .http import HttpError, Request, Response, Site
from .markup import HIGHLIGHT_KINDS, highlight_text, highlights_of, link, path
from .templating import render

PAGE_EVENTS = 100      # rows of the events table on one page
CHART_EVENTS = 500     # events on the events page's map and timeline (the most recent)
MAX_OFFSET = 10_000_000


class _Names:
    """Display names of actor ids: as stored with their documents, else the id."""

    def __init__(self, directory: dict[str, Actor]) -> None:
        self.directory = directory

    @classmethod
    def of(cls, app: "Site", found: Sequence[StoredEvent]) -> "_Names":
        ids = event_actor_ids(found)
        directory = app.store.actor_directory(ids) if ids else {}
        missing = [a for a in ids if a not in directory]
        if missing:   # e.g. an actor only named as a role: its knowledge-base name, if it has one
            for actor_id in missing:
                entry = app.kb.actors.get(actor_id)
                if entry is not None:
                    directory[actor_id] = Actor(id=entry.id, name=entry.name, type=entry.type)
        return cls(directory)

    def link(self, actor_id: str | None) -> Markup:
        if not actor_id:
            return Markup("")
        known = self.directory.get(actor_id)
        return Markup(link(path("actors", actor_id), known.name if known else actor_id))


def error_page(status: int, message: str, errors: Sequence[str]) -> str:
    return render("error.html", title=f"Error {status}", status=status, message=message, errors=list(errors))


# --- pages ------------------------------------------------------------------------------------
def home(app: "Site", request: Request) -> Response:
    query = request.arg("q")
    docs: list[Document] = (app.store.search_documents(query, limit=50) if query
                            else app.store.list_documents(limit=20))
    latest = app.store.list_events(limit=25)
    return Response.html(render("home.html", title="Documents", active="/", query=query, docs=docs, latest=latest,
                                names=_Names.of(app, latest)))


def document(app: "Site", request: Request, document_id: str) -> Response:
    ex = app.store.get_extraction(document_id)
    doc = ex.document
    stored = [StoredEvent(event=e, document_id=doc.id, source=doc.source, url=doc.url, published=doc.published,
                          title=doc.title) for e in ex.events]
    return Response.html(render("document.html", title=doc.title or doc.id, doc=doc, ex=ex, stored=stored,
                                names=_Names({a.id: a for a in ex.actors}), people={p.id: p.name for p in ex.people},
                                kinds=HIGHLIGHT_KINDS, text=Markup(highlight_text(doc.text, highlights_of(ex)))))


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


FILTER_FIELDS = (("actor", "Actor", "text"), ("type", "Type", "text"), ("country", "Country", "text"),
                 ("since", "Since", "date"), ("until", "Until", "date"))


def events(app: "Site", request: Request) -> Response:
    """The events page: the map and timeline of the most recent CHART_EVENTS events matching the
    filters, and a table PAGE_EVENTS rows long with links to older and newer pages; its size does
    not grow with the store."""
    filters = event_filters(request)
    offset = request.int_arg("offset", 0, low=0, high=MAX_OFFSET)
    total = app.store.count_events(**filters)
    found = app.store.list_events(**filters, limit=PAGE_EVENTS, offset=offset)
    charted = found if offset == 0 and total <= PAGE_EVENTS else app.store.list_events(**filters, limit=CHART_EVENTS)
    query = filter_query(request)
    page = Page(total=total, offset=offset, shown=len(found),
                previous=path("events", **query, offset=max(offset - PAGE_EVENTS, 0) or None) if offset else None,
                next=path("events", **query, offset=offset + PAGE_EVENTS) if offset + len(found) < total else None)
    downloads = [(path("api", "events", **query, format=fmt), label) for fmt, label in
                 (("csv", "ACLED CSV"), ("json", "JSON"), ("geojson", "GeoJSON"))]
    downloads.append((path("api", "events.stix", **query), "STIX 2.1"))
    located = sum(1 for s in charted if s.event.latitude is not None and s.event.longitude is not None)
    return Response.html(render(
        "events.html", title="Events", active="/events", fields=FILTER_FIELDS, statuses=EVENT_STATUSES,
        values={name: request.arg(name) for name in FILTER_NAMES}, page=page, found=found, charted=charted,
        located=located, downloads=downloads, legend=Markup(legend()), map=Markup(event_map(charted)),
        timeline=Markup(event_timeline(charted)), names=_Names.of(app, found)))


def _dicts(value: object) -> list[dict[str, Any]]:
    """The dicts of a profile's list field (relations, related, people)."""
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


def actor(app: "Site", request: Request, actor_id: str) -> Response:
    try:
        profile: dict[str, Any] | None = app.kb.profile(actor_id)
    except NotFoundError:
        profile = None
    found = app.store.list_events(actor=actor_id, limit=PAGE_EVENTS)
    stored = app.store.actor_directory([actor_id]).get(actor_id)
    if profile is None and stored is None:
        raise HttpError(404, f"no actor with id {actor_id!r} in the knowledge base or the store")
    name = str(profile.get("name") or actor_id) if profile is not None else stored.name  # type: ignore[union-attr]
    return Response.html(render(
        "actor.html", title=name, name=name, actor_id=actor_id, profile=profile, stored=stored, found=found,
        limit=PAGE_EVENTS, names=_Names.of(app, found), relations=_dicts((profile or {}).get("relations")),
        related=_dicts((profile or {}).get("related")), people=_dicts((profile or {}).get("people"))))


def errors(app: "Site", request: Request) -> Response:
    found = app.store.list_errors(limit=200)
    return Response.html(render("errors.html", title="Errors", active="/errors", found=found))


_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def brief(app: "Site", request: Request, document_id: str) -> Response:
    """The brief's own self-contained page (brief.render_html): its inline stylesheet is
    allowed by its hash, and still no script."""
    from ..brief import build_brief, render_html

    extraction = app.store.get_extraction(document_id)
    page = render_html(build_brief(extraction, kb=app.kb, store=app.store))
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(m.group(1).encode()).digest()).decode()}'"
                      for m in _STYLE.finditer(page))
    policy = f"default-src 'none'; style-src {hashes or chr(39) + 'none' + chr(39)}; base-uri 'none'; " \
             "form-action 'none'; frame-ancestors 'none'"
    response = Response.html(page)
    response.headers.append(("Content-Security-Policy", policy))
    return response


def stylesheet(app: "Site", request: Request) -> Response:
    css = resources.files("conflictdesk.web").joinpath("static/style.css").read_text(encoding="utf-8")
    return Response(css.encode("utf-8"), 200, "text/css; charset=utf-8", [("Cache-Control", "max-age=3600")])

"""Server-rendered HTML pages: home (search and latest events), a document with its evidence
highlighted, events (map, timeline, table), an actor, errors, and a stored document's brief.
Nothing here writes untrusted text without `h`."""
from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from importlib import resources
from typing import Any

from ..errors import NotFoundError
from ..export import event_actor_ids
from ..records import EVENT_STATUSES, Actor, Document, Extraction, StoredEvent
from .charts import event_map, event_timeline, legend
from .filters import event_filters, filter_query
from .http import HttpError, Request, Response, Site
from .markup import HIGHLIGHT_KINDS, external_link, h, highlight_text, highlights_of, layout, link, path, table


PAGE_EVENTS = 500


def _short(text: str | None, n: int = 110) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


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

    def link(self, actor_id: str | None) -> str:
        if not actor_id:
            return ""
        known = self.directory.get(actor_id)
        return link(path("actors", actor_id), known.name if known else actor_id)


def events_table(found: Sequence[StoredEvent], names: _Names, *, evidence: bool = False) -> str:
    if not found:
        return '<p class="empty">No events.</p>'
    rows = []
    for s in found:
        ev = s.event
        side1 = ", ".join(names.link(a) for a in [ev.actor1, *ev.assoc_actor_1] if a)
        side2 = ", ".join(names.link(a) for a in [ev.actor2, *ev.assoc_actor_2] if a)
        actors = side1 + (f" <span class=\"vs\">vs</span> {side2}" if side2 else "")
        where = ", ".join(dict.fromkeys(x for x in (ev.location, ev.admin1, ev.country) if x))
        row = [h(ev.event_date or (f"{s.published} (published)" if s.published else "")),
               f"{h(ev.sub_event_type)}<br><span class=\"muted\">{h(ev.event_type)}</span>", actors, h(where),
               h("" if ev.fatalities is None else ev.fatalities), f'<span class="status-{h(ev.status)}">'
               f"{h(ev.status)}</span>" + (" <span class=\"muted\">background</span>" if ev.salience == "background"
                                           else "")]
        if evidence:
            row.append(f"<q>{h(_short(ev.evidence.text, 220))}</q>")
        else:
            row.append(link(path("documents", s.document_id), _short(s.title or s.document_id, 60)))
        rows.append(row)
    columns = ["date", "event", "actors", "location", "fatalities", "status", "evidence" if evidence else "document"]
    return table(columns, rows, cls="events")


def error_page(status: int, message: str, errors: Sequence[str]) -> str:
    items = "".join(f"<li>{h(e)}</li>" for e in errors)
    return layout(f"Error {status}", f"<h1>Error {status}</h1><p>{h(message)}</p>"
                  + (f"<ul>{items}</ul>" if items else "") + '<p><a href="/">Back to the documents</a></p>')


# --- pages ------------------------------------------------------------------------------------
def home(app: "Site", request: Request) -> Response:
    query = request.arg("q")
    docs: list[Document] = (app.store.search_documents(query, limit=50) if query
                            else app.store.list_documents(limit=20))
    latest = app.store.list_events(limit=25)
    heading = f"Documents matching “{h(query)}”" if query else "Latest documents"
    doc_rows = [[h(d.published or ""), link(path("documents", d.id), _short(d.title or d.text, 100)), h(d.source or ""),
                 '<span class="muted">near-duplicate</span>' if d.duplicate_of else ""] for d in docs]
    body = (f'<form class="search" method="get" action="/"><label for="q">Search documents</label> '
            f'<input id="q" name="q" type="search" value="{h(query or "")}" placeholder="words that must all occur">'
            f' <button type="submit">Search</button></form>'
            f"<h1>{heading}</h1>"
            + (table(["published", "title", "source", ""], doc_rows, cls="documents") if docs
               else '<p class="empty">No documents found.</p>')
            + f'<h2>Latest events</h2><p><a href="/events">Map, timeline and filters</a></p>'
            + events_table(latest, _Names.of(app, latest)))
    return Response.html(layout("Documents", body, active="/"))


def _statements(ex: Extraction, names: _Names) -> str:
    if not ex.statements:
        return ""
    parts = ["<h2>Statements</h2>"]
    people = {p.id: p.name for p in ex.people}
    for st in ex.statements:
        who = names.link(st.actor) or "An unidentified issuer"
        speaker = f", speaker {h(people.get(st.speaker, st.speaker))}" if st.speaker else ""
        channel = f", via {h(st.channel)}" if st.channel else ""
        date = f", {h(st.date)}" if st.date else ""
        items = "".join(f'<li><q>{h(p.text)}</q> <span class="labels">{h(", ".join(p.labels) or "unlabelled")}</span>'
                        + (f' <span class="muted">targets: {h(", ".join(p.targets))}</span>' if p.targets else "")
                        + "</li>" for p in st.points)
        parts.append(f'<div class="statement"><p>{who}{speaker}{channel}{date}:</p><ol>{items}</ol></div>')
    return "".join(parts)


def document(app: "Site", request: Request, document_id: str) -> Response:
    ex = app.store.get_extraction(document_id)
    doc = ex.document
    stored = [StoredEvent(event=e, document_id=doc.id, source=doc.source, url=doc.url, published=doc.published,
                          title=doc.title) for e in ex.events]
    names = _Names({a.id: a for a in ex.actors})
    meta = [x for x in (h(doc.published or ""), h(doc.source or ""), external_link(doc.url),
                        h(f"language {doc.language}") if doc.language else "") if x]
    if doc.duplicate_of:
        meta.append("near-duplicate of " + link(path("documents", doc.duplicate_of), doc.duplicate_of))
    kinds = "".join(f'<mark class="hl-{k}">{h(label)}</mark> ' for k, label in HIGHLIGHT_KINDS.items())
    actors = "".join(f"<li>{names.link(a.id)} <span class=\"muted\">{h(a.type)}"
                     f"{', ' + h(a.country) if a.country else ''}; {len(a.mentions)} mention(s)</span></li>"
                     for a in ex.actors)
    body = (f"<h1>{h(doc.title or doc.id)}</h1>"
            f'<p class="meta">{" · ".join(meta)}</p>'
            f'<p class="actions">{link(path("api", "documents", doc.id), "JSON")} · '
            f'{link(path("briefs", doc.id), "Brief")}</p>'
            f'<p class="legend-marks">Highlighted: {kinds}</p>'
            f'<article class="doctext">{highlight_text(doc.text, highlights_of(ex))}</article>'
            f"<h2>Events ({len(ex.events)})</h2>{events_table(stored, names, evidence=True)}"
            + (f"<h2>Actors</h2><ul class=\"actors\">{actors}</ul>" if actors else "")
            + _statements(ex, names))
    return Response.html(layout(doc.title or doc.id, body))


def _filter_form(request: Request) -> str:
    def field(name: str, label: str, kind: str = "text") -> str:
        return (f'<label>{h(label)} <input name="{name}" type="{kind}" '
                f'value="{h(request.arg(name) or "")}"></label>')
    current = request.arg("status")
    options = '<option value="">any</option>' + "".join(
        f'<option value="{s}"{" selected" if s == current else ""}>{s}</option>' for s in EVENT_STATUSES)
    return ('<form class="filters" method="get" action="/events">'
            + field("actor", "Actor") + field("type", "Type") + field("country", "Country")
            + field("since", "Since", "date") + field("until", "Until", "date")
            + f'<label>Status <select name="status">{options}</select></label>'
            + ' <button type="submit">Filter</button> <a href="/events">clear</a></form>')


def events(app: "Site", request: Request) -> Response:
    filters = event_filters(request)
    found = app.store.list_events(**filters, limit=PAGE_EVENTS)
    query = filter_query(request)
    located = sum(1 for s in found if s.event.latitude is not None and s.event.longitude is not None)
    downloads = " · ".join(link(path("api", "events", **query, format=fmt), label) for fmt, label in
                           (("csv", "ACLED CSV"), ("json", "JSON"), ("geojson", "GeoJSON"))) \
        + " · " + link(path("api", "events.stix", **query), "STIX 2.1")
    capped = f" (the most recent {PAGE_EVENTS})" if len(found) >= PAGE_EVENTS else ""
    body = ("<h1>Events</h1>" + _filter_form(request)
            + f'<p class="meta">{len(found)} event(s){capped}; {located} located on the map. Download: {downloads}</p>'
            + legend()
            + f'<figure class="chart">{event_map(found)}<figcaption>Event locations (equirectangular '
              f"projection; outlines: Natural Earth 1:110m). Circle size grows with the number of events at a place."
              f"</figcaption></figure>"
            + f'<figure class="chart">{event_timeline(found)}<figcaption>Events over time, by event type (event date, '
              f"else the date of publication).</figcaption></figure>"
            + events_table(found, _Names.of(app, found)))
    return Response.html(layout("Events", body, active="/events"))


def _dicts(value: object) -> list[dict[str, Any]]:
    """The dicts of a profile's list field (relations, related, people)."""
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


def _relations(profile: dict[str, object]) -> str:
    items = []
    for r in _dicts(profile.get("relations")):
        period = " ".join(x for x in (f"since {r['since']}" if r.get("since") else "",
                                      f"until {r['until']}" if r.get("until") else "") if x)
        items.append(f"<li>{h(str(r.get('type', '')).replace('_', ' '))} "
                     f"{link(path('actors', str(r.get('object', ''))), r.get('object_name') or r.get('object'))}"
                     f"{' (' + h(period) + ')' if period else ''} <span class=\"source\">source: "
                     f"{external_link(str(r.get('source', '')))}</span></li>")
    for r in _dicts(profile.get("related")):
        items.append(f"<li>{link(path('actors', str(r.get('subject', ''))), r.get('subject_name'))} "
                     f"{h(str(r.get('type', '')).replace('_', ' '))} this actor <span class=\"source\">source: "
                     f"{external_link(str(r.get('source', '')))}</span></li>")
    return f"<h2>Relations</h2><ul>{''.join(items)}</ul>" if items else ""


def actor(app: "Site", request: Request, actor_id: str) -> Response:
    try:
        profile: dict[str, object] | None = app.kb.profile(actor_id)
    except NotFoundError:
        profile = None
    found = app.store.list_events(actor=actor_id, limit=PAGE_EVENTS)
    stored = app.store.actor_directory([actor_id]).get(actor_id)
    if profile is None and stored is None:
        raise HttpError(404, f"no actor with id {actor_id!r} in the knowledge base or the store")
    if profile is not None:
        facts = [("id", h(actor_id)), ("type", h(profile.get("type", profile.get("entry_type")))),
                 ("country", h(profile.get("country") or "international")),
                 ("ACLED name", h(profile.get("acled_name") or "")),
                 ("aliases", h(", ".join(str(a) for a in profile.get("aliases") or []))),
                 ("source", external_link(str(profile.get("source") or "")))]
        description = f"<p>{h(profile['description'])}</p>" if profile.get("description") else ""
        people = "".join(f"<li>{h(p.get('name'))}: {h(p.get('title'))} "
                         f'<span class="source">source: {external_link(str(p.get("source", "")))}</span></li>'
                         for p in _dicts(profile.get("people")))
        name = str(profile.get("name") or actor_id)
        body = (f"<h1>{h(name)}</h1>{description}"
                + table(["", ""], [[h(k), v] for k, v in facts if v], cls="facts")
                + _relations(profile) + (f"<h2>People</h2><ul>{people}</ul>" if people else ""))
    else:
        assert stored is not None
        name = stored.name
        body = (f"<h1>{h(name)}</h1><p class=\"meta\">Not in the knowledge base: known only from stored documents "
                f"(type {h(stored.type)}).</p>")
    body += (f'<p class="actions">{link(path("api", "actors", actor_id), "JSON profile")} · '
             f'{link(path("events", actor=actor_id), "on the events map")}</p>'
             f"<h2>Stored events ({len(found)})</h2>" + events_table(found, _Names.of(app, found)))
    return Response.html(layout(name, body))


def errors(app: "Site", request: Request) -> Response:
    found = app.store.list_errors(limit=200)
    rows = [[h(e.at.strftime("%Y-%m-%d %H:%M")), h(e.origin),
             link(path("documents", e.document_id), e.document_id) if e.document_id else "", h(e.stage),
             h(e.code), h(e.message)] for e in found]
    body = "<h1>Recorded failures</h1>" + (table(["at", "origin", "document", "stage", "code", "message"], rows)
                                           if rows else '<p class="empty">No failures recorded.</p>')
    return Response.html(layout("Errors", body, active="/errors"))


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

"""The JSON API under /api/. Lists answer `{"ok": true, "count": n, "<things>": [...]}`; single
records answer their own JSON (a document: the extraction contract of ../shared/CONTRACT.md);
errors answer the one error shape of `app.error_body`."""
from __future__ import annotations

import dataclasses
import datetime as dt
import io

from ..contract import document_dict, extraction_dict
from ..records import Document, StoredEvent
from .filters import event_filters
from .http import HttpError, Request, Response, Site

MAX_LIMIT = 5000


def document_summary(doc: Document) -> dict[str, object]:
    return {k: v for k, v in document_dict(doc).items() if k != "text"}


def index(app: "Site", request: Request) -> Response:
    return Response.json({"ok": True, "endpoints": {
        "/api/documents?q=&limit=": "stored documents, newest first, or a full-text search (q)",
        "/api/documents/{id}": "a document and its extraction (the extraction contract JSON)",
        "/api/events?actor=&type=&country=&since=&until=&status=&limit=&format=json|geojson|csv":
            "stored events, most recent first",
        "/api/events.stix?(same filters)": "the same events as a STIX 2.1 bundle",
        "/api/actors/{id}": "an actor's knowledge-base profile and how many stored events involve it",
        "/api/briefs/{document_id}": "the brief of a stored document",
        "/api/errors?limit=&stage=": "recorded failures, newest first",
    }})


def documents(app: "Site", request: Request) -> Response:
    limit = request.int_arg("limit", 20, high=MAX_LIMIT)
    query = request.arg("q")
    found = app.store.search_documents(query, limit=limit) if query else app.store.list_documents(limit=limit)
    return Response.json({"ok": True, "query": query, "count": len(found),
                          "documents": [document_summary(d) for d in found]})


def document(app: "Site", request: Request, document_id: str) -> Response:
    return Response.json(extraction_dict(app.store.get_extraction(document_id)))


def _events(app: "Site", request: Request, default_limit: int = 500) -> list[StoredEvent]:
    limit = request.int_arg("limit", default_limit, high=MAX_LIMIT)
    return app.store.list_events(**event_filters(request), limit=limit)


def events(app: "Site", request: Request) -> Response:
    from ..export import actor_lookup, event_record_dict, events_to_acled_csv, geojson_feature_collection

    fmt = request.arg("format") or "json"
    if fmt not in ("json", "geojson", "csv"):
        raise HttpError(400, "parameter 'format' must be json, geojson or csv", [f"format: {fmt!r}"])
    found = _events(app, request)
    if fmt == "geojson":
        return Response.json(geojson_feature_collection(found), content_type="application/geo+json")
    if fmt == "csv":
        out = io.StringIO()
        events_to_acled_csv(found, out, actor=actor_lookup(app.store, found))
        return Response.text(out.getvalue(), "text/csv", filename="events.csv")
    return Response.json({"ok": True, "count": len(found), "events": [event_record_dict(s) for s in found]})


def events_stix(app: "Site", request: Request) -> Response:
    from ..export import event_actor_ids
    from ..export.stix import stix_bundle

    found = _events(app, request)
    bundle = stix_bundle(found, at=dt.datetime.now(dt.timezone.utc),
                         actors=app.store.actor_directory(event_actor_ids(found)))
    return Response.json(bundle, content_type="application/stix+json")


def actor(app: "Site", request: Request, actor_id: str) -> Response:
    profile = app.kb.profile(actor_id)   # NotFoundError -> 404
    involved = app.store.list_events(actor=actor_id, limit=MAX_LIMIT)
    return Response.json({**profile, "stored_events": len(involved)})


def errors(app: "Site", request: Request) -> Response:
    limit = request.int_arg("limit", 100, high=MAX_LIMIT)
    found = app.store.list_errors(limit=limit, stage=request.arg("stage"))
    return Response.json({"ok": True, "count": len(found), "errors": [
        {**dataclasses.asdict(e), "at": e.at.isoformat()} for e in found]})


def brief(app: "Site", request: Request, document_id: str) -> Response:
    from ..brief import build_brief
    from ..brief.render import brief_dict

    extraction = app.store.get_extraction(document_id)
    return Response.json(brief_dict(build_brief(extraction, kb=app.kb, store=app.store)))

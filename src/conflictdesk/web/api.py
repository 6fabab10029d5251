"""The JSON API under /api/. Every JSON answer has one shape: success is `{"ok": true, ...}`
with a list as `"count": n, "<things>": [...]` (and `"offset"`, `"limit"` where it pages) or one
record under its name (`"extraction"`: the extraction contract of ../shared/CONTRACT.md,
`"actor"`, `"brief"`); failure is `{"ok": false, "error", "errors", "status"}` (`http.error_body`).
Event lists in GeoJSON, ACLED CSV and STIX keep those formats' own shapes. Each endpoint accepts
only the parameters `routes.py` lists for it: another name is a 400."""
from __future__ import annotations

import dataclasses
import datetime as dt
import io

from ..contract import document_dict, extraction_dict
from ..records import Document, StoredEvent
from .charts import bin_unit, bucket, fit_range
from .filters import event_filter
from .http import HttpError, Request, Response, Site

MAX_LIMIT = 5000
MAX_OFFSET = 10_000_000


def document_summary(doc: Document) -> dict[str, object]:
    return {k: v for k, v in document_dict(doc).items() if k != "text"}


def documents(app: "Site", request: Request) -> Response:
    """Stored documents, newest first, or a full-text search (q: every word must occur; a name
    finds its every spelling in the knowledge base: ISIS = Islamic State = Daesh)."""
    limit = request.int_arg("limit", 20, high=MAX_LIMIT)
    query = request.arg("q")
    offset = request.int_arg("offset", 0, low=0, high=MAX_OFFSET)
    if query:
        from ..lookup import search_forms

        forms = search_forms(app.kb, query)
        found = app.store.search_documents(forms, limit=offset + limit)[offset:]
        return Response.api(query=query, offset=offset, limit=limit, count=len(found),
                            documents=[document_summary(d) for d in found], forms=forms)
    found = app.store.list_documents(limit=limit, offset=offset)
    return Response.api(query=None, offset=offset, limit=limit, count=len(found),
                        documents=[document_summary(d) for d in found])


def document(app: "Site", request: Request, document_id: str) -> Response:
    """A document and its extraction (the extraction contract JSON)."""
    return Response.api(extraction=extraction_dict(app.store.get_extraction(document_id)))


def _events(app: "Site", request: Request, default_limit: int = 500) -> tuple[list[StoredEvent], int, int]:
    limit = request.int_arg("limit", default_limit, high=MAX_LIMIT)
    offset = request.int_arg("offset", 0, low=0, high=MAX_OFFSET)
    return app.store.list_events(event_filter(app, request), limit=limit, offset=offset), offset, limit


def events(app: "Site", request: Request) -> Response:
    """Stored events, most recent first, as JSON, GeoJSON or ACLED CSV (format): one row per incident
    among the page's events, with its other reports (mentions=1: one row per report)."""
    from ..export import actor_lookup, event_record_dict, events_to_acled_csv, geojson_feature_collection

    fmt = request.arg("format") or "json"
    if fmt not in ("json", "geojson", "csv"):
        raise HttpError(400, "parameter 'format' must be json, geojson or csv", [f"format: {fmt!r}"])
    found, offset, limit = _events(app, request)
    if request.arg("mentions") not in ("1", "true"):
        from ..store.incidents import collapse

        found = collapse(found)     # one row per incident among the listed events
    if fmt == "geojson":
        return Response.json(geojson_feature_collection(found), content_type="application/geo+json")
    if fmt == "csv":
        out = io.StringIO()
        events_to_acled_csv(found, out, actor=actor_lookup(app.store, found))
        return Response.text(out.getvalue(), "text/csv", filename="events.csv")
    return Response.api(offset=offset, limit=limit, count=len(found), events=[event_record_dict(s) for s in found])


def events_stix(app: "Site", request: Request) -> Response:
    """The same events as a STIX 2.1 bundle."""
    from ..export import event_actor_ids
    from ..export.stix import stix_bundle

    found, _, _ = _events(app, request)
    bundle = stix_bundle(found, at=dt.datetime.now(dt.timezone.utc),
                         actors=app.store.actor_directory(event_actor_ids(found)))
    return Response.json(bundle, content_type="application/stix+json")


def events_summary(app: "Site", request: Request) -> Response:
    """Every matching incident counted (reports of one incident once): by type, sub-type, country, place
    and day/week/month; `reports` counts the events themselves."""
    flt = event_filter(app, request)
    days = app.store.event_days(flt)
    shown = fit_range(days, since=flt.since, until=flt.until, share=1)
    unit = bin_unit(shown.first, shown.last) if shown else "day"
    periods: dict[str, int] = {}
    for d in days:
        key = bucket(d.day, unit).isoformat()
        periods[key] = periods.get(key, 0) + d.count
    return Response.api(
        count=app.store.count_incidents(flt), reports=app.store.count_events(flt),
        by_type=dict(app.store.event_counts("event_type", flt)),
        by_sub_event_type=dict(app.store.event_counts("sub_event_type", flt)),
        by_country=dict(app.store.event_counts("country", flt)),
        unit=unit, by_period=periods,
        places=[{"longitude": p.longitude, "latitude": p.latitude, "location": p.location, "country": p.country,
                 "count": p.count, "fatalities": p.fatalities, "by_type": dict(p.by_type)}
                for p in app.store.event_places(flt)])


def actor(app: "Site", request: Request, actor_id: str) -> Response:
    """An actor's knowledge-base profile and how many stored events involve it."""
    profile = app.kb.profile(actor_id)   # NotFoundError -> 404
    return Response.api(actor=profile, stored_events=app.store.count_events(actor=actor_id))


def errors(app: "Site", request: Request) -> Response:
    """Recorded failures, newest first (stage: only those of one stage)."""
    limit = request.int_arg("limit", 100, high=MAX_LIMIT)
    found = app.store.list_errors(limit=limit, stage=request.arg("stage"))
    return Response.api(count=len(found), errors=[{**dataclasses.asdict(e), "at": e.at.isoformat()} for e in found])


def brief(app: "Site", request: Request, document_id: str) -> Response:
    """The brief of a stored document."""
    from ..brief import build_brief
    from ..brief.render import brief_dict

    extraction = app.store.get_extraction(document_id)
    return Response.api(brief=brief_dict(build_brief(extraction, kb=app.kb, store=app.store)))


def digest(app: "Site", request: Request) -> Response:
    """The week's conflict stories (week=2016-W24, default the latest stored week; top=10)."""
    from ..brief.digest import build_digest, digest_dict, iso_week
    from ..errors import BriefError, Code

    week = request.arg("week")
    try:
        if week is not None:
            iso_week(week)
        made = build_digest(app.store, week=week, top=request.int_arg("top", 10, high=100))
    except BriefError as exc:
        status = 404 if exc.code == str(Code.NOTHING_TO_DIGEST) else 400
        raise HttpError(status, str(exc), ["week: an ISO week like 2016-W24"] if status == 400 else []) from None
    return Response.api(digest=digest_dict(made))

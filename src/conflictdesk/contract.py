"""Conversion of records to the JSON of ../shared/CONTRACT.md (and back, for documents)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from .records import Actor, Count, Document, Event, Extraction, Person, Point, Relation, Span, Statement


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def span_dict(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"text": span.text, "start": span.start, "end": span.end}


def document_dict(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id, "title": doc.title, "published": _date(doc.published), "source": doc.source,
        "url": doc.url, "language": doc.language, "text": doc.text,
        "author": doc.author, "duplicate_of": doc.duplicate_of,
    }


def actor_dict(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id, "name": actor.name, "type": actor.type, "aliases": list(actor.aliases),
        "country": actor.country, "acled_name": actor.acled_name, "known": actor.known,
        "mentions": [span_dict(m) for m in actor.mentions],
    }


def person_dict(person: Person) -> dict[str, Any]:
    return {"id": person.id, "name": person.name, "role": person.role, "actor": person.actor,
            "known": person.known, "mentions": [span_dict(m) for m in person.mentions]}


def relation_dict(rel: Relation) -> dict[str, Any]:
    return {"subject": rel.subject, "relation": rel.relation, "object": rel.object, "source": rel.source,
            "evidence": span_dict(rel.evidence), "citation": rel.citation,
            "since": _date(rel.since), "until": _date(rel.until)}


def count_dict(count: Count | None) -> dict[str, Any] | None:
    return None if count is None else {"value": count.value, "qualifier": count.qualifier}


def event_dict(ev: Event) -> dict[str, Any]:
    return {
        "id": ev.id, "event_type": ev.event_type, "sub_event_type": ev.sub_event_type,
        "actor1": ev.actor1, "assoc_actor_1": list(ev.assoc_actor_1),
        "actor2": ev.actor2, "assoc_actor_2": list(ev.assoc_actor_2),
        "country": ev.country, "admin1": ev.admin1, "location": ev.location,
        "latitude": ev.latitude, "longitude": ev.longitude, "geo_precision": ev.geo_precision,
        "event_date": _date(ev.event_date), "time_precision": ev.time_precision,
        "event_month": ev.event_month,             # "YYYY-MM" of a month-only event (event_date null)
        "fatalities": ev.fatalities, "count": count_dict(ev.count),
        "status": ev.status, "salience": ev.salience, "civilian_targeting": ev.civilian_targeting,
        "cameo": ev.cameo, "plover": ev.plover, "notes": ev.notes,
        "evidence": span_dict(ev.evidence), "rule": ev.rule, "coder": ev.coder or None,
        "confidence": ev.confidence,
    }


def point_dict(point: Point) -> dict[str, Any]:
    return {"text": point.text, "start": point.start, "end": point.end, "labels": list(point.labels),
            "cues": list(point.cues), "targets": list(point.targets)}


def statement_dict(st: Statement) -> dict[str, Any]:
    return {"id": st.id, "actor": st.actor, "speaker": st.speaker, "channel": st.channel,
            "date": _date(st.date), "evidence": span_dict(st.evidence),
            "points": [point_dict(p) for p in st.points]}


def extraction_dict(ex: Extraction) -> dict[str, Any]:
    """The contract object for one document."""
    return {
        "document": document_dict(ex.document),
        "actors": [actor_dict(a) for a in ex.actors],
        "people": [person_dict(p) for p in ex.people],
        "relations": [relation_dict(r) for r in ex.relations],
        "events": [event_dict(e) for e in ex.events],
        "statements": [statement_dict(s) for s in ex.statements],
    }

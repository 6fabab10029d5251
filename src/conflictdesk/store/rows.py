"""Conversion between records (records.py) and table rows (schema.py), both ways.

`extraction_rows` flattens an Extraction into plain dicts per table (bulk-inserted by the
store); the `*_record` functions rebuild records from rows, so that
`get_extraction(id)` returns what `save_extraction` was given. Free text bound for a
length-limited column (a publisher's name, a location) is cut to fit (`fit`), so PostgreSQL,
which enforces VARCHAR lengths, stores what SQLite stores.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..records import (Actor, Count, DateMention, Document, Event, Person, Place, Point, Quantity, Relation, Span,
                       Statement)
from .schema import (ActorRow, DocumentRow, EventRow, MentionRow, PersonRow, PointRow, RelationRow, StatementRow,
                     to_unsigned)

ASSOC_ROLES = (("actor1", False), ("assoc_actor_1", True), ("actor2", False), ("assoc_actor_2", True))


def fit(value: str | None, column: Any) -> str | None:
    """`value` cut (with "…") to the length of a String(n) column; None stays None."""
    length = getattr(column.type, "length", None)
    if value is None or length is None or len(value) <= length:
        return value
    return value[: length - 1] + "…"


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def loads_list(value: str | None) -> list[str]:
    return [] if not value or value == "[]" else list(json.loads(value))   # most lists are empty: no parse


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _span(start: int | None, end: int | None, text: str | None) -> Span | None:
    if start is None or end is None or text is None:
        return None
    return Span(start, end, text)


# --- documents --------------------------------------------------------------------------------
def document_record(row: DocumentRow) -> Document:
    doc = Document(id=row.id, text=row.text, title=row.title, published=row.published, source=row.source,
                   url=row.url, language=row.language, author=row.author, origin=row.origin, format=row.format,
                   content_hash=row.content_hash, duplicate_of=row.duplicate_of,
                   fingerprint=None if row.fingerprint is None else to_unsigned(row.fingerprint))
    return doc


# --- extraction -> rows -----------------------------------------------------------------------
def mention_row(document_id: str, kind: str, entity_id: str | None, ord_: int, span: Span,
                data: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"document_id": document_id, "kind": kind, "entity_id": entity_id, "ord": ord_, "start": span.start,
            "end": span.end, "text": span.text, "data": None if data is None else dumps(data)}


def actor_rows(document_id: str, actors: list[Actor]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rows, mentions, seen = [], [], set()
    for i, actor in enumerate(actors):
        if actor.id in seen:  # one row per actor and document; a repeated id keeps its first attributes
            continue
        seen.add(actor.id)
        rows.append({"document_id": document_id, "actor_id": actor.id, "ord": i, "name": actor.name,
                     "type": actor.type, "aliases": dumps(list(actor.aliases)), "country": actor.country,
                     "acled_name": actor.acled_name, "known": actor.known})
        mentions += [mention_row(document_id, "actor", actor.id, j, m) for j, m in enumerate(actor.mentions)]
    return rows, mentions


def person_rows(document_id: str, people: list[Person]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rows, mentions, seen = [], [], set()
    for i, person in enumerate(people):
        if person.id in seen:
            continue
        seen.add(person.id)
        rows.append({"document_id": document_id, "person_id": person.id, "ord": i, "name": person.name,
                     "role": person.role, "actor": person.actor, "known": person.known})
        mentions += [mention_row(document_id, "person", person.id, j, m) for j, m in enumerate(person.mentions)]
    return rows, mentions


def relation_row(document_id: str, ord_: int, rel: Relation) -> dict[str, Any]:
    ev = rel.evidence
    return {"document_id": document_id, "ord": ord_, "subject": rel.subject, "relation": rel.relation,
            "object": rel.object, "source": rel.source,
            "evidence_start": ev.start if ev else None, "evidence_end": ev.end if ev else None,
            "evidence_text": ev.text if ev else None, "citation": rel.citation, "since": rel.since,
            "until": rel.until}


def event_row(document_id: str, ord_: int, ev: Event) -> dict[str, Any]:
    return {
        "document_id": document_id, "id": ev.id, "ord": ord_, "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type, "actor1": ev.actor1, "assoc_actor_1": dumps(list(ev.assoc_actor_1)),
        "actor2": ev.actor2, "assoc_actor_2": dumps(list(ev.assoc_actor_2)), "country": fit(ev.country, EventRow.country),
        "admin1": fit(ev.admin1, EventRow.admin1), "location": fit(ev.location, EventRow.location), "latitude": ev.latitude, "longitude": ev.longitude,
        "geo_precision": ev.geo_precision, "event_date": ev.event_date, "time_precision": ev.time_precision,
        "event_month": ev.month_start,
        "fatalities": ev.fatalities, "count_value": ev.count.value if ev.count else None,
        "count_qualifier": ev.count.qualifier if ev.count else None, "status": ev.status,
        "salience": ev.salience, "civilian_targeting": ev.civilian_targeting, "cameo": ev.cameo,
        "plover": ev.plover, "notes": ev.notes, "evidence_start": ev.evidence.start,
        "evidence_end": ev.evidence.end, "evidence_text": ev.evidence.text, "rule": ev.rule,
        "coder": ev.coder or None, "confidence": ev.confidence,
    }


def event_actor_rows(document_id: str, event_pk: int, ev: Event) -> list[dict[str, Any]]:
    rows, seen = [], set()
    for role, many in ASSOC_ROLES:
        value = getattr(ev, role)
        for actor_id in (value if many else [value] if value else []):
            if (actor_id, role) not in seen:
                seen.add((actor_id, role))
                rows.append({"event_pk": event_pk, "actor_id": actor_id, "role": role, "document_id": document_id})
    return rows


def statement_row(document_id: str, ord_: int, st: Statement) -> dict[str, Any]:
    ev = st.evidence
    return {"document_id": document_id, "id": st.id, "ord": ord_, "actor": st.actor, "speaker": st.speaker,
            "channel": st.channel, "date": st.date, "evidence_start": ev.start if ev else None,
            "evidence_end": ev.end if ev else None, "evidence_text": ev.text if ev else None}


def point_row(document_id: str, statement_pk: int, ord_: int, point: Point) -> dict[str, Any]:
    return {"statement_pk": statement_pk, "document_id": document_id, "ord": ord_, "text": point.text,
            "start": point.start, "end": point.end, "labels": dumps(list(point.labels)),
            "cues": dumps(list(point.cues)), "targets": dumps(list(point.targets))}


def place_mention(document_id: str, ord_: int, place: Place) -> dict[str, Any]:
    return mention_row(document_id, "place", place.place_id, ord_, place.span, {
        "name": place.name, "country": place.country, "admin1": place.admin1, "latitude": place.latitude,
        "longitude": place.longitude, "geo_precision": place.geo_precision, "kind": place.kind})


def date_mention(document_id: str, ord_: int, date: DateMention) -> dict[str, Any]:
    return mention_row(document_id, "date", None, ord_, date.span, {
        "date": date.date.isoformat() if date.date else None, "time_precision": date.time_precision,
        "end": date.end.isoformat() if date.end else None, "relative": date.relative, "rule": date.rule})


def quantity_mention(document_id: str, ord_: int, q: Quantity) -> dict[str, Any]:
    return mention_row(document_id, "quantity", None, ord_, q.span,
                       {"value": q.value, "qualifier": q.qualifier, "noun": q.noun, "rule": q.rule})


# --- rows -> records --------------------------------------------------------------------------
def actor_record(row: ActorRow, mentions: list[Span]) -> Actor:
    return Actor(id=row.actor_id, name=row.name, type=row.type, aliases=loads_list(row.aliases),
                 country=row.country, acled_name=row.acled_name, mentions=mentions, known=row.known)


def person_record(row: PersonRow, mentions: list[Span]) -> Person:
    return Person(id=row.person_id, name=row.name, role=row.role, actor=row.actor, mentions=mentions,
                  known=row.known)


def relation_record(row: RelationRow) -> Relation:
    return Relation(subject=row.subject, relation=row.relation, object=row.object, source=row.source,  # type: ignore[arg-type]
                    evidence=_span(row.evidence_start, row.evidence_end, row.evidence_text),
                    citation=row.citation, since=row.since, until=row.until)


def event_record(row: Any) -> Event:
    count = None
    if row.count_value is not None and row.count_qualifier is not None:
        count = Count(row.count_value, row.count_qualifier)  # type: ignore[arg-type]
    return Event(
        id=row.id, event_type=row.event_type, sub_event_type=row.sub_event_type,
        evidence=Span(row.evidence_start, row.evidence_end, row.evidence_text), actor1=row.actor1,
        assoc_actor_1=loads_list(row.assoc_actor_1), actor2=row.actor2, assoc_actor_2=loads_list(row.assoc_actor_2),
        country=row.country, admin1=row.admin1, location=row.location, latitude=row.latitude,
        longitude=row.longitude, geo_precision=row.geo_precision, event_date=row.event_date,
        time_precision=row.time_precision, event_month=f"{row.event_month:%Y-%m}" if row.event_month else None,
        fatalities=row.fatalities, count=count,
        status=row.status, salience=row.salience, civilian_targeting=row.civilian_targeting,  # type: ignore[arg-type]
        cameo=row.cameo, plover=row.plover, notes=row.notes, rule=row.rule, coder=row.coder or "",
        confidence=row.confidence, review=row.review)


def statement_record(row: StatementRow, points: list[PointRow]) -> Statement:
    return Statement(id=row.id, actor=row.actor, speaker=row.speaker, channel=row.channel, date=row.date,
                     evidence=_span(row.evidence_start, row.evidence_end, row.evidence_text),
                     points=[Point(text=p.text, start=p.start, end=p.end, labels=loads_list(p.labels),
                                   cues=loads_list(p.cues), targets=loads_list(p.targets), review=p.review)
                                   for p in points])


def place_record(row: MentionRow) -> Place:
    data = json.loads(row.data or "{}")
    return Place(span=Span(row.start, row.end, row.text), name=data.get("name") or row.text,
                 country=data.get("country"), admin1=data.get("admin1"), latitude=data.get("latitude"),
                 longitude=data.get("longitude"), geo_precision=data.get("geo_precision"),
                 kind=data.get("kind") or "populated_place", place_id=row.entity_id)


def date_record(row: MentionRow) -> DateMention:
    data = json.loads(row.data or "{}")
    return DateMention(span=Span(row.start, row.end, row.text), date=_date(data.get("date")),
                       time_precision=data.get("time_precision"), end=_date(data.get("end")),
                       relative=bool(data.get("relative")), rule=data.get("rule") or "")


def quantity_record(row: MentionRow) -> Quantity:
    data = json.loads(row.data or "{}")
    return Quantity(span=Span(row.start, row.end, row.text), value=int(data["value"]),
                    qualifier=data["qualifier"], noun=data.get("noun"), rule=data.get("rule") or "")

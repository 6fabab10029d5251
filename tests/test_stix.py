"""The STIX 2.1 export: object shapes as the specification requires them, deterministic ids,
the mapping of actors, places, documents and event roles, and a bundle built from events the
real pipeline extracted and stored."""
from __future__ import annotations

import datetime as dt
import io
import json
import re
import uuid

import pytest

from conflictdesk.export.stix import (EVENT_TYPE, NAMESPACE, events_to_stix, stix_bundle, stix_id,
                                      timestamp)
from conflictdesk.records import Actor, Count, Event, Span, StoredEvent
from conflictdesk.store import Store

AT = dt.datetime(2024, 3, 20, 12, 30, 5, 123456, tzinfo=dt.timezone.utc)
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
PROPERTY = re.compile(r"^[a-z0-9_]{3,250}$")
SPEC_RELATIONSHIPS = {"attributed-to", "targets", "located-at"}
REF_KEYS = ("created_by_ref", "source_ref", "target_ref")

TEXT = ("Kataib Hezbollah fired two rockets at US forces at Ain al-Asad air base in Anbar on Monday. "
        "Hundreds of protesters rallied in Basra; police dispersed them.")
ACTORS = {
    "kataib-hezbollah": Actor(id="kataib-hezbollah", name="Kataib Hezbollah", type="political_militia",
                              aliases=["KH", "Kataib Hezbollah"], country="Iraq", acled_name="Kataib Hezbollah"),
    "military-forces-of-united-states": Actor(id="military-forces-of-united-states", name="US forces",
                                              type="external_force",
                                              acled_name="Military Forces of the United States (2021-)"),
    "protesters-iraq": Actor(id="protesters-iraq", name="Protesters (Iraq)", type="protesters",
                             acled_name="Protesters (Iraq)"),
    "police-forces-of-iraq": Actor(id="police-forces-of-iraq", name="Iraqi police", type="police"),
}


def span(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span.of(TEXT, start, start + len(needle))


def stored(event: Event, doc: str = "doc-1") -> StoredEvent:
    return StoredEvent(event=event, document_id=doc, source="Gulf Wire", url=f"https://wire.example.org/{doc}",
                       published=dt.date(2024, 3, 12), title="Rockets and protests in Iraq")


ATTACK = stored(Event(
    id="doc-1-e1", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
    evidence=span("Kataib Hezbollah fired two rockets"), actor1="kataib-hezbollah",
    actor2="military-forces-of-united-states", country="Iraq", admin1="Anbar", location="Ain al-Asad air base",
    latitude=33.8, longitude=42.44, geo_precision=2, event_date=dt.date(2024, 3, 11), time_precision=1,
    fatalities=None, count=Count(2, "exactly"), status="claimed", cameo="195", plover="ATTACK",
    notes="On 11 March 2024, Kataib Hezbollah fired two rockets at US forces.", rule="attack.rocket.v1"))
PROTEST = stored(Event(
    id="doc-1-e2", event_type="Protests", sub_event_type="Protest with intervention",
    evidence=span("Hundreds of protesters rallied in Basra"), actor1="protesters-iraq",
    actor2="police-forces-of-iraq", country="Iraq", location="Basra", latitude=30.51, longitude=47.78,
    geo_precision=1, event_date=dt.date(2024, 3, 11), fatalities=0))
UNPLACED = stored(Event(id="e3", event_type="Strategic developments", sub_event_type="Other",
                        evidence=span("police dispersed them"), actor1="unknown-group-x"), doc="doc-2")


def validate(bundle: dict) -> dict[str, dict]:
    """Check the bundle against STIX 2.1's common rules; returns the objects by id."""
    assert bundle["type"] == "bundle" and "spec_version" not in bundle
    assert re.fullmatch(r"bundle--[0-9a-f-]{36}", bundle["id"])
    objects = {o["id"]: o for o in bundle["objects"]}
    assert len(objects) == len(bundle["objects"]), "duplicate ids"
    for obj in bundle["objects"]:
        for key in ("type", "spec_version", "id", "created", "modified"):
            assert key in obj, (key, obj)
        assert obj["spec_version"] == "2.1"
        prefix, _, value = obj["id"].partition("--")
        assert prefix == obj["type"] and str(uuid.UUID(value)) == value
        assert TIMESTAMP.match(obj["created"]) and TIMESTAMP.match(obj["modified"])
        for key, value in obj.items():
            assert key in ("id",) or PROPERTY.match(key), key
            assert value is not None and value != [] and value != "", (key, obj)
        for key in REF_KEYS:
            if key in obj:
                assert obj[key] in objects, (key, obj[key])
        for ref in obj.get("object_refs", []):
            assert ref in objects
        kind = obj["type"]
        if kind == "identity":
            assert obj["name"] and obj["identity_class"] in ("individual", "group", "system", "organization",
                                                             "class", "unknown")
        elif kind == "threat-actor":
            assert obj["name"]
        elif kind == "location":
            assert "country" in obj or ("latitude" in obj and "longitude" in obj) or "region" in obj
            if "country" in obj:
                assert re.fullmatch(r"[A-Z]{2}", obj["country"])
            assert ("latitude" in obj) == ("longitude" in obj)
        elif kind == "report":
            assert obj["name"] and TIMESTAMP.match(obj["published"]) and obj["object_refs"]
            assert obj["report_types"]
        elif kind == "relationship":
            assert obj["relationship_type"] and obj["source_ref"] and obj["target_ref"]
            assert re.fullmatch(r"[a-z][a-z0-9-]*", obj["relationship_type"])
        elif kind == "extension-definition":
            assert obj["created_by_ref"] and obj["name"] and obj["schema"] and obj["version"]
            assert obj["extension_types"] == ["new-sdo"]
        elif kind == EVENT_TYPE:
            (ext_id, ext), = obj["extensions"].items()
            assert objects[ext_id]["type"] == "extension-definition" and ext == {"extension_type": "new-sdo"}
        else:
            pytest.fail(f"unexpected object type {kind}")
    return objects


def by_type(objects: dict[str, dict], kind: str) -> list[dict]:
    return [o for o in objects.values() if o["type"] == kind]


def test_bundle_is_valid_stix_21():
    objects = validate(stix_bundle([ATTACK, PROTEST, UNPLACED], at=AT, actors=ACTORS))
    assert {o["type"] for o in objects.values()} == {"identity", "extension-definition", "threat-actor", "location",
                                                     "report", "relationship", EVENT_TYPE}
    assert all(o["created"] == "2024-03-20T12:30:05.123Z" for o in objects.values())


def test_ids_are_uuid5_in_the_project_namespace_and_deterministic():
    first = stix_bundle([ATTACK, PROTEST], at=AT, actors=ACTORS)
    again = stix_bundle([ATTACK, PROTEST], at=AT + dt.timedelta(days=3), actors=ACTORS)
    assert [o["id"] for o in first["objects"]] == [o["id"] for o in again["objects"]]
    assert first["id"] == again["id"]
    assert stix_id("threat-actor", "kataib-hezbollah") == \
        f"threat-actor--{uuid.uuid5(NAMESPACE, 'threat-actor:kataib-hezbollah')}"
    event = next(o for o in first["objects"] if o["type"] == EVENT_TYPE and o["conflictdesk_event_id"] == "doc-1-e1")
    assert event["id"] == stix_id(EVENT_TYPE, "doc-1:doc-1-e1")
    assert uuid.UUID(event["id"].split("--")[1]).version == 5


def test_actors_map_to_threat_actor_or_identity_without_labels():
    objects = validate(stix_bundle([ATTACK, PROTEST, UNPLACED], at=AT, actors=ACTORS))
    kh = objects[stix_id("threat-actor", "kataib-hezbollah")]
    assert kh["name"] == "Kataib Hezbollah" and kh["aliases"] == ["KH"] and kh["x_acled_inter"] == 3
    assert "threat_actor_types" not in kh
    us = objects[stix_id("identity", "actor:military-forces-of-united-states")]
    assert us["identity_class"] == "organization" and us["x_acled_name"].startswith("Military Forces")
    assert objects[stix_id("identity", "actor:protesters-iraq")]["identity_class"] == "group"
    unknown = objects[stix_id("identity", "actor:unknown-group-x")]
    assert unknown["identity_class"] == "unknown" and unknown["name"] == "unknown-group-x"


def test_event_object_relationships_and_location():
    objects = validate(stix_bundle([ATTACK, PROTEST], at=AT, actors=ACTORS))
    attack = objects[stix_id(EVENT_TYPE, "doc-1:doc-1-e1")]
    assert attack["event_type"] == "Explosions/Remote violence" and attack["status"] == "claimed"
    assert attack["count"] == {"value": 2, "qualifier": "exactly"} and "fatalities" not in attack  # not reported
    assert TEXT[attack["evidence"]["start"]:attack["evidence"]["end"]] == attack["evidence"]["text"]
    relations = {(o["source_ref"], o["relationship_type"], o["target_ref"]) for o in by_type(objects, "relationship")}
    kh, us = stix_id("threat-actor", "kataib-hezbollah"), stix_id("identity", "actor:military-forces-of-united-states")
    assert (attack["id"], "attributed-to", kh) in relations
    assert (attack["id"], "targets", us) in relations
    protest = objects[stix_id(EVENT_TYPE, "doc-1:doc-1-e2")]
    assert protest["fatalities"] == 0
    police = stix_id("identity", "actor:police-forces-of-iraq")
    assert (protest["id"], "involves", police) in relations      # a counterpart, not a target
    assert (protest["id"], "targets", police) not in relations
    place = next(o for o in by_type(objects, "location") if o["name"] == "Ain al-Asad air base")
    assert place["country"] == "IQ" and place["administrative_area"] == "Anbar" and place["latitude"] == 33.8
    assert (attack["id"], "located-at", place["id"]) in relations


def test_report_per_document_refers_to_everything_it_holds():
    objects = validate(stix_bundle([ATTACK, PROTEST, UNPLACED], at=AT, actors=ACTORS))
    reports = {o["x_conflictdesk_document_id"]: o for o in by_type(objects, "report")}
    assert set(reports) == {"doc-1", "doc-2"}
    doc1 = reports["doc-1"]
    assert doc1["published"] == "2024-03-12T00:00:00.000Z" and doc1["report_types"] == ["threat-report"]
    assert doc1["external_references"] == [{"source_name": "Gulf Wire", "url": "https://wire.example.org/doc-1",
                                            "external_id": "doc-1"}]
    refs = set(doc1["object_refs"])
    assert {stix_id(EVENT_TYPE, "doc-1:doc-1-e1"), stix_id(EVENT_TYPE, "doc-1:doc-1-e2"),
            stix_id("threat-actor", "kataib-hezbollah")} <= refs
    assert stix_id(EVENT_TYPE, "doc-2:e3") not in refs
    assert not any(o["type"] == "location" and o["id"] in reports["doc-2"]["object_refs"] for o in objects.values())


def test_events_to_stix_writes_json_and_timestamp_formats():
    out = io.StringIO()
    n = events_to_stix([ATTACK], out, at=AT, actors=ACTORS)
    bundle = json.loads(out.getvalue())
    assert n == len(bundle["objects"]) and validate(bundle)
    assert timestamp(dt.date(2024, 1, 2)) == "2024-01-02T00:00:00.000Z"
    assert timestamp(dt.datetime(2024, 1, 2, 3, 4, 5, 6000)) == "2024-01-02T03:04:05.006Z"
    bare = stix_bundle([ATTACK.event], at=AT)     # a bare Event: no report, ids still stable
    assert not [o for o in bare["objects"] if o["type"] == "report"] and validate(bare)


def test_stix_from_the_real_pipeline(web_articles_db):
    with Store(web_articles_db) as store:
        found = store.list_events()
        ids = sorted({a for s in found for a in (s.event.actor1, s.event.actor2, *s.event.assoc_actor_1,
                                                 *s.event.assoc_actor_2) if a})
        bundle = stix_bundle(found, at=AT, actors=store.actor_directory(ids))
    objects = validate(bundle)
    assert len(by_type(objects, EVENT_TYPE)) == len(found)
    assert len(by_type(objects, "report")) == len({s.document_id for s in found})

"""Stored events as a STIX 2.1 bundle, for threat-intelligence platforms (OpenCTI, MISP, ...).

STIX has no object for a conflict event, so the mapping is (all objects `spec_version` "2.1"):

- **event** -> an `x-conflictdesk-event` object, a new SDO type declared the STIX 2.1 way by an
  `extension-definition` (extension type `new-sdo`, spec section 7.3) shipped in the same
  bundle. It carries the ACLED fields (event_type, sub_event_type, event_date, fatalities,
  status, ...) and its evidence (text and offsets in its document). Platforms that do not know
  the type still get the reports, actors, locations and relationships around it.
- **actor** -> `identity` for states and their forces (`identity_class` "organization") and for
  civilians, protesters and other non-armed groups (`identity_class` "group"); `threat-actor`
  for non-state armed groups (rebels, militias, coalitions, unidentified armed groups). No
  `threat_actor_types` value is asserted: the tool does not label groups.
- **place** -> `location` (name, ISO 3166-1 alpha-2 `country`, `administrative_area`,
  `latitude`/`longitude`); an event whose place has no country and no coordinates gets none.
- **document** -> `report` (`report_types` ["threat-report"]) whose `object_refs` list its
  events and everything they refer to, with the article as an external reference; an incident
  several documents report (store/incidents.collapse) is one event that each of their reports
  refers to.
- **roles** -> `relationship` objects: event `attributed-to` actor1 and its associated actors;
  event `targets` actor2 and associates for political violence (Battles, Explosions/Remote
  violence, Violence against civilians, Riots), `involves` (a custom relationship type) for
  protests and strategic developments, where actor2 is a counterpart (police who intervened,
  a party to an agreement), not a target; event `located-at` location.

Ids are deterministic: UUIDv5 in a fixed project namespace from the object type and the record
id (actor id, `document_id:event_id`, place fields), so exporting the same store twice gives the
same ids and platforms merge rather than duplicate. Timestamps (`created`, `modified`) are the
`at` the caller passes (the export time by default in the CLI). Properties whose value is
unknown are left out, as STIX forbids null values and empty lists.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import uuid
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from ..records import Actor, Event, StoredEvent
from ..taxonomy import POLITICAL_VIOLENCE
from .acled import inter_code
from .rows import as_stored

NAMESPACE = uuid.UUID("b0f08ba6-4dd2-4325-a10d-7bfa1a16b1ec")   # conflictdesk's STIX namespace; never change
SPEC_VERSION = "2.1"
EVENT_TYPE = "x-conflictdesk-event"
EXTENSION_VERSION = "1.1.0"      # 1.1.0: event_month
EXTENSION_SCHEMA = (
    "x-conflictdesk-event: one conflict event coded as ACLED codes them, extracted by conflictdesk from a "
    "document. Properties (each present only when known): name, event_type and sub_event_type (ACLED's "
    "spelling), event_date (YYYY-MM-DD; absent when the text names no day), event_month (YYYY-MM, of an event "
    "told by its month only, time_precision 3), time_precision (1-3), country, admin1, location, latitude, longitude, "
    "geo_precision (1-3), fatalities (integer; absent = not reported), count ({value, qualifier}), status "
    "(reported, claimed, attempted, threatened, planned, negated, hypothetical), salience (main, background), "
    "civilian_targeting (boolean), cameo, plover, notes, evidence ({text, start, end}: offsets into the "
    "document's text), document_id, conflictdesk_event_id, rule (the pattern or model that coded it). "
    "Relationships: attributed-to (actor1 and associates), targets or involves (actor2 and associates), "
    "located-at (location).")
STATE_TYPES = frozenset({"state", "state_forces", "police", "government", "international_force", "external_force"})
ARMED_GROUP_TYPES = frozenset({"rebel_group", "political_militia", "identity_militia", "umbrella_coalition",
                               "unidentified_armed_group"})


def stix_id(object_type: str, key: str) -> str:
    """A deterministic STIX identifier: `object_type--UUIDv5(NAMESPACE, "object_type:key")`."""
    return f"{object_type}--{uuid.uuid5(NAMESPACE, f'{object_type}:{key}')}"


def timestamp(at: dt.datetime | dt.date) -> str:
    """A STIX timestamp (UTC, millisecond precision, "Z")."""
    if not isinstance(at, dt.datetime):
        at = dt.datetime(at.year, at.month, at.day, tzinfo=dt.timezone.utc)
    elif at.tzinfo is None:
        at = at.replace(tzinfo=dt.timezone.utc)
    at = at.astimezone(dt.timezone.utc)
    return at.strftime("%Y-%m-%dT%H:%M:%S.") + f"{at.microsecond // 1000:03d}Z"


@functools.lru_cache(maxsize=512)
def country_code(country: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name, or None."""
    if not country:
        return None
    import pycountry

    try:
        return pycountry.countries.lookup(country).alpha_2
    except LookupError:
        return None


def _clean(obj: dict[str, Any]) -> dict[str, Any]:
    """Drop unknown values: STIX forbids null and empty lists."""
    return {k: v for k, v in obj.items() if v is not None and v != [] and v != ""}


class _Builder:
    def __init__(self, at: dt.datetime, actors: Mapping[str, Actor]) -> None:
        self.stamp = timestamp(at)
        self.actors = actors
        self.objects: dict[str, dict[str, Any]] = {}
        self.tool_id = stix_id("identity", "conflictdesk")
        self.extension_id = stix_id("extension-definition", f"{EVENT_TYPE} {EXTENSION_VERSION}")
        self.add(self._common("identity", self.tool_id, name="conflictdesk", identity_class="system",
                              description="conflictdesk: events extracted from conflict reporting, coded as ACLED "
                                          "codes them, each with its evidence in the source document."))
        self.add(self._common("extension-definition", self.extension_id, created_by_ref=self.tool_id,
                              name="conflictdesk event", description="A conflict event coded as ACLED codes them.",
                              schema=EXTENSION_SCHEMA, version=EXTENSION_VERSION, extension_types=["new-sdo"]))

    def _common(self, object_type: str, object_id: str, **props: Any) -> dict[str, Any]:
        return _clean({"type": object_type, "spec_version": SPEC_VERSION, "id": object_id,
                       "created": self.stamp, "modified": self.stamp, **props})

    def add(self, obj: dict[str, Any]) -> str:
        self.objects.setdefault(obj["id"], obj)
        return obj["id"]

    def actor(self, actor_id: str) -> str:
        known = self.actors.get(actor_id)
        actor_type = known.type if known else "unknown"
        name = known.name if known else actor_id
        extra = {"x_conflictdesk_id": actor_id, "x_conflictdesk_actor_type": actor_type,
                 "x_acled_name": known.acled_name if known else None, "x_acled_inter": inter_code(actor_type)}
        aliases = sorted(set(known.aliases) - {name}) if known else []
        if actor_type in ARMED_GROUP_TYPES:
            object_id = stix_id("threat-actor", actor_id)
            obj = self._common("threat-actor", object_id, created_by_ref=self.tool_id, name=name, aliases=aliases,
                               **extra)
        else:
            object_id = stix_id("identity", f"actor:{actor_id}")
            identity_class = "organization" if actor_type in STATE_TYPES else \
                "unknown" if actor_type == "unknown" else "group"
            obj = self._common("identity", object_id, created_by_ref=self.tool_id, name=name,
                               identity_class=identity_class, **extra)
        return self.add(obj)

    def location(self, ev: Event) -> str | None:
        code = country_code(ev.country)
        located = ev.latitude is not None and ev.longitude is not None
        if code is None and not located:
            return None
        key = "|".join(str(x) for x in (ev.location, ev.admin1, ev.country, ev.latitude, ev.longitude))
        object_id = stix_id("location", key)
        return self.add(self._common(
            "location", object_id, created_by_ref=self.tool_id, name=ev.location or ev.admin1 or ev.country,
            country=code, administrative_area=ev.admin1,
            latitude=ev.latitude if located else None, longitude=ev.longitude if located else None,
            x_acled_geo_precision=ev.geo_precision))

    def relationship(self, source: str, relationship_type: str, target: str, description: str) -> str:
        object_id = stix_id("relationship", f"{source}|{relationship_type}|{target}")
        return self.add(self._common("relationship", object_id, created_by_ref=self.tool_id,
                                     relationship_type=relationship_type, source_ref=source, target_ref=target,
                                     description=description))

    def event(self, stored: StoredEvent) -> list[str]:
        """The event, its actors, location and relationships; returns their ids."""
        ev = stored.event
        key = f"{stored.document_id}:{ev.id}" if stored.document_id else ev.id
        event_id = stix_id(EVENT_TYPE, key)
        self.add(self._common(
            EVENT_TYPE, event_id, created_by_ref=self.tool_id,
            extensions={self.extension_id: {"extension_type": "new-sdo"}},
            name=ev.notes or f"{ev.sub_event_type}" + (f" in {ev.location}" if ev.location else ""),
            event_type=ev.event_type, sub_event_type=ev.sub_event_type,
            event_date=ev.event_date.isoformat() if ev.event_date else None, event_month=ev.event_month,
            time_precision=ev.time_precision, country=ev.country, admin1=ev.admin1, location=ev.location,
            latitude=ev.latitude, longitude=ev.longitude, geo_precision=ev.geo_precision, fatalities=ev.fatalities,
            count={"value": ev.count.value, "qualifier": ev.count.qualifier} if ev.count else None,
            status=ev.status, salience=ev.salience, civilian_targeting=ev.civilian_targeting, cameo=ev.cameo,
            plover=ev.plover, notes=ev.notes,
            evidence={"text": ev.evidence.text, "start": ev.evidence.start, "end": ev.evidence.end},
            document_id=stored.document_id or None, conflictdesk_event_id=ev.id, rule=ev.rule))
        ids = [event_id]
        other_side = "targets" if ev.event_type in POLITICAL_VIOLENCE else "involves"
        for role, relationship_type, members in (("actor1", "attributed-to", [ev.actor1]),
                                                 ("assoc_actor_1", "attributed-to", ev.assoc_actor_1),
                                                 ("actor2", other_side, [ev.actor2]),
                                                 ("assoc_actor_2", other_side, ev.assoc_actor_2)):
            for actor_id in members:
                if actor_id:
                    target = self.actor(actor_id)
                    ids += [target, self.relationship(event_id, relationship_type, target, role)]
        place = self.location(ev)
        if place is not None:
            ids += [place, self.relationship(event_id, "located-at", place, "location")]
        return ids

    def report(self, stored: StoredEvent, refs: list[str]) -> None:
        object_id = stix_id("report", stored.document_id)
        published = timestamp(stored.published) if stored.published else self.stamp
        reference = _clean({"source_name": stored.source or "conflictdesk document", "url": stored.url,
                            "external_id": stored.document_id})
        existing = self.objects.get(object_id)
        if existing is not None:
            existing["object_refs"] = list(dict.fromkeys(existing["object_refs"] + refs))
            return
        self.add(self._common("report", object_id, created_by_ref=self.tool_id,
                              name=stored.title or stored.document_id, published=published,
                              report_types=["threat-report"], object_refs=list(dict.fromkeys(refs)),
                              external_references=[reference], x_conflictdesk_document_id=stored.document_id))


def stix_bundle(rows: Iterable[StoredEvent | Event], *, at: dt.datetime,
                actors: Mapping[str, Actor] | None = None) -> dict[str, Any]:
    """A STIX 2.1 bundle of the events (see the module's docstring for the mapping). `actors`
    gives names and types of actor ids (e.g. `Store.actor_directory`); an id it lacks becomes
    an `identity` of class "unknown" named by the id."""
    builder = _Builder(at, actors or {})
    for item in rows:
        stored = as_stored(item)
        refs = builder.event(stored)
        for report in stored.sources():    # an incident several documents report: each one's report refers to it
            if report.document_id:
                builder.report(report, refs)
    objects = list(builder.objects.values())
    bundle_id = f"bundle--{uuid.uuid5(NAMESPACE, 'bundle:' + '|'.join(sorted(builder.objects)))}"
    return {"type": "bundle", "id": bundle_id, "objects": objects}


def events_to_stix(rows: Iterable[StoredEvent | Event], out: TextIO, *, at: dt.datetime,
                   actors: Mapping[str, Actor] | None = None) -> int:
    """Write the bundle as JSON; returns the number of STIX objects."""
    bundle = stix_bundle(rows, at=at, actors=actors)
    out.write(json.dumps(bundle, ensure_ascii=False, indent=2) + "\n")
    return len(bundle["objects"])

"""Exports as pure functions over records."""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json

from conflictdesk.export import (ACLED_COLUMNS, EXTRA_COLUMNS, AcledActor, acled_row, events_to_acled_csv,
                                 events_to_geojson, events_to_json, geojson_feature_collection)
from conflictdesk.records import Count, Event, Span, StoredEvent

TEXT = "Protesters clashed with police in Sulaymaniyah, leaving dozens injured."
EV = Event(id="d1-e1", event_type="Riots", sub_event_type="Violent demonstration",
           evidence=Span.of(TEXT, 0, 46), actor1="rioters-iraq", actor2="police-of-iraq", country="Iraq",
           admin1="Sulaymaniyah", location="Sulaymaniyah", latitude=35.56, longitude=45.43, geo_precision=1,
           event_date=dt.date(2024, 3, 2), time_precision=1, fatalities=None, count=Count(12, "about"),
           civilian_targeting=False, notes="On 2 March 2024, rioters clashed with police in Sulaymaniyah.")
LOOKUP = {"rioters-iraq": AcledActor("Rioters (Iraq)", 5), "police-of-iraq": AcledActor("Police Forces of Iraq (2022-)", 1)}


def test_acled_row_follows_acled_conventions():
    row = acled_row(StoredEvent(EV, "d1", source="Example Wire", url="https://x.example/1"), actor=LOOKUP.get)
    assert row["actor1"] == "Rioters (Iraq)" and row["actor2"] == "Police Forces of Iraq (2022-)"
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("5", "1", "15")  # lowest code first
    assert row["fatalities"] == "0"          # ACLED: 0 where none are reported
    assert row["civilian_targeting"] == ""
    assert row["event_id_cnty"] == "IRQ-d1-e1" and row["iso"] == "IRQ"
    assert (row["count"], row["count_qualifier"], row["evidence"]) == ("12", "about", EV.evidence.text)


def test_acled_row_without_lookup_or_document():
    sole = Event(id="e9", event_type="Violence against civilians", sub_event_type="Attack",
                 evidence=Span.of(TEXT, 0, 10), actor1="unidentified-armed-group-iraq", civilian_targeting=True,
                 country="Atlantis")
    row = acled_row(sole)
    assert row["actor1"] == "unidentified-armed-group-iraq" and row["interaction"] == ""
    assert row["civilian_targeting"] == "Civilian targeting"
    assert row["event_id_cnty"] == "XXX-e9" and row["iso"] == "" and row["document_id"] == ""
    row = acled_row(sole, actor={"unidentified-armed-group-iraq": AcledActor("Unidentified Armed Group (Iraq)", 3)}.get)
    assert row["interaction"] == "30"        # sole actor: inter1 * 10


def test_csv_header_and_rows():
    out = io.StringIO()
    assert events_to_acled_csv([EV, StoredEvent(EV, "d2")], out, actor=LOOKUP.get) == 2
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == ACLED_COLUMNS + EXTRA_COLUMNS and len(rows) == 3
    plain = io.StringIO()
    events_to_acled_csv([EV], plain, extra_columns=False)
    assert plain.getvalue().splitlines()[0] == ",".join(ACLED_COLUMNS)


def test_geojson_points_are_longitude_latitude():
    unlocated = Event(id="e2", event_type="Battles", sub_event_type="Armed clash", evidence=Span.of(TEXT, 0, 10))
    collection = geojson_feature_collection([EV, unlocated])
    assert [f["geometry"]["coordinates"] for f in collection["features"]] == [[45.43, 35.56]]
    assert len(geojson_feature_collection([EV, unlocated], include_unlocated=True)["features"]) == 2
    out = io.StringIO()
    assert events_to_geojson([EV], out) == 1
    assert json.loads(out.getvalue())["features"][0]["properties"]["sub_event_type"] == "Violent demonstration"


def test_json_and_json_lines():
    out = io.StringIO()
    events_to_json([StoredEvent(EV, "d1", published=dt.date(2024, 3, 3))], out)
    [obj] = json.loads(out.getvalue())
    assert obj["document_id"] == "d1" and obj["published"] == "2024-03-03" and obj["fatalities"] is None
    assert obj["count"] == {"value": 12, "qualifier": "about"}
    lines = io.StringIO()
    events_to_json([EV, EV], lines, lines=True)
    assert [json.loads(line)["id"] for line in lines.getvalue().splitlines()] == ["d1-e1", "d1-e1"]


def test_acled_csv_cells_never_start_a_spreadsheet_formula():
    text = '=HYPERLINK("http://evil.example","click") said the statement; police fired.'
    ev = Event(id="d9-e1", event_type="Riots", sub_event_type="Violent demonstration", evidence=Span.of(text, 0, 40),
               actor1="@rioters", country="Iraq", location="-Sulaymaniyah", latitude=-35.5, longitude=45.43,
               notes="+cmd|' /C calc'!A0")
    out = io.StringIO()
    events_to_acled_csv([StoredEvent(ev, "d9", source="=Example")], out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["evidence"].startswith("'=HYPERLINK") and row["notes"] == "'+cmd|' /C calc'!A0"
    assert row["actor1"] == "'@rioters" and row["location"] == "'-Sulaymaniyah" and row["source"] == "'=Example"
    assert row["latitude"] == "-35.5"          # numbers stay numbers


def test_actor_lookup_reads_the_store(new_db_url):
    from conflictdesk.export import actor_lookup, event_actor_ids
    from conflictdesk.records import Actor, Document, Extraction
    from conflictdesk.store import Store

    doc = Document(id="d1", text=TEXT, origin="test")
    actors = [Actor(id="rioters-iraq", name="Rioters", type="rioters", acled_name="Rioters (Iraq)")]
    with Store(new_db_url("export")) as store:
        store.add_document(doc)
        store.save_extraction(Extraction(document=doc, actors=actors, events=[EV]))
        lookup = actor_lookup(store, [EV])
    assert event_actor_ids([EV]) == ["police-of-iraq", "rioters-iraq"]
    assert lookup("rioters-iraq") == AcledActor("Rioters (Iraq)", 5) and lookup("police-of-iraq") is None


def test_acled_csv_leaves_out_events_that_did_not_take_place() -> None:
    import io

    from conflictdesk.export import events_to_acled_csv
    from conflictdesk.records import Event, Span

    def event(status: str) -> Event:
        return Event(id=f"d-{status}", event_type="Strategic developments", sub_event_type="Arrests",
                     evidence=Span(0, 6, "Police"), status=status)  # type: ignore[arg-type]

    events = [event(s) for s in ("reported", "claimed", "attempted", "threatened", "planned", "negated", "hypothetical")]
    out = io.StringIO()
    assert events_to_acled_csv(events, out) == 3
    assert "d-negated" not in out.getvalue() and "d-claimed" in out.getvalue()
    assert events_to_acled_csv(events, io.StringIO(), occurred_only=False) == 7


def test_an_event_told_by_its_month_only_is_exported_without_a_day():
    from conflictdesk.export.stix import stix_bundle

    month = dataclasses.replace(EV, id="d1-e2", event_date=None, event_month="2024-02", time_precision=3)
    row = acled_row(StoredEvent(month, "d1"), actor=LOOKUP.get)
    # ACLED needs a date; no day is invented: blank, the year and the month kept
    assert (row["event_date"], row["year"], row["time_precision"], row["event_month"]) == ("", "2024", "3", "2024-02")
    assert acled_row(StoredEvent(EV, "d1"), actor=LOOKUP.get)["event_month"] == ""
    out = io.StringIO()
    events_to_json([StoredEvent(month, "d1")], out)
    [record] = json.loads(out.getvalue())
    assert (record["event_date"], record["event_month"], record["time_precision"]) == (None, "2024-02", 3)
    [feature] = geojson_feature_collection([StoredEvent(month, "d1")])["features"]
    assert (feature["properties"]["event_date"], feature["properties"]["event_month"]) == (None, "2024-02")
    bundle = stix_bundle([StoredEvent(month, "d1")], at=dt.datetime(2024, 3, 1, tzinfo=dt.timezone.utc))
    [sdo] = [o for o in bundle["objects"] if o["type"] == "x-conflictdesk-event"]
    assert "event_date" not in sdo and sdo["event_month"] == "2024-02"

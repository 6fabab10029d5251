"""`conflictdesk events`: filters and formats, over extractions stored by hand."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from click.testing import CliRunner

from conflictdesk.cli import main
from conflictdesk.export import ACLED_COLUMNS
from conflictdesk.records import Actor, Document, Event, Extraction, Span
from conflictdesk.store import Store, content_hash

ACTORS = {
    "kataib-hezbollah": Actor(id="kataib-hezbollah", name="Kataib Hezbollah", type="political_militia",
                              country="Iraq", acled_name="Kataib Hezbollah"),
    "united-states": Actor(id="united-states", name="US forces", type="external_force",
                           acled_name="Military Forces of the United States (2021-)"),
    "islamic-resistance-in-iraq": Actor(id="islamic-resistance-in-iraq", name="Islamic Resistance in Iraq",
                                        type="umbrella_coalition", acled_name=None),
    "police-of-iraq": Actor(id="police-of-iraq", name="Iraqi police", type="police",
                            acled_name="Police Forces of Iraq (2022-)"),
    "protesters-iraq": Actor(id="protesters-iraq", name="protesters", type="protesters",
                             acled_name="Protesters (Iraq)"),
}


def stored_doc(store: Store, doc_id: str, text: str, published: dt.date, events: list[tuple], source: str,
               confidence: tuple[float | None, ...] = ()) -> None:
    doc = Document(id=doc_id, text=text, title=text[:40], published=published, source=source,
                   url=f"https://news.example.org/{doc_id}", content_hash=content_hash(text), language="en")
    evs, actor_ids = [], set()
    for i, (phrase, etype, sub, a1, assoc, a2, date, country, loc, lat, lon, deaths, status) in enumerate(events):
        start = text.index(phrase)
        evs.append(Event(id=f"{doc_id}-e{i + 1}", event_type=etype, sub_event_type=sub,
                         evidence=Span.of(text, start, start + len(phrase)), actor1=a1, assoc_actor_1=assoc,
                         actor2=a2, event_date=date, time_precision=1 if date else None, country=country,
                         location=loc, latitude=lat, longitude=lon, geo_precision=1 if lat else None,
                         fatalities=deaths, status=status, notes=f"On {date}, {phrase}.",
                         civilian_targeting=False, confidence=confidence[i] if i < len(confidence) else None))
        actor_ids |= {a for a in (a1, a2, *assoc) if a}
    store.add_document(doc, Extraction(document=doc, actors=[ACTORS[a] for a in sorted(actor_ids)], events=evs))


@pytest.fixture(scope="module")
def db(new_db_url) -> str:
    url = new_db_url("events")
    with Store(url) as store:
        t1 = ("A drone attack killed three US service members at Tower 22 in Jordan on Sunday. "
              "Kataib Hezbollah was blamed for the attack.")
        stored_doc(store, "tower-22", t1, dt.date(2024, 1, 29), [
            ("A drone attack killed three US service members", "Explosions/Remote violence", "Air/drone strike",
             "kataib-hezbollah", ["islamic-resistance-in-iraq"], "united-states", dt.date(2024, 1, 28), "Jordan",
             "Tower 22", 33.32, 38.69, 3, "reported")], source="Example Wire", confidence=(0.9,))
        t2 = ("US forces struck Kataib Hezbollah positions in al-Qaim on Friday, officials said. "
              "Police arrested 14 protesters in Baghdad on Saturday.")
        stored_doc(store, "qaim-strikes", t2, dt.date(2024, 2, 3), [
            ("US forces struck Kataib Hezbollah positions in al-Qaim", "Explosions/Remote violence",
             "Air/drone strike", "united-states", [], "kataib-hezbollah", dt.date(2024, 2, 2), "Iraq", "al-Qaim",
             34.37, 41.09, None, "reported"),
            ("Police arrested 14 protesters in Baghdad", "Strategic developments", "Arrests", "police-of-iraq", [],
             "protesters-iraq", dt.date(2024, 2, 3), "Iraq", "Baghdad", None, None, None, "reported")],
            source="Other Daily", confidence=(0.55, 0.7))
        t3 = "Kataib Hezbollah threatened to attack US bases if the strikes continued."
        stored_doc(store, "kh-threat", t3, dt.date(2024, 2, 5), [
            ("Kataib Hezbollah threatened to attack US bases", "Strategic developments", "Other",
             "kataib-hezbollah", [], "united-states", None, "Iraq", None, None, None, None, "threatened")],
            source="Example Wire")
    return url


def run(db: str, *args: str):
    result = CliRunner().invoke(main, ["--db", db, "events", *args])
    assert result.exit_code == 0, result.output
    return result


def ids(db: str, *args: str) -> list[str]:
    return [e["id"] for e in json.loads(run(db, *args, "--format", "json").stdout)]


def test_events_newest_first_with_document_context(db):
    events = json.loads(run(db, "--format", "json").stdout)
    assert [e["id"] for e in events] == ["kh-threat-e1", "qaim-strikes-e2", "qaim-strikes-e1", "tower-22-e1"]
    assert events[-1]["document_id"] == "tower-22" and events[-1]["source"] == "Example Wire"
    assert events[-1]["evidence"]["text"] == "A drone attack killed three US service members"


def test_events_filters(db):
    assert ids(db, "--actor", "kataib-hezbollah") == ["kh-threat-e1", "qaim-strikes-e1", "tower-22-e1"]
    assert ids(db, "--actor", "islamic-resistance-in-iraq") == ["tower-22-e1"]        # associated actor
    assert ids(db, "--actor", "Protesters (Iraq)") == ["qaim-strikes-e2"]             # by ACLED name
    assert ids(db, "--type", "Strategic developments") == ["kh-threat-e1", "qaim-strikes-e2"]
    assert ids(db, "--type", "Arrests") == ["qaim-strikes-e2"]                        # sub-event type
    assert ids(db, "--country", "jordan") == ["tower-22-e1"]
    assert ids(db, "--since", "2024-02-01", "--until", "2024-02-02") == ["qaim-strikes-e1"]
    assert ids(db, "--since", "2024-02-04") == ["kh-threat-e1"]   # no event date: the publication date
    assert ids(db, "--status", "threatened") == ["kh-threat-e1"]
    assert ids(db, "--actor", "kataib-hezbollah", "--country", "Iraq", "--status", "reported") == ["qaim-strikes-e1"]
    assert ids(db, "--limit", "1") == ["kh-threat-e1"]
    assert "[E120]" in fails(db, "--actor", "nobody")                         # unknown: an error, not an empty list


def test_events_min_confidence(db):
    # tower-22-e1 0.9, qaim-strikes-e2 0.7, qaim-strikes-e1 0.55, kh-threat-e1 none (unscored: left out)
    assert ids(db, "--min-confidence", "0.7") == ["qaim-strikes-e2", "tower-22-e1"]
    assert ids(db, "--min-confidence", "0") == ["qaim-strikes-e2", "qaim-strikes-e1", "tower-22-e1"]
    assert ids(db, "--min-confidence", "1") == []
    assert ids(db, "--min-confidence", "0.5", "--country", "Iraq") == ["qaim-strikes-e2", "qaim-strikes-e1"]
    events = json.loads(run(db, "--min-confidence", "0.8", "--format", "json").stdout)
    assert [(e["id"], e["confidence"]) for e in events] == [("tower-22-e1", 0.9)]       # JSON keeps it
    [feature] = json.loads(run(db, "--min-confidence", "0.8", "--format", "geojson").stdout)["features"]
    assert feature["properties"]["confidence"] == 0.9                                   # GeoJSON too
    header = run(db, "--min-confidence", "0.8", "--format", "csv").stdout.splitlines()[0].split(",")
    assert "confidence" not in header                                                   # ACLED's columns only


@pytest.mark.parametrize("value", ["1.5", "-0.1", "nan", "70%"])
def test_events_min_confidence_out_of_range_is_a_usage_error(db, value):
    result = CliRunner().invoke(main, ["--db", db, "events", "--min-confidence", value])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "Invalid value for '--min-confidence'" in result.stderr and "0 to 1" in result.stderr


def test_events_csv_has_acled_columns_and_names(db):
    rows = list(csv.DictReader(io.StringIO(run(db, "--format", "csv", "--actor", "kataib-hezbollah").stdout)))
    assert tuple(rows[0].keys())[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    tower = next(r for r in rows if r["event_id"] == "tower-22-e1")
    assert tower["actor1"] == "Kataib Hezbollah"
    assert tower["actor2"] == "Military Forces of the United States (2021-)"
    assert tower["assoc_actor_1"] == "Islamic Resistance in Iraq"   # no ACLED name: the stored name
    assert (tower["inter1"], tower["inter2"], tower["interaction"]) == ("3", "8", "38")
    assert (tower["event_date"], tower["year"], tower["time_precision"]) == ("2024-01-28", "2024", "1")
    assert (tower["country"], tower["iso"], tower["location"]) == ("Jordan", "JOR", "Tower 22")
    assert (tower["latitude"], tower["longitude"], tower["fatalities"]) == ("33.32", "38.69", "3")
    assert tower["event_id_cnty"].startswith("JOR") and tower["source"] == "Example Wire"
    assert "kh-threat-e1" not in {r["event_id"] for r in rows}      # a threat is not an ACLED event
    asked = list(csv.DictReader(io.StringIO(run(db, "--format", "csv", "--status", "threatened").stdout)))
    threat = next(r for r in asked if r["event_id"] == "kh-threat-e1")
    assert (threat["fatalities"], threat["status"], threat["event_date"]) == ("0", "threatened", "")


def test_events_geojson_has_located_events_only(db):
    collection = json.loads(run(db, "--format", "geojson").stdout)
    assert collection["type"] == "FeatureCollection"
    features = {f["id"]: f for f in collection["features"]}
    assert set(features) == {"tower-22-e1", "qaim-strikes-e1"}
    assert features["tower-22-e1"]["geometry"] == {"type": "Point", "coordinates": [38.69, 33.32]}
    assert features["tower-22-e1"]["properties"]["document_id"] == "tower-22"


def test_events_table(db):
    out = run(db, "--type", "Arrests").stdout.splitlines()
    assert out[0].split("\t") == ["date", "event", "actors", "location", "fatalities", "status", "document",
                                  "reports"]
    assert out[1].split("\t") == ["2024-02-03", "Arrests", "police-of-iraq / protesters-iraq", "Baghdad, Iraq", "",
                                  "reported", "qaim-strikes", "1"]


def test_events_bad_status_is_a_usage_error(db):
    result = CliRunner().invoke(main, ["--db", db, "events", "--status", "rumoured"])
    assert result.exit_code == 2 and "rumoured" in result.stderr


def fails(db: str, *args: str):
    result = CliRunner().invoke(main, ["--db", db, "events", *args])
    assert result.exit_code == 1 and "Traceback" not in result.output
    return result.stderr


def test_events_actor_by_any_spelling_the_knowledge_base_knows(db):
    want = ["kh-threat-e1", "qaim-strikes-e1", "tower-22-e1"]
    assert ids(db, "--actor", "Kataib Hizballah") == want            # a knowledge-base alias
    assert ids(db, "--actor", "kataeb hezbollah") == want            # case does not matter
    assert ids(db, "--actor", "Kataib Hezbollah") == want            # the stored name


def test_unknown_filter_values_are_errors_with_suggestions(db):
    assert "[E120]" in (err := fails(db, "--country", "Irak")) and "'Iraq'" in err
    assert "[E120]" in (err := fails(db, "--type", "Arests")) and "'Arrests'" in err
    assert "[E120]" in (err := fails(db, "--actor", "Kataeb Hezbolah")) and "Kataeb Hezbollah" in err
    assert ids(db, "--country", "Norway") == []                      # a real country without events: empty, no error


def test_reading_commands_refuse_a_database_that_does_not_exist(tmp_path):
    missing = tmp_path / "typo.sqlite"
    for command in (["events"], ["documents"], ["errors"], ["export", "--format", "json"], ["digest"]):
        result = CliRunner().invoke(main, ["--db", str(missing), *command])
        assert result.exit_code == 1 and "[E203]" in result.stderr, (command, result.output)
    assert not missing.exists()


def test_a_mistyped_command_gets_a_suggestion():
    result = CliRunner().invoke(main, ["evnets"])
    assert result.exit_code == 2 and "Did you mean 'events'?" in result.stderr

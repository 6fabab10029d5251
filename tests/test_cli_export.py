"""`conflictdesk export` through its real entry point, over a store filled by `ingest`."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from click.testing import CliRunner

from conflictdesk.cli import main
from conflictdesk.export import ACLED_COLUMNS
from conflictdesk.store import Store


@pytest.fixture(scope="module")
def db(web_articles_db) -> str:
    return web_articles_db


def run(db: str, *args: str):
    result = CliRunner().invoke(main, ["--db", db, "export", *args])
    assert result.exit_code == 0, result.output
    return result


def stored_events(db: str, **filters):
    with Store(db) as store:
        return store.list_events(**filters)


def test_export_json_to_stdout_matches_the_store(db):
    data = json.loads(run(db, "--format", "json").stdout)
    expected = stored_events(db)
    assert [e["id"] for e in data] == [s.event.id for s in expected]
    assert all(e["document_id"] and e["evidence"]["text"] for e in data)


def test_export_acled_csv_to_file_with_filters(db, tmp_path):
    out = tmp_path / "syria.csv"
    result = run(db, "--format", "acled-csv", "--country", "Syria", "-o", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    expected = stored_events(db, country="Syria")
    assert rows and len(rows) == len(expected)
    assert tuple(rows[0])[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert {r["country"] for r in rows} == {"Syria"} and {r["iso"] for r in rows} == {"SYR"}
    assert f"wrote {len(rows)} event(s) as acled-csv" in result.stderr
    with Store(db) as store:
        sdf = store.actor_directory(["syrian-democratic-forces"])["syrian-democratic-forces"]
    named = [r for r in rows if sdf.acled_name in (r["actor1"], r["actor2"])]   # the ACLED name, not the id
    assert named and named[0]["event_type"] == "Explosions/Remote violence"
    assert not [r for r in rows if "syrian-democratic-forces" in (r["actor1"], r["actor2"])]


def test_export_geojson_located_only(db, tmp_path):
    out = tmp_path / "events.geojson"
    run(db, "--format", "geojson", "-o", str(out), "--since", "2024-03-12")
    collection = json.loads(out.read_text(encoding="utf-8"))
    located = [s for s in stored_events(db, since=dt.date(2024, 3, 12))
               if s.event.latitude is not None]
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == len(located) > 0
    lon, lat = collection["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_export_stix_bundle(db, tmp_path):
    out = tmp_path / "bundle.json"
    run(db, "--format", "stix", "--type", "Protests", "-o", str(out))
    bundle = json.loads(out.read_text(encoding="utf-8"))
    assert bundle["type"] == "bundle"
    events = [o for o in bundle["objects"] if o["type"] == "x-conflictdesk-event"]
    assert len(events) == len(stored_events(db, event_type="Protests")) > 0
    assert {o["event_type"] for o in events} == {"Protests"}
    assert all(o["spec_version"] == "2.1" for o in bundle["objects"])
    again = json.loads(run(db, "--format", "stix", "--type", "Protests").stdout)
    assert [o["id"] for o in again["objects"]] == [o["id"] for o in bundle["objects"]]


def _between(scores: list[float]) -> float:
    """A threshold with stored events on both sides of it (the scores move when the confidence model is retrained)."""
    assert scores and min(scores) < max(scores), "the fixture articles give events of different confidence"
    return round((min(scores) + max(scores)) / 2, 3)


def test_export_min_confidence(db, tmp_path):
    every = stored_events(db)
    floor = _between([s.event.confidence for s in every if s.event.confidence is not None])
    data = json.loads(run(db, "--format", "json", "--mentions", "--min-confidence", str(floor)).stdout)
    expected = stored_events(db, min_confidence=floor)
    assert [e["id"] for e in data] == [s.event.id for s in expected]
    assert 0 < len(data) < len(every)                       # the dev articles' events: some below, some above
    assert all(e["confidence"] is not None and e["confidence"] >= floor for e in data)   # none reviewed here
    out = tmp_path / "confident.csv"
    run(db, "--format", "acled-csv", "--min-confidence", str(floor), "-o", str(out))
    with out.open(encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert tuple(header[:len(ACLED_COLUMNS)]) == ACLED_COLUMNS and "confidence" not in header
    result = CliRunner().invoke(main, ["--db", db, "export", "--min-confidence", "2"])
    assert result.exit_code == 2 and "'--min-confidence'" in result.stderr


def test_export_limit_and_status(db):
    data = json.loads(run(db, "--format", "json", "--limit", "2").stdout)
    assert len(data) == 2
    none = json.loads(run(db, "--format", "json", "--status", "planned").stdout)
    assert none == []


def test_export_errors_are_clean(db, tmp_path):
    result = CliRunner().invoke(main, ["--db", db, "export", "--format", "stix", "-o",
                                       str(tmp_path / "missing-dir" / "x.json")])
    assert result.exit_code == 1 and "[E511] cannot write" in result.output
    assert "Traceback" not in result.output
    bad = CliRunner().invoke(main, ["--db", db, "export", "--format", "xml"])
    assert bad.exit_code == 2 and "acled-csv" in bad.output
    helped = CliRunner().invoke(main, ["export", "--help"])
    assert helped.exit_code == 0 and "STIX 2.1" in helped.output

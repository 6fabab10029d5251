"""`conflictdesk extract` through its real entry point: the contract, and the seed acceptance check."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from conflictdesk.cli import main

REQUIRED = {
    "document": {"id", "title", "published", "source", "url", "language", "text"},
    "actor": {"id", "name", "type", "aliases", "country", "mentions"},
    "person": {"id", "name", "role", "actor", "mentions"},
    "relation": {"subject", "relation", "object", "source", "evidence"},
    "event": {"id", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
              "country", "admin1", "location", "latitude", "longitude", "geo_precision", "event_date",
              "time_precision", "fatalities", "count", "status", "salience", "cameo", "plover", "notes",
              "evidence"},
    "statement": {"id", "actor", "speaker", "channel", "points"},
}


def _extract(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["extract", *args])
    return result.exit_code, result.stdout, result.stderr


def test_seed_has_the_contract_shape_and_exact_offsets(seed_path: Path) -> None:
    code, out, _ = _extract(str(seed_path), "--format", "json")
    assert code == 0
    obj = json.loads(out)
    text = obj["document"]["text"]
    assert REQUIRED["document"] <= set(obj["document"])
    assert obj["document"]["title"].startswith("Kataib Hezbollah Announces")
    assert obj["document"]["language"] == "en"
    assert "Week's Top Stories" not in text and "Editor-In-Chief" not in text
    for key, kind in (("actors", "actor"), ("people", "person"), ("relations", "relation"),
                      ("events", "event"), ("statements", "statement")):
        assert obj[key], key
        for item in obj[key]:
            assert REQUIRED[kind] <= set(item), (kind, set(REQUIRED[kind]) - set(item))
    spans = [m for a in obj["actors"] for m in a["mentions"]] + [e["evidence"] for e in obj["events"]]
    spans += [p for s in obj["statements"] for p in s["points"]]
    assert all(text[s["start"]:s["end"]] == s["text"] for s in spans)
    known = {a["id"] for a in obj["actors"]}
    used = {e[k] for e in obj["events"] for k in ("actor1", "actor2") if e[k]}
    assert used <= known, used - known


def test_seed_passes_the_acceptance_check(seed_path: Path, shared_dir: Path) -> None:
    code, out, _ = _extract(str(seed_path), "--format", "json")
    assert code == 0
    check = subprocess.run([sys.executable, str(shared_dir / "acceptance" / "check_seed.py"), "-"],
                           input=out, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout


def test_jsonl_input_keeps_ids_and_anchors_relative_dates(tmp_path: Path) -> None:
    src = tmp_path / "reports.jsonl"
    lines = [
        {"id": "wire-1", "title": "Drone strike on base", "published": "2024-02-08",
         "text": "A drone struck a US base in eastern Syria on Tuesday, the Pentagon said. No injuries were reported."},
        {"id": "wire-2", "title": "Protest in Basra", "published": "2024-02-09",
         "text": "Hundreds of people protested in Basra on Friday over power cuts, local officials said."},
    ]
    src.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    code, out, _ = _extract(str(src), "--format", "jsonl")
    assert code == 0
    objs = [json.loads(line) for line in out.splitlines()]
    assert [o["document"]["id"] for o in objs] == ["wire-1", "wire-2"]
    dates = {e["event_date"] for e in objs[0]["events"]}
    assert "2024-02-06" in dates  # "on Tuesday" before Thursday 8 February 2024


def test_bad_input_is_reported_and_the_good_document_still_extracted(tmp_path: Path, seed_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    code, out, err = _extract(str(tmp_path / "empty.txt"), str(tmp_path / "blob.txt"), str(seed_path))
    assert code == 0
    assert "E101" in err and "E102" in err
    assert json.loads(out)["document"]["title"].startswith("Kataib Hezbollah")


def test_nothing_readable_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    code, _, err = _extract(str(tmp_path / "empty.txt"))
    assert code != 0 and "no document could be read" in err


def test_jsonl_with_every_document_failing_exits_non_zero(tmp_path: Path) -> None:
    french = tmp_path / "fr.txt"
    french.write_text("Des hommes armés ont attaqué un poste de police à Mossoul lundi, tuant trois agents, "
                      "a déclaré un responsable local. Le groupe a revendiqué l'attaque dans un communiqué.",
                      encoding="utf-8")
    code, out, err = _extract(str(french), "--format", "jsonl")
    assert code == 1 and out == "" and "E106" in err

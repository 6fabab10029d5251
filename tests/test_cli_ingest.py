"""`conflictdesk ingest` through the real entry point, on a real SQLite file."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictdesk.cli import main
from conflictdesk.store import Store

BATCH = Path(__file__).resolve().parent / "fixtures" / "store" / "batch"
SRC = Path(__file__).resolve().parents[1] / "src"
# the CLI in an interpreter where spaCy does not import (as on an install without it)
WITHOUT_SPACY = "import sys; sys.modules['spacy'] = None; from conflictdesk.cli import main; main()"


def run_without_spacy(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(SRC), os.environ.get("PYTHONPATH")) if p)}
    return subprocess.run([sys.executable, "-c", WITHOUT_SPACY, *args], capture_output=True, text=True, env=env,
                          timeout=120)
# stored documents by where they were read from (ids of files without one are content hashes)
GOOD = {"01_ain_al_asad.txt", "02_basra_protest.html", "03_wire.jsonl:1", "03_wire.jsonl:2", "03_wire.jsonl:4"}


@pytest.fixture()
def db(new_db_url) -> str:
    return new_db_url("ingest")


def run(db: str, *args: str, input: str | None = None):  # noqa: A002
    return CliRunner().invoke(main, ["--db", db, *args], input=input)


def summary(result) -> dict:
    return json.loads(result.stdout)


def stored(db: str) -> dict[str, str]:
    """origin (file name, with :line for JSON Lines) -> document id"""
    with Store(db) as store:
        return {Path(d.origin or "").name: d.id for d in store.list_documents(limit=None)}


def stored_ids(db: str) -> set[str]:
    return set(stored(db))


def test_ingest_folder_stores_good_documents_and_records_every_failure(db):
    result = run(db, "ingest", str(BATCH), "--no-extract", "--format", "json")
    assert result.exit_code == 0, result.output
    s = summary(result)
    assert (s["read"], s["ingested"], s["near_duplicates"], s["duplicates"], s["failed"]) == (5, 4, 1, 0, 3)
    assert s["extraction"] is False
    assert stored_ids(db) == GOOD
    # every failure is printed to stderr and recorded in the errors table
    assert "03_wire.jsonl:3" in result.stderr and "04_empty.txt" in result.stderr and "05_scan.txt" in result.stderr
    errors = json.loads(run(db, "errors", "--format", "json").stdout)
    assert sorted(Path(e["origin"]).name for e in errors) == ["03_wire.jsonl:3", "04_empty.txt", "05_scan.txt"]
    assert all(e["code"].startswith("E1") and e["message"] for e in errors)


def test_table_summary_and_reingest_stores_nothing_new(db):
    first = run(db, "ingest", str(BATCH), "--no-extract")
    assert first.exit_code == 0
    assert "ingested 4, duplicates 0, near-duplicates 1, failed 3" in first.stdout
    again = run(db, "ingest", str(BATCH), "--no-extract", "--format", "json")
    assert again.exit_code == 0
    s = summary(again)
    assert (s["ingested"], s["near_duplicates"], s["duplicates"]) == (0, 0, 5)
    assert stored_ids(db) == GOOD


def test_near_duplicate_is_linked_to_the_original(db):
    run(db, "ingest", str(BATCH), "--no-extract")
    shown = json.loads(run(db, "show", "wire-2024-03-tarmiyah-update", "--format", "json").stdout)
    assert shown["document"]["duplicate_of"] == "wire-2024-03-tarmiyah"
    listed = json.loads(run(db, "documents", "--format", "json").stdout)
    assert {d["id"]: d["duplicate_of"] for d in listed}["wire-2024-03-tarmiyah"] is None


def test_strict_stops_at_the_first_failure_and_exits_non_zero(db):
    result = run(db, "ingest", str(BATCH), "--no-extract", "--strict")
    assert result.exit_code == 1
    assert "--strict" in result.stderr and "Traceback" not in result.output
    # what was read before the malformed line is stored; nothing after it
    assert stored_ids(db) == {"01_ain_al_asad.txt", "02_basra_protest.html", "03_wire.jsonl:1", "03_wire.jsonl:2"}


def test_nothing_readable_is_an_error(db, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run(db, "ingest", str(empty), "--no-extract")
    assert result.exit_code == 1
    assert "nothing could be read" in result.stderr
    assert "Traceback" not in result.output


def test_standard_input(db):
    text = ("Militants attacked a police post in Kirkuk province on Friday, killing two officers, "
            "local officials said.\n")
    result = run(db, "ingest", "-", "--no-extract", "--format", "json", input=text)
    assert result.exit_code == 0, result.output
    assert summary(result)["ingested"] == 1
    found = json.loads(run(db, "documents", "--search", "Kirkuk", "--format", "json").stdout)
    assert len(found) == 1


def test_crash_mid_batch_keeps_earlier_documents_and_a_rerun_resumes(db, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    shutil.copytree(BATCH, folder)
    calls = {"n": 0}
    real_add = Store.add_document

    def crashing_add(self, doc, extraction=None):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("simulated crash while storing the third document")
        return real_add(self, doc, extraction)

    monkeypatch.setattr(Store, "add_document", crashing_add)
    crashed = run(db, "ingest", str(folder), "--no-extract")
    assert isinstance(crashed.exception, RuntimeError)
    assert stored_ids(db) == {"01_ain_al_asad.txt", "02_basra_protest.html"}

    monkeypatch.setattr(Store, "add_document", real_add)
    resumed = run(db, "ingest", str(folder), "--no-extract", "--format", "json")
    assert resumed.exit_code == 0, resumed.output
    s = summary(resumed)
    assert (s["duplicates"], s["ingested"], s["near_duplicates"]) == (2, 2, 1)
    assert stored_ids(db) == GOOD


def test_ingest_extracts_by_default_when_extraction_is_available(db):
    result = run(db, "ingest", str(BATCH / "01_ain_al_asad.txt"), "--format", "json")
    assert result.exit_code == 0, result.output
    s = summary(result)
    assert s["extraction"] is True and s["ingested"] == 1
    assert s["extracted"] + s["failed"] == 1
    shown = json.loads(run(db, "show", stored(db)["01_ain_al_asad.txt"], "--format", "json").stdout)
    text = shown["document"]["text"]
    for ev in shown["events"]:
        assert text[ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["text"]
    if s["extracted"]:
        assert shown["actors"], "the article names the Islamic Resistance in Iraq and the Iraqi military"


def test_ingest_without_extraction_available_is_an_error_not_a_store_only_run(tmp_path):
    db = str(tmp_path / "store.sqlite")
    result = run_without_spacy("--db", db, "ingest", str(BATCH / "01_ain_al_asad.txt"))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "[E407] extraction cannot be loaded" in result.stderr and "--no-extract" in result.stderr
    assert "Traceback" not in result.stderr
    assert not Path(db).exists(), "nothing is stored when the extraction asked for cannot run"
    stored_only = run_without_spacy("--db", db, "ingest", str(BATCH / "01_ain_al_asad.txt"), "--no-extract")
    assert stored_only.returncode == 0, stored_only.stderr
    assert stored_ids(f"sqlite:///{db}") == {"01_ain_al_asad.txt"}


def test_documents_stored_without_extraction_are_extracted_by_a_later_ingest(db):
    wire = str(BATCH / "03_wire.jsonl")
    assert summary(run(db, "ingest", wire, "--no-extract", "--format", "json"))["extracted"] == 0
    second = summary(run(db, "ingest", wire, "--format", "json"))
    assert (second["ingested"], second["duplicates"]) == (0, 3)
    assert second["extracted"] + second["failed"] == 3 + 1   # the malformed line fails again
    third = summary(run(db, "ingest", wire, "--format", "json"))
    assert third["extracted"] == 0 and third["duplicates"] == 3  # nothing left to extract


@pytest.mark.parametrize("command", ["ingest", "documents", "show", "errors", "events"])
def test_every_command_has_help(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output and "--help" in result.output

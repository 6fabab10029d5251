"""`conflictdesk documents`, `show` and `errors` through the real entry point."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictdesk.cli import main
from conflictdesk.store import Store

BATCH = Path(__file__).resolve().parent / "fixtures" / "store" / "batch"
CONTRACT_KEYS = {"document", "actors", "people", "relations", "events", "statements"}


@pytest.fixture(scope="module")
def db(new_db_url) -> str:
    url = new_db_url("docs")
    result = CliRunner().invoke(main, ["--db", url, "ingest", str(BATCH), "--no-extract"])
    assert result.exit_code == 0, result.output
    return url


def run(db: str, *args: str):
    return CliRunner().invoke(main, ["--db", db, *args])


def id_of(db: str, origin_name: str) -> str:
    with Store(db) as store:
        return next(d.id for d in store.list_documents(limit=None) if Path(d.origin or "").name == origin_name)


def test_documents_lists_newest_first(db):
    listed = json.loads(run(db, "documents", "--format", "json").stdout)
    assert [Path(d["origin"]).name for d in listed][:2] == ["03_wire.jsonl:4", "03_wire.jsonl:2"]
    assert len(listed) == 5 and all("text" not in d for d in listed)
    assert len(json.loads(run(db, "documents", "--limit", "2", "--format", "json").stdout)) == 2
    table = run(db, "documents")
    assert table.exit_code == 0 and "Turkish strikes hit Qandil mountains" in table.stdout


def test_documents_search_finds_a_word(db):
    found = json.loads(run(db, "documents", "--search", "tyres", "--format", "json").stdout)
    assert [d["title"] for d in found] == ["Hundreds protest power cuts in Basra"]
    stemmed = json.loads(run(db, "documents", "--search", "warplane", "--format", "json").stdout)
    assert [d["id"] for d in stemmed] == ["wire-2024-03-qandil"]
    assert json.loads(run(db, "documents", "--search", "zeppelin", "--format", "json").stdout) == []
    filtered = json.loads(run(db, "documents", "--search", "Tarmiyah", "--source", "Other Daily",
                              "--format", "json").stdout)
    assert [d["id"] for d in filtered] == ["wire-2024-03-tarmiyah-update"]


def test_documents_date_filters(db):
    since = json.loads(run(db, "documents", "--since", "2024-03-11", "--until", "2024-03-31", "--format",
                           "json").stdout)
    assert sorted(d["id"] for d in since) == ["wire-2024-03-qandil", "wire-2024-03-tarmiyah-update"]
    bad = run(db, "documents", "--since", "March")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.stderr


def test_show_prints_contract_json(db):
    doc_id = id_of(db, "01_ain_al_asad.txt")
    result = run(db, "show", doc_id, "--format", "json")
    assert result.exit_code == 0
    shown = json.loads(result.stdout)
    assert CONTRACT_KEYS <= set(shown)
    assert shown["document"]["id"] == doc_id
    assert shown["document"]["title"] == "Rockets target Ain al-Asad air base in western Iraq"
    assert "Two rockets struck inside the perimeter" in shown["document"]["text"]
    assert shown["events"] == []  # stored with --no-extract


def test_show_text(db):
    result = run(db, "show", "wire-2024-03-qandil")   # text is the default
    assert result.exit_code == 0
    assert result.stdout.startswith("Turkish strikes hit Qandil mountains")
    assert "published: 2024-03-13" in result.stdout and "Qandil mountains in northern Iraq" in result.stdout


def test_show_unknown_id_is_a_clean_error(db):
    result = run(db, "show", "no-such-document")
    assert result.exit_code == 1
    assert "[E201]" in result.stderr and "no-such-document" in result.stderr
    assert "Traceback" not in result.output


def test_errors_lists_recorded_failures(db):
    table = run(db, "errors")
    assert table.exit_code == 0
    assert "04_empty.txt" in table.stdout and "E10" in table.stdout
    only_parse = json.loads(run(db, "errors", "--stage", "parse", "--format", "json").stdout)
    assert [Path(e["origin"]).name for e in only_parse] == ["03_wire.jsonl:3"]


def test_unusable_database_is_a_clean_error(tmp_path):
    result = CliRunner().invoke(main, ["--db", f"sqlite:///{tmp_path / 'nope' / 'x.sqlite'}", "documents"])
    assert result.exit_code == 1
    assert "[E203]" in result.stderr and "Traceback" not in result.output     # reading: no such database
    (tmp_path / "file").write_text("not a folder")
    result = CliRunner().invoke(main, ["--db", f"sqlite:///{tmp_path / 'file' / 'x.sqlite'}", "ingest", "-"],
                                input="Some text.")
    assert result.exit_code == 1
    assert "[E200]" in result.stderr and "Traceback" not in result.output     # storing: cannot make it


def test_documents_search_filters_apply_before_the_limit(db):
    # every stored document matches "the"; the filter keeps one, which must not be lost to --limit
    everything = json.loads(run(db, "documents", "--search", "the", "--format", "json").stdout)
    filtered = json.loads(run(db, "documents", "--search", "the", "--source", "Other Daily", "--limit", "1",
                              "--format", "json").stdout)
    assert len(everything) > 1
    assert [d["source"] for d in filtered] == ["Other Daily"]


def test_an_impossible_date_is_named_as_such(db):
    bad = run(db, "documents", "--since", "2024-02-31")
    assert bad.exit_code == 2 and "is not a valid date" in bad.stderr

"""`conflictdesk kb ...` through the real entry point, on the shipped knowledge base (plus user
folders), and the harvest of unknown names from ACLED-like exports."""
from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictdesk.cli import main
from conflictdesk.knowledge import KnowledgeBase, load_knowledge_base
from conflictdesk.knowledge.harvest import harvest_unknown_actors
from conflictdesk.knowledge.loader import load_entries

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "kb"


@pytest.fixture(autouse=True, scope="module")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CONFLICTDESK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        mp.delenv("CONFLICTDESK_KB", raising=False)
        yield


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_check_passes_on_the_shipped_kb() -> None:
    code, out, err = run("kb", "check")
    assert code == 0, err
    assert out.startswith("OK: ") and " actors, " in out and " people, " in out and " places, " in out


def test_check_lists_problems_of_a_user_folder(tmp_path: Path) -> None:
    bad = tmp_path / "actors" / "mine.yaml"
    bad.parent.mkdir()
    bad.write_text(textwrap.dedent("""\
        - id: kataib-hezbollah
          relations:
            - {type: member_of, object: no-such-coalition, source: "https://example.org/x"}
        - id: new-group
          name: New Group
          type: rebel_group
          since: 2024-02-30
          source: "https://example.org/x"
        """), encoding="utf-8")
    code, out, err = run("--kb", str(tmp_path), "kb", "check")
    assert code == 1
    assert f"{bad}:3: kataib-hezbollah: relations: member_of refers to unknown actor id 'no-such-coalition'" in err
    assert f"{bad}:7: new-group: since: date '2024-02-30' does not parse (no such day)" in err
    assert "[E300]" not in out


def test_show_kataib_hezbollah_with_sources() -> None:
    code, out, err = run("kb", "show", "kataib-hezbollah")
    assert code == 0, err
    assert "Kataib Hezbollah" in out and "political_militia" in out
    relations = out.split("Relations:")[1]
    assert "member_of Islamic Resistance in Iraq (islamic-resistance-in-iraq)" in relations
    assert "backed_by" in relations and "source: https://" in relations
    assert "Abu Hussein al-Hamidawi" in out and "Secretary-General" in out

    code, out, _ = run("kb", "show", "kataib-hezbollah", "--format", "json")
    profile = json.loads(out)
    assert profile["id"] == "kataib-hezbollah" and profile["entry_type"] == "actor"
    assert all(r["source"] for r in profile["relations"])
    assert any(r["type"] == "member_of" and r["object"] == "islamic-resistance-in-iraq" for r in profile["relations"])
    assert any(p["person"] == "abu-hussein-al-hamidawi" for p in profile["people"])


def test_show_unknown_id_fails_with_suggestions() -> None:
    code, _, err = run("kb", "show", "kataib-hezbolah")
    assert code == 1 and "[E201]" in err and "kataib-hezbollah" in err


def test_search_and_stats() -> None:
    code, out, _ = run("kb", "search", "Kataib Hizbollah", "--format", "json")
    assert code == 0 and json.loads(out)[0]["id"] == "kataib-hezbollah"
    code, out, _ = run("kb", "stats", "--format", "json")
    figures = json.loads(out)
    assert code == 0 and figures["actors"] > 100 and figures["share_with_source"] == 1.0
    assert figures["by_type"]["state"] > 100
    code, out, _ = run("kb", "stats")
    assert code == 0 and "actors by type:" in out


def test_user_folder_through_the_cli(tmp_path: Path) -> None:
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "local.yaml").write_text(textwrap.dedent("""\
        - id: saraya-awliya-al-dam
          name: Saraya Awliya al-Dam
          type: political_militia
          inter: 3
          country: Iraq
          relations:
            - {type: backed_by, object: iran, since: 2019, source: "Long War Journal, 2021-04-14"}
          source: "https://www.washingtoninstitute.org/policy-analysis/profile-saraya-awliya-al-dam"
        """), encoding="utf-8")
    code, out, err = run("--kb", str(tmp_path), "kb", "show", "saraya-awliya-al-dam")
    assert code == 0, err
    assert "backed_by Iran (iran) [2019 to present]  source: Long War Journal, 2021-04-14" in out


def test_harvest_on_the_fixture_kb() -> None:
    kb = KnowledgeBase(load_entries([FIXTURES / "base"]))
    rows = harvest_unknown_actors(FIXTURES / "acled" / "sample_export.csv", kb, suggest=False)
    assert [(r.name, r.count) for r in rows] == [
        ("Harakat Hezbollah al-Nujaba", 3),
        ("Military Forces of the United States (2021-)", 3),
        ("Kataib Sayyid al-Shuhada", 2),
        ("Protesters (Iraq)", 1),
        ("Unidentified Armed Group (Iraq)", 1),
    ]
    assert rows[0].columns == ("actor2", "assoc_actor_2")
    rows = harvest_unknown_actors(FIXTURES / "acled" / "upper_case_export.csv", kb, suggest=False)
    assert [(r.name, r.count, r.columns) for r in rows] == [
        ("Islamic State (Iraq)", 2, ("actor1",)), ("Popular Mobilization Forces", 1, ("ally_actor_2",))]


def test_harvest_cli(tmp_path: Path) -> None:
    code, out, err = run("kb", "harvest", str(FIXTURES / "acled" / "sample_export.csv"), "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    names = [r["name"] for r in rows]
    assert "Kataib Hezbollah" not in names and "Civilians (Iraq)" not in names   # known to the shipped KB
    assert "Military Forces of Iraq (2018-)" not in names
    counts = [int(r["count"]) for r in rows]
    assert counts == sorted(counts, reverse=True)
    code, out, _ = run("kb", "harvest", str(FIXTURES / "acled" / "sample_export.csv"), "--no-suggest")
    assert code == 0 and ("unrecognised names" in out or "every actor name" in out)

    not_acled = tmp_path / "other.csv"
    not_acled.write_text("title,text\nA,B\n", encoding="utf-8")
    code, _, err = run("kb", "harvest", str(not_acled))
    assert code == 1 and "[E105]" in err and "no ACLED actor columns" in err


def test_memoised_and_cached(tmp_path: Path) -> None:
    first = load_knowledge_base()
    assert load_knowledge_base() is first
    from conflictdesk.knowledge import _MEMO
    _MEMO.clear()
    again = load_knowledge_base()       # from the on-disk cache this time
    assert again is not first and again.key == first.key
    assert again.match("Kataib Hezbollah") == first.match("Kataib Hezbollah")

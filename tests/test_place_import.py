"""User gazetteers: `conflictdesk kb import-places` from a GeoNames dump or an ACLED export, and
the gazetteer indexing the imported files of every --kb folder. The fixture lines are written by
the project (invented villages at realistic positions), never copied from GeoNames or ACLED."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictdesk.cli import main
from conflictdesk.errors import KnowledgeBaseError
from conflictdesk.extract.places import resolve_places
from conflictdesk.knowledge import load_knowledge_base
from conflictdesk.knowledge.gazetteer import Gazetteer, default_cache_dir, distance_km, user_cache, user_cache_key
from conflictdesk.knowledge.place_files import COLUMNS, imported_place_files, read_places, write_places
from conflictdesk.knowledge.place_import import acled_places
from conflictdesk.records import Document

# GeoNames dump format: geonameid, name, asciiname, alternatenames, lat, lon, feature class, feature
# code, country code, cc2, admin1, admin2, admin3, admin4, population, elevation, dem, timezone, date.
GEONAMES_LINES = [
    ["9900001", "Muhafazat Idlib", "Muhafazat Idlib", "Idlib Governorate,Idleb,إدلب", "35.75", "36.60", "A", "ADM1",
     "SY", "", "09", "", "", "", "1500000", "", "300", "Asia/Damascus", "2024-01-10"],
    ["9900002", "Kafr Zaytun al Gharbi", "Kafr Zaytun al Gharbi",
     "Kafr Zeitoun al-Gharbi,كفر زيتون الغربي",
     "35.7012", "36.5431", "P", "PPL", "SY", "", "09", "", "", "", "2300", "", "410", "Asia/Damascus", "2024-01-10"],
    ["9900003", "Tall Sunduq", "Tall Sunduq", "Tell Sendouk", "35.8120", "36.7110", "P", "PPLX", "SY", "", "09", "",
     "", "", "0", "", "380", "Asia/Damascus", "2024-01-10"],
    ["9900004", "Matar Abu Qasr al Askari", "Matar Abu Qasr al Askari", "Abu Qasr Airbase", "35.6600", "36.9000",
     "S", "AIRB", "SY", "", "09", "", "", "", "0", "", "350", "Asia/Damascus", "2024-01-10"],
    ["9900005", "Nahr Sunduq", "Nahr Sunduq", "", "35.8000", "36.7000", "H", "STM", "SY", "", "09", "", "", "",
     "0", "", "300", "Asia/Damascus", "2024-01-10"],
    ["9900006", "Qaryat Hadidah", "Qaryat Hadidah", "Hadida", "32.1000", "36.3000", "P", "PPL", "JO", "", "02", "",
     "", "", "900", "", "700", "Asia/Amman", "2024-01-10"],
]
ACLED_HEADER = ("event_id_cnty,event_date,event_type,actor1,country,admin1,admin2,admin3,location,latitude,longitude,"
                "geo_precision,source,notes,fatalities")
ACLED_LINES = [
    'SYR90001,02-Feb-18,Remote violence,Military Forces of Syria (2000-),Syria,Dar\'a,Dar\'a,Ash Shajara,Hit,'
    '32.7530,35.9130,1,Local Coordination Committees,"Regime forces shelled Hit in western Dar\'a.",0',
    'SYR90002,03-Feb-18,Remote violence,Military Forces of Syria (2000-),Syria,Dar\'a,Dar\'a,Ash Shajara,Hit,'
    '32.7530,35.9130,1,Local Coordination Committees,"Shelling on Hit again.",0',
    'SYR90003,03-Feb-18,Remote violence,Military Forces of Syria (2000-),Syria,Dar\'a,Dar\'a,Ash Shajara,Hit,'
    '32.7610,35.9200,2,Local Coordination Committees,"Shelling near Hit.",0',
    'SYR90004,04-Feb-18,Battle-No change of territory,Military Forces of Turkey (2016-),Syria,Aleppo,Afrin,'
    'Sharan,Bedina - Baadinli,36.6200,36.7300,1,Anadolu Agency,"Clashes in Bedina village.",0',
    'SYR90005,05-Feb-18,Remote violence,Unidentified Armed Group (Syria),Syria,Damascus,Damascus,Damascus,'
    'Damascus - Jobar,33.5240,36.3320,1,SANA,"Shells fell on Jobar.",0',
    'SYR90006,05-Feb-18,Remote violence,Unidentified Armed Group (Syria),Syria,Damascus,Damascus,Damascus,'
    'Damascus - Barzeh,33.5500,36.3250,1,SANA,"Shells fell on Barzeh.",0',
    'YEM90007,06-Feb-18,Remote violence,Operation Restoring Hope,Yemen,Sadah,Ghamr,,Wadi Sirar,17.0300,43.2600,1,'
    'Yemen News Agency (SABA),"An airstrike hit Wadi Sirar area of Ghamr district.",0',
]


def _dump(tmp_path: Path) -> Path:
    path = tmp_path / "SY.txt"
    path.write_text("".join("\t".join(f) + "\n" for f in GEONAMES_LINES), encoding="utf-8")
    return path


def _export(tmp_path: Path) -> Path:
    path = tmp_path / "acled-export.csv"
    path.write_text(ACLED_HEADER + "\n" + "\n".join(ACLED_LINES) + "\n", encoding="utf-8")
    return path


def _invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_import_geonames_dump_through_the_cli(tmp_path):
    kb_dir = tmp_path / "kb"
    result = _invoke("kb", "import-places", str(_dump(tmp_path)), "--out", str(kb_dir), "--country", "sy", "--format", "json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    path = Path(summary["path"])
    assert path == kb_dir / "places" / "imported-SY.tsv" and summary["format"] == "geonames"
    source, places = read_places(path)
    assert source.startswith("GeoNames dump SY.txt (user-supplied")
    by_id = {p.id: p for p in places}
    # the Jordanian village (--country SY) and the stream (feature class H, code STM) are left out
    assert set(by_id) == {"geonames:9900001", "geonames:9900002", "geonames:9900003", "geonames:9900004"}
    village = by_id["geonames:9900002"]
    assert (village.kind, village.geo_precision, village.country_code, village.population) == \
        ("populated_place", 1, "SY", 2300)
    assert village.admin1 == "Muhafazat Idlib"                      # from the ADM1 line's code 09
    assert "Kafr Zeitoun al-Gharbi" in village.aliases
    assert not any("\u0600" <= ch <= "\u06ff" for a in village.aliases for ch in a)   # Latin names only
    assert by_id["geonames:9900004"].kind == "military_base"
    assert (by_id["geonames:9900001"].kind, by_id["geonames:9900001"].geo_precision) == ("admin1", 3)
    assert summary["places"] == 4 and path.read_text(encoding="utf-8").splitlines()[2].split("\t") == list(COLUMNS)


def test_import_geonames_zip(tmp_path):
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(_dump(tmp_path), "SY.txt")
        zf.writestr("readme.txt", "GeoNames readme")
    result = _invoke("kb", "import-places", str(archive), "--out", str(tmp_path / "kb"), "--feature-class", "P")
    assert result.exit_code == 0, result.output
    _, places = read_places(tmp_path / "kb" / "places" / "imported-SY.tsv")
    assert {p.id for p in places} == {"geonames:9900002", "geonames:9900003", "geonames:9900006"}


def test_import_acled_export_through_the_cli(tmp_path):
    result = _invoke("kb", "import-places", str(_export(tmp_path)), "--out", str(tmp_path / "kb"))
    assert result.exit_code == 0, result.output
    assert "5 places from acled-export.csv (acled)" in result.output
    source, places = read_places(tmp_path / "kb" / "places" / "imported-acled-export.tsv")
    assert source == "ACLED export acled-export.csv (user-supplied), location as coded by ACLED"
    by_name = {p.name: p for p in places}
    hit = by_name["Hit"]
    # the most frequent coordinates of the location (two rows of three)
    assert (hit.country_code, hit.admin1, hit.admin2, hit.latitude, hit.longitude) == ("SY", "Dar'a", "Dar'a",
                                                                                     32.753, 35.913)
    assert by_name["Jobar"].aliases == ("Damascus - Jobar",)        # city - quarter: not indexed as "Damascus"
    assert set(by_name["Baadinli"].aliases) == {"Bedina - Baadinli", "Bedina"}   # two names of one village
    assert by_name["Wadi Sirar"].country_code == "YE"


def test_import_errors_are_explicit(tmp_path):
    bad = tmp_path / "notes.csv"
    bad.write_text("title,text\nA,B\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["kb", "import-places", str(bad), "--out", str(tmp_path / "kb")])
    assert result.exit_code == 1 and "E330" in result.output
    result = CliRunner().invoke(main, ["kb", "import-places", str(_export(tmp_path))])
    assert result.exit_code == 2 and "--out" in result.output
    # --format is the summary's format; the source's format is --source-format
    result = CliRunner().invoke(main, ["kb", "import-places", str(bad), "--out", str(tmp_path / "kb"),
                                       "--format", "geonames"])
    assert result.exit_code == 2 and "'geonames' is not one of 'table', 'json'" in result.output
    result = CliRunner().invoke(main, ["kb", "import-places", str(bad), "--out", str(tmp_path / "kb"),
                                       "--source-format", "geonames"])
    assert result.exit_code == 1 and "E330" in result.output
    result = CliRunner().invoke(main, ["kb", "import-places", str(_export(tmp_path)), "--out", str(tmp_path / "k"),
                                       "--country", "IQ"])
    assert result.exit_code == 1 and "no places to import" in result.output


def test_a_bad_imported_file_lists_every_problem_with_its_line(tmp_path):
    path = tmp_path / "places" / "imported-bad.tsv"
    path.parent.mkdir()
    path.write_text("\t".join(COLUMNS) + "\n"
                    "x:1\tSomewhere\t\tSY\t\t\tnorth\t36.0\tpopulated_place\t0\t1\n"
                    "x:2\tElsewhere\t\tSY\t\t\t35.0\t36.0\tpopulated_place\t0\t7\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as err:
        read_places(path)
    problems = "\n".join(err.value.problems)
    assert f"{path}:2:" in problems and f"{path}:3:" in problems and "source" in problems


@pytest.fixture(scope="module")
def user_kb(tmp_path_factory):
    folder = tmp_path_factory.mktemp("user-kb")
    export = folder / "export.csv"
    export.write_text(ACLED_HEADER + "\n" + "\n".join(ACLED_LINES) + "\n", encoding="utf-8")
    write_places(folder / "places" / "imported-export.tsv",
                 acled_places(_rows(export)), source="ACLED export export.csv (user-supplied), location as coded "
                                                     "by ACLED")
    dump = _dump(folder)
    assert _invoke("kb", "import-places", str(dump), "--out", str(folder)).exit_code == 0
    return load_knowledge_base([folder])


def _rows(path: Path):
    from conflictdesk.knowledge.place_import import read_acled_rows
    return list(read_acled_rows(path))


def test_knowledge_base_gazetteer_indexes_imported_files(user_kb):
    gaz = user_kb.gazetteer
    assert [p.name for p in gaz.imported_files] == ["imported-SY.tsv", "imported-export.tsv"]
    village = gaz.resolve("Kafr Zeitoun al-Gharbi", countries=["Syria"])
    assert village.imported and village.place_id == "geonames:9900002"
    assert village.source.startswith("GeoNames dump SY.txt")
    # "Hit": the Syrian village of the user's export in a Syrian context, the Iraqi town otherwise
    syrian = gaz.resolve("Hit", countries=["Syria"])
    assert syrian.country == "Syria" and syrian.source.startswith("ACLED export export.csv")
    assert gaz.resolve("Hit", countries=["Iraq"]).country == "Iraq"
    assert gaz.resolve("Hit", admin1="Daraa").country == "Syria"


def test_places_stage_uses_the_user_gazetteer(user_kb, nlp):
    text = ("Regime forces shelled Hit (Dar'a) and Tell Sendouk village in the Idleb countryside, while "
            "Turkish forces shelled Bedina village in northwest Afrin, Aleppo.")
    places = {p.span.text: p for p in resolve_places(Document(id="u", text=text), nlp(text), kb=user_kb)}
    assert places["Hit"].country == "Syria" and distance_km(places["Hit"].latitude, places["Hit"].longitude,
                                                           32.753, 35.913) < 1
    assert places["Tell Sendouk"].place_id == "geonames:9900003"
    assert places["Bedina"].name == "Baadinli"


def test_user_layer_cache_is_keyed_by_file_content(tmp_path):
    folder = tmp_path / "kb"
    _invoke("kb", "import-places", str(_export(tmp_path)), "--out", str(folder))
    files = imported_place_files([folder, tmp_path / "missing"])
    key = user_cache_key(files)
    user_cache(default_cache_dir()).path(key).unlink(missing_ok=True)   # from an earlier run
    first = Gazetteer((), imported=files)          # the shared base index; this layer is new (tmp content)
    again = Gazetteer((), imported=files)
    assert (first.imported_cache_hit, again.imported_cache_hit) == (False, True)
    assert user_cache(default_cache_dir()).path(key).is_file()
    files[0].write_text(files[0].read_text(encoding="utf-8").replace("Wadi Sirar", "Wadi Sirr"), encoding="utf-8")
    changed_key = user_cache_key(files)
    assert changed_key != key
    user_cache(default_cache_dir()).path(changed_key).unlink(missing_ok=True)
    changed = Gazetteer((), imported=files)
    assert not changed.imported_cache_hit and changed.resolve("Wadi Sirr", countries=["Yemen"]).imported


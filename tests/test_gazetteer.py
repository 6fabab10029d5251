"""The gazetteer: names -> places, curated places first, ambiguity settled by context."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conflictdesk.config import DATA_DIR
from conflictdesk.knowledge.gazetteer import Gazetteer, cache_key, distance_km, fold, name_key, skeleton
from conflictdesk.knowledge.place_files import shipped_curated
from conflictdesk.knowledge.schema import PlaceEntry


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer(shipped_curated())


def near(place, lat: float, lon: float, km: float) -> bool:
    return place is not None and distance_km(place.latitude, place.longitude, lat, lon) <= km


def test_names_fold_articles_and_transliterations():
    assert fold("Ḩamāh") == "hamah"
    assert name_key("Deir ez-Zor") == name_key("Deir ez Zor") == name_key("Deir al-Zor") == "deir zor"
    assert name_key("al-Mayadin") == name_key("Al Mayadin") == name_key("Mayadin")
    assert skeleton(name_key("Dayr az Zawr")) == skeleton(name_key("Deir ez-Zor"))
    assert name_key("") == ""


def test_seed_places(gaz):
    assert near(gaz.resolve("Tehran"), 35.69, 51.39, 40)
    for name in ("Tower 22", "T-22", "Tower-22"):
        t22 = gaz.resolve(name)
        assert t22.place_id == "kb:tower-22" and near(t22, 33.32, 38.70, 5), name
        assert t22.country == "Jordan" and t22.geo_precision == 1


@pytest.mark.parametrize("name, expected, iso3", [
    ("Jordan", "Jordan", "JOR"), ("Iraq", "Iraq", "IRQ"), ("Syria", "Syria", "SYR"),
    ("Syrian Arab Republic", "Syria", "SYR"), ("Iran", "Iran", "IRN"), ("Palestine", "Palestine", "PSE"),
    ("Turkey", "Turkey", "TUR"), ("Russia", "Russia", "RUS"), ("United States", "United States", "USA"),
    ("Yemen", "Yemen", "YEM"), ("The Netherlands", "Netherlands", "NLD")])
def test_countries_spelled_as_acled_spells_them(gaz, name, expected, iso3):
    place = gaz.resolve(name)
    assert (place.kind, place.country, place.geo_precision, place.place_id) == ("country", expected, 3,
                                                                               f"country:{iso3}")


def test_a_town_takes_the_country_as_acled_names_it(gaz):
    # the name generic actors and the state's forces are keyed by ("Civilians (Netherlands)")
    assert gaz.resolve("Rotterdam").country == "Netherlands"


def test_country_position_lies_inside_the_country(gaz):
    assert near(gaz.country("Jordan"), 31.3, 36.4, 150)
    assert near(gaz.country("Iraq"), 33.3, 44.0, 300)


def test_same_name_resolved_by_document_country(gaz):
    assert gaz.resolve("Tripoli", countries=["Libya"]).country == "Libya"
    assert gaz.resolve("Tripoli", countries=["Lebanon"]).country == "Lebanon"
    assert gaz.resolve("Tripoli", countries=["LB"]).country == "Lebanon"


def test_same_name_resolved_by_nearby_places(gaz):
    beirut = gaz.resolve("Beirut")
    assert gaz.resolve("Tripoli", near=[beirut]).country == "Lebanon"
    assert gaz.resolve("Tripoli", near=[(32.1, 20.1)]).country == "Libya"   # Benghazi


def test_admin1_regions_with_acled_spellings(gaz):
    idlib = gaz.resolve("Idleb", prefer="admin1")
    assert (idlib.kind, idlib.country, idlib.geo_precision) == ("admin1", "Syria", 3)
    rural = gaz.admin1("Rural Damascus")
    assert rural is not None and rural.country == "Syria" and near(rural, 33.5, 36.5, 80)
    assert gaz.admin1("Babylon", country="Iraq").country == "Iraq"


def test_states_whose_names_fold_to_no_consonants_stay_apart(gaz):
    """Ohio, Iowa and Hawaii share an empty consonant skeleton; each is still its own state."""
    for name in ("Ohio", "Iowa", "Hawaii"):
        region = gaz.admin1(name, country="United States")
        assert (region.kind, region.name) == ("admin1", name)


def test_admin1_hint_picks_the_place_in_that_region(gaz):
    tafas = gaz.resolve("Tafas", admin1="Daraa")
    assert tafas.country == "Syria" and near(tafas, 32.74, 36.07, 10)


def test_transliteration_variants_need_context(gaz):
    assert near(gaz.resolve("Khan Shaykun", countries=["Syria"]), 35.44, 36.65, 10)
    assert gaz.resolve("Xqzvbnmw") is None


def test_curated_entries_as_dicts_and_objects_and_curated_first():
    class Entry:
        id, name, aliases, kind = "test-base", "Camp Example", ["Example base", "Tehran"], "military_base"
        country, admin1, latitude, longitude, geo_precision, source = "Iran", None, 30.0, 50.0, 1, "https://example.org"

    g = Gazetteer([{"id": "dict-base", "name": "Dict Base", "aliases": [], "kind": "military_base",
                    "country": "Iraq", "admin1": None, "latitude": 33.0, "longitude": 44.0, "geo_precision": 1,
                    "source": "https://example.org"}, Entry()])
    assert g.resolve("Dict Base").place_id == "kb:dict-base"
    assert g.resolve("Example base").country == "Iran"
    assert g.resolve("Tehran").place_id == "kb:test-base"     # curated first


def test_index_is_cached_by_content_key(gaz):
    key = cache_key()
    assert re.fullmatch(r"[0-9a-f]{64}", key) and key == cache_key()
    again = Gazetteer(())                      # the module fixture built or loaded the same cache
    assert again.cache_hit and len(again) == len(gaz) - len(gaz.curated)


def test_cache_is_written_and_a_corrupt_one_rebuilt(tmp_path, monkeypatch):
    from conflictdesk.knowledge import gazetteer as module

    calls = []
    tiny = {"rows": [("geonames:1", "Testville", "IQ", "Baghdad", "", 33.0, 44.0, "populated_place", 5000, 1)],
            "keys": {"testville": 0}, "skels": {}, "admin_hints": {}, "countries": {}}
    monkeypatch.setattr(module, "build_index", lambda: calls.append(1) or tiny)
    first, hit = module._load_or_build(tmp_path, use_cache=True)
    again, hit_again = module._load_or_build(tmp_path, use_cache=True)
    assert (hit, hit_again, len(calls)) == (False, True, 1) and again == first
    module.index_cache(tmp_path).path(module.cache_key()).write_bytes(b"not marshal")
    rebuilt, hit = module._load_or_build(tmp_path, use_cache=True)
    assert not hit and len(calls) == 2 and rebuilt["keys"] == {"testville": 0}


def _curated_files() -> list[Path]:
    return sorted((DATA_DIR / "places").glob("*.yaml"))


def test_curated_places_are_valid_sourced_and_unique():
    ids: set[str] = set()
    count = 0
    for path in _curated_files():
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")):
            entry = PlaceEntry.model_validate(raw)
            assert entry.id not in ids, f"{path.name}: duplicate id {entry.id}"
            ids.add(entry.id)
            assert entry.source.startswith("https://"), entry.id
            assert 1 <= entry.geo_precision <= 3
            count += 1
    assert 80 <= count <= 200


def test_curated_places_lie_in_their_country(gaz):
    for place in gaz.curated.values():
        if place.country_code and place.kind not in ("sea", "strait", "region", "waterway"):
            centre = gaz.country(place.country_code)
            assert distance_km(place.latitude, place.longitude, centre.latitude, centre.longitude) < 1200, place


def test_place_names_are_ascii_and_admin1_names_are_acleds(gaz):
    from conflictdesk.knowledge.gazetteer import ascii_name
    assert ascii_name("En Nâqoûra") == "En Naqoura"
    assert ascii_name("‘Ayn al ‘Arab") == "Ayn al Arab"
    assert ascii_name("Qa‘ţabah") == "Qa'tabah" and ascii_name("Ma'rib") == "Ma'rib"
    naqoura = gaz.resolve("Naqoura", countries=["Lebanon"])
    assert naqoura.name == "En Naqoura" and naqoura.admin1 == "South" and naqoura.country == "Lebanon"
    assert near(naqoura, 33.12, 35.14, 5)            # coordinates as GeoNames has them
    assert gaz.resolve("Hama", countries=["Syria"]).name.isascii()
    # regions as ACLED spells them (reference/countries.yaml acled_admin1), old spellings still found
    expected = {("Idlib", "Syria"): "Idleb", ("Rif Dimashq", "Syria"): "Rural Damascus",
                ("Ninawa", "Iraq"): "Ninewa", ("Salah ad Din", "Iraq"): "Sala al-Din",
                ("Liban-Nord", "Lebanon"): "North", ("Ta'izz", "Yemen"): "Taizz", ("Mont-Liban", "Lebanon"): "Mount Lebanon"}
    for (name, country), acled in expected.items():
        region = gaz.admin1(name, country=country)
        assert region is not None and region.name == acled and region.admin1 == acled, (name, region)
        assert gaz.admin1(acled, country=country).place_id == region.place_id
    assert gaz.resolve("Saraqib", countries=["Syria"]).admin1 == "Idleb"
    assert gaz.resolve("Mosul", countries=["Iraq"]).admin1 == "Ninewa"


def test_every_acled_admin1_entry_names_a_geonames_region():
    ref = yaml.safe_load((DATA_DIR / "places" / "reference" / "countries.yaml").read_text(encoding="utf-8"))
    assert ref["acled_admin1"]["LB"]["Liban-Sud"] == "South"
    # build_index raises E311 for an unknown GeoNames name; a built gazetteer proves they all exist
    assert Gazetteer(()).admin1("South", country="LB").country == "Lebanon"


def test_a_hinted_admin1_confines_the_candidates(gaz):
    # "Nayrab" resembles ‘Ayn al ‘Arab (Aleppo) only by its skeleton: not a place in Idlib
    assert gaz.resolve("Al-Nayrab", countries=["Syria"], admin1="Idlib") is None
    tafas = gaz.resolve("Tafas", countries=["Syria"], admin1="Daraa")
    assert tafas is not None and tafas.admin1 == "Dar'a" and near(tafas, 32.74, 36.07, 10)
    assert gaz.resolve("Aleppo", countries=["Syria"], admin1="Idlib") is None   # not that region's town


def test_a_name_keeps_its_article(gaz):
    from conflictdesk.knowledge.gazetteer import drops_article
    assert drops_article("Ad Dali", "Dali") and not drops_article("Ad Dali", "Ad Dali")
    assert not drops_article("Mayadin", "Al Mayadin")
    # with no country context, "Ad Dali" is the Yemeni town, not Dali (Yunnan, China)
    assert gaz.resolve("Ad Dali").country == "Yemen"
    assert gaz.resolve("Dali").country == "China"


def test_format_version_is_part_of_the_cache_key(monkeypatch):
    import conflictdesk.knowledge.gazetteer as g
    key = cache_key()
    assert g.FORMAT_VERSION == "gazetteer-v4"
    monkeypatch.setattr(g, "FORMAT_VERSION", "gazetteer-v3")
    assert cache_key() != key

"""Knowledge-base loading: every bad input is reported with its exact file:line, user folders
add and override entries, and the KnowledgeBase queries honour dates."""
from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path

import pytest

from conflictdesk.errors import KnowledgeBaseError, NotFoundError
from conflictdesk.knowledge import KnowledgeBase
from conflictdesk.knowledge.loader import load_entries
from conflictdesk.knowledge.schema import PartialDate

BASE = Path(__file__).resolve().parent / "fixtures" / "kb" / "base"


def write(folder: Path, rel: str, body: str) -> Path:
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(body).lstrip("\n"), encoding="utf-8")
    return path


def problems_of(*dirs: Path) -> list[str]:
    with pytest.raises(KnowledgeBaseError) as info:
        load_entries(list(dirs))
    assert info.value.code == "E300"
    return info.value.problems


ACTOR = """
- id: {id}
  name: {name}
  type: political_militia
  inter: 3
  country: Iraq
  aliases: [{aliases}]
  source: "https://example.org/{id}"
"""


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase(load_entries([BASE]))


def test_fixture_kb_loads(kb: KnowledgeBase) -> None:
    assert "kataib-hezbollah" in kb.actors and "abu-hussein-al-hamidawi" in kb.people and "tower-22" in kb.places
    since = kb.actor("kataib-hezbollah").designations[0].since
    assert since == PartialDate(2009, 7, 2) and since.precision == "day"
    assert str(kb.actor("islamic-resistance-in-iraq").since) == "2023-10"   # month precision kept


def test_malformed_yaml_reports_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "actors/bad.yaml", """
        - id: good-one
          name: Good One
          type: rebel_group
          aliases: [One, Two
          source: "https://example.org"
        """)
    problems = problems_of(tmp_path)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:5: malformed YAML")


def test_duplicate_id_reports_both_places(tmp_path: Path) -> None:
    write(tmp_path, "actors/a.yaml", ACTOR.format(id="badr-organization", name="Badr Organization", aliases="Badr"))
    second = write(tmp_path, "actors/b.yaml", "\n# again\n" + ACTOR.format(id="badr-organization",
                                                                          name="Badr Organisation", aliases=""))
    problems = problems_of(tmp_path)
    first = tmp_path / "actors" / "a.yaml"
    assert problems == [f"{second}:3: badr-organization: duplicate id (first defined at {first}:1)"]


def test_ambiguous_alias_without_rule(tmp_path: Path) -> None:
    first = write(tmp_path, "actors/a.yaml", ACTOR.format(id="badr-organization", name="Badr Organization",
                                                           aliases="Badr, Badr Brigades"))
    second = write(tmp_path, "actors/b.yaml", ACTOR.format(id="badr-brigade-syria", name="Badr Brigade (Syria)",
                                                            aliases="Badr"))
    problems = problems_of(tmp_path)
    assert len(problems) == 2
    assert problems[0].startswith(f"{first}:6: badr-organization: alias 'Badr' is also claimed by badr-brigade-syria "
                                  f"({second}:6)")
    assert problems[1].startswith(f"{second}:6: badr-brigade-syria: alias 'Badr' is also claimed by badr-organization")
    assert "ambiguous_aliases" in problems[0] and "_disambiguation.yaml" in problems[0]


def test_ambiguous_alias_resolved_by_either_rule(tmp_path: Path) -> None:
    flagged = ACTOR + "  ambiguous_aliases: [Badr]\n"
    one, two = tmp_path / "one", tmp_path / "two"
    write(one, "actors/a.yaml", flagged.format(id="badr-organization", name="Badr Organization", aliases="Badr"))
    write(one, "actors/b.yaml", flagged.format(id="badr-brigade-syria", name="Badr Brigade (Syria)", aliases="Badr"))
    kb = KnowledgeBase(load_entries([one]))
    [m] = kb.match("Fighters of Badr were seen")
    assert (m.id, m.alternatives) == ("badr-brigade-syria", ("badr-organization",))  # first by id; caller decides

    write(two, "actors/a.yaml", ACTOR.format(id="badr-organization", name="Badr Organization", aliases="Badr"))
    write(two, "actors/b.yaml", ACTOR.format(id="badr-brigade-syria", name="Badr Brigade (Syria)", aliases="Badr"))
    write(two, "actors/_disambiguation.yaml", "Badr: badr-organization\n")
    kb = KnowledgeBase(load_entries([two]))
    [m] = kb.match("Fighters of Badr were seen")
    assert (m.id, m.alternatives) == ("badr-organization", ("badr-brigade-syria",))
    assert kb.find_actor_by_name("badr").id == "badr-organization"


def test_disambiguation_to_unknown_id(tmp_path: Path) -> None:
    write(tmp_path, "actors/a.yaml", ACTOR.format(id="badr-organization", name="Badr Organization", aliases="Badr"))
    rule = write(tmp_path, "actors/_disambiguation.yaml", "# alias: preferred id\nBadr: badr-corps\n")
    assert problems_of(tmp_path) == [f"{rule}:2: alias 'badr': preferred actor id 'badr-corps' is unknown"]


def test_relation_and_role_to_unknown_id(tmp_path: Path) -> None:
    actors = write(tmp_path, "actors/a.yaml", ACTOR.format(id="kataib-sayyid-al-shuhada",
                                                            name="Kataib Sayyid al-Shuhada", aliases="KSS") + """
  relations:
    - {type: backed_by, object: iran, source: "https://example.org/kss"}
    - type: member_of
      object: islamic-resistance-in-iraq
      source: "https://example.org/kss"
""")
    people = write(tmp_path, "people/p.yaml", """
        - id: abu-alaa-al-walai
          name: Abu Alaa al-Walai
          roles:
            - {title: Secretary-General, actor: kataib-sayyid-al-shuhada, source: "https://example.org/w"}
            - {title: Commander, actor: kss-brigade, source: "https://example.org/w"}
          source: "https://example.org/w"
        """)
    problems = problems_of(tmp_path)
    assert problems == [
        f"{actors}:10: kataib-sayyid-al-shuhada: relations: backed_by refers to unknown actor id 'iran'",
        f"{actors}:12: kataib-sayyid-al-shuhada: relations: member_of refers to unknown actor id "
        f"'islamic-resistance-in-iraq'",
        f"{people}:5: abu-alaa-al-walai: roles: 'Commander' refers to unknown actor id 'kss-brigade'",
    ]


def test_unparseable_date_and_schema_violations(tmp_path: Path) -> None:
    path = write(tmp_path, "actors/a.yaml", """
        - id: saraya-awliya-al-dam
          name: Saraya Awliya al-Dam
          type: militia
          inter: 9
          founded: 2019
          relations:
            - type: member_of
              object: saraya-awliya-al-dam
              since: 2023-13-01
              source: not a source
          source: "https://example.org/sad"
        """)
    problems = problems_of(tmp_path)
    assert len(problems) == 5
    assert f"{path}:3: saraya-awliya-al-dam: type: Input should be 'state', 'state_forces'" in problems[0]
    assert problems[1] == f"{path}:4: saraya-awliya-al-dam: inter: Input should be less than or equal to 8"
    assert problems[2] == f"{path}:5: saraya-awliya-al-dam: founded: unknown key (not in the schema)"
    assert problems[3] == (f"{path}:9: saraya-awliya-al-dam: relations.0.since: date '2023-13-01' does not parse "
                           f"(no such day)")
    assert problems[4].startswith(f"{path}:10: saraya-awliya-al-dam: relations.0.source: source 'not a source' is "
                                  f"neither a URL")


def test_bad_date_format_and_missing_source(tmp_path: Path) -> None:
    path = write(tmp_path, "people/p.yaml", """
        - id: qais-al-khazali
          name: Qais al-Khazali
          roles:
            - {title: Secretary-General, since: "March 2007", source: "https://example.org/q"}
        """)
    assert problems_of(tmp_path) == [
        f"{path}:1: qais-al-khazali: source: required key is missing",
        f"{path}:4: qais-al-khazali: roles.0.since: date 'March 2007' does not parse (expected YYYY, YYYY-MM or "
        f"YYYY-MM-DD)",
    ]


def test_user_folder_adds_overrides_and_removes(tmp_path: Path) -> None:
    write(tmp_path, "actors/mine.yaml", """
        - id: kataib-hezbollah            # override: only the keys given change
          aliases: [KH, Hezbollah Brigades, Kataib Hizballah]
        - id: hamas
          remove: true
        - id: saraya-awliya-al-dam        # a new actor
          name: Saraya Awliya al-Dam
          type: political_militia
          inter: 3
          country: Iraq
          relations:
            - {type: backed_by, object: iran, source: "Long War Journal, 2021-04"}
          source: "https://ctc.westpoint.edu/"
        """)
    kb = KnowledgeBase(load_entries([BASE, tmp_path]))
    kh = kb.actor("kataib-hezbollah")
    assert kh.aliases == ("KH", "Hezbollah Brigades", "Kataib Hizballah")
    assert kh.relations and kh.type == "political_militia"           # kept from the shipped entry
    assert "hamas" not in kb.actors
    with pytest.raises(NotFoundError):
        kb.actor("hamas")
    assert kb.relations_of("saraya-awliya-al-dam")[0].object == "iran"
    assert str(kb.origins["actors:saraya-awliya-al-dam"]) == f"{tmp_path / 'actors/mine.yaml'}:5"
    assert [m.id for m in kb.match("Saraya Awliya al-Dam claimed it")] == ["saraya-awliya-al-dam"]


def test_override_problem_points_at_user_file(tmp_path: Path) -> None:
    path = write(tmp_path, "actors/mine.yaml", """
        - id: kataib-hezbollah
          inter: 0
        - id: no-such-actor
          remove: true
        """)
    problems = problems_of(BASE, tmp_path)
    assert problems == [f"{path}:2: kataib-hezbollah: inter: Input should be greater than or equal to 1",
                        f"{path}:3: no-such-actor: remove: no actors entry with this id to remove"]


def test_shipped_layout_copy_with_broken_reference(tmp_path: Path) -> None:
    """A knowledge base copied and then edited: problems are collected, not raised one by one."""
    shutil.copytree(BASE, tmp_path / "kb")
    path = tmp_path / "kb" / "people" / "middle_east.yaml"
    path.write_text(path.read_text().replace("actor: kataib-hezbollah, since: 2021", "actor: kh, since: 2021")
                    .replace("since: 2003", "since: 03"), encoding="utf-8")
    problems = problems_of(tmp_path / "kb")
    assert len(problems) == 2
    assert problems[0] == (f"{path}:6: abu-hussein-al-hamidawi: roles: 'Secretary-General' refers to unknown actor "
                           f"id 'kh'")
    assert problems[1].startswith(f"{path}:14: abu-mahdi-al-muhandis: roles.0.since: date '03' does not parse")


def test_relations_and_leaders_over_time(kb: KnowledgeBase) -> None:
    assert {r.object for r in kb.relations_of("kataib-hezbollah", on=dt.date(2016, 5, 1))} == {
        "iran", "military-forces-of-iraq"}
    assert {r.object for r in kb.relations_of("kataib-hezbollah", on="2024-02")} == {
        "iran", "islamic-resistance-in-iraq"}
    assert {r.object for r in kb.relations_of("kataib-hezbollah", on=dt.date(2023, 10, 1))} >= {
        "islamic-resistance-in-iraq"}   # "since: 2023-10" holds from the first of the month
    assert len(kb.relations_of("kataib-hezbollah")) == 3
    assert [p.id for p, _ in kb.leaders_of("kataib-hezbollah", on=dt.date(2024, 1, 1))] == ["abu-hussein-al-hamidawi"]
    assert [p.id for p, _ in kb.leaders_of("kataib-hezbollah", on=dt.date(2019, 6, 1))] == ["abu-mahdi-al-muhandis"]
    assert {p.id for p, _ in kb.people_of("kataib-hezbollah")} == {
        "abu-hussein-al-hamidawi", "abu-mahdi-al-muhandis", "jafar-al-husseini"}
    assert [s.id for s, r in kb.related_to("islamic-resistance-in-iraq")] == ["kataib-hezbollah"]
    with pytest.raises(NotFoundError):
        kb.relations_of("no-such-actor")


def test_lookups_by_name_state_and_generic(kb: KnowledgeBase) -> None:
    assert kb.find_actor_by_name("Military Forces of Iran (1989-)").id == "military-forces-of-iran"
    assert kb.find_actor_by_name("military forces of iran").id == "military-forces-of-iran"
    assert kb.find_actor_by_name("KATA'IB-HIZBALLAH").id == "kataib-hezbollah"
    assert kb.find_actor_by_name("Kataib Hizballah (2003-)").id == "kataib-hezbollah"
    assert kb.find_actor_by_name("Military Forces of Iraq (2014-2018)").id == "military-forces-of-iraq-2014-2018"
    assert kb.find_actor_by_name("Hamas Movement").id == "hamas"
    assert kb.find_actor_by_name("Islamic State (Iraq)") is None
    assert kb.state_actor("Iran", "military").acled_name == "Military Forces of Iran (1989-)"
    assert kb.state_actor("Iraq", "military").id == "military-forces-of-iraq"
    assert kb.state_actor("Iraq", "military", on="2016-03").id == "military-forces-of-iraq-2014-2018"
    assert kb.state_actor("iran", "state").id == "iran"
    assert kb.state_actor("Iran", "police") is None
    assert kb.generic_actor("civilians", "Iraq").id == "civilians-iraq"
    made = kb.generic_actor("unidentified_armed_group", "Syria")
    assert (made.id, made.acled_name, made.inter) == ("unidentified-armed-group-syria",
                                                      "Unidentified Armed Group (Syria)", 3)
    with pytest.raises(ValueError):
        kb.state_actor("Iran", "navy")  # type: ignore[arg-type]


def test_matching_rules_must_name_the_entry(tmp_path: Path) -> None:
    path = write(tmp_path, "actors/a.yaml", """
        - id: amal-movement
          name: Amal Movement
          type: political_party
          aliases: [Amal]
          personal_names: [Amel]
          english_words: [Amal]
          not_within: [Amalgamated Unions, Amal]
          source: "https://en.wikipedia.org/wiki/Amal_Movement"
        """)
    [problem] = problems_of(tmp_path)
    assert problem.startswith(f"{path}:1: amal-movement: personal_names: 'Amel' is not one of the entry's names "
                              f"or demonyms; not_within: 'Amalgamated Unions' does not contain")
    assert "'Amal' does not" in problem        # a phrase must be longer than the name it holds


def test_the_compiled_cache_is_unpickled_only_from_the_users_own_folder(tmp_path, monkeypatch):
    import os

    from conflictdesk.knowledge import compiled_cache

    monkeypatch.setenv("CONFLICTDESK_CACHE_DIR", str(tmp_path))
    cache = compiled_cache()
    saved = cache.save("k" * 64, {"answer": 42})
    assert saved is not None and oct(saved.parent.stat().st_mode & 0o777) == "0o700"
    assert cache.load("k" * 64) == {"answer": 42}
    if hasattr(os, "getuid"):
        os.chmod(saved.parent, 0o777)      # anyone could have planted the file: it is not loaded
        assert cache.load("k" * 64) is None and saved.exists()

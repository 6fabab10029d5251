"""kb.state_actor picks a state's own forces, never a sub-unit whose ACLED name starts the same."""
from __future__ import annotations

import pytest

from conflictdesk.knowledge import load_knowledge_base


@pytest.mark.parametrize(("country", "kind", "expected"), [
    ("Iraq", "military", "military-forces-of-iraq"),      # not "... (2014-) Popular Mobilization Forces"
    ("Iran", "military", "military-forces-of-iran"),      # not the Basij or the IRGC
    ("Iraq", "police", "police-forces-of-iraq"),
    ("United States", "military", "military-forces-of-united-states"),
])
def test_state_forces_are_the_whole_forces(country: str, kind: str, expected: str) -> None:
    entry = load_knowledge_base().state_actor(country, kind=kind)
    assert entry is not None and entry.id == expected


@pytest.mark.parametrize(("actor_id", "day", "expected"), [
    ("military-forces-of-syria", "2016-05-01", "Military Forces of Syria (2000-2024)"),
    ("military-forces-of-syria", "2025-03-01", "Military Forces of Syria (2024-)"),
    ("military-forces-of-syria-2000-2024", "2025-03-01", "Military Forces of Syria (2024-)"),
    ("military-forces-of-iraq", "2016-05-01", "Military Forces of Iraq (2014-2018)"),
    ("police-forces-of-iraq", "2019-06-01", "Police Forces of Iraq (2018-2020)"),
    ("government-of-iraq", "2023-01-01", "Government of Iraq (2022-)"),
    ("military-forces-of-united-states", "2016-06-12", "Military Forces of the United States (2009-2017)"),
    ("military-forces-of-israel", "2016-02-14", "Military Forces of Israel (2009-2021)"),
    ("military-forces-of-iran", "2016-05-01", "Military Forces of Iran (1989-)"),       # one period only
    ("islamic-state", "2016-05-01", "Islamic State"),                                   # not a state's forces
])
def test_state_forces_are_named_by_the_period_of_the_day(actor_id: str, day: str, expected: str) -> None:
    kb = load_knowledge_base()
    assert kb.actors[kb.actor_on(actor_id, day)].acled_name == expected


def test_every_period_has_its_dates_and_source_and_the_old_names_find_it() -> None:
    kb = load_knowledge_base()
    periods = [a for a in kb.actors.values() if a.until
               and a.id.startswith(("military-forces-of-", "police-forces-of-", "government-of-"))]
    assert len(periods) >= 3 * 12
    assert all(a.since is not None and a.source.startswith("https://") for a in periods)
    # the names ACLED wrote while a period was current find that period's entry
    assert kb.find_actor_by_name("Military Forces of Syria (2000-)").id == "military-forces-of-syria-2000-2024"
    assert kb.find_actor_by_name("Police Forces of Israel (2009-)").id == "police-forces-of-israel-2009-2021"
    # the bare name and the text's words are the current entry's
    assert kb.find_actor_by_name("Military Forces of Syria").id == "military-forces-of-syria"
    assert kb.actor_on("military-forces-of-syria", None) == "military-forces-of-syria"


@pytest.mark.parametrize(("name", "expected"), [
    ("Kremlin", "government-of-russia"),
    ("White House", "government-of-united-states"),
    ("State Department", "government-of-united-states"),
    ("Pentagon", "military-forces-of-united-states"),
    ("Downing Street", "government-of-united-kingdom"),
    ("Elysee", "government-of-france"),
    ("Quai d'Orsay", "government-of-france"),
])
def test_a_seat_of_government_names_the_government_or_forces_in_it(name: str, expected: str) -> None:
    kb = load_knowledge_base()
    assert kb.find_actor_by_name(name).id == expected
    # a capital alone stays the place, never the government
    assert kb.find_actor_by_name("Washington") is None or kb.find_actor_by_name("Washington").type != "government"

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

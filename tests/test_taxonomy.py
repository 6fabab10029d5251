"""The one ACLED taxonomy: types, named sets, inter codes and the palette every page and export uses."""
from __future__ import annotations

from typing import get_args, get_type_hints

from conflictdesk.records import Event
from conflictdesk.taxonomy import (ARMED_VIOLENCE, DEMONSTRATIONS, DISORDER, EVENT_TYPE_COLOURS, EVENT_TYPES,
                                   FIXED_INTER, INTER_BY_ACTOR_TYPE, INTER_CODES, OTHER_COLOUR, POLITICAL_VIOLENCE,
                                   SUB_EVENT_TYPES, colour)
from conflictdesk.web.charts import legend


def test_six_types_and_twenty_five_sub_types_and_the_record_uses_them() -> None:
    assert EVENT_TYPES == tuple(SUB_EVENT_TYPES) and len(EVENT_TYPES) == 6
    assert sum(len(subs) for subs in SUB_EVENT_TYPES.values()) == 25
    assert get_args(get_type_hints(Event)["event_type"]) == EVENT_TYPES


def test_named_sets_differ_only_where_acled_does() -> None:
    assert POLITICAL_VIOLENCE - ARMED_VIOLENCE == {"Riots"}
    assert DISORDER == set(EVENT_TYPES) - {"Strategic developments"}
    assert DEMONSTRATIONS == {"Protests", "Riots"} and not ARMED_VIOLENCE & DEMONSTRATIONS


def test_inter_codes_and_the_palette() -> None:
    assert set(INTER_BY_ACTOR_TYPE.values()) == set(INTER_CODES)
    assert FIXED_INTER == {"rioters": 5, "protesters": 6, "civilian_group": 7}
    assert set(EVENT_TYPE_COLOURS) == set(EVENT_TYPES) and len(set(EVENT_TYPE_COLOURS.values())) == 6
    assert colour("Battles") == EVENT_TYPE_COLOURS["Battles"] and colour("Something else") == OTHER_COLOUR
    # the web legend draws the palette's colours
    assert all(EVENT_TYPE_COLOURS[t] in legend() for t in EVENT_TYPES)

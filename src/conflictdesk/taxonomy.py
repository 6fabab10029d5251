"""ACLED's taxonomy in one place: event and sub-event types, the named sets of event types, inter
codes, and the one colour palette for event types (web pages and digests alike).

Names follow ACLED's codebook (https://acleddata.com/knowledge-base/codebook/): six event types,
25 sub-event types; actors coded by `inter` 1-8. Every module that asks "is this violence?" uses
a set named here, so the answer cannot differ between the extractor, the digest and the exports.
"""
from __future__ import annotations

from typing import Literal, get_args

EventType = Literal["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
                    "Strategic developments"]
EVENT_TYPES: tuple[EventType, ...] = get_args(EventType)

SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Government regains territory", "Non-state actor overtakes territory", "Armed clash"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Excessive force against protesters", "Protest with intervention", "Peaceful protest"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}

# --- named sets of event types ----------------------------------------------------------------
# Armed violence: fighting, remote violence and violence against civilians (what "violent" meant in
# the events stage's patterns and notes, and in the digest).
ARMED_VIOLENCE: frozenset[str] = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# Demonstrations: ACLED's two demonstration event types.
DEMONSTRATIONS: frozenset[str] = frozenset({"Protests", "Riots"})
# Political violence as ACLED counts it: armed violence and riots (violent demonstrations and mob
# violence have targets, which is what the STIX export asks).
POLITICAL_VIOLENCE: frozenset[str] = ARMED_VIOLENCE | {"Riots"}
# Disorder: political violence and demonstrations, every type but strategic developments (the
# events an analyst's background reasoning must not produce, and whose fatalities a report counts).
DISORDER: frozenset[str] = ARMED_VIOLENCE | DEMONSTRATIONS

# --- inter codes --------------------------------------------------------------------------------
INTER_CODES: dict[int, str] = {
    1: "State forces", 2: "Rebel groups", 3: "Political militias", 4: "Identity militias", 5: "Rioters",
    6: "Protesters", 7: "Civilians", 8: "External/other forces",
}
# conflictdesk actor types -> ACLED inter codes
INTER_BY_ACTOR_TYPE: dict[str, int] = {
    "state": 1, "state_forces": 1, "police": 1, "government": 1, "rebel_group": 2, "political_militia": 3,
    "unidentified_armed_group": 3, "identity_militia": 4, "rioters": 5, "protesters": 6, "civilian_group": 7,
    "civilians": 7, "international_force": 8, "external_force": 8, "other": 8,
}
# the actor types whose inter code the codebook fixes (any other type's code depends on the actor)
FIXED_INTER: dict[str, int] = {t: INTER_BY_ACTOR_TYPE[t] for t in ("rioters", "protesters", "civilian_group")}
# the ids of the generic actors that identify no one: ACLED's "Unidentified Armed Group (X)" and "Sole
# Perpetrator (X)" (one person acting alone), for the store's and the digest's "do these actors differ?"
UNIDENTIFIED_ID_PREFIXES: tuple[str, ...] = ("unidentified-", "sole-perpetrator-")

# --- colours ------------------------------------------------------------------------------------
# One palette for the six event types (ColorBrewer-like, distinguishable in print); others grey.
EVENT_TYPE_COLOURS: dict[str, str] = {
    "Battles": "#b2182b",
    "Explosions/Remote violence": "#ef8a62",
    "Violence against civilians": "#762a83",
    "Protests": "#2166ac",
    "Riots": "#67a9cf",
    "Strategic developments": "#7f7f7f",
}
OTHER_COLOUR = "#a0a0a0"


def colour(event_type: str) -> str:
    """The palette's colour of an event type (grey for anything else)."""
    return EVENT_TYPE_COLOURS.get(event_type, OTHER_COLOUR)


def is_event_type(value: str) -> bool:
    return value in SUB_EVENT_TYPES

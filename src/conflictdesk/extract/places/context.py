"""What the words around a candidate say of it: "X province" (a region), "X countryside" (near
it), "X (Region)" and "X, Country" (hints), "Jobar neighbourhood of Damascus" (a part of a town),
"Jarada town in the Idleb countryside" (within another place), "the Red Sea coast", "northern X"
(a region phrase), "X Brigade" (no place at all)."""
from __future__ import annotations

import re

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ...knowledge.gazetteer import name_key
from .candidates import Candidate
from .wording import (DOTTED_STATE_AFTER, US_STATES_DOTTED, VENUE_APPOSITION, HYPHEN_NEXT, AFTER_NEAR, AFTER_ORG,
                      POSSESSIVE_ALONE, SETTLEMENT_BEFORE,
                      AFTER_REGION, COAST_AFTER, COMMA_AFTER, DIRECTION_BEFORE, FUNCTION_WORDS, MONTHS, NOUN_NEXT,
                      US_STATES_AP, PAREN_AFTER, PART_OF, QUARTER_NOUNS, REGION_TOWN_BEFORE, ROUTE_END_BEFORE,
                      WITHIN, near_word_before)

if TYPE_CHECKING:
    from ...knowledge.gazetteer import Gazetteer


LIST_GOES_ON = re.compile(r"\s*(?:,|\band\b|\bor\b)")
# "a Florida nightclub", "an Ohio bar": a venue word after a name with an indefinite article before it tells
# where the venue is ("the Pulse nightclub" names the venue)
VENUE_AFTER = re.compile(r"^\s+(?:nightclub|Nightclub|club|Club|bar|restaurant)\b")
INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+$")
# "tipped the war in Damascus' favor", "on Moscow's behalf": the name is a side whose favour or behalf is told,
# not a site
# the two sides of a relation ("drills between the U.S. and South Korea", "talks between Russia and Turkey"): who
# the relation is between, not a site; a border, a road or an area between two countries is one
BETWEEN_SIDES = re.compile(r"\b([a-z]+)\s+between\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}?(?:and\s+(?:the\s+)?)?$")
BETWEEN_SITES = frozenset({"border", "borders", "frontier", "boundary", "area", "areas", "road", "roads", "highway",
                           "route", "corridor", "line", "zone", "region", "crossing", "towns", "villages", "cities",
                           "sea", "waters", "strait", "desert", "mountains", "valley"})
SIDE_AFTER = re.compile(r"^(?:'s|’s|'|’)?\s+(?:favou?r|behalf)\b")

def read_context(cands: Iterable[Candidate], text: str, gaz: "Gazetteer", *,
                 verbs: frozenset[int] = frozenset()) -> None:
    """Set each candidate's readings from the words around it (in place). `verbs`: where the parse's verbs
    start that follow the object of a preposition: a name such a verb follows is no modifier ("air strikes in Yemen
    killed five", not "the U.S. embassy")."""
    for c in cands:
        after = text[c.end:c.end + 60]
        if not c.curated_id and AFTER_ORG.match(after) \
                and not (VENUE_AFTER.match(after) and INDEFINITE_BEFORE.search(text, max(0, c.start - 4), c.start)):
            c.origin = "not_a_place"
        if not c.curated_id and POSSESSIVE_ALONE.match(after):
            c.origin = "not_a_place"   # "at McDonald's in Chicago": a shop or a firm, not McDonald, Kansas
        if not c.curated_id and VENUE_APPOSITION.match(after):
            c.origin = "not_a_place"   # "Pulse, a gay nightclub": the venue's name; the town it lies in is told apart
        if SIDE_AFTER.match(after) or (c.text.endswith(("'", "’")) and SIDE_AFTER.match("'" + after)):
            c.origin = "not_a_place"
        if not c.curated_id and HYPHEN_NEXT.match(after):
            c.origin = "not_a_place"   # "Iran-backed", "Utah-based": the name qualifies an actor
        bm = BETWEEN_SIDES.search(text, max(0, c.start - 60), c.start)
        if bm and bm.group(1) not in BETWEEN_SITES:
            c.sides = True
        nm = NOUN_NEXT.match(after)
        if nm and nm.group(1) not in FUNCTION_WORDS and c.end + nm.start(1) not in verbs:
            c.modifier = True
            c.quarter = nm.group(1) in QUARTER_NOUNS
        pm = PART_OF.match(after)
        if pm:
            c.parent = pm.group(1)
        wm = WITHIN.match(after)
        if wm and not pm and wm.group(1) != c.text and wm.group(1).split()[0].rstrip(".") not in MONTHS:
            c.within = wm.group(1)
        sm = COAST_AFTER.match(after)
        if sm:
            c.coast_of = sm.group(1) or ""
        if AFTER_REGION.match(after):
            c.prefer = "admin1"
            c.precision = 3
        elif AFTER_NEAR.match(after):
            c.precision = 2
        pm = PAREN_AFTER.match(after)
        if pm:
            c.admin1_hint = pm.group(1)
        dotted = DOTTED_STATE_AFTER.match(after)
        if dotted and not c.admin1_hint:
            c.admin1_hint = US_STATES_DOTTED[dotted.group(1)]     # "Charleston, S.C." is not the one in West Virginia
        cm = COMMA_AFTER.match(after)
        if cm and not c.admin1_hint:
            nxt = cm.group(1)
            if nxt in US_STATES_AP and after[cm.end(1):cm.end(1) + 1] == ".":
                nxt = US_STATES_AP[nxt]          # "Rio Verde, Ariz."
            if gaz.country_code(nxt) and _town_of_state_named(gaz, c.text, nxt):
                c.admin1_hint = nxt     # "Roswell, Georgia": the US state of that name holds the town, the country none
            elif gaz.country_code(nxt):
                c.country_hint = c.country_hint or nxt
            elif gaz.admin1(nxt) is not None and not _regions_listed(gaz, c.text, nxt):
                c.admin1_hint = nxt
            elif not c.within and nxt != c.text and not LIST_GOES_ON.match(after, cm.end()):
                c.within = nxt          # "al-Saidi village, southern Daquq district" (not "attacks in Paris,
                #                         Brussels and Orlando": a list, Brussels holds no Paris)
        before = text[max(0, c.start - 60):c.start]
        if ROUTE_END_BEFORE.search(before):
            c.origin = "not_a_place"   # "en route from Oslo to Lima": a journey's ends, no incident's place
        _region_before(c, before, gaz)
        if SETTLEMENT_BEFORE.search(before):
            c.settlement = True
        if not c.precision and near_word_before(text, c.start):
            c.precision = 2
        dm = DIRECTION_BEFORE.search(text[max(0, c.start - 25):c.start])
        if dm:
            c.direction = dm.group(0).strip().lower()
            if c.direction != "central":
                # "northern Aleppo" is the province; "central Istanbul" the city's heart, as the name alone reads
                c.prefer = c.prefer or "admin1"
            c.precision = 2
            c.region_start = max(0, c.start - 25) + dm.start()


def _region_before(c: Candidate, before: str, gaz: "Gazetteer") -> None:
    """ "the southern Missouri town of Salem": a US state (or a country) named before the town's noun holds the
    town, as ", Missouri" after it would say."""
    rm = REGION_TOWN_BEFORE.search(before)
    if rm is None:
        return
    name = re.sub(r"^(?:The|A|An)\s+", "", rm.group(1))
    if name == c.text:
        return
    if gaz.country_code(name):
        c.country_hint = c.country_hint or name
    elif not c.admin1_hint and (state := gaz.admin1(name, country="US")) is not None \
            and name_key(state.name) == name_key(name):
        # a US state by its own name (not a look-alike: "Syrian" is no "Soriano"); elsewhere such a modifier is
        # as often a sea or a valley shared by several regions ("the Red Sea city of Jiddah")
        c.admin1_hint = name


def _town_of_state_named(gaz: "Gazetteer", name: str, region: str) -> bool:
    """Whether "Name, Region" names a town of a first-level region that shares its name with a country
    ("Roswell, Georgia", "Athens, Georgia"), no town of that country bearing the name ("Batumi, Georgia")."""
    state = gaz.admin1(region)
    if state is None or name_key(state.name) != name_key(region):
        return False
    towns = gaz.candidates(name, fuzzy=False)
    return not any(t.country_code == gaz.country_code(region) for t in towns) \
        and any(t.country_code == state.country_code and t.admin1 == state.admin1 for t in towns)


def _regions_listed(gaz: "Gazetteer", name: str, nxt: str) -> bool:
    """Whether "Name, Next" lists two first-level regions ("shootings in Texas, Arizona, Colorado"): a region
    lies within no other region, so the second is the list's next item, no container of the first (unlike
    "Jobar, Damascus" or "Macon, Georgia", where a town precedes its region)."""
    return name != nxt and gaz.admin1(name) is not None

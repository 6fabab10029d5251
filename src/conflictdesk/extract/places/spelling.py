"""One spelling per place: how a mention spells a town, and each town under the spelling most of
its mentions use."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from ...knowledge.gazetteer import ascii_name, name_key
from ...records import Place
from .candidates import Candidate

if TYPE_CHECKING:
    from ...knowledge.gazetteer import ResolvedPlace


def spelling(c: Candidate, r: "ResolvedPlace") -> str | None:
    """How this mention spells a GeoNames town the text names ("Naqoura" for "En N\u00e2qo\u00fbra"), or
    None when the place goes by its own name: regions, countries, curated and imported places (their
    ACLED names)."""
    if r.kind != "populated_place" or r.imported or r.match == "curated" \
            or not r.place_id.startswith(("geonames:", "rg:")):
        return None
    text = c.text[4:] if c.text.lower().startswith("the ") else c.text
    if text.isupper() and len(text) > 3:
        text = text.title()       # a dateline or a headline in capitals: "BAGHDAD" is Baghdad
    text = ascii_name(" ".join(text.split()))
    return text or None


def named_as_spelled(places: list[Place], spelled: list[tuple[int, str | None]]) -> list[Place]:
    """Each town under the spelling most of its mentions use, so that every mention of one place
    carries one name and a misspelt mention does not name it ("Istanbu's airport" once, "Istanbul"
    once: Istanbul); of equals, the gazetteer's own spelling, else the first."""
    counts: dict[str, Counter[str]] = {}
    for i, spelt in spelled:
        if spelt:
            counts.setdefault(places[i].place_id or "", Counter())[spelt] += 1
    out = list(places)
    for i, _ in spelled:
        votes = counts.get(places[i].place_id or "")
        if votes:
            own = name_key(places[i].name)
            order = list(votes)
            best = max(order, key=lambda sp: (votes[sp], name_key(sp) == own, -order.index(sp)))
            out[i] = replace(places[i], name=best)
    return out

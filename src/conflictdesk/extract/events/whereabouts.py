"""Where a named person's incident happened: a report names a victim once with the place ("the fatal
shootings of Philando Castile near St. Paul, Minnesota and Alton Sterling in Baton Rouge") and tells the
incident later by the name alone ("Castile was killed by police during a traffic stop").

    place = person_place(sent, places=places, text=text)

An event whose sentence names no place of its own takes the town the text put right after an earlier
mention of a person its sentence names ("<name> in/near/outside <town>"): one town, or none.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...records import Place

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan, Token

# "Castile near St. Paul", "Sterling in Baton Rouge", "Cox outside the town of Birstall": only the words of
# a site between the name and the town (not "of"/"from", a home, nor a clause between them)
SITE_AFTER_NAME = re.compile(r"\s+(?:in|near|outside)\s+(?:the\s+(?:town|city|village)\s+of\s+)?")
WIDE_KINDS = ("country", "admin1", "region")
# names the tagger reads as no person's: nationalities, places, facilities, dates
NOT_PEOPLE = ("NORP", "GPE", "LOC", "FAC", "DATE", "TIME")


def person_place(sent: "SpacySpan", *, places: list[Place], text: str) -> Place | None:
    """The one town named right after an earlier mention of a person the sentence names (module docstring)."""
    towns = {p.span.start: p for p in places if p.kind not in WIDE_KINDS and p.latitude is not None}
    here = {t.text for t in sent if _name_word(t, places)}
    found: dict[str, Place] = {}
    for t in sent.doc[:sent.start]:
        if t.text not in here or not _full_name(t, places):
            continue
        site = SITE_AFTER_NAME.match(text, t.idx + len(t))
        town = towns.get(site.end()) if site else None
        if town is not None:
            found[town.name] = town
    return next(iter(found.values())) if len(found) == 1 else None


def _name_word(t: "Token", places: list[Place]) -> bool:
    """A capitalised proper noun, no place's and with no article: a person's name may be told so."""
    return t.pos_ == "PROPN" and t.is_title and t.ent_type_ not in NOT_PEOPLE \
        and (t.i == 0 or t.nbor(-1).lower_ != "the") and not any(p.span.start <= t.idx < p.span.end for p in places)


def _full_name(t: "Token", places: list[Place]) -> bool:
    """The last word of a person's full name ("Philando Castile"): a name word after another, no article before."""
    return _name_word(t, places) and t.i > 0 and _name_word(t.nbor(-1), places)

"""A place candidate: a span of the text that may name a place, with what its wording says of it,
and the set that merges candidates found at one span by several sources."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

# a possessive inside a name: "Syria's Idlib" names two places
POSSESSIVE_INSIDE = re.compile(r"(?<=\w)['’]s\s+(?=[A-Z])")
# a side of a place written with a capital, as headlines and some wires do: "in Northern Mali", "Eastern Ukraine";
# the name after it is read too (the chooser keeps the whole when it names a place: "Northern Ireland")
SIDE_BEFORE = re.compile(r"(?:North|South|East|West)(?:-?(?:[Ee]ast|[Ww]est))?ern\s+(?=[A-Z])")


@dataclass(slots=True)
class Candidate:
    """A span that may name a place: where a source found it and what its wording says of it."""

    start: int
    end: int
    text: str
    origin: str                       # curated, ner, locative, dateline, paren
    curated_id: str | None = None
    precision: int | None = None      # implied by the wording ("near X" -> 2)
    prefer: str | None = None         # "admin1" when "X province"
    admin1_hint: str | None = None    # "(Daraa)", ", Damascus"
    country_hint: str | None = None   # ", Iran"
    governed: bool = False            # a locative word governs it
    anchor: bool = False              # placed without doubt in pass 1: context for the others
    modifier: bool = False            # "U.S. embassy": the name modifies a noun
    sides: bool = False               # "drills between the U.S. and South Korea": a side of a relation
    partial: bool = False             # a shorter prefix of a longer capitalised name
    cut: str = ""                     # what a partial name leaves out ("Touman" of "Khan Touman")
    named_as: str | None = None       # "person" / "organisation": the parse names it so, with no locative word
    via_of: bool = False              # governed only by "of" ("the Governor of Nineveh")
    parent: str | None = None         # "Jobar neighbourhood of Damascus" -> "Damascus"
    quarter: bool = False             # "Midan district", "the Sheikh Maqsoud neighbourhood": part of a town
    within: str | None = None         # "Jarada town in the Idleb countryside" -> "Idleb"
    settlement: bool = False          # "the town of Karkamis": the text calls it a town, village or city
    direction: str | None = None      # "northern" in "northern Syria"
    coast_of: str | None = None       # "Red Sea coastal area of Yemen" -> "Yemen" ("" when no country named)
    region_start: int | None = None   # where a region phrase starts ("northern Syria")
    capital_of: str | None = None     # "the Afghan capital", "Somalia's capital": that country's capital (ISO code)
    resolved: Any = None              # the gazetteer's reading (`ResolvedPlace`), set by the chooser


class CandidateSet:
    """The candidates of one text by span, in the order the sources found them. A span found
    again merges into the first: curated, governed and implied readings are kept, a partial or
    "of"-only reading only when every source saw it so, and a dateline or bracket origin wins over
    an entity's."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.by_span: dict[tuple[int, int], Candidate] = {}

    def __iter__(self) -> Iterator[Candidate]:
        return iter(self.by_span.values())

    def add(self, c: Candidate) -> None:
        text = self.text
        if text[c.start:c.end] != c.text or not c.text or not any(ch.isupper() or ch.isdigit() for ch in c.text):
            return
        if c.text.endswith(("'s", "’s")) and len(c.text) > 3:     # "Hama's southern countryside" -> "Hama"
            c.end -= 2
            c.text = c.text[:-2]
        inner = POSSESSIVE_INSIDE.search(c.text)
        if inner is not None:
            # "in Syria's Idlib province": the country and, after its possessive, the place in it, each
            # read as the whole was (governed by the same word)
            self.add(replace(c, start=c.start + inner.end(), text=c.text[inner.end():]))
            c = replace(c, end=c.start + inner.start() + 2, text=c.text[:inner.start() + 2])
            self.add(c)
            return
        side = SIDE_BEFORE.match(c.text)
        if side is not None:
            self.add(replace(c, start=c.start + side.end(), text=c.text[side.end():]))
        old = self.by_span.get((c.start, c.end))
        if old is None:
            self.by_span[(c.start, c.end)] = c
            return
        old.curated_id = old.curated_id or c.curated_id
        old.partial = old.partial and c.partial
        old.cut = old.cut if old.partial else ""
        old.via_of = old.via_of and c.via_of
        old.precision = old.precision or c.precision
        old.governed = old.governed or c.governed
        old.prefer = old.prefer or c.prefer
        if c.origin in ("dateline", "paren") or old.origin == "ner":
            old.origin = c.origin if old.origin != "curated" else old.origin

    def extend(self, found: Iterable[Candidate]) -> None:
        for c in found:
            self.add(c)

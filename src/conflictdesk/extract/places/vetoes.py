"""Vetoes: what makes a candidate no place before any resolving. A name inside an actor's name,
capitalised sentence words, and what the parse and the knowledge base say a word is when it is no
place (a person, an organisation, a nationality, a language, a demonym, a common word)."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...knowledge.gazetteer import name_key
from .candidates import Candidate
from .wording import (ART, COMMON_WORDS, DIRECTION_WORDS, GOVERNMENT_SEATS, LANGUAGES, PARTIAL_MIN_POPULATION,
                      STOP_WORDS)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ...knowledge.gazetteer import Gazetteer

# a name told with an age, news style for a person ("Marsh, 25, was arrested"): that name is a person's
TOLD_WITH_AGE = re.compile(r"\b([A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?),\s+(?:aged\s+)?\d{1,3},\s")
# a name told as an outlet's ("the Zaman newspaper", "the daily Zaman"): a newspaper, channel or agency of that
# name, wherever else the text names it ("police raided Zaman")
OUTLET_NAMES = (re.compile(r"\b(?:newspaper|daily|weekly|paper|magazine|broadcaster|channel|agency)\s+"
                           r"([A-Z][a-z]+(?:[-\s][A-Z][a-z]+)?)\b(?!['’])"),
                re.compile(r"\b(?:The\s+)?([A-Z][a-z]+(?:[-\s][A-Z][a-z]+)?)\s+"
                           r"(?:newspaper|daily|magazine|news\s+agency|TV|television)\b"))


def plausible_candidates(cands: Iterable[Candidate], *, parsed: "Doc", kb: Any, gaz: "Gazetteer",
                         text: str) -> list[Candidate]:
    """The candidates no veto refuses, in their order."""
    actor_spans = actor_name_spans(kb, text) if callable(getattr(kb, "match", None)) else []
    named = NamedSpans.of(parsed, text=text, demonyms=state_demonyms(kb))
    return [c for c in cands
            if c.capital_of or c.origin != "not_a_place" and is_plausible(c, text, actor_spans, gaz) and not named.vetoes(c, gaz)]


def actor_name_spans(kb: Any, text: str) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in kb.match(text) if getattr(m, "kind", "place") != "place"]


@dataclass(frozen=True, slots=True)
class NamedSpans:
    """What the parse and the knowledge base say a capitalised word is when it is no place: part of
    a person's name ("Alton" of "Alton Sterling", "Clinton said"), an organisation or an outlet
    ("Dogan", "the Department of Homeland Security"), a nationality, people or language ("Kurdish",
    "Syrian", "in English")."""

    people: tuple[tuple[int, int], ...]
    organisations: tuple[tuple[int, int], ...]
    peoples: tuple[tuple[int, int], ...]          # NORP: nationalities, religious and political groups
    languages: tuple[tuple[int, int], ...]
    adjectives: tuple[tuple[int, int], ...]       # NORP used as an adjective ("Kurdish areas")
    demonyms: frozenset[str]
    surnames: frozenset[str]                      # last words of people's full names ("Clinton"), names told
    #                                               with an age ("Marsh, 25,")
    outlets: frozenset[str] = frozenset()         # names the text tells as an outlet's (`OUTLET_NAMES`)

    @classmethod
    def of(cls, parsed: "Doc", *, text: str, demonyms: frozenset[str]) -> "NamedSpans":
        """From the parse of `text` (its entities' offsets are offsets in `text`)."""
        spans: dict[str, list[tuple[int, int]]] = {"PERSON": [], "ORG": [], "NORP": [], "LANGUAGE": [], "ADJ": []}
        for ent in parsed.ents:
            if ent.label_ not in spans:
                continue
            start = ent.start_char + (4 if ent.text.lower().startswith("the ") else 0)
            adjective = ent.label_ == "NORP" and all(t.pos_ == "ADJ" for t in ent if t.lower_ != "the")
            spans["ADJ" if adjective else ent.label_].append((start, ent.end_char))
        surnames = frozenset([*(text[s:e].split()[-1] for s, e in spans["PERSON"] if len(text[s:e].split()) > 1),
                              *(m.group(1) for m in TOLD_WITH_AGE.finditer(text))])
        # not a name the text also puts things in ("Dabiq magazine" ... "fighting in Dabiq"): the town too
        told = {m.group(1) for pattern in OUTLET_NAMES for m in pattern.finditer(text)}
        outlets = frozenset(n for n in told if n.lower() not in STOP_WORDS and not re.search(
            rf"\b(?:in|near|outside|(?:town|city|village|district) of)\s+{re.escape(n)}\b", text))
        return cls(tuple(spans["PERSON"]), tuple(spans["ORG"]), tuple(spans["NORP"]), tuple(spans["LANGUAGE"]),
                   tuple(spans["ADJ"]), demonyms, surnames, outlets)

    def vetoes(self, c: Candidate, gaz: "Gazetteer") -> bool:
        """Whether the candidate is one of these rather than a place. The small model mislabels
        places too ("Aleppo" as NORP, "Erbil" as ORG, "Galkacyo" as PERSON), so only what is
        certain is refused here: demonyms, language names, nationality adjectives, capitalised common
        words and short acronyms, part of a person's full name or a surname the text gives as one
        ("Alton" of "Alton Sterling"; "Clinton" after "Hillary Clinton"), a small place inside an
        organisation's name ("the Department of Homeland Security"). A person or organisation
        named alone, without a locative word, is only marked (`named_as`) for `accept` to weigh.
        Curated places, countries and first-level regions are never refused here."""
        if c.curated_id:
            return False
        if gaz.country_code(c.text):
            return False            # "the U.S." is also a demonym
        words = c.text.replace("-", " ").split()
        single = words[0].lower().strip(".") if len(words) == 1 else ""
        if c.text in self.demonyms or single in LANGUAGES or (
                single in COMMON_WORDS and not (c.prefer == "admin1" and single in DIRECTION_WORDS)):
            return True
        region = gaz.admin1(c.text)
        if region is not None and not (c.text in self.surnames and name_key(region.name) != name_key(c.text)):
            return False            # a province; not a surname the gazetteer reads as one by another name
        if c.origin != "dateline" and c.text.isupper() and len(c.text) <= 4:
            return True             # "CIA", "HIV"
        if _overlaps(c, self.adjectives):
            return True             # "Kurdish areas": a nationality used as an adjective
        for start, end in self.people:
            if start <= c.start and c.end <= end and (start, end) != (c.start, c.end):
                return True         # part of a person's full name
            if (start, end) == (c.start, c.end) and not c.governed:
                c.named_as = "person"
        if (c.text in self.surnames or c.text.rstrip("'’") in self.surnames) \
                and not (c.governed and not c.via_of and c.text[-1:] not in "'’"
                         and _largest(gaz, c.text) >= PARTIAL_MIN_POPULATION):
            # "Glenn Franklin Jones ... Jones' residence": the possessive too; not a city a locative word
            # governs ("clashes ... at the Capitol in Sacramento" beside the group "Antifa Sacramento" the
            # tagger takes for a person), though "of" alone says no place ("the nomination of Garland")
            return True
        if c.text in self.outlets and c.origin != "dateline" and _largest(gaz, c.text) < PARTIAL_MIN_POPULATION:
            return True             # "the Zaman newspaper ... police raided Zaman": the outlet, not a village
        for start, end in self.organisations:
            if start < c.start and c.end <= end and _largest(gaz, c.text) < PARTIAL_MIN_POPULATION:
                return True         # inside an organisation's name, unless a city ("University of Goma")
            if (start, end) == (c.start, c.end) and not c.governed:
                c.named_as = c.named_as or "organisation"
        return not c.governed and (_overlaps(c, self.peoples) or _overlaps(c, self.languages))


def _largest(gaz: "Gazetteer", name: str) -> int:
    """The population of the largest place a name may mean (0 when none)."""
    return max((p.population for p in gaz.candidates(name, fuzzy=False)), default=0)


def _overlaps(c: Candidate, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(start < c.end and c.start < end for start, end in spans)


_DEMONYMS: dict[int, tuple[Any, frozenset[str]]] = {}


def state_demonyms(kb: Any) -> frozenset[str]:
    """The knowledge base's demonyms of states ("Syrian", "Iraqis"): never places."""
    cached = _DEMONYMS.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1]
    found = frozenset(d for entry in (getattr(kb, "actors", None) or {}).values()
                      for d in (getattr(entry, "demonyms", None) or ()))
    _DEMONYMS[id(kb)] = (kb, found)
    return found


def is_plausible(c: Candidate, text: str, actor_spans: list[tuple[int, int]], gaz: "Gazetteer") -> bool:
    if c.curated_id:
        return True
    if gaz.is_not_place(c.text):
        return False
    if re.sub(r"^the\s+", "", c.text.lower()) in GOVERNMENT_SEATS:
        return False            # "the White House said": the presidency, not White House, Tennessee
    words = c.text.replace("-", " ").split()
    if not words or not c.text[0].isupper() and not re.match(ART + "-", c.text):
        return False
    if all(w.lower().strip("'’") in STOP_WORDS for w in words):
        return False
    if words[0].lower() in STOP_WORDS and c.origin == "locative":
        return False
    if any(s <= c.start < e or s < c.end <= e for s, e in actor_spans):
        if not c.governed:
            return False
        # governed, yet inside an actor's name ("from Ansar Allah", "in Axis of Resistance ..."): a place
        # only when the name is a country or region ("Military Forces of Syria": Syria)
        if not (gaz.country_code(c.text) or gaz.admin1(c.text) is not None):
            return False
    return True

"""Stage: find the places a document names and resolve each to a point (`resolve_places`).

The stage is the face of the package: candidate sources (`sources.py`) find the spans that may name
a place, `context.py` reads what the words around each say of it, `vetoes.py` refuses the ones that
are no place, and the chooser (`chooser.py`) keeps one of overlapping candidates and resolves the
rest in two passes against the gazetteer; a town named only as the container of the next place
("Baghdad's western suburb of Abu Ghraib") then gives way to it (`containers.py`).

Candidates come from
- the knowledge base's curated places (`kb.match` place matches, and the gazetteer's curated
  names and aliases found in the text: `curated.py`),
- spaCy's GPE / LOC / FAC entities,
- capitalised names after a locative word ("in", "near", "outside", "east of", ...), and before a
  site ("a Brussels apartment", "a Sousse beach hotel"), kept only when they resolve,
- a dateline at the start ("MADAYA, Syria -", "BAGHDAD (Reuters) -"),
- a country's capital named by the country or its people ("the Afghan capital", "Somalia's capital":
  GeoNames' capital of that country), and the city a capital phrase names ("the Yemeni capital Sanaa"),
- ACLED-style disambiguators: "in Tafas (Daraa)", "Jobar, Damascus", "Tehran, Iran", where the
  second name is the region or country the first lies in; "Jarada town in the Idleb countryside",
  "Ghawr area of Ghamr district", "al-Saidi village, southern Daquq district": a place within
  another, which must then lie in the same country (and within 60 km of a town named so:
  `regions.py`).

Region phrases: "northern Syria" is a region (geo_precision 3), "northern Idlib" part of a
province (2), "the Red Sea coastal area of Yemen" a coast region (3). Names of actors that
`kb.match` finds are not places even after "in"/"from" unless they name a country or province;
macro-regions ("West Asia", "Middle East") never are. A small place in a country the document is
not clearly about is dropped ("Hit" in a note about Syria is not Hit in Iraq) unless a user
gazetteer holds it (its places are the gazetteer's imported ones).

Resolution runs twice: first without context, to learn which countries the document is about
(countries it names, curated places, large unambiguous cities); then every candidate again with
those countries and the places already found, so that "Tripoli" in a text about Lebanon is the
Lebanese one. geo_precision follows ACLED: 1 the place named, 2 near it / its outskirts / part of
a region, 3 a region, province or country.

Lower-case words never become places; a name used as an actor ("Israel said", "Iran-backed")
does not become a place unless a locative word governs it.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ...records import Document, Place
from ...knowledge.gazetteer import name_key
from .candidates import Candidate, CandidateSet
from .chooser import DocumentCountries, actor_countries, choose_places, document_countries, keep_known
from .context import read_context
from .containers import without_containers
from .sources import (bare_dateline_candidate, bracket_candidates, capital_candidates, capital_named_candidates,
                      curated_candidates, dateline_candidates, entity_candidates, filed_in_country, locative_candidates,
                      noun_candidates, object_candidates, site_candidates)
from .vetoes import plausible_candidates
from .wording import COUNTRYISH

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ...knowledge.gazetteer import Gazetteer


def resolve_places(doc: Document, parsed: "Doc", *, kb: Any) -> list[Place]:
    """Places named in `doc`, each with its exact span, resolved with `kb.gazetteer`."""
    gaz: "Gazetteer" = kb.gazetteer
    text = doc.text
    cands = CandidateSet(text)
    cands.extend(curated_candidates(kb, gaz, text))
    cands.extend(dateline_candidates(text))
    cands.extend(capital_candidates(kb, gaz, text))
    cands.extend(capital_named_candidates(text))
    cands.extend(locative_candidates(text))
    cands.extend(bracket_candidates(gaz, text))
    cands.extend(noun_candidates(text))
    cands.extend(site_candidates(gaz, text))
    cands.extend(entity_candidates(parsed, text))
    cands.extend(object_candidates(parsed, text))
    # a verb right after a name a preposition governs ("air strikes in Yemen killed five"): the name ends a phrase
    verbs = frozenset(t.idx for t in parsed if t.pos_ in ("VERB", "AUX") and t.i > 0 and parsed[t.i - 1].dep_ == "pobj")
    read_context(cands, text, gaz, verbs=verbs)

    plausible = plausible_candidates(cands, parsed=parsed, kb=kb, gaz=gaz, text=text)
    kept = keep_known(cands, plausible, gaz)

    prior: Counter[str] = Counter(actor_countries(kb, gaz, text) if callable(getattr(kb, "match", None)) else {})
    filed_in = filed_in_country(gaz, text)
    if filed_in:
        prior[filed_in] += 1.5
    known = document_countries(kept, gaz=gaz, prior=prior, text=text)
    if filed_in:
        known = with_filing_country(known, filed_in, kept, text=text)
    return without_containers(choose_places(kept, known, gaz=gaz, text=text), text)


def with_filing_country(known: DocumentCountries, filed_in: str, kept: list[Candidate], *,
                        text: str) -> DocumentCountries:
    """A report filed from a town ("BRUSSELS Mourad ...") that names that town again ("the Brussels suicide
    bombers", "Brussels Airport") is about the country it was filed in, however often it names others (the
    Olympics in Brazil, a win in Switzerland): that country is among the three it is clearly about, so that a
    mention of the town inside a longer name or after "of" is not dropped as a place abroad."""
    cand = bare_dateline_candidate(text)
    if cand is None or (filed_in in known.countries[:3] and filed_in in known.strong):
        return known
    if not any(c.start >= cand.end and name_key(c.text) == name_key(cand.text) for c in kept):
        return known
    countries = [cc for cc in known.countries if cc != filed_in]
    strong = [cc for cc in known.strong if cc != filed_in]
    return replace(known, countries=[*countries[:2], filed_in, *countries[2:]], strong=[*strong[:2], filed_in])


def filed_from(text: str, places: list[Place], *, kb: Any) -> Place | None:
    """The town a report without a dash after its dateline was filed from ("BIRSTALL, England A British
    member of parliament ...", "HANOVER, Germany U.S. President ..."): never one of the document's places
    (where a wire files from is often far from its story, and would weigh in the choice of every other
    place), resolved after them, in their countries and near their towns, for the events stage to take
    only for an event told with no place of its own. None when the text has a dateline with a dash (the
    places hold it), a place the stage found already covers the name, or it names no known town."""
    gaz: "Gazetteer | None" = getattr(kb, "gazetteer", None)
    cand = bare_dateline_candidate(text)
    if gaz is None or cand is None or any(p.span.start < cand.end and cand.start < p.span.end for p in places):
        return None
    counts = Counter(p.country for p in places if p.country)
    towns = [p for p in places if p.kind not in COUNTRYISH and p.latitude is not None]
    codes = [gaz.country_code(c) or c for c, _ in counts.most_common()]
    known = DocumentCountries(codes, codes[:3], [(None, p) for p in towns])
    found = [p for p in choose_places([cand], known, gaz=gaz, text=text)
             if p.latitude is not None and p.kind not in COUNTRYISH]
    return found[0] if found else None

"""The chooser of the places stage: of overlapping candidates it keeps the one that names a known
place, learns which countries the document is about (pass 1, without context), then resolves
every kept candidate with those countries and the places already placed (pass 2) and accepts a
reading only when it is plausible there ("Tripoli" in a text about Lebanon is the Lebanese one,
"Hit" in a note about Syria is not Hit in Iraq).

geo_precision follows ACLED: 1 the place named, 2 near it / its outskirts / part of a region, 3 a
region, province or country."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ...knowledge.gazetteer import PROMINENT_POPULATION, distance_km, drops_article, name_key
from ...records import Place, Span
from .candidates import Candidate
from .regions import lies_inside, region_phrase, resolve_container
from .spelling import named_as_spelled, spelling
from .wording import COUNTRYISH, DIRECTION_WORDS, FACILITY_WORDS, PARTIAL_MIN_POPULATION, US_STATES_AP

if TYPE_CHECKING:
    from ...knowledge.gazetteer import Gazetteer, ResolvedPlace


# a US city news names without its state (AP style names the state of every smaller town)
AP_STANDALONE_POPULATION = 100_000
FUZZY_ABROAD_MIN_POPULATION = 50000   # a place read by a near spelling outside the main country: a city at least
# "Birstall near Leeds", "Hesston, outside Wichita": the words that put a town beside a bigger one the text names
TOLD_NEAR = re.compile(r",?\s+(?:near|outside|close\s+to)\s+(?:the\s+(?:town|city)\s+of\s+)?")
NEAR_TOLD_KM = 80    # a town told as near another lies within this distance of it
# "Balad, 80 kilometers north of Baghdad", "Tarhouna, some 50 miles (80 km) southeast of Tripoli": a town told
# at a distance from another lies about that far from it
TOLD_AWAY = re.compile(r",?\s+(?:some\s+|about\s+|around\s+|nearly\s+|roughly\s+|just\s+)?(\d{1,3})\s*-?"
                       r"(km|kilometres|kilometers|kilometre|kilometer|miles|mile)\s+(?:\([^)]{0,20}\)\s+)?"
                       r"(?:(?:north|south|east|west)[a-z\-]*\s+of|from)\s+(?:the\s+(?:town|city|capital)\s+of\s+)?")


def keep_known(cands: Iterable[Candidate], plausible: list[Candidate], gaz: "Gazetteer") -> list[Candidate]:
    """Of overlapping candidates, curated ones, then the longest that names a known place ("Deir
    ez-Zor" over "Deir"; "Ramadi" over "Ramadi city", which names none); none over a name that is
    never a place ("West Asia"). In the order of the text."""
    taken: list[tuple[int, int]] = [(c.start, c.end) for c in cands
                                    if not c.curated_id and gaz.is_not_place(c.text)]   # "West Asia"
    exact = {(c.start, c.end): bool(c.curated_id or c.capital_of or gaz.has_exact(c.text)) for c in plausible}
    ranked = sorted(plausible, key=lambda c: (not c.curated_id, not exact[(c.start, c.end)],
                                              not (exact[(c.start, c.end)] or gaz.has(c.text)),
                                              -(c.end - c.start), c.start))
    kept: list[Candidate] = []
    for c in ranked:
        if not (exact[(c.start, c.end)] or gaz.has(c.text)):
            continue
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        taken.append((c.start, c.end))
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept


@dataclass(frozen=True, slots=True)
class DocumentCountries:
    """What pass 1 learnt: the document's countries by weight, the (at most three) it is clearly
    about, and the places placed without doubt, context for the others."""

    countries: list[str]
    strong: list[str]
    anchors: list[tuple[Candidate, "ResolvedPlace"]]


def document_countries(kept: list[Candidate], *, gaz: "Gazetteer", prior: Counter[str],
                       text: str = "") -> DocumentCountries:
    """Pass 1: each kept candidate resolved without context (`Candidate.resolved`, `.anchor` set);
    the countries it names, its curated places and large unambiguous cities weigh in, on top of
    `prior` (the actors' countries, where the report was filed). A town whose own region the `text` names
    anywhere, even as a word no place ("a Vermont man ... shot at a church in Burlington"), backs its country."""
    for c in kept:
        c.resolved = resolve_candidate(gaz, c, countries=(), near=())
    weights = Counter(prior)
    backed = set(prior)                # countries with evidence other than one lesser town's name
    towns: dict[str, set[str]] = {}    # the lesser towns that weigh for each country
    for c in kept:
        if c.country_hint:
            cc = gaz.country_code(c.country_hint)
            if cc and not _region_elsewhere(gaz, c.country_hint, cc):    # "Appling, Georgia": which Georgia?
                weights[cc] += 2
                backed.add(cc)
        r = c.resolved
        if r is None or not r.country_code or c.partial or c.via_of or r.match == "fuzzy":
            continue
        if r.kind == "populated_place" and name_key(c.text) != name_key(r.name) and not r.imported:
            continue   # known under another name there ("Saidi" for Zaidín): no evidence of the country
        if drops_article(c.text, r.name):
            continue   # "Ad Dali" matched Dali (China) only by dropping the article: no evidence either
        if r.kind == "country" and not c.curated_id and _region_elsewhere(gaz, c.text, r.country_code):
            continue   # "Georgia" is also a US state: the other places say which the text means
        if c.curated_id or r.kind == "country":
            weights[r.country_code] += 2 if c.governed or c.curated_id else 1
            c.anchor = r.kind != "country"
            backed.add(r.country_code)
        elif not unambiguous(gaz, c.text, r) and not _region_told(r, c, text):
            continue
        elif r.kind == "admin1" or r.population >= 50000:
            weights[r.country_code] += 1.5
            c.anchor = True
            if r.kind == "admin1" or r.population >= PROMINENT_POPULATION or _region_told(r, c, text):
                backed.add(r.country_code)
            else:
                towns.setdefault(r.country_code, set()).add(name_key(c.text))
        elif r.population >= 10000 and r.match == "exact":
            weights[r.country_code] += 0.5
            backed.add(r.country_code)
    for cc in _regions_of_their_towns(kept, gaz):
        weights[cc] += 2          # "three people were shot in Appling ... in northeast Georgia": the US state
        backed.add(cc)
    countries = [cc for cc, _ in weights.most_common()]
    # a country named by nothing but one lesser town of its own ("the affluent Hurlingham area" of a report on
    # Nairobi, never naming Argentina) is no country the document is about: that town is a namesake there
    lone = {cc for cc, names in towns.items() if len(names) == 1 and cc not in backed and cc not in countries[:1]}
    # countries the document is clearly about: for rejecting a small place elsewhere
    strong = [cc for cc, w in weights.most_common() if w >= 1.0 and cc not in lone][:3] or countries[:1]
    anchors = [(c, c.resolved) for c in kept if c.anchor and c.resolved.kind not in COUNTRYISH
               and c.resolved.country_code in countries[:2]]
    return DocumentCountries(countries, strong, anchors)


def choose_places(kept: list[Candidate], known: DocumentCountries, *, gaz: "Gazetteer", text: str) -> list[Place]:
    """Pass 2: every kept candidate resolved with the document's countries and the places already
    placed, each accepted reading a `Place` (a quarter of a town the gazetteer lacks as that town,
    a region phrase as a region), each town under the spelling most of its mentions use."""
    countries, strong, anchors = known.countries, known.strong, known.anchors
    states = us_states_named(kept, gaz)
    # the countries of the places read without context, each with how many names put it there
    named = Counter(c.resolved.country_code for c in kept if c.resolved is not None and c.resolved.country_code)
    places: list[Place] = []
    spelled: list[tuple[int, str | None]] = []   # (index in places, the text's spelling of that mention)
    quarters: dict[str, "ResolvedPlace"] = {}    # a quarter's name -> the town the text puts it in
    for c in kept:
        town = None if c.curated_id else quarters.get(name_key(c.text))
        near = [r for o, r in anchors if o is not c]
        if town is not None:
            near = [town, *near]
        within = None
        if c.within and not c.curated_id:
            within = resolve_container(gaz, c, countries=countries, near=near)
            if within is not None and within.kind not in COUNTRYISH:
                near = [within, *near]
        others = named - Counter([c.resolved.country_code] if c.resolved is not None else [])   # the other names'
        if not c.curated_id:
            c.resolved = resolve_candidate(gaz, c, countries=countries, near=near)
        r = c.resolved
        if r is not None and within is not None and not c.curated_id and not lies_inside(r, within):
            r = None   # "Jarada town in the Idleb countryside" is not Jerada in Morocco
        if town is not None and (r is None or distance_km(r.latitude, r.longitude, town.latitude, town.longitude)
                                 > NEAR_TOLD_KM):
            places.append(_quarter(c, town))     # "Brownsville" of "the Brooklyn neighborhood of Brownsville"
            continue
        parent = None
        if c.parent:
            parent = gaz.resolve(c.parent, countries=countries, near=[r for _, r in anchors])
            if parent is not None and parent.kind not in COUNTRYISH and (
                    r is None or r.kind in COUNTRYISH
                    or distance_km(r.latitude, r.longitude, parent.latitude, parent.longitude) > 30):
                if r is not None and _names_container(c, r, parent, text):
                    # the town named only as the container of the next place gives way to it (`containers.py`)
                    quarters[name_key(c.parent)] = r
                else:
                    # a quarter of a town that the gazetteer lacks, or places elsewhere: the town
                    places.append(_quarter(c, parent))
                continue
            if parent is not None and r is not None and r.kind not in COUNTRYISH and parent.kind not in COUNTRYISH \
                    and _names_container(c, r, parent, text):
                # "the Tel Aviv suburb of Petah Tikva": both known, close; the event is in the suburb (or, where the
                # suburb's own mention finds no place, in that quarter of the town)
                quarters[name_key(c.parent)] = r
                continue
        # a suburb told by its town ("the St. Louis suburb of Ferguson") needs no state of its own
        if r is None or not accept(c, r, countries, strong, gaz=gaz, named=others) \
                or (town is None and _state_untold(c, r, states)) or _airport_namesake(c, r, near, text):
            continue
        precision = r.geo_precision
        if c.precision and r.kind not in COUNTRYISH:
            precision = max(precision, c.precision)
        elif c.direction and r.kind == "admin1":
            precision = 2      # "southern Idlib": part of a region
        region = region_phrase(gaz, c, r, text)
        if region is not None:
            places.append(region)
            continue
        if c.parent and parent is None and r.kind == "populated_place" \
                and THE_BEFORE.search(text, max(0, c.start - 40), c.start):
            # "the Karachi neighbourhood of Lyari", a quarter the gazetteer lacks: that quarter of the town, at its
            # point
            places.append(replace(_quarter(c, r), name=f"{r.name} - {c.parent}"))
            continue
        spelled.append((len(places), None if c.capital_of else spelling(c, r)))
        places.append(Place(span=Span(c.start, c.end, c.text), name=r.name, country=r.country,
                            admin1=r.admin1, latitude=r.latitude, longitude=r.longitude,
                            geo_precision=precision, kind=r.kind, place_id=r.place_id))
    return placed_near_told(named_as_spelled(places, spelled), text=text, gaz=gaz)


# "the southeastern Baghdad suburb of Nahrawan": the article and its adjectives before a town named as a container
THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[a-z\-]+\s+){0,2}$")


# "Ataturk Airport", "Chicago's Midway International Airport", "O'Hare and Midway airports": the name an airport
# is known by
AIRPORT_AFTER = re.compile(r"\s+(?:International\s+|National\s+)?[Aa]irports?\b")
AIRPORT_TOWN_MIN_POPULATION = 5000   # a village this small far from the story is no airport's town


def _airport_namesake(c: Candidate, r: "ResolvedPlace", near: list["ResolvedPlace"], text: str) -> bool:
    """A name before "airport" read as a village far from every town the document is sure of: the airport is
    named after a person or a quarter ("Ataturk Airport" of Istanbul is not Ataturk, a village of Duzce)."""
    return r.kind == "populated_place" and r.population < AIRPORT_TOWN_MIN_POPULATION and not r.imported \
        and bool(AIRPORT_AFTER.match(text, c.end)) and bool(near) and all(
            distance_km(r.latitude, r.longitude, o.latitude, o.longitude) > NEAR_TOLD_KM for o in near)


def _quarter(c: Candidate, town: "ResolvedPlace") -> Place:
    """The mention `c` as a quarter of `town`, at its point ("Damascus - Jobar")."""
    return Place(span=Span(c.start, c.end, c.text), name=f"{town.name} - {c.text}", country=town.country,
                 admin1=town.admin1, latitude=town.latitude, longitude=town.longitude,
                 geo_precision=max(1, town.geo_precision), kind="neighbourhood", place_id=town.place_id)


def _names_container(c: Candidate, r: "ResolvedPlace", part: "ResolvedPlace", text: str) -> bool:
    """Whether "the X neighborhood of Y" names X as the town that holds Y ("the Brooklyn neighborhood of
    Brownsville", "the southeastern Baghdad suburb of Nahrawan"), not Y as the town X lies in ("the Jobar
    district of Damascus"): English puts either first, and the town is the larger of the two readings."""
    return bool(THE_BEFORE.search(text, max(0, c.start - 40), c.start)) and r.kind == "populated_place" \
        and r.population > part.population


def us_states_named(kept: list[Candidate], gaz: "Gazetteer") -> frozenset[str]:
    """The US states a text names, as regions of their own ("in Texas", "Kalamazoo, Mich.") or after a town."""
    named = {c.resolved.admin1 for c in kept
             if c.resolved is not None and c.resolved.kind == "admin1" and c.resolved.country_code == "US"}
    for c in kept:
        region = gaz.admin1(c.admin1_hint, country="United States") if c.admin1_hint else None
        if region is not None:
            named.add(region.admin1)
    return frozenset(n for n in named if n)


def _state_untold(c: Candidate, r: "ResolvedPlace", states: frozenset[str]) -> bool:
    """A US town below AP_STANDALONE_POPULATION in a state the text never names, in a text that names states: US
    news names the state of every such town (AP style: "Hesston, Kan."), so the name is another place's, a
    firm's or a person's ("Excel" in Kansas is not Excel, Alabama; "Alton Sterling" is not Sterling, Virginia)."""
    return bool(states) and r.country_code == "US" and r.kind == "populated_place" and not r.imported \
        and not c.admin1_hint and not c.country_hint and r.population < AP_STANDALONE_POPULATION \
        and r.admin1 not in states


def placed_near_told(places: list[Place], *, text: str, gaz: "Gazetteer") -> list[Place]:
    """A town the text tells as near another ("Birstall near Leeds") lies within NEAR_TOLD_KM of it, one told
    at a distance from another ("Balad, 80 kilometers north of Baghdad") about that far: a reading further
    away is a same-named town elsewhere. It becomes the homonym that lies near (the largest), else, when the
    gazetteer has none there, a town told near another is put at that one's point under its own name,
    ACLED's geo_precision 2 (near a town)."""
    towns = {p.span.start: p for p in places if p.kind == "populated_place" and p.latitude is not None}
    out = list(places)
    for i, p in enumerate(places):
        if p.kind != "populated_place" or p.latitude is None:
            continue
        told, reach = TOLD_NEAR.match(text, p.span.end), NEAR_TOLD_KM
        away = told is None
        if away:
            told = TOLD_AWAY.match(text, p.span.end)
            if told is not None:
                # the distance told, with room for a rough figure and the road's detours
                reach = int(told.group(1)) * (1.609 if told.group(2).startswith("mile") else 1) * 1.5 + 30
        near = towns.get(told.end()) if told else None
        if near is None or near is p or p.country != near.country \
                or distance_km(p.latitude, p.longitude, near.latitude, near.longitude) <= reach:
            continue
        there = [r for r in gaz.candidates(p.span.text, fuzzy=False) if r.kind == "populated_place"
                 and distance_km(r.latitude, r.longitude, near.latitude, near.longitude) <= reach]
        if there:
            r = max(there, key=lambda r: r.population)
            out[i] = replace(p, name=r.name, country=r.country, admin1=r.admin1, latitude=r.latitude,
                             longitude=r.longitude, geo_precision=r.geo_precision, place_id=r.place_id)
        elif not away:     # a town told far from another is not at that one's point either: it stays
            out[i] = replace(p, admin1=near.admin1, latitude=near.latitude, longitude=near.longitude,
                             geo_precision=max(2, near.geo_precision or 2), place_id=None)
    return out


def unambiguous(gaz: "Gazetteer", name: str, r: "ResolvedPlace") -> bool:
    """No same-named place in another country comes close in size ("Tripoli" is ambiguous)."""
    for other in gaz.candidates(name, fuzzy=False):
        if other.country_code != r.country_code and other.kind != "country" \
                and other.population >= max(5000, r.population // 10):
            return False
    return True


def _regions_named(gaz: "Gazetteer", name: str) -> list["ResolvedPlace"]:
    """The first-level regions whose own name is `name` exactly (Georgia, the US state)."""
    return [o for o in gaz.candidates(name, fuzzy=False)
            if o.kind == "admin1" and o.match == "exact" and name_key(o.name) == name_key(name)]


def _region_told(r: "ResolvedPlace", c: Candidate, text: str) -> bool:
    """Whether the text names, as a word of its own, the region the gazetteer puts town `r` in."""
    return bool(r.admin1) and name_key(r.admin1) != name_key(c.text) \
        and r.admin1.split()[0].lower() not in DIRECTION_WORDS \
        and re.search(r"(?<![\w-])" + re.escape(r.admin1) + r"(?![\w-])", text) is not None


def _regions_of_their_towns(kept: list[Candidate], gaz: "Gazetteer") -> set[str]:
    """The countries of the regions a country's name also names (Georgia, the US state) when the text names a
    town the gazetteer puts in that region ("Appling", in Georgia's Columbia County): the text means the
    region, and its country is one the document is about."""
    towns = [c.resolved for c in kept if c.resolved is not None and c.resolved.kind not in COUNTRYISH
             and c.resolved.admin1 and c.resolved.match == "exact"]
    out: set[str] = set()
    for c in kept:
        r = c.resolved
        if r is None or r.kind != "country" or c.curated_id:
            continue
        for region in _regions_named(gaz, c.text):
            if region.country_code != r.country_code and any(
                    t.country_code == region.country_code and name_key(t.admin1) == name_key(region.name)
                    for t in towns):
                out.add(region.country_code)
    return out


def _region_elsewhere(gaz: "Gazetteer", name: str, cc: str | None) -> bool:
    """A country's name that is also the name of a first-level region of another country (Georgia)."""
    return any(o.country_code != cc for o in _regions_named(gaz, name))


def actor_countries(kb: Any, gaz: "Gazetteer", text: str) -> dict[str, float]:
    """Countries of the knowledge-base actors the text names (AQAP -> Yemen): a weak signal."""
    actors = getattr(kb, "actors", None) or {}
    out: dict[str, float] = {}
    for m in kb.match(text):
        if getattr(m, "kind", None) != "actor":
            continue
        entry = actors.get(m.id)
        country = getattr(entry, "country", None) if entry is not None else None
        cc = gaz.country_code(country) if country else None
        if cc:
            out[cc] = out.get(cc, 0.0) + 0.75
    return out


def resolve_candidate(gaz: "Gazetteer", c: Candidate, *, countries: Any, near: Any) -> "ResolvedPlace | None":
    if c.curated_id:
        return gaz.curated.get(c.curated_id)
    if c.capital_of:
        return gaz.capital(c.capital_of)
    name = c.text
    if name.endswith(".") and name[:-1] in US_STATES_AP:
        # the AP's abbreviation of a US state ("BAILEY, Colo.-"), not a town spelled so (Colo, Iowa)
        return gaz.admin1(US_STATES_AP[name[:-1]], country="United States")
    if name.isupper() and len(name) > 3:
        name = name.title()
    ccs = list(countries)
    if c.country_hint:
        ccs.insert(0, c.country_hint)
    if c.admin1_hint:
        region = gaz.admin1(c.admin1_hint) or gaz.country(c.admin1_hint)
        if region is not None and region.country_code:
            ccs.insert(0, region.country_code)
    r = gaz.resolve(name, countries=ccs, near=near, admin1=c.admin1_hint, prefer=c.prefer)
    if r is None and name.lower().startswith("the "):
        r = gaz.resolve(name[4:], countries=ccs, near=near, admin1=c.admin1_hint, prefer=c.prefer)
    return _region_of_the_story(gaz, name, r, ccs)


def _region_of_the_story(gaz: "Gazetteer", name: str, r: "ResolvedPlace | None",
                         ccs: list[str]) -> "ResolvedPlace | None":
    """A country's name that is also a region's of a country the document is more about (Georgia, in a report
    whose other places are American): the region."""
    if r is None or r.kind != "country" or not ccs:
        return r
    rank = {gaz.country_code(x) or x: i for i, x in reversed(list(enumerate(ccs)))}
    regions = [o for o in _regions_named(gaz, name)
               if rank.get(o.country_code, len(ccs)) < rank.get(r.country_code, len(ccs))]
    return min(regions, key=lambda o: rank[o.country_code]) if regions else r


# a settlement noun written with a capital is part of a longer name, not a word a partial name may leave out
NAMED_SETTLEMENT_NOUNS = frozenset({"Village", "Town", "City"})


def _told_town(c: Candidate, r: "ResolvedPlace", named: Counter[str]) -> bool:
    """ "the town of Karkamis" in a report filed from Istanbul on Syria: a town the text calls one, named exactly
    as the gazetteer has it, in a country another name of the text puts a place in (`named`: countries by the
    names read there without context, its own left out), is that town however small (not "the town of Hit" in a
    report naming only Syria: the town alone does not put Iraq in the story)."""
    return c.settlement and r.kind == "populated_place" and r.match == "exact" and named[r.country_code] > 0 \
        and name_key(c.text) == name_key(r.name)


def accept(c: Candidate, r: "ResolvedPlace", countries: list[str], strong: list[str] | None = None, *,
            gaz: "Gazetteer", named: Counter[str] | None = None) -> bool:
    """Whether a resolution is plausible enough to report (`named`: `_told_town`)."""
    if c.curated_id or r.match == "curated" or c.capital_of:
        return True
    strong = countries[:3] if strong is None else strong
    size = 200000 if r.country_code in countries else 1000000
    if r.country_code not in countries and gaz.prominent(c.text) == r:
        size = PROMINENT_POPULATION      # "talks in Geneva" in a report about Syria: Geneva, Switzerland
    if r.kind not in COUNTRYISH and strong and r.country_code not in strong and r.population < size \
            and not c.admin1_hint and not c.country_hint and not r.imported \
            and not _told_town(c, r, named or Counter()):
        return False   # a smaller place elsewhere in a document clearly about other countries ("Hit" in Syria)
    if (c.partial or c.via_of) and (r.match != "exact" or (countries and r.country_code not in countries[:3])):
        return False
    if c.via_of and r.kind == "populated_place" and not r.imported and r.population < PARTIAL_MIN_POPULATION \
            and name_key(c.text) != name_key(r.name) and countries and r.country_code not in countries[:1]:
        return False   # "the temples of Bel" in a report on Syria is not Bell, California: a name after "of" read
        #                only as another name of a lesser town outside the main country is a word or a person
    if c.named_as and r.kind not in COUNTRYISH and r.population < PARTIAL_MIN_POPULATION \
            and r.country_code not in countries[:1]:
        return False   # "Clinton said", "Dogan reported": a small town elsewhere is no reading of a name
    if c.partial and r.population < PARTIAL_MIN_POPULATION \
            and any(w.lower().strip(".,'’") not in FACILITY_WORDS or w in NAMED_SETTLEMENT_NOUNS for w in c.cut.split()):
        return False   # "Khan" of "Khan Touman" (a place the gazetteer lacks) is not Khan; Benghazi of
        #                "Benghazi Revolutionaries' Shoura Council" is Benghazi; a capitalised settlement noun
        #                is part of the name ("Greenwich Village" is not Greenwich, Connecticut)
    if r.kind not in COUNTRYISH and strong and r.country_code not in strong and not c.admin1_hint \
            and not c.country_hint and not r.imported and (r.match == "fuzzy" or name_key(c.text) != name_key(r.name)):
        return False   # a place elsewhere known by a similar spelling or another name ("Daquq" -> Dhaka)
    if r.kind not in COUNTRYISH and r.match == "fuzzy" and countries and r.country_code not in countries[:1] \
            and r.population < FUZZY_ABROAD_MIN_POPULATION and not c.admin1_hint and not c.country_hint \
            and not r.imported:
        return False   # a hamlet of another country the report names spelled alike ("the Khazer area" near
        #                Mosul in a report on U.S. troops in Iraq is not Hauser, Idaho)
    if c.quarter and r.match == "fuzzy" and not r.imported:
        return False   # "a building in Midan district" of Aleppo is not Ma'dan, a village on the Euphrates
    hinted = gaz.country_code(c.country_hint) if c.country_hint else None
    if c.admin1_hint and not hinted:
        region = gaz.admin1(c.admin1_hint)
        hinted = region.country_code if region is not None else None
    if hinted and r.country_code and r.country_code != hinted and r.kind not in COUNTRYISH:
        return False   # "Rio Verde, Ariz." is not Rio Verde in Brazil: a town the text puts elsewhere
        #                ("Pakistan, Saudi Arabia and Somalia", "Tennessee, Georgia": a list, no container)
    if r.kind == "country":
        return (c.governed or c.origin in ("dateline", "paren")) and not c.modifier and not c.sides
    if c.origin == "ner" and not c.governed and r.kind == "populated_place" and r.match == "fuzzy" \
            and not r.imported:
        return False   # an entity no locative word governs, read only by a similar spelling of a town: a word, a
        #                team or a person ("the Sharks" are not Sarcoxie, "Han Solo" is not Hounslow)
    if c.origin in ("ner", "object") and not c.governed and r.kind != "admin1":
        # an entity not governed by a locative word: only a known, sizeable or local place
        return r.country_code in countries[:3] or r.population >= 100000
    if countries and r.country_code not in countries and r.population < 20000 and not c.admin1_hint \
            and not c.country_hint:
        return False
    if not c.governed and r.population < 1000 and r.kind == "populated_place":
        return False
    return True

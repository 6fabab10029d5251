"""Stage: find the places a document names and resolve each to a point (`resolve_places`).

Candidates come from
- the knowledge base's curated places (`kb.match` place matches, and the gazetteer's curated
  names and aliases found in the text),
- spaCy's GPE / LOC / FAC entities,
- capitalised names after a locative word ("in", "near", "outside", "east of", ...), kept only
  when they resolve,
- a dateline at the start ("MADAYA, Syria -", "BAGHDAD (Reuters) -"),
- ACLED-style disambiguators: "in Tafas (Daraa)", "Jobar, Damascus", "Tehran, Iran", where the
  second name is the region or country the first lies in; "Jarada town in the Idleb countryside",
  "Ghawr area of Ghamr district", "al-Saidi village, southern Daquq district": a place within
  another, which must then lie in the same country (and within 60 km of a town named so).

Region phrases: "northern Syria" is a region (geo_precision 3), "northern Idlib" part of a
province (2), "the Red Sea coastal area of Yemen" a coast region (3). Names of actors that
`kb.match` finds are not places even after "in"/"from" unless they name a country or province;
macro-regions ("West Asia", "Middle East") never are. A small place in a country the document is
not clearly about is dropped ("Hit" in a note about Syria is not Hit in Iraq) unless a user
gazetteer holds it.

Resolution runs twice: first without context, to learn which countries the document is about
(countries it names, curated places, large unambiguous cities); then every candidate again with
those countries and the places already found, so that "Tripoli" in a text about Lebanon is the
Lebanese one. geo_precision follows ACLED: 1 the place named, 2 near it / its outskirts / part of
a region, 3 a region, province or country.

Lower-case words never become places; a name used as an actor ("Israel said", "Iran-backed")
does not become a place unless a locative word governs it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import ahocorasick

from ...knowledge.gazetteer import PROMINENT_POPULATION, ascii_name, distance_km, drops_article, name_key
from ...records import Document, Place, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ...knowledge.gazetteer import Gazetteer, ResolvedPlace

_ART = r"(?:al|el|ar|as|ash|ad|adh|an|az|at|ath|ez|es|ed|en|er|et|ul|bin|ibn|bani|bani|wa|de|del|la|le|of|du)"
_CAP = r"(?:[A-Z][\w'’]*(?:-[\w'’]+)*)"
_NUM = r"(?:\s\d{1,3}\b)"  # "Tower 22", "K 1"
# A capitalised name: "Deir ez-Zor", "al-Mayadin", "Kafr Nubl", "Jisr al-Shughur", "Tower 22".
NAME = rf"(?:(?:{_ART}-)?{_CAP}(?:(?:[ \-]{_ART})?[ \-](?:{_ART}-)?{_CAP})*{_NUM}?)"

# Words that govern a place. Values: the geo_precision the construction implies (None: as named).
_LOCATIVES: dict[str, int | None] = {
    "in": None, "at": None, "inside": None, "into": None, "from": None, "to": None, "toward": None,
    "towards": None, "across": None, "via": None, "of": None, "village of": None, "town of": None,
    "city of": None, "area of": None, "areas of": None, "camp of": None, "towns of": None, "villages of": None,
    "cities of": None, "neighbourhood of": None, "neighborhood of": None, "district of": None, "districts of": None,
    "governorate of": None, "province of": None, "region of": None, "port of": None, "port city of": None,
    "near": 2, "nearby": 2, "outside": 2, "outside of": 2, "around": 2, "close to": 2, "vicinity of": 2,
    "outskirts of": 2, "countryside of": 2, "surroundings of": 2, "suburbs of": 2, "edge of": 2,
    "north of": 2, "south of": 2, "east of": 2, "west of": 2, "northeast of": 2, "northwest of": 2,
    "southeast of": 2, "southwest of": 2, "north-east of": 2, "north-west of": 2, "south-east of": 2,
    "south-west of": 2, "km from": 2, "kilometres from": 2, "kilometers from": 2, "miles from": 2,
    "km north of": 2, "km south of": 2, "km east of": 2, "km west of": 2, "between": None,
}
_DIRECTIONS = (r"(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|"
               r"south-west|central|rural|northern|southern|eastern|western|north-eastern|north-western|"
               r"south-eastern|south-western|northeastern|northwestern|southeastern|southwestern|south\s+eastern|"
               r"north\s+eastern|south\s+western|north\s+western)")
_COMMA_AFTER = re.compile(r"^(?:\s+(?:district|sub-district|subdistrict|town|village|city|area|neighbou?rhood))?"
                          r",\s*(?:(?:in\s+)?(?:the\s+)?" + _DIRECTIONS + r"\s+)?(" + NAME + r")")
_LOC_RE = re.compile(
    r"\b((?i:" + "|".join(sorted((re.escape(k) for k in _LOCATIVES), key=len, reverse=True)) + r"))\s+(?:the\s+)?"
    r"(?:" + _DIRECTIONS + r"\s+)?("
    + NAME + r"(?:\s*(?:,|\band\b|\bor\b|, and)\s*(?:the\s+)?" + NAME + r")*)")
_LIST_SPLIT = re.compile(r"\s*(?:,\s*and\b|,|\band\b|\bor\b)\s*(?:the\s+)?")
# Words after a name that change what it means.
_AFTER_REGION = re.compile(r"^(?:'s|’s)?\s+(?:(?:border|coastal|northern|southern|eastern|western|central|"
                           r"northeastern|northwestern|southeastern|southwestern|eastern|rural|desert|mountainous)\s+)?"
                           r"(?:province|governorate|governorates|region|muhafazah|wilayat|state)\b", re.I)
_AFTER_NEAR = re.compile(r"^(?:'s|’s)?\s+(?:countryside|outskirts|suburbs|surroundings|vicinity|environs|"
                         r"desert|outskirt|periphery|district|districts|plain|plains)\b", re.I)
_PAREN_AFTER = re.compile(r"^\s*\((" + NAME + r")\)")
_DATELINE = re.compile(
    r"^[ \t]*(?P<city>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})(?:,\s*(?P<region>[A-Z][A-Za-z.'’\-]+"
    r"(?: [A-Z][A-Za-z.'’\-]+){0,2}))?\s*(?:\([^)\n]{1,40}\))?\s*(?:-|–|—|:)\s", re.M)
# Wire copy without a dash: "BEIRUT Four suicide bombers ...", "DIYARBAKIR/ISTANBUL, Turkey Eight
# Turkish soldiers ...", "LOS ANGELES/BOSTON While ...": capitals at the very start, then the first
# sentence; the first city is the dateline, a country or region after a comma its hint.
_BARE_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})(?:/[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})*"
    r"(?:,\s*(?P<region>[A-Z][a-z.'’\-]+(?: [A-Z][a-z.'’\-]+)?))?\s+(?=[A-Z\"“‘'][a-z]|[A-Z]\s|\d)")
# Capitalised words that are never places in these positions (sentence words, months, titles).
_STOP = frozenset(
    "the a an this that these those he she it they we i his her its their our my your monday tuesday wednesday "
    "thursday friday saturday sunday january february march april may june july august september october "
    "november december today yesterday tomorrow mr mrs ms dr president minister prime general gen col lt "
    "sheikh king prince emir imam islamic state reuters afp ap associated press news agency according "
    "however meanwhile also after before during since until on at by for with about several many some "
    "two three four five six seven eight nine ten one no not ministry government army forces police".split())
# Capitalised common words that GeoNames also holds as small towns ("Union", "Congress", "West"):
# alone, never a place; a direction word is one when a region noun follows ("Northern region").
_COMMON_WORDS = frozenset(
    "union congress senate council commerce homeland center centre university secretary supreme post marine "
    "war wall atlantic pacific earth holocaust android north south east west northern southern eastern western "
    "central national federal republic security defense defence justice liberty independence freedom victory "
    "unity hope mission home ocean state capitol white house super still "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Languages the news names ("in English", "in Kurdish"); GeoNames holds some as small towns.
_LANGUAGES = frozenset("english arabic french kurdish turkish persian farsi russian hebrew urdu pashto dari "
                       "spanish german chinese".split())
_DIRECTION_WORDS = frozenset("north south east west northern southern eastern western central".split())
PARTIAL_MIN_POPULATION = 100_000   # a city keeps its name inside a longer one ("Pietermaritzburg Magistrate's Court")
# What a partial name may leave out and still name the place: "Kafr Nubl Hospital" is in Kafr Nubl,
# "Khan Touman" is not in Khan.
_FACILITY_WORDS = frozenset(
    "hospital clinic airport airbase air base military university college school prison jail mosque church "
    "market square bridge road highway street camp city town village district province governorate "
    "countryside central international stadium hotel station dam port crossing checkpoint citadel "
    "refinery plant factory field fields oilfield gate gates court courthouse high primary secondary general "
    "teaching police magistrate magistrates regional municipal".split())
_PLACE_NOUNS = (r"(?:town|towns|village|villages|city|district|sub-district|subdistrict|neighbourhood|neighborhood|"
                r"area|areas|hamlet|camp|countryside|outskirts|suburb|municipality|governorate|province|region|"
                r"hill|hills|mountain|mountains|farms|checkpoint|crossing|airport|port|valley|plain|desert|"
                r"junction|road|highway)")
_NAME_PAREN = re.compile(r"(?<![\w-])(" + NAME + r")\s*\((" + NAME + r")\)")
_NOUN_AFTER = re.compile(r"(?<![\w-])(" + NAME + r")\s+" + _PLACE_NOUNS + r"\b")
_TRAILING_NOUN = re.compile(r"\s+" + _PLACE_NOUNS + r"$", re.I)
_DIRECTION_BEFORE = re.compile(r"\b(?:northern|southern|eastern|western|central|rural|north-?eastern|"
                               r"north-?western|south-?eastern|south-?western|northeastern|northwestern|"
                               r"southeastern|southwestern)\s+$", re.I)
# A name followed by one of these is an organisation or an operation, not a place.
_AFTER_ORG = re.compile(r"^(?:'s)?\s+(?:[A-Z][a-z]+\s+)?(?:Operation|operation|Corps|Company|Army|army|Forces|forces|"
                        r"Brigade|Brigades|Movement|Front|Council|University|Railways?|Party|Division|Regiment|"
                        r"Battalion|Group|Ministry|Court|Authority|Agency|Committee|Union|Bank|Hospital|"
                        r"militia|militias|fighters|troops|soldiers|Guard|Guards|Command|TV|News|Times|"
                        r"news agency|agency|Agency|newspaper|daily|Daily|channel|television|radio|Radio|"
                        r"nightclub|Nightclub|club|Club|bar|restaurant|magazine|website)\b")
_PART_OF = re.compile(r"^\s+(?:neighbou?rhood|quarter|district|suburb|area|camp)s?\s+(?:of|in)\s+(?:the\s+)?(?:city\s+of\s+)?("
                      + NAME + r")")
_NOUN_NEXT = re.compile(r"^\s+([a-z]+)\b")
# "Jarada town in the Idleb countryside", "Bedina village in northwest Afrin", "Ghawr area of Ghamr
# district", "Al 'Anad neighbourhood in Maain district": the place lies within the second name.
_WITHIN = re.compile(
    r"^(?:\s+(?:and\s+" + NAME + r"\s+)?" + _PLACE_NOUNS + r")?\s+(?:in|of|within)\s+(?:the\s+)?"
    r"(?:" + _DIRECTIONS + r"\s+)?(?:countryside\s+of\s+|outskirts\s+of\s+|suburbs\s+of\s+)?(?:the\s+)?("
    + NAME + r")")
# A sea's coast: "the Red Sea coast", "Red Sea coastal area of Yemen" (a region along the sea).
_COAST_AFTER = re.compile(r"^\s+(?:coast|coasts|coastal|coastline|shore|shores|littoral)\b(?:\s+(?:area|areas|region|"
                          r"strip|districts?))?(?:\s+of\s+(" + NAME + r"))?")
_FUNCTION_WORDS = frozenset(
    "and or on in at to for from with by since during after before as was is where which while when that near "
    "but over under had has have were are will amid into across against because if than then who whose said "
    "says told reported".split())
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "compound", "amod", "poss", "agent", "npadvmod", "appos"})
_COUNTRYISH = frozenset({"country", "admin1"})


@dataclass(slots=True)
class _Candidate:
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
    partial: bool = False             # a shorter prefix of a longer capitalised name
    cut: str = ""                     # what a partial name leaves out ("Touman" of "Khan Touman")
    named_as: str | None = None       # "person" / "organisation": the parse names it so, with no locative word
    via_of: bool = False              # governed only by "of" ("the Governor of Nineveh")
    parent: str | None = None         # "Jobar neighbourhood of Damascus" -> "Damascus"
    within: str | None = None         # "Jarada town in the Idleb countryside" -> "Idleb"
    direction: str | None = None      # "northern" in "northern Syria"
    coast_of: str | None = None       # "Red Sea coastal area of Yemen" -> "Yemen" ("" when no country named)
    region_start: int | None = None   # where a region phrase starts ("northern Syria")
    resolved: Any = None
    notes: list[str] = field(default_factory=list)


def resolve_places(doc: Document, parsed: "Doc", *, kb: Any) -> list[Place]:
    """Places named in `doc`, each with its exact span, resolved with `kb.gazetteer`."""
    gaz: "Gazetteer" = kb.gazetteer
    text = doc.text
    cands: dict[tuple[int, int], _Candidate] = {}

    def add(c: _Candidate) -> None:
        if text[c.start:c.end] != c.text or not c.text or not any(ch.isupper() or ch.isdigit() for ch in c.text):
            return
        if c.text.endswith(("'s", "’s")) and len(c.text) > 3:     # "Hama's southern countryside" -> "Hama"
            c.end -= 2
            c.text = c.text[:-2]
        old = cands.get((c.start, c.end))
        if old is None:
            cands[(c.start, c.end)] = c
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

    # 1. curated places: the knowledge base's matcher, and the gazetteer's curated names.
    match = getattr(kb, "match", None)
    if callable(match):
        for m in match(text):
            if getattr(m, "kind", None) == "place" and m.id in gaz.curated:
                add(_Candidate(m.start, m.end, text[m.start:m.end], "curated", curated_id=m.id))
    for start, end, place_id in find_curated(gaz, text):
        add(_Candidate(start, end, text[start:end], "curated", curated_id=place_id))
    actor_spans = _actor_spans(kb, text) if callable(match) else []

    # 2. dateline
    head = text[:300]
    m = _DATELINE.search(head)
    if m and m.start() < 120 and m.group("city").upper() == m.group("city"):
        city = m.group("city")
        region = m.group("region")
        add(_Candidate(m.start("city"), m.end("city"), city, "dateline", country_hint=region, governed=True))
        if region:
            add(_Candidate(m.start("region"), m.end("region"), region, "dateline", governed=True))
    # a dateline without a dash ("BEIRUT Four suicide bombers ..."): where the report was filed, so
    # a hint of the country it is about, not a place of its own (the events stage would take it for
    # the place of the events it reports)
    filed_in = None if m and m.start() < 120 else _bare_dateline_country(gaz, head)

    # 3. names governed by a locative word ("in X", "near X and Y").
    for m in _LOC_RE.finditer(text):
        word = m.group(1).lower()
        implied = _LOCATIVES.get(word)
        group_start = m.start(2)
        chunk = m.group(2)
        for part in _split_list(chunk, group_start):
            for i, sub in enumerate(_subnames(text, *part)):
                add(_Candidate(sub[0], sub[1], text[sub[0]:sub[1]], "locative", precision=implied,
                               governed=True, partial=i > 0, cut=text[sub[1]:part[1]].strip(),
                               via_of=word == "of"))

    # 4. ACLED's "Name (Region)": "shelled Tafas (Daraa)", "Hit (Dar'a)" when the bracket names a
    #    first-level region or a country.
    for m in _NAME_PAREN.finditer(text):
        region = m.group(2)
        if gaz.country_code(region) or gaz.admin1(region) is not None:
            add(_Candidate(m.start(1), m.end(1), m.group(1), "paren", governed=True, admin1_hint=None))

    # 4b. a name followed by a place noun: "Andan town", "Touneh village", "Jobar neighbourhood".
    for m in _NOUN_AFTER.finditer(text):
        add(_Candidate(m.start(1), m.end(1), m.group(1), "locative", governed=True))

    # 5. spaCy entities (and the entity without a trailing place noun: "Ramadi city" -> "Ramadi")
    for ent in parsed.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        start, end = ent.start_char, ent.end_char
        if text[start:end].lower().startswith("the "):
            start += 4
        governed = _governed(text, start)
        if ent.root.dep_ in _ACTOR_DEPS and not governed:
            continue   # "Israel said", "Iran-backed": an actor, or a modifier
        add(_Candidate(start, end, text[start:end], "ner", governed=governed,
                       via_of=bool(re.search(r"\bof\s+(?:the\s+)?$", text[max(0, start - 8):start]))))
        trimmed = _TRAILING_NOUN.search(text[start:end])
        if trimmed and trimmed.start() > 0:
            add(_Candidate(start, start + trimmed.start(), text[start:start + trimmed.start()], "ner",
                           governed=True))

    # Context around each candidate: "X province", "X countryside", "X (Region)", "X, Country".
    for c in cands.values():
        after = text[c.end:c.end + 60]
        if not c.curated_id and _AFTER_ORG.match(after):
            c.origin = "not_a_place"
        nm = _NOUN_NEXT.match(after)
        if nm and nm.group(1) not in _FUNCTION_WORDS:
            c.modifier = True
        pm = _PART_OF.match(after)
        if pm:
            c.parent = pm.group(1)
        wm = _WITHIN.match(after)
        if wm and not pm and wm.group(1) != c.text:
            c.within = wm.group(1)
        sm = _COAST_AFTER.match(after)
        if sm:
            c.coast_of = sm.group(1) or ""
        if _AFTER_REGION.match(after):
            c.prefer = "admin1"
            c.precision = 3
        elif _AFTER_NEAR.match(after):
            c.precision = 2
        pm = _PAREN_AFTER.match(after)
        if pm:
            c.admin1_hint = pm.group(1)
        cm = _COMMA_AFTER.match(after)
        if cm and not c.admin1_hint:
            nxt = cm.group(1)
            if gaz.country_code(nxt):
                c.country_hint = c.country_hint or nxt
            elif gaz.admin1(nxt) is not None:
                c.admin1_hint = nxt
            elif not c.within and nxt != c.text:
                c.within = nxt          # "al-Saidi village, southern Daquq district"
        if not c.precision and _governed_near(text, c.start):
            c.precision = 2
        dm = _DIRECTION_BEFORE.search(text[max(0, c.start - 25):c.start])
        if dm:
            c.prefer = c.prefer or "admin1"
            c.precision = 2
            c.direction = dm.group(0).strip().lower()
            c.region_start = max(0, c.start - 25) + dm.start()

    # Of overlapping candidates, keep curated ones, then the longest that names a known place
    # ("Deir ez-Zor" over "Deir"; "Ramadi" over "Ramadi city", which names none).
    taken: list[tuple[int, int]] = [(c.start, c.end) for c in cands.values()
                                    if not c.curated_id and gaz.is_not_place(c.text)]   # "West Asia"
    named = _NamedSpans.of(parsed, demonyms=_demonyms(kb))
    plausible = [c for c in cands.values()
                 if c.origin != "not_a_place" and _plausible(c, text, actor_spans, gaz) and not named.vetoes(c, gaz)]
    exact = {(c.start, c.end): bool(c.curated_id or gaz.has_exact(c.text)) for c in plausible}
    ranked = sorted(plausible, key=lambda c: (not c.curated_id, not exact[(c.start, c.end)],
                                              not (exact[(c.start, c.end)] or gaz.has(c.text)),
                                              -(c.end - c.start), c.start))
    kept: list[_Candidate] = []
    for c in ranked:
        if not (exact[(c.start, c.end)] or gaz.has(c.text)):
            continue
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        taken.append((c.start, c.end))
        kept.append(c)
    kept.sort(key=lambda c: c.start)

    # Pass 1: no context.
    for c in kept:
        c.resolved = _resolve(gaz, c, countries=(), near=())
    weights: Counter[str] = Counter(_actor_countries(kb, gaz, text) if callable(match) else {})
    if filed_in:
        weights[filed_in] += 1.5
    for c in kept:
        if c.country_hint:
            cc = gaz.country_code(c.country_hint)
            if cc:
                weights[cc] += 2
        r = c.resolved
        if r is None or not r.country_code or c.partial or c.via_of or r.match == "fuzzy":
            continue
        if r.kind == "populated_place" and name_key(c.text) != name_key(r.name) and not r.imported:
            continue   # known under another name there ("Saidi" for Zaidín): no evidence of the country
        if drops_article(c.text, r.name):
            continue   # "Ad Dali" matched Dali (China) only by dropping the article: no evidence either
        if c.curated_id or r.kind == "country":
            weights[r.country_code] += 2 if c.governed or c.curated_id else 1
            c.anchor = r.kind != "country"
        elif not _unambiguous(gaz, c.text, r):
            continue
        elif r.kind == "admin1" or r.population >= 50000:
            weights[r.country_code] += 1.5
            c.anchor = True
        elif r.population >= 10000 and r.match == "exact":
            weights[r.country_code] += 0.5
    countries = [cc for cc, _ in weights.most_common()]
    # countries the document is clearly about: for rejecting a small place elsewhere
    strong = [cc for cc, w in weights.most_common() if w >= 1.0][:3] or countries[:1]
    anchors = [(c, c.resolved) for c in kept if c.anchor and c.resolved.kind not in _COUNTRYISH
               and c.resolved.country_code in countries[:2]]

    # Pass 2: with the document's countries and the places already placed.
    places: list[Place] = []
    spelled: list[tuple[int, str | None]] = []   # (index in places, the text's spelling of that mention)
    for c in kept:
        near = [r for o, r in anchors if o is not c]
        within = None
        if c.within and not c.curated_id:
            within = _within(gaz, c, countries=countries, near=near)
            if within is not None and within.kind not in _COUNTRYISH:
                near = [within, *near]
        if not c.curated_id:
            c.resolved = _resolve(gaz, c, countries=countries, near=near)
        r = c.resolved
        if r is not None and within is not None and not c.curated_id and not _inside(r, within):
            r = None   # "Jarada town in the Idleb countryside" is not Jerada in Morocco
        if c.parent:
            parent = gaz.resolve(c.parent, countries=countries, near=[r for _, r in anchors])
            if parent is not None and parent.kind not in _COUNTRYISH and (
                    r is None or r.kind in _COUNTRYISH
                    or distance_km(r.latitude, r.longitude, parent.latitude, parent.longitude) > 30):
                # a quarter of a town that the gazetteer lacks, or places elsewhere: the town
                places.append(Place(span=Span(c.start, c.end, c.text), name=f"{parent.name} - {c.text}",
                                    country=parent.country, admin1=parent.admin1, latitude=parent.latitude,
                                    longitude=parent.longitude, geo_precision=max(1, parent.geo_precision),
                                    kind="neighbourhood", place_id=parent.place_id))
                continue
        if r is None or not _accept(c, r, countries, strong, gaz=gaz):
            continue
        precision = r.geo_precision
        if c.precision and r.kind not in _COUNTRYISH:
            precision = max(precision, c.precision)
        elif c.direction and r.kind == "admin1":
            precision = 2      # "southern Idlib": part of a region
        region = _region_phrase(gaz, c, r, text)
        if region is not None:
            places.append(region)
            continue
        spelled.append((len(places), _spelling(c, r)))
        places.append(Place(span=Span(c.start, c.end, c.text), name=r.name, country=r.country,
                            admin1=r.admin1, latitude=r.latitude, longitude=r.longitude,
                            geo_precision=precision, kind=r.kind, place_id=r.place_id))
    return _named_as_spelled(places, spelled)


def _bare_dateline_country(gaz: "Gazetteer", head: str) -> str | None:
    """The country code of a dateline without a dash ("BEIRUT Four ...", "DIYARBAKIR/ISTANBUL, Turkey
    Eight ..."): its country or region after the comma, else its first city when that is a city
    of at least DATELINE_MIN_POPULATION people or a capital-sized unambiguous name."""
    m = _BARE_DATELINE.match(head)
    if m is None:
        return None
    region = m.group("region")
    for name in ((region, region.split()[0]) if region else ()):
        cc = gaz.country_code(name) or getattr(gaz.admin1(name), "country_code", None)
        if cc:
            return cc
    city = gaz.prominent(m.group("city").title())
    return city.country_code if city is not None else None


def _spelling(c: _Candidate, r: "ResolvedPlace") -> str | None:
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


def _named_as_spelled(places: list[Place], spelled: list[tuple[int, str | None]]) -> list[Place]:
    """Each town under the spelling most of its mentions use, so that every mention of one place
    carries one name and a misspelt mention does not name it ("Istanbu's airport" once, "Istanbul"
    once: Istanbul); of equals, the gazetteer's own spelling, else the first."""
    counts: dict[str, Counter[str]] = {}
    for i, spelling in spelled:
        if spelling:
            counts.setdefault(places[i].place_id or "", Counter())[spelling] += 1
    out = list(places)
    for i, _ in spelled:
        votes = counts.get(places[i].place_id or "")
        if votes:
            own = name_key(places[i].name)
            order = list(votes)
            best = max(order, key=lambda sp: (votes[sp], name_key(sp) == own, -order.index(sp)))
            out[i] = replace(places[i], name=best)
    return out


def _within(gaz: "Gazetteer", c: _Candidate, *, countries: Any, near: Any) -> "ResolvedPlace | None":
    """The region or town a candidate lies within ("... town in the Idleb countryside" -> Idleb);
    a region also becomes the candidate's admin1 hint, a country its country hint."""
    name = c.within or ""
    if gaz.is_not_place(name):
        return None
    cc = gaz.country_code(name)
    if cc:
        c.country_hint = c.country_hint or name
        return gaz.country(name)
    region = gaz.admin1(name, country=countries[0] if countries else None) or gaz.admin1(name)
    if region is not None:
        c.admin1_hint = c.admin1_hint or name
        return region
    return gaz.resolve(name, countries=countries, near=near)


def _inside(r: "ResolvedPlace", within: "ResolvedPlace") -> bool:
    """Whether `r` may lie within `within` (same country; a town: within 60 km)."""
    if within.country_code and r.country_code and within.country_code != r.country_code:
        return False
    if within.kind in _COUNTRYISH or r.kind in _COUNTRYISH:
        return True
    return distance_km(r.latitude, r.longitude, within.latitude, within.longitude) <= 60


def _region_phrase(gaz: "Gazetteer", c: _Candidate, r: "ResolvedPlace", text: str) -> Place | None:
    """"northern Syria" (part of a country: a region, geo_precision 3), "the Red Sea coastal area of
    Yemen" (a coast: a region, geo_precision 3); None when the candidate is no region phrase."""
    if c.direction and r.kind == "country" and c.region_start is not None:
        span = Span(c.region_start, c.end, text[c.region_start:c.end])
        return Place(span=span, name=f"{c.direction} {r.name}", country=r.country, admin1=None,
                     latitude=r.latitude, longitude=r.longitude, geo_precision=3, kind="region",
                     place_id=r.place_id)
    if c.coast_of is not None and r.kind in ("sea", "gulf", "strait", "waterway"):
        country = gaz.country(c.coast_of) if c.coast_of else None
        name = f"{r.name} coast" + (f" of {country.name}" if country is not None else "")
        return Place(span=Span(c.start, c.end, c.text), name=name,
                     country=country.country if country is not None else r.country, admin1=None,
                     latitude=r.latitude, longitude=r.longitude, geo_precision=3, kind="region",
                     place_id=r.place_id)
    return None


def _unambiguous(gaz: "Gazetteer", name: str, r: "ResolvedPlace") -> bool:
    """No same-named place in another country comes close in size ("Tripoli" is ambiguous)."""
    for other in gaz.candidates(name, fuzzy=False):
        if other.country_code != r.country_code and other.kind != "country" \
                and other.population >= max(5000, r.population // 10):
            return False
    return True


def _actor_countries(kb: Any, gaz: "Gazetteer", text: str) -> dict[str, float]:
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


def find_curated(gaz: "Gazetteer", text: str) -> list[tuple[int, int, str]]:
    """(start, end, curated place id) for each curated name or alias in `text` (longest first).

    Matching ignores case but the matched text must contain a capital letter or a digit, so
    "the gulf" is not the Persian Gulf while "the Gulf of Aden" is the Gulf of Aden.

    An Aho-Corasick automaton over the lower-cased text finds every alias; the scan then keeps,
    left to right, the longest alias at each start with word boundaries on both sides (what
    one case-insensitive regex alternation, longest alias first, would find). Texts whose
    lower-casing changes their length or that hold characters the regex engine folds specially
    go through that regex instead.
    """
    automaton, pattern, by_alias = _curated_matchers(gaz)
    if pattern is None:
        return []
    lowered = text.lower()
    if len(lowered) != len(text) or (not text.isascii() and _SPECIAL_FOLDS.intersection(text)):
        spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
    else:
        spans = _curated_spans(automaton, text, lowered)
    out: list[tuple[int, int, str]] = []
    for start, end in spans:
        found = text[start:end]
        if not any(ch.isupper() or ch.isdigit() for ch in found):
            continue
        place_id = by_alias.get(found.lower())
        if place_id is not None:
            start = start + 4 if found[:4].lower() == "the " else start
            out.append((start, end, place_id))
    return out


# characters Python's regex engine matches case-insensitively with others beyond lower() (ı ~ i, ſ ~ s, ...)
_SPECIAL_FOLDS = frozenset("\u0131\u017f\u00b5\u03bc\u03c2\u03c3\u03d0\u03b2\u03d1\u03b8\u03d5\u03c6"
                           "\u03d6\u03c0\u03f0\u03ba\u03f1\u03c1\u03f5\u03b5\u1e9b\u1e61\ufb05\ufb06"
                           "\u0130\u212a\u212b\u2126\u1e9e\u0345\u0399\u03b9\u1fbe")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _curated_spans(automaton: Any, text: str, lowered: str) -> list[tuple[int, int]]:
    """Leftmost, then longest, non-overlapping alias occurrences bounded as the regex bounds them:
    `(?<![\\w-])` before and `(?![\\w]|-\\w)` after."""
    at: dict[int, list[int]] = {}
    for last, length in automaton.iter(lowered):
        at.setdefault(last + 1 - length, []).append(length)
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    for start in sorted(at):
        if start < pos:
            continue
        if start > 0 and (text[start - 1] == "-" or _is_word(text[start - 1])):
            continue
        for length in sorted(at[start], reverse=True):
            end = start + length
            if end < n and (_is_word(text[end]) or (text[end] == "-" and end + 1 < n and _is_word(text[end + 1]))):
                continue
            out.append((start, end))
            pos = end
            break
    return out


_CURATED_CACHE: dict[int, tuple[Any, Any, Any, dict[str, str]]] = {}


def _curated_matchers(gaz: "Gazetteer") -> tuple[Any, re.Pattern[str] | None, dict[str, str]]:
    aliases = gaz.curated_aliases()
    cached = _CURATED_CACHE.get(id(gaz))
    if cached is not None and cached[0] is gaz and len(cached[3]) >= len(aliases):
        return cached[1], cached[2], cached[3]
    by_alias: dict[str, str] = {}
    for place_id, names in aliases.items():
        for name in names:
            by_alias.setdefault(name.lower(), place_id)
    if not by_alias:
        return None, None, by_alias
    body = "|".join(re.escape(a) for a in sorted(by_alias, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w]|-\w)", re.IGNORECASE)
    automaton = ahocorasick.Automaton()
    for alias in by_alias:
        if alias:
            automaton.add_word(alias, len(alias))
    automaton.make_automaton()
    _CURATED_CACHE[id(gaz)] = (gaz, automaton, pattern, by_alias)
    return automaton, pattern, by_alias


def _actor_spans(kb: Any, text: str) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in kb.match(text) if getattr(m, "kind", "place") != "place"]


def _split_list(chunk: str, offset: int) -> list[tuple[int, int]]:
    """'Idlib, Hama and Homs' -> spans of each name."""
    out: list[tuple[int, int]] = []
    pos = 0
    for sep in _LIST_SPLIT.finditer(chunk):
        if sep.start() > pos:
            out.append((offset + pos, offset + sep.start()))
        pos = sep.end()
    if pos < len(chunk):
        out.append((offset + pos, offset + len(chunk)))
    return out


def _subnames(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A name and its shorter left-anchored prefixes ("Kafr Nubl Hospital" -> ..., "Kafr Nubl")."""
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^\s]+", text[start:end])]
    out = []
    for n in range(len(words), 0, -1):
        out.append((words[0][0], words[n - 1][1]))
    return out


_GOVERNED_RE = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in _LOCATIVES) + r")\s+(?:the\s+)?(?:"
                          + _DIRECTIONS + r"\s+)?$")


def _governed(text: str, start: int) -> bool:
    return bool(_GOVERNED_RE.search(text[max(0, start - 45):start].lower()))


def _governed_near(text: str, start: int) -> bool:
    before = text[max(0, start - 30):start].lower()
    near = [re.escape(k) for k, v in _LOCATIVES.items() if v == 2]
    return bool(re.search(r"\b(?:" + "|".join(near) + r")\s+(?:the\s+)?$", before))


@dataclass(frozen=True, slots=True)
class _NamedSpans:
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
    surnames: frozenset[str]                      # last words of people's full names ("Clinton")

    @classmethod
    def of(cls, parsed: "Doc", *, demonyms: frozenset[str]) -> "_NamedSpans":
        spans: dict[str, list[tuple[int, int]]] = {"PERSON": [], "ORG": [], "NORP": [], "LANGUAGE": [], "ADJ": []}
        for ent in parsed.ents:
            if ent.label_ not in spans:
                continue
            start = ent.start_char + (4 if ent.text.lower().startswith("the ") else 0)
            adjective = ent.label_ == "NORP" and all(t.pos_ == "ADJ" for t in ent if t.lower_ != "the")
            spans["ADJ" if adjective else ent.label_].append((start, ent.end_char))
        surnames = frozenset(parsed.text[s:e].split()[-1] for s, e in spans["PERSON"] if len(parsed.text[s:e].split()) > 1)
        return cls(tuple(spans["PERSON"]), tuple(spans["ORG"]), tuple(spans["NORP"]), tuple(spans["LANGUAGE"]),
                   tuple(spans["ADJ"]), demonyms, surnames)

    def vetoes(self, c: _Candidate, gaz: "Gazetteer") -> bool:
        """Whether the candidate is one of these rather than a place. The small model mislabels
        places too ("Aleppo" as NORP, "Erbil" as ORG, "Galkacyo" as PERSON), so only what is
        certain is refused here: demonyms, language names, nationality adjectives, capitalised common
        words and short acronyms, part of a person's full name or a surname the text gives as one
        ("Alton" of "Alton Sterling"; "Clinton" after "Hillary Clinton"), a small place inside an
        organisation's name ("the Department of Homeland Security"). A person or organisation
        named alone, without a locative word, is only marked (`named_as`) for `_accept` to weigh.
        Curated places, countries and first-level regions are never refused here."""
        if c.curated_id:
            return False
        if gaz.country_code(c.text):
            return False            # "the U.S." is also a demonym
        words = c.text.replace("-", " ").split()
        single = words[0].lower().strip(".") if len(words) == 1 else ""
        if c.text in self.demonyms or single in _LANGUAGES or (
                single in _COMMON_WORDS and not (c.prefer == "admin1" and single in _DIRECTION_WORDS)):
            return True
        if gaz.admin1(c.text) is not None:
            return False
        if c.origin != "dateline" and c.text.isupper() and len(c.text) <= 4:
            return True             # "CIA", "HIV"
        if _overlaps(c, self.adjectives):
            return True             # "Kurdish areas": a nationality used as an adjective
        for start, end in self.people:
            if start <= c.start and c.end <= end and (start, end) != (c.start, c.end):
                return True         # part of a person's full name
            if (start, end) == (c.start, c.end) and not c.governed:
                c.named_as = "person"
        if c.text in self.surnames:
            return True
        for start, end in self.organisations:
            if start < c.start and c.end <= end and _largest(gaz, c.text) < PARTIAL_MIN_POPULATION:
                return True         # inside an organisation's name, unless a city ("University of Goma")
            if (start, end) == (c.start, c.end) and not c.governed:
                c.named_as = c.named_as or "organisation"
        return not c.governed and (_overlaps(c, self.peoples) or _overlaps(c, self.languages))


def _largest(gaz: "Gazetteer", name: str) -> int:
    """The population of the largest place a name may mean (0 when none)."""
    return max((p.population for p in gaz.candidates(name, fuzzy=False)), default=0)


def _overlaps(c: _Candidate, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(start < c.end and c.start < end for start, end in spans)


_DEMONYMS: dict[int, tuple[Any, frozenset[str]]] = {}


def _demonyms(kb: Any) -> frozenset[str]:
    """The knowledge base's demonyms of states ("Syrian", "Iraqis"): never places."""
    cached = _DEMONYMS.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1]
    found = frozenset(d for entry in (getattr(kb, "actors", None) or {}).values()
                      for d in (getattr(entry, "demonyms", None) or ()))
    _DEMONYMS[id(kb)] = (kb, found)
    return found


def _plausible(c: _Candidate, text: str, actor_spans: list[tuple[int, int]], gaz: "Gazetteer") -> bool:
    if c.curated_id:
        return True
    if gaz.is_not_place(c.text):
        return False
    words = c.text.replace("-", " ").split()
    if not words or not c.text[0].isupper() and not re.match(_ART + "-", c.text):
        return False
    if all(w.lower().strip("'’") in _STOP for w in words):
        return False
    if words[0].lower() in _STOP and c.origin == "locative":
        return False
    if any(s <= c.start < e or s < c.end <= e for s, e in actor_spans):
        if not c.governed:
            return False
        # governed, yet inside an actor's name ("from Ansar Allah", "in Axis of Resistance ..."): a place
        # only when the name is a country or region ("Military Forces of Syria": Syria)
        if not (gaz.country_code(c.text) or gaz.admin1(c.text) is not None):
            return False
    return True


def _resolve(gaz: "Gazetteer", c: _Candidate, *, countries: Any, near: Any) -> "ResolvedPlace | None":
    if c.curated_id:
        return gaz.curated.get(c.curated_id)
    name = c.text
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
    return r


def _accept(c: _Candidate, r: "ResolvedPlace", countries: list[str], strong: list[str] | None = None, *,
            gaz: "Gazetteer") -> bool:
    """Whether a resolution is plausible enough to report."""
    if c.curated_id or r.match == "curated":
        return True
    strong = countries[:3] if strong is None else strong
    size = 200000 if r.country_code in countries else 1000000
    if r.country_code not in countries and gaz.prominent(c.text) == r:
        size = PROMINENT_POPULATION      # "talks in Geneva" in a report about Syria: Geneva, Switzerland
    if r.kind not in _COUNTRYISH and strong and r.country_code not in strong and r.population < size \
            and not c.admin1_hint and not c.country_hint and not r.imported:
        return False   # a smaller place elsewhere in a document clearly about other countries ("Hit" in Syria)
    if (c.partial or c.via_of) and (r.match != "exact" or (countries and r.country_code not in countries[:3])):
        return False
    if c.named_as and r.kind not in _COUNTRYISH and r.population < PARTIAL_MIN_POPULATION \
            and r.country_code not in countries[:1]:
        return False   # "Clinton said", "Dogan reported": a small town elsewhere is no reading of a name
    if c.partial and r.population < PARTIAL_MIN_POPULATION \
            and any(w.lower().strip(".,'’") not in _FACILITY_WORDS for w in c.cut.split()):
        return False   # "Khan" of "Khan Touman" (a place the gazetteer lacks) is not Khan; Benghazi of
        #                "Benghazi Revolutionaries' Shoura Council" is Benghazi
    if r.kind not in _COUNTRYISH and strong and r.country_code not in strong and not c.admin1_hint \
            and not c.country_hint and not r.imported and (r.match == "fuzzy" or name_key(c.text) != name_key(r.name)):
        return False   # a place elsewhere known by a similar spelling or another name ("Daquq" -> Dhaka)
    if r.kind == "country":
        return (c.governed or c.origin in ("dateline", "paren")) and not c.modifier
    if c.origin == "ner" and not c.governed and r.kind != "admin1":
        # an entity not governed by a locative word: only a known, sizeable or local place
        return r.country_code in countries[:3] or r.population >= 100000
    if countries and r.country_code not in countries and r.population < 20000 and not c.admin1_hint \
            and not c.country_hint:
        return False
    if not c.governed and r.population < 1000 and r.kind == "populated_place":
        return False
    return True

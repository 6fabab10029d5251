"""One event per place: ACLED codes an action a text reports in several named places as one event per place.

    drafts = [c for d in drafts for c in each_place(d, places)]

'Rebels clashed with government forces in Daraya and in Douma' were two clashes; 'the Kurds secured the
villages of Deir Jamal and Maranaz' two changes of territory; 'a convoy entered two villages, al Foua and
Kefraya' two deliveries. The places must be coordinated names the event word itself governs: the objects
of its site prepositions ("in", "near", ...), of the prepositions that aim it ("an offensive against the
towns of A and B", "advanced into A and B"), its direct object ("captured A and B") or, for an event
noun, its "of" phrase ("the capture of A and B"); a list headed by a place noun ("the villages of A and B",
"two villages, A and B") may name villages the gazetteer lacks. Each copy keeps the other fields of the
event; the sentence's toll stays with the first place (the fatalities are assigned after this step, to
one draft of the sentence), never duplicated. A part joined with "and" that names its own site in another
town ("killed 15 people at a hotel in Aden and seven at a mosque in Sanaa") is such a copy too, with the toll
that part counts (`joined_sites`).
"""
from __future__ import annotations

import dataclasses
from typing import Any, Sequence

from ...records import DateMention, Place, Span
from ..places.wording import STRIKING_VERBS, STRUCK_PLACE_VERBS
from .attributes import KILL_VERBS, LIGHT_ROLES, number_in
from .incidents import VIOLENT_INCIDENT_NOUNS
from .notes import Draft, finer_within

SITE_PREPS = {"in", "on", "at", "near", "around", "outside"}
# prepositions naming the place an action is aimed at or moves into ("an offensive against the towns of
# Marea and Azaz", "troops pushed into Nubul and Zahraa")
AIMED_PREPS = {"against", "into"}
WIDE_KINDS = ("country", "admin1", "region")
AREA_NOUNS = {"region", "area", "village", "town", "district", "province", "city", "neighbourhood", "neighborhood",
              "suburb", "locality", "capital"}
# the verbs an event noun may be the subject or object of in a clause that tells its harm ("bombers killed")
HARMING_VERBS = KILL_VERBS | STRUCK_PLACE_VERBS | {"wound", "injure", "die", "shoot", "detonate", "explode"}
# one agreement covers all the places it names
ONE_PLACE_TYPES = {"Agreement"}


def coordinated_sites(head: Any, place: Place) -> list[Any]:
    """The noun phrases of the site preposition that names an event's place, with the ones coordinated
    with it: 'attacks on the Bashiqa front and in the Khazer area', 'clashed with troops in Daraya and
    Douma' (the parser hangs the place from the troops). The preposition hangs from the event word or a word of its clause, never from another verb."""
    doc = head.doc
    tok = next((t for t in doc if t.idx == place.span.start), None)
    while tok is not None and tok.dep_ != "pobj" and tok.head.i != tok.i:
        tok = tok.head if tok.dep_ in ("compound", "amod", "conj", "appos") else None
    if tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "of":
        area = tok.head.head
        if area.lemma_.lower() not in AREA_NOUNS or area.dep_ != "pobj":
            return _areas_struck(head, tok)
        tok = area         # "bombings in the town of Suruc ... and in the capital Ankara": the town's phrase
    if tok is None or tok.dep_ != "pobj" or tok.head.lower_ not in SITE_PREPS:
        return []
    prep = tok.head
    if prep.dep_ == "conj":
        prep = next((p for p in prep.ancestors if p.dep_ == "prep"), prep)
    if not (prep.head.i == head.i or head in prep.head.ancestors or prep.head in head.children
            or (_subject_noun(head) and (prep.head.i == head.head.i or _verb_object(prep.head, head.head)))):
        return []
    preps = [prep] + [c for c in prep.conjuncts if c.lower_ in SITE_PREPS]
    # "in the town of Suruc near the Syrian border and in the capital Ankara": the parser joins the second
    # site to the preposition that qualifies the first
    inner = [t for o in prep.children if o.dep_ == "pobj" for t in o.subtree
             if t.dep_ == "prep" and t.lower_ in SITE_PREPS]
    preps += [c for t in inner for c in t.conjuncts if c.lower_ in SITE_PREPS and c.i > t.i and c not in preps]
    objs = [c for p in preps for c in p.children if c.dep_ == "pobj"]
    return objs + [c for o in objs for c in o.conjuncts]


def _verb_object(tok: Any, verb: Any) -> bool:
    """The direct object of the verb an event noun is the subject of: the site phrase of "protesters
    blocked roads in A, B and C" is the protesters' act's."""
    return tok.dep_ == "dobj" and tok.head.i == verb.i


def _areas_struck(head: Any, tok: Any) -> list[Any]:
    """"Artillery fire hit the regions of Suran and Tal El Hisn, as well as Baragidah and Kusakcik": the
    places named as the areas the event's verb struck, and those added to them with "as well as"."""
    area = tok.head.head
    verb = head if head.pos_ == "VERB" else head.head
    if area.lemma_.lower() not in AREA_NOUNS or area.dep_ != "dobj" or area.head != verb:
        return []
    added = [g for c in verb.children if c.dep_ in ("prep", "cc") and c.lower_ == "as"
             and any(a.lower_ == "well" for a in c.subtree) for g in c.children if g.dep_ == "pobj"]
    objs = [tok] + added
    return objs + [c for o in objs for c in o.conjuncts]


def each_place(d: Draft, places: list[Place], dates: Sequence[DateMention] = ()) -> list[Draft]:
    """The draft, and a copy of it for every other place its event word governs in a list of places
    (module docstring). Only a reported or claimed event; the places towns or villages (no region,
    province or country), in one country."""
    if d.status not in ("reported", "claimed") or d.coding.sub_event_type in ONE_PLACE_TYPES:
        return [d]
    sites = _site_list(d, places)
    if sites is None:
        sites = _listed_sites(d, places)
    if len(sites) < 2:
        return _each_own_site(d, places, dates)
    sites = sorted(sites, key=lambda p: p.span.start)
    tied = _tied_site(d, sites)
    if tied is not None:
        sites = [tied] + [s for s in sites if s is not tied]     # the sentence's toll goes to the first
    # a telling that names its own list of places ("the capture of the towns of Mayer and then Kafin") is no
    # mere reference to an incident told before: each place's event stays its own
    first = dataclasses.replace(d, place=sites[0], place_here=True, place_site=True, reference=None, listed=True)
    return [first] + [dataclasses.replace(d, place=s, fatalities=None, count=None, rules=list(d.rules),
                                          assoc1=list(d.assoc1), assoc2=list(d.assoc2), place_here=True,
                                          place_site=True, reference=None, listed=True)
                      for s in sites[1:]]


def _each_own_site(d: Draft, places: list[Place], dates: Sequence[DateMention] = ()) -> list[Draft]:
    """The draft, and a copy of it at each place a part joined to its clause with "and" names in a site
    phrase of its own, with the toll that part tells (`joined_sites`) and the day it tells (`_part_day`)."""
    joined = joined_sites(d, places)
    copies = [dataclasses.replace(d, place=p, fatalities=toll, count=None, rules=list(d.rules), assoc1=list(d.assoc1),
                                  assoc2=list(d.assoc2), place_here=True, place_site=True, reference=None, listed=True,
                                  date=_part_day(d, start, joined[k + 1][2] if k + 1 < len(joined) else d.sent_end,
                                                 dates))
              for k, (p, toll, start) in enumerate(joined)]
    if not copies:
        return [d]
    return [dataclasses.replace(d, reference=None, listed=True)] + copies


def joined_sites(d: Draft, places: list[Place]) -> list[tuple[Place, int | None, int]]:
    """The places, with the toll each tells, of the parts joined with "and" to the clause of an event told at a
    town: "bombers killed 15 people at a hotel in Aden and seven at a mosque in Sanaa" (the parser joins "seven"
    to the verb), "attacked a police station in Arish and an army checkpoint in Rafah", "killed 12 at a market
    in Kirkuk and at a checkpoint in Tikrit". Each part names its own site in a town of its own, after the
    event's town; a part inside the town told ("in Aleppo and in its eastern districts") or the same town is
    no other incident, nor is a place that only qualifies the first site ("near X in Y": one phrase). With
    each place, the character its part starts at."""
    if not d.place_here or d.place is None or d.place.kind in WIDE_KINDS or d.place.latitude is None:
        return []
    verb = _clause_verb(d.mention.head)
    if verb is None:
        return []
    parts = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NUM", "NOUN", "PROPN", "ADP")
             and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            parts += [x for x in c.conjuncts if x.i > c.i]
        elif c.dep_ == "prep" and c.lower_ in SITE_PREPS:
            parts += [x for g in c.children if g.dep_ == "pobj" for x in g.conjuncts if x.i > g.i]
            parts += [x for x in c.conjuncts if x.i > c.i]
    # the parts that count the victims as the verb's object does ("killed 12 ... and nine at ...")
    # (the parser often joins such a part to the day told last: "killed five in A on Monday and three in B")
    counted = {c.i for c in parts if c.head.i == verb.i or c.head.dep_ in ("dobj", "nsubjpass")
               or (c.head.dep_ == "pobj" and c.head.head.head.i == verb.i)}
    told = d.place.span.start
    town = next((t for t in d.mention.sent if t.idx <= told < t.idx + len(t)), None)
    while town is not None and town.dep_ == "compound" and town.head.i > town.i:
        town = town.head
    if town is not None:
        # "in a market in Maarat al-Numan and a bakery in Idlib": the parser joins the second site to the town
        parts += [c for c in town.conjuncts if c.i > town.i and c.pos_ == "NOUN"]
    out: list[tuple[Place, int | None, int]] = []
    for part in sorted(parts, key=lambda t: t.i):
        if part.left_edge.idx <= told:
            return []         # the event's own town lies in a part: the parser's parts are not the text's
        if part.lemma_.lower() in VIOLENT_INCIDENT_NOUNS:
            continue          # "a suicide attack near Kabul and a separate attack in Ghazni": a telling of its own
        place = _own_site(part, places)
        if place is None or place.name in {d.place.name} | {p.name for p, _, _ in out} \
                or finer_within(place, d.place) or finer_within(d.place, place):
            continue
        toll = None
        killing = verb.lemma_.lower() in KILL_VERBS or (verb.i + 1 < len(verb.doc) and verb.nbor(1).lower_ == "dead")
        if killing and part.pos_ in ("NUM", "NOUN") and part.i in counted:
            found = number_in([c for c in part.children if c.dep_ in ("nummod", "det")] + [part], [])
            toll = found[0] if found is not None else None
        out.append((place, toll, part.left_edge.idx))
    return out


def _part_day(d: Draft, start: int, end: int, dates: Sequence[DateMention]) -> DateMention | None:
    """The day a joined part tells of its own ("killed five in A on Monday and three in B on Tuesday": Tuesday),
    when the first part told its own before it; else the event's day, which the parts share ("killed five in A
    and three in B on Monday")."""
    verb = _clause_verb(d.mention.head)
    if d.date is None or verb is None or not d.sent_start <= d.date.span.start < start:
        return d.date
    own = [m for m in dates if start <= m.span.start < end and m.date is not None and _dates(verb, m)]
    return own[0] if own else d.date


def _dates(verb: Any, when: DateMention) -> bool:
    """Whether a day told in an event's sentence dates the verb's own clause, not a verb of saying or
    another verb ("..., officials said on Tuesday")."""
    tok = next((t for t in verb.sent if t.idx <= when.span.start < t.idx + len(t)), None)
    while tok is not None and tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok is not None and tok.i == verb.i


def _clause_verb(head: Any) -> Any:
    """The verb of an event word's clause: the word itself, or the verb of harm or striking it is the subject
    or object of ("bombers killed", "killed in an attack"); not a verb that only tells of it ("the attack came
    at the end of a march decrying shootings in A and near B")."""
    if head.pos_ == "VERB":
        return head
    if head.dep_ in LIGHT_ROLES:
        up = head.head.head if head.dep_ == "pobj" else head.head
        if up.pos_ == "VERB" and up.i != head.i and up.lemma_.lower() in HARMING_VERBS:
            return up
    return None


def _own_site(part: Any, places: list[Place]) -> Place | None:
    """The one town a part names in a site phrase of its own ("seven at a mosque in Sanaa"), not in the
    parts joined to it."""
    others = {t.i for c in part.children if c.dep_ == "conj" for t in c.subtree}
    preps = [part] if part.pos_ == "ADP" else [c for c in part.children if c.dep_ == "prep" and c.lower_ in SITE_PREPS]
    if part.pos_ == "ADP" and part.lower_ not in SITE_PREPS:
        return None
    spans = [(min(t.idx for t in sub), max(t.idx + len(t) for t in sub))
             for p in preps if (sub := [t for t in p.subtree if t.i not in others])]
    found = {p.name: p for p in places if p.kind not in WIDE_KINDS and p.latitude is not None
             and any(a <= p.span.start < b for a, b in spans)}
    return next(iter(found.values())) if len(found) == 1 else None


def _tied_site(d: Draft, sites: list[Place]) -> Place | None:
    """The place a toll told after the list is tied to by "the latter" or "the former" ("bombings in Suruc
    and in Ankara, the latter killing more than 100 people")."""
    sent = d.mention.sent
    for t in sent:
        if t.lower_ in ("latter", "former") and t.i > sent.start and t.nbor(-1).lower_ == "the" \
                and t.idx > sites[-1].span.start:
            return sites[-1] if t.lower_ == "latter" else sites[0]
    return None


def _site_list(d: Draft, places: list[Place]) -> list[Place] | None:
    """The towns coordinated with the event's own place under its site prepositions ('in Daraya and in
    Douma'); None when the event's place is none of a site phrase's."""
    if not d.place_here or d.place is None or d.place.kind in WIDE_KINDS:
        return None
    # the event word's own sites, else those of a verb of striking in its sentence ("Artillery fire hit the
    # regions of Suran and Tal El Hisn, ..., taking out three rocket installations", told as the installations)
    objs = coordinated_sites(d.mention.head, d.place)
    for verb in (t for t in d.mention.sent if t.pos_ == "VERB" and t.lemma_.lower() in STRIKING_VERBS):
        objs = objs or coordinated_sites(verb, d.place)
    if not objs:
        return None
    sites: list[Place] = []
    # a place noun stands for the names it heads ("in the town of Suruc ... and in the capital Ankara")
    for obj in (n for o in objs for n in (_names(o)[0] or [o])):
        found = _resolved(obj, places, country=d.place.country)
        if not found and not any(_within(p, obj) for p in places):
            found = [_near(obj, d.place)] if _village_name(obj, headed=_headed(obj)) else []
        if len(found) == 1 and all(found[0].name != s.name for s in sites):
            sites.append(found[0])
    return sites if d.place.name in {s.name for s in sites} else []


def _listed_sites(d: Draft, places: list[Place]) -> list[Place]:
    """The places of the first list of two or more the event word governs (module docstring)."""
    for names, headed in (_names(obj) for obj in _governed(d.mention.head)):
        if len(names) < 2:
            continue
        known = {id(n): _resolved(n, places) for n in names}
        countries = {p.country for found in known.values() for p in found}
        if len(countries) > 1 or any(len(found) > 1 for found in known.values()):
            continue
        if not headed and not all(known.values()):
            continue           # "captured Azaz and the rebels' arms": a bare list must be all places
        if d.place is not None and d.place_here and d.place.kind not in WIDE_KINDS and countries \
                and d.place.country not in countries:
            continue
        beside = next((found[0] for found in known.values() if found), None)
        if beside is None and d.place is not None and d.place_here and d.place.kind not in WIDE_KINDS:
            beside = d.place   # "near Azaz, the Kurds secured the villages of A and B": near the town told
        sites: list[Place] = []
        for n in names:
            found = known[id(n)] or ([_near(n, beside) if beside is not None else _unplaced(n, d.place)]
                                     if _village_name(n, headed=headed) and not any(_within(p, n) for p in places) else [])
            if found and all(found[0].name != s.name for s in sites):
                sites.append(found[0])
        if len(sites) >= 2:
            return sites
    return []


def _governed(head: Any) -> list[Any]:
    """The noun phrases an event word governs as the place it was done to or at: its direct object (or the
    subject of its passive), the objects of its site and aiming prepositions, and for a noun its "of"
    phrase ("the capture of the towns of Mayer and Kafin")."""
    preps = SITE_PREPS | AIMED_PREPS | ({"of"} if head.pos_ == "NOUN" else set())
    out = []
    for c in head.children:
        if c.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    if _subject_noun(head):
        # "protesters rallied in Cairo and Alexandria", "clashes erupted in ...": the sites of its verb; the
        # places its verb of striking struck ("air strikes hit A, B and C")
        verb = head.head
        out.extend(g for c in verb.children if c.dep_ == "prep" and c.lower_ in SITE_PREPS
                   for g in c.children if g.dep_ == "pobj")
        if verb.lemma_.lower() in STRUCK_PLACE_VERBS:
            out.extend(c for c in verb.children if c.dep_ == "dobj")
    return out


def _subject_noun(head: Any) -> bool:
    """An event noun the subject of its clause's verb ("protesters rallied", "clashes broke out")."""
    return head.pos_ == "NOUN" and head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ == "VERB"


def _names(obj: Any) -> tuple[list[Any], bool]:
    """The coordinated names of a place phrase, in order, and whether a place noun heads them: "the
    villages of Deir Jamal and Maranaz", "two Shi'ite villages, al Foua and Kefraya" (headed), "Nubul and
    Zahraa" (bare)."""
    if obj.lemma_.lower() in AREA_NOUNS:
        # "the towns of Mayer and then Kafin": the parser often hangs the later names from the place noun
        heads = [c for c in obj.conjuncts if c.pos_ == "PROPN"]
        for area in (obj, *obj.conjuncts):
            if area.lemma_.lower() not in AREA_NOUNS:
                continue
            # "the towns of A and B", "several cities including A, B and C"
            heads += [g for c in area.children if c.dep_ == "prep" and c.lower_ in ("of", "including")
                      for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
            heads += [c for c in area.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            # "entered two villages, al Foua and Kefraya": the parser often makes the names a second object
            after = area.right_edge.i + 1
            if after + 1 < len(area.doc) and area.doc[after].text == "," and area.head.i != area.i:
                heads += [c for c in area.head.children if c.dep_ == area.dep_ and c.pos_ == "PROPN"
                          and c.left_edge.i == after + 1]
        names = {n.i: n for h in heads for n in (h, *h.conjuncts) if n.pos_ == "PROPN"}
        if not names and obj.i + 1 < len(obj.doc) and obj.nbor(1).pos_ == "PROPN":
            # "the capital Ankara": the parser often hangs the name elsewhere
            name = obj.nbor(1)
            while name.dep_ == "compound" and name.head.i > name.i:
                name = name.head
            names = {name.i: name}
        return [names[i] for i in sorted(names)], True
    if obj.pos_ == "PROPN":
        names = {n.i: n for n in (obj, *obj.conjuncts) if n.pos_ == "PROPN"}
        return [names[i] for i in sorted(names)], False
    return [], False


def _headed(tok: Any) -> bool:
    """Whether a name lies in a list a place noun heads ("the towns of Marea, Azaz and Tal Rifaat")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in AREA_NOUNS


def _extent(tok: Any) -> tuple[int, int]:
    """The characters of a name with the words compounded before it ("Deir Jamal", "al Foua")."""
    start = min([tok.idx] + [c.left_edge.idx for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i])
    return start, tok.idx + len(tok)


def _within(p: Place, tok: Any) -> bool:
    return tok.left_edge.idx <= p.span.start < tok.idx + len(tok)


def _resolved(tok: Any, places: list[Place], *, country: str | None = None) -> list[Place]:
    """The town or village of the document's places named by the token's phrase."""
    left, right = tok.left_edge.idx, tok.idx + len(tok)
    return [p for p in places if left <= p.span.start < right and p.kind not in WIDE_KINDS
            and p.latitude is not None and (country is None or p.country == country)]


def _village_name(obj: Any, *, headed: bool = False) -> bool:
    """A proper name among the places an event struck that the gazetteer does not know ("the regions of
    Suran and Tal El Hisn, as well as Baragidah and Kusakcik"): a village, not a group or a nationality (the
    entity tagger often takes such a village for a person; its place in the list says what it is). In a
    list a place noun heads ("the towns of Marea, Azaz and ...") not even a group: the tagger's
    organisation there is a village too."""
    return obj.pos_ == "PROPN" and obj.ent_type_ not in ("NORP",) + (() if headed else ("ORG",)) and obj.is_title


def _near(obj: Any, beside: Place) -> Place:
    """A place the gazetteer lacks, named beside one it knows: under its own name, at the known one's
    point, ACLED's geo_precision 2 (near a town)."""
    return _unknown_village(obj, country=beside.country, admin1=beside.admin1, latitude=beside.latitude,
                            longitude=beside.longitude, geo_precision=max(2, beside.geo_precision or 2))


def _unplaced(obj: Any, told: Place | None) -> Place:
    """A village the gazetteer lacks, named beside no place it knows: its name, the country of the place
    the event was told at (none: the events stage gives the report's), no point."""
    return _unknown_village(obj, country=told.country if told is not None else None)


def _unknown_village(obj: Any, *, country: str | None, admin1: str | None = None, latitude: float | None = None,
                     longitude: float | None = None, geo_precision: int | None = None) -> Place:
    """The place a name the gazetteer lacks stands for, under its own name (with the words compounded
    before it), with what is known of where it lies."""
    start, end = _extent(obj)
    return Place(span=Span.of(obj.doc.text, start, end), name=obj.doc.text[start:end], country=country,
                 admin1=admin1, latitude=latitude, longitude=longitude, geo_precision=geo_precision,
                 kind="populated_place", place_id=None)

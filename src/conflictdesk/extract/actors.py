"""Actors, people and relations in a document.

The knowledge base's matcher leads; rules for demonyms ("American forces", "Iran-backed") and
spaCy's named entities fill the gaps. Where spans overlap, a knowledge-base match wins over a
rule and a rule over a named entity, so an armed group the small model tags PERSON
("Kataib Hezbollah") never becomes a person. An actor or person the knowledge base lacks gets
a generated id (`unknown-<slug>`, `unknown-person-<slug>`) and `known=False`.

Relations: those the text states (`extract/relations.py`, source "text", with evidence), then
the knowledge base's relations of the actors present (source "knowledge_base", with citation):
every relation between two present actors, and a present actor's member_of / part_of /
backed_by even when the other actor is not mentioned (actors stay the mentioned ones only).
Patterns and word lists: data/patterns/actors.yaml, relations.yaml, roles.yaml.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import ExtractionError
from ..records import Actor, Document, Person, Relation, Span
from .pattern_files import PATTERN_FILE_CODE, read_pattern_file
from .relations import Hit, StatedRole, find_text_relations, relation_patterns

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..knowledge import KnowledgeBase

# KB relations kept even when their object is not mentioned in the document.
OUTWARD_RELATIONS = frozenset({"member_of", "part_of", "backed_by"})
_QUOTES = "\"'“”‘’«»"
_LEADING = re.compile(r"(?:the|a|an)\s+", re.I)


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    demonyms: dict[str, str]
    personnel: re.Pattern[str]
    action: re.Pattern[str]
    compound: re.Pattern[str]
    group: re.Pattern[str]
    not_actors: re.Pattern[str]
    not_actor_norp: re.Pattern[str]
    not_people: re.Pattern[str]
    credit_lines: re.Pattern[str]
    # "the North" in a report on the two Koreas: (the word, its pattern, its state's country, patterns the text
    # must hold)
    short_names: tuple[tuple[str, re.Pattern[str], str, tuple[re.Pattern[str], ...]], ...] = ()


@functools.cache
def actor_lexicon() -> ActorLexicon:
    """data/patterns/actors.yaml, compiled once."""
    data = read_pattern_file("actors.yaml")
    try:
        def alt(words: list[str]) -> str:
            return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(map(str, words), key=len, reverse=True))
        return ActorLexicon(
            demonyms={str(k): str(v) for k, v in (data.get("demonyms") or {}).items()},
            personnel=re.compile(rf"\s+(?:{alt(data['personnel_nouns'])})\b", re.I),
            action=re.compile(rf"\s+(?:{alt(data['action_nouns'])})\b", re.I),
            compound=re.compile(rf"-(?:{alt(data['compound_suffixes'])})\b", re.I),
            group=re.compile(rf"\b(?P<adj>{alt(data['group_adjectives'])})\s+(?P<noun>{alt(data['group_nouns'])})\b"),
            not_actors=re.compile("|".join(f"(?:{p})" for p in data["not_actors"]), re.I),
            not_actor_norp=re.compile(str(data["not_actor_norp"]), re.I),
            not_people=re.compile(str(data["not_people"]), re.I),
            credit_lines=re.compile(str(data["credit_lines"]), re.I),
            short_names=tuple((str(e["word"]), re.compile(rf"\b[Tt]he\s+({re.escape(str(e['word']))})\b(?![\s-]+[A-Z]|-)"),
                               str(e["country"]), tuple(re.compile(str(w)) for w in e["when"]))
                              for e in data.get("short_names") or ()),
        )
    except (KeyError, TypeError, re.error) as exc:
        raise ExtractionError(f"pattern file actors.yaml is malformed: {type(exc).__name__} {exc}",
                              code=PATTERN_FILE_CODE) from exc


def short_name_words() -> frozenset[str]:
    """The words a report names a state by once it has named it ("North" of "the North"), lowercased: a
    mention of them the actors stage found names the state, not a nationality."""
    return frozenset(word.lower() for word, _, _, _ in actor_lexicon().short_names)


def slug(text: str) -> str:
    """ASCII lower-case words joined by hyphens: "Kurdish forces" -> "kurdish-forces"."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "x"


@dataclass(slots=True)
class _Found:
    """A mention being assembled: a Hit plus a display name for unknown entities."""

    hit: Hit
    name: str | None = None
    priority: int = 0          # 3 knowledge base and states' forces, 2 other rules, 1 named entity


def extract_actors(doc: Document, parsed: "Doc", *, kb: "KnowledgeBase"
                   ) -> tuple[list[Actor], list[Person], list[Relation]]:
    """Actors and people mentioned in `doc`, and the relations among them (text, then knowledge base)."""
    text = doc.text
    lex = actor_lexicon()
    relation_patterns()          # fail early on a bad pattern file
    found: list[_Found] = []
    found += _kb_hits(text, kb)
    found += _rule_hits(text, kb, lex, found)
    chosen = _select(_drop_inner_demonyms(text, parsed, found))
    chosen = _add_entities(text, parsed, kb, lex, chosen)
    chosen.sort(key=lambda f: f.hit.start)

    hits = [f.hit for f in chosen]
    text_relations, stated_roles = find_text_relations(text, parsed, hits)
    actors = _actor_records(text, kb, chosen)
    people = _person_records(text, kb, chosen, stated_roles, doc.published)
    present_people = {p.id for p in people}
    relations = text_relations + [_role_relation(r) for r in stated_roles
                                  if r.leader and r.actor and r.person in present_people]
    relations += _kb_relations(kb, actors, people, doc.published)
    return actors, people, _dedupe(relations)


# --- finding mentions ---------------------------------------------------------------------------
def _kb_hits(text: str, kb: "KnowledgeBase") -> list[_Found]:
    out = []
    for m in kb.match(text):
        if m.kind in ("actor", "person"):
            rule = "kb_demonym" if getattr(m, "rule", "alias") == "demonym" else "kb_match"
            actor_id = _by_country(m.id, getattr(m, "alternatives", ()), text, m.start, kb) if m.kind == "actor" \
                else m.id
            out.append(_Found(Hit(m.start, m.end, m.kind, actor_id, rule), priority=3))
    return out


NEARBY = 400      # characters either side of a mention that tell which country it is in


def _by_country(first: str, alternatives: tuple[str, ...], text: str, at: int, kb: "KnowledgeBase") -> str:
    """An alias several actors claim, each of another country ("Kurdish forces": the SDF in Syria, the
    peshmerga in Iraq): the claimant whose country the text names around the mention (then anywhere in
    it) more often than the others'; the matcher's choice when none is named more."""
    if not alternatives:
        return first
    claimants = [first, *alternatives]
    countries = {c: getattr(kb.actors.get(c), "country", None) for c in claimants}
    if len(set(countries.values())) < 2:
        return first
    for lo, hi in ((max(0, at - NEARBY), at + NEARBY), (0, len(text))):
        counts = {c: len(_country_words(country).findall(text, lo, hi)) if country else 0
                  for c, country in countries.items()}
        best = max(counts.values())
        leaders = [c for c, n in counts.items() if n == best]
        if best and len(leaders) == 1:
            return leaders[0]
    return first


@functools.lru_cache(maxsize=256)
def _country_words(country: str) -> re.Pattern[str]:
    """A country's name and the adjective made from it by a suffix ("Iraq", "Iraqi"; "Syria", "Syrian")."""
    return re.compile(rf"\b{re.escape(country)}(?:n|i|ian|ese)?\b", re.IGNORECASE)


# knowledge base -> (lexicon, actors dict, number of actors, its state index): built once per KB
_STATE_INDEX: "weakref.WeakKeyDictionary[Any, tuple[Any, Any, int, tuple[dict[str, Any], dict[str, str]]]]" = \
    weakref.WeakKeyDictionary()


def _state_index(kb: "KnowledgeBase", lex: ActorLexicon) -> tuple[dict[str, Any], dict[str, str]]:
    """States by country, and demonym -> country (the KB's demonyms first, then actors.yaml's).

    Cached per knowledge base (and lexicon); the callers only read the two mappings."""
    try:
        cached = _STATE_INDEX.get(kb)
    except TypeError:   # not weak-referenceable: build every time
        return _build_state_index(kb, lex)
    if cached is not None and cached[0] is lex and cached[1] is kb.actors and cached[2] == len(kb.actors):
        return cached[3]
    index = _build_state_index(kb, lex)
    _STATE_INDEX[kb] = (lex, kb.actors, len(kb.actors), index)
    return index


def _build_state_index(kb: "KnowledgeBase", lex: ActorLexicon) -> tuple[dict[str, Any], dict[str, str]]:
    states: dict[str, Any] = {}
    demonyms: dict[str, str] = {}
    for entry in kb.actors.values():
        if entry.type == "state" and entry.country and entry.country not in states:
            states[entry.country] = entry
            for d in getattr(entry, "demonyms", ()) or ():
                demonyms.setdefault(d, entry.country)
    for d, country in lex.demonyms.items():
        demonyms.setdefault(d, country)
    return states, demonyms


@functools.lru_cache(maxsize=8)
def _demonym_regex(demonyms: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(d) for d in sorted(demonyms, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alt})(?![\w])")


def _rule_hits(text: str, kb: "KnowledgeBase", lex: ActorLexicon, kb_found: list[_Found]) -> list[_Found]:
    """Demonyms, states' forces, "Iran-backed" compounds and "Kurdish positions"."""
    states, demonyms = _state_index(kb, lex)
    state_ids = {e.id: c for c, e in states.items()}
    out: list[_Found] = []
    # A state named or qualified by its demonym: the state, or its forces before a personnel/action noun.
    anchors: list[tuple[int, int, str]] = []     # start, end, country
    for f in kb_found:
        if f.hit.kind == "actor" and f.hit.id in state_ids:
            anchors.append((f.hit.start, f.hit.end, state_ids[f.hit.id]))
    for m in _demonym_regex(tuple(demonyms)).finditer(text):
        country = demonyms[m.group(0)]
        if country in states:
            anchors.append((m.start(), m.end(), country))
    for _, word, country, when in lex.short_names:
        if country in states and all(w.search(text) for w in when):
            anchors += [(m.start(1), m.end(1), country) for m in word.finditer(text)]
    forces_by_country: dict[str, Any] = {}
    for start, end, country in anchors:
        pers = lex.personnel.match(text, end)
        action = lex.action.match(text, end)
        if (pers or action) and country not in forces_by_country:
            forces_by_country[country] = kb.state_actor(country, kind="military")
        forces = forces_by_country.get(country)
        if forces is not None and pers and not text[end:end + 1] == "-":
            out.append(_Found(Hit(start, pers.end(), "actor", forces.id, "demonym_forces"), priority=3))
        elif forces is not None and action:
            out.append(_Found(Hit(start, end, "actor", forces.id, "demonym_action"), priority=3))
        else:
            rule = "compound" if lex.compound.match(text, end) else "demonym"
            out.append(_Found(Hit(start, end, "actor", states[country].id, rule), priority=2))
    # "Hezbollah-affiliated", "Iran-backed" where the prefix is an actor name the matcher missed.
    for m in re.finditer(r"\b([A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*)?)(?=-[a-z])", text):
        if not lex.compound.match(text, m.end()):
            continue
        entry = kb.find_actor_by_name(m.group(1))
        if entry is not None:
            out.append(_Found(Hit(m.start(1), m.end(1), "actor", entry.id, "compound"), priority=2))
    # "Kurdish positions" -> "Kurdish forces" (the KB's, or an unknown actor of that name).
    for m in lex.group.finditer(text):
        name = f"{m.group('adj')} forces"
        entry = kb.find_actor_by_name(name)
        if entry is not None:
            out.append(_Found(Hit(m.start(), m.end(), "actor", entry.id, "group_adjective"), priority=2))
        else:
            out.append(_Found(Hit(m.start(), m.end(), "actor", f"unknown-{slug(name)}", "group_adjective"),
                              name=name, priority=2))
    return out


def _drop_inner_demonyms(text: str, parsed: "Doc", found: list[_Found]) -> list[_Found]:
    """A demonym inside a longer organisation name ("Free Syrian Patriots Brigade") is part of the name."""
    names = []
    for ent in parsed.ents:
        if ent.label_ == "ORG" and len(ent) >= 3:
            s, e = _clean_entity(text, ent.start_char, ent.end_char)
            if all(w[:1].isupper() or not w[:1].isalpha() for w in text[s:e].split()[1:]):
                names.append((s, e))
    out = []
    for f in found:
        inside = any(s <= f.hit.start and f.hit.end <= e and (s, e) != (f.hit.start, f.hit.end) for s, e in names)
        if inside and f.hit.rule in ("demonym", "kb_demonym"):
            continue
        out.append(f)
    return out


def _select(found: list[_Found]) -> list[_Found]:
    """Non-overlapping mentions: higher priority first, then longer, then earlier."""
    ordered = sorted(found, key=lambda f: (-f.priority, -(f.hit.end - f.hit.start),
                                           not f.hit.rule.startswith("demonym_"), f.hit.start))
    taken: list[_Found] = []
    for f in ordered:
        if not any(f.hit.start < t.hit.end and t.hit.start < f.hit.end for t in taken):
            taken.append(f)
    return taken


def _clean_entity(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim determiners, quotes, possessives and punctuation from a named-entity span."""
    while start < end and (text[start] in _QUOTES or text[start].isspace()):
        start += 1
    lead = _LEADING.match(text, start, end)
    if lead:
        start = lead.end()
    while start < end and (text[start] in _QUOTES or text[start].isspace()):
        start += 1
    for suffix in ("'s", "’s"):
        if text.endswith(suffix, start, end):
            end -= len(suffix)
    while end > start and (text[end - 1] in _QUOTES + ".,;:!?)(-" or text[end - 1].isspace()):
        end -= 1
    return start, end


def _add_entities(text: str, parsed: "Doc", kb: "KnowledgeBase", lex: ActorLexicon,
                  chosen: list[_Found]) -> list[_Found]:
    """Named entities (ORG, NORP, PERSON) that no knowledge-base match or rule covers."""
    out = list(chosen)

    def overlaps(s: int, e: int) -> bool:
        return any(s < f.hit.end and f.hit.start < e for f in out)

    known_names = _known_name_prefixes(text, kb, chosen)
    credits = [(m.start(), m.end()) for m in lex.credit_lines.finditer(text)]
    for ent in parsed.ents:
        if ent.label_ not in ("ORG", "NORP", "PERSON"):
            continue
        start, end = _clean_entity(text, ent.start_char, ent.end_char)
        surface = text[start:end]
        if not surface or "\n" in surface or not any(c.isupper() for c in surface) or overlaps(start, end):
            continue
        if any(s <= start and end <= e for s, e in credits) or re.search(r"[a-z]{3}[A-Z]", surface):
            continue       # a byline or photo credit; words run together ("MagazineThe")
        entry = kb.find_actor_by_name(surface)
        if entry is not None:
            out.append(_Found(Hit(start, end, "actor", entry.id, "ner_kb_name"), priority=1))
            continue
        if ent.label_ == "PERSON":
            if lex.not_people.fullmatch(surface) or len(surface) < 3:
                continue
            if len(surface.split()) < 2:      # a lone word: only as the surname of someone named in full
                out.append(_Found(Hit(start, end, "person", "", "ner_surname"), name=surface, priority=0))
                continue
            out.append(_Found(Hit(start, end, "person", f"unknown-person-{slug(surface)}", "ner_person"),
                              name=surface, priority=1))
            continue
        norm = re.sub(r"\s+", " ", surface)
        if lex.not_actors.fullmatch(norm):
            continue
        if " " not in norm and not re.fullmatch(r"[A-Z]{2,6}", norm) and ent.label_ == "ORG":
            continue       # a lone capitalised word tagged ORG is more often a name or a place than a group
        if ent.label_ == "NORP":
            root = ent.root
            if root.tag_ != "NNPS" or ent.start == ent.sent.start or lex.not_actor_norp.fullmatch(norm):
                continue
        short = known_names.get(norm.lower())
        if short is not None:      # "the Islamic Resistance" after "the Islamic Resistance in Iraq"
            out.append(_Found(Hit(start, end, "actor", short, "short_name"), priority=1))
            continue
        out.append(_Found(Hit(start, end, "actor", f"unknown-{slug(norm)}", f"ner_{ent.label_.lower()}"),
                          name=norm, priority=1))
    return _merge_surnames(text, out)


def _known_name_prefixes(text: str, kb: "KnowledgeBase", chosen: list[_Found]) -> dict[str, str]:
    """Shortened forms (the first two or more words) of the names by which known actors are mentioned
    in this document: "Islamic Resistance" for "Islamic Resistance in Iraq". Ambiguous forms are left out."""
    out: dict[str, str] = {}
    ambiguous: set[str] = set()
    for f in chosen:
        if f.hit.kind != "actor" or f.hit.id not in kb.actors:
            continue
        words = text[f.hit.start:f.hit.end].split()
        for n in range(2, len(words)):
            key = " ".join(words[:n]).lower()
            if key in out and out[key] != f.hit.id:
                ambiguous.add(key)
            out[key] = f.hit.id
    return {k: v for k, v in out.items() if k not in ambiguous and not k.endswith((" of", " in", " the", " and"))}


def _merge_surnames(text: str, found: list[_Found]) -> list[_Found]:
    """A later mention by surname ("Hamidawi", "al-Hamidawi") refers to the person named in full."""
    people = [f for f in found if f.hit.kind == "person"]
    full: dict[str, str] = {}
    for f in sorted(people, key=lambda f: f.hit.start):
        words = re.split(r"[\s-]+", text[f.hit.start:f.hit.end])
        if len(words) > 1:
            full.setdefault(words[-1].lower(), f.hit.id)
    out = []
    for f in found:
        if f.hit.rule == "ner_surname":
            target = full.get(text[f.hit.start:f.hit.end].split("-")[-1].lower())
            if target is not None:
                out.append(_Found(Hit(f.hit.start, f.hit.end, "person", target, "surname"), priority=f.priority))
            continue
        if f.hit.kind == "person" and f.hit.id not in full.values() and f.hit.id.startswith("unknown-person-"):
            words = re.split(r"[\s-]+", text[f.hit.start:f.hit.end])
            target = full.get(words[-1].lower())
            if target is not None and len(words) <= 2:
                out.append(_Found(Hit(f.hit.start, f.hit.end, "person", target, "surname"), priority=f.priority))
                continue
        out.append(f)
    return out


# --- records --------------------------------------------------------------------------------
def actor_from_entry(entry: Any) -> Actor:
    """The document-level record of a knowledge-base actor, before its mentions are added."""
    return Actor(id=entry.id, name=entry.name, type=entry.type, aliases=list(entry.aliases),
                 country=entry.country, acled_name=entry.acled_name)


def _actor_records(text: str, kb: "KnowledgeBase", chosen: list[_Found]) -> list[Actor]:
    actors: dict[str, Actor] = {}
    for f in chosen:
        if f.hit.kind != "actor":
            continue
        actor = actors.get(f.hit.id)
        if actor is None:
            entry = kb.actors.get(f.hit.id)
            if entry is not None:
                actor = actor_from_entry(entry)
            else:
                actor = Actor(id=f.hit.id, name=f.name or text[f.hit.start:f.hit.end], type="unknown",
                              known=False)
            actors[f.hit.id] = actor
        actor.mentions.append(Span.of(text, f.hit.start, f.hit.end))
    return list(actors.values())


def _kb_role(entry: Any, on: dt.date | None) -> tuple[str | None, str | None]:
    """The person's role (title, actor) the knowledge base holds on `on`; with no date, a current one."""
    roles = list(getattr(entry, "roles", ()) or ())
    if on is not None:
        roles = [r for r in roles if (r.since is None or r.since.first_day() <= on)
                 and (r.until is None or on <= r.until.last_day())]
    else:
        roles = [r for r in roles if r.until is None]
    if len(roles) == 1:
        return roles[0].title, roles[0].actor
    return None, None


def _person_records(text: str, kb: "KnowledgeBase", chosen: list[_Found], stated: list[StatedRole],
                    published: dt.date | None) -> list[Person]:
    people: dict[str, Person] = {}
    for f in chosen:
        if f.hit.kind != "person":
            continue
        person = people.get(f.hit.id)
        if person is None:
            entry = kb.people.get(f.hit.id)
            if entry is not None:
                role, actor = _kb_role(entry, published)
                person = Person(id=entry.id, name=entry.name, role=role, actor=actor)
            else:
                person = Person(id=f.hit.id, name=f.name or text[f.hit.start:f.hit.end], known=False)
            people[f.hit.id] = person
        person.mentions.append(Span.of(text, f.hit.start, f.hit.end))
    for r in stated:      # what the text states wins over the knowledge base's record
        person = people.get(r.person)
        if person is not None:
            person.role = r.title
            if r.actor is not None:
                person.actor = r.actor
    return list(people.values())


def _role_relation(r: StatedRole) -> Relation:
    return Relation(subject=r.person, relation="leader_of", object=str(r.actor), source="text", evidence=r.evidence)


def _kb_relations(kb: "KnowledgeBase", actors: list[Actor], people: list[Person],
                  on: dt.date | None) -> list[Relation]:
    present = {a.id for a in actors}
    out: list[Relation] = []
    for actor in actors:
        if not actor.known:
            continue
        for rel in kb.relations_of(actor.id, on=on):
            if rel.object in present or rel.type in OUTWARD_RELATIONS:
                out.append(Relation(subject=actor.id, relation=rel.type, object=rel.object, source="knowledge_base",
                                    citation=rel.source, since=_first(rel.since), until=_last(rel.until)))
    titles = relation_patterns().titles
    for person in people:
        entry = kb.people.get(person.id) if person.known else None
        if entry is None:
            continue
        for role in getattr(entry, "roles", ()) or ():
            if role.actor in present and _active(role, on) and any(t.leader and t.pattern.fullmatch(role.title)
                                                                   for t in titles):
                out.append(Relation(subject=person.id, relation="leader_of", object=role.actor,
                                    source="knowledge_base", citation=role.source, since=_first(role.since),
                                    until=_last(role.until)))
    return out


def _active(fact: Any, on: dt.date | None) -> bool:
    if on is None:
        return fact.until is None
    return (fact.since is None or fact.since.first_day() <= on) and (fact.until is None or on <= fact.until.last_day())


def _first(d: Any) -> dt.date | None:
    return d.first_day() if d is not None else None


def _last(d: Any) -> dt.date | None:
    return d.last_day() if d is not None else None


def _dedupe(relations: list[Relation]) -> list[Relation]:
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for r in relations:
        key = (r.subject, r.relation, r.object, r.source)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out

"""Event trigger patterns: loaded from `data/patterns/events.yaml`, validated with file and line.

    patterns = load_event_patterns()          # cached; the shipped file
    patterns = load_event_patterns(path)      # an analyst's edited copy

Each trigger names the ACLED event type and sub-type it codes, its CAMEO and PLOVER codes and
its priority in the codebook's hierarchy. See the YAML file's header for every field.
"""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from ...errors import Code, KnowledgeBaseError
from ...taxonomy import SUB_EVENT_TYPES
from ...yamlfile import YamlDocument, YamlError, parse_yaml, validated_items


KINDS = ("event", "outcome", "territory", "transfer", "reporting", "label")
# gate: the context a trigger needs before it reports an event. conflict: armed-conflict words or an
# armed actor in its sentence or the sentence before it in the paragraph; conflict_sentence: in its own
# sentence; none: the trigger word is enough (ACLED's labels, demonstrations)
GATES = ("conflict", "conflict_sentence", "none")


class _TriggerModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    match: list[str]
    pos: list[str] = []
    event_type: str
    sub_event_type: str
    cameo: str | None = None
    plover: str | None = None
    priority: int
    kind: str = "event"
    refine: str | None = None
    context_any: list[str] = []
    context_none: list[str] = []
    civilian_target: list[str] | None = None
    armed_target: list[str] | None = None
    gate: str = "conflict"
    object_any: list[str] = []
    thrown_any: list[str] = []
    object_person: bool = False
    object_place: bool = False
    side_prep: str | None = None
    armed_doer: bool = False

    @field_validator("gate")
    @classmethod
    def _gate(cls, v: str) -> str:
        if v not in GATES:
            raise ValueError(f"gate must be one of {GATES}")
        return v

    @field_validator("kind")
    @classmethod
    def _kind(cls, v: str) -> str:
        if v not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}")
        return v


def _check_type(event_type: str, sub: str) -> str | None:
    if event_type not in SUB_EVENT_TYPES:
        return f"unknown event_type {event_type!r}"
    if sub not in SUB_EVENT_TYPES[event_type]:
        return f"sub_event_type {sub!r} is not a sub-type of {event_type!r}"
    return None


@dataclass(frozen=True, slots=True)
class Coding:
    """An ACLED coding with its CAMEO code."""

    event_type: str
    sub_event_type: str
    cameo: str | None = None


@dataclass(frozen=True, slots=True)
class Trigger:
    id: str
    phrases: tuple[tuple[str, ...], ...]
    pos: frozenset[str]
    coding: Coding
    plover: str | None
    priority: int
    kind: str = "event"
    refine: str | None = None
    context_any: tuple[tuple[str, ...], ...] = ()
    context_none: tuple[tuple[str, ...], ...] = ()
    civilian_target: Coding | None = None
    armed_target: Coding | None = None
    gate: str = "conflict"
    object_any: frozenset[str] = frozenset()   # a verb trigger's direct object must be one of these
    thrown_any: frozenset[str] = frozenset()   # a throwing verb counts only when what it throws is one of these
    object_person: bool = False                 # a verb trigger counts only with a living person as its object
    object_place: bool = False                  # ... only with a place as what it takes, loses or sees fall
    side_prep: str | None = None                # ... and with a side named after this preposition ("from", "to")
    armed_doer: bool = False                    # the event only when an armed side does it ("marines grabbed him")


class _RolePhraseModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    match: list[str] = []
    acled: str | None = None
    by_country: dict[str, str] = {}
    state: str | None = None
    generic: str | None = None
    countries: list[str] = []
    first: bool = False
    sub_event_type: str | None = None
    default: str | None = None


@dataclass(frozen=True, slots=True)
class RolePhrase:
    """Words naming an actor by ACLED's conventions ("regime forces"), or a default agent."""

    phrases: tuple[tuple[str, ...], ...]
    acled: str | None = None
    by_country: tuple[tuple[str, str], ...] = ()
    state: str | None = None            # military | police: the note country's state forces
    generic: str | None = None          # a kb.generic_actor kind, of the note's country
    countries: frozenset[str] = frozenset()
    first: bool = False                 # wins over a partial name in the same phrase
    sub_event_type: str | None = None   # default agents: the sub-type they apply to
    default: str | None = None          # by_country: the actor for any other (or unknown) country

    def applies(self, country: str | None) -> bool:
        return not self.countries or country in self.countries

    def own_country(self) -> str | None:
        """The one country the words name by themselves: "rebels" told of no country are Syria's (the
        countries a by_country beside acled lists are the words' other wars)."""
        own = self.countries - {c for c, _ in self.by_country} if self.acled else self.countries
        return next(iter(own)) if len(own) == 1 else None


@dataclass(frozen=True, slots=True)
class EventPatterns:
    triggers: tuple[Trigger, ...]
    weapons: dict[str, Coding]
    civilian_nouns: frozenset[str]
    armed_nouns: frozenset[str]
    unidentified_nouns: frozenset[str]
    protester_nouns: frozenset[str]
    rioter_nouns: frozenset[str]
    cameo_names: dict[str, str] = field(default_factory=dict)
    plover_names: dict[str, str] = field(default_factory=dict)
    # first token of a phrase -> [(phrase, trigger)], longest phrases first
    index: dict[str, list[tuple[tuple[str, ...], Trigger]]] = field(default_factory=dict)
    role_phrases: tuple[RolePhrase, ...] = ()
    default_agents: tuple[RolePhrase, ...] = ()
    weapon_agents: tuple[RolePhrase, ...] = ()        # weapons only one side uses: "barrel bombs" in Syria
    conflict_words: tuple[tuple[str, ...], ...] = ()   # phrases that show armed conflict in a sentence
    political_violence_words: tuple[tuple[str, ...], ...] = ()   # "terrorist", "militant": violence called political
    unrest_words: tuple[tuple[str, ...], ...] = ()    # "troops", "protesters", "coup": a text about more than crime
    crime_words: tuple[tuple[str, ...], ...] = ()     # "murder", "robbery", "inmate": words of ordinary crime
    not_targets: frozenset[str] = frozenset()          # objects that make a violent word figurative
    toll_subjects: frozenset[str] = frozenset()        # "the war has killed ...": a cumulative toll
    victim_nouns: frozenset[str] = frozenset()         # who can be counted among the dead
    handling_verbs: frozenset[str] = frozenset()       # "transporting explosives": a weapon handled, not used
    not_territories: frozenset[str] = frozenset()      # "captured the market", "control of the van"
    not_event_compounds: frozenset[str] = frozenset()  # "gun control", "tax raids": no event at all
    policing_countries: frozenset[str] = frozenset()   # where a lone or unnamed gunman is crime, not battle
    sole_perpetrator_countries: frozenset[str] = frozenset()   # where ACLED codes one attacker acting alone so
    organised_fighters: frozenset[str] = frozenset()   # fighters that keep a battle a battle there
    crowd_nouns: frozenset[str] = frozenset()          # ordinary people acting together: their violence is a mob's
    mob_nouns: frozenset[str] = frozenset()            # crowds whose violence needs no armed-conflict word
    protest_causes: frozenset[str] = frozenset()       # "against the killing": violence a demonstration protests
    arrest_causes: frozenset[str] = frozenset()        # "arrested after the explosion": violence an arrest follows
    intervention_verbs: frozenset[str] = frozenset()   # "police dispersed them": a demonstration met by force
    security_nouns: frozenset[str] = frozenset()       # who intervenes in a demonstration
    crowd_targets: frozenset[str] = frozenset()        # whom an intervention is done to
    civilian_sites: frozenset[str] = frozenset()       # places of civilian life an attack may target
    crowd_violence: frozenset[str] = frozenset()       # verbs of a demonstrating crowd's own violence
    symbolic_objects: frozenset[str] = frozenset()     # what a peaceful crowd may burn (effigies, flags)
    spoken_targets: frozenset[str] = frozenset()       # what is attacked in words ("the news media")
    animals: frozenset[str] = frozenset()              # "the gorilla was shot dead": harm to no person
    # "a British man", "the Turkish border town": heads a nationality word does not make the state's own
    nationality_heads: frozenset[str] = frozenset()
    # "Palestinian attacks": states whose adjective on an event names its people, not its forces
    people_not_forces: frozenset[str] = frozenset()


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(text.lower().split())


def _coding(raw: list[str] | None, where: str, problems: list[str]) -> Coding | None:
    if raw is None:
        return None
    if len(raw) not in (2, 3):
        problems.append(f"{where}: expected [event_type, sub_event_type, cameo?]")
        return None
    err = _check_type(raw[0], raw[1])
    if err:
        problems.append(f"{where}: {err}")
    return Coding(raw[0], raw[1], raw[2] if len(raw) == 3 else None)


def _parsed(text: str, origin: str) -> YamlDocument:
    """The pattern file's YAML (E301 when it does not parse or holds duplicate keys)."""
    try:
        doc = parse_yaml(text, origin=origin)
    except YamlError as exc:
        raise KnowledgeBaseError(f"{origin}: not valid YAML", problems=[str(exc)], code=Code.PATTERN_YAML) from exc
    if doc.problems:
        raise KnowledgeBaseError(f"{origin}: not valid YAML", problems=[str(p) for p in doc.problems],
                                 code=Code.PATTERN_YAML)
    if doc.value is not None and not isinstance(doc.value, dict):
        raise KnowledgeBaseError(f"{origin}: not valid YAML", problems=[f"{doc.where()}: expected a mapping"],
                                 code=Code.PATTERN_YAML)
    return doc


def parse_event_patterns(text: str, *, origin: str = "events.yaml",
                         codes: dict[str, Any] | None = None) -> EventPatterns:
    """Validate pattern YAML; every problem is reported with its file and line."""
    problems: list[str] = []
    doc = _parsed(text, origin)
    data = doc.value or {}
    codes = codes or {}
    cameo_names = {str(k): str(v) for k, v in (codes.get("cameo") or {}).items()}
    plover_names = {str(k): str(v) for k, v in (codes.get("plover") or {}).items()}
    triggers: list[Trigger] = []
    for where, m in validated_items(doc, "triggers", _TriggerModel, problems=problems):
        err = _check_type(m.event_type, m.sub_event_type)
        if err:
            problems.append(f"{where}: trigger {m.id}: {err}")
        if cameo_names and m.cameo and m.cameo not in cameo_names:
            problems.append(f"{where}: trigger {m.id}: CAMEO code {m.cameo!r} is not in cameo_plover.yaml")
        if plover_names and m.plover and m.plover not in plover_names:
            problems.append(f"{where}: trigger {m.id}: PLOVER code {m.plover!r} is not in cameo_plover.yaml")
        triggers.append(Trigger(
            id=m.id, phrases=tuple(_phrase(p) for p in m.match), pos=frozenset(m.pos),
            coding=Coding(m.event_type, m.sub_event_type, m.cameo), plover=m.plover, priority=m.priority,
            kind=m.kind, refine=m.refine,
            context_any=tuple(_phrase(p) for p in m.context_any),
            context_none=tuple(_phrase(p) for p in m.context_none),
            civilian_target=_coding(m.civilian_target, f"{where}: civilian_target", problems),
            armed_target=_coding(m.armed_target, f"{where}: armed_target", problems),
            gate=m.gate, object_any=frozenset(w.lower() for w in m.object_any),
            thrown_any=frozenset(w.lower() for w in m.thrown_any),
            object_person=m.object_person, object_place=m.object_place, side_prep=m.side_prep,
            armed_doer=m.armed_doer))
    weapons: dict[str, Coding] = {}
    for lemma, raw in (data.get("weapons") or {}).items():
        coding = _coding(list(raw), f"{doc.where('weapons', lemma)}: weapons.{lemma}", problems)
        if coding:
            weapons[str(lemma).lower()] = coding
    if problems:
        raise KnowledgeBaseError(f"{len(problems)} problem(s) in event patterns {origin}", problems=problems,
                                 code=Code.PATTERN_INVALID)
    index: dict[str, list[tuple[tuple[str, ...], Trigger]]] = {}
    for trig in triggers:
        for phrase in trig.phrases:
            index.setdefault(phrase[0], []).append((phrase, trig))
    for entries in index.values():
        entries.sort(key=lambda e: (-len(e[0]), -e[1].priority))

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or [])

    return EventPatterns(tuple(triggers), weapons, words("civilian_nouns"), words("armed_nouns"),
                         words("unidentified_nouns"), words("protester_nouns"), words("rioter_nouns"),
                         cameo_names, plover_names, index,
                         conflict_words=tuple(sorted({_phrase(str(w)) for w in data.get("conflict_words") or []})),
                         political_violence_words=tuple(sorted({_phrase(str(w))
                                                                for w in data.get("political_violence_words") or []})),
                         unrest_words=tuple(sorted({_phrase(str(w)) for w in data.get("unrest_words") or []})),
                         crime_words=tuple(sorted({_phrase(str(w)) for w in data.get("crime_words") or []})),
                         not_targets=words("not_targets"), toll_subjects=words("toll_subjects"),
                         victim_nouns=words("civilian_nouns") | words("armed_nouns") | words("victim_nouns"),
                         handling_verbs=words("handling_verbs"), not_territories=words("not_territories"),
                         not_event_compounds=words("not_event_compounds"),
                         organised_fighters=words("organised_fighters"),
                         crowd_nouns=words("crowd_nouns"), mob_nouns=words("mob_nouns"), protest_causes=words("protest_causes"),
                         arrest_causes=words("arrest_causes"),
                         intervention_verbs=words("intervention_verbs"), security_nouns=words("security_nouns"),
                         crowd_targets=words("crowd_targets"), civilian_sites=words("civilian_sites"),
                         crowd_violence=words("crowd_violence"), symbolic_objects=words("symbolic_objects"),
                         spoken_targets=words("spoken_targets"), animals=words("animals"),
                         nationality_heads=words("nationality_heads") | words("civilian_nouns")
                         | words("unidentified_nouns"),
                         policing_countries=frozenset(str(w) for w in data.get("policing_countries") or []),
                         sole_perpetrator_countries=frozenset(
                             str(w) for w in data.get("sole_perpetrator_countries") or []),
                         people_not_forces=frozenset(str(w) for w in data.get("people_not_forces") or []))


def _role_phrase_words(text: str) -> tuple[str, ...]:
    return tuple(text.lower().replace("-", " ").replace("/", " ").split())


def parse_role_phrases(text: str, *, origin: str = "event_roles.yaml",
                       keys: tuple[str, ...] = ("phrases", "default_agents")) -> tuple[tuple[RolePhrase, ...], ...]:
    """Role phrases and default agents, and with `keys` naming it the weapon agents (see event_roles.yaml);
    problems reported with file and line."""
    problems: list[str] = []
    doc = _parsed(text, origin)
    out: dict[str, list[RolePhrase]] = {key: [] for key in keys}
    for key in out:
        for where, m in validated_items(doc, key, _RolePhraseModel, problems=problems):
            if sum(x is not None for x in (m.acled or m.by_country or None, m.state, m.generic)) != 1:
                problems.append(f"{where}: give exactly one of acled (with or without by_country), by_country, "
                                f"state, generic")
            if m.state is not None and m.state not in ("military", "police"):
                problems.append(f"{where}: state must be military or police")
            if key in ("phrases", "weapon_agents") and not m.match:
                problems.append(f"{where}: a role phrase needs match")
            if key == "default_agents" and not m.sub_event_type:
                problems.append(f"{where}: a default agent needs sub_event_type")
            out[key].append(RolePhrase(
                phrases=tuple(sorted({_role_phrase_words(p) for p in m.match}, key=lambda p: -len(p))),
                acled=m.acled, by_country=tuple(m.by_country.items()), state=m.state, generic=m.generic,
                countries=frozenset(m.countries), first=m.first, sub_event_type=m.sub_event_type,
                default=m.default))
    if problems:
        raise KnowledgeBaseError(f"{len(problems)} problem(s) in role phrases {origin}", problems=problems,
                                 code=Code.PATTERN_INVALID)
    return tuple(tuple(out[key]) for key in keys)


def _shipped(name: str) -> tuple[str, str]:
    res = resources.files("conflictdesk") / "data" / "patterns" / name
    return res.read_text(encoding="utf-8"), str(res)


@functools.lru_cache(maxsize=4)
def load_event_patterns(path: str | Path | None = None) -> EventPatterns:
    """The shipped patterns, or those in `path` (same format)."""
    codes_text, codes_origin = _shipped("cameo_plover.yaml")
    codes = _parsed(codes_text, codes_origin).value or {}
    if path is None:
        text, origin = _shipped("events.yaml")
    else:
        p = Path(path)
        text, origin = p.read_text(encoding="utf-8"), str(p)
    patterns = parse_event_patterns(text, origin=origin, codes=codes)
    roles_text, roles_origin = _shipped("event_roles.yaml")
    phrases, defaults, weapons = parse_role_phrases(roles_text, origin=roles_origin,
                                                    keys=("phrases", "default_agents", "weapon_agents"))
    return dataclasses.replace(patterns, role_phrases=phrases, default_agents=defaults, weapon_agents=weapons)

"""Event drafts, their merging (within a sentence, then across the document) and ACLED-style notes."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ...knowledge.gazetteer import distance_km
from ...records import Count, DateMention, Event, Place
from ...taxonomy import ARMED_VIOLENCE, DEMONSTRATIONS
from ..dates import PHRASE
from .apart import APART
from .attributes import DURATION_UNITS, is_dateline, lies_within, whose_clause
from .patterns import Coding
from .roles import BACKING, FORCE_VICTIMS, PERSON_HEADS, TARGET_PREPS, Party
from .triggers import Mention, contrasted, joined_clause, own_incident

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(slots=True)
class Draft:
    mention: Mention
    coding: Coding
    plover: str | None
    priority: int
    rule: str
    side1: Party
    side2: Party
    assoc1: list[str]
    assoc2: list[str]
    place: Place | None
    date: DateMention | None
    status: str
    salience: str
    count: Count | None
    sent_start: int
    sent_end: int
    kind: str = "event"
    actor1: str | None = None
    actor2: str | None = None
    fatalities: int | None = None
    civilian_targeting: bool = False
    rules: list[str] = field(default_factory=list)
    a1_default: bool = False           # actor1 is the sub-type's default agent, not named by the text
    alone: bool = False                # its attacker is told as one person acting alone ("a gunman", a man named)
    place_here: bool = False           # the place is named in the event's own sentence (not a dateline)
    place_site: bool = False           # ... in a site phrase of the event's word ("an attack on a cafe in Dhaka")
    listed: bool = False               # one of several places a list names for the action (`sites.each_place`)
    loose: bool = False                # an outcome word without conflict context: only the prior event's outcome
    history: bool = False              # dated years before the report ("arrested in 2008"): never today's news
    year: int | None = None            # the earlier year history dates it in
    reference: str | None = None       # may name an incident told before: "definite" ("the attack"), "quoted"
    pattern: bool = False              # a pattern the report recalls ("has historically struck"), no incident
    protested: bool = False            # the violence a demonstration of its sentence protests ("against the killing")
    # the day of the clause an "after" / "following" phrase holding the event follows: its date only when no
    # telling of it gives its own ("fired the chief Friday following a series of attacks")
    clause_day: DateMention | None = None
    # told as going on as the report is written ("troops are advancing"), or in the perfect with no day of its
    # own: the report's day is not its date; only a day another telling of it gives dates it (`absorb`)
    ongoing: bool = False
    # named, with no day of its own, in a "following" / "in the wake of" phrase (`told_as_cause`): recalled when
    # no other telling of it joins it
    cause: bool = False
    # the word of a claim of responsibility told again into it ("IS claimed responsibility for the shrine
    # attack": "attack"): the incident is claimed by its actor1, whatever the status of its first telling
    claim_word: str | None = None
    # told as another incident than those told before: a word of its sentence merged into it set it apart
    # ("In a second attack, a roadside bomb blew up": the bomb is not the attack told earlier)
    apart: bool = False


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


UNIDENTIFIED = "unidentified-armed-group"
CIVILIANS = "civilians-"


MILITARY_IDS, POLICE_IDS = "military-forces-of-", "police-forces-of-"
STATE_IDS = (MILITARY_IDS, POLICE_IDS, "government-of-")


def _unnamed(actor: str | None) -> bool:
    return actor is None or actor.startswith(UNIDENTIFIED)


def _actor1(d: Draft) -> str | None:
    """actor1 as the text names it (a default agent is no evidence of who acted)."""
    return None if d.a1_default else d.actor1


def _one_side(a: str | None, b: str | None) -> bool:
    """Could the two actors be one side? Unnamed gunmen (an unidentified armed group) may be the armed group
    the report names elsewhere, never a state's forces; protesters and rioters of one country may be one crowd."""
    if a is not None and b is not None and a != b and UNIDENTIFIED in (a[:len(UNIDENTIFIED)], b[:len(UNIDENTIFIED)]):
        return not (a.startswith(STATE_IDS) or b.startswith(STATE_IDS))
    return _same_actor(a, b)


# ACLED names a crowd by what it did ("Protesters (Iraq)", "Rioters (Iraq)"): one crowd whose protest turned
# violent is named both ways by the mentions of its one demonstration
CROWDS = {"Protests": "protesters-", "Riots": "rioters-"}


def _crowd(actor: str | None) -> str | None:
    """The country part of a generic crowd's id ("iraq" of "rioters-iraq"); None for any other actor."""
    return next((actor[len(p):] for p in CROWDS.values() if actor is not None and actor.startswith(p)), None)


def _same_actor(a: str | None, b: str | None) -> bool:
    """Compatible actors, a crowd named as protesters and as rioters counting as one."""
    return _compatible(a, b) or (_crowd(a) is not None and _crowd(a) == _crowd(b))


def _crowd_named_by_type(d: Draft) -> None:
    """A demonstration's crowd named for the demonstration's type, once merging has settled its type."""
    where = _crowd(d.actor1)
    prefix = CROWDS.get(d.coding.event_type)
    if where is not None and prefix is not None:
        d.actor1 = prefix + where


def same_attacker(o: Draft, d: Draft) -> bool:
    """Could the two be one attacker? ("gunmen exploded a car bomb" ... "the al-Shabab gunmen")"""
    return _one_side(_actor1(o), _actor1(d))


def told_from_the_other_side(o: Draft, d: Draft) -> bool:
    """A battle told once from each side: "militants stormed army posts in Ben Guerdan" and "soldiers killed
    33 militants" are one battle with its sides the other way round (one side named in both)."""
    if o.coding.event_type != "Battles" or d.coding.event_type != "Battles":
        return False
    a1, b1 = _actor1(o), _actor1(d)
    return _one_side(a1, d.actor2) and _one_side(o.actor2, b1) and (
        (a1 is not None and a1 == d.actor2) or (b1 is not None and b1 == o.actor2))


def _actor2(d: Draft) -> str | None:
    """actor2 as the text names it: "the two men were killed" names no one (civilians by default)."""
    return None if d.side2.actor is None and d.side2.phrase is None and d.kind == "outcome" else d.actor2


COARSE_KINDS = frozenset({"country", "admin1", "region"})


QUARTER_KM = 15       # a quarter of a town lies this near the town's point ("Dora", a district of Baghdad)


def finer_within(p: Place, coarse: Place) -> bool:
    """Whether `p` is a town inside the country, province or region `coarse` ("killed ... in
    northern Iraq" told again as "killed near the town of Tel Asqof"), or a quarter of the town
    `coarse` ("kidnapped in Baghdad" told again as "seized from an apartment in the capital's Dora
    district"): ACLED codes the incident at the most precise place reported."""
    if coarse.kind in COARSE_KINDS:
        return p.kind not in COARSE_KINDS and p.latitude is not None and lies_within(p, coarse)
    return _quarter_of(p, coarse)


def _quarter_of(p: Place, town: Place) -> bool:
    """A neighbourhood or district close to the town's point, in the town's country: a part of that town."""
    return p.kind == "neighbourhood" and town.kind == "populated_place" and p.country == town.country \
        and None not in (p.latitude, p.longitude, town.latitude, town.longitude) \
        and distance_km(p.latitude, p.longitude, town.latitude, town.longitude) <= QUARTER_KM  # type: ignore[arg-type]


def told_place(d: Draft) -> Place | None:
    """The place a draft's own words tell: a reference ("the arrests") takes none from a clause of its
    sentence about something else ("people who have fought for IS in Syria ... after the arrests")."""
    if d.reference and d.place is not None and d.place_here and d.place.span is not None \
            and not of_mention(d, d.place.span.start):
        return None
    return d.place


def absorb(into: Draft, other: Draft, *, retold: bool = False) -> None:
    """`other` is `into` told again: what it adds (actors, place, date, count, salience) joins `into`. A
    reference ("the blasts") adds only a date or place told of it: another of its sentence tells something
    else ("the blasts underscored the need for talks after the collapse of a Feb. 27 ceasefire"). `retold`:
    merged as told again elsewhere in the document (merge_document)."""
    if other.reference and other.date is not None and not of_mention(other, other.date.span.start):
        other.date = None
    if told_place(other) is None:
        other.place = None       # "a commander, who planned a massacre in nearby Peshawar, claimed the assault"
    # a habit told after an incident ("the group is increasingly turning to attacks in Baghdad") says who
    # tends to strike, not who struck this time: its doer is no incident's attacker
    habit_only = other.pattern and not into.pattern
    # an attack on civilians by unnamed men takes no state's forces as its attacker from a telling elsewhere in
    # the report ("police who stormed the club" ended the gunman's shooting there), whether the men were told or
    # assumed; merged in one sentence the forces are its doers ("shot during a traffic stop by two officers")
    unnamed_attack = retold and into.coding.event_type == "Violence against civilians" and into.actor1 is not None \
        and into.actor1.startswith(UNIDENTIFIED) and other.actor1 is not None and other.actor1.startswith(STATE_IDS)
    if other.actor1 and not habit_only and (into.actor1 is None or (
            into.a1_default and not other.a1_default and not unnamed_attack)
                         or (into.actor1.startswith(UNIDENTIFIED) and not other.a1_default
                             and not other.actor1.startswith(STATE_IDS))):
        into.actor1, into.a1_default = other.actor1, other.a1_default
    into.alone = into.alone or other.alone
    if other.actor1 is not None and other.actor1 == into.actor1 and into.claim_word is None:
        into.claim_word = other.claim_word or (other.mention.head.lemma_.lower() if other.status == "claimed" else None)
    # a battle told again with the people its fighting killed ("five years of fighting that has killed 250,000
    # people") takes no side from them: civilians are no side of a battle, only its dead
    victims_only = into.coding.event_type == other.coding.event_type == "Battles" \
        and other.actor2 is not None and other.actor2.startswith(CIVILIANS)
    if not victims_only:
        into.actor2 = into.actor2 or other.actor2
        into.civilian_targeting = into.civilian_targeting or other.civilian_targeting
    into.assoc1 += [x for x in other.assoc1 if x not in into.assoc1]
    into.assoc2 += [x for x in other.assoc2 if x not in into.assoc2]
    # a place named with the telling wins over one borrowed from the sentences around, unless it is only the
    # region the borrowed town lies in ("air strikes" near Tel Asqof, told again as "coalition air strikes"
    # in northern Iraq): ACLED codes the incident at the most precise place reported
    if other.place is not None and (into.place is None or finer_within(other.place, into.place) or (
            other.place_here and not into.place_here and not finer_within(into.place, other.place))):
        into.place, into.place_here = other.place, other.place_here or into.place_here
    if into.date is None and other.date is not None and other.date.date is not None and not into.pattern:
        into.date = other.date     # never a time coarser than a month, which dates another event
    # `ongoing` stays as the host telling (the one the evidence is) tells it: a later telling with no day of its
    # own gives it none ("militants have stepped up attacks on police posts" ... "two officers died in the
    # fighting"): its narrative past tells again what the host told, not that the report's day is the event's. A
    # telling with a day dates it (above), and an incident told as done stays one when retold in the perfect
    # ("gunmen stormed a hotel on Friday ... the gunmen have killed 20")
    if into.count is None:
        into.count = other.count
    if other.salience == "main" and not into.pattern:
        into.salience = "main"     # a pattern ("usually responds with barrages") stays one
    into.apart = into.apart or _set_apart(other)
    into.rules.append(other.rule)


def of_mention(d: Draft, start: int) -> bool:
    """Whether the phrase at character `start` tells of the mention itself: inside its phrase ("the attack
    on Monday", "the blasts, which hit Tartous on Monday") or a modifier of the verb whose subject or object
    it is ("the attack happened on Monday"). A phrase carried from another sentence is not the mention's."""
    head = d.mention.head
    tok = next((t for t in d.mention.sent if t.idx <= start < t.idx + len(t)), None)
    if tok is None:
        return False
    if tok in head.subtree:
        return True
    verb = head.head if head.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") else None
    # "on Monday": the date's word is the object of a preposition of the verb, or the verb's own modifier
    return verb is not None and any(t.head == verb and t.dep_ in ("npadvmod", "advmod", "prep", "tmod")
                                    for t in (tok, tok.head, tok.head.head))


def family(d: Draft) -> str:
    """violent, demonstration, or the sub-type and CAMEO code of any other event."""
    if d.coding.event_type in ARMED_VIOLENCE or d.kind == "outcome":
        return "violent"
    if d.coding.event_type in DEMONSTRATIONS:
        return "demonstration"
    return f"{d.coding.sub_event_type}:{d.coding.cameo}"


def _inside(tok: Any, host: Any) -> bool:
    return host is not None and tok is not None and tok.i != host.i and tok in host.subtree


def _within_others(drafts: list[Draft]) -> list[Draft]:
    """"shot down a drone launched by the Houthis": the drone is what the interception stopped, not a
    strike of its own (its launcher is the interception's actor2); "wounding soldiers of an army
    patrol": the patrol is the target, not a change to group/activity."""
    drop: set[int] = set()
    for d in drafts:
        if d.coding.sub_event_type == "Disrupted weapons use":
            for v in drafts:
                if v is not d and family(v) == "violent" and _inside(v.mention.head, d.mention.head):
                    drop.add(id(v))
                    d.actor2 = d.actor2 or v.actor1
    for d in drafts:
        if d.coding.event_type == "Strategic developments" and d.kind != "label":
            for v in drafts:
                if family(v) == "violent" and v.side2.token is not None and (
                        d.mention.head.i == v.side2.token.i or _inside(d.mention.head, v.side2.token)):
                    drop.add(id(d))
    return [d for d in drafts if id(d) not in drop]


def _event_doer(d: Draft, violent: list[Draft]) -> Draft | None:
    """The violent draft whose word is the doer of `d`'s verb: its subject ("the blast hit a police
    patrol"), the noun a relative clause hangs on ("a car bomb that targeted a police bus") or the
    agent of a passive ("the bus was hit by a car bomb")."""
    verb = d.mention.head
    if family(d) != "violent" or d.kind == "outcome" or verb.pos_ != "VERB":
        return None
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in verb.children):
        doers.append(verb.head)
    return next((v for v in violent for t in doers if v is not d and v.status == d.status
                 and v.mention.head.pos_ in ("NOUN", "PROPN") and v.mention.head.i == t.i), None)


# the words of an operation that may be no more than the arrests told with it
ARREST_RAIDS = {"raid", "sweep", "swoop", "operation", "crackdown", "search", "roundup", "round-up"}


def _one_incident(drafts: list[Draft]) -> list[Draft]:
    """What a sentence tells of one incident in several words is coded once (ACLED codes the
    incident by its most telling sub-type):
    - "three women carrying suicide bombs tried to reach a crowd but were intercepted and blown up":
      the interception is how the attempted bombing ended, not a disrupted weapons use of its own;
    - "a blast ... the first bombing in years to attempt to target foreigners": an attempt without
      an actor of its own in a sentence telling the violence that happened is that violence;
    - "25 vehicles had been destroyed and more than 80 militants killed": property destroyed by no
      one named, told with the fighting, is the fighting's damage;
    - "police shot two Palestinians who opened fire at them": the fire of one side of an armed clash
      is the clash;
    - "police detained 13 people in raids across Istanbul", "raided homes and arrested six": raids in
      which people are arrested, with no one killed, are the arrests;
    - "a car bombing that targeted a police vehicle killed 11": a verb whose doer is another event's
      word tells what that event did (its target is the event's); the more telling of the two words
      codes it ("unknown gunmen seized the trio": an abduction)."""
    violent = [d for d in drafts if family(d) == "violent" and d.kind != "outcome"]
    drop: set[int] = set()
    for d in drafts:
        if id(d) in drop:
            continue
        host = None
        doer = _event_doer(d, violent)
        if doer is not None and id(doer) not in drop and doer.priority < d.priority:
            absorb(d, doer)        # "unknown gunmen seized the trio": the abduction, told with who did it
            drop.add(id(doer))
            continue
        if doer is not None:
            if d.actor2 is not None:
                doer.actor2, doer.civilian_targeting = d.actor2, d.civilian_targeting
            host = doer
        elif d.coding.sub_event_type == "Disrupted weapons use":
            host = next((v for v in violent if v.status == "attempted"
                         and v.coding.event_type == "Explosions/Remote violence"), None)
        elif d.coding.sub_event_type == "Looting/property destruction" and _actor1(d) is None:
            host = next((v for v in violent if v.status in VIOLENT_STATUS and v.status == d.status
                         and coarse_dated(v.date) == coarse_dated(d.date)), None)
        elif family(d) == "violent" and d.status == "attempted" and d.mention.trigger.kind != "outcome" \
                and _actor1(d) is None and d.actor2 is None:
            host = next((v for v in violent if v is not d and v.status in VIOLENT_STATUS
                         and coarse_dated(v.date) == coarse_dated(d.date)), None)
        elif family(d) == "violent" and d.mention.head.lemma_.lower() in ARREST_RAIDS and d.fatalities is None:
            host = next((a for a in drafts if a.coding.sub_event_type == "Arrests" and a.status == d.status), None)
        elif family(d) == "violent" and d.coding.event_type != "Battles" and d.actor1 is not None:
            host = next((v for v in violent if v.coding.sub_event_type == "Armed clash" and v.status == d.status
                         and d.actor1 in (v.actor1, v.actor2) and v.actor1 and v.actor2
                         and _compatible(d.actor2, v.actor1 if d.actor1 == v.actor2 else v.actor2)), None)
        if host is None or host is d or id(host) in drop:
            continue
        absorb(host, d)
        drop.add(id(d))
    return [d for d in drafts if id(d) not in drop]


def _backing(d: Draft) -> bool:
    """The event word tells the support a side fought with ("troops backed by air strikes", "supported by
    Russian bombing"), the object of a verb of backing."""
    t = d.mention.head
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.head.lemma_.lower() in BACKING


def _backing_apart(o: Draft, d: Draft) -> bool:
    """A side's fight and the support it had, told in one sentence, which `merge_sentence` kept apart; or
    one of the places a list names for one action (`Draft.listed`) and an event told elsewhere than there."""
    return (o.sent_start == d.sent_start and (_backing(o) or _backing(d))) or _listed_apart(o, d)


def _listed_apart(o: Draft, d: Draft) -> bool:
    """"The capture of the towns of Mayer and then Kafin" after "the army advanced ... in a major offensive":
    a town's event of such a list joins an event of another sub-type only when told at that town (the
    offensive would take the first town and lose its capture as an event); the same act told more vaguely
    before ("Turkish shelling killed 55 in northern Syria") is the list's, and joins it as before."""
    if not d.listed or o.coding.sub_event_type == d.coding.sub_event_type:
        return False
    return not (o.place is not None and o.place_here and d.place is not None and o.place.name == d.place.name)


def _remote(d: Draft) -> bool:
    """A host its weapon typed as explosions or remote violence ("two car bomb attacks that killed 66
    people"): ACLED codes a bombing, shelling or air strike so whoever it killed; the victims told with its
    toll choose only between an attack on civilians and a battle."""
    return d.coding.event_type == "Explosions/Remote violence"


def _no_target(d: Draft) -> bool:
    """A draft whose own words name no one it struck (its type then came from the sentence's fighters)."""
    return d.side2.token is None and d.side2.kind is None and d.actor2 is None


# Munitions made to disperse a crowd, not to kill: the word that precedes the noun fired ("tear gas",
# "rubber bullets", "water cannon", "stun grenades"). ACLED (Codebook 2023, "Protest with intervention")
# codes a demonstration met with them as an intervention; excessive force is lethal or seriously injuring.
LESS_LETHAL = {"tear", "rubber", "plastic", "water", "pepper", "stun", "sound", "smoke", "teargas", "pellet"}
FIRED_OBJECTS = ("dobj", "nsubjpass", "pobj")
# force that kills or wounds ("opened fire on the crowd"): excessive, unless what was fired is less lethal
LETHAL_HEADS = {"kill", "shoot", "shot", "fire", "open", "die", "dead", "wound", "injure"}


def less_lethal(head: Any) -> bool:
    """"police fired tear gas and rubber bullets", "shot rubber bullets at the crowd": a firing word whose
    every munition is one made to disperse, not to kill (no munition named: not known to be)."""
    shots = [c for c in head.children if c.dep_ in FIRED_OBJECTS]
    shots += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
              if g.dep_ == "pobj"]
    shots += [x for c in shots for x in c.conjuncts]
    if not shots:
        return False
    return all(t.lemma_.lower() in LESS_LETHAL
               or any(c.lemma_.lower() in LESS_LETHAL for c in t.children if c.dep_ in ("compound", "amod"))
               for t in shots)


def _crowd_met_with_force(drafts: list[Draft]) -> list[Draft]:
    """"Police shot dead two protesters": the force against the crowd (coded Excessive force or Protest
    with intervention, with the forces as its first side) and the demonstration its sentence tells are one
    event, the graver sub-type (ACLED codes a demonstration met with force once); a violent demonstration
    told with how it was met is the violent demonstration."""
    # a crowd's own violence outranks how it was met ("clashes between demonstrators and security forces",
    # "protesters who stormed the Green Zone"): ACLED's violent demonstration, the intervention within it
    riots = [d for d in drafts if d.coding.sub_event_type == "Violent demonstration"]
    met = [d for d in drafts if d.coding.event_type == "Protests" and d.coding.sub_event_type != "Peaceful protest"]
    if not (riots or met):
        return drafts
    host = (riots or met)[0]
    merged = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters") if riots \
        else ("Peaceful protest",)
    drop = set()
    for d in drafts:
        if d is not host and d.coding.sub_event_type in merged and d.status == host.status \
                and not contrasted(host.mention, d.mention):
            absorb(host, d)
            drop.add(id(d))
    return [d for d in drafts if id(d) not in drop]


def _on_forces(head: Any) -> bool:
    """"A gunman opened fire on officers at the rally, killing five of them": violence aimed at police or
    soldiers (its verb's, or the verb its clause hangs on, object or target) is no force a demonstration met."""
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    for _ in range(3):
        hit = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        hit += [g for c in [verb, *hit] for p in c.children if p.dep_ == "prep" and p.lower_ in TARGET_PREPS
                for g in p.children if g.dep_ == "pobj"]
        if any(t.lemma_.lower() in FORCE_VICTIMS for t in hit):
            return True
        if verb.dep_ not in ("advcl", "conj") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


# the words of a clause told a measured time from another ("a day after police shot a man", "the day before a
# gunman killed five officers at a march")
TIME_MARKS = {"after", "before", "since"}


def _measured_clause(tok: Any) -> int:
    """The verb heading the nearest clause around `tok` that a measured time sets apart ("a day after ...",
    "two weeks before ..."), or -1 when none does."""
    for x in (tok, *tok.ancestors):
        mark = next((c for c in x.children if c.dep_ == "mark" and c.lower_ in TIME_MARKS), None)
        if mark is not None and mark.i > 0 and mark.doc[mark.i - 1].lemma_.lower() in DURATION_UNITS:
            return x.i
    return -1


def _apart_in_time(a: Any, b: Any) -> bool:
    """Two triggers of one sentence in clauses a measured time sets apart ("Castile was killed a day after police
    shot a man, and the day before a gunman killed five officers at a march"): two incidents, not one."""
    return _measured_clause(a) != _measured_clause(b)


def dated_in_its_clause(d: Draft) -> bool:
    """`d`'s day is told in its own clause: the date hangs on its word or a verb joined to it ("a man was shot
    and killed by police in December", "Sterling was killed on Tuesday"), not on a verb of saying or of
    another clause ("police said on Friday that ...", "protests broke out on Friday after ...")."""
    if d.date is None:
        return False
    head = d.mention.head
    told = head.doc.char_span(d.date.span.start, d.date.span.end, alignment_mode="expand")
    if told is None or not len(told):
        return False
    own = {head, *(c for c in head.children if c.dep_ == "conj")}
    return told.root.head in own or (told.root.head.dep_ == "prep" and told.root.head.head in own) \
        or _inside_its_phrase(head, told) or _in_its_noun_phrase(head, told)


# the links of a noun phrase's own words: its prepositions and their objects, and a participle describing one
# of them ("an attack on a cafe frequented by foreigners in Dhaka on Friday"), not a clause with a verb of its own
PHRASE_LINKS = ("prep", "pobj", "acl")


def _in_its_noun_phrase(head: Any, told: Any) -> bool:
    """The date is told within the event noun's own phrase, reached through its prepositions and the
    participles that describe their objects ("an attack on a cafe frequented by foreigners in Dhaka on
    Friday": Friday is the attack's day, whatever word the parse hangs it on); not in a relative clause."""
    if head.pos_ != "NOUN":
        return False
    t = told.root
    for _ in range(8):
        if t.dep_ not in PHRASE_LINKS or t.head.i == t.i:
            return False
        t = t.head
        if t.i == head.i:
            return True
    return False


def _inside_its_phrase(head: Any, told: Any) -> bool:
    """The date sits between the event noun and the "of" phrase that completes it ("protesting the shootings last
    week of two men", "the killing on Sunday of a driver"): the noun's own day, whatever verb the parse hangs
    both on."""
    after = head.doc[told.end] if told.end < len(head.doc) else None
    return head.pos_ == "NOUN" and told.start == head.i + 1 and after is not None and after.lower_ == "of" \
        and after.head.i != head.i and after.head.i == told.root.head.i


def at_the_scene(o: Any) -> bool:
    """"was shot dead by officers at the scene": the scene of the incident, where it happened (a film's scene
    has its own words: "the opening scene", "a scene of the film")."""
    return o.lemma_.lower() == "scene" and o.dep_ == "pobj" and o.head.lower_ in ("at", "on") \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in o.children) \
        and not any(c.dep_ in ("compound", "amod", "nmod", "poss") for c in o.children)


def _gathered_at_the_scene(demo: Draft, violence: Draft) -> bool:
    """"police shot a man dead, and protesters gathered at the scene": a crowd told after the violence, as
    coming to its scene later in the sentence (not "the scene of the rally", nor the violence's own "shot at
    the scene"), came after it; the violence is no force it met."""
    head, act = demo.mention.head, violence.mention.head
    return act.i < head.i and any(
        at_the_scene(t) and t.head.head.i != act.i and not any(c.dep_ == "prep" for c in t.children)
        for t in head.sent[head.i - head.sent.start:])


def _hits(violence: Draft, demo: Draft) -> bool:
    """"Two blasts hit a peace rally", "a bomber blew himself up among marchers": the demonstration's word lies
    in the clause the violence is told in (its verb, or the verb it is the subject of), as what it struck; not
    "protesters have gathered since the bombing"."""
    head = violence.mention.head
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    return verb.pos_ in ("VERB", "AUX") and demo.mention.head in verb.subtree and demo.mention.head.i != verb.i


# the prepositions of an outcome that name the act it came of ("died in attacks", "killed by an air strike")
TOLL_PREPS = {"in", "by", "during"}


def _act_of_toll(outcome: Any, act: Any) -> bool:
    """`act` (or an act listed with it) is the object of the cause phrase of `outcome`'s own verb ("who died in
    attacks in Tel Aviv", "were killed by an air strike on the market"): the act the toll is of."""
    t = act
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ != "pobj":
        return False
    prep = t.head
    return prep.lower_ in TOLL_PREPS and prep.dep_ in ("prep", "agent") and prep.head.i == outcome.i


def merge_sentence(drafts: list[Draft]) -> list[Draft]:
    """Triggers of one sentence that describe one event become one (the codebook's hierarchy)."""
    labels = [d for d in drafts if d.kind == "label"]
    if labels:
        # ACLED's own label ("Non-violent activity: regime forces fired ...") codes its sentence's event
        host = labels[0]
        for d in sorted(drafts, key=lambda d: -d.priority):
            if d is not host:
                absorb(host, d)
        return [host]
    drafts = _one_incident(_within_others(drafts))
    demo = [d for d in drafts if family(d) == "demonstration"]
    violent = [d for d in drafts if family(d) == "violent"]
    # a demonstration met with force: the protest is the event, its sub-type says how it was met
    if demo and violent:
        top = max(demo, key=lambda d: d.priority)
        # the violence a crowd protests ("against the killing of a driver") is no force it met, nor a battle
        # fought beside it or a shooting at police there ("a gunman killed five officers at the rally"): these
        # stay events of their own
        beside = {id(d) for d in violent if d.coding.event_type == "Battles" or _on_forces(d.mention.head)
                  or _gathered_at_the_scene(top, d) or _apart_in_time(d.mention.head, top.mention.head)}
        force = [d for d in violent if not d.protested and id(d) not in beside]
        bombs = [d for d in force if _remote(d) and _hits(d, top) and d.status == top.status]
        if top.coding.event_type == "Protests" and bombs:
            # bombs or shells that hit a demonstration ("two blasts hit a peace rally") are the bombing (ACLED),
            # the crowd its target: no force the crowd met, and no demonstration of its own
            for d in bombs:
                if d.actor2 is None:
                    d.actor2 = top.actor1
                if d.actor1 == top.actor1:
                    d.actor1 = None
            return merge_sentence([d for d in drafts if family(d) != "demonstration"])
        if top.coding.event_type == "Protests" and force:
            lethal = any(d.mention.head.lemma_.lower() in LETHAL_HEADS and not less_lethal(d.mention.head)
                         for d in force)
            sub = "Excessive force against protesters" if lethal else "Protest with intervention"
            top.coding = Coding("Protests", sub, "175" if lethal else "141")
        for d in violent:
            if d.protested and dated_in_its_clause(d):
                # told as the cause with its own day ("protests after a man was shot by police in December"): no
                # side of the demonstration, and an incident of its own the report states as fact
                top.rules.append(d.rule)
            elif d.status == top.status and id(d) not in beside:
                d.kind = "merged-into-demonstration"
                if d.protested:
                    top.rules.append(d.rule)     # told as the cause: no side of the demonstration
                else:
                    absorb(top, d)
        drafts = [d for d in drafts if d.kind != "merged-into-demonstration"]
    drafts = _crowd_met_with_force(drafts)
    drafts = _destruction_in_violence(drafts)
    out: list[Draft] = []
    for d in sorted(drafts, key=lambda d: -d.priority):
        ended = next((o for o in out if family(o) == family(d) and _attacker_shot_back(d, o)), None)
        if ended is not None:
            out[out.index(ended)] = d      # the attack hosts the firing that ended it, whichever ranks first
            _absorb_its_end(d, ended)
            continue
        host = None
        # an outcome joins the event of its own clause first ("air strikes killed 91 while rebel
        # shelling claimed 49 lives": the 49 are the shelling's)
        for o in sorted(out, key=lambda o: d.kind == "outcome" and (contrasted(o.mention, d.mention)
                                                                    or _other_clause(o, d))):
            if family(o) != family(d):
                continue
            if d.side1.token is None and d.side2.token is not None and o.side1.token is not None \
                    and d.side2.token.i == o.side1.token.i:
                host = o        # "a woman who tried to stab officers was shot and killed": the attacker shot,
                break           # the end of her own attack
            if _attacker_shot_back(o, d):
                _withhold_sides(d)   # "a gunman killed two people before police shot him dead": the end of his
                host = o             # attack, whose sides stay the attack's
                break
            if o.status != d.status and not ((any(x.kind == "outcome" and _responsibility_for(x.mention.head)
                                                  for x in (o, d)) or "territory" in (o.kind, d.kind))
                                             and {o.status, d.status} <= set(VIOLENT_STATUS)):
                continue        # "claiming responsibility for killing 80 after three suicide bombers detonated ...":
                                # the toll claimed is the bombing's; "fighting raged, with the army claiming the
                                # capture of 18 villages": the fighting is the claimed capture (ACLED codes the change)
            if d.kind == "outcome" and o.kind != "outcome" and _inside(d.mention.head, o.mention.head):
                # "the 1995 bombing of the federal building that killed 168 people": a toll told within the
                # phrase of the act is the act's, told when the act is, whatever day or year each was given
                d.salience, host = o.salience, o
                break
            if d.kind == "outcome" and o.kind != "outcome" and _act_of_toll(d.mention.head, o.mention.head):
                # "relatives of five citizens who died in attacks in Tel Aviv between 2014 and 2016": the deaths
                # are the toll of the act their own phrase names, told when the act is
                d.salience, d.date, host = o.salience, o.date, o
                break
            if coarse_dated(o.date) != coarse_dated(d.date):
                continue        # "a bus exploded on Monday, ... the suicide attacks of a decade ago": two events
            if o.history != d.history:
                continue        # "the first murder on campus since 1966, when a Marine opened fire": two events
            if dates_differ(o.date, d.date) and any(x.date.rule == PHRASE for x in (o, d) if x.date):
                continue        # "police killed two militants on Saturday, a day after a suicide bombing": two days
            if "outcome" not in (o.kind, d.kind) and dates_differ(o.date, d.date) \
                    and dated_in_its_clause(o) and dated_in_its_clause(d):
                continue        # "Thursday's shooting occurred where in December police shot a man": two days,
                                # each told in its own clause, are two events
            if o.date is not None and o.date.rule == PHRASE and o.date == d.date:
                host = o        # "a day after a bomb targeting police killed 11 people": the phrase names one event
                break
            if own_incident(d.mention) and d.kind != "outcome":
                continue        # "a suicide attack on a bus ... and a separate attack on a court": two events
            if _befell_another(o, d, drafts) or _befell_another(d, o, drafts):
                continue        # "the fight against the militants, whose leader was killed in a drone strike": two
            if "outcome" not in (o.kind, d.kind) and (_apart_clause(o, d) or _apart_clause(d, o)):
                continue        # "explosions tore through the airport and a second blast struck a metro station"
            if "outcome" not in (o.kind, d.kind) and (_backing(o) or _backing(d)):
                continue        # "the army, backed by air strikes from a U.S.-led coalition, ...": the support
                                # is its own event, struck from the air by whoever gave it
            if "outcome" not in (o.kind, d.kind) and _told_apart(o, d):
                continue        # "a June 28 attack on Istanbul airport ...; an attack on a cafe in Dhaka": two events
            if (_sequenced(o.mention.head, d.mention.head) or _sequenced(d.mention.head, o.mention.head)) \
                    and not _toll_after(d, o, drafts):
                continue        # "killed in clashes on Tuesday ... following a suicide bombing": two events
            if contrasted(o.mention, d.mention) and "outcome" not in (o.kind, d.kind):
                continue        # "air strikes killed 91 while rebel shelling claimed 49 lives": two events
            if "outcome" not in (o.kind, d.kind) and _joined_apart(o, d):
                continue        # "an air strike killed 11 in Idlib and shelling killed four in Hama": two events
            if d.kind == "outcome" or (_compatible(o.actor2, d.actor2) and same_attacker(o, d)):
                host = o         # (unnamed attackers may be the group the sentence names: "IS said it was
                break            # behind an attack by suicide bombers ..., the first time the group has targeted")
            if _one_battle(o, d):
                host = o
                _sides_joined(o, d)
                break
        if host is None:
            out.append(d)
        else:
            trig = host.mention.trigger
            if (host.coding == trig.coding or _no_target(host)) and not _remote(host) \
                    and d.coding in (trig.civilian_target, trig.armed_target) \
                    and not (d.kind == "outcome" and trig.coding.event_type == "Battles"):
                # the victims named with the outcome decide the type; a storming stays a battle when
                # only its toll counts civilians ("stormed the town attacking army posts ... killing
                # 50, including civilians"); so do they for a host typed without a target of its own
                # ("Palestinian gunmen killed two Israelis": the gunmen, read as fighters, named no one)
                host.coding = d.coding
            absorb(host, d)
            _crowd_named_by_type(host)
    out.sort(key=lambda d: d.mention.start)
    return out


def _other_clause(o: Draft, d: Draft) -> bool:
    """Whether two drafts lie in two clauses joined with "and", each with a subject of its own."""
    return joined_clause(o.mention.head) is not joined_clause(d.mention.head)


def _joined_apart(o: Draft, d: Draft) -> bool:
    """Two clauses joined with "and", each with its own subject, that tell two incidents: struck by other
    means ("an air strike killed 11 ... and government shelling killed four") or at other towns, each named in
    its own clause. One incident told in two clauses ("gunmen stormed the hotel and the attackers killed 20")
    names neither."""
    if not _other_clause(o, d):
        return False
    remote = o.coding.event_type == d.coding.event_type == "Explosions/Remote violence"
    if remote and o.coding.sub_event_type != d.coding.sub_event_type:
        return True
    return o.place_here and d.place_here and None not in (o.place, d.place) and o.place.name != d.place.name \
        and not (finer_within(o.place, d.place) or finer_within(d.place, o.place)) \
        and all(of_mention(x, x.place.span.start) or _in_clause(x) for x in (o, d))


def _in_clause(d: Draft) -> bool:
    """Whether a draft's place is named in the clause its mention lies in (its own "and" clause, else the
    sentence outside any)."""
    own = joined_clause(d.mention.head)
    start = d.place.span.start
    if own is not None:
        return any(t.idx <= start < t.idx + len(t) for t in own.subtree)
    others = [t for t in d.mention.sent if joined_clause(t) is not None]
    return not any(t.idx <= start < t.idx + len(t) for t in others)


# the pronouns an attack's attacker is taken up by as the one shot at its end (plural or not): "before
# police shot him"
ATTACKER_PRONOUNS = {"him": False, "her": False, "them": True}


def _withhold_sides(firing: Draft) -> None:
    """The police who shot an attacker and the attacker shot (him) are no sides of his attack (`absorb`)."""
    firing.actor1, firing.actor2, firing.assoc1, firing.assoc2 = None, None, [], []


def _absorb_its_end(attack: Draft, firing: Draft) -> None:
    _withhold_sides(firing)
    absorb(attack, firing)


def _attacker_of(d: Draft) -> Token | None:
    """Who carried out an attack: its first side, or the attack's own word when it names him ("the gunman
    drove on before police shot him")."""
    head = d.mention.head
    return d.side1.token if d.side1.token is not None else head if head.lemma_.lower() in PERSON_HEADS else None


def _attacker_shot_back(o: Draft, d: Draft) -> bool:
    """Is `d` the police firing on `o`'s attacker, told by a pronoun after him ("a gunman opened fire at a
    clinic, killing two, before police shot him dead", "after police fired at them")? One incident: the
    attack and its end (the attacker's side is kept). Soldiers who kill attackers fight a battle of its own."""
    attacker, him = _attacker_of(o), d.side2.token
    if attacker is None or him is None or him.lower_ not in ATTACKER_PRONOUNS or him.i <= attacker.i \
            or d.actor1 is None or not d.actor1.startswith(POLICE_IDS) \
            or (o.actor1 is not None and o.actor1.startswith(STATE_IDS)) \
            or o.status != d.status or o.history != d.history:
        return False
    return ATTACKER_PRONOUNS[him.lower_] == (attacker.tag_ in ("NNS", "NNPS") or any(
        c.dep_ == "conj" for c in attacker.children))


def _sides(d: Draft) -> set[str]:
    return {a for a in (_actor1(d), d.actor2) if a}


def _one_battle(o: Draft, d: Draft) -> bool:
    """Two battle words of one sentence, each with one side told ("troops were engaged in heavy fighting with
    militants": the troops for one word, the militants for the other): one battle between the two sides the
    words name together, never more than two."""
    if o.coding.event_type != "Battles" or d.coding.event_type != "Battles" or "territory" in (o.kind, d.kind):
        return False
    a, b = _sides(o), _sides(d)
    return bool(a) and bool(b) and len(a | b) <= 2 and (len(a) < 2 or len(b) < 2 or a == b)


def _sides_joined(host: Draft, d: Draft) -> None:
    """The side `d` names that `host` lacks becomes `host`'s first side, before `d` joins it."""
    other = _sides(d) - _sides(host)
    if other and _actor1(host) is None:
        side = other.pop()
        host.actor1, host.a1_default = side, False
        if d.actor2 == side:
            d.actor2 = None


# words that set what they govern before or behind what the sentence tells ("following a suicide bombing",
# "in retaliation for weeks of rocket attacks"): another incident
SEQUENCE_PREPS = {"following", "after", "before"}
RESPONSE_NOUNS = {"retaliation", "response", "revenge", "reprisal", "answer"}


CAUSE_PREPS = {"following", "after"}


def _toll_after(d: Draft, o: Draft, drafts: list[Draft]) -> bool:
    """"Four people are dead following a shooting", "three were killed after a shooting at a bar": an outcome whose
    clause tells no act of its own, the act it follows its only one in the sentence, counts that act's dead (not
    "two were killed in clashes after a bombing", whose dead are the clashes')."""
    if d.kind != "outcome" or o.kind == "outcome":
        return False
    head, act = d.mention.head, o.mention.head
    verb = head.head if head.pos_ == "ADJ" and head.dep_ in ("acomp", "oprd") else head
    if not (act.dep_ == "pobj" and act.head.lower_ in CAUSE_PREPS and act.head.head.i == verb.i):
        return False
    return not any(x is not o and x.kind != "outcome" and family(x) == "violent"
                   and x.sent_start == d.sent_start for x in drafts)


def _sequenced(a: Any, b: Any) -> bool:
    """Whether `a` lies in a phrase that places it before or behind the clause `b` is told in."""
    tok = a
    for _ in range(6):
        if tok.head.i == tok.i:
            return False
        up = tok.head
        if tok.dep_ == "pobj" and (up.lower_ in SEQUENCE_PREPS or (
                up.lower_ in ("for", "to", "of") and up.head.lemma_.lower() in RESPONSE_NOUNS)):
            scope = up if up.lower_ in SEQUENCE_PREPS else up.head
            return b not in scope.subtree
        if tok.dep_ in ("advcl", "ccomp", "ROOT", "relcl", "acl") and tok.pos_ in ("VERB", "AUX"):
            return False
        tok = up
    return False


FAR_KM = 50       # two places told farther apart than this are two sites, not one told finer


def _set_apart(d: Draft) -> bool:
    """An event noun its own word sets apart from what the report told before ("killed in separate Israeli
    attacks last year", "another bombing hit the town"): another incident, never one told earlier again."""
    return d.apart or _apart_word(d.mention.head)


def _apart_word(head: Any) -> bool:
    """An event noun with a word setting it apart: "separate attacks", "another bombing", "a second blast"."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    # "a second bombing", "a third blast": an ordinal with an indefinite article counts another one
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
    return any(c.dep_ in ("amod", "det") and (c.lower_ in APART or (indefinite and c.lower_ in ORDINALS))
               for c in head.children)


def _apart_clause(d: Draft, other: Draft) -> bool:
    """An event noun set apart ("a second blast", "another bomb") that is the subject of a verb of its own, whose
    clause does not hold the other word ("explosions tore through the airport and a second blast struck a metro
    station"): an incident of its own, not the other told again in other words ("In a second attack, a bomb blew
    up" is one; so is "another bomb killed 30, an attack claimed by a Kurdish group")."""
    head = d.mention.head
    return head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ == "VERB" and _apart_word(head) \
        and other.mention.head not in head.head.subtree


def _befell_another(d: Draft, other: Draft, drafts: list[Draft]) -> bool:
    """A mention in a relative clause opened by "whose" ("the fight against the militants, whose leader was
    killed in a drone strike"), a clause that does not hold the other word: what befell a noun of the other's
    sentence, an incident of its own (not "the militants who stormed the town", nor "an attack, when a truck bomb
    slammed into a checkpoint"); a toll told there is the other's only when the clause names no act of its own
    ("the convoy, whose driver was killed")."""
    clause = next((t for t in (d.mention.head, *d.mention.head.ancestors) if t.dep_ == "relcl"), None)
    if clause is None or other.mention.head in clause.subtree or not whose_clause(clause):
        return False
    return d.kind != "outcome" or any(x.kind != "outcome" and x.mention.head in clause.subtree for x in drafts)


def _told_apart(o: Draft, d: Draft) -> bool:
    """Two mentions each told with a site of its own ("on Istanbul airport", "in Dhaka"), in two countries
    or far apart: two incidents."""
    a, b = o.place, d.place
    if a is None or b is None or not (o.place_site and d.place_site):
        return False      # "an offensive to retake the stronghold on the approaches to the capital Baghdad": no site
    if a.country and b.country and a.country != b.country:
        return True
    return None not in (a.latitude, a.longitude, b.latitude, b.longitude) and \
        distance_km(a.latitude, a.longitude, b.latitude, b.longitude) > FAR_KM


def _apart(o: Draft, d: Draft) -> bool:
    """Two mentions of one sentence, one placed before or behind the other's clause."""
    return o.sent_start == d.sent_start and (_sequenced(o.mention.head, d.mention.head)
                                             or _sequenced(d.mention.head, o.mention.head))


def _destruction_in_violence(drafts: list[Draft]) -> list[Draft]:
    """"25 Islamic State vehicles had been destroyed and more than 80 militants killed", "air strikes
    destroyed a hospital, killing 14": what the violence of the same sentence and day destroyed is part
    of that violence (ACLED codes property destruction only where no other violence took place)."""
    violent = [d for d in drafts if family(d) == "violent" and d.status in VIOLENT_STATUS]
    if not violent:
        return drafts
    out = []
    for d in drafts:
        host = next((v for v in violent if v.status == d.status and not dates_differ(v.date, d.date)), None)
        if d.coding.sub_event_type == "Looting/property destruction" and host is not None:
            absorb(host, d)
        else:
            out.append(d)
    return out


def _responsibility_for(tok: Any) -> bool:
    """"claiming responsibility for killing 80 people": the deaths a claim of responsibility names."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head                 # "for killing and wounding"
    return tok.dep_ == "pcomp" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() == "responsibility" \
        or tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() == "responsibility"


def coarse_dated(d: DateMention | None) -> bool:
    """Dated only to a time coarser than a month ("last year")."""
    return d is not None and d.date is None


def dates_differ(a: DateMention | None, b: DateMention | None) -> bool:
    """Two mentions tell different events by their dates: different days, or one dated only to a
    time coarser than a month ("last year": `date` None, history) and the other not."""
    if coarse_dated(a) or coarse_dated(b):
        return coarse_dated(a) != coarse_dated(b)
    return a is not None and b is not None and a.date != b.date


NEWS_DAYS = 2       # days from the report's day within which a dated event may be the news told undated


def apart_from_the_news(o: Draft, d: Draft, news_day: dt.date | None) -> bool:
    """An event a report tells without a date is its news of the day (`news_day`, see
    `incidents.report_date`): one dated days away is another incident ("A convoy opened fire on a
    checkpoint in Juba" after a lead dated Thursday night, and "accused the government of killing two
    soldiers in Juba last week")."""
    if news_day is None:
        return False
    for undated, dated in ((o, d), (d, o)):
        when = dated.date
        if undated.date is None and undated.salience == "main" and when is not None and when.date is not None:
            if (news_day - (when.end or when.date)).days > NEWS_DAYS or (when.date - news_day).days > NEWS_DAYS:
                return True
    return False


def _follow_up(o: Draft, d: Draft, text: str | None, news_day: dt.date | None = None) -> bool:
    """d retells o's violence in the next sentences of its paragraph without naming a new attacker or
    place ("Regime forces shelled X. Six civilians were killed by the bombardments.")."""
    if text is None or family(o) != "violent" or family(d) != "violent" or d.status != o.status:
        return False
    if d.actor1 is not None or d.place is not None and o.place is not None and d.place.name != o.place.name:
        return False
    if d.coding.event_type == "Battles" and d.actor2 is not None and not any(_one_side(d.actor2, a)
                                                                              for a in (o.actor1, o.actor2)):
        return False      # "The couple later died in a shootout with police": a side the attack did not have, who
        #                   fought its doers, a battle of its own (the side after "with" is the clash's second)
    if _ground_after_strike(o, d):
        return False
    if dates_differ(o.date, d.date) or apart_from_the_news(o, d, news_day):
        return False
    return d.sent_start >= o.sent_end and "\n\n" not in text[o.sent_end:d.sent_start] and \
        d.sent_start - o.sent_end < 400


REFERS_BACK = re.compile(
    r"\b(?:the|this|that|these|those|its|their)\s+(?:[\w-]+\s+){0,2}?(?:strikes?|airstrikes?|attacks?|raids?|"
    r"bombings?|blasts?|explosions?|deaths|killings?|incident|assault|shelling|clash(?:es)?|fighting|ambush|"
    r"operation|shooting|shells?|missiles?|rockets?|drones?)\b|\bin the (?:same )?area\b|\b(?:the|both)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:\w+\s+)?"
    r"(?:men|women|people|members|fighters|soldiers|civilians|victims|children|militants)\b", re.IGNORECASE)
VIOLENT_STATUS = ("reported", "claimed")
ORDINALS = {"second", "third", "fourth", "fifth"}
NEW_EVENT = re.compile(r"\b(?:retaliat\w*|in response|responded|(?:days?|hours?|weeks?) later|another|a second|"
                       r"a third|a fourth|(?:a|in a) separate|"
                       r"separately|elsewhere|meanwhile|also|again)\b", re.IGNORECASE)


def _recurring_run(d: Draft) -> bool:
    """A run of incidents told with how often they recur ("small bombings occur on a near-daily basis"): set apart
    (`Draft.apart`) and a pattern; the guide's aggregate, never an incident told again nor one told again in it."""
    return d.apart and d.pattern


def _retells(o: Draft, d: Draft, text: str | None, news_day: dt.date | None = None) -> bool:
    """d is o told again: both violent, nothing conflicting (actors, place, date), and d is in o's
    paragraph or refers back to it ("the strike", "the two men")."""
    if text is None or family(o) != family(d) or family(o) not in ("violent", "demonstration"):
        return False
    if o.status not in VIOLENT_STATUS or d.status not in VIOLENT_STATUS or d.count is not None or o.count is not None:
        return False
    if not (_same_actor(_actor1(o), _actor1(d)) and (_compatible(_actor2(o), _actor2(d))
                                                     or _nationals_of(d, o) or _nationals_of(o, d))):
        return False
    if o.place and d.place and o.place_here and d.place_here and o.place.name != d.place.name \
            and o.place.kind not in COARSE_KINDS and d.place.kind not in COARSE_KINDS:
        return False
    if o.place and d.place and o.place.country and d.place.country and o.place.country != d.place.country \
            and not (o.place.kind in COARSE_KINDS and d.place.kind in COARSE_KINDS):
        return False           # "Suicide bombers attacked Qaa" and "Hezbollah has been fighting in Syria"
    if dates_differ(o.date, d.date) or apart_from_the_news(o, d, news_day):
        return False
    if (d.actor1 and d.actor1 in (o.actor2, *o.assoc2)) or (o.actor1 and o.actor1 in (d.actor2, *d.assoc2)):
        return False           # the sides swapped: a response, not the same event told again
    if NEW_EVENT.search(text[d.sent_start:d.sent_end]):
        return False
    if _recurring_run(o) or _recurring_run(d):
        return False           # "small bombings occur on a near-daily basis": a run, not the incident told before
    if o.sent_start == d.sent_start and (contrasted(o.mention, d.mention) or _joined_apart(o, d)):
        return False           # "air strikes killed 91 while rebel shelling claimed 49 lives"; "... and ..."
    if _ground_after_strike(o, d):
        return False
    if _apart(o, d):
        return False           # "the attacks came a day after government advances"
    # the same type told again is left to `merge_document`'s own test (its place and dateline rules)
    refers_back = bool(REFERS_BACK.search(text[d.sent_start:d.sent_end])) or (
        o.coding.event_type != d.coding.event_type and _victim_named_again(o, d))
    if o.coding.event_type != d.coding.event_type and not refers_back and not _unnamed(_actor1(d)) \
            and _unnamed(_actor1(o)):
        return False           # another kind of violence with an attacker of its own is another event
    between = text[o.sent_end:d.sent_start]
    same_para = "\n" not in between.strip(" ") and len(between) < 400
    # the same crowd later in the report ("Protesters chanted slogans ... before police dispersed them")
    same_crowd = family(o) == "demonstration" and o.actor1 is not None and (o.actor1 == d.actor1 or _riot_told_on(o, d))
    return same_para or same_crowd or refers_back


TERRITORY_SUB_TYPES = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def _changes_hands(d: Draft) -> bool:
    """A place taken or retaken (a territory word, or coded as a change of territory)."""
    return d.kind == "territory" or d.coding.sub_event_type in TERRITORY_SUB_TYPES


def _ground_after_strike(o: Draft, d: Draft) -> bool:
    """d tells ground taken, o a strike, a bombing or an attack ("airstrikes could be heard" and then "one of
    the villages was captured"): ground taken is the outcome of a battle (which it may tell again), never of
    a strike, so d is its own event, as ACLED codes each change of territory."""
    return _changes_hands(d) and o.coding.event_type != "Battles"


def _victim_of(d: Draft) -> Any:
    """Who `d`'s clause tells was struck: the passive subject or the object of the verb its word is, or
    whose agent or instrument its word is ("the Navy Seal was killed by direct fire")."""
    tok = d.mention.head
    for _ in range(3):
        if tok.pos_ in ("VERB", "AUX"):
            return next((c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")), None)
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _victim_named_again(o: Draft, d: Draft) -> bool:
    """`d`'s victim is a definite description of one `o`'s sentence introduced ("killed a U.S. Navy SEAL" ...
    "the Navy Seal was killed by direct fire"): the same person or unit, the same incident told again."""
    victim = _victim_of(d)
    if victim is None or victim.pos_ not in ("NOUN", "PROPN") \
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in victim.children):
        return False
    return any(t.lower_ == victim.lower_ and t.i != victim.i and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children) for t in o.mention.sent)


def _nationals_of(d: Draft, o: Draft) -> bool:
    """`d`'s victims named only by their nationality ("killed about 100 Kenyans", civilians of that country by
    default) may be the forces of that country `o` struck ("attacked Kenyan peacekeepers"): no other target."""
    country = _country_part(d.actor2, CIVILIANS)
    return d.side2.kind == "nationals" and country is not None and o.actor2 is not None \
        and o.actor2.startswith((MILITARY_IDS, POLICE_IDS)) and country in o.actor2


def _country_part(actor: str | None, prefix: str) -> str | None:
    """The country part of a generic actor id ("kenya" of "civilians-kenya")."""
    return actor[len(prefix):] if actor is not None and actor.startswith(prefix) and len(actor) > len(prefix) else None


def _riot_told_on(o: Draft, d: Draft) -> bool:
    """A report that leads with a demonstration's violence ("protesters stormed the Green Zone") and then tells
    of the protesters at the same place ("security forces used tear gas to dislodge the protesters") tells one
    crowd's one demonstration; a protest told first and violence after it may be another crowd's."""
    return o.coding.event_type == "Riots" and d.coding.event_type == "Protests" and _crowd(o.actor1) is not None \
        and _crowd(o.actor1) == _crowd(d.actor1) and o.place is not None and d.place is not None \
        and o.place.name == d.place.name


# sub-types one incident is told under in one report ("a suicide bomber ... in a blast", "the attacker
# detonated his device"): the same weapon named two ways, never two kinds of violence (a clash and
# a takeover, a drone strike and a bombing on the same day in the same city are two incidents)
ONE_WEAPON = ({"Suicide bomb", "Remote explosive/landmine/IED"},)


def _same_day_and_place(o: Draft, d: Draft) -> bool:
    """Two sub-types of one weapon told on the same day (dated to the day) at the same place."""
    if not any({o.coding.sub_event_type, d.coding.sub_event_type} <= kinds for kinds in ONE_WEAPON):
        return False
    return _one_day_and_place(o, d)


def _one_day_and_place(o: Draft, d: Draft) -> bool:
    """Two tellings at the same place on the same day (dated to the day, or one undated and both the news of
    the day)."""
    if o.place is None or d.place is None or o.place.name != d.place.name:
        return False
    if o.date is None or d.date is None:
        # "back-to-back market bombings ... on Sunday" and "followed by a suicide bombing amid the crowd": one
        # telling undated, both the news of the day, is the same attack (a date days away is checked after)
        dated = o.date or d.date
        return o.salience == d.salience == "main" and dated is not None and dated.date is not None \
            and dated.time_precision == 1
    # the day told once and the same day as the report's week's guess ("a suicide bombing", dated within
    # the week) tell one day
    precisions = sorted((o.date.time_precision or 3, d.date.time_precision or 3))
    return o.date.date is not None and o.date.date == d.date.date and precisions[0] == 1 and precisions[1] <= 2


def _bombing_told_as_attack(o: Draft, d: Draft) -> bool:
    """An explosion and the bare word "attack" told at the same place on the same day ("more than 40 were
    killed in attacks in Tartus", "a suicide bomber ... attacked a bus station in Tartus"): the attack is
    the bombing told without its weapon, one incident that takes the bombing's type (ACLED: a bombing is
    explosions/remote violence whoever it struck); a shooting or a stabbing names its own weapon. Only an
    attack told without its doers: "militants killed dozens in an attack on the city" may be an assault of
    which the bombing was one part."""
    if {o.coding.event_type, d.coding.event_type} != {"Explosions/Remote violence", "Violence against civilians"}:
        return False
    attack = o if o.coding.event_type == "Violence against civilians" else d
    if attack.kind == "outcome" or attack.coding.sub_event_type != "Attack" \
            or attack.mention.head.lemma_.lower() != "attack" or _actor1(attack) is not None:
        return False
    return _one_day_and_place(o, d)


def _other_place(o: Draft, d: Draft, text: str | None) -> bool:
    """Whether two drafts are each told at a place of their own that differ: not when one is where the wire
    report was filed from ("BAGHDAD U.S. officials could not confirm ... an air strike" and "wounded in a
    coalition air strike in Nineveh"), nor when one is a quarter of the other town (a country or province
    told in a sentence of its own is no retelling of a town's incident: "capturing territory in Syria")."""
    place = told_place(d)
    if not (o.place and place and o.place.name != place.name and o.place_here and d.place_here):
        return False
    if text is not None and (is_dateline(o.place, text) or is_dateline(place, text)):
        return False
    return not (_quarter_of(o.place, place) or _quarter_of(place, o.place))


# words that name the rest of a group counted before ("the others", "the rest"): no victims of their own
REMAINDER = {"other", "others", "rest", "remainder"}


def _remainder_killed(d: Draft) -> bool:
    """"Israeli forces have killed 177 Palestinians ... Most others were shot dead during violent protests":
    the violence or protest whose clause has the rest of a toll counted before as its subject tells how
    part of that toll died, no incident of its own."""
    tok = d.mention.head
    for _ in range(4):
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in REMAINDER for c in tok.children):
            return True
        if tok.dep_ not in ("conj", "pobj", "prep", "pcomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _toll_continued(out: list[Draft], d: Draft, text: str | None) -> Draft | None:
    """The battle whose toll `d` (`_remainder_killed`) continues: the last event told, in d's sentence or
    the one before it in its paragraph, a battle (the dead of both sides counted together)."""
    if text is None or not out or not _remainder_killed(d):
        return None
    o = out[-1]
    between = text[o.sent_end:d.sent_start] if d.sent_start >= o.sent_end else ""
    near = o.sent_start == d.sent_start or ("\n" not in between and len(between) < 3)
    if not near or o.coding.event_type != "Battles" or o.history != d.history \
            or (d.date is not None and dates_differ(o.date, d.date)):
        return None        # the rest told undated died in the toll's time ("since January")
    return o


# who carried out an attack, named as caught or shot at its scene ("two gunmen were captured")
DOER_WORDS = {"attacker", "assailant", "gunman", "gunmen", "bomber", "perpetrator", "shooter", "terrorist", "suspect",
              "hijacker", "hostage-taker"}
ATTACKS = ("Violence against civilians", "Explosions/Remote violence")
ENDINGS = ("Armed clash", "Arrests")      # what the attackers' capture or shooting is coded as when told alone


def _doer_word(tok: Any) -> bool:
    """"the gunmen", "two attackers", "one of the assailants": the doers of an attack."""
    if tok.like_num or tok.lower_ in ("one", "both", "all"):
        tok = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj"), tok)
    return tok.lemma_.lower() in DOER_WORDS or tok.lower_ in DOER_WORDS


def _doers_caught(d: Draft) -> bool:
    """`d`'s clause, or one it hangs from, has an attack's doers as what it struck ("two gunmen were captured,
    one shot and the other arrested", "police shot the attacker"); a parse that hangs the rest from the
    verb of saying ("were captured, police said, with one shot") reaches it through the clause that is said."""
    tok, clauses = d.mention.head, []
    for _ in range(5):
        clauses.append(tok)
        if tok.head.i == tok.i:
            clauses += [c for c in tok.children if c.dep_ == "ccomp"]
            break
        tok = tok.head
    return any(c.dep_ in ("nsubjpass", "dobj") and _doer_word(c) for t in clauses for c in t.children)


def _attack_ended(o: Draft, d: Draft) -> bool:
    """An attack or a bombing (`o`) and its doers caught or shot at its place on its day (`d`, coded as a
    battle or arrests), told without who caught them: how the attack ended, one event (ACLED), not a clash
    or arrests of their own."""
    if o.coding.event_type not in ATTACKS or o.status not in VIOLENT_STATUS or d.coding.sub_event_type not in ENDINGS:
        return False
    if _actor1(d) is not None and d.coding.sub_event_type == "Armed clash":
        return False        # "one assailant was killed by police": the force that fought them, a battle of its own
    return _one_day_and_place(o, d) and _doers_caught(d)


def _raid_repelled(o: Draft, d: Draft) -> bool:
    """A clash in which one side was attacked (`o`: "gunmen stormed the town on Monday, attacking army posts")
    and that side taking the place back on the same day (`d`: "after the army regained control"): the raid
    repelled, one clash, not a recapture of its own (ACLED codes a recapture of ground the other side held;
    ground taken and held first is told as a takeover, which stays its own event)."""
    if o.coding.sub_event_type != "Armed clash" or _changes_hands(o) or not _changes_hands(d):
        return False
    if o.actor2 is None or _actor1(d) != o.actor2 or d.actor2 not in (None, o.actor1):
        return False
    return _one_day_and_place(o, d)


def same_era(o: Draft, d: Draft) -> bool:
    """Both the news of the report's time, or both history of the same year: incidents the text dates to two
    different earlier years ("in 2010, a member was stabbed ... In 2000, a councillor was murdered") are two."""
    return o.history == d.history and (o.year is None or d.year is None or o.year == d.year)


def merge_document(drafts: list[Draft], *, text: str | None = None, news_day: dt.date | None = None) -> list[Draft]:
    """Mentions of the same event across the document (same coding and status, nothing conflicting;
    or violence retold: in the same paragraph, or referring back to it). `news_day`: the day of the
    news the report tells, what an undated mention is (`apart_from_the_news`)."""
    out: list[Draft] = []
    for d in drafts:
        toll = _toll_continued(out, d, text)
        if toll is not None:
            d.actor1 = d.actor2 = None      # the crowd or fighters the rest died among: no side of the battle
            absorb(toll, d, retold=True)
            continue
        ended = next((o for o in reversed(out) if same_era(o, d)
                      and (_attack_ended(o, d) or _raid_repelled(o, d))), None)
        if ended is not None:
            if _raid_repelled(ended, d):
                d.actor1 = None      # the side attacked, already the clash's second side: not its attacker
            # the attack's coding and toll stand: the attackers' deaths are told with it
            absorb(ended, d, retold=True)
            continue
        # an event the text dates years back is another event than today's, however alike
        told = next((o for o in reversed(out) if same_era(o, d) and not _backing_apart(o, d)
                     and _retells(o, d, text, news_day)), None)
        if told is not None:
            if family(d) == "demonstration" and d.priority > told.priority:
                # a demonstration later met with force or dispersed takes the graver sub-type
                told.coding, told.kind, told.rule, told.mention = d.coding, d.kind, d.rule, d.mention
                told.priority, told.plover = d.priority, d.plover
            absorb(told, d, retold=True)
            _crowd_named_by_type(told)
            if d.fatalities is not None:
                told.fatalities = d.fatalities if told.fatalities is None else max(told.fatalities, d.fatalities)
            continue
        if out and same_era(out[-1], d) and not _backing_apart(out[-1], d) \
                and _follow_up(out[-1], d, text, news_day):
            host = out[-1]
            absorb(host, d, retold=True)
            if d.fatalities is not None:
                host.fatalities = d.fatalities if host.fatalities is None else max(host.fatalities, d.fatalities)
            continue
        host, host_swapped = None, False
        # "killed in separate attacks", "another bombing": no incident told before
        for o in () if _set_apart(d) else reversed(out):
            told_as_attack = _bombing_told_as_attack(o, d)
            if not same_era(o, d) or (o.coding.event_type != d.coding.event_type and not told_as_attack) \
                    or _backing_apart(o, d):
                continue
            if o.status != d.status and not {o.status, d.status} <= set(VIOLENT_STATUS):
                continue     # a bombing reported and the same bombing claimed are one incident
            # the same sub-type whatever its CAMEO code ("a raid" and "gunmen invaded": 180 and 1823);
            # another sub-type of the same event type only on the same day at the same place ("a suicide
            # bomber was killed in a blast near the consulate in Jeddah early on Monday" and "the attacker
            # ... detonated his device")
            if o.coding.sub_event_type != d.coding.sub_event_type and not (_same_day_and_place(o, d) or told_as_attack):
                continue
            if o.coding.sub_event_type == "Other" and o.coding.cameo != d.coding.cameo:
                continue     # ACLED's catch-all: talks in Geneva and a missile test are two developments
            if (o.date is None) != (d.date is None) and o.salience != d.salience and not (d.pattern and not o.pattern):
                continue     # an undated response today is not the dated incident of months ago
            if o.pattern and d.salience == "main" or _recurring_run(o) or _recurring_run(d):
                continue     # the news of the day is no instance of a pattern told before it, nor any
                #              incident one of a run told as recurring ("bombings occur almost daily")
            if (o.count is not None) and (d.count is not None) and o.count.value != d.count.value:
                continue     # two runs of incidents; the same number is one told again ("following two
                #              bombings" and "the violence follows two bombings on Thursday")
            # a default agent ("unidentified armed group" for a raid told without its raiders) is no
            # evidence of who acted: "the Saturday night raid on Dalori" is "Boko Haram gunmen invaded Dalori"
            straight = same_attacker(o, d) and _compatible(o.actor2, d.actor2)
            swapped = not straight and told_from_the_other_side(o, d)
            if not (straight or swapped):
                continue
            if _other_place(o, d, text):
                continue
            if dates_differ(o.date, d.date) or apart_from_the_news(o, d, news_day) or _apart(o, d):
                continue
            anaphoric = _actor1(d) is None and d.actor2 is None and d.place is None
            shared = swapped or (d.actor1 is not None and d.actor1 == o.actor1) or (
                d.place is not None and o.place is not None) or (d.actor2 is not None and d.actor2 == o.actor2)
            if not (anaphoric or shared):
                continue
            host, host_swapped = o, swapped
            break
        if host is None:
            out.append(d)
            continue
        if host_swapped:
            # told from the other side: its sides the host's way round before they join it
            d.actor1, d.actor2, d.a1_default = d.actor2, _actor1(d), False
            d.assoc1, d.assoc2 = d.assoc2, d.assoc1
        if text is not None and host.place is not None and is_dateline(host.place, text) and d.place_here \
                and d.place is not None and not is_dateline(d.place, text):
            host.place_here = False          # where the wire was filed from yields to the place the incident is told at
        if d.priority > host.priority:
            # ACLED's precedence: the incident takes its most telling sub-type
            host.coding, host.rule, host.plover, host.priority = d.coding, d.rule, d.plover, d.priority
        if host.status != d.status:
            host.status = "reported"         # claimed, and reported by others too
        absorb(host, d, retold=True)
        _crowd_named_by_type(host)
        # conflicting figures for the same victims: the lowest (ACLED); a "nobody was killed" told with the
        # same kind of violence is of another incident than a deadly one, never its toll
        if d.fatalities is not None and (host.fatalities is None or d.fatalities > 0):
            host.fatalities = d.fatalities if host.fatalities is None else min(host.fatalities, d.fatalities)
    return out


# What each sub-type is called in a note: (singular noun phrase, plural, countable). Uncountable ones
# take no article ("sexual violence", "looting/property destruction").
NOUNS: dict[str, tuple[str, str, bool]] = {
    "Armed clash": ("armed clash", "armed clashes", True),
    "Government regains territory": ("recapture of territory", "recaptures of territory", True),
    "Non-state actor overtakes territory": ("takeover of territory", "takeovers of territory", True),
    "Air/drone strike": ("air/drone strike", "air/drone strikes", True),
    "Shelling/artillery/missile attack": ("shelling/artillery/missile attack", "shelling/artillery/missile attacks", True),
    "Remote explosive/landmine/IED": ("remote explosive/landmine/IED attack", "remote explosive/landmine/IED attacks", True),
    "Suicide bomb": ("suicide bombing", "suicide bombings", True),
    "Grenade": ("grenade attack", "grenade attacks", True),
    "Chemical weapon": ("chemical weapon attack", "chemical weapon attacks", True),
    "Attack": ("attack", "attacks", True),
    "Abduction/forced disappearance": ("abduction", "abductions", True),
    "Sexual violence": ("sexual violence", "acts of sexual violence", False),
    "Peaceful protest": ("peaceful protest", "peaceful protests", True),
    "Protest with intervention": ("protest met with intervention", "protests met with intervention", True),
    "Excessive force against protesters": ("excessive force against protesters", "uses of excessive force against "
                                           "protesters", False),
    "Violent demonstration": ("violent demonstration", "violent demonstrations", True),
    "Mob violence": ("mob violence", "acts of mob violence", False),
    "Arrests": ("arrests", "arrests", False),
    "Agreement": ("agreement", "agreements", True),
    "Change to group/activity": ("change to group/activity", "changes to group/activity", True),
    "Disrupted weapons use": ("disrupted weapons use", "cases of disrupted weapons use", False),
    "Headquarters or base established": ("establishment of a base", "establishments of bases", True),
    "Looting/property destruction": ("looting/property destruction", "acts of looting/property destruction", False),
    "Non-violent transfer of territory": ("non-violent transfer of territory", "non-violent transfers of territory",
                                          True),
}
CAMEO_LABELS = {"040": ("meeting", "meetings", True), "036": ("meeting", "meetings", True),
                "044": ("meeting", "meetings", True), "042": ("visit", "visits", True),
                "046": ("talks", "talks", False), "138": ("threat", "threats", True),
                "100": ("demand", "demands", True), "112": ("accusation", "accusations", True),
                "010": ("announcement", "announcements", True)}
STATUS_PHRASES = {"claimed": "claimed", "attempted": "attempted", "threatened": "threatened",
                  "planned": "planned", "hypothetical": "possible"}
QUALIFIERS = {"at_least": "at least ", "about": "about ", "at_most": "up to ", "exactly": ""}


def _noun(ev: Event) -> tuple[str, str, bool]:
    if ev.sub_event_type == "Other":
        return CAMEO_LABELS.get(ev.cameo or "", ("strategic development", "strategic developments", True))
    return NOUNS.get(ev.sub_event_type, (ev.sub_event_type.lower(), ev.sub_event_type.lower() + "s", True))


def _article(phrase: str) -> str:
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


def _where(ev: Event) -> str:
    if not ev.location:
        return ""
    within = [x for x in (ev.admin1, ev.country) if x and x != ev.location]
    place = ev.location + (f" ({', '.join(within)})" if within else "")
    return f" {'near' if ev.geo_precision == 2 else 'in'} {place}"


PLURAL_ONLY = {"arrests", "talks"}
ACTIVE_VERBS = {"reported": "carried out", "claimed": "claimed", "attempted": "attempted",
                "threatened": "threatened", "planned": "planned"}


def write_note(ev: Event, *, names: Mapping[str, str] | Any) -> str:
    """A neutral ACLED-style sentence stating only what the fields hold: "On 8 February 2024,
    Military Forces of Israel carried out an air/drone strike against Hezbollah in Naqoura (South
    Lebanon, Lebanon), killing 2." Aggregates: "At least 150 attacks ... were reported"."""
    singular, plural, countable = _noun(ev)
    aggregate = ev.count is not None and ev.count.value > 1
    if aggregate:
        np = f"{QUALIFIERS[ev.count.qualifier]}{ev.count.value} {plural}"     # type: ignore[union-attr]
    else:
        np = _article(singular) if countable else singular
    other = ""
    if ev.actor2:
        other = f" {'with' if ev.event_type == 'Battles' else 'against'} {names[ev.actor2]}"
    where = _where(ev)
    violent = ev.event_type in ARMED_VIOLENCE or ev.event_type in DEMONSTRATIONS
    if ev.actor1 and violent and ev.status in ACTIVE_VERBS:
        verb = ACTIVE_VERBS[ev.status]
        if ev.status == "reported" and ev.event_type in DEMONSTRATIONS:
            verb = "held"
        elif ev.status in ("threatened", "planned", "attempted"):
            verb += " to carry out" if ev.event_type not in DEMONSTRATIONS else " to hold"
        if ev.event_type == "Battles" and ev.status == "reported" and not aggregate:
            # "X clashed with Y", "X took over territory", as a coder writes it
            done = {"Armed clash": "clashed", "Government regains territory": "regained territory",
                    "Non-state actor overtakes territory": "took over territory"}[ev.sub_event_type]
            body = f"{names[ev.actor1]} {done}{other}{where}"
        else:
            body = f"{names[ev.actor1]} {verb} {np}{other}{where}"
    else:
        status = STATUS_PHRASES.get(ev.status)
        if ev.status == "negated":
            subject = f"no {plural if countable else singular}"
        elif status and not aggregate:
            subject = _article(f"{status} {singular}") if countable else f"{status} {singular}"
        elif status:
            subject = f"{QUALIFIERS[ev.count.qualifier]}{ev.count.value} {status} {plural}"  # type: ignore[union-attr]
        else:
            subject = np
        many = aggregate or ev.status == "negated" and countable or singular in PLURAL_ONLY
        by = f" by {names[ev.actor1]}" if ev.actor1 else ""
        body = f"{subject}{by}{other}{where} {'were' if many else 'was'} reported"
    if ev.fatalities:
        body += f", killing {ev.fatalities}"
    elif ev.fatalities == 0 and ev.status != "negated":
        body += ", with no reported fatalities"
    if ev.event_date:
        return f"On {ev.event_date.day} {ev.event_date:%B %Y}, {body}."
    if ev.month_start:       # told by its month only: no day is written
        return f"In {ev.month_start:%B %Y}, {body}."
    return body[:1].upper() + body[1:] + "."

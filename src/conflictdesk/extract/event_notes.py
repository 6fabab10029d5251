"""Event drafts, their merging (within a sentence, then across the document) and ACLED-style notes."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..records import Count, DateMention, Event, Place
from .event_patterns import Coding
from .event_roles import Party
from .event_triggers import Mention

VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
DEMONSTRATION = ("Protests", "Riots")


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


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _absorb(into: Draft, other: Draft) -> None:
    into.actor1 = into.actor1 or other.actor1
    into.actor2 = into.actor2 or other.actor2
    into.assoc1 += [x for x in other.assoc1 if x not in into.assoc1]
    into.assoc2 += [x for x in other.assoc2 if x not in into.assoc2]
    into.civilian_targeting = into.civilian_targeting or other.civilian_targeting
    into.place = into.place or other.place
    into.date = into.date or other.date
    if into.count is None:
        into.count = other.count
    if other.salience == "main":
        into.salience = "main"
    into.rules.append(other.rule)


def _family(d: Draft) -> str:
    if d.coding.event_type in VIOLENT or d.kind == "outcome":
        return "violent"
    if d.coding.event_type in DEMONSTRATION:
        return "demonstration"
    return f"{d.coding.sub_event_type}:{d.coding.cameo}"


def merge_sentence(drafts: list[Draft]) -> list[Draft]:
    """Triggers of one sentence that describe one event become one (the codebook's hierarchy)."""
    labels = [d for d in drafts if d.kind == "label"]
    if labels:
        # ACLED's own label ("Non-violent activity: regime forces fired ...") codes its sentence's event
        host = labels[0]
        for d in sorted(drafts, key=lambda d: -d.priority):
            if d is not host:
                _absorb(host, d)
        return [host]
    demo = [d for d in drafts if _family(d) == "demonstration"]
    violent = [d for d in drafts if _family(d) == "violent"]
    # a demonstration met with force: the protest is the event, its sub-type says how it was met
    if demo and violent:
        top = max(demo, key=lambda d: d.priority)
        if top.coding.event_type == "Protests":
            lethal = any(d.mention.head.lemma_.lower() in ("kill", "shoot", "shot", "fire", "die", "dead", "wound",
                                                           "injure") for d in violent)
            sub = "Excessive force against protesters" if lethal else "Protest with intervention"
            top.coding = Coding("Protests", sub, "175" if lethal else "141")
        for d in violent:
            if d.status == top.status and d.coding.event_type != "Battles":
                d.kind = "merged-into-demonstration"
                _absorb(top, d)
        drafts = [d for d in drafts if d.kind != "merged-into-demonstration"]
    out: list[Draft] = []
    for d in sorted(drafts, key=lambda d: -d.priority):
        host = None
        for o in out:
            if _family(o) != _family(d) or o.status != d.status:
                continue
            if d.kind == "outcome" or (_compatible(o.actor2, d.actor2) and _compatible(o.actor1, d.actor1)):
                host = o
                break
        if host is None:
            out.append(d)
        else:
            trig = host.mention.trigger
            if host.coding == trig.coding and d.coding in (trig.civilian_target, trig.armed_target):
                host.coding = d.coding          # the victims named with the outcome decide the type
            _absorb(host, d)
    out.sort(key=lambda d: d.mention.start)
    return out


def _follow_up(o: Draft, d: Draft, text: str | None) -> bool:
    """d retells o's violence in the next sentences of its paragraph without naming a new attacker or
    place ("Regime forces shelled X. Six civilians were killed by the bombardments.")."""
    if text is None or _family(o) != "violent" or _family(d) != "violent" or d.status != o.status:
        return False
    if d.actor1 is not None or d.place is not None and o.place is not None and d.place.name != o.place.name:
        return False
    return d.sent_start >= o.sent_end and "\n\n" not in text[o.sent_end:d.sent_start] and \
        d.sent_start - o.sent_end < 400


def merge_document(drafts: list[Draft], *, text: str | None = None) -> list[Draft]:
    """Mentions of the same event across the document (same coding and status, nothing conflicting)."""
    out: list[Draft] = []
    for d in drafts:
        if out and _follow_up(out[-1], d, text):
            host = out[-1]
            _absorb(host, d)
            if d.fatalities is not None:
                host.fatalities = d.fatalities if host.fatalities is None else max(host.fatalities, d.fatalities)
            continue
        host = None
        for o in reversed(out):
            if (o.coding, o.status) != (d.coding, d.status):
                continue
            if (o.count is not None) and (d.count is not None):
                continue
            if not (_compatible(o.actor1, d.actor1) and _compatible(o.actor2, d.actor2)):
                continue
            if o.place and d.place and o.place.name != d.place.name:
                continue
            if o.date and d.date and o.date.date != d.date.date:
                continue
            anaphoric = d.actor1 is None and d.actor2 is None and d.place is None
            shared = (d.actor1 is not None and d.actor1 == o.actor1) or (
                d.place is not None and o.place is not None) or (d.actor2 is not None and d.actor2 == o.actor2)
            if not (anaphoric or shared):
                continue
            host = o
            break
        if host is None:
            out.append(d)
            continue
        _absorb(host, d)
        if d.fatalities is not None:
            host.fatalities = d.fatalities if host.fatalities is None else min(host.fatalities, d.fatalities)
    return out


STATUS_WORDS = {"claimed": "a claimed ", "attempted": "an attempted ", "threatened": "a threatened ",
                "planned": "a planned ", "negated": "no ", "hypothetical": "a possible ", "reported": ""}
CAMEO_LABELS = {"040": "meeting", "036": "meeting", "044": "meeting", "042": "visit", "046": "talks",
                "138": "threat", "100": "demand", "112": "accusation", "010": "announcement"}


def _label(ev: Event) -> str:
    if ev.sub_event_type == "Other":
        return CAMEO_LABELS.get(ev.cameo or "", "strategic development")
    return ev.sub_event_type.lower()


def write_note(ev: Event, *, names: Mapping[str, str] | Any) -> str:
    """A neutral ACLED-style sentence stating only what the fields hold."""
    label = _label(ev)
    prefix = STATUS_WORDS.get(ev.status, "")
    if not prefix:
        prefix = "an " if label[:1] in "aeiou" else "a "
    parts = []
    if ev.event_date:
        parts.append(f"On {ev.event_date.day} {ev.event_date:%B %Y}, ")
    what = f"{prefix}{label}"
    if ev.count is not None:
        q = {"at_least": "at least ", "about": "about ", "at_most": "up to ", "exactly": ""}[ev.count.qualifier]
        what = f"{q}{ev.count.value} events of {label}" if not STATUS_WORDS.get(ev.status) else \
            f"{prefix}{q}{ev.count.value} events of {label}"
    parts.append(what if parts else what[:1].upper() + what[1:])
    if ev.actor1:
        parts.append(f" by {names[ev.actor1]}")
    if ev.actor2:
        parts.append(f" {'with' if ev.event_type == 'Battles' else 'against'} {names[ev.actor2]}")
    if ev.location:
        where = ev.location if not ev.country or ev.country == ev.location else f"{ev.location} ({ev.country})"
        parts.append(f" in {where}")
    parts.append(" was reported" if ev.status == "reported" else "")
    if ev.fatalities:
        parts.append(f", with {ev.fatalities} reported {'fatality' if ev.fatalities == 1 else 'fatalities'}")
    elif ev.fatalities == 0:
        parts.append(", with no reported fatalities")
    return "".join(parts) + "."

"""The events stage: every event a text reports, coded as ACLED codes it.

    events = extract_events(doc, parsed, kb=kb, actors=actors, people=people, places=places,
                            dates=dates, quantities=quantities)

Per sentence: triggers from `data/patterns/events.yaml` (event_triggers), who did what to whom
(event_roles), where / when / how many / how certain / how central (event_attributes); triggers
of one sentence describing one event are merged following the codebook's hierarchy (a strike in
a battle is a battle); mentions of the same event across the document are merged; each event
gets an ACLED-style note (event_notes) and the id f"{doc.id}-ev{n}".
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..records import Actor, DateMention, Document, Event, Person, Place, Quantity, Span
from .event_attributes import (count_of, date_for, fatalities_in, in_background_section, place_for,
                               salience_of, section_flags, status_of)
from .event_notes import Draft, merge_document, merge_sentence, write_note
from .event_patterns import EventPatterns, load_event_patterns
from .event_roles import ActorIndex, as_forces, find_roles, generic, noun_anchor
from .event_triggers import Mention, absorb_modifiers, find_mentions, quoted_ranges

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

    from ..knowledge import KnowledgeBase

STATE_FORCE_TYPES = {"state_forces", "police", "state", "government", "external_force"}


def _weapon(m: Mention, patterns: EventPatterns) -> Any:
    """A weapon named with a generic attack trigger refines its coding ("rocket attacks")."""
    seen: list[str] = []

    def walk(x: Mention) -> None:
        for a in x.absorbed:
            seen.extend(t.lemma_.lower() for t in a.tokens)
            walk(a)
    walk(m)
    head = m.head
    for c in head.children:
        if c.dep_ in ("compound", "amod", "nmod", "nsubj", "dobj"):
            seen.append(c.lemma_.lower())
        if c.dep_ == "prep" and c.lower_ in ("with", "by", "using"):
            seen.extend(g.lemma_.lower() for g in c.subtree)
    for lemma in seen:
        if lemma in patterns.weapons:
            return patterns.weapons[lemma]
    return None


def _governs(a: Mention, b: Mention) -> bool:
    """Does a's head dominate b's head (b is in a's clause)?"""
    t = b.head
    for _ in range(8):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.i == a.head.i:
            return True
    return False


def _draft(m: Mention, *, doc: Document, kb: Any, index: ActorIndex, patterns: EventPatterns,
           places: list[Place], dates: list[DateMention], quantities: list[Quantity], flags: list) -> Draft:
    roles = find_roles(m, index=index, patterns=patterns)
    coding, refined = m.coding, False
    if m.trigger.refine == "weapon":
        w = _weapon(m, patterns)
        if w is not None:
            coding, refined = w, True
    side2 = roles.side2
    if not refined and (m.trigger.civilian_target or m.trigger.armed_target):
        if side2.kind == "civilians" and m.trigger.civilian_target:
            coding = m.trigger.civilian_target
        elif (side2.actor or side2.kind in ("armed", "unidentified_armed_group")) and m.trigger.armed_target:
            coding = m.trigger.armed_target
    sent = m.sent
    actor_spans = [(s, e) for s, e, _ in index.within(sent.start_char, sent.end_char)]
    place = place_for(m.start, sent.start_char, sent.end_char, places, text=doc.text)
    when = date_for(m.start, sent.start_char, sent.end_char, dates, text=doc.text)
    status = status_of(m.head, text=doc.text)
    salience = salience_of(m.head, sent, text=doc.text,
                           section_background=in_background_section(flags, sent.start_char),
                           event_date=when.date if when else None, published=doc.published)
    d = Draft(mention=m, coding=coding, plover=m.trigger.plover, priority=m.priority, rule=m.trigger.id,
              side1=roles.side1, side2=roles.side2, assoc1=list(roles.assoc1), assoc2=list(roles.assoc2),
              place=place, date=when, status=status, salience=salience,
              count=count_of(noun_anchor(m.head), quantities), sent_start=sent.start_char, sent_end=sent.end_char,
              kind=m.trigger.kind)
    del actor_spans
    return d


def _actor_type(actor_id: str | None, *, kb: Any, index: ActorIndex) -> str | None:
    if actor_id is None:
        return None
    entry = getattr(kb, "actors", {}).get(actor_id) if kb is not None else None
    if entry is not None:
        return entry.type
    rec = index.by_id.get(actor_id)
    return rec.type if rec else None


def _finish(d: Draft, *, kb: Any, index: ActorIndex) -> None:
    """Actor ids (states as their forces, generic actors), territory sub-types, protests."""
    country = d.place.country if d.place else None
    violent = d.coding.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")
    a1 = d.side1.actor
    if a1 is None and d.side1.kind == "unidentified_armed_group":
        a1 = generic("unidentified_armed_group", country, kb=kb)
    elif a1 is not None and violent:
        a1 = as_forces(a1, kb=kb, index=index, country=country)
    a2 = d.side2.actor
    if d.side2.kind in ("civilians", "protesters", "rioters"):
        c2 = country
        rec = index.by_id.get(a2) if a2 else None
        if rec is not None and rec.type in ("state", "government") and rec.country:
            c2 = rec.country
        a2 = generic(d.side2.kind, c2, kb=kb) or a2
        d.civilian_targeting = d.side2.kind == "civilians" and violent
    elif a2 is None and d.side2.kind == "unidentified_armed_group":
        a2 = generic("unidentified_armed_group", country, kb=kb)
    elif a2 is not None and violent:
        a2 = as_forces(a2, kb=kb, index=index, country=country)
    d.actor1, d.actor2 = a1, a2
    if d.kind == "territory" and d.coding.event_type == "Battles":
        t = _actor_type(a1, kb=kb, index=index)
        sub = "Government regains territory" if t in STATE_FORCE_TYPES else "Non-state actor overtakes territory"
        d.coding = type(d.coding)("Battles", sub, d.coding.cameo)
    if violent and d.side2.kind == "protesters":
        d.coding = type(d.coding)("Protests", "Excessive force against protesters", "175")
        d.plover = "COERCE"


def _sentences(parsed: "Doc") -> list["SpacySpan"]:
    """The parser's sentences, also split at line breaks (headlines, headings, bullets)."""
    out: list["SpacySpan"] = []
    for sent in parsed.sents:
        start = sent.start
        for tok in sent:
            if "\n" in tok.text and tok.is_space:
                if tok.i > start:
                    out.append(parsed[start:tok.i])
                start = tok.i + 1
            elif "\n" in tok.whitespace_ and tok.i + 1 < sent.end:
                out.append(parsed[start:tok.i + 1])
                start = tok.i + 1
        if start < sent.end:
            out.append(parsed[start:sent.end])
    return [s for s in out if any(not t.is_space for t in s)]


def extract_events(doc: Document, parsed: "Doc", *, kb: "KnowledgeBase | None", actors: list[Actor],
                   people: list[Person], places: list[Place], dates: list[DateMention],
                   quantities: list[Quantity], patterns: EventPatterns | None = None) -> list[Event]:
    """Every event the document reports, in order of first mention."""
    patterns = patterns or load_event_patterns()
    index = ActorIndex(actors, people)
    flags = section_flags(doc.text)
    quotes = quoted_ranges(doc.text, 0, len(doc.text))
    drafts: list[Draft] = []
    for sent in _sentences(parsed):
        mentions = absorb_modifiers(find_mentions(sent, patterns, text=doc.text, quotes=quotes))
        # an announcement of an event is that event ("X announced that its leader met ...")
        mentions = [m for m in mentions if m.trigger.kind != "reporting"
                    or not any(o.trigger.kind != "reporting" for o in mentions)]
        if not mentions:
            continue
        sdrafts = [_draft(m, doc=doc, kb=kb, index=index, patterns=patterns, places=places, dates=dates,
                          quantities=quantities, flags=flags) for m in mentions]
        for d in sdrafts:
            _finish(d, kb=kb, index=index)
        sdrafts = merge_sentence(sdrafts)
        deaths = fatalities_in(sent, quantities, text=doc.text)
        prior = _previous_violent(drafts, sent.start_char, doc.text)
        if prior is not None and all(d.kind == "outcome" and d.actor1 is None for d in sdrafts):
            # "No fatalities reported." / "Three of them died.": the outcome of the event just told
            if deaths is not None:
                prior.fatalities = deaths if prior.fatalities is None else prior.fatalities + deaths
            continue
        if deaths is not None:
            violent = [d for d in sdrafts if d.status in ("reported", "claimed") and d.coding.event_type in
                       ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots")]
            if violent:
                max(violent, key=lambda d: d.priority).fatalities = deaths
        drafts.extend(sdrafts)
    merged = merge_document(drafts)
    events: list[Event] = []
    for n, d in enumerate(merged, start=1):
        start, end = d.sent_start, d.sent_end
        while end > start and doc.text[end - 1].isspace():
            end -= 1
        ev = Event(
            id=f"{doc.id}-ev{n}", event_type=d.coding.event_type, sub_event_type=d.coding.sub_event_type,
            evidence=Span.of(doc.text, start, end), actor1=d.actor1, assoc_actor_1=_unique(d.assoc1, d.actor1),
            actor2=d.actor2, assoc_actor_2=_unique(d.assoc2, d.actor2),
            country=d.place.country if d.place else None, admin1=d.place.admin1 if d.place else None,
            location=d.place.name if d.place else None,
            latitude=d.place.latitude if d.place else None, longitude=d.place.longitude if d.place else None,
            geo_precision=d.place.geo_precision if d.place else None,
            event_date=d.date.date if d.date else None, time_precision=d.date.time_precision if d.date else None,
            fatalities=d.fatalities, count=d.count, status=d.status, salience=d.salience,  # type: ignore[arg-type]
            civilian_targeting=d.civilian_targeting, cameo=d.coding.cameo, plover=d.plover, rule=d.rule)
        ev.notes = write_note(ev, names=_names(kb, index))
        events.append(ev)
    return events


def _previous_violent(drafts: list[Draft], start: int, text: str) -> Draft | None:
    """The last violent event told earlier in the same paragraph."""
    if not drafts or "\n\n" in text[drafts[-1].sent_end:start]:
        return None
    for d in reversed(drafts):
        if d.coding.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians",
                                   "Protests", "Riots") and d.status in ("reported", "claimed"):
            return d
    return None


def _unique(ids: list[str], exclude: str | None) -> list[str]:
    out: list[str] = []
    for i in ids:
        if i and i != exclude and i not in out:
            out.append(i)
    return out


def _names(kb: Any, index: ActorIndex) -> dict[str, str]:
    class _Names(dict):  # actor id -> display name, looked up lazily
        def __missing__(self, key: str) -> str:
            rec = index.by_id.get(key)
            if rec is not None:
                return rec.name
            entry = getattr(kb, "actors", {}).get(key) if kb is not None else None
            if entry is not None:
                return entry.name
            return key.replace("-", " ").title()
    return _Names()

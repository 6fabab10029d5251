"""`build_brief`: an analyst's brief of one document from its extraction, the knowledge base and
(optionally) the store — What to Know, The Statement, What Does this Mean?.

Nothing is invented: every sentence is built from extracted records (with the document offsets
they rest on), knowledge-base facts (with their sources) or stored events (with the offsets of
their evidence in their own documents). Numbers appear only as the data hold them (dates,
fatalities) or as counts of stored records; ordinals and small counts are written as words.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from ..records import Actor, Event, Extraction, Person, Statement, StoredEvent
from .model import Brief, BriefPoint, BriefStatement, Citation, Section, Sentence

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..store import Store

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth")
NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
LABEL_NAMES = {
    "threat": "threat", "call_to_action": "call to action", "incitement": "incitement",
    "justification": "justification", "de_escalation": "de-escalation",
    "claim_of_responsibility": "claim of responsibility", "denial": "denial", "demand": "demand", "other": "other",
}
RELATION_PHRASES = {
    "member_of": "is a member of", "backed_by": "is backed by", "allied_with": "is allied with",
    "part_of": "is part of", "splinter_of": "is a splinter of", "successor_of": "is the successor of",
    "hostile_to": "is hostile to",
}
RELATION_ORDER = ("member_of", "backed_by", "part_of", "allied_with", "splinter_of", "successor_of", "hostile_to")
MAX_MAIN_ACTORS = 3
MAX_EVENTS_LISTED = 3
CONTEXT_DAYS = 365


def ordinal(n: int) -> str:
    return ORDINALS[n - 1] if 0 < n <= len(ORDINALS) else "a later"


def number_word(n: int) -> str:
    return NUMBERS[n] if 0 <= n < len(NUMBERS) else str(n)


def _humanise(value: str) -> str:
    return value.replace("_", " ")


def _article(phrase: str) -> str:
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


class _Names:
    """Display names of actors and people: from the extraction, else the knowledge base, else the id."""

    def __init__(self, ex: Extraction, kb: "KnowledgeBase | None") -> None:
        self.actors: dict[str, Actor] = {a.id: a for a in ex.actors}
        self.people: dict[str, Person] = {p.id: p for p in ex.people}
        self.kb = kb

    def actor(self, actor_id: str | None) -> str:
        if actor_id is None:
            return "An unidentified issuer"
        if self.kb is not None and actor_id in self.kb.actors:
            return self.kb.actors[actor_id].name
        if actor_id in self.actors:
            return self.actors[actor_id].name
        return actor_id

    def person(self, person_id: str | None) -> str | None:
        if person_id is None:
            return None
        if self.kb is not None and person_id in self.kb.people:
            return self.kb.people[person_id].name
        return self.people[person_id].name if person_id in self.people else person_id


def _doc_cite(doc_id: str, start: int, end: int) -> Citation:
    return Citation("doc", doc_id, start, end)


def _first_mention_in(actor: Actor | None, start: int, end: int) -> int | None:
    if actor is None:
        return None
    inside = [m.start for m in actor.mentions if start <= m.start < end]
    return min(inside) if inside else None


_SENTENCE = re.compile(r"[^\n.!?]*[^\n.!?\s][^\n]*?(?:[.!?](?=\s|$)|$)", re.MULTILINE)


def lead_sentence(text: str, *, min_words: int = 8) -> tuple[int, int] | None:
    """Offsets of the document's lead: its first full sentence of at least `min_words` words."""
    for m in _SENTENCE.finditer(text):
        body = m.group(0).strip()
        if len(body.split()) >= min_words and not body.endswith(":"):
            start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            return start, start + len(body)
    return None


# --- What to Know ---------------------------------------------------------------------------
def _event_sentence(ev: Event, names: _Names) -> str:
    if ev.notes:
        return ev.notes.strip()
    kind = ev.event_type + (f" ({ev.sub_event_type})" if ev.sub_event_type else "")
    parts = [f"The document reports an event coded {kind}"]
    if ev.actor1:
        parts.append(f"by {names.actor(ev.actor1)}")
    if ev.actor2:
        parts.append(f"against {names.actor(ev.actor2)}")
    where = ", ".join(x for x in (ev.location, ev.country) if x)
    if where:
        parts.append(f"in {where}")
    if ev.event_date:
        parts.append(f"on {ev.event_date.isoformat()}")
    if ev.status not in ("reported",):
        parts.append(f"(status: {ev.status})")
    return " ".join(parts) + "."


def _what_to_know(ex: Extraction, names: _Names) -> Section:
    doc = ex.document
    section = Section("what_to_know", "What to Know")
    used: set[tuple[int, int]] = set()
    for st in ex.statements:
        if st.evidence is None:
            continue
        start = _first_mention_in(names.actors.get(st.actor or ""), st.evidence.start, st.evidence.end)
        if start is not None and st.evidence.end - start > 20:
            text = doc.text[start:st.evidence.end].strip()
            section.sentences.append(Sentence(text, [_doc_cite(doc.id, start, start + len(text))]))
            used.add((start, st.evidence.end))
            break
    if not section.sentences:
        lead = lead_sentence(doc.text)
        if lead is not None:
            who = doc.source or "The document"
            section.sentences.append(Sentence(f"{who} reports: “{doc.text[lead[0]:lead[1]]}”",
                                              [_doc_cite(doc.id, *lead)]))
    main = [e for e in ex.events if e.salience == "main"][:MAX_EVENTS_LISTED]
    for ev in main:
        section.sentences.append(Sentence(_event_sentence(ev, names),
                                          [_doc_cite(doc.id, ev.evidence.start, ev.evidence.end)]))
    for st in ex.statements:
        for point in st.points:
            if doc.text[point.start - 1:point.start] in "“\"«" and point.start > 0:
                continue
            if re.match(r"^[a-z]+ed\b", point.text):    # reported speech: "announced a full resumption ..."
                section.sentences.append(Sentence(f"{names.actor(st.actor)} {point.text.rstrip('.')}.",
                                                  [_doc_cite(doc.id, point.start, point.end)]))
    named = [a for a in ex.actors if a.mentions][:8]
    if named:
        section.sentences.append(Sentence(
            "Actors named: " + ", ".join(names.actor(a.id) for a in named) + ".",
            [_doc_cite(doc.id, a.mentions[0].start, a.mentions[0].end) for a in named]))
    places: dict[str, Any] = {}
    for pl in ex.places:
        label = pl.name + (f" ({pl.country})" if pl.country and pl.country != pl.name else "")
        places.setdefault(label, pl.span)
    if places:
        shown = list(places.items())[:6]
        section.sentences.append(Sentence("Places named: " + ", ".join(k for k, _ in shown) + ".",
                                          [_doc_cite(doc.id, s.start, s.end) for _, s in shown]))
    return section


# --- The Statement --------------------------------------------------------------------------
def _statement_heading(st: Statement, ex: Extraction, names: _Names) -> Sentence:
    who = names.actor(st.actor)
    speaker = names.person(st.speaker)
    role = names.people[st.speaker].role if st.speaker and st.speaker in names.people else None
    text = who
    if speaker:
        text += f", through {speaker}" + (f" ({role})" if role else "")
    kind = st.channel or "statement"
    text += f": {_article(kind)}"
    if st.date:
        text += f" dated {st.date.isoformat()}"
    n = len(st.points)
    text += f", {number_word(n)} point{'s' if n != 1 else ''}."
    cites = [_doc_cite(ex.document.id, st.evidence.start, st.evidence.end)] if st.evidence else []
    if not cites and st.points:
        cites = [_doc_cite(ex.document.id, st.points[0].start, st.points[-1].end)]
    return Sentence(text, cites)


def _the_statement(ex: Extraction, names: _Names) -> Section:
    section = Section("the_statement", "The Statement")
    for st in ex.statements:
        bs = BriefStatement(st.id, _statement_heading(st, ex, names))
        for i, p in enumerate(st.points, 1):
            reported = p.text[:1].islower() and ex.document.text[max(0, p.start - 1):p.start] not in "“\"«"
            targets = [names.actor(t) if t in names.actors or (names.kb and t in names.kb.actors) else t
                       for t in p.targets]
            bs.points.append(BriefPoint(i, p.text, p.start, p.end, list(p.labels), list(p.cues), targets,
                                        _doc_cite(ex.document.id, p.start, p.end), reported))
        section.statements.append(bs)
    if not ex.statements:
        section.sentences.append(Sentence("No statement was recognised in this document.", []))
    return section


# --- What Does this Mean? ---------------------------------------------------------------------
def _main_actors(ex: Extraction) -> list[str]:
    ids: list[str] = []
    for st in ex.statements:
        if st.actor and st.actor not in ids:
            ids.append(st.actor)
    for ev in ex.events:
        if ev.salience == "main":
            for a in (ev.actor1, ev.actor2):
                if a and a not in ids:
                    ids.append(a)
    return ids[:MAX_MAIN_ACTORS]


def _kb_context(actor_id: str, kb: "KnowledgeBase", names: _Names, on: dt.date | None) -> list[Sentence]:
    entry = kb.actors.get(actor_id)
    if entry is None:
        return []
    out = []
    where = f" based in {entry.country}" if entry.country else ""
    out.append(Sentence(f"{entry.name} is recorded in the knowledge base with actor type “{_humanise(entry.type)}”"
                        f"{where}.",
                        [Citation("kb", entry.id, source=entry.source)]))
    relations = sorted(kb.relations_of(actor_id, on), key=lambda r: RELATION_ORDER.index(r.type)
                       if r.type in RELATION_ORDER else 99)
    for rel in relations:
        if rel.type == "hostile_to":
            continue
        obj = kb.actors.get(rel.object)
        obj_name = obj.name if obj is not None else rel.object
        since = f" (since {rel.since})" if rel.since else ""
        out.append(Sentence(f"{entry.name} {RELATION_PHRASES.get(rel.type, _humanise(rel.type))} {obj_name}{since}.",
                            [Citation("kb", entry.id, source=rel.source)]))
    for person, role in kb.leaders_of(actor_id, on):
        out.append(Sentence(f"{person.name} is {role.title} of {entry.name}.",
                            [Citation("kb", person.id, source=role.source)]))
    return out


def _same_report(stored: StoredEvent, doc_id: str, text: str) -> bool:
    """An event of this document, or of another copy of the same text (its evidence appears verbatim here)."""
    return stored.document_id == doc_id or (len(stored.event.evidence.text) > 40 and stored.event.evidence.text in text)


def _unique(cites: list[Citation]) -> list[Citation]:
    return list(dict.fromkeys(cites))


def _store_context(actor_id: str, ex: Extraction, store: "Store", names: _Names) -> list[Sentence]:
    doc = ex.document
    until = doc.published
    since = until - dt.timedelta(days=CONTEXT_DAYS) if until else None
    stored: list[StoredEvent] = [s for s in store.events_involving(actor_id, since=since, until=until)
                                 if not _same_report(s, doc.id, doc.text)]
    name = names.actor(actor_id)
    if not stored:
        return [Sentence(f"The store holds no other events involving {name}"
                         + (" in the year before this document." if until else "."), [])]
    by_type = Counter(s.event.event_type for s in stored)
    by_month = Counter((s.event.event_date or s.published).strftime("%Y-%m")  # type: ignore[union-attr]
                       for s in stored if (s.event.event_date or s.published))
    latest = stored[:MAX_EVENTS_LISTED]
    cites = _unique([_doc_cite(s.document_id, s.event.evidence.start, s.event.evidence.end) for s in latest])
    out = [Sentence(f"The store holds {len(stored)} other event{'s' if len(stored) != 1 else ''} involving {name}: "
                    + ", ".join(f"{t} ({n})" for t, n in by_type.most_common()) + ".", cites)]
    if by_month:
        out.append(Sentence("By month: " + ", ".join(f"{m} ({n})" for m, n in sorted(by_month.items())) + ".", cites))
    reported = [s.event.fatalities for s in stored if s.event.fatalities is not None]
    if reported:
        out.append(Sentence(f"Fatalities reported in these events total {sum(reported)}; "
                            f"{len(stored) - len(reported)} of them report no figure.", cites))
    for s in latest:
        when = (s.event.event_date or s.published)
        when_text = when.isoformat() if when else "undated"
        where = ", ".join(x for x in (s.event.location, s.event.country) if x)
        text = f"{when_text}: {s.event.event_type}"
        if s.event.sub_event_type:
            text += f" ({s.event.sub_event_type})"
        if where:
            text += f" in {where}"
        if s.source:
            text += f", reported by {s.source}"
        out.append(Sentence(text + ".", [_doc_cite(s.document_id, s.event.evidence.start, s.event.evidence.end)]))
    return out


def _statement_meaning(ex: Extraction, names: _Names, store: "Store | None") -> list[Sentence]:
    doc = ex.document
    out = []
    for st in ex.statements:
        who = names.actor(st.actor)
        for i, p in enumerate(st.points, 1):
            cite = [_doc_cite(doc.id, p.start, p.end)]
            where = f"The {ordinal(i)} point of {who}'s statement"
            if "threat" in p.labels:
                against = f" against {', '.join(names.actor(t) if t in names.actors else t for t in p.targets)}" \
                    if p.targets else ""
                out.append(Sentence(f"{where} is labelled a threat{against} (cues: {', '.join(p.cues)}).", cite))
                if st.actor:
                    out.append(Sentence(f"What to watch: whether reporting after this statement shows attacks "
                                        f"by {who}.", cite))
            if "incitement" in p.labels:
                against = f" against {', '.join(p.targets)}" if p.targets else ""
                out.append(Sentence(f"{where} is labelled incitement{against} (cues: {', '.join(p.cues)}).", cite))
                out.append(Sentence("What to watch: whether the language is repeated or followed by violence "
                                    f"against {', '.join(p.targets) if p.targets else 'the group named'}.", cite))
            if "call_to_action" in p.labels:
                out.append(Sentence(f"{where} is labelled a call to action (cues: {', '.join(p.cues)}).", cite))
            if "de_escalation" in p.labels and "threat" not in p.labels:
                out.append(Sentence(f"{where} is labelled de-escalation (cues: {', '.join(p.cues)}).", cite))
        if store is not None and st.actor and any("threat" in p.labels for p in st.points):
            until = st.date or doc.published
            earlier = [s for s in store.events_involving(st.actor, until=until)
                       if not _same_report(s, doc.id, doc.text)]
            if earlier:
                last = earlier[0]
                when = last.event.event_date or last.published
                if when:
                    out.append(Sentence(f"The latest stored event involving {who} before this statement is dated "
                                        f"{when.isoformat()}.",
                                        [_doc_cite(last.document_id, last.event.evidence.start,
                                                   last.event.evidence.end)]))
    return out


def _what_it_means(ex: Extraction, names: _Names, kb: "KnowledgeBase | None", store: "Store | None") -> Section:
    section = Section("what_does_this_mean", "What Does this Mean?")
    on = ex.document.published
    for actor_id in _main_actors(ex):
        if kb is not None:
            section.sentences += _kb_context(actor_id, kb, names, on)
        if store is not None:
            section.sentences += _store_context(actor_id, ex, store, names)
    section.sentences += _statement_meaning(ex, names, store)
    if not section.sentences:
        section.sentences.append(Sentence("Neither the knowledge base nor the store holds context on the actors "
                                          "of this document.", []))
    return section


def build_brief(extraction: Extraction, *, kb: "KnowledgeBase | None", store: "Store | None" = None) -> Brief:
    """The brief of one document's extraction (deterministic: the same inputs give the same brief)."""
    doc = extraction.document
    names = _Names(extraction, kb)
    brief = Brief(document_id=doc.id, title=doc.title, published=doc.published, source=doc.source, url=doc.url)
    brief.sections.append(_what_to_know(extraction, names))
    brief.sections.append(_the_statement(extraction, names))
    brief.sections.append(_what_it_means(extraction, names, kb, store))
    return brief


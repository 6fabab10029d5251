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
_ATTRIBUTION = re.compile(r"\b(said|says|according to|reported|claimed|told|announced|stated)\b", re.IGNORECASE)


_FUNCTION_WORDS = frozenset({"On", "A", "An", "No", "At", "About", "Up", "Possible", "The"})


def _attributed(sentence: str, ev: Event, source: str | None) -> str:
    """The coded sentence attributed to its source: briefs report what a document says, they do not
    assert it. A claimed event already names who claimed it."""
    if ev.status == "claimed":
        return sentence
    who = source or "the document"
    said = " (as attributed in the text)" if _ATTRIBUTION.search(ev.evidence.text) else ""
    first, _, rest = sentence.partition(" ")
    if first in _FUNCTION_WORDS:  # "On 8 February ...", "A possible ...": not a name
        sentence = first.lower() + " " + rest
    return f"According to {who}{said}, {sentence}"


def _event_sentence(ev: Event, names: _Names, source: str | None = None) -> str:
    if ev.notes:
        return _attributed(ev.notes.strip(), ev, source)
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


_NOUN_PHRASE_WORDS = frozenset({"the", "of", "for", "by", "to", "from", "with", "and", "a", "an", "in", "on", "its",
                                "their", "'s"})


def possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _labels_phrase(labels: list[str], targets: list[str]) -> str:
    """"a threat", "incitement against Jews and a call to action": the labels of one point as a phrase."""
    parts = []
    for lab in labels:
        if lab == "other":
            continue
        name = LABEL_NAMES.get(lab, lab)
        phrase = name if lab in ("incitement", "justification", "de_escalation", "denial") else _article(name)
        if lab in ("incitement", "threat") and targets:
            phrase += " against " + ", ".join(targets)
        parts.append(phrase)
    if not parts:
        return "unlabelled"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _statement_summary(st: Statement, ex: Extraction, names: _Names) -> Sentence | None:
    """One sentence on what a statement does: "Kataib Hezbollah's statement (an official release) makes
    three points: a justification; a threat; a call to action, incitement against Jews and a justification."."""
    labelled = [p for p in st.points if any(lab != "other" for lab in p.labels)]
    if not labelled:
        return None
    who = names.actor(st.actor) if st.actor else (names.person(st.speaker) or "An unidentified issuer")
    kind = f" ({st.channel})" if st.channel and st.channel != "statement" else ""
    n = len(st.points)
    targets = lambda p: [names.actor(t) if t in names.actors or (names.kb and t in names.kb.actors) else t  # noqa: E731
                         for t in p.targets]
    listed = "; ".join(_labels_phrase(p.labels, targets(p)) for p in labelled)
    k = len(labelled)
    if n == 1:
        text = f"{possessive(who)} statement{kind} is labelled {listed}."
    elif k == n:
        text = f"{possessive(who)} statement{kind} makes {number_word(n)} points, labelled: {listed}."
    else:
        text = (f"{possessive(who)} statement{kind} makes {number_word(n)} points, {number_word(k)} of them "
                f"labelled: {listed}.")
    cites = [_doc_cite(ex.document.id, p.start, p.end) for p in labelled]
    return Sentence(text, cites)


def _what_to_know(ex: Extraction, names: _Names) -> Section:
    """An analyst's lead: the main news in one or two attributed sentences (who, what, where, when),
    then one line on each statement's points; the names the text mentions go to a footer."""
    doc = ex.document
    section = Section("what_to_know", "What to Know")
    covered: list[tuple[int, int]] = []
    for st in ex.statements:
        if st.evidence is None or not any(lab != "other" for p in st.points for lab in p.labels) and \
                st.channel is None:
            continue
        start = _first_mention_in(names.actors.get(st.actor or ""), st.evidence.start, st.evidence.end)
        before = doc.text[st.evidence.start:start].split() if start is not None else []
        if before and before[-1].lower() in _NOUN_PHRASE_WORDS:
            start = st.evidence.start        # "the spokesman for the Houthis, said": keep the whole sentence
        if start is not None and st.evidence.end - start > 20:
            text = doc.text[start:st.evidence.end].strip()
            section.sentences.append(Sentence(text, [_doc_cite(doc.id, start, start + len(text))]))
            covered.append((start, st.evidence.end))
            break
    main = [e for e in ex.events if e.salience == "main" and e.status in ("reported", "claimed")]
    for ev in main:
        if len(section.sentences) >= 2:
            break
        span = (ev.evidence.start, ev.evidence.end)
        if any(_overlaps(span, c) for c in covered):
            continue
        section.sentences.append(Sentence(_event_sentence(ev, names, doc.source), [_doc_cite(doc.id, *span)]))
        covered.append(span)
    if not section.sentences:
        lead = lead_sentence(doc.text)
        if lead is not None:
            who = doc.source or "The document"
            section.sentences.append(Sentence(f"{who} reports: “{doc.text[lead[0]:lead[1]]}”",
                                              [_doc_cite(doc.id, *lead)]))
    reported = 0
    for st in ex.statements:
        for point in st.points:
            if reported >= 2 or point.labels == ["other"]:
                continue
            if doc.text[point.start - 1:point.start] in "“\"«" and point.start > 0:
                continue
            if any(_overlaps((point.start, point.end), c) for c in covered):
                continue
            if re.match(r"^[a-z]+ed\b", point.text):    # reported speech: "announced a full resumption ..."
                who = names.actor(st.actor) if st.actor else names.person(st.speaker)
                section.sentences.append(Sentence(f"{who} {point.text.rstrip('.')}.",
                                                  [_doc_cite(doc.id, point.start, point.end)]))
                reported += 1
    for st in ex.statements:
        summary = _statement_summary(st, ex, names)
        if summary is not None:
            section.sentences.append(summary)
    return section


def _named(ex: Extraction, names: _Names) -> Section:
    """A compact footer: the actors and places the text names, each cited at its first mention."""
    doc = ex.document
    section = Section("named", "Named in the Text")
    named = [a for a in ex.actors if a.mentions][:10]
    if named:
        section.sentences.append(Sentence(
            "Actors: " + ", ".join(names.actor(a.id) for a in named) + ".",
            [_doc_cite(doc.id, a.mentions[0].start, a.mentions[0].end) for a in named]))
    places: dict[str, Any] = {}
    for pl in ex.places:
        label = pl.name + (f" ({pl.country})" if pl.country and pl.country != pl.name else "")
        places.setdefault(label, pl.span)
    if places:
        shown = list(places.items())[:8]
        section.sentences.append(Sentence("Places: " + ", ".join(k for k, _ in shown) + ".",
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


_PLURAL_TYPES = {"state_forces": "a state force", "protesters": "a protester group", "rioters": "a rioter group",
                 "civilians": "a civilian group"}


def _type_phrase(actor_type: str) -> str:
    return _PLURAL_TYPES.get(actor_type) or _article(_humanise(actor_type))


def _title_phrase(title: str) -> str:
    """"Founder and commander" -> "founder and commander"; "Secretary-General" stays."""
    return title[:1].lower() + title[1:] if title[1:] == title[1:].lower() else title


def _period_state(since: Any, until: Any, on: dt.date) -> str:
    """"past", "current" or "future" for a fact dated [since, until] (PartialDates) seen on `on`."""
    if until is not None and until.last_day() < on:
        return "past"
    if since is not None and since.first_day() > on:
        return "future"
    return "current"


def _join(names_: list[str]) -> str:
    return names_[0] if len(names_) == 1 else ", ".join(names_[:-1]) + " and " + names_[-1]


def _join_of(names_: list[str]) -> str:
    """"A (since X), B and C" as "A (since X), of B and of C" after "a member of"."""
    return names_[0] if len(names_) == 1 else ", of ".join(names_[:-1]) + " and of " + names_[-1]


def _kb_context(actor_id: str, kb: "KnowledgeBase", names: _Names, on: dt.date) -> list[Sentence]:
    """What the knowledge base records about an actor as of `on` (the document's date, else today): its
    type, its relations (who holds them and since when, past ones in the past tense) and its leaders
    (a former or dead leader is said to have held the role until the recorded date)."""
    entry = kb.actors.get(actor_id)
    if entry is None:
        return []
    out = []
    where = f" based in {entry.country}" if entry.country else ""
    out.append(Sentence(f"{entry.name} is recorded in the knowledge base as {_type_phrase(entry.type)}{where}.",
                        [Citation("kb", entry.id, source=entry.source)]))
    by_type: dict[tuple[str, str], list[tuple[str, Any]]] = {}
    for rel in kb.relations_of(actor_id):
        if rel.type == "hostile_to":
            continue
        state = _period_state(rel.since, rel.until, on)
        if state == "future":
            continue
        by_type.setdefault((rel.type, state), []).append((rel.object, rel))
    order = sorted(by_type, key=lambda k: (RELATION_ORDER.index(k[0]) if k[0] in RELATION_ORDER else 99, k[1]))
    for rtype, state in order:
        items = by_type[(rtype, state)]
        phrases = []
        for obj_id, rel in items:
            obj = kb.actors.get(obj_id)
            obj_name = obj.name if obj is not None else obj_id
            if state == "past":
                period = f" from {rel.since}" if rel.since else ""
                period += f" until {rel.until}"
            else:
                period = f" (since {rel.since})" if rel.since else ""
            phrases.append(obj_name + period)
        verb = RELATION_PHRASES.get(rtype, "is " + _humanise(rtype))
        if state == "past":
            verb = verb.replace("is ", "was ", 1)
        joined = _join_of(phrases) if verb.endswith(" of") else _join(phrases)
        if state == "current" and not any(rel.since for _, rel in items):
            joined += " (no start date recorded)"
        out.append(Sentence(f"{entry.name} {verb} {joined}.",
                            _unique([Citation("kb", entry.id, source=rel.source) for _, rel in items])))
    for person, role in kb.leaders_of(actor_id):
        state = _period_state(role.since, role.until, on)
        title = _title_phrase(role.title)
        if state == "future":
            continue
        if state == "past":
            since = f" from {role.since}" if role.since else ""
            text = f"{person.name} was {title} of {entry.name}{since} until {role.until}."
        elif role.since:
            text = f"{person.name} has been {title} of {entry.name} since {role.since}."
        else:
            text = f"{person.name} is recorded as {title} of {entry.name} (no start date recorded)."
        out.append(Sentence(text, [Citation("kb", person.id, source=role.source)]))
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
    """One sentence per labelled point (its labels and cues), then one "What to watch" list per actor."""
    doc = ex.document
    out = []
    watch: dict[str, tuple[list[str], list[Citation]]] = {}
    for st in ex.statements:
        who = names.actor(st.actor) if st.actor else (names.person(st.speaker) or "an unidentified issuer")
        for i, p in enumerate(st.points, 1):
            shown = [lab for lab in p.labels if lab in ("threat", "incitement", "call_to_action", "de_escalation",
                                                         "claim_of_responsibility", "denial", "demand")]
            if "threat" in shown and "de_escalation" in shown:
                shown.remove("de_escalation")
            if not shown:
                continue
            cite = _doc_cite(doc.id, p.start, p.end)
            targets = [names.actor(t) if t in names.actors or (names.kb and t in names.kb.actors) else t
                       for t in p.targets]
            where = (f"The {ordinal(i)} point of {possessive(who)} statement" if len(st.points) > 1
                     else f"{possessive(who)} statement")
            out.append(Sentence(f"{where} is labelled {_labels_phrase(shown, targets)} (cues: {', '.join(p.cues)}).",
                                [cite]))
            items, cites = watch.setdefault(who, ([], []))
            if "threat" in shown and st.actor:
                items.append("attacks by the group reported after this statement"
                             + (f", against {_join(targets)}" if targets else ""))
            if "incitement" in shown:
                group = _join(targets) if targets else "the group named"
                items.append(f"repetition of the language against {group}, or violence against {group}")
            if "call_to_action" in shown:
                items.append("whether supporters answer the call (mobilisation, protests, attacks)")
            if "de_escalation" in shown:
                items.append("whether the announced restraint holds")
            if cite not in cites:
                cites.append(cite)
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
    for who, (items, cites) in watch.items():
        unique = list(dict.fromkeys(items))
        if unique:
            out.append(Sentence(f"What to watch ({who}): " + "; ".join(unique) + ".", cites))
    return out


def _what_it_means(ex: Extraction, names: _Names, kb: "KnowledgeBase | None", store: "Store | None") -> Section:
    section = Section("what_does_this_mean", "What Does this Mean?")
    on = ex.document.published or dt.date.today()
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
    footer = _named(extraction, names)
    if footer.sentences:
        brief.sections.append(footer)
    return brief


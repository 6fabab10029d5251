"""What Does this Mean?: the document's statement or news placed in the record, in neutral, cited prose.

Four parts, each a paragraph:
* the article's account: the background the document itself gives (its background events, the
  statements it recalls), sentence by sentence in time order, each cited to its span;
* the store: the speaking actor's and its coalition's stored events and statements before this
  document (how many, first and last, the tempo of the last month against the two before), and
  whether the statement's threat or incitement is the first of its kind in the store;
* the knowledge base: the actor's affiliations and backers in one sentence, its leaders in another;
* what is new and what to watch: the statement's own wording against that record.
Nothing is inferred beyond what the records hold; the sentences of the article are its own words.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..records import Extraction, Statement, StoredEvent, StoredStatement
from ..store.incidents import collapse
from .model import Citation, Sentence
from .lexicon import words
from .timing import is_recalled_event, reporting_start, statement_span
from .wording import (Names, dateline_length, join, number_word, possessive, sentence_case, sentence_spans,
                      type_phrase)
from .wording import article as _article

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..store import Store

ARTICLE = "The article's account."
STORE = "In the store."
KB = "In the knowledge base."
NEW = "What is new."
WATCH = "What to watch."

BACKGROUND_STATUSES = frozenset({"reported", "claimed", "attempted", "threatened", "negated"})
MAX_ARTICLE_SENTENCES = 8
HISTORY_DAYS = 90            # the store's record: the three months before the document
RECENT_DAYS = 30             # ... of which the last month is set against the two before
STATE_TYPES = frozenset({"state", "state_forces", "police", "government"})
WATCHED_LABELS = ("threat", "incitement", "call_to_action", "de_escalation", "claim_of_responsibility", "denial",
                  "demand")
RALLYING_CUES = ("join", "participate", "duty_to_kill", "jihad", "mobil", "arms")   # cue ids of a call to fight
_PARENTHESIS = re.compile(r"\s*\([^()]{0,300}\)")


def doc_cite(doc_id: str, start: int, end: int, text: str) -> Citation:
    """A citation of `text[start:end]` in document `doc_id` (text: the whole document's text)."""
    return Citation("doc", doc_id, start, end, quote=text[start:end])


def evidence_cite(doc_id: str, start: int, end: int, quote: str) -> Citation:
    return Citation("doc", doc_id, start, end, quote=quote)


def clean_sentence(text: str) -> str:
    """A document's sentence as the brief repeats it: one line, no parenthetical aside, no dateline."""
    out = " ".join(text[dateline_length(text):].split())
    out = _PARENTHESIS.sub("", out).strip()
    out = re.sub(r"\s+([,.;:])", r"\1", out)
    return out if out.endswith((".", "!", "?", "”", '"')) else out + "."


# --- the article's account ----------------------------------------------------------------------
@dataclass(slots=True)
class _Stretch:
    start: int
    end: int
    date: dt.date | None = None


def _record_spans(ex: Extraction, recalled: list[Statement]) -> list[_Stretch]:
    """The document's background sentences: those of its background events and recalled statements."""
    spans: list[_Stretch] = []
    for ev in ex.events:
        if is_recalled_event(ev, ex) and ev.status in BACKGROUND_STATUSES:
            spans.append(_Stretch(ev.evidence.start, ev.evidence.end, ev.placed_on))
    for st in recalled:
        span = statement_span(st)
        if span is not None:
            spans.append(_Stretch(*span, st.date))
    spans += _dated_background(ex, spans)
    spans.sort(key=lambda s: (s.start, s.end))
    merged: list[_Stretch] = []
    for s in spans:
        if merged and s.start < merged[-1].end:
            last = merged[-1]
            last.end = max(last.end, s.end)
            last.date = min((d for d in (last.date, s.date) if d), default=None)
        else:
            merged.append(_Stretch(s.start, s.end, s.date))
    return merged


def _dated_background(ex: Extraction, coded: list[_Stretch]) -> list[_Stretch]:
    """Background sentences no record was coded from: sentences past the lead that speak of conflict and are
    dated by the text before the reporting period ("Talks in Geneva in early February collapsed ...")."""
    start = reporting_start(ex.document.published)
    if start is None:
        return []
    text = ex.document.text
    conflict = words()["conflict_words"]
    strategic = words()["strategic_words"]
    old = [d for d in ex.dates if d.date is not None and d.date < start]
    out = []
    for a, b in sentence_spans(text)[1:]:
        if any(a < s.end and s.start < b for s in coded):
            continue
        dated = [d for d in old if a <= d.span.start < b]
        if dated and (conflict.search(text[a:b]) or strategic.search(text[a:b])):
            out.append(_Stretch(a, b, min(d.date for d in dated if d.date)))
    return out


def _time_order(stretches: list[_Stretch]) -> list[_Stretch]:
    """Dated stretches by date; an undated one keeps its place after the dated one before it."""
    keyed, carried = [], dt.date.min
    for s in stretches:
        carried = s.date or carried
        keyed.append(((carried, s.start), s))
    return [s for _, s in sorted(keyed, key=lambda k: k[0])]


def article_record(ex: Extraction, recalled: list[Statement]) -> list[Sentence]:
    """The background the document gives (its recalled events and statements, and the sentences it dates
    before the reporting period), in time order, in its own words (asides dropped) and so dated as it
    dates them, each cited."""
    doc = ex.document
    out = []
    for s in _time_order(_record_spans(ex, recalled))[:MAX_ARTICLE_SENTENCES]:
        text = clean_sentence(doc.text[s.start:s.end])        # its own time words date it ("in October")
        out.append(Sentence(text, [doc_cite(doc.id, s.start, s.end, doc.text)], group=ARTICLE))
    return out


# --- the store's record ---------------------------------------------------------------------------
def _same_report(stored_doc: str, evidence: str, ex: Extraction) -> bool:
    """A record of this document, or of another copy of the same text (its evidence appears verbatim here)."""
    return stored_doc == ex.document.id or (len(evidence) > 40 and evidence in ex.document.text)


def _when(s: StoredEvent) -> dt.date | None:
    return s.event.placed_on or s.published


def _event_cite(s: StoredEvent) -> Citation:
    ev = s.event.evidence
    return evidence_cite(s.document_id, ev.start, ev.end, ev.text)


def _tempo(dates: list[dt.date], until: dt.date) -> str:
    recent = sum(1 for d in dates if d > until - dt.timedelta(days=RECENT_DAYS))
    before = len(dates) - recent
    return (f"{number_word(recent) if recent else 'none'} in the last {RECENT_DAYS} days against "
            f"{number_word(before) if before else 'none'} in the {HISTORY_DAYS - RECENT_DAYS} days before")


def store_events(actor_id: str, ex: Extraction, store: "Store", names: Names) -> Sentence:
    """One sentence on the actor's stored events in the months before the document."""
    until = ex.document.published
    since = until - dt.timedelta(days=HISTORY_DAYS) if until else None
    found = store.events_involving(actor_id, since=since, until=until)
    told_here = {s.incident for s in found if s.document_id == ex.document.id}   # this report's incidents
    # each incident once, however many documents report it; none this document tells
    stored = collapse([s for s in found if s.incident not in told_here
                       and not _same_report(s.document_id, s.event.evidence.text, ex)])
    name = names.actor(actor_id)
    span = f"in the {HISTORY_DAYS} days before this document" if until else "before this document"
    if not stored:
        return Sentence(f"The store holds no earlier event involving {name} {span}.", [], group=STORE)
    dated = sorted(d for d in (_when(s) for s in stored) if d)
    first, last = stored[-1], stored[0]
    plural = "s" if len(stored) != 1 else ""
    text = f"The store holds {number_word(len(stored))} event{plural} involving {name} {span}"
    if dated:
        text += f", the first on {dated[0].isoformat()} and the latest on {dated[-1].isoformat()}"
        if until:
            text += f": {_tempo(dated, until)}"
    return Sentence(text + ".", list(dict.fromkeys([_event_cite(first), _event_cite(last)])), group=STORE)


def _statement_cite(s: StoredStatement) -> Citation:
    st = s.statement
    if st.evidence is not None:
        return evidence_cite(s.document_id, st.evidence.start, st.evidence.end, st.evidence.text)
    p = st.points[0]
    return evidence_cite(s.document_id, p.start, p.end, p.text)


def _label_phrase(label: str, target: str | None) -> str:
    names = {"threat": "threat", "incitement": "incitement", "call_to_action": "call to action",
             "claim_of_responsibility": "claim of responsibility", "denial": "denial", "demand": "demand",
             "de_escalation": "announcement of restraint"}
    return names[label] + (f" against {target}" if target else "")


def store_statements(st: Statement, ex: Extraction, store: "Store", names: Names,
                     targets_of: Callable[[list[str]], list[str]]) -> list[Sentence]:
    """The actor's earlier stored statements, and whether this statement's threat or incitement against a
    target is the first of its kind in the store."""
    if st.actor is None:
        return []
    until = st.date or ex.document.published
    earlier = [s for s in store.list_statements(actor=[st.actor], until=until, limit=None)
               if not _same_report(s.document_id, s.statement.evidence.text if s.statement.evidence else "", ex)]
    name = names.actor(st.actor)
    out = []
    if not earlier:
        out.append(Sentence(f"This is the first statement by {name} in the store.", [], group=NEW))
    else:
        latest = earlier[0]
        when = f", the latest dated {latest.day.isoformat()}" if latest.day else ""
        out.append(Sentence(f"The store holds {number_word(len(earlier))} earlier statement"
                            f"{'s' if len(earlier) != 1 else ''} by {name}{when}.", [_statement_cite(latest)],
                            group=STORE))
    for label in ("threat", "incitement"):
        for target in _point_targets(st, label, targets_of):
            before = [s for s in earlier
                      if any(label in p.labels and (target is None or target in targets_of(p.targets))
                             for p in s.statement.points)]
            phrase = _label_phrase(label, target)
            if not before:
                if earlier:
                    out.append(Sentence(f"It is the first {phrase} by {name} in the store.", [], group=NEW))
                continue
            last = before[0]
            when = f", the latest on {last.day.isoformat()}" if last.day else ""
            many = len(before) != 1
            out.append(Sentence(f"{sentence_case(number_word(len(before)))} earlier statement{'s' if many else ''} by "
                                f"{name} in the store {'hold' if many else 'holds'} {_article(phrase)}{when}.",
                                [_statement_cite(last)], group=STORE))
    return out


def _point_targets(st: Statement, label: str, targets_of: Callable[[list[str]], list[str]]) -> list[str | None]:
    out: list[str | None] = []
    for p in st.points:
        if label in p.labels:
            out += targets_of(p.targets) or [None]
    return list(dict.fromkeys(out))


# --- the knowledge base ----------------------------------------------------------------------------
AFFILIATIONS = ("member_of", "part_of", "allied_with", "splinter_of", "successor_of")
_VERBS = {"member_of": "a member of", "part_of": "part of", "allied_with": "allied with",
          "splinter_of": "a splinter of", "successor_of": "the successor of"}


def _dated(name: str, since: object, until: object, on: dt.date) -> str:
    if until is not None and until.last_day() < on:  # type: ignore[attr-defined]
        return f"{name} (until {until})"
    return f"{name} (since {since})" if since else name


def _active(since: object, until: object, on: dt.date) -> bool:
    return since is None or since.first_day() <= on  # type: ignore[attr-defined]


def kb_affiliations(actor_id: str, kb: "KnowledgeBase", on: dt.date) -> Sentence | None:
    """"Kataib Hezbollah, a political militia based in Iraq, is a member of the Islamic Resistance in Iraq
    (since 2023-10-18) and the Axis of Resistance, part of the Popular Mobilization Forces (since
    2014-06-15), and is backed by Iran and the Quds Force." (relations as of `on`; past ones say until when)."""
    entry = kb.actors.get(actor_id)
    if entry is None or entry.type in STATE_TYPES:
        return None                           # "Turkey's forces are part of Turkey" tells the reader nothing
    cites = [Citation("kb", entry.id, source=entry.source)]
    clauses = []
    for rtype in AFFILIATIONS:
        rels = [r for r in kb.relations_of(actor_id) if r.type == rtype and _active(r.since, r.until, on)]
        if rels:
            objs = [_dated(_kb_name(kb, r.object), r.since, r.until, on) for r in rels]
            clauses.append(f"{_VERBS[rtype]} {join(objs)}")
            cites += [Citation("kb", entry.id, source=r.source) for r in rels]
    backers = [r for r in kb.relations_of(actor_id) if r.type == "backed_by" and _active(r.since, r.until, on)]
    if backers:
        clauses.append("backed by " + join([_dated(_kb_name(kb, r.object), r.since, r.until, on) for r in backers]))
        cites += [Citation("kb", entry.id, source=r.source) for r in backers]
    where = f" based in {entry.country}" if entry.country else ""
    head = f"{entry.name}, {type_phrase(entry.type)}{where},"
    if not clauses:
        if entry.type == "other":
            return None
        return Sentence(f"{entry.name} is recorded as {type_phrase(entry.type)}{where}, with no affiliation or "
                        "backer.", list(dict.fromkeys(cites)), group=KB)
    body = clauses[0] if len(clauses) == 1 else ", ".join(clauses[:-1]) + " and " + clauses[-1]
    return Sentence(f"{head} is {body}.", list(dict.fromkeys(cites)), group=KB)


def kb_leaders(actor_id: str, kb: "KnowledgeBase", on: dt.date) -> Sentence | None:
    """The actor's leaders as of `on`, in one sentence: current ones with their start, former ones with their end."""
    entry = kb.actors.get(actor_id)
    if entry is None:
        return None
    current, former, cites = [], [], []
    leaders = kb.leaders_of(actor_id)
    now = {p.id for p, r in leaders if (r.since is None or r.since.first_day() <= on)
           and (r.until is None or r.until.last_day() >= on)}
    for person, role in leaders:
        if person.id in now and role.until is not None and role.until.last_day() < on:
            continue                          # an earlier term of a current leader
        if role.since is not None and role.since.first_day() > on:
            continue
        title = role.title[:1].lower() + role.title[1:] if role.title[1:] == role.title[1:].lower() else role.title
        if role.until is not None and role.until.last_day() < on:
            former.append(f"{person.name}, {title} until {role.until}")
        else:
            current.append(f"{person.name}, {title}" + (f" since {role.since}" if role.since else ""))
        cites.append(Citation("kb", person.id, source=role.source))
    if not current and not former:
        return None
    parts = []
    if current:
        parts.append(f"{possessive(entry.name)} leadership: {join(current)}")
    if former:
        parts.append(("earlier " if current else f"{possessive(entry.name)} former leadership: ") + join(former))
    return Sentence("; ".join(parts) + ".", cites, group=KB)


def _kb_name(kb: "KnowledgeBase", actor_id: str) -> str:
    entry = kb.actors.get(actor_id)
    name = entry.name if entry is not None else actor_id
    return ("the " + name) if re.match(r"(Islamic|Axis|Popular|Global|Quds|Syrian|Houthi|Revolutionary)\b", name) \
        and not name.startswith("the ") else name


def coalitions(actor_id: str, kb: "KnowledgeBase | None", on: dt.date) -> list[str]:
    """The umbrella coalitions the actor is a member of on `on` (most specific first: those with a start date)."""
    if kb is None or actor_id not in kb.actors:
        return []
    rels = [r for r in kb.relations_of(actor_id) if r.type == "member_of" and _active(r.since, r.until, on)
            and (r.until is None or r.until.last_day() >= on)]
    rels.sort(key=lambda r: r.since is None)
    return [r.object for r in rels if r.object in kb.actors and kb.actors[r.object].type == "umbrella_coalition"][:1]


def is_state(actor_id: str, kb: "KnowledgeBase | None", names: Names) -> bool:
    if kb is not None and actor_id in kb.actors:
        return kb.actors[actor_id].type in STATE_TYPES
    actor = names.actors.get(actor_id)
    return actor is not None and actor.type in STATE_TYPES


# --- what is new, what to watch ---------------------------------------------------------------------
def watch_items(st: Statement, names: Names, targets_of: Callable[[list[str]], list[str]], *, who: str,
                state: bool) -> list[str]:
    """What to look for after the statement, from the labels of its points (`who`: its issuer as the brief
    names it; `state`: whether the issuer is a state)."""
    items = []
    for p in st.points:
        targets = targets_of(p.targets)
        restraint = "de_escalation" in p.labels and "threat" not in p.labels
        if "threat" in p.labels:
            items.append(f"attacks by {who}" + (f" on {join(targets)}" if targets else "")
                         + " reported after this statement")
        if "incitement" in p.labels:
            group = join(targets) if targets else "the group it names"
            items.append(f"the same language against {group} repeated, or violence against {group}")
        if "call_to_action" in p.labels and not restraint:
            rally = not state and any(w in c for c in p.cues for w in RALLYING_CUES)
            items.append("whether supporters answer the call (mobilisation, protests, attacks)" if rally else
                         "whether those called on act on the call")
        if restraint:
            items.append("whether the called-for or announced restraint holds")
        if "claim_of_responsibility" in p.labels:
            items.append(f"confirmation by other sources of what {who} claimed")
        if "denial" in p.labels:
            items.append(f"evidence for or against what {who} denied")
    return list(dict.fromkeys(items))

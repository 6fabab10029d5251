"""Typed records passed between conflictdesk's stages.

Every stage takes records and returns new records; none of them does I/O. Field names
follow ACLED's codebook where ACLED has the concept, and ../shared/CONTRACT.md for the
JSON that `conflictdesk extract` prints (see `contract.py` for the conversion).

Offsets are character offsets into `Document.text` (Python string indices), so
`document.text[span.start:span.end] == span.text` always holds.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from .taxonomy import EventType

EventStatus = Literal["reported", "claimed", "attempted", "threatened", "planned", "negated", "hypothetical"]
Salience = Literal["main", "background"]
CountQualifier = Literal["exactly", "at_least", "at_most", "about"]
RelationSource = Literal["text", "knowledge_base"]

EVENT_STATUSES: tuple[str, ...] = ("reported", "claimed", "attempted", "threatened", "planned", "negated",
                                   "hypothetical")
POINT_LABELS: tuple[str, ...] = ("threat", "call_to_action", "incitement", "justification", "de_escalation",
                                 "claim_of_responsibility", "denial", "demand", "other")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of a document's text: the evidence for a fact, or a mention of an entity."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """The span [start, end) of `text`."""
        return cls(start, end, text[start:end])


# The contract calls the same shape a mention (of an entity) and evidence (for a fact).
Mention = Span
Evidence = Span


@dataclass(slots=True)
class Document:
    """One article, wire story, statement or post, with boilerplate removed."""

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None          # publisher or site name
    url: str | None = None
    language: str | None = None        # ISO 639-1, e.g. "en"
    author: str | None = None
    origin: str | None = None          # the path or URL it was read from
    format: str | None = None          # text, markdown, html, feed, jsonl, csv, stdin
    content_hash: str = ""             # sha256 of the normalised text
    duplicate_of: str | None = None    # id of the earlier document this one near-duplicates
    fingerprint: int | None = None     # 64-bit SimHash of the text (ingest.dedupe), unsigned


@dataclass(slots=True)
class Actor:
    """An actor as found in one document: a knowledge-base entry, or an unknown one (type "unknown")."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    acled_name: str | None = None
    mentions: list[Span] = field(default_factory=list)
    known: bool = True                 # False: generated id, not in the knowledge base


@dataclass(slots=True)
class Person:
    id: str
    name: str
    role: str | None = None
    actor: str | None = None           # actor id
    mentions: list[Span] = field(default_factory=list)
    known: bool = True


@dataclass(slots=True)
class Relation:
    subject: str
    relation: str                      # member_of, backed_by, allied_with, hostile_to, leader_of, ...
    object: str
    source: RelationSource
    evidence: Span | None = None       # where the text states it (source == "text")
    citation: str | None = None        # the knowledge base's source (source == "knowledge_base")
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym in the text resolved to a point, with ACLED's geo_precision."""

    span: Span
    name: str                          # the resolved place's name, e.g. "Tehran", "Tower 22"
    country: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None          # 1 town, 2 near a town or part of a region, 3 larger region
    kind: str = "populated_place"      # populated_place, country, admin1, base, crossing, camp, sea, ...
    place_id: str | None = None        # geonames:<id>, country:<alpha3>, kb:<id>


@dataclass(frozen=True, slots=True)
class DateMention:
    span: Span
    date: dt.date | None               # None: the text names a time the document cannot anchor
    time_precision: int | None         # ACLED: 1 day, 2 within a week, 3 within a month
    end: dt.date | None = None         # for ranges
    relative: bool = False
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Quantity:
    span: Span
    value: int
    qualifier: CountQualifier
    noun: str | None = None            # lemma of what is counted: "soldier", "attack", "people"
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Count:
    value: int
    qualifier: CountQualifier


@dataclass(slots=True)
class Event:
    id: str
    event_type: EventType              # one of ACLED's six (taxonomy.EVENT_TYPES)
    sub_event_type: str
    evidence: Span
    actor1: str | None = None
    assoc_actor_1: list[str] = field(default_factory=list)
    actor2: str | None = None
    assoc_actor_2: list[str] = field(default_factory=list)
    country: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    event_date: dt.date | None = None  # None when the text names no day ("in April": see event_month)
    time_precision: int | None = None
    fatalities: int | None = None
    count: Count | None = None
    status: EventStatus = "reported"
    salience: Salience = "main"
    civilian_targeting: bool = False
    cameo: str | None = None
    plover: str | None = None
    notes: str = ""
    rule: str = ""                     # which pattern or model coded it
    coder: str = ""                    # the event coder that produced it, by versioned name ("rules.v1")
    # the coder's probability: rules.v1 that the event is right (events/confidence.py), the classifier coders
    # that event_type is; None: the coder gives none
    confidence: float | None = None
    review: str | None = None          # an analyst's review: accepted, corrected, rejected; None: machine coding
    # "YYYY-MM" of an event told by its month only ("in April", "last month"): its event_date is None,
    # time_precision 3 (no day is invented); None otherwise
    event_month: str | None = None

    @property
    def month_start(self) -> dt.date | None:
        """The first day of `event_month`, to sort or filter a month-only event; None when it has none."""
        if self.event_month is None:
            return None
        year, month = self.event_month.split("-")
        return dt.date(int(year), int(month), 1)

    @property
    def placed_on(self) -> dt.date | None:
        """Where the event is placed in time to sort, window or compare it: its date, else the first day
        of the month it is told in. Never its date in an output: a month-only event has none."""
        return self.event_date or self.month_start


@dataclass(slots=True)
class Point:
    text: str
    start: int
    end: int
    labels: list[str] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)      # ids of the rules/cues that fired
    targets: list[str] = field(default_factory=list)   # actor ids or group names threatened / incited against
    review: str | None = None          # an analyst's review: accepted, corrected, rejected; None: machine coding


@dataclass(slots=True)
class Statement:
    id: str
    actor: str | None = None
    speaker: str | None = None         # person id
    channel: str | None = None         # "official release", "Telegram", "televised speech", ...
    date: dt.date | None = None
    points: list[Point] = field(default_factory=list)
    evidence: Span | None = None


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    actors: list[Actor] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Findings:
    """What the stages before event coding found in a document: the one record an event coder
    reads besides the document, its parse and the knowledge base."""

    actors: tuple[Actor, ...] = ()
    people: tuple[Person, ...] = ()
    relations: tuple[Relation, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[DateMention, ...] = ()
    quantities: tuple[Quantity, ...] = ()


@dataclass(frozen=True, slots=True)
class Failure:
    """A document (or source) that failed at some stage; stored in the `errors` table."""

    origin: str                        # path, URL, "path:line", "-" for standard input
    stage: str                         # read, fetch, parse, normalise, extract, store, ...
    code: str                          # the ConflictDeskError code, e.g. "E102"
    message: str
    document_id: str | None = None


@dataclass(slots=True)
class StoredEvent:
    """An event as the store returns it, with the document it was extracted from
    (what `Store.list_events` yields, and what exports and briefs consume)."""

    event: Event
    document_id: str
    source: str | None = None          # the document's publisher
    url: str | None = None
    published: dt.date | None = None
    title: str | None = None
    incident: int | None = None        # the incident it tells (store/incidents.py); None: its own
    reports: tuple["StoredEvent", ...] = ()   # the other reports of its incident (store.incidents.collapse)

    def sources(self) -> list["StoredEvent"]:
        """This report and the other reports of its incident."""
        return [self, *self.reports]


@dataclass(slots=True)
class StoredStatement:
    """A statement as the store returns it, with the document it was read from."""

    statement: Statement
    document_id: str
    published: dt.date | None = None
    title: str | None = None
    source: str | None = None

    @property
    def day(self) -> dt.date | None:
        """The statement's date, else its document's publication date."""
        return self.statement.date or self.published

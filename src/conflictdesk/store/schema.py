"""The database schema: one typed SQLAlchemy model per table.

Portable SQL only (SQLite and PostgreSQL); full-text search lives in `fts.py`. Lists of
strings (aliases, labels, ...) are stored as JSON text. Every extracted row carries the id
of its document, so replacing a document's extraction is one delete per table.

A SimHash fingerprint is an unsigned 64-bit integer; it is stored as the signed 64-bit
value with the same bits (see `to_signed`), since neither SQLite nor PostgreSQL has an
unsigned 64-bit integer type. The four 16-bit bands are indexed for near-duplicate lookup.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (BigInteger, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData, String,
                        Text, UniqueConstraint)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _doc_fk() -> ForeignKey:
    return ForeignKey("documents.id", ondelete="CASCADE")


class DocumentRow(Base):
    __tablename__ = "documents"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)  # FTS rowid
    id: Mapped[str] = mapped_column(String(200), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    source: Mapped[str | None] = mapped_column(String(300))
    url: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))
    author: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str | None] = mapped_column(Text)
    format: Mapped[str | None] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    fingerprint: Mapped[int | None] = mapped_column(BigInteger)
    band0: Mapped[int | None] = mapped_column(Integer, index=True)
    band1: Mapped[int | None] = mapped_column(Integer, index=True)
    band2: Mapped[int | None] = mapped_column(Integer, index=True)
    band3: Mapped[int | None] = mapped_column(Integer, index=True)
    duplicate_of: Mapped[str | None] = mapped_column(String(200), index=True)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    extracted: Mapped[bool] = mapped_column(Boolean, default=False)


class ActorRow(Base):
    """An actor as one document names it (the knowledge-base entry's attributes at extraction)."""

    __tablename__ = "actors"

    document_id: Mapped[str] = mapped_column(String(200), _doc_fk(), primary_key=True)
    actor_id: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)
    ord: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(64))
    aliases: Mapped[str] = mapped_column(Text, default="[]")      # JSON list
    country: Mapped[str | None] = mapped_column(String(120))
    acled_name: Mapped[str | None] = mapped_column(Text)
    known: Mapped[bool] = mapped_column(Boolean, default=True)


class PersonRow(Base):
    __tablename__ = "people"

    document_id: Mapped[str] = mapped_column(String(200), _doc_fk(), primary_key=True)
    person_id: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)
    ord: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(String(200))
    known: Mapped[bool] = mapped_column(Boolean, default=True)


class RelationRow(Base):
    __tablename__ = "relations"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(String(200), _doc_fk(), index=True)
    ord: Mapped[int] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(String(200), index=True)
    relation: Mapped[str] = mapped_column(String(64))
    object: Mapped[str] = mapped_column(String(200), index=True)
    source: Mapped[str] = mapped_column(String(32))
    evidence_start: Mapped[int | None] = mapped_column(Integer)
    evidence_end: Mapped[int | None] = mapped_column(Integer)
    evidence_text: Mapped[str | None] = mapped_column(Text)
    citation: Mapped[str | None] = mapped_column(Text)
    since: Mapped[dt.date | None] = mapped_column(Date)
    until: Mapped[dt.date | None] = mapped_column(Date)


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("document_id", "id"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(String(200), _doc_fk(), index=True)
    id: Mapped[str] = mapped_column(String(200))
    ord: Mapped[int] = mapped_column(Integer)
    event_type: Mapped[str] = mapped_column(String(64), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(64))
    actor1: Mapped[str | None] = mapped_column(String(200))
    assoc_actor_1: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    actor2: Mapped[str | None] = mapped_column(String(200))
    assoc_actor_2: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    country: Mapped[str | None] = mapped_column(String(120), index=True)
    admin1: Mapped[str | None] = mapped_column(String(200))
    location: Mapped[str | None] = mapped_column(String(300))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    event_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    time_precision: Mapped[int | None] = mapped_column(Integer)
    # a month-only event's month, as its first day (Event.event_month "YYYY-MM"); its event_date is NULL
    event_month: Mapped[dt.date | None] = mapped_column(Date)
    fatalities: Mapped[int | None] = mapped_column(Integer)
    count_value: Mapped[int | None] = mapped_column(Integer)
    count_qualifier: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), index=True)
    salience: Mapped[str] = mapped_column(String(16))
    civilian_targeting: Mapped[bool] = mapped_column(Boolean, default=False)
    cameo: Mapped[str | None] = mapped_column(String(16))
    plover: Mapped[str | None] = mapped_column(String(64))
    notes: Mapped[str] = mapped_column(Text, default="")
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    evidence_text: Mapped[str] = mapped_column(Text)
    rule: Mapped[str] = mapped_column(String(200), default="")
    coder: Mapped[str | None] = mapped_column(String(64))       # the event coder's versioned name
    confidence: Mapped[float | None] = mapped_column(Float)
    review: Mapped[str | None] = mapped_column(String(16))      # None (machine), accepted, corrected, rejected
    # the incident the event tells: the pk of the incident's first stored event, NULL for its own (incidents.py)
    incident: Mapped[int | None] = mapped_column(Integer, index=True)


class EventActorRow(Base):
    """Which actors take part in which stored event, in which role: the index behind
    "events involving actor X"."""

    __tablename__ = "event_actors"

    event_pk: Mapped[int] = mapped_column(Integer, ForeignKey("events.pk", ondelete="CASCADE"), primary_key=True)
    actor_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    role: Mapped[str] = mapped_column(String(16), primary_key=True)  # actor1, assoc_actor_1, actor2, assoc_actor_2
    document_id: Mapped[str] = mapped_column(String(200), _doc_fk(), index=True)

    __table_args__ = (Index("ix_event_actors_actor_id_event_pk", "actor_id", "event_pk"),)


class StatementRow(Base):
    __tablename__ = "statements"
    __table_args__ = (UniqueConstraint("document_id", "id"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(String(200), _doc_fk(), index=True)
    id: Mapped[str] = mapped_column(String(200))
    ord: Mapped[int] = mapped_column(Integer)
    actor: Mapped[str | None] = mapped_column(String(200), index=True)
    speaker: Mapped[str | None] = mapped_column(String(200))
    channel: Mapped[str | None] = mapped_column(Text)
    date: Mapped[dt.date | None] = mapped_column(Date)
    evidence_start: Mapped[int | None] = mapped_column(Integer)
    evidence_end: Mapped[int | None] = mapped_column(Integer)
    evidence_text: Mapped[str | None] = mapped_column(Text)


class PointRow(Base):
    __tablename__ = "points"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    statement_pk: Mapped[int] = mapped_column(Integer, ForeignKey("statements.pk", ondelete="CASCADE"), index=True)
    document_id: Mapped[str] = mapped_column(String(200), _doc_fk(), index=True)
    ord: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    labels: Mapped[str] = mapped_column(Text, default="[]")   # JSON list
    cues: Mapped[str] = mapped_column(Text, default="[]")     # JSON list
    targets: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    review: Mapped[str | None] = mapped_column(String(16))    # None (machine), accepted, corrected, rejected


class MentionRow(Base):
    """A stretch of text naming an entity: kind is actor, person, place, date or quantity.
    `data` (JSON) holds what a place, date or quantity resolved to."""

    __tablename__ = "mentions"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(String(200), _doc_fk(), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[str | None] = mapped_column(String(200))
    ord: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    data: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_mentions_kind_entity_id", "kind", "entity_id"),)


class CorrectionRow(Base):
    """The review audit trail: an analyst accepted, corrected or rejected an event or a
    statement point. `changes` (JSON) maps each changed field to [machine value, analyst value];
    rows are only ever added. Not tied to the documents table: the trail outlives a document."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(String(200))
    target: Mapped[str] = mapped_column(String(16))          # event, point
    target_id: Mapped[str] = mapped_column(String(200))      # the event id; "<statement id>/<point number>"
    action: Mapped[str] = mapped_column(String(16))          # accept, correct, reject
    changes: Mapped[str] = mapped_column(Text, default="{}")  # JSON {field: [before, after]}
    reviewer: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)

    __table_args__ = (Index("ix_corrections_document_id_target_target_id", "document_id", "target", "target_id"),)


class ErrorRow(Base):
    __tablename__ = "errors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin: Mapped[str] = mapped_column(Text)
    document_id: Mapped[str | None] = mapped_column(String(200))
    stage: Mapped[str] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(16))
    message: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)



class WatchSourceRow(Base):
    """A watched feed or page (`conflictdesk watch`): its validators for a conditional GET, its
    health and when it is next polled. `next_poll` doubles as the lease a watcher takes on it."""

    __tablename__ = "watch_sources"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    name: Mapped[str | None] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(String(100))
    last_polled: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_success: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_code: Mapped[str | None] = mapped_column(String(16))
    last_error_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    failures: Mapped[int] = mapped_column(Integer, default=0)       # consecutive failed polls
    polls: Mapped[int] = mapped_column(Integer, default=0)
    documents: Mapped[int] = mapped_column(Integer, default=0)      # new documents stored from it
    next_poll: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


class WatchItemRow(Base):
    """A feed entry a watcher has read (by `ingest.feed.entry_key`, stored as its sha256)."""

    __tablename__ = "watch_items"

    source_pk: Mapped[int] = mapped_column(Integer, ForeignKey("watch_sources.pk", ondelete="CASCADE"),
                                           primary_key=True)
    item_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


def to_signed(fingerprint: int) -> int:
    """The signed 64-bit integer with the same bits as an unsigned 64-bit fingerprint."""
    return fingerprint - (1 << 64) if fingerprint >= (1 << 63) else fingerprint


def to_unsigned(value: int) -> int:
    return value + (1 << 64) if value < 0 else value

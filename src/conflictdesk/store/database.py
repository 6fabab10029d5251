"""The store: documents, what was extracted from them, and what failed.

    store = Store("sqlite:///conflictdesk.sqlite")     # creates or upgrades the schema
    result = store.add_document(doc, extraction)      # one transaction per document
    store.list_events(actor="kataib-hezbollah", since=dt.date(2024, 1, 1))

Every write is one transaction: a document and its extraction are stored together or not at
all, so a crash mid-batch leaves earlier documents stored and the database consistent.
Database errors surface as `StoreError` ([E200]); a missing document as `NotFoundError`.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import sqlite3
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, Literal

from sqlalchemy import (Connection, Engine, and_, bindparam, create_engine, delete, event, func, insert, or_, select,
                        update)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from ..errors import Code, NotFoundError, StoreError
from ..records import Actor, Document, Extraction, Failure, Span, StoredEvent, StoredStatement
from . import fts, incidents, migration, review, rows, watch_state
from .memo import Memo, data_version, memoised
from .event_queries import (EVENTS_WITH_DOCUMENTS, FILTER_FIELDS, WHEN, DayCount, EventColumn, EventFilter,
                            PlaceCount, actors_query, column_query, days_of, days_query, days_totals, incidents_query,
                            narrowed, pairs_query, pairs_totals, places_of, places_query, places_totals)
from .schema import (ActorRow, CorrectionRow, DocumentRow, ErrorRow, EventActorRow, EventRow, MentionRow, PersonRow, PointRow,
                     RelationRow, StatementRow, to_signed, to_unsigned)

AddStatus = Literal["new", "duplicate", "near_duplicate"]
VERSION_SECONDS = 0.5   # how long the data version is trusted before it is read again (see memo.py)
ERROR_ORIGIN_CHARS = 1_000    # longest origin (path, URL) stored with an error
ERROR_MESSAGE_CHARS = 4_000   # longest message stored with an error
NEAR_DUPLICATE_DISTANCE = 3   # SimHash bits; with 4 bands of 16 bits one band is always equal
EXTRACTED_TABLES = (PointRow, StatementRow, EventActorRow, EventRow, RelationRow, MentionRow, PersonRow, ActorRow)

# Hot statements, built once (Core, bound parameters): ingest runs them for every document.
_DOCS = DocumentRow.__table__
_FIND_EXISTING = (select(_DOCS.c.id).where(or_(_DOCS.c.id == bindparam("id"),
                                                _DOCS.c.content_hash == bindparam("content_hash"))).limit(1))
_NEAR_CANDIDATES = (select(_DOCS.c.id, _DOCS.c.fingerprint, _DOCS.c.duplicate_of)
                    .where(or_(_DOCS.c.band0 == bindparam("b0"), _DOCS.c.band1 == bindparam("b1"),
                               _DOCS.c.band2 == bindparam("b2"), _DOCS.c.band3 == bindparam("b3")))
                    .order_by(_DOCS.c.pk))
_INSERT_DOCUMENT = insert(_DOCS)
_DELETE_EXTRACTED = [delete(t.__table__).where(t.__table__.c.document_id == bindparam("document_id"))
                     for t in EXTRACTED_TABLES]
# the document's row, locked until the transaction ends (PostgreSQL; SQLite's BEGIN IMMEDIATE
# already holds the whole database): writers of one document's extraction take turns
_LOCK_DOCUMENT = select(_DOCS.c.id).where(_DOCS.c.id == bindparam("id")).with_for_update()
_MARK_EXTRACTED = update(_DOCS).where(_DOCS.c.id == bindparam("document_id")).values(extracted=True)
_EVENTS = EventRow.__table__
_MENTION_COLUMNS = [_EVENTS.c[f.name] for f in dataclasses.fields(incidents.Mention) if f.name != "incident"] + \
    [func.coalesce(_EVENTS.c.incident, _EVENTS.c.pk).label("incident")]
_NOT_REJECTED = or_(_EVENTS.c.review.is_(None), _EVENTS.c.review != "rejected")


def _link_incidents(conn: Connection, doc_id: str) -> None:
    """Each stored event of `doc_id` that took place joins the incident of other documents' events
    telling the same occurrence, if any (incidents.choose_incident): one indexed query an event."""
    own = conn.execute(select(*_MENTION_COLUMNS).where(_EVENTS.c.document_id == doc_id, _NOT_REJECTED,
                                                       _EVENTS.c.status.in_(incidents.OCCURRED),
                                                       _EVENTS.c.country.is_not(None))
                       .order_by(_EVENTS.c.ord)).all()
    for row in own:
        new = incidents.Mention(**row._asdict())
        same_type = _EVENTS.c.event_type == new.event_type
        if new.event_type in incidents.VIOLENT_TYPES and new.fatalities and new.time_precision == 1:
            # another kind of violence with the same toll may be the same incident (incidents._one_toll_told_twice)
            same_type = or_(same_type, and_(_EVENTS.c.event_type.in_(incidents.VIOLENT_TYPES),
                                            _EVENTS.c.fatalities == new.fatalities))
        query = select(*_MENTION_COLUMNS).where(
            _EVENTS.c.document_id != doc_id, same_type,
            _EVENTS.c.country == new.country, _EVENTS.c.status.in_(incidents.OCCURRED), _NOT_REJECTED)
        if new.event_date is not None or new.event_month is not None:
            query = query.where(incidents.when_near(_EVENTS.c.event_date, _EVENTS.c.time_precision, new,
                                                    _EVENTS.c.event_month))
        elif new.fatalities:
            query = query.where(_EVENTS.c.event_date.is_(None), _EVENTS.c.event_month.is_(None),
                                _EVENTS.c.fatalities == new.fatalities,
                                _EVENTS.c.sub_event_type == new.sub_event_type)
        else:
            continue
        stored = [incidents.Mention(**r._asdict()) for r in conn.execute(query.limit(incidents.CANDIDATES))]
        incident = incidents.choose_incident(new, stored)
        if incident is not None:
            conn.execute(update(_EVENTS).where(_EVENTS.c.pk == new.pk).values(incident=incident))


def clip(text: str, limit: int) -> str:
    """`text`, or its beginning with a note of how long it was, in at most `limit` characters."""
    if len(text) <= limit:
        return text
    note = f"… [cut: {len(text):,} characters]"
    return text[:max(0, limit - len(note))] + note[:limit]


@dataclass(frozen=True, slots=True)
class AddResult:
    """What `add_document` did: stored a new story, found it already stored (`duplicate`: `id`
    is the stored document's), or stored a near-duplicate of `duplicate_of`."""

    status: AddStatus
    id: str
    duplicate_of: str | None = None


@dataclass(frozen=True, slots=True)
class StoredError:
    """A row of the errors table."""

    id: int
    at: dt.datetime
    origin: str
    stage: str
    code: str
    message: str
    document_id: str | None


def content_hash(text: str) -> str:
    """sha256 of the whitespace-normalised text (used when ingest did not set one)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def bands(fingerprint: int) -> tuple[int, int, int, int]:
    """The four 16-bit bands of a 64-bit fingerprint, most significant first (the same values
    as `ingest.dedupe.bands`; kept here so the store does not import the ingest package)."""
    return ((fingerprint >> 48) & 0xFFFF, (fingerprint >> 32) & 0xFFFF, (fingerprint >> 16) & 0xFFFF,
            fingerprint & 0xFFFF)


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


SQLITE_BUSY_MS = 10_000   # how long a SQLite connection waits for another's lock


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # transactions begin in _sqlite_begin, not in the driver
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    _sqlite_wal(cursor)
    # analysis_limit: ANALYZE (Store.optimize) samples each index instead of reading it whole
    for pragma in ("synchronous=NORMAL", "foreign_keys=ON", "temp_store=MEMORY", "cache_size=-32000",
                   "analysis_limit=1000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _sqlite_wal(cursor: Any) -> None:
    """Switch the file to WAL. SQLite answers "database is locked" at once, without waiting out
    busy_timeout, when another process opening the same new file holds the lock the switch
    needs; so the switch is tried again until the busy time has passed."""
    deadline = time.monotonic() + SQLITE_BUSY_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _sqlite_begin(connection: Connection) -> None:
    """Writes take the write lock when they begin (BEGIN IMMEDIATE), so that two writers wait
    for each other (busy_timeout) instead of failing when a read turns into a write."""
    immediate = connection.get_execution_options().get("write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _make_engine(url: str) -> Engine:
    if url.startswith(("postgresql://", "postgres://")):  # psycopg 3 (conflictdesk[postgres]), not psycopg2
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    try:
        if url.startswith("sqlite"):
            memory = url in ("sqlite://", "sqlite:///:memory:")
            engine = create_engine(url, poolclass=StaticPool if memory else None,
                                   connect_args={"check_same_thread": False})
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
            return engine
        return create_engine(url, pool_pre_ping=True)
    except ModuleNotFoundError as exc:
        raise StoreError(f"the database driver for {url.split('://')[0]!r} is not installed ({exc.name}); "
                         "for PostgreSQL: pip install 'conflictdesk[postgres]' and use a postgresql+psycopg:// URL") from exc
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot use database URL {url!r}: {exc}") from exc


SPLIT_LIST_ROWS = 2000   # list_events merges two index walks for its first rows (see _first_events)


class Store:
    """conflictdesk's database. `Store(url)` opens it, creating or upgrading the schema."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _make_engine(url)
        with self._guard("open the database"):
            migration.upgrade(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.memo = Memo()
        self._version: tuple[float, tuple[Any, ...]] | None = None

    def data_version(self) -> tuple[Any, ...]:
        """A value that changes whenever documents, events or reviews are written (see memo.py):
        read again after each write through this store, and at most VERSION_SECONDS after
        another process's write."""
        now = time.monotonic()
        held = self._version
        if held is not None and now - held[0] < VERSION_SECONDS:
            return held[1]
        with self._guard("read the data version"), self.engine.connect() as connection:
            version = data_version(connection)
        self._version = (now, version)
        return version

    # --- life cycle ---------------------------------------------------------------------------
    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _guard(self, doing: str) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            raise StoreError(f"cannot {doing} ({self.engine.url.render_as_string(hide_password=True)}): "
                             f"{reason}") from exc

    @contextmanager
    def _write(self, doing: str) -> Iterator[Connection]:
        try:
            with self._guard(doing), self.engine.connect() as connection:
                with connection.execution_options(write=True).begin():
                    yield connection
        finally:
            self._version = None   # what this store wrote is seen by its next read

    @contextmanager
    def _read(self, doing: str) -> Iterator[Session]:
        with self._guard(doing), self._sessions() as session:
            yield session

    def optimize(self) -> None:
        """Refresh SQLite's query-planner statistics (ANALYZE, sampled), so that a filtered event
        query starts from the matching events rather than from every document: without them, at
        50,000 documents, counting one country's events read the whole documents table (1 s,
        against 0.3 ms). `ingest_batch` runs it after a run that stored documents. PostgreSQL's
        autovacuum keeps its own statistics."""
        if self.engine.dialect.name != "sqlite":
            return
        with self._write("refresh the query planner's statistics") as conn:
            conn.exec_driver_sql("ANALYZE")

    # --- documents ----------------------------------------------------------------------------
    def find_existing(self, doc: Document) -> str | None:
        """The id of the stored document that `doc` exactly duplicates (same id or same content
        hash), or None when it is not stored. Cheap: two indexed lookups."""
        with self._guard("look up a document"), self.engine.connect() as connection:
            return self._existing(connection, doc)

    def is_extracted(self, document_id: str) -> bool:
        """Whether the document was stored with an extraction (False: stored with --no-extract,
        or its extraction failed)."""
        with self._guard("look up a document"), self.engine.connect() as connection:
            return bool(connection.execute(select(_DOCS.c.extracted).where(_DOCS.c.id == document_id)).scalar())

    @staticmethod
    def _existing(connection: Connection, doc: Document) -> str | None:
        return connection.execute(_FIND_EXISTING, {
            "id": doc.id, "content_hash": doc.content_hash or content_hash(doc.text)}).scalar()

    @staticmethod
    def _near_duplicate_of(connection: Connection, fingerprint: int) -> str | None:
        b = bands(fingerprint)
        candidates = connection.execute(_NEAR_CANDIDATES, {"b0": b[0], "b1": b[1], "b2": b[2], "b3": b[3]}).all()
        best: tuple[int, str] | None = None
        for cand_id, cand_fp, cand_dup in candidates:
            distance = hamming(fingerprint, to_unsigned(cand_fp))
            if distance <= NEAR_DUPLICATE_DISTANCE and (best is None or distance < best[0]):
                best = (distance, cand_dup or cand_id)   # link to the original story, not to another copy
        return None if best is None else best[1]

    def add_document(self, doc: Document, extraction: Extraction | None = None) -> AddResult:
        """Store `doc` (and its extraction, in the same transaction) unless it is already stored.

        Same id or same content hash: "duplicate", nothing written. SimHash within
        NEAR_DUPLICATE_DISTANCE bits of a stored document: stored with `duplicate_of` set
        ("near_duplicate", not a new story). Otherwise "new".
        """
        digest = doc.content_hash or content_hash(doc.text)
        id_length = DocumentRow.__table__.c.id.type.length
        if len(doc.id) > id_length:   # refused alike by every database (PostgreSQL enforces the length)
            raise StoreError(f"document id {doc.id[:40]!r}... is longer than {id_length} characters",
                             code=Code.ID_TOO_LONG)
        try:
            with self._write(f"store document {doc.id}") as conn:
                existing = self._existing(conn, doc)
                if existing is not None:
                    return AddResult("duplicate", existing, existing)
                fp = doc.fingerprint
                near = self._near_duplicate_of(conn, fp) if fp is not None else None
                duplicate_of = doc.duplicate_of or near
                b = bands(fp) if fp is not None else (None, None, None, None)
                conn.execute(_INSERT_DOCUMENT, dict(
                    id=doc.id, title=doc.title, published=doc.published, source=rows.fit(doc.source, _DOCS.c.source),
                    url=doc.url, language=doc.language, author=doc.author, origin=doc.origin, format=doc.format,
                    text=doc.text,
                    content_hash=digest, fingerprint=None if fp is None else to_signed(fp), band0=b[0],
                    band1=b[1], band2=b[2], band3=b[3], duplicate_of=duplicate_of, ingested_at=_now(),
                    extracted=False))
                if extraction is not None:
                    self._write_extraction(conn, doc.id, extraction)
        except StoreError as exc:
            if isinstance(exc.__cause__, IntegrityError):  # another writer stored it meanwhile
                existing = self.find_existing(doc)
                if existing is not None:
                    return AddResult("duplicate", existing, existing)
            raise
        if duplicate_of is not None:
            return AddResult("near_duplicate", doc.id, duplicate_of)
        return AddResult("new", doc.id)

    def get_document(self, document_id: str) -> Document:
        with self._read("read a document") as session:
            row = session.scalar(select(DocumentRow).where(DocumentRow.id == document_id))
            if row is None:
                raise NotFoundError(f"no document with id {document_id!r}")
            return rows.document_record(row)

    def list_documents(self, *, limit: int | None = 50, offset: int = 0, since: dt.date | None = None,
                       until: dt.date | None = None, source: str | None = None,
                       include_duplicates: bool = True) -> list[Document]:
        """Documents, most recently ingested first."""
        query = select(DocumentRow).order_by(DocumentRow.pk.desc()).offset(offset).limit(limit)
        if since is not None:
            query = query.where(DocumentRow.published >= since)
        if until is not None:
            query = query.where(DocumentRow.published <= until)
        if source is not None:
            query = query.where(func.lower(DocumentRow.source) == source.lower())
        if not include_duplicates:
            query = query.where(DocumentRow.duplicate_of.is_(None))
        with self._read("list documents") as session:
            return [rows.document_record(r) for r in session.scalars(query)]

    def search_documents(self, query: str | Sequence[str], limit: int = 20) -> list[Document]:
        """Full-text search (see fts.py): every word must occur; best matches first. A list of
        queries finds the documents that match any of them (the spellings of one name)."""
        forms = [query] if isinstance(query, str) else list(query)
        with self._read("search documents") as session:
            pks = fts.search_document_pks(session.connection(), forms, limit)
            if not pks:
                return []
            found = {r.pk: r for r in session.scalars(select(DocumentRow).where(DocumentRow.pk.in_(pks)))}
            return [rows.document_record(found[pk]) for pk in pks if pk in found]

    def count_documents(self, *, include_duplicates: bool = True) -> int:
        query = select(func.count()).select_from(DocumentRow)
        if not include_duplicates:
            query = query.where(DocumentRow.duplicate_of.is_(None))
        with self._read("count documents") as session:
            return int(session.scalar(query) or 0)

    # --- extractions --------------------------------------------------------------------------
    def save_extraction(self, extraction: Extraction) -> None:
        """Replace what is stored as extracted from `extraction.document` (idempotent). Writers of
        the same document's extraction take turns (its row is locked first), so each replaces the
        other's whole: the last one is stored, never a mixture or a unique-key failure."""
        doc_id = extraction.document.id
        with self._write(f"store the extraction of {doc_id}") as conn:
            if conn.execute(_LOCK_DOCUMENT, {"id": doc_id}).scalar() is None:
                raise NotFoundError(f"no document with id {doc_id!r}: store the document before its extraction")
            self._write_extraction(conn, doc_id, extraction)

    @staticmethod
    def _write_extraction(conn: Connection, doc_id: str, ex: Extraction) -> None:
        for statement in _DELETE_EXTRACTED:
            conn.execute(statement, {"document_id": doc_id})
        actor_rows, actor_mentions = rows.actor_rows(doc_id, ex.actors)
        person_rows, person_mentions = rows.person_rows(doc_id, ex.people)
        mentions = actor_mentions + person_mentions
        mentions += [rows.place_mention(doc_id, i, p) for i, p in enumerate(ex.places)]
        mentions += [rows.date_mention(doc_id, i, d) for i, d in enumerate(ex.dates)]
        mentions += [rows.quantity_mention(doc_id, i, q) for i, q in enumerate(ex.quantities)]
        for table, values in ((ActorRow, actor_rows), (PersonRow, person_rows), (MentionRow, mentions),
                              (RelationRow, [rows.relation_row(doc_id, i, r) for i, r in enumerate(ex.relations)])):
            if values:
                conn.execute(insert(table.__table__), values)
        if ex.events:
            pks = conn.execute(insert(EventRow.__table__).returning(EventRow.__table__.c.pk,
                                                                       sort_by_parameter_order=True),
                                  [rows.event_row(doc_id, i, e) for i, e in enumerate(ex.events)]).scalars().all()
            links = [link for pk, ev in zip(pks, ex.events) for link in rows.event_actor_rows(doc_id, pk, ev)]
            if links:
                conn.execute(insert(EventActorRow.__table__), links)
        if ex.statements:
            pks = conn.execute(insert(StatementRow.__table__).returning(StatementRow.__table__.c.pk,
                                                                           sort_by_parameter_order=True),
                                  [rows.statement_row(doc_id, i, s) for i, s in enumerate(ex.statements)]
                                  ).scalars().all()
            points = [rows.point_row(doc_id, pk, j, p) for pk, st in zip(pks, ex.statements)
                      for j, p in enumerate(st.points)]
            if points:
                conn.execute(insert(PointRow.__table__), points)
        review.reapply(conn, doc_id)   # analysts' corrections win over the new machine coding too
        if ex.events:
            _link_incidents(conn, doc_id)
        conn.execute(_MARK_EXTRACTED, {"document_id": doc_id})

    def relink_incidents(self, *, progress: Callable[[str], None] | None = None) -> int:
        """Link every stored event to its incident again (incidents.py), document by document in
        the order they were published: after an upgrade from a store made before incidents were
        linked, or after analysts' corrections changed events. Returns the number of incidents.
        Each document is its own transaction: an interrupted run leaves a store to run it on again."""
        with self._write("unlink incidents") as conn:
            conn.execute(update(_EVENTS).values(incident=None))
            order = conn.execute(select(_DOCS.c.id).where(_DOCS.c.id.in_(select(_EVENTS.c.document_id)))
                                 .order_by(_DOCS.c.published.asc().nulls_first(), _DOCS.c.pk)).scalars().all()
        for doc_id in order:
            with self._write(f"link the incidents of {doc_id}") as conn:
                _link_incidents(conn, doc_id)
            if progress is not None:
                progress(doc_id)
        return self.count_incidents(include_duplicates=True)

    def get_extraction(self, document_id: str, *, include_rejected: bool = False) -> Extraction:
        """The stored extraction of a document, rebuilt as records (empty lists when the
        document was stored without extraction), with analysts' corrections; events and points
        an analyst rejected are left out unless `include_rejected`."""
        with self._read("read an extraction") as session:
            doc_row = session.scalar(select(DocumentRow).where(DocumentRow.id == document_id))
            if doc_row is None:
                raise NotFoundError(f"no document with id {document_id!r}")

            def of(table: Any) -> list[Any]:
                return list(session.scalars(select(table).where(table.document_id == document_id)
                                            .order_by(table.ord)))

            spans: dict[tuple[str, str | None], list[Any]] = defaultdict(list)
            by_kind: dict[str, list[MentionRow]] = defaultdict(list)
            for m in of(MentionRow):
                by_kind[m.kind].append(m)
                spans[(m.kind, m.entity_id)].append(Span(m.start, m.end, m.text))
            points: dict[int, list[PointRow]] = defaultdict(list)
            for p in of(PointRow):
                if include_rejected or p.review != "rejected":
                    points[p.statement_pk].append(p)
            return Extraction(
                document=rows.document_record(doc_row),
                actors=[rows.actor_record(a, spans[("actor", a.actor_id)]) for a in of(ActorRow)],
                people=[rows.person_record(p, spans[("person", p.person_id)]) for p in of(PersonRow)],
                relations=[rows.relation_record(r) for r in of(RelationRow)],
                events=[rows.event_record(e) for e in of(EventRow) if include_rejected or e.review != "rejected"],
                statements=[rows.statement_record(s, points[s.pk]) for s in of(StatementRow)],
                places=[rows.place_record(m) for m in by_kind["place"]],
                dates=[rows.date_record(m) for m in by_kind["date"]],
                quantities=[rows.quantity_record(m) for m in by_kind["quantity"]],
            )

    # --- events and actors ----------------------------------------------------------------------
    def actor_ids_for(self, actor: str) -> list[str]:
        """Actor ids that `actor` names: the id itself, or an actor stored under that name or
        ACLED name (case-insensitive)."""
        needle = actor.lower()
        with self._read("look up an actor") as session:
            found = session.scalars(select(ActorRow.actor_id).distinct().where(or_(
                func.lower(ActorRow.name) == needle, func.lower(ActorRow.acled_name) == needle))).all()
        return sorted({actor, *found})

    @memoised
    def event_values(self, column: EventColumn) -> list[str]:
        """The distinct values stored events hold in `column` (for checking filters)."""
        field = getattr(EventRow, column)
        with self._read(f"list event {column} values") as session:
            return sorted(v for v in session.scalars(select(field).distinct()) if v)

    def list_events(self, flt: EventFilter | None = None, /, *, limit: int | None = None, offset: int = 0,
                    **filters: Any) -> list[StoredEvent]:
        """Stored events, most recent first (`offset` of them skipped), narrowed by an
        `EventFilter` or its fields as keywords (`actor`, `event_type`, `country`, `since`, ...:
        see `event_queries.EventFilter`). Events of near-duplicate documents are left out unless
        `include_duplicates`."""
        flt = self._filter(flt, filters)
        columns = select(EventRow.__table__, DocumentRow.source, DocumentRow.url, DocumentRow.published,
                         DocumentRow.title).join(DocumentRow, DocumentRow.id == EventRow.document_id)
        with self._read("list events") as session:
            if limit is None or offset + limit > SPLIT_LIST_ROWS:
                # table columns, not ORM objects: plain rows are several times cheaper to read
                query = self._narrowed(columns.order_by(WHEN.desc().nulls_last(), EventRow.pk.desc())
                                       .offset(offset).limit(limit), flt)
                found = list(session.execute(query))
            else:
                found = self._first_events(session, columns, flt, offset + limit)[offset:]
            # a Row's attributes cost about 1 µs each to read (40 per event); a namespace reads at dict speed
            plain = [SimpleNamespace(**row._asdict()) for row in found]
            return [StoredEvent(event=rows.event_record(row), document_id=row.document_id, source=row.source,
                                url=row.url, published=row.published, title=row.title,
                                incident=row.incident if row.incident is not None else row.pk)
                    for row in plain]

    def _first_events(self, session: Session, columns: Any, flt: EventFilter, n: int) -> list[Any]:
        """The first `n` matching events in `list_events`' order (the event's date, else its
        document's publication date, newest first, then newest stored), as two queries merged:
        dated events walk the event-date index newest first and stop after `n`; undated events
        (few) are sorted by their documents' dates. One query ordered by `coalesce(event date,
        publication date)` can use no index, so it sorted every matching event to show 50: at
        5,000 events 13 ms against 2 ms."""
        dated = self._narrowed(columns.where(EventRow.event_date.is_not(None))
                               .order_by(EventRow.event_date.desc(), EventRow.pk.desc()).limit(n), flt)
        # told by the month only ("in April"): placed at the month's first day, as `WHEN` places them
        monthly = self._narrowed(columns.where(EventRow.event_date.is_(None), EventRow.event_month.is_not(None))
                                 .order_by(EventRow.event_month.desc(), EventRow.pk.desc()).limit(n), flt)
        undated = self._narrowed(columns.where(EventRow.event_date.is_(None), EventRow.event_month.is_(None))
                                 .order_by(DocumentRow.published.desc().nulls_last(), EventRow.pk.desc()).limit(n), flt)
        merged = [*session.execute(dated), *session.execute(monthly), *session.execute(undated)]

        def when(row: Any) -> dt.date | None:
            return row.event_date or row.event_month or row.published
        # newest first; no date at all goes last; ties newest stored first
        merged.sort(key=lambda row: (when(row) or dt.date.min, when(row) is not None, row.pk), reverse=True)
        return merged[:n]

    @memoised
    def count_events(self, flt: EventFilter | None = None, /, **filters: Any) -> int:
        """How many stored events `list_events` would list with the same filters and no limit."""
        query = self._narrowed(select(func.count()).select_from(EVENTS_WITH_DOCUMENTS), self._filter(flt, filters))
        with self._read("count events") as session:
            return int(session.execute(query).scalar_one())

    @memoised
    def count_incidents(self, flt: EventFilter | None = None, /, **filters: Any) -> int:
        """How many incidents the matching events tell (reports of one incident count once)."""
        query = self._narrowed(incidents_query(), self._filter(flt, filters))
        with self._read("count incidents") as session:
            return int(session.execute(query).scalar_one())

    @staticmethod
    def _filter(flt: EventFilter | None, filters: dict[str, Any]) -> EventFilter:
        unknown = set(filters) - set(FILTER_FIELDS)
        if unknown:
            raise TypeError(f"unknown event filter(s): {', '.join(sorted(unknown))}")
        base = flt or EventFilter()
        return base.replace(**{k: tuple(v) if isinstance(v, list) else v for k, v in filters.items()
                               if v is not None}) if filters else base

    def _narrowed(self, query: Any, flt: EventFilter) -> Any:
        actor_ids = None
        if flt.actor is not None:
            actor_ids = self.actor_ids_for(flt.actor) if isinstance(flt.actor, str) else list(flt.actor)
        return narrowed(query, flt, actor_ids=actor_ids)

    # --- aggregates over events (the map, the timeline, the dashboard, the network) ------------
    @memoised
    def event_places(self, flt: EventFilter | None = None, /, **filters: Any) -> list[PlaceCount]:
        """The matching located incidents grouped by point, with counts by type, most first."""
        with self._read("count events by place") as session:
            return places_of(session.execute(places_totals(self._narrowed(places_query(),
                                                                          self._filter(flt, filters)))).all())

    @memoised
    def event_days(self, flt: EventFilter | None = None, /, **filters: Any) -> list[DayCount]:
        """The matching incidents counted by day (event date, else publication) and type."""
        with self._read("count events by day") as session:
            return days_of(session.execute(days_totals(self._narrowed(days_query(), self._filter(flt, filters)))).all())

    @memoised
    def event_counts(self, column: EventColumn, flt: EventFilter | None = None, /,
                     **filters: Any) -> list[tuple[str, int]]:
        """The matching incidents counted by the values of `column`, most first."""
        with self._read(f"count events by {column}") as session:
            return [(v, int(n)) for v, n in session.execute(self._narrowed(column_query(column),
                                                                           self._filter(flt, filters)))]

    @memoised
    def actor_event_counts(self, flt: EventFilter | None = None, /, *, limit: int | None = None,
                           **filters: Any) -> list[tuple[str, int]]:
        """Actor ids with how many matching incidents involve them (any role), most first."""
        query = self._narrowed(actors_query(), self._filter(flt, filters)).limit(limit)
        with self._read("count events by actor") as session:
            return [(a, int(n)) for a, n in session.execute(query)]

    @memoised
    def actor_pairs(self, flt: EventFilter | None = None, /, **filters: Any) -> list[tuple[str, str, int, int]]:
        """Who fought whom in the matching incidents: (actor1, actor2, incidents, fatalities)."""
        with self._read("count opposing actors") as session:
            return [(a, b, int(n), int(d or 0)) for a, b, n, d in
                    session.execute(pairs_totals(self._narrowed(pairs_query(), self._filter(flt, filters))))]

    def list_statements(self, *, actor: Sequence[str] | None = None, since: dt.date | None = None,
                        until: dt.date | None = None, limit: int | None = 50, offset: int = 0,
                        include_duplicates: bool = False) -> list[StoredStatement]:
        """Stored statements with their points, most recent first (statement date, else the
        document's publication date); `actor`: only those issued by these actor ids."""
        when = func.coalesce(StatementRow.date, DocumentRow.published)
        query = (select(StatementRow, DocumentRow.published, DocumentRow.title, DocumentRow.source)
                 .join(DocumentRow, DocumentRow.id == StatementRow.document_id)
                 .order_by(when.desc().nulls_last(), StatementRow.pk.desc()).offset(offset).limit(limit))
        if actor is not None:
            query = query.where(StatementRow.actor.in_(list(actor)))
        if since is not None:
            query = query.where(when >= since)
        if until is not None:
            query = query.where(when <= until)
        if not include_duplicates:
            query = query.where(DocumentRow.duplicate_of.is_(None))
        with self._read("list statements") as session:
            found = session.execute(query).all()
            points: dict[int, list[PointRow]] = defaultdict(list)
            if found:
                for p in session.scalars(select(PointRow).where(PointRow.statement_pk.in_([r[0].pk for r in found]),
                                                                or_(PointRow.review.is_(None),
                                                                    PointRow.review != "rejected"))
                                         .order_by(PointRow.statement_pk, PointRow.ord)):
                    points[p.statement_pk].append(p)
            return [StoredStatement(statement=rows.statement_record(st, points[st.pk]), document_id=st.document_id,
                                    published=published, title=title, source=source)
                    for st, published, title, source in found]

    def events_involving(self, actor_id: str, *, since: dt.date | None = None, until: dt.date | None = None,
                         limit: int | None = None) -> list[StoredEvent]:
        """Recent events in which `actor_id` takes part in any role (for briefs)."""
        return self.list_events(actor=actor_id, since=since, until=until, limit=limit)

    @memoised
    def actor_directory(self, actor_ids: list[str] | None = None) -> dict[str, Actor]:
        """The most recently stored attributes (name, ACLED name, type, ...) of each actor."""
        latest = (select(ActorRow.actor_id.label("actor_id"), func.max(DocumentRow.pk).label("document_pk"))
                  .join(DocumentRow, DocumentRow.id == ActorRow.document_id).group_by(ActorRow.actor_id))
        if actor_ids is not None:
            latest = latest.where(ActorRow.actor_id.in_(actor_ids))
        last = latest.subquery()
        query = (select(ActorRow).join(DocumentRow, DocumentRow.id == ActorRow.document_id)
                 .join(last, (last.c.actor_id == ActorRow.actor_id) & (last.c.document_pk == DocumentRow.pk)))
        with self._read("read actors") as session:
            return {row.actor_id: rows.actor_record(row, []) for row in session.scalars(query)}

    # --- review -------------------------------------------------------------------------------
    def review_event(self, document_id: str, event_id: str, *, action: str, reviewer: str,
                     changes: dict[str, Any] | None = None, note: str = "") -> review.Correction:
        """Accept, correct (`changes`: field -> the analyst's value) or reject a stored event; the
        event's row takes the analyst's values and the audit trail records both (see review.py)."""
        with self._write(f"review event {event_id}") as conn:
            done = review.review_event(conn, document_id, event_id, action=action, changes=changes or {},
                                       reviewer=reviewer, note=note, at=_now())
        assert done is not None
        return done

    def review_point(self, document_id: str, statement_id: str, number: int, *, action: str, reviewer: str,
                     labels: list[str] | None = None, note: str = "") -> review.Correction:
        """Accept, correct (`labels`) or reject point `number` (from 0) of a stored statement."""
        with self._write(f"review statement {statement_id}") as conn:
            done = review.review_point(conn, document_id, statement_id, number, action=action, labels=labels,
                                       reviewer=reviewer, note=note, at=_now())
        assert done is not None
        return done

    def list_corrections(self, *, document_id: str | None = None, since: dt.datetime | None = None,
                         limit: int | None = None, newest_first: bool = False) -> list[review.Correction]:
        """The review audit trail (oldest first, or newest first)."""
        order = CorrectionRow.id.desc() if newest_first else CorrectionRow.id
        query = select(CorrectionRow).order_by(order).limit(limit)
        if document_id is not None:
            query = query.where(CorrectionRow.document_id == document_id)
        if since is not None:
            query = query.where(CorrectionRow.at >= since)
        with self._read("list corrections") as session:
            return [review.correction_record(r) for r in session.scalars(query)]

    # --- watched sources (conflictdesk watch; see watch_state.py) -------------------------------
    def register_watch_sources(self, sources: Sequence[tuple[str, str | None]], *,
                               now: dt.datetime | None = None) -> None:
        """Add the (url, name) sources not watched yet (due at once); stored ones keep their state."""
        with self._write("register watched sources") as conn:
            watch_state.register(conn, sources, now=now or _now())

    def claim_watch_source(self, url: str, *, now: dt.datetime, lease_until: dt.datetime) -> bool:
        """Take a due source for one poll (False: not due, or another watcher has it)."""
        with self._write(f"claim watched source {url}") as conn:
            return watch_state.claim(conn, url, now=now, lease_until=lease_until)

    def watch_states(self, urls: Sequence[str] | None = None) -> list[watch_state.WatchState]:
        with self._guard("read watched sources"), self.engine.connect() as conn:
            return watch_state.states(conn, urls)

    def record_watch_success(self, url: str, *, now: dt.datetime, next_poll: dt.datetime, etag: str | None,
                             last_modified: str | None, new_documents: int) -> None:
        with self._write(f"record a poll of {url}") as conn:
            watch_state.record_success(conn, url, now=now, next_poll=next_poll, etag=etag,
                                       last_modified=last_modified, new_documents=new_documents)

    def record_watch_failure(self, url: str, *, now: dt.datetime, next_poll: dt.datetime, code: str,
                             message: str) -> None:
        with self._write(f"record a failed poll of {url}") as conn:
            watch_state.record_failure(conn, url, now=now, next_poll=next_poll, code=code,
                                       message=clip(message, ERROR_MESSAGE_CHARS))

    def seen_watch_items(self, url: str, keys: Sequence[str]) -> set[str]:
        """Which of these feed entry keys were read from the source before."""
        with self._guard("read watched entries"), self.engine.connect() as conn:
            return watch_state.seen(conn, url, keys)

    def mark_watch_items(self, url: str, keys: Sequence[str], *, now: dt.datetime | None = None) -> None:
        """Remember these feed entry keys as read from the source (idempotent)."""
        with self._write(f"record the entries read from {url}") as conn:
            watch_state.mark_seen(conn, url, keys, now=now or _now())

    # --- errors -------------------------------------------------------------------------------
    def record_error(self, failure: Failure) -> int:
        """Store a failure. Its origin and message are cut to ERROR_ORIGIN_CHARS and
        ERROR_MESSAGE_CHARS, saying so (a 100 KB URL is not stored whole); a document id longer
        than any stored document's is left out."""
        id_length = ErrorRow.__table__.c.document_id.type.length
        document_id = failure.document_id if failure.document_id and len(failure.document_id) <= id_length else None
        with self._write("record an error") as conn:
            result = conn.execute(insert(ErrorRow.__table__).values(
                origin=clip(failure.origin, ERROR_ORIGIN_CHARS), document_id=document_id,
                stage=clip(failure.stage, ErrorRow.__table__.c.stage.type.length),
                code=clip(failure.code, ErrorRow.__table__.c.code.type.length),
                message=clip(failure.message, ERROR_MESSAGE_CHARS), at=_now()))
            return int(result.inserted_primary_key[0])

    def list_errors(self, *, limit: int | None = None, stage: str | None = None) -> list[StoredError]:
        query = select(ErrorRow).order_by(ErrorRow.id.desc()).limit(limit)
        if stage is not None:
            query = query.where(ErrorRow.stage == stage)
        with self._read("list errors") as session:
            return [StoredError(id=r.id, at=r.at, origin=r.origin, stage=r.stage, code=r.code, message=r.message,
                                document_id=r.document_id) for r in session.scalars(query)]

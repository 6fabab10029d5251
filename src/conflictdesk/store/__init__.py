"""The database: schema, migrations, queries. SQLite by default, PostgreSQL a URL away.

    from conflictdesk.store import Store
    with Store(settings.db_url) as store:
        store.add_document(doc, extraction)
        store.list_events(actor="kataib-hezbollah")

`ingest_batch` (loader.py) runs a stream of read documents through extraction into the store.
Only `fts.py` holds dialect-specific SQL.
"""
from __future__ import annotations

from .database import AddResult, Store, StoredError, bands, content_hash, hamming
from .event_queries import DayCount, EventFilter, PlaceCount
from .loader import IngestSummary, Outcome, ingest_batch
from .watch_state import WatchState

__all__ = ["AddResult", "DayCount", "EventFilter", "PlaceCount", "IngestSummary", "Outcome", "Store", "StoredError", "bands", "content_hash", "hamming",
           "WatchState", "ingest_batch"]

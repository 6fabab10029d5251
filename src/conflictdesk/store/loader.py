"""Loading a stream of read documents into the store, with extraction, batch by batch.

    summary = ingest_batch(read_sources(paths), store, extractor=extract, on_outcome=show)

Each document is stored in its own transaction together with its extraction, so an
interruption leaves every earlier document stored; running the same batch again skips them
quickly (by id or content hash, before any extraction) and resumes; a stored document that
has no extraction yet (stored with --no-extract) is extracted when an extractor is given.
Every failure (reading,
extraction, storing) is recorded in the `errors` table and reported through `on_outcome`.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from ..errors import StoreError
from ..records import Document, Extraction, Failure
from .database import Store, content_hash

# Extracts from a batch of documents: one Extraction or Failure per document, in order.
Extractor = Callable[[list[Document]], Iterable[Extraction | Failure]]
OutcomeKind = Literal["new", "near_duplicate", "duplicate", "failure"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input: a document stored, skipped, or a failure (recorded)."""

    kind: OutcomeKind
    document_id: str | None = None
    duplicate_of: str | None = None
    failure: Failure | None = None
    events: int = 0


@dataclass(slots=True)
class IngestSummary:
    read: int = 0              # documents read (stored or not)
    ingested: int = 0          # new stories stored
    duplicates: int = 0        # already stored (same id or content): nothing written
    near_duplicates: int = 0   # stored, linked to the original with duplicate_of
    failed: int = 0            # failures recorded in the errors table
    extracted: int = 0         # documents stored with their extraction
    events: int = 0            # events extracted from the stored documents
    stopped: bool = False      # stopped at the first failure (stop_on_failure)
    failures: list[Failure] = field(default_factory=list)

    def count(self, outcome: Outcome) -> None:
        if outcome.kind == "failure":
            self.failed += 1
            if outcome.failure is not None:
                self.failures.append(outcome.failure)
            return
        if outcome.kind == "new":
            self.ingested += 1
        elif outcome.kind == "near_duplicate":
            self.near_duplicates += 1
        else:
            self.duplicates += 1
        self.events += outcome.events


class _Run:
    def __init__(self, store: Store, extractor: Extractor | None, on_outcome: Callable[[Outcome], None] | None,
                 stop_on_failure: bool) -> None:
        self.store = store
        self.extractor = extractor
        self.on_outcome = on_outcome
        self.stop_on_failure = stop_on_failure
        self.summary = IngestSummary()

    def report(self, outcome: Outcome) -> None:
        self.summary.count(outcome)
        if self.on_outcome is not None:
            self.on_outcome(outcome)

    def fail(self, failure: Failure) -> None:
        self.store.record_error(failure)
        self.report(Outcome("failure", document_id=failure.document_id, failure=failure))
        if self.stop_on_failure:
            self.summary.stopped = True

    def flush(self, batch: list[Document], stored: set[str]) -> None:
        """Extract from a batch and store each document with its extraction (for ids in
        `stored`, already stored without one, only the extraction is saved)."""
        if not batch:
            return
        # each document is stored as soon as its extraction arrives (progress moves per document)
        results: Iterator[Extraction | Failure | None] = (
            iter(self.extractor(batch)) if self.extractor is not None else itertools.repeat(None))
        try:
            done = self._store_each(batch, stored, results)
            if self.extractor is not None and not self.summary.stopped:
                done += sum(1 for _ in results)   # results beyond the batch: counted, then refused below
        finally:
            close = getattr(results, "close", None)
            if close is not None:
                close()
        if self.extractor is not None and not self.summary.stopped and done != len(batch):
            raise RuntimeError(f"the extractor returned {done} results for {len(batch)} documents")

    def _store_each(self, batch: list[Document], stored: set[str],
                    results: Iterator[Extraction | Failure | None]) -> int:
        """Store the documents of `batch` with their results, in step; how many were taken."""
        done = 0
        for doc, result in zip(batch, results):
            done += 1
            extraction = result if isinstance(result, Extraction) else None
            if doc.id in stored:
                self.extract_stored(doc, result)
                if self.summary.stopped:
                    return done
                continue
            try:
                added = self.store.add_document(doc, extraction)
            except StoreError as exc:
                self.fail(Failure(origin=doc.origin or doc.id, stage="store", code=exc.code, message=exc.message,
                                  document_id=doc.id))
                if self.summary.stopped:
                    return done
                continue
            if added.status == "duplicate":
                self.report(Outcome("duplicate", document_id=added.id, duplicate_of=added.duplicate_of))
                continue
            if extraction is not None:
                self.summary.extracted += 1
            self.report(Outcome(added.status, document_id=added.id, duplicate_of=added.duplicate_of,
                                events=len(extraction.events) if extraction else 0))
            if isinstance(result, Failure):  # stored without extraction; the failure is recorded
                self.fail(result)
                if self.summary.stopped:
                    return done
        return done

    def extract_stored(self, doc: Document, result: Extraction | Failure | None) -> None:
        if isinstance(result, Extraction):
            try:
                self.store.save_extraction(result)
            except StoreError as exc:
                self.fail(Failure(origin=doc.origin or doc.id, stage="store", code=exc.code, message=exc.message,
                                  document_id=doc.id))
                return
            self.summary.extracted += 1
        self.report(Outcome("duplicate", document_id=doc.id, duplicate_of=doc.id,
                            events=len(result.events) if isinstance(result, Extraction) else 0))
        if isinstance(result, Failure):
            self.fail(result)


def ingest_batch(items: Iterable[Document | Failure], store: Store, *, extractor: Extractor | None = None,
                 batch_size: int = 64, stop_on_failure: bool = False,
                 on_outcome: Callable[[Outcome], None] | None = None) -> IngestSummary:
    """Store every document of `items` (with its extraction when an extractor is given) and
    record every Failure. Documents already stored are skipped before extraction. After a run
    that stored documents, the query planner's statistics are refreshed (`Store.optimize`)."""
    summary = _ingest(items, store, extractor=extractor, batch_size=batch_size, stop_on_failure=stop_on_failure,
                      on_outcome=on_outcome)
    if summary.ingested or summary.near_duplicates:
        store.optimize()
    return summary


def _ingest(items: Iterable[Document | Failure], store: Store, *, extractor: Extractor | None, batch_size: int,
            stop_on_failure: bool, on_outcome: Callable[[Outcome], None] | None) -> IngestSummary:
    run = _Run(store, extractor, on_outcome, stop_on_failure)
    batch: list[Document] = []
    pending: set[str] = set()  # ids and content hashes in the batch, to skip repeats within it
    stored: set[str] = set()   # ids in the batch already stored without an extraction
    for item in items:
        if isinstance(item, Failure):
            if stop_on_failure:  # store what was read before it, then stop
                run.flush(batch, stored)
                batch, pending, stored = [], set(), set()
                if not run.summary.stopped:
                    run.fail(item)
                return run.summary
            run.fail(item)
            continue
        run.summary.read += 1
        digest = item.content_hash or content_hash(item.text)
        if item.id in pending or digest in pending:
            run.report(Outcome("duplicate", document_id=item.id))
            continue
        existing = store.find_existing(item)
        if existing is not None:
            if extractor is None or existing != item.id or store.is_extracted(existing):
                run.report(Outcome("duplicate", document_id=existing, duplicate_of=existing))
                continue
            stored.add(existing)  # stored earlier without extraction: extract it now
        batch.append(item)
        pending.update((item.id, digest))
        if len(batch) >= batch_size:
            run.flush(batch, stored)
            batch, pending, stored = [], set(), set()
            if run.summary.stopped:
                return run.summary
    run.flush(batch, stored)
    return run.summary

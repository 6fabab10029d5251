"""ingest_batch holds an extractor to one result a document, however it streams them."""
from __future__ import annotations

import pytest

from conflictdesk.records import Document, Extraction
from conflictdesk.store import Store, content_hash, ingest_batch


def _docs(n: int) -> list[Document]:
    texts = [f"Report {i}: clashes were reported near the town, officials said." for i in range(n)]
    return [Document(id=f"d{i}", text=t, content_hash=content_hash(t), origin="test") for i, t in enumerate(texts)]


@pytest.mark.parametrize("extra", [-1, 1])
def test_an_extractor_giving_the_wrong_number_of_results_is_refused(tmp_path, extra):
    def extractor(batch: list[Document]):
        yield from (Extraction(document=d) for d in batch[: len(batch) + extra])
        if extra > 0:
            yield Extraction(document=batch[0])

    with Store(f"sqlite:///{tmp_path / 's.sqlite'}") as store:
        with pytest.raises(RuntimeError, match="results for 3 documents"):
            ingest_batch(_docs(3), store, extractor=extractor)


def test_each_document_is_stored_as_its_extraction_arrives(tmp_path):
    seen: list[int] = []
    with Store(f"sqlite:///{tmp_path / 's.sqlite'}") as store:
        def extractor(batch: list[Document]):
            for d in batch:
                seen.append(store.count_documents())   # documents stored before this one is extracted
                yield Extraction(document=d)

        summary = ingest_batch(_docs(3), store, extractor=extractor)
        assert summary.ingested == 3 and seen == [0, 1, 2]


def test_after_a_run_filtered_event_queries_start_from_the_events(tmp_path):
    """Without planner statistics SQLite drove a filtered event count from the documents (every
    row read: 1 s at 50,000 documents); ingest_batch refreshes them (ANALYZE) after a run."""
    from conflictdesk.records import Event, Span

    def extractor(batch: list[Document]):
        for d in batch:
            events = [] if not d.id.endswith("0") else [
                Event(id=f"{d.id}-e1", event_type="Battles", sub_event_type="Armed clash",
                      evidence=Span.of(d.text, 0, 6), country="Nigeria")]
            yield Extraction(document=d, events=events)

    with Store(f"sqlite:///{tmp_path / 's.sqlite'}") as store:
        summary = ingest_batch(_docs(300), store, extractor=extractor)
        assert summary.ingested == 300 and store.count_events(country="Nigeria") == 30
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_stat1").scalar() > 0
            plan = [row[3] for row in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT count(*) FROM events JOIN documents ON documents.id = events.document_id "
                "WHERE lower(events.country) = 'nigeria' AND documents.duplicate_of IS NULL")]
        assert plan[0].startswith("SCAN events"), plan

"""Several processes and writers on one database: creation, migration and writes stay whole,
on SQLite and on PostgreSQL (the server the developers and CI run)."""
from __future__ import annotations

import multiprocessing as mp
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import text

from conflictdesk.records import Document
from conflictdesk.store import Store, content_hash
from conflictdesk.store.migration import current_revision, head_revision


def _open(url: str) -> str:
    """Run in a fresh process: open (create and migrate) the store; what happened."""
    try:
        with Store(url) as store:
            return f"ok {store.count_documents()}"
    except Exception as exc:  # noqa: BLE001 - the test reports what any opener met
        return f"{type(exc).__name__}: {exc}"


def _doc(n: int) -> Document:
    body = f"Report {n}: clashes were reported near the town, officials said. Item {n} of the batch."
    return Document(id=f"doc-{n}", text=body, content_hash=content_hash(body), origin="test")


def test_processes_opening_a_new_database_at_once_all_succeed(new_db_url):
    url = new_db_url("race")
    with mp.get_context("spawn").Pool(4) as pool:
        outcomes = pool.map(_open, [url] * 4)
    assert outcomes == ["ok 0"] * 4
    with Store(url) as store, store.engine.connect() as conn:
        assert current_revision(conn) == head_revision()


def test_concurrent_writers_lose_and_duplicate_nothing(new_db_url):
    url = new_db_url("writers")
    Store(url).close()
    docs = [_doc(n) for n in range(40)]

    def writer(offset: int) -> list[str]:
        # every writer stores every document, each starting at a different place in the batch
        with Store(url) as store:
            order = docs[offset:] + docs[:offset]
            return [store.add_document(d).status for d in order]

    with ThreadPoolExecutor(4) as pool:
        statuses = [s for run in pool.map(writer, (0, 10, 20, 30)) for s in run]
    assert statuses.count("new") == len(docs)
    assert statuses.count("duplicate") == 3 * len(docs)
    with Store(url) as store:
        assert store.count_documents() == len(docs)
        assert {d.id for d in store.list_documents(limit=100)} == {d.id for d in docs}


def test_postgresql_searches_with_a_gin_tsvector_index(postgresql_url):
    with Store(postgresql_url()) as store:
        store.add_document(_doc(1))
        with store.engine.connect() as conn:
            index = conn.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_documents_fts'")).scalar()
            assert index is not None and "USING gin" in index and "to_tsvector" in index
            conn.execute(text("SET enable_seqscan = off"))
            plan = "\n".join(r[0] for r in conn.execute(text(
                "EXPLAIN SELECT pk FROM documents WHERE to_tsvector('english', coalesce(title, '') || ' ' || text)"
                " @@ plainto_tsquery('english', 'clash')")))
            assert "ix_documents_fts" in plan
        assert [d.id for d in store.search_documents("clash")] == ["doc-1"]   # stemmed: clashes

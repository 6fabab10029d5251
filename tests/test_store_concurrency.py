"""Several processes and writers on one database: creation, migration and writes stay whole,
on SQLite and on PostgreSQL (the server the developers and CI run)."""
from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import threading
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import text

from conflictdesk.records import Actor, Document, Event, Extraction, Span
from conflictdesk.store import Store, content_hash, ingest_batch
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
            assert index is not None and "USING gin (search_vector)" in index
            generated = conn.execute(text(
                "SELECT generation_expression FROM information_schema.columns "
                "WHERE table_name = 'documents' AND column_name = 'search_vector'")).scalar()
            assert "to_tsvector" in generated                       # kept by PostgreSQL with each row
            conn.execute(text("SET enable_seqscan = off"))
            plan = "\n".join(r[0] for r in conn.execute(text(
                "EXPLAIN SELECT pk FROM documents WHERE search_vector @@ plainto_tsquery('english', 'clash')")))
            assert "ix_documents_fts" in plan
        assert [d.id for d in store.search_documents("clash")] == ["doc-1"]   # stemmed: clashes


def test_a_postgresql_store_made_before_the_search_column_finds_its_documents(postgresql_url):
    from alembic import command
    from sqlalchemy import create_engine

    from conflictdesk.store.migration import alembic_config

    url = postgresql_url()
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://")
                           else url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0004")
        conn.execute(text("INSERT INTO documents (id, text, content_hash, ingested_at, extracted) "
                          "VALUES ('old-1', 'Clashes erupted near the border.', 'h1', now(), false)"))
    engine.dispose()
    with Store(url) as store:
        assert [d.id for d in store.search_documents("clash")] == ["old-1"]
        store.add_document(_doc(2))
        assert sorted(d.id for d in store.search_documents("clash")) == ["doc-2", "old-1"]


# --- many writers of every kind at once -------------------------------------------------------------
def _coded(docs: list[Document]):
    """An extractor over real store paths: one actor, two events and their evidence per document."""
    for d in docs:
        evidence = Span.of(d.text, 0, 12)
        yield Extraction(document=d,
                         actors=[Actor(id="iraqi-army", name="Iraqi army", type="state_forces", mentions=[evidence])],
                         events=[Event(id=f"{d.id}-e{k}", event_type="Battles", sub_event_type="Armed clash",
                                       evidence=evidence, actor1="iraqi-army") for k in (1, 2)])


def _run_at_once(*jobs) -> None:
    """Run the jobs in threads released together; re-raise the first failure."""
    start = threading.Barrier(len(jobs))

    def go(job):
        start.wait()
        return job()

    with ThreadPoolExecutor(len(jobs)) as pool:
        for future in [pool.submit(go, job) for job in jobs]:
            future.result()


def test_concurrent_extractions_of_the_same_documents_replace_each_other_whole(new_db_url):
    url = new_db_url("extractions")
    docs = [_doc(n) for n in range(16)]
    with Store(url) as store:
        for d in docs:
            store.add_document(d)

    def writer() -> None:
        with Store(url) as store:
            for extraction in _coded(docs):      # every writer the same documents in the same order
                store.save_extraction(extraction)

    _run_at_once(*[writer] * 4)
    with Store(url) as store:
        for d in docs:
            stored = store.get_extraction(d.id)
            assert (len(stored.actors), len(stored.events)) == (1, 2) and store.is_extracted(d.id)
        assert store.count_events() == 2 * len(docs)


def test_watchers_and_ingesters_writing_at_once_lose_and_duplicate_nothing(new_db_url):
    """Two watchers of one feed list and three ingesters, at once: the ingesters fetch the same
    articles the feed links to (same ids, same text) and each stores the same 30 reports of its own,
    in a different order; every story is stored once, with its extraction once."""
    from conflictdesk.ingest import read_sources
    from conflictdesk.watch import FeedList, WatchSource, Watcher
    from feed_server import FeedServer, fetcher_for

    url = new_db_url("mixed")
    Store(url).close()
    own = [_doc(n) for n in range(30)]
    now = dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.timezone.utc)
    with FeedServer() as server:
        server.feed = [1, 2, 3, 4]
        feeds = FeedList(tuple(WatchSource(url=server.base + p, every=900, timeout=10)
                               for p in ("/feed.xml", "/moved.xml", "/page.html")), politeness=0)
        articles = [f"{server.base}/articles/{n}.html" for n in (4, 3, 2, 1)]

        def watcher() -> None:
            with Store(url) as store:
                Watcher(store, feeds, extractor=_coded, fetcher=fetcher_for(server), batch_size=2).poll_due(now)

        def ingester(offset: int):
            def run() -> None:
                fetched = list(read_sources(articles, fetch_urls=True, fetcher=fetcher_for(server)))
                with Store(url) as store:
                    summary = ingest_batch(fetched + own[offset:] + own[:offset], store, extractor=_coded, batch_size=4)
                assert summary.failed == 0, summary.failures
            return run

        _run_at_once(watcher, watcher, ingester(0), ingester(10), ingester(20))
    with Store(url) as store:
        stored = store.list_documents(limit=None)
        assert store.list_errors() == []
        assert len(stored) == len(own) + 4 + 1                       # the reports, four articles, the page
        assert len({d.content_hash for d in stored}) == len(stored)
        assert {d.id for d in own} <= {d.id for d in stored}
        assert all(store.is_extracted(d.id) for d in stored)
        assert store.count_events(include_duplicates=True) == 2 * len(stored)
        [feed_state] = store.watch_states([server.base + "/feed.xml"])
        assert (feed_state.polls, feed_state.failures) == (1, 0)       # polled by one watcher, once

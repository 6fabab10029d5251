"""How cost grows (issue 12): a store of 100,000 documents on SQLite and PostgreSQL, and extraction
throughput in one process, in `--workers 2` and on a Dask LocalCluster of two workers.

    .venv/bin/python bench/bench_scale.py store --db sqlite --db postgresql     # 10k / 50k / 100k
    .venv/bin/python bench/bench_scale.py store --db sqlite --total 20000 --at 5000,20000
    .venv/bin/python bench/bench_scale.py extract --rounds 3            # all 4,374 articles, interleaved
    .venv/bin/python bench/bench_scale.py extract --sample 1500 --seed 12 --rounds 3

store: the documents are the 4,374 news-2016 articles (../shared/data, read, never copied into the
repository) stored again and again with new ids (bench-000001, ...), publication dates moved by a
week per round and a closing line "Benchmark copy N." (so each has its own content hash). Copies
carry no SimHash fingerprint (each would be a near-duplicate of its article, which is not what a
real archive holds), so the near-duplicate lookup is not in the figures. The first `--extracted`
articles are extracted once (`--workers 2`) and each of their copies is stored with that
extraction, event dates moved like the publication date, so events grow with the documents. The
documents go through `Store.add_document` (the exact-duplicate check and the document with its
extraction in one transaction), as `ingest` stores them.
At each checkpoint: the ingest rate since the last one, full-text search latency (`QUERIES`, each
run three times; median and worst), the latency of filtered event queries (`list_events` with
country, type and date; `count_events` with the same; `list_events` by actor), each with the
store's memo emptied first, and the store's size on disk. PostgreSQL: a database made for the run
on CONFLICTDESK_BENCH_PG (default postgresql+psycopg://postgres@127.0.0.1:5432/postgres), dropped after.

extract: the articles (all, the first `--limit`, or a fixed random `--sample`) extracted in one
process, with `--workers 2` and on a Dask LocalCluster of two workers (its start and the workers'
loading of the model are timed apart). With `--rounds R` the articles are cut into R parts and
the three run part by part, in an order that rotates, so that on a shared machine all see the
same swings of load; each part's line gives the load averages before and after it.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA = (REPO / ".." / "shared" / "data" / "news-2016" / "articles.jsonl").resolve()
ADMIN_PG = os.environ.get("CONFLICTDESK_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
QUERIES = ["airstrike", "Boko Haram", "ceasefire talks", "police killed protesters", "Aleppo", "refugees border"]


def read_articles(limit: int | None = None) -> list[Any]:
    from conflictdesk.ingest import read_sources
    from conflictdesk.records import Document

    docs = [d for d in read_sources([str(DATA)]) if isinstance(d, Document)]
    return docs[:limit] if limit else docs


def extract_some(articles: list[Any], n: int, workers: int = 2) -> dict[str, Any]:
    from conflictdesk.config import load_settings
    from conflictdesk.extract import extract_documents
    from conflictdesk.knowledge import load_knowledge_base
    from conflictdesk.nlp import load_pipeline
    from conflictdesk.records import Extraction

    settings = load_settings()
    nlp, kb = load_pipeline(settings.model), load_knowledge_base(settings.kb_dirs)
    started = time.perf_counter()
    done = {x.document.id: x for x in extract_documents(articles[:n], nlp=nlp, kb=kb, workers=workers)
            if isinstance(x, Extraction)}
    print(f"extracted {len(done)} articles for the copies in {time.perf_counter() - started:.0f} s "
          f"({sum(len(x.events) for x in done.values())} events)", flush=True)
    return done


def copies(articles: list[Any], extractions: dict[str, Any]) -> Iterator[tuple[Any, Any]]:
    """(document, extraction or None), endlessly: copy k of article k mod len(articles)."""
    from conflictdesk.records import Document
    from conflictdesk.store import content_hash

    for k in itertools.count(1):
        article = articles[(k - 1) % len(articles)]
        week = dt.timedelta(weeks=(k - 1) // len(articles))
        text = f"{article.text}\n\nBenchmark copy {k}."
        doc = Document(id=f"bench-{k:06d}", text=text, title=article.title,
                       published=article.published + week if article.published else None, source=article.source,
                       language=article.language, origin="bench", format=article.format,
                       content_hash=content_hash(text))
        found = extractions.get(article.id)
        if found is None:
            yield doc, None
            continue
        events = [dataclasses.replace(e, event_date=e.event_date + week if e.event_date else None) for e in found.events]
        yield doc, dataclasses.replace(found, document=doc, events=events)


def timed(call: Callable[[], Any], times: int = 3) -> list[float]:
    out = []
    for _ in range(times):
        started = time.perf_counter()
        call()
        out.append((time.perf_counter() - started) * 1000)
    return out


def store_size(store: Any) -> int:
    from sqlalchemy import text

    with store.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            return int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar())
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        path = Path(store.engine.url.database)
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def measure(store: Any) -> dict[str, float]:
    from conflictdesk.store.memo import Memo

    def fresh(call: Callable[[], Any]) -> Callable[[], Any]:
        def run() -> Any:
            store.memo = Memo()     # every call reads the database, as the first one after a write does
            return call()
        return run

    search = [t for q in QUERIES for t in timed(lambda q=q: store.search_documents(q, limit=20))]
    since = dt.date(2016, 3, 1)
    listing = timed(fresh(lambda: store.list_events(country="Syria", event_type="Battles", since=since, limit=100)))
    counting = timed(fresh(lambda: store.count_events(country="Nigeria", since=since)))
    by_actor = timed(fresh(lambda: store.list_events(actor="boko-haram", limit=100)))
    return {"search_median": statistics.median(search), "search_worst": max(search),
            "events_list": statistics.median(listing), "events_count": statistics.median(counting),
            "events_actor": statistics.median(by_actor), "events": store.count_events(include_duplicates=True),
            "size_mb": store_size(store) / 1e6}


def run_store(backend: str, articles: list[Any], extractions: dict[str, Any], checkpoints: list[int]) -> None:
    from sqlalchemy import create_engine, text

    from conflictdesk.store import Store

    admin = None
    with tempfile.TemporaryDirectory() as tmp:
        if backend == "sqlite":
            url = f"sqlite:///{Path(tmp) / 'bench.sqlite'}"
        else:
            name = f"bench_scale_{os.getpid()}"
            admin = create_engine(ADMIN_PG, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            url = admin.url.set(database=name).render_as_string(hide_password=False)
        try:
            stream = copies(articles, extractions)
            print(f"\n{backend}: stored | ingest docs/s | search ms median (worst) | events list / count / by actor "
                  f"ms | events | size MB", flush=True)
            with Store(url) as store:
                stored = 0
                for mark in checkpoints:
                    started = time.perf_counter()
                    added = 0
                    for doc, extraction in itertools.islice(stream, mark - stored):
                        added += store.add_document(doc, extraction).status != "duplicate"
                    rate = added / (time.perf_counter() - started)
                    store.optimize()     # as `ingest` does after a run (SQLite's planner statistics)
                    stored = store.count_documents()
                    m = measure(store)
                    print(f"{backend}: {stored:,} | {rate:.0f} | {m['search_median']:.1f} ({m['search_worst']:.1f}) | "
                          f"{m['events_list']:.1f} / {m['events_count']:.1f} / {m['events_actor']:.1f} | "
                          f"{m['events']:,} | {m['size_mb']:.0f}", flush=True)
        finally:
            if admin is not None:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()


def loads() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def run_extract(articles: list[Any], rounds: int = 1, configs: tuple[str, ...] = ("1", "2", "dask")) -> None:
    """Each config over the articles; with `rounds` > 1 the articles are cut into that many parts
    and the configs run part by part, in an order that rotates, so that all see the same load."""
    from conflictdesk.config import DEFAULT_MODEL, load_settings
    from conflictdesk.extract import extract_documents
    from conflictdesk.extract.cluster import ClusterExtractor
    from conflictdesk.extract.events.coders import load_event_coder
    from conflictdesk.knowledge import load_knowledge_base
    from conflictdesk.nlp import load_pipeline

    settings = load_settings()
    nlp, kb = load_pipeline(settings.model), load_knowledge_base(settings.kb_dirs)
    labels = {"1": "1 process", "2": "--workers 2", "dask": "Dask LocalCluster, 2 workers"}
    cluster = None
    if "dask" in configs:
        started = time.perf_counter()
        cluster = ClusterExtractor.open("local", workers=2, model=DEFAULT_MODEL, kb_dirs=settings.kb_dirs,
                                        coder=load_event_coder("rules.v1"))
        cluster.client.run(lambda: None)     # the workers are up and have loaded the resources
        print(f"Dask LocalCluster started and loaded in {time.perf_counter() - started:.0f} s (load {loads()})",
              flush=True)

    def run(config: str, part: list[Any]) -> int:
        if config == "dask":
            return sum(1 for _ in cluster(part))
        return sum(1 for _ in extract_documents(part, nlp=nlp, kb=kb, workers=int(config)))

    size = -(-len(articles) // rounds)
    parts = [articles[i:i + size] for i in range(0, len(articles), size)]
    totals = {c: [0, 0.0] for c in configs}
    try:
        for r, part in enumerate(parts):
            order = configs[r % len(configs):] + configs[:r % len(configs)]
            for config in order:
                before = loads()
                started = time.perf_counter()
                done = run(config, part)
                elapsed = time.perf_counter() - started
                totals[config][0] += done
                totals[config][1] += elapsed
                print(f"part {r + 1}/{len(parts)} {labels[config]}: {done} articles in {elapsed:.0f} s, "
                      f"{done / elapsed:.2f} articles/s (load before {before}, after {loads()})", flush=True)
    finally:
        if cluster is not None:
            cluster.close()
    for config, (done, elapsed) in totals.items():
        print(f"total {labels[config]}: {done} articles in {elapsed:.0f} s, {done / elapsed:.2f} articles/s", flush=True)
    if "dask" in totals and "2" in totals:
        print(f"Dask / --workers 2 time: {totals['dask'][1] / totals['2'][1]:.3f}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    store = sub.add_parser("store", help="a store of --total documents, measured at checkpoints")
    store.add_argument("--db", action="append", choices=["sqlite", "postgresql"], help="repeatable (default: both)")
    store.add_argument("--total", type=int, default=100_000)
    store.add_argument("--at", default="10000,50000,100000", help="checkpoints (stored documents), comma-separated")
    store.add_argument("--extracted", type=int, default=300, help="articles extracted once for the copies")
    extract = sub.add_parser("extract", help="extraction throughput: 1 process, --workers 2, Dask LocalCluster")
    extract.add_argument("--limit", type=int, default=None, help="only the first N articles")
    extract.add_argument("--sample", type=int, default=None, help="a fixed random sample of N articles (--seed)")
    extract.add_argument("--seed", type=int, default=12)
    extract.add_argument("--rounds", type=int, default=1, help="interleave the configs over this many parts")
    extract.add_argument("--only", default="1,2,dask", help="configs, comma-separated: 1, 2, dask")
    args = parser.parse_args(argv)
    if not DATA.is_file():
        print(f"no data at {DATA}", file=sys.stderr)
        return 2
    if args.what == "extract":
        articles = read_articles(args.limit)
        if args.sample:
            articles = random.Random(args.seed).sample(articles, args.sample)
        run_extract(articles, rounds=args.rounds, configs=tuple(args.only.split(",")))
        return 0
    checkpoints = sorted(int(x) for x in args.at.split(",") if int(x) <= args.total)
    articles = read_articles()
    extractions = extract_some(articles, args.extracted)
    for backend in args.db or ["sqlite", "postgresql"]:
        run_store(backend, articles, extractions, checkpoints)
    return 0


if __name__ == "__main__":
    sys.exit(main())

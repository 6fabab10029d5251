"""Ingest throughput: read ../shared/data/news-2016/articles.jsonl and store it in a fresh
temporary SQLite database, as `conflictdesk ingest` does (extraction off unless --extract).

    .venv/bin/python bench/bench_ingest.py                 # 4,374 articles, no extraction
    .venv/bin/python bench/bench_ingest.py --extract --limit 300

Prints documents/s, total seconds (reading + storing, and storing alone), the summary counts
and the peak resident memory. Goal: all 4,374 articles in under 30 s without extraction.
"""
from __future__ import annotations

import argparse
import itertools
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = (REPO / ".." / "shared" / "data" / "news-2016" / "articles.jsonl").resolve()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extract", action="store_true", help="also run extraction (spaCy + knowledge base)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--workers", type=int, default=1, help="nlp.pipe processes (with --extract)")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2

    from conflictdesk.config import load_settings
    from conflictdesk.ingest import read_sources
    from conflictdesk.store import Store, ingest_batch

    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(db=f"sqlite:///{Path(tmp) / 'bench.sqlite'}")
        extractor = None
        if args.extract:
            from conflictdesk.cli.ingest import LazyExtractor

            extractor = LazyExtractor(settings, workers=args.workers, batch_size=64)
        started = time.perf_counter()
        store = Store(settings.db_url)
        items = read_sources([str(args.data)])
        if args.limit:
            items = itertools.islice(items, args.limit)
        timer = {"store": 0.0}
        original_add = store.add_document

        def timed_add(doc, extraction=None):  # noqa: ANN001, ANN202 - measures the store's share
            t0 = time.perf_counter()
            try:
                return original_add(doc, extraction)
            finally:
                timer["store"] += time.perf_counter() - t0

        store.add_document = timed_add  # type: ignore[method-assign]
        summary = ingest_batch(items, store, extractor=extractor)
        elapsed = time.perf_counter() - started
        stored = store.count_documents()
        store.close()

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total = summary.read + summary.failed
    print(f"inputs:        {total} ({summary.read} documents read, {summary.failed} failed)")
    print(f"stored:        {stored} (new {summary.ingested}, near-duplicates {summary.near_duplicates}, "
          f"duplicates skipped {summary.duplicates})")
    if extractor is not None:
        print(f"extracted:     {summary.extracted} documents, {summary.events} events")
    print(f"total:         {elapsed:.2f} s  ({summary.read / elapsed:.0f} documents/s)")
    print(f"store share:   {timer['store']:.2f} s  ({summary.read / max(timer['store'], 1e-9):.0f} documents/s)")
    print(f"peak memory:   {peak_mb:.0f} MB (max RSS)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

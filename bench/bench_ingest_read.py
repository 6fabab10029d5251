"""Throughput of `read_sources` on ../shared/data/news-2016/articles.jsonl (4,374 articles).

    .venv/bin/python bench/bench_ingest_read.py [PATH ...]
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from conflictdesk.ingest import read_sources
from conflictdesk.records import Failure

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO / ".." / "shared" / "data" / "news-2016" / "articles.jsonl"


def main(paths: list[str]) -> None:
    paths = paths or [str(DEFAULT.resolve())]
    start, cpu_start = time.perf_counter(), time.process_time()
    docs, failures, languages = 0, Counter(), Counter()
    for item in read_sources(paths):
        if isinstance(item, Failure):
            failures[item.code] += 1
        else:
            docs += 1
            languages[item.language] += 1
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print(f"{docs} documents, {sum(failures.values())} failures {dict(failures)} in {elapsed:.2f} s wall, "
          f"{cpu:.2f} s CPU ({docs / cpu:.0f} docs per CPU second); languages {dict(languages.most_common(6))}")


if __name__ == "__main__":
    main(sys.argv[1:])

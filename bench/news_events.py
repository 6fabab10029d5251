"""Events extracted from news-2016 articles (every Nth): counts per article and a JSONL dump to read.

    .venv/bin/python bench/news_events.py [--every 20] [--limit 200] [--out events.jsonl]

Precision on news is estimated by reading a random sample of the dump; this script only counts.
"""
from __future__ import annotations

import argparse
import collections
import json
import time
from pathlib import Path

from conflictdesk.extract.pipeline import extract_documents
from conflictdesk.ingest import read_sources
from conflictdesk.knowledge import load_knowledge_base
from conflictdesk.nlp import load_pipeline
from conflictdesk.records import Document, Extraction

ARTICLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news-2016" / "articles.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=20)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--out", type=Path, default=Path("news_events.jsonl"))
    args = parser.parse_args()
    docs = [d for d in read_sources([str(ARTICLES)]) if isinstance(d, Document)][::args.every][:args.limit]
    nlp, kb = load_pipeline(), load_knowledge_base()
    started = time.perf_counter()
    n_events, fatalities, types = 0, 0, collections.Counter()
    with args.out.open("w", encoding="utf-8") as fh:
        for item in extract_documents(docs, nlp=nlp, kb=kb):
            if not isinstance(item, Extraction):
                continue
            for ev in item.events:
                n_events += 1
                types[ev.event_type] += 1
                fatalities += ev.fatalities or 0
                fh.write(json.dumps({"doc": item.document.id, "title": item.document.title, "type": ev.event_type,
                                     "sub": ev.sub_event_type, "rule": ev.rule, "status": ev.status,
                                     "salience": ev.salience, "fatalities": ev.fatalities, "actor1": ev.actor1,
                                     "actor2": ev.actor2, "location": ev.location, "notes": ev.notes,
                                     "evidence": ev.evidence.text[:300]}, ensure_ascii=False) + "\n")
    print(f"articles {len(docs)}  events {n_events}  per article {n_events / max(1, len(docs)):.2f}  "
          f"fatalities summed {fatalities}  seconds {time.perf_counter() - started:.0f}")
    print(dict(types))
    print(f"dump: {args.out}")


if __name__ == "__main__":
    main()

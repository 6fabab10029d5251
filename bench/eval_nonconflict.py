#!/usr/bin/env python3
"""Events and statement points on news articles that are not about conflict (should be none).

The articles are the news-2016 rows listed in tests/fixtures/nonconflict/rows.txt, chosen by
reading them: sports, elections, business, tech, science, accidents, courts and crime, many of
them using "attack", "battle", "shot", "fire", "rally", "strike", "war" in their ordinary senses.

    .venv/bin/python bench/eval_nonconflict.py              # counts and the 15 worst articles
    .venv/bin/python bench/eval_nonconflict.py --worst 40
    .venv/bin/python bench/eval_nonconflict.py --rows FILE  # another list of rows, same format
"""
from __future__ import annotations

import argparse
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
NEWS = SHARED / "data" / "news-2016" / "articles.jsonl"
ROWS = REPO / "tests" / "fixtures" / "nonconflict" / "rows.txt"
ROW_LINE = re.compile(r"^\s*(\d+)\s*(?:#.*)?$")


def read_rows(path: Path = ROWS) -> list[int]:
    """Row numbers of a rows file: one a line, then an optional `# comment`; blank lines and
    comment-only lines are skipped. Raises ValueError on any other line."""
    rows: list[int] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = ROW_LINE.match(line)
        if m is None:
            raise ValueError(f"{path}:{number}: expected a row number and an optional # comment: {line!r}")
        rows.append(int(m.group(1)))
    return rows


def news_documents(rows: list[int]) -> list[Any]:
    """Documents of those news-2016 rows (the n-th line as `for line in open(path)` reads it),
    read the way `conflictdesk extract` reads a JSON Lines file; ids are `news2016-<row>`."""
    from conflictdesk.ingest.jsonl import record_document

    wanted = set(rows)
    records: dict[int, dict[str, Any]] = {}
    with NEWS.open(encoding="utf-8") as fh:
        for row, line in enumerate(fh):
            if row in wanted:
                records[row] = json.loads(line)
    docs = []
    for row in rows:
        record = dict(records[row], id=f"news2016-{row}")
        docs.append(record_document(record, origin=f"{NEWS.name}:{row}", fmt="jsonl"))
    return docs


@dataclass
class ArticleNoise:
    row: int
    title: str
    events: list[tuple[str, str]] = field(default_factory=list)       # (event type, evidence sentence)
    points: list[tuple[str, str]] = field(default_factory=list)       # (labels, point text)


def measure(rows: list[int], *, nlp: Any, kb: Any) -> list[ArticleNoise]:
    """What the pipeline extracts from each listed article: its events and statement points."""
    from conflictdesk.extract.pipeline import extract_documents
    from conflictdesk.records import Extraction

    out = []
    for row, item in zip(rows, extract_documents(news_documents(rows), nlp=nlp, kb=kb)):
        if not isinstance(item, Extraction):
            raise RuntimeError(f"row {row}: [{item.code}] {item.message}")
        noise = ArticleNoise(row=row, title=item.document.title or "")
        noise.events = [(f"{ev.event_type} / {ev.sub_event_type}", ev.evidence.text if ev.evidence else "")
                        for ev in item.events]
        noise.points = [(",".join(p.labels), p.text) for st in item.statements for p in st.points]
        out.append(noise)
    return out


def summary(results: list[ArticleNoise]) -> dict[str, float]:
    n = max(1, len(results))
    return {"articles": len(results),
            "events_per_article": sum(len(r.events) for r in results) / n,
            "points_per_article": sum(len(r.points) for r in results) / n,
            "articles_with_events": sum(bool(r.events) for r in results) / n}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=Path, default=ROWS)
    ap.add_argument("--worst", type=int, default=15, help="articles to show, most events and points first")
    args = ap.parse_args()

    from conflictdesk.knowledge import load_knowledge_base
    from conflictdesk.nlp import load_pipeline

    rows = read_rows(args.rows)
    started = time.perf_counter()
    results = measure(rows, nlp=load_pipeline(), kb=load_knowledge_base())
    s = summary(results)
    print(f"{s['articles']} non-conflict articles in {time.perf_counter() - started:.0f} s: "
          f"{s['events_per_article']:.3f} events and {s['points_per_article']:.3f} statement points per article; "
          f"{s['articles_with_events']:.3f} of articles yield an event")
    print(" ".join(f"{k}={v:.3f}" for k, v in s.items() if k != "articles"))
    worst = sorted(results, key=lambda r: (-len(r.events), -len(r.points), r.row))[:args.worst]
    for r in worst:
        if not r.events and not r.points:
            break
        print(f"\nrow {r.row}: {len(r.events)} events, {len(r.points)} points  {r.title[:80]}")
        for etype, evidence in r.events:
            print(f"   event {etype}: {' '.join(evidence.split())[:220]}")
        for labels, text in r.points[:5]:
            print(f"   point [{labels}] {' '.join(text.split())[:160]}")


if __name__ == "__main__":
    main()

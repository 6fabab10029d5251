#!/usr/bin/env python3
"""Fatalities in the ACLED CSV of 400 Middle East news articles of 2016 (is the total plausible?).

The articles: the first 400 rows of ../shared/data/news-2016/articles.jsonl (file order) whose
text names Syria, Iraq, Yemen, Lebanon, Israel, Palestine, Iran, Turkey, Libya or Egypt as a
word. They are ingested with extraction into a fresh SQLite store in a temporary folder (as
`conflictdesk ingest` does), exported as `conflictdesk export --format acled-csv` exports (one row
per incident, however many articles report it), and the CSV's fatalities are summed, and those of
every report (`--mentions`) beside them; the largest rows are listed with their notes.

    .venv/bin/python bench/eval_fatalities_me.py [--n 400] [--top 15] [--csv out.csv]
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import re
import tempfile
import time
from pathlib import Path
from typing import Any

from eval_nonconflict import news_documents  # bench/ is on the path: the same reading of news-2016 rows

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
NEWS = SHARED / "data" / "news-2016" / "articles.jsonl"
COUNTRIES = ("Syria", "Iraq", "Yemen", "Lebanon", "Israel", "Palestine", "Iran", "Turkey", "Libya", "Egypt")
NAMES_A_COUNTRY = re.compile(r"\b(?:" + "|".join(COUNTRIES) + r")\b")


def middle_east_rows(n: int = 400) -> list[int]:
    """The first `n` news-2016 rows whose text names one of COUNTRIES."""
    rows: list[int] = []
    with NEWS.open(encoding="utf-8") as fh:
        for row, line in enumerate(fh):
            if NAMES_A_COUNTRY.search(json.loads(line).get("text") or ""):
                rows.append(row)
                if len(rows) == n:
                    break
    return rows


def export_csv(rows: list[int], *, nlp: Any, kb: Any) -> tuple[str, str]:
    """Ingest and extract the rows into a temporary store; the ACLED CSV of its incidents (as
    `conflictdesk export` writes it) and of every report of them (`--mentions`)."""
    from conflictdesk.export import actor_lookup, events_to_acled_csv
    from conflictdesk.extract.pipeline import extract_documents
    from conflictdesk.store import Store, ingest_batch
    from conflictdesk.store.incidents import collapse

    incidents, mentions = io.StringIO(), io.StringIO()
    with tempfile.TemporaryDirectory() as tmp, Store(f"sqlite:///{tmp}/middle-east.db") as store:
        ingest_batch(news_documents(rows), store, extractor=lambda docs: extract_documents(docs, nlp=nlp, kb=kb))
        found = store.list_events()
        lookup = actor_lookup(store, found)
        events_to_acled_csv(collapse(found), incidents, actor=lookup)
        events_to_acled_csv(found, mentions, actor=lookup)
    return incidents.getvalue(), mentions.getvalue()


def fatalities(csv_text: str) -> tuple[int, list[dict[str, str]]]:
    """The CSV's summed fatalities and its rows, largest first."""
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    value = lambda r: int(r.get("fatalities") or 0)  # noqa: E731
    return sum(value(r) for r in rows), sorted(rows, key=value, reverse=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--csv", type=Path, help="keep the exported ACLED CSV here")
    args = ap.parse_args()

    from conflictdesk.knowledge import load_knowledge_base
    from conflictdesk.nlp import load_pipeline

    rows = middle_east_rows(args.n)
    started = time.perf_counter()
    text, every_report = export_csv(rows, nlp=load_pipeline(), kb=load_knowledge_base())
    if args.csv:
        args.csv.write_text(text, encoding="utf-8")
    total, ranked = fatalities(text)
    reports_total, reports = fatalities(every_report)
    print(f"{len(rows)} Middle East articles (rows {rows[0]}..{rows[-1]}) in {time.perf_counter() - started:.0f} s: "
          f"{len(ranked)} incidents in the ACLED CSV, fatalities summed {total:,} "
          f"(every report of them, --mentions: {len(reports)} rows, {reports_total:,})")
    print(f"events={len(ranked)} fatalities_total={total} events_per_article={len(ranked) / max(1, len(rows)):.3f} "
          f"mentions={len(reports)} mention_fatalities_total={reports_total}")
    for r in ranked[:args.top]:
        print(f"  {int(r.get('fatalities') or 0):>8,}  {r.get('event_date')}  {r.get('sub_event_type') or r.get('event_type')}"
              f"  {r.get('actor1')} / {r.get('actor2')}  {r.get('location')}, {r.get('country')}\n"
              f"            {' '.join((r.get('notes') or '').split())[:200]}")


if __name__ == "__main__":
    main()

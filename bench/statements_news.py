#!/usr/bin/env python3
"""How many statements and points the extractor emits on ordinary news (news noise).

    .venv/bin/python bench/statements_news.py [--n 100] [--every 43] [--sample 20] [--out FILE]

Reads a fixed, deterministic sample of ../shared/data/news-2016/articles.jsonl (every `every`-th
article through `conflictdesk.ingest.read_sources`), extracts each, and prints the number of
statements and points, their labels, and `--sample` statements picked at an even stride to read
for precision. News reports "X said ..." constantly; only official statements, communiqués and
quoted declarations with a labelled point (or that the text calls a statement) should come out.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from conflictdesk.extract.pipeline import extract_document
from conflictdesk.ingest import read_sources
from conflictdesk.knowledge import load_knowledge_base
from conflictdesk.nlp import load_pipeline
from conflictdesk.records import Failure

ARTICLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news-2016" / "articles.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--every", type=int, default=43)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--out", type=Path, help="write every statement as JSON lines here")
    args = parser.parse_args()
    nlp, kb = load_pipeline(), load_knowledge_base()
    docs = []
    for i, item in enumerate(read_sources([str(ARTICLES)])):
        if isinstance(item, Failure) or i % args.every:
            continue
        docs.append(item)
        if len(docs) == args.n:
            break
    rows, labels = [], Counter()
    for doc in docs:
        ex = extract_document(doc, nlp=nlp, kb=kb)
        for st in ex.statements:
            for p in st.points:
                labels.update(p.labels)
            rows.append({"document": doc.id, "actor": st.actor, "speaker": st.speaker, "channel": st.channel,
                         "evidence": st.evidence.text if st.evidence else None,
                         "points": [{"text": p.text, "labels": p.labels, "cues": p.cues} for p in st.points]})
    points = sum(len(r["points"]) for r in rows)
    only_other = sum(all(p["labels"] == ["other"] for p in r["points"]) for r in rows)
    print(f"{len(docs)} articles: {len(rows)} statements, {points} points; "
          f"{only_other} statements whose points are all 'other'")
    print("point labels: " + ", ".join(f"{k} {v}" for k, v in labels.most_common()))
    if args.out:
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    if args.sample and rows:
        stride = max(1, len(rows) // args.sample)
        for r in rows[::stride][:args.sample]:
            print(f"\n[{r['document']}] {r['actor']} / {r['speaker']} ({r['channel']})")
            for p in r["points"]:
                print(f"   {p['labels']} {p['text'][:160]}")


if __name__ == "__main__":
    main()

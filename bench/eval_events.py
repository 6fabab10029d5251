#!/usr/bin/env python3
"""Event extraction scored against ACLED's coding, on the shared ACLED files.

    .venv/bin/python bench/eval_events.py                     # 2018 test split, seeded sample of 800
    .venv/bin/python bench/eval_events.py --all               # every test note (slow)
    .venv/bin/python bench/eval_events.py --file 2016 --size 500
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from conflictdesk.evaluate import evaluate_notes, format_table, read_acled, sample
from conflictdesk.knowledge import load_knowledge_base
from conflictdesk.nlp import load_pipeline

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
FILES = {"2018": (DATA / "acled-2018-middle-east" / "acled_2018_middle_east.csv", "test"),
         "2016": (DATA / "acled-2016-africa" / "acled_2016_africa.csv", None)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", choices=sorted(FILES), default="2018")
    ap.add_argument("--split", default=None, help="train or test (2018 file; default test)")
    ap.add_argument("--size", type=int, default=800)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--dump", metavar="PATH", help="write one JSON line per note (gold beside prediction)")
    args = ap.parse_args()
    path, split = FILES[args.file]
    golds = read_acled(path, split=args.split or split)
    golds = golds if args.all else sample(golds, size=args.size, seed=args.seed)
    nlp, kb = load_pipeline(), load_knowledge_base()
    t0 = time.perf_counter()
    records: list[dict] = []
    summary = evaluate_notes(golds, nlp=nlp, kb=kb, records=records)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    summary["seconds"] = round(time.perf_counter() - t0, 1)
    print(json.dumps(summary, indent=2) if args.json else format_table(summary) + f"\n({summary['seconds']} s)")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Precision, recall and F1 per label of the statement-point labeller on the annotated set.

    .venv/bin/python bench/eval_statements.py [--errors] [--split dev|test|all]

The cues (src/conflictdesk/data/statements/cues.yaml) are tuned on the dev half only; the test
half is the figure to report.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from conflictdesk.evaluate.statements import format_scores, read_points, score_points
from conflictdesk.nlp import load_pipeline

POINTS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "statements" / "points.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the points whose label set is wrong")
    parser.add_argument("--split", choices=["dev", "test", "all"], default="all")
    args = parser.parse_args()
    points = read_points(POINTS)
    nlp = load_pipeline()
    for split in (["dev", "test"] if args.split == "all" else [args.split]):
        chosen = [p for p in points if p["split"] == split]
        scores = score_points(chosen, nlp)
        print(format_scores(split, scores))
        if args.errors:
            for e in scores.errors:
                print(f"    {e['id']} gold={e['gold']} got={e['got']} cues={e['cues']}\n        {e['text']}")
        print()


if __name__ == "__main__":
    main()

"""Cost of one long document: news-2016 articles concatenated into a text of N characters,
parsed in parts (`nlp/parse.py`) and run through every extraction stage.

    .venv/bin/python bench/bench_long_text.py 500000
    .venv/bin/python bench/bench_long_text.py 1000000     # one size per run: peak memory is per process

Prints the CPU seconds of parsing and of the stages, the events found and the peak resident
memory. It is what the README's "Robustness" section quotes for choosing `MAX_CHARS`.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = (REPO / ".." / "shared" / "data" / "news-2016" / "articles.jsonl").resolve()


def concatenated(path: Path, chars: int) -> str:
    parts: list[str] = []
    total = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line).get("text") or ""
            parts.append(text)
            total += len(text) + 2
            if total >= chars:
                break
    return "\n\n".join(parts)[:chars]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chars", type=int, help="length of the text, in characters")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2

    from conflictdesk.extract.runner import extract_parsed
    from conflictdesk.knowledge import load_knowledge_base
    from conflictdesk.nlp import load_pipeline
    from conflictdesk.nlp.parse import parse_text
    from conflictdesk.records import Document

    nlp, kb = load_pipeline(), load_knowledge_base()
    warm = "Gunmen killed three soldiers near Mosul on Monday, the Iraqi army said."
    extract_parsed(Document(id="warm", text=warm, language="en"), nlp(warm), kb=kb)   # lazy resources built
    text = concatenated(args.data, args.chars)
    start = time.process_time()
    parsed = parse_text(nlp, text, max_chars=len(text))
    parse_seconds = time.process_time() - start
    start = time.process_time()
    extraction = extract_parsed(Document(id="long", text=text, language="en"), parsed, kb=kb)
    stage_seconds = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(text):,} characters: parse {parse_seconds:.1f} s CPU, stages {stage_seconds:.1f} s CPU, "
          f"{len(extraction.events)} events, peak {peak:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

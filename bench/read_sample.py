#!/usr/bin/env python3
"""What the tool extracts from unannotated conflict articles, to read as an analyst would, and what a change moved.

The rules are improved by reading (README, "Real reporting"): draw a seeded sample of news-2016 articles that
report conflict and that nobody annotated, write the events and statement points extracted from each in a
short readable form, change the rules, draw the same sample again and list what changed per article, then
count each change right, wrong or unsure against the article's text.

    .venv/bin/python bench/read_sample.py sample --seed 101 --n 40 --out /tmp/base.json
    .venv/bin/python bench/read_sample.py sample --seed 101 --n 40 --out /tmp/new.json   # after a change
    .venv/bin/python bench/read_sample.py diff /tmp/base.json /tmp/new.json [--points]
    .venv/bin/python bench/read_sample.py sample --seed 7 --about 'Syria|Iraq|Yemen' ...   # reporting from there

The draw leaves out every annotated row (`bench/eval_articles.py`'s gold files) and the rows the annotation
guide keeps apart (../shared/data/annotated/README.md), and keeps articles under 30,000 characters with at
least four conflict words. An article's key is "r" and its row (its 0-based line in news-2016/articles.jsonl).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import eval_articles  # noqa: E402  (bench/, beside this file)

NEWS = eval_articles.SHARED / "data" / "news-2016" / "articles.jsonl"
GUIDE = eval_articles.SHARED / "data" / "annotated" / "README.md"
CONFLICT_WORDS = re.compile(r"killed|attack|bomb|militant|troops|rebel|protest|clash|air strike|shelling|fighting|"
                            r"gunmen|soldiers|insurgent|explosion|shot|wounded|ceasefire|army|police", re.I)
MAX_CHARS, MIN_WORDS = 30_000, 4


def rows_kept_apart(guide: str) -> set[int]:
    """The rows listed on the line after the guide's "Do not use these rows"."""
    lines = guide.splitlines()
    for i, line in enumerate(lines[:-1]):
        if "Do not use these rows" in line:
            return {int(n) for n in re.findall(r"\d+", lines[i + 1])}
    raise ValueError("the annotation guide no longer lists the rows it keeps apart")


def annotated_rows() -> set[int]:
    return {json.loads(line)["row"] for path in eval_articles.gold_files()
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def draw(seed: int, n: int, about: re.Pattern[str] | None = None) -> list[dict[str, Any]]:
    """`n` unannotated conflict articles in a seeded order, as documents for `extract_articles`; with `about`,
    only articles that name it at least twice ("Syria|Iraq" draws reporting from those countries)."""
    skip = annotated_rows() | rows_kept_apart(GUIDE.read_text(encoding="utf-8"))
    found = []
    with NEWS.open(encoding="utf-8") as fh:
        for row, line in enumerate(fh):
            if row in skip:
                continue
            record = json.loads(line)
            text = record.get("text") or ""
            if len(text) < MAX_CHARS and len(CONFLICT_WORDS.findall(text)) >= MIN_WORDS \
                    and (about is None or len(about.findall(text)) >= 2):
                found.append((row, record))
    random.Random(seed).shuffle(found)
    return [{"id": f"r{row}", "title": record.get("title") or "", "published": (record.get("date") or "")[:10],
             "text": record["text"]} for row, record in found[:n]]


def readable(out: dict[str, Any]) -> dict[str, Any]:
    """One article's contract JSON with ids replaced by names and only what a reader checks."""
    actors = {a["id"]: a.get("name") for a in out.get("actors", [])}
    people = {p["id"]: p.get("name") for p in out.get("people", [])}
    events = [{"type": e.get("event_type"), "sub": e.get("sub_event_type"), "date": e.get("event_date"),
               "country": e.get("country"), "location": e.get("location"), "fatalities": e.get("fatalities"),
               "status": e.get("status"), "salience": e.get("salience"), "actor1": actors.get(e.get("actor1")),
               "actor2": actors.get(e.get("actor2")), "evidence": (e.get("evidence") or {}).get("text")}
              for e in out.get("events", [])]
    points = [{"speaker": people.get(s.get("speaker")), "actor": actors.get(s.get("actor")), "text": p.get("text"),
               "labels": p.get("labels")} for s in out.get("statements", []) for p in s.get("points", [])]
    return {"events": events, "points": points}


def sample(seed: int, n: int, about: re.Pattern[str] | None = None) -> dict[str, Any]:
    from conflictdesk.knowledge import load_knowledge_base
    from conflictdesk.nlp import load_pipeline

    docs = draw(seed, n, about)
    outs = eval_articles.extract_articles(docs, nlp=load_pipeline(), kb=load_knowledge_base())
    return {d["id"]: {"title": d["title"], "published": d["published"], **readable(outs.get(d["id"], {}))}
            for d in docs}


def changes(base: dict[str, Any], new: dict[str, Any], kind: str) -> list[str]:
    """Per article, the items of `kind` only in `base` ("-") and only in `new` ("+")."""
    lines = []
    for key in sorted(set(base) | set(new)):
        before = [json.dumps(x, sort_keys=True, ensure_ascii=False) for x in base.get(key, {}).get(kind, [])]
        after = [json.dumps(x, sort_keys=True, ensure_ascii=False) for x in new.get(key, {}).get(kind, [])]
        gone, added = [x for x in before if x not in after], [x for x in after if x not in before]
        if gone or added:
            lines.append(f"== {key} {(new.get(key) or base[key])['title'][:80]}")
            lines += [f"  - {x}" for x in gone] + [f"  + {x}" for x in added]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    take = commands.add_parser("sample", help="extract a seeded sample and write it readable")
    take.add_argument("--seed", type=int, required=True)
    take.add_argument("--n", type=int, default=40)
    take.add_argument("--out", type=Path, required=True)
    take.add_argument("--about", type=re.compile, help="only articles naming this pattern twice, e.g. 'Syria|Iraq'")
    compare = commands.add_parser("diff", help="what changed between two samples")
    compare.add_argument("base", type=Path)
    compare.add_argument("new", type=Path)
    compare.add_argument("--points", action="store_true", help="statement points instead of events")
    args = parser.parse_args()
    if args.command == "sample":
        result = sample(args.seed, args.n, args.about)
        args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
        print(f"{len(result)} articles, {sum(len(r['events']) for r in result.values())} events, "
              f"{sum(len(r['points']) for r in result.values())} points -> {args.out}")
    else:
        base, new = (json.loads(p.read_text(encoding="utf-8")) for p in (args.base, args.new))
        print("\n".join(changes(base, new, "points" if args.points else "events")) or "no change")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Which annotated statement points the extractor misses, and which of its points match no gold point.

    .venv/bin/python bench/eval_articles.py --split dev --out /tmp/dev.jsonl
    .venv/bin/python bench/statement_misses.py /tmp/dev.jsonl [--split dev] [--gold FILE ...] [--extra]

Reads the contract JSON Lines `eval_articles.py` wrote and the gold it scored, and prints, per article, each
missed gold point (speaker, the point, the sentence around it, and a rough cause: no predicted point in its
sentence at all, or one that covers less than half of it) and, with `--extra`, each predicted point that
overlaps no gold point (its speaker). A gold point is found as the shared scorer finds it: predicted points
cover at least half of it.
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from eval_articles import gold_files, load_gold, read_outputs


def _covered(points: list[dict[str, Any]], start: int, end: int) -> int:
    seen: set[int] = set()
    for p in points:
        seen.update(range(max(p["start"], start), min(p["end"], end)))
    return len(seen)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around [start, end): from the previous full stop or line break to the next one."""
    left = max(text.rfind("\n", 0, start), max((m.end() for m in re.finditer(r"[.!?][”\"]?\s", text[:start])),
                                                default=0) - 1)
    right_m = re.search(r"[.!?][”\"]?(?:\s|$)|\n", text[end:])
    right = end + right_m.end() if right_m else len(text)
    return " ".join(text[max(0, left + 1):right].split())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("output", type=Path, help="contract JSON Lines of eval_articles.py --out")
    ap.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    ap.add_argument("--gold", type=Path, action="append", help="only this gold file (repeatable)")
    ap.add_argument("--extra", action="store_true", help="also list predicted points that match no gold point")
    args = ap.parse_args()
    if args.split == "test":
        ap.error("tune on dev: the test split is measured, not read")
    outs = read_outputs(args.output)
    missed = extra = total = 0
    for g in load_gold(args.split, args.gold or gold_files()):
        out = outs.get(g["id"])
        if out is None:
            continue
        text = out["document"]["text"]
        points = [dict(p, speaker=s.get("speaker") or s.get("actor")) for s in out.get("statements") or []
                  for p in s.get("points") or []]
        lines = []
        spans = []
        for gp in g.get("statements") or []:
            total += 1
            gs = text.find(gp["point"])
            if gs < 0:
                lines.append(f"  MISS (not in text) {gp.get('speaker')}: {gp['point'][:100]}")
                missed += 1
                continue
            ge = gs + len(gp["point"])
            spans.append((gs, ge))
            if _covered(points, gs, ge) >= 0.5 * len(gp["point"]):
                continue
            missed += 1
            near = [p for p in points if min(p["end"], ge) > max(p["start"], gs)]
            sent = _sentence(text, gs, ge)
            in_sentence = [p for p in points if p["start"] < gs + len(sent) and p["end"] > gs - len(sent)
                           and text.find(sent[:30]) <= p["start"] <= text.find(sent[:30]) + len(sent)]
            cause = "partly covered" if near else ("other point in sentence" if in_sentence else "nothing")
            lines.append(f"  MISS [{cause}] {gp.get('speaker')!r} ({gp.get('speaker_type')}): {gp['point'][:160]}")
            lines.append(f"       sentence: {sent[:400]}")
            for p in near:
                lines.append(f"       predicted ({p['speaker']}): {p['text'][:160]}")
        if args.extra:
            for p in points:
                if not any(min(p["end"], e) > max(p["start"], s) for s, e in spans):
                    extra += 1
                    lines.append(f"  EXTRA ({p['speaker']}) {p['labels']}: {p['text'][:200]}")
        if lines:
            print(f"{g['id']}  {g.get('title', '')[:80]}")
            print("\n".join(lines))
    print(f"\n{missed} of {total} gold points missed" + (f"; {extra} predicted points match none" if args.extra else ""))


if __name__ == "__main__":
    main()

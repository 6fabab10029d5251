#!/usr/bin/env python3
"""Which annotated statement points the extractor misses, and which of its points match no gold point.

    .venv/bin/python bench/eval_articles.py --split dev --out /tmp/dev.jsonl
    .venv/bin/python bench/statement_misses.py /tmp/dev.jsonl [--split dev] [--gold FILE ...] [--extra]
    .venv/bin/python bench/statement_misses.py /tmp/dev.jsonl --labels [--label denial ...]

Reads the contract JSON Lines `eval_articles.py` wrote and the gold it scored, and prints, per article, each
missed gold point (speaker, the point, the sentence around it, and a rough cause: no predicted point in its
sentence at all, or one that covers less than half of it) and, with `--extra`, each predicted point that
overlaps no gold point (its speaker). A gold point is found as the shared scorer finds it: predicted points
cover at least half of it. With `--labels` (dev only), it lists instead each found gold point whose labels differ
from the union of the labels of the predicted points over it, as the scorer compares them: the gold and predicted
labels, the labels missing and the labels extra, the gold point and each predicted point with its speaker; then the
count of missing and extra labels per label.
"""
from __future__ import annotations

import argparse
import re
from collections import Counter
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


def _overlapping(points: list[dict[str, Any]], start: int, end: int) -> list[dict[str, Any]]:
    return [p for p in points if min(p["end"], end) > max(p["start"], start)]


def _flat(text: str, width: int = 300) -> str:
    return " ".join(text.split())[:width]


def label_errors(gold_point: dict[str, Any], text: str,
                 points: list[dict[str, Any]]) -> tuple[set[str], set[str], list[str]] | None:
    """(gold labels, predicted labels, lines telling them apart) of a found gold point whose labels differ from
    those predicted over it (the scorer's comparison: the union of the labels of every predicted point
    overlapping it); None when the point is not found or its labels agree."""
    gs = text.find(gold_point["point"])
    if gs < 0:
        return None
    ge = gs + len(gold_point["point"])
    if _covered(points, gs, ge) < 0.5 * len(gold_point["point"]):
        return None
    hits = _overlapping(points, gs, ge)
    gold_labels = set(gold_point.get("labels") or [])
    predicted = {lab for p in hits for lab in p.get("labels") or []}
    if gold_labels == predicted:
        return None
    lines = [f"  LABELS gold {sorted(gold_labels)} predicted {sorted(predicted)}: "
             f"missing {sorted(gold_labels - predicted)} extra {sorted(predicted - gold_labels)}",
             f"       gold ({gold_point.get('speaker')!r}): {_flat(gold_point['point'])}"]
    if gold_point.get("note"):
        lines.append(f"       note: {_flat(gold_point['note'], 200)}")
    for p in hits:
        lines.append(f"       predicted ({p['speaker']}) {p.get('labels')}: {_flat(p['text'])}")
    return gold_labels, predicted, lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("output", type=Path, help="contract JSON Lines of eval_articles.py --out")
    ap.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    ap.add_argument("--gold", type=Path, action="append", help="only this gold file (repeatable)")
    ap.add_argument("--extra", action="store_true", help="also list predicted points that match no gold point")
    ap.add_argument("--labels", action="store_true",
                    help="list instead each found gold point whose labels differ from the predicted ones (dev only)")
    ap.add_argument("--label", action="append", help="with --labels, only errors on this label (repeatable)")
    args = ap.parse_args()
    if args.split == "test":
        ap.error("tune on dev: the test split is measured, not read")
    outs = read_outputs(args.output)
    if args.labels:
        gold = load_gold(args.split, args.gold or gold_files())
        if any(g.get("split") == "test" for g in gold):
            ap.error("--labels is for tuning on dev: the test split is measured, not read")
        list_label_errors(gold, outs, only=set(args.label or []))
        return
    missed = extra = total = 0
    for g in load_gold(args.split, args.gold or gold_files()):
        out = outs.get(g["id"])
        if out is None:
            continue
        text = out["document"]["text"]
        points = _points_of(out)
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


def _points_of(out: dict[str, Any]) -> list[dict[str, Any]]:
    """The predicted points of one contract output, each with its statement's speaker (else its actor)."""
    return [dict(p, speaker=s.get("speaker") or s.get("actor")) for s in out.get("statements") or []
            for p in s.get("points") or []]


def list_label_errors(gold: list[dict[str, Any]], outs: dict[str, dict[str, Any]], *, only: set[str]) -> None:
    """Print the label errors of found gold points, per article, then the missing and extra counts per label."""
    missing: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    wrong = found = 0
    for g in gold:
        out = outs.get(g["id"])
        if out is None:
            continue
        text = out["document"]["text"]
        points = _points_of(out)
        lines = []
        for gp in g.get("statements") or []:
            gs = text.find(gp["point"])
            if gs >= 0 and _covered(points, gs, gs + len(gp["point"])) >= 0.5 * len(gp["point"]):
                found += 1
            errors = label_errors(gp, text, points)
            if errors is None:
                continue
            gold_labels, predicted, error_lines = errors
            if only and not (only & (gold_labels ^ predicted)):
                continue
            wrong += 1
            missing.update(gold_labels - predicted)
            extra.update(predicted - gold_labels)
            lines.extend(error_lines)
        if lines:
            print(f"{g['id']}  {g.get('title', '')[:80]}")
            print("\n".join(lines))
    print(f"\n{wrong} of {found} found gold points with label errors" + (f" on {sorted(only)}" if only else ""))
    for lab in sorted(set(missing) | set(extra)):
        print(f"  {lab:25s} missing {missing[lab]:3d}  extra {extra[lab]:3d}")


if __name__ == "__main__":
    main()

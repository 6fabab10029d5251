#!/usr/bin/env python3
"""Sub-event type (weighted F1) and event type (accuracy) on ACLED's 2022 world notes.

../shared/data/acled-2022h1-world/acled_2022h1_world.csv is in ACLED's current taxonomy (23
sub-event types). Its notes are split, once and for all, into two halves by the CRC-32 of the
row's `event_id_cnty` (zlib.crc32 of its UTF-8 bytes, even = "tune", odd = "heldout"): tune
the extractor on the first, report the second. The split does not depend on Python's salted
hash() or on the order of the file. Repeated notes are kept once (`read_acled`).

Each note is a document; its event is the runner's `main_event` (as in bench/eval_events.py).
Event type accuracy is over the current types (Protests and Riots apart); sub-event weighted F1
weighs each gold sub-event type's F1 by its support (a note with no event counts as "none").

    .venv/bin/python bench/eval_subevents.py                  # both halves, every note
    .venv/bin/python bench/eval_subevents.py --half tune --size 1000
    .venv/bin/python bench/eval_subevents.py --half heldout --confusion
"""
from __future__ import annotations

import argparse
import time
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

from conflictdesk.evaluate import GoldEvent, macro_f1, main_event, read_acled, sample

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
WORLD_2022 = SHARED / "data" / "acled-2022h1-world" / "acled_2022h1_world.csv"
HALVES = ("tune", "heldout")


def half_of(event_id: str) -> str:
    """The fixed half a 2022 note belongs to: CRC-32 of its event_id_cnty, even = tune."""
    return HALVES[zlib.crc32(event_id.encode("utf-8")) % 2]


def read_half(half: str, *, path: Path = WORLD_2022) -> list[GoldEvent]:
    """The notes of one half ("tune" or "heldout"), in file order."""
    return [g for g in read_acled(path) if half_of(g.id) == half]


def predict(golds: list[GoldEvent], *, nlp: Any, kb: Any) -> list[tuple[str, str]]:
    """(event type, sub-event type) of each note's main event; ("none", "none") without one."""
    from conflictdesk.extract.events.patterns import load_event_patterns
    from conflictdesk.extract.pipeline import extract_documents
    from conflictdesk.records import Document, Extraction

    priorities = {t.id: t.priority for t in load_event_patterns().triggers}
    docs = [Document(id=f"acled-{i}", text=g.notes, language="en", format="csv") for i, g in enumerate(golds)]
    out: list[tuple[str, str]] = []
    for item in extract_documents(docs, nlp=nlp, kb=kb, batch_size=64):
        ev = main_event(item.events, priorities) if isinstance(item, Extraction) else None
        out.append((ev.event_type, ev.sub_event_type or "none") if ev else ("none", "none"))
    return out


def score(golds: list[GoldEvent], preds: list[tuple[str, str]]) -> dict[str, Any]:
    """Event type accuracy, sub-event type accuracy and support-weighted F1 (and per-type F1)."""
    gold_types = [g.event_type for g in golds]
    gold_subs = [g.sub_event_type or "none" for g in golds]
    pred_types = [p[0] for p in preds]
    pred_subs = [p[1] for p in preds]
    n = max(1, len(golds))
    _, per = macro_f1(gold_subs, pred_subs, sorted(set(gold_subs)))
    support = sum(v["support"] for v in per.values())
    weighted = sum(v["f1"] * v["support"] for v in per.values()) / max(1, support)
    return {"notes": len(golds),
            "event_type_accuracy": sum(g == p for g, p in zip(gold_types, pred_types)) / n,
            "sub_event_accuracy": sum(g == p for g, p in zip(gold_subs, pred_subs)) / n,
            "sub_event_weighted_f1": weighted,
            "no_event": sum(p == "none" for p in pred_types) / n,
            "per_sub_event": per}


def evaluate_half(half: str, *, nlp: Any, kb: Any, size: int | None = None, seed: int = 13) -> dict[str, Any]:
    """Scores on one half (a seeded sample of `size` notes when given)."""
    golds = read_half(half)
    if size is not None:
        golds = sample(golds, size=size, seed=seed)
    preds = predict(golds, nlp=nlp, kb=kb)
    result = score(golds, preds)
    result["confusion"] = Counter((g.sub_event_type, p[1]) for g, p in zip(golds, preds) if g.sub_event_type != p[1])
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=[*HALVES, "both"], default="both")
    ap.add_argument("--size", type=int, help="a seeded sample of this many notes per half")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--confusion", action="store_true", help="list the 25 most frequent sub-event confusions")
    args = ap.parse_args()

    from conflictdesk.knowledge import load_knowledge_base
    from conflictdesk.nlp import load_pipeline

    nlp, kb = load_pipeline(), load_knowledge_base()
    for half in HALVES if args.half == "both" else (args.half,):
        started = time.perf_counter()
        r = evaluate_half(half, nlp=nlp, kb=kb, size=args.size, seed=args.seed)
        print(f"\n{half}: {r['notes']} notes in {time.perf_counter() - started:.0f} s")
        print(f"{half}: event_type_accuracy={r['event_type_accuracy']:.3f} sub_event_weighted_f1="
              f"{r['sub_event_weighted_f1']:.3f} sub_event_accuracy={r['sub_event_accuracy']:.3f} "
              f"no_event={r['no_event']:.3f}")
        for label, v in sorted(r["per_sub_event"].items(), key=lambda kv: -kv[1]["support"]):
            print(f"  {label:42s} P {v['precision']:.3f} R {v['recall']:.3f} F1 {v['f1']:.3f} n {v['support']}")
        if args.confusion:
            for (gold, pred), count in r["confusion"].most_common(25):
                print(f"  {count:4d}  {gold} -> {pred}")


if __name__ == "__main__":
    main()

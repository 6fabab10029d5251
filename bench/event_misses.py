#!/usr/bin/env python3
"""Why gold events go unpaired, and what the unpaired predictions are, on annotated articles.

Reads the contract JSON Lines that `bench/eval_articles.py --out FILE` wrote and the same gold, pairs
events as the shared scorer does (`eval_articles.paired_events`), and sorts every unpaired gold event
by the nearest reason:

- `type`: a prediction of the same country and date window has another event type;
- `country`: a prediction of the same type and date window names another country (or none);
- `date`: a prediction of the same type and country is dated more than 2 days away (or undated);
- `none`: nothing of the same type or country at all.

A `type` miss names the prediction coded from the gold event's own sentence when there is one, and says
whether it was (`same sentence`: the rules coded that sentence as another type) or not (`another
sentence`: the gold sentence has no prediction and one from elsewhere happens to share country and date).

Then counts of unpaired predictions by type, and with `--list` each miss (article, gold fields,
evidence, the nearest prediction). For tuning on `dev`; the counts alone for other splits.

    .venv/bin/python bench/eval_articles.py --split dev --out /tmp/dev.jsonl
    .venv/bin/python bench/event_misses.py /tmp/dev.jsonl --split dev --list
"""
from __future__ import annotations

import argparse
import collections
import importlib.util
import sys
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent


def _eval_articles() -> Any:
    if "eval_articles" not in sys.modules:
        spec = importlib.util.spec_from_file_location("eval_articles", BENCH / "eval_articles.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["eval_articles"] = module
        spec.loader.exec_module(module)  # type: ignore[union-attr]
    return sys.modules["eval_articles"]


def miss_reason(gold_event: dict[str, Any], unpaired: list[dict[str, Any]]) -> tuple[str, dict[str, Any] | None]:
    """The nearest reason a gold event found no partner among the article's unpaired predictions."""
    scorer = _eval_articles().load_scorer()

    def same_country(pe: dict[str, Any]) -> bool:
        return scorer.norm(pe.get("country")) == scorer.norm(gold_event.get("country"))

    def in_window(pe: dict[str, Any]) -> bool:
        if not gold_event.get("event_date"):
            return True
        d = scorer.days(pe.get("event_date"), gold_event.get("event_date"))
        return d is not None and d <= 2

    same_type = [pe for pe in unpaired if pe.get("event_type") == gold_event.get("event_type")]
    for reason, candidates in (("type", [pe for pe in unpaired if same_country(pe) and in_window(pe)]),
                               ("country", [pe for pe in same_type if in_window(pe)]),
                               ("date", [pe for pe in same_type if same_country(pe)])):
        if candidates:
            # the prediction coded from the gold event's own sentence, when there is one, is the nearest
            return reason, next((pe for pe in candidates if same_sentence(gold_event, pe)), candidates[0])
    return "none", None


def same_sentence(gold_event: dict[str, Any], predicted: dict[str, Any]) -> bool:
    """Whether a prediction was coded from text the gold event's evidence quotes (its pieces are joined by
    " ... "): a miss of the rules on that sentence, not a prediction of another sentence paired by chance."""
    told = ((predicted.get("evidence") or {}).get("text") or "").strip()
    pieces = [p.strip() for p in (gold_event.get("evidence") or "").split("...") if len(p.strip()) >= 20]
    return bool(told) and any(p[:60] in told or told[:60] in p for p in pieces)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("output", type=Path, help="contract JSON Lines from eval_articles.py --out")
    ap.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    ap.add_argument("--gold", type=Path, action="append", help="gold file (repeatable); default: every gold file")
    ap.add_argument("--list", action="store_true", help="print each miss and each unpaired prediction")
    args = ap.parse_args()

    ea = _eval_articles()
    gold = ea.load_gold(args.split, args.gold or ea.gold_files())
    if args.list and any(g.get("split") == "test" for g in gold):
        ap.error("--list is for tuning on dev: the test split is measured, not read")
    outs = ea.read_outputs(args.output)
    reasons: collections.Counter[str] = collections.Counter()
    type_sources: collections.Counter[str] = collections.Counter()
    extra: collections.Counter[str] = collections.Counter()
    for g in gold:
        gold_events = g.get("events") or []
        predicted = (outs.get(g["id"]) or {}).get("events") or []
        pairs = ea.paired_events(gold_events, predicted)
        paired_gold = {n for n, _ in pairs}
        paired_pred = {i for _, i in pairs}
        unpaired = [pe for i, pe in enumerate(predicted) if i not in paired_pred]
        for n, ge in enumerate(gold_events):
            if n in paired_gold:
                continue
            reason, near = miss_reason(ge, unpaired)
            reasons[reason] += 1
            if reason == "type":
                # a type miss whose nearest prediction tells another sentence is a sentence the rules missed
                type_sources["same sentence" if same_sentence(ge, near) else "another sentence"] += 1
            if args.list:
                print(f"[{reason}] {g['id']} gold {ge.get('event_type')} / {ge.get('sub_event_type')} "
                      f"{ge.get('country')} {ge.get('event_date')} {ge.get('salience')}: "
                      f"{(ge.get('evidence') or '')[:160]!r}")
                if near:
                    where = " (same sentence)" if same_sentence(ge, near) else " (another sentence)"
                    print(f"      nearest: {near.get('event_type')} / {near.get('sub_event_type')} "
                          f"{near.get('country')} {near.get('event_date')}{where}")
        for pe in unpaired:
            extra[pe.get("event_type") or "?"] += 1
            if args.list:
                print(f"[extra] {g['id']} {pe.get('event_type')} / {pe.get('sub_event_type')} "
                      f"{pe.get('country')} {pe.get('event_date')} {pe.get('salience')}")
    print(f"unpaired gold by reason: {dict(reasons.most_common())}")
    print(f"type misses by where the nearest prediction was coded: {dict(type_sources.most_common())}")
    print(f"unpaired predictions by type: {dict(extra.most_common())}")


if __name__ == "__main__":
    main()

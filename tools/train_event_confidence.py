#!/usr/bin/env python3
"""Train the event-confidence model on the dev annotations and choose its threshold by cross-validation.

    PYTHONPATH=src .venv/bin/python tools/train_event_confidence.py            # prints the CV table, writes the model
    PYTHONPATH=src .venv/bin/python tools/train_event_confidence.py --dry-run  # the tables only
    PYTHONPATH=src .venv/bin/python tools/train_event_confidence.py --show-dropped 10

1. Runs the rules coder (no confidence: `RulesCoder(scored=False)`) over the dev articles of the
   annotated set (../shared/data/annotated + tests/fixtures/annotated, as bench/eval_articles.py
   reads them) and keeps each event's `event_features` text, as the coder makes it at run time.
2. Pairs predicted with gold events by the scorer's own rule and loop (same event type and country,
   date within 2 days or gold date null; each gold and each predicted event paired once): an event
   is "right" when it pairs.
3. 5-fold cross-validation by article: each fold's events scored by a model trained on the other
   folds' articles. The model's settings (the evidence's words read or not; the L2 penalty) are the
   ones of CONFIGS with the lowest out-of-fold log loss. Its out-of-fold probabilities give the
   events' precision/recall/F1 after dropping those below each threshold (the scorer re-run on what
   is kept) and a calibration table.
4. The threshold: the one with the best out-of-fold F1 among those that lose at most MAIN_LOSS of the gold
   main events paired, if it beats no drop by MIN_GAIN and precision gains more than recall loses; else 0
   (no drop: the confidence only).
5. Trains on every dev article and writes src/conflictdesk/data/models/event_confidence.npz with
   the settings, the threshold and the CV figures in its header. Deterministic: folds by a hash of
   the article id, the solver started from zeros.

Re-run it after any change to the rules: the model learns what the rules get wrong today. Never
reads the test split.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import importlib.util
import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "src" / "conflictdesk" / "data" / "models" / "event_confidence.npz"
FOLDS = 5
THRESHOLDS = (0.0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7)
MIN_GAIN = 0.005          # an F1 gain smaller than this is noise on ~400 events: ship no drop
MAIN_LOSS = 0.01          # the main incidents an analyst expects are rarely dropped: at most 1% of those paired
# (reads the evidence's words, L2 penalty); the solver's default 1e-4 over-fits ~400 events
CONFIGS = tuple((words, l2) for words in (True, False) for l2 in (1e-3, 3e-3, 1e-2))
MIN_DF = 2


@functools.lru_cache(maxsize=1)
def _bench() -> Any:
    """bench/eval_articles.py as a module (loaded once)."""
    spec = importlib.util.spec_from_file_location("eval_articles", REPO / "bench" / "eval_articles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


class RecordingCoder:
    """The rules coder without confidence, keeping each event's feature text by event id."""

    name = "rules.v1"

    def __init__(self) -> None:
        from conflictdesk.extract.events.coders import RulesCoder
        from conflictdesk.extract.events.confidence import event_features
        self.rules = RulesCoder(scored=False)
        self.features = event_features
        self.found: dict[str, Any] = {}      # event id -> EventFeatures

    def __call__(self, doc: Any, parsed: Any, findings: Any, *, kb: Any) -> list[Any]:
        events = self.rules(doc, parsed, findings, kb=kb)
        for ev, features in zip(events, self.features(events, doc, parsed, findings, kb=kb)):
            self.found[ev.id] = features
        return events


def pairs(gold: list[dict[str, Any]], outs: dict[str, dict[str, Any]]) -> dict[str, tuple[str, int]]:
    """The predicted events the scorer pairs with a gold event (`eval_articles.paired_events`, all events):
    event id -> (article id, index of the gold event)."""
    paired = {}
    for g in gold:
        preds = (outs.get(g["id"]) or {}).get("events") or []
        for n, i in _bench().paired_events(g.get("events") or [], preds):
            paired[preds[i]["id"]] = (g["id"], n)
    return paired


def main_found(gold: list[dict[str, Any]], outs: dict[str, dict[str, Any]],
               keep: Callable[[dict[str, Any]], bool]) -> int:
    """How many gold events of salience "main" pair when only the events `keep` accepts are output."""
    kept = {k: {**o, "events": [e for e in o.get("events") or [] if keep(e)]} for k, o in outs.items()}
    salience = {(g["id"], n): ge.get("salience") for g in gold for n, ge in enumerate(g.get("events") or [])}
    return sum(salience[at] == "main" for at in pairs(gold, kept).values())


def folds(doc_ids: list[str]) -> dict[str, int]:
    """Each article's fold: the articles ordered by a hash of their id, dealt out in turn (folds of
    even size, the same for the same articles)."""
    ordered = sorted(doc_ids, key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    return {doc_id: k % FOLDS for k, doc_id in enumerate(ordered)}


def log_loss(p: dict[str, float], right: set[str]) -> float:
    return float(-np.mean([np.log(q if i in right else 1.0 - q) for i, q in p.items()]))


def auc(p: dict[str, float], right: set[str]) -> float:
    """The chance that a right event gets a higher probability than a wrong one."""
    pos = np.array([q for i, q in p.items() if i in right])
    neg = np.array([q for i, q in p.items() if i not in right])
    if not len(pos) or not len(neg):
        return float("nan")
    return float(((pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum())
                 / (len(pos) * len(neg)))


def scores(gold: list[dict[str, Any]], outs: dict[str, dict[str, Any]], scorer: Any,
           keep: Callable[[dict[str, Any]], bool]) -> dict[str, float]:
    """The scorer's events recall/precision/F1 when only the events `keep` accepts are output."""
    kept = {k: {**o, "events": [e for e in o.get("events") or [] if keep(e)]} for k, o in outs.items()}
    with contextlib.redirect_stdout(io.StringIO()):
        result = scorer.score_events(gold, kept, False)
    result["n"] = sum(len(o["events"]) for o in kept.values())
    return result


def threshold_table(gold: list[dict[str, Any]], outs: dict[str, dict[str, Any]], scorer: Any,
                    p: dict[str, float], right: set[str]) -> list[dict[str, float]]:
    rows = []
    for t in THRESHOLDS:
        r = scores(gold, outs, scorer, lambda e, t=t: p[e["id"]] >= t)
        dropped = [i for i, q in p.items() if q < t]
        rows.append({"t": t, "P": r["ev_precision"], "R": r["ev_recall"], "F1": r["ev_f1"], "n": r["n"],
                     "main": main_found(gold, outs, lambda e, t=t: p[e["id"]] >= t),
                     "drop_right": sum(i in right for i in dropped), "drop_wrong": sum(i not in right for i in dropped)})
    return rows


def print_table(title: str, rows: list[dict[str, float]]) -> None:
    print(f"\n{title}\n  thresh  events  precision  recall     F1   dropped right/wrong  gold main events paired")
    for r in rows:
        print(f"  {r['t']:6.2f}  {r['n']:6d}  {r['P']:9.3f}  {r['R']:6.3f}  {r['F1']:6.3f}   {r['drop_right']:4d} / {r['drop_wrong']:<4d}"
              f"       {r['main']}")


def print_calibration(p: dict[str, float], right: set[str]) -> None:
    print("\ncalibration (out of fold): predicted p vs observed share right\n  bin        events  mean p  right")
    for lo in np.arange(0.0, 1.0, 0.1):
        ids = [i for i, q in p.items() if lo <= q < lo + 0.1 or (lo >= 0.9 and q == 1.0)]
        if ids:
            print(f"  {lo:.1f}-{lo + 0.1:.1f}  {len(ids):6d}  {np.mean([p[i] for i in ids]):6.3f}  "
                  f"{sum(i in right for i in ids) / len(ids):5.3f}")


def choose(rows: list[dict[str, float]]) -> float:
    """The threshold with the best F1 among those that keep the main incidents (lose at most MAIN_LOSS of the
    gold main events paired with none dropped), if it beats no drop by MIN_GAIN with precision gaining more
    than recall loses; else 0."""
    base = rows[0]
    keeping = [r for r in rows if base["main"] - r["main"] <= MAIN_LOSS * base["main"]]
    best = max(keeping, key=lambda r: (round(r["F1"], 6), -r["t"]))
    gains = best["F1"] - base["F1"] >= MIN_GAIN and best["P"] - base["P"] > base["R"] - best["R"]
    return best["t"] if gains else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the model")
    ap.add_argument("--dry-run", action="store_true", help="print the tables, write nothing")
    ap.add_argument("--threshold", type=float, help="ship this threshold instead of the one CV chooses")
    ap.add_argument("--show-dropped", type=int, default=0, metavar="N",
                    help="print the events out-of-fold dropped at the chosen threshold in the first N articles that lose any")
    args = ap.parse_args()

    from conflictdesk.extract.events.confidence import RIGHT, WRONG
    from conflictdesk.knowledge import load_knowledge_base
    from conflictdesk.model.textclf import train_text_classifier
    from conflictdesk.nlp import load_pipeline

    bench = _bench()
    scorer = bench.load_scorer()
    gold = bench.load_gold("dev")
    coder = RecordingCoder()
    outs = bench.extract_articles(gold, nlp=load_pipeline(), kb=load_knowledge_base(), event_coder=coder)
    right = set(pairs(gold, outs))
    events = [(g["id"], e) for g in gold for e in (outs.get(g["id"]) or {}).get("events") or []]
    base = scores(gold, outs, scorer, lambda e: True)
    if len(right) != round(base["ev_recall"] * sum(len(g.get("events") or []) for g in gold)):
        sys.exit(f"pairing disagrees with the scorer: {len(right)} paired, scorer recall {base['ev_recall']:.3f}")
    print(f"dev: {len(gold)} articles, {len(events)} rules events, {len(right)} right "
          f"({len(right) / max(1, len(events)):.3f}); no drop: P {base['ev_precision']:.3f} R {base['ev_recall']:.3f} "
          f"F1 {base['ev_f1']:.3f}")

    fold = folds([g["id"] for g in gold])

    def fit(ids: list[str], words: bool, l2: float) -> Any:
        return train_text_classifier([coder.found[i].text(words=words) for i in ids],
                                     [RIGHT if i in right else WRONG for i in ids], min_df=MIN_DF, l2=l2)

    def predict(model: Any, ids: list[str], words: bool) -> dict[str, float]:
        column = model.labels.index(RIGHT)
        rows = model.predict_proba([coder.found[i].text(words=words) for i in ids])
        return {i: float(row[column]) for i, row in zip(ids, rows)}

    def out_of_fold(words: bool, l2: float) -> dict[str, float]:
        found: dict[str, float] = {}
        for k in range(FOLDS):
            train = [e["id"] for doc_id, e in events if fold[doc_id] != k]
            held = [e["id"] for doc_id, e in events if fold[doc_id] == k]
            found.update(predict(fit(train, words, l2), held, words))
        return found

    prior = len(right) / max(1, len(events))
    print(f"\nmodel settings by {FOLDS}-fold CV (log loss of always {prior:.3f}: "
          f"{log_loss({e['id']: prior for _, e in events}, right):.3f})\n  words  l2      log loss  AUC")
    tried = []
    for words, l2 in CONFIGS:
        p = out_of_fold(words, l2)
        tried.append((log_loss(p, right), words, l2, p))
        print(f"  {'yes' if words else 'no ':5s}  {l2:<6g}  {tried[-1][0]:.4f}    {auc(p, right):.3f}")
    _, words, l2, oof = min(tried, key=lambda t: t[0])
    print(f"chosen: words {'yes' if words else 'no'}, l2 {l2:g}")
    cv_rows = threshold_table(gold, outs, scorer, oof, right)
    print_table(f"{FOLDS}-fold cross-validation by article (out-of-fold probabilities)", cv_rows)
    print_calibration(oof, right)
    threshold = args.threshold if args.threshold is not None else choose(cv_rows)
    for k in range(FOLDS):
        fold_gold = [g for g in gold if fold[g["id"]] == k]
        at0 = scores(fold_gold, outs, scorer, lambda e: True)
        at = scores(fold_gold, outs, scorer, lambda e: oof[e["id"]] >= threshold)
        print(f"  fold {k}: {len(fold_gold):3d} articles, F1 {at0['ev_f1']:.3f} -> {at['ev_f1']:.3f} at {threshold:.2f}")
    print(f"\nthreshold: {threshold:.2f}" + (" (no drop: no threshold improves F1 by CV)" if threshold == 0 else ""))

    every = [e["id"] for _, e in events]
    final = fit(every, words, l2)
    inside = predict(final, every, words)
    in_rows = threshold_table(gold, outs, scorer, inside, right)
    print_table("in-sample (trained and scored on all dev)", in_rows)

    if args.show_dropped:
        _show_dropped(gold, outs, oof, right, threshold, args.show_dropped)

    chosen = next((r for r in cv_rows if r["t"] == threshold), None)
    final.meta = {"kind": "event_confidence", "threshold": threshold, "words": words, "l2": l2, "min_df": MIN_DF,
                  "trained_on": f"dev: {len(gold)} articles, {len(events)} events, {len(right)} right",
                  "cv": {"folds": FOLDS, "no_drop": {k: round(cv_rows[0][k], 4) for k in ("P", "R", "F1")},
                         "at_threshold": {k: round(chosen[k], 4) for k in ("P", "R", "F1")} if chosen else None,
                         "log_loss": round(log_loss(oof, right), 4), "auc": round(auc(oof, right), 4)}}
    if args.dry_run:
        return
    args.out.parent.mkdir(parents=True, exist_ok=True)
    final.save(args.out)
    print(f"\nwrote {args.out} ({args.out.stat().st_size / 1024:.0f} KB, {len(final.vocabulary)} terms)")


def _show_dropped(gold: list[dict[str, Any]], outs: dict[str, dict[str, Any]], p: dict[str, float],
                  right: set[str], threshold: float, limit: int) -> None:
    print(f"\nevents dropped out of fold at {threshold:.2f} (R right / W wrong), with the article's gold events")
    shown = 0
    for g in gold:
        dropped = [e for e in (outs.get(g["id"]) or {}).get("events") or [] if p[e["id"]] < threshold]
        if not dropped:
            continue
        shown += 1
        if shown > limit:
            break
        print(f"- {g['id']} {(g.get('title') or '')[:80]}")
        for ge in g.get("events") or []:
            print(f"    gold  {ge.get('event_type')} / {ge.get('sub_event_type')} {ge.get('country')} "
                  f"{ge.get('event_date')} {ge.get('salience')}")
        for e in dropped:
            print(f"    {'R' if e['id'] in right else 'W'} {p[e['id']]:.2f} {e['event_type']} / {e['sub_event_type']} "
                  f"{e['country']} {e['event_date']} {e['salience']}: {e['evidence']['text'][:150]!r}")


if __name__ == "__main__":
    main()

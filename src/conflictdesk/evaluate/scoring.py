"""Scoring predicted events against ACLED's coding: accuracy, macro-F1, field matches."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(min(1.0, a)))


def macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> tuple[float, dict[str, dict]]:
    """Macro-averaged F1 over `labels` (labels absent from gold and prediction are skipped)."""
    per: dict[str, dict[str, float]] = {}
    f1s = []
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred) if g == lab and p != lab)
        if tp + fp + fn == 0:
            continue
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[lab] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
                    "support": tp + fn}
        f1s.append(f1)
    return (sum(f1s) / len(f1s) if f1s else 0.0), per


@dataclass(slots=True)
class Tally:
    """Hits over scored items for one field."""

    hits: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.hits += bool(ok)

    @property
    def rate(self) -> float | None:
        return self.hits / self.total if self.total else None


@dataclass(slots=True)
class Scores:
    n: int = 0
    no_event: int = 0
    gold_labels: list[str] = field(default_factory=list)
    pred_labels: list[str] = field(default_factory=list)
    fields: dict[str, Tally] = field(default_factory=dict)

    def tally(self, name: str) -> Tally:
        return self.fields.setdefault(name, Tally())

    def summary(self, labels: Sequence[str]) -> dict[str, Any]:
        acc = sum(g == p for g, p in zip(self.gold_labels, self.pred_labels)) / self.n if self.n else 0.0
        f1, per = macro_f1(self.gold_labels, self.pred_labels, labels)
        out: dict[str, Any] = {"documents": self.n, "no_event": self.no_event,
                               "event_type_accuracy": round(acc, 4), "event_type_macro_f1": round(f1, 4),
                               "per_type": per, "confusion": confusion(self.gold_labels, self.pred_labels)}
        for name, t in self.fields.items():
            out[name] = {"rate": None if t.rate is None else round(t.rate, 4), "hits": t.hits, "total": t.total}
        return out


def confusion(gold: Sequence[str], pred: Sequence[str]) -> dict[str, dict[str, int]]:
    c: dict[str, Counter] = {}
    for g, p in zip(gold, pred):
        c.setdefault(g, Counter())[p] += 1
    return {g: dict(v) for g, v in c.items()}

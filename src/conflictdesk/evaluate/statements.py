"""Scoring statement-point labels against an annotated set (tests/fixtures/statements/points.jsonl).

Each line: {"id", "split": "dev"|"test", "text", "labels", "targets", "note"}. The cues are tuned
on the dev half only; the test half is reported as the honest figure.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..records import POINT_LABELS
from ..extract.statements.cues import CueSet, load_cues
from ..extract.statements.stage import label_sentence

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(slots=True)
class LabelScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Scores:
    n: int = 0
    exact: int = 0
    labels: dict[str, LabelScore] = field(default_factory=lambda: {lab: LabelScore() for lab in POINT_LABELS})
    target_hits: int = 0
    target_total: int = 0
    errors: list[dict] = field(default_factory=list)

    def micro(self) -> LabelScore:
        total = LabelScore()
        for s in self.labels.values():
            total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
        return total


def read_points(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score_points(points: list[dict], nlp: "Language", cues: CueSet | None = None) -> Scores:
    cueset = cues or load_cues()
    scores = Scores()
    for item, parsed in zip(points, nlp.pipe(p["text"] for p in points)):
        labels, fired, targets = label_sentence(item["text"], parsed, cueset)
        gold, got = set(item["labels"]), set(labels)
        scores.n += 1
        scores.exact += gold == got
        for lab in POINT_LABELS:
            s = scores.labels[lab]
            s.tp += lab in gold and lab in got
            s.fp += lab not in gold and lab in got
            s.fn += lab in gold and lab not in got
        for t in item.get("targets") or []:
            scores.target_total += 1
            scores.target_hits += t in targets
        if gold != got:
            scores.errors.append({"id": item.get("id"), "gold": sorted(gold), "got": sorted(got), "cues": fired,
                                  "text": item["text"]})
    return scores


def format_scores(name: str, scores: Scores) -> str:
    lines = [f"{name}: {scores.n} points, exact label sets {scores.exact}/{scores.n}",
             f"  {'label':26} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}"]
    for lab, s in scores.labels.items():
        lines.append(f"  {lab:26} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp + s.fn:8d}")
    m = scores.micro()
    lines.append(f"  {'micro':26} {m.precision:6.3f} {m.recall:6.3f} {m.f1:6.3f} {m.tp + m.fn:8d}")
    if scores.target_total:
        lines.append(f"  incitement targets found: {scores.target_hits}/{scores.target_total}")
    return "\n".join(lines)

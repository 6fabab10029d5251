"""Training and applying an event-type classifier on a user's own ACLED export."""
from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from ..acled import AcledRow, coarse_event_type
from .textclf import TextClassifier, train_text_classifier


def default_model_path() -> Path:
    return Path(platformdirs.user_data_dir("conflictdesk", appauthor=False)) / "models" / "event_type.npz"


@dataclass(frozen=True, slots=True)
class Score:
    n: int
    accuracy: float
    macro_f1: float
    per_label: dict[str, float]


def score(gold: Sequence[str], predicted: Sequence[str]) -> Score:
    labels = sorted(set(gold))
    per_label = {}
    for label in labels:
        tp = sum(p == label and g == label for p, g in zip(predicted, gold))
        fp = sum(p == label and g != label for p, g in zip(predicted, gold))
        fn = sum(p != label and g == label for p, g in zip(predicted, gold))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        per_label[label] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(p == g for p, g in zip(predicted, gold)) / len(gold) if gold else 0.0
    macro = sum(per_label.values()) / len(per_label) if per_label else 0.0
    return Score(len(gold), accuracy, macro, per_label)


def split_rows(rows: Sequence[AcledRow], *, seed: int = 13, holdout: float = 0.2) -> tuple[list[AcledRow], list[AcledRow]]:
    """The export's own train/test split when it has one, else a seeded random hold-out."""
    if any(r.split for r in rows):
        return [r for r in rows if r.split == "train"], [r for r in rows if r.split == "test"]
    shuffled = list(rows)
    random.Random(seed).shuffle(shuffled)
    cut = int(len(shuffled) * (1 - holdout))
    return shuffled[:cut], shuffled[cut:]


def train_event_type(rows: Sequence[AcledRow]) -> TextClassifier:
    usable = [r for r in rows if r.notes and r.event_type]
    return train_text_classifier([r.notes for r in usable], [coarse_event_type(r.event_type) for r in usable])


def evaluate_event_type(model: TextClassifier, rows: Sequence[AcledRow]) -> Score:
    usable = [r for r in rows if r.notes and r.event_type]
    predicted = [label for label, _ in model.predict([r.notes for r in usable])]
    return score([coarse_event_type(r.event_type) for r in usable], predicted)

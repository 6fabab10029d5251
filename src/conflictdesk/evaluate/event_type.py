"""Training and applying an event-type classifier on a user's own ACLED export."""
from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from ..model.textclf import TextClassifier, train_text_classifier
from .acled import LABELS, GoldEvent
from .scoring import macro_f1


@dataclass(frozen=True, slots=True)
class Score:
    n: int
    accuracy: float
    macro_f1: float
    per_label: dict[str, float]


def score(gold: Sequence[str], predicted: Sequence[str]) -> Score:
    macro, per = macro_f1(gold, predicted, LABELS)
    accuracy = sum(p == g for p, g in zip(predicted, gold)) / len(gold) if gold else 0.0
    return Score(len(gold), accuracy, macro, {label: row["f1"] for label, row in per.items()})


def split_rows(rows: Sequence[GoldEvent], *, seed: int = 13, holdout: float = 0.2) -> tuple[list[GoldEvent], list[GoldEvent]]:
    """The export's own train/test split when it has one, else a seeded random hold-out."""
    if any(r.split for r in rows):
        return [r for r in rows if r.split == "train"], [r for r in rows if r.split == "test"]
    shuffled = list(rows)
    random.Random(seed).shuffle(shuffled)
    cut = int(len(shuffled) * (1 - holdout))
    return shuffled[:cut], shuffled[cut:]


def train_event_type(rows: Sequence[GoldEvent]) -> TextClassifier:
    return train_text_classifier([r.notes for r in rows], [r.label for r in rows])


def evaluate_event_type(model: TextClassifier, rows: Sequence[GoldEvent]) -> Score:
    predicted = [label for label, _ in model.predict([r.notes for r in rows])]
    return score([r.label for r in rows], predicted)

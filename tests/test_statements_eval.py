"""Evaluation gate for statement-point labels on the project's annotated set.

tests/fixtures/statements/points.jsonl holds 307 points written by the project (communiqué,
official and wire registers; hard cases: observers' descriptions, negated, conditional and sarcastic
threats, incitement against a people vs criticism of a government), split into a dev half (the
cues were tuned on it) and a test half (never tuned on; the honest figure). Floors sit a
little below the F1 measured with `bench/eval_statements.py`, so a change that lowers them fails.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conflictdesk.evaluate.statements import read_points, score_points
from conflictdesk.nlp import load_pipeline
from conflictdesk.records import POINT_LABELS

POINTS = Path(__file__).resolve().parent / "fixtures" / "statements" / "points.jsonl"

# F1 floors per label, per split (measured 2026-11-26 with bench/eval_statements.py, regex cues plus
# the lemma rules of statement_syntax: dev micro 0.985, test micro 0.806; test per label: threat .814,
# call .872, incitement .909, justification .636, de-escalation .895, claim .833, denial .923,
# demand .774, other .732. Regex cues alone on the same set: dev .774, test .689)
FLOORS = {
    "dev": {"threat": 0.95, "call_to_action": 0.95, "incitement": 0.95, "justification": 0.88,
            "de_escalation": 0.94, "claim_of_responsibility": 0.92, "denial": 0.95, "demand": 0.95,
            "other": 0.94, "micro": 0.95},
    "test": {"threat": 0.78, "call_to_action": 0.83, "incitement": 0.86, "justification": 0.60,
             "de_escalation": 0.82, "claim_of_responsibility": 0.79, "denial": 0.88, "demand": 0.73,
             "other": 0.68, "micro": 0.77},
}


@pytest.fixture(scope="module")
def points():
    return read_points(POINTS)


def test_the_set_is_well_formed(points):
    assert 280 <= len(points) <= 340
    assert len({p["id"] for p in points}) == len(points)
    assert {p["split"] for p in points} == {"dev", "test"}
    for p in points:
        assert p["labels"] and set(p["labels"]) <= set(POINT_LABELS), p
        assert p["text"].strip() and p["note"].strip()
        if "incitement" in p["labels"]:
            assert p["targets"], p
    for label in POINT_LABELS:      # every label is evaluated on both halves
        for split in ("dev", "test"):
            assert any(label in p["labels"] for p in points if p["split"] == split), (label, split)


@pytest.mark.parametrize("split", ["dev", "test"])
def test_label_f1_floors(points, split):
    scores = score_points([p for p in points if p["split"] == split], load_pipeline())
    got = {lab: s.f1 for lab, s in scores.labels.items()}
    got["micro"] = scores.micro().f1
    low = {lab: round(got[lab], 3) for lab, floor in FLOORS[split].items() if got[lab] < floor}
    assert not low, f"{split}: F1 below floor: {low}"

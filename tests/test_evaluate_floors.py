"""Pinned floors: event extraction scored against ACLED's coding on a fixed sample of the shared
2018 file's test split (seeded, deterministic). Floors sit a little below the measured scores
(see bench/eval_events.py for the full figures); a change that lowers them fails."""
from __future__ import annotations

from pathlib import Path

import pytest

from conflictdesk.evaluate import evaluate_notes, read_acled, sample

SIZE, SEED = 800, 13
FLOORS = {
    "event_type_accuracy": 0.88,
    "event_type_macro_f1": 0.76,
    "fatalities": 0.82,
    "location_25km": 0.43,
    "actor1": 0.31,
}


@pytest.fixture(scope="module")
def summary(shared_dir: Path):
    from conflictdesk.knowledge import load_knowledge_base
    from conflictdesk.nlp import load_pipeline

    path = shared_dir / "data" / "acled-2018-middle-east" / "acled_2018_middle_east.csv"
    if not path.is_file():
        pytest.skip("the shared ACLED 2018 file is not available")
    golds = sample(read_acled(path, split="test"), size=SIZE, seed=SEED)
    return evaluate_notes(golds, nlp=load_pipeline(), kb=load_knowledge_base())


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_floor(summary, measure):
    value = summary[measure] if isinstance(summary[measure], float) else summary[measure]["rate"]
    assert value >= FLOORS[measure], f"{measure} {value:.3f} fell below its floor {FLOORS[measure]}"

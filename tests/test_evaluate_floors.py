"""Pinned floors: event extraction scored against ACLED's coding on a fixed sample of the shared
2018 file's test split (seeded, deterministic). Floors sit a little below the measured scores
(see bench/eval_events.py for the full figures); a change that lowers them fails.

The sample is read, parsed (in batches, with `nlp.pipe` inside `evaluate_notes`) and scored once
per module; each floor is then one assertion on that summary."""
from __future__ import annotations

from pathlib import Path

import pytest

from conflictdesk.evaluate import evaluate_notes, read_acled, sample
from conflictdesk.evaluate.runner import states_date
from conftest import missing_shared

SIZE, SEED = 500, 13
# measured on this sample (2018 test split, 500 notes, seed 13): accuracy 0.920, macro-F1 0.858,
# fatalities 0.910, location 0.482 (bounded by the places stage), actor1 0.634, actor2 0.388, sub-type 0.792
FLOORS = {
    "event_type_accuracy": 0.90,
    "event_type_macro_f1": 0.83,
    "fatalities": 0.88,
    "location_25km": 0.43,
    "actor1": 0.60,
    "actor2": 0.36,
    "sub_event_type": 0.76,
}


@pytest.fixture(scope="module")
def golds(shared_dir: Path):
    path = shared_dir / "data" / "acled-2018-middle-east" / "acled_2018_middle_east.csv"
    if not path.is_file():
        missing_shared(str(path))
    return sample(read_acled(path, split="test"), size=SIZE, seed=SEED)


@pytest.fixture(scope="module")
def summary(golds):
    from conflictdesk.knowledge import load_knowledge_base
    from conflictdesk.nlp import load_pipeline

    return evaluate_notes(golds, nlp=load_pipeline(), kb=load_knowledge_base(), batch_size=128)


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_floor(summary, measure):
    value = summary[measure] if isinstance(summary[measure], float) else summary[measure]["rate"]
    assert value >= FLOORS[measure], f"{measure} {value:.3f} fell below its floor {FLOORS[measure]}"


def test_every_note_scored_and_dates_honest(golds, summary):
    assert summary["documents"] == SIZE
    # the honest date figure is over exactly the dated notes that state a date
    stating = sum(1 for g in golds if g.event_date is not None and states_date(g.notes))
    assert stating > 0 and summary["event_date_when_stated"]["total"] == stating

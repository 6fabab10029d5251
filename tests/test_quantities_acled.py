"""Evaluation floor: counts found in ACLED coders' notes (../shared/data, test split) match the
fatalities they coded. A fixed, deterministic sample; the floor sits a little below the measured
rate (103/200 = 0.515 on 2026-11-26), so a regression fails. Notes that sum several counts ("a woman and two
children") or code "an unknown number" as 10 cannot match: that is the events stage's work."""
from __future__ import annotations

import csv

import pytest

from conflictdesk.extract.quantities import extract_quantities
from conflictdesk.nlp import load_pipeline
from conflictdesk.records import Document
from conftest import missing_shared

FLOOR = 0.48
FATALITY_WORDS = {"people", "civilian", "soldier", "fighter", "member", "militant", "child", "woman", "man",
                  "person", "body", "fatality", "death", "combatant", "troop", "officer", "policeman", "gunman",
                  "rebel", "insurgent", "militiaman", "student", "worker", "farmer", "casualty", "dead"}


@pytest.mark.slow
def test_counts_match_coded_fatalities(shared_dir):
    path = shared_dir / "data" / "acled-2018-middle-east" / "acled_2018_middle_east.csv"
    if not path.is_file():
        missing_shared(str(path))
    with path.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["split"] == "test" and int(r["fatalities"] or 0) > 0]
    sample = rows[::8][:200]
    nlp = load_pipeline()
    hits = 0
    for row, parsed in zip(sample, nlp.pipe([r["notes"] for r in sample], batch_size=64)):
        quantities = extract_quantities(Document(id=row["data_id"], text=row["notes"]), parsed)
        if any(q.value == int(row["fatalities"]) for q in quantities):
            hits += 1
    rate = hits / len(sample)
    assert len(sample) >= 100
    assert rate >= FLOOR, f"{hits}/{len(sample)} = {rate:.3f} below the floor {FLOOR}"

"""A state named as the event's own actor is not where the event happened ("Since intervening with air
strikes in support of Assad in September, Russia has helped pave the way ..." tells of strikes in Syria,
not in Russia); a country a locative word governs stays the place ("air strikes in Syria").

The real article is a news-2016 row of the annotated `dev` split, read from ../shared/data at run time."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conflictdesk.extract.pipeline import extract_document
from conflictdesk.records import Document


def _row(shared_dir: Path, wanted: int) -> dict:
    path = shared_dir / "data" / "news-2016" / "articles.jsonl"
    if not path.is_file():
        pytest.skip("the shared news-2016 articles are not available")
    with path.open(encoding="utf-8") as fh:
        for row, line in enumerate(fh):
            if row == wanted:
                return json.loads(line)
    raise AssertionError(f"no row {wanted}")


def test_a_state_acting_is_not_the_place_of_its_strikes(shared_dir, nlp, kb):
    a = _row(shared_dir, 957)
    doc = Document(id="news2016-957", text=a["text"], language="en", published=dt.date.fromisoformat(a["date"][:10]))
    events = extract_document(doc, nlp=nlp, kb=kb).events
    told = [e for e in events if "Russia has helped pave the way" in e.evidence.text
            and e.sub_event_type == "Air/drone strike"]
    assert told and all(e.location != "Russia" and e.country != "Russia" for e in told), \
        [(e.location, e.country) for e in told]

"""The events stage on event types and sub-types told in news: which of ACLED's types one incident
takes when a sentence tells it in several words. Real spaCy, the real knowledge base, project-written texts."""
from __future__ import annotations

import datetime as dt

import pytest

from conflictdesk.extract.pipeline import extract_document
from conflictdesk.records import Document


def extract(nlp, kb, text, published=dt.date(2016, 5, 1)):
    return extract_document(Document(id="t", text=text, language="en", published=published), nlp=nlp, kb=kb)


# 1. fighting told with a side's claim to have taken ground: one battle, coded by the change of territory
@pytest.mark.parametrize("text", [
    "Fighting raged on Saturday near Aleppo, with government forces claiming the capture of 12 villages from Islamic State.",
    "Heavy fighting continued on Monday near the town, with the army claiming to have recaptured three villages from the rebels.",
])
def test_fighting_with_a_claimed_capture_is_the_capture(nlp, kb, text):
    evs = extract(nlp, kb, text).events
    assert [(e.event_type, e.sub_event_type) for e in evs] == [("Battles", "Government regains territory")], \
        [(e.event_type, e.sub_event_type, e.rule) for e in evs]

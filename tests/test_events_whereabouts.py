"""A named person's incident told later by the name alone takes the town the text named the person at
(`extract/events/whereabouts.py`), on short written reports."""
from __future__ import annotations

import datetime as dt

import pytest

from conflictdesk.extract.events.whereabouts import person_place
from conflictdesk.extract.pipeline import extract_document
from conflictdesk.records import Document, Place, Span


def _events(text, nlp, kb):
    doc = Document(id="written-whereabouts", text=text, language="en", published=dt.date(2016, 7, 8))
    return extract_document(doc, nlp=nlp, kb=kb).events


def test_a_victim_named_at_a_town_brings_it_to_the_later_telling(nlp, kb):
    text = ("Hundreds marched on Friday over the death of Mohamed Farah near Kismayo, his relatives said.\n"
            "Farah was shot dead by soldiers at a checkpoint on Wednesday, witnesses said.")
    shot = [e for e in _events(text, nlp, kb) if "Farah was shot" in (e.evidence.text if e.evidence else "")]
    assert shot and shot[0].location == "Kismayo", [(e.location, e.evidence.text) for e in shot]


def _kismayo(text):
    at = text.index("Kismayo")
    return [Place(span=Span.of(text, at, at + 7), name="Kismayo", country="Somalia", admin1="Lower Juba",
                  latitude=-0.358, longitude=42.545, geo_precision=1, kind="populated_place", place_id=None)]


@pytest.mark.parametrize("first, found", [
    ("The death of Mohamed Farah near Kismayo angered his clan.", "Kismayo"),
    # "of"/"from" tells where a person comes from, not where the incident was
    ("Mohamed Farah from Kismayo joined the march.", None),
    # a group told with its article is no person ("the Shabaab in Kismayo")
    ("Fighters of the Shabaab in Kismayo joined the march.", None),
])
def test_only_a_full_name_at_a_town_lends_it(nlp, first, found):
    text = first + "\nFarah was shot dead at a checkpoint." if "Farah" in first else \
        first + "\nShabaab fighters shot a man at a checkpoint."
    doc = nlp(text)
    sent = list(doc.sents)[-1]
    place = person_place(sent, places=_kismayo(text), text=text)
    assert (place.name if place else None) == found

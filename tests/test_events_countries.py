"""The country of an event, as a news report tells it: the country a person comes from is no place of
what befell them, a country's name that is also a region's is the region when the text names a town in
it, and a report that names no place is in the country of the town it was filed from. Real spaCy and
knowledge base, project-written texts."""
from __future__ import annotations

import datetime as dt

from conflictdesk.extract.pipeline import extract_document
from conflictdesk.records import Document

SUNDAY = dt.date(2016, 5, 8)


def events(nlp, kb, text):
    doc = Document(id="d", text=text, language="en", published=SUNDAY)
    return extract_document(doc, nlp=nlp, kb=kb).events


def test_the_country_a_person_comes_from_is_not_where_they_were_shot(nlp, kb):
    text = ("PORTLAND, Ore. — Police in Portland shot a man on Saturday night during a fight outside a bar. A "
            "witness told reporters that officers had shot a friend from Eritrea who was holding a stick.")
    evs = events(nlp, kb, text)
    assert evs and all(e.country == "United States" for e in evs), [(e.country, e.evidence.text[:40]) for e in evs]


def test_georgia_is_the_us_state_when_the_text_names_a_town_of_it(nlp, kb):
    text = ("Four people were shot dead on Saturday in two houses in eastern Georgia, the county sheriff said. "
            "Two of them were killed at a farm outside Appling.")
    evs = [e for e in events(nlp, kb, text) if e.event_type == "Violence against civilians"]
    assert evs and all(e.country == "United States" for e in evs), [(e.country, e.location) for e in evs]
    # the country itself, where nothing names an American town
    text = "Police in Georgia detained two men on Saturday after a shooting at a cafe in Tbilisi."
    evs = events(nlp, kb, text)
    assert evs and all(e.country == "Georgia" for e in evs), [(e.country, e.location) for e in evs]


def test_a_report_naming_no_place_is_in_the_country_it_was_filed_from(nlp, kb):
    text = ("CINCINNATI A man was shot and killed by police officers on Saturday after he fired at them outside a "
            "bar, a spokesman said.")
    evs = events(nlp, kb, text)
    assert evs and all(e.country == "United States" for e in evs), [(e.country, e.location) for e in evs]

"""An event is one real occurrence (issue 9, item 3): history before the years coded, cumulative
tolls, and what a report's other sentences restate never become an event or its fatalities.
Real spaCy, the real knowledge base; sentences written after the wording of 2016 wire copy
(the articles themselves stay under ../shared/data)."""
from __future__ import annotations

import datetime as dt

import pytest

from conflictdesk.extract.pipeline import extract_document
from conflictdesk.records import Document
from conflictdesk.taxonomy import ARMED_VIOLENCE


def extract(nlp, kb, text, published=dt.date(2016, 3, 2)):
    return extract_document(Document(id="o", text=text, language="en", published=published), nlp=nlp, kb=kb)


def violent(nlp, kb, text):
    return [e for e in extract(nlp, kb, text).events if e.event_type in ARMED_VIOLENCE]


# 1. history from before the years coded is no event at all
@pytest.mark.parametrize("text", [
    "The United States dropped an atomic bomb on Hiroshima on August 6, 1945, killing 140,000 people.",
    "The United States dropped atomic bombs on Hiroshima and Nagasaki in 1945, killing more than 200,000 people.",
    "Israeli forces invaded Lebanon in 1982 and besieged Beirut for two months.",
])
def test_history_before_1990_is_no_event(nlp, kb, text):
    evs = extract(nlp, kb, text).events
    assert not evs, [(e.sub_event_type, e.event_date, e.fatalities) for e in evs]


# 2. a cumulative toll is context, never an event's fatalities
@pytest.mark.parametrize("text", [
    # the relative clause's antecedent ("the war") is not the parser's head of the clause
    "Five months of Russian air strikes have turned the momentum Assad's way in the war that has killed "
    "more than 250,000 people and created refugee crises.",
    "Russian jets struck rebel positions in Latakia, in a war that has killed more than 250,000 people since 2011.",
])
def test_war_tolls_are_no_fatalities(nlp, kb, text):
    evs = violent(nlp, kb, text)
    assert evs and all(e.fatalities is None for e in evs), [(e.sub_event_type, e.fatalities) for e in evs]


def test_toll_over_months_does_not_replace_the_event_toll(nlp, kb):
    evs = violent(nlp, kb, "Syrian army troops shelled Daraya on Tuesday, killing 12 civilians. More than 700 "
                           "people have been killed in three months of fighting in the area.")
    assert [e.fatalities for e in evs] == [12]


def test_toll_of_a_single_incident_stays(nlp, kb):
    evs = violent(nlp, kb, "A suicide bomber killed 14 people at a checkpoint in Kabul on Monday, officials said.")
    assert [e.fatalities for e in evs] == [14]


def test_aggregate_keeps_its_count_and_no_fatalities(nlp, kb):
    evs = violent(nlp, kb, "Islamic State militants carried out 891 attacks across Iraq in May, killing 2,150 people, "
                           "the United Nations said.")
    assert evs and all(e.fatalities is None for e in evs), [(e.sub_event_type, e.count, e.fatalities) for e in evs]

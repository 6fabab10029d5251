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


def test_a_country_set_against_the_event_in_a_clause_of_contrast_is_not_its_place(nlp, kb):
    # the sentence before tells of Chad; the contrast sets the kidnapping against Chad: it is the report's Niger's
    text = ("NIAMEY, Niger — Gunmen stormed a police post in Niamey on Sunday, officials said. Rebels in Chad have "
            "attacked border posts before. While Niger has mostly escaped the fighting waged by armed groups in Chad, "
            "an Italian aid worker was kidnapped last year.")
    evs = [e for e in events(nlp, kb, text) if "Italian" in e.evidence.text]
    assert evs and all(e.country == "Niger" for e in evs), [(e.country, e.location) for e in evs]


def test_while_telling_when_keeps_its_place(nlp, kb):
    text = "While patrolling near Gao in Mali on Saturday, two soldiers were shot dead by gunmen."
    evs = events(nlp, kb, text)
    assert evs and all(e.location == "Gao" for e in evs), [(e.country, e.location) for e in evs]


def test_countries_a_relation_is_between_are_not_where_a_protest_was(nlp, kb):
    text = ("SEOUL, South Korea — Hundreds of students protested on Sunday against joint naval drills between "
            "the U.S. and Japan.")
    evs = events(nlp, kb, text)
    assert evs and all(e.country == "South Korea" for e in evs), [(e.country, e.location) for e in evs]


def test_a_side_of_a_country_written_with_a_capital_places_an_arrest(nlp, kb):
    text = ("A court in Paris heard on Sunday that the suspect fled in 2012. French troops in Northern Niger "
            "arrested him in March 2014.")
    evs = [e for e in events(nlp, kb, text) if e.sub_event_type == "Arrests"]
    assert evs and all(e.country == "Niger" for e in evs), [(e.country, e.location) for e in evs]


def test_fire_is_placed_where_it_lands_not_where_it_was_launched_from(nlp, kb):
    text = "Rockets fired by militants from Gaza hit southern Israel on Monday, wounding two farmers."
    evs = events(nlp, kb, text)
    assert evs and all((e.country, e.location) == ("Israel", "southern Israel") for e in evs), \
        [(e.country, e.location) for e in evs]


def test_an_agreement_reached_at_talks_the_report_was_filed_from_is_at_their_venue(nlp, kb):
    text = ("VIENNA Foreign ministers agreed on Saturday to a truce in Libya, officials said.\n"
            "The ministers spoke after a meeting in Vienna that lasted nine hours.")
    evs = [e for e in events(nlp, kb, text) if e.sub_event_type == "Agreement"]
    assert evs and all((e.country, e.location) == ("Austria", "Vienna") for e in evs), \
        [(e.country, e.location) for e in evs]
    # filed from elsewhere than the talks: the agreement stays in the country it is about
    text = ("WASHINGTON Foreign ministers agreed on Saturday to a truce in Libya, officials said.\n"
            "The ministers spoke after a meeting in Vienna that lasted nine hours.")
    evs = [e for e in events(nlp, kb, text) if e.sub_event_type == "Agreement"]
    assert evs and all(e.country == "Libya" for e in evs), [(e.country, e.location) for e in evs]


def test_a_place_of_an_incident_something_is_likened_to_is_no_place_of_it(nlp, kb):
    text = ("DHAKA Bangladeshi police arrested three men in raids on Saturday, a day after an assault by gunmen on a "
            "cafe in the heart of the capital killed twenty people. Bangladesh has seen attacks by militants before, "
            "but an assault on foreigners by a team of gunmen is new and has echoes of the siege in Mumbai years ago.")
    evs = [e for e in events(nlp, kb, text) if e.event_type != "Strategic developments"]
    assert evs and all(e.country == "Bangladesh" for e in evs), [(e.country, e.location) for e in evs]


def test_only_a_likeness_marks_the_site_of_another_incident():
    from conflictdesk.extract.events.attributes import LIKENED_SITE
    assert LIKENED_SITE.search("the raid has echoes of the siege in ")
    assert LIKENED_SITE.search("a tactic similar to the bombing at a market in ")
    assert not LIKENED_SITE.search("hundreds joined a similar demonstration in ")

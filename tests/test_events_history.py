"""The events stage on news text (round 4): history told as background, crime shootings coded as
attacks, figurative targets and captures, the place of an event told without one, and a patrol
struck by a bomb. Real spaCy, the real knowledge base, project-written texts."""
from __future__ import annotations

import datetime as dt

import pytest

from conflictdesk.extract.pipeline import extract_document
from conflictdesk.records import Document
from conflictdesk.taxonomy import ARMED_VIOLENCE



def extract(nlp, kb, text, published=dt.date(2016, 5, 1)):
    return extract_document(Document(id="h", text=text, language="en", published=published), nlp=nlp, kb=kb)


# 1. a year before the report's own dates history: background
@pytest.mark.parametrize("text", [
    "In 2014, militants attacked a school in Peshawar, killing 132 children.",
    "Karadzic was convicted of genocide for the 1995 Srebrenica massacre.",
    "The former commander was arrested in 2008 after 11 years on the run.",
])
def test_earlier_years_are_background(nlp, kb, text):
    evs = extract(nlp, kb, text).events
    assert evs and all(e.salience == "background" for e in evs), [(e.rule, e.salience) for e in evs]


@pytest.mark.parametrize("text", [
    "The truce, the first of its kind since 2011, was signed in Geneva on Saturday.",
    "In the deadliest attack since 2014, a suicide bomber struck a market in Kabul on Saturday, killing 20 people.",
])
def test_since_year_keeps_the_news_main(nlp, kb, text):
    evs = extract(nlp, kb, text).events
    assert evs and all(e.salience == "main" for e in evs), [(e.rule, e.salience) for e in evs]


def test_year_without_publication_date_changes_nothing(nlp, kb):
    evs = extract(nlp, kb, "In 2014, militants attacked a school in Peshawar.", published=None).events
    assert evs and all(e.salience == "main" for e in evs)


def test_a_day_told_for_another_clause_does_not_date_an_earlier_years_event(nlp, kb):
    # the year of the event's own clause dates it; the day is the ruling's, another clause's
    text = ("A court ruled on Thursday that families may sue the maker of the rifle used in the 2013 shooting "
            "at a college in Oregon that left nine people dead.")
    evs = [e for e in extract(nlp, kb, text).events if e.event_type in ARMED_VIOLENCE]
    assert evs and all(e.event_date is None for e in evs), [(e.rule, e.event_date) for e in evs]


def test_a_day_of_the_event_nouns_own_phrase_stays_beside_an_earlier_year(nlp, kb):
    # "Sunday's attack" is dated by its own phrase, whatever year another phrase of the sentence names
    text = ("A gunman killed 49 people at a nightclub in Orlando on Sunday. Older residents recalled the "
            "indifference of the 1980s and saw in the outpouring of sympathy following Sunday's attack a sign "
            "of changed times.")
    evs = [e for e in extract(nlp, kb, text, published=dt.date(2016, 6, 14)).events if e.event_type in ARMED_VIOLENCE]
    # dated by its own phrase, the retelling is coded alike and joins the first telling (dated by the 1980s or
    # not at all, it would stay apart)
    assert len(evs) == 1, [(e.rule, e.evidence.start, e.event_date) for e in evs]
    assert all(e.event_date == dt.date(2016, 6, 12) for e in evs), [(e.rule, e.event_date) for e in evs]


# 2. a shooting in a country at peace is an attack, not a battle, unless it hit police (an armed side: a battle)
@pytest.mark.parametrize("text", [
    "A man shot his wife dead at their home in Columbus, Ohio, on Monday, police said.",
    "Police shot and killed a man in Baton Rouge, Louisiana, on Tuesday.",
])
def test_crime_shootings_are_attacks(nlp, kb, text):
    evs = [e for e in extract(nlp, kb, text).events if e.event_type in ARMED_VIOLENCE]
    assert evs and all((e.event_type, e.sub_event_type) == ("Violence against civilians", "Attack") for e in evs), \
        [(e.event_type, e.sub_event_type) for e in evs]


def test_a_crime_shooting_of_police_is_a_battle(nlp, kb):
    evs = [e for e in extract(nlp, kb, "A gunman shot two police officers in Dallas, Texas, on Tuesday before fleeing.")
           .events if e.event_type in ARMED_VIOLENCE]
    assert evs and all(e.event_type == "Battles" for e in evs), [(e.event_type, e.sub_event_type) for e in evs]


def test_battles_stay_battles_in_conflict_countries(nlp, kb):
    evs = extract(nlp, kb, "Houthi fighters attacked pro-Hadi troops in Sirwah on Monday.").events
    assert any(e.event_type == "Battles" for e in evs), [(e.event_type, e.sub_event_type) for e in evs]


# 3. figurative targets and captures report no event
@pytest.mark.parametrize("text", [
    "The startup captured the market for cheap phones within a year.",
    "The film captured the imagination of audiences across the country.",
    "Gross said that gun control is now a key campaign platform for Democrats.",
    "Google and McDonald's were targeted by tax raids, the minister said.",
    "The company uses targeted ads to reach young customers.",
    "The central bank targets inflation of 2 percent, the governor said.",
])
def test_figurative_target_and_capture(nlp, kb, text):
    assert extract(nlp, kb, text).events == [], [(e.rule, e.event_type) for e in extract(nlp, kb, text).events]


@pytest.mark.parametrize("text", [
    "She was captured in eastern Ukraine while fighting against pro-Moscow separatists.",
    "The two men said they were Russian soldiers captured while on a secret mission in eastern Ukraine.",
])
def test_a_person_captured_is_no_territory(nlp, kb, text):
    evs = extract(nlp, kb, text).events
    assert not any(e.rule == "battle-territory" for e in evs)


@pytest.mark.parametrize("text,sub_event_type", [
    # people seized by a state's forces are arrested, by anyone else abducted (ACLED), never territory
    ("BRUSSELS Belgian police seized a man in the Anderlecht district on Friday, prosecutors said.", "Arrests"),
    ("BAGHDAD Unknown gunmen seized the trio from a private apartment on Friday in the capital's Dora district.",
     "Abduction/forced disappearance"),
])
def test_people_seized_are_arrested_or_abducted(nlp, kb, text, sub_event_type):
    evs = extract(nlp, kb, text).events
    assert [e.sub_event_type for e in evs] == [sub_event_type], [(e.rule, e.sub_event_type) for e in evs]


@pytest.mark.parametrize("text", [
    # things seized in a search or after a raid: no ground changed hands
    "Police seized documents and computers in a search of the flat where the suspects had stayed on Tuesday.",
    "The militant group claimed it had seized armaments and military vehicles.",
    "Security forces seized explosives and documents in raids on two houses in Diyarbakir.",
])
def test_things_seized_are_no_territory(nlp, kb, text):
    evs = extract(nlp, kb, text).events
    assert not any(e.rule == "battle-territory" for e in evs), [(e.rule, e.sub_event_type) for e in evs]



@pytest.mark.parametrize("text", [
    "PALMYRA Syrian troops have been on the offensive for days in an attempt to capture the town.",
    "Iraqi forces began an offensive to retake Mosul, Iraq's second largest city, captured by Islamic State in "
    "June 2014.",
])
def test_a_place_captured_is_no_arrest(nlp, kb, text):
    evs = extract(nlp, kb, text).events
    assert not any(e.sub_event_type == "Arrests" for e in evs), [(e.rule, e.sub_event_type) for e in evs]


@pytest.mark.parametrize("text", [
    # what someone aims at, wants, seeks or is urged to do has not happened
    "Rebels are seeking to take over the area, a commander said.",
    "The government says it wants to take back full control of the city.",
    "Merkel urged the parties to peace talks to agree humanitarian zones.",
])
def test_an_aim_is_no_event(nlp, kb, text):
    evs = extract(nlp, kb, text).events
    assert not evs, [(e.rule, e.sub_event_type, e.status) for e in evs]


@pytest.mark.parametrize("text,sub_event_type", [
    # the offensive for a place is fighting; a place taken by forces that managed to is taken
    ("FALLUJAH Iraqi troops launched a military operation over a week ago to recapture Fallujah, which has been "
     "under Islamic State control since 2014.", "Armed clash"),
    ("Iraqi forces began the early stages of a separate offensive to retake Mosul, Iraq's second largest city.",
     "Armed clash"),
    ("Iraqi forces managed to retake the town of Hit on Monday.", "Government regains territory"),
])
def test_an_offensive_for_a_place_is_a_clash(nlp, kb, text, sub_event_type):
    evs = extract(nlp, kb, text).events
    assert [e.sub_event_type for e in evs] == [sub_event_type], [(e.rule, e.sub_event_type, e.status) for e in evs]


# 4. an event told without a place of its own: the country its sentence points to, not another story's
def test_place_from_the_sentence_country_cue(nlp, kb):
    text = ("ADEN, Yemen — A bulk carrier reported an explosion close to its hull west of the Yemeni port of "
            "Hodeidah on Tuesday, a maritime agency said.\n\n"
            "The Houthis, who control much of northern Yemen, say their attacks on shipping are in support of "
            "Palestinians in Gaza. U.S. and British forces have struck Houthi radar sites, missile launchers and "
            "storage facilities in response.")
    evs = [e for e in extract(nlp, kb, text, published=dt.date(2024, 3, 5)).events
           if "struck Houthi" in e.evidence.text]
    assert evs and all(e.country == "Yemen" and e.location != "Gaza" for e in evs), \
        [(e.location, e.country) for e in evs]


# 5. a patrol struck by a bomb is the bomb's target, not a change to the army's activity
def test_struck_patrol_is_no_change_to_activity(nlp, kb):
    text = ("KIRKUK, Iraq, March 4 (NIW) - A roadside bomb exploded next to an Iraqi army patrol south-west of "
            "Kirkuk on Monday, wounding three soldiers, two security sources said.")
    evs = extract(nlp, kb, text, published=dt.date(2024, 3, 4)).events
    assert [e.sub_event_type for e in evs] == ["Remote explosive/landmine/IED"], \
        [(e.event_type, e.sub_event_type) for e in evs]


def test_history_never_merges_into_todays_event(nlp, kb):
    text = ("Bosnian Serb wartime leader Radovan Karadzic was sentenced to 40 years in prison in The Hague on "
            "Thursday.\n\nKaradzic was arrested in Belgrade in 2008 after 11 years on the run. Police arrested two "
            "of his supporters in Belgrade on Thursday.")
    evs = [e for e in extract(nlp, kb, text, published=dt.date(2016, 3, 24)).events if e.sub_event_type == "Arrests"]
    assert any(e.salience == "background" and "2008" in e.evidence.text for e in evs), \
        [(e.salience, e.evidence.text[:40]) for e in evs]
    assert any(e.salience == "main" and "Thursday" in e.evidence.text for e in evs)


def test_witnesses_to_a_kidnapping_of_years_ago_name_that_kidnapping(nlp, kb):
    # "witnesses to the kidnapping": people an incident told before is about, not a new incident of the day
    text = ("Boko Haram kidnapped 219 girls from their school in Chibok two years ago.\nWitnesses to the "
            "kidnapping said the gunmen arrived at night, parents said on Thursday.")
    evs = extract(nlp, kb, text, published=dt.date(2016, 4, 14)).events
    assert [(e.sub_event_type, e.salience, e.event_date) for e in evs] == \
        [("Abduction/forced disappearance", "background", None)]


# a toll of hundreds or more in the perfect, of no one incident, is many incidents' sum: background with no day
@pytest.mark.parametrize("text", [
    "Government troops have killed at least 240 rebels in the north, the army said.",
    "Thousands of people have been killed in the renewed fighting in the southeast.",
    "Air strikes have killed more than 300 civilians in the province, the monitor said.",
    "Fighting between the rebels and the army killed thousands of people.",
])
def test_a_running_toll_is_background(nlp, kb, text):
    evs = extract(nlp, kb, text).events
    assert evs and all(e.salience == "background" and e.event_date is None for e in evs), \
        [(e.rule, e.salience, e.event_date) for e in evs]


@pytest.mark.parametrize("text", [
    "At least 130 people have been killed in a suicide bombing at a market in Baghdad, police said.",
    "At least 120 people have been killed in two bombings in the capital, police said.",
    "Government troops killed 240 rebels in the north on Tuesday, the army said.",
    "Fighting between rebels and troops killed 12 people in the north on Tuesday.",
])
def test_one_incidents_toll_is_still_the_news(nlp, kb, text):
    evs = extract(nlp, kb, text).events
    assert evs and all(e.salience == "main" for e in evs), [(e.rule, e.salience) for e in evs]


def test_an_incident_named_as_recent_is_background(nlp, kb):
    text = "Lawyers for a leader of the recent armed protest at the park questioned the bill."
    evs = extract(nlp, kb, text).events
    assert evs and all(e.salience == "background" and e.event_date is None for e in evs), \
        [(e.rule, e.salience, e.event_date) for e in evs]


# an incident noun whose own length is weeks or more is a run the report recalls: background, no day
def test_a_battle_lasting_months_is_background(nlp, kb):
    text = "The 10-month battle at Verdun killed 163,000 French soldiers."
    evs = extract(nlp, kb, text).events
    assert evs and all(e.salience == "background" and e.event_date is None for e in evs), \
        [(e.rule, e.salience, e.event_date) for e in evs]


def test_an_age_is_no_length_of_an_incident(nlp, kb):
    text = "A 29-year-old gunman opened fire at a nightclub on Sunday, killing 12 people."
    evs = extract(nlp, kb, text).events
    assert evs and all(e.salience == "main" for e in evs), [(e.rule, e.salience) for e in evs]


def test_a_year_of_the_first_of_two_coordinated_clauses_does_not_date_the_second(nlp, kb):
    # "in 2011" dates the first clause; the second, with its own subject, tells the news of Sunday
    text = ("The same market was shelled in Idlib in 2011, but Sunday's car bombing in Homs was the first to strike "
            "the city in months.")
    evs = [e for e in extract(nlp, kb, text, published=dt.date(2016, 5, 2)).events if e.location == "Homs"]
    assert evs and all(e.salience == "main" and e.event_date == dt.date(2016, 5, 1) for e in evs), \
        [(e.rule, e.salience, e.event_date) for e in evs]


def test_a_weekday_of_another_year_is_not_the_reports_week(nlp, kb):
    # "on Black Friday in 1972": a day of 1972, not the Friday before the report
    text = "She had marched with the miners across the bridge in Derry on Black Friday in 1972."
    evs = extract(nlp, kb, text).events
    assert all(e.event_date is None and e.salience == "background" for e in evs), \
        [(e.rule, e.salience, e.event_date) for e in evs]


def test_an_event_dated_only_by_this_year_is_recalled(nlp, kb):
    # "this year" dates months before the news; a sentence ranking the news in the year keeps it the news
    recalled = extract(nlp, kb, "Car bombs in the port city of Latakia this year killed scores of people.").events
    assert recalled and all(e.salience == "background" for e in recalled), [(e.rule, e.salience) for e in recalled]
    ranked = extract(nlp, kb, "The third suicide bombing in Turkey this year struck a busy square in Istanbul, "
                     "killing four people.").events
    assert ranked and all(e.salience == "main" for e in ranked), [(e.rule, e.salience) for e in ranked]


def test_the_same_year_dates_a_year_told_before(nlp, kb):
    # "the same year" names the year of the sentence before: history, with no day
    text = ("A judge was shot dead outside his home in Belfast in 1993. The same year, a former minister was wounded "
            "in a car bombing in Belfast.")
    evs = [e for e in extract(nlp, kb, text).events if e.evidence.start >= text.index("The same")]
    assert evs and all(e.salience == "background" and e.event_date is None for e in evs), \
        [(e.rule, e.salience, e.event_date) for e in evs]


def test_this_years_thing_is_no_time_of_the_event(nlp, kb):
    # "this year's race" names a thing of the year; the arrest stays the news
    text = "Police said they arrested a man who attacked two spectators near the finish line of this year's marathon."
    evs = [e for e in extract(nlp, kb, text).events if e.sub_event_type == "Arrests"]
    assert evs and all(e.salience == "main" for e in evs), [(e.rule, e.salience) for e in evs]


def test_an_incident_a_since_clause_dates_by_its_year_is_told(nlp, kb):
    # "since rebels overran the garrison in 2013": the clause dates the sentence and tells that incident; the
    # main clause's negation ("has not held") denies nothing of it
    text = ("Rebels shelled the town of Kamdesh on Monday. The army has not held a base in the district since the "
            "rebels overran its main garrison in 2013.")
    evs = [e for e in extract(nlp, kb, text).events if e.evidence.start >= text.index("The army")]
    assert any(e.event_type == "Battles" and e.status == "reported" and e.salience == "background" for e in evs), \
        [(e.rule, e.event_type, e.status, e.salience) for e in evs]


def test_a_since_clause_without_a_time_of_its_own_still_only_dates(nlp, kb):
    text = "The town has been quiet since the rebels overran its main garrison."
    evs = [e for e in extract(nlp, kb, text).events if e.event_type == "Battles"]
    assert not evs, [(e.rule, e.status) for e in evs]


def test_a_plan_in_the_adverbial_clause_of_an_arrest_does_not_make_it_planned(nlp, kb):
    text = "In 2014 one of the men was arrested near the port of Durban as he prepared a car bomb attack."
    evs = [e for e in extract(nlp, kb, text).events if e.sub_event_type == "Arrests"]
    assert evs and all(e.status == "reported" for e in evs), [(e.rule, e.status) for e in evs]


def test_a_country_the_event_nouns_own_phrase_names_is_its_country(nlp, kb):
    # the ambush was in Niger, whatever country the arrest told around it was in
    text = ("Gunmen killed two soldiers near Gao on Monday, the army said. One of their leaders was detained in "
            "Mali in 2010 over an attack on a convoy of officials in Niger that left four dead.")
    evs = extract(nlp, kb, text).events
    violent = [e for e in evs if e.event_type in ARMED_VIOLENCE and e.evidence.start >= text.index("One of")]
    arrests = [e for e in evs if e.sub_event_type == "Arrests"]
    assert violent and all(e.country == "Niger" for e in violent), [(e.rule, e.country) for e in violent]
    assert arrests and all(e.country == "Mali" for e in arrests), [(e.rule, e.country) for e in arrests]


def test_an_act_of_violence_its_own_year_dates_is_told_without_words_of_conflict(nlp, kb):
    # "the 2011 shooting of a congresswoman": a past incident the report states, though its sentence names
    # no armed group, weapon or toll
    text = ("A council member died after being shot and stabbed outside a library in Leeds on Tuesday. The attack "
            "echoed the 2011 shooting of a congresswoman in Tucson, also while meeting voters.")
    evs = [e for e in extract(nlp, kb, text, published=dt.date(2016, 6, 17)).events
           if e.evidence.start >= text.index("The attack")]
    assert any(e.event_type == "Violence against civilians" and e.country == "United States"
               and e.salience == "background" for e in evs), [(e.rule, e.event_type, e.country) for e in evs]


# 5. where talks are held is no place of the war they are about, nor of the sentences around them
@pytest.mark.parametrize("text", [
    "Envoys will gather on Monday for peace talks in Geneva. Government jets bombed rebel positions, "
    "monitors said.",
    "Foreign ministers are due to meet next week in Vienna. Rebels said air strikes killed six people on "
    "Sunday.",
    "Aid corridors were to be discussed by a task force on Friday in Geneva. Warplanes struck a market, "
    "killing nine people.",
])
def test_a_talks_venue_is_no_place_of_the_fighting(nlp, kb, text):
    evs = extract(nlp, kb, text, published=dt.date(2016, 2, 12)).events
    assert evs and all(e.location not in ("Geneva", "Vienna") for e in evs), \
        [(e.sub_event_type, e.location, e.country) for e in evs]


def test_a_place_named_beside_talks_still_places_its_own_strike(nlp, kb):
    text = "Talks stalled after warplanes bombed a hospital in Aleppo on Sunday."
    evs = extract(nlp, kb, text, published=dt.date(2016, 2, 12)).events
    assert evs and all(e.location == "Aleppo" for e in evs), [(e.sub_event_type, e.location) for e in evs]


# 6. the incident a run of time is counted from ("since ...") came before the clause's news: background
@pytest.mark.parametrize("text", [
    "The port city has been tense since the 2015 Lyon attacks, in which gunmen killed 130 people.",
    "Families of tourists missing in Manchester since this week's suicide bombings were desperate on Monday.",
])
def test_an_incident_counted_from_is_background(nlp, kb, text):
    evs = [e for e in extract(nlp, kb, text, published=dt.date(2016, 7, 14)).events
           if e.event_type in ARMED_VIOLENCE]
    assert evs and all(e.salience == "background" for e in evs), [(e.rule, e.salience) for e in evs]


def test_a_cue_of_the_past_in_an_after_phrase_is_the_phrase_s(nlp, kb):
    # "last month" dates the death the march came after, not the march
    text = "Protesters blocked a highway in Denver on Wednesday after Carter's death in police custody last month."
    evs = [e for e in extract(nlp, kb, text, published=dt.date(2016, 7, 14)).events if e.event_type == "Protests"]
    assert evs and all(e.salience == "main" and e.event_date == dt.date(2016, 7, 13) for e in evs), \
        [(e.rule, e.salience, e.event_date) for e in evs]


# 7. a year inside the phrase of a noun the trigger governs dates that noun's event, not the trigger's
@pytest.mark.parametrize("text, kind", [
    ("Police arrested two men in Lyon on Friday over the 2015 Lyon attacks.", "Strategic developments"),
    ("Hundreds of people gathered in Lyon on Sunday to mark the anniversary of the 2015 Lyon attacks.", "Protests"),
])
def test_a_year_of_the_object_leaves_the_news_main(nlp, kb, text, kind):
    evs = [e for e in extract(nlp, kb, text, published=dt.date(2016, 7, 14)).events if e.event_type == kind]
    assert evs and all(e.salience == "main" and e.event_date is not None for e in evs), \
        [(e.rule, e.salience, e.event_date) for e in evs]


@pytest.mark.parametrize("text", [
    "A 2004 militant attack on the consulate in Jiddah killed five employees.",
    # a year in a phrase that times the act ("ahead of", "during") dates the act
    ("The foiled plot is like arrests made a year ago, when four youths were arrested in Perth ahead of a 2015 Anzac "
     "parade, in what officers called a big counterterrorism raid."),
])
def test_a_year_of_the_subject_still_dates_history(nlp, kb, text):
    evs = extract(nlp, kb, text, published=dt.date(2016, 7, 14)).events
    assert evs and all(e.salience == "background" for e in evs), [(e.rule, e.salience) for e in evs]


# 8. what an "after" phrase tells as weeks or more before its clause is history, with no day of the report's
@pytest.mark.parametrize("text", [
    "The vote came months after rebels seized the town of Rutba.",
    "The council met on Tuesday, a year after militants stormed the town of Rutba.",
])
def test_an_incident_long_before_its_clause_is_background(nlp, kb, text):
    evs = [e for e in extract(nlp, kb, text, published=dt.date(2016, 7, 14)).events if e.event_type == "Battles"]
    assert evs and all(e.salience == "background" and e.event_date is None for e in evs), \
        [(e.rule, e.salience, e.event_date) for e in evs]


def test_a_retelling_dated_by_its_own_phrase_joins_the_news_despite_an_older_year(nlp, kb):
    # the year dates another clause ("the famine in the 1990s"); "Sunday's attack" is the news told again
    text = ("MIAMI What drove a gunman to kill people dancing at a nightclub in Orlando in the early hours of Sunday "
            "is still being investigated.\n\nMourners gathered outside a bar in New York on Monday.\n\nSome older "
            "residents recalled the widespread indifference that greeted the early years of the famine in the 1990s, "
            "in which thousands of farmers died, and saw in the outpouring of sympathy following Sunday's attack a "
            "welcome sign of changed times.")
    evs = [e for e in extract(nlp, kb, text, published=dt.date(2016, 6, 13)).events if e.event_type in ARMED_VIOLENCE]
    assert len(evs) == 1, [(e.rule, e.evidence.start, e.event_date, e.salience) for e in evs]
    assert evs[0].event_date == dt.date(2016, 6, 12), evs[0].event_date

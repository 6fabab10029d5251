"""What a report recalls (salience background), coded as ACLED codes context: one event per incident a
sentence recalls. Real spaCy, the real knowledge base, project-written texts."""
from __future__ import annotations

import datetime as dt

import pytest

from conflictdesk.extract.events.recalled import recalled_once
from conflictdesk.extract.pipeline import extract_document
from conflictdesk.records import Document, Event, Span


def extract(nlp, kb, text, published=dt.date(2016, 5, 1)):
    return extract_document(Document(id="r", text=text, language="en", published=published), nlp=nlp, kb=kb)


# 1. one incident recalled in two words of one sentence ("an attack ... that killed nine") is one event
def test_an_attack_recalled_with_its_toll_is_one_event(nlp, kb):
    text = "The group also claimed an attack on a police station in Kirkuk that killed nine officers last year."
    evs = extract(nlp, kb, text).events
    assert len(evs) == 1, [(e.rule, e.actor1, e.actor2) for e in evs]
    [ev] = evs
    assert ev.salience == "background" and ev.fatalities == 9 and ev.actor1 != ev.actor2
    assert ev.id == "r-ev1"


def _event(n, start, **kw):
    fields = dict(event_type="Violence against civilians", sub_event_type="Attack", country="Iraq",
                  location="Kirkuk", salience="background")
    fields.update(kw)
    return Event(id=f"r-ev{n}", evidence=Span(start, start + 10, "x" * 10), **fields)


def test_recalled_once_joins_only_the_same_telling():
    host = _event(1, 0, actor2="civilians-iraq")
    again = _event(2, 0, actor1="islamic-state-iraq", fatalities=9)
    other_sentence = _event(3, 50)
    other_place = _event(4, 0, location="Mosul")
    other_side = _event(5, 0, actor1="peshmerga")
    news = _event(6, 0, salience="main")
    kept = recalled_once([host, again, other_sentence, other_place, other_side, news])
    assert kept == [host, other_sentence, other_place, other_side, news]
    assert host.actor1 == "islamic-state-iraq" and host.fatalities == 9


# 2. a toll told over a week or more back from the report is many incidents: background, no day of its own,
# and the day's news is no telling of it
def test_a_toll_over_past_days_is_a_background_run(nlp, kb):
    text = ("Government air strikes hit a market in Homs on Saturday, killing 12 people, the monitor said. "
            "Air strikes on rebel-held districts of Homs have killed 91 civilians in the past six days, it said.")
    evs = extract(nlp, kb, text, published=dt.date(2016, 5, 1)).events
    strikes = [e for e in evs if e.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 2, [(e.salience, e.event_date, e.evidence.text[:30]) for e in evs]
    news, run = strikes
    assert news.salience == "main" and news.event_date == dt.date(2016, 4, 30)
    assert run.salience == "background" and run.event_date is None and run.event_month is None


@pytest.mark.parametrize("text", [
    "Air strikes killed 38 people in Hasaka province in the past two days, the monitor said on Thursday.",
    "It was the deadliest attack in the past year, police said of Saturday's bombing in Kabul.",
])
def test_two_days_or_a_ranking_span_is_still_the_news(nlp, kb, text):
    evs = [e for e in extract(nlp, kb, text).events if e.event_type != "Strategic developments"]
    assert evs and all(e.salience == "main" for e in evs), [(e.rule, e.salience) for e in evs]


# a lead that names an incident as known ("charged ... over the bomb attacks") before the report tells it
LEAD_BEFORE_TELLING = ("LYON French prosecutors on Thursday charged two men with terrorist offences over the Lyon bomb "
                       "attacks, a court official said.\nInvestigators are still searching for a third suspect.\n")


def test_an_incident_named_as_known_joins_its_later_telling(nlp, kb):
    text = LEAD_BEFORE_TELLING + "The suicide bomb attacks on a Lyon tram station on April 2 killed 14 people."
    evs = extract(nlp, kb, text, published=dt.date(2016, 4, 21)).events
    assert [(e.sub_event_type, str(e.event_date), e.salience) for e in evs] == \
        [("Suicide bomb", "2016-04-02", "background")], [(e.rule, e.event_date) for e in evs]


def test_an_incident_named_as_known_and_never_told_stays(nlp, kb):
    evs = extract(nlp, kb, LEAD_BEFORE_TELLING, published=dt.date(2016, 4, 21)).events
    assert len(evs) == 1 and evs[0].event_type == "Explosions/Remote violence"


def test_an_incident_named_again_with_the_day_of_another_verb_is_the_same_incident(nlp, kb):
    # "on Wednesday" dates the urging, not the protest the organiser led
    text = ("NAIROBI Hundreds of traders protested outside parliament in Nairobi on Monday against a new market tax.\n"
            "The organiser of the protest, Jane Mwangi, urged traders on Wednesday to return to their stalls.")
    evs = extract(nlp, kb, text, published=dt.date(2016, 3, 24)).events
    assert [(e.sub_event_type, str(e.event_date)) for e in evs] == [("Peaceful protest", "2016-03-21")]


def test_an_incident_ranked_among_the_largest_is_no_reference_to_one_told_before(nlp, kb):
    # "one of the largest attacks since 2003" ranks the Basra bombing: it does not name the village retaken
    text = ("BAGHDAD Iraqi troops retook a village near Mosul from Islamic State on Saturday, the army said.\n"
            "Suicide bombings like the one in Basra on March 3 that killed 60 people, one of the largest attacks "
            "since 2003, suggest the group remains a threat.")
    evs = extract(nlp, kb, text, published=dt.date(2016, 3, 22)).events
    assert [str(e.event_date) for e in evs] == ["2016-03-19", "2016-03-03"], [(e.rule, e.event_date) for e in evs]


# 9. an incident dated only by the week before the report's is what it recalls; "last weekend" on a Monday is news
def test_an_incident_of_last_week_is_background(nlp, kb):
    text = "Rebels attacked an army convoy near Idlib last week, the monitor said."
    [ev] = extract(nlp, kb, text, published=dt.date(2016, 5, 12)).events
    assert ev.salience == "background" and ev.event_date is not None, (ev.salience, ev.event_date)
    text = "Rebels attacked an army convoy near Idlib last weekend, the monitor said."
    [ev] = extract(nlp, kb, text, published=dt.date(2016, 5, 2)).events
    assert ev.salience == "main", (ev.salience, ev.event_date)


# 10. what an "after" phrase tells before a clause with a later day of its own is what led to the news
def test_an_incident_told_after_a_dated_clause_is_background(nlp, kb):
    text = "Police arrested 20 men in Basra on Friday, a day after gunmen shot dead a local judge."
    evs = extract(nlp, kb, text, published=dt.date(2016, 5, 7)).events
    shot = [e for e in evs if e.event_type == "Violence against civilians"]
    marched = [e for e in evs if e.sub_event_type == "Arrests"]
    assert shot and marched, [(e.sub_event_type, e.salience) for e in evs]
    assert shot[0].salience == "background" and shot[0].event_date == dt.date(2016, 5, 5)
    assert marched[0].salience == "main" and marched[0].event_date == dt.date(2016, 5, 6)
    # its own day, the news of the report: not recalled
    text = "Police sealed off the market after a car bomb killed 14 people in Kirkuk on Friday."
    evs = extract(nlp, kb, text, published=dt.date(2016, 5, 7)).events
    assert evs and all(e.salience == "main" for e in evs), [(e.sub_event_type, e.salience) for e in evs]


# 11. an incident dated to its day more than a few days before the day of the news the report tells led to it
def test_an_incident_days_before_the_report_is_background(nlp, kb):
    text = ("Hundreds of people protested in Basra on Sunday. Gunmen shot dead a local judge in Basra on "
            "Tuesday, the police said.")
    evs = extract(nlp, kb, text, published=dt.date(2016, 5, 8)).events
    shot = [e for e in evs if e.event_type != "Protests"]
    protest = [e for e in evs if e.event_type == "Protests"]
    assert shot and protest, [(e.sub_event_type, e.salience) for e in evs]
    assert shot[0].salience == "background" and shot[0].event_date == dt.date(2016, 5, 3)
    assert protest[0].salience == "main" and protest[0].event_date == dt.date(2016, 5, 8)


def test_recalled_once_joins_an_incident_coded_alike_anywhere():
    """ACLED codes one event per type, day, town and sides: two tellings coded alike are one incident."""
    day = dt.date(2016, 4, 1)
    sides = dict(actor1="unidentified-armed-group-iraq", actor2="police-forces-of-iraq", event_date=day)
    lead = _event(1, 0, salience="background", **sides)
    again = _event(2, 80, salience="main", fatalities=1, **sides)
    other_day = _event(3, 160, **(sides | {"event_date": dt.date(2016, 4, 2)}))
    other_side = _event(4, 240, **(sides | {"actor2": "civilians-iraq"}))
    undated = _event(5, 320, actor1=sides["actor1"], actor2=sides["actor2"])
    another = _event(6, 400, **sides)
    another.evidence = Span(400, 430, "Another gunman shot a policeman")
    kept = recalled_once([lead, again, other_day, other_side, undated, another])
    assert kept == [lead, other_day, other_side, undated, another]
    assert lead.salience == "main" and lead.fatalities == 1


# a death its own clause dates to another day than the event told before it is another incident, not that
# event's outcome
def test_a_death_dated_to_another_day_is_its_own_incident(nlp, kb):
    text = ("Protesters blocked a highway in Riverton on Friday over the police shootings of two unarmed men.\n"
            "Marcus Webb was shot dead by police officers at a bus stop in Riverton on Wednesday night.\n"
            "A man was killed on Monday during an altercation with two police officers outside a pharmacy.")
    evs = extract(nlp, kb, text, published=dt.date(2016, 4, 9)).events
    attacks = [e for e in evs if e.event_type == "Violence against civilians"]
    assert sorted(str(e.event_date) for e in attacks) == ["2016-04-04", "2016-04-06"], \
        [(e.event_date, e.evidence.text) for e in evs]


# the violence a demonstration protests, told with its own month, is a background incident of its own
def test_violence_protested_with_its_own_month_is_a_background_event(nlp, kb):
    text = ("Activists rallied outside the Riverton police headquarters on Sunday to protest after an unarmed "
            "student was shot and killed by officers in January.")
    evs = extract(nlp, kb, text, published=dt.date(2016, 4, 11)).events
    assert [e.event_type for e in evs] == ["Protests", "Violence against civilians"], [e.rule for e in evs]
    protest, killing = evs
    assert protest.event_date == dt.date(2016, 4, 10) and protest.sub_event_type == "Peaceful protest"
    assert killing.salience == "background" and killing.event_month == "2016-01" and killing.event_date is None


# the violence a march protests, dated between its noun and its "of" phrase ("the shootings last week of two
# men"), is dated in its own clause: a background incident of its own, not the cause folded into the march
def test_violence_protested_dated_inside_its_phrase_is_a_background_event(nlp, kb):
    text = ("A gunman killed three police officers at a rally in Riverton on Thursday, police said.\n\n"
            "He opened fire during a march protesting the police shootings last week of two men in Tulsa, Oklahoma.")
    evs = extract(nlp, kb, text, published=dt.date(2016, 7, 12)).events
    shootings = [e for e in evs if e.location == "Tulsa" and e.event_type == "Violence against civilians"]
    assert len(shootings) == 1, [(e.event_type, e.location, e.evidence.text[:40]) for e in evs]
    assert shootings[0].salience == "background"


# victims of "a shooting" (indefinite) at a place where people were killed: an incident told for the first time,
# not a reference to the news told before it, nor one whose attacker is who met the victims
def test_victims_of_an_indefinite_incident_name_an_incident_of_their_own(nlp, kb):
    text = ("A gunman killed four people at a shopping mall in Portland on Sunday, police said.\n\n"
            "Last year the governor met privately with families of victims of a shooting at a community college "
            "where nine students were killed.")
    evs = extract(nlp, kb, text, published=dt.date(2016, 7, 12)).events
    assert sorted(e.fatalities for e in evs) == [4, 9], [(e.location, e.fatalities, e.actor1) for e in evs]
    college = next(e for e in evs if e.fatalities == 9)
    assert college.salience == "background" and "government" not in (college.actor1 or "")


# a blow told as deadly ("before fatally shooting six worshippers") is a killing with its victims counted, in a
# sentence with no other word of conflict
def test_a_fatal_shooting_recalled_with_its_year_is_an_event_with_its_toll(nlp, kb):
    text = ("A gunman killed three police officers at a rally in Dallas on Thursday, police said.\n\n"
            "A union official compared him with a man who held racist views before fatally shooting six "
            "worshippers inside a temple in Tucson, Arizona in May 2015.")
    evs = extract(nlp, kb, text, published=dt.date(2016, 7, 12)).events
    tucson = [e for e in evs if e.location == "Tucson"]
    assert len(tucson) == 1, [(e.location, e.fatalities, e.evidence.text[:40]) for e in evs]
    assert tucson[0].fatalities == 6 and tucson[0].salience == "background"


# deaths told "in two other incidents" are no toll of the incident the sentence tells; "anyone" counts no one
@pytest.mark.parametrize("text, toll", [
    ("Police fatally shot two gunmen who fired at officers near the Old City in Jerusalem on Sunday, on a day when "
     "officials said three other attackers were killed in two other incidents.", 2),
    ("Gunmen stormed a farm near Jos on Sunday and fatally shot anyone who was still inside, police said.", None),
])
def test_deaths_of_other_incidents_or_of_no_one_counted_are_no_toll(nlp, kb, text, toll):
    evs = extract(nlp, kb, text, published=dt.date(2016, 7, 12)).events
    assert evs and evs[0].fatalities == toll, [(e.event_type, e.fatalities) for e in evs]


# two incidents a report recalls in two different earlier years are two events, and an office holder
# murdered by a man is violence against a person wherever its sentence stands
def test_incidents_recalled_in_two_years_stay_two(nlp, kb):
    text = ("LONDON - A lawmaker was shot dead in a street in Leeds on Thursday, police said. "
            "The previous attack on a lawmaker was in 2011, when a Labour member was stabbed in the arm at his "
            "office in north London by a student. In 2002, a local councillor was murdered by a man with a knife "
            "at the offices in Wales of lawmaker John Smith, who was also badly hurt in the attack.")
    evs = extract(nlp, kb, text).events
    recalled = [e for e in evs if e.salience == "background"]
    murder = [e for e in recalled if "In 2002" in e.evidence.text]
    assert len(murder) == 1, [(e.evidence.text[:40], e.event_date) for e in evs]
    assert murder[0].event_type == "Violence against civilians" and murder[0].event_date is None
    assert any("in 2011" in e.evidence.text for e in recalled)


# a run of incidents told with how often they recur is one background event of its own (the guide's
# aggregate), not the day's bombing told again; attacks said to be rare are no incidents at all
def test_a_run_told_as_recurring_is_one_background_event(nlp, kb):
    text = ("KABUL - A roadside bomb killed three soldiers in Helmand on Monday, officials said. "
            "Rocket attacks occur every week in the south of the province.")
    evs = extract(nlp, kb, text).events
    run = [e for e in evs if e.evidence.text.startswith("Rocket attacks")]
    assert len(run) == 1 and len(evs) == 2, [(e.evidence.text[:30], e.sub_event_type) for e in evs]
    assert run[0].salience == "background" and run[0].event_date is None and run[0].fatalities is None
    rare = extract(nlp, kb, "LONDON - Police said on Monday that gun attacks in Britain are rare.").events
    assert not [e for e in rare if e.event_type == "Violence against civilians"]


# an incident told to say who people are, or by the name the reader knows it by, is referred back to: background,
# with no day told for another clause of its sentence
def _kinds(events, sub):
    return [e for e in events if e.sub_event_type == sub]


def test_bombers_told_as_whose_relative_are_no_news_of_the_day(nlp, kb):
    text = "Police arrested a brother of one of the Lisbon suicide bombers on Friday, prosecutors said."
    evs = extract(nlp, kb, text, dt.date(2016, 6, 15)).events
    [arrest], bombs = _kinds(evs, "Arrests"), _kinds(evs, "Suicide bomb")
    assert arrest.event_date == dt.date(2016, 6, 10) and arrest.salience == "main"
    assert bombs and all(e.salience == "background" and e.event_date is None and e.actor1 != arrest.actor1
                         for e in bombs), [(e.salience, e.event_date, e.actor1) for e in bombs]


@pytest.mark.parametrize("text", [
    "Relatives of the 31 people massacred in Dayton gathered at a church on Sunday to pray.",
    "Investigators said on Tuesday that the gunman who killed 12 people at a bar in Tampa had visited the bar before.",
    "Police on Thursday questioned a suspected participant in the October attacks in Lyon that killed 40 people.",
])
def test_an_incident_told_of_people_takes_no_day_of_the_sentence(nlp, kb, text):
    evs = [e for e in extract(nlp, kb, text, dt.date(2016, 6, 15)).events if e.event_type in (
        "Violence against civilians", "Explosions/Remote violence")]
    assert evs and all(e.salience == "background" and e.event_date is None for e in evs), \
        [(e.sub_event_type, e.salience, e.event_date) for e in evs]


def test_an_incident_named_by_its_city_after_the_lead_is_background(nlp, kb):
    text = ("Police raided a flat in Lisbon on Tuesday. Security has been tight in the city since the Madrid "
            "attacks, officials said on Monday.")
    evs = [e for e in extract(nlp, kb, text, dt.date(2016, 6, 15)).events if e.location == "Madrid"]
    assert evs and all(e.salience == "background" and e.event_date is None for e in evs), \
        [(e.salience, e.event_date) for e in evs]


@pytest.mark.parametrize("text", [
    "The Tampa bar massacre on Sunday killed 12 people and wounded 30, police said.",
    "The gunman who killed 12 people at a bar in Tampa on Sunday was identified by police on Tuesday.",
])
def test_an_incident_told_with_its_own_day_keeps_it(nlp, kb, text):
    evs = [e for e in extract(nlp, kb, text, dt.date(2016, 6, 15)).events if e.sub_event_type == "Attack"]
    assert evs and all(e.event_date == dt.date(2016, 6, 12) and e.salience == "main" for e in evs), \
        [(e.salience, e.event_date) for e in evs]

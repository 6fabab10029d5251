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


def test_an_aggregate_told_again_is_the_aggregate(nlp, kb):
    # "those attacks" after a counted aggregate names the aggregate: its toll is of many incidents
    evs = violent(nlp, kb, "BAGHDAD There were 891 attacks by Islamic State militants during the first quarter of "
                           "2016 in Iraq and Syria, a research firm said in a new report.\nThose attacks killed 2,150 "
                           "people, a 44 percent rise over the previous three months.")
    assert [(e.count.value if e.count else None, e.fatalities, e.salience) for e in evs] == \
        [(891, None, "background")], [(e.sub_event_type, e.count, e.fatalities, e.salience) for e in evs]


@pytest.mark.parametrize("text", [
    # a span of days or weeks ("in the past six days", "in one week", "Sunday through Wednesday")
    "The monitor said air strikes on rebel-held areas of Aleppo had killed 91 people in the past six days.",
    "The army announced the offensive after a spate of bombings that killed more than 150 people in one week in "
    "Baghdad.",
    "The ministry said Russian warplanes hit 146 targets near Palmyra Sunday through Wednesday, killing 320 militants.",
    # hundreds killed in the perfect, with no one incident named: a running toll
    "JERUSALEM Israeli forces have killed at least 177 Palestinians, 119 of whom Israel says were assailants.",
])
def test_tolls_over_a_span_are_no_fatalities(nlp, kb, text):
    evs = violent(nlp, kb, text)
    assert evs and all(e.fatalities is None for e in evs), [(e.sub_event_type, e.fatalities) for e in evs]


@pytest.mark.parametrize("text,fatalities", [
    ("BAGHDAD A suicide bombing has killed 120 people at a market in Baghdad, police said.", 120),
    ("Two car bombs killed 40 people in Baghdad on Monday.", 40),
    ("ISTANBUL Just over a year ago, a suicide bomber blew herself up at a police station, killing one officer.", 1),
    # a count of a day's incidents, not of a span ("this year" is when, not how long)
    ("Three suicide bombings across Baghdad killed at least 80 people on Wednesday, in the deadliest attacks in the "
     "capital this year.", 80),
    # the dead told in a relative clause: the people it tells of are counted
    ("The toll included at least 15 people who were killed when strikes hit a bakery in the city of al-Shadadi "
     "on Tuesday, the Observatory said.", 15),
])
def test_one_incidents_toll_stays(nlp, kb, text, fatalities):
    evs = violent(nlp, kb, text)
    assert evs and evs[0].fatalities == fatalities, [(e.sub_event_type, e.fatalities) for e in evs]


def test_two_events_set_against_each_other_stay_two(nlp, kb):
    # "while" sets two incidents against each other; "claimed 49 lives" is a toll, no claim
    evs = violent(nlp, kb, "BEIRUT The monitor said air strikes on rebel-held areas of Aleppo had killed 27 people on "
                           "Wednesday while rebel shelling of government-held areas had claimed 14 lives.")
    assert sorted((e.sub_event_type, e.status, e.fatalities) for e in evs) == [
        ("Air/drone strike", "reported", 27), ("Shelling/artillery/missile attack", "reported", 14)], \
        [(e.sub_event_type, e.status, e.fatalities) for e in evs]


@pytest.mark.parametrize("text,tolls", [
    ("Soldiers killed two suspected rebels in raids near the border on Sunday, two days after an ambush by "
     "gunmen in the town of Marawi killed six villagers.", [2, 6]),
    ("Soldiers killed two suspected rebels and detained three more in raids near the border on Sunday, two days "
     "after an ambush by gunmen in the town of Marawi killed six villagers.", [2, 6]),
    ("A roadside bomb killed four soldiers in Kandahar on Monday as gunmen killed two policemen in Kabul.", [2, 4]),
])
def test_tolls_of_two_clauses_are_never_added(nlp, kb, text, tolls):
    # each count belongs to the event whose own clause's verb tells it: the raid's two, the ambush's six
    evs = violent(nlp, kb, text)
    assert sorted(e.fatalities for e in evs if e.fatalities is not None) == tolls, \
        [(e.sub_event_type, e.fatalities) for e in evs]


# 2b. one incident told several ways in a report is coded once
def test_a_caption_and_a_claim_retell_the_news(nlp, kb):
    text = ("Islamic State claimed responsibility on Saturday for suicide blasts that a monitoring group said left "
            "at least 20 people dead in Sayyida Zeinab, south of Damascus.\n\n"
            "The group released a statement claiming responsibility for killing and wounding more than 80 people "
            "after three suicide bombers detonated two explosive belts and a car bomb.\n\n"
            "People inspect a damaged site after a suicide and car bomb attack in Sayyida Zeinab, Syria on June 11, "
            "2016. OMAR SANADIKI / Reuters\n\n"
            "But the monitor said at least 20 were killed and the death toll was expected to rise.\n\n"
            "On April 25, a suicide car bomb struck a military checkpoint there, killing eight people.\n\n"
            "Washington condemned the attack in the strongest terms.")
    evs = [e for e in extract(nlp, kb, text, published=dt.date(2016, 6, 11)).events if e.event_type in ARMED_VIOLENCE]
    assert [(e.sub_event_type, e.event_date, e.fatalities, e.salience) for e in evs] == [
        ("Suicide bomb", dt.date(2016, 6, 11), 20, "main"), ("Suicide bomb", dt.date(2016, 4, 25), 8, "background")], \
        [(e.sub_event_type, e.event_date, e.fatalities, e.salience, e.evidence.text[:40]) for e in evs]


@pytest.mark.parametrize("text", [
    # a link to another story, a correction note, a live page's heading
    "Ministers met in Geneva on Friday, officials said.\n[Islamic State fighters kill 40 in Iraq attack]\n",
    "Police arrested a man on Friday.\n(This version of the story corrects the number killed in the bombing)\n",
    "The Latest on fighting against Islamic State group in Syria and Iraq (all times local):\n",
    "Ministers met in Geneva on Friday, officials said.\nRECOMMENDED: Rebels storm army post in the north, 30 killed\n"
    "The talks resume on Monday.\n",
    # the caption of an old photograph
    "Ministers met in Geneva on Friday, officials said.\nThis file photo taken on March 3, 2014 shows militants "
    "standing next to burning cars after an attack on a convoy in Anbar.\n",
])
def test_asides_tell_no_incident(nlp, kb, text):
    evs = extract(nlp, kb, text, published=dt.date(2016, 6, 11)).events
    assert not any(e.event_type in ARMED_VIOLENCE for e in evs), [(e.sub_event_type, e.evidence.text) for e in evs]


def test_no_death_toll_given_is_no_zero(nlp, kb):
    evs = violent(nlp, kb, "Al-Shabab attacked Kenyan peacekeepers in southwestern Somalia on Friday. The Kenyan "
                           "government has given no death toll, but said there were some fatalities.")
    assert evs and all(e.fatalities != 0 for e in evs), [(e.sub_event_type, e.fatalities) for e in evs]


def test_victims_of_a_siege_are_no_mob(nlp, kb):
    evs = extract(nlp, kb, "MOGADISHU Somalia's security forces ended a deadly siege of a beachfront restaurant in "
                           "the capital, with more than 20 people killed in the attack, a police official said.").events
    assert evs and not any(e.event_type == "Riots" for e in evs), [(e.sub_event_type, e.status) for e in evs]
    assert any(e.fatalities == 20 and e.status == "reported" for e in evs), \
        [(e.sub_event_type, e.status, e.fatalities) for e in evs]


def test_an_accusation_of_an_incident_still_tells_it(nlp, kb):
    evs = violent(nlp, kb, "Turkey accused Russia of bombing a hospital in Azaz on Monday.")
    assert evs, "an accusation naming a day and a place tells an incident"


# 3. words of violence that tell no incident
@pytest.mark.parametrize("text", [
    # who someone is
    "U.S. and Iraqi officials fighting Islamic State said on Friday they could not confirm the account.",
    "A spokesman for the U.S.-led coalition fighting the militants said in an email that he had no information.",
    # aircraft that only fly or watch
    "Soldiers were driving into the campus as helicopters buzzed overhead, a police officer said.",
    "Western advisers are training Tunisian border forces to protect the frontier with surveillance and drones.",
    # going to fight, not a battle
    "More than 3,000 Tunisians have left to fight with Islamic State and other militant groups in Syria and Iraq.",
    # violence named only as what someone accuses another of, fears or flees (an allegation, a pattern)
    "German Chancellor Angela Merkel accused Russia this week of bombing civilians, contrary to a U.N. resolution.",
    "Kerry told Lavrov that Washington was deeply concerned about Russia's continued bombing of civilian targets.",
    "Tens of thousands of Syrians were on the move towards Turkey to escape aerial bombardments on the city of Aleppo.",
    # a side's struggle against an enemy; violence named as what turns a war
    "Militia fighters, seen as a bulwark in the fight against Islamic State militants, have a heavy presence there.",
    "Turkey's prime minister called on the United States to give support in the fight against Kurdish militants.",
    "To the frustration of the United States, Russian air strikes have turned the tide of the civil war.",
    "Russian bombing has transformed the Syrian civil war in recent weeks, officials said.",
    # a side at war, told in the present with no day: what it does these months
    "As a member of the coalition, Jordan is fighting Islamic State in Syria and Iraq.",
    "Kurdish militias, who are battling the army in the southeast, are listed as terrorists by Ankara.",
    "The Nusra Front, which fights government forces in many areas of western Syria, is banned by the United Nations.",
    # the war a side wages, named as what it fights: no one clash
    "Officials said the plan gives the army more room to help local forces battling a stubborn rebel insurgency.",
    # an aim pursued these days, not an attempt at one incident
    "Kurdish forces hold the hills north of the city while the army is trying to capture the town.",
    # fighting as an activity someone is known for or comes back from
    "He praised the army's record in fighting Islamic State in the region, officials said.",
    "Officials fear that militants returning from fighting for Islamic State in Syria could form a new group.",
    # any such event, none in particular
    "Several Gulf states said they would join any ground attack against Islamic State.",
    # a blaze, not gunfire; a view shared, no agreement
    "A massive fire broke out on Monday during a fireworks display at a temple in Kerala.",
    "Local media said at least 17 army personnel were killed in the blaze at the depot on Tuesday.",
    "Both sides agreed there has been some progress in delivering aid to besieged towns.",
    # aircraft that are, remain or are shown somewhere
    "There are now more Russian attack helicopters in Syria than at any time since September.",
    "More than 20 fighter-bomber aircraft remain in Syria, officials said.",
    # aircraft as things: sold, ridden in, heard
    "The deal covers the sale of 24 fighter jets to Iraq, which is fighting Islamic State.",
    "The defense minister spoke to reporters aboard a military aircraft on his way to the front in Iraq.",
    "The streets of the city, where troops are fighting Islamic State, were quiet apart from the sound of army "
    "helicopters.",
    # an event foreseen, none that took place
    "No intelligence suggested an attack was imminent, the police spokesman said.",
    # a kind of target struck again and again, in the perfect, with no day and no place
    "Local affiliates of the group have targeted minority Shiites and security officials.",
    # a verb of aiming with no weapon: what a side is after, not an attack
    "Kurdish fighters allied to Arab militias were targeting Mosul, the group's stronghold in Iraq.",
    "Moscow insists it is targeting only militants in Syria.",
    "Police in the city began targeting gang members last year, officials said.",
    "Several countries in the region have been targeted by the militants.",
    # a weapons test fires at no one, a nuclear bomb is no roadside bomb
    "Since the North conducted its fourth nuclear test, which it claimed was a hydrogen bomb, it has fired "
    "several short-range missiles into the sea.",
    # a reason someone gives, not an incident the report tells
    "The rebel delegation walked out of the talks on Monday, citing the continued bombardment of towns "
    "under rebel control.",
])
def test_no_incident_told(nlp, kb, text):
    evs = extract(nlp, kb, text).events
    assert not evs, [(e.event_type, e.sub_event_type, e.rule) for e in evs]


def test_a_protest_in_words_is_no_protest(nlp, kb):
    evs = extract(nlp, kb, "The Russian ambassador was summoned to the foreign ministry to strongly protest and "
                           "condemn the violation of Turkish airspace by Russian warplanes.").events
    assert not any(e.event_type == "Protests" for e in evs), [(e.event_type, e.sub_event_type, e.rule) for e in evs]


@pytest.mark.parametrize("text", [
    "PKK militants attacked a police station in Diyarbakir on Friday, killing three officers. Two soldiers were "
    "killed when a military helicopter crashed in Hakkari province due to a technical fault, the army said.",
    "An Amtrak train derailed when it struck a backhoe near Chester on Sunday, killing two people.",
    "A mountain lion attack killed a hiker in the state last year, wildlife officials said.",
])
def test_accidents_and_animals_are_no_political_violence(nlp, kb, text):
    evs = [e for e in violent(nlp, kb, text) if "crash" in e.evidence.text or "derail" in e.evidence.text
           or "lion" in e.evidence.text]
    assert not evs, [(e.event_type, e.sub_event_type, e.rule) for e in evs]


def test_a_helicopter_shot_down_stays_an_event(nlp, kb):
    evs = violent(nlp, kb, "Two soldiers were killed when their helicopter crashed after being hit by rocket fire "
                           "from PKK militants in Hakkari province on Friday, the army said.")
    assert evs


def test_a_blast_told_after_a_lead_telling_a_gas_explosion_is_that_accident(nlp, kb):
    assert not violent(nlp, kb, "A gas explosion ripped through a bakery in the port of Tema on Monday, injuring "
                                "five workers, fire officials said.\n\nThe blast shattered windows along the street "
                                "and the explosion left two other people hurt.")


def test_the_dead_told_after_a_lead_telling_a_flood_are_the_floods(nlp, kb):
    text = ("Four people were killed in floods in northern Ghana on Sunday, officials said.\n\nA man and his son "
            "died in Tamale after their car was swept off a bridge by flood waters. Police took the bodies to the "
            "regional hospital.\n\nA crewman is dead after a ferry capsized on the lake.")
    evs = extract(nlp, kb, text).events
    assert not evs, [(e.sub_event_type, e.evidence.text) for e in evs]


def test_a_killing_told_after_a_lead_telling_a_flood_stays_an_attack(nlp, kb):
    evs = violent(nlp, kb, "Four people were killed in floods in northern Ghana on Sunday, officials said.\n\n"
                           "Separately, gunmen shot dead a trader in Tamale on Saturday, police said.")
    assert [e.location for e in evs] == ["Tamale"], [(e.sub_event_type, e.location) for e in evs]


@pytest.mark.parametrize("text", [
    "The inquiry said the town used its police to collect fines and created a culture of mistrust that exploded "
    "when an officer fatally shot a teenager.",
    "Anger exploded when an officer fatally shot a teenager in Porto in May.",
])
def test_feelings_that_exploded_are_no_bomb(nlp, kb, text):
    evs = extract(nlp, kb, text).events
    assert not any(e.event_type == "Explosions/Remote violence" for e in evs), [(e.sub_event_type, e.rule) for e in evs]


def test_a_bomb_that_exploded_stays_a_bomb(nlp, kb):
    evs = violent(nlp, kb, "A bomb exploded at a market in Mosul on Monday, killing four people, police said.")
    assert [e.sub_event_type for e in evs] == ["Remote explosive/landmine/IED"]


# an explosion at works of industry, told with no hostile word, is an accident; one at forces' post near them is not
@pytest.mark.parametrize("text", [
    "A huge explosion tore through a fertilizer plant near Porto on Monday, killing four workers, officials said.",
    "On Monday an explosion at a petrochemical facility outside Porto killed four people, the company said.",
    "On Monday in Porto, what police called a likely fireworks mishap badly hurt a boy who stepped on an explosive.",
])
def test_a_blast_at_works_of_industry_is_an_accident(nlp, kb, text):
    assert not violent(nlp, kb, text)


def test_a_blast_at_a_police_post_near_a_plant_stays_an_attack(nlp, kb):
    assert violent(nlp, kb, "An explosion at a police post beside a power plant in Quetta killed four officers on "
                            "Monday, officials said.")


def test_a_blast_told_after_a_lead_telling_a_bombing_stays_an_attack(nlp, kb):
    evs = violent(nlp, kb, "A bomb went off at a bus stop in Maiduguri on Monday, killing four people, police "
                           "said.\n\nThe blast shattered windows along the street.")
    assert [e.sub_event_type for e in evs] == ["Remote explosive/landmine/IED"]


def test_what_one_did_to_oneself_is_no_attack(nlp, kb):
    assert not violent(nlp, kb, "Farmer dies of wound\nA farmer died on Sunday near the village of Kamo after a "
                                "self-shot wound to the leg, police said.")


def test_a_shooting_told_beside_a_self_shot_picture_stays_an_attack(nlp, kb):
    assert violent(nlp, kb, "Police said the suspect, who had shot his neighbour on Friday, posted a self-shot "
                            "picture of his bloody face online.")


def test_aircraft_striking_stay_strikes(nlp, kb):
    evs = violent(nlp, kb, "Russian jets carried out dozens of strikes on Islamic State positions near Palmyra on "
                           "Sunday, the Syrian Observatory said.")
    assert [e.sub_event_type for e in evs] == ["Air/drone strike"], [(e.sub_event_type, e.rule) for e in evs]


def test_since_clause_only_dates(nlp, kb):
    evs = extract(nlp, kb, "Russian strikes hit areas of Aleppo and Homs provinces since the cessation of hostilities "
                           "deal took effect, a report by the Institute for the Study of War showed.").events
    assert [e.sub_event_type for e in evs] == ["Air/drone strike"], [(e.sub_event_type, e.rule) for e in evs]


def test_fighting_told_is_a_battle(nlp, kb):
    evs = violent(nlp, kb, "Kurdish YPG fighters fought Islamic State militants near Tel Abyad on Tuesday.")
    assert [e.event_type for e in evs] == ["Battles"]


# 4. one incident, told several times, is one event; another incident is another
def test_a_separate_incident_is_another_event(nlp, kb):
    evs = violent(nlp, kb, "Israeli police shot dead a Palestinian who stabbed a policeman in Jerusalem's Old City "
                           "on Sunday, police said.\nIn a separate incident, a Palestinian tried to stab a soldier at "
                           "a checkpoint near Hebron and was shot dead, the army said.")
    assert any(e.evidence.text.startswith("In a separate incident") for e in evs), \
        [(e.sub_event_type, e.evidence.text[:40]) for e in evs]



def test_plural_strikes_in_the_perfect_tell_a_toll_of_many(nlp, kb):
    evs = violent(nlp, kb, "Russian jets bombed rebel positions in Latakia on Tuesday. The Syrian Organisation for "
                           "Human Rights says Russian air strikes have killed more than 1,700 civilians.")
    assert all(e.fatalities is None for e in evs), [(e.sub_event_type, e.fatalities) for e in evs]


# 4. a habit of an actor ("regularly targets", "continues to launch attacks") is no incident; a place
# told as regularly struck keeps its one aggregate event
@pytest.mark.parametrize("text", [
    "The militant group regularly targets government forces and civilians, who it regards as heretics.",
    "Despite losing its major towns, the group continues to launch deadly guerrilla attacks across the country.",
    "The Turkish military usually responds with artillery barrages into northern Syria.",
])
def test_a_habit_is_no_incident(nlp, kb, text):
    evs = violent(nlp, kb, text)
    assert not evs, [(e.sub_event_type, e.event_date) for e in evs]


def test_a_place_regularly_struck_stays_one_aggregate(nlp, kb):
    evs = violent(nlp, kb, "The Turkish border town of Kilis has been regularly struck by rockets fired from Syria.")
    assert evs, "a place told as regularly struck is an aggregate event"


def test_a_war_toll_is_no_incident(nlp, kb):
    evs = extract(nlp, kb, "Monday's talks will coincide with the fifth anniversary of a war that has killed more "
                           "than 250,000 people and created the world's worst refugee crisis.").events
    assert not evs, [(e.sub_event_type, e.event_date) for e in evs]


@pytest.mark.parametrize("text", [
    # fighting on a day, a past attempt: incidents
    "Rebels are fighting government troops on the edge of Aleppo on Sunday, the Observatory said.",
    "Kurdish militants were fighting soldiers in the town of Cizre, security sources said.",
    "A man tried to stab a policeman at a checkpoint near Hebron on Friday and was shot dead, police said.",
    "Three soldiers were killed in fighting with militants in Diyarbakir on Monday.",
    "Saudi-led warplanes have struck Houthi positions in Sanaa, residents said.",
    "Russian jets have bombed rebel positions near Aleppo, the monitor said on Sunday.",
])
def test_fighting_on_a_day_and_past_attempts_stay(nlp, kb, text):
    assert violent(nlp, kb, text)


@pytest.mark.parametrize("text,types", [
    # who died in strikes are their victims, never a mob
    ("BEIRUT At least 40 people, including six children, have died in air strikes on a town in eastern Syria, "
     "the monitor said on Sunday.", [("Explosions/Remote violence", "Air/drone strike")]),
    # fighters killed, counted as "N of its fighters": a battle, not violence against civilians
    ("The rebel group said on Monday that 17 of its fighters were killed in an Islamic State attack on two towns "
     "in the north.", [("Battles", "Armed clash")]),
    # a resident cited as the source takes no part in the clashes
    ("Iraqi troops launched an assault on Falluja on Monday. The first clashes took place on the city's southern "
     "edge, a resident said.", [("Battles", "Armed clash")]),
    # what a battle destroyed is part of the battle
    ("The Kurdish security council said at least 20 Islamic State vehicles were destroyed on Tuesday and more than "
     "70 militants killed near Mosul.", [("Battles", "Armed clash")]),
])
def test_one_incident_one_type(nlp, kb, text, types):
    evs = extract(nlp, kb, text).events
    assert [(e.event_type, e.sub_event_type) for e in evs] == types, [(e.sub_event_type, e.rule) for e in evs]


def test_an_agreement_reached_stays(nlp, kb):
    evs = extract(nlp, kb, "The two sides agreed on Friday to a ceasefire in the town, officials said.").events
    assert [e.sub_event_type for e in evs] == ["Agreement"]


def test_an_incident_retold_at_its_place_is_one_event(nlp, kb):
    # the lead's place is only the dateline's; the later paragraph names where it happened: one incident
    text = ("PESHAWAR, Pakistan Taliban militants stormed a university in northwestern Pakistan on Wednesday, "
            "killing at least 19 people, officials said.\n"
            "A Taliban commander, who planned a school massacre in nearby Peshawar in December 2014, claimed "
            "responsibility for the assault.\n"
            "The militants scaled the walls of the university in Charsadda before opening fire on students in "
            "classrooms, police said.")
    evs = [e for e in extract(nlp, kb, text, published=dt.date(2016, 1, 20)).events
           if e.event_date == dt.date(2016, 1, 20)]
    assert [(e.sub_event_type, e.location) for e in evs] == [("Attack", "Charsadda")], \
        [(e.sub_event_type, e.location, e.rule) for e in evs]


def test_a_wire_caption_retells_the_news(nlp, kb):
    # a wire service's caption ("In this image made from video ...", a closing "(AP)") is no second incident
    text = ("DHAKA Militants attacked a police checkpoint near a prayer gathering in Kishoreganj on Thursday, "
            "killing two officers, police said.\n"
            "Officials said the attackers threw crude bombs before opening fire.\n"
            "In this image made from video provided by a local TV station, wounded people are helped after a "
            "militant attack in Kishoreganj, Bangladesh, Thursday, July 7, 2016. (AP/Local TV)\n")
    evs = [e for e in extract(nlp, kb, text, published=dt.date(2016, 7, 7)).events if e.event_type in ARMED_VIOLENCE]
    assert not any("In this image" in e.evidence.text for e in evs), [(e.sub_event_type, e.evidence.text) for e in evs]


def test_force_against_the_attackers_is_part_of_the_attack(nlp, kb):
    # police shooting the suspects of the attack just told: the same incident (ACLED counts them in its toll)
    evs = violent(nlp, kb, "Two gunmen opened fire at a market in Tel Aviv on Wednesday night, killing four people, "
                           "police said. Police officers shot one of the suspects.")
    assert len(evs) == 1, [(e.sub_event_type, e.evidence.text) for e in evs]


def test_an_incident_dated_weeks_before_its_report_is_background(nlp, kb):
    # a month named without its year ("in November", read after the event's salience) dates a recalled incident
    evs = [e for e in extract(nlp, kb, "The championship is being played under a state of emergency "
                                       "after Islamist gunmen attacked Paris in November, killing 130 people.",
                              published=dt.date(2016, 6, 12)).events if e.event_type in ARMED_VIOLENCE]
    assert evs and all(e.salience == "background" for e in evs), [(e.event_date, e.salience) for e in evs]


def test_a_reference_brings_only_its_own_date(nlp, kb):
    # another day the sentence of "the blasts" names (a ceasefire's) is no news of them
    text = ("The monitor said 148 people were killed in attacks by five suicide bombers and two car bombs.\n"
            "Moscow said the blasts showed the need for talks after the collapse of a Feb. 27 ceasefire.\n"
            "The ministry called the blasts an escalation by the regimes in Riyadh, Ankara and Doha.")
    evs = [e for e in extract(nlp, kb, text, published=dt.date(2016, 5, 23)).events if e.event_type in ARMED_VIOLENCE]
    assert evs and all(e.event_date != dt.date(2016, 2, 27) for e in evs), [(e.event_date, e.location) for e in evs]


def test_nobody_killed_is_no_death_and_no_toll_of_another_incident(nlp, kb):
    alone = violent(nlp, kb, "Some tents were burned in Tartous on Monday but nobody was killed.")
    assert all(e.fatalities in (None, 0) for e in alone), [(e.sub_event_type, e.fatalities) for e in alone]
    # told after a deadly bombing, "nobody was killed" is of another incident, never the bombing's toll
    evs = violent(nlp, kb, "Bombs killed nearly 150 people in Jableh and Tartous on Monday, monitors said.\n"
                           "An area of Tartous near a blast site was attacked by government supporters. Some tents "
                           "were burned but nobody was killed.")
    assert max(e.fatalities or 0 for e in evs) == 150, [(e.sub_event_type, e.fatalities) for e in evs]


@pytest.mark.parametrize("text,background", [
    ("Indonesia saw a wave of militant attacks in the 2000s, the worst of which was a bombing of a nightclub on Bali "
     "that killed 202 people.", True),
    ("Militants bombed the capital several times in the 1990s, killing dozens.", True),
    ("Militants have bombed the capital in the 2010s, and a car bomb killed 12 there on Monday.", False),
])
def test_a_decade_over_tells_history(nlp, kb, text, background):
    evs = violent(nlp, kb, text)
    assert evs and any((e.salience == "background") == background for e in evs), \
        [(e.sub_event_type, e.salience, e.event_date) for e in evs]


# a weapons test fires at no one
@pytest.mark.parametrize("text", [
    "The Revolutionary Guards conducted a second day of missile tests on Wednesday, firing two rockets that "
    "hit targets far out in the desert.",
    "The North fired two ballistic missiles into the sea on Friday in a test, the South's military said.",
    "The Guards test-fired several ballistic missiles on Tuesday, state television said.",
])
def test_a_weapons_test_is_no_attack(nlp, kb, text):
    evs = violent(nlp, kb, text)
    assert not evs, [(e.sub_event_type, e.evidence.text) for e in evs]


def test_who_tells_of_an_attack_did_not_carry_it_out(nlp, kb):
    # the market the bombers struck is a place bombed, and "another bomb" another incident: no event is the police's
    evs = violent(nlp, kb, "Bombers struck a market in Baghdad on Monday. With another bomb planted in a car, "
                           "they killed more than 20 people, police and medical sources said.")
    assert evs and all(ev.actor1 is None or not ev.actor1.startswith("police") for ev in evs), [e.actor1 for e in evs]


def test_a_police_station_seized_is_ground_taken_not_people(nlp, kb):
    evs = extract(nlp, kb, "An army unit seized the district's police station on Monday, state television said.").events
    assert evs and all(e.sub_event_type not in ("Abduction/forced disappearance", "Arrests") for e in evs), \
        [(e.sub_event_type, e.actor1) for e in evs]


# a court's charge names an act, a side named is allegiance: no incident told
@pytest.mark.parametrize("text", [
    "The suspect was charged on Saturday with taking part in the activities of a terrorist group, and actual and "
    "attempted terrorist murder.",
    "An American fighting for Islamic State was taken into custody in northern Iraq on Monday.",
])
def test_a_charge_or_a_side_is_no_battle(nlp, kb, text):
    evs = [e for e in violent(nlp, kb, text) if e.event_type == "Battles"]
    assert not evs, [(e.sub_event_type, e.evidence.text) for e in evs]


def test_the_fighting_for_a_town_is_still_a_battle(nlp, kb):
    assert [e.sub_event_type for e in violent(nlp, kb, "The fighting for Aleppo killed 20 people on Monday.")] \
        == ["Armed clash"]


# a habit told in the present passive, a share of a count, bombs disposed of or traced: no incident
@pytest.mark.parametrize("text", [
    "Peacekeepers, government officials and foreigners are frequently targeted.",
    "Gunfire was the leading cause of civilian casualties at 37 percent, followed by roadside bombs at 21 percent.",
    "Tests of the wreckage came back positive for explosive residue, a source said.",
    "Loud blasts were heard near the site hours later as police carried out controlled explosions.",
])
def test_habits_shares_and_traces_are_no_incident(nlp, kb, text):
    evs = [e for e in violent(nlp, kb, text) if e.salience == "main"]
    assert not evs, [(e.sub_event_type, e.evidence.text) for e in evs]


def test_a_war_told_in_the_present_is_no_clash(nlp, kb):
    evs = violent(nlp, kb, "Russian jets have been bombing around the town as government forces clash with the militants.")
    assert not [e for e in evs if e.event_type == "Battles"], [(e.sub_event_type, e.rule) for e in evs]


def test_a_name_ends_with_a_name_not_with_its_article(nlp, kb):
    text = "Jets bombed targets around Deir al-Zor as Syrian forces advanced, and shells fell in Jisr al-Shughour."
    names = {p.name for p in extract(nlp, kb, text).places}
    assert "Deir al-Zor" in names and "Jisr al-Shughour" in names, names


def test_what_a_participle_tells_of_its_noun_is_fact(nlp, kb):
    """An attempt or a doubt about a person is not one about the act told of that person."""
    [ev] = violent(nlp, kb, "Authorities were still trying to determine whether the man who drove a truck into "
                            "crowds in Nice on Thursday, killing 84 people, had ties to militants.")
    assert (ev.status, ev.fatalities) == ("reported", 84)
    [kidnap] = extract(nlp, kb, "Twenty-six hunters kidnapped last month in the southern desert of Iraq by unknown "
                                "militants have not yet been found.").events
    assert kidnap.status == "reported", kidnap.status


@pytest.mark.parametrize("text", [
    "ISTANBUL Turkish police detained 13 people, four of them foreigners, in raids across Istanbul on Wednesday.",
    "IZMIR Nine suspected militants were detained in dawn raids in four districts of Izmir on Thursday.",
    "BRUSSELS Police raided homes in the Schaerbeek district on Thursday and arrested six people.",
])
def test_raids_that_arrest_are_the_arrests(nlp, kb, text):
    evs = extract(nlp, kb, text).events
    assert [e.sub_event_type for e in evs] == ["Arrests"], [(e.event_type, e.sub_event_type) for e in evs]


def test_a_police_raid_on_a_house_that_harms_no_one_is_a_search(nlp, kb):
    evs = extract(nlp, kb, "Belgian police raided a suspected safe house in central Brussels on Saturday but found "
                           "no weapons or explosives and made no further arrests.").events
    assert not evs, [(e.sub_event_type, e.actor1) for e in evs]
    [ev] = extract(nlp, kb, "Israeli troops raided a house in Jenin on Monday, killing two Palestinians.").events
    assert (ev.event_type, ev.location, ev.country) == ("Violence against civilians", "Jenin", "Palestine")


def test_a_deadly_raid_stays_violence_beside_its_arrests(nlp, kb):
    evs = extract(nlp, kb, "CAIRO Police killed two suspected militants and arrested five in a raid on a hideout "
                           "in Giza on Monday.").events
    assert {e.event_type for e in evs} == {"Battles", "Strategic developments"}, [e.event_type for e in evs]


def test_attacks_being_planned_are_no_attack(nlp, kb):
    evs = extract(nlp, kb, "WASHINGTON Cook said Mansour was involved in planning attacks that threatened "
                           "civilians and Afghan forces.").events
    assert not evs, [(e.event_type, e.status) for e in evs]


def test_an_event_word_that_names_a_video_tells_no_incident(nlp, kb):
    evs = extract(nlp, kb, "WASHINGTON Cook says Wahib was a former member of al-Qaida in Iraq and has appeared "
                           "in Islamic State execution videos.").events
    assert not evs, [(e.event_type, e.evidence.text) for e in evs]


def test_what_a_strike_was_is_the_strike(nlp, kb):
    # "it was an American airstrike" names the strike told before: one event, with its attacker
    evs = extract(nlp, kb, "WASHINGTON A top Islamic State leader has been killed by a coalition airstrike in "
                           "Anbar, the Pentagon said Monday. A senior U.S. official said it was an American "
                           "airstrike.", published=dt.date(2016, 5, 10)).events
    assert len(evs) == 1, [(e.sub_event_type, e.evidence.text) for e in evs]


def test_the_aftermath_of_an_incident_names_it_and_not_its_attacker(nlp, kb):
    # who met the survivors did not shoot; the day of the meeting is not the shooting's
    evs = extract(nlp, kb, "ORLANDO A gunman killed 49 people at a gay nightclub in Orlando on Sunday. President "
                           "Barack Obama, who met with survivors of the shooting and families of the dead in Orlando "
                           "on Thursday, urged Congress to pass measures.", published=dt.date(2016, 6, 17)).events
    assert [(e.event_date, e.actor1.startswith(("unidentified", "sole-perpetrator"))) for e in evs] == \
        [(dt.date(2016, 6, 12), True)], \
        [(e.event_date, e.actor1, e.evidence.text[:60]) for e in evs]


@pytest.mark.parametrize("text", [
    "WASHINGTON Hillary Clinton, who urged increased intelligence gathering and more airstrikes on Islamic State "
    "territory, cautioned against demonizing Muslims.",
    "ST. PAUL People shouted and called for the arrest of the police officer involved.",
])
def test_what_a_speaker_calls_for_has_not_happened(nlp, kb, text):
    evs = extract(nlp, kb, text).events
    assert not evs, [(e.event_type, e.sub_event_type) for e in evs]


def test_violence_told_beside_a_call_still_happened(nlp, kb):
    evs = extract(nlp, kb, "ALEPPO Residents urged the government to open corridors after air strikes killed five "
                           "people in Aleppo on Monday.", published=dt.date(2016, 6, 14)).events
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Air/drone strike", 5)]


def test_what_a_clash_follows_is_another_incident(nlp, kb):
    # one sentence, two incidents: the clashes of Tuesday and the bombing they followed (37 dead in Ankara)
    evs = extract(nlp, kb, "DIYARBAKIR, Turkey Four people were killed in clashes between security forces and "
                           "Kurdish militants on Tuesday, security sources said, as fighting widened in southeast "
                           "Turkey following a suicide bombing that killed 37 people in the capital Ankara.",
                  published=dt.date(2016, 3, 15)).events
    kinds = {e.sub_event_type: e for e in evs}
    assert set(kinds) == {"Armed clash", "Suicide bomb"}, [(e.sub_event_type, e.fatalities) for e in evs]
    assert kinds["Suicide bomb"].fatalities == 37 and kinds["Armed clash"].fatalities != 37


@pytest.mark.parametrize("text", [
    'APPLETON, Wis. The caller claimed "there were bombs in and around the building."',
    "He acknowledged that some people believed there was a bomb.",
])
def test_that_a_bomb_is_there_tells_no_attack(nlp, kb, text):
    evs = extract(nlp, kb, text).events
    assert not evs, [(e.event_type, e.sub_event_type) for e in evs]


@pytest.mark.parametrize("text", [
    "Snipers were put on 45 buildings overlooking the parade route on Tuesday, police said.",
    "FBI snipers posted on a hillside watched the compound on Tuesday as talks with the gunmen went on.",
])
def test_snipers_placed_somewhere_did_nothing_yet(nlp, kb, text):
    assert not violent(nlp, kb, text)


def test_a_series_of_attacks_told_in_the_perfect_is_background(nlp, kb):
    text = "Islamic State, which controls territory in Iraq and Syria, has staged a series of attacks in the kingdom."
    evs = violent(nlp, kb, text)
    assert evs and all(e.salience == "background" and e.event_date is None for e in evs), evs


@pytest.mark.parametrize("ranking", [
    "It was the latest in a string of attacks by militants on army convoys in the north.",
    "It was the third in a series of bombings by militants in the province this year.",
])
def test_the_run_an_incident_is_ranked_in_is_background(nlp, kb, ranking):
    # "the latest in a string of attacks": the incidents before the one told, no day of the news
    text = "Rebels ambushed an army convoy near Kidal on Monday, killing four soldiers. " + ranking
    evs = violent(nlp, kb, text)
    assert all(e.salience == "background" and e.event_date is None for e in evs if e.evidence.text == ranking), \
        [(e.sub_event_type, e.salience, e.event_date) for e in evs]
    assert any(e.salience == "main" and e.event_date == dt.date(2016, 2, 29) for e in evs), evs

    from conflictdesk.extract.events.attributes import series_told
    parsed = nlp(ranking)
    assert series_told(next(t for t in parsed if t.lower_ in ("attacks", "bombings")))


def test_what_a_group_has_historically_done_is_background(nlp, kb):
    text = "In its armed campaign in Turkey, the PKK has historically struck directly at the security forces."
    evs = violent(nlp, kb, text)
    assert evs and all(e.salience == "background" for e in evs), evs


@pytest.mark.parametrize("text", [
    "Islamic State attacks have increased this year, particularly in Iraq and Syria, a report said.",
    "The report also noted a rise in Islamic State attacks in Libya, where the militants have grown in strength.",
    "Analysis showed almost as many attacks in the first three months of this year as in the preceding six months.",
])
def test_how_often_violence_happens_is_one_background_event_without_a_day(nlp, kb, text):
    # the annotation guide's aggregate: many incidents, one event, background, no day of its own
    evs = violent(nlp, kb, text)
    assert len(evs) <= 1 and all(e.salience == "background" and e.event_date is None for e in evs), \
        [(e.sub_event_type, e.salience, e.event_date) for e in evs]


@pytest.mark.parametrize("text", [
    "Two Russian warplanes flew simulated attack passes near a U.S. guided missile destroyer in the Baltic Sea "
    "on Tuesday, officials said.",
    "A spokesman for the nuclear agency said a potential attack on the plant poses a number of risks.",
    "U.S. officials said on Tuesday that a U.S. Air Force airman and his family were safe after the evacuation.",
])
def test_what_is_not_real_or_names_a_force_is_no_incident(nlp, kb, text):
    assert not [e for e in violent(nlp, kb, text) if e.status in ("reported", "claimed")]


def test_an_incident_told_as_the_date_of_another_keeps_its_year(nlp, kb):
    # "since 1966, when a former Marine opened fire": the shooting of 1966, not one of the report's day
    text = ("Her death marked the first murder on campus since 1966, when a former U.S. Marine opened fire from "
            "inside a tower at the university, killing 16 people.")
    evs = violent(nlp, kb, text)
    assert all(e.actor1 is None or "military" not in e.actor1 for e in evs), evs


@pytest.mark.parametrize("text", [
    "Britain First is the name of a far-right group that stages provocative anti-Muslim demonstrations.",
    "The United States currently provides the bulk of troops and carries out most airstrikes against the "
    "Islamic State in Iraq.",
    "On June 17, he practiced shooting a gun for the first time at a gun range in Las Vegas.",
    "Police said Michael Sandford struck up a conversation with a Las Vegas police officer on Friday.",
    "In Florida, a 13-year-old was attacked on Sunday by what was described as a shark, officials said.",
    "The White House said it had seen a reduction in air strikes against the opposition in Syria in recent days.",
    "Lawyers specializing in terrorism said the widow faces an uphill battle in court.",
    "The brazenness of the siege suggested a new brand of militancy in a country more used to low-level strikes "
    "on police.",
    "Their progress has been hampered by suicide bombers, mines and snipers.",
    "The army deployed anti-aircraft guns around the airport.",
])
def test_what_an_actor_does_as_a_rule_or_a_figure_of_speech_is_no_incident(nlp, kb, text):
    evs = extract(nlp, kb, text).events
    assert not [e for e in evs if e.status in ("reported", "claimed")], [(e.event_type, e.rule) for e in evs]


def test_a_bomb_set_off_by_remote_control_takes_no_territory(nlp, kb):
    text = ("A parked car was detonated by remote control as a police bus passed through the Beyazit district of "
            "Istanbul on Tuesday, killing 11 people.")
    evs = extract(nlp, kb, text, published=dt.date(2016, 6, 7)).events
    assert evs and not [e for e in evs if "territory" in e.sub_event_type], [e.sub_event_type for e in evs]


@pytest.mark.parametrize("text", [
    "The Syrian war, which started with largely peaceful protests against the government, has killed many.",
    "The conflict began as peaceful protests against Assad's rule.",
])
def test_how_a_war_began_is_no_incident(nlp, kb, text):
    assert extract(nlp, kb, text).events == []


def test_the_aim_of_a_campaign_is_no_incident_also_as_a_second_verb(nlp, kb):
    text = "A U.S.-led coalition launched a campaign in 2014 to degrade and destroy Islamic State."
    assert [e for e in extract(nlp, kb, text).events if e.status == "reported"] == []


def test_explosives_carried_among_other_things_are_no_explosion(nlp, kb):
    text = ("Salah drove across Europe more than once and appears to have transported quantities of guns, "
            "explosives and people.")
    assert extract(nlp, kb, text, published=dt.date(2016, 3, 25)).events == []


def test_stepping_up_a_kind_of_violence_is_a_trend(nlp, kb):
    text = ("Obama said he was deeply concerned about a surge in violence in Syria, where government forces have "
            "stepped up bombing of rebel-held areas around the strategic city of Aleppo.")
    evs = extract(nlp, kb, text, published=dt.date(2016, 4, 24)).events
    assert [(e.salience, e.event_date) for e in evs] == [("background", None)], \
        [(e.sub_event_type, e.salience, e.event_date) for e in evs]
    day = extract(nlp, kb, "Russian jets intensified air strikes on Aleppo on Monday.", published=dt.date(2016, 4, 24))
    assert [e.sub_event_type for e in day.events] == ["Air/drone strike"]


def test_a_reference_takes_no_place_from_a_clause_about_something_else(nlp, kb):
    text = ("COPENHAGEN Danish police said on Thursday they had arrested four people near Copenhagen who they "
            "suspect were recruited by Islamic State. \"We know that people who have fought for IS in Syria or Iraq "
            "may pose a threat,\" the justice minister said in a statement shortly after the arrests.")
    evs = extract(nlp, kb, text, published=dt.date(2016, 4, 7)).events
    assert [(e.sub_event_type, e.location) for e in evs] == [("Arrests", "Copenhagen")], \
        [(e.sub_event_type, e.location) for e in evs]


@pytest.mark.parametrize("text", [
    "The source close to peace talks said Russia had so far rejected the idea of halting attacks on Nusra in Aleppo.",
    # the parser tags "halting" an adjective of "attacks" here
    "The source close to peace talks said Russia had so far rejected the idea of halting attacks on Nusra.",
])
def test_violence_halted_or_suspended_is_no_incident(nlp, kb, text):
    assert extract(nlp, kb, text, published=dt.date(2016, 2, 20)).events == []


@pytest.mark.parametrize("text", [
    "The Syrian government said on Friday it was introducing a temporary regime of calm, or lull in fighting, in "
    "an area around Damascus and Latakia province.",
    "The opposition demanded an end to the fighting in Aleppo before any talks on Friday.",
])
def test_a_pause_in_fighting_is_no_fighting(nlp, kb, text):
    assert extract(nlp, kb, text, published=dt.date(2016, 2, 20)).events == []


@pytest.mark.parametrize("text, published", [
    # casualties told with no toll, place, day or side
    ("A new wave of fighting broke out in the Nagorno-Karabakh region on Saturday, killing dozens.\n\n"
     "Both sides also reported civilian casualties and accused each other of violating a 1994 ceasefire.",
     dt.date(2016, 4, 2)),
    # what no longer happens is negated
    ("Fighting raged in Aleppo on Saturday. The source described the opposition's insistence on the Nusra "
     "Front no longer being targeted as the elephant in the room.", dt.date(2016, 2, 20)),
])
def test_beside_a_battle_the_sentence_after_tells_no_event_of_its_own(nlp, kb, text, published):
    evs = extract(nlp, kb, text, published=published).events
    assert [e.event_type for e in evs if e.status == "reported"] == ["Battles"], \
        [(e.sub_event_type, e.status, e.rule) for e in evs]


def test_an_attack_a_group_says_it_was_behind_is_one_event_in_its_sentence(nlp, kb):
    text = ("JAKARTA Islamic State said it was behind an attack by suicide bombers and gunmen in the heart of "
            "Jakarta on Thursday, the first time the radical group has targeted the world's most populous Muslim "
            "nation.")
    evs = extract(nlp, kb, text, published=dt.date(2016, 1, 15)).events
    assert len(evs) == 1 and evs[0].sub_event_type == "Suicide bomb", [(e.sub_event_type, e.actor1) for e in evs]


def test_the_first_time_a_group_has_targeted_a_country_is_the_attack_told(nlp, kb):
    text = ("JAKARTA Suicide bombers and gunmen attacked the heart of Jakarta on Thursday, killing seven people.\n"
            "It was the first time the radical group has targeted the country with the world's largest Muslim "
            "population.")
    evs = extract(nlp, kb, text, published=dt.date(2016, 1, 15)).events
    assert len(evs) == 1, [(e.sub_event_type, e.rule) for e in evs]


def test_an_offensive_launched_to_retake_villages_is_fighting_even_when_misparsed(nlp, kb):
    # the parser reads "an offensive east of Mosul" as an adjective before "east"
    text = ("Kurdish peshmerga forces launched an offensive east of Mosul on Sunday to retake several villages from "
            "Islamic State.")
    evs = extract(nlp, kb, text, published=dt.date(2016, 5, 29)).events
    assert [(e.event_type, e.status) for e in evs] == [("Battles", "reported")], [(e.sub_event_type, e.status) for e in evs]


def test_the_front_lines_of_battle_are_a_place_not_a_fight(nlp, kb):
    text = ("In mid-April the United States announced plans to send an additional 200 troops to Iraq, and put them "
            "closer to the front lines of battle to advise Iraqi forces.")
    assert violent(nlp, kb, text) == []
    # a fight told on a front line is still one
    assert violent(nlp, kb, "Two soldiers were killed on the front line of the battle for Mosul on Monday.")


def test_a_dated_since_clause_tells_its_own_event(nlp, kb):
    evs = violent(nlp, kb, "Since U.S.-backed forces recaptured the strategic Syrian town of al-Shadadi in late "
                           "February, a growing number of Arab fighters in Syria have offered to join the fight.")
    assert [(e.event_type, e.location) for e in evs] == [("Battles", "al-Shadadi")], \
        [(e.sub_event_type, e.location) for e in evs]


def test_links_to_other_stories_under_their_heading_tell_no_incident(nlp, kb):
    text = ("A bus exploded in Jerusalem on Monday, wounding at least 15 people, police said.\n"
            "ALSO\n"
            "China's media watchdog bans children from appearing on reality TV\n"
            "The Taliban's spring offensive is on, but Afghan forces make gains near strategic city\n")
    evs = extract(nlp, kb, text, published=dt.date(2016, 4, 18)).events
    assert evs and all("Taliban" not in e.evidence.text for e in evs), [e.evidence.text for e in evs]


def test_the_battle_front_is_a_place_but_the_front_line_of_an_offensive_tells_it(nlp, kb):
    text = ("Commenting on the deployment of coalition soldiers seen near the battle front, a spokesman said they "
            "were advisers.")
    assert violent(nlp, kb, text) == []
    text = ("Servicemen were seen near the front line of a new offensive in northern Iraq launched on Sunday by "
            "Kurdish peshmerga forces that aims to retake villages from Islamic State.")
    assert [e.event_type for e in violent(nlp, kb, text)] == ["Battles"]


def test_what_footage_shows_and_a_licence_confiscated_are_no_new_incident(nlp, kb):
    text = ("A car bomb exploded in Homs on Sunday, killing 20 people. Pro-Damascus channel al-Ikhbariya showed "
            "footage of damaged shop fronts, debris littering the streets, wounded people and charred cars.")
    assert len(extract(nlp, kb, text, published=dt.date(2016, 2, 21)).events) == 1
    text = ("An American fighting for Islamic State was taken into custody by peshmerga near Mosul on Monday. The "
            "address on the driver's license confiscated by the peshmerga was for a residence in Alexandria, Virginia.")
    evs = extract(nlp, kb, text, published=dt.date(2016, 3, 15)).events
    assert [e.sub_event_type for e in evs] == ["Arrests"], [e.sub_event_type for e in evs]


@pytest.mark.parametrize("text", [
    "The Pentagon said the U.S. Air Force RC-135 plane had been flying a routine route in international airspace "
    "and that the Russian SU-27 fighter had intercepted it on Friday.",
    "MOSCOW Russia said on Saturday it had sent a fighter plane on Friday to intercept a U.S. aircraft approaching "
    "its border over the Baltic Sea.",
])
def test_an_aircraft_intercepted_in_the_air_is_no_weapon_disrupted_nor_a_strike(nlp, kb, text):
    assert extract(nlp, kb, text, published=dt.date(2016, 4, 30)).events == []


def test_a_missile_intercepted_is_disrupted_weapons_use(nlp, kb):
    evs = extract(nlp, kb, "Saudi air defences intercepted a ballistic missile fired by the Houthis at Jizan on "
                           "Friday.", published=dt.date(2016, 4, 30)).events
    assert [e.sub_event_type for e in evs] == ["Disrupted weapons use"]


def test_attacks_security_forces_work_to_anticipate_or_prevent_are_no_incident(nlp, kb):
    text = ("A police spokesman said security is focused on anticipating attacks in vulnerable regions, "
            "including Jakarta. Troops were deployed to prevent attacks on churches and airports.")
    assert violent(nlp, kb, text) == []


def test_a_town_retaken_is_territory_even_when_the_model_reads_a_person(nlp, kb):
    # the small model tags "Palmyra" a person and leaves "retook" unlemmatised: the places stage reads a town
    [ev] = extract(nlp, kb, "Syrian troops retook Palmyra on Sunday.", published=dt.date(2016, 3, 28)).events
    assert (ev.sub_event_type, ev.location, ev.event_date) == ("Government regains territory", "Palmyra",
                                                              dt.date(2016, 3, 27))


def test_a_car_striking_someone_is_no_labour_strike_and_a_peaceful_protest_kills_no_one(nlp, kb):
    text = ("ORLANDO, Fla. Funerals for two of the 49 victims killed in the shooting at a nightclub were marked by "
            "tense scenes on Saturday, as anti-gay protesters stood outside a church. Two deputies were injured "
            "when a driver cut through the procession and struck them with her car.")
    events = extract(nlp, kb, text, published=dt.date(2016, 6, 18)).events
    protests = [e for e in events if e.event_type == "Protests"]
    assert all(e.sub_event_type == "Peaceful protest" and e.fatalities is None for e in protests), \
        [(e.sub_event_type, e.fatalities) for e in protests]
    strikes = extract(nlp, kb, "Teachers went on strike on Monday over unpaid wages in Harare.").events
    assert [e.sub_event_type for e in strikes] == ["Peaceful protest"]


def test_a_building_retaken_from_gunmen_is_no_territory_and_a_loss_conceded_is_background(nlp, kb):
    evs = extract(nlp, kb, "Somali special forces took control of the restaurant just before dawn on Friday, "
                           "a police official said.", published=dt.date(2016, 1, 22)).events
    assert not [e for e in evs if "territory" in e.sub_event_type], [e.sub_event_type for e in evs]
    [lost] = extract(nlp, kb, "Despite being pushed out of Somalia's major cities and towns, al-Shabab continues "
                              "to launch deadly guerrilla attacks.", published=dt.date(2016, 1, 22)).events
    assert (lost.sub_event_type, lost.salience, lost.event_date) == ("Government regains territory", "background",
                                                                     None)


def test_police_in_riot_gear_is_no_riot(nlp, kb):
    evs = extract(nlp, kb, "Local media in Phoenix reported police in riot gear used pepper spray on protesters "
                           "on Friday.", published=dt.date(2016, 7, 9)).events
    assert [e.sub_event_type for e in evs] == ["Protest with intervention"], [e.sub_event_type for e in evs]


def test_a_plural_trigger_opening_a_paragraph_is_no_name(nlp, kb):
    # after a blank line the small model tags "Warplanes" a proper noun (an organisation) and leaves it plural
    text = ("BEIRUT At least 63 people have died in air strikes on a town in eastern Syria, the Observatory said.\n\n"
            "        Warplanes have also hit the city of Raqqa on Saturday, killing at least 44 people in the city.")
    evs = extract(nlp, kb, text, published=dt.date(2016, 1, 24)).events
    assert ("Air/drone strike", "Raqqa") in {(e.sub_event_type, e.location) for e in evs}, \
        [(e.sub_event_type, e.location) for e in evs]


def test_attacks_named_as_what_pictures_show_are_background_without_a_day(nlp, kb):
    evs = extract(nlp, kb, "DHAKA Islamic State warned that attacks would continue. The video began with pictures "
                           "of recent attacks in Paris, Brussels and Orlando that the militants have claimed.",
                  published=dt.date(2016, 7, 6)).events
    assert all(e.salience == "background" and e.event_date is None for e in evs), \
        [(e.location, e.salience, e.event_date) for e in evs]


def test_forces_engaged_in_a_war_are_who_a_side_is_not_a_battle(nlp, kb):
    # "engaged in the battle against": a participle describing the forces, as "officials fighting Islamic State"
    assert not violent(nlp, kb, "The channel has close ties to politicians and to Iraqi forces engaged in the "
                                "battle against Islamic State.")


def test_forces_that_engaged_the_enemy_fought_a_battle(nlp, kb):
    evs = violent(nlp, kb, "Iraqi forces engaged Islamic State fighters near Mosul on Monday, killing 12.")
    assert [e.sub_event_type for e in evs] == ["Armed clash"]


def test_two_battle_words_each_with_one_side_are_one_battle(nlp, kb):
    # "engaged" tells the troops, "fighting with" the militants: one battle between the two
    evs = violent(nlp, kb, "Troops were engaged in heavy fighting with militants in Ramadi on Monday.")
    assert [e.sub_event_type for e in evs] == ["Armed clash"]
    assert {evs[0].actor1, evs[0].actor2} == {"unidentified-armed-group-iraq", "military-forces-of-iraq-2014-2018"}


def test_a_vehicle_that_struck_a_boy_is_a_traffic_accident(nlp, kb):
    assert not violent(nlp, kb, "A vehicle in the motorcade of the visiting minister struck and killed a young "
                                "boy in Cameroon on Monday, officials said.")


def test_shootings_named_as_known_take_no_day_of_what_followed_them(nlp, kb):
    evs = extract(nlp, kb, "Police in Leeds on Friday stepped up security for the weekend's music festival in the "
                           "wake of the shootings, officials said.").events
    assert all(e.event_date is None and e.salience == "background" for e in evs), \
        [(e.sub_event_type, e.event_date, e.salience) for e in evs]


def test_a_ferry_that_struck_a_barge_is_an_accident(nlp, kb):
    assert not violent(nlp, kb, "A ferry struck a moored barge on the Volta river in Ghana on Monday, killing a "
                                "deckhand, officials said.")


def test_a_truck_that_struck_a_mine_tells_the_mine_blast(nlp, kb):
    evs = violent(nlp, kb, "An army truck struck a roadside mine near Kismayo on Monday, killing three soldiers.")
    assert [e.sub_event_type for e in evs] == ["Remote explosive/landmine/IED"]


def test_a_bombing_and_its_suicide_blast_told_undated_are_one(nlp, kb):
    # twin blasts told dated to the day, then within the week: one suicide bombing, not two attacks
    evs = violent(nlp, kb, "Twin bombings at a crowded bus station in the Iraqi city of Hilla killed 20 people on "
                           "Wednesday, police said.\n\nWitnesses said a roadside bomb went off near the station in "
                           "Hilla, followed by a suicide bombing amid the people who rushed to help.")
    assert len(evs) == 1, [(e.sub_event_type, e.event_date, e.location) for e in evs]


def test_victims_named_by_nationality_are_the_forces_attacked(nlp, kb):
    # "killed 60 Ethiopians" after "attacked Ethiopian troops": the attack's toll as the attackers claim it
    evs = violent(nlp, kb, "Al Shabaab fighters attacked Ethiopian troops at a base in central Somalia last week. "
                           "The group claimed it had killed about 60 Ethiopians and seized weapons.")
    assert len(evs) == 1, [(e.sub_event_type, e.actor2, e.fatalities) for e in evs]


@pytest.mark.parametrize("text", [
    "Government troops have killed at least 90 rebels since January, 60 of whom the army says were armed. "
    "The others were shot dead during violent demonstrations.",
    "Government troops have killed at least 90 rebels since January, while the rest were killed in clashes "
    "and riots.",
])
def test_the_rest_of_a_toll_is_no_incident_of_its_own(nlp, kb, text):
    # "the others", "the rest": part of the battle's toll told before, not a demonstration of their own
    evs = extract(nlp, kb, text).events
    assert [e.event_type for e in evs] == ["Battles"], [(e.sub_event_type, e.actor1) for e in evs]


def test_a_victim_named_again_retells_the_incident(nlp, kb):
    # "a French journalist" ... "the journalist was killed by sniper fire": one incident, told twice
    text = ("Islamic State fighters killed a French journalist near Mosul on Tuesday after overrunning a "
            "Kurdish position, officials said.\n\nThe commander said Kurdish forces later retook the position."
            "\n\nAn official said the journalist was killed by sniper fire while reporting from the front line.")
    evs = violent(nlp, kb, text)
    assert not any(e.sub_event_type == "Attack" for e in evs), \
        [(e.sub_event_type, e.event_date, e.actor1, e.fatalities) for e in evs]


@pytest.mark.parametrize("text, sub_event_type", [
    ("Militants targeted a police checkpoint near Arish on Sunday.", "Armed clash"),
    ("Gunmen on motorbikes targeted a wedding party in a village near Kandahar on Sunday.", "Attack"),
    ("A roadside bomb targeted an army patrol near Arish on Sunday.", "Remote explosive/landmine/IED"),
    # an aim told with an event word of its own ("targeting with cross-border attacks") is that attack
    ("Ankara backs the truce, as do the Kurdish militias it has been targeting with cross-border attacks.",
     "Armed clash"),
])
def test_an_aim_struck_is_typed_by_its_target(nlp, kb, text, sub_event_type):
    """"targeted" told once, in the past, at people or a site: an attack, typed by who was aimed at or
    by the weapon, not a shelling."""
    assert [e.sub_event_type for e in violent(nlp, kb, text)] == [sub_event_type]


@pytest.mark.parametrize("text", [
    "Militants opened fire on an army checkpoint near Arish on Sunday in an attack that was captured on video "
    "by a resident.",
    "Police shot dead a man in Baltimore on Monday in a shooting that was captured by a security camera.",
])
def test_a_scene_captured_on_camera_is_no_capture(nlp, kb, text):
    """"captured on video": a recording of the scene, no territory taken and no one arrested."""
    evs = extract(nlp, kb, text).events
    assert evs and not any(e.sub_event_type in ("Arrests", "Government regains territory",
                                                "Non-state actor overtakes territory") for e in evs), \
        [(e.sub_event_type, e.rule) for e in evs]


def test_who_is_in_control_is_no_takeover(nlp, kb):
    """"rebels in control of eastern Aleppo fired mortars": who holds a place describes the firers, the
    shelling is the event (not a takeover of territory)."""
    evs = violent(nlp, kb, "Rebels in control of eastern Aleppo fired mortars at government-held districts on Sunday.")
    assert [e.sub_event_type for e in evs] == ["Shelling/artillery/missile attack"]


# a taking verb as the participle of the people taken tells who they are, not a new arrest or abduction
@pytest.mark.parametrize("text", [
    "BAGHDAD Islamic State fighters sent captured Yazidi boys to training camps, a U.N. panel said on Tuesday.",
    "Villagers voiced support for three imprisoned farmers outside the court in Kano, police said on Tuesday.",
    "WASHINGTON The prison could hold future terrorism suspects captured in the fight against Islamic State, "
    "officials said on Tuesday.",
])
def test_people_described_as_taken_are_no_new_arrest(nlp, kb, text):
    evs = extract(nlp, kb, text).events
    assert not [e for e in evs if e.sub_event_type in ("Arrests", "Abduction/forced disappearance")], \
        [(e.sub_event_type, e.rule) for e in evs]


def test_people_taken_on_a_day_told_in_the_participle_are_an_event(nlp, kb):
    text = ("BAGHDAD Twelve Turkish workers kidnapped last week in Baghdad by unknown gunmen have not yet been "
            "found, officials said on Tuesday.")
    evs = extract(nlp, kb, text).events
    assert "Abduction/forced disappearance" in {e.sub_event_type for e in evs}, [(e.sub_event_type, e.rule) for e in evs]


# a trigger word that is only part of another word's name: a hyphenated truce, a kind of rifle
@pytest.mark.parametrize("text", [
    "ALEPPO, Syria Government forces and rebels agreed on Monday to set up a hotline to share information "
    "about the cease-fire.",
    "Rebels in the north bought dozens of AK-47 assault rifles from smugglers last month, the army said.",
])
def test_the_cease_fire_and_the_assault_rifle_are_no_violence(nlp, kb, text):
    assert violent(nlp, kb, text) == []


def test_fire_opened_in_breach_of_a_cease_fire_is_still_violence(nlp, kb):
    text = "Rebels broke the cease-fire on Monday and opened fire on an army post near Hama, killing two soldiers."
    assert [e.event_type for e in violent(nlp, kb, text)] == ["Battles"]


def test_a_shooting_with_an_assault_rifle_is_an_attack_on_civilians(nlp, kb):
    text = "A gunman opened fire on a cafe in Novi Sad on Saturday using an assault rifle, killing five people."
    assert [(e.event_type, e.sub_event_type) for e in violent(nlp, kb, text)] == \
        [("Violence against civilians", "Attack")]


# advances in the plural with no day and no place of their own: how a side's war has gone, no incident
def test_advances_told_as_how_the_war_went_are_no_battle(nlp, kb):
    text = "Army troops had made significant advances against the rebels after their allies joined the war."
    assert violent(nlp, kb, text) == []


def test_advances_with_their_place_are_still_a_battle(nlp, kb):
    text = "Army troops made advances against the rebels near Homs, the army said."
    assert [e.event_type for e in violent(nlp, kb, text)] == ["Battles"]


def test_weapons_someone_was_armed_with_are_no_strike_of_their_own(nlp, kb):
    text = ("Gunmen stormed a college in Mardan on Wednesday, killing 12 students.\n"
            "Witnesses said the gunmen, armed with assault rifles and hand grenades, moved from room to room.")
    evs = violent(nlp, kb, text)
    assert [e.sub_event_type for e in evs] == ["Attack"], [(e.rule, e.sub_event_type) for e in evs]


def test_ties_to_a_bomber_are_no_bombing(nlp, kb):
    text = ("Police questioned the man in 2014 over his connection to a suicide bomber for an al Qaeda offshoot "
            "in Syria, but dropped the inquiry.")
    assert violent(nlp, kb, text) == []


def test_ground_a_side_once_controlled_is_no_takeover(nlp, kb):
    text = ("Followers of the cleric, whose militia once controlled large parts of Basra, have marched in the city "
            "for weeks to demand reforms.")
    assert violent(nlp, kb, text) == []


# violence named as a run of incidents or a stretch of time, with no day, no place and no toll: a pattern
@pytest.mark.parametrize("text", [
    "Officials called it one more in a string of deadly ambushes by bandits on highway checkpoints.",
    "The army hit back in retaliation for weeks of rocket fire on a border village.",
])
def test_a_run_of_attacks_with_no_day_is_no_event(nlp, kb, text):
    assert violent(nlp, kb, text) == []


def test_a_run_told_as_it_happened_is_still_an_event(nlp, kb):
    text = "A new wave of fighting erupted in the northern hills on Sunday, killing a dozen soldiers."
    assert [e.event_type for e in violent(nlp, kb, text)] == ["Battles"]


# what people live through, and what may happen, is no incident
@pytest.mark.parametrize("text", [
    "Aid workers said families trapped in the valley were enduring bombardments, sieges and hunger.",
    "Families in the besieged town have endured air strikes and hunger.",
    "The minister spoke of the risk of a chemical attack by Islamist militants.",
])
def test_conditions_and_risks_are_no_event(nlp, kb, text):
    assert violent(nlp, kb, text) == []


# who a group is by the war it waged, and earlier incidents uncounted, with no day and no place: no battle
@pytest.mark.parametrize("text", [
    "Tikrit was for years a stronghold of a tribal insurgency that fought both the American occupation and the new "
    "government.",
    "Previous attacks in the province were claimed by Islamic State.",
])
def test_a_side_described_by_its_war_is_no_battle(nlp, kb, text):
    assert violent(nlp, kb, text) == []


def test_a_fight_told_in_a_clause_with_its_place_is_still_a_battle(nlp, kb):
    text = "Police arrested two rebels who fought soldiers in Homs, the army said."
    assert "Battles" in [e.event_type for e in violent(nlp, kb, text)]


# a court's or the police's words, a name and a unit are no incidents
@pytest.mark.parametrize("text", [
    "The rifle was traced by an agent with the Bureau of Alcohol, Tobacco, Firearms and Explosives.",
    "Lt. Ann Ross, a Dallas police officer in a helicopter tactical unit, posted an aerial photo of the wrecked barn "
    "on Twitter.",
    "The group recruited young men to go fight alongside militants in Syria, prosecutors said.",
])
def test_charges_names_and_units_are_no_event(nlp, kb, text):
    assert violent(nlp, kb, text) == []


def test_a_helicopter_raid_is_still_a_strike(nlp, kb):
    text = "Army helicopter gunships struck rebel positions near the town on Sunday, killing ten fighters."
    assert violent(nlp, kb, text) != []


def test_a_company_named_like_violence_is_no_event(nlp, kb):
    text = ("Executives from Shell and BP flew to Baghdad for talks with the oil ministry, the agency reported on "
            "Monday.")
    assert violent(nlp, kb, text) == []


def test_seizing_upon_an_issue_takes_no_territory(nlp, kb):
    text = ("The shooting at a nightclub in Tampa has allowed the governor to seize upon an issue he has long used to "
            "advantage, the threat of Islamist militants.")
    assert "Battles" not in [e.event_type for e in violent(nlp, kb, text)]


def test_a_place_often_struck_is_no_incident(nlp, kb):
    text = "Mosul, itself often the target of car bombings, was quiet as the minister arrived."
    assert violent(nlp, kb, text) == []


def test_history_before_1990_told_again_is_no_event(nlp, kb):
    # the bombing dated 1945 is history; "the bombing" and "the bombings" after it are that bombing again
    text = ("The foreign ministers visited Nagasaki on Monday, where an atomic bomb killed tens of thousands of people "
            "on Aug. 9, 1945. They laid flowers at the site of the bombing in Nagasaki. Many still debate whether "
            "the bombings in Nagasaki were needed to end the war.")
    evs = violent(nlp, kb, text)
    assert not evs, [(e.sub_event_type, e.event_date, e.evidence.text[:40]) for e in evs]


# aircraft, fire services, warning shots, near misses: machines and words that strike no one
@pytest.mark.parametrize("text", [
    "The new jet was assigned to a training squadron at a base in Texas last month, officials said.",
    "The injured hiker was flown by helicopter to a hospital in Denver on Tuesday, rangers said.",
    "Neighbours said they heard shouting, followed by sirens and helicopters, late on Friday.",
    "Fire and rescue crews from three counties searched the lake on Saturday, the sheriff said.",
    "A police officer fired three warning shots into the air as the crowd grew on Monday.",
    "Spent shell casings were found near the car on Sunday, detectives said.",
])
def test_aircraft_and_fire_words_that_strike_no_one_are_no_event(nlp, kb, text):
    assert violent(nlp, kb, text) == []


@pytest.mark.parametrize("text", [
    "Russian warplanes made 30 sorties near the town on Monday, hitting dozens of rebel targets.",
    "Ten soldiers died in an exchange of fire with a helicopter near the base on Saturday.",
    "Two villagers were killed by a drone in northern Yemen on Sunday, residents said.",
])
def test_aircraft_that_strike_stay_events(nlp, kb, text):
    assert violent(nlp, kb, text) != []


# missiles, rockets and warheads held, built or in range: a capability, not a strike
@pytest.mark.parametrize("text", [
    "The kingdom has spent years building up an arsenal of rockets hidden in the mountains, the report said.",
    "Officials fear the regime wants to fit small nuclear warheads on its long-range missiles.",
    "Both islands lie within range of the neighbour's missiles, the minister said on Tuesday.",
    "The navy is developing new missiles capable of striking ships far out at sea, a spokesman said.",
])
def test_missiles_held_or_built_are_no_strike(nlp, kb, text):
    assert violent(nlp, kb, text) == []


@pytest.mark.parametrize("text", [
    "Militants fired a dozen rockets at the border town on Monday, wounding two farmers.",
    "Two rockets landed near the airport in the south of the country on Friday, police said.",
])
def test_missiles_fired_stay_events(nlp, kb, text):
    assert violent(nlp, kb, text) != []


# a launch at no one is a show of force (Strategic developments), no shelling
@pytest.mark.parametrize("text", [
    "The navy fired what appeared to be a short-range missile into the sea on Sunday, officials said.",
    "The island state launched two rockets into the ocean off its east coast on Tuesday, a spokesman said.",
    "Regional ministers met on Monday, days after a rocket launch by the neighbouring country.",
])
def test_a_launch_at_no_one_is_no_shelling(nlp, kb, text):
    evs = extract(nlp, kb, text).events
    assert not [e for e in evs if e.event_type in ARMED_VIOLENCE], [(e.sub_event_type, e.evidence.text) for e in evs]


def test_a_launch_that_hits_stays_shelling(nlp, kb):
    evs = violent(nlp, kb, "Militants launched rockets into the sea port town on Monday, killing two dock workers.")
    assert [e.sub_event_type for e in evs] == ["Shelling/artillery/missile attack"]


def test_a_weapons_test_stays_an_event(nlp, kb):
    text = "The country test-fired two ballistic missiles off its east coast on Thursday, the military said."
    assert extract(nlp, kb, text).events


# figures of speech, capabilities, calls and nature's disasters are no incident (prec4)
@pytest.mark.parametrize("text", [
    # a volcano, a flood or an earthquake kills no one by a hostile act
    "A volcano on the island spewed hot ash over three villages on Sunday, killing five farmers, officials said.",
    "Two more flood-related deaths were reported in the state on Friday after rescuers recovered the bodies.",
    "Thunderstorms and twisters swept across the county on Tuesday, killing two people and injuring dozens.",
    "Firefighters reported heavy storm damage and at least ten people injured in the town on Tuesday.",
    # the weapons an arsenal holds, told by what they could do
    "In any war, the navy would lean on a growing arsenal of cruise missiles that can be launched from submarines.",
    # a deployment that risks a clash, called explosive
    "Sending ground troops runs the potentially explosive risk of a clash between the two regional powers.",
    # what a candidate calls for, told by a gerund
    "The senator called for bolstering coalition airstrikes against Islamic State in Syria on Tuesday.",
])
def test_figures_capabilities_calls_and_disasters_are_no_violence(nlp, kb, text):
    evs = violent(nlp, kb, text)
    assert not evs, [(e.sub_event_type, e.evidence.text[:50]) for e in evs]


def test_signing_autographs_is_no_agreement(nlp, kb):
    text = "A gunman shot dead a pop singer in Lagos on Friday while she was signing autographs after a concert."
    subs = [e.sub_event_type for e in extract(nlp, kb, text).events]
    assert "Agreement" not in subs and "Attack" in subs, subs


def test_the_attacks_of_a_report_about_hacking_are_on_computers(nlp, kb):
    text = ("Hackers broke into the servers of a regional bank last month, investigators said on Tuesday. "
            "The attackers destroyed data and systems on their way out, and the cyber attack cost the bank "
            "millions. The hacking group had used the same malware in earlier attacks on two insurers. "
            "Police in Dhaka said separately that gunmen shot dead a bank guard on Monday.")
    evs = violent(nlp, kb, text)
    assert len(evs) == 1 and "gunmen" in evs[0].evidence.text, [(e.sub_event_type, e.evidence.text[:50]) for e in evs]


@pytest.mark.parametrize("text,sub", [
    # sitting somewhere is no sit-in
    ("A gunman shot dead three people at a diner in Wichita on Monday. A photo from May shows him sitting in the "
     "back seat of a truck with a rifle across his knees.", "Peaceful protest"),
    # an arrest someone tried to get away from was not made
    ("The gunman was trying to avoid arrest when he shot a deputy in Baltimore on Wednesday, police said.", "Arrests"),
    # messages intercepted are no weapon stopped
    ("Intercepted messages from the group suggest new targets, officials said on Monday, a day after gunmen "
     "killed four soldiers in Kidal.", "Disrupted weapons use"),
])
def test_sitting_an_arrest_evaded_and_messages_intercepted_are_no_event(nlp, kb, text, sub):
    subs = [e.sub_event_type for e in extract(nlp, kb, text).events]
    assert subs and sub not in subs, subs


# an offensive that is only meant or foreseen is no fighting, whatever place it is to take
@pytest.mark.parametrize("text", [
    "The minister said on Monday the government is determined to step up the air campaign and retake as soon as "
    "possible the rebels' last strongholds in the north.",
    "The general said he expected Gulf allies to send commandos to Yemen to help tribal fighters in their push to "
    "recapture the port of Mukalla.",
])
def test_an_intended_offensive_is_no_battle(nlp, kb, text):
    evs = violent(nlp, kb, text)
    assert not evs, [(e.sub_event_type, e.evidence.text[:50]) for e in evs]


def test_an_offensive_launched_to_retake_a_town_is_a_battle(nlp, kb):
    text = "Iraqi troops launched an operation on Sunday to recapture the town of Hit from Islamic State militants."
    subs = [e.sub_event_type for e in violent(nlp, kb, text)]
    assert subs, subs



# a ranked noun's infinitive tells what it did ("the first city to fall"), not an aim; "the next" forecasts
def test_the_first_town_to_fall_fell_and_the_next_is_a_forecast(nlp, kb):
    told = violent(nlp, kb, "Ramadi was the second city to fall to Islamic State militants in May, after "
                            "government troops fled.")
    assert [(e.sub_event_type, e.status) for e in told] == [("Non-state actor overtakes territory", "reported")]
    foreseen = violent(nlp, kb, "Analysts say Marea could be the next town to fall to the militants.")
    assert not foreseen, [(e.sub_event_type, e.status) for e in foreseen]


# the example an "as shown by" clause gives happened, whatever the clause it illustrates denies
def test_an_attack_given_as_evidence_is_no_negated_attack(nlp, kb):
    evs = violent(nlp, kb, "Students have not been spared either, as seen in the massacre at a university in "
                           "Garissa in 2015.")
    assert [(e.country, e.status) for e in evs] == [("Kenya", "reported")], evs


# the attackers' deaths in a shootout with a force the attack did not have is a battle of its own, not the attack told
# again in the next sentence
def test_a_shootout_with_police_after_an_attack_is_its_own_battle(nlp, kb):
    text = ("A married couple opened fire at an office party in Riverside on Wednesday, killing 14 people, police "
            "said. The couple later died in a shootout with police.")
    evs = violent(nlp, kb, text)
    assert [(e.sub_event_type, e.actor1) for e in evs] == [
        ("Attack", "unidentified-armed-group-united-states"),
        ("Armed clash", "police-forces-of-united-states-2009-2017")], [(e.sub_event_type, e.actor1) for e in evs]

# what a nation serves as, a candidate's rally, a media attacked in words: no protest, no riot
@pytest.mark.parametrize("text", [
    "Its backers say the small kingdom serves as a front-line picket for the West in a volatile region.",
    "The senator, speaking at a campaign rally in Iowa on Tuesday, criticized his rival and then turned to "
    "attacking the press for its coverage of the race.",
])
def test_figures_of_speech_are_no_demonstration(nlp, kb, text):
    evs = [e for e in extract(nlp, kb, text).events if e.event_type in ("Protests", "Riots")]
    assert not evs, [(e.sub_event_type, e.evidence.text[:50]) for e in evs]


# a kind of arms is no attack
def test_assault_weapons_are_no_violence(nlp, kb):
    text = "The senator said on Monday that the chances of passing an assault-weapons ban this year were slim."
    evs = violent(nlp, kb, text)
    assert not evs, [(e.sub_event_type, e.evidence.text[:50]) for e in evs]


# criticism told as drawing fire, sniper rifles told as what officers might carry: no attack
@pytest.mark.parametrize("text", [
    "Protesters marched in Denver on Saturday. The chief's plan to keep officers in uniform drew fire from the "
    "police union, which said it put them at risk.",
    "Protesters marched in Denver on Saturday. A former agent pictures departments putting officers with sniper "
    "rifles on rooftops, out of sight of the crowds.",
])
def test_drawing_fire_and_sniper_rifles_are_no_attack(nlp, kb, text):
    evs = violent(nlp, kb, text)
    assert not evs, [(e.sub_event_type, e.evidence.text[:50]) for e in evs]


# ground a force moves "with a view to" or "with the goal of" taking is its aim, not taken
@pytest.mark.parametrize("text", [
    "The offensive would open the road for the army to march on Raqqa, with a view to capturing the city next year.",
    "Government troops massed outside Raqqa on Sunday with the goal of retaking the city from the militants.",
])
def test_ground_aimed_at_is_not_taken(nlp, kb, text):
    evs = extract(nlp, kb, text).events
    assert not any("territory" in e.sub_event_type for e in evs), [(e.sub_event_type, e.status) for e in evs]


# those a call is made to ("calm from demonstrators") are asked to act, and no protest is told
@pytest.mark.parametrize("text", [
    "The governor urged restraint on the part of demonstrators on Tuesday.",
    "The bishop appealed for calm from protesters in the capital on Sunday.",
])
def test_whom_a_call_asks_is_no_protest(nlp, kb, text):
    evs = extract(nlp, kb, text).events
    assert not evs, [(e.sub_event_type, e.evidence.text) for e in evs]


def test_protesters_who_marched_stay_a_protest(nlp, kb):
    evs = extract(nlp, kb, "Protesters marched through the capital on Sunday, and the bishop appealed for calm.").events
    assert [e.event_type for e in evs] == ["Protests"]


# the tactics a group uses, told in the present, are no incident
@pytest.mark.parametrize("text", [
    "Insurgents in the province use roadside bombs, ambushes and suicide attacks against the police.",
    "The rebels typically employ mortar strikes and raids on outposts, analysts say.",
])
def test_tactics_in_use_are_no_incident(nlp, kb, text):
    evs = violent(nlp, kb, text)
    assert not evs, [(e.sub_event_type, e.evidence.text) for e in evs]


def test_a_weapon_used_once_stays_an_incident(nlp, kb):
    assert violent(nlp, kb, "Insurgents used a roadside bomb against a police patrol near Kunduz on Monday, "
                            "killing three officers.")


def test_a_side_of_a_country_told_past_the_lead_stays_for_the_sentence_after_it(nlp, kb):
    # a report on a Maiduguri bombing; a later paragraph tells of fighting on the side of the country that city
    # lies on, and the next sentence, naming no place, tells of that fighting, not of the city's bombing
    text = ("MAIDUGURI — A bomb killed nine people outside a bus station in Maiduguri on Monday, police said. "
            "The blast shattered windows across the district and wounded dozens of passers-by. Hospitals "
            "in the city appealed for blood donors. Officials said the bomber had approached on foot. The governor "
            "ordered markets closed for two days and asked residents to stay at home until Wednesday, when schools "
            "and offices are due to open again under heavy guard.\n"
            "Boko Haram fighters attacked troops in northeastern Nigeria last week. The insurgents said they "
            "had killed 30 soldiers and seized weapons.")
    evs = [e for e in violent(nlp, kb, text) if "troops" in e.evidence.text or "30 soldiers" in e.evidence.text]
    assert evs and all(e.location != "Maiduguri" for e in evs), [(e.location, e.evidence.text) for e in evs]


@pytest.mark.parametrize("text", [
    "Officers sent a robot into the warehouse to check for explosives after the standoff, a spokesman said.",
    "Sniffer dogs searched the arena for bombs on Friday before the concert began.",
    "The city bought two new bomb-detection dogs for the airport this week.",
])
def test_an_explosive_looked_for_is_no_explosion(nlp, kb, text):
    evs = extract(nlp, kb, text, published=dt.date(2016, 7, 2)).events
    assert evs == [], [(e.sub_event_type, e.rule) for e in evs]
    blast = "A bomb exploded at a checkpoint as troops searched cars for weapons, killing two soldiers."
    assert [e.sub_event_type for e in extract(nlp, kb, blast).events] == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize("text", [
    "When the commissioner retired in April, her deputy took over for three weeks.",
    "The former mayor took over the post in January after a long campaign.",
])
def test_taking_over_an_office_is_no_territory_taken(nlp, kb, text):
    evs = extract(nlp, kb, text, published=dt.date(2016, 6, 2)).events
    assert evs == [], [(e.sub_event_type, e.rule) for e in evs]
    town = "Islamist fighters took over the border town on Tuesday after the army withdrew."
    assert [e.event_type for e in extract(nlp, kb, town, published=dt.date(2016, 6, 2)).events] == ["Battles"]


def test_what_a_present_verb_lets_others_do_is_no_strike(nlp, kb):
    text = "The treaty allows allied forces to launch air strikes on insurgent camps from the northern airfield."
    assert [e for e in extract(nlp, kb, text).events if e.status == "reported"] == []
    done = "The pact allowed allied forces to launch air strikes on insurgent camps near the border on Sunday."
    assert [e.sub_event_type for e in extract(nlp, kb, done).events if e.status == "reported"] == ["Air/drone strike"]


@pytest.mark.parametrize("text", [
    "Viewers have grown used to shaky phone videos of police shootings, the columnist wrote on Monday.",
    "In a show of support for Paris on Sunday, the Iraqi capital Baghdad - itself often the target of bombings - "
    "lit its main bridge in blue, white and red.",
])
def test_a_bare_plural_that_names_a_kind_of_deed_is_no_incident(nlp, kb, text):
    evs = extract(nlp, kb, text, published=dt.date(2016, 4, 5)).events
    assert evs == [], [(e.sub_event_type, e.rule) for e in evs]
    counted = "Police released videos of attacks on two police stations in Kirkuk on Monday."
    assert len(extract(nlp, kb, counted, published=dt.date(2016, 4, 5)).events) == 1


def test_a_kind_of_killing_defined_by_a_present_is_no_incident(nlp, kb):
    text = "In Ohio, reckless murder is a killing done with no care for human life."
    evs = extract(nlp, kb, text, published=dt.date(2016, 1, 12)).events
    assert evs == [], [(e.sub_event_type, e.rule) for e in evs]
    told = "Police said the blast was an attack that killed 12 people at the market on Sunday."
    assert len(extract(nlp, kb, told).events) == 1


@pytest.mark.parametrize("text", [
    "He urged people to go beyond demonstrations to violence.",
    "Some critics derided demonstrations as useless.",
])
def test_protest_as_a_means_judged_or_gone_past_is_no_protest(nlp, kb, text):
    lead = "Militants attacked an army post in northern Syria on Monday, killing five soldiers, the army said. "
    evs = [e for e in extract(nlp, kb, lead + text).events if e.event_type == "Protests"]
    assert evs == [], [(e.sub_event_type, e.rule) for e in evs]


# figures of speech, animals and a state's death sentences are no political violence (issue 9, event precision)
@pytest.mark.parametrize("text", [
    "The crowd exploded when the striker scored in the final minute of the match on Sunday.",
    "The fans exploded with joy on Sunday after the final whistle.",
    "Baltimore exploded on Monday night after the funeral of the young man.",
])
def test_people_or_a_place_that_explode_are_no_blast(nlp, kb, text):
    evs = [e for e in extract(nlp, kb, text).events if e.event_type == "Explosions/Remote violence"]
    assert not evs, [(e.sub_event_type, e.rule) for e in evs]


def test_a_bomb_that_explodes_in_a_crowded_place_stays_a_blast(nlp, kb):
    evs = extract(nlp, kb, "A bomb exploded in a crowded market in Baghdad on Tuesday, killing six people.").events
    assert any(e.event_type == "Explosions/Remote violence" for e in evs)


@pytest.mark.parametrize("text", [
    "A tiger killed a zookeeper at a zoo in the north of the country on Sunday, officials said.",
    "Hunters shot and killed a mountain lion near the campground on Saturday.",
    "He shot at animals from the road and killed a possum, prosecutors said.",
])
def test_animals_doing_or_suffering_harm_are_no_violence(nlp, kb, text):
    evs = violent(nlp, kb, text)
    assert not evs, [(e.sub_event_type, e.rule) for e in evs]


def test_a_sentence_of_death_carried_out_is_no_killing_and_no_death_of_the_crime(nlp, kb):
    evs = violent(nlp, kb, "A man who shot and killed two police officers during a robbery in 1999 was executed "
                           "by lethal injection in Texas on Wednesday.")
    assert all(e.event_date != dt.date(2016, 3, 2) for e in evs), [(e.sub_event_type, e.event_date) for e in evs]
    assert all(e.fatalities in (None, 2) for e in evs), [(e.sub_event_type, e.fatalities) for e in evs]


def test_an_execution_by_an_armed_group_stays_an_attack(nlp, kb):
    evs = violent(nlp, kb, "Two men accused of spying were executed by Islamic State militants in Mosul on Tuesday.")
    assert evs and evs[0].fatalities == 2


def test_the_crime_a_death_sentence_punishes_is_no_event_of_the_report(nlp, kb):
    evs = violent(nlp, kb, "Texas on Wednesday executed a man who shot a game warden during a chase in 2009. He was "
                           "pronounced dead after receiving a lethal injection at the state's death chamber in "
                           "Huntsville. On the night of the crime he fired at the wardens with a rifle and killed one "
                           "of them, prosecutors said. He was shot three times and survived.")
    assert not evs, [(e.sub_event_type, e.evidence.text[:60]) for e in evs]


def test_a_political_crime_a_death_sentence_punishes_stays_told(nlp, kb):
    evs = violent(nlp, kb, "Saudi Arabia on Saturday executed 47 people convicted of terrorism, the interior ministry "
                           "said. Most were put to death by firing squad. Many of them had been convicted of taking "
                           "part in a wave of al Qaeda bombings that killed dozens of people in 2003 and 2004.")
    assert any("bombings" in e.evidence.text for e in evs)


@pytest.mark.parametrize("text", [
    "Police said the father fought to free his son from the jaws of the crocodile on Tuesday, but the boy was "
    "dragged under.",
    "The farmer had fought to pull his daughter from the leopard's grip near the village on Monday.",
])
def test_a_fight_to_free_someone_from_an_animal_is_no_clash(nlp, kb, text):
    evs = violent(nlp, kb, text)
    assert not evs, [(e.sub_event_type, e.rule) for e in evs]


def test_an_arrest_asked_for_is_no_arrest(nlp, kb):
    evs = extract(nlp, kb, "\"I'm going to ask that you arrest them,\" the candidate told the police officers at "
                           "the rally on Saturday.").events
    assert not any(e.sub_event_type == "Arrests" for e in evs), [(e.sub_event_type, e.rule) for e in evs]

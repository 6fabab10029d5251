"""What crowds do, coded as ACLED codes it: the cause a demonstration protests, a demonstration met by
the authorities, mob violence, and the violence an arrest follows. Real spaCy, the real knowledge
base, project-written notes in the style of ACLED's."""
from __future__ import annotations

import datetime as dt

from conflictdesk.extract.pipeline import extract_document
from conflictdesk.records import Document


def events(nlp, kb, text):
    doc = Document(id="c", text=text, language="en", published=dt.date(2022, 6, 10))
    return extract_document(doc, nlp=nlp, kb=kb).events


def main_subtypes(evs):
    return {e.sub_event_type for e in evs if e.salience == "main"}


def test_the_killing_a_demonstration_protests_is_its_cause_not_force_met(nlp, kb):
    evs = events(nlp, kb, "On 8 June 2022, residents of the district staged a protest in Nairobi to demand "
                          "justice for a taxi driver who was shot dead by unknown gunmen.")
    assert main_subtypes(evs) == {"Peaceful protest"}, [(e.sub_event_type, e.salience) for e in evs]


def test_police_fire_on_a_demonstration_is_excessive_force(nlp, kb):
    evs = events(nlp, kb, "On 8 June 2022, police fired live rounds at protesters in Nairobi, killing two of them.")
    assert "Excessive force against protesters" in {e.sub_event_type for e in evs}


def test_a_protest_the_police_broke_up_in_the_next_sentence_is_with_intervention(nlp, kb):
    evs = events(nlp, kb, "On 7 June 2022, about 200 nurses staged a protest outside the health ministry in Lima "
                          "to demand higher wages. Police intervened and detained 12 protesters.")
    assert [e.sub_event_type for e in evs] == ["Protest with intervention"]
    assert all(e.sub_event_type != "Arrests" for e in evs)


def test_a_quiet_protest_stays_peaceful(nlp, kb):
    evs = events(nlp, kb, "On 7 June 2022, about 200 nurses gathered outside the health ministry in Lima. "
                          "They demanded higher wages and better equipment.")
    assert [e.sub_event_type for e in evs] == ["Peaceful protest"]


def test_residents_who_beat_a_suspected_thief_are_a_mob(nlp, kb):
    evs = events(nlp, kb, "On 6 June 2022, residents beat to death a suspected cattle thief in a village "
                          "near Gulu, Uganda.")
    assert [(e.event_type, e.sub_event_type) for e in evs] == [("Riots", "Mob violence")]


def test_one_student_who_shot_is_no_mob(nlp, kb):
    evs = events(nlp, kb, "On 6 June 2022, a student shot and killed a teacher at a school in Texas, police said.")
    assert all(e.sub_event_type != "Mob violence" for e in evs)


def test_two_people_who_abducted_a_driver_are_no_mob(nlp, kb):
    evs = events(nlp, kb, "On 6 June 2022, a taxi driver was abducted by two people who took his car near "
                          "Gulu, Uganda, police said.")
    assert evs and all(e.sub_event_type != "Mob violence" for e in evs), [e.sub_event_type for e in evs]


def test_the_explosion_an_arrest_follows_is_background(nlp, kb):
    evs = events(nlp, kb, "On 9 June 2022, soldiers arrested three men in Mandalay after an explosion at a "
                          "police post.")
    assert main_subtypes(evs) == {"Arrests"}, [(e.sub_event_type, e.salience) for e in evs]


def test_an_attack_on_an_off_duty_soldier_is_violence_against_civilians(nlp, kb):
    evs = events(nlp, kb, "On 5 June 2022, two men on a motorcycle shot and killed an off-duty soldier outside his home in "
                          "Maiduguri.")
    assert [e.event_type for e in evs if e.salience == "main"] == ["Violence against civilians"]


def test_an_acled_label_reports_its_event_without_conflict_words(nlp, kb):
    evs = events(nlp, kb, "Displacement: On 3 June 2022, about 2000 people arrived in Przemysl from Ukraine and "
                          "were registered.")
    assert [(e.event_type, e.sub_event_type) for e in evs] == [("Strategic developments", "Other")]


def test_protesters_who_threw_stones_are_one_violent_demonstration(nlp, kb):
    # ACLED names the crowd by what it did: the protesters of a violent demonstration are its rioters
    evs = events(nlp, kb, "Hundreds of protesters threw stones at riot police outside the parliament in Skopje "
                          "on Monday, police said.")
    assert [(e.sub_event_type, e.actor1) for e in evs] == [("Violent demonstration", "rioters-north-macedonia")]


def test_protesters_told_again_after_their_violence_are_the_same_demonstration(nlp, kb):
    evs = events(nlp, kb, "Hundreds of protesters threw stones and bottles at police outside the town hall in "
                          "Tetovo on Monday, police said.\nPolice later used tear gas to disperse the protesters "
                          "in Tetovo.")
    assert [e.sub_event_type for e in evs] == ["Violent demonstration"]


def test_an_attack_after_a_peaceful_rally_stays_its_own_event(nlp, kb):
    evs = events(nlp, kb, "Thousands of people rallied peacefully in Dresden on Saturday against the government's "
                          "refugee policy, police said.\nLater, about 30 masked men attacked a shelter for refugees "
                          "in Dresden with stones, injuring two people, police said.")
    assert len(evs) == 2 and "Peaceful protest" in {e.sub_event_type for e in evs}



def test_clashes_of_football_fans_are_mob_violence(nlp, kb):
    # the fans are named beside the clashes, not as who clashed: no demonstration, no armed side
    evs = events(nlp, kb, "UEFA condemned the violent clashes involving England fans in the city centre of Lille "
                          "on 8 June 2022, police said.")
    assert [(e.event_type, e.sub_event_type) for e in evs] == [("Riots", "Mob violence")], \
        [(e.event_type, e.sub_event_type) for e in evs]


def test_police_clashes_with_students_are_a_riot(nlp, kb):
    evs = events(nlp, kb, "On 8 June 2022, Kenyan police fired tear gas in clashes with students in Nairobi.")
    assert {e.event_type for e in evs} == {"Riots"}, [(e.event_type, e.sub_event_type) for e in evs]


def test_the_police_who_broke_up_a_protest_are_its_second_side(nlp, kb):
    # ACLED: the demonstrators first, the force that intervened second, never an associate of the crowd
    evs = events(nlp, kb, "On 8 June 2022, hundreds of people protested in Nairobi against the election result "
                          "and police used tear gas to disperse them.")
    [ev] = [e for e in evs if e.sub_event_type == "Protest with intervention"]
    assert ev.actor1 and ev.actor1.startswith("protesters-kenya"), ev.actor1
    assert ev.actor2 and ev.actor2.startswith("police-forces-of-kenya"), ev.actor2
    assert ev.actor2 not in ev.assoc_actor_1, ev.assoc_actor_1


def test_a_peaceful_protest_against_the_police_has_no_second_side(nlp, kb):
    evs = events(nlp, kb, "On 8 June 2022, thousands marched peacefully through Nairobi against the use of force "
                          "by police.")
    peaceful = [e for e in evs if e.sub_event_type == "Peaceful protest"]
    assert peaceful and all(e.actor2 is None for e in peaceful), [(e.actor1, e.actor2) for e in peaceful]


def test_rubber_bullets_fired_at_protesters_keep_the_demonstrators_first(nlp, kb):
    evs = events(nlp, kb, "On 8 June 2022, police fired rubber bullets at protesters in Nairobi.")
    [ev] = [e for e in evs if e.sub_event_type == "Protest with intervention"]
    assert ev.actor1.startswith("protesters-kenya") and ev.actor2.startswith("police-forces-of-kenya"), \
        (ev.actor1, ev.actor2)


def test_a_killing_that_set_off_protests_is_their_cause_not_force_met(nlp, kb):
    for text in ("On 8 June 2022, a street vendor died in police custody in Mombasa, setting off protests "
                 "across the city.",
                 "On 8 June 2022, protests erupted in Mombasa after a street vendor was beaten and killed by "
                 "police officers."):
        evs = events(nlp, kb, text)
        assert "Excessive force against protesters" not in {e.sub_event_type for e in evs}, text
        assert all(e.fatalities is None for e in evs if e.event_type == "Protests"), text


def test_bombs_that_hit_a_rally_are_a_bombing_of_the_crowd(nlp, kb):
    for text in ("On 8 June 2022, two bombs exploded at an opposition rally in Kampala, killing 14 people.",
                 "On 8 June 2022, a car bomb hit a crowd of protesters in Mogadishu, killing nine."):
        evs = events(nlp, kb, text)
        kinds = [(e.sub_event_type, e.actor1) for e in evs]
        assert [e.event_type for e in evs] == ["Explosions/Remote violence"], kinds
        assert evs[0].actor2.startswith("protesters") and not evs[0].actor1.startswith("protesters"), \
            (evs[0].actor1, evs[0].actor2)


def test_a_gunman_firing_on_police_at_a_rally_is_no_force_against_the_rally(nlp, kb):
    evs = events(nlp, kb, "On 8 June 2022, at a rally in Denver against police brutality, a gunman opened fire "
                          "on police officers, killing two of them.")
    kinds = {(e.event_type, e.sub_event_type) for e in evs}
    assert ("Protests", "Excessive force against protesters") not in kinds, kinds
    assert any(e.fatalities == 2 and e.event_type != "Protests" for e in evs), kinds


# a crowd told clashing with protesters ("members of a group clashed with counter-protesters") is a violent
# demonstration, whatever words of conflict its sentence lacks
def test_a_group_that_clashed_with_counter_protesters_is_a_violent_demonstration(nlp, kb):
    text = ("At least four people were stabbed at a rally on Saturday outside the city hall in Sacramento as members "
            "of a white nationalist group clashed with counter-protesters, according to authorities.\n\n"
            "Six people were taken to a local hospital, a fire department spokesman said.\n\n"
            "The group's leader said it had a permit to hold the rally and had expected trouble.")
    evs = extract_document(Document(id="c", text=text, language="en", published=dt.date(2016, 6, 27)),
                           nlp=nlp, kb=kb).events
    assert [(e.event_type, e.sub_event_type) for e in evs] == [("Riots", "Violent demonstration")], \
        [(e.event_type, e.sub_event_type, e.rule) for e in evs]


def test_a_crowd_that_gathered_at_the_scene_of_a_killing_met_no_force(nlp, kb):
    text = ("A police officer in Durban, South Africa, shot dead a man who ran from a checkpoint on Tuesday, the "
            "authorities said, and a radio station reported protesters chanting slogans gathered at the scene.")
    evs = events(nlp, kb, text)
    subs = {e.sub_event_type for e in evs}
    assert "Attack" in subs and "Excessive force against protesters" not in subs, sorted(subs)
    assert not any(e.actor1 and e.actor1.startswith("protesters") and e.actor2 for e in evs), evs


def test_a_killing_a_day_before_a_march_is_no_force_the_march_met(nlp, kb):
    evs = events(nlp, kb, "A trader was killed in Kisumu a day after police officers shot a driver in Nakuru "
                          "and the day before a gunman killed two officers during a protest march in Eldoret.")
    assert "Excessive force against protesters" not in {e.sub_event_type for e in evs}, \
        [(e.sub_event_type, e.location) for e in evs]


def test_an_arrest_told_as_the_setting_of_a_shooting_is_no_arrest(nlp, kb):
    evs = events(nlp, kb, "On 8 June 2022, Kenyan police fatally shot a young man during an arrest in Kisumu.")
    assert "Arrests" not in {e.sub_event_type for e in evs}, [(e.sub_event_type, e.rule) for e in evs]
    assert any(e.event_type == "Violence against civilians" for e in evs)
    evs = events(nlp, kb, "On 8 June 2022, police in Kisumu clashed with a crowd during the arrest of an opposition "
                          "leader.")
    assert "Arrests" in {e.sub_event_type for e in evs}, [(e.sub_event_type, e.rule) for e in evs]


def test_warring_parties_fighting_are_no_mob(nlp, kb):
    text = ("BEIRUT Warring parties in Yemen's civil war continued to fight and jostle for territory on Friday ahead "
            "of a truce that is supposed to start at midnight. Fighting killed 12 people near Taiz, residents said.")
    doc = Document(id="w", text=text, language="en", published=dt.date(2016, 3, 5))
    evs = extract_document(doc, nlp=nlp, kb=kb).events
    assert evs and all(e.event_type == "Battles" for e in evs), [(e.sub_event_type, e.evidence.text[:30]) for e in evs]

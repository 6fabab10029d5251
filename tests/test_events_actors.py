"""Who did what to whom, from the sentence's structure: the sides of a battle its sentence names, no
side taken from the dateline or from who reported the event, "its fighters" as the group named
before. Real spaCy and knowledge base, project-written texts."""
from __future__ import annotations

import datetime as dt

import pytest

from conflictdesk.extract.pipeline import extract_document
from conflictdesk.records import Document


def coded(nlp, kb, text):
    ex = extract_document(Document(id="a", text=text, language="en", published=dt.date(2016, 5, 13)), nlp=nlp, kb=kb)
    names = {a.id: a.acled_name or a.name for a in ex.actors}
    return [(e, names.get(e.actor1), names.get(e.actor2)) for e in ex.events]


def test_a_battle_takes_the_sides_its_sentence_names(nlp, kb):
    text = ("Six Turkish soldiers were killed and eight were wounded in clashes with PKK militants in the "
            "southeastern Hakkari province on Friday, the military said.")
    [(ev, a1, a2)] = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert a1 and a1.startswith("Military Forces of Turkey") and a2 and "Kurdistan Workers Party" in a2, (a1, a2)


def test_the_dateline_is_no_side(nlp, kb):
    text = "KABUL A suicide bomber killed at least 14 people in an attack on a minibus in Kabul on Monday."
    evs = coded(nlp, kb, text)
    assert evs and all(a1 is None or "KABUL" not in a1 for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]


def test_who_reports_an_attack_did_not_carry_it_out(nlp, kb):
    text = ("A car exploded near a market in Hebron on Tuesday, wounding nine people in what police said was a "
            "terror attack, raising fears of more bombings.")
    evs = coded(nlp, kb, text)
    assert evs and all(a1 is None or "Police" not in a1 for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]


def test_its_fighters_are_the_group_named_before(nlp, kb):
    text = ("Amaq, a news agency close to Islamic State, said its fighters launched a twin suicide attack "
            "against government forces in west Palmyra on Sunday.")
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Suicide bomb"]
    assert evs and evs[0][1] and evs[0][1].startswith("Islamic State"), [(a1, a2) for _, a1, a2 in evs]


def _acled_csv_actor1(nlp, kb, text, published):
    import csv
    import io

    from conflictdesk.export.acled import acled_actors, events_to_acled_csv

    ex = extract_document(Document(id="d", text=text, language="en", published=published), nlp=nlp, kb=kb)
    out = io.StringIO()
    events_to_acled_csv(ex.events, out, actor=acled_actors({a.id: a for a in ex.actors}))
    return [row["actor1"] for row in csv.DictReader(io.StringIO(out.getvalue()))]


def test_a_2016_syrian_army_strike_has_the_name_of_its_period(nlp, kb):
    text = ("BEIRUT Syrian army helicopters dropped barrel bombs on the rebel-held town of Daraya on Thursday, "
            "killing four people, the Syrian Observatory for Human Rights said.")
    assert _acled_csv_actor1(nlp, kb, text, dt.date(2016, 6, 10)) == ["Military Forces of Syria (2000-2024)"]
    assert _acled_csv_actor1(nlp, kb, text, dt.date(2025, 3, 6)) == ["Military Forces of Syria (2024-)"]


def test_the_event_date_names_the_period_before_the_report_date(nlp, kb):
    text = "On 12 March 2016, Iraqi army artillery shelled Islamic State positions near Hit, killing 11 militants."
    names = _acled_csv_actor1(nlp, kb, text, dt.date(2025, 2, 1))
    assert names == ["Military Forces of Iraq (2014-2018)"], names


def _sides(nlp, kb, text):
    return [(e.sub_event_type, a1, a2) for e, a1, a2 in coded(nlp, kb, text)]


def test_people_named_by_nationality_are_no_state_forces(nlp, kb):
    # the attackers: an unidentified armed group of their nationality; the victims: civilians
    [(_, a1, a2)] = _sides(nlp, kb, "Knife and gun attacks by Palestinians killed three Israelis in Jerusalem on "
                                   "Friday, police said.")
    assert (a1, a2) == ("Unidentified Armed Group (Palestine)", "Civilians (Israel)")
    # people the state's forces shoot are their opponents, not the other state's forces
    evs = _sides(nlp, kb, "Israeli troops shot dead two Palestinians who tried to stab a soldier at a checkpoint "
                          "near Hebron on Friday.")
    assert ("Armed clash", "Military Forces of Israel (2009-2021)", "Unidentified Armed Group (Palestine)") in evs, evs
    assert all(a1 != "Military Forces of Palestine" for _, a1, _ in evs), evs


def test_a_nationality_or_a_base_is_not_the_agent(nlp, kb):
    evs = _sides(nlp, kb, "A British man was shot dead by gunmen in Kabul on Tuesday, officials said.")
    assert evs and all("United Kingdom" not in str(a) for _, a1, a2 in evs for a in (a1, a2)), evs
    evs = _sides(nlp, kb, "The Britain-based Syrian Observatory for Human Rights said air strikes killed 12 people "
                          "in Idlib on Monday.")
    assert evs and all(a1 is None or "United Kingdom" not in a1 for _, a1, _ in evs), evs


def test_the_name_nearest_the_head_names_the_party(nlp, kb):
    [(_, a1, a2)] = _sides(nlp, kb, "Iraqi Kurdish Peshmerga forces attacked Islamic State positions east of Mosul "
                                   "on Sunday.")
    assert a1 and "Peshmerga" in a1 and a2 == "Islamic State (Iraq)", (a1, a2)


def test_who_retaliation_struck_carried_out_the_attacks_retaliated_for(nlp, kb):
    evs = _sides(nlp, kb, "Turkish artillery shelled Islamic State positions in northern Syria on Saturday in "
                          "retaliation for rocket attacks on the town of Kilis.")
    agents = [a1 for _, a1, _ in evs]
    assert any(a and a.startswith("Military Forces of Turkey") for a in agents), evs
    assert any(a and a.startswith("Islamic State") for a in agents), evs


def test_a_groups_own_outlet_telling_of_an_attack_is_its_claim(nlp, kb):
    [(_, a1, _)] = _sides(nlp, kb, "The IS-affiliated Amaq news agency reported a suicide attack on an army "
                                  "checkpoint in Deir el-Zour on Saturday.")
    assert a1 == "Islamic State (Syria)", a1


def test_who_speaks_of_an_offensive_did_not_wage_it(nlp, kb):
    evs = _sides(nlp, kb, "While residents describe a calm spell, rebels say government forces backed by Russian "
                          "air strikes have continued offensives in northwestern Syria.")
    clash = [(a1, a2) for sub, a1, a2 in evs if sub == "Armed clash"]
    assert clash and clash[0][0] == "Military Forces of Syria (2000-2024)", evs


def test_the_taliban_are_known(nlp, kb):
    [(_, a1, a2)] = _sides(nlp, kb, "Taliban fighters attacked a police checkpoint in Helmand on Monday, killing "
                                   "four policemen.")
    assert a1 == "Taliban" and a2 == "Police Forces of Afghanistan (2014-2021)", (a1, a2)


def test_a_phrase_known_by_a_name_is_that_name_not_its_members(nlp, kb):
    [(_, a1, _)] = _sides(nlp, kb, "The capture of the village on Thursday by an alliance of Islamist rebels known "
                                  "as Jaish al-Fatah, including the Nusra Front, was a blow to the army.")
    assert a1 == "Jaish al Fateh", a1


def test_militants_are_the_group_named_before_them_never_a_states_forces(nlp, kb):
    evs = _sides(nlp, kb, "Syrian troops drove Islamic State out of Palmyra on Sunday, dealing a blow to militants "
                          "who seized the city last year.")
    assert [a1 for sub, a1, _ in evs if sub == "Non-state actor overtakes territory"] == ["Islamic State (Syria)"], evs
    evs = _sides(nlp, kb, "Islamic State has held parts of Iraq since 2014. The hardline Sunni militants claimed a "
                          "suicide attack on pilgrims in Nahrawan on Sunday that killed 19 people.")
    assert evs and evs[0][1] == "Islamic State (Iraq)", evs
    [(_, a1, a2)] = _sides(nlp, kb, "Iraqi army engineers defused roadside bombs planted by the militants near "
                                   "Falluja on Monday.")
    assert a1 == "Military Forces of Iraq (2014-2018)" and a2 == "Unidentified Armed Group (Iraq)", (a1, a2)


def test_a_heading_run_into_the_next_line_names_no_side(nlp, kb):
    text = ("The PKK took up arms in 1984.\n\n        IRAQ BORDER\nSix soldiers were killed in clashes with "
            "militants in the southeastern Hakkari province of Turkey on Friday, the military said.")
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert evs and not any("Iraq" in (a or "") for _, a1, a2 in evs for a in (a1, a2)), \
        [(a1, a2) for _, a1, a2 in evs]


def test_its_forces_in_what_a_speaker_says_are_the_speakers(nlp, kb):
    text = ("Islamic State fighters withdrew from Palmyra in Syria on Sunday. The army general command said that "
            "its forces took over the city with support from Russian air strikes.")
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Government regains territory"]
    assert evs and evs[0][1] and evs[0][1].startswith("Military Forces of Syria"), [(a1, a2) for _, a1, a2 in evs]


def test_the_militants_who_lost_ground_are_the_group_named_before(nlp, kb):
    text = ("Islamic State militants overran the town of Tel Asqof in northern Iraq on Tuesday. The militants "
            "have been retreating since December, when the Iraqi army recaptured Ramadi from the militants.")
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Government regains territory"]
    assert evs and evs[0][2] and evs[0][2].startswith("Islamic State"), [(a1, a2) for _, a1, a2 in evs]


def test_palestinian_attacks_are_by_palestinians_not_their_forces(nlp, kb):
    text = ("JERUSALEM Over the last seven months, 28 Israelis have been killed in Palestinian attacks in "
            "Jerusalem, police said.")
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type in ("Violence against civilians", "Battles")]
    assert evs and all(a1 is None or "Military Forces" not in a1 for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]
    assert any(a1 == "Unidentified Armed Group (Palestine)" for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]


def test_an_assailant_killed_by_police_is_the_battles_first_side(nlp, kb):
    text = ("KABUL Taliban gunmen stormed a security office in Kabul, Afghanistan on Tuesday. At least one armed "
            "assailant was killed by police at the site, officials said.")
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"
           and "assailant" in x[0].evidence.text]
    assert evs and evs[0][2] and evs[0][2].startswith("Police Forces of Afghanistan"), [(a1, a2) for _, a1, a2 in evs]


def test_who_an_attack_is_blamed_on_carried_it_out(nlp, kb):
    # a relative clause, a passive, and "blamed X for" all name the one blamed, not who blames
    evs = _sides(nlp, kb, "Turkey has suffered two bombings this year blamed on the PKK in the capital Ankara.")
    assert evs and "Kurdistan Workers Party" in (evs[0][1] or ""), evs
    evs = _sides(nlp, kb, "A suicide bomber killed ten tourists in Istanbul on Tuesday, in an attack the "
                          "government blamed on Islamic State.")
    assert evs and evs[0][1] == "Islamic State (Turkey)", evs
    evs = _sides(nlp, kb, "The bombing of a bus station in Ankara on Sunday was blamed on the PKK.")
    assert evs and "Kurdistan Workers Party" in (evs[0][1] or ""), evs
    evs = _sides(nlp, kb, "Officials blamed Boko Haram for the bombing of a mosque in Maiduguri on Friday that "
                          "killed 20 worshippers.")
    assert evs and evs[0][1] and evs[0][1].startswith("Boko Haram"), evs
    # who is blamed for lapses is no side of the violence the lapses allowed
    evs = _sides(nlp, kb, "A car bomb killed 30 people in Baghdad on Sunday. Residents blame the government for "
                          "security failures that allow such bombings to happen.")
    assert all(a1 is None or "Government" not in a1 for _, a1, _ in evs), evs


def test_a_copulas_subject_is_no_agent_of_what_stands_beside_it(nlp, kb):
    # "Turkey has become a target, with ... bombings": the subject is what was struck
    evs = _sides(nlp, kb, "Turkey has become a target for Islamic State, with a bombing in Ankara last year "
                          "killing more than 100 people.")
    assert evs and all(a1 is None or not a1.startswith("Military Forces of Turkey") for _, a1, _ in evs), evs
    # what the subject is told to be is its own: "was one of the perpetrators of a car bombing"
    evs = _sides(nlp, kb, "A member of the Kurdistan Workers Party (PKK) was one of two perpetrators of a car "
                          "bombing that killed 37 people in Ankara on Sunday, officials said.")
    assert evs and "Kurdistan Workers Party" in (evs[0][1] or ""), evs


def test_people_taken_hostage_are_the_target(nlp, kb):
    evs = _sides(nlp, kb, "Islamic State fighters took more than 400 civilians hostage in Deir el-Zour on "
                          "Saturday.")
    assert ("Abduction/forced disappearance", "Islamic State (Syria)", "Civilians (Syria)") in evs, evs
    # a hyphenated word parsed as several objects is one: "marked a major counter-attack"
    evs = _sides(nlp, kb, "The seizure of the village on Thursday by Jaish al-Fatah marked a major counter-attack "
                          "by rebels near Aleppo.")
    assert all(s != "Abduction/forced disappearance" and s != "Attack" for s, _, _ in evs), evs


def test_a_place_of_civilian_life_struck_has_civilian_victims(nlp, kb):
    evs = _sides(nlp, kb, "A car bomb exploded at a crowded market in Baghdad on Sunday.")
    assert evs and evs[0][2] == "Civilians (Iraq)", evs
    evs = _sides(nlp, kb, "Mortar fire hit a shrine and a nearby market in Balad on Thursday night.")
    assert evs and evs[0][2] == "Civilians (Iraq)", evs
    # a place told as the government's or the forces' is no civilian one
    evs = _sides(nlp, kb, "A suicide bomber attacked a hotel housing the government in Aden on Tuesday.")
    assert evs and all(a2 is None or not a2.startswith("Civilians") for _, _, a2 in evs), evs


def test_an_unclaimed_suicide_bombing_is_an_unidentified_armed_groups(nlp, kb):
    evs = _sides(nlp, kb, "A suicide bomber blew himself up near a police station in Jeddah on Monday.")
    assert evs and evs[0][1] == "Unidentified Armed Group (Saudi Arabia)", evs


def test_an_unnamed_attacker_is_the_group_that_claimed_the_attack(nlp, kb):
    # told in one sentence: the suicide bomber of an attack claimed by a group is the group's
    text = ("A suicide car bomber rammed the gates of a hotel in Mogadishu on Friday before gunmen stormed the "
            "building in an attack claimed by al Shabaab that killed at least 12 people.")
    evs = [x for x in _sides(nlp, kb, text) if x[0] == "Suicide bomb"]
    assert evs and evs[0][1] and "Shabaab" in evs[0][1], evs
    # told by its claim: the assailant the police killed at the site is the claiming group's
    text = ("The Taliban claimed responsibility for a suicide attack on a security office in Kabul on Tuesday.\n"
            "At least one armed assailant was killed by police at the site in Kabul on Tuesday, officials said.")
    evs = [x for x in _sides(nlp, kb, text) if x[0] == "Armed clash"]
    assert evs and evs[0][1] == "Taliban", evs
    # a claim of another incident that day (no return to its site): the gunmen stay unidentified
    text = ("Islamic State claimed a bombing at a market in Baghdad on Monday. Gunmen killed three policemen at a "
            "checkpoint in Baghdad on Monday.")
    evs = [x for x in _sides(nlp, kb, text) if x[0] == "Armed clash"]
    assert evs and evs[0][1] == "Unidentified Armed Group (Iraq)", evs


def test_a_claim_of_the_attack_told_later_names_every_unnamed_attacker_of_it(nlp, kb):
    # the claim names "the attack" told before: the bomber and the gunmen at the site that day are the group's
    text = ("A suicide bomber blew himself up at the gate of a police station in Tikrit on Tuesday.\n"
            "Gunmen then opened fire on the guards at the station, officials said.\n"
            "Islamic State claimed responsibility for the attack in an online statement.")
    evs = _sides(nlp, kb, text)
    assert evs and all(a1 and a1.startswith("Islamic State") for _, a1, _ in evs), evs
    # a claim naming only a bombing leaves gunmen of that day unidentified
    text = ("A suicide bomber blew himself up at the gate of a police station in Tikrit on Tuesday.\n"
            "Gunmen then opened fire on the guards at the station, officials said.\n"
            "Islamic State claimed the bombing in an online statement.")
    gunmen = [a1 for sub, a1, _ in _sides(nlp, kb, text) if sub != "Suicide bomb"]
    assert gunmen and all(a1 == "Unidentified Armed Group (Iraq)" for a1 in gunmen), gunmen


def test_an_unnamed_kidnapper_is_the_one_group_the_report_names_as_taking_captives(nlp, kb):
    # the tourists taken on Monday and the hostage killed: by the one group the report tells taking captives
    text = ("Four tourists were abducted from a resort on Samal Island on Monday, the military said.\n"
            "Abu Sayyaf militants abducted eight fishermen off Basilan in March.")
    evs = _sides(nlp, kb, text)
    assert len(evs) == 2 and all(a1 == "Abu Sayyaf Group" for _, a1, _ in evs), evs
    text = ("A Canadian man held hostage for months was beheaded in Jolo on Monday, officials said.\n"
            "Abu Sayyaf militants abducted eight fishermen off Basilan in March.")
    killing = [a1 for sub, a1, _ in _sides(nlp, kb, text) if sub == "Attack"]
    assert killing == ["Abu Sayyaf Group"], killing
    # two groups told taking captives: the tourists' kidnappers stay unidentified
    text = ("Four tourists were abducted from a resort on Samal Island on Monday, the military said.\n"
            "Abu Sayyaf militants abducted eight fishermen off Basilan in March. New People's Army rebels "
            "abducted two soldiers in Davao in April.")
    evs = _sides(nlp, kb, text)
    assert evs and evs[0][1] == "Unidentified Armed Group (Philippines)", evs


def test_attacks_a_state_blames_on_another_in_a_loosely_parsed_clause_are_the_others(nlp, kb):
    # "attacks in 2010 that Seoul blames on the North": the parser hangs the relative clause from "killed"
    text = ("North Korea test-fired a missile on Friday, South Korea said. Tension often turns deadly - 12 South "
            "Korean fishermen were killed in attacks in 2011 that Seoul blames on the North - and fears are rising.")
    evs = [x for x in _sides(nlp, kb, text) if x[0] == "Attack"]
    assert evs and evs[0][1] and evs[0][1].startswith("Military Forces of North Korea"), evs


def test_a_claim_participle_the_parser_misreads_names_the_claimer(nlp, kb):
    # "attacks claimed by X" parsed as X's agent of an active "claimed" with "attacks" its subject, and a
    # claim in a dashed aside parsed apart from the bombings it tells of
    for text in ("Officials admitted mistakes before May 3, when attacks claimed by the Islamic State militant "
                 "group killed 14 people in Lyon.",
                 "Prosecutors said suicide bombings in Lyon on Tuesday - also claimed by Islamic State and in "
                 "which at least nine people died - were planned abroad."):
        claimed = [a1 for sub, a1, _ in _sides(nlp, kb, text) if sub in ("Attack", "Suicide bomb")]
        assert claimed and claimed[0] and claimed[0].startswith("Islamic State"), (text, claimed)


def test_a_passive_claim_joined_to_the_killing_names_the_claimer(nlp, kb):
    # "X killed ... and were claimed by G": the claim shares the event noun as its subject
    text = ("Car bombs in Baghdad and Basra this spring killed scores of people and were also claimed by Islamic "
            "State, which holds towns in the north.")
    evs = _sides(nlp, kb, text)
    assert evs and all(a1 and a1.startswith("Islamic State") for _, a1, _ in evs), evs
    # the relative clause the parser hangs from the place of the bombing is the bombing's
    text = ("The minister resigned after several attacks, including a bombing at a mosque in Karbala that killed "
            "30 people and was claimed by militants from the Islamic State group.")
    evs = _sides(nlp, kb, text)
    assert evs and evs[0][1] and evs[0][1].startswith("Islamic State"), evs
    # a place claimed by others is no claim of the attack
    text = ("A bombing at a mosque in Karbala killed 30 people on Friday. The mosque, which was claimed by two "
            "sects, was damaged.")
    evs = _sides(nlp, kb, text)
    assert evs and all(a1 is None or not a1.startswith("Islamic State") for _, a1, _ in evs), evs


def test_forces_an_attack_killed_are_its_target(nlp, kb):
    # the soldiers "an attack killed" were attacked; the attacker is unnamed, not the soldiers
    evs = [x for x in _sides(nlp, kb, "An attack on a checkpoint in Kirkuk on Monday killed four soldiers.")
           if x[0] == "Armed clash"]
    assert evs and evs[0][1] is None and (evs[0][2] or "").startswith("Military Forces of Iraq"), evs
    # the dead of a clash are one of its sides: the state's forces first
    evs = [x for x in _sides(nlp, kb, "Clashes in Kirkuk on Monday killed four soldiers.") if x[0] == "Armed clash"]
    assert evs and (evs[0][1] or "").startswith("Military Forces of Iraq"), evs


def test_who_made_a_weapon_did_not_fire_it(nlp, kb):
    evs = _sides(nlp, kb, "Rebels fired U.S.-made anti-tank missiles at army positions near Hama on Tuesday.")
    assert evs and all("United States" not in (a1 or "") + (a2 or "") for _, a1, a2 in evs), evs
    evs = _sides(nlp, kb, "The airliner was shot down by a Russian-made missile over eastern Ukraine on Tuesday.")
    assert evs and all(not (a1 or "").startswith("Military Forces of Russia") for _, a1, _ in evs), evs


def test_a_person_of_two_nationalities_is_no_states_forces(nlp, kb):
    evs = _sides(nlp, kb, "A Jordanian-Palestinian blew himself up at a checkpoint in Syria on Sunday.")
    assert evs and all(not (a1 or "").startswith("Military Forces") for _, a1, _ in evs), evs


def test_an_apposition_making_the_attacker_a_member_names_the_group(nlp, kb):
    evs = _sides(nlp, kb, "The gunman, a member of the Taliban, opened fire on guests at a hotel in Kabul on Tuesday.")
    assert evs and evs[0][1] == "Taliban", evs


def test_the_news_told_with_its_attackers_named_names_its_unnamed_telling(nlp, kb):
    # the day's raid on a village told as a group's: the bombers there that day are the group's
    text = ("Boko Haram gunmen stormed the village of Kawuri near Maiduguri on Saturday, burning homes and "
            "shooting residents.\nAs people fled, two women carrying explosives blew themselves up in a crowd "
            "in Kawuri, a survivor said.")
    bombs = [a1 for sub, a1, _ in _sides(nlp, kb, text) if sub == "Suicide bomb"]
    assert bombs and bombs[0] and bombs[0].startswith("Boko Haram"), bombs
    # an air strike is never named by who attacked on the ground that day
    text = ("Warplanes bombed a clinic in eastern Aleppo on Thursday, killing 20 patients.\n"
            "Rebels shelled a school in western Aleppo on Thursday, killing six pupils.")
    strikes = [a1 for sub, a1, _ in _sides(nlp, kb, text) if sub == "Air/drone strike"]
    assert strikes and all(a1 is None or "Rebels" not in a1 for a1 in strikes), strikes


def test_kurdish_militants_are_the_pkk(nlp, kb):
    # news reporting's "Kurdish militants" is the PKK (Kurdish fighters in Syria are named as such)
    evs = _sides(nlp, kb, "Turkey blamed the car bombing in Ankara on Sunday on Kurdish militants.")
    assert evs and "Kurdistan Workers Party" in (evs[0][1] or ""), evs


def test_a_battle_known_from_its_dead_lists_the_states_forces_first(nlp, kb):
    evs = _sides(nlp, kb, "One police officer and three militants were killed in the fighting in Diyarbakir on "
                          "Tuesday, officials said.")
    evs = [x for x in evs if x[0] == "Armed clash"]
    assert evs and evs[0][1] and evs[0][1].startswith("Police Forces of Turkey"), evs


def test_militants_in_a_report_naming_one_group_are_that_groups(nlp, kb):
    text = ("The PKK has waged an insurgency against the state since 1984. One police officer and three militants "
            "were killed in the fighting in Diyarbakir on Tuesday, officials said.")
    evs = [x for x in _sides(nlp, kb, text) if x[0] == "Armed clash"]
    assert evs and "Kurdistan Workers Party" in (evs[-1][2] or ""), evs
    # two groups named: the militants stay unnamed
    text = ("The PKK and Islamic State have both attacked Turkey. One police officer and three militants were "
            "killed in the fighting in Diyarbakir on Tuesday, officials said.")
    evs = [x for x in _sides(nlp, kb, text) if x[0] == "Armed clash"]
    assert evs and all("Kurdistan" not in (a2 or "") and "Islamic" not in (a2 or "") for _, _, a2 in evs), evs
    # "Islamist militants" are a kind of fighter, not the group named
    text = ("Islamic State claimed the bombing in Ankara last month. Islamist militants killed two soldiers in "
            "Diyarbakir on Tuesday.")
    evs = [(a1, a2) for e, a1, a2 in coded(nlp, kb, text) if "Diyarbakir" in e.evidence.text]
    assert evs and all(a1 is None or "Islamic State" not in a1 for a1, _ in evs), evs


def test_foreign_nationals_arrested_or_attacked_are_civilians_of_their_state(nlp, kb):
    evs = _sides(nlp, kb, "Turkish police detained three Russian nationals in Antalya on Wednesday on suspicion of "
                          "links with Islamic State.")
    assert ("Arrests", "Police Forces of Turkey (2016-)", "Civilians (Russia)") in evs or \
        any(s == "Arrests" and a2 == "Civilians (Russia)" for s, _, a2 in evs), evs
    evs = _sides(nlp, kb, "Gunmen kidnapped two Turkish citizens in Baghdad on Monday.")
    assert evs and evs[0][2] == "Civilians (Turkey)", evs
    # those a state's forces shoot stay its armed opponents
    evs = _sides(nlp, kb, "Israeli troops shot dead two Palestinians at a checkpoint near Hebron on Friday.")
    assert any(a2 == "Unidentified Armed Group (Palestine)" for _, _, a2 in evs), evs


def test_a_hyphen_claimed_event_names_its_claimer(nlp, kb):
    from conflictdesk.extract.pipeline import extract_document
    from conflictdesk.ingest import read_text_document

    text = "A Taliban-claimed bombing killed five soldiers in Kabul on Monday."
    evs = extract_document(read_text_document(text, id="c", published="2016-05-31"), nlp=nlp, kb=kb).events
    assert evs and evs[0].actor1 == "taliban", [(e.sub_event_type, e.actor1) for e in evs]


@pytest.mark.parametrize("text", [
    "ERBIL The peshmerga also deflected Islamic State attacks on the Bashiqa front on Tuesday, Kurdish military "
    "sources said.",
    "BAGHDAD Iraqi forces repelled an Islamic State attack on Haditha on Monday.",
])
def test_who_attacked_is_first_and_who_repelled_second(nlp, kb, text):
    evs = _sides(nlp, kb, text)
    assert evs and evs[0][1] == "Islamic State (Iraq)" and evs[0][2] is not None, evs


def test_a_raid_on_a_village_of_civilians_is_violence_against_them(nlp, kb):
    from conflictdesk.extract.pipeline import extract_document
    from conflictdesk.ingest import read_text_document

    doc = read_text_document("MAIDUGURI Boko Haram gunmen raided Dalori village on Saturday night, killing 65 people.",
                             id="dalori", published="2016-02-01")
    [ev] = extract_document(doc, nlp=nlp, kb=kb).events
    assert (ev.event_type, ev.fatalities) == ("Violence against civilians", 65), (ev.event_type, ev.actor2)


def test_villages_held_by_a_group_are_that_group_struck(nlp, kb):
    evs = _sides(nlp, kb, "ERBIL Kurdish peshmerga forces attacked three villages held by Islamic State on Sunday.")
    assert evs and evs[0][0] == "Armed clash" and evs[0][2] == "Islamic State (Iraq)", evs


@pytest.mark.parametrize("text, expected", [
    ("MOSUL, Iraq Kurdish forces attacked Islamic State positions east of Mosul on Sunday, Iraqi officials said.",
     "Peshmerga"),
    ("Kurdish forces attacked Islamic State near Manbij in northern Syria on Sunday, a Syrian monitor said.",
     "Syrian Democratic Forces"),
])
def test_kurdish_forces_are_those_of_the_country_the_report_is_about(nlp, kb, text, expected):
    # an alias several actors claim ("Kurdish forces") goes to the claimant of the country named around it
    battles = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert battles and battles[0][1] and expected in battles[0][1], battles


def test_who_names_an_attack_did_not_carry_it_out(nlp, kb):
    # "in what the police called a terrorist attack"; "the center of the capital" is where, not a side
    text = ("Explosions and gunfire rocked the center of the Indonesian capital on Thursday in what the police "
            "called a terrorist attack.")
    evs = coded(nlp, kb, text)
    assert evs and all((a1 is None or "Police" not in a1) and (a2 is None or "Military" not in a2)
                       for _, a1, a2 in evs), [(a1, a2) for _, a1, a2 in evs]


def test_the_accused_is_the_agent_not_the_accuser(nlp, kb):
    text = "On Tuesday Turkey accused Russia of bombing a hospital in Azaz, killing 14 people."
    evs = coded(nlp, kb, text)
    assert all(a1 is None or "Turkey" not in a1 for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]


def test_a_group_without_aircraft_strikes_on_the_ground(nlp, kb):
    text = "PKK militants struck a Turkish army post in Hakkari province on Tuesday, killing three soldiers."
    evs = coded(nlp, kb, text)
    assert evs and all(e.sub_event_type != "Air/drone strike" for e, _, _ in evs), \
        [(e.sub_event_type, a1, a2) for e, a1, a2 in evs]
    jets = coded(nlp, kb, "Turkish jets struck PKK camps in northern Iraq on Tuesday, the military said.")
    assert jets and jets[0][0].sub_event_type == "Air/drone strike"
    # "they" (militants) struck: no one with aircraft is named and the sentence has no air word
    text = "Prosecutors said the men rented a flat used by several of the militants before they struck in Paris."
    assert all(e.sub_event_type != "Air/drone strike" for e, _, _ in coded(nlp, kb, text))
    coalition = coded(nlp, kb, "The coalition struck Islamic State positions near Mosul on Thursday.")
    assert coalition and coalition[0][0].sub_event_type == "Air/drone strike"


def test_who_backs_an_offensive_is_an_ally_not_a_side(nlp, kb):
    text = ("Syrian government forces, backed by Russian air strikes and Lebanese Hezbollah fighters, launched a "
            "major offensive against rebels north of Aleppo on Monday, a monitor said.")
    battles = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert battles and all(a2 is None or "Hezbollah" not in a2 for _, _, a2 in battles), \
        [(a1, a2) for _, a1, a2 in battles]
    text = "The Syrian army advanced toward the Turkish border on Monday in an offensive backed by Russia and Iran."
    assert all(a1 is None or "Russia" not in a1 for _, a1, _ in coded(nlp, kb, text))


@pytest.mark.parametrize("text, expected", [
    ("Forces aligned with Libya's unity government said on Friday they had taken control of the port of Sirte.",
     "Military Forces of Libya"),
    ("Fighters loyal to Khalifa Haftar retook the town of Ajdabiya on Friday.", "Libyan National Army"),
])
def test_forces_aligned_with_a_side_are_that_side(nlp, kb, text, expected):
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert evs and evs[0][1] and evs[0][1].startswith(expected), [(a1, a2) for _, a1, a2 in evs]


def test_an_embassy_attacked_is_no_battle_with_its_state(nlp, kb):
    text = "Gunmen stormed the Turkish consulate in Mosul on Sunday, killing two employees."
    [(ev, a1, a2)] = coded(nlp, kb, text)
    assert ev.event_type == "Violence against civilians" and a2 == "Civilians (Turkey)", (ev.event_type, a1, a2)


def test_a_battle_told_from_each_side_is_one_battle(nlp, kb):
    text = ("Dozens of militants stormed the Tunisian town of Ben Guerdan on Monday, attacking army and police "
            "posts. Soldiers killed 33 Islamic State militants in Ben Guerdan on Monday, the ministry said.")
    battles = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert len(battles) == 1, [(e.evidence.text[:40], a1, a2) for e, a1, a2 in battles]
    [(ev, a1, a2)] = battles
    assert a1 and a1.startswith("Islamic State") and a2 and a2.startswith("Military Forces of Tunisia"), (a1, a2)


def test_who_gives_a_death_toll_did_not_kill(nlp, kb):
    text = ("Al-Shabab attacked Kenyan peacekeepers in southwestern Somalia on Friday. The Kenyan government has "
            "given no death toll, saying broadly that there were some fatalities.")
    evs = coded(nlp, kb, text)
    assert all(a1 is None or "Kenya" not in a1 for _, a1, _ in evs), [(e.event_type, a1, a2) for e, a1, a2 in evs]


def test_who_is_under_attack_was_attacked_and_a_government_attack_is_its_forces(nlp, kb):
    text = ("BEIRUT Syrian rebels said on Wednesday they were under fierce government attack near the Turkish "
            "border, a rebel commander told Reuters.")
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert evs and evs[0][1] and evs[0][1].startswith("Military Forces of Syria") and evs[0][2] and \
        evs[0][2].startswith("Opposition Rebels"), [(a1, a2) for _, a1, a2 in evs]


def test_who_an_attack_is_blamed_on_is_its_agent_not_its_target(nlp, kb):
    # the parser hangs "on the Islamic State group" from "the attack": it names who was blamed
    text = ("Suicide bombers killed five people in the village of Qaa in eastern Lebanon on Monday. Al-Manar "
            "said six people were killed and blamed the attack on the Islamic State group.")
    evs = coded(nlp, kb, text)
    assert evs and all(a2 is None or "Islamic State" not in a2 for _, _, a2 in evs), \
        [(e.event_type, a1, a2) for e, a1, a2 in evs]


def test_a_nationality_before_an_attacker_is_no_states_forces(nlp, kb):
    [(ev, a1, a2)] = coded(nlp, kb, "A Syrian suicide bomber killed 10 German tourists in Istanbul on Tuesday.")
    assert a1 == "Unidentified Armed Group (Turkey)" and a2 == "Civilians (Germany)", (a1, a2)
    [(ev, a1, a2)] = coded(nlp, kb, "Turkish jets struck PKK camps in northern Iraq on Monday.")
    assert a1 and a1.startswith("Military Forces of Turkey"), a1


def test_an_attacker_told_by_nationality_is_an_armed_group_of_where_he_struck(nlp, kb):
    # ACLED names an unidentified armed group by the country it acted in, a Palestinian one alone by its people
    evs = coded(nlp, kb, "An Egyptian gunman killed four shoppers at a market in Amman, Jordan, on Friday.")
    assert [a1 for _, a1, _ in evs] == ["Unidentified Armed Group (Jordan)"], [(a1, a2) for _, a1, a2 in evs]


def test_a_states_possessive_before_its_rebels_names_the_rebels(nlp, kb):
    [(ev, a1, a2)] = coded(nlp, kb, "Syria's armed opposition attacked army positions in Aleppo on Saturday, killing five "
                                   "soldiers.")
    assert a1 == "Opposition Rebels (Syria)", a1


def test_one_person_told_by_nationality_is_that_countrys_people(nlp, kb):
    [(ev, a1, a2)] = coded(nlp, kb, "A Palestinian man stabbed two Israeli soldiers in Hebron on Monday.")
    assert a1 == "Unidentified Armed Group (Palestine)", (a1, a2)


def test_the_military_reporting_a_clash_is_its_other_side(nlp, kb):
    text = "On Thursday, 15 PKK militants were killed in clashes in Sirnak province, the military said."
    [(ev, a1, a2)] = coded(nlp, kb, text)
    assert a1 and a1.startswith("Military Forces of Turkey") and a2 and "Kurdistan Workers Party" in a2, (a1, a2)
    # military sources are no side
    text = "On Thursday, 15 PKK militants were killed in clashes in Sirnak province, military sources said."
    [(ev, a1, a2)] = coded(nlp, kb, text)
    assert a1 is None or not a1.startswith("Military Forces"), a1


def test_an_air_strike_told_without_its_air_force_is_by_the_one_the_report_names(nlp, kb):
    text = ("U.S.-led coalition air strikes killed 20 Islamic State fighters near Hasaka on Tuesday. "
            "Strikes also hit a bakery in the town of al-Shadadi on Tuesday, killing 15 people.")
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Air/drone strike"]
    assert len(evs) == 2 and all(a1 == "Global Coalition Against Daesh" for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]
    # two air forces named: the unnamed strike stays without
    text = ("Russian air strikes killed 20 fighters near Idlib on Tuesday. Syrian jets bombed the town of Talbiseh "
            "on Monday, killing four. On Wednesday, strikes also hit a bakery in the town of Saraqeb, killing 15 people.")
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Air/drone strike"]
    assert any(a1 is None for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]


def test_shelling_told_without_its_gunners_is_by_the_one_side_the_report_names(nlp, kb):
    text = ("Turkish artillery shelled Islamic State positions in northern Syria on Saturday, killing 20 militants. "
            "Artillery fire also hit the village of Suran on Saturday, destroying three rocket launchers.")
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Shelling/artillery/missile attack"]
    assert len(evs) == 2 and all(a1 and a1.startswith("Military Forces of Turkey") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_shelling_told_without_its_gunners_is_by_the_side_named_shelling_that_day(nlp, kb):
    text = ("Turkish artillery pounded Islamic State positions in northern Syria on Saturday, killing 30 militants, "
            "after months of rocket attacks by Islamic State on a Turkish border town. "
            "Artillery fire also struck the village of Tal Rifaat on Saturday, destroying two rocket launchers.")
    evs = [x for x in coded(nlp, kb, text) if "Tal Rifaat" in x[0].evidence.text
           and x[0].sub_event_type == "Shelling/artillery/missile attack"]
    assert evs and all(a1 and a1.startswith("Military Forces of Turkey") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_a_states_base_abroad_does_not_place_the_attack_in_that_state(nlp, kb):
    text = ("Islamic State militants overran the town of Tel Asqof in northern Iraq on Tuesday.\n\n"
            "The Pentagon said more troops would be sent to Iraq.\n\n"
            "Last month, an Islamic State attack on a U.S. base killed Marine Staff Sergeant Louis Cardin and wounded "
            "eight other Americans providing force protection.")
    evs = [e for e, _, _ in coded(nlp, kb, text) if "Marine" in e.evidence.text]
    assert evs and all(e.country == "Iraq" for e in evs), [(e.country, e.location) for e in evs]


def test_who_drives_fighters_out_of_a_town_took_it(nlp, kb):
    text = ("The Islamic State insurgents occupied the town of Tel Asqof at dawn on Tuesday but were driven out "
            "later in the day by the peshmerga.")
    [(ev, a1, a2)] = coded(nlp, kb, text)
    assert ev.sub_event_type == "Government regains territory" and "Peshmerga" in (a1 or "") \
        and "Islamic State" in (a2 or ""), (ev.sub_event_type, a1, a2)


def test_fighters_pushed_from_a_city_by_forces_lost_it_to_them(nlp, kb):
    text = ("In Syria, the jihadist fighters have been pushed from the strategic city of Palmyra by Russian-backed "
            "Syrian government forces.")
    [(ev, a1, a2)] = coded(nlp, kb, text)
    assert ev.sub_event_type == "Government regains territory" and (a1 or "").startswith("Military Forces of Syria") \
        and ev.location == "Palmyra", (ev.sub_event_type, a1, a2, ev.location)


def test_air_strikes_that_helped_a_side_are_by_who_gave_the_help(nlp, kb):
    text = ("The Peshmerga have driven the militants back in northern Iraq last year with the help of airstrikes "
            "from a U.S.-led coalition, and are positioned around Mosul.")
    strikes = [(e, a1) for e, a1, _ in coded(nlp, kb, text) if e.sub_event_type == "Air/drone strike"]
    assert strikes and all(a1 == "Global Coalition Against Daesh" for _, a1 in strikes), [a1 for _, a1 in strikes]


@pytest.mark.parametrize("text, forces", [
    ("Six PKK militants were also killed in an operation in Hakkari province on Friday.", "Military Forces of Turkey"),
    ("Twelve Boko Haram fighters were killed in a military operation near Maiduguri on Friday.",
     "Military Forces of Nigeria"),
])
def test_an_armed_group_killed_in_an_operation_fought_the_states_forces(nlp, kb, text, forces):
    [(ev, a1, a2)] = coded(nlp, kb, text)
    assert (a1 or "").startswith(forces), (a1, a2)


def test_an_operation_named_for_another_side_is_not_the_states(nlp, kb):
    [(ev, a1, a2)] = coded(nlp, kb, "Twelve Boko Haram fighters were killed in a rebel operation near Maiduguri on "
                                   "Friday.")
    assert a1 is None or not a1.startswith("Military Forces"), a1


def test_a_countrys_deadliest_attack_is_one_it_suffered_not_one_it_made(nlp, kb):
    text = ("More than 9,000 police were deployed in Bali, the site of Indonesia's deadliest terror attack, "
            "which killed 202 people in 2002.")
    events = coded(nlp, kb, text)
    assert events and all(e.actor1 != "military-forces-of-indonesia" for e, _, _ in events), \
        [(e.sub_event_type, e.actor1) for e, _, _ in events]
    # the possessor of a ranked air strike is still who struck
    events = coded(nlp, kb, "Russia's heaviest air strikes in weeks hit Aleppo on Monday, killing 30 people.")
    assert [e.actor1 for e, _, _ in events] == ["military-forces-of-russia"], [e.actor1 for e, _, _ in events]


def test_a_group_that_claimed_similar_attacks_did_not_claim_this_one(nlp, kb):
    text = ("A car bomb exploded at a crowded market in Hilla on Sunday, killing 12 people. There was no "
            "immediate claim of responsibility, but the Islamic State group has claimed similar bombings in the "
            "city.")
    evs = coded(nlp, kb, text)
    assert len(evs) == 1 and evs[0][1] == "Unidentified Armed Group (Iraq)", [(e.sub_event_type, a1) for e, a1, _ in evs]


def test_a_noun_phrase_read_as_a_verb_names_its_own_agent(nlp, kb):
    # "government advances" is parsed as the verb "advances"; the subject of "came" did not advance
    text = ("A car bomb killed nine people in Hama on Sunday. The bombing came a day after government advances "
            "against Islamic State.")
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Armed clash"]
    assert evs and all((a1 or "").startswith("Military Forces of Syria") for _, a1, _ in evs), \
        [(e.sub_event_type, a1, a2) for e, a1, a2 in evs]


def test_who_carried_out_what_appeared_to_be_an_act_did_it(nlp, kb):
    text = ("Two blasts shook a street near the governor's office in Diyarbakir on Monday, as police carried out "
            "what appeared to be controlled explosions near the building.")
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Disrupted weapons use"]
    assert evs and all((a1 or "").startswith("Police Forces of Turkey") for _, a1, _ in evs), \
        [(e.sub_event_type, a1) for e, a1, _ in evs]


@pytest.mark.parametrize("text", [
    "Syrian troops took back four Islamic State-held villages east of Aleppo on Tuesday.",
    "The army announced the capture of six villages from Islamic State east of Aleppo on Tuesday.",
])
def test_who_held_the_places_taken_is_the_other_side(nlp, kb, text):
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Government regains territory"]
    assert evs and all((a2 or "").startswith("Islamic State") for _, _, a2 in evs), [(a1, a2) for _, a1, a2 in evs]


@pytest.mark.parametrize("text, side", [
    ("Syrian warplanes bombed rebel-held districts of Aleppo on Tuesday.", "Opposition Rebels (Syria)"),
    ("Syrian warplanes bombed Islamic State-held villages near Palmyra on Tuesday.", "Islamic State"),
    ("Army artillery kept up its shelling of Islamic State positions near Palmyra on Tuesday.", "Islamic State"),
])
def test_who_holds_the_places_struck_is_the_side_struck(nlp, kb, text, side):
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Explosions/Remote violence"]
    assert evs and all((a2 or "").startswith(side) for _, _, a2 in evs), [(a1, a2) for _, a1, a2 in evs]


def test_the_group_of_an_earlier_sentence_is_its_subject(nlp, kb):
    text = ("The YPG has been fighting Islamic State near Kobani for months. The group said on Monday that 20 of "
            "its fighters were killed in an Islamic State attack on two towns near the border on Sunday.")
    evs = [x for x in coded(nlp, kb, text) if "20 of its fighters" in x[0].evidence.text]
    assert evs and all((a2 or "").startswith("YPG") for _, _, a2 in evs), [(a1, a2) for _, a1, a2 in evs]


def test_a_named_site_is_where_not_who(nlp, kb):
    # "the Holey Artisan Bakery" was an unknown actor, the side of an armed clash
    events = coded(nlp, kb, "DHAKA Five gunmen stormed the Holey Artisan Bakery in Dhaka on Friday and killed 20 "
                            "customers, police said.")
    assert events and all(not (e.actor2 or "").startswith("unknown-") for e, _, _ in events), \
        [(e.sub_event_type, e.actor1, e.actor2) for e, _, _ in events]
    assert {e.event_type for e, _, _ in events} == {"Violence against civilians"}, [e.sub_event_type for e, _, _ in events]


def test_pro_government_is_no_guess_of_yemen(nlp, kb):
    [(ev, _, a2)] = coded(nlp, kb, "Islamic State militants killed five pro-government militiamen on Monday, "
                                   "activists said.")
    assert ev.country != "Yemen" and not (ev.actor2 or "").endswith("yemen"), (ev.country, ev.actor2)
    [(ev, _, a2)] = coded(nlp, kb, "ADEN Houthi fighters killed five pro-government militiamen in Taiz on Monday, "
                                   "residents said.")
    assert ev.actor2 == "military-forces-of-yemen", ev.actor2


def test_a_bare_number_counts_the_people_the_coordinated_verb_named(nlp, kb):
    text = ("Boko Haram fighters attacked an army base near Monguno on Friday. Troops killed 12 militants and "
            "arrested four, the army said.")
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Arrests"]
    assert evs and all((a2 or "").startswith("Boko Haram") for _, _, a2 in evs), [(a1, a2) for _, a1, a2 in evs]


@pytest.mark.parametrize("text, side2", [
    ("Somali troops and al Shabaab fighters clashed near Afgoye on Tuesday.", "Al Shabaab"),
    ("Afghan troops and Taliban fighters exchanged fire near Kunduz on Tuesday.", "Taliban"),
])
def test_a_coordinated_subject_of_a_clash_is_both_sides(nlp, kb, text, side2):
    [(ev, a1, a2)] = coded(nlp, kb, text)
    assert a1 and a1.startswith("Military Forces of") and (a2 or "").startswith(side2), (a1, a2)


def test_government_positions_are_the_states_forces(nlp, kb):
    text = "Rebel fighters stormed government positions near the town of Morek in Hama province on Tuesday."
    evs = coded(nlp, kb, text)
    assert evs and all((a2 or "").startswith("Military Forces of Syria") for _, _, a2 in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_who_a_strike_is_believed_to_have_been_carried_out_by_did_it(nlp, kb):
    text = ("A drone strike believed to have been carried out by the United States killed three militants in "
            "Shabwa province, Yemen on Tuesday.")
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Air/drone strike"]
    assert evs and all((a1 or "").startswith("Military Forces of the United States") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_men_arrested_after_another_verb_were_arrested_not_arresting(nlp, kb):
    # the parser hangs "were arrested" from "thought" and lends it that verb's subject
    text = ("Four suspected militants, thought to have been in touch with Islamic State fighters in Syria, were "
            "arrested in raids across the city of Konya on Monday, the news agency said.")
    arrests = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Arrests"]
    assert arrests and all(not (a1 or "").startswith("Unidentified") for _, a1, _ in arrests), \
        [(a1, a2) for _, a1, a2 in arrests]


def test_an_arrest_told_without_who_made_it_is_by_the_police(nlp, kb):
    text = "Five suspected militants were detained in raids in the Turkish city of Konya on Tuesday."
    [(ev, a1, a2)] = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Arrests"]
    assert (ev.actor1 or "").startswith("police-forces-of-turkey"), (ev.actor1, a2)     # no mention: its id


def test_authorities_who_arrest_are_the_police(nlp, kb):
    text = "Belgian authorities arrested two men in Brussels on Friday over links to the airport bombing."
    [(ev, a1, a2)] = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Arrests"]
    assert (ev.actor1 or "").startswith("police-forces-of-belgium"), (ev.actor1, a2)


def test_a_named_force_that_arrests_keeps_its_name(nlp, kb):
    text = "Iraqi soldiers arrested six Islamic State fighters near the town of Tikrit on Monday."
    [(ev, a1, a2)] = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Arrests"]
    assert (a1 or "").startswith("Military Forces of Iraq"), (a1, a2)


def test_people_taken_by_a_group_in_a_participle_were_taken_by_it(nlp, kb):
    text = "A schoolgirl kidnapped by Boko Haram militants two years ago was found in Borno state on Tuesday."
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Abduction/forced disappearance"]
    assert evs and "Boko Haram" in (evs[0][1] or ""), [(e.sub_event_type, a1, a2) for e, a1, a2 in coded(nlp, kb, text)]


def test_fighting_that_flared_between_two_sides_is_theirs(nlp, kb):
    text = ("Fighting flared anew in Aleppo between insurgents and the Kurdish YPG militia near a road held by the "
            "Syrian army, the monitor said.")
    [(ev, a1, a2)] = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert a1 == "Opposition Rebels (Syria)" and "YPG" in (a2 or ""), (a1, a2)


def test_a_battle_with_only_the_state_forces_named_has_them_first(nlp, kb):
    text = "A militant commander died in a gunfight with the Indian army in Kashmir on Friday."
    [(ev, a1, a2)] = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert (ev.actor1 or "").startswith("military-forces-of-india"), (ev.actor1, ev.actor2)


def test_state_forces_attacked_stay_the_target(nlp, kb):
    """Not the rule above: a side told as the one attacked is the target, even with no attacker named."""
    text = "Militia forces shifted gears in March and began attacks against army positions in Syria."
    [(ev, a1, a2)] = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert ev.actor1 is None and (ev.actor2 or "").startswith("military-forces-of-syria"), (ev.actor1, ev.actor2)


def test_a_group_blamed_for_attacks_in_a_participle_carried_them_out(nlp, kb):
    text = ("The war next door has fostered a home-grown Islamic State network blamed for a series of suicide "
            "bombings in Turkey this year.")
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Suicide bomb"]
    assert evs and "Islamic State" in (evs[0][1] or ""), [(e.sub_event_type, a1, a2) for e, a1, a2 in evs]


def test_a_group_that_claimed_both_attacks_did_each(nlp, kb):
    text = ("A bomb exploded at a checkpoint in Kandahar on Monday, killing four policemen.\n"
            "It comes after a suicide bombing at a mosque in Kabul last month and a separate attack on a police "
            "station in Ghazni on June 3. The Taliban claimed both those attacks.")
    evs = [x for x in coded(nlp, kb, text) if x[0].location in ("Kabul", "Ghazni")]
    assert len(evs) == 2 and all(a1 == "Taliban" for _, a1, _ in evs), \
        [(e.sub_event_type, e.location, a1) for e, a1, _ in coded(nlp, kb, text)]


def test_a_man_arrested_by_officers_was_arrested_by_the_police(nlp, kb):
    text = "Police in Leeds said a 40-year-old man was arrested by officers at the scene of the stabbing."
    [(ev, a1, a2)] = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Arrests"]
    assert (ev.actor1 or "").startswith("police-forces-of-united-kingdom"), (ev.actor1, a2)


def test_a_region_held_by_a_side_is_no_takeover(nlp, kb):
    text = ("Fighting broke out in the Nagorno-Karabakh region on Saturday, killing dozens.\n"
            "Nagorno-Karabakh, which lies inside Azerbaijan but is controlled by ethnic Armenians, has run its own "
            "affairs since a war ended in 1994.\n"
            "The Azeri defence ministry said on Saturday the army had \"taken back strategic heights and villages\" "
            "in the region.")
    evs = coded(nlp, kb, text)
    territory = [(e, a1) for e, a1, _ in evs if e.sub_event_type.endswith("territory")]
    assert len(territory) == 1 and territory[0][0].sub_event_type == "Government regains territory" \
        and (territory[0][0].actor1 or "").startswith("military-forces-of-azerbaijan") \
        and territory[0][0].location == "Nagorno-Karabakh", \
        [(e.sub_event_type, e.actor1, e.location) for e, _, _ in evs]


def test_who_controls_a_town_now_took_nothing_today(nlp, kb):
    text = "The town of Azaz, which is controlled by rebels, lies near the Turkish border, where fighting goes on."
    evs = coded(nlp, kb, text)
    assert not [e for e, _, _ in evs if e.sub_event_type.endswith("territory")], \
        [(e.sub_event_type, a1) for e, a1, _ in evs]


def test_a_security_officer_who_tells_of_a_gunfight_speaks_for_its_other_side(nlp, kb):
    text = ("A senior security officer told reporters the school had been cleared after a four-hour gunfight with "
            "Pakistani Taliban militants in Peshawar ended on Wednesday.")
    [(ev, a1, a2)] = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert (ev.actor1 or "").startswith("military-forces-of-pakistan"), (ev.actor1, a2)


def test_an_aircraft_brought_down_is_the_target_of_who_downed_it(nlp, kb):
    text = ("Relations stay tense after Turkey's downing of a Russian warplane near the Syrian border in November, "
            "officials said.")
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Air/drone strike"]
    assert evs and (evs[0][0].actor1 or "").startswith("military-forces-of-turkey") \
        and (evs[0][0].actor2 or "").startswith("military-forces-of-russia"), \
        [(e.sub_event_type, e.actor1, e.actor2) for e, _, _ in coded(nlp, kb, text)]


def test_who_died_is_the_victim_not_the_agent(nlp, kb):
    text = "Three policemen died when a roadside bomb struck their patrol near Kirkuk on Sunday."
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Remote explosive/landmine/IED"]
    assert evs and all(a1 is None or not a1.startswith("Police") for _, a1, _ in evs) \
        and any(a2 and a2.startswith("Police Forces of Iraq") for _, _, a2 in evs), \
        [(e.sub_event_type, a1, a2) for e, a1, a2 in coded(nlp, kb, text)]


def test_a_state_force_telling_of_its_own_states_fight_is_no_side(nlp, kb):
    text = "A rebel commander was killed in a firefight with the Indian army in Kupwara on Tuesday, police said."
    [(ev, a1, a2)] = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert a1 and a1.startswith("Military Forces of India"), (a1, a2)


def test_the_subject_of_a_passive_verb_does_what_its_complement_tells(nlp, kb):
    text = ("Israeli aircraft hit a Syrian army post after militants were seen attempting attacks against Israel "
            "from the Golan.")
    evs = [x for x in coded(nlp, kb, text) if x[0].status == "attempted"]
    assert evs and all(a1 and a1.startswith("Unidentified Armed Group") for _, a1, _ in evs), \
        [(e.sub_event_type, a1, a2) for e, a1, a2 in coded(nlp, kb, text)]


def test_the_place_fire_came_from_did_not_fire(nlp, kb):
    text = "Rocket fire from southern Lebanon struck the Israeli town of Kiryat Shmona on Friday."
    evs = coded(nlp, kb, text)
    assert evs and all(a1 is None or "Lebanon" not in a1 for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]


def test_they_is_the_armed_side_last_named_by_a_plural_not_the_speaker_after_it(nlp, kb):
    text = ("Government troops were supported in the offensive by Kurdish YPG militias based near Afrin. They have "
            "captured three villages north of Aleppo since Monday, rebels said.")
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type.endswith("territory")]
    assert evs and evs[0][1] and evs[0][1].startswith("YPG"), [(e.sub_event_type, a1, a2) for e, a1, a2 in evs]


def test_they_who_stormed_a_post_are_the_fighters_named_before(nlp, kb):
    text = ("The offensive was backed by al Shabaab fighters from the south. They stormed a police post in Baidoa "
            "on Monday, officials said.")
    [(ev, a1, a2)] = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert a1 == "Al Shabaab" and a2 and a2.startswith("Police Forces of Somalia"), (a1, a2)


def test_one_person_who_attacks_is_an_unidentified_armed_group_not_a_civilian(nlp, kb):
    text = "A student stabbed a teacher at a school in Lyon on Tuesday, police said."
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Attack"]
    assert evs and evs[0][1] == "Unidentified Armed Group (France)", [(e.sub_event_type, a1, a2) for e, a1, a2 in
                                                                      coded(nlp, kb, text)]



def test_who_carries_the_bombs_is_the_bomber(nlp, kb):
    text = "Three women carrying suicide bombs tried to enter a market in Maiduguri on Sunday."
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Suicide bomb"]
    assert evs and evs[0][1] == "Unidentified Armed Group (Nigeria)", [(e.sub_event_type, a1) for e, a1, _ in evs]


def test_who_flees_an_attack_did_not_carry_it_out(nlp, kb):
    text = "Militiamen fleeing the air strikes near Sirte crossed into Tunisia on Monday."
    evs = coded(nlp, kb, text)
    assert evs and all(a1 is None for _, a1, _ in evs), [(e.sub_event_type, a1) for e, a1, _ in evs]


def test_no_side_fights_itself(nlp, kb):
    text = ("The army drove Islamic State out of Palmyra on Sunday after clashes with the group's fighters. The "
            "monitor said there were still clashes on the eastern edge of Palmyra on Sunday morning, but the bulk "
            "of the Islamic State force had withdrawn, leaving the city under Assad's control.")
    evs = coded(nlp, kb, text)
    assert evs and all(e.actor1 is None or e.actor1 != e.actor2 for e, _, _ in evs), \
        [(e.actor1, e.actor2) for e, _, _ in evs]


def test_a_group_pushed_out_by_no_side_told_lost_to_the_states_forces(nlp, kb):
    text = "The Islamic State group was pushed out of Ramadi in December after holding the city for months."
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Government regains territory"]
    assert evs and (evs[0][1] or "").startswith("Military Forces of Iraq"), [(e.sub_event_type, a1) for e, a1, _ in evs]


def test_each_of_coordinated_acts_has_the_one_accused_of_them(nlp):
    from conflictdesk.extract.events.roles import accused_of as _accused

    doc = nlp("The council sanctioned the regime over a chemical attack and a rocket launch.")
    launch = next(t for t in doc if t.text == "launch")
    assert _accused(launch) is not None and _accused(launch).text == "regime"


def test_who_helps_a_fight_or_examines_an_attack_is_not_its_agent(nlp, kb):
    text = ("U.S. officials said they are still analyzing the links between the group and a June 28 attack on the "
            "airport in Istanbul that killed 45 people.")
    evs = coded(nlp, kb, text)
    assert evs and all(a1 is None or "United States" not in a1 for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]
    doc = nlp("Army units advanced under air cover from a coalition helping to fight the militants.")
    from conflictdesk.extract.events.roles import _subject
    fight = next(t for t in doc if t.text == "fight")
    assert _subject(fight)[0] is None or _subject(fight)[0].text != "coalition"


def test_a_habit_told_after_an_incident_names_no_attacker_of_it(nlp, kb):
    text = ("A car bomb exploded at a busy market in Kirkuk on Thursday, killing 12 people, police said.\n"
            "Officials say the Islamic State group is increasingly turning to bombings in Kirkuk and nearby towns.")
    evs = [x for x in coded(nlp, kb, text) if x[0].salience == "main"]
    assert evs and all(a1 is None or "Islamic State" not in a1 for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]


def test_counted_people_told_by_their_country_are_not_its_forces(nlp, kb):
    evs = coded(nlp, kb, "Gunmen shot dead two Israeli hikers near Hebron on Friday.")
    assert evs and all(a2 is None or "Military Forces" not in a2 for _, _, a2 in evs), [(a1, a2) for _, a1, a2 in evs]
    evs = coded(nlp, kb, "Militants killed two Turkish soldiers near the border on Friday.")
    assert any(a2 and a2.startswith("Military Forces of Turkey") for _, _, a2 in evs), [(a1, a2) for _, a1, a2 in evs]


def test_a_claim_told_as_not_made_is_no_claim(nlp, kb):
    for text in ("There was no immediate claim of responsibility for the bombing in Kabul on Monday.",
                 "No one has claimed responsibility for the bombing in Kabul on Monday."):
        evs = coded(nlp, kb, text)
        assert evs and all(e.status == "reported" for e, _, _ in evs), [(e.status, a1) for e, a1, _ in evs]
    evs = coded(nlp, kb, "The Taliban claimed responsibility for the bombing in Kabul on Monday.")
    assert evs and evs[0][0].status == "claimed", [(e.status, a1) for e, a1, _ in evs]


# attributions (ACLED: an attack its sources attribute is coded with the group they attribute it to; an
# unclaimed attack by unknown perpetrators stays an unidentified armed group)

def _attackers(nlp, kb, text):
    return [(e.sub_event_type, e.event_date, a1) for e, a1, _ in coded(nlp, kb, text)
            if e.event_type in ("Explosions/Remote violence", "Violence against civilians")]


def test_a_bare_claim_names_the_attacker_of_the_news_it_follows(nlp, kb):
    text = ("Suicide bombers killed 31 people at Brussels airport and a metro station on Tuesday.\n"
            "Islamic State has claimed responsibility.")
    evs = _attackers(nlp, kb, text)
    assert evs and all(a1 and a1.startswith("Islamic State") for _, _, a1 in evs), evs


def test_a_bare_claim_names_no_attack_the_report_recalls_after_it(nlp, kb):
    text = ("Gunmen killed 20 people at a Dhaka restaurant on Friday.\nIslamic State claimed responsibility.\n"
            "The region saw a nightclub bombing on Bali in 2002 that killed 202 people.")
    evs = _attackers(nlp, kb, text)
    assert any(a1 and a1.startswith("Islamic State") for _, day, a1 in evs if day is not None), evs
    assert not any(a1 and a1.startswith("Islamic State") for sub, day, a1 in evs if day is None and "explosive" in sub), evs


def test_the_claim_of_an_attack_told_before_names_its_attacker(nlp, kb):
    text = ("A bomb exploded at a market in Nice on Thursday, killing 12 people.\n"
            "In November, gunmen killed 130 people in Paris.\nIslamic State claimed responsibility for that attack.")
    evs = coded(nlp, kb, text)
    recalled = [a1 for e, a1, _ in evs if e.event_date is None]
    assert recalled and all(a1 and a1.startswith("Islamic State") for a1 in recalled), [(e.event_date, a1) for e, a1, _ in evs]


def test_the_group_said_to_be_behind_the_attack_is_its_attacker(nlp, kb):
    text = ("Gunmen stormed a hotel in Bamako on Friday, killing 20 people.\n"
            "Officials said al Qaeda in the Islamic Maghreb was behind the attack.")
    evs = _attackers(nlp, kb, text)
    assert evs and all(a1 and "Islamic Maghreb" in a1 for _, _, a1 in evs), evs


def test_the_hallmarks_of_a_group_name_the_attacker(nlp, kb):
    text = ("A bomb exploded at a bus station in Ankara on Sunday, killing 37 people.\n"
            "No one has claimed responsibility, but officials said the attack bore the hallmarks of the PKK.")
    evs = _attackers(nlp, kb, text)
    assert evs and all(a1 and "Kurdistan Workers Party" in a1 for _, _, a1 in evs), evs


def test_one_claim_names_the_attacker_of_each_attack_it_claims(nlp, kb):
    text = ("Islamic State has claimed responsibility for bombing that killed 32 people in Brussels last month "
            "and attacks in Paris in November that killed 130 people.")
    evs = _attackers(nlp, kb, text)
    assert len(evs) == 2 and all(a1 and a1.startswith("Islamic State") for _, _, a1 in evs), evs


def test_suspects_arrested_are_not_blamed_for_another_attack(nlp, kb):
    text = ("Police detained nine suspected Islamic State militants in Izmir on Thursday.\n"
            "A bomb exploded in Istanbul on Friday, killing three people.")
    evs = _attackers(nlp, kb, text)
    assert evs and all(a1 and a1.startswith("Unidentified Armed Group") for _, _, a1 in evs), evs


def test_a_group_linked_to_the_named_one_is_not_the_named_one(nlp, kb):
    text = ("Gunmen stormed a hotel in Ouagadougou on Friday, killing 28 people.\n"
            "An al Qaeda-linked group claimed responsibility.")
    evs = _attackers(nlp, kb, text)
    assert evs and not any(a1 == "Al Qaeda" for _, _, a1 in evs), evs


def test_a_claim_of_the_day_s_attack_names_no_other_incident_of_the_report(nlp, kb):
    text = ("Gunmen stormed a hotel in Ouagadougou on Friday, killing 28 people.\n"
            "Al Qaeda in the Islamic Maghreb claimed responsibility for the assault.\n"
            "Two Australian doctors were abducted early Saturday in the town of Djibo, officials said.")
    evs = _attackers(nlp, kb, text)
    taken = [a1 for sub, _, a1 in evs if sub == "Abduction/forced disappearance"]
    assert taken and not any(a1 and "Islamic Maghreb" in a1 for a1 in taken), evs


def test_a_battle_told_without_sides_is_between_the_one_pair_the_report_names(nlp, kb):
    text = ("DIYARBAKIR, Turkey Turkish troops clashed with PKK militants near the town of Cizre on Tuesday, "
            "the army said. Heavy fighting continued in Silopi on Wednesday, a local official said.")
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert len(evs) >= 2 and all(a1 and a2 for _, a1, a2 in evs), [(e.evidence, a1, a2) for e, a1, a2 in evs]
    assert all(a1.startswith("Military Forces of Turkey") and "Kurdistan Workers" in a2 for _, a1, a2 in evs)
    # two pairs of sides fighting in the report: the one told without sides stays without
    text = ("DIYARBAKIR, Turkey Turkish troops clashed with PKK militants near the town of Cizre on Tuesday. "
            "Islamic State militants clashed with Turkish troops near Kilis on Monday. "
            "Heavy fighting continued in Silopi on Wednesday, a local official said.")
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles" and "Silopi" in x[0].evidence.text]
    assert evs
    assert all(a1 is None and a2 is None for _, a1, a2 in evs), [(a1, a2) for _, a1, a2 in evs]


def test_the_one_accused_of_a_killing_is_its_unidentified_attacker(nlp, kb):
    # one person acting alone in the United States: ACLED's Sole Perpetrator there
    text = ("BRISTOL, Tennessee The man accused of killing one person and wounding three others on a highway near "
            "Bristol on Thursday had served in the army, police said.")
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Violence against civilians"]
    assert evs and all(a1 == "Sole Perpetrator (United States)" for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_fighting_read_as_a_verb_takes_its_between_sides(nlp, kb):
    # a gerund subject parsed as a verb: "between X and Y" still names both sides, the first told first
    text = "Fighting between Houthi fighters and pro-Hadi forces left 12 dead in Taiz on Sunday, medics said."
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert evs and evs[0][1] and evs[0][1].startswith("Military Forces of Yemen (2016-) Supreme"), evs[0][1:]
    assert evs[0][2] and evs[0][2].startswith("Military Forces of Yemen") and "Supreme" not in evs[0][2], evs[0][1:]


def test_it_opening_a_sentence_is_the_armed_subject_of_the_one_before(nlp, kb):
    text = ("Islamic State began to spread along the Libyan coast two years ago as rival governments fought. "
            "It seized the port town of Sirte in June, residents said.")
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles" and "Sirte" in x[0].evidence.text]
    assert evs and evs[0][1] and evs[0][1].startswith("Islamic State"), [(a1, a2) for _, a1, a2 in evs]


def test_it_after_a_subject_that_is_no_armed_actor_names_no_one(nlp, kb):
    text = ("The town of Sirte lies on the Libyan coast between Tripoli and Benghazi. "
            "It was shelled on Monday, killing three people, residents said.")
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Explosions/Remote violence"]
    assert evs and all(a1 is None or not a1.startswith(("Military", "Islamic")) for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


@pytest.mark.parametrize("text", [
    "A Denver man who police say shot a 12-year-old girl in the leg in Denver, Colorado has been charged with "
    "attempted murder.",
    "A Houston woman who police said stabbed her neighbor in Houston, Texas on Friday was arrested on Saturday.",
])
def test_a_relative_clause_told_by_police_has_the_noun_for_its_subject(nlp, kb, text):
    # "who police say shot": the police only tell it; the one person who shot is the attacker (acting alone in
    # the United States: ACLED's Sole Perpetrator there, elsewhere an unidentified armed group)
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Violence against civilians"]
    assert evs and all(a1 == "Sole Perpetrator (United States)" for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


@pytest.mark.parametrize("text", [
    "Police in Tulsa, Oklahoma discovered two dead men in a parked car on Sunday morning.",
    "Soldiers found three dead villagers near a well outside Maiduguri, Nigeria on Monday.",
])
def test_who_finds_the_dead_did_not_kill_them(nlp, kb, text):
    evs = coded(nlp, kb, text)
    assert all(a1 is None or not a1.startswith(("Police", "Military")) for _, a1, _ in evs), \
        [(e.sub_event_type, a1, a2) for e, a1, a2 in evs]


def test_counted_aircraft_by_model_are_the_state_forces_not_its_people(nlp, kb):
    # "two Turkish F-16s": a model designation counts aircraft, not Turkish people
    text = "Two Turkish F-16s shot down a Russian Su-24 near the Syrian border on Tuesday, the Turkish military said."
    evs = coded(nlp, kb, text)
    assert evs and all(a1 and a1.startswith("Military Forces of Turkey") for _, a1, _ in evs), \
        [(e.sub_event_type, a1, a2) for e, a1, a2 in evs]


def test_a_day_that_owns_an_attack_is_no_side(nlp, kb):
    # "Tuesday's bombing": the possessive tells when; who was responsible for it is the one named
    text = ("A Syrian member of the Islamic State group was responsible for Tuesday's suicide bombing at a bus "
            "station in Gaziantep, Turkey, which killed four people, officials said.")
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Suicide bomb"]
    assert evs and evs[0][1] and evs[0][1].startswith("Islamic State"), [(a1, a2) for _, a1, a2 in evs]


def test_who_describes_an_attacker_is_not_the_attacker(nlp, kb):
    # "described by police": the police tell of the gunman, they did not shoot
    text = ("The masked gunman, described by police as a man in his 40s, fired six shots at a shop owner in "
            "Tulsa, Oklahoma on Friday night.")
    evs = coded(nlp, kb, text)
    assert evs and all(a1 is None or not a1.startswith("Police") for _, a1, _ in evs), \
        [(e.sub_event_type, a1, a2) for e, a1, a2 in evs]


def test_who_works_at_the_scene_of_a_blast_did_not_set_it_off(nlp, kb):
    text = ("Police collected fragments from the blast scene near the stadium in Bursa, Turkey, after the "
            "explosion killed two guards on Monday.")
    evs = coded(nlp, kb, text)
    assert evs and all(a1 is None or not a1.startswith("Police") for _, a1, _ in evs), \
        [(e.sub_event_type, a1, a2) for e, a1, a2 in evs]


def test_the_rebels_of_eastern_ukraine_are_the_separatist_forces(nlp, kb):
    text = ("Clashes between the rebels and Ukrainian troops near the town of Avdiivka in eastern Ukraine killed "
            "three soldiers on Sunday, the Ukrainian military said.")
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    sides = {a for _, a1, a2 in evs for a in (a1, a2)}
    assert "NAF: United Armed Forces of Novorossiya" in sides, [(a1, a2) for _, a1, a2 in evs]


def test_pro_russian_separatists_are_named(nlp, kb):
    text = "Pro-Russian separatists shelled Ukrainian army positions near Mariupol, Ukraine on Wednesday."
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type in ("Battles", "Explosions/Remote violence")]
    assert evs and evs[0][1] == "NAF: United Armed Forces of Novorossiya", [(a1, a2) for _, a1, a2 in evs]


@pytest.mark.parametrize("text, want", [
    ("The Kurds seized three villages from Islamic State fighters near Hasaka, Syria on Thursday.",
     "YPG: Peoples Protection Units"),
    ("Kurdish security forces captured two villages from Islamic State east of Mosul, Iraq on Thursday.",
     "Military Forces of Iraq (2014-) Peshmerga"),
])
def test_the_kurds_as_a_side_are_the_kurdish_force_of_their_country(nlp, kb, text, want):
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert evs and evs[0][1] == want, [(a1, a2) for _, a1, a2 in evs]


def test_an_air_strike_takes_no_armed_group_as_its_default_agent(nlp, kb):
    # the attack's default (an unidentified armed group) is no default of an air strike told with it
    text = ("Air strikes hit a clinic in a rebel-held district of Idlib, Syria on Monday and killed nine "
            "people. The attack on the clinic destroyed its only generator, medics said.")
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Air/drone strike"]
    assert evs and all(a1 is None or not a1.startswith("Unidentified Armed Group") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_who_uses_a_thing_packed_with_explosives_set_them_off(nlp, kb):
    # "a truck packed with explosives": the explosives are the truck's load; who drove the truck used them
    text = ("Taliban fighters drove a truck packed with explosives into the gate of a police compound in "
            "Kandahar, Afghanistan on Tuesday, officials said.")
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Explosions/Remote violence"]
    assert evs and evs[0][1] == "Taliban", [(e.sub_event_type, a1, a2) for e, a1, a2 in evs]


def test_violence_against_civilians_is_done_to_civilians(nlp, kb):
    # a bombing with no target told strikes whoever is there: civilians of the country (ACLED)
    text = "A suicide bomber blew himself up at a market in the Nigerian city of Maiduguri on Monday."
    [(ev, a1, a2)] = coded(nlp, kb, text)
    assert ev.sub_event_type == "Suicide bomb" and a2 == "Civilians (Nigeria)", (ev.sub_event_type, a1, a2)


def test_a_bombing_at_an_army_base_keeps_its_target(nlp, kb):
    text = ("A suicide bomber blew himself up at the gate of an army base in the Afghan city of Jalalabad on "
            "Monday, wounding two soldiers.")
    [(ev, a1, a2)] = coded(nlp, kb, text)
    assert a2 and a2.startswith("Military Forces of Afghanistan"), (ev.sub_event_type, a1, a2)


def test_a_shot_police_officer_is_no_civilian(nlp, kb):
    text = ("A police officer in the Texas city of Austin was in critical condition on Saturday, a day after he "
            "was shot during a traffic stop.")
    evs = coded(nlp, kb, text)
    assert evs and all(a2 is None or not a2.startswith("Civilians") for _, _, a2 in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_a_strike_told_without_its_target_is_on_the_enemy_the_report_names(nlp, kb):
    text = ("Iraqi troops clashed with Islamic State fighters near Falluja on Monday. On Tuesday army "
            "helicopters fired rockets at positions in the nearby town of Garma.")
    [strike] = [(ev, a1, a2) for ev, a1, a2 in coded(nlp, kb, text) if ev.sub_event_type == "Air/drone strike"]
    assert strike[1].startswith("Military Forces of Iraq") and strike[2] == "Islamic State (Iraq)", strike[1:]


def test_a_strike_stays_without_target_when_the_report_names_two_enemies(nlp, kb):
    text = ("Iraqi troops clashed with Islamic State fighters near Falluja on Monday. Iraqi troops also clashed "
            "with Kurdish Peshmerga fighters near Kirkuk on Monday. On Tuesday army helicopters fired rockets at "
            "positions in the nearby town of Garma.")
    strikes = [(ev, a1, a2) for ev, a1, a2 in coded(nlp, kb, text) if ev.sub_event_type == "Air/drone strike"]
    assert strikes and all(a2 is None for _, _, a2 in strikes), [s[1:] for s in strikes]


def test_barrel_bombs_in_syria_are_the_syrian_militarys(nlp, kb):
    # a weapon only one side uses names that side: ACLED codes Syria's barrel bombs to its military
    text = ("Helicopters dropped barrel bombs on rebel-held districts of Aleppo, Syria on Monday, killing nine "
            "people, activists said.")
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Explosions/Remote violence"]
    assert evs and all(a1 and a1.startswith("Military Forces of Syria") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]
    assert all(a2 is None or not a2.startswith("Military Forces of Syria") for _, _, a2 in evs)


def test_barrel_bombs_outside_syria_name_no_one(nlp, kb):
    text = "A barrel bomb dropped on a village near Fallujah, Iraq killed four people on Monday, police said."
    evs = coded(nlp, kb, text)
    assert all(a1 is None or not a1.startswith("Military Forces of Syria") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_officers_who_shoot_are_the_police_where_police_keep_order(nlp, kb):
    # ACLED codes a shooting by police officers to the Police Forces of the country, not to an unidentified
    # armed group; "officers" alone name the police where no war is fought
    text = "Two officers shot and killed a 30-year-old man during a traffic stop in Tulsa, Oklahoma on Tuesday."
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Violence against civilians"]
    assert evs and all(a1 and a1.startswith("Police Forces of the United States") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_officers_climbed_to_from_another_verb_did_not_shoot(nlp, kb):
    # the officers respond to the shooting: they are no doer of it
    text = "In Tulsa, Oklahoma, the officers responding to the shooting on Tuesday found a wounded man."
    evs = coded(nlp, kb, text)
    assert all(a1 is None or not a1.startswith("Police Forces") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_police_shot_by_no_one_named_were_shot_by_an_unnamed_gunman(nlp, kb):
    # police who were shot are armed men hit: a battle (test_events_types), with the unnamed gunman first
    text = "Two police officers were shot and wounded in Tulsa, Oklahoma on Tuesday night, the mayor said."
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert evs and all(a1 is not None and a1.startswith("Unidentified Armed Group") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]
    assert any(a2 and a2.startswith("Police Forces of the United States") for _, _, a2 in evs)


def test_a_police_force_named_by_its_town_is_the_states_police(nlp, kb):
    text = "A man was shot dead by Tulsa Police Department officers in Tulsa, Oklahoma on Tuesday."
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Violence against civilians"]
    assert evs and all(a1 and a1.startswith("Police Forces of the United States") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_a_by_agent_the_parser_hangs_low_is_the_verbs_doer(nlp, kb):
    # "shot ... during a traffic stop by two officers": the parse hangs the agent from "stop"
    text = "A 20-year-old man was shot and killed during a traffic stop by two police officers in Tulsa on Monday."
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Violence against civilians"]
    assert evs and all(a1 and a1.startswith("Police Forces of the United States") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_who_names_a_gunman_did_not_attack(nlp, kb):
    text = ("Police killed the gunman, identified by a government source as John Doe, with a robot carrying "
            "a bomb in Dallas, Texas on Friday.")
    evs = coded(nlp, kb, text)
    assert evs and all(a1 is None or not a1.startswith("Military Forces") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_a_former_soldier_who_shoots_is_no_states_forces(nlp, kb):
    text = "Former Army soldier John Doe, 30, shot and killed two people at a mall in Tulsa, Oklahoma on Monday."
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type in ("Violence against civilians", "Battles")]
    assert evs and all(a1 is None or not a1.startswith("Military Forces") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_police_named_by_a_nationality_are_its_police(nlp, kb):
    text = "On Monday a French policewoman was gunned down in a suburb of Lyon."
    evs = coded(nlp, kb, text)
    assert evs and all(a2 and a2.startswith("Police Forces of France") for _, _, a2 in evs), \
        [(a1, a2) for _, a1, a2 in evs]
    assert all(a1 is None or not a1.startswith("Military Forces") for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]


def test_police_who_came_under_fire_are_the_target(nlp, kb):
    text = "On Wednesday, police came under fire in Memphis, Tennessee, officials said."
    evs = coded(nlp, kb, text)
    assert evs and all(a2 and a2.startswith("Police Forces of the United States") for _, _, a2 in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_a_reduced_relative_read_as_the_verb_names_the_shot(nlp, kb):
    # "shot" parsed as the finite verb of "Two": the officers were shot, they did not shoot
    text = "Two of the officers fatally shot in Memphis on Sunday were veterans, police said."
    evs = coded(nlp, kb, text)
    assert evs and all(a1 is None or not a1.startswith("Police Forces") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_forces_told_fighting_with_attackers_stay_first(nlp, kb):
    text = "Residents said soldiers were battling with the Boko Haram attackers in Dikwa, Nigeria on Monday."
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert evs and all(a1 and a1.startswith("Military Forces of Nigeria") and a2 and "Boko Haram" in a2
                       for _, a1, a2 in evs), [(a1, a2) for _, a1, a2 in evs]


def test_a_dateline_parsed_as_a_second_subject_is_no_side(nlp, kb):
    text = ("SEOUL, South Korea — North Korea on Friday launched a short-range ballistic missile toward the sea, "
            "officials in the South said.")
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Shelling/artillery/missile attack"]
    assert evs and evs[0][1] and "North Korea" in evs[0][1], [(a1, a2) for _, a1, a2 in evs]



def test_what_appeared_to_be_a_missile_is_fired_by_the_subject(nlp, kb):
    text = ("North Korea on Saturday fired what appeared to be a submarine-launched ballistic missile off its east "
            "coast, the U.S. and Japan said, the latest in a string of tests.")
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Shelling/artillery/missile attack"]
    assert evs and evs[0][1] and "North Korea" in evs[0][1], [(a1, a2) for _, a1, a2 in evs]


def test_who_detects_a_launch_did_not_fire(nlp, kb):
    text = "The U.S. Navy detected a missile launch from the north early on Friday, a spokesman said."
    evs = coded(nlp, kb, text)
    assert all(a1 is None or "Military Forces of the United States" not in a1 for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_a_person_told_as_a_states_woman_is_its_civilian(nlp, kb):
    text = ("Police arrested a man who prosecutors believe killed Jane Miller, a U.S. woman who was found dead in "
            "her apartment in Rome last weekend.")
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type != "Arrests"]
    assert evs and all(a1 is None or "Police" not in a1 for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]
    assert all(a2 and a2.startswith("Civilians (United States)") for _, _, a2 in evs), [a2 for _, _, a2 in evs]


def test_a_participle_after_an_attack_noun_is_the_attacks(nlp, kb):
    text = ("Police were on high alert across the country on Sunday after the previous day's attack by a suicide "
            "bomber in the city's busiest square, killing two Germans and a Dane.")
    evs = [x for x in coded(nlp, kb, text) if x[1] is not None or x[2] is not None]
    assert evs and all(a1 is None or "Police" not in a1 for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]
    assert all(a2 and a2.startswith("Civilians (Germany)") for _, _, a2 in evs), [a2 for _, _, a2 in evs]


def test_a_nationality_on_a_plural_the_tagger_calls_proper_is_no_states_forces(nlp, kb):
    text = "Two years ago, Dutch Islamists linked to the Madrid bombers killed 12 people in Utrecht."
    evs = coded(nlp, kb, text)
    assert evs and all(a1 is None or "Military Forces" not in a1 for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]


def test_their_offensive_is_the_clause_subjects(nlp, kb):
    text = ("In Syria, pro-government forces pushed ahead with their offensive near Hama on Monday, displacing "
            "thousands of families toward the border.")
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert evs and evs[0][1] and evs[0][1].startswith("Military Forces of Syria"), [(a1, a2) for _, a1, a2 in evs]


def test_his_countrys_military_is_the_speakers_states(nlp, kb):
    text = ("Turkish Prime Minister Ahmet Davutoglu said on Saturday that his country's military fired at Kurdish "
            "fighters in northern Syria after shots hit a border post.")
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert evs and evs[0][1] and evs[0][1].startswith("Military Forces of Turkey"), [(a1, a2) for _, a1, a2 in evs]


def test_what_an_attack_only_caused_is_no_side(nlp, kb):
    text = "Friday's attack plunged Denmark into shock, a week after gunmen killed four people in Aarhus."
    evs = coded(nlp, kb, text)
    assert evs and all(a2 is None or "Military" not in a2 for _, _, a2 in evs), [(a1, a2) for _, a1, a2 in evs]


def test_a_states_name_before_people_or_ground_tells_where_they_are_from(nlp, kb):
    text = "Gunmen kidnapped two U.S. citizens and their driver in Basra on Tuesday, the police said."
    evs = [x for x in coded(nlp, kb, text) if x[2] is not None]
    assert evs and all(not a2.startswith("Military Forces") for _, _, a2 in evs), [(a1, a2) for _, a1, a2 in evs]
    text = "The senator spoke a day after a gunman opened fire on U.S. soil, killing five people in a Texas bar."
    evs = coded(nlp, kb, text)
    assert all(a2 is None or "Military" not in a2 for _, _, a2 in evs), [(a1, a2) for _, a1, a2 in evs]
    # a civilian place or people the state's name tells the country of: "a U.S. clinic", "a French school"
    for text in ("A man opened fire at a U.S. fertility clinic in Ohio on Friday, wounding three staff members.",
                 "A gunman attacked a U.S. health care provider in Denver on Sunday, killing one nurse."):
        evs = coded(nlp, kb, text)
        assert evs and all(a2 is None or "Military" not in a2 for _, _, a2 in evs), [(a1, a2) for _, a1, a2 in evs]


def test_a_noun_shot_and_killed_by_police_takes_the_participles_agent(nlp, kb):
    text = "He was the 40th Hispanic American shot and killed by police in Texas this year, a group said on Monday."
    evs = coded(nlp, kb, text)
    assert evs and all(a1 is None or "Military" not in a1 for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]
    assert any(a1 and a1.startswith("Police Forces of the United States") for _, a1, _ in evs), evs


def test_a_teen_told_by_nationality_is_a_civilian(nlp, kb):
    text = "A police officer shot an unarmed African-American teen in Ohio on Sunday, officials said."
    evs = coded(nlp, kb, text)
    assert evs and all(a2 is None or "Military" not in a2 for _, _, a2 in evs), [(a1, a2) for _, a1, a2 in evs]


def test_who_pulls_out_or_counts_the_dead_did_not_kill_them(nlp, kb):
    text = ("Police were pulling bodies from a bar in Dallas on Monday, where a gunman killed 12 people. "
            "Police later revised the death count in the shootings to 14.")
    evs = coded(nlp, kb, text)
    assert evs and all(a1 is None or "Police" not in a1 for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]



def test_an_active_verb_joined_to_a_passive_one_is_done_by_its_subject(nlp, kb):
    text = "An Afghan soldier was wounded but killed two Taliban attackers at a checkpoint in Kunduz on Monday."
    evs = [(a1, a2) for _, a1, a2 in coded(nlp, kb, text)]
    assert any(a2 and a2.startswith("Military Forces of Afghanistan") and a1 == "Taliban" for a1, a2 in evs), evs


def test_it_in_a_clause_with_no_relative_word_is_the_subject_whose_object_it_qualifies(nlp, kb):
    text = ("Turkey began shelling on Sunday while demanding that the YPG militia withdraw from areas it has "
            "captured from Syrian rebels near Azaz.")
    [(ev, a1, a2)] = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert a1 and "Turkey" not in a1 and "Rebels" in (a2 or ""), (ev.sub_event_type, a1, a2)


def test_a_doer_named_by_no_actor_is_not_the_doer_of_another_clause(nlp, kb):
    text = ("Kurdish-backed forces were fighting with insurgent groups near Tel Rifaat on Sunday, while government "
            "forces renewed their shelling of rebel positions near Aleppo.")
    clashes = [(a1, a2) for ev, a1, a2 in coded(nlp, kb, text) if ev.sub_event_type == "Armed clash"]
    assert clashes and all(a1 is None or "Syria" not in a1 for a1, _ in clashes), clashes


def test_a_gunman_subject_of_the_killing_is_its_doer_not_the_police_who_shot_him(nlp, kb):
    text = "A gunman killed five people at a shopping mall in Munich on Friday before police shot him dead."
    evs = [(a1, a2) for ev, a1, a2 in coded(nlp, kb, text) if a2 and a2.startswith("Civilians")]
    assert evs and all(a1 and a1.startswith("Unidentified Armed Group") for a1, _ in evs), evs


def test_who_speculates_on_a_motive_for_an_attack_did_not_carry_it_out(nlp, kb):
    text = ("A woman stabbed the fire chief outside a fire station in Denver on Tuesday. She was arrested on suspicion "
            "of aggravated assault. Police declined to speculate on a motive for the attack.")
    evs = [(a1, a2) for ev, a1, a2 in coded(nlp, kb, text) if ev.event_type == "Violence against civilians"]
    assert evs and all(a1 is None or "Police" not in a1 for a1, _ in evs), evs


@pytest.mark.parametrize("text, first, second", [
    ("Syrian troops were engaged in heavy fighting with insurgents near the village of Ratyan north of Aleppo on "
     "Sunday.", "Military Forces of Syria", "Opposition Rebels"),
    ("Turkish forces and Islamic State militants traded fire across the border near Kilis on Sunday.",
     "Military Forces of Turkey", "Islamic State"),
    ("Security forces surrounded the hotel in Ouagadougou on Friday before they stormed it hours later.",
     "Military Forces of Burkina Faso", None),
])
def test_the_sides_of_a_fight_told_by_a_passive_a_trade_of_fire_or_a_pronoun(nlp, kb, text, first, second):
    [(ev, a1, a2)] = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert a1 and a1.startswith(first) and (second is None or (a2 or "").startswith(second)), (a1, a2)


def test_a_side_before_an_event_noun_the_parser_left_out_of_its_phrase(nlp, kb):
    text = ("Monitors said four people were killed in heavy rebel shelling of government-held districts of Aleppo on "
            "Tuesday.")
    [(ev, a1, a2)] = [x for x in coded(nlp, kb, text) if x[0].event_type == "Explosions/Remote violence"]
    assert a1 == "Opposition Rebels (Syria)", (a1, a2)


@pytest.mark.parametrize("text", [
    "A gunman opened fire at a bank in Tulsa on Friday, wounding four customers before police shot him dead.",
    "Two gunmen shot three shoppers at a market in Lyon on Monday before officers fired at them, police said.",
])
def test_the_attacker_shot_by_police_ends_his_own_attack(nlp, kb, text):
    evs = coded(nlp, kb, text)
    assert len(evs) == 1, [(e.sub_event_type, a1, a2) for e, a1, a2 in evs]
    # one gunman in Tulsa: ACLED's Sole Perpetrator (United States); two in Lyon: an unidentified armed group
    assert evs[0][1] is not None and evs[0][1].startswith(("Unidentified Armed Group", "Sole Perpetrator")), evs


def test_who_inspired_a_gunman_is_not_his_side(nlp, kb):
    text = "MINNEAPOLIS - A gunman inspired by al Qaeda shot dead three shoppers at a mall in Minneapolis on Sunday."
    evs = coded(nlp, kb, text)
    assert evs and all(a1 is not None and a1.startswith("Unidentified Armed Group") for _, a1, _ in evs), evs
    assert all(a2 is None or a2.startswith("Civilians") for _, _, a2 in evs), evs


def test_the_agent_of_a_second_participle_of_the_victim_did_the_killing(nlp, kb):
    text = ("TULSA - Rights groups condemned the killing of a teenager pinned to the pavement and shot in the back by "
            "three police officers in Tulsa on Monday.")
    evs = coded(nlp, kb, text)
    assert evs and all(a1 and a1.startswith("Police Forces of the United States") for _, a1, _ in evs), evs


def test_who_is_aware_of_a_shooting_did_not_carry_it_out(nlp, kb):
    text = ("BEIRUT - A trader suffered a gunshot wound to his leg at a market in Sidon early Sunday. Hezbollah is "
            "aware of the shooting and has been in contact with his family, a source said.")
    evs = coded(nlp, kb, text)
    assert evs and all(a1 is None or "Hezbollah" not in a1 for _, a1, _ in evs), evs


def test_the_police_who_shot_an_attacker_named_by_his_word_are_no_side_of_his_attack(nlp, kb):
    text = "LYON - The gunman drove a van into a crowd in Lyon on Friday before police shot him."
    evs = coded(nlp, kb, text)
    assert evs and all(a1 is None or "Police" not in a1 for _, a1, _ in evs), evs


def test_a_rank_before_a_name_is_a_person_and_a_trooper_is_police(nlp, kb):
    text = ("RICHMOND, Va. - A man is suspected of shooting Trooper Dale Cooper on Thursday at the Greyhound bus "
            "station in Richmond, police said.")
    evs = coded(nlp, kb, text)
    assert evs and all(a2 and a2.startswith("Police Forces of the United States") for _, _, a2 in evs), evs


def test_a_word_of_a_name_is_no_event_word(nlp, kb):
    text = ("DALLAS - The rally where two officers were shot dead in Dallas on Thursday was organized by Brave Lives "
            "Count.")
    evs = coded(nlp, kb, text)
    assert evs and all(a1 is None or "Lives" not in a1 for _, a1, _ in evs), evs


def test_police_who_arrest_suspects_are_no_side_of_a_battle_in_their_sentence(nlp, kb):
    text = ("PARIS - French police arrested three suspects on Monday in the Islamic State attacks on Nice and Lyon as "
            "the hunt goes on for militants who fought in Iraq.")
    battles = [(a1, a2) for ev, a1, a2 in coded(nlp, kb, text) if ev.event_type == "Battles"]
    assert all("Police" not in (a1 or "") + (a2 or "") for a1, a2 in battles), battles


def test_an_unknown_organisation_a_named_victim_plays_for_is_no_side(nlp, kb):
    text = ("NEW ORLEANS - Former WXL linebacker John Doe was shot dead by a gunman after a car crash in New Orleans "
            "on Saturday, police said.")
    evs = coded(nlp, kb, text)
    assert evs and all(a2 and a2.startswith("Civilians") for _, _, a2 in evs), evs


def test_a_claim_told_beside_an_attack_after_its_day_names_the_attacker(nlp, kb):
    text = ("Inquiries into twin bombings in Antwerp on Friday - also claimed by Islamic State and in which at least "
            "twelve people died - have turned to a second cell, police said.")
    evs = [(a1, a2) for ev, a1, a2 in coded(nlp, kb, text) if ev.event_type == "Explosions/Remote violence"]
    assert evs and all(a1 and a1.startswith("Islamic State") for a1, _ in evs), evs


def test_armed_or_masked_men_are_an_unidentified_armed_group(nlp, kb):
    for text in ("Two armed men shot dead a grocer in Peshawar on Sunday, police said.",
                 "A grocer was shot dead by masked men in Peshawar on Sunday, police said."):
        evs = coded(nlp, kb, text)
        assert evs and all(a1 and a1.startswith("Unidentified Armed Group") for _, a1, _ in evs), (text, evs)


def test_a_time_zone_is_no_side_and_who_after_a_time_is_the_person_before_it(nlp, kb):
    text = ("DENVER - A state trooper approached a man at about 3:10 p.m. MDT (2110 GMT) who pulled out a gun and "
            "opened fire and was later treated for gunshot wounds, police said.")
    evs = coded(nlp, kb, text)
    assert evs and all("GMT" not in (a1 or "") and "MDT" not in (a1 or "") for _, a1, _ in evs), evs


def test_a_capital_told_as_who_struck_stands_for_its_state(nlp, kb):
    text = "Ankara launched air strikes on PKK camps in northern Iraq on Wednesday, killing 20 militants."
    evs = [(a1, a2) for ev, a1, a2 in coded(nlp, kb, text) if ev.event_type == "Explosions/Remote violence"]
    assert evs and all(a1 and a1.startswith("Military Forces of Turkey") for a1, _ in evs), evs
    text = "At least 30 people were killed in bombings in Ankara on Sunday, which wounded dozens more."
    evs = coded(nlp, kb, text)
    assert evs and all("Military Forces" not in (a1 or "") for _, a1, _ in evs), evs


def test_the_home_of_an_armed_group_leader_is_that_groups_side(nlp, kb):
    text = ("Police said three militants were killed in a gunfight at the house of a Taliban commander in Chaman "
            "on Friday.")
    evs = coded(nlp, kb, text)
    assert evs and all("Civilians" not in (a2 or "") for _, _, a2 in evs), evs


def test_who_leads_an_investigation_into_a_shooting_did_not_shoot(nlp, kb):
    text = ("TULSA - A teenager was shot dead outside a gas station on Monday. The U.S. attorney's office in "
            "partnership with the state police will lead the investigation into the shooting, officials said.")
    evs = coded(nlp, kb, text)
    assert evs and all("Military" not in (a1 or "") for _, a1, _ in evs), evs


def test_who_cleared_an_officer_in_a_shooting_did_not_shoot(nlp, kb):
    text = ("A police officer shot dead an unarmed student in the town of Tula in 2014, sparking riots. Last "
            "year a U.S. inquiry cleared the officer in the fatal shooting.")
    evs = coded(nlp, kb, text)
    assert all(a1 is None or "Military" not in a1 for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]


def test_a_town_retaken_from_under_a_groups_control_names_that_group(nlp, kb):
    text = "Iraqi troops on Monday recaptured the town of Heet, which had been under Islamic State control since 2014."
    [(ev, a1, a2)] = coded(nlp, kb, text)
    assert ev.sub_event_type == "Government regains territory" and a2 and "Islamic State" in a2, (a1, a2)


def test_between_two_places_names_no_sides(nlp, kb):
    text = ("With Iraqi troops backed by US warplanes waging a big offensive between the western town of Hit and the "
            "Syrian border, tribal leaders appeared to be exploiting the chaos.")
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Armed clash"]
    assert evs and evs[0][1] and evs[0][1].startswith("Military Forces of Iraq"), [(a1, a2) for _, a1, a2 in evs]


def test_its_strikes_are_the_speakers_own(nlp, kb):
    text = "The Russian defence ministry said on Monday its air strikes had destroyed 60 targets near Palmyra."
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Air/drone strike"]
    assert evs and evs[0][1] and evs[0][1].startswith("Military Forces of Russia"), [(a1, a2) for _, a1, a2 in evs]


def test_a_government_offensive_parsed_as_a_subject_is_the_states(nlp, kb):
    text = ("A Syrian government offensive around the city of Homs backed by Russian jets has sent tens of "
            "thousands fleeing to the Lebanese border.")
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Armed clash"]
    assert evs and evs[0][1] and evs[0][1].startswith("Military Forces of Syria"), [(a1, a2) for _, a1, a2 in evs]


def test_a_place_in_the_hands_of_a_group_was_taken_from_it(nlp, kb):
    text = ("Kurdish fighters overran an air base near Qamishli on Sunday that had been in the hands of "
            "Islamic State since 2014.")
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Battles"]
    assert evs and evs[0][2] and evs[0][2].startswith("Islamic State"), [(a1, a2) for _, a1, a2 in evs]


def test_a_claim_of_the_attacks_in_a_statement_points_back(nlp, kb):
    from conflictdesk.extract.events.attribution import read_attributions

    doc = nlp("Islamic State claimed responsibility for the attacks in a statement posted online.")
    told = read_attributions(list(doc.sents), groups_in=lambda lo, hi: [(hi, "islamic-state")] if lo < 14 else [])
    assert told.back == {0: {"islamic-state"}}, (told.by_sentence, told.back)
    doc = nlp("Islamic State claimed responsibility for the attacks in Homs.")
    told = read_attributions(list(doc.sents), groups_in=lambda lo, hi: [(hi, "islamic-state")] if lo < 14 else [])
    assert told.back == {}, told.back


def test_the_police_a_named_person_killed_are_the_target_not_the_attacker(nlp, kb):
    doc = Document(id="r", text="After Ahmad Karimi killed a police commander and his wife in Kabul on Tuesday, "
                   "he fled.", language="en", published=dt.date(2016, 3, 1))
    found = [(e.actor1, e.actor2) for e in extract_document(doc, nlp=nlp, kb=kb).events]
    assert len(found) == 1 and (found[0][1] or "").startswith("police-forces"), found
    assert not (found[0][0] or "").startswith("police-forces"), found


def test_a_bare_noun_shares_the_forces_it_is_coordinated_with(nlp, kb):
    # "government and allied forces" are government forces, not the sides another battle of the report names
    text = ("Kurdish fighters clashed with Islamic State militants near Hasaka in Syria on Saturday, a monitoring "
            "group said. Government and allied forces pressed offensives north of Aleppo on Sunday, the group said.")
    evs = [x for x in coded(nlp, kb, text) if "Aleppo" in x[0].evidence.text and x[0].event_type == "Battles"]
    assert evs and evs[0][1] and evs[0][1].startswith("Military Forces of Syria"), [(a1, a2) for _, a1, a2 in evs]


def test_a_battle_side_told_by_words_no_actor_matches_takes_no_other_battles_sides(nlp, kb):
    text = ("Kurdish fighters clashed with Islamic State militants near Hasaka in Syria on Saturday, a monitoring "
            "group said. Tribal volunteers fought fierce battles north of Aleppo on Sunday, the group said.")
    evs = [x for x in coded(nlp, kb, text) if "Aleppo" in x[0].evidence.text and x[0].event_type == "Battles"]
    assert evs and all(a1 is None or "Syrian Democratic" not in a1 for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_who_delves_into_a_shooting_did_not_carry_it_out(nlp, kb):
    text = "Police delved into the roots of the shooting at a concert hall in Denver that killed 12 people on Saturday."
    evs = coded(nlp, kb, text)
    assert evs and all(a1 is None or "Police" not in a1 for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]


def test_police_who_ended_a_shooting_are_not_its_attacker(nlp, kb):
    text = ("A shooting at a nightclub in Denver killed 12 people on Saturday, officials said. The gunman was shot "
            "dead by police who stormed the nightclub before dawn, ending a three-hour siege.")
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Violence against civilians"]
    assert evs and all(a1 is None or "Police" not in a1 for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]


def test_it_in_a_clause_of_time_is_the_subject_of_the_verb_it_hangs_from(nlp, kb):
    text = ("Moscow changed the course of the war in Syria when it joined the fighting with a campaign of air strikes "
            "on rebel towns.")
    evs = coded(nlp, kb, text)
    assert any(a1 and a1.startswith("Military Forces of Russia") for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]


@pytest.mark.parametrize("text", [
    "A gunman shot and wounded three shoppers at a grocery store in Tulsa, Oklahoma on Monday, police said.",
    "An employee stabbed two co-workers at a warehouse in Fresno, California on Tuesday, police said.",
])
def test_one_attacker_acting_alone_in_the_united_states_is_a_sole_perpetrator(nlp, kb, text):
    # ACLED's US data code one person acting alone as "Sole Perpetrator (United States)"; the victims stay civilians
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Violence against civilians"]
    assert evs and all(a1 == "Sole Perpetrator (United States)" for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]
    assert all(a2 == "Civilians (United States)" for _, _, a2 in evs)


def test_a_lone_gunmans_fight_with_police_keeps_the_police_as_its_other_side(nlp, kb):
    text = "A gunman shot and killed two police officers outside a bank in Tulsa, Oklahoma on Monday, the mayor said."
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type in ("Battles", "Violence against civilians")]
    assert evs and all(a1 == "Sole Perpetrator (United States)" for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]
    assert any(a2 and a2.startswith("Police Forces of the United States") for _, _, a2 in evs)


@pytest.mark.parametrize("text", [
    # several attackers
    "Two gunmen shot and wounded three shoppers at a grocery store in Tulsa, Oklahoma on Monday, police said.",
    # one tied to an armed group by the text
    "A gunman who had pledged loyalty to Islamic State shot and wounded three shoppers at a grocery store in "
    "Tulsa, Oklahoma on Monday, police said.",
    # one person acting alone outside the United States
    "A gunman shot and wounded three shoppers at a grocery store in Lyon, France on Monday, police said.",
])
def test_groups_and_attackers_outside_the_united_states_are_no_sole_perpetrator(nlp, kb, text):
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Violence against civilians"]
    assert evs and all(a1 is None or not a1.startswith("Sole Perpetrator") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_a_coalition_hung_before_its_launching_verb_is_the_striker(nlp, kb):
    # the parser may hang "coalition" as a bare noun before "launching", the verb read as the strikes' modifier
    text = ("The conflict has pulled in foreign powers, with a U.S.-led coalition launching airstrikes against "
            "Islamic State targets near Raqqa on Tuesday.")
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Air/drone strike"]
    assert evs and all(a1 == "Global Coalition Against Daesh" for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]


def test_a_government_told_by_no_state_name_strikes_with_its_military(nlp, kb):
    text = "HOMS, Syria - Local activists said the government had shelled four villages north of Homs on Monday."
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Explosions/Remote violence"]
    assert evs and all(a1 and a1.startswith("Military Forces of Syria") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]
    # a government as the one protested against is no armed side
    text = "HOMS, Syria - Hundreds of people protested against the government in Homs on Monday."
    evs = coded(nlp, kb, text)
    assert all(not (a2 or "").startswith("Military Forces") for _, _, a2 in evs), [(a1, a2) for _, a1, a2 in evs]


def test_those_an_attack_left_wounded_are_its_target(nlp, kb):
    text = "HOUSTON - The shooting at a traffic stop on Tuesday left three police officers injured."
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type in ("Battles", "Violence against civilians")]
    assert evs and all(not (a1 or "").startswith("Police Forces") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]
    assert any((a2 or "").startswith("Police Forces") for _, _, a2 in evs), [(a1, a2) for _, a1, a2 in evs]


def test_who_was_told_the_target_of_a_bombing_is_its_target(nlp, kb):
    text = ("Law enforcement officers in a small Ohio town were the target of two homemade bombs that were "
            "detonated over the past week, police said on Friday.")
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Explosions/Remote violence"]
    assert evs and any((a2 or "").startswith("Police Forces of the United States") for _, _, a2 in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_what_an_attack_struck_did_not_kill_through_a_clause_hung_from_it(nlp, kb):
    # the parser hangs "that killed" from the newspaper: what killed is the attack, not what it struck
    text = "The group claimed an attack on the Le Monde newspaper in Paris that killed 9 people last year."
    evs = coded(nlp, kb, text)
    assert evs and all(a1 is None or "Le Monde" not in a1 for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]


def test_authorities_who_bombed_are_the_states_forces(nlp, kb):
    # as the doer of armed violence, "the authorities" are the state's military where a war is fought
    text = "Residents said the authorities had bombed the village of Kafr Nabl in Syria on Sunday, killing six people."
    evs = coded(nlp, kb, text)
    assert evs and all(a1 and a1.startswith("Military Forces of Syria") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_one_killed_in_an_altercation_was_killed_by_whom_he_met(nlp, kb):
    text = "Jones was killed on Monday during an altercation with two police officers outside a gas station in Tulsa."
    evs = coded(nlp, kb, text)
    assert evs and all(a1 and a1.startswith("Police Forces of the United States") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_who_is_listed_with_the_offensives_doer_is_no_opponent(nlp, kb):
    # the parse hangs "tribal fighters and Shiite militias directed by Iran" on "offensive", not on "forces":
    # they fight beside the Yemeni forces, not against them
    text = ("But in less than ten days, the offensive by Yemeni forces, tribal fighters and Shiite militias directed "
            "by Iran - all backed by Saudi air raids - have reversed insurgent gains on the ground and encircled "
            "insurgents inside Taiz, a city now divided between the two sides.")
    evs = [x for x in _sides(nlp, kb, text) if x[1] and x[1].startswith("Military Forces of Yemen")]
    assert evs and all(a2 is None or "Iran" not in a2 for _, _, a2 in evs), evs


def test_who_tries_to_establish_a_death_did_not_cause_it(nlp, kb):
    # the police work out what killed the man: they are no side of his death
    text = ("Police said on Monday that they were trying to establish the cause of death of a man found dead in a "
            "car in Manila.")
    evs = coded(nlp, kb, text)
    assert all(a1 is None or "Police" not in a1 for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]


def test_the_killing_of_officers_names_them_the_target(nlp, kb):
    # "the killing of two police officers": the officers were killed; no killer is named
    text = "The killing of two police officers in Dallas on Sunday shocked the city."
    evs = coded(nlp, kb, text)
    assert evs and all(a2 and a2.startswith("Police Forces of the United States") for _, _, a2 in evs), \
        [(a1, a2) for _, a1, a2 in evs]
    assert all(a1 is None or "Police" not in a1 for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]


def test_who_responds_to_reports_of_shootings_did_not_shoot(nlp, kb):
    text = "A man was killed in Memphis on Friday while police responded to reports of two shootings in the city."
    evs = coded(nlp, kb, text)
    assert evs and all(a1 is None or "Police" not in a1 for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]


def test_where_a_victim_works_is_no_side(nlp, kb):
    # "an NYU professor": a university no knowledge-base entry holds names where he works; he is a civilian
    text = "The gunman who killed an NYU professor in New York on Wednesday left behind a list of targets, police said."
    evs = coded(nlp, kb, text)
    assert evs and all(a2 and a2.startswith("Civilians (United States)") for _, _, a2 in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_one_accused_of_two_coordinated_acts_did_both(nlp, kb):
    # "accused of running over and killing an officer": the accused man killed him, the officer is the target
    text = ("A man accused of running over and killing a police officer in Memphis while fleeing has been charged "
            "with murder, police said on Sunday.")
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type in ("Battles", "Violence against civilians")]
    assert evs and all(a2 and a2.startswith("Police Forces of the United States") for _, _, a2 in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_a_shooting_rampage_is_one_gunmans(nlp, kb):
    # a rampage with no doer told: ACLED's Sole Perpetrator, where it names one person acting alone
    text = "Six people were killed during a shooting rampage in Kalamazoo, Michigan on Saturday."
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Violence against civilians"]
    assert evs and all(a1 and a1.startswith("Sole Perpetrator (United States)") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_a_plain_shooting_keeps_its_unidentified_gunmen(nlp, kb):
    text = "Five people were killed in a shooting at a school in Ohio on Monday."
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Violence against civilians"]
    assert evs and all(a1 and a1.startswith("Unidentified Armed Group (United States)") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_contractors_of_a_state_are_its_civilians(nlp, kb):
    # "U.S. contractors": people working for hire, named by where they are from, not the state's forces
    text = "Two U.S. contractors were kidnapped in Baghdad on Friday."
    evs = coded(nlp, kb, text)
    assert evs and all(a2 == "Civilians (United States)" for _, _, a2 in evs), [(a1, a2) for _, a1, a2 in evs]


def test_troops_a_shooting_killed_are_its_target_not_its_doer(nlp, kb):
    # "the shooting that killed four soldiers": the soldiers were struck; where no war is fought, by an unnamed gunman
    text = ("Security was tightened after the shooting rampage that killed four soldiers at a recruiting office "
            "in Ohio.")
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type in ("Battles", "Violence against civilians")]
    assert evs and all(a1 and not a1.startswith("Military Forces") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]
    assert any(a2 and a2.startswith("Military Forces of the United States") for _, _, a2 in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_who_carried_out_a_bombing_are_its_unnamed_doers(nlp, kb):
    text = "He praised the brothers who carried out the 2013 bombing of a marathon in Chicago."
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Explosions/Remote violence"]
    assert evs and all(a1 == "Unidentified Armed Group (United States)" for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_people_killed_by_ordinary_people_were_killed_by_unnamed_attackers(nlp, kb):
    text = "Four people were killed by two men in Leeds on Monday."
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Violence against civilians"]
    assert evs and all(a1 == "Unidentified Armed Group (United Kingdom)" for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_the_subject_after_a_clauses_after_is_its_own(nlp, kb):
    # the parser may hang the main clause's subject on the "after" clause's verb: its doer is the one after "after"
    text = ("Maria Lopez was begging her boyfriend, John Castor, after a police officer fatally shot him following "
            "a traffic stop in Falcon Heights, Minnesota, last night.")
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Violence against civilians"]
    assert evs and all(a1 and a1.startswith("Police Forces of the United States") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_a_device_made_safe_by_no_one_named_is_the_polices_where_no_war_is_fought(nlp, kb):
    text = "A bomb disposal squad was called in and a controlled explosion carried out at the stadium in Leeds."
    evs = [x for x in coded(nlp, kb, text) if x[0].sub_event_type == "Disrupted weapons use"]
    assert evs and all(a1 and a1.startswith("Police Forces of the United Kingdom") for _, a1, _ in evs), \
        [(a1, a2) for _, a1, a2 in evs]


def test_gunmen_affiliated_with_a_group_are_that_groups(nlp, kb):
    text = "The Nov. 13 attacks in Paris by gunmen affiliated with the Islamic State killed 130 people."
    evs = [x for x in coded(nlp, kb, text) if x[0].event_type == "Violence against civilians"]
    assert evs and all(a1 and a1.startswith("Islamic State") for _, a1, _ in evs), [(a1, a2) for _, a1, a2 in evs]

"""The events stage reports violence only in texts about conflict, and protests only where people
protest. Real spaCy, the real knowledge base, project-written texts."""
from __future__ import annotations

import datetime as dt

import pytest

from conflictdesk.extract.events.relevance import about_conflict
from conflictdesk.extract.pipeline import extract_document
from conflictdesk.records import Document


def events(nlp, kb, text):
    doc = Document(id="r", text=text, language="en", published=dt.date(2016, 3, 1))
    return extract_document(doc, nlp=nlp, kb=kb).events


BUSINESS = (
    "The chipmaker reported record quarterly revenue on Tuesday, beating analysts' forecasts. "
    "Its shares shot up 12 percent in early trading. "
    "The company demonstrated its new processor to investors in San Jose and said it would fight "
    "for market share in data centres. "
    "Rivals launched blistering attacks on its pricing, but the chief executive said the battle against "
    "cheaper imports had only begun. "
    "The central bank, in its long battle against deflation, kept rates unchanged. "
    "Analysts expect demand to rise next year as cloud providers expand. "
    "The firm employs 40,000 people worldwide.")


def test_business_story_with_words_of_violence_reports_none(nlp, kb):
    assert events(nlp, kb, BUSINESS) == [], [(e.rule, e.evidence.text[:50]) for e in events(nlp, kb, BUSINESS)]


@pytest.mark.parametrize("text", [
    "The company demonstrated its technology on two vehicles on the highway.",
    "A new study demonstrates that the galaxy is heavier than thought.",
    "Companies need to demonstrate that they can grow up and act like adults.",
])
def test_demonstrating_something_is_no_protest(nlp, kb, text):
    assert not [e for e in events(nlp, kb, text) if e.event_type == "Protests"]


@pytest.mark.parametrize("text", [
    "Engineers protested in front of the parliament in Tehran on Monday against a new ministry memo.",
    "Hundreds of students demonstrated outside the education ministry in Amman on Sunday.",
])
def test_a_protest_told_without_words_of_war_is_a_protest(nlp, kb, text):
    assert [e.event_type for e in events(nlp, kb, text)] == ["Protests"]


def test_a_text_is_about_conflict_when_enough_of_it_tells_of_it():
    assert about_conflict([True, False, False, False, False])
    assert not about_conflict([True] + [False] * 19)
    assert not about_conflict([])


# one incident, told several times, is one event
def test_the_attack_named_again_is_the_same_incident(nlp, kb):
    text = ("MOGADISHU — A suicide car bomber struck a restaurant on Lido beach in Mogadishu on Thursday, "
            "killing 20 people, police said. Al Shabaab claimed responsibility for the attack in a radio "
            "broadcast. \"This was a cowardly attack on innocent people,\" the president said on Friday.")
    evs = [e for e in events(nlp, kb, text) if e.event_type != "Strategic developments"]
    assert len(evs) == 1, [(e.sub_event_type, e.evidence.text[:50]) for e in evs]
    assert evs[0].sub_event_type == "Suicide bomb" and evs[0].fatalities == 20


@pytest.mark.parametrize("text,agreed", [
    ("The rebels and the army agreed on Friday to a ceasefire in Taiz, officials said.", True),
    ("Russia said it extended a truce in Aleppo by 72 hours.", True),
    ("After the collapse of a ceasefire between the PKK and the government, fighting resumed in the southeast.",
     False),
    ("The president said insurgents had breached the truce from day one, as army shelling continued.", False),
    ("Talks with Russia are getting closer to a place of understanding on renewing a ceasefire in Syria, "
     "including around the city of Aleppo, Kerry said on Monday.", False),
    ("Syria's opposition said on Saturday it had agreed to the possibility of a temporary truce, provided there "
     "were guarantees.", False),
    # the agreement told by the participle that made it
    ("The minister said a truce brokered by Egypt and Qatar on March 3 must also cover the port of Hodeidah.", True),
    ("The minister said a truce sought by Egypt must also cover the port of Hodeidah.", False),
])
def test_an_agreement_is_one_made(nlp, kb, text, agreed):
    made = [e for e in events(nlp, kb, text) if e.sub_event_type == "Agreement"]
    assert bool(made) == agreed, [(e.sub_event_type, e.evidence.text[:50]) for e in events(nlp, kb, text)]


# a text about something else (a court fight over a phone) that recalls an attack called terrorism
COURT_STORY = (
    "A software maker asked a federal court in Sacramento on Monday to set aside an order to unlock a laptop. "
    "The order was issued last month at the request of investigators. "
    "Investigators say the laptop belonged to a man who, inspired by jihadist militants, shot and killed "
    "nine people at a county office in Fresno last October. "
    "The company says the order would weaken the security of millions of customers. "
    "\"We will not build a master key,\" its chief executive told shareholders on Friday. "
    "Several privacy groups filed briefs in support of the company. "
    "Prosecutors said they had no other way to read the files. "
    "In a separate case, a man who shot his neighbour during a dispute over a fence was sentenced to life. "
    "Critics said the government was playing into Islamic State's story of a clash of civilizations. "
    "A hearing is set for next month. "
    "The company's shares closed up 2 percent. "
    "Lawyers for both sides declined to comment on the timing of the ruling. "
    "The dispute has divided technology firms and law enforcement for years. "
    "Some lawmakers have proposed a commission to study the issue. "
    "Others want a law that would settle it. "
    "The judge has not said when she will rule.")


def test_a_text_about_something_else_reports_the_political_violence_it_recalls(nlp, kb, monkeypatch):
    import conflictdesk.extract.runner as runner
    counted = []

    def statements(*args, events, **kwargs):
        counted.append(events)
        return []
    monkeypatch.setattr(runner, "extract_statements", statements)
    doc = Document(id="r", text=COURT_STORY, language="en", published=dt.date(2016, 3, 1))
    extraction = extract_document(doc, nlp=nlp, kb=kb)
    found = [(e.event_type, e.location, e.fatalities, e.salience, e.event_date) for e in extraction.events]
    # the shooting told as militancy, background and undated; not the neighbours' quarrel (crime news) nor
    # the figurative clash
    assert found == [("Violence against civilians", "Fresno", 9, "background", None)], found
    assert extraction.events[0].rule.startswith("in-passing:")
    # the attack told in passing does not make the text a report of conflict for the statements stage
    assert counted == [0]


def test_political_words_in_the_next_sentence_of_its_paragraph_call_the_violence_political(nlp, kb):
    text = COURT_STORY.replace(
        "Investigators say the laptop belonged to a man who, inspired by jihadist militants, shot and killed "
        "nine people at a county office in Fresno last October. ",
        "Its owner shot and killed nine people at a county office in Fresno last October. "
        "Investigators want to know whether he was in touch with jihadist militants. ") + (
        " The company plans to appeal any order. Its stock is widely held. Analysts expect a long case. "
        "Customers have written to the court. The next filing is due in April.")
    doc = Document(id="r", text=text, language="en", published=dt.date(2016, 3, 1))
    found = [(e.event_type, e.location, e.fatalities) for e in extract_document(doc, nlp=nlp, kb=kb).events]
    assert found == [("Violence against civilians", "Fresno", 9)], found


SCHOOL_BOARD = (
    "The school board approved a new budget on Tuesday after months of debate. "
    "The plan raises teacher salaries by 3 percent and funds two new libraries. "
    "Board members said the district would also repair leaking roofs at four schools. "
    "On Monday, protesters marched outside the superintendent's office in Springfield, demanding her resignation. "
    "The superintendent said she would stay in her post. "
    "Parents will be able to comment on the plan at a meeting next month. "
    "The district serves 12,000 pupils in 20 schools.")


def test_a_text_about_something_else_reports_the_demonstration_it_tells_as_done(nlp, kb):
    found = events(nlp, kb, SCHOOL_BOARD)
    assert [e.event_type for e in found] == ["Protests"], [(e.rule, e.evidence.text[:50]) for e in found]
    assert "marched" in found[0].evidence.text


@pytest.mark.parametrize("sentence", [
    "The senator will face protesters at a rally in Springfield next week.",
    "The company protested the ruling and said it would appeal.",
    "Other groups pulled out of the project in protest at the cuts.",
])
def test_a_demonstration_only_named_in_a_text_about_something_else_is_none(nlp, kb, sentence):
    text = SCHOOL_BOARD.replace(
        "On Monday, protesters marched outside the superintendent's office in Springfield, demanding her "
        "resignation. ", sentence + " ")
    assert events(nlp, kb, text) == []


STREAMING_STORY = (
    "After Omar Haddad killed a local police sergeant and his wife on Monday, he posted a video on a streaming "
    "site urging others to copy him.\n\n"
    "The case shows how hard it is for streaming companies to check what users broadcast live.\n\n"
    "Companies say they remove offending content within a day of a report. Their shares fell on Tuesday. "
    "Analysts expect new rules next year. The firms employ thousands of reviewers. "
    "Most of them work in shifts around the clock. Some work from home. "
    "Their pay has been a subject of debate for years. Several have asked for counselling. "
    "The companies say they are hiring more of them. One firm doubled its team last spring. "
    "Another is testing software that flags videos as they spread. Its engineers call it promising. "
    "Critics want the rules written into law.\n\n"
    "Haddad told negotiators that he had heeded a call by Islamic State to act at home.")


def test_a_killing_by_a_person_the_text_ties_to_an_armed_group_elsewhere_is_reported(nlp, kb):
    found = events(nlp, kb, STREAMING_STORY)
    assert [(e.event_type, e.fatalities) for e in found] == [("Battles", 2)], found
    assert found[0].rule.startswith("in-passing:")
    # the police sergeant is the one killed, not the attacker
    assert not (found[0].actor1 or "").startswith("police-forces"), found[0]


def test_a_killing_by_a_person_with_no_tie_to_an_armed_group_stays_crime_news(nlp, kb):
    text = STREAMING_STORY.replace("heeded a call by Islamic State to act at home", "been drinking all day")
    assert events(nlp, kb, text) == []


@pytest.mark.parametrize("text", [
    "DENVER A zoo keeper shot a bear dead on Tuesday after it escaped from its pen and chased two visitors, "
    "officials said.",
    "LONDON Officers shot the 300-pound animal to death on Monday after it bit a child, police said. The tiger was "
    "shot dead about five minutes after it got out.",
    "MADRID A ranger fired the shot that killed the wolf on Sunday, the park said.",
])
def test_an_animal_shot_is_no_violence(nlp, kb, text):
    assert events(nlp, kb, text) == []


def test_a_man_shot_with_his_dog_is_violence(nlp, kb):
    evs = events(nlp, kb, "ROME Gunmen shot dead a farmer and his dog on Tuesday near Palermo, police said.")
    assert [e.sub_event_type for e in evs] == ["Attack"]


@pytest.mark.parametrize("text", [
    "The Norwegian police released a film that shows large hawks catching small, hobby drones out of the sky.",
    "The drone is quickly disabled as the hawk carries it off.",
])
def test_drones_caught_by_birds_are_no_strike(nlp, kb, text):
    assert events(nlp, kb, text) == []


def test_watching_executions_is_no_execution(nlp, kb):
    text = ("According to court papers, the pair were moved to join the group after viewing Islamic State executions "
            "of people they called sinners.")
    assert events(nlp, kb, text) == []


def test_a_government_that_took_over_took_no_ground(nlp, kb):
    text = ("Mosul has been a stronghold of the Sunni insurgency that fought the Shi'ite-led government that took "
            "over after the fall of dictator Saddam Hussein in 2003.")
    assert not [e for e in events(nlp, kb, text) if "territory" in e.sub_event_type]


def test_a_council_counted_by_its_seats_is_no_body_found(nlp, kb):
    text = ("BEIRUT Fighting between rebels and government forces killed 20 people near Aleppo on Thursday, a monitor "
            "said. The 12-member body circulated a draft resolution on Thursday backing the truce plan, diplomats "
            "said.")
    assert [e.event_type for e in events(nlp, kb, text)] == ["Battles"]


def test_leaving_a_post_and_lives_put_at_risk_are_no_events(nlp, kb):
    text = ("The sergeant returned to active duty, but after an inquiry he was charged by the U.S. Army, which said "
            "his disappearance from his base in Afghanistan led to a 30-day search that put soldiers' lives at risk.")
    assert events(nlp, kb, text) == []


def test_lives_claimed_are_deaths(nlp, kb):
    evs = events(nlp, kb, "KABUL Fighting in Helmand on Monday claimed the lives of 14 soldiers, officials said.")
    assert [e.event_type for e in evs] == ["Battles"]


def test_a_place_out_of_control_is_no_ground_taken(nlp, kb):
    text = ("Rebels shelled an army post near the river on Monday. "
            "The mayor said on Tuesday that the city's finances were spinning out of control.")
    subs = [e.sub_event_type for e in events(nlp, kb, text)]
    assert not any("territory" in s for s in subs), subs


def test_helicopters_heard_with_gunfire_are_no_air_strike(nlp, kb):
    text = ("Gunmen attacked a checkpoint near the market on Sunday. "
            "Villagers said they heard gunfire and helicopters through the night.")
    subs = [e.sub_event_type for e in events(nlp, kb, text)]
    assert "Air/drone strike" not in subs, subs


@pytest.mark.parametrize("text", [
    "HAIFA Families sued a charity on Tuesday for allegedly financing militant attacks on their relatives.",
    "The minister accused the neighbouring state of funding bombings in the capital.",
])
def test_attacks_someone_helped_pay_for_are_no_incident(nlp, kb, text):
    assert events(nlp, kb, text) == [], [(e.rule, e.evidence.text[:50]) for e in events(nlp, kb, text)]


def test_violence_something_is_likened_to_is_no_event(nlp):
    from conflictdesk.extract.events.relevance import _likened_to
    doc = nlp("It sounds like bombings you hear in Syria, she said.")
    assert _likened_to(next(t for t in doc if t.lower_ == "bombings"))
    doc = nlp("Residents heard what sounded like an explosion near the base.")
    assert not _likened_to(next(t for t in doc if t.lower_ == "explosion"))

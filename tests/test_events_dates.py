"""When an event happened, as a news report tells it: the event's own day over the day the report
was given, the story carried from one wire line to the next, the news of the day for an event told
without a date, and no date for a pattern the report recalls. Real spaCy and knowledge base,
project-written texts."""
from __future__ import annotations

import datetime as dt

import pytest

from conflictdesk.extract.pipeline import extract_document
from conflictdesk.records import Document

SUNDAY = dt.date(2016, 5, 8)


def events(nlp, kb, text, published=SUNDAY):
    doc = Document(id="d", text=text, language="en", published=published)
    return [e for e in extract_document(doc, nlp=nlp, kb=kb).events if e.event_type != "Strategic developments"]


def test_the_day_a_source_spoke_does_not_date_the_event_it_tells(nlp, kb):
    text = ("ANKARA — Turkish artillery shelled Islamic State positions in northern Syria on Saturday evening, "
            "killing 20 militants, military sources said.\n"
            "Artillery fire hit the villages of Suran and Tal El Hisn north of Aleppo, destroying three rocket "
            "launchers, the sources said on Sunday.")
    evs = events(nlp, kb, text)
    assert evs and all(e.event_date == dt.date(2016, 5, 7) for e in evs), [(e.event_date, e.evidence.text[:40])
                                                                            for e in evs]


def test_an_event_told_without_a_day_is_the_news_of_the_leads_day(nlp, kb):
    lead = "BAGHDAD — Iraqi forces fought Islamic State militants near Falluja on Saturday, officers said."
    more = "Air strikes and mortar fire hit districts inside the city where the militants keep their headquarters."
    # the next wire line carries the lead's day; a later paragraph is the news of that day, to the week
    for text, precision in ((f"{lead}\n{more}", 1), (f"{lead}\n\n{more}", 2)):
        strikes = [e for e in events(nlp, kb, text) if "Air strikes" in e.evidence.text]
        assert strikes and (strikes[0].event_date, strikes[0].time_precision) == (dt.date(2016, 5, 7), precision)


def test_overnight_is_the_reports_day(nlp, kb):
    text = "Government forces shelled rebel positions in Aleppo overnight, the Syrian Observatory said."
    evs = events(nlp, kb, text)
    assert evs and evs[0].event_date == SUNDAY


def test_a_pattern_the_report_recalls_is_background_without_a_date(nlp, kb):
    text = ("BAGHDAD — A suicide bomber killed 12 people at a checkpoint in Baghdad on Saturday, police said.\n"
            "Government forces have been battling Islamic State militants in Anbar province for two years.\n"
            "Coalition jets regularly strike militant positions in the province.")
    evs = events(nlp, kb, text)
    recalled = [e for e in evs if "battling" in e.evidence.text or "regularly" in e.evidence.text]
    assert recalled and all(e.salience == "background" and e.event_date is None for e in recalled), \
        [(e.salience, e.event_date, e.evidence.text[:40]) for e in recalled]


def test_a_day_after_dates_the_event_it_names_not_the_clause_it_follows(nlp, kb):
    text = ("KABUL — Afghan police killed two suspected militants in raids in Jalalabad on Saturday, a day after "
            "a suicide bomber attacked a police checkpoint in the city, officials said.")
    evs = events(nlp, kb, text)
    bombing = [e for e in evs if e.sub_event_type == "Suicide bomb"]
    raids = [e for e in evs if e.sub_event_type == "Armed clash"]
    assert bombing and bombing[0].event_date == dt.date(2016, 5, 6), [(e.sub_event_type, e.event_date) for e in evs]
    assert raids and raids[0].event_date == dt.date(2016, 5, 7)



def test_days_before_an_occasion_date_it_not_the_protest_of_the_next_sentence(nlp, kb):
    # "on Friday, three days before the vote": Friday is the rally's day; the next sentence goes on with it
    text = ("PHOENIX — Hundreds of protesters rallied against the governor on Friday, three days before the "
            "state's election.\nMore than 100 demonstrators blocked the main road leading to the governor's office.")
    evs = [e for e in events(nlp, kb, text) if e.event_type == "Protests"]
    assert evs and all(e.event_date == dt.date(2016, 5, 6) for e in evs), [(e.event_date, e.evidence.text[:30])
                                                                            for e in evs]


def test_the_day_of_an_occasion_ahead_dates_no_protest_told_after_it(nlp, kb):
    # "ahead of Tuesday's runoff" names the runoff's day (ahead, or past): not the day of the next line's protest
    text = ("LIMA — The candidate is touring the south ahead of Tuesday's runoff.\n"
            "Dozens of protesters blocked the road to his hotel, chanting slogans.")
    evs = [e for e in events(nlp, kb, text) if e.event_type == "Protests"]
    assert evs and all(e.event_date != dt.date(2016, 5, 3) for e in evs), [(e.event_date, e.evidence.text[:30])
                                                                           for e in evs]


def test_an_assault_on_new_years_eve_is_dated_to_that_night_not_the_report(nlp, kb):
    text = ("BERLIN — Gangs of men robbed and assaulted dozens of women outside the station on New Year's Eve, "
            "police said on Saturday.")
    evs = [e for e in events(nlp, kb, text, published=dt.date(2016, 1, 9)) if e.event_type != "Strategic developments"]
    assert evs and all(e.event_date == dt.date(2015, 12, 31) for e in evs), [(e.event_date, e.sub_event_type)
                                                                             for e in evs]


def test_an_act_that_identifies_a_known_person_takes_no_day_of_saying(nlp, kb):
    # "the man who shot three guards": who he is, by an act told with no day of its own; Tuesday is the saying's
    text = ("WASHINGTON — The man who shot three guards at the embassy in Nairobi had served in the army, "
            "officials said on Tuesday.")
    shot = [e for e in events(nlp, kb, text) if e.event_type != "Strategic developments"]
    assert shot and all(e.event_date is None for e in shot), [(e.event_date, e.sub_event_type) for e in shot]
    # gunmen newly told ("two gunmen who attacked a checkpoint") are the story's own: its day stays theirs
    text = ("KABUL — Afghan police shot dead two gunmen who attacked a checkpoint in Kandahar, officials said on "
            "Friday.")
    dated = [e.event_date for e in events(nlp, kb, text)]
    assert dated and all(d == dt.date(2016, 5, 6) for d in dated), dated


def test_the_lead_dated_by_its_saying_takes_the_day_the_report_gives_it_later(nlp, kb):
    text = ("ISTANBUL — Turkish police detained three men following a suicide bomb attack in Istanbul that killed "
            "ten tourists, media reports said on Sunday.\n"
            "A suicide bomber killed ten tourists on Saturday in Istanbul's historic Sultanahmet Square.")
    bombs = [e for e in events(nlp, kb, text) if e.sub_event_type == "Suicide bomb"]
    assert bombs and all(e.event_date == dt.date(2016, 5, 7) for e in bombs), [(e.event_date, e.location)
                                                                                for e in bombs]


def test_the_lead_dated_by_its_saying_takes_the_day_a_later_definite_noun_gives_it(nlp, kb):
    # "the attack late on Friday" tells the lead's incident again with its own day, though it is no event itself
    text = ("CHICAGO — Two men were beaten outside a church in Chicago by an attacker who shouted insults at them, "
            "a rights group said on Sunday.\n"
            "The attack late on Friday was the second on the church this month.")
    evs = events(nlp, kb, text)
    assert evs and all(e.event_date == dt.date(2016, 5, 6) for e in evs), [(e.event_date, e.rule) for e in evs]
    # "another attack" names another incident: its day is not the lead's
    other = text.replace("The attack late on Friday", "Another attack late on Friday")
    evs = [e for e in events(nlp, kb, other) if "beaten" in e.evidence.text]
    assert evs and all(e.event_date == SUNDAY for e in evs), [(e.event_date, e.rule) for e in evs]


def test_another_town_s_incident_on_another_day_leaves_the_lead_its_day(nlp, kb):
    text = ("BAGHDAD — A car bomb killed 12 people at a market in Baghdad, police said on Sunday.\n"
            "On Friday, a roadside bomb killed three soldiers near Mosul.")
    days = {e.location: e.event_date for e in events(nlp, kb, text)}
    assert days.get("Baghdad") == SUNDAY and days.get("Mosul") == dt.date(2016, 5, 6), days


def test_an_undated_event_is_the_news_not_an_incident_of_last_week(nlp, kb):
    text = ("BOR — A roadside bomb killed three soldiers near Bor on Saturday night, officials said on Sunday.\n\n"
            "A convoy of opposition soldiers opened fire on an army checkpoint in Juba, a government spokesman said.\n\n"
            "The opposition accused government troops of killing two of its soldiers in Juba last week.")
    evs = events(nlp, kb, text)
    convoy = [e for e in evs if "convoy" in e.evidence.text]
    assert convoy and convoy[0].event_date == dt.date(2016, 5, 7), [(e.event_date, e.evidence.text[:30]) for e in evs]


def test_what_the_day_after_names_happened_the_day_before(nlp, kb):
    text = ("Police arrested three men in Jakarta on Friday, the day after suicide bombers killed seven people in "
            "the city.")
    doc = Document(id="d", text=text, language="en", published=dt.date(2016, 1, 16))
    evs = extract_document(doc, nlp=nlp, kb=kb).events
    days = {e.sub_event_type: e.event_date for e in evs}
    assert days.get("Suicide bomb") == dt.date(2016, 1, 14) and days.get("Arrests") == dt.date(2016, 1, 15), days


def test_the_day_of_a_clause_does_not_date_what_its_following_phrase_recalls(nlp, kb):
    # Saturday is when the chief was dismissed; the bombing the "following" phrase recalls has its own day
    text = ("BAGHDAD — Iraq's interior minister dismissed the head of the capital's police on Saturday following "
            "a wave of bombings, including one at a market in Hilla that killed 20 people.\n"
            "The market bombing in Hilla took place on Thursday evening, police said.")
    bombings = [e for e in events(nlp, kb, text) if e.event_type == "Explosions/Remote violence"]
    assert [e.event_date for e in bombings] == [dt.date(2016, 5, 5)], [(e.event_date, e.evidence.text[:50])
                                                                        for e in bombings]


def test_a_run_told_since_a_month_has_no_day_but_a_phrase_keeps_its_own(nlp, kb):
    text = ("JERUSALEM — Since October, Palestinian stabbings and shootings have killed 30 Israelis, and Israeli "
            "forces have shot dead at least 180 Palestinians.")
    evs = events(nlp, kb, text)
    assert evs and all(e.event_date is None and e.salience == "background" for e in evs), \
        [(e.event_date, e.salience) for e in evs]
    # the month that ends the phrase is its event's, wherever the parser hangs it
    text = ("Relations between Ankara and Moscow remain strained following Turkey's downing of a Russian fighter "
            "jet near the Syrian border in November.")
    evs = events(nlp, kb, text)
    # told by its month only: no day (the contract invents none), the month kept
    assert [(e.event_date, e.event_month, e.time_precision) for e in evs] == [(None, "2015-11", 3)]


def test_a_day_told_in_a_despite_phrase_dates_only_what_it_tells(nlp, kb):
    # two weeks ago is when the withdrawal was declared, not the day of the strikes
    text = ("Despite Russia's declared withdrawal of its jets two weeks ago, Russian warplanes struck Islamic "
            "State positions near Palmyra, the Observatory said.")
    strikes = [e for e in events(nlp, kb, text) if e.sub_event_type == "Air/drone strike"]
    assert strikes and all(e.event_date != dt.date(2016, 4, 24) for e in strikes), [e.event_date for e in strikes]


def test_what_an_after_phrase_recalls_takes_no_day_from_the_sentence_before(nlp, kb):
    # "overnight" is when the wounded died, not when the bombing the "after" phrase recalls happened
    text = ("BAGHDAD — The toll from a car bombing at a market in Baghdad the previous day rose to 40 on Sunday, "
            "officials said.\n\nSeveral of the wounded died overnight, police said. Two people were still missing "
            "after the blast at the market, which was followed by a suicide bombing amid the crowd that gathered "
            "to help the victims.")
    evs = events(nlp, kb, text)
    assert evs and all(e.event_date == dt.date(2016, 5, 7) for e in evs), [(e.event_date, e.evidence.text[:40])
                                                                            for e in evs]


def test_incidents_told_twice_with_the_same_count_are_one_with_the_day_told(nlp, kb):
    # "following two bombings" and "follows two bombings on Saturday": the same two bombings
    text = ("DIYARBAKIR, Turkey — Six soldiers were killed in clashes with Kurdish militants in Hakkari province on "
            "Sunday, the military said, as violence widened in the southeast following two bombings.\n"
            "The widening violence follows two bombings on Saturday.")
    bombings = [e for e in events(nlp, kb, text) if e.event_type == "Explosions/Remote violence"]
    assert [e.event_date for e in bombings] == [dt.date(2016, 5, 7)], [(e.event_date, e.evidence.text[:40])
                                                                        for e in bombings]


def test_a_one_sentence_paragraph_continues_the_story_like_a_wire_line(nlp, kb):
    # copy that sets each sentence in a paragraph of its own: the day of the one before carries on
    lead = "BAGHDAD — Iraq's prime minister dismissed the city's police chief on Saturday after a wave of attacks."
    more = "A suicide bomber first targeted the police guarding the shrine's gate."
    for shrine, day in (("Gunmen stormed a Shi'ite shrine in Balad on Friday night.", dt.date(2016, 5, 6)),
                        # a paragraph of two sentences is no wire line: the news of the lead's day, to the week
                        ("Gunmen stormed a Shi'ite shrine in Balad on Friday night. The shrine was packed.",
                         dt.date(2016, 5, 7))):
        bombs = [e for e in events(nlp, kb, f"{lead}\n\n{shrine}\n\n{more}") if e.sub_event_type == "Suicide bomb"]
        assert [e.event_date for e in bombs] == [day], [(e.event_date, e.evidence.text[:40]) for e in bombs]
        assert bombs[0].time_precision == 2


def test_what_a_following_phrase_recalls_takes_its_clauses_day_when_told_nowhere_else(nlp, kb):
    # no other telling gives the clashes a day: the week of the closing they came just before, not the report's
    # (dated to the middle of that week, Monday 2 to Sunday 8 May, as an event of a week is)
    text = ("ISLAMABAD — Pakistan reopened a border crossing with Afghanistan that was closed earlier this week "
            "following clashes between the two countries' troops.")
    clashes = [e for e in events(nlp, kb, text) if e.sub_event_type == "Armed clash"]
    assert [(e.event_date, e.time_precision) for e in clashes] == [(dt.date(2016, 5, 5), 2)]


def test_a_phrase_of_time_or_a_year_since_is_no_event_phrase(nlp, kb):
    from conflictdesk.extract.dates import extract_dates
    from conflictdesk.extract.events.attributes import sequence_times

    def sides(text, trigger):
        doc = Document(id="d", text=text, language="en", published=SUNDAY)
        parsed = nlp(text)
        head = next(t for t in parsed if t.text == trigger)
        later, earlier = sequence_times(head, extract_dates(doc, parsed))
        return sorted(text[s:s + 8] for s in later | earlier)

    # "after just two days" spans a time: the month dates the offensive it is told with
    assert sides("Talks collapsed after just two days earlier this month because of a government offensive.",
                 "offensive") == []
    # "since 2011" is a time of its own: October is when the soldier was killed, not part of the phrase
    assert sides("He became the first American to die in combat there since 2011 in October, when he was "
                 "killed in a raid.", "raid") == []
    # "after a week of air strikes": the strikes are the phrase's, Wednesday the breakthrough's
    assert sides("After a week of heavy air strikes, troops broke through rebel lines on Wednesday.",
                 "strikes") == ["on Wedne"]


def test_arrests_since_a_day_of_the_news_take_that_day_not_another_clauses(nlp, kb):
    # "since Thursday" dates the arrests (a run of days of the news); November is the Paris attacks'
    text = ("BRUSSELS — Nine people have been arrested since Thursday in Belgium, as police hunt militants "
            "linked to November's attacks in Paris, prosecutors said.")
    doc = Document(id="d", text=text, language="en", published=SUNDAY)
    arrests = [e for e in extract_document(doc, nlp=nlp, kb=kb).events if e.sub_event_type == "Arrests"]
    assert [(e.event_date, e.salience) for e in arrests] == [(dt.date(2016, 5, 5), "main")]


def test_an_event_told_by_its_month_only_has_no_day_only_its_month(nlp, kb):
    # published 8 May 2016: "last month" is April, "in March" this year's, "November's" the one before;
    # the text names no day of any of them, and none is invented (the annotation guide: null, precision 3)
    text = ("Rebels seized the town of Kafr Nabl last month, a monitor said. Militants bombed a bridge near "
            "Ramadi in March. November's bombing of a hotel in Bamako killed 20 people.")
    got = sorted((e.event_month or "", e.event_date, e.time_precision) for e in events(nlp, kb, text))
    assert got == [("2015-11", None, 3), ("2016-03", None, 3), ("2016-04", None, 3)], got


def test_a_range_of_days_keeps_its_first_day_and_a_month_only_event_is_written_so(nlp, kb):
    from conflictdesk.contract import event_dict

    text = "Government forces shelled rebel positions in Daraa from 3 to 20 April, the monitor said."
    [ev] = [e for e in events(nlp, kb, text) if e.event_type == "Explosions/Remote violence"]
    assert (ev.event_date, ev.event_month) == (dt.date(2016, 4, 3), None), (ev.event_date, ev.event_month)
    text = "Militants bombed a bridge near Ramadi in March, police said."
    [ev] = [e for e in events(nlp, kb, text) if e.event_type == "Explosions/Remote violence"]
    assert ev.notes.startswith("In March 2016, "), ev.notes
    record = event_dict(ev)
    assert (record["event_date"], record["event_month"], record["time_precision"]) == (None, "2016-03", 3)


def test_an_act_someone_is_accused_of_came_before_the_news(nlp, kb):
    # what a man is accused or suspected of is an earlier incident: not the day of the arrest or of the saying
    text = ("A man accused of killing four people in Ohio kept a journal praising Islamic State, prosecutors said "
            "on Sunday.")
    killings = [e for e in events(nlp, kb, text) if e.event_type == "Violence against civilians"]
    assert killings and all(e.salience == "background" and e.event_date is None for e in killings), \
        [(e.salience, e.event_date) for e in killings]
    text = "A man suspected of shooting two police officers in Ohio was arrested on Saturday, police said."
    # police shot are an armed side: a battle (ACLED), not violence against civilians
    shootings = [e for e in events(nlp, kb, text) if e.event_type == "Battles"]
    assert shootings and all(e.event_date != dt.date(2016, 5, 7) for e in shootings), \
        [e.event_date for e in shootings]
    # a day told in the act's own phrase stays its day
    text = ("A man accused of stabbing two worshippers at a church in Dayton, Ohio, on April 20 was arrested on "
            "Saturday.")
    stabbings = [e for e in events(nlp, kb, text) if e.event_type == "Violence against civilians"]
    assert stabbings and stabbings[0].event_date == dt.date(2016, 4, 20), [e.event_date for e in stabbings]



def test_an_attempt_someone_is_accused_of_came_before_the_news(nlp, kb):
    # "accused of attempting to bomb": the attempt is the earlier act, not the news of the day of the charges
    text = ("Prosecutors on Sunday charged two men accused of attempting to bomb a police station in Lyon, "
            "officials said.")
    bombings = [e for e in events(nlp, kb, text) if e.event_type == "Explosions/Remote violence"]
    assert bombings and all(e.salience == "background" and e.event_date is None for e in bombings), \
        [(e.salience, e.event_date) for e in bombings]

NEWS_LEAD = "BAGHDAD — A car bomb killed nine people at a market in Baghdad on Saturday, police said."
NEWS_DAY = dt.date(2016, 5, 7)


@pytest.mark.parametrize("sentence, expected", [
    # told in the present progressive, with no day: what goes on these weeks, not the news of the lead's day
    ("Elsewhere, army units are advancing on rebel positions in the hills north of Tikrit.", None),
    # the present perfect leaves its time unsaid: done by now, on no day the report gives
    ("Elsewhere, militants have attacked army posts in the hills north of Tikrit.", None),
    # the past perfect: done before the saying, at a time the report leaves unsaid
    ("Elsewhere, a monitoring group said militants had attacked army posts in the hills north of Tikrit.", None),
    # the report ties it to the day it was said: the news of that day
    ("Elsewhere, a monitoring group said on Saturday that militants had attacked army posts north of Tikrit.",
     NEWS_DAY),
    # told as done, with no day: the news of that day, to the week
    ("Elsewhere, army units advanced on rebel positions in the hills north of Tikrit.", NEWS_DAY),
    ("Elsewhere, militants attacked army posts in the hills north of Tikrit.", NEWS_DAY),
])
def test_an_action_told_going_on_or_in_the_perfect_takes_no_day_from_the_report(nlp, kb, sentence, expected):
    evs = [e for e in events(nlp, kb, f"{NEWS_LEAD}\n\n{sentence}") if "Tikrit" in e.evidence.text]
    assert evs and evs[0].event_date == expected, [(e.event_date, e.evidence.text[:40]) for e in evs]


def test_a_headline_in_the_present_is_not_an_action_going_on(nlp):
    from conflictdesk.extract.events.attributes import told_in_present
    headline = nlp("Suicide bomber hits cafe in northern town")
    prose = nlp("Rebels are shelling the northern town, residents said.")
    assert not told_in_present(next(t for t in headline if t.text == "hits"))
    assert told_in_present(next(t for t in prose if t.text == "shelling"))


def test_a_participle_modifying_the_subject_takes_the_tense_of_its_clause(nlp):
    from conflictdesk.extract.events.attributes import told_in_present
    going_on = nlp("The police, the army and tribal fighters backed by air strikes are in an offensive to retake the "
                   "town, officials said.")
    done = nlp("The police, the army and tribal fighters backed by air strikes stormed the town, officials said.")
    assert told_in_present(next(t for t in going_on if t.text == "strikes"))
    assert not told_in_present(next(t for t in done if t.text == "strikes"))


def test_the_perfect_of_an_event_nouns_own_verb_or_a_headline_is_no_undated_action(nlp):
    from conflictdesk.extract.events.attributes import told_in_perfect
    prose = nlp("Government troops have shelled the village for a second time, residents said.")
    subject = nlp("The capture of the two villages has opened the road to the provincial capital.")
    headline = nlp("Rebels have shelled northern town")
    landmark = nlp("The town had been quiet for weeks after the shelling of its market, residents said.")
    assert told_in_perfect(next(t for t in prose if t.text == "shelled"))
    # the shelling is what the quiet is timed by: the perfect is the quiet's
    assert not told_in_perfect(next(t for t in landmark if t.text == "shelling"))
    # what the capture brought about is in the perfect, not the capture
    assert not told_in_perfect(next(t for t in subject if t.text == "capture"))
    assert not told_in_perfect(next(t for t in headline if t.text == "shelled"))


def test_a_reference_told_as_done_does_not_date_an_action_told_in_the_perfect(nlp, kb):
    # "the fighting" names the attacks told before; its past is that of the deaths, not a day for the attacks
    run = ("Elsewhere, militants have attacked army posts in the hills north of Tikrit. Two soldiers were killed "
           "in the fighting, officials said.")
    evs = [e for e in events(nlp, kb, f"{NEWS_LEAD}\n\n{run}") if "Tikrit" in e.evidence.text]
    assert evs and all(e.event_date is None for e in evs), [(e.event_date, e.evidence.text[:40]) for e in evs]


def test_an_incident_told_as_done_keeps_its_day_when_retold_in_the_perfect(nlp, kb):
    for day, expected in ((" on Saturday", dt.date(2016, 5, 7)), ("", dt.date(2016, 5, 8))):
        text = (f"TIKRIT — Militants stormed an army post north of Tikrit{day}, killing four soldiers, officials "
                "said.\n\nThe militants have attacked the post with mortars and rifles, a soldier said.")
        evs = [e for e in events(nlp, kb, text) if e.event_type == "Battles"]
        assert [e.event_date for e in evs] == [expected], [(e.event_date, e.evidence.text[:40]) for e in evs]


def test_a_run_told_in_the_perfect_since_a_time_takes_no_day_from_the_story(nlp, kb):
    lead = "ISTANBUL — A car bomb killed nine soldiers in Diyarbakir on Saturday, officials said."
    run = "Protesters have gathered outside the governor's office in Diyarbakir since the bombing."
    evs = [e for e in events(nlp, kb, f"{lead}\n\n{run}") if "Protesters" in e.evidence.text]
    assert evs and all(e.event_date is None for e in evs), [(e.event_date, e.evidence.text[:40]) for e in evs]


def test_an_incident_told_as_what_a_clause_came_in_the_wake_of_is_recalled_without_the_reports_day(nlp, kb):
    # the worry is the news; the bombings it followed, told with no day of their own, only the report's week
    text = ("LONDON — Fears over the safety of power plants have grown across Europe following deadly bombings "
            "by Islamic State militants, officials said.")
    bombings = [e for e in events(nlp, kb, text)
                if e.event_type in ("Violence against civilians", "Explosions/Remote violence")]
    assert bombings and all((e.salience, e.time_precision) == ("background", 2) for e in bombings), \
        [(e.sub_event_type, e.salience, e.event_date) for e in bombings]


def test_a_day_told_before_another_events_noun_does_not_date_the_trigger(nlp, kb):
    # published Sunday 8 May 2016: "the April 2 bombings" dates the bombings, not the arrest
    for text in ("BRUSSELS — The arrest of a suspect by Belgian police provides the latest clue in the link between "
                 "the April 2 bombings and the shootings in the city.",
                 "BRUSSELS — Belgian police arrested a man involved in the April 2 bombings in the city, prosecutors "
                 "said."):
        doc = Document(id="written-day-before-noun", text=text, language="en", published=SUNDAY)
        arrests = [e for e in extract_document(doc, nlp=nlp, kb=kb).events if e.sub_event_type == "Arrests"]
        assert [(e.event_date, e.salience) for e in arrests] == [(SUNDAY, "main")], \
            [(e.event_date, e.evidence.text[:40]) for e in arrests]


def test_the_day_an_incident_was_condemned_gives_way_to_the_day_the_report_gives_it(nlp, kb):
    # published Sunday 8 May 2016: the mayor's day is of his words; the stabbing was on Thursday
    text = ("DETROIT — The mayor on Saturday condemned the stabbing of a nurse by three men in a parking lot in "
            "Detroit. Police said the men attacked the nurse late on Thursday as she left work.")
    attacks = [e for e in events(nlp, kb, text) if e.event_type == "Violence against civilians"]
    assert attacks and all(e.event_date == dt.date(2016, 5, 5) for e in attacks), \
        [(e.event_date, e.evidence.text[:40]) for e in attacks]


def test_an_incident_a_time_is_counted_since_has_neither_the_clauses_day_nor_the_reports(nlp, kb):
    # the reopening is the news; the bombing it is the first since is recalled, with no day the text gives
    text = ("KABUL — Traders reopened the old market in Kabul on Saturday, the first time since a suicide bomber "
            "killed 20 people there. Shoppers said they were still afraid.")
    bombs = [e for e in events(nlp, kb, text) if e.event_type == "Explosions/Remote violence"]
    assert bombs and all(e.event_date is None for e in bombs), [(e.event_date, e.salience) for e in bombs]


def test_what_happened_at_the_end_of_a_dated_incident_has_its_day(nlp, kb):
    # published Sunday 8 May 2016: the siege was on May 1, and the gunman was killed as it ended
    text = ("DENVER — Police on Saturday released the names of the victims. The gunman was shot dead by officers at "
            "the end of the May 1 siege at the store, officials said.")
    shot = [e for e in events(nlp, kb, text) if "shot dead" in e.evidence.text]
    assert shot and all(e.event_date == dt.date(2016, 5, 1) for e in shot), [(e.event_date, e.salience) for e in shot]



def test_an_incident_told_only_as_what_survivors_are_of_has_no_day_of_the_news(nlp, kb):
    # the meeting is on Thursday; the shooting the survivors are of came before it, on a day this paragraph
    # does not give: neither the meeting's day nor the report's week
    text = ("DENVER — Funerals for two of the 12 victims killed in the shooting at a mall in Denver were held on "
            "Saturday.\n\nThe governor, who met with survivors of the shooting and families of the dead in Denver on "
            "Thursday, urged lawmakers to make it harder to buy rifles like the one used in the attack.")
    told = [e for e in events(nlp, kb, text) if "survivors" in e.evidence.text]
    assert told and all(e.event_date is None for e in told), [(e.event_date, e.salience) for e in told]


def test_a_killing_told_of_the_person_a_funeral_is_for_has_not_the_funerals_day(nlp, kb):
    # published Sunday 8 May 2016: the funeral is the news of the day; the killing came before it
    text = ("MEMPHIS, Tenn. — The funeral for a 25-year-old man who was killed by police began in Memphis on "
            "Saturday, officials said.")
    killings = [e for e in events(nlp, kb, text) if "killed" in e.evidence.text]
    assert killings and all(e.event_date is None for e in killings), [(e.event_date, e.salience) for e in killings]
    # what the people at a funeral did there is of its day
    text = "LAHORE — Some sobbing relatives clashed with police at the funeral on Saturday."
    clashes = [e for e in events(nlp, kb, text) if e.event_type == "Battles"]
    assert all(e.event_date == dt.date(2016, 5, 7) for e in clashes), [(e.event_date, e.salience) for e in clashes]




def test_an_incident_named_as_known_has_no_day_of_the_news(nlp, kb):
    # published Sunday 8 May 2016: the lead's news is Saturday's search; "before the Denver shootings", past the
    # lead, names an incident the reader knows, on a day the report does not give: not Saturday's
    text = ("DENVER — Federal agents searched a house in Aurora on Saturday as they sought a motive for the massacre "
            "at a Denver mall, officials said. The search lasted more than five hours and neighbours were asked to "
            "stay indoors while the agents worked, a spokeswoman for the bureau said, adding that no one had been "
            "arrested and that the house had been rented under a false name.\n\nThe agents took away two "
            "computers. The source said they believe the suspect browsed militant Islamic material on the internet "
            "for two years or more before the Denver shootings.")
    told = [e for e in events(nlp, kb, text) if "Denver shootings" in e.evidence.text]
    assert told and all(e.event_date is None for e in told), [(e.event_date, e.salience) for e in told]


def test_a_story_a_paragraph_recalls_from_a_past_year_goes_on_undated(nlp, kb):
    text = ("LAGOS — Police dispersed a march by traders in Lagos on Monday, officials said.\n\n"
            "Last year, two brothers said to back a separatist movement shot dead nine villagers at a market in "
            "Enugu. Soldiers later killed both men in a shootout.")
    evs = events(nlp, kb, text, published=dt.date(2016, 5, 10))
    battle = [e for e in evs if e.evidence.text.startswith("Soldiers later")]
    assert battle and (battle[0].event_date, battle[0].salience) == (None, "background"), \
        [(e.event_date, e.salience, e.evidence.text[:40]) for e in evs]


def test_the_news_ranked_in_the_year_is_the_news_of_the_leads_day(nlp, kb):
    text = ("ISTANBUL — A suicide bomber killed four people at a bus stop in central Istanbul on Saturday, police "
            "said.\nThe third suicide bombing in Turkey this year struck a busy square near the old city walls.")
    ranked = [e for e in events(nlp, kb, text) if e.evidence.text.startswith("The third")]
    assert ranked and (ranked[0].event_date, ranked[0].salience) == (dt.date(2016, 5, 7), "main")


def test_the_day_of_an_arrest_does_not_date_the_bombing_a_suspect_confessed_to(nlp, kb):
    text = ("KANO, Nigeria — Police arrested two men on Friday, including a trader who investigators say has "
            "confessed to planting a bomb at a bus station in the city.")
    bombs = [e for e in events(nlp, kb, text) if e.event_type == "Explosions/Remote violence"]
    assert bombs and bombs[0].event_date is None and bombs[0].salience == "background"


def test_wire_lines_without_a_time_go_on_with_the_story_of_the_last_dated_line(nlp, kb):
    # a report recalls an old attack over several wire lines: the undated lines go on with that story, recalled,
    # not the news of the report's day
    text = ("BAGHDAD — A car bomb killed 14 people at a market in Baghdad on Saturday, police said.\n"
            "Past attacks\n"
            "Gunmen attacked a wedding party in the town of Balad on March 3, killing nine guests.\n"
            "The attackers fled in two cars toward the river.\n"
            "Another gunman stormed a police post at the edge of the town and shot two officers.\n")
    posts = [e for e in events(nlp, kb, text) if "police post" in e.evidence.text]
    assert posts and posts[0].salience == "background" and posts[0].event_date in (None, dt.date(2016, 3, 3)), \
        [(e.event_date, e.salience, e.evidence.text[:40]) for e in posts]
    # a heading opens another story: the line after it is the news of the lead's day
    text = ("BAGHDAD — A car bomb killed 14 people at a market in Baghdad on Saturday, police said.\n"
            "Gunmen attacked a wedding party in the town of Balad on March 3, killing nine guests.\n"
            "Other violence\n"
            "Gunmen stormed a police post in Samarra and shot two officers.\n")
    posts = [e for e in events(nlp, kb, text) if "police post" in e.evidence.text]
    assert posts and (posts[0].event_date, posts[0].salience) == (dt.date(2016, 5, 7), "main"), \
        [(e.event_date, e.salience, e.evidence.text[:40]) for e in posts]




def test_a_day_told_of_a_listed_attack_is_its_own_not_the_day_of_saying(nlp, kb):
    # the parser may hang the second attack of a list under the speakers; its "on Friday" still dates it
    text = ("NAIROBI Police said they are still looking into a raid on a bank in Mombasa on Wednesday that killed "
            "two guards; a suicide truck bombing in a Mogadishu market on Friday that killed at least 40 people; "
            "and attacks in Kenya.")
    bombs = [e for e in events(nlp, kb, text) if e.sub_event_type == "Suicide bomb"]
    assert bombs and bombs[0].event_date == dt.date(2016, 5, 6), [(e.event_date, e.sub_event_type)
                                                                   for e in events(nlp, kb, text)]


def test_an_event_on_a_weekday_of_no_week_takes_no_day_of_the_reports(nlp, kb):
    # "on a Sunday morning" years back is no Sunday of the report's week
    text = ("KABUL — Officials met on Monday to review security, a spokesman said.\n\n"
            "It was after gunmen killed 30 worshippers at a shrine on a Sunday morning that the plan was drawn up.")
    killed = [e for e in events(nlp, kb, text) if "worshippers" in e.evidence.text]
    assert killed and killed[0].event_date != dt.date(2016, 5, 8), [(e.event_date, e.evidence.text[:40])
                                                                    for e in killed]


def test_a_run_of_attacks_that_have_killed_is_no_news_of_the_day(nlp, kb):
    text = ("KANO, Nigeria — A suicide bomber struck a mosque in the city on Saturday, killing six worshippers, "
            "police said.\n\nThe north has also suffered militant raids that have killed scores "
            "of farmers.")
    evs = events(nlp, kb, text)
    raids = [e for e in evs if "raids" in e.evidence.text]
    assert raids and all(e.event_date is None and e.salience == "background" for e in raids), \
        [(e.event_date, e.salience) for e in raids]
    bombing = [e for e in evs if "mosque" in e.evidence.text]
    assert bombing and bombing[0].event_date == dt.date(2016, 5, 7)


def test_a_participle_of_result_takes_the_day_of_the_clause_it_follows(nlp, kb):
    # "killing nine" tells what came of the driving on Friday, wherever the parser hangs it
    text = ("KANDAHAR, Afghanistan — Police on Saturday were still trying to find out whether the man who drove a "
            "car into a crowd of worshippers on Friday, killing nine people, had links to militants.")
    evs = [e for e in events(nlp, kb, text) if "killing" in e.evidence.text]
    assert evs and all(e.event_date == dt.date(2016, 5, 6) for e in evs), [(e.event_date, e.sub_event_type)
                                                                            for e in evs]


def test_a_coarse_time_closing_the_relative_clause_of_the_event_dates_it(nlp):
    from conflictdesk.extract.dates import extract_dates
    from conflictdesk.extract.events.attributes import clause_times

    # "last year" ends the clause of the killing: the parser hangs it from "was indicted", the news
    text = ("The militant who shot and killed two guards as they fled a checkpoint last year was indicted by a "
            "grand jury.")
    doc = Document(id="d", text=text, language="en", published=SUNDAY)
    parsed = nlp(text)
    head = next(t for t in parsed if t.text == "killed")
    assert [text[s:s + 9] for s in clause_times(head, extract_dates(doc, parsed))] == ["last year"]


def test_the_next_sentence_telling_the_violence_on_with_its_day_dates_the_lead(nlp, kb):
    # the lead tells the shooting by the day of saying; the next sentence tells it on, as fire exchanged, on Friday
    text = ("The man suspected of killing four people at a warehouse in Ohio where he worked had been fired a week "
            "before his rampage, which also wounded nine people, police said on Saturday.\n"
            "The suspect, armed with a rifle, fired at coworkers and exchanged fire with police officers on Friday.")
    lead = [e for e in events(nlp, kb, text) if e.evidence.text.startswith("The man")]
    assert lead and lead[0].event_date == dt.date(2016, 5, 6), [(e.event_date, e.sub_event_type, e.evidence.text[:30])
                                                                for e in events(nlp, kb, text)]


def test_a_clause_inside_the_incident_an_arrest_is_over_takes_no_day_of_the_arrest(nlp, kb):
    # "that injured three people" tells the attacks the man was arrested over: Saturday is the arrest's
    # (also through a participle and a second verb: "attacks on buses carrying pilgrims ... that killed ... and
    # injured ...")
    for text in ("Police on Saturday arrested a 30-year-old man in connection with attacks on two shops in Leeds "
                 "that injured three people.",
                 "Police on Saturday arrested a man in connection with attacks on two buses carrying pilgrims to a "
                 "shrine near Leeds that killed one driver and injured four passengers."):
        attacks = events(nlp, kb, text, published=dt.date(2016, 5, 9))
        assert attacks and all(e.event_date is None and e.salience == "background" for e in attacks), \
            [(e.sub_event_type, e.event_date, e.salience) for e in attacks]

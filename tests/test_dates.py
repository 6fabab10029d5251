"""Dates: explicit, relative to publication, relative to the previous date, ranges; ACLED time_precision."""
from __future__ import annotations

import datetime as dt

import pytest

from conflictdesk.extract.dates import extract_dates
from conflictdesk.nlp import load_pipeline
from conflictdesk.records import Document

PUBLISHED = dt.date(2018, 1, 10)       # a Wednesday


def dates(text: str, published: dt.date | None = PUBLISHED):
    doc = Document(id="d", text=text, published=published)
    found = extract_dates(doc, load_pipeline()(text))
    for d in found:
        assert text[d.span.start:d.span.end] == d.span.text
    return [(d.span.text, d.date, d.time_precision, d.end, d.rule) for d in found]


@pytest.mark.parametrize("text, span, date", [
    ("Clashes erupted in Afrin on 3 January 2018, local sources said.", "3 January 2018", dt.date(2018, 1, 3)),
    ("Clashes erupted in Afrin on January 3, 2018, local sources said.", "January 3, 2018", dt.date(2018, 1, 3)),
    ("The convoy was hit on Jan. 3 near Deir ez-Zor.", "Jan. 3", dt.date(2018, 1, 3)),
    ("The ministry's report is dated 2018-01-03.", "2018-01-03", dt.date(2018, 1, 3)),
    ("Protesters gathered in Sanaa on 3 January.", "3 January", dt.date(2018, 1, 3)),
    ("The siege began on 28 December.", "28 December", dt.date(2017, 12, 28)),      # last year's December
])
def test_explicit_dates(text, span, date):
    found = dates(text)
    assert (span, date, 1) in [(s, d, tp) for s, d, tp, _, _ in found]


def test_relative_to_publication():
    found = dates("Gunmen attacked a checkpoint on Tuesday. Yesterday, a roadside bomb exploded; "
                  "overnight, shells hit the town. Last week the army deployed, and last month talks failed.")
    got = {s: (d, tp, e) for s, d, tp, e, _ in found}
    assert got["on Tuesday"] == (dt.date(2018, 1, 9), 1, None)
    assert got["Yesterday"] == (dt.date(2018, 1, 9), 1, None)
    assert got["overnight"][1] == 1
    assert got["Last week"] == (dt.date(2018, 1, 1), 2, dt.date(2018, 1, 7))
    assert got["last month"] == (dt.date(2017, 12, 1), 3, dt.date(2017, 12, 31))


def test_ranges_and_months():
    got = dates("Between 1 and 3 January 2018, airstrikes hit Idlib; from 5-7 Jan more followed. "
                "In February 2018 the offensive stalled.")
    assert ("Between 1 and 3 January 2018", dt.date(2018, 1, 1), 2, dt.date(2018, 1, 3), "range_dmy") in got
    assert ("from 5-7 Jan", dt.date(2018, 1, 5), 2, dt.date(2018, 1, 7), "range_dmy") in got
    assert ("In February 2018", dt.date(2018, 2, 1), 3, dt.date(2018, 2, 28), "month_year") in got


def test_days_later_anchors_on_the_previous_date():
    got = dates("A drone struck the base on 28 January 2024. Two days later, the US retaliated. "
                "Days later, talks resumed.", published=dt.date(2024, 2, 20))
    assert ("Two days later", dt.date(2024, 1, 30), 1, None, "relative_to_previous") in got
    vague = [g for g in got if g[0] == "Days later"][0]
    assert vague[1] == dt.date(2024, 1, 31) and vague[2] == 2


def test_without_publication_date_relative_dates_stay_unknown():
    got = dates("Gunmen attacked a checkpoint on Tuesday. Days later, a roadside bomb exploded yesterday "
                "on 3 January.", published=None)
    assert all(d is None for _, d, _, _, _ in got)
    assert {r for *_, r in got} >= {"weekday", "relative_to_previous", "relative_to_publication", "dmy"}
    assert dates("Nothing here names a time.", published=None) == []


def test_may_the_verb_is_not_a_month():
    assert dates("Militias may attack again, officials said.") == []


def test_a_weekday_ahead_when_its_verb_tells_what_is_to_come():
    got = {s: d for s, d, *_ in dates("The two sides will meet on Monday in Geneva. Talks are due to resume "
                                      "on Friday. Gunmen attacked a checkpoint on Tuesday. A vote is set for "
                                      "next Wednesday.")}
    assert got["on Monday"] == dt.date(2018, 1, 15)       # published Wednesday 10 January 2018
    assert got["on Friday"] == dt.date(2018, 1, 12)
    assert got["on Tuesday"] == dt.date(2018, 1, 9)
    assert got["next Wednesday"] == dt.date(2018, 1, 17)


def test_the_previous_day_without_a_day_told_before_is_the_day_before_the_report():
    got = {s: (d, r) for s, d, _, _, r in dates(
        "The death toll from the bombings carried out the previous day climbed to 73, officials said.")}
    assert got["the previous day"] == (dt.date(2018, 1, 9), "relative_to_publication")


def test_an_overnight_siege_is_no_date():
    got = [s for s, *_ in dates("In early June, an overnight siege at a hotel killed 15 people.")]
    assert "overnight" not in got and "In early June" in got


def test_at_the_weekend_is_the_latest_weekend_up_to_the_report():
    got = {s: (d, tp, e) for s, d, tp, e, _ in dates("Forty fighters were killed in an attack at the weekend.")}
    assert got["at the weekend"] == (dt.date(2018, 1, 6), 2, dt.date(2018, 1, 7))       # Sat-Sun before Wed 10
    got = {s: (d, e) for s, d, _, e, _ in dates("Shells hit the town over the weekend.",
                                                 published=dt.date(2018, 1, 7))}          # a Sunday's report
    assert got["over the weekend"] == (dt.date(2018, 1, 6), dt.date(2018, 1, 7))
    assert not [g for g in dates("The envoys will meet at the weekend.") if g[1] is not None]


def test_a_day_after_counts_back_from_the_day_told_before_it():
    found = {s: (d, tp, r) for s, d, tp, _, r in dates(
        "Police raided homes on Tuesday, a day after an attack; the strike came two weeks after a truce. "
        "On Monday, hours after the vote, shells fell.")}
    assert found["a day after"][:2] == (dt.date(2018, 1, 8), 1)
    assert found["two weeks after"][:2] == (dt.date(2017, 12, 26), 2)
    assert found["hours after"][:2] == (dt.date(2018, 1, 8), 1)
    # a day after a month told before names no day
    found = {s: d for s, d, _, _, _ in dates("Talks failed in December, and a day after the fighting resumed.")}
    assert found["a day after"] is None


def test_a_month_or_day_of_last_year_is_in_the_year_before_the_reports():
    published = dt.date(2016, 4, 7)
    [(span, date, precision, _, _)] = dates("Two people were killed in Copenhagen in February last year.", published)
    assert (span, date, precision) == ("in February last year", dt.date(2015, 2, 1), 3)
    [(span, date, precision, _, _)] = dates("The attack of March 3 of last year killed nine.", published)
    assert (span, date, precision) == ("March 3 of last year", dt.date(2015, 3, 3), 1)
    [(span, date, _, _, _)] = dates("The town fell in February.", published)
    assert date == dt.date(2016, 2, 1)


def test_last_and_next_month_count_from_the_reports_month():
    published = dt.date(2016, 6, 20)
    [(_, date, _, _, _)] = dates("The clashes began last June.", published)
    assert date == dt.date(2015, 6, 1)              # the June before this one, not this month
    [(_, date, _, _, _)] = dates("The clashes began last March.", published)
    assert date == dt.date(2016, 3, 1)
    [(_, date, _, _, _)] = dates("The talks resume next March.", published)
    assert date == dt.date(2017, 3, 1)
    [(_, date, _, _, _)] = dates("The clashes began in June.", published)
    assert date == dt.date(2016, 6, 1)


def test_the_day_after_what_it_names_is_a_day_before_the_day_told():
    # "marched on Tuesday, the day after a gunman killed ...": the killing was on Monday; "The day
    # after," on its own is the next day
    found = {s: (d, r) for s, d, _, _, r in dates("Thousands marched on Tuesday, the day after a gunman killed five "
                                                  "officers. Police raided a house on Monday. The day after, they "
                                                  "arrested two men.")}
    assert found["the day after"] == (dt.date(2018, 1, 8), "before_previous_phrase")
    assert found["The day after"] == (dt.date(2018, 1, 9), "relative_to_previous")


def test_days_weeks_and_months_ago_count_back_from_the_report():
    # a month is counted to the same day of its month: "six months ago" of January 10 is July 10
    found = dates("The town fell six months ago; the siege was broken two weeks ago and the army "
                  "entered three days ago. Talks stalled a few weeks ago.")
    got = {s: (d, tp) for s, d, tp, _, _ in found}
    assert got["six months ago"] == (dt.date(2017, 7, 10), 3)
    assert got["two weeks ago"] == (dt.date(2017, 12, 27), 2)
    assert got["three days ago"] == (dt.date(2018, 1, 7), 1)
    assert not any("few" in s for s in got)


def test_a_phrase_broken_across_lines_is_still_found_with_the_texts_own_span():
    # wire copy wrapped by line: "two years\nago" is a time coarser than a month, "last\nweek" a week
    found = dates("The group seized the town two years\nago and shelled it again last\nweek.")
    got = {s: (d, tp, rule) for s, d, tp, _, rule in found}
    assert got["two years\nago"] == (None, None, "coarse")
    assert got["last\nweek"][:2] == (dt.date(2018, 1, 1), 2)


def test_over_the_past_month_is_a_period_up_to_the_report_not_the_month_before():
    found = dates("More than 40 civilians have been killed in bombings over the past month. Talks failed last month.")
    got = {s: (d, tp, rule) for s, d, tp, _, rule in found}
    assert got["over the past month"] == (None, None, "coarse")
    assert got["last month"][:2] == (dt.date(2017, 12, 1), 3)


def test_a_months_own_event_is_dated_to_that_month():
    # "November's attacks": the month before the report's, never "May's" (a name's more often than not)
    found = dates("He is wanted over November's attacks in Paris, Theresa May's office said.")
    got = {s: (d, tp) for s, d, tp, _, _ in found}
    assert got == {"November": (dt.date(2017, 11, 1), 3)}


def test_the_same_day_and_the_night_before_count_from_the_day_told_last():
    found = {s: (d, r) for s, d, _, _, r in dates(
        "Militants stormed a police post on Monday. Later that day, troops retook it. The night before, "
        "the post had been shelled. The day earlier, a convoy was ambushed nearby. That evening, the army "
        "closed the road.")}
    assert found["Later that day"] == (dt.date(2018, 1, 8), "relative_to_previous")
    assert found["The night before"] == (dt.date(2018, 1, 7), "relative_to_previous")
    assert found["The day earlier"][0] == dt.date(2018, 1, 6)      # the day before the night before
    assert found["That evening"][0] == dt.date(2018, 1, 6)


def test_the_night_before_an_occasion_and_a_night_club_are_no_day():
    found = [s for s, *_ in dates("Militants met on Monday. They spoke the night before the vote at that night club.")]
    assert "the night before" not in found and "that night" not in found


def test_a_day_month_told_as_to_come_is_this_years():
    published = dt.date(2016, 6, 14)
    # an occasion fixed ahead of its day, or a day a plan names, is the coming one
    [(_, date, _, _, _)] = dates("The shooting shook the race ahead of the Nov. 8 election.", published)
    assert date == dt.date(2016, 11, 8)
    [(_, date, _, end, _)] = dates("Police tightened their security plan for the July 18-21 party convention.",
                                   published)
    assert (date, end) == (dt.date(2016, 7, 18), dt.date(2016, 7, 21))
    [(_, date, _, _, _)] = dates("Talks between the two sides are set to resume on July 25.", published)
    assert date == dt.date(2016, 7, 25)
    # a day after the report told of what happened is last year's
    [(_, date, _, _, _)] = dates("Families want a trial for the Nov. 13 attacks on a concert hall.", published)
    assert date == dt.date(2015, 11, 13)
    [(_, date, _, _, _)] = dates("Rebels seized the border town on July 25.", published)
    assert date == dt.date(2015, 7, 25)


def test_a_month_named_before_its_event_noun_dates_it():
    found = dates("Officials recalled the November bombing of a bus station in the town.")
    assert [(span, day, precision) for span, day, precision, _, _ in found] == \
        [("the November", dt.date(2017, 11, 1), 3)], found


def test_a_weekday_followed_by_another_year_is_not_relative_to_the_report():
    # "on Easter Sunday in 1998": a Sunday of 1998, coarse; the weekday of this year stays relative
    got = {s: (d, r) for s, d, _, _, r in dates("The bomb went off on Easter Sunday in 1998. Talks resumed on "
                                                "Sunday in 2018.")}
    assert got["Sunday in 1998"] == (None, "coarse")
    assert got["on Sunday"] == (dt.date(2018, 1, 7), "weekday")


def test_months_after_dates_what_it_names_to_its_month():
    # "three months after" the day told before it: the month of what follows, no day
    got = {s: (d, tp, r) for s, d, tp, _, r in dates("Monday's raid came three months after rebels seized the town.")}
    assert got["three months after"] == (dt.date(2017, 10, 10), 3, "before_previous_phrase")



def test_a_weekday_after_a_or_every_is_no_day_of_the_reports_week():
    got = {s: (d, r) for s, d, _, _, r in dates("Gunmen killed 40 people on a Saturday night in the capital. Crowds "
                                                "gather every Friday. A Tuesday ruling was appealed on Monday.")}
    assert got["Saturday night"] == (None, "coarse")
    assert got["Friday"] == (None, "coarse")
    assert got["on Monday"] == (dt.date(2018, 1, 8), "weekday")
    assert got["Tuesday"] == (dt.date(2018, 1, 9), "weekday")      # "a Tuesday ruling": Tuesday's


def test_a_weekday_of_a_meeting_told_in_the_present_is_the_coming_one():
    got = {s: d for s, d, *_ in dates("Envoys from five states meet in Oslo on Friday to seek a truce. Gunmen "
                                      "stormed a police post on Monday. The unrest follows riots on Sunday.")}
    assert got["on Friday"] == dt.date(2018, 1, 12)       # published Wednesday 10 January 2018
    assert got["on Monday"] == dt.date(2018, 1, 8)
    assert got["on Sunday"] == dt.date(2018, 1, 7)
    got = {s: d for s, d, *_ in dates("The council is meeting in Aden on Thursday.")}
    assert got["on Thursday"] == dt.date(2018, 1, 11)


def test_a_day_after_counts_from_the_day_its_sentence_gave_not_a_week_told_between():
    # "this week" dates the arrests; "the day after" counts back from Tuesday, the day of the march
    found = dates("Hundreds marched in the capital on Tuesday against the arrests of two students this week, "
                  "the day after gunmen shot a judge. Police said the day after was calm.")
    got = {(s, d) for s, d, *_ in found}
    assert ("the day after", dt.date(2018, 1, 8)) in got


def test_days_before_what_it_names_count_on_from_the_day_told_not_back():
    # "on Monday, three days before the vote": the vote is three days after Monday, and only the vote's
    found = {s: (d, r) for s, d, _, _, r in dates(
        "Rebels shelled the town on Monday, three days before the regional vote. The day before the truce, they "
        "withdrew. Gunmen attacked a bus on Tuesday. Two days before, a mine had exploded.")}
    assert found["three days before"] == (dt.date(2018, 1, 11), "before_previous_phrase")
    assert found["The day before"][1] == "before_previous_phrase"
    # told alone, "two days before" still counts back from the day told before it
    assert found["Two days before"] == (dt.date(2018, 1, 7), "relative_to_previous")


def test_a_holiday_on_a_fixed_day_names_that_day():
    found = {s: (d, r) for s, d, _, _, r in dates(
        "Men robbed revellers on New Year’s Eve; a bomb hit a Christmas Day service in 2014, and on Christmas Eve "
        "2016 talks will open. A new truce is due on Valentine's Day.")}
    assert found["New Year’s Eve"] == (dt.date(2017, 12, 31), "holiday")     # the one before a January report
    assert found["Christmas Eve 2016"][0] == dt.date(2016, 12, 24)
    assert found["Christmas Day"][0] == dt.date(2017, 12, 25)
    assert found["Valentine's Day"][0] == dt.date(2018, 2, 14)               # told as to come: this year's


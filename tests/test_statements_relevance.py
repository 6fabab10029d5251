"""Whether a document's speakers are heard: its conflict words, and the events it codes."""
from __future__ import annotations

from conflictdesk.extract.statements.relevance import Relevance


def test_a_long_report_of_a_killing_with_few_war_words_is_heard_once_it_codes_an_event():
    # 900 words, five kinds of conflict word and armed actor but only 6 of them per thousand words: a
    # report told in words of its own ("was shot and stabbed", "the attacker")
    thin = Relevance(signals=6, kinds=5, words=900)
    assert not thin.about_conflict
    assert not thin.about_conflict_with(0)
    assert thin.about_conflict_with(1)


def test_an_event_does_not_stand_for_the_variety_of_conflict_words():
    # a crime story that codes one shooting and names one conflict word stays unheard
    assert not Relevance(signals=2, kinds=1, words=400).about_conflict_with(1)
    assert Relevance(signals=12, kinds=4, words=500).about_conflict_with(0)

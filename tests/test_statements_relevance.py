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


def test_the_words_of_a_shooting_count_once_a_spree_is_the_reports_news():
    # a workplace shooting told as "the shooting", "the shooter": one conflict word ("gunman") of its own
    told = Relevance(signals=2, kinds=1, words=430, attack_signals=8, attack_kinds=2, attack_is_news=True)
    assert told.about_conflict_with(3)
    # the same words in a story whose news is no shooting of its days (a trial over an old one)
    assert not Relevance(signals=2, kinds=1, words=430, attack_signals=8, attack_kinds=2).about_conflict_with(3)


def test_a_shooting_is_news_only_in_the_evidence_of_several_events_of_the_reports_days():
    import spacy

    from conflictdesk.extract.statements.relevance import relevance

    nlp = spacy.blank("en")
    text = "The gunman began the shooting spree at noon. The shooter then drove to the plant and the sheriff spoke."
    parsed = nlp(text)
    for token in parsed:                    # a blank pipeline has no lemmatizer: the words are their lemmas
        token.lemma_ = token.lower_
    lex = {"conflict_words": frozenset({"gunman"}), "attack_words": frozenset({"shooting", "shooter"}),
           "armed_actor_types": frozenset()}
    first = (0, text.index(".") + 1)
    second = (first[1] + 1, len(text))
    spree = relevance(parsed, [], lex, [first, second])
    assert spree.attack_is_news and spree.attack_kinds == 2 and spree.kinds == 1
    assert not relevance(parsed, [], lex, [first]).attack_is_news     # one event: a trial's old shooting
    assert not relevance(parsed, [], lex).attack_is_news


def test_an_event_is_news_when_main_and_of_the_days_before_its_report():
    import datetime as dt

    from conflictdesk.extract.events.stage import told_as_news
    from conflictdesk.records import Event, Span

    day = dt.date(2020, 3, 5)
    ev = Event(id="e1", event_type="Violence against civilians", sub_event_type="Attack",
               evidence=Span(0, 10, "A gunman.."), event_date=day - dt.timedelta(days=1))
    assert told_as_news(ev, day)
    assert not told_as_news(ev, None)
    ev.salience = "background"
    assert not told_as_news(ev, day)
    ev.salience, ev.event_date = "main", day - dt.timedelta(days=40)
    assert not told_as_news(ev, day)

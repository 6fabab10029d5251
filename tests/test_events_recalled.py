"""What a report recalls (salience background), coded as ACLED codes context: one event per incident a
sentence recalls. Real spaCy, the real knowledge base, project-written texts."""
from __future__ import annotations

import datetime as dt

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

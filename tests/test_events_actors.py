"""Who did what to whom, from the sentence's structure: the sides of a battle its sentence names, no
side taken from the dateline or from who reported the event, "its fighters" as the group named
before. Real spaCy and knowledge base, project-written texts."""
from __future__ import annotations

import datetime as dt

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

"""One incident told by several documents (issue 9, item 3): linked in the store when each
document's extraction is stored, counted once and exported once with every report.

Runs on SQLite and on PostgreSQL (the `new_db_url` backends). The reports are the project's own
sentences, written for these tests.
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io

import pytest
from click.testing import CliRunner

from conflictdesk.cli import main
from conflictdesk.export import events_to_acled_csv
from conflictdesk.records import Document, Event, Extraction, Span, StoredEvent
from conflictdesk.store import Store, content_hash
from conflictdesk.store.incidents import Mention, collapse, incident_fatalities, same_incident

# three wires on one market bombing, told with different tolls and words; a fourth on a clash
REPORTS = {
    "wire-a": ("A car bomb exploded at a vegetable market in Hilla on Sunday, killing 31 people, police said.",
               dt.date(2024, 3, 4)),
    "wire-b": ("At least 33 people died when an explosives-laden car blew up in a crowded market in Hilla.",
               dt.date(2024, 3, 4)),
    "wire-c": ("Islamic State claimed the Hilla market bombing, which killed 31 on Sunday.", dt.date(2024, 3, 5)),
    "wire-d": ("Fighters clashed with the army near Hilla on Sunday; no toll was given.", dt.date(2024, 3, 4)),
}
HILLA = {"country": "Iraq", "admin1": "Babil", "location": "Hilla", "latitude": 32.48, "longitude": 44.43,
         "geo_precision": 1}


def bombing(doc_id: str, *, fatalities: int | None, actor1: str = "unidentified-armed-group-iraq",
            day: dt.date = dt.date(2024, 3, 3), latitude: float = 32.48, status: str = "reported",
            salience: str = "main") -> Event:
    text = REPORTS[doc_id][0]
    place = {**HILLA, "latitude": latitude}
    return Event(id=f"{doc_id}-e1", event_type="Explosions/Remote violence",
                 sub_event_type="Remote explosive/landmine/IED", evidence=Span.of(text, 0, len(text)),
                 actor1=actor1, actor2="civilians-iraq", event_date=day, time_precision=1,
                 fatalities=fatalities, status=status, salience=salience,
                 notes=f"A bombing in Hilla, killing {fatalities}.", **place)


def clash(doc_id: str) -> Event:
    text = REPORTS[doc_id][0]
    return Event(id=f"{doc_id}-e1", event_type="Battles", sub_event_type="Armed clash",
                 evidence=Span.of(text, 0, len(text)), actor1="unidentified-armed-group-iraq",
                 actor2="military-forces-of-iraq", event_date=dt.date(2024, 3, 3), time_precision=1, **HILLA)


def document(doc_id: str) -> Document:
    text, published = REPORTS[doc_id]
    return Document(id=doc_id, text=text, published=published, source=f"Wire {doc_id[-1].upper()}",
                    url=f"https://news.example/{doc_id}", content_hash=content_hash(text))


def store_reports(store: Store, events: dict[str, Event]) -> None:
    for doc_id, ev in events.items():
        store.add_document(document(doc_id), Extraction(document=document(doc_id), events=[ev]))


@pytest.fixture
def store(new_db_url):
    with Store(new_db_url("incidents")) as s:
        yield s


def test_one_bombing_told_by_three_wires_is_one_incident(store):
    store_reports(store, {"wire-a": bombing("wire-a", fatalities=31), "wire-b": bombing("wire-b", fatalities=33),
                          "wire-c": bombing("wire-c", fatalities=31, actor1="islamic-state-iraq",
                                            status="claimed"),
                          "wire-d": clash("wire-d")})
    found = store.list_events()
    assert len(found) == 4
    by_doc = {s.document_id: s.incident for s in found}
    assert by_doc["wire-a"] == by_doc["wire-b"] == by_doc["wire-c"] != by_doc["wire-d"]

    incidents = collapse(found)
    assert len(incidents) == 2
    [bomb] = [s for s in incidents if s.event.event_type == "Explosions/Remote violence"]
    assert bomb.event.fatalities == 31                      # the lowest toll reported (ACLED: most conservative)
    assert bomb.event.actor1 == "unidentified-armed-group-iraq"   # the lead: reported, not claimed
    assert {s.document_id for s in bomb.sources()} == {"wire-a", "wire-b", "wire-c"}
    assert "Reports give 31 to 33 fatalities." in bomb.event.notes

    out = io.StringIO()
    assert events_to_acled_csv(incidents, out) == 2
    rows = {r["event_type"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    row = rows["Explosions/Remote violence"]
    assert row["fatalities"] == "31" and row["reports"] == "3"
    assert set(row["source"].split("; ")) == {"Wire A", "Wire B", "Wire C"}     # every publisher
    assert set(row["report_documents"].split("; ")) == {"wire-a", "wire-b", "wire-c"}


def test_different_places_days_or_sides_stay_apart(store):
    far = bombing("wire-b", fatalities=33, latitude=33.3)            # about 90 km north: another town
    later = bombing("wire-c", fatalities=31, day=dt.date(2024, 3, 4))  # the next day: another bombing
    store_reports(store, {"wire-a": bombing("wire-a", fatalities=31), "wire-b": far, "wire-c": later})
    assert len({s.incident for s in store.list_events()}) == 3


def test_named_attackers_that_differ_are_two_incidents(store):
    store_reports(store, {"wire-a": bombing("wire-a", fatalities=31, actor1="islamic-state-iraq"),
                          "wire-b": bombing("wire-b", fatalities=33, actor1="kataib-hezbollah")})
    assert len({s.incident for s in store.list_events()}) == 2


def test_a_document_stored_again_keeps_its_incident(store):
    store_reports(store, {"wire-a": bombing("wire-a", fatalities=31), "wire-b": bombing("wire-b", fatalities=33)})
    store.save_extraction(Extraction(document=document("wire-b"), events=[bombing("wire-b", fatalities=34)]))
    assert len({s.incident for s in store.list_events()}) == 1


def test_export_counts_incidents_and_mentions_lists_every_report(store, tmp_path):
    store_reports(store, {"wire-a": bombing("wire-a", fatalities=31), "wire-b": bombing("wire-b", fatalities=33)})
    runner = CliRunner()
    one = runner.invoke(main, ["--db", store.url, "export", "--format", "acled-csv"])
    both = runner.invoke(main, ["--db", store.url, "export", "--format", "acled-csv", "--mentions"])
    assert one.exit_code == 0 and both.exit_code == 0, one.output + both.output
    assert len(list(csv.DictReader(io.StringIO(one.stdout)))) == 1
    assert len(list(csv.DictReader(io.StringIO(both.stdout)))) == 2


def mention(**kw) -> Mention:
    base = dict(pk=1, incident=1, document_id="a", event_type="Battles", sub_event_type="Armed clash",
                status="reported", country="Syria", location="Manbij", latitude=36.53, longitude=37.95,
                event_date=dt.date(2016, 6, 6), time_precision=1, actor1=None, actor2="islamic-state-syria",
                fatalities=None, count_value=None)
    return Mention(**{**base, **kw})


def test_the_rule_on_mentions():
    a = mention()
    assert same_incident(a, mention(pk=2, incident=2, document_id="b"))
    assert not same_incident(a, mention(document_id="b", event_date=dt.date(2016, 6, 7)))   # the next day
    # a report that gives no day is dated by itself, to the week: the week before it
    assert same_incident(a, mention(document_id="b", event_date=dt.date(2016, 6, 8), time_precision=2))
    assert not same_incident(a, mention(document_id="b", event_date=dt.date(2016, 6, 11), time_precision=2))
    assert not same_incident(a, mention(document_id="b", count_value=12))                   # an aggregate
    assert not same_incident(a, mention(pk=2, incident=2, document_id="a"))                 # same document
    assert not same_incident(a, mention(document_id="b", status="threatened"))              # did not happen
    assert not same_incident(a, mention(document_id="b", event_date=None))                  # one undated
    # dated only to the month: any day of that month
    assert same_incident(mention(document_id="b", event_date=dt.date(2016, 6, 1), time_precision=3), a)
    # country-level places link only on the same sub-type and toll
    vague = mention(document_id="b", location="Syria", latitude=35.0, longitude=38.5)
    assert not same_incident(a, vague)
    assert same_incident(mention(fatalities=20, actor1="islamic-state-syria"),
                         mention(document_id="b", location=None, latitude=None, longitude=None, fatalities=20,
                                 actor1="islamic-state-syria"))
    assert not same_incident(mention(fatalities=20), mention(document_id="b", location=None, latitude=None,
                                                             longitude=None, fatalities=20))   # nobody named
    # an incident recalled without a date in two reports: same place, sub-type and toll
    assert same_incident(mention(event_date=None, fatalities=202), mention(document_id="b", event_date=None,
                                                                            fatalities=202))
    assert not same_incident(mention(event_date=None, fatalities=202), mention(document_id="b", event_date=None))


def test_incident_toll_is_the_lowest_positive_figure():
    def told(n: int | None) -> StoredEvent:
        return StoredEvent(Event(id="e", event_type="Battles", sub_event_type="Armed clash",
                                 evidence=Span.of("x", 0, 1), fatalities=n), "d")
    assert incident_fatalities([told(33), told(0), told(31), told(None)]) == 31
    assert incident_fatalities([told(0), told(None)]) == 0
    assert incident_fatalities([told(None)]) is None


def test_stix_gives_each_report_of_an_incident_its_report_object(store):
    from conflictdesk.export.stix import stix_bundle

    store_reports(store, {"wire-a": bombing("wire-a", fatalities=31), "wire-b": bombing("wire-b", fatalities=33)})
    bundle = stix_bundle(collapse(store.list_events()), at=dt.datetime(2024, 3, 6, tzinfo=dt.timezone.utc))
    events = [o for o in bundle["objects"] if o.get("conflictdesk_event_id")]
    reports = [o for o in bundle["objects"] if o["type"] == "report"]
    assert len(events) == 1 and len(reports) == 2
    assert all(events[0]["id"] in r["object_refs"] for r in reports)


def test_relink_links_a_store_made_before_incidents(store):
    store_reports(store, {"wire-a": bombing("wire-a", fatalities=31), "wire-b": bombing("wire-b", fatalities=33),
                          "wire-d": clash("wire-d")})
    with store.engine.begin() as conn:     # as a store of the last version holds them: every event its own
        conn.exec_driver_sql("UPDATE events SET incident = NULL")
    assert store.count_incidents() == 3
    result = CliRunner().invoke(main, ["--db", store.url, "relink"])
    assert result.exit_code == 0, result.output
    assert "3 event(s) tell 2 incident(s)" in result.stderr
    with Store(store.url) as fresh:        # `store` trusts its cached counts for a moment
        assert fresh.count_incidents() == 2 and fresh.count_events() == 3


def test_a_brief_counts_earlier_incidents_not_their_reports(store):
    from conflictdesk.brief.context import store_events
    from conflictdesk.brief.wording import Names

    earlier = {"wire-a": bombing("wire-a", fatalities=31, actor1="islamic-state-iraq"),
               "wire-b": bombing("wire-b", fatalities=33, actor1="islamic-state-iraq")}
    store_reports(store, earlier)                       # one bombing, two reports
    today = bombing("wire-c", fatalities=31, actor1="islamic-state-iraq", day=dt.date(2024, 3, 5))
    store_reports(store, {"wire-c": today})             # this document's own event: not an earlier one
    ex = Extraction(document=document("wire-c"), events=[today])
    sentence = store_events("islamic-state-iraq", ex, store, Names(ex, None))
    assert sentence.text.startswith("The store holds one event involving islamic-state-iraq")


def test_one_toll_told_as_two_kinds_of_violence_is_one_incident(store):
    # "the Nov. 13 bombings in Paris, killing 130" and "the Nov. 13 attacks in Paris that killed 130"
    bombing_ = mention(event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", fatalities=130)
    attack = mention(pk=2, incident=2, document_id="b", event_type="Violence against civilians",
                     sub_event_type="Attack", fatalities=130)
    assert same_incident(bombing_, attack)
    assert not same_incident(bombing_, dataclasses.replace(attack, fatalities=129))        # another toll
    assert not same_incident(bombing_, dataclasses.replace(attack, time_precision=2))      # no day told
    assert not same_incident(bombing_, dataclasses.replace(attack, event_type="Protests"))  # no violence
    # stored: the second report joins the first one's incident
    first = bombing("wire-a", fatalities=31)
    second = Event(id="wire-b-e1", event_type="Violence against civilians", sub_event_type="Attack",
                   evidence=first.evidence, actor1="unidentified-armed-group-iraq", actor2="civilians-iraq",
                   event_date=first.event_date, time_precision=1, fatalities=31, status="reported",
                   salience="main", **HILLA)
    store_reports(store, {"wire-a": first, "wire-b": second})
    assert len(collapse(store.list_events())) == 1


def test_events_told_by_their_month_only_link_within_that_month():
    april = mention(document_id="b", event_date=None, event_month=dt.date(2016, 6, 1), time_precision=3)
    assert same_incident(mention(), april)                       # a day of that month
    assert same_incident(april, mention())
    assert not same_incident(mention(event_date=dt.date(2016, 7, 2)), april)     # another month
    assert same_incident(mention(event_date=None, event_month=dt.date(2016, 6, 1), time_precision=3), april)
    # no day and no month: only the same toll links them, as before
    assert not same_incident(mention(event_date=None), april)


def test_a_month_only_report_joins_the_incident_its_day_report_began(store):
    day = bombing("wire-a", fatalities=31)
    month = dataclasses.replace(bombing("wire-b", fatalities=33), event_date=None, event_month="2024-03",
                                time_precision=3)
    other_month = dataclasses.replace(bombing("wire-c", fatalities=31), event_date=None, event_month="2024-02",
                                      time_precision=3)
    store_reports(store, {"wire-a": day, "wire-b": month, "wire-c": other_month})
    found = {s.document_id: s for s in store.list_events()}
    assert found["wire-b"].incident == found["wire-a"].incident
    assert found["wire-c"].incident != found["wire-a"].incident
    assert (found["wire-b"].event.event_date, found["wire-b"].event.event_month) == (None, "2024-03")


def test_a_possessive_event_noun_past_the_lead_is_named_as_known(nlp):
    # "before his arrest", told well past the lead, is the arrest the reader knows of, not the news of the day
    from types import SimpleNamespace

    from conflictdesk.extract.events.incidents import LEAD_CHARS, named_as_known

    sent = "He drove a school bus and coached a youth football team before his arrest."
    parsed = nlp(sent)
    head = next(t for t in parsed if t.text == "arrest")
    draft = SimpleNamespace(mention=SimpleNamespace(head=head), date=None, clause_day=None,
                            sent_start=LEAD_CHARS + 100, sent_end=LEAD_CHARS + 100 + len(sent))
    assert named_as_known(draft, dt.date(2016, 5, 8))
    lead = SimpleNamespace(mention=SimpleNamespace(head=head), date=None, clause_day=None, sent_start=0,
                           sent_end=len(sent))
    assert not named_as_known(lead, dt.date(2016, 5, 8))     # in the lead: the lead's own arrest

"""The store on a real SQLite file: schema from migrations, duplicates, extractions, queries."""
from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext


from conflictdesk.errors import NotFoundError, StoreError
from conflictdesk.records import (Actor, Count, DateMention, Document, Event, Extraction, Failure, Person, Place, Point,
                                  Quantity, Relation, Span, Statement)
from conflictdesk.store import Store, content_hash
from conflictdesk.store.migration import current_revision, head_revision, include_object
from conflictdesk.store.schema import Base

TEXT = ("Two rockets struck the Ain al-Asad air base in Anbar province on Tuesday, the Iraqi military said. "
        "Kataib Hezbollah claimed the attack in a statement on Telegram and warned of further strikes. "
        "No casualties were reported.")


@pytest.fixture
def store(new_db_url):
    """A new store on each backend (SQLite, and PostgreSQL where the server answers)."""
    with Store(new_db_url()) as s:
        yield s


def doc(id_: str = "d1", text: str = TEXT, fingerprint: int | None = None, **kw) -> Document:
    return Document(id=id_, text=text, title=kw.pop("title", "Rockets hit Ain al-Asad"), content_hash=content_hash(text),
                    fingerprint=fingerprint, published=kw.pop("published", dt.date(2024, 1, 16)), source="Wire", **kw)


def span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span.of(text, start, start + len(needle))


def extraction(d: Document) -> Extraction:
    kh = Actor(id="kataib-hezbollah", name="Kataib Hezbollah", type="political_militia", aliases=["KH"],
               country="Iraq", acled_name="Kataib Hezbollah", mentions=[span(d.text, "Kataib Hezbollah")])
    iq = Actor(id="military-forces-of-iraq", name="Iraqi military", type="state_forces",
               acled_name="Military Forces of Iraq (2022-)", mentions=[span(d.text, "Iraqi military")])
    ev = Event(id=f"{d.id}-e1", event_type="Explosions/Remote violence",
               sub_event_type="Shelling/artillery/missile attack", evidence=span(d.text, "Two rockets struck"),
               actor1="kataib-hezbollah", assoc_actor_1=["islamic-resistance-in-iraq"], country="Iraq", admin1="Anbar",
               location="Ain al-Asad air base", latitude=33.8, longitude=42.44, geo_precision=2,
               event_date=dt.date(2024, 1, 16), time_precision=1, fatalities=0, count=Count(2, "exactly"),
               status="claimed", cameo="195", plover="ATTACK", notes="On 16 January 2024, two rockets ...",
               rule="attack.rocket.v1", coder="rules+clf.v1", confidence=0.87)
    st = Statement(id=f"{d.id}-s1", actor="kataib-hezbollah", channel="Telegram", date=dt.date(2024, 1, 16),
                   evidence=span(d.text, "Kataib Hezbollah claimed the attack"),
                   points=[Point(text="warned of further strikes", start=d.text.index("warned"),
                                 end=d.text.index("warned") + len("warned of further strikes"),
                                 labels=["threat"], cues=["warn.v1"], targets=["united-states"])])
    return Extraction(
        document=d, actors=[kh, iq],
        people=[Person(id="p-spokesman", name="spokesman", role="spokesman", actor="kataib-hezbollah", known=False)],
        relations=[Relation("kataib-hezbollah", "member_of", "islamic-resistance-in-iraq", "knowledge_base",
                            citation="https://example.org/iri", since=dt.date(2023, 10, 18))],
        events=[ev], statements=[st],
        places=[Place(span=span(d.text, "Anbar"), name="Anbar", country="Iraq", admin1="Anbar", latitude=33.4,
                      longitude=42.0, geo_precision=3, kind="admin1", place_id="geonames:91425")],
        dates=[DateMention(span=span(d.text, "Tuesday"), date=dt.date(2024, 1, 16), time_precision=1, relative=True,
                           rule="weekday")],
        quantities=[Quantity(span=span(d.text, "Two rockets"), value=2, qualifier="exactly", noun="rocket",
                             rule="cardinal")],
    )


def test_schema_is_created_by_migrations_and_matches_the_models(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.sqlite'}"
    with Store(url) as store, store.engine.connect() as conn:
        assert current_revision(conn) == head_revision()
        ctx = MigrationContext.configure(conn, opts={"include_object": include_object, "compare_type": True})
        assert compare_metadata(ctx, Base.metadata) == []
    con = sqlite3.connect(tmp_path / "m.sqlite")
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'documents_fts'").fetchone()[0] == 1
    con.close()
    Store(url).close()  # reopening an up-to-date database is a no-op


def test_a_database_made_before_event_coders_upgrades_and_keeps_its_events(tmp_path):
    from alembic import command
    from sqlalchemy import create_engine, text

    from conflictdesk.store.migration import alembic_config

    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
        conn.execute(text("INSERT INTO documents (id, text, content_hash, ingested_at, extracted) "
                          "VALUES ('d0', 'Gunmen attacked.', 'h0', '2024-01-01 00:00:00', 1)"))
        conn.execute(text("INSERT INTO events (document_id, id, ord, event_type, sub_event_type, assoc_actor_1, "
                          "assoc_actor_2, status, salience, civilian_targeting, notes, evidence_start, evidence_end, "
                          "evidence_text, rule) VALUES ('d0', 'd0-ev1', 0, 'Battles', 'Armed clash', '[]', '[]', "
                          "'reported', 'main', 0, '', 0, 7, 'Gunmen ', 'attack')"))
    engine.dispose()
    with Store(url) as store:
        [ev] = store.get_extraction("d0").events
        assert (ev.id, ev.rule, ev.coder, ev.confidence) == ("d0-ev1", "attack", "", None)
        with store.engine.connect() as conn:
            assert current_revision(conn) == head_revision() == "0007"


def test_exact_duplicates_are_stored_once(store):
    assert store.add_document(doc()).status == "new"
    again = store.add_document(doc())
    assert (again.status, again.id) == ("duplicate", "d1")
    same_text = store.add_document(doc("other-id"))
    assert (same_text.status, same_text.id) == ("duplicate", "d1")
    assert store.count_documents() == 1
    assert store.find_existing(doc("other-id")) == "d1"
    assert store.find_existing(doc("x", text="Something else entirely.")) is None


def test_near_duplicate_is_linked_to_the_original_and_not_a_new_story(store):
    fp = 0x9A3F_0000_1234_FFFF
    store.add_document(doc("orig", fingerprint=fp))
    near = store.add_document(doc("copy", text=TEXT + " Updated.", fingerprint=fp ^ 0b101))  # 2 bits apart
    assert (near.status, near.duplicate_of) == ("near_duplicate", "orig")
    copy_of_copy = store.add_document(doc("copy2", text=TEXT + " Updated again.", fingerprint=fp ^ 0b1101))
    assert copy_of_copy.duplicate_of == "orig"
    far = store.add_document(doc("far", text="A different story.", fingerprint=fp ^ 0xF0F0))  # 8 bits apart
    assert far.status == "new"
    assert store.count_documents() == 4
    assert store.count_documents(include_duplicates=False) == 2
    assert store.get_document("copy").duplicate_of == "orig"
    assert store.get_document("orig").fingerprint == fp  # unsigned 64-bit survives signed storage


def test_extraction_round_trips_and_saving_again_replaces_it(store):
    d = doc()
    ex = extraction(d)
    store.add_document(d, ex)
    back = store.get_extraction("d1")
    assert back.actors == ex.actors and back.people == ex.people and back.relations == ex.relations
    assert back.events == ex.events and back.statements == ex.statements
    assert back.places == ex.places and back.dates == ex.dates and back.quantities == ex.quantities
    for ev in back.events:
        assert back.document.text[ev.evidence.start:ev.evidence.end] == ev.evidence.text
    store.save_extraction(ex)
    store.save_extraction(ex)
    assert len(store.list_events()) == 1
    store.save_extraction(Extraction(document=d))
    assert store.get_extraction("d1").events == [] and store.list_events() == []


def test_a_failed_write_leaves_neither_document_nor_extraction(store):
    d = doc()
    ex = extraction(d)
    ex.events.append(ex.events[0])  # same event id twice: violates (document_id, id) uniqueness
    with pytest.raises(StoreError):
        store.add_document(d, ex)
    assert store.count_documents() == 0
    assert store.list_events(include_duplicates=True) == []
    assert store.add_document(d, extraction(d)).status == "new"


def test_save_extraction_needs_the_document(store):
    with pytest.raises(NotFoundError):
        store.save_extraction(extraction(doc()))
    with pytest.raises(NotFoundError):
        store.get_document("missing")


def test_full_text_search_ranks_and_stems(store):
    store.add_document(doc())
    store.add_document(doc("d2", text="Protesters gathered in Basra demanding electricity and water.",
                           title="Basra protest"))
    assert [d.id for d in store.search_documents("rocket")] == ["d1"]     # stemmed: rockets
    assert [d.id for d in store.search_documents("Basra electricity")] == ["d2"]
    assert store.search_documents("basra rocket") == []                 # every word must occur
    assert store.search_documents('"; DROP TABLE documents; --') == []  # no query syntax gets through
    assert [d.id for d in store.search_documents("protest*")] == ["d2"]


def test_an_event_told_by_its_month_only_round_trips_and_is_placed_in_its_month(store):
    # "last month" in a report of 16 January 2024: December 2023, no day (the contract invents none)
    text = "Militants shelled the base last month, the army said."
    d = doc("m1", text=text, title="Base shelled", published=dt.date(2024, 1, 16))
    ev = Event(id="m1-e1", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
               evidence=span(text, "Militants shelled the base last month"), country="Iraq", event_date=None,
               time_precision=3, event_month="2023-12", salience="background")
    store.add_document(d, Extraction(document=d, events=[ev]))
    d1 = doc()
    store.add_document(d1, extraction(d1))
    [back] = store.get_extraction("m1").events
    assert back == ev and (back.event_date, back.event_month, back.time_precision) == (None, "2023-12", 3)
    # placed at its month, not at its report's day: before the January event, inside a December window
    assert [e.event.id for e in store.list_events()] == ["d1-e1", "m1-e1"]
    assert [e.event.id for e in store.list_events(limit=5)] == ["d1-e1", "m1-e1"]
    assert [e.event.id for e in store.list_events(until=dt.date(2023, 12, 31))] == ["m1-e1"]
    assert [e.event.id for e in store.list_events(since=dt.date(2024, 1, 1))] == ["d1-e1"]
    # an analyst who gives its day: the day replaces the month
    store.review_event("m1", "m1-e1", action="correct", reviewer="amira", changes={"event_date": "2023-12-19"})
    [back] = store.get_extraction("m1").events
    assert (back.event_date, back.event_month) == (dt.date(2023, 12, 19), None)


def test_list_events_filters(store):
    d1 = doc()
    store.add_document(d1, extraction(d1))
    text2 = "Police arrested twelve protesters in Baghdad on 2 February."
    d2 = doc("d2", text=text2, title="Baghdad arrests", published=dt.date(2024, 2, 2))
    ev2 = Event(id="d2-e1", event_type="Strategic developments", sub_event_type="Arrests",
                evidence=span(text2, "Police arrested twelve protesters"), actor1="police-of-iraq",
                actor2="protesters-iraq", country="Iraq", location="Baghdad", event_date=None, status="reported")
    store.add_document(d2, Extraction(document=d2, events=[ev2]))

    assert [e.event.id for e in store.list_events()] == ["d2-e1", "d1-e1"]  # newest first (published date)
    assert [e.event.id for e in store.list_events(actor="islamic-resistance-in-iraq")] == ["d1-e1"]  # associated
    assert [e.event.id for e in store.list_events(actor="Military Forces of Iraq (2022-)")] == []
    assert [e.event.id for e in store.list_events(actor="Kataib Hezbollah")] == ["d1-e1"]  # by stored name
    assert [e.event.id for e in store.list_events(event_type="arrests")] == ["d2-e1"]
    assert [e.event.id for e in store.list_events(since=dt.date(2024, 2, 1))] == ["d2-e1"]  # falls back on published
    assert [e.event.id for e in store.list_events(until=dt.date(2024, 1, 31))] == ["d1-e1"]
    assert [e.event.id for e in store.list_events(status="claimed", country="IRAQ")] == ["d1-e1"]
    assert store.list_events(country="Syria") == []
    assert len(store.list_events(limit=1)) == 1
    recent = store.events_involving("kataib-hezbollah", since=dt.date(2024, 1, 1))
    assert [(e.document_id, e.source) for e in recent] == [("d1", "Wire")]
    assert store.actor_directory(["kataib-hezbollah"])["kataib-hezbollah"].acled_name == "Kataib Hezbollah"


def test_min_confidence_keeps_confident_and_reviewed_events(store):
    """min_confidence: the events scored at or above it, and those an analyst accepted or corrected
    whatever their score; an unscored, unreviewed event is left out. Lists, counts and aggregates agree."""
    text = ("Gunmen killed two soldiers in Kirkuk. A bomb hit a market in Mosul. Shelling hit Tikrit. "
            "Clashes broke out in Samarra.")
    d = doc("c1", text=text, title="Four incidents")

    def ev(id_: str, needle: str, location: str, confidence: float | None) -> Event:
        return Event(id=id_, event_type="Violence against civilians", sub_event_type="Attack",
                     evidence=span(text, needle), country="Iraq", location=location, latitude=35.0,
                     longitude=44.0 + len(id_), event_date=dt.date(2024, 3, int(id_[-1])), status="reported",
                     coder="rules.v1" if confidence is not None else "other.v1", confidence=confidence)
    events = [ev("c1-e1", "Gunmen killed", "Kirkuk", 0.91), ev("c1-e2", "A bomb hit", "Mosul", 0.7),
              ev("c1-e3", "Shelling hit", "Tikrit", 0.35), ev("c1-e4", "Clashes broke out", "Samarra", None)]
    store.add_document(d, Extraction(document=d, events=events))

    def ids(**kw) -> list[str]:
        return sorted(e.event.id for e in store.list_events(**kw))
    assert ids() == ["c1-e1", "c1-e2", "c1-e3", "c1-e4"]
    assert ids(min_confidence=0.7) == ["c1-e1", "c1-e2"]          # at the bar is kept
    assert ids(min_confidence=0.0) == ["c1-e1", "c1-e2", "c1-e3"]  # unscored: never shown to reach a bar
    assert ids(min_confidence=1.0) == []
    assert store.count_events(min_confidence=0.7) == 2
    assert store.count_incidents(min_confidence=0.7) == 2
    assert sum(p.count for p in store.event_places(min_confidence=0.7)) == 2
    assert sum(d.count for d in store.event_days(min_confidence=0.7)) == 2
    assert dict(store.event_counts("location", min_confidence=0.7)) == {"Kirkuk": 1, "Mosul": 1}

    # reviewed: an analyst's accept or correction keeps the event above any bar; a rejection still hides it
    store.review_event("c1", "c1-e3", action="accept", reviewer="amira")
    store.review_event("c1", "c1-e4", action="correct", reviewer="amira", changes={"fatalities": 1})
    store.review_event("c1", "c1-e2", action="reject", reviewer="amira")
    assert ids(min_confidence=0.7) == ["c1-e1", "c1-e3", "c1-e4"]
    assert store.count_events(min_confidence=0.99) == 2
    assert ids(min_confidence=0.7, include_rejected=True) == ["c1-e1", "c1-e2", "c1-e3", "c1-e4"]
    # the machine's score stays in the row (and in exports) after review
    assert {e.event.id: e.event.confidence for e in store.list_events()}["c1-e3"] == 0.35


@pytest.mark.parametrize("bad", [-0.1, 1.5, float("nan")])
def test_min_confidence_out_of_range_is_an_input_error(bad):
    from conflictdesk.errors import InputError
    from conflictdesk.store import EventFilter

    with pytest.raises(InputError, match="min_confidence"):
        EventFilter(min_confidence=bad)


def test_errors_are_recorded_and_listed(store):
    store.record_error(Failure(origin="feeds/bad.xml", stage="read", code="E105", message="not a feed"))
    store.record_error(Failure(origin="a.txt", stage="extract", code="E401", message="boom", document_id="d9"))
    errors = store.list_errors()
    assert [(e.origin, e.code, e.document_id) for e in errors] == [("a.txt", "E401", "d9"),
                                                                    ("feeds/bad.xml", "E105", None)]
    assert [e.stage for e in store.list_errors(stage="read")] == ["read"]


def test_unusable_database_url_is_a_store_error(tmp_path):
    with pytest.raises(StoreError) as info:
        Store(f"sqlite:///{tmp_path / 'missing-dir' / 'x.sqlite'}")
    assert info.value.code == "E200"
    with pytest.raises(StoreError):
        Store("nosuchdialect://x")


def test_lengths_postgresql_enforces_are_kept_on_sqlite_too(tmp_path):
    from conflictdesk.errors import StoreError
    from conflictdesk.records import Document

    with Store(f"sqlite:///{tmp_path / 'len.sqlite'}") as store:
        long_source = "Syndicated " * 40
        store.add_document(Document(id="len-1", text="Clashes were reported in Deir ez-Zor on Monday.", origin="t",
                                    source=long_source))
        stored = store.get_document("len-1").source
        assert len(stored) == 300 and stored.endswith("…") and long_source.startswith(stored[:-1])
        with pytest.raises(StoreError) as err:
            store.add_document(Document(id="x" * 201, text="A second report from Raqqa.", origin="t"))
        assert err.value.code == "E202"


def test_search_finds_any_of_several_spellings(store):
    store.add_document(doc())
    store.add_document(doc("d2", text="Hizballah fighters were seen near the border, residents said.",
                           title="Border report"))
    store.add_document(doc("d3", text="Hezbollah denied any role in the clashes.", title="Denial"))
    assert [d.id for d in store.search_documents("Hizballah")] == ["d2"]
    assert {d.id for d in store.search_documents(["Hezbollah", "Hizballah"])} == {"d1", "d2", "d3"}
    assert {d.id for d in store.search_documents(["Kataib Hezbollah", "rockets"])} == {"d1"}  # each form whole
    assert store.search_documents([]) == []


def test_paged_event_lists_keep_one_order_whichever_query_makes_them(store, monkeypatch):
    """The first pages are two index walks merged (dated events, undated ones by their documents'
    dates); deeper pages one sorted query. Both give the order of the one rule: the event's date,
    else its document's, newest first, no date at all last, ties newest stored first."""
    import conflictdesk.store.database as database

    dates = [(dt.date(2024, 1, 5), dt.date(2024, 1, 9)), (None, dt.date(2024, 1, 7)), (dt.date(2024, 1, 7), None),
             (None, None), (dt.date(2024, 1, 5), dt.date(2024, 1, 1)), (None, dt.date(2024, 1, 9)), (None, None),
             (dt.date(2024, 1, 9), dt.date(2024, 1, 2))]
    for n, (event_date, published) in enumerate(dates):
        text = f"Police arrested {n + 2} protesters in Baghdad."
        d = doc(f"o{n}", text=text, title=f"arrests {n}", published=published)
        ev = Event(id=f"o{n}-e1", event_type="Strategic developments", sub_event_type="Arrests",
                   evidence=span(text, "Police arrested"), country="Iraq", event_date=event_date, status="reported")
        store.add_document(d, Extraction(document=d, events=[ev]))
    expected = ["o7-e1", "o5-e1", "o2-e1", "o1-e1", "o4-e1", "o0-e1", "o6-e1", "o3-e1"]
    for split in (database.SPLIT_LIST_ROWS, 0):
        monkeypatch.setattr(database, "SPLIT_LIST_ROWS", split)
        assert [e.event.id for e in store.list_events()] == expected
        pages = [store.list_events(limit=3, offset=o) for o in (0, 3, 6)]
        assert [e.event.id for page in pages for e in page] == expected
        assert [e.event.id for e in store.list_events(country="Iraq", limit=4, offset=2)] == expected[2:6]

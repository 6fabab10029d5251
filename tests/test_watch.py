"""`watch`: watched feeds polled against a real feed server on loopback (tests/feed_server.py),
on SQLite and on PostgreSQL: new entries stored as they arrive, conditional GETs, a feed that
changes between polls, errors and back-off, redirects, a stalled server, politeness per host,
state that survives a restart, and two watchers sharing one list.

Time between polls is passed as `now` (no test waits for a schedule); the server is reached
through `fetcher_for(server)`, the guard's tests-only door for this one loopback address."""
from __future__ import annotations

import datetime as dt
import threading

import pytest

from conflictdesk.store import Store
from conflictdesk.watch import FeedList, HostPacer, WatchSource, Watcher, next_poll
from feed_server import FeedServer, fetcher_for

T0 = dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.timezone.utc)
EVERY = 900.0


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


@pytest.fixture()
def server():
    with FeedServer() as running:
        yield running


def _watcher(store: Store, server: FeedServer, *paths: str, politeness: float = 0.0, timeout: float = 5.0,
             **kwargs) -> Watcher:
    sources = tuple(WatchSource(url=server.base + p, name=p.strip("/"), every=EVERY, timeout=timeout) for p in paths)
    return Watcher(store, FeedList(sources, politeness=politeness), fetcher=fetcher_for(server), **kwargs)


def test_new_entries_are_stored_then_a_conditional_get_then_only_what_changed(new_db_url, server):
    url = new_db_url("watch")
    with Store(url) as store:
        watcher = _watcher(store, server, "/feed.xml")
        [first] = watcher.poll_due(T0)
        assert (first.status, first.entries, first.summary.ingested) == ("new", 2, 2)
        assert server.paths() == ["/feed.xml", "/articles/1.html", "/articles/2.html"]
        docs = {d.title: d for d in store.list_documents()}
        assert set(docs) == {"Militants attack army post near Mosul", "Protesters rally in Basra over water shortages"}
        mosul = docs["Militants attack army post near Mosul"]
        assert mosul.text.startswith("Militants attacked an army checkpoint near Mosul")   # the article, not the summary
        assert mosul.url == server.base + "/articles/1.html" and mosul.origin == server.base + "/feed.xml#entry1"

        server.clear()
        assert watcher.poll_due(at(10)) == []            # not due yet: nothing asked
        assert server.paths() == []
        [second] = watcher.poll_due(at(15))              # due: a conditional GET, answered 304
        assert second.status == "not_modified" and second.next_poll == at(30)
        [asked] = server.asked("/feed.xml")
        assert asked.get("If-None-Match", "").startswith('"') and asked.get("If-Modified-Since")
        assert server.paths() == ["/feed.xml"]

        server.clear()
        server.feed = [3, 1, 2]                          # the feed changes: one new entry on top
        [third] = watcher.poll_due(at(30))
        assert (third.status, third.entries, third.summary.ingested) == ("new", 1, 1)
        assert server.paths() == ["/feed.xml", "/articles/3.html"]   # seen entries are not fetched again
        assert store.count_documents() == 3
        [state] = store.watch_states([server.base + "/feed.xml"])
        assert (state.health, state.polls, state.documents, state.failures) == ("ok", 3, 3, 0)
        assert state.last_success == at(30) and state.next_poll == at(45) and state.last_error is None


def test_a_restarted_watcher_goes_on_where_the_last_one_stopped(new_db_url, server):
    url = new_db_url("restart")
    with Store(url) as store:
        _watcher(store, server, "/feed.xml").poll_due(T0)
    server.clear()
    server.feed = [1, 2, 4]
    with Store(url) as reopened:                           # a new process: everything from the store
        watcher = _watcher(reopened, server, "/feed.xml")
        assert watcher.poll_due(at(5)) == []             # the schedule survived
        [report] = watcher.poll_due(at(15))
        assert (report.entries, report.summary.ingested) == (1, 1)
        assert server.paths() == ["/feed.xml", "/articles/4.html"]
        assert server.asked("/feed.xml")[0].get("If-None-Match")   # the ETag survived
        assert reopened.count_documents() == 3


def test_a_failing_source_backs_off_records_its_errors_and_recovers(new_db_url, server):
    with Store(new_db_url("backoff")) as store:
        watcher = _watcher(store, server, "/flaky.xml", "/feed.xml")
        flaky, good = watcher.poll_due(T0)
        assert flaky.status == "failed" and flaky.failure.code == "E110" and "HTTP 500" in flaky.failure.message
        assert flaky.next_poll == at(30) and good.status == "new"      # one failure: twice the interval
        assert watcher.poll_due(at(15)) == [] or all(r.source.url.endswith("/feed.xml")
                                                        for r in watcher.poll_due(at(15)))
        server.clear()
        [again] = [r for r in watcher.poll_due(at(30)) if r.source.url.endswith("/flaky.xml")]
        assert again.status == "failed" and again.next_poll == at(30 + 60)   # two in a row: four times
        [state] = store.watch_states([server.base + "/flaky.xml"])
        assert (state.health, state.failures, state.last_error_code) == ("failing", 2, "E110")
        assert state.last_error_at == at(30) and state.last_success is None
        errors = store.list_errors(stage="fetch")
        assert len(errors) == 2 and all(e.origin == server.base + "/flaky.xml" for e in errors)

        server.fail = False
        assert [r.source.url for r in watcher.poll_due(at(89))
                if r.source.url.endswith("/flaky.xml")] == []            # still backing off
        [back] = [r for r in watcher.poll_due(at(90)) if r.source.url.endswith("/flaky.xml")]
        assert back.status == "new" and back.summary.ingested == 1 and back.next_poll == at(105)
        [state] = store.watch_states([server.base + "/flaky.xml"])
        assert (state.health, state.failures, state.last_error_code) == ("ok", 0, "E110")  # the last error is kept


def test_back_off_grows_to_a_bound_and_never_below_the_interval():
    assert next_poll(T0, 600) == T0 + dt.timedelta(minutes=10)
    assert [next_poll(T0, 600, failures=n) - T0 for n in (1, 2, 3)] == [dt.timedelta(minutes=m) for m in (20, 40, 80)]
    assert next_poll(T0, 600, failures=40) == T0 + dt.timedelta(hours=6)
    assert next_poll(T0, 86_400, failures=3) == T0 + dt.timedelta(days=1)   # a daily source: never sooner


def test_redirects_are_followed_and_vetted_at_every_hop(new_db_url, server):
    with Store(new_db_url("redirect")) as store:
        moved, private = _watcher(store, server, "/moved.xml", "/to-private.xml").poll_due(T0)
        assert moved.status == "new" and moved.summary.ingested == 2
        assert private.status == "failed" and private.failure.code == "E111" and "10.0.0.1" in private.failure.message


def test_a_stalled_server_times_out_and_the_round_goes_on(new_db_url, server):
    with Store(new_db_url("timeout")) as store:
        slow, good = _watcher(store, server, "/slow.xml", "/feed.xml", timeout=0.5).poll_due(T0)
        assert slow.status == "failed" and slow.failure.code == "E110" and "Timeout" in slow.failure.message
        assert good.status == "new" and good.summary.ingested == 2


def test_what_is_not_a_feed_or_page_is_a_failure_of_that_source(new_db_url, server):
    with Store(new_db_url("notfeed")) as store:
        [bad] = _watcher(store, server, "/not-a-feed.xml").poll_due(T0)
        assert bad.status == "failed" and bad.failure.code == "E105"


def test_a_watched_page_is_stored_again_only_when_it_changes(new_db_url, server):
    with Store(new_db_url("page")) as store:
        watcher = _watcher(store, server, "/page.html")
        [first] = watcher.poll_due(T0)
        assert first.status == "new" and first.summary.ingested == 1
        assert watcher.poll_due(at(15))[0].status == "not_modified"
        server.page = server.page.replace(b"next week in Geneva", b"on Monday in Geneva, and that a ceasefire "
                                          b"committee would meet daily")
        [changed] = watcher.poll_due(at(30))
        assert changed.status == "new" and changed.summary.read == 1
        assert store.count_documents() == 2


def test_the_default_fetcher_refuses_loopback(new_db_url, server):
    with Store(new_db_url("guard")) as store:
        feeds = FeedList((WatchSource(url=server.base + "/feed.xml"),), politeness=0)
        [refused] = Watcher(store, feeds).poll_due(T0)
        assert refused.status == "failed" and refused.failure.code == "E111"
        assert server.paths() == []          # refused before connecting


def test_every_request_to_a_host_waits_its_turn(new_db_url, server):
    clock = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:     # the pacer's time, so the test does not wait
        slept.append(seconds)
        clock[0] += seconds

    with Store(new_db_url("polite")) as store:
        pacer = HostPacer(2.0, clock=lambda: clock[0], sleep=sleep)
        _watcher(store, server, "/feed.xml", "/page.html", pacer=pacer).poll_due(T0)
    assert server.paths() == ["/feed.xml", "/articles/1.html", "/articles/2.html", "/page.html"]
    assert slept == [2.0, 2.0, 2.0]        # the feed, its articles and the page: one host, one at a time


def test_the_pacer_waits_per_host():
    clock = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock[0] += seconds

    pacer = HostPacer(2.0, clock=lambda: clock[0], sleep=sleep)
    assert pacer.wait("https://a.example/feed") == 0
    assert pacer.wait("https://b.example/feed") == 0          # another host: no wait
    clock[0] += 0.5
    assert pacer.wait("https://A.example:8443/other") == 1.5   # same host, whatever the port or case
    assert pacer.wait("https://a.example/third") == 2.0
    assert slept == [1.5, 2.0]


def test_new_entries_are_extracted_as_they_arrive(new_db_url, server, nlp, kb):
    from functools import partial

    from conflictdesk.extract import extract_documents

    with Store(new_db_url("extract")) as store:
        watcher = _watcher(store, server, "/feed.xml", extractor=partial(extract_documents, nlp=nlp, kb=kb))
        [report] = watcher.poll_due(T0)
        assert report.summary.extracted == 2 and report.summary.events >= 2
        events = store.list_events()
        assert {e.event.event_type for e in events} >= {"Battles", "Protests"}
        assert all(store.is_extracted(d.id) for d in store.list_documents())


def test_two_watchers_on_one_list_poll_each_source_once(new_db_url, server):
    url = new_db_url("shared")
    paths = ("/feed.xml", "/page.html", "/moved.xml")
    reports: list[list] = []

    def run() -> None:
        with Store(url) as store:
            reports.append(_watcher(store, server, *paths).poll_due(T0))

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    polled = sorted(r.source.url for run_reports in reports for r in run_reports)
    assert polled == sorted(server.base + p for p in paths)      # each source by exactly one watcher
    asked = server.paths()
    assert (asked.count("/moved.xml"), asked.count("/page.html"), asked.count("/feed.xml")) == (1, 1, 2)  # one via /moved
    with Store(url) as store:
        assert store.count_documents() == 3        # the feed's two articles (also behind /moved.xml) and the page

"""Actors, the actor network and the dashboard (issue 11, items 2 and 3): a searchable actor
list that knows aliases, actor pages with dated leaders and a timeline of events and statements,
a weighted network of who fought whom with the knowledge base's relations, and a dashboard of
counts for a range. Over hand-coded events (SQLite and PostgreSQL)."""
from __future__ import annotations

import datetime as dt
import html
import re

import pytest

from conflictdesk.store import Store
from conflictdesk.web import WebApp
from conflictdesk.web.dashboard import DIGESTS
from html_support import Tags, assert_own_scripts_only
from web_support import Spec, call, document_with, fill

JAN = dt.date(2016, 1, 4)


@pytest.fixture(scope="module")
def store(new_db_url):
    docs = []
    for i in range(30):   # Islamic State against the Syrian army, a month of fighting
        docs.append(document_with(f"is-{i:02d}", [Spec(JAN + dt.timedelta(days=i), "Aleppo", fatalities=i % 3)],
                                  title=f"Clashes near Aleppo, day {i}"))
    for i in range(6):    # Kataib Hezbollah against Islamic State, in March
        docs.append(document_with(f"kh-{i}", [Spec(dt.date(2016, 3, 1 + i), "Fallujah", actor1="kataib-hezbollah",
                                                   actor2="islamic-state")],
                                  statements=[("kataib-hezbollah", f"We will strike the occupiers {i}.",
                                               ["threat"])] if i == 0 else ()))
    docs.append(document_with("hz-1", [Spec(dt.date(2016, 2, 10), "Beirut", "Protests", "Peaceful protest",
                                            actor1="hezbollah", actor2=None)]))
    with Store(new_db_url("actors-view")) as s:
        fill(s, docs)
        yield s


@pytest.fixture(scope="module")
def app(store):
    return WebApp(store)


def test_the_actor_list_is_browsable_and_finds_aliases(app, store):
    page = call(app, "/actors")
    assert page.code == 200
    rows = re.findall(r'<tr><td><bdi><a href="/actors/([^"]+)">', page.text)
    assert rows[:2] == ["islamic-state", "military-forces-of-syria"]     # most stored events first
    assert 'rel="next"' in page.text and "actors 1–50 of" in page.text  # the whole knowledge base, paged
    for query, first in (("Hizballah", "hezbollah"), ("ISIS", "islamic-state"), ("Daesh", "islamic-state"),
                         ("Kataib Hizballah", "kataib-hezbollah")):
        found = call(app, "/actors", f"q={query.replace(' ', '+')}")
        assert re.findall(r'<tr><td><bdi><a href="/actors/([^"]+)">', found.text)[0] == first, query
    typed = call(app, "/actors", "type=state_forces").text
    assert "military-forces-of-syria" in typed and 'href="/actors/islamic-state"' not in typed
    assert call(app, "/actors", "type=warlords").code == 400
    body = call(app, "/api/actors", "q=Hizballah&limit=3").json()
    assert body["ok"] is True and body["actors"][0]["id"] == "hezbollah" and body["actors"][0]["stored_events"] == 1


def test_an_actor_page_has_dated_leaders_affiliations_and_a_timeline(app, store):
    page = call(app, "/actors/kataib-hezbollah")
    assert page.code == 200
    text = html.unescape(re.sub(r"<[^>]+>", "", page.text))
    assert "Abu Mahdi al-Muhandis: Founder and commander, until 2020-01-03" in text   # the end date kept
    assert "Abu Hussein al-Hamidawi: Secretary-General, since 2021-01-01" in text
    assert "Affiliations" in text and "member of Axis of Resistance" in text
    items = re.findall(r'<li class="tl-(event|statement)"><span class="when">([\d-]+)</span>', page.text)
    assert ("statement", "2016-03-01") in items and sum(1 for k, _ in items if k == "event") == 6
    days = [d for _, d in items]
    assert days == sorted(days, reverse=True)                          # most recent first
    assert "We will strike the occupiers 0." in text and "threat" in text
    assert '<svg class="timeline"' in page.text
    assert "6 stored event(s)" in text


def test_the_network_weighs_who_fought_whom_and_draws_relations(app, store):
    body = call(app, "/api/network").json()
    fought = {(e["source"], e["target"]): e["weight"] for e in body["edges"] if e["kind"] == "fought"}
    assert fought[("islamic-state", "military-forces-of-syria")] == 30
    assert fought[("kataib-hezbollah", "islamic-state")] == 6
    march = call(app, "/api/network", "since=2016-03-01&until=2016-03-31").json()
    assert {(e["source"], e["target"]) for e in march["edges"] if e["kind"] == "fought"} == {
        ("kataib-hezbollah", "islamic-state")}                          # filtered by date
    around = call(app, "/api/network", "actor=Kataib+Hizballah").json()
    kinds = {(e["source"], e["kind"], e["target"]) for e in around["edges"]}
    assert ("kataib-hezbollah", "member_of", "axis-of-resistance") in kinds   # the knowledge base's relation
    page = call(app, "/network")
    assert page.code == 200
    svg = re.search(r'<svg class="network".*?</svg>', page.text, re.DOTALL).group(0)
    assert 'href="/actors/islamic-state"' in svg and "fought in 30 event(s)" in svg
    widths = {title.split(" fought")[0]: float(width) for width, title in re.findall(
        r'<line class="edge edge-fought"[^>]*stroke-width="([\d.]+)"[^>]*><title>([^<]+)</title>', svg)}
    assert widths["Islamic State and Military Forces of Syria"] > widths["Kataib Hezbollah and Islamic State"]
    assert call(app, "/network", "since=2016-05-01&until=2016-01-01").code == 400
    assert call(app, "/api/network", "actor=nobody-at-all-xyz").code == 400


def test_the_dashboard_counts_a_range_and_shows_the_latest_and_the_digest(app, store):
    week = DIGESTS.get(store, "2016-W09", wait=600)          # built in the background; wait for it here
    assert week is not None and week["stories"]
    page = call(app, "/", "since=2016-01-01&until=2016-03-06")
    assert page.code == 200
    text = html.unescape(re.sub(r"<[^>]+>", " ", page.text))
    total = store.count_incidents(since=dt.date(2016, 1, 1), until=dt.date(2016, 3, 6))
    assert total == store.count_events(since=dt.date(2016, 1, 1), until=dt.date(2016, 3, 6))   # one report each
    assert f"{total} incident(s) from 2016-01-01 to 2016-03-06" in " ".join(text.split())
    for country, n in store.event_counts("country", since=dt.date(2016, 1, 1), until=dt.date(2016, 3, 6)):
        assert re.search(rf'country={country}&amp;since=2016-01-01&amp;until=2016-03-06">{country}</a></td>'
                         rf'<td class="bar">.*?</td><td>{n}</td>', page.text)
    assert '<svg class="timeline"' in page.text and 'aria-label="Events per week"' in page.text
    assert "We will strike the occupiers 0." in text                  # the latest statements
    assert "Clashes near Aleppo, day 29" in text                       # the latest incidents
    assert "The week's digest: 2016-W09" in text
    digest = page.text.split('<ol class="digest">')[1].split("</ol>")[0]
    assert len(re.findall(r'<a href="/documents/kh-\d">Report kh-\d</a>', digest)) == len(week["stories"])
    default = call(app, "/")    # the last 90 days of data
    assert default.code == 200 and "incident(s) from 2015-12-08 to 2016-03-06" in default.text
    assert call(app, "/", "since=2016-04-01&until=2016-01-01").code == 400
    tags = Tags()
    tags.feed(default.text)
    assert_own_scripts_only(default.text, tags)


def test_document_search_expands_aliases_with_snippets(app):
    page = call(app, "/documents", "q=Aleppo")
    assert page.code == 200 and '<span class="snippet"' in page.text and "<mark>Aleppo</mark>" in page.text
    body = call(app, "/api/documents", "q=Falluja").json()
    assert "Fallujah" in body["forms"] and body["count"] == 6
    paged = call(app, "/documents", "q=Aleppo").text
    assert 'rel="next"' in paged and "documents 1–25" in paged

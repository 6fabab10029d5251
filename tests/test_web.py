"""The web app called in-process (WSGI), over a real SQLite store filled by the real `ingest`
command (reading, spaCy, extraction) from three project-written articles, one of them hostile."""
from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictdesk.cli import main
from conflictdesk.contract import extraction_dict
from conflictdesk.store import Store
from conflictdesk.web import CONTENT_SECURITY_POLICY, WebApp
from conflictdesk.web.markup import Highlight, highlight_text
from html_support import Tags, assert_own_scripts_only
from web_support import call

ARTICLES = Path(__file__).parent / "fixtures" / "web" / "articles.jsonl"
HOSTILE = "web-basra-hostile"
STRIKE = "web-deir-ez-zor-strike"
STATEMENT = "web-kataib-statement"
ERROR_KEYS = {"ok", "error", "errors", "status"}


@pytest.fixture(scope="module")
def db_url(web_articles_db) -> str:
    return web_articles_db


@pytest.fixture(scope="module")
def store(db_url):
    with Store(db_url) as s:
        yield s


@pytest.fixture(scope="module")
def app(store) -> WebApp:
    return WebApp(store)


def parse(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    return parser


def assert_no_injection(page: str) -> None:
    tags = parse(page)
    assert_own_scripts_only(page, tags)
    assert not [a for t, a in tags.tags if t == "img"]
    assert not [a for _, a in tags.tags if any(k.startswith("on") for k in a)], "an event-handler attribute"
    assert not [a for _, a in tags.tags if any((v or "").lower().startswith("javascript:") for v in a.values())]


# --- pages ------------------------------------------------------------------------------------
def test_home_is_the_dashboard_and_documents_are_listed(app):
    reply = call(app, "/")
    assert reply.code == 200 and reply.headers["content-type"].startswith("text/html")
    assert reply.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY and "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY
    assert reply.headers["x-content-type-options"] == "nosniff"
    assert "Latest incidents" in reply.text and "Air/drone strike" in reply.text
    assert_no_injection(reply.text)
    listed = call(app, "/documents")
    assert "Drone strike hits vehicle near Deir ez-Zor" in listed.text
    assert f'href="/documents/{STRIKE}"' in listed.text
    assert_no_injection(listed.text)


def test_home_search(app):
    reply = call(app, "/documents", "q=rockets")
    assert reply.code == 200
    assert STATEMENT in reply.text and f"/documents/{STRIKE}\"" not in reply.text
    hostile = call(app, "/documents", "q=" + "%22%3E%3Cscript%3Ealert(9)%3C%2Fscript%3E")
    assert hostile.code == 200
    assert "&#34;&gt;&lt;script&gt;alert(9)" in hostile.text
    assert_no_injection(hostile.text)


def test_document_page_escapes_hostile_text_and_highlights_evidence(app, store):
    reply = call(app, f"/documents/{HOSTILE}")
    assert reply.code == 200
    assert_no_injection(reply.text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in reply.text
    assert "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in reply.text
    assert 'href="javascript:' not in reply.text.lower()   # its url is shown as text, not linked
    doc = store.get_document(HOSTILE)
    article = re.search(r'<article class="doctext" dir="auto">(.*?)</article>', reply.text, re.DOTALL).group(1)
    # the highlighted text, with its marks removed and unescaped, is the document's text exactly
    assert html.unescape(re.sub(r"</?mark[^>]*>", "", article)) == doc.text
    marks = re.findall(r'<mark class="([^"]+)"', article)
    assert any("hl-event" in m for m in marks) and any("hl-place" in m for m in marks)


def test_document_page_marks_actors_and_statement_points(app, store):
    ex = store.get_extraction(STATEMENT)
    reply = call(app, f"/documents/{STATEMENT}")
    assert reply.code == 200
    assert 'class="hl-actor' in reply.text or "hl-actor " in reply.text
    if any(st.points for st in ex.statements):
        assert "hl-point" in reply.text
    for ev in ex.events:
        assert html.escape(ev.sub_event_type) in reply.text
    assert f'href="/api/documents/{STATEMENT}"' in reply.text and f'href="/briefs/{STATEMENT}"' in reply.text


def test_highlight_text_cuts_overlaps_and_escapes_each_piece():
    text = 'Militants <b>attacked</b> "Basra" & fled.'
    spans = [Highlight(0, 25, "event", 'event <e1>'), Highlight(0, 9, "actor", "actor"),
             Highlight(text.index('"Basra"') + 1, text.index('"Basra"') + 6, "place", "place"),
             Highlight(30, 999, "date", "out of range")]
    out = highlight_text(text, spans)
    assert out.startswith('<mark class="hl-actor hl-event" title="event &lt;e1&gt;; actor">Militants</mark>')
    assert "&lt;b&gt;attacked&lt;/b&gt;" in out and "<b>" not in out
    assert '<mark class="hl-place" title="place">Basra</mark>' in out
    assert html.unescape(re.sub(r"</?mark[^>]*>", "", out)) == text


def test_events_page_has_map_timeline_and_table(app, store):
    reply = call(app, "/events")
    assert reply.code == 200
    found = store.list_events(limit=500)
    located = [s for s in found if s.event.latitude is not None and s.event.longitude is not None]
    assert located, "the fixture articles give located events"
    svg_map = re.search(r'<svg class="map".*?</svg>', reply.text, re.DOTALL).group(0)
    assert f'aria-label="Map of {len(located)} event(s)' in svg_map      # every located event is drawn
    clusters = re.findall(r'<a class="cluster" href="(/events\?area=[^"]+)"><circle class="point"', svg_map)
    assert 1 <= len(clusters) <= len(located)
    assert '<path class="land"' in svg_map and "Syria" in svg_map     # Natural Earth outlines
    assert '<svg class="timeline"' in reply.text and "<rect x=" in reply.text
    assert reply.text.count("<tr>") == len(found) + 1
    assert 'href="/api/events?format=csv"' in reply.text
    assert_no_injection(reply.text)


def test_events_page_filters_and_echoes_them_escaped(app):
    reply = call(app, "/events", "country=Syria")
    assert reply.code == 200
    assert "Basra" not in reply.text.split("<table")[-1]
    assert 'href="/api/events?country=Syria&amp;format=csv"' in reply.text
    hostile = call(app, "/events", "country=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert hostile.code == 400 and "[E120] no country" in hostile.text     # an unknown value is said so
    assert "&lt;img src=x onerror=alert(1)&gt;" in hostile.text
    assert_no_injection(hostile.text)
    bad = call(app, "/events", "since=yesterday")
    assert bad.code == 400 and "YYYY-MM-DD" in bad.text


def test_events_page_shows_confidence_and_filters_by_it(app, store):
    every = store.list_events(limit=500)
    scored = [s.event.confidence for s in every if s.event.confidence is not None]
    # a threshold with events on both sides (the scores move when the confidence model is retrained)
    assert scored and min(scored) < max(scored), "the fixture articles give events of different confidence"
    floor = round((min(scored) + max(scored)) / 2, 3)
    reply = call(app, "/events")
    head = reply.text.split("<tbody>")[0].split('<table class="events">')[-1]
    assert re.findall(r"<th[^>]*>([^<]+)</th>", head) == ["date", "event", "actors", "location", "fatalities",
                                                         "confidence", "status", "document"]
    cells = re.findall(r"</td>\n<td>(\d+%)?</td>\n<td><span class=\"status-", reply.text)
    assert len(cells) == len(every)                       # one confidence cell a row, empty when unscored
    assert sorted(c for c in cells if c) == sorted(f"{round(c * 100)}%" for c in scored)
    assert 'name="min_confidence"' in reply.text          # the filter form has the field

    confident = call(app, "/events", f"min_confidence={floor}")
    assert confident.code == 200
    expected = store.count_events(min_confidence=floor)
    assert 0 < expected < len(every)
    assert confident.text.count("<tr>") == expected + 1
    assert f'value="{floor}"' in confident.text           # echoed in the form
    assert f'href="/api/events?min_confidence={floor}&amp;format=csv"' in confident.text   # downloads keep it
    hostile = call(app, "/events", "min_confidence=%22%3E%3Cimg%20src%3Dx%3E")
    assert hostile.code == 400 and "min_confidence" in hostile.text
    assert "<img src=x>" not in hostile.text
    assert_no_injection(hostile.text)
    assert call(app, "/events", "min_confidence=1.5").code == 400


def test_actor_page_shows_profile_and_stored_events(app, store):
    reply = call(app, "/actors/syrian-democratic-forces")
    assert reply.code == 200
    assert "Syrian Democratic Forces" in reply.text and "source" in reply.text
    involved = store.list_events(actor="syrian-democratic-forces")
    assert f"Timeline: {len(involved)} stored event(s)" in reply.text
    missing = call(app, "/actors/no-such-actor")
    assert missing.code == 404 and "no-such-actor" in missing.text


def test_errors_page_and_brief_page(app):
    reply = call(app, "/errors")
    assert reply.code == 200 and "E101" in reply.text
    brief = call(app, f"/briefs/{STRIKE}")
    assert brief.code == 200
    assert brief.headers["content-security-policy"] == CONTENT_SECURITY_POLICY     # the site's layout and stylesheet
    assert '<a href="/digest"' in brief.text and "<style" not in brief.text
    assert_no_injection(call(app, f"/briefs/{HOSTILE}").text)


def test_stylesheet_and_head(app):
    css = call(app, "/static/style.css")
    assert css.code == 200 and css.headers["content-type"].startswith("text/css") and "svg .land" in css.text
    head = call(app, "/", method="HEAD")
    assert head.code == 200 and head.body == b"" and int(head.headers["content-length"]) > 0


# --- API --------------------------------------------------------------------------------------
def test_api_documents_list_and_search(app):
    listed = call(app, "/api/documents").json()
    assert listed["ok"] is True and listed["count"] == 3
    assert {d["id"] for d in listed["documents"]} == {HOSTILE, STRIKE, STATEMENT}
    assert all("text" not in d for d in listed["documents"])
    found = call(app, "/api/documents", "q=tear+gas&limit=5").json()
    assert [d["id"] for d in found["documents"]] == [HOSTILE]
    assert found["documents"][0]["title"].startswith("Basra protest <script>")   # JSON keeps the data as is


def test_api_document_is_the_contract_json(app, store):
    reply = call(app, f"/api/documents/{STATEMENT}")
    assert reply.code == 200
    body = reply.json()
    assert set(body) == {"ok", "extraction"} and body["ok"] is True
    data = body["extraction"]
    assert data == json.loads(json.dumps(extraction_dict(store.get_extraction(STATEMENT)), default=str))
    text = data["document"]["text"]
    for ev in data["events"]:
        assert text[ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["text"]
    assert {"document", "actors", "people", "relations", "events", "statements"} <= set(data)


def test_api_events_formats_and_filters(app, store):
    every = call(app, "/api/events").json()
    assert every["ok"] is True and every["count"] == len(store.list_events())
    syria = call(app, "/api/events", "country=Syria").json()
    assert syria["count"] >= 1 and {e["country"] for e in syria["events"]} == {"Syria"}
    assert all(e["document_id"] == STRIKE for e in syria["events"])
    typed = call(app, "/api/events", "type=Protests").json()
    assert typed["count"] >= 1 and {e["event_type"] for e in typed["events"]} == {"Protests"}
    dated = call(app, "/api/events", "since=2024-03-12&until=2024-03-31").json()
    assert dated["count"] >= 1 and all(e["document_id"] != STRIKE for e in dated["events"])
    geo = call(app, "/api/events", "format=geojson")
    assert geo.headers["content-type"].startswith("application/geo+json")
    features = geo.json()["features"]
    assert features and all(f["geometry"]["type"] == "Point" for f in features)
    csv_reply = call(app, "/api/events", "format=csv&country=Syria")
    assert csv_reply.headers["content-type"].startswith("text/csv")
    header, *rows = csv_reply.text.strip().splitlines()
    assert header.startswith("event_id_cnty,event_date,year") and len(rows) == syria["count"]
    # the README's mentions=1: one row per report, never fewer than one per incident
    reports = call(app, "/api/events", "mentions=1")
    assert reports.code == 200 and reports.json()["count"] >= every["count"]


def test_api_events_min_confidence(app, store):
    body = call(app, "/api/events", "min_confidence=0.7&limit=500").json()
    expected = store.list_events(min_confidence=0.7)
    assert body["ok"] is True and body["count"] == len(expected) > 0
    assert [e["id"] for e in body["events"]] == [s.event.id for s in expected]
    assert all(e["confidence"] >= 0.7 for e in body["events"])   # no reviewed event in the fixture
    summary = call(app, "/api/events/summary", "min_confidence=0.7").json()
    assert summary["ok"] is True
    features = call(app, "/api/events", "min_confidence=0.7&format=geojson").json()["features"]
    assert features and all(f["properties"]["confidence"] >= 0.7 for f in features)
    header = call(app, "/api/events", "min_confidence=0.7&format=csv").text.splitlines()[0].split(",")
    assert "confidence" not in header


def test_api_actor_profile(app, store):
    body = call(app, "/api/actors/kataib-hezbollah").json()
    data = body["actor"]
    assert data["id"] == "kataib-hezbollah" and data["name"] == "Kataib Hezbollah" and data["source"]
    assert body["ok"] is True and body["stored_events"] == len(store.list_events(actor="kataib-hezbollah"))


def test_api_errors_and_brief(app):
    errors = call(app, "/api/errors").json()
    assert errors["ok"] is True and errors["count"] == 1
    assert errors["errors"][0]["code"] == "E101" and errors["errors"][0]["stage"] == "read"
    body = call(app, f"/api/briefs/{STRIKE}").json()
    assert body["ok"] is True and body["brief"]["document_id"] == STRIKE and body["brief"]["sections"]


def test_api_stix_bundle(app):
    bundle = call(app, "/api/events.stix", "country=Syria").json()
    assert bundle["type"] == "bundle"
    events = [o for o in bundle["objects"] if o["type"] == "x-conflictdesk-event"]
    assert events and all(o["country"] == "Syria" for o in events)


@pytest.mark.parametrize(("path", "query", "method", "status"), [
    ("/api/documents/no-such-document", "", "GET", 404),
    ("/api/actors/no-such-actor", "", "GET", 404),
    ("/api/briefs/no-such-document", "", "GET", 404),
    ("/api/no-such-endpoint", "", "GET", 404),
    ("/api/events", "since=2024-13-01", "GET", 400),
    ("/api/events", "since=2024-03-10&until=2024-03-01", "GET", 400),
    ("/api/events", "status=rumoured", "GET", 400),
    ("/api/events", "format=xml", "GET", 400),
    ("/api/events", "min_confidence=1.5", "GET", 400),
    ("/api/events", "min_confidence=-0.1", "GET", 400),
    ("/api/events", "min_confidence=high", "GET", 400),
    ("/api/events", "min_confidence=nan", "GET", 400),
    ("/api/events/summary", "min_confidence=2", "GET", 400),
    ("/api/events.stix", "min_confidence=70", "GET", 400),
    ("/api/documents", "limit=0", "GET", 400),
    ("/api/documents", "limit=ten", "GET", 400),
    ("/api/documents", "", "POST", 405),
])
def test_api_error_shape(app, path, query, method, status):
    reply = call(app, path, query, method)
    assert reply.code == status
    body = reply.json()
    assert set(body) == ERROR_KEYS
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], list) and all(isinstance(e, str) for e in body["errors"])


def test_unexpected_failure_is_a_500_without_details(store, monkeypatch):
    app = WebApp(store)

    def broken(*_args, **_kwargs):
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(app.store, "list_documents", broken)
    reply = call(app, "/api/documents")
    assert reply.code == 500 and set(reply.json()) == ERROR_KEYS
    assert "secret" not in reply.text
    page = call(app, "/documents")
    assert page.code == 500 and "secret" not in page.text


def test_store_error_maps_to_500_with_code(store, monkeypatch):
    from conflictdesk.errors import StoreError

    app = WebApp(store)

    def failing(*_args, **_kwargs):
        raise StoreError("cannot list events (sqlite): disk I/O error")

    monkeypatch.setattr(app.store, "list_events", failing)
    body = call(app, "/api/events").json()
    assert body["status"] == 500 and body["error"].startswith("[E200]")


# --- the serve command ------------------------------------------------------------------------
def test_serve_help():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0 and "--host" in result.output and "127.0.0.1" in result.output


def test_serve_command_answers_on_loopback(db_url):
    proc = subprocess.Popen([sys.executable, "-m", "conflictdesk", "--db", db_url, "serve", "--port", "0"],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        line = proc.stderr.readline()
        match = re.search(r"serving (http://127\.0\.0\.1:\d+)/", line)
        assert match, line
        with urllib.request.urlopen(match.group(1) + "/api/documents?limit=2", timeout=30) as resp:
            data = json.loads(resp.read())
        assert data["ok"] is True and data["count"] == 2
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        proc.stderr.close()


# --- one API shape, parameters checked --------------------------------------------------------
def test_api_index_is_generated_from_the_routes(app):
    from conflictdesk.web.routes import ROUTES

    body = call(app, "/api").json()
    assert body["ok"] is True
    listed = {(e["method"], e["path"]) for e in body["endpoints"]}
    assert listed == {(r.method, r.display_path) for r in ROUTES if r.is_api}
    assert ("GET", "/api/documents/{document_id}") in listed
    assert all(e["description"] for e in body["endpoints"])
    events = next(e for e in body["endpoints"] if e["path"] == "/api/events")
    assert {"country", "since", "limit", "offset", "format"} <= set(events["parameters"])


@pytest.mark.parametrize("path", ["/api", "/api/documents", "/api/documents?q=drone", f"/api/documents/{STRIKE}",
                                  "/api/events", "/api/actors/kataib-hezbollah", "/api/errors",
                                  f"/api/briefs/{STRIKE}"])
def test_every_json_success_has_the_one_shape(app, path):
    where, _, query = path.partition("?")
    reply = call(app, where, query)
    assert reply.code == 200
    body = reply.json()
    assert isinstance(body, dict) and body["ok"] is True and "error" not in body
    lists = [k for k, v in body.items() if isinstance(v, list) and k != "parameters"]
    if lists and where != "/api":
        assert body["count"] == len(body[lists[0]])


@pytest.mark.parametrize(("path", "query"), [
    ("/api/documents", "offset=-5"),
    ("/api/documents", "limit=abc"),
    ("/api/documents", "limit=-1"),
    ("/api/documents", "colour=red"),
    ("/api/documents", "q=drone&sort="),
    ("/api/events", "offset=-5"),
    ("/api/events", "offset=1.5"),
    ("/api/events", "countri=Syria"),
    ("/api/events", "min_confidence=1.01"),
    ("/api/events", "minconfidence=0.7"),
    ("/api/events.stix", "format=json"),
    ("/api/errors", "offset=3"),
    ("/api/actors/kataib-hezbollah", "limit=3"),
    ("/api", "x=1"),
])
def test_unknown_or_negative_api_parameters_are_a_400_in_the_error_shape(app, path, query):
    reply = call(app, path, query)
    assert reply.code == 400, reply.text
    body = reply.json()
    assert set(body) == ERROR_KEYS and body["ok"] is False and body["status"] == 400
    name = query.split("=")[0].split("&")[-1] if "&" not in query else query.split("&")[1].split("=")[0]
    assert name in body["error"] + " ".join(body["errors"])


def test_api_lists_page_with_offset(app, store):
    every = call(app, "/api/events").json()["events"]
    assert len(every) >= 2
    second = call(app, "/api/events", "limit=1&offset=1").json()
    assert second["offset"] == 1 and second["limit"] == 1 and second["count"] == 1
    assert second["events"][0] == every[1]
    docs = call(app, "/api/documents", "limit=2&offset=1").json()
    assert [d["id"] for d in docs["documents"]] == [d.id for d in store.list_documents(limit=2, offset=1)]


# --- the events page does not grow with the store ---------------------------------------------
def test_events_page_is_paged(store, monkeypatch):
    import conflictdesk.web.eventsview as events_module

    app = WebApp(store, cache=False)     # pages rendered now, with the smaller page size

    total = store.count_events()
    assert total == len(store.list_events()) >= 3
    monkeypatch.setattr(events_module, "PAGE_EVENTS", 2)
    seen: list[str] = []
    url, query = "/events", ""
    for _ in range(total):
        reply = call(app, url, query)
        assert reply.code == 200
        table = reply.text.split('<table class="events">')[1].split("</table>")[0]
        rows = table.count("<tr>") - 1
        assert 1 <= rows <= 2
        seen.append(table)
        assert f"of {total}" in reply.text
        older = re.search(r'<a rel="next" href="([^"]+)"', reply.text)
        if older is None:
            break
        url, _, query = html.unescape(older.group(1)).partition("?")
    assert sum(t.count("<tr>") - 1 for t in seen) == total and len(seen) == -(-total // 2)
    assert call(app, "/events", "offset=-1").code == 400


# --- bidirectional controls in untrusted text -------------------------------------------------
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def bidi_app(new_db_url, tmp_path_factory):
    first = json.loads(ARTICLES.read_text(encoding="utf-8").splitlines()[0])
    first.update(id="web-bidi", title="Drone strike report \u202eexe.fdp\u202c and \u2067more\u2069",
                 source="Levant \u202bDesk\u202c")
    first["text"] = first["text"].replace("A drone strike", "A drone \u202estrike\u202c", 1)
    path = tmp_path_factory.mktemp("bidi") / "bidi.jsonl"
    path.write_text(json.dumps(first) + "\n", encoding="utf-8")
    url = new_db_url("web-bidi")
    result = CliRunner().invoke(main, ["--db", url, "ingest", str(path)])
    assert result.exit_code == 0, result.output
    with Store(url) as store:
        yield WebApp(store), store


def test_bidi_controls_are_neutralised_and_titles_isolated_on_every_page(bidi_app):
    app, store = bidi_app
    events = store.list_events()
    assert events, "the article should give at least one event"
    actor_id = next(a for s in events for a in (s.event.actor1, s.event.actor2) if a)
    for page in ("/", "/events", "/documents/web-bidi", f"/actors/{actor_id}", "/briefs/web-bidi"):
        reply = call(app, page)
        assert reply.code == 200, page
        assert not BIDI.search(reply.text), f"{page} shows a bidi control"
        assert "Drone strike report exe.fdp and more" in html.unescape(reply.text), page
    for page in ("/", "/events", "/documents/web-bidi", f"/actors/{actor_id}"):
        text = call(app, page).text
        assert re.search(r"<bdi>(<a [^>]*>)?Drone strike report exe\.fdp", text), page
    # the JSON API keeps the data as stored
    assert "\u202e" in call(app, "/api/documents/web-bidi").json()["extraction"]["document"]["title"]

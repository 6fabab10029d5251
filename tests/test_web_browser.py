"""The pages in a real browser: headless Chromium against the server on 127.0.0.1 (a free port,
in a thread), over a store filled by the real `ingest` command and one hand-coded hostile document.
Every page is loaded and checked by its structure (landmarks, elements, links; not pixels) and for
hostile text shown as text; the review flow (sign in, correct, reject, relabel; a forged cross-site
form) and the map's script are driven through chromedriver (`browser_support.py`). Skipped, with
the reason, where Chromium is not installed (`apt-get install chromium chromium-driver`), unless
CONFLICTDESK_REQUIRE_BROWSER is set (`.ci/run` installs Chromium and sets it): then they fail."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import datetime as dt
import http.server
import json
import threading
import time
import urllib.request

from conflictdesk.cli import main
from conflictdesk.records import Actor, Document, Event, Extraction, Point, Span, Statement
from conflictdesk.store import Store
from conflictdesk.web import WebApp, serve_in_thread
from browser_support import CHROMEDRIVER, ELEMENT, Browser
from html_support import Tags

ARTICLES = Path(__file__).parent / "fixtures" / "web" / "articles.jsonl"
# CONFLICTDESK_CHROMIUM names another binary (a path that does not exist: skip these tests)
CHROMIUM = next((p for p in ((os.environ["CONFLICTDESK_CHROMIUM"],) if "CONFLICTDESK_CHROMIUM" in os.environ else
                             ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")))
                 if p and Path(p).exists()), None)
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1280,900")

NO_BROWSER = "Chromium is not installed (/usr/bin/chromium); the in-process WSGI tests still cover the pages"


@pytest.fixture(autouse=True)
def _needs_chromium():
    if CHROMIUM is None:
        if os.environ.get("CONFLICTDESK_REQUIRE_BROWSER"):
            pytest.fail(NO_BROWSER + " (CONFLICTDESK_REQUIRE_BROWSER is set)")
        pytest.skip(NO_BROWSER)


TOKEN = "browser-review-token-42"
# hostile text that would mark the page if it ever ran or became markup
PWN = "document.body.dataset.pwned"
HOSTILE = {
    "script": f"<script>{PWN}=1</script>",
    "handler": f'"><img src=x onerror="{PWN}=2">',
    "svg": f'<svg onload="{PWN}=3"><circle r="40"></circle></svg>',
    "url": f"javascript:{PWN}=4",
}
HOSTILE_DOC = "web-hostile-coded"


def hostile_document():
    """A document whose every displayed field is hostile: title, source, URL, text, an actor's
    name, an event's place and notes, a statement point."""
    text = ("Fighters of " + HOSTILE["svg"] + " attacked a checkpoint near " + HOSTILE["handler"] + ". "
            + "A statement read " + HOSTILE["script"] + " and " + HOSTILE["url"] + ".")
    evidence = Span(0, text.index(". ") + 1, text[:text.index(". ") + 1])
    point_start = text.index("A statement")
    point = Point(text=text[point_start:], start=point_start, end=len(text), labels=["threat"])
    actor = Actor(id="hostile-actor", name="Militia " + HOSTILE["svg"], type="political_militia", known=False,
                  aliases=[HOSTILE["handler"]])
    event = Event(id="e1", event_type="Battles", sub_event_type="Armed clash", evidence=evidence, actor1="hostile-actor",
                  actor2="military-forces-of-syria", country="Syria", location="Tal " + HOSTILE["handler"],
                  latitude=35.1, longitude=38.9, geo_precision=1, event_date=dt.date(2024, 3, 9), time_precision=1,
                  fatalities=2, notes=HOSTILE["script"], rule="test", coder="rules.v1")
    doc = Document(id=HOSTILE_DOC, text=text, title="Checkpoint " + HOSTILE["svg"] + " " + HOSTILE["script"],
                   published=dt.date(2024, 3, 10), source=HOSTILE["handler"], url=HOSTILE["url"], format="text")
    statement = Statement(id="s1", actor="hostile-actor", date=dt.date(2024, 3, 10), points=[point],
                          evidence=Span(point_start, len(text), text[point_start:]))
    return Extraction(document=doc, actors=[actor, Actor(id="military-forces-of-syria", name="Military Forces of Syria",
                                                         type="state_forces")], events=[event], statements=[statement])


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'browser.sqlite'}"
    result = CliRunner().invoke(main, ["--db", url, "ingest", str(ARTICLES)])
    assert result.exit_code == 0, result.output
    with Store(url) as store:
        ex = hostile_document()
        store.add_document(ex.document, ex)
        with serve_in_thread(WebApp(store, reviewers={"Amira Haddad": TOKEN})) as base:   # her token names her
            yield base, store


@pytest.fixture(scope="module")
def base_url(served):
    return served[0]


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                          text=True, timeout=120, check=False)


def dom(tmp_path: Path, url: str) -> Tags:
    result = chromium(tmp_path, "--dump-dom", url)
    assert result.returncode == 0, result.stderr[-2000:]
    parsed = Tags()
    parsed.feed(result.stdout)
    return parsed


def screenshot(tmp_path: Path, url: str, name: str) -> Path:
    out = tmp_path / name
    result = chromium(tmp_path, f"--screenshot={out}", url)
    assert result.returncode == 0, result.stderr[-2000:]
    assert out.exists() and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 10_000
    return out


OWN_SVG = {"map", "timeline", "network"}


def assert_nothing_injected(page: Tags) -> None:
    assert all((a.get("src") or "").startswith("/static/") for t, a in page.tags if t == "script")
    assert not [a for t, a in page.tags if t == "img"]
    assert not [a for _, a in page.tags if any(k.startswith("on") for k in a)]
    assert not [a for t, a in page.tags if t == "a" and (a.get("href") or "").lower().startswith("javascript:")]
    # every svg is one of ours: a chart, or a legend swatch / bar hidden from assistive technology
    assert all(a.get("class") in OWN_SVG or a.get("aria-hidden") == "true" for t, a in page.tags if t == "svg")
    assert not [a for t, a in page.tags if t == "body" and "data-pwned" in a]


def test_events_page_in_chromium(base_url, tmp_path):
    page = dom(tmp_path, base_url + "/events")
    text = " ".join(page.text)
    assert "Events" in text and "Air/drone strike" in text and "Deir ez-Zor" in text
    svgs = [a.get("class") for t, a in page.tags if t == "svg"]
    assert "map" in svgs and "timeline" in svgs
    assert len([a for t, a in page.tags if t == "circle" and a.get("class") == "point"]) >= 1
    assert len([a for t, a in page.tags if t == "path" and a.get("class") == "land"]) >= 5
    assert_nothing_injected(page)
    shot = screenshot(tmp_path, base_url + "/events", "events.png")
    keep = os.environ.get("CONFLICTDESK_SCREENSHOTS")   # a folder to keep screenshots in, to look at them
    if keep:
        shutil.copy(shot, Path(keep) / "events.png")


def test_document_page_in_chromium_shows_hostile_text_as_text(base_url, tmp_path):
    page = dom(tmp_path, base_url + "/documents/web-basra-hostile")
    text = "".join(page.text)
    assert "<script>alert(1)</script>" in text               # shown as text ...
    assert '"><img src=x onerror=alert(2)>' in text
    assert_nothing_injected(page)                           # ... never as markup
    assert [a for t, a in page.tags if t == "mark" and "hl-event" in (a.get("class") or "")]
    assert not [a for t, a in page.tags if t == "a" and (a.get("href") or "").startswith("javascript:")]
    shot = screenshot(tmp_path, base_url + "/documents/web-basra-hostile", "document.png")
    keep = os.environ.get("CONFLICTDESK_SCREENSHOTS")
    if keep:
        shutil.copy(shot, Path(keep) / "document.png")


# --- every page, and the review flow, through chromedriver ------------------------------------
@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if CHROMEDRIVER is None:
        message = "chromedriver is not installed (apt-get install chromium-driver)"
        if os.environ.get("CONFLICTDESK_REQUIRE_BROWSER"):
            pytest.fail(message + " (CONFLICTDESK_REQUIRE_BROWSER is set)")
        pytest.skip(message)
    driver = Browser(CHROMIUM, tmp_path_factory.mktemp("webdriver"))
    yield driver
    driver.quit()


def rendered(browser: Browser, url: str) -> tuple[Tags, str]:
    browser.get(url)
    source = browser.source
    tags = Tags()
    tags.feed(source)
    return tags, source


def texts(tags: Tags) -> str:
    return " ".join(" ".join(tags.text).split())


def classes(tags: Tags, name: str) -> list[str]:
    return [a.get("class") or "" for t, a in tags.tags if t == name]


# path, words the page shows, elements (tag, class) it must have
PAGES = [
    ("/", ["Dashboard", "By country", "By type", "Latest incidents", "Latest statements", "The week's digest"],
     [("svg", "timeline"), ("table", "bars")]),
    ("/documents", ["Latest documents", "Drone strike hits vehicle near Deir ez-Zor"], [("table", "documents")]),
    ("/documents?q=Hizballah", ["Documents matching", "Also searched", "Hezbollah"], [("span", "snippet")]),
    (f"/documents/{HOSTILE_DOC}", ["Checkpoint", HOSTILE["svg"], HOSTILE["script"], "Statements"],
     [("article", "doctext"), ("table", "events")]),
    ("/documents/web-basra-hostile", ["<script>alert(1)</script>", '"><img src=x onerror=alert(2)>'],
     [("article", "doctext")]),
    ("/events", ["Events", "event(s) match", "Download"], [("svg", "map"), ("svg", "timeline"), ("table", "events"),
                                                         ("form", "filters"), ("nav", "map-controls")]),
    ("/events?country=Syria", ["Tal " + HOSTILE["handler"]], [("svg", "map"), ("a", "cluster")]),
    ("/events?country=Irak", ["[E120] no country 'Irak' is known", "Did you mean"], [("div", "problem")]),
    ("/actors", ["Actors", "stored events"], [("table", "actors"), ("nav", "pager")]),
    ("/actors?q=Hizballah", ["matching", "Hezbollah"], [("table", "actors")]),
    ("/actors/hostile-actor", ["Militia " + HOSTILE["svg"], "Not in the knowledge base", "Timeline"],
     [("ol", "timeline-list")]),
    ("/actors/kataib-hezbollah", ["Kataib Hezbollah", "Leaders and people", "until 2020-01-03", "Affiliations"],
     [("ul", "people"), ("ul", "relations")]),
    ("/network", ["Actor network", "Who fought whom", "Militia " + HOSTILE["svg"]], [("svg", "network")]),
    ("/review", ["Review", "Sign in", "Latest corrections"], [("table", "events")]),
    (f"/review/events/{HOSTILE_DOC}/e1", ["Review event e1", "Sign in", "Fighters of"], [("form", "review"),
                                                                                     ("blockquote", "evidence")]),
    (f"/review/points/{HOSTILE_DOC}/s1/0", ["Review statement point s1/0", HOSTILE["script"]], [("form", "review")]),
    ("/login", ["Sign in to review", "Your reviewer's token"], [("form", "review")]),
    ("/errors", ["Recorded failures"], []),
    ("/digest", ["Week's Top Stories", "Events per day"], [("svg", "timeline")]),
    (f"/briefs/{HOSTILE_DOC}", ["What to Know", "The Statement", "What Does this Mean?", "Notes"],
     [("div", "brief"), ("ol", "notes"), ("details", "evidence")]),
]


@pytest.mark.parametrize(("path", "words", "elements"), PAGES, ids=[p for p, _, _ in PAGES])
def test_every_page_in_chromium_by_structure_with_hostile_text_as_text(browser, base_url, tmp_path, path, words,
                                                                       elements):
    tags, _ = rendered(browser, base_url + path)
    shown = texts(tags)
    for word in words:
        assert word in shown, f"{path}: {word!r} not shown"
    for tag, cls in elements:
        assert [c for c in classes(tags, tag) if cls in c.split()], f"{path}: no <{tag} class={cls}>"
    nav = [a.get("href") for t, a in tags.tags if t == "a" and a.get("href") in
           ("/", "/documents", "/events", "/actors", "/network", "/review", "/errors", "/api")]
    assert len(set(nav)) == 8, f"{path}: the navigation is missing"          # one base layout everywhere
    assert_nothing_injected(tags)
    shot = browser.screenshot(tmp_path / "page.png")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    keep = os.environ.get("CONFLICTDESK_SCREENSHOTS")
    if keep:
        shutil.copy(shot, Path(keep) / (path.strip("/").replace("/", "_").replace("?", "_") or "home") + ".png")


def test_the_brief_page_in_chromium_shows_hostile_text_as_text(browser, base_url):
    tags, _ = rendered(browser, f"{base_url}/briefs/{HOSTILE_DOC}")
    assert HOSTILE["svg"] in texts(tags) or HOSTILE["script"] in texts(tags)
    assert_nothing_injected(tags)


def test_the_map_script_zooms_with_the_wheel_and_redraws_the_view(browser, base_url):
    browser.get(base_url + "/events")
    figure = browser.find("figure.map svg.map")
    before = browser.attribute(browser.find("figure.map .map-body"), "data-view")
    browser._session("POST", "/actions", {"actions": [{"type": "wheel", "id": "wheel", "actions": [
        {"type": "scroll", "x": 0, "y": 0, "deltaX": 0, "deltaY": -400, "origin": {ELEMENT: figure}}]}]})
    deadline = time.monotonic() + 20
    while "view=" not in browser.url and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "view=" in browser.url                       # the script asked the server for the new view
    deadline = time.monotonic() + 20
    after = before
    while after == before and time.monotonic() < deadline:
        time.sleep(0.2)
        after = browser.attribute(browser.find("figure.map .map-body"), "data-view")
    west0, south0, east0, north0 = map(float, before.split(","))
    west1, south1, east1, north1 = map(float, after.split(","))
    assert (north1 - south1) < (north0 - south0)       # zoomed in, drawn by the server


def _sign_in(browser: Browser, base_url: str, page: str) -> None:
    browser.get(base_url + page)
    links = browser.find_all('a[href^="/login"]')
    if not links:   # signed in already (the browser keeps its session between tests)
        return
    browser.click(links[0])
    browser.type(browser.find('input[name="token"]'), TOKEN)
    browser.click(browser.find('form.review button[type="submit"]'))
    deadline = time.monotonic() + 30                     # the POST and its redirect may outlast the click
    while browser.url != base_url + page and time.monotonic() < deadline:
        time.sleep(0.1)
    assert browser.url == base_url + page                # back where the analyst was


def _save(browser: Browser, button: str) -> None:
    """Press a review form's button and wait for the page that says it was saved."""
    browser.click(browser.find(f'button[value="{button}"]'))
    deadline = time.monotonic() + 30
    while "saved=" not in browser.url and time.monotonic() < deadline:
        time.sleep(0.2)
    assert f"saved={button}" in browser.url, browser.url


def _api(base_url: str, path: str) -> dict:
    with urllib.request.urlopen(base_url + path, timeout=30) as reply:
        return json.loads(reply.read())


def test_the_review_flow_in_chromium(browser, served, tmp_path):
    base_url, store = served
    strike = next(s for s in store.list_events() if s.document_id == "web-deir-ez-zor-strike"
                  and s.event.sub_event_type == "Air/drone strike")
    page = f"/review/events/{strike.document_id}/{strike.event.id}"
    _sign_in(browser, base_url, page)
    fatalities = browser.find('input[name="fatalities"]')
    browser.clear(fatalities)
    browser.type(fatalities, "4")
    browser.type(browser.find('textarea[name="note"]'), "the monitor's later figure")
    _save(browser, "correct")
    tags, _ = rendered(browser, browser.url)
    assert "Saved: correct." in texts(tags) and "corrected" in texts(tags) and "Amira Haddad" in texts(tags)
    assert browser.attribute(browser.find('input[name="fatalities"]'), "value") == "4"
    # the correction wins on the events page and in the exports
    events, _ = rendered(browser, base_url + "/events?country=Syria")
    assert "corrected" in texts(events)
    exported = _api(base_url, "/api/events?country=Syria")["events"]
    assert next(e for e in exported if e["id"] == strike.event.id)["fatalities"] == 4
    # reject another event: it leaves the lists
    other = next(s for s in store.list_events() if s.document_id == "web-basra-hostile")
    count = _api(base_url, "/api/events?limit=5000")["count"]
    browser.get(f"{base_url}/review/events/{other.document_id}/{other.event.id}")
    _save(browser, "reject")
    assert _api(base_url, "/api/events?limit=5000")["count"] == count - 1
    # relabel a statement point
    browser.get(f"{base_url}/review/points/{HOSTILE_DOC}/s1/0")
    browser.click(browser.find('input[name="labels"][value="threat"]'))          # untick
    browser.click(browser.find('input[name="labels"][value="justification"]'))   # tick
    _save(browser, "correct")
    point = _api(base_url, f"/api/documents/{HOSTILE_DOC}")["extraction"]["statements"][0]["points"][0]
    assert point["labels"] == ["justification"]
    trail = _api(base_url, "/api/corrections")["corrections"]
    assert [(c["action"], c["reviewer"]) for c in trail] == [("correct", "Amira Haddad"), ("reject", "Amira Haddad"),
                                                              ("correct", "Amira Haddad")]
    assert trail[0]["changes"]["fatalities"][1] == 4 and trail[0]["note"] == "the monitor's later figure"
    tags, _ = rendered(browser, base_url + "/review?show=all")
    assert_nothing_injected(tags)
    assert "Latest corrections" in texts(tags) and "rejected" in texts(tags)


def test_a_forged_cross_site_form_is_refused_in_chromium(browser, served):
    """A page on another origin that posts a reject to the review URL (with the analyst signed in
    in the same browser) is refused: wrong Origin and no CSRF token."""
    base_url, store = served
    target = next(s for s in store.list_events() if s.document_id == "web-kataib-statement")
    action = f"{base_url}/review/events/{target.document_id}/{target.event.id}"
    page = (f'<!DOCTYPE html><form method="post" action="{action}"><input name="action" value="reject"></form>'
            "<script>document.forms[0].submit()</script>").encode()

    class Evil(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the standard library's name
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    evil = http.server.HTTPServer(("127.0.0.1", 0), Evil)
    thread = threading.Thread(target=evil.serve_forever, daemon=True)
    thread.start()
    try:
        before = len(store.list_corrections())
        _sign_in(browser, base_url, "/review")
        browser.get(f"http://localhost:{evil.server_port}/")
        deadline = time.monotonic() + 20
        while browser.url.startswith("http://localhost") and time.monotonic() < deadline:
            time.sleep(0.2)
        tags = Tags()
        tags.feed(browser.source)              # the answer to the forged POST, as the browser shows it
        assert "Error 403" in texts(tags) and "cross-site request refused" in texts(tags)
        assert len(store.list_corrections()) == before
        assert any(s.event.id == target.event.id for s in store.list_events(documents=[target.document_id]))
    finally:
        evil.shutdown()
        evil.server_close()

"""Review (issue 11, item 4): analysts accept, correct or reject events and statement points in
the browser or over the API; the analyst's values win in every view and export; the audit trail
keeps who changed what and when, and exports as a correction file. Writes need the server's
token and are protected against cross-site requests. On SQLite and PostgreSQL."""
from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner

from conflictdesk.cli import main
from conflictdesk.store import Store
from conflictdesk.web import WebApp
from web_support import Spec, call, document_with, fill

TOKEN = "s3cret-review-token-0123"          # Amira Haddad's
BOT_TOKEN = "bot-review-token-456789"       # the import bot's
REVIEWERS = {"Amira Haddad": TOKEN, "import bot": BOT_TOKEN}
ORIGIN = "http://127.0.0.1"      # what web_support.call's environ says this site is
STRIKE = "doc-strike"


def _documents():
    return [document_with(STRIKE, [Spec(dt.date(2016, 5, 1), "Aleppo", "Explosions/Remote violence", "Air/drone strike",
                                        fatalities=2),
                                   Spec(dt.date(2016, 5, 2), "Raqqa")], title="Strike near Aleppo",
                          statements=[("hezbollah", "We warn the occupiers.", ["threat"])]),
            document_with("doc-other", [Spec(dt.date(2016, 5, 3), "Mosul")])]


@pytest.fixture()
def db_url(new_db_url):
    url = new_db_url("review")
    with Store(url) as store:
        fill(store, _documents())
    return url


@pytest.fixture()
def store(db_url):
    with Store(db_url) as s:
        yield s


@pytest.fixture()
def app(store):
    return WebApp(store, reviewers=REVIEWERS)


def sign_in(app, token=TOKEN) -> str:
    reply = call(app, "/login", method="POST", body=urlencode({"token": token, "next": "/review"}).encode(),
                 headers={"Origin": ORIGIN})
    assert reply.code == 303 and reply.headers["location"] == "/review"
    cookie = reply.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    return cookie.split(";")[0]


def form_token(app, cookie: str, page: str) -> str:
    reply = call(app, page, headers={"Cookie": cookie})
    assert reply.code == 200
    return re.search(r'name="csrf" value="([^"]+)"', reply.text).group(1)


def post(app, page: str, fields: dict, cookie: str | None, *, origin: str | None = ORIGIN, extra: dict | None = None):
    headers = {**({"Cookie": cookie} if cookie else {}), **({"Origin": origin} if origin else {}), **(extra or {})}
    return call(app, page, method="POST", body=urlencode(fields, doseq=True).encode(), headers=headers)


def test_a_correction_in_the_browser_wins_in_every_view_and_export(app, store):
    cookie = sign_in(app)
    page = f"/review/events/{STRIKE}/e1"
    csrf = form_token(app, cookie, page)
    reply = post(app, page, {"csrf": csrf, "action": "correct", "fatalities": "5", "actor1": "Hizballah",
                             "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
                             "location": "Aleppo", "country": "Syria", "event_date": "2016-04-30",
                             "note": "the ministry's figure"}, cookie)
    assert reply.code == 303 and reply.headers["location"] == f"{page}?saved=correct"
    shown = call(app, page, "saved=correct", headers={"Cookie": cookie}).text
    assert "Saved: correct." in shown and "corrected" in shown and "Amira Haddad" in shown
    assert "the ministry&#39;s figure" in shown and "fatalities: <bdi>2</bdi> → <bdi>5</bdi>" in shown
    # the store, the JSON API, ACLED CSV, GeoJSON, STIX, the contract and the brief all read the analyst's values
    [ev] = [s.event for s in store.list_events() if s.event.id == "e1" and s.document_id == STRIKE]
    assert (ev.fatalities, ev.actor1, ev.sub_event_type, ev.event_date, ev.review) == (
        5, "hezbollah", "Shelling/artillery/missile attack", dt.date(2016, 4, 30), "corrected")
    assert store.count_events(actor="hezbollah") == 1      # the actor index follows the correction
    events = call(app, "/api/events", "actor=hezbollah").json()["events"]
    assert [(e["fatalities"], e["review"]) for e in events] == [(5, "corrected")]
    rows = list(csv.DictReader(io.StringIO(call(app, "/api/events", "format=csv&actor=hezbollah").text)))
    assert rows[0]["fatalities"] == "5" and rows[0]["sub_event_type"] == "Shelling/artillery/missile attack"
    assert rows[0]["event_date"] == "2016-04-30"
    features = call(app, "/api/events", "format=geojson&actor=hezbollah").json()["features"]
    assert features[0]["properties"]["fatalities"] == 5
    stix = call(app, "/api/events.stix", "actor=hezbollah").json()
    assert any(o.get("fatalities") == 5 for o in stix["objects"] if o["type"] == "x-conflictdesk-event")
    contract = call(app, f"/api/documents/{STRIKE}").json()["extraction"]
    assert next(e for e in contract["events"] if e["id"] == "e1")["fatalities"] == 5
    brief = json.dumps(call(app, f"/api/briefs/{STRIKE}").json()["brief"])
    assert "Shelling/artillery/missile attack" in brief and "Air/drone strike" not in brief   # the brief too
    trail = call(app, "/api/corrections").json()
    [c] = trail["corrections"]
    assert (c["reviewer"], c["action"], c["target"], c["target_id"], c["note"]) == (
        "Amira Haddad", "correct", "event", "e1", "the ministry's figure")
    assert c["changes"]["fatalities"] == [2, 5] and c["changes"]["actor1"] == ["islamic-state", "hezbollah"]
    assert dt.datetime.fromisoformat(c["at"]).tzinfo is not None


def test_reject_and_accept_and_a_point_s_labels(app, store):
    cookie = sign_in(app)
    before = store.count_events()
    page = f"/review/events/{STRIKE}/e2"
    assert post(app, page, {"csrf": form_token(app, cookie, page), "action": "reject"}, cookie).code == 303
    assert store.count_events() == before - 1                     # gone from every list, map and export
    assert "e2" not in [e["id"] for e in call(app, "/api/events").json()["events"]]
    assert all(e.id != "e2" for e in store.get_extraction(STRIKE).events)
    queue = call(app, "/review", "show=all").text
    assert "rejected" in queue
    other = "/review/events/doc-other/e1"
    assert post(app, other, {"csrf": form_token(app, cookie, other), "action": "accept"}, cookie).code == 303
    assert call(app, "/api/events", "country=Iraq").json()["events"][0]["review"] == "accepted"
    point = f"/review/points/{STRIKE}/s1/0"
    reply = post(app, point, {"csrf": form_token(app, cookie, point), "action": "correct",
                              "labels": ["demand", "justification"]}, cookie)
    assert reply.code == 303
    points = call(app, f"/api/documents/{STRIKE}").json()["extraction"]["statements"][0]["points"]
    assert points[0]["labels"] == ["demand", "justification"]
    assert "demand, justification" in call(app, f"/documents/{STRIKE}").text
    assert [c.action for c in store.list_corrections()] == ["reject", "accept", "correct"]


def test_corrections_survive_a_new_extraction(store):
    store.review_event(STRIKE, "e1", action="correct", reviewer="amira", changes={"fatalities": 9})
    store.review_point(STRIKE, "s1", 0, action="reject", reviewer="amira")
    store.save_extraction(_documents()[0])                       # the machine codes the document again
    ex = store.get_extraction(STRIKE)
    assert next(e for e in ex.events if e.id == "e1").fatalities == 9
    assert ex.statements[0].points == []


@pytest.mark.parametrize("case", ["no token on the server", "not signed in", "no csrf", "wrong csrf",
                                  "cross-site origin", "no origin or referer", "sec-fetch-site cross-site",
                                  "forged session"])
def test_writes_from_pages_are_refused_without_sign_in_or_from_another_site(db_url, case):
    with Store(db_url) as store:
        app = WebApp(store, token=None if case == "no token on the server" else TOKEN)
        page = f"/review/events/{STRIKE}/e1"
        cookie = sign_in(app) if case != "no token on the server" else None
        csrf = form_token(app, cookie, page) if cookie else ""
        fields = {"csrf": csrf, "action": "reject"}
        origin, extra = ORIGIN, {}
        if case == "not signed in":
            cookie = None
        elif case == "no csrf":
            fields.pop("csrf")
        elif case == "wrong csrf":
            fields["csrf"] = csrf[:-2] + "xx"
        elif case == "cross-site origin":
            origin = "http://evil.example"
        elif case == "no origin or referer":
            origin = None
        elif case == "sec-fetch-site cross-site":
            extra = {"Sec-Fetch-Site": "cross-site"}
        elif case == "forged session":
            cookie = "cd_session=" + cookie.split("=", 1)[1][:-4] + "AAAA"
        reply = post(app, page, fields, cookie, origin=origin, extra=extra)
        assert reply.code in (401, 403), reply.text
        assert store.list_corrections() == [] and store.count_events() == 3
        if case == "no token on the server":
            assert "read-only" in call(app, page).text


def test_sign_in_refuses_a_wrong_token_and_another_site(app):
    wrong = call(app, "/login", method="POST", body=urlencode({"token": "nope-not-a-token"}).encode(),
                 headers={"Origin": ORIGIN})
    assert wrong.code == 403 and "set-cookie" not in wrong.headers
    cross = call(app, "/login", method="POST", body=urlencode({"token": TOKEN}).encode(),
                 headers={"Origin": "http://evil.example"})
    assert cross.code == 403 and "set-cookie" not in cross.headers
    away = call(app, "/login", method="POST", body=urlencode({"token": TOKEN,
                                                              "next": "//evil.example/"}).encode(),
                headers={"Origin": ORIGIN})
    assert away.code == 303 and away.headers["location"] == "/review"     # never redirected off the site


def test_api_writes_need_the_token_and_answer_in_the_api_shapes(app, store):
    url = f"/api/events/{STRIKE}/e1/review"
    body = json.dumps({"action": "correct", "changes": {"fatalities": 7, "actor2": "Daesh"}, "reviewer": "import bot"}).encode()
    json_type = {"Content-Type": "application/json"}
    refused = call(app, url, method="POST", body=body, headers=json_type)
    assert refused.code == 401 and set(refused.json()) == {"ok", "error", "errors", "status"}
    ok = call(app, url, method="POST", body=body, headers={**json_type, "Authorization": f"Bearer {BOT_TOKEN}"})
    assert ok.code == 200 and ok.json()["ok"] is True
    assert ok.json()["correction"]["reviewer"] == "import bot"                  # the token's reviewer
    assert ok.json()["correction"]["changes"]["fatalities"] == [2, 7]
    assert ok.json()["correction"]["changes"]["actor2"] == ["military-forces-of-syria", "islamic-state"]
    cross = call(app, url, method="POST", body=body, headers={**json_type, "Authorization": f"Bearer {BOT_TOKEN}",
                                                              "Origin": "http://evil.example"})
    assert cross.code == 403
    bad = json.dumps({"action": "correct", "changes": {"actor1": "Hizbolah-xyz"}, "reviewer": "import bot"}).encode()
    unknown = call(app, url, method="POST", body=bad, headers={**json_type, "Authorization": f"Bearer {BOT_TOKEN}"})
    assert unknown.code == 400 and unknown.json()["error"].startswith("[E120]")
    field = json.dumps({"action": "correct", "changes": {"notes": "x"}, "reviewer": "import bot"}).encode()
    assert call(app, url, method="POST", body=field, headers={**json_type, "Authorization": f"Bearer {BOT_TOKEN}"}).code == 400
    point = call(app, f"/api/points/{STRIKE}/s1/0/review", method="POST",
                 body=json.dumps({"action": "correct", "labels": ["nonsense"], "reviewer": "import bot"}).encode(),
                 headers={**json_type, "Authorization": f"Bearer {BOT_TOKEN}"})
    assert point.code == 400 and point.json()["ok"] is False
    assert call(app, url, method="POST", body=b"action=reject", headers={"Authorization": f"Bearer {BOT_TOKEN}"}).code == 415
    assert len(store.list_corrections()) == 1


def test_the_correction_file_from_the_api_and_the_cli(app, store, db_url):
    store.review_event(STRIKE, "e1", action="correct", reviewer="amira", changes={"fatalities": 3}, note="n1")
    store.review_event("doc-other", "e1", action="reject", reviewer="omar")
    lines = call(app, "/api/corrections", "format=jsonl").text.splitlines()
    assert [json.loads(x)["reviewer"] for x in lines] == ["amira", "omar"]
    result = CliRunner().invoke(main, ["--db", db_url, "corrections", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    cli_lines = [x for x in result.output.splitlines() if x.startswith("{")]
    assert [json.loads(x) for x in cli_lines] == [json.loads(x) for x in lines]
    only = CliRunner().invoke(main, ["--db", db_url, "corrections", "--format", "csv", "--document", STRIKE])
    assert only.exit_code == 0 and "fatalities,2,3,n1" in only.output and "doc-other" not in only.output


def test_cached_pages_show_a_review_at_once_and_review_pages_are_never_cached(app, store):
    page = call(app, "/events", "country=Syria")
    again = call(app, "/events", "country=Syria")
    assert again.text == page.text and app.cache.hits >= 1          # the same data: the kept answer
    store.review_event(STRIKE, "e2", action="reject", reviewer="amira")
    after = call(app, "/events", "country=Syria")
    assert after.text != page.text and "1 event(s) match" in after.text
    cookie = sign_in(app)
    form = f"/review/events/{STRIKE}/e1"
    assert re.search(r'name="csrf" value="[^"]+"', call(app, form, headers={"Cookie": cookie}).text)
    anonymous = call(app, form).text                                # another visitor, after the analyst
    assert 'name="csrf" value=""' in anonymous and "Sign in</a> to accept" in anonymous



def test_the_reviewer_is_the_one_the_token_names_never_a_typed_name(app, store):
    """Identities come from the tokens: a sign-in form's or an API body's name cannot choose who
    the audit trail records."""
    reply = call(app, "/login", method="POST", headers={"Origin": ORIGIN},
                 body=urlencode({"token": BOT_TOKEN, "name": "Amira Haddad", "next": "/review"}).encode())
    assert reply.code == 303
    cookie = reply.headers["set-cookie"].split(";")[0]
    assert "Signed in as <bdi>import bot</bdi>" in call(app, "/login", headers={"Cookie": cookie}).text
    page = f"/review/events/{STRIKE}/e2"
    assert post(app, page, {"csrf": form_token(app, cookie, page), "action": "accept", "reviewer": "Amira Haddad"},
                cookie).code == 303
    json_type = {"Content-Type": "application/json"}
    url = f"/api/events/{STRIKE}/e1/review"
    posing = call(app, url, method="POST", body=json.dumps({"action": "accept", "reviewer": "import bot"}).encode(),
                  headers={**json_type, "Authorization": f"Bearer {TOKEN}"})
    assert posing.code == 403 and "another reviewer" in posing.json()["error"]
    plain = call(app, url, method="POST", body=json.dumps({"action": "accept"}).encode(),
                 headers={**json_type, "Authorization": f"Bearer {TOKEN}"})
    assert plain.code == 200
    assert [(c.reviewer, c.action) for c in store.list_corrections()] == [("import bot", "accept"),
                                                                          ("Amira Haddad", "accept")]


def test_a_session_ends_when_its_reviewer_s_token_is_withdrawn(store):
    cookie = sign_in(WebApp(store, reviewers=REVIEWERS), BOT_TOKEN)
    without_bot = WebApp(store, reviewers={"Amira Haddad": TOKEN})       # the server restarted without the bot
    assert without_bot.auth.reviewer_of(BOT_TOKEN) is None
    assert "Signed in as" not in call(without_bot, "/login", headers={"Cookie": cookie}).text


def test_a_tokens_file_binds_names_to_hashed_or_plain_tokens(tmp_path, db_url):
    import hashlib

    from conflictdesk.errors import ConfigError
    from conflictdesk.web.auth import Auth, read_token_file

    tokens = tmp_path / "reviewers.txt"
    tokens.write_text("# reviewers\nAmira Haddad = sha256:" + hashlib.sha256(TOKEN.encode()).hexdigest()
                      + "\n\nimport bot = " + BOT_TOKEN + "\n", encoding="utf-8")
    auth = Auth(reviewers=read_token_file(tokens))
    assert (auth.reviewer_of(TOKEN), auth.reviewer_of(BOT_TOKEN), auth.reviewer_of("nope-nope-nope")) == (
        "Amira Haddad", "import bot", None)
    for text, message in [("Amira Haddad " + TOKEN, "reviewers.txt:1: expected"),
                          ("a = " + TOKEN + "\na = " + BOT_TOKEN, "reviewers.txt:2: reviewer 'a' is named twice")]:
        tokens.write_text(text, encoding="utf-8")
        with pytest.raises(ConfigError, match=message):
            read_token_file(tokens)
    with pytest.raises(ConfigError, match="same token"):
        Auth(reviewers={"a": TOKEN, "b": TOKEN})
    with pytest.raises(ConfigError, match="at least 12"):
        Auth(reviewers={"a": "short"})
    tokens.write_text("a = short", encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", db_url, "serve", "--tokens", str(tokens), "--port", "0"])
    assert result.exit_code != 0 and "at least 12" in result.output

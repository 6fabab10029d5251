"""The app under waitress, the production server `conflictdesk serve` runs (over real sockets)."""
from __future__ import annotations

import datetime as dt
import http.client
import json
import urllib.request

import pytest

from conflictdesk.store import Store
from conflictdesk.web import WebApp
from conflictdesk.web.production import MAX_HEAD, serve_production_in_thread
from web_support import Spec, document_with, fill


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    with Store(f"sqlite:///{tmp_path_factory.mktemp('prod') / 'prod.sqlite'}") as store:
        fill(store, [document_with("d1", [Spec(dt.date(2016, 5, 1), "Aleppo"), Spec(dt.date(2016, 5, 2), "Mosul")])])
        with serve_production_in_thread(WebApp(store), threads=4) as base:
            yield base


def test_pages_and_api_answer_under_waitress(base_url):
    with urllib.request.urlopen(base_url + "/events", timeout=30) as reply:
        page = reply.read().decode()
        assert reply.status == 200 and reply.headers["Content-Security-Policy"].startswith("default-src 'none'")
        assert reply.headers["Server"] == "conflictdesk"
    assert "2 event(s) match" in page
    with urllib.request.urlopen(base_url + "/api/events", timeout=30) as reply:
        assert json.loads(reply.read())["count"] == 2


def test_keep_alive_and_head(base_url):
    host, port = base_url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    for _ in range(3):                                   # one connection, several requests
        conn.request("GET", "/api/events?limit=1")
        reply = conn.getresponse()
        assert reply.status == 200 and json.loads(reply.read())["count"] == 1
    conn.request("HEAD", "/events")
    reply = conn.getresponse()
    assert reply.status == 200 and reply.read() == b"" and int(reply.getheader("Content-Length")) > 1000
    conn.close()


def test_an_oversized_request_head_is_refused(base_url):
    host, port = base_url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    conn.putrequest("GET", "/events")
    conn.putheader("X-Filler", "a" * (MAX_HEAD + 10))
    conn.endheaders()
    reply = conn.getresponse()
    assert reply.status == 431
    conn.close()

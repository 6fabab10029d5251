"""The app under waitress, the production server `conflictdesk serve` runs (over real sockets)."""
from __future__ import annotations

import datetime as dt
import http.client
import json
import socket
import urllib.request
from contextlib import ExitStack, closing

import pytest

from conflictdesk.store import Store
from conflictdesk.web import WebApp
from conflictdesk.web.production import MAX_BODY, MAX_HEAD, serve_production_in_thread
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
    _assert_error_shape(reply, 431)
    conn.close()


def _assert_error_shape(reply: http.client.HTTPResponse, status: int) -> None:
    """waitress's own answer in the API's error shape, as the app's errors."""
    assert reply.getheader("Content-Type") == "application/json; charset=utf-8"
    assert reply.getheader("X-Content-Type-Options") == "nosniff"
    body = json.loads(reply.read())
    assert set(body) == {"ok", "error", "errors", "status"}
    assert body["ok"] is False and body["status"] == status and body["error"]


def _raw(base_url: str, request: bytes, status: int) -> None:
    """Send `request` as written and check the answer is `status` in the API's error shape."""
    host, port = base_url.removeprefix("http://").split(":")
    with closing(socket.create_connection((host, int(port)), timeout=30)) as sock:
        sock.sendall(request)
        reply = http.client.HTTPResponse(sock, method="GET")
        try:
            reply.begin()
            assert reply.status == status
            _assert_error_shape(reply, status)
        finally:
            reply.close()


def test_an_over_long_url_is_a_431_in_the_error_shape(base_url):
    """waitress counts the request line in the head: a URL over MAX_HEAD is refused with 431 (the
    standard library's server says 414), answered as JSON."""
    _raw(base_url, b"GET /api/events?q=" + b"a" * (MAX_HEAD + 10) + b" HTTP/1.1\r\nHost: x\r\n\r\n", 431)


def test_an_oversized_body_and_a_malformed_request_are_answered_in_the_error_shape(base_url):
    _raw(base_url, b"POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % (MAX_BODY + 1), 413)
    _raw(base_url, b"GET /api/events HTTP/1.1\r\nHost: x\r\nContent-Length: nine\r\n\r\n", 400)


GENEROUS = 30.0     # seconds: far above the timeout these tests set


def test_half_sent_requests_hold_no_worker_under_waitress():
    """waitress reads request heads in its one I/O thread: clients that send half a request hold
    no worker, so with a single worker a complete request is still served."""
    with serve_production_in_thread(_hello, threads=1) as base, ExitStack() as stack:
        host, port = base.removeprefix("http://").split(":")
        for _ in range(30):
            sock = stack.enter_context(closing(socket.create_connection((host, int(port)), timeout=GENEROUS)))
            sock.sendall(b"GET /api/events HTTP/1.1\r\nHost: x\r\n")      # no blank line: never complete
        with urllib.request.urlopen(base + "/", timeout=GENEROUS) as reply:
            assert reply.read() == b"hello"


def test_an_idle_connection_is_closed_under_waitress():
    with serve_production_in_thread(_hello, timeout=1) as base:
        host, port = base.removeprefix("http://").split(":")
        with closing(socket.create_connection((host, int(port)), timeout=GENEROUS)) as sock:
            sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")                # half a request, then silence
            assert sock.recv(65536) == b""      # closed by the server (a socket.timeout here: never closed)


def _hello(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [b"hello"]

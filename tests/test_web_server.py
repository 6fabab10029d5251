"""The web server against hostile clients, over real sockets on 127.0.0.1: silent, half-sent and
trickled requests are closed and their workers freed, a burst beyond the worker pool is answered
503 at once, bursts wait in a real listen backlog, and the server's own 408/414/431/503 answers
use the API's JSON error shape. Durations are only bounded generously ("closed within N s")."""
from __future__ import annotations

import json
import socket
import time
import urllib.request
from contextlib import closing

import pytest

from conflictdesk.web.server import BACKLOG, make_server, serve_in_thread

ERROR_KEYS = {"ok", "error", "errors", "status"}
GENEROUS = 15.0     # seconds: far above the timeouts these tests set (1-2 s)


def hello(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [b"hello"]


def _address(url: str) -> tuple[str, int]:
    host, port = url.removeprefix("http://").split(":")
    return host, int(port)


def _read_all(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes (the client waits at most GENEROUS s)."""
    sock.settimeout(GENEROUS)
    chunks = []
    while True:
        chunk = sock.recv(65536)    # a socket.timeout here means the server never closed: a failure
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _json_error(answer: bytes, status: int) -> dict:
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.split(b"\r\n")[0].split()[1] == str(status).encode(), head
    assert b"content-type: application/json" in head.lower(), head
    data = json.loads(body)
    assert set(data) == ERROR_KEYS and data["ok"] is False and data["status"] == status
    return data


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=GENEROUS) as resp:
        return resp.read()


@pytest.fixture
def server_url():
    with serve_in_thread(hello, timeout=1.0, head_deadline=2.0) as url:
        yield url


def test_a_silent_connection_is_closed_and_answered_408(server_url):
    with closing(socket.create_connection(_address(server_url))) as sock:
        started = time.monotonic()
        answer = _read_all(sock)
    assert time.monotonic() - started < GENEROUS
    _json_error(answer, 408)
    assert _get(server_url + "/") == b"hello"


def test_a_half_sent_request_is_closed_within_the_timeout(server_url):
    with closing(socket.create_connection(_address(server_url))) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: half")    # never finished
        answer = _read_all(sock)
    _json_error(answer, 408)


def test_a_trickled_request_head_is_cut_at_its_deadline(server_url):
    """One byte every 0.3 s never trips the 1 s idle timeout; the 2 s head deadline closes it."""
    request = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + b"a" * 200
    with closing(socket.create_connection(_address(server_url))) as sock:
        sock.settimeout(GENEROUS)
        started = time.monotonic()
        closed = False
        for byte in request:     # bounded: about 60 s at most, the server closes long before
            try:
                sock.sendall(bytes([byte]))
            except OSError:
                closed = True
                break
            time.sleep(0.3)
            if time.monotonic() - started > GENEROUS:
                break
            sock.setblocking(False)
            try:
                if sock.recv(65536, socket.MSG_PEEK):
                    closed = True
                    break
            except BlockingIOError:
                pass
            finally:
                sock.setblocking(True)
        assert closed, "the server kept reading a trickled request head"
        sock.settimeout(GENEROUS)
        try:
            answer = _read_all(sock)
        except ConnectionResetError:
            answer = b""
    assert time.monotonic() - started < GENEROUS
    if answer:
        _json_error(answer, 408)


def test_half_sent_requests_hold_no_worker_and_a_complete_one_is_served_at_once():
    """Ten half-sent requests and two workers: before a request head is complete no worker waits
    on it, so a complete request is answered long before the first half-sent one is given up
    (5 s), where waiting behind them would take 25 s."""
    with serve_in_thread(hello, workers=2, pending=20, timeout=5.0, head_deadline=5.0) as url:
        half = [socket.create_connection(_address(url)) for _ in range(10)]
        try:
            for sock in half:
                sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            time.sleep(0.3)      # let the server accept them first (not a bound on the server)
            started = time.monotonic()
            assert _get(url + "/") == b"hello"
            assert time.monotonic() - started < 4.0
        finally:
            for sock in half:
                sock.close()


def test_a_burst_beyond_the_pool_is_answered_503_and_the_server_recovers():
    with serve_in_thread(hello, workers=2, pending=1, timeout=3.0, head_deadline=4.0) as url:
        idle = [socket.create_connection(_address(url)) for _ in range(3)]   # hold the 2 workers + 1 slot
        try:
            time.sleep(0.5)     # let the accept loop take them (not a bound on the server)
            with closing(socket.create_connection(_address(url))) as extra:
                extra.sendall(b"GET / HTTP/1.0\r\n\r\n")
                data = _json_error(_read_all(extra), 503)
            assert "busy" in data["error"]
        finally:
            for sock in idle:
                sock.close()
        deadline = time.monotonic() + GENEROUS
        while True:    # the held workers are freed by their timeouts
            try:
                assert _get(url + "/") == b"hello"
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not recover"
                time.sleep(0.2)


def test_the_listen_backlog_holds_a_burst_while_the_server_is_busy():
    """Connections the accept loop has not taken yet wait in the kernel's queue: with the
    standard library's backlog of 5 most of these 60 connects would time out."""
    server = make_server(hello, "127.0.0.1", 0, quiet=True)    # listening, not accepting yet
    try:
        assert BACKLOG >= 64
        made = []
        for _ in range(60):
            try:
                made.append(socket.create_connection(("127.0.0.1", server.server_port), timeout=2.0))
            except OSError:
                break
        assert len(made) == 60
        for sock in made:
            sock.close()
    finally:
        server.server_close()


def test_a_request_line_too_long_is_a_414_in_the_json_error_shape(server_url):
    with closing(socket.create_connection(_address(server_url))) as sock:
        sock.sendall(b"GET /api/documents?q=" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        data = _json_error(_read_all(sock), 414)
    assert data["error"]


@pytest.mark.parametrize("head", [
    b"X-Long: " + b"b" * 70_000 + b"\r\n",                                     # one header too long
    b"".join(b"X-H%d: v\r\n" % i for i in range(150)),                          # too many headers
])
def test_oversized_headers_are_a_431_in_the_json_error_shape(server_url, head):
    with closing(socket.create_connection(_address(server_url))) as sock:
        sock.sendall(b"GET /api HTTP/1.1\r\nHost: x\r\n" + head + b"\r\n")
        _json_error(_read_all(sock), 431)


def test_a_malformed_request_line_is_a_400_in_the_json_error_shape(server_url):
    with closing(socket.create_connection(_address(server_url))) as sock:
        sock.sendall(b"GET / HTTP/9.x junk\r\n\r\n")
        _json_error(_read_all(sock), 400)

"""A real feed server on loopback for the `watch` tests: http.server in a thread, whose feed
changes between polls, which answers conditional GETs with 304, redirects, fails and stalls.

The server is on 127.0.0.1, which the fetcher refuses (SSRF guard). Tests reach it with
`fetcher_for(server)`: `fetch_url` with a `vet` that accepts this server's address and port and
nothing else (every other address, redirect hops included, is vetted as usual). This is the one
way tests open the guard; the command line never does.
"""
from __future__ import annotations

import functools
import hashlib
import threading
import time
from collections.abc import Callable
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from conflictdesk.ingest.fetch import VettedURL, fetch_url, vet_url

# Invented reports (no text from ../shared/data).
ARTICLES = {
    1: ("Militants attack army post near Mosul",
        "Militants attacked an army checkpoint near Mosul on Monday, killing two soldiers, an Iraqi army officer "
        "said. The attackers fled toward the desert after a gun battle that lasted an hour, the officer added."),
    2: ("Protesters rally in Basra over water shortages",
        "Hundreds of protesters gathered outside the provincial council building in Basra on Tuesday to demand "
        "clean water and electricity. Police said the demonstration ended peacefully in the evening."),
    3: ("Drone strike hits vehicle in Deir ez-Zor",
        "A drone strike hit a vehicle on the road east of Deir ez-Zor on Wednesday, killing three people, a local "
        "monitoring group said. No party claimed responsibility for the strike."),
    4: ("Rocket lands near Baghdad airport",
        "A rocket landed near the Victory base at Baghdad airport on Thursday night, causing no casualties, the "
        "Iraqi security media cell said in a statement."),
}


def rss(base: str, numbers: list[int]) -> bytes:
    items = "".join(
        f"<item><title>{ARTICLES[n][0]}</title><link>{base}/articles/{n}.html</link><guid>urn:test:{n}</guid>"
        f"<pubDate>Mon, 0{n} Dec 2026 0{n}:00:00 +0000</pubDate><description>{ARTICLES[n][1][:60]}</description></item>"
        for n in numbers)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test wire</title>'
            f"<link>{base}/</link><description>test</description>{items}</channel></rss>").encode()


def article_html(n: int) -> bytes:
    title, body = ARTICLES[n]
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><nav>Home | World</nav>"
            f"<article><h1>{title}</h1><p>{body}</p></article><footer>Test wire</footer></body></html>").encode()


class FeedServer:
    """The server's content and what it was asked. `feed` is the list of entry numbers served at
    /feed.xml; `fail` makes /flaky.xml answer 500; `stall` seconds /slow.xml waits."""

    def __init__(self) -> None:
        self.feed: list[int] = [1, 2]
        self.page = b"<html><head><title>Ministry statements</title></head><body><article><p>" \
                    b"The ministry said on Friday that talks with the armed groups would resume next week in " \
                    b"Geneva, and called on all parties to respect the truce.</p></article></body></html>"
        self.fail = True
        self.stall = 3.0
        self.requests: list[tuple[float, str, dict[str, str]]] = []   # (monotonic time, path, headers)
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:   # noqa: N802 - http.server's name
                with server.lock:
                    server.requests.append((time.monotonic(), self.path, dict(self.headers.items())))
                server.answer(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> "FeedServer":
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)

    def paths(self) -> list[str]:
        with self.lock:
            return [path for _t, path, _h in self.requests]

    def asked(self, path: str) -> list[dict[str, str]]:
        """The headers of every request for `path`."""
        with self.lock:
            return [h for _t, p, h in self.requests if p == path]

    def clear(self) -> None:
        with self.lock:
            self.requests.clear()

    # --- answers ----------------------------------------------------------------------------------
    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = urlsplit(handler.path).path
        if path in ("/feed.xml", "/page.html"):
            body = rss(self.base, self.feed) if path == "/feed.xml" else self.page
            kind = "application/rss+xml" if path == "/feed.xml" else "text/html; charset=utf-8"
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if handler.headers.get("If-None-Match") == etag:
                handler.send_response(304)
                handler.send_header("ETag", etag)
                handler.end_headers()
                return
            self._send(handler, 200, body, kind, {"ETag": etag, "Last-Modified": formatdate(usegmt=True)})
        elif path.startswith("/articles/") and path.endswith(".html"):
            number = int(path.rsplit("/", 1)[1].split(".")[0])
            if number in ARTICLES:
                self._send(handler, 200, article_html(number), "text/html; charset=utf-8")
            else:
                self._send(handler, 404, b"not found", "text/plain")
        elif path == "/moved.xml":
            self._redirect(handler, 301, "/feed.xml")
        elif path == "/to-private.xml":
            self._redirect(handler, 302, "http://10.0.0.1/feed.xml")
        elif path == "/flaky.xml":
            if self.fail:
                self._send(handler, 500, b"internal error", "text/plain")
            else:
                self._send(handler, 200, rss(self.base, [4]), "application/rss+xml")
        elif path == "/slow.xml":
            time.sleep(self.stall)
            try:
                self._send(handler, 200, rss(self.base, [3]), "application/rss+xml")
            except OSError:   # the client gave up
                pass
        elif path == "/not-a-feed.xml":
            self._send(handler, 200, b"<?xml version='1.0'?><catalog><book>no feed here</book></catalog>",
                       "application/xml")
        else:
            self._send(handler, 404, b"not found", "text/plain")

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, body: bytes, kind: str,
              headers: dict[str, str] | None = None) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", kind)
        handler.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(body)

    @staticmethod
    def _redirect(handler: BaseHTTPRequestHandler, status: int, location: str) -> None:
        handler.send_response(status)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()


def fetcher_for(server: FeedServer) -> Callable[..., object]:
    """`fetch_url` that may reach this server (and only it) on loopback."""
    def vet(url: str, *, allow_private: bool = False) -> VettedURL:
        parts = urlsplit(url)
        ours = f"{parts.scheme}://{parts.hostname}:{parts.port}" == server.base
        return vet_url(url, allow_private=ours)
    return functools.partial(fetch_url, vet=vet)

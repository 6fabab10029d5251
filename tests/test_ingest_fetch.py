"""Safe fetching: refusal of internal addresses, redirects vetted hop by hop, size caps.

No test touches the network: refused URLs fail before connecting, the rest talk to a local
server on 127.0.0.1 (itself private, so reached only with the tests-only `allow_private`).
"""
from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conflictdesk.errors import FetchError, UnsafeURLError
from conflictdesk.ingest import read_sources
from conflictdesk.ingest.fetch import VettedURL, check_address, fetch_url, vet_url
from conflictdesk.records import Document, Failure

PAGE = (b"<html><head><title>Rocket attack on Victory base</title></head><body><article><p>Two rockets "
        b"landed near Victory base at Baghdad airport on Monday night, causing no casualties, the Iraqi "
        b"security media cell said in a statement.</p></article></body></html>")


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost:8080/admin", "http://10.1.2.3/", "http://192.168.0.10/",
    "http://172.16.5.4/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://0.0.0.0/",
    "http://[::ffff:10.0.0.1]/", "http://[::ffff:127.0.0.1]/", "http://100.64.0.1/", "http://224.0.0.1/",
    "http://[fe80::1]/", "http://[fc00::1]/", "http://240.0.0.1/", "http://127.1/", "http://2130706433/",
])
def test_internal_addresses_are_refused(url: str) -> None:
    with pytest.raises(UnsafeURLError) as info:
        vet_url(url)
    assert info.value.code == "E111" and "refused" in info.value.message


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://files.example/a.txt", "gopher://x.example/",
                                 "javascript:alert(1)", "http:///nohost", "https://user:pw@news.example/"])
def test_other_schemes_and_odd_urls_are_refused(url: str) -> None:
    with pytest.raises(UnsafeURLError):
        vet_url(url)


def fake_resolver(*addresses: str):
    def resolve(host: str, port: int, **kwargs: object) -> list:
        family = socket.AF_INET6 if ":" in addresses[0] else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (a, port)) for a in addresses]
    return resolve


def test_a_host_is_refused_when_any_of_its_addresses_is_internal() -> None:
    vetted = vet_url("https://news.example/a", resolver=fake_resolver("93.184.216.34"))
    assert (vetted.address, vetted.port, vetted.host) == ("93.184.216.34", 443, "news.example")
    with pytest.raises(UnsafeURLError, match="10.0.0.7"):
        vet_url("https://news.example/a", resolver=fake_resolver("93.184.216.34", "10.0.0.7"))


def test_an_unresolvable_host_is_a_fetch_error_not_a_refusal() -> None:
    def no_dns(host: str, port: int, **kwargs: object) -> list:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    with pytest.raises(FetchError) as info:
        vet_url("https://no-such-host.example/", resolver=no_dns)
    assert not isinstance(info.value, UnsafeURLError) and info.value.code == "E110"


def test_check_address_accepts_public_addresses() -> None:
    check_address("93.184.216.34")
    check_address("2606:4700:4700::1111")
    with pytest.raises(UnsafeURLError):
        check_address("::ffff:192.168.1.1")


# --- against a local server -------------------------------------------------------------------
class Handler(BaseHTTPRequestHandler):
    requests: list[str] = []

    def log_message(self, *args: object) -> None:    # keep test output quiet
        pass

    def do_GET(self) -> None:
        Handler.requests.append(self.path)
        if self.path == "/page":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif self.path == "/redirect":
            self._redirect("/page")
        elif self.path == "/redirect-private":
            self._redirect("http://10.0.0.1/internal")
        elif self.path == "/loop":
            self._redirect("/loop")
        elif self.path == "/big":
            self._send(200, b"x" * 100_000, "text/plain")
        elif self.path == "/big-chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for _ in range(20):
                self.wfile.write(b"2000\r\n" + b"y" * 0x2000 + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        else:
            self._send(404, b"not found", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    Handler.requests = []
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_a_loopback_server_is_refused_by_default(server: str) -> None:
    with pytest.raises(UnsafeURLError):
        fetch_url(server + "/page")
    assert Handler.requests == []          # refused before connecting


def test_fetch_and_follow_a_redirect(server: str) -> None:
    page = fetch_url(server + "/redirect", allow_private=True)
    assert page.body == PAGE and page.final_url == server + "/page" and page.url == server + "/redirect"
    assert page.content_type.startswith("text/html")
    assert Handler.requests == ["/redirect", "/page"]


def test_every_redirect_hop_is_vetted(server: str) -> None:
    def refuse_second_hop(url: str, *, allow_private: bool = False) -> VettedURL:
        if url.endswith("/page"):
            raise UnsafeURLError(f"refused {url}: test vet refuses the second hop")
        return vet_url(url, allow_private=True)

    with pytest.raises(UnsafeURLError, match="second hop"):
        fetch_url(server + "/redirect", vet=refuse_second_hop)
    assert Handler.requests == ["/redirect"]

    def trust_only_the_test_server(url: str, *, allow_private: bool = False) -> VettedURL:
        return vet_url(url, allow_private=url.startswith(server))

    with pytest.raises(UnsafeURLError, match="10.0.0.1"):
        fetch_url(server + "/redirect-private", vet=trust_only_the_test_server)


def test_redirect_loops_status_errors_and_size_caps(server: str) -> None:
    with pytest.raises(FetchError, match="redirects"):
        fetch_url(server + "/loop", allow_private=True)
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch_url(server + "/missing", allow_private=True)
    with pytest.raises(FetchError, match="over the limit"):
        fetch_url(server + "/big", allow_private=True, max_bytes=10_000)
    with pytest.raises(FetchError, match="over the limit"):
        fetch_url(server + "/big-chunked", allow_private=True, max_bytes=50_000)
    assert len(fetch_url(server + "/big-chunked", allow_private=True).body) == 20 * 0x2000


def test_an_unreachable_server_is_a_fetch_error() -> None:
    with socket.socket() as probe:          # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError) as info:
        fetch_url(f"http://127.0.0.1:{port}/", allow_private=True, timeout=2)
    assert not isinstance(info.value, UnsafeURLError)


def test_read_sources_fetches_only_when_asked_and_reports_refusals(server: str) -> None:
    (refused,) = read_sources([server + "/page"], fetch_urls=True)
    assert isinstance(refused, Failure) and (refused.stage, refused.code) == ("fetch", "E111")

    def local_fetch(url: str, **kwargs: object):
        return fetch_url(url, allow_private=True, **kwargs)

    (doc,) = read_sources([server + "/page"], fetch_urls=True, fetcher=local_fetch)
    assert isinstance(doc, Document) and doc.format == "html" and doc.origin == server + "/page"
    assert doc.text.startswith("Two rockets landed near Victory base") and doc.url == server + "/page"
    (missing,) = read_sources([server + "/missing"], fetch_urls=True, fetcher=local_fetch)
    assert (missing.stage, missing.code) == ("fetch", "E110")

"""The only network code of conflictdesk: fetching one web page, safely.

- only http and https;
- the host is resolved once and refused when ANY of its addresses is not a public unicast
  address (private, loopback, link-local, multicast, reserved, unspecified, shared, IPv4-mapped
  or 6to4/Teredo-wrapped private, ...), which keeps a fetch from reaching the machine itself,
  its network or a cloud metadata service;
- the connection goes to the vetted address (the URL's host stays in the Host header and TLS
  server name), so a second DNS answer cannot swap in an internal address;
- redirects are followed by hand, at most `MAX_REDIRECTS`, and every hop is vetted again;
- the body is streamed and abandoned past `max_bytes`;
- a conditional GET (`headers={"If-None-Match": etag, "If-Modified-Since": date}`) that the
  server answers 304 Not Modified returns a page with `status` 304 and no body.
"""
from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from ..errors import FetchError, UnsafeURLError

MAX_REDIRECTS = 5
DEFAULT_MAX_BYTES = 20_000_000
USER_AGENT = "conflictdesk/0.1 (+https://github.com/conflictdesk/conflictdesk)"
Resolver = Callable[..., list]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True, slots=True)
class FetchedPage:
    url: str                 # the URL asked for
    final_url: str           # after redirects
    content_type: str | None
    body: bytes
    status: int = 200            # 304: not modified since the ETag / Last-Modified the request sent
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class VettedURL:
    url: str
    scheme: str
    host: str
    port: int
    address: str             # the vetted IP address to connect to


def _unsafe_reason(ip: IPAddress) -> str | None:
    """Why an address must not be fetched from, or None when it is public unicast."""
    if isinstance(ip, ipaddress.IPv6Address):
        for wrapped in (ip.ipv4_mapped, ip.sixtofour, (ip.teredo or (None, None))[1]):
            if wrapped is not None:
                reason = _unsafe_reason(wrapped)
                if reason:
                    return f"{reason} (wrapped in {ip})"
    for attribute in ("is_loopback", "is_private", "is_link_local", "is_multicast", "is_reserved",
                      "is_unspecified", "is_site_local"):
        if getattr(ip, attribute, False):
            return attribute[3:].replace("_", "-")
    if not ip.is_global:
        return "not globally routable"
    return None


def check_address(address: str) -> None:
    """Raise UnsafeURLError unless `address` is a public unicast IP address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    reason = _unsafe_reason(ip)
    if reason:
        raise UnsafeURLError(f"refused: {address} is a {reason} address")


def vet_url(url: str, *, allow_private: bool = False, resolver: Resolver = socket.getaddrinfo) -> VettedURL:
    """Check a URL before fetching it: scheme, host, and every address the host resolves to.
    Raises UnsafeURLError (refused) or FetchError (the host does not resolve)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise UnsafeURLError(f"refused: only http and https URLs are fetched, not {scheme or 'a bare path'!r}")
    host = parts.hostname
    if not host:
        raise UnsafeURLError(f"refused: no host in {url!r}")
    if parts.username or parts.password:
        raise UnsafeURLError("refused: URLs with credentials are not fetched")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError as exc:
        raise UnsafeURLError(f"refused: bad port in {url!r}") from exc
    try:
        infos = resolver(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}") from exc
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise FetchError(f"host {host!r} resolves to no address")
    if not allow_private:
        for address in addresses:
            reason = _unsafe_reason(ipaddress.ip_address(address.split("%", 1)[0]))
            if reason:
                raise UnsafeURLError(f"refused {url}: {host} resolves to {address}, a {reason} address")
    return VettedURL(url=url, scheme=scheme, host=host, port=port, address=addresses[0])


def _pinned_request(client: httpx.Client, vetted: VettedURL, headers: Mapping[str, str]) -> httpx.Request:
    parts = urlsplit(vetted.url)
    ip_host = f"[{vetted.address.split('%', 1)[0]}]" if ":" in vetted.address else vetted.address
    pinned = urlunsplit((vetted.scheme, f"{ip_host}:{vetted.port}", parts.path or "/", parts.query, ""))
    default_port = vetted.port == (443 if vetted.scheme == "https" else 80)
    host_header = vetted.host if default_port else f"{vetted.host}:{vetted.port}"
    if ":" in vetted.host:
        host_header = f"[{vetted.host}]" if default_port else f"[{vetted.host}]:{vetted.port}"
    extensions = {"sni_hostname": vetted.host} if vetted.scheme == "https" else {}
    return client.build_request("GET", pinned, headers={**headers, "Host": host_header}, extensions=extensions)


def _read_capped(response: httpx.Response, max_bytes: int, url: str) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{url} is {int(declared):,} bytes, over the limit of {max_bytes:,}")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url} is over the limit of {max_bytes:,} bytes; stopped reading")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch_url(url: str, *, timeout: float = 15, max_bytes: int = DEFAULT_MAX_BYTES, allow_private: bool = False,
              vet: Callable[..., VettedURL] = vet_url, headers: Mapping[str, str] | None = None) -> FetchedPage:
    """GET a web page by the rules in this module's docstring. `allow_private` (and `vet`) exist
    for tests against a local server only. `headers` are sent with every hop (conditional GET:
    If-None-Match, If-Modified-Since). Raises UnsafeURLError or FetchError."""
    extra = {name: value for name, value in (headers or {}).items() if name.lower() != "host"}
    current = url
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False,
                      headers={"User-Agent": USER_AGENT, "Accept": "text/html, application/xhtml+xml, "
                               "application/rss+xml, application/atom+xml, text/plain;q=0.8, */*;q=0.5"}) as client:
        for _hop in range(MAX_REDIRECTS + 1):
            vetted = vet(current, allow_private=allow_private)
            try:
                response = client.send(_pinned_request(client, vetted, extra), stream=True)
                try:
                    if response.is_redirect and response.status_code != 304:   # 304 is not a redirect
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(f"{current} redirects without a Location header")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise FetchError(f"{current} answered HTTP {response.status_code}")
                    not_modified = response.status_code == 304
                    body = b"" if not_modified else _read_capped(response, max_bytes, current)
                    return FetchedPage(url=url, final_url=current, body=body,
                                       content_type=response.headers.get("content-type"),
                                       status=response.status_code, etag=response.headers.get("etag"),
                                       last_modified=response.headers.get("last-modified"))
                finally:
                    response.close()
            except httpx.HTTPError as exc:
                raise FetchError(f"cannot fetch {current}: {type(exc).__name__}: {exc}") from exc
    raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")

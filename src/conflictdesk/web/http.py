"""HTTP values of the web package, below its pages, API and application: the request, the
response, an error the client should see, and the API's one error shape."""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol
from http.cookies import CookieError, SimpleCookie
from urllib.parse import parse_qs, parse_qsl

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from .auth import Auth
    from ..store import Store

STATUS_TEXT = {200: "OK", 303: "See Other", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
               404: "Not Found", 405: "Method Not Allowed", 413: "Content Too Large", 415: "Unsupported Media Type",
               500: "Internal Server Error"}
MAX_BODY = 64 * 1024     # bytes of a form or JSON body (a review is a few hundred)


class HttpError(Exception):
    """An error the client caused or should see: a status, a message, and details."""

    def __init__(self, status: int, message: str, errors: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = list(errors)


@dataclass(slots=True)
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    environ: dict[str, Any]
    query_names: frozenset[str] = frozenset()      # every parameter name given, blank ones too
    _body: bytes | None = None

    @classmethod
    def from_environ(cls, environ: dict[str, Any]) -> "Request":
        raw = environ.get("PATH_INFO", "") or "/"
        # PEP 3333: PATH_INFO is bytes decoded as latin-1; the URL itself is UTF-8.
        try:
            path = raw.encode("latin-1").decode("utf-8")
        except UnicodeError:
            path = raw
        query = environ.get("QUERY_STRING", "")
        return cls(method=environ.get("REQUEST_METHOD", "GET").upper(), path=path,
                   query=parse_qs(query, keep_blank_values=False), environ=environ,
                   query_names=frozenset(name for name, _ in parse_qsl(query, keep_blank_values=True)))

    def arg(self, name: str) -> str | None:
        """The first value of a query parameter, stripped; None when absent or blank."""
        values = self.query.get(name)
        if not values:
            return None
        value = values[0].strip()
        return value or None

    def header(self, name: str) -> str | None:
        """A request header (`Origin`, `Authorization`, ...), or None."""
        key = name.upper().replace("-", "_")
        value = self.environ.get(key if key in ("CONTENT_TYPE", "CONTENT_LENGTH") else "HTTP_" + key)
        return value or None

    @property
    def cookies(self) -> dict[str, str]:
        jar = SimpleCookie()
        try:
            jar.load(self.environ.get("HTTP_COOKIE", ""))
        except CookieError:
            return {}
        return {name: morsel.value for name, morsel in jar.items()}

    @property
    def origin(self) -> str:
        """This site's own origin as the client addressed it: scheme://host[:port]."""
        host = self.environ.get("HTTP_HOST") or (f"{self.environ.get('SERVER_NAME', '')}:"
                                                 f"{self.environ.get('SERVER_PORT', '')}")
        return f"{self.environ.get('wsgi.url_scheme', 'http')}://{host}"

    def body(self) -> bytes:
        """The request body (at most MAX_BODY bytes: a longer one is a 413)."""
        if self._body is None:
            try:
                length = int(self.environ.get("CONTENT_LENGTH") or 0)
            except ValueError:
                raise HttpError(400, "Content-Length is not a number") from None
            if length > MAX_BODY:
                raise HttpError(413, f"a request body is limited to {MAX_BODY} bytes", [f"Content-Length: {length}"])
            stream = self.environ.get("wsgi.input")
            self._body = stream.read(length) if stream is not None and length > 0 else b""
        return self._body

    def form(self) -> dict[str, list[str]]:
        """The fields of a URL-encoded form body."""
        kind = (self.header("Content-Type") or "").split(";")[0].strip().lower()
        if kind != "application/x-www-form-urlencoded":
            raise HttpError(415, "a form must be sent as application/x-www-form-urlencoded",
                            [f"Content-Type: {kind or 'none'}"])
        try:
            return parse_qs(self.body().decode("utf-8"), keep_blank_values=True)
        except UnicodeDecodeError:
            raise HttpError(400, "the form is not UTF-8") from None

    def json_body(self) -> dict[str, Any]:
        """A JSON object body."""
        kind = (self.header("Content-Type") or "").split(";")[0].strip().lower()
        if kind != "application/json":
            raise HttpError(415, "send the body as application/json", [f"Content-Type: {kind or 'none'}"])
        try:
            data = json.loads(self.body().decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise HttpError(400, f"the body is not JSON: {exc}") from None
        if not isinstance(data, dict):
            raise HttpError(400, "the body must be a JSON object")
        return data

    def int_arg(self, name: str, default: int, *, low: int = 1, high: int = 1000) -> int:
        value = self.arg(name)
        if value is None:
            return default
        try:
            number = int(value)
        except ValueError:
            raise HttpError(400, f"parameter {name!r} must be an integer", [f"{name}: {value!r}"]) from None
        if not low <= number <= high:
            raise HttpError(400, f"parameter {name!r} must be between {low} and {high}", [f"{name}: {number}"])
        return number


@dataclass(slots=True)
class Response:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)
    cacheable: bool = True      # False: not kept by the app's answer cache (see cache.py)

    @classmethod
    def html(cls, text: str, status: int = 200) -> "Response":
        return cls(text.encode("utf-8"), status)

    @classmethod
    def json(cls, data: Any, status: int = 200, content_type: str = "application/json") -> "Response":
        # compact: the C encoder (an indent would take Python's, ten times slower on an event list)
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str) + "\n"
        return cls(body.encode("utf-8"), status, f"{content_type}; charset=utf-8")

    @classmethod
    def api(cls, **payload: Any) -> "Response":
        """A success answer of the API, in its one shape: `{"ok": true, **payload}`."""
        return cls.json({"ok": True, **payload})

    @classmethod
    def redirect(cls, location: str, status: int = 303) -> "Response":
        """Go to `location` (a path on this site) after a POST."""
        return cls(b"", status, "text/plain; charset=utf-8", [("Location", location)])

    @classmethod
    def text(cls, text: str, content_type: str, *, filename: str | None = None) -> "Response":
        headers = [("Content-Disposition", f'inline; filename="{filename}"')] if filename else []
        return cls(text.encode("utf-8"), 200, f"{content_type}; charset=utf-8", headers)


def error_body(status: int, message: str, errors: Iterable[str] = ()) -> dict[str, Any]:
    """The one error shape of the API."""
    return {"ok": False, "error": message, "errors": list(errors), "status": status}


class Site(Protocol):
    """What a page or API handler reads from the application (`WebApp`)."""

    @property
    def store(self) -> "Store": ...

    @property
    def kb(self) -> "KnowledgeBase": ...

    @property
    def auth(self) -> "Auth": ...

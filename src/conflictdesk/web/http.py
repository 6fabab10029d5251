"""HTTP values of the web package, below its pages, API and application: the request, the
response, an error the client should see, and the API's one error shape."""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import parse_qs, parse_qsl

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..store import Store

STATUS_TEXT = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed",
               500: "Internal Server Error"}


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

    @classmethod
    def html(cls, text: str, status: int = 200) -> "Response":
        return cls(text.encode("utf-8"), status)

    @classmethod
    def json(cls, data: Any, status: int = 200, content_type: str = "application/json") -> "Response":
        body = json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
        return cls(body.encode("utf-8"), status, f"{content_type}; charset=utf-8")

    @classmethod
    def api(cls, **payload: Any) -> "Response":
        """A success answer of the API, in its one shape: `{"ok": true, **payload}`."""
        return cls.json({"ok": True, **payload})

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

"""The WSGI application: a tiny router over the standard library, one error shape, safe headers.

    app = WebApp(store, kb_dirs=settings.kb_dirs)
    wsgiref.simple_server.make_server("127.0.0.1", 8750, app).serve_forever()

Routes are `(method, pattern, handler)`; a handler takes a `Request` and the path's named
groups and returns a `Response`. A `ConflictDeskError` or `HttpError` raised by a handler
becomes an error response: under `/api/` always the JSON error shape

    {"ok": false, "error": "...", "errors": [...], "status": 404}

and on pages an HTML error page with the same status. Anything else is a 500 whose details go
to the server's error stream, never to the client.
"""
from __future__ import annotations

import re
import traceback
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConflictDeskError, InputError, NotFoundError, UnknownValueError
from .auth import DEFAULT_REVIEWER, Auth
from .cache import ResponseCache
from .http import STATUS_TEXT, HttpError, Request, Response, error_body
from .pages import error_page
from .routes import ROUTES, Route, check_params

if TYPE_CHECKING:
    from ..knowledge import KnowledgeBase
    from ..store import Store

# Pages: script and styles only from the app's own static files (no inline script, no eval), fetches
# only to the app itself, images only inline (SVG is markup).
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("X-Content-Type-Options", "nosniff"),
    # no referrer leaves for another site; our own forms keep a real Origin header (under no-referrer
    # a browser sends "Origin: null", and the same-origin check of writes could not tell them apart)
    ("Referrer-Policy", "same-origin"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
)
def status_of(exc: ConflictDeskError) -> int:
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, InputError):
        return 400
    return 500


class WebApp:
    """conflictdesk's web pages and JSON API over one store (see `routes.py` for the table)."""

    def __init__(self, store: "Store", *, kb: "KnowledgeBase | None" = None,
                 kb_dirs: Iterable["str | Path"] = (), token: str | None = None,
                 reviewers: "Mapping[str, str] | None" = None, reviewer: str = DEFAULT_REVIEWER,
                 cache: bool = True) -> None:
        self.store = store
        self.cache = ResponseCache() if cache else None   # answers that are the same for everyone
        # read-only without a token; each token names its reviewer (auth.py)
        self.auth = Auth(token, reviewers, reviewer=reviewer)
        self._kb = kb
        self._kb_dirs = tuple(kb_dirs)
        self.routes: list[tuple[re.Pattern[str], Route]] = [(re.compile(f"^{r.pattern}$"), r) for r in ROUTES]

    @property
    def kb(self) -> "KnowledgeBase":
        """The knowledge base, loaded on first use (it is memoised by `load_knowledge_base`)."""
        if self._kb is None:
            from ..knowledge import load_knowledge_base

            self._kb = load_knowledge_base(self._kb_dirs)
        return self._kb

    def dispatch(self, request: Request) -> Response:
        allowed: list[str] = []
        for pattern, route in self.routes:
            match = pattern.match(request.path)
            if match is None:
                continue
            if request.method == route.method or (request.method == "HEAD" and route.method == "GET"):
                check_params(route, request)
                if not (route.cacheable and self.cache is not None):
                    return route.handler(self, request, **match.groupdict())
                key = (request.path, request.environ.get("QUERY_STRING", ""), self.store.data_version())
                return self.cache.get(key) or self.cache.put(key, route.handler(self, request, **match.groupdict()))
            allowed.append(route.method)
        if allowed:
            raise HttpError(405, f"method {request.method} is not allowed on {request.path}",
                            [f"allowed: {', '.join(sorted(set(allowed)))}"])
        raise HttpError(404, f"no page or endpoint at {request.path}")

    def respond(self, request: Request) -> Response:
        try:
            return self.dispatch(request)
        except HttpError as exc:
            return self.error(request, exc.status, exc.message, exc.errors)
        except ConflictDeskError as exc:
            problems = list(getattr(exc, "problems", []))
            if isinstance(exc, UnknownValueError):
                problems += [f"did you mean: {s}" for s in exc.suggestions]
            return self.error(request, status_of(exc), str(exc), problems)
        except Exception:  # noqa: BLE001 - a bug must not leak a traceback to the client; it is logged
            stream = request.environ.get("wsgi.errors")
            if stream is not None:
                stream.write(traceback.format_exc())
            return self.error(request, 500, "internal error (see the server's log)")

    def error(self, request: Request, status: int, message: str, errors: Iterable[str] = ()) -> Response:
        errors = list(errors)
        if request.path == "/api" or request.path.startswith("/api/"):
            return Response.json(error_body(status, message, errors), status)
        return Response.html(error_page(status, message, errors), status)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        request = Request.from_environ(environ)
        response = self.respond(request)
        own = {name.lower() for name, _ in response.headers}
        policy = [] if "content-security-policy" in own else [("Content-Security-Policy", CONTENT_SECURITY_POLICY)]
        headers = [("Content-Type", response.content_type), ("Content-Length", str(len(response.body))),
                   *policy, *SECURITY_HEADERS, *response.headers]
        start_response(f"{response.status} {STATUS_TEXT.get(response.status, 'Error')}", headers)
        return [] if request.method == "HEAD" else [response.body]

"""conflictdesk's web pages and JSON API: a WSGI application over the standard library.

    from conflictdesk.web import WebApp, make_server
    with Store(url) as store:
        make_server(WebApp(store), "127.0.0.1", 8750).serve_forever()

Pages: `/` (document search, latest events), `/documents/{id}` (text with evidence
highlighted), `/events` (map of every matching event, clustered; timeline; paged table; drop-down
filters), `/actors/{id}`, `/errors`, `/briefs/{id}`. API: see `/api` and `api.py`. Every page
works without script; the only script is the app's own small static file (`static/map.js`:
wheel zoom and drag pan), and every page is sent with a strict Content-Security-Policy.
"""
from __future__ import annotations

from .app import CONTENT_SECURITY_POLICY, WebApp
from .http import HttpError, Request, Response, error_body
from .server import make_server, serve_in_thread

__all__ = ["CONTENT_SECURITY_POLICY", "HttpError", "Request", "Response", "WebApp", "error_body", "make_server",
           "serve_in_thread"]

"""The URL table: (method, path pattern, handler). Patterns are anchored regular expressions;
named groups become the handler's keyword arguments (already percent-decoded by the server)."""
from __future__ import annotations

from . import api, pages

ROUTES = [
    ("GET", r"/", pages.home),
    ("GET", r"/documents/(?P<document_id>.+)", pages.document),
    ("GET", r"/events", pages.events),
    ("GET", r"/actors/(?P<actor_id>[^/]+)", pages.actor),
    ("GET", r"/errors", pages.errors),
    ("GET", r"/briefs/(?P<document_id>.+)", pages.brief),
    ("GET", r"/static/style\.css", pages.stylesheet),
    ("GET", r"/api/?", api.index),
    ("GET", r"/api/documents", api.documents),
    ("GET", r"/api/documents/(?P<document_id>.+)", api.document),
    ("GET", r"/api/events", api.events),
    ("GET", r"/api/events\.stix", api.events_stix),
    ("GET", r"/api/actors/(?P<actor_id>[^/]+)", api.actor),
    ("GET", r"/api/errors", api.errors),
    ("GET", r"/api/briefs/(?P<document_id>.+)", api.brief),
]

"""Server-rendered HTML pages: home (search and latest events), a document with its evidence
highlighted, events (map, timeline, a paged table), an actor, errors, and a stored document's
brief. Each page is a template under `templates/` (autoescaped, one base layout); markup built
here (highlighted text, charts, links) escapes every untrusted value with `h`."""
from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from markupsafe import Markup

from ..errors import NotFoundError
from ..records import Document, StoredEvent
from .http import HttpError, Request, Response, Site
from .markup import HIGHLIGHT_KINDS, highlight_text, highlights_of
from .names import Names
from .templating import render

PAGE_EVENTS = 100


def error_page(status: int, message: str, errors: Sequence[str]) -> str:
    return render("error.html", title=f"Error {status}", status=status, message=message, errors=list(errors))


# --- pages ------------------------------------------------------------------------------------
def home(app: "Site", request: Request) -> Response:
    query = request.arg("q")
    docs: list[Document] = (app.store.search_documents(query, limit=50) if query
                            else app.store.list_documents(limit=20))
    latest = app.store.list_events(limit=25)
    return Response.html(render("home.html", title="Documents", active="/", query=query, docs=docs, latest=latest,
                                names=Names.of(app, latest)))


def document(app: "Site", request: Request, document_id: str) -> Response:
    ex = app.store.get_extraction(document_id)
    doc = ex.document
    stored = [StoredEvent(event=e, document_id=doc.id, source=doc.source, url=doc.url, published=doc.published,
                          title=doc.title) for e in ex.events]
    return Response.html(render("document.html", title=doc.title or doc.id, doc=doc, ex=ex, stored=stored,
                                names=Names({a.id: a for a in ex.actors}), people={p.id: p.name for p in ex.people},
                                kinds=HIGHLIGHT_KINDS, text=Markup(highlight_text(doc.text, highlights_of(ex)))))


def _dicts(value: object) -> list[dict[str, Any]]:
    """The dicts of a profile's list field (relations, related, people)."""
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


def actor(app: "Site", request: Request, actor_id: str) -> Response:
    try:
        profile: dict[str, Any] | None = app.kb.profile(actor_id)
    except NotFoundError:
        profile = None
    found = app.store.list_events(actor=actor_id, limit=PAGE_EVENTS)
    stored = app.store.actor_directory([actor_id]).get(actor_id)
    if profile is None and stored is None:
        raise HttpError(404, f"no actor with id {actor_id!r} in the knowledge base or the store")
    name = str(profile.get("name") or actor_id) if profile is not None else stored.name  # type: ignore[union-attr]
    return Response.html(render(
        "actor.html", title=name, name=name, actor_id=actor_id, profile=profile, stored=stored, found=found,
        limit=PAGE_EVENTS, names=Names.of(app, found), relations=_dicts((profile or {}).get("relations")),
        related=_dicts((profile or {}).get("related")), people=_dicts((profile or {}).get("people"))))


def errors(app: "Site", request: Request) -> Response:
    found = app.store.list_errors(limit=200)
    return Response.html(render("errors.html", title="Errors", active="/errors", found=found))


_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def brief(app: "Site", request: Request, document_id: str) -> Response:
    """The brief's own self-contained page (brief.render_html): its inline stylesheet is
    allowed by its hash, and still no script."""
    from ..brief import build_brief, render_html

    extraction = app.store.get_extraction(document_id)
    page = render_html(build_brief(extraction, kb=app.kb, store=app.store))
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(m.group(1).encode()).digest()).decode()}'"
                      for m in _STYLE.finditer(page))
    policy = f"default-src 'none'; style-src {hashes or chr(39) + 'none' + chr(39)}; base-uri 'none'; " \
             "form-action 'none'; frame-ancestors 'none'"
    response = Response.html(page)
    response.headers.append(("Content-Security-Policy", policy))
    return response


STATIC_TYPES = {"css": "text/css", "js": "text/javascript"}


def static(app: "Site", request: Request, name: str) -> Response:
    """One of the app's own static files (the stylesheet, the map's small script)."""
    text = resources.files("conflictdesk.web").joinpath(f"static/{name}").read_text(encoding="utf-8")
    kind = STATIC_TYPES[name.rsplit(".", 1)[1]]
    return Response(text.encode("utf-8"), 200, f"{kind}; charset=utf-8", [("Cache-Control", "max-age=3600")])

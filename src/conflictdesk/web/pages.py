"""Server-rendered HTML pages: home (search and latest events), a document with its evidence
highlighted, events (map, timeline, a paged table), an actor, errors, a stored document's brief
and the weekly digest. Each page is a template under `templates/` (autoescaped, one base layout);
markup built here (highlighted text, charts, links) escapes every untrusted value with `h`."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from importlib import resources

from markupsafe import Markup

from ..errors import NotFoundError
from ..records import Document, StoredEvent
from .http import HttpError, Request, Response, Site
from .markup import HIGHLIGHT_KINDS, highlight_text, highlights_of, path
from .names import Names
from .templating import render

PAGE_EVENTS = 100


def error_page(status: int, message: str, errors: Sequence[str]) -> str:
    return render("error.html", title=f"Error {status}", status=status, message=message, errors=list(errors))


# --- pages ------------------------------------------------------------------------------------
PAGE_DOCUMENTS = 25
SNIPPET = 110   # characters of text either side of the first match


def snippet(text: str, forms: Sequence[str]) -> Markup | None:
    """The stretch of `text` around the first word of any form, that word marked (escaped)."""
    words = [w for f in forms for w in re.findall(r"\w{3,}", f)]
    if not words:
        return None
    found = re.search(r"\b(" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + r")",
                      text, re.IGNORECASE)
    if found is None:
        return None
    start, end = max(0, found.start() - SNIPPET), min(len(text), found.end() + SNIPPET)
    before, hit, after = text[start:found.start()], text[found.start():found.end()], text[found.end():end]
    return Markup("{}{}<mark>{}</mark>{}{}").format("…" if start else "", " ".join(before.split()), hit,
                                                    " ".join(after.split()), "…" if end < len(text) else "")


def documents(app: "Site", request: Request) -> Response:
    """Stored documents, newest first, or a full-text search that knows the knowledge base's
    spellings (ISIS = Islamic State = Daesh; Falluja = Fallujah), with snippets; paged."""
    from ..lookup import search_forms

    query = request.arg("q")
    offset = request.int_arg("offset", 0, low=0, high=10_000)
    forms = search_forms(app.kb, query) if query else []
    found: list[Document] = (app.store.search_documents(forms, limit=offset + PAGE_DOCUMENTS + 1)[offset:] if query
                             else app.store.list_documents(limit=PAGE_DOCUMENTS + 1, offset=offset))
    more, docs = len(found) > PAGE_DOCUMENTS, found[:PAGE_DOCUMENTS]
    args = {"q": query} if query else {}
    page = {"first": offset + 1 if docs else 0, "last": offset + len(docs),
            "previous": path("documents", **args, offset=max(offset - PAGE_DOCUMENTS, 0) or None) if offset else None,
            "next": path("documents", **args, offset=offset + PAGE_DOCUMENTS) if more else None}
    return Response.html(render("home.html", title="Documents", active="/documents", query=query, forms=forms[1:],
                                docs=[(d, snippet(d.text, forms) if query else None) for d in docs], page=page))


def document(app: "Site", request: Request, document_id: str) -> Response:
    ex = app.store.get_extraction(document_id)
    doc = ex.document
    stored = [StoredEvent(event=e, document_id=doc.id, source=doc.source, url=doc.url, published=doc.published,
                          title=doc.title) for e in ex.events]
    return Response.html(render("document.html", title=doc.title or doc.id, doc=doc, ex=ex, stored=stored,
                                names=Names({a.id: a for a in ex.actors}), people={p.id: p.name for p in ex.people},
                                kinds=HIGHLIGHT_KINDS, text=Markup(highlight_text(doc.text, highlights_of(ex)))))


def errors(app: "Site", request: Request) -> Response:
    found = app.store.list_errors(limit=200)
    return Response.html(render("errors.html", title="Errors", active="/errors", found=found))


def _week(request: Request, default: dt.date | None) -> str | None:
    """The ISO week a page asks for (`?week=2016-W24`), else the week of `default`; a 400 for a bad one."""
    from ..brief.digest import iso_week, week_of
    from ..errors import BriefError

    value = request.arg("week")
    if value is None:
        return week_of(default) if default else None
    try:
        iso_week(value)
    except BriefError as exc:
        raise HttpError(400, str(exc), ["week: an ISO week like 2016-W24"]) from None
    return value.strip()


def brief(app: "Site", request: Request, document_id: str) -> Response:
    """A stored document's brief on the site's layout: numbered notes with the quoted evidence as their
    tooltips, the evidence appendix folded, links to the document and to its week's digest."""
    from ..brief import build_brief
    from ..brief.render import brief_view

    made = build_brief(app.store.get_extraction(document_id), kb=app.kb, store=app.store)
    return Response.html(render("brief.html", title=f"Brief: {made.title or document_id}", brief=made,
                                view=brief_view(made), week=_week(request, made.published)))


def digest(app: "Site", request: Request) -> Response:
    """The week's conflict stories (`?week=2016-W24`, default the latest stored week), with links to the
    week before and after, to each story's documents and to their briefs."""
    from ..brief.digest import build_digest, timeline_svg, week_of
    from ..errors import BriefError, Code

    week = _week(request, None)
    try:
        made = build_digest(app.store, week=week, top=request.int_arg("top", 10, high=100))
    except BriefError as exc:
        status = 404 if exc.code == str(Code.NOTHING_TO_DIGEST) else 400
        raise HttpError(status, str(exc)) from None
    cites = list(dict.fromkeys(c for st in made.stories for c in st.summary.citations))
    number = {c: i for i, c in enumerate(cites, 1)}
    note_text = {i: f"“{' '.join((c.quote or '').split())}” — document {c.ref}, characters {c.start}–{c.end}"
                 for c, i in number.items()}
    return Response.html(render(
        "digest.html", title=f"Digest {made.week}", active="/digest", digest=made,
        previous=week_of(made.start - dt.timedelta(days=7)), next=week_of(made.start + dt.timedelta(days=7)),
        timeline=Markup(timeline_svg(made)), note_text=note_text, notes=list(note_text.items()),
        story_notes={st.id: [number[c] for c in st.summary.citations] for st in made.stories}))


STATIC_TYPES = {"css": "text/css", "js": "text/javascript"}


def static(app: "Site", request: Request, name: str) -> Response:
    """One of the app's own static files (the stylesheet, the map's small script)."""
    text = resources.files("conflictdesk.web").joinpath(f"static/{name}").read_text(encoding="utf-8")
    kind = STATIC_TYPES[name.rsplit(".", 1)[1]]
    return Response(text.encode("utf-8"), 200, f"{kind}; charset=utf-8", [("Cache-Control", "max-age=3600")])

"""Review in the browser and over the API: an analyst accepts, corrects or rejects an event (type,
actors, place, date, fatalities) or a statement point's labels. The store writes the analyst's
values into the event or point and records the change (who, when, before and after) in its
audit trail; `/api/corrections` and `conflictdesk corrections` export that trail. Writes need the
server's token (see auth.py): pages are read-only without one."""
from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlsplit

from .. import lookup
from ..errors import UnknownValueError
from ..taxonomy import SUB_EVENT_TYPES as EVENT_TYPES
from ..records import POINT_LABELS
from ..store import EventFilter
from ..store.review import ACTIONS, EVENT_FIELDS
from .filters import parse_date
from .http import HttpError, Request, Response, Site
from .markup import path
from .names import Names
from .templating import render

PAGE_QUEUE = 50
ACTOR_FIELDS = ("actor1", "actor2")


def _one(form: dict[str, list[str]], name: str) -> str | None:
    values = form.get(name)
    return values[0] if values else None


def _action(value: object) -> str:
    if value not in ACTIONS:
        raise HttpError(400, f"action must be one of {', '.join(ACTIONS)}", [f"action: {value!r}"])
    return str(value)


def resolve_actor(app: Site, value: str | None) -> str | None:
    """An actor typed on a review form (an id, a name or an alias) as the id to store."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    entry = app.kb.actors.get(value) or app.kb.find_actor_by_name(value)
    if entry is not None:
        return entry.id
    if value in app.store.actor_directory([value]):
        return value
    try:
        return lookup.actor_ids(app.kb, app.store, value)[0]
    except UnknownValueError as exc:
        raise HttpError(400, str(exc), [f"did you mean: {s}" for s in exc.suggestions]) from None


def event_changes(app: Site, fields: dict[str, Any]) -> dict[str, Any]:
    """The fields of a correction, actors read as ids (by any name the knowledge base knows)."""
    unknown = sorted(set(fields) - set(EVENT_FIELDS))
    if unknown:
        raise HttpError(400, f"not an event field an analyst can correct: {', '.join(unknown)}",
                        [f"fields: {', '.join(EVENT_FIELDS)}"])
    changes = dict(fields)
    for name in ACTOR_FIELDS:
        if name in changes:
            changes[name] = resolve_actor(app, changes[name] if isinstance(changes[name], str) else None)
    for name in ("assoc_actor_1", "assoc_actor_2"):
        if name in changes:
            items = changes[name].split(",") if isinstance(changes[name], str) else list(changes[name] or [])
            changes[name] = [a for a in (resolve_actor(app, str(x)) for x in items) if a]
    return changes


def _find_event(app: Site, document_id: str, event_id: str) -> Any:
    ex = app.store.get_extraction(document_id, include_rejected=True)
    for ev in ex.events:
        if ev.id == event_id:
            return ex, ev
    raise HttpError(404, f"no event {event_id!r} in document {document_id!r}")


def _machine_values(app: Site, document_id: str, target_id: str, target: str) -> dict[str, Any]:
    """The machine's value of each field an analyst changed (the first 'before' in the trail)."""
    out: dict[str, Any] = {}
    for c in app.store.list_corrections(document_id=document_id):
        if c.target == target and c.target_id == target_id:
            for name, (before, _after) in c.changes.items():
                out.setdefault(name, before)
    return out


def _common(app: Site, request: Request, action: str) -> dict[str, Any]:
    reviewer = app.auth.reviewer(request)
    return {"writable": app.auth.enabled, "reviewer": reviewer,
            "csrf": app.auth.csrf_token(request, action) if reviewer else "",
            "csrf_logout": app.auth.csrf_token(request, "/logout") if reviewer else "",
            "login": path("login", next=request.path), "saved": request.arg("saved")}


# --- pages ------------------------------------------------------------------------------------
def queue(app: Site, request: Request) -> Response:
    """Events and statement points waiting for review, and the latest corrections."""
    offset = request.int_arg("offset", 0, low=0, high=10_000_000)
    show = request.arg("show") or "unreviewed"
    if show not in ("unreviewed", "all"):
        raise HttpError(400, "show must be unreviewed or all", [f"show: {show!r}"])
    flt = EventFilter(include_rejected=True, unreviewed=show == "unreviewed")
    total = app.store.count_events(flt)
    found = app.store.list_events(flt, limit=PAGE_QUEUE, offset=offset)
    statements = app.store.list_statements(limit=20)
    trail = app.store.list_corrections(limit=30, newest_first=True)
    page = {"total": total, "first": offset + 1 if found else 0, "last": offset + len(found),
            "previous": path("review", show=show, offset=max(offset - PAGE_QUEUE, 0) or None) if offset else None,
            "next": path("review", show=show, offset=offset + PAGE_QUEUE) if offset + len(found) < total else None}
    return Response.html(render("review.html", title="Review", active="/review", found=found, page=page, show=show,
                                statements=statements, trail=trail, names=Names.of(app, found),
                                **_common(app, request, request.path)))


def event_form(app: Site, request: Request, document_id: str, event_id: str) -> Response:
    """One event's review form: its evidence, its values (editable), the machine's values."""
    ex, ev = _find_event(app, document_id, event_id)
    names = Names.for_ids(app, [a for a in (ev.actor1, ev.actor2, *ev.assoc_actor_1, *ev.assoc_actor_2) if a])
    history = [c for c in app.store.list_corrections(document_id=document_id)
               if c.target == "event" and c.target_id == event_id]
    return Response.html(render("review_event.html", title=f"Review event {event_id}", active="/review", doc=ex.document,
                                ev=ev, names=names, types=EVENT_TYPES, history=history,
                                machine=_machine_values(app, document_id, event_id, "event"),
                                **_common(app, request, request.path)))


def event_post(app: Site, request: Request, document_id: str, event_id: str) -> Response:
    form = request.form()
    reviewer = app.auth.page_writer(request, request.path, form)
    action = _action(_one(form, "action"))
    changes = event_changes(app, {name: _one(form, name) for name in EVENT_FIELDS if name in form}) \
        if action == "correct" else {}
    app.store.review_event(document_id, event_id, action=action, reviewer=reviewer, changes=changes,
                           note=(_one(form, "note") or "")[:2000])
    return Response.redirect(path("review", "events", document_id, event_id) + f"?saved={action}")


def _find_point(app: Site, document_id: str, statement_id: str, number: str) -> Any:
    ex = app.store.get_extraction(document_id, include_rejected=True)
    for st in ex.statements:
        if st.id == statement_id:
            if not number.isdigit() or int(number) >= len(st.points):
                break
            return ex, st, st.points[int(number)]
    raise HttpError(404, f"no point {number} in statement {statement_id!r} of document {document_id!r}")


def point_form(app: Site, request: Request, document_id: str, statement_id: str, number: str) -> Response:
    """One statement point's review form: its text and its labels (checkboxes)."""
    ex, st, point = _find_point(app, document_id, statement_id, number)
    target = f"{statement_id}/{number}"
    history = [c for c in app.store.list_corrections(document_id=document_id)
               if c.target == "point" and c.target_id == target]
    return Response.html(render("review_point.html", title=f"Review statement point {target}", active="/review",
                                doc=ex.document, st=st, point=point, number=int(number), labels=POINT_LABELS,
                                history=history, names=Names.for_ids(app, [st.actor] if st.actor else []),
                                machine=_machine_values(app, document_id, target, "point"),
                                **_common(app, request, request.path)))


def point_post(app: Site, request: Request, document_id: str, statement_id: str, number: str) -> Response:
    form = request.form()
    reviewer = app.auth.page_writer(request, request.path, form)
    _find_point(app, document_id, statement_id, number)
    action = _action(_one(form, "action"))
    app.store.review_point(document_id, statement_id, int(number), action=action, reviewer=reviewer,
                           labels=form.get("labels", []) if action == "correct" else None,
                           note=(_one(form, "note") or "")[:2000])
    return Response.redirect(path("review", "points", document_id, statement_id, number) + f"?saved={action}")


def _local(target: str | None) -> str:
    """A path on this site to go to after signing in (never another site)."""
    if not target or not target.startswith("/") or target.startswith("//") or urlsplit(target).netloc:
        return "/review"
    return target


def login_form(app: Site, request: Request) -> Response:
    return Response.html(render("login.html", title="Sign in", active="/review", writable=app.auth.enabled,
                                next=_local(request.arg("next")), reviewer=app.auth.reviewer(request), problem=None))


def login_post(app: Site, request: Request) -> Response:
    """Sign in with a reviewer's token: the session (and the audit trail) names the reviewer the
    token is bound to."""
    if not app.auth.enabled:
        raise HttpError(403, "this server is read-only: start it with --token or --tokens to review")
    app.auth.check_same_origin(request)
    form = request.form()
    target = _local(_one(form, "next"))
    name = app.auth.reviewer_of(_one(form, "token"))
    if name is None:
        page = render("login.html", title="Sign in", active="/review", writable=True, next=target, reviewer=None,
                      problem="That token is not a reviewer's token on this server.")
        return Response.html(page, 403)
    response = Response.redirect(target)
    response.headers.append(("Set-Cookie", app.auth.session_cookie(name)))
    return response


def logout_post(app: Site, request: Request) -> Response:
    app.auth.page_writer(request, request.path, request.form())
    response = Response.redirect("/")
    response.headers.append(("Set-Cookie", app.auth.cleared_cookie()))
    return response


# --- API ----------------------------------------------------------------------------------------
def event_api(app: Site, request: Request, document_id: str, event_id: str) -> Response:
    """Accept, correct or reject an event: JSON {action, changes, reviewer, note}; needs the token."""
    body = request.json_body()
    reviewer = app.auth.api_writer(request, body.get("reviewer"))
    action = _action(body.get("action"))
    changes = body.get("changes") or {}
    if not isinstance(changes, dict):
        raise HttpError(400, "changes must be an object of field: value")
    done = app.store.review_event(document_id, event_id, action=action, reviewer=reviewer,
                                  changes=event_changes(app, changes) if action == "correct" else {},
                                  note=str(body.get("note") or "")[:2000])
    return Response.api(correction=done.as_dict())


def point_api(app: Site, request: Request, document_id: str, statement_id: str, number: str) -> Response:
    """Accept, correct or reject a statement point's labels: JSON {action, labels, reviewer, note}; needs the token."""
    body = request.json_body()
    reviewer = app.auth.api_writer(request, body.get("reviewer"))
    action = _action(body.get("action"))
    labels = body.get("labels")
    if action == "correct" and not (isinstance(labels, list) and all(isinstance(x, str) for x in labels)):
        raise HttpError(400, "labels must be a list of point labels", [f"known: {', '.join(POINT_LABELS)}"])
    if not number.isdigit():
        raise HttpError(404, f"no point {number!r}")
    done = app.store.review_point(document_id, statement_id, int(number), action=action, reviewer=reviewer,
                                  labels=labels if action == "correct" else None, note=str(body.get("note") or "")[:2000])
    return Response.api(correction=done.as_dict())


def corrections_api(app: Site, request: Request) -> Response:
    """The review audit trail, oldest first: every correction with who, when, before and after (format json or jsonl)."""
    import json

    fmt = request.arg("format") or "json"
    if fmt not in ("json", "jsonl"):
        raise HttpError(400, "parameter 'format' must be json or jsonl", [f"format: {fmt!r}"])
    since = parse_date(request, "since")
    found = app.store.list_corrections(document_id=request.arg("document"), limit=request.int_arg("limit", 10_000, high=1_000_000),
                                       since=dt.datetime.combine(since, dt.time(), dt.timezone.utc) if since else None)
    if fmt == "jsonl":
        return Response.text("".join(json.dumps(c.as_dict(), ensure_ascii=False) + "\n" for c in found),
                             "application/x-ndjson", filename="corrections.jsonl")
    return Response.api(count=len(found), corrections=[c.as_dict() for c in found])

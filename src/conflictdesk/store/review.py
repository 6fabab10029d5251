"""Review: analysts accept, correct or reject what the machine coded, and the store keeps both.

    store.review_event("doc-1", "e2", action="correct", changes={"fatalities": 4}, reviewer="amira")
    store.review_point("doc-1", "s1", 0, action="correct", labels=["threat"], reviewer="amira")
    store.list_corrections()          # the audit trail, oldest first

A correction is written into the event's (or point's) own row, so every list, count, map,
export and brief reads the analyst's values; the machine's values stay in the audit trail
(`corrections`: each changed field as [before, after], who, when, why). A rejected event is left
out of every view and export (`EventFilter.include_rejected` shows it to the review pages). When a
document is extracted again, its corrections are applied again to the events and points that
keep their ids (`reapply`).
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Connection, delete, insert, select, update

from ..errors import InputError, NotFoundError
from ..records import POINT_LABELS
from .rows import ASSOC_ROLES, dumps, loads_list
from .schema import CorrectionRow, EventActorRow, EventRow, PointRow, StatementRow

Action = Literal["accept", "correct", "reject"]
ACTIONS: tuple[str, ...] = ("accept", "correct", "reject")
REVIEW_STATE = {"accept": "accepted", "correct": "corrected", "reject": "rejected"}
# the event fields an analyst may correct, and how each is read from a form value
EVENT_FIELDS: tuple[str, ...] = ("event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2",
                                 "assoc_actor_2", "country", "admin1", "location", "latitude", "longitude",
                                 "event_date", "fatalities")
LIST_FIELDS = ("assoc_actor_1", "assoc_actor_2")


@dataclass(frozen=True, slots=True)
class Correction:
    """One row of the audit trail."""

    id: int
    document_id: str
    target: str                       # event, point
    target_id: str                    # the event id; "<statement id>/<point number>" for a point
    action: str                       # accept, correct, reject
    changes: dict[str, list[Any]]     # field: [machine value, analyst value]
    reviewer: str
    note: str
    at: dt.datetime

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "document_id": self.document_id, "target": self.target, "target_id": self.target_id,
                "action": self.action, "changes": self.changes, "reviewer": self.reviewer, "note": self.note,
                "at": self.at.isoformat()}


def correction_record(row: CorrectionRow) -> Correction:
    at = row.at if row.at.tzinfo else row.at.replace(tzinfo=dt.timezone.utc)
    return Correction(id=row.id, document_id=row.document_id, target=row.target, target_id=row.target_id,
                      action=row.action, changes=json.loads(row.changes or "{}"), reviewer=row.reviewer,
                      note=row.note or "", at=at)


def _plain(field: str, value: Any) -> Any:
    """A field's value as the audit trail holds it (JSON: dates as text, lists as lists)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if field in LIST_FIELDS and isinstance(value, str):
        return loads_list(value)
    return value


def check_event_changes(changes: dict[str, Any]) -> dict[str, Any]:
    """The changes typed for the events table (dates as dates, numbers as numbers, lists as
    lists); an unknown field or a bad value is an InputError naming it."""
    from ..taxonomy import SUB_EVENT_TYPES as EVENT_TYPES

    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in EVENT_FIELDS:
            raise InputError(f"{name!r} is not an event field an analyst can correct "
                             f"(one of: {', '.join(EVENT_FIELDS)})")
        if isinstance(value, str):
            value = value.strip() or None
        try:
            if name == "event_date" and value is not None and not isinstance(value, dt.date):
                value = dt.date.fromisoformat(str(value))
            elif name == "fatalities" and value is not None:
                value = int(value)
                if value < 0:
                    raise ValueError("a negative count")
            elif name in ("latitude", "longitude") and value is not None:
                value = float(value)
                if not -180 <= value <= 180 or (name == "latitude" and not -90 <= value <= 90):
                    raise ValueError("out of range")
            elif name in LIST_FIELDS:
                value = [v.strip() for v in (value.split(",") if isinstance(value, str) else value or []) if v.strip()]
        except (TypeError, ValueError) as exc:
            raise InputError(f"{name}: {value!r} is not a valid value ({exc})") from None
        out[name] = value
    kind, sub = out.get("event_type"), out.get("sub_event_type")
    if kind is not None and kind not in EVENT_TYPES:
        raise InputError(f"event_type: {kind!r} is not an ACLED event type ({', '.join(EVENT_TYPES)})")
    if "event_type" in out and kind is None or "sub_event_type" in out and sub is None:
        raise InputError("an event keeps an event type and a sub-event type")
    return out


def review_event(conn: Connection, document_id: str, event_id: str, *, action: str, changes: dict[str, Any],
                 reviewer: str, note: str, at: dt.datetime, replay: bool = False) -> Correction | None:
    """Apply a review to one stored event and (unless replaying) record it in the audit trail."""
    from ..taxonomy import SUB_EVENT_TYPES as EVENT_TYPES

    _check(action, reviewer)
    row = conn.execute(select(EventRow.__table__).where(EventRow.document_id == document_id,
                                                        EventRow.id == event_id)).mappings().first()
    if row is None:
        if replay:
            return None
        raise NotFoundError(f"no event {event_id!r} in document {document_id!r}")
    typed = check_event_changes(changes) if action == "correct" else {}
    kind = typed.get("event_type", row["event_type"])
    sub = typed.get("sub_event_type", row["sub_event_type"])
    if typed and kind in EVENT_TYPES and sub not in EVENT_TYPES[kind]:
        raise InputError(f"sub_event_type: {sub!r} is not a sub-event type of {kind!r} "
                         f"({', '.join(EVENT_TYPES[kind])})")
    diff = {}
    for name, value in typed.items():
        before = _plain(name, row[name])
        after = _plain(name, value)
        if before != after:
            diff[name] = [before, after]
    values: dict[str, Any] = {n: dumps(v) if n in LIST_FIELDS else v for n, v in typed.items()}
    if typed.get("event_date") is not None and row["event_month"] is not None:
        values["event_month"] = None     # the analyst gave the day of an event told by its month only
    values["review"] = REVIEW_STATE[action] if (action != "correct" or diff) else "accepted"
    conn.execute(update(EventRow.__table__).where(EventRow.pk == row["pk"]).values(**values))
    if any(n in typed for n in ("actor1", "actor2", *LIST_FIELDS)):
        _relink_actors(conn, row, typed)
    if replay:
        return None
    return _record(conn, document_id, "event", event_id, action if (action != "correct" or diff) else "accept",
                   diff, reviewer, note, at)


def _relink_actors(conn: Connection, row: Any, typed: dict[str, Any]) -> None:
    """Rewrite the event's rows in `event_actors` (the index behind "events involving X")."""
    conn.execute(delete(EventActorRow.__table__).where(EventActorRow.event_pk == row["pk"]))
    links, seen = [], set()
    for role, many in ASSOC_ROLES:
        value = typed[role] if role in typed else (loads_list(row[role]) if many else row[role])
        for actor_id in (value if many else [value] if value else []):
            if (actor_id, role) not in seen:
                seen.add((actor_id, role))
                links.append({"event_pk": row["pk"], "actor_id": actor_id, "role": role,
                              "document_id": row["document_id"]})
    if links:
        conn.execute(insert(EventActorRow.__table__), links)


def review_point(conn: Connection, document_id: str, statement_id: str, number: int, *, action: str,
                 labels: list[str] | None, reviewer: str, note: str, at: dt.datetime,
                 replay: bool = False) -> Correction | None:
    """Apply a review to one statement point (its labels) and record it."""
    _check(action, reviewer)
    found = conn.execute(select(PointRow.pk, PointRow.labels).join(StatementRow, StatementRow.pk == PointRow.statement_pk)
                         .where(StatementRow.document_id == document_id, StatementRow.id == statement_id,
                                PointRow.ord == number)).first()
    if found is None:
        if replay:
            return None
        raise NotFoundError(f"no point {number} in statement {statement_id!r} of document {document_id!r}")
    diff: dict[str, list[Any]] = {}
    values: dict[str, Any] = {"review": REVIEW_STATE[action]}
    if action == "correct":
        wanted = list(dict.fromkeys(labels or []))
        unknown = [x for x in wanted if x not in POINT_LABELS]
        if unknown:
            raise InputError(f"labels: {', '.join(map(repr, unknown))} not a point label ({', '.join(POINT_LABELS)})")
        before = loads_list(found.labels)
        if before != wanted:
            diff["labels"] = [before, wanted]
            values["labels"] = dumps(wanted)
        else:
            values["review"] = "accepted"
    conn.execute(update(PointRow.__table__).where(PointRow.pk == found.pk).values(**values))
    if replay:
        return None
    done = action if (action != "correct" or diff) else "accept"
    return _record(conn, document_id, "point", f"{statement_id}/{number}", done, diff, reviewer, note, at)


def _check(action: str, reviewer: str) -> None:
    if action not in ACTIONS:
        raise InputError(f"action {action!r} is not one of {', '.join(ACTIONS)}")
    if not reviewer.strip():
        raise InputError("a review needs the reviewer's name")


def _record(conn: Connection, document_id: str, target: str, target_id: str, action: str,
            diff: dict[str, list[Any]], reviewer: str, note: str, at: dt.datetime) -> Correction:
    new_id = conn.execute(insert(CorrectionRow.__table__).values(
        document_id=document_id, target=target, target_id=target_id, action=action,
        changes=json.dumps(diff, ensure_ascii=False), reviewer=reviewer.strip()[:200], note=note, at=at)
    ).inserted_primary_key[0]
    return Correction(int(new_id), document_id, target, target_id, action, diff, reviewer.strip()[:200], note, at)


def reapply(conn: Connection, document_id: str) -> None:
    """Apply a document's recorded corrections again, oldest first (after a new extraction)."""
    for row in conn.execute(select(CorrectionRow.__table__).where(CorrectionRow.document_id == document_id)
                            .order_by(CorrectionRow.id)).mappings():
        changes = {name: after for name, (_before, after) in json.loads(row["changes"] or "{}").items()}
        action = row["action"]
        if row["target"] == "event":
            review_event(conn, document_id, row["target_id"], action=action, changes=changes,
                         reviewer=row["reviewer"], note="", at=row["at"], replay=True)
        else:
            statement_id, _, number = row["target_id"].rpartition("/")
            review_point(conn, document_id, statement_id, int(number), action=action,
                         labels=changes.get("labels"), reviewer=row["reviewer"], note="", at=row["at"], replay=True)

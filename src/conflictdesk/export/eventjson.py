"""Events as JSON: the contract's event object plus the document it came from, and for an incident
several documents report (store/incidents.collapse), the other reports (`reports`)."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from ..contract import event_dict
from ..records import Event, StoredEvent
from .rows import as_stored


def event_record_dict(item: StoredEvent | Event) -> dict[str, Any]:
    stored = as_stored(item)
    return {**event_dict(stored.event), "review": stored.event.review, "document_id": stored.document_id or None,
            "source": stored.source,
            "url": stored.url, "published": stored.published.isoformat() if stored.published else None,
            "reports": [_report(r) for r in stored.reports]}


def _report(stored: StoredEvent) -> dict[str, Any]:
    """Another report of the same incident: its document and its own event there."""
    ev = stored.event
    return {"document_id": stored.document_id, "event_id": ev.id, "source": stored.source, "url": stored.url,
            "published": stored.published.isoformat() if stored.published else None,
            "event_date": ev.event_date.isoformat() if ev.event_date else None, "event_month": ev.event_month,
            "fatalities": ev.fatalities,
            "evidence": ev.evidence.text}


def events_to_json(rows: Iterable[StoredEvent | Event], out: TextIO, *, lines: bool = False) -> int:
    """Write a JSON array of events (or JSON Lines with `lines=True`); returns how many."""
    dicts = [event_record_dict(r) for r in rows]
    if lines:
        for d in dicts:
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
    else:
        out.write(json.dumps(dicts, ensure_ascii=False, indent=2) + "\n")
    return len(dicts)

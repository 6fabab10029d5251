"""What every export accepts (a StoredEvent, or a bare Event with no document context), and
what every CSV cell goes through (`spreadsheet_safe`)."""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..records import Event, StoredEvent


def as_stored(item: StoredEvent | Event) -> StoredEvent:
    return item if isinstance(item, StoredEvent) else StoredEvent(event=item, document_id="")


def event_actor_ids(items: Iterable[StoredEvent | Event]) -> list[str]:
    """The ids of every actor the events name, in any role (sorted, each once)."""
    events = [as_stored(item).event for item in items]
    return sorted({a for ev in events for a in (ev.actor1, ev.actor2, *ev.assoc_actor_1, *ev.assoc_actor_2) if a})


# A cell a spreadsheet would run as a formula: = + - @ first, or a tab or carriage return that
# some spreadsheets skip before looking for one (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def spreadsheet_safe(value: str) -> str:
    """A CSV cell that a spreadsheet shows as text: a cell of untrusted text that starts like a
    formula gets a leading apostrophe; numbers ("-33.5") are left as they are."""
    if value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value

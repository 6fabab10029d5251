"""What every export accepts: a StoredEvent, or a bare Event (no document context)."""
from __future__ import annotations

from ..records import Event, StoredEvent


def as_stored(item: StoredEvent | Event) -> StoredEvent:
    return item if isinstance(item, StoredEvent) else StoredEvent(event=item, document_id="")

"""A memo of the store's read-only aggregates (counts by place, day, type, actor; the actor
directory), kept while the stored data stays the same.

    @memoised
    def event_places(self, flt=None, /, **filters): ...

Each call checks the database's data version (one cheap query: the highest document and event
keys, the number of events, the highest correction id), read again after every write through the
same store and otherwise at most every `VERSION_SECONDS` (half a second): a review is seen at once,
an ingest running beside `serve` within half a second. The memo only saves recomputing the same
aggregate for the same data. Results are copied out, so callers may change them.
"""
from __future__ import annotations

import copy
import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Connection, func, select

from .schema import CorrectionRow, DocumentRow, EventRow

F = TypeVar("F", bound=Callable[..., Any])
SIZE = 512   # aggregates kept (the least recently used are dropped)

_VERSION = select(select(func.max(DocumentRow.pk)).scalar_subquery(), select(func.max(EventRow.pk)).scalar_subquery(),
                  select(func.count()).select_from(EventRow).scalar_subquery(),
                  select(func.max(CorrectionRow.id)).scalar_subquery())


def data_version(conn: Connection) -> tuple[Any, ...]:
    """What changes whenever documents, events or reviews are written."""
    return tuple(conn.execute(_VERSION).one())


class Memo:
    def __init__(self, size: int = SIZE) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._items: OrderedDict[tuple[Any, ...], Any] = OrderedDict()

    def get(self, key: tuple[Any, ...]) -> tuple[bool, Any]:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return True, self._items[key]
        return False, None

    def put(self, key: tuple[Any, ...], value: Any) -> None:
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def _frozen(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    return value


def memoised(method: F) -> F:
    """Memoise a read-only Store method by its arguments and the data version."""
    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            key = (method.__name__, _frozen(args), _frozen(kwargs), self.data_version())
            hash(key)
        except TypeError:   # an argument that cannot be a key: compute it
            return method(self, *args, **kwargs)
        found, value = self.memo.get(key)
        if not found:
            value = method(self, *args, **kwargs)
            self.memo.put(key, value)
        return copy.copy(value)
    return wrapper  # type: ignore[return-value]

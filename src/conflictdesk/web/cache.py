"""A cache of whole answers to GET requests, valid while the stored data stays the same.

    cache = ResponseCache(max_bytes=32 * 2**20)
    key = (path, query, store.data_version())
    response = cache.get(key) or cache.put(key, handler(...))

Only answers that are the same for everyone are kept: 200s of routes that read no session
(`Route.cacheable`) and that did not opt out (`Response.cacheable`, e.g. a dashboard whose digest
is still being built). The key holds the store's data version (see store/memo.py), so a write
through the app is seen by the next request, another process's write within half a second.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from .http import Response

MAX_BYTES = 32 * 1024 * 1024


class ResponseCache:
    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self.hits = self.misses = 0
        self._lock = threading.Lock()
        self._items: OrderedDict[tuple[Any, ...], Response] = OrderedDict()

    def get(self, key: tuple[Any, ...]) -> Response | None:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
        return Response(found.body, found.status, found.content_type, list(found.headers))

    def put(self, key: tuple[Any, ...], response: Response) -> Response:
        size = len(response.body)
        if response.status != 200 or not response.cacheable or size > self.max_bytes // 8:
            return response
        if any(name.lower() == "set-cookie" for name, _ in response.headers):
            return response
        with self._lock:
            if key not in self._items:
                self._items[key] = Response(response.body, response.status, response.content_type,
                                            list(response.headers))
                self.bytes += size
            while self.bytes > self.max_bytes and self._items:
                _, old = self._items.popitem(last=False)
                self.bytes -= len(old.body)
        return response

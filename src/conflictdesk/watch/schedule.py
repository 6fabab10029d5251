"""When a watched source is polled next, and how far apart requests to one host are.

After a successful poll a source is polled again `every` seconds later. After `n` failed polls
in a row it backs off: `every * 2**n`, at most `MAX_BACKOFF` (but never sooner than `every`),
so a dead feed costs a request every few hours instead of every few minutes, and one good poll
brings it back to its own pace.
"""
from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit

MAX_BACKOFF = 6 * 3600.0
LEASE = 10 * 60.0     # a source a watcher took is free again this long after, should the watcher die


def next_poll(now: dt.datetime, every: float, *, failures: int = 0) -> dt.datetime:
    """When to poll a source again after a poll at `now` (`failures`: consecutive failed polls,
    this one included; 0 after a success)."""
    if failures <= 0:
        return now + dt.timedelta(seconds=every)
    wait = max(every, min(every * 2 ** min(failures, 30), MAX_BACKOFF))
    return now + dt.timedelta(seconds=wait)


class HostPacer:
    """Keeps requests to one host at least `delay` seconds apart (politeness toward publishers).

    `wait(url)` returns once a request to the URL's host may go out, and counts it as sent."""

    def __init__(self, delay: float, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], object] = time.sleep) -> None:
        self.delay = delay
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, url: str) -> float:
        """Wait for the URL's host's turn; the seconds waited."""
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            now = self._clock()
            last = self._last.get(host)
            pause = 0.0 if last is None else max(0.0, last + self.delay - now)
            self._last[host] = now + pause
        if pause:
            self._sleep(pause)
        return pause

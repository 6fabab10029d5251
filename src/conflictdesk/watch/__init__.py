"""Watched feeds and pages (`conflictdesk watch`): a feed list (`feedlist.py`), when each source
is polled and how far apart requests to one host go (`schedule.py`), and the polling itself
(`poller.py`), which reads through `ingest` and stores through `store.ingest_batch`; the state
that survives restarts is in the store (`store/watch_state.py`).

    from conflictdesk.watch import Watcher, read_feed_list
    Watcher(store, read_feed_list("feeds.yaml"), extractor=extract).poll_due()
"""
from __future__ import annotations

from .feedlist import FeedList, WatchSource, parse_duration, read_feed_list
from .poller import PollReport, Watcher, utc_now
from .schedule import HostPacer, next_poll

__all__ = ["FeedList", "HostPacer", "PollReport", "WatchSource", "Watcher", "next_poll", "parse_duration",
           "read_feed_list", "utc_now"]

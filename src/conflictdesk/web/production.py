"""Serving the app in production: under waitress, a maintained pure-Python WSGI server from PyPI
(no C extension, no fork, the same on Linux, macOS and Windows), with the limits `server.py`
sets for the standard library's server:

- `threads` worker threads (WORKERS) and at most `connection_limit` open connections (WORKERS +
  PENDING); a listen backlog of BACKLOG connections;
- a connection idle for TIMEOUT seconds is closed (waitress's `channel_timeout`, checked every
  `cleanup_interval`); a request head over MAX_HEAD bytes is refused (431), a body over MAX_BODY;
- no tracebacks to clients, proxy headers ignored unless a trusted proxy is named;
- waitress's own answers (400 a malformed request, 413 a body over MAX_BODY, 431 a head over
  MAX_HEAD, 500, 501) in the API's JSON error shape, as the app's (`_JsonErrorTask`). waitress has
  no 414: an over-long URL is part of the head, so it is a 431 here (the standard library's server
  of `server.py` says 414 for it).

    server = make_production_server(WebApp(store), "127.0.0.1", 8750)
    server.run()                      # server.effective_port: the port (0 asked: any free one)

`conflictdesk serve` uses it by default (`--server stdlib` keeps the standard library's hardened
server of `server.py`; both answer their own errors in the API's JSON shape).
"""
from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from waitress.channel import HTTPChannel
from waitress import wasyncore
from waitress.server import BaseWSGIServer, create_server
from waitress.task import ErrorTask

from .http import error_body
from .server import BACKLOG, PENDING, TIMEOUT, WORKERS

MAX_HEAD = 64 * 1024          # bytes of request line and headers (as the standard library's server)
MAX_BODY = 1024 * 1024        # bytes of a request body (the app itself reads at most http.MAX_BODY)


class _JsonErrorTask(ErrorTask):
    """waitress's own error answers in the API's error shape (`http.error_body`) instead of plain text."""

    def execute(self) -> None:
        error = self.request.error
        body = json.dumps(error_body(error.code, error.reason, [error.body] if error.body else []),
                          ensure_ascii=False).encode("utf-8") + b"\n"
        self.status = f"{error.code} {error.reason}"
        self.response_headers.extend([("Content-Type", "application/json; charset=utf-8"),
                                      ("X-Content-Type-Options", "nosniff"), ("Cache-Control", "no-store")])
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class _JsonErrorChannel(HTTPChannel):
    error_task_class = _JsonErrorTask


def make_production_server(app: Callable[..., Any], host: str = "127.0.0.1", port: int = 8750, *,
                           threads: int = WORKERS, timeout: int = int(TIMEOUT), quiet: bool = False) -> Any:
    """A waitress server for `app`, listening (port 0: any free port, see `effective_port`); a
    connection idle for `timeout` seconds is closed (looked for every min(5, timeout) seconds). Its
    socket map (listeners and connections) is kept as `conflictdesk_sockets` for
    `stop_production_server`."""
    logging.getLogger("waitress").setLevel(logging.ERROR if quiet else logging.INFO)
    sockets: dict[int, Any] = {}
    server = create_server(app, map=sockets, host=host, port=port, threads=threads, backlog=BACKLOG,
                           connection_limit=threads + PENDING, channel_timeout=timeout, cleanup_interval=min(5, timeout),
                           max_request_header_size=MAX_HEAD, max_request_body_size=MAX_BODY,
                           expose_tracebacks=False, clear_untrusted_proxy_headers=True, ident="conflictdesk")
    for listener in sockets.values():      # one per address listened on (several for a name like localhost)
        if isinstance(listener, BaseWSGIServer):
            listener.channel_class = _JsonErrorChannel
    server.conflictdesk_sockets = sockets
    return server


def stop_production_server(server: Any) -> None:
    """Close a running server's listeners and open connections from its own I/O thread (closing
    them from another thread races with the loop reading them), which ends `server.run()`; the
    caller then joins that thread and shuts the workers down (`server.task_dispatcher.shutdown()`)."""
    sockets = server.conflictdesk_sockets
    listener = next(x for x in sockets.values() if isinstance(x, BaseWSGIServer))
    listener.trigger.pull_trigger(lambda: wasyncore.close_all(sockets))


@contextmanager
def serve_production_in_thread(app: Callable[..., Any], host: str = "127.0.0.1", port: int = 0,
                               **options: Any) -> Iterator[str]:
    """Serve `app` under waitress in a background thread while the block runs; yields the base URL."""
    server = make_production_server(app, host, port, quiet=True, **options)
    thread = threading.Thread(target=server.run, name="conflictdesk-waitress", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.effective_port}"
    finally:
        stop_production_server(server)
        thread.join(timeout=5)
        server.task_dispatcher.shutdown()

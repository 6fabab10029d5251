"""Serving the app with the standard library's wsgiref: one thread per request, quiet or logged."""
from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer
from wsgiref.simple_server import make_server as _make_server


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class _LogHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the standard library's name
        sys.stderr.write(f"{self.address_string()} - {format % args}\n")


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


def make_server(app: Callable[..., Any], host: str = "127.0.0.1", port: int = 8750, *,
                quiet: bool = False) -> WSGIServer:
    """A threaded wsgiref server for `app` (port 0: any free port; see `server.server_port`)."""
    return _make_server(host, port, app, server_class=ThreadingWSGIServer,
                        handler_class=_QuietHandler if quiet else _LogHandler)


@contextmanager
def serve_in_thread(app: Callable[..., Any], host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve `app` in a background thread while the block runs; yields the base URL."""
    server = make_server(app, host, port, quiet=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

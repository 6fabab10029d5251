"""Serving the app with the standard library's wsgiref, hardened for a hostile network:

- a bounded pool of worker threads (`workers`) and a bounded number of connections waiting for
  one (`pending`); a connection beyond both is answered 503 at once, in the API's JSON error shape;
- a listen backlog of `BACKLOG` connections, so bursts wait in the kernel instead of being dropped;
- an idle timeout on every read and write of a connection (`timeout`), and a deadline for the
  whole request head (`head_deadline`): a client that sends nothing, half a request, or one
  byte at a time is answered 408 and closed, and its worker freed;
- 400, 408, 414 (request line too long), 431 (header too long, too many headers) and 503
  answers in the API's JSON error shape, not the standard library's HTML page.

    server = make_server(app, "127.0.0.1", 8750)
    server.serve_forever()
"""
from __future__ import annotations

import heapq
import json
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from http import HTTPStatus
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

from .http import error_body

BACKLOG = 128            # connections the kernel holds for the accept loop
WORKERS = 16             # requests handled at once
PENDING = 64             # connections accepted and waiting for a worker
TIMEOUT = 10.0           # seconds a connection may stay silent while it is read or written
HEAD_DEADLINE = 20.0     # seconds from accepting a connection to the end of its request head
# Sent with every answer the server writes itself (the app sends its own, see app.py).
_HEADERS = (("Content-Type", "application/json; charset=utf-8"), ("X-Content-Type-Options", "nosniff"),
            ("Cache-Control", "no-store"), ("Connection", "close"))


def _json_answer(status: int, message: str, detail: str = "") -> bytes:
    """A whole HTTP/1.0 answer in the API's error shape (for the server's own answers)."""
    body = json.dumps(error_body(status, message, [detail] if detail else []), ensure_ascii=False).encode() + b"\n"
    reason = HTTPStatus(status).phrase
    head = [f"HTTP/1.0 {status} {reason}", *(f"{k}: {v}" for k, v in _HEADERS), f"Content-Length: {len(body)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body


class _Watchdog:
    """One thread that shuts down the connections whose request head is late (deadline passed),
    which wakes the worker blocked reading them."""

    def __init__(self) -> None:
        self._deadlines: list[tuple[float, int, socket.socket]] = []
        self._expired: set[int] = set()
        self._live: set[int] = set()
        self._lock = threading.Condition()
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="conflictdesk-web-watchdog", daemon=True)
        self._thread.start()

    def watch(self, conn: socket.socket, seconds: float) -> None:
        with self._lock:
            self._live.add(id(conn))
            heapq.heappush(self._deadlines, (time.monotonic() + seconds, id(conn), conn))
            self._lock.notify()

    def has_expired(self, conn: socket.socket) -> bool:
        with self._lock:
            return id(conn) in self._expired

    def release(self, conn: socket.socket) -> bool:
        """Stop watching `conn`; whether its deadline had already passed."""
        with self._lock:
            self._live.discard(id(conn))
            expired = id(conn) in self._expired
            self._expired.discard(id(conn))
            return expired

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            self._lock.notify()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        with self._lock:
            while not self._stopped:
                now = time.monotonic()
                while self._deadlines and (self._deadlines[0][1] not in self._live or self._deadlines[0][0] <= now):
                    _, key, conn = heapq.heappop(self._deadlines)
                    if key in self._live:
                        self._live.discard(key)
                        self._expired.add(key)
                        try:
                            conn.shutdown(socket.SHUT_RD)   # the blocked read returns; the answer can still go out
                        except OSError:
                            pass
                wait = self._deadlines[0][0] - now if self._deadlines else None
                self._lock.wait(timeout=wait)


class _Handler(WSGIRequestHandler):
    """One request per connection (HTTP/1.0), read under the server's timeouts; the server's own
    error answers in the API's JSON error shape."""

    server: "PooledWSGIServer"
    quiet = False

    def setup(self) -> None:
        self.timeout = self.server.idle_timeout      # every read and write of this connection
        super().setup()
        self.server.watchdog.watch(self.connection, self.server.head_deadline)

    def handle(self) -> None:
        try:
            super().handle()
        except TimeoutError:
            self._late()
        except (ConnectionError, BrokenPipeError):
            pass    # the client went away
        finally:
            self.server.watchdog.release(self.connection)

    def parse_request(self) -> bool:
        # the request line or the headers may have been cut short by the deadline
        if self.server.watchdog.has_expired(self.connection):
            self._late()
            return False
        ok = super().parse_request()
        if self.server.watchdog.release(self.connection):
            self._late()
            return False
        return ok

    def _late(self) -> None:
        self.close_connection = True
        try:
            self.connection.settimeout(1.0)
            self.wfile.write(_json_answer(408, "the request was not received in time",
                                          f"the whole request head must arrive within {self.server.head_deadline:g} s"
                                          f" and the client may stay silent at most {self.server.idle_timeout:g} s"))
        except OSError:
            pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        status = HTTPStatus(code)
        self.log_error("code %d, message %s", code, message or status.phrase)
        self.close_connection = True
        try:
            self.wfile.write(_json_answer(code, message or status.phrase, explain or status.description))
        except OSError:
            pass

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the standard library's name
        if not self.quiet:
            sys.stderr.write(f"{self.address_string()} - {format % args}\n")


class _QuietHandler(_Handler):
    quiet = True


class PooledWSGIServer(WSGIServer):
    """wsgiref's server with a bounded worker pool, a real backlog and timeouts (see the module)."""

    request_queue_size = BACKLOG
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], handler: type[_Handler], *, workers: int = WORKERS,
                 pending: int = PENDING, timeout: float = TIMEOUT, head_deadline: float = HEAD_DEADLINE) -> None:
        super().__init__(address, handler)
        self.idle_timeout = timeout
        self.head_deadline = head_deadline
        self.watchdog = _Watchdog()
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="conflictdesk-web")
        self._slots = threading.BoundedSemaphore(workers + pending)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False):
            self._refuse(request)
            return
        try:
            self._pool.submit(self._work, request, client_address)
        except RuntimeError:     # the pool is shut down: the server is closing
            self._slots.release()
            self.shutdown_request(request)

    def _work(self, request: Any, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:  # noqa: BLE001 - one connection's failure must not end the worker
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)
            self._slots.release()

    def _refuse(self, request: socket.socket) -> None:
        try:
            request.settimeout(1.0)
            request.sendall(_json_answer(503, "the server is busy", "too many connections at once; try again"))
        except OSError:
            pass
        self.shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, (TimeoutError, ConnectionError)):
            return
        super().handle_error(request, client_address)

    def server_close(self) -> None:
        super().server_close()
        self._pool.shutdown(wait=False, cancel_futures=True)
        self.watchdog.stop()


def make_server(app: Callable[..., Any], host: str = "127.0.0.1", port: int = 8750, *, quiet: bool = False,
                workers: int = WORKERS, pending: int = PENDING, timeout: float = TIMEOUT,
                head_deadline: float = HEAD_DEADLINE) -> PooledWSGIServer:
    """A pooled wsgiref server for `app` (port 0: any free port; see `server.server_port`)."""
    server = PooledWSGIServer((host, port), _QuietHandler if quiet else _Handler, workers=workers, pending=pending,
                              timeout=timeout, head_deadline=head_deadline)
    server.set_app(app)
    return server


@contextmanager
def serve_in_thread(app: Callable[..., Any], host: str = "127.0.0.1", port: int = 0,
                    **options: Any) -> Iterator[str]:
    """Serve `app` in a background thread while the block runs; yields the base URL. `options`
    are those of `make_server` (workers, pending, timeout, head_deadline)."""
    server = make_server(app, host, port, quiet=True, **options)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

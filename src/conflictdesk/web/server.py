"""Serving the app with the standard library's wsgiref, hardened for a hostile network:

- a connection is handed to a worker only once its whole request head has arrived: until then
  it waits in one thread that watches every waiting connection (`_HeadWaiter`), so clients that
  send nothing, half a request, or one byte at a time hold no worker, and requests that are
  complete are served at once however many such clients are connected;
- a request head must arrive within `head_deadline` seconds of the connection, else the client
  is answered 408 and closed; every later read and write has an idle timeout (`timeout`);
- a bounded pool of worker threads (`workers`) and a bounded number of connections waiting for
  their head or a worker (`pending`); a connection beyond both is answered 503 at once;
- a listen backlog of `BACKLOG` connections, so bursts wait in the kernel instead of being dropped;
- 400, 408, 414 (request line too long), 431 (header too long, too many headers) and 503
  answers in the API's JSON error shape, not the standard library's HTML page.

    server = make_server(app, "127.0.0.1", 8750)
    server.serve_forever()
"""
from __future__ import annotations

import json
import select
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
PENDING = 256            # connections accepted and waiting for their request head or a worker
TIMEOUT = 10.0           # seconds a connection may stay silent while it is read or written
HEAD_DEADLINE = 10.0     # seconds from accepting a connection to the end of its request head
HEAD_PEEK = 256 * 1024   # bytes looked at for the end of the head (past that the handler says 414/431)
RECHECK = 0.05           # seconds before a connection with part of a head is looked at again
# Sent with every answer the server writes itself (the app sends its own, see app.py).
_HEADERS = (("Content-Type", "application/json; charset=utf-8"), ("X-Content-Type-Options", "nosniff"),
            ("Cache-Control", "no-store"), ("Connection", "close"))


def _json_answer(status: int, message: str, detail: str = "") -> bytes:
    """A whole HTTP/1.0 answer in the API's error shape (for the server's own answers)."""
    body = json.dumps(error_body(status, message, [detail] if detail else []), ensure_ascii=False).encode() + b"\n"
    reason = HTTPStatus(status).phrase
    head = [f"HTTP/1.0 {status} {reason}", *(f"{k}: {v}" for k, v in _HEADERS), f"Content-Length: {len(body)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body


class _HeadWaiter:
    """One thread holding the accepted connections whose request head is not complete yet. A
    connection goes to `ready(sock, late)` once its head has arrived (or the client closed, or
    the head is too long to wait for: the handler then answers 414/431), or with `late=True`
    when its deadline passes."""

    def __init__(self, ready: Callable[[socket.socket, bool], None]) -> None:
        self._ready = ready
        self._waiting: dict[socket.socket, list[float]] = {}     # sock -> [deadline, next look]
        self._lock = threading.Lock()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="conflictdesk-web-heads", daemon=True)
        self._thread.start()

    def add(self, sock: socket.socket, deadline: float) -> None:
        with self._lock:
            self._waiting[sock] = [time.monotonic() + deadline, 0.0]
        self._wake()

    def stop(self) -> None:
        self._stopped = True
        self._wake()
        self._thread.join(timeout=5)
        with self._lock:
            left, self._waiting = list(self._waiting), {}
        for sock in left:
            sock.close()
        self._wake_r.close()
        self._wake_w.close()

    def _wake(self) -> None:
        try:
            self._wake_w.send(b"\0")
        except OSError:
            pass

    @staticmethod
    def _readable(socks: list[socket.socket], timeout: float | None) -> list[socket.socket]:
        """The sockets with something to read (poll where the system has it: no descriptor limit)."""
        try:
            if hasattr(select, "poll"):
                poller = select.poll()
                by_fd = {sock.fileno(): sock for sock in socks}
                for fd in by_fd:
                    poller.register(fd, select.POLLIN | select.POLLPRI)
                events = poller.poll(None if timeout is None else timeout * 1000)
                return [by_fd[fd] for fd, _ in events if fd in by_fd]
            return select.select(socks, [], [], timeout)[0]
        except (OSError, ValueError):     # a connection closed meanwhile: look at each again
            return [sock for sock in socks if sock.fileno() >= 0]

    def _run(self) -> None:
        while not self._stopped:
            now = time.monotonic()
            with self._lock:
                entries = list(self._waiting.items())
            late = [sock for sock, (deadline, _) in entries if deadline <= now]
            for sock in late:
                self._release(sock, late=True)
            watched = [sock for sock, (deadline, look) in entries if deadline > now and look <= now]
            pending = [min(deadline, look) for _, (deadline, look) in entries if deadline > now]
            timeout = max(0.0, min(pending) - now) if pending else None
            readable = self._readable([self._wake_r, *watched], timeout)
            for sock in readable:
                if sock is self._wake_r:
                    try:
                        while self._wake_r.recv(4096):
                            pass
                    except OSError:
                        pass
                    continue
                if self._head_arrived(sock):
                    self._release(sock, late=False)
                else:
                    with self._lock:
                        if sock in self._waiting:
                            self._waiting[sock][1] = time.monotonic() + RECHECK

    @staticmethod
    def _head_arrived(sock: socket.socket) -> bool:
        try:
            data = sock.recv(HEAD_PEEK, socket.MSG_PEEK | socket.MSG_DONTWAIT)
        except BlockingIOError:
            return False
        except OSError:
            return True       # the handler meets the error and ends
        return not data or b"\r\n\r\n" in data or b"\n\n" in data or len(data) >= HEAD_PEEK

    def _release(self, sock: socket.socket, *, late: bool) -> None:
        with self._lock:
            if self._waiting.pop(sock, None) is None:
                return
        self._ready(sock, late)


class _Handler(WSGIRequestHandler):
    """One request per connection (HTTP/1.0), its head complete when the handler starts; reads
    and writes under the server's idle timeout; the server's own error answers in the API's
    JSON error shape."""

    server: "PooledWSGIServer"
    quiet = False

    def setup(self) -> None:
        self.timeout = self.server.idle_timeout      # every read and write of this connection
        super().setup()

    def handle(self) -> None:
        if self.server.was_late(self.request):
            self._late()
            return
        try:
            super().handle()
        except TimeoutError:
            self._late()
        except (ConnectionError, BrokenPipeError):
            pass    # the client went away

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
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="conflictdesk-web")
        self._slots = threading.BoundedSemaphore(workers + pending)
        self._late: set[int] = set()       # ids of the connections whose head did not arrive in time
        self._late_lock = threading.Lock()
        self._heads = _HeadWaiter(self._dispatch)

    def was_late(self, request: Any) -> bool:
        with self._late_lock:
            if id(request) in self._late:
                self._late.discard(id(request))
                return True
            return False

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False):
            self._refuse(request)
            return
        self._heads.add(request, self.head_deadline)

    def _dispatch(self, request: Any, late: bool) -> None:
        """A connection whose head has arrived (or is late) goes to the worker pool."""
        if late:
            with self._late_lock:
                self._late.add(id(request))
        try:
            client_address = request.getpeername()
        except OSError:
            client_address = ("", 0)
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
        self._heads.stop()
        self._pool.shutdown(wait=False, cancel_futures=True)


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

"""Extraction on a Dask distributed cluster (`ingest` / `extract --scheduler local|tcp://HOST:8786`).

    with ClusterExtractor.open("tcp://10.0.0.5:8786", model=..., kb_dirs=..., coder=coder) as extract:
        for item in extract(docs):        # Extraction | Failure, in input order
            ...

How it runs:
- Each worker loads the language pipeline and the knowledge base once: a worker plugin
  (`Resources`) loads them, and builds the stages' lazy resources (the gazetteer, compiled
  patterns) on a short text, when it is registered on a worker, and again on a worker that
  replaces one that died; the tasks find them in the worker's process. The caller loads neither.
- Documents go out in chunks of `chunk_size`, at most `prefetch` chunks per worker in flight
  (the input is consumed lazily); results come back in input order, each as soon as it and
  those before it are done, so the caller's progress moves as with `--workers`.
- A worker that dies (killed, out of memory): the scheduler runs its tasks again on another
  worker, and each chunk's result still reaches the caller once (a future has one result). The
  caller stores by document id (`Store.add_document` finds a stored id a duplicate,
  `save_extraction` replaces), so storage stays exactly-once. A chunk that has killed
  `distributed.scheduler.allowed-failures` workers becomes Failures ([E401] "worker died").
- Nothing is sent but documents and the event coder: the workers need conflictdesk, the same
  language pipeline package and the `--kb` folders at the same paths.
"""
from __future__ import annotations

import itertools
import logging
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from distributed import Client, Future, LocalCluster, WorkerPlugin
from distributed.client import FutureCancelledError
from distributed.scheduler import KilledWorker

from ..errors import Code, ConfigError, ExtractionError
from ..records import Document, Extraction, Failure
from .events.coders import EventCoder
from .runner import extract_serial

DEFAULT_CHUNK_SIZE = 8
DEFAULT_PREFETCH = 2
PLUGIN_NAME = "conflictdesk-resources"

# Per-process state of a worker, set by the plugin.
_WORKER: dict[str, Any] = {}


@dataclass
class Resources(WorkerPlugin):
    """Loads the pipeline and the knowledge base in each worker, once."""

    model: str
    kb_dirs: tuple[str, ...]
    coder: EventCoder
    batch_size: int = 32
    name: str = field(default=PLUGIN_NAME)

    def setup(self, worker: Any) -> None:
        from ..knowledge import load_knowledge_base
        from ..nlp import load_pipeline
        from .parallel import warm_up

        nlp, kb = load_pipeline(self.model), load_knowledge_base(self.kb_dirs)
        warm_up(nlp, kb, self.coder)    # the stages' lazy resources (gazetteer, patterns), before the first task
        _WORKER.update(nlp=nlp, kb=kb, coder=self.coder, batch_size=self.batch_size, loads=_WORKER.get("loads", 0) + 1)


def _extract_chunk(chunk: list[Document], strict: bool) -> list[Extraction | Failure]:
    if "nlp" not in _WORKER:
        raise ExtractionError("this Dask worker has not loaded conflictdesk's resources (plugin not registered)")
    return list(extract_serial(chunk, nlp=_WORKER["nlp"], kb=_WORKER["kb"], coder=_WORKER["coder"],
                               batch_size=_WORKER["batch_size"], strict=strict))


def worker_loads() -> int:
    """How many times this worker process loaded the resources (run on a worker, for tests)."""
    return int(_WORKER.get("loads", 0))


def _chunked(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _died(chunk: Sequence[Document], exc: BaseException) -> list[Extraction | Failure]:
    message = f"Dask workers died while extracting this document or another of its chunk ({len(chunk)}): {exc}"
    return [Failure(origin=d.origin or d.id, stage="extract", code=ExtractionError.code, message=message,
                    document_id=d.id) for d in chunk]


class ClusterExtractor:
    """Extraction on a Dask cluster; a callable over a list of documents like `extract_documents`."""

    def __init__(self, client: Client, *, cluster: LocalCluster | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE,
                 prefetch: int = DEFAULT_PREFETCH, strict: bool = False) -> None:
        self.client = client
        self.cluster = cluster
        self.chunk_size = chunk_size
        self.prefetch = prefetch
        self.strict = strict

    @classmethod
    def open(cls, scheduler: str, *, model: str, kb_dirs: Sequence[Path | str], coder: EventCoder, workers: int = 2,
             batch_size: int = 32, chunk_size: int = DEFAULT_CHUNK_SIZE, strict: bool = False,
             timeout: float = 30) -> "ClusterExtractor":
        """Start a LocalCluster of `workers` processes (`scheduler="local"`) or connect to a running
        scheduler (`tcp://HOST:8786`), and load the resources on its workers. Raises ConfigError
        ([E905]) when the cluster cannot be started or reached."""
        cluster = None
        try:
            if scheduler == "local":
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR)
                client = Client(cluster, timeout=timeout)
            else:
                client = Client(scheduler, timeout=timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            if cluster is not None:
                cluster.close()
            doing = "start a local Dask cluster" if scheduler == "local" else f"reach the Dask scheduler at {scheduler}"
            raise ConfigError(f"cannot {doing}: {type(exc).__name__}: {exc}", code=Code.SCHEDULER) from exc
        made = cls(client, cluster=cluster, chunk_size=chunk_size, strict=strict)
        try:
            client.register_plugin(Resources(model=model, kb_dirs=tuple(str(d) for d in kb_dirs), coder=coder,
                                             batch_size=batch_size))
        except BaseException:
            made.close()
            raise
        return made

    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def __call__(self, docs: Iterable[Document]) -> Iterator[Extraction | Failure]:
        chunks = _chunked(docs, self.chunk_size)
        in_flight: deque[tuple[list[Document], Future]] = deque()
        try:
            while True:
                window = self.workers() * self.prefetch
                while len(in_flight) < window:
                    chunk = next(chunks, None)
                    if chunk is None:
                        break
                    in_flight.append((chunk, self.client.submit(_extract_chunk, chunk, self.strict, pure=False)))
                if not in_flight:
                    return
                chunk, future = in_flight.popleft()
                try:
                    results = future.result()
                except (KilledWorker, FutureCancelledError) as exc:
                    if self.strict:
                        raise ExtractionError(f"Dask workers died extracting documents "
                                              f"{', '.join(d.id for d in chunk)}: {exc}") from exc
                    results = _died(chunk, exc)
                yield from results
        finally:
            for _chunk, future in in_flight:
                future.cancel()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> "ClusterExtractor":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

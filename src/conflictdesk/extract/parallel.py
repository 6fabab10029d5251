"""Whole-document extraction in worker processes: parsing *and* every stage run in the workers.

    from conflictdesk.extract.parallel import extract_parallel
    for item in extract_parallel(docs, nlp=nlp, kb=kb, workers=2):   # Extraction | Failure, input order
        ...

`extract_documents(..., workers=N)` in `pipeline.py` calls this when N > 1. spaCy's own
`n_process` only parses in its workers and leaves the stages to the parent, which then becomes
the bottleneck; here each worker runs `runner.extract_serial` over a chunk of documents.

How it runs:
- On Linux (the "fork" start method) the workers inherit the caller's already-loaded `nlp` and
  `kb` (nothing is pickled, nothing reloaded). Before forking, the parent warms the lazy caches
  (the gazetteer, compiled patterns) on a short built-in text so that every worker shares them
  copy-on-write, and freezes the garbage collector so that the shared pages stay shared.
- Under "spawn" (macOS, Windows) each worker loads the pipeline by package name and the knowledge
  base from the same folders once, in the pool's initializer; the event coder is pickled.
- Documents go out in chunks of `chunk_size`; at most `workers * prefetch` chunks are in flight
  (the input is consumed lazily, so a large stream is never held in memory); results come back
  in input order.
- A document whose extraction raises yields a `Failure` (naming its stage) and the batch goes on;
  with `strict=True` the first such error is raised in the caller. A worker that dies outright
  (killed, out of memory, a crash in native code) costs only the documents of its own chunk: the
  chunks that were in flight are re-run one at a time in a fresh pool, and the documents of the
  chunk that kills a worker again become Failures (ExtractionError's code, "worker process died").
- A worker exits on its own when the process that started it is gone (killed with SIGKILL or
  SIGTERM, crashed): a thread in each worker checks every PARENT_CHECK_SECONDS that its parent
  is still the one that started it. Without it, orphaned workers (hundreds of MB each) live on.
"""
from __future__ import annotations

import gc
import itertools
import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import ExtractionError
from ..records import Document, Extraction, Failure
from .events.coders import EventCoder
from .runner import extract_parsed, extract_serial

if TYPE_CHECKING:
    from spacy.language import Language

    from ..knowledge import KnowledgeBase

log = logging.getLogger(__name__)

DEFAULT_CHUNK_SIZE = 16
DEFAULT_PREFETCH = 2
PARENT_CHECK_SECONDS = 0.5
# Parsed in the parent before forking, so that lazily built resources exist once, shared.
WARMUP_TEXT = ("Gunmen killed three soldiers and wounded 12 civilians in an attack on a checkpoint near "
               "Mosul on Monday, the Iraqi army said. The Islamic State claimed responsibility in a "
               "statement and threatened more attacks.")


@dataclass(frozen=True, slots=True)
class _Recipe:
    """How a spawned worker rebuilds the caller's resources: pipeline package and KB folders."""

    model: str
    kb_extra_dirs: tuple[str, ...]


# Per-process state of a worker, set by the initializer (or inherited at fork).
_WORKER: dict[str, object] = {}


def default_workers() -> int:
    """Every core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def extract_parallel(docs: Iterable[Document], *, nlp: "Language", kb: "KnowledgeBase",
                     coder: EventCoder | None = None, workers: int | None = None, batch_size: int = 32, chunk_size: int = DEFAULT_CHUNK_SIZE, prefetch: int = DEFAULT_PREFETCH,
                     strict: bool = False, start_method: str | None = None) -> Iterator[Extraction | Failure]:
    """Extract from `docs` in `workers` processes (default: every core); yields in input order.

    `start_method` is "fork" (the default where available) or "spawn"; see the module docstring.
    """
    workers = default_workers() if workers is None else workers
    if workers < 1 or chunk_size < 1 or prefetch < 1:
        raise ValueError("workers, chunk_size and prefetch must be at least 1")
    method = start_method or ("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    context = multiprocessing.get_context(method)
    if method == "fork":
        warm_up(nlp, kb, coder)
        initargs: tuple[object, ...] = (nlp, kb, None, batch_size, coder, os.getpid())  # inherited by fork
    else:
        initargs = (None, None, _recipe(nlp, kb), batch_size, coder, os.getpid())
    chunks = _chunked(docs, chunk_size)
    pool = _start_pool(context, workers, initargs)
    try:
        in_flight: deque[tuple[list[Document], Future]] = deque()
        while True:
            while len(in_flight) < workers * prefetch:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                in_flight.append((chunk, pool.submit(_extract_chunk, chunk, strict)))
            if not in_flight:
                return
            chunk, future = in_flight[0]
            try:
                results = future.result()
            except BrokenProcessPool:
                lost = list(in_flight)
                in_flight.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _start_pool(context, workers, initargs)
                for chunk, future in lost:
                    if future.done() and not future.cancelled() and future.exception() is None:
                        yield from future.result()  # finished before the pool broke
                        continue
                    # One at a time: a chunk that kills its worker again harms only itself.
                    results, broken = _run_alone(pool, chunk, strict)
                    yield from results
                    if broken:
                        pool.shutdown(wait=True, cancel_futures=True)
                        pool = _start_pool(context, workers, initargs)
                continue
            in_flight.popleft()
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_pool(context: multiprocessing.context.BaseContext, workers: int,
                initargs: tuple[object, ...]) -> ProcessPoolExecutor:
    frozen = context.get_start_method() == "fork"
    if frozen:
        gc.freeze()  # objects the children inherit stay out of their collections: pages stay shared
    try:
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                                   initargs=initargs)
        # Start the workers now, while the warmed-up, frozen state is what they inherit.
        for future in [pool.submit(os.getpid) for _ in range(workers)]:
            future.result()
    finally:
        if frozen:
            gc.unfreeze()
    return pool


def _run_alone(pool: ProcessPoolExecutor, chunk: list[Document],
               strict: bool) -> tuple[list[Extraction | Failure], bool]:
    """The chunk's results, and whether its worker died (the pool is then broken)."""
    try:
        return pool.submit(_extract_chunk, chunk, strict).result(), False
    except BrokenProcessPool as exc:
        if strict:
            raise ExtractionError(f"a worker process died while extracting documents "
                                  f"{', '.join(d.id for d in chunk)}: {exc}") from exc
        message = (f"worker process died while extracting this document or another of its chunk "
                   f"({len(chunk)} documents): {exc}")
        return [Failure(origin=d.origin or d.id, stage="extract", code=ExtractionError.code, message=message,
                        document_id=d.id) for d in chunk], True


def _chunked(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _recipe(nlp: "Language", kb: "KnowledgeBase") -> _Recipe:
    from ..nlp import pipeline_info

    dirs = tuple(str(d) for d in kb.dirs[1:])  # kb.dirs[0] is the shipped data folder
    return _Recipe(model=pipeline_info(nlp).package, kb_extra_dirs=dirs)


def warm_up(nlp: "Language", kb: "KnowledgeBase", coder: EventCoder | None) -> None:
    """Build the stages' lazy resources once in the parent, before the workers fork."""
    doc = Document(id="warm-up", text=WARMUP_TEXT, language="en")
    try:
        extract_parsed(doc, nlp(doc.text), kb=kb, coder=coder)
    except Exception as exc:  # noqa: BLE001 - the same error is reported per document by the workers
        log.debug("extraction warm-up failed (%s: %s); workers will report it per document",
                  type(exc).__name__, exc)


def _init_worker(nlp: "Language | None", kb: "KnowledgeBase | None", recipe: _Recipe | None,
                 batch_size: int, coder: EventCoder | None, parent: int) -> None:
    threading.Thread(target=_exit_with_parent, args=(parent,), name="conflictdesk-parent-watch", daemon=True).start()
    if recipe is not None:
        from ..knowledge import load_knowledge_base
        from ..nlp import load_pipeline

        nlp = load_pipeline(recipe.model)
        kb = load_knowledge_base(recipe.kb_extra_dirs)
    _WORKER.update(nlp=nlp, kb=kb, batch_size=batch_size, coder=coder)


def _exit_with_parent(parent: int) -> None:
    """Runs in a worker: end the worker as soon as `parent`, the process that started it, is gone
    (the worker is then re-parented and `os.getppid()` changes)."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _extract_chunk(chunk: list[Document], strict: bool) -> list[Extraction | Failure]:
    return list(extract_serial(chunk, nlp=_WORKER["nlp"], kb=_WORKER["kb"],  # type: ignore[arg-type]
                               coder=_WORKER["coder"], batch_size=_WORKER["batch_size"],  # type: ignore[arg-type]
                               strict=strict))

"""`conflictdesk ingest`: read sources, store the documents, extract from them."""
from __future__ import annotations

import dataclasses
import importlib.util
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from ..config import Settings
from ..errors import Code, ConfigError, ConflictDeskError, EmptyInputError, InputError, PipelineError
from ..records import Document, Extraction, Failure
from .common import (Progress, clean_errors, describe_failure, echo_json, event_coder_options, format_option,
                     load_event_coders, open_store)

DEFAULT_MAX_BYTES = 20_000_000  # as ingest.DEFAULT_MAX_BYTES (not imported: keeps --help fast)


def open_cluster(settings: Settings, scheduler: str, *, workers: int, batch_size: int, coder: Any,
                 strict: bool = False) -> Any:
    """A `ClusterExtractor` on a LocalCluster of `workers` processes ("local") or on the Dask
    scheduler at `scheduler` (tcp://HOST:8786); [E905] when dask is not installed."""
    try:
        from ..extract.cluster import ClusterExtractor
    except ImportError as exc:
        raise ConfigError(f"--scheduler needs dask and distributed ({exc}): pip install 'conflictdesk[dask]'",
                          code=Code.SCHEDULER) from exc
    return ClusterExtractor.open(scheduler, model=settings.model, kb_dirs=settings.kb_dirs, coder=coder,
                                 workers=workers, batch_size=batch_size, strict=strict)


def extraction_unavailable(exc: ImportError) -> PipelineError:
    """[E407]: extraction (or a library it needs) does not import. The command stops before it
    stores anything, rather than storing documents it was asked to extract from; --no-extract
    is the explicit store-only run."""
    return PipelineError(f"extraction cannot be loaded ({type(exc).__name__}: {exc}); reinstall conflictdesk "
                         f"with its dependencies, or pass --no-extract to store the documents without extracting",
                         code=Code.EXTRACTION_UNAVAILABLE)


def scheduler_option(command: Any) -> Any:
    return click.option("--scheduler", metavar="local|tcp://HOST:8786", default=None,
                        help="Extract on a Dask cluster: 'local' starts one of --workers processes on this machine, "
                             "tcp://HOST:8786 uses a running scheduler (each worker loads the pipeline and the "
                             "knowledge base once; needs conflictdesk[dask]).")(command)


class LazyExtractor:
    """Extraction with the language pipeline and knowledge base loaded on first use, so that a
    re-run over stored documents does not load them at all. With `scheduler`, extraction runs on
    a Dask cluster started or reached on first use (`close` ends it)."""

    def __init__(self, settings: Settings, *, workers: int, batch_size: int, coder: Any = "rules.v1",
                 on_loading: Callable[[str], None] = lambda _message: None, scheduler: str | None = None) -> None:
        from ..extract.pipeline import extract_documents  # ImportError: extraction not installed yet

        if scheduler is None and importlib.util.find_spec("spacy") is None:   # loaded on first use; known now
            raise ImportError("No module named 'spacy'", name="spacy")
        self._extract_documents = extract_documents
        self.coder = coder
        self.settings = settings
        self.workers = workers
        self.batch_size = batch_size
        self.on_loading = on_loading
        self.scheduler = scheduler
        self._resources: tuple[Any, Any] | None = None
        self._cluster: Any = None

    def close(self) -> None:
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __call__(self, docs: list[Document]) -> Iterator[Extraction | Failure]:
        if self.scheduler is not None:
            if self._cluster is None:
                self.on_loading(f"starting Dask ({self.scheduler}); its workers load the language model")
                self._cluster = open_cluster(self.settings, self.scheduler, workers=self.workers,
                                             batch_size=self.batch_size, coder=self.coder)
                self.on_loading("")
            return self._cluster(docs)
        if self._resources is None:
            from ..knowledge import load_knowledge_base
            from ..nlp import load_pipeline

            self.on_loading(f"loading language model ({self.settings.model}) and knowledge base")
            try:
                self._resources = (load_pipeline(self.settings.model), load_knowledge_base(self.settings.kb_dirs))
            except ImportError as exc:
                raise extraction_unavailable(exc) from exc
            self.on_loading("")
        nlp, kb = self._resources
        return self._extract_documents(docs, nlp=nlp, kb=kb, coder=self.coder, batch_size=self.batch_size,
                                       workers=self.workers)


def _read(sources: tuple[str, ...], *, fetch: bool, max_bytes: int) -> Iterable[Document | Failure]:
    from ..ingest import read_sources

    return read_sources(list(sources), fetch_urls=fetch, max_bytes=max_bytes)


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="PATH|URL|-...")
@click.option("--fetch", is_flag=True, help="Fetch http(s) sources (never private or loopback addresses).")
@click.option("--no-extract", is_flag=True, help="Store the documents without extracting from them.")
@click.option("--strict", is_flag=True, help="Stop at the first failure and exit non-zero.")
@click.option("--workers", type=click.IntRange(1, 16), default=1, show_default=True,
              help="Processes that extract documents in parallel (each parses and codes whole documents).")
@scheduler_option
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=64, show_default=True,
              help="Documents extracted and stored per batch.")
@click.option("--max-bytes", type=click.IntRange(1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Largest input accepted per document or file.")
@format_option("table", "json", help_="Format of the closing summary.")
@event_coder_options()
@click.pass_obj
@clean_errors
def ingest(settings: Settings, sources: tuple[str, ...], fetch: bool, no_extract: bool, strict: bool, workers: int,
           scheduler: str | None, batch_size: int, max_bytes: int, fmt: str, event_coder: str,
           model: Path | None) -> None:
    """Read the sources (files, folders, URLs with --fetch, - for standard input), store each
    document once (duplicates are skipped, near-duplicates linked to the original), extract
    actors, events and statements from them, and record every failure (see `errors`).

    Exits 0 when the readable documents were stored, even if some inputs failed; non-zero
    with --strict when anything failed, or when nothing at all could be read."""
    from ..ingest.estimate import estimate_documents
    from ..store import ingest_batch

    extractor: LazyExtractor | None = None
    with Progress("ingest", total=estimate_documents(sources)) as progress:
        if not no_extract:
            try:
                extractor = LazyExtractor(settings, workers=workers, batch_size=min(batch_size, 64),
                                          coder=load_event_coders([event_coder], model)[0],
                                          on_loading=progress.stage, scheduler=scheduler)
            except ImportError as exc:
                raise extraction_unavailable(exc) from exc

        def show(outcome: Any) -> None:
            if outcome.failure is not None:
                progress.note(describe_failure(outcome.failure))
            progress.advance()

        try:
            with open_store(settings, create=True) as store:
                summary = ingest_batch(_read(sources, fetch=fetch, max_bytes=max_bytes), store, extractor=extractor,
                                       batch_size=batch_size, stop_on_failure=strict, on_outcome=show)
        finally:
            if extractor is not None:
                extractor.close()

    counts = {k: v for k, v in dataclasses.asdict(summary).items() if k != "failures"}
    if fmt == "json":
        echo_json({**counts, "extraction": extractor is not None,
                   "failures": [dataclasses.asdict(f) for f in summary.failures]})
    else:
        click.echo(f"ingested {summary.ingested}, duplicates {summary.duplicates}, near-duplicates "
                   f"{summary.near_duplicates}, failed {summary.failed}"
                   + (f" (extracted {summary.extracted}, events {summary.events})" if extractor is not None else ""))
    if summary.read == 0:
        raise InputError("nothing could be read") if summary.failed else EmptyInputError("no documents found")
    if strict and summary.failed:
        raise ConflictDeskError(f"stopped at the first failure (--strict): {summary.failed} failed",
                                code=summary.failures[0].code if summary.failures else InputError.code)

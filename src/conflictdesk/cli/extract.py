"""`conflictdesk extract`: print the contract JSON for documents, without storing them."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

import click

from ..config import Settings
from ..contract import extraction_dict
from ..errors import EmptyInputError, InputError
from ..records import Document, Extraction, Failure
from .common import clean_errors, describe_failure, event_coder_options, load_event_coders
from .ingest import open_cluster, scheduler_option


def _report(failure: Failure) -> None:
    click.echo(describe_failure(failure), err=True)


@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True,
              help="json: one object (a list for several documents); jsonl: one object a line.")
@click.option("--fetch", is_flag=True, help="Fetch http(s) sources (never private or loopback addresses).")
@click.option("--strict", is_flag=True, help="Stop at the first document that fails.")
@click.option("--workers", type=click.IntRange(1, 16), default=1, show_default=True,
              help="Processes that extract documents in parallel.")
@scheduler_option
@event_coder_options()
@click.pass_obj
@clean_errors
def extract(settings: Settings, sources: tuple[str, ...], fmt: str, fetch: bool, strict: bool,
            workers: int, scheduler: str | None, event_coder: str, model: Path | None) -> None:
    """Extract actors, people, relations, events and statements from SOURCES (files, folders,
    URLs with --fetch, or - for standard input) and print them as the contract JSON."""
    from ..extract.pipeline import extract_documents
    from ..ingest import read_sources
    from ..knowledge import load_knowledge_base
    from ..nlp import load_pipeline

    coder = load_event_coders([event_coder], model)[0]
    docs: list[Document] = []
    failures = 0
    for item in read_sources(list(sources), fetch_urls=fetch):
        if isinstance(item, Failure):
            failures += 1
            _report(item)
            if strict:
                raise InputError(item.message, code=item.code)
        else:
            docs.append(item)
    if not docs:
        raise InputError("no document could be read") if failures else EmptyInputError("no documents given")
    cluster = None
    if scheduler is not None:   # the cluster's workers load the pipeline and the knowledge base
        cluster = open_cluster(settings, scheduler, workers=workers, batch_size=32, coder=coder, strict=strict)
        items: Iterable[Extraction | Failure] = cluster(docs)
    else:
        items = extract_documents(docs, nlp=load_pipeline(settings.model), kb=load_knowledge_base(settings.kb_dirs),
                                  coder=coder, strict=strict, workers=workers)
    try:
        results, extracted, failures = _print(items, fmt=fmt, failures=failures)
    finally:
        if cluster is not None:
            cluster.close()
    if fmt == "json":
        payload = results[0] if len(results) == 1 else results
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    if not extracted and failures:
        sys.exit(1)


def _print(items: Iterable[Extraction | Failure], *, fmt: str, failures: int) -> tuple[list[dict], int, int]:
    """Write jsonl as it comes (json is collected): the objects, how many extracted, failures."""
    results = []
    extracted = 0
    for item in items:
        if isinstance(item, Failure):
            failures += 1
            _report(item)
            continue
        obj = extraction_dict(item)
        extracted += 1
        if fmt == "jsonl":
            sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
        else:
            results.append(obj)
    return results, extracted, failures

"""`conflictdesk watch`: follow a list of feeds and pages, storing and extracting new items as
they arrive; `--status` shows each source's health."""
from __future__ import annotations

import dataclasses
import datetime as dt
import signal
import threading
from pathlib import Path
from typing import Any

import click

from ..config import Settings
from ..errors import ConfigError
from .common import (Progress, clean_errors, describe_failure, echo_json, event_coder_options, format_option,
                     load_event_coders, open_store, print_table)
from .ingest import LazyExtractor, extraction_unavailable


def _when(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S") if value is not None else ""


def _state_dict(state: Any) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.datetime) else v for k, v in dataclasses.asdict(state).items()} | {
        "health": state.health}


def _show_status(settings: Settings, feeds: str | None, fmt: str) -> None:
    from ..watch import read_feed_list

    urls = [s.url for s in read_feed_list(feeds).sources] if feeds else None
    with open_store(settings) as store:
        states = store.watch_states(urls)
    if fmt == "json":
        echo_json([_state_dict(s) for s in states])
        return
    print_table(["source", "health", "failures", "polls", "documents", "last success", "last error", "next poll"],
                ([s.name or s.url, s.health, s.failures, s.polls, s.documents, _when(s.last_success),
                  f"{_when(s.last_error_at)} [{s.last_error_code}] {s.last_error}" if s.last_error else "",
                  _when(s.next_poll)] for s in states), wide=("source", "last error"))


def _report_line(report: Any) -> str:
    name = report.source.name or report.source.url
    then = f"next poll {_when(report.next_poll)} UTC"
    if report.status == "failed":
        return f"{name}: failed [{report.failure.code}] {report.failure.message} ({then})"
    if report.status == "not_modified":
        return f"{name}: not modified ({then})"
    summary = report.summary
    stored = f"{summary.ingested + summary.near_duplicates} stored" if summary is not None else "0 stored"
    extracted = f", extracted {summary.extracted}, events {summary.events}" if summary and summary.extracted else ""
    return f"{name}: {report.entries} new item(s), {stored}{extracted} ({then})"


def _report_dict(report: Any) -> dict[str, Any]:
    summary = report.summary
    return {"url": report.source.url, "name": report.source.name, "status": report.status,
            "entries": report.entries, "next_poll": report.next_poll.isoformat(),
            "summary": None if summary is None else {k: v for k, v in dataclasses.asdict(summary).items()
                                                     if k != "failures"},
            "failure": None if report.failure is None else dataclasses.asdict(report.failure)}


@click.command()
@click.argument("feeds", required=False, metavar="FEEDS")
@click.option("--once", is_flag=True, help="Poll the sources that are due once, then exit (for cron and tests).")
@click.option("--status", is_flag=True, help="List each watched source's health (last success, last error, "
              "documents stored, next poll) and exit; with FEEDS only the sources it lists.")
@click.option("--no-extract", is_flag=True, help="Store new documents without extracting from them.")
@click.option("--workers", type=click.IntRange(1, 16), default=1, show_default=True,
              help="Processes that extract documents in parallel.")
@format_option("table", "json", help_="Format of --status and of the --once report.")
@event_coder_options()
@click.pass_obj
@clean_errors
def watch(settings: Settings, feeds: str | None, once: bool, status: bool, no_extract: bool, workers: int, fmt: str,
          event_coder: str, model: Path | None) -> None:
    """Follow the RSS/Atom feeds and pages listed in FEEDS (YAML, or OPML from a feed reader):
    poll each on its schedule with a conditional GET (ETag / Last-Modified), fetch, store and
    extract new items as they arrive, back off from a failing source, keep requests to one host
    apart, and never fetch private or loopback addresses. What was seen, each source's health
    and its next poll are kept in the store, so a restarted watcher goes on where it stopped and
    several watchers can share one list. Runs until stopped (Ctrl-C, SIGTERM) unless --once."""
    if status:
        _show_status(settings, feeds, fmt)
        return
    if feeds is None:
        raise ConfigError("give the feed list to watch (FEEDS), or --status")
    from ..watch import Watcher, read_feed_list

    feed_list = read_feed_list(feeds)
    with Progress("watch") as progress:
        extractor = None
        if not no_extract:     # before the store is opened: nothing is made when extraction cannot load
            try:
                extractor = LazyExtractor(settings, workers=workers, batch_size=16,
                                          coder=load_event_coders([event_coder], model)[0], on_loading=progress.stage)
            except ImportError as exc:
                raise extraction_unavailable(exc) from exc
        with open_store(settings, create=True) as store:
            def show(outcome: Any) -> None:
                if outcome.failure is not None:
                    progress.note(describe_failure(outcome.failure))

            watcher = Watcher(store, feed_list, extractor=extractor, on_outcome=show)
            if once:
                reports = watcher.poll_due()
            else:
                stop = threading.Event()
                previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
                progress.note(f"watching {len(feed_list.sources)} source(s); Ctrl-C or SIGTERM stops")
                try:
                    watcher.run(stop=stop, on_report=lambda r: progress.note(_report_line(r)))
                except KeyboardInterrupt:
                    progress.note("stopped")
                finally:
                    signal.signal(signal.SIGTERM, previous)
                return
    if fmt == "json":
        echo_json([_report_dict(r) for r in reports])
    else:
        for report in reports:
            click.echo(_report_line(report))
        if not reports:
            click.echo("no source is due (see watch --status)")

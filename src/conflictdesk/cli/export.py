"""`conflictdesk export`: stored events, filtered as `conflictdesk events` filters them, written
as ACLED-style CSV, JSON, GeoJSON or a STIX 2.1 bundle to a file or standard output, one row per
incident; `conflictdesk relink`: link the stored events to their incidents again."""
from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Iterator
from typing import TextIO

import click

from ..config import Settings
from ..errors import Code, ExportError
from .common import Progress, clean_errors, event_filters, format_option, open_store, resolved_event_filters

FORMATS = ("acled-csv", "json", "geojson", "stix")


@contextlib.contextmanager
def _output(path: str) -> Iterator[TextIO]:
    if path == "-":
        yield sys.stdout
        return
    try:
        stream = open(path, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror}", code=Code.EXPORT_WRITE) from exc
    with stream:
        yield stream


@click.command()
@format_option(*FORMATS, help_="acled-csv: ACLED's column names (actor names as ACLED names where known); "
               "geojson: located events; stix: a STIX 2.1 bundle (events, actors, places, reports).")
@click.option("-o", "--output", "output", metavar="FILE", default="-", show_default=True,
              help="Write to FILE (- for standard output).")
@event_filters
@click.pass_obj
@clean_errors
def export(settings: Settings, fmt: str, output: str, actor: str | None, event_type: str | None,  # noqa: PLR0913
           country: str | None, since: dt.date | None, until: dt.date | None, status: str | None,
           min_confidence: float | None, limit: int | None, include_duplicates: bool, mentions: bool) -> None:
    """Export stored events, most recent first, as ACLED CSV, JSON, GeoJSON or STIX 2.1: one row per
    incident, however many documents report it (--mentions: one per report)."""
    from ..export import actor_lookup, event_actor_ids, events_to_acled_csv, events_to_geojson, events_to_json
    from ..export.stix import events_to_stix
    from ..store.incidents import collapse

    with open_store(settings) as store:
        filters = resolved_event_filters(settings, store, actor=actor, event_type=event_type, country=country)
        found = store.list_events(**filters, since=since, until=until, status=status, limit=limit,
                                  min_confidence=min_confidence, include_duplicates=include_duplicates)
        found = found if mentions else collapse(found)
        lookup = actor_lookup(store, found) if fmt == "acled-csv" else None
        directory = store.actor_directory(event_actor_ids(found)) if fmt == "stix" else {}
    with _output(output) as out:
        if fmt == "acled-csv":
            count = events_to_acled_csv(found, out, actor=lookup, occurred_only=status is None)
        elif fmt == "json":
            count = events_to_json(found, out)
        elif fmt == "geojson":
            count = events_to_geojson(found, out)
        else:
            events_to_stix(found, out, at=dt.datetime.now(dt.timezone.utc), actors=directory)
            count = len(found)
    if output != "-":
        click.echo(f"wrote {count} event(s) as {fmt} to {output}", err=True)


@click.command()
@click.pass_obj
@clean_errors
def relink(settings: Settings) -> None:
    """Link every stored event to its incident again: the events of several documents that tell
    one occurrence (done as each document is stored; run it after upgrading a store made before
    incidents were linked, or after corrections)."""
    with open_store(settings) as store, Progress("relink", total=store.count_documents()) as progress:
        incidents = store.relink_incidents(progress=lambda _doc: progress.advance())
        reports = store.count_events(include_duplicates=True)
    click.echo(f"{reports} event(s) tell {incidents} incident(s)", err=True)

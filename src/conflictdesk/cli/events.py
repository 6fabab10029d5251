"""`conflictdesk events`: stored events, filtered, as a table, JSON, ACLED-style CSV or GeoJSON."""
from __future__ import annotations

import sys

import click

from ..config import Settings
from .common import clean_errors, event_filters, format_option, open_store, print_table, resolved_event_filters


@click.command()
@event_filters
@format_option("table", "json", "csv", "geojson",
               help_="csv: ACLED's column names (actor names as ACLED names where known); geojson: located events.")
@click.pass_obj
@clean_errors
def events(settings: Settings, actor: str | None, event_type: str | None, country: str | None, since, until,  # noqa: ANN001
           status: str | None, min_confidence: float | None, limit: int | None, include_duplicates: bool,
           mentions: bool, fmt: str) -> None:
    """List stored events, most recent first: one row per incident, however many documents report it
    (--mentions: one per report)."""
    from ..export import actor_lookup, events_to_acled_csv, events_to_geojson, events_to_json
    from ..store.incidents import collapse

    with open_store(settings) as store:
        filters = resolved_event_filters(settings, store, actor=actor, event_type=event_type, country=country)
        found = store.list_events(**filters, since=since, until=until, status=status, limit=limit,
                                  min_confidence=min_confidence, include_duplicates=include_duplicates)
        found = found if mentions else collapse(found)
        if fmt == "csv":
            events_to_acled_csv(found, sys.stdout, actor=actor_lookup(store, found), occurred_only=status is None)
            return
    if fmt == "json":
        events_to_json(found, sys.stdout)
    elif fmt == "geojson":
        events_to_geojson(found, sys.stdout)
    else:
        print_table(["date", "event", "actors", "location", "fatalities", "status", "document", "reports"],
                    ([s.event.event_date or s.event.event_month or s.published, s.event.sub_event_type,
                      " / ".join(a for a in (s.event.actor1, s.event.actor2) if a),
                      ", ".join(dict.fromkeys(x for x in (s.event.location, s.event.country) if x)),
                      s.event.fatalities, s.event.status, s.document_id, 1 + len(s.reports)] for s in found),
                    wide=("event", "actors", "location"))

"""`conflictdesk events`: stored events, filtered, as a table, JSON, ACLED-style CSV or GeoJSON."""
from __future__ import annotations

import sys

import click

from ..config import Settings
from ..records import EVENT_STATUSES
from .common import DATE, clean_errors, format_option, open_store, print_table


@click.command()
@click.option("--actor", metavar="ID", help="Events involving this actor (id or stored name), in any role.")
@click.option("--type", "event_type", metavar="T", help="ACLED event type or sub-event type.")
@click.option("--country", metavar="C", help="Country name, e.g. Iraq.")
@click.option("--since", type=DATE, help="On or after this date (event date, else publication date).")
@click.option("--until", type=DATE, help="On or before this date.")
@click.option("--status", type=click.Choice(EVENT_STATUSES), help="Only events with this status (ACLED CSV otherwise holds only reported, claimed and attempted events).")
@click.option("--limit", type=click.IntRange(1), help="At most this many events (most recent first).")
@click.option("--include-duplicates", is_flag=True, help="Also events from near-duplicate documents.")
@format_option("table", "json", "csv", "geojson",
               help_="csv: ACLED's column names (actor names as ACLED names where known); geojson: located events.")
@click.pass_obj
@clean_errors
def events(settings: Settings, actor: str | None, event_type: str | None, country: str | None, since, until,  # noqa: ANN001
           status: str | None, limit: int | None, include_duplicates: bool, fmt: str) -> None:
    """List stored events, most recent first."""
    from ..export import actor_lookup, events_to_acled_csv, events_to_geojson, events_to_json

    with open_store(settings) as store:
        found = store.list_events(actor=actor, event_type=event_type, country=country, since=since, until=until,
                                  status=status, limit=limit, include_duplicates=include_duplicates)
        if fmt == "csv":
            events_to_acled_csv(found, sys.stdout, actor=actor_lookup(store, found), occurred_only=status is None)
            return
    if fmt == "json":
        events_to_json(found, sys.stdout)
    elif fmt == "geojson":
        events_to_geojson(found, sys.stdout)
    else:
        print_table(["date", "event", "actors", "location", "fatalities", "status", "document"],
                    ([s.event.event_date or s.published, s.event.sub_event_type,
                      " / ".join(a for a in (s.event.actor1, s.event.actor2) if a),
                      ", ".join(dict.fromkeys(x for x in (s.event.location, s.event.country) if x)),
                      s.event.fatalities, s.event.status, s.document_id] for s in found),
                    wide=("event", "actors", "location"))

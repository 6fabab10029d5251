"""Exports of stored events: ACLED-style CSV, JSON, GeoJSON. Pure functions over records
(`StoredEvent`, or bare `Event`) that write to a text stream.

    found = store.list_events()
    events_to_acled_csv(found, sys.stdout, actor=actor_lookup(store, found))
"""
from __future__ import annotations

from .acled import (ACLED_COLUMNS, EXTRA_COLUMNS, AcledActor, acled_actors, acled_row, actor_lookup,
                    events_to_acled_csv, inter_code)
from .geojson import events_to_geojson, geojson_feature_collection
from .eventjson import event_record_dict, events_to_json
from .rows import event_actor_ids

__all__ = ["ACLED_COLUMNS", "EXTRA_COLUMNS", "AcledActor", "acled_actors", "acled_row", "actor_lookup",
           "event_actor_ids", "event_record_dict", "events_to_acled_csv", "events_to_geojson", "events_to_json",
           "geojson_feature_collection", "inter_code"]

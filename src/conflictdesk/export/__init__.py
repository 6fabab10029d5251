"""Exports of stored events: ACLED-style CSV, JSON, GeoJSON. Pure functions over records
(`StoredEvent`, or bare `Event`) that write to a text stream.

    events_to_acled_csv(store.list_events(), sys.stdout, actor=lookup)
"""
from __future__ import annotations

from .acled import ACLED_COLUMNS, EXTRA_COLUMNS, AcledActor, acled_row, events_to_acled_csv, inter_code
from .geojson import events_to_geojson, geojson_feature_collection
from .eventjson import event_record_dict, events_to_json

__all__ = ["ACLED_COLUMNS", "EXTRA_COLUMNS", "AcledActor", "acled_row", "event_record_dict", "events_to_acled_csv",
           "events_to_geojson", "events_to_json", "geojson_feature_collection", "inter_code"]

"""Events as a GeoJSON FeatureCollection (RFC 7946: coordinates are [longitude, latitude])."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from ..records import Event, StoredEvent
from .eventjson import event_record_dict
from .rows import as_stored


def geojson_feature_collection(rows: Iterable[StoredEvent | Event], *,
                               include_unlocated: bool = False) -> dict[str, Any]:
    """One Point feature per located event; events without coordinates are left out, or given
    a null geometry with `include_unlocated`."""
    features = []
    for item in rows:
        ev = as_stored(item).event
        located = ev.latitude is not None and ev.longitude is not None
        if not located and not include_unlocated:
            continue
        properties = event_record_dict(item)
        geometry = {"type": "Point", "coordinates": [ev.longitude, ev.latitude]} if located else None
        features.append({"type": "Feature", "id": properties["id"], "geometry": geometry, "properties": properties})
    return {"type": "FeatureCollection", "features": features}


def events_to_geojson(rows: Iterable[StoredEvent | Event], out: TextIO, *, include_unlocated: bool = False) -> int:
    """Write a FeatureCollection; returns the number of features."""
    collection = geojson_feature_collection(rows, include_unlocated=include_unlocated)
    out.write(json.dumps(collection, ensure_ascii=False, indent=2) + "\n")
    return len(collection["features"])

"""Reading ACLED exports: both column styles (lower-case current exports, upper-case 2016-era
files), the older event taxonomy mapped to the current one, and dates in either format.

Nothing here ships ACLED data; it reads an export the user holds.
"""
from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import MalformedInputError

# Older (pre-2019) event types -> (current event type, sub-event type or None). From the shared
# data README, which follows ACLED's 2019 codebook transition notes.
OLD_EVENT_TYPES: dict[str, tuple[str, str | None]] = {
    "remote violence": ("Explosions/Remote violence", None),
    "battle-no change of territory": ("Battles", "Armed clash"),
    "battle-government regains territory": ("Battles", "Government regains territory"),
    "battle-non-state actor overtakes territory": ("Battles", "Non-state actor overtakes territory"),
    "violence against civilians": ("Violence against civilians", None),
    "riots/protests": ("Protests or Riots", None),
    "strategic development": ("Strategic developments", None),
    "non-violent transfer of territory": ("Strategic developments", "Non-violent transfer of territory"),
    "headquarters or base established": ("Strategic developments", "Headquarters or base established"),
}
PROTESTS_OR_RIOTS = "Protests or Riots"


@dataclass(slots=True)
class AcledRow:
    """One row of an ACLED export, with the event type in the current taxonomy."""

    notes: str
    event_type: str                    # current taxonomy; "Protests or Riots" for the old merged type
    sub_event_type: str | None
    actor1: str
    actor2: str
    assoc_actor_1: list[str] = field(default_factory=list)
    assoc_actor_2: list[str] = field(default_factory=list)
    country: str = ""
    admin1: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    event_date: dt.date | None = None
    time_precision: int | None = None
    fatalities: int | None = None
    split: str | None = None
    row_id: str = ""


def current_event_type(old_or_new: str, sub_event_type: str | None = None) -> tuple[str, str | None]:
    """Map an event type from either taxonomy to (current type, sub-type)."""
    mapped = OLD_EVENT_TYPES.get(old_or_new.strip().lower())
    if mapped:
        return mapped[0], mapped[1] or sub_event_type
    return old_or_new.strip(), sub_event_type


def coarse_event_type(event_type: str) -> str:
    """Merge Protests and Riots, as the older taxonomy does, for comparisons with old data."""
    return PROTESTS_OR_RIOTS if event_type in ("Protests", "Riots", PROTESTS_OR_RIOTS) else event_type


def _date(value: str) -> dt.date | None:
    value = value.strip()
    for fmt in ("%Y-%m-%d", "%d-%b-%y", "%d/%m/%Y", "%d %B %Y", "%d-%B-%Y", "%d-%b-%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def _int(value: str) -> int | None:
    try:
        return int(float(value))
    except ValueError:
        return None


def _split_actors(value: str) -> list[str]:
    return [a.strip() for a in value.split(";") if a.strip()]


def read_acled_csv(path: Path) -> Iterator[AcledRow]:
    """Rows of an ACLED export; raises MalformedInputError when it has no notes or event type."""
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        columns = {c.lower(): c for c in reader.fieldnames or []}
        if "notes" not in columns or "event_type" not in columns:
            raise MalformedInputError(f"{path}: not an ACLED export (needs 'notes' and 'event_type' columns)")

        def get(row: dict[str, str], *names: str) -> str:
            for name in names:
                if name in columns:
                    return (row.get(columns[name]) or "").strip()
            return ""

        for n, row in enumerate(reader, start=2):
            event_type, sub = current_event_type(get(row, "event_type"), get(row, "sub_event_type") or None)
            yield AcledRow(
                notes=get(row, "notes"), event_type=event_type, sub_event_type=sub,
                actor1=get(row, "actor1"), actor2=get(row, "actor2"),
                assoc_actor_1=_split_actors(get(row, "assoc_actor_1", "ally_actor_1")),
                assoc_actor_2=_split_actors(get(row, "assoc_actor_2", "ally_actor_2")),
                country=get(row, "country"), admin1=get(row, "admin1"), location=get(row, "location"),
                latitude=_float(get(row, "latitude")), longitude=_float(get(row, "longitude")),
                geo_precision=_int(get(row, "geo_precision")), event_date=_date(get(row, "event_date")),
                time_precision=_int(get(row, "time_precision")), fatalities=_int(get(row, "fatalities")),
                split=get(row, "split") or None, row_id=get(row, "data_id", "event_id_cnty", "gwno") or str(n),
            )

"""Reading ACLED event files (current and pre-2019 layouts) as gold events for evaluation."""
from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass
from pathlib import Path

from ..ingest.acled import read_acled_rows

# pre-2019 event types -> (current event type, sub-event type or None); see ../shared/data/README.md
OLD_TYPES: dict[str, tuple[str, str | None]] = {
    "Remote violence": ("Explosions/Remote violence", None),
    "Battle-No change of territory": ("Battles", "Armed clash"),
    "Battle-Government regains territory": ("Battles", "Government regains territory"),
    "Battle-Non-state actor overtakes territory": ("Battles", "Non-state actor overtakes territory"),
    "Violence against civilians": ("Violence against civilians", None),
    "Riots/Protests": ("Protests or Riots", None),
    "Strategic development": ("Strategic developments", None),
    "Non-violent transfer of territory": ("Strategic developments", "Non-violent transfer of territory"),
    "Headquarters or base established": ("Strategic developments", "Headquarters or base established"),
}
# current event types, with Protests and Riots joined (the old taxonomy does not tell them apart)
COARSE = {"Protests": "Protests or Riots", "Riots": "Protests or Riots"}
LABELS = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests or Riots",
          "Strategic developments")
YEAR_RANGE = re.compile(r"\s*\(\d{4}-(\d{4})?\)")


def coarse_type(event_type: str) -> str:
    """An event type in the evaluation's label set (old or current taxonomy)."""
    if event_type in OLD_TYPES:
        return OLD_TYPES[event_type][0]
    return COARSE.get(event_type, event_type)


def norm_actor(name: str | None) -> str:
    """An ACLED actor name compared without case, punctuation or year range."""
    if not name:
        return ""
    name = YEAR_RANGE.sub(" ", name)
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    notes: str
    event_type: str               # as in the file
    label: str                    # coarse current type (LABELS)
    sub_event_type: str | None    # when the file's type tells it
    actor1: str
    actor2: str
    country: str
    latitude: float | None
    longitude: float | None
    fatalities: int | None
    event_date: dt.date | None
    split: str | None


def _date(value: str) -> dt.date | None:
    value = (value or "").strip()
    for fmt in ("%Y-%m-%d", "%d-%b-%y", "%d/%m/%Y", "%d %B %Y", "%d-%B-%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _float(value: str) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _int(value: str) -> int | None:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def read_acled(path: str | Path, *, split: str | None = None, unique_notes: bool = True) -> list[GoldEvent]:
    """Every event of an ACLED CSV (either layout); repeated notes kept once (ACLED repeats a
    report for each location it names); `split` keeps rows of that split only."""
    p = Path(path)
    out: list[GoldEvent] = []
    seen: set[str] = set()
    for n, r in enumerate(read_acled_rows(p), start=2):
        notes = r.get("notes", "").strip()
        etype = r.get("event_type", "").strip()
        if not notes or not etype:
            continue
        if split and r.get("split") and r["split"] != split:
            continue
        if unique_notes:
            if notes in seen:
                continue
            seen.add(notes)
        label, sub = OLD_TYPES.get(etype, (COARSE.get(etype, etype), None))
        if r.get("sub_event_type"):
            sub = r["sub_event_type"]
        out.append(GoldEvent(
            id=r.get("data_id") or r.get("event_id_cnty") or f"{p.stem}:{n}", notes=notes, event_type=etype,
            label=label, sub_event_type=sub, actor1=r.get("actor1", ""), actor2=r.get("actor2", ""),
            country=r.get("country", ""), latitude=_float(r.get("latitude", "")),
            longitude=_float(r.get("longitude", "")), fatalities=_int(r.get("fatalities", "")),
            event_date=_date(r.get("event_date", "")), split=r.get("split") or None))
    return out


def sample(golds: list[GoldEvent], *, limit: int | None = None, size: int | None = None,
           seed: int = 0) -> list[GoldEvent]:
    """The first `limit` events, or a seeded random sample of `size` (deterministic)."""
    if size is not None and size < len(golds):
        rng = random.Random(seed)
        idx = sorted(rng.sample(range(len(golds)), size))
        golds = [golds[i] for i in idx]
    if limit is not None:
        golds = golds[:limit]
    return golds

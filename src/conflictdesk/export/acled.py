"""Events as CSV with ACLED's column names, so analysts can load them next to ACLED data.

Actor ids become names through an `actor` lookup (id -> AcledActor with ACLED's name and
`inter` code); without one, or for an id it does not know, the id itself is written.
ACLED conventions: fatalities 0 where none are reported; associated actors joined with
"; "; `interaction` is the two inter codes, lowest first (inter1 * 10 for a sole actor);
`civilian_targeting` is "Civilian targeting" or empty. Columns after ACLED's
(EXTRA_COLUMNS) carry what conflictdesk adds: status, salience, document, evidence, and for an
incident several documents report (store/incidents.collapse), how many report it and which
(`source` then names every publisher, as ACLED lists an event's sources).
Cells of document text that start like a spreadsheet formula (= + - @) are written with a
leading apostrophe (`rows.spreadsheet_safe`), so opening the file never runs one.
"""
from __future__ import annotations

import csv
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from ..records import Actor, Event, StoredEvent
from ..taxonomy import INTER_BY_ACTOR_TYPE
from .rows import as_stored, event_actor_ids, spreadsheet_safe

if TYPE_CHECKING:
    from ..store import Store

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
)
EXTRA_COLUMNS: tuple[str, ...] = ("event_id", "status", "salience", "count", "count_qualifier", "cameo", "plover",
                                  "document_id", "source_url", "evidence", "reports", "report_documents",
                                  "event_month")



@dataclass(frozen=True, slots=True)
class AcledActor:
    name: str
    inter: int | None = None


ActorLookup = Callable[[str], "AcledActor | None"]


def inter_code(actor_type: str | None) -> int | None:
    return INTER_BY_ACTOR_TYPE.get(actor_type or "")


def acled_actors(directory: dict[str, Actor]) -> ActorLookup:
    """id -> ACLED name (else the name) and inter code, from actor records."""
    table = {aid: AcledActor(a.acled_name or a.name, inter_code(a.type)) for aid, a in directory.items()}
    return table.get


def actor_lookup(store: "Store", items: Iterable[StoredEvent | Event]) -> ActorLookup:
    """The ACLED lookup of the actors of `items`, from the actors as stored with the documents
    (their knowledge-base attributes at extraction time); unknown ids are written as they are."""
    return acled_actors(store.actor_directory(event_actor_ids(items)))


@functools.lru_cache(maxsize=512)
def _iso3(country: str | None) -> str:
    if not country:
        return "XXX"
    import pycountry

    try:
        return pycountry.countries.lookup(country).alpha_3
    except LookupError:
        return "XXX"


def _text(value: object) -> str:
    return "" if value is None else str(value)


def acled_row(item: StoredEvent | Event, *, actor: ActorLookup | None = None) -> dict[str, str]:
    """One CSV row (column -> text) for an event."""
    stored = as_stored(item)
    ev = stored.event

    def named(actor_id: str | None) -> tuple[str, int | None]:
        if not actor_id:
            return "", None
        found = actor(actor_id) if actor is not None else None
        return (found.name, found.inter) if found is not None else (actor_id, None)

    name1, inter1 = named(ev.actor1)
    name2, inter2 = named(ev.actor2)
    if inter1 is not None and inter2 is not None:
        interaction = str(int(f"{min(inter1, inter2)}{max(inter1, inter2)}"))
    elif inter1 is not None and not ev.actor2:
        interaction = str(inter1 * 10)
    else:
        interaction = ""
    iso = _iso3(ev.country)
    reports = stored.sources()      # an incident told by several documents: every one of them
    sources = list(dict.fromkeys(s.source for s in reports if s.source))
    event_id = ev.id if not stored.document_id or ev.id.startswith(stored.document_id) else \
        f"{stored.document_id}-{ev.id}"
    # An event told by its month only ("in April"; time_precision 3) has no day: event_date is left
    # blank rather than given a day the text does not state (ACLED's codebook dates such an event within
    # its month, but the rule for which day could not be checked here), its year is the month's, and the
    # month itself is in the extra column event_month ("YYYY-MM")
    when = ev.placed_on
    return {
        "event_id_cnty": f"{iso}-{event_id}", "event_date": ev.event_date.isoformat() if ev.event_date else "",
        "year": _text(when.year if when else None), "time_precision": _text(ev.time_precision),
        "event_type": ev.event_type, "sub_event_type": ev.sub_event_type, "actor1": name1,
        "assoc_actor_1": "; ".join(named(a)[0] for a in ev.assoc_actor_1), "inter1": _text(inter1),
        "actor2": name2, "assoc_actor_2": "; ".join(named(a)[0] for a in ev.assoc_actor_2), "inter2": _text(inter2),
        "interaction": interaction, "civilian_targeting": "Civilian targeting" if ev.civilian_targeting else "",
        "iso": "" if iso == "XXX" else iso, "country": _text(ev.country), "admin1": _text(ev.admin1),
        "location": _text(ev.location), "latitude": _text(ev.latitude), "longitude": _text(ev.longitude),
        "geo_precision": _text(ev.geo_precision), "source": "; ".join(sources), "notes": ev.notes,
        "fatalities": str(ev.fatalities if ev.fatalities is not None else 0),
        "event_id": ev.id, "status": ev.status, "salience": ev.salience,
        "count": _text(ev.count.value if ev.count else None),
        "count_qualifier": _text(ev.count.qualifier if ev.count else None), "cameo": _text(ev.cameo),
        "plover": _text(ev.plover), "document_id": stored.document_id, "source_url": _text(stored.url),
        "evidence": ev.evidence.text, "reports": str(len(reports)),
        "report_documents": "; ".join(s.document_id for s in reports if s.document_id),
        "event_month": _text(ev.event_month),
    }


# Statuses of events that took place as far as the text says. ACLED codes reported and claimed
# events, and attempts (intercepted or failed attacks, e.g. "Disrupted weapons use"); it does not code
# threats, plans, denials or hypotheticals, which a tool reading only ACLED's columns would count.
OCCURRED_STATUSES = frozenset({"reported", "claimed", "attempted"})


def events_to_acled_csv(rows: Iterable[StoredEvent | Event], out: TextIO, *, actor: ActorLookup | None = None,
                        extra_columns: bool = True, occurred_only: bool = True) -> int:
    """Write a header and one row per event; returns the number of events written. With
    `occurred_only` (the default) threatened, planned, negated and hypothetical events are left out."""
    columns = ACLED_COLUMNS + (EXTRA_COLUMNS if extra_columns else ())
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    n = 0
    for item in rows:
        status = item.event.status if isinstance(item, StoredEvent) else item.status
        if occurred_only and status not in OCCURRED_STATUSES:
            continue
        writer.writerow({k: spreadsheet_safe(v) for k, v in acled_row(item, actor=actor).items()})
        n += 1
    return n

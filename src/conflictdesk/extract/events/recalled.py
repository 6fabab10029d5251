"""What a report recalls (salience background), coded as an ACLED coder codes context.

    events = recalled_once(events)

The guide codes one event per type, date, location and actor pair: a sentence that recalls one
incident in two words ("an attack on the magazine that killed 12", "103 civilians were killed and
67 wounded last year") tells one background event, not two.
"""
from __future__ import annotations

from ...records import Event

# default sides the stage gives a side the text leaves unnamed: no evidence of another side
DEFAULT_SIDES = ("unidentified-armed-group-", "civilians-")


def _unnamed(actor: str | None) -> bool:
    return actor is None or actor.startswith(DEFAULT_SIDES)


def _compatible(a: str | None, b: str | None) -> bool:
    return a == b or _unnamed(a) or _unnamed(b)


def _same_telling(a: Event, b: Event) -> bool:
    """Both recalled in the same sentence as the same kind of event at the same place and time, with no
    sides that differ."""
    return a.salience == b.salience == "background" and a.evidence.start == b.evidence.start \
        and (a.event_type, a.sub_event_type, a.country, a.location, a.event_date, a.event_month) \
        == (b.event_type, b.sub_event_type, b.country, b.location, b.event_date, b.event_month) \
        and _compatible(a.actor1, b.actor1) and _compatible(a.actor2, b.actor2)


def _join(host: Event, other: Event) -> None:
    """`other` told again: the sides it names and its toll join `host`."""
    # a side the host already has on the other side is the same word read the other way: no side fights itself
    if (_unnamed(host.actor1) and not _unnamed(other.actor1) or host.actor1 is None) \
            and (other.actor1 is None or other.actor1 != host.actor2):
        host.actor1, host.assoc_actor_1 = other.actor1, other.assoc_actor_1
    if (_unnamed(host.actor2) and not _unnamed(other.actor2) or host.actor2 is None) \
            and (other.actor2 is None or other.actor2 != host.actor1):
        host.actor2, host.assoc_actor_2 = other.actor2, other.assoc_actor_2
    if host.fatalities is None:
        host.fatalities = other.fatalities
    if host.count is None:
        host.count = other.count


def recalled_once(events: list[Event]) -> list[Event]:
    """The events, each background incident a sentence recalls twice (`_same_telling`) kept once, in order."""
    kept: list[Event] = []
    for ev in events:
        host = next((k for k in kept if _same_telling(k, ev)), None)
        if host is None:
            kept.append(ev)
        else:
            _join(host, ev)
    return kept

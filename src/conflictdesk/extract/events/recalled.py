"""What a report recalls (salience background), coded as an ACLED coder codes context.

    events = recalled_once(events)

The guide codes one event per type, date, location and actor pair: a sentence that recalls one
incident in two words ("an attack on the magazine that killed 12", "103 civilians were killed and
67 wounded last year") tells one background event, not two; two tellings coded alike in every one of
those fields are one incident, wherever the text tells them. Violence its clause tells over a span of
a week or more ("air strikes have killed 91 in the past six days", "over the last seven months") is many
incidents told as one: background, with no day of its own (`told_over_a_span`), never the day's news.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...records import Event
from .apart import NAMED_ANOTHER
from .attributes import WORD_NUMBERS
from .notes import UNIDENTIFIED

if TYPE_CHECKING:
    from spacy.tokens import Token

# default sides the stage gives a side the text leaves unnamed (one person acting alone is unnamed too): no
# evidence of another side
SOLE = "sole-perpetrator-"
DEFAULT_SIDES = (f"{UNIDENTIFIED}-", SOLE, "civilians-")


def _attacker(actor: str | None) -> str | None:
    """One person acting alone as the unidentified armed group of his country ("sole-perpetrator-united-states" as
    "unidentified-armed-group-united-states"): a telling that does not say he was alone tells him so."""
    return f"{UNIDENTIFIED}-{actor[len(SOLE):]}" if actor is not None and actor.startswith(SOLE) else actor


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
    if other.actor1 is not None and other.actor1.startswith(SOLE) and _attacker(other.actor1) == host.actor1:
        host.actor1 = other.actor1          # the telling that says he acted alone
    if (_unnamed(host.actor2) and not _unnamed(other.actor2) or host.actor2 is None) \
            and (other.actor2 is None or other.actor2 != host.actor1):
        host.actor2, host.assoc_actor_2 = other.actor2, other.assoc_actor_2
    if host.fatalities is None:
        host.fatalities = other.fatalities
    if host.count is None:
        host.count = other.count




def _same_coded(a: Event, b: Event) -> bool:
    """Coded alike in every field that makes an ACLED event: the same type, day, town and sides (one gunman
    who "shot and killed a trooper" and "pulled out a handgun and shot the trooper"). ACLED codes one event
    per type, date, location and actor pair, so two tellings coded so are one incident told twice, unless the
    later one names itself another ("another bomb wounded two soldiers")."""
    return a.event_date is not None and a.location is not None \
        and (a.event_type, a.sub_event_type, a.country, a.location, a.event_date, _attacker(a.actor1), a.actor2) \
        == (b.event_type, b.sub_event_type, b.country, b.location, b.event_date, _attacker(b.actor1), b.actor2) \
        and not NAMED_ANOTHER.search(b.evidence.text)


def recalled_once(events: list[Event]) -> list[Event]:
    """The events, each background incident a sentence recalls twice (`_same_telling`) kept once, and each
    incident coded twice alike (`_same_coded`) kept once, in order."""
    kept: list[Event] = []
    for ev in events:
        host = next((k for k in kept if _same_telling(k, ev) or _same_coded(k, ev)), None)
        if host is None:
            kept.append(ev)
        else:
            _join(host, ev)
            if ev.salience == "main":
                host.salience = "main"
    return kept


SPAN_PREPS = {"in", "over", "during", "within", "throughout"}
SPAN_MODIFIERS = {"past", "last", "previous", "preceding"}
LONG_UNITS = {"week", "fortnight", "month", "quarter", "year", "decade"}
MODIFIER_DEPS = {"acl", "amod", "compound"}   # "rebel shelling of ...", "found at ...": participles, no clause
CONTRAST_MARKS = {"while", "whereas", "as"}
DAYS_MIN = 5      # "in the past two days" is still the news of the report (ACLED dates it); six days are many


def _span_days(unit: "Token") -> int | None:
    """Roughly how many days "the past six days", "the last seven months", "the past two weeks" span: None
    when the phrase counts no span back from the report ("in the last days of the siege")."""
    if not any(c.lower_ in SPAN_MODIFIERS for c in unit.children):
        return None
    lemma = unit.lemma_.lower()
    if lemma in LONG_UNITS:
        return 7
    if lemma != "day":
        return None
    num = next((c for c in unit.children if c.dep_ == "nummod"), None)
    if num is None:
        return None                 # "in the past few days", "in recent days": the news
    return int(num.text) if num.text.isdigit() else WORD_NUMBERS.get(num.lower_)


def told_over_a_span(head: "Token") -> "Token | None":
    """The verb of the event's clause is told over a span of a week or more back from the report ("strikes
    have killed 91 civilians in the past six days", "Over the last seven months, 28 people have been killed
    in attacks"): a toll of many incidents, not one of the day; the span's preposition, or None. A span that
    ranks the event ("the deadliest attack in the past year") hangs from its noun, not its verb, and is no
    span of it."""
    if head.dep_ == "compound":
        return None          # "the shooting scene", "the bombing site": the event names another noun's thing
    start = head.head if head.pos_ == "VERB" and head.dep_ in MODIFIER_DEPS else head
    clause = next((t for t in [start, *start.ancestors][:5] if t.pos_ in ("VERB", "AUX")), None)
    if clause is None or clause.dep_ in MODIFIER_DEPS:
        return None          # "found at the shooting scene": the span of a clause around the event's phrase
    # "strikes had killed 91 in the past six days while rebel shelling had claimed 49 lives": the span of the
    # clause the event's clause is set beside is its span too
    beside = clause.dep_ == "conj" or clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in clause.children)
    verbs = [clause] + ([clause.head] if beside else [])
    for verb in verbs:
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in SPAN_PREPS:
                continue
            for unit in prep.children:
                days = _span_days(unit) if unit.dep_ == "pobj" else None
                if days is not None and days >= DAYS_MIN:
                    return prep
    return None

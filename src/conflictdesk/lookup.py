"""What a user types as a filter or a search, read against the knowledge base and the store.

    actor_ids(kb, store, "Hizballah")     # every stored actor id Hezbollah is held under
    country_name(store, "iraq")           # "Iraq", the spelling stored events use
    search_forms(kb, "ISIS")              # ["ISIS", "Islamic State", "Daesh", ...]: one name, its spellings

Aliases and spellings expand (ISIS = Islamic State = Daesh; Hizballah = Hezbollah; Falluja =
Fallujah). A value that names nothing known raises `UnknownValueError` ([E120]) with the closest
known values, so that a typo never reads as "nothing happened".
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import pycountry
from rapidfuzz import fuzz, process

from .errors import UnknownValueError

if TYPE_CHECKING:
    from .knowledge import KnowledgeBase
    from .store import Store

SUGGESTIONS = 3
SPELLING_SIMILARITY = 86   # rapidfuzz ratio above which a place name is another spelling of the query
_MAX_FORMS = 12        # spellings searched for one name (the knowledge base lists up to ~40 for some)


def closest(value: str, known: Iterable[str], *, limit: int = SUGGESTIONS) -> list[str]:
    """The known values closest to `value` (case-insensitive), best first."""
    choices = list(dict.fromkeys(k for k in known if k))
    found = process.extract(value.lower(), [c.lower() for c in choices], scorer=fuzz.QRatio, limit=limit,
                            score_cutoff=70)
    return [choices[index] for _, _, index in found]


def _unknown(what: str, value: str, suggestions: Sequence[str]) -> UnknownValueError:
    hint = f"; did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
    return UnknownValueError(f"no {what} {value!r} is known{hint}", suggestions=list(suggestions))


def actor_ids(kb: "KnowledgeBase", store: "Store", value: str) -> list[str]:
    """Stored actor ids for the actor `value` names: a knowledge-base id, name, alias or ACLED
    name (any spelling the knowledge base lists), or a name an actor is stored under."""
    entry = kb.actors.get(value) or kb.find_actor_by_name(value)
    directory = store.actor_directory()
    if entry is not None:
        names = {n.lower() for n in (*entry.all_names(), entry.acled_name) if n}
        stored = {i for i, a in directory.items() if {(a.name or "").lower(), (a.acled_name or "").lower()} & names}
        return sorted({entry.id, *stored})
    stored = [i for i, a in directory.items()
              if value.lower() in (i.lower(), (a.name or "").lower(), (a.acled_name or "").lower())]
    if stored:
        return sorted(stored)
    known = [name for _, _, name, _ in kb.search(value, limit=SUGGESTIONS)]
    known += [a.name for a in directory.values()]
    raise _unknown("actor", value, closest(value, known))


def country_name(store: "Store", value: str) -> str:
    """The country `value` names, as stored events spell it (case-insensitive; ISO codes and
    official names read through pycountry). A real country without stored events is returned
    as the user spelled it (it then lists nothing); anything else is an error."""
    stored = store.event_values("country")
    by_lower = {c.lower(): c for c in stored}
    if value.lower() in by_lower:
        return by_lower[value.lower()]
    try:
        found = pycountry.countries.lookup(value)
    except LookupError:
        found = None
    if found is not None:
        for name in (getattr(found, "common_name", None), found.name, getattr(found, "official_name", None)):
            if name and name.lower() in by_lower:
                return by_lower[name.lower()]
        return value
    suggestions = closest(value, stored) or closest(value, [getattr(c, "common_name", c.name)
                                                           for c in pycountry.countries])
    raise _unknown("country", value, suggestions)


def event_type_name(value: str) -> str:
    """The ACLED event type or sub-event type `value` names (case-insensitive), as ACLED spells it."""
    from .taxonomy import SUB_EVENT_TYPES

    known = [*SUB_EVENT_TYPES, *(s for subs in SUB_EVENT_TYPES.values() for s in subs)]
    for name in known:
        if name.lower() == value.strip().lower():
            return name
    raise _unknown("event type", value, closest(value, known))


def search_forms(kb: "KnowledgeBase", query: str) -> list[str]:
    """The query and, when it names one actor or place, that name's other spellings (for a
    full-text search that finds every spelling). Other queries are returned as they are."""
    forms = [query]
    entry = kb.actors.get(query) or kb.find_actor_by_name(query)
    if entry is not None:
        forms += [n for n in entry.all_names() if len(n) > 2]
    else:
        place = kb.gazetteer.resolve(query)
        if place is not None:
            article = re.match(r"(?i)(al|el|ad|ar|as|an)[ -]", place.name)   # "Al Fallujah": also "Fallujah"
            bare = place.name[article.end():] if article else place.name
            # a spelling of the same name (Falluja, Fallujah), not another word the gazetteer
            # happens to resolve ("drone" is not the town of Dronero)
            if fuzz.ratio(query.casefold(), bare.casefold()) >= SPELLING_SIMILARITY:
                forms.append(place.name)
                if article:
                    forms.append(bare)
    return list(dict.fromkeys(forms))[:_MAX_FORMS]

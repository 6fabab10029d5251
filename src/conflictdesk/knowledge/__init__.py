"""The knowledge base: actors, people and curated places, each entry and fact sourced.

    kb = load_knowledge_base(extra_dirs)     # shipped data + user folders; memoised and cached
    kb.actors["kataib-hezbollah"].relations
    kb.relations_of("kataib-hezbollah", on=dt.date(2024, 2, 1))
    kb.match("the Iran-backed Kataib Hezbollah ...")   # -> [Match(...), ...]

File format: `schema.py`; loading, overrides and the alias rules: `loader.py`; name matching:
`matcher.py`; the on-disk cache: `cache.py`.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import NotFoundError
from ..taxonomy import INTER_BY_ACTOR_TYPE
from .cache import Cache, build_salt, cache_root
from .loader import LoadedEntries, Origin, content_hash, gc_paused, load_entries, source_dirs
from .matcher import Match, Matcher, canonical, strip_year_range
from .schema import ActorEntry, PartialDate, PersonEntry, PlaceEntry, RelationEntry, RoleEntry, is_active

if TYPE_CHECKING:
    from .gazetteer import Gazetteer

__all__ = [
    "ActorEntry", "KnowledgeBase", "Match", "PersonEntry", "PlaceEntry", "RelationEntry", "RoleEntry",
    "load_knowledge_base",
]

StateKind = Literal["state", "military", "police", "government"]
GenericKind = Literal["civilians", "protesters", "rioters", "unidentified_armed_group", "sole_perpetrator"]

_STATE_KINDS: dict[str, tuple[str, str | None]] = {     # kind -> (actor type, ACLED name prefix)
    "state": ("state", None),
    "military": ("state_forces", "Military Forces of"),
    "police": ("police", "Police Forces of"),
    "government": ("government", "Government of"),
}
_GENERIC_KINDS: dict[str, tuple[str, str, int]] = {     # kind -> (ACLED label, actor type, inter)
    kind: (label, actor_type, INTER_BY_ACTOR_TYPE[actor_type]) for kind, label, actor_type in (
        ("civilians", "Civilians", "civilian_group"),
        ("protesters", "Protesters", "protesters"),
        ("rioters", "Rioters", "rioters"),
        ("unidentified_armed_group", "Unidentified Armed Group", "unidentified_armed_group"),
        # one person acting alone, where ACLED names such an actor (generic_sole_perpetrator.yaml)
        ("sole_perpetrator", "Sole Perpetrator", "unidentified_armed_group"))
}
ACLED_CODEBOOK = "https://acleddata.com/knowledge-base/codebook/"
# Role titles that make a person a leader of the actor (leaders_of); other roles: people_of.
LEADER_TITLES = re.compile(r"\b(leader|secretary[- ]general|commander|chief|head|president|emir|amir|founder|"
                           r"chair(?:man|woman|person)?|prime minister|supreme|director|king|caliph)\b",
                           re.IGNORECASE)
_DateLike = dt.date | str | PartialDate | None


def _on(value: _DateLike) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return PartialDate.parse(value).first_day()


class KnowledgeBase:
    """The merged, validated knowledge base and its name matcher (see module docstring)."""

    def __init__(self, entries: LoadedEntries, matcher: Matcher | None = None, *, key: str = "",
                 dirs: Sequence[Path] = ()) -> None:
        self.actors: dict[str, ActorEntry] = entries.actors
        self.people: dict[str, PersonEntry] = entries.people
        self.places: dict[str, PlaceEntry] = entries.places
        self.origins: dict[str, Origin] = entries.origins
        self.disambiguation: dict[str, str] = entries.disambiguation
        self.key = key
        self.dirs = tuple(dirs)
        self.matcher = matcher or Matcher.build(actors=self.actors, people=self.people, places=self.places,
                                                disambiguation=self.disambiguation)
        self._names: dict[str, tuple[str, ...]] = self._name_index()
        self._roles: dict[str, list[tuple[str, int]]] = {}
        self._incoming: dict[str, list[tuple[str, int]]] = {}
        for person_id, person in self.people.items():
            for i, role in enumerate(person.roles):
                if role.actor:
                    self._roles.setdefault(role.actor, []).append((person_id, i))
        for actor_id, actor in self.actors.items():
            for i, rel in enumerate(actor.relations):
                self._incoming.setdefault(rel.object, []).append((actor_id, i))
        self._gazetteer: Gazetteer | None = None
        # the last `match` call (text, fuzzy, result): the actors and places stages match the same text
        self._last_match: tuple[str, bool, tuple[Match, ...]] | None = None

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_gazetteer"] = None
        state["_last_match"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def __repr__(self) -> str:
        return (f"KnowledgeBase({len(self.actors)} actors, {len(self.people)} people, {len(self.places)} places, "
                f"key={self.key[:12]})")

    # --- entries ---
    def actor(self, actor_id: str) -> ActorEntry:
        try:
            return self.actors[actor_id]
        except KeyError:
            raise NotFoundError(f"no actor with id {actor_id!r} in the knowledge base") from None

    def person(self, person_id: str) -> PersonEntry:
        try:
            return self.people[person_id]
        except KeyError:
            raise NotFoundError(f"no person with id {person_id!r} in the knowledge base") from None

    def place(self, place_id: str) -> PlaceEntry:
        try:
            return self.places[place_id]
        except KeyError:
            raise NotFoundError(f"no place with id {place_id!r} in the knowledge base") from None

    def entry(self, entry_id: str) -> tuple[str, ActorEntry | PersonEntry | PlaceEntry]:
        """("actor"|"person"|"place", entry) for any id; raises NotFoundError."""
        for kind, table in (("actor", self.actors), ("person", self.people), ("place", self.places)):
            if entry_id in table:
                return kind, table[entry_id]  # type: ignore[return-value]
        raise NotFoundError(f"no entry with id {entry_id!r} in the knowledge base")

    # --- relations and people over time ---
    def relations_of(self, actor_id: str, on: _DateLike = None, *,
                     types: Iterable[str] | None = None) -> list[RelationEntry]:
        """The actor's relations (to other actors) that may hold on `on` (all when None)."""
        day, wanted = _on(on), set(types) if types is not None else None
        return [r for r in self.actor(actor_id).relations
                if is_active(r.since, r.until, day) and (wanted is None or r.type in wanted)]

    def related_to(self, actor_id: str, on: _DateLike = None) -> list[tuple[ActorEntry, RelationEntry]]:
        """Relations other actors hold towards this one: (subject, relation), e.g. its members."""
        self.actor(actor_id)
        day = _on(on)
        out = []
        for subject_id, i in self._incoming.get(actor_id, []):
            rel = self.actors[subject_id].relations[i]
            if is_active(rel.since, rel.until, day):
                out.append((self.actors[subject_id], rel))
        return out

    def people_of(self, actor_id: str, on: _DateLike = None) -> list[tuple[PersonEntry, RoleEntry]]:
        """Everyone with a role in the actor (active on `on` when given)."""
        self.actor(actor_id)
        day = _on(on)
        out = []
        for person_id, i in self._roles.get(actor_id, []):
            role = self.people[person_id].roles[i]
            if is_active(role.since, role.until, day):
                out.append((self.people[person_id], role))
        return out

    def leaders_of(self, actor_id: str, on: _DateLike = None) -> list[tuple[PersonEntry, RoleEntry]]:
        """People whose role in the actor is a leading one (`LEADER_TITLES`), active on `on`."""
        return [(p, r) for p, r in self.people_of(actor_id, on) if LEADER_TITLES.search(r.title)]

    # --- lookups by name ---
    def _name_index(self) -> dict[str, tuple[str, ...]]:
        index: dict[str, list[str]] = {}
        for actor_id, actor in self.actors.items():
            names = set(actor.all_names())
            if actor.acled_name:
                names.add(strip_year_range(actor.acled_name))
            for key in {canonical(n) for n in names}:
                index.setdefault(key, []).append(actor_id)
        return {key: tuple(ids) for key, ids in index.items()}

    def _pick(self, key: str, ids: Sequence[str]) -> ActorEntry:
        preferred = self.disambiguation.get(key)
        if preferred in ids:
            return self.actors[preferred]
        return sorted((self.actors[i] for i in ids), key=lambda a: (a.until is not None, a.id))[0]

    def find_actor_by_name(self, name: str) -> ActorEntry | None:
        """The actor with this name, alias or ACLED name (case, diacritics, hyphens, apostrophes and
        a trailing ACLED year range such as "(2014-)" ignored), or None when there is none."""
        for candidate in (name, strip_year_range(name)):
            key = canonical(candidate)
            ids = self._names.get(key)
            if ids:
                return self._pick(key, ids)
        found = self.matcher.automaton.get(canonical(strip_year_range(name)), None)
        if found is not None:
            refs = [r for r in found[1] if r.kind == "actor" and r.rule == "variant"]
            if refs:
                return self.actors[refs[0].id]
        return None

    def state_actor(self, country: str, kind: StateKind = "military", *, on: _DateLike = None) -> ActorEntry | None:
        """The state (kind "state") or its military, police or government as ACLED names them, e.g.
        "Military Forces of Iran (1989-)"; the one active on `on` (default: the current one)."""
        if kind not in _STATE_KINDS:
            raise ValueError(f"kind must be one of {', '.join(_STATE_KINDS)}, not {kind!r}")
        found = self._state_entries(country, kind)
        if not found:
            return None
        day = _on(on)
        if day is not None:
            found = [a for a in found if is_active(a.since, a.until, day)] or found
        return sorted(found, key=lambda a: (a.until is not None, -(a.since.year if a.since else 0),
                                            len(a.acled_name or a.name), a.id))[0]

    def _state_entries(self, country: str, kind: StateKind) -> list[ActorEntry]:
        """Every entry (of any period) of a state's own forces, police or government, or the state."""
        actor_type, prefix = _STATE_KINDS[kind]
        want = canonical(country)
        found = [a for a in self.actors.values() if a.type == actor_type and a.country and canonical(a.country) == want]
        if prefix:
            # "Military Forces of Iraq (2014-)", not a sub-unit such as
            # "Military Forces of Iraq (2014-) Popular Mobilization Forces"
            pattern = re.compile(rf"^{re.escape(prefix)} (the )?{re.escape(country)}\b", re.IGNORECASE)
            whole = re.compile(rf"^{re.escape(prefix)} (the )?{re.escape(country)}\s*(\(\d{{4}}-(\d{{4}})?\))?\s*$",
                               re.IGNORECASE)
            named = [a for a in found if pattern.match(a.acled_name or a.name)]
            found = [a for a in named if whole.match(a.acled_name or a.name)] or named or found
        return found

    def actor_on(self, actor_id: str, on: _DateLike) -> str:
        """The id of the entry that names an actor on the day `on`. ACLED names a state's forces,
        police and government by the period of its head of state or government, so
        "military-forces-of-syria" on 2016-05-01 is "military-forces-of-syria-2000-2024" (Military
        Forces of Syria (2000-2024)). Any other actor, a day no period covers, or no day: the id itself."""
        day = _on(on)
        entry = self.actors.get(actor_id)
        if day is None or entry is None or not entry.country or is_active(entry.since, entry.until, day):
            return actor_id
        kind = next((k for k, (t, prefix) in _STATE_KINDS.items() if t == entry.type and prefix), None)
        if kind is None:
            return actor_id
        periods = self._state_entries(entry.country, kind)
        if entry not in periods:
            return actor_id                # a sub-unit ("... Popular Mobilization Forces") keeps its name
        active = [a for a in periods if is_active(a.since, a.until, day)]
        # on the day one period ends and the next begins, the one that begins
        active.sort(key=lambda a: (a.since is None, -(a.since.first_day().toordinal() if a.since else 0)))
        return active[0].id if active else actor_id

    def generic_actor(self, kind: GenericKind, country: str) -> ActorEntry:
        """ACLED's generic actor for a country: "Civilians (Iraq)", "Unidentified Armed Group (Syria)".
        When the knowledge base lacks it, an entry following ACLED's naming rule is made."""
        if kind not in _GENERIC_KINDS:
            raise ValueError(f"kind must be one of {', '.join(_GENERIC_KINDS)}, not {kind!r}")
        label, actor_type, inter = _GENERIC_KINDS[kind]
        acled_name = f"{label} ({country})"
        key = canonical(acled_name)
        ids = [i for i in self._names.get(key, ()) if self.actors[i].type == actor_type]
        if ids:
            return self._pick(key, ids)
        slug = re.sub(r"[^a-z0-9]+", "-", canonical(f"{label} {country}")).strip("-")
        return ActorEntry(id=slug, name=acled_name, acled_name=acled_name, type=actor_type,  # type: ignore[arg-type]
                          inter=inter, country=country, source=ACLED_CODEBOOK)

    # --- matching ---
    def match(self, text: str, *, fuzzy: bool = True) -> list[Match]:
        """Every actor, person and curated place named in `text` (see matcher.py).

        The last result is remembered: the stages of one document ask about the same text
        several times, and matching is deterministic (Match records are frozen)."""
        last = getattr(self, "_last_match", None)
        if last is not None and last[1] == fuzzy and (last[0] is text or last[0] == text):
            return list(last[2])
        found = self.matcher.match(text, fuzzy=fuzzy)
        self._last_match = (text, fuzzy, tuple(found))
        return found

    def search(self, query: str, *, limit: int = 10) -> list[tuple[str, str, str, float]]:
        """(kind, id, matching name, score 0-100) for names close to `query`, best first."""
        return [(ref.kind, ref.id, ref.alias, score) for ref, score in self.matcher.search(query, limit=limit)]

    @property
    def gazetteer(self) -> "Gazetteer":
        """The gazetteer (GeoNames + this knowledge base's curated places + the user gazetteers
        imported into its folders, `places/imported-*.tsv`), built on first use."""
        if self._gazetteer is None:
            from .gazetteer import Gazetteer
            from .place_files import imported_place_files
            self._gazetteer = Gazetteer(curated=self.places, imported=imported_place_files(self.dirs))
        return self._gazetteer

    # --- summaries (for the CLI and the web) ---
    def profile(self, entry_id: str) -> dict[str, Any]:
        """Everything the knowledge base holds about an entry, as JSON-ready data."""
        kind, entry = self.entry(entry_id)
        out: dict[str, Any] = {"entry_type": kind, **entry.model_dump(mode="json", exclude_defaults=True)}
        out["origin"] = str(self.origins.get(f"{'people' if kind == 'person' else kind + 's'}:{entry_id}", ""))
        if isinstance(entry, ActorEntry):
            out["relations"] = [{**r.model_dump(mode="json", exclude_none=True),
                                 "object_name": self.actors[r.object].name} for r in entry.relations]
            out["related"] = [{"subject": s.id, "subject_name": s.name, **r.model_dump(mode="json", exclude_none=True)}
                              for s, r in self.related_to(entry_id)]
            out["people"] = [{"person": p.id, "name": p.name, **r.model_dump(mode="json", exclude_none=True)}
                             for p, r in self.people_of(entry_id)]
        elif isinstance(entry, PersonEntry):
            out["roles"] = [{**r.model_dump(mode="json", exclude_none=True),
                             "actor_name": self.actors[r.actor].name if r.actor else None} for r in entry.roles]
        return out

    def stats(self) -> dict[str, Any]:
        """Counts by type and country, and the share of facts carrying a source."""
        facts = sourced = 0
        for group in (self.actors.values(), self.people.values(), self.places.values()):
            for e in group:
                items = [e, *getattr(e, "relations", ()), *getattr(e, "designations", ()), *getattr(e, "roles", ())]
                facts += len(items)
                sourced += sum(1 for x in items if x.source)
        return {
            "actors": len(self.actors), "people": len(self.people), "places": len(self.places),
            "relations": sum(len(a.relations) for a in self.actors.values()),
            "roles": sum(len(p.roles) for p in self.people.values()),
            "names": self.matcher.size,
            "by_type": dict(Counter(a.type for a in self.actors.values()).most_common()),
            "by_country": dict(Counter(a.country or "(international)" for a in self.actors.values()).most_common()),
            "facts": facts, "facts_with_source": sourced,
            "share_with_source": round(sourced / facts, 4) if facts else 1.0,
        }


_MEMO: dict[str, KnowledgeBase] = {}
CACHE_FORMAT = 2
# the modules whose objects the compiled cache pickles
_CACHED_MODULES = tuple(Path(__file__).parent / name for name in ("__init__.py", "schema.py", "loader.py",
                                                                  "matcher.py"))


def cache_key(dirs: Sequence[Path]) -> str:
    """sha256 of the build salt (versions, the pickled modules' source) and every knowledge-base file."""
    return content_hash(dirs, salt=f"kb-cache {CACHE_FORMAT}; {build_salt(*_CACHED_MODULES)}")


def compiled_cache() -> Cache:
    """The folder of compiled knowledge bases (`CACHE_ROOT/kb`)."""
    return Cache(cache_root() / "kb", family="kb", codec="pickle", keep=8)


def load_knowledge_base(extra_dirs: Iterable[Path | str] = (), *, use_cache: bool = True) -> KnowledgeBase:
    """The shipped knowledge base plus `extra_dirs` (in order: later folders override earlier).
    Memoised per process and cached on disk, both keyed by a sha256 of every file's content.
    Raises KnowledgeBaseError listing every problem (file:line: id: message)."""
    dirs = source_dirs(extra_dirs)
    key = cache_key(dirs)
    if key in _MEMO:
        return _MEMO[key]
    cache = compiled_cache()
    with gc_paused():   # hundreds of thousands of small acyclic objects: see loader.gc_paused
        kb = cache.load(key) if use_cache else None
        if not isinstance(kb, KnowledgeBase):
            kb = KnowledgeBase(load_entries(dirs), key=key, dirs=dirs)
            if use_cache:
                cache.save(key, kb)
    _MEMO[key] = kb
    return kb

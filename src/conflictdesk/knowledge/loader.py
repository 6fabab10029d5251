"""Reads and validates the knowledge base's YAML files, reporting every problem with file and line.

Layout (the shipped `conflictdesk/data/` and every user folder given with `--kb DIR` /
`CONFLICTDESK_KB`):

    actors/*.yaml              a list of ActorEntry
    actors/_disambiguation.yaml  a mapping alias -> preferred actor id (optional)
    people/*.yaml              a list of PersonEntry
    places/*.yaml              a list of PlaceEntry (curated places)

Files whose name starts with `_` are not entry files. User folders are read after the shipped
data, in order: an entry whose id is new is added; an entry whose id exists overrides it key by
key (the keys it gives replace the earlier ones, lists wholesale), and `{id: ..., remove: true}`
drops it. An id defined twice within one folder is an error.

Aliases. An alias (or name, or ACLED name), compared case-, diacritic-, hyphen- and
apostrophe-insensitively, may belong to one actor only, unless
  - every actor claiming it lists it under `ambiguous_aliases` (the matcher then reports the
    first claimant by id and the others as `alternatives`, for the caller to decide), or
  - `actors/_disambiguation.yaml` maps it to the preferred actor id (the matcher reports that
    one, the others as `alternatives`).

Every problem is collected as `file:line: entry-id: message` and all are raised together in one
`KnowledgeBaseError(problems=[...])`.
"""
from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import yamlfile

from ..config import DATA_DIR
from ..errors import KnowledgeBaseError
from ..yamlfile import Loc, Origin
from .schema import ENTRY_MODELS, ActorEntry, PersonEntry, PlaceEntry
from .matcher import canonical

KINDS: tuple[str, ...] = ("actors", "people", "places")
DISAMBIGUATION_FILE = "_disambiguation.yaml"



@dataclass(slots=True)
class RawEntry:
    """One entry as read from YAML, with where each of its keys and list items came from."""

    kind: str
    id: str
    data: dict[str, Any]
    lines: dict[Loc, Origin]  # () -> the entry itself; ("aliases", 2) -> that alias; ...
    folder: Path

    @property
    def origin(self) -> Origin:
        return self.lines[()]

    def where(self, loc: Sequence[Any]) -> Origin:
        loc = tuple(loc)
        while loc not in self.lines:
            loc = loc[:-1]
        return self.lines[loc]


@dataclass(slots=True)
class LoadedEntries:
    """Validated entries of the merged knowledge base, with where each came from."""

    actors: dict[str, ActorEntry] = field(default_factory=dict)
    people: dict[str, PersonEntry] = field(default_factory=dict)
    places: dict[str, PlaceEntry] = field(default_factory=dict)
    disambiguation: dict[str, str] = field(default_factory=dict)   # canonical alias -> actor id
    origins: dict[str, Origin] = field(default_factory=dict)          # "actors:kataib-hezbollah" -> Origin


class _Problems:
    """Problems as `file:line: entry-id: message`, listed by file and line."""

    def __init__(self) -> None:
        self._items: list[tuple[str, int, int, str]] = []

    def add(self, where: Origin | Path, entry_id: str | None, message: str) -> None:
        file, line = (str(where.file), where.line) if isinstance(where, Origin) else (str(where), 0)
        text = f"{where}: {entry_id}: {message}" if entry_id else f"{where}: {message}"
        self._items.append((file, line, len(self._items), text))

    @property
    def items(self) -> list[str]:
        return [text for *_, text in sorted(self._items)]


# --- files ------------------------------------------------------------------------------------
def knowledge_files(dirs: Iterable[Path]) -> list[Path]:
    """Every knowledge-base file under the given folders, in load order."""
    out: list[Path] = []
    for folder in dirs:
        for kind in KINDS:
            sub = Path(folder) / kind
            if sub.is_dir():
                out.extend(sorted(p for p in sub.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()))
    return out


def content_hash(dirs: Iterable[Path], *, salt: str = "") -> str:
    """sha256 over the names and contents of all knowledge-base files (and `salt`, e.g. the version)."""
    digest = hashlib.sha256(salt.encode())
    for folder in dirs:
        digest.update(b"\0folder\0" + str(Path(folder).resolve()).encode())
        for path in knowledge_files([folder]):
            digest.update(b"\0file\0" + str(path.relative_to(folder)).encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def source_dirs(extra_dirs: Iterable[Path | str] = ()) -> list[Path]:
    return [DATA_DIR, *(Path(d).expanduser() for d in extra_dirs)]


# --- YAML with line numbers (conflictdesk.yamlfile) -------------------------------------------
def read_yaml(path: Path, problems: _Problems) -> tuple[Any, dict[Loc, Origin]] | None:
    """The file's value and line map, or None (with the problem recorded) when it does not parse;
    duplicate and non-string keys are recorded as problems too."""
    try:
        doc = yamlfile.read_yaml(path)
    except yamlfile.YamlError as exc:
        problems.add(Origin(path, exc.origin.line), None, exc.message)
        return None
    for problem in doc.problems:
        problems.add(Origin(path, problem.origin.line), None, problem.message)
    return doc.value, {loc: Origin(path, o.line) for loc, o in doc.lines.items()}


def _entries_in(path: Path, kind: str, folder: Path, problems: _Problems) -> list[RawEntry]:
    parsed = read_yaml(path, problems)
    if parsed is None:
        return []
    value, lines = parsed
    if value is None:
        return []
    if not isinstance(value, list):
        problems.add(Origin(path, lines.get((), Origin(path, 1)).line), None,
                     f"expected a list of {kind} entries, found a {type(value).__name__}")
        return []
    by_item: dict[Any, dict[Loc, Origin]] = {}
    for loc, origin in lines.items():
        if loc:
            by_item.setdefault(loc[0], {})[loc[1:]] = origin
    out: list[RawEntry] = []
    for i, item in enumerate(value):
        where = lines[(i,)]
        if not isinstance(item, dict):
            problems.add(where, None, f"entry {i + 1} is a {type(item).__name__}, not a mapping")
            continue
        entry_id = item.get("id")
        if not isinstance(entry_id, str) or not entry_id:
            problems.add(where, f"<entry {i + 1}>", "missing id")
            continue
        out.append(RawEntry(kind=kind, id=entry_id, data=item, lines=by_item[i], folder=folder))
    return out


def _read_disambiguation(path: Path, problems: _Problems) -> dict[str, tuple[str, Origin]]:
    parsed = read_yaml(path, problems)
    if parsed is None or parsed[0] is None:
        return {}
    value, lines = parsed
    if not isinstance(value, dict):
        problems.add(lines[()], None, "expected a mapping alias -> preferred actor id")
        return {}
    out: dict[str, tuple[str, Origin]] = {}
    for alias, preferred in value.items():
        where = lines[(alias,)]
        if not isinstance(preferred, str):
            problems.add(where, None, f"alias {alias!r}: the preferred actor id must be a string")
            continue
        out[canonical(str(alias))] = (preferred, where)
    return out


# --- merging and validation -------------------------------------------------------------------
def _merge(base: RawEntry, override: RawEntry) -> RawEntry:
    data = {**base.data, **override.data}
    lines = {loc: o for loc, o in base.lines.items() if not loc or loc[0] not in override.data}
    lines.update(override.lines)
    return RawEntry(kind=base.kind, id=base.id, data=data, lines=lines, folder=override.folder)


def _message(error: dict[str, Any]) -> str:
    loc = ".".join(str(x) for x in error["loc"])
    msg = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        msg = "unknown key (not in the schema)"
    elif error["type"] == "missing":
        msg = "required key is missing"
    return f"{loc}: {msg}" if loc else msg


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector. Reading YAML allocates hundreds of thousands of
    small objects (nodes, marks, line records) and none of them form cycles worth collecting;
    with the collector on, each full collection walks the whole growing heap, which made load
    time grow faster than linearly with the size of a file (4,158 entries: 0.5 s; four times as
    many: 3.9 s; paused: 1.0 s)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_entries(dirs: Sequence[Path]) -> LoadedEntries:
    """Read, merge and validate the knowledge-base folders (shipped first). Raises
    KnowledgeBaseError listing every problem found."""
    with gc_paused():
        return _load_entries(dirs)


def _load_entries(dirs: Sequence[Path]) -> LoadedEntries:
    problems = _Problems()
    merged: dict[str, dict[str, RawEntry]] = {kind: {} for kind in KINDS}
    disamb: dict[str, tuple[str, Origin]] = {}
    for n, folder in enumerate(dirs):
        folder = Path(folder)
        if not folder.is_dir():
            problems.add(folder, None, "knowledge-base folder does not exist")
            continue
        shipped = n == 0
        for kind in KINDS:
            seen: dict[str, RawEntry] = {}
            for path in knowledge_files([folder]):
                if path.parent.name != kind:
                    continue
                if path.name.startswith("_"):
                    if kind == "actors" and path.name == DISAMBIGUATION_FILE:
                        disamb.update(_read_disambiguation(path, problems))
                    continue
                for raw in _entries_in(path, kind, folder, problems):
                    if raw.id in seen:
                        problems.add(raw.origin, raw.id, f"duplicate id (first defined at {seen[raw.id].origin})")
                        continue
                    seen[raw.id] = raw
                    removal = raw.data.get("remove", False)
                    if removal is not False:
                        if shipped:
                            problems.add(raw.where(("remove",)), raw.id, "remove: is only for user folders")
                        elif removal is not True:
                            problems.add(raw.where(("remove",)), raw.id, "remove: must be true")
                        elif raw.id not in merged[kind]:
                            problems.add(raw.origin, raw.id, f"remove: no {kind} entry with this id to remove")
                        else:
                            del merged[kind][raw.id]
                        continue
                    earlier = merged[kind].get(raw.id)
                    merged[kind][raw.id] = _merge(earlier, raw) if earlier is not None else raw

    loaded = LoadedEntries()
    raws: dict[str, dict[str, RawEntry]] = {kind: {} for kind in KINDS}
    targets = {"actors": loaded.actors, "people": loaded.people, "places": loaded.places}
    for kind in KINDS:
        model = ENTRY_MODELS[kind]
        for entry_id, raw in merged[kind].items():
            try:
                entry = model.model_validate(raw.data)
            except ValidationError as exc:
                for error in exc.errors():
                    problems.add(raw.where(error["loc"]), entry_id, _message(error))
                continue
            targets[kind][entry_id] = entry  # type: ignore[index]
            raws[kind][entry_id] = raw
            loaded.origins[f"{kind}:{entry_id}"] = raw.origin

    _check_references(loaded, raws, merged, problems)
    _check_aliases(loaded, raws, disamb, problems)
    loaded.disambiguation = {alias: preferred for alias, (preferred, _) in disamb.items()}
    if problems.items:
        raise KnowledgeBaseError(f"the knowledge base has {len(problems.items)} problem(s)", problems=problems.items)
    return loaded


def _check_references(loaded: LoadedEntries, raws: dict[str, dict[str, RawEntry]],
                      merged: dict[str, dict[str, RawEntry]], problems: _Problems) -> None:
    known_actors = set(merged["actors"])  # an invalid entry is reported once, not again for each reference
    for actor_id, actor in loaded.actors.items():
        raw = raws["actors"][actor_id]
        for i, rel in enumerate(actor.relations):
            if rel.object not in known_actors:
                problems.add(raw.where(("relations", i, "object")), actor_id,
                             f"relations: {rel.type} refers to unknown actor id {rel.object!r}")
        if actor_id in merged["people"]:
            problems.add(raw.origin, actor_id, f"id also used by a person ({merged['people'][actor_id].origin})")
    for person_id, person in loaded.people.items():
        raw = raws["people"][person_id]
        for i, role in enumerate(person.roles):
            if role.actor is not None and role.actor not in known_actors:
                problems.add(raw.where(("roles", i, "actor")), person_id,
                             f"roles: {role.title!r} refers to unknown actor id {role.actor!r}")


def _check_aliases(loaded: LoadedEntries, raws: dict[str, dict[str, RawEntry]],
                   disamb: dict[str, tuple[str, Origin]], problems: _Problems) -> None:
    claims: dict[str, list[tuple[str, str, Origin]]] = {}   # canonical alias -> [(actor id, alias, where)]
    for actor_id, actor in loaded.actors.items():
        raw = raws["actors"][actor_id]
        seen: set[str] = set()
        for alias in actor.all_names():
            key = canonical(alias)
            if not key or key in seen:
                continue
            seen.add(key)
            claims.setdefault(key, []).append((actor_id, alias, _alias_origin(raw, alias)))
    for key, claimants in claims.items():
        ids = [c[0] for c in claimants]
        if len(ids) < 2:
            continue
        if key in disamb:
            continue  # checked below
        flagged = [any(canonical(a) == key for a in loaded.actors[i].ambiguous_aliases) for i in ids]
        if all(flagged):
            continue
        for (actor_id, alias, where), ok in zip(claimants, flagged, strict=True):
            if ok:
                continue
            others = ", ".join(f"{i} ({w})" for i, _, w in claimants if i != actor_id)
            problems.add(where, actor_id, f"alias {alias!r} is also claimed by {others}; list it under "
                         f"ambiguous_aliases on every claimant or map it in actors/{DISAMBIGUATION_FILE}")
    for key, (preferred, where) in disamb.items():
        if preferred not in loaded.actors:
            problems.add(where, None, f"alias {key!r}: preferred actor id {preferred!r} is unknown")
        elif preferred not in [c[0] for c in claims.get(key, [])]:
            problems.add(where, None, f"alias {key!r}: actor {preferred!r} does not list this alias")


def _alias_origin(raw: RawEntry, alias: str) -> Origin:
    if raw.data.get("name") == alias:
        return raw.where(("name",))
    if raw.data.get("acled_name") == alias:
        return raw.where(("acled_name",))
    aliases = raw.data.get("aliases")
    if isinstance(aliases, list) and alias in aliases:
        return raw.where(("aliases", aliases.index(alias)))
    return raw.origin

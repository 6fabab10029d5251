"""Actor names in an ACLED export that the knowledge base does not recognise, for an analyst to
review and add (with sources) to a user knowledge-base folder.

Reads ACLED's actor columns in either spelling: `actor1`, `assoc_actor_1`, `actor2`,
`assoc_actor_2` (current exports) or `ACTOR1`, `ALLY_ACTOR_1`, `ACTOR2`, `ALLY_ACTOR_2` (older
ones). Associated-actor cells hold several names separated by `;`. The file is read by
`ingest.acled.read_acled_rows` (MalformedInputError when it has no actor column).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..ingest.acled import read_acled_rows

if TYPE_CHECKING:
    from . import KnowledgeBase

ACTOR_COLUMNS: dict[str, bool] = {   # lower-cased column name -> holds ;-separated lists
    "actor1": False, "actor2": False, "assoc_actor_1": True, "assoc_actor_2": True,
    "ally_actor_1": True, "ally_actor_2": True,
}


@dataclass(frozen=True, slots=True)
class UnknownActor:
    name: str
    count: int                         # cells naming it
    columns: tuple[str, ...]           # which columns it appeared in
    suggestion: str | None = None      # the closest knowledge-base actor id, for the analyst to check
    suggestion_score: float | None = None


def actor_names(path: Path) -> Iterator[tuple[str, str]]:
    """(column, name) for every actor name in the file's actor columns."""
    rows = read_acled_rows(path, need_any=ACTOR_COLUMNS, need_what="ACLED actor columns (actor1, assoc_actor_1, "
                           "actor2, assoc_actor_2 or ACTOR1, ALLY_ACTOR_1, ...)")
    for row in rows:
        for column, is_list in ACTOR_COLUMNS.items():
            cell = row.get(column, "")
            for name in (cell.split(";") if is_list else [cell]):
                if name.strip():
                    yield column, " ".join(name.split())


def harvest_unknown_actors(path: Path, kb: "KnowledgeBase", *, suggest: bool = True) -> list[UnknownActor]:
    """Names the knowledge base does not know, most frequent first (then by name)."""
    counts: Counter[str] = Counter()
    where: dict[str, set[str]] = defaultdict(set)
    known: dict[str, bool] = {}
    for column, name in actor_names(path):
        if name not in known:
            known[name] = kb.find_actor_by_name(name) is not None
        if not known[name]:
            counts[name] += 1
            where[name].add(column)
    out = []
    for name, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        suggestion = score = None
        if suggest:
            hits = [h for h in kb.search(name, limit=3) if h[0] == "actor"]
            if hits:
                suggestion, score = hits[0][1], round(hits[0][3], 1)
        out.append(UnknownActor(name, count, tuple(sorted(where[name])), suggestion, score))
    return out

"""Test helpers for the places tests: a knowledge-base stand-in with the real gazetteer.

The stand-in holds only what `resolve_places` uses (`gazetteer`, `places`, `actors`, `match`),
built from the shipped curated YAML files, so that these tests do not depend on the actor files.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from conflictdesk.knowledge.gazetteer import Gazetteer
from conflictdesk.knowledge.place_files import shipped_curated


@dataclass(frozen=True)
class FakeMatch:
    start: int
    end: int
    text: str
    kind: str
    id: str
    alias: str
    score: float = 1.0


def make_kb(gazetteer: Gazetteer, actors: dict[str, str] | None = None) -> Any:
    """A KB stand-in whose `match` finds the given actor names (name -> country) in text."""
    actors = actors or {}

    def match(text: str) -> list[FakeMatch]:
        out = []
        for name in actors:
            pos = text.find(name)
            while pos >= 0:
                out.append(FakeMatch(pos, pos + len(name), name, "actor", name.lower(), name))
                pos = text.find(name, pos + 1)
        return out

    entries = {name.lower(): SimpleNamespace(country=country) for name, country in actors.items()}
    return SimpleNamespace(gazetteer=gazetteer, places={}, actors=entries, match=match)


def build_gazetteer() -> Gazetteer:
    return Gazetteer(shipped_curated())

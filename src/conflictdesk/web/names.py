"""Display names of actor ids on the pages: as stored with their documents, else the knowledge
base's name, else the id itself."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from markupsafe import Markup

from ..export import event_actor_ids
from ..records import Actor, StoredEvent
from .http import Site
from .markup import link, path


class Names:
    """Display names of actor ids, and links to their pages."""

    def __init__(self, directory: dict[str, Actor]) -> None:
        self.directory = directory

    @classmethod
    def for_ids(cls, app: Site, ids: Iterable[str]) -> "Names":
        ids = list(dict.fromkeys(i for i in ids if i))
        directory = app.store.actor_directory(ids) if ids else {}
        for actor_id in ids:
            if actor_id not in directory:   # e.g. an actor only named as a role: its knowledge-base name
                entry = app.kb.actors.get(actor_id)
                if entry is not None:
                    directory[actor_id] = Actor(id=entry.id, name=entry.name, type=entry.type)
        return cls(directory)

    @classmethod
    def of(cls, app: Site, found: Sequence[StoredEvent]) -> "Names":
        return cls.for_ids(app, event_actor_ids(found))

    def name(self, actor_id: str | None) -> str:
        if not actor_id:
            return ""
        known = self.directory.get(actor_id)
        return known.name if known else actor_id

    def link(self, actor_id: str | None) -> Markup:
        if not actor_id:
            return Markup("")
        return Markup(link(path("actors", actor_id), self.name(actor_id)))

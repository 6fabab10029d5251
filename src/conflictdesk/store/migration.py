"""Schema migrations, run on open: `upgrade(engine)` brings any database to the newest schema.

The Alembic environment and the versions live in `store/migrations/` inside the package.
"""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from . import fts

MIGRATIONS = Path(__file__).parent / "migrations"


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Alembic autogenerate hook: the search index is made by `fts.install`, not declared as models."""
    if type_ == "table" and fts.is_search_table(name):
        return False
    return not (type_ == "index" and name == "ix_documents_fts")


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Create or upgrade the schema to the newest revision (a no-op when it is current)."""
    with engine.connect() as connection:
        if current_revision(connection) == head_revision():
            return
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")

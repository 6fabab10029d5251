"""Schema migrations, run on open: `upgrade(engine)` brings any database to the newest schema.

The Alembic environment and the versions live in `store/migrations/` inside the package.
"""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from . import fts

MIGRATIONS = Path(__file__).parent / "migrations"


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Alembic autogenerate hook: the search index (and PostgreSQL's search column) are made by `fts.py`,
    not declared as models."""
    if type_ == "table" and fts.is_search_table(name):
        return False
    if type_ == "column" and name == fts.SEARCH_COLUMN:
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


# Any constant shared by every conflictdesk process: the key of PostgreSQL's advisory lock.
_MIGRATION_LOCK_KEY = 0x436F6E666C6963   # "Conflic"


def upgrade(engine: Engine) -> None:
    """Create or upgrade the schema to the newest revision (a no-op when it is current).

    Safe when several processes open the same new database at once: the migration runs under
    a database-wide lock (SQLite: the write lock, taken with BEGIN IMMEDIATE and waited for;
    PostgreSQL: a transaction-scoped advisory lock), and the revision is read again once the
    lock is held, so the processes that waited find the schema made and do nothing."""
    head = head_revision()
    with engine.connect() as connection:
        if current_revision(connection) == head:
            return
    with engine.connect() as connection:
        with connection.execution_options(write=True).begin():
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY})
            if current_revision(connection) != head:
                command.upgrade(alembic_config(connection), "head")

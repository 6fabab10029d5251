"""Alembic environment for conflictdesk's store.

Run programmatically by `conflictdesk.store.migration.upgrade` with an open connection in
`config.attributes["connection"]`; no alembic.ini is needed, so it works installed.
"""
from __future__ import annotations

from alembic import context

from conflictdesk.store.migration import include_object
from conflictdesk.store.schema import Base

target_metadata = Base.metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("conflictdesk runs its migrations with an open connection (Store(url) does this)")
    context.configure(connection=connection, target_metadata=target_metadata, include_object=include_object,
                      render_as_batch=connection.dialect.name == "sqlite", compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


run_migrations()

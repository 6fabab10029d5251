"""INSERT ... ON CONFLICT for SQLite and PostgreSQL: a write that is whole under many writers.

Two writers that insert the same key at once never both succeed and never fail: the database
decides in one statement (no read-then-write). SQLite (3.24+) and PostgreSQL spell it the same
way, but SQLAlchemy builds it with each dialect's own `insert`; this module picks it, so that
the rest of the store stays portable (with `fts.py`, the only dialect-aware code).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite


def _insert(conn: Connection, table: Table) -> Any:
    dialect = conn.dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"no INSERT ... ON CONFLICT for the {dialect!r} database")


def insert_missing(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], *, keys: Sequence[str]) -> None:
    """Insert the rows whose `keys` are not stored yet; the others are left as they are."""
    if rows:
        conn.execute(_insert(conn, table).on_conflict_do_nothing(index_elements=list(keys)), list(rows))


def upsert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], *, keys: Sequence[str],
           update: Sequence[str]) -> None:
    """Insert the rows; where one with the same `keys` is stored, set its `update` columns instead."""
    if not rows:
        return
    statement = _insert(conn, table)
    conn.execute(statement.on_conflict_do_update(
        index_elements=list(keys), set_={column: statement.excluded[column] for column in update}), list(rows))

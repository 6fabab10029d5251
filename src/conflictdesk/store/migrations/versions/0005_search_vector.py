"""PostgreSQL keeps each document's search vector in a generated column under the GIN index, so
ranking search results reads the vector instead of parsing every matching text again (fts.py).
SQLite (FTS5) is unchanged.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""
from __future__ import annotations

from alembic import op

from conflictdesk.store import fts

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    fts.store_vector(op.get_bind())


def downgrade() -> None:
    fts.unstore_vector(op.get_bind())

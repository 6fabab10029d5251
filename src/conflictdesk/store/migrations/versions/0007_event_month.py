"""Events told by their month only ("in April", "last month") record that month and no event_date:
no day is invented (the extraction contract). The month is kept as its first day, a date, so that
both SQLite and PostgreSQL filter and sort it as one; events stored before keep what they had.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('events') as batch:
        batch.add_column(sa.Column('event_month', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('events') as batch:
        batch.drop_column('event_month')

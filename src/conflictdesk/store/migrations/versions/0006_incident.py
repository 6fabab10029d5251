"""Events record the incident they tell: events of several documents that tell one occurrence
share it (store/incidents.py). Events stored before stay their own incidents (NULL).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('events') as batch:
        batch.add_column(sa.Column('incident', sa.Integer(), nullable=True))
        batch.create_index('ix_events_incident', ['incident'])


def downgrade() -> None:
    with op.batch_alter_table('events') as batch:
        batch.drop_index('ix_events_incident')
        batch.drop_column('incident')
